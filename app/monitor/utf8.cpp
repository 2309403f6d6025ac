#include "utf8.h"

#include "decimal.h"

#include <QtCore/QtAlgorithms>

#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace closecall::monitor::utf8 {

namespace {

constexpr char Hex[] = "0123456789abcdef";

struct Sequence
{
    enum Kind : quint8 { Valid, Incomplete, Invalid };
    int length; // Valid: the sequence; Incomplete: up to the end; Invalid: the maximal subpart
    Kind kind;
    char32_t codePoint;
};

// One UTF-8 sequence at p (p < end), per Unicode Table 3-7 (no overlongs,
// no surrogates, nothing above U+10FFFF). An invalid sequence is replaced
// by one U+FFFD per maximal subpart, as the Unicode "best practice" and
// the WHATWG decoder (and so browsers) do.
inline Sequence decode(const uchar *p, const uchar *end)
{
    const uchar c = *p;
    if (c < 0x80)
        return {1, Sequence::Valid, c};
    int need = 0;
    uchar lo = 0x80, hi = 0xBF;
    char32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return {1, Sequence::Invalid, 0};
    }
    for (int i = 1; i <= need; ++i) {
        if (p + i >= end)
            return {i, Sequence::Incomplete, 0};
        const uchar cc = p[i];
        if (cc < lo || cc > hi)
            return {i, Sequence::Invalid, 0};
        lo = 0x80;
        hi = 0xBF;
        cp = (cp << 6) | (cc & 0x3F);
    }
    return {need + 1, Sequence::Valid, cp};
}

inline char *replacement(char *d)
{
    *d++ = char(0xEF);
    *d++ = char(0xBF);
    *d++ = char(0xBD);
    return d;
}

inline char *unicodeEscape(char *d, char32_t u)
{
    *d++ = '\\';
    *d++ = 'u';
    *d++ = Hex[(u >> 12) & 0xF];
    *d++ = Hex[(u >> 8) & 0xF];
    *d++ = Hex[(u >> 4) & 0xF];
    *d++ = Hex[u & 0xF];
    return d;
}

// JSON escapes for ASCII (RFC 8259 §7): the short forms people read, \u00XX
// for the rest of C0.
inline char *jsonAscii(char *d, uchar c)
{
    if (c >= 0x20) {
        if (c == '"' || c == '\\')
            *d++ = '\\';
        *d++ = char(c);
        return d;
    }
    *d++ = '\\';
    switch (c) {
    case '\n':
        *d++ = 'n';
        break;
    case '\r':
        *d++ = 'r';
        break;
    case '\t':
        *d++ = 't';
        break;
    default:
        return unicodeEscape(d - 1, c);
    }
    return d;
}

// U+2028 and U+2029 are legal in JSON but end a line in JavaScript source
// and in some line-oriented readers, so they are written escaped.
inline bool isLineSeparator(char32_t cp)
{
    return cp == 0x2028 || cp == 0x2029;
}

inline bool isBidiControl(char32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

inline char *utf8Encode(char *d, char32_t cp)
{
    if (cp < 0x80) {
        *d++ = char(cp);
    } else if (cp < 0x800) {
        *d++ = char(0xC0 | (cp >> 6));
        *d++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *d++ = char(0xE0 | (cp >> 12));
        *d++ = char(0x80 | ((cp >> 6) & 0x3F));
        *d++ = char(0x80 | (cp & 0x3F));
    } else {
        *d++ = char(0xF0 | (cp >> 18));
        *d++ = char(0x80 | ((cp >> 12) & 0x3F));
        *d++ = char(0x80 | ((cp >> 6) & 0x3F));
        *d++ = char(0x80 | (cp & 0x3F));
    }
    return d;
}

// Days since 1970-01-01 to a civil date and back (H. Hinnant's algorithms,
// proleptic Gregorian): no tables, no time zone, no QDateTime allocation.
inline void civilFromDays(qint64 z, qint64 &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = qint64(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

inline qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

inline char *digits(char *d, quint64 v, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        d[i] = char('0' + v % 10);
        v /= 10;
    }
    return d + width;
}

// The six digits of a microsecond fraction (v < 1,000,000): every event's
// `time` has one.
inline char *sixDigits(char *d, quint32 v)
{
    using decimal::DigitPairs;
    std::memcpy(d, DigitPairs + 2 * (v / 10000), 2);
    std::memcpy(d + 2, DigitPairs + 2 * (v / 100 % 100), 2);
    std::memcpy(d + 4, DigitPairs + 2 * (v % 100), 2);
    return d + 6;
}

// Bytes a JSON string takes as they are: printable ASCII but '"' and '\\'.
inline bool isPlain(uchar c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

// Copies the leading run of plain bytes of [p, end) to d and returns its
// length. Most payload previews are plain ASCII, so this is the JSON
// writer's hot loop: 16 bytes a step with SSE2 (baseline on x86_64), 8 with
// a portable word test, then byte by byte. It may store up to 15 bytes past
// the run (never past what the same input could need: the caller makes
// room for the worst case, 6 bytes a byte), which the caller overwrites.
inline qsizetype copyPlainRun(char *d, const uchar *p, const uchar *end)
{
    const uchar *const start = p;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Signed compare: bytes from 0x80 are negative, so "< 0x20" takes
        // the non-ASCII bytes along with the control characters.
        const __m128i special =
            _mm_or_si128(_mm_cmplt_epi8(v, space),
                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(d + (p - start)), v);
        if (const int mask = _mm_movemask_epi8(special))
            return (p - start) + qCountTrailingZeroBits(quint32(mask));
        p += 16;
    }
#endif
    constexpr quint64 Ones = 0x0101010101010101ULL;
    constexpr quint64 Highs = 0x8080808080808080ULL;
    const auto hasZeroByte = [](quint64 x) {
        return (x - Ones) & ~x & Highs;
    };
    while (end - p >= 8) {
        quint64 v;
        std::memcpy(&v, p, 8);
        // Any byte >= 0x80, < 0x20 (its top three bits clear), '"' or '\\':
        // the loop below finds which.
        if ((v & Highs) | hasZeroByte(v & (Ones * 0xE0)) | hasZeroByte(v ^ (Ones * '"')) |
            hasZeroByte(v ^ (Ones * '\\')))
            break;
        std::memcpy(d + (p - start), p, 8);
        p += 8;
    }
    while (p < end && isPlain(*p)) {
        d[p - start] = char(*p);
        ++p;
    }
    return p - start;
}

} // namespace

char *writeJsonString(char *d, QByteArrayView s, bool dropTruncatedTail)
{
    *d++ = '"';
    auto p = reinterpret_cast<const uchar *>(s.data());
    const auto end = p + s.size();
    while (p < end) {
        // Runs of printable ASCII (most payloads) are copied in one go.
        const qsizetype run = copyPlainRun(d, p, end);
        d += run;
        p += run;
        if (p == end)
            break;
        if (*p < 0x80) {
            d = jsonAscii(d, *p++);
            continue;
        }
        const Sequence seq = decode(p, end);
        if (seq.kind == Sequence::Valid) {
            if (isLineSeparator(seq.codePoint)) {
                d = unicodeEscape(d, seq.codePoint);
            } else {
                std::memcpy(d, p, seq.length);
                d += seq.length;
            }
        } else if (seq.kind == Sequence::Incomplete && dropTruncatedTail) {
            break;
        } else {
            d = replacement(d);
        }
        p += seq.length;
    }
    *d++ = '"';
    return d;
}

char *writeJsonString(char *d, QStringView s)
{
    *d++ = '"';
    const char16_t *p = s.utf16();
    const char16_t *end = p + s.size();
    while (p < end) {
        const char16_t u = *p++;
        if (u < 0x80) {
            d = jsonAscii(d, uchar(u));
        } else if (QChar::isHighSurrogate(u) && p < end && QChar::isLowSurrogate(*p)) {
            d = utf8Encode(d, QChar::surrogateToUcs4(u, *p++));
        } else if (QChar::isSurrogate(u)) {
            d = replacement(d);
        } else if (isLineSeparator(u)) {
            d = unicodeEscape(d, u);
        } else {
            d = utf8Encode(d, u);
        }
    }
    *d++ = '"';
    return d;
}

char *writeBase64(char *d, QByteArrayView s)
{
    static constexpr char Alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    auto p = reinterpret_cast<const uchar *>(s.data());
    qsizetype n = s.size();
    for (; n >= 3; n -= 3, p += 3) {
        const quint32 v = (quint32(p[0]) << 16) | (quint32(p[1]) << 8) | p[2];
        *d++ = Alphabet[(v >> 18) & 0x3F];
        *d++ = Alphabet[(v >> 12) & 0x3F];
        *d++ = Alphabet[(v >> 6) & 0x3F];
        *d++ = Alphabet[v & 0x3F];
    }
    if (n > 0) {
        const quint32 v = (quint32(p[0]) << 16) | (n == 2 ? quint32(p[1]) << 8 : 0);
        *d++ = Alphabet[(v >> 18) & 0x3F];
        *d++ = Alphabet[(v >> 12) & 0x3F];
        *d++ = n == 2 ? Alphabet[(v >> 6) & 0x3F] : '=';
        *d++ = '=';
    }
    return d;
}

char *writeIsoTime(char *d, qint64 wallUs, char separator, bool zulu)
{
    constexpr qint64 UsPerSecond = 1000000;
    // Events come thousands a second: the date and time of day are worked
    // out once per second and per thread, only the microseconds each time
    // (and within the cached second without a division).
    struct Cache
    {
        bool valid = false;
        quint64 firstUs = 0; // the second's first microsecond (unsigned: no overflow)
        char text[19];       // "YYYY-MM-DDThh:mm:ss"
    };
    thread_local Cache cache;
    qint64 micros = qint64(quint64(wallUs) - cache.firstUs);
    if (!cache.valid || quint64(micros) >= quint64(UsPerSecond)) {
        qint64 seconds = wallUs / UsPerSecond;
        micros = wallUs % UsPerSecond;
        if (micros < 0) {
            micros += UsPerSecond;
            --seconds;
        }
        qint64 days = seconds / 86400;
        qint64 rest = seconds % 86400;
        if (rest < 0) {
            rest += 86400;
            --days;
        }
        qint64 year;
        unsigned month, day;
        civilFromDays(days, year, month, day);
        if (year < 0 || year > 9999) // outside ISO 8601's four digits: clamp, never overflow
            year = year < 0 ? 0 : 9999;
        char *t = cache.text;
        t = digits(t, quint64(year), 4);
        *t++ = '-';
        t = digits(t, month, 2);
        *t++ = '-';
        t = digits(t, day, 2);
        *t++ = 'T';
        t = digits(t, quint64(rest / 3600), 2);
        *t++ = ':';
        t = digits(t, quint64(rest / 60 % 60), 2);
        *t++ = ':';
        digits(t, quint64(rest % 60), 2);
        cache.firstUs = quint64(wallUs) - quint64(micros);
        // Far from the ends of qint64 only (some 146,000 years either way;
        // the text clamps years long before): there a second never wraps
        // around the unsigned offset above into the other end.
        constexpr qint64 Safe = qint64(1) << 62;
        cache.valid = wallUs > -Safe && wallUs < Safe;
    }
    std::memcpy(d, cache.text, sizeof cache.text);
    d[10] = separator;
    d += sizeof cache.text;
    *d++ = '.';
    d = sixDigits(d, quint32(micros));
    if (zulu)
        *d++ = 'Z';
    return d;
}

std::optional<qint64> parseIsoTime(QStringView t)
{
    // YYYY-MM-DD[T ]hh:mm:ss[.f{1,9}][Z]
    auto number = [&](qsizetype pos, int width) -> int {
        if (pos + width > t.size())
            return -1;
        int v = 0;
        for (int i = 0; i < width; ++i) {
            const char16_t c = t[pos + i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    if (t.size() < 19 || t[4] != u'-' || t[7] != u'-' || (t[10] != u'T' && t[10] != u' ') ||
        t[13] != u':' || t[16] != u':')
        return std::nullopt;
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    qsizetype pos = 19;
    qint64 us = 0;
    if (pos < t.size() && t[pos] == u'.') {
        ++pos;
        int n = 0;
        qint64 scale = 100000;
        while (pos < t.size() && t[pos].isDigit()) {
            if (n < 6) {
                us += (t[pos].unicode() - u'0') * scale;
                scale /= 10;
            }
            ++n;
            ++pos;
        }
        if (n == 0 || n > 9)
            return std::nullopt;
    }
    if (pos < t.size() && t[pos] == u'Z')
        ++pos;
    if (pos != t.size())
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    return ((days * 24 + hour) * 60 + minute) * 60000000LL + second * 1000000LL + us;
}

QByteArray sanitized(QByteArrayView s, bool dropTruncatedTail)
{
    QByteArray out(s.size() * 3, Qt::Uninitialized);
    char *d = out.data();
    auto p = reinterpret_cast<const uchar *>(s.data());
    const auto end = p + s.size();
    while (p < end) {
        if (*p < 0x80) {
            *d++ = char(*p++);
            continue;
        }
        const Sequence seq = decode(p, end);
        if (seq.kind == Sequence::Valid) {
            std::memcpy(d, p, seq.length);
            d += seq.length;
        } else if (seq.kind == Sequence::Incomplete && dropTruncatedTail) {
            break;
        } else {
            d = replacement(d);
        }
        p += seq.length;
    }
    out.truncate(d - out.data());
    return out;
}

qsizetype completePrefix(QByteArrayView s)
{
    // The last sequence starts at most 3 continuation bytes before the end.
    qsizetype lead = s.size();
    for (int back = 0; back < 4 && lead > 0; ++back) {
        --lead;
        if ((uchar(s[lead]) & 0xC0) != 0x80)
            break;
    }
    if (lead >= s.size())
        return s.size();
    auto p = reinterpret_cast<const uchar *>(s.data());
    const Sequence seq = decode(p + lead, p + s.size());
    return seq.kind == Sequence::Incomplete ? lead : s.size();
}

void appendEscaped(QByteArray &out, QByteArrayView s, bool dropTruncatedTail, bool escapeQuote)
{
    // Worst case 6 bytes per input byte (\u0085 for the 2-byte U+0085 is 3
    // per byte; \xNN is 4 per byte).
    qsizetype pos = out.size();
    out.resize(pos + s.size() * 6);
    char *d = out.data() + pos;
    auto p = reinterpret_cast<const uchar *>(s.data());
    const auto end = p + s.size();
    while (p < end) {
        const uchar c = *p;
        if (c >= 0x20 && c < 0x7F) {
            if (c == '\\' || (c == '"' && escapeQuote))
                *d++ = '\\';
            *d++ = char(c);
            ++p;
            continue;
        }
        if (c < 0x80) {
            *d++ = '\\';
            switch (c) {
            case '\n':
                *d++ = 'n';
                break;
            case '\r':
                *d++ = 'r';
                break;
            case '\t':
                *d++ = 't';
                break;
            default:
                *d++ = 'x';
                *d++ = Hex[c >> 4];
                *d++ = Hex[c & 0xF];
            }
            ++p;
            continue;
        }
        const Sequence seq = decode(p, end);
        if (seq.kind == Sequence::Valid) {
            const char32_t cp = seq.codePoint;
            if ((cp >= 0x80 && cp <= 0x9F) || isLineSeparator(cp) || isBidiControl(cp)) {
                d = unicodeEscape(d, cp);
            } else {
                std::memcpy(d, p, seq.length);
                d += seq.length;
            }
        } else if (seq.kind == Sequence::Incomplete && dropTruncatedTail) {
            break;
        } else {
            d = replacement(d);
        }
        p += seq.length;
    }
    out.resize(d - out.data());
}

} // namespace closecall::monitor::utf8
