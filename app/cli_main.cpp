// SPDX-License-Identifier: MIT
#include "cli/CliApp.h"

int main(int argc, char **argv)
{
    tt::CliApp app;
    return app.run(argc, argv);
}
