// SPDX-License-Identifier: MIT
#include "Alarm.h"

namespace tt::alarmkind {

QString key(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::High: return QStringLiteral("high");
    case AlarmKind::Low: return QStringLiteral("low");
    case AlarmKind::Deviation: return QStringLiteral("deviation");
    }
    return QString();
}

bool fromKey(const QString &text, AlarmKind *kind)
{
    for (AlarmKind k : {AlarmKind::High, AlarmKind::Low, AlarmKind::Deviation}) {
        if (key(k) == text) {
            *kind = k;
            return true;
        }
    }
    return false;
}

} // namespace tt::alarmkind
