#pragma once

#include "control/command.h"
#include "monitor/logexport.h"
#include "server/event.h"
#include "server/serverconfig.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <memory>

namespace closecall::server {
class EngineThread;
}
namespace closecall::control {
class Controller;
}
namespace closecall::monitor {
class EventFeed;
}

// The GUI's side of the engine (what HeadlessApp is for the headless mode):
// starts and stops the engine thread, hands its event batches to the
// models' EventFeed and to "Log to file", and carries the GUI's commands out
// through the Controller — the one command vocabulary (docs/architecture.md) — then
// reports each command's `result`. No widgets here.
namespace closecall::ui {

class ServerSession final : public QObject
{
    Q_OBJECT

public:
    enum class Status : quint8 { Stopped, Starting, Listening, Stopping };
    Q_ENUM(Status)

    explicit ServerSession(monitor::EventFeed *feed, QObject *parent = nullptr);
    ~ServerSession() override;
    Q_DISABLE_COPY_MOVE(ServerSession)

    Status status() const { return m_status; }
    bool isRunning() const { return m_status != Status::Stopped; }
    // The configuration of the current (or last) run.
    const server::ServerConfig &config() const { return m_config; }
    // "ws://127.0.0.1:9001" once listening (the real port when 0 was asked).
    QString url() const { return m_url; }
    quint16 port() const { return m_port; }

    // Starts the engine with `config`. Listening or startFailed follows.
    void start(const server::ServerConfig &config);
    // Closes every connection with 1001 (waiting at most `timeoutMs` for
    // the peers' Close), then stops listening; stopped() follows.
    void stop(int timeoutMs = 2000);
    // Stops at once without waiting for anyone (the window is closing and
    // the operator asked twice).
    void stopNow();

    // Sends a command through the Controller; returns its id (commandFinished
    // carries it), or an empty id when the server is not running (then
    // commandFinished has already been emitted with the reason).
    QByteArray execute(control::Command command);

    // Echo, manual acknowledge and answering Pings: applied to the running
    // engine (a `set` command) and kept for the next start.
    void setOptions(bool echo, bool manualAck, bool autoPong);

    // "Log to file": every event from now on, as it comes.
    bool startLogFile(const QString &path, monitor::LogFormat format, QString *error);
    void stopLogFile();
    bool isLoggingToFile() const;
    QString logFilePath() const;
    quint64 logFileEvents() const;

Q_SIGNALS:
    void statusChanged(closecall::ui::ServerSession::Status status);
    void listening(const QString &url);
    void startFailed(const QString &error);
    void stopped();
    void commandFinished(const QByteArray &id, closecall::control::CommandKind kind, bool ok,
                         const QString &error);
    // A write to the log file failed; logging stopped.
    void logFileFailed(const QString &error);

private:
    void onEvents(const server::EventBatch &batch);
    void onStartFailed(const QString &error);
    void onStopped();
    void teardown();
    void setStatus(Status status);

    monitor::EventFeed *m_feed;
    server::ServerConfig m_config;
    std::unique_ptr<server::EngineThread> m_engineThread;
    control::Controller *m_controller = nullptr;
    Status m_status = Status::Stopped;
    QString m_url;
    quint16 m_port = 0;
    quint64 m_nextId = 1;
    QHash<QByteArray, control::CommandKind> m_pending;
    std::unique_ptr<monitor::LogFileWriter> m_logFile;
};

} // namespace closecall::ui
