// permessage-deflate end to end in the protocol core: the server's and the
// client's handshake agree on it (RFC 7692 §5, §7.1), a server and a client
// WsConnection wired back to back exchange compressed messages (RSV1 on the
// wire, the payloads intact, the wire size reported), and the close
// semantics hold unchanged: post-close receives that arrive compressed are
// inflated, flagged and counted like any other.
#include "handshakesamples.h"
#include "sessionrecorder.h"

#include "protocol/handshake.h"
#include "protocol/wsconnection.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace closecall::test;
using namespace handshakesamples;
using namespace Qt::StringLiterals;

namespace {

DeflateServerConfig deflateOn()
{
    DeflateServerConfig config;
    config.enabled = true;
    return config;
}

ServerHandshake handshakeFor(const QList<QByteArray> &extensionLines,
                             DeflateServerConfig deflate = deflateOn())
{
    HttpHeaders headers = goodHeaders();
    for (const QByteArray &line : extensionLines)
        headers.append({"Sec-WebSocket-Extensions", line});
    ServerHandshakeConfig config;
    config.deflate = deflate;
    ServerHandshake handshake(config);
    handshake.feed(makeRequest(headers));
    return handshake;
}

// The RSV1 bit of every frame in what a connection wrote (after the 101).
QList<bool> rsv1Bits(const QByteArray &frames)
{
    QList<bool> out;
    qsizetype pos = 0;
    while (pos + 2 <= frames.size()) {
        const auto b0 = quint8(frames[pos]);
        const auto b1 = quint8(frames[pos + 1]);
        qsizetype at = pos + 2;
        quint64 len = b1 & 0x7f;
        if (len == 126) {
            len = qFromBigEndian<quint16>(frames.constData() + at);
            at += 2;
        } else if (len == 127) {
            len = qFromBigEndian<quint64>(frames.constData() + at);
            at += 8;
        }
        at += (b1 & 0x80) ? 4 : 0;
        out.append((b0 & 0x40) != 0);
        pos = at + qsizetype(len);
    }
    return out;
}

// A server and a client connection, bytes carried between them by hand.
struct Pair
{
    SessionRecorder serverEvents;
    SessionRecorder clientEvents;
    WsConnection server;
    WsConnection client;

    Pair(DeflateServerConfig deflate, bool offer)
        : server(serverEvents, serverConfig(deflate))
        , client(clientEvents, clientOptions(offer))
    {
        toServer();
        if (server.upgrade() == WsConnection::Upgrade::Requested)
            server.accept();
        toClient();
    }
    static ServerHandshakeConfig serverConfig(DeflateServerConfig deflate)
    {
        ServerHandshakeConfig config;
        config.deflate = deflate;
        return config;
    }
    static ClientHandshakeOptions clientOptions(bool offer)
    {
        ClientHandshakeOptions options;
        options.offerDeflate = offer;
        return options;
    }
    // What one side wrote, handed to the other; returns the bytes.
    QByteArray toServer()
    {
        QByteArray bytes = std::exchange(client.output(), {});
        server.receive(bytes.data(), bytes.size());
        return bytes;
    }
    QByteArray toClient()
    {
        QByteArray bytes = std::exchange(server.output(), {});
        client.receive(bytes.data(), bytes.size());
        return bytes;
    }
};

QList<RecordedEvent> messagesIn(const SessionRecorder &rec)
{
    return rec.ofKind(SessionEvent::Kind::MessageIn);
}

} // namespace

class TestDeflateSession : public QObject
{
    Q_OBJECT

private slots:
    void serverAcceptsABrowsersOffer();
    void serverPicksAmongSeveralLines();
    void serverRefusesAMalformedHeader();
    void disabledIgnoresTheHeader();
    void clientOffersAndReadsTheAnswer();
    void clientFailsAnAnswerItCannotAccept_data();
    void clientFailsAnAnswerItCannotAccept();
    void messagesTravelCompressed();
    void noContextTakeoverBothWays();
    void postCloseReceivesAreCountedCompressed_data();
    void postCloseReceivesAreCountedCompressed();
    void noOfferNoCompression();
};

void TestDeflateSession::serverAcceptsABrowsersOffer()
{
    // What Chromium and Firefox send.
    ServerHandshake handshake = handshakeFor({"permessage-deflate; client_max_window_bits"});
    QCOMPARE(handshake.status(), HandshakeStatus::Complete);
    QVERIFY(handshake.deflate().has_value());
    const QByteArray line =
        "\r\nSec-WebSocket-Extensions: " + handshake.deflate()->toHeaderValue() + "\r\n";
    QVERIFY2(handshake.response().contains(line), handshake.response().constData());
    QVERIFY(handshake.response().contains("permessage-deflate"));
}

void TestDeflateSession::serverPicksAmongSeveralLines()
{
    // The first offer asks for a window zlib cannot compress raw deflate in
    // (declined); the second, on its own header line, is taken.
    ServerHandshake handshake = handshakeFor({"permessage-deflate; server_max_window_bits=16",
                                              "permessage-deflate; client_no_context_takeover"});
    QCOMPARE(handshake.status(), HandshakeStatus::Complete);
    QVERIFY(handshake.deflate().has_value());
    QVERIFY(handshake.deflate()->clientNoContextTakeover);
    QCOMPARE(handshake.declinedExtensions().size(), 1);
    QVERIFY2(handshake.declinedExtensions().first().contains(u"server_max_window_bits"_s),
             qPrintable(handshake.declinedExtensions().first()));
}

void TestDeflateSession::serverRefusesAMalformedHeader()
{
    ServerHandshake handshake = handshakeFor({"permessage-deflate; =15"});
    QCOMPARE(handshake.status(), HandshakeStatus::Failed);
    QCOMPARE(handshake.httpStatus(), 400);
    QVERIFY2(handshake.failureReason().contains(u"Sec-WebSocket-Extensions"_s),
             qPrintable(handshake.failureReason()));
}

void TestDeflateSession::disabledIgnoresTheHeader()
{
    // Off (the default), a server without extensions: no answer, and a
    // header it would find malformed is no concern of it.
    for (const QByteArray &line : {"permessage-deflate"_ba, "permessage-deflate; =15"_ba}) {
        ServerHandshake handshake = handshakeFor({line}, DeflateServerConfig{});
        QCOMPARE(handshake.status(), HandshakeStatus::Complete);
        QVERIFY(!handshake.deflate().has_value());
        QVERIFY(!handshake.response().contains("Sec-WebSocket-Extensions"));
    }
}

void TestDeflateSession::clientOffersAndReadsTheAnswer()
{
    ClientHandshakeOptions options;
    options.key = RfcKey;
    options.offerDeflate = true;
    ClientHandshake handshake(options);
    const QByteArray offer = "\r\nSec-WebSocket-Extensions: " + deflateClientOffer() + "\r\n";
    QVERIFY(handshake.request().contains(offer));
    handshake.feed(response101(RfcAccept,
                               "Sec-WebSocket-Extensions: permessage-deflate; "
                               "server_no_context_takeover; client_max_window_bits=10\r\n"));
    QCOMPARE(handshake.status(), HandshakeStatus::Complete);
    QVERIFY(handshake.deflate().has_value());
    QVERIFY(handshake.deflate()->serverNoContextTakeover);
    QCOMPARE(handshake.deflate()->clientMaxWindowBits, 10);
}

void TestDeflateSession::clientFailsAnAnswerItCannotAccept_data()
{
    QTest::addColumn<bool>("offer");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("why");
    QTest::newRow("not offered") << false << "permessage-deflate"_ba << u"not offered"_s;
    QTest::newRow("another extension")
        << true << "x-webkit-deflate-frame"_ba << u"only permessage-deflate was offered"_s;
    QTest::newRow("two of them") << true << "permessage-deflate, permessage-deflate"_ba
                                 << u"only permessage-deflate was offered"_s;
    QTest::newRow("malformed") << true << "permessage-deflate;;"_ba << u"malformed"_s;
    QTest::newRow("bad window") << true << "permessage-deflate; server_max_window_bits=7"_ba
                                << u"cannot be accepted"_s;
}

void TestDeflateSession::clientFailsAnAnswerItCannotAccept()
{
    QFETCH(bool, offer);
    QFETCH(QByteArray, answer);
    QFETCH(QString, why);
    ClientHandshakeOptions options;
    options.key = RfcKey;
    options.offerDeflate = offer;
    ClientHandshake handshake(options);
    handshake.feed(response101(RfcAccept, "Sec-WebSocket-Extensions: " + answer + "\r\n"));
    QCOMPARE(handshake.status(), HandshakeStatus::Failed);
    QVERIFY2(handshake.failureReason().contains(why), qPrintable(handshake.failureReason()));
    QVERIFY(!handshake.deflate().has_value());
}

void TestDeflateSession::messagesTravelCompressed()
{
    Pair pair(deflateOn(), true);
    QCOMPARE(pair.server.state(), State::Open);
    QCOMPARE(pair.client.state(), State::Open);
    QVERIFY(pair.server.deflate().has_value());
    QVERIFY(pair.client.deflate().has_value());

    const QByteArray big = QByteArray("the same words again and again; ").repeated(500);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!pair.client.sendMessage(MessageType::Text, big));
        QVERIFY(!pair.server.sendMessage(MessageType::Binary, big));
    }
    const QByteArray up = pair.toServer();
    const QByteArray down = pair.toClient();
    QCOMPARE(rsv1Bits(up), (QList<bool>{true, true, true}));
    QCOMPARE(rsv1Bits(down), (QList<bool>{true, true, true}));
    // Context takeover: the repeats cost next to nothing.
    QVERIFY2(up.size() < big.size() / 10, qPrintable(QString::number(up.size())));

    for (const SessionRecorder *rec : {&pair.serverEvents, &pair.clientEvents}) {
        const QList<RecordedEvent> in = messagesIn(*rec);
        QCOMPARE(in.size(), 3);
        for (const RecordedEvent &e : in) {
            QCOMPARE(e.payload, big);
            QVERIFY(e.wireBytes > 0 && e.wireBytes < big.size());
        }
        const QList<RecordedEvent> out = rec->ofKind(SessionEvent::Kind::MessageOut);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.first().wireBytes, in.first().wireBytes);
    }
    // Control frames are never compressed.
    QVERIFY(!pair.client.ping("hi"));
    QCOMPARE(rsv1Bits(pair.toServer()), QList<bool>{false});
}

void TestDeflateSession::noContextTakeoverBothWays()
{
    DeflateServerConfig config = deflateOn();
    config.serverNoContextTakeover = true;
    config.clientNoContextTakeover = true; // asked of the client: it allows it
    Pair pair(config, true);
    QVERIFY(pair.server.deflate()->serverNoContextTakeover);
    QVERIFY(pair.server.deflate()->clientNoContextTakeover);
    // A short message that does not shrink may go out as it is; a
    // compressible one goes compressed; both arrive intact.
    QVERIFY(!pair.server.sendMessage(MessageType::Binary, "\x01"));
    QVERIFY(!pair.server.sendMessage(MessageType::Text, QByteArray(5000, 'x')));
    QCOMPARE(rsv1Bits(pair.toClient()), (QList<bool>{false, true}));
    const QList<RecordedEvent> in = messagesIn(pair.clientEvents);
    QCOMPARE(in.size(), 2);
    QCOMPARE(in[0].payload, "\x01"_ba);
    QCOMPARE(in[0].wireBytes, -1);
    QCOMPARE(in[1].payload, QByteArray(5000, 'x'));
    QVERIFY(pair.server.session().deflateMemory() == 0); // nothing held between messages
}

void TestDeflateSession::postCloseReceivesAreCountedCompressed_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("flag");
    QTest::newRow("close output delivers") << CloseMode::CloseOutput << PostClose::Delivered;
    QTest::newRow("close discards") << CloseMode::Close << PostClose::Discarded;
}

void TestDeflateSession::postCloseReceivesAreCountedCompressed()
{
    // [R4]/[R5] with compression on: the client sends three compressed
    // messages before it has read the server's Close; the server inflates
    // them, flags them and counts them like any other.
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, flag);
    Pair pair(deflateOn(), true);
    QVERIFY(!pair.server.close(1000, u"bye"_s, mode));
    const QByteArray closeFrame = std::exchange(pair.server.output(), {});
    for (int i = 1; i <= 3; ++i)
        QVERIFY(!pair.client.sendMessage(MessageType::Text,
                                         u"late %1 "_s.arg(i).toUtf8().repeated(50)));
    pair.toServer();
    QByteArray close = closeFrame;
    pair.client.receive(close.data(), close.size()); // the client answers
    pair.toServer();

    const QList<RecordedEvent> in = messagesIn(pair.serverEvents);
    QCOMPARE(in.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(in[i].postClose, flag);
        QCOMPARE(in[i].state, State::CloseSent);
        QCOMPARE(in[i].payload, u"late %1 "_s.arg(i + 1).toUtf8().repeated(50));
        QVERIFY(in[i].wireBytes > 0);
    }
    QCOMPARE(pair.server.state(), State::Closed);
}

void TestDeflateSession::noOfferNoCompression()
{
    // A client that does not offer gets plain frames from a server that
    // would compress; RSV1 from it would be a protocol error.
    Pair pair(deflateOn(), false);
    QVERIFY(!pair.server.deflate().has_value());
    QVERIFY(!pair.server.sendMessage(MessageType::Text, QByteArray(5000, 'x')));
    QCOMPARE(rsv1Bits(pair.toClient()), QList<bool>{false});
    QCOMPARE(messagesIn(pair.clientEvents).size(), 1);
}

QTEST_GUILESS_MAIN(TestDeflateSession)
#include "tst_deflatesession.moc"
