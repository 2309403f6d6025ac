#include "engine.h"

#include "engineimpl.h"

namespace closecall::server {

namespace {
// For queued connections and QMetaObject::invokeMethod by name, under the
// spellings the slots and signals use.
void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<Event>("closecall::server::Event");
        qRegisterMetaType<EventBatch>("closecall::server::EventBatch");
        qRegisterMetaType<EventBatch>("EventBatch");
        qRegisterMetaType<ConnSelector>("closecall::server::ConnSelector");
        qRegisterMetaType<ConnSelector>("ConnSelector");
        qRegisterMetaType<ConnectRequest>("closecall::server::ConnectRequest");
        qRegisterMetaType<protocol::CloseCode>("closecall::protocol::CloseCode");
        qRegisterMetaType<protocol::CloseCode>("protocol::CloseCode");
        qRegisterMetaType<protocol::CloseMode>("closecall::protocol::CloseMode");
        qRegisterMetaType<protocol::CloseMode>("protocol::CloseMode");
        qRegisterMetaType<protocol::MessageType>("closecall::protocol::MessageType");
        qRegisterMetaType<protocol::MessageType>("protocol::MessageType");
        return true;
    }();
    Q_UNUSED(once);
}
} // namespace

Engine::Engine(ServerConfig config, QObject *parent)
    : QObject(parent)
{
    registerMetaTypes();
    d = std::make_unique<EngineImpl>(*this, std::move(config));
}

Engine::~Engine() = default;

ServerConfig Engine::config() const
{
    return d->configCopy();
}

void Engine::batchWritten(const EventBatch &batch)
{
    d->batchWritten(batch);
}

void Engine::start()
{
    d->start();
}

void Engine::shutdown(protocol::CloseCode code, const QString &reason, int timeoutMs,
                      const QByteArray &resultId, bool answer)
{
    d->shutdown(code, reason, timeoutMs, resultId, answer || !resultId.isEmpty());
}

void Engine::closeConnections(const ConnSelector &conns, protocol::CloseCode code,
                              const QString &reason, protocol::CloseMode mode, int timeoutMs,
                              const QByteArray &resultId)
{
    d->closeConnections(conns, code, reason, mode, timeoutMs, resultId);
}

void Engine::abortConnections(const ConnSelector &conns, const QByteArray &resultId)
{
    d->abortConnections(conns, resultId);
}

void Engine::sendMessage(const ConnSelector &conns, protocol::MessageType type,
                         const QByteArray &payload, const QByteArray &resultId)
{
    d->sendMessage(conns, type, payload, resultId);
}

void Engine::ping(const ConnSelector &conns, const QByteArray &payload, const QByteArray &resultId)
{
    d->ping(conns, payload, resultId);
}

void Engine::setOptions(int echo, int manualAck, int autoPong, const QByteArray &resultId)
{
    d->setOptions(echo, manualAck, autoPong, resultId);
}

void Engine::setProxyOptions(const ConnSelector &conns, int autoPong, int holdCloses,
                             const QByteArray &resultId)
{
    d->setProxyOptions(conns, autoPong, holdCloses, resultId);
}

void Engine::list(const QByteArray &resultId)
{
    d->list(resultId);
}

void Engine::connectTo(const ConnectRequest &request, const QByteArray &resultId)
{
    d->connectTo(request, resultId);
}

void Engine::connectTo(const QString &url, int count, const QStringList &subprotocols,
                       const QStringList &headers, const QByteArray &resultId)
{
    d->connectTo(ConnectRequest{url, count, subprotocols, headers, {}, false}, resultId);
}

void Engine::postResult(const QByteArray &resultId, bool ok, const QString &error,
                        const QByteArray &dataJson)
{
    d->postResult(resultId, ok, error, dataJson);
}

void Engine::postError(const QString &message)
{
    d->postError(message);
}

void Engine::flushAndNotify(quint64 token)
{
    d->flushAndNotify(token);
}

} // namespace closecall::server
