// The load generator's client side: one epoll loop's handlers that connect,
// upgrade, keep messages in flight, parse the echoed frames and close.
#include "loadgen.h"

namespace loadgen {

// Client frame: FIN, opcode, MASK bit, length, the fixed key, masked payload.
std::string buildFrame(uint8_t opcode, const std::string &payload, uint8_t rsv)
{
    std::string f;
    const uint64_t n = payload.size();
    f.push_back(char(0x80 | rsv | opcode));
    if (n < 126) {
        f.push_back(char(0x80 | n));
    } else if (n <= 0xffff) {
        f.push_back(char(0x80 | 126));
        f.push_back(char(n >> 8));
        f.push_back(char(n & 0xff));
    } else {
        f.push_back(char(0x80 | 127));
        for (int s = 56; s >= 0; s -= 8)
            f.push_back(char((n >> s) & 0xff));
    }
    for (const uint8_t k : kMaskKey)
        f.push_back(char(k));
    const size_t start = f.size();
    f.resize(start + n);
    for (uint64_t i = 0; i < n; ++i)
        f[start + i] = char(uint8_t(payload[i]) ^ kMaskKey[i & 3]);
    return f;
}

void LoadGen::fail(uint64_t &counter, const char *what, int err)
{
    ++counter;
    if (m_firstError.empty()) {
        m_firstError = what;
        if (err) {
            m_firstError += ": ";
            m_firstError += std::strerror(err);
        }
    }
}

void LoadGen::setEvents(size_t slot, bool out)
{
    Conn &c = m_conns[slot];
    if (c.wantOut == out)
        return;
    epoll_event ev{};
    ev.events = EPOLLIN | (out ? EPOLLOUT : 0u);
    ev.data.u64 = token(slot);
    epoll_ctl(m_ep, EPOLL_CTL_MOD, c.fd, &ev);
    c.wantOut = out;
}

bool LoadGen::openConn(size_t slot)
{
    Conn &c = m_conns[slot];
    const uint32_t gen = c.gen + 1;
    c = Conn{};
    c.gen = gen;
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        fail(m_connectFailed, "socket", errno);
        c.st = St::Dead;
        return false;
    }
    const int one = 1;
    // Echo mode writes small frames while earlier ones are unacknowledged;
    // the other modes write one small request per round trip, which Nagle
    // never delays, so they save the syscall.
    if (m_o.mode == Mode::Echo)
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // Every close is an RST: no TIME_WAIT on either side, ports reused at once.
    const linger lg{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    if (m_o.srcAddrs > 1) {
        // 127.0.0.1 .. 127.0.0.M as source addresses multiply the 4-tuples
        // available; the port is picked at connect() time, not at bind().
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in src{};
        src.sin_family = AF_INET;
        src.sin_addr.s_addr = htonl(0x7f000001u + uint32_t(m_srcCounter++ % m_o.srcAddrs));
        if (bind(fd, reinterpret_cast<sockaddr *>(&src), sizeof src) != 0) {
            fail(m_connectFailed, "bind", errno);
            ::close(fd);
            c.st = St::Dead;
            return false;
        }
    }
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(m_o.port);
    inet_pton(AF_INET, m_o.host.c_str(), &dst.sin_addr);
    c.fd = fd;
    c.started = now();
    if (connect(fd, reinterpret_cast<sockaddr *>(&dst), sizeof dst) != 0 && errno != EINPROGRESS) {
        fail(m_connectFailed, "connect", errno);
        ::close(fd);
        c.fd = -1;
        c.st = St::Dead;
        return false;
    }
    // On loopback the TCP handshake has usually completed by now: send the
    // upgrade request at once and skip the wait for EPOLLOUT. A socket still
    // connecting refuses with EAGAIN (or ENOTCONN), and we wait as usual.
    const ssize_t w = ::send(fd, m_request.data(), m_request.size(), MSG_NOSIGNAL);
    const bool sent = w == ssize_t(m_request.size());
    if (!sent && !(w < 0 && (errno == EAGAIN || errno == ENOTCONN))) {
        fail(m_connectFailed, w < 0 ? "connect" : "sending the upgrade request", w < 0 ? errno : 0);
        ::close(fd);
        c.fd = -1;
        c.st = St::Dead;
        return false;
    }
    c.st = sent ? St::Handshaking : St::Connecting;
    c.wantOut = !sent;
    epoll_event ev{};
    ev.events = EPOLLIN | (sent ? 0u : EPOLLOUT);
    ev.data.u64 = token(slot);
    epoll_ctl(m_ep, EPOLL_CTL_ADD, fd, &ev);
    ++m_inProgress;
    return true;
}

void LoadGen::closeConn(size_t slot, bool failed)
{
    Conn &c = m_conns[slot];
    if (c.fd >= 0)
        ::close(c.fd); // SO_LINGER 0: RST
    if (c.st == St::Open)
        --m_open;
    else if (c.st == St::Connecting || c.st == St::Handshaking || c.st == St::Closing)
        --m_inProgress;
    c.fd = -1;
    c.st = failed ? St::Dead : St::Free;
    std::string().swap(c.hs);
    afterClose(slot);
}

void LoadGen::afterClose(size_t slot)
{
    if (m_o.mode == Mode::Accept) {
        if (m_running && !openConn(slot))
            ++m_freeSlots;
    } else {
        fillPipeline();
    }
}

void LoadGen::fillPipeline()
{
    // Bounded by the number of connections still to open.
    while (m_running && m_nextToOpen < m_o.conns && m_inProgress < m_o.concurrency)
        openConn(size_t(m_nextToOpen++));
}

void LoadGen::onEvent(size_t slot, uint32_t events)
{
    Conn &c = m_conns[slot];
    if (c.st == St::Connecting) {
        onConnected(slot);
        return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
        onReadable(slot);
    if (c.fd >= 0 && (events & EPOLLOUT) && c.st == St::Open) {
        if (flush(slot))
            setEvents(slot, c.outPending > 0);
    }
}

void LoadGen::onConnected(size_t slot)
{
    Conn &c = m_conns[slot];
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
        fail(m_connectFailed, "connect", err);
        closeConn(slot, true);
        return;
    }
    const ssize_t w = ::send(c.fd, m_request.data(), m_request.size(), MSG_NOSIGNAL);
    if (w != ssize_t(m_request.size())) {
        fail(m_handshakeFailed, "sending the upgrade request", w < 0 ? errno : 0);
        closeConn(slot, true);
        return;
    }
    c.st = St::Handshaking;
    c.started = now();
    setEvents(slot, false);
}

void LoadGen::onReadable(size_t slot)
{
    Conn &c = m_conns[slot];
    const ssize_t n = ::read(c.fd, m_buf.data(), m_buf.size());
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        if (c.st == St::Handshaking)
            fail(m_handshakeFailed,
                 n == 0 ? "server closed during the upgrade" : "reading the upgrade response",
                 n < 0 ? errno : 0);
        else
            fail(m_serverClosed, n == 0 ? "server closed the connection" : "read",
                 n < 0 ? errno : 0);
        closeConn(slot, true);
        return;
    }
    ++m_c.reads;
    if (c.st == St::Handshaking) {
        onHandshakeData(slot, m_buf.data(), size_t(n));
        return;
    }
    if (!parse(slot, m_buf.data(), size_t(n)))
        return;
    if (c.st == St::Open && c.outPending > 0 && flush(slot))
        setEvents(slot, c.outPending > 0);
}

void LoadGen::onHandshakeData(size_t slot, const char *data, size_t n)
{
    Conn &c = m_conns[slot];
    c.hs.append(data, n);
    const size_t end = c.hs.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (c.hs.size() > kMaxHandshakeResponse) {
            fail(m_handshakeFailed, "upgrade response too long");
            closeConn(slot, true);
        }
        return;
    }
    // Status line "HTTP/1.1 101 ..." and a Sec-WebSocket-Accept header (name
    // case-insensitive, RFC 7230 §3.2) carrying the value for our fixed key.
    const std::string_view head(c.hs.data(), end + 2);
    bool ok = head.substr(0, 13) == "HTTP/1.1 101 " || head.substr(0, 14) == "HTTP/1.1 101\r\n";
    bool acceptOk = false;
    bool deflateOk = !m_o.deflate;
    size_t pos = head.find("\r\n");
    for (int lines = 0; ok && pos != std::string_view::npos && lines < 200; ++lines) {
        const size_t lineStart = pos + 2;
        const size_t lineEnd = head.find("\r\n", lineStart);
        if (lineEnd == std::string_view::npos)
            break;
        const std::string_view line = head.substr(lineStart, lineEnd - lineStart);
        const size_t colon = line.find(':');
        if (colon != std::string_view::npos) {
            const std::string_view name = line.substr(0, colon);
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
                value.remove_prefix(1);
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
                value.remove_suffix(1);
            constexpr std::string_view want = "sec-websocket-accept";
            if (name.size() == want.size() &&
                std::equal(name.begin(), name.end(), want.begin(), [](char a, char b) {
                    return std::tolower(static_cast<unsigned char>(a)) == b;
                }))
                acceptOk = value == kWsAccept;
            constexpr std::string_view ext = "sec-websocket-extensions";
            if (name.size() == ext.size() &&
                std::equal(name.begin(), name.end(), ext.begin(), [](char a, char b) {
                    return std::tolower(static_cast<unsigned char>(a)) == b;
                }))
                deflateOk = value.substr(0, 18) == "permessage-deflate";
        }
        pos = lineEnd;
    }
    if (!ok || !acceptOk || !deflateOk) {
        fail(m_handshakeFailed, !ok         ? "upgrade refused (no 101)"
                                : !acceptOk ? "101 without the right Sec-WebSocket-Accept"
                                            : "the server declined permessage-deflate");
        if (m_firstError.size() < 200 && m_handshakeFailed == 1) {
            const std::string_view firstLine = head.substr(0, head.find("\r\n"));
            m_firstError += ": ";
            m_firstError.append(firstLine.substr(0, 80));
        }
        closeConn(slot, true);
        return;
    }
    std::string leftover = c.hs.substr(end + 4);
    std::string().swap(c.hs);
    c.st = St::Open;
    --m_inProgress;
    ++m_open;
    ++m_opened;
    ++m_c.handshakes;
    onOpen(slot);
    if (!leftover.empty() && c.fd >= 0 && (c.st == St::Open || c.st == St::Closing))
        parse(slot, leftover.data(), leftover.size());
}

void LoadGen::onOpen(size_t slot)
{
    Conn &c = m_conns[slot];
    switch (m_o.mode) {
    case Mode::Echo:
        c.inflight = m_o.inflight;
        c.outPending = m_o.inflight * m_frameSize;
        if (flush(slot))
            setEvents(slot, c.outPending > 0);
        break;
    case Mode::Accept:
        if (m_o.close == CloseMode::Rst) {
            --m_open;
            c.st = St::Free;
            ::close(c.fd);
            c.fd = -1;
            afterClose(slot);
            return;
        }
        if (::send(c.fd, m_closeFrame.data(), m_closeFrame.size(), MSG_NOSIGNAL) !=
            ssize_t(m_closeFrame.size())) {
            fail(m_serverClosed, "sending Close", errno);
            closeConn(slot, true);
            return;
        }
        --m_open;
        ++m_inProgress;
        c.st = St::Closing;
        c.started = now();
        break;
    case Mode::Idle:
        fillPipeline();
        break;
    }
    if (m_o.mode == Mode::Echo)
        fillPipeline();
}

// Sends as much of the pending byte stream as the socket takes. The stream is
// the same frame over and over (--deflate: a cycle of distinct frames of one
// size), so it is always a contiguous slice of the template starting at
// outPhase. Returns false if the connection was closed.
bool LoadGen::flush(size_t slot)
{
    Conn &c = m_conns[slot];
    for (int i = 0; i < 64 && c.outPending > 0; ++i) {
        const uint64_t avail = m_template.size() - c.outPhase;
        const size_t len = size_t(std::min<uint64_t>(c.outPending, avail));
        const ssize_t w = ::send(c.fd, m_template.data() + c.outPhase, len, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return true;
            fail(m_serverClosed, "send", errno);
            closeConn(slot, true);
            return false;
        }
        c.outPending -= uint64_t(w);
        c.outPhase = (c.outPhase + uint64_t(w)) % m_cycleSize;
        if (size_t(w) < len)
            return true;
    }
    return true;
}

// Server frames: unmasked (RFC 6455 §5.1), possibly fragmented (Qt sends big
// messages in 512 KiB frames). Returns false if the connection was closed.
bool LoadGen::parse(size_t slot, const char *data, size_t n)
{
    Conn &c = m_conns[slot];
    size_t pos = 0;
    // Each turn consumes at least one byte, so n turns at most.
    while (pos < n) {
        if (c.remaining > 0) {
            const size_t take = size_t(std::min<uint64_t>(c.remaining, n - pos));
            if (c.opcode <= OpBinary) {
                if (m_o.verify && m_o.mode == Mode::Echo &&
                    (c.msgOffset + take > m_payload.size() ||
                     std::memcmp(data + pos, m_payload.data() + c.msgOffset, take) != 0))
                    fail(m_verifyErrors, "echoed payload differs from what was sent");
                c.msgOffset += take;
                m_c.wireBytes += take;
                if (!m_o.deflate)
                    m_c.bytes += take;
            }
            pos += take;
            c.remaining -= take;
            if (c.remaining == 0 && !finishFrame(slot))
                return false;
            continue;
        }
        // Collect a header: 2 bytes, then 0/2/8 bytes of length, 0/4 of mask.
        c.hdr[c.hdrLen++] = uint8_t(data[pos++]);
        if (c.hdrLen < 2)
            continue;
        const uint8_t len7 = c.hdr[1] & 0x7f;
        const bool masked = c.hdr[1] & 0x80;
        const size_t need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (masked ? 4 : 0);
        while (c.hdrLen < need && pos < n)
            c.hdr[c.hdrLen++] = uint8_t(data[pos++]);
        if (c.hdrLen < need)
            break;
        // Under --deflate RSV1 marks a compressed message's first frame.
        const bool compressedStart =
            m_o.deflate && (c.hdr[0] & 0x0f) != OpContinuation && (c.hdr[0] & 0x0f) <= OpBinary;
        if (masked || (c.hdr[0] & (compressedStart ? 0x30 : 0x70))) {
            fail(m_protocolErrors, "server frame masked or with RSV bits set");
            closeConn(slot, true);
            return false;
        }
        uint64_t len = len7;
        if (len7 == 126)
            len = (uint64_t(c.hdr[2]) << 8) | c.hdr[3];
        else if (len7 == 127) {
            len = 0;
            for (int i = 2; i < 10; ++i)
                len = (len << 8) | c.hdr[i];
        }
        c.fin = c.hdr[0] & 0x80;
        c.opcode = c.hdr[0] & 0x0f;
        c.hdrLen = 0;
        c.remaining = len;
        if (c.opcode <= OpBinary) {
            const bool first = c.msgOffset == 0 && c.msgOpcode == 0;
            if ((c.opcode == OpContinuation) == first) {
                fail(m_protocolErrors, "bad fragmentation from the server");
                closeConn(slot, true);
                return false;
            }
            if (first)
                c.msgOpcode = c.opcode;
        } else if (c.opcode != OpClose && c.opcode != OpPing && c.opcode != OpPong) {
            fail(m_protocolErrors, "unknown opcode from the server");
            closeConn(slot, true);
            return false;
        }
        if (len == 0 && !finishFrame(slot))
            return false;
    }
    return true;
}

bool LoadGen::finishFrame(size_t slot)
{
    Conn &c = m_conns[slot];
    if (c.opcode <= OpBinary) {
        if (!c.fin)
            return true;
        ++m_c.msgs;
        if (m_o.deflate)
            m_c.bytes += m_o.size; // what it inflates to: the message we sent
        if (m_o.verify && m_o.mode == Mode::Echo &&
            (c.msgOffset != m_payload.size() || c.msgOpcode != m_dataOpcode))
            fail(m_verifyErrors, "echoed message differs in size or type");
        c.msgOffset = 0;
        c.msgOpcode = 0;
        if (m_o.mode == Mode::Echo && c.st == St::Open) {
            // One message back, one more out: K stay in flight. The frames
            // queued while parsing one read go out in one send().
            c.outPending += m_frameSize;
        }
        return true;
    }
    if (c.opcode == OpClose) {
        if (c.st == St::Closing) {
            ++m_c.closes;
            closeConn(slot, false);
        } else {
            fail(m_serverClosed, "server sent Close");
            closeConn(slot, true);
        }
        return false;
    }
    if (c.opcode == OpPing)
        ++m_pings; // not expected from an echo server; not answered
    return true;
}

void LoadGen::checkTimeouts(double t)
{
    for (size_t i = 0; i < m_conns.size(); ++i) {
        Conn &c = m_conns[i];
        if ((c.st == St::Connecting || c.st == St::Handshaking || c.st == St::Closing) &&
            t - c.started > m_o.stepTimeout) {
            fail(m_timeouts, c.st == St::Connecting    ? "connect timed out"
                             : c.st == St::Handshaking ? "upgrade timed out"
                                                       : "server's Close timed out");
            closeConn(i, true);
        }
    }
}

} // namespace loadgen
