#pragma once

#include "server/event.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QtGlobal>

#include <deque>
#include <memory>
#include <vector>

// The storage behind the GUI's log (docs/architecture.md "Performance
// targets": 1,000,000 entries in well under 400 MB). A server::Event is 80
// bytes plus its heap blocks; a LogEntry is
// 56 bytes of fixed fields, and its variable text (a capped payload
// preview, a close reason, the open event's request) lives in an
// append-only arena of 1 MiB chunks. Entries leave oldest first, so the
// arena is a FIFO too: a chunk is freed once no entry points into it. No
// per-entry heap block, no QString: cell text is built when a row is drawn.
//
// Not thread-safe; LogModel owns one and tells its views about changes.
namespace closecall::monitor {

struct LogEntry
{
    enum Flag : quint16 {
        HasCode = 0x01,       // `code` holds a close status code
        Cut = 0x02,           // the stored text is shorter than what the event had
        Plain = 0x04,         // the text is printable ASCII without '\\': shown as stored
        TcpByClient = 0x08,   // closed: the client closed TCP first
        Ok = 0x10,            // result: ok
        Tls = 0x20,           // listening: wss
        BinaryPreview = 0x40, // the preview is shown as hex (binary data, or a
                              // ping/pong payload that is not UTF-8 text)
        Crossed = 0x80,       // message_in, ping_in, pong_in: crossed our Close
        SentClose = 0x100,    // closed: we sent a Close (its reason is a text field)
        HasSentCode = 0x200,  // closed: `sentCode` holds its status code
        Outgoing = 0x400,     // open, handshake_failed: role "out" (its URL is a field)
        // Proxy mode (docs/headless.md "Proxy mode"): the event's leg. The
        // pair is the client leg's own conn, so it costs nothing there; a
        // pair that is not the entry's conn (a server leg's) is stored in
        // the arena, 4 bytes right before the text (LogBuffer::pair()).
        LegClient = 0x800,
        LegServer = 0x1000,
        PairStored = 0x2000,
    };

    quint64 seq = 0;
    qint64 tUs = 0;
    qint64 wallUs = 0;
    // message_* / ping_* / pong_*: payload size in bytes; closed: close
    // handshake µs (-1 = null; its ack delay is a text field, ClosedField);
    // handshake_failed: HTTP status; listening: port; error: the event's size.
    qint64 number = 0;
    quint64 textPos = 0; // into the arena: LogBuffer::text()
    quint32 conn = 0;
    quint16 textLen = 0;
    quint16 code = 0; // valid when (flags & HasCode)
    server::EventType type = server::EventType::Error;
    protocol::State state = protocol::State::Connecting;
    // Per type. message_*, ping_*, pong_*: a = MessageType, b = PostClose.
    // close_sent: a = CloseMode. state: a = from, b = to. closed: a =
    // HowEnded, b = Initiator.
    quint8 a = 0;
    quint8 b = 0;
    quint16 flags = 0;
    quint16 sentCode = 0; // closed: valid when (flags & HasSentCode)

    bool has(Flag f) const { return (flags & f) != 0; }
    protocol::CloseCode closeCode() const
    {
        return has(HasCode) ? protocol::CloseCode(code) : std::nullopt;
    }
    protocol::MessageType messageType() const { return protocol::MessageType(a); }
    protocol::PostClose postClose() const
    {
        return isPayloadEvent() ? protocol::PostClose(b) : protocol::PostClose::None;
    }
    bool isPostClose() const { return postClose() != protocol::PostClose::None; }
    protocol::CloseMode closeMode() const { return protocol::CloseMode(a); }
    protocol::State from() const { return protocol::State(a); }
    protocol::State to() const { return protocol::State(b); }
    protocol::HowEnded how() const { return protocol::HowEnded(a); }
    protocol::Initiator initiator() const { return protocol::Initiator(b); }
    // message_*, ping_*, pong_*: the text is a payload preview.
    bool isPayloadEvent() const { return server::carriesPayload(type); }
    server::Leg leg() const
    {
        return has(LegClient)   ? server::Leg::Client
               : has(LegServer) ? server::Leg::Server
                                : server::Leg::None;
    }
};
static_assert(sizeof(LogEntry) == 56, "the log's memory budget counts on 56-byte entries");

// Which direction an event travelled: the schema's (server/event.h).
using server::Direction;
using server::directionOf;

class LogBuffer final
{
public:
    static constexpr qsizetype DefaultCapacity = 1'000'000;
    // Bytes of each payload preview kept (the engine sends up to 1024).
    // 64 shows a line of text in the Details column and keeps a million
    // entries near 120 bytes each.
    static constexpr qsizetype DefaultPreviewBytes = 64;
    // Other texts (close reasons are at most 123 bytes; error messages,
    // the open request's headers) are capped so one odd event cannot
    // weigh more than a few thousand previews.
    static constexpr qsizetype MaxTextBytes = 8192;

    // The fields of the events that keep more than one text, in order.
    enum OpenField {
        OpenRemote,
        OpenPath,
        OpenQuery,
        OpenSubprotocol,
        OpenOrigin,
        OpenUserAgent,
        OpenHeaders,
        OpenUrl, // outgoing only: where we connected ("" otherwise)
        OpenFieldCount
    };
    enum HandshakeFailedField { FailedRemote, FailedReason, FailedUrl, FailedFieldCount };
    enum ResultField { ResultId, ResultMessage, ResultData, ResultFieldCount };
    // closed: the peer's reason, ours, and ack_delay_us in decimal ("" = null).
    enum ClosedField { ClosedReason, ClosedSentReason, ClosedAckDelay, ClosedFieldCount };

    explicit LogBuffer(qsizetype capacity = DefaultCapacity);
    ~LogBuffer();
    Q_DISABLE_COPY_MOVE(LogBuffer)

    qsizetype size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qsizetype capacity() const { return m_capacity; }
    qsizetype freeSlots() const { return m_capacity - m_count; }

    // 0 is the oldest entry held.
    const LogEntry &at(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < m_count);
        const size_t slot = slotOf(i);
        return m_blocks[slot >> BlockShift][slot & (BlockEntries - 1)];
    }

    // The entry's whole stored text (for multi-field events, the fields
    // with their length prefixes).
    QByteArrayView text(const LogEntry &e) const;
    // One text field: for open, handshake_failed and result the fields
    // above; for every other event field 0 is the only one (preview, close
    // reason, error message, listening address).
    QByteArrayView field(const LogEntry &e, int index) const;
    // Proxy mode: the pair the entry's leg belongs to; 0 outside proxy mode.
    quint32 pair(const LogEntry &e) const;

    // Appends one event. There must be room: the caller removes the oldest
    // first (LogModel announces that to its views before it happens).
    void append(const server::Event &event);
    // Drops the `n` oldest entries and the arena chunks only they used.
    void removeOldest(qsizetype n);
    // At least 1. Shrinking below size() is the caller's job first
    // (removeOldest), so views hear about it.
    void setCapacity(qsizetype capacity);
    void clear();

    qsizetype previewBytes() const { return m_previewBytes; }
    // Applies to entries appended from now on. 1..MaxPreviewBytes.
    void setPreviewBytes(qsizetype bytes);

    // The event back from its entry: every field the log keeps; the preview
    // (and any text over MaxTextBytes) as stored, i.e. cut.
    server::Event toEvent(const LogEntry &e) const;

    // Bytes this buffer holds on the heap: the entry slots and the arena
    // chunks (the figure the bench divides by size()).
    qsizetype memoryBytes() const;

private:
    server::Event fieldsOf(const LogEntry &e) const;

    // The ring's slots come in blocks allocated as the log first fills, so
    // growing never copies (a million-entry vector doubling would stall the
    // GUI for tens of ms) and a small log costs little.
    static constexpr int BlockShift = 14; // 16,384 entries (896 KiB) a block
    static constexpr size_t BlockEntries = size_t(1) << BlockShift;
    static constexpr int ChunkShift = 20; // 1 MiB arena chunks
    static constexpr quint64 ChunkSize = quint64(1) << ChunkShift;

    // Reserves `len` contiguous bytes in the arena; returns where.
    quint64 reserveText(qsizetype len, char **out);
    void releaseTextBefore(quint64 pos);
    size_t slotOf(qsizetype i) const
    {
        size_t slot = m_head + size_t(i);
        if (slot >= size_t(m_capacity))
            slot -= size_t(m_capacity);
        return slot;
    }
    LogEntry &slot(size_t slot); // allocates its block on first use
    void resetBlocks();

    // A ring of m_capacity slots; block b holds slots b * BlockEntries...
    std::vector<std::unique_ptr<LogEntry[]>> m_blocks;
    size_t m_allocatedEntries = 0;
    size_t m_head = 0; // the oldest entry's slot
    qsizetype m_count = 0;
    qsizetype m_capacity;
    qsizetype m_previewBytes = DefaultPreviewBytes;

    std::deque<std::unique_ptr<char[]>> m_chunks;
    quint64 m_firstChunk = 0;             // the global index of m_chunks.front()
    quint64 m_textEnd = 0;                // the next free arena position
    std::unique_ptr<char[]> m_spareChunk; // recycled, so a full ring does not churn malloc
};

} // namespace closecall::monitor
