// SPDX-License-Identifier: MIT
#pragma once

#include "Archetype.h"
#include "core/Status.h"

#include <QByteArray>
#include <QVector>

namespace tt {

//! One archetype set: one Archetype per BuildingUse and envelope values by
//! construction period, read from JSON (resources/energy/archetypes/<key>.json;
//! ArchetypeSets chooses the set for a site).
class ArchetypeLibrary {
public:
    //! Parses the JSON table; every BuildingUse key must be present.
    static Status load(const QByteArray &json, ArchetypeLibrary *out);
    //! The bundled set ArchetypeSets::kDefault.
    static Status loadBundled(ArchetypeLibrary *out);
    //! A bundled set by its key ("ch", "cn").
    static Status loadBundled(const QString &setKey, ArchetypeLibrary *out);

    QString key() const { return m_key; }
    QString name() const { return m_name; }

    const Archetype &archetype(BuildingUse use) const { return m_uses[int(use)]; }
    //! Envelope of a building built in `year` (0 = unknown: the table's default period).
    EnvelopeValues envelope(int year) const;
    double groundReductionFactor() const { return m_groundReduction; }
    //! Glazed share of a window's area times the average shading reduction.
    double windowSolarFactor() const { return m_frameFactor * m_shadingFactor; }
    //! Movable shading (blinds, curtains) closes on a façade whose irradiance exceeds
    //! this, W/m², and then lets this share of the solar gain through.
    double shadingThresholdWm2() const { return m_shadingThreshold; }
    double movableShadingFactor() const { return m_movableShading; }
    //! IT heat removed by IT cooling per unit of IT electricity.
    double itCoolingFactor() const { return m_itCooling; }

private:
    struct Period {
        int untilYear = 9999;
        EnvelopeValues values;
    };
    QString m_key;
    QString m_name;
    QVector<Archetype> m_uses;
    QVector<Period> m_periods;
    EnvelopeValues m_unknownYear;
    double m_groundReduction = 0.5;
    double m_frameFactor = 0.7;
    double m_shadingFactor = 0.8;
    double m_shadingThreshold = 300.0;
    double m_movableShading = 1.0;
    double m_itCooling = 1.0;
};

} // namespace tt
