#pragma once

#include "control/commandline.h"

class QApplication;

// The GUI front end (docs/architecture.md "Layers"): main.cpp calls runGui() when
// --headless is not given and a display is available.
namespace closecall::ui {

// Whether a window can be shown: DISPLAY or WAYLAND_DISPLAY is set, or a Qt
// platform was named (QT_QPA_PLATFORM, e.g. offscreen). Call it before
// constructing QApplication, which aborts without a display.
bool displayAvailable();

// Loads the translations (system locale, or the language chosen in the
// settings), merges the saved settings with the command line (an option
// given on the command line wins), shows the main window, starts the server
// and runs the event loop. Returns the process's exit status.
//
// Hidden, for scripts/screenshot: CLOSECALL_SCREENSHOT=FILE saves a grab of
// the window to FILE and quits (see mainwindow/screenshot.h).
int runGui(QApplication &app, const control::CommandLine &commandLine);

} // namespace closecall::ui
