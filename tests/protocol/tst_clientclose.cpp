// The close handshake seen from the client role, without a socket: scripts
// of what the server sends and what the operator does, post-close flags as
// in the server role, and whole close sequences (RFC 6455 §7.1.1: the
// server closes TCP first, so the client awaits it).

#include "clientharness.h"

using namespace closecall::protocol;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using Kind = SessionEvent::Kind;
using Upgrade = WsConnection::Upgrade;

class tst_ClientClose : public QObject
{
    Q_OBJECT

private slots:
    void scripts_data();
    void scripts();
    void postCloseFlagsAsServerRole_data();
    void postCloseFlagsAsServerRole();
    void closeSequences();
};

void tst_ClientClose::scripts_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<Upgrade>("upgrade");
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("trail");
    QTest::addColumn<Refusal>("lastRefusal");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("reasonContains");
    QTest::addColumn<int>("messagesIn");

    const auto row = [](const char *name, const QString &script, Upgrade upgrade, State state,
                        const QString &trail, Refusal refusal, const QString &action,
                        int status = 0, const QString &reason = {}, int messagesIn = 0) {
        QTest::newRow(name) << script << upgrade << state << trail << refusal << action << status
                            << reason << messagesIn;
    };
    const QString opened = u"Connecting>Open"_s;

    // The upgrade, from the client's side.
    row("incomplete 101 waits", u"half-101"_s, Upgrade::Pending, State::Connecting, {},
        Refusal::None, u"-"_s);
    row("101: Open", u"101"_s, Upgrade::Accepted, State::Open, opened, Refusal::None, u"-"_s);
    row("frames behind the 101 reach the session", u"101+text"_s, Upgrade::Accepted, State::Open,
        opened, Refusal::None, u"-"_s, 0, {}, 1);
    row("wrong accept: failed, we close", u"bad-accept"_s, Upgrade::Failed, State::Connecting, {},
        Refusal::None, u"CloseNow"_s, 101, u"Sec-WebSocket-Accept"_s);
    row("404: failed with status and body", u"404"_s, Upgrade::Failed, State::Connecting, {},
        Refusal::None, u"CloseNow"_s, 404, u"no chat"_s);
    row("404: pending until its body is in", u"404-head"_s, Upgrade::Pending, State::Connecting, {},
        Refusal::None, u"-"_s);
    row("404 body in two reads", u"404-head 404-rest"_s, Upgrade::Failed, State::Connecting, {},
        Refusal::None, u"CloseNow"_s, 404, u"no chat"_s);
    row("404 cut short by EOF keeps its status", u"404-head eof"_s, Upgrade::Failed,
        State::Connecting, {}, Refusal::None, u"None"_s, 404, u"404 Not Found"_s);
    row("server gone during the upgrade", u"half-101 reset"_s, Upgrade::Failed, State::Connecting,
        {}, Refusal::None, u"None"_s, 0, u"middle of its response"_s);
    row("the driver gives up (timeout)", u"half-101 give-up"_s, Upgrade::Failed, State::Connecting,
        {}, Refusal::None, u"CloseNow"_s);
    row("send before the 101", u"half-101 send"_s, Upgrade::Pending, State::Connecting, {},
        Refusal::NotInState, u"-"_s);
    row("send after a failed upgrade", u"bad-accept send"_s, Upgrade::Failed, State::Connecting, {},
        Refusal::NotUpgraded, u"CloseNow"_s, 101, u"Sec-WebSocket-Accept"_s);

    // The client closes first: Close, Close Output [R1][R3], timeout [R4], [R11].
    row("[R1] close answered: wait for the server's FIN", u"101 close peer-close"_s,
        Upgrade::Accepted, State::Closed, opened + u" Open>CloseSent CloseSent>Closed"_s,
        Refusal::None, u"AwaitPeerClose"_s);
    row("[R3] Close Output delivers data", u"101 close-output peer-text"_s, Upgrade::Accepted,
        State::CloseSent, opened + u" Open>CloseSent"_s, Refusal::None, u"-"_s, 0, {}, 1);
    row("[R11] second close refused", u"101 close close"_s, Upgrade::Accepted, State::CloseSent,
        opened + u" Open>CloseSent"_s, Refusal::CloseAlreadySent, u"-"_s);
    row("[R11] data after our Close refused", u"101 close-output send"_s, Upgrade::Accepted,
        State::CloseSent, opened + u" Open>CloseSent"_s, Refusal::NotInState, u"-"_s);
    row("[R4] close timeout aborts", u"101 close timeout"_s, Upgrade::Accepted, State::Aborted,
        opened + u" Open>CloseSent CloseSent>Aborted"_s, Refusal::None, u"Reset"_s);
    row("server closes TCP without answering our Close", u"101 close eof"_s, Upgrade::Accepted,
        State::Aborted, opened + u" Open>CloseSent CloseSent>Aborted"_s, Refusal::None, u"None"_s);

    // The server closes first [R5][R6].
    row("[R5] server's Close acknowledged at once", u"101 peer-close"_s, Upgrade::Accepted,
        State::Closed, opened + u" Open>CloseReceived CloseReceived>Closed"_s, Refusal::None,
        u"AwaitPeerClose"_s);
    row("[R6] manual acknowledge by close", u"101 manual peer-close close"_s, Upgrade::Accepted,
        State::Closed, opened + u" Open>CloseReceived CloseReceived>Closed"_s, Refusal::None,
        u"AwaitPeerClose"_s);
    row("[R6] data may still go out in CloseReceived", u"101 manual peer-close send"_s,
        Upgrade::Accepted, State::CloseReceived, opened + u" Open>CloseReceived"_s, Refusal::None,
        u"-"_s);
    row("[R6] never answering: the operator aborts", u"101 manual peer-close abort"_s,
        Upgrade::Accepted, State::Aborted, opened + u" Open>CloseReceived CloseReceived>Aborted"_s,
        Refusal::None, u"Reset"_s);
    row("server's FIN after the handshake changes nothing", u"101 peer-close eof"_s,
        Upgrade::Accepted, State::Closed, opened + u" Open>CloseReceived CloseReceived>Closed"_s,
        Refusal::None, u"AwaitPeerClose"_s);

    // Abort and transport loss [R8][R9].
    row("[R8] abort resets", u"101 abort"_s, Upgrade::Accepted, State::Aborted,
        opened + u" Open>Aborted"_s, Refusal::None, u"Reset"_s);
    row("[R9] EOF without a Close", u"101 eof"_s, Upgrade::Accepted, State::Aborted,
        opened + u" Open>Aborted"_s, Refusal::None, u"None"_s);
}

void tst_ClientClose::scripts()
{
    QFETCH(QString, script);
    QFETCH(Upgrade, upgrade);
    QFETCH(State, state);
    QFETCH(QString, trail);
    QFETCH(Refusal, lastRefusal);
    QFETCH(QString, action);
    QFETCH(int, httpStatus);
    QFETCH(QString, reasonContains);
    QFETCH(int, messagesIn);

    Run run;
    for (const QString &word : script.split(u' '))
        QVERIFY2(run.step(word), qPrintable(u"unknown step "_s + word));

    QCOMPARE(run.ws.role(), Role::Client);
    QCOMPARE(run.ws.upgrade(), upgrade);
    QCOMPARE(run.ws.state(), state);
    QCOMPARE(run.trail(), trail);
    QCOMPARE(run.lastRefusal.refusal, lastRefusal);
    if (run.lastRefusal)
        QVERIFY(!RefusalText::sentence(run.lastRefusal).isEmpty());
    QCOMPARE(actionName(run.ws.takeTransportAction()), action);
    QCOMPARE(actionName(run.ws.takeTransportAction()), u"-"_s); // carried out once
    QCOMPARE(run.ws.httpStatus(), httpStatus);
    if (reasonContains.isEmpty())
        QVERIFY2(run.ws.failureReason().isEmpty(), qPrintable(run.ws.failureReason()));
    else
        QVERIFY2(run.ws.failureReason().contains(reasonContains),
                 qPrintable(run.ws.failureReason()));
    QVERIFY2(run.output.startsWith("GET /chat?room=1 HTTP/1.1\r\n"),
             run.output.left(40).constData());
    // Every frame after the request is masked.
    const QByteArray frames = run.output.mid(run.output.indexOf("\r\n\r\n") + 4);
    for (const WireFrame &f : clientFrames(frames))
        QVERIFY(f.masked);
    QCOMPARE(run.recorder.count(Kind::MessageIn), messagesIn);
    QCOMPARE(run.ws.isConnecting(), upgrade == Upgrade::Pending || upgrade == Upgrade::Requested);
    QCOMPARE(run.recorder.count(Kind::Violation), 0);
}

void tst_ClientClose::postCloseFlagsAsServerRole_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("flag");
    QTest::newRow("Close discards") << CloseMode::Close << PostClose::Discarded;
    QTest::newRow("Close Output delivers") << CloseMode::CloseOutput << PostClose::Delivered;
}

void tst_ClientClose::postCloseFlagsAsServerRole()
{
    // The heart of the product, from the other side: data the server sends
    // after our Close is flagged exactly as a server-role session flags a
    // client's — same events, same flags, same end.
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, flag);

    const auto run = [mode](Role role) {
        auto *recorder = new SessionRecorder;
        Session session(role, *recorder);
        session.open();
        const auto frame = [role](Opcode op, QByteArrayView payload) {
            // What the peer of `role` sends: masked when the peer is a client.
            QByteArray out;
            framewriter::appendFrame(out, role == Role::Server ? Role::Client : Role::Server, op,
                                     payload, true, quint32(0x11223344));
            return out;
        };
        QByteArray before = frame(Opcode::Text, "before");
        session.receive(before);
        (void)session.close(1001, u"leaving", mode);
        QByteArray late = frame(Opcode::Text, "late 1") + frame(Opcode::Binary, "late 2") +
                          frame(Opcode::Close, buildClosePayload(1000, {}));
        session.receive(late);
        QList<std::pair<PostClose, QByteArray>> seen;
        for (const RecordedEvent &e : recorder->ofKind(Kind::MessageIn))
            seen.append({e.postClose, e.payload});
        const auto ended = recorder->ofKind(Kind::Ended);
        delete recorder;
        return std::tuple(seen, session.state(), ended.size(), session.initiator());
    };
    const auto [serverSeen, serverState, serverEnded, serverInitiator] = run(Role::Server);
    const auto [clientSeen, clientState, clientEnded, clientInitiator] = run(Role::Client);
    QCOMPARE(clientSeen, serverSeen);
    QCOMPARE(clientSeen.size(), 3);
    QCOMPARE(clientSeen[0].first, PostClose::None);
    QCOMPARE(clientSeen[1].first, flag);
    QCOMPARE(clientSeen[2].first, flag);
    QCOMPARE(clientState, State::Closed);
    QCOMPARE(clientState, serverState);
    QCOMPARE(clientEnded, serverEnded);
    // Whoever sent the first Close initiated: here, each role itself.
    QCOMPARE(serverInitiator, Initiator::Server);
    QCOMPARE(clientInitiator, Initiator::Client);
}

void tst_ClientClose::closeSequences()
{
    // The Ended event of each way a client-role session closes: how, who
    // initiated, the code shown, and the transport action it carries.
    struct Case
    {
        const char *script;
        HowEnded how;
        Initiator initiator;
        quint16 code;
        TransportAction transport;
    };
    const Case cases[] = {
        {"101 close peer-close", HowEnded::Handshake, Initiator::Client, 1001,
         TransportAction::AwaitPeerClose},
        {"101 peer-close", HowEnded::Handshake, Initiator::Server, 1001,
         TransportAction::AwaitPeerClose},
        {"101 manual peer-close close", HowEnded::Handshake, Initiator::Server, 1001,
         TransportAction::AwaitPeerClose},
        {"101 close timeout", HowEnded::Timeout, Initiator::Client, 1006, TransportAction::Reset},
        {"101 peer-masked", HowEnded::ProtocolError, Initiator::Client, 1006,
         TransportAction::CloseNow},
        {"101 reset", HowEnded::PeerReset, Initiator::None, 1006, TransportAction::None},
    };
    for (const Case &c : cases) {
        Run run;
        for (const QString &word : QString::fromLatin1(c.script).split(u' '))
            QVERIFY(run.step(word));
        const auto ended = run.recorder.ofKind(Kind::Ended);
        QVERIFY2(ended.size() == 1, c.script);
        QVERIFY2(ended[0].how == c.how, c.script);
        QVERIFY2(ended[0].initiator == c.initiator, c.script);
        QVERIFY2(ended[0].code == CloseCode(c.code), c.script);
        QVERIFY2(ended[0].transport == c.transport, c.script);
    }
    // The server's Close is echoed (code only, R5) in a masked frame.
    Run echo;
    QVERIFY(echo.step(u"101"_s));
    echo.output.clear();
    QVERIFY(echo.step(u"peer-close"_s));
    const auto frames = clientFrames(echo.output);
    QCOMPARE(frames.size(), 1);
    QVERIFY(frames[0].masked);
    const ReceivedClose rc = parseClosePayload(frames[0].payload);
    QCOMPARE(rc.code, CloseCode(1001));
    QCOMPARE(rc.reason, QString());
    const auto sent = echo.recorder.ofKind(Kind::CloseSent);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent[0].mode, CloseMode::Ack);
}

QTEST_GUILESS_MAIN(tst_ClientClose)
#include "tst_clientclose.moc"
