// The live half of the GUI benchmark (docs/architecture.md "Performance
// targets"): the real MainWindow, with
// its engine listening on 127.0.0.1 (any free port), takes a flood from
// flood_client, a separate process: 1,000 WebSocket connections sending
// 20,000 small text messages a second in total for 10 s. Measured on the
// GUI thread:
//  - a 1 ms Qt::PreciseTimer heartbeat: the longest gap between two ticks
//    (= the longest GUI-thread stall) and the 99th percentile of the gaps;
//  - completeness: once the client says how many messages it sent in full
//    and the feed is idle, the LogModel holds one message_in per message
//    (plus dropped(), 0 at this size) and its seq numbers have no gaps;
//  - RSS (VmRSS) at the end of the load.
// The log view follows the tail (scrolled to the bottom, as a person
// watching it would be), so the views' layout and painting are included.
// Then, optionally, the log is filled up to --fill rows with synthetic
// message_in entries and a text filter is applied through the log pane,
// timed, with the RSS at that size (bench_gui_models measures the same on
// bare models).
//
//   bench_gui_flood [--conns 1000] [--rate 20000] [--duration 10] [--size 32]
//                   [--echo] [--fill 1000000] [--client PATH]
//
// Runs on any platform plugin: QT_QPA_PLATFORM=offscreen, or a real X
// server (xvfb-run -a). Not a timed test; figures in tests/bench/README.md.

#include "log/logpane.h"
#include "log/logview.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/serversession.h"
#include "monitor/eventfeed.h"
#include "monitor/logbuffer.h"
#include "monitor/logfilterproxy.h"
#include "monitor/logmodel.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QApplication>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace closecall;
using namespace Qt::StringLiterals;
using server::EventType;

namespace {

double procStatusMiB(const char *key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray k(key);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(k))
            return line.mid(k.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Runs the event loop until `done` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Gaps between heartbeat ticks, in ms, per phase.
struct Gaps
{
    std::vector<double> ms;
    double maxAtS = 0; // when the longest happened, s since the phase began

    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
    double p99() const
    {
        if (ms.empty())
            return 0;
        std::vector<double> v = ms;
        const size_t k = std::min(v.size() - 1, v.size() * 99 / 100);
        std::nth_element(v.begin(), v.begin() + qsizetype(k), v.end());
        return v[k];
    }
    size_t over(double limit) const
    {
        return size_t(std::count_if(ms.begin(), ms.end(), [limit](double g) { return g > limit; }));
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"closecall-bench-gui-flood"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"GUI flood benchmark (tests/bench/README.md)"_s);
    parser.addHelpOption();
    const QCommandLineOption connsOpt(u"conns"_s, u"Connections."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption rateOpt(u"rate"_s, u"Messages a second, in total."_s, u"n"_s,
                                     u"20000"_s);
    const QCommandLineOption durationOpt(u"duration"_s, u"Seconds of load."_s, u"s"_s, u"10"_s);
    const QCommandLineOption sizeOpt(u"size"_s, u"Payload bytes a message (16..125)."_s, u"n"_s,
                                     u"32"_s);
    const QCommandLineOption echoOpt(u"echo"_s, u"Turn the server's Echo on."_s);
    const QCommandLineOption fillOpt(
        u"fill"_s, u"After the load, fill the log to this many rows and time a filter (0 = no)."_s,
        u"rows"_s, u"1000000"_s);
    const QCommandLineOption clientOpt(u"client"_s, u"The flood_client program."_s, u"path"_s,
                                       QCoreApplication::applicationDirPath() + u"/flood_client"_s);
    parser.addOptions({connsOpt, rateOpt, durationOpt, sizeOpt, echoOpt, fillOpt, clientOpt});
    parser.process(app);
    const bool echo = parser.isSet(echoOpt);
    const qsizetype fill = parser.value(fillOpt).toLongLong();

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_gui_flood: no temporary directory\n");
        return 1;
    }

    ui::StartupOptions options;
    options.config.address = QHostAddress(QHostAddress::LocalHost);
    options.config.port = 0;
    options.config.echo = echo;
    options.config.maxConnections = 10000;
    options.explicitOptions = {u"--listen"_s, u"--echo"_s};
    options.settingsFile = dir.filePath(u"settings.ini"_s); // fresh: default layout, 1M log
    auto window = std::make_unique<ui::MainWindow>(options);
    window->resize(1280, 800);
    window->show();

    ui::ServerSession *session = window->session();
    monitor::LogModel *log = window->logModel();
    monitor::EventFeed *feed = window->feed();
    ui::LogView *view = window->logPane()->view();
    if (!waitFor([&] { return session->status() == ui::ServerSession::Status::Listening; },
                 10000)) {
        std::fprintf(stderr, "bench_gui_flood: the server did not start\n");
        return 1;
    }
    view->followTail();

    // Completeness, counted as rows arrive (a few µs per batch).
    quint64 messageIn = 0, messageOut = 0, opens = 0, seqGaps = 0, lastSeq = 0, firstSeq = 0;
    std::vector<quint32> connIds;
    const auto scan = [&](int first, int last) {
        for (int row = first; row <= last; ++row) {
            const monitor::LogEntry &e = log->entry(row);
            if (lastSeq == 0)
                firstSeq = e.seq;
            else if (e.seq != lastSeq + 1)
                ++seqGaps;
            lastSeq = e.seq;
            if (e.type == EventType::MessageIn)
                ++messageIn;
            else if (e.type == EventType::MessageOut)
                ++messageOut;
            else if (e.type == EventType::Open) {
                ++opens;
                connIds.push_back(e.conn);
            }
        }
    };
    scan(0, log->rowCount() - 1); // "listening" is already there
    QObject::connect(log, &QAbstractItemModel::rowsInserted, log,
                     [&](const QModelIndex &, int first, int last) { scan(first, last); });

    // The heartbeat.
    enum Phase { Connecting, Flood, Drain, PhaseCount };
    Gaps gaps[PhaseCount];
    int phase = Connecting;
    QElapsedTimer clock, phaseClock;
    qint64 lastTick = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 t = clock.nsecsElapsed();
        const double gap = double(t - lastTick) / 1e6;
        lastTick = t;
        Gaps &g = gaps[phase];
        if (gap > g.max())
            g.maxAtS = double(phaseClock.nsecsElapsed()) / 1e9;
        g.ms.push_back(gap);
    });

    // The client.
    QProcess client;
    client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    qint64 sent = -1;
    QJsonObject sentLine;
    double connectS = 0;
    QObject::connect(&client, &QProcess::readyReadStandardOutput, [&] {
        while (client.canReadLine()) {
            const QJsonObject o = QJsonDocument::fromJson(client.readLine()).object();
            const QString p = o.value(u"phase"_s).toString();
            if (p == u"connected"_s) {
                connectS = o.value(u"seconds"_s).toDouble();
                phase = Flood;
                phaseClock.start();
            } else if (p == u"sent"_s) {
                sentLine = o;
                sent = o.value(u"sent"_s).toInteger(-1);
                phase = Drain;
                phaseClock.start();
            }
        }
    });
    const QStringList clientArgs = {u"--port"_s,     QString::number(session->port()),
                                    u"--conns"_s,    parser.value(connsOpt),
                                    u"--rate"_s,     parser.value(rateOpt),
                                    u"--duration"_s, parser.value(durationOpt),
                                    u"--size"_s,     parser.value(sizeOpt),
                                    u"--hold"_s,     u"300"_s};
    std::printf("platform %s, echo %s, server on 127.0.0.1:%u, client %s %s\n",
                qPrintable(QGuiApplication::platformName()), echo ? "on" : "off",
                unsigned(session->port()), qPrintable(parser.value(clientOpt)),
                qPrintable(clientArgs.join(u' ')));
    std::fflush(stdout);

    clock.start();
    phaseClock.start();
    heartbeat.start();
    client.start(parser.value(clientOpt), clientArgs);
    if (!client.waitForStarted(5000)) {
        std::fprintf(stderr, "bench_gui_flood: cannot start %s\n",
                     qPrintable(parser.value(clientOpt)));
        return 1;
    }

    const int durationMs = int(parser.value(durationOpt).toDouble() * 1000);
    const bool finished = waitFor(
        [&] {
            return client.state() == QProcess::NotRunning ||
                   (sent >= 0 && messageIn >= quint64(sent) && feed->pendingEvents() == 0);
        },
        durationMs + 120000);
    const double drainS = double(phaseClock.nsecsElapsed()) / 1e9;
    // A little longer: anything beyond what was sent would show here.
    waitFor([] { return false; }, 300);
    heartbeat.stop();

    const double rssLoad = procStatusMiB("VmRSS:");
    const double hwmLoad = procStatusMiB("VmHWM:");
    const quint64 dropped = log->dropped();
    const quint64 logged = messageIn; // the fill below adds rows
    const bool complete = finished && sent >= 0 && messageIn + dropped == quint64(sent) &&
                          seqGaps == 0 && (dropped > 0 || firstSeq == 1);

    Gaps all;
    for (const Gaps &g : gaps)
        all.ms.insert(all.ms.end(), g.ms.begin(), g.ms.end());
    const char *names[PhaseCount] = {"connecting (upgrades)", "flood", "drain (after last send)"};
    std::printf("\nclient: %s\n",
                QJsonDocument(sentLine).toJson(QJsonDocument::Compact).constData());
    std::printf("connections opened: %llu in %.2f s\n", (unsigned long long)opens, connectS);
    std::printf("\n| heartbeat (1 ms) | ticks | longest gap ms | at s | p99 ms | gaps > 50 ms |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (int p = 0; p < PhaseCount; ++p)
        std::printf("| %s | %zu | %.1f | %.2f | %.2f | %zu |\n", names[p], gaps[p].ms.size(),
                    gaps[p].max(), gaps[p].maxAtS, gaps[p].p99(), gaps[p].over(50));
    std::printf("| all | %zu | %.1f | | %.2f | %zu |\n", all.ms.size(), all.max(), all.p99(),
                all.over(50));
    std::printf("\n| figure | value |\n| --- | --- |\n");
    std::printf("| messages sent (client, in full) | %lld |\n", (long long)sent);
    std::printf("| message_in rows in the log | %llu |\n", (unsigned long long)messageIn);
    std::printf("| dropped (log full) | %llu |\n", (unsigned long long)dropped);
    std::printf("| message_out rows (echo) | %llu |\n", (unsigned long long)messageOut);
    std::printf("| log rows / seq range | %d / %llu..%llu |\n", log->rowCount(),
                (unsigned long long)firstSeq, (unsigned long long)lastSeq);
    std::printf("| seq gaps | %llu |\n", (unsigned long long)seqGaps);
    std::printf("| complete | %s |\n", complete ? "yes" : "NO");
    std::printf("| log caught up after the last send | %.2f s |\n", drainS);
    std::printf("| model updates applied | %llu for %llu events |\n",
                (unsigned long long)feed->updatesApplied(),
                (unsigned long long)feed->eventsReceived());
    std::printf("| RSS at the end of the load | %.1f MiB (peak %.1f) |\n", rssLoad, hwmLoad);
    std::fflush(stdout);

    client.closeWriteChannel(); // the client resets its connections and exits
    if (!client.waitForFinished(10000)) {
        client.kill();
        client.waitForFinished(2000);
    }

    if (fill > log->rowCount() && !connIds.empty()) {
        // Synthetic message_in rows up to `fill`, as the flood's rows look.
        quint64 seq = lastSeq;
        const QByteArray pad(40, '.');
        QElapsedTimer fillTimer;
        fillTimer.start();
        while (log->rowCount() < fill) {
            server::EventBatch batch;
            const qsizetype n = std::min<qsizetype>(20000, fill - log->rowCount());
            batch.reserve(n);
            for (qsizetype i = 0; i < n; ++i) {
                ++seq;
                const quint32 conn = connIds[size_t(seq % connIds.size())];
                server::events::MessageIn m;
                m.messageType = protocol::MessageType::Text;
                m.preview =
                    "flood " + QByteArray::number(conn) + ' ' + QByteArray::number(seq) + ' ' + pad;
                m.size = m.preview.size();
                server::Event e(std::move(m), conn, protocol::State::Open);
                e.seq = seq;
                e.tUs = qint64(seq) * 50;
                e.wallUs = 1'795'689'862'000'000LL + e.tUs;
                batch.append(std::move(e));
            }
            log->applyBatch(batch);
            QCoreApplication::processEvents();
        }
        QCoreApplication::processEvents();
        const double fillS = double(fillTimer.nsecsElapsed()) / 1e9;
        const double rssFull = procStatusMiB("VmRSS:");
        ui::LogPane *pane = window->logPane();
        const auto timeFilter = [&](const QString &text) {
            QElapsedTimer t;
            t.start();
            pane->setFilterText(text);
            const double applyMs = double(t.nsecsElapsed()) / 1e6;
            QCoreApplication::processEvents(); // the view's relayout and repaint
            const double withPaintMs = double(t.nsecsElapsed()) / 1e6;
            std::printf("| filter \"%s\" | %.1f ms (%.1f ms with repaint), %d of %d rows |\n",
                        qPrintable(text), applyMs, withPaintMs, pane->visibleRows(),
                        log->rowCount());
        };
        std::printf("\n| %d log rows (filled in %.1f s) | value |\n| --- | --- |\n",
                    log->rowCount(), fillS);
        std::printf("| RSS | %.1f MiB (peak %.1f) |\n", rssFull, procStatusMiB("VmHWM:"));
        timeFilter(u"flood 77"_s);     // connections 77 and 770..779: ~1 row in 90
        timeFilter(u"flood"_s);        // every message row
        timeFilter(u"no such text"_s); // nothing
        timeFilter(QString());         // back to all
        std::printf("| RSS after filtering | %.1f MiB |\n", procStatusMiB("VmRSS:"));
    }

    std::printf("\nSUMMARY platform=%s echo=%s sent=%lld logged=%llu complete=%s "
                "stall_max_ms=%.1f stall_p99_ms=%.2f rss_MiB=%.1f\n",
                qPrintable(QGuiApplication::platformName()), echo ? "on" : "off", (long long)sent,
                (unsigned long long)logged, complete ? "yes" : "no", all.max(), all.p99(), rssLoad);
    std::fflush(stdout);

    session->stopNow();
    window.reset();
    return complete ? 0 : 1;
}
