// SPDX-License-Identifier: MIT
// towntwin-cli as other tools call it: exit codes, help, and every verb on real data.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal.h>
#include <ogr_api.h>

class TestCli : public QObject {
    Q_OBJECT

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static QString cli() { return QStringLiteral(TOWNTWIN_BINARY_DIR "/app/towntwin-cli"); }
    static QString data(const QString &rel) { return QStringLiteral(TOWNTWIN_SHARED_DATA "/") + rel; }

    static Run run(const QStringList &args, int timeoutMs = 300000)
    {
        QProcess p;
        p.start(cli(), args);
        Run r;
        if (!p.waitForFinished(timeoutMs))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QTemporaryDir m_dir;
    QString m_saltriver;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cli()), "towntwin-cli is not built");
    }

    void versionAndHelp()
    {
        const Run v = run({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out.trimmed(), QByteArray("towntwin " TOWNTWIN_VERSION));
        const Run h = run({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        for (const char *verb : {"import", "buildings", "kpis", "generate-town", "render"})
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
        m_saltriver = m_dir.filePath(QStringLiteral("saltriver.gpkg"));
        const Run r = run({QStringLiteral("import"), QStringLiteral("--dem"), data(QStringLiteral("saltriver/dem.tif")),
                           QStringLiteral("--buildings"), data(QStringLiteral("saltriver/buildings.geojson")),
                           QStringLiteral("-o"), m_saltriver});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(!summary.isEmpty(), r.out.constData());
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
        QVERIFY(QFile::exists(m_saltriver));
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
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
