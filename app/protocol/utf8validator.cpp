#include "utf8validator.h"

#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// A table-driven DFA over byte classes (the idea of Björn Höhrmann's decoder,
// written from scratch for validation only). Every state but Accept knows
// exactly which continuation bytes may follow, so an overlong form, a
// surrogate or a code point above U+10FFFF is rejected at the first byte
// that proves it (RFC 3629 §4 syntax), never later: that is what lets the
// parser fail a text message as soon as the bad byte arrives (R15).

namespace closecall::protocol {

namespace {

// Byte classes.
constexpr quint8 CAscii = 0;  // 00..7F
constexpr quint8 CCont1 = 1;  // 80..8F
constexpr quint8 CCont2 = 2;  // 90..9F
constexpr quint8 CCont3 = 3;  // A0..BF
constexpr quint8 CBad = 4;    // C0 C1 F5..FF: can appear nowhere in UTF-8
constexpr quint8 CLead2 = 5;  // C2..DF
constexpr quint8 CE0 = 6;     // E0: next must be A0..BF (shorter is overlong)
constexpr quint8 CLead3 = 7;  // E1..EC EE EF
constexpr quint8 CED = 8;     // ED: next must be 80..9F (A0..BF would encode a surrogate)
constexpr quint8 CF0 = 9;     // F0: next must be 90..BF (shorter is overlong)
constexpr quint8 CLead4 = 10; // F1..F3
constexpr quint8 CF4 = 11;    // F4: next must be 80..8F (above is > U+10FFFF)
constexpr int ClassCount = 12;

// States beyond the header's Accept (0) and Reject (1).
constexpr quint8 SAccept = 0;
constexpr quint8 SReject = 1;
constexpr quint8 SNeed1 = 2; // one more 80..BF
constexpr quint8 SNeed2 = 3; // two more 80..BF
constexpr quint8 SNeed3 = 4; // three more 80..BF
constexpr quint8 SE0 = 5;    // A0..BF, then one more
constexpr quint8 SED = 6;    // 80..9F, then one more
constexpr quint8 SF0 = 7;    // 90..BF, then two more
constexpr quint8 SF4 = 8;    // 80..8F, then two more
constexpr int StateCount = 9;

constexpr std::array<quint8, 256> makeClasses()
{
    std::array<quint8, 256> c{};
    for (int b = 0; b < 256; ++b) {
        quint8 k = CBad;
        if (b < 0x80)
            k = CAscii;
        else if (b < 0x90)
            k = CCont1;
        else if (b < 0xA0)
            k = CCont2;
        else if (b < 0xC0)
            k = CCont3;
        else if (b < 0xC2)
            k = CBad;
        else if (b < 0xE0)
            k = CLead2;
        else if (b == 0xE0)
            k = CE0;
        else if (b == 0xED)
            k = CED;
        else if (b < 0xF0)
            k = CLead3;
        else if (b == 0xF0)
            k = CF0;
        else if (b < 0xF4)
            k = CLead4;
        else if (b == 0xF4)
            k = CF4;
        c[b] = k;
    }
    return c;
}

// Indexed [state * ClassCount + class], and holding the next state
// premultiplied by ClassCount, so the hot loop's dependency chain is two
// loads and an add.
constexpr std::array<quint8, StateCount * ClassCount> makeTransitions()
{
    std::array<quint8, StateCount * ClassCount> t{};
    for (auto &v : t)
        v = SReject * ClassCount;
    auto set = [&t](quint8 s, quint8 c, quint8 to) {
        t[s * ClassCount + c] = to * ClassCount;
    };
    set(SAccept, CAscii, SAccept);
    set(SAccept, CLead2, SNeed1);
    set(SAccept, CE0, SE0);
    set(SAccept, CLead3, SNeed2);
    set(SAccept, CED, SED);
    set(SAccept, CF0, SF0);
    set(SAccept, CLead4, SNeed3);
    set(SAccept, CF4, SF4);
    for (quint8 c : {CCont1, CCont2, CCont3}) {
        set(SNeed1, c, SAccept);
        set(SNeed2, c, SNeed1);
        set(SNeed3, c, SNeed2);
    }
    set(SE0, CCont3, SNeed1);
    set(SED, CCont1, SNeed1);
    set(SED, CCont2, SNeed1);
    set(SF0, CCont2, SNeed2);
    set(SF0, CCont3, SNeed2);
    set(SF4, CCont1, SNeed2);
    return t;
}

constexpr auto kClass = makeClasses();
constexpr auto kTransition = makeTransitions();

static_assert(StateCount * ClassCount < 256, "premultiplied states fit in a byte");
static_assert(kTransition[SAccept * ClassCount + CAscii] == SAccept);
static_assert(kTransition[SReject * ClassCount + CAscii] == SReject * ClassCount);

// Skips ASCII bytes from p; returns the first non-ASCII byte or end.
inline const uchar *skipAscii(const uchar *p, const uchar *end)
{
#if defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(v));
        if (bits != 0)
            return p + std::countr_zero(bits);
        p += 16;
    }
#endif
    // Portable: 8 bytes at a time (memcpy keeps unaligned loads defined).
    while (end - p >= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        if ((w & 0x8080808080808080ULL) != 0)
            break;
        p += 8;
    }
    while (p < end && *p < 0x80)
        ++p;
    return p;
}

} // namespace

qsizetype Utf8Validator::feed(QByteArrayView bytes)
{
    // A failed validator stays failed: its first byte is already past the
    // point of no return.
    if (m_state == Reject)
        return 0;
    const auto *const begin = reinterpret_cast<const uchar *>(bytes.data());
    const uchar *const end = begin + bytes.size();
    const uchar *p = begin;
    unsigned s = m_state * ClassCount; // premultiplied, as the table holds it
    constexpr unsigned Accepting = SAccept * ClassCount;
    constexpr unsigned Rejected = SReject * ClassCount;
    while (p < end) {
        if (s == Accepting && *p < 0x80) {
            p = skipAscii(p, end);
            if (p == end)
                break;
        }
        s = kTransition[s + kClass[*p]];
        if (s == Rejected) {
            m_state = Reject;
            return p - begin;
        }
        ++p;
    }
    m_state = static_cast<quint8>(s / ClassCount);
    return -1;
}

bool Utf8Validator::isValid(QByteArrayView bytes)
{
    Utf8Validator v;
    return v.feed(bytes) < 0 && v.isComplete();
}

} // namespace closecall::protocol
