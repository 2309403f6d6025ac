#pragma once

#include "monitor/logexport.h"
#include "monitor/timelinelayout.h"

#include <QtGui/QImage>

class QPainter;

// Draws a close timeline (timelinelayout.h) on any QPainter: the window's
// view, and PNG export through a QImage. The geometry and colours are the
// layout's, the same the SVG writer (timelinesvg.h) uses. Needs Qt Gui
// (fonts): the headless build writes SVG only.
namespace closecall::monitor {

struct TimelineHighlight
{
    int hovered = -1;  // an item index, -1 = none
    int selected = -1; // the item whose log row is selected
};

void paintTimeline(QPainter &painter, const TimelineLayout &layout,
                   const TimelineHighlight &highlight = {});

// The picture at `scale` times the layout's size (2: sharp on a
// high-resolution screen and in a bug report).
QImage renderTimeline(const TimelineLayout &layout, qreal scale = 2.0);

// A PNG of it, written atomically (ExportFile); `events` counts the items.
ExportResult writeTimelinePng(const TimelineLayout &layout, const QString &path, qreal scale = 2.0);
// PNG or SVG (timelinesvg.h).
ExportResult writeTimeline(const TimelineLayout &layout, const QString &path,
                           TimelineFormat format);

} // namespace closecall::monitor
