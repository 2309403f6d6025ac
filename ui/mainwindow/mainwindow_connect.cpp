// Connection ▸ Connect…: outgoing connections from the window, through the
// same `connect` command a script sends (docs/headless.md "Outgoing
// connections"). Their rows join the table beside the accepted ones.
#include "mainwindow.h"

#include "connect/connectdialog.h"
#include "serversession.h"

#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace closecall::ui {

void MainWindow::createConnectAction()
{
    m_connectAction = new QAction(tr("Co&nnect…"), this);
    m_connectAction->setObjectName(u"actionConnect"_s);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_connectAction->setShortcutContext(Qt::WindowShortcut);
    m_connectAction->setToolTip(tr("Open outgoing connections: CloseCall as the client of a "
                                   "server (this one by default), with a chosen behaviour"));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::showConnectDialog);
    addAction(m_connectAction);
}

ConnectDialog *MainWindow::showConnectDialog()
{
    if (!m_connectDialog) {
        m_connectDialog = new ConnectDialog(this);
        connect(m_connectDialog, &ConnectDialog::connectRequested, this, &MainWindow::connectOut);
    }
    const bool listening = m_session->status() == ServerSession::Status::Listening;
    m_connectDialog->setOwnServerUrl(listening ? m_session->url() : QString());
    m_connectDialog->restoreSettings(*m_settings);
    if (!listening)
        m_connectDialog->showError(tr("the server is not running. Outgoing connections run on "
                                      "its engine: start it first (Server ▸ Start)."));
    m_connectDialog->open();
    return m_connectDialog;
}

void MainWindow::connectOut(const control::Command &command)
{
    m_connectId.clear();
    m_connectPending = true;
    const QByteArray id = m_session->execute(command);
    if (id.isEmpty())
        return; // refused at once: onCommandFinished() has shown why
    m_connectId = id;
    m_commandText.insert(id,
                         tr("Connecting to %1 (%n connection(s))", nullptr, command.connect.count)
                             .arg(command.connect.url));
}

void MainWindow::onConnectFinished(const QByteArray &id, bool ok, const QString &error)
{
    // Only the dialog's own command (an empty id: refused before it had one).
    if (!m_connectDialog || !m_connectPending || (!id.isEmpty() && id != m_connectId))
        return;
    m_connectPending = false;
    if (ok)
        m_connectDialog->saveSettings(*m_settings);
    m_connectDialog->showResult(ok, error);
}

} // namespace closecall::ui
