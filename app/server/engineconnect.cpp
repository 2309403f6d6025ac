// Outgoing connections (docs/headless.md `connect`): the engine in the
// client role, on the same connections table as the accepted ones.
#include "connection.h"
#include "connector.h"
#include "engineimpl.h"
#include "peerbehaviour.h"
#include "proxypair.h"
#include "sockets.h"
#include "tlstransport.h"

#include "protocol/clienturl.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslSocket>

#include <algorithm>
#include <utility>

#include <unistd.h>

namespace closecall::server {

using namespace protocol;
using namespace Qt::StringLiterals;

namespace {
// One command opens at most this many: enough to load a server, few
// enough that a typo in the count cannot exhaust the descriptors.
constexpr int MaxConnectCount = 1000;
} // namespace

void EngineImpl::connectTo(const ConnectRequest &request, const QByteArray &resultId)
{
    const int count = request.count;
    if (m_stopping || m_stopped || !m_poller) {
        publishResult(resultId, false, RefusalText::sentence(Refused::of(Refusal::ServerStopped)));
        return;
    }
    QString error;
    std::optional<ClientTarget> target = ClientUrl::parse(request.url, &error);
    if (!target) {
        publishResult(resultId, false, error);
        return;
    }
    if (target->tls && !QSslSocket::supportsSsl()) {
        publishResult(resultId, false,
                      tr("wss:// needs TLS, and Qt found no TLS library (OpenSSL)"));
        return;
    }
    if (count < 1 || count > MaxConnectCount) {
        publishResult(resultId, false,
                      tr("count is %1; give 1 to %2 connections").arg(count).arg(MaxConnectCount));
        return;
    }
    target->handshake.subprotocols = request.subprotocols;
    target->handshake.offerDeflate = request.deflate;
    for (const QString &line : request.headers) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0) {
            publishResult(resultId, false,
                          tr("the header %1 is not \"Name: value\"").arg(line.left(80)));
            return;
        }
        target->handshake.extraHeaders.append(
            {line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    if (const QString why = ClientHandshake::checkOptions(target->handshake); !why.isEmpty()) {
        publishResult(resultId, false, why);
        return;
    }

    // docs/headless.md "Peer behaviours": a bad spec fails the command with
    // the parser's sentence; the default one is a plain client (no driver).
    QString behaviourError;
    std::optional<PeerBehaviour> behaviour =
        PeerBehaviour::parse(request.behaviour, &behaviourError);
    if (!behaviour) {
        publishResult(resultId, false, behaviourError);
        return;
    }
    if (behaviour->isPlain())
        behaviour.reset();
    if (request.insecure && !target->tls) {
        publishResult(resultId, false, tr("insecure applies to wss:// only"));
        return;
    }

    QJsonArray ids;
    for (int i = 0; i < count; ++i) {
        const quint32 id = m_nextId++;
        ids.append(qint64(id));
        auto *connector = new Connector(
            target->host, target->port, m_config.handshakeTimeoutMs,
            [this, id, target = *target, insecure = request.insecure](int fd, const QHostAddress &,
                                                                      const QString &why) {
                onConnected(id, target, fd, why, insecure);
            },
            &q);
        connector->start();
        m_connectors.insert(id, {connector, target->url, behaviour});
    }
    publishResult(
        resultId, true, {},
        QJsonDocument(QJsonObject{{u"connections"_s, ids}}).toJson(QJsonDocument::Compact));
}

void EngineImpl::onConnected(quint32 id, const ClientTarget &target, int fd, const QString &error,
                             bool insecure)
{
    // One handshake timeout from the connect to the 101: what TCP took of
    // it is gone for TLS and the upgrade.
    qint64 handshakeMs = m_config.handshakeTimeoutMs;
    const PendingConnect pending = m_connectors.take(id);
    if (pending.connector) {
        handshakeMs = qMax<qint64>(1, handshakeMs - pending.connector->elapsedMs());
        pending.connector->deleteLater(); // we are inside its report
    }
    if (fd >= 0 && m_stopping) {
        ::close(fd);
        fd = -1;
    }
    if (fd < 0) {
        const QString why = error.isEmpty() ? tr("the server is shutting down") : error;
        publishConnectFailed(id, target.url, why, pending.pair);
        if (ProxyPair *pair = proxyPair(pending.pair))
            pair->onConnectFailed(why, pending.connector && pending.connector->timedOut());
        return;
    }
    sockets::setNoDelay(fd);
    const sockets::PeerAddress peer = sockets::peerAddress(sockets::peerOf(fd));
    auto *conn = new Connection(*this, id, peer, target.handshake, target.url);
    std::unique_ptr<Transport> transport;
    bool valid = false;
    if (target.tls) {
        // The system's CAs and the URL's host; insecure accepts a failure
        // and the `open` event names it (tls_insecure).
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        auto client = std::make_unique<TlsTransport>(fd, tls, m_readBuffer, *conn,
                                                     TlsClient{target.host, insecure});
        valid = client->isValid();
        transport = std::move(client);
    } else {
        auto plain = std::make_unique<PlainTransport>(fd, id, *m_poller, m_readBuffer, *conn);
        valid = plain->isValid();
        transport = std::move(plain);
    }
    if (!valid) {
        delete conn;
        postError(tr("could not set up the socket of an outgoing connection"));
        return;
    }
    if (pending.behaviour)
        conn->setBehaviour(*pending.behaviour);
    if (ProxyPair *pair = proxyPair(pending.pair)) {
        conn->setRelay(pair, Leg::Server, pair->id(), pair->autoPong(Leg::Server));
        pair->setServerLeg(*conn);
    }
    m_conns.insert(id, conn);
    conn->start(std::move(transport), !target.tls, handshakeMs);
}

void EngineImpl::publishConnectFailed(quint32 id, const QString &url, const QString &error,
                                      quint32 pair)
{
    // No TCP connection: the upgrade fails before it starts, in the same
    // event as a refused one.
    Event event(events::HandshakeFailed{QString(), 0, error, true, url}, id, State::Connecting);
    if (pair != 0) {
        event.leg = Leg::Server;
        event.pair = pair;
    }
    m_publisher->publish(std::move(event));
}

void EngineImpl::dropPendingConnects(const QString &reason)
{
    const auto pending = std::exchange(m_connectors, {});
    QList<quint32> ids = pending.keys();
    std::sort(ids.begin(), ids.end());
    for (quint32 id : std::as_const(ids)) {
        delete pending.value(id).connector; // closes its socket; reports nothing
        publishConnectFailed(id, pending.value(id).url, reason, pending.value(id).pair);
        if (ProxyPair *pair = proxyPair(pending.value(id).pair))
            pair->onConnectFailed(reason, false);
    }
}

} // namespace closecall::server
