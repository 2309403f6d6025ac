// RFC 6455 §5 frame parsing of broken input: every frame-level row of the
// protocol-error table of docs/close-semantics.md (R12), and incremental
// UTF-8 that fails at the first bad byte (R15).
#include "framerecorder.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace closecall::test;
using namespace Qt::StringLiterals;

class tst_frameparser_errors : public QObject
{
    Q_OBJECT

private slots:
    void protocolErrors_data();
    void protocolErrors();
    void failsAtFirstBadByte_data();
    void failsAtFirstBadByte();
};

void tst_frameparser_errors::protocolErrors_data()
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

void tst_frameparser_errors::protocolErrors()
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

void tst_frameparser_errors::failsAtFirstBadByte_data()
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

void tst_frameparser_errors::failsAtFirstBadByte()
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

QTEST_APPLESS_MAIN(tst_frameparser_errors)
#include "tst_frameparser_errors.moc"
