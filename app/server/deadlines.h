#pragma once

#include <QtCore/QtGlobal>

#include <functional>
#include <map>

class QObject;
class QTimer;

namespace closecall::server {

// Every per-connection timeout (handshake, close, close output, lingering
// close, finishing a message) in one ordered map behind one precise QTimer.
// A QTimer per connection would cost a QObject each and make the event
// dispatcher's timer list linear in the number of connections.
class Deadlines final
{
public:
    using Map = std::multimap<qint64, quint32>; // deadline (ms on the engine clock) → conn id
    using Handle = Map::iterator;
    using Clock = std::function<qint64()>; // ms on the engine clock
    // Called after the entry is removed: the owner forgets its handle
    // (without cancelling it) before anything else.
    using Expired = std::function<void(quint32 conn)>;

    Deadlines(Clock clock, Expired expired, QObject *parent);
    ~Deadlines();
    Q_DISABLE_COPY_MOVE(Deadlines)

    Handle add(qint64 inMs, quint32 conn);
    void cancel(Handle h);
    Handle none() { return m_map.end(); }
    bool isNone(Handle h) const { return h == m_map.end(); }

private:
    void arm();
    void fire();

    Clock m_clock;
    Expired m_expired;
    Map m_map;
    QTimer *m_timer;
    qint64 m_armedFor = -1;
};

} // namespace closecall::server
