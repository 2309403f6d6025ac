// The log pane's own promises: the "shown of total" count follows every
// batch, also the batches the filter lets nothing through from.
#include "windowfixture.h"

#include "log/logpane.h"
#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"

#include <QtCore/QTemporaryDir>
#include <QtWidgets/QLabel>

using namespace Qt::StringLiterals;
using namespace closecall;

class TestLogPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theFilteredCountFollowsEveryBatch();

private:
    // Appends `n` error events whose text is `text` and a number.
    void addRows(int n, const QString &text);

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
    quint64 m_seq = 1000;
};

void TestLogPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestLogPane::init()
{
    // Not listening: the rows in the log are the test's alone.
    QVERIFY(m_fixture.start(
        m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_s), false));
}

void TestLogPane::cleanup()
{
    m_fixture.window.reset();
}

void TestLogPane::addRows(int n, const QString &text)
{
    server::EventBatch batch;
    for (int i = 0; i < n; ++i) {
        ++m_seq;
        server::Event event(server::events::Error{u"%1 %2"_s.arg(text).arg(m_seq)});
        event.seq = m_seq;
        batch.append(event);
    }
    m_fixture.window->logModel()->applyBatch(batch);
}

void TestLogPane::theFilteredCountFollowsEveryBatch()
{
    ui::LogPane *pane = m_fixture.window->logPane();
    monitor::LogModel *log = m_fixture.window->logModel();
    auto *count = pane->findChild<QLabel *>(u"logCountLabel"_s);
    QVERIFY(count);
    const auto expected = [&] {
        return u"%1 of %2"_s.arg(QLocale().toString(pane->proxy()->rowCount()),
                                 QLocale().toString(log->rowCount()));
    };

    addRows(5, u"needle"_s);
    addRows(20, u"hay"_s);
    pane->setFilterText(u"needle"_s);
    QTRY_COMPARE(pane->proxy()->rowCount(), 5);
    QCOMPARE(count->text(), expected());

    // Batches the filter lets nothing through from still move the total.
    for (int batch = 0; batch < 5; ++batch) {
        const int before = log->rowCount();
        addRows(13, u"hay"_s);
        QCOMPARE(log->rowCount(), before + 13);
        QCOMPARE(pane->proxy()->rowCount(), 5);
        QCOMPARE(count->text(), expected());
    }
    addRows(1, u"needle"_s);
    QCOMPARE(pane->proxy()->rowCount(), 6);
    QCOMPARE(count->text(), expected());
    QVERIFY2(count->text().startsWith(u"6 of "_s), qPrintable(count->text()));

    // Rows leaving a full log move it too.
    log->setCapacity(1000);
    addRows(1000, u"hay"_s);
    QCOMPARE(log->rowCount(), 1000);
    QCOMPARE(count->text(), expected());

    log->clear();
    QCOMPARE(count->text(), expected());
}

QTEST_MAIN(TestLogPane)
#include "tst_logpane.moc"
