#include "screenshot.h"

#include "connections/connectionspane.h"
#include "control/commandparser.h"
#include "log/logpane.h"
#include "log/logview.h"
#include "mainwindow.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/eventfeed.h"
#include "serversession.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtGui/QPixmap>
#include <QtWidgets/QDockWidget>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

constexpr int PollMs = 100;
constexpr int GiveUpPolls = 300; // 30 s

void fail(const QString &why)
{
    std::fprintf(stderr, "closecall: screenshot: %s\n", qPrintable(why));
    QCoreApplication::exit(3);
}

} // namespace

ScreenshotDirector *ScreenshotDirector::fromEnvironment(MainWindow *window)
{
    if (qEnvironmentVariableIsEmpty("CLOSECALL_SCREENSHOT"))
        return nullptr;
    return new ScreenshotDirector(window);
}

ScreenshotDirector::ScreenshotDirector(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_file(qEnvironmentVariable("CLOSECALL_SCREENSHOT"))
    , m_waitOpen(qEnvironmentVariableIntValue("CLOSECALL_SCREENSHOT_WAIT_OPEN"))
    , m_commands(qEnvironmentVariable("CLOSECALL_SCREENSHOT_COMMANDS"))
{
    bool ok = false;
    const int settle = qEnvironmentVariableIntValue("CLOSECALL_SCREENSHOT_SETTLE_MS", &ok);
    if (ok)
        m_settleMs = settle;
    m_select = qEnvironmentVariable("CLOSECALL_SCREENSHOT_SELECT").split(u',', Qt::SkipEmptyParts);
    QTimer::singleShot(PollMs, this, &ScreenshotDirector::poll);
}

void ScreenshotDirector::poll()
{
    const bool listening = m_window->session()->status() == ServerSession::Status::Listening;
    if (listening && m_window->connectionModel()->totalCount() >= quint64(m_waitOpen)) {
        runCommands();
        return;
    }
    if (++m_polls >= GiveUpPolls) {
        fail(u"%1 connections did not open in 30 s"_s.arg(m_waitOpen));
        return;
    }
    QTimer::singleShot(PollMs, this, &ScreenshotDirector::poll);
}

void ScreenshotDirector::runCommands()
{
    if (!m_commands.isEmpty()) {
        QFile file(m_commands);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(u"cannot read %1: %2"_s.arg(m_commands, file.errorString()));
            return;
        }
        static const QRegularExpression pathToken(uR"re("@(/[^"]*)")re"_s);
        while (!file.atEnd()) {
            QString line = QString::fromUtf8(file.readLine());
            for (QRegularExpressionMatch m = pathToken.match(line); m.hasMatch();
                 m = pathToken.match(line)) {
                const quint32 id = resolve(m.capturedView(0).sliced(1).chopped(1));
                if (id == 0) {
                    fail(u"no accepted connection has the path %1"_s.arg(m.captured(1)));
                    return;
                }
                line.replace(m.capturedStart(), m.capturedLength(), QString::number(id));
            }
            const control::ParsedCommand parsed = control::parseCommand(line.toUtf8());
            if (parsed.blank)
                continue;
            if (!parsed.ok()) {
                fail(parsed.error);
                return;
            }
            m_window->session()->execute(*parsed.command);
        }
    }
    QTimer::singleShot(m_settleMs, this, &ScreenshotDirector::grab);
}

void ScreenshotDirector::grab()
{
    m_window->feed()->flush();
    QList<quint32> select;
    for (const QString &token : std::as_const(m_select)) {
        if (const quint32 id = resolve(token.trimmed()))
            select.append(id);
    }
    m_window->connectionsPane()->selectConnections(select);
    // CLOSECALL_SCREENSHOT_RAISE=closeDock|sendDock|detailsDock: that dock on top.
    const QString raise = qEnvironmentVariable("CLOSECALL_SCREENSHOT_RAISE");
    if (!raise.isEmpty()) {
        if (auto *dock = m_window->findChild<QDockWidget *>(raise)) {
            dock->show();
            dock->raise();
        }
    }
    m_window->logPane()->view()->followTail();
    // Two turns of the event loop: the selection and the scroll are drawn.
    QTimer::singleShot(200, this, [this] {
        const QPixmap pixmap = m_window->grab();
        if (!pixmap.save(m_file, "PNG")) {
            fail(u"cannot write %1"_s.arg(m_file));
            return;
        }
        std::fprintf(stderr, "closecall: screenshot saved to %s\n", qPrintable(m_file));
        QCoreApplication::exit(0);
    });
}

quint32 ScreenshotDirector::resolve(QStringView token) const
{
    if (!token.startsWith(u'@'))
        return token.toUInt();
    const monitor::ConnectionTableModel *model = m_window->connectionModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const monitor::ConnectionRow &r = model->rowAt(row);
        if (!r.outgoing && r.path == token.sliced(1))
            return r.id;
    }
    return 0;
}

} // namespace closecall::ui
