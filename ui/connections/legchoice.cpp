#include "legchoice.h"

#include <QtGui/QAction>
#include <QtGui/QActionGroup>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QWidget>

using namespace Qt::StringLiterals;

namespace closecall::ui {

LegChoice::LegChoice(QObject *parent)
    : QObject(parent)
    , m_client(new QAction(tr("C&lient Leg"), this))
    , m_server(new QAction(tr("Ser&ver Leg"), this))
{
    m_client->setObjectName(u"actionClientLeg"_s);
    m_server->setObjectName(u"actionServerLeg"_s);
    m_client->setToolTip(tr("Act on the client leg: the client's connection to CloseCall. "
                            "There CloseCall acts as the server, so the client sees what its "
                            "server would do."));
    m_server->setToolTip(tr("Act on the server leg: CloseCall's connection to the target "
                            "server. There CloseCall acts as the client, so the server sees "
                            "what its client would do."));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    for (QAction *action : {m_client, m_server}) {
        action->setCheckable(true);
        group->addAction(action);
    }
    m_client->setChecked(true);
    connect(group, &QActionGroup::triggered, this, [this] { emit legChanged(leg()); });
}

server::Leg LegChoice::leg() const
{
    return m_server->isChecked() ? server::Leg::Server : server::Leg::Client;
}

void LegChoice::setLeg(server::Leg legChoice)
{
    if (legChoice == server::Leg::None || legChoice == leg())
        return;
    (legChoice == server::Leg::Server ? m_server : m_client)->setChecked(true);
    emit legChanged(leg());
}

QWidget *LegChoice::makeBar(QWidget *parent)
{
    auto *bar = new QWidget(parent);
    bar->setObjectName(u"legBar"_s);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Act on:"), bar);
    layout->addWidget(label);
    for (QAction *action : {m_client, m_server}) {
        auto *button = new QToolButton(bar);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    bar->setVisible(m_visible);
    m_bars.append(bar);
    connect(bar, &QObject::destroyed, this, [this, bar] { m_bars.removeAll(bar); });
    return bar;
}

void LegChoice::setVisible(bool visible)
{
    m_visible = visible;
    for (QWidget *bar : std::as_const(m_bars))
        bar->setVisible(visible);
    m_client->setVisible(visible);
    m_server->setVisible(visible);
}

} // namespace closecall::ui
