#include "masking.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// RFC 6455 §5.3: transformed-octet-i = original-octet-i XOR masking-key-octet-(i MOD 4).
// Because 4 divides 8 and 16, the key pattern repeats identically in every
// machine word and vector once it is rotated to the current phase, so the
// body runs a word/vector at a time and only the head and tail go byte-wise.

namespace closecall::protocol {

namespace {

struct KeyBytes
{
    uchar b[4];
};

inline KeyBytes keyBytes(quint32 key)
{
    KeyBytes k;
    std::memcpy(k.b, &key, 4); // wire order, by the header's contract
    return k;
}

// The key rotated to `phase`, as a 32-bit word whose memory bytes are
// key[phase], key[phase+1], ... (endian-neutral: built through memory).
inline quint32 rotatedKey(const KeyBytes &k, quint8 phase)
{
    const uchar r[4] = {k.b[phase & 3], k.b[(phase + 1) & 3], k.b[(phase + 2) & 3],
                        k.b[(phase + 3) & 3]};
    quint32 w;
    std::memcpy(&w, r, 4);
    return w;
}

inline void maskBytes(uchar *dst, const uchar *src, qsizetype n, const KeyBytes &k, quint8 phase)
{
    for (qsizetype i = 0; i < n; ++i)
        dst[i] = src[i] ^ k.b[(phase + i) & 3];
}

// Below this, aligning the destination costs more than it saves.
constexpr qsizetype AlignThreshold = 128;

} // namespace

quint8 copyMasked(char *dstChars, const char *srcChars, qsizetype size, quint32 key, quint8 phase)
{
    phase &= 3;
    if (size <= 0)
        return phase;
    auto *dst = reinterpret_cast<uchar *>(dstChars);
    const auto *src = reinterpret_cast<const uchar *>(srcChars);
    const KeyBytes k = keyBytes(key);
    const quint8 endPhase = static_cast<quint8>((phase + size) & 3);

    // Head: bring the destination to a 16-byte boundary for big buffers, so
    // the stores never split a cache line.
    if (size >= AlignThreshold) {
        const auto head = static_cast<qsizetype>((-reinterpret_cast<std::uintptr_t>(dst)) & 15);
        maskBytes(dst, src, head, k, phase);
        dst += head;
        src += head;
        size -= head;
        phase = static_cast<quint8>((phase + head) & 3);
    }

    const quint32 rk = rotatedKey(k, phase);
#if defined(__SSE2__)
    // SSE2 is baseline on x86_64. Loads are unaligned (src may be anywhere);
    // stores are unaligned too, which costs nothing extra on aligned addresses.
    const __m128i m = _mm_set1_epi32(static_cast<int>(rk));
    while (size >= 64) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + 16));
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + 32));
        const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + 48));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst), _mm_xor_si128(a, m));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + 16), _mm_xor_si128(b, m));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + 32), _mm_xor_si128(c, m));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + 48), _mm_xor_si128(d, m));
        src += 64;
        dst += 64;
        size -= 64;
    }
    while (size >= 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst), _mm_xor_si128(a, m));
        src += 16;
        dst += 16;
        size -= 16;
    }
#endif
    // Portable path (and the SSE2 path's tail): 64-bit words. memcpy keeps
    // unaligned and aliasing access defined; compilers turn it into plain moves.
    const quint64 wk = (quint64(rk) << 32) | rk; // both halves equal: endian-neutral
    while (size >= 32) {
        quint64 w[4];
        std::memcpy(w, src, 32);
        w[0] ^= wk;
        w[1] ^= wk;
        w[2] ^= wk;
        w[3] ^= wk;
        std::memcpy(dst, w, 32);
        src += 32;
        dst += 32;
        size -= 32;
    }
    while (size >= 8) {
        quint64 w;
        std::memcpy(&w, src, 8);
        w ^= wk;
        std::memcpy(dst, &w, 8);
        src += 8;
        dst += 8;
        size -= 8;
    }
    if (size >= 4) {
        quint32 w;
        std::memcpy(&w, src, 4);
        w ^= rk;
        std::memcpy(dst, &w, 4);
        src += 4;
        dst += 4;
        size -= 4;
    }
    // Every block above was a multiple of 4 bytes, so the phase is unchanged here.
    maskBytes(dst, src, size, k, phase);
    return endPhase;
}

quint8 applyMask(char *data, qsizetype size, quint32 key, quint8 phase)
{
    // In place is the same pass: each block is loaded before it is stored.
    return copyMasked(data, data, size, key, phase);
}

} // namespace closecall::protocol
