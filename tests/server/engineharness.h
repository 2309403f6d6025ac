#pragma once

// Runs a real EngineThread on loopback and collects its event stream on
// the test thread, with helpers to find events and send commands.

#include "deflaterun.h"
#include "server/enginethread.h"

#include <QtCore/QObject>
#include <QtTest/QtTest>

#include <functional>
#include <memory>
#include <optional>

namespace closecall::test {

using server::ConnSelector;
using server::Engine;
using server::EngineThread;
using server::Event;
using server::EventType;
using server::ServerConfig;
namespace events = server::events;

inline ServerConfig testConfig()
{
    ServerConfig c;
    c.port = 0;                       // any free port: tests run in parallel
    c.deflate.enabled = deflateRun(); // the suites' second run (deflaterun.h)
    return c;
}

// An event's header and its kind's fields in one value, so a test reads
// `closed.how` and `closed.state` alike. A blank one (seq 0, default
// fields) when the event was another kind.
template<typename Kind> struct Found : Kind
{
    Found() = default;
    explicit Found(const Event &e)
        : Kind(e.get<Kind>() ? *e.get<Kind>() : Kind())
        , seq(e.get<Kind>() ? e.seq : 0)
        , tUs(e.tUs)
        , wallUs(e.wallUs)
        , conn(e.conn)
        , state(e.state)
    {}
    quint64 seq = 0;
    qint64 tUs = 0;
    qint64 wallUs = 0;
    quint32 conn = 0;
    protocol::State state = protocol::State::Connecting;
    EventType type = server::kindOf<Kind>;
};

class EngineHarness final : public QObject
{
public:
    explicit EngineHarness(ServerConfig config = testConfig())
        : m_thread(std::make_unique<EngineThread>(std::move(config)))
    {
        Engine *engine = m_thread->engine();
        connect(engine, &Engine::eventsReady, this,
                [this](const server::EventBatch &batch) { events += batch; });
        connect(engine, &Engine::startFailed, this, [this](const QString &e) { startError = e; });
        connect(engine, &Engine::stopped, this, [this] { stopped = true; });
        m_thread->start();
    }

    Engine *engine() const { return m_thread->engine(); }

    // Waits for `listening`; returns the port (0 on failure).
    quint16 waitListening(int timeoutMs = 5000)
    {
        if (!QTest::qWaitFor(
                [&] { return find(EventType::Listening) >= 0 || !startError.isEmpty(); },
                timeoutMs))
            return 0;
        const int i = find(EventType::Listening);
        return i < 0 ? 0 : events[i].as<server::events::Listening>().port;
    }

    // Runs `f` on the engine thread (the way a front end sends a command).
    void command(std::function<void(Engine *)> f)
    {
        Engine *e = engine();
        QMetaObject::invokeMethod(
            e, [e, f] { f(e); }, Qt::QueuedConnection);
    }

    // Index of the first event of `type` (for `conn` when non-zero) at or
    // after `from`, or -1.
    int find(EventType type, quint32 conn = 0, int from = 0) const
    {
        for (int i = from; i < events.size(); ++i) {
            if (events[i].type() == type && (conn == 0 || events[i].conn == conn))
                return i;
        }
        return -1;
    }
    int find(EventType type, const std::function<bool(const Event &)> &pred, int from = 0) const
    {
        for (int i = from; i < events.size(); ++i) {
            if (events[i].type() == type && pred(events[i]))
                return i;
        }
        return -1;
    }
    bool waitFor(EventType type, quint32 conn = 0, int timeoutMs = 5000, int from = 0)
    {
        return QTest::qWaitFor([&] { return find(type, conn, from) >= 0; }, timeoutMs);
    }
    // The first event of `type` (for `conn` when non-zero), waiting up to
    // 5 s for it; a blank event (seq 0) when it never comes, so the test's
    // comparisons fail instead of the test crashing.
    Event first(EventType type, quint32 conn = 0)
    {
        waitFor(type, conn);
        const int i = find(type, conn);
        return i < 0 ? Event() : events[i];
    }
    // The same with the kind's fields next to the event's header:
    // first<events::Closed>(id).how, .state, .seq.
    template<typename Kind> Found<Kind> first(quint32 conn = 0)
    {
        return Found<Kind>(first(server::kindOf<Kind>, conn));
    }
    QList<Event> all(EventType type, quint32 conn = 0) const
    {
        QList<Event> out;
        for (const Event &e : events) {
            if (e.type() == type && (conn == 0 || e.conn == conn))
                out.append(e);
        }
        return out;
    }
    template<typename Kind> QList<Found<Kind>> all(quint32 conn = 0) const
    {
        QList<Found<Kind>> out;
        for (const Event &e : all(server::kindOf<Kind>, conn))
            out.append(Found<Kind>(e));
        return out;
    }
    // The result for a command sent with `resultId` (waits for it); when
    // none comes, a failed result that says so.
    Found<server::events::Result> result(const QByteArray &resultId, int timeoutMs = 5000)
    {
        const auto match = [&](const Event &e) {
            return e.as<server::events::Result>().id == resultId;
        };
        if (!QTest::qWaitFor([&] { return find(EventType::Result, match) >= 0; }, timeoutMs)) {
            Found<server::events::Result> missing{Event(server::events::Result{})};
            missing.ok = false;
            missing.error = QStringLiteral("no result for ") + QString::fromUtf8(resultId);
            return missing;
        }
        return Found<server::events::Result>(events[find(EventType::Result, match)]);
    }
    // The id of the most recently opened connection (after waiting for it).
    quint32 waitOpen(int timeoutMs = 5000, int nth = 1)
    {
        if (!QTest::qWaitFor([&] { return all(EventType::Open).size() >= nth; }, timeoutMs))
            return 0;
        return all(EventType::Open).at(nth - 1).conn;
    }

    static ConnSelector one(quint32 id) { return ConnSelector{false, {id}}; }

    server::EventBatch events;
    QString startError;
    bool stopped = false;

private:
    std::unique_ptr<EngineThread> m_thread;
};

} // namespace closecall::test
