#pragma once

#include <QtCore/QObject>

// scripts/screenshot's hook, driven by environment variables so the
// command line stays the one docs/headless.md specifies:
//   CLOSECALL_SCREENSHOT=FILE          save a grab of the window to FILE, then quit
//   CLOSECALL_SCREENSHOT_WAIT_OPEN=N   first wait until N connections have opened
//   CLOSECALL_SCREENSHOT_COMMANDS=F    then run F's commands (JSON Lines, the
//                                      headless vocabulary) through the Controller
//   CLOSECALL_SCREENSHOT_SETTLE_MS=MS  then wait this long (default 2000)
//   CLOSECALL_SCREENSHOT_SELECT=1,3    and select these rows before the grab
// A connection may also be named by the path of the row that accepted it,
// `@/demo/late-3`, in SELECT and as a quoted "conn" in the commands: the
// demo's ids depend on the order its peers are accepted in.
//   CLOSECALL_SCREENSHOT_RAISE=NAME    with this dock on top (sendDock, detailsDock)
// It gives up (status 3) after 30 s without the N connections.
namespace closecall::ui {

class MainWindow;

class ScreenshotDirector final : public QObject
{
    Q_OBJECT

public:
    // Null when CLOSECALL_SCREENSHOT is not set.
    static ScreenshotDirector *fromEnvironment(MainWindow *window);

private:
    explicit ScreenshotDirector(MainWindow *window);
    void poll();
    void runCommands();
    void grab();
    // The id of the accepted (role "in") row whose path is `token` without
    // its '@', or 0; a plain number is that id.
    quint32 resolve(QStringView token) const;

    MainWindow *m_window;
    QString m_file;
    int m_waitOpen = 0;
    QString m_commands;
    int m_settleMs = 2000;
    QStringList m_select;
    int m_polls = 0;
};

} // namespace closecall::ui
