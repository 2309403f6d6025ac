#include "commandline.h"

#include "protocol/clienturl.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QUrl>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

#ifndef CLOSECALL_VERSION
#define CLOSECALL_VERSION "0.0.0"
#endif

namespace closecall::control {

namespace {

// Gives lupdate a context for the messages of this file.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

bool allDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// RFC 7230 §3.2.6 token: what RFC 6455 §4.1 allows in Sec-WebSocket-Protocol.
bool isHttpToken(QStringView text)
{
    static constexpr QLatin1StringView Specials("!#$%&'*+-.^_`|~");
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               Specials.contains(c);
    });
}

// An Origin header value (RFC 6454 §7): "null" or scheme://host[:port].
QString checkOrigin(const QString &text)
{
    if (text == u"null")
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty() ||
        !(url.path().isEmpty()) || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return Text::tr("'%1' is not an origin; write scheme://host[:port] with no path, "
                        "e.g. https://example.com")
            .arg(text);
    return {};
}

QString checkReadableFile(const QString &text)
{
    const QFileInfo info(text);
    if (!info.exists())
        return Text::tr("'%1' does not exist").arg(text);
    if (!info.isFile())
        return Text::tr("'%1' is not a file").arg(text);
    if (!info.isReadable())
        return Text::tr("'%1' is not readable").arg(text);
    return {};
}

// --proxy-to URL: a ws:// or wss:// URL with a host (protocol::ClientUrl's
// rules, the same as the `connect` command's). Returns the whole error line.
QString parseProxy(const QCommandLineParser &parser, const QCommandLineOption &option,
                   server::ProxyConfig *proxy)
{
    if (!parser.isSet(option))
        return {};
    QString error;
    const auto target = protocol::ClientUrl::parse(parser.value(option), &error);
    if (!target)
        return u"--"_s + option.names().constFirst() + u": "_s + error;
    proxy->target = target->url;
    return {};
}

QString dashed(const QString &name)
{
    return (name.size() == 1 ? u"-"_s : u"--"_s) + name;
}

} // namespace

QString parseInteger(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    // toLongLong accepts "+5" and " 5"; a limit is typed as digits only, so
    // anything else (including a sign) is refused rather than guessed at.
    const bool negative = text.startsWith(u'-') && allDigits(QStringView(text).mid(1));
    if (!negative && (!allDigits(text) || !ok)) {
        if (allDigits(text)) // only digits, but too many for 64 bits
            return Text::tr("'%1' is too large; the most is %2").arg(text).arg(max);
        return Text::tr("'%1' is not a number").arg(text);
    }
    if (negative || value < min)
        return Text::tr("'%1' is too small; the least is %2").arg(text).arg(min);
    if (value > max)
        return Text::tr("'%1' is too large; the most is %2").arg(text).arg(max);
    *out = value;
    return {};
}

QString parseListenAddress(const QString &text, QHostAddress *address, quint16 *port)
{
    QString host;
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return Text::tr("'%1' has no closing ']'; write IPv6 as [::1]:9001").arg(text);
        host = text.mid(1, close - 1);
        if (text.mid(close + 1, 1) != u":")
            return Text::tr("'%1' has no port; write HOST:PORT, e.g. [::1]:9001").arg(text);
        portText = text.mid(close + 2);
        QHostAddress parsed;
        if (!parsed.setAddress(host) || parsed.protocol() != QAbstractSocket::IPv6Protocol)
            return Text::tr("'%1' is not an IPv6 address").arg(host);
        *address = parsed;
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0)
            return Text::tr("'%1' has no port; write HOST:PORT, e.g. 127.0.0.1:9001 (port 0 = any "
                            "free port)")
                .arg(text);
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.contains(u':'))
            return Text::tr("'%1': write an IPv6 address in brackets, e.g. [%2]:%3")
                .arg(text, host, portText);
        if (host.isEmpty())
            return Text::tr("'%1' has no host; write HOST:PORT, e.g. 127.0.0.1:9001").arg(text);
        if (host.compare(u"localhost", Qt::CaseInsensitive) == 0) {
            *address = QHostAddress(QHostAddress::LocalHost);
        } else {
            // Only literal addresses: resolving a name could pick any of
            // several addresses, and a server should say where it listens.
            QHostAddress parsed;
            if (!parsed.setAddress(host) || parsed.protocol() != QAbstractSocket::IPv4Protocol)
                return Text::tr(
                           "'%1' is not an IP address; use e.g. 127.0.0.1, 0.0.0.0, localhost or "
                           "[::1]")
                    .arg(host);
            *address = parsed;
        }
    }
    if (!allDigits(portText) || portText.size() > 5 || portText.toUInt() > 65535)
        return Text::tr("port '%1' is not a number from 0 to 65535").arg(portText);
    *port = static_cast<quint16>(portText.toUInt());
    return {};
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine result;
    server::ServerConfig &config = result.config;
    FrontEndOptions &frontEnd = result.frontEnd;

    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "CloseCall: a WebSocket server console that closes connections the way a real server "
        "would. --headless: events on stdout as JSON Lines, commands on stdin."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    const QCommandLineOption headless(u"headless"_s,
                                      Text::tr("Run without a window: JSON Lines events "
                                               "on stdout, commands on stdin."));
    const QCommandLineOption listen(u"listen"_s,
                                    Text::tr("Listen on HOST:PORT (default 127.0.0.1:9001; IPv6 as "
                                             "[::1]:9001; port 0 = any free port)."),
                                    u"HOST:PORT"_s);
    const QCommandLineOption tlsCert(
        u"tls-cert"_s, Text::tr("PEM certificate (with --tls-key): serve wss://."), u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, Text::tr("PEM private key (with --tls-cert)."),
                                    u"FILE"_s);
    const QCommandLineOption echo(u"echo"_s, Text::tr("Echo each data message while Open."));
    const QCommandLineOption manualAck(
        u"manual-ack"_s, Text::tr("Leave a peer's Close unanswered until a command answers it."));
    const QCommandLineOption noAutoPong(u"no-auto-pong"_s, Text::tr("Do not answer Pings."));
    const QCommandLineOption subprotocol(
        u"subprotocol"_s, Text::tr("Offer a subprotocol (repeat, in preference order)."),
        u"NAME"_s);
    const QCommandLineOption allowOrigin(
        u"allow-origin"_s, Text::tr("Accept this Origin only (repeat; none given = any origin)."),
        u"ORIGIN"_s);
    const QCommandLineOption maxConnections(
        u"max-connections"_s,
        Text::tr("Refuse upgrades beyond N connections with 503 (default %1).")
            .arg(config.maxConnections),
        u"N"_s);
    const QCommandLineOption maxMessageSize(
        u"max-message-size"_s,
        Text::tr("Close with 1009 on a larger message (default %1).").arg(config.maxMessageSize),
        u"BYTES"_s);
    const QCommandLineOption maxUnfinishedBytes(
        u"max-unfinished-bytes"_s,
        Text::tr("Bytes all connections together may hold of unfinished messages; the "
                 "connection that would pass it is closed with 1009 (default %1).")
            .arg(config.maxUnfinishedBytes),
        u"BYTES"_s);
    const QCommandLineOption messageTimeout(
        u"message-timeout"_s,
        Text::tr("Close with 1008 a connection whose message is not finished in time (default "
                 "%1; 0 = never).")
            .arg(config.messageTimeoutMs),
        u"MS"_s);
    const QCommandLineOption handshakeTimeout(
        u"handshake-timeout"_s,
        Text::tr("Drop a client whose upgrade is not done in time (default %1).")
            .arg(config.handshakeTimeoutMs),
        u"MS"_s);
    const QCommandLineOption closeTimeout(
        u"close-timeout"_s,
        Text::tr("close: abort when the peer's Close has not come (default %1).")
            .arg(config.closeTimeoutMs),
        u"MS"_s);
    const QCommandLineOption closeOutputTimeout(
        u"close-output-timeout"_s,
        Text::tr("close_output: abort when the peer's Close has not come (default %1; 0 = never).")
            .arg(config.closeOutputTimeoutMs),
        u"MS"_s);
    const QCommandLineOption logFile(
        u"log-file"_s, Text::tr("Write every event to FILE as it happens."), u"FILE"_s);
    const QCommandLineOption logFormat(
        u"log-format"_s,
        Text::tr("jsonl, text or csv (default: from the file's suffix, else jsonl)."), u"FORMAT"_s);
    const QCommandLineOption noMessageEvents(
        u"no-message-events"_s,
        Text::tr(
            "Leave message_in/out and ping/pong events out of stdout (for benchmarks); "
            "--log-file still gets them. Without --log-file the engine does not produce them at "
            "all, so export lacks them too."));
    const QCommandLineOption demo(
        u"demo"_s, Text::tr("Once listening, connect a handful of built-in misbehaving peers to "
                            "the server itself, to have live connections to close."));
    const QCommandLineOption deflate(
        u"deflate"_s, Text::tr("Accept permessage-deflate (RFC 7692) when a client offers it."));
    const QCommandLineOption deflateWindowBits(
        u"deflate-window-bits"_s,
        Text::tr("With --deflate: compress within a window of 2^N bytes, N 9 to 15 (default 15)."),
        u"N"_s);
    const QCommandLineOption deflateClientWindowBits(
        u"deflate-client-window-bits"_s,
        Text::tr("With --deflate: ask a client that allows it to compress within 2^N bytes, N 8 "
                 "to 15 (default 15)."),
        u"N"_s);
    const QCommandLineOption deflateNoContextTakeover(
        u"deflate-no-context-takeover"_s,
        Text::tr("With --deflate: compress every message on its own (less memory, larger "
                 "messages)."));
    const QCommandLineOption deflateClientNoContextTakeover(
        u"deflate-client-no-context-takeover"_s,
        Text::tr("With --deflate: ask the client to compress every message on its own."));
    // Proxy mode (docs/headless.md "Proxy mode").
    const QCommandLineOption proxyTo(
        u"proxy-to"_s,
        Text::tr("Proxy mode: relay every client to this ws:// or wss:// server, both ways, and "
                 "log both legs."),
        u"URL"_s);
    const QCommandLineOption proxyKeepTargetPath(
        u"proxy-keep-target-path"_s,
        Text::tr("With --proxy-to: connect to the target's own path and query only (without it "
                 "the client's path and query are appended)."));
    const QCommandLineOption proxyHoldCloses(
        u"proxy-hold-closes"_s,
        Text::tr("With --proxy-to: hold every Close instead of passing it on; a command decides "
                 "what the other side sees."));
    const QCommandLineOption proxyInsecure(
        u"proxy-insecure"_s, Text::tr("With --proxy-to wss://: accept a server certificate that "
                                      "fails verification."));
    parser.addOptions({headless,
                       demo,
                       listen,
                       tlsCert,
                       tlsKey,
                       echo,
                       manualAck,
                       noAutoPong,
                       subprotocol,
                       allowOrigin,
                       maxConnections,
                       maxMessageSize,
                       maxUnfinishedBytes,
                       messageTimeout,
                       handshakeTimeout,
                       closeTimeout,
                       closeOutputTimeout,
                       logFile,
                       logFormat,
                       noMessageEvents,
                       deflate,
                       deflateWindowBits,
                       deflateClientWindowBits,
                       deflateNoContextTakeover,
                       deflateClientNoContextTakeover,
                       proxyTo,
                       proxyKeepTargetPath,
                       proxyHoldCloses,
                       proxyInsecure});

    const auto fail = [&result](const QString &message) {
        result.status = CommandLine::Status::Error;
        result.error = message;
        return result;
    };
    const auto optionError = [&fail](const QCommandLineOption &option, const QString &message) {
        return fail(u"--"_s + option.names().constFirst() + u": "_s + message);
    };

    if (!parser.parse(arguments)) {
        if (!parser.unknownOptionNames().isEmpty())
            return fail(Text::tr("%1: unknown option (see --help)")
                            .arg(dashed(parser.unknownOptionNames().constFirst())));
        return fail(parser.errorText());
    }
    if (parser.isSet(help)) {
        result.status = CommandLine::Status::Help;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.status = CommandLine::Status::Version;
        result.text = u"closecall "_s + QLatin1StringView(CLOSECALL_VERSION) + u'\n';
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(Text::tr("unexpected argument '%1' (options start with --; see --help)")
                        .arg(parser.positionalArguments().constFirst()));

    // A value given twice is most likely a script bug; taking the last one
    // silently would hide it.
    for (const QCommandLineOption *single :
         {&listen, &tlsCert, &tlsKey, &maxConnections, &maxMessageSize, &maxUnfinishedBytes,
          &messageTimeout, &handshakeTimeout, &closeTimeout, &closeOutputTimeout, &logFile,
          &logFormat, &deflateWindowBits, &deflateClientWindowBits, &proxyTo}) {
        if (parser.values(*single).size() > 1)
            return optionError(
                *single,
                Text::tr("given %1 times; give it once").arg(parser.values(*single).size()));
    }

    frontEnd.headless = parser.isSet(headless);
    frontEnd.demo = parser.isSet(demo);

    if (parser.isSet(listen)) {
        if (const QString error =
                parseListenAddress(parser.value(listen), &config.address, &config.port);
            !error.isEmpty())
            return optionError(listen, error);
    }

    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return parser.isSet(tlsCert)
                   ? optionError(tlsCert, Text::tr("needs --tls-key (both or neither)"))
                   : optionError(tlsKey, Text::tr("needs --tls-cert (both or neither)"));
    for (const auto &[option, target] :
         {std::pair{&tlsCert, &config.tlsCertFile}, std::pair{&tlsKey, &config.tlsKeyFile}}) {
        if (!parser.isSet(*option))
            continue;
        if (const QString error = checkReadableFile(parser.value(*option)); !error.isEmpty())
            return optionError(*option, error);
        *target = parser.value(*option);
    }

    config.echo = parser.isSet(echo);
    config.manualAck = parser.isSet(manualAck);
    config.autoPong = !parser.isSet(noAutoPong);

    for (const QString &name : parser.values(subprotocol)) {
        if (!isHttpToken(name))
            return optionError(
                subprotocol,
                Text::tr("'%1' is not a valid subprotocol name (an HTTP token: letters, "
                         "digits and !#$%&'*+-.^_`|~, no spaces or commas)")
                    .arg(name));
        if (config.subprotocols.contains(name))
            return optionError(subprotocol, Text::tr("'%1' is given twice").arg(name));
        config.subprotocols.append(name);
    }
    for (const QString &origin : parser.values(allowOrigin)) {
        if (const QString error = checkOrigin(origin); !error.isEmpty())
            return optionError(allowOrigin, error);
        config.allowedOrigins.append(origin);
    }

    constexpr qint64 IntMax = std::numeric_limits<int>::max();
    struct IntegerOption
    {
        const QCommandLineOption *option;
        qint64 min;
        qint64 max;
        qint64 value;
    };
    IntegerOption integers[] = {
        {&maxConnections, 1, IntMax, config.maxConnections},
        {&maxMessageSize, 1, std::numeric_limits<qint64>::max(), config.maxMessageSize},
        {&handshakeTimeout, 1, IntMax, config.handshakeTimeoutMs},
        {&closeTimeout, 1, IntMax, config.closeTimeoutMs},
        {&closeOutputTimeout, 0, IntMax, config.closeOutputTimeoutMs},
        {&maxUnfinishedBytes, 1, std::numeric_limits<qint64>::max(), config.maxUnfinishedBytes},
        {&messageTimeout, 0, IntMax, config.messageTimeoutMs},
        // zlib cannot compress raw deflate within 8 bits; a client may
        // (we inflate with 15, which reads any window).
        {&deflateWindowBits, 9, 15, config.deflate.serverMaxWindowBits},
        {&deflateClientWindowBits, 8, 15, config.deflate.clientMaxWindowBits},
    };
    for (IntegerOption &integer : integers) {
        if (!parser.isSet(*integer.option))
            continue;
        if (const QString error = parseInteger(parser.value(*integer.option), integer.min,
                                               integer.max, &integer.value);
            !error.isEmpty())
            return optionError(*integer.option, error);
    }
    config.maxConnections = static_cast<int>(integers[0].value);
    config.maxMessageSize = integers[1].value;
    config.handshakeTimeoutMs = static_cast<int>(integers[2].value);
    config.closeTimeoutMs = static_cast<int>(integers[3].value);
    config.closeOutputTimeoutMs = static_cast<int>(integers[4].value);
    config.maxUnfinishedBytes = integers[5].value;
    config.messageTimeoutMs = static_cast<int>(integers[6].value);

    config.deflate.enabled = parser.isSet(deflate);
    for (const QCommandLineOption *tuning :
         {&deflateWindowBits, &deflateClientWindowBits, &deflateNoContextTakeover,
          &deflateClientNoContextTakeover}) {
        if (parser.isSet(*tuning) && !config.deflate.enabled)
            return optionError(*tuning, Text::tr("needs --deflate"));
    }
    config.deflate.serverMaxWindowBits = static_cast<int>(integers[7].value);
    config.deflate.clientMaxWindowBits = static_cast<int>(integers[8].value);
    config.deflate.serverNoContextTakeover = parser.isSet(deflateNoContextTakeover);
    config.deflate.clientNoContextTakeover = parser.isSet(deflateClientNoContextTakeover);

    if (parser.isSet(logFile)) {
        frontEnd.logFile = parser.value(logFile);
        if (frontEnd.logFile.isEmpty())
            return optionError(logFile, Text::tr("the file name is empty"));
        // The suffix names the format when --log-format does not; a name
        // that says nothing means the contract's own format, jsonl.
        frontEnd.logFormat =
            monitor::logFormatFromPath(frontEnd.logFile).value_or(monitor::LogFormat::Jsonl);
    }
    if (parser.isSet(logFormat)) {
        if (!parser.isSet(logFile))
            return optionError(logFormat, Text::tr("needs --log-file"));
        const QString name = parser.value(logFormat);
        const auto format = monitor::logFormatFromName(name);
        if (!format || *format == monitor::LogFormat::Har)
            return optionError(logFormat,
                               Text::tr("'%1' is not one of jsonl, text, csv").arg(name));
        frontEnd.logFormat = *format;
    } else if (frontEnd.logFormat == monitor::LogFormat::Har) {
        return optionError(logFile, Text::tr("HAR is one JSON document and cannot be written as "
                                             "events happen; use .jsonl, .log or .csv (or "
                                             "--log-format), and the export command for HAR"));
    }

    if (const QString error = parseProxy(parser, proxyTo, &config.proxy); !error.isEmpty())
        return fail(error);
    if (parser.isSet(proxyTo)) {
        config.proxy.keepTargetPath = parser.isSet(proxyKeepTargetPath);
        config.proxy.holdCloses = parser.isSet(proxyHoldCloses);
        config.proxy.insecure = parser.isSet(proxyInsecure);
        // A proxy relays what the real server does: these would be
        // ignored, and an option that silently does nothing misleads.
        for (const auto &[option, why] : {
                 std::pair{&demo, Text::tr("the demo's peers connect to CloseCall's own server; "
                                           "it does not go with --proxy-to")},
                 std::pair{&echo, Text::tr("the server behind --proxy-to answers, not CloseCall; "
                                           "it does not go with --proxy-to")},
                 std::pair{&manualAck,
                           Text::tr("in proxy mode a Close is relayed or held (see "
                                    "--proxy-hold-closes); it does not go with --proxy-to")},
                 std::pair{&subprotocol,
                           Text::tr("in proxy mode the client's offer goes to the server and "
                                    "the server chooses; it does not go with --proxy-to")},
             }) {
            if (parser.isSet(*option))
                return optionError(*option, why);
        }
    } else {
        for (const QCommandLineOption *needsProxy :
             {&proxyKeepTargetPath, &proxyHoldCloses, &proxyInsecure}) {
            if (parser.isSet(*needsProxy))
                return optionError(*needsProxy, Text::tr("needs --proxy-to"));
        }
    }

    frontEnd.stdoutMessageEvents = !parser.isSet(noMessageEvents);
    // Per-message events cost the engine real time under load; when nothing
    // would consume them, the engine does not produce them at all.
    config.messageEvents = frontEnd.stdoutMessageEvents || !frontEnd.logFile.isEmpty();
    return result;
}

} // namespace closecall::control
