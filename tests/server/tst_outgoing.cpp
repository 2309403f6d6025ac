// Outgoing connections (the engine in the client role) over loopback: to
// the engine's own listener (both rows in one table, in and out), to an
// independent server (python3-websockets), and to servers that answer
// wrong (404, a wrong accept, silence), a refused port and a bad URL.

#include "engineharness.h"

#include <QtCore/QProcess>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::MessageType;
using protocol::PostClose;
using protocol::State;

namespace {

QList<quint32> connectionIds(const Found<events::Result> &result)
{
    QList<quint32> ids;
    const QJsonArray array =
        QJsonDocument::fromJson(result.data).object().value(u"connections"_s).toArray();
    for (const QJsonValue &v : array)
        ids.append(quint32(v.toInteger()));
    return ids;
}

// A server on loopback that answers every request with `answer` (and then
// keeps the connection open, or closes it when `closeAfter`).
class FixedAnswerServer : public QTcpServer
{
public:
    FixedAnswerServer(QByteArray answer, bool closeAfter)
        : m_answer(std::move(answer))
        , m_closeAfter(closeAfter)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    request += s->readAll();
                    if (!request.contains("\r\n\r\n") || m_answer.isEmpty())
                        return;
                    s->write(m_answer);
                    if (m_closeAfter)
                        s->disconnectFromHost();
                });
            }
        });
    }
    QByteArray request;

private:
    QByteArray m_answer;
    bool m_closeAfter;
};

} // namespace

class tst_Outgoing : public QObject
{
    Q_OBJECT

private slots:
    void toOwnListener();
    void closeOutputFromTheClientSide();
    void independentServerCloses();
    void badUrlAndOptions_data();
    void badUrlAndOptions();
    void refusedPort();
    void notASwitch_data();
    void notASwitch();
    void silentServerTimesOut();
};

void tst_Outgoing::toOwnListener()
{
    ServerConfig config = testConfig();
    config.subprotocols = {u"chat"_s};
    EngineHarness h(config);
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    const QString url = u"ws://127.0.0.1:%1/chat?room=1"_s.arg(port);
    h.command([url](Engine *e) {
        e->connectTo(url, 2, {u"chat"_s}, {u"Authorization: Bearer t0k"_s}, "\"c1\"");
    });
    const auto result = h.result("\"c1\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const QList<quint32> out = connectionIds(result);
    QCOMPARE(out.size(), 2);

    // Four rows: two out, two in, each opened.
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::Open).size() == 4; }, 10000));
    int ins = 0;
    for (const auto &open : h.all<events::Open>()) {
        if (open.outgoing) {
            QVERIFY(out.contains(open.conn));
            QCOMPARE(open.url, url);
            QCOMPARE(open.path, u"/chat"_s);
            QCOMPARE(open.query, u"room=1"_s);
            QCOMPARE(open.subprotocol, u"chat"_s); // what the server's 101 chose
            QCOMPARE(open.remote, u"127.0.0.1:%1"_s.arg(port));
        } else {
            ++ins;
            QVERIFY(!out.contains(open.conn));
            QCOMPARE(open.path, u"/chat"_s);
            QCOMPARE(open.subprotocol, u"chat"_s);
            bool auth = false;
            for (const auto &[name, value] : open.headers)
                auth = auth || (name == "Authorization" && value == "Bearer t0k");
            QVERIFY(auth);
        }
    }
    QCOMPARE(ins, 2);

    // Every action works on an out row: Send (masked: the in side's parser
    // requires it), Ping.
    h.command([id = out[0]](Engine *e) {
        e->sendMessage(EngineHarness::one(id), MessageType::Text, "from out", "\"s\"");
        e->ping(EngineHarness::one(id), "p", "\"p\"");
    });
    QVERIFY(h.result("\"s\"").ok);
    QVERIFY(h.result("\"p\"").ok);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return h.find(EventType::MessageIn, [&](const Event &e) {
                return !out.contains(e.conn) &&
                       e.as<events::MessageIn>().preview == QByteArray("from out");
            }) >= 0;
        },
        10000));
    QVERIFY(h.waitFor(EventType::PongIn, out[0], 10000));

    // `list` shows the roles.
    h.command([](Engine *e) { e->list("\"l\""); });
    const auto listed = h.result("\"l\"");
    QVERIFY(listed.ok);
    const QJsonArray rows = QJsonDocument::fromJson(listed.data).array();
    QCOMPARE(rows.size(), 4);
    int outRows = 0;
    for (const QJsonValue &row : rows) {
        const QJsonObject o = row.toObject();
        if (o.value(u"role"_s).toString() == u"out") {
            ++outRows;
            QCOMPARE(o.value(u"url"_s).toString(), url);
        } else {
            QCOMPARE(o.value(u"role"_s).toString(), u"in"_s);
            QVERIFY(!o.contains(u"url"_s));
        }
    }
    QCOMPARE(outRows, 2);

    // Abort on an out row: the in side sees the reset [R8][R9].
    h.command([id = out[1]](Engine *e) { e->abortConnections(EngineHarness::one(id), "\"a\""); });
    QVERIFY(h.result("\"a\"").ok);
    QCOMPARE(h.first<events::Closed>(out[1]).how, HowEnded::Abort);
}

void tst_Outgoing::closeOutputFromTheClientSide()
{
    // The client role's Close Output: the server (our own, answering its
    // Close by hand) still sends; the out row delivers those messages, then
    // the server's Close ends it, and the server closes TCP first (RFC 6455
    // §7.1.1) — the client waited for it.
    ServerConfig config = testConfig();
    config.manualAck = true;
    EngineHarness h(config);
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    h.command(
        [port](Engine *e) { e->connectTo(u"ws://127.0.0.1:%1/"_s.arg(port), 1, {}, {}, "\"c\""); });
    const auto result = h.result("\"c\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const quint32 out = connectionIds(result).value(0);
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::Open).size() == 2; }, 10000));
    quint32 in = 0;
    for (const auto &open : h.all<events::Open>())
        if (!open.outgoing)
            in = open.conn;
    QVERIFY(in != 0 && out != 0);

    h.command([out](Engine *e) {
        e->closeConnections(EngineHarness::one(out), 4000, u"client leaving"_s,
                            CloseMode::CloseOutput, 0, "\"co\"");
    });
    QVERIFY(h.result("\"co\"").ok);
    // The in side got our Close and waits (manual acknowledge) …
    const auto received = h.first<events::CloseReceived>(in);
    QCOMPARE(received.code, protocol::CloseCode(4000));
    QCOMPARE(received.reason, u"client leaving"_s);
    // … sends two more messages, then answers.
    h.command([in](Engine *e) {
        e->sendMessage(EngineHarness::one(in), MessageType::Text, "late 1", "\"l1\"");
        e->sendMessage(EngineHarness::one(in), MessageType::Text, "late 2", "\"l2\"");
        e->closeConnections(EngineHarness::one(in), 1000, u"bye"_s, CloseMode::Close, -1,
                            "\"ack\"");
    });
    QVERIFY(h.result("\"ack\"").ok);

    const auto closed = h.first<events::Closed>(out);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, HowEnded::Handshake);
    QCOMPARE(closed.initiatedBy, Initiator::Client);
    QCOMPARE(closed.code, protocol::CloseCode(1000));
    const auto late = h.all<events::MessageIn>(out);
    QCOMPARE(late.size(), 2);
    QCOMPARE(late[0].postClose, PostClose::Delivered);
    QCOMPARE(late[1].preview, QByteArray("late 2"));
    QCOMPARE(late[1].postClose, PostClose::Delivered);
    // The server closed TCP first: the in row says it closed it, and the
    // out row, which waited for the server's FIN, says the same.
    QCOMPARE(h.first<events::Closed>(in).tcpClosedByClient, false);
    QCOMPARE(closed.tcpClosedByClient, false);
}

void tst_Outgoing::independentServerCloses()
{
    // Debian's python3-websockets as the server: it sends a message, then
    // closes with its own code and reason; the out row reports both.
    QProcess server;
    server.setProgram(u"/usr/bin/python3"_s);
    server.setArguments({u"-c"_s, uR"(
import asyncio, websockets
async def handler(ws, path=None):
    await ws.send("hello from python")
    await ws.close(4001, "python says bye")
async def main():
    async with websockets.serve(handler, "127.0.0.1", 0) as s:
        print(s.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()
asyncio.run(main())
)"_s});
    server.start();
    QVERIFY(server.waitForStarted(10000));
    QVERIFY(QTest::qWaitFor([&] { return server.canReadLine(); }, 20000));
    const quint16 port = quint16(server.readLine().trimmed().toUInt());
    QVERIFY(port != 0);

    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    h.command([port](Engine *e) {
        e->connectTo(u"ws://127.0.0.1:%1/x"_s.arg(port), 1, {}, {}, "\"c\"");
    });
    const auto result = h.result("\"c\"");
    QVERIFY2(result.ok, qPrintable(result.error));
    const quint32 out = connectionIds(result).value(0);
    QVERIFY(h.waitFor(EventType::Closed, out, 20000));
    const auto message = h.first<events::MessageIn>(out);
    QCOMPARE(message.preview, QByteArray("hello from python"));
    const auto received = h.first<events::CloseReceived>(out);
    QCOMPARE(received.code, protocol::CloseCode(4001));
    QCOMPARE(received.reason, u"python says bye"_s);
    const auto closed = h.first<events::Closed>(out);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.initiatedBy, Initiator::Server);
    QCOMPARE(closed.code, protocol::CloseCode(4001));
    server.kill();
    server.waitForFinished(10000);
}

void tst_Outgoing::badUrlAndOptions_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("http") << u"http://127.0.0.1:1/"_s << 1 << QStringList() << u"ws://"_s;
    QTest::newRow("no host") << u"ws:///x"_s << 1 << QStringList() << u"no host"_s;
    QTest::newRow("count 0") << u"ws://127.0.0.1:1/"_s << 0 << QStringList() << u"count"_s;
    QTest::newRow("header injection")
        << u"ws://127.0.0.1:1/"_s << 1 << QStringList{u"Cookie: a\r\nX: 1"_s} << u"Cookie"_s;
    QTest::newRow("handshake's own header")
        << u"ws://127.0.0.1:1/"_s << 1 << QStringList{u"Upgrade: h2c"_s} << u"Upgrade"_s;
    QTest::newRow("header without a colon")
        << u"ws://127.0.0.1:1/"_s << 1 << QStringList{u"Cookie"_s} << u"Name: value"_s;
}

void tst_Outgoing::badUrlAndOptions()
{
    QFETCH(QString, url);
    QFETCH(int, count);
    QFETCH(QStringList, headers);
    QFETCH(QString, errorContains);
    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    h.command([=](Engine *e) { e->connectTo(url, count, {}, headers, "\"c\""); });
    const auto result = h.result("\"c\"");
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(errorContains), qPrintable(result.error));
    // Nothing else happened.
    QCOMPARE(h.all(EventType::HandshakeFailed).size(), 0);
    QCOMPARE(h.all(EventType::Open).size(), 0);
}

void tst_Outgoing::refusedPort()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    h.command(
        [port](Engine *e) { e->connectTo(u"ws://127.0.0.1:%1/"_s.arg(port), 1, {}, {}, "\"c\""); });
    const auto result = h.result("\"c\"");
    QVERIFY(result.ok); // the attempt started; its failure is the connection's event
    const quint32 id = connectionIds(result).value(0);
    const auto failed = h.first<events::HandshakeFailed>(id);
    QVERIFY(failed.seq != 0);
    QVERIFY(failed.outgoing);
    QVERIFY2(failed.reason.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(failed.reason));
    QCOMPARE(failed.url, u"ws://127.0.0.1:%1/"_s.arg(port));
}

void tst_Outgoing::notASwitch_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("closeAfter");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("404 with its body")
        << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nno chat\r\n") << false
        << 404 << u"no chat"_s;
    QTest::newRow("200 until close")
        << QByteArray("HTTP/1.0 200 OK\r\n\r\nplain http") << true << 200 << u"plain http"_s;
    QTest::newRow("wrong accept")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA="
                      "\r\n\r\n")
        << false << 101 << u"Sec-WebSocket-Accept"_s;
}

void tst_Outgoing::notASwitch()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, closeAfter);
    QFETCH(int, status);
    QFETCH(QString, reasonContains);
    FixedAnswerServer server(answer, closeAfter);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    EngineHarness h;
    QVERIFY(h.waitListening() != 0);
    h.command([port = server.serverPort()](Engine *e) {
        e->connectTo(u"ws://127.0.0.1:%1/chat"_s.arg(port), 1, {}, {u"Origin: https://a.b"_s},
                     "\"c\"");
    });
    const auto result = h.result("\"c\"");
    QVERIFY(result.ok);
    const quint32 id = connectionIds(result).value(0);
    QVERIFY(QTest::qWaitFor([&] { return h.find(EventType::HandshakeFailed, id) >= 0; }, 10000));
    const auto failed = h.first<events::HandshakeFailed>(id);
    QCOMPARE(failed.httpStatus, status);
    QVERIFY(failed.outgoing);
    QVERIFY2(failed.reason.contains(reasonContains), qPrintable(failed.reason));
    QCOMPARE(h.all(EventType::Open).size(), 0);
    // What the server got was a proper upgrade request.
    QVERIFY(server.request.startsWith("GET /chat HTTP/1.1\r\n"));
    QVERIFY(server.request.contains("\r\nOrigin: https://a.b\r\n"));
    QVERIFY(server.request.contains("\r\nSec-WebSocket-Version: 13\r\n"));
}

void tst_Outgoing::silentServerTimesOut()
{
    // A server that accepts TCP and never answers: the upgrade's timeout.
    FixedAnswerServer server({}, false);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ServerConfig config = testConfig();
    config.handshakeTimeoutMs = 500;
    EngineHarness h(config);
    QVERIFY(h.waitListening() != 0);
    h.command([port = server.serverPort()](Engine *e) {
        e->connectTo(u"ws://127.0.0.1:%1/"_s.arg(port), 1, {}, {}, "\"c\"");
    });
    const auto result = h.result("\"c\"");
    QVERIFY(result.ok);
    const quint32 id = connectionIds(result).value(0);
    QVERIFY(QTest::qWaitFor([&] { return h.find(EventType::HandshakeFailed, id) >= 0; }, 20000));
    const auto failed = h.first<events::HandshakeFailed>(id);
    QVERIFY2(failed.reason.contains(u"no 101"_s), qPrintable(failed.reason));
    QCOMPARE(failed.httpStatus, 0);
}

QTEST_GUILESS_MAIN(tst_Outgoing)
#include "tst_outgoing.moc"
