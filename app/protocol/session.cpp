#include "session.h"

#include "deflatecodec.h"
#include "framewriter.h"
#include "utf8validator.h"

#include <QtCore/QCoreApplication>

namespace closecall::protocol {

using namespace Qt::StringLiterals;

// Forwards the frame parser's callbacks to the session without making the
// session itself a FrameSink in its public interface.
class Session::ParserAdapter final : public FrameSink
{
public:
    explicit ParserAdapter(Session &s)
        : m_session(s)
    {}
    // Once the session has ended, nothing more in the same read is looked
    // at: the parser is told to stop at the frame that ended it.
    void onMessage(MessageType type, QByteArrayView payload, int) override
    {
        if (!m_session.isEnded())
            m_session.onMessage(type, payload);
        stopIfEnded();
    }
    void onControl(Opcode opcode, QByteArrayView payload) override
    {
        if (!m_session.isEnded())
            m_session.onControl(opcode, payload);
        stopIfEnded();
    }
    void onProtocolError(quint16 code, const QString &why) override
    {
        if (!m_session.isEnded())
            m_session.onProtocolError(code, why);
        stopIfEnded();
    }

private:
    void stopIfEnded()
    {
        if (m_session.isEnded())
            m_session.m_parser.stop();
    }

    Session &m_session;
};

Session::Session(Role role, SessionSink &sink, SessionOptions options)
    : m_role(role)
    , m_sink(sink)
    , m_options(options)
    , m_parser(role, options.maxMessageSize)
{}

Session::~Session() = default;

void Session::enableDeflate(const DeflateParams &params)
{
    // Each side compresses within its own window and context rules; the
    // other side's rules say whether its compressor forgets between
    // messages (so our inflater may too).
    const bool server = m_role == Role::Server;
    m_deflateNoContextTakeover =
        server ? params.serverNoContextTakeover : params.clientNoContextTakeover;
    m_deflater = std::make_unique<MessageDeflater>(server ? params.serverMaxWindowBits
                                                          : params.clientMaxWindowBits,
                                                   m_deflateNoContextTakeover);
    m_parser.enableDeflate(server ? params.clientNoContextTakeover
                                  : params.serverNoContextTakeover);
}

qsizetype Session::deflateMemory() const
{
    return (m_deflater ? m_deflater->memoryInUse() : 0) + m_parser.inflaterMemory();
}

void Session::setMaxMessageSize(quint64 bytes)
{
    m_options.maxMessageSize = bytes;
    m_parser.setMaxMessageSize(bytes);
}

void Session::emitEvent(SessionEvent &&event)
{
    m_sink.onSessionEvent(event);
}

bool Session::setState(State to)
{
    const State from = state();
    if (const Refused why = m_machine.moveTo(to)) {
        // Not only asserted: an illegal transition is refused and reported,
        // and the state stays as it was.
        SessionEvent v;
        v.kind = SessionEvent::Kind::Violation;
        v.state = from;
        v.to = to;
        v.text = RefusalText::sentence(why);
        emitEvent(std::move(v));
        return false;
    }
    SessionEvent e;
    e.kind = SessionEvent::Kind::StateChanged;
    e.state = from;
    e.to = to;
    emitEvent(std::move(e));
    return true;
}

void Session::open()
{
    if (state() == State::Connecting)
        (void)setState(State::Open);
}

qsizetype Session::receive(char *data, qsizetype size)
{
    // Nothing may be read once the session has ended, and after a protocol
    // error the stream is no longer trustworthy.
    if (isEnded() || state() == State::Connecting || m_parser.hasFailed())
        return 0;
    ParserAdapter adapter(*this);
    qsizetype offset = 0;
    while (offset < size && !isEnded() && !m_parser.hasFailed()) {
        const qsizetype used = m_parser.feed(data + offset, size - offset, adapter);
        if (used <= 0)
            break;
        offset += used;
    }
    return offset;
}

void Session::onMessage(MessageType type, QByteArrayView payload)
{
    ++m_messagesReceived;
    SessionEvent e;
    e.state = state();
    e.messageType = type;
    e.payload = payload;
    if (m_parser.messageWasCompressed())
        e.wireBytes = qint64(m_parser.messageWireBytes());
    switch (state()) {
    case State::Open:
        e.kind = SessionEvent::Kind::MessageIn;
        break;
    case State::CloseSent:
        // The heart of the product: data after our Close. Close Output hands
        // it on (CloseOutputAsync); Close reads and drops it (CloseAsync).
        e.kind = SessionEvent::Kind::MessageIn;
        e.postClose =
            m_closeMode == CloseMode::CloseOutput ? PostClose::Delivered : PostClose::Discarded;
        break;
    case State::CloseReceived:
        // RFC §5.5.1: nothing may follow the peer's Close.
        e.kind = SessionEvent::Kind::Violation;
        e.text = tr("%1 message of %2 bytes after the peer's Close: dropped")
                     .arg(messageTypeName(type))
                     .arg(payload.size());
        break;
    default:
        return;
    }
    emitEvent(std::move(e));
}

void Session::onControl(Opcode opcode, QByteArrayView payload)
{
    if (state() == State::CloseReceived) {
        SessionEvent v;
        v.kind = SessionEvent::Kind::Violation;
        v.state = state();
        v.payload = payload;
        v.text = tr("%1 frame after the peer's Close: ignored").arg(opcodeName(opcode));
        emitEvent(std::move(v));
        return;
    }
    switch (opcode) {
    case Opcode::Ping: {
        SessionEvent e;
        e.kind = SessionEvent::Kind::PingIn;
        e.state = state();
        e.payload = payload;
        emitEvent(std::move(e));
        // RFC §5.5.2: answer with a Pong carrying the same payload, also in
        // CloseSent (R13); the option exists to test a client's keep-alive.
        if (m_options.autoPong && (state() == State::Open || state() == State::CloseSent)) {
            framewriter::appendFrame(m_output, m_role, Opcode::Pong, payload);
            SessionEvent p;
            p.kind = SessionEvent::Kind::PongOut;
            p.state = state();
            p.payload = payload;
            emitEvent(std::move(p));
        }
        return;
    }
    case Opcode::Pong: {
        SessionEvent e;
        e.kind = SessionEvent::Kind::PongIn;
        e.state = state();
        e.payload = payload;
        emitEvent(std::move(e));
        return;
    }
    case Opcode::Close:
        break;
    default:
        return;
    }

    const ReceivedClose rc = parseClosePayload(payload);
    if (rc.errorCode != 0) {
        onProtocolError(rc.errorCode, rc.error);
        return;
    }
    m_closeReceived = true;
    m_receivedCode = rc.code;
    m_receivedReason = rc.reason;
    if (m_initiator == Initiator::None)
        m_initiator = m_role == Role::Server ? Initiator::Client : Initiator::Server;

    SessionEvent e;
    e.kind = SessionEvent::Kind::CloseReceived;
    e.state = state();
    e.code = rc.code;
    e.text = rc.reason;
    emitEvent(std::move(e));

    if (state() == State::CloseSent) {
        // Our Close was answered: the handshake is complete (R1).
        endHandshake();
        return;
    }
    if (!setState(State::CloseReceived))
        return;
    if (m_options.autoAcknowledge) {
        // RFC §5.5.1: "typically echoes the status code it received";
        // an empty Close is answered with an empty Close (R5).
        writeClose(rc.code, QString(), CloseMode::Ack);
        endHandshake();
    }
}

void Session::onProtocolError(quint16 code, const QString &why)
{
    m_parser.stop();
    SessionEvent e;
    e.kind = SessionEvent::Kind::ProtocolError;
    e.state = state();
    e.code = code;
    e.text = why;
    emitEvent(std::move(e));
    // We answer with our Close when we may still send one; the stream is
    // no longer trustworthy, so we read no more and close TCP right after
    // the frame is flushed.
    if (!m_closeSent)
        writeClose(code, QString(), CloseMode::ProtocolError);
    if (setState(State::Aborted))
        end(State::Aborted, HowEnded::ProtocolError, TransportAction::CloseNow);
}

void Session::failConnection(CloseCode code, QStringView reason)
{
    if (isEnded() || state() == State::Connecting)
        return;
    // The rest of the stream is never parsed, so the message being
    // reassembled can never complete: its bytes are given back now.
    m_parser = FrameParser(m_role, m_options.maxMessageSize);
    if (!m_closeSent) {
        // The driver's reason is short; a translation that makes it too
        // long for a Close frame loses the reason, never the Close.
        const bool reasonFits = !checkOutgoingClose(code, reason);
        writeClose(code, reasonFits ? reason : QStringView(), CloseMode::ProtocolError);
    }
    if (setState(State::Aborted))
        end(State::Aborted, HowEnded::ProtocolError, TransportAction::CloseNow);
}

void Session::transportClosed(bool reset)
{
    if (isEnded())
        return;
    // R9: TCP lost without a complete close handshake.
    if (setState(State::Aborted))
        end(State::Aborted, reset ? HowEnded::PeerReset : HowEnded::PeerEof, TransportAction::None);
}

Refused Session::sendMessage(MessageType type, QByteArrayView payload, Utf8Check check)
{
    if (Refused why = refusalFor(Operation::Send, state()))
        return why;
    if (type == MessageType::Text && check == Utf8Check::Validate &&
        !Utf8Validator::isValid(payload))
        return Refused::of(Refusal::TextNotUtf8);
    const Opcode opcode = type == MessageType::Text ? Opcode::Text : Opcode::Binary;
    qint64 wireBytes = -1;
    if (m_deflater && m_deflater->canCompress()) {
        // RFC 7692 §6.1: RSV1 on the (only) frame of a compressed message.
        // With context takeover every message must go through the
        // compressor (the peer's window follows ours); without it, one that
        // does not shrink may go out as it is.
        const QByteArray compressed = m_deflater->compress(payload);
        if (!m_deflateNoContextTakeover || compressed.size() < payload.size()) {
            framewriter::appendFrame(m_output, m_role, opcode, compressed, true, std::nullopt, 4);
            wireBytes = compressed.size();
        }
    }
    if (wireBytes < 0)
        framewriter::appendFrame(m_output, m_role, opcode, payload);
    SessionEvent e;
    e.kind = SessionEvent::Kind::MessageOut;
    e.state = state();
    e.messageType = type;
    e.payload = payload;
    e.wireBytes = wireBytes;
    emitEvent(std::move(e));
    return {};
}

Refused Session::sendText(QStringView text)
{
    if (!text.isValidUtf16())
        return Refused::of(Refusal::TextLoneSurrogate);
    const QByteArray utf8 = text.toUtf8();
    return sendMessage(MessageType::Text, utf8);
}

Refused Session::ping(QByteArrayView payload)
{
    if (Refused why = refusalFor(Operation::Ping, state()))
        return why;
    if (payload.size() > 125)
        return Refused::withSize(Refusal::PingTooLarge, payload.size());
    framewriter::appendFrame(m_output, m_role, Opcode::Ping, payload);
    SessionEvent e;
    e.kind = SessionEvent::Kind::PingOut;
    e.state = state();
    e.payload = payload;
    emitEvent(std::move(e));
    return {};
}

Refused Session::pong(QByteArrayView payload)
{
    if (Refused why = refusalFor(Operation::Ping, state()))
        return why;
    if (payload.size() > 125)
        return Refused::withSize(Refusal::PingTooLarge, payload.size());
    framewriter::appendFrame(m_output, m_role, Opcode::Pong, payload);
    SessionEvent e;
    e.kind = SessionEvent::Kind::PongOut;
    e.state = state();
    e.payload = payload;
    emitEvent(std::move(e));
    return {};
}

Refused Session::close(CloseCode code, QStringView reason, CloseMode mode)
{
    if (Refused why = refusalFor(Operation::Close, state()))
        return why;
    if (Refused why = checkOutgoingClose(code, reason))
        return why;

    writeClose(code, reason, mode);
    if (state() == State::CloseReceived) {
        // Acknowledging the peer's Close (manual mode, R6): done.
        endHandshake();
    } else {
        (void)setState(State::CloseSent);
    }
    return {};
}

Refused Session::abort(HowEnded how)
{
    if (Refused why = refusalFor(Operation::Abort, state()))
        return why;
    if (setState(State::Aborted))
        end(State::Aborted, how, TransportAction::Reset);
    return {};
}

void Session::writeClose(CloseCode code, QStringView reason, CloseMode mode)
{
    // Whoever sends the first Close initiates, including a protocol-error Close.
    if (m_initiator == Initiator::None)
        m_initiator = m_role == Role::Server ? Initiator::Server : Initiator::Client;
    const QByteArray payload = buildClosePayload(code, reason);
    framewriter::appendFrame(m_output, m_role, Opcode::Close, payload);
    m_closeSent = true;
    m_closeMode = mode;
    SessionEvent e;
    e.kind = SessionEvent::Kind::CloseSent;
    e.state = state();
    e.code = code;
    e.text = reason.toString();
    e.mode = mode;
    emitEvent(std::move(e));
}

void Session::endHandshake()
{
    // RFC 6455 §7.1.1: the server closes TCP first; a client waits for it.
    if (setState(State::Closed))
        end(State::Closed, HowEnded::Handshake,
            m_role == Role::Server ? TransportAction::CloseNow : TransportAction::AwaitPeerClose);
}

void Session::end(State final, HowEnded how, TransportAction transport)
{
    SessionEvent e;
    e.kind = SessionEvent::Kind::Ended;
    e.state = final;
    e.to = final;
    e.how = how;
    e.initiator = m_initiator;
    e.transport = transport;
    // The code the table shows: the peer's (1005 for an empty Close), or
    // 1006 when no Close arrived (RFC §7.1.5).
    if (m_closeReceived) {
        e.code = m_receivedCode.value_or(closecode::NoStatusReceived);
        e.text = m_receivedReason;
    } else {
        e.code = closecode::Abnormal;
    }
    if (transport == TransportAction::Reset)
        m_output.clear(); // an RST drops whatever was not yet written
    m_transportAction = transport;
    emitEvent(std::move(e));
}

void Session::releaseMemory()
{
    if (m_output.isEmpty())
        m_output = QByteArray();
    m_parser.releaseMemory();
}

} // namespace closecall::protocol
