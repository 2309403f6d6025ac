#pragma once

#include "command.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace closecall::monitor {
class EventStore;
}

// Carries out Commands on the engine: the single place where "close
// connection 7 with 1001 and wait 5 s" is spelled (docs/architecture.md). It lives on the
// front end's thread; every engine call is queued to the engine thread, and
// every answer comes back as a `result` event in the engine's stream, so a
// command's result is always sequenced after the events it caused. Both
// front ends reach it through their EngineSession.
namespace closecall::control {

class Controller final : public QObject
{
    Q_OBJECT

public:
    // `store` is the log that `export` writes; it must be filled from the
    // engine's eventsReady on this object's thread (so that when flushed()
    // arrives, every earlier batch is in it).
    Controller(server::Engine *engine, const monitor::EventStore *store, QObject *parent = nullptr);
    ~Controller() override;
    Q_DISABLE_COPY_MOVE(Controller)

    void execute(const Command &command);
    // Answers a command that was refused before reaching the engine (bad
    // JSON, invalid code, ...), in sequence with the event stream.
    void refuse(const QByteArray &id, const QString &error);
    // SIGINT/SIGTERM: close every connection with 1001, then the engine
    // emits stopped(). Safe to call more than once.
    void shutdown();

    bool isShuttingDown() const { return m_shuttingDown; }

    // The file --log-file streams into: an export there would replace it
    // under the open writer (QSaveFile renames), so it is refused.
    void setLogFilePath(const QString &path);

signals:
    // A quit or a signal started the shutdown; the engine will close every
    // connection within `timeoutMs` (-1: the configured close timeout).
    void shutdownStarted(int timeoutMs);

private:
    void onFlushed(quint64 token);
    void runExport(const Command &command);
    void runTimeline(const Command &command);

    QPointer<server::Engine> m_engine;
    const monitor::EventStore *m_store;
    quint64 m_nextToken = 1;
    QHash<quint64, Command> m_pendingExports;
    bool m_shuttingDown = false;
    QString m_logFilePath; // absolute, empty = none
};

} // namespace closecall::control
