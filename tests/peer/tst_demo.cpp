// `closecall --headless --demo` (docs/headless.md "Demo"): once listening,
// the server connects its built-in peers (control/demopeers.h) to itself.
// Each shows as two rows: the peer's (role out) and the server's (role in,
// path /demo/<name>); closing a server row with Close Output shows the
// peer's late messages delivered. Real loopback, the built binary.
#include "peerprocess.h"
#include "serverandpeer.h"

#include "control/demopeers.h"

#include <QtCore/QSet>
#include <QtTest/QtTest>

using namespace closecall::test;
using namespace Qt::StringLiterals;

class tst_demo : public QObject
{
    Q_OBJECT

private slots:
    void theList();
    void serverUrl_data();
    void serverUrl();
    void init();
    void cleanup();
    void peersAndTheirServerRows();
    void closeOutputShowsLateMessagesDelivered_data();
    void closeOutputShowsLateMessagesDelivered();

private:
    // Starts the demo and waits for every peer's connect result: the ids of
    // the peers' own (out) connections.
    bool startDemo();
    // The server's row (role in) of the demo peer `name`.
    int serverRowOf(const QString &name);

    std::unique_ptr<Server> m_server;
    QSet<int> m_outIds;
    int m_demoPeers = 0;
    QString m_refusal; // a connect result that was not ok: its error
};

void tst_demo::theList()
{
    // A handful, each its own name (path and result id) and behaviour.
    const QList<closecall::control::DemoPeer> peers = closecall::control::demoPeers();
    QVERIFY(peers.size() >= 5 && peers.size() <= 7);
    QSet<QString> names;
    QSet<QString> behaviours;
    for (const auto &peer : peers) {
        names.insert(peer.name);
        behaviours.insert(peer.behaviour);
        const auto request = closecall::control::demoRequest(peer, u"ws://127.0.0.1:9001"_s);
        QCOMPARE(request.url, u"ws://127.0.0.1:9001/demo/"_s + peer.name);
        QCOMPARE(request.behaviour, peer.behaviour);
    }
    QCOMPARE(names.size(), peers.size());
    QCOMPARE(behaviours.size(), peers.size());
}

void tst_demo::serverUrl_data()
{
    QTest::addColumn<QString>("listening");
    QTest::addColumn<QString>("peersUse");
    QTest::newRow("loopback") << u"ws://127.0.0.1:9001"_s << u"ws://127.0.0.1:9001"_s;
    QTest::newRow("any IPv4") << u"ws://0.0.0.0:9001"_s << u"ws://127.0.0.1:9001"_s;
    QTest::newRow("any IPv6") << u"ws://[::]:9001"_s << u"ws://[::1]:9001"_s;
    QTest::newRow("IPv6 loopback") << u"ws://[::1]:5"_s << u"ws://[::1]:5"_s;
    QTest::newRow("TLS, any") << u"wss://0.0.0.0:443"_s << u"wss://127.0.0.1:443"_s;
}

void tst_demo::serverUrl()
{
    QFETCH(QString, listening);
    QFETCH(QString, peersUse);
    QCOMPARE(closecall::control::demoServerUrl(listening), peersUse);
}

void tst_demo::init()
{
    m_server = std::make_unique<Server>();
    m_outIds.clear();
    m_demoPeers = 0;
    m_refusal.clear();
}

void tst_demo::cleanup()
{
    m_server.reset();
}

bool tst_demo::startDemo()
{
    if (!m_server->start({u"--demo"_s}))
        return false;
    const auto isDemoResult = [](const QJsonObject &o) {
        return o.value("event"_L1).toString() == u"result" &&
               o.value("id"_L1).toString().startsWith(u"demo-"_s);
    };
    // The demo opens at least 5 peers (docs/headless.md "Demo"); they are
    // all asked for at once, so their results come together.
    if (!m_server->waitFor(isDemoResult))
        return false;
    waitUntil([&] {
        return std::count_if(m_server->lines().cbegin(), m_server->lines().cend(), isDemoResult) >=
               5;
    });
    for (const QJsonObject &line : m_server->lines()) {
        if (!isDemoResult(line))
            continue;
        ++m_demoPeers;
        if (!line.value("ok"_L1).toBool()) {
            m_refusal = line.value("error"_L1).toString();
            continue;
        }
        for (const QJsonValue &id : line.value("data"_L1)["connections"_L1].toArray())
            m_outIds.insert(id.toInt());
    }
    return true;
}

int tst_demo::serverRowOf(const QString &name)
{
    const QSet<int> out = m_outIds;
    const auto open = m_server->waitFor(
        [&](const QJsonObject &o) {
            return o.value("event"_L1).toString() == u"open" &&
                   o.value("path"_L1).toString() == u"/demo/"_s + name &&
                   !out.contains(o.value("conn"_L1).toInt());
        },
        10000);
    return open ? open->value("conn"_L1).toInt() : -1;
}

void tst_demo::peersAndTheirServerRows()
{
    QVERIFY(startDemo());
    QVERIFY2(m_demoPeers >= 5 && m_demoPeers <= 7, qPrintable(QString::number(m_demoPeers)));
    QVERIFY2(m_refusal.isEmpty(), qPrintable(m_refusal));
    QCOMPARE(m_outIds.size(), m_demoPeers);

    // Every peer opens: its own row and the server's row for it.
    const auto opens = [this](bool out) {
        return std::count_if(m_server->lines().cbegin(), m_server->lines().cend(),
                             [&](const QJsonObject &o) {
                                 return o.value("event"_L1).toString() == u"open" &&
                                        m_outIds.contains(o.value("conn"_L1).toInt()) == out;
                             });
    };
    QVERIFY(waitUntil([&] { return opens(true) == m_demoPeers && opens(false) == m_demoPeers; },
                      10000));

    const QJsonObject list = m_server->command({{"cmd"_L1, u"list"_s}});
    QVERIFY(list.value("ok"_L1).toBool());
    int in = 0;
    int out = 0;
    for (const QJsonValue &row : list.value("data"_L1).toArray()) {
        const QString role = row["role"_L1].toString();
        if (role == u"out") {
            ++out;
            QVERIFY(m_outIds.contains(row["id"_L1].toInt()));
            QVERIFY(row["url"_L1].toString().contains(u"/demo/"_s));
        } else {
            ++in;
            QVERIFY(row["path"_L1].toString().startsWith(u"/demo/"_s));
        }
    }
    QCOMPARE(out, m_demoPeers);
    QCOMPARE(in, m_demoPeers);
}

void tst_demo::closeOutputShowsLateMessagesDelivered_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QStringList>("late");
    // on-close=send;sends=3: exactly these three after our Close, then its answer.
    QTest::newRow("late-3") << u"late-3"_s << QStringList{u"late 1"_s, u"late 2"_s, u"late 3"_s};
    // on-close=delay: its numbered messages keep coming until it answers.
    QTest::newRow("slow-answer") << u"slow-answer"_s << QStringList{};
}

void tst_demo::closeOutputShowsLateMessagesDelivered()
{
    QFETCH(QString, peer);
    QFETCH(QStringList, late);
    QVERIFY(startDemo());
    QVERIFY2(m_refusal.isEmpty(), qPrintable(m_refusal));
    const int conn = serverRowOf(peer);
    QVERIFY(conn > 0);

    const QJsonObject result = m_server->command(
        {{"cmd"_L1, u"close_output"_s}, {"conn"_L1, conn}, {"reason"_L1, u"try this"_s}});
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));
    const auto closed = m_server->waitFor(eventIs(u"closed"_s, conn), 20000);
    QVERIFY(closed);
    QCOMPARE(closed->value("how"_L1).toString(), u"handshake"_s);

    QStringList delivered;
    for (const QJsonObject &o : m_server->lines()) {
        if (o.value("event"_L1).toString() == u"message_in" && o.value("conn"_L1).toInt() == conn &&
            o.value("post_close"_L1).toString() == u"delivered")
            delivered.append(o.value("preview"_L1).toString());
    }
    QVERIFY2(!delivered.isEmpty(), "no message was delivered after our Close Output");
    for (const QString &message : std::as_const(late))
        QVERIFY2(delivered.contains(message), qPrintable(delivered.join(u", "_s)));
    // Nothing after our Close was discarded: Close Output delivers.
    for (const QJsonObject &o : m_server->lines())
        QVERIFY(!(o.value("conn"_L1).toInt() == conn &&
                  o.value("post_close"_L1).toString() == u"discarded"));
}

QTEST_GUILESS_MAIN(tst_demo)
#include "tst_demo.moc"
