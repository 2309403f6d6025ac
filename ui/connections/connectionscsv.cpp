#include "connectionscsv.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QCoreApplication>
#include <QtCore/QSaveFile>

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

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit())
        return QCoreApplication::translate("closecall::ui", "cannot write %1: %2")
            .arg(path, file.errorString());
    return {};
}

} // namespace closecall::ui
