// The bounded event log: capacity, the byte budget, the count of events
// pushed out, order (oldest first), batches, shrinking and growing.

#include "eventsamples.h"

#include "monitor/eventstore.h"

#include <QtTest/QTest>

#include <malloc.h>

using namespace closecall;
using monitor::EventStore;
using server::Event;
using server::EventBatch;

namespace {

Event numbered(quint64 seq)
{
    Event e = samples::message(server::EventType::MessageIn, 7, protocol::State::Open,
                               QByteArray::number(seq));
    e.seq = seq;
    return e;
}

EventBatch numberedBatch(quint64 first, qsizetype count)
{
    EventBatch b;
    for (qsizetype i = 0; i < count; ++i)
        b.append(numbered(first + quint64(i)));
    return b;
}

// The store holds exactly seq first..last, oldest first, by at() and forEach.
void verifyHolds(const EventStore &store, quint64 first, quint64 last)
{
    QCOMPARE(store.size(), qsizetype(last - first + 1));
    for (qsizetype i = 0; i < store.size(); ++i) {
        QCOMPARE(store.at(i).seq, first + quint64(i));
        QCOMPARE(store.at(i).messagePayload()->preview, QByteArray::number(first + quint64(i)));
    }
    quint64 expected = first;
    store.forEach([&](const Event &e) { QCOMPARE(e.seq, expected++); });
    QCOMPARE(expected, last + 1);
    QCOMPARE(store.first().seq, first);
    QCOMPARE(store.last().seq, last);
}

// Events whose previews run from 1 to 1024 bytes, numbered: seq n always
// has the same size, so a dropped one can be rebuilt to know its cost.
Event sized(quint64 seq)
{
    const qsizetype size = qsizetype((seq * 37) % quint64(server::MaxPreviewBytes)) + 1;
    QByteArray payload = QByteArray::number(seq).leftJustified(size, '.', true);
    Event e = samples::message(server::EventType::MessageIn, 7, protocol::State::Open,
                               std::move(payload));
    e.seq = seq;
    return e;
}

// The store holds seq first..last, oldest first, and memoryBytes() is the
// sum of what they cost.
void verifySeqs(const EventStore &store, quint64 first, quint64 last)
{
    QCOMPARE(store.size(), qsizetype(last - first + 1));
    qsizetype bytes = 0;
    quint64 expected = first;
    store.forEach([&](const Event &e) {
        QCOMPARE(e.seq, expected++);
        bytes += EventStore::estimatedBytes(e);
    });
    QCOMPARE(expected, last + 1);
    QCOMPARE(store.memoryBytes(), bytes);
}

size_t heapInUse()
{
    const auto m = mallinfo2();
    return m.uordblks + m.hblkhd;
}

} // namespace

class tst_EventStore final : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void capacity_data();
    void capacity();
    void setCapacity_data();
    void setCapacity();
    void clear();
    void moveOnly();
    void memoryPerEntry();
    void byteBudget_data();
    void byteBudget();
    void setByteBudget();
    void newestStaysWhateverItsSize();
    void estimateMatchesTheHeap();
};

void tst_EventStore::defaults()
{
    const EventStore store;
    QCOMPARE(store.capacity(), 1'000'000);
    QCOMPARE(store.size(), 0);
    QVERIFY(store.isEmpty());
    QCOMPARE(store.dropped(), 0u);
    QCOMPARE(EventStore(0).capacity(), 1); // at least one
    QCOMPARE(store.byteBudget(), EventStore::NoLimit);
    QCOMPARE(store.memoryBytes(), 0);
}

void tst_EventStore::capacity_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<qsizetype>("appended");
    QTest::addColumn<qsizetype>("batchSize"); // 1 = one append() per event
    QTest::addColumn<quint64>("dropped");

    QTest::newRow("under capacity") << qsizetype(10) << qsizetype(7) << qsizetype(1) << quint64(0);
    QTest::newRow("exactly full") << qsizetype(10) << qsizetype(10) << qsizetype(1) << quint64(0);
    QTest::newRow("one over: oldest dropped")
        << qsizetype(10) << qsizetype(11) << qsizetype(1) << quint64(1);
    QTest::newRow("wrapped several times")
        << qsizetype(10) << qsizetype(95) << qsizetype(1) << quint64(85);
    QTest::newRow("capacity 1") << qsizetype(1) << qsizetype(5) << qsizetype(1) << quint64(4);
    QTest::newRow("batches that straddle the wrap")
        << qsizetype(10) << qsizetype(33) << qsizetype(3) << quint64(23);
    QTest::newRow("one batch larger than the store")
        << qsizetype(10) << qsizetype(25) << qsizetype(25) << quint64(15);
    QTest::newRow("batch larger than the store after wrapping")
        << qsizetype(10) << qsizetype(60) << qsizetype(12) << quint64(50);
}

void tst_EventStore::capacity()
{
    QFETCH(qsizetype, capacity);
    QFETCH(qsizetype, appended);
    QFETCH(qsizetype, batchSize);
    QFETCH(quint64, dropped);

    EventStore store(capacity);
    quint64 next = 1;
    while (next <= quint64(appended)) {
        const qsizetype n = std::min<qsizetype>(batchSize, appended - qsizetype(next) + 1);
        if (batchSize == 1) {
            Event e = numbered(next);
            if (next % 2) // both overloads
                store.append(e);
            else
                store.append(std::move(e));
        } else {
            store.append(numberedBatch(next, n));
        }
        next += quint64(n);
    }
    QCOMPARE(store.capacity(), capacity);
    QCOMPARE(store.dropped(), dropped);
    QCOMPARE(store.totalAppended(), quint64(appended));
    verifyHolds(store, dropped + 1, quint64(appended));
}

void tst_EventStore::setCapacity_data()
{
    QTest::addColumn<qsizetype>("appended"); // into a store of 10
    QTest::addColumn<qsizetype>("newCapacity");
    QTest::addColumn<quint64>("droppedAfter");

    QTest::newRow("shrink below size: oldest go") << qsizetype(8) << qsizetype(5) << quint64(3);
    QTest::newRow("shrink a wrapped store") << qsizetype(17) << qsizetype(4) << quint64(13);
    QTest::newRow("grow a wrapped store: order kept")
        << qsizetype(17) << qsizetype(20) << quint64(7);
    QTest::newRow("same capacity") << qsizetype(13) << qsizetype(10) << quint64(3);
}

void tst_EventStore::setCapacity()
{
    QFETCH(qsizetype, appended);
    QFETCH(qsizetype, newCapacity);
    QFETCH(quint64, droppedAfter);

    EventStore store(10);
    store.append(numberedBatch(1, appended));
    store.setCapacity(newCapacity);
    QCOMPARE(store.capacity(), newCapacity);
    QCOMPARE(store.dropped(), droppedAfter);
    verifyHolds(store, droppedAfter + 1, quint64(appended));

    // It keeps working as a ring at the new capacity.
    store.append(numberedBatch(quint64(appended) + 1, 2 * newCapacity));
    verifyHolds(store, quint64(appended + newCapacity + 1), quint64(appended + 2 * newCapacity));
    QCOMPARE(store.totalAppended(), quint64(appended + 2 * newCapacity));
}

void tst_EventStore::clear()
{
    EventStore store(4);
    store.append(numberedBatch(1, 9));
    QCOMPARE(store.dropped(), 5u);
    store.clear();
    QVERIFY(store.isEmpty());
    QCOMPARE(store.dropped(), 0u);
    QCOMPARE(store.capacity(), 4);
    store.append(numberedBatch(100, 6));
    verifyHolds(store, 102, 105);
}

void tst_EventStore::moveOnly()
{
    static_assert(!std::is_copy_constructible_v<EventStore>);
    static_assert(std::is_nothrow_move_constructible_v<EventStore>);
    EventStore a(3);
    a.append(numberedBatch(1, 5));
    EventStore b = std::move(a);
    verifyHolds(b, 3, 5);
    QCOMPARE(b.dropped(), 2u);
}

// What an entry costs, for the report and the GUI's 400 MB target.
void tst_EventStore::memoryPerEntry()
{
    qInfo("sizeof(Event) = %zu bytes; a stored 64-byte text message adds one %d-byte "
          "preview block (QByteArray header + data)",
          sizeof(Event), int(sizeof(QArrayData) + 64 + 1));
    QVERIFY(sizeof(Event) <= 512); // a guard against accidental growth
}

void tst_EventStore::byteBudget_data()
{
    QTest::addColumn<qsizetype>("batchSize"); // 1 = one append() per event
    QTest::newRow("one by one") << qsizetype(1);
    QTest::newRow("in batches") << qsizetype(50);
}

void tst_EventStore::byteBudget()
{
    // Far past a 256 KiB budget with events of every preview size: the
    // bytes never pass it, the oldest go first, and no more go than needed.
    QFETCH(qsizetype, batchSize);
    constexpr qsizetype Budget = 256 * 1024;
    EventStore store(EventStore::NoLimit, Budget);
    QCOMPARE(store.byteBudget(), Budget);
    const quint64 total = 5000;
    for (quint64 next = 1; next <= total;) {
        EventBatch batch;
        for (qsizetype i = 0; i < batchSize && next <= total; ++i)
            batch.append(sized(next++));
        if (batch.size() == 1)
            store.append(std::move(batch[0]));
        else
            store.append(batch);
        QVERIFY2(store.memoryBytes() <= Budget, qPrintable(QString::number(store.memoryBytes())));
    }
    QVERIFY(store.dropped() > 0);
    QCOMPARE(store.totalAppended(), total);
    verifySeqs(store, store.dropped() + 1, total);
    // The last one pushed out would not have fitted.
    QVERIFY(store.memoryBytes() + EventStore::estimatedBytes(sized(store.dropped())) > Budget);
}

void tst_EventStore::setByteBudget()
{
    EventStore store;
    for (quint64 seq = 1; seq <= 300; ++seq)
        store.append(sized(seq));
    QCOMPARE(store.dropped(), 0u);
    const qsizetype before = store.memoryBytes();
    store.setByteBudget(before / 3);
    QVERIFY(store.memoryBytes() <= before / 3);
    QVERIFY(store.dropped() > 0);
    verifySeqs(store, store.dropped() + 1, 300);
    // It keeps working at the new budget.
    for (quint64 seq = 301; seq <= 600; ++seq)
        store.append(sized(seq));
    QVERIFY(store.memoryBytes() <= before / 3);
    verifySeqs(store, store.dropped() + 1, 600);
    store.clear();
    QCOMPARE(store.memoryBytes(), 0);
}

void tst_EventStore::newestStaysWhateverItsSize()
{
    // A budget smaller than one event: the newest is still held (an export
    // right after it shows it), and only it.
    EventStore store(EventStore::NoLimit, 100);
    store.append(sized(1));
    store.append(sized(2));
    QCOMPARE(store.dropped(), 1u);
    verifySeqs(store, 2, 2);
    QVERIFY(store.memoryBytes() > 100);
}

void tst_EventStore::estimateMatchesTheHeap()
{
    // memoryBytes() against the heap really used (glibc mallinfo2) for
    // events built fresh, as the engine's batches bring them: within 25%.
    for (const bool mixed : {true, false}) {
        const size_t before = heapInUse();
        qsizetype estimated = 0;
        {
            EventStore store;
            for (int r = 0; r < 2000; ++r) {
                const EventBatch batch = mixed ? samples::run() : EventBatch{sized(quint64(r) + 1)};
                for (const Event &e : batch) {
                    Event copy = e; // shares its strings with `batch`, which then goes
                    store.append(std::move(copy));
                }
            }
            estimated = store.memoryBytes();
            const double real = double(heapInUse() - before);
            qInfo("%s: %lld events, estimated %.1f bytes/event, heap %.1f bytes/event",
                  mixed ? "mixed kinds" : "messages of 1-1024 bytes", (long long)store.size(),
                  double(estimated) / double(store.size()), real / double(store.size()));
            QVERIFY2(double(estimated) >= 0.75 * real && double(estimated) <= 1.25 * real,
                     qPrintable(QStringLiteral("estimated %1, heap %2").arg(estimated).arg(real)));
        }
    }
}

QTEST_GUILESS_MAIN(tst_EventStore)
#include "tst_eventstore.moc"
