#pragma once

#include <QtCore/QString>
#include <QtCore/QtGlobal>

#include <sys/socket.h>

// Thin POSIX helpers for what QAbstractSocket cannot do: an abortive close
// (RST), a peek for a pending FIN, and naming the peer without a QObject.
namespace closecall::server::sockets {

// TCP_NODELAY: frames are batched by us, so Nagle would only add latency
// to the last frame of a batch.
void setNoDelay(int fd);

// RFC 793 §3.5 "abort": SO_LINGER {on, 0} makes close() send an RST and
// drop unsent data, instead of a FIN. QAbstractSocket::setSocketOption has
// no SO_LINGER, hence the raw setsockopt.
void setAbortiveClose(int fd);
void resetAndClose(int fd);

// True when the peer's FIN is already queued on `fd` (a zero-length peek):
// the peer closed TCP before us. Never blocks, consumes nothing.
bool peerHasClosed(int fd);

// Bytes in the kernel's receive queue of `fd` not read yet (FIONREAD), 0
// when it cannot tell.
qsizetype unreadBytes(int fd);

// The peer's address, kept compact (an idle connection holds one) and
// formatted only when an event or `list` shows it.
struct PeerAddress
{
    quint8 bytes[16] = {};
    quint16 port = 0;
    quint8 family = 0; // 4, 6, or 0 = unknown

    // "127.0.0.1:53211", "[::1]:53211" (IPv4-mapped addresses shown as IPv4).
    QString toString() const;
};

PeerAddress peerAddress(const sockaddr_storage &address);
sockaddr_storage peerOf(int fd); // getpeername()

} // namespace closecall::server::sockets
