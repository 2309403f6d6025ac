#include "mainwindow.h"

#include "help/guidedialog.h"

#include "closepanel/closeoutcome.h"
#include "closepanel/closepanel.h"
#include "common/emptystatetableview.h"
#include "connections/connectionactions.h"
#include "connections/connectionspane.h"
#include "connections/legchoice.h"
#include "control/demopeers.h"
#include "details/detailspanel.h"
#include "help/guidedialog.h"
#include "log/logpane.h"
#include "log/logview.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/eventfeed.h"
#include "monitor/logmodel.h"
#include "monitor/pairtablemodel.h"
#include "sendpanel/sendpanel.h"
#include "serversession.h"
#include "servertoolbar.h"
#include "statusline.h"
#include "tlsdialog.h"

#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QActionGroup>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QString &icon = {}, const QKeySequence &shortcut = {})
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    if (!icon.isEmpty())
        action->setIcon(QIcon(icon));
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
    }
    return action;
}

} // namespace

MainWindow::MainWindow(StartupOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_settings(m_options.settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(m_options.settingsFile, QSettings::IniFormat))
    , m_connections(new monitor::ConnectionTableModel(this))
    , m_log(new monitor::LogModel(this))
    , m_feed(new monitor::EventFeed(m_connections, m_log, this))
    , m_session(new ServerSession(this))
    , m_connActions(new ConnectionActions(this))
    , m_outcomes(new CloseOutcomeWatcher(m_connections, this))
    , m_pairs(new monitor::PairTableModel(m_connections, this))
    , m_legs(new LegChoice(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/icons/closecall.svg"_s));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    createActions();

    m_toolBar = new ServerToolBar(this);
    m_toolBar->addProxyControls(m_proxyMode);
    m_toolBar->addServerActions(
        {m_start, m_stop, nullptr, m_tls, nullptr, m_echo, m_autoAck, m_autoPong});
    addToolBar(Qt::TopToolBarArea, m_toolBar);

    m_connectionsPane = new ConnectionsPane(m_connections, m_clearEnded, this);
    m_connectionsPane->setPairModel(m_pairs);
    m_logPane = new LogPane(m_log, m_clearLog, this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"centralSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_connectionsPane);
    m_splitter->addWidget(m_logPane);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setContentsMargins(6, 6, 6, 0);
    setCentralWidget(m_splitter);

    createDocks();
    createMenus();
    m_statusLine = new StatusLine(statusBar());
    showAckMode();

    // Wiring: selection and panel input -> the actions; engine -> status.
    connect(m_connectionsPane, &ConnectionsPane::selectionChanged, this,
            &MainWindow::updateConnectionActions);
    connect(m_connectionsPane, &ConnectionsPane::currentChanged, this, [this](quint32 id) {
        if (isProxyView()) {
            const auto [client, serverLeg] = m_connectionsPane->currentPair();
            m_detailsPanel->showPair(client, serverLeg);
        } else {
            m_detailsPanel->showConnection(id);
        }
    });
    connect(m_connectionsPane, &ConnectionsPane::contextMenuRequested, this,
            &MainWindow::showContextMenu);
    connect(m_connectionsPane, &ConnectionsPane::activated, this, [this] {
        m_detailsDock->show();
        m_detailsDock->raise();
    });
    connect(m_closePanel, &ClosePanel::inputChanged, this, &MainWindow::updateConnectionActions);
    connect(m_logPane, &LogPane::selectConnectionRequested, this,
            [this](quint32 id) { m_connectionsPane->selectConnections({id}); });
    // The log's own context menu offers Copy (it acts on the focused view).
    m_logPane->view()->addAction(m_copy);
    connect(m_sendPanel, &SendPanel::inputChanged, this, &MainWindow::updateConnectionActions);
    connect(m_feed, &monitor::EventFeed::applied, this, &MainWindow::updateStatus);
    connect(m_feed, &monitor::EventFeed::applied, m_outcomes, [this] { m_outcomes->check(); });
    connect(m_outcomes, &CloseOutcomeWatcher::outcomeChanged, m_closePanel,
            [this](const QString &text, bool clean) { m_closePanel->showResult(clean, text); });
    connect(m_logPane, &LogPane::filterChanged, this, &MainWindow::updateStatus);
    connect(m_connections, &monitor::ConnectionTableModel::countsChanged, this,
            &MainWindow::updateStatus);
    connect(m_log, &monitor::LogModel::sizeChanged, this, &MainWindow::updateStatus);

    connect(m_session, &ServerSession::statusChanged, this, &MainWindow::updateServerActions);
    connect(m_session, &ServerSession::listening, this, &MainWindow::onListening);
    connect(m_session, &ServerSession::startFailed, this, &MainWindow::onStartFailed);
    connect(m_session, &ServerSession::stopped, this, &MainWindow::onStopped);
    connect(m_session, &ServerSession::commandFinished, this, &MainWindow::onCommandFinished);
    // The models take every batch the session hands on.
    connect(m_session, &ServerSession::eventsReady, m_feed, &monitor::EventFeed::onEvents);
    connect(m_session, &ServerSession::logFileFailed, this, [this](const QString &error) {
        m_logToFile->setChecked(false);
        m_statusLine->setLogFile({});
        statusBar()->showMessage(tr("Log to file stopped: %1").arg(error));
        QMessageBox::critical(this, tr("Log to file stopped"),
                              tr("Writing the log file failed, so logging to it has stopped.\n\n"
                                 "%1\n\nThe log in the window is complete; export it to keep it.")
                                  .arg(error));
    });
    connect(m_toolBar, &ServerToolBar::startRequested, this, [this] {
        if (!m_session->isRunning())
            startServer();
    });

    // Live durations and the rates: once a second.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_connections->tick();
        updateStatus();
    });
    m_tick->start();

    m_defaultState = saveState();
    restoreSettings();
    updateServerActions();
    updateConnectionActions();
    updateStatus();

    if (!m_options.frontEnd.logFile.isEmpty()) {
        QString error;
        if (startLogToFile(m_options.frontEnd.logFile, m_options.frontEnd.logFormat, &error))
            m_logToFile->setChecked(true);
        else
            QTimer::singleShot(0, this, [this, error] {
                QMessageBox::critical(this, tr("Log to file"), tr("--log-file: %1").arg(error));
            });
    }
    // The table has the keyboard first: arrows, Ctrl+A, then Ctrl+W.
    m_connectionsPane->view()->setFocus(Qt::OtherFocusReason);
    if (m_options.autoStart)
        QTimer::singleShot(0, this, &MainWindow::startServer);
}

MainWindow::~MainWindow()
{
    // The session (and its engine thread) goes before the models it feeds.
    delete m_session;
    m_session = nullptr;
}

void MainWindow::createActions()
{
    createConnectAction();
    createProxyActions();
    m_start = makeAction(this, u"actionStart"_s, tr("&Start"), u":/icons/start.svg"_s,
                         QKeySequence(Qt::CTRL | Qt::Key_R));
    m_start->setToolTip(tr("Listen for WebSocket clients on the address in the toolbar (Ctrl+R)"));
    connect(m_start, &QAction::triggered, this, &MainWindow::startServer);
    m_stop = makeAction(this, u"actionStop"_s, tr("S&top"), u":/icons/stop.svg"_s,
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_stop->setToolTip(tr("Close every connection with 1001 Going Away, then stop listening "
                          "(Ctrl+Shift+R)"));
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopServer);
    m_tls = makeAction(this, u"actionTls"_s, tr("&TLS…"), u":/icons/tls.svg"_s);
    connect(m_tls, &QAction::triggered, this, &MainWindow::chooseTls);

    m_echo = makeAction(this, u"actionEcho"_s, tr("&Echo"), u":/icons/echo.svg"_s);
    m_echo->setCheckable(true);
    m_echo->setChecked(m_options.config.echo);
    m_echo->setToolTip(tr("Echo each data message back while the connection is Open"));
    m_autoAck = makeAction(this, u"actionAutoAck"_s, QString(), u":/icons/ack.svg"_s);
    m_autoAck->setCheckable(true);
    m_autoAck->setChecked(!m_options.config.manualAck);
    m_autoAck->setToolTip(tr("On: answer a peer's Close at once, echoing its code (what "
                             "browsers do).\nOff (manual acknowledge, as .NET): the connection "
                             "stays CloseReceived until you Close or Close Output it."));
    m_autoPong = makeAction(this, u"actionAutoPong"_s, tr("Answer &Pings"), u":/icons/pong.svg"_s);
    m_autoPong->setCheckable(true);
    m_autoPong->setChecked(m_options.config.autoPong);
    m_autoPong->setToolTip(tr("Answer each Ping with a Pong; turn off to test a client's "
                              "keep-alive timeout"));
    for (QAction *toggle : {m_echo, m_autoAck, m_autoPong})
        connect(toggle, &QAction::toggled, this, &MainWindow::applyOptions);
    m_deflate = makeAction(this, u"actionDeflate"_s, tr("Accept &Compression"));
    m_deflate->setCheckable(true);
    m_deflate->setToolTip(tr("Accept permessage-deflate (RFC 7692) from clients that offer it, "
                             "as browsers do; applies from the next start"));
    connect(m_autoAck, &QAction::toggled, this, &MainWindow::showAckMode);

    m_exportLog = makeAction(this, u"actionExportLog"_s, tr("&Export Log…"),
                             u":/icons/export.svg"_s, QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportLog, &QAction::triggered, this, [this] { exportLogInteractive(false); });
    m_exportFiltered = makeAction(this, u"actionExportFiltered"_s, tr("Export &Filtered Log…"), {},
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportFiltered, &QAction::triggered, this, [this] { exportLogInteractive(true); });
    m_exportConnections =
        makeAction(this, u"actionExportConnections"_s, tr("Export &Connections (CSV)…"));
    connect(m_exportConnections, &QAction::triggered, this,
            &MainWindow::exportConnectionsInteractive);
    m_logToFile = makeAction(this, u"actionLogToFile"_s, tr("&Log to File…"),
                             u":/icons/log-file.svg"_s, QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logToFile->setCheckable(true);
    m_logToFile->setToolTip(tr("Append every event to a file as it happens (JSON Lines, text "
                               "or CSV), full previews included"));
    connect(m_logToFile, &QAction::triggered, this, &MainWindow::toggleLogToFile);
    m_quit = makeAction(this, u"actionQuit"_s, tr("&Quit"), {}, QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_copy =
        makeAction(this, u"actionCopy"_s, tr("&Copy"), u":/icons/copy.svg"_s, QKeySequence::Copy);
    m_copy->setToolTip(tr("Copy the selected rows as tab-separated text"));
    connect(m_copy, &QAction::triggered, this, &MainWindow::copySelection);
    m_sendFocus = makeAction(this, u"actionSendMessage"_s, tr("Send &Message…"),
                             u":/icons/send.svg"_s, QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_sendFocus, &QAction::triggered, this, [this] {
        m_sendDock->show();
        m_sendDock->raise();
        m_sendPanel->focusEditor();
    });
    m_editReason = makeAction(this, u"actionEditReason"_s, tr("Edit Close &Description"), {},
                              QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_editReason, &QAction::triggered, this, [this] {
        m_closeDock->show();
        m_closeDock->raise();
        m_closePanel->focusReason();
    });
    m_selectAll = makeAction(this, u"actionSelectAllConnections"_s, tr("Select &All Connections"),
                             {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_selectAll, &QAction::triggered, this, [this] {
        m_connectionsPane->view()->setFocus(Qt::ShortcutFocusReason);
        m_connectionsPane->view()->selectAll();
    });
    m_clearEnded =
        makeAction(this, u"actionClearEnded"_s, tr("Clear &Ended"), u":/icons/clear.svg"_s);
    m_clearEnded->setToolTip(tr("Remove the Closed and Aborted rows from the table"));
    connect(m_clearEnded, &QAction::triggered, m_connections,
            &monitor::ConnectionTableModel::clearEnded);
    m_clearLog = makeAction(this, u"actionClearLog"_s, tr("Clear &Log"), u":/icons/clear.svg"_s);
    m_clearLog->setToolTip(tr("Remove every event from the log pane (a log file being written "
                              "keeps them)"));
    connect(m_clearLog, &QAction::triggered, m_log, &monitor::LogModel::clear);
    m_findLog = makeAction(this, u"actionFindLog"_s, tr("&Filter Log"), {}, QKeySequence::Find);
    connect(m_findLog, &QAction::triggered, this, [this] { m_logPane->focusFilter(); });
    m_findConnections = makeAction(this, u"actionFindConnections"_s, tr("Filter C&onnections"), {},
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_findConnections, &QAction::triggered, this,
            [this] { m_connectionsPane->focusFilter(); });
    m_logCapacity = makeAction(this, u"actionLogCapacity"_s, tr("Log &Capacity…"));
    connect(m_logCapacity, &QAction::triggered, this, &MainWindow::chooseLogCapacity);
    m_resetLayout = makeAction(this, u"actionResetLayout"_s, tr("&Reset Layout"));
    connect(m_resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);

    using Kind = ConnectionActions::Kind;
    connect(m_connActions->action(Kind::Close), &QAction::triggered, this,
            [this] { closeSelected(control::CommandKind::Close); });
    connect(m_connActions->action(Kind::CloseOutput), &QAction::triggered, this,
            [this] { closeSelected(control::CommandKind::CloseOutput); });
    connect(m_connActions->action(Kind::Abort), &QAction::triggered, this,
            &MainWindow::abortSelected);
    connect(m_connActions->action(Kind::Send), &QAction::triggered, this,
            &MainWindow::sendToSelected);
    connect(m_connActions->action(Kind::Ping), &QAction::triggered, this,
            &MainWindow::pingSelected);
    // Window-wide shortcuts need the actions on the window.
    for (int k = 0; k < ConnectionActions::KindCount; ++k)
        addAction(m_connActions->action(Kind(k)));
}

void MainWindow::createMenus()
{
    using Kind = ConnectionActions::Kind;
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_exportLog, m_exportFiltered, m_exportConnections, m_exportTimeline});
    file->addSeparator();
    file->addAction(m_logToFile);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addActions({m_start, m_stop});
    server->addSeparator();
    server->addAction(m_tls);
    server->addSeparator();
    server->addActions({m_echo, m_autoAck, m_autoPong, m_deflate});
    server->addSeparator();
    server->setToolTipsVisible(true);
    server->addActions({m_proxyMode, m_proxyKeepPath, m_proxyHoldCloses, m_proxyInsecure});

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    connection->setToolTipsVisible(true);
    connection->addAction(m_connectAction);
    connection->addSeparator();
    connection->addActions({m_legs->clientAction(), m_legs->serverAction()});
    connection->addActions({m_connActions->action(Kind::Close),
                            m_connActions->action(Kind::CloseOutput),
                            m_connActions->action(Kind::Abort)});
    connection->addSeparator();
    connection->addActions(
        {m_sendFocus, m_connActions->action(Kind::Send), m_connActions->action(Kind::Ping)});
    connection->addSeparator();
    connection->addActions({m_editReason, m_selectAll, m_copy});
    connection->addSeparator();
    connection->addActions({m_pairHold, m_legAutoPong});
    connection->addSeparator();
    connection->addAction(m_clearEnded);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_toolBar->toggleViewAction());
    view->addAction(m_closeDock->toggleViewAction());
    view->addAction(m_sendDock->toggleViewAction());
    view->addAction(m_detailsDock->toggleViewAction());
    view->addAction(m_timelineDock->toggleViewAction());
    view->addSeparator();
    addFocusActions(view);
    view->addSeparator();
    view->addActions({m_findConnections, m_findLog});
    QAction *follow = view->addAction(tr("Follow Log &Tail"));
    follow->setObjectName(u"actionFollowTail"_s);
    follow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    // Only inside the log: in the connections table Ctrl+End goes to the
    // last row, as in any table.
    follow->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_logPane->addAction(follow);
    connect(follow, &QAction::triggered, m_logPane->view(), &LogView::followTail);
    view->addAction(m_clearLog);
    view->addSeparator();
    view->addAction(m_resetLayout);

    QMenu *settings = menuBar()->addMenu(tr("Se&ttings"));
    settings->addAction(m_logCapacity);
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(language);
    const QString current = m_settings->value(u"ui/language"_s).toString();
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("System default")},
        {u"en"_s, u"English"_s},
        {u"de"_s, u"Deutsch"_s},
        {u"sv"_s, u"Svenska"_s},
    };
    for (const auto &[code, name] : choices) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            m_settings->setValue(u"ui/language"_s, code);
            statusBar()->showMessage(tr("The language changes when CloseCall starts again."), 8000);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User Guide"), this, &MainWindow::showGuide)
        ->setObjectName(u"actionUserGuide"_s);
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    // The built-in misbehaving peers (control/demopeers.h) against the
    // running server: live rows to close. --demo starts them at once.
    QAction *demo = help->addAction(tr("Start &Demo"));
    demo->setObjectName(u"actionStartDemo"_s);
    demo->setEnabled(m_session->status() == ServerSession::Status::Listening);
    demo->setStatusTip(tr("Connect a handful of built-in peers to the running server, each "
                          "misbehaving differently; close them to see what happens"));
    connect(demo, &QAction::triggered, this, [this] {
        const int peers = control::startDemo(*m_session);
        statusBar()->showMessage(tr("Demo: %n peer(s) connecting", nullptr, peers), 8000);
    });
    connect(m_session, &ServerSession::statusChanged, demo, [demo](ServerSession::Status status) {
        demo->setEnabled(status == ServerSession::Status::Listening);
    });
    if (m_options.frontEnd.demo)
        connect(m_session, &ServerSession::listening, demo, &QAction::trigger,
                Qt::SingleShotConnection);
    help->addSeparator();
    help->addAction(tr("&About CloseCall"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    m_contextMenu = new QMenu(this);
    m_contextMenu->setToolTipsVisible(true);
    m_contextMenu->addActions({m_legs->clientAction(), m_legs->serverAction()});
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({m_connActions->action(Kind::Close),
                               m_connActions->action(Kind::CloseOutput),
                               m_connActions->action(Kind::Abort)});
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({m_sendFocus, m_connActions->action(Kind::Ping)});
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({m_pairHold, m_legAutoPong});
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_copy);
    QAction *details = m_contextMenu->addAction(tr("Show &Details"));
    connect(details, &QAction::triggered, this, [this] {
        m_detailsDock->show();
        m_detailsDock->raise();
    });
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_clearEnded);
}

QDockWidget *MainWindow::addDock(QWidget *content, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    using Kind = ConnectionActions::Kind;
    m_closePanel =
        new ClosePanel(m_connActions->action(Kind::Close), m_connActions->action(Kind::CloseOutput),
                       m_connActions->action(Kind::Abort), this);
    m_closePanel->setTimeouts(m_options.config.closeTimeoutMs,
                              m_options.config.closeOutputTimeoutMs);
    m_sendPanel =
        new SendPanel(m_connActions->action(Kind::Send), m_connActions->action(Kind::Ping), this);
    m_detailsPanel = new DetailsPanel(m_connections, this);
    addLegBars();

    m_closeDock = addDock(m_closePanel, tr("Close"), u"closeDock"_s, Qt::RightDockWidgetArea);
    m_detailsDock =
        addDock(m_detailsPanel, tr("Details"), u"detailsDock"_s, Qt::RightDockWidgetArea);
    m_sendDock = addDock(m_sendPanel, tr("Send"), u"sendDock"_s, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_detailsDock, m_sendDock);
    createTimeline();
    m_detailsDock->raise();
    resizeDocks({m_closeDock}, {400}, Qt::Horizontal);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    for (QDockWidget *dock : {m_closeDock, m_sendDock, m_detailsDock, m_timelineDock}) {
        dock->setFloating(false);
        dock->show();
    }
    m_toolBar->show();
    m_detailsDock->raise();
    m_splitter->setSizes({2 * height() / 5, 3 * height() / 5});
}

void MainWindow::updateServerActions()
{
    using Status = ServerSession::Status;
    const Status status = m_session->status();
    m_start->setEnabled(status == Status::Stopped);
    m_deflate->setEnabled(status == Status::Stopped);
    m_stop->setEnabled(status == Status::Starting || status == Status::Listening);
    m_toolBar->setEditable(status == Status::Stopped);
    switch (status) {
    case Status::Stopped:
        if (m_startError.isEmpty())
            m_statusLine->setListening(tr("Stopped"), true);
        // Qt appends the application's display name ("— CloseCall").
        setWindowTitle(QString());
        break;
    case Status::Starting:
        m_statusLine->setListening(tr("Starting on %1…").arg(m_toolBar->listenText()), true);
        break;
    case Status::Listening:
        if (m_session->config().proxy.isOn())
            m_statusLine->setListening(
                tr("Proxying %1 → %2").arg(m_session->url(), m_session->config().proxy.target),
                true);
        else
            m_statusLine->setListening(tr("Listening on %1").arg(m_session->url()), true);
        setWindowTitle(m_session->url());
        break;
    case Status::Stopping:
        m_statusLine->setListening(tr("Stopping: closing every connection…"), true);
        break;
    }
    updateEmptyState();
}

void MainWindow::updateEmptyState()
{
    using Status = ServerSession::Status;
    switch (m_session->status()) {
    case Status::Listening:
        if (m_session->config().proxy.isOn()) {
            m_connectionsPane->setEmptyState(
                tr("No pairs yet: connect a client to %1").arg(m_session->url()),
                tr("CloseCall passes each client on to %1 and shows both legs here")
                    .arg(m_session->config().proxy.target));
            break;
        }
        m_connectionsPane->setEmptyState(
            tr("No connections yet: connect a client to %1").arg(m_session->url()),
            tr("For example, in a browser's console: new WebSocket(\"%1\")").arg(m_session->url()));
        break;
    case Status::Starting:
        m_connectionsPane->setEmptyState(tr("Starting…"), {});
        break;
    case Status::Stopping:
    case Status::Stopped:
        if (!m_startError.isEmpty()) {
            m_connectionsPane->setEmptyState(
                tr("Not listening: %1").arg(m_startError),
                tr("Change the address or port in the toolbar and press Start (Ctrl+R)"));
            break;
        }
        m_connectionsPane->setEmptyState(
            tr("The server is stopped"),
            tr("Press Start (Ctrl+R) to listen on %1").arg(m_toolBar->listenText()));
        break;
    }
}

void MainWindow::updateStatus()
{
    m_statusLine->setConnections(m_connections->openCount(), m_connections->totalCount());
    const monitor::EventFeed::Rates rates = m_feed->rates();
    m_statusLine->setRates(rates.messagesIn, rates.messagesOut);
    m_statusLine->setLog(m_log->rowCount(), m_log->dropped(), m_log->capacity());
    m_exportFiltered->setEnabled(m_logPane->isFiltering());
}

void MainWindow::updateConnectionActions()
{
    const QList<SelectedConnection> selection = m_connectionsPane->selection();
    m_connActions->update(selection, {m_closePanel->inputError(), m_sendPanel->sendError(),
                                      m_sendPanel->pingError()});
    m_closePanel->setSelectionNote(m_connActions->closeNote(), m_connActions->acknowledges());
    QList<quint32> ids;
    ids.reserve(selection.size());
    for (const SelectedConnection &c : selection)
        ids.append(c.id);
    if (ids != m_lastSelection) {
        // What the panel said about other connections would read as if it
        // were about these.
        m_lastSelection = ids;
        if (m_outcomes->watched() != ids) {
            m_outcomes->clear();
            m_closePanel->clearResult();
        }
    }
    if (isProxyView()) {
        // A pair is both its legs: the log shows both, the details both.
        m_logPane->setSelectedConnections(selectedPairLegs());
        const auto [client, serverLeg] = m_connectionsPane->currentPair();
        m_detailsPanel->showPair(client, serverLeg);
    } else {
        m_logPane->setSelectedConnections(ids);
        m_detailsPanel->showConnection(m_connectionsPane->currentId());
    }
    updateProxyActions();
}

void MainWindow::showContextMenu(const QPoint &globalPos)
{
    updateConnectionActions();
    m_contextMenu->popup(globalPos);
}

void MainWindow::chooseTls()
{
    TlsDialog dialog(this);
    dialog.setFiles(m_tlsCert, m_tlsKey);
    if (dialog.exec() != QDialog::Accepted) {
        m_tls->setChecked(!m_tlsCert.isEmpty());
        return;
    }
    m_tlsCert = dialog.certificateFile();
    m_tlsKey = dialog.keyFile();
    m_tls->setChecked(!m_tlsCert.isEmpty());
    updateTlsToolTip();
    if (m_session->isRunning())
        statusBar()->showMessage(tr("The TLS change applies at the next Start."), 8000);
}

void MainWindow::updateTlsToolTip()
{
    m_tls->setToolTip(
        m_tlsCert.isEmpty()
            ? tr("Choose a certificate and key to serve wss:// (TLS) instead of ws://; the "
                 "change applies at the next Start")
            : tr("Serving wss:// with %1 (applies at Start); click to change or turn off TLS")
                  .arg(QFileInfo(m_tlsCert).fileName()));
}

void MainWindow::chooseLogCapacity()
{
    bool ok = false;
    const int capacity = QInputDialog::getInt(
        this, tr("Log capacity"),
        tr("Events the log keeps (the oldest go when it is full; about 120 bytes each):"),
        int(m_log->capacity()), 1000, 50'000'000, 100'000, &ok);
    if (ok)
        m_log->setCapacity(capacity);
}

void MainWindow::showAbout()
{
    QString text =
        tr("<h3>CloseCall %1</h3><p>A console for WebSocket servers: see how your clients "
           "behave when a server closes on them.</p><p><b>Close</b> sends our Close and "
           "waits for the peer's (data meanwhile is discarded); <b>Close Output</b> sends it "
           "and keeps delivering what the peer still sends; <b>Abort</b> resets TCP.</p>")
            .arg(QApplication::applicationVersion());
    text += tr("<p>Built with Qt %1, running on Qt %2.<br>Released under the MIT License.</p>")
                .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));
    const QString homepage = QStringLiteral(CLOSECALL_HOMEPAGE);
    if (!homepage.isEmpty())
        text += tr("<p>Homepage: <a href=\"%1\">%1</a></p>").arg(homepage.toHtmlEscaped());
    QMessageBox::about(this, tr("About CloseCall"), text);
}

void MainWindow::showGuide()
{
    if (!m_guide)
        m_guide = new GuideDialog(this);
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session->isRunning() && !m_closeRequested) {
        // Close every connection properly first; a second close (or 4 s)
        // ends it regardless.
        m_closeRequested = true;
        event->ignore();
        m_session->stop(2000);
        QTimer::singleShot(4000, this, [this] {
            m_session->stopNow();
            close();
        });
        return;
    }
    saveSettings();
    m_session->stopNow();
    event->accept();
}

} // namespace closecall::ui
