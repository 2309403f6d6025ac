#pragma once

#include "protocol/types.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>

class QAction;

// The actions on selected connections — Close, Close Output, Abort, Send,
// Ping — shared by the close and send panels, the Connection menu, the
// table's context menu and the shortcuts, so all of them are enabled, and
// explain why not, in one place. An action is enabled when at least one
// selected connection allows it; it acts on those and its tooltip names the
// ones it skips and why ("Connection 3 is already CloseSent.").
//
// Which states allow what mirrors the session's refusal table
// (protocol/session.cpp, docs/close-semantics.md): it only decides what the
// buttons offer. The engine still decides; a refusal comes back as the
// command's result and is shown.
namespace closecall::ui {

struct SelectedConnection
{
    quint32 id = 0;
    protocol::State state = protocol::State::Open;
};

class ConnectionActions final : public QObject
{
    Q_OBJECT

public:
    enum Kind : int { Close, CloseOutput, Abort, Send, Ping, KindCount };

    explicit ConnectionActions(QObject *parent = nullptr);

    QAction *action(Kind kind) const { return m_actions[kind]; }

    // Why the panels' input cannot be sent as it stands (empty = it can):
    // the close panel's code and description, the send panel's message and
    // Ping payload.
    struct InputErrors
    {
        QString close;
        QString send;
        QString ping;
    };

    // Recomputes every action from the selection and the panels' input.
    void update(const QList<SelectedConnection> &selection, const InputErrors &input);

    // The selected connections an action acts on (those whose state allows it).
    QList<quint32> targets(Kind kind) const { return m_targets[kind]; }

    // For the close panel's note: what Close acts on, and whether it will
    // acknowledge a peer's Close (a selected connection is CloseReceived).
    QString closeNote() const { return m_closeNote; }
    bool acknowledges() const { return m_acknowledges; }

    // Why `kind` cannot act on a connection in `state`; empty when it can.
    static QString blocker(Kind kind, quint32 id, protocol::State state);
    // The protocol operation behind an action (Close and Close Output are both Close).
    static protocol::Operation operationOf(Kind kind);
    // "None of the selected connections can be closed."
    static QString noneCan(Kind kind);
    // "1, 2, 3" or "1, 2, 3 and 9 more".
    static QString idList(const QList<quint32> &ids);

private:
    QString baseToolTip(Kind kind) const;

    QAction *m_actions[KindCount];
    QList<quint32> m_targets[KindCount];
    QString m_closeNote;
    bool m_acknowledges = false;
};

} // namespace closecall::ui
