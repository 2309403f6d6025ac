// The Timeline dock (ui/timeline/timelinepane.h): the connection current in
// the table as a sequence diagram, next to Details; a click on an item
// selects its log row; File ▸ Export Timeline… and the dock's context menu
// write it as PNG or SVG (app/monitor/timelinepainter.h, timelinesvg.h).
#include "mainwindow.h"

#include "connections/connectionspane.h"
#include "log/logpane.h"
#include "monitor/eventfeed.h"
#include "monitor/timelinepainter.h"
#include "timeline/timelinepane.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtGui/QAction>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {
constexpr int MessageMs = 10000;
}

void MainWindow::createTimeline()
{
    m_timelinePane = new TimelinePane(m_log, this);
    m_timelineDock =
        addDock(m_timelinePane, tr("Timeline"), u"timelineDock"_s, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_detailsDock, m_timelineDock);

    m_exportTimeline = new QAction(tr("Export &Timeline…"), this);
    m_exportTimeline->setObjectName(u"actionExportTimeline"_s);
    m_exportTimeline->setToolTip(
        tr("Save the selected connection's timeline as a picture (PNG or SVG)"));
    m_exportTimeline->setEnabled(false);
    connect(m_exportTimeline, &QAction::triggered, this, &MainWindow::exportTimelineInteractive);
    m_timelinePane->setExportAction(m_exportTimeline);

    connect(m_connectionsPane, &ConnectionsPane::currentChanged, m_timelinePane,
            &TimelinePane::showConnection);
    connect(m_timelinePane, &TimelinePane::timelineChanged, this,
            [this] { m_exportTimeline->setEnabled(m_timelinePane->hasTimeline()); });
    connect(m_timelinePane, &TimelinePane::eventActivated, this, [this](quint64 seq) {
        if (!m_logPane->selectEvent(seq))
            statusBar()->showMessage(
                tr("Event %1 is not in the log's view: the filter hides it, or the log no "
                   "longer holds it")
                    .arg(seq),
                MessageMs);
    });
}

monitor::ExportResult MainWindow::exportTimelineTo(const QString &path,
                                                   monitor::TimelineFormat format)
{
    // The events still waiting for the feed's next update belong in the picture.
    m_feed->flush();
    m_timelinePane->rebuild();
    monitor::ExportResult result;
    if (!m_timelinePane->hasTimeline()) {
        result.error = tr("no connection with events is selected: select one in the table");
        return result;
    }
    result = monitor::writeTimeline(m_timelinePane->timeline(), path, format);
    if (result.ok())
        rememberFolderOf(path);
    return result;
}

void MainWindow::exportTimelineInteractive()
{
    const quint32 conn = m_timelinePane->connection();
    if (conn == 0)
        return;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QStringList filters{tr("PNG image (*.png)"), tr("SVG image (*.svg)")};
    const QString path = askSavePath(
        tr("Export timeline"), u"closecall-timeline-%1-"_s.arg(conn) + stamp, filters, nullptr);
    if (path.isEmpty())
        return;
    // The name's suffix decides; a name without one got the first filter's.
    const monitor::TimelineFormat format =
        monitor::timelineFormatFromPath(path).value_or(monitor::TimelineFormat::Png);
    const monitor::ExportResult result = exportTimelineTo(path, format);
    if (!result.ok()) {
        QMessageBox::critical(this, tr("Export failed"),
                              tr("The timeline was not exported.\n\n%1").arg(result.error));
        return;
    }
    statusBar()->showMessage(tr("Exported the timeline of connection %1 to %2")
                                 .arg(conn)
                                 .arg(QDir::toNativeSeparators(path)),
                             MessageMs);
}

} // namespace closecall::ui
