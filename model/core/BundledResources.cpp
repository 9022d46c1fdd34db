// SPDX-License-Identifier: MIT
#include "BundledResources.h"

#include <QFile>

static void registerTownTwinResources()
{
    Q_INIT_RESOURCE(towntwin);
}

namespace tt::BundledResources {

void ensureRegistered()
{
    static const bool registered = (registerTownTwinResources(), true);
    Q_UNUSED(registered);
}

QByteArray read(const QString &relativePath)
{
    ensureRegistered();
    QFile file(QStringLiteral(":/towntwin/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace tt::BundledResources
