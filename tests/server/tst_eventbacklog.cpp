// The event backlog (docs/headless.md "When the reader falls behind"): its
// count and wake-up alone, then the engine holding a real flooding client
// while the test, as the front end, does not say the events are written.

#include "engineharness.h"
#include "rawpeer.h"

#include "server/eventbacklog.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using server::EventBacklog;
using server::EventBatch;

namespace {
Event message(qsizetype previewBytes)
{
    events::MessageIn m;
    m.size = previewBytes;
    m.preview = QByteArray(previewBytes, 'x');
    return Event(m, 1, protocol::State::Open);
}

bool isHoldNotice(const Event &e)
{
    const auto *error = e.get<events::Error>();
    return error && e.conn == 0 && error->message.contains(u"written more slowly"_s);
}

// msgs_in of connection `id` in a `list` result.
qint64 messagesIn(const QByteArray &listJson, quint32 id)
{
    for (const QJsonValue row : QJsonDocument::fromJson(listJson).array()) {
        if (row[u"id"_s].toInteger() == id)
            return row[u"msgs_in"_s].toInteger();
    }
    return -1;
}
} // namespace

class tst_EventBacklog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void costCountsThePreview();
    void noLimitIsNeverOver();
    void wakesOnceUnderLowWater();
    void caughtUpBeforeWaitingDoesNotWait();
    void engineHoldsReadingUntilWritten_data();
    void engineHoldsReadingUntilWritten();

private:
    QTemporaryDir m_dir;
    QString m_cert; // empty: no openssl CLI, the wss:// row is skipped
    QString m_key;
};

void tst_EventBacklog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        return;
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s,
                   u"/CN=localhost"_s, u"-days"_s, u"1"_s, u"-keyout"_s,
                   m_dir.filePath(u"key.pem"_s), u"-out"_s, m_dir.filePath(u"cert.pem"_s)});
    QVERIFY(openssl.waitForFinished(30000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    m_cert = m_dir.filePath(u"cert.pem"_s);
    m_key = m_dir.filePath(u"key.pem"_s);
}

void tst_EventBacklog::costCountsThePreview()
{
    const qint64 empty = EventBacklog::costOf(message(0));
    QVERIFY(empty > 0);
    QCOMPARE(EventBacklog::costOf(message(1000)), empty + 1000);
    const EventBatch batch{message(0), message(10)};
    QCOMPARE(EventBacklog::costOf(batch), 2 * empty + 10);
}

void tst_EventBacklog::noLimitIsNeverOver()
{
    EventBacklog backlog(0, [] { QFAIL("no wake without a limit"); });
    for (int i = 0; i < 1000; ++i)
        backlog.published(message(1000));
    QVERIFY(!backlog.isOverLimit());
}

void tst_EventBacklog::wakesOnceUnderLowWater()
{
    const Event e = message(1000);
    const qint64 cost = EventBacklog::costOf(e);
    int wakes = 0;
    EventBacklog backlog(100 * cost, [&] { ++wakes; });
    QCOMPARE(backlog.lowWater(), 25 * cost);
    EventBatch batch;
    for (int i = 0; i < 99; ++i) {
        backlog.published(e);
        batch.append(e);
    }
    QVERIFY(!backlog.isOverLimit());
    backlog.published(e);
    batch.append(e);
    QVERIFY(backlog.isOverLimit());
    QVERIFY(backlog.waitForLowWater());

    // Written down to 25 (not under low water): still waiting.
    backlog.consumed(batch.first(75));
    QCOMPARE(backlog.bytes(), 25 * cost);
    QCOMPARE(wakes, 0);
    // Under it: one wake, and no second one for what follows.
    backlog.consumed(batch.first(1));
    QCOMPARE(wakes, 1);
    backlog.consumed(batch.first(24));
    QCOMPARE(backlog.bytes(), 0);
    QCOMPARE(wakes, 1);
}

void tst_EventBacklog::caughtUpBeforeWaitingDoesNotWait()
{
    const Event e = message(0);
    int wakes = 0;
    EventBacklog backlog(4 * EventBacklog::costOf(e), [&] { ++wakes; });
    EventBatch batch;
    for (int i = 0; i < 4; ++i) {
        backlog.published(e);
        batch.append(e);
    }
    QVERIFY(backlog.isOverLimit());
    // The front end wrote it all between the engine's check and its wait.
    backlog.consumed(batch);
    QVERIFY(!backlog.waitForLowWater());
    backlog.consumed({});
    QCOMPARE(wakes, 0);
}

void tst_EventBacklog::engineHoldsReadingUntilWritten_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("ws://") << false;
    QTest::newRow("wss://") << true;
}

void tst_EventBacklog::engineHoldsReadingUntilWritten()
{
    QFETCH(bool, tls);
    if (tls && m_cert.isEmpty())
        QSKIP("the openssl CLI is not installed");
    constexpr qint64 Limit = 64 * 1024;
    constexpr int Messages = 20'000;
    constexpr qsizetype Payload = 100;
    ServerConfig cfg = testConfig();
    cfg.maxEventBacklogBytes = Limit;
    if (tls) {
        cfg.tlsCertFile = m_cert;
        cfg.tlsKeyFile = m_key;
    }
    EngineHarness h(cfg);

    // The test is the front end: it keeps the batches "unwritten" until it
    // decides to write them.
    QList<EventBatch> unwritten;
    bool writeAtOnce = false;
    connect(h.engine(), &Engine::eventsReady, &h, [&](const EventBatch &batch) {
        if (writeAtOnce)
            h.engine()->batchWritten(batch);
        else
            unwritten.append(batch);
    });
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);

    // QTcpSocket (and QSslSocket) write the whole flood as the server reads.
    QSslSocket client;
    if (tls) {
        client.setPeerVerifyMode(QSslSocket::VerifyNone); // our own throwaway certificate
        client.connectToHostEncrypted(u"127.0.0.1"_s, port);
        QVERIFY2(client.waitForEncrypted(10000), qPrintable(client.errorString()));
    } else {
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(10000));
    }
    client.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray response;
    QTRY_VERIFY_WITH_TIMEOUT((response += client.readAll()).contains("\r\n\r\n"), 10000);
    QVERIFY2(response.startsWith("HTTP/1.1 101"), response.constData());
    const quint32 conn = h.waitOpen();
    QVERIFY(conn != 0);

    // Far more than the limit.
    const QByteArray one = RawPeer::frame(protocol::Opcode::Text, QByteArray(Payload, 'm'));
    client.write(one.repeated(Messages));

    // The engine says once that it stopped reading.
    QVERIFY(QTest::qWaitFor([&] { return h.find(EventType::Error, isHoldNotice) >= 0; }, 60000));
    // Held: two `list`s, one after the other, count the same messages, and
    // no more than the limit plus what one read (256 KiB) brought in.
    h.command([](Engine *e) { e->list("\"a\""); });
    const auto a = h.result("\"a\"", 30000);
    QVERIFY2(a.ok, qPrintable(a.error));
    h.command([](Engine *e) { e->list("\"b\""); });
    const auto b = h.result("\"b\"", 30000);
    QVERIFY2(b.ok, qPrintable(b.error));
    const qint64 readA = messagesIn(a.data, conn);
    QVERIFY(readA > 0);
    QCOMPARE(messagesIn(b.data, conn), readA);
    QVERIFY2(readA < Messages, "the whole flood was read: nothing held it");
    const qint64 perMessage = EventBacklog::costOf(message(Payload));
    const qint64 oneRead = (256 * 1024 / one.size() + 1) * perMessage;
    qint64 held = 0;
    for (const EventBatch &batch : std::as_const(unwritten))
        held += EventBacklog::costOf(batch);
    QVERIFY2(held >= Limit, qPrintable(u"%1 bytes held"_s.arg(held)));
    QVERIFY2(held <= Limit + oneRead + 64 * 1024,
             qPrintable(u"%1 bytes of events held, limit %2"_s.arg(held).arg(Limit)));

    // Written: reading resumes and every message is logged, in sequence.
    writeAtOnce = true;
    for (const EventBatch &batch : std::as_const(unwritten))
        h.engine()->batchWritten(batch);
    unwritten.clear();
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::MessageIn, conn).size() >= Messages; },
                            120000));
    QCOMPARE(h.all(EventType::MessageIn, conn).size(), Messages);
    for (int i = 0; i < h.events.size(); ++i)
        QCOMPARE(h.events[i].seq, quint64(i + 1));

    // Accepting resumed too.
    QSslSocket second;
    if (tls) {
        second.setPeerVerifyMode(QSslSocket::VerifyNone);
        second.connectToHostEncrypted(u"127.0.0.1"_s, port);
        QVERIFY2(second.waitForEncrypted(10000), qPrintable(second.errorString()));
    } else {
        second.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(second.waitForConnected(10000));
    }
    second.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(h.waitOpen(30000, 2) != 0);
}

QTEST_GUILESS_MAIN(tst_EventBacklog)
#include "tst_eventbacklog.moc"
