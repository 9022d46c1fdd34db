// SPDX-License-Identifier: MIT
// Capacity figures of hand-made buildings, worked out from the documented
// default factors and from overriding settings.
#include "analysis/ZoningAnalysis.h"

#include <QtTest>

using namespace tt;

namespace {
Polygon rect(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

// A 10 m × (area/10) m block of one storey: its GFA is exactly gfaM2.
Building block(EntityId id, BuildingUse use, double gfaM2)
{
    Building b;
    b.id = id;
    b.use = use;
    b.levels = 1;
    b.footprint = rect(id * 1000.0, 0, id * 1000.0 + 10, gfaM2 / 10.0);
    return b;
}
} // namespace

class TestCapacity : public QObject {
    Q_OBJECT

    Town m_town;

private slots:
    void initTestCase()
    {
        m_town.buildings.put(block(1, BuildingUse::Residential, 20000));
        m_town.buildings.put(block(2, BuildingUse::Office, 1000));
        m_town.buildings.put(block(3, BuildingUse::Retail, 700));
        m_town.buildings.put(block(4, BuildingUse::School, 6000));
        m_town.buildings.put(block(5, BuildingUse::Hospital, 9000));
        m_town.buildings.put(block(6, BuildingUse::ElderlyCare, 2400));
        m_town.buildings.put(block(7, BuildingUse::Parking, 500));
        // Shops under flats: 1,000 m², a quarter retail.
        Building mixed = block(8, BuildingUse::Residential, 1000);
        mixed.mix = {UseShare{BuildingUse::Residential, 3}, UseShare{BuildingUse::Retail, 1}};
        m_town.buildings.put(mixed);
    }

    void defaultsAreTheDocumentedFigures()
    {
        const ZoningSettings s;
        QCOMPARE(s.residentialM2PerPerson, 40.0);
        QCOMPARE(s.schoolM2PerSeat, 10.0);
        QCOMPARE(s.hospitalM2PerBed, 90.0);
        QCOMPARE(s.elderlyCareM2PerBed, 40.0);
        QCOMPARE(s.m2PerJob[int(BuildingUse::Office)], 20.0);
        QCOMPARE(s.m2PerJob[int(BuildingUse::Retail)], 35.0);
        QCOMPARE(s.m2PerJob[int(BuildingUse::Industrial)], 60.0);
        QCOMPARE(s.m2PerJob[int(BuildingUse::Warehouse)], 150.0);
        QCOMPARE(s.m2PerJob[int(BuildingUse::Residential)], 0.0);
        QCOMPARE(s.reachRadiusM[int(ServiceType::PrimarySchool)], 500.0);
        QCOMPARE(s.reachRadiusM[int(ServiceType::Hospital)], 1000.0);
        QCOMPARE(s.reachRadiusM[int(ServiceType::ElderlyCare)], 1000.0);
        QCOMPARE(s.reachRadiusM[int(ServiceType::Retail)], 500.0);
        QCOMPARE(s.reachRadiusM[int(ServiceType::Park)], 300.0);
    }

    void capacityWithDefaults()
    {
        const Capacity c = computeKpis(m_town).capacity;
        // 20,000 + 750 m² of homes at 40 m² per person.
        QCOMPARE(c.residents, 20750.0 / 40.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::Office)], 1000.0 / 20.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::Retail)], (700.0 + 250.0) / 35.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::School)], 6000.0 / 120.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::Hospital)], 9000.0 / 60.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::ElderlyCare)], 2400.0 / 120.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::Parking)], 0.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::Residential)], 0.0);
        QCOMPARE(c.jobs, 50.0 + 950.0 / 35.0 + 50.0 + 150.0 + 20.0);
        QCOMPARE(c.schoolSeats, 600.0);
        QCOMPARE(c.hospitalBeds, 100.0);
        QCOMPARE(c.elderlyCareBeds, 60.0);
    }

    void settingsOverrideDefaults()
    {
        Town town = m_town;
        town.settings = QVariantMap{
            {"residential_m2_per_person", 50.0},
            {"m2_per_job_office", 25},
            {"m2_per_job_retail", 0},       // shops counted without jobs
            {"school_m2_per_seat", "12"},   // numbers as text, as a settings table may store them
            {"hospital_m2_per_bed", -5},    // ignored: not positive
            {"elderly_care_m2_per_bed", "many"},  // ignored: not a number
            {"reach_radius_m_park", 400},
        };
        const ZoningSettings s = ZoningSettings::fromSettings(town.settings);
        QCOMPARE(s.reachRadiusM[int(ServiceType::Park)], 400.0);
        const Capacity c = computeKpis(town).capacity;
        QCOMPARE(c.residents, 20750.0 / 50.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::Office)], 40.0);
        QCOMPARE(c.jobsByUse[int(BuildingUse::Retail)], 0.0);
        QCOMPARE(c.schoolSeats, 500.0);
        QCOMPARE(c.hospitalBeds, 100.0);
        QCOMPARE(c.elderlyCareBeds, 60.0);
    }
};

QTEST_GUILESS_MAIN(TestCapacity)
#include "tst_capacity.moc"
