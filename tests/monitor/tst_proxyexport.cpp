// Proxy mode's exports (docs/headless.md "Proxy mode", "Exports"): the text
// log names each line's leg after the connection id, the CSV has `pair`
// and `leg` as its last columns, the HAR has one entry per pair with both
// legs' messages, and JSON Lines reads back with both fields. Written to
// files and read back with independent readers (QJsonDocument, csvreader.h).

#include "csvreader.h"
#include "eventsamples.h"

#include "monitor/eventjson.h"
#include "monitor/eventtext.h"
#include "monitor/logexport.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace closecall;
using monitor::LogFormat;
using server::Event;
using server::EventBatch;
using server::EventType;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonObject harLog(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    return doc.object().value("log"_L1).toObject();
}

} // namespace

class tst_ProxyExport final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void textNamesTheLeg();
    void csvPairAndLeg();
    void jsonlRoundTrips();
    void harOneEntryPerPair();
    void harPairWithoutClientOpen();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void tst_ProxyExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ProxyExport::textNamesTheLeg()
{
    const EventBatch run = samples::proxyRun();
    QVERIFY(monitor::exportLog(run, path(u"proxy.log"_s), LogFormat::Text).ok());
    const QList<QByteArray> lines = readAll(path(u"proxy.log"_s)).split('\n');
    QCOMPARE(lines.size(), run.size() + 1); // and the empty one after the last newline
    const auto body = [&](qsizetype i) {
        return lines.at(i).mid(28);
    }; // after the time
    QCOMPARE(body(0), "listening  127.0.0.1:9001  ws");
    QCOMPARE(body(3), R"(#3 client Open  message_in  text 5 B  "hello")");
    QCOMPARE(body(4), R"(#4 server Open  message_out  text 5 B  "hello")");
    QCOMPARE(body(8), R"(#3 client CloseSent  message_in  text 4 B  post-close delivered  "late")");
    QCOMPARE(body(11),
             "#4 server Open  not_relayed  text 4 B: the client leg already sent its Close");
    QVERIFY2(body(1).startsWith(R"(#4 server Open  open  127.0.0.1:8080  GET /app/chat)"),
             body(1).constData());

    // Outside proxy mode nothing changes: no leg word.
    QByteArray plain;
    monitor::appendTextLine(plain, samples::run().at(3));
    QVERIFY2(plain.contains(R"(  #7 Open  message_in  text 5 B  "hello")"), plain.constData());
}

void tst_ProxyExport::csvPairAndLeg()
{
    const EventBatch run = samples::proxyRun();
    QVERIFY(monitor::exportLog(run, path(u"proxy.csv"_s), LogFormat::Csv).ok());
    const QList<QList<QByteArray>> records = csvreader::parseCsv(readAll(path(u"proxy.csv"_s)));
    QCOMPARE(records.size(), run.size() + 1);
    const QList<QByteArray> header = records[0];
    // Appended after the columns that were there: older readers keep their indexes.
    QCOMPARE(header.mid(header.size() - 3), (QList<QByteArray>{"behaviour", "pair", "leg"}));
    for (const QList<QByteArray> &record : records)
        QCOMPARE(record.size(), header.size());
    const auto cell = [&](qsizetype row, const char *column) {
        return records.at(row + 1).at(header.indexOf(column));
    };
    QCOMPARE(cell(0, "pair"), ""); // listening is no leg's
    QCOMPARE(cell(0, "leg"), "");
    for (qsizetype i = 1; i < run.size(); ++i) {
        QCOMPARE(cell(i, "pair"), "3");
        QCOMPARE(cell(i, "conn"), QByteArray::number(run[i].conn));
        QCOMPARE(cell(i, "leg"), run[i].leg == server::Leg::Client ? "client" : "server");
    }
    QCOMPARE(cell(8, "post_close"), "delivered");
    QCOMPARE(cell(11, "event"), "not_relayed");
    QCOMPARE(cell(11, "type"), "text");
    QCOMPARE(cell(11, "size"), "4");
    QCOMPARE(cell(11, "message"), "the client leg already sent its Close");
    // The open of the server leg keeps its own columns before pair and leg.
    QCOMPARE(cell(1, "role"), "out");
    QCOMPARE(cell(1, "url"), "ws://127.0.0.1:8080/app/chat");
}

void tst_ProxyExport::jsonlRoundTrips()
{
    const EventBatch run = samples::proxyRun();
    QVERIFY(monitor::exportLog(run, path(u"proxy.jsonl"_s), LogFormat::Jsonl).ok());
    const QList<QByteArray> lines = readAll(path(u"proxy.jsonl"_s)).trimmed().split('\n');
    QCOMPARE(lines.size(), run.size());
    for (qsizetype i = 0; i < run.size(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
        QCOMPARE(o.contains("leg"_L1), i > 0);
        const std::optional<Event> back = monitor::eventFromJson(o);
        QVERIFY(back);
        samples::compare(run[i], *back);
        if (QTest::currentTestFailed())
            return;
    }
}

void tst_ProxyExport::harOneEntryPerPair()
{
    const EventBatch run = samples::proxyRun();
    QVERIFY(monitor::exportLog(run, path(u"proxy.har"_s), LogFormat::Har).ok());
    const QJsonArray entries = harLog(readAll(path(u"proxy.har"_s))).value("entries"_L1).toArray();
    QCOMPARE(entries.size(), 1); // one pair, two legs
    const QJsonObject e = entries[0].toObject();
    // The client leg's request: what the client asked CloseCall for.
    QCOMPARE(e["request"_L1]["url"_L1].toString(), u"ws://127.0.0.1:9001/chat"_s);
    QCOMPARE(e["startedDateTime"_L1].toString(), u"2026-11-26T10:44:22.125Z"_s);
    QCOMPARE(e["connection"_L1].toString(), u"3"_s);
    const QJsonObject extra = e["_closecall"_L1].toObject();
    QCOMPARE(extra["conn"_L1].toInt(), 3);
    QCOMPARE(extra["pair"_L1].toInt(), 3);
    QCOMPARE(extra["closed"_L1]["final"_L1].toString(), u"Closed"_s);
    const QJsonObject serverLeg = extra["server_leg"_L1].toObject();
    QCOMPARE(serverLeg["conn"_L1].toInt(), 4);
    QCOMPARE(serverLeg["url"_L1].toString(), u"ws://127.0.0.1:8080/app/chat"_s);
    QCOMPARE(serverLeg["subprotocol"_L1].toString(), u"chat.v1"_s);
    QCOMPARE(serverLeg["closed"_L1]["how"_L1].toString(), u"abort"_s);

    // Both legs' messages in order, each with its leg, as the client sees
    // the exchange: on the server leg CloseCall is the client, so what it
    // passed on to the server is a "send".
    struct Expected
    {
        const char *type;
        const char *leg;
        const char *data;
        qsizetype runIndex;
    };
    const QList<Expected> expected = {
        {"send", "client", "hello", 3},      {"send", "server", "hello", 4},
        {"receive", "server", "welcome", 5}, {"receive", "client", "welcome", 6},
        {"send", "client", "late", 8},       {"send", "server", "late", 9},
        {"receive", "server", "tick", 10},
    };
    const QJsonArray messages = e["_webSocketMessages"_L1].toArray();
    QCOMPARE(messages.size(), expected.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages[i].toObject();
        QCOMPARE(m.keys(), (QStringList{u"_leg"_s, u"data"_s, u"opcode"_s, u"time"_s, u"type"_s}));
        QCOMPARE(m["type"_L1].toString(), QLatin1StringView(expected[i].type));
        QCOMPARE(m["_leg"_L1].toString(), QLatin1StringView(expected[i].leg));
        QCOMPARE(m["data"_L1].toString(), QLatin1StringView(expected[i].data));
        QCOMPARE(m["time"_L1].toDouble(), double(run[expected[i].runIndex].wallUs) / 1e6);
    }
}

void tst_ProxyExport::harPairWithoutClientOpen()
{
    // The upstream answered but the client's 101 never went out, or the
    // client leg's open is no longer in the log: no request to show, no
    // entry (as a failed handshake has none outside proxy mode).
    EventBatch run = samples::proxyRun();
    run.removeAt(2); // the client leg's open
    const QJsonArray entries = monitor::buildHar(run)["log"_L1]["entries"_L1].toArray();
    QCOMPARE(entries.size(), 0);

    // A proxied pair beside a plain connection: each has its own entry.
    EventBatch both = samples::proxyRun();
    Event plain = samples::openEvent(9);
    plain.wallUs = samples::BaseWallUs + 500000;
    both.append(plain);
    const QJsonArray two = monitor::buildHar(both)["log"_L1]["entries"_L1].toArray();
    QCOMPARE(two.size(), 2);
    QCOMPARE(two[1]["_closecall"_L1]["conn"_L1].toInt(), 9);
    QVERIFY(!two[1]["_closecall"_L1].toObject().contains("server_leg"_L1));
}

QTEST_GUILESS_MAIN(tst_ProxyExport)
#include "tst_proxyexport.moc"
