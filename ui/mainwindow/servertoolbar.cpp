#include "servertoolbar.h"

#include "control/commandline.h"
#include "protocol/clienturl.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>

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

void ServerToolBar::addProxyControls(QAction *proxyMode)
{
    m_proxyMode = proxyMode;
    auto *button = new QToolButton(this);
    button->setDefaultAction(proxyMode);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addWidget(button);
    m_proxyTarget = new QLineEdit(this);
    m_proxyTarget->setObjectName(u"proxyTargetEdit"_s);
    m_proxyTarget->setPlaceholderText(u"ws://127.0.0.1:8080/"_s);
    m_proxyTarget->setClearButtonEnabled(true);
    m_proxyTarget->setMinimumWidth(fontMetrics().horizontalAdvance(u"ws://127.0.0.1:8080/chat"_s));
    // Room for a typical URL, not the whole toolbar: the actions after it stay visible.
    m_proxyTarget->setMaximumWidth(
        fontMetrics().horizontalAdvance(u"wss://host.example.com:8443/path/to/app"_s));
    addWidget(m_proxyTarget);
    addSeparator();
    connect(proxyMode, &QAction::toggled, this, &ServerToolBar::updateProxyField);
    connect(m_proxyTarget, &QLineEdit::textChanged, this, &ServerToolBar::updateProxyField);
    connect(m_proxyTarget, &QLineEdit::returnPressed, this, &ServerToolBar::startRequested);
    updateProxyField();
}

QString ServerToolBar::proxyTarget() const
{
    return m_proxyTarget ? m_proxyTarget->text().trimmed() : QString();
}

void ServerToolBar::setProxyTarget(const QString &url)
{
    if (m_proxyTarget)
        m_proxyTarget->setText(url);
}

QString ServerToolBar::proxyTargetError() const
{
    const QString url = proxyTarget();
    if (url.isEmpty())
        return tr("no target URL: type the ws:// or wss:// URL of the server to proxy to");
    QString error;
    if (!protocol::ClientUrl::parse(url, &error))
        return error;
    return {};
}

void ServerToolBar::focusProxyTarget()
{
    if (!m_proxyTarget)
        return;
    m_proxyTarget->setFocus(Qt::ShortcutFocusReason);
    m_proxyTarget->selectAll();
}

void ServerToolBar::updateProxyField()
{
    if (!m_proxyTarget)
        return;
    const bool on = m_proxyMode->isChecked();
    m_proxyTarget->setEnabled(on && m_editable);
    // A bad URL is said where it is typed, before Start refuses it.
    const QString error = on ? proxyTargetError() : QString();
    const bool bad = on && !proxyTarget().isEmpty() && !error.isEmpty();
    m_proxyTarget->setStyleSheet(bad ? u"QLineEdit { color: #c0392b; }"_s : QString());
    if (!m_editable)
        m_proxyTarget->setToolTip(tr("Stop the server (Ctrl+Shift+R) to change the target"));
    else if (bad)
        m_proxyTarget->setToolTip(error);
    else
        m_proxyTarget->setToolTip(
            tr("The server every client is passed on to (ws:// or wss://); clients connect to "
               "the Listen on address"));
}

void ServerToolBar::setEditable(bool editable)
{
    m_editable = editable;
    if (m_proxyMode)
        m_proxyMode->setEnabled(editable);
    updateProxyField();
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
