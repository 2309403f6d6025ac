#include "handshake.h"

#include "httpfields.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace closecall::protocol {

using namespace httpfields;

namespace {

// RFC 6455 §1.3: the GUID every server appends to the client's key.
constexpr QByteArrayView WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// RFC 9110 §15's reason phrases, for every status the server sends
// (tst_handshake checks each): a client or proxy that logs the status line
// shows these words.
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 401:
        return "Unauthorized";
    case 408:
        return "Request Timeout";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

} // namespace

QByteArray computeAcceptKey(QByteArrayView key)
{
    // RFC 6455 §4.2.2 step 5.4: base64(SHA-1(key + GUID)), the key as sent.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(key);
    hash.addData(WebSocketGuid);
    return hash.result().toBase64();
}

QByteArray buildHttpError(int status, const QString &reason, const HttpHeaders &extraHeaders)
{
    const QByteArray body = reason.toUtf8() + '\n';
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                     "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : extraHeaders)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + body;
    return out;
}

QByteArray buildHttpResponse(int status, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
           "\r\nContent-Type: " +
           (contentType.isEmpty() ? QByteArray("text/plain; charset=utf-8") : contentType) +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray HandshakeRequest::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

// ---------------------------------------------------------------- server

ServerHandshake::ServerHandshake(ServerHandshakeConfig config)
    : m_config(std::move(config))
{}

HandshakeStatus ServerHandshake::feed(QByteArrayView data)
{
    if (m_status == HandshakeStatus::Complete) {
        // Bytes after the upgrade belong to the frame layer; keep them.
        m_leftover += data;
        return m_status;
    }
    if (m_status == HandshakeStatus::Failed)
        return m_status;

    // Search only the new bytes (and the 3 before them, for a terminator
    // split across reads): a slow client trickling bytes costs O(n).
    qsizetype from = std::max<qsizetype>(0, m_buffer.size() - 3);
    m_buffer += data;
    // RFC 9112 §2.2: ignore empty lines before the request line.
    while (m_buffer.startsWith("\r\n")) {
        m_buffer.remove(0, 2);
        from = 0;
    }

    // A TLS ClientHello (record type 0x16) on the plain port: say so now
    // rather than waiting for a header terminator that will never come.
    if (m_buffer.startsWith('\x16')) {
        fail(400, QCoreApplication::translate(
                      "Handshake",
                      "the client started a TLS handshake on a plain ws:// port; connect with "
                      "ws:// or start the server with --tls-cert and --tls-key."));
        return m_status;
    }

    const qsizetype end = m_buffer.indexOf(HeaderTerminator, from);
    const qsizetype blockSize = end < 0 ? m_buffer.size() : end + HeaderTerminator.size();
    // Lines end with CRLF (RFC 9112 §2.2). A request with bare LF endings
    // never has a CRLFCRLF terminator: refuse it at its first bare LF
    // instead of waiting for the handshake timeout. Only LFs inside the
    // header limit count: one beyond it is never read when the bytes come
    // in smaller pieces (the limit answers 431 first), and the verdict must
    // not depend on how the request was split [R14].
    const qsizetype lfScanEnd = std::min(blockSize, m_config.maxHeaderBytes);
    for (qsizetype lf = m_buffer.indexOf('\n', from); lf >= 0 && lf < lfScanEnd;
         lf = m_buffer.indexOf('\n', lf + 1)) {
        if (lf > 0 && m_buffer.at(lf - 1) == '\r')
            continue;
        const int line = int(QByteArrayView(m_buffer).first(lf).count('\n')) + 1;
        fail(400, QCoreApplication::translate(
                      "Handshake", "line %1 ends with a bare LF; HTTP lines end with CRLF.")
                      .arg(line));
        return m_status;
    }
    // Without a terminator, a buffer already at the limit can only end
    // beyond it: refuse now instead of buffering an endless header.
    if ((end < 0 && blockSize >= m_config.maxHeaderBytes) ||
        (end >= 0 && blockSize > m_config.maxHeaderBytes)) {
        fail(431,
             QCoreApplication::translate(
                 "Handshake", "the request header block is over %1 bytes; send fewer or shorter "
                              "headers (cookies are the usual culprit).")
                 .arg(m_config.maxHeaderBytes));
        return m_status;
    }
    if (end < 0)
        return m_status;

    m_leftover = m_buffer.mid(blockSize);
    const QByteArray head = m_buffer.left(end);
    m_buffer.clear();
    evaluate(head);
    if (m_status == HandshakeStatus::Failed)
        m_leftover.clear();
    return m_status;
}

QByteArray ServerHandshake::takeLeftover()
{
    return std::exchange(m_leftover, {});
}

void ServerHandshake::fail(int status, const QString &reason, const HttpHeaders &extra)
{
    m_status = HandshakeStatus::Failed;
    m_httpStatus = status;
    m_failureReason = reason;
    m_response = buildHttpError(status, reason, extra);
    m_buffer.clear();
    m_leftover.clear();
}

void ServerHandshake::evaluate(QByteArrayView head)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    // Lines must end in CRLF: strip the CR each split left, refuse bare LF.
    QList<QByteArray> clean;
    clean.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        const bool last = i + 1 == lines.size(); // head excludes the final CRLF
        if (!last) {
            if (!line.endsWith('\r')) {
                fail(400, QCoreApplication::translate(
                              "Handshake", "line %1 ends with a bare LF; HTTP lines end with CRLF.")
                              .arg(i + 1));
                return;
            }
            line.chop(1);
        }
        clean.append(line);
    }

    // Request line, RFC 9112 §3: method SP request-target SP HTTP-version.
    const QList<QByteArray> parts = clean.first().split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
        fail(400, QCoreApplication::translate("Handshake",
                                              "the request line %1 is not \"GET /path HTTP/1.1\".")
                      .arg(quoted(clean.first().left(80))));
        return;
    }
    m_request.method = parts[0];
    m_request.target = parts[1];
    const QByteArray &version = parts[2];

    // Headers next, so a refused request still shows what it sent.
    QString error;
    if (!parseHeaderLines(clean, m_request.headers, &error)) {
        fail(400, error);
        return;
    }
    const HttpHeaders &headers = m_request.headers;
    m_request.host = QString::fromUtf8(m_request.header("Host"));
    m_request.origin = QString::fromUtf8(m_request.header("Origin"));
    m_request.userAgent = QString::fromUtf8(m_request.header("User-Agent"));
    m_request.key = m_request.header("Sec-WebSocket-Key");
    for (const QByteArray &p : listElements(m_request.header("Sec-WebSocket-Protocol")))
        m_request.offeredSubprotocols.append(QString::fromUtf8(p));

    // The target: origin-form "/chat?room=1", or absolute-form
    // "ws://host/chat" that RFC 9112 §3.2.2 says servers must accept.
    QByteArray pathAndQuery = m_request.target;
    if (const qsizetype scheme = pathAndQuery.indexOf("://");
        scheme > 0 && !pathAndQuery.startsWith('/')) {
        const qsizetype slash = pathAndQuery.indexOf('/', scheme + 3);
        pathAndQuery = slash < 0 ? QByteArray("/") : pathAndQuery.mid(slash);
    }
    const qsizetype question = pathAndQuery.indexOf('?');
    const QByteArray rawPath = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    m_request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    m_request.query = question < 0 ? QString() : QString::fromUtf8(pathAndQuery.mid(question + 1));

    // RFC 6455 §4.1: "HTTP/1.1 or higher". HTTP/1.0 and others that parse
    // get 505 (the version is the problem); anything else is malformed.
    const bool wellFormedVersion = version.size() == 8 && version.startsWith("HTTP/") &&
                                   isDigit(version[5]) && version[6] == '.' && isDigit(version[7]);
    if (!wellFormedVersion) {
        fail(400,
             QCoreApplication::translate(
                 "Handshake", "the request line ends with %1 where the HTTP version belongs; send "
                              "HTTP/1.1.")
                 .arg(quoted(version.left(32))));
        return;
    }
    if (version[5] != '1' || version[7] < '1') {
        fail(505, QCoreApplication::translate(
                      "Handshake",
                      "the request is %1; a WebSocket upgrade needs HTTP/1.1 (RFC 6455 §4.1).")
                      .arg(QString::fromLatin1(version)));
        return;
    }
    // Methods are case-sensitive (RFC 9110 §9.1); only GET upgrades.
    if (m_request.method != "GET") {
        fail(
            405,
            QCoreApplication::translate(
                "Handshake", "the method is %1; a WebSocket upgrade must be a GET (RFC 6455 §4.1).")
                .arg(QString::fromUtf8(m_request.method.left(32))),
            {{"Allow", "GET"}});
        return;
    }
    // A GET upgrade has no body (RFC 6455 §4.1, RFC 9110 §9.3.1): bytes
    // announced by Content-Length or Transfer-Encoding would otherwise be
    // read as the first WebSocket frames.
    for (const char *framing : {"Content-Length", "Transfer-Encoding"}) {
        if (headerCount(headers, framing) > 0) {
            fail(400,
                 QCoreApplication::translate(
                     "Handshake", "the upgrade request has a %1 header (%2); a WebSocket "
                                  "upgrade is a GET without a body.")
                     .arg(QLatin1StringView(framing), quoted(m_request.header(framing).left(32))));
            return;
        }
    }
    if (!m_request.target.startsWith('/') && pathAndQuery == m_request.target) {
        fail(400, QCoreApplication::translate(
                      "Handshake", "the request target %1 is not a path; send one like /chat.")
                      .arg(quoted(m_request.target.left(80))));
        return;
    }

    // RFC 9112 §3.2: exactly one non-empty Host.
    const qsizetype hosts = headerCount(headers, "Host");
    if (hosts != 1 || m_request.host.isEmpty()) {
        fail(400, hosts == 0
                      ? QCoreApplication::translate(
                            "Handshake", "the Host header is missing (RFC 6455 §4.1 requires it).")
                  : hosts > 1
                      ? QCoreApplication::translate(
                            "Handshake", "the request has %1 Host headers; send exactly one.")
                            .arg(hosts)
                      : QCoreApplication::translate(
                            "Handshake", "the Host header is empty; send the host and port."));
        return;
    }
    // RFC 6455 §4.2.1 item 3.
    const QByteArray upgrade = m_request.header("Upgrade");
    if (!listContainsToken(upgrade, "websocket")) {
        fail(400, upgrade.isEmpty()
                      ? QCoreApplication::translate(
                            "Handshake", "the Upgrade header is missing; a WebSocket request sends "
                                         "\"Upgrade: websocket\".")
                      : QCoreApplication::translate("Handshake",
                                                    "Upgrade is %1; it must include websocket.")
                            .arg(quoted(upgrade)));
        return;
    }
    // RFC 6455 §4.2.1 item 4.
    const QByteArray connection = m_request.header("Connection");
    if (!listContainsToken(connection, "upgrade")) {
        fail(400,
             connection.isEmpty()
                 ? QCoreApplication::translate(
                       "Handshake", "the Connection header is missing; a WebSocket request sends "
                                    "\"Connection: Upgrade\".")
                 : QCoreApplication::translate("Handshake",
                                               "Connection is %1; it must include Upgrade.")
                       .arg(quoted(connection)));
        return;
    }
    // RFC 6455 §4.2.2 / §4.4: an unsupported version gets 426 and the
    // versions we do speak, so the client can retry.
    const QByteArray wsVersion = m_request.header("Sec-WebSocket-Version");
    if (wsVersion != "13") {
        fail(426,
             wsVersion.isEmpty()
                 ? QCoreApplication::translate(
                       "Handshake", "Sec-WebSocket-Version is missing; only 13 is supported.")
                 : QCoreApplication::translate("Handshake",
                                               "Sec-WebSocket-Version is %1; only 13 is supported.")
                       .arg(QString::fromUtf8(wsVersion.left(32))),
             {{"Sec-WebSocket-Version", "13"}});
        return;
    }
    // RFC 6455 §4.2.1 item 5: base64 of 16 bytes (24 characters with padding).
    const auto decoded =
        QByteArray::fromBase64Encoding(m_request.key, QByteArray::AbortOnBase64DecodingErrors);
    if (headerCount(headers, "Sec-WebSocket-Key") != 1 || m_request.key.size() != 24 || !decoded ||
        decoded.decoded.size() != 16) {
        fail(400, m_request.key.isEmpty()
                      ? QCoreApplication::translate(
                            "Handshake",
                            "Sec-WebSocket-Key is missing; send 16 random bytes, base64-encoded.")
                      : QCoreApplication::translate(
                            "Handshake",
                            "Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1); "
                            "send 16 random bytes, base64-encoded (24 characters).")
                            .arg(quoted(m_request.key.left(64))));
        return;
    }
    // RFC 6455 §10.2: Origin is how a server refuses other sites' pages.
    if (!m_config.allowedOrigins.isEmpty()) {
        const bool allowed =
            std::any_of(m_config.allowedOrigins.cbegin(), m_config.allowedOrigins.cend(),
                        [this](const QString &o) {
                            return o.compare(m_request.origin, Qt::CaseInsensitive) == 0;
                        });
        if (!allowed || m_request.origin.isEmpty()) {
            fail(403, m_request.origin.isEmpty()
                          ? QCoreApplication::translate(
                                "Handshake",
                                "the request has no Origin header and only these origins are "
                                "allowed: %1.")
                                .arg(m_config.allowedOrigins.join(u", "_s))
                          : QCoreApplication::translate("Handshake",
                                                        "Origin %1 is not allowed; allowed: %2.")
                                .arg(quoted(m_request.origin.toUtf8()),
                                     m_config.allowedOrigins.join(u", "_s)));
            return;
        }
    }

    // RFC 6455 §4.2.2 step 5.4: our preference order decides, among what
    // the client offered; no match means no Sec-WebSocket-Protocol at all.
    for (const QString &ours : std::as_const(m_config.subprotocols)) {
        if (m_request.offeredSubprotocols.contains(ours)) {
            m_subprotocol = ours;
            break;
        }
    }

    if (!negotiateExtensions())
        return;
    build101();
    m_httpStatus = 101;
    m_status = HandshakeStatus::Complete;
}

void ServerHandshake::chooseSubprotocol(const QString &subprotocol)
{
    if (m_status != HandshakeStatus::Complete)
        return;
    m_subprotocol = m_request.offeredSubprotocols.contains(subprotocol) ? subprotocol : QString();
    build101();
}

void ServerHandshake::build101()
{
    m_response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                 computeAcceptKey(m_request.key) + "\r\n";
    if (!m_subprotocol.isEmpty())
        m_response += "Sec-WebSocket-Protocol: " + m_subprotocol.toUtf8() + "\r\n";
    if (m_deflate)
        m_response += "Sec-WebSocket-Extensions: " + m_deflate->toHeaderValue() + "\r\n";
    m_response += "\r\n";
}

bool ServerHandshake::negotiateExtensions()
{
    if (!m_config.deflate.enabled)
        return true;
    // Every Sec-WebSocket-Extensions line, in order: one list together
    // (RFC 6455 §9.1, RFC 9110 §5.3).
    QList<QByteArray> values;
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (name.compare("Sec-WebSocket-Extensions", Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    if (values.isEmpty())
        return true;
    QString error;
    const std::optional<QList<ExtensionOffer>> offers = parseExtensions(values, &error);
    if (!offers) {
        fail(400, QCoreApplication::translate(
                      "Handshake", "the Sec-WebSocket-Extensions header is malformed: %1")
                      .arg(error));
        return false;
    }
    m_deflate = negotiateDeflate(*offers, m_config.deflate, &m_declined);
    return true;
}

} // namespace closecall::protocol
