// RFC 6455 §5 frame parsing: the §5.7 examples, every frame-level row of
// CLOSE-SEMANTICS.md's protocol-error table (R12), incremental UTF-8 that
// fails at the first bad byte (R15), and identical sink calls for any split
// of the input (R14). The zero-copy fast path and buffer accounting too.
#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/masking.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

#include <functional>

using namespace closecall::protocol;
using namespace Qt::StringLiterals;

namespace {

// One sink call, rendered as text so a mismatch prints readably.
QString payloadText(QByteArrayView p)
{
    if (p.size() <= 40) {
        bool printable = true;
        for (char c : p)
            printable = printable && c >= 0x20 && c < 0x7F;
        if (printable)
            return u"'"_s + QString::fromLatin1(p) + u"'"_s;
    }
    const QByteArray md5 = QCryptographicHash::hash(p, QCryptographicHash::Md5).toHex().left(12);
    return u"<%1 bytes %2>"_s.arg(p.size()).arg(QString::fromLatin1(md5));
}

QString messageCall(MessageType t, QByteArrayView p, int frames)
{
    return u"message %1 x%2 %3"_s.arg(messageTypeName(t)).arg(frames).arg(payloadText(p));
}
QString controlCall(Opcode op, QByteArrayView p)
{
    return u"control %1 %2"_s.arg(opcodeName(op), payloadText(p));
}

// Records every call. Also notes whether each payload view pointed into
// the buffer being fed (the zero-copy fast path).
class Recorder final : public FrameSink
{
public:
    QStringList calls;
    QList<bool> inCallerBuffer;
    quint16 errorCode = 0;
    QString why;
    const char *bufBegin = nullptr;
    const char *bufEnd = nullptr;
    FrameParser *stopParser = nullptr; // calls stop() on each callback when set

    void onMessage(MessageType t, QByteArrayView p, int frames) override
    {
        note(p);
        calls << messageCall(t, p, frames);
    }
    void onControl(Opcode op, QByteArrayView p) override
    {
        note(p);
        calls << controlCall(op, p);
    }
    void onProtocolError(quint16 code, const QString &w) override
    {
        QVERIFY2(errorCode == 0, "a second onProtocolError");
        errorCode = code;
        why = w;
        calls << u"error %1: %2"_s.arg(code).arg(w);
    }

private:
    void note(QByteArrayView p)
    {
        inCallerBuffer << (p.data() >= bufBegin && p.data() + p.size() <= bufEnd && !p.isEmpty());
        if (stopParser)
            stopParser->stop();
    }
};

// Cuts a stream into read sizes: a function returning the next size.
using Chunker = std::function<qsizetype()>;

// Feeds `stream` in pieces, each in its own buffer (scribbled over after
// use, so a view kept past its call would show), and returns the calls.
QStringList parse(Role role, const QByteArray &stream, const Chunker &next,
                  quint64 maxMessageSize = 16 * 1024 * 1024, Recorder *out = nullptr)
{
    FrameParser parser(role, maxMessageSize);
    Recorder local;
    Recorder &rec = out ? *out : local;
    qsizetype pos = 0;
    while (pos < stream.size() && !parser.hasFailed()) {
        const qsizetype n = qMin(qMax<qsizetype>(next(), 1), stream.size() - pos);
        QByteArray piece = stream.mid(pos, n);
        piece.detach(); // its own buffer, even when it is the whole stream
        rec.bufBegin = piece.constData();
        rec.bufEnd = piece.constData() + n;
        const qsizetype used = parser.feed(piece.data(), n, rec);
        if (!parser.hasFailed() && used != n)
            rec.calls << u"(feed consumed %1 of %2 bytes!)"_s.arg(used).arg(n);
        piece.fill('\xCC');
        pos += n;
    }
    if (parser.hasFailed()) { // consumes nothing more, reports nothing more
        const qsizetype callCount = rec.calls.size();
        QByteArray more = stream.mid(pos) + QByteArray(4, '\x89');
        if (parser.feed(more.data(), more.size(), rec) != 0 || rec.calls.size() != callCount)
            rec.calls << u"(fed after the error!)"_s;
    }
    return rec.calls;
}

Chunker fixed(qsizetype n)
{
    return [n] {
        return n;
    };
}
Chunker whole()
{
    return fixed(std::numeric_limits<qsizetype>::max());
}
Chunker randomChunks(quint32 seed)
{
    auto rng = std::make_shared<QRandomGenerator>(seed);
    return [rng]() -> qsizetype {
        const int kind = int(rng->bounded(10));
        if (kind < 5)
            return rng->bounded(1, 17);
        if (kind < 8)
            return rng->bounded(1, 513);
        return rng->bounded(1, 100000);
    };
}

// Builds frames for a role's peer: masked when a server reads them.
class Stream
{
public:
    explicit Stream(bool masked)
        : m_masked(masked)
    {}
    QByteArray bytes;
    QStringList expected;

    Stream &frame(Opcode op, QByteArrayView payload, bool fin = true, quint8 rsv = 0)
    {
        raw(bytes, op, payload, fin, rsv);
        return *this;
    }
    Stream &message(MessageType t, QByteArrayView payload)
    {
        frame(t == MessageType::Text ? Opcode::Text : Opcode::Binary, payload);
        expected << messageCall(t, payload, 1);
        return *this;
    }
    Stream &control(Opcode op, QByteArrayView payload)
    {
        frame(op, payload);
        expected << controlCall(op, payload);
        return *this;
    }
    // A fragmented message; `controls` are sent after the fragment of the
    // same index.
    Stream &fragmented(MessageType t, const QList<QByteArray> &parts,
                       const QMap<int, QPair<Opcode, QByteArray>> &controls = {})
    {
        QByteArray all;
        for (int i = 0; i < parts.size(); ++i) {
            frame(i == 0 ? (t == MessageType::Text ? Opcode::Text : Opcode::Binary)
                         : Opcode::Continuation,
                  parts[i], i == parts.size() - 1);
            all += parts[i];
            if (controls.contains(i) && i != parts.size() - 1)
                control(controls[i].first, controls[i].second);
        }
        expected << messageCall(t, all, int(parts.size()));
        return *this;
    }
    // Header length of a frame with this payload size.
    qsizetype headerSize(qsizetype n) const { return framewriter::headerSize(n, m_masked); }

private:
    void raw(QByteArray &out, Opcode op, QByteArrayView payload, bool fin, quint8 rsv)
    {
        // Keys vary per frame so every masking phase gets exercised.
        const quint32 key = 0x9E3779B9u * ++m_frames;
        framewriter::appendHeader(out, op, payload.size(), fin,
                                  m_masked ? std::optional<quint32>(key) : std::nullopt, rsv);
        const qsizetype at = out.size();
        out += payload;
        if (m_masked)
            applyMask(out.data() + at, payload.size(), key);
    }
    bool m_masked;
    quint32 m_frames = 0;
};

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(n, Qt::Uninitialized);
    for (char &c : out)
        c = char(rng.bounded(256));
    return out;
}

// Many kinds of frames: tiny and large, all three length encodings, empty
// frames and fragments, controls between fragments, UTF-8 characters cut
// across fragment boundaries.
Stream richStream(bool masked)
{
    Stream s(masked);
    s.message(MessageType::Text, "Hello");
    s.message(MessageType::Binary, {});
    s.message(MessageType::Text, {});
    s.control(Opcode::Ping, {});
    s.control(Opcode::Ping, QByteArray(125, 'p'));
    s.control(Opcode::Pong, "x");
    s.message(MessageType::Text, u"€a"_s.repeated(42).toUtf8()); // 168 bytes: 16-bit length
    s.message(MessageType::Binary, randomBytes(65535, 1));
    s.message(MessageType::Binary, randomBytes(65536, 2)); // 64-bit length
    s.message(MessageType::Binary, randomBytes(300000, 3));
    const QByteArray kosme = u"κόσμε"_s.toUtf8();
    s.fragmented(MessageType::Text,
                 {u"Grüße, "_s.toUtf8(), kosme.left(3), kosme.mid(3) + "\xF0\x9F", QByteArray(),
                  "\x98\x80 end"},
                 {{0, {Opcode::Ping, "between"}}, {3, {Opcode::Pong, {}}}});
    QRandomGenerator rng(42);
    QList<QByteArray> parts;
    QMap<int, QPair<Opcode, QByteArray>> controls;
    for (int i = 0; i < 50; ++i) {
        parts << randomBytes(rng.bounded(0, 3000), 100 + i);
        if (rng.bounded(4) == 0)
            controls.insert(i, {i % 2 ? Opcode::Ping : Opcode::Pong, QByteArray::number(i)});
    }
    s.fragmented(MessageType::Binary, parts, controls);
    const QByteArray big = u"ab€😀"_s.repeated(5000).toUtf8(); // 55000 bytes
    s.fragmented(MessageType::Text, {big.left(101), big.mid(101, 30001), big.mid(30102)});
    for (int i = 0; i < 200; ++i)
        s.message(i % 3 ? MessageType::Binary : MessageType::Text,
                  QByteArray(64, char('a' + i % 26)));
    s.control(Opcode::Close, QByteArray(QByteArray::fromHex("03e8") + "bye"));
    return s;
}

} // namespace

Q_DECLARE_METATYPE(Role)

class tst_frameparser : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data();
    void rfcExamples();
    void protocolErrors_data();
    void protocolErrors();
    void failsAtFirstBadByte_data();
    void failsAtFirstBadByte();
    void anySplitSameCalls_data();
    void anySplitSameCalls();
    void limits_data();
    void limits();
    void zeroCopyFastPath();
    void stopEndsTheCurrentFeed();
    void buffersAndReleaseMemory();
};

void tst_frameparser::rfcExamples_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");

    const QByteArray b64k = randomBytes(65536, 7), b256 = b64k.left(256);
    // RFC 6455 §5.7. The unmasked examples come from a server, so a client
    // reads them; the masked ones come from a client.
    QTest::newRow("single-frame unmasked text 'Hello' [RFC 6455 §5.7]")
        << Role::Client << QByteArray::fromHex("810548656c6c6f")
        << QStringList{messageCall(MessageType::Text, "Hello", 1)};
    QTest::newRow("single-frame masked text 'Hello' [RFC 6455 §5.7]")
        << Role::Server << QByteArray::fromHex("818537fa213d7f9f4d5158")
        << QStringList{messageCall(MessageType::Text, "Hello", 1)};
    QTest::newRow("fragmented unmasked text 'Hel' + 'lo' [RFC 6455 §5.7]")
        << Role::Client << QByteArray::fromHex("010348656c80026c6f")
        << QStringList{messageCall(MessageType::Text, "Hello", 2)};
    QTest::newRow("unmasked Ping 'Hello' [RFC 6455 §5.7]")
        << Role::Client << QByteArray::fromHex("890548656c6c6f")
        << QStringList{controlCall(Opcode::Ping, "Hello")};
    QTest::newRow("masked Pong 'Hello' [RFC 6455 §5.7]")
        << Role::Server << QByteArray::fromHex("8a8537fa213d7f9f4d5158")
        << QStringList{controlCall(Opcode::Pong, "Hello")};
    QTest::newRow("masked Ping 'Hello'")
        << Role::Server << QByteArray::fromHex("898537fa213d7f9f4d5158")
        << QStringList{controlCall(Opcode::Ping, "Hello")};
    QTest::newRow("256-byte unmasked binary, 16-bit length [RFC 6455 §5.7]")
        << Role::Client << QByteArray(QByteArray::fromHex("827e0100") + b256)
        << QStringList{messageCall(MessageType::Binary, b256, 1)};
    QTest::newRow("64 KiB unmasked binary, 64-bit length [RFC 6455 §5.7]")
        << Role::Client << QByteArray(QByteArray::fromHex("827f0000000000010000") + b64k)
        << QStringList{messageCall(MessageType::Binary, b64k, 1)};
}

void tst_frameparser::rfcExamples()
{
    QFETCH(Role, role);
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    QCOMPARE(parse(role, stream, whole()), expected);
    QCOMPARE(parse(role, stream, fixed(1)), expected);
}

void tst_frameparser::protocolErrors_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<quint64>("maxSize");
    QTest::addColumn<int>("callsBefore");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("why");

    const quint64 max = 16 * 1024 * 1024;
    auto row = [max](const char *name, Stream &s, int before, int code, const QString &why,
                     Role role = Role::Server, quint64 limit = 0) {
        QTest::newRow(name) << role << s.bytes << (limit ? limit : max) << before << code << why;
    };
    {
        Stream s(false);
        s.frame(Opcode::Text, "hi");
        row("client frame not masked -> 1002 [R12]", s, 0, 1002, u"client frame is not masked"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "hi");
        row("server frame masked -> 1002 [R12]", s, 0, 1002, u"server frame is masked"_s,
            Role::Client);
    }
    for (auto [rsv, bits] :
         {std::pair{4, "RSV1"}, {2, "RSV2"}, {1, "RSV3"}, {6, "RSV1 and RSV2"}}) {
        Stream s(true);
        s.control(Opcode::Ping, "ok").frame(Opcode::Binary, "x", true, quint8(rsv));
        const QByteArray name = QByteArray(bits) + " set, no extension -> 1002 [R12]";
        row(name.constData(), s, 1, 1002, QString::fromLatin1(bits) + u" set"_s);
    }
    for (int op : {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
        Stream s(true);
        s.frame(static_cast<Opcode>(op), "?");
        const QString hex = u"0x"_s + QString::number(op, 16).toUpper();
        const QByteArray name = "reserved opcode " + hex.toLatin1() + " -> 1002 [R12]";
        row(name.constData(), s, 0, 1002, u"reserved opcode "_s + hex);
    }
    for (Opcode op : {Opcode::Ping, Opcode::Pong, Opcode::Close}) {
        const QByteArray name = op == Opcode::Ping ? "Ping" : op == Opcode::Pong ? "Pong" : "Close";
        Stream s(true);
        s.frame(op, QByteArray(126, 'c'));
        row(QByteArray(name + " payload 126 -> 1002 [R12]").constData(), s, 0, 1002,
            u"control frame payload of 126 bytes; the limit is 125"_s);
        Stream f(true);
        f.frame(op, "\x03\xE8", false);
        row(QByteArray("fragmented " + name + " (FIN = 0) -> 1002 [R12]").constData(), f, 0, 1002,
            u"fragmented control frame: "_s + QLatin1StringView(name) + u" with FIN = 0"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Continuation, "orphan");
        row("continuation with no message started -> 1002 [R12]", s, 0, 1002,
            u"continuation frame with no message started"_s);
    }
    {
        Stream s(true);
        s.message(MessageType::Text, "done").frame(Opcode::Continuation, "more");
        row("continuation after a complete message -> 1002 [R12]", s, 1, 1002,
            u"continuation frame with no message started"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "part", false).frame(Opcode::Text, "new");
        row("new Text frame inside a fragmented Text message -> 1002 [R12]", s, 0, 1002,
            u"new Text frame while a fragmented Text message is in progress"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "part", false).control(Opcode::Ping, {}).frame(Opcode::Binary, "b");
        row("new Binary frame inside a fragmented Text message -> 1002 [R12]", s, 1, 1002,
            u"new Binary frame while a fragmented Text message is in progress"_s);
    }
    {
        Stream s(true);
        s.bytes = QByteArray::fromHex("82ff800000000000000537fa213d") + "hello";
        row("64-bit length with the MSB set -> 1002 [R12]", s, 0, 1002,
            u"most significant bit set"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "Hello, world! ab\xC0\xAFzz");
        row("invalid UTF-8 (overlong) in one frame -> 1007 [R15]", s, 0, 1007,
            u"invalid UTF-8 at byte 16 of the text message"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "abc\xE2\x82", false).frame(Opcode::Continuation, "(rest");
        row("invalid UTF-8 split across fragments -> 1007 [R15]", s, 0, 1007,
            u"invalid UTF-8 at byte 5 of the text message"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "ab\xED", false)
            .control(Opcode::Ping, "mid")
            .frame(Opcode::Continuation, "\xA0\x80", true);
        row("surrogate split across fragments, Ping between -> 1007 [R15]", s, 1, 1007,
            u"invalid UTF-8 at byte 3 of the text message"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "abc\xE2\x82");
        row("text ends inside a character -> 1007 [R15]", s, 0, 1007,
            u"text message of 5 bytes ends inside a character"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "ab\xF0\x9F", false).frame(Opcode::Continuation, "\x98", true);
        row("fragmented text ends inside a character -> 1007 [R15]", s, 0, 1007,
            u"text message of 5 bytes ends inside a character"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, QByteArray(QByteArray(69000, 'a') + "\xFF" + QByteArray(1000, 'b')));
        row("invalid UTF-8 deep in a 70000-byte frame -> 1007 [R15]", s, 0, 1007,
            u"invalid UTF-8 at byte 69000 of the text message"_s);
    }
    {
        Stream s(true);
        s.frame(Opcode::Binary, "\xFF\xFE\xC0");
        s.message(MessageType::Binary, "\xFF");
        s.frame(Opcode::Text, "\xFF");
        row("binary is not UTF-8 checked; text is -> 1007 [R15]", s, 2, 1007,
            u"invalid UTF-8 at byte 0"_s);
    }
    {
        Stream s(true);
        s.message(MessageType::Binary, QByteArray(100, 'x'))
            .frame(Opcode::Binary, QByteArray(101, 'y'));
        row("message over the limit -> 1009 [R12]", s, 1, 1009,
            u"message of 101 bytes; the limit is 100"_s, Role::Server, 100);
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, QByteArray(60, 'a'), false)
            .control(Opcode::Pong, {})
            .frame(Opcode::Continuation, QByteArray(41, 'b'));
        row("fragments together over the limit -> 1009 [R12]", s, 1, 1009,
            u"fragmented message reaches 101 bytes; the limit is 100"_s, Role::Server, 100);
    }
    {
        Stream s(true);
        framewriter::appendHeader(s.bytes, Opcode::Binary, quint64(1) << 30, true, 0x01020304);
        row("1 GiB header alone, no payload yet -> 1009 [R12]", s, 0, 1009,
            u"message of 1073741824 bytes; the limit is 16777216"_s);
    }
}

void tst_frameparser::protocolErrors()
{
    QFETCH(Role, role);
    QFETCH(QByteArray, stream);
    QFETCH(quint64, maxSize);
    QFETCH(int, callsBefore);
    QFETCH(int, code);
    QFETCH(QString, why);

    Recorder rec;
    const QStringList calls = parse(role, stream, whole(), maxSize, &rec);
    QCOMPARE(calls.size(), callsBefore + 1);
    QCOMPARE(int(rec.errorCode), code);
    QVERIFY2(rec.why.contains(why), qPrintable(rec.why));

    // R14 for error streams: the same error at the same point, any split.
    QCOMPARE(parse(role, stream, fixed(1), maxSize), calls);
    for (quint32 seed = 1; seed <= 8; ++seed)
        QCOMPARE(parse(role, stream, randomChunks(seed), maxSize), calls);

    // The same error after a prefix of assorted valid traffic.
    Stream prefix(role == Role::Server);
    prefix.message(MessageType::Text, "before")
        .control(Opcode::Ping, "p")
        .message(MessageType::Binary, randomBytes(qsizetype(qMin<quint64>(70000, maxSize)), 9));
    const QByteArray both = prefix.bytes + stream;
    const QStringList withPrefix = parse(role, both, whole(), maxSize);
    QCOMPARE(withPrefix, prefix.expected + calls);
    QCOMPARE(parse(role, both, fixed(3), maxSize), withPrefix);
    QCOMPARE(parse(role, both, randomChunks(77), maxSize), withPrefix);
}

void tst_frameparser::failsAtFirstBadByte_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qsizetype>("badIndex"); // in the stream
    QTest::addColumn<int>("callsBefore");

    {
        Stream s(true);
        const QByteArray payload = QByteArray(10, 'a') + "\x80" + QByteArray(989, 'b');
        s.frame(Opcode::Text, payload);
        QTest::newRow("bad byte 10 of a 1000-byte frame fails at once [R15]")
            << s.bytes << s.headerSize(1000) + 10 << 0;
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "okay \xC3", false);
        const qsizetype at = s.bytes.size() + s.headerSize(6) + 0;
        s.frame(Opcode::Continuation, "(not a continuation byte", false);
        s.frame(Opcode::Continuation, "never read", true);
        QTest::newRow("bad byte opens the 2nd fragment of 3 [R15]") << s.bytes << at << 0;
    }
    {
        Stream s(true);
        s.frame(Opcode::Text, "one ", false);
        s.frame(Opcode::Continuation, "two ", false);
        s.control(Opcode::Ping, "between");
        const qsizetype at = s.bytes.size() + s.headerSize(12) + 7;
        s.frame(Opcode::Continuation, "three \xF4\x90 more", false);
        s.frame(Opcode::Continuation, "end", true);
        QTest::newRow("> U+10FFFF inside the 3rd fragment, after a Ping [R15]")
            << s.bytes << at << 1;
    }
}

void tst_frameparser::failsAtFirstBadByte()
{
    QFETCH(QByteArray, stream);
    QFETCH(qsizetype, badIndex);
    QFETCH(int, callsBefore);

    FrameParser parser(Role::Server);
    Recorder rec;
    qsizetype failedAt = -1;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        char byte = stream[i];
        parser.feed(&byte, 1, rec);
        if (parser.hasFailed()) {
            failedAt = i;
            break;
        }
    }
    QCOMPARE(failedAt, badIndex);
    QCOMPARE(rec.calls.size(), callsBefore + 1);
    QCOMPARE(rec.errorCode, quint16(1007));
}

void tst_frameparser::anySplitSameCalls_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("chunking");
    for (Role role : {Role::Server, Role::Client}) {
        const char *who = role == Role::Server ? "server reads masked" : "client reads unmasked";
        QStringList kinds{u"whole"_s, u"byte by byte"_s};
        for (int n : {2, 3, 7, 13, 64, 1000, 65536})
            kinds << u"fixed %1"_s.arg(n);
        for (int seed = 1; seed <= 20; ++seed)
            kinds << u"random seed %1"_s.arg(seed);
        for (const QString &k : kinds) {
            const QByteArray name = QByteArray(who) + ", " + k.toLatin1() + " [R14]";
            QTest::newRow(name.constData()) << role << k;
        }
    }
}

void tst_frameparser::anySplitSameCalls()
{
    QFETCH(Role, role);
    QFETCH(QString, chunking);
    Chunker chunker;
    if (chunking == u"whole")
        chunker = whole();
    else if (chunking == u"byte by byte")
        chunker = fixed(1);
    else if (chunking.startsWith(u"fixed "))
        chunker = fixed(chunking.mid(6).toInt());
    else
        chunker = randomChunks(chunking.mid(12).toUInt());

    const Stream s = richStream(role == Role::Server);
    const QStringList calls = parse(role, s.bytes, chunker);
    QCOMPARE(calls.size(), s.expected.size());
    for (int i = 0; i < calls.size(); ++i)
        QCOMPARE(calls.at(i), s.expected.at(i));
}

void tst_frameparser::limits_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<quint64>("maxSize");
    QTest::addColumn<QStringList>("expected");

    {
        Stream s(true);
        s.message(MessageType::Binary, QByteArray(100, 'x'));
        QTest::newRow("single frame of exactly the limit is fine")
            << s.bytes << quint64(100) << s.expected;
    }
    {
        Stream s(true);
        s.fragmented(MessageType::Text, {QByteArray(50, 'a'), {}, QByteArray(50, 'b')});
        QTest::newRow("fragments totalling exactly the limit are fine")
            << s.bytes << quint64(100) << s.expected;
    }
    {
        Stream s(true);
        s.control(Opcode::Ping, QByteArray(125, 'p')).control(Opcode::Close, QByteArray(125, 'c'));
        QTest::newRow("125-byte control frames are fine, even over a small limit")
            << s.bytes << quint64(10) << s.expected;
    }
    {
        Stream s(true);
        s.message(MessageType::Text, "\xEF\xBB\xBF"
                                     "BOM and U+10FFFF \xF4\x8F\xBF\xBF");
        QTest::newRow("BOM and U+10FFFF are valid text") << s.bytes << quint64(100) << s.expected;
    }
}

void tst_frameparser::limits()
{
    QFETCH(QByteArray, stream);
    QFETCH(quint64, maxSize);
    QFETCH(QStringList, expected);
    QCOMPARE(parse(Role::Server, stream, whole(), maxSize), expected);
    QCOMPARE(parse(Role::Server, stream, fixed(1), maxSize), expected);
}

void tst_frameparser::zeroCopyFastPath()
{
    Stream s(true);
    s.message(MessageType::Text, "first").control(Opcode::Ping, "ping");
    s.message(MessageType::Binary, QByteArray(1000, 'z'));
    s.frame(Opcode::Text, "frag", false).frame(Opcode::Continuation, "ment");
    QByteArray buf = s.bytes;
    buf.detach(); // so the pointers below stay the ones fed
    FrameParser parser(Role::Server);
    Recorder rec;
    rec.bufBegin = buf.constData();
    rec.bufEnd = buf.constData() + buf.size();
    QCOMPARE(parser.feed(buf.data(), buf.size(), rec), buf.size());
    QCOMPARE(rec.calls, s.expected + QStringList{messageCall(MessageType::Text, "fragment", 2)});
    // Whole unfragmented frames: views into the caller's buffer, unmasked in
    // place. The fragmented message was reassembled.
    QCOMPARE(rec.inCallerBuffer, (QList<bool>{true, true, true, false}));
    QCOMPARE(buf.mid(s.headerSize(5), 5), QByteArray("first"));

    // A frame cut across two reads is reassembled.
    Stream t(true);
    t.message(MessageType::Text, "straddling");
    Recorder rec2;
    FrameParser p2(Role::Server);
    QByteArray a = t.bytes.left(9), b = t.bytes.mid(9);
    b.detach();
    rec2.bufBegin = b.constData();
    rec2.bufEnd = b.constData() + b.size();
    p2.feed(a.data(), a.size(), rec2);
    QCOMPARE(p2.bufferedBytes(), 9 - t.headerSize(10));
    p2.feed(b.data(), b.size(), rec2);
    QCOMPARE(rec2.calls, t.expected);
    QCOMPARE(rec2.inCallerBuffer, QList<bool>{false});
}

void tst_frameparser::stopEndsTheCurrentFeed()
{
    Stream s(true);
    s.message(MessageType::Text, "one").control(Opcode::Ping, "two");
    s.message(MessageType::Binary, "three");
    QByteArray buf = s.bytes;
    FrameParser parser(Role::Server);
    Recorder rec;
    rec.stopParser = &parser;
    const qsizetype first = s.headerSize(3) + 3;
    QCOMPARE(parser.feed(buf.data(), buf.size(), rec), first);
    QCOMPARE(rec.calls, s.expected.mid(0, 1));
    // The rest of the buffer is untouched (still masked) until fed again.
    const qsizetype second = s.headerSize(3) + 3;
    QCOMPARE(parser.feed(buf.data() + first, buf.size() - first, rec), second);
    QCOMPARE(parser.feed(buf.data() + first + second, buf.size() - first - second, rec),
             buf.size() - first - second);
    QCOMPARE(rec.calls, s.expected);
    QVERIFY(!parser.hasFailed());
}

void tst_frameparser::buffersAndReleaseMemory()
{
    Stream s(true);
    s.frame(Opcode::Binary, QByteArray(200000, 'a'), false);
    s.frame(Opcode::Continuation, QByteArray(10, 'b'), true);
    QByteArray buf = s.bytes;
    FrameParser parser(Role::Server);
    Recorder rec;
    const qsizetype firstFrame = s.headerSize(200000) + 200000;
    QVERIFY(!parser.inMessage());
    parser.feed(buf.data(), firstFrame + 3, rec);
    QVERIFY(parser.inMessage());
    QCOMPARE(parser.bufferedBytes(), 200000);
    parser.releaseMemory(); // pending data is kept
    QCOMPARE(parser.bufferedBytes(), 200000);
    parser.feed(buf.data() + firstFrame + 3, buf.size() - firstFrame - 3, rec);
    QVERIFY(!parser.inMessage());
    QCOMPARE(parser.bufferedBytes(), 0);
    parser.releaseMemory();
    QCOMPARE(rec.calls.size(), 1);
    QCOMPARE(rec.calls.at(0),
             messageCall(MessageType::Binary, QByteArray(200000, 'a').append(10, 'b'), 2));
}

QTEST_APPLESS_MAIN(tst_frameparser)
#include "tst_frameparser.moc"
