#include "serversession.h"

#include "control/controller.h"
#include "monitor/eventfeed.h"
#include "server/enginethread.h"

#include <QtCore/QTimer>

#include <climits>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using server::Event;
using server::EventType;

ServerSession::ServerSession(monitor::EventFeed *feed, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
{}

ServerSession::~ServerSession()
{
    teardown();
}

void ServerSession::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

void ServerSession::start(const server::ServerConfig &config)
{
    if (isRunning())
        return;
    m_config = config;
    m_url.clear();
    m_port = 0;
    m_pending.clear();
    m_engineThread = std::make_unique<server::EngineThread>(config);
    server::Engine *engine = m_engineThread->engine();
    connect(engine, &server::Engine::eventsReady, m_feed, &monitor::EventFeed::onEvents);
    connect(engine, &server::Engine::eventsReady, this, &ServerSession::onEvents);
    connect(engine, &server::Engine::startFailed, this, &ServerSession::onStartFailed);
    connect(engine, &server::Engine::stopped, this, &ServerSession::onStopped);
    // The GUI exports from its own log model, never through the controller,
    // so the controller needs no event store.
    m_controller = new control::Controller(engine, nullptr, this);
    setStatus(Status::Starting);
    m_engineThread->start();
}

void ServerSession::stop(int timeoutMs)
{
    if (m_status == Status::Stopped || m_status == Status::Stopping)
        return;
    setStatus(Status::Stopping);
    control::Command quit;
    quit.kind = control::CommandKind::Quit;
    quit.code = protocol::closecode::GoingAway;
    quit.reason = tr("server stopping");
    quit.timeoutMs = timeoutMs;
    m_controller->execute(quit);
}

void ServerSession::stopNow()
{
    teardown();
    setStatus(Status::Stopped);
}

void ServerSession::teardown()
{
    delete m_controller;
    m_controller = nullptr;
    // Joins the engine thread; its connections are dropped with it.
    m_engineThread.reset();
    m_pending.clear();
}

QByteArray ServerSession::execute(control::Command command)
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

void ServerSession::setOptions(bool echo, bool manualAck, bool autoPong)
{
    m_config.echo = echo;
    m_config.manualAck = manualAck;
    m_config.autoPong = autoPong;
    if (m_status != Status::Listening)
        return;
    control::Command set;
    set.kind = control::CommandKind::Set;
    set.echo = echo ? 1 : 0;
    set.manualAck = manualAck ? 1 : 0;
    set.autoPong = autoPong ? 1 : 0;
    execute(set);
}

void ServerSession::onEvents(const server::EventBatch &batch)
{
    if (m_logFile && !m_logFile->write(batch)) {
        // The GUI stops logging at the first failure: say how many events
        // the file lacks (the window's log still has them).
        const QString error = tr("%1; %n event(s) not written to it", nullptr,
                                 int(qMin<quint64>(m_logFile->eventsLost(), INT_MAX)))
                                  .arg(m_logFile->errorString());
        m_logFile.reset();
        emit logFileFailed(error);
    }
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
            const control::CommandKind kind = *it;
            m_pending.erase(it);
            emit commandFinished(r->id, kind, r->ok, r->error);
        }
    }
}

void ServerSession::onStartFailed(const QString &error)
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

void ServerSession::onStopped()
{
    QTimer::singleShot(0, this, [this] {
        if (m_status == Status::Stopped)
            return;
        teardown();
        setStatus(Status::Stopped);
        emit stopped();
    });
}

bool ServerSession::startLogFile(const QString &path, monitor::LogFormat format, QString *error)
{
    auto writer = std::make_unique<monitor::LogFileWriter>();
    if (!writer->open(path, format)) {
        *error = writer->errorString();
        return false;
    }
    m_logFile = std::move(writer);
    return true;
}

void ServerSession::stopLogFile()
{
    m_logFile.reset();
}

bool ServerSession::isLoggingToFile() const
{
    return m_logFile != nullptr;
}

QString ServerSession::logFilePath() const
{
    return m_logFile ? m_logFile->path() : QString();
}

quint64 ServerSession::logFileEvents() const
{
    return m_logFile ? m_logFile->eventsWritten() : 0;
}

} // namespace closecall::ui
