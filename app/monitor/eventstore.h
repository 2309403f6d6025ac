#pragma once

#include "eventview.h"
#include "server/event.h"

#include <QtCore/QtGlobal>

#include <vector>

// A bounded log of engine events, oldest first: the headless mode keeps one
// for `export`, the GUI's log model reads one. When full, each new event
// pushes out the oldest and `dropped()` counts them (the status bar says
// how many). Not thread-safe: it belongs to the thread that receives the
// engine's batches.
//
// Memory: events are stored as given, sizeof(Event) (80 bytes on 64-bit;
// see tst_eventstore) plus the heap blocks of the strings and previews each
// one holds (e.g. a 5-byte text message adds one ~40-byte QByteArray
// block; open, handshake_failed and result keep their fields in one shared
// block). Slots are allocated as events arrive, not up front, so
// an idle store costs nothing.
namespace closecall::monitor {

class EventStore final
{
public:
    static constexpr qsizetype DefaultCapacity = 1'000'000;

    explicit EventStore(qsizetype capacity = DefaultCapacity);
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
    // How many events were pushed out since construction or clear().
    quint64 dropped() const { return m_dropped; }
    // Every event ever appended (size() + dropped()).
    quint64 totalAppended() const { return m_dropped + quint64(m_events.size()); }

    // 0 is the oldest event still held, size() - 1 the newest.
    const server::Event &at(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < size());
        const auto n = m_events.size();
        const auto index = m_head + size_t(i);
        return m_events[index < n ? index : index - n];
    }
    const server::Event &operator[](qsizetype i) const { return at(i); }
    const server::Event &first() const { return at(0); }
    const server::Event &last() const { return at(size() - 1); }

    // Visits the events oldest first.
    template<typename F> void forEach(F &&visit) const
    {
        for (size_t i = m_head; i < m_events.size(); ++i)
            visit(m_events[i]);
        for (size_t i = 0; i < m_head; ++i)
            visit(m_events[i]);
    }
    // The same as a view for the exporter (logexport.h), with dropped().
    EventView view() const
    {
        return EventView([this](const EventView::Visitor &visit) { forEach(visit); }, m_dropped);
    }

    // A new capacity (at least 1); when smaller than size(), the oldest go
    // and count as dropped.
    void setCapacity(qsizetype capacity);
    // Removes every event and resets dropped().
    void clear();

private:
    void linearize(); // oldest at index 0

    std::vector<server::Event> m_events;
    size_t m_head = 0; // index of the oldest event once the buffer has wrapped
    qsizetype m_capacity;
    quint64 m_dropped = 0;
};

} // namespace closecall::monitor
