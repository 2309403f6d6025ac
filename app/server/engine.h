#pragma once

#include "connectrequest.h"
#include "event.h"
#include "serverconfig.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>

#include <memory>

namespace closecall::server {

class EngineImpl;

// Which connections a command acts on: a list of ids, or all of them.
struct ConnSelector
{
    bool all = false;
    QList<quint32> ids;
};

// The server engine: listens, owns every connection, runs their protocol
// sessions and timers, and publishes the event stream in batches. It lives
// on its own thread (see EngineThread); every slot is called through a
// queued connection or QMetaObject::invokeMethod, never directly from the
// GUI thread.
//
// Every command slot takes `resultId` (the command's id as JSON text, empty
// when it had none) and answers with exactly one `result` event, sequenced
// in the same stream as the events it caused (so a close's `close_sent`
// comes before its `result`).
class Engine final : public QObject
{
    Q_OBJECT

public:
    explicit Engine(ServerConfig config, QObject *parent = nullptr);
    ~Engine() override;

    // Safe from any thread once constructed.
    ServerConfig config() const;

    // The front end has written `batch` (stdout, the log file, the GUI's
    // models): with config().maxEventBacklogBytes set, the engine stops
    // reading from peers while too much is published and not yet written
    // (docs/headless.md "When the reader falls behind"). Safe from any
    // thread; call it once per batch of eventsReady, in order.
    void batchWritten(const closecall::server::EventBatch &batch);

public slots:
    // Starts listening (unless config().listen is off: `closecall peer`).
    // Publishes `listening`, or an `error` and emits
    // startFailed() (e.g. the port is in use).
    void start();

    // Closes every connection (mode shutdown, or `code`/`reason`), waits at
    // most `timeoutMs` for them to end (aborting the rest), stops
    // listening, flushes, then emits stopped(). `answer` is true for a quit
    // command: it gets a `result` (with `resultId`, which may be empty when
    // the command had no id); a signal's shutdown gets none.
    void shutdown(protocol::CloseCode code, const QString &reason, int timeoutMs,
                  const QByteArray &resultId, bool answer = false);

    // CloseMode Close or CloseOutput; timeoutMs < 0 = the configured default
    // for that mode; 0 for CloseOutput = never.
    void closeConnections(const closecall::server::ConnSelector &conns, protocol::CloseCode code,
                          const QString &reason, protocol::CloseMode mode, int timeoutMs,
                          const QByteArray &resultId);
    void abortConnections(const closecall::server::ConnSelector &conns, const QByteArray &resultId);
    void sendMessage(const closecall::server::ConnSelector &conns, protocol::MessageType type,
                     const QByteArray &payload, const QByteArray &resultId);
    void ping(const closecall::server::ConnSelector &conns, const QByteArray &payload,
              const QByteArray &resultId);
    // Each optional: -1 = unchanged, 0 = off, 1 = on.
    void setOptions(int echo, int manualAck, int autoPong, const QByteArray &resultId);
    // Proxy mode (docs/headless.md "Proxy mode"), each -1 = unchanged:
    // `autoPong` for the selected legs, `holdCloses` for the selected legs'
    // pairs; `conns.all` also sets the default of pairs to come. Refused
    // outside proxy mode. result.data: the options as they are now.
    void setProxyOptions(const closecall::server::ConnSelector &conns, int autoPong, int holdCloses,
                         const QByteArray &resultId);
    // result.data: a JSON array of the connections as the table shows them.
    void list(const QByteArray &resultId);
    // Opens `request.count` outgoing connections (client role). The result
    // comes at once: data {"connections":[ids]}, or why not (a bad URL,
    // count, header or behaviour). Each connection then reports like an
    // accepted one, with role "out": `open`, or `handshake_failed`
    // (unresolvable, refused, no 101).
    void connectTo(const closecall::server::ConnectRequest &request, const QByteArray &resultId);
    // The same without a behaviour, over ws:// or wss:// with the system CAs.
    void connectTo(const QString &url, int count, const QStringList &subprotocols,
                   const QStringList &headers, const QByteArray &resultId);

    // A result for a command the front end carried out itself (e.g. export,
    // or a command that failed validation before reaching the engine).
    void postResult(const QByteArray &resultId, bool ok, const QString &error,
                    const QByteArray &dataJson);
    // An error event not tied to a command (e.g. unreadable stdin line
    // without an id is answered by postResult; this is for the rest).
    void postError(const QString &message);

    // Publishes what is batched now, then emits flushed(token): a front end
    // that must act on "the log so far" (export) waits for that signal.
    void flushAndNotify(quint64 token);

signals:
    void eventsReady(const closecall::server::EventBatch &batch);
    void flushed(quint64 token);
    void startFailed(const QString &error);
    void stopped();

private:
    std::unique_ptr<EngineImpl> d;
};

} // namespace closecall::server

Q_DECLARE_METATYPE(closecall::server::ConnSelector)
