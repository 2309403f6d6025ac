#pragma once

#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QString>

// Sorting and filtering for the connections table. Sorts on
// ConnectionTableModel::SortRole (numbers for numeric columns, so "10"
// sorts after "9"); filters by free text and can hide ended rows.
namespace closecall::monitor {

class ConnectionTableModel;

class ConnectionFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ConnectionFilterProxy(QObject *parent = nullptr);

    // A ConnectionTableModel's rows are read directly; any other model
    // (PairTableModel in proxy mode) is filtered through data(): its cells'
    // text, and EndedRole for Hide ended.
    void setSourceModel(QAbstractItemModel *source) override;

    // Case-insensitive; matches the id ("7" or "#7"), remote, path and
    // query, subprotocol, origin, user agent and state name. Empty = all.
    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);

    // Hides Closed and Aborted rows.
    bool hideEnded() const { return m_hideEnded; }
    void setHideEnded(bool hide);

Q_SIGNALS:
    void criteriaChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ConnectionTableModel *m_connections = nullptr;
    QString m_text;
    bool m_hideEnded = false;
};

} // namespace closecall::monitor
