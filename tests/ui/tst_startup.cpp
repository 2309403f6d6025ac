// What the window starts with: the saved settings, and the command line's
// options, which win over them when named; TLS files from the settings
// serve wss://.
#include "closepanel/closepanel.h"
#include "connections/connectionspane.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/serversession.h"
#include "mainwindow/servertoolbar.h"
#include "monitor/connectiontablemodel.h"

#include <QtCore/QProcess>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslError>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;
using namespace closecall;
using ui::MainWindow;

namespace {

constexpr int Timeout = 5000;

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void savedSettingsUnlessTheCommandLineNamesThem_data();
    void savedSettingsUnlessTheCommandLineNamesThem();
    void tlsFilesFromTheSettingsServeWss();

private:
    QString settingsFile(const QString &name) const { return m_dir.filePath(name + u".ini"_s); }

    QTemporaryDir m_dir;
};

void TestStartup::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestStartup::savedSettingsUnlessTheCommandLineNamesThem_data()
{
    QTest::addColumn<QStringList>("named");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("closeTimeoutMs");
    QTest::newRow("nothing named: the saved ones") << QStringList{} << u"::1"_s << 9555 << 2500;
    QTest::newRow("--listen named: the command line's address")
        << QStringList{u"--listen"_s} << u"127.0.0.1"_s << 9777 << 2500;
    QTest::newRow("--close-timeout named: the command line's timeout")
        << QStringList{u"--close-timeout"_s} << u"::1"_s << 9555 << 7000;
}

void TestStartup::savedSettingsUnlessTheCommandLineNamesThem()
{
    QFETCH(QStringList, named);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, closeTimeoutMs);

    const QString file = settingsFile(QString::fromLatin1(QTest::currentDataTag()).left(12));
    {
        QSettings saved(file, QSettings::IniFormat);
        saved.setValue(u"server/host"_s, u"::1"_s);
        saved.setValue(u"server/port"_s, 9555);
        saved.setValue(u"close/closeTimeoutMs"_s, 2500);
        saved.setValue(u"close/code"_s, 1013);
        saved.setValue(u"close/reason"_s, u"try later"_s);
    }
    ui::StartupOptions options;
    options.config.port = 9777;
    options.config.closeTimeoutMs = 7000;
    options.explicitOptions = QSet<QString>(named.cbegin(), named.cend());
    options.settingsFile = file;
    options.autoStart = false;
    MainWindow window(options);
    QCOMPARE(window.serverToolBar()->host(), host);
    QCOMPARE(int(window.serverToolBar()->port()), port);
    QCOMPARE(window.closePanel()->closeTimeoutMs(), closeTimeoutMs);
    QCOMPARE(window.closePanel()->code(), protocol::CloseCode(1013));
    QCOMPARE(window.closePanel()->reason(), u"try later"_s);
    QCOMPARE(window.session()->status(), ui::ServerSession::Status::Stopped);
}

void TestStartup::tlsFilesFromTheSettingsServeWss()
{
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QSKIP("the openssl CLI is not installed");
    const QString cert = m_dir.filePath(u"cert.pem"_s);
    const QString key = m_dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s,
                   u"/CN=localhost"_s, u"-days"_s, u"1"_s, u"-addext"_s,
                   u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert});
    QVERIFY(openssl.waitForFinished(30000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

    const QString file = settingsFile(u"tls"_s);
    {
        QSettings saved(file, QSettings::IniFormat);
        saved.setValue(u"server/tlsCert"_s, cert);
        saved.setValue(u"server/tlsKey"_s, key);
    }
    ui::StartupOptions options;
    options.config.port = 0;
    options.explicitOptions = {u"--listen"_s};
    options.settingsFile = file;
    MainWindow window(options);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->status(), ui::ServerSession::Status::Listening,
                              Timeout);
    QVERIFY2(window.session()->url().startsWith(u"wss://127.0.0.1:"_s),
             qPrintable(window.session()->url()));

    QWebSocket ws;
    connect(&ws, &QWebSocket::sslErrors, &ws, [&ws](const QList<QSslError> &) {
        ws.ignoreSslErrors(); // a certificate made a moment ago
    });
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(QUrl(window.session()->url()));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 1, Timeout);
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
