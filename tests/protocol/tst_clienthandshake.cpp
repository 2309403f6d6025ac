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
    void extraHeaders();
    void refusedOptions_data();
    void refusedOptions();
    void refusalBody_data();
    void refusalBody();
    void refusalBodyUntilClose();
    void refusalBodyCapped();
    void cutShort();
    void headerLimitWhateverTheSplit();

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
    QTest::newRow("two subprotocol headers")
        << chat
        << response101(RfcAccept,
                       "Sec-WebSocket-Protocol: chat\r\nSec-WebSocket-Protocol: chat\r\n")
        << HandshakeStatus::Failed << 101 << u"exactly one"_s << QString();
    QTest::newRow("404") << none << QByteArray("HTTP/1.1 404 Not Found\r\n\r\n")
                         << HandshakeStatus::Failed << 404 << u"404 Not Found"_s << QString();
    QTest::newRow("accept for another key")
        << none << response101(computeAcceptKey("AAAAAAAAAAAAAAAAAAAAAA=="))
        << HandshakeStatus::Failed << 101 << u"expected " + QString::fromLatin1(RfcAccept)
        << QString();
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

void tst_clienthandshake::extraHeaders()
{
    // What a client of a real service sends: credentials, a cookie, who it
    // is. They follow the handshake's own headers, as given, in order.
    ClientHandshakeOptions options;
    options.key = RfcKey;
    options.extraHeaders = {{"Origin", "https://app.example"},
                            {"Authorization", "Bearer abc.def"},
                            {"Cookie", "session=1; theme=dark"},
                            {"User-Agent", "CloseCall/1.0"}};
    QCOMPARE(ClientHandshake::checkOptions(options), QString());
    ClientHandshake client(options);
    QCOMPARE(client.status(), HandshakeStatus::NeedMore);
    QVERIFY(client.request().endsWith("Sec-WebSocket-Version: 13\r\n"
                                      "Origin: https://app.example\r\n"
                                      "Authorization: Bearer abc.def\r\n"
                                      "Cookie: session=1; theme=dark\r\n"
                                      "User-Agent: CloseCall/1.0\r\n\r\n"));
    QCOMPARE(client.key(), RfcKey);

    // Our own server reads them back as sent.
    ServerHandshake server;
    QCOMPARE(server.feed(client.request()), HandshakeStatus::Complete);
    QCOMPARE(server.request().header("authorization"), QByteArray("Bearer abc.def"));
    QCOMPARE(server.request().origin, u"https://app.example"_s);
    QCOMPARE(server.request().userAgent, u"CloseCall/1.0"_s);
}

void tst_clienthandshake::refusedOptions_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reasonContains");

    const auto header = [](const char *name, const QString &value, const QString &contains) {
        QTest::newRow(name) << u"header"_s << value << contains;
    };
    // Header injection: a value or name that would end the line.
    header("CRLF in a value", u"Authorization:Bearer x\r\nX-Evil: 1"_s, u"CR, LF"_s);
    header("bare LF in a value", u"Cookie:a\nb"_s, u"CR, LF"_s);
    header("NUL in a value", QString(u"Cookie:a"_s) + QChar(0) + u"b"_s, u"control"_s);
    header("space in a name", u"X Evil:1"_s, u"not a token"_s);
    header("empty name", u":1"_s, u"not a token"_s);
    // The handshake's own headers, in any case.
    header("Host", u"host:evil.example"_s, u"handshake's own"_s);
    header("Upgrade", u"Upgrade:h2c"_s, u"handshake's own"_s);
    header("Connection", u"Connection:close"_s, u"handshake's own"_s);
    header("Sec-WebSocket-Key", u"Sec-WebSocket-Key:AAAAAAAAAAAAAAAAAAAAAA=="_s,
           u"handshake's own"_s);
    header("Sec-WebSocket-Version", u"sec-websocket-version:8"_s, u"handshake's own"_s);
    header("Sec-WebSocket-Protocol", u"Sec-WebSocket-Protocol:chat"_s, u"handshake's own"_s);
    header("Sec-WebSocket-Extensions", u"Sec-WebSocket-Extensions:permessage-deflate"_s,
           u"handshake's own"_s);
    header("Content-Length", u"Content-Length:5"_s, u"handshake's own"_s);
    header("Origin twice", u"Origin:https://b.example"_s, u"Origin is given twice"_s);

    QTest::newRow("CRLF in the host") << u"host"_s << u"a\r\nX: 1"_s << u"host"_s;
    QTest::newRow("empty host") << u"host"_s << QString() << u"host"_s;
    QTest::newRow("target without /") << u"target"_s << u"chat"_s << u"request target"_s;
    QTest::newRow("space in the target") << u"target"_s << u"/a b"_s << u"request target"_s;
    QTest::newRow("CRLF in the target") << u"target"_s << u"/a\r\nX: 1"_s << u"request target"_s;
    QTest::newRow("CRLF in the origin") << u"origin"_s << u"https://a\r\nX: 1"_s << u"Origin"_s;
    QTest::newRow("subprotocol not a token") << u"subprotocol"_s << u"chat v2"_s << u"token"_s;
    QTest::newRow("subprotocol with a comma") << u"subprotocol"_s << u"a,b"_s << u"token"_s;
    QTest::newRow("subprotocol offered twice")
        << u"subprotocol"_s << u"chat"_s << u"offered twice"_s;
    QTest::newRow("key not 16 bytes") << u"key"_s << u"c2hvcnQ="_s << u"16 bytes"_s;
}

void tst_clienthandshake::refusedOptions()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, reasonContains);

    ClientHandshakeOptions options;
    options.origin = u"https://a.example"_s;
    options.subprotocols = {u"chat"_s};
    if (field == u"header") {
        const qsizetype colon = value.indexOf(u':');
        options.extraHeaders = {{value.left(colon).toUtf8(), value.mid(colon + 1).toUtf8()}};
    } else if (field == u"host") {
        options.host = value;
    } else if (field == u"target") {
        options.target = value;
    } else if (field == u"origin") {
        options.origin = value;
    } else if (field == u"subprotocol") {
        options.subprotocols.append(value);
    } else if (field == u"key") {
        options.key = value.toLatin1();
    }
    const QString why = ClientHandshake::checkOptions(options);
    QVERIFY2(why.contains(reasonContains), qPrintable(why));

    // Such options never make a request: the handshake fails at once, saying why.
    ClientHandshake client(options);
    QCOMPARE(client.status(), HandshakeStatus::Failed);
    QVERIFY(client.request().isEmpty());
    QCOMPARE(client.failureReason(), why);
    QCOMPARE(client.feed(response101(RfcAccept)), HandshakeStatus::Failed);
}

void tst_clienthandshake::refusalBody_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("404 with Content-Length")
        << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 14\r\n\r\nno such path\r\n") << 404
        << QByteArray("no such path\r\n");
    QTest::newRow("our own server's 403") << buildHttpError(403, u"Origin not allowed"_s) << 403
                                          << QByteArray("Origin not allowed\n");
    QTest::newRow("200 chunked") << QByteArray(
                                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n")
                                 << 200 << QByteArray("hello, world");
    QTest::newRow("204 has no body")
        << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n") << 204
        << QByteArray();
    QTest::newRow("Content-Length 0") << QByteArray("HTTP/1.1 401 Unauthorized\r\n"
                                                    "Content-Length: 0\r\n\r\n")
                                      << 401 << QByteArray();
    QTest::newRow("bytes beyond Content-Length are not the body")
        << QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 3\r\n\r\nbadHTTP/1.1") << 400
        << QByteArray("bad");
}

void tst_clienthandshake::refusalBody()
{
    QFETCH(QByteArray, response);
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    // Whole, and split at every byte: the verdict comes with the status
    // line, the body when all of it is in.
    const qsizetype headEnd = response.indexOf("\r\n\r\n") + 4;
    for (qsizetype at = 0; at <= response.size(); ++at) {
        ClientHandshakeOptions options;
        options.key = RfcKey;
        ClientHandshake client(options);
        const HandshakeStatus first = client.feed(response.left(at));
        QCOMPARE(first, at >= headEnd ? HandshakeStatus::Failed : HandshakeStatus::NeedMore);
        // Complete means all of it: never a part called the whole.
        if (at >= headEnd && client.bodyComplete())
            QCOMPARE(client.responseBody(), body);
        QCOMPARE(client.feed(response.mid(at)), HandshakeStatus::Failed);
        QCOMPARE(client.httpStatus(), status);
        QVERIFY(client.bodyComplete());
        QCOMPARE(client.responseBody(), body);
        QVERIFY2(client.failureReason().contains(QString::number(status)),
                 qPrintable(client.failureReason()));
        if (!body.isEmpty())
            QVERIFY2(client.failureReason().contains(QString::fromUtf8(body).simplified()),
                     qPrintable(client.failureReason()));
    }
}

void tst_clienthandshake::refusalBodyUntilClose()
{
    // Neither length nor chunks: the body ends when the server closes (RFC
    // 9112 §6.3), and only then is it complete.
    ClientHandshakeOptions options;
    options.key = RfcKey;
    ClientHandshake client(options);
    QCOMPARE(client.feed("HTTP/1.0 503 Service Unavailable\r\n\r\ntry "), HandshakeStatus::Failed);
    QCOMPARE(client.httpStatus(), 503);
    QVERIFY(!client.bodyComplete());
    QVERIFY(!client.failureReason().contains(u"try"_s)); // not before the body is in
    client.feed("later");
    QCOMPARE(client.transportClosed(), HandshakeStatus::Failed);
    QVERIFY(client.bodyComplete());
    QCOMPARE(client.responseBody(), QByteArray("try later"));
    QVERIFY2(client.failureReason().contains(u"503 Service Unavailable"_s) &&
                 client.failureReason().contains(u"try later"_s),
             qPrintable(client.failureReason()));
}

void tst_clienthandshake::refusalBodyCapped()
{
    // A huge body is not waited for: MaxBodyBytes are enough to say why.
    ClientHandshakeOptions options;
    options.key = RfcKey;
    ClientHandshake client(options);
    const qsizetype cap = ClientHandshake::MaxBodyBytes;
    client.feed("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 1000000\r\n\r\n");
    QVERIFY(!client.bodyComplete());
    client.feed(QByteArray(cap - 1, 'x'));
    QVERIFY(!client.bodyComplete());
    client.feed(QByteArray(100, 'y'));
    QVERIFY(client.bodyComplete());
    QCOMPARE(client.responseBody(), QByteArray(cap - 1, 'x') + 'y');

    // A binary body is described, not printed.
    ClientHandshake binary(options);
    binary.feed(QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n\xff\xfe", 50));
    QVERIFY(binary.bodyComplete());
    QVERIFY2(binary.failureReason().contains(u"2 bytes of binary"_s),
             qPrintable(binary.failureReason()));
}

void tst_clienthandshake::cutShort()
{
    ClientHandshakeOptions options;
    options.key = RfcKey;
    ClientHandshake silent(options);
    QCOMPARE(silent.transportClosed(), HandshakeStatus::Failed);
    QCOMPARE(silent.httpStatus(), 0);
    QVERIFY2(silent.failureReason().contains(u"without answering"_s),
             qPrintable(silent.failureReason()));

    ClientHandshake halfway(options);
    halfway.feed(response101(RfcAccept).left(30));
    QCOMPARE(halfway.transportClosed(), HandshakeStatus::Failed);
    QVERIFY2(halfway.failureReason().contains(u"30 bytes"_s), qPrintable(halfway.failureReason()));

    // A complete handshake is not undone by the transport's end.
    ClientHandshake done(options);
    QCOMPARE(done.feed(response101(RfcAccept)), HandshakeStatus::Complete);
    QCOMPARE(done.transportClosed(), HandshakeStatus::Complete);
}

void tst_clienthandshake::headerLimitWhateverTheSplit()
{
    // A head over the limit fails whether it arrives whole or byte by byte;
    // one exactly at the limit passes both ways.
    const QByteArray good = response101(RfcAccept);
    for (const qsizetype limit : {good.size(), good.size() - 1}) {
        ClientHandshakeOptions options;
        options.key = RfcKey;
        options.maxHeaderBytes = limit;
        const HandshakeStatus expected =
            limit == good.size() ? HandshakeStatus::Complete : HandshakeStatus::Failed;
        ClientHandshake whole(options);
        QCOMPARE(whole.feed(good), expected);
        ClientHandshake trickled(options);
        for (char c : good)
            trickled.feed(QByteArrayView(&c, 1));
        QCOMPARE(trickled.status(), expected);
        if (expected == HandshakeStatus::Failed)
            QVERIFY2(whole.failureReason().contains(QString::number(limit)),
                     qPrintable(whole.failureReason()));
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
