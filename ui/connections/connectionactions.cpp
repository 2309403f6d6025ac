#include "connectionactions.h"

#include "protocol/session.h"

#include <QtGui/QAction>
#include <QtGui/QIcon>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using protocol::State;

ConnectionActions::ConnectionActions(QObject *parent)
    : QObject(parent)
{
    struct Spec
    {
        Kind kind;
        const char *objectName;
        QString text;
        QString icon;
        QKeySequence shortcut;
    };
    const Spec specs[] = {
        {Close, "actionClose", tr("&Close"), u":/icons/close.svg"_s,
         QKeySequence(Qt::CTRL | Qt::Key_W)},
        {CloseOutput, "actionCloseOutput", tr("Close &Output"), u":/icons/close-output.svg"_s,
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)},
        {Abort, "actionAbort", tr("&Abort"), u":/icons/abort.svg"_s,
         QKeySequence(Qt::CTRL | Qt::Key_K)},
        {Send, "actionSend", tr("&Send"), u":/icons/send.svg"_s,
         QKeySequence(Qt::CTRL | Qt::Key_Return)},
        {Ping, "actionPing", tr("&Ping"), u":/icons/ping.svg"_s,
         QKeySequence(Qt::CTRL | Qt::Key_P)},
    };
    for (const Spec &spec : specs) {
        auto *action = new QAction(QIcon(spec.icon), spec.text, this);
        action->setObjectName(QLatin1StringView(spec.objectName));
        action->setShortcut(spec.shortcut);
        // The main window holds every action, so the shortcuts work wherever
        // the focus is in it (a panel's line edit included).
        action->setShortcutContext(Qt::WindowShortcut);
        m_actions[spec.kind] = action;
    }
    update({}, {});
}

QString ConnectionActions::baseToolTip(Kind kind) const
{
    switch (kind) {
    case Close:
        return tr("Send our Close and wait for the peer's Close; data the peer sends meanwhile is "
                  "read and discarded (CloseAsync)");
    case CloseOutput:
        return tr("Send our Close and return at once; data the peer still sends is delivered "
                  "(CloseOutputAsync)");
    case Abort:
        return tr("Reset the TCP connection (an RST, not a FIN): state Aborted, 1006");
    case Send:
        return tr("Send the send panel's message");
    case Ping:
        return tr("Send a Ping with the send panel's payload");
    case KindCount:
        break;
    }
    return {};
}

protocol::Operation ConnectionActions::operationOf(Kind kind)
{
    switch (kind) {
    case Close:
    case CloseOutput:
        return protocol::Operation::Close;
    case Abort:
        return protocol::Operation::Abort;
    case Ping:
        return protocol::Operation::Ping;
    case Send:
    case KindCount:
        break;
    }
    return protocol::Operation::Send;
}

QString ConnectionActions::blocker(Kind kind, quint32 id, State state)
{
    // Whether it may act is the state table's; the words are RefusalText's.
    return protocol::RefusalText::forConnection(id, protocol::refusalFor(operationOf(kind), state));
}

QString ConnectionActions::noneCan(Kind kind)
{
    switch (kind) {
    case Close:
    case CloseOutput:
        return tr("None of the selected connections can be closed.");
    case Abort:
        return tr("None of the selected connections can be aborted.");
    case Send:
        return tr("None of the selected connections can be sent a message.");
    case Ping:
        return tr("None of the selected connections can be pinged.");
    case KindCount:
        break;
    }
    return {};
}

QString ConnectionActions::idList(const QList<quint32> &ids)
{
    constexpr qsizetype Shown = 5;
    QStringList parts;
    for (qsizetype i = 0; i < ids.size() && i < Shown; ++i)
        parts.append(QString::number(ids[i]));
    QString text = parts.join(u", "_s);
    if (ids.size() > Shown)
        text = tr("%1 and %n more", nullptr, int(ids.size() - Shown)).arg(text);
    return text;
}

void ConnectionActions::update(const QList<SelectedConnection> &selection, const InputErrors &input)
{
    m_acknowledges = false;
    for (const SelectedConnection &c : selection) {
        if (c.state == State::CloseReceived)
            m_acknowledges = true;
    }

    for (int k = 0; k < KindCount; ++k) {
        const auto kind = Kind(k);
        QAction *action = m_actions[k];
        QList<quint32> &targets = m_targets[k];
        targets.clear();
        QStringList skipped;
        for (const SelectedConnection &c : selection) {
            const QString why = blocker(kind, c.id, c.state);
            if (why.isEmpty())
                targets.append(c.id);
            else
                skipped.append(why);
        }

        QString inputError;
        if (kind == Close || kind == CloseOutput)
            inputError = input.close;
        else if (kind == Send)
            inputError = input.send;
        else if (kind == Ping)
            inputError = input.ping;

        QString tip;
        if (selection.isEmpty()) {
            tip = tr("Select a connection in the table first.");
        } else if (targets.isEmpty()) {
            tip = skipped.size() == 1 ? skipped.first() : noneCan(kind) + u' ' + skipped.join(u' ');
        } else if (!inputError.isEmpty()) {
            tip = inputError;
        }
        const bool enabled = tip.isEmpty();
        action->setEnabled(enabled);

        if (enabled) {
            tip = baseToolTip(kind);
            if (targets.size() == 1)
                tip += u"\n"_s + tr("Acts on connection %1.").arg(targets.first());
            else
                tip += u"\n"_s + tr("Acts on %n connections: %1.", nullptr, int(targets.size()))
                                     .arg(idList(targets));
            if (!skipped.isEmpty())
                tip += u"\n"_s + tr("Skipped: %1").arg(skipped.join(u' '));
            if ((kind == Close || kind == CloseOutput) && m_acknowledges)
                tip += u"\n"_s +
                       tr("A selected connection is CloseReceived: this acknowledges the peer's "
                          "Close with your code and description.");
        }
        if (!action->shortcut().isEmpty())
            tip += u" ("_s + action->shortcut().toString(QKeySequence::NativeText) + u')';
        action->setToolTip(tip);
        action->setStatusTip(tip.section(u'\n', 0, 0));
    }

    const QList<quint32> &closeTargets = m_targets[Close];
    if (selection.isEmpty()) {
        m_closeNote = tr("Select one or more connections in the table (Ctrl+A selects all).");
    } else if (closeTargets.isEmpty()) {
        // Why not, without the shortcut the tooltip ends with.
        m_closeNote = m_actions[Close]->toolTip();
        const QString shortcut =
            u" ("_s + m_actions[Close]->shortcut().toString(QKeySequence::NativeText) + u')';
        if (m_closeNote.endsWith(shortcut))
            m_closeNote.chop(shortcut.size());
    } else if (m_acknowledges) {
        m_closeNote = tr("Manual acknowledge: the peer closed first. Close or Close Output "
                         "answers its Close with the code and description above and completes "
                         "the handshake (%n connection(s): %1).",
                         nullptr, int(closeTargets.size()))
                          .arg(idList(closeTargets));
    } else if (closeTargets.size() == 1) {
        m_closeNote = tr("Acts on connection %1.").arg(closeTargets.first());
    } else {
        m_closeNote = tr("Acts on %n connections: %1.", nullptr, int(closeTargets.size()))
                          .arg(idList(closeTargets));
    }
}

} // namespace closecall::ui
