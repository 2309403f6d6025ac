#pragma once

#include "eventview.h"
#include "server/event.h"

#include <QtCore/QtGlobal>

#include <deque>
#include <limits>

// A bounded log of engine events, oldest first: the headless mode keeps one
// for `export`. Bounded by a count and by a byte budget: when either is
// passed, the oldest events are pushed out and `dropped()` counts them (an
// export says how many). Not thread-safe: it belongs to the thread that
// receives the engine's batches.
//
// Memory: events are stored as given, sizeof(Event) (80 bytes on 64-bit;
// see tst_eventstore) plus the heap blocks of the strings and previews each
// one holds (e.g. a 5-byte text message adds one ~40-byte QByteArray
// block; open, handshake_failed and result keep their fields in one shared
// block). estimatedBytes() adds those up per event (as malloc rounds
// them), and the byte budget is checked against that sum, memoryBytes();
// tests/bench/bench_event_memory compares it with the heap really used.
// Slots are allocated as events arrive, not up front, so an idle store
// costs nothing.
namespace closecall::monitor {

class EventStore final
{
public:
    static constexpr qsizetype DefaultCapacity = 1'000'000;
    // The headless log's budget (docs/headless.md `export`): 64 MiB, some
    // 300,000 events of the common kinds.
    static constexpr qsizetype DefaultByteBudget = 64 * 1024 * 1024;
    static constexpr qsizetype NoLimit = std::numeric_limits<qsizetype>::max();

    explicit EventStore(qsizetype capacity = DefaultCapacity, qsizetype byteBudget = NoLimit);
    EventStore(EventStore &&) noexcept = default;
    EventStore &operator=(EventStore &&) noexcept = default;
    // Copying a million events by accident would be a long stall.
    EventStore(const EventStore &) = delete;
    EventStore &operator=(const EventStore &) = delete;

    void append(const server::Event &event);
    void append(server::Event &&event);
    void append(const server::EventBatch &batch);

    qsizetype size() const { return qsizetype(m_events.size()); }
    bool isEmpty() const { return m_events.empty(); }
    qsizetype capacity() const { return m_capacity; }
    qsizetype byteBudget() const { return m_byteBudget; }
    // What the events held cost, by estimatedBytes(): at most byteBudget(),
    // except that the newest event is kept whatever its size.
    qsizetype memoryBytes() const { return m_bytes; }
    // How many events were pushed out since construction or clear().
    quint64 dropped() const { return m_dropped; }
    // Every event ever appended (size() + dropped()).
    quint64 totalAppended() const { return m_dropped + quint64(m_events.size()); }

    // 0 is the oldest event still held, size() - 1 the newest.
    const server::Event &at(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < size());
        return m_events[size_t(i)];
    }
    const server::Event &operator[](qsizetype i) const { return at(i); }
    const server::Event &first() const { return at(0); }
    const server::Event &last() const { return at(size() - 1); }

    // Visits the events oldest first.
    template<typename F> void forEach(F &&visit) const
    {
        for (const server::Event &e : m_events)
            visit(e);
    }
    // The same as a view for the exporter (logexport.h), with dropped().
    EventView view() const
    {
        return EventView([this](const EventView::Visitor &visit) { forEach(visit); }, m_dropped);
    }

    // A new capacity (at least 1); when smaller than size(), the oldest go
    // and count as dropped.
    void setCapacity(qsizetype capacity);
    // A new byte budget; when memoryBytes() is over it, the oldest go and
    // count as dropped (the newest stays).
    void setByteBudget(qsizetype bytes);
    // Removes every event and resets dropped().
    void clear();

    // What storing `event` costs: its slot and the heap blocks it holds.
    static qsizetype estimatedBytes(const server::Event &event);

private:
    // Pushes out the oldest until both limits hold (the newest stays).
    void trim();

    // A deque: the oldest go from the front one by one when the byte
    // budget (not a fixed count) sets how many fit.
    std::deque<server::Event> m_events;
    qsizetype m_capacity;
    qsizetype m_byteBudget;
    qsizetype m_bytes = 0;
    quint64 m_dropped = 0;
};

} // namespace closecall::monitor
