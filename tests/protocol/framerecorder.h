#pragma once

// What the frame parser suites share: a FrameSink that records every call as
// text, feeding a stream in chosen pieces, and a builder of frames as a
// role's peer writes them.
#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/masking.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

#include <functional>

namespace closecall::test {

using namespace closecall::protocol;
using namespace Qt::StringLiterals;

// One sink call, rendered as text so a mismatch prints readably.
inline QString payloadText(QByteArrayView p)
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

inline QString messageCall(MessageType t, QByteArrayView p, int frames)
{
    return u"message %1 x%2 %3"_s.arg(messageTypeName(t)).arg(frames).arg(payloadText(p));
}
inline QString controlCall(Opcode op, QByteArrayView p)
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
// `prepare` sets the parser up before the first byte (e.g. enableDeflate).
inline QStringList parse(Role role, const QByteArray &stream, const Chunker &next,
                         quint64 maxMessageSize = 16 * 1024 * 1024, Recorder *out = nullptr,
                         const std::function<void(FrameParser &)> &prepare = {})
{
    FrameParser parser(role, maxMessageSize);
    if (prepare)
        prepare(parser);
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

inline Chunker fixed(qsizetype n)
{
    return [n] {
        return n;
    };
}
inline Chunker whole()
{
    return fixed(std::numeric_limits<qsizetype>::max());
}
inline Chunker randomChunks(quint32 seed)
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

inline QByteArray randomBytes(qsizetype n, quint32 seed)
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
inline Stream richStream(bool masked)
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

} // namespace closecall::test

Q_DECLARE_METATYPE(closecall::protocol::Role)
