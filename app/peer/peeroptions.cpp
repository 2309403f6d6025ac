#include "peeroptions.h"

#include "control/commandline.h"
#include "protocol/clienturl.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace closecall::peer {

namespace {

// Gives lupdate a context for the messages of this file.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PeerCommandLine)
};

// The engine opens at most this many a request (engineconnect.cpp).
constexpr qint64 MaxCount = 1000;

QString dashed(const QString &name)
{
    return (name.size() == 1 ? u"-"_s : u"--"_s) + name;
}

} // namespace

bool isPeerCommand(int argc, char *argv[])
{
    return argc > 1 && std::strcmp(argv[1], "peer") == 0;
}

PeerCommandLine parsePeerCommandLine(const QStringList &arguments)
{
    PeerCommandLine result;
    PeerOptions &options = result.options;
    server::ConnectRequest &request = options.request;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("closecall peer: connect to a WebSocket server as a client (optionally a "
                 "misbehaving one), print every event as JSON Lines like --headless, and a "
                 "summary per connection once every connection has ended."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(u"URL"_s, Text::tr("ws:// or wss:// URL of the server."));
    const QCommandLineOption count(
        u"count"_s, Text::tr("Open N identical connections (default 1, at most %1).").arg(MaxCount),
        u"N"_s);
    const QCommandLineOption behaviour(
        u"behaviour"_s,
        Text::tr("How each connection behaves: key=value pairs separated by ';', e.g. "
                 "\"traffic=text;every=500;on-close=send;sends=3\" (docs/headless.md "
                 "\"Peer behaviours\")."),
        u"SPEC"_s);
    const QCommandLineOption subprotocol(
        u"subprotocol"_s, Text::tr("Offer a subprotocol (repeat, in preference order)."),
        u"NAME"_s);
    const QCommandLineOption header(
        u"header"_s, Text::tr("Send an extra request header, \"Name: value\" (repeat)."),
        u"HEADER"_s);
    const QCommandLineOption insecure(
        u"insecure"_s, Text::tr("wss://: accept a certificate the system CAs do not vouch for."));
    const QCommandLineOption timeout(
        u"timeout"_s,
        Text::tr("Give up after MS milliseconds: close every connection still open with 1001 and "
                 "exit 1 (default 0 = wait for ever)."),
        u"MS"_s);
    const QCommandLineOption noMessageEvents(
        u"no-message-events"_s,
        Text::tr("Leave message_in/out and ping/pong events out of stdout, and make none (a "
                 "load generator); the summaries still count the messages."));
    parser.addOptions({count, behaviour, subprotocol, header, insecure, timeout, noMessageEvents});

    const auto fail = [&result](const QString &message) {
        result.status = PeerCommandLine::Status::Error;
        result.error = message;
        return result;
    };
    const auto optionError = [&fail](const QCommandLineOption &option, const QString &message) {
        return fail(u"peer: --"_s + option.names().constFirst() + u": "_s + message);
    };

    // "closecall peer ...": the parser sees the program name, then the rest.
    QStringList args = arguments;
    if (args.size() > 1 && args.at(1) == u"peer")
        args.removeAt(1);
    if (!parser.parse(args)) {
        if (!parser.unknownOptionNames().isEmpty())
            return fail(Text::tr("peer: %1: unknown option (see closecall peer --help)")
                            .arg(dashed(parser.unknownOptionNames().constFirst())));
        return fail(u"peer: "_s + parser.errorText());
    }
    if (parser.isSet(help)) {
        result.status = PeerCommandLine::Status::Help;
        // The parser's usage line names the program only; say how the mode
        // is called.
        QString text = parser.helpText();
        const qsizetype lineEnd = text.indexOf(u'\n');
        text.replace(0, lineEnd, Text::tr("Usage: closecall peer [options] URL"));
        result.text = text;
        return result;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(
            Text::tr("peer: give the server's URL, e.g. closecall peer ws://127.0.0.1:9001/"));
    if (positional.size() > 1)
        return fail(Text::tr("peer: unexpected argument '%1' (one URL; options start with --)")
                        .arg(positional.at(1)));

    for (const QCommandLineOption *single : {&count, &behaviour, &timeout}) {
        if (parser.values(*single).size() > 1)
            return optionError(
                *single,
                Text::tr("given %1 times; give it once").arg(parser.values(*single).size()));
    }

    request.url = positional.constFirst();
    QString error;
    std::optional<protocol::ClientTarget> target = protocol::ClientUrl::parse(request.url, &error);
    if (!target)
        return fail(u"peer: "_s + error);

    if (parser.isSet(count)) {
        qint64 value = 0;
        if (const QString why = control::parseInteger(parser.value(count), 1, MaxCount, &value);
            !why.isEmpty())
            return optionError(count, why);
        request.count = int(value);
    }
    if (parser.isSet(timeout)) {
        qint64 value = 0;
        if (const QString why = control::parseInteger(parser.value(timeout), 0,
                                                      std::numeric_limits<int>::max(), &value);
            !why.isEmpty())
            return optionError(timeout, why);
        options.timeoutMs = int(value);
    }

    // The checks the engine makes too, made here so a typo exits 2 with the
    // option's name instead of failing the run.
    request.subprotocols = parser.values(subprotocol);
    target->handshake.subprotocols = request.subprotocols;
    if (const QString why = protocol::ClientHandshake::checkOptions(target->handshake);
        !why.isEmpty())
        return optionError(subprotocol, why);
    for (const QString &line : parser.values(header)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return optionError(header, Text::tr("'%1' is not \"Name: value\"").arg(line.left(80)));
        target->handshake.extraHeaders.append(
            {line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8()});
        if (const QString why = protocol::ClientHandshake::checkOptions(target->handshake);
            !why.isEmpty())
            return optionError(header, why);
        request.headers.append(line);
    }

    request.behaviour = parser.value(behaviour);
    request.insecure = parser.isSet(insecure);
    if (request.insecure && !target->tls)
        return optionError(insecure, Text::tr("applies to wss:// URLs only"));
    options.stdoutMessageEvents = !parser.isSet(noMessageEvents);
    return result;
}

} // namespace closecall::peer
