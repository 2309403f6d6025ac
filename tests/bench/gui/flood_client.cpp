// Rate-limited WebSocket flood for the GUI flood benchmark
// (tests/bench/README.md, "GUI flood benchmark"). Started by bench_gui_flood
// as a separate process.
//
// Raw POSIX sockets, one epoll loop, no Qt and no WebSocket library (like
// echo/loadgen.cpp, which only has closed-loop modes): opens N connections
// (the upgrade uses RFC 6455 §1.3's fixed key, the 101's accept value is
// checked), then sends R small masked text messages a second in total,
// round-robin over the connections, for D seconds. Whatever the server
// sends (echoes) is read and discarded. Then it prints one JSON line with
// the number of messages it handed to the kernel in full, and holds the
// connections open until its stdin closes (or --hold seconds pass), so
// nothing it sent can be lost to a reset; then every socket is reset
// (SO_LINGER 0).
//
// Lines on stdout: {"phase":"connected",...} once every connection is open,
// {"phase":"sent",...} when the load is over.
//
// Loopback only (127.0.0.0/8). Every loop is bounded in time and count.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view kWsKey = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr std::string_view kWsAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
constexpr uint8_t kMaskKey[4] = {0x37, 0xfa, 0x21, 0x3d};
constexpr uint64_t kStdinToken = ~uint64_t(0);

double now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "flood_client: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

[[noreturn]] void usage(const char *why)
{
    if (why)
        std::fprintf(stderr, "flood_client: %s\n", why);
    std::fprintf(stderr, "usage: flood_client --port PORT [--host 127.0.0.1] [--conns 1000]\n"
                         "       [--rate 20000] [--duration 10] [--size 32] [--hold 120]\n");
    std::exit(2);
}

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    int conns = 1000;
    int rate = 20000;
    double duration = 10;
    int size = 32;
    double hold = 120;
};

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h")
            usage(nullptr);
        if (i + 1 >= argc)
            usage("an option needs a value");
        const char *v = argv[++i];
        if (a == "--host")
            o.host = v;
        else if (a == "--port")
            o.port = std::atoi(v);
        else if (a == "--conns")
            o.conns = std::atoi(v);
        else if (a == "--rate")
            o.rate = std::atoi(v);
        else if (a == "--duration")
            o.duration = std::atof(v);
        else if (a == "--size")
            o.size = std::atoi(v);
        else if (a == "--hold")
            o.hold = std::atof(v);
        else
            usage("unknown option");
    }
    if (o.port < 1 || o.port > 65535)
        usage("--port: 1..65535");
    if (o.conns < 1 || o.conns > 20000)
        usage("--conns: 1..20000");
    if (o.rate < 1 || o.rate > 1'000'000)
        usage("--rate: 1..1000000");
    if (!(o.duration > 0 && o.duration <= 600))
        usage("--duration: (0, 600] seconds");
    if (o.size < 16 || o.size > 125)
        usage("--size: 16..125 bytes");
    if (!(o.hold >= 0 && o.hold <= 3600))
        usage("--hold: 0..3600 seconds");
    return o;
}

struct Conn
{
    int fd = -1;
    std::string out; // bytes not yet accepted by the kernel
    bool dead = false;
};

void setLinger0(int fd)
{
    linger l{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
}

// Blocking connect + upgrade with a 10 s receive timeout; the socket is
// non-blocking afterwards. Returns -1 on failure.
int openConnection(const sockaddr_in &addr, const Options &o)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    setLinger0(fd);
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval tv{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    const std::string request = "GET /flood HTTP/1.1\r\nHost: " + o.host + ":" +
                                std::to_string(o.port) +
                                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Key: " +
                                std::string(kWsKey) +
                                "\r\nSec-WebSocket-Version: 13\r\n"
                                "User-Agent: flood_client\r\n\r\n";
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size())) {
        close(fd);
        return -1;
    }
    // Read byte by byte up to the blank line: nothing after the 101 may be
    // swallowed (the server sends nothing before our first message anyway).
    std::string response;
    for (int i = 0; i < 16384; ++i) {
        char c;
        if (recv(fd, &c, 1, 0) != 1) {
            close(fd);
            return -1;
        }
        response.push_back(c);
        if (response.size() >= 4 && response.compare(response.size() - 4, 4, "\r\n\r\n") == 0)
            break;
    }
    if (response.rfind("HTTP/1.1 101", 0) != 0 ||
        response.find(std::string(kWsAccept)) == std::string::npos) {
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

// A masked text frame (payload <= 125 bytes): "flood <conn> <n>" padded with '.'.
void appendFrame(std::string &out, int conn, uint64_t n, int size)
{
    char text[128];
    int len = std::snprintf(text, sizeof text, "flood %d %llu ", conn, (unsigned long long)n);
    if (len > size)
        len = size;
    std::memset(text + len, '.', size_t(size - len));
    out.push_back(char(0x81));
    out.push_back(char(0x80 | size));
    out.append(reinterpret_cast<const char *>(kMaskKey), 4);
    for (int i = 0; i < size; ++i)
        out.push_back(char(uint8_t(text[i]) ^ kMaskKey[i % 4]));
}

// Writes what the kernel takes; false if the connection failed.
bool flush(Conn &c)
{
    while (!c.out.empty()) {
        const ssize_t w = send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (w > 0) {
            c.out.erase(0, size_t(w));
        } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return true;
        } else if (w < 0 && errno == EINTR) {
            continue;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(o.port));
    if (inet_pton(AF_INET, o.host.c_str(), &addr.sin_addr) != 1 ||
        (ntohl(addr.sin_addr.s_addr) >> 24) != 127)
        usage("--host must be a loopback IPv4 address (127.x.x.x)");

    rlimit rl{};
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < rlim_t(o.conns) + 64) {
        rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, rlim_t(o.conns) + 64);
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    const double t0 = now();
    std::vector<Conn> conns(size_t(o.conns));
    for (int i = 0; i < o.conns; ++i) {
        conns[size_t(i)].fd = openConnection(addr, o);
        if (conns[size_t(i)].fd < 0)
            fail("connect/upgrade");
    }
    const double connectSecs = now() - t0;
    std::printf("{\"phase\":\"connected\",\"conns\":%d,\"seconds\":%.3f}\n", o.conns, connectSecs);
    std::fflush(stdout);

    const int ep = epoll_create1(0);
    if (ep < 0)
        fail("epoll_create1");
    for (size_t i = 0; i < conns.size(); ++i) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = i;
        if (epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev) != 0)
            fail("epoll_ctl");
    }
    {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = kStdinToken;
        epoll_ctl(ep, EPOLL_CTL_ADD, STDIN_FILENO, &ev); // may fail (a file): then --hold only
    }

    std::vector<char> buf(1 << 16);
    uint64_t queued = 0;    // frames put in an out buffer
    uint64_t readBytes = 0; // what the server sent (echoes), discarded
    uint64_t failed = 0;    // connections that failed
    bool stdinClosed = false;
    size_t next = 0;
    epoll_event events[256];

    const auto pump = [&](int timeoutMs) {
        const int n = epoll_wait(ep, events, 256, timeoutMs);
        for (int k = 0; k < n; ++k) {
            if (events[k].data.u64 == kStdinToken) {
                const ssize_t r = read(STDIN_FILENO, buf.data(), buf.size());
                if (r <= 0) {
                    stdinClosed = true;
                    epoll_ctl(ep, EPOLL_CTL_DEL, STDIN_FILENO, nullptr);
                }
                continue;
            }
            Conn &c = conns[events[k].data.u64];
            if (c.dead)
                continue;
            if (events[k].events & EPOLLOUT) {
                if (!flush(c)) {
                    c.dead = true;
                    ++failed;
                    continue;
                }
                if (c.out.empty()) {
                    epoll_event ev{};
                    ev.events = EPOLLIN;
                    ev.data.u64 = events[k].data.u64;
                    epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
                }
            }
            if (events[k].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                for (int reads = 0; reads < 64; ++reads) {
                    const ssize_t r = recv(c.fd, buf.data(), buf.size(), 0);
                    if (r > 0) {
                        readBytes += uint64_t(r);
                        continue;
                    }
                    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                        break;
                    if (r < 0 && errno == EINTR)
                        continue;
                    c.dead = true; // closed or reset by the server
                    ++failed;
                    break;
                }
            }
        }
    };

    const auto enqueue = [&](Conn &c, size_t index) {
        const bool wasEmpty = c.out.empty();
        appendFrame(c.out, int(index), queued, o.size);
        ++queued;
        if (!flush(c)) {
            c.dead = true;
            ++failed;
            return;
        }
        if (wasEmpty && !c.out.empty()) {
            epoll_event ev{};
            ev.events = EPOLLIN | EPOLLOUT;
            ev.data.u64 = index;
            epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
        }
    };

    const uint64_t total = uint64_t(double(o.rate) * o.duration);
    const double start = now();
    const double cpu0 = cpuSeconds();
    // Paced: every turn sends what the clock allows (rate × elapsed), so
    // each millisecond carries ~rate/1000 messages.
    for (uint64_t turn = 0; queued < total && turn < 100'000'000ULL; ++turn) {
        const double elapsed = now() - start;
        if (elapsed > o.duration + 30)
            break; // the server cannot keep up at all: give up
        uint64_t due = uint64_t(elapsed * double(o.rate));
        if (due > total)
            due = total;
        for (uint64_t tries = 0; queued < due && tries < total; ++tries) {
            const size_t i = next;
            next = (next + 1) % conns.size();
            if (!conns[i].dead)
                enqueue(conns[i], i);
            else if (failed >= conns.size())
                break;
        }
        if (failed >= conns.size())
            break;
        pump(1);
    }
    // Flush the rest (bounded).
    const double flushDeadline = now() + 30;
    for (;;) {
        bool pending = false;
        for (const Conn &c : conns)
            pending = pending || (!c.dead && !c.out.empty());
        if (!pending || now() > flushDeadline)
            break;
        pump(5);
    }
    const double sendSecs = now() - start;
    uint64_t unsent = 0; // frames never handed to the kernel in full
    for (const Conn &c : conns) {
        if (!c.out.empty())
            unsent += (c.out.size() + size_t(o.size) + 5) / size_t(o.size + 6);
    }
    const uint64_t sent = queued - unsent;
    std::printf("{\"phase\":\"sent\",\"sent\":%llu,\"queued\":%llu,\"failed_conns\":%llu,"
                "\"seconds\":%.3f,\"rate\":%.0f,\"echo_bytes\":%llu,\"cpu_s\":%.3f}\n",
                (unsigned long long)sent, (unsigned long long)queued, (unsigned long long)failed,
                sendSecs, double(sent) / sendSecs, (unsigned long long)readBytes,
                cpuSeconds() - cpu0);
    std::fflush(stdout);

    // Hold until stdin closes or --hold passes, still draining echoes.
    const double holdEnd = now() + o.hold;
    while (!stdinClosed && now() < holdEnd)
        pump(20);
    for (Conn &c : conns) {
        if (c.fd >= 0)
            close(c.fd); // SO_LINGER 0: an RST
    }
    close(ep);
    return failed == 0 ? 0 : 1;
}
