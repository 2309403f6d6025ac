// The sans-I/O connection in the client role, without a socket: the request
// it starts with, the server's 101 (split, refused, wrong), the frames right
// behind it, and masked output. The close handshake seen from the client is
// tst_clientclose's.

#include "clientharness.h"

#include <QtCore/QSet>

#include <algorithm>

using namespace closecall::protocol;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using Kind = SessionEvent::Kind;
using Upgrade = WsConnection::Upgrade;

class tst_ClientConnection : public QObject
{
    Q_OBJECT

private slots:
    void requestFirst();
    void refusedOptions();
    void responseSplitEverywhere();
    void framesRightBehindThe101();
    void subprotocolForTheOpenEvent();
    void maskedOutput();
    void freshMaskPerFrame();
    void maskedServerFrameFails();
    void randomResponses();
};

void tst_ClientConnection::requestFirst()
{
    SessionRecorder recorder;
    WsConnection ws(recorder, rfcOptions());
    QCOMPARE(ws.role(), Role::Client);
    QCOMPARE(ws.upgrade(), Upgrade::Pending);
    QCOMPARE(ws.state(), State::Connecting);
    QVERIFY(ws.isConnecting());
    // The request is the first thing written, exactly the handshake's.
    QCOMPARE(ws.output(), ClientHandshake(rfcOptions()).request());
    QVERIFY(ws.output().startsWith("GET /chat?room=1 HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n"));
    QCOMPARE(actionName(ws.takeTransportAction()), u"-"_s);
    QVERIFY(recorder.events.isEmpty());
    // Nothing may be started before the 101, as in the server role.
    QCOMPARE(ws.sendMessage(MessageType::Text, "x").refusal, Refusal::NotInState);
    QCOMPARE(ws.close(1000, u"", CloseMode::Close).refusal, Refusal::NotInState);
    // The server role's calls do nothing here.
    QCOMPARE(ws.accept(), 0);
    ws.refuse(503, u"busy"_s);
    QCOMPARE(ws.upgrade(), Upgrade::Pending);
    QVERIFY(ws.request().path.isEmpty());
}

void tst_ClientConnection::refusedOptions()
{
    SessionRecorder recorder;
    ClientHandshakeOptions options = rfcOptions();
    options.extraHeaders = {{"Cookie", "a=1\r\nX-Injected: 1"}};
    WsConnection ws(recorder, options);
    QCOMPARE(ws.upgrade(), Upgrade::Failed);
    QVERIFY(!ws.hasOutput());
    QVERIFY2(ws.failureReason().contains(u"Cookie"_s), qPrintable(ws.failureReason()));
    QCOMPARE(actionName(ws.takeTransportAction()), u"CloseNow"_s);
    QCOMPARE(ws.sendMessage(MessageType::Text, "x").refusal, Refusal::NotUpgraded);
}

void tst_ClientConnection::responseSplitEverywhere()
{
    // Response and a server frame, split at every byte [R14]: the same
    // events whatever the split.
    const QByteArray input = response101(RfcAccept) + serverFrame(Opcode::Text, "Hi");
    QStringList reference;
    for (qsizetype at = 0; at <= input.size(); ++at) {
        SessionRecorder recorder;
        WsConnection ws(recorder, rfcOptions());
        QByteArray first = input.left(at);
        QByteArray second = input.mid(at);
        QCOMPARE(ws.receive(first.data(), first.size()), 0);
        QCOMPARE(ws.receive(second.data(), second.size()), 0);
        QCOMPARE(ws.upgrade(), Upgrade::Accepted);
        QCOMPARE(ws.state(), State::Open);
        QCOMPARE(recorder.count(Kind::MessageIn), 1);
        if (at == 0)
            reference = recorder.summaries();
        QCOMPARE(recorder.summaries(), reference);
    }
    // And byte by byte.
    SessionRecorder recorder;
    WsConnection ws(recorder, rfcOptions());
    QByteArray bytes = input;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        ws.receive(bytes.data() + i, 1);
    QCOMPARE(recorder.summaries(), reference);
}

void tst_ClientConnection::framesRightBehindThe101()
{
    // A server may send frames in the same segment as its 101; a Close
    // among them ends the session and the rest is counted as unread.
    SessionRecorder recorder;
    WsConnection ws(recorder, rfcOptions());
    ws.output().clear();
    QByteArray input = response101(RfcAccept) + serverFrame(Opcode::Text, "one") +
                       serverFrame(Opcode::Binary, "two") + serverClose(1000) +
                       serverFrame(Opcode::Text, "after");
    const qsizetype unread = ws.receive(input.data(), input.size());
    QCOMPARE(unread, serverFrame(Opcode::Text, "after").size());
    const auto messages = recorder.ofKind(Kind::MessageIn);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].payload, QByteArray("one"));
    QCOMPARE(messages[1].messageType, MessageType::Binary);
    QCOMPARE(ws.state(), State::Closed);
    // Our acknowledgement is masked, echoes the code, and the client then
    // waits for the server to close TCP.
    const auto frames = clientFrames(ws.output());
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].opcode, Opcode::Close);
    QVERIFY(frames[0].masked);
    QCOMPARE(parseClosePayload(frames[0].payload).code, CloseCode(1000));
    QCOMPARE(actionName(ws.takeTransportAction()), u"AwaitPeerClose"_s);
}

void tst_ClientConnection::subprotocolForTheOpenEvent()
{
    // The driver publishes its open event when Connecting → Open is
    // reported: the subprotocol the server chose is readable then.
    struct Sink final : SessionSink
    {
        WsConnection *ws = nullptr;
        QString atOpen;
        QByteArray headerAtOpen;
        void onSessionEvent(const SessionEvent &e) override
        {
            if (e.kind == Kind::StateChanged && e.to == State::Open) {
                atOpen = ws->subprotocol();
                for (const auto &[name, value] : ws->clientHandshake()->responseHeaders())
                    if (name == "X-Server")
                        headerAtOpen = value;
            }
        }
    } sink;
    ClientHandshakeOptions options = rfcOptions();
    options.subprotocols = {u"chat.v2"_s, u"chat.v1"_s};
    WsConnection ws(sink, options);
    sink.ws = &ws;
    QByteArray input =
        response101(RfcAccept, "Sec-WebSocket-Protocol: chat.v1\r\nX-Server: tst\r\n");
    ws.receive(input.data(), input.size());
    QCOMPARE(ws.upgrade(), Upgrade::Accepted);
    QCOMPARE(sink.atOpen, u"chat.v1"_s);
    QCOMPARE(sink.headerAtOpen, QByteArray("tst"));
    QVERIFY(ws.clientHandshake() == nullptr); // the handshake's memory is given back
}

void tst_ClientConnection::maskedOutput()
{
    // Every frame the client writes is masked (RFC 6455 §5.1) and decodes
    // with its own key; our own server-role parser accepts them.
    Run run;
    QVERIFY(run.step(u"101"_s));
    run.output.clear();
    QCOMPARE(run.ws.sendMessage(MessageType::Text, "hello"), Refused());
    QCOMPARE(run.ws.sendMessage(MessageType::Binary, QByteArray(70000, 'b')), Refused());
    QCOMPARE(run.ws.ping("ping"), Refused());
    QCOMPARE(run.ws.close(4000, u"done", CloseMode::CloseOutput), Refused());
    const QByteArray written = run.ws.output();
    const auto frames = clientFrames(written);
    QCOMPARE(frames.size(), 4);
    for (const WireFrame &f : frames)
        QVERIFY(f.masked);
    QCOMPARE(frames[0].payload, QByteArray("hello"));
    QCOMPARE(frames[1].payload, QByteArray(70000, 'b'));
    QCOMPARE(frames[2].opcode, Opcode::Ping);
    QCOMPARE(frames[2].payload, QByteArray("ping"));
    QCOMPARE(parseClosePayload(frames[3].payload).reason, u"done"_s);
    // The bytes on the wire are not the payload (a zero key would leave them).
    QVERIFY(!written.contains("hello"));

    // The server's view, through the parser that requires masks.
    const auto seen = [&] {
        struct Sink final : FrameSink
        {
            QList<QByteArray> payloads;
            QString error;
            void onMessage(MessageType, QByteArrayView p, int) override
            {
                payloads.append(p.toByteArray());
            }
            void onControl(Opcode, QByteArrayView p) override { payloads.append(p.toByteArray()); }
            void onProtocolError(quint16, const QString &why) override { error = why; }
        } sink;
        QByteArray copy = written;
        FrameParser parser(Role::Server);
        parser.feed(copy.data(), copy.size(), sink);
        return std::pair(sink.payloads, sink.error);
    }();
    QCOMPARE(seen.second, QString());
    QCOMPARE(seen.first.size(), 4);
    QCOMPARE(seen.first[0], QByteArray("hello"));
}

void tst_ClientConnection::freshMaskPerFrame()
{
    // RFC 6455 §5.3: a fresh key per frame. Keys are 32 random bits, so two
    // in a row are equal once in 2^32: over 600 frames (past the 256-key
    // refills) a repeat in a row is a defect, not chance.
    Run run;
    QVERIFY(run.step(u"101"_s));
    run.output.clear();
    for (int i = 0; i < 600; ++i)
        QCOMPARE(run.ws.sendMessage(MessageType::Binary, "x"), Refused());
    const auto frames = clientFrames(run.ws.output());
    QCOMPARE(frames.size(), 600);
    QSet<quint32> distinct;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QVERIFY(frames[i].masked);
        QCOMPARE(frames[i].payload, QByteArray("x"));
        if (i > 0)
            QVERIFY2(frames[i].key != frames[i - 1].key, qPrintable(QString::number(i)));
        distinct.insert(frames[i].key);
    }
    // Collisions among 600 random 32-bit keys are rare (about 4e-5 for one);
    // a generator stuck on a few values would show here.
    QVERIFY2(distinct.size() >= 598, qPrintable(QString::number(distinct.size())));
}

void tst_ClientConnection::maskedServerFrameFails()
{
    // RFC 6455 §5.1: a client fails the connection on a masked server frame.
    Run run;
    QVERIFY(run.step(u"101"_s));
    run.output.clear();
    QVERIFY(run.step(u"peer-masked"_s));
    QCOMPARE(run.ws.state(), State::Aborted);
    const auto errors = run.recorder.ofKind(Kind::ProtocolError);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].code, CloseCode(1002));
    QVERIFY2(errors[0].text.contains(u"masked"_s), qPrintable(errors[0].text));
    QCOMPARE(run.recorder.count(Kind::MessageIn), 0);
    // Our Close 1002 goes out (masked), then we close TCP.
    const auto frames = clientFrames(run.output);
    QCOMPARE(frames.size(), 1);
    QVERIFY(frames[0].masked);
    QCOMPARE(parseClosePayload(frames[0].payload).code, CloseCode(1002));
    QCOMPARE(actionName(run.ws.takeTransportAction()), u"CloseNow"_s);
    QVERIFY(run.unread > 0);
}

void tst_ClientConnection::randomResponses()
{
    // Fuzz-ish, repeatable: mutations of good and refusing responses (with
    // frames behind them), each fed whole and in random pieces. The verdict,
    // status, reason and every event must not depend on the split [R14],
    // and a connection only opens on a 101 with our accept key.
    const QList<QByteArray> seeds = {
        response101(RfcAccept) + serverFrame(Opcode::Text, "hi") + serverClose(1000),
        response101(RfcAccept, "Sec-WebSocket-Protocol: chat\r\n") + serverFrame(Opcode::Ping, "p"),
        QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnope!"),
        QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"),
    };
    QRandomGenerator rng(20261129); // fixed: a failure is reproducible
    struct Outcome
    {
        Upgrade upgrade;
        State state;
        int status;
        QString reason;
        QStringList events;
        QStringList frames; // decoded: the masks differ from run to run
        std::optional<TransportAction> action;
    };
    const auto run = [](const QByteArray &input, const QList<qsizetype> &cuts, bool eof) {
        SessionRecorder recorder;
        ClientHandshakeOptions options = rfcOptions();
        options.subprotocols = {u"chat"_s};
        WsConnection ws(recorder, options);
        ws.output().clear();
        qsizetype from = 0;
        for (qsizetype cut : cuts) {
            QByteArray piece = input.mid(from, cut - from);
            ws.receive(piece.data(), piece.size());
            from = cut;
        }
        QByteArray rest = input.mid(from);
        ws.receive(rest.data(), rest.size());
        if (eof)
            ws.transportClosed(false);
        QStringList frames;
        for (const WireFrame &f : clientFrames(ws.output()))
            frames.append(QString::number(int(f.opcode)) + u':' +
                          QString::fromLatin1(f.payload.toHex()));
        return Outcome{
            ws.upgrade(),         ws.state(), ws.httpStatus(),         ws.failureReason(),
            recorder.summaries(), frames,     ws.takeTransportAction()};
    };
    int opened = 0;
    int failed = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray input = seeds[rng.bounded(int(seeds.size()))];
        for (int m = rng.bounded(4); m > 0 && !input.isEmpty(); --m) {
            const qsizetype at = rng.bounded(int(input.size()));
            switch (rng.bounded(4)) {
            case 0:
                input[at] = char(rng.bounded(256));
                break;
            case 1:
                input.remove(at, 1 + rng.bounded(8));
                break;
            case 2:
                input.insert(at, QByteArray(1 + rng.bounded(4), char(rng.bounded(256))));
                break;
            default:
                input.truncate(at);
                break;
            }
        }
        QList<qsizetype> cuts;
        for (int c = rng.bounded(6); c > 0 && !input.isEmpty(); --c)
            cuts.append(rng.bounded(int(input.size())));
        std::sort(cuts.begin(), cuts.end());
        const bool eof = rng.bounded(2) == 1;
        const Outcome whole = run(input, {}, eof);
        const Outcome split = run(input, cuts, eof);
        const QByteArray whatBytes = "input " + input.toHex() + " cuts " +
                                     QByteArray::number(cuts.size()) + (eof ? " eof" : "");
        const char *what = whatBytes.constData();
        QVERIFY2(whole.upgrade == split.upgrade, what);
        QVERIFY2(whole.state == split.state, what);
        QVERIFY2(whole.status == split.status, what);
        QVERIFY2(whole.reason == split.reason, what);
        QVERIFY2(whole.events == split.events, what);
        QVERIFY2(whole.frames == split.frames, what);
        QVERIFY2(whole.action == split.action, what);
        if (whole.upgrade == Upgrade::Accepted) {
            ++opened;
            QVERIFY2(input.startsWith("HTTP/1.1 101"), what);
            QVERIFY2(input.contains(RfcAccept), what);
        } else if (whole.upgrade == Upgrade::Failed) {
            ++failed;
            QVERIFY2(!whole.reason.isEmpty() || (!eof && whole.status == 0), what);
        } else {
            QVERIFY2(!eof, what); // the end of the transport always decides
        }
    }
    // The mutations leave enough of each kind to mean something.
    QVERIFY2(opened > 300 && failed > 300, qPrintable(u"%1 %2"_s.arg(opened).arg(failed)));
}

QTEST_GUILESS_MAIN(tst_ClientConnection)
#include "tst_clientconnection.moc"
