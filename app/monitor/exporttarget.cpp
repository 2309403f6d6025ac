#include "exporttarget.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

namespace {

// lupdate files this namespace's tr() texts under "closecall::monitor"; the
// lookup must use the same context or they are never translated.
QString tr(const char *text)
{
    return QCoreApplication::translate("closecall::monitor", text);
}

// Shown, never used to open anything: a NUL is spelled out.
QString displayPath(const QString &path)
{
    QString shown = QDir::toNativeSeparators(path);
    shown.replace(QChar(u'\0'), u"\\0"_s);
    return shown;
}

// What is there, when it is not a regular file.
QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return tr("a FIFO (named pipe)");
    if (S_ISCHR(mode))
        return tr("a character device");
    if (S_ISBLK(mode))
        return tr("a block device");
    if (S_ISDIR(mode))
        return tr("a directory");
    if (S_ISSOCK(mode))
        return tr("a socket");
    if (S_ISLNK(mode))
        return tr("a symbolic link");
    return tr("not a regular file");
}

// Kernel interfaces that look like files: writing an export there either
// fails in odd ways or changes the system. Empty for ordinary file systems.
QString pseudoFileSystem(const QByteArray &encodedPath)
{
    struct statfs fs
    {};
    if (::statfs(encodedPath.constData(), &fs) != 0)
        return {};
    switch (static_cast<unsigned long>(fs.f_type)) {
    case PROC_SUPER_MAGIC:
        return u"proc"_s;
    case SYSFS_MAGIC:
        return u"sysfs"_s;
    case DEBUGFS_MAGIC:
        return u"debugfs"_s;
    case TRACEFS_MAGIC:
        return u"tracefs"_s;
    case CGROUP_SUPER_MAGIC:
    case CGROUP2_SUPER_MAGIC:
        return u"cgroup"_s;
    case SECURITYFS_MAGIC:
        return u"securityfs"_s;
    case BPF_FS_MAGIC:
        return u"bpf"_s;
    case DEVPTS_SUPER_MAGIC:
        return u"devpts"_s;
    case PSTOREFS_MAGIC:
        return u"pstore"_s;
    case EFIVARFS_MAGIC:
        return u"efivarfs"_s;
    default:
        return {};
    }
}

// A new file (or an export's replacement) is created in `dir`.
QString folderProblem(const QString &path, const QString &dir)
{
    const QByteArray encoded = QFile::encodeName(dir);
    struct stat st
    {};
    if (::stat(encoded.constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return cannotWriteMessage(path, tr("the folder %1 does not exist (%2)")
                                                .arg(displayPath(dir), systemErrorText(error)));
        return cannotWriteMessage(path, systemErrorText(error));
    }
    if (!S_ISDIR(st.st_mode))
        return cannotWriteMessage(path, tr("%1 is not a folder").arg(displayPath(dir)));
    if (const QString fs = pseudoFileSystem(encoded); !fs.isEmpty()) {
        return cannotWriteMessage(path, tr("%1 is on %2, a kernel interface, where files cannot "
                                           "be created")
                                            .arg(displayPath(dir), fs));
    }
    if (::access(encoded.constData(), W_OK | X_OK) != 0) {
        return cannotWriteMessage(path, tr("cannot create files in the folder %1: %2")
                                            .arg(displayPath(dir), systemErrorText(errno)));
    }
    return {};
}

} // namespace

QString systemErrorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString cannotWriteMessage(const QString &path, const QString &why)
{
    return tr("cannot write %1: %2").arg(displayPath(path), why);
}

namespace {

// `replaced`: the file is replaced by a new one made in its folder (an
// export), so the folder must take new files; else it is written in place
// (the log file), and an existing file needs only to be writable.
QString targetProblem(const QString &path, bool replaced)
{
    if (path.isEmpty())
        return tr("cannot write: no file name given");
    // QFile would cut the name at the NUL and write somewhere else.
    if (path.contains(QChar(u'\0')))
        return cannotWriteMessage(path, tr("the path contains a NUL character, which no file "
                                           "name can hold"));

    const QByteArray encoded = QFile::encodeName(path);
    const QString dir = QFileInfo(path).absolutePath();
    struct stat st
    {};
    if (::lstat(encoded.constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return folderProblem(path, dir); // a new file
        return cannotWriteMessage(path, systemErrorText(error));
    }
    if (S_ISLNK(st.st_mode)) {
        const QString target = QFileInfo(path).symLinkTarget();
        return cannotWriteMessage(
            path, tr("it is a symbolic link to %1; CloseCall does not write through symbolic "
                     "links (the file it points at would be replaced): give %1 itself if that is "
                     "the file you mean")
                      .arg(displayPath(target)));
    }
    if (!S_ISREG(st.st_mode)) {
        return cannotWriteMessage(
            path, tr("it is %1, not a regular file; exports and log files are written only to "
                     "regular files")
                      .arg(kindOf(st.st_mode)));
    }
    if (const QString fs = pseudoFileSystem(encoded); !fs.isEmpty()) {
        return cannotWriteMessage(path, tr("it is a kernel interface file on %1, not a regular "
                                           "file for data")
                                            .arg(fs));
    }
    if (::access(encoded.constData(), W_OK) != 0)
        return cannotWriteMessage(path, systemErrorText(errno));
    return replaced ? folderProblem(path, dir) : QString();
}

} // namespace

QString exportTargetProblem(const QString &path)
{
    return targetProblem(path, true);
}

// ---- ExportFile -----------------------------------------------------------------

ExportFile::ExportFile(const QString &path)
    : m_path(path)
    , m_file(path)
{}

ExportFile::~ExportFile() = default; // an uncommitted QSaveFile discards its new file

void ExportFile::failWith(const QString &why)
{
    if (m_error.isEmpty())
        m_error = cannotWriteMessage(m_path, why);
    if (m_file.isOpen())
        m_file.cancelWriting();
}

bool ExportFile::open()
{
    m_error = exportTargetProblem(m_path);
    if (!m_error.isEmpty())
        return false;
    // Unbuffered: each write() is a write(2) whose failure we see with its
    // errno, instead of a flush inside commit() that loses it.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        failWith(m_file.errorString());
        return false;
    }
    return true;
}

bool ExportFile::write(QByteArrayView data)
{
    if (!m_error.isEmpty() || !m_file.isOpen())
        return false;
    if (data.isEmpty())
        return true;
    errno = 0;
    const qint64 done = m_file.write(data.data(), data.size());
    if (done != data.size()) {
        const int error = errno;
        const QString why = m_file.errorString();
        failWith(error != 0 ? systemErrorText(error) : why);
        return false;
    }
    return true;
}

bool ExportFile::commit()
{
    if (!m_error.isEmpty() || !m_file.isOpen())
        return false;
    // Between open() and now something else may have taken the name: the
    // rename must not replace a FIFO, a device or a link made meanwhile.
    if (QString problem = exportTargetProblem(m_path); !problem.isEmpty()) {
        m_file.cancelWriting();
        m_error = std::move(problem);
        return false;
    }
    errno = 0;
    if (!m_file.commit()) {
        const int error = errno;
        const QString why = m_file.errorString();
        m_error = cannotWriteMessage(m_path, error != 0 ? systemErrorText(error) : why);
        return false;
    }
    return true;
}

// ---- the log file ----------------------------------------------------------------

int openLogFileDescriptor(const QString &path, QString *error)
{
    if (QString problem = targetProblem(path, false); !problem.isEmpty()) {
        *error = std::move(problem);
        return -1;
    }
    const QByteArray encoded = QFile::encodeName(path);
    // O_NONBLOCK: a FIFO put there since the check must not block the
    // open (it fails with ENXIO, or opens and is refused below).
    const int fd =
        ::open(encoded.constData(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int err = errno;
        const QString problem = targetProblem(path, false);
        *error = !problem.isEmpty() ? problem : cannotWriteMessage(path, systemErrorText(err));
        return -1;
    }
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = cannotWriteMessage(path, tr("it is %1, not a regular file; exports and log "
                                             "files are written only to regular files")
                                              .arg(kindOf(st.st_mode)));
        return -1;
    }
    // Truncated only now that it is known to be a regular file.
    const int flags = ::fcntl(fd, F_GETFL);
    if (::ftruncate(fd, 0) != 0 || flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        *error = cannotWriteMessage(path, systemErrorText(errno));
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace closecall::monitor
