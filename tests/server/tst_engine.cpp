// The engine on its own thread against Qt's QWebSocket as an independent
// client, over loopback. Rows that check a rule of docs/close-semantics.md name
// it ([R1] ... [R16]).

#include "engineharness.h"
#include "rawpeer.h"
#include "wsclient.h"

#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketHandshakeOptions>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::MessageType;
using protocol::State;

Q_DECLARE_METATYPE(closecall::protocol::CloseMode)

class tst_Engine : public QObject
{
    Q_OBJECT

private slots:
    void listensOnAFreePort();
    void portInUseFailsToStart();
    void openEventFields();
    void echo_data();
    void echo();
    void serverClose_data();
    void serverClose();
    void peerCloseIsAcknowledged();
    void manualAcknowledge();
    void manualAcknowledgeWithQWebSocket();
    void abortEndsAtOnce();
    void commandRefusals_data();
    void commandRefusals();
    void commandsRefusedDuringTheUpgrade_data();
    void commandsRefusedDuringTheUpgrade();
    void listReportsConnections();
    void setOptionsChangesEcho();
    void pingsBothWays();
    void messageEventsCanBeOff();
    void seqHasNoGapsAndEveryEventHasItsState();
    void eventsAreBatched();
    void shutdownClosesEveryConnection();
};

void tst_Engine::listensOnAFreePort()
{
    EngineHarness h;
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    const auto ev = h.first<events::Listening>();
    QVERIFY(ev.seq != 0);
    QCOMPARE(ev.address, u"127.0.0.1"_s);
    QCOMPARE(ev.tls, false);
    QCOMPARE(ev.seq, 1u);
}

void tst_Engine::portInUseFailsToStart()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    ServerConfig cfg = testConfig();
    cfg.port = occupant.serverPort();
    EngineHarness h(cfg);
    QTRY_VERIFY_WITH_TIMEOUT(!h.startError.isEmpty(), 5000);
    QCOMPARE(h.startError, u"port %1 on 127.0.0.1 is already in use"_s.arg(cfg.port));
    QTRY_VERIFY(h.find(EventType::Error) >= 0);
    QCOMPARE(h.first<events::Error>().message, h.startError);
}

void tst_Engine::openEventFields()
{
    ServerConfig cfg = testConfig();
    cfg.subprotocols = {u"chat.v2"_s, u"chat.v1"_s};
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();

    QWebSocket ws(u"https://app.example"_s);
    QNetworkRequest request(wsUrl(port, u"/chat?room=1&x=2"_s));
    request.setRawHeader("User-Agent", "CloseCall-Test/1.0");
    request.setRawHeader("X-Custom", "yes");
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({u"chat.v1"_s, u"chat.v2"_s});
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(request, options);
    QVERIFY(connected.wait(5000));
    QCOMPARE(ws.subprotocol(), u"chat.v2"_s); // ours, in our preference order

    const quint32 id = h.waitOpen();
    QCOMPARE(id, 1u); // ids start at 1
    const auto open = h.first<events::Open>(id);
    QCOMPARE(open.state, State::Open);
    QCOMPARE(open.remote, u"127.0.0.1:%1"_s.arg(ws.localPort()));
    QCOMPARE(open.path, u"/chat"_s);
    QCOMPARE(open.query, u"room=1&x=2"_s);
    QCOMPARE(open.subprotocol, u"chat.v2"_s);
    QCOMPARE(open.origin, u"https://app.example"_s);
    QCOMPARE(open.userAgent, u"CloseCall-Test/1.0"_s);
    bool sawCustom = false;
    for (const auto &[name, value] : open.headers)
        sawCustom |= name.compare("x-custom", Qt::CaseInsensitive) == 0 && value == "yes";
    QVERIFY(sawCustom);

    // The state change to Open comes first, stamped Connecting.
    const auto change = h.first<events::StateChange>(id);
    QVERIFY(change.seq != 0);
    QCOMPARE(change.from, State::Connecting);
    QCOMPARE(change.to, State::Open);
    QVERIFY(change.seq < open.seq);
}

void tst_Engine::echo_data()
{
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("text") << false << QByteArray("hello, wörld");
    QTest::newRow("binary") << true << QByteArray("\x00\x01\xff", 3);
    QTest::newRow("binary 100 KiB") << true << QByteArray(100 * 1024, 'x');
    QTest::newRow("text 2000 bytes: preview is the first 1024") << false << QByteArray(2000, 'a');
}

void tst_Engine::echo()
{
    QFETCH(bool, binary);
    QFETCH(QByteArray, payload);
    ServerConfig cfg = testConfig();
    cfg.echo = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();

    QByteArray echoed;
    connect(&ws, &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &m) { echoed = m; });
    connect(&ws, &QWebSocket::textMessageReceived, this,
            [&](const QString &m) { echoed = m.toUtf8(); });
    if (binary)
        ws.sendBinaryMessage(payload);
    else
        ws.sendTextMessage(QString::fromUtf8(payload));
    QTRY_COMPARE_WITH_TIMEOUT(echoed, payload, 5000);

    QVERIFY(h.waitFor(EventType::MessageOut, id));
    const auto in = h.first<events::MessageIn>(id);
    QCOMPARE(in.messageType, binary ? MessageType::Binary : MessageType::Text);
    QCOMPARE(in.size, payload.size());
    QCOMPARE(in.preview, payload.left(server::MaxPreviewBytes));
    QCOMPARE(in.postClose, protocol::PostClose::None);
    QCOMPARE(in.state, State::Open);
    const auto out = h.first<events::MessageOut>(id);
    QCOMPARE(out.size, payload.size());
    QVERIFY(out.seq > in.seq);
}

void tst_Engine::serverClose_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::newRow("[R1] close: QWebSocket answers, Closed") << CloseMode::Close;
    QTest::newRow("[R3] close output: QWebSocket answers, Closed") << CloseMode::CloseOutput;
}

void tst_Engine::serverClose()
{
    QFETCH(CloseMode, mode);
    EngineHarness h;
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();

    h.command([id, mode](Engine *e) {
        e->closeConnections(EngineHarness::one(id), 4000, u"bye"_s, mode, -1, "\"c1\"");
    });
    const auto result = h.result("\"c1\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(waitDisconnected(ws));
    QCOMPARE(int(ws.closeCode()), 4000);
    QCOMPARE(ws.closeReason(), u"bye"_s);

    QVERIFY(h.waitFor(EventType::Closed, id));
    const auto sent = h.first<events::CloseSent>(id);
    QCOMPARE(sent.code, protocol::CloseCode(4000));
    QCOMPARE(sent.reason, u"bye"_s);
    QCOMPARE(sent.mode, mode);
    QCOMPARE(sent.state, State::Open);
    QVERIFY(sent.seq < result.seq); // close_sent before its result

    const auto received = h.first<events::CloseReceived>(id);
    QCOMPARE(received.state, State::CloseSent);
    QCOMPARE(received.code, protocol::CloseCode(4000)); // QWebSocket echoes our code

    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, HowEnded::Handshake);
    QCOMPARE(closed.initiatedBy, Initiator::Server);
    QCOMPARE(closed.code, protocol::CloseCode(4000));
    // [R16] our Close to theirs, measured on the engine thread.
    QVERIFY(closed.closeHandshakeUs >= 0);
    QVERIFY(closed.closeHandshakeUs < 5'000'000);
    QVERIFY(closed.closeHandshakeUs <= closed.tUs - sent.tUs);
}

void tst_Engine::peerCloseIsAcknowledged()
{
    // [R5] automatic acknowledge echoes the peer's code. QWebSocket closes
    // TCP right behind its Close frame, so the ack may meet a closed socket:
    // the handshake still completes (we read its Close first).
    EngineHarness h;
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();
    ws.close(QWebSocketProtocol::CloseCodeGoingAway, u"leaving"_s);
    QVERIFY(h.waitFor(EventType::Closed, id));

    const auto received = h.first<events::CloseReceived>(id);
    QCOMPARE(received.state, State::Open);
    QCOMPARE(received.code, protocol::CloseCode(1001));
    QCOMPARE(received.reason, u"leaving"_s);
    const auto ack = h.first<events::CloseSent>(id);
    QCOMPARE(ack.mode, CloseMode::Ack);
    QCOMPARE(ack.code, protocol::CloseCode(1001));
    QCOMPARE(ack.state, State::CloseReceived);
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.initiatedBy, Initiator::Client);
    QCOMPARE(closed.closeHandshakeUs, -1); // the peer's Close came first
}

void tst_Engine::manualAcknowledge()
{
    // [R6] with a peer that waits for our answer (a raw client: QWebSocket
    // would close TCP at once, see the next test).
    ServerConfig cfg = testConfig();
    cfg.manualAck = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    RawPeer peer;
    QVERIFY(peer.open(port));
    const quint32 id = h.waitOpen();
    peer.sendClose(1001, u"client leaving"_s);
    QVERIFY(h.waitFor(EventType::CloseReceived, id));
    QTest::qWait(200);
    QCOMPARE(h.find(EventType::CloseSent, id), -1); // nothing answered it
    QVERIFY(!peer.nextFrame(50));

    h.command([id](Engine *e) {
        e->closeConnections(EngineHarness::one(id), 4001, u"operator says bye"_s,
                            CloseMode::CloseOutput, -1, "7");
    });
    QVERIFY(h.result("7").ok);
    const auto frame = peer.nextFrame();
    QVERIFY(frame);
    QCOMPARE(frame->opcode, protocol::Opcode::Close);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(4001)); // the operator's code

    QVERIFY(h.waitFor(EventType::Closed, id));
    const auto sent = h.first<events::CloseSent>(id);
    QCOMPARE(sent.state, State::CloseReceived);
    QCOMPARE(sent.mode, CloseMode::CloseOutput);
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.code, protocol::CloseCode(1001)); // the peer's, as the table shows it
    QCOMPARE(closed.initiatedBy, Initiator::Client);
    QCOMPARE(peer.waitEnd(), RawPeer::End::Eof); // [R7] the server closes TCP first
}

void tst_Engine::manualAcknowledgeWithQWebSocket()
{
    // What manual acknowledge shows about QWebSocket: its close() closes
    // TCP right after its Close frame, so the connection waiting in
    // CloseReceived loses TCP and ends Aborted, peer_eof [R9].
    ServerConfig cfg = testConfig();
    cfg.manualAck = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();
    ws.close(QWebSocketProtocol::CloseCodeNormal, u"done"_s);
    QVERIFY(h.waitFor(EventType::Closed, id));
    QCOMPARE(h.find(EventType::CloseSent, id), -1);
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::PeerEof);
    QCOMPARE(closed.tcpClosedByClient, true);
    QCOMPARE(closed.code, protocol::CloseCode(1000)); // the Close it did send
}

void tst_Engine::abortEndsAtOnce()
{
    // [R8] (the reset itself is checked byte-exactly in tst_rawpeer)
    EngineHarness h;
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();
    h.command([id](Engine *e) { e->abortConnections(EngineHarness::one(id), "\"a\""); });
    QVERIFY(h.result("\"a\"").ok);
    QVERIFY(waitDisconnected(ws));
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::Abort);
    QCOMPARE(closed.code, protocol::CloseCode(1006));
    QCOMPARE(closed.tcpClosedByClient, false);
    QCOMPARE(h.find(EventType::CloseSent, id), -1);
}

void tst_Engine::commandRefusals_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown connection") << u"close 12"_s << u"no connection 12"_s;
    QTest::newRow("[R11] second close is refused")
        << u"close twice"_s << u"conn 1: our Close is already sent (CloseSent)"_s;
    QTest::newRow("[R11] data after our Close is refused")
        << u"send after close"_s << u"conn 1: cannot send data: our Close is already sent"_s;
    QTest::newRow("[R10] code 1006 may not be sent") << u"close 1006"_s << u"1006"_s;
    QTest::newRow("[R10] reason of 124 bytes") << u"long reason"_s << u"124"_s;
    QTest::newRow("one refused among several names each")
        << u"close 1 and 99"_s << u"no connection 99"_s;
}

void tst_Engine::commandRefusals()
{
    QFETCH(QString, command);
    QFETCH(QString, expected);
    EngineHarness h;
    const quint16 port = h.waitListening();
    RawPeer peer; // never answers a Close: the connection stays in CloseSent
    QVERIFY(peer.open(port));
    const quint32 id = h.waitOpen();
    QCOMPARE(id, 1u);
    const auto close = [&](ConnSelector sel, protocol::CloseCode code, const QString &reason,
                           const QByteArray &rid) {
        h.command([=](Engine *e) {
            e->closeConnections(sel, code, reason, CloseMode::Close, 60000, rid);
        });
    };

    Found<events::Result> r;
    if (command == u"close 12"_s) {
        close(EngineHarness::one(12), 1000, {}, "1");
        r = h.result("1");
    } else if (command == u"close twice"_s) {
        close(EngineHarness::one(id), 1000, {}, "1");
        QVERIFY(h.result("1").ok);
        close(EngineHarness::one(id), 1001, {}, "2");
        r = h.result("2");
    } else if (command == u"send after close"_s) {
        close(EngineHarness::one(id), 1000, {}, "1");
        QVERIFY(h.result("1").ok);
        const int outBefore = h.all(EventType::MessageOut).size();
        h.command([id](Engine *e) {
            e->sendMessage(EngineHarness::one(id), MessageType::Text, "late", "2");
        });
        r = h.result("2");
        QCOMPARE(h.all(EventType::MessageOut).size(), outBefore);
        const auto frame = peer.nextFrame(1000);
        QVERIFY(frame && frame->opcode == protocol::Opcode::Close);
        QVERIFY(!peer.nextFrame(200)); // nothing written after the Close
    } else if (command == u"close 1006"_s) {
        close(EngineHarness::one(id), 1006, {}, "1");
        r = h.result("1");
    } else if (command == u"long reason"_s) {
        close(EngineHarness::one(id), 1000, QString(62, QChar(0xE5)), "1"); // 124 bytes
        r = h.result("1");
    } else if (command == u"close 1 and 99"_s) {
        close(ConnSelector{false, {99, id}}, 1000, {}, "1");
        r = h.result("1");
        QVERIFY(h.waitFor(EventType::CloseSent, id)); // the known one was closed
    }
    QCOMPARE(r.type, EventType::Result);
    QCOMPARE(r.ok, false);
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
}

void tst_Engine::commandsRefusedDuringTheUpgrade_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected");
    QTest::newRow("close") << u"close"_s
                           << u"conn 1: cannot close: the connection is still Connecting"_s;
    QTest::newRow("abort") << u"abort"_s
                           << u"conn 1: cannot abort: the connection is still Connecting"_s;
    QTest::newRow("send") << u"send"_s
                          << u"conn 1: cannot send data: the connection is still Connecting"_s;
    QTest::newRow("ping") << u"ping"_s
                          << u"conn 1: cannot send a Ping: the connection is still Connecting"_s;
}

void tst_Engine::commandsRefusedDuringTheUpgrade()
{
    // Before the 101 nothing may be started on a connection: the refusal
    // names the state, nothing is written, and the upgrade still completes.
    QFETCH(QString, command);
    QFETCH(QString, expected);
    EngineHarness h;
    const quint16 port = h.waitListening();
    RawPeer peer;
    QVERIFY(peer.connectTo(port));
    protocol::ClientHandshakeOptions o;
    o.host = u"127.0.0.1:%1"_s.arg(port);
    const QByteArray request = protocol::ClientHandshake(o).request();
    peer.sendRaw(request.first(request.size() - 2)); // all but the final CRLF

    const auto run = [&](const QByteArray &rid) {
        h.command([command, rid](Engine *e) {
            const ConnSelector one = EngineHarness::one(1);
            if (command == u"close"_s)
                e->closeConnections(one, 1000, {}, CloseMode::Close, -1, rid);
            else if (command == u"abort"_s)
                e->abortConnections(one, rid);
            else if (command == u"send"_s)
                e->sendMessage(one, MessageType::Text, "early", rid);
            else
                e->ping(one, "early", rid);
        });
        return h.result(rid);
    };
    // The engine accepts the socket on its own time: until then there is
    // "no connection 1"; ask again until the connection exists.
    Found<events::Result> r;
    int attempt = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        (r = run(QByteArray::number(++attempt)), !r.error.startsWith(u"no connection"_s)), 10000);
    QCOMPARE(r.ok, false);
    QCOMPARE(r.error, expected);

    peer.sendRaw("\r\n");
    QCOMPARE(h.waitOpen(), 1u);
    QCOMPARE(h.find(EventType::MessageOut, 1), -1);
    QCOMPARE(h.find(EventType::CloseSent, 1), -1);
    QCOMPARE(h.find(EventType::Closed, 1), -1);
}

void tst_Engine::listReportsConnections()
{
    ServerConfig cfg = testConfig();
    cfg.echo = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket a, b;
    QVERIFY(openClient(a, port, u"/a"_s));
    QVERIFY(openClient(b, port, u"/b"_s));
    QVERIFY(h.waitOpen(5000, 2));
    a.sendTextMessage(u"12345"_s);
    QTRY_VERIFY(h.all(EventType::MessageOut).size() == 1);
    b.close();
    QVERIFY(h.waitFor(EventType::Closed, 2));

    h.command([](Engine *e) { e->list("\"l\""); });
    const auto r = h.result("\"l\"");
    QVERIFY2(r.ok, qPrintable(r.error));
    const QJsonArray rows = QJsonDocument::fromJson(r.data).array();
    QCOMPARE(rows.size(), 2);
    const QJsonObject first = rows[0].toObject();
    QCOMPARE(first[u"id"_s].toInt(), 1);
    QCOMPARE(first[u"path"_s].toString(), u"/a"_s);
    QCOMPARE(first[u"state"_s].toString(), u"Open"_s);
    QCOMPARE(first[u"msgs_in"_s].toInt(), 1);
    QCOMPARE(first[u"msgs_out"_s].toInt(), 1);
    QCOMPARE(first[u"bytes_in"_s].toInt(), 5);
    QVERIFY(first[u"close_sent"_s].isNull());
    QVERIFY(first[u"how"_s].isNull());
    QVERIFY(first[u"opened"_s].toString().endsWith(u'Z'));
    QCOMPARE(first[u"remote"_s].toString(), u"127.0.0.1:%1"_s.arg(a.localPort()));
    for (const char *key :
         {"subprotocol", "bytes_out", "close_received", "initiated_by", "post_close"})
        QVERIFY2(first.contains(QLatin1StringView(key)), key);
    const QJsonObject second = rows[1].toObject();
    QCOMPARE(second[u"id"_s].toInt(), 2);
    QCOMPARE(second[u"state"_s].toString(), u"Closed"_s);
    QCOMPARE(second[u"initiated_by"_s].toString(), u"client"_s);
    QCOMPARE(second[u"how"_s].toString(), u"handshake"_s);
    QCOMPARE(second[u"close_received"_s].toObject()[u"code"_s].toInt(), 1000);
    QCOMPARE(second[u"close_sent"_s].toObject()[u"code"_s].toInt(), 1000);
}

void tst_Engine::setOptionsChangesEcho()
{
    EngineHarness h;
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    QStringList got;
    connect(&ws, &QWebSocket::textMessageReceived, this, [&](const QString &m) { got << m; });
    ws.sendTextMessage(u"not echoed"_s);
    QTRY_VERIFY(h.find(EventType::MessageIn) >= 0);
    h.command([](Engine *e) { e->setOptions(1, -1, -1, "\"s\""); });
    const auto r = h.result("\"s\"");
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(QJsonDocument::fromJson(r.data).object()[u"echo"_s].toBool(), true);
    ws.sendTextMessage(u"echoed"_s);
    QTRY_COMPARE(got, QStringList{u"echoed"_s});
}

void tst_Engine::pingsBothWays()
{
    EngineHarness h;
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();
    QSignalSpy pong(&ws, &QWebSocket::pong);
    ws.ping("from client");
    QVERIFY(pong.wait(5000));
    QCOMPARE(pong.at(0).at(1).toByteArray(), QByteArray("from client"));
    QVERIFY(h.waitFor(EventType::PongOut, id));
    QCOMPARE(h.first<events::PingIn>(id).preview, QByteArray("from client"));

    h.command([id](Engine *e) { e->ping(EngineHarness::one(id), "from server", "\"p\""); });
    QVERIFY(h.result("\"p\"").ok);
    QVERIFY(h.waitFor(EventType::PongIn, id)); // QWebSocket answers Pings itself
    QCOMPARE(h.first<events::PongIn>(id).preview, QByteArray("from server"));
    QCOMPARE(h.first<events::PingOut>(id).size, 11);
}

void tst_Engine::messageEventsCanBeOff()
{
    ServerConfig cfg = testConfig();
    cfg.echo = true;
    cfg.messageEvents = false;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    QSignalSpy echoed(&ws, &QWebSocket::textMessageReceived);
    for (int i = 0; i < 10; ++i)
        ws.sendTextMessage(u"m"_s);
    QTRY_COMPARE(echoed.size(), 10);
    ws.close();
    QVERIFY(h.waitFor(EventType::Closed));
    QCOMPARE(h.find(EventType::MessageIn), -1);
    QCOMPARE(h.find(EventType::MessageOut), -1);
    h.command([](Engine *e) { e->list("1"); });
    const auto r = h.result("1");
    QCOMPARE(QJsonDocument::fromJson(r.data).array()[0].toObject()[u"msgs_in"_s].toInt(),
             10); // still counted
}

void tst_Engine::seqHasNoGapsAndEveryEventHasItsState()
{
    // [R16] A busy run: several clients, echo, pings, every close path.
    ServerConfig cfg = testConfig();
    cfg.echo = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket a, b, c;
    QVERIFY(openClient(a, port));
    QVERIFY(openClient(b, port));
    QVERIFY(openClient(c, port));
    QVERIFY(h.waitOpen(5000, 3));
    for (int i = 0; i < 50; ++i) {
        a.sendTextMessage(u"a"_s);
        b.sendBinaryMessage("b");
    }
    c.ping();
    QTRY_VERIFY(h.all(EventType::MessageOut).size() == 100);
    h.command([](Engine *e) {
        e->closeConnections(EngineHarness::one(1), 1000, {}, CloseMode::Close, -1, "1");
        e->closeConnections(EngineHarness::one(2), 1001, {}, CloseMode::CloseOutput, -1, "2");
        e->abortConnections(EngineHarness::one(3), "3");
        e->list("4");
        e->postError(u"note"_s);
    });
    QVERIFY(h.result("4").ok);
    QTRY_VERIFY(h.all(EventType::Closed).size() == 3);
    h.command([](Engine *e) { e->postResult("5", true, {}, {}); });
    QVERIFY(h.result("5").ok);

    QHash<quint32, State> current;
    for (int i = 0; i < h.events.size(); ++i) {
        const Event &e = h.events[i];
        QCOMPARE(e.seq, quint64(i + 1)); // 1, 2, 3, ... no gaps
        if (i > 0)
            QVERIFY(e.tUs >= h.events[i - 1].tUs); // monotonic
        QVERIFY(e.wallUs > 1'600'000'000'000'000);
        const bool aboutConnection = e.type() != EventType::Listening &&
                                     e.type() != EventType::Result &&
                                     !(e.type() == EventType::Error && e.conn == 0);
        if (!aboutConnection)
            continue;
        QVERIFY2(e.conn > 0, qPrintable(server::eventTypeName(e.type())));
        const State now = current.value(e.conn, State::Connecting);
        if (const auto *change = e.get<events::StateChange>()) {
            QCOMPARE(e.state, now); // stamped with the state it left
            QCOMPARE(change->from, now);
            current[e.conn] = change->to;
        } else {
            QCOMPARE(e.state, now);
        }
    }
    QCOMPARE(current.value(1), State::Closed);
    QCOMPARE(current.value(2), State::Closed);
    QCOMPARE(current.value(3), State::Aborted);
}

void tst_Engine::eventsAreBatched()
{
    // A flood of frames is a few batches a second (~20 at most), and an
    // event on an idle engine arrives at once.
    ServerConfig cfg = testConfig();
    cfg.echo = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();
    QTest::qWait(100);

    int batches = 0;
    // The counter's context is a local, not the test object: batches the
    // engine thread queued before it stopped are still delivered to their
    // context after this function returns, and would increment a dead
    // stack slot in the next test (that corrupted its first openClient()
    // under load). Destroying the context drops them.
    QObject batchCounter;
    connect(h.engine(), &Engine::eventsReady, &batchCounter, [&] { ++batches; });
    QElapsedTimer idle;
    idle.start();
    ws.sendTextMessage(u"ping"_s);
    QVERIFY(h.waitFor(EventType::MessageIn, id));
    QVERIFY2(idle.elapsed() < 1000, qPrintable(QString::number(idle.elapsed())));

    QSignalSpy echoed(&ws, &QWebSocket::textMessageReceived);
    QElapsedTimer flood;
    flood.start();
    batches = 0;
    const int n = 5000;
    for (int i = 0; i < n; ++i)
        ws.sendTextMessage(u"m"_s);
    QTRY_VERIFY_WITH_TIMEOUT(echoed.size() >= n, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(h.all(EventType::MessageOut, id).size(), n + 1, 5000);
    const double seconds = flood.elapsed() / 1000.0;
    QVERIFY2(batches <= int(seconds * 20) + 3,
             qPrintable(u"%1 batches in %2 s"_s.arg(batches).arg(seconds)));
    QVERIFY(h.all(EventType::MessageIn, id).size() == n + 1);
}

void tst_Engine::shutdownClosesEveryConnection()
{
    EngineHarness h;
    const quint16 port = h.waitListening();
    QWebSocket a, b;
    QVERIFY(openClient(a, port));
    QVERIFY(openClient(b, port));
    QVERIFY(h.waitOpen(5000, 2));
    RawPeer silent; // never answers: aborted when the shutdown's wait ends
    QVERIFY(silent.open(port));
    QVERIFY(h.waitOpen(5000, 3));
    h.command([](Engine *e) { e->shutdown(1001, u"maintenance"_s, 500, "\"q\""); });
    QTRY_VERIFY_WITH_TIMEOUT(h.stopped, 5000);
    QVERIFY(h.result("\"q\"").ok);
    QVERIFY(waitDisconnected(a));
    QCOMPARE(int(a.closeCode()), 1001);
    QCOMPARE(a.closeReason(), u"maintenance"_s);
    QCOMPARE(int(b.closeCode()), 1001);
    QCOMPARE(h.all(EventType::Closed).size(), 3);
    for (const auto &e : h.all<events::CloseSent>())
        QCOMPARE(e.mode, CloseMode::Shutdown);
    const auto lastClosed = h.all<events::Closed>().last();
    QCOMPARE(lastClosed.conn, 3u);
    QCOMPARE(lastClosed.how, HowEnded::Timeout);
    QCOMPARE(silent.waitEnd(), RawPeer::End::Reset);
    // The result is the last event, after every connection's end.
    QCOMPARE(h.events.last().type(), EventType::Result);
    // Not listening any more.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!probe.waitForConnected(1000));
}

QTEST_MAIN(tst_Engine)
#include "tst_engine.moc"
