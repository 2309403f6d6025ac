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

    // The preview of a message or control frame (its first MaxPreviewBytes
    // bytes, docs/headless.md), as an event keeps it. When the bytes are
    // those of the last preview made, that one is shared instead of copied
    // (implicitly: previews are never changed): an echo's message_out shows
    // what its message_in did, and a peer repeating itself (heartbeats)
    // costs no allocation an event (tests/bench/README.md "The logged path").
    QByteArray preview(QByteArrayView payload);

private:
    void schedule();

    Sink m_sink;
    EventBacklog *m_backlog;
    QElapsedTimer m_clock;
    qint64 m_startWallUs = 0;
    quint64 m_seq = 0;
    EventBatch m_pending;
    QByteArray m_lastPreview;
    QTimer *m_timer;
    qint64 m_lastFlushUs = -1'000'000'000;
};

} // namespace closecall::server
