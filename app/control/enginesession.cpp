#include "enginesession.h"

#include "controller.h"

#include "monitor/eventstore.h"
#include "server/enginethread.h"

#include <QtCore/QTimer>

#include <climits>

using namespace Qt::StringLiterals;

namespace closecall::control {

using server::Event;

namespace {
// docs/headless.md "When the reader falls behind": past this much memory in
// events published and not yet written (stdout, the log file, the GUI's
// models), the engine stops reading from peers until a quarter is left.
constexpr qint64 EventBacklogBytes = 16 * 1024 * 1024;
} // namespace

EngineSession::EngineSession(QObject *parent)
    : QObject(parent)
{}

EngineSession::~EngineSession()
{
    // The controller talks to the engine: it goes first, then the engine
    // thread is joined while the store and the log file still exist.
    teardown();
    m_logFile.reset();
}

void EngineSession::setExportCapacity(qsizetype capacity, qsizetype byteBudget)
{
    if (capacity <= 0) {
        m_store.reset();
    } else if (m_store) {
        m_store->setCapacity(capacity);
        m_store->setByteBudget(byteBudget);
    } else {
        m_store = std::make_unique<monitor::EventStore>(capacity, byteBudget);
    }
}

void EngineSession::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

void EngineSession::start(const server::ServerConfig &config)
{
    if (isRunning())
        return;
    m_config = config;
    if (m_config.maxEventBacklogBytes <= 0)
        m_config.maxEventBacklogBytes = EventBacklogBytes;
    m_url.clear();
    m_port = 0;
    m_pending.clear();
    m_engineThread = std::make_unique<server::EngineThread>(m_config);
    server::Engine *engine = m_engineThread->engine();
    // Queued (the engine lives on its own thread), in the order published.
    connect(engine, &server::Engine::eventsReady, this, &EngineSession::onEvents);
    connect(engine, &server::Engine::startFailed, this, &EngineSession::onStartFailed);
    connect(engine, &server::Engine::stopped, this, &EngineSession::onStopped);
    m_controller = new Controller(engine, m_store.get(), this);
    m_controller->setLogFilePath(logFilePath());
    connect(m_controller, &Controller::shutdownStarted, this, [this](int timeoutMs) {
        setStatus(Status::Stopping);
        emit shutdownStarted(timeoutMs);
    });
    setStatus(Status::Starting);
    m_engineThread->start();
}

void EngineSession::stop(int timeoutMs)
{
    if (m_status == Status::Stopped || m_status == Status::Stopping)
        return;
    setStatus(Status::Stopping);
    Command quit;
    quit.kind = CommandKind::Quit;
    quit.code = protocol::closecode::GoingAway;
    quit.reason = tr("server stopping");
    quit.timeoutMs = timeoutMs;
    m_controller->execute(quit);
}

void EngineSession::shutdown()
{
    if (m_controller)
        m_controller->shutdown();
}

void EngineSession::stopNow()
{
    teardown();
    setStatus(Status::Stopped);
}

void EngineSession::teardown()
{
    delete m_controller;
    m_controller = nullptr;
    // Joins the engine thread; its connections are dropped with it.
    m_engineThread.reset();
    m_pending.clear();
}

void EngineSession::executeAsWritten(const Command &command)
{
    if (m_controller)
        m_controller->execute(command);
}

void EngineSession::postError(const QString &message)
{
    server::Engine *engine = m_engineThread ? m_engineThread->engine() : nullptr;
    if (!engine)
        return;
    QMetaObject::invokeMethod(
        engine, [engine, message] { engine->postError(message); }, Qt::QueuedConnection);
}

void EngineSession::refuse(const QByteArray &id, const QString &error)
{
    if (m_controller)
        m_controller->refuse(id, error);
}

QByteArray EngineSession::execute(Command command)
{
    if (m_status != Status::Listening || !m_controller) {
        emit commandFinished({}, command.kind, false,
                             m_status == Status::Stopping ? tr("the server is stopping")
                                                          : tr("the server is not running"));
        return {};
    }
    command.id = QByteArray::number(m_nextId++);
    m_pending.insert(command.id, command.kind);
    m_controller->execute(command);
    return command.id;
}

void EngineSession::setOptions(bool echo, bool manualAck, bool autoPong)
{
    m_config.echo = echo;
    m_config.manualAck = manualAck;
    m_config.autoPong = autoPong;
    if (m_status != Status::Listening)
        return;
    Command set;
    set.kind = CommandKind::Set;
    set.echo = echo ? 1 : 0;
    set.manualAck = manualAck ? 1 : 0;
    set.autoPong = autoPong ? 1 : 0;
    execute(set);
}

void EngineSession::onEvents(const server::EventBatch &batch)
{
    if (m_store)
        m_store->append(batch);
    // The file first: whoever reads the front end's copy of an event (a
    // script on stdout) may look for it in the file straight away.
    QString stoppedLogging;
    if (m_logFile && !m_logFile->write(batch) && m_logFileFailure == LogFileFailure::Stop) {
        // Say how many events the file lacks (the window's log still has them).
        stoppedLogging = tr("%1; %n event(s) not written to it", nullptr,
                            int(qMin<quint64>(m_logFile->eventsLost(), INT_MAX)))
                             .arg(m_logFile->errorString());
        stopLogFile();
    }
    if (m_logFile && m_logFileFailure == LogFileFailure::Report) {
        if (const QString report = m_logFile->takeReport(); !report.isEmpty())
            emit logFileReport(report);
    }

    emit eventsReady(batch);
    // Written (the file, stdout or the models have it, each synchronously):
    // the engine may read on. Batches of an engine torn down are not counted.
    if (server::Engine *engine = m_engineThread ? m_engineThread->engine() : nullptr)
        engine->batchWritten(batch);

    for (const Event &event : batch) {
        if (const auto *l = event.get<server::events::Listening>()) {
            m_port = l->port;
            QString host = l->address;
            if (host.contains(u':'))
                host = u'[' + host + u']';
            m_url = (l->tls ? u"wss://"_s : u"ws://"_s) + host + u':' + QString::number(m_port);
            if (m_status == Status::Starting)
                setStatus(Status::Listening);
            emit listening(m_url);
        } else if (const auto *r = event.get<server::events::Result>(); r && !r->id.isEmpty()) {
            const auto it = m_pending.constFind(r->id);
            if (it == m_pending.cend())
                continue;
            const CommandKind kind = *it;
            m_pending.erase(it);
            emit commandFinished(r->id, kind, r->ok, r->error);
        }
    }
    // Last, when this batch has been handed on: a front end may show a
    // dialog here (a nested event loop runs the next batches).
    if (!stoppedLogging.isEmpty())
        emit logFileFailed(stoppedLogging);
}

void EngineSession::onStartFailed(const QString &error)
{
    // The engine's own error event says the same in the log; tear down on
    // the next turn (we are inside a queued call from its thread).
    QTimer::singleShot(0, this, [this] {
        teardown();
        setStatus(Status::Stopped);
        emit stopped();
    });
    emit startFailed(error);
}

void EngineSession::onStopped()
{
    QTimer::singleShot(0, this, [this] {
        if (m_status == Status::Stopped)
            return;
        teardown();
        setStatus(Status::Stopped);
        emit stopped();
    });
}

bool EngineSession::startLogFile(const QString &path, monitor::LogFormat format, QString *error)
{
    auto writer = std::make_unique<monitor::LogFileWriter>();
    if (!writer->open(path, format)) {
        *error = writer->errorString();
        return false;
    }
    m_logFile = std::move(writer);
    // An export there would replace the file under the open writer.
    if (m_controller)
        m_controller->setLogFilePath(path);
    return true;
}

void EngineSession::stopLogFile()
{
    m_logFile.reset();
    if (m_controller)
        m_controller->setLogFilePath({});
}

bool EngineSession::isLoggingToFile() const
{
    return m_logFile != nullptr;
}

QString EngineSession::logFilePath() const
{
    return m_logFile ? m_logFile->path() : QString();
}

quint64 EngineSession::logFileEvents() const
{
    return m_logFile ? m_logFile->eventsWritten() : 0;
}

} // namespace closecall::control
