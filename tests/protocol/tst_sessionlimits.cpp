// What the session gives its driver for the limits on unfinished messages
// (docs/headless.md "Limits on unfinished messages"): heldBytes(), the bytes
// of messages not yet complete, and messagesReceived(), which changes when
// a message completes (the driver's budget and timer rest on both); and
// failConnection(), how a connection over a limit ends.

#include "sessionrecorder.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using Kind = SessionEvent::Kind;

namespace {

struct Fixture
{
    Fixture()
        : session(Role::Server, recorder)
    {
        session.open();
    }
    void feed(QByteArray bytes) { session.receive(bytes); }

    SessionRecorder recorder;
    Session session;
};

QByteArray fragment(Opcode op, qsizetype size, bool fin, char fill = 'x')
{
    return clientFrame(op, QByteArray(size, fill), fin);
}

} // namespace

class tst_SessionLimits : public QObject
{
    Q_OBJECT

private slots:
    void nothingHeldAtFirst();
    void fragmentsAreHeldUntilTheLast();
    void straddlingFrameIsHeld();
    void wholeFramesHoldNothing();
    void nextMessageInSameReadIsANewMessage();
    void controlFramesAreNotMessages();
    void messagesAfterOurCloseCount();
    void protocolErrorDropsWhatWasHeld();
    void failConnectionClosesAndDropsWhatWasHeld();
    void failConnectionAfterOurClose();
    void failConnectionAnswersPeerClose();
    void failConnectionKeepsTheCloseWhenTheReasonIsTooLong();
    void failConnectionDoesNothingOnceEnded();
};

void tst_SessionLimits::nothingHeldAtFirst()
{
    Fixture f;
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.messagesReceived(), quint64(0));
}

void tst_SessionLimits::fragmentsAreHeldUntilTheLast()
{
    Fixture f;
    f.feed(fragment(Opcode::Binary, 100, false));
    QCOMPARE(f.session.heldBytes(), 100);
    f.feed(fragment(Opcode::Continuation, 50, false));
    QCOMPARE(f.session.heldBytes(), 150);
    QCOMPARE(f.session.messagesReceived(), quint64(0));
    QCOMPARE(f.recorder.count(Kind::MessageIn), 0);
    f.feed(fragment(Opcode::Continuation, 10, true));
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.messagesReceived(), quint64(1));
    QCOMPARE(f.recorder.ofKind(Kind::MessageIn).value(0).payload.size(), 160);
}

void tst_SessionLimits::straddlingFrameIsHeld()
{
    // One unfragmented frame arriving over several reads is an unfinished
    // message too: a peer can claim 16 MiB and stop half-way.
    Fixture f;
    const QByteArray frame = fragment(Opcode::Text, 1000, true, 'a');
    const qsizetype header = frame.size() - 1000;
    f.feed(frame.first(header + 300));
    QCOMPARE(f.session.heldBytes(), 300);
    QCOMPARE(f.session.messagesReceived(), quint64(0));
    f.feed(frame.sliced(header + 300));
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.messagesReceived(), quint64(1));
}

void tst_SessionLimits::wholeFramesHoldNothing()
{
    Fixture f;
    f.feed(clientText(u"one"_s) + clientText(u"two"_s) + fragment(Opcode::Binary, 5, true));
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.messagesReceived(), quint64(3));
}

void tst_SessionLimits::nextMessageInSameReadIsANewMessage()
{
    // The end of one message and the start of the next in one read: bytes
    // are held before and after, and only the count shows that the message
    // held is another one (a pipelined stream never holds zero).
    Fixture f;
    f.feed(fragment(Opcode::Binary, 200, false));
    QCOMPARE(f.session.heldBytes(), 200);
    const quint64 before = f.session.messagesReceived();
    f.feed(fragment(Opcode::Continuation, 10, true) + fragment(Opcode::Binary, 300, false));
    QCOMPARE(f.session.heldBytes(), 300);
    QCOMPARE(f.session.messagesReceived(), before + 1);
}

void tst_SessionLimits::controlFramesAreNotMessages()
{
    Fixture f;
    f.feed(fragment(Opcode::Text, 20, false, 'a'));
    f.feed(clientFrame(Opcode::Ping, "p") + clientFrame(Opcode::Pong, "q"));
    QCOMPARE(f.recorder.count(Kind::PingIn), 1);
    QCOMPARE(f.session.messagesReceived(), quint64(0));
    QCOMPARE(f.session.heldBytes(), 20);
}

void tst_SessionLimits::messagesAfterOurCloseCount()
{
    // A message completed after our Close is discarded [R2], but it is no
    // longer held: the count moves and the bytes are gone.
    Fixture f;
    f.feed(fragment(Opcode::Binary, 40, false));
    QCOMPARE(f.session.close(1001, u"bye"), Refused());
    QCOMPARE(f.session.heldBytes(), 40);
    f.feed(fragment(Opcode::Continuation, 2, true));
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.messagesReceived(), quint64(1));
    QCOMPARE(f.recorder.ofKind(Kind::MessageIn).value(0).postClose, PostClose::Discarded);
}

void tst_SessionLimits::protocolErrorDropsWhatWasHeld()
{
    Fixture f;
    f.feed(fragment(Opcode::Binary, 500, false));
    QCOMPARE(f.session.heldBytes(), 500);
    // A new data frame inside a fragmented message: 1002, buffers dropped.
    f.feed(fragment(Opcode::Text, 3, true, 'a'));
    QCOMPARE(f.recorder.count(Kind::ProtocolError), 1);
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.messagesReceived(), quint64(0));
}

void tst_SessionLimits::failConnectionClosesAndDropsWhatWasHeld()
{
    Fixture f;
    f.feed(fragment(Opcode::Binary, 700, false));
    f.recorder.events.clear();
    f.session.failConnection(1009, u"too much held");
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.state(), State::Aborted);
    const QList<WrittenFrame> out = framesWritten(f.session.output());
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].opcode, Opcode::Close);
    QCOMPARE(out[0].payload, buildClosePayload(1009, u"too much held"));
    const RecordedEvent sent = f.recorder.ofKind(Kind::CloseSent).value(0);
    QCOMPARE(sent.code, CloseCode(1009));
    QCOMPARE(sent.text, u"too much held"_s);
    QCOMPARE(sent.mode, CloseMode::ProtocolError);
    QCOMPARE(sent.state, State::Open);
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.how, HowEnded::ProtocolError);
    QCOMPARE(ended.transport, TransportAction::CloseNow);
    QCOMPARE(ended.initiator, Initiator::Server);
    // The driver, not the session, says why: no protocol error is reported.
    QCOMPARE(f.recorder.count(Kind::ProtocolError), 0);
    QCOMPARE(f.session.takeTransportAction(), std::optional(TransportAction::CloseNow));
    // Nothing more is read: the rest of the message never completes.
    f.feed(fragment(Opcode::Continuation, 5, true));
    QCOMPARE(f.recorder.count(Kind::MessageIn), 0);
    QCOMPARE(f.session.heldBytes(), 0);
}

void tst_SessionLimits::failConnectionAfterOurClose()
{
    // Our Close is already out: no second one (RFC 6455 §5.5.1: one Close each way).
    Fixture f;
    QCOMPARE(f.session.close(1001, u"bye"), Refused());
    f.feed(fragment(Opcode::Text, 30, false, 'a'));
    f.session.output().clear();
    f.session.failConnection(1008, u"late");
    QCOMPARE(f.session.state(), State::Aborted);
    QVERIFY(f.session.output().isEmpty());
    QCOMPARE(f.recorder.count(Kind::CloseSent), 1);
    QCOMPARE(f.session.heldBytes(), 0);
    QCOMPARE(f.session.takeTransportAction(), std::optional(TransportAction::CloseNow));
}

void tst_SessionLimits::failConnectionAnswersPeerClose()
{
    // Manual acknowledge: the peer's Close waits (CloseReceived) while a
    // message it started is held; our Close answers it.
    SessionOptions options;
    options.autoAcknowledge = false;
    SessionRecorder recorder;
    Session session(Role::Server, recorder, options);
    session.open();
    QByteArray bytes = fragment(Opcode::Binary, 10, false) + clientClose(1000);
    session.receive(bytes);
    QCOMPARE(session.state(), State::CloseReceived);
    session.failConnection(1008, u"late");
    QCOMPARE(session.state(), State::Aborted);
    QCOMPARE(framesWritten(session.output()).value(0).payload, buildClosePayload(1008, u"late"));
}

void tst_SessionLimits::failConnectionKeepsTheCloseWhenTheReasonIsTooLong()
{
    Fixture f;
    f.session.failConnection(1009, QString(200, u'x'));
    const QList<WrittenFrame> out = framesWritten(f.session.output());
    QCOMPARE(out.value(0).opcode, Opcode::Close);
    QCOMPARE(out.value(0).payload, buildClosePayload(1009, u""));
}

void tst_SessionLimits::failConnectionDoesNothingOnceEnded()
{
    Fixture f;
    QCOMPARE(f.session.abort(), Refused());
    f.recorder.events.clear();
    f.session.failConnection(1009, u"x");
    QVERIFY(f.recorder.events.isEmpty());
    QVERIFY(f.session.output().isEmpty());

    SessionRecorder recorder;
    Session connecting(Role::Server, recorder);
    connecting.failConnection(1009, u"x");
    QCOMPARE(connecting.state(), State::Connecting);
    QVERIFY(recorder.events.isEmpty());
}

QTEST_APPLESS_MAIN(tst_SessionLimits)
#include "tst_sessionlimits.moc"
