#include "connectionscsv.h"

#include "monitor/connectiontablemodel.h"
#include "monitor/exporttarget.h"

#include <QtCore/QCoreApplication>

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

QString tr(const char *text)
{
    return QCoreApplication::translate("closecall::ui", text);
}

QString milliseconds(qint64 us)
{
    return us < 0 ? QString() : QString::number(double(us) / 1000.0, 'f', 3);
}

QString code(bool seen, const protocol::CloseCode &c)
{
    return seen && c ? QString::number(*c) : QString();
}

// The numbers, each in its own column after the table's text columns.
struct NumberColumn
{
    const char *header;
    QString (*value)(const monitor::ConnectionTableModel &model, int row);
};

const NumberColumn numberColumns[] = {
    {QT_TRANSLATE_NOOP("closecall::ui", "Duration (ms)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return milliseconds(m.index(row, monitor::ConnectionTableModel::Duration)
                                 .data(monitor::ConnectionTableModel::SortRole)
                                 .toLongLong());
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Msgs in (count)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return QString::number(m.rowAt(row).msgsIn);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Msgs out (count)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return QString::number(m.rowAt(row).msgsOut);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Bytes in (bytes)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return QString::number(m.rowAt(row).bytesIn);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Bytes out (bytes)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return QString::number(m.rowAt(row).bytesOut);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Close sent code"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return code(m.rowAt(row).closeSent, m.rowAt(row).sentCode);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Close received code"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return code(m.rowAt(row).closeReceived, m.rowAt(row).receivedCode);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Post-close delivered (count)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return QString::number(m.rowAt(row).postCloseDelivered);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Post-close discarded (count)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return QString::number(m.rowAt(row).postCloseDiscarded);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Close handshake (ms)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return milliseconds(m.rowAt(row).closeHandshakeUs);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Ack delay (ms)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return milliseconds(m.rowAt(row).ackDelayUs);
     }},
    {QT_TRANSLATE_NOOP("closecall::ui", "Post-close crossed (count)"),
     [](const monitor::ConnectionTableModel &m, int row) {
         return QString::number(m.rowAt(row).postCloseCrossed);
     }},
};

} // namespace

QString writeConnectionsCsv(const monitor::ConnectionTableModel &model, const QString &path)
{
    QByteArray out;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c) {
        if (c)
            out += ',';
        appendField(out, model.headerData(c, Qt::Horizontal).toString());
    }
    for (const NumberColumn &n : numberColumns) {
        out += ',';
        appendField(out, tr(n.header));
    }
    out += "\r\n";
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c)
                out += ',';
            appendField(out, model.index(r, c).data().toString());
        }
        for (const NumberColumn &n : numberColumns) {
            out += ',';
            appendField(out, n.value(model, r));
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
