#pragma once

#include "control/enginesession.h"

// The GUI runs the engine through the same session as the headless mode
// (control/enginesession.h): the window only decides what the models show
// and which buttons send which command.
namespace closecall::ui {

using ServerSession = control::EngineSession;

} // namespace closecall::ui
