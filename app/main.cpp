// CloseCall's entry point: parse the command line (HEADLESS.md), then run a
// front end. The GUI is a later issue; until it exists every run is headless.
#include "control/commandline.h"
#include "headless/headlessapp.h"

#include <QtCore/QCoreApplication>

#include <cstdio>

using namespace closecall;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("closecall"));
    QCoreApplication::setOrganizationName(QStringLiteral("CloseCall"));

    const control::CommandLine commandLine = control::parseCommandLine(app.arguments());
    switch (commandLine.status) {
    case control::CommandLine::Status::Error:
        // HEADLESS.md: a bad option or value exits 2 with one line naming it.
        headless::printError(commandLine.error);
        return 2;
    case control::CommandLine::Status::Help:
    case control::CommandLine::Status::Version:
        std::fputs(commandLine.text.toLocal8Bit().constData(), stdout);
        return 0;
    case control::CommandLine::Status::Run:
        break;
    }

    if (!commandLine.frontEnd.headless)
        headless::printError(QCoreApplication::translate(
            "main", "the GUI is not built yet; running headless (pass --headless to silence "
                    "this note)"));

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
