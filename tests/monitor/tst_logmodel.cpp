// The log model: one row per event, cell text built from compact entries,
// the ring buffer (oldest rows removed before new ones are inserted), one
// insertion per batch, post-close rows flagged, and events rebuilt for export.

#include "eventsamples.h"

#include "monitor/logexport.h"
#include "monitor/logmodel.h"
#include "monitor/logmodelexport.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QBrush>
#include <QtGui/QIcon>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace closecall;
using namespace Qt::StringLiterals;
using monitor::LogModel;
using protocol::PostClose;
using protocol::State;
using server::Event;
using server::EventBatch;
using server::EventType;

namespace {

EventBatch numbered(quint64 first, qsizetype count)
{
    EventBatch b;
    for (qsizetype i = 0; i < count; ++i) {
        Event e = samples::message(EventType::MessageIn, 7, State::Open,
                                   QByteArray::number(first + quint64(i)));
        e.seq = first + quint64(i);
        b.append(e);
    }
    return b;
}

// The model's rows are exactly seq first..last, in order.
void verifyRows(const LogModel &model, quint64 first, quint64 last)
{
    QCOMPARE(model.rowCount(), int(last - first + 1));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, LogModel::Details);
        QCOMPARE(index.data(LogModel::SeqRole).toULongLong(), first + quint64(row));
        QCOMPARE(index.data().toString(), QString::number(first + quint64(row)));
    }
}

std::unique_ptr<QAbstractItemModelTester> attachTester(LogModel *model)
{
    return std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

} // namespace

class tst_LogModel final : public QObject
{
    Q_OBJECT

private slots:
    void headers();
    void cells_data();
    void cells();
    void roles();
    void outgoingRows();
    void eviction_data();
    void eviction();
    void removesBeforeInserting();
    void setCapacity();
    void evictsOnePercentAtATime();
    void oneInsertionPerBatch();
    void postCloseRows_data();
    void postCloseRows();
    void previews_data();
    void previews();
    void exportRoundTrip();
    void answeredCloseRoundTrips();
    void exportFiltered();
    void exportStreamed_data();
    void exportStreamed();
    void clear();
    void compactEntries();
};

void tst_LogModel::headers()
{
    LogModel model;
    QCOMPARE(model.columnCount(), int(LogModel::ColumnCount));
    const QStringList expected{u"Time"_s, u"Conn"_s,  u"Dir"_s,     u"Event"_s, u"Type"_s,
                               u"Size"_s, u"State"_s, u"Details"_s, u"Leg"_s};
    for (int c = 0; c < model.columnCount(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), expected[c]);
    QCOMPARE(model.capacity(), qsizetype(1'000'000));
}

void tst_LogModel::cells_data()
{
    QTest::addColumn<int>("sampleIndex"); // into samples::run()
    QTest::addColumn<QString>("conn");
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("details");

    QTest::newRow("listening") << 0 << ""
                               << ""
                               << "Listening"
                               << ""
                               << ""
                               << ""
                               << "127.0.0.1:9001 (ws)";
    QTest::newRow("handshake failed: remote, status, reason")
        << 1 << "3"
        << ""
        << "Handshake failed"
        << ""
        << ""
        << "Aborted"
        << "127.0.0.1:50200: HTTP 403 Origin \"http://evil.test\" is not allowed";
    QTest::newRow("open: remote, path, query, subprotocol, origin, agent")
        << 2 << "7"
        << ""
        << "Open"
        << ""
        << ""
        << "Open"
        << "127.0.0.1:50123  GET /chat room?room=1&name=a%20b  subprotocol chat  origin "
           "http://example.test  user agent test-agent/1.0";
    QTest::newRow("text message in") << 3 << "7"
                                     << "in"
                                     << "Message in"
                                     << "text"
                                     << "5"
                                     << "Open"
                                     << "hello";
    QTest::newRow("text message out") << 4 << "7"
                                      << "out"
                                      << "Message out"
                                      << "text"
                                      << "5"
                                      << "Open"
                                      << "hello";
    QTest::newRow("binary message in: hex") << 5 << "7"
                                            << "in"
                                            << "Message in"
                                            << "binary"
                                            << "4"
                                            << "Open"
                                            << "00 01 02 ff";
    QTest::newRow("ping in: text payload") << 6 << "7"
                                           << "in"
                                           << "Ping in"
                                           << ""
                                           << "4"
                                           << "Open"
                                           << "ping";
    QTest::newRow("ping out: binary payload as hex") << 8 << "7"
                                                     << "out"
                                                     << "Ping out"
                                                     << ""
                                                     << "2"
                                                     << "Open"
                                                     << "ff fe";
    QTest::newRow("close sent: code, name, reason, mode")
        << 10 << "7"
        << "out"
        << "Close sent"
        << ""
        << ""
        << "CloseSent"
        << "1001 Going Away: deploy (Close Output)";
    QTest::newRow("state change") << 11 << "7"
                                  << ""
                                  << "State"
                                  << ""
                                  << ""
                                  << "CloseSent" << u"Open \u2192 CloseSent"_s;
    QTest::newRow("post-close delivered, crossed our Close")
        << 12 << "7"
        << "in"
        << "Message in"
        << "text"
        << "4"
        << "CloseSent"
        << "post-close: delivered, crossed our Close  late";
    QTest::newRow("close received") << 13 << "7"
                                    << "in"
                                    << "Close received"
                                    << ""
                                    << ""
                                    << "CloseSent"
                                    << "1001 Going Away: bye";
    QTest::newRow("closed after a handshake")
        << 15 << "7"
        << ""
        << "Closed"
        << ""
        << ""
        << "Closed"
        << u"1001 Going Away: deploy \u00b7 client closed TCP \u00b7 initiated by server \u00b7 "
           u"close handshake 1.2 ms \u00b7 we sent 1001 Going Away: deploy \u00b7 TCP closed "
           u"by the server"_s;
    QTest::newRow("empty close sent") << 16 << "8"
                                      << "out"
                                      << "Close sent"
                                      << ""
                                      << ""
                                      << "CloseSent"
                                      << "Empty (no status code) (Close)";
    QTest::newRow("post-close discarded") << 18 << "8"
                                          << "in"
                                          << "Message in"
                                          << "text"
                                          << "5"
                                          << "CloseSent"
                                          << "post-close: discarded  hello";
    QTest::newRow("closed by timeout, no handshake")
        << 20 << "8"
        << ""
        << "Closed"
        << ""
        << ""
        << "Aborted"
        << u"1006 Abnormal Closure \u00b7 timed out \u00b7 initiated by server \u00b7 we sent "
           u"Empty (no status code) \u00b7 TCP closed by the server"_s;
    QTest::newRow("error") << 21 << ""
                           << ""
                           << "Error"
                           << ""
                           << ""
                           << ""
                           << "accept failed: too many open files";
    QTest::newRow("result ok with data") << 22 << ""
                                         << ""
                                         << "Result"
                                         << ""
                                         << ""
                                         << ""
                                         << "command 3: ok  {\"n\":1,\"s\":\"x\"}";
    QTest::newRow("result failed") << 23 << ""
                                   << ""
                                   << "Result"
                                   << ""
                                   << ""
                                   << ""
                                   << "command \"a\": failed: unknown connection 99";
}

void tst_LogModel::cells()
{
    QFETCH(int, sampleIndex);
    LogModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(samples::run());
    const auto cell = [&](int column) {
        return model.index(sampleIndex, column).data().toString();
    };
    QTEST(cell(LogModel::Conn), "conn");
    QTEST(cell(LogModel::Dir), "dir");
    QTEST(cell(LogModel::Event), "event");
    QTEST(cell(LogModel::Type), "type");
    QTEST(cell(LogModel::Size), "size");
    QTEST(cell(LogModel::State), "state");
    QTEST(cell(LogModel::Details), "details");
    QVERIFY(!cell(LogModel::Time).isEmpty());
}

void tst_LogModel::outgoingRows()
{
    // A `connect` that reached no server, and one that opened: their lines
    // say where they went, and the compact log gives role and URL back to
    // the exports (the window's Export Log writes from it).
    server::EventBatch batch{samples::outgoingHandshakeFailed(), samples::outgoingOpen(9)};
    for (qsizetype i = 0; i < batch.size(); ++i) {
        batch[i].seq = quint64(i + 1);
        batch[i].tUs = 1000 * (i + 1);
        batch[i].wallUs = samples::BaseWallUs + 1000 * i;
    }
    LogModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(batch);
    QCOMPARE(model.index(0, LogModel::Details).data().toString(),
             u"ws://127.0.0.1:1/x: connection refused"_s);
    QCOMPARE(model.index(0, LogModel::Conn).data().toString(), u"4"_s);
    QCOMPARE(model.index(1, LogModel::Details).data().toString(),
             u"127.0.0.1:9001  GET /chat?a=1  outgoing, to ws://127.0.0.1:9001/chat?a=1"_s);
    const EventBatch back = model.eventsForExport();
    QCOMPARE(back.size(), batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i)
        samples::compare(back[i], batch[i]);
}

void tst_LogModel::roles()
{
    LogModel model;
    const auto tester = attachTester(&model);
    const EventBatch run = samples::run();
    model.applyBatch(run);
    const QModelIndex closeSent = model.index(10, LogModel::Time);
    QCOMPARE(closeSent.data(LogModel::SeqRole).toULongLong(), run[10].seq);
    QCOMPARE(closeSent.data(LogModel::ConnIdRole).toUInt(), 7u);
    QCOMPARE(closeSent.data(LogModel::EventTypeRole).toInt(), int(EventType::CloseSent));
    QCOMPARE(closeSent.data(LogModel::DirRole).toInt(), int(monitor::Direction::Out));
    QCOMPARE(closeSent.data(LogModel::StateRole).toInt(), int(State::CloseSent));
    QCOMPARE(closeSent.data(LogModel::CloseCodeRole).toInt(), 1001);
    QCOMPARE(closeSent.data(LogModel::PostCloseRole).toInt(), int(PostClose::None));
    QCOMPARE(closeSent.data(LogModel::TimeUsRole).toLongLong(), run[10].tUs);
    QCOMPARE(closeSent.data(LogModel::WallUsRole).toLongLong(), run[10].wallUs);
    QCOMPARE(closeSent.data(LogModel::SizeRole).toLongLong(), -1);
    const QModelIndex message = model.index(3, LogModel::Size);
    QCOMPARE(message.data(LogModel::SizeRole).toLongLong(), 5);
    QCOMPARE(message.data(LogModel::SortRole).toLongLong(), 5);
    QCOMPARE(message.data(LogModel::DirRole).toInt(), int(monitor::Direction::In));
    QCOMPARE(model.remoteOf(7), u"127.0.0.1:50123"_s);
    QCOMPARE(model.remoteOf(3), u"127.0.0.1:50200"_s);
}

void tst_LogModel::eviction_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<QList<int>>("batches"); // sizes, in order
    QTest::addColumn<int>("rows");
    QTest::addColumn<quint64>("dropped");

    QTest::newRow("capacity 10, 25 one at a time")
        << qsizetype(10) << QList<int>(25, 1) << 10 << quint64(15);
    QTest::newRow("capacity 10, one batch of 25")
        << qsizetype(10) << QList<int>{25} << 10 << quint64(15);
    QTest::newRow("capacity 10, batches of 7, 7, 7, 4")
        << qsizetype(10) << QList<int>{7, 7, 7, 4} << 10 << quint64(15);
    QTest::newRow("capacity 10, exactly full")
        << qsizetype(10) << QList<int>{4, 6} << 10 << quint64(0);
    QTest::newRow("capacity 1, 3 batches of 2")
        << qsizetype(1) << QList<int>{2, 2, 2} << 1 << quint64(5);
    QTest::newRow("capacity 3000, wraps the ring twice")
        << qsizetype(3000) << QList<int>(9, 1000) << 3000 << quint64(6000);
}

void tst_LogModel::eviction()
{
    QFETCH(qsizetype, capacity);
    QFETCH(QList<int>, batches);
    QFETCH(int, rows);
    QFETCH(quint64, dropped);

    LogModel model;
    const auto tester = attachTester(&model);
    model.setCapacity(capacity);
    quint64 next = 1;
    for (const int n : batches) {
        model.applyBatch(numbered(next, n));
        next += quint64(n);
    }
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.dropped(), dropped);
    QCOMPARE(model.totalAppended(), next - 1);
    verifyRows(model, next - quint64(rows), next - 1);
}

void tst_LogModel::removesBeforeInserting()
{
    LogModel model;
    const auto tester = attachTester(&model);
    model.setCapacity(10);
    model.applyBatch(numbered(1, 8));

    QStringList order;
    connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [&](const QModelIndex &, int first, int last) {
                order << u"remove %1-%2 of %3"_s.arg(first).arg(last).arg(model.rowCount());
            });
    connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [&](const QModelIndex &, int first, int last) {
                order << u"insert %1-%2 into %3"_s.arg(first).arg(last).arg(model.rowCount());
            });
    model.applyBatch(numbered(9, 5));
    QCOMPARE(order, (QStringList{u"remove 0-2 of 8"_s, u"insert 5-9 into 5"_s}));
    verifyRows(model, 4, 13);
}

void tst_LogModel::setCapacity()
{
    LogModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(numbered(1, 50));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setCapacity(20);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.dropped(), quint64(30));
    verifyRows(model, 31, 50);
    model.setCapacity(100); // growing keeps everything
    model.applyBatch(numbered(51, 70));
    QCOMPARE(model.dropped(), quint64(30));
    verifyRows(model, 31, 120);
}

void tst_LogModel::evictsOnePercentAtATime()
{
    LogModel model;
    const auto tester = attachTester(&model);
    model.setCapacity(1000);
    model.applyBatch(numbered(1, 1000));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.applyBatch(numbered(1001, 5)); // 5 over: 10 (1%) go
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.last().at(2).toInt(), 9);
    QCOMPARE(model.rowCount(), 995);
    model.applyBatch(numbered(1006, 5)); // fits
    QCOMPARE(removed.size(), 1);
    model.applyBatch(numbered(1011, 30)); // 30 over: 30 go
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.last().at(2).toInt(), 29);
    QCOMPARE(model.dropped(), quint64(40));
    verifyRows(model, 41, 1040);
}

void tst_LogModel::oneInsertionPerBatch()
{
    LogModel model;
    const auto tester = attachTester(&model);
    model.setCapacity(2500);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy size(&model, &LogModel::sizeChanged);
    for (int batch = 0; batch < 5; ++batch)
        model.applyBatch(numbered(1 + quint64(batch) * 1000, 1000));
    QCOMPARE(inserted.size(), 5);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 999); // last is inclusive
    QCOMPARE(removed.size(), 3);                 // batches 3, 4 and 5 made room
    QCOMPARE(changed.size(), 0);                 // log rows never change
    QCOMPARE(size.size(), 5);
    QCOMPARE(size.last().at(0).value<qsizetype>(), qsizetype(2500));
    QCOMPARE(size.last().at(1).toULongLong(), quint64(2500));
}

void tst_LogModel::postCloseRows_data()
{
    QTest::addColumn<int>("postClose");
    QTest::addColumn<QString>("details");
    QTest::newRow("delivered") << int(PostClose::Delivered) << "post-close: delivered  late";
    QTest::newRow("discarded") << int(PostClose::Discarded) << "post-close: discarded  late";
    QTest::newRow("not post-close") << int(PostClose::None) << "late";
}

void tst_LogModel::postCloseRows()
{
    QFETCH(int, postClose);
    QFETCH(QString, details);
    LogModel model;
    const auto tester = attachTester(&model);
    const auto pc = PostClose(postClose);
    model.applyBatch({samples::message(EventType::MessageIn, 7, State::CloseSent, "late",
                                       protocol::MessageType::Text, pc)});
    QCOMPARE(model.index(0, LogModel::Details).data().toString(), details);
    QCOMPARE(model.index(0, LogModel::Time).data(LogModel::PostCloseRole).toInt(), postClose);
    const bool flagged = pc != PostClose::None;
    for (int c = 0; c < LogModel::ColumnCount; ++c)
        QCOMPARE(model.index(0, c).data(Qt::BackgroundRole).isValid(), flagged);
    const QVariant icon = model.index(0, LogModel::Event).data(Qt::DecorationRole);
    QCOMPARE(icon.isValid() && !icon.value<QIcon>().isNull(), flagged);
    if (flagged) {
        const auto other = pc == PostClose::Delivered ? PostClose::Discarded : PostClose::Delivered;
        model.applyBatch({samples::message(EventType::MessageIn, 7, State::CloseSent, "x",
                                           protocol::MessageType::Text, other)});
        QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).value<QBrush>() !=
                model.index(1, 0).data(Qt::BackgroundRole).value<QBrush>());
    }
}

void tst_LogModel::previews_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QString>("details");
    QTest::addColumn<QByteArray>("exported"); // the preview eventsForExport gives back

    QTest::newRow("control characters escaped")
        << QByteArray("a\nb\tc\x01") << false << "a\\nb\\tc\\x01" << QByteArray("a\nb\tc\x01");
    QTest::newRow("backslash escaped")
        << QByteArray("C:\\x") << false << "C:\\\\x" << QByteArray("C:\\x");
    QTest::newRow("non-ASCII text kept") << QByteArray("Gr\xc3\xbc\xc3\x9f") << false << u"Grüß"_s
                                         << QByteArray("Gr\xc3\xbc\xc3\x9f");
    const QByteArray long100(100, 'x');
    QTest::newRow("long text cut to 64 bytes")
        << long100 << false << QString(64, u'x') + u'\u2026' << long100.left(64);
    // 63 x then a 2-byte character: the character does not fit in 64 bytes.
    const QByteArray split = QByteArray(63, 'x') + "\xc3\xa9yz";
    QTest::newRow("cut never splits a character")
        << split << false << QString(63, u'x') + u'\u2026' << split.left(63);
    QTest::newRow("binary as hex")
        << QByteArray("\x00\x7f\x80", 3) << true << "00 7f 80" << QByteArray("\x00\x7f\x80", 3);
    const QByteArray bin100(100, '\xab');
    QTest::newRow("long binary cut")
        << bin100 << true << QStringList(64, u"ab"_s).join(u' ') + u'\u2026' << bin100.left(64);
    QTest::newRow("empty") << QByteArray() << false << "" << QByteArray();
}

void tst_LogModel::previews()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, binary);
    LogModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(
        {samples::message(EventType::MessageOut, 1, State::Open, payload,
                          binary ? protocol::MessageType::Binary : protocol::MessageType::Text)});
    QTEST(model.detailsText(0), "details");
    const EventBatch back = model.eventsForExport();
    QCOMPARE(back.size(), 1);
    QTEST(back[0].messagePayload()->preview, "exported");
    QCOMPARE(back[0].messagePayload()->size, payload.size());
}

void tst_LogModel::exportRoundTrip()
{
    LogModel model;
    const EventBatch run = samples::run();
    model.applyBatch(run);
    const EventBatch back = model.eventsForExport();
    QCOMPARE(back.size(), run.size());
    for (qsizetype i = 0; i < run.size(); ++i) {
        samples::compare(back[i], run[i]);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"event %1 (%2) differs"_s.arg(i).arg(eventTypeName(run[i].type()))));
    }

    // And through logexport: the same JSON Lines as the original events.
    QTemporaryDir dir;
    const QString fromModel = dir.filePath(u"model.jsonl"_s);
    const QString fromEvents = dir.filePath(u"events.jsonl"_s);
    QVERIFY(monitor::exportLog(back, fromModel, monitor::LogFormat::Jsonl).ok());
    QVERIFY(monitor::exportLog(run, fromEvents, monitor::LogFormat::Jsonl).ok());
    QFile a(fromModel), b(fromEvents);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
}

// The compact log keeps every field of `closed` (both Close frames, the
// ack delay) and the crossed mark, and shows them.
void tst_LogModel::answeredCloseRoundTrips()
{
    LogModel model;
    EventBatch batch{
        samples::crossed(samples::message(EventType::PongIn, 9, State::CloseSent, "p")),
        samples::closedAfterSending(samples::closed(9, State::Closed, 4100, u"leaving"_s,
                                                    protocol::HowEnded::Handshake, false,
                                                    protocol::Initiator::Client, -1),
                                    4003, u"not yet"_s, 2500),
    };
    for (qsizetype i = 0; i < batch.size(); ++i)
        batch[i].seq = quint64(i + 1);
    model.applyBatch(batch);
    const EventBatch back = model.eventsForExport();
    QCOMPARE(back.size(), batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        samples::compare(back[i], batch[i]);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(model.detailsText(0).startsWith(u"crossed our Close"_s));
    const QString details = model.detailsText(1);
    QVERIFY2(details.contains(u"we sent 4003: not yet"_s), qPrintable(details));
    QVERIFY2(details.contains(u"answered after 2.5 ms"_s), qPrintable(details));
}

void tst_LogModel::exportFiltered()
{
    LogModel model;
    model.applyBatch(samples::run());
    const EventBatch conn8 =
        model.eventsForExport([&](int row) { return model.entry(row).conn == 8; });
    QCOMPARE(conn8.size(), 6);
    for (const Event &e : conn8)
        QCOMPARE(e.conn, 8u);
    QCOMPARE(conn8.first().type(), EventType::Open);
    QCOMPARE(conn8.last().type(), EventType::Closed);
}

void tst_LogModel::exportStreamed_data()
{
    QTest::addColumn<monitor::LogFormat>("format");
    QTest::addColumn<bool>("onlyConn7");
    for (const auto format : {monitor::LogFormat::Jsonl, monitor::LogFormat::Text,
                              monitor::LogFormat::Csv, monitor::LogFormat::Har}) {
        const QByteArray name(monitor::logFormatName(format).data(),
                              monitor::logFormatName(format).size());
        QTest::newRow(QByteArray(name + ", all").constData()) << format << false;
        QTest::newRow(QByteArray(name + ", connection 7").constData()) << format << true;
    }
}

void tst_LogModel::exportStreamed()
{
    // exportLogModel() writes what exportLog(eventsForExport()) writes.
    QFETCH(monitor::LogFormat, format);
    QFETCH(bool, onlyConn7);
    LogModel model;
    model.applyBatch(samples::run());
    std::function<bool(int)> accept;
    if (onlyConn7)
        accept = [&](int row) {
            return model.entry(row).conn == 7;
        };

    QTemporaryDir dir;
    const QString streamed = dir.filePath(u"streamed"_s);
    const QString built = dir.filePath(u"built"_s);
    const monitor::ExportResult a = monitor::exportLogModel(model, streamed, format, accept);
    const monitor::ExportResult b =
        monitor::exportLog(model.eventsForExport(accept), built, format);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.events, b.events);
    QCOMPARE(a.events, onlyConn7 ? qsizetype(13) : qsizetype(24));
    QFile fa(streamed), fb(built);
    QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
    QCOMPARE(fa.readAll(), fb.readAll());

    const monitor::ExportResult failed =
        monitor::exportLogModel(model, dir.filePath(u"no/such/dir/x"_s), format);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error.startsWith(u"cannot write "_s), qPrintable(failed.error));
}

void tst_LogModel::clear()
{
    LogModel model;
    const auto tester = attachTester(&model);
    model.setCapacity(5);
    model.applyBatch(numbered(1, 8));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.dropped(), quint64(0));
    QCOMPARE(model.memoryBytes(), qsizetype(0));
    model.applyBatch(numbered(9, 3));
    verifyRows(model, 9, 11);
}

void tst_LogModel::compactEntries()
{
    // 100,000 text messages with 64-byte previews: the figure the 1,000,000
    // entry budget (under 400 MB for the whole app) is built on.
    LogModel model;
    model.setCapacity(100'000);
    const QByteArray payload(200, 'p');
    EventBatch batch;
    for (int i = 0; i < 1000; ++i)
        batch.append(samples::message(EventType::MessageIn, 1 + i % 50, State::Open, payload));
    for (int n = 0; n < 100; ++n)
        model.applyBatch(batch);
    QCOMPARE(model.rowCount(), 100'000);
    const double perEntry = double(model.memoryBytes()) / model.rowCount();
    qInfo("log storage: %.1f bytes per entry", perEntry);
    QVERIFY2(perEntry < 150, qPrintable(QString::number(perEntry)));
    // The ring recycles its arena: pushing 100,000 more does not grow it.
    const qsizetype before = model.memoryBytes();
    for (int n = 0; n < 100; ++n)
        model.applyBatch(batch);
    QCOMPARE(model.rowCount(), 100'000);
    QVERIFY(model.memoryBytes() <= before + (1 << 20));
}

QTEST_MAIN(tst_LogModel)
#include "tst_logmodel.moc"
