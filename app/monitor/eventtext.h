#pragma once

#include "server/event.h"

#include <QtCore/QByteArray>

// The human text and CSV forms of an engine event, one line each: the
// text log and CSV export, the streaming log file, and the GUI's Details
// column all use them.
namespace closecall::monitor {

// One human line and '\n':
// 2026-11-26 10:44:22.123456  #7 CloseSent  message_in  text 5 B  post-close discarded  "hello"
// Control characters in previews and texts are escaped (\n, \t, \x01, ...);
// binary previews are hex. The words are English on purpose: a log file is
// read by tools and support staff, whatever the UI language.
void appendTextLine(QByteArray &out, const server::Event &event);
// The part after the event name ("text 5 B  post-close discarded  \"hello\"");
// the GUI's Details column.
void appendTextDetails(QByteArray &out, const server::Event &event);

// CSV (RFC 4180: CRLF, quoted where needed, quotes doubled). One column per
// contract field; previews as escaped text, or hex for binary (hex never
// starts a formula). Text cells that start with = + - @ get a leading '
// and are quoted, so a spreadsheet shows them instead of running them.
QByteArray csvHeader(); // with CRLF
void appendCsvRow(QByteArray &out, const server::Event &event);

} // namespace closecall::monitor
