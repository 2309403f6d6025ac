#pragma once

#include <QtCore/QString>

// Where a file dialog may start. Files under the kernel's pseudo file
// systems can block a reader for good (/proc/kmsg waits for kernel
// messages), and a file dialog looks at the files of the folder it shows:
// started in /proc it froze the GUI thread, again after every restart
// because the folder was remembered. So a dialog never starts there, and a
// folder is remembered only after a write into it succeeded.
namespace closecall::ui {

// Whether `path` is /proc, /sys or /dev or inside one, as written or once
// symbolic links are resolved (/dev/fd leads into /proc).
bool isPseudoFileSystemPath(const QString &path);

// Whether a dialog may start in `folder`: an existing folder outside the
// pseudo file systems.
bool isSafeStartFolder(const QString &folder);

// `remembered` when a dialog may start there, else the home folder.
QString dialogStartFolder(const QString &remembered);

} // namespace closecall::ui
