#pragma once

#include "server/event.h"

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QLatin1StringView>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <functional>
#include <memory>
#include <optional>

// The files the user gets (DESIGN.md): the log exported as JSON Lines (the
// headless event stream, line for line), a human text log, CSV (RFC 4180)
// and HAR 1.2 with the `_webSocketMessages` extension. Exports are written
// atomically (QSaveFile): a failed write leaves any old file as it was, says
// why, and changes nothing in memory. LogFileWriter appends as events come
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

// ---- the pieces, for the streaming writer and the GUI ---------------------

// One human line and '\n':
// 2026-11-26 10:44:22.123456  #7 CloseSent  message_in  text 5 B  post-close discarded  "hello"
// Control characters in previews and texts are escaped (\n, \t, \x01, ...);
// binary previews are hex. The words are English on purpose: a log file is
// read by tools and support staff, whatever the UI language.
void appendTextLine(QByteArray &out, const server::Event &event);
// The part after the event name ("text 5 B  post-close discarded  \"hello\"");
// the GUI's Details column.
void appendTextDetails(QByteArray &out, const server::Event &event);

// CSV (RFC 4180: CRLF, quoted where needed, quotes doubled). One column per
// contract field; previews as escaped text, or hex for binary (hex never
// starts a formula). Text cells that start with = + - @ get a leading '
// and are quoted, so a spreadsheet shows them instead of running them.
QByteArray csvHeader(); // with CRLF
void appendCsvRow(QByteArray &out, const server::Event &event);

// HAR 1.2: one entry per connection whose `open` is among `events`, with the
// upgrade request and the 101 response, and `_webSocketMessages` as Chrome
// and mitmproxy write them. HAR is the client's view, as in a browser:
// "send" is a message the client sent (our message_in), "receive" one we
// sent (message_out). `data` is the preview (the first 1024 bytes).
class HarBuilder final
{
public:
    HarBuilder();
    ~HarBuilder();
    Q_DISABLE_COPY_MOVE(HarBuilder)

    // Feed events oldest first; events other than listening, open,
    // message_in/out and closed are ignored.
    void add(const server::Event &event);
    QJsonDocument document() const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};
QJsonDocument buildHar(const QList<server::Event> &events);

// Appends events to a file as they come: one write(2) per batch, no
// user-space buffering, so a crash loses at most the batch being written.
// jsonl, text and csv (a csv file starts with its header row); har is a
// single document and can only be exported.
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
    QString path() const { return m_file.fileName(); }
    LogFormat format() const { return m_format; }

    // False when the write failed (disk full, file gone): errorString() says
    // why; later batches are still tried.
    bool write(const server::EventBatch &batch);
    bool write(const server::Event &event);

    void close();
    QString errorString() const { return m_error; }
    quint64 eventsWritten() const { return m_written; }

private:
    bool flush();

    QFile m_file;
    LogFormat m_format = LogFormat::Jsonl;
    QByteArray m_buffer; // reused: one allocation for the life of the writer
    QString m_error;
    quint64 m_written = 0;
};

} // namespace closecall::monitor
