// SPDX-License-Identifier: MIT
#pragma once

namespace tt {

//! Parses the GUI's command line (`towntwin [PROJECT] [--screenshot FILE]
//! [--size WxH]`), shows the main window, and for --screenshot saves a picture
//! of the window once the project is loaded and drawn, then exits.
namespace GuiLauncher {
int run(int argc, char **argv);
}

} // namespace tt
