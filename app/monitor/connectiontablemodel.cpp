#include "connectiontablemodel.h"

#include "displaytext.h"
#include "monitoricons.h"

#include "protocol/closecodes.h"

#include <QtCore/QLocale>

#include <algorithm>

namespace closecall::monitor {

using namespace Qt::StringLiterals;
using server::Event;
using server::EventType;

namespace {

ConnectionRow rowFromOpen(const Event &ev)
{
    ConnectionRow r;
    r.apply(ev);
    const auto &open = ev.as<server::events::Open>();
    r.origin = open.origin;
    r.userAgent = open.userAgent;
    r.headers = open.headers;
    return r;
}

qint64 monotonicUs(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1000;
}

} // namespace

ConnectionTableModel::ConnectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_monotonic.start();
}

ConnectionTableModel::~ConnectionTableModel() = default;

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("ID");
    case Remote:
        return tr("Remote");
    case Path:
        return tr("Path");
    case Subprotocol:
        return tr("Subprotocol");
    case State:
        return tr("State");
    case Opened:
        return tr("Opened");
    case Duration:
        return tr("Duration");
    case MsgsIn:
        return tr("Msgs in");
    case MsgsOut:
        return tr("Msgs out");
    case BytesIn:
        return tr("Bytes in");
    case BytesOut:
        return tr("Bytes out");
    case LastActivity:
        return tr("Last activity");
    case CloseSent:
        return tr("Close sent");
    case CloseReceived:
        return tr("Close received");
    case InitiatedBy:
        return tr("Initiated by");
    case PostClose:
        return tr("Post-close rx");
    case CloseHandshake:
        return tr("Close handshake");
    case HowEnded:
        return tr("How it ended");
    case AckDelay:
        return tr("Ack delay");
    case ConnRole:
        return tr("Role");
    case Url:
        return tr("URL");
    case Extensions:
        return tr("Extensions");
    default:
        return {};
    }
}

void ConnectionTableModel::setClock(Clock nowTUs)
{
    m_clock = std::move(nowTUs);
}

qint64 ConnectionTableModel::nowTUs() const
{
    if (m_clock)
        return m_clock();
    if (m_clockOffsetUs == std::numeric_limits<qint64>::min())
        return 0;
    return monotonicUs(m_monotonic) + m_clockOffsetUs;
}

qint64 ConnectionTableModel::durationUs(const ConnectionRow &r) const
{
    const qint64 end = r.ended ? r.endedTUs : std::max(nowTUs(), r.lastActivityTUs);
    return std::max<qint64>(0, end - r.openedTUs);
}

QVariant ConnectionTableModel::displayText(const ConnectionRow &r, int column) const
{
    const QLocale locale;
    switch (column) {
    case Id:
        return QString::number(r.id);
    case Remote:
        return r.remote;
    case Path:
        return r.query.isEmpty() ? r.path : r.path + u'?' + r.query;
    case Subprotocol:
        return r.subprotocol;
    case State:
        return QString(protocol::stateName(r.state));
    case Opened:
        return DisplayText::clockTime(r.openedWallUs, false);
    case Duration:
        return DisplayText::duration(durationUs(r));
    case MsgsIn:
        return locale.toString(r.msgsIn);
    case MsgsOut:
        return locale.toString(r.msgsOut);
    case BytesIn:
        return locale.formattedDataSize(qint64(r.bytesIn));
    case BytesOut:
        return locale.formattedDataSize(qint64(r.bytesOut));
    case LastActivity:
        return DisplayText::clockTime(r.lastActivityWallUs, false);
    case CloseSent:
        return r.closeSent ? DisplayText::closeStatus(r.sentCode, r.sentReason) : QString();
    case CloseReceived:
        return r.closeReceived ? DisplayText::closeStatus(r.receivedCode, r.receivedReason)
                               : QString();
    case InitiatedBy:
        return DisplayText::initiator(r.initiatedBy);
    case PostClose:
        if (r.postCloseCount() == 0)
            return r.closeSent ? locale.toString(0) : QString();
        return DisplayText::postCloseCounts(r.postCloseDelivered, r.postCloseDiscarded);
    case CloseHandshake:
        // The unit in the cell: the header stays short enough to show whole.
        return r.closeHandshakeUs < 0
                   ? QString()
                   : tr("%1 ms").arg(DisplayText::milliseconds(r.closeHandshakeUs));
    case HowEnded:
        return r.ended ? DisplayText::howEnded(r.how) : QString();
    case AckDelay:
        return r.ackDelayUs < 0 ? QString()
                                : tr("%1 ms").arg(DisplayText::milliseconds(r.ackDelayUs));
    case ConnRole:
        // The contract's words (docs/headless.md `role`), translated.
        return r.outgoing ? tr("out") : tr("in");
    case Url:
        return r.url;
    case Extensions:
        return r.extensions;
    default:
        return {};
    }
}

QVariant ConnectionTableModel::sortValue(const ConnectionRow &r, int column) const
{
    const auto code = [](bool seen, const protocol::CloseCode &c) {
        return seen ? (c ? int(*c) : 0) : -1; // not seen < Empty < any code
    };
    switch (column) {
    case Id:
        return uint(r.id);
    case State:
        return int(r.state);
    case Opened:
        return qlonglong(r.openedTUs);
    case Duration:
        return qlonglong(durationUs(r));
    case MsgsIn:
        return qulonglong(r.msgsIn);
    case MsgsOut:
        return qulonglong(r.msgsOut);
    case BytesIn:
        return qulonglong(r.bytesIn);
    case BytesOut:
        return qulonglong(r.bytesOut);
    case LastActivity:
        return qlonglong(r.lastActivityTUs);
    case CloseSent:
        return code(r.closeSent, r.sentCode);
    case CloseReceived:
        return code(r.closeReceived, r.receivedCode);
    case InitiatedBy:
        return int(r.initiatedBy);
    case PostClose:
        return qulonglong(r.postCloseCount());
    case CloseHandshake:
        return qlonglong(r.closeHandshakeUs);
    case HowEnded:
        return r.ended ? int(r.how) : -1;
    case AckDelay:
        return qlonglong(r.ackDelayUs);
    default:
        return displayText(r, column);
    }
}

QString ConnectionTableModel::tooltip(const ConnectionRow &r, int column) const
{
    switch (column) {
    case State:
        if (r.state == protocol::State::CloseReceived && !r.closeSent)
            return tr("The peer's Close arrived and is not answered yet: Close or Close Output "
                      "will acknowledge it.");
        return {};
    case Opened:
        return DisplayText::fullTime(r.openedWallUs);
    case LastActivity:
        return DisplayText::fullTime(r.lastActivityWallUs);
    case CloseSent:
        if (!r.closeSent)
            return {};
        return tr("%1\nreason: %2\nmode: %3")
            .arg(protocol::describeCloseCode(r.sentCode),
                 r.sentReason.isEmpty() ? tr("(none)") : r.sentReason,
                 DisplayText::closeMode(r.sentMode));
    case CloseReceived:
        if (!r.closeReceived)
            return {};
        return tr("%1\nreason: %2")
            .arg(protocol::describeCloseCode(r.receivedCode),
                 r.receivedReason.isEmpty() ? tr("(none)") : r.receivedReason);
    case PostClose:
        if (r.postCloseCrossed == 0)
            return {};
        return tr("%n of them crossed our Close: they were already here when it went out, so "
                  "the peer sent them before it could see it.",
                  nullptr,
                  int(qMin<quint64>(r.postCloseCrossed, quint64(std::numeric_limits<int>::max()))));
    case AckDelay:
        if (r.ackDelayUs < 0)
            return {};
        return tr("The peer closed first; its Close waited this long for our answer (with manual "
                  "acknowledge, the operator's time).");
    case HowEnded:
        if (!r.ended)
            return {};
        return tr("%1; final status %2; TCP closed by the %3")
            .arg(DisplayText::howEnded(r.how), DisplayText::closeStatus(r.finalCode, r.finalReason),
                 r.tcpClosedByClient ? tr("client") : tr("server"));
    case Remote:
    case Path:
    case Url:
        if (r.outgoing)
            return tr("Outgoing connection to %1").arg(r.url);
        return r.userAgent.isEmpty() ? QString() : tr("User agent: %1").arg(r.userAgent);
    case Extensions:
        return r.extensions.isEmpty()
                   ? QString()
                   : tr("Messages travel compressed (permessage-deflate, RFC 7692): the log shows "
                        "each message's size on the wire beside its size");
    case ConnRole:
        return r.outgoing ? tr("Outgoing: CloseCall connected to %1 and is the client").arg(r.url)
                          : tr("Incoming: a client connected to CloseCall's server");
    case InitiatedBy:
        // "client" / "server" are the RFC 6455 roles: say which one is us.
        if (r.initiatedBy == protocol::Initiator::None)
            return {};
        return r.outgoing ? tr("On this outgoing connection CloseCall is the client.")
                          : tr("On this incoming connection CloseCall is the server.");
    default:
        return {};
    }
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionRow &r = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, column);
    case Qt::ToolTipRole: {
        const QString tip = tooltip(r, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DecorationRole:
        if (column == State)
            return icons::stateIcon(r.state);
        if (column == PostClose && r.postCloseCount() > 0)
            return icons::postCloseIcon(r.postCloseDiscarded > 0 ? protocol::PostClose::Discarded
                                                                 : protocol::PostClose::Delivered);
        return {};
    case Qt::ForegroundRole:
        if (r.ended)
            return icons::endedForeground();
        return {};
    case Qt::BackgroundRole:
        if (!r.ended && r.closeReceived && !r.closeSent)
            return icons::awaitingAckBackground();
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case Id:
        case Duration:
        case MsgsIn:
        case MsgsOut:
        case BytesIn:
        case BytesOut:
        case CloseHandshake:
        case AckDelay:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case ConnIdRole:
        return uint(r.id);
    case StateRole:
        return int(r.state);
    case EndedRole:
        return r.ended;
    case CloseSentRole:
        return r.closeSent;
    case CloseReceivedRole:
        return r.closeReceived;
    case AwaitingAckRole:
        return !r.ended && r.closeReceived && !r.closeSent;
    case PostCloseCountRole:
        return qulonglong(r.postCloseCount());
    case PostCloseDeliveredRole:
        return qulonglong(r.postCloseDelivered);
    case PostCloseDiscardedRole:
        return qulonglong(r.postCloseDiscarded);
    case InitiatedByRole:
        return int(r.initiatedBy);
    case RemoteRole:
        return r.remote;
    case OutgoingRole:
        return r.outgoing;
    case SortRole:
        return sortValue(r, column);
    default:
        return {};
    }
}

void ConnectionTableModel::applyBatch(const server::EventBatch &batch)
{
    if (batch.isEmpty())
        return;
    const int oldOpen = m_openCount;
    const quint64 oldTotal = m_totalCount;

    // The batch has just arrived, so the engine's clock is at least at its
    // newest event: raise the lower bound of the clock offset.
    m_clockOffsetUs = std::max(m_clockOffsetUs, batch.last().tUs - monotonicUs(m_monotonic));

    const int existing = int(m_rows.size());
    std::vector<ConnectionRow> added; // new rows, inserted in one go below
    int firstChanged = existing;
    int lastChanged = -1;

    for (const Event &ev : batch) {
        if (ev.conn == 0)
            continue;
        if (ev.is(EventType::Open) && !m_index.contains(ev.conn)) {
            m_index.insert(ev.conn, existing + int(added.size()));
            added.push_back(rowFromOpen(ev));
            ++m_totalCount;
            ++m_openCount;
            continue;
        }
        const auto it = m_index.constFind(ev.conn);
        if (it == m_index.cend())
            continue;
        const int row = *it;
        ConnectionRow &r = row < existing ? m_rows[size_t(row)] : added[size_t(row - existing)];
        const bool wasEnded = r.ended;
        r.apply(ev); // also its leg and pair in proxy mode
        if (r.ended && !wasEnded)
            --m_openCount;
        if (row < existing) {
            firstChanged = std::min(firstChanged, row);
            lastChanged = std::max(lastChanged, row);
        }
    }

    if (lastChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!added.empty()) {
        beginInsertRows({}, existing, existing + int(added.size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(added.begin()),
                      std::make_move_iterator(added.end()));
        endInsertRows();
    }
    updateCounts(oldOpen, oldTotal);
}

void ConnectionTableModel::tick()
{
    // A view's 1 s timer and the occasional extra call: never more than
    // about once a second, and only over the rows still running.
    if (m_lastTick.isValid() && m_lastTick.elapsed() < 900)
        return;
    m_lastTick.start();
    int first = -1;
    int last = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (!m_rows[size_t(row)].ended) {
            if (first < 0)
                first = row;
            last = row;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, Duration), index(last, Duration), {Qt::DisplayRole});
}

void ConnectionTableModel::clearEnded()
{
    const int oldOpen = m_openCount;
    const quint64 oldTotal = m_totalCount;
    // From the end, one removal per run of ended rows.
    int row = int(m_rows.size()) - 1;
    bool removed = false;
    while (row >= 0) {
        if (!m_rows[size_t(row)].ended) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && m_rows[size_t(row - 1)].ended)
            --row;
        beginRemoveRows({}, row, last);
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + last + 1);
        endRemoveRows();
        removed = true;
        --row;
    }
    if (removed)
        rebuildIndex();
    updateCounts(oldOpen, oldTotal);
}

void ConnectionTableModel::clear()
{
    const int oldOpen = m_openCount;
    const quint64 oldTotal = m_totalCount;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_openCount = 0;
    m_totalCount = 0;
    endResetModel();
    updateCounts(oldOpen, oldTotal);
}

void ConnectionTableModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(qsizetype(m_rows.size()));
    for (int row = 0; row < int(m_rows.size()); ++row)
        m_index.insert(m_rows[size_t(row)].id, row);
}

void ConnectionTableModel::updateCounts(int oldOpen, quint64 oldTotal)
{
    if (oldOpen != m_openCount || oldTotal != m_totalCount)
        Q_EMIT countsChanged(m_openCount, m_totalCount);
}

const ConnectionRow *ConnectionTableModel::row(quint32 connId) const
{
    const int r = rowOf(connId);
    return r < 0 ? nullptr : &m_rows[size_t(r)];
}

int ConnectionTableModel::rowOf(quint32 connId) const
{
    return m_index.value(connId, -1);
}

QModelIndex ConnectionTableModel::indexOf(quint32 connId, int column) const
{
    const int r = rowOf(connId);
    return r < 0 ? QModelIndex() : index(r, column);
}

} // namespace closecall::monitor
