#pragma once

#include "control/commandline.h"
#include "monitor/eventstore.h"
#include "monitor/logexport.h"
#include "server/event.h"
#include "server/serverconfig.h"

#include <QtCore/QObject>

#include <memory>

namespace closecall::server {
class EngineThread;
}
namespace closecall::control {
class Controller;
}

// `closecall --headless` (docs/headless.md): the engine on its thread; its events
// go to stdout as JSON Lines, to the --log-file, and into the log that
// `export` writes; stdin lines become commands for the Controller; SIGINT and
// SIGTERM close every connection with 1001 and exit 0.
namespace closecall::headless {

class StdinReader;
class UnixSignals;

class HeadlessApp final : public QObject
{
    Q_OBJECT

public:
    HeadlessApp(server::ServerConfig config, control::FrontEndOptions options,
                QObject *parent = nullptr);
    ~HeadlessApp() override;
    Q_DISABLE_COPY_MOVE(HeadlessApp)

    // Opens the --log-file, then starts the engine. False: `error` is one
    // line naming the option (the caller exits 2).
    bool start(QString *error);

signals:
    // The process should exit with this status: 0 after a clean stop, 1
    // when the server could not start.
    void finished(int exitCode);

private:
    void onEvents(const server::EventBatch &batch);
    void onLine(const QByteArray &line);
    void onSignal(int signalNumber);
    void onStartFailed(const QString &error);
    void armShutdownWatchdog(int timeoutMs);
    void onStopped();
    void writeStdout(const QByteArray &bytes);

    server::ServerConfig m_config;
    control::FrontEndOptions m_options;
    monitor::EventStore m_store;
    monitor::LogFileWriter m_logFile;
    std::unique_ptr<server::EngineThread> m_engineThread;
    control::Controller *m_controller = nullptr;
    StdinReader *m_stdin = nullptr;
    UnixSignals *m_signals = nullptr;
    QByteArray m_out; // reused for every batch
    int m_exitCode = 0;
    int m_signalsSeen = 0;
    bool m_stdoutBroken = false;
    bool m_finished = false;
};

// Prints one line to stderr, prefixed "closecall: ".
void printError(const QString &message);

} // namespace closecall::headless
