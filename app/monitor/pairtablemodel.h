#pragma once

#include "server/event.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>

#include <vector>

// The connections table in proxy mode (docs/headless.md "Proxy mode"): one
// row per pair, its client leg (CloseCall is the server there) beside its
// server leg (CloseCall is the client), read from the ConnectionTableModel
// rows of the two legs. It follows that model's signals: one rowsInserted
// per batch of new pairs, one dataChanged per batch of changed rows, a
// reset when rows are removed. The flat model stays the one truth; this
// only groups it.
namespace closecall::monitor {

class ConnectionTableModel;
struct ConnectionRow;

// One pair: the conn ids of its legs (0 while that leg has no row yet, or
// never gets one: an upstream that refused) and the operator's per-pair
// switches as last sent.
struct PairRow
{
    quint32 id = 0; // the pair's id: its client leg's conn
    quint32 clientConn = 0;
    quint32 serverConn = 0;
    bool holdCloses = false;
    bool autoPongClient = false;
    bool autoPongServer = false;

    quint32 conn(server::Leg leg) const
    {
        return leg == server::Leg::Server ? serverConn : clientConn;
    }
};

class PairTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        Pair,
        Client, // the client's remote "ip:port"
        Target, // the server leg's URL
        Path,   // the client's path and "?query"
        ClientState,
        ServerState,
        ClientToServer, // messages the client sent (client leg in)
        ServerToClient, // messages the server sent (server leg in)
        CloseToClient,  // the client leg's close_sent
        CloseFromClient,
        ClientInitiatedBy,
        ClientPostClose,
        CloseToServer, // the server leg's close_sent
        CloseFromServer,
        ServerInitiatedBy,
        ServerPostClose,
        NotRelayed, // frames of either leg that could not be passed on
        Closes,     // relayed / held
        ClientEnded,
        ServerEnded,
        Opened,
        Duration,
        ColumnCount
    };
    Q_ENUM(Column)

    // Roles beyond ConnectionTableModel's (whose ConnIdRole, StateRole,
    // CloseSentRole, CloseReceivedRole, OutgoingRole and RemoteRole answer
    // for the active leg, so the actions act on it; EndedRole for the
    // whole pair; AwaitingAckRole when either leg waits; SortRole per
    // column).
    enum Role : int {
        PairIdRole = Qt::UserRole + 100, // uint
        ClientConnRole,                  // uint, 0 = none
        ServerConnRole,                  // uint, 0 = none
        HoldClosesRole,                  // bool
    };
    Q_ENUM(Role)

    explicit PairTableModel(ConnectionTableModel *connections, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The leg the operator acts on: ConnIdRole and StateRole answer for it.
    server::Leg activeLeg() const { return m_activeLeg; }
    void setActiveLeg(server::Leg leg);

    // New pairs start with this (ServerConfig::proxy.holdCloses).
    void setDefaultHoldCloses(bool hold) { m_defaultHold = hold; }
    // The switches as the operator last sent them (the engine has the truth;
    // a refusal comes back as the command's result).
    void setHoldCloses(quint32 pairId, bool hold);
    void setAutoPong(quint32 conn, bool on);
    bool autoPong(quint32 conn) const;

    const PairRow &pairAt(int row) const { return m_pairs[size_t(row)]; }
    // The row of the pair a leg belongs to (its conn id or the pair's), or -1.
    int rowOfConn(quint32 conn) const { return m_connIndex.value(conn, -1); }
    QModelIndex indexOfConn(quint32 conn, int column = Pair) const;
    // The leg's row in the flat model, or nullptr.
    const ConnectionRow *leg(const PairRow &pair, server::Leg leg) const;

private:
    void onRowsInserted(int first, int last);
    void onDataChanged(int first, int last);
    void rebuild();
    // Adds the flat model's row to its pair; returns the pair's row (-1 =
    // not a leg). New pairs go to `added`.
    int place(int sourceRow, std::vector<PairRow> &added);
    QVariant display(const PairRow &p, int column) const;
    QVariant sortValue(const PairRow &p, int column) const;
    QString tooltip(const PairRow &p, int column) const;
    bool ended(const PairRow &p) const;

    ConnectionTableModel *m_connections;
    std::vector<PairRow> m_pairs;
    QHash<quint32, int> m_pairIndex; // pair id -> row
    QHash<quint32, int> m_connIndex; // either leg's conn id -> row
    server::Leg m_activeLeg = server::Leg::Client;
    bool m_defaultHold = false;
};

} // namespace closecall::monitor
