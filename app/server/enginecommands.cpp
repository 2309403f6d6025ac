// The operator's commands (docs/headless.md "Commands"): each publishes exactly
// one `result`, after the events it caused.
#include "connection.h"
#include "engineimpl.h"
#include "proxypair.h"

#include <QtCore/QJsonArray>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>

namespace closecall::server {

using namespace protocol;
using namespace Qt::StringLiterals;

void EngineImpl::publishResult(const QByteArray &resultId, bool ok, const QString &error,
                               const QByteArray &data)
{
    m_publisher->publish(Event(events::Result{resultId, ok, error, data}));
}

Refused EngineImpl::whyGone(quint32 id) const
{
    Refused why = Refused::of(Refusal::ConnectionEnded);
    why.connection = id;
    for (const ConnectionInfo &info : m_history) {
        if (info.id == id) {
            why.state = info.state;
            return why;
        }
    }
    if (id > 0 && id < m_nextId) {
        why.stateKnown = false;
        return why;
    }
    why.refusal = Refusal::NoSuchConnection;
    return why;
}

template<typename Op>
void EngineImpl::forEachSelected(const ConnSelector &conns, const QByteArray &resultId, Op op)
{
    if (m_stopped) {
        publishResult(resultId, false, RefusalText::sentence(Refused::of(Refusal::ServerStopped)));
        return;
    }
    QList<quint32> ids;
    if (conns.all) {
        // "all": every connection a command can act on; the session refuses
        // what its state does not allow.
        for (Connection *conn : std::as_const(m_conns)) {
            if (conn->isLive())
                ids.append(conn->id());
        }
    } else {
        ids = conns.ids;
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    // Each refusal in the words of RefusalText, led by the connection it is about.
    QStringList refusals;
    const auto refuse = [&refusals](quint32 id, const Refused &why) {
        refusals.append(why.refusal == Refusal::NoSuchConnection
                            ? RefusalText::sentence(why)
                            : tr("conn %1: %2").arg(id).arg(RefusalText::sentence(why)));
    };
    for (quint32 id : std::as_const(ids)) {
        Connection *conn = m_conns.value(id);
        if (!conn || (!conn->isLive() && !conn->isConnecting() && !conn->info().ended)) {
            refuse(id, whyGone(id));
            continue;
        }
        if (const Refused why = op(*conn))
            refuse(id, why);
    }
    if (!conns.all && ids.isEmpty())
        refusals.append(RefusalText::sentence(Refused::of(Refusal::NoConnectionNamed)));
    publishResult(resultId, refusals.isEmpty(), refusals.join(u"; "_s));
}

void EngineImpl::closeConnections(const ConnSelector &conns, CloseCode code, const QString &reason,
                                  CloseMode mode, int timeoutMs, const QByteArray &resultId)
{
    if (mode != CloseMode::Close && mode != CloseMode::CloseOutput) {
        Refused why = Refused::of(Refusal::CloseModeInvalid);
        why.mode = mode;
        publishResult(resultId, false, RefusalText::sentence(why));
        return;
    }
    // Validated once, so a bad code is one error, not one per connection.
    if (const Refused why = checkOutgoingClose(code, reason)) {
        publishResult(resultId, false, RefusalText::sentence(why));
        return;
    }
    forEachSelected(conns, resultId,
                    [&](Connection &conn) { return conn.close(code, reason, mode, timeoutMs); });
}

void EngineImpl::abortConnections(const ConnSelector &conns, const QByteArray &resultId)
{
    forEachSelected(conns, resultId, [](Connection &conn) { return conn.abort(); });
}

void EngineImpl::sendMessage(const ConnSelector &conns, MessageType type, const QByteArray &payload,
                             const QByteArray &resultId)
{
    forEachSelected(conns, resultId, [&](Connection &conn) { return conn.send(type, payload); });
}

void EngineImpl::ping(const ConnSelector &conns, const QByteArray &payload,
                      const QByteArray &resultId)
{
    forEachSelected(conns, resultId, [&](Connection &conn) { return conn.ping(payload); });
}

void EngineImpl::setProxyOptions(const ConnSelector &conns, int autoPong, int holdCloses,
                                 const QByteArray &resultId)
{
    // Proxy mode's pairs hold these options; outside it there is nothing
    // to set (docs/headless.md "Proxy mode").
    if (!m_config.proxy.isOn()) {
        publishResult(resultId, false,
                      tr("hold_closes and a per-connection auto_pong apply "
                         "in proxy mode only (--proxy-to)"));
        return;
    }
    if (m_stopped) {
        publishResult(resultId, false, RefusalText::sentence(Refused::of(Refusal::ServerStopped)));
        return;
    }
    if (autoPong < 0 && holdCloses < 0) {
        publishResult(resultId, false, tr("give auto_pong or hold_closes (or both) to set"));
        return;
    }
    // The legs named (or all of them, and the defaults of those to come).
    QList<Connection *> legs;
    QStringList refusals;
    if (conns.all) {
        if (autoPong >= 0)
            m_proxyAutoPong = autoPong != 0;
        if (holdCloses >= 0)
            m_proxyHoldCloses = holdCloses != 0;
        for (Connection *conn : std::as_const(m_conns)) {
            if (conn->leg() != Leg::None)
                legs.append(conn);
        }
    } else {
        QList<quint32> ids = conns.ids;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (ids.isEmpty())
            refusals.append(RefusalText::sentence(Refused::of(Refusal::NoConnectionNamed)));
        for (quint32 id : std::as_const(ids)) {
            Connection *conn = m_conns.value(id);
            if (!conn || conn->info().ended) {
                const Refused why = whyGone(id);
                refusals.append(why.refusal == Refusal::NoSuchConnection
                                    ? RefusalText::sentence(why)
                                    : tr("conn %1: %2").arg(id).arg(RefusalText::sentence(why)));
            } else if (conn->leg() == Leg::None) {
                refusals.append(tr("conn %1: not a leg of a proxy pair (it was opened with "
                                   "connect)")
                                    .arg(id));
            } else {
                legs.append(conn);
            }
        }
    }
    if (!refusals.isEmpty()) {
        // Nothing is changed when any named connection cannot take it.
        publishResult(resultId, false, refusals.join(u"; "_s));
        return;
    }
    std::sort(legs.begin(), legs.end(),
              [](const Connection *a, const Connection *b) { return a->id() < b->id(); });
    QJsonArray rows;
    for (Connection *conn : std::as_const(legs)) {
        ProxyPair *pair = proxyPair(conn->pair());
        if (!pair)
            continue;
        if (autoPong >= 0)
            pair->setAutoPong(conn->leg(), autoPong != 0);
        if (holdCloses >= 0)
            pair->setHoldCloses(holdCloses != 0);
        rows.append(QJsonObject{{u"conn"_s, qint64(conn->id())},
                                {u"pair"_s, qint64(pair->id())},
                                {u"leg"_s, conn->leg() == Leg::Client ? u"client"_s : u"server"_s},
                                {u"auto_pong"_s, conn->autoPong()},
                                {u"hold_closes"_s, pair->holdCloses()}});
    }
    const QJsonObject now{{u"auto_pong"_s, m_proxyAutoPong},
                          {u"hold_closes"_s, m_proxyHoldCloses},
                          {u"legs"_s, rows}};
    publishResult(resultId, true, {}, QJsonDocument(now).toJson(QJsonDocument::Compact));
}

void EngineImpl::setOptions(int echo, int manualAck, int autoPong, const QByteArray &resultId)
{
    {
        QMutexLocker lock(&m_configMutex);
        if (echo >= 0)
            m_config.echo = echo != 0;
        if (manualAck >= 0)
            m_config.manualAck = manualAck != 0;
        if (autoPong >= 0)
            m_config.autoPong = autoPong != 0;
    }
    // Running sessions follow at once. A connection already waiting in
    // CloseReceived stays there until a close answers it.
    for (Connection *conn : std::as_const(m_conns))
        conn->applyOptions(m_config.manualAck, m_config.autoPong);
    const QJsonObject now{{u"echo"_s, m_config.echo},
                          {u"manual_ack"_s, m_config.manualAck},
                          {u"auto_pong"_s, m_config.autoPong}};
    publishResult(resultId, true, {}, QJsonDocument(now).toJson(QJsonDocument::Compact));
}

void EngineImpl::list(const QByteArray &resultId)
{
    QList<const ConnectionInfo *> rows;
    for (const ConnectionInfo &info : m_history)
        rows.append(&info);
    for (Connection *conn : std::as_const(m_conns)) {
        // Never-opened ones are not rows; the history holds only the gone.
        if (conn->info().openedWallUs != 0)
            rows.append(&conn->info());
    }
    std::sort(rows.begin(), rows.end(),
              [](const ConnectionInfo *a, const ConnectionInfo *b) { return a->id < b->id; });
    publishResult(resultId, true, {}, connectionsToJson(rows));
}

void EngineImpl::postResult(const QByteArray &resultId, bool ok, const QString &error,
                            const QByteArray &dataJson)
{
    publishResult(resultId, ok, error, dataJson);
}

void EngineImpl::postError(const QString &message)
{
    m_publisher->publish(Event(events::Error{message}));
}

void EngineImpl::flushAndNotify(quint64 token)
{
    m_publisher->flush();
    emit q.flushed(token);
}

} // namespace closecall::server
