#pragma once

// A WebSocket client written for the tests on a blocking POSIX socket: it
// does what no library client does (answers our Close late, never, or with
// data first; resets; closes TCP at chosen moments) and tells a reset from
// an EOF. Frames go out masked with framewriter and come in through a
// client-role FrameParser. In a deflate run (deflaterun.h) it offers
// permessage-deflate, sends data messages compressed and inflates ours.

#include "deflaterun.h"
#include "protocol/closecodes.h"
#include "protocol/deflatecodec.h"
#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/handshake.h"

#include <QtCore/QByteArray>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QList>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <optional>

namespace closecall::test {

struct PeerFrame
{
    protocol::Opcode opcode;
    QByteArray payload;

    std::optional<quint16> closeCode() const
    {
        if (payload.size() < 2)
            return std::nullopt;
        return quint16((quint8(payload[0]) << 8) | quint8(payload[1]));
    }
};

class RawPeer final : private protocol::FrameSink
{
public:
    enum class End { StillOpen, Eof, Reset };

    RawPeer() = default;
    ~RawPeer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(RawPeer)

    int fd() const { return m_fd; }

    // The socket alone (connectTo() makes it when needed).
    bool createSocket()
    {
        if (m_fd < 0)
            m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        return m_fd >= 0;
    }

    bool connectTo(quint16 port)
    {
        if (!createSocket())
            return false;
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return ::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    }

    quint16 localPort() const
    {
        sockaddr_in a{};
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        return ntohs(a.sin_port);
    }

    // Connects and completes the upgrade; false if the server refused.
    bool open(quint16 port, const QString &target = QStringLiteral("/"))
    {
        if (!connectTo(port))
            return false;
        protocol::ClientHandshakeOptions o;
        o.host = QStringLiteral("127.0.0.1:%1").arg(port);
        o.target = target;
        o.offerDeflate = deflateRun();
        protocol::ClientHandshake hs(o);
        sendRaw(hs.request());
        const QDeadlineTimer deadline(5000);
        while (hs.status() == protocol::HandshakeStatus::NeedMore) {
            const QByteArray in = readSome(int(deadline.remainingTime()));
            if (in.isEmpty())
                return false;
            hs.feed(in);
        }
        if (hs.status() != protocol::HandshakeStatus::Complete)
            return false;
        if (deflateRun()) {
            // A deflate run that ends up without deflate tests nothing new.
            const auto agreed = hs.deflate();
            if (!agreed)
                return false;
            m_parser.enableDeflate(agreed->serverNoContextTakeover);
            m_deflater = std::make_unique<protocol::MessageDeflater>(
                agreed->clientMaxWindowBits, agreed->clientNoContextTakeover);
        }
        QByteArray rest = hs.takeLeftover();
        if (!rest.isEmpty())
            m_parser.feed(rest.data(), rest.size(), *this);
        return true;
    }

    void sendRaw(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n =
                ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return;
            done += n;
        }
    }

    static QByteArray frame(protocol::Opcode op, const QByteArray &payload, bool fin = true)
    {
        QByteArray out;
        protocol::framewriter::appendFrame(out, protocol::Role::Client, op, payload, fin);
        return out;
    }
    static QByteArray closeFrame(protocol::CloseCode code, const QString &reason = {})
    {
        return frame(protocol::Opcode::Close, protocol::buildClosePayload(code, reason));
    }
    // A whole data message as this peer sends it: compressed (RSV1) once
    // deflate is agreed, as it is; control frames as they are. Build them
    // in the order they go out (the compressor's context runs on).
    QByteArray dataFrame(protocol::Opcode op, const QByteArray &payload)
    {
        const bool data = op == protocol::Opcode::Text || op == protocol::Opcode::Binary;
        if (!data || !m_deflater || !m_deflater->canCompress())
            return frame(op, payload);
        QByteArray out;
        protocol::framewriter::appendFrame(out, protocol::Role::Client, op,
                                           m_deflater->compress(payload), true, std::nullopt, 4);
        return out;
    }
    void send(protocol::Opcode op, const QByteArray &payload) { sendRaw(dataFrame(op, payload)); }
    void sendText(const QByteArray &utf8) { send(protocol::Opcode::Text, utf8); }
    void sendClose(protocol::CloseCode code, const QString &reason = {})
    {
        sendRaw(closeFrame(code, reason));
    }

    // The next frame from the server, or nothing after `timeoutMs`.
    std::optional<PeerFrame> nextFrame(int timeoutMs = 5000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_frames.isEmpty() && m_end == End::StillOpen) {
            const QByteArray in = readSome(int(deadline.remainingTime()));
            if (in.isEmpty())
                break;
            QByteArray bytes = in;
            m_parser.feed(bytes.data(), bytes.size(), *this);
        }
        if (m_frames.isEmpty())
            return std::nullopt;
        return m_frames.takeFirst();
    }

    // Reads (collecting frames) until the server ends TCP: a FIN (Eof) or
    // an RST (Reset: recv fails with ECONNRESET), or `timeoutMs` passes.
    End waitEnd(int timeoutMs = 5000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_end == End::StillOpen && !deadline.hasExpired()) {
            QByteArray in = readSome(int(deadline.remainingTime()));
            if (!in.isEmpty())
                m_parser.feed(in.data(), in.size(), *this);
        }
        return m_end;
    }

    // An abortive close: the server sees an RST.
    void resetClose()
    {
        const linger l{1, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        ::close(m_fd);
        m_fd = -1;
    }
    // An orderly close: the server sees a FIN.
    void finClose()
    {
        ::close(m_fd);
        m_fd = -1;
    }
    // Sends `bytes` and our FIN in one segment (TCP_CORK holds the data
    // until shutdown() merges the FIN into it), so the server reads the data
    // and the EOF together: the peer closed TCP before the server could.
    void sendThenFin(const QByteArray &bytes)
    {
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_CORK, &one, sizeof one);
        sendRaw(bytes);
        ::shutdown(m_fd, SHUT_WR);
    }

    const QList<PeerFrame> &pendingFrames() const { return m_frames; }

private:
    // Waits up to `timeoutMs` for bytes; records the end of the stream.
    QByteArray readSome(int timeoutMs)
    {
        if (m_fd < 0 || m_end != End::StillOpen)
            return {};
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, qMax(timeoutMs, 0)) <= 0)
            return {};
        char buf[65536];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n > 0)
            return QByteArray(buf, n);
        if (n == 0)
            m_end = End::Eof;
        else if (errno == ECONNRESET)
            m_end = End::Reset;
        else
            m_end = End::Eof;
        return {};
    }

    void onMessage(protocol::MessageType type, QByteArrayView payload, int) override
    {
        m_frames.append({type == protocol::MessageType::Text ? protocol::Opcode::Text
                                                             : protocol::Opcode::Binary,
                         payload.toByteArray()});
    }
    void onControl(protocol::Opcode opcode, QByteArrayView payload) override
    {
        m_frames.append({opcode, payload.toByteArray()});
    }
    void onProtocolError(quint16, const QString &) override {}

    int m_fd = -1;
    End m_end = End::StillOpen;
    protocol::FrameParser m_parser{protocol::Role::Client};
    std::unique_ptr<protocol::MessageDeflater> m_deflater; // deflate agreed
    QList<PeerFrame> m_frames;
};

} // namespace closecall::test
