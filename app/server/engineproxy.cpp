// Proxy mode (docs/headless.md "Proxy mode"): the engine's part of the
// pairs. Each accepted connection is a pair's client leg; the pair asks for
// its server leg here, through the same Connector and client-role
// Connection a `connect` uses.
#include "connection.h"
#include "connector.h"
#include "engineimpl.h"
#include "proxypair.h"

namespace closecall::server {

using namespace protocol;

ProxyPair *EngineImpl::proxyPair(quint32 id) const
{
    if (id == 0)
        return nullptr;
    const auto it = m_pairs.find(id);
    return it == m_pairs.end() ? nullptr : it->second.get();
}

void EngineImpl::attachProxyPair(Connection &client)
{
    auto pair = std::make_unique<ProxyPair>(*this, client, m_proxyHoldCloses, m_proxyAutoPong);
    client.setRelay(pair.get(), Leg::Client, client.id(), m_proxyAutoPong);
    m_pairs.emplace(client.id(), std::move(pair));
}

void EngineImpl::startUpstream(ProxyPair &pair, const ClientTarget &target)
{
    const quint32 id = m_nextId++;
    pair.setServerId(id);
    auto *connector = new Connector(
        target.host, target.port, m_config.handshakeTimeoutMs,
        [this, id, target, insecure = m_config.proxy.insecure](int fd, const QHostAddress &,
                                                               const QString &why) {
            onConnected(id, target, fd, why, insecure);
        },
        &q);
    m_connectors.insert(id, {connector, target.url, std::nullopt, pair.id()});
    connector->start();
}

void EngineImpl::abandonUpstream(ProxyPair &pair, const QString &reason)
{
    const quint32 id = pair.serverId();
    if (id == 0)
        return;
    if (m_connectors.contains(id)) {
        const PendingConnect pending = m_connectors.take(id);
        delete pending.connector; // closes its socket; reports nothing
        publishConnectFailed(id, pending.url, reason, pair.id());
        pair.onConnectFailed(reason, false);
        return;
    }
    if (Connection *server = m_conns.value(id); server && server->isConnecting())
        server->refuseUpgrade(reason);
}

void EngineImpl::proxyLegGone(Connection &conn)
{
    const auto it = m_pairs.find(conn.pair());
    if (it == m_pairs.end())
        return;
    it->second->onLegGone(conn);
    if (it->second->isFinished()) {
        // Deleted with the graveyard, never inside its own call stack.
        m_deadPairs.push_back(std::move(it->second));
        m_pairs.erase(it);
    }
}

} // namespace closecall::server
