#include "headlessapp.h"

#include "stdinreader.h"
#include "unixsignals.h"

#include "control/commandparser.h"
#include "control/demopeers.h"
#include "control/enginesession.h"
#include "monitor/eventjson.h"
#include "monitor/eventstore.h"

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

// The log `export` writes. A headless server may run for days: a byte
// budget bounds its memory whatever the events hold (64 MiB, some 300,000
// events at the ~210 bytes a mixed event costs, tests/bench/
// bench_event_memory; fewer when previews are long); --log-file keeps
// everything, and an export says how many of the oldest were dropped.
constexpr qsizetype StoreBytes = monitor::EventStore::DefaultByteBudget;

// A batch's JSON goes out in pieces of about this size: a batch may hold
// tens of thousands of events, and its text is larger than the events.
constexpr qsizetype StdoutChunkBytes = 1024 * 1024;

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
    , m_session(new control::EngineSession(this))
{
    m_session->setExportCapacity(monitor::EventStore::NoLimit, StoreBytes);
}

// The session (a child) joins the engine thread before the rest goes.
HeadlessApp::~HeadlessApp() = default;

bool HeadlessApp::start(QString *error)
{
    if (!m_options.logFile.isEmpty()) {
        QString why;
        if (!m_session->startLogFile(m_options.logFile, m_options.logFormat, &why)) {
            *error = u"--log-file: "_s + why;
            return false;
        }
    }

    // A reader that went away (`closecall --headless | head`) must not kill
    // the server mid-close with SIGPIPE; the write fails with EPIPE instead.
    ::signal(SIGPIPE, SIG_IGN);

    connect(m_session, &control::EngineSession::eventsReady, this, &HeadlessApp::onEvents);
    connect(m_session, &control::EngineSession::startFailed, this, &HeadlessApp::onStartFailed);
    connect(m_session, &control::EngineSession::stopped, this, &HeadlessApp::onStopped);
    connect(m_session, &control::EngineSession::shutdownStarted, this,
            &HeadlessApp::armShutdownWatchdog);
    // A failure (and the recovery after it) is an `error` event in the
    // stream, saying how many events the file lacks; stderr says it too.
    m_session->setLogFileFailure(control::EngineSession::LogFileFailure::Report);
    connect(m_session, &control::EngineSession::logFileReport, this, [this](const QString &report) {
        printError(u"--log-file: "_s + report);
        m_session->postError(u"--log-file: "_s + report);
    });

    m_signals = new UnixSignals({SIGINT, SIGTERM}, this);
    connect(m_signals, &UnixSignals::received, this, &HeadlessApp::onSignal);

    m_stdin = new StdinReader(STDIN_FILENO, this);
    connect(m_stdin, &StdinReader::lineRead, this, &HeadlessApp::onLine);
    connect(m_stdin, &StdinReader::lineTooLong, this, [this](qsizetype bytes) {
        m_session->refuse({}, tr("a command line of more than %1 bytes was dropped (%2 bytes)")
                                  .arg(StdinReader::MaxLineBytes)
                                  .arg(bytes));
    });
    // End of stdin does not stop the server (docs/headless.md): a script
    // may start it with `< /dev/null` and stop it with SIGTERM.

    // Proxy mode says once where it relays (docs/headless.md "Exit status
    // and stderr"): stdout is the event stream and stays as it is.
    if (m_config.proxy.isOn())
        connect(
            m_session, &control::EngineSession::listening, this,
            [this](const QString &url) {
                printError(tr("proxying %1 to %2").arg(url, m_config.proxy.target));
            },
            Qt::SingleShotConnection);

    // --demo: the built-in peers connect once the port is known.
    if (m_options.demo)
        connect(
            m_session, &control::EngineSession::listening, this,
            [this] { control::startDemo(*m_session); }, Qt::SingleShotConnection);

    m_session->start(m_config);
    return true;
}

void HeadlessApp::onEvents(const server::EventBatch &batch)
{
    if (m_stdoutBroken)
        return;
    qsizetype next = 0;
    while (next < batch.size()) {
        m_out.resize(0); // keeps the capacity: no allocation once grown
        next = monitor::appendEventsJson(m_out, batch, next, m_options.stdoutMessageEvents,
                                         StdoutChunkBytes);
        writeStdout(m_out);
        if (m_stdoutBroken)
            return;
    }
}

void HeadlessApp::writeStdout(const QByteArray &bytes)
{
    // One write(2) per batch (per StdoutChunkBytes of a large one), straight
    // to fd 1: nothing sits in a stdio
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
            m_session->shutdown();
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
        m_session->refuse(parsed.id, parsed.error);
        return;
    }
    m_session->executeAsWritten(*parsed.command);
}

void HeadlessApp::onSignal(int signalNumber)
{
    if (++m_signalsSeen == 1) {
        m_session->shutdown();
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
    m_session->stopLogFile();
    emit finished(m_exitCode);
}

} // namespace closecall::headless
