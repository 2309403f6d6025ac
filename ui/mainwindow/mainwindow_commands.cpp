// The operator's commands (Close, Close Output, Abort, Send, Ping, the
// running options, Start/Stop) and what the window does with their results.
#include "mainwindow.h"

#include "closepanel/closeoutcome.h"
#include "closepanel/closepanel.h"
#include "connections/connectionactions.h"
#include "connections/connectionspane.h"
#include "log/logpane.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/pairtablemodel.h"
#include "protocol/closecodes.h"
#include "sendpanel/sendpanel.h"
#include "serversession.h"
#include "servertoolbar.h"
#include "statusline.h"

#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using control::Command;
using control::CommandKind;

namespace {

constexpr int MessageMs = 8000;

server::ConnSelector selectorOf(const QList<quint32> &ids)
{
    server::ConnSelector selector;
    selector.ids = ids;
    return selector;
}

QString connectionsText(const QList<quint32> &ids)
{
    return ids.size() == 1 ? MainWindow::tr("connection %1").arg(ids.first())
                           : MainWindow::tr("connections %1").arg(ConnectionActions::idList(ids));
}

} // namespace

void MainWindow::startServer()
{
    if (m_session->isRunning())
        return;
    QHostAddress address;
    quint16 port = 0;
    QString error;
    if (!m_toolBar->listenAddress(&address, &port, &error)) {
        onStartFailed(tr("the listen address is not valid: %1").arg(error));
        return;
    }
    server::ServerConfig config = m_options.config;
    config.address = address;
    config.port = port;
    config.tlsCertFile = m_tlsCert;
    config.tlsKeyFile = m_tlsKey;
    config.echo = m_echo->isChecked();
    config.manualAck = !m_autoAck->isChecked();
    config.autoPong = m_autoPong->isChecked();
    config.deflate.enabled = m_deflate->isChecked();
    config.closeTimeoutMs = m_closePanel->closeTimeoutMs();
    config.closeOutputTimeoutMs = m_closePanel->closeOutputTimeoutMs();
    if (const QString proxyError = fillProxyConfig(config); !proxyError.isEmpty()) {
        onStartFailed(tr("the proxy target is not valid: %1").arg(proxyError));
        m_toolBar->focusProxyTarget();
        return;
    }
    m_pairs->setDefaultHoldCloses(config.proxy.holdCloses);
    // The table shows what this run is: pairs in proxy mode.
    showProxyMode(config.proxy.isOn());
    // Connection ids start at 1 again with every run: the old rows would
    // collide with the new ones. The log keeps them (its `listening` row
    // marks where a run begins).
    m_connections->clear();
    m_startError.clear();
    m_session->start(config);
}

void MainWindow::stopServer()
{
    m_session->stop();
}

void MainWindow::onListening(const QString &)
{
    // The status line's permanent label says where; nothing to add.
    updateServerActions();
}

void MainWindow::onStartFailed(const QString &error)
{
    // Said where the operator looks, without a modal dialog in the way: the
    // status line and the empty table.
    m_startError = error;
    m_statusLine->setListening(tr("Not listening: %1").arg(error), false);
    updateEmptyState();
    m_toolBar->focusAddress();
}

void MainWindow::onStopped()
{
    updateServerActions();
    if (!m_startError.isEmpty())
        m_statusLine->setListening(tr("Not listening: %1").arg(m_startError), false);
    updateConnectionActions();
    if (m_closeRequested)
        close();
}

void MainWindow::applyOptions()
{
    m_session->setOptions(m_echo->isChecked(), !m_autoAck->isChecked(), m_autoPong->isChecked());
}

void MainWindow::showAckMode()
{
    // Which mode is on must be plain at a glance: the toolbar button says it
    // in words and colour, and the status bar carries a badge while manual.
    const bool automatic = m_autoAck->isChecked();
    m_autoAck->setText(automatic ? tr("&Auto-acknowledge: on")
                                 : tr("&Auto-acknowledge: off (manual)"));
    m_autoAck->setIcon(
        QIcon(automatic ? u":/icons/ack.svg"_s : u":/icons/state-closereceived.svg"_s));
    if (m_statusLine)
        m_statusLine->setManualAck(!automatic);
}

void MainWindow::closeSelected(CommandKind kind)
{
    const auto actionKind =
        kind == CommandKind::Close ? ConnectionActions::Close : ConnectionActions::CloseOutput;
    updateConnectionActions();
    // The panel's verdict is checked here too: code() means nothing while the
    // typed code cannot be sent, and a wrong code must never go out.
    if (!m_connActions->action(actionKind)->isEnabled() || !m_closePanel->inputError().isEmpty())
        return;
    const QList<quint32> ids = m_connActions->targets(actionKind);
    Command command;
    command.kind = kind;
    command.conns = selectorOf(ids);
    command.code = m_closePanel->code();
    command.reason = m_closePanel->reason();
    command.timeoutMs = kind == CommandKind::Close ? m_closePanel->closeTimeoutMs()
                                                   : m_closePanel->closeOutputTimeoutMs();
    const QByteArray id = m_session->execute(command);
    if (id.isEmpty())
        return;
    QString what = protocol::describeCloseCode(command.code);
    if (!command.reason.isEmpty())
        what += u": “"_s + command.reason + u"”"_s;
    m_commandText.insert(id, (kind == CommandKind::Close ? tr("Close %1 sent to %2")
                                                         : tr("Close Output %1 sent to %2"))
                                 .arg(what, connectionsText(ids)));
    m_outcomes->watch(ids);
    m_closePanel->rememberLastUsed();
}

void MainWindow::abortSelected()
{
    updateConnectionActions();
    if (!m_connActions->action(ConnectionActions::Abort)->isEnabled())
        return;
    const QList<quint32> ids = m_connActions->targets(ConnectionActions::Abort);
    Command command;
    command.kind = CommandKind::Abort;
    command.conns = selectorOf(ids);
    const QByteArray id = m_session->execute(command);
    if (id.isEmpty())
        return;
    m_commandText.insert(id, tr("Aborted %1 (TCP reset)").arg(connectionsText(ids)));
    m_outcomes->watch(ids);
}

void MainWindow::sendToSelected()
{
    updateConnectionActions();
    if (!m_connActions->action(ConnectionActions::Send)->isEnabled())
        return;
    const QList<quint32> ids = m_connActions->targets(ConnectionActions::Send);
    Command command;
    command.kind = CommandKind::Send;
    command.conns = selectorOf(ids);
    command.messageType = m_sendPanel->messageType();
    command.payload = m_sendPanel->payload();
    const QByteArray id = m_session->execute(command);
    if (!id.isEmpty())
        m_commandText.insert(id, tr("Sent %n byte(s) to %1", nullptr, int(command.payload.size()))
                                     .arg(connectionsText(ids)));
}

void MainWindow::pingSelected()
{
    updateConnectionActions();
    if (!m_connActions->action(ConnectionActions::Ping)->isEnabled())
        return;
    const QList<quint32> ids = m_connActions->targets(ConnectionActions::Ping);
    Command command;
    command.kind = CommandKind::Ping;
    command.conns = selectorOf(ids);
    command.payload = m_sendPanel->pingPayload();
    const QByteArray id = m_session->execute(command);
    if (!id.isEmpty())
        m_commandText.insert(id, tr("Ping sent to %1").arg(connectionsText(ids)));
}

void MainWindow::onCommandFinished(const QByteArray &id, CommandKind kind, bool ok,
                                   const QString &error)
{
    const QString done = m_commandText.take(id);
    if (const auto undo = m_undoIfRefused.take(id); undo && !ok)
        undo();
    const QString text = ok ? done : tr("Refused: %1").arg(error);
    switch (kind) {
    case CommandKind::Close:
    case CommandKind::CloseOutput:
    case CommandKind::Abort:
        m_closePanel->showResult(ok, text);
        // The outcome, when the connections already ended, says more.
        if (ok)
            m_outcomes->check(true);
        break;
    case CommandKind::Send:
    case CommandKind::Ping:
        m_sendPanel->showResult(ok, text);
        break;
    case CommandKind::Set:
        if (ok && done.isEmpty())
            return; // the toggles already show it
        break;
    case CommandKind::Connect:
        onConnectFinished(id, ok, error);
        break;
    default:
        break;
    }
    if (!text.isEmpty())
        statusBar()->showMessage(text, MessageMs);
}

void MainWindow::copySelection()
{
    QString text;
    if (m_logPane->isAncestorOf(QApplication::focusWidget()))
        text = m_logPane->selectionAsText();
    else
        text = m_connectionsPane->selectionAsText();
    QGuiApplication::clipboard()->setText(text);
    const int rows = int(text.count(u'\n')) - 1;
    statusBar()->showMessage(tr("Copied %n row(s)", nullptr, qMax(0, rows)), 3000);
}

} // namespace closecall::ui
