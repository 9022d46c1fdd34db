// SPDX-License-Identifier: MIT
// towntwin-cli as other tools call it: exit codes, help, and every verb on real data.
#include "CliRun.h"
#include "TestData.h"
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal.h>
#include <ogr_api.h>

#include <cmath>
#include <tuple>

class TestCli : public QObject {
    Q_OBJECT

private:
    using Run = tt::clitest::Run;
    static QString cli() { return tt::clitest::cli(); }
    static QString data(const QString &rel) { return tt::testdata::path(rel); }
    static Run run(const QStringList &args, int timeoutMs = 300000) { return tt::clitest::run(args, timeoutMs); }

    static QString weather() { return data(QStringLiteral("zug-cea/weather.epw")); }
    QString scratch(const QString &name) const { return m_dir.filePath(name); }

    //! Exit code and stderr of a run, for failure messages.
    static QByteArray why(const Run &r) { return "exit " + QByteArray::number(r.exitCode) + ": " + r.err; }

    //! The value at a dotted path ("land_use.site_area_km2"); undefined when any step is missing.
    static QJsonValue at(const QJsonObject &root, const QString &path)
    {
        QJsonValue v = root;
        for (const QString &key : path.split(QLatin1Char('.')))
            v = v.toObject().value(key);
        return v;
    }
    static double number(const QJsonObject &root, const QString &path) { return at(root, path).toDouble(qQNaN()); }

    //! RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
    static QList<QStringList> parseCsv(const QByteArray &bytes)
    {
        const QString text = QString::fromUtf8(bytes);
        QList<QStringList> rows;
        QStringList row;
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (quoted && c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = !quoted;
            } else if (quoted || (c != QLatin1Char(',') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))) {
                field += c;
            } else if (c == QLatin1Char(',')) {
                row << field;
                field.clear();
            } else if (c == QLatin1Char('\n')) {
                row << field;
                rows << row;
                row.clear();
                field.clear();
            }
        }
        if (!field.isEmpty() || !row.isEmpty())
            rows << (row << field);
        return rows;
    }

    //! Every row has as many fields as the header.
    static void verifyRectangular(const QList<QStringList> &rows, const QString &what)
    {
        QVERIFY2(!rows.isEmpty(), qPrintable(what));
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY2(rows[i].size() == rows.first().size(),
                     qPrintable(QStringLiteral("%1 row %2: %3").arg(what).arg(i).arg(rows[i].join(QLatin1Char(',')))));
    }

    //! The values of one column, sorted (the column must exist).
    static QStringList sortedColumn(const QList<QStringList> &rows, const QString &column)
    {
        const qsizetype c = rows.isEmpty() ? -1 : rows.first().indexOf(column);
        QStringList values;
        for (qsizetype i = 1; c >= 0 && i < rows.size(); ++i)
            values << rows[i].value(c);
        values.sort();
        return values;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The helpers below verify as they go: callers stop on QTest::currentTestFailed().

    static void generateTown(const QString &path, int seed)
    {
        const Run r = run({QStringLiteral("generate-town"), QStringLiteral("-o"), path, QStringLiteral("--seed"),
                           QString::number(seed)});
        QVERIFY2(r.exitCode == 0, why(r).constData());
        QVERIFY(QFile::exists(path));
    }

    //! `import` of the Salt River buildings and DEM into `project`; its JSON summary when asked.
    static void importSaltRiverTo(const QString &project, QJsonObject *summary)
    {
        const Run r = run({QStringLiteral("import"), QStringLiteral("--dem"), data(QStringLiteral("saltriver/dem.tif")),
                           QStringLiteral("--buildings"), data(QStringLiteral("saltriver/buildings.geojson")),
                           QStringLiteral("-o"), project});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        if (summary)
            *summary = QJsonDocument::fromJson(r.out).object();
    }

    static void buildingsCsvOf(const QString &project, QByteArray *csv)
    {
        const Run r = run({QStringLiteral("buildings"), project, QStringLiteral("--csv")});
        QVERIFY2(r.exitCode == 0, why(r).constData());
        *csv = r.out;
    }

    static void kpisJsonOf(const QString &project, QJsonObject *kpis)
    {
        const Run r = run({QStringLiteral("kpis"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, why(r).constData());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(error.errorString()));
        *kpis = doc.object();
    }

    //! Runs `simulate` on the sample town into DIR and checks the three result files; returns kpis.json.
    void simulateTown(const QString &dir, const QStringList &args, const QString &strategy, QJsonObject *kpis) const
    {
        QVERIFY(QFile::exists(m_town));
        const Run r = run(QStringList{QStringLiteral("simulate"), m_town, QStringLiteral("-o"), dir} + args);
        QVERIFY2(r.exitCode == 0, why(r).constData());

        // One row per building of the project, matched by id.
        const QList<QStringList> annual = parseCsv(readFile(dir + QStringLiteral("/buildings_annual.csv")));
        verifyRectangular(annual, QStringLiteral("buildings_annual.csv"));
        if (QTest::currentTestFailed())
            return;
        for (const char *column : {"id", "source_id", "use", "gfa_m2", "electricity_mwh", "heating_mwh", "cooling_mwh",
                                   "dhw_mwh", "pv_mwh", "peak_electric_kw"})
            QVERIFY2(annual.first().contains(QLatin1String(column)), column);
        const QList<QStringList> buildings = parseCsv(m_townCsv);
        QCOMPARE(annual.size(), buildings.size());
        QCOMPARE(sortedColumn(annual, QStringLiteral("id")), sortedColumn(buildings, QStringLiteral("id")));

        const QList<QStringList> hourly = parseCsv(readFile(dir + QStringLiteral("/town_hourly.csv")));
        QCOMPARE(hourly.size(), 8761);  // header + 365 × 24 hours
        verifyRectangular(hourly, QStringLiteral("town_hourly.csv"));
        if (QTest::currentTestFailed())
            return;

        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(readFile(dir + QStringLiteral("/kpis.json")), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(error.errorString()));
        *kpis = doc.object();
        QCOMPARE(kpis->value(QStringLiteral("strategy")).toString(), strategy);
        // Only the optimal dispatch minimises something.
        QCOMPARE(kpis->value(QStringLiteral("objective")).toString(),
                 strategy == QLatin1String("rule") ? QStringLiteral("none") : QStringLiteral("cost"));
        const double residual = number(*kpis, QStringLiteral("balance_residual_max_kw"));
        QVERIFY2(residual < 1e-3, qPrintable(QString::number(residual)));
        QVERIFY(!std::isnan(number(*kpis, QStringLiteral("cost"))));
        // The default fleet drives: trips take energy, and charging covers at least that.
        const double trips = number(*kpis, QStringLiteral("demand_mwh.ev_trips"));
        QVERIFY2(trips > 0.0 && trips <= number(*kpis, QStringLiteral("demand_mwh.ev_charging")), qPrintable(QString::number(trips)));

        // The town's annual demand is the sum of the buildings' (columns rounded to 0.1 kWh).
        const int rows = int(annual.size()) - 1;
        for (const char *carrier : {"electricity", "heating", "cooling", "dhw"}) {
            const qsizetype c = annual.first().indexOf(QLatin1String(carrier) + QStringLiteral("_mwh"));
            double sum = 0.0;
            for (int i = 1; i <= rows; ++i)
                sum += annual[i][c].toDouble();
            const double total = number(*kpis, QStringLiteral("demand_mwh.") + QLatin1String(carrier));
            QVERIFY2(std::abs(sum - total) <= 1e-4 * rows + 1e-9 * std::abs(total),
                     qPrintable(QStringLiteral("%1: buildings %2 MWh, town %3 MWh").arg(carrier).arg(sum).arg(total)));
        }
    }

    QTemporaryDir m_dir;
    QString m_saltriver;   //!< the Salt River buildings and DEM, imported in initTestCase
    QString m_town;        //!< generate-town --seed 1, made in initTestCase
    QByteArray m_townCsv;  //!< its `buildings --csv`

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cli()), "towntwin-cli is not built");
        TT_REQUIRE_TEST_DATA(QStringLiteral("saltriver/buildings.geojson"), QStringLiteral("saltriver/dem.tif"),
                             QStringLiteral("zug-cea/zone.shp"), QStringLiteral("zug-cea/weather.epw"));
        // The projects most slots work on, made here so that any slot can run alone.
        m_town = scratch(QStringLiteral("town-a.gpkg"));
        generateTown(m_town, 1);
        buildingsCsvOf(m_town, &m_townCsv);
        m_saltriver = m_dir.filePath(QStringLiteral("saltriver.gpkg"));
        importSaltRiverTo(m_saltriver, nullptr);
    }

    void versionAndHelp()
    {
        const Run v = run({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out.trimmed(), QByteArray("towntwin " TOWNTWIN_VERSION));
        const Run h = run({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        for (const char *verb : {"import", "buildings", "kpis", "generate-town", "render", "simulate"})
            QVERIFY2(h.out.contains(verb), verb);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")} << QByteArray("unknown verb 'frobnicate'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frob")} << QByteArray("unknown option '--frob'");
        QTest::newRow("verb option") << QStringList{QStringLiteral("buildings"), QStringLiteral("x.gpkg"),
                                                    QStringLiteral("--nonsense")}
                                     << QByteArray("nonsense");
        QTest::newRow("missing -o") << QStringList{QStringLiteral("generate-town")} << QByteArray("-o FILE.gpkg is required");
        QTest::newRow("import no buildings") << QStringList{QStringLiteral("import"), QStringLiteral("-o"), QStringLiteral("x.gpkg")}
                                             << QByteArray("--buildings is required");
        QTest::newRow("bad seed") << QStringList{QStringLiteral("generate-town"), QStringLiteral("-o"),
                                                 QStringLiteral("x.gpkg"), QStringLiteral("--seed"), QStringLiteral("abc")}
                                  << QByteArray("--seed");
        QTest::newRow("seed beyond its range") << QStringList{QStringLiteral("generate-town"), QStringLiteral("-o"),
                                                              QStringLiteral("x.gpkg"), QStringLiteral("--seed"),
                                                              QStringLiteral("99999999999")}
                                               << QByteArray("--seed wants a whole number from 0 to 4294967295, not '99999999999'");
        const QStringList render{QStringLiteral("render"), QStringLiteral("x.gpkg"), QStringLiteral("-o"),
                                 QStringLiteral("x.png")};
        QTest::newRow("render unknown view") << render + QStringList{QStringLiteral("--view"), QStringLiteral("nonsense")}
                                             << QByteArray("unknown view 'nonsense' (views: home, top)");
        QTest::newRow("render bad size") << render + QStringList{QStringLiteral("--size"), QStringLiteral("12")}
                                         << QByteArray("--size wants WIDTHxHEIGHT");
        // Beyond what any OpenGL draws in one go, and beyond a 1 GiB picture: refused, not an all-black PNG.
        QTest::newRow("render size beyond the limit") << render + QStringList{QStringLiteral("--size"), QStringLiteral("16385x100")}
                                                      << QByteArray("from 16x16 to 16384x16384");
        const QStringList simulate{QStringLiteral("simulate"), QStringLiteral("x.gpkg"), QStringLiteral("-o"),
                                   QStringLiteral("out")};
        QTest::newRow("simulate bad strategy")
            << simulate + QStringList{QStringLiteral("--weather"), weather(), QStringLiteral("--strategy"), QStringLiteral("fast")}
            << QByteArray("--strategy wants rule or optimal, not 'fast'");
        const QStringList size{QStringLiteral("size"), QStringLiteral("x.gpkg"), QStringLiteral("-o"), QStringLiteral("out")};
        QTest::newRow("size negative cap") << size + QStringList{QStringLiteral("--co2-cap"), QStringLiteral("-5")}
                                           << QByteArray("--co2-cap wants a number of at least 0, not '-5'");
        QTest::newRow("size bad objective") << size + QStringList{QStringLiteral("--objective"), QStringLiteral("fun")}
                                            << QByteArray("--objective wants cost or co2, not 'fun'");
        QTest::newRow("size without -o") << QStringList{QStringLiteral("size"), QStringLiteral("x.gpkg")}
                                         << QByteArray("-o DIR is required");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void missingProjectFailsWithNamedFile()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nope.gpkg"));
        const Run r = run({QStringLiteral("buildings"), missing, QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("nope.gpkg"), r.err.constData());
    }

    void importSaltRiver()
    {
        QJsonObject summary;
        const QString project = scratch(QStringLiteral("saltriver-again.gpkg"));
        importSaltRiverTo(project, &summary);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!summary.isEmpty(), "import wrote no JSON summary");
        // Count features straight from the source with OGR: imported + skipped must add up.
        GDALAllRegister();
        GDALDatasetH ds = GDALOpenEx(data(QStringLiteral("saltriver/buildings.geojson")).toUtf8(), GDAL_OF_VECTOR,
                                     nullptr, nullptr, nullptr);
        QVERIFY(ds);
        const qint64 features = OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds, 0), TRUE);
        GDALClose(ds);
        QCOMPARE(features, 1377);
        QCOMPARE(summary.value(QStringLiteral("buildings")).toInt() + summary.value(QStringLiteral("skipped")).toArray().size(),
                 int(features));
        QVERIFY(summary.value(QStringLiteral("buildings")).toInt() > 1300);
        QCOMPARE(summary.value(QStringLiteral("zones")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("roads")).toInt(), 0);
        QVERIFY2(summary.value(QStringLiteral("crs")).toString().contains(QLatin1String("32734")),
                 qPrintable(summary.value(QStringLiteral("crs")).toString()));
        QVERIFY(summary.contains(QStringLiteral("heights_guessed")));
        QVERIFY(QFile::exists(project));
    }

    void buildingsCsv()
    {
        QVERIFY(QFile::exists(m_saltriver));
        const Run r = run({QStringLiteral("buildings"), m_saltriver, QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        const QList<QByteArray> header = lines.first().split(',');
        const QList<QByteArray> required{"id", "source_id", "use", "levels", "height_m", "ground_m", "footprint_m2",
                                         "height_guessed"};
        for (const QByteArray &column : required)
            QVERIFY2(header.contains(column), column.constData());
        QVERIFY(lines.size() > 1300);
        // Salt River lies on the Cape Flats: ground between sea level and ~100 m, footprints positive.
        const int ground = int(header.indexOf("ground_m"));
        const int footprint = int(header.indexOf("footprint_m2"));
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].split(',');
            QVERIFY(f.size() >= header.size());
            QVERIFY2(f[ground].toDouble() > -5 && f[ground].toDouble() < 150, lines[i].constData());
            QVERIFY2(f[footprint].toDouble() > 0, lines[i].constData());
        }
    }

    void generateTownIsReproducible()
    {
        const QString twin = scratch(QStringLiteral("town-b.gpkg"));
        const QString other = scratch(QStringLiteral("town-seed2.gpkg"));
        QByteArray twinCsv, otherCsv;
        for (const auto &[path, seed, csv] : {std::tuple{twin, 1, &twinCsv}, std::tuple{other, 2, &otherCsv}}) {
            generateTown(path, seed);
            if (QTest::currentTestFailed())
                return;
            buildingsCsvOf(path, csv);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(parseCsv(m_townCsv).size() > 100, m_townCsv.left(500).constData());
        QVERIFY2(twinCsv == m_townCsv, "same seed, different buildings");
        QVERIFY2(otherCsv != m_townCsv, "seed 2 gave the town of seed 1");
    }

    void kpisOfSampleTown()
    {
        QVERIFY(QFile::exists(m_town));
        QJsonObject k;
        kpisJsonOf(m_town, &k);
        if (QTest::currentTestFailed())
            return;
        // The brief of the sample town: 3 km² site, 2 km² farmland, 1 km² town, 30,000 residents.
        const struct {
            const char *path;
            double expected, tolerance;
        } targets[] = {{"land_use.site_area_km2", 3.0, 0.15},
                       {"land_use.agricultural_area_km2", 2.0, 0.1},
                       {"land_use.built_up_area_km2", 1.0, 0.05},
                       {"capacity.residents", 30000.0, 1500.0}};
        for (const auto &t : targets) {
            const double v = number(k, QLatin1String(t.path));
            QVERIFY2(std::abs(v - t.expected) <= t.tolerance,
                     qPrintable(QStringLiteral("%1 = %2, expected %3 ± %4").arg(t.path).arg(v).arg(t.expected).arg(t.tolerance)));
        }

        // Land use by class adds up to the zones it comes from.
        double classSum = 0.0, zoneSum = 0.0;
        const QJsonObject classes = at(k, QStringLiteral("land_use.classes")).toObject();
        QVERIFY(!classes.isEmpty());
        for (const QJsonValue c : classes)
            classSum += c.toObject().value(QStringLiteral("area_m2")).toDouble(qQNaN());
        const QJsonArray zones = at(k, QStringLiteral("land_use.zones")).toArray();
        QVERIFY(!zones.isEmpty());
        for (const QJsonValue z : zones)
            zoneSum += z.toObject().value(QStringLiteral("area_m2")).toDouble(qQNaN());
        QVERIFY2(zoneSum > 0 && std::abs(classSum - zoneSum) <= 0.01 * zoneSum,
                 qPrintable(QStringLiteral("classes %1 m², zones %2 m²").arg(classSum).arg(zoneSum)));

        // Every rule is reported in full; the summary counts them; the sample meets its own targets.
        const QJsonArray checks = k.value(QStringLiteral("plan_check")).toArray();
        QVERIFY(!checks.isEmpty());
        QHash<QString, int> counts;
        for (const QJsonValue v : checks) {
            const QJsonObject rule = v.toObject();
            for (const char *key : {"id", "label", "value", "target", "status"})
                QVERIFY2(rule.contains(QLatin1String(key)), QJsonDocument(rule).toJson().constData());
            const QString status = rule.value(QStringLiteral("status")).toString();
            QVERIFY2(QStringList({QStringLiteral("pass"), QStringLiteral("warn"), QStringLiteral("fail")}).contains(status),
                     qPrintable(status));
            ++counts[status];
        }
        for (const QString &status : {QStringLiteral("pass"), QStringLiteral("warn"), QStringLiteral("fail")})
            QCOMPARE(at(k, QStringLiteral("plan_check_summary.") + status).toInt(-1), counts.value(status));
        QVERIFY2(!k.contains(QStringLiteral("plan_check_error")), qPrintable(k.value(QStringLiteral("plan_check_error")).toString()));
        QCOMPARE(counts.value(QStringLiteral("fail")), 0);

        // The text report carries the same plan check summary.
        const Run text = run({QStringLiteral("kpis"), m_town});
        QVERIFY2(text.exitCode == 0, why(text).constData());
        const QByteArray summary = QStringLiteral("Plan check: %1 pass, %2 warn, %3 fail")
                                       .arg(counts.value(QStringLiteral("pass")))
                                       .arg(counts.value(QStringLiteral("warn")))
                                       .arg(counts.value(QStringLiteral("fail")))
                                       .toUtf8();
        QVERIFY2(text.out.contains(summary), text.out.constData());

        const Run strict = run({QStringLiteral("kpis"), m_town, QStringLiteral("--fail-on-plan-check")});
        QVERIFY2(strict.exitCode == 0, why(strict).constData());
    }

    void kpisFailOnPlanCheck()
    {
        // Salt River is a city district without zones, not the 3 km² green town: the plan rules fail.
        QVERIFY(QFile::exists(m_saltriver));
        QJsonObject k;
        kpisJsonOf(m_saltriver, &k);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(number(k, QStringLiteral("plan_check_summary.fail")) > 0 || k.contains(QStringLiteral("plan_check_error")),
                 QJsonDocument(k.value(QStringLiteral("plan_check_summary")).toObject()).toJson().constData());
        const Run strict = run({QStringLiteral("kpis"), m_saltriver, QStringLiteral("--fail-on-plan-check")});
        QCOMPARE(strict.exitCode, 1);
        // Issue 16 item 12: the reason is on stderr, not only in the exit code.
        QVERIFY2(strict.err.contains("plan rule") || strict.err.contains("plan rules cannot be used"), strict.err.constData());
    }

    void renderTopView()
    {
        QVERIFY(QFile::exists(m_town));
        const QString png = scratch(QStringLiteral("top.png"));
        const Run r = run({QStringLiteral("render"), m_town, QStringLiteral("-o"), png, QStringLiteral("--size"),
                           QStringLiteral("320x200"), QStringLiteral("--view"), QStringLiteral("top")});
        QVERIFY2(r.exitCode == 0, why(r).constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(320, 200));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
    }

    void simulateWithTheProjectsWeather()
    {
        // The sample town names the bundled Shanghai year: no --weather needed.
        QJsonObject rule;
        simulateTown(scratch(QStringLiteral("sim-rule")), {QStringLiteral("--strategy"), QStringLiteral("rule")},
                     QStringLiteral("rule"), &rule);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject w = rule.value(QStringLiteral("weather")).toObject();
        QCOMPARE(w.value(QStringLiteral("file")).toString(), QStringLiteral("bundled:CHN_Shanghai-Hongqiao_TMYx.epw"));
        QCOMPARE(w.value(QStringLiteral("chosen_by")).toString(), QStringLiteral("project"));
        QCOMPARE(w.value(QStringLiteral("location")).toString(), QStringLiteral("Shanghai-Hongqiao.Intl.AP, SH, CHN"));
        QCOMPARE(w.value(QStringLiteral("source")).toString(), QStringLiteral("SRC-TMYx"));
        QCOMPARE(w.value(QStringLiteral("latitude")).toDouble(), 31.198);
        QCOMPARE(w.value(QStringLiteral("longitude")).toDouble(), 121.336);
        // Hongqiao lies about 28 km from the sample site: no warning.
        const double km = w.value(QStringLiteral("station_distance_km")).toDouble();
        QVERIFY2(km > 20.0 && km < 40.0, qPrintable(QString::number(km)));
        QVERIFY(w.value(QStringLiteral("warnings")).toArray().isEmpty());
        // A site in China: the Chinese buildings.
        const QJsonObject archetypes = rule.value(QStringLiteral("archetypes")).toObject();
        QCOMPARE(archetypes.value(QStringLiteral("set")).toString(), QStringLiteral("cn"));
        QCOMPARE(archetypes.value(QStringLiteral("chosen_by")).toString(), QStringLiteral("the site lies in its region"));
        // Priced with the default Shanghai tariff; the lifecycle economics beside the baseline's.
        const QJsonObject tariff = rule.value(QStringLiteral("tariff")).toObject();
        QCOMPARE(tariff.value(QStringLiteral("key")).toString(), QStringLiteral("shanghai_2025_commercial"));
        QCOMPARE(tariff.value(QStringLiteral("chosen_by")).toString(), QStringLiteral("the default"));
        const QJsonObject economics = rule.value(QStringLiteral("economics")).toObject();
        const QJsonObject baseline = economics.value(QStringLiteral("baseline")).toObject();
        for (const char *key : {"capex_cny", "annual_opex_cny", "annualised_cost_cny", "net_present_cost_cny",
                                "lcoe_electricity_cny_per_kwh"}) {
            QVERIFY2(economics.value(QLatin1String(key)).toDouble() > 0.0, key);
            QVERIFY2(baseline.value(QLatin1String(key)).toDouble() > 0.0, key);
        }
        QVERIFY(std::abs(number(economics, QStringLiteral("npv_cny"))
                         - (number(baseline, QStringLiteral("net_present_cost_cny"))
                            - number(economics, QStringLiteral("net_present_cost_cny"))))
                < 1e-6 * number(baseline, QStringLiteral("net_present_cost_cny")));
        QVERIFY(economics.contains(QStringLiteral("simple_payback_years")));

        // The optimal dispatch (the default) of the same year costs no more than the rules.
        QJsonObject optimal;
        simulateTown(scratch(QStringLiteral("sim-optimal")), {}, QStringLiteral("optimal"), &optimal);
        if (QTest::currentTestFailed())
            return;
        const double ruleCost = number(rule, QStringLiteral("cost"));
        const double cost = number(optimal, QStringLiteral("cost"));
        QVERIFY2(cost <= ruleCost + 1e-6 * std::abs(ruleCost),
                 qPrintable(QStringLiteral("optimal %1, rule %2").arg(cost, 0, 'f', 2).arg(ruleCost, 0, 'f', 2)));
    }

    void simulateWithAnotherWeather()
    {
        QJsonObject kpis;
        simulateTown(scratch(QStringLiteral("sim-zug")), {QStringLiteral("--weather"), weather()},
                     QStringLiteral("optimal"), &kpis);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject w = kpis.value(QStringLiteral("weather")).toObject();
        QCOMPARE(w.value(QStringLiteral("file")).toString(), weather());
        QCOMPARE(w.value(QStringLiteral("chosen_by")).toString(), QStringLiteral("option"));
        // Zug is 9,000 km from the sample site, and the result says so.
        QVERIFY(w.value(QStringLiteral("station_distance_km")).toDouble() > 8000.0);
        QVERIFY(!w.value(QStringLiteral("warnings")).toArray().isEmpty());
    }

    void simulateWithOtherArchetypes()
    {
        QJsonObject swiss;
        simulateTown(scratch(QStringLiteral("sim-ch")), {QStringLiteral("--archetypes"), QStringLiteral("ch")},
                     QStringLiteral("optimal"), &swiss);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject archetypes = swiss.value(QStringLiteral("archetypes")).toObject();
        QCOMPARE(archetypes.value(QStringLiteral("set")).toString(), QStringLiteral("ch"));
        QCOMPARE(archetypes.value(QStringLiteral("chosen_by")).toString(), QStringLiteral("the project's choice"));
        // Swiss homes are heated and cooled all day in every room: more cooling than Chinese ones.
        QJsonObject chinese;
        simulateTown(scratch(QStringLiteral("sim-cn")), {}, QStringLiteral("optimal"), &chinese);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(number(swiss, QStringLiteral("demand_by_use_mwh.residential.cooling"))
                > number(chinese, QStringLiteral("demand_by_use_mwh.residential.cooling")));

        const Run bad = run({QStringLiteral("simulate"), m_town, QStringLiteral("--archetypes"), QStringLiteral("atlantis"),
                             QStringLiteral("-o"), scratch(QStringLiteral("sim-bad"))});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--archetypes wants ch, cn, sg, not 'atlantis'"), bad.err.constData());
    }

    void simulateWithoutWeatherNamesWhatIsMissing()
    {
        // Salt River (Arizona) names no weather and no bundled station is near it.
        QVERIFY(QFile::exists(m_saltriver));
        const QString dir = scratch(QStringLiteral("sim-none"));
        const Run r = run({QStringLiteral("simulate"), m_saltriver, QStringLiteral("-o"), dir});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(m_saltriver.toUtf8()) && r.err.contains("weather_file") && r.err.contains("--weather"),
                 r.err.constData());
        QVERIFY(!QFileInfo::exists(dir));
    }

    void simulateTruncatedWeatherFails()
    {
        QVERIFY(QFile::exists(m_town));
        const QList<QByteArray> lines = readFile(weather()).split('\n');
        QVERIFY(lines.size() > 8760);
        const QString truncated = scratch(QStringLiteral("truncated.epw"));  // 8 header lines, 12 hours
        QFile out(truncated);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(lines.mid(0, 20).join('\n') + '\n') > 0);
        out.close();
        const Run r = run({QStringLiteral("simulate"), m_town, QStringLiteral("--weather"), truncated, QStringLiteral("-o"),
                           scratch(QStringLiteral("sim-truncated"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(truncated.toUtf8()), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
