#include "pairtablemodel.h"

#include "connectiontablemodel.h"
#include "displaytext.h"
#include "monitoricons.h"

#include <QtCore/QLocale>

#include <algorithm>

namespace closecall::monitor {

using namespace Qt::StringLiterals;
using server::Leg;
using Flat = ConnectionTableModel;

namespace {

bool awaiting(const ConnectionRow *r)
{
    return r && !r->ended && r->closeReceived && !r->closeSent;
}

bool isClientColumn(int column)
{
    switch (column) {
    case PairTableModel::ClientState:
    case PairTableModel::ClientToServer:
    case PairTableModel::CloseToClient:
    case PairTableModel::CloseFromClient:
    case PairTableModel::ClientInitiatedBy:
    case PairTableModel::ClientPostClose:
    case PairTableModel::ClientEnded:
        return true;
    default:
        return false;
    }
}

bool isServerColumn(int column)
{
    switch (column) {
    case PairTableModel::ServerState:
    case PairTableModel::ServerToClient:
    case PairTableModel::CloseToServer:
    case PairTableModel::CloseFromServer:
    case PairTableModel::ServerInitiatedBy:
    case PairTableModel::ServerPostClose:
    case PairTableModel::ServerEnded:
        return true;
    default:
        return false;
    }
}

} // namespace

PairTableModel::PairTableModel(ConnectionTableModel *connections, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connections(connections)
{
    connect(connections, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(connections, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br) {
                onDataChanged(tl.row(), br.row());
            });
    connect(connections, &QAbstractItemModel::rowsRemoved, this, &PairTableModel::rebuild);
    connect(connections, &QAbstractItemModel::modelReset, this, &PairTableModel::rebuild);
    connect(connections, &QAbstractItemModel::layoutChanged, this, &PairTableModel::rebuild);
    rebuild();
}

int PairTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int PairTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ConnectionRow *PairTableModel::leg(const PairRow &pair, Leg which) const
{
    const quint32 conn = pair.conn(which);
    return conn ? m_connections->row(conn) : nullptr;
}

QModelIndex PairTableModel::indexOfConn(quint32 conn, int column) const
{
    const int row = rowOfConn(conn);
    return row < 0 ? QModelIndex() : index(row, column);
}

void PairTableModel::setActiveLeg(Leg legChoice)
{
    if (legChoice == Leg::None || legChoice == m_activeLeg)
        return;
    m_activeLeg = legChoice;
    if (!m_pairs.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Flat::ConnIdRole, Flat::StateRole, Flat::CloseSentRole,
                            Flat::CloseReceivedRole, Flat::OutgoingRole, Flat::RemoteRole});
}

void PairTableModel::setHoldCloses(quint32 pairId, bool hold)
{
    const int row = m_pairIndex.value(pairId, -1);
    if (row < 0)
        return;
    m_pairs[size_t(row)].holdCloses = hold;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PairTableModel::setAutoPong(quint32 conn, bool on)
{
    const int row = rowOfConn(conn);
    if (row < 0)
        return;
    PairRow &p = m_pairs[size_t(row)];
    (conn == p.serverConn ? p.autoPongServer : p.autoPongClient) = on;
}

bool PairTableModel::autoPong(quint32 conn) const
{
    const int row = rowOfConn(conn);
    if (row < 0)
        return false;
    const PairRow &p = m_pairs[size_t(row)];
    return conn == p.serverConn ? p.autoPongServer : p.autoPongClient;
}

int PairTableModel::place(int sourceRow, std::vector<PairRow> &added)
{
    const ConnectionRow &r = m_connections->rowAt(sourceRow);
    if (r.leg == Leg::None)
        return -1; // not a leg (e.g. an outgoing connection the operator opened)
    const quint32 pairId = r.pair ? r.pair : r.id;
    int row = m_pairIndex.value(pairId, -1);
    PairRow *p = nullptr;
    if (row < 0) {
        row = int(m_pairs.size() + added.size());
        m_pairIndex.insert(pairId, row);
        PairRow fresh;
        fresh.id = pairId;
        fresh.holdCloses = m_defaultHold;
        added.push_back(fresh);
        p = &added.back();
    } else {
        p = row < int(m_pairs.size()) ? &m_pairs[size_t(row)]
                                      : &added[size_t(row) - m_pairs.size()];
    }
    (r.leg == Leg::Server ? p->serverConn : p->clientConn) = r.id;
    m_connIndex.insert(r.id, row);
    return row;
}

void PairTableModel::onRowsInserted(int first, int last)
{
    std::vector<PairRow> added;
    const int existing = int(m_pairs.size());
    int firstChanged = existing;
    int lastChanged = -1;
    for (int source = first; source <= last; ++source) {
        const int row = place(source, added);
        if (row >= 0 && row < existing) {
            firstChanged = std::min(firstChanged, row);
            lastChanged = std::max(lastChanged, row);
        }
    }
    if (lastChanged >= 0) // a pair's second leg arrived
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!added.empty()) {
        beginInsertRows({}, existing, existing + int(added.size()) - 1);
        m_pairs.insert(m_pairs.end(), added.begin(), added.end());
        endInsertRows();
    }
}

void PairTableModel::onDataChanged(int first, int last)
{
    int firstChanged = int(m_pairs.size());
    int lastChanged = -1;
    for (int source = std::max(first, 0); source <= last; ++source) {
        const int row = rowOfConn(m_connections->rowAt(source).id);
        if (row < 0)
            continue;
        firstChanged = std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (lastChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

void PairTableModel::rebuild()
{
    // Rows were removed (Clear Ended) or the run restarted: regroup, keeping
    // the operator's switches of the pairs that remain.
    QHash<quint32, PairRow> old;
    for (const PairRow &p : m_pairs)
        old.insert(p.id, p);
    beginResetModel();
    m_pairs.clear();
    m_pairIndex.clear();
    m_connIndex.clear();
    std::vector<PairRow> added;
    for (int source = 0; source < m_connections->rowCount(); ++source)
        place(source, added);
    for (PairRow &p : added) {
        const auto it = old.constFind(p.id);
        if (it != old.cend() &&
            (it->clientConn == p.clientConn || it->serverConn == p.serverConn)) {
            p.holdCloses = it->holdCloses;
            p.autoPongClient = it->autoPongClient;
            p.autoPongServer = it->autoPongServer;
        }
    }
    m_pairs = std::move(added);
    endResetModel();
}

bool PairTableModel::ended(const PairRow &p) const
{
    const ConnectionRow *c = leg(p, Leg::Client);
    const ConnectionRow *s = leg(p, Leg::Server);
    return (!c || c->ended) && (!s || s->ended);
}

QVariant PairTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        if (isClientColumn(section))
            return tr("The client leg: the client's connection to CloseCall, where CloseCall acts "
                      "as the server");
        if (isServerColumn(section))
            return tr("The server leg: CloseCall's connection to the target, where CloseCall acts "
                      "as the client");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pair:
        return tr("Pair");
    case Client:
        return tr("Client");
    case Target:
        return tr("Target");
    case Path:
        return tr("Path");
    case ClientState:
        return tr("Client leg");
    case ServerState:
        return tr("Server leg");
    case ClientToServer:
        return tr("C→S msgs");
    case ServerToClient:
        return tr("S→C msgs");
    case CloseToClient:
        return tr("Close to client");
    case CloseFromClient:
        return tr("Close from client");
    case ClientInitiatedBy:
        return tr("Client leg initiated by");
    case ClientPostClose:
        return tr("Client post-close rx");
    case CloseToServer:
        return tr("Close to server");
    case CloseFromServer:
        return tr("Close from server");
    case ServerInitiatedBy:
        return tr("Server leg initiated by");
    case ServerPostClose:
        return tr("Server post-close rx");
    case NotRelayed:
        return tr("Not relayed");
    case Closes:
        return tr("Closes");
    case ClientEnded:
        return tr("Client leg ended");
    case ServerEnded:
        return tr("Server leg ended");
    case Opened:
        return tr("Opened");
    case Duration:
        return tr("Duration");
    default:
        return {};
    }
}

QVariant PairTableModel::display(const PairRow &p, int column) const
{
    const ConnectionRow *c = leg(p, Leg::Client);
    const ConnectionRow *s = leg(p, Leg::Server);
    const QLocale locale;
    const auto closeText = [](const ConnectionRow *r, bool sent) {
        if (!r || !(sent ? r->closeSent : r->closeReceived))
            return QString();
        return sent ? DisplayText::closeStatus(r->sentCode, r->sentReason)
                    : DisplayText::closeStatus(r->receivedCode, r->receivedReason);
    };
    // On a leg, the RFC role that is CloseCall reads as "CloseCall"; the
    // other one names the real peer.
    const auto initiated = [](const ConnectionRow *r) {
        if (!r || r->initiatedBy == protocol::Initiator::None)
            return QString();
        return r->initiatedBy == r->ourRole() ? tr("CloseCall")
                                              : DisplayText::initiator(r->initiatedBy);
    };
    const auto postClose = [&locale](const ConnectionRow *r) {
        if (!r)
            return QString();
        if (r->postCloseCount() == 0)
            return r->closeSent ? locale.toString(0) : QString();
        return DisplayText::postCloseCounts(r->postCloseDelivered, r->postCloseDiscarded);
    };
    const auto endedText = [](const ConnectionRow *r) {
        return r && r->ended ? DisplayText::howEnded(r->how) : QString();
    };
    switch (column) {
    case Pair:
        return QString::number(p.id);
    case Client:
        return c ? c->remote : QString();
    case Target:
        return s ? s->url : QString();
    case Path:
        return !c ? QString() : c->query.isEmpty() ? c->path : c->path + u'?' + c->query;
    case ClientState:
        return c ? QString(protocol::stateName(c->state)) : QString();
    case ServerState:
        return s ? QString(protocol::stateName(s->state)) : QString();
    case ClientToServer:
        return c ? locale.toString(c->msgsIn) : QString();
    case ServerToClient:
        return s ? locale.toString(s->msgsIn) : QString();
    case CloseToClient:
        return closeText(c, true);
    case CloseFromClient:
        return closeText(c, false);
    case ClientInitiatedBy:
        return initiated(c);
    case ClientPostClose:
        return postClose(c);
    case CloseToServer:
        return closeText(s, true);
    case CloseFromServer:
        return closeText(s, false);
    case ServerInitiatedBy:
        return initiated(s);
    case ServerPostClose:
        return postClose(s);
    case NotRelayed: {
        const quint64 n = (c ? c->notRelayed : 0) + (s ? s->notRelayed : 0);
        return n ? locale.toString(n) : QString();
    }
    case Closes:
        return p.holdCloses ? tr("held") : tr("relayed");
    case ClientEnded:
        return endedText(c);
    case ServerEnded:
        return endedText(s);
    case Opened:
        return c ? DisplayText::clockTime(c->openedWallUs, false) : QString();
    case Duration: {
        if (!c)
            return QString();
        const qint64 end =
            c->ended ? c->endedTUs : std::max(m_connections->nowTUs(), c->lastActivityTUs);
        return DisplayText::duration(std::max<qint64>(0, end - c->openedTUs));
    }
    default:
        return {};
    }
}

QVariant PairTableModel::sortValue(const PairRow &p, int column) const
{
    const ConnectionRow *c = leg(p, Leg::Client);
    const ConnectionRow *s = leg(p, Leg::Server);
    switch (column) {
    case Pair:
        return uint(p.id);
    case ClientState:
        return c ? int(c->state) : -1;
    case ServerState:
        return s ? int(s->state) : -1;
    case ClientToServer:
        return qulonglong(c ? c->msgsIn : 0);
    case ServerToClient:
        return qulonglong(s ? s->msgsIn : 0);
    case ClientPostClose:
        return qulonglong(c ? c->postCloseCount() : 0);
    case ServerPostClose:
        return qulonglong(s ? s->postCloseCount() : 0);
    case NotRelayed:
        return qulonglong((c ? c->notRelayed : 0) + (s ? s->notRelayed : 0));
    case Opened:
        return qlonglong(c ? c->openedTUs : 0);
    default:
        return display(p, column);
    }
}

QString PairTableModel::tooltip(const PairRow &p, int column) const
{
    const ConnectionRow *c = leg(p, Leg::Client);
    const ConnectionRow *s = leg(p, Leg::Server);
    switch (column) {
    case Pair:
        return tr("Client leg: connection %1; server leg: connection %2")
            .arg(p.clientConn ? QString::number(p.clientConn) : tr("none"),
                 p.serverConn ? QString::number(p.serverConn) : tr("none"));
    case ClientState:
    case ServerState: {
        const ConnectionRow *r = column == ClientState ? c : s;
        if (awaiting(r))
            return tr("A Close arrived on this leg and is not answered yet (closes held): Close "
                      "or Close Output on this leg answers it.");
        return {};
    }
    case NotRelayed:
        return tr("Frames that arrived on one leg and could not be passed on, because the other "
                  "leg had already sent its Close or ended");
    case Closes:
        return p.holdCloses ? tr("Closes held: a Close from either side is not passed on; you "
                                 "decide what the other side sees")
                            : tr("Closes relayed: a Close from either side is passed on with "
                                 "the same code and reason");
    case ClientEnded:
    case ServerEnded: {
        const ConnectionRow *r = column == ClientEnded ? c : s;
        if (!r || !r->ended)
            return {};
        return tr("%1; final status %2")
            .arg(DisplayText::howEnded(r->how),
                 DisplayText::closeStatus(r->finalCode, r->finalReason));
    }
    default:
        return {};
    }
}

QVariant PairTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PairRow &p = m_pairs[size_t(index.row())];
    const int column = index.column();
    const ConnectionRow *active = leg(p, m_activeLeg);
    switch (role) {
    case Qt::DisplayRole:
        return display(p, column);
    case Qt::ToolTipRole: {
        const QString tip = tooltip(p, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DecorationRole: {
        const ConnectionRow *r = isClientColumn(column)   ? leg(p, Leg::Client)
                                 : isServerColumn(column) ? leg(p, Leg::Server)
                                                          : nullptr;
        if (!r)
            return {};
        if (column == ClientState || column == ServerState)
            return icons::stateIcon(r->state);
        if ((column == ClientPostClose || column == ServerPostClose) && r->postCloseCount() > 0)
            return icons::postCloseIcon(r->postCloseDiscarded > 0 ? protocol::PostClose::Discarded
                                                                  : protocol::PostClose::Delivered);
        return {};
    }
    case Qt::ForegroundRole:
        return ended(p) ? QVariant(icons::endedForeground()) : QVariant();
    case Qt::BackgroundRole: {
        // The leg waiting for the operator's answer, in its own columns.
        const bool waits = (isClientColumn(column) && awaiting(leg(p, Leg::Client))) ||
                           (isServerColumn(column) && awaiting(leg(p, Leg::Server)));
        return waits ? QVariant(icons::awaitingAckBackground()) : QVariant();
    }
    case Qt::TextAlignmentRole:
        switch (column) {
        case Pair:
        case ClientToServer:
        case ServerToClient:
        case NotRelayed:
        case Duration:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Flat::ConnIdRole:
        return uint(p.conn(m_activeLeg));
    case Flat::StateRole:
        // A leg with no row yet (the upstream still connecting) takes no action.
        return int(active ? active->state : protocol::State::Closed);
    case Flat::EndedRole:
        return ended(p);
    case Flat::CloseSentRole:
        return active && active->closeSent;
    case Flat::CloseReceivedRole:
        return active && active->closeReceived;
    case Flat::AwaitingAckRole:
        return awaiting(leg(p, Leg::Client)) || awaiting(leg(p, Leg::Server));
    case Flat::RemoteRole:
        return active ? active->remote : QString();
    case Flat::OutgoingRole:
        return m_activeLeg == Leg::Server;
    case Flat::SortRole:
        return sortValue(p, column);
    case PairIdRole:
        return uint(p.id);
    case ClientConnRole:
        return uint(p.clientConn);
    case ServerConnRole:
        return uint(p.serverConn);
    case HoldClosesRole:
        return p.holdCloses;
    default:
        return {};
    }
}

} // namespace closecall::monitor
