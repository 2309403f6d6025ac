// Proxy mode (docs/headless.md "Proxy mode") end to end with real peers:
// Qt's QWebSocket (or a raw socket) as the client, CloseCall's engine with
// ServerConfig::proxy set in the middle, and python3-websockets as the real
// upstream server (proxy_upstream.py, next to this file: an application
// exchange with a subprotocol, a greeting, commands to close, stream and
// flood, a 404 path and a path that never answers).

#include "engineharness.h"
#include "rawpeer.h"
#include "testcertificate.h"
#include "wsclient.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketHandshakeOptions>

#include <optional>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::PostClose;
using protocol::State;
using server::Leg;

namespace {

// The upstream server process; its stdout is JSON Lines.
class Upstream
{
public:
    Upstream() { m_process.start(u"/usr/bin/python3"_s, {QStringLiteral(PROXY_UPSTREAM)}); }
    ~Upstream()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    quint16 waitListening()
    {
        const auto line = waitFor(
            [](const QJsonObject &o) { return o.value(u"event"_s).toString() == u"listening"; });
        return line ? quint16(line->value(u"port"_s).toInt()) : 0;
    }
    std::optional<QJsonObject> report(const QString &path)
    {
        return waitFor([&](const QJsonObject &o) {
            return o.value(u"event"_s).toString() == u"closed" &&
                   o.value(u"path"_s).toString().startsWith(path);
        });
    }
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match)
    {
        std::optional<QJsonObject> found;
        (void)QTest::qWaitFor(
            [&] {
                while (m_process.canReadLine())
                    m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
                for (const QJsonObject &o : std::as_const(m_lines)) {
                    if (match(o)) {
                        found = o;
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning;
            },
            60000);
        return found;
    }
    QString stderrText() { return QString::fromLocal8Bit(m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QList<QJsonObject> m_lines;
};

ServerConfig proxyConfig(const QString &target)
{
    ServerConfig c = testConfig();
    c.proxy.target = target;
    return c;
}

QString upstreamUrl(quint16 port, const QString &path = u"/"_s)
{
    return u"ws://127.0.0.1:%1%2"_s.arg(port).arg(path);
}

// A QWebSocket client that keeps what it receives.
struct Client
{
    QWebSocket ws;
    QStringList texts;
    qint64 binaryBytes = 0;
    Client()
    {
        QObject::connect(&ws, &QWebSocket::textMessageReceived,
                         [this](const QString &m) { texts.append(m); });
        QObject::connect(&ws, &QWebSocket::binaryMessageReceived,
                         [this](const QByteArray &m) { binaryBytes += m.size(); });
    }
    bool open(quint16 port, const QString &path, const QStringList &subprotocols = {},
              const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(wsUrl(port, path));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QWebSocketHandshakeOptions options;
        options.setSubprotocols(subprotocols);
        QSignalSpy connected(&ws, &QWebSocket::connected);
        ws.open(request, options);
        return connected.wait(30000) || connected.size() > 0;
    }
    bool waitText(const QString &text, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return texts.contains(text); }, timeoutMs);
    }
};

// The pair's legs once both are open: {client leg id, server leg id}.
std::pair<quint32, quint32> openLegs(EngineHarness &h)
{
    quint32 client = 0;
    quint32 server = 0;
    (void)QTest::qWaitFor(
        [&] {
            for (const Event &e : h.all(EventType::Open)) {
                if (e.leg == Leg::Client)
                    client = e.conn;
                else if (e.leg == Leg::Server)
                    server = e.conn;
            }
            return client != 0 && server != 0;
        },
        30000);
    return {client, server};
}

// Every event of a connection says which leg of which pair it is.
void verifyStamped(const EngineHarness &h, quint32 client, quint32 server)
{
    for (const Event &e : h.events) {
        if (e.conn == 0)
            continue;
        QCOMPARE(e.pair, client);
        QCOMPARE(e.leg, e.conn == client ? Leg::Client : Leg::Server);
        if (e.conn != client)
            QCOMPARE(e.conn, server);
    }
}

qint64 bytesIn(const EngineHarness &h, quint32 conn)
{
    qint64 total = 0;
    for (const auto &m : h.all<events::MessageIn>(conn))
        total += m.size;
    return total;
}

} // namespace

class tst_Proxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void relaysBothWays();
    void listShowsPairsAndLegs();
    void clientClosesTransparently();
    void serverClosesTransparently();
    void heldClosesServerLegCloseOutput();
    void heldClosesClientLegCloseOutput();
    void abortClientLegResetsServerLeg();
    void abortServerLegResetsClientLeg();
    void clientResetResetsServerLeg();
    void pingsPassThrough();
    void deflateIsNegotiatedPerLeg();
    void setProxyOptions();
    void setProxyOptionsOutsideProxyMode();
    void upstreamRefusedPortIs502();
    void upstream404IsPassedOn();
    void upstreamSilentIs504();
    void clientLeavingAbortsUpstream();
    void backPressureStopsReadingServer();
    void shutdownClosesBothLegs();
    void wssUpstream();
    void wssUpstreamUnverifiedIs502();

private:
    QTemporaryDir m_dir;
    TestCertificate m_cert;
    std::unique_ptr<Upstream> m_upstream;
    quint16 m_upstreamPort = 0;
};

void tst_Proxy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cert = TestCertificate::make(m_dir.path());
}

void tst_Proxy::init()
{
    m_upstream = std::make_unique<Upstream>();
    m_upstreamPort = m_upstream->waitListening();
    QVERIFY2(m_upstreamPort != 0, qPrintable(m_upstream->stderrText()));
}

void tst_Proxy::relaysBothWays()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    QVERIFY(port);
    Client c;
    QVERIFY(c.open(port, u"/room/7?x=1"_s, {u"chat.v1"_s, u"chat.v2"_s},
                   {{"Origin", "https://app.test"},
                    {"Cookie", "session=abc"},
                    {"Authorization", "Bearer t0k"},
                    {"X-Custom", "kept"}}));
    // The server's choice reaches the client.
    QCOMPARE(c.ws.subprotocol(), u"chat.v2"_s);
    QVERIFY(QTest::qWaitFor([&] { return !c.texts.isEmpty(); }, 30000));
    const QJsonObject hello = QJsonDocument::fromJson(c.texts.first().toUtf8()).object();
    QCOMPARE(hello.value(u"hello"_s).toString(), u"/room/7?x=1"_s);
    QCOMPARE(hello.value(u"subprotocol"_s).toString(), u"chat.v2"_s);
    const QJsonObject headers = hello.value(u"headers"_s).toObject();
    QCOMPARE(headers.value(u"Origin"_s).toString(), u"https://app.test"_s);
    QCOMPARE(headers.value(u"Cookie"_s).toString(), u"session=abc"_s);
    QCOMPARE(headers.value(u"Authorization"_s).toString(), u"Bearer t0k"_s);
    QCOMPARE(headers.value(u"X-Custom"_s).toString(), u"kept"_s);
    QCOMPARE(headers.value(u"X-Forwarded-For"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(headers.value(u"Sec-WebSocket-Protocol"_s).toString(), u"chat.v1, chat.v2"_s);

    c.ws.sendTextMessage(u"hi there"_s);
    QVERIFY(c.waitText(u"echo: hi there"_s));

    const auto [client, server] = openLegs(h);
    QVERIFY(client && server);
    QCOMPARE(h.first<events::Open>(client).subprotocol, u"chat.v2"_s);
    QCOMPARE(h.first<events::Open>(server).subprotocol, u"chat.v2"_s);
    QVERIFY(h.first<events::Open>(server).outgoing);
    QVERIFY(!h.first<events::Open>(client).outgoing);
    QVERIFY(h.first<events::Open>(server).url.endsWith(u"/room/7?x=1"_s));
    // Each message is logged on the leg it arrived on and went out on the other.
    QVERIFY(h.waitFor(EventType::MessageIn, client));
    QCOMPARE(h.first<events::MessageIn>(client).preview, "hi there");
    QVERIFY(h.find(EventType::MessageOut, [&](const Event &e) {
        return e.conn == server && e.as<events::MessageOut>().preview == "hi there";
    }) >= 0);
    QVERIFY(h.find(EventType::MessageOut, [&](const Event &e) {
        return e.conn == client && e.as<events::MessageOut>().preview == "echo: hi there";
    }) >= 0);
    QVERIFY(h.all(EventType::NotRelayed).isEmpty());
    verifyStamped(h, client, server);
}

void tst_Proxy::listShowsPairsAndLegs()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/list"_s));
    const auto [client, server] = openLegs(h);
    h.command([](Engine *e) { e->list("\"l\""); });
    const auto result = h.result("\"l\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const QJsonArray rows = QJsonDocument::fromJson(result.data).array();
    QCOMPARE(rows.size(), 2);
    for (const QJsonValue &v : rows) {
        const QJsonObject row = v.toObject();
        QCOMPARE(row.value(u"pair"_s).toInteger(), qint64(client));
        const bool isClient = row.value(u"id"_s).toInteger() == client;
        QCOMPARE(row.value(u"leg"_s).toString(), isClient ? u"client"_s : u"server"_s);
        QCOMPARE(row.value(u"role"_s).toString(), isClient ? u"in"_s : u"out"_s);
    }
    Q_UNUSED(server);
}

void tst_Proxy::clientClosesTransparently()
{
    // A raw client (it waits for the answer to its Close, as RFC 6455 says).
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    RawPeer peer;
    QVERIFY(peer.open(port, u"/client-closes"_s));
    const auto [client, server] = openLegs(h);
    peer.sendClose(4001, u"bye now"_s);
    // The server got the client's Close, code and reason unchanged, and
    // its answer came back to the client.
    const auto report = m_upstream->report(u"/client-closes"_s);
    QVERIFY(report);
    const QJsonObject got = report->value(u"close_received"_s).toObject();
    QCOMPARE(got.value(u"code"_s).toInt(), 4001);
    QCOMPARE(got.value(u"reason"_s).toString(), u"bye now"_s);
    std::optional<PeerFrame> answer;
    while ((answer = peer.nextFrame(30000)) && answer->opcode != protocol::Opcode::Close) {
    }
    QVERIFY(answer);
    QCOMPARE(answer->closeCode(), std::optional<quint16>(4001));
    QCOMPARE(answer->payload.mid(2), "bye now");
    QCOMPARE(peer.waitEnd(30000), RawPeer::End::Eof);

    QVERIFY(h.waitFor(EventType::Closed, client, 30000));
    QVERIFY(h.waitFor(EventType::Closed, server, 30000));
    const auto serverSent = h.first<events::CloseSent>(server);
    QCOMPARE(serverSent.code, protocol::CloseCode(4001));
    QCOMPARE(serverSent.reason, u"bye now"_s);
    QCOMPARE(serverSent.mode, CloseMode::Close);
    const auto clientSent = h.first<events::CloseSent>(client);
    QCOMPARE(clientSent.code, protocol::CloseCode(4001)); // the server's answer
    QCOMPARE(h.first<events::Closed>(client).how, HowEnded::Handshake);
    QCOMPARE(h.first<events::Closed>(server).how, HowEnded::Handshake);
    // The client's Close was answered only after the server's answer came.
    QVERIFY(h.first<events::CloseReceived>(server).seq < clientSent.seq);
    verifyStamped(h, client, server);
}

void tst_Proxy::serverClosesTransparently()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/server-closes"_s));
    const auto [client, server] = openLegs(h);
    c.ws.sendTextMessage(u"close 4002 server is done"_s);
    QVERIFY(waitDisconnected(c.ws, 30000));
    QCOMPARE(int(c.ws.closeCode()), 4002);
    QCOMPARE(c.ws.closeReason(), u"server is done"_s);
    const auto report = m_upstream->report(u"/server-closes"_s);
    QVERIFY(report);
    // The client's answer (Qt echoes the code) reached the server.
    QCOMPARE(report->value(u"close_received"_s).toObject().value(u"code"_s).toInt(), 4002);

    QVERIFY(h.waitFor(EventType::Closed, client, 30000));
    QVERIFY(h.waitFor(EventType::Closed, server, 30000));
    QCOMPARE(h.first<events::CloseSent>(client).code, protocol::CloseCode(4002));
    QCOMPARE(h.first<events::CloseSent>(client).reason, u"server is done"_s);
    QCOMPARE(h.first<events::Closed>(client).how, HowEnded::Handshake);
    QCOMPARE(h.first<events::Closed>(server).how, HowEnded::Handshake);
    verifyStamped(h, client, server);
}

void tst_Proxy::heldClosesServerLegCloseOutput()
{
    // Closes held; Close Output on the server leg: the server's late
    // messages (sent after our Close reached it) are delivered there and
    // relayed to the client, whose leg stays open.
    ServerConfig config = proxyConfig(upstreamUrl(m_upstreamPort));
    config.proxy.holdCloses = true;
    EngineHarness h(config);
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/late?late=3"_s));
    const auto [client, server] = openLegs(h);
    QVERIFY(QTest::qWaitFor([&] { return !c.texts.isEmpty(); }, 30000)); // the greeting
    h.command([server](Engine *e) {
        e->closeConnections(EngineHarness::one(server), 4005, u"proxy out"_s,
                            CloseMode::CloseOutput, -1, "\"co\"");
    });
    QVERIFY(h.result("\"co\"").ok);
    QVERIFY(c.waitText(u"late 3"_s));
    QVERIFY(c.texts.contains(u"late 1"_s) && c.texts.contains(u"late 2"_s));
    QVERIFY(h.waitFor(EventType::Closed, server, 30000));
    int delivered = 0;
    for (const auto &m : h.all<events::MessageIn>(server))
        delivered += m.postClose == PostClose::Delivered ? 1 : 0;
    QCOMPARE(delivered, 3);
    // The server's Close (its answer) was held: the client leg is still open.
    QCOMPARE(c.ws.state(), QAbstractSocket::ConnectedState);
    QVERIFY(h.find(EventType::CloseSent, client) < 0);
    QVERIFY(h.all(EventType::NotRelayed).isEmpty());
    // The operator decides what the client sees.
    h.command([client](Engine *e) {
        e->closeConnections(EngineHarness::one(client), 4006, u"held"_s, CloseMode::Close, -1,
                            "\"cc\"");
    });
    QVERIFY(waitDisconnected(c.ws, 30000));
    QCOMPARE(int(c.ws.closeCode()), 4006);
    verifyStamped(h, client, server);
}

void tst_Proxy::heldClosesClientLegCloseOutput()
{
    // Closes held; Close Output on the client leg while the server keeps
    // sending: what the client can no longer get is logged not_relayed,
    // and the server leg stays open for the operator.
    ServerConfig config = proxyConfig(upstreamUrl(m_upstreamPort));
    config.proxy.holdCloses = true;
    EngineHarness h(config);
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/stream"_s));
    const auto [client, server] = openLegs(h);
    c.ws.sendTextMessage(u"stream"_s);
    QVERIFY(c.waitText(u"s2"_s));
    h.command([client](Engine *e) {
        e->closeConnections(EngineHarness::one(client), 4003, u"proxy says bye"_s,
                            CloseMode::CloseOutput, -1, "\"co\"");
    });
    QVERIFY(h.result("\"co\"").ok);
    QVERIFY(waitDisconnected(c.ws, 30000));
    QCOMPARE(int(c.ws.closeCode()), 4003);
    QVERIFY(h.waitFor(EventType::NotRelayed, server, 30000));
    const auto notRelayed = h.first<events::NotRelayed>(server);
    QVERIFY(!notRelayed.control);
    QVERIFY(notRelayed.size > 0);
    QVERIFY2(notRelayed.reason == u"the client leg already sent its Close"_s ||
                 notRelayed.reason == u"the client leg has ended"_s,
             qPrintable(notRelayed.reason));
    // Right after its message_in on the same leg.
    const int at = h.find(EventType::NotRelayed, server);
    QVERIFY(at > 0);
    int before = at - 1;
    while (before >= 0 && h.events[before].conn != server)
        --before;
    QVERIFY(before >= 0);
    QCOMPARE(h.events[before].type(), EventType::MessageIn);
    // Held: the server leg sent no Close, and it keeps receiving.
    QVERIFY(h.find(EventType::CloseSent, server) < 0);
    const qsizetype count = h.all(EventType::NotRelayed, server).size();
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::NotRelayed, server).size() > count; },
                            30000));
    h.command([server](Engine *e) {
        e->closeConnections(EngineHarness::one(server), 4004, u"operator"_s, CloseMode::Close, -1,
                            "\"cs\"");
    });
    const auto report = m_upstream->report(u"/stream"_s);
    QVERIFY(report);
    QCOMPARE(report->value(u"close_received"_s).toObject().value(u"code"_s).toInt(), 4004);
    verifyStamped(h, client, server);
}

void tst_Proxy::abortClientLegResetsServerLeg()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/abort-client-leg"_s));
    const auto [client, server] = openLegs(h);
    h.command([client](Engine *e) { e->abortConnections(EngineHarness::one(client), "\"a\""); });
    QVERIFY(h.result("\"a\"").ok);
    QVERIFY(waitDisconnected(c.ws, 30000));
    const auto report = m_upstream->report(u"/abort-client-leg"_s);
    QVERIFY(report);
    QCOMPARE(report->value(u"code"_s).toInt(), 1006); // a connection lost without a Close
    QVERIFY(report->value(u"close_received"_s).isNull());
    QVERIFY(h.waitFor(EventType::Closed, server, 30000));
    QCOMPARE(h.first<events::Closed>(server).how, HowEnded::Abort);
    QCOMPARE(h.first<events::Closed>(server).state, State::Aborted);
    QVERIFY(h.find(EventType::CloseSent, server) < 0);
    verifyStamped(h, client, server);
}

void tst_Proxy::abortServerLegResetsClientLeg()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    RawPeer peer;
    QVERIFY(peer.open(port, u"/abort-server-leg"_s));
    const auto [client, server] = openLegs(h);
    h.command([server](Engine *e) { e->abortConnections(EngineHarness::one(server), "\"a\""); });
    QVERIFY(h.result("\"a\"").ok);
    // The client sees what it would without the proxy: a reset, no Close.
    QCOMPARE(peer.waitEnd(30000), RawPeer::End::Reset);
    for (const PeerFrame &f : peer.pendingFrames())
        QVERIFY(f.opcode != protocol::Opcode::Close);
    QVERIFY(h.waitFor(EventType::Closed, client, 30000));
    QCOMPARE(h.first<events::Closed>(client).how, HowEnded::Abort);
    QVERIFY(h.find(EventType::CloseSent, client) < 0);
    const auto report = m_upstream->report(u"/abort-server-leg"_s);
    QVERIFY(report);
    QCOMPARE(report->value(u"code"_s).toInt(), 1006);
    verifyStamped(h, client, server);
}

void tst_Proxy::clientResetResetsServerLeg()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/client-reset"_s));
    const auto [client, server] = openLegs(h);
    c.ws.abort();
    const auto report = m_upstream->report(u"/client-reset"_s);
    QVERIFY(report);
    QCOMPARE(report->value(u"code"_s).toInt(), 1006);
    QVERIFY(h.waitFor(EventType::Closed, server, 30000));
    QCOMPARE(h.first<events::Closed>(server).how, HowEnded::Abort);
    verifyStamped(h, client, server);
}

void tst_Proxy::pingsPassThrough()
{
    // The server's Ping goes to the client, whose Pong comes back: the
    // proxy answers neither itself.
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/ping"_s));
    const auto [client, server] = openLegs(h);
    c.ws.sendTextMessage(u"ping are you there"_s);
    QVERIFY(c.waitText(u"pong came"_s));
    QVERIFY(h.waitFor(EventType::PongOut, server, 30000));
    QCOMPARE(h.first<events::PingIn>(server).preview, "are you there");
    QCOMPARE(h.first<events::PingOut>(client).preview, "are you there");
    QCOMPARE(h.first<events::PongIn>(client).preview, "are you there");
    QCOMPARE(h.first<events::PongOut>(server).preview, "are you there");
    QCOMPARE(h.all(EventType::PongOut, client).size(), 0); // not answered by the proxy
    verifyStamped(h, client, server);
}

void tst_Proxy::deflateIsNegotiatedPerLeg()
{
    // The client offers permessage-deflate, the proxy's own listener does
    // not take it (--deflate off), the server leg offers it upstream and
    // the server takes it: messages cross as messages.
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    protocol::ClientHandshakeOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(port);
    options.target = u"/deflate"_s;
    options.offerDeflate = true;
    protocol::ClientHandshake handshake(options);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(30000));
    socket.write(handshake.request());
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (socket.bytesAvailable() > 0)
                handshake.feed(socket.readAll());
            return handshake.status() != protocol::HandshakeStatus::NeedMore;
        },
        30000));
    QCOMPARE(handshake.status(), protocol::HandshakeStatus::Complete);
    QVERIFY(!handshake.deflate());
    const auto [client, server] = openLegs(h);
    QVERIFY(h.first<events::Open>(server).extensions.startsWith(u"permessage-deflate"_s));
    QVERIFY(h.first<events::Open>(client).extensions.isEmpty());
    // The greeting came compressed on the server leg and goes out plain.
    QVERIFY(h.waitFor(EventType::MessageOut, client, 30000));
    QVERIFY(h.first<events::MessageIn>(server).wireSize >= 0);
    QCOMPARE(h.first<events::MessageOut>(client).wireSize, -1);
    QCOMPARE(h.first<events::MessageOut>(client).preview,
             h.first<events::MessageIn>(server).preview);
}

void tst_Proxy::setProxyOptions()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/options"_s));
    const auto [client, server] = openLegs(h);
    h.command(
        [server](Engine *e) { e->setProxyOptions(EngineHarness::one(server), 1, 1, "\"s\""); });
    auto result = h.result("\"s\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const QJsonObject data = QJsonDocument::fromJson(result.data).object();
    QCOMPARE(data.value(u"hold_closes"_s).toBool(), false); // the default is unchanged
    const QJsonArray legs = data.value(u"legs"_s).toArray();
    QCOMPARE(legs.size(), 1);
    QCOMPARE(legs[0].toObject().value(u"conn"_s).toInteger(), qint64(server));
    QCOMPARE(legs[0].toObject().value(u"leg"_s).toString(), u"server"_s);
    QCOMPARE(legs[0].toObject().value(u"auto_pong"_s).toBool(), true);
    QCOMPARE(legs[0].toObject().value(u"hold_closes"_s).toBool(), true);

    // auto_pong on the server leg: its Ping is answered there, not passed on.
    c.ws.sendTextMessage(u"ping answered here"_s);
    QVERIFY(c.waitText(u"pong came"_s));
    QVERIFY(h.waitFor(EventType::PongOut, server, 30000));
    QCOMPARE(h.all(EventType::PongOut, server).size(), 1);
    QCOMPARE(h.all(EventType::PingOut, client).size(), 0);

    // Held closes for the pair: the server's Close stays on its leg.
    c.ws.sendTextMessage(u"close 4010 held one"_s);
    QVERIFY(h.waitFor(EventType::CloseReceived, server, 30000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return h.find(EventType::StateChange, [&](const Event &e) {
                return e.conn == server && e.as<events::StateChange>().to == State::CloseReceived;
            }) >= 0;
        },
        30000));
    // Off again: the waiting Close is relayed now, and the pair ends cleanly.
    h.command(
        [client](Engine *e) { e->setProxyOptions(EngineHarness::one(client), -1, 0, "\"s2\""); });
    QVERIFY(h.result("\"s2\"").ok);
    QVERIFY(waitDisconnected(c.ws, 30000));
    QCOMPARE(int(c.ws.closeCode()), 4010);
    QVERIFY(h.waitFor(EventType::Closed, server, 30000));
    QCOMPARE(h.first<events::Closed>(server).how, HowEnded::Handshake);

    // Bad selections are refused with the usual words.
    h.command([](Engine *e) { e->setProxyOptions(EngineHarness::one(99), 1, -1, "\"s3\""); });
    result = h.result("\"s3\"");
    QVERIFY(!result.ok);
    QCOMPARE(result.error, u"no connection 99"_s);
    h.command([](Engine *e) { e->setProxyOptions(ConnSelector{true, {}}, -1, -1, "\"s4\""); });
    QVERIFY(!h.result("\"s4\"").ok);
    // All: the defaults change too.
    h.command([](Engine *e) { e->setProxyOptions(ConnSelector{true, {}}, -1, 1, "\"s5\""); });
    result = h.result("\"s5\"");
    QVERIFY(result.ok);
    QCOMPARE(QJsonDocument::fromJson(result.data).object().value(u"hold_closes"_s).toBool(), true);
}

void tst_Proxy::setProxyOptionsOutsideProxyMode()
{
    EngineHarness h;
    QVERIFY(h.waitListening());
    h.command([](Engine *e) { e->setProxyOptions(ConnSelector{true, {}}, 1, 1, "\"s\""); });
    const auto result = h.result("\"s\"");
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(u"proxy mode only"_s));
}

void tst_Proxy::upstreamRefusedPortIs502()
{
    // A port nobody listens on: bound, then closed again.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    EngineHarness h(proxyConfig(upstreamUrl(closedPort)));
    const quint16 port = h.waitListening();
    const QByteArray response = rawRequest(port, upgradeRequest(port));
    QVERIFY2(response.startsWith("HTTP/1.1 502 Bad Gateway\r\n"), response.constData());
    QVERIFY(response.contains("could not be reached"));
    QVERIFY(h.waitFor(EventType::HandshakeFailed, 0, 30000));
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::HandshakeFailed).size() == 2; }, 30000));
    const auto failures = h.all<events::HandshakeFailed>();
    const auto clientLeg =
        h.all(EventType::HandshakeFailed)[0].leg == Leg::Client ? failures[0] : failures[1];
    const auto serverLeg =
        h.all(EventType::HandshakeFailed)[0].leg == Leg::Client ? failures[1] : failures[0];
    QCOMPARE(clientLeg.httpStatus, 502);
    QVERIFY(!clientLeg.outgoing);
    QVERIFY(serverLeg.outgoing);
    QCOMPARE(serverLeg.httpStatus, 0);
    QVERIFY(!serverLeg.reason.isEmpty());
    for (const Event &e : h.all(EventType::HandshakeFailed))
        QCOMPARE(e.pair, clientLeg.conn);
}

void tst_Proxy::upstream404IsPassedOn()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    QByteArray request = upgradeRequest(port);
    request.replace("GET / ", "GET /missing/room ");
    const QByteArray response = rawRequest(port, request);
    QVERIFY2(response.startsWith("HTTP/1.1 404 Not Found\r\n"), response.constData());
    QVERIFY(response.endsWith("\r\n\r\nno such room here\n"));
    QVERIFY(response.contains("Content-Type: text/plain\r\n"));
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::HandshakeFailed).size() == 2; }, 30000));
    for (const auto &f : h.all<events::HandshakeFailed>()) {
        QCOMPARE(f.httpStatus, 404);
        QVERIFY(f.reason.contains(u"404"_s));
    }
}

void tst_Proxy::upstreamSilentIs504()
{
    ServerConfig config = proxyConfig(upstreamUrl(m_upstreamPort));
    config.handshakeTimeoutMs = 1000;
    EngineHarness h(config);
    const quint16 port = h.waitListening();
    QByteArray request = upgradeRequest(port);
    request.replace("GET / ", "GET /silent ");
    const QByteArray response = rawRequest(port, request);
    QVERIFY2(response.startsWith("HTTP/1.1 504 Gateway Timeout\r\n"), response.constData());
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::HandshakeFailed).size() == 2; }, 30000));
    for (const Event &e : h.all(EventType::HandshakeFailed)) {
        const auto &f = e.as<events::HandshakeFailed>();
        QCOMPARE(f.httpStatus, e.leg == Leg::Client ? 504 : 0);
        QVERIFY2(e.leg == Leg::Server || f.reason.contains(u"in time"_s), qPrintable(f.reason));
        QVERIFY(!f.reason.isEmpty());
    }
}

void tst_Proxy::clientLeavingAbortsUpstream()
{
    ServerConfig config = proxyConfig(upstreamUrl(m_upstreamPort));
    config.handshakeTimeoutMs = 60000;
    EngineHarness h(config);
    const quint16 port = h.waitListening();
    {
        RawPeer peer;
        QVERIFY(peer.connectTo(port));
        QByteArray request = upgradeRequest(port);
        request.replace("GET / ", "GET /silent ");
        peer.sendRaw(request);
        // Wherever the upstream attempt is (TCP or its upgrade), it ends.
        peer.finClose();
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return h.find(EventType::HandshakeFailed,
                          [](const Event &e) { return e.leg == Leg::Server; }) >= 0;
        },
        30000));
    const int at =
        h.find(EventType::HandshakeFailed, [](const Event &e) { return e.leg == Leg::Server; });
    QVERIFY2(h.events[at].as<events::HandshakeFailed>().reason.contains(u"client"_s),
             qPrintable(h.events[at].as<events::HandshakeFailed>().reason));
}

void tst_Proxy::backPressureStopsReadingServer()
{
    // The client reads nothing while the server floods 26 MB: the proxy
    // stops reading the server once the client leg's output is backed up,
    // so what it took from the server stays bounded; then the client
    // reads, and every byte arrives.
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    RawPeer peer;
    QVERIFY(peer.createSocket());
    int small = 64 * 1024;
    QCOMPARE(::setsockopt(peer.fd(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small), 0);
    QVERIFY(peer.open(port, u"/flood"_s));
    const auto [client, server] = openLegs(h);
    constexpr int Count = 400;
    constexpr int Size = 64 * 1024;
    peer.sendText("flood " + QByteArray::number(Count) + ' ' + QByteArray::number(Size));
    // The proxy took at least a high-water mark's worth from the server…
    QVERIFY(QTest::qWaitFor([&] { return bytesIn(h, server) > 4 * 1024 * 1024; }, 60000));
    // …and then stops: the upstream's own buffer stays full (it reports it),
    // while what the proxy read is bounded by the high-water mark, one
    // read's worth and the kernel's buffers (well under the 26 MB sent).
    const auto stalled = m_upstream->waitFor([](const QJsonObject &o) {
        const QString event = o.value(u"event"_s).toString();
        return event == u"stalled"_s || event == u"flood_done"_s;
    });
    QVERIFY(stalled);
    QCOMPARE(stalled->value(u"event"_s).toString(), u"stalled"_s);
    const qint64 taken = bytesIn(h, server);
    QVERIFY2(taken < 16 * 1024 * 1024, qPrintable(QString::number(taken)));
    QVERIFY(taken < qint64(Count) * Size);
    // Now the client reads: everything arrives, in full.
    qint64 received = 0;
    const bool drained = QTest::qWaitFor(
        [&] {
            char buffer[256 * 1024];
            for (ssize_t n; (n = ::recv(peer.fd(), buffer, sizeof buffer, MSG_DONTWAIT)) > 0;)
                received += n;
            return bytesIn(h, server) >= qint64(Count) * Size && // and the greeting
                   received >= qint64(Count) * (Size + 4);
        },
        120000);
    QVERIFY2(
        drained,
        qPrintable(u"server leg read %1, client got %2"_s.arg(bytesIn(h, server)).arg(received)));
    QVERIFY(h.all(EventType::NotRelayed).isEmpty());
}

void tst_Proxy::shutdownClosesBothLegs()
{
    EngineHarness h(proxyConfig(upstreamUrl(m_upstreamPort)));
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/shutdown"_s));
    const auto [client, server] = openLegs(h);
    h.command([](Engine *e) { e->shutdown(1001, u"bye all"_s, 5000, "\"q\"", true); });
    QVERIFY(QTest::qWaitFor([&] { return h.stopped; }, 30000));
    QVERIFY(waitDisconnected(c.ws, 30000));
    QCOMPARE(int(c.ws.closeCode()), 1001);
    const auto report = m_upstream->report(u"/shutdown"_s);
    QVERIFY(report);
    QCOMPARE(report->value(u"close_received"_s).toObject().value(u"code"_s).toInt(), 1001);
    QCOMPARE(h.first<events::CloseSent>(client).mode, CloseMode::Shutdown);
    QCOMPARE(h.first<events::CloseSent>(server).mode, CloseMode::Shutdown);
}

void tst_Proxy::wssUpstream()
{
    // Upstream over wss://: CloseCall's own TLS listener (echo on), its
    // self-signed certificate accepted with insecure; the server leg's
    // `open` says what was accepted.
    if (m_cert.noOpenssl)
        QSKIP(qPrintable(m_cert.error));
    QVERIFY2(m_cert.error.isEmpty(), qPrintable(m_cert.error));
    ServerConfig upstreamConfig = testConfig();
    upstreamConfig.tlsCertFile = m_cert.certFile;
    upstreamConfig.tlsKeyFile = m_cert.keyFile;
    upstreamConfig.echo = true;
    upstreamConfig.subprotocols = {u"chat.v1"_s};
    EngineHarness upstream(upstreamConfig);
    const quint16 upstreamPort = upstream.waitListening();
    QVERIFY(upstreamPort);
    ServerConfig config = proxyConfig(u"wss://127.0.0.1:%1/base"_s.arg(upstreamPort));
    config.proxy.insecure = true;
    EngineHarness h(config);
    const quint16 port = h.waitListening();
    Client c;
    QVERIFY(c.open(port, u"/chat"_s, {u"chat.v2"_s, u"chat.v1"_s}));
    QCOMPARE(c.ws.subprotocol(), u"chat.v1"_s);
    c.ws.sendTextMessage(u"over tls"_s);
    QVERIFY(c.waitText(u"over tls"_s));
    const auto [client, server] = openLegs(h);
    QVERIFY(!h.first<events::Open>(server).tlsInsecure.isEmpty());
    QCOMPARE(upstream.first<events::Open>().path, u"/base/chat"_s);
    verifyStamped(h, client, server);
}

void tst_Proxy::wssUpstreamUnverifiedIs502()
{
    if (m_cert.noOpenssl)
        QSKIP(qPrintable(m_cert.error));
    QVERIFY2(m_cert.error.isEmpty(), qPrintable(m_cert.error));
    ServerConfig upstreamConfig = testConfig();
    upstreamConfig.tlsCertFile = m_cert.certFile;
    upstreamConfig.tlsKeyFile = m_cert.keyFile;
    EngineHarness upstream(upstreamConfig);
    const quint16 upstreamPort = upstream.waitListening();
    QVERIFY(upstreamPort);
    EngineHarness h(proxyConfig(u"wss://127.0.0.1:%1/"_s.arg(upstreamPort)));
    const quint16 port = h.waitListening();
    const QByteArray response = rawRequest(port, upgradeRequest(port));
    QVERIFY2(response.startsWith("HTTP/1.1 502 Bad Gateway\r\n"), response.constData());
    QVERIFY(response.contains("TLS"));
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::HandshakeFailed).size() == 2; }, 30000));
}

QTEST_MAIN(tst_Proxy)
#include "tst_proxy.moc"
