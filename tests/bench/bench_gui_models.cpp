// The GUI's models under the load of docs/architecture.md "Performance
// targets", without widgets: 1,000,000
// synthetic events (1,000 connections, text and binary messages both ways,
// some post-close) go through EventFeed into the connections table and the
// log in engine-sized batches, with both filter proxies attached as the
// main window attaches them. Prints the time each batch takes to apply,
// the time LogFilterProxy takes to filter the million rows, the log's
// bytes per entry and the process's RSS (VmRSS) before and after.
//
//   bench_gui_models [events] [batch size]   (defaults 1000000 1000)
//
// Not a timed test: run it on an idle machine, Release build.

#include "monitor/connectionfilterproxy.h"
#include "monitor/connectiontablemodel.h"
#include "monitor/eventfeed.h"
#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"
#include "monitor/logmodelexport.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtGui/QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace closecall;
using namespace Qt::StringLiterals;
using server::Event;
using server::EventBatch;
using server::EventType;

namespace {

constexpr quint32 Connections = 1000;

double rssMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// One batch as the engine would publish it: messages over all
// connections; every 50th text message in goes to a closing connection
// and is post-close.
EventBatch makeBatch(quint64 &seq, int size)
{
    static const QByteArray words =
        "{\"type\":\"tick\",\"symbol\":\"ACME\",\"price\":1234.5,\"qty\":17,\"note\":\"lorem ipsum "
        "dolor sit amet, consectetur adipiscing elit\"}";
    EventBatch batch;
    batch.reserve(size);
    for (int i = 0; i < size; ++i) {
        const quint64 n = seq++;
        server::events::Payload p;
        if (n % 10 == 9) {
            p.messageType = protocol::MessageType::Binary;
            p.preview = QByteArray(48, char(n));
        } else {
            p.preview = words.left(60 + qsizetype(n % 60)) + QByteArray::number(n);
        }
        p.size = p.preview.size() + qint64(n % 7) * 100;
        protocol::State state = protocol::State::Open;
        if (n % 100 == 1) {
            state = protocol::State::CloseSent;
            p.postClose =
                n % 200 == 1 ? protocol::PostClose::Delivered : protocol::PostClose::Discarded;
        }
        const quint32 conn = quint32(1 + n % Connections);
        Event e = n % 2 ? Event(server::events::MessageIn{std::move(p)}, conn, state)
                        : Event(server::events::MessageOut{std::move(p)}, conn, state);
        e.seq = n;
        e.tUs = qint64(n) * 50; // 20,000 events a second
        e.wallUs = 1'795'689'862'000'000LL + e.tUs;
        batch.append(std::move(e));
    }
    return batch;
}

EventBatch opens(quint64 &seq)
{
    EventBatch batch;
    for (quint32 c = 1; c <= Connections; ++c) {
        server::events::Open open;
        open.remote = u"10.0.%1.%2:%3"_s.arg(c / 250).arg(c % 250).arg(40000 + c);
        open.path = u"/feed"_s;
        open.userAgent = u"loadgen/1.0"_s;
        open.headers = {{"Host", "127.0.0.1:9001"}, {"Upgrade", "websocket"}};
        Event e(std::move(open), c, protocol::State::Open);
        e.seq = seq++;
        batch.append(std::move(e));
    }
    return batch;
}

struct Stats
{
    double mean = 0, p50 = 0, p99 = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (const double x : v)
        sum += x;
    s.mean = sum / double(v.size());
    s.p50 = v[v.size() / 2];
    s.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    s.max = v.back();
    return s;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall-clock ms; the GUI thread's CPU ms in `cpu` (the machine may be
// shared: CPU time is what the work costs, wall time what a user waits).
double timeMs(const std::function<void()> &f, double *cpu = nullptr)
{
    QElapsedTimer t;
    const double cpu0 = threadCpuMs();
    t.start();
    f();
    const double wall = double(t.nsecsElapsed()) / 1e6;
    if (cpu)
        *cpu = threadCpuMs() - cpu0;
    return wall;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype total = args.size() > 1 ? args[1].toLongLong() : 1'000'000;
    const int batchSize = args.size() > 2 ? args[2].toInt() : 1000;

    const double rssStart = rssMiB();
    monitor::ConnectionTableModel connections;
    monitor::ConnectionFilterProxy connectionProxy;
    connectionProxy.setSourceModel(&connections);
    connectionProxy.sort(monitor::ConnectionTableModel::MsgsIn, Qt::DescendingOrder);
    monitor::LogModel log;
    log.setCapacity(std::max<qsizetype>(total, 1));
    monitor::LogFilterProxy logProxy;
    logProxy.setSourceModel(&log);
    monitor::EventFeed feed(&connections, &log);
    feed.setCoalesceIntervalMs(0); // time each batch on its own

    quint64 seq = 1;
    feed.onEvents(opens(seq));
    std::vector<double> applyMs;
    std::vector<double> applyCpuMs;
    const qsizetype batches = (total - qsizetype(Connections) + batchSize - 1) / batchSize;
    for (qsizetype b = 0; b < batches; ++b) {
        const int n = int(std::min<qsizetype>(batchSize, total - log.rowCount()));
        EventBatch batch = makeBatch(seq, n);
        double cpu = 0;
        applyMs.push_back(timeMs([&] { feed.onEvents(batch); }, &cpu));
        applyCpuMs.push_back(cpu);
    }
    const double rssFilled = rssMiB();
    const Stats apply = stats(applyMs);
    const Stats applyCpu = stats(applyCpuMs);

    std::printf("events in the log: %d (capacity %lld), dropped %llu\n", log.rowCount(),
                qlonglong(log.capacity()), qulonglong(log.dropped()));
    std::printf("apply one batch of %d events (connections table + log + both proxies):\n"
                "  mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms over %zu batches\n",
                batchSize, apply.mean, apply.p50, apply.p99, apply.max, applyMs.size());
    std::printf("  CPU: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", applyCpu.mean,
                applyCpu.p50, applyCpu.p99, applyCpu.max);
    std::printf("log storage: %.1f MiB, %.1f bytes per entry\n", log.memoryBytes() / 1048576.0,
                double(log.memoryBytes()) / log.rowCount());

    // A screenful of the log's newest rows, drawn as a view would.
    const double drawMs = timeMs([&] {
        for (int row = log.rowCount() - 40; row < log.rowCount(); ++row) {
            for (int c = 0; c < monitor::LogModel::ColumnCount; ++c) {
                (void)log.index(row, c).data(Qt::DisplayRole);
                (void)log.index(row, c).data(Qt::BackgroundRole);
            }
        }
    });
    std::printf("data() for a screen (40 rows x 8 columns): %.2f ms\n", drawMs);

    const auto filter = [&](const char *what, const monitor::LogFilterProxy::Criteria &c) {
        int shown = 0;
        double cpu = 0;
        const double ms = timeMs(
            [&] {
                logProxy.setCriteria(c);
                shown = logProxy.rowCount(); // the mapping is built here
            },
            &cpu);
        std::printf("  %-40s %7.1f ms (CPU %7.1f ms)  %7d rows shown\n", what, ms, cpu, shown);
        return ms;
    };
    std::printf("LogFilterProxy over %d rows:\n", log.rowCount());
    const double textMs = filter("text \"ACME\" (every text row)", {u"acme"_s, {}, {}, false});
    filter("text \"99999\" (few rows)", {u"99999"_s, {}, {}, false});
    filter("text \"10.0.1.\" (remote of 250 conns)", {u"10.0.1."_s, {}, {}, false});
    filter("text \"grüß\" (non-ASCII, no match)", {u"grüß"_s, {}, {}, false});
    filter("connections {7, 8}", {{}, {7, 8}, {}, false});
    filter("kind message_out", {{}, {}, {EventType::MessageOut}, false});
    filter("post-close only", {{}, {}, {}, true});
    filter("no filter", {});
    for (const int column : {int(monitor::LogModel::Size), int(monitor::LogModel::Conn)}) {
        double cpu = 0;
        const double ms = timeMs([&] { logProxy.sort(column, Qt::DescendingOrder); }, &cpu);
        std::printf("  sort by %-32s %7.1f ms (CPU %7.1f ms)\n",
                    qPrintable(log.headerData(column, Qt::Horizontal).toString()), ms, cpu);
    }
    logProxy.sort(-1);
    const double rssEnd = rssMiB();

    // The steady state of a long run: the log is full, every batch pushes
    // out as many old rows as it brings, with and without a filter on.
    for (const bool filtered : {false, true}) {
        logProxy.setCriteria(filtered ? monitor::LogFilterProxy::Criteria{u"acme"_s, {}, {}, false}
                                      : monitor::LogFilterProxy::Criteria{});
        std::vector<double> wall, cpu;
        for (int b = 0; b < 200; ++b) {
            EventBatch batch = makeBatch(seq, batchSize);
            double c = 0;
            wall.push_back(timeMs([&] { feed.onEvents(batch); }, &c));
            cpu.push_back(c);
        }
        const Stats w = stats(wall), c = stats(cpu);
        std::printf(
            "full log, %d-event batches (evicting)%s: mean %.2f ms, p99 %.2f ms, max %.2f ms "
            "(CPU mean %.2f, p99 %.2f)\n",
            batchSize, filtered ? " (text filter on)" : "", w.mean, w.p99, w.max, c.mean, c.p99);
    }
    std::printf("dropped %llu, rows %d\n", qulonglong(log.dropped()), log.rowCount());

    // "Export log…" of the whole log, streamed (exportLogModel).
    QTemporaryDir dir;
    for (const auto format : {monitor::LogFormat::Jsonl, monitor::LogFormat::Csv}) {
        monitor::ExportResult result;
        const QString path = dir.filePath(u"log."_s + monitor::logFormatName(format));
        const double ms = timeMs([&] { result = monitor::exportLogModel(log, path, format); });
        std::printf("export %lld events as %s: %.0f ms, %.1f MiB file, RSS after %.1f MiB%s\n",
                    qlonglong(result.events), monitor::logFormatName(format).data(), ms,
                    double(QFile(path).size()) / 1048576.0, rssMiB(),
                    result.ok() ? "" : " (FAILED)");
    }

    std::printf("RSS: %.1f MiB at start, %.1f MiB with %d entries, %.1f MiB after filtering\n",
                rssStart, rssFilled, log.rowCount(), rssEnd);
    std::printf("SUMMARY bytes/entry=%.1f rss_MiB=%.1f text_filter_ms=%.1f batch_p99_ms=%.2f\n",
                double(log.memoryBytes()) / log.rowCount(), rssEnd, textMs, apply.p99);
    return 0;
}
