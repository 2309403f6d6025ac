#pragma once

#include "connectioninfo.h"
#include "deadlines.h"
#include "event.h"
#include "transport.h"

#include "protocol/handshake.h"
#include "protocol/session.h"

#include <QtCore/QCoreApplication>

#include <memory>
#include <optional>

namespace closecall::server {

class EngineImpl;

// One accepted socket, from the upgrade request to the last byte: drives
// the ServerHandshake, then the protocol Session, owns the connection's
// timeouts (handshake, close, close output, lingering close) and turns
// session events into the event stream. Small on purpose: an idle open
// connection is this object, its Session and its transport.
class Connection final : public protocol::SessionSink, public TransportOwner
{
    Q_DECLARE_TR_FUNCTIONS(Connection)

public:
    Connection(EngineImpl &engine, quint32 id, const sockets::PeerAddress &remote);
    ~Connection() override;
    Q_DISABLE_COPY_MOVE(Connection)

    // Takes the transport built with this connection as its owner, and
    // starts the handshake timeout.
    void start(std::unique_ptr<Transport> transport, bool plain);

    quint32 id() const { return m_info.id; }
    const ConnectionInfo &info() const { return m_info; }
    protocol::State state() const { return m_info.state; }
    bool isConnecting() const { return m_phase == Phase::Handshake; }
    // Upgraded and not yet ended: a command can act on it.
    bool isLive() const { return m_phase == Phase::Upgraded; }

    // Epoll events for a plain transport.
    void onPollEvents(quint32 events);
    // This connection's deadline fired (its handle is already gone).
    void onDeadline();
    // Gives back buffer capacity when the connection was idle.
    void sweep();

    // Operator commands: empty when done, else why not (nothing written).
    QString close(protocol::CloseCode code, const QString &reason, protocol::CloseMode mode,
                  int timeoutMs);
    QString abort(protocol::HowEnded how = protocol::HowEnded::Abort);
    QString send(protocol::MessageType type, QByteArrayView payload);
    QString ping(QByteArrayView payload);
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

private:
    enum class Phase : quint8 {
        Handshake, // Connecting: TLS and the HTTP upgrade
        Upgraded,  // the session runs
        Ending,    // the session ended or the upgrade failed; TCP is closing
        Gone,      // the socket is closed; the engine deletes us soon
    };
    enum class Timer : quint8 { None, Handshake, Close, Linger };

    void onHandshakeBytes(QByteArrayView bytes);
    // Feeds the session; logs the bytes it left unread after it ended.
    void receiveFrames(char *data, qsizetype size);
    void completeUpgrade();
    void failHandshake(int status, const QString &reason, QByteArray response);
    void onEnded(const protocol::SessionEvent &e);
    // Writes the session's output, then carries out a pending transport action.
    void pump();
    void finish();
    void setTimer(Timer kind, qint64 ms);
    void cancelTimer();
    template<typename Kind> Event makeEvent(protocol::State state, Kind fields) const
    {
        return Event(std::move(fields), m_info.id, state);
    }
    // Folds the event into m_info and publishes it.
    void publish(Event &&event);
    template<typename Kind> void publishMessageEvent(const protocol::SessionEvent &e);

    EngineImpl &m_engine;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<protocol::ServerHandshake> m_handshake; // only while Connecting
    std::optional<protocol::Session> m_session;             // from the 101 on
    ConnectionInfo m_info;
    Deadlines::Handle m_deadline;
    qint64 m_closeWrittenUs = -1; // engine clock when our Close was written
    qint64 m_closeHandshakeUs = -1;
    Phase m_phase = Phase::Handshake;
    Timer m_timer = Timer::None;
    protocol::TransportAction m_action = protocol::TransportAction::None;
    bool m_actionPending = false;
    bool m_closeQueued = false; // our Close is in the output, not yet written
    bool m_peerEof = false;
    bool m_plain = true;
    bool m_active = false; // read since the last sweep
};

} // namespace closecall::server
