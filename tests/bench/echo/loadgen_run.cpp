// One run of the load generator: the event loop of a mode (echo, accept,
// idle), its clocks, and the JSON line that reports it.
#include "loadgen.h"

namespace loadgen {

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

// Enough copies that K frames from any phase are one contiguous slice,
// within 256 KiB (a 16 MiB frame is sent from a single copy).
void LoadGen::buildTemplate(const std::string &frame)
{
    m_frameSize = frame.size();
    m_cycleSize = m_frameSize;
    const uint64_t copies = std::clamp<uint64_t>((256 * 1024) / m_frameSize, 1, m_o.inflight + 1);
    m_template.reserve(copies * m_frameSize);
    for (uint64_t i = 0; i < copies; ++i)
        m_template += frame;
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
                    "\"bytes_per_read\":%.1f,\"verify\":%s,\"deflate\":%s,\"wire_bytes\":%llu",
                    (unsigned long long)m_o.conns, (unsigned long long)m_o.size,
                    m_o.binary ? "binary" : "text", (unsigned long long)m_o.inflight,
                    (unsigned long long)m_opened, secs, (unsigned long long)(c1.msgs - c0.msgs),
                    (unsigned long long)(c1.bytes - c0.bytes), rate(c1.msgs - c0.msgs),
                    rate(c1.bytes - c0.bytes), (unsigned long long)(c1.reads - c0.reads),
                    c1.reads > c0.reads ? double(c1.bytes - c0.bytes) / double(c1.reads - c0.reads)
                                        : 0.0,
                    m_o.verify ? "true" : "false", m_o.deflate ? "true" : "false",
                    (unsigned long long)(c1.wireBytes - c0.wireBytes));
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
                "\r\nSec-WebSocket-Version: 13\r\nUser-Agent: closecall-loadgen\r\n" +
                (m_o.deflate ? "Sec-WebSocket-Extensions: permessage-deflate; "
                               "client_no_context_takeover\r\n"
                             : "") +
                "\r\n";
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
    if (m_o.deflate)
        buildDeflateTemplate();
    else
        buildTemplate(buildFrame(m_dataOpcode, m_payload));
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

} // namespace loadgen
