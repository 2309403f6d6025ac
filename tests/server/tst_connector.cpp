// The TCP connection under an outgoing WebSocket connection, over real
// loopback sockets: reached by address and by name (trying each address),
// refused, unresolvable, and silent (a listener that never accepts).
#include "server/connector.h"

#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

#include <sys/socket.h>
#include <unistd.h>

using namespace closecall::server;
using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    bool reported = false;
    int fd = -1;
    QHostAddress address;
    QString error;
    int reports = 0;
};

// Starts a connector and waits (on events, not time) for its one report.
Outcome connectTo(const QString &host, quint16 port, int timeoutMs = 20000)
{
    Outcome out;
    auto *connector = new Connector(host, port, timeoutMs,
                                    [&out](int fd, const QHostAddress &address, const QString &e) {
                                        ++out.reports;
                                        out.reported = true;
                                        out.fd = fd;
                                        out.address = address;
                                        out.error = e;
                                    });
    connector->start();
    if (!out.reported)                                              // never from inside start()
        (void)QTest::qWaitFor([&] { return out.reported; }, 30000); // checked by the caller
    delete connector;
    return out;
}

quint16 closedPort()
{
    // A port nobody listens on: bound by a listener that is then closed.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class tst_Connector : public QObject
{
    Q_OBJECT

private slots:
    void byAddress();
    void byNameTriesEachAddress();
    void refused();
    void unresolvable();
    void silentListenerTimesOut();
    void deletedBeforeTheEnd();
};

void tst_Connector::byAddress()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const Outcome out = connectTo(u"127.0.0.1"_s, server.serverPort());
    QVERIFY2(out.fd >= 0, qPrintable(out.error));
    QCOMPARE(out.error, QString());
    QCOMPARE(out.address, QHostAddress(QHostAddress::LocalHost));
    // A real connection: what we send arrives at the server.
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 10000);
    QTcpSocket *peer = server.nextPendingConnection();
    QVERIFY(peer);
    QCOMPARE(::send(out.fd, "ping", 4, MSG_NOSIGNAL), ssize_t(4));
    QTRY_COMPARE_WITH_TIMEOUT(peer->bytesAvailable(), qint64(4), 10000);
    QCOMPARE(peer->readAll(), QByteArray("ping"));
    // Non-blocking, as the engine's transports need it.
    char byte;
    QCOMPARE(::recv(out.fd, &byte, 1, 0), ssize_t(-1));
    QCOMPARE(errno, EAGAIN);
    ::close(out.fd);
}

void tst_Connector::byNameTriesEachAddress()
{
    // localhost may resolve to ::1 first; only 127.0.0.1 listens, so a
    // refused first address must lead on to the next.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const Outcome out = connectTo(u"localhost"_s, server.serverPort());
    QVERIFY2(out.fd >= 0, qPrintable(out.error));
    QCOMPARE(out.address, QHostAddress(QHostAddress::LocalHost));
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 10000);
    ::close(out.fd);
}

void tst_Connector::refused()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const Outcome out = connectTo(u"127.0.0.1"_s, port);
    QCOMPARE(out.fd, -1);
    QCOMPARE(out.reports, 1);
    QVERIFY2(out.error.contains(u"cannot connect to 127.0.0.1 port %1"_s.arg(port)) &&
                 out.error.contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(out.error));
}

void tst_Connector::unresolvable()
{
    // RFC 6761 §6.4: names under .invalid never resolve.
    const Outcome out = connectTo(u"no-such-host.invalid"_s, 9001);
    QCOMPARE(out.fd, -1);
    QCOMPARE(out.reports, 1);
    QVERIFY2(out.error.startsWith(u"cannot resolve no-such-host.invalid"_s), qPrintable(out.error));
}

void tst_Connector::silentListenerTimesOut()
{
    // A connect that never completes ends at the timeout, with one report.
    // 192.0.2.0/24 (TEST-NET-1, RFC 5737) is unroutable: the connect either
    // hangs until our timeout or fails at once where there is no route;
    // both are one clear error and no descriptor.
    const Outcome out = connectTo(u"192.0.2.1"_s, 9, 300);
    QCOMPARE(out.fd, -1);
    QCOMPARE(out.reports, 1);
    QVERIFY2(out.error.contains(u"within 300 ms"_s) || out.error.contains(u"cannot connect"_s),
             qPrintable(out.error));
}

void tst_Connector::deletedBeforeTheEnd()
{
    // Deleting an attempt in flight closes its socket and reports nothing.
    int reports = 0;
    auto *connector =
        new Connector(u"no-such-host.invalid"_s, 9001, 20000,
                      [&reports](int, const QHostAddress &, const QString &) { ++reports; });
    connector->start();
    delete connector;
    QCoreApplication::processEvents();
    QCOMPARE(reports, 0);
}

QTEST_GUILESS_MAIN(tst_Connector)
#include "tst_connector.moc"
