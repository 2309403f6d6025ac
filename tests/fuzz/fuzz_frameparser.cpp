// Fuzzes FrameParser (app/protocol/frameparser.h).
//
// Input layout:
//   byte 0       configuration: bit 0 role (0 server, 1 client), bits 1-2 the
//                message size limit (default / 0 / 1..256 / 125), bit 3 the
//                mode (0 raw stream, 1 structured round trip)
//   byte 1       low 4 bits: how many chunk-size bytes follow (0-15)
//   bytes ...    chunk sizes (fuzzsupport.h forEachChunk)
//   rest         raw mode: the byte stream to parse
//                round-trip mode: a script of frames to build (see roundTrip)
//
// Raw mode checks R14 directly: the stream fed whole, split into the chunks,
// and (when short) one byte at a time must produce the same sink calls; and
// every call must be well formed (control payloads <= 125 bytes, text is valid
// UTF-8, messages within the limit, one error at most and nothing after it).
//
// Round-trip mode builds a legal frame sequence with an independent encoder,
// checks framewriter produces the same bytes, and checks the parser hands
// back exactly the messages and control frames that went in.

#include "fuzzsupport.h"

#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/utf8validator.h"

#include <QtCore/QList>
#include <QtCore/QString>

#include <cstdint>
#include <cstdio>

using namespace closecall::protocol;
using closecall::fuzz::Reader;

namespace {

struct Call
{
    enum Kind : quint8 { Message, Control, Error } kind = Message;
    quint8 type = 0; // MessageType or Opcode
    QByteArray payload;
    int frames = 0;
    quint16 code = 0;
    QString why;

    bool operator==(const Call &o) const
    {
        return kind == o.kind && type == o.type && payload == o.payload && frames == o.frames &&
               code == o.code && why == o.why;
    }
};

QByteArray describe(const Call &c)
{
    QByteArray s;
    switch (c.kind) {
    case Call::Message:
        s = "message type=" + QByteArray::number(c.type) +
            " frames=" + QByteArray::number(c.frames);
        break;
    case Call::Control:
        s = "control opcode=" + QByteArray::number(c.type);
        break;
    case Call::Error:
        s = "error " + QByteArray::number(c.code) + " (" + c.why.toUtf8() + ")";
        break;
    }
    return s + " len=" + QByteArray::number(c.payload.size()) + " [" +
           closecall::fuzz::hexPreview(c.payload, 24) + "]";
}

class RecordingSink final : public FrameSink
{
public:
    explicit RecordingSink(quint64 maxMessageSize)
        : m_max(maxMessageSize)
    {}

    void onMessage(MessageType type, QByteArrayView payload, int frames) override
    {
        FUZZ_CHECK(!m_failed, "a message after a protocol error");
        FUZZ_CHECK(frames >= 1, "");
        FUZZ_CHECK(quint64(payload.size()) <= m_max, "a message over maxMessageSize was delivered");
        if (type == MessageType::Text)
            FUZZ_CHECK(Utf8Validator::isValid(payload), "a text message that is not valid UTF-8");
        calls.append({Call::Message, quint8(type), payload.toByteArray(), frames, 0, {}});
    }

    void onControl(Opcode opcode, QByteArrayView payload) override
    {
        FUZZ_CHECK(!m_failed, "a control frame after a protocol error");
        FUZZ_CHECK(opcode == Opcode::Close || opcode == Opcode::Ping || opcode == Opcode::Pong,
                   "onControl with a non-control opcode");
        FUZZ_CHECK(payload.size() <= 125, "control payload over 125 bytes (RFC 6455 §5.5)");
        calls.append({Call::Control, quint8(opcode), payload.toByteArray(), 0, 0, {}});
    }

    void onProtocolError(quint16 closeCode, const QString &why) override
    {
        FUZZ_CHECK(!m_failed, "a second protocol error");
        FUZZ_CHECK(closeCode == 1002 || closeCode == 1007 || closeCode == 1009,
                   "protocol error code is not 1002, 1007 or 1009");
        FUZZ_CHECK(!why.isEmpty(), "protocol error without a reason");
        m_failed = true;
        calls.append({Call::Error, 0, {}, 0, closeCode, why});
    }

    bool failed() const { return m_failed; }
    QList<Call> calls;

private:
    quint64 m_max;
    bool m_failed = false;
};

// Feeds `stream` (a copy: the parser unmasks in place) in the chunks `seed`
// gives, checking feed()'s return value, and returns the calls.
QList<Call> parse(Role role, quint64 maxSize, const QByteArray &stream, QByteArrayView seed)
{
    FrameParser parser(role, maxSize);
    FUZZ_CHECK(parser.maxMessageSize() == maxSize, "");
    RecordingSink sink(maxSize);
    QByteArray buf = stream;
    buf.detach();
    closecall::fuzz::forEachChunk(buf.size(), seed, [&](qsizetype pos, qsizetype n) {
        const bool failedBefore = sink.failed();
        const qsizetype used = parser.feed(buf.data() + pos, n, sink);
        FUZZ_CHECK(used >= 0 && used <= n, "feed() consumed a negative count or more than given");
        if (failedBefore)
            FUZZ_CHECK(sink.calls.size() == 0 || sink.calls.last().kind == Call::Error,
                       "calls after the protocol error");
        if (!sink.failed())
            FUZZ_CHECK(used == n, "feed() stopped early without an error or stop()");
        FUZZ_CHECK(parser.hasFailed() == sink.failed(), "hasFailed() disagrees with the sink");
        FUZZ_CHECK(parser.bufferedBytes() >= 0, "");
    });
    return sink.calls;
}

void requireSame(const QList<Call> &a, const QList<Call> &b, const char *what)
{
    if (a == b)
        return;
    std::fprintf(stderr, "R14: %s: %lld vs %lld calls\n", what, qlonglong(a.size()),
                 qlonglong(b.size()));
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QByteArray l = i < a.size() ? describe(a[i]) : QByteArray("-");
        const QByteArray r = i < b.size() ? describe(b[i]) : QByteArray("-");
        std::fprintf(stderr, "  %s %lld: %s\n         %s\n", l == r ? "  " : "!!", qlonglong(i),
                     l.constData(), r.constData());
    }
    FUZZ_CHECK(false, "split input gave different sink calls (R14)");
}

void rawStream(Role role, quint64 maxSize, const QByteArray &stream, QByteArrayView seed)
{
    const QList<Call> whole = parse(role, maxSize, stream, {});
    const QList<Call> split = parse(role, maxSize, stream, seed);
    requireSame(whole, split, "whole vs split");
    if (stream.size() <= 512) {
        static const char one[] = {1};
        requireSame(whole, parse(role, maxSize, stream, QByteArrayView(one, 1)),
                    "whole vs byte by byte");
    }
    // Our role fixes which masking is legal: a frame masked the wrong way is
    // always a 1002, so the first call can never be a message or control
    // frame when the first frame's mask bit is wrong.
    if (stream.size() >= 2 && !whole.isEmpty()) {
        const bool masked = (quint8(stream[1]) & 0x80) != 0;
        if (masked != (role == Role::Server))
            FUZZ_CHECK(whole.first().kind == Call::Error && whole.first().code == 1002,
                       "a frame with the wrong masking for our role was accepted");
    }
}

// Round trip: builds a legal sequence of frames from the script, as the peer
// would send it (masked towards a server), and checks the parser returns it.
void roundTrip(Role role, quint64 maxSize, Reader &in, QByteArrayView seed)
{
    const bool masked = role == Role::Server; // the peer is a client
    const Role writerRole = masked ? Role::Client : Role::Server;
    QByteArray wire;
    QByteArray viaWriter;
    QList<Call> expected;
    bool overLimit = false;

    auto emitFrame = [&](quint8 opcode, bool fin, const QByteArray &payload) {
        const quint32 key = masked ? in.u32() : 0;
        closecall::fuzz::encodeFrame(wire, quint8((fin ? 0x80 : 0) | opcode), payload, masked, key);
        framewriter::appendFrame(viaWriter, writerRole, Opcode(opcode), payload, fin,
                                 masked ? std::optional<quint32>(key) : std::nullopt);
    };
    auto control = [&](quint8 opcode, const QByteArray &payload) {
        emitFrame(opcode, true, payload);
        if (!overLimit)
            expected.append({Call::Control, opcode, payload, 0, 0, {}});
    };

    for (int items = 0; items < 64 && !in.atEnd(); ++items) {
        const quint8 what = in.byte();
        switch (what % 4) {
        case 0: { // a data message in 1..4 fragments, maybe with controls between
            const int fragments = 1 + (what >> 2) % 4;
            QList<QByteArray> parts;
            QByteArray all;
            for (int f = 0; f < fragments; ++f) {
                const quint8 lenByte = in.byte();
                // Mostly short, sometimes over the 126 and 65536 length forms.
                size_t len = lenByte & 0x7F;
                if (lenByte & 0x80)
                    len = (lenByte & 0x40) ? 65536 + (lenByte & 0x3F) : 126 + (lenByte & 0x3F) * 8;
                QByteArray p = in.bytes(len);
                if (qsizetype(len) > p.size()) // out of input: pad deterministically
                    p.append(QByteArray(qsizetype(len) - p.size(), 'x'));
                parts.append(p);
                all += p;
            }
            const bool text = (what & 0x40) && Utf8Validator::isValid(all);
            const bool pingBetween = (what & 0x80) != 0;
            quint64 soFar = 0;
            for (int f = 0; f < fragments; ++f) {
                const quint8 op = f == 0 ? (text ? 0x1 : 0x2) : 0x0;
                emitFrame(op, f == fragments - 1, parts[f]);
                soFar += quint64(parts[f].size());
                if (!overLimit && soFar > maxSize) {
                    overLimit = true;
                    expected.append({Call::Error, 0, {}, 0, 1009, {}});
                }
                if (pingBetween && f + 1 < fragments)
                    control(0x9, QByteArray::number(f));
            }
            if (!overLimit)
                expected.append({Call::Message,
                                 quint8(text ? MessageType::Text : MessageType::Binary),
                                 all,
                                 fragments,
                                 0,
                                 {}});
            break;
        }
        case 1:
            control(0x9, in.bytes(in.byte() % 126));
            break;
        case 2:
            control(0xA, in.bytes(in.byte() % 126));
            break;
        case 3:
            control(0x8, in.bytes(in.byte() % 126));
            break;
        }
        // Keep an input's work bounded (a few large frames at most).
        if (overLimit || wire.size() > 1024 * 1024)
            break;
    }

    if (wire != viaWriter) {
        std::fprintf(stderr, "independent encoder: %s\nframewriter:         %s\n",
                     closecall::fuzz::hexPreview(wire, 48).constData(),
                     closecall::fuzz::hexPreview(viaWriter, 48).constData());
        FUZZ_CHECK(false, "framewriter::appendFrame wrote different bytes than RFC 6455 §5.2");
    }

    QList<Call> got = parse(role, maxSize, wire, seed);
    // Error texts are free-form; compare the code only.
    for (Call &c : got)
        c.why.clear();
    if (got != expected) {
        requireSame(expected, got, "round trip (expected vs parsed)");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Reader in(data, size);
    const quint8 cfg = in.byte();
    const Role role = (cfg & 1) ? Role::Client : Role::Server;
    quint64 maxSize = 16 * 1024 * 1024;
    switch ((cfg >> 1) & 3) {
    case 1:
        maxSize = 0;
        break;
    case 2:
        maxSize = 1 + in.byte();
        break;
    case 3:
        maxSize = 125;
        break;
    default:
        break;
    }
    const QByteArray seed = in.bytes(in.byte() & 0x0F);
    if (cfg & 8)
        roundTrip(role, maxSize, in, seed);
    else
        rawStream(role, maxSize, in.rest(), seed);
    return 0;
}
