#include "emptystatetableview.h"

#include <QtCore/QSettings>
#include <QtGui/QPainter>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>

namespace closecall::ui {

EmptyStateTableView::EmptyStateTableView(QWidget *parent)
    : QTableView(parent)
{
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setCornerButtonEnabled(false);
    // Tab leaves the table for the next control (arrows move between cells),
    // so the keyboard can get in and out of it.
    setTabKeyNavigation(false);

    // Uniform rows: a fixed height, never measured per row.
    QHeaderView *rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);
    rows->setMinimumSectionSize(fontMetrics().height() + 2);
    rows->hide();

    QHeaderView *columns = horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setStretchLastSection(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QWidget::customContextMenuRequested, this,
            &EmptyStateTableView::showHeaderMenu);
}

void EmptyStateTableView::setDefaultHiddenColumns(const QList<int> &columns)
{
    for (int column : columns)
        horizontalHeader()->setSectionHidden(column, true);
}

void EmptyStateTableView::showHeaderMenu(const QPoint &pos)
{
    if (!model())
        return;
    QHeaderView *header = horizontalHeader();
    QMenu menu(this);
    menu.addSection(tr("Columns"));
    int visible = 0;
    for (int column = 0; column < header->count(); ++column)
        visible += header->isSectionHidden(column) ? 0 : 1;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        QAction *action = menu.addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column stays: a table without columns is a trap.
        action->setEnabled(header->isSectionHidden(column) || visible > 1);
        connect(action, &QAction::toggled, this,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    if (isSortingEnabled()) {
        menu.addSeparator();
        QAction *unsorted = menu.addAction(tr("Original order"));
        unsorted->setEnabled(header->sortIndicatorSection() >= 0);
        connect(unsorted, &QAction::triggered, this, [this, header] {
            header->setSortIndicator(-1, Qt::AscendingOrder);
            sortByColumn(-1, Qt::AscendingOrder);
        });
    }
    menu.exec(header->mapToGlobal(pos));
}

void EmptyStateTableView::setEmptyText(const QString &title, const QString &hint)
{
    if (title == m_title && hint == m_hint)
        return;
    m_title = title;
    m_hint = hint;
    viewport()->update();
}

void EmptyStateTableView::restoreHeaderState(const QSettings &settings, const QString &key)
{
    const QByteArray state = settings.value(key).toByteArray();
    if (state.isEmpty() || !horizontalHeader()->restoreState(state))
        return;
    // restoreState() sets the indicator without sorting: sort as it says.
    if (isSortingEnabled())
        sortByColumn(horizontalHeader()->sortIndicatorSection(),
                     horizontalHeader()->sortIndicatorOrder());
}

void EmptyStateTableView::saveHeaderState(QSettings &settings, const QString &key) const
{
    settings.setValue(key, horizontalHeader()->saveState());
}

void EmptyStateTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!model() || model()->rowCount(rootIndex()) > 0 || m_title.isEmpty())
        return;

    QPainter painter(viewport());
    const QRect area = viewport()->rect().adjusted(24, 16, -24, -16);
    QColor colour = palette().color(QPalette::PlaceholderText);

    QFont titleFont = font();
    titleFont.setPointSizeF(font().pointSizeF() * 1.25);
    const QFontMetrics titleMetrics(titleFont);
    const int titleHeight = titleMetrics.height() * 2;
    const QFontMetrics hintMetrics(font());
    const QRect hintBounds =
        hintMetrics.boundingRect(area, Qt::AlignHCenter | Qt::TextWordWrap, m_hint);
    const int total = titleHeight + (m_hint.isEmpty() ? 0 : hintBounds.height() + 4);
    QRect titleRect(area.left(), area.center().y() - total / 2, area.width(), titleHeight);

    painter.setPen(colour);
    painter.setFont(titleFont);
    painter.drawText(titleRect, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, m_title);
    if (!m_hint.isEmpty()) {
        painter.setFont(font());
        colour.setAlphaF(0.8f);
        painter.setPen(colour);
        const QRect hintRect(area.left(), titleRect.bottom() + 4, area.width(),
                             hintBounds.height());
        painter.drawText(hintRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_hint);
    }
}

} // namespace closecall::ui
