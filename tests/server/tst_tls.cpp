// wss:// with a certificate made at test time by the openssl CLI, and a
// plain ws:// client on the TLS port refused cleanly while the server keeps
// serving.

#include "engineharness.h"
#include "rawpeer.h"
#include "testcertificate.h"

#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>

#include <poll.h>
#include <sys/socket.h>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::State;

class tst_Tls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void secureClientOpensAndCloses();
    void plainClientIsRefusedCleanly();
    void silentClientIsDroppedAtTheHandshakeTimeout();
    void badCertificateFailsToStart_data();
    void badCertificateFailsToStart();

private:
    ServerConfig tlsConfig() const;
    bool openSecure(QWebSocket &ws, quint16 port);

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

void tst_Tls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const TestCertificate cert = TestCertificate::make(m_dir.path());
    if (cert.noOpenssl)
        QSKIP(qPrintable(cert.error));
    QVERIFY2(cert.error.isEmpty(), qPrintable(cert.error));
    m_cert = cert.certFile;
    m_key = cert.keyFile;
}

ServerConfig tst_Tls::tlsConfig() const
{
    ServerConfig cfg = testConfig();
    cfg.tlsCertFile = m_cert;
    cfg.tlsKeyFile = m_key;
    return cfg;
}

bool tst_Tls::openSecure(QWebSocket &ws, quint16 port)
{
    // The generated certificate is the only CA trusted: a real verification.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(m_cert));
    ws.setSslConfiguration(ssl);
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(QUrl(u"wss://127.0.0.1:%1/secure"_s.arg(port)));
    return connected.wait(10000) || connected.size() > 0;
}

void tst_Tls::secureClientOpensAndCloses()
{
    ServerConfig cfg = tlsConfig();
    cfg.echo = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    QCOMPARE(h.first<events::Listening>().tls, true);

    QWebSocket ws;
    QList<QSslError> sslErrors;
    connect(&ws, &QWebSocket::sslErrors, this, [&](const QList<QSslError> &e) { sslErrors = e; });
    QVERIFY(openSecure(ws, port));
    QVERIFY(sslErrors.isEmpty());
    const quint32 id = h.waitOpen();
    QCOMPARE(h.first<events::Open>(id).path, u"/secure"_s);

    QSignalSpy echoed(&ws, &QWebSocket::textMessageReceived);
    ws.sendTextMessage(u"over TLS"_s);
    QVERIFY(echoed.wait(5000));
    QCOMPARE(echoed.at(0).at(0).toString(), u"over TLS"_s);

    h.command([id](Engine *e) {
        e->closeConnections(EngineHarness::one(id), 1000, u"tls bye"_s, protocol::CloseMode::Close,
                            -1, "1");
    });
    QVERIFY(h.waitFor(EventType::Closed, id));
    QTRY_COMPARE(ws.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(int(ws.closeCode()), 1000);
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, protocol::HowEnded::Handshake);
}

void tst_Tls::plainClientIsRefusedCleanly()
{
    EngineHarness h(tlsConfig());
    const quint16 port = h.waitListening();
    QVERIFY(port);

    QWebSocket plain;
    QSignalSpy connected(&plain, &QWebSocket::connected);
    plain.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(port)));
    QVERIFY(h.waitFor(EventType::HandshakeFailed, 0, 10000));
    const auto failed = h.first<events::HandshakeFailed>();
    QCOMPARE(failed.state, State::Connecting);
    QVERIFY2(failed.reason.contains(u"TLS"_s), qPrintable(failed.reason));
    QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(connected.size(), 0);

    // The server keeps serving TLS clients.
    QWebSocket secure;
    QVERIFY(openSecure(secure, port));
    QVERIFY(h.waitOpen());
}

void tst_Tls::silentClientIsDroppedAtTheHandshakeTimeout()
{
    // A client that connects and never starts TLS: dropped when the
    // configured handshake timeout passes. Before, the 408 was queued
    // behind a TLS handshake that never came and QSslSocket held the close
    // too, so the client saw it only at the 2 s linger deadline.
    ServerConfig cfg = tlsConfig();
    cfg.handshakeTimeoutMs = 300;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    RawPeer silent;
    QVERIFY(silent.connectTo(port));
    QVERIFY(h.waitFor(EventType::HandshakeFailed, 0, 10000));
    const auto failed = h.first<events::HandshakeFailed>();
    QCOMPARE(failed.httpStatus, 408);
    QVERIFY2(failed.reason.contains(u"300 ms"_s), qPrintable(failed.reason));

    // A round trip through the engine: whatever it did when the deadline
    // fired is done. The client's end of the stream must be there now
    // (no waiting: the socket was closed as the timeout was handled).
    h.command([](Engine *e) { e->list("\"after\""); });
    QVERIFY(h.result("\"after\"").ok);
    pollfd p{silent.fd(), POLLIN, 0};
    QCOMPARE(::poll(&p, 1, 0), 1);
    char byte = 0;
    QVERIFY(::recv(silent.fd(), &byte, 1, MSG_DONTWAIT) <= 0); // FIN (0) or RST (-1)
}

void tst_Tls::badCertificateFailsToStart_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing certificate file") << u"missing cert"_s << u"cannot read"_s;
    QTest::newRow("key file that is no key") << u"bad key"_s << u"no PEM private key"_s;
    QTest::newRow("certificate file that is no certificate")
        << u"bad cert"_s << u"no PEM certificate"_s;
}

void tst_Tls::badCertificateFailsToStart()
{
    QFETCH(QString, which);
    QFETCH(QString, expected);
    const QString junk = m_dir.filePath(u"junk.pem"_s);
    {
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a PEM file\n");
    }
    ServerConfig cfg = tlsConfig();
    if (which == u"missing cert"_s)
        cfg.tlsCertFile = m_dir.filePath(u"nope.pem"_s);
    else if (which == u"bad key"_s)
        cfg.tlsKeyFile = junk;
    else
        cfg.tlsCertFile = junk;
    EngineHarness h(cfg);
    QTRY_VERIFY_WITH_TIMEOUT(!h.startError.isEmpty(), 5000);
    QVERIFY2(h.startError.contains(expected), qPrintable(h.startError));
    QVERIFY(h.find(EventType::Error) >= 0);
    QCOMPARE(h.find(EventType::Listening), -1);
}

QTEST_MAIN(tst_Tls)
#include "tst_tls.moc"
