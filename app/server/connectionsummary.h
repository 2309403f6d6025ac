#pragma once

#include "event.h"

#include "protocol/closecodes.h"
#include "protocol/types.h"

#include <QtCore/QString>

namespace closecall::server {

// What the events of one connection add up to: the row of the connections
// table (docs/headless.md `list`, the GUI's table). The engine folds every
// event of a connection into one as it publishes it (also the message
// events --no-message-events keeps off the stream); the GUI folds the
// events it receives. Both use apply(), so the two cannot disagree. Times:
// `*TUs` are microseconds since the server started, `*WallUs` since the
// Unix epoch (UTC).
struct ConnectionSummary
{
    quint32 id = 0;
    protocol::State state = protocol::State::Connecting;
    // Proxy mode: the pair this connection is a leg of and which leg
    // (docs/headless.md "Proxy mode"); 0 and None outside it.
    quint32 pair = 0;
    Leg leg = Leg::None;

    // From `open` (the remote also from `handshake_failed`).
    QString remote;        // "ip:port"
    bool outgoing = false; // role "out": we connected to `url`
    QString url;
    QString path;
    QString query;
    QString subprotocol;
    QString extensions; // as agreed in the upgrade ("permessage-deflate; …"), empty = none
    qint64 openedTUs = 0;
    qint64 openedWallUs = 0; // 0 = never opened

    qint64 lastActivityTUs = 0; // the latest event of this connection
    qint64 lastActivityWallUs = 0;
    quint64 msgsIn = 0;
    quint64 msgsOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 pingsIn = 0;
    quint64 pingsOut = 0;
    quint64 errors = 0;
    quint64 notRelayed = 0; // proxy mode: frames this leg could not pass on
    QString lastError;      // the latest `error` event's message

    // Our Close frame (close_sent).
    bool closeSent = false;
    protocol::CloseCode sentCode;
    QString sentReason;
    protocol::CloseMode sentMode = protocol::CloseMode::Close;
    qint64 closeSentTUs = -1;

    // The peer's Close frame (close_received).
    bool closeReceived = false;
    protocol::CloseCode receivedCode;
    QString receivedReason;
    qint64 closeReceivedTUs = -1;

    // Data messages that arrived after our Close went out [R5].
    quint64 postCloseDelivered = 0;
    quint64 postCloseDiscarded = 0;
    // Of those, the ones already on our side when our Close went out
    // (`crossed`): the peer sent them before it could see our Close.
    quint64 postCloseCrossed = 0;

    // Who sent the first Close: known as soon as one Close frame is seen,
    // confirmed by `closed`.
    // The RFC 6455 roles: CloseCall is the server on an accepted
    // connection and the client on one it opened (`initiated_by` names them).
    protocol::Initiator ourRole() const
    {
        return outgoing ? protocol::Initiator::Client : protocol::Initiator::Server;
    }
    protocol::Initiator peerRole() const
    {
        return outgoing ? protocol::Initiator::Server : protocol::Initiator::Client;
    }
    protocol::Initiator initiatedBy = protocol::Initiator::None;
    // Our Close to theirs in microseconds [R16], -1 until both are seen (or
    // never): measured from the two events, then the engine's own figure
    // from `closed`.
    qint64 closeHandshakeUs = -1;
    // The peer's Close read to our answer handed to the socket, in
    // microseconds, when the peer closed first and we answered; -1 = none.
    qint64 ackDelayUs = -1;

    // From `closed`.
    bool ended = false;
    qint64 endedTUs = -1;
    protocol::HowEnded how = protocol::HowEnded::Handshake;
    protocol::CloseCode finalCode; // as the engine reports it (1006 when no Close arrived)
    QString finalReason;
    bool tcpClosedByClient = false;

    quint64 postCloseCount() const { return postCloseDelivered + postCloseDiscarded; }
    // Closed or Aborted.
    bool isEnded() const { return ended; }

    // Folds in one event of this connection (events of others must not
    // come here).
    void apply(const Event &event);

    // What one message or control-frame event adds to the counters. apply()
    // folds those kinds through here; the engine also calls it for the
    // events --no-message-events keeps off the stream, so that an echoed
    // message builds no Event (and has no time or state to fold in).
    void count(const events::MessageIn &m)
    {
        ++msgsIn;
        bytesIn += quint64(m.size);
        if (m.postClose == protocol::PostClose::Delivered)
            ++postCloseDelivered;
        else if (m.postClose == protocol::PostClose::Discarded)
            ++postCloseDiscarded;
        if (m.postClose != protocol::PostClose::None && m.crossed)
            ++postCloseCrossed;
    }
    void count(const events::MessageOut &m)
    {
        ++msgsOut;
        bytesOut += quint64(m.size);
    }
    void count(const events::PingIn &) { ++pingsIn; }
    void count(const events::PingOut &) { ++pingsOut; }
    void count(const events::PongIn &) {}
    void count(const events::PongOut &) {}
};

} // namespace closecall::server
