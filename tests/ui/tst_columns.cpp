// The connections table's default columns at the default window size: the
// ones that answer "what did my client do" — ID, Remote, Path, State, Close
// sent, Post-close rx, Close received — fit in the viewport without
// scrolling, no header is cut, the close handshake shows its unit, and the
// Subprotocol column appears only once a connection has one.
#include "windowfixture.h"

#include "closepanel/closepanel.h"
#include "protocol/closecodes.h"

#include <QtCore/QTemporaryDir>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketHandshakeOptions>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QScrollBar>

using namespace Qt::StringLiterals;
using namespace closecall;
using Model = monitor::ConnectionTableModel;
using test::GuiTimeout;
using test::RawPeer;

namespace {

// One RFC 4180 line (no line breaks inside fields here).
QStringList splitCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

} // namespace

class TestColumns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void theCloseColumnsFit_data();
    void theCloseColumnsFit();
    void subprotocolShowsOnceAConnectionHasOne();
    void aSavedLayoutIsKept();

private:
    // One connection through Close Output, two late messages and the
    // peer's Close: every close column has a value.
    quint32 closeOneConnection(RawPeer &peer);
    QHeaderView *header() const
    {
        return m_fixture.window->connectionsPane()->view()->horizontalHeader();
    }

    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestColumns::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestColumns::cleanup()
{
    m_fixture.window.reset();
}

quint32 TestColumns::closeOneConnection(RawPeer &peer)
{
    const quint32 id = m_fixture.openPeer(peer, u"/chat?room=1"_s);
    if (id == 0 || !m_fixture.clickRow(id))
        return 0;
    auto *combo = m_fixture.window->closePanel()->findChild<QComboBox *>(u"closeCodeCombo"_s);
    combo->setCurrentIndex(combo->findData(int(protocol::closecode::GoingAway)));
    auto *reason = m_fixture.window->closePanel()->findChild<QLineEdit *>(u"closeReasonEdit"_s);
    reason->setText(u"deploy in progress"_s);
    QTest::mouseClick(m_fixture.button("closeOutputButton"), Qt::LeftButton);
    const std::optional<test::PeerFrame> frame = peer.nextFrame(GuiTimeout);
    if (!frame || frame->closeCode() != std::optional<quint16>(1001))
        return 0;
    peer.sendText("late 1");
    peer.sendText("late 2");
    peer.sendClose(protocol::closecode::GoingAway, u"bye"_s);
    const Model *model = m_fixture.window->connectionModel();
    if (!QTest::qWaitFor([&] { return model->row(id)->state == protocol::State::Closed; },
                         GuiTimeout))
        return 0;
    return id;
}

void TestColumns::theCloseColumnsFit_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800, the default") << QSize(1280, 800);
    QTest::newRow("1280x720") << QSize(1280, 720);
}

void TestColumns::theCloseColumnsFit()
{
    QFETCH(QSize, size);
    // A fresh settings file: the default layout.
    const QString settings =
        m_dir.filePath(u"fit-%1x%2.ini"_s.arg(size.width()).arg(size.height()));
    QVERIFY(m_fixture.start(settings));
    ui::MainWindow *window = m_fixture.window.get();
    if (size != QSize(1280, 800))
        window->resize(size);
    QTRY_COMPARE(window->size(), size);

    RawPeer peer;
    const quint32 id = closeOneConnection(peer);
    QVERIFY(id != 0);

    ui::EmptyStateTableView *view = window->connectionsPane()->view();
    const int viewport = view->viewport()->width();
    QVERIFY(viewport > 0);
    QCOMPARE(view->horizontalScrollBar()->value(), 0);
    for (int column : {Model::Id, Model::Remote, Model::Path, Model::State, Model::CloseSent,
                       Model::PostClose, Model::CloseReceived}) {
        const QString name =
            window->connectionModel()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(!header()->isSectionHidden(column), qPrintable(name));
        const int left = header()->sectionViewportPosition(column);
        const int right = left + header()->sectionSize(column);
        QVERIFY2(left >= 0 && right <= viewport,
                 qPrintable(u"%1: %2..%3 of %4 px"_s.arg(name).arg(left).arg(right).arg(viewport)));
    }
    // In the order things happen: our Close, what came after it, theirs.
    QVERIFY(header()->visualIndex(Model::CloseSent) < header()->visualIndex(Model::PostClose));
    QVERIFY(header()->visualIndex(Model::PostClose) < header()->visualIndex(Model::CloseReceived));

    // No header cut short: each visible section is at least as wide as its
    // title needs.
    for (int column = 0; column < header()->count(); ++column) {
        if (header()->isSectionHidden(column) ||
            column == header()->logicalIndex(header()->count() - 1))
            continue;
        QVERIFY2(
            header()->sectionSize(column) >= header()->sectionSizeHint(column),
            qPrintable(window->connectionModel()->headerData(column, Qt::Horizontal).toString()));
    }
    QCOMPARE(
        window->connectionModel()->headerData(Model::CloseHandshake, Qt::Horizontal).toString(),
        u"Close handshake"_s);

    // Values carry their unit.
    const Model *model = window->connectionModel();
    const QString handshake = model->indexOf(id, Model::CloseHandshake).data().toString();
    QVERIFY2(handshake.endsWith(u" ms"_s), qPrintable(handshake));
    const QString sent = model->indexOf(id, Model::CloseSent).data().toString();
    QVERIFY2(sent.startsWith(u"1001"_s), qPrintable(sent));

    // No subprotocol anywhere: its column stays out of the way.
    QVERIFY(header()->isSectionHidden(Model::Subprotocol));

    // The CSV export has the numbers in their own columns, without units.
    const QString csvPath = m_dir.filePath(u"numbers-%1.csv"_s.arg(size.height()));
    QCOMPARE(window->exportConnectionsTo(csvPath), QString());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(u"\r\n"_s);
    QVERIFY(lines.size() >= 2);
    const QStringList names = splitCsvLine(lines[0]);
    const QStringList values = splitCsvLine(lines[1]);
    QCOMPARE(values.size(), names.size());
    const auto number = [&](const QString &name) {
        const qsizetype at = names.indexOf(name);
        bool ok = false;
        const double value = at < 0 ? -1 : values[at].toDouble(&ok);
        return ok ? value : -1.0;
    };
    QCOMPARE(number(u"Msgs in (count)"_s), 2.0);
    QCOMPARE(number(u"Post-close delivered (count)"_s), 2.0);
    QCOMPARE(number(u"Post-close discarded (count)"_s), 0.0);
    QCOMPARE(number(u"Bytes in (bytes)"_s), 12.0); // "late 1", "late 2"
    QCOMPARE(number(u"Close sent code"_s), 1001.0);
    QCOMPARE(number(u"Close received code"_s), 1001.0);
    QVERIFY(number(u"Close handshake (ms)"_s) >= 0.0);
    QVERIFY(number(u"Duration (ms)"_s) >= 0.0);
}

void TestColumns::subprotocolShowsOnceAConnectionHasOne()
{
    m_fixture.config.subprotocols = {u"chat.v2"_s};
    QVERIFY(m_fixture.start(m_dir.filePath(u"subprotocol.ini"_s)));
    QVERIFY(header()->isSectionHidden(Model::Subprotocol));

    RawPeer plain;
    QVERIFY(m_fixture.openPeer(plain) != 0);
    QVERIFY(header()->isSectionHidden(Model::Subprotocol));

    QWebSocket ws;
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({u"chat.v2"_s});
    ws.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_fixture.port)), options);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, GuiTimeout);
    QCOMPARE(ws.subprotocol(), u"chat.v2"_s);
    const Model *model = m_fixture.window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, GuiTimeout);
    QTRY_VERIFY(!header()->isSectionHidden(Model::Subprotocol));
    QCOMPARE(model->index(1, Model::Subprotocol).data().toString(), u"chat.v2"_s);
}

// Widths, order and hidden columns saved by the operator come back as saved.
void TestColumns::aSavedLayoutIsKept()
{
    const QString settings = m_dir.filePath(u"saved.ini"_s);
    QVERIFY(m_fixture.start(settings, false));
    header()->moveSection(header()->visualIndex(Model::HowEnded), 0);
    header()->resizeSection(Model::CloseSent, 321);
    header()->setSectionHidden(Model::Path, true);
    header()->setSectionHidden(Model::BytesIn, false);
    m_fixture.window->saveSettings();
    m_fixture.window.reset();

    QVERIFY(m_fixture.start(settings, false));
    QCOMPARE(header()->visualIndex(Model::HowEnded), 0);
    QCOMPARE(header()->sectionSize(Model::CloseSent), 321);
    QVERIFY(header()->isSectionHidden(Model::Path));
    QVERIFY(!header()->isSectionHidden(Model::BytesIn));
}

QTEST_MAIN(TestColumns)
#include "tst_columns.moc"
