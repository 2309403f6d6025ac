#pragma once

#include "protocol/session.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace closecall::server {

class Connection;

// Why an upgrade failed, as a leg reports it to its relay.
struct UpgradeFailure
{
    int status = 0;        // the HTTP status sent (client leg) or received (server leg); 0 = none
    QString reason;        // the handshake_failed event's reason
    bool timedOut = false; // the handshake timeout ran out
};

// What a connection that is one leg of a proxy pair tells the pair
// (docs/headless.md "Proxy mode"). The connection stays a plain
// connection; the pair decides what crosses to the other leg. Every call
// comes from the leg's own I/O or session callbacks.
class Relay
{
public:
    virtual ~Relay() = default;

    // Client leg: its upgrade request is complete and valid. The pair
    // answers it later (Connection::acceptProxied or refuseProxied).
    virtual void onUpgradeRequested(Connection &leg) = 0;
    // Either leg's upgrade failed (handshake_failed is published).
    virtual void onUpgradeFailed(Connection &leg, const UpgradeFailure &failure) = 0;
    // Connecting → Open (its `open` is published).
    virtual void onOpen(Connection &leg) = 0;
    // A data message, Ping or Pong arrived (its event is published).
    virtual void onFrame(Connection &leg, const protocol::SessionEvent &e) = 0;
    // A Close arrived, or the session ended: the pair settles the closes.
    virtual void onCloseChanged(Connection &leg) = 0;
    // One read was handled: what was relayed to the other leg goes out.
    virtual void onReadDone(Connection &leg) = 0;
    // Asked before each read: false while the other leg's output is
    // backed up (OutputHighWater), until it drains (onOutputDrained).
    virtual bool mayRead(Connection &leg) = 0;
    virtual void onOutputDrained(Connection &leg) = 0;
};

} // namespace closecall::server
