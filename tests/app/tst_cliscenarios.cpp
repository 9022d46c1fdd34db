// SPDX-License-Identifier: MIT
// The CLI on a project with two scenarios of the sample town (with its energy system):
// `kpis --scenario` reports the one named, `compare A B --json` reports both and their
// differences (the zoning ones equal to what `kpis` says of each, energy and economics
// from both simulated years), and unknown names and missing arguments are refused.
#include "CliRun.h"

#include "ProjectFile.h"
#include "core/Town.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tt;
using namespace tt::clitest;

namespace {

QJsonObject difference(const QJsonObject &comparison, const QString &key)
{
    for (const QJsonValue &v : comparison.value(QLatin1String("differences")).toArray())
        if (v.toObject().value(QLatin1String("key")).toString() == key)
            return v.toObject();
    return {};
}

} // namespace

class TestCliScenarios : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    int m_lowered = 0;

    QJsonObject json(const QStringList &args)
    {
        const Run r = run(args);
        if (r.exitCode != 0)
            qWarning("%s", r.err.constData());
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QString error;
        const QString sample = sampleTownWithAssets(m_dir.path(), &error);
        QVERIFY2(!sample.isEmpty(), qPrintable(error));
        Town town;
        QVERIFY(ProjectFile::load(sample, &town).ok);
        // "Fewer homes": the base with 60 of its homes two storeys lower.
        Scenario base;
        base.name = QStringLiteral("Base");
        Scenario fewer = town.planAsScenario(QStringLiteral("Fewer homes"));
        for (Building b : town.buildings)
            if (b.use == BuildingUse::Residential && !b.context && b.levels > 3 && m_lowered < 60) {
                b.levels -= 2;
                b.heightM -= 6.0;
                fewer.buildings.put(b);
                ++m_lowered;
            }
        QCOMPARE(m_lowered, 60);
        town.scenarios << base << fewer;
        m_project = m_dir.filePath(QStringLiteral("scenarios.gpkg"));
        QVERIFY(ProjectFile::save(town, m_project).ok);
    }

    void kpisReportTheScenarioNamed()
    {
        const QJsonObject active = json({QStringLiteral("kpis"), m_project, QStringLiteral("--json")});
        const QJsonObject fewer = json({QStringLiteral("kpis"), m_project, QStringLiteral("--scenario"),
                                        QStringLiteral("Fewer homes"), QStringLiteral("--json")});
        QCOMPARE(active.value(QLatin1String("scenario")).toString(), QStringLiteral("Base"));
        QCOMPARE(fewer.value(QLatin1String("scenario")).toString(), QStringLiteral("Fewer homes"));
        const auto buildings = [](const QJsonObject &o) {
            return o.value(QLatin1String("land_use")).toObject().value(QLatin1String("buildings")).toInt();
        };
        QCOMPARE(buildings(active), buildings(fewer));
        const auto gfa = [](const QJsonObject &o) {
            return o.value(QLatin1String("land_use")).toObject().value(QLatin1String("gfa_m2")).toDouble();
        };
        QVERIFY(gfa(fewer) < gfa(active) - 10000.0);

        const Run unknown = run({QStringLiteral("kpis"), m_project, QStringLiteral("--scenario"), QStringLiteral("Nope")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no scenario 'Nope'; the project has 'Base', 'Fewer homes'"), unknown.err.constData());
    }

    void compareReportsBothAndTheDifferences()
    {
        const QJsonObject kpisA = json({QStringLiteral("kpis"), m_project, QStringLiteral("--json")});
        const QJsonObject kpisB = json({QStringLiteral("kpis"), m_project, QStringLiteral("--scenario"),
                                        QStringLiteral("Fewer homes"), QStringLiteral("--json")});
        const QJsonObject c = json({QStringLiteral("compare"), m_project, QStringLiteral("Base"),
                                    QStringLiteral("Fewer homes"), QStringLiteral("--json")});
        QCOMPARE(c.value(QLatin1String("a")).toObject().value(QLatin1String("scenario")).toString(), QStringLiteral("Base"));
        QCOMPARE(c.value(QLatin1String("b")).toObject().value(QLatin1String("scenario")).toString(),
                 QStringLiteral("Fewer homes"));
        const auto residents = [](const QJsonObject &kpis) {
            return kpis.value(QLatin1String("capacity")).toObject().value(QLatin1String("residents")).toDouble();
        };
        const QJsonObject r = difference(c, QStringLiteral("residents"));
        QCOMPARE(r.value(QLatin1String("a")).toDouble(), residents(kpisA));
        QCOMPARE(r.value(QLatin1String("b")).toDouble(), residents(kpisB));
        QVERIFY(r.value(QLatin1String("difference")).toDouble() < -1000.0);
        QCOMPARE(difference(c, QStringLiteral("buildings")).value(QLatin1String("difference")).toDouble(), 0.0);
        // Both years simulated: fewer homes use less electricity and heat.
        QVERIFY(c.value(QLatin1String("a")).toObject().contains(QLatin1String("energy")));
        QVERIFY(difference(c, QStringLiteral("electricity_demand_mwh")).value(QLatin1String("difference")).toDouble() < 0.0);
        QVERIFY(difference(c, QStringLiteral("heating_demand_mwh")).value(QLatin1String("difference")).toDouble() < 0.0);
        QVERIFY(!difference(c, QStringLiteral("npv_mcny")).isEmpty());
        QCOMPARE(difference(c, QStringLiteral("self_sufficiency")).value(QLatin1String("unit")).toString(),
                 QStringLiteral("%"));

        const QJsonObject zoning = json({QStringLiteral("compare"), m_project, QStringLiteral("Base"),
                                         QStringLiteral("Fewer homes"), QStringLiteral("--json"),
                                         QStringLiteral("--zoning-only")});
        QVERIFY(!zoning.value(QLatin1String("a")).toObject().contains(QLatin1String("energy")));
        QVERIFY(difference(zoning, QStringLiteral("electricity_demand_mwh")).isEmpty());
        QCOMPARE(difference(zoning, QStringLiteral("residents")), r);

        const Run table = run({QStringLiteral("compare"), m_project, QStringLiteral("Base"), QStringLiteral("Fewer homes"),
                               QStringLiteral("--zoning-only")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("Gross floor area (m²)"));
        QVERIFY(table.out.contains("Fewer homes"));
    }

    void badArgumentsAreRefused()
    {
        const Run missing = run({QStringLiteral("compare"), m_project, QStringLiteral("Base")});
        QCOMPARE(missing.exitCode, 2);
        const Run unknown = run({QStringLiteral("compare"), m_project, QStringLiteral("Base"), QStringLiteral("Other")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("compare: there is no scenario 'Other'"), unknown.err.constData());
        const Run both = run({QStringLiteral("compare"), m_project, QStringLiteral("Base"), QStringLiteral("Fewer homes"),
                              QStringLiteral("--zoning-only"), QStringLiteral("--weather"), QStringLiteral("x.epw")});
        QCOMPARE(both.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliScenarios)
#include "tst_cliscenarios.moc"
