#pragma once

#include "event.h"
#include "relay.h"

#include "protocol/closecodes.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <array>

namespace closecall::server {

class EngineImpl;

// Proxy mode's pair (docs/headless.md "Proxy mode"): an accepted client
// (the client leg) and the upstream connection made for it (the server
// leg), and what crosses between them: the upgrade (the client's 101 waits
// for the upstream's), every data message, Ping and Pong as it arrives,
// back-pressure both ways, and the closes: relayed (a Close on one leg goes
// out on the other with the same code and reason, and is answered with the
// other side's answer; a leg that ends without a Close resets the other) or
// held for the operator. Both legs are ordinary connections the engine
// owns; the pair only decides and asks them.
class ProxyPair final : public Relay
{
    Q_DECLARE_TR_FUNCTIONS(ProxyPair)

public:
    // `client`: the accepted connection, the pair's id.
    ProxyPair(EngineImpl &engine, Connection &client, bool holdCloses, bool autoPong);
    Q_DISABLE_COPY_MOVE(ProxyPair)

    // The client leg's id.
    quint32 id() const { return m_id; }
    bool holdCloses() const { return m_holdCloses; }
    // Off again: a Close that waits is relayed now.
    void setHoldCloses(bool on);
    bool autoPong(Leg leg) const { return m_legs[index(leg)].autoPong; }
    void setAutoPong(Leg leg, bool on);
    Connection *connection(Leg leg) const { return m_legs[index(leg)].conn; }
    // The server leg's id once its connect started, else 0.
    quint32 serverId() const { return m_serverId; }
    void setServerId(quint32 id) { m_serverId = id; }

    // From the engine: the server leg's TCP connection is made (it then
    // reports as a leg), or could not be made.
    void setServerLeg(Connection &conn);
    void onConnectFailed(const QString &error, bool timedOut);
    // A leg's socket is closed (the engine deletes it soon).
    void onLegGone(Connection &leg);
    // Both legs are gone (or the server leg never came): delete the pair.
    bool isFinished() const;
    // Carries out what the legs' closes call for now (see the class
    // comment); on a later turn of the event loop than the frames that
    // caused it, so that no leg is acted on from inside its own session.
    void settle();

    // Relay
    void onUpgradeRequested(Connection &leg) override;
    void onUpgradeFailed(Connection &leg, const UpgradeFailure &failure) override;
    void onOpen(Connection &leg) override;
    void onFrame(Connection &leg, const protocol::SessionEvent &e) override;
    void onCloseChanged(Connection &leg) override;
    void onReadDone(Connection &leg) override;
    bool mayRead(Connection &leg) override;
    void onOutputDrained(Connection &leg) override;

private:
    enum class Upgrade : quint8 { Waiting, Connecting, Done, Failed };
    // One leg as the pair knows it; what its session ended with is kept
    // when its connection is gone.
    struct LegState
    {
        Connection *conn = nullptr;
        bool autoPong = false;
        bool dirty = false;         // frames relayed to it wait to be written
        bool readHeld = false;      // not read while the other leg's output is backed up
        bool opened = false;        // its upgrade went through
        bool ended = false;         // its session ended (or it never opened and is gone)
        bool gone = false;          // its socket is closed
        bool closeReceived = false; // …and its peer's Close had arrived
        protocol::CloseCode code;
        QString reason;
    };
    static int index(Leg leg) { return leg == Leg::Server ? 1 : 0; }
    LegState &state(Leg leg) { return m_legs[index(leg)]; }
    LegState &other(Leg leg) { return m_legs[index(leg) ^ 1]; }
    static Leg otherLeg(Leg leg) { return leg == Leg::Server ? Leg::Client : Leg::Server; }
    // Why a frame cannot go out on `to` now, or empty.
    QString whyNotRelayed(Leg to) const;
    void noteEnd(Connection &leg);
    void scheduleSettle();
    void settleLeg(Leg x);
    // The client leg gets an HTTP error; the upstream attempt is over.
    void failClient(int status, const QString &reason, const QByteArray &response = {});
    void resumeOther(Leg leg);
    static void closeWith(Connection &conn, const protocol::CloseCode &code, const QString &reason);

    EngineImpl &m_engine;
    quint32 m_id;
    quint32 m_serverId = 0;
    std::array<LegState, 2> m_legs;
    Upgrade m_upgrade = Upgrade::Waiting;
    bool m_holdCloses;
    bool m_settleQueued = false;
};

} // namespace closecall::server
