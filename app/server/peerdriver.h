#pragma once

#include "peerbehaviour.h"

#include "protocol/closecodes.h"
#include "protocol/types.h"

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace closecall::server {

class Connection;

// Plays one outgoing connection's PeerBehaviour (docs/headless.md "Peer
// behaviours") on the engine thread: the traffic timer, the reaction to
// the other side's Close, and the close it starts itself. It acts only
// through the connection's own commands (send, close, abort, close TCP
// without a Close), so everything it does is in the event stream as the
// same events an operator's command makes (message_out, close_sent, …).
//
// Traffic goes on until our own Close goes out (whoever asked for it);
// every timer stops when the connection ends, and nothing outlives it.
// The connection owns the driver and tells it what happened; the driver
// never acts from inside one of those calls (they come from inside the
// session), only from its timers.
class PeerDriver final : public QObject
{
public:
    PeerDriver(Connection &conn, PeerBehaviour behaviour);
    ~PeerDriver() override;
    Q_DISABLE_COPY_MOVE(PeerDriver)

    const PeerBehaviour &behaviour() const { return m_behaviour; }
    // traffic=echo: the connection sends each data message back while Open.
    bool echoes() const { return m_behaviour.traffic == PeerBehaviour::Traffic::Echo; }
    // The session answers the other side's Close by itself (on-close=answer).
    bool autoAcknowledge() const { return m_behaviour.answersAtOnce(); }

    // The upgrade is done: traffic and close-after start.
    void onOpen();
    // The other side's Close arrived before ours went out; `code` is its
    // code (nullopt: an empty Close), which an answer echoes.
    void onPeerClose(protocol::CloseCode code);
    // Our Close went out (ours, an answer, an operator's, a shutdown's):
    // the traffic stops, and so does anything still planned.
    void onCloseSent();
    // The connection ended: everything stops.
    void onEnded();

private:
    void sendNext();
    void closeItself();
    void react();
    void answer();
    void stopAll();

    Connection &m_conn;
    PeerBehaviour m_behaviour;
    QTimer m_traffic;    // every `everyMs`
    QTimer m_closeAfter; // once, `closeAfterMs` after open
    QTimer m_reaction;   // once, after the other side's Close (0 or `delayMs`)
    protocol::CloseCode m_peerCode;
    quint32 m_sent = 0; // "msg N" / binary N: the last N
    QByteArray m_binary;
};

} // namespace closecall::server
