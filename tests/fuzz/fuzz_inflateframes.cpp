// Fuzzes FrameParser's inflate path (app/protocol/frameparser.h,
// enableDeflate): frames with RSV1 under a negotiated permessage-deflate
// (RFC 7692), with a limit on the inflated size.
//
// Input layout:
//   byte 0       configuration: bit 0 the peer's no_context_takeover, bit 1
//                role (0 server, 1 client), bits 2-3 the message size limit
//                (16 MiB / 1..256 / 4096 / 0), bit 4 the mode (0 raw stream,
//                1 structured round trip), bits 5-7 the peer's window (9..15)
//   byte 1       low 4 bits: how many chunk-size bytes follow (0-15)
//   bytes ...    chunk sizes (fuzzsupport.h forEachChunk)
//   rest         raw mode: the byte stream to parse
//                round-trip mode: a script of messages to compress and frame
//
// Raw mode: any bytes, RSV1 anywhere. The stream fed whole, split into the
// chunks and (when short) byte by byte gives the same sink calls (R14); every
// call is well formed: a message never passes the limit *after inflating*,
// text is valid UTF-8 after inflating, a message that did not travel
// compressed took exactly its size on the wire, errors are 1002/1007/1009 and
// nothing follows one; zlib's state stays within what docs/headless.md says.
//
// Round trip: messages compressed as the peer's compressor would (context
// kept or reset, its window), split into 1..4 frames at fuzzed points with
// RSV1 on the first only, controls between them, plain messages mixed in,
// and bombs (a run of one byte up to 256 KiB that deflates to little): the
// parser returns each message whole, says it came compressed with the wire
// bytes it took, and ends with 1009 exactly at the first message whose
// inflated size passes the limit. A script may end with a broken frame
// (RSV1 on a continuation or a control frame, RSV2, a corrupted compressed
// payload): the calls before it are unchanged and the invariants hold.

#include "fuzzsupport.h"

#include "protocol/deflatecodec.h"
#include "protocol/frameparser.h"
#include "protocol/utf8validator.h"

#include <QtCore/QList>

#include <cstdio>

using namespace closecall::protocol;
using closecall::fuzz::Reader;

namespace {

// zlib's inflate state with a 15-bit window (deflatecodec.cpp, docs/headless.md
// "Memory"), with room to spare: more would mean a second state or a leak.
constexpr qsizetype MaxInflaterMemory = 64 * 1024;

struct Call
{
    enum Kind : quint8 { Message, Control, Error } kind = Message;
    quint8 type = 0; // MessageType or Opcode
    QByteArray payload;
    int frames = 0;
    quint16 code = 0;
    bool compressed = false;
    quint64 wire = 0;

    bool operator==(const Call &o) const = default;
};

QByteArray describe(const Call &c)
{
    static const char *const kinds[] = {"message", "control", "error"};
    return QByteArray(kinds[c.kind]) + " type=" + QByteArray::number(c.type) +
           " frames=" + QByteArray::number(c.frames) + " code=" + QByteArray::number(c.code) +
           " compressed=" + QByteArray::number(c.compressed) +
           " wire=" + QByteArray::number(c.wire) + " len=" + QByteArray::number(c.payload.size()) +
           " [" + closecall::fuzz::hexPreview(c.payload, 24) + "]";
}

class RecordingSink final : public FrameSink
{
public:
    RecordingSink(const FrameParser &parser, quint64 maxMessageSize)
        : m_parser(parser)
        , m_max(maxMessageSize)
    {}

    void onMessage(MessageType type, QByteArrayView payload, int frames) override
    {
        FUZZ_CHECK(!m_failed, "a message after a protocol error");
        FUZZ_CHECK(frames >= 1, "");
        FUZZ_CHECK(quint64(payload.size()) <= m_max,
                   "a message over maxMessageSize after inflating was delivered");
        if (type == MessageType::Text)
            FUZZ_CHECK(Utf8Validator::isValid(payload), "an inflated text that is not UTF-8");
        const bool compressed = m_parser.messageWasCompressed();
        const quint64 wire = m_parser.messageWireBytes();
        if (!compressed)
            FUZZ_CHECK(wire == quint64(payload.size()),
                       "an uncompressed message's wire bytes are not its size");
        calls.append(
            {Call::Message, quint8(type), payload.toByteArray(), frames, 0, compressed, wire});
    }

    void onControl(Opcode opcode, QByteArrayView payload) override
    {
        FUZZ_CHECK(!m_failed, "a control frame after a protocol error");
        FUZZ_CHECK(payload.size() <= 125, "control payload over 125 bytes (RFC 6455 §5.5)");
        calls.append({Call::Control, quint8(opcode), payload.toByteArray(), 0, 0, false, 0});
    }

    void onProtocolError(quint16 closeCode, const QString &why) override
    {
        FUZZ_CHECK(!m_failed, "a second protocol error");
        FUZZ_CHECK(closeCode == 1002 || closeCode == 1007 || closeCode == 1009,
                   "protocol error code is not 1002, 1007 or 1009");
        FUZZ_CHECK(!why.isEmpty(), "protocol error without a reason");
        m_failed = true;
        calls.append({Call::Error, 0, {}, 0, closeCode, false, 0});
    }

    bool failed() const { return m_failed; }
    QList<Call> calls;

private:
    const FrameParser &m_parser;
    quint64 m_max;
    bool m_failed = false;
};

struct Config
{
    Role role = Role::Server;
    bool peerNoContext = false;
    quint64 maxSize = 16 * 1024 * 1024;
    int peerWindowBits = 15;
};

QList<Call> parse(const Config &cfg, const QByteArray &stream, QByteArrayView seed)
{
    FrameParser parser(cfg.role, cfg.maxSize);
    parser.enableDeflate(cfg.peerNoContext);
    FUZZ_CHECK(parser.deflateEnabled(), "");
    RecordingSink sink(parser, cfg.maxSize);
    QByteArray buf = stream;
    buf.detach();
    closecall::fuzz::forEachChunk(buf.size(), seed, [&](qsizetype pos, qsizetype n) {
        const qsizetype used = parser.feed(buf.data() + pos, n, sink);
        FUZZ_CHECK(used >= 0 && used <= n, "feed() consumed a negative count or more than given");
        if (!sink.failed())
            FUZZ_CHECK(used == n, "feed() stopped early without an error");
        FUZZ_CHECK(parser.hasFailed() == sink.failed(), "hasFailed() disagrees with the sink");
        FUZZ_CHECK(parser.inflaterMemory() <= MaxInflaterMemory, "zlib state over its bound");
    });
    return sink.calls;
}

void requireSame(const QList<Call> &a, const QList<Call> &b, const char *what, qsizetype upTo = -1)
{
    const qsizetype n = upTo < 0 ? qMax(a.size(), b.size()) : upTo;
    bool same = upTo < 0 ? a == b : a.size() >= n && b.size() >= n;
    for (qsizetype i = 0; same && i < n; ++i)
        same = a[i] == b[i];
    if (same)
        return;
    std::fprintf(stderr, "%s: %lld vs %lld calls\n", what, qlonglong(a.size()),
                 qlonglong(b.size()));
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QByteArray l = i < a.size() ? describe(a[i]) : QByteArray("-");
        const QByteArray r = i < b.size() ? describe(b[i]) : QByteArray("-");
        std::fprintf(stderr, "  %s %lld: %s\n         %s\n", l == r ? "  " : "!!", qlonglong(i),
                     l.constData(), r.constData());
    }
    FUZZ_CHECK(false, what);
}

void rawStream(const Config &cfg, const QByteArray &stream, QByteArrayView seed)
{
    const QList<Call> whole = parse(cfg, stream, {});
    requireSame(whole, parse(cfg, stream, seed), "whole vs split gave different calls (R14)");
    if (stream.size() <= 512) {
        static const char one[] = {1};
        requireSame(whole, parse(cfg, stream, QByteArrayView(one, 1)),
                    "whole vs byte by byte gave different calls (R14)");
    }
}

// Builds what the peer sends, and what the parser must hand back.
class Script
{
public:
    Script(const Config &cfg, Reader &in)
        : m_cfg(cfg)
        , m_in(in)
        , m_deflater(cfg.peerWindowBits, cfg.peerNoContext || (in.byte() & 1))
    {}

    void run()
    {
        for (int items = 0; items < 32 && !m_in.atEnd() && !m_over; ++items) {
            const quint8 what = m_in.byte();
            switch (what % 6) {
            case 0:
            case 1:
                message(what, m_in.bytes(m_in.u16() % 2048), true);
                break;
            case 2: { // a bomb: a long run of one byte
                const qsizetype n = (qsizetype(m_in.u16() % 4096) + 1) * 64;
                message(what, QByteArray(n, char(m_in.byte())), true);
                break;
            }
            case 3:
                message(what, m_in.bytes(m_in.byte()), false);
                break;
            case 4:
                control(0x9, m_in.bytes(m_in.byte() % 126));
                break;
            default:
                broken(what);
                return; // nothing is predicted after a broken frame
            }
            if (m_wire.size() > 4 * 1024 * 1024)
                break;
        }
    }

    QByteArray wire() const { return m_wire; }
    const QList<Call> &expected() const { return m_expected; }
    // Controls that may come before the final 1009 (see control()).
    const QList<Call> &optional() const { return m_optional; }
    bool endsBroken() const { return m_broken; }
    // 0-2: forbidden RSV bits (always 1002); 3: corrupted (anything legal).
    int brokenKind() const { return m_brokenKind; }

private:
    void frame(quint8 finRsvOpcode, QByteArrayView payload)
    {
        const bool masked = m_cfg.role == Role::Server; // the peer is the client then
        closecall::fuzz::encodeFrame(m_wire, finRsvOpcode, payload, masked, m_in.u32());
    }

    // `between`: a control frame between the fragments of a message that
    // will pass the limit; whether it comes before the 1009 depends on where
    // inflating passes the limit, so it is optional.
    void control(quint8 opcode, const QByteArray &payload, bool between = false)
    {
        frame(quint8(0x80 | opcode), payload);
        if (m_over)
            return;
        (between ? m_optional : m_expected)
            .append({Call::Control, opcode, payload, 0, 0, false, 0});
    }

    void message(quint8 what, const QByteArray &original, bool compress)
    {
        const bool text = (what & 0x40) && Utf8Validator::isValid(original);
        const quint8 op = text ? 0x1 : 0x2;
        const QByteArray payload = compress ? m_deflater.compress(original) : original;
        const bool over = quint64(original.size()) > m_cfg.maxSize;
        // 1..4 fragments cut at fuzzed points; a Ping between them sometimes.
        const int fragments = 1 + (what >> 3) % 4;
        qsizetype at = 0;
        for (int f = 0; f < fragments; ++f) {
            const bool last = f == fragments - 1;
            const qsizetype left = payload.size() - at;
            const qsizetype n = last ? left : (left == 0 ? 0 : qsizetype(m_in.u16()) % (left + 1));
            const quint8 rsv = (f == 0 && compress) ? 0x40 : 0;
            frame(quint8((last ? 0x80 : 0) | rsv | (f == 0 ? op : 0x0)),
                  QByteArrayView(payload).sliced(at, n));
            at += n;
            if (!last && (what & 0x80))
                control(0xA, QByteArray::number(f), over);
        }
        if (m_over)
            return;
        if (over) {
            // The limit applies to what comes out of inflate: 1009, whatever
            // the compressed size (a plain message over it fails the same).
            m_over = true;
            m_expected.append({Call::Error, 0, {}, 0, 1009, false, 0});
            return;
        }
        m_expected.append({Call::Message, quint8(text ? MessageType::Text : MessageType::Binary),
                           original, fragments, 0, compress,
                           quint64(compress ? payload.size() : original.size())});
    }

    // A frame permessage-deflate forbids, or a corrupted compressed payload.
    void broken(quint8 what)
    {
        m_broken = true;
        m_brokenKind = (what >> 3) % 4;
        switch (m_brokenKind) {
        case 0: // RSV1 on a continuation (the first part inflates to nothing)
            frame(quint8(0x00 | 0x40 | 0x1), m_deflater.compress(""));
            frame(quint8(0x80 | 0x40 | 0x0), "x");
            break;
        case 1: // RSV1 on a control frame
            frame(quint8(0x80 | 0x40 | 0x9), "p");
            break;
        case 2: // RSV2 or RSV3 on a data frame
            frame(quint8(0x80 | ((what & 1) ? 0x20 : 0x10) | 0x1), "y");
            break;
        default: { // compressed bytes with some of them changed
            QByteArray payload = m_deflater.compress(m_in.bytes(m_in.byte()));
            const QByteArray noise = m_in.bytes(1 + m_in.byte() % 8);
            for (qsizetype i = 0; i < noise.size() && !payload.isEmpty(); ++i)
                payload[qsizetype(quint8(noise[i])) % payload.size()] ^= char(noise[i] | 1);
            frame(quint8(0x80 | 0x40 | 0x2), payload);
            break;
        }
        }
    }

    const Config &m_cfg;
    Reader &m_in;
    MessageDeflater m_deflater;
    QByteArray m_wire;
    QList<Call> m_expected;
    QList<Call> m_optional;
    bool m_over = false;
    bool m_broken = false;
    int m_brokenKind = -1;
};

void roundTrip(const Config &cfg, Reader &in, QByteArrayView seed)
{
    Script script(cfg, in);
    script.run();
    const QList<Call> got = parse(cfg, script.wire(), seed);
    QList<Call> expected = script.expected();
    if (!script.optional().isEmpty()) {
        // The message over the limit: as many of the controls between its
        // frames as came before the 1009 (a prefix of them, in order).
        const qsizetype fixed = expected.size() - 1;
        const qsizetype k = got.size() - expected.size();
        FUZZ_CHECK(k >= 0 && k <= script.optional().size(), "controls before the 1009 miscounted");
        expected.remove(fixed);
        expected += script.optional().first(k);
        expected.append({Call::Error, 0, {}, 0, 1009, false, 0});
    }
    if (!script.endsBroken()) {
        requireSame(expected, got, "round trip (expected vs parsed)");
        return;
    }
    // What came before the broken frame is unchanged (unless the limit
    // already ended it); after it, a 1002 for the forbidden RSV bits.
    requireSame(expected, got, "round trip up to the broken frame", expected.size());
    if (!expected.isEmpty() && expected.last().kind == Call::Error)
        return;
    if (script.brokenKind() < 3) {
        FUZZ_CHECK(got.size() == expected.size() + 1 && got.last().kind == Call::Error &&
                       got.last().code == 1002,
                   "RSV1 on a continuation or control frame, or RSV2/RSV3, is not a 1002");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Reader in(data, size);
    const quint8 bits = in.byte();
    Config cfg;
    cfg.peerNoContext = (bits & 1) != 0;
    cfg.role = (bits & 2) ? Role::Client : Role::Server;
    switch ((bits >> 2) & 3) {
    case 1:
        cfg.maxSize = 1 + in.byte();
        break;
    case 2:
        cfg.maxSize = 4096;
        break;
    case 3:
        cfg.maxSize = 0;
        break;
    default:
        break;
    }
    cfg.peerWindowBits = 9 + ((bits >> 5) % 7);
    const QByteArray seed = in.bytes(in.byte() & 0x0F);
    if (bits & 0x10)
        roundTrip(cfg, in, seed);
    else
        rawStream(cfg, in.rest(), seed);
    return 0;
}
