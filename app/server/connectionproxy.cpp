// A connection as one leg of a proxy pair (docs/headless.md "Proxy mode"):
// what the pair (proxypair.cpp) asks of it. The pair decides; these only
// carry it out on this leg.
#include "connection.h"

#include "engineimpl.h"

namespace closecall::server {

using namespace protocol;

void Connection::setRelay(Relay *relay, Leg leg, quint32 pair, bool autoPong)
{
    m_relay = relay;
    m_leg = leg;
    m_pair = pair;
    // The pair answers a Close with the other side's answer (or the
    // operator does, closes held), and passes Pings on instead of
    // answering them unless auto_pong is on for this leg.
    m_ws.setAutoAcknowledge(false);
    m_ws.setAutoPong(autoPong);
}

Refused Connection::relayFrame(const SessionEvent &e)
{
    switch (e.kind) {
    case SessionEvent::Kind::MessageIn:
        // The other leg's parser validated the text already.
        return m_ws.sendMessage(e.messageType, e.payload, Session::Utf8Check::AlreadyValid);
    case SessionEvent::Kind::PingIn:
        return m_ws.ping(e.payload);
    case SessionEvent::Kind::PongIn:
        return m_ws.pong(e.payload);
    default:
        return {};
    }
}

void Connection::acceptProxied(const QString &subprotocol)
{
    if (m_link != Link::Up || m_ws.upgrade() != WsConnection::Upgrade::Requested)
        return;
    if (m_engine.atConnectionLimit()) {
        // The limit may have been reached while the upstream answered.
        refuseUpgradeWith(503, tr("the server is at its limit of %1 open connections")
                                   .arg(m_engine.config().maxConnections));
        return;
    }
    // The state change to Open publishes `open`; then come the frames the
    // client sent right behind its request (relayed at once).
    const qsizetype unread = m_ws.accept(subprotocol);
    trackUnfinished();
    pump(unread);
    m_ws.releaseMemory();
}

void Connection::refuseProxied(int status, const QString &reason, const QByteArray &response)
{
    if (m_link != Link::Up || !m_ws.isConnecting())
        return;
    cancelTimer();
    if (response.isEmpty())
        m_ws.refuse(status, reason);
    else
        m_ws.refuseWithResponse(status, response);
    publishHandshakeFailed(status, reason);
    pump();
}

void Connection::publishNotRelayed(const SessionEvent &e, const QString &reason)
{
    events::NotRelayed fields;
    fields.messageType = e.messageType;
    fields.control = e.kind != SessionEvent::Kind::MessageIn;
    fields.size = e.payload.size();
    fields.reason = reason;
    publish(makeEvent(e.state, std::move(fields)));
}

} // namespace closecall::server
