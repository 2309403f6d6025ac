#include "logbuffer.h"

#include "eventjson.h"

#include <QtCore/QByteArray>

#include <algorithm>
#include <cstring>

namespace closecall::monitor {

using server::Event;
using server::EventType;

namespace {

// Each field of a multi-field text: a field cannot outweigh this many bytes
// (the headers, which are often the longest, get MaxTextBytes).
constexpr qsizetype MaxFieldBytes = 2048;

// The first `max` bytes of UTF-8, not ending inside a character.
QByteArrayView capUtf8(QByteArrayView s, qsizetype max, bool *cut)
{
    if (s.size() <= max)
        return s;
    *cut = true;
    const QByteArrayView head = s.first(max);
    return head.first(utf8CompletePrefix(head));
}

bool isPlain(QByteArrayView s)
{
    for (const char c : s) {
        const auto u = uchar(c);
        if (u < 0x20 || u > 0x7e || u == '\\')
            return false;
    }
    return true;
}

void appendField(QByteArray &out, QByteArrayView field)
{
    const auto n = quint16(field.size());
    out += char(n & 0xff);
    out += char(n >> 8);
    out += field;
}

QByteArray headersText(const protocol::HttpHeaders &headers)
{
    QByteArray out;
    for (const auto &[name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    return out;
}

protocol::HttpHeaders headersFromText(QByteArrayView text)
{
    protocol::HttpHeaders headers;
    while (!text.isEmpty()) {
        qsizetype end = text.indexOf("\r\n");
        if (end < 0)
            end = text.size(); // cut by the cap: keep what is there
        const QByteArrayView line = text.first(end);
        const qsizetype colon = line.indexOf(": ");
        if (colon > 0)
            headers.append({line.first(colon).toByteArray(), line.sliced(colon + 2).toByteArray()});
        text = text.sliced(std::min(end + 2, text.size()));
    }
    return headers;
}

} // namespace

LogBuffer::LogBuffer(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(capacity, 1))
{
    resetBlocks();
}

void LogBuffer::resetBlocks()
{
    m_blocks.clear();
    m_blocks.resize((size_t(m_capacity) + BlockEntries - 1) >> BlockShift);
    m_allocatedEntries = 0;
    m_head = 0;
}

LogEntry &LogBuffer::slot(size_t slot)
{
    auto &block = m_blocks[slot >> BlockShift];
    if (!block) {
        // The last block is only as long as the capacity needs.
        const size_t first = slot & ~(BlockEntries - 1);
        const size_t entries = std::min(BlockEntries, size_t(m_capacity) - first);
        block = std::make_unique<LogEntry[]>(entries);
        m_allocatedEntries += entries;
    }
    return block[slot & (BlockEntries - 1)];
}

LogBuffer::~LogBuffer() = default;

QByteArrayView LogBuffer::text(const LogEntry &e) const
{
    if (e.textLen == 0)
        return {};
    const quint64 chunk = (e.textPos >> ChunkShift) - m_firstChunk;
    Q_ASSERT(chunk < m_chunks.size());
    return {m_chunks[chunk].get() + (e.textPos & (ChunkSize - 1)), qsizetype(e.textLen)};
}

quint32 LogBuffer::pair(const LogEntry &e) const
{
    if (!e.has(LogEntry::PairStored))
        return e.leg() == server::Leg::None ? 0 : e.conn;
    // append() keeps the 4 bytes and at least one more in the same chunk,
    // so textPos - 4 is in the chunk textPos is in.
    const quint64 pos = e.textPos - sizeof(quint32);
    const quint64 chunk = (pos >> ChunkShift) - m_firstChunk;
    Q_ASSERT(chunk < m_chunks.size());
    quint32 value = 0;
    std::memcpy(&value, m_chunks[chunk].get() + (pos & (ChunkSize - 1)), sizeof value);
    return value;
}

QByteArrayView LogBuffer::field(const LogEntry &e, int index) const
{
    QByteArrayView t = text(e);
    switch (e.type) {
    case EventType::Open:
    case EventType::HandshakeFailed:
    case EventType::Result:
    case EventType::Closed:
        break; // length-prefixed fields, below
    case EventType::Listening:
    case EventType::MessageIn:
    case EventType::MessageOut:
    case EventType::PingIn:
    case EventType::PongIn:
    case EventType::PingOut:
    case EventType::PongOut:
    case EventType::CloseSent:
    case EventType::CloseReceived:
    case EventType::StateChange:
    case EventType::Error:
    case EventType::NotRelayed:
        return index == 0 ? t : QByteArrayView();
    }
    for (int i = 0; t.size() >= 2; ++i) {
        const qsizetype n = qsizetype(uchar(t[0])) | (qsizetype(uchar(t[1])) << 8);
        const QByteArrayView value = t.sliced(2, std::min(n, t.size() - 2));
        if (i == index)
            return value;
        t = t.sliced(2 + value.size());
    }
    return {};
}

quint64 LogBuffer::reserveText(qsizetype len, char **out)
{
    Q_ASSERT(len > 0 && quint64(len) <= ChunkSize);
    // A text never spans two chunks: start a new one when it would not fit.
    if ((m_textEnd & (ChunkSize - 1)) + quint64(len) > ChunkSize)
        m_textEnd = (m_textEnd + ChunkSize) & ~(ChunkSize - 1);
    const quint64 chunk = m_textEnd >> ChunkShift;
    if (m_chunks.empty())
        m_firstChunk = chunk;
    while (chunk >= m_firstChunk + m_chunks.size()) {
        if (m_spareChunk)
            m_chunks.push_back(std::move(m_spareChunk));
        else
            m_chunks.push_back(std::make_unique_for_overwrite<char[]>(ChunkSize));
    }
    const quint64 pos = m_textEnd;
    *out = m_chunks[chunk - m_firstChunk].get() + (pos & (ChunkSize - 1));
    m_textEnd += quint64(len);
    return pos;
}

void LogBuffer::releaseTextBefore(quint64 pos)
{
    const quint64 keepFrom = pos >> ChunkShift;
    while (!m_chunks.empty() && m_firstChunk < keepFrom) {
        if (!m_spareChunk)
            m_spareChunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        ++m_firstChunk;
    }
}

void LogBuffer::append(const Event &ev)
{
    Q_ASSERT(m_count < m_capacity);

    LogEntry e;
    e.seq = ev.seq;
    e.tUs = ev.tUs;
    e.wallUs = ev.wallUs;
    e.conn = ev.conn;
    e.type = ev.type();
    e.state = ev.state;
    if (ev.leg == server::Leg::Client)
        e.flags |= LogEntry::LegClient;
    else if (ev.leg == server::Leg::Server)
        e.flags |= LogEntry::LegServer;
    const bool storePair = ev.leg != server::Leg::None && ev.pair != ev.conn;
    if (storePair)
        e.flags |= LogEntry::PairStored;
    const auto setCode = [&](const protocol::CloseCode &code) {
        if (code) {
            e.flags |= LogEntry::HasCode;
            e.code = *code;
        }
    };

    bool cut = false;
    QByteArrayView single; // the text of a one-field event
    QByteArray multi;      // the text of a multi-field event
    QByteArray utf8;       // a QString field's UTF-8
    auto addField = [&](QByteArrayView value, qsizetype max) {
        appendField(multi, capUtf8(value, max, &cut));
    };
    const auto setText = [&](const QString &text, qsizetype max) {
        utf8 = text.toUtf8();
        single = capUtf8(utf8, max, &cut);
    };

    server::visit(
        server::Overloaded{
            [&](const server::events::Payload &p) { // message_*, ping_*, pong_*
                e.number = p.size;
                e.a = quint8(p.messageType);
                e.b = quint8(p.postClose);
                if (p.crossed)
                    e.flags |= LogEntry::Crossed;
                const bool text = previewIsText(ev);
                if (!text)
                    e.flags |= LogEntry::BinaryPreview;
                if (text)
                    single = capUtf8(p.preview, m_previewBytes, &cut);
                else
                    single =
                        QByteArrayView(p.preview).first(std::min(p.preview.size(), m_previewBytes));
                if (single.size() < p.size)
                    cut = true;
            },
            [&](const server::events::CloseSent &c) {
                setCode(c.code);
                e.a = quint8(c.mode);
                e.number = -1;
                setText(c.reason, MaxTextBytes);
            },
            [&](const server::events::CloseReceived &c) {
                setCode(c.code);
                e.number = -1;
                setText(c.reason, MaxTextBytes);
            },
            [&](const server::events::Closed &c) {
                setCode(c.code);
                e.a = quint8(c.how);
                e.b = quint8(c.initiatedBy);
                e.number = c.closeHandshakeUs;
                if (c.tcpClosedByClient)
                    e.flags |= LogEntry::TcpByClient;
                if (c.closeSent)
                    e.flags |= LogEntry::SentClose;
                if (c.closeSent && c.sentCode) {
                    e.flags |= LogEntry::HasSentCode;
                    e.sentCode = *c.sentCode;
                }
                addField(c.reason.toUtf8(), MaxFieldBytes);
                addField(c.sentReason.toUtf8(), MaxFieldBytes);
                addField(c.ackDelayUs < 0 ? QByteArray() : QByteArray::number(c.ackDelayUs),
                         MaxFieldBytes);
                single = multi;
            },
            [&](const server::events::StateChange &c) {
                e.a = quint8(c.from);
                e.b = quint8(c.to);
            },
            [&](const server::events::Error &err) {
                setCode(err.code);
                e.number = err.size;
                setText(err.message, MaxTextBytes);
            },
            [&](const server::events::NotRelayed &n) {
                e.a = quint8(n.messageType);
                e.b = n.control ? 1 : 0;
                e.number = n.size;
                setText(n.reason, MaxTextBytes);
            },
            [&](const server::events::Listening &l) {
                e.number = l.port;
                if (l.tls)
                    e.flags |= LogEntry::Tls;
                setText(l.address, MaxFieldBytes);
            },
            [&](const server::events::Open &o) {
                addField(o.remote.toUtf8(), MaxFieldBytes);
                addField(o.path.toUtf8(), MaxFieldBytes);
                addField(o.query.toUtf8(), MaxFieldBytes);
                addField(o.subprotocol.toUtf8(), MaxFieldBytes);
                addField(o.origin.toUtf8(), MaxFieldBytes);
                addField(o.userAgent.toUtf8(), MaxFieldBytes);
                addField(headersText(o.headers), MaxTextBytes);
                addField(o.url.toUtf8(), MaxFieldBytes);
                if (o.outgoing)
                    e.flags |= LogEntry::Outgoing;
                single = multi;
            },
            [&](const server::events::HandshakeFailed &f) {
                e.number = f.httpStatus;
                addField(f.remote.toUtf8(), MaxFieldBytes);
                addField(f.reason.toUtf8(), MaxFieldBytes);
                addField(f.url.toUtf8(), MaxFieldBytes);
                if (f.outgoing)
                    e.flags |= LogEntry::Outgoing;
                single = multi;
            },
            [&](const server::events::Result &r) {
                if (r.ok)
                    e.flags |= LogEntry::Ok;
                addField(r.id, MaxFieldBytes);
                addField(r.error.toUtf8(), MaxFieldBytes);
                addField(r.data, MaxTextBytes);
                single = multi;
            },
        },
        ev);

    if (cut)
        e.flags |= LogEntry::Cut;
    const bool multiField = !multi.isEmpty();
    if (!multiField && !e.has(LogEntry::BinaryPreview) && isPlain(single))
        e.flags |= LogEntry::Plain;
    if (storePair) {
        // The pair, then the text (at least one byte reserved after the
        // pair, so textPos stays in the pair's chunk when the text is empty).
        char *dest = nullptr;
        const quint64 pos =
            reserveText(qsizetype(sizeof(quint32)) + std::max<qsizetype>(single.size(), 1), &dest);
        std::memcpy(dest, &ev.pair, sizeof(quint32));
        if (!single.isEmpty())
            std::memcpy(dest + sizeof(quint32), single.data(), size_t(single.size()));
        e.textPos = pos + sizeof(quint32);
        e.textLen = quint16(single.size());
    } else if (!single.isEmpty()) {
        char *dest = nullptr;
        e.textPos = reserveText(single.size(), &dest);
        std::memcpy(dest, single.data(), size_t(single.size()));
        e.textLen = quint16(single.size());
    } else {
        e.textPos = m_textEnd;
    }

    slot(slotOf(m_count)) = e;
    ++m_count;
}

void LogBuffer::removeOldest(qsizetype n)
{
    n = std::min(n, m_count);
    if (n <= 0)
        return;
    m_head = slotOf(n);
    m_count -= n;
    releaseTextBefore(m_count > 0 ? at(0).textPos : m_textEnd);
}

void LogBuffer::setCapacity(qsizetype capacity)
{
    capacity = std::max<qsizetype>(capacity, 1);
    Q_ASSERT(m_count <= capacity);
    if (capacity == m_capacity)
        return;
    // The ring's modulus changes: copy the entries, oldest at slot 0. A
    // settings change, not a hot path.
    std::vector<LogEntry> kept;
    kept.reserve(size_t(m_count));
    for (qsizetype i = 0; i < m_count; ++i)
        kept.push_back(at(i));
    m_capacity = capacity;
    resetBlocks();
    for (size_t i = 0; i < kept.size(); ++i)
        slot(i) = kept[i];
}

void LogBuffer::clear()
{
    resetBlocks();
    m_count = 0;
    m_chunks.clear();
    m_spareChunk.reset();
    m_textEnd = 0;
    m_firstChunk = 0;
}

void LogBuffer::setPreviewBytes(qsizetype bytes)
{
    m_previewBytes = std::clamp<qsizetype>(bytes, 1, server::MaxPreviewBytes);
}

Event LogBuffer::toEvent(const LogEntry &e) const
{
    Event ev = fieldsOf(e);
    ev.seq = e.seq;
    ev.tUs = e.tUs;
    ev.wallUs = e.wallUs;
    ev.conn = e.conn;
    ev.state = e.state;
    ev.leg = e.leg();
    ev.pair = pair(e);
    return ev;
}

Event LogBuffer::fieldsOf(const LogEntry &e) const
{
    namespace events = server::events;
    auto str = [&](int field) {
        return QString::fromUtf8(this->field(e, field));
    };
    const auto payload = [&]<typename Kind>(Kind p) {
        p.messageType = e.messageType();
        p.size = e.number;
        p.preview = text(e).toByteArray();
        p.postClose = protocol::PostClose(e.b);
        p.crossed = e.has(LogEntry::Crossed);
        return Event(std::move(p));
    };

    switch (e.type) {
    case EventType::MessageIn:
        return payload(events::MessageIn{});
    case EventType::MessageOut:
        return payload(events::MessageOut{});
    case EventType::PingIn:
        return payload(events::PingIn{});
    case EventType::PongIn:
        return payload(events::PongIn{});
    case EventType::PingOut:
        return payload(events::PingOut{});
    case EventType::PongOut:
        return payload(events::PongOut{});
    case EventType::CloseSent:
        return events::CloseSent{e.closeCode(), e.closeMode(), str(0)};
    case EventType::CloseReceived:
        return events::CloseReceived{e.closeCode(), str(0)};
    case EventType::Closed: {
        events::Closed closed{e.closeCode(), e.how(),  e.has(LogEntry::TcpByClient),
                              e.initiator(), e.number, str(ClosedReason)};
        closed.closeSent = e.has(LogEntry::SentClose);
        if (e.has(LogEntry::HasSentCode))
            closed.sentCode = e.sentCode;
        closed.sentReason = str(ClosedSentReason);
        const QByteArrayView ack = field(e, ClosedAckDelay);
        closed.ackDelayUs = ack.isEmpty() ? -1 : ack.toLongLong();
        return closed;
    }
    case EventType::StateChange:
        return events::StateChange{e.from(), e.to()};
    case EventType::Error:
        return events::Error{str(0), e.closeCode(), e.number};
    case EventType::NotRelayed:
        return events::NotRelayed{protocol::MessageType(e.a), e.b != 0, e.number, str(0)};
    case EventType::Listening:
        return events::Listening{str(0), quint16(e.number), e.has(LogEntry::Tls)};
    case EventType::Open:
        return events::Open{str(OpenRemote),
                            str(OpenPath),
                            str(OpenQuery),
                            str(OpenSubprotocol),
                            str(OpenOrigin),
                            str(OpenUserAgent),
                            headersFromText(field(e, OpenHeaders)),
                            e.has(LogEntry::Outgoing),
                            str(OpenUrl)};
    case EventType::HandshakeFailed:
        return events::HandshakeFailed{str(FailedRemote), int(e.number), str(FailedReason),
                                       e.has(LogEntry::Outgoing), str(FailedUrl)};
    case EventType::Result:
        return events::Result{field(e, ResultId).toByteArray(), e.has(LogEntry::Ok),
                              str(ResultMessage), field(e, ResultData).toByteArray()};
    }
    Q_UNREACHABLE();
    return {};
}

qsizetype LogBuffer::memoryBytes() const
{
    const size_t chunks = m_chunks.size() + (m_spareChunk ? 1 : 0);
    return qsizetype(m_allocatedEntries * sizeof(LogEntry) + chunks * ChunkSize);
}

} // namespace closecall::monitor
