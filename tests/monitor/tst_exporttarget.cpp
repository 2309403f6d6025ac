// What CloseCall may write (exporttarget.h), through every writer: exportLog,
// ExportFile and LogFileWriter. Refused targets are left exactly as they
// were; a full disk says "No space left on device"; a log file that stops
// being writable says how many events it lacks.

#include "eventsamples.h"
#include "monitor/eventstore.h"
#include "monitor/exporttarget.h"
#include "monitor/logexport.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace closecall;
using namespace Qt::StringLiterals;
using monitor::LogFormat;

namespace {

struct Stat
{
    bool exists = false;
    mode_t mode = 0;
    dev_t rdev = 0;
    ino_t ino = 0;
    off_t size = 0;
};

Stat lstatOf(const QString &path)
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {true, st.st_mode, st.st_rdev, st.st_ino, st.st_size};
}

bool sameNode(const Stat &a, const Stat &b)
{
    return a.exists && b.exists && a.mode == b.mode && a.rdev == b.rdev && a.ino == b.ino;
}

// Every writer, on one path: each must refuse it with `why`.
void expectRefusedByAll(const QString &path, const QString &why)
{
    const QString prefix = u"cannot write "_s + QDir::toNativeSeparators(path) + u": "_s;

    QString problem = monitor::exportTargetProblem(path);
    QVERIFY2(problem.startsWith(prefix) && problem.contains(why), qPrintable(problem));

    monitor::EventStore store;
    store.append(samples::run());
    const monitor::ExportResult r = monitor::exportLog(store, path, LogFormat::Jsonl);
    QVERIFY(!r.ok());
    QCOMPARE(r.events, 0);
    QVERIFY2(r.error.startsWith(prefix) && r.error.contains(why), qPrintable(r.error));

    monitor::ExportFile file(path);
    QVERIFY(!file.open());
    QVERIFY2(file.errorString().contains(why), qPrintable(file.errorString()));

    monitor::LogFileWriter writer;
    QVERIFY(!writer.open(path, LogFormat::Text));
    QVERIFY2(writer.errorString().startsWith(prefix) && writer.errorString().contains(why),
             qPrintable(writer.errorString()));
}

} // namespace

class tst_ExportTarget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void newAndRegularFilesAreWritten();
    void fifoIsRefusedWithoutBlocking();
    void characterDevicesAreRefusedUntouched_data();
    void characterDevicesAreRefusedUntouched();
    void directoryIsRefused();
    void socketIsRefused();
    void symlinkIsRefusedAndItsTargetKept();
    void danglingSymlinkIsRefused();
    void nulInPathIsRefused();
    void kernelInterfaceFileSaysWhatItIs();
    void errnoTextIsTheSystemsOwn();
    void fullDiskSaysNoSpaceLeft();
    void logFileFailureIsReportedWithCount();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ExportTarget::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ExportTarget::newAndRegularFilesAreWritten()
{
    QCOMPARE(monitor::exportTargetProblem(path(u"new.jsonl"_s)), QString());
    QFile old(path(u"old.jsonl"_s));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old\n");
    old.close();
    QCOMPARE(monitor::exportTargetProblem(old.fileName()), QString());

    monitor::EventStore store;
    store.append(samples::run());
    QVERIFY(monitor::exportLog(store, old.fileName(), LogFormat::Jsonl).ok());
    QVERIFY(QFileInfo(old.fileName()).size() > 4);

    monitor::LogFileWriter writer;
    QVERIFY2(writer.open(path(u"live.log"_s), LogFormat::Text), qPrintable(writer.errorString()));
    QVERIFY(writer.write(samples::run()));
    QCOMPARE(writer.takeReport(), QString()); // nothing to tell
    QCOMPARE(writer.path(), path(u"live.log"_s));
}

void tst_ExportTarget::fifoIsRefusedWithoutBlocking()
{
    // Before: the export replaced the FIFO with a regular file, and a log
    // file on it blocked in open() until a reader came.
    const QString fifo = path(u"pipe.jsonl"_s);
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const Stat before = lstatOf(fifo);
    expectRefusedByAll(fifo, u"it is a FIFO (named pipe), not a regular file"_s);
    const Stat after = lstatOf(fifo);
    QVERIFY(S_ISFIFO(after.mode));
    QVERIFY(sameNode(before, after));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::System | QDir::Hidden),
             QStringList{u"pipe.jsonl"_s}); // no temporary file left behind
}

void tst_ExportTarget::characterDevicesAreRefusedUntouched_data()
{
    QTest::addColumn<QString>("device");
    // Only checked and refused, never opened for writing: as root the old
    // code replaced /dev/full with a regular file.
    QTest::newRow("/dev/null") << u"/dev/null"_s;
    QTest::newRow("/dev/full") << u"/dev/full"_s;
    QTest::newRow("/dev/stdout (a link to the process's own output)") << u"/dev/stdout"_s;
}

void tst_ExportTarget::characterDevicesAreRefusedUntouched()
{
    QFETCH(QString, device);
    const Stat before = lstatOf(device);
    if (!before.exists)
        QSKIP("this system has no such device");
    const QString why = S_ISLNK(before.mode) ? u"symbolic link"_s : u"a character device"_s;
    expectRefusedByAll(device, why);
    QVERIFY(sameNode(before, lstatOf(device)));
}

void tst_ExportTarget::directoryIsRefused()
{
    const QString dir = path(u"adir.csv"_s);
    QVERIFY(QDir().mkdir(dir));
    expectRefusedByAll(dir, u"it is a directory"_s);
    QVERIFY(QFileInfo(dir).isDir());
}

void tst_ExportTarget::socketIsRefused()
{
    const QString socketPath = path(u"s.log"_s);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(socketPath);
    if (encoded.size() >= qsizetype(sizeof addr.sun_path)) {
        ::close(fd);
        QSKIP("temporary path too long for a UNIX socket");
    }
    std::memcpy(addr.sun_path, encoded.constData(), encoded.size());
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    expectRefusedByAll(socketPath, u"it is a socket"_s);
    QVERIFY(S_ISSOCK(lstatOf(socketPath).mode));
    ::close(fd);
}

void tst_ExportTarget::symlinkIsRefusedAndItsTargetKept()
{
    // Before: the link was followed and its target rewritten.
    const QString target = path(u"precious.txt"_s);
    QFile precious(target);
    QVERIFY(precious.open(QIODevice::WriteOnly));
    precious.write("keep me\n");
    precious.close();
    const QString link = path(u"link.jsonl"_s);
    QVERIFY(QFile::link(target, link));

    expectRefusedByAll(link, u"it is a symbolic link to "_s + target);
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(precious.open(QIODevice::ReadOnly));
    QCOMPARE(precious.readAll(), QByteArray("keep me\n"));
}

void tst_ExportTarget::danglingSymlinkIsRefused()
{
    // A link to nowhere: writing "it" would create a file elsewhere.
    const QString link = path(u"dangling.log"_s);
    const QString nowhere = path(u"not-there.log"_s);
    QVERIFY(QFile::link(nowhere, link));
    expectRefusedByAll(link, u"symbolic link"_s);
    QVERIFY(!QFileInfo::exists(nowhere));
}

void tst_ExportTarget::nulInPathIsRefused()
{
    // Before: the name was cut at the NUL and "a" was written instead.
    const QString withNul = path(u"a"_s) + QChar(u'\0') + u"b.jsonl"_s;
    const QString problem = monitor::exportTargetProblem(withNul);
    QVERIFY2(problem.contains(u"NUL character"_s), qPrintable(problem));
    QVERIFY2(problem.contains(u"a\\0b.jsonl"_s), qPrintable(problem)); // shown, not cut

    monitor::EventStore store;
    store.append(samples::run());
    const monitor::ExportResult r = monitor::exportLog(store, withNul, LogFormat::Jsonl);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(u"NUL character"_s), qPrintable(r.error));
    monitor::LogFileWriter writer;
    QVERIFY(!writer.open(withNul, LogFormat::Jsonl));
    QVERIFY(writer.errorString().contains(u"NUL character"_s));
    QVERIFY(!QFileInfo::exists(path(u"a"_s)));
}

void tst_ExportTarget::kernelInterfaceFileSaysWhatItIs()
{
    // Before: "/proc/version" was answered "No such file or directory" (the
    // temporary file next to it could not be made).
    if (!QFileInfo::exists(u"/proc/version"_s))
        QSKIP("no /proc");
    const QString problem = monitor::exportTargetProblem(u"/proc/version"_s);
    QVERIFY2(problem.contains(u"kernel interface file on proc"_s), qPrintable(problem));
    QVERIFY(!problem.contains(u"No such file"_s));
    const QString created = monitor::exportTargetProblem(u"/proc/closecall-export.jsonl"_s);
    QVERIFY2(created.contains(u"kernel interface"_s), qPrintable(created));
}

void tst_ExportTarget::errnoTextIsTheSystemsOwn()
{
    QCOMPARE(monitor::systemErrorText(ENOSPC), QString::fromLocal8Bit(std::strerror(ENOSPC)));
    QVERIFY(!monitor::systemErrorText(ENOSPC).contains(u"Unknown"_s));
    QCOMPARE(monitor::systemErrorText(EACCES), QString::fromLocal8Bit(std::strerror(EACCES)));
}

void tst_ExportTarget::fullDiskSaysNoSpaceLeft()
{
    // A real full disk: a 64 KiB tmpfs, mounted in a mount namespace of this
    // test process's own (nothing outside it sees the mount, and it goes
    // away with the process). Needs CAP_SYS_ADMIN.
    if (::unshare(CLONE_NEWNS) != 0)
        QSKIP("cannot make a private mount namespace (needs root): errnoTextIsTheSystemsOwn "
              "covers the words");
    QVERIFY(::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0);
    const QString disk = path(u"disk"_s);
    QVERIFY(QDir().mkdir(disk));
    if (::mount("tmpfs", QFile::encodeName(disk).constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP("cannot mount a tmpfs here");
    const auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(disk).constData(), 0); });

    monitor::EventStore store;
    for (int i = 0; i < 200; ++i)
        store.append(samples::run());
    const QString target = disk + u"/big.jsonl"_s;
    QFile old(target);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old\n");
    old.close();

    const monitor::ExportResult r = monitor::exportLog(store, target, LogFormat::Jsonl);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(monitor::systemErrorText(ENOSPC)), qPrintable(r.error));
    QVERIFY2(!r.error.contains(u"Unknown error"_s), qPrintable(r.error));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old\n")); // the old file stays
    old.close();

    // The log file: the first failing batch is reported, the file keeps
    // whole lines only, and later batches are still tried.
    monitor::LogFileWriter writer;
    QVERIFY2(writer.open(disk + u"/live.jsonl"_s, LogFormat::Jsonl),
             qPrintable(writer.errorString()));
    int batches = 0;
    while (writer.write(samples::run()) && ++batches < 10000) {
    }
    QVERIFY(batches < 10000);
    const QString report = writer.takeReport();
    QVERIFY2(report.contains(monitor::systemErrorText(ENOSPC)), qPrintable(report));
    QVERIFY2(report.contains(u"%1 event(s) not written"_s.arg(samples::run().size())) ||
                 report.contains(u"%1 events not written"_s.arg(samples::run().size())),
             qPrintable(report));
    QVERIFY(!writer.write(samples::run()));
    QCOMPARE(writer.takeReport(), QString()); // said once, not once per batch
    QCOMPARE(writer.eventsLost(), quint64(2 * samples::run().size()));
    QFile live(disk + u"/live.jsonl"_s);
    QVERIFY(live.open(QIODevice::ReadOnly));
    const QByteArray content = live.readAll();
    QVERIFY(content.endsWith('\n'));
    QCOMPARE(quint64(content.count('\n')), writer.eventsWritten());
}

void tst_ExportTarget::logFileFailureIsReportedWithCount()
{
    // Writes that fail for any user: a file size limit (EFBIG, with
    // SIGXFSZ ignored as a server would), lifted again afterwards.
    monitor::LogFileWriter writer;
    const QString file = path(u"limited.log"_s);
    QVERIFY(writer.open(file, LogFormat::Text));
    QVERIFY(writer.write(samples::run()));
    const quint64 before = writer.eventsWritten();
    const qint64 size = QFileInfo(file).size();

    rlimit old{};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = old;
    limited.rlim_cur = rlim_t(size + 10);
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    const bool wrote = writer.write(samples::run());
    const bool wroteAgain = writer.write(samples::run());
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &old) == 0);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(!wrote);
    QVERIFY(!wroteAgain);
    const QString report = writer.takeReport();
    QVERIFY2(report.startsWith(u"cannot write "_s + QDir::toNativeSeparators(file) + u": "_s),
             qPrintable(report));
    QVERIFY2(report.contains(monitor::systemErrorText(EFBIG)), qPrintable(report));
    QVERIFY2(report.contains(QString::number(samples::run().size())), qPrintable(report));
    QCOMPARE(writer.takeReport(), QString());
    // The partial batch was cut off again: whole lines only.
    QCOMPARE(QFileInfo(file).size(), size);

    // Writable again: said once, with how many events the file lacks.
    QVERIFY(writer.write(samples::run()));
    const QString recovered = writer.takeReport();
    QVERIFY2(recovered.contains(u"written again"_s) &&
                 recovered.contains(QString::number(2 * samples::run().size())),
             qPrintable(recovered));
    QCOMPARE(writer.eventsWritten(), before + quint64(samples::run().size()));
    QCOMPARE(writer.eventsLost(), quint64(2 * samples::run().size()));
}

QTEST_GUILESS_MAIN(tst_ExportTarget)
#include "tst_exporttarget.moc"
