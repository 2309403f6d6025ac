#pragma once

#include <QtWidgets/QDialog>

class QTextBrowser;

// Help ▸ User Guide: docs/guide.md as shipped inside the binary (with the
// screenshot it shows and the documents it links to, docs/headless.md and
// docs/close-semantics.md), rendered as Markdown. Links between those pages
// stay inside the dialog; web links open in the browser.
namespace closecall::ui {

class GuideDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit GuideDialog(QWidget *parent = nullptr);

    // The page's browser (for tests: its document and source).
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace closecall::ui
