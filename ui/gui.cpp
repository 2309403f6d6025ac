#include "gui.h"

#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/screenshot.h"

#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

// The options the command line named; they win over the saved settings.
QSet<QString> namedOptions(const QStringList &arguments)
{
    QSet<QString> names;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg.startsWith(u"--"))
            names.insert(arg.section(u'=', 0, 0));
    }
    return names;
}

} // namespace

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int runGui(QApplication &app, const control::CommandLine &commandLine)
{
    QApplication::setApplicationDisplayName(u"CloseCall"_s);
    QApplication::setApplicationVersion(QStringLiteral(CLOSECALL_VERSION));
    QApplication::setDesktopFileName(u"closecall"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/closecall.svg"_s));

    StartupOptions options;
    options.config = commandLine.config;
    options.frontEnd = commandLine.frontEnd;
    options.explicitOptions = namedOptions(app.arguments());
    // Hidden: a settings file of its own (scripts/screenshot, trying things out).
    options.settingsFile = qEnvironmentVariable("CLOSECALL_SETTINGS");
    installTranslations(app, chosenLanguage(options.settingsFile));

    MainWindow window(options);
    // The picture shows what a newcomer sees: the default 1280x800 window.
    if (!qEnvironmentVariableIsEmpty("CLOSECALL_SCREENSHOT"))
        window.resize(1280, 800);
    window.show();
    ScreenshotDirector::fromEnvironment(&window);
    return app.exec();
}

} // namespace closecall::ui
