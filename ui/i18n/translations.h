#pragma once

#include <QtCore/QLocale>
#include <QtCore/QString>

class QCoreApplication;

// Which language the GUI speaks (Settings ▸ Language, else the system's) and
// the translators that make it so.
namespace closecall::ui {

// The language saved under "ui/language" in `settingsFile` (the default
// QSettings when empty), else the system locale; English when neither names
// a language.
QLocale chosenLanguage(const QString &settingsFile);

// Installs CloseCall's translation for `locale` (embedded under :/i18n; the
// English one holds only plural forms) and, for other languages, Qt's own
// (qt_xx: the standard dialogs' buttons). The translators are children
// of `app`. Returns false when CloseCall has no translation for `locale`
// (the GUI then stays English).
bool installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace closecall::ui
