// The headless output of one recorded scenario, byte for byte
// (docs/headless.md). The built `closecall` binary runs as a subprocess;
// peers/goldenpeer.py is a client whose every byte is fixed and which acts
// only when told. Each step waits for the event that ends it before the next
// one starts, so the order of the lines does not depend on machine load; the
// fields that vary from run to run (times, ports, the temporary directory,
// the close handshake's duration) are replaced by placeholders, and what is
// left must equal golden/scenario.jsonl.
//
// After an intended change of the output, regenerate the file with
// CLOSECALL_UPDATE_GOLDEN=1 and review its diff like code.
#include "processes.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace closecall::test;
using namespace Qt::StringLiterals;

namespace {

const QString Python = u"/usr/bin/python3"_s;

// A JSON Lines process read in order: each expect() looks only past the line
// the previous one matched, so a step cannot be satisfied by an older line.
class Ordered : public JsonLinesProcess
{
public:
    std::optional<QJsonObject> expect(const Match &match, int timeoutMs = 30000)
    {
        qsizetype index = -1;
        const auto found = waitFor(match, timeoutMs, &index, m_next);
        if (found)
            m_next = index + 1;
        return found;
    }

private:
    qsizetype m_next = 0;
};

class Server final : public Ordered
{
public:
    // The command's own result; commands always carry an id here.
    std::optional<QJsonObject> command(const QJsonObject &cmd)
    {
        writeJson(cmd);
        return expect(resultFor(cmd.value("id"_L1)));
    }
};

class GoldenPeer final : public Ordered
{
public:
    bool start(int port)
    {
        process().start(Python, {QStringLiteral(GOLDENPEER_PY), QString::number(port)});
        return process().waitForStarted();
    }
    void run(const QJsonObject &command) { writeJson(command); }
    std::optional<QJsonObject> expect(const QString &kind) { return Ordered::expect(peerIs(kind)); }
};

// Replaces what differs between runs with placeholders of the same JSON
// type where one exists, so a field that changes type still shows in a diff.
QByteArray normalised(QByteArray line, const QString &dir)
{
    struct Rule
    {
        QRegularExpression pattern;
        QString replacement;
    };
    // The JSON Lines are compact; the HAR export is indented (": "). Each
    // replacement has one capture, so "\\10" is capture 1 and a '0'.
    static const Rule rules[] = {
        {QRegularExpression(u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"_s),
         u"<time>"_s},
        {QRegularExpression(u"(\"(?:t_us|close_handshake_us|ack_delay_us)\": ?)\\d+"_s), u"\\10"_s},
        {QRegularExpression(u"127\\.0\\.0\\.1:\\d+"_s), u"127.0.0.1:<port>"_s},
        {QRegularExpression(u"(\"event\":\"listening\".*\"port\":)\\d+"_s), u"\\10"_s},
        // HAR: a message's wall-clock time in seconds, and our version.
        {QRegularExpression(u"(\"time\": )\\d+(?:\\.\\d+)?"_s), u"\\10"_s},
        {QRegularExpression(u"(\"name\": \"CloseCall\",\\s*\"version\": )\"[^\"]*\""_s),
         u"\\1\"<version>\""_s},
    };
    QString text = QString::fromUtf8(line);
    text.replace(dir, u"<dir>"_s);
    for (const Rule &rule : rules)
        text.replace(rule.pattern, rule.replacement);
    return text.toUtf8();
}

} // namespace

class tst_golden : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void scenario();

private:
    GoldenPeer &openPeer(Server &server, int port, const QJsonObject &open, int conn);
    std::vector<std::unique_ptr<GoldenPeer>> m_peers;
    std::unique_ptr<Server> m_server;
};

void tst_golden::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(CLOSECALL_BIN)).isExecutable(), CLOSECALL_BIN);
    QVERIFY2(QFileInfo(Python).isExecutable(), "the peer needs /usr/bin/python3");
}

// On a failure, what the server said so far: the step that did not finish
// is the one after the last line.
void tst_golden::cleanup()
{
    if (QTest::currentTestFailed() && m_server) {
        qWarning("closecall's stdout:\n%s\nstderr:\n%s",
                 m_server->rawLines().join('\n').constData(), m_server->stderrText().constData());
        for (const auto &peer : m_peers)
            qWarning("peer:\n%s", peer->rawLines().join('\n').constData());
    }
    m_peers.clear();
    m_server.reset();
}

// A new peer upgraded with `open`; the server calls it `conn`.
GoldenPeer &tst_golden::openPeer(Server &server, int port, const QJsonObject &open, int conn)
{
    m_peers.push_back(std::make_unique<GoldenPeer>());
    GoldenPeer &peer = *m_peers.back();
    if (!peer.start(port))
        qWarning("the peer did not start");
    peer.run(open);
    if (!peer.expect(u"open"_s))
        qWarning("peer did not open: %s", peer.stderrText().constData());
    if (!server.expect(eventIs(u"open"_s, conn)))
        qWarning("no open event for conn %d", conn);
    return peer;
}

void tst_golden::scenario()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_server = std::make_unique<Server>();
    Server &server = *m_server;
    // Long close timeouts: no step may end by a timer on a slow machine.
    server.process().start(QStringLiteral(CLOSECALL_BIN),
                           {u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--subprotocol"_s,
                            u"chat"_s, u"--close-timeout"_s, u"600000"_s,
                            u"--close-output-timeout"_s, u"600000"_s});
    const auto listening = server.expect(eventIs(u"listening"_s));
    QVERIFY2(listening, server.stderrText().constData());
    const int port = listening->value("port"_L1).toInt();

    // A bad command line is answered with an error and changes nothing.
    server.writeLine("{\"id\":\"bad\",\"cmd\":\"close\"");
    QVERIFY(server.expect(resultFor(u"bad"_s)));
    QVERIFY(server.command({{"id"_L1, u"typo"_s}, {"cmd"_L1, u"clsoe"_s}}));
    QVERIFY(server.command({{"id"_L1, u"nobody"_s}, {"cmd"_L1, u"abort"_s}, {"conn"_L1, 99}}));

    // 1: open with headers, messages both ways, pings both ways, then the
    // server's Close with a code and a reason, answered by the peer.
    GoldenPeer &one = openPeer(
        server, port,
        {{"open"_L1, u"/golden?room=1&x=%20y"_s},
         {"headers"_L1,
          QJsonArray{QJsonArray{u"Origin"_s, u"http://app.test"_s},
                     QJsonArray{u"User-Agent"_s, u"goldenpeer/1"_s},
                     QJsonArray{u"Sec-WebSocket-Protocol"_s, u"other, chat"_s},
                     QJsonArray{u"X-Custom"_s, u"a"_s}, QJsonArray{u"x-custom"_s, u"b"_s}}}},
        1);
    one.run({{"text"_L1, u"hello \u20ac"_s}});
    QVERIFY(server.expect(eventIs(u"message_in"_s, 1)));
    one.run({{"binary"_L1, u"AAEC/w=="_s}});
    QVERIFY(server.expect(eventIs(u"message_in"_s, 1)));
    QVERIFY(server.command(
        {{"id"_L1, 1}, {"cmd"_L1, u"send"_s}, {"conn"_L1, 1}, {"text"_L1, u"to you"_s}}));
    QVERIFY(one.expect(u"text"_s));
    QVERIFY(server.command(
        {{"id"_L1, 2}, {"cmd"_L1, u"send"_s}, {"conn"_L1, 1}, {"binary"_L1, u"3q2+7w=="_s}}));
    QVERIFY(one.expect(u"binary"_s));
    one.run({{"ping"_L1, u"are you there"_s}});
    QVERIFY(server.expect(eventIs(u"pong_out"_s, 1)));
    QVERIFY(one.expect(u"pong"_s));
    QVERIFY(server.command(
        {{"id"_L1, 3}, {"cmd"_L1, u"ping"_s}, {"conn"_L1, 1}, {"payload"_L1, u"p2"_s}}));
    QVERIFY(one.expect(u"ping"_s));
    one.run({{"pong"_L1, u"p2"_s}});
    QVERIFY(server.expect(eventIs(u"pong_in"_s, 1)));
    QVERIFY(server.command({{"id"_L1, 4},
                            {"cmd"_L1, u"close"_s},
                            {"conn"_L1, 1},
                            {"code"_L1, 4000},
                            {"reason"_L1, u"private"_s}}));
    QVERIFY(one.expect(u"close"_s));
    one.run({{"close"_L1, 4000}, {"reason"_L1, u"private"_s}});
    QVERIFY(server.expect(eventIs(u"closed"_s, 1)));
    QVERIFY(one.expect(u"eof"_s));

    // 2: Close; the peer's late message is discarded [R2].
    GoldenPeer &two = openPeer(server, port, {{"open"_L1, u"/close"_s}}, 2);
    QVERIFY(server.command({{"id"_L1, 5},
                            {"cmd"_L1, u"close"_s},
                            {"conn"_L1, 2},
                            {"code"_L1, u"GoingAway"_s},
                            {"reason"_L1, u"deploy"_s}}));
    QVERIFY(two.expect(u"close"_s));
    two.run({{"text"_L1, u"late"_s}});
    QVERIFY(server.expect(eventIs(u"message_in"_s, 2)));
    QVERIFY(server.command(
        {{"id"_L1, 6}, {"cmd"_L1, u"send"_s}, {"conn"_L1, 2}, {"text"_L1, u"too late"_s}}));
    two.run({{"close"_L1, 1001}});
    QVERIFY(server.expect(eventIs(u"closed"_s, 2)));
    QVERIFY(two.expect(u"eof"_s));

    // 3: Close Output; what the peer still sends is delivered [R3].
    GoldenPeer &three = openPeer(server, port, {{"open"_L1, u"/close-output"_s}}, 3);
    QVERIFY(server.command({{"id"_L1, 7},
                            {"cmd"_L1, u"close_output"_s},
                            {"conn"_L1, 3},
                            {"code"_L1, u"PolicyViolation"_s},
                            {"reason"_L1, u"policy"_s}}));
    QVERIFY(three.expect(u"close"_s));
    three.run({{"text"_L1, u"after 1"_s}});
    QVERIFY(server.expect(eventIs(u"message_in"_s, 3)));
    three.run({{"binary"_L1, u"YWZ0ZXIgMg=="_s}});
    QVERIFY(server.expect(eventIs(u"message_in"_s, 3)));
    three.run({{"close"_L1, QJsonValue::Null}});
    QVERIFY(server.expect(eventIs(u"closed"_s, 3)));
    QVERIFY(three.expect(u"eof"_s));

    // 4: the peer closes first and the server answers at once.
    GoldenPeer &four = openPeer(server, port, {{"open"_L1, u"/peer-closes"_s}}, 4);
    four.run({{"close"_L1, 1000}, {"reason"_L1, u"bye"_s}});
    QVERIFY(server.expect(eventIs(u"closed"_s, 4)));
    QVERIFY(four.expect(u"close"_s));
    QVERIFY(four.expect(u"eof"_s));

    // 5: manual acknowledge switched on with `set`; a close answers.
    QVERIFY(server.command({{"id"_L1, 8}, {"cmd"_L1, u"set"_s}, {"manual_ack"_L1, true}}));
    GoldenPeer &five = openPeer(server, port, {{"open"_L1, u"/manual-ack"_s}}, 5);
    five.run({{"close"_L1, 4001}, {"reason"_L1, u"your turn"_s}});
    QVERIFY(server.expect(eventIs(u"close_received"_s, 5)));
    QVERIFY(server.command({{"id"_L1, 9}, {"cmd"_L1, u"list"_s}}));
    QVERIFY(server.command({{"id"_L1, 10},
                            {"cmd"_L1, u"close"_s},
                            {"conn"_L1, 5},
                            {"code"_L1, 4001},
                            {"reason"_L1, u"acknowledged"_s}})); // after its closed
    QVERIFY(five.expect(u"close"_s));
    QVERIFY(five.expect(u"eof"_s));
    QVERIFY(server.command({{"id"_L1, 11}, {"cmd"_L1, u"set"_s}, {"manual_ack"_L1, false}}));

    // 6: abort resets TCP.
    GoldenPeer &six = openPeer(server, port, {{"open"_L1, u"/abort"_s}}, 6);
    QVERIFY(server.command({{"id"_L1, 12}, {"cmd"_L1, u"abort"_s}, {"conn"_L1, 6}}));
    QVERIFY(six.expect(u"reset"_s));

    // 7: a request that is no upgrade is refused before it is a connection.
    m_peers.push_back(std::make_unique<GoldenPeer>());
    GoldenPeer &refused = *m_peers.back();
    QVERIFY(refused.start(port));
    refused.run({{"request"_L1, u"GET /plain HTTP/1.1\r\nHost: closecall.test\r\n\r\n"_s}});
    QVERIFY(server.expect(eventIs(u"handshake_failed"_s)));
    QVERIFY(refused.expect(u"response"_s));
    QVERIFY(refused.expect(u"eof"_s));

    // 8: a protocol error from the peer, an unmasked frame: an error, our
    // Close with 1002, and TCP closed at once [R12].
    GoldenPeer &eight = openPeer(server, port, {{"open"_L1, u"/unmasked"_s}}, 8);
    eight.run({{"unmasked_text"_L1, u"no mask"_s}});
    QVERIFY(server.expect(eventIs(u"closed"_s, 8)));
    QVERIFY(eight.expect(u"close"_s));
    QVERIFY(eight.expect(u"eof"_s));

    // The table and the log as the scenario left them.
    QVERIFY(server.command({{"id"_L1, 13}, {"cmd"_L1, u"list"_s}}));
    QVERIFY(server.command(
        {{"id"_L1, 14}, {"cmd"_L1, u"export"_s}, {"path"_L1, dir.filePath(u"golden.jsonl"_s)}}));
    QVERIFY(server.command({{"id"_L1, 15},
                            {"cmd"_L1, u"export"_s},
                            {"path"_L1, dir.filePath(u"golden.har"_s)},
                            {"filter"_L1, u"conn:3"_s}}));
    QVERIFY(server.command({{"id"_L1, u"end"_s}, {"cmd"_L1, u"quit"_s}}));
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitCode(), 0);
    QVERIFY2(server.badLines().isEmpty(), server.badLines().value(0).constData());

    QByteArray actual;
    for (const QByteArray &line : server.rawLines())
        actual += normalised(line, dir.path()) + '\n';
    // The HAR export of Close Output's connection, as a second golden file.
    QFile har(dir.filePath(u"golden.har"_s));
    QVERIFY(har.open(QIODevice::ReadOnly));
    const QByteArray harActual = normalised(har.readAll(), dir.path());

    const QString goldenPath = QStringLiteral(GOLDEN_DIR) + u"/scenario.jsonl"_s;
    const QString harPath = QStringLiteral(GOLDEN_DIR) + u"/scenario-conn3.har"_s;
    if (qEnvironmentVariableIsSet("CLOSECALL_UPDATE_GOLDEN")) {
        for (const auto &[path, bytes] : {std::pair{goldenPath, actual}, {harPath, harActual}}) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(bytes);
        }
        QSKIP("golden files written; review their diff");
    }
    for (const auto &[path, bytes] : {std::pair{goldenPath, actual}, {harPath, harActual}}) {
        QFile golden(path);
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(path));
        const QList<QByteArray> expected = golden.readAll().split('\n');
        const QList<QByteArray> got = bytes.split('\n');
        for (qsizetype i = 0; i < std::min(expected.size(), got.size()); ++i) {
            if (expected[i] != got[i])
                QFAIL(qPrintable(
                    u"%1 line %2 differs\nexpected: %3\nactual:   %4"_s.arg(path).arg(i + 1).arg(
                        QString::fromUtf8(expected[i]), QString::fromUtf8(got[i]))));
        }
        QCOMPARE(got.size(), expected.size());
    }
}

QTEST_GUILESS_MAIN(tst_golden)
#include "tst_golden.moc"
