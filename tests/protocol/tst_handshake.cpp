// The HTTP/1.1 upgrade of RFC 6455 §4, server side, sans-I/O (the client
// side: tst_clienthandshake).
#include "handshakesamples.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace handshakesamples;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(closecall::protocol::HandshakeStatus)

class tst_handshake : public QObject
{
    Q_OBJECT

private slots:
    void acceptKey_data();
    void acceptKey();

    void exact101Response();
    void capturesRequest();
    void serverAccepts_data();
    void serverAccepts();
    void serverRefuses_data();
    void serverRefuses();
    void everyStatusHasItsReasonPhrase_data();
    void everyStatusHasItsReasonPhrase();
    void bareLfIsRefusedAtOnce();
    void failedRequestStillCaptured();

    void everySplitGivesSameResult();
    void leftoverFrameBytes();
    void headerLimit_data();
    void headerLimit();
    void headerLimitWithoutTerminatorFailsEarly();

    void subprotocolPreference_data();
    void subprotocolPreference();

    void buildHttpErrorFormat();
};

void tst_handshake::acceptKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("accept");
    QTest::newRow("RFC 6455 §1.3 example") << RfcKey << RfcAccept;
    // Computed independently: base64(sha1(key + GUID)).
    QTest::newRow("all-zero key") << QByteArray("AAAAAAAAAAAAAAAAAAAAAA==")
                                  << QByteArray("ICX+Yqv66kxgM0FcWaLWlFLwTAI=");
}

void tst_handshake::acceptKey()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, accept);
    QCOMPARE(computeAcceptKey(key), accept);
}

void tst_handshake::exact101Response()
{
    ServerHandshake server;
    QCOMPARE(server.feed(goodRequest()), HandshakeStatus::Complete);
    QCOMPARE(server.httpStatus(), 101);
    QCOMPARE(server.response(), response101(RfcAccept));
    QVERIFY(server.selectedSubprotocol().isEmpty());
    QVERIFY(server.failureReason().isEmpty());
}

void tst_handshake::capturesRequest()
{
    HttpHeaders headers = goodHeaders();
    headers.emplaceBack("Sec-WebSocket-Protocol", "chat.v2, chat.v1");
    headers.emplaceBack("X-Trace", "a");
    headers.emplaceBack("Sec-WebSocket-Protocol", "json");
    headers.emplaceBack("x-trace", "b");
    ServerHandshake server;
    QCOMPARE(server.feed(makeRequest(headers, "GET /r%C3%A4um/a%20b?x=%20y&z HTTP/1.1")),
             HandshakeStatus::Complete);

    const HandshakeRequest &r = server.request();
    QCOMPARE(r.method, "GET");
    QCOMPARE(r.target, "/r%C3%A4um/a%20b?x=%20y&z");
    QCOMPARE(r.path, u"/r\u00E4um/a b"_s);
    QCOMPARE(r.query, u"x=%20y&z"_s);
    QCOMPARE(r.headers, headers);
    QCOMPARE(r.host, u"example.com:9001"_s);
    QCOMPARE(r.origin, u"http://example.com"_s);
    QCOMPARE(r.userAgent, u"tst_handshake/1.0"_s);
    QCOMPARE(r.key, RfcKey);
    QCOMPARE(r.offeredSubprotocols, (QStringList{u"chat.v2"_s, u"chat.v1"_s, u"json"_s}));
    QCOMPARE(r.header("x-TRACE"), "a, b");
    QCOMPARE(r.header("Absent"), QByteArray());
}

void tst_handshake::serverAccepts_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QStringList>("allowedOrigins");
    QTest::addColumn<QString>("path");

    const QStringList any;
    QTest::newRow("plain") << goodRequest() << any << u"/chat"_s;
    QTest::newRow("Connection is a token list")
        << makeRequest(withHeader(goodHeaders(), "Connection", "keep-alive, Upgrade")) << any
        << u"/chat"_s;
    QTest::newRow("Connection token case-insensitive")
        << makeRequest(withHeader(goodHeaders(), "Connection", "UPGRADE")) << any << u"/chat"_s;
    QTest::newRow("Upgrade token case-insensitive, in a list")
        << makeRequest(withHeader(goodHeaders(), "Upgrade", "foo/2, WebSocket")) << any
        << u"/chat"_s;
    HttpHeaders lower;
    for (const auto &[name, value] : goodHeaders())
        lower.append({name.toLower(), value});
    QTest::newRow("header names case-insensitive") << makeRequest(lower) << any << u"/chat"_s;
    QTest::newRow("no optional whitespace after colon")
        << QByteArray(goodRequest()).replace("Upgrade: websocket", "Upgrade:websocket") << any
        << u"/chat"_s;
    QTest::newRow("absolute-form target")
        << makeRequest(goodHeaders(), "GET ws://example.com:9001/chat?room=1 HTTP/1.1") << any
        << u"/chat"_s;
    QTest::newRow("origin on the allow-list")
        << goodRequest() << QStringList{u"https://other.example"_s, u"http://example.com"_s}
        << u"/chat"_s;
    QTest::newRow("origin compared case-insensitively")
        << goodRequest() << QStringList{u"HTTP://EXAMPLE.COM"_s} << u"/chat"_s;
    QTest::newRow("empty lines before the request line ignored")
        << QByteArray("\r\n\r\n" + goodRequest()) << any << u"/chat"_s;
    QTest::newRow("no origin, no allow-list")
        << makeRequest(without(goodHeaders(), "Origin")) << any << u"/chat"_s;
}

void tst_handshake::serverAccepts()
{
    QFETCH(QByteArray, request);
    QFETCH(QStringList, allowedOrigins);
    QFETCH(QString, path);

    ServerHandshake server({.subprotocols = {}, .allowedOrigins = allowedOrigins});
    QCOMPARE(server.feed(request), HandshakeStatus::Complete);
    QVERIFY2(server.failureReason().isEmpty(), qPrintable(server.failureReason()));
    QCOMPARE(server.response(), response101(RfcAccept));
    QCOMPARE(server.request().path, path);
}

void tst_handshake::serverRefuses_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QStringList>("allowedOrigins");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reasonContains");
    QTest::addColumn<QByteArray>("extraHeader"); // must be in the response

    const QStringList any;
    const HttpHeaders good = goodHeaders();
    const auto row = [&](const char *name, const QByteArray &request, int status,
                         const QString &reason, const QByteArray &extra = {}) {
        QTest::newRow(name) << request << any << status << reason << extra;
    };

    row("POST -> 405", makeRequest(good, "POST /chat HTTP/1.1"), 405, u"POST"_s, "Allow: GET");
    row("lower-case get -> 405", makeRequest(good, "get /chat HTTP/1.1"), 405, u"get"_s,
        "Allow: GET");
    row("HTTP/1.0 -> 505", makeRequest(good, "GET /chat HTTP/1.0"), 505, u"HTTP/1.0"_s);
    row("HTTP/2.0 -> 505", makeRequest(good, "GET /chat HTTP/2.0"), 505, u"HTTP/1.1"_s);
    row("garbage version -> 400", makeRequest(good, "GET /chat HTTQ/1.1"), 400, u"HTTQ"_s);
    row("request line with two parts -> 400", makeRequest(good, "GET /chat"), 400,
        u"request line"_s);
    row("request line with double space -> 400", makeRequest(good, "GET  /chat HTTP/1.1"), 400,
        u"request line"_s);
    row("target not a path -> 400", makeRequest(good, "GET * HTTP/1.1"), 400, u"not a path"_s);
    row("request line without a target -> 400", makeRequest(good, "GET  HTTP/1.1"), 400,
        u"request line"_s);

    row("missing Host -> 400", makeRequest(without(good, "Host")), 400, u"Host"_s);
    row("two Host headers -> 400", makeRequest(HttpHeaders(good) << std::pair{"Host"_ba, "b"_ba}),
        400, u"2 Host"_s);
    row("empty Host -> 400", makeRequest(withHeader(good, "Host", "")), 400, u"Host"_s);
    row("missing Upgrade -> 400", makeRequest(without(good, "Upgrade")), 400, u"Upgrade"_s);
    row("Upgrade h2c -> 400", makeRequest(withHeader(good, "Upgrade", "h2c")), 400, u"h2c"_s);
    row("Upgrade websocketx is not the token -> 400",
        makeRequest(withHeader(good, "Upgrade", "websocketx")), 400, u"websocketx"_s);
    row("missing Connection -> 400", makeRequest(without(good, "Connection")), 400,
        u"Connection"_s);
    row("Connection keep-alive only -> 400",
        makeRequest(withHeader(good, "Connection", "keep-alive")), 400, u"keep-alive"_s);

    row("version 8 -> 426", makeRequest(withHeader(good, "Sec-WebSocket-Version", "8")), 426,
        u"Sec-WebSocket-Version is 8; only 13 is supported"_s, "Sec-WebSocket-Version: 13");
    row("version missing -> 426", makeRequest(without(good, "Sec-WebSocket-Version")), 426,
        u"only 13 is supported"_s, "Sec-WebSocket-Version: 13");
    row("version list -> 426", makeRequest(withHeader(good, "Sec-WebSocket-Version", "13, 8")), 426,
        u"only 13"_s, "Sec-WebSocket-Version: 13");

    row("key missing -> 400", makeRequest(without(good, "Sec-WebSocket-Key")), 400,
        u"Sec-WebSocket-Key is missing"_s);
    row("key of 15 bytes -> 400",
        makeRequest(withHeader(good, "Sec-WebSocket-Key", QByteArray(15, 'k').toBase64())), 400,
        u"16 bytes"_s);
    row("key of 17 bytes -> 400",
        makeRequest(withHeader(good, "Sec-WebSocket-Key", QByteArray(17, 'k').toBase64())), 400,
        u"16 bytes"_s);
    row("key not base64 -> 400",
        makeRequest(withHeader(good, "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ!=")), 400,
        u"16 bytes"_s);
    row("two keys -> 400",
        makeRequest(HttpHeaders(good) << std::pair{"Sec-WebSocket-Key"_ba, RfcKey}), 400,
        u"16 bytes"_s);

    row("header line without colon -> 400",
        makeRequest(HttpHeaders(good) << std::pair{"Broken header line"_ba, QByteArray()})
            .replace("Broken header line: ", "Broken header line"),
        400, u"no ':'"_s);
    row("space before colon -> 400", QByteArray(goodRequest()).replace("Upgrade:", "Upgrade :"),
        400, u"invalid name"_s);
    row("obsolete line folding -> 400",
        QByteArray(goodRequest()).replace("Upgrade: websocket\r\n", "Upgrade:\r\n websocket\r\n"),
        400, u"folding"_s);
    row("bare LF -> 400",
        QByteArray(goodRequest()).replace("Upgrade: websocket\r\n", "Upgrade: websocket\n"), 400,
        u"bare LF"_s);
    // No CRLF at all: there is no CRLFCRLF to wait for (it waited for the
    // handshake timeout before).
    row("bare LF on every line -> 400", QByteArray(goodRequest()).replace("\r\n", "\n"), 400,
        u"line 1 ends with a bare LF"_s);
    // A GET upgrade has no body; its bytes were parsed as frames before.
    row("Content-Length -> 400",
        makeRequest(HttpHeaders(good) << std::pair{"Content-Length"_ba, "8"_ba}), 400,
        u"Content-Length"_s);
    row("Content-Length 0 -> 400",
        makeRequest(HttpHeaders(good) << std::pair{"content-length"_ba, "0"_ba}), 400,
        u"Content-Length"_s);
    row("Transfer-Encoding chunked -> 400",
        makeRequest(HttpHeaders(good) << std::pair{"Transfer-Encoding"_ba, "chunked"_ba}), 400,
        u"Transfer-Encoding header (\"chunked\")"_s);
    row("TLS ClientHello on a plain port -> 400", QByteArray("\x16\x03\x01\x02\x00\x01", 6), 400,
        u"TLS"_s);

    QTest::newRow("origin not allowed -> 403")
        << goodRequest() << QStringList{u"https://app.example"_s} << 403
        << u"Origin \"http://example.com\" is not allowed"_s << QByteArray();
    QTest::newRow("origin missing with an allow-list -> 403")
        << makeRequest(without(good, "Origin")) << QStringList{u"https://app.example"_s} << 403
        << u"no Origin"_s << QByteArray();
}

void tst_handshake::serverRefuses()
{
    QFETCH(QByteArray, request);
    QFETCH(QStringList, allowedOrigins);
    QFETCH(int, status);
    QFETCH(QString, reasonContains);
    QFETCH(QByteArray, extraHeader);

    ServerHandshake server({.subprotocols = {}, .allowedOrigins = allowedOrigins});
    QCOMPARE(server.feed(QByteArray(request + ClientFrame)), HandshakeStatus::Failed);
    QCOMPARE(server.status(), HandshakeStatus::Failed);
    QCOMPARE(server.httpStatus(), status);
    QVERIFY2(server.failureReason().contains(reasonContains), qPrintable(server.failureReason()));
    QVERIFY(server.takeLeftover().isEmpty()); // nothing goes on to the frame layer

    const QByteArray response = server.response();
    QVERIFY2(response.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
             response.constData());
    QVERIFY(response.contains("\r\nConnection: close\r\n"));
    if (!extraHeader.isEmpty())
        QVERIFY2(response.contains(QByteArray("\r\n" + extraHeader + "\r\n")),
                 response.constData());
    // The body is the reason, and Content-Length says so.
    const qsizetype bodyAt = response.indexOf("\r\n\r\n") + 4;
    const QByteArray body = response.mid(bodyAt);
    QCOMPARE(body, QByteArray(server.failureReason().toUtf8() + '\n'));
    QVERIFY(response.contains(
        QByteArray("Content-Length: " + QByteArray::number(body.size()) + "\r\n")));

    // Once failed, more bytes change nothing.
    QCOMPARE(server.feed(goodRequest()), HandshakeStatus::Failed);
    QCOMPARE(server.response(), response);
}

void tst_handshake::everyStatusHasItsReasonPhrase_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("statusLine");
    // Every status the server answers with (handshake.cpp and the engine's
    // 408 and 503), RFC 9110 §15's words; 408 read "Error" before.
    const QList<std::pair<int, QByteArray>> statuses{
        {400, "Bad Request"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {426, "Upgrade Required"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {503, "Service Unavailable"},
        {505, "HTTP Version Not Supported"},
    };
    for (const auto &[status, phrase] : statuses)
        QTest::addRow("%d", status)
            << status
            << QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ' + phrase + "\r\n");
}

void tst_handshake::everyStatusHasItsReasonPhrase()
{
    QFETCH(int, status);
    QFETCH(QByteArray, statusLine);
    const QByteArray response = buildHttpError(status, u"why"_s);
    QVERIFY2(response.startsWith(statusLine), response.constData());
}

void tst_handshake::bareLfIsRefusedAtOnce()
{
    // The first line already ends with a bare LF: 400 now, not after the
    // handshake timeout (there will never be a CRLFCRLF).
    ServerHandshake server;
    QCOMPARE(server.feed("GET /chat HTTP/1.1\nHost: a"), HandshakeStatus::Failed);
    QCOMPARE(server.httpStatus(), 400);
    QVERIFY(server.response().startsWith("HTTP/1.1 400 Bad Request\r\n"));

    // Split across reads, CR and LF in different ones: still CRLF.
    ServerHandshake split;
    QCOMPARE(split.feed("GET /chat HTTP/1.1\r"), HandshakeStatus::NeedMore);
    QCOMPARE(split.feed("\nHost: a\r"), HandshakeStatus::NeedMore);
    QCOMPARE(split.feed("\nX: y\n"), HandshakeStatus::Failed);
    QVERIFY2(split.failureReason().contains(u"line 3"_s), qPrintable(split.failureReason()));

    // A LF inside a frame behind a complete request is not a line ending.
    ServerHandshake good;
    QCOMPARE(good.feed(QByteArray(goodRequest() + QByteArray("\x82\x81\x00\x00\x00\x00\n", 7))),
             HandshakeStatus::Complete);
}

void tst_handshake::failedRequestStillCaptured()
{
    ServerHandshake server;
    QCOMPARE(server.feed(makeRequest(withHeader(goodHeaders(), "Sec-WebSocket-Version", "8"),
                                     "POST /x?y HTTP/1.1")),
             HandshakeStatus::Failed);
    QCOMPARE(server.httpStatus(), 405);
    QCOMPARE(server.request().method, "POST");
    QCOMPARE(server.request().path, u"/x"_s);
    QCOMPARE(server.request().query, u"y"_s);
    QCOMPARE(server.request().userAgent, u"tst_handshake/1.0"_s);
    QCOMPARE(server.request().headers.size(), goodHeaders().size());
}

void tst_handshake::everySplitGivesSameResult()
{
    const QByteArray input = goodRequest() + ClientFrame;
    ServerHandshake whole;
    QCOMPARE(whole.feed(input), HandshakeStatus::Complete);
    const QByteArray leftover = whole.takeLeftover();
    QCOMPARE(leftover, ClientFrame);

    for (qsizetype at = 0; at <= input.size(); ++at) {
        ServerHandshake server;
        const HandshakeStatus first = server.feed(input.left(at));
        const qsizetype headerEnd = goodRequest().size();
        QCOMPARE(first, at >= headerEnd ? HandshakeStatus::Complete : HandshakeStatus::NeedMore);
        QCOMPARE(server.feed(input.mid(at)), HandshakeStatus::Complete);
        QCOMPARE(server.response(), whole.response());
        QCOMPARE(server.request().headers, whole.request().headers);
        QCOMPARE(server.takeLeftover(), leftover);
    }

    // And one byte at a time.
    ServerHandshake trickle;
    for (char c : input)
        trickle.feed(QByteArrayView(&c, 1));
    QCOMPARE(trickle.status(), HandshakeStatus::Complete);
    QCOMPARE(trickle.response(), whole.response());
    QCOMPARE(trickle.takeLeftover(), leftover);
}

void tst_handshake::leftoverFrameBytes()
{
    ServerHandshake server;
    QCOMPARE(server.feed(QByteArray(goodRequest() + ClientFrame.left(3))),
             HandshakeStatus::Complete);
    // Bytes fed after completion join the leftover instead of being lost.
    QCOMPARE(server.feed(ClientFrame.mid(3)), HandshakeStatus::Complete);
    QCOMPARE(server.takeLeftover(), ClientFrame);
    QVERIFY(server.takeLeftover().isEmpty()); // taken once
}

void tst_handshake::headerLimit_data()
{
    QTest::addColumn<int>("padding"); // bytes added to the request
    QTest::addColumn<bool>("accepted");
    QTest::newRow("exactly at the limit accepted") << 0 << true;
    QTest::newRow("one byte over -> 431") << 1 << false;
    QTest::newRow("far over -> 431") << 5000 << false;
}

void tst_handshake::headerLimit()
{
    QFETCH(int, padding);
    QFETCH(bool, accepted);

    // Size a request to exactly maxHeaderBytes with one X-Pad header.
    const qsizetype limit = 1024;
    const QByteArray base = makeRequest(withHeader(goodHeaders(), "X-Pad", ""));
    const QByteArray request = makeRequest(
        withHeader(goodHeaders(), "X-Pad", QByteArray(limit - base.size() + padding, 'p')));
    QCOMPARE(request.size(), limit + padding);

    ServerHandshake server({.subprotocols = {}, .allowedOrigins = {}, .maxHeaderBytes = limit});
    const HandshakeStatus status = server.feed(request);
    QCOMPARE(status, accepted ? HandshakeStatus::Complete : HandshakeStatus::Failed);
    if (!accepted) {
        QCOMPARE(server.httpStatus(), 431);
        QVERIFY(server.failureReason().contains(u"1024"_s));
        QVERIFY(server.response().startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    }
}

void tst_handshake::headerLimitWithoutTerminatorFailsEarly()
{
    // An endless header is refused as soon as the buffer reaches the limit,
    // not when (never) a terminator arrives.
    const qsizetype limit = 4096;
    ServerHandshake server({.subprotocols = {}, .allowedOrigins = {}, .maxHeaderBytes = limit});
    const QByteArray chunk = "X-Flood: " + QByteArray(90, 'f') + "\r\n"; // 101 bytes
    QByteArray sent = "GET / HTTP/1.1\r\n";
    QCOMPARE(server.feed(sent), HandshakeStatus::NeedMore);
    while (sent.size() + chunk.size() < limit) {
        sent += chunk;
        QCOMPARE(server.feed(chunk), HandshakeStatus::NeedMore);
    }
    QCOMPARE(server.feed(chunk), HandshakeStatus::Failed);
    QCOMPARE(server.httpStatus(), 431);
}

void tst_handshake::subprotocolPreference_data()
{
    QTest::addColumn<QStringList>("ours");
    QTest::addColumn<QByteArrayList>("offeredHeaders"); // one Sec-WebSocket-Protocol each
    QTest::addColumn<QString>("selected");

    QTest::newRow("our first choice wins over the client's order")
        << QStringList{u"b"_s, u"a"_s} << QByteArrayList{"a, b"} << u"b"_s;
    QTest::newRow("first of ours the client offered")
        << QStringList{u"x"_s, u"a"_s, u"b"_s} << QByteArrayList{"b, a"} << u"a"_s;
    QTest::newRow("offer spread over repeated headers")
        << QStringList{u"json"_s} << QByteArrayList{"chat", "json"} << u"json"_s;
    QTest::newRow("no match -> no header")
        << QStringList{u"json"_s} << QByteArrayList{"chat, xml"} << QString();
    QTest::newRow("none configured -> no header")
        << QStringList{} << QByteArrayList{"chat"} << QString();
    QTest::newRow("none offered -> no header")
        << QStringList{u"chat"_s} << QByteArrayList{} << QString();
    QTest::newRow("case-sensitive names")
        << QStringList{u"Chat"_s} << QByteArrayList{"chat"} << QString();
}

void tst_handshake::subprotocolPreference()
{
    QFETCH(QStringList, ours);
    QFETCH(QByteArrayList, offeredHeaders);
    QFETCH(QString, selected);

    HttpHeaders headers = goodHeaders();
    for (const QByteArray &value : offeredHeaders)
        headers.emplaceBack("Sec-WebSocket-Protocol", value);
    ServerHandshake server({.subprotocols = ours, .allowedOrigins = {}});
    QCOMPARE(server.feed(makeRequest(headers)), HandshakeStatus::Complete);
    QCOMPARE(server.selectedSubprotocol(), selected);
    const QByteArray expected =
        selected.isEmpty()
            ? response101(RfcAccept)
            : response101(RfcAccept, "Sec-WebSocket-Protocol: " + selected.toUtf8() + "\r\n");
    QCOMPARE(server.response(), expected);
}

void tst_handshake::buildHttpErrorFormat()
{
    const QByteArray response =
        buildHttpError(426, u"only 13 \u2713"_s, {{"Sec-WebSocket-Version", "13"}});
    QCOMPARE(response, QByteArray("HTTP/1.1 426 Upgrade Required\r\n"
                                  "Content-Type: text/plain; charset=utf-8\r\n"
                                  "Content-Length: 12\r\n"
                                  "Connection: close\r\n"
                                  "Sec-WebSocket-Version: 13\r\n"
                                  "\r\n"
                                  "only 13 \xE2\x9C\x93\n"));
}

QTEST_APPLESS_MAIN(tst_handshake)
#include "tst_handshake.moc"
