#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

// The byte pipe under one connection: plain TCP (PlainTransport, epoll) or
// TLS (TlsTransport, QSslSocket). The Connection above it speaks only this.
namespace closecall::server {

// Back-pressure, the same for ws:// and wss:// (docs/architecture.md): a
// peer that does not read what we send (echoes, Pongs) stops being read
// from once this much output waits for it, so it cannot grow our memory;
// reading resumes when the output has drained below the low mark.
inline constexpr qsizetype OutputHighWater = 4 * 1024 * 1024;
inline constexpr qsizetype OutputLowWater = 1024 * 1024;

// What a transport reports to its connection. Called only from the
// transport's own I/O handlers, never from inside a call the connection
// made on the transport, so the connection is never re-entered.
class TransportOwner
{
public:
    virtual ~TransportOwner() = default;
    // Bytes read; the buffer is the engine's shared read buffer and may be
    // modified in place (unmasking). Valid only during the call.
    virtual void onTransportData(char *data, qsizetype size) = 0;
    // The peer's FIN (reset false) or RST (reset true) while open.
    virtual void onTransportEof(bool reset) = 0;
    // The transport could not be set up (TLS handshake failed).
    virtual void onTransportError(const QString &message) = 0;
    // A closeAfterFlush() finished: the socket is closed.
    virtual void onTransportClosed() = 0;
    // Asked before each read while the connection is open: false while the
    // engine holds reading because the event stream's reader is behind
    // (docs/headless.md "When the reader falls behind"). The transport then
    // stops reading, and asking, until resumeReading().
    virtual bool mayRead() = 0;
    // Output that had backed up beyond OutputHighWater has drained below
    // OutputLowWater (proxy mode: the other leg may be read again).
    virtual void onOutputDrained() {}
};

class Transport
{
public:
    virtual ~Transport() = default;

    // Writes what the socket takes now, keeps the rest, and leaves `data`
    // empty (keeping its capacity when it could, for the next batch).
    virtual void write(QByteArray &data) = 0;
    // Output accepted by write() that the peer's kernel did not take yet
    // (for TLS: plaintext and encrypted bytes both).
    virtual qsizetype pendingBytes() const = 0;

    // RFC 6455 §7.1.1: the server closes TCP first. Flushes, sends FIN, and
    // drains until the peer's FIN (so our last frames are never destroyed by
    // an RST for unread data); then onTransportClosed().
    virtual void closeAfterFlush() = 0;
    // Close now without waiting (the peer is gone, or the lingering close
    // ran out of time). No callback.
    virtual void closeNow() = 0;
    // RST (SO_LINGER 0); unsent data is dropped. No callback.
    virtual void reset() = 0;

    // Bytes received from the peer that the owner has not been given yet,
    // as far as they are known as WebSocket bytes: plain TCP's kernel
    // receive queue; for TLS only what is decrypted and not yet read (the
    // encrypted bytes cannot be mapped to frames). docs/headless.md "crossed".
    virtual qsizetype unreadInputBytes() const = 0;

    // The peer's FIN is already queued: it closed TCP before we did.
    virtual bool peerHasClosed() const = 0;
    virtual bool isClosed() const = 0;
    // Gives back idle buffer capacity.
    virtual void releaseMemory() = 0;
    // The engine reads again after mayRead() said no: reading resumes on a
    // later turn (never from inside this call). Either hold, this one or
    // the transport's own output back-pressure, keeps the socket unread.
    virtual void resumeReading() = 0;
};

} // namespace closecall::server
