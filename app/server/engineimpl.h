#pragma once

#include "connectioninfo.h"
#include "deadlines.h"
#include "engine.h"
#include "eventbacklog.h"
#include "eventpublisher.h"
#include "peerbehaviour.h"
#include "plaintransport.h"

#include "protocol/clienturl.h"
#include "protocol/handshake.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QMutex>
#include <QtNetwork/QSslConfiguration>

#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class QTimer;

namespace closecall::server {

class Connection;
class Connector;
class Listener;
class Poller;
class ProxyPair;

// The engine's state and behaviour behind Engine's slots; lives on the
// engine thread. Connections call back into it for the shared pieces: the
// publisher, the deadlines, the read buffer and the configuration.
class EngineImpl final
{
    Q_DECLARE_TR_FUNCTIONS(Engine)

public:
    EngineImpl(Engine &q, ServerConfig config);
    ~EngineImpl();
    Q_DISABLE_COPY_MOVE(EngineImpl)

    ServerConfig configCopy() const;
    // Any thread (Engine::batchWritten).
    void batchWritten(const EventBatch &batch) { m_backlog.consumed(batch); }

    // Engine's slots (enginecommands.cpp holds the command ones).
    void start();
    void shutdown(protocol::CloseCode code, const QString &reason, int timeoutMs,
                  const QByteArray &resultId, bool answer);
    void closeConnections(const ConnSelector &conns, protocol::CloseCode code,
                          const QString &reason, protocol::CloseMode mode, int timeoutMs,
                          const QByteArray &resultId);
    void abortConnections(const ConnSelector &conns, const QByteArray &resultId);
    void sendMessage(const ConnSelector &conns, protocol::MessageType type,
                     const QByteArray &payload, const QByteArray &resultId);
    void ping(const ConnSelector &conns, const QByteArray &payload, const QByteArray &resultId);
    void setOptions(int echo, int manualAck, int autoPong, const QByteArray &resultId);
    void setProxyOptions(const ConnSelector &conns, int autoPong, int holdCloses,
                         const QByteArray &resultId);
    void list(const QByteArray &resultId);
    void connectTo(const ConnectRequest &request, const QByteArray &resultId); // engineconnect.cpp
    void postResult(const QByteArray &resultId, bool ok, const QString &error,
                    const QByteArray &dataJson);
    void postError(const QString &message);
    void flushAndNotify(quint64 token);

    // For connections (engine thread only).
    const ServerConfig &config() const { return m_config; }
    const protocol::ServerHandshakeConfig &handshakeConfig() const { return m_handshakeConfig; }
    EventPublisher &publisher() { return *m_publisher; }
    Deadlines &deadlines() { return *m_deadlines; }
    bool atConnectionLimit() const { return m_openCount >= m_config.maxConnections; }
    void connectionOpened() { ++m_openCount; }
    // Bytes every connection together holds of unfinished messages
    // (ServerConfig::maxUnfinishedBytes): each adds what its read changed.
    void addUnfinishedBytes(qint64 delta) { m_unfinishedBytes += delta; }
    qint64 unfinishedBytes() const { return m_unfinishedBytes; }
    void connectionEnded();
    void connectionGone(Connection *conn);
    // False while the event backlog is over its limit: connection `id` (0
    // = the listener) stops reading, and is resumed when the backlog is
    // written (docs/headless.md "When the reader falls behind").
    bool mayRead(quint32 id);

    // Proxy mode (engineproxy.cpp, docs/headless.md "Proxy mode").
    QObject *context() { return &q; }
    bool isStopping() const { return m_stopping || m_stopped; }
    ProxyPair *proxyPair(quint32 id) const;
    // Connects the pair's server leg to `target` (its id is taken now).
    void startUpstream(ProxyPair &pair, const protocol::ClientTarget &target);
    // The client is gone or refused while the upstream attempt runs: it
    // ends, and the server leg logs `reason`.
    void abandonUpstream(ProxyPair &pair, const QString &reason);

private:
    // Proxy mode: every accepted connection is a pair's client leg.
    void attachProxyPair(Connection &client);
    void proxyLegGone(Connection &conn);
    void accept(int fd, const sockets::PeerAddress &peer);
    // `insecure`: wss:// accepts a certificate that fails verification.
    void onConnected(quint32 id, const protocol::ClientTarget &target, int fd, const QString &error,
                     bool insecure = false);
    // `pair`: proxy mode's server leg of that pair (0: a `connect`).
    void publishConnectFailed(quint32 id, const QString &url, const QString &error,
                              quint32 pair = 0);
    void dropPendingConnects(const QString &reason);
    void onPollEvent(quint64 key, quint32 events);
    void onDeadline(quint32 conn);
    void reap();
    void sweep();
    bool loadTls(QString *error);
    void failStart(const QString &message);
    void publishResult(const QByteArray &resultId, bool ok, const QString &error = {},
                       const QByteArray &data = {});

    // A command over a set of connections: `op` returns empty when done,
    // else why not; the result names each refusal.
    template<typename Op>
    void forEachSelected(const ConnSelector &conns, const QByteArray &resultId, Op op);
    protocol::Refused whyGone(quint32 id) const;

    void finishShutdownIfDone();
    void finishShutdown();

    void holdReading();
    void releaseReading();

    Engine &q;
    mutable QMutex m_configMutex; // config() may be read from any thread
    ServerConfig m_config;        // written only on the engine thread, under the mutex
    protocol::ServerHandshakeConfig m_handshakeConfig;
    EventBacklog m_backlog; // before the publisher, which counts into it
    std::unique_ptr<EventPublisher> m_publisher;
    std::unique_ptr<Deadlines> m_deadlines;
    std::unique_ptr<Poller> m_poller;
    std::optional<QSslConfiguration> m_tls;
    Listener *m_listener = nullptr;
    QTimer *m_reapTimer = nullptr;
    QTimer *m_sweepTimer = nullptr;
    QTimer *m_shutdownTimer = nullptr;

    QHash<quint32, Connection *> m_conns; // every connection whose socket is open
    struct PendingConnect
    {
        Connector *connector = nullptr;
        QString url;
        std::optional<PeerBehaviour> behaviour; // none: a plain client
        quint32 pair = 0;                       // proxy mode: the server leg of this pair
    };
    QHash<quint32, PendingConnect> m_connectors; // outgoing ones still connecting TCP
    std::vector<Connection *> m_graveyard;       // gone; deleted on the next turn
    std::deque<ConnectionInfo> m_history;        // ended connections, for `list`
    // Proxy mode's pairs by id (the client leg's), and the finished ones
    // deleted with the graveyard.
    std::unordered_map<quint32, std::unique_ptr<ProxyPair>> m_pairs;
    std::vector<std::unique_ptr<ProxyPair>> m_deadPairs;
    bool m_proxyHoldCloses = false; // for pairs to come (set hold_closes without conn)
    bool m_proxyAutoPong = false;   // for legs to come (set auto_pong without conn)
    std::unique_ptr<char[]> m_readStorage;
    ReadBuffer m_readBuffer;
    quint32 m_nextId = 1;
    int m_openCount = 0; // upgraded and not yet ended
    qint64 m_unfinishedBytes = 0;

    // Reading held while the event backlog is over its limit.
    bool m_readingHeld = false;
    std::vector<quint32> m_heldConns; // asked to read meanwhile (0: the listener)
    quint64 m_holdsUnreported = 0;    // holds since the last notice
    qint64 m_lastNoticeMs = -1;

    bool m_started = false;
    bool m_stopping = false;
    bool m_stopped = false;
    QByteArray m_shutdownResultId;
    bool m_shutdownAnswer = false; // a quit command waits for its result
};

} // namespace closecall::server
