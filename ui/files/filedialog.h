#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

class QWidget;

// File dialogs that cannot freeze the GUI. Qt's own dialog names each
// file's type by reading the file's first bytes on the GUI thread; in a
// folder such as /proc (reached directly, through a symbolic link, or from
// the dialog's remembered history) one read never returns: /proc/kmsg
// waits for kernel messages. This dialog names types from file names only
// and drops pseudo-file-system folders from its history and sidebar, and
// never opens in /proc, /sys or /dev.
namespace closecall::ui {

// Asks where to save. `startPath` is the suggested file (its folder is
// where the dialog opens); `selectedFilter` is in/out. Empty when cancelled.
QString askSaveFileName(QWidget *parent, const QString &title, const QString &startPath,
                        const QStringList &filters, QString *selectedFilter);

// Asks for an existing file to read, starting in `startFolder` (home when
// it is not a safe folder). Empty when cancelled.
QString askOpenFileName(QWidget *parent, const QString &title, const QString &startFolder,
                        const QStringList &filters);

} // namespace closecall::ui
