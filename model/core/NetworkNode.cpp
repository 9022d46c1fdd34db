// SPDX-License-Identifier: MIT
#include "NetworkNode.h"

namespace tt::networknodekind {

QString key(NetworkNode::Kind kind)
{
    switch (kind) {
    case NetworkNode::Kind::Source: return QStringLiteral("source");
    case NetworkNode::Kind::Load: return QStringLiteral("load");
    case NetworkNode::Kind::Junction: return QStringLiteral("junction");
    }
    return QString();
}

bool fromKey(const QString &text, NetworkNode::Kind *kind)
{
    for (NetworkNode::Kind k : {NetworkNode::Kind::Source, NetworkNode::Kind::Load, NetworkNode::Kind::Junction}) {
        if (key(k) == text) {
            *kind = k;
            return true;
        }
    }
    return false;
}

} // namespace tt::networknodekind
