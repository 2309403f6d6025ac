// WebSocket load generator for the echo benchmark (tests/bench/README.md).
//
// Raw POSIX sockets and one single-threaded epoll loop; no WebSocket
// library, no Qt, no code shared with any server under test. The client
// side of RFC 6455 it needs is small enough to write here:
//  - the upgrade request uses the fixed Sec-WebSocket-Key of RFC 6455 §1.3,
//    so the expected Sec-WebSocket-Accept is a constant and no SHA-1 is needed;
//  - every frame we send is masked (RFC 6455 §5.3) with one fixed non-zero
//    key, so a message is built and masked once and then only copied (the
//    server still unmasks every byte, as with any client);
//  - received frames are parsed header by header and their payloads skipped
//    (or compared with what we sent, with --verify) straight out of one shared
//    read buffer: a connection owns no buffer of its own once it is open.
//
// Modes (one JSON line on stdout per run):
//  echo    N connections, each keeping K messages of S bytes in flight; counts
//          echoed messages and payload bytes received during D seconds after a
//          warm-up.
//  accept  C connections at a time: connect, upgrade, close, again; counts
//          completed handshakes (a validated 101) per second. Close is a Close
//          frame, then an RST once the server's Close arrives (--close frame,
//          default) or an RST straight after the 101 (--close rst). Every
//          socket has SO_LINGER 0, so no close leaves TIME_WAIT behind and the
//          ephemeral ports of loopback are not exhausted.
//  idle    opens N connections (at most C handshakes at a time), prints a
//          {"phase":"holding"} line, holds them until SIGTERM/SIGINT or --hold
//          seconds, then prints its result. The runner reads the server's RSS
//          while they are held.
//
// Loopback only: the target address must be in 127.0.0.0/8. Every loop is
// bounded in time (deadlines) and in count (iteration caps).

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

// RFC 6455 §1.3's example key and its accept value.
constexpr std::string_view kWsKey = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr std::string_view kWsAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
constexpr uint8_t kMaskKey[4] = {0x37, 0xfa, 0x21, 0x3d}; // RFC 6455 §5.7's key

constexpr uint8_t OpContinuation = 0x0;
constexpr uint8_t OpText = 0x1;
constexpr uint8_t OpBinary = 0x2;
constexpr uint8_t OpClose = 0x8;
constexpr uint8_t OpPing = 0x9;
constexpr uint8_t OpPong = 0xA;

constexpr size_t kReadBufferSize = 1 << 20;
constexpr size_t kMaxHandshakeResponse = 16 * 1024;
constexpr int kMaxEvents = 256;
constexpr uint64_t kSignalToken = ~uint64_t(0);
// Upper bound on event-loop turns of one run (time is the real bound; this
// one only guarantees termination if the clock misbehaves).
constexpr uint64_t kMaxLoopTurns = 2'000'000'000ULL;

double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

// user+system CPU seconds of another process (the server), from
// /proc/PID/stat fields 14 and 15; -1 if unreadable.
double processCpuSeconds(long pid)
{
    if (pid <= 0)
        return -1;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = std::fopen(path, "r");
    if (!f)
        return -1;
    char line[1024];
    const size_t n = std::fread(line, 1, sizeof line - 1, f);
    std::fclose(f);
    line[n] = 0;
    const char *p = std::strrchr(line, ')'); // the command name may hold spaces
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    if (!p || std::sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
                          &stime) != 2)
        return -1;
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

double now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

enum class Mode { Echo, Accept, Idle };
enum class CloseMode { Frame, Rst };

struct Options
{
    Mode mode = Mode::Echo;
    std::string host = "127.0.0.1";
    uint16_t port = 0;
    uint64_t conns = 100;
    uint64_t size = 64;
    bool binary = false;
    uint64_t inflight = 8;
    double duration = 5.0;
    double warmup = 1.0;
    uint64_t concurrency = 32;
    uint64_t srcAddrs = 1;
    CloseMode close = CloseMode::Frame;
    double hold = 60.0;
    double connectTimeout = 30.0; // to open all connections (echo, idle)
    double stepTimeout = 5.0;     // one connect, upgrade or close handshake
    bool verify = false;
    long serverPid = 0; // report this process's CPU time over the measured window
    std::string label;
};

[[noreturn]] void usage(const std::string &why)
{
    if (!why.empty())
        std::fprintf(stderr, "loadgen: %s\n", why.c_str());
    std::fprintf(
        stderr,
        "usage: loadgen --port PORT [--host 127.0.0.1] [--mode echo|accept|idle]\n"
        "  echo:   [--conns 100] [--size 64|16K|16M] [--type text|binary]\n"
        "          [--inflight 8] [--duration 5] [--warmup 1] [--verify]\n"
        "  accept: [--concurrency 32] [--close frame|rst] [--src-addrs 1]\n"
        "          [--duration 5] [--warmup 1]\n"
        "  idle:   [--conns 10000] [--concurrency 32] [--hold 60] [--src-addrs 1]\n"
        "  common: [--connect-timeout 30] [--step-timeout 5] [--label NAME] [--server-pid PID]\n");
    std::exit(2);
}

uint64_t parseCount(const char *name, const char *s)
{
    char *end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(s, &end, 10);
    uint64_t mult = 1;
    if (end && *end) {
        if ((end[0] == 'K' || end[0] == 'k') && !end[1])
            mult = 1024;
        else if ((end[0] == 'M' || end[0] == 'm') && !end[1])
            mult = 1024 * 1024;
        else
            usage(std::string(name) + ": '" + s + "' is not a count (digits, optional K or M)");
    }
    if (errno || end == s || *s == '-')
        usage(std::string(name) + ": '" + s + "' is not a count");
    return uint64_t(v) * mult;
}

double parseSeconds(const char *name, const char *s)
{
    char *end = nullptr;
    const double v = std::strtod(s, &end);
    if (end == s || *end || !std::isfinite(v) || v < 0 || v > 3600)
        usage(std::string(name) + ": '" + s + "' is not a number of seconds in 0..3600");
    return v;
}

Options parseOptions(int argc, char **argv)
{
    Options o;
    bool connsSet = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--verify") {
            o.verify = true;
            continue;
        }
        if (a == "--help" || a == "-h")
            usage({});
        if (i + 1 >= argc)
            usage(std::string(a) + " needs a value");
        const char *v = argv[++i];
        const std::string_view sv = v;
        if (a == "--mode") {
            if (sv == "echo")
                o.mode = Mode::Echo;
            else if (sv == "accept")
                o.mode = Mode::Accept;
            else if (sv == "idle")
                o.mode = Mode::Idle;
            else
                usage("--mode: '" + std::string(sv) + "' is not echo, accept or idle");
        } else if (a == "--host") {
            o.host = v;
        } else if (a == "--port") {
            const uint64_t p = parseCount("--port", v);
            if (p == 0 || p > 65535)
                usage("--port: must be 1..65535");
            o.port = uint16_t(p);
        } else if (a == "--conns") {
            o.conns = parseCount("--conns", v);
            connsSet = true;
        } else if (a == "--size") {
            o.size = parseCount("--size", v);
        } else if (a == "--type") {
            if (sv == "text")
                o.binary = false;
            else if (sv == "binary")
                o.binary = true;
            else
                usage("--type: '" + std::string(sv) + "' is not text or binary");
        } else if (a == "--inflight") {
            o.inflight = parseCount("--inflight", v);
        } else if (a == "--duration") {
            o.duration = parseSeconds("--duration", v);
        } else if (a == "--warmup") {
            o.warmup = parseSeconds("--warmup", v);
        } else if (a == "--concurrency") {
            o.concurrency = parseCount("--concurrency", v);
        } else if (a == "--src-addrs") {
            o.srcAddrs = parseCount("--src-addrs", v);
        } else if (a == "--close") {
            if (sv == "frame")
                o.close = CloseMode::Frame;
            else if (sv == "rst")
                o.close = CloseMode::Rst;
            else
                usage("--close: '" + std::string(sv) + "' is not frame or rst");
        } else if (a == "--hold") {
            o.hold = parseSeconds("--hold", v);
        } else if (a == "--connect-timeout") {
            o.connectTimeout = parseSeconds("--connect-timeout", v);
        } else if (a == "--step-timeout") {
            o.stepTimeout = parseSeconds("--step-timeout", v);
        } else if (a == "--server-pid") {
            o.serverPid = long(parseCount("--server-pid", v));
        } else if (a == "--label") {
            o.label = v;
        } else {
            usage("unknown option " + std::string(a));
        }
    }
    if (o.port == 0)
        usage("--port is required");
    if (o.mode == Mode::Idle && !connsSet)
        o.conns = 10000;
    if (o.conns == 0 || o.conns > 1'000'000)
        usage("--conns: must be 1..1000000");
    if (o.size > (uint64_t(1) << 30))
        usage("--size: at most 1 GiB");
    if (o.inflight == 0 || o.inflight > 4096)
        usage("--inflight: must be 1..4096");
    if (o.concurrency == 0 || o.concurrency > 65536)
        usage("--concurrency: must be 1..65536");
    if (o.srcAddrs == 0 || o.srcAddrs > 254)
        usage("--src-addrs: must be 1..254");
    for (const char c : o.label) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            usage("--label: letters, digits, '-', '_' and '.' only");
    }
    return o;
}

// Client frame: FIN, opcode, MASK bit, length, the fixed key, masked payload.
std::string buildFrame(uint8_t opcode, const std::string &payload)
{
    std::string f;
    const uint64_t n = payload.size();
    f.push_back(char(0x80 | opcode));
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

enum class St : uint8_t { Free, Connecting, Handshaking, Open, Closing, Dead };

struct Conn
{
    int fd = -1;
    uint32_t gen = 0;
    St st = St::Free;
    bool wantOut = false; // EPOLLOUT is registered
    uint8_t hdrLen = 0;   // header bytes collected for the next frame
    uint8_t opcode = 0;   // of the frame whose payload is arriving
    bool fin = false;
    uint8_t msgOpcode = 0; // first frame's opcode of the message being received
    uint8_t hdr[14] = {};
    uint64_t remaining = 0; // payload bytes of the current frame still to come
    uint64_t msgOffset = 0; // payload bytes of the current message so far
    uint64_t outPending = 0;
    uint64_t outPhase = 0; // offset of the next byte to send within one frame
    uint64_t inflight = 0;
    double started = 0; // when the current step (connect/upgrade/close) began
    std::string hs;     // the 101 as it arrives; empty once open
};

struct Counters
{
    uint64_t msgs = 0;       // complete data messages received
    uint64_t bytes = 0;      // data payload bytes received
    uint64_t handshakes = 0; // validated 101s
    uint64_t closes = 0;     // Close handshakes completed (accept --close frame)
    uint64_t reads = 0;      // read() calls that returned data (server write batching)
    double cpu = 0;          // our own user+system CPU seconds
    double serverCpu = 0;    // the server's (--server-pid), -1 if unknown
};

class LoadGen
{
public:
    explicit LoadGen(Options o)
        : m_o(std::move(o))
    {}

    int run();

private:
    uint64_t token(size_t slot) const { return (uint64_t(m_conns[slot].gen) << 32) | slot; }
    void setEvents(size_t slot, bool out);
    bool openConn(size_t slot);
    void closeConn(size_t slot, bool failed);
    void afterClose(size_t slot);
    void onEvent(size_t slot, uint32_t events);
    void onConnected(size_t slot);
    void onReadable(size_t slot);
    void onHandshakeData(size_t slot, const char *data, size_t n);
    void onOpen(size_t slot);
    bool parse(size_t slot, const char *data, size_t n);
    bool finishFrame(size_t slot);
    bool flush(size_t slot);
    void fillPipeline();
    void checkTimeouts(double t);
    void printResult(double t0, double t1, const Counters &c0, const Counters &c1,
                     bool interrupted);
    void fail(uint64_t &counter, const char *what, int err = 0);

    Options m_o;
    int m_ep = -1;
    int m_sigfd = -1;
    std::vector<Conn> m_conns;
    std::string m_request;
    std::string m_payload;  // unmasked, for --verify
    std::string m_template; // R masked frames back to back
    uint64_t m_frameSize = 0;
    std::string m_closeFrame;
    std::vector<char> m_buf;
    uint8_t m_dataOpcode = OpText;

    Counters m_c;
    bool m_running = true;     // accept mode keeps replacing connections while true
    uint64_t m_nextToOpen = 0; // echo/idle: index of the next connection to start
    uint64_t m_inProgress = 0; // connecting, upgrading or closing
    uint64_t m_open = 0;       // currently open
    uint64_t m_opened = 0;     // ever opened
    uint64_t m_freeSlots = 0;  // accept mode: slots waiting to be refilled
    uint64_t m_srcCounter = 0;

    uint64_t m_connectFailed = 0;
    uint64_t m_handshakeFailed = 0;
    uint64_t m_serverClosed = 0;
    uint64_t m_protocolErrors = 0;
    uint64_t m_verifyErrors = 0;
    uint64_t m_timeouts = 0;
    uint64_t m_pings = 0;
    std::string m_firstError;
};

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
        }
        pos = lineEnd;
    }
    if (!ok || !acceptOk) {
        fail(m_handshakeFailed,
             ok ? "101 without the right Sec-WebSocket-Accept" : "upgrade refused (no 101)");
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
// the same frame over and over, so it is always a contiguous slice of the
// template starting at outPhase. Returns false if the connection was closed.
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
        c.outPhase = (c.outPhase + uint64_t(w)) % m_frameSize;
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
        if (masked || (c.hdr[0] & 0x70)) {
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

void LoadGen::printResult(double t0, double t1, const Counters &c0, const Counters &c1,
                          bool interrupted)
{
    const double secs = t1 > t0 ? t1 - t0 : 0;
    const auto rate = [secs](uint64_t v) {
        return secs > 0 ? double(v) / secs : 0.0;
    };
    const uint64_t errors = m_connectFailed + m_handshakeFailed + m_serverClosed +
                            m_protocolErrors + m_verifyErrors + m_timeouts;
    const char *mode = m_o.mode == Mode::Echo     ? "echo"
                       : m_o.mode == Mode::Accept ? "accept"
                                                  : "idle";
    std::string err;
    for (const char ch : m_firstError) {
        if (ch == '"' || ch == '\\')
            err.push_back('\\');
        if (static_cast<unsigned char>(ch) >= 0x20)
            err.push_back(ch);
    }
    std::printf("{\"mode\":\"%s\",\"label\":\"%s\",\"port\":%u", mode, m_o.label.c_str(),
                unsigned(m_o.port));
    switch (m_o.mode) {
    case Mode::Echo:
        std::printf(",\"conns\":%llu,\"size\":%llu,\"type\":\"%s\",\"inflight\":%llu,"
                    "\"opened\":%llu,\"seconds\":%.4f,\"msgs\":%llu,\"bytes\":%llu,"
                    "\"msgs_per_s\":%.1f,\"bytes_per_s\":%.1f,\"reads\":%llu,"
                    "\"bytes_per_read\":%.1f,\"verify\":%s",
                    (unsigned long long)m_o.conns, (unsigned long long)m_o.size,
                    m_o.binary ? "binary" : "text", (unsigned long long)m_o.inflight,
                    (unsigned long long)m_opened, secs, (unsigned long long)(c1.msgs - c0.msgs),
                    (unsigned long long)(c1.bytes - c0.bytes), rate(c1.msgs - c0.msgs),
                    rate(c1.bytes - c0.bytes), (unsigned long long)(c1.reads - c0.reads),
                    c1.reads > c0.reads ? double(c1.bytes - c0.bytes) / double(c1.reads - c0.reads)
                                        : 0.0,
                    m_o.verify ? "true" : "false");
        break;
    case Mode::Accept:
        std::printf(
            ",\"concurrency\":%llu,\"close\":\"%s\",\"src_addrs\":%llu,\"seconds\":%.4f,"
            "\"handshakes\":%llu,\"closes\":%llu,\"accepts_per_s\":%.1f",
            (unsigned long long)m_o.concurrency, m_o.close == CloseMode::Frame ? "frame" : "rst",
            (unsigned long long)m_o.srcAddrs, secs,
            (unsigned long long)(c1.handshakes - c0.handshakes),
            (unsigned long long)(c1.closes - c0.closes), rate(c1.handshakes - c0.handshakes));
        break;
    case Mode::Idle:
        std::printf(",\"conns\":%llu,\"opened\":%llu,\"open_at_end\":%llu,\"open_seconds\":%.4f",
                    (unsigned long long)m_o.conns, (unsigned long long)m_opened,
                    (unsigned long long)m_open, secs);
        break;
    }
    std::printf(",\"connect_failed\":%llu,\"handshake_failed\":%llu,\"server_closed\":%llu,"
                "\"protocol_errors\":%llu,\"verify_errors\":%llu,\"timeouts\":%llu,"
                "\"pings\":%llu,\"loadgen_cpu_s\":%.3f,\"server_cpu_s\":%.3f,\"errors\":%llu,"
                "\"first_error\":\"%s\","
                "\"interrupted\":%s}\n",
                (unsigned long long)m_connectFailed, (unsigned long long)m_handshakeFailed,
                (unsigned long long)m_serverClosed, (unsigned long long)m_protocolErrors,
                (unsigned long long)m_verifyErrors, (unsigned long long)m_timeouts,
                (unsigned long long)m_pings, c1.cpu - c0.cpu,
                (m_o.serverPid > 0 && c0.serverCpu >= 0 && c1.serverCpu >= 0)
                    ? c1.serverCpu - c0.serverCpu
                    : -1.0,
                (unsigned long long)errors, err.c_str(), interrupted ? "true" : "false");
    std::fflush(stdout);
}

int LoadGen::run()
{
    in_addr a{};
    if (inet_pton(AF_INET, m_o.host.c_str(), &a) != 1 || (ntohl(a.s_addr) >> 24) != 127) {
        std::fprintf(stderr, "loadgen: --host must be a loopback IPv4 address (127.x.x.x)\n");
        return 2;
    }

    // Idle mode holds 10,000+ sockets: take the whole hard limit.
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    getrlimit(RLIMIT_NOFILE, &rl);
    const uint64_t slots = m_o.mode == Mode::Accept ? m_o.concurrency : m_o.conns;
    if (slots + 16 > rl.rlim_cur) {
        std::fprintf(stderr,
                     "loadgen: %llu sockets needed but RLIMIT_NOFILE is %llu (hard limit "
                     "%llu); raise the hard limit (ulimit -Hn) or ask for fewer\n",
                     (unsigned long long)slots, (unsigned long long)rl.rlim_cur,
                     (unsigned long long)rl.rlim_max);
        return 2;
    }

    m_request = "GET / HTTP/1.1\r\nHost: " + m_o.host + ":" + std::to_string(m_o.port) +
                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " +
                std::string(kWsKey) +
                "\r\nSec-WebSocket-Version: 13\r\nUser-Agent: closecall-loadgen\r\n\r\n";
    m_dataOpcode = m_o.binary ? OpBinary : OpText;
    m_payload.resize(m_o.size);
    uint32_t x = 0x9e3779b9u;
    for (uint64_t i = 0; i < m_o.size; ++i) {
        if (m_o.binary) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            m_payload[i] = char(x & 0xff);
        } else {
            m_payload[i] = char('a' + i % 26);
        }
    }
    const std::string frame = buildFrame(m_dataOpcode, m_payload);
    m_frameSize = frame.size();
    // Enough copies that K frames from any phase are one contiguous slice,
    // within 256 KiB (a 16 MiB frame is sent from a single copy).
    const uint64_t copies = std::clamp<uint64_t>((256 * 1024) / m_frameSize, 1, m_o.inflight + 1);
    m_template.reserve(copies * m_frameSize);
    for (uint64_t i = 0; i < copies; ++i)
        m_template += frame;
    if (m_o.mode != Mode::Echo || !m_o.verify)
        std::string().swap(m_payload);
    m_closeFrame = buildFrame(OpClose, std::string("\x03\xe8", 2)); // 1000
    m_buf.resize(kReadBufferSize);

    signal(SIGPIPE, SIG_IGN);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    m_sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    m_ep = epoll_create1(EPOLL_CLOEXEC);
    if (m_ep < 0 || m_sigfd < 0) {
        std::perror("loadgen: epoll/signalfd");
        return 1;
    }
    epoll_event sev{};
    sev.events = EPOLLIN;
    sev.data.u64 = kSignalToken;
    epoll_ctl(m_ep, EPOLL_CTL_ADD, m_sigfd, &sev);

    m_conns.resize(size_t(slots));

    enum class Phase { Connecting, Warmup, Measuring, Holding, Done };
    Phase phase = Phase::Connecting;
    const double tStart = now();
    double phaseEnd = tStart + m_o.connectTimeout;
    double t0 = tStart;
    double t1 = tStart;
    Counters c0;
    Counters c1;
    bool interrupted = false;

    if (m_o.mode == Mode::Accept) {
        for (size_t i = 0; i < slots; ++i)
            if (!openConn(i))
                ++m_freeSlots;
        phase = Phase::Warmup;
        phaseEnd = tStart + m_o.warmup;
    } else {
        fillPipeline();
    }

    epoll_event events[kMaxEvents];
    double nextTimeoutScan = tStart + 0.25;
    for (uint64_t turn = 0; turn < kMaxLoopTurns && phase != Phase::Done; ++turn) {
        double t = now();
        const int waitMs = int(std::clamp(std::ceil((phaseEnd - t) * 1000.0), 0.0, 50.0));
        const int n = epoll_wait(m_ep, events, kMaxEvents, waitMs);
        for (int i = 0; i < n; ++i) {
            const uint64_t tok = events[i].data.u64;
            if (tok == kSignalToken) {
                signalfd_siginfo si{};
                while (::read(m_sigfd, &si, sizeof si) == ssize_t(sizeof si)) {
                }
                interrupted = phase != Phase::Holding;
                phaseEnd = 0;
                continue;
            }
            const size_t slot = size_t(tok & 0xffffffffu);
            if (slot >= m_conns.size() || m_conns[slot].gen != uint32_t(tok >> 32) ||
                m_conns[slot].fd < 0)
                continue; // an event for a connection closed earlier in this batch
            onEvent(slot, events[i].events);
        }
        if (m_freeSlots > 0 && m_running) {
            m_freeSlots = 0;
            for (size_t i = 0; i < m_conns.size(); ++i)
                if (m_conns[i].st == St::Free || m_conns[i].st == St::Dead)
                    if (!openConn(i))
                        ++m_freeSlots;
        }
        t = now();
        if (t >= nextTimeoutScan) {
            nextTimeoutScan = t + 0.25;
            checkTimeouts(t);
        }
        // Phase changes.
        const bool allSettled = m_nextToOpen >= m_o.conns && m_inProgress == 0;
        switch (phase) {
        case Phase::Connecting:
            if (phaseEnd == 0) { // signal
                phase = Phase::Done;
                t0 = t1 = t;
                break;
            }
            if (allSettled || t >= phaseEnd) {
                if (m_opened == 0) {
                    t0 = t1 = t;
                    phase = Phase::Done;
                } else if (m_o.mode == Mode::Idle) {
                    t1 = t;
                    std::printf("{\"phase\":\"holding\",\"opened\":%llu,\"open\":%llu,"
                                "\"seconds\":%.4f}\n",
                                (unsigned long long)m_opened, (unsigned long long)m_open,
                                t - tStart);
                    std::fflush(stdout);
                    phase = Phase::Holding;
                    phaseEnd = t + m_o.hold;
                } else {
                    phase = Phase::Warmup;
                    phaseEnd = t + m_o.warmup;
                }
            }
            break;
        case Phase::Warmup:
            if (t >= phaseEnd) {
                t0 = t;
                c0 = m_c;
                c0.cpu = cpuSeconds();
                c0.serverCpu = processCpuSeconds(m_o.serverPid);
                phase = phaseEnd == 0 ? Phase::Done : Phase::Measuring;
                phaseEnd = t + m_o.duration;
                t1 = t;
                c1 = m_c;
                c1.cpu = c0.cpu;
                c1.serverCpu = c0.serverCpu;
            }
            break;
        case Phase::Measuring:
            if (t >= phaseEnd) {
                t1 = t;
                c1 = m_c;
                c1.cpu = cpuSeconds();
                c1.serverCpu = processCpuSeconds(m_o.serverPid);
                phase = Phase::Done;
            }
            break;
        case Phase::Holding:
            if (t >= phaseEnd)
                phase = Phase::Done;
            break;
        case Phase::Done:
            break;
        }
    }
    m_running = false;
    if (m_o.mode == Mode::Idle)
        t0 = tStart; // idle reports how long opening took
    printResult(t0, t1, c0, c1, interrupted);
    for (Conn &c : m_conns) {
        if (c.fd >= 0)
            ::close(c.fd); // RST
        c.fd = -1;
    }
    const bool ok =
        m_opened > 0 && !interrupted &&
        (m_o.mode == Mode::Accept ||
         (m_opened == m_o.conns && m_serverClosed + m_protocolErrors + m_verifyErrors == 0));
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    LoadGen gen(parseOptions(argc, argv));
    return gen.run();
}
