#include "logmodel.h"

#include "displaytext.h"
#include "monitoricons.h"

#include <QtCore/QLocale>

#include <algorithm>

namespace closecall::monitor {

using namespace Qt::StringLiterals;
using server::EventType;

namespace {

QString escaped(QByteArrayView utf8)
{
    QByteArray out;
    DisplayText::appendEscapedUtf8(out, utf8, false);
    return QString::fromUtf8(out);
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

LogModel::~LogModel() = default;

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buffer.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Conn:
        return tr("Conn");
    case Dir:
        return tr("Dir");
    case Event:
        return tr("Event");
    case Type:
        return tr("Type");
    case Size:
        return tr("Size");
    case State:
        return tr("State");
    case Details:
        return tr("Details");
    case Leg:
        return tr("Leg");
    default:
        return {};
    }
}

QString LogModel::eventText(int row) const
{
    return DisplayText::eventLabel(m_buffer.at(row).type);
}

QString LogModel::detailsText(int row) const
{
    const LogEntry &e = m_buffer.at(row);
    const auto field = [&](int i) {
        return escaped(m_buffer.field(e, i));
    };
    switch (e.type) {
    case EventType::MessageIn:
    case EventType::MessageOut:
    case EventType::PingIn:
    case EventType::PongIn:
    case EventType::PingOut:
    case EventType::PongOut: {
        QString preview = DisplayText::preview(m_buffer.text(e), e.has(LogEntry::BinaryPreview),
                                               e.has(LogEntry::Cut));
        QString flag;
        if (e.isPostClose())
            flag = tr("post-close: %1").arg(DisplayText::postClose(e.postClose()));
        if (e.has(LogEntry::Crossed)) {
            // Already on our side when our Close went out (docs/headless.md).
            const QString crossed = tr("crossed our Close");
            flag = flag.isEmpty() ? crossed : flag + u", "_s + crossed;
        }
        if (flag.isEmpty())
            return preview;
        return preview.isEmpty() ? flag : flag + u"  "_s + preview;
    }
    case EventType::CloseSent:
        return tr("%1 (%2)").arg(DisplayText::closeStatus(e.closeCode(), field(0)),
                                 DisplayText::closeMode(e.closeMode()));
    case EventType::CloseReceived:
        return DisplayText::closeStatus(e.closeCode(), field(0));
    case EventType::StateChange:
        return QString(protocol::stateName(e.from())) + u" \u2192 "_s +
               QString(protocol::stateName(e.to()));
    case EventType::Closed: {
        QStringList parts{DisplayText::closeStatus(e.closeCode(), field(0)),
                          DisplayText::howEnded(e.how())};
        if (e.initiator() != protocol::Initiator::None)
            parts << tr("initiated by %1").arg(DisplayText::initiator(e.initiator()));
        if (e.number >= 0)
            parts << tr("close handshake %1 ms").arg(DisplayText::milliseconds(e.number));
        if (e.has(LogEntry::SentClose)) {
            const protocol::CloseCode sent =
                e.has(LogEntry::HasSentCode) ? protocol::CloseCode(e.sentCode) : std::nullopt;
            parts << tr("we sent %1")
                         .arg(DisplayText::closeStatus(sent, field(LogBuffer::ClosedSentReason)));
        }
        if (const QByteArrayView ack = m_buffer.field(e, LogBuffer::ClosedAckDelay); !ack.isEmpty())
            parts << tr("answered after %1 ms").arg(DisplayText::milliseconds(ack.toLongLong()));
        parts << (e.has(LogEntry::TcpByClient) ? tr("TCP closed by the client")
                                               : tr("TCP closed by the server"));
        return parts.join(u" \u00b7 "_s);
    }
    case EventType::Open: {
        QString text = field(LogBuffer::OpenRemote) + u"  GET "_s + field(LogBuffer::OpenPath);
        if (const QString query = field(LogBuffer::OpenQuery); !query.isEmpty())
            text += u'?' + query;
        if (const QString sub = field(LogBuffer::OpenSubprotocol); !sub.isEmpty())
            text += u"  "_s + tr("subprotocol %1").arg(sub);
        if (const QString origin = field(LogBuffer::OpenOrigin); !origin.isEmpty())
            text += u"  "_s + tr("origin %1").arg(origin);
        if (const QString agent = field(LogBuffer::OpenUserAgent); !agent.isEmpty())
            text += u"  "_s + tr("user agent %1").arg(agent);
        if (e.has(LogEntry::Outgoing))
            text += u"  "_s + tr("outgoing, to %1").arg(field(LogBuffer::OpenUrl));
        return text;
    }
    case EventType::HandshakeFailed:
        if (e.has(LogEntry::Outgoing)) {
            // Our own connection: where it went, and (when the server
            // answered at all) its HTTP status.
            return e.number == 0 ? tr("%1: %2").arg(field(LogBuffer::FailedUrl),
                                                    field(LogBuffer::FailedReason))
                                 : tr("%1: HTTP %2 %3")
                                       .arg(field(LogBuffer::FailedUrl), QString::number(e.number),
                                            field(LogBuffer::FailedReason));
        }
        return tr("%1: HTTP %2 %3")
            .arg(field(LogBuffer::FailedRemote), QString::number(e.number),
                 field(LogBuffer::FailedReason));
    case EventType::Listening: {
        QString address = field(0);
        if (address.contains(u':'))
            address = u'[' + address + u']';
        return address + u':' + QString::number(e.number) + u' ' +
               (e.has(LogEntry::Tls) ? u"(wss)"_s : u"(ws)"_s);
    }
    case EventType::Error:
        return field(0);
    case EventType::NotRelayed: {
        // What it was and why it went no further (docs/headless.md "Proxy mode").
        const QString what =
            e.b != 0 ? tr("control frame") : DisplayText::messageType(protocol::MessageType(e.a));
        return tr("%1 of %2 bytes not passed on: %3")
            .arg(what, QLocale().toString(e.number), field(0));
    }
    case EventType::Result: {
        QString text =
            e.has(LogEntry::Ok) ? tr("ok") : tr("failed: %1").arg(field(LogBuffer::ResultMessage));
        if (const QString id = field(LogBuffer::ResultId); !id.isEmpty())
            text = tr("command %1: %2").arg(id, text);
        if (const QString data = field(LogBuffer::ResultData); !data.isEmpty())
            text += u"  "_s + data;
        return text;
    }
    }
    return {};
}

QString LogModel::tooltip(const LogEntry &e) const
{
    return tr("#%1  %2  (t = %3 s)")
        .arg(QString::number(e.seq), DisplayText::fullTime(e.wallUs),
             QLocale().toString(double(e.tUs) / 1e6, 'f', 6));
}

QVariant LogModel::sortValue(const LogEntry &e, int column) const
{
    switch (column) {
    case Time:
        return qulonglong(e.seq); // the order events happened in
    case Conn:
        return uint(e.conn);
    case Size:
        return e.isPayloadEvent() ? qlonglong(e.number) : qlonglong(-1);
    default:
        return {};
    }
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const LogEntry &e = m_buffer.at(row);

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Time:
            return DisplayText::clockTime(e.wallUs);
        case Conn:
            return e.conn ? QVariant(QString::number(e.conn)) : QVariant();
        case Dir:
            return DisplayText::direction(directionOf(e.type));
        case Event:
            return DisplayText::eventLabel(e.type);
        case Type:
            if (e.type == EventType::MessageIn || e.type == EventType::MessageOut)
                return DisplayText::messageType(e.messageType());
            return {};
        case Size:
            return e.isPayloadEvent() ? QVariant(QLocale().toString(e.number)) : QVariant();
        case State:
            return e.conn ? QVariant(QString(protocol::stateName(e.state))) : QVariant();
        case Details:
            return detailsText(row);
        case Leg:
            switch (e.leg()) {
            case server::Leg::Client:
                return tr("client");
            case server::Leg::Server:
                return tr("server");
            case server::Leg::None:
                return {};
            }
            return {};
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Details) {
            const QString details = detailsText(row);
            return details.size() > 60 ? QVariant(details) : QVariant(tooltip(e));
        }
        if (column == Leg && e.leg() != server::Leg::None)
            return e.leg() == server::Leg::Client
                       ? tr("Pair %1, client leg: the client's connection to CloseCall")
                             .arg(m_buffer.pair(e))
                       : tr("Pair %1, server leg: CloseCall's connection to the target")
                             .arg(m_buffer.pair(e));
        return tooltip(e);
    case Qt::DecorationRole:
        if (column == Event && e.isPostClose())
            return icons::postCloseIcon(e.postClose());
        if (column == Event && e.type == EventType::NotRelayed)
            return icons::postCloseIcon(protocol::PostClose::Discarded);
        return {};
    case Qt::BackgroundRole:
        if (e.isPostClose())
            return icons::postCloseBackground(e.postClose());
        // A frame the other side never saw: marked like a discarded one.
        if (e.type == EventType::NotRelayed)
            return icons::postCloseBackground(protocol::PostClose::Discarded);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Conn || column == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SeqRole:
        return qulonglong(e.seq);
    case ConnIdRole:
        return uint(e.conn);
    case EventTypeRole:
        return int(e.type);
    case PostCloseRole:
        return int(e.postClose());
    case DirRole:
        return int(directionOf(e.type));
    case StateRole:
        return int(e.state);
    case TimeUsRole:
        return qlonglong(e.tUs);
    case WallUsRole:
        return qlonglong(e.wallUs);
    case SizeRole:
        return e.isPayloadEvent() ? qlonglong(e.number) : qlonglong(-1);
    case CloseCodeRole:
        return e.has(LogEntry::HasCode) ? int(e.code) : -1;
    case LegRole:
        return int(e.leg());
    case PairRole:
        return uint(m_buffer.pair(e));
    case SortRole: {
        QVariant v = sortValue(e, column);
        return v.isValid() ? v : data(index, Qt::DisplayRole);
    }
    default:
        return {};
    }
}

void LogModel::removeOldestRows(qsizetype n)
{
    n = std::min(n, m_buffer.size());
    if (n <= 0)
        return;
    // A connection's closed (or failed handshake) event is its last: once
    // it leaves, nothing left in the log needs the remote address.
    for (qsizetype i = 0; i < n; ++i) {
        const LogEntry &e = m_buffer.at(i);
        if (e.type == EventType::Closed || e.type == EventType::HandshakeFailed)
            m_remotes.remove(e.conn);
    }
    beginRemoveRows({}, 0, int(n - 1));
    m_buffer.removeOldest(n);
    m_dropped += quint64(n);
    endRemoveRows();
}

void LogModel::applyBatch(const server::EventBatch &batch)
{
    if (batch.isEmpty())
        return;
    const qsizetype capacity = m_buffer.capacity();
    // A batch bigger than the whole log: its oldest events would be
    // inserted only to be removed again.
    const qsizetype skip = std::max<qsizetype>(0, batch.size() - capacity);
    m_dropped += quint64(skip);
    const qsizetype keep = batch.size() - skip;

    // qBittorrent's order: make room first, then insert, so a view never
    // sees rows beyond the buffer. Room for 1% more than needed: a proxy
    // pays O(rows) to renumber its mapping on every removal, whatever its
    // size, so a full million-row log evicts 10,000 rows every tenth batch
    // instead of 1,000 every batch.
    const qsizetype overflow = m_buffer.size() + keep - capacity;
    if (overflow > 0)
        removeOldestRows(std::max(overflow, std::min(m_buffer.size(), capacity / 100)));

    const int first = int(m_buffer.size());
    beginInsertRows({}, first, first + int(keep) - 1);
    for (qsizetype i = skip; i < batch.size(); ++i) {
        const server::Event &ev = batch[i];
        if (ev.conn != 0) {
            if (const auto *open = ev.get<server::events::Open>())
                m_remotes.insert(ev.conn, open->remote);
            else if (const auto *failed = ev.get<server::events::HandshakeFailed>())
                m_remotes.insert(ev.conn, failed->remote);
        }
        m_buffer.append(ev);
    }
    endInsertRows();
    Q_EMIT sizeChanged(m_buffer.size(), m_dropped);
}

void LogModel::setCapacity(qsizetype capacity)
{
    capacity = std::max<qsizetype>(capacity, 1);
    if (capacity == m_buffer.capacity())
        return;
    const qsizetype excess = m_buffer.size() - capacity;
    removeOldestRows(excess);
    m_buffer.setCapacity(capacity);
    if (excess > 0)
        Q_EMIT sizeChanged(m_buffer.size(), m_dropped);
}

void LogModel::setPreviewBytes(qsizetype bytes)
{
    m_buffer.setPreviewBytes(bytes);
}

void LogModel::clear()
{
    beginResetModel();
    m_buffer.clear();
    m_remotes.clear();
    m_dropped = 0;
    endResetModel();
    Q_EMIT sizeChanged(0, 0);
}

QString LogModel::remoteOf(quint32 conn) const
{
    return m_remotes.value(conn);
}

server::EventBatch LogModel::eventsForExport(const std::function<bool(int row)> &accept) const
{
    server::EventBatch events;
    const int rows = rowCount();
    if (!accept)
        events.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        if (!accept || accept(row))
            events.append(m_buffer.toEvent(m_buffer.at(row)));
    }
    return events;
}

} // namespace closecall::monitor
