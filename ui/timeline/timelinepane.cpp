#include "timelinepane.h"

#include "monitor/logmodel.h"
#include "monitor/logmodelexport.h"

#include <QtCore/QTimer>
#include <QtGui/QContextMenuEvent>
#include <QtGui/QHelpEvent>
#include <QtGui/QPainter>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QToolTip>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using monitor::TimelineLayout;

namespace {

// New events are drawn at most this often: the whole connection is laid
// out again from the log each time (cheap, but not per frame in a flood).
constexpr int RebuildMs = 200;

} // namespace

// ---- the canvas ---------------------------------------------------------------

TimelineCanvas::TimelineCanvas(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"timelineCanvas"_s);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TimelineCanvas::setTimeline(const TimelineLayout &layout)
{
    // The selection follows its event, wherever it is drawn now.
    const quint64 selectedSeq =
        m_highlight.selected >= 0 ? m_layout.items.value(m_highlight.selected).seq : 0;
    m_layout = layout;
    m_highlight.hovered = -1;
    m_highlight.selected = selectedSeq ? m_layout.indexOfSeq(selectedSeq) : -1;
    setFixedSize(sizeHint());
    update();
}

void TimelineCanvas::setSelected(int index)
{
    m_highlight.selected = index;
    update();
}

QSize TimelineCanvas::sizeHint() const
{
    return QSize(qCeil(TimelineLayout::Width), qCeil(m_layout.height));
}

bool TimelineCanvas::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = m_layout.itemAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), m_layout.items[index].details, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TimelineCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    monitor::paintTimeline(painter, m_layout, m_highlight);
}

void TimelineCanvas::mouseMoveEvent(QMouseEvent *event)
{
    setHovered(m_layout.itemAt(event->position()));
    QWidget::mouseMoveEvent(event);
}

void TimelineCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const int index = m_layout.itemAt(event->position());
        if (index >= 0) {
            setSelected(index);
            emit itemClicked(index);
        }
    }
    QWidget::mousePressEvent(event);
}

void TimelineCanvas::leaveEvent(QEvent *event)
{
    setHovered(-1);
    QWidget::leaveEvent(event);
}

void TimelineCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    emit contextMenuWanted(event->globalPos());
}

void TimelineCanvas::setHovered(int index)
{
    if (index == m_highlight.hovered)
        return;
    m_highlight.hovered = index;
    setCursor(index >= 0 && m_layout.items[index].seq ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

// ---- the pane -----------------------------------------------------------------

TimelinePane::TimelinePane(const monitor::LogModel *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_canvas(new TimelineCanvas(this))
    , m_rebuildTimer(new QTimer(this))
{
    setObjectName(u"timelinePane"_s);
    m_empty->setObjectName(u"timelineEmptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_scroll->setObjectName(u"timelineScroll"_s);
    m_scroll->setWidget(m_canvas);
    m_scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll->setBackgroundRole(QPalette::Base);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(RebuildMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, &TimelinePane::rebuild);
    connect(log, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(log, &QAbstractItemModel::modelReset, this, &TimelinePane::scheduleRebuild);
    connect(m_canvas, &TimelineCanvas::itemClicked, this, [this](int index) {
        if (const quint64 seq = timeline().items.value(index).seq)
            emit eventActivated(seq);
    });
    connect(m_canvas, &TimelineCanvas::contextMenuWanted, this, &TimelinePane::showMenu);
    rebuild();
}

void TimelinePane::showConnection(quint32 conn)
{
    if (conn == m_conn)
        return;
    m_conn = conn;
    m_canvas->setSelected(-1);
    rebuild();
    m_scroll->verticalScrollBar()->setValue(m_scroll->verticalScrollBar()->maximum());
}

void TimelinePane::rebuild()
{
    m_rebuildTimer->stop();
    m_dirty = false;
    const bool wasEmpty = !hasTimeline();
    const QScrollBar *bar = m_scroll->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;

    TimelineLayout layout;
    if (m_conn != 0) {
        const monitor::LogModel &log = *m_log;
        const quint32 conn = m_conn;
        layout = monitor::layoutTimeline(
            monitor::logModelView(log,
                                  [&log, conn](int row) { return log.entry(row).conn == conn; }),
            conn);
    }
    m_canvas->setTimeline(layout);
    if (layout.isEmpty()) {
        m_empty->setText(m_conn == 0 ? tr("Select a connection to see its timeline: its upgrade, "
                                          "frames and closing handshake on a time axis.")
                                     : tr("The log holds no events of connection %1.").arg(m_conn));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_scroll);
        // Keep the newest in sight while the reader is at the end.
        if (atBottom)
            QTimer::singleShot(0, m_scroll, [scroll = m_scroll] {
                scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
            });
    }
    if (wasEmpty != layout.isEmpty() || !layout.isEmpty())
        emit timelineChanged();
}

void TimelinePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        rebuild();
}

void TimelinePane::onRowsInserted(int first, int last)
{
    if (m_conn == 0)
        return;
    for (int row = first; row <= last; ++row) {
        if (m_log->entry(row).conn == m_conn) {
            scheduleRebuild();
            return;
        }
    }
}

void TimelinePane::scheduleRebuild()
{
    m_dirty = true;
    // Hidden (a closed or background dock): drawn when shown.
    if (isVisible() && !m_rebuildTimer->isActive())
        m_rebuildTimer->start();
}

void TimelinePane::showMenu(const QPoint &globalPos)
{
    QMenu menu(this);
    if (m_exportAction)
        menu.addAction(m_exportAction);
    const int hovered = m_canvas->hovered();
    if (hovered >= 0 && timeline().items[hovered].seq) {
        const quint64 seq = timeline().items[hovered].seq;
        menu.addAction(tr("Show in the &Log"), this, [this, seq, hovered] {
            m_canvas->setSelected(hovered);
            emit eventActivated(seq);
        });
    }
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

} // namespace closecall::ui
