#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QString>

namespace closecall::monitor {
class ConnectionTableModel;
struct ConnectionRow;
} // namespace closecall::monitor

// What the close panel says once a close it started has ended, in one line
// per connection: "Connection 1 closed: 1001 answered by the client in
// 148.2 ms, 3 late messages delivered." — where the operator is looking,
// instead of only "sent".
namespace closecall::ui {

// The line for one ended connection (empty while it has not ended).
QString closeOutcomeText(const monitor::ConnectionRow &row);
// Whether it ended the way a close should: by the close handshake.
bool closedCleanly(const monitor::ConnectionRow &row);

// Follows the connections of the operator's last Close, Close Output or
// Abort and reports their outcome as they end.
class CloseOutcomeWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit CloseOutcomeWatcher(const monitor::ConnectionTableModel *model,
                                 QObject *parent = nullptr);

    // Starts following these connections (forgets the previous ones).
    void watch(const QList<quint32> &ids);
    void clear();
    QList<quint32> watched() const { return m_ids; }
    // Whether an outcome was reported for the current connections.
    bool hasOutcome() const { return !m_reported.isEmpty(); }

    // Looks at the rows again (after each batch); emits outcomeChanged when
    // one more has ended, or when `force` and something has.
    void check(bool force = false);

Q_SIGNALS:
    // Every outcome so far, one line each; `clean` when all closed by handshake.
    void outcomeChanged(const QString &text, bool clean);

private:
    const monitor::ConnectionTableModel *m_model;
    QList<quint32> m_ids;
    QSet<quint32> m_reported;
};

} // namespace closecall::ui
