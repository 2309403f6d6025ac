// Help ▸ Start Demo and `closecall --demo` in the window: the built-in peers
// (control/demopeers.h) connect to the running server, and each shows as two
// rows, the peer's own (outgoing) and the server's (/demo/<name>).
#include "peerprocess.h"
#include "windowfixture.h"

#include "control/demopeers.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>

using namespace Qt::StringLiterals;
using namespace closecall;

class tst_demowindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void startDemoNeedsARunningServer();
    void demoOptionStartsThePeers();

private:
    // The demo's connect results as they come: true when every one is in.
    bool collectResults(int timeoutMs = 10000);

    QTemporaryDir m_dir;
    std::unique_ptr<test::WindowFixture> m_fixture;
    QList<server::events::Result> m_results;
};

void tst_demowindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_demowindow::cleanup()
{
    m_fixture.reset();
    m_results.clear();
}

bool tst_demowindow::collectResults(int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_results.size() == control::demoPeers().size(); },
                           timeoutMs);
}

void tst_demowindow::startDemoNeedsARunningServer()
{
    m_fixture = std::make_unique<test::WindowFixture>();
    QVERIFY(m_fixture->start(m_dir.filePath(u"demo.ini"_s), false));
    auto *action = m_fixture->window->findChild<QAction *>(u"actionStartDemo"_s);
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // nothing to connect to yet

    ui::ServerSession *session = m_fixture->window->session();
    connect(session, &ui::ServerSession::eventsReady, this,
            [this](const server::EventBatch &batch) {
                for (const server::Event &event : batch) {
                    if (const auto *r = event.get<server::events::Result>();
                        r && r->id.startsWith("\"demo-"))
                        m_results.append(*r);
                }
            });
    session->start(m_fixture->config);
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), test::GuiTimeout);
    action->trigger();
    QVERIFY(collectResults());
    for (const server::events::Result &result : std::as_const(m_results))
        QVERIFY2(result.ok, qPrintable(result.error));

    // Every peer: its own row and the server's.
    monitor::ConnectionTableModel *model = m_fixture->window->connectionModel();
    const int peers = int(control::demoPeers().size());
    const auto rows = [model](bool outgoing) {
        int n = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            n += model->rowAt(row).outgoing == outgoing && model->rowAt(row).openedWallUs != 0;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rows(true) == peers && rows(false) == peers, 10000);
    for (int row = 0; row < model->rowCount(); ++row) {
        if (!model->rowAt(row).outgoing)
            QVERIFY(model->rowAt(row).path.startsWith(u"/demo/"_s));
    }
}

void tst_demowindow::demoOptionStartsThePeers()
{
    ui::StartupOptions options;
    options.config.port = 0;
    options.explicitOptions = {u"--listen"_s};
    options.settingsFile = m_dir.filePath(u"demo-option.ini"_s);
    options.frontEnd.demo = true;
    auto window = std::make_unique<ui::MainWindow>(options);
    connect(window->session(), &ui::ServerSession::eventsReady, this,
            [this](const server::EventBatch &batch) {
                for (const server::Event &event : batch) {
                    if (const auto *r = event.get<server::events::Result>();
                        r && r->id.startsWith("\"demo-"))
                        m_results.append(*r);
                }
            });
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    // Asked for once listening, without a click.
    QVERIFY(collectResults());
    for (const server::events::Result &result : std::as_const(m_results))
        QVERIFY2(result.ok, qPrintable(result.error));
    QTRY_VERIFY_WITH_TIMEOUT(window->connectionModel()->rowCount() >= 2 * m_results.size(), 10000);
}

QTEST_MAIN(tst_demowindow)
#include "tst_demowindow.moc"
