// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace tt::featurenames {

//! Fields that hold a feature's display name, in the order they are tried: the
//! field the user named (--name-field) alone, else the usual ones of OSM, WFS and
//! Chinese GIS exports. Field look-ups in OGR ignore case, so `name` finds `NAME`.
QStringList candidates(const QString &userField);

//! Fields that hold a feature's id in a source (never a name).
QStringList idFields();

} // namespace tt::featurenames
