// The limits on unfinished messages (docs/headless.md "Limits on unfinished
// messages") against raw peers that start a message and never finish it:
// the budget for all connections together (--max-unfinished-bytes, 1009)
// and the time limit for finishing a message (--message-timeout, 1008).
// Nothing here depends on how long anything takes: the peers synchronise
// with a Ping behind their bytes (its Pong says the engine has read them).

#include "engineharness.h"
#include "rawpeer.h"

#include <QtTest/QtTest>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Opcode;
using protocol::State;

namespace {

constexpr qsizetype KiB = 1024;

// The first fragment of a binary message (FIN = 0), then a Ping: true when
// its Pong comes back, so the engine has read (and holds) the fragment.
bool hold(RawPeer &peer, qsizetype bytes, const QByteArray &tag)
{
    peer.sendRaw(RawPeer::frame(Opcode::Binary, QByteArray(bytes, 'u'), false) +
                 RawPeer::frame(Opcode::Ping, tag));
    const std::optional<PeerFrame> pong = peer.nextFrame();
    return pong && pong->opcode == Opcode::Pong && pong->payload == tag;
}

// A Ping answered: the connection is still open and read.
bool answers(RawPeer &peer, const QByteArray &tag)
{
    peer.sendRaw(RawPeer::frame(Opcode::Ping, tag));
    const std::optional<PeerFrame> pong = peer.nextFrame();
    return pong && pong->opcode == Opcode::Pong && pong->payload == tag;
}

// The last fragment of the message started with hold().
void finish(RawPeer &peer, qsizetype bytes)
{
    peer.sendRaw(RawPeer::frame(Opcode::Continuation, QByteArray(bytes, 'f'), true));
}

// The error events of `conn` that name `option`.
int errorsNaming(const EngineHarness &h, quint32 conn, const QString &option)
{
    int n = 0;
    for (const auto &e : h.all<events::Error>(conn))
        n += e.message.contains(option) ? 1 : 0;
    return n;
}

} // namespace

class tst_Unfinished : public QObject
{
    Q_OBJECT

private slots:
    void budgetClosesTheConnectionThatPassesIt();
    void budgetIsFreeAgainOnceTheyAreGone();
    void unfinishedMessageTimesOut();
    void messageFinishedBeforeTheTimeLimitIsDelivered();
    void framesRightBehindTheUpgradeCount();
    void timeLimitAfterCloseOutputWithoutTimeout();
};

void tst_Unfinished::budgetClosesTheConnectionThatPassesIt()
{
    ServerConfig cfg = testConfig();
    cfg.maxUnfinishedBytes = 1024 * KiB;
    cfg.messageTimeoutMs = 0; // only the budget here
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);

    // Two peers hold 400 KiB each: 800 KiB, under the budget.
    RawPeer a, b, c;
    QVERIFY(a.open(port));
    const quint32 idA = h.waitOpen(5000, 1);
    QVERIFY(b.open(port));
    const quint32 idB = h.waitOpen(5000, 2);
    QVERIFY(hold(a, 400 * KiB, "a"));
    QVERIFY(hold(b, 400 * KiB, "b"));

    // The third one's 400 KiB would make 1200 KiB: it is closed with 1009.
    QVERIFY(c.open(port));
    const quint32 idC = h.waitOpen(5000, 3);
    c.sendRaw(RawPeer::frame(Opcode::Binary, QByteArray(400 * KiB, 'c'), false));
    const std::optional<PeerFrame> close = c.nextFrame();
    QVERIFY(close);
    QCOMPARE(close->opcode, Opcode::Close);
    QCOMPARE(close->closeCode(), std::optional<quint16>(1009));
    QVERIFY(close->payload.contains("limit for unfinished messages"));
    // Then TCP is closed with a FIN, not reset; what C still sends (the
    // rest of its message, a Ping, its Close) is read and dropped meanwhile.
    c.sendRaw(RawPeer::frame(Opcode::Continuation, "end") + RawPeer::frame(Opcode::Ping, "c") +
              RawPeer::closeFrame(1009));
    QCOMPARE(c.waitEnd(), RawPeer::End::Eof);

    QVERIFY(h.waitFor(EventType::Closed, idC));
    QCOMPARE(errorsNaming(h, idC, u"--max-unfinished-bytes"_s), 1);
    const auto error = h.all<events::Error>(idC).value(0);
    QVERIFY2(error.message.contains(u"limit of 1048576"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"closing with 1009"_s), qPrintable(error.message));
    const auto sent = h.first<events::CloseSent>(idC);
    QCOMPARE(sent.code, protocol::CloseCode(1009));
    QCOMPARE(sent.mode, CloseMode::ProtocolError);
    QCOMPARE(sent.state, State::Open);
    QVERIFY(h.find(EventType::Error, idC) < h.find(EventType::CloseSent, idC));
    const auto closed = h.first<events::Closed>(idC);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::ProtocolError);
    QCOMPARE(h.find(EventType::MessageIn, idC), -1);
    QCOMPARE(h.find(EventType::PingIn, idC), -1);

    // The other two stay, and their messages are delivered whole.
    QVERIFY(answers(a, "a2"));
    QVERIFY(answers(b, "b2"));
    finish(a, 10);
    finish(b, 20);
    QTRY_COMPARE(h.all<events::MessageIn>(idA).size() + h.all<events::MessageIn>(idB).size(), 2);
    QCOMPARE(h.first<events::MessageIn>(idA).size, 400 * KiB + 10);
    QCOMPARE(h.first<events::MessageIn>(idB).size, 400 * KiB + 20);
    QCOMPARE(h.find(EventType::Closed, idA), -1);
    QCOMPARE(h.find(EventType::Closed, idB), -1);
    QCOMPARE(errorsNaming(h, idA, u"--max-unfinished-bytes"_s), 0);
    QCOMPARE(errorsNaming(h, idB, u"--max-unfinished-bytes"_s), 0);
}

void tst_Unfinished::budgetIsFreeAgainOnceTheyAreGone()
{
    // Bytes come back to the budget when a message completes, when a peer
    // resets, and when a connection is closed for the budget: afterwards a
    // new peer can hold nearly all of it.
    ServerConfig cfg = testConfig();
    cfg.maxUnfinishedBytes = 1024 * KiB;
    cfg.messageTimeoutMs = 0;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);

    RawPeer a, b, c;
    QVERIFY(a.open(port));
    const quint32 idA = h.waitOpen(5000, 1);
    QVERIFY(b.open(port));
    const quint32 idB = h.waitOpen(5000, 2);
    QVERIFY(c.open(port));
    const quint32 idC = h.waitOpen(5000, 3);
    QVERIFY(hold(a, 400 * KiB, "a"));
    QVERIFY(hold(b, 400 * KiB, "b"));
    c.sendRaw(RawPeer::frame(Opcode::Binary, QByteArray(400 * KiB, 'c'), false));
    QVERIFY(h.waitFor(EventType::Closed, idC));

    // A finishes its message: delivered, all 400 KiB + 10 bytes of it.
    finish(a, 10);
    QVERIFY(h.waitFor(EventType::MessageIn, idA));
    QCOMPARE(h.first<events::MessageIn>(idA).size, 400 * KiB + 10);
    // B resets.
    b.resetClose();
    QVERIFY(h.waitFor(EventType::Closed, idB));
    QCOMPARE(h.first<events::Closed>(idB).how, HowEnded::PeerReset);

    // Nothing is held any more: D may hold 1000 KiB of the 1024.
    RawPeer d;
    QVERIFY(d.open(port));
    const quint32 idD = h.waitOpen(5000, 4);
    QVERIFY(hold(d, 1000 * KiB, "d"));
    finish(d, 1);
    QVERIFY(h.waitFor(EventType::MessageIn, idD));
    QCOMPARE(h.first<events::MessageIn>(idD).size, 1000 * KiB + 1);
    QCOMPARE(errorsNaming(h, idD, u"--max-unfinished-bytes"_s), 0);
    QCOMPARE(h.find(EventType::Closed, idD), -1);
}

void tst_Unfinished::unfinishedMessageTimesOut()
{
    ServerConfig cfg = testConfig();
    cfg.messageTimeoutMs = 1000;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    RawPeer peer;
    QVERIFY(peer.open(port));
    const quint32 id = h.waitOpen();
    QVERIFY(hold(peer, 1000, "p"));

    // Never finished: closed with 1008 once the time limit has passed
    // (waited for, not timed).
    const std::optional<PeerFrame> close = peer.nextFrame(30000);
    QVERIFY(close);
    QCOMPARE(close->opcode, Opcode::Close);
    QCOMPARE(close->closeCode(), std::optional<quint16>(1008));
    QCOMPARE(close->payload.sliced(2), QByteArray("message not finished within 1000 ms"));
    QCOMPARE(peer.waitEnd(), RawPeer::End::Eof);

    QVERIFY(h.waitFor(EventType::Closed, id));
    QCOMPARE(errorsNaming(h, id, u"--message-timeout"_s), 1);
    const auto error = h.all<events::Error>(id).value(0);
    QVERIFY2(error.message.contains(u"1000 bytes of it were held"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"closing with 1008"_s), qPrintable(error.message));
    const auto sent = h.first<events::CloseSent>(id);
    QCOMPARE(sent.code, protocol::CloseCode(1008));
    QCOMPARE(sent.reason, u"message not finished within 1000 ms"_s);
    QCOMPARE(sent.mode, CloseMode::ProtocolError);
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::ProtocolError);
    QCOMPARE(h.find(EventType::MessageIn, id), -1);
}

void tst_Unfinished::messageFinishedBeforeTheTimeLimitIsDelivered()
{
    // The limit is per message, and a message that completes is delivered.
    // 60 s (the default) is far more than this peer needs; nothing asserts
    // how long it took.
    ServerConfig cfg = testConfig();
    cfg.messageTimeoutMs = 60000;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    RawPeer peer;
    QVERIFY(peer.open(port));
    const quint32 id = h.waitOpen();
    for (int i = 0; i < 3; ++i) {
        QVERIFY(hold(peer, 5000, QByteArray::number(i)));
        finish(peer, 7);
    }
    QTRY_COMPARE(h.all<events::MessageIn>(id).size(), 3);
    for (const auto &m : h.all<events::MessageIn>(id))
        QCOMPARE(m.size, 5007);
    peer.sendClose(1000);
    QVERIFY(h.waitFor(EventType::Closed, id));
    QCOMPARE(h.first<events::Closed>(id).how, HowEnded::Handshake);
    QCOMPARE(errorsNaming(h, id, u"--message-timeout"_s), 0);
}

void tst_Unfinished::framesRightBehindTheUpgradeCount()
{
    // Bytes that came in the same read as the upgrade request are the
    // session's from the start, and count.
    ServerConfig cfg = testConfig();
    cfg.maxUnfinishedBytes = 1024;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    RawPeer peer;
    QVERIFY(peer.connectTo(port));
    protocol::ClientHandshakeOptions o;
    o.host = u"127.0.0.1:%1"_s.arg(port);
    protocol::ClientHandshake hs(o);
    peer.sendRaw(hs.request() + RawPeer::frame(Opcode::Binary, QByteArray(2048, 'e'), false));
    const quint32 id = h.waitOpen();
    QVERIFY(h.waitFor(EventType::Closed, id));
    QCOMPARE(errorsNaming(h, id, u"--max-unfinished-bytes"_s), 1);
    QCOMPARE(h.first<events::CloseSent>(id).code, protocol::CloseCode(1009));
}

void tst_Unfinished::timeLimitAfterCloseOutputWithoutTimeout()
{
    // close_output with no timeout waits for ever [R4], but a message the
    // peer starts meanwhile must still be finished in time; our Close is
    // out, so the connection ends without a second one.
    ServerConfig cfg = testConfig();
    cfg.messageTimeoutMs = 1000;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    RawPeer peer;
    QVERIFY(peer.open(port));
    const quint32 id = h.waitOpen();
    h.command([id](Engine *e) {
        e->closeConnections(EngineHarness::one(id), 1001, u"later"_s, CloseMode::CloseOutput, 0,
                            "\"c\"");
    });
    const std::optional<PeerFrame> ours = peer.nextFrame();
    QVERIFY(ours);
    QCOMPARE(ours->closeCode(), std::optional<quint16>(1001));
    QVERIFY(hold(peer, 300, "p"));
    QCOMPARE(peer.waitEnd(30000), RawPeer::End::Eof);
    QVERIFY(h.waitFor(EventType::Closed, id));
    QCOMPARE(h.all<events::CloseSent>(id).size(), 1);
    QCOMPARE(errorsNaming(h, id, u"--message-timeout"_s), 1);
    const auto error = h.all<events::Error>(id).value(0);
    QVERIFY2(error.message.contains(u"our Close is already out"_s), qPrintable(error.message));
    QCOMPARE(error.state, State::CloseSent);
    const auto closed = h.first<events::Closed>(id);
    QCOMPARE(closed.state, State::Aborted);
    QCOMPARE(closed.how, HowEnded::ProtocolError);
    QCOMPARE(h.find(EventType::MessageIn, id), -1);
}

QTEST_MAIN(tst_Unfinished)
#include "tst_unfinished.moc"
