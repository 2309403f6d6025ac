// EngineSession, the one engine run both front ends use: a real engine on
// loopback, real QWebSocket peers. Events are checked in their contract
// form (the JSON Lines a script reads), so these tests say what a front end
// sees, not how the struct behind it is laid out.
#include "control/enginesession.h"
#include "monitor/eventjson.h"
#include "monitor/eventstore.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace closecall;
using control::Command;
using control::CommandKind;
using control::EngineSession;
using Status = control::EngineSession::Status;

namespace {

constexpr int WaitMs = 15000;

// Everything a session handed on, as JSON Lines and as objects.
struct Recorder
{
    explicit Recorder(EngineSession *session)
    {
        QObject::connect(session, &EngineSession::eventsReady, session,
                         [this](const server::EventBatch &batch) {
                             for (const server::Event &e : batch) {
                                 QByteArray line;
                                 monitor::appendEventJson(line, e);
                                 jsonl += line;
                                 events.append(QJsonDocument::fromJson(line).object());
                             }
                         });
    }

    // The first event named `name` for which `match` holds, or an empty object.
    QJsonObject find(const QString &name,
                     const std::function<bool(const QJsonObject &)> &match = {}) const
    {
        for (const QJsonObject &o : events) {
            if (o.value("event"_L1).toString() == name && (!match || match(o)))
                return o;
        }
        return {};
    }
    bool waitFor(const QString &name, const std::function<bool(const QJsonObject &)> &match = {})
    {
        return QTest::qWaitFor([&] { return !find(name, match).isEmpty(); }, WaitMs);
    }
    QJsonObject resultFor(const QJsonValue &id) const
    {
        return find(u"result"_s, [&](const QJsonObject &o) { return o.value("id"_L1) == id; });
    }

    QByteArray jsonl;
    QList<QJsonObject> events;
};

server::ServerConfig loopbackConfig()
{
    server::ServerConfig config;
    config.address = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.closeTimeoutMs = 5000;
    return config;
}

bool startListening(EngineSession &session, const server::ServerConfig &config = loopbackConfig())
{
    QSignalSpy listening(&session, &EngineSession::listening);
    session.start(config);
    return listening.wait(WaitMs) || !listening.isEmpty();
}

// Opens a QWebSocket peer and waits for the engine's `open` for it;
// returns its connection id (0 on failure).
quint32 openPeer(QWebSocket &ws, EngineSession &session, Recorder &recorder)
{
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(QUrl(session.url() + u"/"_s));
    if (!connected.wait(WaitMs) && connected.isEmpty())
        return 0;
    const quint16 localPort = ws.localPort();
    const auto mine = [localPort](const QJsonObject &o) {
        return o.value("remote"_L1).toString().endsWith(u':' + QString::number(localPort));
    };
    if (!recorder.waitFor(u"open"_s, mine))
        return 0;
    return quint32(recorder.find(u"open"_s, mine).value("conn"_L1).toInteger());
}

Command command(CommandKind kind, quint32 conn = 0)
{
    Command c;
    c.kind = kind;
    if (conn)
        c.conns.ids = {conn};
    return c;
}

// Writes to files past `bytes` fail with EFBIG for this process (SIGXFSZ
// ignored, as a server would) until lift() or the end of the scope: a
// failing disk any user can have.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(qint64 bytes)
    {
        m_set = ::getrlimit(RLIMIT_FSIZE, &m_old) == 0;
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = m_old;
        limited.rlim_cur = rlim_t(bytes);
        m_set = m_set && ::setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }
    ~FileSizeLimit() { lift(); }
    Q_DISABLE_COPY_MOVE(FileSizeLimit)
    bool isSet() const { return m_set; }
    void lift()
    {
        if (m_lifted)
            return;
        m_lifted = true;
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_handler);
    }

private:
    rlimit m_old{};
    void (*m_handler)(int) = nullptr;
    bool m_set = false;
    bool m_lifted = false;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestEngineSession : public QObject
{
    Q_OBJECT

private slots:
    void startListensThenStopStops();
    void startFailsOnATakenPortAndCanStartAgain();
    void executeIsNumberedAndAnswered();
    void executeRefusedByTheEngineSaysWhy();
    void executeWhileStoppedIsRefusedAtOnce();
    void executeAsWrittenKeepsTheCallersId();
    void refuseAnswersInTheStream();
    void exportWritesTheLogSoFar();
    void exportWithoutAStoreIsRefused();
    void logFileHasEachBatchBeforeItIsHandedOn();
    void exportOverTheLogFileIsRefused();
    void logFileFailureStopsLogging();
    void logFileFailureIsReportedAndRetried();
    void shutdownClosesEveryPeerWithGoingAway();
    void quitFromACommandStopsTheSession();
    void setOptionsAppliesToTheRunningEngine();
    void stopNowEndsAtOnce();
};

void TestEngineSession::startListensThenStopStops()
{
    EngineSession session;
    Recorder recorder(&session);
    QSignalSpy status(&session, &EngineSession::statusChanged);
    QSignalSpy stopped(&session, &EngineSession::stopped);
    QCOMPARE(session.status(), Status::Stopped);

    QVERIFY(startListening(session));
    QCOMPARE(session.status(), Status::Listening);
    QVERIFY(session.port() != 0);
    QCOMPARE(session.url(), u"ws://127.0.0.1:%1"_s.arg(session.port()));
    const QJsonObject listening = recorder.find(u"listening"_s);
    QCOMPARE(listening.value("port"_L1).toInteger(), qint64(session.port()));

    // A peer sees the GUI's Stop as 1001 "server stopping".
    QWebSocket ws;
    QVERIFY(openPeer(ws, session, recorder) != 0);
    QSignalSpy disconnected(&ws, &QWebSocket::disconnected);
    session.stop(5000);
    QCOMPARE(session.status(), Status::Stopping);
    QVERIFY(stopped.wait(WaitMs));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(session.status(), Status::Stopped);
    QVERIFY(!session.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), WaitMs);
    QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(ws.closeReason(), u"server stopping"_s);

    QList<Status> seen;
    for (const QList<QVariant> &args : status)
        seen.append(args.at(0).value<Status>());
    QCOMPARE(seen, (QList<Status>{Status::Starting, Status::Listening, Status::Stopping,
                                  Status::Stopped}));
}

void TestEngineSession::startFailsOnATakenPortAndCanStartAgain()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    EngineSession session;
    QSignalSpy failed(&session, &EngineSession::startFailed);
    QSignalSpy stopped(&session, &EngineSession::stopped);
    server::ServerConfig config = loopbackConfig();
    config.port = taken.serverPort();
    session.start(config);
    QVERIFY(failed.wait(WaitMs));
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, WaitMs);
    QCOMPARE(session.status(), Status::Stopped);

    // The same session runs again once the cause is gone.
    QVERIFY(startListening(session));
    QCOMPARE(session.status(), Status::Listening);
}

void TestEngineSession::executeIsNumberedAndAnswered()
{
    EngineSession session;
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QWebSocket ws;
    const quint32 conn = openPeer(ws, session, recorder);
    QVERIFY(conn != 0);
    QSignalSpy finished(&session, &EngineSession::commandFinished);
    QSignalSpy disconnected(&ws, &QWebSocket::disconnected);

    Command close = command(CommandKind::Close, conn);
    close.code = quint16(4000);
    close.reason = u"bye"_s;
    const QByteArray first = session.execute(close);
    QVERIFY(!first.isEmpty());
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(0).toByteArray(), first);
    QCOMPARE(finished.at(0).at(1).value<CommandKind>(), CommandKind::Close);
    QCOMPARE(finished.at(0).at(2).toBool(), true);
    QCOMPARE(finished.at(0).at(3).toString(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), WaitMs);
    QCOMPARE(int(ws.closeCode()), 4000);
    QCOMPARE(ws.closeReason(), u"bye"_s);

    // Each command gets an id of its own.
    const QByteArray second = session.execute(command(CommandKind::List));
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, WaitMs);
    QCOMPARE(finished.at(1).at(0).toByteArray(), second);
    QCOMPARE(finished.at(1).at(1).value<CommandKind>(), CommandKind::List);
}

void TestEngineSession::executeRefusedByTheEngineSaysWhy()
{
    EngineSession session;
    QVERIFY(startListening(session));
    QSignalSpy finished(&session, &EngineSession::commandFinished);
    const QByteArray id = session.execute(command(CommandKind::Abort, 4242));
    QVERIFY(!id.isEmpty());
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(0).toByteArray(), id);
    QCOMPARE(finished.at(0).at(2).toBool(), false);
    QVERIFY2(finished.at(0).at(3).toString().contains(u"4242"_s),
             qPrintable(finished.at(0).at(3).toString()));
}

void TestEngineSession::executeWhileStoppedIsRefusedAtOnce()
{
    EngineSession session;
    QSignalSpy finished(&session, &EngineSession::commandFinished);
    QCOMPARE(session.execute(command(CommandKind::List)), QByteArray());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toByteArray(), QByteArray());
    QCOMPARE(finished.at(0).at(2).toBool(), false);
    QCOMPARE(finished.at(0).at(3).toString(), u"the server is not running"_s);
}

void TestEngineSession::executeAsWrittenKeepsTheCallersId()
{
    EngineSession session;
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QSignalSpy finished(&session, &EngineSession::commandFinished);
    Command list = command(CommandKind::List);
    list.id = "\"mine\"";
    session.executeAsWritten(list);
    QVERIFY(recorder.waitFor(u"result"_s));
    const QJsonObject result = recorder.resultFor(u"mine"_s);
    QVERIFY(!result.isEmpty());
    QCOMPARE(result.value("ok"_L1).toBool(), true);
    // A script's command is answered in the stream only, not as the
    // front end's own.
    QCOMPARE(finished.size(), 0);
}

void TestEngineSession::refuseAnswersInTheStream()
{
    EngineSession session;
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    session.refuse("3", u"code 1005 cannot be sent"_s);
    QVERIFY(recorder.waitFor(u"result"_s));
    const QJsonObject result = recorder.resultFor(3);
    QCOMPARE(result.value("ok"_L1).toBool(), false);
    QCOMPARE(result.value("error"_L1).toString(), u"code 1005 cannot be sent"_s);

    // A front end's own error (a log file that fails) is an event too.
    session.postError(u"--log-file: disk full"_s);
    QVERIFY(recorder.waitFor(u"error"_s, [](const QJsonObject &o) {
        return o.value("message"_L1).toString() == u"--log-file: disk full"_s;
    }));
}

void TestEngineSession::exportWritesTheLogSoFar()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineSession session;
    session.setExportCapacity(1000);
    QVERIFY(session.exportStore() != nullptr);
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QWebSocket ws;
    const quint32 conn = openPeer(ws, session, recorder);
    QVERIFY(conn != 0);
    ws.sendTextMessage(u"hello"_s);
    QVERIFY(recorder.waitFor(u"message_in"_s));

    // What the front end had been handed when the command went out is the
    // least the file holds ("the log so far"); it holds nothing the front
    // end was not handed, in the same order. The peer keeps talking
    // meanwhile.
    const QByteArray handedOnBefore = recorder.jsonl;
    ws.sendTextMessage(u"late"_s);
    Command exportCommand = command(CommandKind::Export);
    exportCommand.id = "7";
    exportCommand.path = dir.filePath(u"log.jsonl"_s);
    exportCommand.format = monitor::LogFormat::Jsonl;
    session.executeAsWritten(exportCommand);
    QVERIFY(recorder.waitFor(
        u"result"_s, [](const QJsonObject &o) { return o.value("id"_L1).toInteger() == 7; }));
    const QJsonObject result = recorder.resultFor(7);
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));

    const QByteArray exported = readAll(exportCommand.path);
    QVERIFY(exported.startsWith(handedOnBefore));
    QVERIFY(recorder.jsonl.startsWith(exported));
    QVERIFY(!exported.contains("\"event\":\"result\""));
    const QJsonObject data = result.value("data"_L1).toObject();
    QCOMPARE(data.value("events"_L1).toInteger(), qint64(exported.count('\n')));
    QCOMPARE(data.value("dropped"_L1).toInteger(), qint64(0));
    QVERIFY(exported.contains("\"event\":\"message_in\""));
}

void TestEngineSession::exportWithoutAStoreIsRefused()
{
    QTemporaryDir dir;
    EngineSession session;
    QCOMPARE(session.exportStore(), nullptr);
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    Command exportCommand = command(CommandKind::Export);
    exportCommand.id = "1";
    exportCommand.path = dir.filePath(u"log.jsonl"_s);
    session.executeAsWritten(exportCommand);
    QVERIFY(recorder.waitFor(u"result"_s));
    const QJsonObject result = recorder.resultFor(1);
    QCOMPARE(result.value("ok"_L1).toBool(), false);
    QVERIFY(!result.value("error"_L1).toString().isEmpty());
    QVERIFY(!QFile::exists(exportCommand.path));
}

void TestEngineSession::logFileHasEachBatchBeforeItIsHandedOn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"events.jsonl"_s);
    EngineSession session;
    QString error;
    QVERIFY2(session.startLogFile(path, monitor::LogFormat::Jsonl, &error), qPrintable(error));
    QVERIFY(session.isLoggingToFile());
    QCOMPARE(session.logFilePath(), path);

    // Whoever is handed a batch finds all of it in the file already.
    QByteArray handedOn;
    int missing = 0;
    connect(&session, &EngineSession::eventsReady, this, [&](const server::EventBatch &batch) {
        for (const server::Event &e : batch)
            monitor::appendEventJson(handedOn, e);
        if (readAll(path) != handedOn)
            ++missing;
    });
    QVERIFY(startListening(session));
    Recorder recorder(&session);
    QWebSocket ws;
    QVERIFY(openPeer(ws, session, recorder) != 0);
    ws.sendTextMessage(u"logged"_s);
    QVERIFY(recorder.waitFor(u"message_in"_s));
    QSignalSpy stopped(&session, &EngineSession::stopped);
    session.stop(5000);
    QVERIFY(stopped.wait(WaitMs));

    QCOMPARE(missing, 0);
    QCOMPARE(readAll(path), handedOn);
    QCOMPARE(session.logFileEvents(), quint64(handedOn.count('\n')));
    // The log file outlives a run (the GUI's "Log to file" spans restarts).
    QVERIFY(session.isLoggingToFile());
    session.stopLogFile();
    QVERIFY(!session.isLoggingToFile());
    QCOMPARE(session.logFileEvents(), quint64(0));
}

void TestEngineSession::exportOverTheLogFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"events.jsonl"_s);
    EngineSession session;
    session.setExportCapacity(1000);
    QString error;
    QVERIFY(session.startLogFile(path, monitor::LogFormat::Jsonl, &error));
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    Command exportCommand = command(CommandKind::Export);
    exportCommand.id = "9";
    exportCommand.path = path;
    session.executeAsWritten(exportCommand);
    QVERIFY(recorder.waitFor(u"result"_s));
    const QJsonObject result = recorder.resultFor(9);
    QCOMPARE(result.value("ok"_L1).toBool(), false);
    QVERIFY2(result.value("error"_L1).toString().contains(path),
             qPrintable(result.value("error"_L1).toString()));
    // The log file is still the one being written.
    QVERIFY(readAll(path).startsWith(recorder.jsonl.left(recorder.jsonl.indexOf('\n') + 1)));
}

void TestEngineSession::logFileFailureStopsLogging()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"events.jsonl"_s);
    EngineSession session; // LogFileFailure::Stop, the GUI's
    QString error;
    QVERIFY(session.startLogFile(path, monitor::LogFormat::Jsonl, &error));
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QWebSocket ws;
    QVERIFY(openPeer(ws, session, recorder) != 0);
    QSignalSpy reports(&session, &EngineSession::logFileReport);
    QSignalSpy failed(&session, &EngineSession::logFileFailed);
    // The batch that could not be written is handed on before the failure
    // is told (a dialog then cannot hold it back).
    bool handedOnFirst = false;
    connect(&session, &EngineSession::logFileFailed, this,
            [&] { handedOnFirst = !recorder.find(u"message_in"_s).isEmpty(); });

    FileSizeLimit limit(QFileInfo(path).size() + 10);
    QVERIFY(limit.isSet());
    ws.sendTextMessage(u"over the limit"_s);
    QVERIFY(failed.wait(WaitMs));
    limit.lift();

    QCOMPARE(failed.size(), 1);
    const QString why = failed.at(0).at(0).toString();
    QVERIFY2(why.contains(path) && why.contains(u"not written to it"_s), qPrintable(why));
    QVERIFY(handedOnFirst);
    QVERIFY(!session.isLoggingToFile());
    QCOMPARE(reports.size(), 0);
    // Logging stayed off: later events go nowhere, and nothing more is said.
    ws.sendTextMessage(u"after"_s);
    QVERIFY(recorder.waitFor(u"message_in"_s, [](const QJsonObject &o) {
        return o.value("preview"_L1).toString() == u"after"_s;
    }));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!readAll(path).contains("after"));
}

void TestEngineSession::logFileFailureIsReportedAndRetried()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"events.jsonl"_s);
    EngineSession session;
    session.setLogFileFailure(EngineSession::LogFileFailure::Report); // --log-file's
    QString error;
    QVERIFY(session.startLogFile(path, monitor::LogFormat::Jsonl, &error));
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QWebSocket ws;
    QVERIFY(openPeer(ws, session, recorder) != 0);
    QSignalSpy reports(&session, &EngineSession::logFileReport);
    QSignalSpy failed(&session, &EngineSession::logFileFailed);
    const auto messageIn = [&recorder](const QString &text) {
        return recorder.waitFor(u"message_in"_s, [text](const QJsonObject &o) {
            return o.value("preview"_L1).toString() == text;
        });
    };

    FileSizeLimit limit(QFileInfo(path).size() + 10);
    QVERIFY(limit.isSet());
    ws.sendTextMessage(u"one"_s);
    QVERIFY(messageIn(u"one"_s));
    // Told before the batch is handed on, and only once while it fails.
    QCOMPARE(reports.size(), 1);
    ws.sendTextMessage(u"two"_s);
    QVERIFY(messageIn(u"two"_s));
    limit.lift();
    QCOMPARE(reports.size(), 1);
    const QString report = reports.at(0).at(0).toString();
    QVERIFY2(report.startsWith(u"cannot write "_s + path), qPrintable(report));
    QVERIFY(session.isLoggingToFile());

    // Writable again: that is said too, and the file goes on.
    ws.sendTextMessage(u"three"_s);
    QVERIFY(messageIn(u"three"_s));
    QCOMPARE(reports.size(), 2);
    QVERIFY2(reports.at(1).at(0).toString().contains(u"written again"_s),
             qPrintable(reports.at(1).at(0).toString()));
    QVERIFY(readAll(path).contains("\"preview\":\"three\""));
    QVERIFY(!readAll(path).contains("\"preview\":\"two\""));
    QCOMPARE(failed.size(), 0);
}

void TestEngineSession::shutdownClosesEveryPeerWithGoingAway()
{
    EngineSession session;
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QWebSocket a;
    QWebSocket b;
    QVERIFY(openPeer(a, session, recorder) != 0);
    QVERIFY(openPeer(b, session, recorder) != 0);
    QSignalSpy started(&session, &EngineSession::shutdownStarted);
    QSignalSpy stopped(&session, &EngineSession::stopped);

    session.shutdown();
    session.shutdown(); // a second signal changes nothing here
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toInt(), -1);
    QCOMPARE(session.status(), Status::Stopping);
    QVERIFY(stopped.wait(WaitMs));
    QCOMPARE(session.status(), Status::Stopped);
    for (QWebSocket *ws : {&a, &b}) {
        QTRY_COMPARE_WITH_TIMEOUT(ws->state(), QAbstractSocket::UnconnectedState, WaitMs);
        QCOMPARE(ws->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(ws->closeReason(), u"server shutting down"_s);
    }
}

void TestEngineSession::quitFromACommandStopsTheSession()
{
    EngineSession session;
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QSignalSpy started(&session, &EngineSession::shutdownStarted);
    QSignalSpy stopped(&session, &EngineSession::stopped);
    Command quit = command(CommandKind::Quit);
    quit.id = "\"q\"";
    quit.code = quint16(1001);
    quit.timeoutMs = 3000;
    session.executeAsWritten(quit);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toInt(), 3000);
    QCOMPARE(session.status(), Status::Stopping);
    QVERIFY(stopped.wait(WaitMs));
    QCOMPARE(session.status(), Status::Stopped);
    QCOMPARE(recorder.resultFor(u"q"_s).value("ok"_L1).toBool(), true);
}

void TestEngineSession::setOptionsAppliesToTheRunningEngine()
{
    EngineSession session;
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QVERIFY(!session.config().echo);
    QWebSocket ws;
    QVERIFY(openPeer(ws, session, recorder) != 0);
    QSignalSpy finished(&session, &EngineSession::commandFinished);
    session.setOptions(true, false, true);
    QVERIFY(session.config().echo);
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.at(0).at(1).value<CommandKind>(), CommandKind::Set);
    QCOMPARE(finished.at(0).at(2).toBool(), true);

    QSignalSpy received(&ws, &QWebSocket::textMessageReceived);
    ws.sendTextMessage(u"echo me"_s);
    QVERIFY(received.wait(WaitMs));
    QCOMPARE(received.at(0).at(0).toString(), u"echo me"_s);
}

void TestEngineSession::stopNowEndsAtOnce()
{
    EngineSession session;
    Recorder recorder(&session);
    QVERIFY(startListening(session));
    QWebSocket ws;
    QVERIFY(openPeer(ws, session, recorder) != 0);
    QSignalSpy stopped(&session, &EngineSession::stopped);
    session.stopNow();
    QCOMPARE(session.status(), Status::Stopped);
    QTRY_COMPARE_WITH_TIMEOUT(ws.state(), QAbstractSocket::UnconnectedState, WaitMs);
    // The window is going away: nobody waits for stopped().
    QCOMPARE(stopped.size(), 0);
    QCOMPARE(session.execute(command(CommandKind::List)), QByteArray());
}

QTEST_GUILESS_MAIN(TestEngineSession)
#include "tst_enginesession.moc"
