#include "deflatecodec.h"

#include <QtCore/QCoreApplication>

#include <zlib.h>

namespace closecall::protocol {

namespace {

// RFC 7692 §7.2.1: a sync flush ends with an empty stored block, whose
// last four bytes are removed from the payload and added back on receipt.
constexpr char SyncTail[] = {'\x00', '\x00', '\xff', '\xff'};
constexpr qsizetype Chunk = 16 * 1024;
// zlib's own figures (zconf.h): deflate needs (1 << (w + 2)) + (1 << (m + 9))
// bytes, inflate 1 << w plus about 7 KiB of tables.
constexpr int MemLevel = 8;

QString tr(const char *text)
{
    return QCoreApplication::translate("DeflateCodec", text);
}

} // namespace

struct MessageDeflater::State
{
    z_stream z{};
};

MessageDeflater::MessageDeflater(int windowBits, bool noContextTakeover)
    : m_windowBits(windowBits)
    , m_noContextTakeover(noContextTakeover)
{}

MessageDeflater::~MessageDeflater()
{
    if (m_state)
        deflateEnd(&m_state->z);
}

QByteArray MessageDeflater::compress(QByteArrayView message)
{
    Q_ASSERT(canCompress());
    // An empty message is one empty stored block: with the tail the receiver
    // adds back, 00 00 00 ff ff. zlib would emit nothing for a second flush
    // with no input, so it is written here; the window is unchanged on both
    // sides either way.
    if (message.isEmpty())
        return QByteArray(1, '\0');
    if (!m_state) {
        m_state = std::make_unique<State>();
        if (deflateInit2(&m_state->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -m_windowBits, MemLevel,
                         Z_DEFAULT_STRATEGY) != Z_OK)
            qFatal("zlib: deflateInit2 failed (out of memory)");
    }
    z_stream &z = m_state->z;
    QByteArray out;
    out.reserve(qsizetype(deflateBound(&z, uLong(message.size()))) + 8);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(message.data()));
    z.avail_in = uInt(message.size());
    do {
        const qsizetype used = out.size();
        out.resize(used + Chunk);
        z.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        z.avail_out = uInt(Chunk);
        deflate(&z, Z_SYNC_FLUSH); // cannot fail with a valid stream and room
        out.resize(used + Chunk - qsizetype(z.avail_out));
    } while (z.avail_out == 0);
    Q_ASSERT(out.endsWith(QByteArrayView(SyncTail, 4)));
    out.chop(4);
    if (m_noContextTakeover) {
        deflateEnd(&z);
        m_state.reset();
    }
    return out;
}

qsizetype MessageDeflater::memoryInUse() const
{
    return m_state ? (qsizetype(1) << (m_windowBits + 2)) + (qsizetype(1) << (MemLevel + 9)) : 0;
}

struct MessageInflater::State
{
    z_stream z{};
};

MessageInflater::MessageInflater(bool noContextTakeover, quint64 maxMessageSize)
    : m_noContextTakeover(noContextTakeover)
{
    setMaxMessageSize(maxMessageSize);
}

void MessageInflater::setMaxMessageSize(quint64 bytes)
{
    // Past a terabyte is "no limit" in practice; the cap keeps the size
    // arithmetic inside qsizetype.
    m_maxMessageSize = qMin<quint64>(bytes, quint64(1) << 40);
}

MessageInflater::~MessageInflater()
{
    if (m_state)
        inflateEnd(&m_state->z);
}

MessageInflater::Status MessageInflater::feed(QByteArrayView data, QByteArray &out)
{
    return run(data, out);
}

MessageInflater::Status MessageInflater::finish(QByteArray &out)
{
    const Status status = run(QByteArrayView(SyncTail, 4), out);
    endMessage();
    return status;
}

MessageInflater::Status MessageInflater::run(QByteArrayView data, QByteArray &out)
{
    if (m_streamEnded || data.isEmpty())
        return Status::Ok; // what follows a final block is not inflated
    if (!m_state) {
        m_state = std::make_unique<State>();
        if (inflateInit2(&m_state->z, -15) != Z_OK)
            qFatal("zlib: inflateInit2 failed (out of memory)");
    }
    z_stream &z = m_state->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(data.size());
    for (;;) {
        // Room for at most one byte past the limit: reaching it is the
        // proof the message is too big, and nothing more is allocated.
        const quint64 used = quint64(out.size());
        if (used > m_maxMessageSize) {
            m_error = tr("the message inflates past %1 bytes").arg(m_maxMessageSize);
            return Status::TooBig;
        }
        const qsizetype room = qsizetype(qMin<quint64>(Chunk, m_maxMessageSize - used + 1));
        const qsizetype needed = qsizetype(used) + room;
        if (needed > out.capacity()) {
            // Grow geometrically, but never past the limit (+1 byte): a bomb
            // costs at most maxMessageSize of memory.
            const quint64 grown = qMax<quint64>(quint64(out.capacity()) * 2, quint64(needed));
            out.reserve(qsizetype(qMin<quint64>(grown, m_maxMessageSize + 1)));
        }
        out.resize(needed);
        z.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        z.avail_out = uInt(room);
        const int rc = inflate(&z, Z_SYNC_FLUSH);
        out.resize(qsizetype(used) + room - qsizetype(z.avail_out));
        if (rc == Z_STREAM_END) {
            m_streamEnded = true;
            break;
        }
        if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) {
            m_error = tr("the compressed data is not valid deflate: %1")
                          .arg(QString::fromLatin1(z.msg ? z.msg : "zlib error"));
            return Status::Corrupt;
        }
        // Done when all input is taken and zlib had room to spare (a full
        // buffer may mean more output is waiting inside zlib).
        if (z.avail_out != 0 && (z.avail_in == 0 || rc == Z_BUF_ERROR))
            break;
    }
    if (quint64(out.size()) > m_maxMessageSize) {
        m_error = tr("the message inflates past %1 bytes").arg(m_maxMessageSize);
        return Status::TooBig;
    }
    return Status::Ok;
}

void MessageInflater::endMessage()
{
    const bool reset = m_streamEnded || m_noContextTakeover;
    m_streamEnded = false;
    if (!m_state || !reset)
        return;
    if (m_noContextTakeover) {
        inflateEnd(&m_state->z);
        m_state.reset();
    } else {
        inflateReset(&m_state->z); // a final block ended the stream: start a new one
    }
}

qsizetype MessageInflater::memoryInUse() const
{
    return m_state ? (qsizetype(1) << 15) + 7 * 1024 : 0;
}

} // namespace closecall::protocol
