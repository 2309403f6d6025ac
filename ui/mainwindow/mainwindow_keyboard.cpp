// The keyboard: a shortcut to put the focus in each pane, and the F1 list
// of every shortcut with how to get from pane to pane.
#include "mainwindow.h"

#include "closepanel/closepanel.h"
#include "common/emptystatetableview.h"
#include "connections/connectionspane.h"
#include "details/detailspanel.h"
#include "log/logpane.h"
#include "log/logview.h"
#include "sendpanel/sendpanel.h"

#include <QtGui/QAction>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>

using namespace Qt::StringLiterals;

namespace closecall::ui {

void MainWindow::addFocusActions(QMenu *menu)
{
    const auto showDock = [](QDockWidget *dock) {
        dock->show();
        dock->raise();
    };
    struct Target
    {
        const char *objectName;
        QString text;
        Qt::Key key;
        std::function<void()> go;
    };
    const Target targets[] = {
        {"actionFocusConnections", tr("Go to the &Connections Table"), Qt::Key_1,
         [this] {
             m_connectionsPane->view()->setFocus(Qt::ShortcutFocusReason);
         }},
        {"actionFocusLog", tr("Go to the &Log"), Qt::Key_2,
         [this] {
             m_logPane->view()->setFocus(Qt::ShortcutFocusReason);
         }},
        {"actionFocusClose", tr("Go to the Cl&ose Panel"), Qt::Key_3,
         [this, showDock] {
             showDock(m_closeDock);
             m_closePanel->focusCode();
         }},
        {"actionFocusSend", tr("Go to the S&end Panel"), Qt::Key_4,
         [this, showDock] {
             showDock(m_sendDock);
             m_sendPanel->focusEditor();
         }},
        {"actionFocusDetails", tr("Go to the &Details"), Qt::Key_5,
         [this, showDock] {
             showDock(m_detailsDock);
             m_detailsPanel->setFocus(Qt::ShortcutFocusReason);
         }},
    };
    for (const Target &t : targets) {
        auto *action = new QAction(t.text, this);
        action->setObjectName(QLatin1StringView(t.objectName));
        action->setShortcut(QKeySequence(Qt::CTRL | t.key));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, t.go);
        addAction(action);
        menu->addAction(action);
    }
}

QString MainWindow::shortcutsHtml() const
{
    QString html = u"<p><b>"_s + tr("Moving between the panes").toHtmlEscaped() +
                   u"</b></p><table cellspacing='4'>"_s;
    const auto row = [&html](const QString &keys, const QString &what) {
        html += u"<tr><td><b>"_s + keys.toHtmlEscaped() + u"</b></td><td>"_s +
                what.toHtmlEscaped() + u"</td></tr>"_s;
    };
    row(tr("Tab, Shift+Tab"), tr("The next or previous control: the connections filter, Hide "
                                 "ended, Clear Ended, the table, then the log's controls"));
    for (const char *name : {"actionFocusConnections", "actionFocusLog", "actionFocusClose",
                             "actionFocusSend", "actionFocusDetails"}) {
        if (const auto *action = findChild<QAction *>(QLatin1StringView(name)))
            row(action->shortcut().toString(QKeySequence::NativeText), action->text().remove(u'&'));
    }
    html += u"</table><p><b>"_s + tr("Every shortcut").toHtmlEscaped() +
            u"</b></p><table cellspacing='4'>"_s;
    const QList<QAction *> all = findChildren<QAction *>();
    for (const QAction *action : all) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        QString what = action->text().remove(u'&');
        if (action->shortcutContext() == Qt::WidgetWithChildrenShortcut)
            what = tr("%1 (in the log)").arg(what);
        row(action->shortcut().toString(QKeySequence::NativeText), what);
    }
    return html + u"</table>"_s;
}

void MainWindow::showShortcuts()
{
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"), shortcutsHtml(),
                    QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

} // namespace closecall::ui
