#pragma once

#include "sockets.h"

#include <QtNetwork/QTcpServer>

#include <functional>

namespace closecall::server {

class Poller;

// The listening socket. QTcpServer opens it (address parsing, dual-stack,
// SO_REUSEADDR, the "already in use" error), then accepting moves to the
// engine's epoll set: accept4() hands back a non-blocking descriptor and the
// peer's address in one syscall, where QTcpServer needs four more per
// connection, and no QTcpSocket is ever built (docs/architecture.md, "Why
// plain ws:// uses epoll directly").
class Listener final : public QTcpServer
{
    Q_OBJECT

public:
    using Accept = std::function<void(int fd, const sockets::PeerAddress &peer)>;
    using Error = std::function<void(const QString &message)>;

    // The epoll key reserved for the listening socket (connection ids start at 1).
    static constexpr quint64 PollKey = 0;

    Listener(Accept accept, Error error, Poller &poller, QObject *parent);

    // Listens, and moves accepting to the poller.
    bool start(const QHostAddress &address, quint16 port);
    // Closes the listening socket: nothing more is accepted.
    void stop();
    // The listening socket is readable: accept what is waiting.
    void onReadable();
    // While the engine holds reading (docs/headless.md "When the reader
    // falls behind"), connections wait in the kernel's backlog unaccepted.
    void holdAccepting();
    void releaseAccepting();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void suspend(int error);

    Accept m_accept;
    Error m_error;
    Poller &m_poller;
    bool m_suspended = false;
    bool m_held = false;
};

} // namespace closecall::server
