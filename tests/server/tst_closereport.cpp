// What `closed` and the message events report about the close, against a
// raw client (rawpeer.h): the Close we sent next to the one we received, how
// long the peer's Close waited for our answer, and which frames crossed our
// Close on the wire (docs/headless.md "Close timings", "Post-close and
// crossed frames"; [R16]). No assertion depends on how long anything takes.

#include "engineharness.h"
#include "rawpeer.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QThread>
#include <QtTest/QtTest>

#include <atomic>
#include <linux/sockios.h>
#include <sys/ioctl.h>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::Opcode;
using protocol::PostClose;
using protocol::State;

namespace {

// An engine with one raw peer connected and open.
struct Setup
{
    explicit Setup(ServerConfig cfg = testConfig())
        : h(cfg)
    {
        port = h.waitListening();
        if (port && peer.open(port))
            id = h.waitOpen();
    }
    void close(protocol::CloseCode code, const QString &reason, CloseMode mode = CloseMode::Close)
    {
        const quint32 conn = id;
        h.command([=](Engine *e) {
            e->closeConnections(EngineHarness::one(conn), code, reason, mode, -1, "\"c\"");
        });
    }

    EngineHarness h;
    RawPeer peer;
    quint16 port = 0;
    quint32 id = 0;
};

ServerConfig manualAckConfig()
{
    ServerConfig cfg = testConfig();
    cfg.manualAck = true;
    return cfg;
}

// Waits until every byte written on `fd` is acknowledged by the receiving
// TCP (SIOCOUTQ 0): the bytes are then in the server's receive queue, or
// read. A wait for a state, with a cap only against a hang.
bool waitAcknowledged(int fd)
{
    const QDeadlineTimer cap(30000);
    for (;;) {
        int unacked = 0;
        if (::ioctl(fd, SIOCOUTQ, &unacked) != 0)
            return false;
        if (unacked == 0)
            return true;
        if (cap.hasExpired())
            return false;
        QThread::usleep(200); // a poll interval, not a wait for time to pass
    }
}

// RawPeer::sendRaw on a descriptor, for use on the engine's thread.
void sendAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n =
            ::send(fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace

class tst_CloseReport : public QObject
{
    Q_OBJECT

private slots:
    void peerClosesFirstOperatorAnswers();
    void automaticAnswerEchoesThePeersCode();
    void serverClosesFirst();
    void abortSendsNothing();
    void unansweredPeerClose();
    void framesAlreadyHereCrossedOurClose();
};

// [R16] The browser's 4100 answered by the operator with 4003: `closed`
// says both, and how long the peer's Close waited.
void tst_CloseReport::peerClosesFirstOperatorAnswers()
{
    Setup s(manualAckConfig());
    QVERIFY(s.id);
    s.peer.sendClose(4100, u"client leaving"_s);
    QVERIFY(s.h.waitFor(EventType::CloseReceived, s.id));
    s.close(4003, u"not yet"_s);

    const std::optional<PeerFrame> answer = s.peer.nextFrame();
    QVERIFY(answer);
    QCOMPARE(answer->opcode, Opcode::Close);
    QCOMPARE(answer->closeCode(), std::optional<quint16>(4003));

    const auto closed = s.h.first<events::Closed>(s.id);
    QVERIFY(closed.seq != 0);
    QCOMPARE(closed.how, HowEnded::Handshake);
    QCOMPARE(closed.initiatedBy, Initiator::Client);
    QCOMPARE(closed.code, protocol::CloseCode(4100));
    QCOMPARE(closed.reason, u"client leaving"_s);
    QVERIFY(closed.closeSent);
    QCOMPARE(closed.sentCode, protocol::CloseCode(4003));
    QCOMPARE(closed.sentReason, u"not yet"_s);
    QVERIFY2(closed.ackDelayUs >= 0, qPrintable(QString::number(closed.ackDelayUs)));
    QCOMPARE(closed.closeHandshakeUs, qint64(-1)); // ours did not go first

    // Our answer's close_sent comes first, and `closed` ends the connection.
    const auto sent = s.h.first<events::CloseSent>(s.id);
    QCOMPARE(sent.code, protocol::CloseCode(4003));
    QCOMPARE(sent.mode, CloseMode::Close);
    QVERIFY(sent.seq < closed.seq);
    for (const Event &e : s.h.events)
        QVERIFY2(e.conn != s.id || e.seq <= closed.seq || e.is(EventType::Error),
                 qPrintable(QString(server::eventTypeName(e.type()))));
}

// [R5] The automatic answer echoes the peer's code (without its reason):
// sent_code is that echo, and the engine's own answering time is the ack
// delay.
void tst_CloseReport::automaticAnswerEchoesThePeersCode()
{
    Setup s;
    QVERIFY(s.id);
    s.peer.sendClose(4100, u"bye"_s);
    const std::optional<PeerFrame> answer = s.peer.nextFrame();
    QVERIFY(answer);
    QCOMPARE(answer->closeCode(), std::optional<quint16>(4100));

    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.initiatedBy, Initiator::Client);
    QCOMPARE(closed.code, protocol::CloseCode(4100));
    QVERIFY(closed.closeSent);
    QCOMPARE(closed.sentCode, protocol::CloseCode(4100));
    QCOMPARE(closed.sentReason, QString());
    QVERIFY(closed.ackDelayUs >= 0);
    const auto sent = s.h.first<events::CloseSent>(s.id);
    QCOMPARE(sent.mode, CloseMode::Ack);
    QCOMPARE(closed.sentReason, sent.reason);
}

// [R16] Our Close went first: sent_code is ours, the handshake is timed, and
// there is no ack delay.
void tst_CloseReport::serverClosesFirst()
{
    Setup s;
    QVERIFY(s.id);
    s.close(4000, u"deploy"_s);
    const std::optional<PeerFrame> ours = s.peer.nextFrame();
    QVERIFY(ours);
    QCOMPARE(ours->closeCode(), std::optional<quint16>(4000));
    s.peer.sendClose(1000, u"ok"_s);

    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.initiatedBy, Initiator::Server);
    QCOMPARE(closed.code, protocol::CloseCode(1000));
    QVERIFY(closed.closeSent);
    QCOMPARE(closed.sentCode, protocol::CloseCode(4000));
    QCOMPARE(closed.sentReason, u"deploy"_s);
    QCOMPARE(closed.ackDelayUs, qint64(-1));
    QVERIFY(closed.closeHandshakeUs >= 0);
}

// [R8] An abort sends no Close: sent_code and sent_reason are null.
void tst_CloseReport::abortSendsNothing()
{
    Setup s;
    QVERIFY(s.id);
    const quint32 conn = s.id;
    s.h.command([=](Engine *e) { e->abortConnections(EngineHarness::one(conn), "\"a\""); });
    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.how, HowEnded::Abort);
    QVERIFY(!closed.closeSent);
    QCOMPARE(closed.sentCode, protocol::CloseCode());
    QVERIFY(closed.sentReason.isEmpty());
    QCOMPARE(closed.ackDelayUs, qint64(-1));
}

// [R6] [R8] The peer's Close left unanswered (the operator aborts): no
// Close sent, no ack delay, the peer's code still there.
void tst_CloseReport::unansweredPeerClose()
{
    Setup s(manualAckConfig());
    QVERIFY(s.id);
    s.peer.sendClose(4100, u"client leaving"_s);
    QVERIFY(s.h.waitFor(EventType::CloseReceived, s.id));
    const quint32 conn = s.id;
    s.h.command([=](Engine *e) { e->abortConnections(EngineHarness::one(conn), "\"a\""); });
    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.how, HowEnded::Abort);
    QCOMPARE(closed.initiatedBy, Initiator::Client);
    QVERIFY(!closed.closeSent);
    QCOMPARE(closed.ackDelayUs, qint64(-1));
}

// Frames already in the server's receive queue when our Close is written
// crossed it: they carry `crossed`, also a Ping; a frame only half here, and
// what the peer sends after reading our Close, do not.
//
// Deterministic by construction: the peer's writes, the wait for the
// server's TCP to acknowledge them and the close command all run in one
// call on the engine's own thread, so the engine cannot read in between.
void tst_CloseReport::framesAlreadyHereCrossedOurClose()
{
    Setup s;
    QVERIFY(s.id);
    // Built in the order they go out (compressed in a deflate run).
    const QByteArray early1 = s.peer.dataFrame(Opcode::Text, "early 1");
    const QByteArray early2 = s.peer.dataFrame(Opcode::Text, "early 2");
    const QByteArray split = s.peer.dataFrame(Opcode::Text, "half here, half later");
    const QByteArray before = early1 + RawPeer::frame(Opcode::Ping, "p") + early2 + split.first(5);
    const int fd = s.peer.fd();
    const quint32 conn = s.id;
    auto acknowledged = std::make_shared<std::atomic<int>>(-1);
    s.h.command([=](Engine *e) {
        sendAll(fd, before);
        acknowledged->store(waitAcknowledged(fd) ? 1 : 0);
        e->closeConnections(EngineHarness::one(conn), 1001, u"crossing"_s, CloseMode::CloseOutput,
                            -1, "\"c\"");
    });

    const std::optional<PeerFrame> ours = s.peer.nextFrame();
    QVERIFY(ours);
    QCOMPARE(ours->opcode, Opcode::Close);
    QCOMPARE(acknowledged->load(), 1);
    // The peer has read our Close: whatever it sends now did not cross it.
    s.peer.sendRaw(split.sliced(5));
    s.peer.sendText("after");
    s.peer.sendClose(1000);
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));

    const auto messages = s.h.all<events::MessageIn>(s.id);
    QCOMPARE(messages.size(), 4);
    const struct
    {
        QByteArray preview;
        bool crossed;
    } expected[] = {
        {"early 1", true},
        {"early 2", true},
        {"half here, half later", false},
        {"after", false},
    };
    for (qsizetype i = 0; i < messages.size(); ++i) {
        QCOMPARE(messages[i].preview, expected[i].preview);
        QCOMPARE(messages[i].crossed, expected[i].crossed);
        // Read after our Close went out: post-close, crossed or not.
        QCOMPARE(messages[i].postClose, PostClose::Delivered);
        QCOMPARE(messages[i].wireSize > 0, deflateRun()); // travelled compressed
    }
    const auto pings = s.h.all<events::PingIn>(s.id);
    QCOMPARE(pings.size(), 1);
    QVERIFY(pings[0].crossed);
    // Our own frames never cross anything.
    for (const auto &out : s.h.all<events::PongOut>(s.id))
        QVERIFY(!out.crossed);
}

QTEST_MAIN(tst_CloseReport)
#include "tst_closereport.moc"
