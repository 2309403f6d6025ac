// The engine in the client role against independent servers the test
// starts: Debian's python3-websockets and Node's ws (node-ws), both from
// tests/interop/servers/ (README.md there). Each server prints what it saw
// (the Close it got, who closed TCP first), so both sides are asserted.
//
// Late messages without timing: a server asked for `late=3` spots our Close
// in the bytes as they arrive and sends three messages before its library
// reads them, so they are on the wire after our Close and before the answer
// every time (docs/close-semantics.md: post-close delivered / discarded).

#include "engineharness.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtTest/QtTest>

#include <optional>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::PostClose;
using protocol::State;

namespace {

// One server process; its stdout is JSON Lines: `listening` first, then a
// `closed` report per connection as it ends.
class IndependentServer
{
public:
    explicit IndependentServer(const QString &name)
        : m_name(name)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Debian installs node-ws under /usr/share/nodejs; a Node from
        // elsewhere on PATH does not search there by itself.
        env.insert(u"NODE_PATH"_s, u"/usr/share/nodejs"_s);
        m_process.setProcessEnvironment(env);
        if (name == u"node-ws")
            m_process.start(u"node"_s, {QStringLiteral(INTEROP_SERVERS "/node_server.js")});
        else
            m_process.start(u"/usr/bin/python3"_s,
                            {QStringLiteral(INTEROP_SERVERS "/python_server.py")});
    }
    ~IndependentServer()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }

    // The port it listens on, 0 when it did not start (stderr says why).
    quint16 waitListening()
    {
        const auto line = waitFor(
            [](const QJsonObject &o) { return o.value(u"event"_s).toString() == u"listening"; });
        return line ? quint16(line->value(u"port"_s).toInt()) : 0;
    }
    // The report for the connection whose path starts with `path`.
    std::optional<QJsonObject> report(const QString &path)
    {
        return waitFor([&](const QJsonObject &o) {
            return o.value(u"event"_s).toString() == u"closed" &&
                   o.value(u"path"_s).toString().startsWith(path);
        });
    }
    QString stderrText() { return m_name + u": "_s + QString::fromLocal8Bit(m_stderr); }

private:
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match)
    {
        std::optional<QJsonObject> found;
        (void)QTest::qWaitFor(
            [&] {
                while (m_process.canReadLine())
                    m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
                m_stderr += m_process.readAllStandardError();
                for (const QJsonObject &o : std::as_const(m_lines)) {
                    if (match(o)) {
                        found = o;
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning;
            },
            30000);
        return found;
    }

    QString m_name;
    QProcess m_process;
    QList<QJsonObject> m_lines;
    QByteArray m_stderr;
};

// Opens one outgoing connection and waits for it to be open; 0 on failure.
quint32 connectOne(EngineHarness &h, const QString &url)
{
    h.command([url](Engine *e) { e->connectTo(url, 1, {}, {}, "\"c\""); });
    const auto result = h.result("\"c\"");
    if (!result.ok)
        return 0;
    const QJsonArray ids =
        QJsonDocument::fromJson(result.data).object().value(u"connections"_s).toArray();
    const quint32 id = quint32(ids.at(0).toInteger());
    return h.waitFor(EventType::Open, id, 30000) ? id : 0;
}

} // namespace

class tst_OutgoingIndependent : public QObject
{
    Q_OBJECT

private slots:
    void serverCloses_data();
    void serverCloses();
    void lateMessagesAfterOurClose_data();
    void lateMessagesAfterOurClose();
    void serverKeepsTcpOpen();
    void ourAbortResetsTcp_data();
    void ourAbortResetsTcp();
};

void tst_OutgoingIndependent::serverCloses_data()
{
    QTest::addColumn<QString>("server");
    QTest::newRow("python-websockets") << u"python-websockets"_s;
    QTest::newRow("node-ws") << u"node-ws"_s;
}

void tst_OutgoingIndependent::serverCloses()
{
    // The server sends a message, then closes with its own code and
    // reason: the out row reports both, the peer started the close, and we
    // answered with its code (RFC 6455 §5.5.1); the server got that answer.
    QFETCH(QString, server);
    IndependentServer peer(server);
    const quint16 port = peer.waitListening();
    QVERIFY2(port != 0, qPrintable(peer.stderrText()));
    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    const quint32 out = connectOne(
        h, u"ws://127.0.0.1:%1/closes?close=4001&reason=server%20says%20bye"_s.arg(port));
    QVERIFY(out != 0);
    QVERIFY(h.waitFor(EventType::Closed, out, 30000));

    const auto message = h.first<events::MessageIn>(out);
    QCOMPARE(message.preview, QByteArray("hello from ") + server.section(u'-', 0, 0).toLatin1());
    QCOMPARE(message.postClose, PostClose::None);
    const auto received = h.first<events::CloseReceived>(out);
    QCOMPARE(received.code, protocol::CloseCode(4001));
    QCOMPARE(received.reason, u"server says bye"_s);
    const auto closed = h.first<events::Closed>(out);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, HowEnded::Handshake);
    QCOMPARE(closed.initiatedBy, Initiator::Server);
    QCOMPARE(closed.code, protocol::CloseCode(4001));
    QCOMPARE(closed.reason, u"server says bye"_s);
    QVERIFY(closed.closeSent);
    QCOMPARE(closed.sentCode, protocol::CloseCode(4001)); // the echo
    QCOMPARE(closed.closeHandshakeUs, qint64(-1));        // the peer's Close went first

    const auto report = peer.report(u"/closes"_s);
    QVERIFY2(report, qPrintable(peer.stderrText()));
    const QJsonObject close = report->value(u"close"_s).toObject();
    QCOMPARE(close.value(u"code"_s).toInt(), 4001); // our answer, as the server read it
    QVERIFY(close.value(u"was_clean"_s).toBool());
    // RFC 6455 §7.1.1: the server closes TCP first, and the client (we)
    // waited for it.
    QCOMPARE(report->value(u"tcp_closed_first"_s).toString(), u"server"_s);
    QCOMPARE(closed.tcpClosedByClient, false);
}

void tst_OutgoingIndependent::lateMessagesAfterOurClose_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("late");
    for (const QString &server : {u"python-websockets"_s, u"node-ws"_s}) {
        QTest::addRow("%s close_output: delivered", qPrintable(server))
            << server << CloseMode::CloseOutput << PostClose::Delivered;
        QTest::addRow("%s close: discarded", qPrintable(server))
            << server << CloseMode::Close << PostClose::Discarded;
    }
}

void tst_OutgoingIndependent::lateMessagesAfterOurClose()
{
    // Our Close (4100 "client bye"); the server sends three messages after
    // it arrived and before it answers. Close Output delivers them, Close
    // discards them, both count them as post-close [R3]; the server sees
    // our code and reason and answers with them (§5.5.1).
    QFETCH(QString, server);
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, late);
    IndependentServer peer(server);
    const quint16 port = peer.waitListening();
    QVERIFY2(port != 0, qPrintable(peer.stderrText()));
    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    const quint32 out = connectOne(h, u"ws://127.0.0.1:%1/late?late=3"_s.arg(port));
    QVERIFY(out != 0);
    // Its greeting arrives before our Close: not post-close.
    QVERIFY(h.waitFor(EventType::MessageIn, out, 30000));
    QCOMPARE(h.first<events::MessageIn>(out).postClose, PostClose::None);

    h.command([out, mode](Engine *e) {
        e->closeConnections(EngineHarness::one(out), 4100, u"client bye"_s, mode, -1, "\"close\"");
    });
    QVERIFY(h.result("\"close\"").ok);
    QVERIFY(h.waitFor(EventType::Closed, out, 30000));

    const auto messages = h.all<events::MessageIn>(out);
    QCOMPARE(messages.size(), 4);
    for (int i = 1; i <= 3; ++i) {
        QCOMPARE(messages[i].preview, u"late %1"_s.arg(i).toLatin1());
        QCOMPARE(messages[i].postClose, late);
        QCOMPARE(messages[i].state, State::CloseSent);
        QVERIFY(!messages[i].crossed); // sent after the server had our Close
    }
    const auto sent = h.first<events::CloseSent>(out);
    QCOMPARE(sent.mode, mode);
    const auto received = h.first<events::CloseReceived>(out);
    QCOMPARE(received.code, protocol::CloseCode(4100));
    const auto closed = h.first<events::Closed>(out);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, HowEnded::Handshake);
    QCOMPARE(closed.initiatedBy, Initiator::Client);
    QVERIFY(closed.closeHandshakeUs >= 0);

    const auto report = peer.report(u"/late"_s);
    QVERIFY2(report, qPrintable(peer.stderrText()));
    QCOMPARE(report->value(u"late_sent"_s).toInt(), 3);
    const QJsonObject close = report->value(u"close"_s).toObject();
    QCOMPARE(close.value(u"code"_s).toInt(), 4100);
    QCOMPARE(close.value(u"reason"_s).toString(), u"client bye"_s);
    QVERIFY(close.value(u"was_clean"_s).toBool());
    // RFC 6455 §7.1.1: the server closes TCP first; the client waits for
    // its FIN. Both sides say so.
    QCOMPARE(report->value(u"tcp_closed_first"_s).toString(), u"server"_s);
    QCOMPARE(closed.tcpClosedByClient, false);
}

void tst_OutgoingIndependent::serverKeepsTcpOpen()
{
    // A server that answers our Close but never closes TCP (it waits for
    // the client instead, against RFC 6455 §7.1.1): the client role waits
    // for the server's FIN, then closes TCP itself, and its row must say
    // so: tcp_closed_by "client" (docs/headless.md "Outgoing connections").
    IndependentServer peer(u"python-websockets"_s);
    const quint16 port = peer.waitListening();
    QVERIFY2(port != 0, qPrintable(peer.stderrText()));
    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    const quint32 out = connectOne(h, u"ws://127.0.0.1:%1/holds?hold_fin=1"_s.arg(port));
    QVERIFY(out != 0);
    h.command([out](Engine *e) {
        e->closeConnections(EngineHarness::one(out), 1000, u"done"_s, CloseMode::Close, -1,
                            "\"close\"");
    });
    QVERIFY(h.result("\"close\"").ok);
    QVERIFY(h.waitFor(EventType::Closed, out, 30000));
    const auto closed = h.first<events::Closed>(out);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, HowEnded::Handshake);

    // The server saw our FIN first: we closed TCP.
    const auto report = peer.report(u"/holds"_s);
    QVERIFY2(report, qPrintable(peer.stderrText()));
    QCOMPARE(report->value(u"close"_s).toObject().value(u"code"_s).toInt(), 1000);
    QCOMPARE(report->value(u"tcp_closed_first"_s).toString(), u"client"_s);
    QCOMPARE(closed.tcpClosedByClient, true);
}

void tst_OutgoingIndependent::ourAbortResetsTcp_data()
{
    serverCloses_data();
}

void tst_OutgoingIndependent::ourAbortResetsTcp()
{
    // Abort on an out row [R8]: a TCP reset, no Close. The server sees
    // 1006 and the client's reset; the row must say the client (we) ended
    // TCP.
    QFETCH(QString, server);
    IndependentServer peer(server);
    const quint16 port = peer.waitListening();
    QVERIFY2(port != 0, qPrintable(peer.stderrText()));
    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    const quint32 out = connectOne(h, u"ws://127.0.0.1:%1/aborted"_s.arg(port));
    QVERIFY(out != 0);
    QVERIFY(h.waitFor(EventType::MessageIn, out, 30000)); // it is open on both sides
    h.command([out](Engine *e) { e->abortConnections(EngineHarness::one(out), "\"a\""); });
    QVERIFY(h.result("\"a\"").ok);
    const auto closed = h.first<events::Closed>(out);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::Abort);
    QCOMPARE(closed.code, protocol::CloseCode(1006));

    const auto report = peer.report(u"/aborted"_s);
    QVERIFY2(report, qPrintable(peer.stderrText()));
    QCOMPARE(report->value(u"close"_s).toObject().value(u"code"_s).toInt(), 1006);
    QVERIFY(!report->value(u"close"_s).toObject().value(u"was_clean"_s).toBool());
    QCOMPARE(report->value(u"tcp_closed_first"_s).toString(), u"client (reset)"_s);
    QCOMPARE(closed.tcpClosedByClient, true);
}

QTEST_GUILESS_MAIN(tst_OutgoingIndependent)
#include "tst_outgoingindependent.moc"
