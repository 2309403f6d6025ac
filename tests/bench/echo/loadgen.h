#pragma once

// What the parts of the load generator share (loadgen.cpp says what it is):
// the wire constants, the options, the clocks, and the LoadGen class whose
// epoll client lives in loadgen_client.cpp and whose run-and-report loop
// lives in loadgen_run.cpp.

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

namespace loadgen {

// RFC 6455 §1.3's example key and its accept value.
inline constexpr std::string_view kWsKey = "dGhlIHNhbXBsZSBub25jZQ==";
inline constexpr std::string_view kWsAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
inline constexpr uint8_t kMaskKey[4] = {0x37, 0xfa, 0x21, 0x3d}; // RFC 6455 §5.7's key

inline constexpr uint8_t OpContinuation = 0x0;
inline constexpr uint8_t OpText = 0x1;
inline constexpr uint8_t OpBinary = 0x2;
inline constexpr uint8_t OpClose = 0x8;
inline constexpr uint8_t OpPing = 0x9;
inline constexpr uint8_t OpPong = 0xA;

inline constexpr size_t kReadBufferSize = 1 << 20;
inline constexpr size_t kMaxHandshakeResponse = 16 * 1024;
inline constexpr int kMaxEvents = 256;
inline constexpr uint64_t kSignalToken = ~uint64_t(0);
// Upper bound on event-loop turns of one run (time is the real bound; this
// one only guarantees termination if the clock misbehaves).
inline constexpr uint64_t kMaxLoopTurns = 2'000'000'000ULL;

// CPU seconds of this process (user + system).
double cpuSeconds();
// user+system CPU seconds of another process (the server); -1 if unreadable.
double processCpuSeconds(long pid);
// Monotonic seconds.
double now();

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
    // permessage-deflate (RFC 7692): offered with client_no_context_takeover,
    // so every message compresses alike and goes from one precompressed
    // template; the server must accept it. Echoes are counted, not inflated.
    bool deflate = false;
    long serverPid = 0; // report this process's CPU time over the measured window
    std::string label;
};

// Parses the command line; prints usage and exits 2 on a bad one.
Options parseOptions(int argc, char **argv);

// Client frame: FIN, `rsv` (0x40: RSV1, a compressed message), opcode, MASK
// bit, length, the fixed key, masked payload.
std::string buildFrame(uint8_t opcode, const std::string &payload, uint8_t rsv = 0);
// --deflate's payload: `size` bytes of JSON-like text (records of a few
// fields, words and numbers drawn from a fixed generator) that deflate
// shrinks about as much as real chat or API traffic, not to nothing.
// `seed` picks one of many such texts (each its own records).
std::string compressibleText(uint64_t size, uint32_t seed);
// RFC 7692 §7.2.1: raw deflate with a sync flush, 00 00 ff ff removed.
std::string deflateMessage(const std::string &message);

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
    uint64_t bytes = 0;      // data payload bytes received (inflated size under --deflate)
    uint64_t wireBytes = 0;  // data payload bytes as they came on the wire
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
    void buildTemplate(const std::string &frame);
    void buildDeflateTemplate();

    Options m_o;
    int m_ep = -1;
    int m_sigfd = -1;
    std::vector<Conn> m_conns;
    std::string m_request;
    std::string m_payload;  // unmasked, for --verify
    std::string m_template; // R masked frames back to back
    uint64_t m_frameSize = 0;
    uint64_t m_cycleSize = 0; // bytes before the stream repeats (one frame, or --deflate's cycle)
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

} // namespace loadgen
