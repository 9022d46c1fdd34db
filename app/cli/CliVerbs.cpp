// SPDX-License-Identifier: MIT
#include "CliVerbs.h"

namespace tt {

QVector<CliVerb> cliVerbs()
{
    return {};
}

} // namespace tt
