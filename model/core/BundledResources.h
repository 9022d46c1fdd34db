// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace tt {

//! Access to files compiled in from resources/ (rule sets, archetype tables,
//! icons). Registers the resource bundle on first use, since a resource in a
//! static library is not registered by itself.
namespace BundledResources {
void ensureRegistered();
//! Contents of ":/towntwin/<relativePath>"; empty when there is no such file.
QByteArray read(const QString &relativePath);
} // namespace BundledResources

} // namespace tt
