#pragma once

#include "event.h"

#include <QtCore/QElapsedTimer>

#include <functional>

class QObject;
class QTimer;

namespace closecall::server {

class EventBacklog;

// Stamps every event (seq, monotonic and wall-clock microseconds) on the
// engine thread and hands them on in batches: at once (next event-loop
// turn) when idle, at most ~20 batches a second under load, so a flood of
// frames costs one queued signal per batch, not one per frame (docs/architecture.md).
class EventPublisher final
{
public:
    using Sink = std::function<void(const EventBatch &)>;

    // Every event published is counted in `backlog` (when given) until the
    // front end says it is written.
    EventPublisher(Sink sink, QObject *timerParent, EventBacklog *backlog = nullptr);
    ~EventPublisher();
    Q_DISABLE_COPY_MOVE(EventPublisher)

    // Restarts the clock: t_us counts from here (the engine's start).
    void startClock();
    qint64 nowUs() const;
    qint64 nowMs() const { return m_clock.elapsed(); }
    qint64 wallUs(qint64 tUs) const { return m_startWallUs + tUs; }

    // Stamps it with the time now (t_us and `time`), without publishing.
    void stamp(Event &event) const;
    // Numbers it, stamps it (unless stamp() did), then queues it for the
    // next batch.
    void publish(Event &&event);
    // Hands on what is queued now.
    void flush();

private:
    void schedule();

    Sink m_sink;
    EventBacklog *m_backlog;
    QElapsedTimer m_clock;
    qint64 m_startWallUs = 0;
    quint64 m_seq = 0;
    EventBatch m_pending;
    QTimer *m_timer;
    qint64 m_lastFlushUs = -1'000'000'000;
};

} // namespace closecall::server
