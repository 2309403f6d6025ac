// Differential fuzzing of the small codecs against obvious reference
// implementations written here:
//   byte 0 % 3 == 0: masking (applyMask / copyMasked, any phase, alignment, split)
//   byte 0 % 3 == 1: Utf8Validator (first invalid byte, any split: R15)
//   byte 0 % 3 == 2: close payloads and codes (parseClosePayload,
//                    buildClosePayload, validateOutgoingClose, parseCloseCode)

#include "fuzzsupport.h"

#include "protocol/closecodes.h"
#include "protocol/masking.h"
#include "protocol/utf8validator.h"

#include <QtCore/QString>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace closecall::protocol;
using closecall::fuzz::Reader;

namespace {

// ---- masking ---------------------------------------------------------------

void referenceMask(char *data, qsizetype size, quint32 key, quint8 phase)
{
    char k[4];
    std::memcpy(k, &key, 4);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(data[i] ^ k[(phase + i) % 4]);
}

void fuzzMasking(Reader &in)
{
    const quint32 key = in.u32();
    const quint8 phase = in.byte() % 4;
    const quint8 align = in.byte() % 16;
    const qsizetype split = in.u16();
    const QByteArray src = in.rest();
    const qsizetype n = src.size();

    // Exactly sized heap blocks, so ASan sees any read or write past the end.
    std::unique_ptr<char[]> a(new char[size_t(n + align)]);
    char *p = a.get() + align;
    std::memcpy(p, src.constData(), size_t(n));
    QByteArray expected = src;
    referenceMask(expected.data(), n, key, phase);

    const quint8 endPhase = quint8((phase + n) % 4);
    FUZZ_CHECK(applyMask(p, n, key, phase) == endPhase, "applyMask returned the wrong phase");
    FUZZ_CHECK(std::memcmp(p, expected.constData(), size_t(n)) == 0, "applyMask differs");

    // Split in two, the second piece continuing at the returned phase.
    std::memcpy(p, src.constData(), size_t(n));
    const qsizetype cut = n ? split % (n + 1) : 0;
    const quint8 mid = applyMask(p, cut, key, phase);
    FUZZ_CHECK(mid == quint8((phase + cut) % 4), "");
    FUZZ_CHECK(applyMask(p + cut, n - cut, key, mid) == endPhase, "");
    FUZZ_CHECK(std::memcmp(p, expected.constData(), size_t(n)) == 0, "split applyMask differs");

    // copyMasked into a separate (differently aligned) block, and in place.
    std::unique_ptr<char[]> b(new char[size_t(n + 1)]);
    char *q = b.get() + 1;
    FUZZ_CHECK(copyMasked(q, src.constData(), n, key, phase) == endPhase, "");
    FUZZ_CHECK(std::memcmp(q, expected.constData(), size_t(n)) == 0, "copyMasked differs");
    std::memcpy(p, src.constData(), size_t(n));
    FUZZ_CHECK(copyMasked(p, p, n, key, phase) == endPhase, "");
    FUZZ_CHECK(std::memcmp(p, expected.constData(), size_t(n)) == 0, "in-place copyMasked differs");
}

// ---- UTF-8 -----------------------------------------------------------------

// RFC 3629 / Unicode Table 3-7, one byte at a time. Returns the offset of the
// first byte that cannot start or continue a well-formed sequence, or -1;
// `complete` tells whether the input ends on a sequence boundary.
qsizetype referenceUtf8(QByteArrayView s, bool &complete)
{
    int need = 0;
    quint8 lo = 0x80, hi = 0xBF;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const quint8 b = quint8(s[i]);
        if (need == 0) {
            lo = 0x80;
            hi = 0xBF;
            if (b <= 0x7F) {
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b == 0xE0) {
                need = 2;
                lo = 0xA0; // no overlong 3-byte forms
            } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
                need = 2;
            } else if (b == 0xED) {
                need = 2;
                hi = 0x9F; // no surrogates
            } else if (b == 0xF0) {
                need = 3;
                lo = 0x90; // no overlong 4-byte forms
            } else if (b >= 0xF1 && b <= 0xF3) {
                need = 3;
            } else if (b == 0xF4) {
                need = 3;
                hi = 0x8F; // nothing above U+10FFFF
            } else {
                complete = false;
                return i;
            }
        } else {
            if (b < lo || b > hi) {
                complete = false;
                return i;
            }
            --need;
            lo = 0x80;
            hi = 0xBF;
        }
    }
    complete = need == 0;
    return -1;
}

void fuzzUtf8(Reader &in)
{
    const QByteArray seed = in.bytes(in.byte() % 16);
    const QByteArray text = in.rest();
    bool refComplete = false;
    const qsizetype refBad = referenceUtf8(text, refComplete);

    FUZZ_CHECK(Utf8Validator::isValid(text) == (refBad < 0 && refComplete),
               "Utf8Validator::isValid differs from RFC 3629");

    Utf8Validator v;
    qsizetype firstBad = -1;
    closecall::fuzz::forEachChunk(text.size(), seed, [&](qsizetype pos, qsizetype n) {
        if (firstBad >= 0) { // failed: stays failed whatever follows
            (void)v.feed(QByteArrayView(text).sliced(pos, n));
            FUZZ_CHECK(v.hasFailed(), "the validator recovered without reset()");
            return;
        }
        const qsizetype r = v.feed(QByteArrayView(text).sliced(pos, n));
        FUZZ_CHECK(r >= -1 && r < n, "feed() returned an offset outside the piece");
        if (r >= 0)
            firstBad = pos + r;
        FUZZ_CHECK(v.hasFailed() == (r >= 0), "hasFailed() disagrees with feed()");
    });
    if (firstBad != refBad) {
        std::fprintf(stderr, "input %s: first invalid byte %lld, expected %lld\n",
                     closecall::fuzz::hexPreview(text).constData(), qlonglong(firstBad),
                     qlonglong(refBad));
        FUZZ_CHECK(false, "incremental UTF-8 validation failed at the wrong byte (R15)");
    }
    FUZZ_CHECK(v.isComplete() == (refBad < 0 && refComplete), "isComplete() is wrong");
    v.reset();
    FUZZ_CHECK(!v.hasFailed() && v.isComplete(), "reset() did not reset");
}

// ---- close codes and payloads ----------------------------------------------

bool referenceValidReceived(quint16 c)
{
    // RFC 6455 §7.4 and the IANA registry as of today (docs/close-semantics.md).
    return (c >= 1000 && c <= 1003) || (c >= 1007 && c <= 1014) || (c >= 3000 && c <= 4999);
}

void fuzzClose(Reader &in)
{
    const quint16 someCode = in.u16();
    FUZZ_CHECK(isValidReceivedCloseCode(someCode) == referenceValidReceived(someCode),
               "isValidReceivedCloseCode differs from docs/close-semantics.md");
    const CloseCodeInfo *info = closeCodeInfo(someCode);
    FUZZ_CHECK((info != nullptr) == (someCode >= 1000 && someCode <= 1015),
               "closeCodeInfo covers the wrong codes");
    if (info) {
        FUZZ_CHECK(info->code == someCode, "");
        FUZZ_CHECK(info->sendable == referenceValidReceived(someCode),
                   "closeCodeInfo().sendable is wrong");
    }
    FUZZ_CHECK(!describeCloseCode(someCode).isEmpty(), "");

    // Typing the number back gives the number.
    QString err;
    const auto typed = parseCloseCode(QString::number(someCode), &err);
    FUZZ_CHECK(typed.has_value() && *typed == CloseCode(someCode),
               "parseCloseCode(decimal) did not give the number back");

    // Free text typed as a code must not crash; an answer is a code or Empty.
    const QByteArray typedText = in.bytes(in.byte() % 32);
    (void)parseCloseCode(QString::fromUtf8(typedText), &err);

    // A received Close payload (<= 125 bytes: the parser enforces that).
    const QByteArray payload = in.bytes(in.byte() % 126);
    const ReceivedClose rc = parseClosePayload(payload);
    if (payload.isEmpty()) {
        FUZZ_CHECK(!rc.code && rc.errorCode == 0,
                   "an empty Close payload is valid and has no code");
    } else if (payload.size() == 1) {
        FUZZ_CHECK(rc.errorCode == 1002, "a 1-byte Close payload must be a 1002");
    } else {
        const quint16 code = quint16((quint8(payload[0]) << 8) | quint8(payload[1]));
        const QByteArrayView reason = QByteArrayView(payload).sliced(2);
        if (!referenceValidReceived(code)) {
            FUZZ_CHECK(rc.errorCode == 1002, "an invalid received close code must be a 1002");
        } else if (!Utf8Validator::isValid(reason)) {
            FUZZ_CHECK(rc.errorCode == 1007, "a Close reason that is not UTF-8 must be a 1007");
        } else {
            FUZZ_CHECK(rc.errorCode == 0 && rc.error.isEmpty(), "a valid Close payload refused");
            FUZZ_CHECK(rc.code == CloseCode(code), "wrong code parsed");
            FUZZ_CHECK(rc.reason.toUtf8() == reason, "wrong reason parsed");
        }
    }
    if (rc.errorCode != 0)
        FUZZ_CHECK(!rc.error.isEmpty(), "an invalid Close payload without an explanation");

    // An operator's Close: validate, and what is accepted must build a payload
    // that a peer parses back to the same code and reason.
    const quint8 sel = in.byte();
    const CloseCode code = (sel & 1) ? CloseCode() : CloseCode(in.u16());
    const QString reason = QString::fromUtf8(in.bytes(sel >> 1));
    const qsizetype reasonBytes = reason.toUtf8().size();
    const bool shouldAccept =
        code ? (referenceValidReceived(*code) && reasonBytes <= 123) : reason.isEmpty();
    const QString verdict = validateOutgoingClose(code, reason);
    if (verdict.isEmpty() != shouldAccept) {
        std::fprintf(stderr, "code %d reason %lld bytes: verdict '%s'\n", code ? int(*code) : -1,
                     qlonglong(reasonBytes), qPrintable(verdict));
        FUZZ_CHECK(false, "validateOutgoingClose differs from docs/close-semantics.md (R10)");
    }
    if (shouldAccept) {
        const QByteArray built = buildClosePayload(code, reason);
        FUZZ_CHECK(built.size() <= 125, "a Close payload over 125 bytes was built");
        const ReceivedClose back = parseClosePayload(built);
        FUZZ_CHECK(back.errorCode == 0, "a built Close payload does not parse");
        FUZZ_CHECK(back.code == code, "a built Close payload has another code");
        FUZZ_CHECK(back.reason == reason, "a built Close payload has another reason");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Reader in(data, size);
    switch (in.byte() % 3) {
    case 0:
        fuzzMasking(in);
        break;
    case 1:
        fuzzUtf8(in);
        break;
    default:
        fuzzClose(in);
        break;
    }
    return 0;
}
