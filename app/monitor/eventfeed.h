#pragma once

#include "server/event.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <deque>
#include <functional>

// Between the engine and the GUI models (docs/architecture.md "Threads"): connect
// Engine::eventsReady (queued) to onEvents(). Each batch goes to the
// connections table and the log; if batches come faster than one per
// coalesce interval (50 ms), they are gathered and applied together, so a
// flood of 20,000 messages a second costs the views a few model updates a
// second, never one signal per message. When idle, a batch is applied at
// once.
namespace closecall::monitor {

class ConnectionTableModel;
class LogModel;

class EventFeed final : public QObject
{
    Q_OBJECT

public:
    // Either model may be null (e.g. a test of one).
    EventFeed(ConnectionTableModel *connections, LogModel *log, QObject *parent = nullptr);
    ~EventFeed() override;

    // Data messages a second over the last second, for the status bar.
    struct Rates
    {
        double messagesIn = 0;
        double messagesOut = 0;
        double bytesIn = 0;
        double bytesOut = 0;
    };
    Rates rates() const;

    // The rates' time source, in ms on a monotonic clock (default: since
    // construction). Tests pin it so that a busy machine cannot move a
    // burst out of the one-second window.
    using Clock = std::function<qint64()>;
    void setClock(Clock msNow);

    // The minimum gap between two model updates, in ms (default 50; 0 =
    // apply every batch as it comes).
    int coalesceIntervalMs() const { return m_intervalMs; }
    void setCoalesceIntervalMs(int ms);

    // Events received, and model updates made, since construction.
    quint64 eventsReceived() const { return m_eventsReceived; }
    quint64 updatesApplied() const { return m_updates; }
    // Events waiting for the coalescing timer.
    qsizetype pendingEvents() const { return m_pending.size(); }

public Q_SLOTS:
    void onEvents(const closecall::server::EventBatch &batch);
    // Applies what is waiting now (e.g. before an export).
    void flush();

Q_SIGNALS:
    // After each model update: the status bar refreshes its figures.
    void applied(qsizetype events);

private:
    void count(const server::EventBatch &batch);

    ConnectionTableModel *m_connections;
    LogModel *m_log;
    server::EventBatch m_pending;
    QTimer m_timer;
    QElapsedTimer m_sinceApply;
    int m_intervalMs = 50;
    quint64 m_eventsReceived = 0;
    quint64 m_updates = 0;

    // Per-100 ms buckets of data messages, newest last (the last second).
    struct Bucket
    {
        qint64 slot = 0; // ms / 100 on m_now
        quint64 msgsIn = 0, msgsOut = 0, bytesIn = 0, bytesOut = 0;
    };
    std::deque<Bucket> m_buckets;
    QElapsedTimer m_clock;
    Clock m_now;
};

} // namespace closecall::monitor
