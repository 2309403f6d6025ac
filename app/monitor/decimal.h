#pragma once

#include <QtCore/QtAlgorithms>
#include <QtCore/QtGlobal>

#include <cstring>
#include <type_traits>

// Decimal numbers written into a raw buffer, for the JSON Lines writer:
// every event line has four or more (seq, t_us, conn, size), so they are
// written two digits a step into a length known up front, with no bounds
// checks and no call. The digits are std::to_chars's (tst_eventjson
// compares them).
namespace closecall::monitor::decimal {

// "00" "01" ... "99".
inline constexpr char DigitPairs[] = "00010203040506070809101112131415161718192021222324"
                                     "25262728293031323334353637383940414243444546474849"
                                     "50515253545556575859606162636465666768697071727374"
                                     "75767778798081828384858687888990919293949596979899";

// How many digits `v` has (1..20).
inline int length(quint64 v)
{
    static constexpr quint64 Powers[] = {1ULL,
                                         10ULL,
                                         100ULL,
                                         1000ULL,
                                         10000ULL,
                                         100000ULL,
                                         1000000ULL,
                                         10000000ULL,
                                         100000000ULL,
                                         1000000000ULL,
                                         10000000000ULL,
                                         100000000000ULL,
                                         1000000000000ULL,
                                         10000000000000ULL,
                                         100000000000000ULL,
                                         1000000000000000ULL,
                                         10000000000000000ULL,
                                         100000000000000000ULL,
                                         1000000000000000000ULL,
                                         10000000000000000000ULL};
    // log10(2) ~ 1233/4096: the bit width gives the length or one less.
    const int bits = 64 - qCountLeadingZeroBits(v | 1);
    const int guess = (bits * 1233) >> 12;
    return guess + ((v | 1) >= Powers[guess] ? 1 : 0); // "| 1": 0 has one digit
}

// Writes `v` at d (at most 20 bytes) and returns the end.
inline char *write(char *d, quint64 v)
{
    char *const end = d + length(v);
    char *p = end;
    // Four digits a 64-bit division, split with 32-bit arithmetic.
    while (v >= 10000) {
        const auto four = quint32(v % 10000);
        v /= 10000;
        p -= 4;
        std::memcpy(p, DigitPairs + 2 * (four / 100), 2);
        std::memcpy(p + 2, DigitPairs + 2 * (four % 100), 2);
    }
    auto rest = quint32(v); // < 10000
    if (rest >= 100) {
        p -= 2;
        std::memcpy(p, DigitPairs + 2 * (rest % 100), 2);
        rest /= 100;
    }
    if (rest >= 10)
        std::memcpy(p - 2, DigitPairs + 2 * rest, 2);
    else
        p[-1] = char('0' + rest);
    return end;
}

// Any integer type (at most 20 bytes, 21 with a minus sign).
template<typename Int> char *write(char *d, Int v)
{
    static_assert(std::is_integral_v<Int>);
    if constexpr (std::is_signed_v<Int>) {
        if (v < 0) {
            *d++ = '-';
            return write(d, quint64(0) - quint64(v));
        }
    }
    return write(d, quint64(v));
}

} // namespace closecall::monitor::decimal
