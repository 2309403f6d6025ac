// The load generator's command line (usage() lists it).
#include "loadgen.h"

namespace loadgen {

namespace {

[[noreturn]] void usage(const std::string &why)
{
    if (!why.empty())
        std::fprintf(stderr, "loadgen: %s\n", why.c_str());
    std::fprintf(
        stderr,
        "usage: loadgen --port PORT [--host 127.0.0.1] [--mode echo|accept|idle]\n"
        "  echo:   [--conns 100] [--size 64|16K|16M] [--type text|binary]\n"
        "          [--inflight 8] [--duration 5] [--warmup 1] [--verify | --deflate]\n"
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

} // namespace

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
        if (a == "--deflate") {
            o.deflate = true;
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
    if (o.deflate && (o.verify || o.mode != Mode::Echo))
        usage("--deflate: echo mode only, without --verify (the echoes are not inflated)");
    for (const char c : o.label) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            usage("--label: letters, digits, '-', '_' and '.' only");
    }
    return o;
}

} // namespace loadgen
