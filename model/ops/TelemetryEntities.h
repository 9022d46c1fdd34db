// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryQuantity.h"
#include "core/EntityId.h"

#include <QHash>
#include <QString>

#include <array>
#include <optional>

namespace tt {

struct Town;

//! Which kind of entity a topic names.
enum class MeteredKind : quint8 { Building, Asset, NetworkNode, NetworkLink };

//! The range a quantity can physically take on one entity; readings outside it are
//! rejected as impossible. Generous on purpose: it catches a meter in W instead of kW,
//! a sign error or a stuck register, not an unusual day.
struct TelemetryLimits {
    double min = 0.0;
    double max = 0.0;
    bool contains(double v) const { return v >= min && v <= max; }
};

//! What a town's meters can report: every entity a topic may name (by its id, its
//! source's id, or an asset's name), which quantities each one has and their limits.
//! Built once from the town; rebuilt when the plan changes.
class TelemetryEntities {
public:
    struct Entry {
        EntityId id = kNoEntity;
        MeteredKind kind = MeteredKind::Building;
        QString name;  //!< for messages: "building 12 (osm 4711)", "asset 'Plant CHP'"
        //! What the entity is rated for in its main quantity (a cable's or transformer's kW, a
        //! generator's output, a fleet's vehicles); 0 when unknown. Live colours and overload
        //! alarms are relative to it.
        double rating = 0.0;
        //! The quantity `rating` is in (a CHP's electric output, a fleet's vehicles plugged in).
        TelemetryQuantity ratedQuantity = TelemetryQuantity::ElectricityKw;
        //! Per quantity; empty: this entity does not report it.
        std::array<std::optional<TelemetryLimits>, kTelemetryQuantityCount> limits;
    };

    TelemetryEntities() = default;
    explicit TelemetryEntities(const Town &town);

    //! The entity a topic's `<entity>` level names, or nullptr.
    const Entry *find(const QString &name) const;
    const Entry *entry(EntityId id) const;
    int count() const { return int(m_entries.size()); }

private:
    void add(Entry entry, const QStringList &aliases);

    std::vector<Entry> m_entries;
    QHash<QString, int> m_byName;
    QHash<EntityId, int> m_byId;
};

} // namespace tt
