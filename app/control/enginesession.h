#pragma once

#include "command.h"

#include "monitor/logexport.h"
#include "server/event.h"
#include "server/serverconfig.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <limits>
#include <memory>

namespace closecall::server {
class EngineThread;
}
namespace closecall::monitor {
class EventStore;
}

// One run of the engine for a front end (docs/architecture.md): starts the
// engine on its own thread, keeps the log `export` writes when asked to,
// streams every event into a log file (--log-file, "Log to file"), carries
// commands out through the Controller and says what became of them. The
// headless mode and the GUI are thin over it: they only choose where the
// events go next (stdout, the models) and where commands come from (stdin,
// buttons). No widgets, no stdio here.
namespace closecall::control {

class Controller;

class EngineSession final : public QObject
{
    Q_OBJECT

public:
    enum class Status : quint8 { Stopped, Starting, Listening, Stopping };
    Q_ENUM(Status)

    explicit EngineSession(QObject *parent = nullptr);
    ~EngineSession() override;
    Q_DISABLE_COPY_MOVE(EngineSession)

    // Keeps the newest events for the `export` command (the headless mode):
    // at most `capacity` of them, costing at most `byteBudget` bytes
    // (monitor::EventStore::memoryBytes()). A capacity of 0, the default,
    // keeps none and `export` is refused (the GUI exports from its own log
    // model). Before start().
    void setExportCapacity(qsizetype capacity,
                           qsizetype byteBudget = std::numeric_limits<qsizetype>::max());
    // The log `export` writes; null when none is kept.
    const monitor::EventStore *exportStore() const { return m_store.get(); }

    Status status() const { return m_status; }
    bool isRunning() const { return m_status != Status::Stopped; }
    // The configuration of the current (or last) run.
    const server::ServerConfig &config() const { return m_config; }
    // "ws://127.0.0.1:9001" once listening (the real port when 0 was asked).
    QString url() const { return m_url; }
    quint16 port() const { return m_port; }

    // Starts the engine with `config`: listening() or startFailed() follows.
    // Ignored while a run is under way.
    void start(const server::ServerConfig &config);
    // The GUI's Stop: closes every connection with 1001 "server stopping"
    // (waiting at most `timeoutMs` for the peers' Close), then stops
    // listening; stopped() follows.
    void stop(int timeoutMs = 2000);
    // SIGINT/SIGTERM: closes every connection with 1001 "server shutting
    // down" within the configured close timeout; stopped() follows. Safe to
    // call more than once.
    void shutdown();
    // Stops at once without waiting for anyone (the window is closing and
    // the operator asked twice). No stopped() follows.
    void stopNow();

    // A command as the caller wrote it (a script's stdin line): its id is
    // the caller's and only its `result` event answers it.
    void executeAsWritten(const Command &command);
    // An `error` event in the stream, in sequence with the engine's own.
    void postError(const QString &message);
    // Answers a command that was refused before it reached the engine (bad
    // JSON, an invalid code, ...) with a `result`, in sequence with the
    // event stream.
    void refuse(const QByteArray &id, const QString &error);
    // The front end's own command (the GUI's buttons): numbered here, and
    // commandFinished() says what became of it. Returns its id, or an empty
    // id when the server is not listening (commandFinished() has then
    // already said why).
    QByteArray execute(Command command);

    // Echo, manual acknowledge and answering Pings: applied to the running
    // engine (a `set` command) and kept for the next start.
    void setOptions(bool echo, bool manualAck, bool autoPong);

    // What a failed write to the log file does.
    enum class LogFileFailure : quint8 {
        Stop,   // logging stops; logFileFailed() says why (the GUI's "Log to file")
        Report, // later batches are still tried; logFileReport() says when
                // writing starts failing and when it works again (--log-file)
    };
    void setLogFileFailure(LogFileFailure policy) { m_logFileFailure = policy; }

    // Every event from now on, as it comes, into `path` (created or
    // truncated); across runs until stopLogFile(). False: `error` says why.
    bool startLogFile(const QString &path, monitor::LogFormat format, QString *error);
    void stopLogFile();
    bool isLoggingToFile() const;
    QString logFilePath() const;
    quint64 logFileEvents() const;

Q_SIGNALS:
    // Every batch of the engine, in order, once the export log and the log
    // file have it (so a reader who saw an event can find it in the file).
    void eventsReady(const closecall::server::EventBatch &batch);
    void statusChanged(closecall::control::EngineSession::Status status);
    void listening(const QString &url);
    void startFailed(const QString &error);
    // A quit or shutdown() began: the engine closes every connection within
    // `timeoutMs` (-1: the configured close timeout).
    void shutdownStarted(int timeoutMs);
    // The engine has stopped and its thread is gone.
    void stopped();
    void commandFinished(const QByteArray &id, closecall::control::CommandKind kind, bool ok,
                         const QString &error);
    // LogFileFailure::Stop: a write to the log file failed and logging has
    // stopped; `error` says why and how many events the file lacks. Sent
    // once that batch has been handed on.
    void logFileFailed(const QString &error);
    // LogFileFailure::Report: writing the log file started failing, or
    // works again (LogFileWriter::takeReport()), before the batch is
    // handed on.
    void logFileReport(const QString &report);

private:
    void onEvents(const server::EventBatch &batch);
    void onStartFailed(const QString &error);
    void onStopped();
    void teardown();
    void setStatus(Status status);

    server::ServerConfig m_config;
    std::unique_ptr<monitor::EventStore> m_store;
    std::unique_ptr<monitor::LogFileWriter> m_logFile;
    std::unique_ptr<server::EngineThread> m_engineThread;
    Controller *m_controller = nullptr;
    Status m_status = Status::Stopped;
    LogFileFailure m_logFileFailure = LogFileFailure::Stop;
    QString m_url;
    quint16 m_port = 0;
    quint64 m_nextId = 1;
    QHash<QByteArray, CommandKind> m_pending;
};

} // namespace closecall::control
