#pragma once

#include <QtCore/QObject>

#include <functional>

class QSocketNotifier;

namespace closecall::server {

// One epoll set for every plain connection of the engine, watched by a
// single QSocketNotifier. A QTcpSocket per connection costs several KB and
// three notifiers; an epoll entry costs the engine nothing in user space,
// which is what keeps an idle connection under 1 KB (docs/architecture.md
// "Performance targets"). Level
// triggered: whatever a wake-up leaves unread wakes us again, so one busy
// connection cannot starve the others.
class Poller final
{
public:
    // handler(key, epoll events): key is what add() was given.
    using Handler = std::function<void(quint64 key, quint32 events)>;

    Poller(Handler handler, QObject *parent);
    ~Poller();
    Q_DISABLE_COPY_MOVE(Poller)

    bool isValid() const { return m_epfd >= 0; }
    bool add(int fd, quint64 key, quint32 events);
    bool modify(int fd, quint64 key, quint32 events);
    void remove(int fd);

private:
    void dispatch();

    Handler m_handler;
    int m_epfd = -1;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace closecall::server
