// File ▸ Export Log, Export Connections and Log to File, with their
// dialogs. Writes are atomic (QSaveFile, in logexport); a failed one says
// why and loses nothing in memory. The dialogs start in the folder of the
// last write that succeeded, never in /proc, /sys or /dev (files/savefolder).
#include "mainwindow.h"

#include "connections/connectionscsv.h"
#include "files/filedialog.h"
#include "files/savefolder.h"
#include "log/logpane.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/eventfeed.h"
#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"
#include "monitor/logmodelexport.h"
#include "serversession.h"
#include "statusline.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using monitor::LogFormat;

namespace {

constexpr int MessageMs = 10000;

struct FormatChoice
{
    LogFormat format;
    QString suffix;
    QString filter;
};

QList<FormatChoice> logFormats(bool withHar)
{
    QList<FormatChoice> list{
        {LogFormat::Jsonl, u"jsonl"_s, MainWindow::tr("JSON Lines (*.jsonl)")},
        {LogFormat::Text, u"log"_s, MainWindow::tr("Text log (*.log)")},
        {LogFormat::Csv, u"csv"_s, MainWindow::tr("CSV (*.csv)")},
    };
    if (withHar)
        list.append({LogFormat::Har, u"har"_s, MainWindow::tr("HTTP Archive (*.har)")});
    return list;
}

// "jsonl" from "JSON Lines (*.jsonl)".
QString suffixOfFilter(const QString &filter)
{
    const qsizetype star = filter.indexOf(u"*.");
    if (star < 0)
        return {};
    return filter.mid(star + 2).section(u')', 0, 0).section(u' ', 0, 0);
}

const QString LastDirKey = u"files/lastDir"_s;

QStringList filtersOf(const QList<FormatChoice> &formats)
{
    QStringList filters;
    for (const FormatChoice &f : formats)
        filters.append(f.filter);
    return filters;
}

} // namespace

QString MainWindow::askSavePath(const QString &title, const QString &baseName,
                                const QStringList &filters, int *filterIndex)
{
    const QString dir = dialogFolder();
    const int index =
        qBound(0, m_settings->value(u"files/lastFilter"_s, 0).toInt(), int(filters.size()) - 1);
    QString selected = filters.value(filterIndex ? index : 0);
    // The suggested name carries the chosen format's extension, so what the
    // dialog shows is the name the file gets.
    QString name = baseName;
    if (QFileInfo(name).suffix().isEmpty() && !suffixOfFilter(selected).isEmpty())
        name += u'.' + suffixOfFilter(selected);
    const QString suggestion = QDir(dir).filePath(name);
    // The dialog asks before overwriting a file it shows.
    QString path = askSaveFileName(this, title, suggestion, filters, &selected);
    if (path.isEmpty())
        return {};
    const int chosen = int(qMax<qsizetype>(0, filters.indexOf(selected)));
    if (filterIndex) {
        *filterIndex = chosen;
        m_settings->setValue(u"files/lastFilter"_s, chosen);
    }

    // No suffix typed: add the chosen format's. The dialog did not see that
    // name, so ask about overwriting here.
    if (QFileInfo(path).suffix().isEmpty()) {
        if (const QString suffix = suffixOfFilter(filters.value(chosen)); !suffix.isEmpty())
            path += u'.' + suffix;
        if (QFileInfo::exists(path) &&
            QMessageBox::question(
                this, title, tr("%1 already exists. Replace it?").arg(QFileInfo(path).fileName()),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return {};
    }
    return path;
}

monitor::ExportResult MainWindow::exportLogTo(const QString &path, LogFormat format,
                                              bool filteredOnly)
{
    // The events still waiting for the feed's next update belong in "the log so far".
    m_feed->flush();
    std::function<bool(int)> accept;
    const monitor::LogFilterProxy *proxy = m_logPane->proxy();
    if (filteredOnly && m_logPane->isFiltering()) {
        accept = [proxy](int row) {
            return proxy->acceptsSourceRow(row);
        };
    } else if (!proxy->hiddenEventTypes().isEmpty()) {
        // The whole log as the pane keeps it: without the kinds it hides
        // (command results) unless the event filter chose them.
        accept = [proxy](int row) {
            return proxy->showsKindOf(row);
        };
    }
    // Streamed one event at a time: a full log never exists twice in memory.
    const monitor::ExportResult result = monitor::exportLogModel(*m_log, path, format, accept);
    if (result.ok())
        rememberFolderOf(path);
    return result;
}

QString MainWindow::dialogFolder() const
{
    return dialogStartFolder(m_settings->value(LastDirKey).toString());
}

void MainWindow::rememberFolderOf(const QString &writtenPath)
{
    const QString folder = QFileInfo(writtenPath).absolutePath();
    if (isSafeStartFolder(folder))
        m_settings->setValue(LastDirKey, folder);
}

void MainWindow::forgetUnsafeFolder()
{
    // Settings written before this check existed may hold /proc.
    if (m_settings->contains(LastDirKey) &&
        !isSafeStartFolder(m_settings->value(LastDirKey).toString()))
        m_settings->remove(LastDirKey);
}

void MainWindow::exportLogInteractive(bool filteredOnly)
{
    const QList<FormatChoice> formats = logFormats(true);
    int index = 0;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QString path = askSavePath(filteredOnly ? tr("Export filtered log") : tr("Export log"),
                                     u"closecall-"_s + stamp, filtersOf(formats), &index);
    if (path.isEmpty())
        return;
    QString error;
    const std::optional<LogFormat> byName = monitor::logFormatFromPath(path, &error);
    const LogFormat format = byName ? *byName : formats.value(index).format;

    const monitor::ExportResult result = exportLogTo(path, format, filteredOnly);
    if (!result.ok()) {
        QMessageBox::critical(this, tr("Export failed"),
                              tr("The log was not exported.\n\n%1\n\nNothing in the log was "
                                 "lost: choose another place and try again.")
                                  .arg(result.error));
        return;
    }
    QString message = tr("Exported %n event(s) to %1", nullptr, int(result.events))
                          .arg(QDir::toNativeSeparators(path));
    if (m_log->dropped() > 0)
        message +=
            u" "_s + tr("(the oldest %L1 events had already left the log)").arg(m_log->dropped());
    statusBar()->showMessage(message, MessageMs);
}

QString MainWindow::exportConnectionsTo(const QString &path)
{
    m_feed->flush();
    QString error = writeConnectionsCsv(*m_connections, path);
    if (error.isEmpty())
        rememberFolderOf(path);
    return error;
}

void MainWindow::exportConnectionsInteractive()
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QString path = askSavePath(tr("Export connections"), u"closecall-connections-"_s + stamp,
                                     {tr("CSV (*.csv)")}, nullptr);
    if (path.isEmpty())
        return;
    if (const QString error = exportConnectionsTo(path); !error.isEmpty()) {
        QMessageBox::critical(this, tr("Export failed"),
                              tr("The connections were not exported.\n\n%1").arg(error));
        return;
    }
    statusBar()->showMessage(
        tr("Exported %n connection(s) to %1", nullptr, m_connections->rowCount())
            .arg(QDir::toNativeSeparators(path)),
        MessageMs);
}

bool MainWindow::startLogToFile(const QString &path, LogFormat format, QString *error)
{
    if (!m_session->startLogFile(path, format, error))
        return false;
    rememberFolderOf(path);
    m_statusLine->setLogFile(path);
    return true;
}

void MainWindow::toggleLogToFile(bool on)
{
    if (!on) {
        const quint64 written = m_session->logFileEvents();
        const QString path = m_session->logFilePath();
        m_session->stopLogFile();
        m_statusLine->setLogFile({});
        if (!path.isEmpty())
            statusBar()->showMessage(tr("Stopped logging to %1 (%L2 events written)")
                                         .arg(QDir::toNativeSeparators(path))
                                         .arg(written),
                                     MessageMs);
        return;
    }
    // HAR is one document: it can be exported, not appended to.
    const QList<FormatChoice> formats = logFormats(false);
    int index = 0;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QString path =
        askSavePath(tr("Log to file"), u"closecall-"_s + stamp, filtersOf(formats), &index);
    if (path.isEmpty()) {
        m_logToFile->setChecked(false);
        return;
    }
    QString error;
    const std::optional<LogFormat> byName = monitor::logFormatFromPath(path, &error);
    LogFormat format = byName ? *byName : formats.value(index).format;
    if (format == LogFormat::Har)
        format = LogFormat::Jsonl;
    if (!startLogToFile(path, format, &error)) {
        m_logToFile->setChecked(false);
        QMessageBox::critical(this, tr("Log to file"),
                              tr("Logging to the file could not start.\n\n%1").arg(error));
        return;
    }
    statusBar()->showMessage(tr("Logging every event to %1").arg(QDir::toNativeSeparators(path)),
                             MessageMs);
}

} // namespace closecall::ui
