// The close panel's custom code, typed key by key as a person would: a code
// that cannot be sent is refused inline in the registry's words with Close
// and Close Output off, and a code that can is the one the peer receives —
// the box never shows one code while another goes out.
#include "windowfixture.h"

#include "closepanel/closepanel.h"
#include "connections/connectionactions.h"
#include "protocol/closecodes.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;
using namespace closecall;
using protocol::Opcode;
using test::GuiTimeout;
using test::RawPeer;

class TestCloseCode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typedCodeIsRefusedOrSentAsShown_data();
    void typedCodeIsRefusedOrSentAsShown();
    void anUnsendableCodeFromTheSettingsIsShownAndRefused();
    void choosingCustomCodeKeepsTheDockSize();

private:
    ui::ClosePanel *panel() const { return m_fixture.window->closePanel(); }
    QLineEdit *customEdit() const { return panel()->findChild<QLineEdit *>(u"customCodeEdit"_s); }
    QLabel *problemLabel() const { return panel()->findChild<QLabel *>(u"closeProblemLabel"_s); }
    // Picks "Custom code…" and types `text` into its box, key by key.
    void typeCustomCode(const QString &text);

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestCloseCode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCloseCode::init()
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction()) + u"-"_s +
                         QString::fromLatin1(QTest::currentDataTag()) + u".ini"_s;
    QVERIFY(m_fixture.start(m_dir.filePath(name)));
}

void TestCloseCode::cleanup()
{
    m_fixture.window.reset();
}

void TestCloseCode::typeCustomCode(const QString &text)
{
    auto *combo = panel()->findChild<QComboBox *>(u"closeCodeCombo"_s);
    QVERIFY(combo);
    const int custom = combo->count() - 1;
    QVERIFY(combo->itemText(custom).startsWith(u"Custom code"_s));
    combo->setCurrentIndex(custom);
    QLineEdit *edit = customEdit();
    QVERIFY(edit && edit->isVisible());
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    // What the box shows is what was typed: no key dropped, no clamping.
    QCOMPARE(edit->text(), text);
}

void TestCloseCode::typedCodeIsRefusedOrSentAsShown_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("sendable");
    QTest::addColumn<bool>("closeOutput"); // which button sends it

    QTest::newRow("5000 past the last code") << u"5000"_s << false << false;
    QTest::newRow("1005 No Status Rcvd") << u"1005"_s << false << false;
    QTest::newRow("999 never used") << u"999"_s << false << false;
    QTest::newRow("1004 reserved") << u"1004"_s << false << false;
    QTest::newRow("1006 Abnormal Closure") << u"1006"_s << false << false;
    QTest::newRow("1015 TLS handshake") << u"1015"_s << false << false;
    QTest::newRow("2999 unregistered") << u"2999"_s << false << false;
    QTest::newRow("3000 first library code") << u"3000"_s << true << false;
    QTest::newRow("4999 last private code") << u"4999"_s << true << true;
    QTest::newRow("4321 private") << u"4321"_s << true << false;
    QTest::newRow("1001 registered, typed") << u"1001"_s << true << true;
}

void TestCloseCode::typedCodeIsRefusedOrSentAsShown()
{
    QFETCH(QString, typed);
    QFETCH(bool, sendable);
    QFETCH(bool, closeOutput);

    RawPeer peer;
    const quint32 id = m_fixture.openPeer(peer);
    QVERIFY(id != 0);
    QVERIFY(m_fixture.clickRow(id));
    m_fixture.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fixture.window.get()));
    typeCustomCode(typed);

    QToolButton *close = m_fixture.button("closeButton");
    QToolButton *output = m_fixture.button("closeOutputButton");
    QVERIFY(close && output);
    const quint16 value = quint16(typed.toUInt());

    if (!sendable) {
        // Refused inline, in the registry's own words, and nothing can send it.
        const QString why = protocol::validateOutgoingClose(value, {});
        QVERIFY(!why.isEmpty());
        QVERIFY(problemLabel()->isVisible());
        QCOMPARE(problemLabel()->text(), why);
        QVERIFY2(problemLabel()->styleSheet().contains(u"#c62828"_s),
                 qPrintable(problemLabel()->styleSheet()));
        QCOMPARE(panel()->inputError(), why);
        QVERIFY(!close->isEnabled());
        QVERIFY(!output->isEnabled());
        QVERIFY2(close->toolTip().startsWith(why), qPrintable(close->toolTip()));
        QVERIFY(m_fixture.button("abortButton")->isEnabled()); // Abort needs no code

        // The shortcuts and a click on the disabled buttons send nothing...
        QTest::keyClick(customEdit(), Qt::Key_W, Qt::ControlModifier);
        QTest::keyClick(customEdit(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::mouseClick(close, Qt::LeftButton);
        QTest::mouseClick(output, Qt::LeftButton);

        // ...which the peer proves: after a valid code is typed and sent, the
        // first frame it receives is that one.
        typeCustomCode(u"4000"_s);
        QVERIFY(problemLabel()->isHidden());
        QVERIFY(close->isEnabled());
        QTest::mouseClick(close, Qt::LeftButton);
        const std::optional<test::PeerFrame> frame = peer.nextFrame(GuiTimeout);
        QVERIFY(frame);
        QCOMPARE(frame->opcode, Opcode::Close);
        QCOMPARE(frame->closeCode(), std::optional<quint16>(4000));
        return;
    }

    QVERIFY(problemLabel()->isHidden());
    QCOMPARE(panel()->inputError(), QString());
    QCOMPARE(panel()->code(), protocol::CloseCode(value));
    QVERIFY(close->isEnabled());
    QVERIFY(output->isEnabled());
    QTest::mouseClick(closeOutput ? output : close, Qt::LeftButton);
    const std::optional<test::PeerFrame> frame = peer.nextFrame(GuiTimeout);
    QVERIFY(frame);
    QCOMPARE(frame->opcode, Opcode::Close);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(value));
    QCOMPARE(frame->payload.size(), 2); // no description was typed

    // The table says the same code went out.
    const monitor::ConnectionTableModel *model = m_fixture.window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->sentCode, protocol::CloseCode(value), GuiTimeout);
    peer.sendClose(value);
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, protocol::State::Closed, GuiTimeout);
}

// Settings written by an older build (or by hand) may hold a code that
// cannot be sent: it is shown as it is and refused, never replaced.
void TestCloseCode::anUnsendableCodeFromTheSettingsIsShownAndRefused()
{
    const QString file = m_dir.filePath(u"unsendable.ini"_s);
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(u"close/code"_s, 1005);
        settings.sync();
    }
    m_fixture.window.reset();
    QVERIFY(m_fixture.start(file));
    QCOMPARE(customEdit()->text(), u"1005"_s);
    QVERIFY(customEdit()->isVisible());
    QCOMPARE(panel()->inputError(), protocol::validateOutgoingClose(quint16(1005), {}));

    // An unfinished custom code is kept as typed across a restart.
    typeCustomCode(u"50000"_s);
    QVERIFY(!panel()->inputError().isEmpty());
    m_fixture.window->saveSettings();
    m_fixture.window.reset();
    QVERIFY(m_fixture.start(file));
    QCOMPARE(customEdit()->text(), u"50000"_s);
    QCOMPARE(panel()->inputError(), protocol::validateOutgoingClose(quint16(50000), {}));
}

void TestCloseCode::choosingCustomCodeKeepsTheDockSize()
{
    auto *dock = m_fixture.window->findChild<QDockWidget *>(u"closeDock"_s);
    QVERIFY(dock && dock->isVisible());
    auto *combo = panel()->findChild<QComboBox *>(u"closeCodeCombo"_s);
    const QSize before = dock->size();
    const QSize hintBefore = panel()->minimumSizeHint();
    combo->setCurrentIndex(combo->count() - 1);
    QVERIFY(customEdit()->isVisible());
    QCoreApplication::processEvents();
    QCOMPARE(panel()->minimumSizeHint().width(), hintBefore.width());
    QCOMPARE(dock->size(), before);
    combo->setCurrentIndex(0);
    QVERIFY(customEdit()->isHidden());
    QCoreApplication::processEvents();
    QCOMPARE(dock->size(), before);
}

QTEST_MAIN(TestCloseCode)
#include "tst_closecode.moc"
