// The connections table: a row per opened connection, updated from event
// batches (one dataChanged and one rowsInserted per batch), the close
// columns and roles the close panel reads, live durations, ended rows kept
// greyed until cleared, and the sort/filter proxy.

#include "eventsamples.h"

#include "monitor/connectionfilterproxy.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/eventfeed.h"
#include "monitor/logmodel.h"

#include <QtGui/QBrush>
#include <QtGui/QIcon>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace closecall;
using namespace Qt::StringLiterals;
using monitor::ConnectionFilterProxy;
using monitor::ConnectionTableModel;
using Col = monitor::ConnectionTableModel::Column;
using protocol::Initiator;
using protocol::MessageType;
using protocol::PostClose;
using protocol::State;
using server::Event;
using server::EventBatch;
using server::EventType;

namespace {

std::unique_ptr<QAbstractItemModelTester> attachTester(QAbstractItemModel *model)
{
    return std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

// Stamps seq and times: t_us 1 ms apart from `t0Us`.
EventBatch stamped(EventBatch b, qint64 t0Us = 1'000'000)
{
    static quint64 seq = 0;
    for (qsizetype i = 0; i < b.size(); ++i) {
        b[i].seq = ++seq;
        b[i].tUs = t0Us + 1000 * i;
        b[i].wallUs = samples::BaseWallUs + b[i].tUs;
    }
    return b;
}

Event msg(EventType type, quint32 conn, qsizetype size, State state = State::Open,
          PostClose pc = PostClose::None)
{
    return samples::message(type, conn, state, QByteArray(size, 'x'), MessageType::Text, pc);
}

// Connection 7: close output, one post-close receive delivered, the
// peer's Close after 1.234 ms; connection 8: close, two discarded, timeout.
EventBatch closingRun()
{
    EventBatch b = samples::run();
    b.insert(19, samples::message(EventType::MessageIn, 8, State::CloseSent, "again",
                                  MessageType::Text, PostClose::Discarded));
    return stamped(b);
}

} // namespace

class tst_ConnectionTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void headers();
    void cells_data();
    void cells();
    void roles_data();
    void roles();
    void outgoingRow();
    void awaitingAck();
    void peerClosedFirst();
    void crossedCount();
    void unknownConnectionsIgnored();
    void oneUpdatePerBatch();
    void liveDuration();
    void endedRowsGreyedUntilCleared();
    void counts();
    void sortNumeric_data();
    void sortNumeric();
    void filter_data();
    void filter();
    void feedCoalesces();
};

void tst_ConnectionTableModel::headers()
{
    ConnectionTableModel model;
    QCOMPARE(model.columnCount(), int(Col::ColumnCount));
    QCOMPARE(model.headerData(Col::Id, Qt::Horizontal).toString(), u"ID"_s);
    QCOMPARE(model.headerData(Col::PostClose, Qt::Horizontal).toString(), u"Post-close rx"_s);
    QCOMPARE(model.headerData(Col::CloseHandshake, Qt::Horizontal).toString(),
             u"Close handshake"_s);
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
}

void tst_ConnectionTableModel::cells_data()
{
    QTest::addColumn<quint32>("conn");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    QTest::newRow("7 id") << 7u << int(Col::Id) << "7";
    QTest::newRow("7 remote") << 7u << int(Col::Remote) << "127.0.0.1:50123";
    QTest::newRow("7 path and query") << 7u << int(Col::Path) << "/chat room?room=1&name=a%20b";
    QTest::newRow("7 subprotocol") << 7u << int(Col::Subprotocol) << "chat";
    QTest::newRow("7 state") << 7u << int(Col::State) << "Closed";
    QTest::newRow("7 msgs in (post-close included)") << 7u << int(Col::MsgsIn) << "3";
    QTest::newRow("7 msgs out") << 7u << int(Col::MsgsOut) << "1";
    QTest::newRow("7 bytes in") << 7u << int(Col::BytesIn) << "13 bytes";
    QTest::newRow("7 close sent: code, name, reason")
        << 7u << int(Col::CloseSent) << "1001 Going Away: deploy";
    QTest::newRow("7 close received") << 7u << int(Col::CloseReceived) << "1001 Going Away: bye";
    QTest::newRow("7 initiated by") << 7u << int(Col::InitiatedBy) << "server";
    QTest::newRow("7 post-close: delivered only") << 7u << int(Col::PostClose) << "1 (delivered)";
    QTest::newRow("7 close handshake from the closed event")
        << 7u << int(Col::CloseHandshake) << "1.2 ms";
    QTest::newRow("7 how it ended") << 7u << int(Col::HowEnded) << "client closed TCP";
    QTest::newRow("7 duration: open to closed") << 7u << int(Col::Duration) << "0 s";
    QTest::newRow("8 state") << 8u << int(Col::State) << "Aborted";
    QTest::newRow("8 empty close sent") << 8u << int(Col::CloseSent) << "Empty (no status code)";
    QTest::newRow("8 nothing received") << 8u << int(Col::CloseReceived) << "";
    QTest::newRow("8 post-close: discarded only") << 8u << int(Col::PostClose) << "2 (discarded)";
    QTest::newRow("8 no close handshake") << 8u << int(Col::CloseHandshake) << "";
    QTest::newRow("8 how it ended") << 8u << int(Col::HowEnded) << "timed out";
    QTest::newRow("7 no ack delay: our Close went first") << 7u << int(Col::AckDelay) << "";
}

void tst_ConnectionTableModel::cells()
{
    QFETCH(quint32, conn);
    QFETCH(int, column);
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(closingRun());
    QCOMPARE(model.rowCount(), 2); // conn 3 failed its handshake: no row
    QTEST(model.indexOf(conn, column).data().toString(), "text");
}

void tst_ConnectionTableModel::roles_data()
{
    QTest::addColumn<quint32>("conn");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("value");

    using M = ConnectionTableModel;
    QTest::newRow("7 id") << 7u << int(M::ConnIdRole) << QVariant(7u);
    QTest::newRow("7 state") << 7u << int(M::StateRole) << QVariant(int(State::Closed));
    QTest::newRow("7 ended") << 7u << int(M::EndedRole) << QVariant(true);
    QTest::newRow("7 close sent") << 7u << int(M::CloseSentRole) << QVariant(true);
    QTest::newRow("7 close received") << 7u << int(M::CloseReceivedRole) << QVariant(true);
    QTest::newRow("7 not awaiting ack") << 7u << int(M::AwaitingAckRole) << QVariant(false);
    QTest::newRow("7 post-close count") << 7u << int(M::PostCloseCountRole) << QVariant(1ull);
    QTest::newRow("7 delivered") << 7u << int(M::PostCloseDeliveredRole) << QVariant(1ull);
    QTest::newRow("8 discarded") << 8u << int(M::PostCloseDiscardedRole) << QVariant(2ull);
    QTest::newRow("8 initiated by")
        << 8u << int(M::InitiatedByRole) << QVariant(int(Initiator::Server));
    QTest::newRow("8 remote") << 8u << int(M::RemoteRole) << QVariant(u"127.0.0.1:50123"_s);
    QTest::newRow("8 close received: no") << 8u << int(M::CloseReceivedRole) << QVariant(false);
}

void tst_ConnectionTableModel::roles()
{
    QFETCH(quint32, conn);
    QFETCH(int, role);
    QFETCH(QVariant, value);
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(closingRun());
    // Every column answers the custom roles the same way.
    for (int c = 0; c < model.columnCount(); ++c)
        QCOMPARE(model.indexOf(conn, c).data(role), value);
}

void tst_ConnectionTableModel::outgoingRow()
{
    // An out row (we connected) beside an in row: Role, URL, the roles and
    // the tooltips that say which side CloseCall is.
    using M = ConnectionTableModel;
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(stamped({samples::openEvent(7), samples::outgoingOpen(9)}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.headerData(Col::ConnRole, Qt::Horizontal).toString(), u"Role"_s);
    QCOMPARE(model.headerData(Col::Url, Qt::Horizontal).toString(), u"URL"_s);
    QCOMPARE(model.indexOf(7, Col::ConnRole).data().toString(), u"in"_s);
    QCOMPARE(model.indexOf(9, Col::ConnRole).data().toString(), u"out"_s);
    QCOMPARE(model.indexOf(7, Col::Url).data().toString(), QString());
    QCOMPARE(model.indexOf(9, Col::Url).data().toString(), u"ws://127.0.0.1:9001/chat?a=1"_s);
    QCOMPARE(model.indexOf(9, Col::Path).data().toString(), u"/chat?a=1"_s);
    for (int c = 0; c < model.columnCount(); ++c) {
        QCOMPARE(model.indexOf(7, c).data(M::OutgoingRole), QVariant(false));
        QCOMPARE(model.indexOf(9, c).data(M::OutgoingRole), QVariant(true));
    }
    QCOMPARE(model.indexOf(9, Col::Path).data(Qt::ToolTipRole).toString(),
             u"Outgoing connection to ws://127.0.0.1:9001/chat?a=1"_s);
    QVERIFY(model.indexOf(9, Col::ConnRole).data(Qt::ToolTipRole).toString().contains(u"client"_s));
    QVERIFY(model.indexOf(7, Col::ConnRole).data(Qt::ToolTipRole).toString().contains(u"server"_s));
    // Sorting by Role puts the in rows first.
    QVERIFY(model.indexOf(7, Col::ConnRole).data(M::SortRole).toString() <
            model.indexOf(9, Col::ConnRole).data(M::SortRole).toString());
}

void tst_ConnectionTableModel::awaitingAck()
{
    // Manual-ack mode: the peer's Close arrives first and stays unanswered.
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    model.applyBatch(stamped({samples::openEvent(5)}));
    model.applyBatch(stamped({samples::closeReceived(5, 4000, u"client done"_s),
                              samples::stateChange(5, State::Open, State::CloseReceived)}));
    QModelIndex state = model.indexOf(5, Col::State);
    QCOMPARE(state.data().toString(), u"CloseReceived"_s);
    QCOMPARE(state.data(ConnectionTableModel::AwaitingAckRole).toBool(), true);
    QVERIFY(state.data(Qt::BackgroundRole).isValid());
    QVERIFY(!state.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.indexOf(5, Col::InitiatedBy).data().toString(), u"client"_s);
    QCOMPARE(model.indexOf(5, Col::CloseReceived).data().toString(), u"4000: client done"_s);
    // Our acknowledgement: no close handshake time (theirs went first).
    model.applyBatch(
        stamped({samples::closeSent(5, 4000, u"client done"_s, protocol::CloseMode::Ack)}));
    QCOMPARE(state.data(ConnectionTableModel::AwaitingAckRole).toBool(), false);
    QCOMPARE(model.indexOf(5, Col::CloseHandshake).data().toString(), QString());
    QCOMPARE(model.indexOf(5, Col::InitiatedBy).data().toString(), u"client"_s);
}

// The peer's 4100 answered with our 4003 after 2.5 ms: the Ack delay
// column, and the Close sent column also from `closed` alone (a feed that
// lost the close_sent event).
void tst_ConnectionTableModel::peerClosedFirst()
{
    const Event closed = samples::closedAfterSending(
        samples::closed(9, State::Closed, 4100, u"client leaving"_s, protocol::HowEnded::Handshake,
                        false, Initiator::Client, -1),
        4003, u"not yet"_s, 2500);
    for (const bool withCloseSent : {true, false}) {
        ConnectionTableModel model;
        const auto tester = attachTester(&model);
        EventBatch b{samples::openEvent(9), samples::closeReceived(9, 4100, u"client leaving"_s)};
        if (withCloseSent)
            b << samples::closeSent(9, 4003, u"not yet"_s, protocol::CloseMode::Close);
        b << closed;
        model.applyBatch(stamped(b));
        QCOMPARE(model.headerData(Col::AckDelay, Qt::Horizontal).toString(), u"Ack delay"_s);
        QCOMPARE(model.indexOf(9, Col::AckDelay).data().toString(), u"2.5 ms"_s);
        QCOMPARE(model.indexOf(9, Col::AckDelay).data(ConnectionTableModel::SortRole).toLongLong(),
                 2500);
        QVERIFY(!model.indexOf(9, Col::AckDelay).data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.indexOf(9, Col::CloseSent).data().toString(), u"4003: not yet"_s);
        QCOMPARE(model.indexOf(9, Col::CloseReceived).data().toString(), u"4100: client leaving"_s);
        QCOMPARE(model.indexOf(9, Col::InitiatedBy).data().toString(), u"client"_s);
        QCOMPARE(model.indexOf(9, Col::CloseHandshake).data().toString(), QString());
        QVERIFY(model.indexOf(9, Col::AckDelay)
                    .data(Qt::TextAlignmentRole)
                    .value<Qt::Alignment>()
                    .testFlag(Qt::AlignRight));
    }
}

// Post-close messages that crossed our Close are counted and explained.
void tst_ConnectionTableModel::crossedCount()
{
    ConnectionTableModel model;
    model.applyBatch(closingRun());
    QCOMPARE(model.row(7)->postCloseCrossed, quint64(1)); // "late" crossed our Close
    QCOMPARE(model.row(8)->postCloseCrossed, quint64(0));
    QVERIFY(
        model.indexOf(7, Col::PostClose).data(Qt::ToolTipRole).toString().contains(u"crossed"_s));
    QVERIFY(!model.indexOf(8, Col::PostClose).data(Qt::ToolTipRole).isValid());
}

void tst_ConnectionTableModel::unknownConnectionsIgnored()
{
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The Connecting -> Open change comes before `open`; a handshake
    // failure never opens; an error can be server-wide.
    model.applyBatch(stamped({samples::stateChange(9, State::Connecting, State::Open),
                              samples::handshakeFailed(), samples::error(0, u"x"_s),
                              msg(EventType::MessageIn, 99, 4)}));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.row(9), nullptr);
}

void tst_ConnectionTableModel::oneUpdatePerBatch()
{
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    EventBatch opens;
    for (quint32 c = 1; c <= 1000; ++c)
        opens << samples::openEvent(c) << msg(EventType::MessageIn, c, 10);
    model.applyBatch(stamped(opens));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 999);
    QCOMPARE(changed.size(), 0); // new rows are inserted complete

    // 1,000 messages over connections 100..199, and 3 new connections.
    EventBatch traffic;
    for (int i = 0; i < 1000; ++i)
        traffic << msg(i % 2 ? EventType::MessageIn : EventType::MessageOut, quint32(100 + i % 100),
                       100);
    traffic << samples::openEvent(2001) << samples::openEvent(2002) << samples::openEvent(2003);
    model.applyBatch(stamped(traffic));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), model.rowOf(100));
    QCOMPARE(bottomRight.row(), model.rowOf(199));
    QCOMPARE(model.row(150)->msgsIn + model.row(150)->msgsOut, quint64(1 + 10));
    QCOMPARE(model.row(150)->bytesIn + model.row(150)->bytesOut, quint64(10 + 10 * 100));
    QCOMPARE(model.rowCount(), 1003);
}

void tst_ConnectionTableModel::liveDuration()
{
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    qint64 now = 0;
    model.setClock([&] { return now; });
    model.applyBatch(stamped({samples::openEvent(1), samples::openEvent(2)}, 1'000'000));
    model.applyBatch(
        stamped({samples::closed(2, State::Closed, 1000, {}, protocol::HowEnded::Handshake, false,
                                 Initiator::Server, 500)},
                5'000'000));
    now = 1'000'000 + 125'000'000; // 125 s after connection 1 opened
    QCOMPARE(model.indexOf(1, Col::Duration).data().toString(), u"2:05"_s);
    QCOMPARE(model.indexOf(1, Col::Duration).data(ConnectionTableModel::SortRole).toLongLong(),
             125'000'000);
    QCOMPARE(model.indexOf(2, Col::Duration).data().toString(), u"3 s"_s); // frozen at its end
    now += 3600'000'000LL;
    QCOMPARE(model.indexOf(1, Col::Duration).data().toString(), u"1:02:05"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    model.tick(); // too soon: nothing
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft, model.indexOf(1, Col::Duration));
    QCOMPARE(bottomRight, model.indexOf(1, Col::Duration)); // connection 2 has ended
}

void tst_ConnectionTableModel::endedRowsGreyedUntilCleared()
{
    ConnectionTableModel model;
    const auto tester = attachTester(&model);
    EventBatch b;
    for (quint32 c = 1; c <= 6; ++c)
        b << samples::openEvent(c);
    // 2, 3 and 5 end: two runs of ended rows.
    for (const quint32 c : {2u, 3u, 5u})
        b << samples::closed(c, State::Aborted, 1006, {}, protocol::HowEnded::Abort, false,
                             Initiator::None, -1);
    model.applyBatch(stamped(b));
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(model.indexOf(2, Col::Id).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.indexOf(1, Col::Id).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.indexOf(1, Col::State).data(Qt::DecorationRole).value<QIcon>().isNull());

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.clearEnded();
    QCOMPARE(removed.size(), 2);
    QCOMPARE(model.rowCount(), 3);
    for (const quint32 c : {1u, 4u, 6u})
        QCOMPARE(model.indexOf(c, Col::Id).data().toString(), QString::number(c));
    QCOMPARE(model.row(2), nullptr);
    // Late events of a cleared connection do not bring it back.
    model.applyBatch(stamped({samples::error(2, u"late"_s), msg(EventType::MessageIn, 4, 1)}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.row(4)->msgsIn, quint64(1));
}

void tst_ConnectionTableModel::counts()
{
    ConnectionTableModel model;
    QSignalSpy counts(&model, &ConnectionTableModel::countsChanged);
    model.applyBatch(stamped({samples::openEvent(1), samples::openEvent(2)}));
    model.applyBatch(stamped({msg(EventType::MessageIn, 1, 3)})); // no change
    model.applyBatch(stamped({samples::closed(
        1, State::Closed, 1000, {}, protocol::HowEnded::Handshake, false, Initiator::Server, 10)}));
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.last().at(0).toInt(), 1);
    QCOMPARE(counts.last().at(1).toULongLong(), quint64(2));
    model.clearEnded();
    QCOMPARE(model.openCount(), 1);
    QCOMPARE(model.totalCount(), quint64(2)); // ever opened
    model.clear();
    QCOMPARE(counts.last().at(0).toInt(), 0);
}

void tst_ConnectionTableModel::sortNumeric_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("msgs in") << int(Col::MsgsIn);
    QTest::newRow("bytes in") << int(Col::BytesIn);
    QTest::newRow("id") << int(Col::Id);
}

void tst_ConnectionTableModel::sortNumeric()
{
    QFETCH(int, column);
    ConnectionTableModel model;
    ConnectionFilterProxy proxy;
    const auto tester = attachTester(&model);
    proxy.setSourceModel(&model);
    const auto proxyTester = attachTester(&proxy);
    proxy.sort(column, Qt::AscendingOrder);

    // Ids and message counts chosen so text order (10 < 2 < 9) differs
    // from numeric order (2 < 9 < 10).
    EventBatch b;
    for (const quint32 c : {10u, 2u, 9u})
        b << samples::openEvent(c);
    for (const quint32 c : {10u, 2u, 9u}) {
        for (quint32 i = 0; i < c; ++i)
            b << msg(EventType::MessageIn, c, 1000);
    }
    model.applyBatch(stamped(b));
    QList<uint> order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order << proxy.index(row, 0).data(ConnectionTableModel::ConnIdRole).toUInt();
    QCOMPARE(order, (QList<uint>{2, 9, 10}));
    // Still sorted after more traffic changes the values.
    EventBatch more;
    for (int i = 0; i < 20; ++i)
        more << msg(EventType::MessageIn, 2, 1000);
    model.applyBatch(stamped(more));
    const uint top = proxy.index(2, 0).data(ConnectionTableModel::ConnIdRole).toUInt();
    QCOMPARE(top, column == Col::Id ? 10u : 2u);
}

void tst_ConnectionTableModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hideEnded");
    QTest::addColumn<QList<uint>>("shown");
    QTest::newRow("everything") << "" << false << QList<uint>{1, 2, 3};
    QTest::newRow("by id") << "2" << false << QList<uint>{2};
    QTest::newRow("by #id") << "#3" << false << QList<uint>{3};
    QTest::newRow("by remote") << "10.1.1" << false << QList<uint>{1, 3};
    QTest::newRow("by path, any case") << "/FEED" << false << QList<uint>{2};
    QTest::newRow("by state name") << "aborted" << false << QList<uint>{3};
    QTest::newRow("hide ended") << "" << true << QList<uint>{1, 2};
    QTest::newRow("text and hide ended") << "10.1.1" << true << QList<uint>{1};
    QTest::newRow("by an out row's URL") << "example.test:8443" << false << QList<uint>{2};
}

void tst_ConnectionTableModel::filter()
{
    QFETCH(QString, text);
    QFETCH(bool, hideEnded);
    ConnectionTableModel model;
    ConnectionFilterProxy proxy;
    proxy.setSourceModel(&model);
    const auto tester = attachTester(&model);
    const auto proxyTester = attachTester(&proxy);
    proxy.setFilterText(text);
    proxy.setHideEnded(hideEnded);

    EventBatch b;
    const QStringList remotes{u"10.1.1.1:5000"_s, u"192.168.0.2:6000"_s, u"10.1.1.3:7000"_s};
    const QStringList paths{u"/chat"_s, u"/feed"_s, u"/chat"_s};
    for (quint32 c = 1; c <= 3; ++c) {
        Event open = samples::openEvent(c);
        samples::edit(open, [&](server::events::Open &o) {
            o.remote = remotes[c - 1];
            o.path = paths[c - 1];
            o.query.clear();
            o.subprotocol.clear();
            o.origin.clear();
            o.userAgent.clear();
            if (c == 2) { // one outgoing connection
                o.outgoing = true;
                o.url = u"wss://example.test:8443/feed"_s;
            }
        });
        b << open;
    }
    model.applyBatch(stamped(b));
    // Ends while the filter is on: the proxy follows.
    model.applyBatch(stamped({samples::closed(
        3, State::Aborted, 1006, {}, protocol::HowEnded::PeerReset, true, Initiator::None, -1)}));
    QList<uint> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown << proxy.index(row, 0).data(ConnectionTableModel::ConnIdRole).toUInt();
    std::sort(shown.begin(), shown.end());
    QTEST(shown, "shown");
}

void tst_ConnectionTableModel::feedCoalesces()
{
    ConnectionTableModel connections;
    monitor::LogModel log;
    const auto tester = attachTester(&connections);
    const auto logTester = attachTester(&log);
    monitor::EventFeed feed(&connections, &log);
    QSignalSpy logInserted(&log, &QAbstractItemModel::rowsInserted);
    QSignalSpy applied(&feed, &monitor::EventFeed::applied);
    // The rates are per wall-clock second: pin the clock, so that a slow
    // (busy) run of this test counts the whole burst in one second.
    feed.setClock([] { return qint64(5'000); });

    // Idle: the first batch is applied at once.
    feed.onEvents(stamped({samples::openEvent(1)}));
    QCOMPARE(applied.size(), 1);
    QCOMPARE(connections.rowCount(), 1);

    // A burst of 50 batches of 400 messages (20,000) within the interval:
    // gathered into one update when the timer fires.
    for (int batch = 0; batch < 50; ++batch) {
        EventBatch b;
        for (int i = 0; i < 400; ++i)
            b << msg(i % 2 ? EventType::MessageIn : EventType::MessageOut, 1, 10);
        feed.onEvents(stamped(b));
    }
    QCOMPARE(applied.size(), 1);
    QCOMPARE(feed.pendingEvents(), qsizetype(20'000));
    QTRY_COMPARE(applied.size(), 2);
    QCOMPARE(logInserted.size(), 2);
    QCOMPARE(log.rowCount(), 20'001);
    QCOMPARE(connections.row(1)->msgsIn, quint64(10'000));
    QCOMPARE(feed.eventsReceived(), quint64(20'001));
    const auto rates = feed.rates();
    QCOMPARE(rates.messagesIn, 10'000.0);
    QCOMPARE(rates.messagesOut, 10'000.0);
    QCOMPARE(rates.bytesIn, 100'000.0);

    // flush() applies what waits at once (before an export).
    feed.onEvents(stamped({msg(EventType::MessageIn, 1, 1)}));
    feed.flush();
    QCOMPARE(log.rowCount(), 20'002);
}

QTEST_MAIN(tst_ConnectionTableModel)
#include "tst_connectiontablemodel.moc"
