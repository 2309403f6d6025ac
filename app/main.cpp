// CloseCall's entry point: parse the command line (docs/headless.md), then run a
// front end: the GUI when there is a display and --headless is not given,
// else the headless mode.
#include "control/commandline.h"
#include "headless/headlessapp.h"
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

// Decided before the application object exists: QApplication needs a display.
bool wantsGui(int argc, char *argv[])
{
#ifdef CLOSECALL_HAVE_GUI
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return false;
    }
    return ui::displayAvailable();
#else
    Q_UNUSED(argc);
    Q_UNUSED(argv);
    return false;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    const bool gui = wantsGui(argc, argv);
#ifdef CLOSECALL_HAVE_GUI
    std::unique_ptr<QCoreApplication> application =
        gui ? std::make_unique<QApplication>(argc, argv)
            : std::make_unique<QCoreApplication>(argc, argv);
#else
    auto application = std::make_unique<QCoreApplication>(argc, argv);
#endif
    QCoreApplication &app = *application;
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
#endif
    if (!commandLine.frontEnd.headless)
        headless::printError(QCoreApplication::translate(
            "main", "no display (DISPLAY and WAYLAND_DISPLAY are unset); running headless "
                    "(pass --headless to silence this note)"));

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
