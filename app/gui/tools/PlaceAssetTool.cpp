// SPDX-License-Identifier: MIT
#include "PlaceAssetTool.h"

#include "Selection.h"
#include "core/Document.h"
#include "edit/AssetTemplate.h"
#include "edit/OutlineCheck.h"

#include <QMouseEvent>

#include <cmath>

namespace tt {

namespace {
constexpr int kClickSlop = 4;
} // namespace

QString PlaceAssetTool::hint() const
{
    return tr("Place %1: click where it goes (rooftop PV: click a roof); drag orbits")
        .arg(energyassettype::label(m_context->options.assetType));
}

bool PlaceAssetTool::mousePress(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPos = event->position().toPoint();
    return false;  // a drag from here still orbits
}

bool PlaceAssetTool::mouseRelease(QMouseEvent *event)
{
    if (!m_pressed || (event->position().toPoint() - m_pressPos).manhattanLength() > kClickSlop)
        return false;
    m_pressed = false;
    placeAt(event->position());
    return true;
}

bool PlaceAssetTool::placeAt(const QPointF &pos)
{
    const EnergyAssetType type = m_context->options.assetType;
    Vec2 p;
    EntityId hit = kNoEntity;
    if (!groundAt(pos, &p, &hit)) {
        m_context->refuse(tr("Click on the terrain to place %1").arg(energyassettype::label(type)));
        return false;
    }
    EnergyAsset asset;
    if (type == EnergyAssetType::RooftopPv) {
        const Building *roof = town().buildings.find(hit);
        if (!roof) {
            m_context->refuse(tr("Rooftop PV goes on a roof: click a building"));
            return false;
        }
        asset = AssetTemplate::make(type, geometry::centroid(roof->footprint), roof->id);
    } else {
        asset = AssetTemplate::make(type, p);
        if (!town().terrain.isEmpty() && std::isnan(town().terrain.elevationAt(p))) {
            m_context->refuse(tr("%1 would stand outside the terrain").arg(energyassettype::label(type)));
            return false;
        }
        if (!asset.area.isEmpty()) {
            const Status ok = OutlineCheck::check(asset.area, town().terrain, asset.name);
            if (!ok) {
                m_context->refuse(ok.message);
                return false;
            }
        }
    }
    EntityBatch set;
    set.assets.append(asset);
    m_context->selection->set(document()->addEntities(set, tr("Place %1").arg(asset.name)));
    return true;
}

} // namespace tt
