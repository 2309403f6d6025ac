#pragma once

// Small helpers shared by the fuzz targets: a reader that turns the fuzzer's
// bytes into decisions, and a check that aborts (so libFuzzer saves the input)
// with a message saying which invariant broke.

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QtGlobal>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace closecall::fuzz {

[[noreturn]] inline void failInvariant(const char *file, int line, const char *what,
                                       const char *detail)
{
    std::fprintf(stderr, "\n*** invariant broken at %s:%d: %s%s%s\n", file, line, what,
                 detail && *detail ? "\n    " : "", detail ? detail : "");
    std::fflush(stderr);
    std::abort();
}

} // namespace closecall::fuzz

// FUZZ_CHECK(cond, detail): `detail` is a const char * (may be "").
#define FUZZ_CHECK(cond, detail)                                                                   \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::closecall::fuzz::failInvariant(__FILE__, __LINE__, #cond, (detail));                 \
    } while (false)

namespace closecall::fuzz {

// Consumes the input from the front; past the end every read yields zeros, so
// a target never has to check lengths before deciding something.
class Reader
{
public:
    Reader(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    {}

    bool atEnd() const { return m_pos >= m_size; }
    size_t remaining() const { return m_size - std::min(m_pos, m_size); }

    quint8 byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    quint16 u16()
    {
        const quint16 hi = byte();
        return quint16((hi << 8) | byte());
    }
    quint32 u32()
    {
        quint32 v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | byte();
        return v;
    }
    bool flag() { return (byte() & 1) != 0; }

    // Up to `max` bytes (fewer at the end of the input).
    QByteArray bytes(size_t max)
    {
        const size_t n = std::min(max, remaining());
        QByteArray out(reinterpret_cast<const char *>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return out;
    }
    QByteArray rest() { return bytes(remaining()); }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

// Splits `total` bytes into chunk sizes drawn from `seed` (cycled): a zero
// byte means "the rest", others give 1..N byte chunks, biased small so splits
// inside headers and multi-byte sequences are common.
template<typename Fn> void forEachChunk(qsizetype total, QByteArrayView seed, Fn &&fn)
{
    qsizetype pos = 0;
    qsizetype i = 0;
    while (pos < total) {
        qsizetype n = total - pos;
        if (!seed.isEmpty()) {
            const quint8 s = quint8(seed[i++ % seed.size()]);
            if (s != 0)
                n = std::min<qsizetype>(n, s < 0xF0 ? (s % 16) + 1 : (s - 0xEF) * 64);
        }
        fn(pos, n);
        pos += n;
    }
}

// An independent RFC 6455 §5.2 encoder (the oracle the library's writer and
// parser are checked against). `masked` uses `key` in wire order: the key's
// first byte on the wire is the lowest byte of `key` in memory, as masking.h
// describes. Always the minimal length encoding.
inline void encodeFrame(QByteArray &out, quint8 finRsvOpcode, QByteArrayView payload, bool masked,
                        quint32 key = 0)
{
    out.append(char(finRsvOpcode));
    const quint64 len = quint64(payload.size());
    const quint8 maskBit = masked ? 0x80 : 0x00;
    if (len < 126) {
        out.append(char(maskBit | len));
    } else if (len <= 0xFFFF) {
        out.append(char(maskBit | 126));
        out.append(char(len >> 8));
        out.append(char(len & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((len >> shift) & 0xFF));
    }
    if (!masked) {
        out.append(payload);
        return;
    }
    char k[4];
    std::memcpy(k, &key, 4);
    out.append(k, 4);
    const qsizetype start = out.size();
    out.append(payload);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out[start + i] = char(out[start + i] ^ k[i % 4]);
}

inline QByteArray hexPreview(QByteArrayView bytes, qsizetype max = 64)
{
    QByteArray out = bytes.first(std::min(bytes.size(), max)).toByteArray().toHex(' ');
    if (bytes.size() > max)
        out += " ...";
    return out;
}

} // namespace closecall::fuzz
