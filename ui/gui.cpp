#include "gui.h"

#include "mainwindow/mainwindow.h"
#include "mainwindow/screenshot.h"

#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QSettings>
#include <QtCore/QTranslator>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

#include <memory>

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

void loadTranslations(QApplication &app, const QString &settingsFile)
{
    const std::unique_ptr<QSettings> settings =
        settingsFile.isEmpty() ? std::make_unique<QSettings>()
                               : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    const QString chosen = settings->value(u"ui/language"_s).toString();
    QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);

    // Ours (embedded by qt_add_translations under :/i18n; English has its
    // plural forms there), then Qt's own for the standard dialogs' buttons.
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, u"closecall"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(ours);
    if (locale.language() == QLocale::English)
        return;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
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
    loadTranslations(app, options.settingsFile);

    MainWindow window(options);
    // The picture shows what a newcomer sees: the default 1280x800 window.
    if (!qEnvironmentVariableIsEmpty("CLOSECALL_SCREENSHOT"))
        window.resize(1280, 800);
    window.show();
    ScreenshotDirector::fromEnvironment(&window);
    return app.exec();
}

} // namespace closecall::ui
