#pragma once

#include "server/event.h"

#include <QtCore/QList>
#include <QtWidgets/QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSettings;
class QTimer;
class QToolButton;

namespace closecall::monitor {
class LogFilterProxy;
class LogModel;
} // namespace closecall::monitor

// The log pane: every frame and event, newest at the bottom,
// over LogFilterProxy: free text, event kinds, the selected connections
// only, post-close receives only. The view follows the tail while scrolled
// to the bottom.
namespace closecall::ui {

class LogView;

class LogPane final : public QWidget
{
    Q_OBJECT

public:
    LogPane(monitor::LogModel *model, QAction *clearLog, QWidget *parent = nullptr);

    LogView *view() const { return m_view; }
    monitor::LogFilterProxy *proxy() const { return m_proxy; }

    // The connections selected in the table, for "Selected connections only".
    void setSelectedConnections(const QList<quint32> &ids);

    bool isFiltering() const;
    // The visible rows' count and the log's, for the status line.
    int visibleRows() const;

    // Selected rows as tab-separated text with a header line (Copy).
    QString selectionAsText() const;

    // Selects and shows the row of event `seq` (the timeline's click).
    // False when the log no longer holds it or its filter hides it.
    bool selectEvent(quint64 seq);

    void focusFilter();
    void setPostCloseOnly(bool on);
    // Proxy mode: the Leg column (client / server) shows, beside Conn.
    void setProxyMode(bool on);
    void setFilterText(const QString &text);
    // Every criterion off: the whole log.
    void clearFilter();

    void restoreState(const QSettings &settings);
    void saveState(QSettings &settings) const;

Q_SIGNALS:
    void filterChanged();
    // "Select Connection N in the Table" from the log's context menu.
    void selectConnectionRequested(quint32 connId);

private:
    void scheduleFilter();
    void applyFilter();
    void updateCountLabel();
    void buildEventMenu();
    void showContextMenu(const QPoint &pos);

    monitor::LogModel *m_model;
    monitor::LogFilterProxy *m_proxy;
    LogView *m_view;
    QLineEdit *m_filter;
    QToolButton *m_eventsButton;
    QMenu *m_eventsMenu;
    QList<QAction *> m_eventActions; // checkable, data = int(EventType)
    QCheckBox *m_selectedOnly;
    QCheckBox *m_postCloseOnly;
    QToolButton *m_followButton;
    QLabel *m_count;
    QTimer *m_filterTimer;
    QList<quint32> m_selected;
};

} // namespace closecall::ui
