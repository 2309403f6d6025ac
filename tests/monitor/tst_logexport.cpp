// The files the user gets: each format written to a temporary directory and
// read back with an independent reader (QJsonDocument, a small RFC 4180
// parser written here), formula injection neutralised, HAR as Chrome writes
// it, failures that say why, and the streaming log file.

#include "csvreader.h"
#include "eventsamples.h"

#include "monitor/eventjson.h"
#include "monitor/eventstore.h"
#include "monitor/logexport.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace closecall;
using csvreader::parseCsv;
using monitor::LogFormat;
using protocol::State;
using server::Event;
using server::EventBatch;
using server::EventType;

Q_DECLARE_METATYPE(closecall::monitor::LogFormat)

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

Event at(Event e, qint64 offsetUs = 0)
{
    e.seq = 1;
    e.tUs = 5;
    e.wallUs = samples::BaseWallUs + offsetUs;
    return e;
}

} // namespace

class tst_LogExport final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void formats_data();
    void formats();
    void jsonl();
    void textLines_data();
    void textLines();
    void textFile();
    void csvFile();
    void csvOutgoing();
    void csvCells_data();
    void csvCells();
    void har();
    void harTlsAndFilter();
    void filterAndStore();
    void unwritable_data();
    void unwritable();
    void logFileWriter_data();
    void logFileWriter();
    void logFileWriterRefuses();
    void logFileThroughput_data();
    void logFileThroughput();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void tst_LogExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_LogExport::formats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format"); // -1 = refused
    QTest::addColumn<QString>("error");

    QTest::newRow("jsonl by name") << u"jsonl"_s << u"x"_s << int(LogFormat::Jsonl) << QString();
    QTest::newRow("TEXT by name, any case")
        << u"TEXT"_s << u""_s << int(LogFormat::Text) << QString();
    QTest::newRow("name wins over suffix")
        << u"csv"_s << u"x.har"_s << int(LogFormat::Csv) << QString();
    QTest::newRow("unknown name") << u"xml"_s << u"x.csv"_s << -1
                                  << u"xml: use jsonl, text, csv or har"_s;
    QTest::newRow(".jsonl") << QString() << u"/tmp/a.jsonl"_s << int(LogFormat::Jsonl) << QString();
    QTest::newRow(".ndjson") << QString() << u"a.ndjson"_s << int(LogFormat::Jsonl) << QString();
    QTest::newRow(".log") << QString() << u"a.log"_s << int(LogFormat::Text) << QString();
    QTest::newRow(".txt") << QString() << u"a.txt"_s << int(LogFormat::Text) << QString();
    QTest::newRow(".csv") << QString() << u"a.csv"_s << int(LogFormat::Csv) << QString();
    QTest::newRow(".HAR upper case") << QString() << u"A.HAR"_s << int(LogFormat::Har) << QString();
    QTest::newRow("unknown suffix")
        << QString() << u"a.xml"_s << -1
        << u"cannot tell the format of a.xml from its suffix: name the format (jsonl, text, csv "
           "or har) or use .jsonl, .log, .txt, .csv or .har"_s;
}

void tst_LogExport::formats()
{
    QFETCH(QString, name);
    QFETCH(QString, file);
    QFETCH(int, format);
    QFETCH(QString, error);

    QString message;
    const std::optional<LogFormat> f = monitor::resolveLogFormat(name, file, &message);
    if (format < 0) {
        QVERIFY(!f);
        QCOMPARE(message, error);
    } else {
        QCOMPARE(f, LogFormat(format));
        QCOMPARE(monitor::logFormatFromName(QString(monitor::logFormatName(*f))), f);
    }
}

void tst_LogExport::jsonl()
{
    const EventBatch run = samples::run();
    const monitor::ExportResult r = monitor::exportLog(run, path(u"log.jsonl"_s), LogFormat::Jsonl);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.events, run.size());

    const QByteArray file = readAll(path(u"log.jsonl"_s));
    QVERIFY(file.endsWith('\n'));
    const QList<QByteArray> lines = file.chopped(1).split('\n');
    QCOMPARE(lines.size(), run.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &error);
        QVERIFY2(error.error == QJsonParseError::NoError, lines[i].constData());
        QCOMPARE(lines[i], monitor::eventToJson(run[i])); // the headless stream's lines
        const std::optional<Event> back = monitor::eventFromJson(doc.object());
        QVERIFY(back);
        samples::compare(*back, run[i]);
        if (QTest::currentTestFailed())
            QFAIL(lines[i].constData());
    }
}

void tst_LogExport::textLines_data()
{
    using namespace samples;
    QTest::addColumn<Event>("event");
    QTest::addColumn<QByteArray>("line");

    const QByteArray t = "2026-11-26 10:44:22.123456  ";
    QTest::newRow("listening") << at(listening()) << t + "listening  127.0.0.1:9001  ws";
    QTest::newRow("handshake_failed")
        << at(handshakeFailed())
        << t + R"(#3 Aborted  handshake_failed  127.0.0.1:50200  HTTP 403  "Origin \"http://evil.test\" is not allowed")";
    QTest::newRow("open")
        << at(openEvent(7))
        << t + R"(#7 Open  open  127.0.0.1:50123  GET /chat room?room=1&name=a%20b  subprotocol "chat"  origin "http://example.test"  user-agent "test-agent/1.0")";
    QTest::newRow("open outgoing")
        << at(outgoingOpen(9))
        << t + R"(#9 Open  open  127.0.0.1:9001  GET /chat?a=1  out "ws://127.0.0.1:9001/chat?a=1")";
    QTest::newRow("handshake_failed outgoing")
        << at(outgoingHandshakeFailed())
        << t + R"(#4 Connecting  handshake_failed  HTTP 0  "connection refused"  out "ws://127.0.0.1:1/x")";
    QTest::newRow("post-close discarded (the contract's example)")
        << at(message(EventType::MessageIn, 7, State::CloseSent, "hello",
                      protocol::MessageType::Text, protocol::PostClose::Discarded))
        << t + R"(#7 CloseSent  message_in  text 5 B  post-close discarded  "hello")";
    QTest::newRow("control characters escaped")
        << at(message(EventType::MessageOut, 7, State::Open, "a\nb\tc\x01\x7f\"\\"))
        << t + R"(#7 Open  message_out  text 9 B  "a\nb\tc\x01\x7f\"\\")";
    QTest::newRow("bidi override and C1 escaped")
        << at(message(EventType::MessageIn, 7, State::Open, "a\u202Eb\xc2\x85"))
        << t + R"(#7 Open  message_in  text 7 B  "a\u202eb\u0085")";
    QTest::newRow("binary as hex")
        << at(message(EventType::MessageIn, 7, State::Open, QByteArray("\x00\x01\x02\xff", 4),
                      protocol::MessageType::Binary))
        << t + "#7 Open  message_in  binary 4 B  00 01 02 ff";
    Event cut = message(EventType::MessageIn, 7, State::Open, "abc\xe2\x82");
    samples::edit(cut, [](server::events::Payload &p) { p.size = 5000; });
    QTest::newRow("cut preview: partial char dropped, marked")
        << at(cut) << t + R"(#7 Open  message_in  text 5000 B  "abc" …)";
    QTest::newRow("ping") << at(message(EventType::PingIn, 7, State::Open, "hb"))
                          << t + R"(#7 Open  ping_in  2 B  "hb")";
    QTest::newRow("empty pong") << at(message(EventType::PongOut, 7, State::Open, {}))
                                << t + "#7 Open  pong_out  0 B";
    QTest::newRow("close_sent")
        << at(closeSent(7, 1001, u"deploy"_s, protocol::CloseMode::CloseOutput))
        << t + R"(#7 CloseSent  close_sent  1001 Going Away (EndpointUnavailable)  "deploy"  mode close_output)";
    QTest::newRow("empty close_sent")
        << at(closeSent(8, std::nullopt, {}, protocol::CloseMode::Close))
        << t + R"(#8 CloseSent  close_sent  Empty (no status code)  ""  mode close)";
    QTest::newRow("close_received")
        << at(closeReceived(7, 1000, u"bye"_s))
        << t + R"(#7 CloseSent  close_received  1000 Normal Closure (NormalClosure)  "bye")";
    QTest::newRow("state") << at(stateChange(7, State::Open, State::CloseSent))
                           << t + "#7 CloseSent  state  Open -> CloseSent";
    QTest::newRow("closed")
        << at(closed(7, State::Closed, 1001, u"deploy"_s, protocol::HowEnded::Handshake, true,
                     protocol::Initiator::Server, 1234))
        << t + R"(#7 Closed  closed  Closed  1001 Going Away (EndpointUnavailable)  "deploy"  how handshake  tcp closed by client  initiated by server  close handshake 1.234 ms)";
    QTest::newRow("closed aborted")
        << at(closed(8, State::Aborted, 1006, {}, protocol::HowEnded::Timeout, false,
                     protocol::Initiator::Server, -1))
        << t + R"(#8 Aborted  closed  Aborted  1006 Abnormal Closure  ""  how timeout  tcp closed by server  initiated by server)";
    QTest::newRow("closed: the peer's 4100 answered with our 4003")
        << at(samples::closedAfterSending(closed(9, State::Closed, 4100, u"leaving"_s,
                                                 protocol::HowEnded::Handshake, false,
                                                 protocol::Initiator::Client, -1),
                                          4003, u"not yet"_s, 2500))
        << t + R"(#9 Closed  closed  Closed  4100 (private use)  "leaving"  how handshake  tcp closed by server  initiated by client  sent 4003 (private use)  "not yet"  ack delay 2.500 ms)";
    QTest::newRow("message_in crossed our Close")
        << at(samples::crossed(message(EventType::MessageIn, 7, State::CloseSent, "early",
                                       protocol::MessageType::Text,
                                       protocol::PostClose::Discarded)))
        << t + R"(#7 CloseSent  message_in  text 5 B  post-close discarded  crossed  "early")";
    QTest::newRow("error with a newline")
        << at(error(0, u"line1\nline2"_s)) << t + R"(error  line1\nline2)";
    QTest::newRow("result ok") << at(result("3", true, {}, R"({"n":1})"))
                               << t + R"(result  id 3  ok  data {"n":1})";
    QTest::newRow("result failed") << at(result(R"("a")", false, u"unknown connection 99"_s, {}))
                                   << t + R"(result  id "a"  failed: unknown connection 99)";
}

void tst_LogExport::textLines()
{
    QFETCH(Event, event);
    QFETCH(QByteArray, line);

    QByteArray out;
    monitor::appendTextLine(out, event);
    QCOMPARE(out, line + '\n');

    QVERIFY(monitor::exportLog(EventBatch{event}, path(u"one.log"_s), LogFormat::Text).ok());
    QCOMPARE(readAll(path(u"one.log"_s)), line + '\n');
}

void tst_LogExport::textFile()
{
    const EventBatch run = samples::run();
    QVERIFY(monitor::exportLog(run, path(u"run.log"_s), LogFormat::Text).ok());
    const QByteArray file = readAll(path(u"run.log"_s));
    QCOMPARE(file.count('\n'), run.size());
    // One event, one line: no control character but the line ends.
    for (char c : file)
        QVERIFY2(uchar(c) >= 0x20 || c == '\n', qPrintable(u"control 0x%1"_s.arg(int(c), 0, 16)));
}

void tst_LogExport::csvFile()
{
    const EventBatch run = samples::run();
    QVERIFY(monitor::exportLog(run, path(u"run.csv"_s), LogFormat::Csv).ok());
    const QList<QList<QByteArray>> records = parseCsv(readAll(path(u"run.csv"_s)));
    QCOMPARE(records.size(), run.size() + 1);
    const QList<QByteArray> header = records[0];
    QCOMPARE(header, monitor::csvHeader().chopped(2).split(','));
    for (const QList<QByteArray> &record : records)
        QCOMPARE(record.size(), header.size());

    const auto cell = [&](qsizetype row, const char *column) {
        return records.at(row + 1).at(header.indexOf(column));
    };
    for (qsizetype i = 0; i < run.size(); ++i) {
        QCOMPARE(cell(i, "seq"), QByteArray::number(run[i].seq));
        QCOMPARE(cell(i, "time"), monitor::isoTime(run[i].wallUs));
        QCOMPARE(cell(i, "event"), QByteArray(monitor::eventName(run[i].type()).data()));
    }
    // The post-close receive of connection 7 (index 12) and the binary one.
    QCOMPARE(cell(12, "conn"), "7");
    QCOMPARE(cell(12, "state"), "CloseSent");
    QCOMPARE(cell(12, "type"), "text");
    QCOMPARE(cell(12, "size"), "4");
    QCOMPARE(cell(12, "preview"), "late");
    QCOMPARE(cell(12, "post_close"), "delivered");
    QCOMPARE(cell(12, "crossed"), "true");
    QCOMPARE(cell(3, "crossed"), "");
    QCOMPARE(cell(5, "type"), "binary");
    QCOMPARE(cell(5, "preview"), "000102ff");
    // A close: code, its name, reason, mode.
    QCOMPARE(cell(10, "code"), "1001");
    QCOMPARE(cell(10, "code_name"), "Going Away");
    QCOMPARE(cell(10, "reason"), "deploy");
    QCOMPARE(cell(10, "mode"), "close_output");
    QCOMPARE(cell(15, "final"), "Closed");
    QCOMPARE(cell(15, "close_handshake_us"), "1234");
    QCOMPARE(cell(20, "close_handshake_us"), "");
    // The Close we sent, beside the one received: 1001 on 7, an empty one on 8.
    QCOMPARE(cell(15, "sent_code"), "1001");
    QCOMPARE(cell(15, "sent_reason"), "deploy");
    QCOMPARE(cell(15, "ack_delay_us"), "");
    QCOMPARE(cell(20, "sent_code"), "");
    QCOMPARE(cell(20, "sent_reason"), "");
    // The columns added later come last: older readers keep their indexes.
    QCOMPARE(
        header.mid(header.size() - 12),
        QList<QByteArray>({"crossed", "sent_code", "sent_reason", "ack_delay_us", "role", "url",
                           "tls_insecure", "extensions", "wire_size", "behaviour", "pair", "leg"}));
    // Outside proxy mode the pair and leg cells are empty (docs/headless.md).
    for (qsizetype i = 0; i < run.size(); ++i) {
        QCOMPARE(cell(i, "pair"), QByteArray());
        QCOMPARE(cell(i, "leg"), QByteArray());
    }
    // An accepted connection's open says "in" and has no URL, no behaviour.
    QCOMPARE(cell(2, "role"), "in");
    QCOMPARE(cell(2, "url"), "");
    QCOMPARE(cell(2, "behaviour"), "");
    // An outgoing one's open: "out", its URL and its peer behaviour.
    QByteArray outCsv = monitor::csvHeader();
    Event outOpen = samples::outgoingOpen(9);
    {
        auto open = outOpen.as<server::events::Open>();
        open.behaviour = u"on-close=never"_s;
        outOpen = Event(std::move(open), 9, protocol::State::Open);
    }
    monitor::appendCsvRow(outCsv, outOpen);
    const QList<QList<QByteArray>> outRecords = parseCsv(outCsv);
    QCOMPARE(outRecords.size(), 2);
    QCOMPARE(outRecords[1].size(), header.size());
    QCOMPARE(outRecords[1].at(header.indexOf("role")), "out");
    QCOMPARE(outRecords[1].at(header.indexOf("url")), "ws://127.0.0.1:9001/chat?a=1");
    QCOMPARE(outRecords[1].at(header.indexOf("behaviour")), "on-close=never");
    QCOMPARE(
        cell(2, "headers"),
        QByteArray(
            R"({"Host":"127.0.0.1:9001","Upgrade":"websocket","Connection":"Upgrade","Sec-WebSocket-Key":"dGhlIHNhbXBsZSBub25jZQ==","Sec-WebSocket-Version":"13","X-Dup":"a, b"})"));
    QCOMPARE(cell(22, "data"), QByteArray(R"({"n":1,"s":"x"})"));
}

void tst_LogExport::csvOutgoing()
{
    // An outgoing connection's rows carry role "out" and the URL.
    const EventBatch run{at(samples::outgoingHandshakeFailed()), at(samples::outgoingOpen(9), 1)};
    QVERIFY(monitor::exportLog(run, path(u"out.csv"_s), LogFormat::Csv).ok());
    const QList<QList<QByteArray>> records = parseCsv(readAll(path(u"out.csv"_s)));
    QCOMPARE(records.size(), 3);
    const QList<QByteArray> header = records[0];
    const auto cell = [&](qsizetype row, const char *column) {
        return records.at(row + 1).at(header.indexOf(column));
    };
    QCOMPARE(cell(0, "event"), "handshake_failed");
    QCOMPARE(cell(0, "role"), "out");
    QCOMPARE(cell(0, "url"), "ws://127.0.0.1:1/x");
    QCOMPARE(cell(0, "reason"), "connection refused");
    QCOMPARE(cell(1, "event"), "open");
    QCOMPARE(cell(1, "role"), "out");
    QCOMPARE(cell(1, "url"), "ws://127.0.0.1:9001/chat?a=1");
}

void tst_LogExport::csvCells_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QByteArray>("cell"); // as a CSV reader returns it

    QTest::newRow("plain") << u"deploy"_s << QByteArray("deploy");
    QTest::newRow("comma and quotes round-trip")
        << uR"(say "hi", ok)"_s << QByteArray(R"(say "hi", ok)");
    QTest::newRow("= formula neutralised")
        << u"=HYPERLINK(\"http://x\",\"y\")"_s << QByteArray(R"('=HYPERLINK("http://x","y"))");
    QTest::newRow("+ neutralised")
        << u"+1+cmd|' /C calc'!A0"_s << QByteArray("'+1+cmd|' /C calc'!A0");
    QTest::newRow("- neutralised") << u"-2+3"_s << QByteArray("'-2+3");
    QTest::newRow("@ neutralised") << u"@SUM(A1:A9)"_s << QByteArray("'@SUM(A1:A9)");
    QTest::newRow("leading tab escaped, not a formula") << u"\t=1"_s << QByteArray(R"(\t=1)");
    QTest::newRow("CR LF escaped: one line per record") << u"a\r\nb"_s << QByteArray(R"(a\r\nb)");
    QTest::newRow("other controls escaped") << u"\x01\x1b"_s << QByteArray(R"(\x01\x1b)");
    QTest::newRow("backslash escaped") << uR"(C:\dir)"_s << QByteArray(R"(C:\\dir)");
    QTest::newRow("leading space kept") << u" x "_s << QByteArray(" x ");
    QTest::newRow("unicode passes") << u"Grüße 🙂"_s << u"Grüße 🙂"_s.toUtf8();
}

void tst_LogExport::csvCells()
{
    QFETCH(QString, reason);
    QFETCH(QByteArray, cell);

    QByteArray csv = monitor::csvHeader();
    monitor::appendCsvRow(csv, at(samples::closeReceived(7, 1000, reason)));
    // The same text as a message preview, which is what a peer controls.
    monitor::appendCsvRow(
        csv, at(samples::message(EventType::MessageIn, 7, State::Open, reason.toUtf8())));
    const QList<QList<QByteArray>> records = parseCsv(csv);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[1].at(records[0].indexOf("reason")), cell);
    QCOMPARE(records[2].at(records[0].indexOf("preview")), cell);
}

void tst_LogExport::har()
{
    const EventBatch run = samples::run();
    const monitor::ExportResult r = monitor::exportLog(run, path(u"run.har"_s), LogFormat::Har);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(path(u"run.har"_s)), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject log = doc.object().value("log"_L1).toObject();
    QCOMPARE(log.value("version"_L1).toString(), u"1.2"_s);
    QCOMPARE(log.value("creator"_L1)["name"_L1].toString(), u"CloseCall"_s);
    QVERIFY(!log.value("creator"_L1)["version"_L1].toString().isEmpty());
    QCOMPARE(log.value("pages"_L1).toArray(), QJsonArray());
    const QJsonArray entries = log.value("entries"_L1).toArray();
    QCOMPARE(entries.size(), 2); // connections 7 and 8; the failed handshake has none

    const QJsonObject e = entries[0].toObject();
    QCOMPARE(e.value("startedDateTime"_L1).toString(), u"2026-11-26T10:44:22.125Z"_s);
    QCOMPARE(e.value("_resourceType"_L1).toString(), u"websocket"_s);
    QCOMPARE(e.value("cache"_L1).toObject(), QJsonObject());
    QCOMPARE(e.value("timings"_L1).toObject(),
             (QJsonObject{{"send"_L1, 0}, {"wait"_L1, 0}, {"receive"_L1, 0}}));
    const QJsonObject request = e.value("request"_L1).toObject();
    QCOMPARE(request.value("method"_L1).toString(), u"GET"_s);
    QCOMPARE(request.value("url"_L1).toString(),
             u"ws://127.0.0.1:9001/chat%20room?room=1&name=a%20b"_s);
    QCOMPARE(request.value("httpVersion"_L1).toString(), u"HTTP/1.1"_s);
    const QJsonArray headers = request.value("headers"_L1).toArray();
    QCOMPARE(headers.size(), 7); // as sent, repeated ones too
    QCOMPARE(headers[5].toObject(), (QJsonObject{{"name"_L1, u"X-Dup"_s}, {"value"_L1, u"a"_s}}));
    QCOMPARE(request.value("queryString"_L1).toArray(),
             (QJsonArray{QJsonObject{{"name"_L1, u"room"_s}, {"value"_L1, u"1"_s}},
                         QJsonObject{{"name"_L1, u"name"_s}, {"value"_L1, u"a b"_s}}}));
    QCOMPARE(request.value("cookies"_L1).toArray(), QJsonArray());
    QCOMPARE(request.value("headersSize"_L1).toInt(), -1);
    QCOMPARE(request.value("bodySize"_L1).toInt(), 0);

    const QJsonObject response = e.value("response"_L1).toObject();
    QCOMPARE(response.value("status"_L1).toInt(), 101);
    QCOMPARE(response.value("statusText"_L1).toString(), u"Switching Protocols"_s);
    QCOMPARE(response.value("httpVersion"_L1).toString(), u"HTTP/1.1"_s);
    QCOMPARE(response.value("content"_L1).toObject(),
             (QJsonObject{{"size"_L1, 0}, {"mimeType"_L1, u"x-unknown"_s}}));
    QCOMPARE(response.value("redirectURL"_L1).toString(), QString());
    QCOMPARE(response.value("cookies"_L1).toArray(), QJsonArray());
    QHash<QString, QString> responseHeaders;
    for (const QJsonValue &h : response.value("headers"_L1).toArray())
        responseHeaders.insert(h["name"_L1].toString(), h["value"_L1].toString());
    QCOMPARE(responseHeaders.value(u"Upgrade"_s), u"websocket"_s);
    QCOMPARE(responseHeaders.value(u"Connection"_s), u"Upgrade"_s);
    // RFC 6455 §1.3's worked example.
    QCOMPARE(responseHeaders.value(u"Sec-WebSocket-Accept"_s), u"s3pPLMBiTxaQ9kYGzzhZRbK+xOo="_s);
    QCOMPARE(responseHeaders.value(u"Sec-WebSocket-Protocol"_s), u"chat"_s);

    // Data messages in order; "send" = the client sent it (HAR is the
    // browser's view), as Chrome and mitmproxy write it.
    struct Expected
    {
        const char *type;
        int opcode;
        QString data;
        qsizetype runIndex;
    };
    const QList<Expected> expected = {
        {"send", 1, u"hello"_s, 3},
        {"receive", 1, u"hello"_s, 4},
        {"send", 2, u"AAEC/w=="_s, 5},
        {"send", 1, u"late"_s, 12},
    };
    const QJsonArray messages = e.value("_webSocketMessages"_L1).toArray();
    QCOMPARE(messages.size(), expected.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages[i].toObject();
        QCOMPARE(m.keys(), (QStringList{u"data"_s, u"opcode"_s, u"time"_s, u"type"_s}));
        QCOMPARE(m.value("type"_L1).toString(), QLatin1StringView(expected[i].type));
        QCOMPARE(m.value("opcode"_L1).toInt(), expected[i].opcode);
        QCOMPARE(m.value("data"_L1).toString(), expected[i].data);
        QCOMPARE(m.value("time"_L1).toDouble(), double(run[expected[i].runIndex].wallUs) / 1e6);
    }
    QCOMPARE(e.value("_closecall"_L1)["closed"_L1]["final"_L1].toString(), u"Closed"_s);

    const QJsonObject e8 = entries[1].toObject();
    const QJsonArray messages8 = e8.value("_webSocketMessages"_L1).toArray();
    QCOMPARE(messages8.size(), 1); // discarded, but it was on the wire
    QCOMPARE(messages8[0]["type"_L1].toString(), u"send"_s);
    QCOMPARE(e8.value("_closecall"_L1)["closed"_L1]["how"_L1].toString(), u"timeout"_s);
}

void tst_LogExport::harTlsAndFilter()
{
    EventBatch run = samples::run();
    samples::edit(run[0], [](server::events::Listening &l) { l.tls = true; });
    samples::edit(run[2], [](server::events::Open &o) {
        o.headers.removeIf([](const auto &h) { return h.first == "Host"; });
    });
    const QJsonDocument doc = monitor::buildHar(run);
    const QJsonArray entries = doc["log"_L1]["entries"_L1].toArray();
    // No Host header: the listening address stands in.
    QCOMPARE(entries[0]["request"_L1]["url"_L1].toString(),
             u"wss://127.0.0.1:9001/chat%20room?room=1&name=a%20b"_s);

    // A filter that keeps connection 8 only.
    QVERIFY(monitor::exportLog(run, path(u"8.har"_s), LogFormat::Har, [](const Event &e) {
                return e.conn == 8 || e.conn == 0;
            }).ok());
    const QJsonDocument eight = QJsonDocument::fromJson(readAll(path(u"8.har"_s)));
    QCOMPARE(eight["log"_L1]["entries"_L1].toArray().size(), 1);
    QCOMPARE(eight["log"_L1]["entries"_L1][0]["connection"_L1].toString(), u"8"_s);
}

void tst_LogExport::filterAndStore()
{
    const EventBatch run = samples::run();
    monitor::EventStore store(5); // the run wraps it: only the last 5 remain
    store.append(run);
    monitor::ExportResult r = monitor::exportLog(store, path(u"tail.jsonl"_s), LogFormat::Jsonl);
    QVERIFY(r.ok());
    QCOMPARE(r.events, 5);
    QList<QByteArray> lines = readAll(path(u"tail.jsonl"_s)).trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    for (qsizetype i = 0; i < 5; ++i)
        QCOMPARE(lines[i], monitor::eventToJson(run[run.size() - 5 + i]));

    const auto post = [](const Event &e) {
        const server::events::Payload *p = e.messagePayload();
        return p && p->postClose != protocol::PostClose::None;
    };
    r = monitor::exportLog(run, path(u"post.csv"_s), LogFormat::Csv, post);
    QVERIFY(r.ok());
    QCOMPARE(r.events, 2);
    QCOMPARE(parseCsv(readAll(path(u"post.csv"_s))).size(), 3);
}

void tst_LogExport::unwritable_data()
{
    QTest::addColumn<QString>("target"); // relative to the temporary directory
    QTest::addColumn<QString>("why");

    QTest::newRow("parent is a file") << u"file/x.csv"_s << u"Not a directory"_s;
    QTest::newRow("no such directory")
        << u"missing/dir/x.jsonl"_s << u"No such file or directory"_s;
    QTest::newRow("target is a directory") << u"adir"_s << u"it is a directory"_s;
    QTest::newRow("read-only directory") << u"ro/x.har"_s << u"Permission denied"_s;
}

void tst_LogExport::unwritable()
{
    QFETCH(QString, target);
    QFETCH(QString, why);

    QFile file(path(u"file"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(QDir(m_dir->path()).mkdir(u"adir"_s));
    QVERIFY(QDir(m_dir->path()).mkdir(u"ro"_s));
    QFile::setPermissions(path(u"ro"_s), QFile::ReadOwner | QFile::ExeOwner);
    if (target.startsWith(u"ro/"_s) && QFileInfo(path(u"ro"_s)).isWritable())
        QSKIP("running as root: permissions do not stop writes");

    monitor::EventStore store;
    store.append(samples::run());
    const QString full = path(target);
    const LogFormat format = monitor::logFormatFromPath(full).value_or(LogFormat::Text);
    const monitor::ExportResult r = monitor::exportLog(store, full, format);
    QVERIFY(!r.ok());
    QCOMPARE(r.events, 0);
    const QString prefix = u"cannot write "_s + QDir::toNativeSeparators(full) + u": "_s;
    QVERIFY2(r.error.startsWith(prefix), qPrintable(r.error));
    QVERIFY2(r.error.size() > prefix.size(), qPrintable(r.error)); // and says why
    if (!why.isEmpty())
        QVERIFY2(r.error.contains(why, Qt::CaseInsensitive), qPrintable(r.error));
    QCOMPARE(store.size(), samples::run().size()); // nothing in memory is lost
    QFile::setPermissions(path(u"ro"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void tst_LogExport::logFileWriter_data()
{
    QTest::addColumn<LogFormat>("format");
    QTest::addColumn<int>("headerLines");
    QTest::newRow("jsonl") << LogFormat::Jsonl << 0;
    QTest::newRow("text") << LogFormat::Text << 0;
    QTest::newRow("csv") << LogFormat::Csv << 1;
}

void tst_LogExport::logFileWriter()
{
    QFETCH(LogFormat, format);
    QFETCH(int, headerLines);

    const EventBatch run = samples::run();
    const QString file = path(u"live."_s + monitor::logFormatName(format));
    QFile::remove(file);
    monitor::LogFileWriter writer;
    QVERIFY2(writer.open(file, format), qPrintable(writer.errorString()));
    QVERIFY(writer.isOpen());

    // After each batch the file already holds it (nothing waits in a buffer).
    const EventBatch first = run.mid(0, 10), second = run.mid(10);
    QVERIFY(writer.write(first));
    QCOMPARE(readAll(file).count('\n'), headerLines + 10);
    QVERIFY(writer.write(second));
    QVERIFY(writer.write(run.first()));
    QCOMPARE(readAll(file).count('\n'), headerLines + run.size() + 1);
    QCOMPARE(writer.eventsWritten(), quint64(run.size() + 1));

    // The same bytes an export of those events writes.
    EventBatch all = run;
    all.append(run.first());
    QVERIFY(monitor::exportLog(all, file + u".export"_s, format).ok());
    QCOMPARE(readAll(file), readAll(file + u".export"_s));
    writer.close();
    QVERIFY(!writer.isOpen());
    QVERIFY(!writer.write(run));
}

void tst_LogExport::logFileWriterRefuses()
{
    monitor::LogFileWriter writer;
    QVERIFY(!writer.open(path(u"x.har"_s), LogFormat::Har));
    QVERIFY(writer.errorString().contains(u"har"_s));
    const QString bad = path(u"missing/x.log"_s);
    QVERIFY(!writer.open(bad, LogFormat::Text));
    QVERIFY2(writer.errorString().startsWith(u"cannot write "_s + QDir::toNativeSeparators(bad) +
                                             u": "_s),
             qPrintable(writer.errorString()));
}

void tst_LogExport::logFileThroughput_data()
{
    logFileWriter_data();
}

// Not a pass/fail timing: what --log-file costs per event on this machine
// (an echo at 300 k messages/s logs 600 k events/s).
void tst_LogExport::logFileThroughput()
{
    QFETCH(LogFormat, format);
    EventBatch batch;
    for (int i = 0; i < 500; ++i) {
        batch.append(at(samples::message(i % 2 ? EventType::MessageOut : EventType::MessageIn, 7,
                                         State::Open, QByteArray(64, 'x')),
                        i));
    }
    monitor::LogFileWriter writer;
    QVERIFY(writer.open(path(u"bench.log"_s), format));
    constexpr int Batches = 200;
    QElapsedTimer timer;
    timer.start();
    for (int b = 0; b < Batches; ++b)
        QVERIFY(writer.write(batch));
    const double ns = double(timer.nsecsElapsed()) / (Batches * batch.size());
    qInfo("%s: %.0f ns/event (%.2f M events/s) incl. write(2)",
          monitor::logFormatName(format).data(), ns, 1e3 / ns);
}

QTEST_GUILESS_MAIN(tst_LogExport)
#include "tst_logexport.moc"
