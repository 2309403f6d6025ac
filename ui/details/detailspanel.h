#pragma once

#include <QtWidgets/QWidget>

class QTextBrowser;
class QTimer;

namespace closecall::monitor {
class ConnectionTableModel;
struct ConnectionRow;
} // namespace closecall::monitor

// Connection details: the upgrade request (path, origin, user
// agent, every header), the negotiated subprotocol, the traffic so far and
// the close summary of the connection current in the table. Refreshed at
// most a few times a second while the connection is busy.
namespace closecall::ui {

class DetailsPanel final : public QWidget
{
    Q_OBJECT

public:
    DetailsPanel(monitor::ConnectionTableModel *model, QWidget *parent = nullptr);

    void showConnection(quint32 connId);
    quint32 connection() const { return m_conn; }

    // The HTML shown (for tests and Copy).
    QString html() const;

private:
    void refresh();
    QString render(const monitor::ConnectionRow &row) const;

    monitor::ConnectionTableModel *m_model;
    QTextBrowser *m_text;
    QTimer *m_refresh;
    quint32 m_conn = 0;
};

} // namespace closecall::ui
