#include "eventbacklog.h"

namespace closecall::server {

namespace {
// An Event in its batch with its fields' allocations (tests/bench/bench_event_memory
// measures 180-211 bytes for the common kinds).
constexpr qint64 BaseCost = 200;
// A QString holds UTF-16.
qint64 textCost(const QString &text)
{
    return 2 * text.size();
}
} // namespace

EventBacklog::EventBacklog(qint64 limit, std::function<void()> wake)
    : m_limit(qMax<qint64>(limit, 0))
    , m_wake(std::move(wake))
{}

qint64 EventBacklog::costOf(const Event &event)
{
    // The common kinds first, without a visit: message_in and message_out.
    if (const auto *in = event.get<events::MessageIn>())
        return BaseCost + in->preview.size();
    if (const auto *out = event.get<events::MessageOut>())
        return BaseCost + out->preview.size();
    if (const events::Payload *p = event.messagePayload())
        return BaseCost + p->preview.size();
    if (const auto *open = event.get<events::Open>()) {
        qint64 cost = BaseCost + textCost(open->remote) + textCost(open->path) +
                      textCost(open->query) + textCost(open->subprotocol) + textCost(open->origin) +
                      textCost(open->userAgent);
        for (const auto &[name, value] : open->headers)
            cost += 32 + name.size() + value.size();
        return cost;
    }
    if (const auto *result = event.get<events::Result>())
        return BaseCost + result->id.size() + textCost(result->error) + result->data.size();
    if (const auto *error = event.get<events::Error>())
        return BaseCost + textCost(error->message);
    if (const auto *failed = event.get<events::HandshakeFailed>())
        return BaseCost + textCost(failed->remote) + textCost(failed->reason);
    if (const auto *closed = event.get<events::Closed>())
        return BaseCost + textCost(closed->reason);
    if (const auto *sent = event.get<events::CloseSent>())
        return BaseCost + textCost(sent->reason);
    if (const auto *received = event.get<events::CloseReceived>())
        return BaseCost + textCost(received->reason);
    return BaseCost;
}

qint64 EventBacklog::costOf(const EventBatch &batch)
{
    qint64 cost = 0;
    for (const Event &event : batch)
        cost += costOf(event);
    return cost;
}

bool EventBacklog::waitForLowWater()
{
    m_waiting.store(true);
    if (m_bytes.load() >= lowWater())
        return true;
    // The consumer caught up in the meantime: take the wait back, unless
    // its wake is already on its way (then the engine waits for it).
    return !m_waiting.exchange(false);
}

void EventBacklog::consumed(const EventBatch &batch)
{
    const qint64 cost = costOf(batch);
    const qint64 left = m_bytes.fetch_sub(cost) - cost;
    if (left < lowWater() && m_waiting.exchange(false) && m_wake)
        m_wake();
}

} // namespace closecall::server
