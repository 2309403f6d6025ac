#include "connection.h"

#include "engineimpl.h"
#include "peerdriver.h"
#include "plaintransport.h"
#include "tlstransport.h"

namespace closecall::server {

using namespace protocol;

namespace {
// After both Close frames (or a failed upgrade) we send FIN and wait this
// long for the peer's FIN before closing anyway.
constexpr qint64 LingerMs = 2000;

SessionOptions sessionOptions(const ServerConfig &cfg)
{
    SessionOptions options;
    options.maxMessageSize = quint64(qMax<qint64>(cfg.maxMessageSize, 0));
    options.autoAcknowledge = !cfg.manualAck;
    options.autoPong = cfg.autoPong;
    return options;
}
} // namespace

Connection::Connection(EngineImpl &engine, quint32 id, const sockets::PeerAddress &remote)
    : m_engine(engine)
    , m_ws(*this, engine.handshakeConfig(), sessionOptions(engine.config()))
    , m_deadline(engine.deadlines().none())
{
    m_info.id = id;
    m_info.remote = remote.toString();
}

Connection::Connection(EngineImpl &engine, quint32 id, const sockets::PeerAddress &remote,
                       ClientHandshakeOptions handshake, const QString &url)
    : m_engine(engine)
    , m_ws(*this, std::move(handshake), sessionOptions(engine.config()))
    , m_deadline(engine.deadlines().none())
{
    m_info.id = id;
    m_info.remote = remote.toString();
    m_info.outgoing = true;
    m_info.url = url;
}

Connection::~Connection()
{
    cancelTimer();
    releaseUnfinished();
}

void Connection::setBehaviour(const PeerBehaviour &behaviour)
{
    m_driver = std::make_unique<PeerDriver>(*this, behaviour);
    m_ws.setAutoAcknowledge(m_driver->autoAcknowledge());
}

void Connection::start(std::unique_ptr<Transport> transport, bool plain, qint64 handshakeTimeoutMs)
{
    m_transport = std::move(transport);
    m_plain = plain;
    setTimer(Timer::Handshake,
             handshakeTimeoutMs < 0 ? m_engine.config().handshakeTimeoutMs : handshakeTimeoutMs);
    if (isOutgoing())
        pump(); // the upgrade request
}

// ---- events ---------------------------------------------------------------

void Connection::publish(Event &&event)
{
    EventPublisher &publisher = m_engine.publisher();
    publisher.stamp(event);
    event.leg = m_leg;
    event.pair = m_pair;
    m_info.apply(event);
    publisher.publish(std::move(event));
}

namespace {
// `crossed`: the frame was in the kernel's receive buffer (or read but not
// parsed) when our Close went out (docs/headless.md "post_close and crossed").
template<typename Kind> Kind payloadOf(const SessionEvent &e, bool crossed)
{
    Kind fields;
    fields.messageType = e.messageType;
    fields.postClose = e.postClose;
    fields.size = e.payload.size();
    fields.wireSize = e.wireBytes;
    if constexpr (directionOf(kindOf<Kind>) == Direction::In)
        fields.crossed = crossed;
    return fields;
}
} // namespace

// Out of line, so that the counting path of an echo under
// --no-message-events stays a few instructions (tests/bench/README.md,
// callgrind).
template<typename Kind> Q_NEVER_INLINE void Connection::publishWithPreview(const SessionEvent &e)
{
    Kind fields = payloadOf<Kind>(e, m_inCrossed);
    fields.preview = m_engine.publisher().preview(e.payload);
    publish(makeEvent(e.state, std::move(fields)));
}

template<typename Kind> void Connection::publishMessageEvent(const SessionEvent &e)
{
    if (m_engine.config().messageEvents) {
        publishWithPreview<Kind>(e);
        return;
    }
    // Off the stream, still counted: `list` shows every message. No Event
    // is built for it, only the counters are folded in.
    m_info.count(payloadOf<Kind>(e, m_inCrossed));
}

void Connection::onSessionEvent(const SessionEvent &e)
{
    using Kind = SessionEvent::Kind;
    switch (e.kind) {
    case Kind::StateChanged: {
        publish(makeEvent(e.state, events::StateChange{e.state, e.to}));
        if (e.state == State::Connecting && e.to == State::Open) {
            publishOpen();
            if (m_driver)
                m_driver->onOpen();
            if (m_relay)
                m_relay->onOpen(*this);
        } else if (e.to == State::CloseReceived) {
            // The other side closed first (our Close is not out).
            if (m_driver)
                m_driver->onPeerClose(m_ws.session().receivedCode());
            if (m_relay)
                m_relay->onCloseChanged(*this);
        }
        return;
    }
    case Kind::MessageIn:
        publishMessageEvent<events::MessageIn>(e);
        if (m_relay)
            m_relay->onFrame(*this, e);
        // Echo mode answers only while Open: never after our Close [R11].
        else if (echoes(e))
            (void)m_ws.sendMessage(e.messageType, e.payload, Session::Utf8Check::AlreadyValid);
        return;
    case Kind::MessageOut:
        publishMessageEvent<events::MessageOut>(e);
        return;
    case Kind::PingIn:
        publishMessageEvent<events::PingIn>(e);
        if (m_relay)
            m_relay->onFrame(*this, e);
        return;
    case Kind::PongIn:
        publishMessageEvent<events::PongIn>(e);
        if (m_relay)
            m_relay->onFrame(*this, e);
        return;
    case Kind::PingOut:
        publishMessageEvent<events::PingOut>(e);
        return;
    case Kind::PongOut:
        publishMessageEvent<events::PongOut>(e);
        return;
    case Kind::CloseReceived: {
        // R16: our Close (written) to theirs (received), when ours went first;
        // else the peer closed first and its Close waits for our answer.
        const qint64 now = m_engine.publisher().nowUs();
        if (m_closeWrittenUs >= 0)
            m_closeHandshakeUs = now - m_closeWrittenUs;
        else if (!m_closeQueued)
            m_peerCloseReadUs = now;
        publish(makeEvent(e.state, events::CloseReceived{e.code, e.text}));
        if (m_relay && e.state == State::CloseSent)
            m_relay->onCloseChanged(*this); // the answer to our Close
        return;
    }
    case Kind::CloseSent: {
        m_closeQueued = true;
        publish(makeEvent(e.state, events::CloseSent{e.code, e.mode, e.text}));
        if (m_driver)
            m_driver->onCloseSent(); // its traffic ends with our Close
        return;
    }
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

bool Connection::echoes(const SessionEvent &e) const
{
    if (e.state != State::Open || e.postClose != PostClose::None)
        return false;
    return m_driver ? m_driver->echoes() : m_engine.config().echo;
}

void Connection::onEnded(const SessionEvent &e)
{
    cancelTimer();
    if (m_driver)
        m_driver->onEnded();
    m_engine.connectionEnded();
    if (m_relay)
        m_relay->onCloseChanged(*this);

    events::Closed ev{e.code, e.how, false, e.initiator, m_closeHandshakeUs, e.text};
    // Our Close as close_sent reported it (folded into m_info).
    ev.closeSent = m_info.closeSent;
    ev.sentCode = m_info.sentCode;
    ev.sentReason = m_info.sentReason;
    // RFC 6455 §7.1.1: the server closes TCP first; whether the client beat
    // us to it is read from the socket now, before our FIN can go out.
    bool peerFirst = false;
    switch (e.transport) {
    case TransportAction::None:
        peerFirst = true;
        break;
    case TransportAction::Reset:
        peerFirst = false;
        break;
    default:
        peerFirst = m_peerEof || m_transport->peerHasClosed();
        break;
    }
    // The client is the peer on an in row and we on an out row.
    ev.tcpClosedByClient = isOutgoing() ? !peerFirst : peerFirst;
    if (isOutgoing() && e.transport == TransportAction::AwaitPeerClose && !peerFirst) {
        // We wait for the server's FIN (RFC 6455 §7.1.1): who closed TCP is
        // known when it comes (onTransportEof) or the linger ends (ours).
        m_awaitingFin = true;
        m_pendingClosed = std::make_unique<Event>(makeEvent(e.to, std::move(ev)));
        return;
    }
    if (m_closeQueued) {
        // Our last Close (typically the answer to the peer's) is still in
        // the output: `closed` follows its write in pump(), so that
        // ack_delay_us ends where close_handshake_us starts, at the socket.
        m_pendingClosed = std::make_unique<Event>(makeEvent(e.to, std::move(ev)));
        return;
    }
    publish(makeEvent(e.to, std::move(ev)));
}

void Connection::publishPendingClosed(qint64 ackDelayUs)
{
    if (!m_pendingClosed)
        return;
    if (ackDelayUs >= 0)
        m_pendingAckDelayUs = ackDelayUs;
    if (m_awaitingFin)
        return;
    const std::unique_ptr<Event> pending = std::move(m_pendingClosed);
    events::Closed ev = pending->as<events::Closed>();
    ev.ackDelayUs = m_pendingAckDelayUs;
    if (m_finFromServer)
        ev.tcpClosedByClient = false;
    publish(makeEvent(pending->state, std::move(ev)));
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
    if (m_link != Link::Up)
        return;
    const bool wasConnecting = m_ws.isConnecting();
    const qsizetype unread = receiveMarkingCrossed(data, size);
    if (wasConnecting) {
        if (m_ws.upgrade() == WsConnection::Upgrade::Failed) {
            cancelTimer();
            publishHandshakeFailed(m_ws.httpStatus(), m_ws.failureReason());
        } else if (m_ws.upgrade() == WsConnection::Upgrade::Requested) {
            onUpgradeRequested();
            return;
        }
    }
    trackUnfinished();
    pump(unread);
    if (m_relay)
        m_relay->onReadDone(*this);
}

qsizetype Connection::receiveMarkingCrossed(char *data, qsizetype size)
{
    const quint64 start = m_bytesIn;
    m_bytesIn += quint64(size);
    if (m_crossedEnd <= start)
        return m_ws.receive(data, size);
    // The bytes that were already here when our Close went out are parsed on
    // their own, so every frame ending in them is marked; any split of the
    // input yields the same frames [R14].
    const qsizetype head = qsizetype(qMin(m_crossedEnd - start, quint64(size)));
    m_inCrossed = true;
    const qsizetype unread = m_ws.receive(data, head);
    m_inCrossed = false;
    if (head == size)
        return unread;
    // The session ended inside (or right at the end of) the head: the rest
    // is unread too, and must be counted as such.
    if (unread > 0 || m_ws.isEnded())
        return unread + (size - head);
    return m_ws.receive(data + head, size - head);
}

bool Connection::mayRead()
{
    if (m_relay && !m_relay->mayRead(*this))
        return false;
    return m_engine.mayRead(m_info.id);
}

void Connection::onOutputDrained()
{
    if (m_relay)
        m_relay->onOutputDrained(*this);
}

void Connection::resumeReading()
{
    if (m_transport)
        m_transport->resumeReading();
}

void Connection::reportUnread(qsizetype unread)
{
    // Bytes behind the frame that ended the session (after the close
    // handshake or a protocol error) are not read, but nothing goes
    // unmentioned: the log says how many were ignored.
    if (unread <= 0)
        return;
    publish(makeEvent(m_ws.state(),
                      events::Error{tr("%n byte(s) after the end of the connection ignored",
                                       nullptr, int(unread)),
                                    std::nullopt, unread}));
}

void Connection::onTransportEof(bool reset)
{
    m_peerEof = true;
    if (std::exchange(m_awaitingFin, false))
        m_finFromServer = true; // the server closed TCP first
    if (m_link == Link::Gone)
        return;
    if (m_link == Link::Up && m_ws.isConnecting() && isOutgoing()) {
        // The server's refusal may end here (a body up to the close).
        cancelTimer();
        m_ws.transportClosed(reset);
        publishHandshakeFailed(m_ws.httpStatus(), m_ws.failureReason());
        pump();
        return;
    }
    if (m_link == Link::Closing && isOutgoing() && m_transport->pendingBytes() > 0) {
        // The server's FIN came before our last bytes left: flush them first.
        m_transport->closeAfterFlush();
        return;
    }
    if (m_link == Link::Up && m_ws.isConnecting()) {
        cancelTimer();
        publish(makeEvent(
            State::Connecting,
            events::HandshakeFailed{
                m_info.remote, 0,
                reset ? tr("the client reset the connection before completing the upgrade")
                      : tr("the client closed the connection before completing the upgrade")}));
    }
    if (m_link == Link::Up) {
        // During the upgrade it just fails; after it, [R9]: TCP lost without a Close.
        m_ws.transportClosed(reset);
        pump();
        return;
    }
    m_transport->closeNow();
    finish();
}

void Connection::onTransportError(const QString &message)
{
    if (m_link == Link::Up && m_ws.isConnecting())
        publishHandshakeFailed(0, message);
    if (m_link == Link::Up) {
        m_ws.transportClosed(true);
        (void)m_ws.takeTransportAction(); // the transport is already gone
    }
    m_transport->closeNow();
    finish();
}

void Connection::onTransportClosed()
{
    finish();
}

void Connection::pump(qsizetype unread)
{
    if (m_link == Link::Gone || !m_transport) {
        publishPendingClosed();
        reportUnread(unread);
        return;
    }
    qint64 ackDelayUs = -1;
    if (m_ws.hasOutput()) {
        const bool closeGoesOut = std::exchange(m_closeQueued, false);
        // Taken before the write: whatever is on our side now was sent
        // before the peer could have seen our Close.
        if (closeGoesOut)
            m_crossedEnd = m_bytesIn + quint64(qMax<qsizetype>(m_transport->unreadInputBytes(), 0));
        m_transport->write(m_ws.output());
        if (closeGoesOut) {
            m_closeWrittenUs = m_engine.publisher().nowUs();
            if (m_peerCloseReadUs >= 0)
                ackDelayUs = m_closeWrittenUs - m_peerCloseReadUs;
        }
    }
    publishPendingClosed(ackDelayUs);
    reportUnread(unread);
    const std::optional<TransportAction> action = m_ws.takeTransportAction();
    if (!action)
        return;
    switch (*action) {
    case TransportAction::AwaitPeerClose:
        // RFC 6455 §7.1.1: the server closes TCP first; the client waits for
        // its FIN (onTransportEof closes then) and closes anyway after LingerMs.
        m_link = Link::Closing;
        if (m_peerEof) {
            m_transport->closeAfterFlush();
        }
        setTimer(Timer::Linger, LingerMs);
        return;
    case TransportAction::CloseNow:
        m_link = Link::Closing;
        m_transport->closeAfterFlush();
        setTimer(Timer::Linger, LingerMs);
        return;
    case TransportAction::Reset:
        if (m_finNotReset) {
            // closeWithoutClose(): a FIN, then wait for the peer's as after
            // a close handshake.
            m_link = Link::Closing;
            m_transport->closeAfterFlush();
            setTimer(Timer::Linger, LingerMs);
            return;
        }
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
    if (m_link == Link::Gone)
        return;
    m_awaitingFin = false;
    publishPendingClosed(); // never lost, even when the write never came
    m_link = Link::Gone;
    cancelTimer();
    releaseUnfinished();
    m_ws.releaseMemory();
    m_engine.connectionGone(this);
}

void Connection::sweep()
{
    if (m_active) {
        m_active = false;
        return;
    }
    m_ws.releaseMemory();
    if (m_transport)
        m_transport->releaseMemory();
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
        if (isOutgoing()) {
            // The server did not answer the upgrade in time: we give up.
            // The time counts from the connect: resolution, TCP, TLS, upgrade.
            const bool tlsPending =
                !m_plain && !static_cast<const TlsTransport *>(m_transport.get())->isEncrypted();
            m_ws.abandonUpgrade();
            const QString said = m_ws.failureReason();
            const int ms = m_engine.config().handshakeTimeoutMs;
            publishHandshakeFailed(
                m_ws.httpStatus(),
                !said.isEmpty() ? said
                : tlsPending
                    ? tr("the server did not finish the TLS handshake within %1 ms").arg(ms)
                    : tr("no 101 Switching Protocols within %1 ms").arg(ms),
                true);
            pump();
            return;
        }
        // A slow or silent client is dropped, with a 408 it can read
        // (docs/close-semantics.md "States").
        refuseUpgradeWith(408, tr("no complete upgrade request within %1 ms")
                                   .arg(m_engine.config().handshakeTimeoutMs));
        return;
    }
    case Timer::Close:
        // R4: the peer's Close did not come in time.
        if (isLive() && m_ws.state() == State::CloseSent) {
            (void)m_ws.abort(HowEnded::Timeout);
            pump();
        }
        return;
    case Timer::Linger:
        m_awaitingFin = false; // no FIN came: we close TCP (tcp_closed_by stays "client")
        m_transport->closeNow();
        finish();
        return;
    case Timer::Message:
        onMessageTimeout(); // connectionlimits.cpp
        return;
    }
}

// ---- commands -----------------------------------------------------------------

Refused Connection::close(CloseCode code, const QString &reason, CloseMode mode, int timeoutMs)
{
    if (Refused why = m_ws.close(code, reason, mode))
        return why;
    if (m_ws.state() == State::CloseSent) {
        const ServerConfig &cfg = m_engine.config();
        if (timeoutMs < 0)
            timeoutMs =
                mode == CloseMode::CloseOutput ? cfg.closeOutputTimeoutMs : cfg.closeTimeoutMs;
        // 0 = never, for Close Output only [R4].
        if (timeoutMs > 0 || mode != CloseMode::CloseOutput)
            setTimer(Timer::Close, timeoutMs);
    }
    pump();
    return {};
}

Refused Connection::abort(HowEnded how)
{
    Refused why = m_ws.abort(how);
    if (!why)
        pump();
    return why;
}

Refused Connection::send(MessageType type, QByteArrayView payload)
{
    Refused why = m_ws.sendMessage(type, payload);
    if (!why)
        pump();
    return why;
}

Refused Connection::ping(QByteArrayView payload)
{
    Refused why = m_ws.ping(payload);
    if (!why)
        pump();
    return why;
}

Refused Connection::closeWithoutClose()
{
    Refused why = m_ws.abort(HowEnded::Abort);
    if (!why) {
        m_finNotReset = true;
        pump();
    }
    return why;
}

void Connection::applyOptions(bool manualAck, bool autoPong)
{
    if (m_relay)
        return; // a proxy's legs keep their own (EngineImpl::setProxyOptions)
    // A behaviour decides its own acknowledge.
    m_ws.setAutoAcknowledge(m_driver ? m_driver->autoAcknowledge() : !manualAck);
    m_ws.setAutoPong(autoPong);
}

void Connection::closeTransportNow()
{
    if (m_link == Link::Gone)
        return;
    if (m_transport)
        m_transport->closeNow();
    finish();
}

} // namespace closecall::server
