// RFC 6455 §5.3 masking: the vectorised applyMask/copyMasked must be
// bit-exact with the one-byte-at-a-time definition for every size, phase
// and alignment, and leave the bytes around the range alone.
#include "protocol/masking.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

#include <cstring>

using namespace closecall::protocol;

namespace {

// The definition: transformed-octet-i = original-octet-i XOR key-octet-((phase + i) MOD 4).
void naiveMask(uchar *dst, const uchar *src, qsizetype n, const uchar key[4], int phase)
{
    for (qsizetype i = 0; i < n; ++i)
        dst[i] = src[i] ^ key[(phase + i) % 4];
}

quint32 wireKey(const uchar key[4])
{
    quint32 k;
    std::memcpy(&k, key, 4); // the header's convention: memory order = wire order
    return k;
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(n, Qt::Uninitialized);
    for (char &c : out)
        c = char(rng.bounded(256));
    return out;
}

constexpr uchar Key[4] = {0x37, 0xFA, 0x21, 0x3D}; // RFC 6455 §5.7's key
constexpr qsizetype Guard = 32;                    // untouched bytes around each range

} // namespace

class tst_masking : public QObject
{
    Q_OBJECT

private slots:
    void rfcExample();
    void exhaustive_data();
    void applyMaskExhaustive() { run(false); }
    void copyMaskedExhaustive() { run(true); }
    void applyMaskExhaustive_data() { exhaustive_data(); }
    void copyMaskedExhaustive_data() { exhaustive_data(); }
    void copyMaskedInPlace();
    void pieceByPiece();
    void largeBuffer_data();
    void largeBuffer();

private:
    void run(bool copy);
};

void tst_masking::rfcExample()
{
    // RFC 6455 §5.7: "Hello" masked with 37 fa 21 3d is 7f 9f 4d 51 58.
    QByteArray hello("Hello");
    QCOMPARE(applyMask(hello.data(), hello.size(), wireKey(Key)), quint8(1));
    QCOMPARE(hello, QByteArray::fromHex("7f9f4d5158"));
    QCOMPARE(applyMask(hello.data(), hello.size(), wireKey(Key)), quint8(1));
    QCOMPARE(hello, QByteArray("Hello"));
}

void tst_masking::exhaustive_data()
{
    QTest::addColumn<int>("phase");
    QTest::addColumn<int>("dstOffset");
    QTest::addColumn<int>("srcOffset");
    for (int phase = 0; phase < 4; ++phase) {
        for (int dst : {0, 1, 3, 7, 8, 15}) {
            for (int src : {0, 5, 13}) {
                const QByteArray name = "phase " + QByteArray::number(phase) + ", dst +" +
                                        QByteArray::number(dst) + ", src +" +
                                        QByteArray::number(src);
                QTest::newRow(name.constData()) << phase << dst << src;
            }
        }
    }
}

void tst_masking::run(bool copy)
{
    QFETCH(int, phase);
    QFETCH(int, dstOffset);
    QFETCH(int, srcOffset);

    // Buffers 16-aligned (QByteArray's allocation is), offsets make them odd.
    const QByteArray source = randomBytes(300 + 2 * Guard + 16, quint32(7 + phase));
    for (qsizetype size = 0; size <= 300; ++size) {
        QByteArray expected = source;
        QByteArray actual = source;
        const auto *src = reinterpret_cast<const uchar *>(source.constData()) + Guard + srcOffset;
        auto *exp = reinterpret_cast<uchar *>(expected.data()) + Guard + dstOffset;
        naiveMask(exp, copy ? src : exp, size, Key, phase);
        char *dst = actual.data() + Guard + dstOffset;
        const quint8 next = copy ? copyMasked(dst, reinterpret_cast<const char *>(src), size,
                                              wireKey(Key), quint8(phase))
                                 : applyMask(dst, size, wireKey(Key), quint8(phase));
        if (actual != expected)
            QFAIL(qPrintable(QStringLiteral("mismatch at size %1").arg(size)));
        QCOMPARE(next, quint8((phase + size) % 4));
    }
}

void tst_masking::copyMaskedInPlace()
{
    // dst == src is allowed.
    for (qsizetype size : {0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 1000}) {
        QByteArray buf = randomBytes(size + 3, quint32(size));
        QByteArray expected = buf;
        naiveMask(reinterpret_cast<uchar *>(expected.data()) + 3,
                  reinterpret_cast<const uchar *>(expected.constData()) + 3, size, Key, 2);
        copyMasked(buf.data() + 3, buf.constData() + 3, size, wireKey(Key), 2);
        QCOMPARE(buf, expected);
    }
}

void tst_masking::pieceByPiece()
{
    // A payload split across reads: unmasking each piece with the phase the
    // previous one returned equals unmasking it whole.
    const QByteArray payload = randomBytes(1000, 99);
    QByteArray whole = payload;
    applyMask(whole.data(), whole.size(), wireKey(Key));
    QRandomGenerator rng(5);
    for (int round = 0; round < 50; ++round) {
        QByteArray pieces = payload;
        quint8 phase = 0;
        qsizetype at = 0;
        while (at < pieces.size()) {
            const qsizetype n = qMin<qsizetype>(rng.bounded(1, 80), pieces.size() - at);
            phase = applyMask(pieces.data() + at, n, wireKey(Key), phase);
            at += n;
        }
        QCOMPARE(pieces, whole);
    }
}

void tst_masking::largeBuffer_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("phase");
    QTest::newRow("aligned, phase 0") << 0 << 0;
    QTest::newRow("offset 1, phase 3") << 1 << 3;
    QTest::newRow("offset 9, phase 2") << 9 << 2;
}

void tst_masking::largeBuffer()
{
    QFETCH(int, offset);
    QFETCH(int, phase);
    const qsizetype size = 4 * 1024 * 1024 + 13;
    const QByteArray source = randomBytes(size + offset, 1234);
    QByteArray expected = source;
    naiveMask(reinterpret_cast<uchar *>(expected.data()) + offset,
              reinterpret_cast<const uchar *>(source.constData()) + offset, size, Key, phase);
    QByteArray inPlace = source;
    QCOMPARE(applyMask(inPlace.data() + offset, size, wireKey(Key), quint8(phase)),
             quint8((phase + size) % 4));
    QVERIFY(inPlace == expected);
    QByteArray copied(source.size(), '\0');
    std::memcpy(copied.data(), source.constData(), offset);
    copyMasked(copied.data() + offset, source.constData() + offset, size, wireKey(Key),
               quint8(phase));
    QVERIFY(copied == expected);
}

QTEST_APPLESS_MAIN(tst_masking)
#include "tst_masking.moc"
