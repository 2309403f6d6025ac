// The files the headless mode writes, end to end through the real binary:
// `export` refuses what is not a regular file (and leaves it untouched), a
// NUL in the path is refused instead of cut, and a --log-file that stops
// being writable is an `error` event on stdout that says how many events
// the file lacks (docs/headless.md).

#include "serverandpeer.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QtTest>

#include <sys/stat.h>

using namespace closecall::test;
using namespace Qt::StringLiterals;

namespace {

struct Node
{
    bool exists = false;
    mode_t mode = 0;
    ino_t ino = 0;
    dev_t rdev = 0;
};

Node nodeOf(const QString &path)
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {true, st.st_mode, st.st_ino, st.st_rdev};
}

bool same(const Node &a, const Node &b)
{
    return a.exists && b.exists && a.mode == b.mode && a.ino == b.ino && a.rdev == b.rdev;
}

} // namespace

class tst_files : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportRefusesWhatIsNotARegularFile_data();
    void exportRefusesWhatIsNotARegularFile();
    void exportRefusesNulInPath();
    void timelineWritesTheCloseAsSvg();
    void logFileOnAFifoIsRefusedAtStart();
    void logFileWriteFailureIsAnErrorEvent();

private:
    QTemporaryDir m_dir;
};

void tst_files::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(CLOSECALL_BIN)).isExecutable(), CLOSECALL_BIN);
}

void tst_files::exportRefusesWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("why");
    QTest::newRow("FIFO") << u"fifo"_s << u"it is a FIFO (named pipe)"_s;
    QTest::newRow("directory") << u"dir"_s << u"it is a directory"_s;
    QTest::newRow("symbolic link") << u"link"_s << u"it is a symbolic link to "_s;
    // Only looked at, never opened: the old export replaced device nodes.
    QTest::newRow("/dev/null") << u"/dev/null"_s << u"it is a character device"_s;
    QTest::newRow("/dev/full") << u"/dev/full"_s << u"it is a character device"_s;
    QTest::newRow("/dev/stdout") << u"/dev/stdout"_s << u"symbolic link"_s;
}

void tst_files::exportRefusesWhatIsNotARegularFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, why);

    QString target;
    QString linkTarget;
    if (kind == u"fifo") {
        target = m_dir.filePath(u"pipe.jsonl"_s);
        QVERIFY(::mkfifo(QFile::encodeName(target).constData(), 0600) == 0);
    } else if (kind == u"dir") {
        target = m_dir.filePath(u"folder.jsonl"_s);
        QVERIFY(QDir().mkpath(target));
    } else if (kind == u"link") {
        linkTarget = m_dir.filePath(u"precious.txt"_s);
        QFile precious(linkTarget);
        QVERIFY(precious.open(QIODevice::WriteOnly));
        precious.write("keep me\n");
        precious.close();
        target = m_dir.filePath(u"link.jsonl"_s);
        QVERIFY(QFile::link(linkTarget, target));
    } else {
        target = kind;
    }
    const Node before = nodeOf(target);
    if (!before.exists)
        QSKIP("no such node on this system");

    Server server;
    QVERIFY(server.start({}));
    const QJsonObject result =
        server.command({{"cmd"_L1, u"export"_s}, {"path"_L1, target}, {"format"_L1, u"jsonl"_s}});
    QCOMPARE(result.value("ok"_L1), QJsonValue(false)); // it answered ok: true before
    const QString error = result.value("error"_L1).toString();
    QVERIFY2(error.startsWith(u"cannot write "_s + target + u": "_s), qPrintable(error));
    QVERIFY2(error.contains(why), qPrintable(error));

    QVERIFY(same(before, nodeOf(target))); // still the very same node
    if (!linkTarget.isEmpty()) {
        QFile precious(linkTarget);
        QVERIFY(precious.open(QIODevice::ReadOnly));
        QCOMPARE(precious.readAll(), QByteArray("keep me\n"));
    }
    // The server's own stdout is still the event stream.
    QVERIFY(server.command({{"cmd"_L1, u"list"_s}}).value("ok"_L1).toBool());
}

// `timeline` draws one connection's close from the headless log: Close
// Output, two messages from the peer after it, the peer's Close, our FIN.
void tst_files::timelineWritesTheCloseAsSvg()
{
    Server server;
    QVERIFY(server.start({}));
    Peer peer;
    QVERIFY(peer.start(server.url(u"/t"_s), {u"--after-close-send"_s, u"2"_s}));
    const int conn = server.connFor(u"/t"_s);
    QVERIFY(conn > 0);
    QVERIFY(server.command({{"cmd"_L1, u"close_output"_s}, {"conn"_L1, conn}, {"code"_L1, 1001}})
                .value("ok"_L1)
                .toBool());
    QVERIFY(server.waitFor(eventIs(u"closed"_s, conn)));

    const QString path = m_dir.filePath(u"close.svg"_s);
    const QJsonObject result =
        server.command({{"cmd"_L1, u"timeline"_s}, {"conn"_L1, conn}, {"path"_L1, path}});
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));
    const QJsonObject data = result.value("data"_L1).toObject();
    QCOMPARE(data.value("path"_L1), path);
    QCOMPARE(data.value("format"_L1), u"svg"_s);
    QCOMPARE(data.value("conn"_L1), conn);
    QVERIFY(data.value("items"_L1).toInt() >= 7);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList labels;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text"_s &&
            xml.attributes().value(u"class"_s) == u"label"_s)
            labels.append(xml.readElementText());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    const QStringList expected{
        u"Close 1001 Going Away · Close Output"_s,
        u"#1 delivered · text 13 B “after close 1”"_s,
        u"#2 delivered · text 13 B “after close 2”"_s,
        u"TCP FIN"_s,
    };
    qsizetype at = -1;
    for (const QString &label : expected) {
        const qsizetype found = labels.indexOf(label);
        QVERIFY2(found > at, qPrintable(label + u" in "_s + labels.join(u" | "_s)));
        at = found;
    }

    // What the headless mode cannot or will not draw is refused, saying why.
    const QJsonObject png = server.command(
        {{"cmd"_L1, u"timeline"_s}, {"conn"_L1, conn}, {"path"_L1, m_dir.filePath(u"c.png"_s)}});
    QCOMPARE(png.value("ok"_L1), QJsonValue(false));
    QVERIFY2(png.value("error"_L1).toString().contains(u"png needs the window"_s),
             qPrintable(png.value("error"_L1).toString()));
    QVERIFY(!QFile::exists(m_dir.filePath(u"c.png"_s)));
    const QJsonObject unknown = server.command(
        {{"cmd"_L1, u"timeline"_s}, {"conn"_L1, 999}, {"path"_L1, m_dir.filePath(u"u.svg"_s)}});
    QCOMPARE(unknown.value("error"_L1), u"connection 999 has no events in the log"_s);
    const QJsonObject folder =
        server.command({{"cmd"_L1, u"timeline"_s}, {"conn"_L1, conn}, {"path"_L1, m_dir.path()}});
    QVERIFY2(folder.value("error"_L1).toString().startsWith(u"cannot write "_s + m_dir.path()),
             qPrintable(folder.value("error"_L1).toString()));
}

void tst_files::exportRefusesNulInPath()
{
    // Before: the name was cut at the NUL, "a" was written, and the result
    // said ok with the original path.
    Server server;
    QVERIFY(server.start({}));
    const QString dir = m_dir.filePath(u"nul"_s);
    QVERIFY(QDir().mkpath(dir));
    const QByteArray line =
        R"({"id":"n","cmd":"export","path":")" + QFile::encodeName(dir) + R"(/a\u0000b.jsonl"})";
    server.writeLine(line);
    const auto result = server.waitFor(resultFor(u"n"_s));
    QVERIFY(result);
    QCOMPARE(result->value("ok"_L1), QJsonValue(false));
    const QString error = result->value("error"_L1).toString();
    QVERIFY2(error.contains(u"NUL"_s), qPrintable(error));
    QVERIFY2(error.contains(u"'path'"_s), qPrintable(error));
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System),
             QStringList());
}

void tst_files::logFileOnAFifoIsRefusedAtStart()
{
    // Before: open() of a FIFO without a reader blocked the start forever.
    const QString fifo = m_dir.filePath(u"log.fifo"_s);
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess process;
    process.start(QStringLiteral(CLOSECALL_BIN),
                  {u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--log-file"_s, fifo,
                   u"--log-format"_s, u"jsonl"_s});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY(process.exitCode() != 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(u"FIFO"_s), qPrintable(err));
    QVERIFY(S_ISFIFO(nodeOf(fifo).mode));
}

void tst_files::logFileWriteFailureIsAnErrorEvent()
{
    // A file size limit makes the log file's writes fail for any user
    // (EFBIG; SIGXFSZ ignored as the shell passes it on): a full disk takes
    // the same path with ENOSPC (tst_exporttarget mounts one).
    const QString log = m_dir.filePath(u"limited.jsonl"_s);
    JsonLinesProcess server;
    server.process().start(u"/bin/sh"_s,
                           {u"-c"_s, u"trap '' XFSZ; ulimit -f 2; exec \"$0\" \"$@\""_s,
                            QStringLiteral(CLOSECALL_BIN), u"--headless"_s, u"--listen"_s,
                            u"127.0.0.1:0"_s, u"--log-file"_s, log});
    QVERIFY(server.waitFor(eventIs(u"listening"_s)));

    // Results go to the log file too: ask until it is over its limit.
    const auto failed = [](const QJsonObject &o) {
        return o.value("event"_L1).toString() == u"error" &&
               o.value("message"_L1).toString().startsWith(u"--log-file: "_s);
    };
    for (int i = 0; i < 200 && !server.waitFor(failed, 10); ++i)
        server.writeLine(R"({"cmd":"list","id":"l)" + QByteArray::number(i) + "\"}");
    const auto error = server.waitFor(failed, 10000);
    QVERIFY2(error, server.stderrText().constData());
    const QString message = error->value("message"_L1).toString();
    QVERIFY2(message.contains(u"cannot write "_s + log + u": File too large"_s),
             qPrintable(message));
    QVERIFY2(message.contains(QRegularExpression(u"; [1-9][0-9]* event(s|\\(s\\))? not written"_s)),
             qPrintable(message));
    // Said once, not once per failing batch (the error event itself fails
    // to reach the file too).
    for (int i = 0; i < 5; ++i)
        server.writeLine(R"({"cmd":"list","id":"m)" + QByteArray::number(i) + "\"}");
    QVERIFY(server.waitFor(resultFor(u"m4"_s)));
    qsizetype errors = 0;
    for (const QJsonObject &o : server.lines())
        errors += failed(o) ? 1 : 0;
    QCOMPARE(errors, 1);
    // What the file holds is whole lines (the failed part was cut off).
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.endsWith('\n'));
    for (const QByteArray &line : content.trimmed().split('\n'))
        QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());

    server.writeLine(R"({"cmd":"quit"})");
    QVERIFY(server.waitForExit(15000));
}

QTEST_GUILESS_MAIN(tst_files)
#include "tst_files.moc"
