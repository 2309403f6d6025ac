// How much memory one logged event costs:
// sizeof(Event), and the heap bytes per event in the headless EventStore
// and the GUI LogBuffer, measured with glibc mallinfo2() around filling
// each from freshly built events (every event with its own strings, as the
// engine makes them).
#include "eventsamples.h"
#include "monitor/eventstore.h"
#include "monitor/logbuffer.h"
#include <cstdio>
#include <malloc.h>

using namespace closecall;
static size_t heap()
{
    const auto m = mallinfo2();
    return m.uordblks + m.hblkhd;
}

template<typename Make> static void measure(const char *name, Make make, int repeat)
{
    const qsizetype n = make().size() * repeat;
    size_t before = heap();
    {
        monitor::EventStore store(n);
        for (int r = 0; r < repeat; ++r)
            for (const auto &e : make()) {
                server::Event copy = e; // a fresh event, as a batch brings it
                copy.seq = quint64(store.size() + 1);
                store.append(std::move(copy));
            }
        size_t after = heap();
        std::printf("%-22s EventStore: %8.1f bytes/event (heap delta over %lld events), "
                    "memoryBytes()/size %.1f (what its byte budget counts)\n",
                    name, double(after - before) / double(n), (long long)n,
                    double(store.memoryBytes()) / double(store.size()));
    }
    before = heap();
    {
        monitor::LogBuffer log(n);
        for (int r = 0; r < repeat; ++r)
            for (const auto &e : make())
                log.append(e);
        size_t after = heap();
        std::printf("%-22s LogBuffer:  %8.1f bytes/event (heap delta), memoryBytes()/size %.1f\n",
                    name, double(after - before) / double(n),
                    double(log.memoryBytes()) / double(log.size()));
    }
}

int main()
{
    std::printf("sizeof(Event) = %zu\n", sizeof(server::Event));
    // Every event built fresh, with its own strings, as the engine makes them.
    measure(
        "mixed (samples::run)", [] { return samples::run(); }, 20000);
    measure(
        "message_in 64 B text",
        [] {
            server::EventBatch msgs;
            for (int i = 0; i < 100; ++i)
                msgs.append(samples::message(server::EventType::MessageIn, 7, protocol::State::Open,
                                             QByteArray(64, char('a' + i % 26))));
            return msgs;
        },
        5000);
    return 0;
}
