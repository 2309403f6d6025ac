// `closecall peer` (docs/headless.md "closecall peer") from outside: the
// built binary as a subprocess against `closecall --headless` (both ends
// ours, each its own process) and against an independent server, Debian's
// python3-websockets (tests/peer/closingserver.py). Real loopback sockets.
#include "peerprocess.h"
#include "serverandpeer.h"
#include "testcertificate.h"

#include <QtCore/QTemporaryDir>

#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>

using namespace closecall::test;
using namespace Qt::StringLiterals;

class tst_peer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void serverClosesEveryConnection();
    void peerClosesFirstFromStdin();
    void independentServerCloseCodeAndReason();
    void wssWithInsecure();
    void noMessageEventsStillCounts();
    void bothSidesAgreeOnLateMessages();
    void signalClosesWith1001_data();
    void signalClosesWith1001();
    void timeoutClosesAndExits1();
    void badOption_data();
    void badOption();
    void refusedPort();

private:
    std::unique_ptr<Server> startServer();
};

void tst_peer::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(CLOSECALL_BIN)).isExecutable(), CLOSECALL_BIN);
    QProcess probe;
    probe.start(Python, {u"-c"_s, u"import websockets"_s});
    QVERIFY2(probe.waitForFinished(10000) && probe.exitCode() == 0,
             "the independent server needs Debian's python3-websockets for /usr/bin/python3");
}

std::unique_ptr<Server> tst_peer::startServer()
{
    auto server = std::make_unique<Server>();
    if (!server->start({}))
        return {};
    return server;
}

void tst_peer::serverClosesEveryConnection()
{
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server);
    PeerProcess peer;
    peer.start({server->url(u"/p"_s), u"--count"_s, u"2"_s});
    QVERIFY2(peer.waitForOpens(2), qPrintable(peer.stderrLines()));

    const QJsonObject result = server->command({{"cmd"_L1, u"close"_s},
                                                {"conn"_L1, u"all"_s},
                                                {"code"_L1, 4001},
                                                {"reason"_L1, u"bye now"_s}});
    QCOMPARE(result.value("ok"_L1).toBool(), true);

    QVERIFY2(peer.exitedWith(0), qPrintable(peer.stderrLines()));
    QVERIFY(peer.badLines().isEmpty());
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 2);
    for (const QJsonObject &summary : summaries) {
        QCOMPARE(summary.value("url"_L1), server->url(u"/p"_s));
        QCOMPARE(summary.value("opened"_L1), true);
        QCOMPARE(summary.value("close_received"_L1), true);
        QCOMPARE(summary.value("close_code"_L1), 4001);
        QCOMPARE(summary.value("close_reason"_L1), u"bye now"_s);
        // A plain peer answers with the code it got.
        QCOMPARE(summary.value("sent_code"_L1), 4001);
        QCOMPARE(summary.value("initiated_by"_L1), u"server"_s);
        QCOMPARE(summary.value("how"_L1), u"handshake"_s);
        QVERIFY(summary.value("close_handshake_ms"_L1).isDouble());
        QCOMPARE(summary.value("sent_after_close"_L1), 0);
    }
    // The summaries come last, after every event.
    QCOMPARE(peer.lines().constLast().value("event"_L1), u"peer_summary"_s);
    // The server saw both answers.
    QVERIFY(server->waitFor([](const QJsonObject &o) {
        return o.value("event"_L1).toString() == u"closed" &&
               o.value("how"_L1).toString() == u"handshake";
    }));
}

void tst_peer::peerClosesFirstFromStdin()
{
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server);
    PeerProcess peer;
    peer.start({server->url(u"/first"_s)});
    QVERIFY(peer.waitForOpens(1));
    const int serverConn = server->connFor(u"/first"_s);
    QVERIFY(serverConn > 0);

    // Stdin commands as in the headless mode, on the peer's own connections.
    peer.writeJson({{"id"_L1, u"s"_s},
                    {"cmd"_L1, u"send"_s},
                    {"conn"_L1, u"all"_s},
                    {"text"_L1, u"before the close"_s}});
    QVERIFY(peer.waitFor(resultFor(u"s"_s)).value_or(QJsonObject{}).value("ok"_L1).toBool());
    peer.writeJson({{"cmd"_L1, u"close"_s},
                    {"conn"_L1, u"all"_s},
                    {"code"_L1, 4002},
                    {"reason"_L1, u"client done"_s}});

    const auto received = server->waitFor(eventIs(u"close_received"_s, serverConn));
    QVERIFY(received);
    QCOMPARE(received->value("code"_L1), 4002);
    QCOMPARE(received->value("reason"_L1), u"client done"_s);
    QVERIFY(server->waitFor([serverConn](const QJsonObject &o) {
        return o.value("event"_L1).toString() == u"message_in" &&
               o.value("conn"_L1) == serverConn &&
               o.value("preview"_L1).toString() == u"before the close";
    }));

    QVERIFY2(peer.exitedWith(0), qPrintable(peer.stderrLines()));
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 1);
    const QJsonObject &summary = summaries.constFirst();
    QCOMPARE(summary.value("sent"_L1), 1);
    QCOMPARE(summary.value("sent_code"_L1), 4002);
    QCOMPARE(summary.value("sent_reason"_L1), u"client done"_s);
    QCOMPARE(summary.value("initiated_by"_L1), u"client"_s);
    // The server answered with the code it got.
    QCOMPARE(summary.value("close_code"_L1), 4002);
    QVERIFY(summary.value("close_handshake_ms"_L1).isDouble());
}

void tst_peer::independentServerCloseCodeAndReason()
{
    JsonLinesProcess python;
    python.process().start(Python,
                           {QStringLiteral(CLOSINGSERVER_PY), u"4321"_s, u"python says bye"_s});
    const auto listening =
        python.waitFor([](const QJsonObject &o) { return o.contains("port"_L1); });
    QVERIFY2(listening, python.stderrText().constData());
    const QString url = u"ws://127.0.0.1:%1/indep"_s.arg(listening->value("port"_L1).toInt());

    PeerProcess peer;
    peer.start({url});
    QVERIFY2(peer.waitForOpens(1), qPrintable(peer.stderrLines()));
    // The server closes once it has a message from us.
    peer.writeJson({{"cmd"_L1, u"send"_s}, {"conn"_L1, u"all"_s}, {"text"_L1, u"hello"_s}});

    QVERIFY2(peer.exitedWith(0), qPrintable(peer.stderrLines()));
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 1);
    const QJsonObject &summary = summaries.constFirst();
    QCOMPARE(summary.value("close_code"_L1), 4321);
    QCOMPARE(summary.value("close_reason"_L1), u"python says bye: hello"_s);
    QCOMPARE(summary.value("sent"_L1), 1);
    QCOMPARE(summary.value("initiated_by"_L1), u"server"_s);
    // And the server got our answer.
    const auto closed =
        python.waitFor([](const QJsonObject &o) { return o.contains("closed"_L1); });
    QVERIFY(closed);
    QCOMPARE(closed->value("got"_L1), u"hello"_s);
    QCOMPARE(closed->value("client_code"_L1), 4321);
}

void tst_peer::noMessageEventsStillCounts()
{
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server);
    PeerProcess peer;
    peer.start({server->url(u"/quiet"_s), u"--no-message-events"_s});
    QVERIFY(peer.waitForOpens(1));
    const int conn = server->connFor(u"/quiet"_s);
    for (const char *id : {"a", "b"}) {
        peer.writeJson({{"id"_L1, QLatin1StringView(id)},
                        {"cmd"_L1, u"send"_s},
                        {"conn"_L1, u"all"_s},
                        {"text"_L1, u"counted"_s}});
        QVERIFY(peer.waitFor(resultFor(QLatin1StringView(id))));
    }
    QVERIFY(waitUntil([&] {
        return std::count_if(server->lines().cbegin(), server->lines().cend(),
                             eventIs(u"message_in"_s, conn)) == 2;
    }));
    server->command({{"cmd"_L1, u"close"_s}, {"conn"_L1, conn}});
    QVERIFY2(peer.exitedWith(0), qPrintable(peer.stderrLines()));
    QVERIFY(!peer.waitFor(eventIs(u"message_out"_s), 0));
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 1);
    // From the engine's own row, since no message event was made.
    QCOMPARE(summaries.constFirst().value("sent"_L1).toInt(), 2);
    QVERIFY(summaries.constFirst().value("sent_after_close"_L1).isNull());
    QCOMPARE(summaries.constFirst().value("close_code"_L1).toInt(), 1000);
}

void tst_peer::bothSidesAgreeOnLateMessages()
{
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server);
    PeerProcess peer;
    // "send 3 then answer": the server logs 3 post-close receives, the peer
    // reports 3 sent after the server's Close.
    peer.start({server->url(u"/late"_s), u"--behaviour"_s, u"on-close=send; sends=3"_s});
    const auto connected = peer.waitFor(resultFor(u"peer"_s), 10000);
    QVERIFY(connected);
    QVERIFY2(connected->value("ok"_L1).toBool(),
             qPrintable(connected->value("error"_L1).toString()));
    const int conn = server->connFor(u"/late"_s);
    QVERIFY(conn > 0);
    const QJsonObject result =
        server->command({{"cmd"_L1, u"close_output"_s}, {"conn"_L1, conn}, {"code"_L1, 4003}});
    QVERIFY(result.value("ok"_L1).toBool());
    const auto closed = server->waitFor(eventIs(u"closed"_s, conn), 20000);
    QVERIFY(closed);
    const qsizetype delivered = std::count_if(
        server->lines().cbegin(), server->lines().cend(), [conn](const QJsonObject &o) {
            return o.value("event"_L1).toString() == u"message_in" &&
                   o.value("conn"_L1).toInt() == conn &&
                   o.value("post_close"_L1).toString() == u"delivered";
        });
    QCOMPARE(delivered, 3);

    QVERIFY2(peer.exitedWith(0), qPrintable(peer.stderrLines()));
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.constFirst().value("sent_after_close"_L1).toInt(), 3);
    QCOMPARE(summaries.constFirst().value("close_code"_L1).toInt(), 4003);
}

void tst_peer::wssWithInsecure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestCertificate certificate = TestCertificate::make(dir.path());
    if (certificate.noOpenssl)
        QSKIP("the openssl CLI is not installed");
    QVERIFY2(certificate.error.isEmpty(), qPrintable(certificate.error));
    Server server;
    QVERIFY(
        server.start({u"--tls-cert"_s, certificate.certFile, u"--tls-key"_s, certificate.keyFile}));
    const QString url = u"wss://127.0.0.1:%1/tls"_s.arg(server.port());

    // Self-signed: refused unless --insecure, a handshake failure (exit 1).
    PeerProcess checked;
    checked.start({url});
    QVERIFY(checked.exitedWith(1));
    QCOMPARE(checked.summaries().size(), 1);
    QCOMPARE(checked.summaries().constFirst().value("opened"_L1), false);

    PeerProcess peer;
    peer.start({url, u"--insecure"_s});
    QVERIFY2(peer.waitForOpens(1), qPrintable(peer.stderrLines()));
    const int conn = server.connFor(u"/tls"_s);
    server.command({{"cmd"_L1, u"close"_s},
                    {"conn"_L1, conn},
                    {"code"_L1, 4005},
                    {"reason"_L1, u"over TLS"_s}});
    QVERIFY2(peer.exitedWith(0), qPrintable(peer.stderrLines()));
    QCOMPARE(peer.summaries().constFirst().value("close_code"_L1).toInt(), 4005);
    QCOMPARE(peer.summaries().constFirst().value("close_reason"_L1).toString(), u"over TLS"_s);
}

void tst_peer::signalClosesWith1001_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
}

void tst_peer::signalClosesWith1001()
{
    QFETCH(int, signalNumber);
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server);
    PeerProcess peer;
    peer.start({server->url(u"/sig"_s)});
    QVERIFY(peer.waitForOpens(1));
    const int serverConn = server->connFor(u"/sig"_s);
    peer.signal(signalNumber);

    const auto received = server->waitFor(eventIs(u"close_received"_s, serverConn));
    QVERIFY(received);
    QCOMPARE(received->value("code"_L1), 1001);
    QVERIFY2(peer.exitedWith(0), qPrintable(peer.stderrLines()));
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.constFirst().value("sent_code"_L1), 1001);
    QCOMPARE(summaries.constFirst().value("how"_L1), u"handshake"_s);
}

void tst_peer::timeoutClosesAndExits1()
{
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server);
    PeerProcess peer;
    // The server never closes: the peer gives up.
    peer.start({server->url(u"/slow"_s), u"--timeout"_s, u"1500"_s});
    QVERIFY(peer.exitedWith(1));
    const QString err = peer.stderrLines();
    QVERIFY2(err.contains(u"--timeout"_s), qPrintable(err));
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 1);
    // Opened in time (almost always): it was closed with 1001, and ended.
    if (summaries.constFirst().value("opened"_L1).toBool()) {
        QCOMPARE(summaries.constFirst().value("sent_code"_L1), 1001);
        QVERIFY(!summaries.constFirst().value("how"_L1).isNull());
    }
}

void tst_peer::badOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("names");
    QTest::newRow("no url") << QStringList{} << u"URL"_s;
    QTest::newRow("two urls") << QStringList{u"ws://127.0.0.1:1/"_s, u"ws://127.0.0.1:2/"_s}
                              << u"ws://127.0.0.1:2/"_s;
    QTest::newRow("not ws") << QStringList{u"http://127.0.0.1:1/"_s} << u"ws://"_s;
    QTest::newRow("unknown option")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--cuont"_s, u"2"_s} << u"--cuont"_s;
    QTest::newRow("count 0") << QStringList{u"ws://127.0.0.1:1/"_s, u"--count"_s, u"0"_s}
                             << u"--count"_s;
    QTest::newRow("count too big")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--count"_s, u"1001"_s} << u"--count"_s;
    QTest::newRow("count twice") << QStringList{u"ws://127.0.0.1:1/"_s, u"--count"_s, u"1"_s,
                                                u"--count"_s, u"2"_s}
                                 << u"--count"_s;
    QTest::newRow("header without colon")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--header"_s, u"Cookie"_s} << u"--header"_s;
    QTest::newRow("handshake's own header")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--header"_s, u"Sec-WebSocket-Key: x"_s}
        << u"--header"_s;
    QTest::newRow("bad subprotocol")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--subprotocol"_s, u"a b"_s} << u"--subprotocol"_s;
    QTest::newRow("insecure on ws")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--insecure"_s} << u"--insecure"_s;
    QTest::newRow("timeout not a number")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--timeout"_s, u"soon"_s} << u"--timeout"_s;
    // Refused by the engine's behaviour parser (an unknown traffic kind), or
    // by an engine without behaviours: a bad invocation either way.
    QTest::newRow("bad behaviour")
        << QStringList{u"ws://127.0.0.1:1/"_s, u"--behaviour"_s, u"traffic=loud"_s} << u"peer: "_s;
}

void tst_peer::badOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, names);
    QProcess process;
    process.start(QStringLiteral(CLOSECALL_BIN), QStringList{u"peer"_s} + args);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(err.startsWith("closecall: peer: "), err.constData());
    QVERIFY2(err.contains(names.toUtf8()), err.constData());
    // Option errors print nothing on stdout; a refused request (the
    // behaviour) prints its `result` there, and no connection.
    const QByteArray out = process.readAllStandardOutput();
    QVERIFY2(!out.contains("\"event\":\"open\"") && !out.contains("peer_summary"), out.constData());
}

void tst_peer::refusedPort()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port nobody listens on once it is closed
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    PeerProcess peer;
    peer.start({u"ws://127.0.0.1:%1/"_s.arg(port)});
    QVERIFY(peer.exitedWith(1));
    const QString err = peer.stderrLines();
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.contains(u"connection 1"_s) && err.contains(QString::number(port)),
             qPrintable(err));
    QVERIFY(peer.waitFor(eventIs(u"handshake_failed"_s, 1)));
    const QList<QJsonObject> summaries = peer.summaries();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.constFirst().value("opened"_L1), false);
    QCOMPARE(summaries.constFirst().value("how"_L1), u"handshake_failed"_s);
    QVERIFY(!summaries.constFirst().value("error"_L1).toString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_peer)
#include "tst_peer.moc"
