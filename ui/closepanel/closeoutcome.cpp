#include "closeoutcome.h"

#include "monitor/connectiontablemodel.h"

#include <QtCore/QLocale>
#include <QtCore/QStringList>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using protocol::HowEnded;
using protocol::Initiator;

namespace {

constexpr int ShownLines = 4;

QString codeText(protocol::CloseCode code)
{
    return code ? QString::number(*code) : CloseOutcomeWatcher::tr("an empty Close");
}

QString lateMessages(const monitor::ConnectionRow &r)
{
    QStringList parts;
    if (r.postCloseDelivered > 0)
        parts.append(CloseOutcomeWatcher::tr("%n late message(s) delivered", nullptr,
                                             int(r.postCloseDelivered)));
    if (r.postCloseDiscarded > 0)
        parts.append(CloseOutcomeWatcher::tr("%n late message(s) discarded", nullptr,
                                             int(r.postCloseDiscarded)));
    return parts.join(u", "_s);
}

QString milliseconds(qint64 us)
{
    return CloseOutcomeWatcher::tr("%1 ms").arg(QLocale().toString(double(us) / 1000.0, 'f', 1));
}

} // namespace

bool closedCleanly(const monitor::ConnectionRow &r)
{
    return r.ended && r.how == HowEnded::Handshake;
}

namespace {

// An outgoing connection: CloseCall is the client, the peer the server
// (initiatedBy names the RFC 6455 role, so Server = the peer went first).
QString outgoingEnd(const monitor::ConnectionRow &r)
{
    switch (r.how) {
    case HowEnded::Handshake:
        if (r.initiatedBy == Initiator::Server)
            return CloseOutcomeWatcher::tr(
                       "Connection %1 closed: the server closed first with %2, answered with %3")
                .arg(r.id)
                .arg(codeText(r.receivedCode), codeText(r.sentCode));
        if (r.closeHandshakeUs >= 0)
            return CloseOutcomeWatcher::tr("Connection %1 closed: %2 answered by the server in %3")
                .arg(r.id)
                .arg(codeText(r.receivedCode), milliseconds(r.closeHandshakeUs));
        return CloseOutcomeWatcher::tr("Connection %1 closed: %2 answered by the server")
            .arg(r.id)
            .arg(codeText(r.receivedCode));
    case HowEnded::Timeout:
        return CloseOutcomeWatcher::tr(
                   "Connection %1 aborted: the server did not answer our Close in time")
            .arg(r.id);
    case HowEnded::PeerReset:
        return r.closeSent
                   ? CloseOutcomeWatcher::tr("Connection %1 ended: the server reset TCP "
                                             "instead of answering our Close")
                         .arg(r.id)
                   : CloseOutcomeWatcher::tr("Connection %1 ended: the server reset TCP").arg(r.id);
    case HowEnded::PeerEof:
        return r.closeSent ? CloseOutcomeWatcher::tr("Connection %1 ended: the server closed TCP "
                                                     "without answering our Close")
                                 .arg(r.id)
                           : CloseOutcomeWatcher::tr("Connection %1 ended: the server closed TCP")
                                 .arg(r.id);
    case HowEnded::Abort:
    case HowEnded::ProtocolError:
        break; // the same words either way
    }
    return {};
}

// An accepted connection: CloseCall is the server, the peer the client. Also
// the words for the ends that read the same either way (abort, protocol
// error).
QString incomingEnd(const monitor::ConnectionRow &r)
{
    QString text;
    switch (r.how) {
    case HowEnded::Handshake:
        if (r.initiatedBy == Initiator::Client) {
            text = CloseOutcomeWatcher::tr(
                       "Connection %1 closed: the client closed first with %2, answered with %3")
                       .arg(r.id)
                       .arg(codeText(r.receivedCode), codeText(r.sentCode));
        } else if (r.closeHandshakeUs >= 0) {
            text = CloseOutcomeWatcher::tr("Connection %1 closed: %2 answered by the client in %3")
                       .arg(r.id)
                       .arg(codeText(r.receivedCode), milliseconds(r.closeHandshakeUs));
        } else {
            text = CloseOutcomeWatcher::tr("Connection %1 closed: %2 answered by the client")
                       .arg(r.id)
                       .arg(codeText(r.receivedCode));
        }
        break;
    case HowEnded::Timeout:
        text = CloseOutcomeWatcher::tr(
                   "Connection %1 aborted: the client did not answer our Close in time")
                   .arg(r.id);
        break;
    case HowEnded::Abort:
        text = CloseOutcomeWatcher::tr("Connection %1 aborted by you (TCP reset)").arg(r.id);
        break;
    case HowEnded::PeerReset:
        text = r.closeSent
                   ? CloseOutcomeWatcher::tr("Connection %1 ended: the client reset TCP instead of "
                                             "answering our Close")
                         .arg(r.id)
                   : CloseOutcomeWatcher::tr("Connection %1 ended: the client reset TCP").arg(r.id);
        break;
    case HowEnded::PeerEof:
        text =
            r.closeSent
                ? CloseOutcomeWatcher::tr("Connection %1 ended: the client closed TCP without "
                                          "answering our Close")
                      .arg(r.id)
                : CloseOutcomeWatcher::tr("Connection %1 ended: the client closed TCP").arg(r.id);
        break;
    case HowEnded::ProtocolError:
        text = CloseOutcomeWatcher::tr("Connection %1 failed: protocol error").arg(r.id);
        if (!r.lastError.isEmpty())
            text += u" ("_s + r.lastError + u')';
        break;
    }
    return text;
}

} // namespace

QString closeOutcomeText(const monitor::ConnectionRow &r)
{
    if (!r.ended)
        return {};
    QString text = r.outgoing ? outgoingEnd(r) : QString();
    if (text.isEmpty())
        text = incomingEnd(r);
    if (const QString late = lateMessages(r); !late.isEmpty())
        text += u", "_s + late;
    return text + u'.';
}

CloseOutcomeWatcher::CloseOutcomeWatcher(const monitor::ConnectionTableModel *model,
                                         QObject *parent)
    : QObject(parent)
    , m_model(model)
{}

void CloseOutcomeWatcher::watch(const QList<quint32> &ids)
{
    m_ids = ids;
    m_reported.clear();
}

void CloseOutcomeWatcher::clear()
{
    watch({});
}

void CloseOutcomeWatcher::check(bool force)
{
    bool changed = false;
    for (quint32 id : std::as_const(m_ids)) {
        const monitor::ConnectionRow *row = m_model->row(id);
        if (row && row->ended && !m_reported.contains(id)) {
            m_reported.insert(id);
            changed = true;
        }
    }
    if (m_reported.isEmpty() || (!changed && !force))
        return;
    QStringList lines;
    bool clean = true;
    int shown = 0;
    for (quint32 id : std::as_const(m_ids)) {
        const monitor::ConnectionRow *row = m_model->row(id);
        if (!row || !m_reported.contains(id))
            continue;
        clean = clean && closedCleanly(*row);
        if (shown++ < ShownLines)
            lines.append(closeOutcomeText(*row));
    }
    if (shown > ShownLines)
        lines.append(tr("%n more connection(s) ended.", nullptr, shown - ShownLines));
    const qsizetype waiting = m_ids.size() - m_reported.size();
    if (waiting > 0)
        lines.append(tr("Waiting for %n more connection(s) to end.", nullptr, int(waiting)));
    emit outcomeChanged(lines.join(u'\n'), clean);
}

} // namespace closecall::ui
