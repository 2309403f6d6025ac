// The close timeline's layout (app/monitor/timelinelayout.h) and its SVG
// (timelinesvg.h), from synthetic event sequences: what is drawn, in which
// order, on which lane, in which colour, with which words; idle stretches
// and long runs compressed; TCP FIN/RST attributed from the closed event.
#include "eventsamples.h"

#include "monitor/timelinelayout.h"
#include "monitor/timelinesvg.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using namespace closecall;
using monitor::TimelineItem;
using monitor::TimelineKind;
using monitor::TimelineLayout;
using monitor::TimelineRole;
using protocol::State;
using server::Direction;
using server::Event;
using server::EventType;

namespace {

constexpr quint32 Conn = 7;

// Numbers and stamps the events as the publisher would: `gapsUs[i]` is
// the pause before event i (0 for the first).
QList<Event> stamped(QList<Event> events, const QList<qint64> &gapsUs = {})
{
    qint64 t = 1'000'000;
    for (qsizetype i = 0; i < events.size(); ++i) {
        t += gapsUs.value(i, i == 0 ? 0 : 1'500); // 1.5 ms apart by default
        events[i].seq = quint64(i + 1);
        events[i].tUs = t;
        events[i].wallUs = samples::BaseWallUs + t;
    }
    return events;
}

Event late(const QByteArray &text, protocol::PostClose pc)
{
    return samples::message(EventType::MessageIn, Conn, State::CloseSent, text,
                            protocol::MessageType::Text, pc);
}

// Close Output, two late messages delivered, the client's Close, our FIN.
QList<Event> closeOutputRun()
{
    return stamped({
        samples::openEvent(Conn),
        samples::message(EventType::MessageIn, Conn, State::Open, "hello"),
        samples::closeSent(Conn, quint16(1001), u"deploy"_s, protocol::CloseMode::CloseOutput),
        samples::stateChange(Conn, State::Open, State::CloseSent),
        late("late-1", protocol::PostClose::Delivered),
        late("late-2", protocol::PostClose::Delivered),
        samples::closeReceived(Conn, quint16(1000), {}),
        samples::closed(Conn, State::Closed, quint16(1000), {}, protocol::HowEnded::Handshake,
                        false, protocol::Initiator::Server, 4500),
    });
}

TimelineLayout layoutOf(const QList<Event> &events, const monitor::TimelineOptions &options = {})
{
    return monitor::layoutTimeline(monitor::EventView::of(events), Conn, options);
}

QList<TimelineKind> kinds(const TimelineLayout &layout)
{
    QList<TimelineKind> out;
    for (const TimelineItem &item : layout.items)
        out.append(item.kind);
    return out;
}

} // namespace

class tst_TimelineLayout : public QObject
{
    Q_OBJECT

private slots:
    void closeOutputIsDrawnInOrder();
    void discardedMessagesAreRedAndNumbered();
    void otherConnectionsAreLeftOut();
    void idleStretchesAreCompressed();
    void longRunsAreCollapsed();
    void tcpEndIsAttributed_data();
    void tcpEndIsAttributed();
    void pingsAndPongsHaveTheirLanes();
    void svgParsesAndCarriesTheLabels();
    void svgIsWrittenAtomicallyOrRefused();
    void formatsByNameAndSuffix();
};

void tst_TimelineLayout::closeOutputIsDrawnInOrder()
{
    const QList<Event> events = closeOutputRun();
    const TimelineLayout layout = layoutOf(events);
    QCOMPARE(layout.conn, Conn);
    QVERIFY2(layout.title.contains(u"127.0.0.1:50123"_s), qPrintable(layout.title));
    QCOMPARE(layout.clientTitle, u"Client 127.0.0.1:50123"_s);

    // The state change is not drawn: every item says its state.
    const QList<TimelineKind> expected{
        TimelineKind::Upgrade, TimelineKind::Message, TimelineKind::Close,  TimelineKind::Message,
        TimelineKind::Message, TimelineKind::Close,   TimelineKind::TcpFin, TimelineKind::Note,
    };
    QCOMPARE(kinds(layout), expected);

    const QList<TimelineItem> &items = layout.items;
    for (qsizetype i = 1; i < items.size(); ++i)
        QVERIFY2(items[i].y > items[i - 1].y, qPrintable(u"item %1"_s.arg(i)));
    QVERIFY(layout.height > items.last().y);

    // Lanes: the upgrade and the client's frames come in, ours go out.
    QCOMPARE(items[0].direction, Direction::In);
    QCOMPARE(items[2].direction, Direction::Out);
    QCOMPARE(items[5].direction, Direction::In);
    QCOMPARE(items[6].direction, Direction::Out); // the server closed TCP first [R7]
    QCOMPARE(TimelineLayout::fromX(items[2]), TimelineLayout::ServerX);
    QCOMPARE(TimelineLayout::toX(items[2]), TimelineLayout::ClientX);

    // Our Close: code, name, reason and mode.
    QCOMPARE(items[2].label, u"Close 1001 Going Away: deploy · Close Output"_s);
    QCOMPARE(items[2].role, TimelineRole::Close);
    QCOMPARE(items[5].label, u"Close 1000 Normal Closure"_s);

    // The late messages: numbered, delivered, in the log's amber.
    QCOMPARE(items[3].postClose, 1);
    QCOMPARE(items[4].postClose, 2);
    QCOMPARE(items[3].label, u"#1 delivered · text 6 B “late-1”"_s);
    QCOMPARE(items[4].label, u"#2 delivered · text 6 B “late-2”"_s);
    QCOMPARE(items[3].role, TimelineRole::Delivered);
    QCOMPARE(items[1].postClose, 0);
    QCOMPARE(items[1].role, TimelineRole::Normal);

    QCOMPARE(items[6].label, u"TCP FIN"_s);
    QCOMPARE(items[7].label, u"Closed · 1000 Normal Closure · close handshake 4.5 ms"_s);

    // Each item is its event (seq) and says how long after the one above.
    QCOMPARE(items[0].seq, 1u);
    QCOMPARE(items[3].seq, events[4].seq);
    QVERIFY(items[0].delta.isEmpty());
    // From our Close, across the state change that is not drawn.
    QCOMPARE(items[3].delta, u"+3.0 ms"_s);
    QCOMPARE(items[4].delta, u"+1.5 ms"_s);
    QCOMPARE(items[6].delta, u"+1.5 ms"_s);
    QVERIFY(items[7].delta.isEmpty()); // the FIN and the end are one event
    QCOMPARE(layout.indexOfSeq(events[6].seq), 5);
    QVERIFY(items[3].details.contains(u"post-close #1"_s));

    // The closing handshake is banded, from our Close to the end.
    QVERIFY(layout.closeTop < items[2].y && layout.closeTop > items[1].y);
    QVERIFY(layout.closeBottom > items.last().y);

    // Hit testing finds a row by where it is drawn.
    QCOMPARE(layout.itemAt(
                 QPointF((TimelineLayout::ServerX + TimelineLayout::ClientX) / 2, items[4].y - 4)),
             4);
    QCOMPARE(layout.itemAt(QPointF(2, items[4].y)), -1);
}

void tst_TimelineLayout::discardedMessagesAreRedAndNumbered()
{
    QList<Event> events = closeOutputRun();
    events[2] = samples::closeSent(Conn, quint16(1000), {}, protocol::CloseMode::Close);
    events[4] = late("a", protocol::PostClose::Discarded);
    events[5] = late("b", protocol::PostClose::Discarded);
    const TimelineLayout layout = layoutOf(stamped(events));
    QCOMPARE(layout.items[2].label, u"Close 1000 Normal Closure · Close"_s);
    QCOMPARE(layout.items[3].role, TimelineRole::Discarded);
    QCOMPARE(layout.items[4].label, u"#2 discarded · text 1 B “b”"_s);
    QVERIFY(monitor::timelineRoleColour(TimelineRole::Discarded) !=
            monitor::timelineRoleColour(TimelineRole::Delivered));
}

void tst_TimelineLayout::otherConnectionsAreLeftOut()
{
    QList<Event> events = closeOutputRun();
    events.insert(1, samples::openEvent(8));
    events.insert(3, samples::message(EventType::MessageIn, 8, State::Open, "other"));
    events.prepend(samples::listening());
    const TimelineLayout layout = layoutOf(stamped(events));
    QCOMPARE(layout.items.size(), 8);
    for (const TimelineItem &item : layout.items)
        QVERIFY(!item.label.contains(u"other"_s));
    QVERIFY(monitor::layoutTimeline(monitor::EventView::of(events), 99).isEmpty());
}

void tst_TimelineLayout::idleStretchesAreCompressed()
{
    // Thirty minutes between the upgrade and the close.
    const qint64 halfHour = 30LL * 60 * 1'000'000;
    QList<qint64> gaps{0, halfHour};
    const TimelineLayout layout = layoutOf(stamped(closeOutputRun().mid(0), gaps));
    const QList<TimelineKind> got = kinds(layout);
    QCOMPARE(got.value(1), TimelineKind::Idle);
    QCOMPARE(layout.items[1].label, u"⋯ 30 min idle ⋯"_s);
    QCOMPARE(layout.items[1].role, TimelineRole::Muted);
    // After a break the break says how long: no "+1800000.0 ms".
    QVERIFY(layout.items[2].delta.isEmpty());
    QCOMPARE(layout.items[3].delta, u"+1.5 ms"_s);

    // The same run without the pause is as tall, but for one break.
    const TimelineLayout quick = layoutOf(closeOutputRun());
    QVERIFY(layout.height <= quick.height + TimelineLayout::BreakPitch + TimelineLayout::MaxExtra);
    for (qsizetype i = 1; i < layout.items.size(); ++i)
        QVERIFY(layout.items[i].y > layout.items[i - 1].y);

    // A 5 s pause becomes a break too, said in seconds.
    const TimelineLayout shorter = layoutOf(stamped(closeOutputRun(), {0, 5'000'000}));
    QCOMPARE(shorter.items[1].label, u"⋯ 5.0 s idle ⋯"_s);
    // ...and with a longer threshold it is a longer gap, not a break.
    monitor::TimelineOptions options;
    options.idleGapUs = 10'000'000;
    const TimelineLayout unbroken = layoutOf(stamped(closeOutputRun(), {0, 5'000'000}), options);
    QCOMPARE(kinds(unbroken), kinds(quick));
    QVERIFY(unbroken.items[1].y - unbroken.items[0].y > quick.items[1].y - quick.items[0].y);
}

void tst_TimelineLayout::longRunsAreCollapsed()
{
    QList<Event> events{samples::openEvent(Conn)};
    for (int i = 0; i < 1000; ++i)
        events.append(samples::message(i % 2 ? EventType::MessageIn : EventType::MessageOut, Conn,
                                       State::Open, QByteArray::number(i)));
    QList<Event> tail = closeOutputRun().mid(2);
    events.append(tail);
    const TimelineLayout layout = layoutOf(stamped(events));

    // 4 + summary + 4, then the close as in closeOutputIsDrawnInOrder.
    const qsizetype summary = 1 + 4;
    QCOMPARE(layout.items[summary].kind, TimelineKind::Collapsed);
    QCOMPARE(layout.items[summary].label, u"⋯ 992 more frames (496 in, 496 out) ⋯"_s);
    QCOMPARE(layout.items[summary - 1].label, u"text 1 B “3”"_s);
    QCOMPARE(layout.items[summary + 1].label, u"text 3 B “996”"_s);
    QCOMPARE(layout.items[summary + 5].kind, TimelineKind::Close);
    QCOMPARE(layout.items.size(), 1 + 9 + 6);
    QVERIFY(layout.height < 800);
    QVERIFY(layout.items[summary + 1].delta.isEmpty()); // measured from a summary: no
}

void tst_TimelineLayout::tcpEndIsAttributed_data()
{
    QTest::addColumn<protocol::HowEnded>("how");
    QTest::addColumn<bool>("byClient");
    QTest::addColumn<State>("final");
    QTest::addColumn<TimelineKind>("kind");
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<QString>("label");
    QTest::addColumn<TimelineRole>("role");

    using H = protocol::HowEnded;
    QTest::newRow("[R7] server closes TCP first")
        << H::Handshake << false << State::Closed << TimelineKind::TcpFin << Direction::Out
        << u"TCP FIN"_s << TimelineRole::Normal;
    QTest::newRow("[R7] client closes TCP first")
        << H::Handshake << true << State::Closed << TimelineKind::TcpFin << Direction::In
        << u"TCP FIN (the client closed first)"_s << TimelineRole::Normal;
    QTest::newRow("[R8] abort is our RST")
        << H::Abort << false << State::Aborted << TimelineKind::TcpRst << Direction::Out
        << u"TCP RST (Abort)"_s << TimelineRole::Failure;
    QTest::newRow("[R4] timeout is our RST")
        << H::Timeout << false << State::Aborted << TimelineKind::TcpRst << Direction::Out
        << u"TCP RST (after the timeout)"_s << TimelineRole::Failure;
    QTest::newRow("client reset") << H::PeerReset << true << State::Aborted << TimelineKind::TcpRst
                                  << Direction::In << u"TCP RST from the client"_s
                                  << TimelineRole::Failure;
    QTest::newRow("client EOF without Close")
        << H::PeerEof << true << State::Aborted << TimelineKind::TcpFin << Direction::In
        << u"TCP FIN without a Close"_s << TimelineRole::Failure;
}

void tst_TimelineLayout::tcpEndIsAttributed()
{
    QFETCH(protocol::HowEnded, how);
    QFETCH(bool, byClient);
    QFETCH(State, final);
    QFETCH(TimelineKind, kind);
    QFETCH(Direction, direction);
    QFETCH(QString, label);
    QFETCH(TimelineRole, role);

    const bool handshake = how == protocol::HowEnded::Handshake;
    const TimelineLayout layout = layoutOf(stamped({
        samples::openEvent(Conn),
        samples::closeSent(Conn, quint16(1000), {}, protocol::CloseMode::Close),
        samples::closed(Conn, final, quint16(handshake ? 1000 : 1006), {}, how, byClient,
                        protocol::Initiator::Server, handshake ? 900 : -1),
    }));
    const qsizetype tcp = layout.items.size() - 2;
    QCOMPARE(layout.items[tcp].kind, kind);
    QCOMPARE(layout.items[tcp].direction, direction);
    QCOMPARE(layout.items[tcp].label, label);
    QCOMPARE(layout.items[tcp].role, role);
    const TimelineItem &end = layout.items.last();
    QCOMPARE(end.kind, TimelineKind::Note);
    QVERIFY2(end.label.startsWith(QString(protocol::stateName(final))), qPrintable(end.label));
    QCOMPARE(end.role, final == State::Closed ? TimelineRole::Normal : TimelineRole::Failure);
    if (how == protocol::HowEnded::Timeout) {
        // The timeout is said before the reset it caused.
        QCOMPARE(layout.items[tcp - 1].label, u"Close timeout: no Close from the client"_s);
        QCOMPARE(layout.items[tcp - 1].role, TimelineRole::Failure);
    }
}

void tst_TimelineLayout::pingsAndPongsHaveTheirLanes()
{
    const TimelineLayout layout = layoutOf(stamped(
        {
            samples::openEvent(Conn),
            samples::message(EventType::PingOut, Conn, State::Open, "hb"),
            samples::message(EventType::PongIn, Conn, State::Open, "hb"),
            samples::message(EventType::PingIn, Conn, State::Open, {}),
            samples::message(EventType::PongOut, Conn, State::Open, {}),
        },
        {0, 1'000, 16, 999'999, 250'000}));
    QCOMPARE(kinds(layout),
             (QList<TimelineKind>{TimelineKind::Upgrade, TimelineKind::Ping, TimelineKind::Pong,
                                  TimelineKind::Ping, TimelineKind::Pong}));
    QCOMPARE(layout.items[1].direction, Direction::Out);
    QCOMPARE(layout.items[1].label, u"Ping 2 B “hb”"_s);
    QCOMPARE(layout.items[2].direction, Direction::In);
    QCOMPARE(layout.items[3].label, u"Ping 0 B"_s);
    // Below a millisecond the step is said in µs; just below the idle
    // threshold a pause is a longer gap, not a break.
    QCOMPARE(layout.items[2].delta, u"+0.016 ms"_s);
    QCOMPARE(layout.items[4].delta, u"+250.0 ms"_s);
    QVERIFY(layout.items[3].y - layout.items[2].y > layout.items[2].y - layout.items[1].y);
    // No close yet: no band.
    QCOMPARE(layout.closeTop, layout.closeBottom);
}

void tst_TimelineLayout::svgParsesAndCarriesTheLabels()
{
    QList<Event> events = closeOutputRun();
    // A reason that needs escaping in XML.
    events[2] =
        samples::closeSent(Conn, quint16(4000), u"a<b & \"c\""_s, protocol::CloseMode::CloseOutput);
    const TimelineLayout layout = layoutOf(stamped(events));
    const QByteArray svg = monitor::timelineSvg(layout);

    QXmlStreamReader xml(svg);
    QStringList texts;
    QList<qreal> labelYs;
    QStringList labelColours;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text") {
            const QXmlStreamAttributes attributes = xml.attributes();
            const bool label = attributes.value(u"class"_s) == u"label";
            const qreal y = attributes.value(u"y"_s).toDouble();
            const QString fill = attributes.value(u"fill"_s).toString();
            texts.append(xml.readElementText());
            if (label) {
                labelYs.append(y);
                labelColours.append(fill);
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(texts.contains(u"Close 4000: a<b & \"c\" · Close Output"_s));
    QVERIFY(texts.contains(u"#1 delivered · text 6 B “late-1”"_s));
    QVERIFY(texts.contains(u"TCP FIN"_s));
    QVERIFY(texts.contains(layout.title));
    QCOMPARE(labelYs.size(), layout.items.size());
    for (qsizetype i = 1; i < labelYs.size(); ++i)
        QVERIFY(labelYs[i] > labelYs[i - 1]);
    QCOMPARE(labelColours[3], QString(monitor::timelineRoleColour(TimelineRole::Delivered)));
    QCOMPARE(labelColours[2], QString(monitor::timelineRoleColour(TimelineRole::Close)));
}

void tst_TimelineLayout::svgIsWrittenAtomicallyOrRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TimelineLayout layout = layoutOf(closeOutputRun());
    const QString path = dir.filePath(u"close.svg"_s);
    const monitor::ExportResult written = monitor::writeTimelineSvg(layout, path);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QCOMPARE(written.events, layout.items.size());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), monitor::timelineSvg(layout));

    // A folder is no file: refused, naming it.
    const monitor::ExportResult refused = monitor::writeTimelineSvg(layout, dir.path());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(dir.path()), qPrintable(refused.error));
}

void tst_TimelineLayout::formatsByNameAndSuffix()
{
    using monitor::TimelineFormat;
    QCOMPARE(monitor::timelineFormatFromName(u"PNG"), TimelineFormat::Png);
    QCOMPARE(monitor::timelineFormatFromName(u"svg"), TimelineFormat::Svg);
    QCOMPARE(monitor::timelineFormatFromName(u"jpeg"), std::nullopt);
    QCOMPARE(monitor::timelineFormatFromPath(u"/tmp/a.b/close.svg"), TimelineFormat::Svg);
    QCOMPARE(monitor::timelineFormatFromPath(u"/tmp/a.png/close"), std::nullopt);
    QCOMPARE(monitor::timelineFormatName(TimelineFormat::Png), "png"_L1);
}

QTEST_GUILESS_MAIN(tst_TimelineLayout)
#include "tst_timelinelayout.moc"
