#pragma once

#include "peeroptions.h"
#include "peersummary.h"

#include "server/event.h"

#include <QtCore/QObject>

#include <memory>

namespace closecall::server {
class EngineThread;
}
namespace closecall::control {
class Controller;
}
namespace closecall::headless {
class StdinReader;
class UnixSignals;
} // namespace closecall::headless

// `closecall peer URL` (docs/headless.md "closecall peer"): the engine in
// the client role only (ServerConfig::listen off), the connections opened
// through Engine::connectTo, every event on stdout as JSON Lines exactly as
// --headless writes them, stdin commands as in the headless mode (close,
// close_output, send, … on the peer's own connections), and once every
// connection has ended one `peer_summary` a connection. SIGINT/SIGTERM
// close every connection with 1001 first.
namespace closecall::peer {

class PeerApp final : public QObject
{
    Q_OBJECT

public:
    explicit PeerApp(PeerOptions options, QObject *parent = nullptr);
    ~PeerApp() override;
    Q_DISABLE_COPY_MOVE(PeerApp)

    void start();

signals:
    // The process should exit with this status (docs/headless.md
    // "closecall peer": 0 every connection ended, 1 a handshake failed or
    // the timeout passed, 2 the request was refused).
    void finished(int exitCode);

private:
    void onEvents(const server::EventBatch &batch);
    void onConnectResult(const server::events::Result &result);
    void onLine(const QByteArray &line);
    void onSignal(int signalNumber);
    void onTimeout();
    void stopEngine(const QString &reason);
    void onStopped();
    void finish();
    void writeStdout(const QByteArray &bytes);

    PeerOptions m_options;
    std::unique_ptr<server::EngineThread> m_engineThread;
    control::Controller *m_controller = nullptr;
    headless::StdinReader *m_stdin = nullptr;
    headless::UnixSignals *m_signals = nullptr;
    PeerTally m_tally;
    QByteArray m_out;
    int m_exitCode = 0;
    int m_signalsSeen = 0;
    bool m_connected = false; // the connect request's result has come
    bool m_stopping = false;
    bool m_finished = false;
    bool m_stdoutBroken = false;
    bool m_countsAsked = false; // --no-message-events: the final `list`
};

} // namespace closecall::peer
