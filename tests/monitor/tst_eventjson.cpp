// The JSON Lines writer against docs/headless.md: every event type's exact field
// set and values (parsed back with QJsonDocument, an independent reader),
// string escaping, previews cut on a UTF-8 boundary, base64, and the
// reader that turns a line back into an Event.

#include "eventsamples.h"

#include "monitor/eventjson.h"
#include "monitor/eventtext.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace closecall;
using monitor::appendEventJson;
using monitor::eventToJson;
using server::Event;
using server::EventType;

namespace {

Event stamped(Event e)
{
    e.seq = 1;
    e.tUs = 5;
    e.wallUs = samples::BaseWallUs;
    return e;
}

QJsonObject parseLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning() << "not a JSON object:" << error.errorString() << line;
    return doc.object();
}

// The fields every event has, as this test's expected objects spell them.
const QByteArray Common = R"("seq":1,"time":"2026-11-26T10:44:22.123456Z","t_us":5,)";

} // namespace

class tst_EventJson final : public QObject
{
    Q_OBJECT

private slots:
    void contract_data();
    void contract();
    void wholeRunRoundTrips();
    void outgoingOpenBehaviour();
    void proxyLegsRoundTrip();
    void eventNames();
    void escaping_data();
    void escaping();
    void textPreview_data();
    void textPreview();
    void binaryPreview_data();
    void binaryPreview();
    void isoTime_data();
    void isoTime();
    void resultRawJson_data();
    void resultRawJson();
    void readerRejects_data();
    void readerRejects();
    void throughput();
};

void tst_EventJson::contract_data()
{
    using namespace samples;
    using protocol::State;
    QTest::addColumn<Event>("event");
    QTest::addColumn<QByteArray>("expected"); // the whole object, every field

    QTest::newRow("listening")
        << stamped(listening())
        << "{" + Common + R"("event":"listening","address":"127.0.0.1","port":9001,"tls":false})";
    QTest::newRow("handshake_failed 403")
        << stamped(handshakeFailed())
        << "{" + Common +
               R"("event":"handshake_failed","conn":3,"state":"Aborted","remote":"127.0.0.1:50200","status":403,"reason":"Origin \"http://evil.test\" is not allowed","role":"in"})";
    QTest::newRow("handshake_failed outgoing")
        << stamped(outgoingHandshakeFailed())
        << "{" + Common +
               R"("event":"handshake_failed","conn":4,"state":"Connecting","remote":"","status":0,"reason":"connection refused","role":"out","url":"ws://127.0.0.1:1/x"})";
    QTest::newRow("open with repeated header")
        << stamped(openEvent(7))
        << "{" + Common +
               R"("event":"open","conn":7,"state":"Open","remote":"127.0.0.1:50123","path":"/chat room","query":"room=1&name=a%20b","subprotocol":"chat","origin":"http://example.test","user_agent":"test-agent/1.0","headers":{"Host":"127.0.0.1:9001","Upgrade":"websocket","Connection":"Upgrade","Sec-WebSocket-Key":"dGhlIHNhbXBsZSBub25jZQ==","Sec-WebSocket-Version":"13","X-Dup":"a, b"},"role":"in"})";
    QTest::newRow("open outgoing")
        << stamped(outgoingOpen())
        << "{" + Common +
               R"("event":"open","conn":9,"state":"Open","remote":"127.0.0.1:9001","path":"/chat","query":"a=1","subprotocol":"","origin":"","user_agent":"","headers":{"Upgrade":"websocket","Connection":"Upgrade"},"role":"out","url":"ws://127.0.0.1:9001/chat?a=1","behaviour":""})";
    QTest::newRow("message_in text, not post-close")
        << stamped(message(EventType::MessageIn, 7, State::Open, "hello"))
        << "{" + Common +
               R"("event":"message_in","conn":7,"state":"Open","type":"text","size":5,"preview":"hello","post_close":null})";
    QTest::newRow("message_in post-close delivered")
        << stamped(message(EventType::MessageIn, 7, State::CloseSent, "late",
                           protocol::MessageType::Text, protocol::PostClose::Delivered))
        << "{" + Common +
               R"("event":"message_in","conn":7,"state":"CloseSent","type":"text","size":4,"preview":"late","post_close":"delivered"})";
    QTest::newRow("message_in post-close discarded, binary")
        << stamped(message(EventType::MessageIn, 8, State::CloseSent,
                           QByteArray("\x00\x01\x02\xff", 4), protocol::MessageType::Binary,
                           protocol::PostClose::Discarded))
        << "{" + Common +
               R"("event":"message_in","conn":8,"state":"CloseSent","type":"binary","size":4,"preview":"AAEC/w==","post_close":"discarded"})";
    QTest::newRow("message_in crossed our Close")
        << stamped(crossed(message(EventType::MessageIn, 7, State::CloseSent, "early",
                                   protocol::MessageType::Text, protocol::PostClose::Discarded)))
        << "{" + Common +
               R"("event":"message_in","conn":7,"state":"CloseSent","type":"text","size":5,"preview":"early","post_close":"discarded","crossed":true})";
    QTest::newRow("ping_in crossed our Close")
        << stamped(crossed(message(EventType::PingIn, 7, State::CloseSent, "p")))
        << "{" + Common +
               R"("event":"ping_in","conn":7,"state":"CloseSent","size":1,"preview":"p","type":"text","crossed":true})";
    QTest::newRow("message_out text")
        << stamped(message(EventType::MessageOut, 7, State::Open, "echo"))
        << "{" + Common +
               R"("event":"message_out","conn":7,"state":"Open","type":"text","size":4,"preview":"echo"})";
    QTest::newRow("ping_in text payload")
        << stamped(message(EventType::PingIn, 7, State::Open, "ping"))
        << "{" + Common +
               R"("event":"ping_in","conn":7,"state":"Open","size":4,"preview":"ping","type":"text"})";
    QTest::newRow("pong_in empty")
        << stamped(message(EventType::PongIn, 7, State::Open, {}))
        << "{" + Common +
               R"("event":"pong_in","conn":7,"state":"Open","size":0,"preview":"","type":"text"})";
    QTest::newRow("ping_out binary payload -> base64")
        << stamped(message(EventType::PingOut, 7, State::Open, QByteArray("\xff\xfe", 2),
                           protocol::MessageType::Binary))
        << "{" + Common +
               R"("event":"ping_out","conn":7,"state":"Open","size":2,"preview":"//4=","type":"binary"})";
    QTest::newRow("pong_out invalid UTF-8 marked text -> base64")
        << stamped(message(EventType::PongOut, 7, State::Open, QByteArray("\xc3\x28", 2)))
        << "{" + Common +
               R"("event":"pong_out","conn":7,"state":"Open","size":2,"preview":"wyg=","type":"binary"})";
    QTest::newRow("close_sent 1001 close_output")
        << stamped(closeSent(7, 1001, u"deploy"_s, protocol::CloseMode::CloseOutput))
        << "{" + Common +
               R"("event":"close_sent","conn":7,"state":"CloseSent","code":1001,"code_name":"Going Away","reason":"deploy","mode":"close_output"})";
    QTest::newRow("close_sent empty (null code) close")
        << stamped(closeSent(8, std::nullopt, {}, protocol::CloseMode::Close))
        << "{" + Common +
               R"("event":"close_sent","conn":8,"state":"CloseSent","code":null,"reason":"","mode":"close"})";
    QTest::newRow("close_sent 4000 private code has no code_name")
        << stamped(closeSent(8, 4000, u"x"_s, protocol::CloseMode::Ack))
        << "{" + Common +
               R"("event":"close_sent","conn":8,"state":"CloseSent","code":4000,"reason":"x","mode":"ack"})";
    QTest::newRow("close_sent protocol_error / shutdown modes")
        << stamped(closeSent(8, 1002, {}, protocol::CloseMode::ProtocolError))
        << "{" + Common +
               R"("event":"close_sent","conn":8,"state":"CloseSent","code":1002,"code_name":"Protocol Error","reason":"","mode":"protocol_error"})";
    QTest::newRow("close_received 1000")
        << stamped(closeReceived(7, 1000, u"bye"_s))
        << "{" + Common +
               R"("event":"close_received","conn":7,"state":"CloseSent","code":1000,"code_name":"Normal Closure","reason":"bye"})";
    QTest::newRow("close_received no payload")
        << stamped(closeReceived(7, std::nullopt, {}))
        << "{" + Common +
               R"("event":"close_received","conn":7,"state":"CloseSent","code":null,"reason":""})";
    QTest::newRow("state Open -> CloseSent")
        << stamped(stateChange(7, State::Open, State::CloseSent))
        << "{" + Common +
               R"("event":"state","conn":7,"state":"CloseSent","from":"Open","to":"CloseSent"})";
    QTest::newRow("closed Closed by handshake")
        << stamped(closed(7, State::Closed, 1001, u"deploy"_s, protocol::HowEnded::Handshake, false,
                          protocol::Initiator::Server, 1234))
        << "{" + Common +
               R"("event":"closed","conn":7,"state":"Closed","final":"Closed","code":1001,"code_name":"Going Away","reason":"deploy","how":"handshake","tcp_closed_by":"server","initiated_by":"server","close_handshake_us":1234,"sent_code":null,"sent_reason":null,"ack_delay_us":null})";
    QTest::newRow("closed Aborted timeout, null handshake time")
        << stamped(closed(8, State::Aborted, 1006, {}, protocol::HowEnded::Timeout, true,
                          protocol::Initiator::None, -1))
        << "{" + Common +
               R"("event":"closed","conn":8,"state":"Aborted","final":"Aborted","code":1006,"code_name":"Abnormal Closure","reason":"","how":"timeout","tcp_closed_by":"client","initiated_by":"none","close_handshake_us":null,"sent_code":null,"sent_reason":null,"ack_delay_us":null})";
    QTest::newRow("closed: the peer's 4100 answered with our 4003")
        << stamped(closedAfterSending(closed(9, State::Closed, 4100, u"client leaving"_s,
                                             protocol::HowEnded::Handshake, false,
                                             protocol::Initiator::Client, -1),
                                      4003, u"not yet"_s, 2500))
        << "{" + Common +
               R"("event":"closed","conn":9,"state":"Closed","final":"Closed","code":4100,"reason":"client leaving","how":"handshake","tcp_closed_by":"server","initiated_by":"client","close_handshake_us":null,"sent_code":4003,"sent_reason":"not yet","ack_delay_us":2500})";
    QTest::newRow("closed: our empty Close (null code, empty reason)")
        << stamped(
               closedAfterSending(closed(8, State::Closed, 1005, {}, protocol::HowEnded::Handshake,
                                         false, protocol::Initiator::Server, 10),
                                  std::nullopt, {}))
        << "{" + Common +
               R"("event":"closed","conn":8,"state":"Closed","final":"Closed","code":1005,"code_name":"No Status Rcvd","reason":"","how":"handshake","tcp_closed_by":"server","initiated_by":"server","close_handshake_us":10,"sent_code":null,"sent_reason":"","ack_delay_us":null})";
    QTest::newRow("error without conn")
        << stamped(error(0, u"boom"_s)) << "{" + Common + R"("event":"error","message":"boom"})";
    QTest::newRow("error with conn")
        << stamped(error(7, u"frame dropped"_s))
        << "{" + Common + R"("event":"error","conn":7,"state":"Open","message":"frame dropped"})";
    QTest::newRow("result ok with id and data")
        << stamped(result("3", true, {}, R"({"n":1,"s":"x"})"))
        << "{" + Common + R"("event":"result","id":3,"ok":true,"data":{"n":1,"s":"x"}})";
    QTest::newRow("result failed, string id")
        << stamped(result(R"("a")", false, u"unknown connection 99"_s, {}))
        << "{" + Common +
               R"("event":"result","id":"a","ok":false,"error":"unknown connection 99"})";
    QTest::newRow("result without id")
        << stamped(result({}, true, {}, {})) << "{" + Common + R"("event":"result","ok":true})";
}

void tst_EventJson::contract()
{
    QFETCH(Event, event);
    QFETCH(QByteArray, expected);

    const QByteArray line = eventToJson(event);
    QVERIFY2(!line.contains('\n'), line.constData());
    const QJsonObject actual = parseLine(line);
    const QJsonObject want = parseLine(expected);
    QVERIFY(!want.isEmpty());
    // Every contract field, with its value; nothing missing, nothing extra.
    QCOMPARE(actual.keys(), want.keys());
    for (auto it = want.begin(); it != want.end(); ++it)
        QCOMPARE(actual.value(it.key()), it.value());
    // The writer keeps the contract's field order (the expectations are in it).
    QCOMPARE(line, expected);

    // appendEventJson is the same object and a newline.
    QByteArray appended = "prefix";
    appendEventJson(appended, event);
    QCOMPARE(appended, "prefix" + expected + '\n');

    // And it reads back into the same event.
    QString error;
    const std::optional<Event> back = monitor::eventFromJson(actual, &error);
    QVERIFY2(back, qPrintable(error));
    samples::compare(*back, event);
}

void tst_EventJson::wholeRunRoundTrips()
{
    const server::EventBatch run = samples::run();
    QByteArray out;
    for (const Event &e : run)
        appendEventJson(out, e);
    QVERIFY(out.endsWith('\n'));
    const QList<QByteArray> lines = out.chopped(1).split('\n');
    QCOMPARE(lines.size(), run.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject o = parseLine(lines[i]);
        QCOMPARE(o.value("seq"_L1).toInteger(), qint64(i + 1));
        QCOMPARE(o.value("event"_L1).toString(), monitor::eventName(run[i].type()));
        const std::optional<Event> back = monitor::eventFromJson(o);
        QVERIFY(back);
        samples::compare(*back, run[i]);
        if (QTest::currentTestFailed())
            QFAIL(lines[i].constData());
    }
}

void tst_EventJson::outgoingOpenBehaviour()
{
    // An out row's open carries its peer behaviour (docs/headless.md "Peer
    // behaviours"): "" for a plain client; an in row has no such field.
    Event in = stamped(samples::openEvent(7));
    QVERIFY(!parseLine(eventToJson(in)).contains("behaviour"_L1));

    server::events::Open open = in.as<server::events::Open>();
    open.outgoing = true;
    open.url = u"ws://127.0.0.1:9001/chat"_s;
    open.behaviour = u"traffic=text; every=200; on-close=send; sends=5"_s;
    const Event out = stamped(Event(open, 8, protocol::State::Open));
    const QJsonObject o = parseLine(eventToJson(out));
    QCOMPARE(o.value("behaviour"_L1).toString(), open.behaviour);
    const std::optional<Event> back = monitor::eventFromJson(o);
    QVERIFY(back);
    QCOMPARE(back->as<server::events::Open>().behaviour, open.behaviour);
    // The text log shows it on the open line.
    QByteArray line;
    monitor::appendTextLine(line, out);
    QVERIFY2(line.contains("behaviour \"traffic=text; every=200; on-close=send; sends=5\""),
             line.constData());

    open.behaviour.clear();
    const QJsonObject plain = parseLine(eventToJson(Event(open, 8, protocol::State::Open)));
    QCOMPARE(plain.value("behaviour"_L1), QJsonValue(u""_s));
}

void tst_EventJson::proxyLegsRoundTrip()
{
    // docs/headless.md "Proxy mode": a leg's events carry pair and leg
    // right after state; not_relayed names what could not be passed on.
    Event late =
        stamped(samples::message(EventType::MessageIn, 9, protocol::State::CloseSent, "late",
                                 protocol::MessageType::Text, protocol::PostClose::Delivered));
    late.leg = server::Leg::Server;
    late.pair = 8;
    const QByteArray json = eventToJson(late);
    QVERIFY2(json.contains(R"("conn":9,"state":"CloseSent","pair":8,"leg":"server",)"),
             json.constData());
    std::optional<Event> back = monitor::eventFromJson(parseLine(json));
    QVERIFY(back);
    samples::compare(late, *back);
    if (QTest::currentTestFailed())
        return;

    Event lost = stamped(Event(server::events::NotRelayed{protocol::MessageType::Binary, false, 42,
                                                          u"the client leg has ended"_s},
                               9, protocol::State::CloseSent));
    lost.leg = server::Leg::Server;
    lost.pair = 8;
    const QJsonObject o = parseLine(eventToJson(lost));
    QCOMPARE(o.value("event"_L1).toString(), u"not_relayed"_s);
    QCOMPARE(o.value("type"_L1).toString(), u"binary"_s);
    QCOMPARE(o.value("size"_L1).toInteger(), 42);
    QCOMPARE(o.value("reason"_L1).toString(), u"the client leg has ended"_s);
    back = monitor::eventFromJson(o);
    QVERIFY(back);
    samples::compare(lost, *back);

    // Outside proxy mode neither field is written.
    QVERIFY(!parseLine(eventToJson(stamped(samples::openEvent(7)))).contains("leg"_L1));
}

void tst_EventJson::eventNames()
{
    const QStringList expected = {u"listening"_s,      u"handshake_failed"_s,
                                  u"open"_s,           u"message_in"_s,
                                  u"message_out"_s,    u"ping_in"_s,
                                  u"pong_in"_s,        u"ping_out"_s,
                                  u"pong_out"_s,       u"close_sent"_s,
                                  u"close_received"_s, u"state"_s,
                                  u"closed"_s,         u"error"_s,
                                  u"not_relayed"_s,    u"result"_s};
    for (int i = 0; i <= int(EventType::Result); ++i) {
        QCOMPARE(monitor::eventName(EventType(i)), expected.at(i));
        QCOMPARE(monitor::eventTypeFromName(expected.at(i)), EventType(i));
    }
    QVERIFY(!monitor::eventTypeFromName(u"message"_s));
}

void tst_EventJson::escaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");  // as written in the line
    QTest::addColumn<QString>("readBack"); // as a JSON parser reads it

    const auto same = [](const char *name, const QString &text, const QByteArray &json) {
        QTest::newRow(name) << text << json << text;
    };
    same("plain", u"deploy"_s, R"("deploy")");
    same("empty", QString(), R"("")");
    same("quote and backslash", uR"(say "hi" \o/)"_s, R"("say \"hi\" \\o/")");
    same("newline tab CR", u"a\nb\tc\rd"_s, R"("a\nb\tc\rd")");
    same("NUL as \\u0000", QString(QChar(0)) + u'x', R"("\u0000x")");
    same("C0 controls as \\u00XX", u"\x01\x08\x0c\x1f"_s, R"("\u0001\u0008\u000c\u001f")");
    same("DEL passes through", u"a\x7f"_s, "\"a\x7f\"");
    same("slash not escaped", u"a/b"_s, R"("a/b")");
    same("Latin-1 and BMP as UTF-8", u"Grüße – 日本"_s,
         "\"Gr\xc3\xbc\xc3\x9f"
         "e \xe2\x80\x93 \xe6\x97\xa5\xe6\x9c\xac\"");
    same("astral (surrogate pair) as 4 bytes", u"\U0001F600"_s, "\"\xf0\x9f\x98\x80\"");
    same("U+2028/U+2029 escaped", u"a\u2028b\u2029"_s, R"("a\u2028b\u2029")");
    QTest::newRow("lone high surrogate -> U+FFFD") << (u'a' + QString(QChar(0xD800)) + u'b')
                                                   << QByteArray("\"a\xef\xbf\xbd"
                                                                 "b\"")
                                                   << u"a\uFFFDb"_s;
    QTest::newRow("lone low surrogate at end -> U+FFFD")
        << (u'a' + QString(QChar(0xDC00))) << QByteArray("\"a\xef\xbf\xbd\"") << u"a\uFFFD"_s;
}

void tst_EventJson::escaping()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, json);
    QFETCH(QString, readBack);

    QByteArray out;
    monitor::appendJsonString(out, text);
    QCOMPARE(out, json);

    // The same text in a field of a whole event (the reason of a close).
    Event e = stamped(samples::closeSent(7, 1000, text, protocol::CloseMode::Close));
    const QByteArray line = eventToJson(e);
    QVERIFY(line.contains(QByteArray(",\"reason\":" + json + ',')));
    QCOMPARE(parseLine(line).value("reason"_L1).toString(), readBack);
}

void tst_EventJson::textPreview_data()
{
    QTest::addColumn<QByteArray>("preview");
    QTest::addColumn<qint64>("size"); // > preview size: the preview was cut
    QTest::addColumn<QString>("expected");

    const QByteArray a1023(1023, 'a'), a1022(1022, 'a'), a1021(1021, 'a'), a1020(1020, 'a');
    const QString s1023(1023, u'a'), s1022(1022, u'a'), s1021(1021, u'a'), s1020(1020, u'a');
    QTest::newRow("ascii, whole") << QByteArray("hello") << qint64(5) << u"hello"_s;
    QTest::newRow("cut 2-byte char: dropped") << (a1023 + "\xc3") << qint64(2000) << s1023;
    QTest::newRow("cut 3-byte char after 2: dropped")
        << (a1022 + "\xe2\x82") << qint64(2000) << s1022;
    QTest::newRow("cut 4-byte char after 3: dropped")
        << (a1021 + "\xf0\x9f\x98") << qint64(2000) << s1021;
    QTest::newRow("cut 4-byte char after 1: dropped") << (a1023 + "\xf0") << qint64(2000) << s1023;
    QTest::newRow("4-byte char ends exactly at the cut: kept")
        << (a1020 + "\xf0\x9f\x98\x80") << qint64(2000) << (s1020 + u"\U0001F600"_s);
    QTest::newRow("invalid byte at the cut is not a cut char: U+FFFD")
        << (a1023 + "\xff") << qint64(2000) << (s1023 + u'\xFFFD');
    QTest::newRow("incomplete tail without a cut: U+FFFD")
        << QByteArray("ab\xc3") << qint64(3) << u"ab\uFFFD"_s;
    QTest::newRow("invalid byte inside: U+FFFD") << QByteArray("a\xff"
                                                               "b")
                                                 << qint64(3) << u"a\uFFFDb"_s;
    QTest::newRow("overlong '/': one U+FFFD per byte")
        << QByteArray("\xc0\xaf") << qint64(2) << u"\uFFFD\uFFFD"_s;
    QTest::newRow("encoded surrogate: U+FFFD x3")
        << QByteArray("\xed\xa0\x80") << qint64(3) << u"\uFFFD\uFFFD\uFFFD"_s;
    QTest::newRow("above U+10FFFF: U+FFFD per byte")
        << QByteArray("\xf4\x90\x80\x80") << qint64(4) << u"\uFFFD\uFFFD\uFFFD\uFFFD"_s;
    QTest::newRow("truncated 2-byte then valid lead: only the last is dropped")
        << (QByteArray("x\xc3") + "y\xe2\x82") << qint64(100) << u"x\uFFFDy"_s;
    QTest::newRow("controls in a text message")
        << QByteArray("a\nb\x01") << qint64(4) << u"a\nb\x01"_s;
}

void tst_EventJson::textPreview()
{
    QFETCH(QByteArray, preview);
    QFETCH(qint64, size);
    QFETCH(QString, expected);

    Event e = stamped(samples::message(EventType::MessageIn, 7, protocol::State::Open, preview));
    samples::edit(e, [&](server::events::Payload &p) { p.size = size; });
    const QJsonObject o = parseLine(eventToJson(e));
    QCOMPARE(o.value("preview"_L1).toString(), expected);
    QCOMPARE(o.value("size"_L1).toInteger(), size);
    // Every export shows the same text (HAR uses previewText).
    QCOMPARE(monitor::previewText(e), expected);
}

void tst_EventJson::binaryPreview_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("base64");

    QTest::newRow("empty") << QByteArray() << QByteArray("");
    QTest::newRow("1 byte (==)") << QByteArray("\x00", 1) << QByteArray("AA==");
    QTest::newRow("2 bytes (=)") << QByteArray("\x00\x01", 2) << QByteArray("AAE=");
    QTest::newRow("3 bytes") << QByteArray("\x00\x01\x02", 3) << QByteArray("AAEC");
    QTest::newRow("high bits, + and /") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("+/+/");
    QByteArray all(1024, Qt::Uninitialized);
    for (int i = 0; i < all.size(); ++i)
        all[i] = char(i * 7 + 3);
    QTest::newRow("1024 bytes") << all << all.toBase64();
}

void tst_EventJson::binaryPreview()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, base64);

    const Event e = stamped(samples::message(EventType::MessageOut, 7, protocol::State::Open, bytes,
                                             protocol::MessageType::Binary));
    const QJsonObject o = parseLine(eventToJson(e));
    QCOMPARE(o.value("preview"_L1).toString().toLatin1(), base64);
    QCOMPARE(o.value("type"_L1).toString(), u"binary"_s);
    QCOMPARE(monitor::eventFromJson(o)->messagePayload()->preview, bytes);
}

void tst_EventJson::isoTime_data()
{
    QTest::addColumn<qint64>("wallUs");
    QTest::addColumn<QByteArray>("iso");

    QTest::newRow("epoch") << qint64(0) << QByteArray("1970-01-01T00:00:00.000000Z");
    QTest::newRow("the contract's example")
        << samples::BaseWallUs << QByteArray("2026-11-26T10:44:22.123456Z");
    QTest::newRow("1 us before the epoch")
        << qint64(-1) << QByteArray("1969-12-31T23:59:59.999999Z");
    QTest::newRow("leap day") << qint64(1709251199999999)
                              << QByteArray("2024-02-29T23:59:59.999999Z");
    QTest::newRow("2000-03-01 (400-year leap)")
        << qint64(951868800000001) << QByteArray("2000-03-01T00:00:00.000001Z");
    QTest::newRow("1900-01-01") << qint64(-2208988800000000)
                                << QByteArray("1900-01-01T00:00:00.000000Z");
    QTest::newRow("year 9999") << qint64(253402300799999999)
                               << QByteArray("9999-12-31T23:59:59.999999Z");
}

void tst_EventJson::isoTime()
{
    QFETCH(qint64, wallUs);
    QFETCH(QByteArray, iso);

    QCOMPARE(monitor::isoTime(wallUs), iso);
    QCOMPARE(monitor::parseIsoTime(QString::fromLatin1(iso)), wallUs);
    QByteArray text;
    monitor::appendIsoTime(text, wallUs, ' ', false);
    QCOMPARE(text, iso.chopped(1).replace('T', ' '));
    QCOMPARE(monitor::parseIsoTime(QString::fromLatin1(text)), wallUs);
    // Milliseconds (as Chrome writes them) read too.
    QCOMPARE(monitor::parseIsoTime(u"2026-11-26T10:44:22.123Z"_s), samples::BaseWallUs - 456);
    QVERIFY(!monitor::parseIsoTime(u"2026-13-26T10:44:22Z"_s));
    QVERIFY(!monitor::parseIsoTime(u"yesterday"_s));
}

void tst_EventJson::resultRawJson_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("number id") << QByteArray("7") << QByteArray()
                               << QByteArray(R"("event":"result","id":7,"ok":true})");
    QTest::newRow("string id") << QByteArray(R"("x-1")") << QByteArray()
                               << QByteArray(R"("event":"result","id":"x-1","ok":true})");
    QTest::newRow("array data")
        << QByteArray("1") << QByteArray(R"([{"conn":7},{"conn":8}])")
        << QByteArray(R"("event":"result","id":1,"ok":true,"data":[{"conn":7},{"conn":8}]})");
    QTest::newRow("multi-line data is compacted")
        << QByteArray("1") << QByteArray("{\n  \"a\": 1\n}\n")
        << QByteArray(R"("event":"result","id":1,"ok":true,"data":{"a":1}})");
    QTest::newRow("not JSON: written as a string, the line stays valid")
        << QByteArray("oops{") << QByteArray()
        << QByteArray(R"("event":"result","id":"oops{","ok":true})");
    QTest::newRow("two values: written as a string")
        << QByteArray("1,2") << QByteArray()
        << QByteArray(R"("event":"result","id":"1,2","ok":true})");
}

void tst_EventJson::resultRawJson()
{
    QFETCH(QByteArray, id);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);

    const QByteArray line = eventToJson(stamped(samples::result(id, true, {}, data)));
    QCOMPARE(line, "{" + Common + expected);
    QVERIFY(!parseLine(line).isEmpty());
}

void tst_EventJson::readerRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("no event") << QByteArray(R"({"seq":1})") << u"the object has no \"event\""_s;
    QTest::newRow("unknown event")
        << QByteArray(R"({"event":"frame"})") << u"unknown event \"frame\""_s;
}

void tst_EventJson::readerRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!monitor::eventFromJson(parseLine(json), &message));
    QCOMPARE(message, error);
}

// Not a pass/fail timing: prints what the hot path costs on this machine
// (the 300 k messages/s target with full logging means ~600 k lines/s).
void tst_EventJson::throughput()
{
    const Event in = stamped(
        samples::message(EventType::MessageIn, 7, protocol::State::Open, QByteArray(64, 'x')));
    // As the writers use it: one buffer reused batch after batch.
    constexpr int Batches = 400, PerBatch = 500, N = Batches * PerBatch;
    QByteArray out;
    qsizetype bytes = 0;
    QElapsedTimer timer;
    timer.start();
    for (int b = 0; b < Batches; ++b) {
        out.resize(0);
        for (int i = 0; i < PerBatch; ++i)
            appendEventJson(out, in);
        bytes += out.size();
    }
    const qint64 ns = timer.nsecsElapsed();
    qInfo("message_in with a 64-byte text preview: %.0f ns/line, %.2f M lines/s, %lld bytes/line",
          double(ns) / N, N * 1e3 / double(ns), qlonglong(bytes / N));
    QCOMPARE(out.count('\n'), PerBatch);
}

QTEST_GUILESS_MAIN(tst_EventJson)
#include "tst_eventjson.moc"
