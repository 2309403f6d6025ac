#include "logexport.h"

#include "eventjson.h"
#include "eventstore.h"
#include "utf8.h"

#include "protocol/handshake.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

using namespace closecall::protocol;
using server::Event;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LogExport", text);
}

QString cannotWrite(const QString &path, const QString &why)
{
    return tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
}

inline void add(QByteArray &out, QLatin1StringView s)
{
    out.append(s.data(), s.size());
}

template<typename Int> inline void addNumber(QByteArray &out, Int v)
{
    out += QByteArray::number(v);
}

void addQuoted(QByteArray &out, QByteArrayView utf8, bool dropTail = false)
{
    out += '"';
    utf8::appendEscaped(out, utf8, dropTail, true);
    out += '"';
}

void addQuotedString(QByteArray &out, const QString &text)
{
    addQuoted(out, text.toUtf8());
}

void addHex(QByteArray &out, QByteArrayView bytes, char separator)
{
    static constexpr char Hex[] = "0123456789abcdef";
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (separator && i > 0)
            out += separator;
        out += Hex[uchar(bytes[i]) >> 4];
        out += Hex[uchar(bytes[i]) & 0xF];
    }
}

bool isCut(const Event &e)
{
    return e.size > e.preview.size();
}

// The preview as a person reads it: escaped text in quotes, or hex bytes.
void addPreview(QByteArray &out, const Event &e)
{
    if (previewIsText(e))
        addQuoted(out, e.preview, isCut(e));
    else
        addHex(out, e.preview, ' ');
    if (isCut(e))
        add(out, " …"_L1);
}

void addCode(QByteArray &out, const CloseCode &code)
{
    out += describeCloseCode(code).toUtf8();
}

// ---- CSV -------------------------------------------------------------------

enum Column {
    ColSeq,
    ColTime,
    ColTUs,
    ColEvent,
    ColConn,
    ColState,
    ColType,
    ColSize,
    ColPreview,
    ColPostClose,
    ColCode,
    ColCodeName,
    ColReason,
    ColMode,
    ColFrom,
    ColTo,
    ColFinal,
    ColHow,
    ColTcpClosedBy,
    ColInitiatedBy,
    ColCloseHandshakeUs,
    ColRemote,
    ColPath,
    ColQuery,
    ColSubprotocol,
    ColOrigin,
    ColUserAgent,
    ColHeaders,
    ColAddress,
    ColPort,
    ColTls,
    ColStatus,
    ColMessage,
    ColId,
    ColOk,
    ColData,
    ColumnCount
};

constexpr const char *ColumnNames[] = {
    "seq",
    "time",
    "t_us",
    "event",
    "conn",
    "state",
    "type",
    "size",
    "preview",
    "post_close",
    "code",
    "code_name",
    "reason",
    "mode",
    "from",
    "to",
    "final",
    "how",
    "tcp_closed_by",
    "initiated_by",
    "close_handshake_us",
    "remote",
    "path",
    "query",
    "subprotocol",
    "origin",
    "user_agent",
    "headers",
    "address",
    "port",
    "tls",
    "status",
    "message",
    "id",
    "ok",
    "data",
};
static_assert(std::size(ColumnNames) == ColumnCount);

// Writes one row; cells must come in column order, skipped ones stay empty.
class CsvRow final
{
public:
    explicit CsvRow(QByteArray &out)
        : m_out(out)
    {}
    ~CsvRow()
    {
        seek(ColumnCount - 1);
        m_out += "\r\n";
    }
    Q_DISABLE_COPY_MOVE(CsvRow)

    // Numbers and contract names: never need quoting, never start a formula.
    template<typename Int> void number(Column c, Int v)
    {
        seek(c);
        addNumber(m_out, v);
    }
    void name(Column c, QLatin1StringView v)
    {
        seek(c);
        add(m_out, v);
    }
    void string(Column c, const QString &v) { text(c, v.toUtf8()); }
    // Anything that came from a peer or a person. Escaped like the text log
    // (so a cell is one line), then neutralised and quoted as needed.
    void text(Column c, QByteArrayView utf8, bool dropTail = false)
    {
        seek(c);
        QByteArray &cell = scratch();
        cell.resize(0);
        utf8::appendEscaped(cell, utf8, dropTail, false);
        // OWASP "CSV injection": = + - @ start a formula (tab and CR would
        // too, but they are escaped above).
        const bool formula = !cell.isEmpty() && std::strchr("=+-@", cell[0]) != nullptr;
        const bool quote = formula || cell.contains(',') || cell.contains('"') ||
                           cell.startsWith(' ') || cell.endsWith(' ');
        if (!quote) {
            m_out += cell;
            return;
        }
        m_out += '"';
        if (formula)
            m_out += '\'';
        for (char ch : std::as_const(cell)) {
            if (ch == '"')
                m_out += '"'; // RFC 4180 §2.7: a quote inside is doubled
            m_out += ch;
        }
        m_out += '"';
    }
    void hex(Column c, QByteArrayView bytes)
    {
        seek(c);
        addHex(m_out, bytes, 0);
    }

private:
    static QByteArray &scratch()
    {
        thread_local QByteArray buffer;
        return buffer;
    }
    void seek(int c)
    {
        while (m_commas < c) {
            m_out += ',';
            ++m_commas;
        }
    }

    QByteArray &m_out;
    int m_commas = 0;
};

void csvCode(CsvRow &row, const CloseCode &code)
{
    if (!code)
        return;
    row.number(ColCode, *code);
    if (const CloseCodeInfo *info = closeCodeInfo(*code))
        row.name(ColCodeName, info->rfcName);
}

// ---- HAR -------------------------------------------------------------------

QJsonObject nameValue(const QString &name, const QString &value)
{
    return QJsonObject{{"name"_L1, name}, {"value"_L1, value}};
}

QString harTime(qint64 wallUs)
{
    // Chrome writes milliseconds: "2026-11-26T10:44:22.123Z".
    QByteArray iso = isoTime(wallUs);
    iso.remove(iso.size() - 4, 3);
    return QString::fromLatin1(iso);
}

QString headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(value);
    }
    return {};
}

template<typename ForEach>
ExportResult exportWith(ForEach &&forEach, const QString &path, LogFormat format,
                        const EventFilter &filter)
{
    ExportResult result;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = cannotWrite(path, file.errorString());
        return result;
    }
    const auto accept = [&](const Event &e) {
        return !filter || filter(e);
    };

    if (format == LogFormat::Har) {
        HarBuilder har;
        forEach([&](const Event &e) {
            if (accept(e)) {
                har.add(e);
                ++result.events;
            }
        });
        file.write(har.document().toJson(QJsonDocument::Indented));
    } else {
        constexpr qsizetype Chunk = 1 << 20;
        QByteArray buffer;
        buffer.reserve(Chunk + 64 * 1024);
        if (format == LogFormat::Csv)
            buffer += csvHeader();
        forEach([&](const Event &e) {
            if (!accept(e))
                return;
            switch (format) {
            case LogFormat::Jsonl:
                appendEventJson(buffer, e);
                break;
            case LogFormat::Text:
                appendTextLine(buffer, e);
                break;
            case LogFormat::Csv:
                appendCsvRow(buffer, e);
                break;
            case LogFormat::Har:
                break;
            }
            ++result.events;
            if (buffer.size() >= Chunk) {
                file.write(buffer);
                buffer.resize(0); // keeps the capacity
            }
        });
        file.write(buffer);
    }
    // QSaveFile remembers a failed write and then refuses to commit, so the
    // old file (if any) stays as it was.
    if (!file.commit()) {
        result.error = cannotWrite(path, file.errorString());
        result.events = 0;
    }
    return result;
}

} // namespace

// ---- formats -----------------------------------------------------------------

QLatin1StringView logFormatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Jsonl:
        return "jsonl"_L1;
    case LogFormat::Text:
        return "text"_L1;
    case LogFormat::Csv:
        return "csv"_L1;
    case LogFormat::Har:
        return "har"_L1;
    }
    return {};
}

std::optional<LogFormat> logFormatFromName(QStringView name, QString *error)
{
    for (LogFormat f : {LogFormat::Jsonl, LogFormat::Text, LogFormat::Csv, LogFormat::Har}) {
        if (name.compare(logFormatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    if (error)
        *error = tr("%1: use jsonl, text, csv or har").arg(name);
    return std::nullopt;
}

std::optional<LogFormat> logFormatFromPath(QStringView path, QString *error)
{
    const QString suffix = QFileInfo(path.toString()).suffix().toLower();
    if (suffix == "jsonl"_L1 || suffix == "ndjson"_L1)
        return LogFormat::Jsonl;
    if (suffix == "log"_L1 || suffix == "txt"_L1)
        return LogFormat::Text;
    if (suffix == "csv"_L1)
        return LogFormat::Csv;
    if (suffix == "har"_L1)
        return LogFormat::Har;
    if (error) {
        *error = tr("cannot tell the format of %1 from its suffix: name the format (jsonl, "
                    "text, csv or har) or use .jsonl, .log, .txt, .csv or .har")
                     .arg(QDir::toNativeSeparators(path.toString()));
    }
    return std::nullopt;
}

std::optional<LogFormat> resolveLogFormat(QStringView name, QStringView path, QString *error)
{
    return name.isEmpty() ? logFormatFromPath(path, error) : logFormatFromName(name, error);
}

// ---- text --------------------------------------------------------------------

void appendTextDetails(QByteArray &out, const Event &e)
{
    switch (e.type) {
    case server::EventType::Listening:
        if (e.address.contains(u':')) // IPv6
            out += '[' + e.address.toUtf8() + ']';
        else
            out += e.address.toUtf8();
        out += ':';
        addNumber(out, e.port);
        add(out, e.tls ? "  wss"_L1 : "  ws"_L1);
        break;
    case server::EventType::HandshakeFailed:
        out += e.remote.toUtf8();
        add(out, "  HTTP "_L1);
        addNumber(out, e.httpStatus);
        add(out, "  "_L1);
        addQuotedString(out, e.reason);
        break;
    case server::EventType::Open:
        out += e.remote.toUtf8();
        add(out, "  GET "_L1);
        utf8::appendEscaped(out, e.path.toUtf8(), false, false);
        if (!e.query.isEmpty()) {
            out += '?';
            utf8::appendEscaped(out, e.query.toUtf8(), false, false);
        }
        if (!e.subprotocol.isEmpty()) {
            add(out, "  subprotocol "_L1);
            addQuotedString(out, e.subprotocol);
        }
        if (!e.origin.isEmpty()) {
            add(out, "  origin "_L1);
            addQuotedString(out, e.origin);
        }
        if (!e.userAgent.isEmpty()) {
            add(out, "  user-agent "_L1);
            addQuotedString(out, e.userAgent);
        }
        break;
    case server::EventType::MessageIn:
    case server::EventType::MessageOut:
        add(out, messageTypeName(e.messageType));
        out += ' ';
        addNumber(out, e.size);
        add(out, " B"_L1);
        if (e.postClose != PostClose::None) {
            add(out, "  post-close "_L1);
            add(out, postCloseName(e.postClose));
        }
        add(out, "  "_L1);
        addPreview(out, e);
        break;
    case server::EventType::PingIn:
    case server::EventType::PongIn:
    case server::EventType::PingOut:
    case server::EventType::PongOut:
        addNumber(out, e.size);
        add(out, " B"_L1);
        if (e.size > 0) {
            add(out, "  "_L1);
            addPreview(out, e);
        }
        break;
    case server::EventType::CloseSent:
    case server::EventType::CloseReceived:
        addCode(out, e.code);
        add(out, "  "_L1);
        addQuotedString(out, e.reason);
        if (e.type == server::EventType::CloseSent) {
            add(out, "  mode "_L1);
            add(out, closeModeName(e.mode));
        }
        break;
    case server::EventType::StateChange:
        add(out, stateName(e.from));
        add(out, " -> "_L1);
        add(out, stateName(e.to));
        break;
    case server::EventType::Closed:
        add(out, stateName(e.state));
        add(out, "  "_L1);
        addCode(out, e.code);
        add(out, "  "_L1);
        addQuotedString(out, e.reason);
        add(out, "  how "_L1);
        add(out, howEndedName(e.how));
        add(out, "  tcp closed by "_L1);
        add(out, e.tcpClosedByClient ? "client"_L1 : "server"_L1);
        add(out, "  initiated by "_L1);
        add(out, initiatorName(e.initiatedBy));
        if (e.closeHandshakeUs >= 0) {
            add(out, "  close handshake "_L1);
            out += QByteArray::number(double(e.closeHandshakeUs) / 1000.0, 'f', 3);
            add(out, " ms"_L1);
        }
        break;
    case server::EventType::Error:
        utf8::appendEscaped(out, e.message.toUtf8(), false, false);
        break;
    case server::EventType::Result:
        if (!e.resultId.isEmpty()) {
            add(out, "id "_L1);
            utf8::appendEscaped(out, e.resultId, false, false);
            add(out, "  "_L1);
        }
        if (e.ok) {
            add(out, "ok"_L1);
        } else {
            add(out, "failed: "_L1);
            utf8::appendEscaped(out, e.message.toUtf8(), false, false);
        }
        if (!e.resultData.isEmpty()) {
            add(out, "  data "_L1);
            utf8::appendEscaped(out, e.resultData, false, false);
        }
        break;
    }
}

void appendTextLine(QByteArray &out, const Event &e)
{
    appendIsoTime(out, e.wallUs, ' ', false);
    add(out, "  "_L1);
    if (e.conn != 0) {
        out += '#';
        addNumber(out, e.conn);
        out += ' ';
        add(out, stateName(e.state));
        add(out, "  "_L1);
    }
    add(out, eventName(e.type));
    const qsizetype before = out.size();
    add(out, "  "_L1);
    appendTextDetails(out, e);
    if (out.size() == before + 2)
        out.chop(2);
    out += '\n';
}

// ---- CSV -------------------------------------------------------------------

QByteArray csvHeader()
{
    QByteArray header;
    for (int c = 0; c < ColumnCount; ++c) {
        if (c > 0)
            header += ',';
        header += ColumnNames[c];
    }
    header += "\r\n";
    return header;
}

void appendCsvRow(QByteArray &out, const Event &e)
{
    CsvRow row(out);
    row.number(ColSeq, e.seq);
    QByteArray time;
    appendIsoTime(time, e.wallUs);
    row.name(ColTime, QLatin1StringView(time));
    row.number(ColTUs, e.tUs);
    row.name(ColEvent, eventName(e.type));
    if (e.conn != 0) {
        row.number(ColConn, e.conn);
        row.name(ColState, stateName(e.state));
    }
    switch (e.type) {
    case server::EventType::Listening:
        row.string(ColAddress, e.address);
        row.number(ColPort, e.port);
        row.name(ColTls, e.tls ? "true"_L1 : "false"_L1);
        break;
    case server::EventType::HandshakeFailed:
        row.string(ColReason, e.reason);
        row.string(ColRemote, e.remote);
        row.number(ColStatus, e.httpStatus);
        break;
    case server::EventType::Open: {
        row.string(ColRemote, e.remote);
        row.string(ColPath, e.path);
        row.string(ColQuery, e.query);
        row.string(ColSubprotocol, e.subprotocol);
        row.string(ColOrigin, e.origin);
        row.string(ColUserAgent, e.userAgent);
        QByteArray headers;
        appendHeadersJson(headers, e.headers);
        row.text(ColHeaders, headers);
        break;
    }
    case server::EventType::MessageIn:
    case server::EventType::MessageOut:
    case server::EventType::PingIn:
    case server::EventType::PongIn:
    case server::EventType::PingOut:
    case server::EventType::PongOut: {
        const bool text = previewIsText(e);
        row.name(ColType, text ? "text"_L1 : "binary"_L1);
        row.number(ColSize, e.size);
        if (text)
            row.text(ColPreview, e.preview, isCut(e));
        else
            row.hex(ColPreview, e.preview);
        if (e.postClose != PostClose::None)
            row.name(ColPostClose, postCloseName(e.postClose));
        break;
    }
    case server::EventType::CloseSent:
        csvCode(row, e.code);
        row.string(ColReason, e.reason);
        row.name(ColMode, closeModeName(e.mode));
        break;
    case server::EventType::CloseReceived:
        csvCode(row, e.code);
        row.string(ColReason, e.reason);
        break;
    case server::EventType::StateChange:
        row.name(ColFrom, stateName(e.from));
        row.name(ColTo, stateName(e.to));
        break;
    case server::EventType::Closed:
        csvCode(row, e.code);
        row.string(ColReason, e.reason);
        row.name(ColFinal, stateName(e.state));
        row.name(ColHow, howEndedName(e.how));
        row.name(ColTcpClosedBy, e.tcpClosedByClient ? "client"_L1 : "server"_L1);
        row.name(ColInitiatedBy, initiatorName(e.initiatedBy));
        if (e.closeHandshakeUs >= 0)
            row.number(ColCloseHandshakeUs, e.closeHandshakeUs);
        break;
    case server::EventType::Error:
        row.string(ColMessage, e.message);
        break;
    case server::EventType::Result:
        if (!e.ok)
            row.string(ColMessage, e.message);
        if (!e.resultId.isEmpty())
            row.text(ColId, e.resultId);
        row.name(ColOk, e.ok ? "true"_L1 : "false"_L1);
        if (!e.resultData.isEmpty())
            row.text(ColData, e.resultData);
        break;
    }
}

// ---- HAR -------------------------------------------------------------------

struct HarBuilder::Data
{
    struct Connection
    {
        QJsonObject entry;
        QJsonArray messages;
    };
    bool tls = false;
    QString listenAddress;
    QString listenAuthority; // "127.0.0.1:9001", when no Host header says better
    std::vector<Connection> connections;
    QHash<quint32, size_t> byConn;
};

HarBuilder::HarBuilder()
    : d(std::make_unique<Data>())
{}
HarBuilder::~HarBuilder() = default;

void HarBuilder::add(const Event &e)
{
    switch (e.type) {
    case server::EventType::Listening:
        d->tls = e.tls;
        d->listenAddress = e.address;
        d->listenAuthority = (e.address.contains(u':') ? u'[' + e.address + u']' : e.address) +
                             u':' + QString::number(e.port);
        break;
    case server::EventType::Open: {
        QString host = headerValue(e.headers, "host");
        if (host.isEmpty())
            host = d->listenAuthority.isEmpty() ? u"localhost"_s : d->listenAuthority;
        QString url = (d->tls ? u"wss://"_s : u"ws://"_s) + host +
                      QString::fromLatin1(QUrl::toPercentEncoding(
                          e.path.isEmpty() ? u"/"_s : e.path, "/:@!$&'()*+,;="));
        if (!e.query.isEmpty())
            url += u'?' + e.query;

        QJsonArray requestHeaders;
        for (const auto &[name, value] : e.headers)
            requestHeaders.append(nameValue(QString::fromUtf8(name), QString::fromUtf8(value)));
        QJsonArray queryString;
        for (const auto &[name, value] : QUrlQuery(e.query).queryItems(QUrl::FullyDecoded))
            queryString.append(nameValue(name, value));

        // The 101 as far as it is known: what RFC 6455 §4.2.2 makes it.
        QJsonArray responseHeaders{nameValue(u"Upgrade"_s, u"websocket"_s),
                                   nameValue(u"Connection"_s, u"Upgrade"_s)};
        const QString key = headerValue(e.headers, "sec-websocket-key");
        if (!key.isEmpty())
            responseHeaders.append(nameValue(
                u"Sec-WebSocket-Accept"_s, QString::fromLatin1(computeAcceptKey(key.toLatin1()))));
        if (!e.subprotocol.isEmpty())
            responseHeaders.append(nameValue(u"Sec-WebSocket-Protocol"_s, e.subprotocol));

        QJsonObject entry{
            {"startedDateTime"_L1, harTime(e.wallUs)},
            {"time"_L1, 0},
            {"request"_L1, QJsonObject{{"method"_L1, u"GET"_s},
                                       {"url"_L1, url},
                                       {"httpVersion"_L1, u"HTTP/1.1"_s},
                                       {"headers"_L1, requestHeaders},
                                       {"queryString"_L1, queryString},
                                       {"cookies"_L1, QJsonArray()},
                                       {"headersSize"_L1, -1},
                                       {"bodySize"_L1, 0}}},
            {"response"_L1,
             QJsonObject{
                 {"status"_L1, 101},
                 {"statusText"_L1, u"Switching Protocols"_s},
                 {"httpVersion"_L1, u"HTTP/1.1"_s},
                 {"headers"_L1, responseHeaders},
                 {"cookies"_L1, QJsonArray()},
                 {"content"_L1, QJsonObject{{"size"_L1, 0}, {"mimeType"_L1, u"x-unknown"_s}}},
                 {"redirectURL"_L1, QString()},
                 {"headersSize"_L1, -1},
                 {"bodySize"_L1, 0}}},
            {"cache"_L1, QJsonObject()},
            {"timings"_L1, QJsonObject{{"send"_L1, 0}, {"wait"_L1, 0}, {"receive"_L1, 0}}},
            {"connection"_L1, QString::number(e.conn)},
            {"_resourceType"_L1, u"websocket"_s},
            {"_closecall"_L1, QJsonObject{{"conn"_L1, qint64(e.conn)}, {"remote"_L1, e.remote}}},
        };
        if (!d->listenAddress.isEmpty())
            entry.insert("serverIPAddress"_L1, d->listenAddress);
        d->byConn.insert(e.conn, d->connections.size());
        d->connections.push_back({std::move(entry), {}});
        break;
    }
    case server::EventType::MessageIn:
    case server::EventType::MessageOut: {
        const auto it = d->byConn.constFind(e.conn);
        if (it == d->byConn.cend())
            return; // its open is not in the log any more
        const bool text = e.messageType == MessageType::Text;
        d->connections[*it].messages.append(QJsonObject{
            {"type"_L1, e.type == server::EventType::MessageIn ? u"send"_s : u"receive"_s},
            {"time"_L1, double(e.wallUs) / 1e6},
            {"opcode"_L1, text ? 1 : 2},
            {"data"_L1, text ? previewText(e) : QString::fromLatin1(e.preview.toBase64())},
        });
        break;
    }
    case server::EventType::Closed: {
        const auto it = d->byConn.constFind(e.conn);
        if (it == d->byConn.cend())
            return;
        QJsonObject &entry = d->connections[*it].entry;
        QJsonObject extra = entry.value("_closecall"_L1).toObject();
        extra.insert("closed"_L1, QJsonDocument::fromJson(eventToJson(e)).object());
        entry.insert("_closecall"_L1, extra);
        break;
    }
    default:
        break;
    }
}

QJsonDocument HarBuilder::document() const
{
    QJsonArray entries;
    for (const Data::Connection &c : d->connections) {
        QJsonObject entry = c.entry;
        entry.insert("_webSocketMessages"_L1, c.messages);
        entries.append(entry);
    }
    const QJsonObject log{
        {"version"_L1, u"1.2"_s},
        {"creator"_L1, QJsonObject{{"name"_L1, u"CloseCall"_s},
                                   {"version"_L1, QStringLiteral(CLOSECALL_VERSION)}}},
        {"pages"_L1, QJsonArray()},
        {"entries"_L1, entries},
    };
    return QJsonDocument(QJsonObject{{"log"_L1, log}});
}

QJsonDocument buildHar(const QList<Event> &events)
{
    HarBuilder har;
    for (const Event &e : events)
        har.add(e);
    return har.document();
}

// ---- export --------------------------------------------------------------------

ExportResult exportLog(const EventStore &store, const QString &path, LogFormat format,
                       const EventFilter &filter)
{
    return exportWith([&](auto &&visit) { store.forEach(visit); }, path, format, filter);
}

ExportResult exportLog(const QList<Event> &events, const QString &path, LogFormat format,
                       const EventFilter &filter)
{
    return exportWith(
        [&](auto &&visit) {
            for (const Event &e : events)
                visit(e);
        },
        path, format, filter);
}

// ---- LogFileWriter ---------------------------------------------------------------

LogFileWriter::~LogFileWriter()
{
    close();
}

bool LogFileWriter::open(const QString &path, LogFormat format)
{
    close();
    m_error.clear();
    m_written = 0;
    if (format == LogFormat::Har) {
        m_error = tr("har is one document and cannot be written as events arrive: use jsonl, "
                     "text or csv for a log file, and export har");
        return false;
    }
    m_format = format;
    m_file.setFileName(path);
    // Unbuffered: each write() is one write(2), so what was written is in
    // the kernel's hands even if this process dies right after.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        m_error = cannotWrite(path, m_file.errorString());
        return false;
    }
    m_buffer.reserve(64 * 1024);
    if (m_format == LogFormat::Csv) {
        m_buffer = csvHeader();
        return flush();
    }
    return true;
}

bool LogFileWriter::write(const server::EventBatch &batch)
{
    if (!m_file.isOpen())
        return false;
    for (const Event &e : batch) {
        switch (m_format) {
        case LogFormat::Jsonl:
            appendEventJson(m_buffer, e);
            break;
        case LogFormat::Text:
            appendTextLine(m_buffer, e);
            break;
        case LogFormat::Csv:
            appendCsvRow(m_buffer, e);
            break;
        case LogFormat::Har:
            break;
        }
    }
    m_written += quint64(batch.size());
    return flush();
}

bool LogFileWriter::write(const Event &event)
{
    return write(server::EventBatch{event});
}

bool LogFileWriter::flush()
{
    const qsizetype size = m_buffer.size();
    const qint64 done = size == 0 ? 0 : m_file.write(m_buffer);
    m_buffer.resize(0);
    if (done != size) {
        m_error = cannotWrite(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

void LogFileWriter::close()
{
    if (m_file.isOpen())
        m_file.close();
}

} // namespace closecall::monitor
