#pragma once

#include "protocol/types.h"

#include <QtGui/QBrush>
#include <QtGui/QIcon>

// The pictures and colours of the connections table and the log. Icons come
// from ":/icons/state-<name>.svg" (resources/) when the application has
// them, else a coloured dot is drawn, so the models work in tests and in
// the headless build. Needs a QGuiApplication; call only from data().
namespace closecall::monitor::icons {

// One per .NET state: Connecting grey, Open green, CloseSent amber,
// CloseReceived blue, Closed dark grey, Aborted red.
QIcon stateIcon(protocol::State state);
// Post-close receives: delivered (amber) / discarded (red); null for None.
QIcon postCloseIcon(protocol::PostClose pc);
// The background of a post-close row (light amber / light red, readable
// with the palette's text colour); an invalid QBrush for None.
QBrush postCloseBackground(protocol::PostClose pc);
// A connection whose peer's Close waits for our answer (manual-ack mode).
QBrush awaitingAckBackground();
// The text of ended connection rows: the palette's disabled text colour.
QBrush endedForeground();

} // namespace closecall::monitor::icons
