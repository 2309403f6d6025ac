// permessage-deflate under arbitrary input:
//   byte 0 % 3 == 0: inflating any bytes, split into frames anywhere, with a
//                    small limit: never a crash, never more than the limit
//                    held, and a valid stream inflates to what it says;
//   byte 0 % 3 == 1: compress then inflate (with and without context
//                    takeover, any window from 9 to 15) gives the message back;
//   byte 0 % 3 == 2: any Sec-WebSocket-Extensions text: when the server
//                    accepts an offer, its answer is one a client accepts,
//                    stating the same parameters.

#include "fuzzsupport.h"

#include "protocol/deflatecodec.h"
#include "protocol/deflatenegotiation.h"

using namespace closecall::protocol;
using closecall::fuzz::Reader;

namespace {

void fuzzInflate(Reader &in)
{
    const quint64 limit = in.u16();
    MessageInflater inflater(in.flag(), limit);
    for (int message = 0; message < 3 && !in.atEnd(); ++message) {
        QByteArray out;
        MessageInflater::Status status = MessageInflater::Status::Ok;
        const int frames = 1 + in.byte() % 4;
        for (int f = 0; f < frames && status == MessageInflater::Status::Ok; ++f)
            status = inflater.feed(in.bytes(in.byte()), out);
        if (status == MessageInflater::Status::Ok)
            status = inflater.finish(out);
        FUZZ_CHECK(quint64(out.size()) <= limit + 1, "");
        FUZZ_CHECK(quint64(out.capacity()) <= qMax<quint64>(limit + 1, 16 * 1024), "");
        if (status != MessageInflater::Status::Ok)
            return; // the connection would end here
    }
}

void fuzzRoundTrip(Reader &in)
{
    const int windowBits = 9 + in.byte() % 7;
    const bool noContext = in.flag();
    MessageDeflater deflater(windowBits, noContext);
    MessageInflater inflater(noContext, 1 << 20);
    for (int message = 0; message < 4 && !in.atEnd(); ++message) {
        const QByteArray original = in.bytes(in.u16() % 4096);
        const QByteArray wire = deflater.compress(original);
        QByteArray out;
        const qsizetype cut = wire.isEmpty() ? 0 : qsizetype(in.byte()) % (wire.size() + 1);
        FUZZ_CHECK(
            inflater.feed(QByteArrayView(wire).first(cut), out) == MessageInflater::Status::Ok, "");
        FUZZ_CHECK(inflater.feed(QByteArrayView(wire).sliced(cut), out) ==
                       MessageInflater::Status::Ok,
                   "");
        FUZZ_CHECK(inflater.finish(out) == MessageInflater::Status::Ok, "");
        FUZZ_CHECK(out == original, "");
    }
}

void fuzzNegotiation(Reader &in)
{
    DeflateServerConfig config;
    config.enabled = true;
    config.serverMaxWindowBits = 9 + in.byte() % 7;
    config.clientMaxWindowBits = 8 + in.byte() % 8;
    config.serverNoContextTakeover = in.flag();
    config.clientNoContextTakeover = in.flag();
    const auto offers = parseExtensions({in.rest()});
    if (!offers)
        return;
    const auto chosen = negotiateDeflate(*offers, config);
    if (!chosen)
        return;
    const auto answer = parseExtensions({chosen->toHeaderValue()});
    FUZZ_CHECK(answer && answer->size() == 1, "");
    QString error;
    const auto read = readDeflateAnswer(answer->first(), &error);
    FUZZ_CHECK(read.has_value(), "");
    FUZZ_CHECK(read->serverNoContextTakeover == chosen->serverNoContextTakeover, "");
    FUZZ_CHECK(read->clientNoContextTakeover == chosen->clientNoContextTakeover, "");
    FUZZ_CHECK(read->serverMaxWindowBits == chosen->serverMaxWindowBits, "");
    FUZZ_CHECK(read->serverMaxWindowBits <= config.serverMaxWindowBits, "");
    if (chosen->clientMaxWindowBitsSent)
        FUZZ_CHECK(read->clientMaxWindowBits == chosen->clientMaxWindowBits, "");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Reader in(data, size);
    switch (in.byte() % 3) {
    case 0:
        fuzzInflate(in);
        break;
    case 1:
        fuzzRoundTrip(in);
        break;
    default:
        fuzzNegotiation(in);
        break;
    }
    return 0;
}
