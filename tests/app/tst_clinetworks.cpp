// SPDX-License-Identifier: MIT
// The network verbs as a user runs them: a utility's feeder (the IEEE 33-bus feeder
// of tests/data/ieee33) imported alone reproduces its published power flow through
// `powerflow --fixed-loads --json`; the sample town's networks laid out by
// `lay-networks`, then `simulate` writes network_hourly.csv and the year's network
// figures in kpis.json, and `powerflow --peak` solves the hour the feeder carries most;
// bad options and projects without a feeder are refused with the reason.
#include "CliRun.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tt;
using namespace tt::clitest;

class TestCliNetworks : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_feeder;  // the IEEE 33-bus feeder imported alone
    QString m_town;    // the sample town
    QString m_laid;    // ... with its networks laid out

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_feeder = path(QStringLiteral("ieee33.gpkg"));
        const Run imported = run({QStringLiteral("import"), QStringLiteral("--feeder-lines"),
                                  testdata::path(QStringLiteral("ieee33/lines.geojson")), QStringLiteral("--feeder-nodes"),
                                  testdata::path(QStringLiteral("ieee33/nodes.geojson")), QStringLiteral("-o"), m_feeder});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(summary.value(QStringLiteral("buildings")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("network_nodes")).toInt(), 33);
        QCOMPARE(summary.value(QStringLiteral("network_links")).toInt(), 37);
        QVERIFY(summary.value(QStringLiteral("crs_reason")).toString().contains(QStringLiteral("feeder nodes")));

        m_town = path(QStringLiteral("town.gpkg"));
        QCOMPARE(run({QStringLiteral("generate-town"), QStringLiteral("-o"), m_town}).exitCode, 0);
        m_laid = path(QStringLiteral("laid.gpkg"));
        const Run laid = run({QStringLiteral("lay-networks"), m_town, QStringLiteral("-o"), m_laid});
        QVERIFY2(laid.exitCode == 0, laid.err.constData());
        const QJsonObject networks = QJsonDocument::fromJson(laid.out).object();
        for (const char *carrier : {"electricity", "heating", "cooling"})
            QVERIFY2(networks.value(QLatin1String(carrier)).toObject().value(QStringLiteral("links")).toInt() > 50, carrier);
        QVERIFY(networks.value(QStringLiteral("electricity")).toObject().value(QStringLiteral("transformers")).toInt() > 0);
    }

    void importedFeederReproducesItsPublishedFlow()
    {
        const Run r = run({QStringLiteral("powerflow"), m_feeder, QStringLiteral("--fixed-loads"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject flow = QJsonDocument::fromJson(r.out).object();
        QVERIFY(std::abs(flow.value(QStringLiteral("losses_kw")).toDouble() - 202.677) < 5e-4);
        QVERIFY(std::abs(flow.value(QStringLiteral("losses_kvar")).toDouble() - 135.141) < 5e-4);
        QVERIFY(std::abs(flow.value(QStringLiteral("min_voltage_pu")).toDouble() - 0.91309) < 5e-6);
        QCOMPARE(flow.value(QStringLiteral("min_voltage_node")).toString(), QStringLiteral("18"));
        QVERIFY(flow.value(QStringLiteral("max_loading")).isNull());  // the feeder gives no ampacities
        QCOMPARE(flow.value(QStringLiteral("nodes")).toArray().size(), 33);
        const QJsonArray links = flow.value(QStringLiteral("links")).toArray();
        QCOMPARE(links.size(), 37);
        for (const QJsonValue &l : links)
            for (const char *key : {"id", "p_kw", "q_kvar", "i_a", "loading"})
                QVERIFY2(l.toObject().contains(QLatin1String(key)), key);

        const Run csv = run({QStringLiteral("powerflow"), m_feeder, QStringLiteral("--fixed-loads"), QStringLiteral("--csv")});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out.count('\n'), 1 + 33 + 37);
        QVERIFY(csv.out.startsWith("kind,id,voltage_pu,p_kw,q_kvar,i_a,loading,loss_kw\n"));
    }

    void simulateWritesTheYearOfTheNetworks()
    {
        const QString out = path(QStringLiteral("results"));
        const Run r = run({QStringLiteral("simulate"), m_laid, QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile hourly(out + QStringLiteral("/network_hourly.csv"));
        QVERIFY(hourly.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = hourly.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("hour,electric_losses_kw,min_voltage_pu,max_line_loading,heat_losses_kw,"
                                           "pumping_kw,cooling_gains_kw"));
        QCOMPARE(lines.size(), 8762);  // header, 8760 hours, the final newline
        QVERIFY(lines[8760].startsWith("8759,"));
        double losses = 0.0;
        for (int i = 1; i <= 8760; ++i)
            losses += lines[i].split(',')[1].toDouble();
        QFile kpis(out + QStringLiteral("/kpis.json"));
        QVERIFY(kpis.open(QIODevice::ReadOnly));
        const QJsonObject n = QJsonDocument::fromJson(kpis.readAll()).object().value(QStringLiteral("networks")).toObject();
        QVERIFY(std::abs(n.value(QStringLiteral("electric_losses_mwh")).toDouble() - losses / 1000.0) < 0.01);
        QVERIFY(n.value(QStringLiteral("min_voltage_pu")).toDouble() >= 0.93);
        QVERIFY(n.value(QStringLiteral("heat_losses_mwh")).toDouble() > 0.0);
        QVERIFY(r.out.contains("Network losses MWh/a"));

        // Without networks there is no such file, and kpis.json says null.
        const QString bare = path(QStringLiteral("bare"));
        QCOMPARE(run({QStringLiteral("simulate"), m_town, QStringLiteral("-o"), bare}).exitCode, 0);
        QVERIFY(!QFile::exists(bare + QStringLiteral("/network_hourly.csv")));
        QFile bareKpis(bare + QStringLiteral("/kpis.json"));
        QVERIFY(bareKpis.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(bareKpis.readAll()).object().value(QStringLiteral("networks")).isNull());
    }

    void peakHourOfTheLaidOutFeeder()
    {
        const Run peak = run({QStringLiteral("powerflow"), m_laid, QStringLiteral("--peak"), QStringLiteral("--json")});
        QVERIFY2(peak.exitCode == 0, peak.err.constData());
        const QJsonObject flow = QJsonDocument::fromJson(peak.out).object();
        QCOMPARE(flow.value(QStringLiteral("mode")).toString(), QStringLiteral("peak"));
        const int hour = flow.value(QStringLiteral("hour")).toInt(-1);
        QVERIFY(hour >= 0 && hour < 8760);
        QVERIFY(flow.value(QStringLiteral("max_loading")).toDouble() <= 1.0);
        QVERIFY(flow.value(QStringLiteral("losses_kw")).toDouble() > 0.0);
        // Any other hour carries less.
        const Run other = run({QStringLiteral("powerflow"), m_laid, QStringLiteral("--hour"), QString::number((hour + 4380) % 8760),
                               QStringLiteral("--json")});
        QCOMPARE(other.exitCode, 0);
        double peakLoad = 0.0, otherLoad = 0.0;
        for (const QJsonValue &n : flow.value(QStringLiteral("nodes")).toArray())
            peakLoad += n.toObject().value(QStringLiteral("p_kw")).toDouble();
        for (const QJsonValue &n : QJsonDocument::fromJson(other.out).object().value(QStringLiteral("nodes")).toArray())
            otherLoad += n.toObject().value(QStringLiteral("p_kw")).toDouble();
        QVERIFY(peakLoad > otherLoad);
    }

    void badRequestsAreRefused()
    {
        const Run hour = run({QStringLiteral("powerflow"), m_laid, QStringLiteral("--hour"), QStringLiteral("8760")});
        QCOMPARE(hour.exitCode, 2);
        QVERIFY(hour.err.contains("--hour wants 0 to 8759"));
        const Run both = run({QStringLiteral("powerflow"), m_laid, QStringLiteral("--peak"), QStringLiteral("--fixed-loads")});
        QCOMPARE(both.exitCode, 2);
        const Run none = run({QStringLiteral("powerflow"), m_town, QStringLiteral("--fixed-loads")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY(none.err.contains("has no electricity network"));
        const Run half = run({QStringLiteral("import"), QStringLiteral("--feeder-lines"),
                              testdata::path(QStringLiteral("ieee33/lines.geojson")), QStringLiteral("-o"),
                              path(QStringLiteral("half.gpkg"))});
        QCOMPARE(half.exitCode, 2);
        QVERIFY(half.err.contains("--feeder-lines and --feeder-nodes go together"));
        const Run carriers = run({QStringLiteral("lay-networks"), m_town, QStringLiteral("--carriers"), QStringLiteral("steam"),
                                  QStringLiteral("-o"), path(QStringLiteral("steam.gpkg"))});
        QCOMPARE(carriers.exitCode, 2);
        QVERIFY(carriers.err.contains("'steam' is not electricity, heating or cooling"));
    }
};

QTEST_GUILESS_MAIN(TestCliNetworks)
#include "tst_clinetworks.moc"
