// What the close panel and the window say around a close, checked against
// real peers: the outcome line once a close ends, no stale result for
// another selection, the manual-acknowledge mode in words, colour and a
// status bar badge, plural forms, whole sentences when an action cannot
// act, and the command results kept out of the log pane and its exports.
#include "windowfixture.h"

#include "closepanel/closepanel.h"
#include "connections/connectionactions.h"
#include "log/logpane.h"
#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"
#include "protocol/closecodes.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtGui/QAction>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;
using namespace closecall;
using Model = monitor::ConnectionTableModel;
using protocol::State;
using test::GuiTimeout;
using test::RawPeer;

class TestClosePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theOutcomeIsSaidOnceTheCloseEnds();
    void aPeerThatDropsTcpIsSaidToo();
    void aResultForOtherConnectionsDisappears();
    void manualAcknowledgeIsUnmistakable();
    void blockedActionsSaySentences();
    void commandResultsStayOutOfTheLogPane();

private:
    ui::ClosePanel *panel() const { return m_fixture.window->closePanel(); }
    QLabel *result() const { return panel()->findChild<QLabel *>(u"closeResultLabel"_s); }
    void chooseCode(quint16 code);
    // Opens a peer, selects it, sends our Close with `code`; returns its id.
    quint32 closeAPeer(RawPeer &peer, quint16 code);
    QAction *action(const char *name) const
    {
        return m_fixture.window->findChild<QAction *>(QLatin1StringView(name));
    }

    QTemporaryDir m_dir;
    QTranslator m_english;
    test::WindowFixture m_fixture;
};

void TestClosePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The English plural forms ("1 connection", "2 connections"), as the
    // application loads them.
    QVERIFY(m_english.load(u":/i18n/closecall_en.qm"_s));
    QCoreApplication::installTranslator(&m_english);
}

void TestClosePanel::init()
{
    QVERIFY(m_fixture.start(
        m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_s)));
}

void TestClosePanel::cleanup()
{
    m_fixture.window.reset();
}

void TestClosePanel::chooseCode(quint16 code)
{
    auto *combo = panel()->findChild<QComboBox *>(u"closeCodeCombo"_s);
    const int index = combo->findData(int(code));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

quint32 TestClosePanel::closeAPeer(RawPeer &peer, quint16 code)
{
    const quint32 id = m_fixture.openPeer(peer);
    if (id == 0 || !m_fixture.clickRow(id))
        return 0;
    chooseCode(code);
    // The actions follow the selection on the next event-loop turn.
    QToolButton *close = m_fixture.button("closeButton");
    if (!QTest::qWaitFor([close] { return close->isEnabled(); }, GuiTimeout))
        return 0;
    QTest::mouseClick(close, Qt::LeftButton);
    const std::optional<test::PeerFrame> frame = peer.nextFrame(GuiTimeout);
    return frame && frame->closeCode() == std::optional<quint16>(code) ? id : 0;
}

void TestClosePanel::theOutcomeIsSaidOnceTheCloseEnds()
{
    RawPeer peer;
    const quint32 id = closeAPeer(peer, protocol::closecode::PolicyViolation);
    QVERIFY(id != 0);
    QTRY_VERIFY_WITH_TIMEOUT(result()->text().contains(u"sent to connection %1"_s.arg(id)),
                             GuiTimeout);

    peer.sendText("late 1");
    peer.sendText("late 2");
    peer.sendClose(protocol::closecode::PolicyViolation);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.window->connectionModel()->row(id)->state, State::Closed,
                              GuiTimeout);
    QTRY_VERIFY2(result()->text().startsWith(
                     u"Connection %1 closed: 1008 answered by the client in "_s.arg(id)),
                 qPrintable(result()->text()));
    QVERIFY2(result()->text().endsWith(u" ms, 2 late messages discarded."_s),
             qPrintable(result()->text()));
    QVERIFY(result()->styleSheet().contains(u"#2e7d32"_s)); // green: a clean close
}

void TestClosePanel::aPeerThatDropsTcpIsSaidToo()
{
    RawPeer peer;
    const quint32 id = closeAPeer(peer, protocol::closecode::GoingAway);
    QVERIFY(id != 0);
    peer.finClose();
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.window->connectionModel()->row(id)->ended, GuiTimeout);
    QTRY_COMPARE(
        result()->text(),
        u"Connection %1 ended: the client closed TCP without answering our Close."_s.arg(id));
    QVERIFY(result()->styleSheet().contains(u"#c62828"_s)); // red: not a clean close
}

void TestClosePanel::aResultForOtherConnectionsDisappears()
{
    RawPeer first;
    RawPeer second;
    const quint32 other = m_fixture.openPeer(second);
    QVERIFY(other != 0);
    const quint32 id = closeAPeer(first, protocol::closecode::Normal);
    QVERIFY(id != 0);
    QTRY_VERIFY_WITH_TIMEOUT(!result()->text().isEmpty(), GuiTimeout);

    QVERIFY(m_fixture.clickRow(other));
    QTRY_COMPARE(result()->text(), QString());
    // Its outcome does not come back later for the other selection.
    first.sendClose(protocol::closecode::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.window->connectionModel()->row(id)->state, State::Closed,
                              GuiTimeout);
    QCOMPARE(result()->text(), QString());
}

void TestClosePanel::manualAcknowledgeIsUnmistakable()
{
    QAction *autoAck = action("actionAutoAck");
    QVERIFY(autoAck && autoAck->isChecked());
    auto *badge = m_fixture.window->findChild<QLabel *>(u"statusManualAck"_s);
    QVERIFY(badge);
    QCOMPARE(autoAck->text().remove(u'&'), u"Auto-acknowledge: on"_s);
    QVERIFY(badge->isHidden());
    const auto picture = [autoAck] {
        return autoAck->icon().pixmap(16, 16).toImage();
    };
    const QImage autoIcon = picture();
    QVERIFY(!autoIcon.isNull());

    QSignalSpy applied(m_fixture.window->session(), &ui::ServerSession::commandFinished);
    autoAck->trigger(); // manual
    QCOMPARE(autoAck->text().remove(u'&'), u"Auto-acknowledge: off (manual)"_s);
    QVERIFY(picture() != autoIcon);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), u"Manual acknowledge"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), GuiTimeout); // the engine has the option

    // One peer waits for our answer: the note speaks of one connection.
    RawPeer a;
    RawPeer b;
    const quint32 first = m_fixture.openPeer(a);
    const quint32 second = m_fixture.openPeer(b);
    QVERIFY(first != 0 && second != 0);
    a.sendClose(protocol::closecode::Normal);
    b.sendClose(protocol::closecode::GoingAway);
    const Model *model = m_fixture.window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->row(first)->state, State::CloseReceived, GuiTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(model->row(second)->state, State::CloseReceived, GuiTimeout);

    auto *note = panel()->findChild<QLabel *>(u"closeSelectionNote"_s);
    QVERIFY(m_fixture.clickRow(first));
    QTRY_VERIFY2(note->text().endsWith(u"(1 connection: %1)."_s.arg(first)),
                 qPrintable(note->text()));
    m_fixture.window->connectionsPane()->selectConnections({first, second});
    QTRY_VERIFY2(note->text().endsWith(u"(2 connections: %1, %2)."_s.arg(first).arg(second)),
                 qPrintable(note->text()));

    autoAck->trigger(); // back to automatic
    QCOMPARE(autoAck->text().remove(u'&'), u"Auto-acknowledge: on"_s);
    QCOMPARE(picture(), autoIcon);
    QVERIFY(badge->isHidden());
}

void TestClosePanel::blockedActionsSaySentences()
{
    RawPeer a;
    RawPeer b;
    const quint32 first = m_fixture.openPeer(a);
    const quint32 second = m_fixture.openPeer(b);
    QVERIFY(first != 0 && second != 0);
    a.resetClose();
    b.resetClose();
    const Model *model = m_fixture.window->connectionModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->row(first)->ended && model->row(second)->ended, GuiTimeout);
    m_fixture.window->connectionsPane()->selectConnections({first, second});
    QAction *close = m_fixture.window->connectionActions()->action(ui::ConnectionActions::Close);
    const QString expected = u"None of the selected connections can be closed. Connection %1 has "
                             "ended (Aborted). Connection %2 has ended (Aborted)."_s.arg(first)
                                 .arg(second);
    QTRY_VERIFY2(close->toolTip().startsWith(expected), qPrintable(close->toolTip()));
    QVERIFY(!close->isEnabled());
    auto *note = panel()->findChild<QLabel *>(u"closeSelectionNote"_s);
    QVERIFY2(note->text().endsWith(u"has ended (Aborted)."_s), qPrintable(note->text()));
}

void TestClosePanel::commandResultsStayOutOfTheLogPane()
{
    RawPeer peer;
    const quint32 id = closeAPeer(peer, protocol::closecode::Normal);
    QVERIFY(id != 0);
    peer.sendClose(protocol::closecode::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.window->connectionModel()->row(id)->state, State::Closed,
                              GuiTimeout);

    // The command's result is in the log model, not in the pane.
    const monitor::LogModel *log = m_fixture.window->logModel();
    const auto isResult = [](const QModelIndex &index) {
        return index.data(monitor::LogModel::EventTypeRole).toInt() ==
               int(server::EventType::Result);
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < log->rowCount(); ++row) {
                if (isResult(log->index(row, 0)))
                    return true;
            }
            return false;
        }(),
        GuiTimeout);
    ui::LogPane *pane = m_fixture.window->logPane();
    const auto shownResults = [&] {
        int n = 0;
        for (int row = 0; row < pane->proxy()->rowCount(); ++row)
            n += isResult(pane->proxy()->index(row, 0)) ? 1 : 0;
        return n;
    };
    QCOMPARE(shownResults(), 0);
    QVERIFY(!pane->isFiltering());

    // Nor in an export of the whole log.
    const QString path = m_dir.filePath(u"no-results.jsonl"_s);
    monitor::ExportResult written =
        m_fixture.window->exportLogTo(path, monitor::LogFormat::Jsonl, false);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int results = 0;
    int closes = 0;
    while (!file.atEnd()) {
        const QJsonObject event = QJsonDocument::fromJson(file.readLine()).object();
        results += event.value(u"event"_s).toString() == u"result"_s ? 1 : 0;
        closes += event.value(u"event"_s).toString() == u"close_sent"_s ? 1 : 0;
    }
    QCOMPARE(results, 0);
    QCOMPARE(closes, 1);

    // The event-kind filter shows them when asked.
    auto *events = pane->findChild<QToolButton *>(u"logEventsButton"_s);
    QAction *kind = nullptr;
    for (QAction *a : events->menu()->actions()) {
        if (a->isCheckable() && a->data().toInt() == int(server::EventType::Result))
            kind = a;
    }
    QVERIFY(kind);
    kind->setChecked(true);
    QTRY_VERIFY(shownResults() > 0);
}

QTEST_MAIN(TestClosePanel)
#include "tst_closepanel.moc"
