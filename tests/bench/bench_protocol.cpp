// Micro-benchmarks of the sans-I/O protocol core (tests/bench/README.md).
//
// Targets these numbers are read against (docs/architecture.md "Performance
// targets"): unmasking at several
// GB/s, i.e. in the memory-copy class, and 64-byte frames parsed at tens of
// millions a second.

#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/handshake.h"
#include "protocol/masking.h"
#include "protocol/session.h"
#include "protocol/utf8validator.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace closecall::protocol;

namespace {

constexpr quint32 kKey = 0x3D21FA37; // the RFC 6455 §5.7 key, wire order on little-endian
constexpr qsizetype KiB = 1024;
constexpr qsizetype MiB = 1024 * 1024;

// How many frames of `payload` bytes make a buffer of about `target` bytes.
qsizetype framesFor(qsizetype payload, qsizetype target)
{
    return std::max<qsizetype>(1, target / (payload + 14));
}

// A client's stream as a server reads it: `count` masked binary frames.
QByteArray maskedStream(qsizetype payload, qsizetype count)
{
    QByteArray body(payload, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload; ++i)
        body[i] = char('a' + i % 26);
    QByteArray out;
    out.reserve(count * (payload + framewriter::headerSize(quint64(payload), true)));
    for (qsizetype i = 0; i < count; ++i)
        framewriter::appendFrame(out, Role::Client, Opcode::Binary, body, true, kKey);
    return out;
}

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "bench_protocol: %s\n", what);
    std::abort();
}

class CountingSink final : public FrameSink
{
public:
    void onMessage(MessageType, QByteArrayView payload, int) override
    {
        ++messages;
        bytes += payload.size();
        benchmark::DoNotOptimize(payload.data());
    }
    void onControl(Opcode, QByteArrayView) override { ++controls; }
    void onProtocolError(quint16, const QString &) override
    {
        die("protocol error in a benchmark stream");
    }

    qint64 messages = 0;
    qint64 controls = 0;
    qint64 bytes = 0;
};

// ---- parse + unmask ---------------------------------------------------------

// Args: payload size, read size (0 = the whole buffer in one feed()).
// The parser unmasks in place, so each iteration first restores the masked
// bytes from a pristine copy, outside the timed region (the buffer is ~8 MiB,
// so the pause/resume overhead is noise against the parse).
void BM_ParseMasked(benchmark::State &state)
{
    const qsizetype payload = state.range(0);
    const qsizetype readSize = state.range(1);
    const qsizetype count = framesFor(payload, 8 * MiB);
    const QByteArray pristine = maskedStream(payload, count);
    QByteArray work = pristine;
    work.detach();
    CountingSink sink;
    FrameParser parser(Role::Server, quint64(payload) + 1);
    for (auto _ : state) {
        state.PauseTiming();
        std::memcpy(work.data(), pristine.constData(), size_t(pristine.size()));
        state.ResumeTiming();
        char *p = work.data();
        const qsizetype total = work.size();
        const qsizetype step = readSize > 0 ? readSize : total;
        for (qsizetype pos = 0; pos < total; pos += step)
            parser.feed(p + pos, std::min(step, total - pos), sink);
        benchmark::ClobberMemory();
    }
    if (sink.messages != qint64(state.iterations()) * count)
        die("lost frames");
    state.SetItemsProcessed(qint64(state.iterations()) * count);
    state.SetBytesProcessed(qint64(state.iterations()) * pristine.size());
    state.counters["payload_GBps"] =
        benchmark::Counter(double(sink.bytes) / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseMasked)
    ->ArgNames({"payload", "read"})
    ->Args({64, 0})
    ->Args({64, 64 * KiB})
    ->Args({1 * MiB, 0})
    ->Args({1 * MiB, 64 * KiB});

// The same parse including the restore copy, for an honest end-to-end figure.
void BM_ParseMaskedWithRestore(benchmark::State &state)
{
    const qsizetype payload = state.range(0);
    const qsizetype count = framesFor(payload, 8 * MiB);
    const QByteArray pristine = maskedStream(payload, count);
    QByteArray work = pristine;
    work.detach();
    CountingSink sink;
    FrameParser parser(Role::Server, quint64(payload) + 1);
    for (auto _ : state) {
        std::memcpy(work.data(), pristine.constData(), size_t(pristine.size()));
        parser.feed(work.data(), work.size(), sink);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(qint64(state.iterations()) * count);
    state.SetBytesProcessed(qint64(state.iterations()) * pristine.size());
}
BENCHMARK(BM_ParseMaskedWithRestore)->ArgName("payload")->Arg(64)->Arg(1 * MiB);

// A whole session (server role) receiving 64-byte text messages: the parser
// plus event construction and delivery, what one connection costs per frame.
class NullSessionSink final : public SessionSink
{
public:
    void onSessionEvent(const SessionEvent &e) override
    {
        ++events;
        benchmark::DoNotOptimize(e.payload.data());
    }
    qint64 events = 0;
};

void BM_SessionReceive64(benchmark::State &state)
{
    const qsizetype count = framesFor(64, 4 * MiB);
    QByteArray body(64, 'x');
    QByteArray pristine;
    for (qsizetype i = 0; i < count; ++i)
        framewriter::appendFrame(pristine, Role::Client, Opcode::Text, body, true, kKey);
    QByteArray work = pristine;
    work.detach();
    NullSessionSink sink;
    Session session(Role::Server, sink);
    session.open();
    for (auto _ : state) {
        state.PauseTiming();
        std::memcpy(work.data(), pristine.constData(), size_t(pristine.size()));
        state.ResumeTiming();
        session.receive(work.data(), work.size());
    }
    if (session.state() != State::Open)
        die("session left Open");
    state.SetItemsProcessed(qint64(state.iterations()) * count);
    state.SetBytesProcessed(qint64(state.iterations()) * pristine.size());
}
BENCHMARK(BM_SessionReceive64);

// ---- masking vs memcpy --------------------------------------------------------

// Masking in place, back and forth over the same buffer (the data stays hot
// in cache for the small sizes, as a just-read socket buffer is).
void BM_ApplyMask(benchmark::State &state)
{
    const qsizetype n = state.range(0);
    std::vector<char> buf(size_t(n), 'a');
    for (auto _ : state) {
        applyMask(buf.data(), n, kKey, 0);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(qint64(state.iterations()) * n);
}
BENCHMARK(BM_ApplyMask)->Arg(64)->Arg(4 * KiB)->Arg(1 * MiB)->Arg(64 * MiB);

// An odd phase and a misaligned buffer: the head/tail paths.
void BM_ApplyMaskUnaligned(benchmark::State &state)
{
    const qsizetype n = state.range(0);
    std::vector<char> buf(size_t(n + 16), 'a');
    for (auto _ : state) {
        applyMask(buf.data() + 3, n, kKey, 1);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(qint64(state.iterations()) * n);
}
BENCHMARK(BM_ApplyMaskUnaligned)->Arg(64)->Arg(4 * KiB)->Arg(1 * MiB);

// Copy and unmask in one pass (the parser's buffered path).
void BM_CopyMasked(benchmark::State &state)
{
    const qsizetype n = state.range(0);
    std::vector<char> src(size_t(n), 'a');
    std::vector<char> dst(size_t(n), '\0');
    for (auto _ : state) {
        copyMasked(dst.data(), src.data(), n, kKey, 0);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(qint64(state.iterations()) * n);
}
BENCHMARK(BM_CopyMasked)->Arg(64)->Arg(4 * KiB)->Arg(1 * MiB)->Arg(64 * MiB);

// The memory-copy class the masking is compared with. 64 MiB is beyond the
// caches (L2 1 MiB, L3 32 MiB here), so that row is memory bandwidth.
void BM_Memcpy(benchmark::State &state)
{
    const qsizetype n = state.range(0);
    std::vector<char> src(size_t(n), 'a');
    std::vector<char> dst(size_t(n), '\0');
    for (auto _ : state) {
        std::memcpy(dst.data(), src.data(), size_t(n));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(qint64(state.iterations()) * n);
}
BENCHMARK(BM_Memcpy)->Arg(64)->Arg(4 * KiB)->Arg(1 * MiB)->Arg(64 * MiB);

// The textbook byte loop, to show what the word/vector path buys.
void BM_MaskByteLoop(benchmark::State &state)
{
    const qsizetype n = state.range(0);
    std::vector<char> buf(size_t(n), 'a');
    char key[4];
    std::memcpy(key, &kKey, 4);
    for (auto _ : state) {
        char *p = buf.data();
        benchmark::DoNotOptimize(p);
        for (qsizetype i = 0; i < n; ++i)
            p[i] = char(p[i] ^ key[i & 3]);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(qint64(state.iterations()) * n);
}
BENCHMARK(BM_MaskByteLoop)->Arg(64)->Arg(4 * KiB)->Arg(1 * MiB);

// ---- UTF-8 --------------------------------------------------------------------

QByteArray asciiText(qsizetype n)
{
    QByteArray s(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        s[i] = char(' ' + i % 95);
    return s;
}

// Swedish, German, symbols and emoji: 1-, 2-, 3- and 4-byte sequences mixed.
QByteArray multiByteText(qsizetype n)
{
    const QByteArray unit = QStringLiteral(u"Hej på dig, grüß dich! 10 € → ✓ 😀🚀 ").toUtf8();
    QByteArray s;
    s.reserve(n + unit.size());
    while (s.size() + unit.size() <= n)
        s += unit;
    return s;
}

void BM_Utf8Validate(benchmark::State &state, QByteArray (*make)(qsizetype))
{
    const QByteArray text = make(state.range(0));
    if (!Utf8Validator::isValid(text))
        die("benchmark text is not valid UTF-8");
    for (auto _ : state)
        benchmark::DoNotOptimize(Utf8Validator::isValid(text));
    state.SetBytesProcessed(qint64(state.iterations()) * text.size());
}
BENCHMARK_CAPTURE(BM_Utf8Validate, ascii, asciiText)->Arg(1 * MiB);
BENCHMARK_CAPTURE(BM_Utf8Validate, multibyte, multiByteText)->Arg(1 * MiB);

// Incremental, in 4 KiB pieces that split sequences (as fragments arrive).
void BM_Utf8ValidateIncremental(benchmark::State &state)
{
    const QByteArray text = multiByteText(state.range(0));
    const qsizetype piece = 4 * KiB + 1; // odd, so sequences straddle pieces
    for (auto _ : state) {
        Utf8Validator v;
        for (qsizetype pos = 0; pos < text.size(); pos += piece)
            benchmark::DoNotOptimize(
                v.feed(QByteArrayView(text).sliced(pos, std::min(piece, text.size() - pos))));
        if (!v.isComplete())
            die("incremental validation failed");
    }
    state.SetBytesProcessed(qint64(state.iterations()) * text.size());
}
BENCHMARK(BM_Utf8ValidateIncremental)->Arg(1 * MiB);

// ---- writing ------------------------------------------------------------------

// Server frames of 64 bytes appended to one output buffer, as a broadcast or a
// busy connection batches them into one write.
void BM_WriteServerFrames64(benchmark::State &state)
{
    constexpr qsizetype batch = 1024;
    const QByteArray payload(64, 'x');
    QByteArray out;
    out.reserve(batch * 80);
    for (auto _ : state) {
        out.resize(0); // keeps the capacity
        for (qsizetype i = 0; i < batch; ++i)
            framewriter::appendFrame(out, Role::Server, Opcode::Binary, payload);
        benchmark::DoNotOptimize(out.constData());
    }
    state.SetItemsProcessed(qint64(state.iterations()) * batch);
    state.SetBytesProcessed(qint64(state.iterations()) * out.size());
}
BENCHMARK(BM_WriteServerFrames64);

// Client frames (masked with a fixed key): what a load generator pays.
void BM_WriteClientFrames64(benchmark::State &state)
{
    constexpr qsizetype batch = 1024;
    const QByteArray payload(64, 'x');
    QByteArray out;
    out.reserve(batch * 80);
    for (auto _ : state) {
        out.resize(0);
        for (qsizetype i = 0; i < batch; ++i)
            framewriter::appendFrame(out, Role::Client, Opcode::Binary, payload, true, kKey);
        benchmark::DoNotOptimize(out.constData());
    }
    state.SetItemsProcessed(qint64(state.iterations()) * batch);
    state.SetBytesProcessed(qint64(state.iterations()) * out.size());
}
BENCHMARK(BM_WriteClientFrames64);

// ---- handshake ----------------------------------------------------------------

// What Chrome sends (headers as of Chrome 120), ~500 bytes.
const QByteArray kBrowserRequest = QByteArrayLiteral(
    "GET /chat?room=1 HTTP/1.1\r\n"
    "Host: 127.0.0.1:9001\r\n"
    "Connection: Upgrade\r\n"
    "Pragma: no-cache\r\n"
    "Cache-Control: no-cache\r\n"
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36\r\n"
    "Upgrade: websocket\r\n"
    "Origin: http://127.0.0.1:9001\r\n"
    "Sec-WebSocket-Version: 13\r\n"
    "Accept-Encoding: gzip, deflate, br\r\n"
    "Accept-Language: en-US,en;q=0.9,sv;q=0.8\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
    "Sec-WebSocket-Protocol: chat, superchat\r\n"
    "\r\n");

void BM_ServerHandshake(benchmark::State &state)
{
    ServerHandshakeConfig config;
    config.subprotocols = {QStringLiteral("chat")};
    for (auto _ : state) {
        ServerHandshake hs(config);
        if (hs.feed(kBrowserRequest) != HandshakeStatus::Complete)
            die("handshake did not complete");
        benchmark::DoNotOptimize(hs.response().constData());
    }
    state.SetItemsProcessed(qint64(state.iterations()));
    state.SetBytesProcessed(qint64(state.iterations()) * kBrowserRequest.size());
}
BENCHMARK(BM_ServerHandshake);

} // namespace

BENCHMARK_MAIN();
