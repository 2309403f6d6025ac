// A connection's upgrade (RFC 6455 §4.2): accepting or refusing a
// client's request, and the `open` and `handshake_failed` events of both roles.
#include "connection.h"

#include "engineimpl.h"
#include "peerdriver.h"
#include "tlstransport.h"

namespace closecall::server {

using namespace protocol;

// ---- the upgrade (RFC 6455 §4.2) -------------------------------------------

void Connection::onUpgradeRequested()
{
    if (m_engine.atConnectionLimit()) {
        refuseUpgradeWith(503, tr("the server is at its limit of %1 open connections")
                                   .arg(m_engine.config().maxConnections));
        return;
    }
    if (m_relay) {
        // Proxy mode: answered when the upstream has answered (acceptProxied).
        if (!std::exchange(m_upgradeDeferred, true)) {
            cancelTimer();
            m_relay->onUpgradeRequested(*this);
        }
        return;
    }
    cancelTimer();
    // The state change to Open publishes the open event (publishOpen);
    // then come the frames the client sent right behind its request.
    const qsizetype unread = m_ws.accept();
    trackUnfinished();
    pump(unread);
    // The 101 went out through the session's output buffer; an idle open
    // connection should not keep that buffer's capacity.
    m_ws.releaseMemory();
}

void Connection::publishOpen()
{
    m_engine.connectionOpened();
    if (const ClientHandshake *client = m_ws.clientHandshake()) {
        // Outgoing: where we went, and what the server's 101 said.
        const QString target = client->options().target;
        const qsizetype question = target.indexOf(u'?');
        const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(
            (question < 0 ? target : target.left(question)).toUtf8()));
        const QString query = question < 0 ? QString() : target.mid(question + 1);
        events::Open open{m_info.remote,
                          path,
                          query,
                          m_ws.subprotocol(),
                          client->options().origin,
                          QString(),
                          client->responseHeaders(),
                          true,
                          m_info.url};
        if (const auto deflate = m_ws.deflate())
            open.extensions = QString::fromLatin1(deflate->toHeaderValue());
        if (m_driver)
            open.behaviour = m_driver->behaviour().toSpec();
        // wss:// with insecure: the log says what was accepted, every time.
        if (!m_plain)
            open.tlsInsecure = static_cast<const TlsTransport *>(m_transport.get())
                                   ->certificateErrors()
                                   .join(u"; ");
        publish(makeEvent(State::Open, std::move(open)));
        return;
    }
    const HandshakeRequest &req = m_ws.request();
    events::Open open{m_info.remote, req.path,      req.query,  m_ws.subprotocol(),
                      req.origin,    req.userAgent, req.headers};
    if (const auto deflate = m_ws.deflate())
        open.extensions = QString::fromLatin1(deflate->toHeaderValue());
    publish(makeEvent(State::Open, std::move(open)));
}

void Connection::publishHandshakeFailed(int status, const QString &reason, bool timedOut)
{
    publish(makeEvent(State::Connecting, events::HandshakeFailed{m_info.remote, status, reason,
                                                                 isOutgoing(), m_info.url}));
    if (m_relay)
        m_relay->onUpgradeFailed(*this, UpgradeFailure{status, reason, timedOut});
}

void Connection::refuseUpgradeWith(int status, const QString &reason)
{
    cancelTimer();
    m_ws.refuse(status, reason);
    publishHandshakeFailed(status, reason);
    pump();
}

void Connection::refuseUpgrade(const QString &reason)
{
    if (!isConnecting())
        return;
    if (isOutgoing()) {
        // Ours to give up: there is no request to answer.
        cancelTimer();
        m_ws.abandonUpgrade();
        publishHandshakeFailed(0, reason);
        pump();
        return;
    }
    refuseUpgradeWith(503, reason);
}

} // namespace closecall::server
