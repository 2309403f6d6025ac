// The engine's limits against real clients: each is a clear HTTP answer or
// close code and an event, never a crash (docs/headless.md, handshake statuses).

#include "engineharness.h"
#include "wsclient.h"

#include <QtTest/QtTest>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::State;

namespace {
// RFC 9110 §15's words for the statuses these tests expect.
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 405:
        return "Method Not Allowed";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "?";
    }
}
} // namespace

class tst_Limits : public QObject
{
    Q_OBJECT

private slots:
    void maxConnectionsAnswers503();
    void originNotAllowedAnswers403();
    void silentClientTimesOut();
    void upgradeRefused_data();
    void upgradeRefused();
    void messageTooBigCloses1009();
};

void tst_Limits::maxConnectionsAnswers503()
{
    ServerConfig cfg = testConfig();
    cfg.maxConnections = 1;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket first;
    QVERIFY(openClient(first, port));
    const QByteArray response = rawRequest(port, upgradeRequest(port));
    QVERIFY2(response.startsWith("HTTP/1.1 503"), response.constData());
    QVERIFY(h.waitFor(EventType::HandshakeFailed));
    const auto failed = h.first<events::HandshakeFailed>();
    QCOMPARE(failed.httpStatus, 503);
    QCOMPARE(failed.state, State::Connecting);
    QVERIFY(failed.conn > 1);
    QVERIFY(failed.remote.startsWith(u"127.0.0.1:"_s));
    QVERIFY(failed.reason.contains(u"limit"_s));

    // Once the first one is gone, there is room again.
    first.close();
    QVERIFY(h.waitFor(EventType::Closed, 1));
    QWebSocket second;
    QVERIFY(openClient(second, port));
}

void tst_Limits::originNotAllowedAnswers403()
{
    ServerConfig cfg = testConfig();
    cfg.allowedOrigins = {u"https://good.example"_s};
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket bad(u"https://evil.example"_s);
    QSignalSpy errors(&bad, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    bad.open(wsUrl(port));
    QVERIFY(h.waitFor(EventType::HandshakeFailed));
    QCOMPARE(h.first<events::HandshakeFailed>().httpStatus, 403);
    QTRY_VERIFY(errors.size() > 0);

    QWebSocket good(u"https://good.example"_s);
    QVERIFY(openClient(good, port));
}

void tst_Limits::silentClientTimesOut()
{
    ServerConfig cfg = testConfig();
    cfg.handshakeTimeoutMs = 300;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(silent.waitForConnected(5000));
    QElapsedTimer t;
    t.start();
    QVERIFY(h.waitFor(EventType::HandshakeFailed, 0, 5000));
    QVERIFY(t.elapsed() >= 250);
    const auto failed = h.first<events::HandshakeFailed>();
    QCOMPARE(failed.httpStatus, 408);
    QVERIFY(failed.reason.contains(u"300 ms"_s));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    // With its reason phrase (it read "408 Error").
    const QByteArray response = silent.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 408 Request Timeout\r\n"), response.constData());
}

void tst_Limits::upgradeRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    const QByteArray upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    QTest::newRow("wrong version: 426") << upgradeRequest(0, "8") << 426;
    QTest::newRow("header block too large: 431")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n")
        << 431;
    QTest::newRow("not GET: 405") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\n" + upgrade + key +
                                                "Sec-WebSocket-Version: 13\r\n\r\n")
                                  << 405;
    QTest::newRow("no key: 400") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n" + upgrade +
                                               "Sec-WebSocket-Version: 13\r\n\r\n")
                                 << 400;
    // Bare LF line endings never make a CRLFCRLF: answered at once, not
    // with a 408 after the (10 s) handshake timeout.
    QTest::newRow("bare LF line endings: 400")
        << QByteArray(upgradeRequest(0)).replace("\r\n", "\n") << 400;
    // A body behind an upgrade was read as frames (101, then a message).
    const QByteArray frameHi("\x81\x82\x37\xfa\x21\x3d\x7f\x93", 8);
    QTest::newRow("Content-Length and a body: 400")
        << QByteArray(QByteArray(upgradeRequest(0)).chopped(2) + "Content-Length: 8\r\n\r\n" +
                      frameHi)
        << 400;
    QTest::newRow("Transfer-Encoding chunked: 400")
        << QByteArray(QByteArray(upgradeRequest(0)).chopped(2) +
                      "Transfer-Encoding: chunked\r\n\r\n8\r\n" + frameHi + "\r\n0\r\n\r\n")
        << 400;
}

void tst_Limits::upgradeRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    EngineHarness h;
    const quint16 port = h.waitListening();
    const QByteArray response = rawRequest(port, request);
    const QByteArray statusLine =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    QVERIFY2(response.startsWith(statusLine), response.constData());
    if (status == 426)
        QVERIFY(response.contains("Sec-WebSocket-Version: 13"));
    QVERIFY(h.waitFor(EventType::HandshakeFailed));
    const auto failed = h.first<events::HandshakeFailed>();
    QCOMPARE(failed.httpStatus, status);
    QVERIFY(!failed.reason.isEmpty());
    QCOMPARE(h.find(EventType::Open), -1);
}

void tst_Limits::messageTooBigCloses1009()
{
    ServerConfig cfg = testConfig();
    cfg.maxMessageSize = 1000;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QWebSocket ws;
    QVERIFY(openClient(ws, port));
    const quint32 id = h.waitOpen();
    ws.sendBinaryMessage(QByteArray(2000, 'x'));
    QVERIFY(waitDisconnected(ws));
    QCOMPARE(int(ws.closeCode()), 1009);
    QVERIFY(h.waitFor(EventType::Closed, id));
    const auto sent = h.first<events::CloseSent>(id);
    QCOMPARE(sent.code, protocol::CloseCode(1009));
    QCOMPARE(sent.mode, CloseMode::ProtocolError);
    QVERIFY(h.find(EventType::Error, id) >= 0);
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::ProtocolError);
    QCOMPARE(h.find(EventType::MessageIn, id), -1);
}

QTEST_MAIN(tst_Limits)
#include "tst_limits.moc"
