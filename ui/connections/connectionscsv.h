#pragma once

#include <QtCore/QString>

class QAbstractItemModel;

// "Export connections (CSV)": every row and column of the connections
// table as the table shows them, RFC 4180 (CRLF, quoted where needed),
// written atomically.
namespace closecall::ui {

// Empty when written, else why not ("cannot write /x/y.csv: Permission denied").
QString writeConnectionsCsv(const QAbstractItemModel &model, const QString &path);

} // namespace closecall::ui
