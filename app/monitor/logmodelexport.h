#pragma once

#include "monitor/eventview.h"
#include "monitor/logexport.h"

#include <QtCore/QString>

#include <functional>

// The GUI's log as a "for each event" view, and "Export log…" from it
// through the one exporter (logexport.h: its formats, atomically through
// QSaveFile, the same error messages). LogModel::eventsForExport() builds
// every Event first: ~500 bytes each, half a gigabyte for a full
// million-row log, on top of the log itself. The view rebuilds one event at
// a time instead, so memory stays flat. Synchronous, on the GUI thread (the
// log must not change meanwhile): about a second per million rows in a
// Release build.
namespace closecall::monitor {

class LogModel;

// The rows `accept` takes (LogFilterProxy::acceptsSourceRow for "what the
// filter shows"; empty = every row), oldest first, with the log's
// dropped(). Previews are as the log stores them (LogModel::previewBytes(),
// 64 by default).
EventView logModelView(const LogModel &log, const std::function<bool(int row)> &accept = {});

ExportResult exportLogModel(const LogModel &log, const QString &path, LogFormat format,
                            const std::function<bool(int row)> &accept = {});

} // namespace closecall::monitor
