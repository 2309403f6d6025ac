#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <utility>

// The HTTP/1.1 upgrade of RFC 6455 §4, both ends, sans-I/O: feed bytes,
// get a verdict and the bytes to answer with.
namespace closecall::protocol {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>; // as sent, in order

// Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC §4.2.2 step 5.4).
QByteArray computeAcceptKey(QByteArrayView key);

// A complete error response: status line, Content-Type text/plain,
// Content-Length, Connection: close, `extraHeaders`, and `reason` as body.
QByteArray buildHttpError(int status, const QString &reason, const HttpHeaders &extraHeaders = {});

enum class HandshakeStatus { NeedMore, Complete, Failed };

// What the client asked for, captured for display (connection details, the
// `open` event) whether or not the upgrade succeeds.
struct HandshakeRequest
{
    QByteArray method;
    QByteArray target;   // request-target as sent: "/chat?room=1"
    QString path;        // "/chat" (percent-decoded)
    QString query;       // "room=1" (as sent, without '?')
    HttpHeaders headers; // every header line, as sent
    QString host;
    QString origin;
    QString userAgent;
    QByteArray key; // Sec-WebSocket-Key as sent
    QStringList offeredSubprotocols;

    // Value of a header, case-insensitive name; repeated headers joined by ", ".
    QByteArray header(QByteArrayView name) const;
};

struct ServerHandshakeConfig
{
    QStringList subprotocols;   // ours, in preference order; the first the client offers wins
    QStringList allowedOrigins; // empty = any origin; else Origin must match one (403)
    qsizetype maxHeaderBytes = 16 * 1024; // request line + headers; over it: 431
};

// Server side: parses the upgrade request and decides.
// Failures and their status: not GET → 405; not HTTP/1.1 → 505 (HTTP/1.0)
// or 400; missing/invalid Host, Upgrade, Connection, Sec-WebSocket-Key (must
// decode to 16 bytes) → 400; Sec-WebSocket-Version not 13 → 426 with
// "Sec-WebSocket-Version: 13"; header block too large → 431; Origin not
// allowed → 403. Upgrade and Connection are case-insensitive token lists.
class ServerHandshake final
{
public:
    explicit ServerHandshake(ServerHandshakeConfig config = {});

    HandshakeStatus feed(QByteArrayView data);
    HandshakeStatus status() const { return m_status; }

    // Valid once Complete (and as far as parsed once Failed).
    const HandshakeRequest &request() const { return m_request; }
    QString selectedSubprotocol() const { return m_subprotocol; }

    // Complete: the 101 Switching Protocols. Failed: the error response.
    QByteArray response() const { return m_response; }
    int httpStatus() const { return m_httpStatus; }
    QString failureReason() const { return m_failureReason; }

    // Bytes received after the end of the header block (frames a client
    // sent without waiting for the 101). Valid once Complete.
    QByteArray takeLeftover();

private:
    void fail(int status, const QString &reason, const HttpHeaders &extra = {});
    void evaluate(QByteArrayView head);

    ServerHandshakeConfig m_config;
    QByteArray m_buffer;
    HandshakeStatus m_status = HandshakeStatus::NeedMore;
    HandshakeRequest m_request;
    QString m_subprotocol;
    QByteArray m_response;
    int m_httpStatus = 0;
    QString m_failureReason;
    QByteArray m_leftover;
};

struct ClientHandshakeOptions
{
    QString host = QStringLiteral("127.0.0.1:9001"); // Host header value
    QString target = QStringLiteral("/");            // path and query
    QStringList subprotocols;
    QString origin; // empty = no Origin header
    HttpHeaders extraHeaders;
    QByteArray key; // empty = a fresh random 16-byte key, base64
};

// Client side (for test peers and benchmarks): builds the request and
// validates the server's 101 (status, Upgrade, Connection,
// Sec-WebSocket-Accept, a subprotocol only from those offered).
class ClientHandshake final
{
public:
    explicit ClientHandshake(ClientHandshakeOptions options = {});

    QByteArray request() const { return m_request; }
    HandshakeStatus feed(QByteArrayView data);
    HandshakeStatus status() const { return m_status; }

    int httpStatus() const { return m_httpStatus; }
    QString failureReason() const { return m_failureReason; }
    QString subprotocol() const { return m_subprotocol; }
    const HttpHeaders &responseHeaders() const { return m_headers; }
    QByteArray takeLeftover();

private:
    void fail(const QString &reason);

    ClientHandshakeOptions m_options;
    QByteArray m_request;
    QByteArray m_expectedAccept;
    QByteArray m_buffer;
    HandshakeStatus m_status = HandshakeStatus::NeedMore;
    int m_httpStatus = 0;
    QString m_failureReason;
    QString m_subprotocol;
    HttpHeaders m_headers;
    QByteArray m_leftover;
};

} // namespace closecall::protocol
