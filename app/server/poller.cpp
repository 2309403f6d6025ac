#include "poller.h"

#include <QtCore/QSocketNotifier>

#include <sys/epoll.h>
#include <unistd.h>

namespace closecall::server {

namespace {
// Events taken per wake-up; the rest wait for the next turn of the event
// loop, so timers and queued commands run between batches.
constexpr int MaxEventsPerWake = 256;
} // namespace

Poller::Poller(Handler handler, QObject *parent)
    : m_handler(std::move(handler))
    , m_epfd(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epfd < 0)
        return;
    m_notifier = new QSocketNotifier(m_epfd, QSocketNotifier::Read, parent);
    QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [this] { dispatch(); });
}

Poller::~Poller()
{
    delete m_notifier;
    if (m_epfd >= 0)
        ::close(m_epfd);
}

bool Poller::add(int fd, quint64 key, quint32 events)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = key;
    return ::epoll_ctl(m_epfd, EPOLL_CTL_ADD, fd, &ev) == 0;
}

bool Poller::modify(int fd, quint64 key, quint32 events)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = key;
    return ::epoll_ctl(m_epfd, EPOLL_CTL_MOD, fd, &ev) == 0;
}

void Poller::remove(int fd)
{
    epoll_event ev{};
    ::epoll_ctl(m_epfd, EPOLL_CTL_DEL, fd, &ev);
}

void Poller::dispatch()
{
    epoll_event events[MaxEventsPerWake];
    const int n = ::epoll_wait(m_epfd, events, MaxEventsPerWake, 0);
    // Keys, not pointers: a handler may end a connection whose events are
    // later in this same array; the key lookup then finds nothing.
    for (int i = 0; i < n; ++i)
        m_handler(events[i].data.u64, events[i].events);
}

} // namespace closecall::server
