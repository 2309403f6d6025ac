// Outgoing connections over wss:// (the client role over TLS), on loopback
// with certificates made at test time: to the engine's own wss:// listener
// (refused without insecure, open with it and the log saying so), to Debian's
// python3-websockets behind Python's ssl, to a TLS server that never
// finishes its handshake, and to a plain ws:// server. TlsTransport alone in
// the client role checks what the engine cannot without touching the
// system's CAs: a certificate a trusted CA vouches for opens with no
// insecure, and the name is checked even then.

#include "engineharness.h"
#include "testcertificate.h"

#include "monitor/eventjson.h"
#include "monitor/eventtext.h"
#include "server/connector.h"
#include "server/tlstransport.h"

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::MessageType;
using protocol::State;
using server::ConnectRequest;

namespace {

QList<quint32> connectionIds(const Found<events::Result> &result)
{
    QList<quint32> ids;
    const QJsonArray array =
        QJsonDocument::fromJson(result.data).object().value(u"connections"_s).toArray();
    for (const QJsonValue &v : array)
        ids.append(quint32(v.toInteger()));
    return ids;
}

ConnectRequest request(const QString &url, bool insecure)
{
    ConnectRequest r;
    r.url = url;
    r.insecure = insecure;
    return r;
}

// Accepts TCP and reads whatever comes (a TLS ClientHello) without ever
// answering: a TLS handshake that never finishes.
class SilentServer : public QTcpServer
{
public:
    SilentServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] { received += s->readAll(); });
            }
        });
    }
    QByteArray received;
};

// What a TlsTransport reports, for the transport-level tests.
struct RecordingOwner : server::TransportOwner
{
    void onTransportData(char *data, qsizetype size) override { received.append(data, size); }
    void onTransportEof(bool reset) override { eof = reset ? 2 : 1; }
    void onTransportError(const QString &message) override { error = message; }
    void onTransportClosed() override { closed = true; }
    bool mayRead() override { return true; }

    QByteArray received;
    QString error;
    int eof = 0;
    bool closed = false;
};

} // namespace

class tst_OutgoingTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusedWithoutInsecure_data();
    void refusedWithoutInsecure();
    void insecureOpensTalksAndCloses();
    void insecureNamesEveryFailure();
    void independentServerCloses();
    void silentTlsServerTimesOut();
    void shutdownDuringTheTlsHandshake();
    void plainServerOnAWssUrl();
    void insecureOnWsIsRefused();
    void trustedCertificateNeedsNoInsecure();
    void trustedCertificateForAnotherName();

private:
    ServerConfig tlsConfig(const TestCertificate &cert) const;
    // Connects the engine to its own wss:// listener; the out row's id.
    quint32 connectToSelf(EngineHarness &h, quint16 port, bool insecure);
    // A TlsTransport in the client role over a TCP connection to `port`.
    std::unique_ptr<server::TlsTransport> clientTransport(quint16 port,
                                                          const QSslConfiguration &config,
                                                          const QString &host,
                                                          RecordingOwner &owner);

    QTemporaryDir m_dir;
    TestCertificate m_cert;  // for 127.0.0.1 (CN localhost)
    TestCertificate m_other; // for other.test only
    QByteArray m_readMemory = QByteArray(64 * 1024, '\0');
    server::ReadBuffer m_readBuffer{m_readMemory.data(), m_readMemory.size()};
};

void tst_OutgoingTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(u"own"_s));
    QVERIFY(QDir(m_dir.path()).mkpath(u"other"_s));
    m_cert = TestCertificate::make(m_dir.path() + u"/own"_s);
    if (m_cert.noOpenssl)
        QSKIP(qPrintable(m_cert.error));
    QVERIFY2(m_cert.error.isEmpty(), qPrintable(m_cert.error));
    m_other =
        TestCertificate::make(m_dir.path() + u"/other"_s, u"other.test"_s, u"DNS:other.test"_s);
    QVERIFY2(m_other.error.isEmpty(), qPrintable(m_other.error));
}

ServerConfig tst_OutgoingTls::tlsConfig(const TestCertificate &cert) const
{
    ServerConfig cfg = testConfig();
    cfg.tlsCertFile = cert.certFile;
    cfg.tlsKeyFile = cert.keyFile;
    return cfg;
}

quint32 tst_OutgoingTls::connectToSelf(EngineHarness &h, quint16 port, bool insecure)
{
    const ConnectRequest r = request(u"wss://127.0.0.1:%1/tls?x=1"_s.arg(port), insecure);
    h.command([r](Engine *e) { e->connectTo(r, "\"c\""); });
    const auto result = h.result("\"c\"");
    if (!result.ok)
        qWarning() << "connect failed:" << result.error;
    return connectionIds(result).value(0);
}

void tst_OutgoingTls::refusedWithoutInsecure_data()
{
    QTest::addColumn<bool>("otherName");
    QTest::addColumn<QStringList>("reasonContains");
    QTest::newRow("self-signed") << false
                                 << QStringList{u"the certificate is self-signed"_s, u"insecure"_s};
    QTest::newRow("self-signed, another name")
        << true
        << QStringList{u"the certificate is self-signed"_s,
                       u"the certificate is for other.test, not 127.0.0.1"_s, u"insecure"_s};
}

void tst_OutgoingTls::refusedWithoutInsecure()
{
    // The system's CAs do not vouch for a certificate made a second ago:
    // without insecure the connection fails, naming why in plain words.
    QFETCH(bool, otherName);
    QFETCH(QStringList, reasonContains);
    EngineHarness h(tlsConfig(otherName ? m_other : m_cert));
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    const quint32 out = connectToSelf(h, port, false);
    QVERIFY(out != 0);
    QVERIFY(h.waitFor(EventType::HandshakeFailed, out, 20000));
    const auto failed = h.first<events::HandshakeFailed>(out);
    QVERIFY(failed.outgoing);
    QCOMPARE(failed.url, u"wss://127.0.0.1:%1/tls?x=1"_s.arg(port));
    QCOMPARE(failed.httpStatus, 0);
    for (const QString &part : reasonContains)
        QVERIFY2(failed.reason.contains(part), qPrintable(failed.reason));
    // The listener's side of it fails too (no TLS session was finished):
    // wait for it, then nothing opened anywhere.
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::HandshakeFailed).size() == 2; }, 20000));
    QCOMPARE(h.all(EventType::Open).size(), 0);
}

void tst_OutgoingTls::insecureOpensTalksAndCloses()
{
    EngineHarness h(tlsConfig(m_cert));
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    const quint32 out = connectToSelf(h, port, true);
    QVERIFY(out != 0);
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::Open).size() == 2; }, 20000));
    quint32 in = 0;
    Found<events::Open> outOpen;
    for (const auto &open : h.all<events::Open>()) {
        if (open.outgoing) {
            outOpen = open;
        } else {
            in = open.conn;
            QCOMPARE(open.tlsInsecure, QString()); // the accepted side verified nothing
            QCOMPARE(open.path, u"/tls"_s);
            QCOMPARE(open.query, u"x=1"_s);
        }
    }
    QCOMPARE(outOpen.conn, out);
    QVERIFY(in != 0);
    // The log says, on the connection's own open event, what was accepted.
    QCOMPARE(outOpen.tlsInsecure, u"the certificate is self-signed"_s);
    Event openEvent = h.first(EventType::Open, out);
    const QByteArray json = monitor::eventToJson(openEvent);
    QVERIFY2(json.contains(R"("tls_insecure":"the certificate is self-signed")"), json.constData());
    QByteArray text;
    monitor::appendTextLine(text, openEvent);
    QVERIFY2(text.contains("INSECURE TLS, accepted: \"the certificate is self-signed\""),
             text.constData());
    // The CSV has it in its own column; the columns added after it
    // (extensions, wire_size, behaviour) are empty on this row.
    const QList<QByteArray> columns = monitor::csvHeader().trimmed().split(',');
    const qsizetype at = columns.indexOf("tls_insecure");
    QVERIFY(at >= 0);
    QByteArray csv;
    monitor::appendCsvRow(csv, openEvent);
    const QByteArray tail =
        ",the certificate is self-signed" + QByteArray(columns.size() - 1 - at, ',');
    QVERIFY2(csv.trimmed().endsWith(tail), csv.constData());
    // The JSON reads back with the field.
    const auto back = monitor::eventFromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(back.has_value());
    QCOMPARE(back->as<events::Open>().tlsInsecure, outOpen.tlsInsecure);

    // Messages both ways, through TLS on both ends.
    h.command([out, in](Engine *e) {
        e->sendMessage(EngineHarness::one(out), MessageType::Text, "to the server", "\"s1\"");
        e->sendMessage(EngineHarness::one(in), MessageType::Binary, QByteArray(70000, 'b'),
                       "\"s2\"");
    });
    QVERIFY(h.result("\"s1\"").ok);
    QVERIFY(h.result("\"s2\"").ok);
    QVERIFY(h.waitFor(EventType::MessageIn, in, 20000));
    QVERIFY(h.waitFor(EventType::MessageIn, out, 20000));
    QCOMPARE(h.first<events::MessageIn>(in).preview, QByteArray("to the server"));
    const auto big = h.first<events::MessageIn>(out);
    QCOMPARE(big.size, 70000);
    QCOMPARE(big.messageType, MessageType::Binary);

    // The client closes with a code and reason; both sides agree on them.
    h.command([out](Engine *e) {
        e->closeConnections(EngineHarness::one(out), 4000, u"bye over tls"_s, CloseMode::Close, -1,
                            "\"cl\"");
    });
    QVERIFY(h.result("\"cl\"").ok);
    QVERIFY(h.waitFor(EventType::Closed, in, 20000));
    QVERIFY(h.waitFor(EventType::Closed, out, 20000));
    const auto received = h.first<events::CloseReceived>(in);
    QCOMPARE(received.code, protocol::CloseCode(4000));
    QCOMPARE(received.reason, u"bye over tls"_s);
    const auto inClosed = h.first<events::Closed>(in);
    const auto outClosed = h.first<events::Closed>(out);
    QCOMPARE(inClosed.how, HowEnded::Handshake);
    QCOMPARE(outClosed.how, HowEnded::Handshake);
    QCOMPARE(inClosed.initiatedBy, Initiator::Client);
    QCOMPARE(outClosed.initiatedBy, Initiator::Client);
    QCOMPARE(inClosed.code, protocol::CloseCode(4000));
    QCOMPARE(inClosed.reason, u"bye over tls"_s);
    QCOMPARE(outClosed.sentCode, protocol::CloseCode(4000));
    QCOMPARE(outClosed.sentReason, u"bye over tls"_s);
    QCOMPARE(outClosed.code, protocol::CloseCode(4000)); // the server's answer echoes it
    QCOMPARE(inClosed.state, State::Closed);
    QCOMPARE(outClosed.state, State::Closed);
    // RFC 6455 §7.1.1 over TLS too: the server closed TCP first.
    QCOMPARE(inClosed.tcpClosedByClient, false);
}

void tst_OutgoingTls::insecureNamesEveryFailure()
{
    // A certificate for another name: insecure accepts both failures and
    // the open event names both.
    EngineHarness h(tlsConfig(m_other));
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    const quint32 out = connectToSelf(h, port, true);
    QVERIFY(out != 0);
    QVERIFY(h.waitFor(EventType::Open, out, 20000));
    const auto open = h.first<events::Open>(out);
    QCOMPARE(open.tlsInsecure,
             u"the certificate is self-signed; the certificate is for other.test, not 127.0.0.1"_s);
}

void tst_OutgoingTls::independentServerCloses()
{
    // python3-websockets behind Python's ssl: it sends the SNI name it got,
    // then closes with its own code and reason.
    QProcess server;
    server.setProgram(u"/usr/bin/python3"_s);
    server.setArguments({u"-c"_s, uR"(
import asyncio, ssl, sys, websockets
seen = []
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
ctx.sni_callback = lambda sock, name, c: seen.append(name)
async def handler(ws, path=None):
    await ws.send("sni=%s" % (seen[-1] if seen else ""))
    await ws.close(4001, "python says bye over tls")
async def main():
    async with websockets.serve(handler, "127.0.0.1", 0, ssl=ctx) as s:
        print(s.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()
asyncio.run(main())
)"_s,
                         m_cert.certFile, m_cert.keyFile});
    server.start();
    QVERIFY(server.waitForStarted(10000));
    QVERIFY2(QTest::qWaitFor([&] { return server.canReadLine(); }, 30000),
             server.readAllStandardError().constData());
    const quint16 port = quint16(server.readLine().trimmed().toUInt());
    QVERIFY(port != 0);

    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    const ConnectRequest r = request(u"wss://localhost:%1/py"_s.arg(port), true);
    h.command([r](Engine *e) { e->connectTo(r, "\"c\""); });
    const auto result = h.result("\"c\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const quint32 out = connectionIds(result).value(0);
    QVERIFY(h.waitFor(EventType::Closed, out, 30000));
    const auto open = h.first<events::Open>(out);
    QVERIFY2(open.tlsInsecure.contains(u"self-signed"_s), qPrintable(open.tlsInsecure));
    // SNI is the URL's host.
    QCOMPARE(h.first<events::MessageIn>(out).preview, QByteArray("sni=localhost"));
    const auto received = h.first<events::CloseReceived>(out);
    QCOMPARE(received.code, protocol::CloseCode(4001));
    QCOMPARE(received.reason, u"python says bye over tls"_s);
    const auto closed = h.first<events::Closed>(out);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, HowEnded::Handshake);
    QCOMPARE(closed.initiatedBy, Initiator::Server);
    QCOMPARE(closed.code, protocol::CloseCode(4001));
    QCOMPARE(closed.sentCode, protocol::CloseCode(4001));
    server.kill();
    server.waitForFinished(10000);
}

void tst_OutgoingTls::silentTlsServerTimesOut()
{
    // The handshake timeout covers TCP, TLS and the upgrade: a server that
    // takes the ClientHello and never answers fails at it, saying TLS.
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ServerConfig config = testConfig();
    config.handshakeTimeoutMs = 1500;
    EngineHarness h(config);
    QVERIFY(h.waitListening() != 0);
    const ConnectRequest r = request(u"wss://127.0.0.1:%1/"_s.arg(server.serverPort()), false);
    h.command([r](Engine *e) { e->connectTo(r, "\"c\""); });
    const auto result = h.result("\"c\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const quint32 id = connectionIds(result).value(0);
    QVERIFY(h.waitFor(EventType::HandshakeFailed, id, 20000));
    const auto failed = h.first<events::HandshakeFailed>(id);
    QVERIFY2(failed.reason.contains(u"did not finish the TLS handshake within 1500 ms"_s),
             qPrintable(failed.reason));
    QCOMPARE(failed.httpStatus, 0);
    QVERIFY(failed.outgoing);
    // It did get a TLS ClientHello (a handshake record, 0x16).
    QVERIFY(QTest::qWaitFor([&] { return !server.received.isEmpty(); }, 20000));
    QCOMPARE(server.received.at(0), '\x16');
    QCOMPARE(h.all(EventType::Open).size(), 0);
}

void tst_OutgoingTls::shutdownDuringTheTlsHandshake()
{
    // A quit while the TLS handshake waits: the connection gives up at once
    // and says why, and the shutdown is not held up by it.
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    EngineHarness h; // the handshake timeout (10 s) is far away
    QVERIFY(h.waitListening() != 0);
    const ConnectRequest r = request(u"wss://127.0.0.1:%1/"_s.arg(server.serverPort()), false);
    h.command([r](Engine *e) { e->connectTo(r, "\"c\""); });
    const auto result = h.result("\"c\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const quint32 id = connectionIds(result).value(0);
    QVERIFY(QTest::qWaitFor([&] { return !server.received.isEmpty(); }, 20000));
    h.command([](Engine *e) { e->shutdown(1001, QString(), 5000, "\"q\"", true); });
    QVERIFY(QTest::qWaitFor([&] { return h.stopped; }, 20000));
    QVERIFY(h.result("\"q\"").ok);
    const auto failed = h.first<events::HandshakeFailed>(id);
    QVERIFY(failed.outgoing);
    QCOMPARE(failed.reason, u"the server is shutting down"_s);
}

void tst_OutgoingTls::plainServerOnAWssUrl()
{
    // wss:// to a ws:// server: TLS fails, and says so.
    EngineHarness h;
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    const quint32 out = connectToSelf(h, port, true);
    QVERIFY(out != 0);
    QVERIFY(h.waitFor(EventType::HandshakeFailed, out, 20000));
    const auto failed = h.first<events::HandshakeFailed>(out);
    QVERIFY(failed.outgoing);
    QVERIFY2(failed.reason.contains(u"the server's answer is not TLS; is it a ws:// server?"_s),
             qPrintable(failed.reason));
    QCOMPARE(h.all(EventType::Open).size(), 0);
}

void tst_OutgoingTls::insecureOnWsIsRefused()
{
    EngineHarness h;
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    const ConnectRequest r = request(u"ws://127.0.0.1:%1/"_s.arg(port), true);
    h.command([r](Engine *e) { e->connectTo(r, "\"c\""); });
    const auto result = h.result("\"c\"");
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(u"wss://"_s), qPrintable(result.error));
    QCOMPARE(h.all(EventType::HandshakeFailed).size(), 0);
}

std::unique_ptr<server::TlsTransport>
tst_OutgoingTls::clientTransport(quint16 port, const QSslConfiguration &config, const QString &host,
                                 RecordingOwner &owner)
{
    int fd = -1;
    QString why;
    bool done = false;
    server::Connector connector(u"127.0.0.1"_s, port, 20000,
                                [&](int f, const QHostAddress &, const QString &error) {
                                    fd = f;
                                    why = error;
                                    done = true;
                                });
    connector.start();
    if (!QTest::qWaitFor([&] { return done; }, 30000) || fd < 0) {
        qWarning() << "no TCP connection:" << why;
        return nullptr;
    }
    return std::make_unique<server::TlsTransport>(fd, config, m_readBuffer, owner,
                                                  server::TlsClient{host, false});
}

void tst_OutgoingTls::trustedCertificateNeedsNoInsecure()
{
    // Trusted as a CA (as the system's CAs would be), for the right name:
    // the handshake verifies, the upgrade request written before it was
    // done goes out after it, and nothing was accepted as insecure.
    EngineHarness h(tlsConfig(m_cert));
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    RecordingOwner owner;
    QSslConfiguration config = m_cert.clientConfig();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    auto transport = clientTransport(port, config, u"127.0.0.1"_s, owner);
    QVERIFY(transport && transport->isValid());
    QByteArray upgrade("GET /v HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n");
    transport->write(upgrade);
    QVERIFY2(
        QTest::qWaitFor(
            [&] { return owner.received.contains("\r\n\r\n") || !owner.error.isEmpty(); }, 30000),
        qPrintable(owner.error));
    QVERIFY2(owner.error.isEmpty(), qPrintable(owner.error));
    QVERIFY(owner.received.startsWith("HTTP/1.1 101 "));
    QVERIFY(transport->isEncrypted());
    QCOMPARE(transport->certificateErrors(), QStringList());
    QVERIFY(h.waitFor(EventType::Open, 0, 20000));
    transport->closeNow();
}

void tst_OutgoingTls::trustedCertificateForAnotherName()
{
    // A trusted certificate is still checked against the host asked for.
    EngineHarness h(tlsConfig(m_other));
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    RecordingOwner owner;
    QSslConfiguration config = m_other.clientConfig();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    auto transport = clientTransport(port, config, u"127.0.0.1"_s, owner);
    QVERIFY(transport && transport->isValid());
    QVERIFY(QTest::qWaitFor([&] { return !owner.error.isEmpty(); }, 30000));
    QCOMPARE(owner.error, u"TLS handshake failed: the certificate is for other.test, not "
                          u"127.0.0.1; connect with insecure to accept it"_s);
    QVERIFY(!transport->isEncrypted());
}

QTEST_GUILESS_MAIN(tst_OutgoingTls)
#include "tst_outgoingtls.moc"
