#include "wsconnection.h"

namespace closecall::protocol {

WsConnection::WsConnection(SessionSink &sink, ServerHandshakeConfig handshake,
                           SessionOptions options)
    : m_session(Role::Server, sink, options)
    , m_handshake(std::make_unique<ServerHandshake>(std::move(handshake)))
{}

WsConnection::WsConnection(SessionSink &sink, ClientHandshakeOptions handshake,
                           SessionOptions options)
    : m_session(Role::Client, sink, options)
    , m_client(std::make_unique<ClientHandshake>(std::move(handshake)))
{
    if (m_client->status() == HandshakeStatus::Failed) {
        fail(0, TransportAction::CloseNow); // the options were refused: nothing to send
        return;
    }
    m_session.output() = m_client->request();
}

qsizetype WsConnection::receive(char *data, qsizetype size)
{
    switch (m_upgrade) {
    case Upgrade::Pending:
    case Upgrade::Requested:
        if (m_client)
            return receiveResponse(data, size);
        // A Requested handshake keeps what follows the request for accept().
        onHandshakeStatus(m_handshake->feed(QByteArrayView(data, size)));
        return 0;
    case Upgrade::Failed:
        return 0;
    case Upgrade::Accepted:
        break;
    }
    if (m_session.isEnded())
        return 0;
    const qsizetype used = m_session.receive(data, size);
    return m_session.isEnded() ? size - used : 0;
}

void WsConnection::onHandshakeStatus(HandshakeStatus status)
{
    if (m_upgrade != Upgrade::Pending)
        return;
    switch (status) {
    case HandshakeStatus::NeedMore:
        return;
    case HandshakeStatus::Complete:
        m_upgrade = Upgrade::Requested;
        return;
    case HandshakeStatus::Failed:
        // The handshake wrote its own error response (400, 405, 426, …).
        m_session.output() += m_handshake->response();
        fail(m_handshake->httpStatus(), TransportAction::CloseNow);
        return;
    }
}

qsizetype WsConnection::receiveResponse(char *data, qsizetype size)
{
    switch (m_client->feed(QByteArrayView(data, size))) {
    case HandshakeStatus::NeedMore:
        return 0;
    case HandshakeStatus::Failed:
        // A refusal's body says why: the upgrade fails once it is in.
        if (m_client->bodyComplete())
            fail(m_client->httpStatus(), TransportAction::CloseNow);
        return 0;
    case HandshakeStatus::Complete:
        break;
    }
    m_upgrade = Upgrade::Accepted;
    openSession(m_client->deflate()); // reported while subprotocol() is still there
    // Frames the server sent right behind its 101 belong to the session.
    QByteArray leftover = m_client->takeLeftover();
    qsizetype unread = 0;
    if (!leftover.isEmpty()) {
        const qsizetype used = m_session.receive(leftover.data(), leftover.size());
        unread = m_session.isEnded() ? leftover.size() - used : 0;
    }
    m_client.reset();
    return unread;
}

void WsConnection::fail(int status, TransportAction action)
{
    m_upgrade = Upgrade::Failed;
    m_httpStatus = quint16(status);
    m_upgradeAction = action;
}

QString WsConnection::failureReason() const
{
    if (m_handshake && m_handshake->status() == HandshakeStatus::Failed)
        return m_handshake->failureReason();
    // A client's refusal is not final while its body is still coming.
    if (m_client && m_upgrade == Upgrade::Failed && m_client->status() == HandshakeStatus::Failed)
        return m_client->failureReason();
    return {};
}

void WsConnection::transportClosed(bool reset)
{
    if (isConnecting()) {
        // No session ran, so no state changes: the upgrade just failed. A
        // client keeps what it read of a refusal (its body may end here).
        if (m_client)
            m_client->transportClosed();
        fail(m_client ? m_client->httpStatus() : 0, TransportAction::None);
        return;
    }
    if (m_upgrade == Upgrade::Accepted)
        m_session.transportClosed(reset);
}

const HandshakeRequest &WsConnection::request() const
{
    static const HandshakeRequest none;
    return m_handshake ? m_handshake->request() : none;
}

QString WsConnection::subprotocol() const
{
    if (m_client)
        return m_client->subprotocol();
    return m_handshake ? m_handshake->selectedSubprotocol() : QString();
}

void WsConnection::openSession(std::optional<DeflateParams> deflate)
{
    m_deflate = deflate;
    if (m_deflate)
        m_session.enableDeflate(*m_deflate);
    m_session.open(); // Connecting → Open
}

qsizetype WsConnection::accept()
{
    if (m_upgrade != Upgrade::Requested)
        return 0;
    m_session.output() += m_handshake->response();
    m_upgrade = Upgrade::Accepted;
    openSession(m_handshake->deflate()); // reported while request() is still there
    // Frames a client sent right behind its request (without waiting for
    // the 101) belong to the session.
    QByteArray leftover = m_handshake->takeLeftover();
    m_handshake.reset();
    if (leftover.isEmpty())
        return 0;
    return receive(leftover.data(), leftover.size());
}

qsizetype WsConnection::accept(const QString &subprotocol)
{
    if (m_upgrade != Upgrade::Requested)
        return 0;
    m_handshake->chooseSubprotocol(subprotocol);
    return accept();
}

void WsConnection::refuse(int status, const QString &reason)
{
    refuseWithResponse(status, buildHttpError(status, reason));
}

void WsConnection::refuseWithResponse(int status, const QByteArray &response)
{
    if (!isConnecting() || m_client)
        return;
    m_session.output() += response;
    fail(status, TransportAction::CloseNow);
}

void WsConnection::abandonUpgrade()
{
    if (!isConnecting() || !m_client)
        return;
    fail(m_client->httpStatus(), TransportAction::CloseNow);
}

Refused WsConnection::refusedBeforeUpgrade(Operation op) const
{
    // The session runs only from the 101 on: before it nothing may be
    // started (not even Abort: the upgrade ends by its own timeout).
    if (isConnecting())
        return Refused::inState(Refusal::NotInState, op, State::Connecting);
    if (m_upgrade == Upgrade::Failed)
        return Refused::inState(Refusal::NotUpgraded, op, State::Connecting);
    return {};
}

Refused WsConnection::sendMessage(MessageType type, QByteArrayView payload,
                                  Session::Utf8Check check)
{
    if (m_upgrade != Upgrade::Accepted) [[unlikely]]
        return refusedBeforeUpgrade(Operation::Send);
    return m_session.sendMessage(type, payload, check);
}

Refused WsConnection::ping(QByteArrayView payload)
{
    if (Refused why = refusedBeforeUpgrade(Operation::Ping))
        return why;
    return m_session.ping(payload);
}

Refused WsConnection::pong(QByteArrayView payload)
{
    if (Refused why = refusedBeforeUpgrade(Operation::Ping))
        return why;
    return m_session.pong(payload);
}

Refused WsConnection::close(CloseCode code, QStringView reason, CloseMode mode)
{
    if (Refused why = refusedBeforeUpgrade(Operation::Close))
        return why;
    return m_session.close(code, reason, mode);
}

Refused WsConnection::abort(HowEnded how)
{
    if (Refused why = refusedBeforeUpgrade(Operation::Abort))
        return why;
    return m_session.abort(how);
}

std::optional<TransportAction> WsConnection::takeTransportAction()
{
    if (m_upgradeAction)
        return std::exchange(m_upgradeAction, std::nullopt);
    return m_session.takeTransportAction();
}

} // namespace closecall::protocol
