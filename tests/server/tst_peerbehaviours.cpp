// Every peer behaviour (docs/headless.md "Peer behaviours") against
// CloseCall's own server: one engine listens and connects to itself over
// loopback, so each test reads both rows of one connection — the out row
// that misbehaves and the in row that the server logs — in one event
// stream, and checks that the two reports agree. No sleeps: every step
// waits for the event that says it happened, and nothing asserts a time.

#include "engineharness.h"
#include "testcertificate.h"

#include "server/connectrequest.h"

#include <QtCore/QTemporaryDir>
#include <QtCore/QtEndian>
#include <QtTest/QtTest>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using protocol::CloseCode;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::MessageType;
using protocol::PostClose;
using protocol::State;
using server::ConnectRequest;

namespace {

// Generous: the machine may be busy; nothing waits this long when it works.
constexpr int Patience = 30000;

// One outgoing connection to the engine's own listener: its two rows.
struct Pair
{
    quint32 out = 0;
    quint32 in = 0;
};

// `wss`: to a wss:// listener with a self-signed certificate (insecure).
Pair connectToSelf(EngineHarness &h, const QString &behaviour, bool wss = false)
{
    const quint16 port = h.waitListening();
    if (port == 0)
        return {};
    ConnectRequest request;
    request.url = (wss ? u"wss://127.0.0.1:%1/peer"_s : u"ws://127.0.0.1:%1/peer"_s).arg(port);
    request.behaviour = behaviour;
    request.insecure = wss;
    request.deflate = deflateRun(); // the suite's second run (deflaterun.h)
    h.command([request](server::Engine *e) { e->connectTo(request, "\"c\""); });
    const auto result = h.result("\"c\"", Patience);
    if (!result.ok) {
        qWarning("connect failed: %s", qPrintable(result.error));
        return {};
    }
    Pair pair;
    pair.out = quint32(QJsonDocument::fromJson(result.data)
                           .object()
                           .value(u"connections"_s)
                           .toArray()
                           .at(0)
                           .toInteger());
    if (!QTest::qWaitFor([&] { return h.all(EventType::Open).size() == 2; }, Patience))
        return {};
    for (const auto &open : h.all<events::Open>()) {
        if (!open.outgoing)
            pair.in = open.conn;
        // A deflate run that ends up without deflate tests nothing new.
        if (deflateRun() && !open.extensions.startsWith(u"permessage-deflate"_s)) {
            qWarning("deflate run, but the rows agreed on '%s'", qPrintable(open.extensions));
            return {};
        }
    }
    return pair;
}

template<typename Kind> Found<Kind> waitFirst(EngineHarness &h, quint32 conn)
{
    h.waitFor(server::kindOf<Kind>, conn, Patience);
    return h.first<Kind>(conn);
}

// The row's events of `type` after (in stream order) its first event of
// `after` (all of them when `after` never came).
QList<Event> eventsAfter(const EngineHarness &h, quint32 conn, EventType after, EventType type)
{
    const int from = h.find(after, conn);
    QList<Event> found;
    for (int i = from < 0 ? 0 : from + 1; i < h.events.size(); ++i) {
        if (h.events[i].conn == conn && h.events[i].type() == type)
            found.append(h.events[i]);
    }
    return found;
}

QList<QByteArray> previews(const QList<Event> &messages)
{
    QList<QByteArray> out;
    for (const Event &e : messages) {
        if (const auto *in = e.get<events::MessageIn>())
            out.append(in->preview);
        else if (const auto *sent = e.get<events::MessageOut>())
            out.append(sent->preview);
    }
    return out;
}

QList<QByteArray> numbered(const char *prefix, int first, int last)
{
    QList<QByteArray> out;
    for (int i = first; i <= last; ++i)
        out.append(prefix + QByteArray::number(i));
    return out;
}

void closeRow(EngineHarness &h, quint32 conn, CloseMode mode, int timeoutMs = -1,
              CloseCode code = 1001, const QString &reason = u"server leaving"_s)
{
    h.command([=](server::Engine *e) {
        e->closeConnections(EngineHarness::one(conn), code, reason, mode, timeoutMs, "\"close\"");
    });
}

} // namespace

class tst_PeerBehaviours : public QObject
{
    Q_OBJECT

private slots:
    void badSpecFailsTheCommand();
    void openCarriesTheSpec();
    void sendThenAnswer_data();
    void sendThenAnswer();
    void answerAfterDelay_data();
    void answerAfterDelay();
    void neverAnswers();
    void neverAnswersWhileSending();
    void resetOnClose();
    void finOnClose();
    void closeAfter_data();
    void closeAfter();
    void textTrafficUntilOwnClose();
    void binaryTraffic();
    void echoTraffic();
    void behaviourOverridesManualAck();
    void shutdownEndsDrivenPeers();
    void overWss();
};

void tst_PeerBehaviours::badSpecFailsTheCommand()
{
    EngineHarness h;
    const quint16 port = h.waitListening();
    QVERIFY(port != 0);
    ConnectRequest request;
    request.url = u"ws://127.0.0.1:%1/"_s.arg(port);
    request.count = 3;
    request.behaviour = u"traffic=text; evry=10"_s;
    h.command([request](server::Engine *e) { e->connectTo(request, "\"bad\""); });
    const auto result = h.result("\"bad\"", Patience);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(u"did you mean \"every\""_s), qPrintable(result.error));
    // Nothing was opened, nothing failed on the way.
    h.command([](server::Engine *e) { e->list("\"l\""); });
    QVERIFY(h.result("\"l\"", Patience).ok);
    QCOMPARE(h.all(EventType::Open).size(), 0);
    QCOMPARE(h.all(EventType::HandshakeFailed).size(), 0);
}

void tst_PeerBehaviours::openCarriesTheSpec()
{
    EngineHarness h;
    const Pair p = connectToSelf(h, u" on-close = send ;traffic=TEXT;every=60000"_s);
    QVERIFY(p.out && p.in);
    const auto out = h.first<events::Open>(p.out);
    QCOMPARE(out.behaviour, u"traffic=text; every=60000; on-close=send"_s);
    QCOMPARE(h.first<events::Open>(p.in).behaviour, QString()); // the in row has none

    // A plain client: an empty behaviour on its open.
    EngineHarness plain;
    const Pair q = connectToSelf(plain, u"traffic=silent"_s);
    QVERIFY(q.out && q.in);
    QCOMPARE(plain.first<events::Open>(q.out).behaviour, QString());
}

void tst_PeerBehaviours::sendThenAnswer_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("postClose");
    QTest::newRow("close: discarded") << CloseMode::Close << PostClose::Discarded;
    QTest::newRow("close_output: delivered") << CloseMode::CloseOutput << PostClose::Delivered;
}

void tst_PeerBehaviours::sendThenAnswer()
{
    // on-close=send: the server's Close arrives, the peer sends 3 more
    // messages, then answers. The server logs exactly those 3 as post-close.
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, postClose);
    EngineHarness h;
    const Pair p = connectToSelf(h, u"on-close=send;sends=3"_s);
    QVERIFY(p.out && p.in);
    closeRow(h, p.in, mode, 60000);

    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    // The server's row: its Close answered after 3 post-close messages.
    QCOMPARE(inClosed.state, State::Closed);
    QCOMPARE(inClosed.how, HowEnded::Handshake);
    QCOMPARE(inClosed.initiatedBy, Initiator::Server);
    QCOMPARE(inClosed.code, CloseCode(1001)); // the answer echoes the code
    const QList<Event> inMessages = h.all(EventType::MessageIn, p.in);
    QCOMPARE(previews(inMessages), numbered("late ", 1, 3));
    for (const auto &m : h.all<events::MessageIn>(p.in)) {
        QCOMPARE(m.postClose, postClose);
        QCOMPARE(m.wireSize > 0, deflateRun()); // travelled compressed in the deflate run
    }
    // The peer's row: exactly 3 sent after the Close it received, then its
    // answer (mode ack, the server's code), and nothing after it.
    QCOMPARE(outClosed.state, State::Closed);
    QCOMPARE(outClosed.initiatedBy, Initiator::Server);
    QCOMPARE(previews(eventsAfter(h, p.out, EventType::CloseReceived, EventType::MessageOut)),
             numbered("late ", 1, 3));
    QCOMPARE(h.all(EventType::MessageOut, p.out).size(), 3);
    const auto answer = h.first<events::CloseSent>(p.out);
    QCOMPARE(answer.mode, CloseMode::Ack);
    QCOMPARE(answer.code, CloseCode(1001));
    QVERIFY(h.find(EventType::CloseSent, p.out) > h.find(EventType::CloseReceived, p.out));
    QCOMPARE(eventsAfter(h, p.out, EventType::CloseSent, EventType::MessageOut).size(), 0);
}

void tst_PeerBehaviours::answerAfterDelay_data()
{
    sendThenAnswer_data();
}

void tst_PeerBehaviours::answerAfterDelay()
{
    // on-close=delay with text traffic: the messages sent while the answer
    // waits are post-close for the server (the demo's late messages). How
    // many depends on the clock; what must hold does not: the numbering
    // has no gap, both sides count the same, every message the peer sent
    // after the Close it received is post-close on the server, and none
    // follows the peer's answer.
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, postClose);
    ServerConfig config = testConfig();
    config.closeTimeoutMs = 60000; // far beyond the delay: the answer comes
    EngineHarness h(config);
    const Pair p = connectToSelf(h, u"traffic=text;every=10;on-close=delay;delay=200"_s);
    QVERIFY(p.out && p.in);
    // Some traffic first, so the server has something before its Close.
    QVERIFY(
        QTest::qWaitFor([&] { return h.all(EventType::MessageIn, p.in).size() >= 2; }, Patience));
    closeRow(h, p.in, mode, 60000);

    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    QCOMPARE(inClosed.state, State::Closed);
    QCOMPARE(inClosed.how, HowEnded::Handshake);
    QCOMPARE(outClosed.state, State::Closed);
    const auto answer = h.first<events::CloseSent>(p.out);
    QCOMPARE(answer.mode, CloseMode::Ack);
    QVERIFY(h.find(EventType::CloseSent, p.out) > h.find(EventType::CloseReceived, p.out));

    const QList<QByteArray> sent = previews(h.all(EventType::MessageOut, p.out));
    QVERIFY(sent.size() >= 2);
    QCOMPARE(sent, numbered("msg ", 1, int(sent.size())));
    // Nothing lost: the server read every one, in order.
    QCOMPARE(previews(h.all(EventType::MessageIn, p.in)), sent);
    QCOMPARE(eventsAfter(h, p.out, EventType::CloseSent, EventType::MessageOut).size(), 0);
    // Those sent after the server's Close reached the peer are post-close
    // on the server: the last ones of its messages.
    const QList<QByteArray> late =
        previews(eventsAfter(h, p.out, EventType::CloseReceived, EventType::MessageOut));
    const auto inMessages = h.all<events::MessageIn>(p.in);
    qsizetype postCloseCount = 0;
    for (const auto &m : inMessages) {
        if (m.postClose != PostClose::None) {
            QCOMPARE(m.postClose, postClose);
            ++postCloseCount;
        } else {
            QCOMPARE(postCloseCount, 0); // post-close ones are a suffix
        }
    }
    QVERIFY(postCloseCount >= late.size());
    for (qsizetype i = 0; i < late.size(); ++i)
        QCOMPARE(inMessages[inMessages.size() - late.size() + i].postClose, postClose);
    // Delivered or discarded, the row's counters agree with the messages.
    h.command([](server::Engine *e) { e->list("\"l\""); });
    const auto listed = h.result("\"l\"", Patience);
    QVERIFY(listed.ok);
    for (const QJsonValue &row : QJsonDocument::fromJson(listed.data).array()) {
        const QJsonObject o = row.toObject();
        if (quint32(o.value(u"id"_s).toInteger()) != p.in)
            continue;
        const QJsonObject counts = o.value(u"post_close"_s).toObject();
        const QString key = postClose == PostClose::Delivered ? u"delivered"_s : u"discarded"_s;
        QCOMPARE(counts.value(key).toInteger(), postCloseCount);
        QCOMPARE(o.value(u"msgs_in"_s).toInteger(), sent.size());
    }
}

void tst_PeerBehaviours::neverAnswers()
{
    // on-close=never: the server's close timeout ends it (an RST), the
    // peer sent nothing at all, not even a Close.
    ServerConfig config = testConfig();
    config.closeTimeoutMs = 300;
    EngineHarness h(config);
    const Pair p = connectToSelf(h, u"on-close=never"_s);
    QVERIFY(p.out && p.in);
    closeRow(h, p.in, CloseMode::Close);

    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    QCOMPARE(inClosed.state, State::Aborted);
    QCOMPARE(inClosed.how, HowEnded::Timeout);
    QCOMPARE(outClosed.state, State::Aborted);
    QCOMPARE(outClosed.how, HowEnded::PeerReset);
    QVERIFY(h.find(EventType::CloseReceived, p.out) >= 0); // it did get the Close
    QCOMPARE(h.all(EventType::CloseSent, p.out).size(), 0);
    QVERIFY(!outClosed.closeSent);
    QCOMPARE(h.all(EventType::MessageOut, p.out).size(), 0);
    QCOMPARE(h.all(EventType::CloseReceived, p.in).size(), 0);
}

void tst_PeerBehaviours::neverAnswersWhileSending()
{
    // on-close=never with traffic, against Close Output: the server keeps
    // delivering the peer's messages until its timeout. The server got an
    // unbroken run msg 1..M of what the peer sent (the RST may have cut
    // off the last ones), and none of the peer's came after the server's
    // Close unflagged.
    ServerConfig config = testConfig();
    EngineHarness h(config);
    const Pair p = connectToSelf(h, u"traffic=text;every=10;on-close=never"_s);
    QVERIFY(p.out && p.in);
    QVERIFY(
        QTest::qWaitFor([&] { return h.all(EventType::MessageIn, p.in).size() >= 1; }, Patience));
    closeRow(h, p.in, CloseMode::CloseOutput, 300);
    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    QCOMPARE(inClosed.how, HowEnded::Timeout);
    QCOMPARE(outClosed.how, HowEnded::PeerReset);
    QCOMPARE(h.all(EventType::CloseSent, p.out).size(), 0);

    const QList<QByteArray> sent = previews(h.all(EventType::MessageOut, p.out));
    const QList<QByteArray> got = previews(h.all(EventType::MessageIn, p.in));
    QVERIFY(!got.isEmpty());
    QCOMPARE(sent, numbered("msg ", 1, int(sent.size())));
    QCOMPARE(got, sent.first(got.size()));
    // Whatever the peer sent after it had the server's Close, the server
    // read (if at all) as delivered.
    const qsizetype late =
        eventsAfter(h, p.out, EventType::CloseReceived, EventType::MessageOut).size();
    const auto inMessages = h.all<events::MessageIn>(p.in);
    const qsizetype sentBefore = sent.size() - late;
    for (qsizetype i = sentBefore; i < inMessages.size(); ++i)
        QCOMPARE(inMessages[i].postClose, PostClose::Delivered);
}

void tst_PeerBehaviours::resetOnClose()
{
    EngineHarness h;
    const Pair p = connectToSelf(h, u"on-close=reset"_s);
    QVERIFY(p.out && p.in);
    closeRow(h, p.in, CloseMode::Close, 60000);
    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    // The server saw an RST, no Close; the peer reset it [R8].
    QCOMPARE(inClosed.state, State::Aborted);
    QCOMPARE(inClosed.how, HowEnded::PeerReset);
    QVERIFY(inClosed.tcpClosedByClient);
    QCOMPARE(h.all(EventType::CloseReceived, p.in).size(), 0);
    QCOMPARE(outClosed.state, State::Aborted);
    QCOMPARE(outClosed.how, HowEnded::Abort);
    QVERIFY(!outClosed.closeSent);
    QCOMPARE(h.all(EventType::CloseSent, p.out).size(), 0);
}

void tst_PeerBehaviours::finOnClose()
{
    EngineHarness h;
    const Pair p = connectToSelf(h, u"on-close=fin"_s);
    QVERIFY(p.out && p.in);
    closeRow(h, p.in, CloseMode::Close, 60000);
    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    // The server saw TCP closed (a FIN, not an RST) without a Close [R9].
    QCOMPARE(inClosed.state, State::Aborted);
    QCOMPARE(inClosed.how, HowEnded::PeerEof);
    QVERIFY(inClosed.tcpClosedByClient);
    QCOMPARE(h.all(EventType::CloseReceived, p.in).size(), 0);
    // The peer ended it itself, without a Close.
    QCOMPARE(outClosed.state, State::Aborted);
    QCOMPARE(outClosed.how, HowEnded::Abort);
    QVERIFY(!outClosed.closeSent);
    QCOMPARE(h.all(EventType::CloseSent, p.out).size(), 0);
}

void tst_PeerBehaviours::closeAfter_data()
{
    QTest::addColumn<QString>("behaviour");
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<PostClose>("postClose");
    QTest::newRow("close_output")
        << u"close-after=0;close-mode=close_output;close-code=4001;close-reason=client leaving"_s
        << CloseMode::CloseOutput << PostClose::Delivered;
    QTest::newRow("close") << u"close-after=0;close-code=4001;close-reason=client leaving"_s
                           << CloseMode::Close << PostClose::Discarded;
}

void tst_PeerBehaviours::closeAfter()
{
    // The peer starts the close; the server (manual acknowledge) sees the
    // peer's Close and waits, sends two messages, then answers. The peer
    // delivers them after Close Output, discards them after Close.
    QFETCH(QString, behaviour);
    QFETCH(CloseMode, mode);
    QFETCH(PostClose, postClose);
    ServerConfig config = testConfig();
    config.manualAck = true;
    config.closeTimeoutMs = 60000;
    EngineHarness h(config);
    const Pair p = connectToSelf(h, behaviour);
    QVERIFY(p.out && p.in);

    const auto received = waitFirst<events::CloseReceived>(h, p.in);
    QCOMPARE(received.code, CloseCode(4001));
    QCOMPARE(received.reason, u"client leaving"_s);
    const auto ours = h.first<events::CloseSent>(p.out);
    QCOMPARE(ours.mode, mode);
    QCOMPARE(ours.code, CloseCode(4001));
    h.command([in = p.in](server::Engine *e) {
        e->sendMessage(EngineHarness::one(in), MessageType::Text, "late 1", "\"l1\"");
        e->sendMessage(EngineHarness::one(in), MessageType::Text, "late 2", "\"l2\"");
        e->closeConnections(EngineHarness::one(in), 1000, u"bye"_s, CloseMode::Close, -1,
                            "\"ack\"");
    });
    QVERIFY(h.result("\"ack\"", Patience).ok);

    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    QCOMPARE(inClosed.state, State::Closed);
    QCOMPARE(inClosed.initiatedBy, Initiator::Client); // the peer closed first
    QCOMPARE(inClosed.code, CloseCode(4001));
    QCOMPARE(outClosed.state, State::Closed);
    QCOMPARE(outClosed.initiatedBy, Initiator::Client);
    QCOMPARE(outClosed.code, CloseCode(1000));
    const auto late = h.all<events::MessageIn>(p.out);
    QCOMPARE(late.size(), 2);
    QCOMPARE(late[0].preview, QByteArray("late 1"));
    QCOMPARE(late[0].postClose, postClose);
    QCOMPARE(late[1].postClose, postClose);
}

void tst_PeerBehaviours::textTrafficUntilOwnClose()
{
    // Text traffic, then the peer's own Close: the server read an unbroken
    // run msg 1..N, all of them before the Close, and the peer sent
    // nothing after its Close.
    EngineHarness h;
    const Pair p = connectToSelf(h, u"traffic=text;every=10;close-after=150"_s);
    QVERIFY(p.out && p.in);
    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    QCOMPARE(inClosed.state, State::Closed);
    QCOMPARE(inClosed.initiatedBy, Initiator::Client);
    QCOMPARE(outClosed.state, State::Closed);
    const QList<QByteArray> sent = previews(h.all(EventType::MessageOut, p.out));
    QCOMPARE(sent, numbered("msg ", 1, int(sent.size())));
    QCOMPARE(previews(h.all(EventType::MessageIn, p.in)), sent);
    for (const auto &m : h.all<events::MessageIn>(p.in))
        QCOMPARE(m.postClose, PostClose::None);
    QCOMPARE(eventsAfter(h, p.out, EventType::CloseSent, EventType::MessageOut).size(), 0);
}

void tst_PeerBehaviours::binaryTraffic()
{
    EngineHarness h;
    const Pair p = connectToSelf(h, u"traffic=binary;every=10;size=3000"_s);
    QVERIFY(p.out && p.in);
    QVERIFY(
        QTest::qWaitFor([&] { return h.all(EventType::MessageIn, p.in).size() >= 3; }, Patience));
    closeRow(h, p.in, CloseMode::Close, 60000);
    QVERIFY(waitFirst<events::Closed>(h, p.out).seq != 0);
    QVERIFY(waitFirst<events::Closed>(h, p.in).seq != 0);
    const auto got = h.all<events::MessageIn>(p.in);
    QCOMPARE(got.size(), h.all(EventType::MessageOut, p.out).size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].messageType, MessageType::Binary);
        QCOMPARE(got[i].size, 3000);
        // Each starts with its number, 32-bit big-endian.
        QCOMPARE(qFromBigEndian<quint32>(got[i].preview.constData()), quint32(i + 1));
        QCOMPARE(quint8(got[i].preview.at(4)), quint8(4));
    }
}

void tst_PeerBehaviours::echoTraffic()
{
    EngineHarness h;
    const Pair p = connectToSelf(h, u"traffic=echo"_s);
    QVERIFY(p.out && p.in);
    h.command([in = p.in](server::Engine *e) {
        e->sendMessage(EngineHarness::one(in), MessageType::Text, "hello", "\"s1\"");
        e->sendMessage(EngineHarness::one(in), MessageType::Binary, QByteArray("\x01\x02", 2),
                       "\"s2\"");
    });
    QVERIFY(
        QTest::qWaitFor([&] { return h.all(EventType::MessageIn, p.in).size() == 2; }, Patience));
    const auto back = h.all<events::MessageIn>(p.in);
    QCOMPARE(back[0].preview, QByteArray("hello"));
    QCOMPARE(back[0].messageType, MessageType::Text);
    QCOMPARE(back[1].preview, QByteArray("\x01\x02", 2));
    QCOMPARE(back[1].messageType, MessageType::Binary);
    // The server does not echo (echo is off): the peer got exactly two.
    QCOMPARE(h.all(EventType::MessageIn, p.out).size(), 2);
}

void tst_PeerBehaviours::behaviourOverridesManualAck()
{
    // The engine's manual_ack holds the server's rows; a peer with a
    // behaviour answers as its on-close says (here: at once).
    ServerConfig config = testConfig();
    config.manualAck = true;
    EngineHarness h(config);
    const Pair p = connectToSelf(h, u"traffic=echo"_s);
    QVERIFY(p.out && p.in);
    // `set` reapplies the options to every row: still the behaviour's.
    h.command([](server::Engine *e) { e->setOptions(-1, 1, -1, "\"set\""); });
    QVERIFY(h.result("\"set\"", Patience).ok);
    closeRow(h, p.in, CloseMode::Close, 60000);
    const auto outClosed = waitFirst<events::Closed>(h, p.out);
    QCOMPARE(outClosed.state, State::Closed);
    QCOMPARE(h.first<events::CloseSent>(p.out).mode, CloseMode::Ack);
    QCOMPARE(waitFirst<events::Closed>(h, p.in).how, HowEnded::Handshake);
}

void tst_PeerBehaviours::shutdownEndsDrivenPeers()
{
    // Peers still sending, or holding an answer for an hour: the engine's
    // shutdown ends every row, and the engine stops (no timer of theirs
    // keeps anything alive).
    EngineHarness h;
    const Pair a = connectToSelf(h, u"traffic=text;every=10;on-close=never"_s);
    QVERIFY(a.out && a.in);
    ConnectRequest request;
    request.url = u"ws://127.0.0.1:%1/"_s.arg(h.waitListening());
    request.behaviour = u"on-close=delay;delay=3600000"_s;
    h.command([request](server::Engine *e) { e->connectTo(request, "\"c2\""); });
    QVERIFY(h.result("\"c2\"", Patience).ok);
    QVERIFY(QTest::qWaitFor([&] { return h.all(EventType::Open).size() == 4; }, Patience));
    QVERIFY(
        QTest::qWaitFor([&] { return h.all(EventType::MessageIn, a.in).size() >= 1; }, Patience));
    h.command([](server::Engine *e) { e->shutdown(1001, u"maintenance"_s, 500, "\"q\""); });
    QVERIFY(QTest::qWaitFor([&] { return h.stopped; }, Patience));
    QVERIFY(h.result("\"q\"", Patience).ok);
    QCOMPARE(h.all(EventType::Closed).size(), 4);
    // Nothing from any row after the engine's last word.
    QCOMPARE(h.events.last().type(), EventType::Result);
}

void tst_PeerBehaviours::overWss()
{
    // The driver sits above the transport: the same behaviour over TLS.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestCertificate cert = TestCertificate::make(dir.path());
    if (cert.noOpenssl)
        QSKIP(qPrintable(cert.error));
    QVERIFY2(cert.error.isEmpty(), qPrintable(cert.error));
    ServerConfig config = testConfig();
    config.tlsCertFile = cert.certFile;
    config.tlsKeyFile = cert.keyFile;
    EngineHarness h(config);
    const Pair p = connectToSelf(h, u"traffic=text;every=10;on-close=send;sends=3"_s, true);
    QVERIFY(p.out && p.in);
    QCOMPARE(h.first<events::Open>(p.out).behaviour, u"traffic=text; every=10; on-close=send"_s);
    QVERIFY(
        QTest::qWaitFor([&] { return h.all(EventType::MessageIn, p.in).size() >= 2; }, Patience));
    closeRow(h, p.in, CloseMode::CloseOutput, 60000);
    const auto inClosed = waitFirst<events::Closed>(h, p.in);
    QCOMPARE(inClosed.state, State::Closed);
    QCOMPARE(waitFirst<events::Closed>(h, p.out).state, State::Closed);
    // The numbered traffic, then exactly the 3 late ones, all read.
    const QList<QByteArray> sent = previews(h.all(EventType::MessageOut, p.out));
    QVERIFY(sent.size() >= 5);
    QCOMPARE(sent.first(sent.size() - 3), numbered("msg ", 1, int(sent.size()) - 3));
    QCOMPARE(sent.last(3), numbered("late ", 1, 3));
    QCOMPARE(previews(eventsAfter(h, p.out, EventType::CloseReceived, EventType::MessageOut)),
             numbered("late ", 1, 3));
    const auto got = h.all<events::MessageIn>(p.in);
    QCOMPARE(previews(h.all(EventType::MessageIn, p.in)), sent);
    for (qsizetype i = got.size() - 3; i < got.size(); ++i)
        QCOMPARE(got[i].postClose, PostClose::Delivered);
}

QTEST_GUILESS_MAIN(tst_PeerBehaviours)
#include "tst_peerbehaviours.moc"
