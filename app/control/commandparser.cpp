#include "commandparser.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>
#include <QtCore/QRegularExpression>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace closecall::control {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandParser)
};

// RFC 6455 §5.5: a control frame's payload is at most 125 bytes.
constexpr qsizetype MaxPingPayload = 125;

// The fields each command takes besides `id` and `cmd`. A field a command
// does not know is refused: a misspelt "timout_ms" silently ignored would
// close with the wrong timeout.
QList<QLatin1StringView> fieldsOf(CommandKind kind)
{
    switch (kind) {
    case CommandKind::List:
        return {};
    case CommandKind::Close:
    case CommandKind::CloseOutput:
        return {"conn"_L1, "code"_L1, "reason"_L1, "timeout_ms"_L1};
    case CommandKind::Abort:
        return {"conn"_L1};
    case CommandKind::Send:
        return {"conn"_L1, "text"_L1, "binary"_L1};
    case CommandKind::Ping:
        return {"conn"_L1, "payload"_L1, "binary"_L1};
    case CommandKind::Set:
        return {"echo"_L1, "manual_ack"_L1, "auto_pong"_L1, "hold_closes"_L1, "conn"_L1};
    case CommandKind::Export:
        return {"path"_L1, "format"_L1, "filter"_L1};
    case CommandKind::Quit:
        return {"code"_L1, "reason"_L1, "timeout_ms"_L1};
    case CommandKind::Timeline:
        return {"conn"_L1, "path"_L1, "format"_L1};
    case CommandKind::Connect:
        return {"url"_L1,       "count"_L1,    "subprotocols"_L1, "headers"_L1,
                "behaviour"_L1, "insecure"_L1, "deflate"_L1};
    }
    return {};
}

QString joined(const QList<QLatin1StringView> &names)
{
    QString out;
    for (QLatin1StringView name : names) {
        if (!out.isEmpty())
            out += u", "_s;
        out += name;
    }
    return out;
}

// A JSON scalar as compact JSON text: how the id travels to the `result`.
QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// The closest known command name, for "did you mean".
QLatin1StringView closestCommand(QStringView typed)
{
    const auto distance = [](QStringView a, QLatin1StringView b) {
        QList<qsizetype> row(b.size() + 1);
        for (qsizetype j = 0; j <= b.size(); ++j)
            row[j] = j;
        for (qsizetype i = 1; i <= a.size(); ++i) {
            qsizetype diagonal = row[0];
            row[0] = i;
            for (qsizetype j = 1; j <= b.size(); ++j) {
                const qsizetype above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                                   diagonal + (a[i - 1].toLower() == QChar(b[j - 1]) ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    QLatin1StringView best;
    qsizetype bestDistance = 3; // more than 2 edits away is no longer a typo
    for (CommandKind kind :
         {CommandKind::List, CommandKind::Close, CommandKind::CloseOutput, CommandKind::Abort,
          CommandKind::Send, CommandKind::Ping, CommandKind::Set, CommandKind::Export,
          CommandKind::Quit, CommandKind::Timeline, CommandKind::Connect}) {
        const qsizetype d = distance(typed, commandName(kind));
        if (d < bestDistance) {
            bestDistance = d;
            best = commandName(kind);
        }
    }
    return best;
}

// The id of a line that is not valid JSON, if one can be made out, so even
// that error answers the right command. Best effort by design: the line is
// broken, so this only looks for `"id": <string or number>`.
QByteArray idFromBrokenLine(QByteArrayView line)
{
    static const QRegularExpression pattern(
        uR"re("id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))re"_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(line));
    if (!match.hasMatch())
        return {};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray('[' + match.capturedView(1).toUtf8() + ']'));
    if (!doc.isArray() || doc.array().size() != 1)
        return {};
    return jsonText(doc.array().at(0));
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return Text::tr("null");
    case QJsonValue::Bool:
        return Text::tr("a boolean");
    case QJsonValue::Double:
        return Text::tr("a number");
    case QJsonValue::String:
        return Text::tr("a string");
    case QJsonValue::Array:
        return Text::tr("an array");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Text::tr("nothing");
}

// A JSON number that is a whole number in [min, max].
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || d < double(min) || d > double(max))
        return std::nullopt;
    return static_cast<qint64>(d);
}

class Parser
{
public:
    explicit Parser(const QJsonObject &object)
        : m_object(object)
    {}

    ParsedCommand run();

private:
    bool fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
        return false;
    }
    bool parseConn();
    bool parseCode(quint16 defaultCode);
    bool parseReason(const QString &defaultReason);
    bool parseTimeout();
    bool parseBase64(QLatin1StringView field, QByteArray *out);
    bool parseSend();
    bool parsePing();
    bool parseSet();
    // export's and timeline's `path`; `whenMissing` says which command needs it.
    bool parsePath(const QString &whenMissing);
    bool parseExport();
    bool parseTimeline();
    // connect's list fields: an array of strings, each non-empty.
    bool parseStringList(QLatin1StringView field, QStringList *out);
    bool parseConnect();

    const QJsonObject &m_object;
    Command m_command;
    QString m_error;
};

bool Parser::parseConn()
{
    const QJsonValue conn = m_object.value("conn"_L1);
    const QString shape = Text::tr("'conn' must be an id, a list of ids or \"all\"");
    if (conn.isUndefined())
        return fail(Text::tr("'conn' is missing: give an id, a list of ids or \"all\""));
    if (conn.isString()) {
        if (conn.toString() != u"all")
            return fail(shape);
        m_command.conns.all = true;
        return true;
    }
    const auto id = [&](const QJsonValue &value) -> std::optional<quint32> {
        if (!value.isDouble())
            return std::nullopt;
        if (const auto n = wholeNumber(value, 1, std::numeric_limits<quint32>::max()))
            return static_cast<quint32>(*n);
        fail(Text::tr("connection id %1 is not valid; ids are whole numbers from 1")
                 .arg(QString::fromUtf8(jsonText(value))));
        return std::nullopt;
    };
    if (conn.isDouble()) {
        const auto one = id(conn);
        if (!one)
            return false;
        m_command.conns.ids.append(*one);
        return true;
    }
    if (!conn.isArray())
        return fail(shape);
    const QJsonArray list = conn.toArray();
    if (list.isEmpty())
        return fail(Text::tr("'conn' is an empty list; give at least one id, or \"all\""));
    for (const QJsonValue &value : list) {
        const auto one = id(value);
        if (!one)
            return fail(shape);
        if (!m_command.conns.ids.contains(*one))
            m_command.conns.ids.append(*one);
    }
    return true;
}

bool Parser::parseCode(quint16 defaultCode)
{
    const QJsonValue code = m_object.value("code"_L1);
    QString given;
    if (code.isUndefined()) {
        m_command.code = defaultCode;
    } else if (code.isNull()) {
        m_command.code = std::nullopt; // Empty: a Close frame with no payload
    } else if (code.isDouble()) {
        const auto n = wholeNumber(code, 0, 0xFFFF);
        if (!n)
            return fail(Text::tr("code %1 is not a close code number; codes are whole numbers "
                                 "from 0 to 65535 (usable: 1000-1003, 1007-1014, 3000-4999)")
                            .arg(QString::fromUtf8(jsonText(code))));
        m_command.code = static_cast<quint16>(*n);
    } else if (code.isString()) {
        QString error;
        const auto parsed = protocol::parseCloseCode(code.toString(), &error);
        if (!parsed)
            return fail(error);
        m_command.code = *parsed;
        given = code.toString();
    } else {
        return fail(Text::tr("'code' must be a number, a registry name such as \"GoingAway\" or "
                             "\"EndpointUnavailable\", or null for an empty Close; got %1")
                        .arg(jsonTypeName(code)));
    }
    // The code alone first, so the message can say "code 1006 cannot be
    // sent"; the reason rules (length, Empty with a reason) come after.
    if (const QString error = protocol::validateOutgoingClose(m_command.code, {});
        !error.isEmpty()) {
        const QString number = QString::number(m_command.code.value_or(0));
        const QString what =
            given.isEmpty() || given == number ? number : u"%1 (%2)"_s.arg(number, given);
        return fail(Text::tr("code %1 cannot be sent: %2").arg(what, error));
    }
    return true;
}

bool Parser::parseReason(const QString &defaultReason)
{
    const QJsonValue reason = m_object.value("reason"_L1);
    if (reason.isUndefined()) {
        m_command.reason = m_command.code ? defaultReason : QString();
    } else if (!reason.isString()) {
        return fail(Text::tr("'reason' must be a string; got %1").arg(jsonTypeName(reason)));
    } else {
        m_command.reason = reason.toString();
    }
    if (const QString error = protocol::validateOutgoingClose(m_command.code, m_command.reason);
        !error.isEmpty())
        return fail(error);
    return true;
}

bool Parser::parseTimeout()
{
    const QJsonValue timeout = m_object.value("timeout_ms"_L1);
    if (timeout.isUndefined())
        return true;
    const auto n = wholeNumber(timeout, 0, std::numeric_limits<int>::max());
    if (!n)
        return fail(Text::tr("'timeout_ms' must be a whole number of milliseconds from 0 to %1; "
                             "got %2")
                        .arg(std::numeric_limits<int>::max())
                        .arg(QString::fromUtf8(jsonText(timeout))));
    // 0 means "never" only for close_output (docs/close-semantics.md); a close
    // that aborts at once would just be an abort.
    if (*n == 0 && m_command.kind == CommandKind::Close)
        return fail(Text::tr("'timeout_ms' 0 (never) is only for close_output; close needs at "
                             "least 1 ms (or use abort)"));
    m_command.timeoutMs = static_cast<int>(*n);
    return true;
}

bool Parser::parseBase64(QLatin1StringView field, QByteArray *out)
{
    const QJsonValue value = m_object.value(field);
    if (!value.isString())
        return fail(
            Text::tr("'%1' must be a base64 string; got %2").arg(field, jsonTypeName(value)));
    const QByteArray text = value.toString().toLatin1();
    const QString bad = Text::tr("'%1' is not valid base64: ").arg(field);
    for (qsizetype i = 0; i < value.toString().size(); ++i) {
        const QChar c = value.toString().at(i);
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                        (c >= u'0' && c <= u'9') || c == u'+' || c == u'/' || c == u'=';
        if (!ok) {
            const QString hint = (c == u'-' || c == u'_')
                                     ? Text::tr(" (base64url is not accepted; use + and /)")
                                     : QString();
            return fail(bad + Text::tr("character '%1' at offset %2").arg(c).arg(i) + hint);
        }
    }
    // RFC 4648 §4: whole 4-character groups, '=' only as the last one or two
    // characters. Qt would accept missing padding; a script that drops it has
    // most likely cut its data short, so it is refused.
    const qsizetype firstPad = text.indexOf('=');
    const bool paddingOk =
        firstPad < 0 ||
        (firstPad >= text.size() - 2 && text.mid(firstPad).count('=') == text.size() - firstPad);
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (text.size() % 4 != 0 || !paddingOk || !decoded)
        return fail(
            bad +
            Text::tr("its length or its '=' padding is wrong (%1 characters)").arg(text.size()));
    *out = *decoded;
    return true;
}

bool Parser::parseSend()
{
    const bool hasText = m_object.contains("text"_L1);
    const bool hasBinary = m_object.contains("binary"_L1);
    if (hasText == hasBinary)
        return fail(hasText ? Text::tr("give 'text' or 'binary', not both")
                            : Text::tr("send needs 'text' (a string) or 'binary' (base64)"));
    if (hasText) {
        const QJsonValue text = m_object.value("text"_L1);
        if (!text.isString())
            return fail(Text::tr("'text' must be a string; got %1").arg(jsonTypeName(text)));
        m_command.messageType = protocol::MessageType::Text;
        m_command.payload = text.toString().toUtf8();
        return true;
    }
    m_command.messageType = protocol::MessageType::Binary;
    return parseBase64("binary"_L1, &m_command.payload);
}

bool Parser::parsePing()
{
    const bool hasText = m_object.contains("payload"_L1);
    const bool hasBinary = m_object.contains("binary"_L1);
    if (hasText && hasBinary)
        return fail(Text::tr("give 'payload' or 'binary', not both"));
    if (hasText) {
        const QJsonValue text = m_object.value("payload"_L1);
        if (!text.isString())
            return fail(Text::tr("'payload' must be a string; got %1").arg(jsonTypeName(text)));
        m_command.payload = text.toString().toUtf8();
    } else if (hasBinary) {
        m_command.messageType = protocol::MessageType::Binary;
        if (!parseBase64("binary"_L1, &m_command.payload))
            return false;
    }
    if (m_command.payload.size() > MaxPingPayload)
        return fail(protocol::RefusalText::sentence(protocol::Refused::withSize(
            protocol::Refusal::PingTooLarge, m_command.payload.size())));
    return true;
}

bool Parser::parseSet()
{
    bool any = false;
    for (const auto &[field, target] :
         {std::pair{"echo"_L1, &m_command.echo}, std::pair{"manual_ack"_L1, &m_command.manualAck},
          std::pair{"auto_pong"_L1, &m_command.autoPong},
          std::pair{"hold_closes"_L1, &m_command.holdCloses}}) {
        const QJsonValue value = m_object.value(field);
        if (value.isUndefined())
            continue;
        if (!value.isBool())
            return fail(
                Text::tr("'%1' must be true or false; got %2").arg(field, jsonTypeName(value)));
        *target = value.toBool() ? 1 : 0;
        any = true;
    }
    if (!any)
        return fail(Text::tr("set needs at least one of echo, manual_ack, auto_pong (in proxy "
                             "mode also hold_closes)"));

    // Proxy mode (docs/headless.md "Proxy mode"): `conn` names legs, and
    // hold_closes without it means every pair.
    const bool hasConn = m_object.contains("conn"_L1);
    if (!hasConn && m_command.holdCloses < 0)
        return true;
    for (const auto &[field, value] :
         {std::pair{"echo"_L1, m_command.echo}, std::pair{"manual_ack"_L1, m_command.manualAck}}) {
        if (value >= 0)
            return fail(Text::tr("'%1' is for the whole server and does not apply to a proxy's "
                                 "legs; it does not go with '%2' (send it in a set of its own)")
                            .arg(field, hasConn ? "conn"_L1 : "hold_closes"_L1));
    }
    if (!hasConn) {
        m_command.conns.all = true;
        return true;
    }
    return parseConn();
}

bool Parser::parsePath(const QString &whenMissing)
{
    const QJsonValue path = m_object.value("path"_L1);
    if (!path.isString() || path.toString().isEmpty())
        return fail(path.isUndefined() ? whenMissing
                                       : Text::tr("'path' must be a non-empty string"));
    m_command.path = path.toString();
    // "\u0000" is valid JSON but no file name can hold it: the file layer
    // would cut the name there and write somewhere else.
    if (m_command.path.contains(QChar(u'\0')))
        return fail(Text::tr("'path' contains a NUL character (\\u0000 at position %1); file "
                             "names cannot contain one")
                        .arg(m_command.path.indexOf(QChar(u'\0'))));
    return true;
}

bool Parser::parseExport()
{
    if (!parsePath(Text::tr("export needs 'path' (the file to write)")))
        return false;
    m_command.format =
        monitor::logFormatFromPath(m_command.path).value_or(monitor::LogFormat::Jsonl);
    if (const QJsonValue format = m_object.value("format"_L1); !format.isUndefined()) {
        const auto parsed =
            format.isString() ? monitor::logFormatFromName(format.toString()) : std::nullopt;
        if (!parsed)
            return fail(Text::tr("'format' must be one of jsonl, text, csv, har; got %1")
                            .arg(QString::fromUtf8(jsonText(format))));
        m_command.format = *parsed;
    }
    if (const QJsonValue filter = m_object.value("filter"_L1); !filter.isUndefined()) {
        if (!filter.isString())
            return fail(Text::tr("'filter' must be a string; got %1").arg(jsonTypeName(filter)));
        QString error;
        const auto parsed = parseExportFilter(filter.toString(), &error);
        if (!parsed)
            return fail(error);
        m_command.filterText = filter.toString();
        m_command.filter = *parsed;
    }
    return true;
}

bool Parser::parseTimeline()
{
    // One connection: a timeline is one connection's picture.
    const QJsonValue conn = m_object.value("conn"_L1);
    if (conn.isUndefined())
        return fail(Text::tr("timeline needs 'conn' (the id of the connection to draw)"));
    const auto id =
        conn.isDouble() ? wholeNumber(conn, 1, std::numeric_limits<quint32>::max()) : std::nullopt;
    if (!id)
        return fail(Text::tr("'conn' must be one connection id (a whole number from 1); got %1")
                        .arg(QString::fromUtf8(jsonText(conn))));
    m_command.conn = quint32(*id);

    if (!parsePath(Text::tr("timeline needs 'path' (the file to write)")))
        return false;
    m_command.timelineFormat =
        monitor::timelineFormatFromPath(m_command.path).value_or(monitor::TimelineFormat::Svg);
    if (const QJsonValue format = m_object.value("format"_L1); !format.isUndefined()) {
        const auto parsed =
            format.isString() ? monitor::timelineFormatFromName(format.toString()) : std::nullopt;
        if (!parsed)
            return fail(Text::tr("'format' must be svg or png; got %1")
                            .arg(QString::fromUtf8(jsonText(format))));
        m_command.timelineFormat = *parsed;
    }
    return true;
}

bool Parser::parseStringList(QLatin1StringView field, QStringList *out)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return fail(
            Text::tr("'%1' must be an array of strings; got %2").arg(field, jsonTypeName(value)));
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isString() || list.at(i).toString().trimmed().isEmpty())
            return fail(Text::tr("'%1' item %2 must be a non-empty string; got %3")
                            .arg(field)
                            .arg(i)
                            .arg(QString::fromUtf8(jsonText(list.at(i)))));
        out->append(list.at(i).toString());
    }
    return true;
}

bool Parser::parseConnect()
{
    server::ConnectRequest &request = m_command.connect;
    const QJsonValue url = m_object.value("url"_L1);
    if (url.isUndefined())
        return fail(Text::tr("connect needs 'url' (ws://host:port/path or wss://…)"));
    if (!url.isString() || url.toString().trimmed().isEmpty())
        return fail(Text::tr("'url' must be a non-empty string such as \"ws://127.0.0.1:8080/\"; "
                             "got %1")
                        .arg(QString::fromUtf8(jsonText(url))));
    request.url = url.toString().trimmed();

    if (const QJsonValue count = m_object.value("count"_L1); !count.isUndefined()) {
        // The upper bound is the engine's (it says it in the result).
        const auto n = wholeNumber(count, 1, std::numeric_limits<int>::max());
        if (!n)
            return fail(Text::tr("'count' must be a whole number of connections from 1; got %1")
                            .arg(QString::fromUtf8(jsonText(count))));
        request.count = int(*n);
    }
    if (!parseStringList("subprotocols"_L1, &request.subprotocols) ||
        !parseStringList("headers"_L1, &request.headers))
        return false;
    if (const QJsonValue behaviour = m_object.value("behaviour"_L1); !behaviour.isUndefined()) {
        // Its grammar is checked by the engine, the one place that knows it
        // (docs/headless.md "Peer behaviours").
        if (!behaviour.isString())
            return fail(Text::tr("'behaviour' must be a string such as \"traffic=text; "
                                 "on-close=delay\"; got %1")
                            .arg(jsonTypeName(behaviour)));
        request.behaviour = behaviour.toString();
    }
    if (const QJsonValue insecure = m_object.value("insecure"_L1); !insecure.isUndefined()) {
        if (!insecure.isBool())
            return fail(
                Text::tr("'insecure' must be true or false; got %1").arg(jsonTypeName(insecure)));
        request.insecure = insecure.toBool();
    }
    if (const QJsonValue deflate = m_object.value("deflate"_L1); !deflate.isUndefined()) {
        if (!deflate.isBool())
            return fail(
                Text::tr("'deflate' must be true or false; got %1").arg(jsonTypeName(deflate)));
        request.deflate = deflate.toBool();
    }
    return true;
}

ParsedCommand Parser::run()
{
    ParsedCommand result;
    const auto refuse = [&](const QString &error) {
        result.error = error;
        return result;
    };

    if (const QJsonValue id = m_object.value("id"_L1); !id.isUndefined()) {
        if (!id.isString() && !id.isDouble())
            return refuse(
                Text::tr("'id' must be a string or a number; got %1").arg(jsonTypeName(id)));
        m_command.id = result.id = jsonText(id);
    }

    const QJsonValue cmd = m_object.value("cmd"_L1);
    if (cmd.isUndefined())
        return refuse(Text::tr("'cmd' is missing; commands are list, close, close_output, abort, "
                               "send, ping, set, export, quit, timeline, connect"));
    if (!cmd.isString())
        return refuse(Text::tr("'cmd' must be a string; got %1").arg(jsonTypeName(cmd)));
    const auto kind = commandKindFromName(cmd.toString());
    if (!kind) {
        const QLatin1StringView guess = closestCommand(cmd.toString());
        return refuse(
            guess.isEmpty()
                ? Text::tr("unknown cmd '%1'; commands are list, close, close_output, "
                           "abort, send, ping, set, export, quit, timeline, connect")
                      .arg(cmd.toString())
                : Text::tr("unknown cmd '%1' (did you mean '%2'?)").arg(cmd.toString(), guess));
    }
    m_command.kind = *kind;

    const QList<QLatin1StringView> known = fieldsOf(*kind);
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (it.key() == u"id" || it.key() == u"cmd" || known.contains(it.key()))
            continue;
        return refuse(
            known.isEmpty()
                ? Text::tr("unknown field '%1': %2 takes none").arg(it.key(), cmd.toString())
                : Text::tr("unknown field '%1' for %2 (it takes %3)")
                      .arg(it.key(), cmd.toString(), joined(known)));
    }

    bool ok = true;
    switch (*kind) {
    case CommandKind::List:
        break;
    case CommandKind::Close:
    case CommandKind::CloseOutput:
        ok = parseConn() && parseCode(DefaultCloseCode) && parseReason({}) && parseTimeout();
        m_command.kind = *kind;
        break;
    case CommandKind::Abort:
        ok = parseConn();
        break;
    case CommandKind::Send:
        ok = parseConn() && parseSend();
        break;
    case CommandKind::Ping:
        ok = parseConn() && parsePing();
        break;
    case CommandKind::Set:
        ok = parseSet();
        break;
    case CommandKind::Export:
        ok = parseExport();
        break;
    case CommandKind::Timeline:
        ok = parseTimeline();
        break;
    case CommandKind::Connect:
        ok = parseConnect();
        break;
    case CommandKind::Quit:
        ok = parseCode(DefaultQuitCode) &&
             parseReason(m_object.contains("code"_L1) ? QString() : defaultQuitReason()) &&
             parseTimeout();
        break;
    }
    if (!ok)
        return refuse(m_error);
    result.command = m_command;
    return result;
}

} // namespace

ParsedCommand parseCommand(const QJsonObject &object)
{
    return Parser(object).run();
}

ParsedCommand parseCommand(QByteArrayView line)
{
    ParsedCommand result;
    if (line.trimmed().isEmpty()) {
        result.blank = true;
        return result;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        result.id = idFromBrokenLine(line);
        result.error =
            Text::tr("bad JSON at offset %1: %2").arg(error.offset).arg(error.errorString());
        return result;
    }
    if (!doc.isObject()) {
        result.error = Text::tr("a command must be a JSON object such as {\"cmd\": \"list\"}; got "
                                "%1")
                           .arg(doc.isArray() ? Text::tr("an array") : Text::tr("a scalar"));
        return result;
    }
    return parseCommand(doc.object());
}

} // namespace closecall::control
