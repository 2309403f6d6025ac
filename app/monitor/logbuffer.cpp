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

Direction directionOf(EventType type)
{
    switch (type) {
    case EventType::MessageIn:
    case EventType::PingIn:
    case EventType::PongIn:
    case EventType::CloseReceived:
        return Direction::In;
    case EventType::MessageOut:
    case EventType::PingOut:
    case EventType::PongOut:
    case EventType::CloseSent:
        return Direction::Out;
    default:
        return Direction::None;
    }
}

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

QByteArrayView LogBuffer::field(const LogEntry &e, int index) const
{
    QByteArrayView t = text(e);
    switch (e.type) {
    case EventType::Open:
    case EventType::HandshakeFailed:
    case EventType::Result:
        break;
    default:
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
    e.type = ev.type;
    e.state = ev.state;
    if (ev.code) {
        e.flags |= LogEntry::HasCode;
        e.code = *ev.code;
    }

    bool cut = false;
    QByteArrayView single; // the text of a one-field event
    QByteArray multi;      // the text of a multi-field event
    QByteArray utf8;       // a QString field's UTF-8
    auto addField = [&](QByteArrayView value, qsizetype max) {
        appendField(multi, capUtf8(value, max, &cut));
    };

    switch (ev.type) {
    case EventType::MessageIn:
    case EventType::MessageOut:
    case EventType::PingIn:
    case EventType::PongIn:
    case EventType::PingOut:
    case EventType::PongOut: {
        e.number = ev.size;
        e.a = quint8(ev.messageType);
        e.b = quint8(ev.postClose);
        const bool text = previewIsText(ev);
        if (!text)
            e.flags |= LogEntry::BinaryPreview;
        if (text)
            single = capUtf8(ev.preview, m_previewBytes, &cut);
        else
            single = QByteArrayView(ev.preview).first(std::min(ev.preview.size(), m_previewBytes));
        if (single.size() < ev.size)
            cut = true;
        break;
    }
    case EventType::CloseSent:
    case EventType::CloseReceived:
    case EventType::Closed:
        e.a = quint8(ev.type == EventType::Closed ? quint8(ev.how) : quint8(ev.mode));
        e.b = quint8(ev.initiatedBy);
        e.number = ev.closeHandshakeUs;
        if (ev.tcpClosedByClient && ev.type == EventType::Closed)
            e.flags |= LogEntry::TcpByClient;
        utf8 = ev.reason.toUtf8();
        single = capUtf8(utf8, MaxTextBytes, &cut);
        break;
    case EventType::StateChange:
        e.a = quint8(ev.from);
        e.b = quint8(ev.to);
        break;
    case EventType::Error:
        e.number = ev.size;
        utf8 = ev.message.toUtf8();
        single = capUtf8(utf8, MaxTextBytes, &cut);
        break;
    case EventType::Listening:
        e.number = ev.port;
        if (ev.tls)
            e.flags |= LogEntry::Tls;
        utf8 = ev.address.toUtf8();
        single = capUtf8(utf8, MaxFieldBytes, &cut);
        break;
    case EventType::Open:
        addField(ev.remote.toUtf8(), MaxFieldBytes);
        addField(ev.path.toUtf8(), MaxFieldBytes);
        addField(ev.query.toUtf8(), MaxFieldBytes);
        addField(ev.subprotocol.toUtf8(), MaxFieldBytes);
        addField(ev.origin.toUtf8(), MaxFieldBytes);
        addField(ev.userAgent.toUtf8(), MaxFieldBytes);
        addField(headersText(ev.headers), MaxTextBytes);
        single = multi;
        break;
    case EventType::HandshakeFailed:
        e.number = ev.httpStatus;
        addField(ev.remote.toUtf8(), MaxFieldBytes);
        addField(ev.reason.toUtf8(), MaxFieldBytes);
        single = multi;
        break;
    case EventType::Result:
        if (ev.ok)
            e.flags |= LogEntry::Ok;
        addField(ev.resultId, MaxFieldBytes);
        addField(ev.message.toUtf8(), MaxFieldBytes);
        addField(ev.resultData, MaxTextBytes);
        single = multi;
        break;
    }

    if (cut)
        e.flags |= LogEntry::Cut;
    const bool multiField = !multi.isEmpty();
    if (!multiField && !e.has(LogEntry::BinaryPreview) && isPlain(single))
        e.flags |= LogEntry::Plain;
    if (!single.isEmpty()) {
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
    Event ev;
    ev.seq = e.seq;
    ev.tUs = e.tUs;
    ev.wallUs = e.wallUs;
    ev.type = e.type;
    ev.conn = e.conn;
    ev.state = e.state;
    ev.code = e.closeCode();
    auto str = [&](int field) {
        return QString::fromUtf8(this->field(e, field));
    };

    switch (e.type) {
    case EventType::MessageIn:
    case EventType::MessageOut:
    case EventType::PingIn:
    case EventType::PongIn:
    case EventType::PingOut:
    case EventType::PongOut:
        ev.messageType = e.messageType();
        ev.size = e.number;
        ev.preview = text(e).toByteArray();
        ev.postClose = protocol::PostClose(e.b);
        break;
    case EventType::CloseSent:
        ev.mode = e.closeMode();
        ev.reason = str(0);
        break;
    case EventType::CloseReceived:
        ev.reason = str(0);
        break;
    case EventType::Closed:
        ev.how = e.how();
        ev.initiatedBy = e.initiator();
        ev.closeHandshakeUs = e.number;
        ev.tcpClosedByClient = e.has(LogEntry::TcpByClient);
        ev.reason = str(0);
        break;
    case EventType::StateChange:
        ev.from = e.from();
        ev.to = e.to();
        break;
    case EventType::Error:
        ev.size = e.number;
        ev.message = str(0);
        break;
    case EventType::Listening:
        ev.address = str(0);
        ev.port = quint16(e.number);
        ev.tls = e.has(LogEntry::Tls);
        break;
    case EventType::Open:
        ev.remote = str(OpenRemote);
        ev.path = str(OpenPath);
        ev.query = str(OpenQuery);
        ev.subprotocol = str(OpenSubprotocol);
        ev.origin = str(OpenOrigin);
        ev.userAgent = str(OpenUserAgent);
        ev.headers = headersFromText(field(e, OpenHeaders));
        break;
    case EventType::HandshakeFailed:
        ev.httpStatus = int(e.number);
        ev.remote = str(FailedRemote);
        ev.reason = str(FailedReason);
        break;
    case EventType::Result:
        ev.ok = e.has(LogEntry::Ok);
        ev.resultId = field(e, ResultId).toByteArray();
        ev.message = str(ResultMessage);
        ev.resultData = field(e, ResultData).toByteArray();
        break;
    }
    return ev;
}

qsizetype LogBuffer::memoryBytes() const
{
    const size_t chunks = m_chunks.size() + (m_spareChunk ? 1 : 0);
    return qsizetype(m_allocatedEntries * sizeof(LogEntry) + chunks * ChunkSize);
}

} // namespace closecall::monitor
