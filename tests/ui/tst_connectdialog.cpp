// Connection ▸ Connect… against the window's own server: the dialog comes
// prefilled with the server's URL, its outgoing connection and the accepted
// one both appear in the table (Role out / in), and Close Output from the
// out row ends both the way RFC 6455 says: the out row began the close
// (initiated_by client: us), the in row received the Close. Bad input is
// said in the dialog, and the fields are remembered in the settings.
#include "windowfixture.h"

#include "closepanel/closepanel.h"
#include "connect/behaviourchoices.h"
#include "connect/connectdialog.h"

#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>

using namespace Qt::StringLiterals;
using namespace closecall;
using Model = monitor::ConnectionTableModel;
using protocol::Initiator;
using protocol::State;
using test::GuiTimeout;

class TestConnectDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void behaviourMenusBuildTheSpec();
    void connectsToItsOwnServerAndClosesOutputFromTheOutRow();
    void badInputIsSaidInTheDialog();
    void anEngineRefusalIsSaidInTheDialog();
    void theFieldsAreRemembered();

private:
    ui::ConnectDialog *openDialog()
    {
        m_fixture.window->findChild<QAction *>(u"actionConnect"_s)->trigger();
        auto *dialog = m_fixture.window->findChild<ui::ConnectDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }
    template<typename T> static T *field(ui::ConnectDialog *dialog, const char *name)
    {
        return dialog->findChild<T *>(QLatin1StringView(name));
    }
    static void clickConnect(ui::ConnectDialog *dialog)
    {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }
    QString settingsPath() const
    {
        return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_s);
    }

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestConnectDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestConnectDialog::init()
{
    QVERIFY(m_fixture.start(settingsPath()));
}

void TestConnectDialog::cleanup()
{
    m_fixture.window.reset();
}

void TestConnectDialog::behaviourMenusBuildTheSpec()
{
    ui::ConnectDialog *dialog = openDialog();
    QVERIFY(dialog);
    auto *spec = field<QLineEdit>(dialog, "connectBehaviour");
    QCOMPARE(spec->text(), QString()); // the defaults: a plain client
    auto *traffic = field<QComboBox>(dialog, "connectTraffic");
    auto *onClose = field<QComboBox>(dialog, "connectOnClose");
    auto *closeAfter = field<QComboBox>(dialog, "connectCloseAfter");
    traffic->setCurrentIndex(traffic->findData(u"traffic=text; every=100"_s));
    onClose->setCurrentIndex(onClose->findData(u"on-close=send"_s));
    QCOMPARE(spec->text(), u"traffic=text; every=100; on-close=send"_s);
    closeAfter->setCurrentIndex(
        closeAfter->findData(u"close-after=2000; close-mode=close_output"_s));
    QCOMPARE(
        spec->text(),
        u"traffic=text; every=100; on-close=send; close-after=2000; close-mode=close_output"_s);
    // Every menu starts with its default, which adds nothing.
    for (int d = 0; d < int(ui::BehaviourDimension::Count); ++d) {
        const auto choices = ui::behaviourChoices(ui::BehaviourDimension(d));
        QVERIFY(choices.size() >= 2);
        QVERIFY(choices.first().spec.isEmpty());
    }
    QCOMPARE(ui::joinBehaviour({u""_s, u" on-close=never "_s, u""_s}), u"on-close=never"_s);
}

void TestConnectDialog::connectsToItsOwnServerAndClosesOutputFromTheOutRow()
{
    ui::ConnectDialog *dialog = openDialog();
    QVERIFY(dialog);
    // Prefilled with the running server.
    auto *url = field<QComboBox>(dialog, "connectUrl");
    QCOMPARE(url->currentText(), u"ws://127.0.0.1:%1/"_s.arg(m_fixture.port));
    QVERIFY(!field<QCheckBox>(dialog, "connectInsecure")->isEnabled()); // ws://
    url->setEditText(u"ws://127.0.0.1:%1/gui?from=dialog"_s.arg(m_fixture.port));
    clickConnect(dialog);
    // The dialog closes once the engine took the command.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), GuiTimeout);

    Model *model = m_fixture.window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, GuiTimeout);
    quint32 out = 0;
    quint32 in = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex role = model->index(row, Model::ConnRole);
        (role.data(Model::OutgoingRole).toBool() ? out : in) = model->rowAt(row).id;
    }
    QVERIFY(out != 0 && in != 0);
    QCOMPARE(model->indexOf(out, Model::ConnRole).data().toString(), u"out"_s);
    QCOMPARE(model->indexOf(in, Model::ConnRole).data().toString(), u"in"_s);
    QCOMPARE(model->indexOf(out, Model::Url).data().toString(),
             u"ws://127.0.0.1:%1/gui?from=dialog"_s.arg(m_fixture.port));
    QCOMPARE(model->indexOf(in, Model::Url).data().toString(), QString());
    QCOMPARE(model->indexOf(in, Model::Path).data().toString(), u"/gui?from=dialog"_s);
    // The Role column shows by default; the URL column starts hidden.
    QHeaderView *header = m_fixture.window->connectionsPane()->view()->horizontalHeader();
    QVERIFY(!header->isSectionHidden(Model::ConnRole));
    QVERIFY(header->isSectionHidden(Model::Url));
    QTRY_COMPARE_WITH_TIMEOUT(model->row(out)->state, State::Open, GuiTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(model->row(in)->state, State::Open, GuiTimeout);

    // Close Output from the outgoing row, as a person would: select it,
    // write a description, click the button.
    QVERIFY(m_fixture.clickRow(out));
    m_fixture.window->closePanel()->setReason(u"client says bye"_s);
    QToolButton *closeOutput = m_fixture.button("closeOutputButton");
    QTRY_VERIFY_WITH_TIMEOUT(closeOutput->isEnabled(), GuiTimeout);
    QTest::mouseClick(closeOutput, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(model->row(out)->ended && model->row(in)->ended, GuiTimeout);
    const monitor::ConnectionRow &outRow = *model->row(out);
    const monitor::ConnectionRow &inRow = *model->row(in);
    // The out row: our Close Output went first, the server answered.
    QCOMPARE(outRow.state, State::Closed);
    QVERIFY(outRow.closeSent);
    QCOMPARE(outRow.sentMode, protocol::CloseMode::CloseOutput);
    QCOMPARE(outRow.sentReason, u"client says bye"_s);
    QVERIFY(outRow.closeReceived);
    QCOMPARE(outRow.initiatedBy, Initiator::Client); // the client: us
    // The in row: the peer's Close arrived first and was acknowledged.
    QCOMPARE(inRow.state, State::Closed);
    QVERIFY(inRow.closeReceived);
    QCOMPARE(inRow.receivedReason, u"client says bye"_s);
    QCOMPARE(inRow.initiatedBy, Initiator::Client); // the client: the peer
    QVERIFY(inRow.closeSent);
    QCOMPARE(inRow.sentMode, protocol::CloseMode::Ack);
    QCOMPARE(model->indexOf(out, Model::InitiatedBy).data(Qt::ToolTipRole).toString(),
             u"On this outgoing connection CloseCall is the client."_s);
}

void TestConnectDialog::badInputIsSaidInTheDialog()
{
    ui::ConnectDialog *dialog = openDialog();
    QVERIFY(dialog);
    auto *message = field<QLabel>(dialog, "connectMessage");
    field<QComboBox>(dialog, "connectUrl")->setEditText(u"   "_s);
    clickConnect(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY2(message->isVisible() && message->text().contains(u"'url'"_s),
             qPrintable(message->text()));

    // A blank URL is refused by the parser, before anything is sent; an
    // http:// one by the engine, in the command's result.
    field<QComboBox>(dialog, "connectUrl")->setEditText(u"http://127.0.0.1/"_s);
    clickConnect(dialog);
    QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(u"http://127.0.0.1/"_s),
                              qPrintable(message->text()), GuiTimeout);
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_fixture.window->connectionModel()->rowCount(), 0);
}

void TestConnectDialog::anEngineRefusalIsSaidInTheDialog()
{
    ui::ConnectDialog *dialog = openDialog();
    QVERIFY(dialog);
    auto *message = field<QLabel>(dialog, "connectMessage");
    field<QPlainTextEdit>(dialog, "connectHeaders")->setPlainText(u"Origin app.test"_s);
    clickConnect(dialog);
    QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(u"Origin app.test"_s),
                              qPrintable(message->text()), GuiTimeout);
    QVERIFY(message->text().startsWith(u"Not connected: "_s));
    QVERIFY(dialog->isVisible());
    // Fixed, it goes through.
    field<QPlainTextEdit>(dialog, "connectHeaders")->setPlainText(u"Origin: http://app.test"_s);
    clickConnect(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), GuiTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.window->connectionModel()->rowCount(), 2, GuiTimeout);
}

void TestConnectDialog::theFieldsAreRemembered()
{
    ui::ConnectDialog *dialog = openDialog();
    QVERIFY(dialog);
    const QString url = u"ws://127.0.0.1:%1/remembered"_s.arg(m_fixture.port);
    field<QComboBox>(dialog, "connectUrl")->setEditText(url);
    field<QSpinBox>(dialog, "connectCount")->setValue(2);
    field<QLineEdit>(dialog, "connectSubprotocols")->setText(u"chat, superchat"_s);
    field<QPlainTextEdit>(dialog, "connectHeaders")->setPlainText(u"X-Test: 1\nX-Other: 2"_s);
    field<QLineEdit>(dialog, "connectBehaviour")->setText(QString());
    clickConnect(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), GuiTimeout);
    // Two out rows and the two the listener accepted.
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.window->connectionModel()->rowCount(), 4, GuiTimeout);

    // The next time, the same fields; this server's URL first, the
    // remembered one in the list.
    dialog = openDialog();
    QVERIFY(dialog);
    auto *urls = field<QComboBox>(dialog, "connectUrl");
    QCOMPARE(urls->currentText(), u"ws://127.0.0.1:%1/"_s.arg(m_fixture.port));
    QVERIFY(urls->findText(url) > 0);
    QCOMPARE(field<QSpinBox>(dialog, "connectCount")->value(), 2);
    QCOMPARE(field<QLineEdit>(dialog, "connectSubprotocols")->text(), u"chat, superchat"_s);
    QCOMPARE(field<QPlainTextEdit>(dialog, "connectHeaders")->toPlainText(),
             u"X-Test: 1\nX-Other: 2"_s);
    dialog->reject();
    // And in the settings file, for the next run.
    m_fixture.window->saveSettings();
    const QSettings saved(settingsPath(), QSettings::IniFormat);
    QCOMPARE(saved.value(u"connect/recentUrls"_s).toStringList().value(0), url);
    QCOMPARE(saved.value(u"connect/count"_s).toInt(), 2);
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
