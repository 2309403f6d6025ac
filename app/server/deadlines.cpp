#include "deadlines.h"

#include <QtCore/QTimer>

namespace closecall::server {

Deadlines::Deadlines(Clock clock, Expired expired, QObject *parent)
    : m_clock(std::move(clock))
    , m_expired(std::move(expired))
    , m_timer(new QTimer(parent))
{
    m_timer->setSingleShot(true);
    // A 300 ms close timeout must not fire 15 ms late (CoarseTimer's 5 %).
    m_timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(m_timer, &QTimer::timeout, m_timer, [this] { fire(); });
}

Deadlines::~Deadlines()
{
    delete m_timer;
}

Deadlines::Handle Deadlines::add(qint64 inMs, quint32 conn)
{
    const qint64 at = m_clock() + qMax<qint64>(inMs, 0);
    // Handshake deadlines arrive in order: the hint makes them O(1).
    const Handle h = m_map.emplace_hint(m_map.end(), at, conn);
    if (m_armedFor < 0 || at < m_armedFor)
        arm();
    return h;
}

void Deadlines::cancel(Handle h)
{
    // Lazily: the timer may fire for nothing, which costs less than
    // re-arming it on every cancellation (one per opened connection).
    if (h != m_map.end())
        m_map.erase(h);
}

void Deadlines::arm()
{
    if (m_map.empty()) {
        m_timer->stop();
        m_armedFor = -1;
        return;
    }
    m_armedFor = m_map.begin()->first;
    m_timer->start(int(qBound(qint64(0), m_armedFor - m_clock(), qint64(24 * 3600 * 1000))));
}

void Deadlines::fire()
{
    m_armedFor = -1;
    const qint64 now = m_clock();
    // One at a time: the entry is gone before its handler runs, and a
    // handler may add or cancel other deadlines (shutdown aborts many).
    while (!m_map.empty() && m_map.begin()->first <= now) {
        const quint32 conn = m_map.begin()->second;
        m_map.erase(m_map.begin());
        m_expired(conn);
    }
    arm();
}

} // namespace closecall::server
