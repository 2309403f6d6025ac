// The log filter: free text (over Details, Event, State and the remote
// address), selected connections, event kinds, post-close only, their
// combination, rows arriving and leaving while a filter is on, sorting by
// a numeric column, and "export what the filter shows".

#include "eventsamples.h"

#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace closecall;
using namespace Qt::StringLiterals;
using monitor::LogFilterProxy;
using monitor::LogModel;
using protocol::MessageType;
using protocol::PostClose;
using protocol::State;
using server::Event;
using server::EventBatch;
using server::EventType;

using ConnSet = QSet<quint32>;
using TypeSet = QSet<EventType>;
using SeqList = QList<quint64>;

namespace {

// samples::run() (seq 1..24) and a few messages that exercise escaping,
// hex and non-ASCII text (seq 25..28).
EventBatch sampleLog()
{
    EventBatch b = samples::run();
    // connection 8's open
    samples::edit(b[9], [](server::events::Open &o) { o.remote = u"127.0.0.1:50124"_s; });
    b.append(samples::message(EventType::MessageIn, 7, State::Open, "line one\nline two"));
    b.append(samples::message(EventType::MessageIn, 8, State::Open, "GR\xc3\x9c\xc3\x9f GOTT"));
    b.append(samples::message(EventType::MessageOut, 8, State::Open, QByteArray("\xca\xfe\x01", 3),
                              MessageType::Binary));
    b.append(samples::message(EventType::MessageOut, 8, State::Open, "Hello World"));
    for (qsizetype i = 24; i < b.size(); ++i) {
        b[i].seq = quint64(i + 1);
        b[i].tUs = 1000 * (i + 1);
        b[i].wallUs = samples::BaseWallUs + 1000 * i;
    }
    return b;
}

SeqList shownSeqs(const QAbstractItemModel &proxy)
{
    SeqList seqs;
    for (int row = 0; row < proxy.rowCount(); ++row)
        seqs << proxy.index(row, 0).data(LogModel::SeqRole).toULongLong();
    return seqs;
}

struct Fixture
{
    LogModel log;
    LogFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> logTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    Fixture()
    {
        // Testers first: every change below is checked.
        logTester = std::make_unique<QAbstractItemModelTester>(
            &log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&log);
        proxyTester = std::make_unique<QAbstractItemModelTester>(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
};

} // namespace

class tst_LogFilterProxy final : public QObject
{
    Q_OBJECT

private slots:
    void criteria_data();
    void criteria();
    void oneRefilterPerChange();
    void rowsArriveAndLeaveWhileFiltered();
    void remoteKnownFromOpen();
    void sortByNumericColumn();
    void exportWhatTheFilterShows();
    void hiddenKindsShowOnlyWhenNamed();
    void millionRowsSmoke();
};

void tst_LogFilterProxy::criteria_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ConnSet>("connections");
    QTest::addColumn<TypeSet>("types");
    QTest::addColumn<bool>("postCloseOnly");
    QTest::addColumn<SeqList>("expected");

    const ConnSet all;
    const TypeSet kinds;
    QTest::newRow("no criteria: every row")
        << "" << all << kinds << false
        << SeqList{1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14,
                   15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28};
    QTest::newRow("text in previews, any case")
        << "HELLO" << all << kinds << false << SeqList{4, 5, 19, 28};
    QTest::newRow("text in a close reason") << "deploy" << all << kinds << false << SeqList{11, 16};
    QTest::newRow("text in a close code name")
        << "going away" << all << kinds << false << SeqList{11, 14, 16};
    QTest::newRow("text: the Event column's words")
        << "close sent" << all << kinds << false << SeqList{11, 17};
    QTest::newRow("text: the contract event name")
        << "close_received" << all << kinds << false << SeqList{14};
    QTest::newRow("text: a state name") << "aborted" << all << kinds << false << SeqList{2, 20, 21};
    QTest::newRow("text: the remote address of the connection")
        << "50123" << all << kinds << false
        << SeqList{3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 25};
    QTest::newRow("text: post-close words")
        << "post-close: del" << all << kinds << false << SeqList{13};
    QTest::newRow("text: the escaped form of a newline")
        << "one\\nline" << all << kinds << false << SeqList{25};
    QTest::newRow("text: hex of a binary preview")
        << "ca fe" << all << kinds << false << SeqList{27};
    QTest::newRow("text: non-ASCII, any case") << u"grüß"_s << all << kinds << false << SeqList{26};
    QTest::newRow("text: nothing matches") << "zebra" << all << kinds << false << SeqList{};
    QTest::newRow("connection 8 only")
        << "" << ConnSet{8} << kinds << false << SeqList{10, 17, 18, 19, 20, 21, 26, 27, 28};
    QTest::newRow("connections 3 and 7")
        << "" << ConnSet{3, 7} << kinds << false
        << SeqList{2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 25};
    QTest::newRow("one kind: message_out")
        << "" << all << TypeSet{EventType::MessageOut} << false << SeqList{5, 27, 28};
    QTest::newRow("two kinds: close_sent, closed")
        << "" << all << TypeSet{EventType::CloseSent, EventType::Closed} << false
        << SeqList{11, 16, 17, 21};
    QTest::newRow("post-close only") << "" << all << kinds << true << SeqList{13, 19};
    QTest::newRow("post-close on connection 8") << "" << ConnSet{8} << kinds << true << SeqList{19};
    QTest::newRow("text and kind: hello, sent by us")
        << "hello" << all << TypeSet{EventType::MessageOut} << false << SeqList{5, 28};
    QTest::newRow("all four together")
        << "hello" << ConnSet{8} << TypeSet{EventType::MessageIn} << true << SeqList{19};
}

void tst_LogFilterProxy::criteria()
{
    QFETCH(QString, text);
    QFETCH(ConnSet, connections);
    QFETCH(TypeSet, types);
    QFETCH(bool, postCloseOnly);
    QFETCH(SeqList, expected);

    Fixture f;
    f.log.applyBatch(sampleLog());
    // Set one criterion at a time, then all at once: the same rows.
    f.proxy.setFilterText(text);
    f.proxy.setConnections(connections);
    f.proxy.setEventTypes(types);
    f.proxy.setPostCloseOnly(postCloseOnly);
    QCOMPARE(shownSeqs(f.proxy), expected);

    LogFilterProxy again;
    again.setSourceModel(&f.log);
    again.setCriteria({text, connections, types, postCloseOnly});
    QCOMPARE(shownSeqs(again), expected);
    QCOMPARE(again.isFiltering(),
             !(text.isEmpty() && connections.isEmpty() && types.isEmpty() && !postCloseOnly));
}

void tst_LogFilterProxy::oneRefilterPerChange()
{
    Fixture f;
    f.log.applyBatch(sampleLog());
    QSignalSpy layout(&f.proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy criteria(&f.proxy, &LogFilterProxy::criteriaChanged);
    f.proxy.setCriteria({u"hello"_s, {7, 8}, {EventType::MessageIn}, false});
    QCOMPARE(layout.size(), 1);
    QCOMPARE(removed.size(), 0); // no per-run removals, whatever rows go
    QCOMPARE(criteria.size(), 1);
    f.proxy.setCriteria(f.proxy.criteria()); // unchanged: nothing happens
    QCOMPARE(layout.size(), 1);
    QCOMPARE(criteria.size(), 1);
    QCOMPARE(shownSeqs(f.proxy), (SeqList{4, 19}));
}

void tst_LogFilterProxy::rowsArriveAndLeaveWhileFiltered()
{
    Fixture f;
    f.log.setCapacity(6);
    f.proxy.setFilterText(u"keep"_s);
    EventBatch batch;
    for (int i = 1; i <= 10; ++i) {
        Event e = samples::message(EventType::MessageIn, 1, State::Open,
                                   (i % 2 ? "keep " : "drop ") + QByteArray::number(i));
        e.seq = quint64(i);
        batch.append(e);
    }
    f.log.applyBatch(batch.mid(0, 4)); // 1..4
    QCOMPARE(shownSeqs(f.proxy), (SeqList{1, 3}));
    f.log.applyBatch(batch.mid(4, 3)); // 5..7; 1 leaves
    QCOMPARE(shownSeqs(f.proxy), (SeqList{3, 5, 7}));
    f.log.applyBatch(batch.mid(7)); // 8..10; 2..4 leave
    QCOMPARE(shownSeqs(f.proxy), (SeqList{5, 7, 9}));
    f.proxy.setFilterText({});
    QCOMPARE(shownSeqs(f.proxy), (SeqList{5, 6, 7, 8, 9, 10}));
}

void tst_LogFilterProxy::remoteKnownFromOpen()
{
    // The filter is on before the connection exists: its rows still match
    // its remote address once its open event has been logged.
    Fixture f;
    f.proxy.setFilterText(u"10.0.0.9"_s);
    Event open = samples::openEvent(42);
    samples::edit(open, [](server::events::Open &o) { o.remote = u"10.0.0.9:4000"_s; });
    f.log.applyBatch({samples::stateChange(42, State::Connecting, State::Open), open,
                      samples::message(EventType::MessageIn, 42, State::Open, "x"),
                      samples::message(EventType::MessageIn, 43, State::Open, "y")});
    QCOMPARE(f.proxy.rowCount(), 3);
}

void tst_LogFilterProxy::sortByNumericColumn()
{
    Fixture f;
    EventBatch batch;
    for (const int size : {9, 100, 10, 1000, 2})
        batch.append(samples::message(EventType::MessageIn, 1, State::Open, QByteArray(size, 'a')));
    for (qsizetype i = 0; i < batch.size(); ++i)
        batch[i].seq = quint64(i + 1);
    f.log.applyBatch(batch);
    f.proxy.sort(LogModel::Size, Qt::AscendingOrder);
    QList<qlonglong> sizes;
    for (int row = 0; row < f.proxy.rowCount(); ++row)
        sizes << f.proxy.index(row, 0).data(LogModel::SizeRole).toLongLong();
    QCOMPARE(sizes, (QList<qlonglong>{2, 9, 10, 100, 1000}));
    f.proxy.sort(LogModel::Size, Qt::DescendingOrder);
    QCOMPARE(f.proxy.index(0, LogModel::Size).data(LogModel::SizeRole).toLongLong(), 1000);

    // Connection ids: 10 after 9 (numbers, not text); ties in time order.
    EventBatch more{samples::message(EventType::MessageIn, 10, State::Open, "a"),
                    samples::message(EventType::MessageIn, 9, State::Open, "b")};
    more[0].seq = 6;
    more[1].seq = 7;
    f.log.applyBatch(more);
    f.proxy.sort(LogModel::Conn, Qt::AscendingOrder);
    QList<uint> conns;
    for (int row = 0; row < f.proxy.rowCount(); ++row)
        conns << f.proxy.index(row, 0).data(LogModel::ConnIdRole).toUInt();
    QCOMPARE(conns, (QList<uint>{1, 1, 1, 1, 1, 9, 10}));
    f.proxy.sort(LogModel::Time, Qt::DescendingOrder);
    QCOMPARE(f.proxy.index(0, LogModel::Details).data().toString(), u"b"_s);
}

void tst_LogFilterProxy::exportWhatTheFilterShows()
{
    Fixture f;
    f.log.applyBatch(sampleLog());
    f.proxy.setPostCloseOnly(true);
    const EventBatch events =
        f.log.eventsForExport([&](int row) { return f.proxy.acceptsSourceRow(row); });
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].messagePayload()->postClose, PostClose::Delivered);
    QCOMPARE(events[1].messagePayload()->postClose, PostClose::Discarded);
}

// The GUI hides command results unless the event-kind filter names them;
// hiding is not filtering.
void tst_LogFilterProxy::hiddenKindsShowOnlyWhenNamed()
{
    Fixture f;
    EventBatch batch = sampleLog();
    Event result(server::events::Result{{}, true, u"ok"_s});
    result.seq = quint64(batch.size() + 1);
    batch.append(result);
    f.log.applyBatch(batch);
    const int all = f.log.rowCount();
    QCOMPARE(f.proxy.rowCount(), all);
    SeqList results;
    for (const Event &e : std::as_const(batch)) {
        if (e.type() == EventType::Result)
            results.append(e.seq);
    }

    f.proxy.setHiddenEventTypes({EventType::Result});
    QVERIFY(!f.proxy.isFiltering());
    QCOMPARE(f.proxy.rowCount(), all - results.size());
    QVERIFY(!shownSeqs(f.proxy).contains(result.seq));
    QVERIFY(!f.proxy.showsKindOf(all - 1));
    QVERIFY(f.proxy.showsKindOf(0));

    // Named by the kind filter: shown, and kept by a whole-log export.
    f.proxy.setEventTypes({EventType::Result});
    QCOMPARE(shownSeqs(f.proxy), results);
    QVERIFY(f.proxy.showsKindOf(all - 1));
    f.proxy.setEventTypes({EventType::Result, EventType::Open});
    QVERIFY(shownSeqs(f.proxy).contains(result.seq));
    f.proxy.setEventTypes({});
    QCOMPARE(f.proxy.rowCount(), all - results.size());
}

void tst_LogFilterProxy::millionRowsSmoke()
{
    // Not a timed test (the bench measures): a million rows filter in one
    // pass and the result is right.
    LogModel log;
    EventBatch batch;
    for (int i = 0; i < 10'000; ++i) {
        Event e = samples::message(EventType::MessageIn, quint32(1 + i % 100), State::Open,
                                   "payload number " + QByteArray::number(i) +
                                       (i % 1000 == 0 ? " NEEDLE" : ""));
        batch.append(e);
    }
    for (int n = 0; n < 100; ++n)
        log.applyBatch(batch);
    LogFilterProxy proxy;
    proxy.setSourceModel(&log);
    QElapsedTimer timer;
    timer.start();
    proxy.setFilterText(u"needle"_s);
    QCOMPARE(proxy.rowCount(), 1000);
    qInfo("text filter over %d rows: %lld ms (Debug build)", log.rowCount(), timer.elapsed());
}

QTEST_MAIN(tst_LogFilterProxy)
#include "tst_logfilterproxy.moc"
