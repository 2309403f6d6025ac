#pragma once

#include "deflatenegotiation.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <utility>

// The HTTP/1.1 upgrade of RFC 6455 §4, both ends, sans-I/O: feed bytes,
// get a verdict and the bytes to answer with. The server side is in
// handshake.cpp, the client side in clienthandshake.cpp.
namespace closecall::protocol {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>; // as sent, in order

// Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC §4.2.2 step 5.4).
QByteArray computeAcceptKey(QByteArrayView key);

// A complete error response: status line, Content-Type text/plain,
// Content-Length, Connection: close, `extraHeaders`, and `reason` as body.
QByteArray buildHttpError(int status, const QString &reason, const HttpHeaders &extraHeaders = {});

// A complete response with `body` as it is (proxy mode passes on an
// upstream's refusal): status line, Content-Type (text/plain when empty),
// Content-Length, Connection: close, then the body.
QByteArray buildHttpResponse(int status, const QByteArray &contentType, const QByteArray &body);

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
    // permessage-deflate (RFC 7692): accepted when enabled and offered in a
    // form we can honour; a Sec-WebSocket-Extensions header that breaks RFC
    // 6455 §9.1's grammar is then answered with 400. Off: the header is
    // ignored, as a server without extensions does.
    DeflateServerConfig deflate = {};
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
    // Complete: names `subprotocol` in the 101 instead of our own choice
    // (proxy mode: the upstream server chose); one the client did not
    // offer, or empty, means none.
    void chooseSubprotocol(const QString &subprotocol);
    // permessage-deflate as agreed (valid once Complete); nullopt: none.
    std::optional<DeflateParams> deflate() const { return m_deflate; }
    // Why each permessage-deflate offer passed over was declined.
    QStringList declinedExtensions() const { return m_declined; }

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
    void build101();
    // Reads the offers and picks one; false after failing the request.
    bool negotiateExtensions();

    ServerHandshakeConfig m_config;
    QByteArray m_buffer;
    HandshakeStatus m_status = HandshakeStatus::NeedMore;
    HandshakeRequest m_request;
    QString m_subprotocol;
    std::optional<DeflateParams> m_deflate;
    QStringList m_declined;
    QByteArray m_response;
    int m_httpStatus = 0;
    QString m_failureReason;
    QByteArray m_leftover;
};

struct ClientHandshakeOptions
{
    QString host = QStringLiteral("127.0.0.1:9001"); // Host header value
    QString target = QStringLiteral("/");            // path and query, percent-encoded
    QStringList subprotocols;                        // offered, in our preference order
    QString origin;                                  // empty = no Origin header
    // Sent as given, after the handshake's own headers: Authorization,
    // Cookie, User-Agent, … (checkOptions() refuses the handshake's own).
    HttpHeaders extraHeaders;
    QByteArray key; // empty = a fresh random 16-byte key, base64
    // Offer permessage-deflate (deflateClientOffer()); the server may accept.
    bool offerDeflate = false;
    // The response's status line and headers; a longer head fails. The
    // client accepts a larger head than the server does (16 KiB): it only
    // talks to servers it is pointed at, but must not buffer forever.
    qsizetype maxHeaderBytes = 64 * 1024;
};

// Client side: builds the request and validates the server's 101 (RFC 6455
// §4.1: status, Upgrade, Connection, Sec-WebSocket-Accept, a subprotocol
// only from those offered and only one, an extension only if offered:
// permessage-deflate in a form RFC 7692 §5.1 lets a client accept).
// A refusal (any other status) fails at once with its status; its body is
// still collected from later feed() calls, up to MaxBodyBytes, until
// bodyComplete(), so the driver can show what the server said.
class ClientHandshake final
{
    Q_DECLARE_TR_FUNCTIONS(Handshake)

public:
    static constexpr qsizetype MaxBodyBytes = 8 * 1024;

    // Why these options cannot make a request, as a sentence naming what is
    // wrong; empty when they can. Refused: CR, LF or other control bytes in
    // any value (header injection), a host or target that is not printable
    // ASCII (or a target not starting with '/'), a subprotocol that is not
    // an RFC 9110 token or offered twice, a key that is not 16 bytes of
    // base64, an extra header whose name is not a token or that is one the
    // handshake writes itself (Host, Upgrade, Connection, Sec-WebSocket-*)
    // or that would announce a body (Content-Length, Transfer-Encoding), and
    // an Origin given both as `origin` and as an extra header.
    static QString checkOptions(const ClientHandshakeOptions &options);

    // Options checkOptions() refuses make a handshake that is Failed from
    // the start, with that sentence as its reason and no request.
    explicit ClientHandshake(ClientHandshakeOptions options = {});

    QByteArray request() const { return m_request; }
    QByteArray key() const { return m_options.key; }
    const ClientHandshakeOptions &options() const { return m_options; }
    HandshakeStatus feed(QByteArrayView data);
    HandshakeStatus status() const { return m_status; }
    // The transport ended (EOF or reset). A response cut short fails; a
    // refusal whose body runs until the connection closes is complete.
    HandshakeStatus transportClosed();

    int httpStatus() const { return m_httpStatus; } // 0 until a status line was read
    // Why it failed; for a refusal, with the start of the body once complete.
    QString failureReason() const;
    QString subprotocol() const { return m_subprotocol; }
    // permessage-deflate as the server accepted it; nullopt: none.
    std::optional<DeflateParams> deflate() const { return m_deflate; }
    const HttpHeaders &responseHeaders() const { return m_headers; }
    // A refusal's body (de-chunked), as far as received, at most MaxBodyBytes.
    QByteArray responseBody() const { return m_body; }
    // False while a refusal's body is still expected (Content-Length not
    // reached, chunks not ended, or delimited by the connection's close).
    bool bodyComplete() const { return m_bodyFraming == BodyFraming::Done; }
    QByteArray takeLeftover();

private:
    enum class BodyFraming : quint8 { Done, Length, Chunked, UntilClose };

    void fail(const QString &reason);
    bool validate101();
    bool checkExtensions();
    void startBody();
    void appendBody(QByteArrayView data);
    void appendChunked(QByteArrayView data);
    void addBodyBytes(QByteArrayView data);

    ClientHandshakeOptions m_options;
    QByteArray m_request;
    QByteArray m_expectedAccept;
    QByteArray m_buffer;
    HandshakeStatus m_status = HandshakeStatus::NeedMore;
    int m_httpStatus = 0;
    QString m_failureReason;
    QString m_subprotocol;
    std::optional<DeflateParams> m_deflate;
    HttpHeaders m_headers;
    QByteArray m_leftover;
    QByteArray m_body;
    BodyFraming m_bodyFraming = BodyFraming::Done;
    qint64 m_bodyRemaining = 0; // Length: bytes still to come; Chunked: of the current chunk
    bool m_chunkNeedsCrlf = false;
};

} // namespace closecall::protocol
