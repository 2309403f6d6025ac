#pragma once

#include "transport.h"

#include <QtCore/QList>

#include <memory>

namespace closecall::server {

class Poller;

// The engine's shared read buffer: every plain connection reads into it,
// so an idle connection holds no read buffer at all (the ≤ 1 KB target of
// docs/architecture.md "Performance targets").
struct ReadBuffer
{
    char *data = nullptr;
    qsizetype capacity = 0;
};

// Plain TCP on a raw non-blocking descriptor in the engine's epoll set.
// Bypasses QTcpSocket: no second copy through its ring buffer, no QObject
// and notifiers per connection, and errno tells a reset from an EOF (Qt
// maps ECONNRESET on read to an ordinary remote close, losing R9's how).
class PlainTransport final : public Transport
{
public:
    PlainTransport(int fd, quint64 key, Poller &poller, const ReadBuffer &buffer,
                   TransportOwner &owner);
    ~PlainTransport() override;
    Q_DISABLE_COPY_MOVE(PlainTransport)

    bool isValid() const { return m_fd >= 0; }
    // Called by the engine for this descriptor's epoll events.
    void onEvents(quint32 events);

    void write(QByteArray &data) override;
    qsizetype pendingBytes() const override { return m_out ? m_out->bytes : 0; }
    void closeAfterFlush() override;
    void closeNow() override;
    void reset() override;
    qsizetype unreadInputBytes() const override;
    bool peerHasClosed() const override;
    bool isClosed() const override { return m_fd < 0; }
    void releaseMemory() override;
    void resumeReading() override;

private:
    enum class Phase : quint8 {
        Open,
        Flushing,  // closeAfterFlush(): output still pending, FIN after it
        Lingering, // FIN sent; reading and dropping until the peer's FIN
    };

    // `draining`: the socket reported an error or hang-up, which epoll
    // repeats even while reads are not watched: read regardless of a hold.
    void readAvailable(bool draining);
    void flushPending();
    // Queues `data` (emptied; it gets the spare buffer's capacity back).
    void enqueue(QByteArray &data, qsizetype alreadySent);
    void dropQueue();
    void sendFin();
    void finishLinger();
    void updateInterest();
    // Writes as much as the kernel takes; -1 on a hard error (EPIPE, RST).
    // Remembers what a failed send() learnt (ECONNRESET: the peer reset).
    void noteWriteError(int error);
    qsizetype sendSome(const char *data, qsizetype size);
    void closeDescriptor();

    int m_fd;
    quint64 m_key;
    Poller &m_poller;
    const ReadBuffer &m_buffer;
    TransportOwner &m_owner;
    // Output the kernel did not take yet, as the session's buffers were
    // handed over (no copying, no compaction); written with one sendmsg.
    // Allocated only while output backs up: idle connections stay small.
    struct OutQueue
    {
        QList<QByteArray> chunks;
        qsizetype headOffset = 0; // bytes of chunks.first() already sent
        qsizetype bytes = 0;
        // A drained buffer kept for the next hand-over, so a 16 MiB echo
        // does not fault in fresh pages each time; the idle sweep frees it.
        QByteArray spare;
    };
    std::unique_ptr<OutQueue> m_out;
    quint32 m_interest = 0;
    Phase m_phase = Phase::Open;
    bool m_writeFailed = false;
    bool m_readPaused = false;       // output backed up (HighWater)
    bool m_readHeld = false;         // the owner said mayRead() no
    bool m_peerFinSeen = false;      // the peer's FIN arrived while we were flushing
    bool m_resetSeenByWrite = false; // a send() failed with ECONNRESET: the peer reset
};

} // namespace closecall::server
