#include "eventfeed.h"

#include "connectiontablemodel.h"
#include "logmodel.h"

namespace closecall::monitor {

using server::EventType;

namespace {
constexpr qint64 BucketMs = 100;
constexpr qint64 WindowBuckets = 10; // one second
} // namespace

EventFeed::EventFeed(ConnectionTableModel *connections, LogModel *log, QObject *parent)
    : QObject(parent)
    , m_connections(connections)
    , m_log(log)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventFeed::flush);
    m_clock.start();
    m_now = [this] {
        return m_clock.elapsed();
    };
}

EventFeed::~EventFeed() = default;

void EventFeed::setClock(Clock msNow)
{
    m_now = std::move(msNow);
}

void EventFeed::setCoalesceIntervalMs(int ms)
{
    m_intervalMs = std::max(ms, 0);
}

void EventFeed::onEvents(const server::EventBatch &batch)
{
    if (batch.isEmpty())
        return;
    m_eventsReceived += quint64(batch.size());
    count(batch);
    // Idle (nothing waiting, the last update long enough ago): apply at
    // once, so a single event shows without delay. Otherwise gather until
    // the interval since the last update has passed.
    if (m_pending.isEmpty() && !m_timer.isActive() &&
        (!m_sinceApply.isValid() || m_sinceApply.elapsed() >= m_intervalMs)) {
        m_pending = batch;
        flush();
        return;
    }
    m_pending.append(batch);
    if (!m_timer.isActive()) {
        const qint64 wait = m_sinceApply.isValid() ? m_intervalMs - m_sinceApply.elapsed() : 0;
        m_timer.start(int(std::clamp<qint64>(wait, 0, m_intervalMs)));
    }
}

void EventFeed::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    const server::EventBatch batch = std::exchange(m_pending, {});
    if (m_connections)
        m_connections->applyBatch(batch);
    if (m_log)
        m_log->applyBatch(batch);
    ++m_updates;
    m_sinceApply.start();
    Q_EMIT applied(batch.size());
}

void EventFeed::count(const server::EventBatch &batch)
{
    const qint64 slot = m_now() / BucketMs;
    if (m_buckets.empty() || m_buckets.back().slot != slot)
        m_buckets.push_back(Bucket{slot, 0, 0, 0, 0});
    while (m_buckets.front().slot <= slot - WindowBuckets)
        m_buckets.pop_front();
    Bucket &b = m_buckets.back();
    for (const server::Event &e : batch) {
        if (const auto *in = e.get<server::events::MessageIn>()) {
            ++b.msgsIn;
            b.bytesIn += quint64(in->size);
        } else if (const auto *out = e.get<server::events::MessageOut>()) {
            ++b.msgsOut;
            b.bytesOut += quint64(out->size);
        }
    }
}

EventFeed::Rates EventFeed::rates() const
{
    // The buckets of the last second (the current one included): at a
    // steady rate the sum is the rate per second.
    const qint64 slot = m_now() / BucketMs;
    Rates r;
    for (const Bucket &b : m_buckets) {
        if (b.slot <= slot - WindowBuckets)
            continue;
        r.messagesIn += double(b.msgsIn);
        r.messagesOut += double(b.msgsOut);
        r.bytesIn += double(b.bytesIn);
        r.bytesOut += double(b.bytesOut);
    }
    return r;
}

} // namespace closecall::monitor
