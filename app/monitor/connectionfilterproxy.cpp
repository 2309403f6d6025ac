#include "connectionfilterproxy.h"

#include "connectiontablemodel.h"

namespace closecall::monitor {

using namespace Qt::StringLiterals;

ConnectionFilterProxy::ConnectionFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ConnectionTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Rows change state as events come: a row that ends must disappear at
    // once when ended rows are hidden, and sorted columns stay sorted.
    setDynamicSortFilter(true);
}

void ConnectionFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    m_connections = qobject_cast<ConnectionTableModel *>(source);
    QSortFilterProxyModel::setSourceModel(source);
}

void ConnectionFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
    Q_EMIT criteriaChanged();
}

void ConnectionFilterProxy::setHideEnded(bool hide)
{
    if (hide == m_hideEnded)
        return;
    m_hideEnded = hide;
    invalidateFilter();
    Q_EMIT criteriaChanged();
}

bool ConnectionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (!m_connections) {
        // Another model over the same rows (PairTableModel): its EndedRole
        // says whether the row has ended.
        QAbstractItemModel *source = sourceModel();
        if (m_hideEnded &&
            source->index(sourceRow, 0).data(ConnectionTableModel::EndedRole).toBool())
            return false;
        if (m_text.isEmpty())
            return true;
        QAbstractItemModel *model = sourceModel();
        for (int c = 0; c < model->columnCount(); ++c) {
            if (model->index(sourceRow, c).data().toString().contains(m_text, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    const ConnectionRow &r = m_connections->rowAt(sourceRow);
    if (m_hideEnded && r.isEnded())
        return false;
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &hay) {
        return hay.contains(m_text, Qt::CaseInsensitive);
    };
    const QString id = QString::number(r.id);
    return id == m_text || u'#' + id == m_text || has(r.remote) || has(r.path) || has(r.query) ||
           has(r.subprotocol) || has(r.origin) || has(r.userAgent) || has(r.url) ||
           has(QString(protocol::stateName(r.state)));
}

} // namespace closecall::monitor
