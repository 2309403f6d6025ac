#pragma once

#include "server/event.h"

#include <QtCore/QByteArray>
#include <QtCore/QSet>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QString>

#include <vector>

// The log pane's filter: free text, selected connections only,
// event kinds, post-close only. A million rows must filter in well under
// 300 ms, so filterAcceptsRow() reads LogModel's compact entries directly
// (no data(), no QVariant, no QString per row) and every criterion is
// compiled once per change: the event kinds into a bit mask, the text into
// an ASCII case-folded needle, and what does not depend on the row (event
// names, state names, the post-close words) into bit sets. Payload rows
// (the bulk of a big log) are matched on their stored preview bytes;
// other rows (opens, closes, errors: few) on their Details text as shown.
namespace closecall::monitor {

class LogModel;
struct LogEntry;

class LogFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    struct Criteria
    {
        // Case-insensitive substring of the Details text (preview, code
        // name, reason, ...), the Event text (or its contract name,
        // "message_in"), the State name or the connection's remote address.
        QString text;
        QSet<quint32> connections;          // empty = every connection
        QSet<server::EventType> eventTypes; // empty = every kind
        bool postCloseOnly = false;         // only post-close receives

        bool isEmpty() const
        {
            return text.isEmpty() && connections.isEmpty() && eventTypes.isEmpty() &&
                   !postCloseOnly;
        }
        bool operator==(const Criteria &) const = default;
    };

    explicit LogFilterProxy(QObject *parent = nullptr);
    ~LogFilterProxy() override;

    // Should be a LogModel; any other model is passed through unfiltered.
    void setSourceModel(QAbstractItemModel *source) override;

    Criteria criteria() const { return m_criteria; }
    // Changes every criterion at once: one re-filter.
    void setCriteria(const Criteria &criteria);

    QString filterText() const { return m_criteria.text; }
    void setFilterText(const QString &text);
    QSet<quint32> connections() const { return m_criteria.connections; }
    void setConnections(const QSet<quint32> &connections);
    QSet<server::EventType> eventTypes() const { return m_criteria.eventTypes; }
    void setEventTypes(const QSet<server::EventType> &types);
    bool postCloseOnly() const { return m_criteria.postCloseOnly; }
    void setPostCloseOnly(bool on);

    bool isFiltering() const { return !m_criteria.isEmpty(); }

    // Kinds left out unless the criteria name them: the GUI hides the
    // headless contract's command results (`result`), which acknowledge a
    // script's commands and are not events of a connection. Not counted as
    // filtering. Empty by default.
    QSet<server::EventType> hiddenEventTypes() const { return m_hiddenTypes; }
    void setHiddenEventTypes(const QSet<server::EventType> &types);
    // Whether a source row's kind is shown: not hidden, or named by the
    // criteria. What "export the whole log" keeps.
    bool showsKindOf(int sourceRow) const;

    // Whether a source (LogModel) row passes the criteria: for "Export
    // what the filter shows", LogModel::eventsForExport(accept).
    bool acceptsSourceRow(int sourceRow) const;

Q_SIGNALS:
    void criteriaChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Compares entries directly (a million-row sort through data() and
    // QVariant takes seconds): Time by seq, Conn, Size and the enum columns
    // by value; Details by its text. New rows are not sorted in as they
    // arrive (dynamicSortFilter is off: the log is read in time order); a
    // sort is redone when the view asks again.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void compile();
    bool textMatches(const LogEntry &e, int sourceRow) const;
    bool remoteMatches(quint32 conn) const;
    void refilter();

    LogModel *m_log = nullptr;
    Criteria m_criteria;

    QSet<server::EventType> m_hiddenTypes;
    // Compiled from m_criteria by compile().
    quint32 m_hiddenMask = 0;          // hidden kinds the criteria do not name
    quint32 m_typeMask = 0;            // bit per EventType; 0 = all
    QByteArray m_needle;               // UTF-8, ASCII-lowercased
    bool m_needleAscii = true;         // else rows are matched through QString
    bool m_needleHex = false;          // only hex digits and spaces: may match a binary preview
    quint32 m_eventTextMatches = 0;    // bit per EventType: its Event text matches
    quint8 m_stateMatches = 0;         // bit per protocol::State: its name matches
    quint8 m_postCloseTextMatches = 0; // bit per PostClose: "post-close: delivered" matches
    // By connection id: 1 its remote matches, 0 not, -1 not known yet.
    mutable std::vector<qint8> m_remoteMatches;
};

} // namespace closecall::monitor
