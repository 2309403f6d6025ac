#include "logpane.h"

#include "logview.h"

#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"

#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using monitor::LogModel;
using server::EventType;

namespace {

struct EventKind
{
    EventType type;
    const char *text;
};

// In the order an operator thinks of them: data, control frames, the close
// handshake, then the rest.
const EventKind eventKinds[] = {
    {EventType::MessageIn, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Message in")},
    {EventType::MessageOut, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Message out")},
    {EventType::PingIn, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Ping in")},
    {EventType::PongIn, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Pong in")},
    {EventType::PingOut, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Ping out")},
    {EventType::PongOut, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Pong out")},
    {EventType::CloseSent, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Close sent")},
    {EventType::CloseReceived, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Close received")},
    {EventType::StateChange, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "State change")},
    {EventType::Closed, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Closed")},
    {EventType::Open, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Open")},
    {EventType::HandshakeFailed, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Handshake failed")},
    {EventType::Error, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Error")},
    {EventType::Result,
     QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Command results (hidden unless chosen)")},
    {EventType::Listening, QT_TRANSLATE_NOOP("closecall::ui::LogPane", "Listening")},
};

constexpr int FilterDelayMs = 150;

} // namespace

LogPane::LogPane(LogModel *model, QAction *clearLog, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new monitor::LogFilterProxy(this))
    , m_view(new LogView(this))
    , m_filter(new QLineEdit(this))
    , m_eventsButton(new QToolButton(this))
    , m_eventsMenu(new QMenu(this))
    , m_selectedOnly(new QCheckBox(tr("S&elected connections only"), this))
    , m_postCloseOnly(new QCheckBox(tr("&Post-close only"), this))
    , m_followButton(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_filterTimer(new QTimer(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(LogModel::SortRole);
    // Command results acknowledge the headless mode's scripted commands; the
    // GUI shows what a command did where the operator clicked. Choosing the
    // kind in the Events menu shows them.
    m_proxy->setHiddenEventTypes({EventType::Result});

    m_view->setObjectName(u"logView"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // The log is in arrival order unless the operator sorts it.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setEmptyText(tr("No events yet"),
                         tr("Every frame and event of every connection appears here."));
    const QFontMetrics fm = m_view->fontMetrics();
    const struct
    {
        int column;
        const char *sample;
    } widths[] = {
        {LogModel::Time, "00:00:00.000000"},
        {LogModel::Conn, "00000"},
        {LogModel::Dir, "out"},
        {LogModel::Event, "MM Close received"},
        {LogModel::Type, "binary"},
        {LogModel::Size, "0000000"},
        {LogModel::State, "CloseReceived"},
    };
    for (const auto &w : widths)
        m_view->setColumnWidth(w.column, fm.horizontalAdvance(QLatin1StringView(w.sample)) + 16);

    m_filter->setObjectName(u"logFilter"_s);
    m_filter->setPlaceholderText(tr("Filter the log: text, code, reason, event, state, address…"));
    m_filter->setClearButtonEnabled(true);

    m_eventsButton->setObjectName(u"logEventsButton"_s);
    m_eventsButton->setPopupMode(QToolButton::InstantPopup);
    m_eventsButton->setMenu(m_eventsMenu);
    m_eventsButton->setToolTip(tr("Show only some kinds of event"));
    buildEventMenu();

    m_selectedOnly->setObjectName(u"logSelectedOnlyCheck"_s);
    m_selectedOnly->setToolTip(tr("Show only the events of the connections selected in the table"));
    m_postCloseOnly->setObjectName(u"logPostCloseOnlyCheck"_s);
    m_postCloseOnly->setToolTip(
        tr("Show only data that arrived after our Close went out (delivered or discarded)"));

    m_followButton->setObjectName(u"followTailButton"_s);
    m_followButton->setIcon(QIcon(u":/icons/follow.svg"_s));
    m_followButton->setText(tr("Follow"));
    m_followButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setAutoRaise(true);
    m_followButton->setToolTip(tr("Keep the newest event in sight (scrolling up pauses this; "
                                  "End or this button resumes)"));

    auto *clearButton = new QToolButton(this);
    clearButton->setDefaultAction(clearLog);
    clearButton->setAutoRaise(true);
    m_count->setObjectName(u"logCountLabel"_s);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_eventsButton);
    bar->addWidget(m_selectedOnly);
    bar->addWidget(m_postCloseOnly);
    bar->addWidget(m_count);
    bar->addWidget(m_followButton);
    bar->addWidget(clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    // Tab order as the pane reads: the filter bar, then the log (the view
    // was created first).
    setTabOrder(m_filter, m_eventsButton);
    setTabOrder(m_eventsButton, m_selectedOnly);
    setTabOrder(m_selectedOnly, m_postCloseOnly);
    setTabOrder(m_postCloseOnly, m_followButton);
    setTabOrder(m_followButton, clearButton);
    setTabOrder(clearButton, m_view);

    // Typing re-filters once the operator pauses: a million rows per
    // keystroke would be wasted work.
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &LogPane::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, &LogPane::scheduleFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &LogPane::applyFilter);
    connect(m_selectedOnly, &QCheckBox::toggled, this, &LogPane::applyFilter);
    connect(m_postCloseOnly, &QCheckBox::toggled, this, &LogPane::applyFilter);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &LogPane::showContextMenu);

    connect(m_followButton, &QToolButton::clicked, this, [this](bool on) {
        if (on)
            m_view->followTail();
        else
            m_view->scrollToTop();
    });
    connect(m_view, &LogView::followingChanged, m_followButton, &QToolButton::setChecked);

    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &LogPane::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogPane::updateCountLabel);
    // "6 of 527": the total moves with every batch even when the filter lets
    // none of its rows through (then the proxy says nothing).
    connect(m_model, &LogModel::sizeChanged, this, &LogPane::updateCountLabel);
    updateCountLabel();
}

void LogPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    const quint32 conn = index.isValid() ? index.data(LogModel::ConnIdRole).toUInt() : 0;
    QMenu menu(this);
    for (QAction *action : m_view->actions())
        menu.addAction(action);
    if (conn != 0) {
        menu.addSeparator();
        QAction *select = menu.addAction(tr("Select Connection %1 in the Table").arg(conn));
        connect(select, &QAction::triggered, this,
                [this, conn] { emit selectConnectionRequested(conn); });
        QAction *only = menu.addAction(tr("Show Only Connection %1").arg(conn));
        connect(only, &QAction::triggered, this, [this, conn] {
            emit selectConnectionRequested(conn);
            m_selectedOnly->setChecked(true);
        });
    }
    if (m_proxy->isFiltering()) {
        menu.addSeparator();
        QAction *clear = menu.addAction(tr("Clear the Filter"));
        connect(clear, &QAction::triggered, this, &LogPane::clearFilter);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void LogPane::clearFilter()
{
    const QSignalBlocker blockSelected(m_selectedOnly);
    const QSignalBlocker blockPostClose(m_postCloseOnly);
    m_selectedOnly->setChecked(false);
    m_postCloseOnly->setChecked(false);
    for (QAction *action : std::as_const(m_eventActions)) {
        const QSignalBlocker block(action);
        action->setChecked(false);
    }
    m_filter->clear();
    applyFilter();
}

void LogPane::buildEventMenu()
{
    QAction *all = m_eventsMenu->addAction(tr("All events"));
    connect(all, &QAction::triggered, this, [this] {
        for (QAction *action : std::as_const(m_eventActions))
            action->setChecked(false);
        applyFilter();
    });
    QAction *closing = m_eventsMenu->addAction(tr("The close handshake only"));
    connect(closing, &QAction::triggered, this, [this] {
        for (QAction *action : std::as_const(m_eventActions)) {
            const auto type = EventType(action->data().toInt());
            action->setChecked(type == EventType::CloseSent || type == EventType::CloseReceived ||
                               type == EventType::StateChange || type == EventType::Closed);
        }
        applyFilter();
    });
    m_eventsMenu->addSeparator();
    for (const EventKind &kind : eventKinds) {
        QAction *action = m_eventsMenu->addAction(tr(kind.text));
        action->setCheckable(true);
        action->setData(int(kind.type));
        connect(action, &QAction::toggled, this, &LogPane::scheduleFilter);
        m_eventActions.append(action);
    }
    m_eventsButton->setText(tr("Events: all"));
}

void LogPane::setSelectedConnections(const QList<quint32> &ids)
{
    if (ids == m_selected)
        return;
    m_selected = ids;
    if (m_selectedOnly->isChecked())
        scheduleFilter();
}

bool LogPane::isFiltering() const
{
    return m_proxy->isFiltering();
}

int LogPane::visibleRows() const
{
    return m_proxy->rowCount();
}

void LogPane::scheduleFilter()
{
    m_filterTimer->start();
}

void LogPane::applyFilter()
{
    m_filterTimer->stop();
    monitor::LogFilterProxy::Criteria criteria;
    criteria.text = m_filter->text().trimmed();
    int checked = 0;
    for (QAction *action : std::as_const(m_eventActions)) {
        if (action->isChecked()) {
            criteria.eventTypes.insert(EventType(action->data().toInt()));
            ++checked;
        }
    }
    m_eventsButton->setText(checked == 0 ? tr("Events: all")
                                         : tr("Events: %n kind(s)", nullptr, checked));
    if (m_selectedOnly->isChecked()) {
        criteria.connections = QSet<quint32>(m_selected.cbegin(), m_selected.cend());
        // Nothing selected shows nothing: an empty set would mean "all".
        if (criteria.connections.isEmpty())
            criteria.connections.insert(0xffffffffu);
    }
    criteria.postCloseOnly = m_postCloseOnly->isChecked();
    if (criteria == m_proxy->criteria())
        return;
    m_proxy->setCriteria(criteria);
    m_view->setEmptyText(
        m_proxy->isFiltering() && m_model->rowCount() > 0 ? tr("No event matches the filter")
                                                          : tr("No events yet"),
        m_proxy->isFiltering() ? QString()
                               : tr("Every frame and event of every connection appears here."));
    if (m_view->isFollowingTail())
        m_view->followTail();
    updateCountLabel();
    emit filterChanged();
}

void LogPane::updateCountLabel()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(m_proxy->isFiltering() ? tr("%L1 of %L2").arg(shown).arg(total)
                                            : tr("%Ln event(s)", nullptr, total));
}

QString LogPane::selectionAsText() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    QStringList cells;
    for (int column = 0; column < m_proxy->columnCount(); ++column)
        cells.append(m_proxy->headerData(column, Qt::Horizontal).toString());
    lines.append(cells.join(u'\t'));
    for (const QModelIndex &row : std::as_const(rows)) {
        cells.clear();
        for (int column = 0; column < m_proxy->columnCount(); ++column)
            cells.append(m_proxy->index(row.row(), column).data().toString());
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

void LogPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool LogPane::selectEvent(quint64 seq)
{
    // The log is in seq order, oldest first.
    int low = 0;
    int high = m_model->rowCount();
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (m_model->entry(middle).seq < seq)
            low = middle + 1;
        else
            high = middle;
    }
    if (low >= m_model->rowCount() || m_model->entry(low).seq != seq)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(low, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->selectRow(index.row());
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void LogPane::setPostCloseOnly(bool on)
{
    m_postCloseOnly->setChecked(on);
}

void LogPane::setFilterText(const QString &text)
{
    m_filter->setText(text);
    applyFilter();
}

void LogPane::setProxyMode(bool on)
{
    QHeaderView *header = m_view->horizontalHeader();
    const int leg = monitor::LogModel::Leg;
    if (on && header->visualIndex(leg) == leg) {
        // First shown: beside the connection id, where it is read with it.
        header->moveSection(header->visualIndex(leg),
                            header->visualIndex(monitor::LogModel::Conn) + 1);
        m_view->setColumnWidth(leg, m_view->fontMetrics().horizontalAdvance(tr("server")) + 24);
    }
    header->setSectionHidden(leg, !on);
}

void LogPane::restoreState(const QSettings &settings)
{
    m_view->restoreHeaderState(settings, u"log/header"_s);
}

void LogPane::saveState(QSettings &settings) const
{
    m_view->saveHeaderState(settings, u"log/header"_s);
}

} // namespace closecall::ui
