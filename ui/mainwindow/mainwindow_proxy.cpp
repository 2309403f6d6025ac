// Proxy mode in the window (docs/headless.md "Proxy mode"): the toolbar's
// "Proxy to" and its settings, the pair table instead of the flat one, the
// leg the actions act on, and the per-pair / per-leg switches (hold closes,
// answer Pings), sent as `set` commands like the other running options.
#include "mainwindow.h"

#include "closepanel/closepanel.h"
#include "common/emptystatetableview.h"
#include "connections/connectionactions.h"
#include "connections/connectionspane.h"
#include "connections/legchoice.h"
#include "details/detailspanel.h"
#include "log/logpane.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/pairtablemodel.h"
#include "sendpanel/sendpanel.h"
#include "serversession.h"
#include "servertoolbar.h"
#include "timeline/timelinepane.h"

#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtWidgets/QBoxLayout>
#include <QtWidgets/QMenu>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using control::Command;
using control::CommandKind;
using server::Leg;

void MainWindow::createProxyActions()
{
    m_proxyMode = new QAction(tr("P&roxy to"), this);
    m_proxyMode->setObjectName(u"actionProxyMode"_s);
    m_proxyMode->setCheckable(true);
    m_proxyMode->setToolTip(
        tr("Proxy mode: every client that connects to the Listen on address is passed on to the "
           "target URL, and you can close either side. Off: CloseCall is the server itself. "
           "Applies at the next Start."));
    m_proxyKeepPath = new QAction(tr("Proxy: &Keep the Target's Path"), this);
    m_proxyKeepPath->setObjectName(u"actionProxyKeepPath"_s);
    m_proxyKeepPath->setCheckable(true);
    m_proxyKeepPath->setToolTip(tr("Connect to the target's own path and query only; off: the "
                                   "client's path and query are appended to the target's"));
    m_proxyHoldCloses = new QAction(tr("Proxy: &Hold Closes of New Pairs"), this);
    m_proxyHoldCloses->setObjectName(u"actionProxyHoldCloses"_s);
    m_proxyHoldCloses->setCheckable(true);
    m_proxyHoldCloses->setToolTip(
        tr("Start every pair with its closes held: a Close from either side is not passed on, "
           "so you decide what the other side sees. Off: closes are relayed with the same code "
           "and reason"));
    m_proxyInsecure = new QAction(tr("Proxy: Accept Self-S&igned Certificates"), this);
    m_proxyInsecure->setObjectName(u"actionProxyInsecure"_s);
    m_proxyInsecure->setCheckable(true);
    m_proxyInsecure->setToolTip(tr("A wss:// target whose certificate fails verification is "
                                   "accepted (the server leg's details say so)"));
    connect(m_proxyMode, &QAction::toggled, this, [this](bool on) {
        // While stopped the table shows what the next run will be.
        if (!m_session->isRunning())
            showProxyMode(on);
        updateEmptyState();
    });

    m_pairHold = new QAction(tr("&Hold Closes of This Pair"), this);
    m_pairHold->setObjectName(u"actionPairHoldCloses"_s);
    m_pairHold->setCheckable(true);
    m_pairHold->setToolTip(tr("On: a Close from either side of the selected pairs is not passed "
                              "on; the leg waits in CloseReceived until you answer it. Off: "
                              "closes are relayed"));
    connect(m_pairHold, &QAction::triggered, this, &MainWindow::toggleHoldCloses);
    m_legAutoPong = new QAction(tr("Answer Pings on This Le&g"), this);
    m_legAutoPong->setObjectName(u"actionLegAutoPong"_s);
    m_legAutoPong->setCheckable(true);
    m_legAutoPong->setToolTip(tr("On: CloseCall answers the Pings that arrive on the chosen leg "
                                 "itself. Off (the default): Pings are passed through to the "
                                 "other side"));
    connect(m_legAutoPong, &QAction::triggered, this, &MainWindow::toggleLegAutoPong);

    connect(m_legs, &LegChoice::legChanged, this, [this](Leg leg) {
        m_pairs->setActiveLeg(leg);
        updateConnectionActions();
        // The timeline draws one connection: the chosen leg of the pair.
        m_timelinePane->showConnection(m_connectionsPane->currentId());
    });
}

void MainWindow::showProxyMode(bool on)
{
    m_connectionsPane->setProxyMode(on);
    m_legs->setVisible(on);
    m_logPane->setProxyMode(on);
    for (QAction *action : {m_pairHold, m_legAutoPong})
        action->setVisible(on);
    // Echo and manual acknowledge do not apply to a proxy's legs
    // (docs/headless.md `set`); Answer Pings is per leg there.
    for (QAction *action : {m_echo, m_autoAck, m_autoPong})
        action->setVisible(!on);
    updateConnectionActions();
}

bool MainWindow::isProxyView() const
{
    return m_connectionsPane->isProxyMode();
}

void MainWindow::addLegBars()
{
    // At the top of the Close and Send panels: which leg their buttons act on.
    for (QWidget *panel :
         {static_cast<QWidget *>(m_closePanel), static_cast<QWidget *>(m_sendPanel)})
        if (auto *box = qobject_cast<QBoxLayout *>(panel->layout()))
            box->insertWidget(0, m_legs->makeBar(panel));
}

QString MainWindow::fillProxyConfig(server::ServerConfig &config) const
{
    config.proxy = {};
    if (!m_proxyMode->isChecked())
        return {};
    const QString error = m_toolBar->proxyTargetError();
    if (!error.isEmpty())
        return error;
    config.proxy.target = m_toolBar->proxyTarget();
    config.proxy.keepTargetPath = m_proxyKeepPath->isChecked();
    config.proxy.holdCloses = m_proxyHoldCloses->isChecked();
    config.proxy.insecure = m_proxyInsecure->isChecked();
    return {};
}

QList<quint32> MainWindow::selectedPairLegs() const
{
    // Both legs of every selected pair: what the log shows for a pair.
    QList<quint32> ids;
    const QModelIndexList rows = m_connectionsPane->view()->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        for (int role :
             {monitor::PairTableModel::ClientConnRole, monitor::PairTableModel::ServerConnRole}) {
            const quint32 id = row.data(role).toUInt();
            if (id != 0)
                ids.append(id);
        }
    }
    return ids;
}

void MainWindow::updateProxyActions()
{
    if (!isProxyView()) {
        m_pairHold->setEnabled(false);
        m_legAutoPong->setEnabled(false);
        return;
    }
    const auto [client, serverLeg] = m_connectionsPane->currentPair();
    const int row = m_pairs->rowOfConn(client ? client : serverLeg);
    const bool live = m_session->status() == ServerSession::Status::Listening;
    m_pairHold->setEnabled(live && row >= 0);
    m_pairHold->setChecked(row >= 0 && m_pairs->pairAt(row).holdCloses);
    const quint32 legConn = m_legs->leg() == Leg::Server ? serverLeg : client;
    m_legAutoPong->setEnabled(live && legConn != 0);
    m_legAutoPong->setChecked(legConn != 0 && m_pairs->autoPong(legConn));
    m_legAutoPong->setText(m_legs->leg() == Leg::Server ? tr("Answer Pings on the Server &Leg")
                                                        : tr("Answer Pings on the Client &Leg"));
}

void MainWindow::toggleHoldCloses(bool hold)
{
    // Either leg names its pair (docs/headless.md `set`); the client leg's
    // conn is the pair's id.
    QList<quint32> pairs;
    const QModelIndexList rows = m_connectionsPane->view()->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        pairs.append(row.data(monitor::PairTableModel::PairIdRole).toUInt());
    if (pairs.isEmpty())
        return;
    Command command;
    command.kind = CommandKind::Set;
    command.conns.ids = pairs;
    command.holdCloses = hold ? 1 : 0;
    const QByteArray id = m_session->execute(command);
    if (id.isEmpty())
        return;
    for (quint32 pair : std::as_const(pairs))
        m_pairs->setHoldCloses(pair, hold);
    m_undoIfRefused.insert(id, [this, pairs, hold] {
        for (quint32 pair : pairs)
            m_pairs->setHoldCloses(pair, !hold);
        updateProxyActions();
    });
    m_commandText.insert(id,
                         (hold ? tr("Closes held for pairs %1") : tr("Closes relayed for pairs %1"))
                             .arg(ConnectionActions::idList(pairs)));
}

void MainWindow::toggleLegAutoPong(bool on)
{
    const QList<quint32> legs = m_connectionsPane->selectedIds(); // the chosen leg of each
    if (legs.isEmpty())
        return;
    Command command;
    command.kind = CommandKind::Set;
    command.conns.ids = legs;
    command.autoPong = on ? 1 : 0;
    const QByteArray id = m_session->execute(command);
    if (id.isEmpty())
        return;
    for (quint32 leg : legs)
        m_pairs->setAutoPong(leg, on);
    m_undoIfRefused.insert(id, [this, legs, on] {
        for (quint32 leg : legs)
            m_pairs->setAutoPong(leg, !on);
        updateProxyActions();
    });
    m_commandText.insert(id, (on ? tr("Pings answered on connections %1")
                                 : tr("Pings passed through on connections %1"))
                                 .arg(ConnectionActions::idList(legs)));
}

void MainWindow::restoreProxySettings(const QSettings &s)
{
    const server::ProxyConfig &given = m_options.config.proxy;
    // --proxy-to on the command line wins over the saved mode and its options.
    if (given.isOn() || m_options.explicitOptions.contains(u"--proxy-to"_s)) {
        m_toolBar->setProxyTarget(given.target);
        m_proxyKeepPath->setChecked(given.keepTargetPath);
        m_proxyHoldCloses->setChecked(given.holdCloses);
        m_proxyInsecure->setChecked(given.insecure);
        m_proxyMode->setChecked(given.isOn());
    } else {
        m_toolBar->setProxyTarget(s.value(u"proxy/target"_s).toString());
        m_proxyKeepPath->setChecked(s.value(u"proxy/keepTargetPath"_s, false).toBool());
        m_proxyHoldCloses->setChecked(s.value(u"proxy/holdCloses"_s, false).toBool());
        m_proxyInsecure->setChecked(s.value(u"proxy/insecure"_s, false).toBool());
        m_proxyMode->setChecked(s.value(u"proxy/on"_s, false).toBool());
    }
    showProxyMode(m_proxyMode->isChecked());
}

void MainWindow::saveProxySettings(QSettings &s) const
{
    s.setValue(u"proxy/on"_s, m_proxyMode->isChecked());
    s.setValue(u"proxy/target"_s, m_toolBar->proxyTarget());
    s.setValue(u"proxy/keepTargetPath"_s, m_proxyKeepPath->isChecked());
    s.setValue(u"proxy/holdCloses"_s, m_proxyHoldCloses->isChecked());
    s.setValue(u"proxy/insecure"_s, m_proxyInsecure->isChecked());
}

} // namespace closecall::ui
