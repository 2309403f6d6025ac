#pragma once

#include "monitor/logexport.h"
#include "monitor/timelinelayout.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

// The close timeline as an SVG document, written as text from the layout
// (timelinelayout.h): Qt Core only, so the headless `timeline` command
// writes the same picture the window exports. Labels stay <text> elements
// (searchable, copyable, translatable) and the colours are the layout's
// roles; the window's painter (timelinepainter.h) draws the same geometry.
namespace closecall::monitor {

QByteArray timelineSvg(const TimelineLayout &layout);

// Writes it atomically (ExportFile: the checks of exporttarget.h, the old
// file kept on failure). `events` in the result counts the items drawn.
ExportResult writeTimelineSvg(const TimelineLayout &layout, const QString &path);

} // namespace closecall::monitor
