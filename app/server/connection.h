#pragma once

#include "connectioninfo.h"
#include "deadlines.h"
#include "event.h"
#include "relay.h"
#include "transport.h"

#include "protocol/wsconnection.h"

#include <QtCore/QCoreApplication>

#include <memory>

namespace closecall::server {

class EngineImpl;
class PeerDriver;
struct PeerBehaviour;

// One accepted socket, from the upgrade request to the last byte: feeds the
// protocol's WsConnection (handshake, session, state table: every protocol
// decision is there) with what the transport reads, writes what it answers,
// carries out its transport actions, owns the connection's timeouts
// (handshake, close, close output, lingering close, finishing a message),
// keeps its share of the engine's budget of unfinished messages, and turns
// its events into the event stream. Small on purpose: an idle open
// connection is this object, its WsConnection and its transport.
class Connection final : public protocol::SessionSink, public TransportOwner
{
    Q_DECLARE_TR_FUNCTIONS(Connection)

public:
    Connection(EngineImpl &engine, quint32 id, const sockets::PeerAddress &remote);
    // An outgoing connection (client role) to `url`, over a TCP connection
    // already made (Connector): start() writes the upgrade request.
    Connection(EngineImpl &engine, quint32 id, const sockets::PeerAddress &remote,
               protocol::ClientHandshakeOptions handshake, const QString &url);
    ~Connection() override;
    Q_DISABLE_COPY_MOVE(Connection)

    // Takes the transport built with this connection as its owner, and
    // starts the handshake timeout: `handshakeTimeoutMs`, or the engine's
    // when -1 (an outgoing connection gets what its TCP connect left of it).
    void start(std::unique_ptr<Transport> transport, bool plain, qint64 handshakeTimeoutMs = -1);
    // An outgoing connection that misbehaves as told (docs/headless.md
    // "Peer behaviours"), before start(): a PeerDriver plays it. Its
    // on-close decides the acknowledge and its traffic the echo, whatever
    // the engine's manual_ack and echo say.
    void setBehaviour(const PeerBehaviour &behaviour);

    // Proxy mode (docs/headless.md "Proxy mode"; connectionproxy.cpp): this
    // connection is the `leg` of pair `pair`. Every event it publishes says
    // so, `relay` hears of its upgrade, frames and closes, and its session
    // answers no Close by itself and Pings only with `autoPong`. Before start().
    void setRelay(Relay *relay, Leg leg, quint32 pair, bool autoPong);
    Leg leg() const { return m_leg; }
    quint32 pair() const { return m_pair; }
    const protocol::Session &session() const { return m_ws.session(); }
    // Client leg while its upgrade waits for the upstream: what the client asked.
    const protocol::HandshakeRequest &request() const { return m_ws.request(); }
    // Server leg: the upstream's answer while the upgrade runs or once it failed.
    const protocol::ClientHandshake *clientHandshake() const { return m_ws.clientHandshake(); }
    quint64 bytesReceived() const { return m_bytesIn; }
    // The relay's side of a leg. A frame the other leg received is queued
    // here (written by flushOutput()); none when done, else why not.
    protocol::Refused relayFrame(const protocol::SessionEvent &e);
    void flushOutput() { pump(); }
    // Client leg: the upstream's 101 came (with its subprotocol), or it
    // failed: `response` is the upstream's own refusal, else an error with
    // `reason` as its body.
    void acceptProxied(const QString &subprotocol);
    void refuseProxied(int status, const QString &reason, const QByteArray &response = {});
    // A frame that arrived here and could not be passed on, right after its event.
    void publishNotRelayed(const protocol::SessionEvent &e, const QString &reason);
    void setAutoPong(bool on) { m_ws.setAutoPong(on); }
    bool autoPong() const { return m_ws.session().options().autoPong; }

    quint32 id() const { return m_info.id; }
    const ConnectionInfo &info() const { return m_info; }
    protocol::State state() const { return m_info.state; }
    bool isConnecting() const { return m_link == Link::Up && m_ws.isConnecting(); }
    bool isOutgoing() const { return m_ws.role() == protocol::Role::Client; }
    // Upgraded and TCP not yet closing: a command can act on it.
    bool isLive() const { return m_link == Link::Up && m_ws.isUpgraded(); }

    // Epoll events for a plain transport.
    void onPollEvents(quint32 events);
    // This connection's deadline fired (its handle is already gone).
    void onDeadline();
    // Gives back buffer capacity when the connection was idle.
    void sweep();

    // Operator commands: none when done, else why not (nothing written).
    protocol::Refused close(protocol::CloseCode code, const QString &reason,
                            protocol::CloseMode mode, int timeoutMs);
    protocol::Refused abort(protocol::HowEnded how = protocol::HowEnded::Abort);
    protocol::Refused send(protocol::MessageType type, QByteArrayView payload);
    protocol::Refused ping(QByteArrayView payload);
    // Ends the session without a Close and closes TCP with a FIN (not the
    // RST of abort): our `closed` says how=abort, the peer sees a FIN.
    protocol::Refused closeWithoutClose();
    // Output written to the transport that the peer has not taken yet.
    qsizetype pendingOutputBytes() const { return m_transport ? m_transport->pendingBytes() : 0; }
    void applyOptions(bool manualAck, bool autoPong);
    // Shutdown: a connection still in its upgrade gets a 503.
    void refuseUpgrade(const QString &reason);
    // Shutdown's end: whatever is still lingering is closed.
    void closeTransportNow();

    // protocol::SessionSink
    void onSessionEvent(const protocol::SessionEvent &event) override;

    // TransportOwner
    void onTransportData(char *data, qsizetype size) override;
    void onTransportEof(bool reset) override;
    void onTransportError(const QString &message) override;
    void onTransportClosed() override;
    bool mayRead() override;
    void onOutputDrained() override;
    // The engine's hold on reading is over (EngineImpl::mayRead).
    void resumeReading();

private:
    // The socket's own life (the protocol's is m_ws's).
    enum class Link : quint8 {
        Up,      // TLS, the upgrade, the session
        Closing, // the session ended or the upgrade failed: flushing, FIN, lingering
        Gone,    // the socket is closed; the engine deletes us soon
    };
    enum class Timer : quint8 { None, Handshake, Close, Linger, Message };

    // After the upgrade request is complete: accept, or refuse at the limit.
    void onUpgradeRequested();
    void publishOpen();
    void publishHandshakeFailed(int status, const QString &reason, bool timedOut = false);
    void refuseUpgradeWith(int status, const QString &reason);
    // Logs the bytes the session left unread because it ended.
    void reportUnread(qsizetype unread);
    // After each read: the engine-wide budget of unfinished messages and
    // this connection's time limit for finishing one (connectionlimits.cpp).
    void trackUnfinished();
    void updateMessageTimer();
    void onMessageTimeout();
    // Ends the session with `code` after an error event that says which
    // limit and why (Session::failConnection).
    void failForLimit(quint16 code, const QString &why, const QString &reason);
    void releaseUnfinished();
    void onEnded(const protocol::SessionEvent &e);
    // Feeds the session, telling it which frames crossed our Close (the
    // bytes up to m_crossedEnd).
    qsizetype receiveMarkingCrossed(char *data, qsizetype size);
    // Writes m_ws's output, publishes a `closed` that waited for it, reports
    // `unread` bytes, then carries out the pending transport action.
    void pump(qsizetype unread = 0);
    // `ackDelayUs`: -1 unless our answer to the peer's Close was just written.
    void publishPendingClosed(qint64 ackDelayUs = -1);
    void finish();
    void setTimer(Timer kind, qint64 ms);
    void cancelTimer();
    template<typename Kind> Event makeEvent(protocol::State state, Kind fields) const
    {
        return Event(std::move(fields), m_info.id, state);
    }
    // Folds the event into m_info and publishes it.
    void publish(Event &&event);
    // A message_* / ping_* / pong_* event: counted, and published with its
    // preview unless --no-message-events keeps it off the stream.
    template<typename Kind> void publishMessageEvent(const protocol::SessionEvent &e);
    template<typename Kind> void publishWithPreview(const protocol::SessionEvent &e);

    bool echoes(const protocol::SessionEvent &e) const;

    EngineImpl &m_engine;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<PeerDriver> m_driver; // outgoing with a behaviour only
    Relay *m_relay = nullptr;             // proxy mode only: the pair this is a leg of
    protocol::WsConnection m_ws;
    ConnectionInfo m_info;
    Deadlines::Handle m_deadline;
    qint64 m_closeWrittenUs = -1; // engine clock when our Close was written
    qint64 m_closeHandshakeUs = -1;
    qint64 m_peerCloseReadUs = -1; // the peer's Close read while ours was not out
    // Every byte the transport handed us, and how far into that stream the
    // bytes went that were already ours when our Close was written: frames
    // ending there crossed it (docs/headless.md "crossed").
    quint64 m_bytesIn = 0;
    quint64 m_crossedEnd = 0;
    // `closed` while our last Close is still in the output: published once
    // it is written, so ack_delay_us can end there.
    std::unique_ptr<Event> m_pendingClosed;
    qint64 m_heldBytes = 0;     // counted in the engine's unfinished bytes
    quint64 m_timedMessage = 0; // messagesReceived() when Timer::Message started
    quint32 m_pair = 0;
    Leg m_leg = Leg::None;
    bool m_upgradeDeferred = false; // client leg: the request waits for the upstream's answer
    Link m_link = Link::Up;
    Timer m_timer = Timer::None;
    bool m_closeQueued = false;   // our Close is in the output, not yet written
    bool m_awaitingFin = false;   // client role: `closed` waits for the server's FIN or the linger
    bool m_finFromServer = false; // …and the FIN came
    qint64 m_pendingAckDelayUs = -1;
    bool m_peerEof = false;
    bool m_plain = true;
    bool m_active = false;      // read since the last sweep
    bool m_inCrossed = false;   // the session is reading bytes before m_crossedEnd
    bool m_finNotReset = false; // closeWithoutClose(): the session's Reset becomes a FIN
};

} // namespace closecall::server
