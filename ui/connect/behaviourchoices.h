#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

// The Connect… dialog's behaviour menus: for each dimension of the peer
// behaviour spec (docs/headless.md "Peer behaviours") a short list of
// ready-made choices, each a label and the `key=value` pairs it stands for.
// The dialog joins the chosen ones into the spec it sends; anything the
// menus do not offer is typed into the spec line.
namespace closecall::ui {

struct BehaviourChoice
{
    QString label;
    QString spec; // "traffic=text; every=100"; empty = the default
};

enum class BehaviourDimension : int { Traffic, OnClose, CloseAfter, Count };

// The choices of one dimension, the default (empty spec) first.
QList<BehaviourChoice> behaviourChoices(BehaviourDimension dimension);

// The spec of the chosen pieces: the non-empty ones joined with "; ".
QString joinBehaviour(const QStringList &pieces);

} // namespace closecall::ui
