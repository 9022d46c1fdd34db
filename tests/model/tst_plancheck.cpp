// SPDX-License-Identifier: MIT
// Plan rules: pass / warn / fail on and around the boundaries, the bundled
// rule set, a town's own rule set, and errors that name the broken rule.
#include "analysis/ZoningAnalysis.h"

#include <QJsonArray>
#include <QtTest>

using namespace tt;

namespace {
PlanRules parsed(const QByteArray &json)
{
    PlanRules rules;
    const Status st = PlanRules::parse(json, &rules);
    if (!st.ok)
        qWarning() << st.message;
    return rules;
}

const QByteArray kRules = R"({"rules": [
  {"id": "area", "label": "Site", "metric": "site_area_km2", "unit": "km²", "target": 3, "tolerance": 0.05, "warn_tolerance": 0.1},
  {"id": "people", "metric": "residents", "target": 1000, "tolerance": 50, "warn_tolerance": 100, "tolerance_mode": "absolute"},
  {"id": "far", "metric": "far_built_up", "min": 1.0, "max": 2.5, "warn_margin": 0.2},
  {"id": "cover", "metric": "coverage_built_up", "max": 0.35},
  {"id": "school", "metric": "reach.primary_school", "min": 0.9, "warn_margin": 0.05}
]})";
} // namespace

class TestPlanCheck : public QObject {
    Q_OBJECT

private slots:
    void boundaries_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("expected");
        const int pass = int(RuleStatus::Pass), warn = int(RuleStatus::Warn), fail = int(RuleStatus::Fail);
        // 3 km² ± 5 % passes 2.85..3.15, ± 10 % warns up to 2.7..3.3.
        QTest::newRow("target exact") << "area" << 3.0 << pass;
        QTest::newRow("target +5% edge") << "area" << 3.15 << pass;
        QTest::newRow("target -5% edge") << "area" << 2.85 << pass;
        QTest::newRow("target just over 5%") << "area" << 3.16 << warn;
        QTest::newRow("target +10% edge") << "area" << 3.3 << warn;
        QTest::newRow("target -10% edge") << "area" << 2.7 << warn;
        QTest::newRow("target beyond 10%") << "area" << 3.31 << fail;
        QTest::newRow("absolute pass edge") << "people" << 950.0 << pass;
        QTest::newRow("absolute warn") << "people" << 1051.0 << warn;
        QTest::newRow("absolute warn edge") << "people" << 900.0 << warn;
        QTest::newRow("absolute fail") << "people" << 899.0 << fail;
        QTest::newRow("range min edge") << "far" << 1.0 << pass;
        QTest::newRow("range max edge") << "far" << 2.5 << pass;
        QTest::newRow("range inside") << "far" << 1.7 << pass;
        QTest::newRow("range below warns") << "far" << 0.85 << warn;
        QTest::newRow("range warn edge below") << "far" << 0.8 << warn;
        QTest::newRow("range warn edge above") << "far" << 2.7 << warn;
        QTest::newRow("range far below") << "far" << 0.79 << fail;
        QTest::newRow("range far above") << "far" << 2.71 << fail;
        QTest::newRow("max only pass") << "cover" << 0.35 << pass;
        QTest::newRow("max only, no warn band") << "cover" << 0.351 << fail;
        QTest::newRow("min only pass") << "school" << 0.95 << pass;
        QTest::newRow("min only warn") << "school" << 0.86 << warn;
        QTest::newRow("min only fail") << "school" << 0.84 << fail;
    }

    void boundaries()
    {
        QFETCH(QString, rule);
        QFETCH(double, value);
        QFETCH(int, expected);
        const PlanRules rules = parsed(kRules);
        QCOMPARE(rules.rules().size(), 5);
        for (const PlanRule &r : rules.rules())
            if (r.id == rule)
                QCOMPARE(int(PlanChecker::evaluate(r, value)), expected);
    }

    void checkReportsValueTargetAndStatus()
    {
        const PlanRules rules = parsed(kRules);
        QHash<QString, double> metrics{{"site_area_km2", 3.2},   {"residents", 1000},
                                       {"far_built_up", 3.0},    {"coverage_built_up", 0.2},
                                       {"reach.primary_school", 0.9}};
        const PlanCheck check = PlanChecker::check(rules, metrics);
        QVERIFY(check.status.ok);
        QCOMPARE(check.results.size(), 5);
        QCOMPARE(check.results[0].id, QStringLiteral("area"));
        QCOMPARE(check.results[0].label, QStringLiteral("Site"));
        QCOMPARE(check.results[0].value, 3.2);
        QCOMPARE(check.results[0].status, RuleStatus::Warn);
        QCOMPARE(check.results[0].target, QStringLiteral("3 km² ± 5% (warn ± 10%)"));
        QCOMPARE(check.results[1].label, QStringLiteral("people"));  // label defaults to the id
        QCOMPARE(check.results[1].target, QStringLiteral("1000 ± 50 (warn ± 100)"));
        QCOMPARE(check.results[2].status, RuleStatus::Fail);
        QCOMPARE(check.results[2].target, QStringLiteral("1 – 2.5 (warn 0.8 – 2.7)"));
        QCOMPARE(check.results[3].target, QStringLiteral("≤ 0.35"));
        QCOMPARE(check.results[4].target, QStringLiteral("≥ 0.9 (warn ≥ 0.85)"));
        QCOMPARE(check.count(RuleStatus::Pass), 3);
        QCOMPARE(check.count(RuleStatus::Warn), 1);
        QCOMPARE(check.count(RuleStatus::Fail), 1);
    }

    void bundledRulesShipTheBriefsTargets()
    {
        PlanRules rules;
        const Status st = PlanRules::parse(PlanRules::bundledJson(), &rules);
        QVERIFY2(st.ok, qPrintable(st.message));
        QHash<QString, const PlanRule *> byMetric;
        for (const PlanRule &r : rules.rules()) {
            QVERIFY2(!r.description.isEmpty(), qPrintable(r.id));
            byMetric.insert(r.metric, &r);
        }
        QCOMPARE(byMetric.value("site_area_km2")->target, 3.0);
        QCOMPARE(byMetric.value("agricultural_area_km2")->target, 2.0);
        QCOMPARE(byMetric.value("built_up_area_km2")->target, 1.0);
        QCOMPARE(byMetric.value("residents")->target, 30000.0);
        QCOMPARE(byMetric.value("residents")->tolerance, 0.05);
        QCOMPARE(byMetric.value("residents")->warnTolerance, 0.10);
        QCOMPARE(byMetric.value("far_built_up")->min, 1.0);
        QCOMPARE(byMetric.value("far_built_up")->max, 2.5);
        QCOMPARE(byMetric.value("coverage_built_up")->max, 0.35);
        QCOMPARE(byMetric.value("green_ratio")->min, 0.15);
        QCOMPARE(byMetric.value("reach.primary_school")->min, 0.9);
        QCOMPARE(byMetric.value("reach.hospital")->min, 0.9);
        QCOMPARE(byMetric.value("reach.elderly_care")->min, 0.8);

        // Every bundled metric exists in the KPI set: an empty town checks without error.
        const KpiReport report = computeKpis(Town{});
        QVERIFY2(report.planCheck.status.ok, qPrintable(report.planCheck.status.message));
        QCOMPARE(report.planCheck.results.size(), rules.rules().size());
        const QJsonObject json = report.toJson();
        QCOMPARE(json.value("plan_check").toArray().size(), rules.rules().size());
        QVERIFY(!json.contains("plan_check_error"));
    }

    void townRulesOverrideTheBundledOnes()
    {
        Town town;
        town.rulesJson = QString::fromUtf8(R"({"rules": [{"id": "empty", "metric": "buildings", "max": 0}]})");
        const KpiReport report = computeKpis(town);
        QCOMPARE(report.planCheck.results.size(), 1);
        QCOMPARE(report.planCheck.results[0].status, RuleStatus::Pass);
        const QJsonObject summary = report.toJson().value("plan_check_summary").toObject();
        QCOMPARE(summary.value("pass").toInt(), 1);
        QCOMPARE(summary.value("fail").toInt(), 0);
    }

    void errorsNameTheRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray(R"({"rules": [ {"id": "a", )") << "JSON error at offset";
        QTest::newRow("no rules array") << QByteArray(R"({"rule": []})") << "\"rules\" array";
        QTest::newRow("missing metric") << QByteArray(R"({"rules": [{"id": "far", "min": 1}]})")
                                        << "rule 'far': missing \"metric\"";
        QTest::newRow("missing id") << QByteArray(R"({"rules": [{"id": "ok", "metric": "jobs", "min": 1}, {"metric": "jobs"}]})")
                                    << "rule #2: missing \"id\"";
        QTest::newRow("no bound") << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs"}]})")
                                  << "rule 'x': needs either \"target\" or \"min\"/\"max\"";
        QTest::newRow("both kinds") << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs", "target": 1, "max": 2}]})")
                                    << "rule 'x': needs either";
        QTest::newRow("text number") << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs", "min": "ten"}]})")
                                     << "rule 'x': \"min\" must be a number";
        QTest::newRow("negative tolerance")
            << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs", "target": 5, "tolerance": -1}]})")
            << "rule 'x': \"tolerance\" must be a non-negative number";
        QTest::newRow("warn inside pass")
            << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs", "target": 5, "tolerance": 0.1, "warn_tolerance": 0.05}]})")
            << "rule 'x': \"warn_tolerance\" is smaller";
        QTest::newRow("bad mode")
            << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs", "target": 5, "tolerance_mode": "percent"}]})")
            << "rule 'x': \"tolerance_mode\"";
        QTest::newRow("min above max") << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs", "min": 5, "max": 1}]})")
                                       << "rule 'x': \"min\" is greater";
        QTest::newRow("duplicate") << QByteArray(R"({"rules": [{"id": "x", "metric": "jobs", "min": 1}, {"id": "x", "metric": "jobs", "min": 2}]})")
                                   << "rule 'x': duplicate id";
        QTest::newRow("not an object") << QByteArray(R"({"rules": [42]})") << "rule #1: is not an object";
    }

    void errorsNameTheRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        PlanRules rules;
        const Status st = PlanRules::parse(json, &rules);
        QVERIFY(!st.ok);
        QVERIFY2(st.message.contains(expected), qPrintable(st.message));
    }

    void unknownMetricIsAnErrorNotACrash()
    {
        Town town;
        town.rulesJson = QString::fromUtf8(
            R"({"rules": [{"id": "ok", "metric": "jobs", "min": 0}, {"id": "typo", "metric": "residentz", "min": 1}]})");
        const KpiReport report = computeKpis(town);
        QVERIFY(!report.planCheck.status.ok);
        QVERIFY2(report.planCheck.status.message.contains("rule 'typo': unknown metric 'residentz'"),
                 qPrintable(report.planCheck.status.message));
        QVERIFY(report.planCheck.results.isEmpty());
        QVERIFY(report.toJson().value("plan_check_error").toString().contains("typo"));

        town.rulesJson = QStringLiteral("not json");
        const QJsonObject json = computeKpis(town).toJson();
        QVERIFY(json.value("plan_check_error").toString().startsWith("plan rules: JSON error"));
        QCOMPARE(json.value("plan_check").toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlanCheck)
#include "tst_plancheck.moc"
