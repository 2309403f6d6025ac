#include "handshake.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace closecall::protocol {

namespace {

constexpr QByteArrayView HeaderTerminator = "\r\n\r\n";

// RFC 6455 §1.3: the GUID every server appends to the client's key.
constexpr QByteArrayView WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

// The client accepts a larger 101 than a server accepts requests: it only
// talks to servers we point it at, but it must still not buffer forever.
constexpr qsizetype MaxResponseHeaderBytes = 64 * 1024;

// RFC 9110 §5.6.2: tchar, the characters of a header name or a token.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// Every value of a (possibly repeated) header, joined by ", " as RFC 9110
// §5.3 allows for list-valued fields.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    QByteArray value;
    bool found = false;
    for (const auto &[key, v] : headers) {
        if (!equalsNoCase(key, name))
            continue;
        if (found)
            value += ", ";
        value += v;
        found = true;
    }
    return value;
}

qsizetype headerCount(const HttpHeaders &headers, QByteArrayView name)
{
    return std::count_if(headers.cbegin(), headers.cend(),
                         [name](const auto &h) { return equalsNoCase(h.first, name); });
}

// The comma-separated elements of a list-valued header, trimmed, empty
// elements dropped (RFC 9110 §5.6.1 asks recipients to ignore them).
QList<QByteArray> listElements(QByteArrayView value)
{
    QList<QByteArray> out;
    for (const QByteArray &part : value.toByteArray().split(',')) {
        const QByteArray element = part.trimmed();
        if (!element.isEmpty())
            out.append(element);
    }
    return out;
}

// Upgrade and Connection are token lists, compared case-insensitively
// (RFC 6455 §4.2.1 items 3 and 4): "keep-alive, Upgrade" contains "upgrade".
bool listContainsToken(QByteArrayView value, QByteArrayView token)
{
    const QList<QByteArray> elements = listElements(value);
    return std::any_of(elements.cbegin(), elements.cend(),
                       [token](const QByteArray &e) { return equalsNoCase(e, token); });
}

QString quoted(QByteArrayView value)
{
    return u'"' + QString::fromUtf8(value) + u'"';
}

// Splits the header lines of a request or response (everything after the
// start line) into `out`. RFC 9112 §5: "name: value"; no whitespace before
// the colon (§5.1 says reject it: request smuggling); no obsolete line
// folding (§5.2); value trimmed of optional whitespace.
bool parseHeaderLines(const QList<QByteArray> &lines, HttpHeaders &out, QString *error)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const QString lineNo = QString::number(i + 1);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            *error =
                QCoreApplication::translate(
                    "Handshake", "header line %1 starts with whitespace (obsolete line folding, "
                                 "RFC 9112 §5.2); send each header on one line.")
                    .arg(lineNo);
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            *error = QCoreApplication::translate(
                         "Handshake", "header line %1 has no ':' (%2); each header must be "
                                      "\"Name: value\".")
                         .arg(lineNo, quoted(line.left(64)));
            return false;
        }
        const QByteArray name = line.left(colon);
        if (!isToken(name)) {
            *error =
                QCoreApplication::translate(
                    "Handshake", "header line %1 has an invalid name %2 (empty, or with spaces or "
                                 "separators before the ':').")
                    .arg(lineNo, quoted(name.left(64)));
            return false;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        // CR and LF cannot be here (lines were split on CRLF) unless bare;
        // bare CR/LF and NUL are refused (RFC 9112 §2.2, §5).
        if (value.contains('\r') || value.contains('\n') || value.contains('\0')) {
            *error = QCoreApplication::translate(
                         "Handshake",
                         "header %1 contains a bare CR, LF or NUL; lines must end with CRLF.")
                         .arg(QString::fromUtf8(name));
            return false;
        }
        out.append({name, value});
    }
    return true;
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
    case 408:
        return "Request Timeout";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
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
    // instead of waiting for the handshake timeout.
    for (qsizetype lf = m_buffer.indexOf('\n', from); lf >= 0 && lf < blockSize;
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

    m_response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                 computeAcceptKey(m_request.key) + "\r\n";
    if (!m_subprotocol.isEmpty())
        m_response += "Sec-WebSocket-Protocol: " + m_subprotocol.toUtf8() + "\r\n";
    m_response += "\r\n";
    m_httpStatus = 101;
    m_status = HandshakeStatus::Complete;
}

// ---------------------------------------------------------------- client

ClientHandshake::ClientHandshake(ClientHandshakeOptions options)
    : m_options(std::move(options))
{
    QByteArray key = m_options.key;
    if (key.isEmpty()) {
        // RFC 6455 §4.1: a nonce of 16 random bytes, fresh per connection.
        std::array<quint32, 4> nonce{};
        QRandomGenerator::global()->fillRange(nonce.data(), nonce.size());
        key = QByteArray(reinterpret_cast<const char *>(nonce.data()), 16).toBase64();
        m_options.key = key;
    }
    m_expectedAccept = computeAcceptKey(key);

    m_request = "GET " + m_options.target.toUtf8() +
                " HTTP/1.1\r\nHost: " + m_options.host.toUtf8() +
                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
                "\r\nSec-WebSocket-Version: 13\r\n";
    if (!m_options.origin.isEmpty())
        m_request += "Origin: " + m_options.origin.toUtf8() + "\r\n";
    if (!m_options.subprotocols.isEmpty())
        m_request +=
            "Sec-WebSocket-Protocol: " + m_options.subprotocols.join(u", "_s).toUtf8() + "\r\n";
    for (const auto &[name, value] : std::as_const(m_options.extraHeaders))
        m_request += name + ": " + value + "\r\n";
    m_request += "\r\n";
}

HandshakeStatus ClientHandshake::feed(QByteArrayView data)
{
    if (m_status == HandshakeStatus::Complete) {
        m_leftover += data;
        return m_status;
    }
    if (m_status == HandshakeStatus::Failed)
        return m_status;

    const qsizetype from = std::max<qsizetype>(0, m_buffer.size() - 3);
    m_buffer += data;
    const qsizetype end = m_buffer.indexOf(HeaderTerminator, from);
    if (end < 0) {
        if (m_buffer.size() >= MaxResponseHeaderBytes)
            fail(QCoreApplication::translate("Handshake",
                                             "the response header is over %1 bytes without an end.")
                     .arg(MaxResponseHeaderBytes));
        return m_status;
    }
    m_leftover = m_buffer.mid(end + HeaderTerminator.size());
    QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.clear();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }

    // Status line, RFC 9112 §4: HTTP-version SP 3DIGIT SP [reason].
    const QByteArray &statusLine = lines.first();
    const qsizetype sp = statusLine.indexOf(' ');
    const QByteArrayView version = QByteArrayView(statusLine).first(sp < 0 ? 0 : sp);
    const auto isDigit = [&](qsizetype i) {
        return i < statusLine.size() && statusLine[i] >= '0' && statusLine[i] <= '9';
    };
    // HTTP/1.x, a space, exactly three digits, then the end of the line or a space.
    const bool wellFormed = (version == "HTTP/1.1" || version == "HTTP/1.0") && isDigit(sp + 1) &&
                            isDigit(sp + 2) && isDigit(sp + 3) &&
                            (statusLine.size() == sp + 4 || statusLine[sp + 4] == ' ');
    const int status = wellFormed ? statusLine.mid(sp + 1, 3).toInt() : 0;
    if (!wellFormed || status < 100) {
        fail(QCoreApplication::translate(
                 "Handshake", "the response does not start with an HTTP status line: %1.")
                 .arg(quoted(statusLine.left(80))));
        return m_status;
    }
    // RFC 6455 §4.1: the upgrade answer is HTTP/1.1; an HTTP/1.0 server can
    // only be refusing (its status is still reported below).
    if (status == 101 && version != "HTTP/1.1") {
        fail(QCoreApplication::translate("Handshake", "the 101 response is %1, not HTTP/1.1.")
                 .arg(QString::fromLatin1(version)));
        return m_status;
    }
    m_httpStatus = status;
    QString error;
    if (!parseHeaderLines(lines, m_headers, &error)) {
        fail(QCoreApplication::translate("Handshake", "the response is malformed: %1").arg(error));
        return m_status;
    }
    if (status != 101) {
        fail(QCoreApplication::translate(
                 "Handshake", "the server answered %1 instead of 101 Switching Protocols.")
                 .arg(QString::fromUtf8(statusLine.mid(sp + 1))));
        return m_status;
    }
    // RFC 6455 §4.1, the client's checks of the server's handshake, items 2-6.
    const QByteArray upgrade = headerValue(m_headers, "Upgrade");
    if (!listContainsToken(upgrade, "websocket")) {
        fail(QCoreApplication::translate("Handshake",
                                         "the 101 has Upgrade %1; it must be websocket.")
                 .arg(quoted(upgrade)));
        return m_status;
    }
    const QByteArray connection = headerValue(m_headers, "Connection");
    if (!listContainsToken(connection, "upgrade")) {
        fail(QCoreApplication::translate("Handshake",
                                         "the 101 has Connection %1; it must include Upgrade.")
                 .arg(quoted(connection)));
        return m_status;
    }
    const QByteArray accept = headerValue(m_headers, "Sec-WebSocket-Accept");
    if (accept != m_expectedAccept) {
        fail(QCoreApplication::translate("Handshake",
                                         "Sec-WebSocket-Accept is %1; expected %2 for our key.")
                 .arg(quoted(accept), QString::fromLatin1(m_expectedAccept)));
        return m_status;
    }
    if (headerCount(m_headers, "Sec-WebSocket-Extensions") > 0) {
        fail(QCoreApplication::translate("Handshake",
                                         "the server chose extensions (%1) that were not offered.")
                 .arg(QString::fromUtf8(headerValue(m_headers, "Sec-WebSocket-Extensions"))));
        return m_status;
    }
    const QByteArray protocol = headerValue(m_headers, "Sec-WebSocket-Protocol");
    if (headerCount(m_headers, "Sec-WebSocket-Protocol") > 0) {
        const QString chosen = QString::fromUtf8(protocol);
        if (!m_options.subprotocols.contains(chosen)) {
            fail(m_options.subprotocols.isEmpty()
                     ? QCoreApplication::translate(
                           "Handshake", "the server chose subprotocol %1 but none was offered.")
                           .arg(quoted(protocol))
                     : QCoreApplication::translate(
                           "Handshake",
                           "the server chose subprotocol %1, which is not one offered (%2).")
                           .arg(quoted(protocol), m_options.subprotocols.join(u", "_s)));
            return m_status;
        }
        m_subprotocol = chosen;
    }
    m_status = HandshakeStatus::Complete;
    return m_status;
}

QByteArray ClientHandshake::takeLeftover()
{
    return std::exchange(m_leftover, {});
}

void ClientHandshake::fail(const QString &reason)
{
    m_status = HandshakeStatus::Failed;
    m_failureReason = reason;
    m_buffer.clear();
    m_leftover.clear();
}

} // namespace closecall::protocol
