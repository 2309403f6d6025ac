#include "connectionscsv.h"

#include "monitor/exporttarget.h"

#include <QtCore/QAbstractItemModel>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

void appendField(QByteArray &out, const QString &text)
{
    QString value = text;
    // A cell a spreadsheet would run as a formula is shown as text instead.
    if (!value.isEmpty() && QStringView(u"=+-@").contains(value.front()))
        value.prepend(u'\'');
    const bool quote = value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
                       value.contains(u'\r') || value.startsWith(u'\'');
    if (quote) {
        value.replace(u"\""_s, u"\"\""_s);
        out += '"' + value.toUtf8() + '"';
    } else {
        out += value.toUtf8();
    }
}

} // namespace

QString writeConnectionsCsv(const QAbstractItemModel &model, const QString &path)
{
    QByteArray out;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c) {
        if (c)
            out += ',';
        appendField(out, model.headerData(c, Qt::Horizontal).toString());
    }
    out += "\r\n";
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c)
                out += ',';
            appendField(out, model.index(r, c).data().toString());
        }
        out += "\r\n";
    }

    // The target is checked (no FIFOs, devices or links) and written atomically.
    monitor::ExportFile file(path);
    if (!file.open() || !file.write(out) || !file.commit())
        return file.errorString();
    return {};
}

} // namespace closecall::ui
