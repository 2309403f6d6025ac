#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QSaveFile>
#include <QtCore/QString>

// The one place that decides whether CloseCall may write a file (every
// export, the connections CSV, --log-file and "Log to file" come here), and
// that turns a failed system call into words.
//
// What may be written: a path that does not exist yet (in a folder that
// does), or an existing regular file we may write (for an export, in a
// folder that takes new files: the export replaces it atomically). Everything else is
// refused before anything is opened, naming what is there: a FIFO, a
// character or block device, a directory, a socket, a kernel interface file
// (/proc, /sys), or a symbolic link. Symbolic links are refused rather than
// followed: replacing or truncating the file a link points at, somewhere
// the user did not name, is what a tool writing logs must never do by
// surprise; the message names the target so the user can give it instead.
namespace closecall::monitor {

// Empty when `path` may be written; else the full sentence saying why not
// ("cannot write /tmp/p: it is a FIFO (named pipe), not a regular file").
QString exportTargetProblem(const QString &path);

// The system's text for an errno value: ENOSPC → "No space left on device".
QString systemErrorText(int error);

// "cannot write <path>: <why>", the one spelling every writer uses.
QString cannotWriteMessage(const QString &path, const QString &why);

// An export, written atomically (QSaveFile): the old file stays as it was
// unless the whole new one was written. open() checks the target first;
// writes are unbuffered so the first failure keeps the system's reason
// (QSaveFile alone reports a full disk at commit() as "Unknown error").
class ExportFile final
{
public:
    explicit ExportFile(const QString &path);
    ~ExportFile();
    Q_DISABLE_COPY_MOVE(ExportFile)

    bool open();
    // False once any write failed; the rest are skipped.
    bool write(QByteArrayView data);
    // Checks the target again (it may have been replaced meanwhile), then
    // renames the new file into place.
    bool commit();
    QString errorString() const { return m_error; }

private:
    void failWith(const QString &why);

    QString m_path;
    QSaveFile m_file;
    QString m_error;
};

// Opens `path` to append events to (created, or truncated when it is a
// regular file), after the same checks as an export and without following a
// symbolic link even if one appears after the check (O_NOFOLLOW, then the
// opened descriptor is checked again). Returns the descriptor, or -1 with
// `*error` set to the full sentence.
int openLogFileDescriptor(const QString &path, QString *error);

} // namespace closecall::monitor
