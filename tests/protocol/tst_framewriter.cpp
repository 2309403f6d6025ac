// RFC 6455 §5.2 framing on the sending side: the §5.7 examples byte for
// byte, length encodings at their boundaries, masking by role, and a round
// trip through the parser.
#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/masking.h"

#include <QtTest/QtTest>

#include <cstring>

using namespace closecall::protocol;

namespace {

// RFC 6455 §5.7's masking key 37 fa 21 3d, in the writer's convention
// (the quint32's bytes in memory are the wire bytes).
quint32 rfcKey()
{
    const uchar k[4] = {0x37, 0xFA, 0x21, 0x3D};
    quint32 key;
    std::memcpy(&key, k, 4);
    return key;
}

QByteArray pattern(qsizetype n)
{
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char(i * 7 + 3);
    return out;
}

// Messages and controls the parser found, for round trips.
class Collect final : public FrameSink
{
public:
    QList<QByteArray> payloads;
    QList<int> kinds; // opcode for controls, 0x100 + type for messages
    int errors = 0;
    void onMessage(MessageType t, QByteArrayView p, int) override
    {
        kinds << 0x100 + int(t);
        payloads << p.toByteArray();
    }
    void onControl(Opcode op, QByteArrayView p) override
    {
        kinds << int(op);
        payloads << p.toByteArray();
    }
    void onProtocolError(quint16, const QString &) override { ++errors; }
};

} // namespace

Q_DECLARE_METATYPE(Role)
Q_DECLARE_METATYPE(Opcode)
Q_DECLARE_METATYPE(std::optional<quint32>)

class tst_framewriter : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data();
    void rfcExamples();
    void headerSize_data();
    void headerSize();
    void appendHeader_data();
    void appendHeader();
    void clientKeysAreRandom();
    void batchingAndAliasing();
    void roundTrip_data();
    void roundTrip();
};

void tst_framewriter::rfcExamples_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Opcode>("opcode");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray hello("Hello");
    QTest::newRow("single-frame unmasked text 'Hello' [RFC 6455 §5.7]")
        << Role::Server << Opcode::Text << hello << true << QByteArray::fromHex("810548656c6c6f");
    QTest::newRow("single-frame masked text 'Hello' [RFC 6455 §5.7]")
        << Role::Client << Opcode::Text << hello << true
        << QByteArray::fromHex("818537fa213d7f9f4d5158");
    QTest::newRow("fragmented unmasked text, first 'Hel' [RFC 6455 §5.7]")
        << Role::Server << Opcode::Text << QByteArray("Hel") << false
        << QByteArray::fromHex("010348656c");
    QTest::newRow("fragmented unmasked text, last 'lo' [RFC 6455 §5.7]")
        << Role::Server << Opcode::Continuation << QByteArray("lo") << true
        << QByteArray::fromHex("80026c6f");
    QTest::newRow("unmasked Ping 'Hello' [RFC 6455 §5.7]")
        << Role::Server << Opcode::Ping << hello << true << QByteArray::fromHex("890548656c6c6f");
    QTest::newRow("masked Pong 'Hello' [RFC 6455 §5.7]")
        << Role::Client << Opcode::Pong << hello << true
        << QByteArray::fromHex("8a8537fa213d7f9f4d5158");
    QTest::newRow("256-byte unmasked binary, 16-bit length [RFC 6455 §5.7]")
        << Role::Server << Opcode::Binary << pattern(256) << true
        << QByteArray::fromHex("827e0100") + pattern(256);
    QTest::newRow("64 KiB unmasked binary, 64-bit length [RFC 6455 §5.7]")
        << Role::Server << Opcode::Binary << pattern(65536) << true
        << QByteArray::fromHex("827f0000000000010000") + pattern(65536);
}

void tst_framewriter::rfcExamples()
{
    QFETCH(Role, role);
    QFETCH(Opcode, opcode);
    QFETCH(QByteArray, payload);
    QFETCH(bool, fin);
    QFETCH(QByteArray, expected);

    QByteArray out;
    framewriter::appendFrame(out, role, opcode, payload, fin, rfcKey());
    QCOMPARE(out.toHex(' ').left(200), expected.toHex(' ').left(200));
    QVERIFY(out == expected);
    QCOMPARE(out.size(),
             framewriter::headerSize(payload.size(), role == Role::Client) + payload.size());
}

void tst_framewriter::headerSize_data()
{
    QTest::addColumn<quint64>("length");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<qsizetype>("expected");
    QTest::newRow("0, unmasked") << quint64(0) << false << qsizetype(2);
    QTest::newRow("125, unmasked: 7-bit") << quint64(125) << false << qsizetype(2);
    QTest::newRow("126, unmasked: 16-bit") << quint64(126) << false << qsizetype(4);
    QTest::newRow("65535, unmasked: 16-bit") << quint64(65535) << false << qsizetype(4);
    QTest::newRow("65536, unmasked: 64-bit") << quint64(65536) << false << qsizetype(10);
    QTest::newRow("125, masked") << quint64(125) << true << qsizetype(6);
    QTest::newRow("126, masked") << quint64(126) << true << qsizetype(8);
    QTest::newRow("2^40, masked") << (quint64(1) << 40) << true << qsizetype(14);
}

void tst_framewriter::headerSize()
{
    QFETCH(quint64, length);
    QFETCH(bool, masked);
    QFETCH(qsizetype, expected);
    QCOMPARE(framewriter::headerSize(length, masked), expected);
    QByteArray out;
    framewriter::appendHeader(out, Opcode::Binary, length, true,
                              masked ? std::optional<quint32>(1) : std::nullopt);
    QCOMPARE(out.size(), expected);
}

void tst_framewriter::appendHeader_data()
{
    QTest::addColumn<Opcode>("opcode");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<std::optional<quint32>>("key");
    QTest::addColumn<int>("rsv");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("text 125, FIN") << Opcode::Text << quint64(125) << true
                                   << std::optional<quint32>() << 0 << QByteArray::fromHex("817d");
    QTest::newRow("binary 126, no FIN: 16-bit length")
        << Opcode::Binary << quint64(126) << false << std::optional<quint32>() << 0
        << QByteArray::fromHex("027e007e");
    QTest::newRow("continuation 65535, FIN")
        << Opcode::Continuation << quint64(65535) << true << std::optional<quint32>() << 0
        << QByteArray::fromHex("807effff");
    QTest::newRow("binary 65536: 64-bit length")
        << Opcode::Binary << quint64(65536) << true << std::optional<quint32>() << 0
        << QByteArray::fromHex("827f0000000000010000");
    QTest::newRow("binary 2^32+5, masked")
        << Opcode::Binary << ((quint64(1) << 32) + 5) << true << std::optional<quint32>(rfcKey())
        << 0 << QByteArray::fromHex("82ff000000010000000537fa213d");
    QTest::newRow("close 2, masked [RFC 6455 §5.3]")
        << Opcode::Close << quint64(2) << true << std::optional<quint32>(rfcKey()) << 0
        << QByteArray::fromHex("888237fa213d");
    QTest::newRow("RSV1 (rsv = 4)") << Opcode::Text << quint64(0) << true
                                    << std::optional<quint32>() << 4 << QByteArray::fromHex("c100");
    QTest::newRow("RSV1..3 (rsv = 7)")
        << Opcode::Text << quint64(1) << false << std::optional<quint32>() << 7
        << QByteArray::fromHex("7101");
}

void tst_framewriter::appendHeader()
{
    QFETCH(Opcode, opcode);
    QFETCH(quint64, length);
    QFETCH(bool, fin);
    QFETCH(std::optional<quint32>, key);
    QFETCH(int, rsv);
    QFETCH(QByteArray, expected);
    QByteArray out("prefix");
    framewriter::appendHeader(out, opcode, length, fin, key, quint8(rsv));
    QCOMPARE(out.toHex(), QByteArray(QByteArray("prefix") + expected).toHex());
}

void tst_framewriter::clientKeysAreRandom()
{
    // RFC 6455 §5.3: a fresh, unpredictable key for every frame.
    QSet<QByteArray> keys;
    for (int i = 0; i < 16; ++i) {
        QByteArray out;
        framewriter::appendFrame(out, Role::Client, Opcode::Text, "same payload");
        QCOMPARE(quint8(out[1]) & 0x80, 0x80);
        keys.insert(out.mid(2, 4));
        // And the payload round-trips with the key on the wire.
        quint32 key;
        std::memcpy(&key, out.constData() + 2, 4);
        QByteArray payload = out.mid(6);
        applyMask(payload.data(), payload.size(), key);
        QCOMPARE(payload, QByteArray("same payload"));
    }
    QVERIFY2(keys.size() >= 15, "16 frames should not share masking keys");

    // A server never masks, key or not.
    QByteArray out;
    framewriter::appendFrame(out, Role::Server, Opcode::Text, "x", true, rfcKey());
    QCOMPARE(out, QByteArray::fromHex("810178"));
}

void tst_framewriter::batchingAndAliasing()
{
    QByteArray out;
    for (int i = 0; i < 1000; ++i)
        framewriter::appendFrame(out, Role::Server, Opcode::Binary, pattern(i % 300));
    Collect sink;
    FrameParser parser(Role::Client);
    QCOMPARE(parser.feed(out.data(), out.size(), sink), out.size());
    QCOMPARE(sink.payloads.size(), 1000);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(sink.payloads.at(i), pattern(i % 300));

    // A payload that is a view into the output buffer itself (an echo).
    QByteArray buf("abcdefgh");
    buf.squeeze();
    framewriter::appendFrame(buf, Role::Server, Opcode::Pong, QByteArrayView(buf).first(5));
    QCOMPARE(buf, QByteArray("abcdefgh") + QByteArray::fromHex("8a05") + "abcde");
}

void tst_framewriter::roundTrip_data()
{
    QTest::addColumn<Role>("writer");
    QTest::addColumn<int>("size");
    for (Role r : {Role::Server, Role::Client}) {
        for (int size : {0, 1, 125, 126, 127, 65535, 65536, 70001}) {
            const QByteArray name = (r == Role::Server ? "server writes " : "client writes ") +
                                    QByteArray::number(size) + " bytes";
            QTest::newRow(name.constData()) << r << size;
        }
    }
}

void tst_framewriter::roundTrip()
{
    QFETCH(Role, writer);
    QFETCH(int, size);
    const QByteArray payload = pattern(size);
    QByteArray out;
    framewriter::appendFrame(out, writer, Opcode::Binary, payload, false);
    framewriter::appendFrame(out, writer, Opcode::Ping, QByteArray(size % 126, 'p'));
    framewriter::appendFrame(out, writer, Opcode::Continuation, payload);
    const Role reader = writer == Role::Server ? Role::Client : Role::Server;
    FrameParser parser(reader);
    Collect sink;
    QCOMPARE(parser.feed(out.data(), out.size(), sink), out.size());
    QCOMPARE(sink.errors, 0);
    QCOMPARE(sink.kinds, (QList<int>{int(Opcode::Ping), 0x100 + int(MessageType::Binary)}));
    QCOMPARE(sink.payloads.at(0), QByteArray(size % 126, 'p'));
    QVERIFY(sink.payloads.at(1) == payload + payload);
}

QTEST_APPLESS_MAIN(tst_framewriter)
#include "tst_framewriter.moc"
