#include "timelinesvg.h"

#include "exporttarget.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

namespace {

using L = TimelineLayout;

// Text for an SVG text node or attribute value.
QByteArray xml(const QString &text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 16);
    for (const char c : utf8) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            // Labels are escaped for display already (no C0 controls);
            // this keeps the document well-formed whatever comes.
            if (uchar(c) < 0x20 && c != '\t')
                out += ' ';
            else
                out += c;
        }
    }
    return out;
}

QByteArray num(qreal v)
{
    return QByteArray::number(v, 'f', 1);
}

class Svg
{
public:
    QByteArray out;

    void line(qreal x1, qreal y1, qreal x2, qreal y2, QLatin1StringView colour, qreal width,
              bool dashed = false)
    {
        out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
               num(y2) + "\" stroke=\"" + QByteArray(colour.data(), colour.size()) +
               "\" stroke-width=\"" + num(width) + '"';
        if (dashed)
            out += " stroke-dasharray=\"6 4\"";
        out += "/>\n";
    }
    void rect(qreal x, qreal y, qreal w, qreal h, QByteArrayView fill, QByteArrayView stroke = {},
              qreal radius = 0)
    {
        out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
               "\" height=\"" + num(h) + "\" fill=\"" + fill.toByteArray() + '"';
        if (!stroke.isEmpty())
            out += " stroke=\"" + stroke.toByteArray() + '"';
        if (radius > 0)
            out += " rx=\"" + num(radius) + '"';
        out += "/>\n";
    }
    // anchor: "start", "middle", "end".
    void text(qreal x, qreal y, const QString &content, QLatin1StringView colour, int size,
              const char *anchor, bool bold = false, bool italic = false,
              QByteArrayView cssClass = {})
    {
        out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" fill=\"" +
               QByteArray(colour.data(), colour.size()) + "\" font-size=\"" +
               QByteArray::number(size) + "\" text-anchor=\"" + anchor + '"';
        if (bold)
            out += " font-weight=\"bold\"";
        if (italic)
            out += " font-style=\"italic\"";
        if (!cssClass.isEmpty())
            out += " class=\"" + cssClass.toByteArray() + '"';
        out += '>' + xml(content) + "</text>\n";
    }
};

QByteArray kindClass(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::Upgrade:
        return "upgrade";
    case TimelineKind::Refused:
        return "refused";
    case TimelineKind::Message:
        return "message";
    case TimelineKind::Ping:
        return "ping";
    case TimelineKind::Pong:
        return "pong";
    case TimelineKind::Close:
        return "close";
    case TimelineKind::TcpFin:
        return "tcp-fin";
    case TimelineKind::TcpRst:
        return "tcp-rst";
    case TimelineKind::Note:
        return "note";
    case TimelineKind::Idle:
        return "idle";
    case TimelineKind::Collapsed:
        return "collapsed";
    }
    return "item";
}

} // namespace

QByteArray timelineSvg(const TimelineLayout &layout)
{
    Svg svg;
    const QLatin1StringView muted = timelineRoleColour(TimelineRole::Muted);
    const QLatin1StringView normal = timelineRoleColour(TimelineRole::Normal);
    svg.out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
               num(L::Width) + "\" height=\"" + num(layout.height) + "\" viewBox=\"0 0 " +
               num(L::Width) + ' ' + num(layout.height) +
               "\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n";
    svg.out += "<title>" + xml(layout.title) + "</title>\n";
    svg.rect(0, 0, L::Width, layout.height, "#ffffff");
    svg.text(16, 24, layout.title, normal, 14, "start", true);

    // The closing handshake's band, under everything else.
    if (layout.closeBottom > layout.closeTop)
        svg.rect(L::ServerX - 70, layout.closeTop, L::ClientX - L::ServerX + 140,
                 layout.closeBottom - layout.closeTop, "#fff6e5");

    // The lanes: a header box and a lifeline each.
    const qreal lifeTop = L::HeaderHeight - 14;
    const qreal lifeBottom = layout.height - L::FooterHeight - 4;
    for (const auto &[x, title] :
         {std::pair{L::ServerX, layout.serverTitle}, std::pair{L::ClientX, layout.clientTitle}}) {
        svg.rect(x - 110, 38, 220, 24, "#eceff1", "#90a4ae", 4);
        svg.text(x, 55, title, normal, 12, "middle", true);
        svg.line(x, lifeTop, x, lifeBottom, "#b0bec5"_L1, 2);
    }

    for (const TimelineItem &item : layout.items) {
        const QLatin1StringView colour = timelineRoleColour(item.role);
        svg.out += "<g class=\"" + kindClass(item.kind) + '"';
        if (item.seq)
            svg.out += " data-seq=\"" + QByteArray::number(item.seq) + '"';
        svg.out += ">\n<title>" + xml(item.details) + "</title>\n";
        const qreal y = item.y;
        switch (item.kind) {
        case TimelineKind::Idle:
        case TimelineKind::Collapsed:
            for (const qreal x : {L::ServerX, L::ClientX}) {
                svg.rect(x - 7, y - 4, 14, 8, "#ffffff");
                svg.line(x - 7, y - 4, x + 7, y - 6, muted, 1.5);
                svg.line(x - 7, y + 4, x + 7, y + 2, muted, 1.5);
            }
            svg.text((L::ServerX + L::ClientX) / 2, y + 4, item.label, muted, 12, "middle", false,
                     true, "label");
            break;
        case TimelineKind::Note:
            svg.rect(L::ServerX + 24, y - 15, L::ClientX - L::ServerX - 48, 21, "#ffffff",
                     QByteArrayView(colour.data(), colour.size()), 4);
            svg.text((L::ServerX + L::ClientX) / 2, y, item.label, colour, 12, "middle", false,
                     false, "label");
            break;
        default: {
            const qreal from = L::fromX(item);
            const qreal to = L::toX(item);
            const bool tcp = item.kind == TimelineKind::TcpFin || item.kind == TimelineKind::TcpRst;
            const qreal sign = to > from ? 1 : -1;
            svg.line(from, y, to - sign * 9, y, colour,
                     item.kind == TimelineKind::Close ? 2.5 : 1.8, tcp);
            svg.out += "<polygon points=\"" + num(to) + ',' + num(y) + ' ' + num(to - sign * 10) +
                       ',' + num(y - 5) + ' ' + num(to - sign * 10) + ',' + num(y + 5) +
                       "\" fill=\"" + QByteArray(colour.data(), colour.size()) + "\"/>\n";
            const bool bold = item.kind == TimelineKind::Close || tcp || item.postClose > 0;
            svg.text((L::ServerX + L::ClientX) / 2, y - 6, item.label, colour, 12, "middle", bold,
                     false, "label");
            break;
        }
        }
        if (!item.delta.isEmpty())
            svg.text(L::ServerX - 14, y + 4, item.delta, muted, 11, "end", false, false, "delta");
        if (!item.clock.isEmpty() && item.kind != TimelineKind::Collapsed)
            svg.text(L::ClientX + 14, y + 4, item.clock, muted, 10, "start", false, false, "clock");
        svg.out += "</g>\n";
    }

    // The legend, so a pasted picture explains its colours.
    qreal x = 16;
    const qreal legendY = layout.height - 8;
    for (const auto &[role, words] : timelineLegend()) {
        const QLatin1StringView colour = timelineRoleColour(role);
        svg.rect(x, legendY - 9, 10, 10, QByteArrayView(colour.data(), colour.size()));
        svg.text(x + 14, legendY, words, muted, 10, "start");
        x += 28 + words.size() * 5.6;
    }
    svg.out += "</svg>\n";
    return svg.out;
}

ExportResult writeTimelineSvg(const TimelineLayout &layout, const QString &path)
{
    ExportResult result;
    ExportFile file(path);
    if (!file.open() || !file.write(timelineSvg(layout)) || !file.commit()) {
        result.error = file.errorString();
        return result;
    }
    result.events = layout.items.size();
    return result;
}

} // namespace closecall::monitor
