// Where the file dialogs start. A folder is remembered only after a write
// into it succeeded, never one under /proc, /sys or /dev (a dialog opened in
// /proc blocked the GUI thread reading /proc/kmsg), and a bad folder already
// in the settings is dropped at start-up. The dialog itself is opened and
// looked at: its folder and the file name it suggests.
#include "windowfixture.h"

#include "files/savefolder.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>

using namespace Qt::StringLiterals;
using namespace closecall;

class TestSaveFolder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void pseudoFileSystems_data();
    void pseudoFileSystems();
    void aFailedWriteIsNotRemembered();
    void aProcFolderInTheSettingsIsDroppedAtStartUp();
    void theExportDialogNeverStartsInProc();

private:
    // Triggers `action`, waits for the file dialog it opens, notes its
    // folder and suggested file, and cancels it.
    bool openAndCancelDialog(QAction *action, QString *folder, QString *file);

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestSaveFolder::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSaveFolder::cleanup()
{
    m_fixture.window.reset();
}

void TestSaveFolder::pseudoFileSystems_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("pseudo");
    QTest::newRow("/proc") << u"/proc"_s << true;
    QTest::newRow("/proc/") << u"/proc/"_s << true;
    QTest::newRow("/proc/self") << u"/proc/self"_s << true;
    QTest::newRow("/sys/kernel") << u"/sys/kernel"_s << true;
    QTest::newRow("/dev") << u"/dev"_s << true;
    QTest::newRow("/dev/../proc") << u"/dev/../proc"_s << true;
    QTest::newRow("/procfoo is not /proc") << u"/procfoo"_s << false;
    QTest::newRow("/tmp") << QDir::tempPath() << false;
    QTest::newRow("home") << QDir::homePath() << false;
}

void TestSaveFolder::pseudoFileSystems()
{
    QFETCH(QString, path);
    QFETCH(bool, pseudo);
    QCOMPARE(ui::isPseudoFileSystemPath(path), pseudo);
    if (pseudo)
        QCOMPARE(ui::dialogStartFolder(path), QDir::homePath());
}

void TestSaveFolder::aFailedWriteIsNotRemembered()
{
    const QString settings = m_dir.filePath(u"failed.ini"_s);
    QVERIFY(m_fixture.start(settings));
    ui::MainWindow *window = m_fixture.window.get();
    QCOMPARE(window->dialogFolder(), QDir::homePath()); // nothing written yet

    const QString good = m_dir.filePath(u"exports"_s);
    QVERIFY(QDir().mkpath(good));
    monitor::ExportResult result =
        window->exportLogTo(good + u"/log.jsonl"_s, monitor::LogFormat::Jsonl, false);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(window->dialogFolder(), good);

    // Writes that fail (even as root: /proc and /sys take no new files)
    // leave the remembered folder alone.
    result = window->exportLogTo(u"/proc/closecall-test.jsonl"_s, monitor::LogFormat::Jsonl, false);
    QVERIFY(!result.ok());
    QCOMPARE(window->dialogFolder(), good);
    QVERIFY(!window->exportConnectionsTo(u"/sys/closecall-test.csv"_s).isEmpty());
    QCOMPARE(window->dialogFolder(), good);
    QString error;
    QVERIFY(
        !window->startLogToFile(u"/proc/closecall-test.log"_s, monitor::LogFormat::Text, &error));
    QCOMPARE(window->dialogFolder(), good);
    result = window->exportLogTo(m_dir.filePath(u"missing/log.jsonl"_s), monitor::LogFormat::Jsonl,
                                 false);
    QVERIFY(!result.ok());
    QCOMPARE(window->dialogFolder(), good);

    window->saveSettings();
    QCOMPARE(QSettings(settings, QSettings::IniFormat).value(u"files/lastDir"_s).toString(), good);
}

void TestSaveFolder::aProcFolderInTheSettingsIsDroppedAtStartUp()
{
    const QString settings = m_dir.filePath(u"proc.ini"_s);
    {
        QSettings s(settings, QSettings::IniFormat);
        s.setValue(u"files/lastDir"_s, u"/proc"_s);
    }
    QVERIFY(m_fixture.start(settings, false));
    QCOMPARE(m_fixture.window->dialogFolder(), QDir::homePath());
    m_fixture.window->saveSettings();
    m_fixture.window.reset();
    QVERIFY(!QSettings(settings, QSettings::IniFormat).contains(u"files/lastDir"_s));
}

bool TestSaveFolder::openAndCancelDialog(QAction *action, QString *folder, QString *file)
{
    bool seen = false;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        seen = true;
        *folder = dialog->directory().absolutePath();
        const QStringList files = dialog->selectedFiles();
        *file = files.isEmpty() ? QString() : QFileInfo(files.first()).fileName();
        dialog->reject();
    });
    poll.start();
    // Returns when the dialog is gone (the poll cancels it).
    action->trigger();
    poll.stop();
    return seen;
}

void TestSaveFolder::theExportDialogNeverStartsInProc()
{
    const QString settings = m_dir.filePath(u"dialog.ini"_s);
    QVERIFY(m_fixture.start(settings, false));
    ui::MainWindow *window = m_fixture.window.get();

    // A folder that was fine when written to and now leads into /proc.
    const QString folder = m_dir.filePath(u"was-a-folder"_s);
    QVERIFY(QDir().mkpath(folder));
    monitor::ExportResult result =
        window->exportLogTo(folder + u"/log.jsonl"_s, monitor::LogFormat::Jsonl, false);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(window->dialogFolder(), folder);

    QAction *exportLog = window->findChild<QAction *>(u"actionExportLog"_s);
    QVERIFY(exportLog);
    QString shown;
    QString name;
    QVERIFY(openAndCancelDialog(exportLog, &shown, &name));
    QCOMPARE(shown, folder);
    // The suggested name has the format's extension (JSON Lines first).
    QVERIFY2(name.startsWith(u"closecall-"_s) && name.endsWith(u".jsonl"_s), qPrintable(name));

    QVERIFY(QFile::remove(folder + u"/log.jsonl"_s));
    QVERIFY(QDir().rmdir(folder));
    QVERIFY(QFile::link(u"/proc"_s, folder));
    QCOMPARE(window->dialogFolder(), QDir::homePath());
    QVERIFY(openAndCancelDialog(exportLog, &shown, &name));
    QCOMPARE(shown, QDir::homePath());

    QAction *exportConnections = window->findChild<QAction *>(u"actionExportConnections"_s);
    QVERIFY(openAndCancelDialog(exportConnections, &shown, &name));
    QCOMPARE(shown, QDir::homePath());
    QVERIFY2(name.endsWith(u".csv"_s), qPrintable(name));
}

QTEST_MAIN(TestSaveFolder)
#include "tst_savefolder.moc"
