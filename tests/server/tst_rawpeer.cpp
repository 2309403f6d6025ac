// The close paths no library client can show, against a raw client written
// here (rawpeer.h): data after our Close, a peer that never answers, resets,
// who closes TCP first. Rows name the rule they check ([R2] ... [R13]).

#include "engineharness.h"
#include "rawpeer.h"

#include <QtTest/QtTest>

#include <fcntl.h>
#include <sys/resource.h>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::Opcode;
using protocol::PostClose;
using protocol::State;

Q_DECLARE_METATYPE(closecall::protocol::CloseMode)
Q_DECLARE_METATYPE(closecall::protocol::PostClose)

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
    void close(CloseMode mode, int timeoutMs = -1, protocol::CloseCode code = 1000,
               const QString &reason = u"bye"_s)
    {
        const quint32 conn = id;
        h.command([=](Engine *e) {
            e->closeConnections(EngineHarness::one(conn), code, reason, mode, timeoutMs, "\"c\"");
        });
    }

    EngineHarness h;
    RawPeer peer;
    quint16 port = 0;
    quint32 id = 0;
};

} // namespace

class tst_RawPeer : public QObject
{
    Q_OBJECT

private slots:
    void dataAfterOurClose_data();
    void dataAfterOurClose();
    void peerNeverAnswers_data();
    void peerNeverAnswers();
    void closeOutputWithoutTimeoutWaits();
    void tcpLost_data();
    void tcpLost();
    void abortSendsReset();
    void serverClosesTcpFirst_data();
    void serverClosesTcpFirst();
    void peerClosesTcpFirst();
    void emptyCloseIsAnsweredEmpty();
    void pingInCloseSentIsAnswered();
    void framesAfterPeerCloseAreDropped();
    void bytesAfterTheCloseAreReported();
    void unmaskedFrameIsProtocolError();
    void framesRightBehindTheUpgrade();
    void acceptResumesAfterRunningOutOfDescriptors();
};

void tst_RawPeer::dataAfterOurClose_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("expected");
    QTest::newRow("[R3] close output delivers post-close data")
        << CloseMode::CloseOutput << PostClose::Delivered;
    QTest::newRow("[R2] close discards post-close data, all logged in order")
        << CloseMode::Close << PostClose::Discarded;
}

void tst_RawPeer::dataAfterOurClose()
{
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, expected);
    Setup s;
    QVERIFY(s.id);
    s.close(mode, -1, 4000, u"done sending"_s);
    const auto ourClose = s.peer.nextFrame();
    QVERIFY(ourClose);
    QCOMPARE(ourClose->opcode, Opcode::Close);
    QCOMPARE(ourClose->closeCode(), std::optional<quint16>(4000));
    // [R3] close output returns before the peer answers.
    QVERIFY(s.h.result("\"c\"").ok);
    QCOMPARE(s.h.find(EventType::CloseReceived, s.id), -1);

    // The peer's in-flight messages, then (separately) its Close.
    s.peer.sendText("one");
    s.peer.sendText("two");
    s.peer.sendText("three");
    QTRY_COMPARE(s.h.all(EventType::MessageIn, s.id).size(), 3);
    s.peer.sendClose(4000);
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));

    const auto in = s.h.all<events::MessageIn>(s.id);
    const QByteArray texts[] = {"one", "two", "three"};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(in[i].preview, texts[i]);
        QCOMPARE(in[i].postClose, expected);
        QCOMPARE(in[i].state, State::CloseSent);
        QCOMPARE(in[i].wireSize > 0, deflateRun()); // travelled compressed
    }
    const int received = s.h.find(EventType::CloseReceived, s.id);
    const int closed = s.h.find(EventType::Closed, s.id);
    QVERIFY(s.h.events[received].seq > in[2].seq);
    QVERIFY(closed > received);
    const Found<events::Closed> end(s.h.events[closed]);
    QCOMPARE(end.state, State::Closed);
    QCOMPARE(end.how, HowEnded::Handshake);
    QCOMPARE(end.initiatedBy, Initiator::Server);
    QVERIFY(end.closeHandshakeUs > 0);
    QCOMPARE(end.tcpClosedByClient, false);
    QCOMPARE(s.peer.waitEnd(), RawPeer::End::Eof); // [R7] our FIN, not an RST

    s.h.command([](Engine *e) { e->list("\"l\""); });
    const QJsonObject row = QJsonDocument::fromJson(s.h.result("\"l\"").data).array()[0].toObject();
    const QJsonObject post = row[u"post_close"_s].toObject();
    QCOMPARE(post[expected == PostClose::Delivered ? u"delivered"_s : u"discarded"_s].toInt(), 3);
}

void tst_RawPeer::peerNeverAnswers_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::newRow("[R4] close aborts after its timeout") << CloseMode::Close;
    QTest::newRow("[R4] close output aborts after its timeout") << CloseMode::CloseOutput;
}

void tst_RawPeer::peerNeverAnswers()
{
    QFETCH(CloseMode, mode);
    Setup s;
    QVERIFY(s.id);
    QElapsedTimer t;
    t.start();
    s.close(mode, 300);
    QVERIFY(s.peer.nextFrame()); // our Close
    QCOMPARE(s.peer.waitEnd(3000), RawPeer::End::Reset);
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    const auto closed = s.h.first<events::Closed>(s.id);
    QVERIFY2(closed.tUs - s.h.first<events::CloseSent>(s.id).tUs >= 290'000,
             qPrintable(QString::number(closed.tUs)));
    QVERIFY(t.elapsed() < 3000);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::Timeout);
    QCOMPARE(closed.code, protocol::CloseCode(1006));
    QCOMPARE(closed.closeHandshakeUs, -1);
}

void tst_RawPeer::closeOutputWithoutTimeoutWaits()
{
    // 0 = never, for close output (R4's exception).
    ServerConfig cfg = testConfig();
    cfg.closeOutputTimeoutMs = 100; // not used: the command says 0
    Setup s(cfg);
    QVERIFY(s.id);
    s.close(CloseMode::CloseOutput, 0);
    QVERIFY(s.peer.nextFrame());
    QCOMPARE(s.peer.waitEnd(500), RawPeer::End::StillOpen);
    s.peer.sendText("still here");
    QVERIFY(s.h.waitFor(EventType::MessageIn, s.id));
    QCOMPARE(s.h.first<events::MessageIn>(s.id).postClose, PostClose::Delivered);
    QCOMPARE(s.h.find(EventType::Closed, s.id), -1);
}

void tst_RawPeer::tcpLost_data()
{
    QTest::addColumn<bool>("reset");
    QTest::addColumn<bool>("afterOurClose");
    QTest::addColumn<HowEnded>("how");
    QTest::newRow("[R9] peer resets while Open: peer_reset")
        << true << false << HowEnded::PeerReset;
    QTest::newRow("[R9] peer closes while Open: peer_eof") << false << false << HowEnded::PeerEof;
    QTest::newRow("[R9] peer resets in CloseSent: peer_reset")
        << true << true << HowEnded::PeerReset;
    QTest::newRow("[R9] peer closes in CloseSent without a Close: peer_eof")
        << false << true << HowEnded::PeerEof;
}

void tst_RawPeer::tcpLost()
{
    QFETCH(bool, reset);
    QFETCH(bool, afterOurClose);
    QFETCH(HowEnded, how);
    Setup s;
    QVERIFY(s.id);
    if (afterOurClose) {
        s.close(CloseMode::Close, 10000);
        QVERIFY(s.peer.nextFrame());
    }
    if (reset)
        s.peer.resetClose();
    else
        s.peer.finClose();
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, how);
    QCOMPARE(closed.code, protocol::CloseCode(1006));
    QCOMPARE(closed.tcpClosedByClient, true);
    QCOMPARE(closed.initiatedBy, afterOurClose ? Initiator::Server : Initiator::None);
}

void tst_RawPeer::abortSendsReset()
{
    // [R8] recv() on the peer fails with ECONNRESET: an RST, not a FIN.
    Setup s;
    QVERIFY(s.id);
    s.h.command([id = s.id](Engine *e) { e->abortConnections(EngineHarness::one(id), "\"a\""); });
    QVERIFY(s.h.result("\"a\"").ok);
    QCOMPARE(s.peer.waitEnd(), RawPeer::End::Reset);
    QVERIFY(s.peer.pendingFrames().isEmpty()); // no Close frame either
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::Abort);
}

void tst_RawPeer::serverClosesTcpFirst_data()
{
    QTest::addColumn<bool>("peerInitiates");
    QTest::newRow("[R7] after our Close is answered") << false;
    QTest::newRow("[R7] after we acknowledge the peer's Close") << true;
}

void tst_RawPeer::serverClosesTcpFirst()
{
    QFETCH(bool, peerInitiates);
    Setup s;
    QVERIFY(s.id);
    if (peerInitiates) {
        s.peer.sendClose(1000, u"client done"_s);
        const auto ack = s.peer.nextFrame();
        QVERIFY(ack);
        QCOMPARE(ack->opcode, Opcode::Close);
        QCOMPARE(ack->closeCode(), std::optional<quint16>(1000)); // [R5] echoed
    } else {
        s.close(CloseMode::Close);
        QVERIFY(s.peer.nextFrame());
        s.peer.sendClose(1000);
    }
    // The peer keeps its socket open: the server's FIN must come first.
    QCOMPARE(s.peer.waitEnd(), RawPeer::End::Eof);
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.tcpClosedByClient, false);
    QCOMPARE(closed.initiatedBy, peerInitiates ? Initiator::Client : Initiator::Server);
}

void tst_RawPeer::peerClosesTcpFirst()
{
    // [R7] a client that closes TCP right behind its Close is recorded as
    // such (not an error: the state is still Closed).
    Setup s;
    QVERIFY(s.id);
    s.close(CloseMode::Close);
    QVERIFY(s.peer.nextFrame());
    s.peer.sendThenFin(RawPeer::closeFrame(1000));
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.state, State::Closed);
    QCOMPARE(closed.how, HowEnded::Handshake);
    QCOMPARE(closed.tcpClosedByClient, true);
}

void tst_RawPeer::emptyCloseIsAnsweredEmpty()
{
    // [R5] an empty Close is answered with an empty Close; shown as 1005.
    Setup s;
    QVERIFY(s.id);
    s.peer.sendClose(std::nullopt);
    const auto ack = s.peer.nextFrame();
    QVERIFY(ack);
    QCOMPARE(ack->opcode, Opcode::Close);
    QVERIFY(ack->payload.isEmpty());
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    QCOMPARE(s.h.first<events::CloseReceived>(s.id).code, protocol::CloseCode());
    QCOMPARE(s.h.first<events::CloseSent>(s.id).code, protocol::CloseCode());
    QCOMPARE(s.h.first<events::Closed>(s.id).code, protocol::CloseCode(1005));
}

void tst_RawPeer::pingInCloseSentIsAnswered()
{
    // [R13]
    Setup s;
    QVERIFY(s.id);
    s.close(CloseMode::Close);
    QVERIFY(s.peer.nextFrame());
    s.peer.send(Opcode::Ping, "are you there");
    const auto pong = s.peer.nextFrame();
    QVERIFY(pong);
    QCOMPARE(pong->opcode, Opcode::Pong);
    QCOMPARE(pong->payload, QByteArray("are you there"));
    QVERIFY(s.h.waitFor(EventType::PongOut, s.id));
    QCOMPARE(s.h.first<events::PingIn>(s.id).state, State::CloseSent);
    QCOMPARE(s.h.first<events::PongOut>(s.id).state, State::CloseSent);
}

void tst_RawPeer::framesAfterPeerCloseAreDropped()
{
    // [R13] manual ack leaves the connection in CloseReceived, where a late
    // data frame is a violation: logged, dropped, no answer.
    ServerConfig cfg = testConfig();
    cfg.manualAck = true;
    Setup s(cfg);
    QVERIFY(s.id);
    s.peer.sendClose(1000);
    s.peer.sendText("too late");
    s.peer.send(Opcode::Ping, "late ping");
    QTRY_COMPARE(s.h.all(EventType::Error, s.id).size(), 2);
    QCOMPARE(s.h.find(EventType::MessageIn, s.id), -1);
    QCOMPARE(s.h.find(EventType::PongOut, s.id), -1);
    QCOMPARE(s.h.first<events::Error>(s.id).state, State::CloseReceived);
    QVERIFY(!s.peer.nextFrame(200));
}

void tst_RawPeer::bytesAfterTheCloseAreReported()
{
    // [R13] with automatic ack, frames the peer writes behind its Close in
    // the same packet are not read, but the log says how many bytes were
    // ignored: nothing vanishes silently.
    Setup s;
    QVERIFY(s.id);
    const QByteArray late = s.peer.dataFrame(Opcode::Text, "too late");
    s.peer.sendRaw(RawPeer::closeFrame(1000) + late);
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    QTRY_COMPARE(s.h.all(EventType::Error, s.id).size(), 1);
    const auto ignored = s.h.first<events::Error>(s.id);
    QCOMPARE(ignored.size, late.size());
    QCOMPARE(ignored.state, State::Closed);
    QCOMPARE(s.h.find(EventType::MessageIn, s.id), -1);
}

void tst_RawPeer::unmaskedFrameIsProtocolError()
{
    // [R12] one row end to end (every row is in tst_session): the answer
    // goes out, then TCP closes.
    Setup s;
    QVERIFY(s.id);
    QByteArray unmasked;
    protocol::framewriter::appendFrame(unmasked, protocol::Role::Server, Opcode::Text, "x");
    s.peer.sendRaw(unmasked);
    const auto answer = s.peer.nextFrame();
    QVERIFY(answer);
    QCOMPARE(answer->closeCode(), std::optional<quint16>(1002));
    QCOMPARE(s.peer.waitEnd(), RawPeer::End::Eof);
    QVERIFY(s.h.waitFor(EventType::Closed, s.id));
    const auto closed = s.h.first<events::Closed>(s.id);
    QCOMPARE(closed.how, HowEnded::ProtocolError);
    QCOMPARE(closed.state, State::Aborted);
}

void tst_RawPeer::framesRightBehindTheUpgrade()
{
    // A client may send frames without waiting for the 101; they are the
    // session's, not the handshake's.
    ServerConfig cfg = testConfig();
    cfg.echo = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    RawPeer peer;
    QVERIFY(peer.connectTo(port));
    protocol::ClientHandshakeOptions o;
    o.host = u"127.0.0.1:%1"_s.arg(port);
    protocol::ClientHandshake hs(o);
    peer.sendRaw(hs.request() + RawPeer::frame(Opcode::Text, "early"));
    QVERIFY(h.waitFor(EventType::MessageIn));
    QCOMPARE(h.first<events::MessageIn>().preview, QByteArray("early"));
    QCOMPARE(h.first<events::MessageIn>().state, State::Open);
}

void tst_RawPeer::acceptResumesAfterRunningOutOfDescriptors()
{
    // EMFILE on accept makes Qt pause accepting; the engine says so and
    // resumes, so a server that ran out of descriptors once is not deaf.
    EngineHarness h;
    const quint16 port = h.waitListening();
    RawPeer first, second;
    QVERIFY(first.createSocket() && second.createSocket());
    // Not one descriptor left: fill every free slot, then cap the limit.
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    rlimit tight = saved;
    tight.rlim_cur = rlim_t(qMax(first.fd(), second.fd()) + 64);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &tight), 0);
    QList<int> fillers;
    for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;)
        fillers.append(fd);
    const bool connected = first.connectTo(port) && second.connectTo(port);
    const bool sawError = h.waitFor(EventType::Error, 0, 5000);
    for (int fd : std::as_const(fillers))
        ::close(fd);
    ::setrlimit(RLIMIT_NOFILE, &saved);
    QVERIFY(connected);
    QVERIFY(sawError);
    QVERIFY2(h.first<events::Error>().message.contains(u"cannot accept"_s),
             qPrintable(h.first<events::Error>().message));
    // Accepting resumes: a new client is served.
    RawPeer third;
    QVERIFY(third.open(port));
    QVERIFY(h.waitOpen(5000));
}

QTEST_MAIN(tst_RawPeer)
#include "tst_rawpeer.moc"
