// What the window shows of `closed`'s answer fields: the peer closes first,
// the operator answers with another code (manual acknowledge), and the
// table's Ack delay column, the Close sent column, the Details view and the
// connections CSV all say what we sent and how long the peer's Close
// waited. A header layout saved before the Ack delay column existed still
// comes back as saved.
#include "windowfixture.h"

#include "closepanel/closepanel.h"
#include "details/detailspanel.h"
#include "protocol/closecodes.h"

#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;
using namespace closecall;
using Model = monitor::ConnectionTableModel;
using test::GuiTimeout;
using test::RawPeer;

class TestCloseReportView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void answerToThePeersCloseIsShown();
    void aLayoutSavedBeforeTheNewColumnIsKept();

private:
    QHeaderView *header() const
    {
        return m_fixture.window->connectionsPane()->view()->horizontalHeader();
    }

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestCloseReportView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCloseReportView::cleanup()
{
    m_fixture.window.reset();
}

void TestCloseReportView::answerToThePeersCloseIsShown()
{
    m_fixture.config.manualAck = true;
    QVERIFY(m_fixture.start(m_dir.filePath(u"answer.ini"_s)));
    ui::MainWindow *window = m_fixture.window.get();
    const Model *model = window->connectionModel();

    RawPeer peer;
    const quint32 id = m_fixture.openPeer(peer);
    QVERIFY(id != 0);
    QVERIFY(m_fixture.clickRow(id));
    peer.sendClose(4100, u"client leaving"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, protocol::State::CloseReceived, GuiTimeout);
    // Before the answer: nothing sent, nothing to time.
    QCOMPARE(model->indexOf(id, Model::AckDelay).data().toString(), QString());

    auto *combo = window->closePanel()->findChild<QComboBox *>(u"closeCodeCombo"_s);
    combo->setCurrentIndex(combo->findData(int(protocol::closecode::GoingAway)));
    window->closePanel()->findChild<QLineEdit *>(u"closeReasonEdit"_s)->setText(u"not yet"_s);
    QTest::mouseClick(m_fixture.button("closeButton"), Qt::LeftButton);
    const std::optional<test::PeerFrame> answer = peer.nextFrame(GuiTimeout);
    QVERIFY(answer);
    QCOMPARE(answer->closeCode(), std::optional<quint16>(1001));
    QTRY_VERIFY_WITH_TIMEOUT(model->row(id)->ended, GuiTimeout);

    // The table: our answer and how long the peer's Close waited for it.
    QVERIFY(model->row(id)->ackDelayUs >= 0);
    const QString delay = model->indexOf(id, Model::AckDelay).data().toString();
    QVERIFY2(delay.endsWith(u" ms"_s), qPrintable(delay));
    QVERIFY(model->indexOf(id, Model::CloseSent).data().toString().startsWith(u"1001"_s));
    QVERIFY(model->indexOf(id, Model::CloseReceived).data().toString().startsWith(u"4100"_s));
    QVERIFY(!header()->isSectionHidden(Model::AckDelay));
    // Beside the other close timing.
    QCOMPARE(header()->visualIndex(Model::AckDelay),
             header()->visualIndex(Model::CloseHandshake) + 1);

    // The Details view.
    ui::DetailsPanel *details = window->detailsPanel();
    details->showConnection(id);
    QTRY_VERIFY_WITH_TIMEOUT(details->html().contains(u"Ack delay"_s), GuiTimeout);
    const QString html = details->html();
    QVERIFY(html.contains(u"4100"_s));
    QVERIFY(html.contains(u"1001"_s));
    QVERIFY(html.contains(u"not yet"_s));

    // The connections CSV: the delay as a number.
    const QString csvPath = m_dir.filePath(u"answer.csv"_s);
    QCOMPARE(window->exportConnectionsTo(csvPath), QString());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QVERIFY(lines.size() >= 2);
    const QList<QByteArray> names = lines[0].trimmed().split(',');
    const QList<QByteArray> values = lines[1].trimmed().split(',');
    const qsizetype at = names.indexOf("Ack delay (ms)");
    QVERIFY(at >= 0 && at < values.size());
    bool ok = false;
    QVERIFY(values[at].toDouble(&ok) >= 0.0);
    QVERIFY(ok);
}

// A layout saved by a build without the Ack delay column (one column fewer)
// keeps its order, widths and hidden columns, and the new column is there.
void TestCloseReportView::aLayoutSavedBeforeTheNewColumnIsKept()
{
    QStandardItemModel older(0, Model::AckDelay); // the columns before Ack delay
    QTableView oldView;
    oldView.setModel(&older);
    QHeaderView *oldHeader = oldView.horizontalHeader();
    oldHeader->moveSection(oldHeader->visualIndex(Model::HowEnded), 0);
    oldHeader->resizeSection(Model::CloseSent, 321);
    oldHeader->setSectionHidden(Model::Path, true);
    const QString settings = m_dir.filePath(u"older.ini"_s);
    {
        QSettings s(settings, QSettings::IniFormat);
        s.setValue(u"connections/header"_s, oldHeader->saveState());
    }

    QVERIFY(m_fixture.start(settings, false));
    QCOMPARE(header()->count(), int(Model::ColumnCount));
    QCOMPARE(header()->visualIndex(Model::HowEnded), 0);
    QCOMPARE(header()->sectionSize(Model::CloseSent), 321);
    QVERIFY(header()->isSectionHidden(Model::Path));
    QVERIFY(!header()->isSectionHidden(Model::AckDelay));
    QVERIFY(header()->sectionSize(Model::AckDelay) > 0);
}

QTEST_MAIN(TestCloseReportView)
#include "tst_closereportview.moc"
