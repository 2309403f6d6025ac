// CloseCall's entry point: parse the command line (docs/headless.md), then
// run a front end: the GUI when there is a display and --headless is not
// given, else the headless mode. A build without the GUI
// (CLOSECALL_BUILD_GUI=OFF, like qBittorrent's -nox) is always headless:
// it links no Qt Widgets and needs no display. `closecall peer URL` is the
// client-role command line (app/peer/), never a window.
#include "control/commandline.h"
#include "headless/headlessapp.h"
#include "peer/peerapp.h"
#ifdef CLOSECALL_HAVE_GUI
#include "ui/gui.h"

#include <QtWidgets/QApplication>
#endif

#include <QtCore/QCoreApplication>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace closecall;

namespace {

#ifdef CLOSECALL_HAVE_GUI
// Decided before the application object exists: QApplication needs a display.
bool wantsGui(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return false;
    }
    return ui::displayAvailable();
}

std::unique_ptr<QCoreApplication> makeApplication(bool gui, int &argc, char *argv[])
{
    if (gui)
        return std::make_unique<QApplication>(argc, argv);
    return std::make_unique<QCoreApplication>(argc, argv);
}
#endif

int runHeadless(QCoreApplication &app, const control::CommandLine &commandLine)
{
    headless::HeadlessApp headlessApp(commandLine.config, commandLine.frontEnd);
    QString error;
    if (!headlessApp.start(&error)) {
        headless::printError(error);
        return 2;
    }
    QObject::connect(&headlessApp, &headless::HeadlessApp::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    return app.exec();
}

// `closecall peer URL [options]`: a bad option exits 2 with one line, as
// the main command line does.
int runPeer(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("closecall"));
    QCoreApplication::setOrganizationName(QStringLiteral("CloseCall"));
    const peer::PeerCommandLine commandLine = peer::parsePeerCommandLine(app.arguments());
    switch (commandLine.status) {
    case peer::PeerCommandLine::Status::Error:
        headless::printError(commandLine.error);
        return 2;
    case peer::PeerCommandLine::Status::Help:
        std::fputs(commandLine.text.toLocal8Bit().constData(), stdout);
        return 0;
    case peer::PeerCommandLine::Status::Run:
        break;
    }
    peer::PeerApp peerApp(commandLine.options);
    QObject::connect(&peerApp, &peer::PeerApp::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    peerApp.start();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    if (peer::isPeerCommand(argc, argv))
        return runPeer(argc, argv);
#ifdef CLOSECALL_HAVE_GUI
    const bool gui = wantsGui(argc, argv);
    const std::unique_ptr<QCoreApplication> application = makeApplication(gui, argc, argv);
    QCoreApplication &app = *application;
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("closecall"));
    QCoreApplication::setOrganizationName(QStringLiteral("CloseCall"));

    const control::CommandLine commandLine = control::parseCommandLine(app.arguments());
    switch (commandLine.status) {
    case control::CommandLine::Status::Error:
        // docs/headless.md: a bad option or value exits 2 with one line naming it.
        headless::printError(commandLine.error);
        return 2;
    case control::CommandLine::Status::Help:
    case control::CommandLine::Status::Version:
        std::fputs(commandLine.text.toLocal8Bit().constData(), stdout);
        return 0;
    case control::CommandLine::Status::Run:
        break;
    }

#ifdef CLOSECALL_HAVE_GUI
    if (gui)
        return ui::runGui(static_cast<QApplication &>(app), commandLine);
    if (!commandLine.frontEnd.headless)
        headless::printError(QCoreApplication::translate(
            "main", "no display (DISPLAY and WAYLAND_DISPLAY are unset); running headless "
                    "(pass --headless to silence this note)"));
#endif
    // Without the GUI built in, headless is the only front end: --headless
    // is accepted and changes nothing.
    return runHeadless(app, commandLine);
}
