#include "eventstore.h"

#include <algorithm>

namespace closecall::monitor {

using server::Event;

namespace {

// glibc malloc: a chunk is the request plus an 8-byte header, rounded up
// to 16, and at least 32 bytes.
qsizetype heapBlock(qsizetype bytes)
{
    return std::max<qsizetype>(32, (bytes + 8 + 15) & ~qsizetype(15));
}

// Qt 6 keeps a string's characters after a 16-byte QArrayData header, with
// room for the terminating null; static data (literals) costs nothing.
template<typename Chars> qsizetype stringBytes(const Chars &s)
{
    using Char = std::remove_cvref_t<decltype(*s.constData())>;
    const qsizetype capacity = s.capacity();
    return capacity > 0
               ? heapBlock(qsizetype(sizeof(QArrayData)) + (capacity + 1) * qsizetype(sizeof(Char)))
               : 0;
}

qsizetype headersBytes(const protocol::HttpHeaders &headers)
{
    qsizetype bytes =
        headers.capacity() > 0
            ? heapBlock(qsizetype(sizeof(QArrayData)) +
                        headers.capacity() * qsizetype(sizeof(protocol::HttpHeaders::value_type)))
            : 0;
    for (const auto &[name, value] : headers)
        bytes += stringBytes(name) + stringBytes(value);
    return bytes;
}

// A Shared<T> kind: one make_shared block (the value and a 16-byte
// control block). Counted whole for every event that holds it.
template<typename T> qsizetype sharedBlock()
{
    return heapBlock(qsizetype(sizeof(T)) + 16);
}

// One Event in the deque: libstdc++ fills 512-byte blocks with whole
// elements, so an 80-byte Event takes 512 / 6 of one.
constexpr qsizetype SlotBytes =
    sizeof(Event) >= 512 ? qsizetype(sizeof(Event)) : 512 / (512 / qsizetype(sizeof(Event)));

} // namespace

qsizetype EventStore::estimatedBytes(const Event &event)
{
    using namespace server::events;
    const qsizetype heap =
        server::visit(server::Overloaded{
                          [](const Listening &f) { return stringBytes(f.address); },
                          [](const HandshakeFailed &f) {
                              return sharedBlock<HandshakeFailed>() + stringBytes(f.remote) +
                                     stringBytes(f.reason);
                          },
                          [](const Open &f) {
                              return sharedBlock<Open>() + stringBytes(f.remote) +
                                     stringBytes(f.path) + stringBytes(f.query) +
                                     stringBytes(f.subprotocol) + stringBytes(f.origin) +
                                     stringBytes(f.userAgent) + headersBytes(f.headers);
                          },
                          [](const Payload &f) { return stringBytes(f.preview); },
                          [](const CloseSent &f) { return stringBytes(f.reason); },
                          [](const CloseReceived &f) { return stringBytes(f.reason); },
                          [](const StateChange &) { return qsizetype(0); },
                          [](const Closed &f) { return stringBytes(f.reason); },
                          [](const Error &f) { return stringBytes(f.message); },
                          [](const NotRelayed &f) { return stringBytes(f.reason); },
                          [](const Result &f) {
                              return sharedBlock<Result>() + stringBytes(f.id) +
                                     stringBytes(f.error) + stringBytes(f.data);
                          },
                      },
                      event);
    return SlotBytes + heap;
}

EventStore::EventStore(qsizetype capacity, qsizetype byteBudget)
    : m_capacity(std::max<qsizetype>(capacity, 1))
    , m_byteBudget(std::max<qsizetype>(byteBudget, 1))
{}

void EventStore::append(const Event &event)
{
    m_bytes += estimatedBytes(event);
    m_events.push_back(event);
    trim();
}

void EventStore::append(Event &&event)
{
    m_bytes += estimatedBytes(event);
    m_events.push_back(std::move(event));
    trim();
}

void EventStore::append(const server::EventBatch &batch)
{
    // A batch larger than the whole store: only its tail can survive.
    qsizetype from = 0;
    if (batch.size() > m_capacity) {
        from = batch.size() - m_capacity;
        m_dropped += quint64(size()) + quint64(from);
        m_events.clear();
        m_bytes = 0;
    }
    // Added first, trimmed once: the events kept are the same as trimming
    // after each (the longest tail that fits), with one check a batch.
    for (qsizetype i = from; i < batch.size(); ++i) {
        const Event &event = batch.at(i);
        m_bytes += estimatedBytes(event);
        m_events.push_back(event);
    }
    trim();
}

void EventStore::trim()
{
    while (m_events.size() > 1 && (size() > m_capacity || m_bytes > m_byteBudget)) {
        m_bytes -= estimatedBytes(m_events.front());
        m_events.pop_front();
        ++m_dropped;
    }
}

void EventStore::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(capacity, 1);
    trim();
    m_events.shrink_to_fit();
}

void EventStore::setByteBudget(qsizetype bytes)
{
    m_byteBudget = std::max<qsizetype>(bytes, 1);
    trim();
    m_events.shrink_to_fit();
}

void EventStore::clear()
{
    std::deque<Event>().swap(m_events); // give the memory back
    m_bytes = 0;
    m_dropped = 0;
}

} // namespace closecall::monitor
