// The main window against real peers on loopback, on the offscreen
// platform: a person's steps — select a row, pick a code, type a
// description, click Close / Close Output / Abort — checked in the
// connections table, the log and an exported file.
//
// Close and Close Output need a peer that keeps sending after our Close
// (QWebSocket answers a Close at once and drops TCP), so those flows use
// the raw POSIX peer of the server tests; Send and Abort use QWebSocket as
// an independent client.
#include "../server/rawpeer.h"

#include "closepanel/closepanel.h"
#include "common/emptystatetableview.h"
#include "connections/connectionactions.h"
#include "connections/connectionspane.h"
#include "details/detailspanel.h"
#include "log/logpane.h"
#include "log/logview.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/serversession.h"
#include "mainwindow/servertoolbar.h"
#include "monitor/connectionfilterproxy.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"
#include "sendpanel/sendpanel.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtGui/QAction>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace closecall;
using monitor::ConnectionTableModel;
using monitor::LogModel;
using protocol::Opcode;
using protocol::State;
using test::RawPeer;
using ui::MainWindow;

namespace {

constexpr int Timeout = 5000;

QList<QJsonObject> readJsonLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> out;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyStateNamesTheUrl();
    void closeOutputDeliversPostCloseData();
    void closeDiscardsPostCloseData();
    void manualAcknowledgeAnswersWithTheOperatorsCode();
    void reasonByteCounter_data();
    void reasonByteCounter();
    void sendAndAbortWithQWebSocket();
    void keyboardOnly();
    void exportToAnUnwritablePlaceSaysWhy();
    void settingsPersist();
    void logFollowsTheTailOnlyAtTheBottom();
    void stopAndStartAgain();
    void aPortInUseIsSaidWithoutADialog();
    void closingTheWindowClosesConnectionsWith1001();

private:
    // Opens a raw peer and waits for its row; returns the connection id.
    quint32 openPeer(RawPeer &peer, const QString &target = u"/chat?room=1"_s);
    // Clicks the connection's row in the table, as a person would.
    void clickRow(quint32 id);
    // Picks a code in the close panel and types the description.
    void chooseClose(protocol::CloseCode code, const QString &reason);
    QToolButton *button(const char *name) const;
    // Log rows (source rows) of message_in events with this post-close flag.
    QList<int> postCloseRows(quint32 conn, protocol::PostClose pc) const;

    QTemporaryDir m_dir;
    QTranslator m_english;
    std::unique_ptr<MainWindow> m_window;
    quint16 m_port = 0;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The English plural forms ("2 late messages"), as the application loads them.
    QVERIFY(m_english.load(u":/i18n/closecall_en.qm"_s));
    QCoreApplication::installTranslator(&m_english);
}

void TestMainWindow::init()
{
    ui::StartupOptions options;
    options.config.port = 0; // any free port: suites run in parallel
    options.explicitOptions = {u"--listen"_s};
    options.settingsFile =
        m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_s);
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->status(), ui::ServerSession::Status::Listening,
                              Timeout);
    m_port = m_window->session()->port();
    QVERIFY(m_port != 0);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

quint32 TestMainWindow::openPeer(RawPeer &peer, const QString &target)
{
    const int before = m_window->connectionModel()->rowCount();
    if (!peer.open(m_port, target))
        return 0;
    if (!QTest::qWaitFor([&] { return m_window->connectionModel()->rowCount() > before; }, Timeout))
        return 0;
    return m_window->connectionModel()->rowAt(before).id;
}

void TestMainWindow::clickRow(quint32 id)
{
    ui::ConnectionsPane *pane = m_window->connectionsPane();
    const QModelIndex source =
        m_window->connectionModel()->indexOf(id, ConnectionTableModel::Remote);
    const QModelIndex index = pane->proxy()->mapFromSource(source);
    QVERIFY(index.isValid());
    ui::EmptyStateTableView *view = pane->view();
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QTRY_COMPARE(pane->selectedIds(), QList<quint32>{id});
}

void TestMainWindow::chooseClose(protocol::CloseCode code, const QString &reason)
{
    ui::ClosePanel *panel = m_window->closePanel();
    auto *combo = panel->findChild<QComboBox *>(u"closeCodeCombo"_s);
    QVERIFY(combo);
    if (code && *code >= 3000) {
        combo->setCurrentIndex(combo->count() - 1); // "Custom code…"
        auto *custom = panel->findChild<QLineEdit *>(u"customCodeEdit"_s);
        QVERIFY(custom && custom->isVisible());
        custom->clear();
        QTest::keyClicks(custom, QString::number(*code));
    } else {
        const int index = combo->findData(code ? int(*code) : -1);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        QCOMPARE(combo->currentText(), protocol::describeCloseCode(code));
    }
    auto *edit = panel->findChild<QLineEdit *>(u"closeReasonEdit"_s);
    QVERIFY(edit);
    edit->clear();
    // QTest types Latin-1 only; anything else arrives as a paste would.
    bool latin1 = true;
    for (QChar c : reason)
        latin1 = latin1 && c.unicode() < 0x80;
    if (latin1)
        QTest::keyClicks(edit, reason);
    else
        edit->insert(reason);
    QCOMPARE(panel->code(), code);
    QCOMPARE(panel->reason(), reason);
}

QToolButton *TestMainWindow::button(const char *name) const
{
    return m_window->findChild<QToolButton *>(QLatin1StringView(name));
}

QList<int> TestMainWindow::postCloseRows(quint32 conn, protocol::PostClose pc) const
{
    QList<int> rows;
    const LogModel *log = m_window->logModel();
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex index = log->index(row, LogModel::Details);
        if (index.data(LogModel::ConnIdRole).toUInt() == conn &&
            index.data(LogModel::EventTypeRole).toInt() == int(server::EventType::MessageIn) &&
            index.data(LogModel::PostCloseRole).toInt() == int(pc))
            rows.append(row);
    }
    return rows;
}

void TestMainWindow::emptyStateNamesTheUrl()
{
    ui::EmptyStateTableView *view = m_window->connectionsPane()->view();
    QCOMPARE(view->model()->rowCount(), 0);
    QCOMPARE(view->emptyTitle(),
             u"No connections yet: connect a client to ws://127.0.0.1:%1"_s.arg(m_port));
    // Nothing selected: every connection action is off and says why.
    QAction *close = m_window->connectionActions()->action(ui::ConnectionActions::Close);
    QVERIFY(!close->isEnabled());
    QVERIFY(close->toolTip().contains(u"Select a connection"_s));
}

// R3: Close Output returns at once; what the peer still sends is delivered.
void TestMainWindow::closeOutputDeliversPostCloseData()
{
    RawPeer peer;
    const quint32 id = openPeer(peer);
    QVERIFY(id != 0);
    clickRow(id);
    chooseClose(protocol::closecode::GoingAway, u"deploy"_s);

    QToolButton *closeOutput = button("closeOutputButton");
    QVERIFY(closeOutput && closeOutput->isEnabled());
    QTest::mouseClick(closeOutput, Qt::LeftButton);

    const std::optional<test::PeerFrame> frame = peer.nextFrame(Timeout);
    QVERIFY(frame);
    QCOMPARE(frame->opcode, Opcode::Close);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(1001));
    QCOMPARE(frame->payload.mid(2), "deploy"_ba);

    // CloseSent: a second Close cannot act, and the button says why.
    const ConnectionTableModel *model = m_window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, State::CloseSent, Timeout);
    QTRY_VERIFY(!button("closeButton")->isEnabled());
    QVERIFY2(
        button("closeButton")->toolTip().contains(u"Connection %1 is already CloseSent."_s.arg(id)),
        qPrintable(button("closeButton")->toolTip()));
    QVERIFY(button("abortButton")->isEnabled());
    QVERIFY(!m_window->connectionActions()->action(ui::ConnectionActions::Send)->isEnabled());

    // Two messages after our Close, then the peer's Close.
    peer.sendText("late 1");
    peer.sendText("late 2");
    peer.sendClose(protocol::closecode::GoingAway, u"ok"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, State::Closed, Timeout);

    const QModelIndex row = model->indexOf(id);
    QCOMPARE(row.data(ConnectionTableModel::PostCloseDeliveredRole).toULongLong(), 2ull);
    QCOMPARE(row.data(ConnectionTableModel::PostCloseDiscardedRole).toULongLong(), 0ull);
    QCOMPARE(model->index(row.row(), ConnectionTableModel::State).data().toString(), u"Closed"_s);
    const QString sent = model->index(row.row(), ConnectionTableModel::CloseSent).data().toString();
    QVERIFY2(sent.contains(u"1001"_s) && sent.contains(u"deploy"_s), qPrintable(sent));
    const QString received =
        model->index(row.row(), ConnectionTableModel::CloseReceived).data().toString();
    QVERIFY2(received.contains(u"1001"_s), qPrintable(received));
    QCOMPARE(model->row(id)->initiatedBy, protocol::Initiator::Server);
    QVERIFY(!model->index(row.row(), ConnectionTableModel::PostClose).data().toString().isEmpty());

    // The log flags both messages delivered, in arrival order.
    const QList<int> delivered = postCloseRows(id, protocol::PostClose::Delivered);
    QCOMPARE(delivered.size(), 2);
    QVERIFY(m_window->logModel()->detailsText(delivered[0]).contains(u"late 1"_s));
    QVERIFY(m_window->logModel()->detailsText(delivered[1]).contains(u"late 2"_s));
    QVERIFY(postCloseRows(id, protocol::PostClose::Discarded).isEmpty());

    // "Post-close only" shows exactly those two.
    auto *postCloseOnly = m_window->logPane()->findChild<QCheckBox *>(u"logPostCloseOnlyCheck"_s);
    QVERIFY(postCloseOnly);
    postCloseOnly->click();
    QTRY_COMPARE(m_window->logPane()->proxy()->rowCount(), 2);

    // The close panel says how it ended, in one line.
    auto *result = m_window->closePanel()->findChild<QLabel *>(u"closeResultLabel"_s);
    QTRY_VERIFY2(result->text().startsWith(
                     u"Connection %1 closed: 1001 answered by the client in "_s.arg(id)),
                 qPrintable(result->text()));
    QVERIFY2(result->text().endsWith(u" ms, 2 late messages delivered."_s),
             qPrintable(result->text()));

    // Export everything, and what the filter shows, and read both back.
    const QString all = m_dir.filePath(u"close-output.jsonl"_s);
    monitor::ExportResult written = m_window->exportLogTo(all, monitor::LogFormat::Jsonl, false);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QStringList previews;
    for (const QJsonObject &event : readJsonLines(all)) {
        if (event.value(u"post_close"_s).toString() == u"delivered"_s)
            previews.append(event.value(u"preview"_s).toString());
    }
    QCOMPARE(previews, (QStringList{u"late 1"_s, u"late 2"_s}));

    const QString filtered = m_dir.filePath(u"close-output-filtered.jsonl"_s);
    written = m_window->exportLogTo(filtered, monitor::LogFormat::Jsonl, true);
    QVERIFY2(written.ok(), qPrintable(written.error));
    const QList<QJsonObject> lines = readJsonLines(filtered);
    QCOMPARE(lines.size(), 2);
    for (const QJsonObject &event : lines) {
        QCOMPARE(event.value(u"event"_s).toString(), u"message_in"_s);
        QCOMPARE(event.value(u"state"_s).toString(), u"CloseSent"_s);
        QCOMPARE(event.value(u"post_close"_s).toString(), u"delivered"_s);
    }
}

// R1, R2: Close waits for the peer's Close; data meanwhile is discarded but logged.
void TestMainWindow::closeDiscardsPostCloseData()
{
    RawPeer peer;
    const quint32 id = openPeer(peer);
    QVERIFY(id != 0);
    clickRow(id);
    chooseClose(protocol::closecode::PolicyViolation, u"too chatty"_s);
    QTest::mouseClick(button("closeButton"), Qt::LeftButton);

    const std::optional<test::PeerFrame> frame = peer.nextFrame(Timeout);
    QVERIFY(frame);
    QCOMPARE(frame->opcode, Opcode::Close);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(1008));

    peer.sendText("lost 1");
    peer.sendText("lost 2");
    peer.sendClose(protocol::closecode::PolicyViolation);
    const ConnectionTableModel *model = m_window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, State::Closed, Timeout);
    QCOMPARE(peer.waitEnd(Timeout), RawPeer::End::Eof); // R7: the server closes TCP first

    const QModelIndex row = model->indexOf(id);
    QCOMPARE(row.data(ConnectionTableModel::PostCloseDiscardedRole).toULongLong(), 2ull);
    QCOMPARE(row.data(ConnectionTableModel::PostCloseDeliveredRole).toULongLong(), 0ull);
    QCOMPARE(model->row(id)->sentMode, protocol::CloseMode::Close);
    QCOMPARE(postCloseRows(id, protocol::PostClose::Discarded).size(), 2);

    // CSV export: both rows say discarded.
    const QString path = m_dir.filePath(u"close.csv"_s);
    const monitor::ExportResult written =
        m_window->exportLogTo(path, monitor::LogFormat::Csv, false);
    QVERIFY2(written.ok(), qPrintable(written.error));
    const QList<QByteArray> csv = readAll(path).split('\n');
    int discarded = 0;
    for (const QByteArray &line : csv) {
        if (line.contains("message_in") && line.contains("discarded") &&
            (line.contains("lost 1") || line.contains("lost 2")))
            ++discarded;
    }
    QCOMPARE(discarded, 2);

    // And the connections table as CSV.
    const QString table = m_dir.filePath(u"connections.csv"_s);
    QCOMPARE(m_window->exportConnectionsTo(table), QString());
    const QByteArray tableCsv = readAll(table);
    QVERIFY(tableCsv.startsWith("ID,"));
    QVERIFY2(tableCsv.contains("1008"), tableCsv.constData());
}

// R6: with auto-acknowledge off, the peer's Close waits for the operator's.
void TestMainWindow::manualAcknowledgeAnswersWithTheOperatorsCode()
{
    QSignalSpy finished(m_window->session(), &ui::ServerSession::commandFinished);
    QAction *autoAck = m_window->findChild<QAction *>(u"actionAutoAck"_s);
    QVERIFY(autoAck && autoAck->isChecked());
    autoAck->trigger(); // off: manual acknowledge
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), Timeout);
    QCOMPARE(finished.first().at(1).value<control::CommandKind>(), control::CommandKind::Set);
    QVERIFY(finished.first().at(2).toBool());

    // "Log to file" from here on: every event as it comes.
    const QString logFile = m_dir.filePath(u"manual-ack-stream.jsonl"_s);
    QString error;
    QVERIFY2(m_window->startLogToFile(logFile, monitor::LogFormat::Jsonl, &error),
             qPrintable(error));

    RawPeer peer;
    const quint32 id = openPeer(peer);
    QVERIFY(id != 0);
    peer.sendClose(protocol::closecode::Normal, u"bye"_s);
    const ConnectionTableModel *model = m_window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, State::CloseReceived, Timeout);
    QVERIFY(model->indexOf(id).data(ConnectionTableModel::AwaitingAckRole).toBool());
    QVERIFY(!peer.nextFrame(200)); // nothing answered it

    clickRow(id);
    auto *note = m_window->closePanel()->findChild<QLabel *>(u"closeSelectionNote"_s);
    QTRY_VERIFY2(note->text().contains(u"acknowledge"_s, Qt::CaseInsensitive),
                 qPrintable(note->text()));
    QVERIFY(button("closeButton")->toolTip().contains(u"acknowledges"_s));

    chooseClose(quint16(4000), u"see you"_s);
    QTest::mouseClick(button("closeButton"), Qt::LeftButton);
    const std::optional<test::PeerFrame> frame = peer.nextFrame(Timeout);
    QVERIFY(frame);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(4000));
    QCOMPARE(frame->payload.mid(2), "see you"_ba);

    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, State::Closed, Timeout);
    QCOMPARE(model->row(id)->sentCode, protocol::CloseCode(4000));
    QCOMPARE(model->row(id)->initiatedBy, protocol::Initiator::Client);

    QStringList streamed;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            streamed.clear();
            for (const QJsonObject &event : readJsonLines(logFile))
                streamed.append(event.value(u"event"_s).toString());
            return streamed.contains(u"closed"_s);
        }(),
        Timeout);
    QVERIFY(streamed.contains(u"close_received"_s) && streamed.contains(u"close_sent"_s));

    const QString path = m_dir.filePath(u"manual-ack.log"_s);
    const monitor::ExportResult written =
        m_window->exportLogTo(path, monitor::LogFormat::Text, false);
    QVERIFY2(written.ok(), qPrintable(written.error));
    const QByteArray text = readAll(path);
    QVERIFY(text.contains("close_received"));
    QVERIFY2(text.contains("close_sent") && text.contains("4000"), text.constData());
}

void TestMainWindow::reasonByteCounter_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("counter");
    QTest::addColumn<bool>("sendable");
    QTest::newRow("ascii") << u"deploy in progress"_s << u"18 / 123 bytes"_s << true;
    QTest::newRow("123 bytes of euro signs [R10]")
        << QString(41, QChar(0x20AC)) << u"123 / 123 bytes"_s << true;
    QTest::newRow("124 bytes refused [R10]")
        << QString(41, QChar(0x20AC)) + u"a"_s << u"124 / 123 bytes"_s << false;
    QTest::newRow("emoji count 4") << u"😀😀"_s << u"8 / 123 bytes"_s << true;
}

void TestMainWindow::reasonByteCounter()
{
    QFETCH(QString, reason);
    QFETCH(QString, counter);
    QFETCH(bool, sendable);
    RawPeer peer;
    const quint32 id = openPeer(peer);
    QVERIFY(id != 0);
    clickRow(id);
    chooseClose(protocol::closecode::Normal, reason);
    ui::ClosePanel *panel = m_window->closePanel();
    QCOMPARE(panel->findChild<QLabel *>(u"reasonByteCounter"_s)->text(), counter);
    QCOMPARE(button("closeButton")->isEnabled(), sendable);
    QCOMPARE(button("closeOutputButton")->isEnabled(), sendable);
    auto *problem = panel->findChild<QLabel *>(u"closeProblemLabel"_s);
    QCOMPARE(problem->isVisible(), !sendable);
    if (!sendable) {
        QVERIFY2(problem->text().contains(u"123"_s), qPrintable(problem->text()));
        // The panel calls the reason its description, and says so in words.
        QVERIFY2(problem->text().startsWith(u"The description is 124 bytes"_s),
                 qPrintable(problem->text()));
        QCOMPARE(button("closeButton")->toolTip().section(u" ("_s, 0, 0),
                 panel->inputError().section(u" ("_s, 0, 0));
    }
    QVERIFY(button("abortButton")->isEnabled()); // Abort needs no code
}

void TestMainWindow::sendAndAbortWithQWebSocket()
{
    QWebSocket ws;
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy received(&ws, &QWebSocket::textMessageReceived);
    QSignalSpy disconnected(&ws, &QWebSocket::disconnected);
    ws.open(QUrl(u"ws://127.0.0.1:%1/feed"_s.arg(m_port)));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    const ConnectionTableModel *model = m_window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, Timeout);
    const quint32 id = model->rowAt(0).id;
    clickRow(id);

    // The details dock shows the upgrade request.
    QTRY_VERIFY(m_window->detailsPanel()->html().contains(u"/feed"_s));

    ui::SendPanel *send = m_window->sendPanel();
    auto *editor = send->findChild<QPlainTextEdit *>(u"messageEditor"_s);
    QTest::keyClicks(editor, u"hello from the GUI"_s);
    QTest::mouseClick(button("sendButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, Timeout);
    QCOMPARE(received.first().first().toString(), u"hello from the GUI"_s);
    auto *result = send->findChild<QLabel *>(u"sendResultLabel"_s);
    QTRY_VERIFY(result->text().contains(u"Sent"_s));

    // Binary typed as hex: a bad digit disables Send and says where.
    auto *type = send->findChild<QComboBox *>(u"messageTypeCombo"_s);
    type->setCurrentIndex(1);
    editor->setPlainText(u"48 65 zz"_s);
    QVERIFY(!button("sendButton")->isEnabled());
    QVERIFY(button("sendButton")->toolTip().contains(u"not a hex digit"_s));

    // Abort: the peer sees the connection drop; the row says Aborted.
    QTest::mouseClick(button("abortButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(model->row(id)->state, State::Aborted, Timeout);
    QVERIFY(model->indexOf(id).data(ConnectionTableModel::EndedRole).toBool());
    QTRY_VERIFY(!button("abortButton")->isEnabled());
    QVERIFY(button("abortButton")->toolTip().contains(u"has ended (Aborted)"_s));

    // A command the engine refuses (here: sent past the disabled button) shows
    // the result's error in the panel.
    control::Command late;
    late.kind = control::CommandKind::Send;
    late.conns.ids = {id};
    late.payload = "too late"_ba;
    QVERIFY(!m_window->session()->execute(late).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Refused: "_s), Timeout);
    QVERIFY2(result->text().contains(u"conn %1"_s.arg(id)), qPrintable(result->text()));
}

// Arrow to the row, Ctrl+W closes it with the panel's code: no mouse.
void TestMainWindow::keyboardOnly()
{
    RawPeer peer;
    const quint32 id = openPeer(peer);
    QVERIFY(id != 0);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ui::EmptyStateTableView *view = m_window->connectionsPane()->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QTRY_COMPARE(m_window->connectionsPane()->selectedIds(), QList<quint32>{id});
    QTRY_VERIFY(m_window->connectionActions()->action(ui::ConnectionActions::Close)->isEnabled());

    QTest::keyClick(view, Qt::Key_W, Qt::ControlModifier);
    const std::optional<test::PeerFrame> frame = peer.nextFrame(Timeout);
    QVERIFY(frame);
    QCOMPARE(frame->opcode, Opcode::Close);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(1000)); // the panel's default
    peer.sendClose(protocol::closecode::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionModel()->row(id)->state, State::Closed, Timeout);
}

void TestMainWindow::exportToAnUnwritablePlaceSaysWhy()
{
    const monitor::ExportResult result = m_window->exportLogTo(
        u"/nonexistent-closecall-dir/x.jsonl"_s, monitor::LogFormat::Jsonl, false);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"/nonexistent-closecall-dir/x.jsonl"_s),
             qPrintable(result.error));
    QVERIFY(m_window->logModel()->rowCount() > 0); // nothing lost
    QString error;
    QVERIFY(!m_window->startLogToFile(u"/nonexistent-closecall-dir/x.log"_s,
                                      monitor::LogFormat::Text, &error));
    QVERIFY(!error.isEmpty());
}

void TestMainWindow::settingsPersist()
{
    chooseClose(quint16(4321), u"maintenance"_s);
    ui::EmptyStateTableView *view = m_window->connectionsPane()->view();
    view->setColumnWidth(ConnectionTableModel::Remote, 233);
    view->sortByColumn(ConnectionTableModel::Remote, Qt::DescendingOrder);
    m_window->saveSettings();
    const QString file = m_dir.filePath(u"settingsPersist.ini"_s);
    m_window.reset();

    ui::StartupOptions options;
    options.config.port = 0;
    options.explicitOptions = {u"--listen"_s};
    options.settingsFile = file;
    options.autoStart = false;
    MainWindow again(options);
    QCOMPARE(again.closePanel()->code(), protocol::CloseCode(4321));
    QCOMPARE(again.closePanel()->reason(), u"maintenance"_s);
    ui::EmptyStateTableView *restored = again.connectionsPane()->view();
    QCOMPARE(restored->columnWidth(ConnectionTableModel::Remote), 233);
    QCOMPARE(restored->horizontalHeader()->sortIndicatorSection(),
             int(ConnectionTableModel::Remote));
    QCOMPARE(restored->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

// New rows scroll into view only while the view is at the bottom.
void TestMainWindow::logFollowsTheTailOnlyAtTheBottom()
{
    ui::LogView *view = m_window->logPane()->view();
    LogModel *log = m_window->logModel();
    const auto addRows = [log](int n) {
        static quint64 seq = 1000;
        server::EventBatch batch;
        for (int i = 0; i < n; ++i) {
            server::Event event(server::events::Error{u"row %1"_s.arg(seq + 1)});
            event.seq = ++seq;
            batch.append(event);
        }
        log->applyBatch(batch);
    };
    QScrollBar *bar = view->verticalScrollBar();
    addRows(300);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view->isFollowingTail());

    // Scrolled up to read: new rows do not move the view.
    bar->setValue(bar->maximum() / 2);
    QVERIFY(!view->isFollowingTail());
    const int reading = bar->value();
    addRows(50);
    QTRY_VERIFY(bar->maximum() > reading * 2);
    QCOMPARE(bar->value(), reading);
    QVERIFY(!m_window->findChild<QToolButton *>(u"followTailButton"_s)->isChecked());

    // Back at the bottom: following resumes.
    bar->setValue(bar->maximum());
    QVERIFY(view->isFollowingTail());
    addRows(50);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(m_window->findChild<QToolButton *>(u"followTailButton"_s)->isChecked());
}

void TestMainWindow::stopAndStartAgain()
{
    RawPeer peer;
    QVERIFY(openPeer(peer) != 0);
    QAction *stop = m_window->findChild<QAction *>(u"actionStop"_s);
    QAction *start = m_window->findChild<QAction *>(u"actionStart"_s);
    QVERIFY(stop->isEnabled() && !start->isEnabled());
    stop->trigger();
    // Stop closes every connection with 1001 Going Away.
    const std::optional<test::PeerFrame> frame = peer.nextFrame(Timeout);
    QVERIFY(frame);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(1001));
    peer.sendClose(protocol::closecode::GoingAway);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->status(), ui::ServerSession::Status::Stopped,
                              Timeout);
    QVERIFY(start->isEnabled() && !stop->isEnabled());
    QCOMPARE(m_window->connectionsPane()->view()->emptyTitle(), u"The server is stopped"_s);
    QVERIFY(m_window->connectionModel()->rowAt(0).isEnded());

    start->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->status(), ui::ServerSession::Status::Listening,
                              Timeout);
    QCOMPARE(m_window->connectionModel()->rowCount(), 0); // ids start again at 1
    QVERIFY(m_window->logModel()->rowCount() > 0);        // the log keeps the first run
}

void TestMainWindow::aPortInUseIsSaidWithoutADialog()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    m_window->findChild<QAction *>(u"actionStop"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->status(), ui::ServerSession::Status::Stopped,
                              Timeout);
    m_window->serverToolBar()->setPort(taken.serverPort());
    m_window->findChild<QAction *>(u"actionStart"_s)->trigger();
    auto *status = m_window->findChild<QLabel *>(u"statusListening"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Not listening"_s), Timeout);
    QVERIFY(!QApplication::activeModalWidget());
    QTRY_COMPARE(m_window->session()->status(), ui::ServerSession::Status::Stopped);
    QVERIFY2(m_window->connectionsPane()->view()->emptyTitle().startsWith(u"Not listening"_s),
             qPrintable(m_window->connectionsPane()->view()->emptyTitle()));
    QVERIFY(m_window->findChild<QAction *>(u"actionStart"_s)->isEnabled());

    // A bad address is said the same way.
    m_window->serverToolBar()->setHost(u"not an address!"_s);
    m_window->findChild<QAction *>(u"actionStart"_s)->trigger();
    QVERIFY2(status->text().contains(u"not valid"_s), qPrintable(status->text()));
}

void TestMainWindow::closingTheWindowClosesConnectionsWith1001()
{
    RawPeer peer;
    QVERIFY(openPeer(peer) != 0);
    QVERIFY(!m_window->close()); // not yet: the connections are closing first
    const std::optional<test::PeerFrame> frame = peer.nextFrame(Timeout);
    QVERIFY(frame);
    QCOMPARE(frame->closeCode(), std::optional<quint16>(1001));
    peer.sendClose(protocol::closecode::GoingAway);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), Timeout);
    QCOMPARE(m_window->session()->status(), ui::ServerSession::Status::Stopped);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
