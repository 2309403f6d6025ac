#include "connectionspane.h"

#include "common/emptystatetableview.h"
#include "monitor/connectionfilterproxy.h"
#include "monitor/connectiontablemodel.h"

#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QStyledItemDelegate>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using monitor::ConnectionTableModel;

namespace {

// The model colours the rows waiting for the operator to answer the peer's
// Close (manual acknowledge); bold text makes them stand out further, in a
// long table and for colour-blind eyes.
class AwaitingAckDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(ConnectionTableModel::AwaitingAckRole).toBool())
            option->font.setBold(true);
    }
};

} // namespace

ConnectionsPane::ConnectionsPane(ConnectionTableModel *model, QAction *clearEnded, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new monitor::ConnectionFilterProxy(this))
    , m_view(new EmptyStateTableView(this))
    , m_filter(new QLineEdit(this))
    , m_hideEnded(new QCheckBox(tr("Hide e&nded"), this))
    , m_selectionTimer(new QTimer(this))
{
    m_proxy->setSourceModel(model);

    m_view->setObjectName(u"connectionsView"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new AwaitingAckDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setSortIndicator(ConnectionTableModel::Id, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    const QFontMetrics fm = m_view->fontMetrics();
    const struct
    {
        int column;
        const char *sample;
    } widths[] = {
        {ConnectionTableModel::Id, "00000"},
        {ConnectionTableModel::Remote, "127.0.0.1:00000"},
        {ConnectionTableModel::Path, "/chat?room=0"},
        {ConnectionTableModel::State, "MM CloseReceived"},
        {ConnectionTableModel::Opened, "00:00:00.000"},
        {ConnectionTableModel::Duration, "00:00:00"},
        {ConnectionTableModel::Subprotocol, "Subprotocol"},
        {ConnectionTableModel::CloseSent, "1001 Going Away: deploy in progr"},
        {ConnectionTableModel::CloseReceived, "1000 Normal Closure: bye"},
        {ConnectionTableModel::PostClose, "MM 0 (delivered)"},
    };
    for (const auto &w : widths)
        m_view->setColumnWidth(w.column, fm.horizontalAdvance(QLatin1StringView(w.sample)) + 16);
    for (int column : {ConnectionTableModel::MsgsIn, ConnectionTableModel::MsgsOut}) {
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(column, fm.horizontalAdvance(title) + 20);
    }
    // The close columns matter most, in the order things happen: our Close,
    // the data that came after it, the peer's Close. The traffic details
    // start hidden (the header's context menu shows them).
    QHeaderView *header = m_view->horizontalHeader();
    header->moveSection(header->visualIndex(ConnectionTableModel::PostClose),
                        header->visualIndex(ConnectionTableModel::CloseReceived));
    m_view->setDefaultHiddenColumns({ConnectionTableModel::Opened, ConnectionTableModel::BytesIn,
                                     ConnectionTableModel::BytesOut,
                                     ConnectionTableModel::LastActivity});

    m_filter->setObjectName(u"connectionsFilter"_s);
    m_filter->setPlaceholderText(tr("Filter connections: id, address, path, subprotocol, state…"));
    m_filter->setClearButtonEnabled(true);
    m_hideEnded->setObjectName(u"hideEndedCheck"_s);
    m_hideEnded->setToolTip(tr("Hide the Closed and Aborted rows (Clear ended removes them)"));
    auto *clearButton = new QToolButton(this);
    clearButton->setDefaultAction(clearEnded);
    clearButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    clearButton->setAutoRaise(true);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_hideEnded);
    bar->addWidget(clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &monitor::ConnectionFilterProxy::setFilterText);
    connect(m_hideEnded, &QCheckBox::toggled, m_proxy,
            &monitor::ConnectionFilterProxy::setHideEnded);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ConnectionsPane::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ConnectionsPane::updateEmptyText);
    connect(m_proxy, &monitor::ConnectionFilterProxy::criteriaChanged, this,
            &ConnectionsPane::updateEmptyText);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        emit contextMenuRequested(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit activated(index.data(ConnectionTableModel::ConnIdRole).toUInt());
    });

    // One notification per event-loop turn, however many rows changed.
    m_selectionTimer->setSingleShot(true);
    m_selectionTimer->setInterval(0);
    connect(m_selectionTimer, &QTimer::timeout, this, &ConnectionsPane::selectionChanged);
    const auto poke = [this] {
        m_selectionTimer->start();
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, poke);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, poke);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, poke);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, poke);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit currentChanged(current.data(ConnectionTableModel::ConnIdRole).toUInt());
            });
}

QList<SelectedConnection> ConnectionsPane::selection() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<SelectedConnection> out;
    out.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows)) {
        out.append({index.data(ConnectionTableModel::ConnIdRole).toUInt(),
                    protocol::State(index.data(ConnectionTableModel::StateRole).toInt())});
    }
    return out;
}

QList<quint32> ConnectionsPane::selectedIds() const
{
    QList<quint32> ids;
    for (const SelectedConnection &c : selection())
        ids.append(c.id);
    return ids;
}

quint32 ConnectionsPane::currentId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (current.isValid())
        return current.data(ConnectionTableModel::ConnIdRole).toUInt();
    const QList<quint32> ids = selectedIds();
    return ids.isEmpty() ? 0 : ids.first();
}

void ConnectionsPane::selectConnections(const QList<quint32> &ids)
{
    QItemSelection selection;
    QModelIndex first;
    for (quint32 id : ids) {
        const QModelIndex source = m_model->indexOf(id);
        const QModelIndex index = m_proxy->mapFromSource(source);
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index);
    }
    QItemSelectionModel *model = m_view->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
}

QString ConnectionsPane::selectionAsText() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    const QHeaderView *header = m_view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QStringList lines;
    QStringList cells;
    for (int column : std::as_const(columns))
        cells.append(m_proxy->headerData(column, Qt::Horizontal).toString());
    lines.append(cells.join(u'\t'));
    for (const QModelIndex &row : std::as_const(rows)) {
        cells.clear();
        for (int column : std::as_const(columns)) {
            QString text = m_proxy->index(row.row(), column).data().toString();
            text.replace(u'\t', u' ').replace(u'\n', u' ');
            cells.append(text);
        }
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

void ConnectionsPane::setEmptyState(const QString &title, const QString &hint)
{
    m_emptyTitle = title;
    m_emptyHint = hint;
    updateEmptyText();
}

void ConnectionsPane::updateEmptyText()
{
    if (m_model->rowCount() > 0 && m_proxy->rowCount() == 0)
        m_view->setEmptyText(
            tr("No connection matches the filter"),
            m_hideEnded->isChecked() ? tr("Ended connections are hidden (Hide ended)") : QString());
    else
        m_view->setEmptyText(m_emptyTitle, m_emptyHint);
}

void ConnectionsPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool ConnectionsPane::hideEnded() const
{
    return m_hideEnded->isChecked();
}

void ConnectionsPane::setHideEnded(bool hide)
{
    m_hideEnded->setChecked(hide);
}

void ConnectionsPane::restoreState(const QSettings &settings)
{
    m_view->restoreHeaderState(settings, u"connections/header"_s);
    setHideEnded(settings.value(u"connections/hideEnded"_s, false).toBool());
}

void ConnectionsPane::saveState(QSettings &settings) const
{
    m_view->saveHeaderState(settings, u"connections/header"_s);
    settings.setValue(u"connections/hideEnded"_s, hideEnded());
}

} // namespace closecall::ui
