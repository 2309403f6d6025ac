#include "listener.h"

#include "poller.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cerrno>
#include <cstring>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace closecall::server {

namespace {
// Accepts per wake-up before the event loop gets a turn (level-triggered:
// the rest wake us again).
constexpr int MaxAcceptsPerWake = 64;
constexpr int RetryAfterMs = 1000;
} // namespace

Listener::Listener(Accept accept, Error error, Poller &poller, QObject *parent)
    : QTcpServer(parent)
    , m_accept(std::move(accept))
    , m_error(std::move(error))
    , m_poller(poller)
{
    // The kernel's backlog absorbs bursts of connects; Qt's default is 50.
    setListenBacklogSize(4096);
}

bool Listener::start(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    pauseAccepting(); // QTcpServer's own notifier stays off: epoll watches the socket
    if (!m_poller.add(int(socketDescriptor()), PollKey, EPOLLIN)) {
        close();
        return false;
    }
    return true;
}

void Listener::stop()
{
    if (isListening())
        close(); // the descriptor leaves the epoll set as it closes
}

void Listener::onReadable()
{
    const int lfd = int(socketDescriptor());
    for (int i = 0; i < MaxAcceptsPerWake && lfd >= 0; ++i) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        const int fd =
            ::accept4(lfd, reinterpret_cast<sockaddr *>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            m_accept(fd, sockets::peerAddress(ss));
            continue;
        }
        switch (errno) {
        case EINTR:
        case ECONNABORTED: // the client gave up while queued
        case EPROTO:
            continue;
        case EAGAIN:
            return;
        default:
            // EMFILE, ENFILE, ENOBUFS, ENOMEM: level-triggered epoll would
            // call us again at once, forever; step back and retry later.
            suspend(errno);
            return;
        }
    }
}

void Listener::suspend(int error)
{
    if (m_suspended)
        return;
    m_suspended = true;
    m_poller.remove(int(socketDescriptor()));
    m_error(
        QCoreApplication::translate("Listener", "cannot accept connections: %1; retrying in %2 s")
            .arg(QString::fromLocal8Bit(std::strerror(error)))
            .arg(RetryAfterMs / 1000));
    QTimer::singleShot(RetryAfterMs, this, [this] {
        m_suspended = false;
        if (isListening())
            m_poller.add(int(socketDescriptor()), PollKey, m_held ? 0u : quint32(EPOLLIN));
    });
}

void Listener::holdAccepting()
{
    if (m_held)
        return;
    m_held = true;
    if (!m_suspended && isListening())
        m_poller.modify(int(socketDescriptor()), PollKey, 0);
}

void Listener::releaseAccepting()
{
    if (!m_held)
        return;
    m_held = false;
    if (!m_suspended && isListening())
        m_poller.modify(int(socketDescriptor()), PollKey, EPOLLIN);
}

void Listener::incomingConnection(qintptr descriptor)
{
    // Not reached while accepting is paused; kept correct all the same.
    m_accept(int(descriptor), sockets::peerAddress(sockets::peerOf(int(descriptor))));
}

} // namespace closecall::server
