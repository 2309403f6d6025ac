#include "proxypair.h"

#include "connection.h"
#include "engineimpl.h"
#include "proxyupgrade.h"

#include <QtCore/QMetaObject>

namespace closecall::server {

using namespace protocol;

ProxyPair::ProxyPair(EngineImpl &engine, Connection &client, bool holdCloses, bool autoPong)
    : m_engine(engine)
    , m_id(client.id())
    , m_holdCloses(holdCloses)
{
    m_legs[0].conn = &client;
    m_legs[0].autoPong = autoPong;
    m_legs[1].autoPong = autoPong;
}

void ProxyPair::setHoldCloses(bool on)
{
    m_holdCloses = on;
    if (!on)
        scheduleSettle(); // a Close that waits now crosses
}

void ProxyPair::setAutoPong(Leg leg, bool on)
{
    LegState &s = state(leg);
    s.autoPong = on;
    if (s.conn)
        s.conn->setAutoPong(on);
}

void ProxyPair::setServerLeg(Connection &conn)
{
    m_legs[1].conn = &conn;
}

bool ProxyPair::isFinished() const
{
    return m_legs[0].gone && (m_legs[1].gone || m_serverId == 0);
}

// ---- the upgrade -------------------------------------------------------------

void ProxyPair::onUpgradeRequested(Connection &leg)
{
    QString error;
    const std::optional<ClientTarget> target = ProxyUpgrade::build(
        m_engine.config().proxy, leg.request(), ProxyUpgrade::addressOf(leg.info().remote), &error);
    if (!target) {
        failClient(502, error);
        return;
    }
    m_upgrade = Upgrade::Connecting;
    m_engine.startUpstream(*this, *target);
}

void ProxyPair::failClient(int status, const QString &reason, const QByteArray &response)
{
    if (m_upgrade == Upgrade::Done || m_upgrade == Upgrade::Failed)
        return;
    m_upgrade = Upgrade::Failed;
    if (Connection *client = m_legs[0].conn)
        client->refuseProxied(status, reason, response);
}

void ProxyPair::onConnectFailed(const QString &error, bool timedOut)
{
    m_legs[1].ended = true;
    m_legs[1].gone = true;
    if (m_engine.isStopping())
        failClient(503, error);
    else if (timedOut)
        failClient(504,
                   tr("the upstream server did not accept the connection in time: %1").arg(error));
    else
        failClient(502, tr("the upstream server could not be reached: %1").arg(error));
}

void ProxyPair::onUpgradeFailed(Connection &leg, const UpgradeFailure &failure)
{
    if (leg.leg() == Leg::Client) {
        // The client's request failed (or was refused) while the upstream
        // was being asked: that attempt is over too.
        if (m_upgrade == Upgrade::Connecting) {
            m_upgrade = Upgrade::Failed;
            m_engine.abandonUpstream(
                *this, tr("the client's upgrade failed before the upstream server answered: %1")
                           .arg(failure.reason));
        }
        return;
    }
    // The server's own refusal is passed on as it is (a 404 stays a 404);
    // anything else is the proxy's failure to reach it: 502, or 504 in time.
    const ClientHandshake *handshake = leg.clientHandshake();
    if (failure.status >= 200 && failure.status <= 599 && handshake) {
        QByteArray contentType;
        for (const auto &[name, value] : handshake->responseHeaders()) {
            if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
                contentType = value;
        }
        failClient(failure.status,
                   tr("the upstream server refused the upgrade: %1").arg(failure.reason),
                   buildHttpResponse(failure.status, contentType, handshake->responseBody()));
        return;
    }
    if (failure.timedOut)
        failClient(
            504,
            tr("the upstream server did not complete the upgrade in time: %1").arg(failure.reason));
    else
        failClient(502, tr("the upstream server's upgrade failed: %1").arg(failure.reason));
}

void ProxyPair::onOpen(Connection &leg)
{
    state(leg.leg()).opened = true;
    if (leg.leg() == Leg::Client)
        return;
    // The upstream's 101 is in: the client gets its own, with the
    // subprotocol the server chose; then the frames behind either 101.
    if (m_upgrade == Upgrade::Connecting) {
        m_upgrade = Upgrade::Done;
        if (Connection *client = m_legs[0].conn)
            client->acceptProxied(leg.info().subprotocol);
        resumeOther(Leg::Server);
    }
    if (!m_legs[0].opened)
        scheduleSettle(); // no client to relay to: the server leg is reset
}

// ---- frames ------------------------------------------------------------------

QString ProxyPair::whyNotRelayed(Leg to) const
{
    const LegState &s = m_legs[index(to)];
    const bool client = to == Leg::Client;
    if (!s.conn || s.ended || !s.conn->isLive())
        return client ? tr("the client leg has ended") : tr("the server leg has ended");
    switch (s.conn->state()) {
    case State::Open:
    case State::CloseReceived:
        return {};
    case State::CloseSent:
        return client ? tr("the client leg already sent its Close")
                      : tr("the server leg already sent its Close");
    case State::Connecting:
        return client ? tr("the client leg is not open yet") : tr("the server leg is not open yet");
    case State::Closed:
    case State::Aborted:
        break;
    }
    return client ? tr("the client leg has ended") : tr("the server leg has ended");
}

void ProxyPair::onFrame(Connection &leg, const SessionEvent &e)
{
    // Dropped by our own Close (mode close): nobody is owed it [R5].
    if (e.postClose == PostClose::Discarded)
        return;
    // auto_pong on for this leg: the proxy answered the Ping itself.
    if (e.kind == SessionEvent::Kind::PingIn && state(leg.leg()).autoPong)
        return;
    const Leg to = otherLeg(leg.leg());
    if (const QString why = whyNotRelayed(to); !why.isEmpty()) {
        leg.publishNotRelayed(e, why);
        return;
    }
    LegState &target = state(to);
    if (const Refused why = target.conn->relayFrame(e)) {
        leg.publishNotRelayed(e, RefusalText::sentence(why));
        return;
    }
    target.dirty = true;
}

void ProxyPair::onReadDone(Connection &leg)
{
    LegState &target = other(leg.leg());
    if (target.dirty && target.conn) {
        target.dirty = false;
        target.conn->flushOutput();
    }
}

// ---- back-pressure --------------------------------------------------------------

bool ProxyPair::mayRead(Connection &leg)
{
    LegState &me = state(leg.leg());
    if (leg.leg() == Leg::Client && m_upgrade == Upgrade::Connecting) {
        // Frames behind the request wait for the 101 in memory: not without bound.
        if (leg.bytesReceived() > quint64(OutputHighWater)) {
            me.readHeld = true;
            return false;
        }
        return true;
    }
    const LegState &target = other(leg.leg());
    if (target.conn && !target.ended && target.conn->pendingOutputBytes() > OutputHighWater) {
        me.readHeld = true;
        return false;
    }
    return true;
}

void ProxyPair::onOutputDrained(Connection &leg)
{
    resumeOther(leg.leg());
}

void ProxyPair::resumeOther(Leg leg)
{
    LegState &o = other(leg);
    if (o.readHeld && o.conn) {
        o.readHeld = false;
        o.conn->resumeReading();
    }
}

// ---- closes ------------------------------------------------------------------

void ProxyPair::noteEnd(Connection &leg)
{
    LegState &s = state(leg.leg());
    if (s.ended || !leg.session().isEnded())
        return;
    s.ended = true;
    s.closeReceived = leg.session().closeReceived();
    s.code = leg.session().receivedCode();
    s.reason = leg.session().receivedReason();
    resumeOther(leg.leg()); // its output no longer holds the other leg
}

void ProxyPair::onCloseChanged(Connection &leg)
{
    noteEnd(leg);
    scheduleSettle();
}

void ProxyPair::onLegGone(Connection &leg)
{
    noteEnd(leg);
    LegState &s = state(leg.leg());
    s.ended = true; // also one that never opened
    s.gone = true;
    s.conn = nullptr;
    resumeOther(leg.leg());
    if (leg.leg() == Leg::Client && m_upgrade == Upgrade::Connecting) {
        m_upgrade = Upgrade::Failed;
        m_engine.abandonUpstream(*this, tr("the client left before the upstream server answered"));
    }
    scheduleSettle();
}

void ProxyPair::scheduleSettle()
{
    if (std::exchange(m_settleQueued, true))
        return;
    QMetaObject::invokeMethod(
        m_engine.context(),
        [engine = &m_engine, id = m_id] {
            if (ProxyPair *pair = engine->proxyPair(id))
                pair->settle();
        },
        Qt::QueuedConnection);
}

void ProxyPair::closeWith(Connection &conn, const CloseCode &code, const QString &reason)
{
    // The code and reason came in a valid Close; one this side may not
    // send still closes, with an empty Close.
    if (conn.close(code, reason, CloseMode::Close, -1))
        (void)conn.close(std::nullopt, QString(), CloseMode::Close, -1);
}

void ProxyPair::settle()
{
    m_settleQueued = false;
    if (m_engine.isStopping())
        return; // the shutdown closes both legs
    LegState &server = m_legs[1];
    // A server leg whose client never opened has nobody to talk to.
    if (!m_legs[0].opened && server.conn && !server.ended && server.conn->isLive()) {
        (void)server.conn->abort();
        return;
    }
    if (m_holdCloses)
        return; // the operator decides what each side sees
    settleLeg(Leg::Client);
    settleLeg(Leg::Server);
}

void ProxyPair::settleLeg(Leg x)
{
    LegState &me = state(x);
    LegState &peer = other(x);
    if (!me.opened)
        return;
    const bool peerLive = peer.conn && !peer.ended && peer.conn->isLive();
    if (me.ended) {
        if (!peerLive)
            return;
        // Ended without a Close (abort, reset, EOF, timeout): the other
        // side sees what it would without the proxy, a lost connection.
        if (!me.closeReceived) {
            (void)peer.conn->abort();
            return;
        }
        // Its peer's Close came: passed on, or the answer the other leg waits for.
        const State ps = peer.conn->state();
        if (ps == State::Open || ps == State::CloseReceived)
            closeWith(*peer.conn, me.code, me.reason);
        return;
    }
    if (!me.conn || !me.conn->isLive() || me.conn->state() != State::CloseReceived)
        return;
    // Its peer closed first and waits for the answer from the other side.
    const CloseCode code = me.conn->session().receivedCode();
    const QString reason = me.conn->session().receivedReason();
    if (!peerLive) {
        if (peer.ended && peer.closeReceived)
            closeWith(*me.conn, peer.code, peer.reason);
        return;
    }
    switch (peer.conn->state()) {
    case State::Open:
        closeWith(*peer.conn, code, reason);
        return;
    case State::CloseReceived: {
        // Both peers closed: each gets the other's Close as its answer.
        const CloseCode peerCode = peer.conn->session().receivedCode();
        const QString peerReason = peer.conn->session().receivedReason();
        closeWith(*peer.conn, code, reason);
        if (me.conn && me.conn->isLive())
            closeWith(*me.conn, peerCode, peerReason);
        return;
    }
    default:
        return; // CloseSent: the answer comes with its peer's Close
    }
}

} // namespace closecall::server
