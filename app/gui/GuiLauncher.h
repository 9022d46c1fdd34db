// SPDX-License-Identifier: MIT
#pragma once

namespace tt {

//! Parses the GUI's command line (`towntwin [PROJECT] [--screenshot FILE]
//! [--size WxH]`), shows the main window, and for --screenshot saves a picture
//! of the window once the project is loaded and drawn, then exits.
namespace GuiLauncher {
int run(int argc, char **argv);
//! The OpenGL surface the viewport needs (depth buffer, multisampling); call before the QApplication exists.
void setSurfaceFormat();
//! Application and organisation names (where settings and autosaves live); call after.
void nameApplication();
} // namespace GuiLauncher

} // namespace tt
