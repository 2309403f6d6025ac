#pragma once

#include "closecodes.h"
#include "deflatenegotiation.h"
#include "frameparser.h"
#include "refusal.h"
#include "statetable.h"
#include "types.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <memory>
#include <optional>
#include <utility>

namespace closecall::protocol {

class MessageDeflater;

// What the transport must do when a session ends.
enum class TransportAction : quint8 {
    None,           // already gone (peer EOF or reset)
    CloseNow,       // flush our output, then close TCP (FIN). The server closes first (RFC §7.1.1)
    AwaitPeerClose, // client role after a clean close: wait for the server's FIN
    Reset,          // abort: TCP reset (SO_LINGER 0), unsent output dropped
};

// One thing that happened in a session, in the order it happened. Every
// event carries the state it happened in (R16). Only the fields its kind
// names are meaningful.
struct SessionEvent
{
    enum class Kind : quint8 {
        StateChanged,  // state (= from), to
        MessageIn,     // messageType, payload, postClose
        MessageOut,    // messageType, payload
        PingIn,        // payload
        PongIn,        // payload
        PingOut,       // payload
        PongOut,       // payload
        CloseReceived, // code, text (reason)
        CloseSent,     // code, text (reason), mode
        ProtocolError, // code (what we answer with), text (what arrived)
        Violation,     // text: something was dropped or refused: input after the peer's
                       // Close, or a state transition not in the table (statetable.h)
        Ended,         // to (Closed/Aborted), code, text (reason), how, initiator, transport
    };

    Kind kind = Kind::StateChanged;
    State state = State::Connecting;
    State to = State::Connecting;
    MessageType messageType = MessageType::Text;
    PostClose postClose = PostClose::None;
    CloseMode mode = CloseMode::Close;
    HowEnded how = HowEnded::Handshake;
    Initiator initiator = Initiator::None;
    TransportAction transport = TransportAction::None;
    CloseCode code;         // nullopt = a Close with no status code
    QByteArrayView payload; // valid only during the callback
    QString text;
    // MessageIn/MessageOut under permessage-deflate: the payload's bytes on
    // the wire when the message went compressed (RSV1), else -1.
    qint64 wireBytes = -1;
};

class SessionSink
{
public:
    virtual ~SessionSink() = default;
    virtual void onSessionEvent(const SessionEvent &event) = 0;
};

struct SessionOptions
{
    quint64 maxMessageSize = 16 * 1024 * 1024;
    bool autoAcknowledge = true; // answer the peer's Close at once (echoing its code)
    bool autoPong = true;        // answer Pings in Open and CloseSent
};

// One WebSocket connection's protocol state machine (docs/close-semantics.md),
// after the upgrade. Sans-I/O: receive() takes bytes read from the peer;
// operations append frames to output(), which the driver writes and clears;
// every frame in or out and every transition is reported to the sink, with
// the state it happened in. Timers belong to the driver: when a close
// timeout expires it calls abort(HowEnded::Timeout).
//
// Operations return a Refused: none when done, else why they were refused
// (nothing is written then). The state changes only along the transition
// table (StateMachine); an illegal transition is refused and reported as a
// Violation.
class Session final
{
    Q_DECLARE_TR_FUNCTIONS(Session)

public:
    Session(Role role, SessionSink &sink, SessionOptions options = {});
    ~Session();
    Q_DISABLE_COPY_MOVE(Session)

    State state() const { return m_machine.state(); }
    Role role() const { return m_role; }
    Initiator initiator() const { return m_initiator; }
    CloseMode closeMode() const { return m_closeMode; } // meaningful once our Close is out
    bool closeSent() const { return m_closeSent; }
    bool closeReceived() const { return m_closeReceived; }
    CloseCode receivedCode() const { return m_receivedCode; }
    QString receivedReason() const { return m_receivedReason; }

    SessionOptions options() const { return m_options; }
    void setAutoAcknowledge(bool on) { m_options.autoAcknowledge = on; }
    void setAutoPong(bool on) { m_options.autoPong = on; }
    void setMaxMessageSize(quint64 bytes);

    // Connecting → Open: the upgrade is done.
    void open();

    // permessage-deflate was negotiated (RFC 7692), with `params` from the
    // handshake: from now on data messages out are compressed (RSV1) and
    // compressed ones in are inflated. Call before open(), once.
    void enableDeflate(const DeflateParams &params);
    bool deflateEnabled() const { return m_parser.deflateEnabled(); }
    // zlib's state held for this connection now, both directions (0 between
    // messages without context takeover).
    qsizetype deflateMemory() const;

    // Bytes read from the peer; may be modified in place (unmasking).
    // Returns how many were looked at: fewer than `size` when the session
    // ended at a frame inside them (the rest came after the close handshake
    // or a protocol error, and the driver may log them as ignored).
    qsizetype receive(char *data, qsizetype size);
    qsizetype receive(QByteArray &bytes) { return receive(bytes.data(), bytes.size()); }

    // The transport is gone: EOF (`reset` false) or a reset from the peer.
    void transportClosed(bool reset);

    // Text is checked to be UTF-8 unless the caller already knows it is
    // (echoing a message the parser just validated).
    enum class Utf8Check : quint8 { Validate, AlreadyValid };
    [[nodiscard]] Refused sendMessage(MessageType type, QByteArrayView payload,
                                      Utf8Check check = Utf8Check::Validate);
    [[nodiscard]] Refused sendText(QStringView text);
    [[nodiscard]] Refused ping(QByteArrayView payload = {});
    // An unsolicited Pong (RFC 6455 §5.5.3), allowed where a Ping is: a
    // proxy passes on the Pong its other side received.
    [[nodiscard]] Refused pong(QByteArrayView payload = {});

    // Close (mode Close or Shutdown: wait for the peer's Close, discard
    // data meanwhile) or Close Output (deliver data meanwhile). Legal in
    // Open and CloseReceived; in CloseReceived it acknowledges the peer's
    // Close and completes the handshake. Validated with checkOutgoingClose().
    [[nodiscard]] Refused close(CloseCode code, QStringView reason,
                                CloseMode mode = CloseMode::Close);

    // Ends the session at once: Aborted, transport Reset. `how` is Abort or
    // Timeout. Refused once ended.
    [[nodiscard]] Refused abort(HowEnded how = HowEnded::Abort);

    // Ends the session for a limit its driver keeps (docs/headless.md "Limits
    // on unfinished messages") the way a protocol error ends it: our Close
    // with `code` and `reason` unless one is already out (mode ProtocolError),
    // nothing more read, what is held of an unfinished message dropped,
    // Aborted, and TCP closed once the Close is flushed. Not from inside a
    // sink callback; does nothing before Open or once ended.
    void failConnection(CloseCode code, QStringView reason);

    bool isEnded() const { return state() == State::Closed || state() == State::Aborted; }

    // Frames to write, in order. The driver writes them and clears the buffer.
    QByteArray &output() { return m_output; }
    bool hasOutput() const { return !m_output.isEmpty(); }
    // The transport action of the session's end, once (the Ended event
    // carries it too): the driver carries it out after writing output().
    std::optional<TransportAction> takeTransportAction()
    {
        return std::exchange(m_transportAction, std::nullopt);
    }

    // Gives back idle buffer capacity (idle connections should cost little).
    void releaseMemory();

    // For the driver's limits on unfinished messages (docs/headless.md): the
    // bytes received of messages and frames not yet complete, and how many
    // data messages have been completed so far (a change means the message
    // held now is a new one).
    qsizetype heldBytes() const { return m_parser.bufferedBytes(); }
    quint64 messagesReceived() const { return m_messagesReceived; }

private:
    class ParserAdapter;
    friend class ParserAdapter;

    void onMessage(MessageType type, QByteArrayView payload);
    void onControl(Opcode opcode, QByteArrayView payload);
    void onProtocolError(quint16 code, const QString &why);

    // Moves along the transition table; false (and reported) when illegal.
    bool setState(State to);
    void writeClose(CloseCode code, QStringView reason, CloseMode mode);
    void end(State final, HowEnded how, TransportAction transport);
    // Both Close frames are through: Closed, and the transport action of our role.
    void endHandshake();
    void emitEvent(SessionEvent &&event);

    Role m_role;
    SessionSink &m_sink;
    SessionOptions m_options;
    FrameParser m_parser;
    std::unique_ptr<MessageDeflater> m_deflater; // null: messages go out uncompressed
    bool m_deflateNoContextTakeover = false;
    QByteArray m_output;

    StateMachine m_machine;
    std::optional<TransportAction> m_transportAction;
    Initiator m_initiator = Initiator::None;
    CloseMode m_closeMode = CloseMode::Close;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    CloseCode m_receivedCode;
    QString m_receivedReason;
    quint64 m_messagesReceived = 0;
};

} // namespace closecall::protocol
