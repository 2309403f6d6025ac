#pragma once

#include "server/event.h"

#include <QtCore/QList>

#include <functional>
#include <utility>

// "For each event": a log read oldest first, one event at a time, whoever
// keeps it. The headless mode's EventStore (EventStore::view()) and the
// GUI's log model (logModelView(), logmodelexport.h) each give one, and the
// one exporter (exportLog(), logexport.h) writes from it, so a file looks
// the same whichever front end wrote it. A view borrows its log: use it at
// once, on the log's thread, while the log does not change.
namespace closecall::monitor {

class EventView final
{
public:
    using Visitor = std::function<void(const server::Event &)>;
    // Calls the visitor once per event, oldest first.
    using ForEach = std::function<void(const Visitor &)>;

    EventView() = default;
    explicit EventView(ForEach forEach, quint64 dropped = 0)
        : m_forEach(std::move(forEach))
        , m_dropped(dropped)
    {}

    // A list of events (a test's run, a batch).
    static EventView of(const QList<server::Event> &events)
    {
        return EventView([&events](const Visitor &visit) {
            for (const server::Event &e : events)
                visit(e);
        });
    }

    void forEach(const Visitor &visit) const
    {
        if (m_forEach)
            m_forEach(visit);
    }
    // How many older events the log no longer holds (it is bounded).
    quint64 dropped() const { return m_dropped; }

private:
    ForEach m_forEach;
    quint64 m_dropped = 0;
};

} // namespace closecall::monitor
