#include "headlessapp.h"

#include "stdinreader.h"
#include "unixsignals.h"

#include "control/commandparser.h"
#include "control/controller.h"
#include "monitor/eventjson.h"
#include "server/enginethread.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace closecall::headless {

using server::Event;
using server::EventType;

namespace {

// The log `export` writes. A headless server may run for days: a quarter of
// the GUI's million events (~100 MB) bounds its memory; --log-file keeps
// everything, and an export says how many of the oldest were dropped.
constexpr qsizetype StoreCapacity = 250'000;

// How long past the close timeout a shutdown may take before we give up.
constexpr int WatchdogGraceMs = 10000;

} // namespace

void printError(const QString &message)
{
    const QByteArray line = "closecall: " + message.toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

HeadlessApp::HeadlessApp(server::ServerConfig config, control::FrontEndOptions options,
                         QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_options(std::move(options))
    , m_store(StoreCapacity)
{}

HeadlessApp::~HeadlessApp()
{
    // The controller talks to the engine: it goes first, then the engine
    // thread is joined while the store and the log file still exist.
    delete m_controller;
    m_engineThread.reset();
    m_logFile.close();
}

bool HeadlessApp::start(QString *error)
{
    if (!m_options.logFile.isEmpty() && !m_logFile.open(m_options.logFile, m_options.logFormat)) {
        *error = u"--log-file: "_s + m_logFile.errorString();
        return false;
    }

    // A reader that went away (`closecall --headless | head`) must not kill
    // the server mid-close with SIGPIPE; the write fails with EPIPE instead.
    ::signal(SIGPIPE, SIG_IGN);

    m_engineThread = std::make_unique<server::EngineThread>(m_config);
    server::Engine *engine = m_engineThread->engine();
    connect(engine, &server::Engine::eventsReady, this, &HeadlessApp::onEvents);
    connect(engine, &server::Engine::startFailed, this, &HeadlessApp::onStartFailed);
    connect(engine, &server::Engine::stopped, this, &HeadlessApp::onStopped);
    m_controller = new control::Controller(engine, &m_store);
    m_controller->setLogFilePath(m_options.logFile);
    connect(m_controller, &control::Controller::shutdownStarted, this,
            &HeadlessApp::armShutdownWatchdog);

    m_signals = new UnixSignals({SIGINT, SIGTERM}, this);
    connect(m_signals, &UnixSignals::received, this, &HeadlessApp::onSignal);

    m_stdin = new StdinReader(STDIN_FILENO, this);
    connect(m_stdin, &StdinReader::lineRead, this, &HeadlessApp::onLine);
    connect(m_stdin, &StdinReader::lineTooLong, this, [this](qsizetype bytes) {
        m_controller->refuse({}, tr("a command line of more than %1 bytes was dropped (%2 bytes)")
                                     .arg(StdinReader::MaxLineBytes)
                                     .arg(bytes));
    });
    // End of stdin does not stop the server (docs/headless.md): a script may
    // start it with `< /dev/null` and stop it with SIGTERM.

    m_engineThread->start();
    return true;
}

void HeadlessApp::onEvents(const server::EventBatch &batch)
{
    m_store.append(batch);

    if (m_logFile.isOpen()) {
        m_logFile.write(batch);
        // A failure (and the recovery after it) is an `error` event in the
        // stream, saying how many events the file lacks; stderr says it too.
        if (const QString report = m_logFile.takeReport(); !report.isEmpty()) {
            printError(u"--log-file: "_s + report);
            if (server::Engine *engine = m_engineThread ? m_engineThread->engine() : nullptr)
                QMetaObject::invokeMethod(
                    engine, [engine, report] { engine->postError(u"--log-file: "_s + report); },
                    Qt::QueuedConnection);
        }
    }

    if (m_stdoutBroken)
        return;
    m_out.clear();
    for (const Event &event : batch) {
        if (!m_options.stdoutMessageEvents && server::carriesPayload(event.type()))
            continue;
        monitor::appendEventJson(m_out, event);
    }
    writeStdout(m_out);
}

void HeadlessApp::writeStdout(const QByteArray &bytes)
{
    // One write(2) per batch, straight to fd 1: nothing sits in a stdio
    // buffer, so a reader sees each batch as soon as it is published.
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_stdoutBroken = true;
            printError(tr("cannot write events to stdout (%1); closing every connection and "
                          "exiting")
                           .arg(QString::fromLocal8Bit(std::strerror(errno))));
            m_exitCode = 1;
            m_controller->shutdown();
            return;
        }
        data += n;
        left -= n;
    }
}

void HeadlessApp::onLine(const QByteArray &line)
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

void HeadlessApp::onSignal(int signalNumber)
{
    if (++m_signalsSeen == 1) {
        m_controller->shutdown();
        return;
    }
    // A second Ctrl-C: the operator will not wait for slow peers.
    printError(
        tr("signal %1 again: exiting without waiting for the close handshakes").arg(signalNumber));
    m_exitCode = 128 + signalNumber;
    onStopped();
}

void HeadlessApp::armShutdownWatchdog(int timeoutMs)
{
    // The engine aborts whoever has not closed by the timeout, so stopped()
    // follows soon after it. Should it not, a script waiting for the exit
    // would hang: give up with a message instead.
    const int waitMs = (timeoutMs < 0 ? m_config.closeTimeoutMs : timeoutMs) + WatchdogGraceMs;
    QTimer::singleShot(waitMs, this, [this, waitMs] {
        if (m_finished)
            return;
        printError(tr("the server did not stop within %1 ms; exiting anyway").arg(waitMs));
        m_exitCode = 1;
        onStopped();
    });
}

void HeadlessApp::onStartFailed(const QString &error)
{
    printError(error);
    m_exitCode = 1;
    onStopped();
}

void HeadlessApp::onStopped()
{
    if (m_finished)
        return;
    m_finished = true;
    m_logFile.close();
    emit finished(m_exitCode);
}

} // namespace closecall::headless
