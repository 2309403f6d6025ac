#pragma once

#include "server/connectionsummary.h"
#include "server/event.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonArray>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <map>

// What `closecall peer` prints when its connections have ended: one
// `peer_summary` object per connection (docs/headless.md "closecall peer"),
// folded from the same events it printed. ConnectionSummary does the
// folding a table row needs; this adds what only a peer reports: the data
// it sent after the other side's Close, and why a connection never opened.
namespace closecall::peer {

class PeerTally
{
public:
    // A connection the connect request opened (its result's ids).
    void expect(quint32 id, const QString &url);
    bool isExpected(quint32 id) const { return m_entries.contains(id); }
    // Folds in one event; events of other connections are ignored.
    void apply(const server::Event &event);
    // Without message events (--no-message-events) the counters come from
    // the engine's own rows at the end (a `list` result's `data`) instead,
    // and what was sent after the other side's Close is not known.
    void applyListRows(const QJsonArray &rows);

    bool isEmpty() const { return m_entries.empty(); }
    // Every expected connection has ended (closed or never opened).
    bool allEnded() const;
    // "connection 3 (ws://…): why" for each connection that never opened.
    QStringList failures() const;

    // One `peer_summary` JSON object per connection, each with a '\n', by id.
    QByteArray summariesJson() const;

private:
    struct Entry
    {
        QString url;
        server::ConnectionSummary summary;
        // Data messages we sent once the other side's Close had arrived.
        quint64 sentAfterClose = 0;
        QString failure; // handshake_failed: why
        bool failed = false;
    };
    void appendSummary(QByteArray &out, quint32 id, const Entry &entry) const;

    std::map<quint32, Entry> m_entries;
    bool m_countsFromList = false;
};

} // namespace closecall::peer
