#pragma once

// What the GUI tests need around one MainWindow: start it on a free port
// with its own settings file, open a raw peer and wait for its row, click a
// row as a person would, find a button. Header-only: each test executable
// includes it once.
#include "../server/rawpeer.h"

#include "common/emptystatetableview.h"
#include "connections/connectionspane.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/serversession.h"
#include "monitor/connectionfilterproxy.h"
#include "monitor/connectiontablemodel.h"

#include <QtTest/QtTest>
#include <QtWidgets/QToolButton>

#include <memory>

namespace closecall::test {

inline constexpr int GuiTimeout = 5000;

class WindowFixture
{
public:
    // Starts a window listening on a free port; settingsFile may already
    // hold settings. Check ok() (QVERIFY cannot return from here).
    bool start(const QString &settingsFile, bool autoStart = true)
    {
        ui::StartupOptions options;
        options.config = config;
        options.config.port = 0; // any free port: suites run in parallel
        options.explicitOptions = {QStringLiteral("--listen")};
        options.settingsFile = settingsFile;
        options.autoStart = autoStart;
        window = std::make_unique<ui::MainWindow>(options);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        if (!autoStart)
            return true;
        if (!QTest::qWaitFor(
                [&] { return window->session()->status() == ui::ServerSession::Status::Listening; },
                GuiTimeout))
            return false;
        port = window->session()->port();
        return port != 0;
    }

    // Opens a raw peer and waits for its row; returns the connection id (0 = failed).
    quint32 openPeer(RawPeer &peer, const QString &target = QStringLiteral("/"))
    {
        const int before = window->connectionModel()->rowCount();
        if (!peer.open(port, target))
            return 0;
        if (!QTest::qWaitFor([&] { return window->connectionModel()->rowCount() > before; },
                             GuiTimeout))
            return 0;
        return window->connectionModel()->rowAt(before).id;
    }

    // Clicks the connection's row in the table; true once it is the selection.
    bool clickRow(quint32 id)
    {
        ui::ConnectionsPane *pane = window->connectionsPane();
        const QModelIndex source =
            window->connectionModel()->indexOf(id, monitor::ConnectionTableModel::Remote);
        const QModelIndex index = pane->proxy()->mapFromSource(source);
        if (!index.isValid())
            return false;
        ui::EmptyStateTableView *view = pane->view();
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        return QTest::qWaitFor([&] { return pane->selectedIds() == QList<quint32>{id}; },
                               GuiTimeout);
    }

    QToolButton *button(const char *name) const
    {
        return window->findChild<QToolButton *>(QLatin1StringView(name));
    }

    // What start() starts the server with (the port is always a free one).
    server::ServerConfig config;
    std::unique_ptr<ui::MainWindow> window;
    quint16 port = 0;
};

} // namespace closecall::test
