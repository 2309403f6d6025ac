#pragma once

#include "server/connectionsummary.h"
#include "server/event.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QString>

#include <functional>
#include <limits>
#include <vector>

// The connections table: one row per WebSocket connection the
// engine opened, fed by the engine's event batches. Rows stay after the
// connection ends (greyed) until clearEnded(), so the operator can read how
// each one ended.
namespace closecall::monitor {

// Everything the model knows about one connection: the table's cells and
// the close panel's state are the summary its events fold into (the same
// one the engine's `list` returns); the details pane adds the rest of the
// upgrade request (origin, user agent, headers).
struct ConnectionRow : server::ConnectionSummary
{
    QString origin;
    QString userAgent;
    protocol::HttpHeaders headers; // the upgrade request's, as sent
};

class ConnectionTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        Id,
        Remote,
        Path, // path and "?query"
        Subprotocol,
        State, // icon (DecorationRole) and the .NET state name
        Opened,
        Duration, // live for open rows: see tick()
        MsgsIn,
        MsgsOut,
        BytesIn,
        BytesOut,
        LastActivity,
        CloseSent,      // "1001 Going Away: deploy"
        CloseReceived,  // the peer's code and reason
        InitiatedBy,    // server / client
        PostClose,      // "3 (2 delivered, 1 discarded)"
        CloseHandshake, // ms from our Close to theirs
        HowEnded,
        // Added columns come last, so a saved header layout keeps meaning
        // the same columns (see ConnectionsPane::applyDefaultColumns for
        // where they show).
        AckDelay,   // ms from the peer's Close to our answer
        ConnRole,   // "in" (we accepted it) or "out" (we connected)
        Url,        // out rows: the URL connected to
        Extensions, // "permessage-deflate; …" when agreed
        ColumnCount
    };
    Q_ENUM(Column)

    // Roles beyond Qt's. Every column answers SortRole with a raw value
    // (numbers for numeric and time columns, text otherwise) so a
    // QSortFilterProxyModel with setSortRole(SortRole) sorts numerically.
    // The other roles answer the same value whatever the column.
    enum Role : int {
        ConnIdRole = Qt::UserRole + 1, // quint32
        StateRole,                     // int of protocol::State
        EndedRole,                     // bool: Closed or Aborted
        CloseSentRole,                 // bool: our Close is out
        CloseReceivedRole,             // bool: the peer's Close arrived
        // bool: the peer's Close arrived and ours is not out (manual-ack
        // mode): Close / Close Output will acknowledge it.
        AwaitingAckRole,
        PostCloseCountRole,     // qulonglong: delivered + discarded
        PostCloseDeliveredRole, // qulonglong
        PostCloseDiscardedRole, // qulonglong
        InitiatedByRole,        // int of protocol::Initiator
        RemoteRole,             // QString "ip:port"
        SortRole,
        OutgoingRole, // bool: role "out", CloseCall is the client
    };
    Q_ENUM(Role)

    explicit ConnectionTableModel(QObject *parent = nullptr);
    ~ConnectionTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Applies one engine batch: `open` adds a row; every later event of that
    // connection updates its counters and state; `closed` fills the final
    // fields. Emits at most one dataChanged (the span of changed rows) and
    // one rowsInserted (the new rows) per call, however many events. Events
    // of connections the model has no row for (before their `open`, or
    // after clearEnded() removed them) are ignored.
    void applyBatch(const server::EventBatch &batch);

    // Refreshes the live Duration cells: one dataChanged over the Duration
    // column of the rows still open, at most about once a second however
    // often it is called. The view calls it from a 1 s timer.
    void tick();

    // Removes the Closed and Aborted rows (one rowsRemoved per contiguous
    // run of them).
    void clearEnded();
    // Removes every row (a model reset), e.g. when the server restarts.
    void clear();

    // The row for a connection, or nullptr. Valid until the next
    // applyBatch(), clearEnded() or clear().
    const ConnectionRow *row(quint32 connId) const;
    // The row at a model row (0 <= row < rowCount()).
    const ConnectionRow &rowAt(int row) const { return m_rows[size_t(row)]; }
    // The model row of a connection, or -1.
    int rowOf(quint32 connId) const;
    QModelIndex indexOf(quint32 connId, int column = Id) const;

    // For the status bar: rows not yet ended, and every connection ever
    // opened since construction or clear().
    int openCount() const { return m_openCount; }
    quint64 totalCount() const { return m_totalCount; }

    // "now" on the engine's t_us clock, for live durations. By default it
    // is estimated from when events arrive (the latest event cannot be
    // newer than now); tests set a fixed clock.
    using Clock = std::function<qint64()>;
    void setClock(Clock nowTUs);
    qint64 nowTUs() const;

Q_SIGNALS:
    // After a batch or a removal changed openCount() or totalCount().
    void countsChanged(int open, quint64 total);

private:
    QVariant displayText(const ConnectionRow &r, int column) const;
    QVariant sortValue(const ConnectionRow &r, int column) const;
    QString tooltip(const ConnectionRow &r, int column) const;
    qint64 durationUs(const ConnectionRow &r) const;
    void rebuildIndex();
    void updateCounts(int oldOpen, quint64 oldTotal);

    std::vector<ConnectionRow> m_rows;
    QHash<quint32, int> m_index; // conn id -> row
    int m_openCount = 0;
    quint64 m_totalCount = 0;

    Clock m_clock;
    QElapsedTimer m_monotonic; // the GUI's clock
    // Engine t_us minus the GUI clock's µs: a lower bound, raised as events arrive.
    qint64 m_clockOffsetUs = std::numeric_limits<qint64>::min();
    QElapsedTimer m_lastTick;
};

} // namespace closecall::monitor
