#include "translations.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QSettings>
#include <QtCore/QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace closecall::ui {

QLocale chosenLanguage(const QString &settingsFile)
{
    const std::unique_ptr<QSettings> settings =
        settingsFile.isEmpty() ? std::make_unique<QSettings>()
                               : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    const QString chosen = settings->value(u"ui/language"_s).toString();
    QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    return locale;
}

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *ours = new QTranslator(&app);
    const bool found = ours->load(locale, u"closecall"_s, u"_"_s, u":/i18n"_s);
    if (found)
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    if (locale.language() == QLocale::English)
        return found;
    auto *qt = new QTranslator(&app);
    // "qt_xx" is the catalogue of all of Qt's modules (qt_de loads qtbase_de and
    // the others); Debian ships Swedish only as qt_sv.
    if (qt->load(locale, u"qt"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return found;
}

} // namespace closecall::ui
