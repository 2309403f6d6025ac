#include "servertoolbar.h"

#include "control/commandline.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSpinBox>

using namespace Qt::StringLiterals;

namespace closecall::ui {

ServerToolBar::ServerToolBar(QWidget *parent)
    : QToolBar(tr("Server"), parent)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
{
    setObjectName(u"serverToolBar"_s);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(18, 18));

    auto *label = new QLabel(tr("&Listen on "), this);
    label->setBuddy(m_host);
    m_host->setObjectName(u"listenHostEdit"_s);
    m_host->setPlaceholderText(u"127.0.0.1"_s);
    m_hostTip = tr("The address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every "
                   "IPv4 interface), ::1, or a host name");
    m_host->setToolTip(m_hostTip);
    m_host->setMaximumWidth(fontMetrics().horizontalAdvance(u"0000:0000:0000:0000"_s));
    m_port->setObjectName(u"listenPortSpin"_s);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any"));
    m_portTip = tr("The TCP port; \"any\" (0) picks a free one");
    m_port->setToolTip(m_portTip);
    m_port->setPrefix(u":"_s);

    addWidget(label);
    addWidget(m_host);
    addWidget(m_port);
    addSeparator();

    connect(m_host, &QLineEdit::returnPressed, this, &ServerToolBar::startRequested);
    connect(m_port, &QSpinBox::editingFinished, this, [this] {
        if (m_port->hasFocus())
            emit startRequested();
    });
}

void ServerToolBar::addServerActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        if (action)
            addAction(action);
        else
            addSeparator();
    }
}

QString ServerToolBar::host() const
{
    const QString text = m_host->text().trimmed();
    return text.isEmpty() ? m_host->placeholderText() : text;
}

quint16 ServerToolBar::port() const
{
    return quint16(m_port->value());
}

void ServerToolBar::setHost(const QString &host)
{
    m_host->setText(host);
}

void ServerToolBar::setPort(quint16 port)
{
    m_port->setValue(port);
}

QString ServerToolBar::listenText() const
{
    QString h = host();
    if (h.contains(u':') && !h.startsWith(u'['))
        h = u'[' + h + u']';
    return h + u':' + QString::number(port());
}

bool ServerToolBar::listenAddress(QHostAddress *address, quint16 *port, QString *error) const
{
    *error = control::parseListenAddress(listenText(), address, port);
    return error->isEmpty();
}

void ServerToolBar::setEditable(bool editable)
{
    m_host->setEnabled(editable);
    m_port->setEnabled(editable);
    // Disabled widgets still show tooltips: say how to change them.
    const QString running = tr("Stop the server (Ctrl+Shift+R) to change where it listens");
    m_host->setToolTip(editable ? m_hostTip : running);
    m_port->setToolTip(editable ? m_portTip : running);
}

void ServerToolBar::focusAddress()
{
    m_host->setFocus(Qt::ShortcutFocusReason);
    m_host->selectAll();
}

} // namespace closecall::ui
