#include "logview.h"

#include <QtWidgets/QScrollBar>

namespace closecall::ui {

LogView::LogView(QWidget *parent)
    : EmptyStateTableView(parent)
{
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);
    // The range grows when rows arrive; at the bottom, keep up with it.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_following && !m_adjusting)
            scrollToBottom();
    });
}

void LogView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    EmptyStateTableView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &LogView::onRowsAboutToChange);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &LogView::onRowsAboutToChange);
    connect(model, &QAbstractItemModel::rowsInserted, this, &LogView::onRowsChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LogView::onRowsChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &LogView::onRowsChanged);
    connect(model, &QAbstractItemModel::layoutChanged, this, &LogView::onRowsChanged);
}

bool LogView::atBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void LogView::setFollowing(bool on)
{
    if (on == m_following)
        return;
    m_following = on;
    emit followingChanged(on);
}

void LogView::followTail()
{
    setFollowing(true);
    scrollToBottom();
}

void LogView::onScrolled()
{
    // Only the operator's scrolling decides; our own adjustments and the
    // shifts caused by rows arriving or leaving do not.
    if (!m_adjusting)
        setFollowing(atBottom());
}

void LogView::onRowsAboutToChange()
{
    m_followBeforeChange = m_following;
    m_adjusting = true;
}

void LogView::onRowsChanged()
{
    m_adjusting = false;
    if (m_followBeforeChange)
        scrollToBottom();
}

} // namespace closecall::ui
