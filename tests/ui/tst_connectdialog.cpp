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
#include "sendpanel/sendpanel.h"

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
    void everyActionWorksOnAnOutRow();
    void badInputIsSaidInTheDialog();
    void anEngineRefusalIsSaidInTheDialog();
    void theFieldsAreRemembered();

private:
    // Connects once to the window's own server through the dialog; the
    // ids of the out row and the in row (0, 0 on failure).
    std::pair<quint32, quint32> connectPair(const QString &path);
    void clickButton(const char *name)
    {
        QToolButton *button = m_fixture.button(name);
        QVERIFY(QTest::qWaitFor([button] { return button->isEnabled(); }, GuiTimeout));
        QTest::mouseClick(button, Qt::LeftButton);
    }
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
    // The close panel's outcome names the peer by its role: the server.
    auto *result = m_fixture.window->closePanel()->findChild<QLabel *>(u"closeResultLabel"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(
        result->text().startsWith(
            u"Connection %1 closed: 1000 answered by the server in "_s.arg(out)),
        qPrintable(result->text()), GuiTimeout);
}

std::pair<quint32, quint32> TestConnectDialog::connectPair(const QString &path)
{
    Model *model = m_fixture.window->connectionModel();
    const int before = model->rowCount();
    ui::ConnectDialog *dialog = openDialog();
    if (!dialog)
        return {};
    field<QComboBox>(dialog, "connectUrl")
        ->setEditText(u"ws://127.0.0.1:%1%2"_s.arg(m_fixture.port).arg(path));
    clickConnect(dialog);
    if (!QTest::qWaitFor([&] { return model->rowCount() == before + 2; }, GuiTimeout))
        return {};
    quint32 out = 0;
    quint32 in = 0;
    for (int row = before; row < model->rowCount(); ++row)
        (model->rowAt(row).outgoing ? out : in) = model->rowAt(row).id;
    if (!QTest::qWaitFor(
            [&] {
                return model->row(out)->state == State::Open &&
                       model->row(in)->state == State::Open;
            },
            GuiTimeout))
        return {};
    return {out, in};
}

void TestConnectDialog::everyActionWorksOnAnOutRow()
{
    Model *model = m_fixture.window->connectionModel();
    const auto [out, in] = connectPair(u"/actions"_s);
    QVERIFY(out != 0 && in != 0);

    // Send and Ping from the out row arrive on the in row.
    QVERIFY(m_fixture.clickRow(out));
    m_fixture.window->sendPanel()->setText(u"from the client side"_s);
    clickButton("sendButton");
    QTRY_COMPARE_WITH_TIMEOUT(model->row(in)->msgsIn, 1u, GuiTimeout);
    clickButton("pingButton");
    QTRY_COMPARE_WITH_TIMEOUT(model->row(in)->pingsIn, 1u, GuiTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(model->row(out)->pingsIn, 0u, GuiTimeout); // a Pong is not a Ping

    // Manual acknowledge on the out row: the server side (the in row)
    // closes, the out row waits in CloseReceived until our Close answers.
    m_fixture.window->findChild<QAction *>(u"actionAutoAck"_s)->trigger(); // off
    QVERIFY(m_fixture.clickRow(in));
    m_fixture.window->closePanel()->setReason(u"server going"_s);
    clickButton("closeButton");
    QTRY_COMPARE_WITH_TIMEOUT(model->row(out)->state, State::CloseReceived, GuiTimeout);
    QCOMPARE(model->indexOf(out, Model::State).data(Model::AwaitingAckRole).toBool(), true);
    QCOMPARE(model->row(out)->receivedReason, u"server going"_s);
    QVERIFY(m_fixture.clickRow(out));
    m_fixture.window->closePanel()->setReason(u"acknowledged"_s);
    clickButton("closeButton");
    QTRY_VERIFY_WITH_TIMEOUT(model->row(out)->ended && model->row(in)->ended, GuiTimeout);
    QCOMPARE(model->row(out)->state, State::Closed);
    QCOMPARE(model->row(out)->initiatedBy, Initiator::Server); // the peer went first
    QCOMPARE(model->row(out)->sentReason, u"acknowledged"_s);
    QCOMPARE(model->row(in)->receivedReason, u"acknowledged"_s);

    // Abort on an out row resets TCP: the in row sees the reset.
    const auto [out2, in2] = connectPair(u"/abort"_s);
    QVERIFY(out2 != 0 && in2 != 0);
    QVERIFY(m_fixture.clickRow(out2));
    clickButton("abortButton");
    QTRY_VERIFY_WITH_TIMEOUT(model->row(out2)->ended && model->row(in2)->ended, GuiTimeout);
    QCOMPARE(model->row(out2)->how, protocol::HowEnded::Abort);
    QCOMPARE(model->row(in2)->how, protocol::HowEnded::PeerReset);
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
