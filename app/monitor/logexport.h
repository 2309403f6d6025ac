#pragma once

#include "eventtext.h"
#include "harbuilder.h"
#include "server/event.h"

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QLatin1StringView>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <functional>
#include <optional>

// The files the user gets (docs/headless.md, export): the log exported as JSON Lines (the
// headless event stream, line for line), a human text log, CSV (RFC 4180)
// and HAR 1.2 with the `_webSocketMessages` extension. Exports are written
// atomically (ExportFile): a failed write leaves any old file as it was, says
// why, and changes nothing in memory; what may be written is decided in
// exporttarget.h. LogFileWriter appends as events come
// (--log-file, "Log to file").
namespace closecall::monitor {

class EventStore;

enum class LogFormat : quint8 { Jsonl, Text, Csv, Har };

QLatin1StringView logFormatName(LogFormat format); // "jsonl", "text", "csv", "har"

// By name (case-insensitive). Unknown: "xml: use jsonl, text, csv or har".
std::optional<LogFormat> logFormatFromName(QStringView name, QString *error = nullptr);
// By the file's suffix: .jsonl (and .ndjson), .log/.txt, .csv, .har.
std::optional<LogFormat> logFormatFromPath(QStringView path, QString *error = nullptr);
// By `name` when it is not empty, else by the suffix of `path`.
std::optional<LogFormat> resolveLogFormat(QStringView name, QStringView path,
                                          QString *error = nullptr);

// Which events to export; empty = all.
using EventFilter = std::function<bool(const server::Event &)>;

struct ExportResult
{
    QString error;        // empty on success: "cannot write /x/y.csv: Permission denied"
    qsizetype events = 0; // events written (for har: the events read into it)
    bool ok() const { return error.isEmpty(); }
};

ExportResult exportLog(const EventStore &store, const QString &path, LogFormat format,
                       const EventFilter &filter = {});
ExportResult exportLog(const QList<server::Event> &events, const QString &path, LogFormat format,
                       const EventFilter &filter = {});

// Appends events to a file as they come: one write(2) per batch, no
// user-space buffering, so a crash loses at most the batch being written.
// jsonl, text and csv (a csv file starts with its header row); har is a
// single document and can only be exported. The target is checked as an
// export's is (exporttarget.h): no FIFOs, devices or symbolic links.
class LogFileWriter final
{
public:
    LogFileWriter() = default;
    ~LogFileWriter();
    Q_DISABLE_COPY_MOVE(LogFileWriter)

    // Creates or truncates `path`. On failure returns false and errorString()
    // says why ("cannot write /x/y.log: Permission denied").
    bool open(const QString &path, LogFormat format);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_path; }
    LogFormat format() const { return m_format; }

    // False when the write failed (disk full, file gone): errorString() says
    // why, the batch counts as lost, and whatever part of it reached the
    // file is cut off again (no half lines); later batches are still tried.
    bool write(const server::EventBatch &batch);
    bool write(const server::Event &event);

    // What the front end should tell the user now, once per change: when
    // writing starts failing ("cannot write /x.log: No space left on device;
    // 3 events not written ...") and when it works again (how many events
    // were lost meanwhile). Empty when there is nothing new to say. The
    // front end turns it into an `error` event; while writing keeps failing
    // no further report comes, so that event cannot feed a loop.
    QString takeReport();

    void close();
    QString errorString() const { return m_error; }
    quint64 eventsWritten() const { return m_written; }
    quint64 eventsLost() const { return m_lost; } // since open()

private:
    bool flush(quint64 events);

    QFile m_file;
    QString m_path;
    LogFormat m_format = LogFormat::Jsonl;
    QByteArray m_buffer; // reused: one allocation for the life of the writer
    QString m_error;
    QString m_report;
    quint64 m_written = 0;
    quint64 m_lost = 0;
    quint64 m_lostInOutage = 0;
    qint64 m_goodSize = 0; // bytes of whole batches in the file
    bool m_failing = false;
};

} // namespace closecall::monitor
