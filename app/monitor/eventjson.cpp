#include "eventjson.h"

#include "decimal.h"
#include "utf8.h"

#include "protocol/utf8validator.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

using namespace closecall::protocol;
namespace events = server::events;
using server::Overloaded;

namespace {

// Pieces written through a raw pointer into room made beforehand (see
// Writer::room): the common lines (every message event's) are put
// together with one capacity check for the whole line, not one a field.
template<qsizetype N> char *put(char *d, const char (&s)[N])
{
    std::memcpy(d, s, N - 1);
    return d + N - 1;
}
// At most 21 bytes (a qint64 with its sign).
template<typename Int> char *putNum(char *d, Int v)
{
    return decimal::write(d, v);
}
// A contract name, quoted (plain ASCII, nothing to escape).
char *putName(char *d, QLatin1StringView s)
{
    *d++ = '"';
    std::memcpy(d, s.data(), s.size());
    d += s.size();
    *d++ = '"';
    return d;
}

// Appends into `out` through a raw pointer: every piece first makes room
// for its worst case, so the loops below never check capacity per byte.
// The destructor trims `out` to what was written; its capacity stays, so a
// caller that reuses one buffer for a batch allocates once.
class Writer final
{
public:
    explicit Writer(QByteArray &out)
        : m_out(out)
        , m_pos(out.size())
    {
        expose();
    }
    ~Writer() { m_out.resize(m_pos); }
    Q_DISABLE_COPY_MOVE(Writer)

    // Makes room for `n` more bytes and returns where to write them. The
    // common case is one comparison: the buffer's pointer and usable size
    // are cached, and the slow path exposes the whole allocation so later
    // pieces (and later events in the same buffer) find room without
    // touching the allocator.
    char *room(qsizetype n)
    {
        if (m_pos + n > m_size) [[unlikely]]
            grow(m_pos + n);
        return m_data + m_pos;
    }
    void advance(char *to) { m_pos = to - m_data; }
    qsizetype size() const { return m_pos; }

    template<qsizetype N> void lit(const char (&s)[N]) { advance(put(room(N - 1), s)); }
    void raw(QByteArrayView s)
    {
        char *d = room(s.size());
        std::memcpy(d, s.data(), s.size());
        m_pos += s.size();
    }
    void latin1String(QLatin1StringView s) // contract names: plain ASCII
    {
        advance(putName(room(s.size() + 2), s));
    }
    template<typename Int> void num(Int v) { advance(putNum(room(21), v)); }
    void boolean(bool v)
    {
        if (v)
            lit("true");
        else
            lit("false");
    }
    void utf8String(QByteArrayView s, bool dropTruncatedTail = false)
    {
        // Worst case: every byte becomes \u00XX (6) or U+FFFD (3).
        char *d = room(s.size() * 6 + 2);
        advance(utf8::writeJsonString(d, s, dropTruncatedTail));
    }
    void string(QStringView s)
    {
        // A UTF-16 unit is at most 3 bytes of UTF-8, or 6 as \u00XX / \u2028.
        char *d = room(s.size() * 6 + 2);
        advance(utf8::writeJsonString(d, s));
    }
    void base64(QByteArrayView s)
    {
        char *d = room((s.size() + 2) / 3 * 4 + 2);
        *d++ = '"';
        d = utf8::writeBase64(d, s);
        *d++ = '"';
        advance(d);
    }

private:
    void expose()
    {
        m_out.resize(std::max(m_out.size(), m_out.capacity()));
        m_data = m_out.data();
        m_size = m_out.size();
    }
    Q_NEVER_INLINE void grow(qsizetype need)
    {
        m_out.resize(m_pos); // what is beyond m_pos is not written yet
        m_out.reserve(std::max(need, m_out.capacity() * 2 + 1024));
        expose();
    }

    QByteArray &m_out;
    qsizetype m_pos;
    char *m_data = nullptr;
    qsizetype m_size = 0;

public:
    // The last preview written and where its quoted form is in the buffer
    // (an offset: the buffer may move as it grows). An echo's message_out
    // shares its message_in's preview (EventPublisher::preview), so its
    // text is copied from there instead of escaped again. Keyed on the
    // bytes' address: the events of a batch are alive together, so two
    // previews at one address are one preview.
    struct Memo
    {
        const char *data = nullptr;
        qsizetype size = -1;
        bool text = false;
        bool cut = false;
        qsizetype at = 0; // offset of the opening quote
        qsizetype length = 0;
    } memo;
    qsizetype offsetOf(const char *p) const { return p - m_data; }
    const char *at(qsizetype offset) const { return m_data + offset; }
};

void writeCode(Writer &w, const CloseCode &code)
{
    w.lit(",\"code\":");
    if (!code) {
        w.lit("null");
        return;
    }
    w.num(*code);
    if (const CloseCodeInfo *info = closeCodeInfo(*code)) {
        w.lit(",\"code_name\":");
        w.latin1String(info->rfcName);
    }
}

void writePreview(Writer &w, const events::Payload &p, bool text)
{
    w.lit(",\"preview\":");
    if (text)
        w.utf8String(p.preview, p.size > p.preview.size());
    else
        w.base64(p.preview);
}

// The header object: one member per name (the first spelling of a name,
// case-insensitively), repeated headers' values joined with ", " in order
// as RFC 9110 §5.3 allows.
void writeHeaders(Writer &w, const HttpHeaders &headers)
{
    w.lit("{");
    bool first = true;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QByteArray &name = headers[i].first;
        bool seen = false;
        for (qsizetype j = 0; j < i && !seen; ++j)
            seen = headers[j].first.compare(name, Qt::CaseInsensitive) == 0;
        if (seen)
            continue;
        QByteArray value = headers[i].second;
        for (qsizetype j = i + 1; j < headers.size(); ++j) {
            if (headers[j].first.compare(name, Qt::CaseInsensitive) == 0)
                value += ", " + headers[j].second;
        }
        if (!first)
            w.lit(",");
        first = false;
        w.utf8String(name);
        w.lit(":");
        w.utf8String(value);
    }
    w.lit("}");
}

// `id` and `data` of a result are JSON text made by the command layer.
// They are embedded as they are when they are one valid JSON value on one
// line; a multi-line value is compacted, and anything else is written as a
// string, so a mistake upstream can never break the one-object-a-line rule.
void writeRawJson(Writer &w, const QByteArray &raw)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']', &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
        w.utf8String(raw);
        return;
    }
    if (!raw.contains('\n') && !raw.contains('\r')) {
        w.raw(raw.trimmed());
        return;
    }
    const QByteArray compact = doc.toJson(QJsonDocument::Compact);
    w.raw(QByteArrayView(compact).sliced(1, compact.size() - 2));
}

// message_in / message_out: the most common line, its fields in one piece
// (message_in's post_close and crossed too, when `in`).
void writeMessage(Writer &w, const events::Payload &m, bool in = false)
{
    // The fixed parts (< 160 bytes with two numbers) and the preview at its
    // worst (6 bytes a byte as text; base64 takes less).
    char *d = w.room(160 + 6 * m.preview.size());
    d = put(d, ",\"type\":");
    d = putName(d, messageTypeName(m.messageType));
    d = put(d, ",\"size\":");
    d = putNum(d, m.size);
    d = put(d, ",\"preview\":");
    const bool text = m.messageType == MessageType::Text;
    const bool cut = m.size > m.preview.size();
    Writer::Memo &memo = w.memo;
    if (memo.data == m.preview.constData() && memo.size == m.preview.size() && memo.text == text &&
        memo.cut == cut && !m.preview.isEmpty()) {
        std::memcpy(d, w.at(memo.at), size_t(memo.length)); // the same bytes, written before
        d += memo.length;
    } else {
        char *const from = d;
        if (text) {
            d = utf8::writeJsonString(d, m.preview, cut);
        } else {
            *d++ = '"';
            d = utf8::writeBase64(d, m.preview);
            *d++ = '"';
        }
        memo = {m.preview.constData(), m.preview.size(), text, cut, w.offsetOf(from), d - from};
    }
    // Only for a message that travelled compressed (permessage-deflate).
    if (m.wireSize >= 0) {
        d = put(d, ",\"wire_size\":");
        d = putNum(d, m.wireSize);
    }
    if (in) {
        d = put(d, ",\"post_close\":");
        if (m.postClose == PostClose::None)
            d = put(d, "null");
        else
            d = putName(d, postCloseName(m.postClose));
        // Added field, only when true: the frame crossed our Close on the wire.
        if (m.crossed)
            d = put(d, ",\"crossed\":true");
    }
    w.advance(d);
}

void writeControl(Writer &w, const Event &e, const events::Payload &p)
{
    const bool text = previewIsText(e);
    w.lit(",\"size\":");
    w.num(p.size);
    writePreview(w, p, text);
    // Added field: how the preview is encoded (see previewIsText).
    w.lit(",\"type\":");
    w.latin1String(text ? "text"_L1 : "binary"_L1);
}

// Added field, only when true: the frame crossed our Close on the wire.
void writeCrossed(Writer &w, const events::Payload &p)
{
    if (p.crossed)
        w.lit(",\"crossed\":true");
}

// Added fields of open and handshake_failed: "role" always ("in": we
// accepted it, "out": we connected), "url" on outgoing ones only.
void writeRole(Writer &w, bool outgoing, const QString &url)
{
    if (!outgoing) {
        w.lit(",\"role\":\"in\"");
    } else {
        w.lit(",\"role\":\"out\"");
        w.lit(",\"url\":");
        w.string(url);
    }
}

void writeEvent(Writer &w, const Event &e)
{
    // The members every event starts with, in one piece: at most ~200
    // bytes (four numbers, the time, three short names).
    char *d = w.room(256);
    d = put(d, "{\"seq\":");
    d = putNum(d, e.seq);
    d = put(d, ",\"time\":\"");
    d = utf8::writeIsoTime(d, e.wallUs, 'T', true);
    d = put(d, "\",\"t_us\":");
    d = putNum(d, e.tUs);
    d = put(d, ",\"event\":");
    d = putName(d, eventTypeName(e.type()));
    if (e.conn != 0) {
        d = put(d, ",\"conn\":");
        d = putNum(d, e.conn);
        d = put(d, ",\"state\":");
        d = putName(d, stateName(e.state));
        // Proxy mode only (docs/headless.md "Proxy mode").
        if (e.leg != server::Leg::None) {
            d = put(d, ",\"pair\":");
            d = putNum(d, e.pair);
            d = put(d, ",\"leg\":");
            d = putName(d, e.leg == server::Leg::Client ? "client"_L1 : "server"_L1);
        }
    }
    w.advance(d);

    visit(Overloaded{
              [&](const events::Listening &l) {
                  w.lit(",\"address\":");
                  w.string(l.address);
                  w.lit(",\"port\":");
                  w.num(l.port);
                  w.lit(",\"tls\":");
                  w.boolean(l.tls);
              },
              [&](const events::HandshakeFailed &f) {
                  w.lit(",\"remote\":");
                  w.string(f.remote);
                  w.lit(",\"status\":");
                  w.num(f.httpStatus);
                  w.lit(",\"reason\":");
                  w.string(f.reason);
                  writeRole(w, f.outgoing, f.url);
              },
              [&](const events::Open &o) {
                  w.lit(",\"remote\":");
                  w.string(o.remote);
                  w.lit(",\"path\":");
                  w.string(o.path);
                  w.lit(",\"query\":");
                  w.string(o.query);
                  w.lit(",\"subprotocol\":");
                  w.string(o.subprotocol);
                  w.lit(",\"origin\":");
                  w.string(o.origin);
                  w.lit(",\"user_agent\":");
                  w.string(o.userAgent);
                  w.lit(",\"headers\":");
                  writeHeaders(w, o.headers);
                  writeRole(w, o.outgoing, o.url);
                  // Only when a certificate was accepted that failed verification.
                  if (!o.tlsInsecure.isEmpty()) {
                      w.lit(",\"tls_insecure\":");
                      w.string(o.tlsInsecure);
                  }
                  // Only when an extension was agreed (permessage-deflate).
                  if (!o.extensions.isEmpty()) {
                      w.lit(",\"extensions\":");
                      w.string(o.extensions);
                  }
                  if (o.outgoing) {
                      // docs/headless.md "Peer behaviours": the canonical spec.
                      w.lit(",\"behaviour\":");
                      w.string(o.behaviour);
                  }
              },
              [&](const events::MessageIn &m) { writeMessage(w, m, true); },
              [&](const events::MessageOut &m) { writeMessage(w, m); },
              [&](const events::PingIn &p) {
                  writeControl(w, e, p);
                  writeCrossed(w, p);
              },
              [&](const events::PongIn &p) {
                  writeControl(w, e, p);
                  writeCrossed(w, p);
              },
              [&](const events::PingOut &p) { writeControl(w, e, p); },
              [&](const events::PongOut &p) { writeControl(w, e, p); },
              [&](const events::CloseSent &c) {
                  writeCode(w, c.code);
                  w.lit(",\"reason\":");
                  w.string(c.reason);
                  w.lit(",\"mode\":");
                  w.latin1String(closeModeName(c.mode));
              },
              [&](const events::CloseReceived &c) {
                  writeCode(w, c.code);
                  w.lit(",\"reason\":");
                  w.string(c.reason);
              },
              [&](const events::StateChange &c) {
                  w.lit(",\"from\":");
                  w.latin1String(stateName(c.from));
                  w.lit(",\"to\":");
                  w.latin1String(stateName(c.to));
              },
              [&](const events::Closed &c) {
                  // `final` is the state the connection ended in: the event's own state.
                  w.lit(",\"final\":");
                  w.latin1String(stateName(e.state));
                  writeCode(w, c.code);
                  w.lit(",\"reason\":");
                  w.string(c.reason);
                  w.lit(",\"how\":");
                  w.latin1String(howEndedName(c.how));
                  w.lit(",\"tcp_closed_by\":");
                  w.latin1String(c.tcpClosedByClient ? "client"_L1 : "server"_L1);
                  w.lit(",\"initiated_by\":");
                  w.latin1String(initiatorName(c.initiatedBy));
                  w.lit(",\"close_handshake_us\":");
                  if (c.closeHandshakeUs < 0)
                      w.lit("null");
                  else
                      w.num(c.closeHandshakeUs);
                  // Added fields: the Close we sent, and how long the
                  // peer's Close waited for it.
                  w.lit(",\"sent_code\":");
                  if (c.closeSent && c.sentCode)
                      w.num(*c.sentCode);
                  else
                      w.lit("null");
                  w.lit(",\"sent_reason\":");
                  if (c.closeSent)
                      w.string(c.sentReason);
                  else
                      w.lit("null");
                  w.lit(",\"ack_delay_us\":");
                  if (c.ackDelayUs < 0)
                      w.lit("null");
                  else
                      w.num(c.ackDelayUs);
              },
              [&](const events::Error &err) {
                  w.lit(",\"message\":");
                  w.string(err.message);
              },
              [&](const events::NotRelayed &n) {
                  w.lit(",\"type\":");
                  w.latin1String(n.control                              ? "control"_L1
                                 : n.messageType == MessageType::Binary ? "binary"_L1
                                                                        : "text"_L1);
                  w.lit(",\"size\":");
                  w.num(n.size);
                  w.lit(",\"reason\":");
                  w.string(n.reason);
              },
              [&](const events::Result &r) {
                  if (!r.id.isEmpty()) {
                      w.lit(",\"id\":");
                      writeRawJson(w, r.id);
                  }
                  w.lit(",\"ok\":");
                  w.boolean(r.ok);
                  if (!r.ok) {
                      w.lit(",\"error\":");
                      w.string(r.error);
                  }
                  if (!r.data.isEmpty()) {
                      w.lit(",\"data\":");
                      writeRawJson(w, r.data);
                  }
              },
          },
          e);
    w.lit("}");
}

} // namespace

QLatin1StringView eventName(EventType type)
{
    return eventTypeName(type);
}

bool previewIsText(const Event &e)
{
    const events::Payload *p = e.messagePayload();
    if (!p || p->messageType != MessageType::Text)
        return false;
    if (e.is(EventType::MessageIn) || e.is(EventType::MessageOut))
        return true;
    const bool cut = p->size > p->preview.size();
    return Utf8Validator::isValid(
        cut ? QByteArrayView(p->preview).first(utf8CompletePrefix(p->preview))
            : QByteArrayView(p->preview));
}

QString previewText(const Event &e)
{
    const events::Payload *p = e.messagePayload();
    if (!p)
        return {};
    // The same replacements as the JSON line makes (QString::fromUtf8 may
    // count U+FFFDs differently), so every export shows the same text.
    return QString::fromUtf8(utf8::sanitized(p->preview, p->size > p->preview.size()));
}

qsizetype utf8CompletePrefix(QByteArrayView utf8)
{
    return utf8::completePrefix(utf8);
}

void appendJsonString(QByteArray &out, QByteArrayView utf8, bool dropTruncatedTail)
{
    Writer w(out);
    w.utf8String(utf8, dropTruncatedTail);
}

void appendJsonString(QByteArray &out, QStringView text)
{
    Writer w(out);
    w.string(text);
}

void appendIsoTime(QByteArray &out, qint64 wallUs, char separator, bool zulu)
{
    Writer w(out);
    char *d = w.room(40);
    w.advance(utf8::writeIsoTime(d, wallUs, separator, zulu));
}

QByteArray isoTime(qint64 wallUs)
{
    QByteArray out;
    appendIsoTime(out, wallUs);
    return out;
}

std::optional<qint64> parseIsoTime(QStringView text)
{
    return utf8::parseIsoTime(text);
}

void appendHeadersJson(QByteArray &out, const protocol::HttpHeaders &headers)
{
    Writer w(out);
    writeHeaders(w, headers);
}

void appendEventJson(QByteArray &out, const Event &event)
{
    Writer w(out);
    writeEvent(w, event);
    w.lit("\n");
}

qsizetype appendEventsJson(QByteArray &out, const server::EventBatch &batch, qsizetype from,
                           bool withPayloadEvents, qsizetype maxBytes)
{
    Writer w(out);
    qsizetype i = from;
    while (i < batch.size()) {
        const Event &event = batch.at(i++);
        if (!withPayloadEvents && server::carriesPayload(event.type()))
            continue;
        writeEvent(w, event);
        w.lit("\n");
        if (w.size() >= maxBytes)
            break;
    }
    return i;
}

QByteArray eventToJson(const Event &event)
{
    QByteArray out;
    {
        Writer w(out);
        writeEvent(w, event);
    } // ~Writer trims `out` to what was written
    return out;
}

} // namespace closecall::monitor
