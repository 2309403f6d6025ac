#include "plaintransport.h"

#include "poller.h"
#include "sockets.h"

#include <cerrno>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace closecall::server {

namespace {
// Reads per wake-up before yielding to other connections (level-triggered
// epoll calls us again for the rest).
constexpr int MaxReadsPerWake = 4;
} // namespace

PlainTransport::PlainTransport(int fd, quint64 key, Poller &poller, const ReadBuffer &buffer,
                               TransportOwner &owner)
    : m_fd(fd)
    , m_key(key)
    , m_poller(poller)
    , m_buffer(buffer)
    , m_owner(owner)
{
    m_interest = quint32(EPOLLIN);
    if (!m_poller.add(m_fd, m_key, m_interest)) {
        ::close(m_fd);
        m_fd = -1;
    }
}

PlainTransport::~PlainTransport()
{
    closeDescriptor();
}

void PlainTransport::closeDescriptor()
{
    if (m_fd < 0)
        return;
    // close() takes it out of the epoll set (never dup()ed): no EPOLL_CTL_DEL.
    ::close(m_fd);
    m_fd = -1;
    dropQueue();
}

void PlainTransport::dropQueue()
{
    m_out.reset();
}

void PlainTransport::onEvents(quint32 events)
{
    if (m_fd < 0)
        return;
    if (events & EPOLLOUT)
        flushPending();
    if (m_fd >= 0 && (events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
        readAvailable((events & (EPOLLHUP | EPOLLERR)) != 0);
}

void PlainTransport::readAvailable(bool draining)
{
    for (int round = 0; m_fd >= 0; ++round) {
        if (m_phase == Phase::Open && !draining && !m_owner.mayRead()) {
            m_readHeld = true;
            updateInterest();
            return;
        }
        const ssize_t n = ::recv(m_fd, m_buffer.data, size_t(m_buffer.capacity), 0);
        if (n > 0) {
            if (m_phase == Phase::Open) {
                m_owner.onTransportData(m_buffer.data, n);
                if (m_fd < 0 || m_phase != Phase::Open || m_readPaused)
                    return; // the connection reset or closed us, or output is backed up
            }
            // While closing, whatever still arrives is read and dropped, so
            // closing never meets unread data (which would turn into an RST).
            if (n < m_buffer.capacity || (m_phase == Phase::Open && round + 1 >= MaxReadsPerWake))
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // A reset that a send() met first is not reported to recv() again
        // (the socket's error is consumed once): recv() then reads an EOF.
        const bool reset = n < 0 || m_resetSeenByWrite;
        if (m_phase == Phase::Open) {
            m_owner.onTransportEof(reset); // the owner closes or resets us
        } else if (m_phase == Phase::Flushing && !reset) {
            // Half-closed by the peer while our last frames still wait: keep
            // writing (it may still read), stop reading (EOF stays readable).
            m_peerFinSeen = true;
            updateInterest();
        } else {
            // The peer's FIN answered ours (or the peer reset): done.
            finishLinger();
        }
        return;
    }
}

void PlainTransport::noteWriteError(int error)
{
    if (error == ECONNRESET)
        m_resetSeenByWrite = true;
}

qsizetype PlainTransport::sendSome(const char *data, qsizetype size)
{
    qsizetype done = 0;
    while (done < size) {
        const ssize_t n = ::send(m_fd, data + done, size_t(size - done), MSG_NOSIGNAL);
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        noteWriteError(errno);
        return -1;
    }
    return done;
}

void PlainTransport::write(QByteArray &data)
{
    if (data.isEmpty())
        return;
    if (m_fd < 0 || m_writeFailed || m_phase == Phase::Lingering) {
        data.resize(0);
        return;
    }
    if (pendingBytes() > 0) {
        enqueue(data, 0); // behind what is already waiting
    } else {
        const qsizetype n = sendSome(data.constData(), data.size());
        if (n < 0) {
            // EPIPE/ECONNRESET: epoll reports the error as a read event next,
            // and the connection learns it there (never re-entered from here).
            m_writeFailed = true;
            data.resize(0);
        } else if (n == data.size()) {
            data.resize(0); // keeps the capacity for the next batch
        } else {
            enqueue(data, n);
        }
    }
    updateInterest();
}

void PlainTransport::enqueue(QByteArray &data, qsizetype alreadySent)
{
    if (!m_out)
        m_out = std::make_unique<OutQueue>();
    OutQueue &q = *m_out;
    // Small output behind a big queue is copied onto the last buffer; a
    // big one is handed over whole, and `data` takes the spare's capacity.
    if (alreadySent == 0 && !q.chunks.isEmpty() && data.size() <= 16 * 1024) {
        q.chunks.last().append(data);
        q.bytes += data.size();
        data.resize(0);
        return;
    }
    if (q.chunks.isEmpty())
        q.headOffset = alreadySent;
    q.bytes += data.size() - alreadySent;
    q.chunks.append(QByteArray());
    q.chunks.last().swap(data);
    data.swap(q.spare);
}

void PlainTransport::flushPending()
{
    while (pendingBytes() > 0 && !m_writeFailed) {
        OutQueue &q = *m_out;
        iovec iov[16];
        int count = 0;
        for (qsizetype i = 0; i < q.chunks.size() && count < 16; ++i, ++count) {
            const qsizetype skip = i == 0 ? q.headOffset : 0;
            iov[count].iov_base = const_cast<char *>(q.chunks.at(i).constData() + skip);
            iov[count].iov_len = size_t(q.chunks.at(i).size() - skip);
        }
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                m_writeFailed = true;
                noteWriteError(errno);
            }
            break;
        }
        qsizetype sent = n;
        q.bytes -= sent;
        while (sent > 0) {
            const qsizetype left = q.chunks.first().size() - q.headOffset;
            if (sent < left) {
                q.headOffset += sent;
                break;
            }
            sent -= left;
            q.headOffset = 0;
            QByteArray done = q.chunks.takeFirst();
            if (done.capacity() > q.spare.capacity()) {
                done.resize(0);
                q.spare.swap(done);
            }
        }
    }
    if (m_writeFailed)
        dropQueue();
    if (m_phase == Phase::Flushing && pendingBytes() == 0)
        sendFin();
    const bool wasPaused = m_readPaused;
    updateInterest();
    if (wasPaused && !m_readPaused && m_fd >= 0)
        m_owner.onOutputDrained();
}

void PlainTransport::updateInterest()
{
    if (m_fd < 0)
        return;
    const qsizetype pending = pendingBytes();
    if (!m_readPaused && pending > OutputHighWater)
        m_readPaused = true;
    else if (m_readPaused && pending < OutputLowWater)
        m_readPaused = false;
    // While closing we always read, to drain the peer (see readAvailable).
    quint32 want = (((m_readPaused || m_readHeld) && m_phase == Phase::Open) || m_peerFinSeen)
                       ? 0u
                       : quint32(EPOLLIN);
    if (pending > 0 && !m_writeFailed)
        want |= EPOLLOUT;
    if (want != m_interest) {
        m_interest = want;
        m_poller.modify(m_fd, m_key, want);
    }
}

void PlainTransport::closeAfterFlush()
{
    if (m_fd < 0 || m_phase != Phase::Open)
        return;
    m_phase = Phase::Flushing;
    if (pendingBytes() == 0 || m_writeFailed)
        sendFin();
    updateInterest();
}

void PlainTransport::sendFin()
{
    m_phase = Phase::Lingering;
    // Half-close: our FIN goes out first (RFC 6455 §7.1.1), and we keep
    // reading until the peer's FIN so the socket closes without an RST.
    // If its FIN came already, reading again sees that EOF on the next
    // wake-up and finishes there (the owner is never called back from
    // inside its own call).
    m_peerFinSeen = false;
    ::shutdown(m_fd, SHUT_WR);
}

void PlainTransport::finishLinger()
{
    closeDescriptor();
    m_owner.onTransportClosed();
}

void PlainTransport::closeNow()
{
    closeDescriptor();
}

void PlainTransport::reset()
{
    if (m_fd < 0)
        return;
    sockets::resetAndClose(m_fd);
    m_fd = -1;
    dropQueue();
}

qsizetype PlainTransport::unreadInputBytes() const
{
    return sockets::unreadBytes(m_fd);
}

bool PlainTransport::peerHasClosed() const
{
    return sockets::peerHasClosed(m_fd);
}

void PlainTransport::resumeReading()
{
    if (!m_readHeld)
        return;
    m_readHeld = false;
    // Level-triggered: what waits in the socket wakes us on the next turn.
    updateInterest();
}

void PlainTransport::releaseMemory()
{
    if (m_out && m_out->bytes == 0)
        m_out.reset();
}

} // namespace closecall::server
