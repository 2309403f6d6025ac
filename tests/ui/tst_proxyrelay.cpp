// The window in proxy mode end to end (docs/headless.md "Proxy mode"): a
// QWebSocket client -> the window's engine -> a QWebSocketServer upstream,
// all on loopback. The pair's row fills from the real relay's events; Close
// Output on the client leg reaches the client with the panel's code and
// the row shows the close on that leg.

#include "windowfixture.h"

#include "closepanel/closepanel.h"
#include "connections/connectionactions.h"
#include "connections/legchoice.h"
#include "monitor/pairtablemodel.h"

#include <QtCore/QTemporaryDir>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

using namespace closecall;
using namespace Qt::StringLiterals;
using monitor::PairTableModel;
using test::GuiTimeout;

class tst_ProxyRelay final : public QObject
{
    Q_OBJECT

private slots:
    void closeOutputOnTheClientLeg();

private:
    QTemporaryDir m_dir;
};

void tst_ProxyRelay::closeOutputOnTheClientLeg()
{
    // The real server: greets every client and keeps the socket.
    QWebSocketServer upstream(u"upstream"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    QList<QWebSocket *> serverSide;
    QStringList upstreamGot;
    connect(&upstream, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = upstream.nextPendingConnection();
        serverSide.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [&](const QString &text) { upstreamGot.append(text); });
        socket->sendTextMessage(u"welcome"_s);
    });

    test::WindowFixture f;
    f.config.proxy.target = u"ws://127.0.0.1:%1/app"_s.arg(upstream.serverPort());
    QVERIFY(f.start(m_dir.filePath(u"relay.ini"_s)));
    ui::MainWindow &w = *f.window;
    QVERIFY(w.connectionsPane()->isProxyMode());

    QWebSocket client;
    QStringList clientGot;
    connect(&client, &QWebSocket::textMessageReceived, this,
            [&](const QString &text) { clientGot.append(text); });
    client.open(QUrl(u"ws://127.0.0.1:%1/room"_s.arg(f.port)));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, GuiTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(clientGot, QStringList{u"welcome"_s}, GuiTimeout);
    client.sendTextMessage(u"hello"_s);
    QTRY_COMPARE_WITH_TIMEOUT(upstreamGot, QStringList{u"hello"_s}, GuiTimeout);

    // One row: both legs open, one message each way.
    PairTableModel *pairs = w.pairModel();
    QTRY_COMPARE_WITH_TIMEOUT(pairs->rowCount(), 1, GuiTimeout);
    const auto cell = [&](int column) {
        return pairs->index(0, column).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(cell(PairTableModel::ClientToServer), QLocale().toString(1),
                              GuiTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(PairTableModel::ServerToClient), QLocale().toString(1),
                              GuiTimeout);
    QCOMPARE(cell(PairTableModel::ClientState), u"Open"_s);
    QCOMPARE(cell(PairTableModel::ServerState), u"Open"_s);
    QVERIFY2(cell(PairTableModel::Target).startsWith(f.config.proxy.target),
             qPrintable(cell(PairTableModel::Target)));
    const quint32 clientLeg = pairs->pairAt(0).clientConn;
    QVERIFY(clientLeg != 0 && pairs->pairAt(0).serverConn != 0);

    // Close Output 4000 on the client leg: CloseCall acts as the server.
    w.connectionsPane()->selectConnections({clientLeg});
    w.legChoice()->setLeg(server::Leg::Client);
    w.closePanel()->setCode(4000);
    w.closePanel()->setReason(u"bye"_s);
    using Kind = ui::ConnectionActions::Kind;
    QTRY_COMPARE_WITH_TIMEOUT(w.connectionActions()->targets(Kind::CloseOutput),
                              QList<quint32>{clientLeg}, GuiTimeout);
    w.connectionActions()->action(Kind::CloseOutput)->trigger();

    QTRY_VERIFY_WITH_TIMEOUT(cell(PairTableModel::CloseToClient).startsWith(u"4000"_s), GuiTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, GuiTimeout);
    QCOMPARE(int(client.closeCode()), 4000);
    QCOMPARE(client.closeReason(), u"bye"_s);
    QTRY_COMPARE_WITH_TIMEOUT(cell(PairTableModel::ClientState), u"Closed"_s, GuiTimeout);
}

QTEST_MAIN(tst_ProxyRelay)
#include "tst_proxyrelay.moc"
