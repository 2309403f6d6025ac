#include "framewriter.h"

#include "masking.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QtEndian>

#include <array>
#include <cstring>

// RFC 6455 §5.2 framing on the sending side. The mask key convention is
// masking.h's: the quint32's bytes in memory are the key bytes in wire order
// (so a key read from the wire with memcpy round-trips, and appendHeader's
// caller can pass the same value to applyMask()).

namespace closecall::protocol::framewriter {

namespace {

constexpr qsizetype MaxHeaderSize = 14;

// RFC 6455 §5.3: each client frame gets a fresh key "derived from a strong
// source of entropy", unpredictable to whoever sees the frames. Every key is
// the operating system's random output (QRandomGenerator::system()), drawn
// 256 at a time per thread: one getrandom() call per 256 frames instead of
// one per frame. A generator seeded once per connection would be cheaper
// still, but QRandomGenerator's mt19937 is not unpredictable: its keys are
// on the wire, and 624 of them give away its state and every later key.
quint32 nextMaskKey()
{
    thread_local std::array<quint32, 256> pool{};
    thread_local std::size_t next = pool.size();
    if (next == pool.size()) {
        QRandomGenerator::system()->fillRange(pool.data(), pool.size());
        next = 0;
    }
    return pool[next++];
}

// Writes a header at `p` (room for MaxHeaderSize bytes); returns its length.
qsizetype writeHeader(char *p, Opcode opcode, quint64 payloadSize, bool fin, const quint32 *key,
                      quint8 rsv)
{
    Q_ASSERT_X(rsv <= 7, "framewriter", "rsv is the 3-bit RSV1..RSV3 value (RSV1 = 4)");
    Q_ASSERT_X(payloadSize >> 63 == 0, "framewriter", "RFC 6455 §5.2: the length's MSB must be 0");
    p[0] = static_cast<char>((fin ? 0x80 : 0x00) | ((rsv & 0x7) << 4) |
                             (static_cast<quint8>(opcode) & 0x0F));
    const quint8 maskBit = key ? 0x80 : 0x00;
    qsizetype n = 2;
    // §5.2: "the minimal number of bytes MUST be used to encode the length".
    if (payloadSize <= 125) {
        p[1] = static_cast<char>(maskBit | payloadSize);
    } else if (payloadSize <= 0xFFFF) {
        p[1] = static_cast<char>(maskBit | 126);
        qToBigEndian<quint16>(static_cast<quint16>(payloadSize), p + 2);
        n += 2;
    } else {
        p[1] = static_cast<char>(maskBit | 127);
        qToBigEndian<quint64>(payloadSize, p + 2);
        n += 8;
    }
    if (key) {
        std::memcpy(p + n, key, 4);
        n += 4;
    }
    return n;
}

} // namespace

qsizetype headerSize(quint64 payloadSize, bool masked)
{
    const qsizetype extended = payloadSize <= 125 ? 0 : payloadSize <= 0xFFFF ? 2 : 8;
    return 2 + extended + (masked ? 4 : 0);
}

void appendFrame(QByteArray &out, Role writerRole, Opcode opcode, QByteArrayView payload, bool fin,
                 std::optional<quint32> maskKey, quint8 rsv)
{
    // The payload may be a view into `out` itself (an echo of buffered
    // bytes); growing `out` would leave it dangling, so copy it first.
    if (!payload.isEmpty() && payload.data() >= out.constData() &&
        payload.data() < out.constData() + out.size()) {
        const QByteArray copy = payload.toByteArray();
        appendFrame(out, writerRole, opcode, copy, fin, maskKey, rsv);
        return;
    }
    // §5.1/§5.3: a client masks every frame with a fresh, unpredictable key
    // (nextMaskKey); a server never masks.
    const bool masked = writerRole == Role::Client;
    quint32 key = 0;
    if (masked)
        key = maskKey ? *maskKey : nextMaskKey();

    const auto size = static_cast<quint64>(payload.size());
    const qsizetype old = out.size();
    const qsizetype hs = headerSize(size, masked);
    out.resize(old + hs + payload.size()); // grows geometrically: batching stays linear
    char *p = out.data() + old;
    writeHeader(p, opcode, size, fin, masked ? &key : nullptr, rsv);
    if (masked)
        copyMasked(p + hs, payload.data(), payload.size(), key);
    else if (!payload.isEmpty())
        std::memcpy(p + hs, payload.data(), payload.size());
}

void appendHeader(QByteArray &out, Opcode opcode, quint64 payloadSize, bool fin,
                  std::optional<quint32> maskKey, quint8 rsv)
{
    char buf[MaxHeaderSize];
    const qsizetype n =
        writeHeader(buf, opcode, payloadSize, fin, maskKey ? &*maskKey : nullptr, rsv);
    out.append(buf, n);
}

} // namespace closecall::protocol::framewriter
