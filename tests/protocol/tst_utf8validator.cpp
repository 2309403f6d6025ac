// Incremental UTF-8 validation (RFC 3629; RFC 6455 §8.1). The table follows
// Markus Kuhn's "UTF-8 decoder capability and stress test": boundaries,
// malformed sequences, overlongs, surrogates. R15: whatever the split of
// the input, the verdict and the first invalid byte are the same.
#include "protocol/utf8validator.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

using namespace closecall::protocol;

namespace {

QByteArray bytes(std::initializer_list<int> list)
{
    QByteArray out;
    for (int b : list)
        out.append(char(b));
    return out;
}

// Offset of the first invalid byte in the whole input, -1 if none, feeding
// it in pieces cut at `cuts` (ascending offsets).
qsizetype feedInPieces(Utf8Validator &v, const QByteArray &in, const QList<qsizetype> &cuts)
{
    qsizetype start = 0;
    QList<qsizetype> ends = cuts;
    ends.append(in.size());
    for (qsizetype end : ends) {
        const qsizetype r = v.feed(QByteArrayView(in).sliced(start, end - start));
        if (r >= 0)
            return start + r;
        start = end;
    }
    return -1;
}

// An independent reference: decode code point by code point (RFC 3629 §3)
// and judge the whole buffer. Verdict only.
bool referenceValid(const uchar *p, qsizetype n)
{
    qsizetype i = 0;
    while (i < n) {
        const uchar b = p[i];
        int len = 0;
        char32_t cp = 0, min = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            len = 2, cp = b & 0x1F, min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3, cp = b & 0x0F, min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4, cp = b & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

} // namespace

class tst_utf8validator : public QObject
{
    Q_OBJECT

private slots:
    void sequences_data();
    void sequences();
    void everySplit_data() { sequences_data(); }
    void everySplit();
    void staysFailedUntilReset();
    void exhaustiveTwoAndThreeBytes();
    void randomAgainstReference();

private:
    void addRow(const char *name, const QByteArray &in, qsizetype firstInvalid, bool complete)
    {
        QTest::newRow(name) << in << firstInvalid << complete;
    }
};

void tst_utf8validator::sequences_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("firstInvalid"); // -1: none
    QTest::addColumn<bool>("complete");          // isComplete() at the end when none

    // 1. Correct text
    addRow("empty", {}, -1, true);
    addRow("ASCII", "Hello, world", -1, true);
    addRow("Greek kosme [Kuhn 1]",
           bytes({0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xCF, 0x83, 0xCE, 0xBC, 0xCE, 0xB5}), -1, true);
    addRow("emoji U+1F600", bytes({0xF0, 0x9F, 0x98, 0x80}), -1, true);
    // 2. Boundary conditions
    addRow("first 1-byte U+0000 [Kuhn 2.1.1]", bytes({0x00}), -1, true);
    addRow("first 2-byte U+0080 [Kuhn 2.1.2]", bytes({0xC2, 0x80}), -1, true);
    addRow("first 3-byte U+0800 [Kuhn 2.1.3]", bytes({0xE0, 0xA0, 0x80}), -1, true);
    addRow("first 4-byte U+10000 [Kuhn 2.1.4]", bytes({0xF0, 0x90, 0x80, 0x80}), -1, true);
    addRow("last 1-byte U+007F [Kuhn 2.2.1]", bytes({0x7F}), -1, true);
    addRow("last 2-byte U+07FF [Kuhn 2.2.2]", bytes({0xDF, 0xBF}), -1, true);
    addRow("last 3-byte U+FFFF [Kuhn 2.2.3]", bytes({0xEF, 0xBF, 0xBF}), -1, true);
    addRow("last valid U+10FFFF", bytes({0xF4, 0x8F, 0xBF, 0xBF}), -1, true);
    addRow("U+D7FF before surrogates [Kuhn 2.3.1]", bytes({0xED, 0x9F, 0xBF}), -1, true);
    addRow("U+E000 after surrogates [Kuhn 2.3.2]", bytes({0xEE, 0x80, 0x80}), -1, true);
    addRow("U+FFFD [Kuhn 2.3.4]", bytes({0xEF, 0xBF, 0xBD}), -1, true);
    addRow("noncharacter U+FFFE is valid [Kuhn 5.3]", bytes({0xEF, 0xBF, 0xBE}), -1, true);
    addRow("U+110000 is too big", bytes({0xF4, 0x90, 0x80, 0x80}), 1, false);
    addRow("F5 lead (> U+13FFFF)", bytes({0xF5, 0x80, 0x80, 0x80}), 0, false);
    addRow("5-byte form [Kuhn 2.1.5]", bytes({0xF8, 0x88, 0x80, 0x80, 0x80}), 0, false);
    addRow("6-byte form [Kuhn 2.1.6]", bytes({0xFC, 0x84, 0x80, 0x80, 0x80, 0x80}), 0, false);
    // 3. Malformed sequences
    addRow("stray continuation 0x80 [Kuhn 3.1.1]", bytes({0x80}), 0, false);
    addRow("stray continuation 0xBF [Kuhn 3.1.2]", bytes({0xBF}), 0, false);
    addRow("continuation after ASCII", QByteArray("ab") + bytes({0x80, 0xBF}), 2, false);
    addRow("continuation after a complete char", bytes({0xC2, 0x80, 0x80}), 2, false);
    addRow("lonely 2-byte lead + space [Kuhn 3.2.1]", bytes({0xC2, 0x20}), 1, false);
    addRow("lonely 3-byte lead + space [Kuhn 3.2.2]", bytes({0xE1, 0x20}), 1, false);
    addRow("lonely 4-byte lead + space [Kuhn 3.2.3]", bytes({0xF1, 0x20}), 1, false);
    addRow("3-byte lead, 1 continuation, space", bytes({0xE1, 0x80, 0x20}), 2, false);
    addRow("truncated 2-byte at end [Kuhn 3.3.1]", bytes({0xC2}), -1, false);
    addRow("truncated 3-byte at end [Kuhn 3.3.2]", bytes({0xE0, 0xA0}), -1, false);
    addRow("truncated 4-byte at end [Kuhn 3.3.3]", bytes({0xF0, 0x90, 0x80}), -1, false);
    addRow("truncated U+10FFFF at end", bytes({0xF4, 0x8F, 0xBF}), -1, false);
    addRow("truncated then new lead [Kuhn 3.4]", bytes({0xE1, 0x80, 0xC2, 0x80}), 2, false);
    addRow("impossible byte 0xFE [Kuhn 3.5.1]", bytes({0xFE}), 0, false);
    addRow("impossible byte 0xFF [Kuhn 3.5.2]", QByteArray("x") + bytes({0xFF}), 1, false);
    addRow("C0 lead is always overlong", bytes({0xC0, 0x80}), 0, false);
    addRow("C1 lead is always overlong", bytes({0xC1, 0xBF}), 0, false);
    // 4. Overlong sequences: rejected at the first byte that proves it
    addRow("overlong '/' 2 bytes [Kuhn 4.1.1]", bytes({0xC0, 0xAF}), 0, false);
    addRow("overlong '/' 3 bytes [Kuhn 4.1.2]", bytes({0xE0, 0x80, 0xAF}), 1, false);
    addRow("overlong '/' 4 bytes [Kuhn 4.1.3]", bytes({0xF0, 0x80, 0x80, 0xAF}), 1, false);
    addRow("max overlong 3 bytes U+07FF [Kuhn 4.2.2]", bytes({0xE0, 0x9F, 0xBF}), 1, false);
    addRow("max overlong 4 bytes U+FFFF [Kuhn 4.2.3]", bytes({0xF0, 0x8F, 0xBF, 0xBF}), 1, false);
    addRow("overlong NUL 2 bytes [Kuhn 4.3.1]", bytes({0xC0, 0x80}), 0, false);
    addRow("overlong NUL 3 bytes [Kuhn 4.3.2]", bytes({0xE0, 0x80, 0x80}), 1, false);
    // 5. Surrogates (CESU-8 style): ED A0..BF is rejected at its second byte
    addRow("high surrogate U+D800 [Kuhn 5.1.1]", bytes({0xED, 0xA0, 0x80}), 1, false);
    addRow("high surrogate U+DB7F [Kuhn 5.1.2]", bytes({0xED, 0xAD, 0xBF}), 1, false);
    addRow("low surrogate U+DC00 [Kuhn 5.1.5]", bytes({0xED, 0xB0, 0x80}), 1, false);
    addRow("low surrogate U+DFFF [Kuhn 5.1.7]", bytes({0xED, 0xBF, 0xBF}), 1, false);
    addRow("surrogate pair U+D800 U+DC00 [Kuhn 5.2.1]", bytes({0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80}),
           1, false);
    // The ASCII fast path hands over at the right byte, wherever it falls
    for (int at : {7, 8, 15, 16, 17, 31, 32, 33, 100}) {
        const QByteArray name = "bad byte after " + QByteArray::number(at) + " ASCII bytes";
        addRow(name.constData(), QByteArray(at, 'a') + bytes({0x80}) + QByteArray(40, 'b'), at,
               false);
    }
    addRow("long ASCII then a valid 3-byte char",
           QByteArray(45, 'a') + bytes({0xE2, 0x82, 0xAC}) + QByteArray(20, 'z'), -1, true);
    addRow("long ASCII ending inside a char", QByteArray(45, 'a') + bytes({0xE2, 0x82}), -1, false);
}

void tst_utf8validator::sequences()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, firstInvalid);
    QFETCH(bool, complete);

    Utf8Validator v;
    QCOMPARE(v.feed(input), firstInvalid);
    QCOMPARE(v.hasFailed(), firstInvalid >= 0);
    QCOMPARE(v.isComplete(), firstInvalid < 0 && complete);
    QCOMPARE(Utf8Validator::isValid(input), firstInvalid < 0 && complete);
    QCOMPARE(Utf8Validator::isValid(input),
             referenceValid(reinterpret_cast<const uchar *>(input.constData()), input.size()));
}

void tst_utf8validator::everySplit()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, firstInvalid);
    QFETCH(bool, complete);

    // R15: one cut at every position.
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        Utf8Validator v;
        QCOMPARE(feedInPieces(v, input, {cut}), firstInvalid);
        QCOMPARE(v.isComplete(), firstInvalid < 0 && complete);
    }
    // Two cuts at every pair of positions (short inputs), and byte by byte.
    if (input.size() <= 12) {
        for (qsizetype a = 0; a <= input.size(); ++a) {
            for (qsizetype b = a; b <= input.size(); ++b) {
                Utf8Validator v;
                QCOMPARE(feedInPieces(v, input, {a, b}), firstInvalid);
            }
        }
    }
    QList<qsizetype> every;
    for (qsizetype i = 1; i < input.size(); ++i)
        every.append(i);
    Utf8Validator v;
    QCOMPARE(feedInPieces(v, input, every), firstInvalid);
    QCOMPARE(v.isComplete(), firstInvalid < 0 && complete);
}

void tst_utf8validator::staysFailedUntilReset()
{
    Utf8Validator v;
    QCOMPARE(v.feed(QByteArrayView("ab\xFF", 3)), 2);
    QVERIFY(v.hasFailed());
    QCOMPARE(v.feed("valid text"), 0);
    QVERIFY(v.hasFailed());
    QVERIFY(!v.isComplete());
    v.reset();
    QCOMPARE(v.feed("valid text"), -1);
    QVERIFY(v.isComplete());
}

void tst_utf8validator::exhaustiveTwoAndThreeBytes()
{
    // Every 1- and 2-byte input, and every 3-byte input with a non-ASCII
    // lead, against the reference decoder.
    uchar buf[3];
    for (int a = 0; a < 256; ++a) {
        buf[0] = uchar(a);
        QCOMPARE(Utf8Validator::isValid(QByteArrayView(buf, 1)), referenceValid(buf, 1));
        for (int b = 0; b < 256; ++b) {
            buf[1] = uchar(b);
            if (Utf8Validator::isValid(QByteArrayView(buf, 2)) != referenceValid(buf, 2))
                QFAIL(qPrintable(QStringLiteral("mismatch at %1 %2").arg(a, 0, 16).arg(b, 0, 16)));
            if (a < 0xC0)
                continue;
            for (int c = 0; c < 256; ++c) {
                buf[2] = uchar(c);
                if (Utf8Validator::isValid(QByteArrayView(buf, 3)) != referenceValid(buf, 3))
                    QFAIL(qPrintable(QStringLiteral("mismatch at %1 %2 %3")
                                         .arg(a, 0, 16)
                                         .arg(b, 0, 16)
                                         .arg(c, 0, 16)));
            }
        }
    }
}

void tst_utf8validator::randomAgainstReference()
{
    // Random mixtures of valid characters and noise, biased toward the
    // interesting bytes; fixed seed.
    QRandomGenerator rng(20240611);
    static const uchar interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                        0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                        0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    for (int round = 0; round < 20000; ++round) {
        QByteArray in;
        const int n = int(rng.bounded(1, 24));
        for (int i = 0; i < n; ++i) {
            const bool pick = rng.bounded(2) != 0;
            in.append(
                char(pick ? interesting[rng.bounded(int(sizeof interesting))] : rng.bounded(256)));
        }
        const bool ref = referenceValid(reinterpret_cast<const uchar *>(in.constData()), n);
        Utf8Validator whole;
        const qsizetype firstBad = whole.feed(in);
        QCOMPARE(firstBad < 0 && whole.isComplete(), ref);
        // The reported offset is where the longest valid prefix stops.
        if (firstBad >= 0) {
            Utf8Validator prefix;
            QCOMPARE(prefix.feed(QByteArrayView(in).first(firstBad)), -1);
        }
        const qsizetype cut = rng.bounded(n + 1);
        Utf8Validator split;
        QCOMPARE(feedInPieces(split, in, {cut}), firstBad);
    }
}

QTEST_APPLESS_MAIN(tst_utf8validator)
#include "tst_utf8validator.moc"
