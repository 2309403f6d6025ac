#include "filedialog.h"

#include "savefolder.h"

#include <QtCore/QFileInfo>
#include <QtCore/QMimeDatabase>
#include <QtCore/QUrl>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFileIconProvider>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

// Types and icons from the file name alone: never opens a file.
class NameOnlyIconProvider final : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;

    QIcon icon(const QFileInfo &info) const override
    {
        if (!info.isFile())
            return QFileIconProvider::icon(info); // folders and drives: no read
        const QIcon themed = QIcon::fromTheme(mimeOf(info).iconName());
        return themed.isNull() ? QFileIconProvider::icon(File) : themed;
    }

    QString type(const QFileInfo &info) const override
    {
        if (!info.isFile())
            return QFileIconProvider::type(info);
        const QMimeType mime = mimeOf(info);
        return mime.comment().isEmpty() ? mime.name() : mime.comment();
    }

private:
    QMimeType mimeOf(const QFileInfo &info) const
    {
        return m_mime.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
    }

    QMimeDatabase m_mime;
};

// Keeps the URLs a dialog may safely list.
QList<QUrl> withoutPseudoFolders(const QList<QUrl> &urls)
{
    QList<QUrl> kept;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile() || url.toLocalFile().isEmpty() ||
            !isPseudoFileSystemPath(url.toLocalFile()))
            kept.append(url);
    }
    return kept;
}

// What every dialog here gets before it can list a folder.
void makeSafe(QFileDialog &dialog, QFileIconProvider *icons)
{
    // The provider the dialog's model asks for every file it shows.
    dialog.setIconProvider(icons);
    QStringList history;
    for (const QString &folder : dialog.history()) {
        if (!isPseudoFileSystemPath(folder))
            history.append(folder);
    }
    dialog.setHistory(history);
    dialog.setSidebarUrls(withoutPseudoFolders(dialog.sidebarUrls()));
}

} // namespace

QString askSaveFileName(QWidget *parent, const QString &title, const QString &startPath,
                        const QStringList &filters, QString *selectedFilter)
{
    NameOnlyIconProvider icons;
    QFileDialog dialog(parent, title);
    makeSafe(dialog, &icons);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilters(filters);
    if (selectedFilter && !selectedFilter->isEmpty())
        dialog.selectNameFilter(*selectedFilter);

    const QFileInfo start(startPath);
    dialog.setDirectory(dialogStartFolder(start.absolutePath()));
    dialog.selectFile(start.fileName());

    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    if (selectedFilter)
        *selectedFilter = dialog.selectedNameFilter();
    return dialog.selectedFiles().constFirst();
}

QString askOpenFileName(QWidget *parent, const QString &title, const QString &startFolder,
                        const QStringList &filters)
{
    NameOnlyIconProvider icons;
    QFileDialog dialog(parent, title);
    makeSafe(dialog, &icons);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters(filters);
    dialog.setDirectory(dialogStartFolder(startFolder));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

} // namespace closecall::ui
