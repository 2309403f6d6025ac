// --deflate's message: compressible text and its permessage-deflate payload.
#include "loadgen.h"

#include <map>

#include <zlib.h>

namespace loadgen {

std::string compressibleText(uint64_t size, uint32_t seed)
{
    static const char *const words[] = {
        "alice", "bob",     "carol",  "dave",   "update", "create", "delete", "status",
        "ok",    "pending", "failed", "orders", "users",  "ticket", "price",  "amount",
    };
    std::string out;
    out.reserve(size + 128);
    uint32_t x = 0x2545f491u ^ (seed * 0x9e3779b9u);
    const auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    };
    for (uint64_t id = 1; out.size() < size; ++id) {
        out += "{\"id\":" + std::to_string((id * 7919 + seed) % 100000) + ",\"user\":\"" +
               words[next() % 16] + "\",\"action\":\"" + words[next() % 16] +
               "\",\"value\":" + std::to_string(next() % 100000) + ",\"tags\":[\"" +
               words[next() % 16] + "\",\"" + words[next() % 16] + "\"]}\n";
    }
    out.resize(size);
    return out;
}

std::string deflateMessage(const std::string &message)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        std::fprintf(stderr, "loadgen: zlib's deflateInit2 failed\n");
        std::exit(1);
    }
    std::string out(deflateBound(&z, uLong(message.size())) + 16, '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(message.data()));
    z.avail_in = uInt(message.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_SYNC_FLUSH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (rc != Z_OK || z.avail_in != 0 || out.size() < 4 ||
        out.compare(out.size() - 4, 4, "\0\0\xff\xff", 4) != 0) {
        std::fprintf(stderr, "loadgen: compressing the message failed\n");
        std::exit(1);
    }
    out.resize(out.size() - 4);
    return out;
}

// Distinct messages keep the server's compressor honest: one message over
// and over deflates to a back-reference to the one before. The template's
// frames must all be one size (flush() works in frame-sized steps), so
// candidates are drawn until kDistinct of them compress to the same size
// (or the commonest size is taken). The client resets its context for each
// message (client_no_context_takeover), so each compresses on its own.
void LoadGen::buildDeflateTemplate()
{
    // More than a 32 KiB window holds, so no message is still in the
    // server's window when it comes round again (16 at least).
    const size_t kDistinct =
        std::clamp<size_t>(size_t(40 * 1024 / std::max<uint64_t>(m_o.size, 1)) + 1, 16, 1000);
    constexpr uint32_t kCandidates = 4000;
    std::map<size_t, std::vector<std::string>> bySize; // compressed payloads
    const std::vector<std::string> *chosen = nullptr;
    for (uint32_t seed = 0; seed < kCandidates && !chosen; ++seed) {
        std::string payload = deflateMessage(compressibleText(m_o.size, seed));
        auto &group = bySize[payload.size()];
        group.push_back(std::move(payload));
        if (group.size() == kDistinct)
            chosen = &group;
    }
    for (const auto &[size, group] : bySize) {
        if (!chosen || group.size() > chosen->size())
            chosen = &group;
    }
    std::vector<std::string> frames;
    for (const std::string &payload : *chosen)
        frames.push_back(buildFrame(m_dataOpcode, payload, 0x40));
    m_frameSize = frames.front().size();
    m_cycleSize = m_frameSize * frames.size();
    const uint64_t copies = std::clamp<uint64_t>((256 * 1024) / m_frameSize, 1, m_o.inflight + 1);
    m_template.reserve(m_cycleSize + copies * m_frameSize);
    for (const std::string &frame : frames)
        m_template += frame;
    for (uint64_t i = 0; i < copies; ++i)
        m_template += frames[i % frames.size()];
    std::fprintf(
        stderr, "loadgen: --deflate: %zu distinct messages of %llu bytes, %llu on the wire\n",
        frames.size(), (unsigned long long)m_o.size, (unsigned long long)chosen->front().size());
}

} // namespace loadgen
