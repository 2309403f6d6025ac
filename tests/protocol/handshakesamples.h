// Requests, responses and keys shared by the server-side (tst_handshake)
// and client-side (tst_clienthandshake) tests of the RFC 6455 §4 upgrade.
#pragma once

#include "protocol/handshake.h"

#include <QtCore/QByteArray>

namespace handshakesamples {

using closecall::protocol::HttpHeaders;

// RFC 6455 §1.3 / §4.2.2 example key and its accept value.
inline const QByteArray RfcKey = "dGhlIHNhbXBsZSBub25jZQ==";
inline const QByteArray RfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

inline HttpHeaders goodHeaders()
{
    return {{"Host", "example.com:9001"},   {"User-Agent", "tst_handshake/1.0"},
            {"Upgrade", "websocket"},       {"Connection", "Upgrade"},
            {"Sec-WebSocket-Key", RfcKey},  {"Origin", "http://example.com"},
            {"Sec-WebSocket-Version", "13"}};
}

inline QByteArray makeRequest(const HttpHeaders &headers,
                              const QByteArray &requestLine = "GET /chat?room=1 HTTP/1.1")
{
    QByteArray out = requestLine + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out + "\r\n";
}

inline HttpHeaders withHeader(HttpHeaders headers, const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return headers;
        }
    }
    headers.append({name, value});
    return headers;
}

inline HttpHeaders without(HttpHeaders headers, const QByteArray &name)
{
    headers.removeIf(
        [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    return headers;
}

inline QByteArray goodRequest()
{
    return makeRequest(goodHeaders());
}

inline QByteArray response101(const QByteArray &accept, const QByteArray &extra = {})
{
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: " +
           accept + "\r\n" + extra + "\r\n";
}

// A masked client Text frame "Hi" (RFC 6455 §5.7), as a client would send
// right behind its request without waiting for the 101.
inline const QByteArray ClientFrame("\x81\x82\x37\xfa\x21\x3d\x7f\x93", 8);

} // namespace handshakesamples
