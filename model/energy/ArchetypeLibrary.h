// SPDX-License-Identifier: MIT
#pragma once

#include "Archetype.h"
#include "core/Status.h"

#include <QByteArray>
#include <QVector>

namespace tt {

//! The archetype table: one Archetype per BuildingUse and envelope values by
//! construction period, read from JSON (the bundled energy/archetypes.json).
class ArchetypeLibrary {
public:
    //! Parses the JSON table; every BuildingUse key must be present.
    static Status load(const QByteArray &json, ArchetypeLibrary *out);
    //! The bundled table.
    static Status loadBundled(ArchetypeLibrary *out);

    const Archetype &archetype(BuildingUse use) const { return m_uses[int(use)]; }
    //! Envelope of a building built in `year` (0 = unknown: the table's default period).
    EnvelopeValues envelope(int year) const;
    double groundReductionFactor() const { return m_groundReduction; }
    //! Glazed share of a window's area times the average shading reduction.
    double windowSolarFactor() const { return m_frameFactor * m_shadingFactor; }

private:
    struct Period {
        int untilYear = 9999;
        EnvelopeValues values;
    };
    QVector<Archetype> m_uses;
    QVector<Period> m_periods;
    EnvelopeValues m_unknownYear;
    double m_groundReduction = 0.5;
    double m_frameFactor = 0.7;
    double m_shadingFactor = 0.8;
};

} // namespace tt
