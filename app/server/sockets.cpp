#include "sockets.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace closecall::server::sockets {

void setNoDelay(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void setAbortiveClose(int fd)
{
    if (fd < 0)
        return;
    const linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
}

void resetAndClose(int fd)
{
    if (fd < 0)
        return;
    setAbortiveClose(fd);
    ::close(fd);
}

bool peerHasClosed(int fd)
{
    if (fd < 0)
        return true;
    char c;
    ssize_t n;
    do {
        n = ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    // 0: orderly shutdown pending; ECONNRESET: the peer is gone too.
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

qsizetype unreadBytes(int fd)
{
    int n = 0;
    if (fd < 0 || ::ioctl(fd, FIONREAD, &n) != 0 || n < 0)
        return 0;
    return n;
}

sockaddr_storage peerOf(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        ss.ss_family = AF_UNSPEC;
    return ss;
}

PeerAddress peerAddress(const sockaddr_storage &ss)
{
    PeerAddress p;
    if (ss.ss_family == AF_INET) {
        const auto *a = reinterpret_cast<const sockaddr_in *>(&ss);
        p.family = 4;
        p.port = ntohs(a->sin_port);
        std::memcpy(p.bytes, &a->sin_addr, 4);
    } else if (ss.ss_family == AF_INET6) {
        const auto *a = reinterpret_cast<const sockaddr_in6 *>(&ss);
        p.port = ntohs(a->sin6_port);
        if (IN6_IS_ADDR_V4MAPPED(&a->sin6_addr)) {
            p.family = 4;
            std::memcpy(p.bytes, a->sin6_addr.s6_addr + 12, 4);
        } else {
            p.family = 6;
            std::memcpy(p.bytes, &a->sin6_addr, 16);
        }
    }
    return p;
}

QString PeerAddress::toString() const
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (family == 4) {
        ::inet_ntop(AF_INET, bytes, buf, sizeof buf);
        return QString::fromLatin1(buf) + u':' + QString::number(port);
    }
    if (family == 6) {
        ::inet_ntop(AF_INET6, bytes, buf, sizeof buf);
        return u'[' + QString::fromLatin1(buf) + u"]:" + QString::number(port);
    }
    return QStringLiteral("?");
}

} // namespace closecall::server::sockets
