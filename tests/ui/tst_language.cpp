// The GUI in German and Swedish, loaded the way the application loads them
// (ui/i18n/translations.h): German chosen in the settings, Swedish from the
// system's LANG. At the default window size no button's text is cut short
// in German, the menus speak the language, and a refusal from the protocol
// layer (a close code that may not be sent) is shown translated.
#include "windowfixture.h"

#include "closepanel/closepanel.h"
#include "i18n/translations.h"

#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QToolBar>

#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace closecall;
using test::RawPeer;

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void germanFromTheSettingsFitsTheDefaultWindow();
    void swedishFromTheSystemLocale();

private:
    void removeTranslators();
    // The File menu's title, as the menu bar shows it.
    QString firstMenuTitle() const;
    // Every visible button whose text needs more room than it has.
    QStringList cutShortButtons() const;

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // main() set LANG before the application read the system locale.
    QCOMPARE(QLocale::system().language(), QLocale::Swedish);
}

void TestLanguage::cleanup()
{
    m_fixture.window.reset();
    removeTranslators();
}

void TestLanguage::removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QString TestLanguage::firstMenuTitle() const
{
    const QList<QAction *> menus = m_fixture.window->menuBar()->actions();
    return menus.isEmpty() ? QString() : menus.first()->text();
}

QStringList TestLanguage::cutShortButtons() const
{
    QStringList cut;
    for (QAbstractButton *button : m_fixture.window->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        // A button narrower than it asks to be elides or clips its text.
        if (button->width() < button->sizeHint().width())
            cut.append(u"%1 \"%2\" (%3 of %4 px)"_s.arg(button->objectName(), button->text())
                           .arg(button->width())
                           .arg(button->sizeHint().width()));
    }
    // A toolbar too narrow for its buttons hides the last ones behind »:
    // their texts are as good as cut.
    for (QToolBar *bar : m_fixture.window->findChildren<QToolBar *>()) {
        if (!bar->isVisible())
            continue;
        for (QAction *action : bar->actions()) {
            QWidget *widget = bar->widgetForAction(action);
            if (action->isVisible() && widget && !widget->isVisible())
                cut.append(u"toolbar %1: \"%2\" hidden for want of room"_s.arg(bar->objectName(),
                                                                               action->text()));
        }
    }
    return cut;
}

void TestLanguage::germanFromTheSettingsFitsTheDefaultWindow()
{
    const QString settingsFile = m_dir.filePath(u"german.ini"_s);
    {
        QSettings settings(settingsFile, QSettings::IniFormat);
        settings.setValue(u"ui/language"_s, u"de"_s); // Settings ▸ Language ▸ Deutsch
    }
    const QLocale chosen = ui::chosenLanguage(settingsFile);
    QCOMPARE(chosen.language(), QLocale::German);
    QVERIFY(ui::installTranslations(*qApp, chosen));

    QVERIFY(m_fixture.start(settingsFile));
    QCOMPARE(m_fixture.window->size(), QSize(1280, 800)); // the default, nothing restored
    QCOMPARE(firstMenuTitle(), u"&Datei"_s);
    // Qt's own words too (qtbase_de, Debian's qt6-translations-l10n): the
    // standard dialogs' buttons.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    QVERIFY(m_fixture.button("closeButton"));
    QCOMPARE(m_fixture.button("abortButton")->text(), u"Abbruch (RST)"_s);

    // With a connection selected, every panel shows its longest state.
    RawPeer peer;
    const quint32 id = m_fixture.openPeer(peer);
    QVERIFY(id != 0);
    QVERIFY(m_fixture.clickRow(id));
    const QStringList cut = cutShortButtons();
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u"; "_s)));

    // The check sees a cut text when there is one: squeezed, the window
    // cannot fit them all.
    m_fixture.window->resize(640, 800);
    QTRY_VERIFY_WITH_TIMEOUT(!cutShortButtons().isEmpty(), test::GuiTimeout);
}

void TestLanguage::swedishFromTheSystemLocale()
{
    const QString settingsFile = m_dir.filePath(u"system.ini"_s); // no language chosen
    const QLocale chosen = ui::chosenLanguage(settingsFile);
    QCOMPARE(chosen.language(), QLocale::Swedish);
    QVERIFY(ui::installTranslations(*qApp, chosen));

    QVERIFY(m_fixture.start(settingsFile));
    QCOMPARE(firstMenuTitle(), u"&Arkiv"_s);
    // (Qt's own Swedish is not checked: Debian 12 ships only the Qt 4 era
    // qt_sv catalogue, which lacks Qt 6's dialog button texts.)

    RawPeer peer;
    const quint32 id = m_fixture.openPeer(peer);
    QVERIFY(id != 0);
    QVERIFY(m_fixture.clickRow(id));

    // 1005 typed as a custom code: the protocol layer's refusal, in Swedish,
    // on the panel and on the disabled Close button.
    auto *panel = m_fixture.window->closePanel();
    auto *combo = panel->findChild<QComboBox *>(u"closeCodeCombo"_s);
    QVERIFY(combo);
    combo->setCurrentIndex(combo->count() - 1); // Custom code…
    auto *edit = panel->findChild<QLineEdit *>(u"customCodeEdit"_s);
    QVERIFY(edit && edit->isVisible());
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, u"1005"_s);

    const QString swedish = u"1005 (No Status Rcvd) får inte skickas som nummer"_s;
    auto *problem = panel->findChild<QLabel *>(u"closeProblemLabel"_s);
    QVERIFY(problem && problem->isVisible());
    QVERIFY2(problem->text().startsWith(swedish), qPrintable(problem->text()));
    QToolButton *close = m_fixture.button("closeButton");
    QVERIFY(!close->isEnabled());
    QVERIFY2(close->toolTip().startsWith(swedish), qPrintable(close->toolTip()));
}

int main(int argc, char **argv)
{
    // The system language, as a Swedish desktop session sets it; read once
    // when the application starts.
    setenv("LANG", "sv_SE.UTF-8", 1);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANGUAGE");
    QApplication app(argc, argv);
    TestLanguage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_language.moc"
