#pragma once

#include "event.h"

#include <atomic>
#include <functional>

namespace closecall::server {

// The events the engine has published and the front end has not written
// yet (docs/headless.md "When the reader falls behind"), measured in bytes
// of memory they hold. The engine thread adds each event as it publishes
// it; the front end's thread takes each batch off once it has written it
// (stdout, the log file, the GUI's models). Past the limit the engine stops
// reading from peers; once the backlog is under a quarter of the limit
// again, `wake` tells it to read on. Events are never dropped: the bound
// comes from not reading what would make more of them.
class EventBacklog final
{
public:
    // `limit` 0: no limit (a consumer that does not report what it wrote,
    // as the engine's own tests). `wake` runs on the consumer's thread.
    EventBacklog(qint64 limit, std::function<void()> wake);
    Q_DISABLE_COPY_MOVE(EventBacklog)

    qint64 limit() const { return m_limit; }
    qint64 lowWater() const { return m_limit / 4; }
    // What an event holds in memory until it is written, roughly: its
    // place in the batch and whatever text and payload preview it carries.
    static qint64 costOf(const Event &event);
    static qint64 costOf(const EventBatch &batch);

    // Engine thread.
    void published(const Event &event)
    {
        m_bytes.fetch_add(costOf(event), std::memory_order_relaxed);
    }
    bool isOverLimit() const
    {
        return m_limit > 0 && m_bytes.load(std::memory_order_relaxed) >= m_limit;
    }
    // The engine stops reading: `wake` follows once the backlog falls under
    // low water. False when it already has (the engine reads on), so a
    // wake can never be missed between the check and the wait.
    bool waitForLowWater();

    // The consumer's thread: `batch` is written.
    void consumed(const EventBatch &batch);

    qint64 bytes() const { return m_bytes.load(std::memory_order_relaxed); }

private:
    const qint64 m_limit;
    const std::function<void()> m_wake;
    std::atomic<qint64> m_bytes{0};
    std::atomic<bool> m_waiting{false};
};

} // namespace closecall::server
