#include "eventtext.h"

#include "eventjson.h"
#include "utf8.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

using namespace closecall::protocol;
using server::Event;

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
    row.time(ColTime, e.wallUs);
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

} // namespace closecall::monitor
