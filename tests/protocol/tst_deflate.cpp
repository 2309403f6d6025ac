// permessage-deflate (RFC 7692): the examples of §7.2.3 byte for byte, the
// negotiation rules of §7.1 (offers read, declined or accepted, answers
// checked), and the limits that keep a decompression bomb harmless.
#include "protocol/deflatecodec.h"
#include "protocol/deflatenegotiation.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using namespace closecall::protocol;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

QByteArray inflateAll(MessageInflater &inflater, const QList<QByteArray> &frames,
                      MessageInflater::Status *status = nullptr)
{
    QByteArray out;
    MessageInflater::Status s = MessageInflater::Status::Ok;
    for (const QByteArray &frame : frames) {
        s = inflater.feed(frame, out);
        if (s != MessageInflater::Status::Ok)
            break;
    }
    if (s == MessageInflater::Status::Ok)
        s = inflater.finish(out);
    if (status)
        *status = s;
    return out;
}

ExtensionOffer offer(const QByteArray &header)
{
    const auto parsed = parseExtensions({header});
    return parsed && parsed->size() == 1 ? parsed->first() : ExtensionOffer{};
}

} // namespace

class TestDeflate : public QObject
{
    Q_OBJECT

private slots:
    void rfcHelloCompressed();
    void rfcSharedWindowAndNoContextTakeover();
    void rfcUncompressedBlock();
    void rfcTwoFrames();
    void rfcFinalBlockEndsTheStream();
    void rfcTwoBlocks();
    void roundTripsEverySize();
    void emptyMessagesInARow();
    void bombStopsAtTheLimit();
    void corruptDataIsReported();
    void eightBitWindowSendsUncompressed();
    void stateIsGivenBackWithoutContextTakeover();

    void parsesOffersAndHeaderLines();
    void malformedHeadersAreRefused_data();
    void malformedHeadersAreRefused();
    void offersAreDeclined_data();
    void offersAreDeclined();
    void serverPicksTheFirstAcceptableOffer();
    void serverAppliesItsLimits();
    void disabledDeclinesEverything();
    void clientChecksTheAnswer_data();
    void clientChecksTheAnswer();
};

void TestDeflate::rfcHelloCompressed()
{
    // §7.2.3.1: "Hello" in one compressed frame is f2 48 cd c9 c9 07 00.
    MessageDeflater deflater(15, false);
    QCOMPARE(deflater.compress("Hello"), hex("f248cdc9c90700"));
    MessageInflater inflater(false, 1024);
    QCOMPARE(inflateAll(inflater, {hex("f248cdc9c90700")}), "Hello"_ba);
}

void TestDeflate::rfcSharedWindowAndNoContextTakeover()
{
    // §7.2.3.2: the second "Hello" refers back to the first.
    MessageDeflater shared(15, false);
    QCOMPARE(shared.compress("Hello"), hex("f248cdc9c90700"));
    QCOMPARE(shared.compress("Hello"), hex("f200110000"));
    MessageInflater inflater(false, 1024);
    QCOMPARE(inflateAll(inflater, {hex("f248cdc9c90700")}), "Hello"_ba);
    QCOMPARE(inflateAll(inflater, {hex("f200110000")}), "Hello"_ba);

    // Without context takeover every message stands alone.
    MessageDeflater alone(15, true);
    QCOMPARE(alone.compress("Hello"), hex("f248cdc9c90700"));
    QCOMPARE(alone.compress("Hello"), hex("f248cdc9c90700"));
}

void TestDeflate::rfcUncompressedBlock()
{
    // §7.2.3.3: a stored (BTYPE 00) block.
    MessageInflater inflater(false, 1024);
    QCOMPARE(inflateAll(inflater, {hex("000500faff48656c6c6f00")}), "Hello"_ba);
}

void TestDeflate::rfcTwoFrames()
{
    // §7.2.3.4: one compressed message in two frames.
    MessageInflater inflater(false, 1024);
    QCOMPARE(inflateAll(inflater, {hex("f248cd"), hex("c9c90700")}), "Hello"_ba);
}

void TestDeflate::rfcFinalBlockEndsTheStream()
{
    // §7.2.3.5: a block with BFINAL set; the next message starts afresh.
    MessageInflater inflater(false, 1024);
    QCOMPARE(inflateAll(inflater, {hex("f348cdc9c907000000")}), "Hello"_ba);
    QCOMPARE(inflateAll(inflater, {hex("f248cdc9c90700")}), "Hello"_ba);
}

void TestDeflate::rfcTwoBlocks()
{
    // §7.2.3.6: two DEFLATE blocks in one message.
    MessageInflater inflater(false, 1024);
    QCOMPARE(inflateAll(inflater, {hex("f24805000000ffffcac9c90700")}), "Hello"_ba);
}

void TestDeflate::roundTripsEverySize()
{
    QRandomGenerator rng(7);
    for (bool noContext : {false, true}) {
        MessageDeflater deflater(15, noContext);
        MessageInflater inflater(noContext, 1 << 20);
        for (qsizetype size : {0, 1, 2, 125, 126, 4096, 65535, 65536, 300000}) {
            QByteArray message(size, Qt::Uninitialized);
            for (qsizetype i = 0; i < size; ++i) // compressible: a small alphabet
                message[i] = char('a' + rng.bounded(6));
            const QByteArray wire = deflater.compress(message);
            if (size > 1000)
                QVERIFY2(wire.size() < size / 2, qPrintable(QString::number(wire.size())));
            // Split across frames of 1000 bytes, as a fragmented message.
            QList<QByteArray> frames;
            for (qsizetype at = 0; at < wire.size(); at += 1000)
                frames.append(wire.mid(at, 1000));
            MessageInflater::Status status;
            QCOMPARE(inflateAll(inflater, frames, &status), message);
            QCOMPARE(status, MessageInflater::Status::Ok);
        }
    }
}

void TestDeflate::emptyMessagesInARow()
{
    // Found by fuzz_deflate: two empty messages in a row with context
    // takeover; zlib writes nothing for the second flush.
    MessageDeflater deflater(9, false);
    MessageInflater inflater(false, 1024);
    for (int i = 0; i < 3; ++i) {
        MessageInflater::Status status;
        QCOMPARE(inflateAll(inflater, {deflater.compress({})}, &status), QByteArray());
        QCOMPARE(status, MessageInflater::Status::Ok);
    }
    QCOMPARE(inflateAll(inflater, {deflater.compress("Hello")}), "Hello"_ba);
}

void TestDeflate::bombStopsAtTheLimit()
{
    // 10 MB of zeros compress to about 10 KB; inflating stops at 1 MiB
    // without ever holding more.
    MessageDeflater deflater(15, true);
    const QByteArray bomb = deflater.compress(QByteArray(10'000'000, '\0'));
    QVERIFY(bomb.size() < 20'000);
    const quint64 limit = 1 << 20;
    MessageInflater inflater(false, limit);
    QByteArray out;
    QCOMPARE(inflater.feed(bomb, out), MessageInflater::Status::TooBig);
    QVERIFY(quint64(out.size()) <= limit + 1);
    QVERIFY2(quint64(out.capacity()) <= limit + 1, qPrintable(QString::number(out.capacity())));
    QVERIFY(inflater.error().contains(u"1048576"_s));

    // Exactly the limit is still allowed.
    MessageInflater exact(false, 4096);
    MessageDeflater d2(15, true);
    MessageInflater::Status status;
    QCOMPARE(inflateAll(exact, {d2.compress(QByteArray(4096, 'x'))}, &status).size(), 4096);
    QCOMPARE(status, MessageInflater::Status::Ok);
    MessageInflater over(false, 4095);
    inflateAll(over, {d2.compress(QByteArray(4096, 'x'))}, &status);
    QCOMPARE(status, MessageInflater::Status::TooBig);
}

void TestDeflate::corruptDataIsReported()
{
    MessageInflater inflater(false, 1024);
    MessageInflater::Status status;
    inflateAll(inflater, {hex("ffffffffffff")}, &status);
    QCOMPARE(status, MessageInflater::Status::Corrupt);
    QVERIFY(inflater.error().contains(u"not valid deflate"_s));
}

void TestDeflate::eightBitWindowSendsUncompressed()
{
    QVERIFY(!MessageDeflater(8, false).canCompress());
    QVERIFY(MessageDeflater(9, false).canCompress());
}

void TestDeflate::stateIsGivenBackWithoutContextTakeover()
{
    MessageDeflater keep(15, false), drop(15, true);
    QCOMPARE(keep.memoryInUse(), 0);
    keep.compress("Hello");
    drop.compress("Hello");
    QCOMPARE(keep.memoryInUse(), 256 * 1024); // zlib: 128 KiB window + 128 KiB hash
    QCOMPARE(drop.memoryInUse(), 0);
    MessageInflater keeping(false, 1024), dropping(true, 1024);
    inflateAll(keeping, {hex("f248cdc9c90700")});
    inflateAll(dropping, {hex("f248cdc9c90700")});
    QVERIFY(keeping.memoryInUse() > 32 * 1024);
    QCOMPARE(dropping.memoryInUse(), 0);
}

void TestDeflate::parsesOffersAndHeaderLines()
{
    const auto parsed = parseExtensions(
        {"permessage-deflate; client_max_window_bits, permessage-deflate ; server_max_window_bits=\"10\""_ba,
         "x-webkit-deflate-frame"_ba});
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 3);
    QCOMPARE(parsed->at(0).name, "permessage-deflate"_ba);
    QCOMPARE(parsed->at(0).params.size(), 1);
    QCOMPARE(parsed->at(0).params[0].first, "client_max_window_bits"_ba);
    QVERIFY(parsed->at(0).params[0].second.isNull());
    QCOMPARE(parsed->at(1).params[0].second, "10"_ba); // unquoted
    QCOMPARE(parsed->at(2).name, "x-webkit-deflate-frame"_ba);
    QVERIFY(parseExtensions({""_ba, " , "_ba})->isEmpty());
}

void TestDeflate::malformedHeadersAreRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("dangling ;") << "permessage-deflate;"_ba;
    QTest::newRow("no name") << "; client_max_window_bits"_ba;
    QTest::newRow("space in a name") << "permessage deflate"_ba;
    QTest::newRow("no value after =") << "permessage-deflate; server_max_window_bits="_ba;
    QTest::newRow("open quote") << "permessage-deflate; server_max_window_bits=\"10"_ba;
    QTest::newRow("quoted non-token") << "permessage-deflate; server_max_window_bits=\"1 0\""_ba;
    QTest::newRow("bad separator") << "permessage-deflate / x"_ba;
}

void TestDeflate::malformedHeadersAreRefused()
{
    QFETCH(QByteArray, header);
    QString error;
    QVERIFY(!parseExtensions({header}, &error));
    QVERIFY2(error.contains(u"Sec-WebSocket-Extensions"_s) && error.contains(u"character"_s),
             qPrintable(error));
}

void TestDeflate::offersAreDeclined_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("why");
    QTest::newRow("window 7") << "permessage-deflate; server_max_window_bits=7"_ba << u"8 to 15"_s;
    QTest::newRow("window 16") << "permessage-deflate; server_max_window_bits=16"_ba
                               << u"8 to 15"_s;
    QTest::newRow("leading zero") << "permessage-deflate; server_max_window_bits=09"_ba
                                  << u"8 to 15"_s;
    QTest::newRow("server bits without a value")
        << "permessage-deflate; server_max_window_bits"_ba << u"8 to 15"_s;
    QTest::newRow("client window 16")
        << "permessage-deflate; client_max_window_bits=16"_ba << u"8 to 15"_s;
    QTest::newRow("twice") << "permessage-deflate; client_no_context_takeover; "
                              "client_no_context_takeover"_ba
                           << u"twice"_s;
    QTest::newRow("unknown") << "permessage-deflate; mystery"_ba << u"not a permessage-deflate"_s;
    QTest::newRow("flag with a value")
        << "permessage-deflate; server_no_context_takeover=1"_ba << u"takes no value"_s;
}

void TestDeflate::offersAreDeclined()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, why);
    QString reason;
    QVERIFY(!readOffer(offer(header), &reason));
    QVERIFY2(reason.contains(why), qPrintable(reason));
    QStringList declined;
    QVERIFY(!negotiateDeflate({offer(header)}, {.enabled = true}, &declined));
    QCOMPARE(declined.size(), 1);
}

void TestDeflate::serverPicksTheFirstAcceptableOffer()
{
    const auto offers =
        parseExtensions({"x-unknown, permessage-deflate; server_max_window_bits=16, "
                         "permessage-deflate; client_max_window_bits; "
                         "server_no_context_takeover, permessage-deflate"_ba});
    QVERIFY(offers);
    QStringList declined;
    const auto chosen = negotiateDeflate(*offers, {.enabled = true}, &declined);
    QVERIFY(chosen);
    QCOMPARE(declined.size(), 1); // the window of 16
    QVERIFY(chosen->serverNoContextTakeover);
    QVERIFY(!chosen->clientNoContextTakeover);
    QCOMPARE(chosen->serverMaxWindowBits, 15);
    QVERIFY(!chosen->clientMaxWindowBitsSent); // nothing to limit
    QCOMPARE(chosen->toHeaderValue(), "permessage-deflate; server_no_context_takeover"_ba);
}

void TestDeflate::serverAppliesItsLimits()
{
    const DeflateServerConfig config{.enabled = true,
                                     .serverMaxWindowBits = 12,
                                     .serverNoContextTakeover = false,
                                     .clientNoContextTakeover = true,
                                     .clientMaxWindowBits = 10};
    // The client allows a window limit: it gets one.
    auto chosen = negotiateDeflate({offer("permessage-deflate; client_max_window_bits")}, config);
    QVERIFY(chosen);
    QCOMPARE(chosen->toHeaderValue(), "permessage-deflate; client_no_context_takeover; "
                                      "server_max_window_bits=12; client_max_window_bits=10"_ba);
    // It did not: its window cannot be limited, and none is named.
    chosen = negotiateDeflate({offer("permessage-deflate")}, config);
    QVERIFY(chosen);
    QCOMPARE(chosen->clientMaxWindowBits, 15);
    QVERIFY(!chosen->toHeaderValue().contains("client_max_window_bits"));
    // The client asks for a smaller server window than ours: the smaller wins.
    chosen = negotiateDeflate({offer("permessage-deflate; server_max_window_bits=9")}, config);
    QCOMPARE(chosen->serverMaxWindowBits, 9);
    // 8 bits is accepted; we then send every message uncompressed.
    chosen = negotiateDeflate({offer("permessage-deflate; server_max_window_bits=8")}, config);
    QVERIFY(chosen);
    QCOMPARE(chosen->serverMaxWindowBits, 8);
    QVERIFY(!MessageDeflater(chosen->serverMaxWindowBits, false).canCompress());
}

void TestDeflate::disabledDeclinesEverything()
{
    QVERIFY(!negotiateDeflate({offer("permessage-deflate")}, {}));
}

void TestDeflate::clientChecksTheAnswer_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain") << "permessage-deflate"_ba << true;
    QTest::newRow("every parameter")
        << "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
           "server_max_window_bits=10; client_max_window_bits=9"_ba
        << true;
    QTest::newRow("client bits without a value")
        << "permessage-deflate; client_max_window_bits"_ba << false;
    QTest::newRow("unknown parameter") << "permessage-deflate; mystery=1"_ba << false;
    QTest::newRow("twice") << "permessage-deflate; server_max_window_bits=10; "
                              "server_max_window_bits=11"_ba
                           << false;
    QTest::newRow("another extension") << "x-webkit-deflate-frame"_ba << false;
}

void TestDeflate::clientChecksTheAnswer()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, ok);
    QString error;
    const auto params = readDeflateAnswer(offer(answer), &error);
    QCOMPARE(bool(params), ok);
    QCOMPARE(error.isEmpty(), ok);
    QVERIFY(deflateClientOffer().startsWith("permessage-deflate"));
}

QTEST_APPLESS_MAIN(TestDeflate)
#include "tst_deflate.moc"
