// Proxy mode's connections table (docs/headless.md "Proxy mode"): one row
// per pair with both legs, fed with a recorded relay — a client leg and its
// server leg, closes on both sides, a post-close receive and a not_relayed
// frame — and the log's Leg column and pair kept in the compact entries.

#include "../monitor/eventsamples.h"

#include "monitor/connectionfilterproxy.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/displaytext.h"
#include "monitor/logmodel.h"
#include "monitor/pairtablemodel.h"

#include <QtGui/QBrush>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace closecall;
using namespace Qt::StringLiterals;
using monitor::ConnectionTableModel;
using monitor::LogModel;
using monitor::PairTableModel;
using Col = monitor::PairTableModel::Column;
using protocol::CloseMode;
using protocol::HowEnded;
using protocol::Initiator;
using protocol::PostClose;
using protocol::State;
using server::Event;
using server::EventBatch;
using server::EventType;
using server::Leg;

namespace {

constexpr quint32 ClientLeg = 41; // pair 41
constexpr quint32 ServerLeg = 42;
constexpr quint32 ClientLeg2 = 43; // pair 43, still open
constexpr quint32 ServerLeg2 = 44;
const QString Target = u"ws://127.0.0.1:8080/chat?room=1"_s;
const QString NotRelayedWhy = u"the server leg already sent its Close"_s;

Event onLeg(Event e, Leg leg, quint32 pair)
{
    e.leg = leg;
    e.pair = pair;
    return e;
}

Event serverLegOpen(quint32 conn, quint32 pair)
{
    Event e = samples::outgoingOpen(conn);
    server::events::Open open = e.as<server::events::Open>();
    open.url = Target;
    return onLeg(Event(std::move(open), conn, State::Open), Leg::Server, pair);
}

EventBatch stamped(EventBatch b)
{
    static quint64 seq = 0;
    for (Event &e : b) {
        e.seq = ++seq;
        e.tUs = 1'000'000 + 1000 * qint64(seq);
        e.wallUs = samples::BaseWallUs + e.tUs;
    }
    return b;
}

// Two pairs open: the server legs first (the client gets its 101 only when
// the server's is in), then the client legs; traffic both ways.
EventBatch opening()
{
    return stamped({
        serverLegOpen(ServerLeg, ClientLeg),
        onLeg(samples::openEvent(ClientLeg), Leg::Client, ClientLeg),
        serverLegOpen(ServerLeg2, ClientLeg2),
        onLeg(samples::openEvent(ClientLeg2), Leg::Client, ClientLeg2),
        onLeg(samples::message(EventType::MessageIn, ClientLeg, State::Open, "hello"), Leg::Client,
              ClientLeg),
        onLeg(samples::message(EventType::MessageOut, ServerLeg, State::Open, "hello"), Leg::Server,
              ClientLeg),
        onLeg(samples::message(EventType::MessageIn, ServerLeg, State::Open, "welcome"),
              Leg::Server, ClientLeg),
        onLeg(samples::message(EventType::MessageIn, ServerLeg, State::Open, "news"), Leg::Server,
              ClientLeg),
        onLeg(samples::message(EventType::MessageOut, ClientLeg, State::Open, "welcome"),
              Leg::Client, ClientLeg),
    });
}

// Pair 41 closes: the server sends 1001, CloseCall relays it to the client,
// the client sends one more message (delivered on the client leg, but the
// server leg has answered by then: not relayed), then both handshakes end.
EventBatch closing()
{
    const auto c = [](Event e) {
        return onLeg(std::move(e), Leg::Client, ClientLeg);
    };
    const auto s = [](Event e) {
        return onLeg(std::move(e), Leg::Server, ClientLeg);
    };
    Event notRelayed(
        server::events::NotRelayed{protocol::MessageType::Text, false, 4, NotRelayedWhy}, ClientLeg,
        State::CloseSent);
    return stamped({
        s(samples::closeReceived(ServerLeg, 1001, u"deploy"_s)),
        c(samples::closeSent(ClientLeg, 1001, u"deploy"_s, CloseMode::Close)),
        s(samples::closeSent(ServerLeg, 1001, u"deploy"_s, CloseMode::Close)),
        c(samples::message(EventType::MessageIn, ClientLeg, State::CloseSent, "late",
                           protocol::MessageType::Text, PostClose::Delivered)),
        c(std::move(notRelayed)),
        c(samples::closeReceived(ClientLeg, 1001, u"deploy"_s)),
        s(samples::closed(ServerLeg, State::Closed, 1001, u"deploy"_s, HowEnded::Handshake, false,
                          Initiator::Server, -1)),
        c(samples::closed(ClientLeg, State::Closed, 1001, u"deploy"_s, HowEnded::Handshake, true,
                          Initiator::Server, 2500)),
    });
}

} // namespace

class tst_PairTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void onePairRowPerTwoLegs();
    void closesOnBothLegs();
    void activeLegAnswersTheRoles();
    void hideEndedAndClearEnded();
    void logKeepsLegAndPair();
};

void tst_PairTableModel::onePairRowPerTwoLegs()
{
    ConnectionTableModel flat;
    PairTableModel pairs(&flat);
    QAbstractItemModelTester tester(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&pairs, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&pairs, &QAbstractItemModel::dataChanged);

    flat.applyBatch(opening());
    QCOMPARE(flat.rowCount(), 4);
    QCOMPARE(pairs.rowCount(), 2);
    QCOMPARE(inserted.count(), 1); // the batch's new pairs in one go

    const auto cell = [&](int row, int column) {
        return pairs.index(row, column).data().toString();
    };
    QCOMPARE(cell(0, Col::Pair), u"41"_s);
    QCOMPARE(pairs.pairAt(0).clientConn, ClientLeg);
    QCOMPARE(pairs.pairAt(0).serverConn, ServerLeg);
    QCOMPARE(cell(0, Col::Client), u"127.0.0.1:50123"_s);
    QCOMPARE(cell(0, Col::Target), Target);
    QCOMPARE(cell(0, Col::Path), u"/chat room?room=1&name=a%20b"_s);
    QCOMPARE(cell(0, Col::ClientState), u"Open"_s);
    QCOMPARE(cell(0, Col::ServerState), u"Open"_s);
    QCOMPARE(cell(0, Col::ClientToServer), QLocale().toString(1));
    QCOMPARE(cell(0, Col::ServerToClient), QLocale().toString(2));
    QCOMPARE(cell(0, Col::Closes), u"relayed"_s);
    QCOMPARE(cell(0, Col::CloseToClient), QString());
    QCOMPARE(cell(1, Col::Pair), u"43"_s);
    QCOMPARE(pairs.rowOfConn(ServerLeg2), 1);
    QCOMPARE(pairs.rowOfConn(ClientLeg2), 1);
    QCOMPARE(pairs.rowOfConn(7), -1);

    // Later events of both pairs: one dataChanged over both rows.
    changed.clear();
    flat.applyBatch(stamped({
        onLeg(samples::message(EventType::MessageIn, ClientLeg, State::Open, "a"), Leg::Client,
              ClientLeg),
        onLeg(samples::message(EventType::MessageIn, ServerLeg2, State::Open, "b"), Leg::Server,
              ClientLeg2),
    }));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QCOMPARE(cell(0, Col::ClientToServer), QLocale().toString(2));
    QCOMPARE(cell(1, Col::ServerToClient), QLocale().toString(1));

    // A connection that is no leg (the operator's own outgoing one) has no pair row.
    flat.applyBatch(stamped({samples::outgoingOpen(9)}));
    QCOMPARE(flat.rowCount(), 5);
    QCOMPARE(pairs.rowCount(), 2);
}

void tst_PairTableModel::closesOnBothLegs()
{
    ConnectionTableModel flat;
    PairTableModel pairs(&flat);
    QAbstractItemModelTester tester(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    flat.applyBatch(opening());
    flat.applyBatch(closing());
    const auto cell = [&](int column) {
        return pairs.index(0, column).data().toString();
    };
    QCOMPARE(cell(Col::ClientState), u"Closed"_s);
    QCOMPARE(cell(Col::ServerState), u"Closed"_s);
    QCOMPARE(cell(Col::CloseFromServer), u"1001 Going Away: deploy"_s);
    QCOMPARE(cell(Col::CloseToClient), u"1001 Going Away: deploy"_s);
    QCOMPARE(cell(Col::CloseFromClient), u"1001 Going Away: deploy"_s);
    QCOMPARE(cell(Col::CloseToServer), u"1001 Going Away: deploy"_s);
    // Who initiated, per leg: the server on the server leg; on the client
    // leg CloseCall (the RFC's server there) relayed it.
    QCOMPARE(cell(Col::ServerInitiatedBy), u"server"_s);
    QCOMPARE(cell(Col::ClientInitiatedBy), u"CloseCall"_s);
    QCOMPARE(cell(Col::ClientPostClose), monitor::DisplayText::postCloseCounts(1, 0));
    QVERIFY(!pairs.index(0, Col::ClientPostClose).data(Qt::DecorationRole).isNull());
    QCOMPARE(cell(Col::ServerPostClose), QLocale().toString(0));
    QCOMPARE(cell(Col::NotRelayed), QLocale().toString(1));
    QCOMPARE(cell(Col::ClientEnded), monitor::DisplayText::howEnded(HowEnded::Handshake));
    QCOMPARE(cell(Col::ServerEnded), monitor::DisplayText::howEnded(HowEnded::Handshake));
    QVERIFY(pairs.index(0, 0).data(ConnectionTableModel::EndedRole).toBool());
    QVERIFY(pairs.index(0, 0).data(Qt::ForegroundRole).value<QBrush>().style() != Qt::NoBrush);
    // The other pair is untouched.
    QCOMPARE(pairs.index(1, Col::ClientState).data().toString(), u"Open"_s);
    QVERIFY(!pairs.index(1, 0).data(ConnectionTableModel::EndedRole).toBool());
}

void tst_PairTableModel::activeLegAnswersTheRoles()
{
    ConnectionTableModel flat;
    PairTableModel pairs(&flat);
    flat.applyBatch(opening());
    // Pair 43's server closes first, closes held: the server leg waits.
    flat.applyBatch(stamped({onLeg(
        Event(server::events::CloseReceived{1000, u"bye"_s}, ServerLeg2, State::CloseReceived),
        Leg::Server, ClientLeg2)}));
    const QModelIndex row = pairs.index(1, Col::Pair);
    QCOMPARE(pairs.activeLeg(), Leg::Client);
    QCOMPARE(row.data(ConnectionTableModel::ConnIdRole).toUInt(), ClientLeg2);
    QCOMPARE(State(row.data(ConnectionTableModel::StateRole).toInt()), State::Open);
    QVERIFY(row.data(ConnectionTableModel::AwaitingAckRole).toBool());
    QVERIFY(pairs.index(1, Col::ServerState).data(Qt::BackgroundRole).value<QBrush>().style() !=
            Qt::NoBrush);
    QVERIFY(pairs.index(1, Col::ClientState).data(Qt::BackgroundRole).isNull());

    QSignalSpy changed(&pairs, &QAbstractItemModel::dataChanged);
    pairs.setActiveLeg(Leg::Server);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(row.data(ConnectionTableModel::ConnIdRole).toUInt(), ServerLeg2);
    QCOMPARE(State(row.data(ConnectionTableModel::StateRole).toInt()), State::CloseReceived);
    QVERIFY(row.data(ConnectionTableModel::CloseReceivedRole).toBool());
    QVERIFY(row.data(ConnectionTableModel::OutgoingRole).toBool());

    pairs.setHoldCloses(ClientLeg2, true);
    QCOMPARE(pairs.index(1, Col::Closes).data().toString(), u"held"_s);
    QVERIFY(pairs.index(1, 0).data(PairTableModel::HoldClosesRole).toBool());
    pairs.setAutoPong(ServerLeg2, true);
    QVERIFY(pairs.autoPong(ServerLeg2));
    QVERIFY(!pairs.autoPong(ClientLeg2));
}

void tst_PairTableModel::hideEndedAndClearEnded()
{
    ConnectionTableModel flat;
    PairTableModel pairs(&flat);
    QAbstractItemModelTester tester(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    monitor::ConnectionFilterProxy proxy;
    proxy.setSourceModel(&pairs);
    flat.applyBatch(opening());
    pairs.setHoldCloses(ClientLeg2, true);
    flat.applyBatch(closing());
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setHideEnded(true);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, Col::Pair).data().toString(), u"43"_s);
    proxy.setHideEnded(false);
    proxy.setFilterText(u"8080"_s); // the target's port
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(u"no such thing"_s);
    QCOMPARE(proxy.rowCount(), 0);

    // Clear Ended removes both legs of pair 41; pair 43 keeps its switch.
    flat.clearEnded();
    QCOMPARE(pairs.rowCount(), 1);
    QCOMPARE(pairs.pairAt(0).id, ClientLeg2);
    QVERIFY(pairs.pairAt(0).holdCloses);
    QCOMPARE(pairs.rowOfConn(ServerLeg), -1);
    QCOMPARE(pairs.rowOfConn(ServerLeg2), 0);
}

void tst_PairTableModel::logKeepsLegAndPair()
{
    LogModel log;
    const EventBatch events = opening() + closing();
    log.applyBatch(events);
    QCOMPARE(log.rowCount(), int(events.size()));
    int notRelayedRow = -1;
    for (int row = 0; row < log.rowCount(); ++row) {
        const Event &ev = events[row];
        const QModelIndex legCell = log.index(row, LogModel::Leg);
        QCOMPARE(legCell.data().toString(), ev.leg == Leg::Client ? u"client"_s : u"server"_s);
        QCOMPARE(Leg(legCell.data(LogModel::LegRole).toInt()), ev.leg);
        QCOMPARE(legCell.data(LogModel::PairRole).toUInt(), ev.pair);
        // Back to an event: leg, pair and the text fields all intact.
        const Event back = log.buffer().toEvent(log.entry(row));
        QCOMPARE(back.leg, ev.leg);
        QCOMPARE(back.pair, ev.pair);
        QCOMPARE(back.conn, ev.conn);
        if (ev.is(EventType::Open))
            QCOMPARE(back.as<server::events::Open>().remote, ev.as<server::events::Open>().remote);
        if (ev.is(EventType::CloseSent))
            QCOMPARE(back.as<server::events::CloseSent>().reason, u"deploy"_s);
        if (ev.is(EventType::NotRelayed))
            notRelayedRow = row;
    }
    // A not_relayed row says what and why, marked like a discarded frame.
    QVERIFY(notRelayedRow >= 0);
    const QString details = log.index(notRelayedRow, LogModel::Details).data().toString();
    QVERIFY2(details.contains(NotRelayedWhy), qPrintable(details));
    QVERIFY2(details.contains(u"4"_s), qPrintable(details));
    QCOMPARE(log.index(notRelayedRow, LogModel::Event).data().toString(), u"Not relayed"_s);
    QVERIFY(
        log.index(notRelayedRow, LogModel::Time).data(Qt::BackgroundRole).value<QBrush>().style() !=
        Qt::NoBrush);

    // Outside proxy mode: no leg, no pair, and the entry's text is the
    // same as before (nothing stored in front of it).
    LogModel plain;
    plain.applyBatch(stamped({samples::openEvent(7)}));
    QCOMPARE(plain.index(0, LogModel::Leg).data().toString(), QString());
    QCOMPARE(plain.index(0, LogModel::Leg).data(LogModel::PairRole).toUInt(), 0u);
    QCOMPARE(plain.buffer().toEvent(plain.entry(0)).leg, Leg::None);
}

QTEST_MAIN(tst_PairTableModel)
#include "tst_pairtablemodel.moc"
