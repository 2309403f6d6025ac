#pragma once

#include "monitor/timelinelayout.h"
#include "monitor/timelinepainter.h"

#include <QtWidgets/QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace closecall::monitor {
class LogModel;
}

// The Timeline dock: the connection current in the table drawn as a
// sequence diagram (monitor/timelinelayout.h), kept up to date from the
// log as its events arrive. Hovering an item shows the frame's details;
// clicking one asks for its log row (eventActivated); the context menu
// exports the picture (exportRequested: the main window asks where).
namespace closecall::ui {

// The drawing itself, one item per row (TimelinePane::canvas()).
class TimelineCanvas final : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineCanvas(QWidget *parent = nullptr);

    void setTimeline(const monitor::TimelineLayout &layout);
    const monitor::TimelineLayout &timeline() const { return m_layout; }
    void setSelected(int index);
    int selected() const { return m_highlight.selected; }
    int hovered() const { return m_highlight.hovered; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void itemClicked(int index);
    void contextMenuWanted(const QPoint &globalPos);

protected:
    bool event(QEvent *event) override; // tooltips
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void setHovered(int index);

    monitor::TimelineLayout m_layout;
    monitor::TimelineHighlight m_highlight;
};

class TimelinePane final : public QWidget
{
    Q_OBJECT

public:
    TimelinePane(const monitor::LogModel *log, QWidget *parent = nullptr);

    // Follows the table's current connection (0 = none).
    void showConnection(quint32 conn);
    quint32 connection() const { return m_conn; }

    // Rebuilds from the log now (an export must not wait for the timer).
    void rebuild();
    const monitor::TimelineLayout &timeline() const { return m_canvas->timeline(); }
    bool hasTimeline() const { return !timeline().isEmpty(); }
    TimelineCanvas *canvas() const { return m_canvas; }

    // The context menu's export action (the main window's File ▸ Export
    // Timeline…, so both say and do the same).
    void setExportAction(QAction *action) { m_exportAction = action; }

Q_SIGNALS:
    // An item was clicked: select event `seq` in the log.
    void eventActivated(quint64 seq);
    // Whether there is a timeline to export changed.
    void timelineChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onRowsInserted(int first, int last);
    void scheduleRebuild();
    void showMenu(const QPoint &globalPos);

    const monitor::LogModel *m_log;
    quint32 m_conn = 0;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QScrollArea *m_scroll;
    TimelineCanvas *m_canvas;
    QTimer *m_rebuildTimer;
    QAction *m_exportAction = nullptr;
    bool m_dirty = false;
};

} // namespace closecall::ui
