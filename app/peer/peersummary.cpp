#include "peersummary.h"

#include "monitor/eventjson.h"
#include "protocol/closecodes.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace closecall::peer {

using namespace server;

namespace {

void appendNumber(QByteArray &out, const char *name, qint64 value)
{
    out += ",\"";
    out += name;
    out += "\":";
    out += QByteArray::number(value);
}

void appendCode(QByteArray &out, const char *name, const protocol::CloseCode &code)
{
    out += ",\"";
    out += name;
    out += "\":";
    if (code)
        out += QByteArray::number(*code);
    else
        out += "null";
}

void appendText(QByteArray &out, const char *name, const QString &text)
{
    out += ",\"";
    out += name;
    out += "\":";
    monitor::appendJsonString(out, QStringView(text));
}

// Microseconds as milliseconds with three decimals; null when unknown.
void appendMs(QByteArray &out, const char *name, qint64 us)
{
    out += ",\"";
    out += name;
    out += "\":";
    if (us < 0)
        out += "null";
    else
        out += QByteArray::number(double(us) / 1000.0, 'f', 3);
}

} // namespace

void PeerTally::expect(quint32 id, const QString &url)
{
    m_entries[id].url = url;
}

void PeerTally::apply(const Event &event)
{
    const auto it = m_entries.find(event.conn);
    if (event.conn == 0 || it == m_entries.end())
        return;
    Entry &entry = it->second;
    // Before the fold: was the other side's Close already in?
    if (event.type() == EventType::MessageOut && entry.summary.closeReceived)
        ++entry.sentAfterClose;
    if (const auto *failed = event.get<events::HandshakeFailed>()) {
        entry.failed = true;
        entry.failure = failed->reason;
    }
    entry.summary.apply(event);
}

void PeerTally::applyListRows(const QJsonArray &rows)
{
    m_countsFromList = true;
    for (const QJsonValue &row : rows) {
        const auto it = m_entries.find(quint32(row["id"_L1].toInteger()));
        if (it == m_entries.end())
            continue;
        ConnectionSummary &s = it->second.summary;
        s.msgsIn = quint64(row["msgs_in"_L1].toInteger());
        s.msgsOut = quint64(row["msgs_out"_L1].toInteger());
        s.bytesIn = quint64(row["bytes_in"_L1].toInteger());
        s.bytesOut = quint64(row["bytes_out"_L1].toInteger());
        s.postCloseDelivered = quint64(row["post_close"_L1]["delivered"_L1].toInteger());
        s.postCloseDiscarded = quint64(row["post_close"_L1]["discarded"_L1].toInteger());
    }
}

bool PeerTally::allEnded() const
{
    for (const auto &[id, entry] : m_entries) {
        if (!entry.failed && !entry.summary.isEnded())
            return false;
    }
    return true;
}

QStringList PeerTally::failures() const
{
    QStringList lines;
    for (const auto &[id, entry] : m_entries) {
        if (entry.failed)
            lines.append(QCoreApplication::translate("PeerTally", "connection %1 (%2): %3")
                             .arg(id)
                             .arg(entry.url, entry.failure));
    }
    return lines;
}

QByteArray PeerTally::summariesJson() const
{
    QByteArray out;
    for (const auto &[id, entry] : m_entries)
        appendSummary(out, id, entry);
    return out;
}

void PeerTally::appendSummary(QByteArray &out, quint32 id, const Entry &entry) const
{
    const ConnectionSummary &s = entry.summary;
    out += "{\"event\":\"peer_summary\"";
    appendNumber(out, "conn", id);
    appendText(out, "url", entry.url);
    out += ",\"opened\":";
    out += s.openedWallUs != 0 ? "true" : "false";
    if (entry.failed)
        appendText(out, "error", entry.failure);
    appendNumber(out, "sent", qint64(s.msgsOut));
    if (m_countsFromList)
        out += ",\"sent_after_close\":null";
    else
        appendNumber(out, "sent_after_close", qint64(entry.sentAfterClose));
    appendNumber(out, "received", qint64(s.msgsIn));
    appendNumber(out, "received_after_close", qint64(s.postCloseCount()));
    appendNumber(out, "received_after_close_delivered", qint64(s.postCloseDelivered));
    // The Close the other side sent (null: none arrived).
    out += ",\"close_received\":";
    out += s.closeReceived ? "true" : "false";
    appendCode(out, "close_code", s.closeReceived ? s.receivedCode : protocol::CloseCode{});
    appendText(out, "close_reason", s.closeReceived ? s.receivedReason : QString());
    // Ours.
    out += ",\"close_sent\":";
    out += s.closeSent ? "true" : "false";
    appendCode(out, "sent_code", s.closeSent ? s.sentCode : protocol::CloseCode{});
    appendText(out, "sent_reason", s.closeSent ? s.sentReason : QString());
    out += ",\"initiated_by\":";
    monitor::appendJsonString(out, QByteArrayView(protocol::initiatorName(s.initiatedBy)));
    // From the first Close to the end of the handshake: our Close to theirs
    // when we closed first [R16]; their Close to the connection's end when
    // they did (our answer, then the server's TCP close, RFC 6455 §7.1.1).
    qint64 handshakeUs = s.closeHandshakeUs;
    if (handshakeUs < 0 && s.closeReceived && s.isEnded() && s.endedTUs >= s.closeReceivedTUs)
        handshakeUs = s.endedTUs - s.closeReceivedTUs;
    appendMs(out, "close_handshake_ms", handshakeUs);
    out += ",\"how\":";
    if (s.isEnded())
        monitor::appendJsonString(out, QByteArrayView(protocol::howEndedName(s.how)));
    else
        out += entry.failed ? "\"handshake_failed\"" : "null";
    out += "}\n";
}

} // namespace closecall::peer
