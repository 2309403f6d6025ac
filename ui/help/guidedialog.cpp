#include "guidedialog.h"

#include <QtCore/QUrl>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTextBrowser>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

GuideDialog::GuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(u"guideDialog"_s);
    setWindowTitle(tr("CloseCall User Guide"));
    m_browser->setObjectName(u"guideBrowser"_s);
    m_browser->setOpenExternalLinks(true);
    // The pages are Markdown resources under :/docs (ui/CMakeLists.txt), so
    // their relative links and pictures resolve there.
    m_browser->setSource(QUrl(u"qrc:/docs/guide.md"_s), QTextDocument::MarkdownResource);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *back = buttons->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    back->setEnabled(false);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    QPushButton *home = buttons->addButton(tr("&Guide"), QDialogButtonBox::ActionRole);
    connect(home, &QPushButton::clicked, m_browser, &QTextBrowser::home);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(820, 700);
}

} // namespace closecall::ui
