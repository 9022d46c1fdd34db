// SPDX-License-Identifier: MIT
#pragma once

#include "CliVerb.h"

#include <QVector>

namespace tt {

//! Every verb of towntwin-cli, in the order `--help` lists them. Each verb
//! lives in its own *Verb.cpp and runs the same library code as the GUI.
QVector<CliVerb> cliVerbs();

} // namespace tt
