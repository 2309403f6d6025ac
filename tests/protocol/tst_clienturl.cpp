// ws:// and wss:// URLs read into where an outgoing connection goes and
// what its handshake sends (RFC 6455 §3, §4.1 item 4), and the bad ones
// refused with a sentence naming what is wrong.
#include "protocol/clienturl.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace Qt::StringLiterals;

class tst_ClientUrl : public QObject
{
    Q_OBJECT

private slots:
    void good_data();
    void good();
    void bad_data();
    void bad();
};

void tst_ClientUrl::good_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("hostHeader");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("normalised");

    QTest::newRow("plain with port and query")
        << u"ws://127.0.0.1:9001/chat?room=1"_s << false << u"127.0.0.1"_s << 9001
        << u"127.0.0.1:9001"_s << u"/chat?room=1"_s << u"ws://127.0.0.1:9001/chat?room=1"_s;
    QTest::newRow("default port is not in Host")
        << u"ws://example.com/"_s << false << u"example.com"_s << 80 << u"example.com"_s << u"/"_s
        << u"ws://example.com/"_s;
    QTest::newRow("wss default port 443")
        << u"wss://example.com/feed"_s << true << u"example.com"_s << 443 << u"example.com"_s
        << u"/feed"_s << u"wss://example.com/feed"_s;
    QTest::newRow("explicit default port dropped from Host")
        << u"wss://example.com:443/"_s << true << u"example.com"_s << 443 << u"example.com"_s
        << u"/"_s << u"wss://example.com/"_s;
    QTest::newRow("80 on wss is not the default")
        << u"wss://example.com:80/"_s << true << u"example.com"_s << 80 << u"example.com:80"_s
        << u"/"_s << u"wss://example.com:80/"_s;
    QTest::newRow("empty path is /")
        << u"ws://h:1"_s << false << u"h"_s << 1 << u"h:1"_s << u"/"_s << u"ws://h:1/"_s;
    QTest::newRow("query without a path") << u"ws://h:1?x=1"_s << false << u"h"_s << 1 << u"h:1"_s
                                          << u"/?x=1"_s << u"ws://h:1/?x=1"_s;
    QTest::newRow("IPv6 in brackets") << u"ws://[::1]:9001/"_s << false << u"::1"_s << 9001
                                      << u"[::1]:9001"_s << u"/"_s << u"ws://[::1]:9001/"_s;
    QTest::newRow("upper-case scheme and host")
        << u"WS://LocalHost:9001/A"_s << false << u"localhost"_s << 9001 << u"localhost:9001"_s
        << u"/A"_s << u"ws://localhost:9001/A"_s;
    QTest::newRow("space in the path is encoded") << u"ws://h:1/a b"_s << false << u"h"_s << 1
                                                  << u"h:1"_s << u"/a%20b"_s << u"ws://h:1/a%20b"_s;
    QTest::newRow("percent-encoding kept")
        << u"ws://h:1/x?token=a%2Bb%26c"_s << false << u"h"_s << 1 << u"h:1"_s
        << u"/x?token=a%2Bb%26c"_s << u"ws://h:1/x?token=a%2Bb%26c"_s;
    QTest::newRow("Unicode host IDNA-encoded")
        << u"ws://bücher.example:8080/"_s << false << u"xn--bcher-kva.example"_s << 8080
        << u"xn--bcher-kva.example:8080"_s << u"/"_s << u"ws://xn--bcher-kva.example:8080/"_s;
    QTest::newRow("spaces around are dropped")
        << u"  ws://h:2/  "_s << false << u"h"_s << 2 << u"h:2"_s << u"/"_s << u"ws://h:2/"_s;
}

void tst_ClientUrl::good()
{
    QFETCH(QString, url);
    QFETCH(bool, tls);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, hostHeader);
    QFETCH(QString, target);
    QFETCH(QString, normalised);

    QString error;
    const std::optional<ClientTarget> t = ClientUrl::parse(url, &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->tls, tls);
    QCOMPARE(t->host, host);
    QCOMPARE(int(t->port), port);
    QCOMPARE(t->handshake.host, hostHeader);
    QCOMPARE(t->handshake.target, target);
    QCOMPARE(t->url, normalised);
    // What it makes is a request the handshake accepts.
    QCOMPARE(ClientHandshake::checkOptions(t->handshake), QString());
    ServerHandshake server;
    QCOMPARE(server.feed(ClientHandshake(t->handshake).request()), HandshakeStatus::Complete);
    QCOMPARE(server.request().host, hostHeader);
}

void tst_ClientUrl::bad_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("http") << u"http://h/"_s << u"ws:// or wss://"_s;
    QTest::newRow("no scheme") << u"127.0.0.1:9001"_s << u"ws:// or wss://"_s;
    QTest::newRow("no host") << u"ws:///chat"_s << u"no host"_s;
    QTest::newRow("port out of range") << u"ws://h:99999/"_s << u"not a valid URL"_s;
    QTest::newRow("port 0") << u"ws://h:0/"_s << u"port 0"_s;
    QTest::newRow("user info") << u"ws://user:pw@h/"_s << u"Authorization"_s;
    QTest::newRow("fragment") << u"ws://h/chat#top"_s << u"fragment"_s;
}

void tst_ClientUrl::bad()
{
    QFETCH(QString, url);
    QFETCH(QString, reasonContains);
    QString error;
    QVERIFY(!ClientUrl::parse(url, &error));
    QVERIFY2(error.contains(reasonContains), qPrintable(error));
}

QTEST_APPLESS_MAIN(tst_ClientUrl)
#include "tst_clienturl.moc"
