// The session state machine against docs/close-semantics.md. Each row that
// checks a rule names it ([R1] ... [R16]).

#include "sessionrecorder.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

#include <memory>

using namespace closecall::protocol;
using namespace closecall::test;
using Kind = SessionEvent::Kind;

Q_DECLARE_METATYPE(closecall::protocol::CloseCode)
Q_DECLARE_METATYPE(closecall::protocol::CloseMode)
Q_DECLARE_METATYPE(closecall::protocol::PostClose)

namespace {

// A server-role session already Open, with its recorder.
struct Fixture
{
    explicit Fixture(SessionOptions options = {}, Role role = Role::Server)
        : session(role, recorder, options)
    {
        session.open();
        recorder.events.clear();
    }
    void feed(QByteArray bytes) { session.receive(bytes); }
    QList<WrittenFrame> takeWritten()
    {
        QList<WrittenFrame> frames = framesWritten(session.output());
        session.output().clear();
        return frames;
    }

    SessionRecorder recorder;
    Session session;
};

quint16 closeCodeOf(const WrittenFrame &f)
{
    if (f.payload.size() < 2)
        return 0;
    return quint16((quint8(f.payload[0]) << 8) | quint8(f.payload[1]));
}

} // namespace

class tst_Session : public QObject
{
    Q_OBJECT

private slots:
    void closeWaitsForPeerClose();
    void postCloseData_data();
    void postCloseData();
    void closeTimeoutAborts_data();
    void closeTimeoutAborts();
    void automaticAcknowledge_data();
    void automaticAcknowledge();
    void manualAcknowledge();
    void manualAcknowledgeDropsLaterFrames();
    void transportActionAfterHandshake_data();
    void transportActionAfterHandshake();
    void abortResets();
    void transportLost_data();
    void transportLost();
    void refusedCloses_data();
    void refusedCloses();
    void nothingSentAfterOurClose();
    void protocolErrors_data();
    void protocolErrors();
    void noReadingAfterProtocolError();
    void pingAnsweredInCloseSent();
    void noAutoPong();
    void pingTooLargeRefused();
    void anySplitSameEvents();
    void everyEventCarriesItsState();
    void nothingReadAfterEndInSameRead_data();
    void nothingReadAfterEndInSameRead();
    void connectingRefusesOperations();
    void clientRole();
};

void tst_Session::closeWaitsForPeerClose()
{
    // [R1] Close sends the frame, waits in CloseSent, completes on the peer's Close.
    Fixture f;
    QCOMPARE(f.session.close(1001, u"deploy", CloseMode::Close), Refused());
    QCOMPARE(f.session.state(), State::CloseSent);
    const QList<WrittenFrame> written = f.takeWritten();
    QCOMPARE(written.size(), 1);
    QCOMPARE(written[0].opcode, Opcode::Close);
    QCOMPARE(closeCodeOf(written[0]), quint16(1001));
    QCOMPARE(written[0].payload.mid(2), QByteArray("deploy"));

    const RecordedEvent sent = f.recorder.ofKind(Kind::CloseSent).value(0);
    QCOMPARE(sent.state, State::Open);
    QCOMPARE(sent.mode, CloseMode::Close);
    QCOMPARE(sent.code, CloseCode(1001));
    QCOMPARE(sent.text, u"deploy"_qs);

    f.feed(clientClose(1001, u"bye"_qs));
    QCOMPARE(f.session.state(), State::Closed);
    const QList<RecordedEvent> ended = f.recorder.ofKind(Kind::Ended);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended[0].to, State::Closed);
    QCOMPARE(ended[0].how, HowEnded::Handshake);
    QCOMPARE(ended[0].initiator, Initiator::Server);
    QCOMPARE(ended[0].code, CloseCode(1001));
    QCOMPARE(ended[0].text, u"bye"_qs);
    QVERIFY(f.takeWritten().isEmpty()); // nothing more is written after the handshake
}

void tst_Session::postCloseData_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("expected");
    QTest::newRow("close discards, in order, none lost [R2]")
        << CloseMode::Close << PostClose::Discarded;
    QTest::newRow("close output delivers [R3]") << CloseMode::CloseOutput << PostClose::Delivered;
    QTest::newRow("shutdown discards like close") << CloseMode::Shutdown << PostClose::Discarded;
}

void tst_Session::postCloseData()
{
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, expected);
    Fixture f;
    f.feed(clientText(u"before"_qs));
    // Close Output returns at once: the call completes before the peer answers.
    QCOMPARE(f.session.close(1000, u"done", mode), Refused());
    QCOMPARE(f.session.state(), State::CloseSent);

    f.feed(clientText(u"one"_qs) + clientText(u"two"_qs) +
           clientFrame(Opcode::Binary, QByteArray("\x00\x01\x02", 3)) + clientClose(1000));

    const QList<RecordedEvent> in = f.recorder.ofKind(Kind::MessageIn);
    QCOMPARE(in.size(), 4);
    QCOMPARE(in[0].payload, QByteArray("before"));
    QCOMPARE(in[0].postClose, PostClose::None);
    QCOMPARE(in[0].state, State::Open);
    const QByteArray expectedPayloads[] = {"one", "two", QByteArray("\x00\x01\x02", 3)};
    for (int i = 1; i < 4; ++i) {
        QCOMPARE(in[i].payload, expectedPayloads[i - 1]);
        QCOMPARE(in[i].postClose, expected);
        QCOMPARE(in[i].state, State::CloseSent);
    }
    QCOMPARE(in[3].messageType, MessageType::Binary);
    QCOMPARE(f.session.state(), State::Closed);
    // The peer's Close comes after the data, in arrival order.
    QCOMPARE(f.recorder.events.last().kind, Kind::Ended);
    QCOMPARE(f.recorder.ofKind(Kind::CloseReceived).value(0).state, State::CloseSent);
}

void tst_Session::closeTimeoutAborts_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::newRow("close times out [R4]") << CloseMode::Close;
    QTest::newRow("close output times out [R4]") << CloseMode::CloseOutput;
}

void tst_Session::closeTimeoutAborts()
{
    // The driver owns the timer; on expiry it aborts with how = timeout.
    QFETCH(CloseMode, mode);
    Fixture f;
    QCOMPARE(f.session.close(1000, u"", mode), Refused());
    f.takeWritten();
    QCOMPARE(f.session.abort(HowEnded::Timeout), Refused());
    QCOMPARE(f.session.state(), State::Aborted);
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.to, State::Aborted);
    QCOMPARE(ended.how, HowEnded::Timeout);
    QCOMPARE(ended.code, CloseCode(1006));
    QCOMPARE(ended.transport, TransportAction::Reset);
    QCOMPARE(ended.initiator, Initiator::Server);
}

void tst_Session::automaticAcknowledge_data()
{
    QTest::addColumn<CloseCode>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("1000 echoed [R5]") << CloseCode(1000) << QString();
    QTest::newRow("1001 with reason echoed [R5]") << CloseCode(1001) << u"going"_qs;
    QTest::newRow("4000 private code echoed [R5]") << CloseCode(4000) << u"app"_qs;
    QTest::newRow("empty Close answered empty [R5]") << CloseCode() << QString();
}

void tst_Session::automaticAcknowledge()
{
    QFETCH(CloseCode, code);
    QFETCH(QString, reason);
    Fixture f;
    f.feed(clientClose(code, reason));
    QCOMPARE(f.session.state(), State::Closed);
    const QList<WrittenFrame> written = f.takeWritten();
    QCOMPARE(written.size(), 1);
    QCOMPARE(written[0].opcode, Opcode::Close);
    if (code)
        QCOMPARE(closeCodeOf(written[0]), *code);
    else
        QVERIFY(written[0].payload.isEmpty());

    const RecordedEvent received = f.recorder.ofKind(Kind::CloseReceived).value(0);
    QCOMPARE(received.state, State::Open);
    QCOMPARE(received.code, code);
    QCOMPARE(received.text, reason);
    const RecordedEvent sent = f.recorder.ofKind(Kind::CloseSent).value(0);
    QCOMPARE(sent.mode, CloseMode::Ack);
    QCOMPARE(sent.state, State::CloseReceived);
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.to, State::Closed);
    QCOMPARE(ended.initiator, Initiator::Client);
    QCOMPARE(ended.code, CloseCode(code.value_or(1005)));
}

void tst_Session::manualAcknowledge()
{
    // [R6] The connection waits in CloseReceived for the operator's code.
    SessionOptions options;
    options.autoAcknowledge = false;
    Fixture f(options);
    f.feed(clientClose(1000, u"client done"_qs));
    QCOMPARE(f.session.state(), State::CloseReceived);
    QVERIFY(f.takeWritten().isEmpty());
    QCOMPARE(f.recorder.count(Kind::Ended), 0);

    // Our data may still go out in CloseReceived (RFC allows; .NET too).
    QCOMPARE(f.session.sendText(u"last words"), Refused());
    QCOMPARE(f.session.close(4001, u"operator says bye", CloseMode::CloseOutput), Refused());
    const QList<WrittenFrame> written = f.takeWritten();
    QCOMPARE(written.size(), 2);
    QCOMPARE(written[0].opcode, Opcode::Text);
    QCOMPARE(written[1].opcode, Opcode::Close);
    QCOMPARE(closeCodeOf(written[1]), quint16(4001));
    QCOMPARE(f.session.state(), State::Closed);
    const RecordedEvent sent = f.recorder.ofKind(Kind::CloseSent).value(0);
    QCOMPARE(sent.state, State::CloseReceived);
    QCOMPARE(sent.mode, CloseMode::CloseOutput);
    QCOMPARE(sent.code, CloseCode(4001));
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.initiator, Initiator::Client);
    QCOMPARE(ended.transport, TransportAction::CloseNow);
}

void tst_Session::manualAcknowledgeDropsLaterFrames()
{
    // [R13] Anything after the peer's Close is a violation: logged, dropped;
    // a Ping after it is not answered.
    SessionOptions options;
    options.autoAcknowledge = false;
    Fixture f(options);
    f.feed(clientClose(1000) + clientText(u"late"_qs) + clientFrame(Opcode::Ping, "p") +
           clientClose(1000));
    QCOMPARE(f.session.state(), State::CloseReceived);
    QCOMPARE(f.recorder.count(Kind::MessageIn), 0);
    QCOMPARE(f.recorder.count(Kind::PingIn), 0);
    QCOMPARE(f.recorder.count(Kind::Violation), 3);
    for (const RecordedEvent &v : f.recorder.ofKind(Kind::Violation))
        QCOMPARE(v.state, State::CloseReceived);
    QVERIFY(f.takeWritten().isEmpty());
}

void tst_Session::transportActionAfterHandshake_data()
{
    QTest::addColumn<bool>("serverInitiates");
    QTest::newRow("server-initiated: server closes TCP first [R7]") << true;
    QTest::newRow("client-initiated: server closes TCP first [R7]") << false;
}

void tst_Session::transportActionAfterHandshake()
{
    QFETCH(bool, serverInitiates);
    Fixture f;
    if (serverInitiates)
        QCOMPARE(f.session.close(1000, u"", CloseMode::Close), Refused());
    f.feed(clientClose(1000));
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.to, State::Closed);
    QCOMPARE(ended.transport, TransportAction::CloseNow);
    // After a clean close the peer's TCP close is not an error.
    f.session.transportClosed(false);
    QCOMPARE(f.session.state(), State::Closed);
    QCOMPARE(f.recorder.count(Kind::Ended), 1);
}

void tst_Session::abortResets()
{
    // [R8] Abort: Aborted at once, the transport is reset, unsent output dropped.
    Fixture f;
    QCOMPARE(f.session.sendText(u"unsent"), Refused());
    QCOMPARE(f.session.abort(), Refused());
    QCOMPARE(f.session.state(), State::Aborted);
    QVERIFY(f.session.output().isEmpty());
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.how, HowEnded::Abort);
    QCOMPARE(ended.transport, TransportAction::Reset);
    QCOMPARE(ended.code, CloseCode(1006));
    QCOMPARE(ended.initiator, Initiator::None);
    QVERIFY(f.session.abort()); // refused once ended
}

void tst_Session::transportLost_data()
{
    QTest::addColumn<bool>("closeFirst");
    QTest::addColumn<bool>("reset");
    QTest::newRow("EOF in Open -> Aborted 1006 [R9]") << false << false;
    QTest::newRow("reset in Open -> Aborted 1006 [R9]") << false << true;
    QTest::newRow("EOF in CloseSent -> Aborted 1006 [R9]") << true << false;
}

void tst_Session::transportLost()
{
    QFETCH(bool, closeFirst);
    QFETCH(bool, reset);
    Fixture f;
    if (closeFirst)
        QCOMPARE(f.session.close(1000, u"", CloseMode::Close), Refused());
    f.session.transportClosed(reset);
    QCOMPARE(f.session.state(), State::Aborted);
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.how, reset ? HowEnded::PeerReset : HowEnded::PeerEof);
    QCOMPARE(ended.code, CloseCode(1006));
    QCOMPARE(ended.transport, TransportAction::None);
}

void tst_Session::refusedCloses_data()
{
    QTest::addColumn<CloseCode>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("999 refused [R10]") << CloseCode(999) << QString();
    QTest::newRow("1004 refused [R10]") << CloseCode(1004) << QString();
    QTest::newRow("1005 as a number refused [R10]") << CloseCode(1005) << QString();
    QTest::newRow("1006 refused [R10]") << CloseCode(1006) << QString();
    QTest::newRow("1015 refused [R10]") << CloseCode(1015) << QString();
    QTest::newRow("2000 unregistered refused [R10]") << CloseCode(2000) << QString();
    QTest::newRow("5000 refused [R10]") << CloseCode(5000) << QString();
    QTest::newRow("Empty with a description refused [R10]") << CloseCode() << u"why"_qs;
    QTest::newRow("124 bytes refused [R10]") << CloseCode(1000) << QString(124, u'a');
    QTest::newRow("42 euro signs (126 bytes) refused [R10]")
        << CloseCode(1000) << QString(42, QChar(0x20AC));
}

void tst_Session::refusedCloses()
{
    QFETCH(CloseCode, code);
    QFETCH(QString, reason);
    Fixture f;
    const Refused why = f.session.close(code, reason, CloseMode::Close);
    QVERIFY2(why, "the close should have been refused");
    QCOMPARE(f.session.state(), State::Open);
    QVERIFY(f.session.output().isEmpty());
    QCOMPARE(f.recorder.events.size(), 0);
    // Exactly 123 bytes of multi-byte text is fine (41 x 3-byte euro sign).
    QCOMPARE(f.session.close(1000, QString(41, QChar(0x20AC)), CloseMode::Close), Refused());
}

void tst_Session::nothingSentAfterOurClose()
{
    // [R11] After our Close: data, Ping and a second Close are refused, nothing written.
    Fixture f;
    QCOMPARE(f.session.close(1000, u"", CloseMode::CloseOutput), Refused());
    f.takeWritten();
    const Refused whySend = f.session.sendText(u"too late");
    QVERIFY(RefusalText::sentence(whySend).contains(u"CloseSent"));
    QVERIFY(f.session.sendMessage(MessageType::Binary, "x"));
    QVERIFY(f.session.ping("p"));
    QVERIFY(f.session.close(1000, u"", CloseMode::Close));
    QVERIFY(f.session.output().isEmpty());
    QCOMPARE(f.recorder.count(Kind::MessageOut), 0);
    QCOMPARE(f.recorder.count(Kind::CloseSent), 1);
}

void tst_Session::protocolErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint16>("answer");
    QByteArray unmasked;
    framewriter::appendFrame(unmasked, Role::Server, Opcode::Text, "hi");
    QTest::newRow("unmasked client frame -> 1002 [R12]") << unmasked << quint16(1002);
    QTest::newRow("1-byte close payload -> 1002 [R12]")
        << clientFrame(Opcode::Close, QByteArray(1, '\x03')) << quint16(1002);
    QTest::newRow("close code 1005 received -> 1002 [R12]") << clientClose(1005) << quint16(1002);
    QTest::newRow("close code 2999 received -> 1002 [R12]") << clientClose(2999) << quint16(1002);
    QTest::newRow("close reason not UTF-8 -> 1007 [R12]")
        << clientFrame(Opcode::Close, QByteArray("\x03\xe8\xff\xfe", 4)) << quint16(1007);
    QTest::newRow("text not UTF-8 -> 1007 [R12]")
        << clientFrame(Opcode::Text, QByteArray("ok\xc3\x28", 4)) << quint16(1007);
    QTest::newRow("reserved opcode -> 1002 [R12]")
        << clientFrame(Opcode(0x3), "x") << quint16(1002);
    QTest::newRow("continuation without start -> 1002 [R12]")
        << clientFrame(Opcode::Continuation, "x") << quint16(1002);
    QTest::newRow("message over the maximum -> 1009 [R12]")
        << clientFrame(Opcode::Binary, QByteArray(2000, 'x')) << quint16(1009);
}

void tst_Session::protocolErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint16, answer);
    SessionOptions options;
    options.maxMessageSize = 1024;
    Fixture f(options);
    f.feed(bytes);
    QCOMPARE(f.session.state(), State::Aborted);
    const RecordedEvent error = f.recorder.ofKind(Kind::ProtocolError).value(0);
    QCOMPARE(error.code, CloseCode(answer));
    QVERIFY(!error.text.isEmpty());
    const QList<WrittenFrame> written = f.takeWritten();
    QCOMPARE(written.size(), 1);
    QCOMPARE(written[0].opcode, Opcode::Close);
    QCOMPARE(closeCodeOf(written[0]), answer);
    const RecordedEvent sent = f.recorder.ofKind(Kind::CloseSent).value(0);
    QCOMPARE(sent.mode, CloseMode::ProtocolError);
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.how, HowEnded::ProtocolError);
    QCOMPARE(ended.transport, TransportAction::CloseNow); // flush our Close, then FIN
}

void tst_Session::noReadingAfterProtocolError()
{
    Fixture f;
    QByteArray unmasked;
    framewriter::appendFrame(unmasked, Role::Server, Opcode::Text, "bad");
    f.feed(unmasked + clientText(u"after"_qs));
    f.feed(clientText(u"later"_qs));
    QCOMPARE(f.recorder.count(Kind::MessageIn), 0);
    QCOMPARE(f.recorder.count(Kind::ProtocolError), 1);
}

void tst_Session::pingAnsweredInCloseSent()
{
    // [R13] A Ping in CloseSent is answered with a Pong of the same payload.
    Fixture f;
    QCOMPARE(f.session.close(1000, u"", CloseMode::Close), Refused());
    f.takeWritten();
    f.feed(clientFrame(Opcode::Ping, "are you there"));
    const QList<WrittenFrame> written = f.takeWritten();
    QCOMPARE(written.size(), 1);
    QCOMPARE(written[0].opcode, Opcode::Pong);
    QCOMPARE(written[0].payload, QByteArray("are you there"));
    QCOMPARE(f.recorder.ofKind(Kind::PongOut).value(0).state, State::CloseSent);
    QCOMPARE(f.recorder.ofKind(Kind::PingIn).value(0).state, State::CloseSent);
}

void tst_Session::noAutoPong()
{
    SessionOptions options;
    options.autoPong = false;
    Fixture f(options);
    f.feed(clientFrame(Opcode::Ping, "keepalive") + clientFrame(Opcode::Pong, "unsolicited"));
    QVERIFY(f.takeWritten().isEmpty());
    QCOMPARE(f.recorder.count(Kind::PingIn), 1);
    QCOMPARE(f.recorder.count(Kind::PongIn), 1);
    QCOMPARE(f.recorder.count(Kind::PongOut), 0);
    f.session.setAutoPong(true);
    f.feed(clientFrame(Opcode::Ping, "again"));
    QCOMPARE(f.takeWritten().value(0).opcode, Opcode::Pong);
}

void tst_Session::pingTooLargeRefused()
{
    Fixture f;
    QVERIFY(f.session.ping(QByteArray(126, 'p')));
    QVERIFY(f.session.output().isEmpty());
    QCOMPARE(f.session.ping(QByteArray(125, 'p')), Refused());
}

void tst_Session::anySplitSameEvents()
{
    // [R14] Any split of the input yields the same events, through the session.
    QByteArray stream = clientText(u"hello"_qs) + clientFrame(Opcode::Ping, "p1") +
                        clientFrame(Opcode::Text, "frag", false) +
                        clientFrame(Opcode::Pong, "between") +
                        clientFrame(Opcode::Continuation, "mented", true) +
                        clientFrame(Opcode::Binary, QByteArray(70000, 'b')) +
                        clientText(QString::fromUtf8("å€😀")) + clientClose(1001, u"bye"_qs);
    auto run = [&](const QList<qsizetype> &cuts) {
        SessionRecorder recorder;
        Session session(Role::Server, recorder);
        session.open();
        QByteArray copy = stream; // unmasked in place: every run gets pristine bytes
        qsizetype from = 0;
        for (qsizetype cut : cuts) {
            session.receive(copy.data() + from, cut - from);
            from = cut;
        }
        session.receive(copy.data() + from, copy.size() - from);
        return std::make_pair(recorder.summaries(), session.output());
    };
    const auto whole = run({});
    QCOMPARE(whole.first.size(), 13); // Open, 7 frames in, a Pong out, close handshake (4)
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); i += (i < 200 || i > stream.size() - 200) ? 1 : 997)
        everyByte.append(i);
    QCOMPARE(run(everyByte), whole);
    QRandomGenerator rng(6455);
    for (int round = 0; round < 50; ++round) {
        QList<qsizetype> cuts;
        qsizetype at = 0;
        while (true) {
            at += 1 + rng.bounded(4000);
            if (at >= stream.size())
                break;
            cuts.append(at);
        }
        QCOMPARE(run(cuts), whole);
    }
}

void tst_Session::everyEventCarriesItsState()
{
    // [R16] Each event carries the state it happened in, and state changes
    // follow the legal graph.
    Fixture f;
    f.feed(clientText(u"a"_qs));
    QCOMPARE(f.session.sendText(u"b"), Refused());
    QCOMPARE(f.session.close(1000, u"", CloseMode::CloseOutput), Refused());
    f.feed(clientText(u"c"_qs) + clientClose(1000));
    const QList<Kind> kinds = {Kind::MessageIn,    Kind::MessageOut, Kind::CloseSent,
                               Kind::StateChanged, Kind::MessageIn,  Kind::CloseReceived,
                               Kind::StateChanged, Kind::Ended};
    const QList<State> states = {State::Open,      State::Open,      State::Open,
                                 State::Open,      State::CloseSent, State::CloseSent,
                                 State::CloseSent, State::Closed};
    QCOMPARE(f.recorder.events.size(), kinds.size());
    for (int i = 0; i < kinds.size(); ++i) {
        QCOMPARE(f.recorder.events[i].kind, kinds[i]);
        QCOMPARE(f.recorder.events[i].state, states[i]);
    }
    QCOMPARE(f.recorder.events[3].to, State::CloseSent);
    QCOMPARE(f.recorder.events[6].to, State::Closed);
}

void tst_Session::nothingReadAfterEndInSameRead_data()
{
    QTest::addColumn<QByteArray>("after");
    QByteArray unmasked;
    framewriter::appendFrame(unmasked, Role::Server, Opcode::Text, "bad");
    QTest::newRow("ping after the peer's Close, same read") << clientFrame(Opcode::Ping, "p");
    QTest::newRow("text after the peer's Close, same read") << clientText(u"late"_qs);
    QTest::newRow("bad frame after the peer's Close, same read") << unmasked;
}

void tst_Session::nothingReadAfterEndInSameRead()
{
    // Found by fuzz_session: the automatic ack ends the session while the
    // parser is still inside the read; the frames after it must not be seen.
    QFETCH(QByteArray, after);
    Fixture f;
    const QByteArray close = clientClose(1000);
    QByteArray bytes = close + after;
    // The driver learns where the session stopped reading, to log the rest.
    QCOMPARE(f.session.receive(bytes), close.size());
    QCOMPARE(f.session.state(), State::Closed);
    QCOMPARE(f.recorder.events.last().kind, Kind::Ended);
    QCOMPARE(f.recorder.count(Kind::Ended), 1);
    QCOMPARE(f.recorder.count(Kind::ProtocolError), 0);
    QCOMPARE(f.recorder.count(Kind::PingIn), 0);
}

void tst_Session::connectingRefusesOperations()
{
    SessionRecorder recorder;
    Session session(Role::Server, recorder);
    QCOMPARE(session.state(), State::Connecting);
    QVERIFY(RefusalText::sentence(session.sendText(u"x")).contains(u"Connecting"));
    QVERIFY(session.close(1000, u"", CloseMode::Close));
    QByteArray bytes = clientText(u"early"_qs);
    session.receive(bytes);
    QCOMPARE(recorder.events.size(), 0);
    QCOMPARE(session.abort(), Refused()); // a Connecting socket can still be reset
    QCOMPARE(session.state(), State::Aborted);
}

void tst_Session::clientRole()
{
    // The test peers use the same session as clients: frames out are masked,
    // and after a clean close the client waits for the server's FIN (RFC §7.1.1).
    Fixture f({}, Role::Client);
    QCOMPARE(f.session.sendText(u"hi"), Refused());
    QVERIFY(quint8(f.session.output().at(1)) & 0x80); // mask bit
    f.session.output().clear();
    QByteArray serverClose;
    framewriter::appendFrame(serverClose, Role::Server, Opcode::Close,
                             buildClosePayload(1001, u""));
    f.feed(serverClose);
    QCOMPARE(f.session.state(), State::Closed);
    const RecordedEvent ended = f.recorder.ofKind(Kind::Ended).value(0);
    QCOMPARE(ended.transport, TransportAction::AwaitPeerClose);
    QCOMPARE(ended.initiator, Initiator::Server);
}

QTEST_APPLESS_MAIN(tst_Session)
#include "tst_session.moc"
