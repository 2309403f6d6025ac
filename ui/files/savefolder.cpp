#include "savefolder.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

bool underPseudoRoot(const QString &absolute)
{
    for (const QString &root : {u"/proc"_s, u"/sys"_s, u"/dev"_s}) {
        if (absolute == root || absolute.startsWith(root + u'/'))
            return true;
    }
    return false;
}

} // namespace

bool isPseudoFileSystemPath(const QString &path)
{
    if (path.isEmpty())
        return false;
    const QFileInfo info(path);
    if (underPseudoRoot(QDir::cleanPath(info.absoluteFilePath())))
        return true;
    // Empty when the path does not exist; then only the written form counts.
    const QString canonical = info.canonicalFilePath();
    return !canonical.isEmpty() && underPseudoRoot(canonical);
}

bool isSafeStartFolder(const QString &folder)
{
    return !folder.isEmpty() && QFileInfo(folder).isDir() && !isPseudoFileSystemPath(folder);
}

QString dialogStartFolder(const QString &remembered)
{
    return isSafeStartFolder(remembered) ? remembered : QDir::homePath();
}

} // namespace closecall::ui
