#include "logfilterproxy.h"

#include "displaytext.h"
#include "eventjson.h"
#include "logmodel.h"

#include <array>

namespace closecall::monitor {

using server::EventType;

namespace {

constexpr int EventTypeCount = int(server::EventKindCount);
static_assert(EventTypeCount <= 32, "m_typeMask has a bit per event type");
constexpr int StateCount = int(protocol::State::Aborted) + 1;

// ASCII-only case folding: UTF-8's multi-byte sequences never contain
// ASCII bytes, so folding bytes one by one is exact for an ASCII needle.
constexpr std::array<uchar, 256> FoldTable = [] {
    std::array<uchar, 256> t{};
    for (int i = 0; i < 256; ++i)
        t[size_t(i)] = uchar(i >= 'A' && i <= 'Z' ? i + ('a' - 'A') : i);
    return t;
}();

// Whether `hay` contains `needle` (already folded), ignoring ASCII case.
bool containsFolded(QByteArrayView hay, QByteArrayView needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    if (hay.size() < n)
        return false;
    const auto *h = reinterpret_cast<const uchar *>(hay.data());
    const auto *p = reinterpret_cast<const uchar *>(needle.data());
    const uchar first = p[0];
    const qsizetype last = hay.size() - n;
    for (qsizetype i = 0; i <= last; ++i) {
        if (FoldTable[h[i]] != first)
            continue;
        qsizetype j = 1;
        while (j < n && FoldTable[h[i + j]] == p[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

QByteArray folded(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    for (char &c : utf8)
        c = char(FoldTable[uchar(c)]);
    return utf8;
}

// The Details column's hex form of a binary preview ("00 7f ff").
qsizetype writeHex(char *out, QByteArrayView bytes)
{
    static constexpr char Digits[] = "0123456789abcdef";
    char *d = out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            *d++ = ' ';
        const auto b = uchar(bytes[i]);
        *d++ = Digits[b >> 4];
        *d++ = Digits[b & 0xf];
    }
    return d - out;
}

bool isHexText(QByteArrayView folded)
{
    for (const char c : folded) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ' '))
            return false;
    }
    return true;
}

bool isAscii(QByteArrayView s)
{
    for (const char c : s) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(LogModel::SortRole);
    // The log only grows at its end and loses rows at its start; nothing
    // to re-sort or re-filter on dataChanged.
    setDynamicSortFilter(false);
}

LogFilterProxy::~LogFilterProxy() = default;

void LogFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    m_log = qobject_cast<LogModel *>(source);
    compile();
    QSortFilterProxyModel::setSourceModel(source);
}

void LogFilterProxy::setCriteria(const Criteria &criteria)
{
    if (criteria == m_criteria)
        return;
    m_criteria = criteria;
    refilter();
}

void LogFilterProxy::setFilterText(const QString &text)
{
    if (text == m_criteria.text)
        return;
    m_criteria.text = text;
    refilter();
}

void LogFilterProxy::setConnections(const QSet<quint32> &connections)
{
    if (connections == m_criteria.connections)
        return;
    m_criteria.connections = connections;
    refilter();
}

void LogFilterProxy::setEventTypes(const QSet<server::EventType> &types)
{
    if (types == m_criteria.eventTypes)
        return;
    m_criteria.eventTypes = types;
    refilter();
}

void LogFilterProxy::setHiddenEventTypes(const QSet<server::EventType> &types)
{
    if (types == m_hiddenTypes)
        return;
    m_hiddenTypes = types;
    refilter();
}

bool LogFilterProxy::showsKindOf(int sourceRow) const
{
    return !m_log || !(m_hiddenMask & (1u << unsigned(m_log->entry(sourceRow).type)));
}

void LogFilterProxy::setPostCloseOnly(bool on)
{
    if (on == m_criteria.postCloseOnly)
        return;
    m_criteria.postCloseOnly = on;
    refilter();
}

void LogFilterProxy::refilter()
{
    compile();
    // invalidate(), not invalidateFilter(): the latter diffs the old and
    // new row sets and emits one rowsRemoved/rowsInserted per run of
    // changed rows, each erasing from a million-entry mapping, which is
    // quadratic when a text filter keeps scattered rows. invalidate()
    // drops the mapping (one layoutChanged) and rebuilds it with a single
    // filterAcceptsRow() pass.
    invalidate();
    Q_EMIT criteriaChanged();
}

void LogFilterProxy::compile()
{
    m_typeMask = 0;
    for (const EventType t : std::as_const(m_criteria.eventTypes))
        m_typeMask |= 1u << unsigned(t);
    m_hiddenMask = 0;
    for (const EventType t : std::as_const(m_hiddenTypes))
        m_hiddenMask |= 1u << unsigned(t);
    m_hiddenMask &= ~m_typeMask;

    m_needle.clear();
    m_eventTextMatches = 0;
    m_stateMatches = 0;
    m_remoteMatches.clear();
    m_postCloseTextMatches = 0;
    m_needleAscii = true;
    m_needleHex = false;
    const QString &text = m_criteria.text;
    if (text.isEmpty())
        return;
    m_needle = folded(text);
    m_needleAscii = isAscii(m_needle);
    m_needleHex = isHexText(m_needle);
    const auto matches = [&](const QString &hay) {
        return hay.contains(text, Qt::CaseInsensitive);
    };
    for (int t = 0; t < EventTypeCount; ++t) {
        const auto type = EventType(t);
        if (matches(DisplayText::eventLabel(type)) || matches(QString(eventName(type))))
            m_eventTextMatches |= 1u << unsigned(t);
    }
    for (int s = 0; s < StateCount; ++s) {
        if (matches(QString(protocol::stateName(protocol::State(s)))))
            m_stateMatches |= quint8(1u << unsigned(s));
    }
    for (const auto pc : {protocol::PostClose::Delivered, protocol::PostClose::Discarded}) {
        if (matches(tr("post-close: %1").arg(DisplayText::postClose(pc))))
            m_postCloseTextMatches |= quint8(1u << unsigned(pc));
    }
}

bool LogFilterProxy::remoteMatches(quint32 conn) const
{
    // Filled as rows are filtered: a connection's remote is known from its
    // open event on, which the log records before any row that follows it
    // reaches this proxy.
    // Ids count up from 1, so a byte per id is the cheapest cache; a
    // run with more than 16M connections falls back to asking each time.
    constexpr quint32 MaxCached = 1u << 24;
    if (conn < m_remoteMatches.size() && m_remoteMatches[conn] >= 0)
        return m_remoteMatches[conn] != 0;
    const QString remote = m_log->remoteOf(conn);
    if (remote.isEmpty())
        return false;
    const bool match = remote.contains(m_criteria.text, Qt::CaseInsensitive);
    if (conn < MaxCached) {
        if (conn >= m_remoteMatches.size())
            m_remoteMatches.resize(std::max<size_t>(conn + 1, m_remoteMatches.size() * 2), -1);
        m_remoteMatches[conn] = match ? 1 : 0;
    }
    return match;
}

bool LogFilterProxy::textMatches(const LogEntry &e, int sourceRow) const
{
    if (m_eventTextMatches & (1u << unsigned(e.type)))
        return true;
    if (e.conn != 0) {
        if (m_stateMatches & (1u << unsigned(e.state)))
            return true;
        if (remoteMatches(e.conn))
            return true;
    }
    if (!e.isPayloadEvent()) {
        // Opens, closes, errors: few in a big log, and their Details text
        // has several parts; match exactly what the row shows.
        return m_log->detailsText(sourceRow).contains(m_criteria.text, Qt::CaseInsensitive);
    }
    if (m_postCloseTextMatches & (1u << unsigned(e.postClose())))
        return true;
    const QByteArrayView stored = m_log->buffer().text(e);
    if (e.has(LogEntry::BinaryPreview)) {
        // Shown as hex ("ca fe 01"): only hex digits and spaces can match.
        if (!m_needleHex)
            return false;
        char hex[3 * server::MaxPreviewBytes];
        const qsizetype n = writeHex(hex, stored);
        return containsFolded(QByteArrayView(hex, n), m_needle);
    }
    // Printable ASCII is shown as stored; a needle with other characters
    // cannot be in it (exotic case folds such as the Kelvin sign aside).
    if (e.has(LogEntry::Plain))
        return m_needleAscii && containsFolded(stored, m_needle);
    // Control characters, '\\' or non-ASCII text: match the escaped form
    // the Details column shows ("\\n").
    thread_local QByteArray shown;
    shown.clear();
    DisplayText::appendEscapedUtf8(shown, stored, false);
    if (m_needleAscii)
        return containsFolded(shown, m_needle);
    return QString::fromUtf8(shown).contains(m_criteria.text, Qt::CaseInsensitive);
}

bool LogFilterProxy::acceptsSourceRow(int sourceRow) const
{
    if (!m_log)
        return true;
    const LogEntry &e = m_log->entry(sourceRow);
    if (m_typeMask != 0 && !(m_typeMask & (1u << unsigned(e.type))))
        return false;
    if (m_hiddenMask & (1u << unsigned(e.type)))
        return false;
    if (m_criteria.postCloseOnly && !e.isPostClose())
        return false;
    if (!m_criteria.connections.isEmpty() && !m_criteria.connections.contains(e.conn))
        return false;
    return m_needle.isEmpty() || textMatches(e, sourceRow);
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    return acceptsSourceRow(sourceRow);
}

bool LogFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_log)
        return QSortFilterProxyModel::lessThan(left, right);
    const LogEntry &a = m_log->entry(left.row());
    const LogEntry &b = m_log->entry(right.row());
    // Ties fall back to the order the events happened in.
    const auto by = [&](auto x, auto y) {
        return x != y ? x < y : a.seq < b.seq;
    };
    switch (left.column()) {
    case LogModel::Time:
        return a.seq < b.seq;
    case LogModel::Conn:
        return by(a.conn, b.conn);
    case LogModel::Dir:
        return by(int(directionOf(a.type)), int(directionOf(b.type)));
    case LogModel::Event:
        return by(int(a.type), int(b.type));
    case LogModel::Type:
        return by(a.isPayloadEvent() ? int(a.messageType()) : -1,
                  b.isPayloadEvent() ? int(b.messageType()) : -1);
    case LogModel::Size:
        return by(a.isPayloadEvent() ? a.number : -1, b.isPayloadEvent() ? b.number : -1);
    case LogModel::State:
        return by(a.conn ? int(a.state) : -1, b.conn ? int(b.state) : -1);
    default: {
        const int c = m_log->detailsText(left.row())
                          .compare(m_log->detailsText(right.row()), Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.seq < b.seq;
    }
    }
}

} // namespace closecall::monitor
