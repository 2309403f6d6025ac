#pragma once

#include "control/command.h"
#include "control/commandline.h"
#include "monitor/logexport.h"
#include "monitor/timelinelayout.h"
#include "server/serverconfig.h"

#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtWidgets/QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QSettings;
class QSplitter;
class QTimer;

namespace closecall::control {
class EngineSession;
}
namespace closecall::monitor {
class ConnectionTableModel;
class EventFeed;
class PairTableModel;
class LogModel;
} // namespace closecall::monitor

// CloseCall's main window: the server toolbar, the
// connections table above the log in a splitter, the Close, Send and
// Details docks, the menus and the status bar. The engine runs in the
// EngineSession the headless mode uses too (control/enginesession.h): every
// action on a connection goes through it to the Controller.
namespace closecall::ui {

class CloseOutcomeWatcher;
class ClosePanel;
class ConnectDialog;
class ConnectionActions;
class ConnectionsPane;
class DetailsPanel;
class GuideDialog;
class LegChoice;
class LogPane;
class SendPanel;
using ServerSession = control::EngineSession; // serversession.h
class ServerToolBar;
class StatusLine;
class TimelinePane;

struct StartupOptions
{
    server::ServerConfig config;       // from the command line
    control::FrontEndOptions frontEnd; // --log-file
    // The options the command line named ("--listen", "--tls-cert", ...):
    // those win over the saved settings.
    QSet<QString> explicitOptions;
    QString settingsFile; // empty = the user's default settings
    bool autoStart = true;
};

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(StartupOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServerSession *session() const { return m_session; }
    monitor::ConnectionTableModel *connectionModel() const { return m_connections; }
    monitor::LogModel *logModel() const { return m_log; }
    monitor::EventFeed *feed() const { return m_feed; }
    ConnectionsPane *connectionsPane() const { return m_connectionsPane; }
    LogPane *logPane() const { return m_logPane; }
    ClosePanel *closePanel() const { return m_closePanel; }
    SendPanel *sendPanel() const { return m_sendPanel; }
    DetailsPanel *detailsPanel() const { return m_detailsPanel; }
    ServerToolBar *serverToolBar() const { return m_toolBar; }
    StatusLine *statusLine() const { return m_statusLine; }
    ConnectionActions *connectionActions() const { return m_connActions; }
    TimelinePane *timelinePane() const { return m_timelinePane; }
    // Proxy mode (mainwindow_proxy.cpp): the pair table's model and the
    // leg the actions act on.
    monitor::PairTableModel *pairModel() const { return m_pairs; }
    LegChoice *legChoice() const { return m_legs; }

    // Starts the server with the toolbar's address and the TLS files.
    void startServer();
    void stopServer();

    // Writes the log (all of it less the kinds the log pane hides — command
    // results — or the rows the filter shows) without
    // asking anything: the file dialogs' work is done. Applies the events
    // still waiting in the feed first.
    monitor::ExportResult exportLogTo(const QString &path, monitor::LogFormat format,
                                      bool filteredOnly);
    // The Timeline dock's picture of the current connection, PNG or SVG,
    // without asking anything (the log's pending events are drawn first).
    monitor::ExportResult exportTimelineTo(const QString &path, monitor::TimelineFormat format);
    // The connections table as CSV (every row and column). Empty = written,
    // else why not.
    QString exportConnectionsTo(const QString &path);
    // "Log to file" without the dialog.
    bool startLogToFile(const QString &path, monitor::LogFormat format, QString *error);
    // Where the next file dialog starts: the folder of the last write that
    // succeeded, unless it is gone or under /proc, /sys or /dev; else home.
    QString dialogFolder() const;

    void saveSettings();

    // Connection ▸ Connect…: shows the dialog (made on first use) and
    // returns it.
    ConnectDialog *showConnectDialog();

    // The Help ▸ Keyboard Shortcuts text (F1): every shortcut, and how to
    // reach each pane from the keyboard.
    QString shortcutsHtml() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // mainwindow.cpp: building the window.
    void createActions();
    void createMenus();
    void createDocks();
    void restoreSettings();
    QDockWidget *addDock(QWidget *content, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);
    void resetLayout();
    void updateServerActions();
    void updateStatus();
    void updateEmptyState();
    void updateConnectionActions();
    void showContextMenu(const QPoint &globalPos);
    void showShortcuts();
    void updateTlsToolTip();
    // mainwindow_keyboard.cpp: moving the focus between the panes.
    void addFocusActions(QMenu *menu);
    void showAbout();
    void showGuide();
    void chooseTls();
    void chooseLogCapacity();

    // mainwindow_commands.cpp: the operator's commands and their results.
    void closeSelected(control::CommandKind kind);
    void abortSelected();
    void sendToSelected();
    void pingSelected();
    void copySelection();
    void applyOptions();
    // The auto-acknowledge toggle's words and icon, and the status bar badge.
    void showAckMode();
    void onCommandFinished(const QByteArray &id, control::CommandKind kind, bool ok,
                           const QString &error);
    void onListening(const QString &url);
    void onStartFailed(const QString &error);
    void onStopped();

    // mainwindow_connect.cpp: Connection ▸ Connect… and its command.
    void createConnectAction();
    void connectOut(const control::Command &command);
    void onConnectFinished(const QByteArray &id, bool ok, const QString &error);

    // mainwindow_proxy.cpp: proxy mode.
    void createProxyActions();
    void addLegBars();
    void showProxyMode(bool on);
    bool isProxyView() const;
    // Fills config.proxy from the toolbar and the Server menu; empty, or
    // why the target cannot be used.
    QString fillProxyConfig(server::ServerConfig &config) const;
    QList<quint32> selectedPairLegs() const;
    void updateProxyActions();
    void toggleHoldCloses(bool hold);
    void toggleLegAutoPong(bool on);
    void restoreProxySettings(const QSettings &settings);
    void saveProxySettings(QSettings &settings) const;

    // mainwindow_files.cpp: export and the log file, with their dialogs.
    void exportLogInteractive(bool filteredOnly);
    void exportConnectionsInteractive();
    void toggleLogToFile(bool on);
    QString askSavePath(const QString &title, const QString &baseName, const QStringList &filters,
                        int *filterIndex);
    void rememberFolderOf(const QString &writtenPath);
    void forgetUnsafeFolder();

    // mainwindow_timeline.cpp: the Timeline dock, its export and its wiring.
    void createTimeline();
    void exportTimelineInteractive();

    StartupOptions m_options;
    std::unique_ptr<QSettings> m_settings;

    monitor::ConnectionTableModel *m_connections;
    monitor::LogModel *m_log;
    monitor::EventFeed *m_feed;
    ServerSession *m_session;
    ConnectionActions *m_connActions;
    CloseOutcomeWatcher *m_outcomes;
    monitor::PairTableModel *m_pairs;
    LegChoice *m_legs;
    QList<quint32> m_lastSelection; // to tell a new selection from a changed row

    ServerToolBar *m_toolBar = nullptr;
    QSplitter *m_splitter = nullptr;
    ConnectionsPane *m_connectionsPane = nullptr;
    LogPane *m_logPane = nullptr;
    ClosePanel *m_closePanel = nullptr;
    SendPanel *m_sendPanel = nullptr;
    DetailsPanel *m_detailsPanel = nullptr;
    QDockWidget *m_closeDock = nullptr;
    QDockWidget *m_sendDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    TimelinePane *m_timelinePane = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    GuideDialog *m_guide = nullptr; // made on first use (Help ▸ User Guide)
    StatusLine *m_statusLine = nullptr;
    QTimer *m_tick = nullptr;
    QByteArray m_defaultState;

    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_tls = nullptr;
    QAction *m_echo = nullptr;
    QAction *m_autoAck = nullptr;
    QAction *m_autoPong = nullptr;
    QAction *m_deflate = nullptr;   // takes effect when the server starts
    QAction *m_proxyMode = nullptr; // the rest of proxy mode applies at Start too
    QAction *m_proxyKeepPath = nullptr;
    QAction *m_proxyHoldCloses = nullptr;
    QAction *m_proxyInsecure = nullptr;
    QAction *m_pairHold = nullptr;    // the selected pairs' closes held
    QAction *m_legAutoPong = nullptr; // the chosen leg answers Pings
    QAction *m_exportLog = nullptr;
    QAction *m_exportFiltered = nullptr;
    QAction *m_exportConnections = nullptr;
    QAction *m_exportTimeline = nullptr;
    QAction *m_logToFile = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_sendFocus = nullptr;
    QAction *m_clearEnded = nullptr;
    QAction *m_clearLog = nullptr;
    QAction *m_findLog = nullptr;
    QAction *m_findConnections = nullptr;
    QAction *m_selectAll = nullptr;
    QAction *m_editReason = nullptr;
    QAction *m_logCapacity = nullptr;
    QAction *m_resetLayout = nullptr;
    QMenu *m_contextMenu = nullptr;
    QAction *m_connectAction = nullptr;
    ConnectDialog *m_connectDialog = nullptr;
    QByteArray m_connectId; // the dialog's pending `connect`
    bool m_connectPending = false;

    QString m_tlsCert;
    QString m_tlsKey;
    QString m_startError; // why the last Start failed; cleared by the next

    // What each pending command did, for the message when its result comes.
    QHash<QByteArray, QString> m_commandText;
    // Proxy mode's switches are shown as sent; a refused `set` puts them back.
    QHash<QByteArray, std::function<void()>> m_undoIfRefused;
    bool m_closeRequested = false;
};

} // namespace closecall::ui
