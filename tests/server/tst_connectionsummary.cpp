// ConnectionSummary::apply, the one fold behind the engine's `list` and the
// GUI's connections table: counters, close columns, post-close counts and
// who initiated, from events alone (no sockets needed).
#include "server/connectionsummary.h"

#include <QtTest/QtTest>

using namespace closecall;
using namespace Qt::StringLiterals;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::PostClose;
using protocol::State;
using server::ConnectionSummary;
using server::Event;
namespace events = server::events;

namespace {

constexpr quint32 Conn = 5;

// Stamped at `tUs` (wall clock one second later, so 0 never means "unset").
Event at(qint64 tUs, Event e)
{
    e.tUs = tUs;
    e.wallUs = 1'000'000 + tUs;
    return e;
}

template<typename Kind> Event payload(State state, qint64 size, PostClose pc = PostClose::None)
{
    Kind p;
    p.size = size;
    p.postClose = pc;
    return Event(std::move(p), Conn, state);
}

ConnectionSummary fold(const QList<Event> &events)
{
    ConnectionSummary s;
    for (const Event &e : events)
        s.apply(e);
    return s;
}

Event openEvent()
{
    return Event(events::Open{u"127.0.0.1:4000"_s, u"/chat"_s, u"a=1"_s, u"chat.v1"_s}, Conn,
                 State::Open);
}

} // namespace

class tst_ConnectionSummary : public QObject
{
    Q_OBJECT

private slots:
    void openFillsTheRequest();
    void countsMessagesAndPings();
    void serverInitiatedClose();
    void clientInitiatedClose();
    void outgoingRowsNameTheRoles();
    void closedConfirmsAndOverrides();
    void errorsAndLastActivity();
    void stateFollowsEvents();
};

void tst_ConnectionSummary::openFillsTheRequest()
{
    const ConnectionSummary s = fold({at(10, openEvent())});
    QCOMPARE(s.id, Conn);
    QCOMPARE(s.state, State::Open);
    QCOMPARE(s.remote, u"127.0.0.1:4000"_s);
    QCOMPARE(s.path, u"/chat"_s);
    QCOMPARE(s.query, u"a=1"_s);
    QCOMPARE(s.subprotocol, u"chat.v1"_s);
    QCOMPARE(s.openedTUs, 10);
    QCOMPARE(s.openedWallUs, 1'000'010);
    QVERIFY(!s.isEnded());
}

void tst_ConnectionSummary::countsMessagesAndPings()
{
    const ConnectionSummary s = fold({
        at(1, openEvent()),
        at(2, payload<events::MessageIn>(State::Open, 5)),
        at(3, payload<events::MessageIn>(State::Open, 7)),
        at(4, payload<events::MessageOut>(State::Open, 100)),
        at(5, payload<events::PingIn>(State::Open, 2)),
        at(6, payload<events::PingOut>(State::Open, 0)),
        at(7, payload<events::PingOut>(State::Open, 0)),
        at(8, payload<events::PongIn>(State::Open, 0)),
        at(9, payload<events::PongOut>(State::Open, 2)),
    });
    QCOMPARE(s.msgsIn, 2u);
    QCOMPARE(s.bytesIn, 12u);
    QCOMPARE(s.msgsOut, 1u);
    QCOMPARE(s.bytesOut, 100u); // pings and pongs are not data
    QCOMPARE(s.pingsIn, 1u);
    QCOMPARE(s.pingsOut, 2u);
    QCOMPARE(s.postCloseCount(), 0u);
}

void tst_ConnectionSummary::outgoingRowsNameTheRoles()
{
    // On a connection CloseCall opened it is the client: our Close first is
    // the client's, the server's Close first is the server's, while live.
    events::Open open{u"127.0.0.1:9001"_s, u"/chat"_s};
    open.outgoing = true;
    open.url = u"ws://127.0.0.1:9001/chat"_s;
    const Event outOpen(open, Conn, State::Open);
    const ConnectionSummary ours = fold({
        at(1, outOpen),
        at(2, Event(events::CloseSent{1000, CloseMode::Close, {}}, Conn, State::Open)),
    });
    QCOMPARE(ours.initiatedBy, Initiator::Client);
    const ConnectionSummary theirs = fold({
        at(1, outOpen),
        at(2, Event(events::CloseReceived{4001, u"bye"_s}, Conn, State::Open)),
        at(3, Event(events::CloseSent{4001, CloseMode::Close, {}}, Conn, State::CloseReceived)),
    });
    QCOMPARE(theirs.initiatedBy, Initiator::Server);
}

void tst_ConnectionSummary::serverInitiatedClose()
{
    const ConnectionSummary s = fold({
        at(1, openEvent()),
        at(100,
           Event(events::CloseSent{1001, CloseMode::CloseOutput, u"deploy"_s}, Conn, State::Open)),
        at(101, Event(events::StateChange{State::Open, State::CloseSent}, Conn, State::Open)),
        at(150, payload<events::MessageIn>(State::CloseSent, 3, PostClose::Delivered)),
        at(160, payload<events::MessageIn>(State::CloseSent, 4, PostClose::Delivered)),
        at(170, payload<events::MessageIn>(State::CloseSent, 5, PostClose::Discarded)),
        at(400, Event(events::CloseReceived{1000, u"bye"_s}, Conn, State::CloseSent)),
    });
    QVERIFY(s.closeSent);
    QCOMPARE(s.sentCode, protocol::CloseCode(1001));
    QCOMPARE(s.sentReason, u"deploy"_s);
    QCOMPARE(s.sentMode, CloseMode::CloseOutput);
    QCOMPARE(s.closeSentTUs, 100);
    QVERIFY(s.closeReceived);
    QCOMPARE(s.receivedCode, protocol::CloseCode(1000));
    QCOMPARE(s.receivedReason, u"bye"_s);
    QCOMPARE(s.closeReceivedTUs, 400);
    QCOMPARE(s.initiatedBy, Initiator::Server); // ours went first
    QCOMPARE(s.closeHandshakeUs, 300);          // [R16] ours to theirs
    QCOMPARE(s.postCloseDelivered, 2u);
    QCOMPARE(s.postCloseDiscarded, 1u);
    QCOMPARE(s.postCloseCount(), 3u);
    QCOMPARE(s.msgsIn, 3u);
}

void tst_ConnectionSummary::clientInitiatedClose()
{
    const ConnectionSummary s = fold({
        at(1, openEvent()),
        at(50, Event(events::CloseReceived{4000, {}}, Conn, State::Open)),
        at(60, Event(events::CloseSent{4000, CloseMode::Ack, {}}, Conn, State::CloseReceived)),
    });
    QCOMPARE(s.initiatedBy, Initiator::Client);
    QCOMPARE(s.closeHandshakeUs, -1); // only measured when ours went first
}

void tst_ConnectionSummary::closedConfirmsAndOverrides()
{
    ConnectionSummary s = fold({
        at(1, openEvent()),
        at(100, Event(events::CloseSent{1000, CloseMode::Close, {}}, Conn, State::Open)),
        at(300, Event(events::CloseReceived{1000, {}}, Conn, State::CloseSent)),
    });
    QCOMPARE(s.closeHandshakeUs, 200);
    s.apply(at(
        310, Event(events::Closed{1000, HowEnded::PeerEof, true, Initiator::Server, 150, u"done"_s},
                   Conn, State::Closed)));
    QVERIFY(s.isEnded());
    QCOMPARE(s.state, State::Closed);
    QCOMPARE(s.endedTUs, 310);
    QCOMPARE(s.how, HowEnded::PeerEof);
    QCOMPARE(s.finalCode, protocol::CloseCode(1000));
    QCOMPARE(s.finalReason, u"done"_s);
    QVERIFY(s.tcpClosedByClient);
    QCOMPARE(s.closeHandshakeUs, 150); // the engine's own figure wins
    QCOMPARE(s.initiatedBy, Initiator::Server);

    // A `closed` that names no initiator keeps what the Close frames said.
    ConnectionSummary aborted = fold({
        at(1, openEvent()),
        at(5, Event(events::CloseReceived{1001, {}}, Conn, State::Open)),
        at(9, Event(events::Closed{std::nullopt, HowEnded::Abort, false, Initiator::None, -1, {}},
                    Conn, State::Aborted)),
    });
    QCOMPARE(aborted.initiatedBy, Initiator::Client);
    QCOMPARE(aborted.state, State::Aborted);
    QCOMPARE(aborted.closeHandshakeUs, -1);
}

void tst_ConnectionSummary::errorsAndLastActivity()
{
    const ConnectionSummary s = fold({
        at(1, openEvent()),
        at(20, Event(events::Error{u"first"_s}, Conn, State::Open)),
        at(30, Event(events::Error{u"second"_s}, Conn, State::Open)),
    });
    QCOMPARE(s.errors, 2u);
    QCOMPARE(s.lastError, u"second"_s);
    QCOMPARE(s.lastActivityTUs, 30);
    QCOMPARE(s.lastActivityWallUs, 1'000'030);
}

void tst_ConnectionSummary::stateFollowsEvents()
{
    ConnectionSummary s;
    s.apply(
        at(1, Event(events::StateChange{State::Connecting, State::Open}, Conn, State::Connecting)));
    QCOMPARE(s.state, State::Open); // a `state` event names the new one in `to`
    s.apply(at(2, Event(events::CloseReceived{1000, {}}, Conn, State::Open)));
    s.apply(
        at(3, Event(events::StateChange{State::Open, State::CloseReceived}, Conn, State::Open)));
    QCOMPARE(s.state, State::CloseReceived);
    QVERIFY(!s.isEnded());
}

QTEST_GUILESS_MAIN(tst_ConnectionSummary)
#include "tst_connectionsummary.moc"
