#pragma once

#include "monitor/logexport.h"

#include <QtCore/QString>

#include <functional>

// "Export log…" from the GUI's log, streamed. LogModel::eventsForExport()
// builds every Event first: ~500 bytes each, half a gigabyte for a full
// million-row log, on top of the log itself. This writes the same file
// (logexport's formats, atomically through QSaveFile, the same error
// messages) while rebuilding one event at a time, so memory stays flat.
// Synchronous, on the GUI thread (the log must not change meanwhile):
// about a second per million rows in a Release build.
namespace closecall::monitor {

class LogModel;

// `accept` picks source rows (LogFilterProxy::acceptsSourceRow for "what
// the filter shows"); empty = every row. Previews are as the log stores
// them (LogModel::previewBytes(), 64 by default).
ExportResult exportLogModel(const LogModel &log, const QString &path, LogFormat format,
                            const std::function<bool(int row)> &accept = {});

} // namespace closecall::monitor
