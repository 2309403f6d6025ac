#include "peerapp.h"

#include "control/commandparser.h"
#include "control/controller.h"
#include "headless/headlessapp.h"
#include "headless/stdinreader.h"
#include "headless/unixsignals.h"
#include "monitor/eventjson.h"
#include "server/enginethread.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace closecall::peer {

using server::Event;

namespace {

// The connect request's `result` carries this id (JSON text), so a reader
// can tell it from the results of its own stdin commands.
const QByteArray ConnectId = "\"peer\"";
// The engine's rows at the end, for the counters when no message events
// are made (not printed: it is ours, not the reader's).
const QByteArray CountsId = "\"peer-counts\"";
constexpr quint64 CountsToken = 1;

// As --headless (control/enginesession.cpp): past this much memory in
// events not yet written to stdout, the engine stops reading.
constexpr qint64 EventBacklogBytes = 16 * 1024 * 1024;

// How long past the close timeout a shutdown may take before we give up.
constexpr int WatchdogGraceMs = 10000;

} // namespace

PeerApp::PeerApp(PeerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

PeerApp::~PeerApp()
{
    // The controller talks to the engine: it goes first.
    delete m_controller;
    m_controller = nullptr;
    m_engineThread.reset();
}

void PeerApp::start()
{
    // A reader that went away must not kill us mid-close with SIGPIPE.
    ::signal(SIGPIPE, SIG_IGN);

    server::ServerConfig config;
    config.listen = false;
    // The summaries count messages from the events; without them (a load
    // generator does not want an event a message) the engine's own rows
    // give the counts at the end.
    config.messageEvents = m_options.stdoutMessageEvents;
    config.maxEventBacklogBytes = EventBacklogBytes;
    m_engineThread = std::make_unique<server::EngineThread>(config);
    server::Engine *engine = m_engineThread->engine();
    connect(engine, &server::Engine::eventsReady, this, &PeerApp::onEvents);
    connect(engine, &server::Engine::startFailed, this, [this](const QString &error) {
        headless::printError(error);
        m_exitCode = 1;
        finish();
    });
    connect(engine, &server::Engine::stopped, this, &PeerApp::onStopped);
    connect(engine, &server::Engine::flushed, this, [this](quint64 token) {
        if (token == CountsToken)
            finish();
    });
    // Stdin commands go the headless way (docs/headless.md "Commands"); no
    // event log is kept, so `export` and `timeline` are refused.
    m_controller = new control::Controller(engine, nullptr, this);

    m_signals = new headless::UnixSignals({SIGINT, SIGTERM}, this);
    connect(m_signals, &headless::UnixSignals::received, this, &PeerApp::onSignal);
    m_stdin = new headless::StdinReader(STDIN_FILENO, this);
    connect(m_stdin, &headless::StdinReader::lineRead, this, &PeerApp::onLine);

    m_engineThread->start();
    // The `connect` command of the headless mode, queued behind
    // Engine::start on the engine's thread.
    control::Command connectCommand;
    connectCommand.kind = control::CommandKind::Connect;
    connectCommand.id = ConnectId;
    connectCommand.connect = m_options.request;
    m_controller->execute(connectCommand);
    if (m_options.timeoutMs > 0)
        QTimer::singleShot(m_options.timeoutMs, this, &PeerApp::onTimeout);
}

void PeerApp::onEvents(const server::EventBatch &batch)
{
    m_out.clear();
    for (const Event &event : batch) {
        if (const auto *result = event.get<server::events::Result>();
            result && !m_connected && result->id == ConnectId)
            onConnectResult(*result);
        if (const auto *result = event.get<server::events::Result>();
            result && m_countsAsked && result->id == CountsId) {
            m_tally.applyListRows(QJsonDocument::fromJson(result->data).array());
            continue;
        }
        m_tally.apply(event);
        if (!m_options.stdoutMessageEvents && server::carriesPayload(event.type()))
            continue;
        monitor::appendEventJson(m_out, event);
    }
    writeStdout(m_out);
    if (server::Engine *engine = m_engineThread ? m_engineThread->engine() : nullptr)
        engine->batchWritten(batch);
    if (m_connected && !m_stopping && m_tally.allEnded())
        stopEngine({});
}

void PeerApp::onConnectResult(const server::events::Result &result)
{
    m_connected = true;
    if (!result.ok) {
        // The request itself was refused (a behaviour the engine does not
        // accept, ...): a bad invocation, as a bad option is.
        headless::printError(u"peer: "_s + result.error);
        m_exitCode = 2;
        stopEngine({});
        return;
    }
    const QJsonArray ids =
        QJsonDocument::fromJson(result.data).object().value("connections"_L1).toArray();
    for (const QJsonValue &id : ids)
        m_tally.expect(quint32(id.toInteger()), m_options.request.url);
}

void PeerApp::onLine(const QByteArray &line)
{
    const control::ParsedCommand parsed = control::parseCommand(line);
    if (parsed.blank)
        return;
    if (!parsed.ok()) {
        m_controller->refuse(parsed.id, parsed.error);
        return;
    }
    m_controller->execute(*parsed.command);
}

void PeerApp::onSignal(int signalNumber)
{
    if (++m_signalsSeen == 1) {
        stopEngine(tr("peer stopping"));
        return;
    }
    headless::printError(
        tr("signal %1 again: exiting without waiting for the close handshakes").arg(signalNumber));
    m_exitCode = 128 + signalNumber;
    finish();
}

void PeerApp::onTimeout()
{
    if (m_stopping)
        return;
    headless::printError(tr("peer: --timeout: %1 ms passed; closing every connection with 1001")
                             .arg(m_options.timeoutMs));
    m_exitCode = 1;
    stopEngine(tr("peer timeout"));
}

void PeerApp::stopEngine(const QString &reason)
{
    if (m_stopping || !m_engineThread)
        return;
    m_stopping = true;
    server::Engine *engine = m_engineThread->engine();
    // Closes what is still live with 1001 (nothing when every connection
    // has ended), then stopped() follows.
    QMetaObject::invokeMethod(
        engine,
        [engine, reason] {
            engine->shutdown(protocol::CloseCode{protocol::closecode::GoingAway}, reason, -1, {});
        },
        Qt::QueuedConnection);
    const int waitMs = engine->config().closeTimeoutMs + WatchdogGraceMs;
    QTimer::singleShot(waitMs, this, [this, waitMs] {
        if (m_finished)
            return;
        headless::printError(
            tr("peer: the connections did not end within %1 ms; exiting anyway").arg(waitMs));
        m_exitCode = 1;
        finish();
    });
}

void PeerApp::onStopped()
{
    if (m_finished || m_countsAsked)
        return;
    server::Engine *engine = m_engineThread ? m_engineThread->engine() : nullptr;
    if (m_options.stdoutMessageEvents || !engine || m_tally.isEmpty()) {
        finish();
        return;
    }
    // The engine's thread still runs after stopped(): its rows come in a
    // batch before flushed(CountsToken), which finishes.
    m_countsAsked = true;
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            engine->list(CountsId);
            engine->flushAndNotify(CountsToken);
        },
        Qt::QueuedConnection);
}

void PeerApp::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    writeStdout(m_tally.summariesJson());
    const QStringList failures = m_tally.failures();
    for (const QString &failure : failures)
        headless::printError(failure);
    if (!failures.isEmpty() && m_exitCode == 0)
        m_exitCode = 1;
    emit finished(m_exitCode);
}

void PeerApp::writeStdout(const QByteArray &bytes)
{
    // As --headless: one write(2) a batch straight to fd 1, so a reader sees
    // each batch as soon as it is published.
    if (m_stdoutBroken)
        return;
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_stdoutBroken = true;
            headless::printError(tr("cannot write events to stdout (%1); closing every connection")
                                     .arg(QString::fromLocal8Bit(std::strerror(errno))));
            m_exitCode = 1;
            stopEngine(tr("peer stopping"));
            return;
        }
        data += n;
        left -= n;
    }
}

} // namespace closecall::peer
