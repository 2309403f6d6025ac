// The headless contract (docs/headless.md), tested from outside: the built
// `closecall` binary runs as a subprocess, driven through stdin/stdout, and
// Debian's python3-websockets is the peer (tests/headless/peers/wspeer.py),
// so neither end of the wire is our own code.
#include "serverandpeer.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>

#include <csignal>

using namespace closecall::test;
using namespace Qt::StringLiterals;

class tst_headless : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void openEventFields();
    void closeSendsCodeAndReason_data();
    void closeSendsCodeAndReason();
    void postCloseData_data();
    void postCloseData();
    void abortSendsNoClose();
    void manualAck();
    void commandResults_data();
    void commandResults();
    void badLinesKeepRunning();
    void exportFormats_data();
    void exportFormats();
    void logFileMatchesStdout();
    void noMessageEvents();
    void signalsCloseWith1001_data();
    void signalsCloseWith1001();
    void quitCommand();
    void endOfStdinKeepsRunning();
    void commandsFromAFile();
    void badOption_data();
    void badOption();
    void portInUse();
    void nodeWsPeer_data();
    void nodeWsPeer();

private:
    Server &startServer(const QStringList &extra = {});
    Peer &startPeer(const QString &path, const QStringList &extra = {});

    std::unique_ptr<Server> m_server;
    std::vector<std::unique_ptr<Peer>> m_peers;
    bool m_checkSeq = true;
    QTemporaryDir m_dir;
};

void tst_headless::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(CLOSECALL_BIN)).isExecutable(), CLOSECALL_BIN);
    QVERIFY(m_dir.isValid());
    // A missing peer library is a broken test environment, not a reason to
    // pass: fail and say how to fix it.
    QProcess probe;
    probe.start(Python, {u"-c"_s, u"import websockets.client, websockets.frames"_s});
    const bool ran = probe.waitForFinished(10000);
    QVERIFY2(ran && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0,
             qPrintable(u"the peer needs Debian's python3-websockets for /usr/bin/python3; "
                        "install it (scripts/test does: apt-get install python3-websockets). "
                        "%1"_s.arg(QString::fromLocal8Bit(probe.readAllStandardError()))));
}

Server &tst_headless::startServer(const QStringList &extra)
{
    return startServerInto(m_server, extra);
}

Peer &tst_headless::startPeer(const QString &path, const QStringList &extra)
{
    return startPeerInto(m_peers, *m_server, path, extra);
}

// Every test's stdout obeys the common rules of docs/headless.md "Events".
void tst_headless::cleanup()
{
    const bool checkSeq = std::exchange(m_checkSeq, true);
    m_peers.clear();
    if (!m_server)
        return;
    const std::unique_ptr<Server> server = std::move(m_server);
    QVERIFY2(server->badLines().isEmpty(), server->badLines().value(0).constData());
    static const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"_s);
    static const QStringList states{u"Connecting"_s,    u"Open"_s,   u"CloseSent"_s,
                                    u"CloseReceived"_s, u"Closed"_s, u"Aborted"_s};
    qint64 seq = 0;
    qint64 tUs = -1;
    for (const QJsonObject &e : server->lines()) {
        const QByteArray text = QJsonDocument(e).toJson(QJsonDocument::Compact);
        ++seq;
        if (checkSeq) // seq 1, 2, 3, ... with no gaps
            QVERIFY2(e.value("seq"_L1).toInteger() == seq, text.constData());
        QVERIFY2(iso.match(e.value("time"_L1).toString()).hasMatch(), text.constData());
        QVERIFY2(e.value("t_us"_L1).isDouble() && e.value("t_us"_L1).toInteger() >= tUs,
                 text.constData());
        tUs = e.value("t_us"_L1).toInteger();
        QVERIFY2(e.value("event"_L1).isString(), text.constData());
        if (e.contains("conn"_L1) && e.value("event"_L1).toString() != u"result")
            QVERIFY2(states.contains(e.value("state"_L1).toString()), text.constData());
    }
}

void tst_headless::openEventFields()
{
    Server &server = startServer({u"--subprotocol"_s, u"chat"_s});
    Peer &peer = startPeer(u"/room?x=1&y=2"_s,
                           {u"--subprotocol"_s, u"chat"_s, u"--origin"_s, u"http://app.test"_s,
                            u"--header"_s, u"User-Agent: wspeer/1"_s});
    QCOMPARE(peer.waitFor(peerIs(u"open"_s))->value("subprotocol"_L1), u"chat"_s);
    const auto open = server.waitFor(eventIs(u"open"_s));
    QVERIFY(open);
    QVERIFY(open->value("conn"_L1).toInt() >= 1);
    QCOMPARE(open->value("state"_L1), u"Open"_s);
    QVERIFY2(open->value("remote"_L1).toString().startsWith(u"127.0.0.1:"_s),
             qPrintable(open->value("remote"_L1).toString()));
    QCOMPARE(open->value("path"_L1), u"/room"_s);
    QCOMPARE(open->value("query"_L1), u"x=1&y=2"_s);
    QCOMPARE(open->value("subprotocol"_L1), u"chat"_s);
    QCOMPARE(open->value("origin"_L1), u"http://app.test"_s);
    QCOMPARE(open->value("user_agent"_L1), u"wspeer/1"_s);
    const QJsonObject headers = open->value("headers"_L1).toObject();
    QCOMPARE(headers.value("Host"_L1), u"127.0.0.1:%1"_s.arg(server.port()));
    QCOMPARE(headers.value("Sec-WebSocket-Version"_L1), u"13"_s);
}

void tst_headless::closeSendsCodeAndReason_data()
{
    QTest::addColumn<QString>("cmd");
    QTest::addColumn<QJsonValue>("code"); // as the command gives it
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("wireCode"); // what the peer sees (1005 for Empty)
    QTest::addColumn<QJsonValue>("eventCode");

    QTest::newRow("close GoingAway [R1]")
        << u"close"_s << json("\"GoingAway\"") << u"deploy"_s << 1001 << json("1001");
    QTest::newRow("close .NET EndpointUnavailable")
        << u"close"_s << json("\"EndpointUnavailable\"") << u"bye"_s << 1001 << json("1001");
    QTest::newRow("close 4000 private")
        << u"close"_s << json("4000") << u"private"_s << 4000 << json("4000");
    QTest::newRow("close Empty (null)")
        << u"close"_s << json("null") << QString() << 1005 << json("null");
    QTest::newRow("close_output PolicyViolation")
        << u"close_output"_s << json("\"PolicyViolation\"") << u"policy"_s << 1008 << json("1008");
    QTest::newRow("reason of 123 bytes, 3-byte chars [R10]")
        << u"close"_s << json("1000") << QString(41, QChar(0x20AC)) << 1000 << json("1000");
}

void tst_headless::closeSendsCodeAndReason()
{
    QFETCH(QString, cmd);
    QFETCH(QJsonValue, code);
    QFETCH(QString, reason);
    QFETCH(int, wireCode);
    QFETCH(QJsonValue, eventCode);

    Server &server = startServer();
    Peer &peer = startPeer(u"/c"_s);
    const int conn = server.connFor(u"/c"_s);
    QJsonObject command{{"cmd"_L1, cmd}, {"conn"_L1, conn}, {"code"_L1, code}};
    if (!reason.isEmpty())
        command.insert("reason"_L1, reason);
    const QJsonObject result = server.command(command);
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));

    const auto frame = peer.closeFrame();
    QVERIFY(frame);
    QCOMPARE(frame->value("code"_L1).toInt(), wireCode);
    QCOMPARE(frame->value("reason"_L1).toString(), reason);
    QCOMPARE(frame->value("empty"_L1).toBool(), eventCode.isNull());

    const auto sent = server.waitFor(eventIs(u"close_sent"_s, conn));
    QVERIFY(sent);
    QCOMPARE(sent->value("code"_L1), eventCode);
    QCOMPARE(sent->value("reason"_L1).toString(), reason);
    QCOMPARE(sent->value("mode"_L1).toString(), cmd);
    const auto closed = server.waitFor(eventIs(u"closed"_s, conn));
    QVERIFY(closed);
    QCOMPARE(closed->value("final"_L1), u"Closed"_s);
    QCOMPARE(closed->value("how"_L1), u"handshake"_s);
    QCOMPARE(closed->value("initiated_by"_L1), u"server"_s);
    QVERIFY(closed->value("close_handshake_us"_L1).isDouble());
    QCOMPARE(peer.end()->value("close_frame_received"_L1), true);
}

void tst_headless::postCloseData_data()
{
    QTest::addColumn<QString>("cmd");
    QTest::addColumn<QString>("postClose");
    QTest::newRow("close discards [R2]") << u"close"_s << u"discarded"_s;
    QTest::newRow("close_output delivers [R3]") << u"close_output"_s << u"delivered"_s;
}

// The peer answers our Close with three text messages, then its Close.
void tst_headless::postCloseData()
{
    QFETCH(QString, cmd);
    QFETCH(QString, postClose);
    Server &server = startServer();
    Peer &peer = startPeer(u"/late"_s, {u"--after-close-send"_s, u"3"_s});
    const int conn = server.connFor(u"/late"_s);
    QVERIFY(server.command({{"cmd"_L1, cmd}, {"conn"_L1, conn}, {"code"_L1, 1001}})
                .value("ok"_L1)
                .toBool());
    QVERIFY(peer.waitFor(peerIs(u"sent_after_close"_s)));

    qsizetype at = 0;
    QVERIFY(server.waitFor(eventIs(u"close_sent"_s, conn), 5000, &at));
    for (int i = 1; i <= 3; ++i) {
        const auto message = server.waitFor(eventIs(u"message_in"_s, conn), 5000, &at, at + 1);
        QVERIFY2(message, "a message the peer sent after our Close is missing");
        QCOMPARE(message->value("preview"_L1), u"after close %1"_s.arg(i));
        QCOMPARE(message->value("post_close"_L1), postClose);
        QCOMPARE(message->value("state"_L1), u"CloseSent"_s);
        // In the deflate run it travelled compressed; otherwise as it is.
        QCOMPARE(message->contains("wire_size"_L1), deflateRun());
    }
    QVERIFY(server.waitFor(eventIs(u"close_received"_s, conn), 5000, nullptr, at + 1));
    const auto closed = server.waitFor(eventIs(u"closed"_s, conn));
    QVERIFY(closed);
    QCOMPARE(closed->value("final"_L1), u"Closed"_s);
    QCOMPARE(closed->value("code"_L1), 1001);
}

void tst_headless::abortSendsNoClose()
{
    Server &server = startServer();
    Peer &peer = startPeer(u"/a"_s);
    const int conn = server.connFor(u"/a"_s);
    QVERIFY(server.command({{"cmd"_L1, u"abort"_s}, {"conn"_L1, conn}}).value("ok"_L1).toBool());
    const auto end = peer.end();
    QVERIFY(end);
    QCOMPARE(end->value("close_frame_received"_L1), false);
    QCOMPARE(end->value("close_code"_L1), 1006);
    QCOMPARE(end->value("reset"_L1), true); // an RST, not a FIN [R8]
    const auto closed = server.waitFor(eventIs(u"closed"_s, conn));
    QVERIFY(closed);
    QCOMPARE(closed->value("final"_L1), u"Aborted"_s);
    QCOMPARE(closed->value("how"_L1), u"abort"_s);
    QCOMPARE(closed->value("code"_L1), 1006);
    QVERIFY(!server.waitFor(eventIs(u"close_sent"_s, conn), 0));
}

// --manual-ack: the peer's Close waits for the operator's answer [R6].
void tst_headless::manualAck()
{
    Server &server = startServer({u"--manual-ack"_s});
    Peer &peer = startPeer(u"/m"_s);
    const int conn = server.connFor(u"/m"_s);
    peer.send({{"close"_L1, 1000}, {"reason"_L1, u"client done"_s}});
    const auto received = server.waitFor(eventIs(u"close_received"_s, conn));
    QVERIFY(received);
    QCOMPARE(received->value("code"_L1), 1000);
    QCOMPARE(received->value("reason"_L1), u"client done"_s);

    QTest::qWait(300); // nothing may answer it on its own
    QVERIFY(!server.waitFor(eventIs(u"close_sent"_s, conn), 0));
    QVERIFY(!peer.waitFor(peerIs(u"close_frame"_s), 0));
    const QJsonArray rows = server.command({{"cmd"_L1, u"list"_s}}).value("data"_L1).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value("state"_L1), u"CloseReceived"_s);

    const QJsonObject result = server.command(
        {{"cmd"_L1, u"close"_s}, {"conn"_L1, conn}, {"code"_L1, 4001}, {"reason"_L1, u"op"_s}});
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));
    const auto frame = peer.closeFrame();
    QVERIFY(frame);
    QCOMPARE(frame->value("code"_L1), 4001);
    QCOMPARE(frame->value("reason"_L1), u"op"_s);
    const auto closed = server.waitFor(eventIs(u"closed"_s, conn));
    QVERIFY(closed);
    QCOMPARE(closed->value("final"_L1), u"Closed"_s);
    QCOMPARE(closed->value("initiated_by"_L1), u"client"_s);
}

void tst_headless::commandResults_data()
{
    QTest::addColumn<QByteArray>("line"); // "{conn}" stands for the peer's connection
    QTest::addColumn<QJsonValue>("id");   // undefined: the result has no id
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("error"); // a part of the error text
    QTest::addColumn<QString>("peerSees");

    const auto row = [](const char *name, const char *line, QJsonValue id, bool ok,
                        const QString &error, const QString &peerSees = {}) {
        QTest::newRow(name) << QByteArray(line) << id << ok << error << peerSees;
    };
    row("list", R"({"id":"l","cmd":"list"})", u"l"_s, true, {});
    row("send text", R"({"id":2,"cmd":"send","conn":{conn},"text":"hi"})", 2, true, {},
        u"message"_s);
    row("send binary", R"({"id":3,"cmd":"send","conn":"all","binary":"AAE="})", 3, true, {},
        u"message"_s);
    row("ping", R"({"id":4,"cmd":"ping","conn":[{conn}],"payload":"hb"})", 4, true, {}, u"ping"_s);
    row("set", R"({"id":5,"cmd":"set","echo":true})", 5, true, {});
    row("unknown connection", R"({"id":6,"cmd":"send","conn":99,"text":"x"})", 6, false, u"99"_s);
    row("code 1006 refused", R"({"id":7,"cmd":"close","conn":{conn},"code":1006})", 7, false,
        u"code 1006 cannot be sent"_s);
    row("reason over 123 bytes",
        R"({"id":8,"cmd":"close","conn":{conn},"reason":"€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€a"})",
        8, false, u"reason is 124 bytes of UTF-8; the limit is 123"_s);
    row("unknown cmd", R"({"id":"u","cmd":"clsoe"})", u"u"_s, false, u"unknown cmd 'clsoe'"_s);
    row("bad JSON keeps the id", R"({"id": 77, "cmd": )", 77, false, u"bad JSON at offset"_s);
    row("no id", R"({"cmd":"ping","conn":{conn}})", QJsonValue(QJsonValue::Undefined), true, {},
        u"ping"_s);
}

void tst_headless::commandResults()
{
    QFETCH(QByteArray, line);
    QFETCH(QJsonValue, id);
    QFETCH(bool, ok);
    QFETCH(QString, error);
    QFETCH(QString, peerSees);

    Server &server = startServer();
    Peer &peer = startPeer(u"/r"_s);
    const int conn = server.connFor(u"/r"_s);
    server.writeLine(line.replace("{conn}", QByteArray::number(conn)));
    const auto result = server.waitFor([&id](const QJsonObject &o) {
        return o.value("event"_L1).toString() == u"result" && o.value("id"_L1) == id;
    });
    QVERIFY(result);
    QCOMPARE(result->contains("id"_L1), !id.isUndefined());
    QCOMPARE(result->value("ok"_L1).toBool(), ok);
    QCOMPARE(result->contains("error"_L1), !ok);
    QVERIFY2(result->value("error"_L1).toString().contains(error),
             qPrintable(result->value("error"_L1).toString()));
    if (!peerSees.isEmpty())
        QVERIFY(peer.waitFor(peerIs(peerSees)));
    QCOMPARE(server.process().state(), QProcess::Running);
}

void tst_headless::badLinesKeepRunning()
{
    Server &server = startServer();
    for (const char *line : {"not json", "{}", "[]", "", "   ", "{\"cmd\":\"list\"", "42"})
        server.writeLine(line);
    const QJsonObject list = server.command({{"id"_L1, u"after"_s}, {"cmd"_L1, u"list"_s}});
    QCOMPARE(list.value("ok"_L1).toBool(), true);
    qsizetype refused = 0;
    for (const QJsonObject &e : server.lines())
        refused += e.value("event"_L1).toString() == u"result" && !e.value("ok"_L1).toBool();
    QCOMPARE(refused, 5); // blank lines are not commands
    QCOMPARE(server.process().state(), QProcess::Running);
}

void tst_headless::exportFormats_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format"); // empty: from the suffix
    QTest::newRow("jsonl") << u"log.jsonl"_s << QString();
    QTest::newRow("text") << u"log.txt"_s << u"text"_s;
    QTest::newRow("csv") << u"log.csv"_s << QString();
    QTest::newRow("har") << u"log.har"_s << QString();
}

void tst_headless::exportFormats()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    Server &server = startServer();
    Peer &peer = startPeer(u"/e"_s);
    const int conn = server.connFor(u"/e"_s);
    peer.send({{"send"_L1, u"hello export"_s}});
    QVERIFY(server.waitFor(eventIs(u"message_in"_s, conn)));

    const QString path = m_dir.filePath(file);
    QJsonObject command{{"id"_L1, u"x"_s}, {"cmd"_L1, u"export"_s}, {"path"_L1, path}};
    if (!format.isEmpty())
        command.insert("format"_L1, format);
    const QJsonObject result = server.command(command);
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));
    const QJsonObject data = result.value("data"_L1).toObject();
    QCOMPARE(data.value("path"_L1).toString(), path);
    QVERIFY(data.value("events"_L1).toInt() > 0);

    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray content = written.readAll();
    QVERIFY(content.contains("hello export"));
    if (file.endsWith(u".jsonl"_s)) {
        // "The log so far": exactly the stdout lines before the export's result.
        const qsizetype before = result.value("seq"_L1).toInteger() - 1;
        QCOMPARE(content, server.rawLines().first(before).join('\n') + '\n');
    } else if (file.endsWith(u".har"_s)) {
        const QJsonObject har = QJsonDocument::fromJson(content).object();
        const QJsonArray entries = har.value("log"_L1).toObject().value("entries"_L1).toArray();
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.at(0).toObject().contains("_webSocketMessages"_L1));
    }

    // The error form: nothing written, the reason given.
    const QJsonObject bad = server.command(
        {{"cmd"_L1, u"export"_s}, {"path"_L1, QString(m_dir.filePath(u"no/such/dir/"_s) + file)}});
    QCOMPARE(bad.value("ok"_L1).toBool(), false);
    QVERIFY(!bad.value("error"_L1).toString().isEmpty());
}

void tst_headless::logFileMatchesStdout()
{
    const QString path = m_dir.filePath(u"run.jsonl"_s);
    Server &server = startServer({u"--log-file"_s, path});
    Peer &peer = startPeer(u"/f"_s);
    peer.send({{"send"_L1, u"one"_s}});
    peer.send({{"close"_L1, 1000}});
    QVERIFY(peer.end());
    // Exporting over the file being streamed would replace it under the writer.
    const QJsonObject over = server.command({{"cmd"_L1, u"export"_s}, {"path"_L1, path}});
    QCOMPARE(over.value("ok"_L1).toBool(), false);
    QVERIFY2(over.value("error"_L1).toString().contains(u"--log-file"_s),
             qPrintable(over.value("error"_L1).toString()));
    server.command({{"cmd"_L1, u"quit"_s}});
    QVERIFY(server.waitForExit());
    QFile log(path);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll(), server.rawLines().join('\n') + '\n');
}

void tst_headless::noMessageEvents()
{
    m_checkSeq = false; // stdout leaves events out on purpose
    const QString path = m_dir.filePath(u"all.jsonl"_s);
    Server &server = startServer({u"--no-message-events"_s, u"--log-file"_s, path});
    Peer &peer = startPeer(u"/n"_s);
    const int conn = server.connFor(u"/n"_s);
    for (int i = 0; i < 3; ++i)
        peer.send({{"send"_L1, u"m%1"_s.arg(i)}});
    peer.send({{"ping"_L1, u"p"_s}});
    peer.send({{"close"_L1, 1000}});
    QVERIFY(server.waitFor(eventIs(u"closed"_s, conn)));
    for (const QJsonObject &e : server.lines()) {
        const QString name = e.value("event"_L1).toString();
        QVERIFY2(!name.startsWith(u"message_"_s) && !name.startsWith(u"ping_"_s) &&
                     !name.startsWith(u"pong_"_s),
                 qPrintable(name));
    }
    server.command({{"cmd"_L1, u"quit"_s}});
    QVERIFY(server.waitForExit());
    QFile log(path);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray content = log.readAll();
    QCOMPARE(content.count("\"event\":\"message_in\""), 3);
    QCOMPARE(content.count("\"event\":\"ping_in\""), 1);
}

void tst_headless::signalsCloseWith1001_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_headless::signalsCloseWith1001()
{
    QFETCH(int, signalNumber);
    Server &server = startServer();
    Peer &first = startPeer(u"/s1"_s);
    Peer &second = startPeer(u"/s2"_s);
    server.connFor(u"/s2"_s);
    ::kill(pid_t(server.process().processId()), signalNumber);
    for (Peer *peer : {&first, &second}) {
        const auto frame = peer->closeFrame();
        QVERIFY(frame);
        QCOMPARE(frame->value("code"_L1), 1001);
        QCOMPARE(frame->value("reason"_L1), u"server shutting down"_s);
    }
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    const auto sent = server.waitFor(eventIs(u"close_sent"_s));
    QVERIFY(sent);
    QCOMPARE(sent->value("mode"_L1), u"shutdown"_s);
}

void tst_headless::quitCommand()
{
    Server &server = startServer();
    Peer &peer = startPeer(u"/q"_s);
    server.connFor(u"/q"_s);
    const QJsonObject result = server.command({{"id"_L1, u"bye"_s},
                                               {"cmd"_L1, u"quit"_s},
                                               {"code"_L1, 4000},
                                               {"reason"_L1, u"maintenance"_s}});
    QCOMPARE(result.value("ok"_L1).toBool(), true);
    const auto frame = peer.closeFrame();
    QVERIFY(frame);
    QCOMPARE(frame->value("code"_L1), 4000);
    QCOMPARE(frame->value("reason"_L1), u"maintenance"_s);
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitCode(), 0);
    QCOMPARE(server.lines().constLast().value("event"_L1), u"result"_s); // printed, then exit
}

void tst_headless::endOfStdinKeepsRunning()
{
    Server &server = startServer();
    server.process().closeWriteChannel();
    QTest::qWait(200);
    QCOMPARE(server.process().state(), QProcess::Running);
    startPeer(u"/eof"_s);
    QVERIFY(server.connFor(u"/eof"_s) > 0);
    server.process().terminate();
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitCode(), 0);
}

// stdin may be a regular file: its commands run, its end changes nothing.
void tst_headless::commandsFromAFile()
{
    const QString path = m_dir.filePath(u"commands.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"id\":1,\"cmd\":\"list\"}\n\n{\"id\":2,\"cmd\":\"set\",\"echo\":true}\n"
               "{\"id\":3,\"cmd\":\"list\"}\n"
               "{\"cmd\":\"quit\"}"); // the last line has no newline, and no id
    file.close();
    m_server = std::make_unique<Server>();
    m_server->process().setStandardInputFile(path);
    QVERIFY(m_server->start({}));
    QVERIFY(m_server->waitForExit());
    QCOMPARE(m_server->process().exitCode(), 0);
    for (int id : {1, 2, 3}) {
        const auto result = m_server->waitFor(resultFor(id), 0);
        QVERIFY2(result && result->value("ok"_L1).toBool(), qPrintable(QString::number(id)));
    }
    // A command without an id is answered too: the quit's result is the last line.
    const QJsonObject last = m_server->lines().constLast();
    QCOMPARE(last.value("event"_L1), u"result"_s);
    QCOMPARE(last.value("ok"_L1).toBool(), true);
    QVERIFY(!last.contains("id"_L1));
}

void tst_headless::badOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("names");
    QTest::newRow("not a number") << QStringList{u"--max-connections"_s, u"abc"_s}
                                  << u"--max-connections: 'abc' is not a number"_s;
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"--bogus"_s;
    QTest::newRow("bad listen") << QStringList{u"--listen"_s, u"nowhere"_s} << u"--listen"_s;
    QTest::newRow("cert without key")
        << QStringList{u"--tls-cert"_s, QStringLiteral(CLOSECALL_BIN)} << u"--tls-cert"_s;
    QTest::newRow("unwritable log file")
        << QStringList{u"--log-file"_s, u"/nonexistent/dir/x.jsonl"_s} << u"--log-file"_s;
}

void tst_headless::badOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, names);
    QProcess process;
    process.start(QStringLiteral(CLOSECALL_BIN), QStringList{u"--headless"_s} + args);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 2);
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(err.contains(names.toUtf8()), err.constData());
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void tst_headless::portInUse()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QProcess process;
    process.start(QStringLiteral(CLOSECALL_BIN),
                  {u"--headless"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(taken.serverPort())});
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 1);
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QVERIFY2(err.contains(u"in use"_s) && err.contains(QString::number(taken.serverPort())),
             qPrintable(err));
}

// Node's ws (Debian's node-ws) as a second independent client library: the
// close code and reason it reports are the ones the operator chose, for both
// ways of closing, and the server ends Closed having closed TCP first.
void tst_headless::nodeWsPeer_data()
{
    QTest::addColumn<QString>("cmd");
    QTest::newRow("close: node sees 4001 and the reason [R1]") << u"close"_s;
    QTest::newRow("close_output: node sees 4001 and the reason [R3]") << u"close_output"_s;
}

void tst_headless::nodeWsPeer()
{
    QFETCH(QString, cmd);
    Server &server = startServer();
    JsonLinesProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Debian installs node-ws under /usr/share/nodejs; a Node from elsewhere
    // on PATH does not search there by itself.
    env.insert(u"NODE_PATH"_s, u"/usr/share/nodejs"_s);
    if (deflateRun())
        env.insert(u"WSPEER_DEFLATE"_s, u"1"_s); // the suite's deflate run
    node.process().setProcessEnvironment(env);
    node.process().start(u"node"_s,
                         {QStringLiteral(WSPEER_JS), server.url(u"/node"_s), u"hello from node"_s});
    QVERIFY2(node.waitFor(peerIs(u"open"_s)),
             qPrintable(u"node's ws did not connect (is node-ws installed?): "_s +
                        QString::fromLocal8Bit(node.stderrText())));
    const int conn = server.connFor(u"/node"_s);
    const auto in = server.waitFor(eventIs(u"message_in"_s, conn));
    QVERIFY(in);
    QCOMPARE(in->value("preview"_L1), u"hello from node"_s);

    const QJsonObject result = server.command(
        {{"cmd"_L1, cmd}, {"conn"_L1, conn}, {"code"_L1, 4001}, {"reason"_L1, u"node, goodbye"_s}});
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));
    const auto seen = node.waitFor(peerIs(u"close"_s));
    QVERIFY2(seen, node.stderrText().constData());
    QCOMPARE(seen->value("code"_L1).toInt(), 4001);
    QCOMPARE(seen->value("reason"_L1), u"node, goodbye"_s);

    const auto closed = server.waitFor(eventIs(u"closed"_s, conn));
    QVERIFY(closed);
    QCOMPARE(closed->value("final"_L1), u"Closed"_s);
    QCOMPARE(closed->value("initiated_by"_L1), u"server"_s);
    QCOMPARE(closed->value("code"_L1).toInt(), 4001); // ws echoes the code
    QVERIFY(node.waitForExit());
}

QTEST_GUILESS_MAIN(tst_headless)
#include "tst_headless.moc"
