#include "connectionspane.h"

#include "common/emptystatetableview.h"
#include "monitor/connectionfilterproxy.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/pairtablemodel.h"

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
    applyDefaultColumns();

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
    // Tab order as the pane reads: the filter bar, then the table (the view
    // was created first, so Tab would skip it after Clear Ended).
    setTabOrder(m_filter, m_hideEnded);
    setTabOrder(m_hideEnded, clearButton);
    setTabOrder(clearButton, m_view);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &monitor::ConnectionFilterProxy::setFilterText);
    connect(m_hideEnded, &QCheckBox::toggled, m_proxy,
            &monitor::ConnectionFilterProxy::setHideEnded);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ConnectionsPane::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ConnectionsPane::updateEmptyText);
    connect(m_proxy, &monitor::ConnectionFilterProxy::criteriaChanged, this,
            &ConnectionsPane::updateEmptyText);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { updateAutoColumns(first, last); });
    const auto rescan = [this] {
        updateAutoColumns(0, m_model->rowCount() - 1);
    };
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, rescan);
    connect(m_model, &QAbstractItemModel::modelReset, this, rescan);
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

void ConnectionsPane::applyDefaultColumns()
{
    // What answers "what did my client do" comes first and fits a 1280 px
    // window beside the docks: who, its state, then the close columns in the
    // order things happen — our Close, the data that came after it, the
    // peer's Close. Role (in / out) comes next, beside Initiated by, whose
    // "client" or "server" it explains. The rest follows; the traffic
    // details and an out row's URL start hidden (the header's context menu
    // shows them; the Path tooltip has the URL).
    using Model = ConnectionTableModel;
    const int order[] = {
        Model::Id,          Model::Remote,       Model::Path,           Model::State,
        Model::CloseSent,   Model::PostClose,    Model::CloseReceived,  Model::ConnRole,
        Model::InitiatedBy, Model::HowEnded,     Model::CloseHandshake, Model::AckDelay,
        Model::Duration,    Model::MsgsIn,       Model::MsgsOut,        Model::Subprotocol,
        Model::Extensions,  Model::Url,          Model::Opened,         Model::BytesIn,
        Model::BytesOut,    Model::LastActivity,
    };
    static_assert(std::size(order) == Model::ColumnCount);
    QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < int(std::size(order)); ++visual)
        header->moveSection(header->visualIndex(order[visual]), visual);

    // Each default width fits a typical value or the header, whichever is
    // wider: a header cut short hides what the column is.
    const QFontMetrics fm = m_view->fontMetrics();
    const struct
    {
        int column;
        const char *sample;
    } widths[] = {
        {Model::Id, "0000"},
        {Model::ConnRole, "out"},
        {Model::Url, "ws://127.0.0.1:9001/chat"},
        {Model::Remote, "127.0.0.1:00000"},
        {Model::Path, "/chat?room"},
        {Model::State, "CloseReceived"},
        {Model::CloseSent, "1001 Going Away: deploy"},
        {Model::PostClose, "0 (delivered)"},
        {Model::CloseReceived, "1000 Normal Closure"},
        {Model::InitiatedBy, "server"},
        {Model::HowEnded, "close handshake"},
        {Model::CloseHandshake, "0000.0 ms"},
        {Model::AckDelay, "0000.0 ms"},
        {Model::Duration, "00:00:00"},
        {Model::Opened, "00:00:00.000"},
        {Model::Subprotocol, "chat.v2"},
        {Model::Extensions, "permessage-deflate"},
        {Model::LastActivity, "00:00:00.000"},
    };
    const int iconRoom = m_view->iconSize().width() > 0 ? m_view->iconSize().width() : 16;
    for (int column = 0; column < Model::ColumnCount; ++column)
        m_view->setColumnWidth(column, header->sectionSizeHint(column));
    for (const auto &w : widths) {
        int width = fm.horizontalAdvance(QLatin1StringView(w.sample)) + 16;
        if (w.column == Model::State || w.column == Model::PostClose)
            width += iconRoom + 4;
        m_view->setColumnWidth(w.column, std::max(width, header->sectionSizeHint(w.column)));
    }
    m_view->setDefaultHiddenColumns(
        {Model::Opened, Model::BytesIn, Model::BytesOut, Model::LastActivity, Model::Url});
    updateAutoColumns(0, m_model->rowCount() - 1);
}

void ConnectionsPane::setPairModel(monitor::PairTableModel *pairs)
{
    m_pairs = pairs;
}

int ConnectionsPane::sourceRowCount() const
{
    return m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
}

void ConnectionsPane::setProxyMode(bool on)
{
    if (on == m_proxyMode || (on && !m_pairs))
        return;
    QHeaderView *header = m_view->horizontalHeader();
    const QByteArray leaving = header->saveState();
    m_proxyMode = on;
    m_proxy->setSourceModel(on ? static_cast<QAbstractItemModel *>(m_pairs) : m_model);
    if (!m_otherHeader.isEmpty() && header->restoreState(m_otherHeader)) {
        m_view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    } else if (on) {
        applyDefaultPairColumns();
    } else {
        applyDefaultColumns();
    }
    m_otherHeader = leaving;
    m_filter->setPlaceholderText(on ? tr("Filter pairs: id, client address, target, path, state…")
                                    : tr("Filter connections: id, address, path, subprotocol, "
                                         "state…"));
    updateEmptyText();
    m_selectionTimer->start();
}

void ConnectionsPane::applyDefaultPairColumns()
{
    // Both legs side by side, each leg's close columns together, in the
    // order things happen; the rest after.
    using Pairs = monitor::PairTableModel;
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < Pairs::ColumnCount; ++column) {
        header->setSectionHidden(column, false);
        header->moveSection(header->visualIndex(column), column);
        m_view->setColumnWidth(column, header->sectionSizeHint(column));
    }
    const QFontMetrics fm = m_view->fontMetrics();
    const int iconRoom = m_view->iconSize().width() > 0 ? m_view->iconSize().width() : 16;
    const struct
    {
        int column;
        const char *sample;
        bool icon;
    } widths[] = {
        {Pairs::Pair, "0000", false},
        {Pairs::Client, "127.0.0.1:00000", false},
        {Pairs::Target, "ws://127.0.0.1:9001/chat", false},
        {Pairs::ClientState, "CloseReceived", true},
        {Pairs::ServerState, "CloseReceived", true},
        {Pairs::CloseToClient, "1001 Going Away", false},
        {Pairs::CloseFromClient, "1000 Normal Closure", false},
        {Pairs::CloseToServer, "1001 Going Away", false},
        {Pairs::CloseFromServer, "1000 Normal Closure", false},
        {Pairs::ClientPostClose, "0 (delivered)", true},
        {Pairs::ServerPostClose, "0 (delivered)", true},
    };
    for (const auto &w : widths) {
        const int width =
            fm.horizontalAdvance(QLatin1StringView(w.sample)) + 16 + (w.icon ? iconRoom + 4 : 0);
        m_view->setColumnWidth(w.column, std::max(width, header->sectionSizeHint(w.column)));
    }
    m_view->setDefaultHiddenColumns({Pairs::Path, Pairs::Opened, Pairs::ClientEnded,
                                     Pairs::ServerEnded, Pairs::ClientInitiatedBy,
                                     Pairs::ServerInitiatedBy});
    header->setSortIndicator(Pairs::Pair, Qt::AscendingOrder);
}

std::pair<quint32, quint32> ConnectionsPane::currentPair() const
{
    if (!m_proxyMode)
        return {0, 0};
    QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return {0, 0};
        current = rows.first();
    }
    return {current.data(monitor::PairTableModel::ClientConnRole).toUInt(),
            current.data(monitor::PairTableModel::ServerConnRole).toUInt()};
}

void ConnectionsPane::updateAutoColumns(int first, int last)
{
    if (m_proxyMode)
        return; // the pair table has neither column
    // Hidden while no connection has a subprotocol or an extension (most
    // clients ask for none, and compression is off by default), shown once
    // one has; after that the operator decides.
    QHeaderView *header = m_view->horizontalHeader();
    const auto update = [&](int column, bool &autoHidden, auto has) {
        bool any = false;
        for (int row = std::max(first, 0); row <= last && row < m_model->rowCount() && !any; ++row)
            any = has(m_model->rowAt(row));
        if (any && autoHidden) {
            header->setSectionHidden(column, false);
            autoHidden = false;
        } else if (!any && (first <= 0 && last >= m_model->rowCount() - 1)) {
            // A full scan found none (start, reset, rows removed): hide it again.
            header->setSectionHidden(column, true);
            autoHidden = true;
        }
    };
    update(ConnectionTableModel::Subprotocol, m_subprotocolAutoHidden,
           [](const auto &row) { return !row.subprotocol.isEmpty(); });
    update(ConnectionTableModel::Extensions, m_extensionsAutoHidden,
           [](const auto &row) { return !row.extensions.isEmpty(); });
}

QList<SelectedConnection> ConnectionsPane::selection() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<SelectedConnection> out;
    out.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows)) {
        const quint32 id = index.data(ConnectionTableModel::ConnIdRole).toUInt();
        if (id == 0)
            continue; // proxy mode: the chosen leg has no connection (yet)
        out.append({id, protocol::State(index.data(ConnectionTableModel::StateRole).toInt())});
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
        const QModelIndex source = m_proxyMode ? m_pairs->indexOfConn(id) : m_model->indexOf(id);
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
    if (sourceRowCount() > 0 && m_proxy->rowCount() == 0)
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
    // The other mode's layout waits until the mode changes.
    m_otherHeader =
        settings.value(m_proxyMode ? u"connections/header"_s : u"connections/pairHeader"_s)
            .toByteArray();
    m_view->restoreHeaderState(settings,
                               m_proxyMode ? u"connections/pairHeader"_s : u"connections/header"_s);
    // A saved layout has its own widths and order; the Subprotocol and
    // Extensions columns still follow the connections.
    m_subprotocolAutoHidden = false;
    m_extensionsAutoHidden = false;
    updateAutoColumns(0, m_model->rowCount() - 1);
    setHideEnded(settings.value(u"connections/hideEnded"_s, false).toBool());
}

void ConnectionsPane::saveState(QSettings &settings) const
{
    m_view->saveHeaderState(settings,
                            m_proxyMode ? u"connections/pairHeader"_s : u"connections/header"_s);
    if (!m_otherHeader.isEmpty())
        settings.setValue(m_proxyMode ? u"connections/header"_s : u"connections/pairHeader"_s,
                          m_otherHeader);
    settings.setValue(u"connections/hideEnded"_s, hideEnded());
}

} // namespace closecall::ui
