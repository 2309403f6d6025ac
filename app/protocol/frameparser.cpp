#include "frameparser.h"

#include "deflatecodec.h"
#include "masking.h"

#include <QtCore/QStringList>
#include <QtCore/QtEndian>

#include <cstring>

// RFC 6455 §5.2 base framing, §5.4 fragmentation, §5.5 control frames.
//
// Two paths:
// - Fast path: an unfragmented frame whose header and payload are both in
//   the caller's buffer is unmasked in place and handed to the sink as a
//   view: no copy, no allocation. This is the common case for small frames.
// - Buffered path: a frame that straddles feed() calls, or any fragment,
//   is unmasked while being copied: a control payload into m_partial, a
//   data payload straight into m_message (the reassembly buffer). Text is
//   validated piece by piece as it arrives (R15).
//
// R14 (any split, same calls): a frame's callback happens when its last
// byte is consumed; header rules are checked only once the whole header is
// in, always in the same order; UTF-8 errors are reported at the same
// message offset whichever path found them. So the sequence of sink calls
// depends only on the bytes, never on where the reads split them.
//
// permessage-deflate (RFC 7692): a compressed message's frames are unmasked
// into a scratch buffer and inflated into the reassembly buffer piece by
// piece, so the limit applies to what comes out of inflate and a bomb never
// allocates more than the limit; text is validated on the inflated bytes.

namespace closecall::protocol {

using namespace Qt::StringLiterals;

namespace {

// A claimed length is not trusted for pre-allocation beyond this; the
// buffer grows geometrically as bytes actually arrive.
constexpr quint64 MaxReserve = 1024 * 1024;

constexpr bool isReservedOpcode(quint8 op)
{
    return (op >= 0x3 && op <= 0x7) || op >= 0xB;
}

QString opcodeHex(quint8 op)
{
    return u"0x"_s + QString::number(op, 16).toUpper();
}

QString rsvBits(quint8 rsv)
{
    QStringList bits;
    if (rsv & 4)
        bits << u"RSV1"_s;
    if (rsv & 2)
        bits << u"RSV2"_s;
    if (rsv & 1)
        bits << u"RSV3"_s;
    return bits.join(u" and "_s);
}

// For people: "Ping", not the wire/log name "ping".
QString frameName(Opcode op)
{
    switch (op) {
    case Opcode::Continuation:
        return u"Continuation"_s;
    case Opcode::Text:
        return u"Text"_s;
    case Opcode::Binary:
        return u"Binary"_s;
    case Opcode::Close:
        return u"Close"_s;
    case Opcode::Ping:
        return u"Ping"_s;
    case Opcode::Pong:
        return u"Pong"_s;
    }
    return opcodeHex(static_cast<quint8>(op));
}

} // namespace

FrameParser::FrameParser(Role role, quint64 maxMessageSize)
    : m_role(role)
    , m_maxMessageSize(maxMessageSize)
{}

FrameParser::~FrameParser() = default;
FrameParser::FrameParser(FrameParser &&) noexcept = default;
FrameParser &FrameParser::operator=(FrameParser &&) noexcept = default;

void FrameParser::enableDeflate(bool peerNoContextTakeover)
{
    m_inflater = std::make_unique<MessageInflater>(peerNoContextTakeover, m_maxMessageSize);
}

void FrameParser::setMaxMessageSize(quint64 bytes)
{
    m_maxMessageSize = bytes;
    if (m_inflater)
        m_inflater->setMaxMessageSize(bytes);
}

qsizetype FrameParser::inflaterMemory() const
{
    return m_inflater ? m_inflater->memoryInUse() : 0;
}

qsizetype FrameParser::parseHeader(const char *data, qsizetype size, Header &h)
{
    if (size < 2)
        return 0;
    const auto b0 = static_cast<quint8>(data[0]);
    const auto b1 = static_cast<quint8>(data[1]);
    const quint8 len7 = b1 & 0x7F;
    const qsizetype extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
    const bool masked = (b1 & 0x80) != 0;
    const qsizetype need = 2 + extended + (masked ? 4 : 0);
    if (size < need)
        return 0;
    h.fin = (b0 & 0x80) != 0;
    h.rsv = (b0 >> 4) & 0x7;
    h.opcode = static_cast<Opcode>(b0 & 0x0F);
    h.masked = masked;
    // §5.2: extended lengths are in network byte order.
    if (extended == 2)
        h.length = qFromBigEndian<quint16>(data + 2);
    else if (extended == 8)
        h.length = qFromBigEndian<quint64>(data + 2);
    else
        h.length = len7;
    h.maskKey = 0;
    if (masked)
        std::memcpy(&h.maskKey, data + 2 + extended, 4);
    return need;
}

bool FrameParser::checkHeader(const Header &h, FrameSink &sink)
{
    const auto op = static_cast<quint8>(h.opcode);
    // §5.2: "MUST be 0 unless an extension is negotiated". permessage-deflate
    // gives RSV1 a meaning on the first frame of a data message only (RFC
    // 7692 §6.1): never on a continuation or a control frame.
    const bool mayCompress = m_inflater && (h.opcode == Opcode::Text || h.opcode == Opcode::Binary);
    if (const quint8 bad = h.rsv & (mayCompress ? 3 : 7)) {
        if (!m_inflater)
            fail(1002, u"%1 set, but no extension was negotiated"_s.arg(rsvBits(bad)), sink);
        else if (bad & 3)
            fail(1002, u"%1 set; permessage-deflate uses RSV1 only"_s.arg(rsvBits(bad & 3)), sink);
        else
            fail(1002,
                 u"RSV1 set on a %1 frame; permessage-deflate allows it on the first frame of a "
                 "data message only"_s.arg(frameName(h.opcode)),
                 sink);
        return false;
    }
    // §5.2: "If an unknown opcode is received, the receiving endpoint MUST _Fail_".
    if (isReservedOpcode(op)) {
        fail(1002, u"reserved opcode %1"_s.arg(opcodeHex(op)), sink);
        return false;
    }
    // §5.1: a server MUST close on an unmasked frame; a client on a masked one.
    if (m_role == Role::Server && !h.masked) {
        fail(1002, u"client frame is not masked (RFC 6455 §5.1)"_s, sink);
        return false;
    }
    if (m_role == Role::Client && h.masked) {
        fail(1002, u"server frame is masked (RFC 6455 §5.1)"_s, sink);
        return false;
    }
    // §5.2: "the most significant bit MUST be 0".
    if (h.length >> 63) {
        fail(1002, u"64-bit payload length has its most significant bit set"_s, sink);
        return false;
    }
    if (isControl(h.opcode)) {
        // §5.5: "All control frames MUST have a payload length of 125 bytes
        // or less and MUST NOT be fragmented."
        if (!h.fin) {
            fail(1002, u"fragmented control frame: %1 with FIN = 0"_s.arg(frameName(h.opcode)),
                 sink);
            return false;
        }
        if (h.length > 125) {
            fail(1002, u"control frame payload of %1 bytes; the limit is 125"_s.arg(h.length),
                 sink);
            return false;
        }
        return true;
    }
    // §5.4: fragments of one message arrive in order, never interleaved with
    // another data message; control frames may come in between.
    const bool inMsg = m_messageOpcode != Opcode::Continuation;
    if (h.opcode == Opcode::Continuation && !inMsg) {
        fail(1002, u"continuation frame with no message started"_s, sink);
        return false;
    }
    if (h.opcode != Opcode::Continuation && inMsg) {
        fail(1002,
             u"new %1 frame while a fragmented %2 message is in progress"_s.arg(
                 frameName(h.opcode), frameName(m_messageOpcode)),
             sink);
        return false;
    }
    const bool compressed = h.opcode == Opcode::Continuation ? m_compressed : (h.rsv & 4) != 0;
    if (compressed) {
        // What it inflates to is checked as it inflates. The wire bytes are
        // bounded too (an endless stream of empty blocks inflates to
        // nothing): by the limit plus more than deflate's stored blocks add
        // to data that does not shrink (5 bytes per 64 KiB).
        const quint64 limit = m_maxMessageSize > (quint64(1) << 62)
                                  ? m_maxMessageSize
                                  : m_maxMessageSize + m_maxMessageSize / 64 + 1024;
        const quint64 sent = h.opcode == Opcode::Continuation ? m_wireBytes : 0;
        if (h.length > limit || sent > limit - h.length) {
            fail(1009,
                 u"compressed message of %1 bytes on the wire; the limit is %2"_s
                     .arg(sent + h.length)
                     .arg(limit),
                 sink);
            return false;
        }
        return true;
    }
    // 1009 from the header alone, before a byte of the payload is buffered.
    const quint64 already = h.opcode == Opcode::Continuation ? quint64(m_message.size()) : 0;
    if (h.length > m_maxMessageSize || already > m_maxMessageSize - h.length) {
        const quint64 total = already + h.length; // both < 2^63: no overflow
        fail(1009,
             (already == 0 ? u"message of %1 bytes; the limit is %2"_s
                           : u"fragmented message reaches %1 bytes; the limit is %2"_s)
                 .arg(total)
                 .arg(m_maxMessageSize),
             sink);
        return false;
    }
    return true;
}

void FrameParser::fail(quint16 code, const QString &why, FrameSink &sink)
{
    m_failed = true;
    sink.onProtocolError(code, why);
    // Nothing more will be parsed: give the buffers back.
    m_message = QByteArray();
    m_partial = QByteArray();
    m_havePending = false;
    m_headerLen = 0;
}

qsizetype FrameParser::feed(char *data, qsizetype size, FrameSink &sink)
{
    if (m_failed)
        return 0;
    // stop() ends the current call only; the caller decides whether to feed
    // the rest later.
    m_stopped = false;
    qsizetype pos = 0;
    for (;;) {
        if (m_havePending) {
            pos += takePending(data + pos, size - pos, sink);
            if (m_failed || m_stopped || m_havePending)
                return pos; // m_havePending: the input is used up
        }
        if (pos == size)
            return pos;

        Header h;
        if (m_headerLen == 0) {
            const qsizetype hlen = parseHeader(data + pos, size - pos, h);
            if (hlen == 0) { // less than a header left: keep it (< 14 bytes)
                std::memcpy(m_header, data + pos, size - pos);
                m_headerLen = static_cast<quint8>(size - pos);
                return size;
            }
            pos += hlen;
        } else {
            const qsizetype take = qMin(MaxHeaderSize - m_headerLen, size - pos);
            std::memcpy(m_header + m_headerLen, data + pos, take);
            const qsizetype hlen = parseHeader(m_header, m_headerLen + take, h);
            if (hlen == 0) { // still short, so every byte taken was header
                m_headerLen = static_cast<quint8>(m_headerLen + take);
                return size;
            }
            pos += hlen - m_headerLen;
            m_headerLen = 0;
        }
        if (!checkHeader(h, sink))
            return pos;

        if (h.fin && h.opcode != Opcode::Continuation && h.length <= quint64(size - pos)) {
            char *payload = data + pos;
            const auto len = static_cast<qsizetype>(h.length);
            if (h.masked)
                applyMask(payload, len, h.maskKey);
            pos += len;
            deliverWhole(h, payload, len, sink);
            if (m_failed || m_stopped)
                return pos;
            continue;
        }
        beginPending(h);
    }
}

void FrameParser::deliverWhole(const Header &h, const char *payload, qsizetype size,
                               FrameSink &sink)
{
    QByteArrayView view(payload, size);
    if (isControl(h.opcode)) {
        sink.onControl(h.opcode, view);
        return;
    }
    const bool text = h.opcode == Opcode::Text;
    // No message is in progress here, so the message's buffers are free.
    m_compressed = (h.rsv & 4) != 0;
    m_wireBytes = quint64(size);
    m_utf8.reset();
    if (m_compressed) {
        m_message.resize(0);
        if (!inflatePiece(view, true, text, sink))
            return;
        view = m_message;
    } else if (text) {
        // §8.1: a text message MUST be valid UTF-8.
        const qsizetype bad = m_utf8.feed(view);
        if (bad >= 0) {
            fail(1007, u"invalid UTF-8 at byte %1 of the text message"_s.arg(bad), sink);
            return;
        }
    }
    if (text && !m_utf8.isComplete()) {
        fail(1007,
             u"invalid UTF-8: the text message of %1 bytes ends inside a character"_s.arg(
                 view.size()),
             sink);
        return;
    }
    sink.onMessage(text ? MessageType::Text : MessageType::Binary, view, 1);
    if (m_compressed)
        m_message.resize(0);
}

bool FrameParser::inflatePiece(QByteArrayView wire, bool last, bool text, FrameSink &sink)
{
    const qsizetype before = m_message.size();
    MessageInflater::Status status = m_inflater->feed(wire, m_message);
    if (status == MessageInflater::Status::Ok && last)
        status = m_inflater->finish(m_message);
    // The inflated bytes are checked before the verdict on the rest, so the
    // first bad byte is reported whichever way the input was split (R14).
    if (text && !validateText(before, sink))
        return false;
    switch (status) {
    case MessageInflater::Status::Ok:
        return true;
    case MessageInflater::Status::TooBig:
        fail(1009, m_inflater->error(), sink);
        return false;
    case MessageInflater::Status::Corrupt:
        fail(1007, m_inflater->error(), sink);
        return false;
    }
    return false;
}

bool FrameParser::validateText(qsizetype from, FrameSink &sink)
{
    const qsizetype bad =
        m_utf8.feed(QByteArrayView(m_message.constData() + from, m_message.size() - from));
    if (bad < 0)
        return true;
    fail(1007, u"invalid UTF-8 at byte %1 of the text message"_s.arg(from + bad), sink);
    return false;
}

void FrameParser::beginPending(const Header &h)
{
    m_pending = h;
    m_havePending = true;
    m_remaining = h.length;
    m_maskPhase = 0;
    if (isControl(h.opcode))
        return;
    if (h.opcode != Opcode::Continuation) {
        // A new message: unfragmented but straddling reads, or the first fragment.
        if (!h.fin)
            m_messageOpcode = h.opcode;
        m_messageFrames = 0;
        m_utf8.reset();
        m_compressed = (h.rsv & 4) != 0;
        m_wireBytes = 0;
        // A compressed frame's length says little about what it inflates to.
        if (!m_compressed && m_message.capacity() < qsizetype(qMin(h.length, MaxReserve)))
            m_message.reserve(qsizetype(qMin(h.length, MaxReserve)));
    }
    ++m_messageFrames;
}

qsizetype FrameParser::takePending(const char *data, qsizetype size, FrameSink &sink)
{
    const auto n = static_cast<qsizetype>(qMin(m_remaining, quint64(size)));
    const bool control = isControl(m_pending.opcode);
    const Opcode msgOp =
        m_pending.opcode == Opcode::Continuation ? m_messageOpcode : m_pending.opcode;
    if (n > 0 && !control && m_compressed) {
        // Unmasked into the scratch buffer, then inflated into the message.
        m_scratch.resize(n);
        if (m_pending.masked)
            m_maskPhase = copyMasked(m_scratch.data(), data, n, m_pending.maskKey, m_maskPhase);
        else
            std::memcpy(m_scratch.data(), data, n);
        m_remaining -= quint64(n);
        m_wireBytes += quint64(n);
        if (!inflatePiece(m_scratch, false, msgOp == Opcode::Text, sink))
            return n;
    } else if (n > 0) {
        QByteArray &buf = control ? m_partial : m_message;
        const qsizetype old = buf.size();
        buf.resize(old + n); // grows geometrically
        if (m_pending.masked)
            m_maskPhase = copyMasked(buf.data() + old, data, n, m_pending.maskKey, m_maskPhase);
        else
            std::memcpy(buf.data() + old, data, n);
        m_remaining -= quint64(n);

        if (!control && msgOp == Opcode::Text) {
            // R15: validate what just arrived; fail at the first bad byte,
            // counted from the start of the whole message.
            const qsizetype bad = m_utf8.feed(QByteArrayView(buf.constData() + old, n));
            if (bad >= 0) {
                fail(1007, u"invalid UTF-8 at byte %1 of the text message"_s.arg(old + bad), sink);
                return n;
            }
        }
    }
    if (m_remaining == 0) {
        m_havePending = false;
        finishPending(sink);
    }
    return n;
}

void FrameParser::finishPending(FrameSink &sink)
{
    if (isControl(m_pending.opcode)) {
        sink.onControl(m_pending.opcode, m_partial);
        m_partial.resize(0); // keeps its (≤ 125-byte) capacity
        return;
    }
    if (!m_pending.fin)
        return; // more fragments to come
    const Opcode msgOp =
        m_pending.opcode == Opcode::Continuation ? m_messageOpcode : m_pending.opcode;
    if (m_compressed) {
        if (!inflatePiece({}, true, msgOp == Opcode::Text, sink))
            return;
    } else {
        m_wireBytes = quint64(m_message.size());
    }
    if (msgOp == Opcode::Text && !m_utf8.isComplete()) {
        fail(1007,
             u"invalid UTF-8: the text message of %1 bytes ends inside a character"_s.arg(
                 m_message.size()),
             sink);
        return;
    }
    const int frames = m_messageFrames;
    m_messageOpcode = Opcode::Continuation;
    m_messageFrames = 0;
    sink.onMessage(msgOp == Opcode::Text ? MessageType::Text : MessageType::Binary, m_message,
                   frames);
    // The capacity is kept for the next message (a stream of large messages
    // would otherwise fault in fresh pages for every one); the driver gives
    // it back with releaseMemory() once the connection is idle.
    m_message.resize(0);
}

void FrameParser::releaseMemory()
{
    // An empty buffer holds nothing pending (or a fragment of zero bytes so
    // far), so dropping its capacity loses nothing.
    if (m_message.isEmpty())
        m_message = QByteArray();
    if (m_partial.isEmpty())
        m_partial = QByteArray();
    m_scratch = QByteArray();
}

} // namespace closecall::protocol
