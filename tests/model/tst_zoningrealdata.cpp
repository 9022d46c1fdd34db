// SPDX-License-Identifier: MIT
// Zoning analysis on the real data in TOWNTWIN_TEST_DATA. Model tests do not
// link GDAL, so the ogr2ogr / ogrinfo tools convert the sources to GeoJSON in a
// QTemporaryDir and compute the expected sums with OGR's SQLite dialect
// (ST_Area, ST_Length): an independent measure of the same features.
#include "TestData.h"
#include "analysis/RoadNetwork.h"
#include "analysis/ZoningAnalysis.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tt;

namespace {
const QString kData = QStringLiteral(TOWNTWIN_TEST_DATA);

bool run(const QString &tool, const QStringList &args, QString *output)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return false;
    *output = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

//! A "name (Real) = value" field of ogrinfo's SQL output.
double ogrField(const QString &output, const QString &name)
{
    const QRegularExpression re(QStringLiteral("\\b%1 \\(Real\\) = ([-0-9.eE+]+)").arg(name));
    const QRegularExpressionMatch m = re.match(output);
    return m.hasMatch() ? m.captured(1).toDouble() : qQNaN();
}

QJsonArray features(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value("features").toArray();
}

Ring ring(const QJsonArray &coords, Vec2 origin)
{
    Ring r;
    for (const QJsonValue &c : coords) {
        const QJsonArray xy = c.toArray();
        r.append(Vec2{xy[0].toDouble() - origin.x, xy[1].toDouble() - origin.y});
    }
    if (r.size() > 1 && r.first() == r.last())
        r.removeLast();
    return r;
}

Vec2 firstPoint(const QJsonArray &coords)
{
    QJsonValue v = coords.at(0);
    while (v.toArray().at(0).isArray())
        v = v.toArray().at(0);
    return Vec2{v.toArray()[0].toDouble(), v.toArray()[1].toDouble()};
}
} // namespace

class TestZoningRealData : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ogr2ogr;
    QString m_ogrinfo;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TT_REQUIRE_TEST_DATA(QStringLiteral("saltriver/buildings.geojson"), QStringLiteral("zug-cea/zone.shp"),
                             QStringLiteral("zug-cea/typology.dbf"));
        m_ogr2ogr = QStandardPaths::findExecutable("ogr2ogr");
        m_ogrinfo = QStandardPaths::findExecutable("ogrinfo");
        if (m_ogr2ogr.isEmpty() || m_ogrinfo.isEmpty())
            QSKIP("ogr2ogr / ogrinfo (gdal-bin) are needed to read the real data");
    }

    void saltRiverFootprintsAndFloorArea()
    {
        // Reproject the lon/lat footprints to UTM 34S (metres), as an import would.
        const QString path = m_dir.filePath("saltriver.geojson");
        QString out;
        QVERIFY(run(m_ogr2ogr, {"-f", "GeoJSON", "-t_srs", "EPSG:32734", "-nln", "b", path,
                                kData + "/saltriver/buildings.geojson"},
                    &out));
        QVERIFY(run(m_ogrinfo, {"-ro", "-dialect", "SQLite", "-sql",
                                "SELECT SUM(ST_Area(geometry)) AS footprint, "
                                "SUM(ST_Area(geometry) * CAST(\"building:levels\" AS REAL)) AS gfa, "
                                "CAST(COUNT(*) AS REAL) AS n FROM b",
                                path},
                    &out));
        const double expectedFootprint = ogrField(out, "footprint");
        const double expectedGfa = ogrField(out, "gfa");
        QCOMPARE(ogrField(out, "n"), 1377.0);

        const QJsonArray fs = features(path);
        QCOMPARE(fs.size(), 1377);
        Town town;
        const Vec2 origin = firstPoint(fs[0].toObject().value("geometry").toObject().value("coordinates").toArray());
        for (const QJsonValue &v : fs) {
            const QJsonObject props = v.toObject().value("properties").toObject();
            const QJsonArray rings = v.toObject().value("geometry").toObject().value("coordinates").toArray();
            Building b;
            b.id = town.allocateId();
            b.use = buildinguse::fromSourceValue(props.value("building").toString());
            b.levels = props.value("building:levels").toString().toDouble();
            b.footprint.outer = ring(rings[0].toArray(), origin);
            for (int i = 1; i < rings.size(); ++i)
                b.footprint.holes.append(ring(rings[i].toArray(), origin));
            town.buildings.put(b);
        }
        const LandUseStatistics s = computeKpis(town).landUse;
        QCOMPARE(s.buildings, 1377);
        QCOMPARE(s.unzonedBuildings, 1377);  // no zones given
        QVERIFY2(std::abs(s.footprintM2 - expectedFootprint) < 1e-6 * expectedFootprint,
                 qPrintable(QStringLiteral("%1 vs OGR %2").arg(s.footprintM2).arg(expectedFootprint)));
        QVERIFY2(std::abs(s.gfaM2 - expectedGfa) < 1e-6 * expectedGfa,
                 qPrintable(QStringLiteral("%1 vs OGR %2").arg(s.gfaM2).arg(expectedGfa)));
    }

    void zugStreetNetwork()
    {
        const QString path = m_dir.filePath("streets.geojson");
        QString out;
        QVERIFY(run(m_ogr2ogr, {"-f", "GeoJSON", "-nln", "s", path, kData + "/zug-cea/streets.shp"}, &out));
        QVERIFY(run(m_ogrinfo, {"-ro", "-dialect", "SQLite", "-sql", "SELECT SUM(ST_Length(geometry)) AS len FROM s", path},
                    &out));
        const double expectedLength = ogrField(out, "len");
        QVERIFY(expectedLength > 0);

        const QJsonArray fs = features(path);
        QCOMPARE(fs.size(), 1001);
        const Vec2 origin = firstPoint(fs[0].toObject().value("geometry").toObject().value("coordinates").toArray());
        EntityTable<Road> roads;
        QVector<Vec2> vertices;
        EntityId id = 1;
        for (const QJsonValue &v : fs) {
            Road r;
            r.id = id++;
            for (const QJsonValue &c : v.toObject().value("geometry").toObject().value("coordinates").toArray()) {
                const QJsonArray xy = c.toArray();
                r.line.append(Vec2{xy[0].toDouble() - origin.x, xy[1].toDouble() - origin.y});
            }
            vertices += r.line;
            roads.put(r);
        }
        RoadNetwork net;
        net.build(roads);
        // Cutting at crossings keeps the length; only pieces under the snap distance drop out.
        QVERIFY2(std::abs(net.lengthM() - expectedLength) < 0.01 * expectedLength,
                 qPrintable(QStringLiteral("%1 vs OGR %2").arg(net.lengthM()).arg(expectedLength)));

        // Between random street vertices: no walk is (much) shorter than the straight line,
        // a vertex is 0 m from itself, and a real town's streets hang together.
        QRandomGenerator rng(3);
        int connected = 0;
        const int pairs = 300;
        for (int i = 0; i < pairs; ++i) {
            const Vec2 a = vertices[rng.bounded(vertices.size())];
            const Vec2 b = vertices[rng.bounded(vertices.size())];
            const RoadNetwork::DistanceField field = net.distancesFrom({net.locate(a)});
            QVERIFY(net.distance(field, net.locate(a)) < 1e-6);
            const double d = net.distance(field, net.locate(b));
            if (std::isinf(d))
                continue;
            ++connected;
            // Snapping joins points up to kSnapM apart, so a walk may save that much at a junction or two.
            QVERIFY2(d >= (b - a).length() - 2 * RoadNetwork::kSnapM, qPrintable(QStringLiteral("%1 < %2").arg(d).arg((b - a).length())));
        }
        qInfo("Zug streets: %d nodes, %d edges, %.1f m (OGR %.1f m), %d of %d pairs connected", net.nodeCount(),
              net.edgeCount(), net.lengthM(), expectedLength, connected, pairs);
        QVERIFY2(connected >= 0.9 * pairs, qPrintable(QStringLiteral("%1 of %2 pairs connected").arg(connected).arg(pairs)));
    }
};

QTEST_GUILESS_MAIN(TestZoningRealData)
#include "tst_zoningrealdata.moc"
