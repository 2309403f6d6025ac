// The Timeline dock, driven as a person would against a raw peer on
// loopback: a real close (Close Output, or Close) with messages the peer
// sends after our Close, then its Close. The picture's items are checked —
// order on the time axis, labels, colour roles, and the colours actually
// painted — then a click selects the log row, a hover shows the frame, and
// the PNG and SVG exports are read back.
#include "windowfixture.h"

#include "log/logpane.h"
#include "log/logview.h"
#include "monitor/logmodel.h"
#include "monitor/timelinepainter.h"
#include "timeline/timelinepane.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QXmlStreamReader>
#include <QtGui/QAction>
#include <QtGui/QImage>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolTip>

#include <climits>

using namespace Qt::StringLiterals;
using namespace closecall;
using monitor::TimelineItem;
using monitor::TimelineKind;
using monitor::TimelineLayout;
using monitor::TimelineRole;
using protocol::Opcode;
using test::GuiTimeout;
using test::RawPeer;

namespace {

// Whether `pixel` is `role`'s colour, allowing for antialiasing.
bool looksLike(QColor pixel, TimelineRole role)
{
    const QColor want(QString(monitor::timelineRoleColour(role)));
    return qAbs(pixel.red() - want.red()) < 48 && qAbs(pixel.green() - want.green()) < 48 &&
           qAbs(pixel.blue() - want.blue()) < 48;
}

QString describe(const TimelineLayout &layout)
{
    QString text;
    for (const TimelineItem &item : layout.items)
        text += u"%1 y=%2 %3\n"_s.arg(int(item.kind)).arg(item.y).arg(item.label);
    return text;
}

int find(const TimelineLayout &layout, TimelineKind kind, server::Direction dir, int from = 0)
{
    for (int i = from; i < layout.items.size(); ++i) {
        if (layout.items[i].kind == kind && layout.items[i].direction == dir)
            return i;
    }
    return -1;
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void noSelectionShowsHowToStart();
    void aRecordedCloseIsDrawnAndExported_data();
    void aRecordedCloseIsDrawnAndExported();

private:
    ui::TimelinePane *pane() const { return m_fixture.window->timelinePane(); }

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestTimeline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestTimeline::init()
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction()) + u"-"_s +
                         QString::fromLatin1(QTest::currentDataTag()) + u".ini"_s;
    QVERIFY(m_fixture.start(m_dir.filePath(name)));
    // The dock shares its place with Details: bring it forward, as a person would.
    auto *dock = m_fixture.window->findChild<QDockWidget *>(u"timelineDock"_s);
    QVERIFY(dock);
    dock->show();
    dock->raise();
    QTRY_VERIFY_WITH_TIMEOUT(pane()->isVisible(), GuiTimeout);
}

void TestTimeline::cleanup()
{
    m_fixture.window.reset();
}

void TestTimeline::noSelectionShowsHowToStart()
{
    QCOMPARE(pane()->connection(), 0u);
    QVERIFY(!pane()->hasTimeline());
    auto *empty = pane()->findChild<QLabel *>(u"timelineEmptyLabel"_s);
    QVERIFY(empty && empty->isVisible());
    QVERIFY(empty->text().startsWith(u"Select a connection"_s));
    auto *action = m_fixture.window->findChild<QAction *>(u"actionExportTimeline"_s);
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    const monitor::ExportResult refused = m_fixture.window->exportTimelineTo(
        m_dir.filePath(u"none.svg"_s), monitor::TimelineFormat::Svg);
    QVERIFY(!refused.ok());
    QVERIFY(!QFile::exists(m_dir.filePath(u"none.svg"_s)));
}

void TestTimeline::aRecordedCloseIsDrawnAndExported_data()
{
    QTest::addColumn<bool>("closeOutput");
    QTest::newRow("Close Output: late messages delivered") << true;
    QTest::newRow("Close: late messages discarded") << false;
}

void TestTimeline::aRecordedCloseIsDrawnAndExported()
{
    QFETCH(bool, closeOutput);
    const TimelineRole lateRole = closeOutput ? TimelineRole::Delivered : TimelineRole::Discarded;
    const QString lateWord = closeOutput ? u"delivered"_s : u"discarded"_s;

    RawPeer peer;
    const quint32 id = m_fixture.openPeer(peer);
    QVERIFY(id != 0);
    QVERIFY(m_fixture.clickRow(id));
    QTRY_COMPARE_WITH_TIMEOUT(pane()->connection(), id, GuiTimeout);

    // Our Close, then the peer's two late messages and its Close.
    QToolButton *button = m_fixture.button(closeOutput ? "closeOutputButton" : "closeButton");
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), GuiTimeout);
    QTest::mouseClick(button, Qt::LeftButton);
    const std::optional<test::PeerFrame> close = peer.nextFrame(GuiTimeout);
    QVERIFY(close);
    QCOMPARE(close->opcode, Opcode::Close);
    peer.sendText("late-1");
    peer.sendText("late-2");
    peer.sendClose(quint16(1000));
    QCOMPARE(peer.waitEnd(GuiTimeout), RawPeer::End::Eof); // the server closed TCP [R7]

    // The picture follows the log as the events arrive: wait for its end.
    QTRY_VERIFY_WITH_TIMEOUT(pane()->hasTimeline() && find(pane()->timeline(), TimelineKind::TcpFin,
                                                           server::Direction::Out) >= 0,
                             GuiTimeout);
    const TimelineLayout layout = pane()->timeline();
    const QList<TimelineItem> &items = layout.items;
    const QByteArray dump = describe(layout).toUtf8();

    using server::Direction;
    const int upgrade = find(layout, TimelineKind::Upgrade, Direction::In);
    const int ours = find(layout, TimelineKind::Close, Direction::Out);
    const int first = find(layout, TimelineKind::Message, Direction::In, ours);
    const int second = find(layout, TimelineKind::Message, Direction::In, first + 1);
    const int theirs = find(layout, TimelineKind::Close, Direction::In);
    const int fin = find(layout, TimelineKind::TcpFin, Direction::Out);
    QVERIFY2(upgrade == 0 && ours > upgrade && first == ours + 1 && second == first + 1 &&
                 theirs == second + 1 && fin == theirs + 1,
             dump.constData());
    for (qsizetype i = 1; i < items.size(); ++i)
        QVERIFY2(items[i].y > items[i - 1].y, dump.constData());

    QCOMPARE(items[ours].label, closeOutput ? u"Close 1000 Normal Closure · Close Output"_s
                                            : u"Close 1000 Normal Closure · Close"_s);
    QCOMPARE(items[ours].role, TimelineRole::Close);
    QCOMPARE(items[first].label, u"#1 %1 · text 6 B “late-1”"_s.arg(lateWord));
    QCOMPARE(items[second].label, u"#2 %1 · text 6 B “late-2”"_s.arg(lateWord));
    QCOMPARE(items[first].role, lateRole);
    QCOMPARE(items[second].role, lateRole);
    QCOMPARE(items[theirs].label, u"Close 1000 Normal Closure"_s);
    QCOMPARE(items[fin].label, u"TCP FIN"_s);
    QVERIFY2(items.last().label.startsWith(u"Closed · 1000 Normal Closure · close handshake "_s),
             qPrintable(items.last().label));
    QVERIFY(items[theirs].delta.startsWith(u'+') && items[theirs].delta.endsWith(u" ms"_s));

    // What is painted: the late messages' arrows in the log's colour for
    // them, our Close in the Close colour (left of the centred label).
    ui::TimelineCanvas *canvas = pane()->canvas();
    const QImage shown = canvas->grab().toImage();
    // The arrow's line, left of the centred label; of the rows it covers
    // (antialiased), the one nearest in colour to the role's.
    const auto pixel = [&](const QImage &image, int index, qreal scale, TimelineRole role) {
        const QColor want(QString(monitor::timelineRoleColour(role)));
        const int x = int((TimelineLayout::ServerX + 40) * scale);
        const int y = int(items[index].y * scale);
        QColor best;
        int bestDistance = INT_MAX;
        for (int dy = -2; dy <= 2; ++dy) {
            const QColor c = image.pixelColor(x, y + dy);
            const int distance = qAbs(c.red() - want.red()) + qAbs(c.green() - want.green()) +
                                 qAbs(c.blue() - want.blue());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    };
    const qreal dpr = shown.devicePixelRatio();
    const TimelineRole otherRole = closeOutput ? TimelineRole::Discarded : TimelineRole::Delivered;
    for (const auto &[index, role] : {std::pair{first, lateRole}, std::pair{second, lateRole},
                                      std::pair{ours, TimelineRole::Close}}) {
        const QColor painted = pixel(shown, index, dpr, role);
        QVERIFY2(looksLike(painted, role), qPrintable(painted.name()));
    }
    QVERIFY(!looksLike(pixel(shown, first, dpr, otherRole), otherRole));

    // Hover: the frame's details.
    const QPoint onSecond(int((TimelineLayout::ServerX + TimelineLayout::ClientX) / 2),
                          int(items[second].y - 4));
    QHelpEvent help(QEvent::ToolTip, onSecond, canvas->mapToGlobal(onSecond));
    QApplication::sendEvent(canvas, &help);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), GuiTimeout);
    QVERIFY2(QToolTip::text().contains(u"post-close #2"_s), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(u"late-2"_s));
    QToolTip::hideText();

    // Click: the log selects that event's row.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, onSecond);
    QCOMPARE(canvas->selected(), second);
    const QModelIndex current = m_fixture.window->logPane()->view()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(monitor::LogModel::SeqRole).toULongLong(), items[second].seq);

    // Export: File ▸ Export Timeline… is on; PNG and SVG read back.
    auto *action = m_fixture.window->findChild<QAction *>(u"actionExportTimeline"_s);
    QVERIFY(action && action->isEnabled());
    const QString png = m_dir.filePath(u"close-%1.png"_s.arg(closeOutput));
    const monitor::ExportResult pngWritten =
        m_fixture.window->exportTimelineTo(png, monitor::TimelineFormat::Png);
    QVERIFY2(pngWritten.ok(), qPrintable(pngWritten.error));
    QImage image;
    QVERIFY(image.load(png, "PNG"));
    const TimelineLayout exported = pane()->timeline(); // as written (rebuilt)
    QCOMPARE(image.size(), QSize(qCeil(TimelineLayout::Width * 2), qCeil(exported.height * 2)));
    const QColor inPng = pixel(image, first, 2, lateRole);
    QVERIFY2(looksLike(inPng, lateRole), qPrintable(inPng.name()));

    const QString svg = m_dir.filePath(u"close-%1.svg"_s.arg(closeOutput));
    const monitor::ExportResult svgWritten =
        m_fixture.window->exportTimelineTo(svg, monitor::TimelineFormat::Svg);
    QVERIFY2(svgWritten.ok(), qPrintable(svgWritten.error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text"_s)
            texts.append(xml.readElementText());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const int index : {ours, first, second, theirs, fin})
        QVERIFY2(texts.contains(items[index].label), qPrintable(items[index].label));
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
