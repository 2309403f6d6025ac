// The command line of docs/headless.md: every option, good and bad values, the
// defaults, and listen-address parsing (IPv4, IPv6 in brackets, port 0).
#include "control/commandline.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <unistd.h>

using namespace closecall;
using namespace closecall::control;
using namespace closecall::server;
using namespace Qt::StringLiterals;

using Status = CommandLine::Status;

class tst_commandline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void defaults();
    void goodOption_data();
    void goodOption();
    void badOption_data();
    void badOption();
    void listenAddress_data();
    void listenAddress();
    void helpAndVersion_data();
    void helpAndVersion();
    void unreadableTlsFile();
    void logFormatFromSuffix_data();
    void logFormatFromSuffix();

private:
    CommandLine parse(QStringList args) const;
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

void tst_commandline::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cert = m_dir.filePath(u"cert.pem"_s);
    m_key = m_dir.filePath(u"key.pem"_s);
    for (const QString &path : {m_cert, m_key}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN PLACEHOLDER-----\n");
    }
}

// "{cert}", "{key}" and "{dir}" in an argument stand for the temporary files.
CommandLine tst_commandline::parse(QStringList args) const
{
    for (QString &arg : args) {
        arg.replace(u"{cert}"_s, m_cert);
        arg.replace(u"{key}"_s, m_key);
        arg.replace(u"{dir}"_s, m_dir.path());
    }
    args.prepend(u"closecall"_s);
    return parseCommandLine(args);
}

void tst_commandline::defaults()
{
    const CommandLine cl = parse({});
    QCOMPARE(cl.status, Status::Run);
    QVERIFY(cl.error.isEmpty());
    QCOMPARE(cl.config.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(cl.config.port, 9001);
    QVERIFY(!cl.config.useTls());
    QVERIFY(!cl.config.echo);
    QVERIFY(!cl.config.manualAck);
    QVERIFY(cl.config.autoPong);
    QVERIFY(cl.config.subprotocols.isEmpty());
    QVERIFY(cl.config.allowedOrigins.isEmpty());
    QCOMPARE(cl.config.maxConnections, 10000);
    QCOMPARE(cl.config.maxMessageSize, 16 * 1024 * 1024);
    QCOMPARE(cl.config.handshakeTimeoutMs, 10000);
    QCOMPARE(cl.config.closeTimeoutMs, 5000);
    QCOMPARE(cl.config.closeOutputTimeoutMs, 30000);
    QCOMPARE(cl.config.maxUnfinishedBytes, 256 * 1024 * 1024);
    QCOMPARE(cl.config.messageTimeoutMs, 60000);
    QVERIFY(cl.config.messageEvents);
    QVERIFY(!cl.frontEnd.headless);
    QVERIFY(cl.frontEnd.logFile.isEmpty());
    QVERIFY(cl.frontEnd.stdoutMessageEvents);
    QVERIFY(!cl.config.proxy.isOn());
}

// One field of the parsed result, by name, so each row checks what its option set.
static QVariant field(const CommandLine &cl, const QString &name)
{
    const ServerConfig &c = cl.config;
    const FrontEndOptions &f = cl.frontEnd;
    if (name == u"headless")
        return f.headless;
    if (name == u"listen")
        return u"%1 %2"_s.arg(c.address.toString()).arg(c.port);
    if (name == u"tls")
        return u"%1|%2"_s.arg(QFileInfo(c.tlsCertFile).fileName(),
                              QFileInfo(c.tlsKeyFile).fileName());
    if (name == u"echo")
        return c.echo;
    if (name == u"manualAck")
        return c.manualAck;
    if (name == u"autoPong")
        return c.autoPong;
    if (name == u"subprotocols")
        return c.subprotocols.join(u',');
    if (name == u"origins")
        return c.allowedOrigins.join(u',');
    if (name == u"maxConnections")
        return c.maxConnections;
    if (name == u"maxMessageSize")
        return QString::number(c.maxMessageSize);
    if (name == u"maxUnfinishedBytes")
        return QString::number(c.maxUnfinishedBytes);
    if (name == u"messageTimeout")
        return c.messageTimeoutMs;
    if (name == u"handshakeTimeout")
        return c.handshakeTimeoutMs;
    if (name == u"closeTimeout")
        return c.closeTimeoutMs;
    if (name == u"closeOutputTimeout")
        return c.closeOutputTimeoutMs;
    if (name == u"log")
        return u"%1 %2"_s.arg(QFileInfo(f.logFile).fileName(), monitor::logFormatName(f.logFormat));
    if (name == u"events")
        return u"stdout=%1 engine=%2"_s.arg(f.stdoutMessageEvents).arg(c.messageEvents);
    if (name == u"proxy")
        return u"%1 keep=%2 hold=%3 insecure=%4"_s.arg(c.proxy.target)
            .arg(c.proxy.keepTargetPath)
            .arg(c.proxy.holdCloses)
            .arg(c.proxy.insecure);
    return u"no field %1"_s.arg(name);
}

void tst_commandline::goodOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");

    const auto row = [](const char *name, QStringList args, const char *field, QVariant value) {
        QTest::newRow(name) << args << QString::fromLatin1(field) << value;
    };
    row("--headless", {u"--headless"_s}, "headless", true);
    row("--listen ipv4", {u"--listen"_s, u"0.0.0.0:8080"_s}, "listen", u"0.0.0.0 8080"_s);
    row("--listen=form", {u"--listen=127.0.0.1:0"_s}, "listen", u"127.0.0.1 0"_s);
    row("--listen ipv6", {u"--listen"_s, u"[::1]:9001"_s}, "listen", u"::1 9001"_s);
    row("--listen localhost", {u"--listen"_s, u"localhost:1234"_s}, "listen", u"127.0.0.1 1234"_s);
    row("--tls-cert and --tls-key", {u"--tls-cert"_s, u"{cert}"_s, u"--tls-key"_s, u"{key}"_s},
        "tls", u"cert.pem|key.pem"_s);
    row("--echo", {u"--echo"_s}, "echo", true);
    row("--manual-ack", {u"--manual-ack"_s}, "manualAck", true);
    row("--no-auto-pong", {u"--no-auto-pong"_s}, "autoPong", false);
    row("--subprotocol once", {u"--subprotocol"_s, u"chat"_s}, "subprotocols", u"chat"_s);
    row("--subprotocol in order",
        {u"--subprotocol"_s, u"v2.chat"_s, u"--subprotocol"_s, u"v1.chat"_s}, "subprotocols",
        u"v2.chat,v1.chat"_s);
    row("--allow-origin twice",
        {u"--allow-origin"_s, u"https://a.example"_s, u"--allow-origin"_s,
         u"http://b.example:8080"_s},
        "origins", u"https://a.example,http://b.example:8080"_s);
    row("--allow-origin null", {u"--allow-origin"_s, u"null"_s}, "origins", u"null"_s);
    row("--max-connections", {u"--max-connections"_s, u"5"_s}, "maxConnections", 5);
    row("--max-message-size big", {u"--max-message-size"_s, u"8589934592"_s}, "maxMessageSize",
        u"8589934592"_s);
    row("--max-unfinished-bytes", {u"--max-unfinished-bytes"_s, u"1048576"_s}, "maxUnfinishedBytes",
        u"1048576"_s);
    row("--max-unfinished-bytes big", {u"--max-unfinished-bytes"_s, u"17179869184"_s},
        "maxUnfinishedBytes", u"17179869184"_s);
    row("--message-timeout", {u"--message-timeout"_s, u"1000"_s}, "messageTimeout", 1000);
    row("--message-timeout 0 = never", {u"--message-timeout"_s, u"0"_s}, "messageTimeout", 0);
    row("--handshake-timeout", {u"--handshake-timeout"_s, u"250"_s}, "handshakeTimeout", 250);
    row("--close-timeout", {u"--close-timeout"_s, u"1500"_s}, "closeTimeout", 1500);
    row("--close-output-timeout 0 = never", {u"--close-output-timeout"_s, u"0"_s},
        "closeOutputTimeout", 0);
    row("--log-file jsonl default", {u"--log-file"_s, u"{dir}/run.dat"_s}, "log",
        u"run.dat jsonl"_s);
    row("--log-file .csv suffix", {u"--log-file"_s, u"{dir}/run.csv"_s}, "log", u"run.csv csv"_s);
    row("--log-file .log suffix", {u"--log-file"_s, u"{dir}/run.log"_s}, "log", u"run.log text"_s);
    row("--log-format overrides suffix",
        {u"--log-file"_s, u"{dir}/run.csv"_s, u"--log-format"_s, u"jsonl"_s}, "log",
        u"run.csv jsonl"_s);
    row("--log-format text", {u"--log-file"_s, u"{dir}/x"_s, u"--log-format"_s, u"text"_s}, "log",
        u"x text"_s);
    row("--log-format case-insensitive",
        {u"--log-file"_s, u"{dir}/x"_s, u"--log-format"_s, u"CSV"_s}, "log", u"x csv"_s);
    row("--log-format makes .har streamable",
        {u"--log-file"_s, u"{dir}/x.har"_s, u"--log-format"_s, u"jsonl"_s}, "log",
        u"x.har jsonl"_s);
    row("--no-message-events alone: engine skips them", {u"--no-message-events"_s}, "events",
        u"stdout=0 engine=0"_s);
    row("--no-message-events with --log-file: engine keeps them",
        {u"--no-message-events"_s, u"--log-file"_s, u"{dir}/a.jsonl"_s}, "events",
        u"stdout=0 engine=1"_s);
    // docs/headless.md "Proxy mode": the target as the engine reads it.
    row("--proxy-to ws", {u"--proxy-to"_s, u"ws://127.0.0.1:8080/app?x=1"_s}, "proxy",
        u"ws://127.0.0.1:8080/app?x=1 keep=0 hold=0 insecure=0"_s);
    row("--proxy-to wss, no path", {u"--proxy-to=wss://example.com"_s}, "proxy",
        u"wss://example.com/ keep=0 hold=0 insecure=0"_s);
    row("--proxy-to WS upper case", {u"--proxy-to"_s, u"WS://[::1]:9/"_s}, "proxy",
        u"ws://[::1]:9/ keep=0 hold=0 insecure=0"_s);
    row("--proxy-to with its three switches",
        {u"--proxy-to"_s, u"wss://h:1/p"_s, u"--proxy-keep-target-path"_s, u"--proxy-hold-closes"_s,
         u"--proxy-insecure"_s},
        "proxy", u"wss://h:1/p keep=1 hold=1 insecure=1"_s);
    row("--proxy-to keeps --deflate", {u"--proxy-to"_s, u"ws://h/"_s, u"--deflate"_s}, "proxy",
        u"ws://h/ keep=0 hold=0 insecure=0"_s);
}

void tst_commandline::goodOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);
    const CommandLine cl = parse(args);
    QVERIFY2(cl.status == Status::Run, qPrintable(cl.error));
    QCOMPARE(::field(cl, field), expected);
}

void tst_commandline::badOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message"); // the whole error line, or its start when ending in '…'

    const auto row = [](const char *name, QStringList args, const QString &message) {
        QTest::newRow(name) << args << message;
    };
    row("unknown option", {u"--frobnicate"_s}, u"--frobnicate: unknown option (see --help)"_s);
    row("positional argument", {u"extra"_s},
        u"unexpected argument 'extra' (options start with --; see --help)"_s);
    row("--listen without value", {u"--listen"_s}, u"Missing value after '--listen'.…"_s);
    row("--listen no port", {u"--listen"_s, u"127.0.0.1"_s},
        u"--listen: '127.0.0.1' has no port…"_s);
    row("--listen bad port", {u"--listen"_s, u"127.0.0.1:70000"_s},
        u"--listen: port '70000' is not a number from 0 to 65535"_s);
    row("--listen port not a number", {u"--listen"_s, u"127.0.0.1:http"_s},
        u"--listen: port 'http' is not a number from 0 to 65535"_s);
    row("--listen host name", {u"--listen"_s, u"example.com:80"_s},
        u"--listen: 'example.com' is not an IP address…"_s);
    row("--listen ipv6 without brackets", {u"--listen"_s, u"::1:9001"_s},
        u"--listen: '::1:9001': write an IPv6 address in brackets, e.g. [::1]:9001"_s);
    row("--listen ipv4 in brackets", {u"--listen"_s, u"[127.0.0.1]:80"_s},
        u"--listen: '127.0.0.1' is not an IPv6 address"_s);
    row("--listen no host", {u"--listen"_s, u":9001"_s}, u"--listen: ':9001' has no host…"_s);
    row("--listen twice", {u"--listen"_s, u"127.0.0.1:1"_s, u"--listen"_s, u"127.0.0.1:2"_s},
        u"--listen: given 2 times; give it once"_s);
    row("--tls-cert alone", {u"--tls-cert"_s, u"{cert}"_s},
        u"--tls-cert: needs --tls-key (both or neither)"_s);
    row("--tls-key alone", {u"--tls-key"_s, u"{key}"_s},
        u"--tls-key: needs --tls-cert (both or neither)"_s);
    row("--tls-cert missing file",
        {u"--tls-cert"_s, u"/nonexistent.pem"_s, u"--tls-key"_s, u"{key}"_s},
        u"--tls-cert: '/nonexistent.pem' does not exist"_s);
    row("--tls-key is a directory", {u"--tls-cert"_s, u"{cert}"_s, u"--tls-key"_s, u"{dir}"_s},
        u"--tls-key: '…"_s);
    row("--echo with a value", {u"--echo=yes"_s}, u"Unexpected value after '--echo'.…"_s);
    row("--subprotocol with space", {u"--subprotocol"_s, u"a b"_s},
        u"--subprotocol: 'a b' is not a valid subprotocol name…"_s);
    row("--subprotocol empty", {u"--subprotocol"_s, u""_s},
        u"--subprotocol: '' is not a valid subprotocol name…"_s);
    row("--subprotocol twice", {u"--subprotocol"_s, u"chat"_s, u"--subprotocol"_s, u"chat"_s},
        u"--subprotocol: 'chat' is given twice"_s);
    row("--allow-origin with path", {u"--allow-origin"_s, u"https://a.example/app"_s},
        u"--allow-origin: 'https://a.example/app' is not an origin…"_s);
    row("--allow-origin bare host", {u"--allow-origin"_s, u"a.example"_s},
        u"--allow-origin: 'a.example' is not an origin…"_s);
    row("--max-connections abc", {u"--max-connections"_s, u"abc"_s},
        u"--max-connections: 'abc' is not a number"_s);
    row("--max-connections 0", {u"--max-connections"_s, u"0"_s},
        u"--max-connections: '0' is too small; the least is 1"_s);
    row("--max-connections -3", {u"--max-connections=-3"_s},
        u"--max-connections: '-3' is too small; the least is 1"_s);
    row("--max-connections too large", {u"--max-connections"_s, u"99999999999"_s},
        u"--max-connections: '99999999999' is too large; the most is 2147483647"_s);
    row("--max-connections with sign", {u"--max-connections"_s, u"+5"_s},
        u"--max-connections: '+5' is not a number"_s);
    row("--max-message-size 1.5", {u"--max-message-size"_s, u"1.5"_s},
        u"--max-message-size: '1.5' is not a number"_s);
    row("--max-message-size 20 digits", {u"--max-message-size"_s, u"99999999999999999999"_s},
        u"--max-message-size: '99999999999999999999' is too large…"_s);
    row("--max-unfinished-bytes 0", {u"--max-unfinished-bytes"_s, u"0"_s},
        u"--max-unfinished-bytes: '0' is too small; the least is 1"_s);
    row("--max-unfinished-bytes 1M", {u"--max-unfinished-bytes"_s, u"1M"_s},
        u"--max-unfinished-bytes: '1M' is not a number"_s);
    row("--max-unfinished-bytes twice",
        {u"--max-unfinished-bytes"_s, u"1"_s, u"--max-unfinished-bytes"_s, u"2"_s},
        u"--max-unfinished-bytes: given 2 times; give it once"_s);
    row("--message-timeout -1", {u"--message-timeout=-1"_s},
        u"--message-timeout: '-1' is too small; the least is 0"_s);
    row("--message-timeout too large", {u"--message-timeout"_s, u"99999999999"_s},
        u"--message-timeout: '99999999999' is too large; the most is 2147483647"_s);
    row("--handshake-timeout 0", {u"--handshake-timeout"_s, u"0"_s},
        u"--handshake-timeout: '0' is too small; the least is 1"_s);
    row("--close-timeout x", {u"--close-timeout"_s, u"5s"_s},
        u"--close-timeout: '5s' is not a number"_s);
    row("--close-output-timeout -1", {u"--close-output-timeout=-1"_s},
        u"--close-output-timeout: '-1' is too small; the least is 0"_s);
    row("--log-format without --log-file", {u"--log-format"_s, u"csv"_s},
        u"--log-format: needs --log-file"_s);
    row("--log-format har", {u"--log-file"_s, u"x.har"_s, u"--log-format"_s, u"har"_s},
        u"--log-format: 'har' is not one of jsonl, text, csv"_s);
    row("--log-format HAR", {u"--log-file"_s, u"x.jsonl"_s, u"--log-format"_s, u"HAR"_s},
        u"--log-format: 'HAR' is not one of jsonl, text, csv"_s);
    row("--log-file .har cannot stream", {u"--log-file"_s, u"x.har"_s},
        u"--log-file: HAR is one JSON document and cannot be written as events happen…"_s);
    row("--log-file empty", {u"--log-file="_s}, u"--log-file: the file name is empty"_s);

    // Proxy mode: the target is a ws:// or wss:// URL with a host.
    row("--proxy-to http", {u"--proxy-to"_s, u"http://127.0.0.1:8080/"_s},
        u"--proxy-to: http://127.0.0.1:8080/ is not a WebSocket URL; it must start with ws:// "
        "or wss://."_s);
    row("--proxy-to nonsense", {u"--proxy-to"_s, u"nonsense"_s},
        u"--proxy-to: nonsense is not a WebSocket URL; it must start with ws:// or wss://."_s);
    row("--proxy-to empty", {u"--proxy-to="_s},
        u"--proxy-to: the URL is empty; give one like ws://127.0.0.1:9001/chat."_s);
    row("--proxy-to no host", {u"--proxy-to"_s, u"ws:///path"_s},
        u"--proxy-to: ws:///path names no host…"_s);
    row("--proxy-to user info", {u"--proxy-to"_s, u"ws://u:p@h/"_s},
        u"--proxy-to: ws://u:p@h/ has user info before the host…"_s);
    row("--proxy-to without value", {u"--proxy-to"_s}, u"Missing value after '--proxy-to'.…"_s);
    row("--proxy-to twice", {u"--proxy-to"_s, u"ws://a/"_s, u"--proxy-to"_s, u"ws://b/"_s},
        u"--proxy-to: given 2 times; give it once"_s);
    row("--proxy-keep-target-path alone", {u"--proxy-keep-target-path"_s},
        u"--proxy-keep-target-path: needs --proxy-to"_s);
    row("--proxy-hold-closes alone", {u"--proxy-hold-closes"_s},
        u"--proxy-hold-closes: needs --proxy-to"_s);
    row("--proxy-insecure alone", {u"--proxy-insecure"_s}, u"--proxy-insecure: needs --proxy-to"_s);
    row("--demo with --proxy-to", {u"--proxy-to"_s, u"ws://h/"_s, u"--demo"_s},
        u"--demo: the demo's peers connect to CloseCall's own server; it does not go with "
        "--proxy-to"_s);
    row("--echo with --proxy-to", {u"--proxy-to"_s, u"ws://h/"_s, u"--echo"_s},
        u"--echo: the server behind --proxy-to answers, not CloseCall; it does not go with "
        "--proxy-to"_s);
    row("--manual-ack with --proxy-to", {u"--proxy-to"_s, u"ws://h/"_s, u"--manual-ack"_s},
        u"--manual-ack: in proxy mode a Close is relayed or held (see --proxy-hold-closes); it "
        "does not go with --proxy-to"_s);
    row("--subprotocol with --proxy-to",
        {u"--proxy-to"_s, u"ws://h/"_s, u"--subprotocol"_s, u"chat"_s},
        u"--subprotocol: in proxy mode the client's offer goes to the server and the server "
        "chooses; it does not go with --proxy-to"_s);
}

void tst_commandline::badOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CommandLine cl = parse(args);
    QCOMPARE(cl.status, Status::Error);
    QVERIFY2(!cl.error.contains(u'\n'), qPrintable(cl.error)); // one line on stderr
    if (message.endsWith(u"…"_s))
        QVERIFY2(cl.error.startsWith(message.chopped(1)), qPrintable(cl.error));
    else
        QCOMPARE(cl.error, message);
}

void tst_commandline::listenAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");

    QTest::newRow("default form") << u"127.0.0.1:9001"_s << true << u"127.0.0.1"_s << 9001;
    QTest::newRow("port 0 = any") << u"127.0.0.1:0"_s << true << u"127.0.0.1"_s << 0;
    QTest::newRow("port 65535") << u"127.0.0.1:65535"_s << true << u"127.0.0.1"_s << 65535;
    QTest::newRow("all IPv4") << u"0.0.0.0:80"_s << true << u"0.0.0.0"_s << 80;
    QTest::newRow("IPv6 loopback") << u"[::1]:9001"_s << true << u"::1"_s << 9001;
    QTest::newRow("IPv6 any") << u"[::]:0"_s << true << u"::"_s << 0;
    QTest::newRow("IPv6 full") << u"[2001:db8::7]:443"_s << true << u"2001:db8::7"_s << 443;
    QTest::newRow("localhost") << u"LOCALHOST:1"_s << true << u"127.0.0.1"_s << 1;
    QTest::newRow("IPv6 no port") << u"[::1]"_s << false << QString() << 0;
    QTest::newRow("IPv6 empty port") << u"[::1]:"_s << false << QString() << 0;
    QTest::newRow("IPv6 unclosed") << u"[::1:9001"_s << false << QString() << 0;
    QTest::newRow("IPv6 bare") << u"::1"_s << false << QString() << 0;
    QTest::newRow("port 65536") << u"127.0.0.1:65536"_s << false << QString() << 0;
    QTest::newRow("port negative") << u"127.0.0.1:-1"_s << false << QString() << 0;
    QTest::newRow("bad IPv4") << u"300.1.1.1:80"_s << false << QString() << 0;
    QTest::newRow("empty") << QString() << false << QString() << 0;
}

void tst_commandline::listenAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, address);
    QFETCH(int, port);
    QHostAddress parsedAddress;
    quint16 parsedPort = 12345;
    const QString error = parseListenAddress(text, &parsedAddress, &parsedPort);
    QVERIFY2(error.isEmpty() == ok, qPrintable(error));
    if (!ok)
        return;
    QCOMPARE(parsedAddress.toString(), address);
    QCOMPARE(int(parsedPort), port);
}

void tst_commandline::helpAndVersion_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contains");
    QTest::newRow("--help") << u"--help"_s << int(Status::Help) << u"--close-output-timeout"_s;
    QTest::newRow("-h") << u"-h"_s << int(Status::Help) << u"--no-message-events"_s;
    QTest::newRow("--version") << u"--version"_s << int(Status::Version) << u"closecall 0."_s;
}

void tst_commandline::helpAndVersion()
{
    QFETCH(QString, arg);
    QFETCH(int, status);
    QFETCH(QString, contains);
    const CommandLine cl = parse({arg});
    QCOMPARE(int(cl.status), status);
    QVERIFY2(cl.text.contains(contains), qPrintable(cl.text));
}

void tst_commandline::unreadableTlsFile()
{
    if (::geteuid() == 0)
        QSKIP("root reads every file; the permission check cannot fail");
    const QString locked = m_dir.filePath(u"locked.pem"_s);
    QFile file(locked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::WriteOwner));
    const CommandLine cl = parse({u"--tls-cert"_s, locked, u"--tls-key"_s, u"{key}"_s});
    QCOMPARE(cl.status, Status::Error);
    QCOMPARE(cl.error, u"--tls-cert: '%1' is not readable"_s.arg(locked));
}

void tst_commandline::logFormatFromSuffix_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::newRow(".jsonl") << u"a.jsonl"_s << u"jsonl"_s;
    QTest::newRow(".CSV") << u"a.CSV"_s << u"csv"_s;
    QTest::newRow(".txt") << u"dir.d/a.txt"_s << u"text"_s;
    QTest::newRow(".log") << u"a.log"_s << u"text"_s;
    QTest::newRow(".ndjson") << u"a.ndjson"_s << u"jsonl"_s;
    QTest::newRow("no suffix") << u"events"_s << u"jsonl"_s;
    QTest::newRow("unknown suffix") << u"events.dat"_s << u"jsonl"_s;
}

void tst_commandline::logFormatFromSuffix()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    const CommandLine cl = parse({u"--log-file"_s, file});
    QVERIFY2(cl.status == Status::Run, qPrintable(cl.error));
    QCOMPARE(QString(monitor::logFormatName(cl.frontEnd.logFormat)), format);
}

QTEST_GUILESS_MAIN(tst_commandline)
#include "tst_commandline.moc"
