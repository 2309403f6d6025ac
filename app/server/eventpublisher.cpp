#include "eventpublisher.h"

#include "eventbacklog.h"

#include <QtCore/QTimer>

#include <chrono>
#include <cstring>

namespace closecall::server {

namespace {
// ~20 batches a second at most: enough for a live view, and a flood of
// frames turns into a few large batches instead of many small ones.
constexpr qint64 MinBatchIntervalUs = 50'000;
// A batch this large goes out at once, so memory and latency stay bounded
// under an extreme flood.
constexpr qsizetype MaxBatchEvents = 65'536;

qint64 wallClockUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}
} // namespace

EventPublisher::EventPublisher(Sink sink, QObject *timerParent, EventBacklog *backlog)
    : m_sink(std::move(sink))
    , m_backlog(backlog)
    , m_timer(new QTimer(timerParent))
{
    m_timer->setSingleShot(true);
    QObject::connect(m_timer, &QTimer::timeout, m_timer, [this] { flush(); });
    startClock();
}

EventPublisher::~EventPublisher()
{
    delete m_timer;
}

void EventPublisher::startClock()
{
    m_clock.start();
    m_startWallUs = wallClockUs();
}

qint64 EventPublisher::nowUs() const
{
    return m_clock.nsecsElapsed() / 1000;
}

void EventPublisher::stamp(Event &event) const
{
    event.tUs = nowUs();
    event.wallUs = wallUs(event.tUs);
}

void EventPublisher::publish(Event &&event)
{
    event.seq = ++m_seq;
    if (event.wallUs == 0) // the wall clock is never at the epoch itself
        stamp(event);
    if (m_backlog)
        m_backlog->published(event);
    m_pending.append(std::move(event));
    if (m_pending.size() >= MaxBatchEvents)
        flush();
    else if (m_pending.size() == 1)
        schedule();
}

QByteArray EventPublisher::preview(QByteArrayView payload)
{
    const QByteArrayView bytes = payload.first(qMin(payload.size(), MaxPreviewBytes));
    // Equal sizes first: memcmp only when it may match.
    const bool same = !m_lastPreview.isNull() && bytes.size() == m_lastPreview.size() &&
                      (bytes.isEmpty() || std::memcmp(bytes.data(), m_lastPreview.constData(),
                                                      size_t(bytes.size())) == 0);
    if (!same)
        m_lastPreview = bytes.toByteArray();
    return m_lastPreview;
}

void EventPublisher::schedule()
{
    if (m_timer->isActive())
        return;
    const qint64 waitUs = m_lastFlushUs + MinBatchIntervalUs - nowUs();
    m_timer->start(waitUs > 0 ? int((waitUs + 999) / 1000) : 0);
}

void EventPublisher::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    m_lastFlushUs = nowUs();
    // Moved out, so the receiver's copy is the only reference (no detach).
    // The next batch starts with room for as many events as this one had:
    // under a steady load it never regrows (each regrowth moves every event
    // in it, tests/bench/README.md "The logged path").
    EventBatch next;
    next.reserve(m_pending.size());
    const EventBatch batch = std::exchange(m_pending, std::move(next));
    m_sink(batch);
}

} // namespace closecall::server
