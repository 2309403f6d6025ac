// The sans-I/O connection in the client role, without a socket: the request
// it starts with, the server's 101 (split, refused, wrong), the frames right
// behind it, masked output, and the close handshake seen from the client
// (RFC 6455 §7.1.1: the server closes TCP first, so the client awaits it).

#include "handshakesamples.h"
#include "sessionrecorder.h"

#include "protocol/handshake.h"
#include "protocol/wsconnection.h"

#include <QtCore/QSet>
#include <QtCore/QtEndian>
#include <QtTest/QtTest>

#include <algorithm>
#include <cstring>

using namespace closecall::protocol;
using namespace closecall::test;
using namespace handshakesamples;
using namespace Qt::StringLiterals;
using Kind = SessionEvent::Kind;
using Upgrade = WsConnection::Upgrade;

Q_DECLARE_METATYPE(closecall::protocol::State)
Q_DECLARE_METATYPE(closecall::protocol::Refusal)
Q_DECLARE_METATYPE(closecall::protocol::CloseMode)
Q_DECLARE_METATYPE(closecall::protocol::PostClose)
Q_DECLARE_METATYPE(closecall::protocol::WsConnection::Upgrade)

namespace {

ClientHandshakeOptions rfcOptions()
{
    ClientHandshakeOptions options;
    options.host = u"127.0.0.1:9001"_s;
    options.target = u"/chat?room=1"_s;
    options.key = RfcKey;
    return options;
}

// A frame as a server sends it: unmasked.
QByteArray serverFrame(Opcode op, QByteArrayView payload, bool fin = true)
{
    QByteArray out;
    framewriter::appendFrame(out, Role::Server, op, payload, fin);
    return out;
}

QByteArray serverClose(CloseCode code, const QString &reason = {})
{
    return serverFrame(Opcode::Close, buildClosePayload(code, reason));
}

struct WireFrame
{
    Opcode opcode;
    bool masked;
    quint32 key;
    QByteArray payload; // unmasked
};

// Walks what the client wrote frame by frame, reading each header by hand
// (RFC 6455 §5.2) so the mask bit and key are seen as on the wire; the
// payloads are unmasked with their own key.
QList<WireFrame> clientFrames(QByteArray bytes)
{
    QList<WireFrame> out;
    qsizetype pos = 0;
    while (pos + 2 <= bytes.size()) {
        const auto b0 = quint8(bytes[pos]);
        const auto b1 = quint8(bytes[pos + 1]);
        qsizetype at = pos + 2;
        quint64 len = b1 & 0x7f;
        if (len == 126) {
            len = qFromBigEndian<quint16>(bytes.constData() + at);
            at += 2;
        } else if (len == 127) {
            len = qFromBigEndian<quint64>(bytes.constData() + at);
            at += 8;
        }
        WireFrame f{Opcode(b0 & 0x0f), (b1 & 0x80) != 0, 0, {}};
        if (f.masked) {
            std::memcpy(&f.key, bytes.constData() + at, 4);
            at += 4;
        }
        f.payload = bytes.mid(at, qsizetype(len));
        if (f.masked) {
            const auto *k = reinterpret_cast<const quint8 *>(&f.key);
            for (qsizetype i = 0; i < f.payload.size(); ++i)
                f.payload[i] = char(f.payload[i] ^ k[i % 4]);
        }
        out.append(f);
        pos = at + qsizetype(len);
    }
    Q_ASSERT(pos == bytes.size());
    return out;
}

QString actionName(std::optional<TransportAction> action)
{
    if (!action)
        return u"-"_s;
    switch (*action) {
    case TransportAction::None:
        return u"None"_s;
    case TransportAction::CloseNow:
        return u"CloseNow"_s;
    case TransportAction::AwaitPeerClose:
        return u"AwaitPeerClose"_s;
    case TransportAction::Reset:
        return u"Reset"_s;
    }
    return {};
}

// One client-role connection driven by a script of words, as
// tst_wsconnection drives the server role.
struct Run
{
    SessionRecorder recorder;
    WsConnection ws{recorder, rfcOptions()};
    Refused lastRefusal;
    qsizetype unread = 0;
    QByteArray output;

    void feed(QByteArray bytes) { unread += ws.receive(bytes.data(), bytes.size()); }
    void keep(const Refused &why) { lastRefusal = why; }

    bool step(const QString &word)
    {
        if (word == u"101") {
            feed(response101(RfcAccept));
        } else if (word == u"101+text") {
            feed(response101(RfcAccept) + serverFrame(Opcode::Text, "early"));
        } else if (word == u"half-101") {
            feed(response101(RfcAccept).first(20));
        } else if (word == u"bad-accept") {
            feed(response101("AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        } else if (word == u"404") {
            feed("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nno chat\r\n");
        } else if (word == u"404-head") {
            feed("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nno ");
        } else if (word == u"404-rest") {
            feed("chat\r\n");
        } else if (word == u"give-up") {
            ws.abandonUpgrade();
        } else if (word == u"eof") {
            ws.transportClosed(false);
        } else if (word == u"reset") {
            ws.transportClosed(true);
        } else if (word == u"manual") {
            ws.setAutoAcknowledge(false);
        } else if (word == u"peer-text") {
            feed(serverFrame(Opcode::Text, "hello"));
        } else if (word == u"peer-close") {
            feed(serverClose(1001, u"going away"_s));
        } else if (word == u"peer-close-and-more") {
            feed(serverClose(1000) + serverFrame(Opcode::Text, "late"));
        } else if (word == u"peer-masked") {
            feed(clientText(u"masked"_s)); // a masked frame from the server: §5.1
        } else if (word == u"close") {
            keep(ws.close(1000, u"bye", CloseMode::Close));
        } else if (word == u"close-output") {
            keep(ws.close(1000, u"bye", CloseMode::CloseOutput));
        } else if (word == u"send") {
            keep(ws.sendMessage(MessageType::Text, "hi"));
        } else if (word == u"ping") {
            keep(ws.ping("p"));
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

    QList<PostClose> postCloseFlags() const
    {
        QList<PostClose> out;
        for (const RecordedEvent &e : recorder.ofKind(Kind::MessageIn))
            out.append(e.postClose);
        return out;
    }
};

} // namespace

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
    void scripts_data();
    void scripts();
    void postCloseFlagsAsServerRole_data();
    void postCloseFlagsAsServerRole();
    void closeSequences();
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

void tst_ClientConnection::scripts_data()
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

void tst_ClientConnection::scripts()
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

void tst_ClientConnection::postCloseFlagsAsServerRole_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("flag");
    QTest::newRow("Close discards") << CloseMode::Close << PostClose::Discarded;
    QTest::newRow("Close Output delivers") << CloseMode::CloseOutput << PostClose::Delivered;
}

void tst_ClientConnection::postCloseFlagsAsServerRole()
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

void tst_ClientConnection::closeSequences()
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
