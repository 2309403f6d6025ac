#include "timelinelayout.h"

#include "displaytext.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

using server::Direction;
using server::Event;
namespace events = server::events;

namespace {

// The timeline's words (lupdate files them under this context).
class TimelineText final
{
    Q_DECLARE_TR_FUNCTIONS(closecall::monitor::TimelineText)
};

// A label is one line between the lifelines: longer texts are cut.
constexpr qsizetype MaxLabelChars = 64;
// Payload previews on the diagram are shorter still.
constexpr qsizetype MaxPreviewChars = 24;

QString cut(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    return text.left(max - 1) + u'\u2026';
}

QString quoted(const QString &text)
{
    return u'\u201c' + text + u'\u201d';
}

QString bytes(qint64 size)
{
    return TimelineText::tr("%1 B").arg(QLocale().toString(size));
}

// "29 min", "4.2 s", "1 h 3 min": how long a break lasted.
QString pauseText(qint64 us)
{
    const double s = double(us) / 1e6;
    if (s < 60)
        return TimelineText::tr("%1 s").arg(QLocale().toString(s, 'f', 1));
    const qint64 minutes = qint64(s) / 60;
    if (minutes < 60)
        return TimelineText::tr("%1 min").arg(minutes);
    return TimelineText::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

// "+12.3 ms"; below a millisecond with µs ("+0.016 ms"): the steps of a
// close handshake on loopback are that short.
QString deltaText(qint64 us)
{
    const QLocale locale;
    const double ms = double(us) / 1000.0;
    return TimelineText::tr("+%1 ms").arg(locale.toString(ms, 'f', us < 1000 ? 3 : 1));
}

QString previewOf(const events::Payload &p)
{
    const bool binary = p.messageType == protocol::MessageType::Binary;
    return DisplayText::preview(p.preview, binary, p.size > p.preview.size());
}

// "text 5 B “hello”".
QString payloadSummary(const events::Payload &p, bool withType)
{
    QString text =
        withType ? DisplayText::messageType(p.messageType) + u' ' + bytes(p.size) : bytes(p.size);
    if (!p.preview.isEmpty())
        text += u' ' + quoted(cut(previewOf(p), MaxPreviewChars));
    return text;
}

QString stateLine(const Event &e)
{
    return TimelineText::tr("state: %1").arg(QString(protocol::stateName(e.state)));
}

// The tooltip's common head: what, when, which event.
QString detailsHead(const Event &e)
{
    return DisplayText::eventLabel(e.type()) + u'\n' +
           TimelineText::tr("time: %1").arg(DisplayText::fullTime(e.wallUs)) + u'\n' +
           TimelineText::tr("event #%1").arg(e.seq) + u'\n' + stateLine(e);
}

struct Builder
{
    quint32 conn;
    TimelineLayout layout;
    QList<TimelineItem> items; // before placement
    int postClose = 0;
    bool closeSent = false;

    TimelineItem &add(const Event &e, TimelineKind kind, Direction dir, TimelineRole role,
                      const QString &label)
    {
        TimelineItem item;
        item.kind = kind;
        item.direction = dir;
        item.role = role;
        item.label = cut(label, MaxLabelChars);
        item.details = detailsHead(e);
        item.clock = DisplayText::clockTime(e.wallUs);
        item.seq = e.seq;
        item.tUs = item.endUs = e.tUs;
        items.append(item);
        return items.last();
    }

    void addPayload(const Event &e, const events::Payload &p, TimelineKind kind, Direction dir)
    {
        QString label;
        TimelineRole role = TimelineRole::Normal;
        int number = 0;
        if (kind == TimelineKind::Message) {
            label = payloadSummary(p, true);
            if (p.postClose != protocol::PostClose::None) {
                number = ++postClose;
                role = p.postClose == protocol::PostClose::Delivered ? TimelineRole::Delivered
                                                                     : TimelineRole::Discarded;
                label = TimelineText::tr("#%1 %2 · %3")
                            .arg(number)
                            .arg(DisplayText::postClose(p.postClose), label);
            }
        } else {
            label = (kind == TimelineKind::Ping ? TimelineText::tr("Ping %1")
                                                : TimelineText::tr("Pong %1"))
                        .arg(payloadSummary(p, false));
        }
        TimelineItem &item = add(e, kind, dir, role, label);
        item.postClose = number;
        item.details += u'\n' + TimelineText::tr("%1, %2").arg(
                                    DisplayText::messageType(p.messageType), bytes(p.size));
        if (p.postClose != protocol::PostClose::None)
            item.details += u'\n' + TimelineText::tr("after our Close: %1 (post-close #%2)")
                                        .arg(DisplayText::postClose(p.postClose))
                                        .arg(number);
        if (!p.preview.isEmpty())
            item.details += u'\n' + cut(previewOf(p), 200);
    }

    void addClosed(const Event &e, const events::Closed &c)
    {
        using protocol::HowEnded;
        const Direction byClient = c.tcpClosedByClient ? Direction::In : Direction::Out;
        const QString tcpDetails =
            u'\n' +
            TimelineText::tr("TCP closed by: %1")
                .arg(DisplayText::initiator(c.tcpClosedByClient ? protocol::Initiator::Client
                                                                : protocol::Initiator::Server));
        switch (c.how) {
        case HowEnded::Timeout:
            add(e, TimelineKind::Note, Direction::None, TimelineRole::Failure,
                TimelineText::tr("Close timeout: no Close from the client"));
            add(e, TimelineKind::TcpRst, Direction::Out, TimelineRole::Failure,
                TimelineText::tr("TCP RST (after the timeout)"));
            break;
        case HowEnded::Abort:
            add(e, TimelineKind::TcpRst, Direction::Out, TimelineRole::Failure,
                TimelineText::tr("TCP RST (Abort)"));
            break;
        case HowEnded::PeerReset:
            add(e, TimelineKind::TcpRst, Direction::In, TimelineRole::Failure,
                TimelineText::tr("TCP RST from the client"));
            break;
        case HowEnded::PeerEof:
            add(e, TimelineKind::TcpFin, Direction::In, TimelineRole::Failure,
                TimelineText::tr("TCP FIN without a Close"))
                .details += tcpDetails;
            break;
        case HowEnded::ProtocolError:
            add(e, TimelineKind::TcpFin, byClient, TimelineRole::Failure,
                TimelineText::tr("TCP FIN (protocol error)"))
                .details += tcpDetails;
            break;
        case HowEnded::Handshake:
            add(e, TimelineKind::TcpFin, byClient, TimelineRole::Normal,
                c.tcpClosedByClient ? TimelineText::tr("TCP FIN (the client closed first)")
                                    : TimelineText::tr("TCP FIN"))
                .details += tcpDetails;
            break;
        }

        // The end: the final state, the table's code, and the handshake time.
        QString label =
            QString(protocol::stateName(e.state)) + u" · " + DisplayText::closeCode(c.code);
        if (c.closeHandshakeUs >= 0)
            label += u" · " + TimelineText::tr("close handshake %1 ms")
                                  .arg(DisplayText::milliseconds(c.closeHandshakeUs));
        TimelineItem &end =
            add(e, TimelineKind::Note, Direction::None,
                e.state == protocol::State::Closed ? TimelineRole::Normal : TimelineRole::Failure,
                label);
        end.details += u'\n' + TimelineText::tr("how: %1").arg(DisplayText::howEnded(c.how));
        end.details +=
            u'\n' + TimelineText::tr("code: %1").arg(DisplayText::closeStatus(c.code, c.reason));
        if (c.initiatedBy != protocol::Initiator::None)
            end.details +=
                u'\n' +
                TimelineText::tr("first Close from: %1").arg(DisplayText::initiator(c.initiatedBy));
        if (postClose > 0)
            end.details += u'\n' + TimelineText::tr("messages after our Close: %1").arg(postClose);
    }

    void take(const Event &e)
    {
        if (e.conn != conn)
            return;
        server::visit(
            server::Overloaded{
                [](const events::Listening &) {},
                [](const events::Result &) {},
                [](const events::StateChange &) {}, // every item says its state
                [&](const events::HandshakeFailed &f) {
                    if (layout.clientTitle.isEmpty())
                        layout.clientTitle = TimelineText::tr("Client %1").arg(f.remote);
                    TimelineItem &item = add(
                        e, TimelineKind::Refused, Direction::Out, TimelineRole::Failure,
                        TimelineText::tr("Upgrade refused: %1 %2").arg(f.httpStatus).arg(f.reason));
                    item.details += u'\n' + f.reason;
                },
                [&](const events::Open &o) {
                    layout.clientTitle = TimelineText::tr("Client %1").arg(o.remote);
                    layout.title =
                        TimelineText::tr("Connection %1 · %2 · %3").arg(conn).arg(o.remote, o.path);
                    QString target = o.path;
                    if (!o.query.isEmpty())
                        target += u'?' + o.query;
                    QString label = TimelineText::tr("Upgrade: GET %1 → 101").arg(target);
                    if (!o.subprotocol.isEmpty())
                        label += u' ' + TimelineText::tr("(%1)").arg(o.subprotocol);
                    TimelineItem &item =
                        add(e, TimelineKind::Upgrade, Direction::In, TimelineRole::Normal, label);
                    item.details += u'\n' + TimelineText::tr("path: %1").arg(target);
                    if (!o.subprotocol.isEmpty())
                        item.details +=
                            u'\n' + TimelineText::tr("subprotocol: %1").arg(o.subprotocol);
                    if (!o.origin.isEmpty())
                        item.details += u'\n' + TimelineText::tr("origin: %1").arg(o.origin);
                    if (!o.userAgent.isEmpty())
                        item.details += u'\n' + TimelineText::tr("user agent: %1").arg(o.userAgent);
                },
                [&](const events::MessageIn &p) {
                    addPayload(e, p, TimelineKind::Message, Direction::In);
                },
                [&](const events::MessageOut &p) {
                    addPayload(e, p, TimelineKind::Message, Direction::Out);
                },
                [&](const events::PingIn &p) {
                    addPayload(e, p, TimelineKind::Ping, Direction::In);
                },
                [&](const events::PongIn &p) {
                    addPayload(e, p, TimelineKind::Pong, Direction::In);
                },
                [&](const events::PingOut &p) {
                    addPayload(e, p, TimelineKind::Ping, Direction::Out);
                },
                [&](const events::PongOut &p) {
                    addPayload(e, p, TimelineKind::Pong, Direction::Out);
                },
                [&](const events::CloseSent &c) {
                    QString label = TimelineText::tr("Close %1")
                                        .arg(DisplayText::closeStatus(c.code, cut(c.reason, 28)));
                    label += u" · " + DisplayText::closeMode(c.mode);
                    TimelineItem &item =
                        add(e, TimelineKind::Close, Direction::Out, TimelineRole::Close, label);
                    item.details += u'\n' + DisplayText::closeStatus(c.code, c.reason);
                    item.details +=
                        u'\n' + TimelineText::tr("mode: %1").arg(DisplayText::closeMode(c.mode));
                },
                [&](const events::CloseReceived &c) {
                    TimelineItem &item =
                        add(e, TimelineKind::Close, Direction::In, TimelineRole::Close,
                            TimelineText::tr("Close %1")
                                .arg(DisplayText::closeStatus(c.code, cut(c.reason, 28))));
                    item.details += u'\n' + DisplayText::closeStatus(c.code, c.reason);
                },
                [&](const events::Closed &c) { addClosed(e, c); },
                [&](const events::Error &err) {
                    TimelineItem &item =
                        add(e, TimelineKind::Note, Direction::None, TimelineRole::Failure,
                            TimelineText::tr("Error: %1").arg(err.message));
                    item.details += u'\n' + err.message;
                },
                [&](const events::NotRelayed &n) {
                    TimelineItem &item =
                        add(e, TimelineKind::Note, Direction::None, TimelineRole::Failure,
                            TimelineText::tr("Not relayed: %1").arg(n.reason));
                    item.details += u'\n' + n.reason;
                },
            },
            e);
    }
};

bool isRunKind(TimelineKind kind)
{
    return kind == TimelineKind::Message || kind == TimelineKind::Ping ||
           kind == TimelineKind::Pong;
}

// Keeps the first and last `keep` of every run of messages, pings and pongs
// longer than `maxRun`; the middle becomes one summary.
QList<TimelineItem> collapseRuns(const QList<TimelineItem> &items, const TimelineOptions &options)
{
    const int keep = std::max(1, options.keepAtEnds);
    const int maxRun = std::max(options.maxRun, 2 * keep + 1);
    QList<TimelineItem> out;
    qsizetype i = 0;
    while (i < items.size()) {
        qsizetype end = i;
        while (end < items.size() && isRunKind(items[end].kind))
            ++end;
        if (end == i) {
            out.append(items[i++]);
            continue;
        }
        if (end - i <= maxRun) {
            for (; i < end; ++i)
                out.append(items[i]);
            continue;
        }
        for (qsizetype k = i; k < i + keep; ++k)
            out.append(items[k]);
        const qsizetype first = i + keep;
        const qsizetype last = end - keep; // exclusive
        int in = 0, outCount = 0, delivered = 0, discarded = 0;
        for (qsizetype k = first; k < last; ++k) {
            (items[k].direction == Direction::In ? in : outCount) += 1;
            delivered += items[k].role == TimelineRole::Delivered;
            discarded += items[k].role == TimelineRole::Discarded;
        }
        const QLocale locale;
        TimelineItem summary;
        summary.kind = TimelineKind::Collapsed;
        summary.role = TimelineRole::Muted;
        summary.label =
            TimelineText::tr("⋯ %1 more frames (%2 in, %3 out) ⋯")
                .arg(locale.toString(last - first), locale.toString(in), locale.toString(outCount));
        summary.details = summary.label;
        if (delivered + discarded > 0)
            summary.details +=
                u'\n' + TimelineText::tr("after our Close: %1 delivered, %2 discarded")
                            .arg(delivered)
                            .arg(discarded);
        summary.tUs = items[first].tUs;
        summary.endUs = items[last - 1].endUs;
        summary.clock = items[first].clock;
        out.append(summary);
        for (qsizetype k = last; k < end; ++k)
            out.append(items[k]);
        i = end;
    }
    return out;
}

} // namespace

TimelineLayout layoutTimeline(const EventView &events, quint32 conn, const TimelineOptions &options)
{
    Builder builder{conn, {}, {}};
    builder.layout.conn = conn;
    events.forEach([&](const Event &e) { builder.take(e); });
    TimelineLayout layout = std::move(builder.layout);
    if (builder.items.isEmpty())
        return layout;
    if (layout.title.isEmpty())
        layout.title = TimelineText::tr("Connection %1").arg(conn);
    if (layout.clientTitle.isEmpty())
        layout.clientTitle = TimelineText::tr("Client");
    layout.serverTitle = TimelineText::tr("CloseCall (server)");

    const QList<TimelineItem> items = collapseRuns(builder.items, options);

    // Place them: a fixed pitch, a little more after a longer pause (log
    // scale: 1 ms adds 4 px, 1 s about 24), and a break for an idle stretch.
    qreal y = TimelineLayout::HeaderHeight;
    for (const TimelineItem &source : items) {
        TimelineItem item = source;
        if (layout.items.isEmpty()) {
            y += TimelineLayout::Pitch / 2;
        } else {
            // A copy: appending a break below may move the list.
            const TimelineItem previous = layout.items.last();
            const qint64 gap = std::max<qint64>(0, item.tUs - previous.endUs);
            // After a break the break says how long it was; a summary has
            // no single time of its own.
            bool measured =
                previous.kind != TimelineKind::Collapsed && item.kind != TimelineKind::Collapsed;
            if (gap >= options.idleGapUs) {
                TimelineItem idle;
                idle.kind = TimelineKind::Idle;
                idle.role = TimelineRole::Muted;
                idle.label = TimelineText::tr("⋯ %1 idle ⋯").arg(pauseText(gap));
                idle.details = TimelineText::tr("nothing happened for %1 (%2 ms); compressed")
                                   .arg(pauseText(gap), DisplayText::milliseconds(gap));
                idle.tUs = previous.endUs;
                idle.endUs = item.tUs;
                idle.y = y + TimelineLayout::BreakPitch / 2;
                layout.items.append(idle);
                y += TimelineLayout::BreakPitch;
                measured = false;
            }
            const qreal extra = gap >= options.idleGapUs
                                    ? 0
                                    : std::min(TimelineLayout::MaxExtra,
                                               1.6 * std::log2(1.0 + double(gap) / 1000.0));
            y += (item.kind == TimelineKind::Collapsed ? TimelineLayout::BreakPitch
                                                       : TimelineLayout::Pitch) +
                 extra;
            // Several items of one event (a closed event's FIN and end) are one moment.
            if (measured && item.seq != previous.seq)
                item.delta = deltaText(gap);
        }
        y = std::round(y); // whole pixels: crisp lines at scale 1
        item.y = y;
        layout.items.append(item);
    }

    // The closing handshake's band: from the first Close to the end.
    for (const TimelineItem &item : std::as_const(layout.items)) {
        if (item.kind == TimelineKind::Close || item.kind == TimelineKind::TcpRst ||
            item.kind == TimelineKind::TcpFin) {
            layout.closeTop = item.y - TimelineLayout::Pitch / 2;
            layout.closeBottom = layout.items.last().y + TimelineLayout::Pitch / 2;
            break;
        }
    }
    layout.height = y + TimelineLayout::Pitch / 2 + TimelineLayout::FooterHeight;
    return layout;
}

int TimelineLayout::itemAt(QPointF point) const
{
    if (point.x() < ServerX - 60 || point.x() > ClientX + 60)
        return -1;
    int best = -1;
    qreal bestDistance = Pitch / 2;
    for (int i = 0; i < items.size(); ++i) {
        // The label sits above the arrow: the row spans both.
        const qreal middle = items[i].y - 6;
        const qreal distance = std::abs(point.y() - middle);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

int TimelineLayout::indexOfSeq(quint64 seq) const
{
    for (int i = 0; i < items.size(); ++i) {
        if (items[i].seq == seq && seq != 0)
            return i;
    }
    return -1;
}

qreal TimelineLayout::fromX(const TimelineItem &item)
{
    return item.direction == Direction::In ? ClientX : ServerX;
}

qreal TimelineLayout::toX(const TimelineItem &item)
{
    return item.direction == Direction::In ? ServerX : ClientX;
}

QLatin1StringView timelineRoleColour(TimelineRole role)
{
    // Delivered and discarded are the log's post-close colours
    // (monitoricons.cpp), Close the CloseReceived blue.
    switch (role) {
    case TimelineRole::Normal:
        return "#37474f"_L1;
    case TimelineRole::Delivered:
        return "#c77c00"_L1;
    case TimelineRole::Discarded:
        return "#d32f2f"_L1;
    case TimelineRole::Close:
        return "#3a7bd5"_L1;
    case TimelineRole::Failure:
        return "#b71c1c"_L1;
    case TimelineRole::Muted:
        return "#8a8a8a"_L1;
    }
    return "#000000"_L1;
}

QList<std::pair<TimelineRole, QString>> timelineLegend()
{
    return {
        {TimelineRole::Close, TimelineText::tr("Close frame")},
        {TimelineRole::Delivered, TimelineText::tr("after our Close, delivered")},
        {TimelineRole::Discarded, TimelineText::tr("after our Close, discarded")},
        {TimelineRole::Failure, TimelineText::tr("reset, timeout, error")},
    };
}

QLatin1StringView timelineFormatName(TimelineFormat format)
{
    return format == TimelineFormat::Png ? "png"_L1 : "svg"_L1;
}

std::optional<TimelineFormat> timelineFormatFromName(QStringView name)
{
    if (name.compare(u"png", Qt::CaseInsensitive) == 0)
        return TimelineFormat::Png;
    if (name.compare(u"svg", Qt::CaseInsensitive) == 0)
        return TimelineFormat::Svg;
    return std::nullopt;
}

std::optional<TimelineFormat> timelineFormatFromPath(QStringView path)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    if (dot < 0 || path.indexOf(u'/', dot) >= 0)
        return std::nullopt;
    return timelineFormatFromName(path.mid(dot + 1));
}

} // namespace closecall::monitor
