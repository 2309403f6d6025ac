#include "eventtext.h"

#include "eventjson.h"
#include "utf8.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

using namespace closecall::protocol;
using server::Event;
namespace events = server::events;

namespace {

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

bool isCut(const events::Payload &p)
{
    return p.size > p.preview.size();
}

// The preview as a person reads it: escaped text in quotes, or hex bytes.
void addPreview(QByteArray &out, const Event &e, const events::Payload &p)
{
    if (previewIsText(e))
        addQuoted(out, p.preview, isCut(p));
    else
        addHex(out, p.preview, ' ');
    if (isCut(p))
        add(out, " …"_L1);
}

QLatin1StringView legName(server::Leg leg)
{
    return leg == server::Leg::Client ? "client"_L1 : "server"_L1;
}

void addCode(QByteArray &out, const CloseCode &code)
{
    out += describeCloseCode(code).toUtf8();
}

// ---- CSV cells -------------------------------------------------------------

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
    // Added columns stay at the end, so existing readers keep their indexes.
    ColCrossed,
    ColSentCode,
    ColSentReason,
    ColAckDelayUs,
    ColRole,
    ColUrl,
    ColTlsInsecure,
    ColExtensions,
    ColWireSize,
    ColBehaviour,
    ColPair, // proxy mode (docs/headless.md "Proxy mode"); empty outside it
    ColLeg,
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
    "crossed",
    "sent_code",
    "sent_reason",
    "ack_delay_us",
    "role",
    "url",
    "tls_insecure",
    "extensions",
    "wire_size",
    "behaviour",
    "pair",
    "leg",
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
    void time(Column c, qint64 wallUs)
    {
        seek(c);
        appendIsoTime(m_out, wallUs);
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

} // namespace

// open's and handshake_failed's added cells: role always, url when outgoing.
void addRoleCells(CsvRow &row, bool outgoing, const QString &url)
{
    row.name(ColRole, outgoing ? "out"_L1 : "in"_L1);
    if (outgoing)
        row.string(ColUrl, url);
}

// ---- text --------------------------------------------------------------------

// An outgoing connection says so, and where it went; an accepted one's line
// is as it always was.
void addOutgoing(QByteArray &out, bool outgoing, const QString &url)
{
    if (!outgoing)
        return;
    add(out, "  out "_L1);
    addQuotedString(out, url);
}

void appendTextDetails(QByteArray &out, const Event &e)
{
    switch (e.type()) {
    case server::EventType::Listening: {
        const auto &f = e.as<events::Listening>();
        if (f.address.contains(u':')) // IPv6
            out += '[' + f.address.toUtf8() + ']';
        else
            out += f.address.toUtf8();
        out += ':';
        addNumber(out, f.port);
        add(out, f.tls ? "  wss"_L1 : "  ws"_L1);
        break;
    }
    case server::EventType::HandshakeFailed: {
        const auto &f = e.as<events::HandshakeFailed>();
        // An outgoing connection that got no TCP connection has no remote.
        if (!f.remote.isEmpty()) {
            out += f.remote.toUtf8();
            add(out, "  "_L1);
        }
        add(out, "HTTP "_L1);
        addNumber(out, f.httpStatus);
        add(out, "  "_L1);
        addQuotedString(out, f.reason);
        addOutgoing(out, f.outgoing, f.url);
        break;
    }
    case server::EventType::Open: {
        const auto &f = e.as<events::Open>();
        out += f.remote.toUtf8();
        add(out, "  GET "_L1);
        utf8::appendEscaped(out, f.path.toUtf8(), false, false);
        if (!f.query.isEmpty()) {
            out += '?';
            utf8::appendEscaped(out, f.query.toUtf8(), false, false);
        }
        if (!f.subprotocol.isEmpty()) {
            add(out, "  subprotocol "_L1);
            addQuotedString(out, f.subprotocol);
        }
        if (!f.origin.isEmpty()) {
            add(out, "  origin "_L1);
            addQuotedString(out, f.origin);
        }
        if (!f.userAgent.isEmpty()) {
            add(out, "  user-agent "_L1);
            addQuotedString(out, f.userAgent);
        }
        addOutgoing(out, f.outgoing, f.url);
        if (!f.tlsInsecure.isEmpty()) {
            add(out, "  INSECURE TLS, accepted: "_L1);
            addQuotedString(out, f.tlsInsecure);
        }
        if (!f.extensions.isEmpty()) {
            add(out, "  extensions "_L1);
            addQuotedString(out, f.extensions);
        }
        if (!f.behaviour.isEmpty()) {
            add(out, "  behaviour "_L1);
            addQuotedString(out, f.behaviour);
        }
        break;
    }
    case server::EventType::MessageIn:
    case server::EventType::MessageOut: {
        const events::Payload &f = *e.messagePayload();
        add(out, messageTypeName(f.messageType));
        out += ' ';
        addNumber(out, f.size);
        add(out, " B"_L1);
        if (f.wireSize >= 0) { // compressed: what it took on the wire
            add(out, " ("_L1);
            addNumber(out, f.wireSize);
            add(out, " B compressed)"_L1);
        }
        if (f.postClose != PostClose::None) {
            add(out, "  post-close "_L1);
            add(out, postCloseName(f.postClose));
        }
        if (f.crossed)
            add(out, "  crossed"_L1);
        add(out, "  "_L1);
        addPreview(out, e, f);
        break;
    }
    case server::EventType::PingIn:
    case server::EventType::PongIn:
    case server::EventType::PingOut:
    case server::EventType::PongOut: {
        const events::Payload &f = *e.messagePayload();
        addNumber(out, f.size);
        add(out, " B"_L1);
        if (f.crossed)
            add(out, "  crossed"_L1);
        if (f.size > 0) {
            add(out, "  "_L1);
            addPreview(out, e, f);
        }
        break;
    }
    case server::EventType::CloseSent: {
        const auto &f = e.as<events::CloseSent>();
        addCode(out, f.code);
        add(out, "  "_L1);
        addQuotedString(out, f.reason);
        add(out, "  mode "_L1);
        add(out, closeModeName(f.mode));
        break;
    }
    case server::EventType::CloseReceived: {
        const auto &f = e.as<events::CloseReceived>();
        addCode(out, f.code);
        add(out, "  "_L1);
        addQuotedString(out, f.reason);
        break;
    }
    case server::EventType::StateChange: {
        const auto &f = e.as<events::StateChange>();
        add(out, stateName(f.from));
        add(out, " -> "_L1);
        add(out, stateName(f.to));
        break;
    }
    case server::EventType::Closed: {
        const auto &f = e.as<events::Closed>();
        add(out, stateName(e.state));
        add(out, "  "_L1);
        addCode(out, f.code);
        add(out, "  "_L1);
        addQuotedString(out, f.reason);
        add(out, "  how "_L1);
        add(out, howEndedName(f.how));
        add(out, "  tcp closed by "_L1);
        add(out, f.tcpClosedByClient ? "client"_L1 : "server"_L1);
        add(out, "  initiated by "_L1);
        add(out, initiatorName(f.initiatedBy));
        if (f.closeHandshakeUs >= 0) {
            add(out, "  close handshake "_L1);
            out += QByteArray::number(double(f.closeHandshakeUs) / 1000.0, 'f', 3);
            add(out, " ms"_L1);
        }
        if (f.closeSent) {
            add(out, "  sent "_L1);
            addCode(out, f.sentCode);
            add(out, "  "_L1);
            addQuotedString(out, f.sentReason);
        }
        if (f.ackDelayUs >= 0) {
            add(out, "  ack delay "_L1);
            out += QByteArray::number(double(f.ackDelayUs) / 1000.0, 'f', 3);
            add(out, " ms"_L1);
        }
        break;
    }
    case server::EventType::Error: {
        const auto &f = e.as<events::Error>();
        utf8::appendEscaped(out, f.message.toUtf8(), false, false);
        break;
    }
    case server::EventType::NotRelayed: {
        const auto &f = e.as<events::NotRelayed>();
        add(out, f.control ? "control"_L1 : messageTypeName(f.messageType));
        out += ' ';
        out += QByteArray::number(f.size);
        add(out, " B: "_L1);
        utf8::appendEscaped(out, f.reason.toUtf8(), false, false);
        break;
    }
    case server::EventType::Result: {
        const auto &f = e.as<events::Result>();
        if (!f.id.isEmpty()) {
            add(out, "id "_L1);
            utf8::appendEscaped(out, f.id, false, false);
            add(out, "  "_L1);
        }
        if (f.ok) {
            add(out, "ok"_L1);
        } else {
            add(out, "failed: "_L1);
            utf8::appendEscaped(out, f.error.toUtf8(), false, false);
        }
        if (!f.data.isEmpty()) {
            add(out, "  data "_L1);
            utf8::appendEscaped(out, f.data, false, false);
        }
        break;
    }
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
        // Proxy mode: which leg of its pair (docs/headless.md "Proxy mode").
        if (e.leg != server::Leg::None) {
            add(out, legName(e.leg));
            out += ' ';
        }
        add(out, stateName(e.state));
        add(out, "  "_L1);
    }
    add(out, eventName(e.type()));
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
    row.time(ColTime, e.wallUs);
    row.number(ColTUs, e.tUs);
    row.name(ColEvent, eventName(e.type()));
    if (e.conn != 0) {
        row.number(ColConn, e.conn);
        row.name(ColState, stateName(e.state));
    }
    switch (e.type()) {
    case server::EventType::Listening: {
        const auto &f = e.as<events::Listening>();
        row.string(ColAddress, f.address);
        row.number(ColPort, f.port);
        row.name(ColTls, f.tls ? "true"_L1 : "false"_L1);
        break;
    }
    case server::EventType::HandshakeFailed: {
        const auto &f = e.as<events::HandshakeFailed>();
        row.string(ColReason, f.reason);
        row.string(ColRemote, f.remote);
        row.number(ColStatus, f.httpStatus);
        addRoleCells(row, f.outgoing, f.url);
        break;
    }
    case server::EventType::Open: {
        const auto &f = e.as<events::Open>();
        row.string(ColRemote, f.remote);
        row.string(ColPath, f.path);
        row.string(ColQuery, f.query);
        row.string(ColSubprotocol, f.subprotocol);
        row.string(ColOrigin, f.origin);
        row.string(ColUserAgent, f.userAgent);
        QByteArray headers;
        appendHeadersJson(headers, f.headers);
        row.text(ColHeaders, headers);
        addRoleCells(row, f.outgoing, f.url);
        row.string(ColTlsInsecure, f.tlsInsecure);
        row.string(ColExtensions, f.extensions);
        if (f.outgoing)
            row.string(ColBehaviour, f.behaviour); // docs/headless.md "Peer behaviours"
        break;
    }
    case server::EventType::MessageIn:
    case server::EventType::MessageOut:
    case server::EventType::PingIn:
    case server::EventType::PongIn:
    case server::EventType::PingOut:
    case server::EventType::PongOut: {
        const events::Payload &f = *e.messagePayload();
        const bool text = previewIsText(e);
        row.name(ColType, text ? "text"_L1 : "binary"_L1);
        row.number(ColSize, f.size);
        if (text)
            row.text(ColPreview, f.preview, isCut(f));
        else
            row.hex(ColPreview, f.preview);
        if (f.postClose != PostClose::None)
            row.name(ColPostClose, postCloseName(f.postClose));
        if (f.crossed)
            row.name(ColCrossed, "true"_L1);
        if (f.wireSize >= 0)
            row.number(ColWireSize, f.wireSize);
        break;
    }
    case server::EventType::CloseSent: {
        const auto &f = e.as<events::CloseSent>();
        csvCode(row, f.code);
        row.string(ColReason, f.reason);
        row.name(ColMode, closeModeName(f.mode));
        break;
    }
    case server::EventType::CloseReceived: {
        const auto &f = e.as<events::CloseReceived>();
        csvCode(row, f.code);
        row.string(ColReason, f.reason);
        break;
    }
    case server::EventType::StateChange: {
        const auto &f = e.as<events::StateChange>();
        row.name(ColFrom, stateName(f.from));
        row.name(ColTo, stateName(f.to));
        break;
    }
    case server::EventType::Closed: {
        const auto &f = e.as<events::Closed>();
        csvCode(row, f.code);
        row.string(ColReason, f.reason);
        row.name(ColFinal, stateName(e.state));
        row.name(ColHow, howEndedName(f.how));
        row.name(ColTcpClosedBy, f.tcpClosedByClient ? "client"_L1 : "server"_L1);
        row.name(ColInitiatedBy, initiatorName(f.initiatedBy));
        if (f.closeHandshakeUs >= 0)
            row.number(ColCloseHandshakeUs, f.closeHandshakeUs);
        if (f.closeSent && f.sentCode)
            row.number(ColSentCode, *f.sentCode);
        if (f.closeSent)
            row.string(ColSentReason, f.sentReason);
        if (f.ackDelayUs >= 0)
            row.number(ColAckDelayUs, f.ackDelayUs);
        break;
    }
    case server::EventType::Error: {
        const auto &f = e.as<events::Error>();
        row.string(ColMessage, f.message);
        break;
    }
    case server::EventType::NotRelayed: {
        const auto &f = e.as<events::NotRelayed>();
        row.name(ColType, f.control ? "control"_L1 : messageTypeName(f.messageType));
        row.number(ColSize, f.size);
        row.string(ColMessage, f.reason);
        break;
    }
    case server::EventType::Result: {
        const auto &f = e.as<events::Result>();
        if (!f.ok)
            row.string(ColMessage, f.error);
        if (!f.id.isEmpty())
            row.text(ColId, f.id);
        row.name(ColOk, f.ok ? "true"_L1 : "false"_L1);
        if (!f.data.isEmpty())
            row.text(ColData, f.data);
        break;
    }
    }
    // Last: the cells go in column order.
    if (e.leg != server::Leg::None) {
        row.number(ColPair, e.pair);
        row.name(ColLeg, legName(e.leg));
    }
}

} // namespace closecall::monitor
