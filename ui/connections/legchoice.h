#pragma once

#include "server/event.h"

#include <QtCore/QObject>

class QAction;
class QWidget;

// Proxy mode (docs/headless.md "Proxy mode"): which leg of the selected
// pairs the connection actions (Close, Close Output, Abort, Send, Ping) act
// on. Two exclusive checkable actions, shown as a bar in the Close and Send
// panels and in the Connection menu, so every place shows the same choice.
namespace closecall::ui {

class LegChoice final : public QObject
{
    Q_OBJECT

public:
    explicit LegChoice(QObject *parent = nullptr);

    server::Leg leg() const;
    void setLeg(server::Leg leg);

    QAction *clientAction() const { return m_client; }
    QAction *serverAction() const { return m_server; }

    // "Act on: [Client leg] [Server leg]", with the actions' tooltips.
    // Visible only while `setVisible(true)` (proxy mode).
    QWidget *makeBar(QWidget *parent);
    void setVisible(bool visible);

Q_SIGNALS:
    void legChanged(closecall::server::Leg leg);

private:
    QAction *m_client;
    QAction *m_server;
    QList<QWidget *> m_bars;
    bool m_visible = false;
};

} // namespace closecall::ui
