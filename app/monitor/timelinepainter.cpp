#include "timelinepainter.h"

#include "exporttarget.h"
#include "timelinesvg.h"

#include <QtCore/QBuffer>
#include <QtCore/QCoreApplication>
#include <QtGui/QFontMetricsF>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

namespace closecall::monitor {

namespace {

using L = TimelineLayout;

// lupdate files this namespace's tr() texts under "closecall::monitor".
QString tr(const char *text)
{
    return QCoreApplication::translate("closecall::monitor", text);
}

QColor colourOf(TimelineRole role)
{
    return QColor(QString(timelineRoleColour(role)));
}

class Pen
{
public:
    explicit Pen(QPainter &painter)
        : m_painter(painter)
        , m_base(painter.font())
    {}

    // Text with its baseline at y; anchor as in SVG: left, centre or right of x.
    // Returns the text's width.
    qreal text(qreal x, qreal y, const QString &content, const QColor &colour, int pixelSize,
               Qt::Alignment anchor, bool bold = false, bool italic = false)
    {
        QFont font = m_base;
        font.setPixelSize(pixelSize);
        font.setBold(bold);
        font.setItalic(italic);
        m_painter.setFont(font);
        const qreal width = QFontMetricsF(font).horizontalAdvance(content);
        if (anchor & Qt::AlignHCenter)
            x -= width / 2;
        else if (anchor & Qt::AlignRight)
            x -= width;
        m_painter.setPen(colour);
        m_painter.drawText(QPointF(x, y), content);
        return width;
    }

private:
    QPainter &m_painter;
    QFont m_base;
};

} // namespace

void paintTimeline(QPainter &p, const TimelineLayout &layout, const TimelineHighlight &highlight)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    Pen pen(p);
    const QColor muted = colourOf(TimelineRole::Muted);
    const QColor normal = colourOf(TimelineRole::Normal);

    p.fillRect(QRectF(0, 0, L::Width, layout.height), Qt::white);
    pen.text(16, 24, layout.title, normal, 14, Qt::AlignLeft, true);

    if (layout.closeBottom > layout.closeTop)
        p.fillRect(QRectF(L::ServerX - 70, layout.closeTop, L::ClientX - L::ServerX + 140,
                          layout.closeBottom - layout.closeTop),
                   QColor(0xff, 0xf6, 0xe5));

    // Hover and selection sit under the items, across the diagram.
    const auto band = [&](int index, const QColor &colour) {
        if (index >= 0 && index < layout.items.size())
            p.fillRect(QRectF(L::ServerX - 60, layout.items[index].y - L::Pitch / 2 - 4,
                              L::ClientX - L::ServerX + 120, L::Pitch),
                       colour);
    };
    if (highlight.hovered != highlight.selected)
        band(highlight.hovered, QColor(0xec, 0xf3, 0xfd));
    band(highlight.selected, QColor(0xcf, 0xe3, 0xfc));

    const qreal lifeTop = L::HeaderHeight - 14;
    const qreal lifeBottom = layout.height - L::FooterHeight - 4;
    for (const auto &[x, title] :
         {std::pair{L::ServerX, layout.serverTitle}, std::pair{L::ClientX, layout.clientTitle}}) {
        p.setPen(QPen(QColor(0x90, 0xa4, 0xae), 1));
        p.setBrush(QColor(0xec, 0xef, 0xf1));
        p.drawRoundedRect(QRectF(x - 110, 38, 220, 24), 4, 4);
        pen.text(x, 55, title, normal, 12, Qt::AlignHCenter, true);
        p.setPen(QPen(QColor(0xb0, 0xbe, 0xc5), 2));
        p.drawLine(QPointF(x, lifeTop), QPointF(x, lifeBottom));
    }

    for (const TimelineItem &item : layout.items) {
        const QColor colour = colourOf(item.role);
        const qreal y = item.y;
        const qreal middle = (L::ServerX + L::ClientX) / 2;
        switch (item.kind) {
        case TimelineKind::Idle:
        case TimelineKind::Collapsed:
            for (const qreal x : {L::ServerX, L::ClientX}) {
                p.fillRect(QRectF(x - 7, y - 4, 14, 8), Qt::white);
                p.setPen(QPen(muted, 1.5));
                p.drawLine(QPointF(x - 7, y - 4), QPointF(x + 7, y - 6));
                p.drawLine(QPointF(x - 7, y + 4), QPointF(x + 7, y + 2));
            }
            pen.text(middle, y + 4, item.label, muted, 12, Qt::AlignHCenter, false, true);
            break;
        case TimelineKind::Note:
            p.setPen(QPen(colour, 1));
            p.setBrush(Qt::white);
            p.drawRoundedRect(QRectF(L::ServerX + 24, y - 15, L::ClientX - L::ServerX - 48, 21), 4,
                              4);
            pen.text(middle, y, item.label, colour, 12, Qt::AlignHCenter);
            break;
        default: {
            const qreal from = L::fromX(item);
            const qreal to = L::toX(item);
            const bool tcp = item.kind == TimelineKind::TcpFin || item.kind == TimelineKind::TcpRst;
            const qreal sign = to > from ? 1 : -1;
            QPen line(colour, item.kind == TimelineKind::Close ? 2.5 : 1.8);
            if (tcp)
                line.setDashPattern({6.0 / 1.8, 4.0 / 1.8});
            p.setPen(line);
            p.drawLine(QPointF(from, y), QPointF(to - sign * 9, y));
            QPainterPath head;
            head.moveTo(to, y);
            head.lineTo(to - sign * 10, y - 5);
            head.lineTo(to - sign * 10, y + 5);
            head.closeSubpath();
            p.fillPath(head, colour);
            const bool bold = item.kind == TimelineKind::Close || tcp || item.postClose > 0;
            pen.text(middle, y - 6, item.label, colour, 12, Qt::AlignHCenter, bold);
            break;
        }
        }
        if (!item.delta.isEmpty())
            pen.text(L::ServerX - 14, y + 4, item.delta, muted, 11, Qt::AlignRight);
        if (!item.clock.isEmpty() && item.kind != TimelineKind::Collapsed)
            pen.text(L::ClientX + 14, y + 4, item.clock, muted, 10, Qt::AlignLeft);
    }

    qreal x = 16;
    const qreal legendY = layout.height - 8;
    for (const auto &[role, words] : timelineLegend()) {
        p.fillRect(QRectF(x, legendY - 9, 10, 10), colourOf(role));
        x += 14 + pen.text(x + 14, legendY, words, muted, 10, Qt::AlignLeft) + 16;
    }
    p.restore();
}

QImage renderTimeline(const TimelineLayout &layout, qreal scale)
{
    QImage image(QSize(qCeil(L::Width * scale), qCeil(layout.height * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paintTimeline(painter, layout);
    painter.end();
    return image;
}

ExportResult writeTimelinePng(const TimelineLayout &layout, const QString &path, qreal scale)
{
    ExportResult result;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!renderTimeline(layout, scale).save(&buffer, "PNG")) {
        result.error = cannotWriteMessage(path, tr("the PNG could not be encoded"));
        return result;
    }
    ExportFile file(path);
    if (!file.open() || !file.write(png) || !file.commit()) {
        result.error = file.errorString();
        return result;
    }
    result.events = layout.items.size();
    return result;
}

ExportResult writeTimeline(const TimelineLayout &layout, const QString &path, TimelineFormat format)
{
    return format == TimelineFormat::Png ? writeTimelinePng(layout, path)
                                         : writeTimelineSvg(layout, path);
}

} // namespace closecall::monitor
