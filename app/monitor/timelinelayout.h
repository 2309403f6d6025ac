#pragma once

#include "monitor/eventview.h"
#include "server/event.h"

#include <QtCore/QLatin1StringView>
#include <QtCore/QList>
#include <QtCore/QPointF>
#include <QtCore/QString>

#include <optional>
#include <utility>

// The close timeline (docs/architecture.md "The close timeline"): one
// connection's life as a sequence diagram, the server's lane on the left,
// the client's on the right, time running down. This file decides what is
// drawn and where, from a "for each event" view (eventview.h); the painter
// (timelinepainter.h, Qt Gui: the window and PNG) and the SVG writer
// (timelinesvg.h, Qt Core only: the window and the headless `timeline`
// command) only draw it, so every picture of a connection is the same.
//
// The vertical axis is time, compressed: each item gets a fixed pitch plus
// a little more the longer it followed the one above (logarithmic, capped),
// a pause of idleGapUs or more becomes one fixed-height "idle" break, and a
// long run of messages, pings and pongs keeps its first and last few with
// one summary between them. So a 30-minute connection with thousands of
// messages still shows its close handshake clearly, in order, with the
// milliseconds between its steps.
namespace closecall::monitor {

enum class TimelineKind : quint8 {
    Upgrade,   // open: the client's GET and our 101
    Refused,   // handshake_failed: the upgrade was answered with an error
    Message,   // message_in / message_out
    Ping,      // ping_in / ping_out
    Pong,      // pong_in / pong_out
    Close,     // close_sent / close_received
    TcpFin,    // the end of TCP without a reset (from the closed event)
    TcpRst,    // a reset: Abort, the close timeout, or the client's
    Note,      // across both lanes: an error, the timeout, the final state
    Idle,      // a compressed pause
    Collapsed, // a run of messages summarised in one line
};

// What colour an item is drawn in (timelineRoleColour).
enum class TimelineRole : quint8 {
    Normal,
    Delivered, // a post-close message handed on (Close Output) — the log's amber
    Discarded, // a post-close message read and dropped (Close) — the log's red
    Close,     // a Close frame
    Failure,   // a reset, a timeout, an error, an end without a handshake
    Muted,     // idle breaks and summaries
};

struct TimelineItem
{
    TimelineKind kind = TimelineKind::Note;
    // Out: an arrow from the server to the client; In: from the client;
    // None: a note across both lanes.
    server::Direction direction = server::Direction::None;
    TimelineRole role = TimelineRole::Normal;
    qreal y = 0;       // of the arrow (or the note's middle), from the top
    QString label;     // the one line drawn on the diagram
    QString details;   // the frame's details, one fact a line (the tooltip)
    QString delta;     // "+12.3 ms" since the item above; empty after a break
    QString clock;     // the local wall-clock time, "10:44:22.123456"
    quint64 seq = 0;   // the event's (for selecting its log row); 0 = none
    qint64 tUs = 0;    // when (t_us); for a break, where it starts
    qint64 endUs = 0;  // where a break ends; = tUs otherwise
    int postClose = 0; // 1, 2, 3... for each message after our Close; 0 = not one
};

struct TimelineLayout
{
    // The geometry every renderer shares (logical pixels).
    static constexpr qreal Width = 760;
    static constexpr qreal ServerX = 170; // the server's lifeline
    static constexpr qreal ClientX = 600; // the client's
    static constexpr qreal HeaderHeight = 78;
    static constexpr qreal Pitch = 32;      // between two items at least
    static constexpr qreal MaxExtra = 24;   // added for a long pause before an item
    static constexpr qreal BreakPitch = 40; // an idle or collapsed break
    static constexpr qreal FooterHeight = 24;

    quint32 conn = 0;
    QString title;       // "Connection 7 · 127.0.0.1:50123 · /chat"
    QString serverTitle; // "CloseCall (server)"
    QString clientTitle; // "Client 127.0.0.1:50123"
    QList<TimelineItem> items;
    // The closing handshake, from the first Close to the end (drawn as a
    // band); both 0 when the connection has no close yet.
    qreal closeTop = 0;
    qreal closeBottom = 0;
    qreal height = HeaderHeight + FooterHeight;

    bool isEmpty() const { return items.isEmpty(); }
    // The item drawn at `point` (its row, between the lifelines' margins), or -1.
    int itemAt(QPointF point) const;
    // The item of event `seq`, or -1.
    int indexOfSeq(quint64 seq) const;
    // Where an item's arrow starts and ends (x).
    static qreal fromX(const TimelineItem &item);
    static qreal toX(const TimelineItem &item);
};

struct TimelineOptions
{
    qint64 idleGapUs = 1'000'000; // a pause this long or longer becomes a break
    int maxRun = 12;              // a longer run of messages is collapsed...
    int keepAtEnds = 4;           // ...keeping this many at each end
};

// The timeline of connection `conn` from the events in `events` (others
// are skipped). Empty when none of them is about `conn`.
TimelineLayout layoutTimeline(const EventView &events, quint32 conn,
                              const TimelineOptions &options = {});

// "#f0a020": the colour of a role, the same in the window, PNG and SVG.
QLatin1StringView timelineRoleColour(TimelineRole role);

// The legend under every timeline: a colour's role and what it means.
QList<std::pair<TimelineRole, QString>> timelineLegend();

// The file formats of a timeline export.
enum class TimelineFormat : quint8 { Png, Svg };
QLatin1StringView timelineFormatName(TimelineFormat format); // "png", "svg"
// By name ("png", "svg", any case); nullopt otherwise.
std::optional<TimelineFormat> timelineFormatFromName(QStringView name);
// By the file's suffix (.png, .svg); nullopt otherwise.
std::optional<TimelineFormat> timelineFormatFromPath(QStringView path);

} // namespace closecall::monitor
