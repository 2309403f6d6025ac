// The sans-I/O connection (handshake + session + state table) without a
// socket: scripts of what the peer sends and what the operator does, each
// row with the state, the transitions and the refusal it must end with; and
// the two tables themselves, checked against an independent copy.

#include "sessionrecorder.h"

#include "protocol/handshake.h"
#include "protocol/statetable.h"
#include "protocol/wsconnection.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace closecall::test;
using Kind = SessionEvent::Kind;
using Upgrade = WsConnection::Upgrade;

Q_DECLARE_METATYPE(closecall::protocol::State)
Q_DECLARE_METATYPE(closecall::protocol::Operation)
Q_DECLARE_METATYPE(closecall::protocol::Refusal)
Q_DECLARE_METATYPE(closecall::protocol::WsConnection::Upgrade)

namespace {

const State AllStates[] = {State::Connecting,    State::Open,   State::CloseSent,
                           State::CloseReceived, State::Closed, State::Aborted};

QByteArray upgradeRequest()
{
    ClientHandshakeOptions options;
    options.host = u"127.0.0.1:9001"_qs;
    options.target = u"/chat?room=1"_qs;
    options.key = "dGhlIHNhbXBsZSBub25jZQ==";
    return ClientHandshake(options).request();
}

// Runs one script: each word is what the peer sends or what the operator
// (or a timer) does. Collects the state changes, the last refusal and the
// bytes left unread.
struct Run
{
    SessionRecorder recorder;
    WsConnection ws{recorder, ServerHandshakeConfig{}};
    Refused lastRefusal;
    qsizetype unread = 0;
    QByteArray output;

    void feed(QByteArray bytes) { unread += ws.receive(bytes.data(), bytes.size()); }
    void keep(const Refused &why) { lastRefusal = why; }

    bool step(const QString &word)
    {
        if (word == u"request") {
            feed(upgradeRequest());
        } else if (word == u"half-request") {
            feed(upgradeRequest().first(20));
        } else if (word == u"request+frame") {
            feed(upgradeRequest() + clientText(u"early"_qs));
        } else if (word == u"bad-request") {
            feed("GET / HTTP/1.0\r\nHost: x\r\n\r\n");
        } else if (word == u"accept") {
            unread += ws.accept();
        } else if (word == u"refuse503") {
            ws.refuse(503, u"busy"_qs);
        } else if (word == u"eof") {
            ws.transportClosed(false);
        } else if (word == u"reset") {
            ws.transportClosed(true);
        } else if (word == u"manual") {
            ws.setAutoAcknowledge(false);
        } else if (word == u"peer-text") {
            feed(clientText(u"hello"_qs));
        } else if (word == u"peer-close") {
            feed(clientClose(1000));
        } else if (word == u"peer-close-and-more") {
            feed(clientClose(1000) + clientText(u"late"_qs));
        } else if (word == u"peer-unmasked") {
            QByteArray frame;
            framewriter::appendFrame(frame, Role::Server, Opcode::Text, "x");
            feed(frame);
        } else if (word == u"close") {
            keep(ws.close(1000, u"bye", CloseMode::Close));
        } else if (word == u"close-output") {
            keep(ws.close(1000, u"bye", CloseMode::CloseOutput));
        } else if (word == u"close-1006") {
            keep(ws.close(1006, u"", CloseMode::Close));
        } else if (word == u"send") {
            keep(ws.sendMessage(MessageType::Text, "hi"));
        } else if (word == u"ping") {
            keep(ws.ping("p"));
        } else if (word == u"ping-big") {
            keep(ws.ping(QByteArray(126, 'p')));
        } else if (word == u"abort") {
            keep(ws.abort());
        } else if (word == u"timeout") {
            keep(ws.abort(HowEnded::Timeout));
        } else {
            return false;
        }
        output += ws.output();
        ws.output().clear();
        return true;
    }

    QString trail() const
    {
        QStringList out;
        for (const RecordedEvent &e : recorder.ofKind(Kind::StateChanged))
            out.append(QString(stateName(e.state)) + u'>' + stateName(e.to));
        return out.join(u' ');
    }
};

} // namespace

class tst_WsConnection : public QObject
{
    Q_OBJECT

private slots:
    void transitionTable_data();
    void transitionTable();
    void operationTable_data();
    void operationTable();
    void scripts_data();
    void scripts();
    void unmasksInPlace();
    void requestKeptForTheOpenEvent();
};

void tst_WsConnection::transitionTable_data()
{
    QTest::addColumn<State>("from");
    QTest::addColumn<State>("to");
    QTest::addColumn<bool>("legal");
    // docs/close-semantics.md "States", written out again here on purpose:
    // the table in statetable.cpp must agree with this independent copy.
    const auto legal = [](State from, State to) {
        switch (from) {
        case State::Connecting:
            return to == State::Open || to == State::Aborted;
        case State::Open:
            return to == State::CloseSent || to == State::CloseReceived || to == State::Aborted;
        case State::CloseSent:
        case State::CloseReceived:
            return to == State::Closed || to == State::Aborted;
        case State::Closed:
        case State::Aborted:
            return false;
        }
        return false;
    };
    for (State from : AllStates) {
        for (State to : AllStates) {
            QTest::addRow("%s>%s", stateName(from).data(), stateName(to).data())
                << from << to << legal(from, to);
        }
    }
}

void tst_WsConnection::transitionTable()
{
    QFETCH(State, from);
    QFETCH(State, to);
    QFETCH(bool, legal);
    QCOMPARE(isLegalTransition(from, to), legal);

    // Enforced, not only asserted: an illegal move is refused, says which,
    // and leaves the state as it was.
    StateMachine machine(from);
    const Refused why = machine.moveTo(to);
    if (legal) {
        QCOMPARE(why, Refused());
        QCOMPARE(machine.state(), to);
    } else {
        QCOMPARE(why.refusal, Refusal::IllegalTransition);
        QCOMPARE(why.state, from);
        QCOMPARE(why.to, to);
        QCOMPARE(machine.state(), from);
        QVERIFY(RefusalText::sentence(why).contains(QString(stateName(to))));
    }
}

void tst_WsConnection::operationTable_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<State>("state");
    QTest::addColumn<Refusal>("refusal");
    const Operation ops[] = {Operation::Send, Operation::Ping, Operation::Close, Operation::Abort};
    const char *opNames[] = {"send", "ping", "close", "abort"};
    for (int i = 0; i < 4; ++i) {
        for (State s : AllStates) {
            Refusal expected = Refusal::None;
            const bool ended = s == State::Closed || s == State::Aborted;
            if (ops[i] == Operation::Abort)
                expected = ended ? Refusal::NotInState : Refusal::None;
            else if (ops[i] == Operation::Close && s == State::CloseSent)
                expected = Refusal::CloseAlreadySent; // [R11]
            else if (s != State::Open && s != State::CloseReceived)
                expected = Refusal::NotInState;
            QTest::addRow("%s in %s", opNames[i], stateName(s).data()) << ops[i] << s << expected;
        }
    }
}

void tst_WsConnection::operationTable()
{
    QFETCH(Operation, op);
    QFETCH(State, state);
    QFETCH(Refusal, refusal);
    const Refused why = refusalFor(op, state);
    QCOMPARE(why.refusal, refusal);
    QCOMPARE(isAllowed(op, state), refusal == Refusal::None);
    if (why) {
        QCOMPARE(why.state, state);
        QCOMPARE(why.operation, op);
        QVERIFY(!RefusalText::sentence(why).isEmpty());
    }
}

void tst_WsConnection::scripts_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<Upgrade>("upgrade");
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("trail");
    QTest::addColumn<Refusal>("lastRefusal");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("outputStart");
    QTest::addColumn<int>("messagesIn");
    QTest::addColumn<bool>("unread");

    const auto row = [](const char *name, const QString &script, Upgrade upgrade, State state,
                        const QString &trail, Refusal refusal, const QString &action,
                        int status = 0, const QByteArray &outputStart = {}, int messagesIn = 0,
                        bool unread = false) {
        QTest::newRow(name) << script << upgrade << state << trail << refusal << action << status
                            << outputStart << messagesIn << unread;
    };
    const QString opened = u"Connecting>Open"_qs;

    // The upgrade.
    row("incomplete request waits", u"half-request"_qs, Upgrade::Pending, State::Connecting, {},
        Refusal::None, u"-"_qs);
    row("complete request awaits the verdict", u"request"_qs, Upgrade::Requested, State::Connecting,
        {}, Refusal::None, u"-"_qs);
    row("accepted: 101 and Open", u"request accept"_qs, Upgrade::Accepted, State::Open, opened,
        Refusal::None, u"-"_qs, 0, "HTTP/1.1 101 ");
    row("bad request: the handshake's error response", u"bad-request"_qs, Upgrade::Failed,
        State::Connecting, {}, Refusal::None, u"CloseNow"_qs, 505, "HTTP/1.1 505 ");
    row("refused at the limit: 503", u"request refuse503"_qs, Upgrade::Failed, State::Connecting,
        {}, Refusal::None, u"CloseNow"_qs, 503, "HTTP/1.1 503 ");
    row("peer gone during the upgrade: no state change", u"half-request eof"_qs, Upgrade::Failed,
        State::Connecting, {}, Refusal::None, u"None"_qs);
    row("accept after a failure does nothing", u"half-request reset accept"_qs, Upgrade::Failed,
        State::Connecting, {}, Refusal::None, u"None"_qs);
    row("frames behind the request reach the session", u"request+frame accept"_qs,
        Upgrade::Accepted, State::Open, opened, Refusal::None, u"-"_qs, 0, "HTTP/1.1 101 ", 1);

    // Nothing may be started before the 101, nor after a failed upgrade.
    row("close while Connecting", u"request close"_qs, Upgrade::Requested, State::Connecting, {},
        Refusal::NotInState, u"-"_qs);
    row("abort while Connecting", u"half-request abort"_qs, Upgrade::Pending, State::Connecting, {},
        Refusal::NotInState, u"-"_qs);
    row("send after a failed upgrade", u"bad-request send"_qs, Upgrade::Failed, State::Connecting,
        {}, Refusal::NotUpgraded, u"CloseNow"_qs, 505, "HTTP/1.1 505 ");

    // Close [R1], Close Output, timeouts [R4], refusals after our Close [R11].
    row("[R1] close answered", u"request accept close peer-close"_qs, Upgrade::Accepted,
        State::Closed, opened + u" Open>CloseSent CloseSent>Closed"_qs, Refusal::None,
        u"CloseNow"_qs, 0, "HTTP/1.1 101 ");
    row("[R11] second close refused", u"request accept close close"_qs, Upgrade::Accepted,
        State::CloseSent, opened + u" Open>CloseSent"_qs, Refusal::CloseAlreadySent, u"-"_qs);
    row("[R11] data after our Close refused", u"request accept close-output send"_qs,
        Upgrade::Accepted, State::CloseSent, opened + u" Open>CloseSent"_qs, Refusal::NotInState,
        u"-"_qs);
    row("[R3] Close Output delivers data", u"request accept close-output peer-text"_qs,
        Upgrade::Accepted, State::CloseSent, opened + u" Open>CloseSent"_qs, Refusal::None, u"-"_qs,
        0, {}, 1);
    row("[R4] close timeout aborts", u"request accept close timeout"_qs, Upgrade::Accepted,
        State::Aborted, opened + u" Open>CloseSent CloseSent>Aborted"_qs, Refusal::None,
        u"Reset"_qs);
    row("[R10] 1006 refused", u"request accept close-1006"_qs, Upgrade::Accepted, State::Open,
        opened, Refusal::CodeNotSendable, u"-"_qs);
    row("ping over 125 bytes refused", u"request accept ping-big"_qs, Upgrade::Accepted,
        State::Open, opened, Refusal::PingTooLarge, u"-"_qs);

    // The peer closes first [R5][R6].
    row("[R5] peer's Close acknowledged at once", u"request accept peer-close"_qs,
        Upgrade::Accepted, State::Closed, opened + u" Open>CloseReceived CloseReceived>Closed"_qs,
        Refusal::None, u"CloseNow"_qs);
    row("[R6] manual acknowledge by close", u"request accept manual peer-close close"_qs,
        Upgrade::Accepted, State::Closed, opened + u" Open>CloseReceived CloseReceived>Closed"_qs,
        Refusal::None, u"CloseNow"_qs);
    row("[R6] data may still go out in CloseReceived", u"request accept manual peer-close send"_qs,
        Upgrade::Accepted, State::CloseReceived, opened + u" Open>CloseReceived"_qs, Refusal::None,
        u"-"_qs);
    row("bytes behind the peer's Close are left unread", u"request accept peer-close-and-more"_qs,
        Upgrade::Accepted, State::Closed, opened + u" Open>CloseReceived CloseReceived>Closed"_qs,
        Refusal::None, u"CloseNow"_qs, 0, {}, 0, true);

    // Abort, transport loss, protocol errors [R8][R9].
    row("[R8] abort resets", u"request accept abort"_qs, Upgrade::Accepted, State::Aborted,
        opened + u" Open>Aborted"_qs, Refusal::None, u"Reset"_qs);
    row("abort refused once ended", u"request accept abort abort"_qs, Upgrade::Accepted,
        State::Aborted, opened + u" Open>Aborted"_qs, Refusal::NotInState, u"Reset"_qs);
    row("[R9] EOF without a Close", u"request accept eof"_qs, Upgrade::Accepted, State::Aborted,
        opened + u" Open>Aborted"_qs, Refusal::None, u"None"_qs);
    row("[R9] reset without a Close", u"request accept reset"_qs, Upgrade::Accepted, State::Aborted,
        opened + u" Open>Aborted"_qs, Refusal::None, u"None"_qs);
    row("unmasked client frame: protocol error, the frame left unread",
        u"request accept peer-unmasked"_qs, Upgrade::Accepted, State::Aborted,
        opened + u" Open>Aborted"_qs, Refusal::None, u"CloseNow"_qs, 0, {}, 0, true);
}

void tst_WsConnection::scripts()
{
    QFETCH(QString, script);
    QFETCH(Upgrade, upgrade);
    QFETCH(State, state);
    QFETCH(QString, trail);
    QFETCH(Refusal, lastRefusal);
    QFETCH(QString, action);
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, outputStart);
    QFETCH(int, messagesIn);
    QFETCH(bool, unread);

    Run run;
    for (const QString &word : script.split(u' '))
        QVERIFY2(run.step(word), qPrintable(u"unknown step "_qs + word));

    QCOMPARE(run.ws.upgrade(), upgrade);
    QCOMPARE(run.ws.state(), state);
    QCOMPARE(run.trail(), trail);
    QCOMPARE(run.lastRefusal.refusal, lastRefusal);
    if (run.lastRefusal)
        QVERIFY(!RefusalText::sentence(run.lastRefusal).isEmpty());
    QCOMPARE(actionName(run.ws.takeTransportAction()), action);
    QCOMPARE(actionName(run.ws.takeTransportAction()), u"-"_qs); // carried out once
    QCOMPARE(run.ws.httpStatus(), httpStatus);
    // The handshake says why it refused a request; refuse()'s caller has its own words.
    QCOMPARE(!run.ws.failureReason().isEmpty(), script.startsWith(u"bad-request"));
    QVERIFY2(run.output.startsWith(outputStart), run.output.left(40).constData());
    QCOMPARE(run.recorder.count(Kind::MessageIn), messagesIn);
    QCOMPARE(run.unread > 0, unread);
    // The state an operator sees and the state the events report agree.
    QCOMPARE(run.ws.isConnecting(), upgrade == Upgrade::Pending || upgrade == Upgrade::Requested);
    QCOMPARE(run.recorder.count(Kind::Violation), 0); // no illegal transition was attempted
}

void tst_WsConnection::unmasksInPlace()
{
    // Zero copy: the frame is unmasked where it lies in the caller's buffer,
    // and the payload the sink sees points into that buffer.
    QByteArray frame = clientText(u"in place"_qs);
    const char *begin = frame.constData();
    const char *end = begin + frame.size();

    struct Sink final : SessionSink
    {
        const char *seen = nullptr;
        QByteArray payload;
        void onSessionEvent(const SessionEvent &e) override
        {
            if (e.kind == Kind::MessageIn) {
                seen = e.payload.data();
                payload = e.payload.toByteArray();
            }
        }
    } sink;
    WsConnection ws(sink, ServerHandshakeConfig{});
    QByteArray request = upgradeRequest();
    ws.receive(request.data(), request.size());
    ws.accept();
    QCOMPARE(ws.receive(frame.data(), frame.size()), 0);
    QCOMPARE(sink.payload, QByteArray("in place"));
    QVERIFY(sink.seen >= begin && sink.seen < end);
    QVERIFY(frame.endsWith("in place"));
}

void tst_WsConnection::requestKeptForTheOpenEvent()
{
    // The driver publishes its open event when Connecting → Open is
    // reported: the request must still be there then, and gone after.
    struct Sink final : SessionSink
    {
        WsConnection *ws = nullptr;
        QString pathAtOpen;
        void onSessionEvent(const SessionEvent &e) override
        {
            if (e.kind == Kind::StateChanged && e.to == State::Open)
                pathAtOpen = ws->request().path;
        }
    } sink;
    WsConnection ws(sink, ServerHandshakeConfig{});
    sink.ws = &ws;
    QByteArray request = upgradeRequest();
    ws.receive(request.data(), request.size());
    QCOMPARE(ws.upgrade(), Upgrade::Requested);
    QCOMPARE(ws.request().query, u"room=1"_qs);
    ws.accept();
    QCOMPARE(sink.pathAtOpen, u"/chat"_qs);
    QVERIFY(ws.request().path.isEmpty()); // the handshake's memory is given back
}

QTEST_GUILESS_MAIN(tst_WsConnection)
#include "tst_wsconnection.moc"
