// The stdin command vocabulary of docs/headless.md: every command, every refusal
// with its exact sentence, the conn and code forms, the 123-byte reason rule
// (R10) and base64 errors. A refused line still echoes its id when it has one.
#include "control/commandparser.h"

#include <QtTest/QtTest>

using namespace closecall::control;
using namespace Qt::StringLiterals;

namespace {

// A compact, readable form of a parsed command, so one column can state
// everything a row expects.
QString summary(const Command &c)
{
    QString conns;
    if (c.conns.all) {
        conns = u"all"_s;
    } else {
        for (quint32 id : c.conns.ids)
            conns += (conns.isEmpty() ? u""_s : u","_s) + QString::number(id);
    }
    const QString code = c.code ? QString::number(*c.code) : u"Empty"_s;
    const QString payload = c.messageType == closecall::protocol::MessageType::Text
                                ? u"text:"_s + QString::fromUtf8(c.payload)
                                : u"binary:"_s + QString::fromLatin1(c.payload.toHex());
    const QString name = commandName(c.kind);
    switch (c.kind) {
    case CommandKind::List:
        return name;
    case CommandKind::Close:
    case CommandKind::CloseOutput:
        return u"%1 conn=%2 code=%3 reason=%4 timeout=%5"_s.arg(name, conns, code, c.reason)
            .arg(c.timeoutMs);
    case CommandKind::Abort:
        return u"%1 conn=%2"_s.arg(name, conns);
    case CommandKind::Send:
    case CommandKind::Ping:
        return u"%1 conn=%2 %3"_s.arg(name, conns, payload);
    case CommandKind::Set: {
        const QString options = u"%1 echo=%2 manual_ack=%3 auto_pong=%4"_s.arg(name)
                                    .arg(c.echo)
                                    .arg(c.manualAck)
                                    .arg(c.autoPong);
        // Proxy mode's form (Engine::setProxyOptions) says where it goes.
        const bool proxy = c.holdCloses >= 0 || c.conns.all || !c.conns.ids.isEmpty();
        return proxy ? options + u" hold_closes=%1 conn=%2"_s.arg(c.holdCloses).arg(conns)
                     : options;
    }
    case CommandKind::Export:
        return u"%1 path=%2 format=%3 filter=%4"_s.arg(
            name, c.path, closecall::monitor::logFormatName(c.format), c.filterText);
    case CommandKind::Quit:
        return u"%1 code=%2 reason=%3 timeout=%4"_s.arg(name, code, c.reason).arg(c.timeoutMs);
    case CommandKind::Timeline:
        return u"%1 conn=%2 path=%3 format=%4"_s.arg(name).arg(c.conn).arg(
            c.path, closecall::monitor::timelineFormatName(c.timelineFormat));
    case CommandKind::Connect: {
        const auto &r = c.connect;
        return u"%1 url=%2 count=%3 subprotocols=%4 headers=%5 behaviour=%6 insecure=%7 "
               "deflate=%8"_s.arg(name, r.url)
                   .arg(r.count)
                   .arg(r.subprotocols.join(u'|'), r.headers.join(u'|'), r.behaviour,
                        r.insecure ? u"yes"_s : u"no"_s, r.deflate ? u"yes"_s : u"no"_s);
    }
    }
    return {};
}

QByteArray repeat(const char *utf8, int times)
{
    return QByteArray(utf8).repeated(times);
}

} // namespace

class tst_commandparser : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void blankLines_data();
    void blankLines();
    void everyCommandNameRoundTrips();
    void filterMatches();
};

void tst_commandparser::accepted_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const QByteArray &line, const QByteArray &id,
                        const QString &expected) {
        QTest::newRow(name) << line << id << expected;
    };

    row("list", R"({"cmd":"list"})", {}, u"list"_s);
    row("id number", R"({"id":7,"cmd":"list"})", "7", u"list"_s);
    row("id string with quote", R"({"id":"a\"b","cmd":"list"})", R"("a\"b")", u"list"_s);
    row("id negative fraction", R"({"id":-2.5,"cmd":"list"})", "-2.5", u"list"_s);
    row("trailing CR", "{\"cmd\":\"list\"}\r", {}, u"list"_s);

    // code forms
    row("close code number", R"({"cmd":"close","conn":3,"code":1001,"reason":"bye"})", {},
        u"close conn=3 code=1001 reason=bye timeout=-1"_s);
    row("close without code = 1000", R"({"cmd":"close","conn":3})", {},
        u"close conn=3 code=1000 reason= timeout=-1"_s);
    row("code RFC name", R"({"cmd":"close","conn":1,"code":"Going Away"})", {},
        u"close conn=1 code=1001 reason= timeout=-1"_s);
    row("code RFC name no space", R"({"cmd":"close","conn":1,"code":"GoingAway"})", {},
        u"close conn=1 code=1001 reason= timeout=-1"_s);
    row("code .NET name", R"({"cmd":"close","conn":1,"code":"EndpointUnavailable"})", {},
        u"close conn=1 code=1001 reason= timeout=-1"_s);
    row("code .NET name 1011", R"({"cmd":"close","conn":1,"code":"InternalServerError"})", {},
        u"close conn=1 code=1011 reason= timeout=-1"_s);
    row("code Qt name", R"({"cmd":"close","conn":1,"code":"CloseCodeTooMuchData"})", {},
        u"close conn=1 code=1009 reason= timeout=-1"_s);
    row("code digits as string", R"({"cmd":"close","conn":1,"code":"4000"})", {},
        u"close conn=1 code=4000 reason= timeout=-1"_s);
    row("code null = Empty", R"({"cmd":"close","conn":1,"code":null})", {},
        u"close conn=1 code=Empty reason= timeout=-1"_s);
    row("code \"Empty\"", R"({"cmd":"close","conn":1,"code":"Empty"})", {},
        u"close conn=1 code=Empty reason= timeout=-1"_s);
    row("code 3000 library", R"({"cmd":"close","conn":1,"code":3000})", {},
        u"close conn=1 code=3000 reason= timeout=-1"_s);
    row("code 4999 private", R"({"cmd":"close","conn":1,"code":4999})", {},
        u"close conn=1 code=4999 reason= timeout=-1"_s);
    row("code 1014 IANA", R"({"cmd":"close","conn":1,"code":1014})", {},
        u"close conn=1 code=1014 reason= timeout=-1"_s);
    row("code 1010 client-only but legal", R"({"cmd":"close","conn":1,"code":1010})", {},
        u"close conn=1 code=1010 reason= timeout=-1"_s);

    // conn forms
    row("conn list, duplicates dropped", R"({"cmd":"abort","conn":[4,2,4]})", {},
        u"abort conn=4,2"_s);
    row("conn all", R"({"cmd":"abort","conn":"all"})", {}, u"abort conn=all"_s);
    row("conn largest id", R"({"cmd":"abort","conn":4294967295})", {}, u"abort conn=4294967295"_s);

    // reason bytes [R10]
    row("reason 123 bytes of 3-byte chars [R10]",
        R"({"cmd":"close","conn":1,"reason":")" + repeat("€", 41) + R"("})", {},
        u"close conn=1 code=1000 reason=%1 timeout=-1"_s.arg(QString(41, QChar(0x20AC))));
    row("reason 123 ASCII bytes [R10]",
        R"({"cmd":"close","conn":1,"reason":")" + repeat("x", 123) + R"("})", {},
        u"close conn=1 code=1000 reason=%1 timeout=-1"_s.arg(QString(123, u'x')));
    row("reason with escaped 4-byte emoji",
        R"({"cmd":"close","conn":1,"code":1000,"reason":"\ud83d\ude00 bye"})", {},
        u"close conn=1 code=1000 reason=\U0001F600 bye timeout=-1"_s);

    row("close timeout", R"({"cmd":"close","conn":1,"timeout_ms":250})", {},
        u"close conn=1 code=1000 reason= timeout=250"_s);
    row("close_output timeout 0 = never",
        R"({"id":"x","cmd":"close_output","conn":[1],"code":"PolicyViolation","reason":"r","timeout_ms":0})",
        R"("x")", u"close_output conn=1 code=1008 reason=r timeout=0"_s);

    row("send text", R"({"cmd":"send","conn":2,"text":"héllo"})", {}, u"send conn=2 text:héllo"_s);
    row("send empty text", R"({"cmd":"send","conn":2,"text":""})", {}, u"send conn=2 text:"_s);
    row("send binary", R"({"cmd":"send","conn":"all","binary":"AAEC/w=="})", {},
        u"send conn=all binary:000102ff"_s);
    row("send empty binary", R"({"cmd":"send","conn":1,"binary":""})", {},
        u"send conn=1 binary:"_s);

    row("ping no payload", R"({"cmd":"ping","conn":1})", {}, u"ping conn=1 text:"_s);
    row("ping text payload", R"({"cmd":"ping","conn":1,"payload":"hb"})", {},
        u"ping conn=1 text:hb"_s);
    row("ping 125 bytes", R"({"cmd":"ping","conn":1,"payload":")" + repeat("p", 125) + R"("})", {},
        u"ping conn=1 text:%1"_s.arg(QString(125, u'p')));
    row("ping binary payload", R"({"cmd":"ping","conn":1,"binary":"3q2+7w=="})", {},
        u"ping conn=1 binary:deadbeef"_s);

    row("set echo", R"({"cmd":"set","echo":true})", {}, u"set echo=1 manual_ack=-1 auto_pong=-1"_s);
    row("set all three", R"({"cmd":"set","echo":false,"manual_ack":true,"auto_pong":false})", {},
        u"set echo=0 manual_ack=1 auto_pong=0"_s);
    // Proxy mode (docs/headless.md "Proxy mode"): with conn or hold_closes
    // it goes to the legs (Engine::setProxyOptions).
    row("set hold_closes: every pair", R"({"cmd":"set","hold_closes":true})", {},
        u"set echo=-1 manual_ack=-1 auto_pong=-1 hold_closes=1 conn=all"_s);
    row("set hold_closes off for one pair", R"({"cmd":"set","hold_closes":false,"conn":4})", {},
        u"set echo=-1 manual_ack=-1 auto_pong=-1 hold_closes=0 conn=4"_s);
    row("set auto_pong for two legs", R"({"cmd":"set","auto_pong":true,"conn":[3,4]})", {},
        u"set echo=-1 manual_ack=-1 auto_pong=1 hold_closes=-1 conn=3,4"_s);
    row("set auto_pong for every leg", R"({"cmd":"set","auto_pong":false,"conn":"all"})", {},
        u"set echo=-1 manual_ack=-1 auto_pong=0 hold_closes=-1 conn=all"_s);
    row("set both for a pair",
        R"({"id":"h","cmd":"set","conn":3,"hold_closes":true,)"
        R"("auto_pong":true})",
        "\"h\"", u"set echo=-1 manual_ack=-1 auto_pong=1 hold_closes=1 conn=3"_s);

    row("export jsonl from suffix", R"({"cmd":"export","path":"/tmp/a.jsonl"})", {},
        u"export path=/tmp/a.jsonl format=jsonl filter="_s);
    row("export har from suffix", R"({"cmd":"export","path":"a.HAR"})", {},
        u"export path=a.HAR format=har filter="_s);
    row("export text from .log", R"({"cmd":"export","path":"a.log"})", {},
        u"export path=a.log format=text filter="_s);
    row("export format wins", R"({"cmd":"export","path":"a.log","format":"csv","filter":"conn:3"})",
        {}, u"export path=a.log format=csv filter=conn:3"_s);
    row("export format case-insensitive", R"({"cmd":"export","path":"a","format":"HAR"})", {},
        u"export path=a format=har filter="_s);
    row("export unknown suffix = jsonl", R"({"cmd":"export","path":"a.dat"})", {},
        u"export path=a.dat format=jsonl filter="_s);
    row("timeline svg from suffix", R"({"cmd":"timeline","conn":3,"path":"/tmp/c.svg"})", {},
        u"timeline conn=3 path=/tmp/c.svg format=svg"_s);
    row("timeline png from suffix", R"({"cmd":"timeline","conn":3,"path":"c.PNG"})", {},
        u"timeline conn=3 path=c.PNG format=png"_s);
    row("timeline format wins", R"({"cmd":"timeline","conn":3,"path":"c.png","format":"SVG"})", {},
        u"timeline conn=3 path=c.png format=svg"_s);
    row("timeline no suffix = svg", R"({"cmd":"timeline","conn":3,"path":"c"})", {},
        u"timeline conn=3 path=c format=svg"_s);
    row("export filter, all keys",
        R"({"cmd":"export","path":"a","filter":"conn:1,2  event:message_in,closed state:CloseSent"})",
        {},
        u"export path=a format=jsonl filter=conn:1,2  event:message_in,closed state:CloseSent"_s);

    row("quit defaults to 1001", R"({"id":1,"cmd":"quit"})", "1",
        u"quit code=1001 reason=server shutting down timeout=-1"_s);
    row("quit with code keeps reason empty", R"({"cmd":"quit","code":"NormalClosure"})", {},
        u"quit code=1000 reason= timeout=-1"_s);
    row("quit Empty", R"({"cmd":"quit","code":null,"timeout_ms":0})", {},
        u"quit code=Empty reason= timeout=0"_s);
    row("quit reason only", R"({"cmd":"quit","reason":"deploy"})", {},
        u"quit code=1001 reason=deploy timeout=-1"_s);

    // connect: the defaults, every field, the url trimmed; the behaviour
    // and the headers' shape are passed as given (the engine checks them).
    row("connect defaults", R"({"id":"c","cmd":"connect","url":"ws://127.0.0.1:9/"})", R"("c")",
        u"connect url=ws://127.0.0.1:9/ count=1 subprotocols= headers= behaviour= insecure=no deflate=no"_s);
    row("connect every field",
        R"({"cmd":"connect","url":" wss://localhost:8443/chat ","count":3,)"
        R"("subprotocols":["chat","superchat"],"headers":["Origin: http://x","Cookie: a=1"],)"
        R"("behaviour":"traffic=text; every=100","insecure":true,"deflate":true})",
        {},
        u"connect url=wss://localhost:8443/chat count=3 subprotocols=chat|superchat "
        "headers=Origin: http://x|Cookie: a=1 behaviour=traffic=text; every=100 insecure=yes "
        "deflate=yes"_s);
    row("connect empty lists",
        R"({"cmd":"connect","url":"ws://h/","subprotocols":[],)"
        R"("headers":[],"behaviour":"","insecure":false})",
        {},
        u"connect url=ws://h/ count=1 subprotocols= headers= behaviour= insecure=no deflate=no"_s);
}

void tst_commandparser::accepted()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, id);
    QFETCH(QString, expected);
    const ParsedCommand parsed = parseCommand(line);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QVERIFY(!parsed.blank);
    QCOMPARE(summary(*parsed.command), expected);
    QCOMPARE(parsed.command->id, id);
    QCOMPARE(parsed.id, id);
}

void tst_commandparser::refused_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("id");
    // The whole error sentence, or its beginning when it ends in '…'.
    QTest::addColumn<QString>("error");

    const auto row = [](const char *name, const QByteArray &line, const QByteArray &id,
                        const QString &error) {
        QTest::newRow(name) << line << id << error;
    };

    row("unknown cmd, typo", R"({"id":3,"cmd":"clsoe","conn":1})", "3",
        u"unknown cmd 'clsoe' (did you mean 'close'?)"_s);
    row("unknown cmd", R"({"cmd":"frobnicate"})", {},
        u"unknown cmd 'frobnicate'; commands are list, close, close_output, abort, send, ping, "
        "set, export, quit, timeline, connect"_s);
    row("bad JSON", R"({"cmd": "list",})", {},
        u"bad JSON at offset 16: object is missing after a comma"_s);
    row("bad JSON keeps id", R"({"id": 12, "cmd": "close", "conn": })", "12",
        u"bad JSON at offset …"_s);
    row("bad JSON keeps string id", R"({"id":"a-1","cmd":"close" "conn":1})", R"("a-1")",
        u"bad JSON at offset …"_s);
    row("truncated JSON", R"({"cmd":"li)", {}, u"bad JSON at offset …"_s);
    row("not an object", "[1,2]", {},
        u"a command must be a JSON object such as {\"cmd\": \"list\"}; got an array"_s);
    row("missing cmd", R"({"id":"m"})", R"("m")", u"'cmd' is missing; …"_s);
    row("cmd not a string", R"({"cmd":5})", {}, u"'cmd' must be a string; got a number"_s);
    row("id is a boolean", R"({"id":true,"cmd":"list"})", {},
        u"'id' must be a string or a number; got a boolean"_s);
    row("id is an object", R"({"id":{},"cmd":"list"})", {},
        u"'id' must be a string or a number; got an object"_s);
    row("unknown field", R"({"id":4,"cmd":"close","conn":1,"timout_ms":5})", "4",
        u"unknown field 'timout_ms' for close (it takes conn, code, reason, timeout_ms)"_s);
    row("list takes no fields", R"({"cmd":"list","conn":1})", {},
        u"unknown field 'conn': list takes none"_s);
    row("quit takes no conn", R"({"cmd":"quit","conn":1})", {},
        u"unknown field 'conn' for quit (it takes code, reason, timeout_ms)"_s);

    // conn
    row("conn missing", R"({"id":5,"cmd":"abort"})", "5",
        u"'conn' is missing: give an id, a list of ids or \"all\""_s);
    row("conn other string", R"({"cmd":"abort","conn":"every"})", {},
        u"'conn' must be an id, a list of ids or \"all\""_s);
    row("conn id as string", R"({"cmd":"abort","conn":"3"})", {},
        u"'conn' must be an id, a list of ids or \"all\""_s);
    row("conn object", R"({"cmd":"abort","conn":{"id":1}})", {},
        u"'conn' must be an id, a list of ids or \"all\""_s);
    row("conn null", R"({"cmd":"abort","conn":null})", {},
        u"'conn' must be an id, a list of ids or \"all\""_s);
    row("conn 0", R"({"cmd":"abort","conn":0})", {},
        u"connection id 0 is not valid; ids are whole numbers from 1"_s);
    row("conn fraction", R"({"cmd":"abort","conn":1.5})", {},
        u"connection id 1.5 is not valid; ids are whole numbers from 1"_s);
    row("conn too large", R"({"cmd":"abort","conn":4294967296})", {},
        u"connection id 4294967296 is not valid; ids are whole numbers from 1"_s);
    row("conn empty list", R"({"cmd":"abort","conn":[]})", {},
        u"'conn' is an empty list; give at least one id, or \"all\""_s);
    row("conn list with string", R"({"cmd":"abort","conn":[1,"2"]})", {},
        u"'conn' must be an id, a list of ids or \"all\""_s);

    // code [R10]
    row("code 1006 [R10]", R"({"id":6,"cmd":"close","conn":1,"code":1006})", "6",
        u"code 1006 cannot be sent: 1006 (Abnormal Closure) only reports…"_s);
    row("code 1006 by name [R10]", R"({"cmd":"close","conn":1,"code":"AbnormalClosure"})", {},
        u"code 1006 (AbnormalClosure) cannot be sent: …"_s);
    row("code 1005 as number [R10]", R"({"cmd":"close","conn":1,"code":1005})", {},
        u"code 1005 cannot be sent: 1005 (No Status Rcvd) may not be sent as a number…"_s);
    row("code 1004 [R10]", R"({"cmd":"close","conn":1,"code":1004})", {},
        u"code 1004 cannot be sent: 1004 is reserved…"_s);
    row("code 1015 [R10]", R"({"cmd":"close_output","conn":1,"code":1015})", {},
        u"code 1015 cannot be sent: 1015 (TLS handshake)…"_s);
    row("code 999 [R10]", R"({"cmd":"close","conn":1,"code":999})", {},
        u"code 999 cannot be sent: 999 is not a usable close code…"_s);
    row("code 0 [R10]", R"({"cmd":"close","conn":1,"code":0})", {}, u"code 0 cannot be sent: …"_s);
    row("code 1016 [R10]", R"({"cmd":"close","conn":1,"code":1016})", {},
        u"code 1016 cannot be sent: 1016 is not registered with IANA…"_s);
    row("code 2999 [R10]", R"({"cmd":"close","conn":1,"code":2999})", {},
        u"code 2999 cannot be sent: 2999 is not registered with IANA…"_s);
    row("code 5000 [R10]", R"({"cmd":"close","conn":1,"code":5000})", {},
        u"code 5000 cannot be sent: 5000 is out of range…"_s);
    row("code 70000", R"({"cmd":"close","conn":1,"code":70000})", {},
        u"code 70000 is not a close code number; …"_s);
    row("code fraction", R"({"cmd":"close","conn":1,"code":1000.5})", {},
        u"code 1000.5 is not a close code number; …"_s);
    row("code negative", R"({"cmd":"close","conn":1,"code":-1})", {},
        u"code -1 is not a close code number; …"_s);
    row("code unknown name", R"({"cmd":"close","conn":1,"code":"Bogus"})", {},
        u"'Bogus' is not a close code. …"_s);
    row("code boolean", R"({"cmd":"close","conn":1,"code":true})", {},
        u"'code' must be a number, a registry name such as \"GoingAway\" or "
        "\"EndpointUnavailable\", or null for an empty Close; got a boolean"_s);
    row("Empty with a reason [R10]", R"({"cmd":"close","conn":1,"code":null,"reason":"x"})", {},
        u"An Empty close has no status code, so it cannot carry a description; …"_s);
    row("quit code 1006", R"({"id":"q","cmd":"quit","code":1006})", R"("q")",
        u"code 1006 cannot be sent: …"_s);

    // reason [R10]
    row("reason 124 bytes of multi-byte text [R10]",
        R"({"id":8,"cmd":"close","conn":1,"reason":")" + repeat("€", 41) + R"(a"})", "8",
        u"reason is 124 bytes of UTF-8; the limit is 123…"_s);
    row("reason 131 bytes [R10]",
        R"({"cmd":"close_output","conn":1,"reason":")" + repeat("å", 65) + R"(a"})", {},
        u"reason is 131 bytes of UTF-8; the limit is 123…"_s);
    row("reason 124 bytes of emoji [R10]",
        R"({"cmd":"quit","code":1000,"reason":")" + repeat("😀", 31) + R"("})", {},
        u"reason is 124 bytes of UTF-8; the limit is 123…"_s);
    row("reason lone surrogate", R"({"cmd":"close","conn":1,"reason":"a\ud800b"})", {},
        u"reason is not valid text: …"_s);
    row("reason number", R"({"cmd":"close","conn":1,"reason":5})", {},
        u"'reason' must be a string; got a number"_s);

    // timeout_ms
    row("timeout negative", R"({"cmd":"close","conn":1,"timeout_ms":-1})", {},
        u"'timeout_ms' must be a whole number of milliseconds from 0 to 2147483647; got -1"_s);
    row("timeout string", R"({"cmd":"close_output","conn":1,"timeout_ms":"5"})", {},
        u"'timeout_ms' must be a whole number of milliseconds from 0 to 2147483647; got \"5\""_s);
    row("timeout fraction", R"({"cmd":"quit","timeout_ms":1.5})", {},
        u"'timeout_ms' must be a whole number of milliseconds from 0 to 2147483647; got 1.5"_s);
    row("close timeout 0", R"({"cmd":"close","conn":1,"timeout_ms":0})", {},
        u"'timeout_ms' 0 (never) is only for close_output; close needs at least 1 ms (or use "
        "abort)"_s);

    // send / ping payloads
    row("send neither", R"({"id":9,"cmd":"send","conn":1})", "9",
        u"send needs 'text' (a string) or 'binary' (base64)"_s);
    row("send both", R"({"cmd":"send","conn":1,"text":"a","binary":"YQ=="})", {},
        u"give 'text' or 'binary', not both"_s);
    row("send text number", R"({"cmd":"send","conn":1,"text":1})", {},
        u"'text' must be a string; got a number"_s);
    row("base64 bad character", R"({"cmd":"send","conn":1,"binary":"AA*A"})", {},
        u"'binary' is not valid base64: character '*' at offset 2"_s);
    row("base64url refused", R"({"cmd":"send","conn":1,"binary":"-_8="})", {},
        u"'binary' is not valid base64: character '-' at offset 0 (base64url is not accepted; "
        "use + and /)"_s);
    row("base64 bad length", R"({"cmd":"send","conn":1,"binary":"AAE"})", {},
        u"'binary' is not valid base64: its length or its '=' padding is wrong (3 characters)"_s);
    row("base64 padding in the middle", R"({"cmd":"send","conn":1,"binary":"AA==AAAA"})", {},
        u"'binary' is not valid base64: its length or its '=' padding is wrong (8 characters)"_s);
    row("base64 with space", R"({"cmd":"send","conn":1,"binary":"AA EC"})", {},
        u"'binary' is not valid base64: character ' ' at offset 2"_s);
    row("base64 not a string", R"({"cmd":"send","conn":1,"binary":[1]})", {},
        u"'binary' must be a base64 string; got an array"_s);
    row("ping payload 126 bytes",
        R"({"cmd":"ping","conn":1,"payload":")" + repeat("p", 126) + R"("})", {},
        u"ping payload is 126 bytes; the limit is 125 (RFC 6455 §5.5)"_s);
    row("ping both", R"({"cmd":"ping","conn":1,"payload":"a","binary":"YQ=="})", {},
        u"give 'payload' or 'binary', not both"_s);

    // set / export
    row("set nothing", R"({"cmd":"set"})", {},
        u"set needs at least one of echo, manual_ack, auto_pong (in proxy mode also "
        "hold_closes)"_s);
    row("set conn alone", R"({"cmd":"set","conn":3})", {},
        u"set needs at least one of echo, manual_ack, auto_pong (in proxy mode also "
        "hold_closes)"_s);
    row("set hold_closes string", R"({"cmd":"set","hold_closes":"yes"})", {},
        u"'hold_closes' must be true or false; got a string"_s);
    row("set echo with conn", R"({"id":5,"cmd":"set","echo":true,"conn":3})", "5",
        u"'echo' is for the whole server and does not apply to a proxy's legs; it does not go "
        "with 'conn' (send it in a set of its own)"_s);
    row("set manual_ack with conn", R"({"cmd":"set","manual_ack":false,"conn":"all"})", {},
        u"'manual_ack' is for the whole server and does not apply to a proxy's legs; it does "
        "not go with 'conn' (send it in a set of its own)"_s);
    row("set echo with hold_closes", R"({"cmd":"set","echo":true,"hold_closes":true})", {},
        u"'echo' is for the whole server and does not apply to a proxy's legs; it does not go "
        "with 'hold_closes' (send it in a set of its own)"_s);
    row("set bad conn", R"({"cmd":"set","auto_pong":true,"conn":"some"})", {},
        u"'conn' must be an id, a list of ids or \"all\""_s);
    row("set conn 0", R"({"cmd":"set","hold_closes":true,"conn":0})", {},
        u"connection id 0 is not valid; ids are whole numbers from 1"_s);
    row("set echo string", R"({"cmd":"set","echo":"yes"})", {},
        u"'echo' must be true or false; got a string"_s);
    row("set auto_pong 1", R"({"cmd":"set","auto_pong":1})", {},
        u"'auto_pong' must be true or false; got a number"_s);
    row("export no path", R"({"id":10,"cmd":"export"})", "10",
        u"export needs 'path' (the file to write)"_s);
    row("export empty path", R"({"cmd":"export","path":""})", {},
        u"'path' must be a non-empty string"_s);
    // Valid JSON, but the file layer would cut the name at the NUL.
    row("export NUL in path", R"({"cmd":"export","path":"/tmp/a\u0000b.jsonl"})", {},
        u"'path' contains a NUL character (\\u0000 at position 6); file names cannot contain one"_s);
    row("export bad format", R"({"cmd":"export","path":"a","format":"xml"})", {},
        u"'format' must be one of jsonl, text, csv, har; got \"xml\""_s);
    row("export filter bad key", R"({"cmd":"export","path":"a","filter":"type:text"})", {},
        u"filter: unknown key 'type'; write terms such as conn:3,4 event:message_in,closed "
        "state:CloseSent (all must hold)"_s);
    row("export filter no colon", R"({"cmd":"export","path":"a","filter":"conn"})", {},
        u"filter term 'conn' is not key:value; …"_s);
    row("export filter empty value", R"({"cmd":"export","path":"a","filter":"conn:1,"})", {},
        u"filter term 'conn:1,' is not key:value; …"_s);
    row("export filter bad conn", R"({"cmd":"export","path":"a","filter":"conn:x"})", {},
        u"filter: 'x' is not a connection id"_s);
    row("export filter bad event", R"({"cmd":"export","path":"a","filter":"event:msg"})", {},
        u"filter: 'msg' is not an event name (e.g. open, message_in, close_sent, closed)"_s);
    row("export filter bad state", R"({"cmd":"export","path":"a","filter":"state:open"})", {},
        u"filter: 'open' is not a state (Connecting, Open, CloseSent, CloseReceived, Closed, "
        "Aborted)"_s);
    row("export filter number", R"({"cmd":"export","path":"a","filter":5})", {},
        u"'filter' must be a string; got a number"_s);

    // timeline
    row("timeline no conn", R"({"cmd":"timeline","path":"a.svg"})", {},
        u"timeline needs 'conn' (the id of the connection to draw)"_s);
    row("timeline two conns", R"({"cmd":"timeline","conn":[1,2],"path":"a.svg"})", {},
        u"'conn' must be one connection id (a whole number from 1); got [1,2]"_s);
    row("timeline all", R"({"cmd":"timeline","conn":"all","path":"a.svg"})", {},
        u"'conn' must be one connection id (a whole number from 1); got \"all\""_s);
    row("timeline conn 0", R"({"cmd":"timeline","conn":0,"path":"a.svg"})", {},
        u"'conn' must be one connection id (a whole number from 1); got 0"_s);
    row("timeline no path", R"({"cmd":"timeline","conn":1})", {},
        u"timeline needs 'path' (the file to write)"_s);
    row("timeline NUL in path", R"({"cmd":"timeline","conn":1,"path":"a\u0000.svg"})", {},
        u"'path' contains a NUL character (\\u0000 at position 1); file names cannot contain one"_s);
    row("timeline bad format", R"({"cmd":"timeline","conn":1,"path":"a","format":"jpeg"})", {},
        u"'format' must be svg or png; got \"jpeg\""_s);
    row("timeline unknown field", R"({"cmd":"timeline","conn":1,"path":"a","filter":"x"})", {},
        u"unknown field 'filter' for timeline (it takes conn, path, format)"_s);

    // connect
    row("connect no url", R"({"id":4,"cmd":"connect","count":2})", "4",
        u"connect needs 'url' (ws://host:port/path or wss://…)"_s);
    row("connect url number", R"({"cmd":"connect","url":8080})", {},
        u"'url' must be a non-empty string such as \"ws://127.0.0.1:8080/\"; got 8080"_s);
    row("connect url blank", R"({"cmd":"connect","url":"  "})", {},
        u"'url' must be a non-empty string such as \"ws://127.0.0.1:8080/\"; got \"  \""_s);
    row("connect count 0", R"({"cmd":"connect","url":"ws://h/","count":0})", {},
        u"'count' must be a whole number of connections from 1; got 0"_s);
    row("connect count fraction", R"({"cmd":"connect","url":"ws://h/","count":1.5})", {},
        u"'count' must be a whole number of connections from 1; got 1.5"_s);
    row("connect count string", R"({"cmd":"connect","url":"ws://h/","count":"2"})", {},
        u"'count' must be a whole number of connections from 1; got \"2\""_s);
    row("connect subprotocols string", R"({"cmd":"connect","url":"ws://h/","subprotocols":"chat"})",
        {}, u"'subprotocols' must be an array of strings; got a string"_s);
    row("connect headers item number", R"({"cmd":"connect","url":"ws://h/","headers":["A: b",3]})",
        {}, u"'headers' item 1 must be a non-empty string; got 3"_s);
    row("connect headers item empty", R"({"cmd":"connect","url":"ws://h/","headers":[""]})", {},
        u"'headers' item 0 must be a non-empty string; got \"\""_s);
    row("connect behaviour object", R"({"cmd":"connect","url":"ws://h/","behaviour":{}})", {},
        u"'behaviour' must be a string such as \"traffic=text; on-close=delay\"; got an object"_s);
    row("connect insecure string", R"({"cmd":"connect","url":"ws://h/","insecure":"yes"})", {},
        u"'insecure' must be true or false; got a string"_s);
    row("connect deflate number", R"({"cmd":"connect","url":"ws://h/","deflate":1})", {},
        u"'deflate' must be true or false; got a number"_s);
    row("connect unknown field", R"({"cmd":"connect","url":"ws://h/","protocols":["x"]})", {},
        u"unknown field 'protocols' for connect (it takes url, count, subprotocols, headers, "
        "behaviour, insecure, deflate)"_s);
    row("connect typo", R"({"cmd":"conect","url":"ws://h/"})", {},
        u"unknown cmd 'conect' (did you mean 'connect'?)"_s);
}

void tst_commandparser::refused()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, id);
    QFETCH(QString, error);
    const ParsedCommand parsed = parseCommand(line);
    // The message is built before the check: only summarise a command that exists.
    QVERIFY2(!parsed.ok(), qPrintable(parsed.ok() ? summary(*parsed.command) : QString()));
    QVERIFY(!parsed.blank);
    QCOMPARE(parsed.id, id);
    if (error.endsWith(u"…"_s))
        QVERIFY2(parsed.error.startsWith(error.chopped(1)), qPrintable(parsed.error));
    else
        QCOMPARE(parsed.error, error);
}

void tst_commandparser::blankLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("spaces") << QByteArray("   ");
    QTest::newRow("CR") << QByteArray("\r");
    QTest::newRow("tab") << QByteArray("\t");
}

void tst_commandparser::blankLines()
{
    QFETCH(QByteArray, line);
    const ParsedCommand parsed = parseCommand(line);
    QVERIFY(parsed.blank);
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error.isEmpty());
}

void tst_commandparser::everyCommandNameRoundTrips()
{
    for (CommandKind kind :
         {CommandKind::List, CommandKind::Close, CommandKind::CloseOutput, CommandKind::Abort,
          CommandKind::Send, CommandKind::Ping, CommandKind::Set, CommandKind::Export,
          CommandKind::Quit, CommandKind::Timeline, CommandKind::Connect}) {
        QCOMPARE(commandKindFromName(QString(commandName(kind))), kind);
    }
    QVERIFY(!commandKindFromName(u"Close"_s));
}

void tst_commandparser::filterMatches()
{
    using closecall::protocol::State;
    using closecall::server::Event;
    using closecall::server::EventType;
    QString error;
    const auto filter = parseExportFilter(u"conn:2,3 event:message_in state:CloseSent"_s, &error);
    QVERIFY2(filter, qPrintable(error));
    // The kinds this test names (the filter reads only the header).
    const auto event = [](quint32 conn, EventType type, State state) -> Event {
        namespace events = closecall::server::events;
        switch (type) {
        case EventType::MessageIn:
            return Event(events::MessageIn{}, conn, state);
        case EventType::MessageOut:
            return Event(events::MessageOut{}, conn, state);
        default:
            return Event(events::Listening{}, conn, state);
        }
    };
    QVERIFY(filter->matches(event(2, EventType::MessageIn, State::CloseSent)));
    QVERIFY(filter->matches(event(3, EventType::MessageIn, State::CloseSent)));
    QVERIFY(!filter->matches(event(1, EventType::MessageIn, State::CloseSent)));
    QVERIFY(!filter->matches(event(2, EventType::MessageOut, State::CloseSent)));
    QVERIFY(!filter->matches(event(2, EventType::MessageIn, State::Open)));
    const auto all = parseExportFilter(QString(), &error);
    QVERIFY(all && all->isEmpty());
    QVERIFY(all->matches(event(0, EventType::Listening, State::Connecting)));
}

QTEST_GUILESS_MAIN(tst_commandparser)
#include "tst_commandparser.moc"
