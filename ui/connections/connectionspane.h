#pragma once

#include "connectionactions.h"

#include <QtWidgets/QWidget>

class QCheckBox;
class QLineEdit;
class QSettings;
class QTimer;
class QToolButton;

namespace closecall::monitor {
class ConnectionFilterProxy;
class ConnectionTableModel;
class PairTableModel;
} // namespace closecall::monitor

// The connections table: a filter line and "Hide ended" above
// a sortable view of ConnectionTableModel. Rows whose peer closed first and
// wait for the operator's answer (manual acknowledge) are highlighted.
namespace closecall::ui {

class EmptyStateTableView;

class ConnectionsPane final : public QWidget
{
    Q_OBJECT

public:
    ConnectionsPane(monitor::ConnectionTableModel *model, QAction *clearEnded,
                    QWidget *parent = nullptr);

    EmptyStateTableView *view() const { return m_view; }
    monitor::ConnectionFilterProxy *proxy() const { return m_proxy; }

    // Proxy mode (docs/headless.md "Proxy mode"): the table shows `pairs`,
    // one row per pair, and the selection is the active leg of each
    // selected pair (PairTableModel::setActiveLeg). Each mode keeps its own
    // column layout.
    void setPairModel(monitor::PairTableModel *pairs);
    void setProxyMode(bool on);
    bool isProxyMode() const { return m_proxyMode; }
    // Proxy mode: the current row's pair (its client leg and server leg
    // conn ids, 0 when that leg has no row); {0, 0} without one.
    std::pair<quint32, quint32> currentPair() const;

    // The selected rows' connections, in view order.
    QList<SelectedConnection> selection() const;
    QList<quint32> selectedIds() const;
    // The one connection the details pane shows: the current row's.
    quint32 currentId() const;

    // Selects exactly these connections (the others are deselected).
    void selectConnections(const QList<quint32> &ids);

    // The selected rows as tab-separated text with a header line (Copy).
    QString selectionAsText() const;

    // The message while there are no rows at all (the server's URL in it).
    void setEmptyState(const QString &title, const QString &hint);

    void focusFilter();
    bool hideEnded() const;
    void setHideEnded(bool hide);

    void restoreState(const QSettings &settings);
    void saveState(QSettings &settings) const;

Q_SIGNALS:
    // The selection changed, or a selected connection changed state.
    void selectionChanged();
    void currentChanged(quint32 connId);
    void contextMenuRequested(const QPoint &globalPos);
    void activated(quint32 connId); // double click / Enter on a row

private:
    void updateEmptyText();
    // The default order and widths of the columns (before saved settings).
    void applyDefaultColumns();
    // Hides the Subprotocol and Extensions columns while no connection has
    // one; `first` to `last` are the model rows to look at (all of them: may
    // hide them again).
    void updateAutoColumns(int first, int last);
    void applyDefaultPairColumns();
    int sourceRowCount() const;

    monitor::ConnectionTableModel *m_model;
    monitor::ConnectionFilterProxy *m_proxy;
    EmptyStateTableView *m_view;
    QLineEdit *m_filter;
    QCheckBox *m_hideEnded;
    QTimer *m_selectionTimer;
    QString m_emptyTitle;
    QString m_emptyHint;
    bool m_subprotocolAutoHidden = false;
    bool m_extensionsAutoHidden = false;
    monitor::PairTableModel *m_pairs = nullptr;
    bool m_proxyMode = false;
    QByteArray m_otherHeader; // the header layout of the mode not shown
};

} // namespace closecall::ui
