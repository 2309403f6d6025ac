#include "connector.h"

#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>
#include <QtNetwork/QHostInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace closecall::server {

Connector::Connector(QString host, quint16 port, int timeoutMs, Done done, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_timeoutMs(timeoutMs)
    , m_done(std::move(done))
{}

Connector::~Connector()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    closeSocket();
}

void Connector::start()
{
    m_clock.start();
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        finish(-1, tr("no connection to %1 port %2 within %3 ms")
                       .arg(m_host)
                       .arg(m_port)
                       .arg(m_timeoutMs));
    });
    m_timer->start(m_timeoutMs);

    // An address needs no lookup; it is still tried from the event loop,
    // so the result never comes from inside start().
    if (QHostAddress literal; literal.setAddress(m_host)) {
        m_addresses = {literal};
        QTimer::singleShot(0, this, [this] { tryNext(); });
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_host, this, &Connector::onResolved);
}

void Connector::onResolved(const QHostInfo &info)
{
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        finish(-1,
               tr("cannot resolve %1: %2")
                   .arg(m_host, info.error() == QHostInfo::NoError ? tr("the name has no address")
                                                                   : info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    tryNext();
}

void Connector::tryNext()
{
    while (m_next < m_addresses.size()) {
        const QHostAddress address = m_addresses[m_next];
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            auto *in = reinterpret_cast<sockaddr_in *>(&storage);
            in->sin_family = AF_INET;
            in->sin_port = htons(m_port);
            in->sin_addr.s_addr = htonl(address.toIPv4Address());
            length = sizeof(sockaddr_in);
        } else {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(m_port);
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, &bytes, 16);
            in6->sin6_scope_id = address.scopeId().toUInt();
            length = sizeof(sockaddr_in6);
        }
        m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            m_failures.append(address.toString() + u": " + QString::fromLocal8Bit(strerror(errno)));
            ++m_next;
            continue;
        }
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&storage), length) == 0) {
            finish(std::exchange(m_fd, -1), {});
            return;
        }
        if (errno == EINPROGRESS) {
            m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
            connect(m_notifier, &QSocketNotifier::activated, this, &Connector::onWritable);
            return;
        }
        m_failures.append(address.toString() + u": " + QString::fromLocal8Bit(strerror(errno)));
        closeSocket();
        ++m_next;
    }
    finish(
        -1,
        tr("cannot connect to %1 port %2: %3").arg(m_host).arg(m_port).arg(m_failures.join(u"; ")));
}

void Connector::onWritable()
{
    // A non-blocking connect() is done when the socket turns writable;
    // SO_ERROR says whether it succeeded (RFC 793 handshake or RST).
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    delete m_notifier;
    m_notifier = nullptr;
    if (error == 0) {
        finish(std::exchange(m_fd, -1), {});
        return;
    }
    m_failures.append(m_addresses[m_next].toString() + u": " +
                      QString::fromLocal8Bit(strerror(error)));
    closeSocket();
    ++m_next;
    tryNext();
}

void Connector::closeSocket()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void Connector::finish(int fd, const QString &error)
{
    if (m_finished) {
        if (fd >= 0)
            ::close(fd);
        return;
    }
    m_finished = true;
    if (m_timer)
        m_timer->stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    closeSocket();
    const QHostAddress address = fd >= 0 ? m_addresses.value(m_next) : QHostAddress();
    m_done(fd, address, error);
}

} // namespace closecall::server
