#include "logexport.h"

#include "eventjson.h"
#include "eventstore.h"
#include "exporttarget.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>

#include <cerrno>
#include <climits>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

using server::Event;

namespace {

// lupdate files this namespace's tr() texts under "closecall::monitor"; the
// lookup must use the same context or they are never translated.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("closecall::monitor", text, disambiguation, n);
}

} // namespace

// ---- export --------------------------------------------------------------------

ExportResult exportLog(const EventView &events, const QString &path, LogFormat format,
                       const EventFilter &filter)
{
    ExportResult result;
    ExportFile file(path);
    if (!file.open()) {
        result.error = file.errorString();
        return result;
    }
    const auto accept = [&](const Event &e) {
        return !filter || filter(e);
    };

    if (format == LogFormat::Har) {
        HarBuilder har;
        events.forEach([&](const Event &e) {
            if (accept(e)) {
                har.add(e);
                ++result.events;
            }
        });
        file.write(har.document().toJson(QJsonDocument::Indented));
    } else {
        constexpr qsizetype Chunk = 1 << 20;
        QByteArray buffer;
        buffer.reserve(Chunk + 64 * 1024);
        if (format == LogFormat::Csv)
            buffer += csvHeader();
        events.forEach([&](const Event &e) {
            if (!accept(e))
                return;
            switch (format) {
            case LogFormat::Jsonl:
                appendEventJson(buffer, e);
                break;
            case LogFormat::Text:
                appendTextLine(buffer, e);
                break;
            case LogFormat::Csv:
                appendCsvRow(buffer, e);
                break;
            case LogFormat::Har:
                break;
            }
            ++result.events;
            if (buffer.size() >= Chunk) {
                file.write(buffer);
                buffer.resize(0); // keeps the capacity
            }
        });
        file.write(buffer);
    }
    // After a failed write nothing is committed: the old file (if any)
    // stays as it was.
    if (!file.commit()) {
        result.error = file.errorString();
        result.events = 0;
    }
    return result;
}

ExportResult exportLog(const EventStore &store, const QString &path, LogFormat format,
                       const EventFilter &filter)
{
    return exportLog(store.view(), path, format, filter);
}

ExportResult exportLog(const QList<Event> &events, const QString &path, LogFormat format,
                       const EventFilter &filter)
{
    return exportLog(EventView::of(events), path, format, filter);
}

// ---- formats -----------------------------------------------------------------

QLatin1StringView logFormatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Jsonl:
        return "jsonl"_L1;
    case LogFormat::Text:
        return "text"_L1;
    case LogFormat::Csv:
        return "csv"_L1;
    case LogFormat::Har:
        return "har"_L1;
    }
    return {};
}

std::optional<LogFormat> logFormatFromName(QStringView name, QString *error)
{
    for (LogFormat f : {LogFormat::Jsonl, LogFormat::Text, LogFormat::Csv, LogFormat::Har}) {
        if (name.compare(logFormatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    if (error)
        *error = tr("%1: use jsonl, text, csv or har").arg(name);
    return std::nullopt;
}

std::optional<LogFormat> logFormatFromPath(QStringView path, QString *error)
{
    const QString suffix = QFileInfo(path.toString()).suffix().toLower();
    if (suffix == "jsonl"_L1 || suffix == "ndjson"_L1)
        return LogFormat::Jsonl;
    if (suffix == "log"_L1 || suffix == "txt"_L1)
        return LogFormat::Text;
    if (suffix == "csv"_L1)
        return LogFormat::Csv;
    if (suffix == "har"_L1)
        return LogFormat::Har;
    if (error) {
        *error = tr("cannot tell the format of %1 from its suffix: name the format (jsonl, "
                    "text, csv or har) or use .jsonl, .log, .txt, .csv or .har")
                     .arg(QDir::toNativeSeparators(path.toString()));
    }
    return std::nullopt;
}

std::optional<LogFormat> resolveLogFormat(QStringView name, QStringView path, QString *error)
{
    return name.isEmpty() ? logFormatFromPath(path, error) : logFormatFromName(name, error);
}

// ---- LogFileWriter ---------------------------------------------------------------

LogFileWriter::~LogFileWriter()
{
    close();
}

bool LogFileWriter::open(const QString &path, LogFormat format)
{
    close();
    m_error.clear();
    m_written = 0;
    m_lost = 0;
    m_lostInOutage = 0;
    m_failing = false;
    m_report.clear();
    m_goodSize = 0;
    if (format == LogFormat::Har) {
        m_error = tr("har is one document and cannot be written as events arrive: use jsonl, "
                     "text or csv for a log file, and export har");
        return false;
    }
    m_format = format;
    m_path = path;
    // Refuses FIFOs, devices, directories and links before anything is
    // created or truncated (exporttarget.h).
    const int fd = openLogFileDescriptor(path, &m_error);
    if (fd < 0)
        return false;
    // Unbuffered: each write() is one write(2), so what was written is in
    // the kernel's hands even if this process dies right after.
    if (!m_file.open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered,
                     QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        m_error = cannotWriteMessage(path, m_file.errorString());
        return false;
    }
    m_buffer.reserve(64 * 1024);
    if (m_format == LogFormat::Csv) {
        m_buffer = csvHeader();
        return flush(0);
    }
    return true;
}

bool LogFileWriter::write(const server::EventBatch &batch)
{
    if (!m_file.isOpen())
        return false;
    switch (m_format) {
    case LogFormat::Jsonl:
        // The hot path (every event of a busy server): the buffer is
        // prepared once a batch, not once an event.
        appendEventsJson(m_buffer, batch);
        break;
    case LogFormat::Text:
        for (const Event &e : batch)
            appendTextLine(m_buffer, e);
        break;
    case LogFormat::Csv:
        for (const Event &e : batch)
            appendCsvRow(m_buffer, e);
        break;
    case LogFormat::Har:
        break;
    }
    return flush(quint64(batch.size()));
}

bool LogFileWriter::write(const Event &event)
{
    return write(server::EventBatch{event});
}

bool LogFileWriter::flush(quint64 events)
{
    const qsizetype size = m_buffer.size();
    errno = 0;
    const qint64 done = size == 0 ? 0 : m_file.write(m_buffer);
    const int error = errno;
    m_buffer.resize(0);
    if (done == size) {
        m_goodSize += size;
        m_written += events;
        if (m_failing) {
            m_failing = false;
            m_report = tr("the log file %1 is written again; %n event(s) were not written to it "
                          "while writing failed",
                          nullptr, int(qMin<quint64>(m_lostInOutage, INT_MAX)))
                           .arg(QDir::toNativeSeparators(m_path));
            m_lostInOutage = 0;
        }
        return true;
    }
    // A part of the batch may be in the file: cut it back to the last whole
    // batch, so the file never holds half a line (and a full disk gets
    // those bytes back).
    if (::ftruncate(m_file.handle(), m_goodSize) == 0)
        m_file.seek(m_goodSize);
    m_error =
        cannotWriteMessage(m_path, error != 0 ? systemErrorText(error) : m_file.errorString());
    m_lost += events;
    m_lostInOutage += events;
    if (!m_failing) {
        m_failing = true;
        m_report = tr("%1; %n event(s) not written (later events are still tried)", nullptr,
                      int(qMin<quint64>(events, INT_MAX)))
                       .arg(m_error);
    }
    return false;
}

QString LogFileWriter::takeReport()
{
    return std::exchange(m_report, {});
}

void LogFileWriter::close()
{
    if (m_file.isOpen())
        m_file.close();
}

} // namespace closecall::monitor
