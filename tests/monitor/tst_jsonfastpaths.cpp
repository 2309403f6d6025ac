// The JSON Lines writer's fast paths against plain reference versions: the
// per-thread cache of the `time` text (across second, day and year
// boundaries, backwards too), the decimal writer (against std::to_chars),
// the 16- and 8-byte runs of plain bytes in JSON strings (a byte that needs
// attention at every position of every step) and the batch writer (the same
// bytes as one line at a time).

#include "eventsamples.h"

#include "monitor/decimal.h"
#include "monitor/eventjson.h"

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

#include <charconv>
#include <limits>
#include <thread>

using namespace Qt::StringLiterals;
using namespace closecall;
using server::Event;
using server::EventType;

namespace {

// The time as a thread that never formatted one before writes it: the
// cache is per thread, so a new thread starts with it empty (the date is
// worked out from scratch, as before there was a cache).
QByteArray isoTimeUncached(qint64 wallUs)
{
    QByteArray text;
    std::thread([&] { text = monitor::isoTime(wallUs); }).join();
    return text;
}

// The same from QDateTime, an independent calendar (years 1..9999).
QByteArray isoTimeByQt(qint64 wallUs)
{
    const qint64 ms = wallUs >= 0 ? wallUs / 1000 : -((-wallUs + 999) / 1000);
    const qint64 micros = wallUs - ms * 1000; // 0..999 more than the millisecond
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(u"yyyy-MM-ddThh:mm:ss.zzz"_s).toLatin1() +
           QByteArray::number(micros).rightJustified(3, '0') + 'Z';
}

// JSON string escaping a byte at a time, as the writer did before its fast
// paths (ASCII only: the multi-byte paths are unchanged and tested in
// tst_eventjson).
QByteArray jsonStringReference(QByteArrayView ascii)
{
    QByteArray out = "\"";
    for (const char c : ascii) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    return out + '"';
}

template<typename Int> QByteArray toChars(Int v)
{
    char buffer[32];
    return QByteArray(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr - buffer);
}

template<typename Int> QByteArray viaDecimal(Int v)
{
    char buffer[32];
    return QByteArray(buffer, monitor::decimal::write(buffer, v) - buffer);
}

} // namespace

class tst_JsonFastPaths final : public QObject
{
    Q_OBJECT

private slots:
    void timeCacheAcrossBoundaries_data();
    void timeCacheAcrossBoundaries();
    void timeCacheAtTheExtremes();
    void decimalMatchesToChars();
    void plainRunsStopAtEveryPosition_data();
    void plainRunsStopAtEveryPosition();
    void nonAsciiAfterPlainRuns();
    void batchWriterMatchesLineWriter();
    void batchWriterReusesSharedPreviews();
    void batchWriterChunksAndFilters();
};

void tst_JsonFastPaths::timeCacheAcrossBoundaries_data()
{
    QTest::addColumn<qint64>("start"); // the first microsecond of the walk
    QTest::addColumn<qint64>("step");  // may be negative: a clock set back

    QTest::newRow("second, forwards") << qint64(1764413999999000) << qint64(250);
    QTest::newRow("day (2025-11-29/30), forwards") << qint64(1764460799998000) << qint64(333);
    QTest::newRow("year 2026/2027, forwards") << qint64(1798761599999500) << qint64(77);
    QTest::newRow("leap day 2024-02-29/03-01") << qint64(1709251199999000) << qint64(111);
    QTest::newRow("epoch, forwards from before") << qint64(-1500) << qint64(100);
    QTest::newRow("day, backwards") << qint64(1764460800001000) << qint64(-333);
    QTest::newRow("big steps: a new second each time")
        << qint64(1764413990000000) << qint64(1000001);
    QTest::newRow("exactly one second a step") << qint64(1764413990123456) << qint64(1000000);
}

void tst_JsonFastPaths::timeCacheAcrossBoundaries()
{
    QFETCH(qint64, start);
    QFETCH(qint64, step);
    // On this thread the cache is warm from the previous step each time.
    for (int i = 0; i < 40; ++i) {
        const qint64 wallUs = start + i * step;
        const QByteArray cached = monitor::isoTime(wallUs);
        QCOMPARE(cached, isoTimeUncached(wallUs));
        QCOMPARE(cached, isoTimeByQt(wallUs));
    }
    // Two seconds alternating: the cache must follow every change.
    for (int i = 0; i < 10; ++i) {
        const qint64 wallUs = start + (i % 2 ? 1000000 : 0) + i;
        QCOMPARE(monitor::isoTime(wallUs), isoTimeByQt(wallUs));
    }
}

void tst_JsonFastPaths::timeCacheAtTheExtremes()
{
    // Clamped years and the ends of qint64: the cache never mixes them up.
    constexpr qint64 Min = std::numeric_limits<qint64>::min();
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    const qint64 walk[] = {Max, Min,       Max - 1, Min + 1, Min + 999999, Max - 999999,
                           0,   Min + 500, Max - 1, -1,      Min,          Max};
    for (const qint64 wallUs : walk)
        QCOMPARE(monitor::isoTime(wallUs), isoTimeUncached(wallUs));
}

void tst_JsonFastPaths::decimalMatchesToChars()
{
    // Every length's edges, both signs, then random values of every length.
    for (quint64 p = 1;; p *= 10) {
        for (qint64 d = -2; d <= 2; ++d) {
            const quint64 v = p + quint64(d);
            QCOMPARE(viaDecimal(v), toChars(v));
            QCOMPARE(viaDecimal(qint64(v)), toChars(qint64(v)));
            QCOMPARE(viaDecimal(-qint64(v)), toChars(-qint64(v)));
        }
        if (p > std::numeric_limits<quint64>::max() / 10)
            break;
    }
    QCOMPARE(viaDecimal(std::numeric_limits<qint64>::min()),
             toChars(std::numeric_limits<qint64>::min()));
    QCOMPARE(viaDecimal(std::numeric_limits<quint64>::max()),
             toChars(std::numeric_limits<quint64>::max()));
    QCOMPARE(viaDecimal(quint16(0)), QByteArray("0"));
    QCOMPARE(viaDecimal(quint32(4294967295u)), QByteArray("4294967295"));
    QRandomGenerator random(14);
    for (int i = 0; i < 100000; ++i) {
        const quint64 v = random.generate64() >> random.bounded(64);
        QCOMPARE(viaDecimal(v), toChars(v));
        QCOMPARE(viaDecimal(qint64(v)), toChars(qint64(v)));
    }
}

void tst_JsonFastPaths::plainRunsStopAtEveryPosition_data()
{
    QTest::addColumn<char>("special");
    QTest::newRow("quote") << '"';
    QTest::newRow("backslash") << '\\';
    QTest::newRow("newline") << '\n';
    QTest::newRow("NUL") << '\0';
    QTest::newRow("0x1f") << '\x1f';
    QTest::newRow("DEL passes") << '\x7f';
    QTest::newRow("space passes") << ' ';
}

void tst_JsonFastPaths::plainRunsStopAtEveryPosition()
{
    QFETCH(char, special);
    // Lengths around the 16- and 8-byte steps, the special byte at every
    // position (and twice, so a run restarts after it).
    for (int length = 1; length <= 70; ++length) {
        for (int at = 0; at < length; ++at) {
            static constexpr char Plain[] = "abcXYZ019 ~!#{}/'";
            QByteArray text(length, Qt::Uninitialized);
            for (int i = 0; i < length; ++i)
                text[i] = Plain[i % (sizeof Plain - 1)];
            text[at] = special;
            if (at + 17 < length)
                text[at + 17] = special;
            QByteArray out("prefix");
            monitor::appendJsonString(out, text);
            QCOMPARE(out, "prefix" + jsonStringReference(text));
        }
    }
}

void tst_JsonFastPaths::nonAsciiAfterPlainRuns()
{
    // A multi-byte character, an invalid byte and a cut character after
    // runs of every length: the fast path hands each to the UTF-8 path.
    const QByteArray tails[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xff",
                                "\xe2\x80\xa8"};
    const QByteArray written[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xef\xbf\xbd",
                                  "\\u2028"};
    for (int length = 0; length <= 40; ++length) {
        for (size_t t = 0; t < std::size(tails); ++t) {
            const QByteArray run(length, 'z');
            QByteArray out;
            monitor::appendJsonString(out, QByteArray(run + tails[t] + run));
            QCOMPARE(out, '"' + run + written[t] + run + '"');
        }
        // A character the preview cut in two is dropped at the very end.
        QByteArray out;
        monitor::appendJsonString(out, QByteArray(QByteArray(length, 'z') + "\xe2\x82"), true);
        QCOMPARE(out, '"' + QByteArray(length, 'z') + '"');
    }
}

void tst_JsonFastPaths::batchWriterMatchesLineWriter()
{
    const server::EventBatch batch = samples::run();
    QByteArray oneByOne = "already there\n";
    for (const Event &e : batch)
        monitor::appendEventJson(oneByOne, e);
    QByteArray batched = "already there\n";
    QCOMPARE(monitor::appendEventsJson(batched, batch), batch.size());
    QCOMPARE(batched, oneByOne);
}

void tst_JsonFastPaths::batchWriterReusesSharedPreviews()
{
    // An echo: message_in and message_out holding one preview (as
    // EventPublisher::preview shares it), text and binary, whole and cut,
    // with escapes; then other events holding it again later in the batch.
    using protocol::MessageType;
    const QByteArray text("say \"hi\"\n\xc3\xa9 and more text than sixteen bytes");
    const QByteArray binary("\x00\x01\xff binary", 11);
    server::EventBatch batch;
    for (const auto &[bytes, type] :
         {std::pair{text, MessageType::Text}, std::pair{binary, MessageType::Binary}}) {
        for (const qint64 size : {bytes.size(), qint64(5000)}) {
            for (const EventType kind : {EventType::MessageIn, EventType::MessageOut}) {
                Event e = samples::message(kind, 7, protocol::State::Open, bytes, type);
                samples::edit(e, [&](server::events::Payload &p) {
                    p.preview = bytes; // shared, not a copy
                    p.size = size;
                });
                batch.append(e);
            }
        }
    }
    batch.append(batch.first());
    batch.append(samples::stateChange(7, protocol::State::Open, protocol::State::CloseSent));
    batch.append(batch.first());
    QByteArray oneByOne;
    for (const Event &e : batch)
        monitor::appendEventJson(oneByOne, e);
    QByteArray batched;
    monitor::appendEventsJson(batched, batch);
    QCOMPARE(batched, oneByOne);
}

void tst_JsonFastPaths::batchWriterChunksAndFilters()
{
    const server::EventBatch batch = samples::run();
    // Without payload events: the same lines as skipping them one by one.
    QByteArray expected;
    for (const Event &e : batch) {
        if (!server::carriesPayload(e.type()))
            monitor::appendEventJson(expected, e);
    }
    QByteArray filtered;
    QCOMPARE(monitor::appendEventsJson(filtered, batch, 0, false), batch.size());
    QCOMPARE(filtered, expected);

    // In pieces of at least 300 bytes: every piece ends a line, and the
    // pieces put together are the whole batch.
    QByteArray whole;
    monitor::appendEventsJson(whole, batch);
    QByteArray joined;
    qsizetype next = 0;
    int pieces = 0;
    while (next < batch.size()) {
        QByteArray piece;
        const qsizetype from = next;
        next = monitor::appendEventsJson(piece, batch, next, true, 300);
        QVERIFY(next > from);
        QVERIFY(piece.endsWith('\n'));
        QVERIFY(next == batch.size() || piece.size() >= 300);
        joined += piece;
        ++pieces;
    }
    QVERIFY(pieces > 1);
    QCOMPARE(joined, whole);
}

QTEST_GUILESS_MAIN(tst_JsonFastPaths)
#include "tst_jsonfastpaths.moc"
