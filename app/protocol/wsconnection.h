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
// Two roles. Server: over a ServerHandshake; the driver accepts or refuses
// the request. Client: over a ClientHandshake; output() holds the request
// from the start, and the server's 101 does what accept() does (Connecting
// → Open, then the frames right behind it). A client masks its frames with
// a fresh key each (framewriter.h) and fails a masked server frame (1002);
// after the close handshake its transport action is AwaitPeerClose: the
// server closes TCP first (RFC 6455 §7.1.1).
class WsConnection final
{
public:
    // Where the upgrade stands. The state is Connecting until Accepted.
    enum class Upgrade : quint8 {
        Pending,   // server: the request is not complete; client: the 101 is not (yet) read
        Requested, // server: a complete, valid request: the driver calls accept() or refuse()
        Accepted,  // the 101 is in output() (server) or was read (client); the session runs
        Failed,    // refused (server: an HTTP error response is in output()), the response
                   // was not a valid 101 (client), or the transport was lost
    };

    // Server role.
    WsConnection(SessionSink &sink, ServerHandshakeConfig handshake, SessionOptions options = {});
    // Client role: the request is in output(). Options that
    // ClientHandshake::checkOptions() refuses make a connection that is
    // Failed from the start (no output, TransportAction::CloseNow).
    WsConnection(SessionSink &sink, ClientHandshakeOptions handshake, SessionOptions options = {});
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
    // after. A client whose upgrade was refused stays Pending until the
    // refusal's body is in (or the transport closes), then Fails. Returns how many bytes were left
    // unread because the session ended at a frame inside them (the driver may say they were
    // ignored); bytes that arrive once the session has ended or the upgrade failed are dropped
    // without a count.
    qsizetype receive(char *data, qsizetype size);

    // The transport is gone: EOF (`reset` false) or a reset from the peer.
    // During the upgrade: Failed, without a response (a client keeps the
    // refusal's status and body read so far). After it: [R9].
    void transportClosed(bool reset);

    // ---- the upgrade (RFC 6455 §4.2) --------------------------------------

    // Server: what the client asked for: complete once Requested, as far as
    // parsed once Failed. Gone once accept() has returned. Client: empty.
    const HandshakeRequest &request() const;
    // Server: the one we selected (valid once Requested). Client: the one
    // the server chose, valid from the 101 until the receive() that read it
    // returns (the Connecting → Open event can read it), and once Failed.
    QString subprotocol() const;
    // Failed: the status sent (server; 0 when the transport was lost) or
    // received (client; 0 when none was), and the handshake's reason for
    // its own refusals (refuse()'s caller has its own). A client's reason
    // includes what the server said in a refusal's body.
    int httpStatus() const { return m_httpStatus; }
    QString failureReason() const;
    // Client: the handshake, while it exists (as subprotocol()): the
    // response's headers, a refusal's body. Null in the server role.
    const ClientHandshake *clientHandshake() const { return m_client.get(); }
    // permessage-deflate as agreed in the upgrade (RFC 7692), from the
    // Connecting → Open event on; nullopt: messages go uncompressed.
    std::optional<DeflateParams> deflate() const { return m_deflate; }

    // Requested → Accepted: the 101 into output(), Connecting → Open (the
    // state change is reported while request() is still there), then the
    // frames the client sent right behind its request. Returns as receive().
    // Does nothing in any other stage.
    qsizetype accept();
    // The same with the subprotocol another server chose (proxy mode: the
    // upstream's 101 decides, docs/headless.md "Proxy mode"); empty = none.
    // It must be one the client offered, else none is named.
    qsizetype accept(const QString &subprotocol);
    // Server: Pending or Requested → Failed with an HTTP error response
    // (status, reason as its body) in output(), and TransportAction::CloseNow.
    // Does nothing in the client role.
    void refuse(int status, const QString &reason);
    // The same with a complete response made elsewhere (proxy mode: the
    // upstream's refusal, its status and body; buildHttpResponse()).
    void refuseWithResponse(int status, const QByteArray &response);
    // Client: the driver gives up waiting for the 101 (its timeout): Pending
    // → Failed, TransportAction::CloseNow; the status and reason are the
    // handshake's, as far as the response was read. Does nothing otherwise.
    void abandonUpgrade();

    // ---- operations: refused while Connecting or after a failed upgrade ---

    [[nodiscard]] Refused sendMessage(MessageType type, QByteArrayView payload,
                                      Session::Utf8Check check = Session::Utf8Check::Validate);
    [[nodiscard]] Refused ping(QByteArrayView payload);
    [[nodiscard]] Refused pong(QByteArrayView payload);
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
    qsizetype receiveResponse(char *data, qsizetype size);
    void fail(int status, TransportAction action);
    // The upgrade is through: the agreed extensions into the session, then Open.
    void openSession(std::optional<DeflateParams> deflate);

    Session m_session;
    std::unique_ptr<ServerHandshake> m_handshake; // server role, only while Connecting
    std::unique_ptr<ClientHandshake> m_client;    // client role, until the session runs
    std::optional<DeflateParams> m_deflate;
    // Small on purpose: an idle connection costs this object.
    Upgrade m_upgrade = Upgrade::Pending;
    std::optional<TransportAction> m_upgradeAction; // when the upgrade failed
    quint16 m_httpStatus = 0;
};

} // namespace closecall::protocol
