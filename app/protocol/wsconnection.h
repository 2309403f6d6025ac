#pragma once

#include "handshake.h"
#include "refusal.h"
#include "session.h"

#include <QtCore/QByteArray>

#include <memory>
#include <optional>

namespace closecall::protocol {

// One WebSocket connection from the first byte of the upgrade request to
// the end of the close handshake, sans-I/O: the handshake, the session and
// the transition table behind one object. The driver (the engine's
// Connection) feeds it the bytes it reads, writes output(), carries out the
// transport action and runs the timers; it decides nothing about the
// protocol. Events go to the SessionSink, each with the state it happened in.
//
// Server role today (ServerHandshake); the client role is the same object
// over a ClientHandshake, with accept() replaced by the server's 101.
class WsConnection final
{
public:
    // Where the upgrade stands. The state is Connecting until Accepted.
    enum class Upgrade : quint8 {
        Pending,   // the request is not complete yet
        Requested, // a complete, valid request: the driver calls accept() or refuse()
        Accepted,  // the 101 is in output(); the session runs (Connecting → Open)
        Failed,    // refused (an HTTP error response is in output()) or the transport was lost
    };

    WsConnection(SessionSink &sink, ServerHandshakeConfig handshake, SessionOptions options = {});
    Q_DISABLE_COPY_MOVE(WsConnection)

    Role role() const { return m_session.role(); }
    Upgrade upgrade() const { return m_upgrade; }
    State state() const { return m_session.state(); }
    bool isConnecting() const
    {
        return m_upgrade == Upgrade::Pending || m_upgrade == Upgrade::Requested;
    }
    bool isUpgraded() const { return m_upgrade == Upgrade::Accepted; }
    bool isEnded() const { return m_session.isEnded(); }
    const Session &session() const { return m_session; }

    // ---- input -----------------------------------------------------------

    // Bytes read from the peer; frames are unmasked where they lie (no
    // copy). While Connecting they go to the handshake: check upgrade()
    // after. Returns how many bytes were left unread because the session
    // ended at a frame inside them (the driver may say they were ignored);
    // bytes that arrive once the session has ended or the upgrade failed
    // are dropped without a count.
    qsizetype receive(char *data, qsizetype size);

    // The transport is gone: EOF (`reset` false) or a reset from the peer.
    // During the upgrade: Failed, without a response. After it: [R9].
    void transportClosed(bool reset);

    // ---- the upgrade (RFC 6455 §4.2) --------------------------------------

    // What the client asked for: complete once Requested, as far as parsed
    // once Failed. Gone once accept() has returned.
    const HandshakeRequest &request() const;
    QString subprotocol() const; // the one we selected (valid once Requested)
    // Failed: the status sent (0 when the transport was lost), and the
    // handshake's reason for its own refusals (refuse()'s caller has its own).
    int httpStatus() const { return m_httpStatus; }
    QString failureReason() const;

    // Requested → Accepted: the 101 into output(), Connecting → Open (the
    // state change is reported while request() is still there), then the
    // frames the client sent right behind its request. Returns as receive().
    // Does nothing in any other stage.
    qsizetype accept();
    // Pending or Requested → Failed with an HTTP error response (status,
    // reason as its body) in output(), and TransportAction::CloseNow.
    void refuse(int status, const QString &reason);

    // ---- operations: refused while Connecting or after a failed upgrade ---

    [[nodiscard]] Refused sendMessage(MessageType type, QByteArrayView payload,
                                      Session::Utf8Check check = Session::Utf8Check::Validate);
    [[nodiscard]] Refused ping(QByteArrayView payload);
    [[nodiscard]] Refused close(CloseCode code, QStringView reason, CloseMode mode);
    [[nodiscard]] Refused abort(HowEnded how = HowEnded::Abort);
    // Session::failConnection, once upgraded.
    void failConnection(CloseCode code, QStringView reason)
    {
        if (isUpgraded())
            m_session.failConnection(code, reason);
    }
    void setAutoAcknowledge(bool on) { m_session.setAutoAcknowledge(on); }
    void setAutoPong(bool on) { m_session.setAutoPong(on); }

    // ---- output ------------------------------------------------------------

    // Bytes to write, in order; the driver writes them and clears the buffer.
    QByteArray &output() { return m_session.output(); }
    bool hasOutput() const { return m_session.hasOutput(); }
    // What to do with the transport once output() is written, once: set when
    // the session ended or the upgrade failed.
    std::optional<TransportAction> takeTransportAction();

    // Gives back idle buffer capacity.
    void releaseMemory() { m_session.releaseMemory(); }

private:
    Refused refusedBeforeUpgrade(Operation op) const;
    void onHandshakeStatus(HandshakeStatus status);
    void fail(int status, TransportAction action);

    Session m_session;
    std::unique_ptr<ServerHandshake> m_handshake; // only while Connecting
    // Small on purpose: an idle connection costs this object.
    Upgrade m_upgrade = Upgrade::Pending;
    std::optional<TransportAction> m_upgradeAction; // when the upgrade failed
    quint16 m_httpStatus = 0;
};

} // namespace closecall::protocol
