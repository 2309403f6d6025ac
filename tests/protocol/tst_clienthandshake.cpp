// The client side of the RFC 6455 §4 upgrade, sans-I/O: the request we
// send, the 101 we check, and a round trip through the server side.
#include "handshakesamples.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace handshakesamples;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(closecall::protocol::HandshakeStatus)

class tst_clienthandshake : public QObject
{
    Q_OBJECT

private slots:
    void clientRequest();
    void clientRandomKey();
    void clientValidation_data();
    void clientValidation();
    void clientEverySplitAndLeftover();

    void roundTrip();
};

void tst_clienthandshake::clientRequest()
{
    ClientHandshakeOptions options;
    options.host = u"example.com:80"_s;
    options.target = u"/chat?x=1"_s;
    options.subprotocols = {u"chat.v2"_s, u"chat.v1"_s};
    options.origin = u"http://example.com"_s;
    options.extraHeaders = {{"User-Agent", "tst"}};
    options.key = RfcKey;
    ClientHandshake client(options);
    QCOMPARE(client.request(), QByteArray("GET /chat?x=1 HTTP/1.1\r\n"
                                          "Host: example.com:80\r\n"
                                          "Upgrade: websocket\r\n"
                                          "Connection: Upgrade\r\n"
                                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                          "Sec-WebSocket-Version: 13\r\n"
                                          "Origin: http://example.com\r\n"
                                          "Sec-WebSocket-Protocol: chat.v2, chat.v1\r\n"
                                          "User-Agent: tst\r\n"
                                          "\r\n"));
    QCOMPARE(client.status(), HandshakeStatus::NeedMore);
}

void tst_clienthandshake::clientRandomKey()
{
    // RFC 6455 §4.1: a fresh random 16-byte nonce, base64, per handshake.
    const auto keyOf = [](const ClientHandshake &client) {
        ServerHandshake server;
        server.feed(client.request());
        return server.request().key;
    };
    ClientHandshake a;
    ClientHandshake b;
    const QByteArray keyA = keyOf(a);
    QCOMPARE(keyA.size(), 24);
    QCOMPARE(QByteArray::fromBase64(keyA).size(), 16);
    QVERIFY(keyA != keyOf(b));
}

void tst_clienthandshake::clientValidation_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<HandshakeStatus>("status");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("reasonContains");
    QTest::addColumn<QString>("subprotocol");

    const QStringList none;
    const QStringList chat{u"chat"_s, u"json"_s};
    const QByteArray good = response101(RfcAccept);
    QTest::newRow("good 101") << none << good << HandshakeStatus::Complete << 101 << QString()
                              << QString();
    QTest::newRow("good 101 with offered subprotocol")
        << chat << response101(RfcAccept, "Sec-WebSocket-Protocol: json\r\n")
        << HandshakeStatus::Complete << 101 << QString() << u"json"_s;
    QTest::newRow("offered but none chosen is fine")
        << chat << good << HandshakeStatus::Complete << 101 << QString() << QString();
    QTest::newRow("token lists and case")
        << none
        << QByteArray(good)
               .replace("Upgrade: websocket", "upgrade: WebSocket")
               .replace("Connection: Upgrade", "Connection: keep-alive, upgrade")
        << HandshakeStatus::Complete << 101 << QString() << QString();

    QTest::newRow("bad accept") << none << response101("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                                << HandshakeStatus::Failed << 101 << u"Sec-WebSocket-Accept"_s
                                << QString();
    QTest::newRow("missing accept")
        << none
        << QByteArray(good).replace(QByteArray("Sec-WebSocket-Accept: " + RfcAccept + "\r\n"), "")
        << HandshakeStatus::Failed << 101 << u"Sec-WebSocket-Accept"_s << QString();
    QTest::newRow("missing upgrade")
        << none << QByteArray(good).replace("Upgrade: websocket\r\n", "") << HandshakeStatus::Failed
        << 101 << u"Upgrade"_s << QString();
    QTest::newRow("missing connection")
        << none << QByteArray(good).replace("Connection: Upgrade\r\n", "")
        << HandshakeStatus::Failed << 101 << u"Connection"_s << QString();
    QTest::newRow("non-101 status")
        << none << buildHttpError(403, u"Origin not allowed"_s) << HandshakeStatus::Failed << 403
        << u"403 Forbidden"_s << QString();
    QTest::newRow("200 OK") << none << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                            << HandshakeStatus::Failed << 200 << u"instead of 101"_s << QString();
    QTest::newRow("unoffered subprotocol")
        << chat << response101(RfcAccept, "Sec-WebSocket-Protocol: xml\r\n")
        << HandshakeStatus::Failed << 101 << u"not one offered"_s << QString();
    QTest::newRow("subprotocol when none offered")
        << none << response101(RfcAccept, "Sec-WebSocket-Protocol: chat\r\n")
        << HandshakeStatus::Failed << 101 << u"none was offered"_s << QString();
    QTest::newRow("two subprotocols chosen")
        << chat << response101(RfcAccept, "Sec-WebSocket-Protocol: chat, json\r\n")
        << HandshakeStatus::Failed << 101 << u"not one offered"_s << QString();
    QTest::newRow("extension not offered")
        << none << response101(RfcAccept, "Sec-WebSocket-Extensions: permessage-deflate\r\n")
        << HandshakeStatus::Failed << 101 << u"extensions"_s << QString();
    QTest::newRow("four-digit status")
        << none << QByteArray("HTTP/1.1 1010 Odd\r\n\r\n") << HandshakeStatus::Failed << 0
        << u"status line"_s << QString();
    QTest::newRow("one-digit status (fuzz regression)")
        << none << QByteArray("HTTP/1.1 1\r\n\r\n") << HandshakeStatus::Failed << 0
        << u"status line"_s << QString();
    QTest::newRow("HTTP/1.x version (fuzz regression)")
        << none << QByteArray(good).replace("HTTP/1.1 101", "HTTP/1.x 101")
        << HandshakeStatus::Failed << 0 << u"status line"_s << QString();
    QTest::newRow("101 over HTTP/1.0")
        << none << QByteArray(good).replace("HTTP/1.1 101", "HTTP/1.0 101")
        << HandshakeStatus::Failed << 0 << u"not HTTP/1.1"_s << QString();
    QTest::newRow("HTTP/1.0 refusal still reports its status")
        << none << QByteArray("HTTP/1.0 400 Bad Request\r\n\r\n") << HandshakeStatus::Failed << 400
        << u"400"_s << QString();
    QTest::newRow("not HTTP") << none << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                              << HandshakeStatus::Failed << 0 << u"status line"_s << QString();
}

void tst_clienthandshake::clientValidation()
{
    QFETCH(QStringList, offered);
    QFETCH(QByteArray, response);
    QFETCH(HandshakeStatus, status);
    QFETCH(int, httpStatus);
    QFETCH(QString, reasonContains);
    QFETCH(QString, subprotocol);

    ClientHandshakeOptions options;
    options.key = RfcKey;
    options.subprotocols = offered;
    ClientHandshake client(options);
    QCOMPARE(client.feed(response), status);
    QCOMPARE(client.httpStatus(), httpStatus);
    QCOMPARE(client.subprotocol(), subprotocol);
    if (reasonContains.isEmpty())
        QVERIFY2(client.failureReason().isEmpty(), qPrintable(client.failureReason()));
    else
        QVERIFY2(client.failureReason().contains(reasonContains),
                 qPrintable(client.failureReason()));
}

void tst_clienthandshake::clientEverySplitAndLeftover()
{
    // A server frame (unmasked Text "Hi") right behind the 101.
    const QByteArray serverFrame("\x81\x02Hi", 4);
    const QByteArray input = response101(RfcAccept) + serverFrame;
    ClientHandshakeOptions options;
    options.key = RfcKey;
    for (qsizetype at = 0; at <= input.size(); ++at) {
        ClientHandshake client(options);
        client.feed(input.left(at));
        QCOMPARE(client.feed(input.mid(at)), HandshakeStatus::Complete);
        QCOMPARE(client.responseHeaders().size(), 3);
        QCOMPARE(client.takeLeftover(), serverFrame);
    }
}

void tst_clienthandshake::roundTrip()
{
    ClientHandshakeOptions options;
    options.host = u"localhost:9001"_s;
    options.target = u"/echo?token=a%2Bb"_s;
    options.subprotocols = {u"chat.v1"_s, u"json"_s};
    options.origin = u"https://app.example"_s;
    ClientHandshake client(options);

    ServerHandshake server(
        {.subprotocols = {u"json"_s, u"chat.v1"_s}, .allowedOrigins = {u"https://app.example"_s}});
    QCOMPARE(server.feed(QByteArray(client.request() + ClientFrame)), HandshakeStatus::Complete);
    QCOMPARE(server.selectedSubprotocol(), u"json"_s);
    QCOMPARE(server.request().path, u"/echo"_s);
    QCOMPARE(server.request().query, u"token=a%2Bb"_s);
    QCOMPARE(server.request().host, u"localhost:9001"_s);
    QCOMPARE(server.request().origin, u"https://app.example"_s);
    QCOMPARE(server.takeLeftover(), ClientFrame);

    const QByteArray serverFrame("\x81\x02Hi", 4);
    QCOMPARE(client.feed(QByteArray(server.response() + serverFrame)), HandshakeStatus::Complete);
    QCOMPARE(client.httpStatus(), 101);
    QCOMPARE(client.subprotocol(), u"json"_s);
    QCOMPARE(client.takeLeftover(), serverFrame);

    // A refusal travels back as a failed client handshake with the status.
    ServerHandshake strict({.subprotocols = {}, .allowedOrigins = {u"https://other"_s}});
    ClientHandshake refused(options);
    QCOMPARE(strict.feed(refused.request()), HandshakeStatus::Failed);
    QCOMPARE(refused.feed(strict.response()), HandshakeStatus::Failed);
    QCOMPARE(refused.httpStatus(), 403);
}

QTEST_APPLESS_MAIN(tst_clienthandshake)
#include "tst_clienthandshake.moc"
