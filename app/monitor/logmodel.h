#pragma once

#include "monitor/logbuffer.h"
#include "server/event.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>
#include <QtCore/QString>

#include <functional>

// The log pane's model: every engine event, oldest first, in a
// bounded ring buffer of compact entries (LogBuffer). When the buffer is
// full the oldest rows go (rowsRemoved, announced before the new rows are
// inserted, as qBittorrent's log model does, so views never show ghost
// rows) and dropped() counts them. Cell text is built in data() when a row
// is drawn, never stored.
namespace closecall::monitor {

class LogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        Time,    // local wall-clock time with microseconds
        Conn,    // connection id, empty for server-wide events
        Dir,     // in (from the peer) / out
        Event,   // "Message in", "Close sent", ...
        Type,    // text / binary (data messages)
        Size,    // payload bytes
        State,   // the connection's state when the event happened
        Details, // code, name and reason; or the payload preview, control characters escaped
        // Added last, so a saved header layout keeps its meaning: proxy
        // mode's client / server (the log pane shows it only there).
        Leg,
        ColumnCount
    };
    Q_ENUM(Column)

    // Roles beyond Qt's; each answers the same value whatever the column.
    enum Role : int {
        SeqRole = Qt::UserRole + 1, // qulonglong: the event's seq
        ConnIdRole,                 // uint: 0 = not about a connection
        EventTypeRole,              // int of server::EventType
        PostCloseRole,              // int of protocol::PostClose (0 = not post-close)
        DirRole,                    // int of monitor::Direction
        StateRole,                  // int of protocol::State
        TimeUsRole,                 // qlonglong: t_us (monotonic since the server started)
        WallUsRole,                 // qlonglong: µs since the Unix epoch, UTC
        SizeRole,                   // qlonglong: payload size (payload events), else -1
        CloseCodeRole,              // int: the close code, -1 = none
        LegRole,                    // int of server::Leg (proxy mode), else 0
        PairRole,                   // uint: the pair id (proxy mode), else 0
        // Per column: numbers for Time, Conn and Size, text otherwise (a
        // sort on the log is rarely wanted; this keeps it correct).
        SortRole,
    };
    Q_ENUM(Role)

    static constexpr qsizetype DefaultCapacity = LogBuffer::DefaultCapacity;

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Appends a batch: at most one rowsRemoved (the oldest, when full) and
    // then one rowsInserted per call. A full log makes room for 1% of its
    // capacity at a time (fewer, larger removals are cheaper for proxies),
    // so it holds between 99% and 100% of capacity() once full. A batch larger than capacity()
    // keeps only its newest capacity() events; the rest count as dropped.
    void applyBatch(const server::EventBatch &batch);

    qsizetype capacity() const { return m_buffer.capacity(); }
    // A new capacity (at least 1): the oldest rows beyond it are removed
    // (and counted as dropped).
    void setCapacity(qsizetype capacity);
    // Bytes of payload preview kept per entry (default 64); for new events.
    qsizetype previewBytes() const { return m_buffer.previewBytes(); }
    void setPreviewBytes(qsizetype bytes);

    // Events pushed out because the log was full, since construction or
    // clear(). The status bar shows it.
    quint64 dropped() const { return m_dropped; }
    // Every event ever appended (rowCount() + dropped()).
    quint64 totalAppended() const { return m_dropped + quint64(m_buffer.size()); }
    // Removes every row (a model reset) and resets dropped().
    void clear();

    // Direct, allocation-free access for LogFilterProxy and the bench.
    const LogBuffer &buffer() const { return m_buffer; }
    const LogEntry &entry(int row) const { return m_buffer.at(row); }
    // The remote address ("ip:port") of a connection whose open (or
    // handshake_failed) event is in the log, else empty.
    QString remoteOf(quint32 conn) const;
    // Connections with a known remote (LogFilterProxy matches them once
    // per filter change, not once per row).
    const QHash<quint32, QString> &remotes() const { return m_remotes; }

    // The Event and Details columns' text of a row.
    QString eventText(int row) const;
    QString detailsText(int row) const;

    // The events of the rows `accept` takes (all when it is empty), oldest
    // first, rebuilt from the compact entries for logexport's
    // exportLog(): every field is kept except that payload previews are
    // as stored, i.e. cut to previewBytes() (the engine's events carry up
    // to 1024), and other texts are capped at LogBuffer::MaxTextBytes. For
    // full previews use "Log to file" (LogFileWriter), which writes the
    // engine's events as they come. Each Event weighs ~500 bytes: to write
    // a file from a big log use exportLogModel() (logmodelexport.h), which
    // streams.
    server::EventBatch eventsForExport(const std::function<bool(int row)> &accept = {}) const;

    // Bytes held by the log's storage (LogBuffer::memoryBytes()).
    qsizetype memoryBytes() const { return m_buffer.memoryBytes(); }

Q_SIGNALS:
    // After each applyBatch(), setCapacity() or clear() that changed rows:
    // for the status bar's "log size" and "dropped".
    void sizeChanged(qsizetype rows, quint64 dropped);

private:
    QVariant sortValue(const LogEntry &e, int column) const;
    QString tooltip(const LogEntry &e) const;
    void removeOldestRows(qsizetype n);

    LogBuffer m_buffer;
    quint64 m_dropped = 0;
    QHash<quint32, QString> m_remotes; // conn -> "ip:port", from open / handshake_failed
};

} // namespace closecall::monitor
