// SPDX-License-Identifier: MIT
#include "gui/GuiLauncher.h"

int main(int argc, char **argv)
{
    return tt::GuiLauncher::run(argc, argv);
}
