#include "controller.h"

#include "monitor/eventstore.h"
#include "monitor/logexport.h"
#include "monitor/timelinesvg.h"
#include "protocol/refusal.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace closecall::control {

using protocol::Refusal;
using protocol::RefusalText;
using protocol::Refused;
using server::Engine;

Controller::Controller(Engine *engine, const monitor::EventStore *store, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(store)
{
    // Queued by default (the engine lives on its own thread); in order with
    // eventsReady, which is what export relies on.
    connect(engine, &Engine::flushed, this, &Controller::onFlushed);
}

Controller::~Controller() = default;

void Controller::refuse(const QByteArray &id, const QString &error)
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, id, error] { engine->postResult(id, false, error, {}); },
        Qt::QueuedConnection);
}

void Controller::setLogFilePath(const QString &path)
{
    m_logFilePath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
}

void Controller::shutdown()
{
    if (m_shuttingDown || !m_engine)
        return;
    m_shuttingDown = true;
    emit shutdownStarted(-1);
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine] {
            engine->shutdown(protocol::CloseCode{protocol::closecode::GoingAway},
                             defaultQuitReason(), -1, {});
        },
        Qt::QueuedConnection);
}

void Controller::execute(const Command &c)
{
    if (!m_engine)
        return;
    // The engine refuses these too, but saying it here keeps the message
    // the same whether the quit came from stdin or a signal.
    if (m_shuttingDown) {
        refuse(c.id, RefusalText::sentence(Refused::of(Refusal::ShuttingDown),
                                           QString(commandName(c.kind))));
        return;
    }

    Engine *engine = m_engine;
    const auto queue = [engine](auto &&call) {
        QMetaObject::invokeMethod(engine, std::forward<decltype(call)>(call), Qt::QueuedConnection);
    };
    switch (c.kind) {
    case CommandKind::List:
        queue([engine, id = c.id] { engine->list(id); });
        break;
    case CommandKind::Close:
    case CommandKind::CloseOutput: {
        const auto mode = c.kind == CommandKind::Close ? protocol::CloseMode::Close
                                                       : protocol::CloseMode::CloseOutput;
        queue([engine, c, mode] {
            engine->closeConnections(c.conns, c.code, c.reason, mode, c.timeoutMs, c.id);
        });
        break;
    }
    case CommandKind::Abort:
        queue([engine, c] { engine->abortConnections(c.conns, c.id); });
        break;
    case CommandKind::Send:
        queue([engine, c] { engine->sendMessage(c.conns, c.messageType, c.payload, c.id); });
        break;
    case CommandKind::Ping:
        queue([engine, c] { engine->ping(c.conns, c.payload, c.id); });
        break;
    case CommandKind::Set:
        // Per leg or per pair (proxy mode): the engine's proxy options.
        if (c.holdCloses >= 0 || c.conns.all || !c.conns.ids.isEmpty())
            queue(
                [engine, c] { engine->setProxyOptions(c.conns, c.autoPong, c.holdCloses, c.id); });
        else
            queue([engine, c] { engine->setOptions(c.echo, c.manualAck, c.autoPong, c.id); });
        break;
    case CommandKind::Export:
    case CommandKind::Timeline: {
        if (!m_logFilePath.isEmpty() && QFileInfo(c.path).absoluteFilePath() == m_logFilePath) {
            refuse(c.id,
                   RefusalText::sentence(Refused::of(Refusal::ExportOverLogFile), m_logFilePath));
            break;
        }
        // "The log so far" includes every event published before this
        // command: ask the engine to flush, and write when its flushed()
        // arrives, behind the batches it flushed.
        const quint64 token = m_nextToken++;
        m_pendingExports.insert(token, c);
        queue([engine, token] { engine->flushAndNotify(token); });
        break;
    }
    case CommandKind::Connect:
        queue([engine, c] { engine->connectTo(c.connect, c.id); });
        break;
    case CommandKind::Quit:
        m_shuttingDown = true;
        emit shutdownStarted(c.timeoutMs);
        queue([engine, c] { engine->shutdown(c.code, c.reason, c.timeoutMs, c.id, true); });
        break;
    }
}

void Controller::onFlushed(quint64 token)
{
    const auto it = m_pendingExports.constFind(token);
    if (it == m_pendingExports.cend())
        return; // another front end's flush
    const Command command = *it;
    m_pendingExports.erase(it);
    if (command.kind == CommandKind::Timeline)
        runTimeline(command);
    else
        runExport(command);
}

void Controller::runExport(const Command &c)
{
    // A front end that keeps its log elsewhere (the GUI exports from its
    // log model) gives no store: the command is refused, not dereferenced.
    if (!m_store) {
        refuse(c.id, RefusalText::sentence(Refused::of(Refusal::ExportUnavailable)));
        return;
    }
    monitor::EventFilter filter;
    if (!c.filter.isEmpty())
        filter = [spec = c.filter](const server::Event &event) {
            return spec.matches(event);
        };
    const monitor::ExportResult written =
        monitor::exportLog(m_store->view(), c.path, c.format, filter);

    QByteArray data;
    if (written.ok()) {
        QJsonObject object{
            {u"path"_s, QFileInfo(c.path).absoluteFilePath()},
            {u"format"_s, QString(monitor::logFormatName(c.format))},
            {u"events"_s, qint64(written.events)},
            // The store is bounded: say when the oldest events were no
            // longer there to export.
            {u"dropped"_s, qint64(m_store->dropped())},
        };
        if (!c.filterText.isEmpty())
            object.insert(u"filter"_s, c.filterText);
        data = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, id = c.id, ok = written.ok(), error = written.error, data] {
            engine->postResult(id, ok, error, data);
        },
        Qt::QueuedConnection);
}

void Controller::runTimeline(const Command &c)
{
    QString error;
    QByteArray data;
    if (!m_store) {
        error = tr("timeline is not available here: use File > Export Timeline…");
    } else if (c.timelineFormat == monitor::TimelineFormat::Png) {
        // A PNG needs fonts, and fonts need Qt Gui's application object;
        // the headless mode runs on Qt Core alone (docs/headless.md).
        error = tr("timeline: png needs the window (File > Export Timeline…); headless writes "
                   "svg (\"format\": \"svg\")");
    } else {
        const monitor::TimelineLayout layout = monitor::layoutTimeline(m_store->view(), c.conn);
        if (layout.isEmpty()) {
            error = tr("connection %1 has no events in the log").arg(c.conn);
        } else {
            const monitor::ExportResult result = monitor::writeTimelineSvg(layout, c.path);
            error = result.error;
            if (result.ok())
                data = QJsonDocument(QJsonObject{
                                         {u"path"_s, QFileInfo(c.path).absoluteFilePath()},
                                         {u"format"_s,
                                          QString(monitor::timelineFormatName(c.timelineFormat))},
                                         {u"conn"_s, qint64(c.conn)},
                                         {u"items"_s, qint64(result.events)},
                                     })
                           .toJson(QJsonDocument::Compact);
        }
    }
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, id = c.id, error, data] {
            engine->postResult(id, error.isEmpty(), error, data);
        },
        Qt::QueuedConnection);
}

} // namespace closecall::control
