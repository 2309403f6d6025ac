// The keyboard alone: Tab reaches the connections table and leaves it,
// Ctrl+End in the table goes to its last row (the log's Follow Tail
// shortcut is the log's only), each pane has a shortcut, and F1 lists them.
#include "windowfixture.h"

#include "log/logpane.h"
#include "log/logview.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;
using namespace closecall;
using test::GuiTimeout;
using test::RawPeer;

class TestKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tabReachesTheConnectionsTable();
    void ctrlEndInTheTableGoesToItsLastRow();
    void eachPaneHasAShortcutAndF1ListsThem();

private:
    QWidget *focused() const { return QApplication::focusWidget(); }

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestKeyboard::init()
{
    QVERIFY(m_fixture.start(
        m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_s)));
    m_fixture.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fixture.window.get()));
}

void TestKeyboard::cleanup()
{
    m_fixture.window.reset();
}

void TestKeyboard::tabReachesTheConnectionsTable()
{
    ui::ConnectionsPane *pane = m_fixture.window->connectionsPane();
    auto *filter = pane->findChild<QLineEdit *>(u"connectionsFilter"_s);
    filter->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focused(), filter);
    // The filter, Hide ended, Clear Ended, then the table.
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), pane->view());
    // And out again to the log's filter, not round the table's cells.
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), m_fixture.window->logPane()->findChild<QLineEdit *>(u"logFilter"_s));
    // Shift+Tab comes back.
    QTest::keyClick(focused(), Qt::Key_Backtab);
    QCOMPARE(focused(), pane->view());
}

void TestKeyboard::ctrlEndInTheTableGoesToItsLastRow()
{
    RawPeer peers[3];
    quint32 ids[3] = {};
    for (int i = 0; i < 3; ++i) {
        ids[i] = m_fixture.openPeer(peers[i]);
        QVERIFY(ids[i] != 0);
    }
    QVERIFY(m_fixture.clickRow(ids[0]));
    ui::EmptyStateTableView *view = m_fixture.window->connectionsPane()->view();
    QTRY_COMPARE(focused(), view);
    int followed = 0;
    QAction *follow = m_fixture.window->findChild<QAction *>(u"actionFollowTail"_s);
    QVERIFY(follow);
    connect(follow, &QAction::triggered, this, [&followed] { ++followed; });

    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE(m_fixture.window->connectionsPane()->currentId(), ids[2]);
    QCOMPARE(followed, 0);

    // In the log the shortcut still follows the tail.
    ui::LogView *log = m_fixture.window->logPane()->view();
    log->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focused(), log);
    QTest::keyClick(log, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(followed, 1);
}

void TestKeyboard::eachPaneHasAShortcutAndF1ListsThem()
{
    const struct
    {
        const char *action;
        QString expected; // the focused widget's object name
    } panes[] = {
        {"actionFocusLog", u"logView"_s},
        {"actionFocusConnections", u"connectionsView"_s},
        {"actionFocusClose", u"closeCodeCombo"_s},
        {"actionFocusSend", u"messageEditor"_s},
        {"actionFocusDetails", u"detailsBrowser"_s},
    };
    const QString help = m_fixture.window->shortcutsHtml();
    for (const auto &p : panes) {
        QAction *action = m_fixture.window->findChild<QAction *>(QLatin1StringView(p.action));
        QVERIFY2(action, p.action);
        QVERIFY(!action->shortcut().isEmpty());
        // F1 names the shortcut and where it goes.
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(help.contains(keys) && help.contains(action->text().remove(u'&').toHtmlEscaped()),
                 p.action);
        // Pressed like a person would, from wherever the focus is.
        QTest::keySequence(m_fixture.window.get(), action->shortcut());
        QTRY_VERIFY(focused());
        QTRY_COMPARE(focused()->objectName(), p.expected);
    }
    QVERIFY(help.contains(u"Tab"_s));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
