#include "connection.h"

#include "engineimpl.h"
#include "plaintransport.h"

namespace closecall::server {

using namespace protocol;

namespace {
// After both Close frames (or a failed upgrade) we send FIN and wait this
// long for the peer's FIN before closing anyway.
constexpr qint64 LingerMs = 2000;
} // namespace

Connection::Connection(EngineImpl &engine, quint32 id, const sockets::PeerAddress &remote)
    : m_engine(engine)
    , m_deadline(engine.deadlines().none())
{
    m_info.id = id;
    m_info.remote = remote.toString();
}

Connection::~Connection()
{
    cancelTimer();
}

void Connection::start(std::unique_ptr<Transport> transport, bool plain)
{
    m_transport = std::move(transport);
    m_plain = plain;
    m_handshake = std::make_unique<ServerHandshake>(m_engine.handshakeConfig());
    setTimer(Timer::Handshake, m_engine.config().handshakeTimeoutMs);
}

// ---- events ---------------------------------------------------------------

void Connection::publish(Event &&event)
{
    EventPublisher &publisher = m_engine.publisher();
    publisher.stamp(event);
    m_info.apply(event);
    publisher.publish(std::move(event));
}

template<typename Kind> void Connection::publishMessageEvent(const SessionEvent &e)
{
    Kind fields;
    fields.messageType = e.messageType;
    fields.postClose = e.postClose;
    fields.size = e.payload.size();
    if (!m_engine.config().messageEvents) {
        // Off the stream, still counted: `list` shows every message.
        m_info.apply(makeEvent(e.state, std::move(fields)));
        return;
    }
    fields.preview = e.payload.first(qMin(e.payload.size(), MaxPreviewBytes)).toByteArray();
    publish(makeEvent(e.state, std::move(fields)));
}

void Connection::onSessionEvent(const SessionEvent &e)
{
    using Kind = SessionEvent::Kind;
    switch (e.kind) {
    case Kind::StateChanged:
        publish(makeEvent(e.state, events::StateChange{e.state, e.to}));
        return;
    case Kind::MessageIn:
        publishMessageEvent<events::MessageIn>(e);
        // Echo mode answers only while Open: never after our Close (issue 4).
        if (m_engine.config().echo && e.state == State::Open && e.postClose == PostClose::None)
            (void)m_session->sendMessage(e.messageType, e.payload,
                                         protocol::Session::Utf8Check::AlreadyValid);
        return;
    case Kind::MessageOut:
        publishMessageEvent<events::MessageOut>(e);
        return;
    case Kind::PingIn:
        publishMessageEvent<events::PingIn>(e);
        return;
    case Kind::PongIn:
        publishMessageEvent<events::PongIn>(e);
        return;
    case Kind::PingOut:
        publishMessageEvent<events::PingOut>(e);
        return;
    case Kind::PongOut:
        publishMessageEvent<events::PongOut>(e);
        return;
    case Kind::CloseReceived: {
        // R16: our Close (written) to theirs (received), when ours went first.
        if (m_closeWrittenUs >= 0)
            m_closeHandshakeUs = m_engine.publisher().nowUs() - m_closeWrittenUs;
        publish(makeEvent(e.state, events::CloseReceived{e.code, e.text}));
        return;
    }
    case Kind::CloseSent:
        m_closeQueued = true;
        publish(makeEvent(e.state, events::CloseSent{e.code, e.mode, e.text}));
        return;
    case Kind::ProtocolError:
        publish(
            makeEvent(e.state, events::Error{tr("protocol error, answered with %1: %2")
                                                 .arg(e.code ? QString::number(*e.code) : QString())
                                                 .arg(e.text),
                                             e.code}));
        return;
    case Kind::Violation:
        publish(makeEvent(e.state, events::Error{e.text, std::nullopt, e.payload.size()}));
        return;
    case Kind::Ended:
        onEnded(e);
        return;
    }
}

void Connection::onEnded(const SessionEvent &e)
{
    cancelTimer();
    m_engine.connectionEnded();

    events::Closed ev{e.code, e.how, false, e.initiator, m_closeHandshakeUs, e.text};
    // RFC 6455 §7.1.1: the server closes TCP first; whether the client beat
    // us to it is read from the socket now, before our FIN can go out.
    switch (e.transport) {
    case TransportAction::None:
        ev.tcpClosedByClient = true;
        break;
    case TransportAction::Reset:
        ev.tcpClosedByClient = false;
        break;
    default:
        ev.tcpClosedByClient = m_peerEof || m_transport->peerHasClosed();
        break;
    }
    publish(makeEvent(e.to, std::move(ev)));

    m_action = e.transport;
    m_actionPending = true;
}

// ---- I/O ------------------------------------------------------------------

void Connection::onPollEvents(quint32 events)
{
    if (m_plain && m_transport)
        static_cast<PlainTransport *>(m_transport.get())->onEvents(events);
}

void Connection::onTransportData(char *data, qsizetype size)
{
    m_active = true;
    if (m_phase == Phase::Handshake) {
        onHandshakeBytes(QByteArrayView(data, size));
        return;
    }
    if (m_phase != Phase::Upgraded)
        return;
    receiveFrames(data, size);
    pump();
}

void Connection::receiveFrames(char *data, qsizetype size)
{
    const qsizetype used = m_session->receive(data, size);
    // Bytes behind the frame that ended the session (after the close
    // handshake or a protocol error) are not read, but nothing goes
    // unmentioned: the log says how many were ignored.
    if (used < size && m_session->isEnded()) {
        publish(makeEvent(m_session->state(),
                          events::Error{tr("%n byte(s) after the end of the connection ignored",
                                           nullptr, int(size - used)),
                                        std::nullopt, size - used}));
    }
}

void Connection::onTransportEof(bool reset)
{
    m_peerEof = true;
    switch (m_phase) {
    case Phase::Handshake: {
        publish(makeEvent(
            State::Connecting,
            events::HandshakeFailed{
                m_info.remote, 0,
                reset ? tr("the client reset the connection before completing the upgrade")
                      : tr("the client closed the connection before completing the upgrade")}));
        m_transport->closeNow();
        finish();
        return;
    }
    case Phase::Upgraded:
        // R9: TCP lost without a Close.
        m_session->transportClosed(reset);
        pump();
        return;
    case Phase::Ending:
        m_transport->closeNow();
        finish();
        return;
    case Phase::Gone:
        return;
    }
}

void Connection::onTransportError(const QString &message)
{
    if (m_phase == Phase::Handshake) {
        publish(makeEvent(State::Connecting, events::HandshakeFailed{m_info.remote, 0, message}));
    } else if (m_phase == Phase::Upgraded) {
        m_session->transportClosed(true);
        m_actionPending = false; // the transport is already gone
    }
    m_transport->closeNow();
    finish();
}

void Connection::onTransportClosed()
{
    finish();
}

void Connection::pump()
{
    if (m_phase == Phase::Gone || !m_transport)
        return;
    if (m_session && m_session->hasOutput()) {
        m_transport->write(m_session->output());
        if (m_closeQueued) {
            m_closeQueued = false;
            m_closeWrittenUs = m_engine.publisher().nowUs();
        }
    }
    if (!m_actionPending)
        return;
    m_actionPending = false;
    switch (m_action) {
    case TransportAction::CloseNow:
    case TransportAction::AwaitPeerClose:
        m_phase = Phase::Ending;
        m_transport->closeAfterFlush();
        setTimer(Timer::Linger, LingerMs);
        return;
    case TransportAction::Reset:
        // R8: an RST, not a FIN.
        m_transport->reset();
        finish();
        return;
    case TransportAction::None:
        m_transport->closeNow();
        finish();
        return;
    }
}

void Connection::finish()
{
    if (m_phase == Phase::Gone)
        return;
    m_phase = Phase::Gone;
    cancelTimer();
    if (m_session)
        m_session->releaseMemory();
    m_engine.connectionGone(this);
}

void Connection::sweep()
{
    if (m_active) {
        m_active = false;
        return;
    }
    if (m_session)
        m_session->releaseMemory();
    if (m_transport)
        m_transport->releaseMemory();
}

// ---- the upgrade (RFC 6455 §4.2) -------------------------------------------

void Connection::onHandshakeBytes(QByteArrayView bytes)
{
    const HandshakeStatus status = m_handshake->feed(bytes);
    if (status == HandshakeStatus::NeedMore)
        return;
    if (status == HandshakeStatus::Failed) {
        failHandshake(m_handshake->httpStatus(), m_handshake->failureReason(),
                      m_handshake->response());
        return;
    }
    if (m_engine.atConnectionLimit()) {
        const QString why = tr("the server is at its limit of %1 open connections")
                                .arg(m_engine.config().maxConnections);
        failHandshake(503, why, buildHttpError(503, why));
        return;
    }
    completeUpgrade();
}

void Connection::completeUpgrade()
{
    cancelTimer();
    const std::unique_ptr<ServerHandshake> hs = std::move(m_handshake);
    QByteArray response = hs->response();
    m_transport->write(response);

    const ServerConfig &cfg = m_engine.config();
    SessionOptions options;
    options.maxMessageSize = quint64(qMax<qint64>(cfg.maxMessageSize, 0));
    options.autoAcknowledge = !cfg.manualAck;
    options.autoPong = cfg.autoPong;
    m_session.emplace(Role::Server, *this, options);
    m_phase = Phase::Upgraded;
    m_engine.connectionOpened();

    const HandshakeRequest &req = hs->request();
    m_session->open(); // publishes the Connecting → Open state change

    publish(makeEvent(State::Open,
                      events::Open{m_info.remote, req.path, req.query, hs->selectedSubprotocol(),
                                   req.origin, req.userAgent, req.headers}));

    // Frames a client sent right behind its request (without waiting for
    // the 101) belong to the session.
    QByteArray leftover = hs->takeLeftover();
    if (!leftover.isEmpty())
        receiveFrames(leftover.data(), leftover.size());
    pump();
}

void Connection::failHandshake(int status, const QString &reason, QByteArray response)
{
    cancelTimer();
    m_handshake.reset();
    publish(makeEvent(State::Connecting, events::HandshakeFailed{m_info.remote, status, reason}));
    m_phase = Phase::Ending;
    m_transport->write(response);
    m_transport->closeAfterFlush();
    setTimer(Timer::Linger, LingerMs);
}

void Connection::refuseUpgrade(const QString &reason)
{
    if (m_phase == Phase::Handshake)
        failHandshake(503, reason, buildHttpError(503, reason));
}

// ---- timers -----------------------------------------------------------------

void Connection::setTimer(Timer kind, qint64 ms)
{
    cancelTimer();
    m_timer = kind;
    m_deadline = m_engine.deadlines().add(ms, m_info.id);
}

void Connection::cancelTimer()
{
    if (m_timer == Timer::None)
        return;
    m_engine.deadlines().cancel(m_deadline);
    m_deadline = m_engine.deadlines().none();
    m_timer = Timer::None;
}

void Connection::onDeadline()
{
    const Timer kind = std::exchange(m_timer, Timer::None);
    m_deadline = m_engine.deadlines().none();
    switch (kind) {
    case Timer::None:
        return;
    case Timer::Handshake: {
        // A slow or silent client is dropped (issue 4), with a 408 it can read.
        const QString why = tr("no complete upgrade request within %1 ms")
                                .arg(m_engine.config().handshakeTimeoutMs);
        failHandshake(408, why, buildHttpError(408, why));
        return;
    }
    case Timer::Close:
        // R4: the peer's Close did not come in time.
        if (m_phase == Phase::Upgraded && m_session->state() == State::CloseSent) {
            (void)m_session->abort(HowEnded::Timeout);
            pump();
        }
        return;
    case Timer::Linger:
        m_transport->closeNow();
        finish();
        return;
    }
}

// ---- commands -----------------------------------------------------------------

QString Connection::close(CloseCode code, const QString &reason, CloseMode mode, int timeoutMs)
{
    if (m_phase == Phase::Handshake)
        return tr("cannot close: the connection is still Connecting");
    if (!m_session)
        return tr("cannot close: the upgrade failed");
    QString why = m_session->close(code, reason, mode);
    if (!why.isEmpty())
        return why;
    if (m_session->state() == State::CloseSent) {
        const ServerConfig &cfg = m_engine.config();
        if (timeoutMs < 0)
            timeoutMs =
                mode == CloseMode::CloseOutput ? cfg.closeOutputTimeoutMs : cfg.closeTimeoutMs;
        // 0 = never, for Close Output only (CLOSE-SEMANTICS.md R4).
        if (timeoutMs > 0 || mode != CloseMode::CloseOutput)
            setTimer(Timer::Close, timeoutMs);
    }
    pump();
    return {};
}

QString Connection::abort(HowEnded how)
{
    if (m_phase == Phase::Handshake)
        return tr("cannot abort: the connection is still Connecting");
    if (!m_session)
        return tr("cannot abort: the upgrade failed");
    QString why = m_session->abort(how);
    if (why.isEmpty())
        pump();
    return why;
}

QString Connection::send(MessageType type, QByteArrayView payload)
{
    if (m_phase == Phase::Handshake)
        return tr("cannot send data: the connection is still Connecting");
    if (!m_session)
        return tr("cannot send data: the upgrade failed");
    QString why = m_session->sendMessage(type, payload);
    if (why.isEmpty())
        pump();
    return why;
}

QString Connection::ping(QByteArrayView payload)
{
    if (m_phase == Phase::Handshake)
        return tr("cannot send a Ping: the connection is still Connecting");
    if (!m_session)
        return tr("cannot send a Ping: the upgrade failed");
    QString why = m_session->ping(payload);
    if (why.isEmpty())
        pump();
    return why;
}

void Connection::applyOptions(bool manualAck, bool autoPong)
{
    if (!m_session)
        return;
    m_session->setAutoAcknowledge(!manualAck);
    m_session->setAutoPong(autoPong);
}

void Connection::closeTransportNow()
{
    if (m_phase == Phase::Gone)
        return;
    if (m_transport)
        m_transport->closeNow();
    finish();
}

} // namespace closecall::server
