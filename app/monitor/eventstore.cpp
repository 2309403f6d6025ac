#include "eventstore.h"

#include <algorithm>

namespace closecall::monitor {

using server::Event;

EventStore::EventStore(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(capacity, 1))
{}

void EventStore::append(const Event &event)
{
    if (size() < m_capacity) {
        m_events.push_back(event);
        return;
    }
    m_events[m_head] = event; // overwrite the oldest, reusing its slot
    m_head = (m_head + 1) % m_events.size();
    ++m_dropped;
}

void EventStore::append(Event &&event)
{
    if (size() < m_capacity) {
        m_events.push_back(std::move(event));
        return;
    }
    m_events[m_head] = std::move(event);
    m_head = (m_head + 1) % m_events.size();
    ++m_dropped;
}

void EventStore::append(const server::EventBatch &batch)
{
    // A batch larger than the whole store: only its tail can survive.
    qsizetype from = 0;
    if (batch.size() > m_capacity) {
        from = batch.size() - m_capacity;
        m_dropped += quint64(size()) + quint64(from);
        m_events.clear();
        m_head = 0;
    }
    if (m_events.empty())
        m_events.reserve(size_t(std::min(m_capacity, batch.size() - from)));
    for (qsizetype i = from; i < batch.size(); ++i)
        append(batch.at(i));
}

void EventStore::linearize()
{
    if (m_head == 0)
        return;
    std::rotate(m_events.begin(), m_events.begin() + qsizetype(m_head), m_events.end());
    m_head = 0;
}

void EventStore::setCapacity(qsizetype capacity)
{
    capacity = std::max<qsizetype>(capacity, 1);
    linearize();
    if (size() > capacity) {
        const qsizetype excess = size() - capacity;
        m_events.erase(m_events.begin(), m_events.begin() + excess);
        m_dropped += quint64(excess);
        m_events.shrink_to_fit();
    }
    m_capacity = capacity;
}

void EventStore::clear()
{
    std::vector<Event>().swap(m_events); // give the memory back
    m_head = 0;
    m_dropped = 0;
}

} // namespace closecall::monitor
