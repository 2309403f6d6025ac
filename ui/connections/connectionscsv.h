#pragma once

#include <QtCore/QString>

namespace closecall::monitor {
class ConnectionTableModel;
}

// "Export connections (CSV)": every row and column of the connections
// table as the table shows them, then the numbers a spreadsheet computes
// with in their own columns (milliseconds, bytes, counts, codes: plain
// numbers, '.' as the decimal point, no unit), RFC 4180 (CRLF, quoted where
// needed), written atomically.
namespace closecall::ui {

// Empty when written, else why not ("cannot write /x/y.csv: Permission denied").
QString writeConnectionsCsv(const monitor::ConnectionTableModel &model, const QString &path);

} // namespace closecall::ui
