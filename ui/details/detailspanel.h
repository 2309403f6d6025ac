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
    // Proxy mode: a pair, both legs one under the other (0 = that leg has
    // no connection yet).
    void showPair(quint32 clientConn, quint32 serverConn);

    // The HTML shown (for tests and Copy).
    QString html() const;

private:
    void refresh();
    QString render(const monitor::ConnectionRow &row) const;

    monitor::ConnectionTableModel *m_model;
    QTextBrowser *m_text;
    QTimer *m_refresh;
    quint32 m_conn = 0;
    quint32 m_serverLeg = 0; // proxy mode: m_conn is the client leg
    bool m_pair = false;
};

} // namespace closecall::ui
