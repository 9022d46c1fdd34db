// SPDX-License-Identifier: MIT
// towntwin-cli never destroys data through its outputs (issue 16, items 1 and 2):
// an output that is one of the inputs is refused, outputs carry the right
// extension, simulate's folder is a folder and a failed run leaves none behind,
// and a save killed by a signal leaves no temporary file or journal.
#include "CliRun.h"
#include "TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <utility>
#include <system_error>

#ifdef Q_OS_UNIX
#include <csignal>
#include <signal.h>
#endif

class TestCliOutputs : public QObject {
    Q_OBJECT

private:
    using Run = tt::clitest::Run;
    static QString cli() { return tt::clitest::cli(); }
    static QString data(const QString &rel) { return tt::testdata::path(rel); }
    static Run run(const QStringList &args, int timeoutMs = 300000) { return tt::clitest::run(args, timeoutMs); }

    static QByteArray why(const Run &r) { return "exit " + QByteArray::number(r.exitCode) + ": " + r.err; }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    //! Every file under `dir` (hidden ones too) with a hash of its bytes: "unchanged" means the same map.
    static QMap<QString, QByteArray> snapshot(const QString &dir)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::Dirs | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.insert(QDir(dir).relativeFilePath(path),
                         it.fileInfo().isDir() ? QByteArray("<dir>")
                                               : QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256));
        }
        return files;
    }

    static QString describe(const QMap<QString, QByteArray> &before, const QMap<QString, QByteArray> &after)
    {
        QStringList changes;
        for (auto it = after.cbegin(); it != after.cend(); ++it)
            if (!before.contains(it.key()))
                changes << QStringLiteral("new %1").arg(it.key());
            else if (before.value(it.key()) != it.value())
                changes << QStringLiteral("changed %1").arg(it.key());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (!after.contains(it.key()))
                changes << QStringLiteral("removed %1").arg(it.key());
        return changes.join(QStringLiteral(", "));
    }

    //! A usage error (exit 2) naming -o, the path and the problem, and nothing under `watched` changed.
    void verifyRefused(const QStringList &args, const QString &watched, const QString &output, const QByteArray &problem)
    {
        const QMap<QString, QByteArray> before = snapshot(watched);
        QVERIFY(!before.isEmpty());
        const Run r = run(args);
        const QMap<QString, QByteArray> after = snapshot(watched);
        QVERIFY2(r.exitCode == 2, why(r).constData());
        QVERIFY2(r.err.contains("-o " + output.toUtf8()), why(r).constData());
        QVERIFY2(r.err.contains(problem), why(r).constData());
        QVERIFY2(before == after, qPrintable(describe(before, after)));
    }

    //! A fresh folder for one test row, so a broken check that destroys a file
    //! fails that row only: `in/` holds copies of the real data (and `in/sub/`),
    //! `town.gpkg` and `in/source.gpkg` the sample project, and on Unix
    //! `town-link.png` → town.gpkg, `dem-link.gpkg` → in/dem.tif, `sub-link` → in/sub;
    //! `town-hard.png` is a hard link to town.gpkg where the file system has them.
    QString makeWorkspace()
    {
        const QString ws = m_dir.filePath(QStringLiteral("ws%1").arg(++m_workspaces));
        const QDir dir(ws);
        if (!QDir().mkpath(ws + QStringLiteral("/in/sub")))
            return {};
        for (const QString &rel : m_data)
            if (!QFile::copy(data(rel), dir.filePath(QStringLiteral("in/") + QFileInfo(rel).fileName())))
                return {};
        if (!QFile::copy(m_pristine, dir.filePath(QStringLiteral("town.gpkg")))
            || !QFile::copy(m_pristine, dir.filePath(QStringLiteral("in/source.gpkg"))))
            return {};
#ifdef Q_OS_UNIX
        for (const auto &[target, link] : {std::pair("town.gpkg", "town-link.png"), std::pair("in/dem.tif", "dem-link.gpkg"),
                                           std::pair("in/sub", "sub-link")})
            if (!QFile::link(dir.filePath(QLatin1String(target)), dir.filePath(QLatin1String(link))))
                return {};
#endif
        std::error_code ec;
        std::filesystem::create_hard_link(QFileInfo(dir.filePath(QStringLiteral("town.gpkg"))).filesystemFilePath(),
                                          QFileInfo(dir.filePath(QStringLiteral("town-hard.png"))).filesystemFilePath(), ec);
        return ws;
    }

    //! `@/` in data rows stands for the row's workspace.
    static QStringList resolved(QStringList args, const QString &ws)
    {
        return args.replaceInStrings(QStringLiteral("@/"), ws + QLatin1Char('/'));
    }
    static QString resolved(const QString &path, const QString &ws) { return resolved(QStringList{path}, ws).first(); }

    QTemporaryDir m_dir;
    QStringList m_data;   //!< the files of tests/data copied into every workspace
    QString m_pristine;   //!< generate-town --seed 1, never named in a command
    QString m_truncated;  //!< a weather file that fails after the checks
    int m_workspaces = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cli()), "towntwin-cli is not built");
        m_data = QStringList{QStringLiteral("saltriver/buildings.geojson"), QStringLiteral("saltriver/dem.tif"),
                             QStringLiteral("zug-cea/terrain.tif"), QStringLiteral("zug-cea/typology.dbf"),
                             QStringLiteral("zug-cea/weather.epw")};
        for (const char *layer : {"zone", "surroundings", "streets"})
            for (const char *part : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
                m_data << QStringLiteral("zug-cea/") + QLatin1String(layer) + QLatin1String(part);
        TT_REQUIRE_TEST_DATA(m_data);

        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("pristine")));
        m_pristine = m_dir.filePath(QStringLiteral("pristine/town.gpkg"));
        const Run g = run({QStringLiteral("generate-town"), QStringLiteral("-o"), m_pristine, QStringLiteral("--seed"),
                           QStringLiteral("1")});
        QVERIFY2(g.exitCode == 0, why(g).constData());

        // 8 header lines and 12 hours: simulate gets past every output check, then fails.
        m_truncated = m_dir.filePath(QStringLiteral("pristine/truncated.epw"));
        const QList<QByteArray> lines = readFile(data(QStringLiteral("zug-cea/weather.epw"))).split('\n');
        QVERIFY(lines.size() > 8760);
        QFile truncated(m_truncated);
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        QVERIFY(truncated.write(lines.mid(0, 20).join('\n') + '\n') > 0);
    }

    // --- Item 1: render onto its project ---------------------------------------

    void renderOntoItsProjectIsRefused_data()
    {
        QTest::addColumn<QString>("output");
        QTest::newRow("same path") << QStringLiteral("@/town.gpkg");
        QTest::newRow("dot-dot path") << QStringLiteral("@/in/sub/../../town.gpkg");
#ifdef Q_OS_UNIX
        QTest::newRow("symlink with a .png name") << QStringLiteral("@/town-link.png");
#endif
        QTest::newRow("hard link with a .png name") << QStringLiteral("@/town-hard.png");
    }

    void renderOntoItsProjectIsRefused()
    {
        QFETCH(QString, output);
        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        output = resolved(output, ws);
        if (!QFile::exists(output))
            QSKIP("no hard links on this file system");
        verifyRefused({QStringLiteral("render"), ws + QStringLiteral("/town.gpkg"), QStringLiteral("-o"), output,
                       QStringLiteral("--size"), QStringLiteral("64x64")},
                      ws, output, "would overwrite the PROJECT input");
    }

    // --- Item 2: import onto one of its inputs ----------------------------------

    void importOntoAnInputIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QByteArray>("problem");

        const QString o = QStringLiteral("-o");
        const QStringList saltriver{QStringLiteral("import"), QStringLiteral("--dem"), QStringLiteral("@/in/dem.tif"),
                                    QStringLiteral("--buildings"), QStringLiteral("@/in/buildings.geojson")};
        // Zug as CEA lays it out: every kind of input in one coherent import.
        const QStringList zug{QStringLiteral("import"),      QStringLiteral("--dem"),   QStringLiteral("@/in/terrain.tif"),
                              QStringLiteral("--buildings"), QStringLiteral("@/in/zone.shp"),
                              QStringLiteral("--context"),   QStringLiteral("@/in/surroundings.shp"),
                              QStringLiteral("--roads"),     QStringLiteral("@/in/streets.shp"),
                              QStringLiteral("--join"),      QStringLiteral("@/in/typology.dbf"),
                              QStringLiteral("--key"),       QStringLiteral("Name")};
        const auto row = [&](const char *name, const QStringList &base, const char *output, const char *problem) {
            QTest::newRow(name) << base + QStringList{o, QLatin1String(output)} << QString::fromLatin1(output)
                                << QByteArray(problem);
        };
        row("buildings GeoJSON", saltriver, "@/in/buildings.geojson", "would overwrite the --buildings input");
        row("DEM", saltriver, "@/in/dem.tif", "would overwrite the --dem input");
        row("DEM by a dot-dot path", saltriver, "@/in/sub/../dem.tif", "would overwrite the --dem input");
        row("buildings shapefile", zug, "@/in/zone.shp", "would overwrite the --buildings input");
        row("context", zug, "@/in/surroundings.shp", "would overwrite the --context input");
        row("roads", zug, "@/in/streets.shp", "would overwrite the --roads input");
        row("join table", zug, "@/in/typology.dbf", "would overwrite the --join input");
        row("a shapefile's .dbf", zug, "@/in/zone.dbf", "part of the --buildings shapefile");
        row("a shapefile's .shx", zug, "@/in/streets.shx", "part of the --roads shapefile");
        row("zones",
            {QStringLiteral("import"), QStringLiteral("--buildings"), QStringLiteral("@/in/surroundings.shp"),
             QStringLiteral("--zones"), QStringLiteral("@/in/zone.shp")},
            "@/in/zone.shp", "would overwrite the --zones input");
        // A project is a GeoPackage, so it can be the source of another import.
        const QStringList fromGpkg{QStringLiteral("import"), QStringLiteral("--buildings"), QStringLiteral("@/in/source.gpkg"),
                                   QStringLiteral("--layer"), QStringLiteral("buildings")};
        row("source GeoPackage", fromGpkg, "@/in/source.gpkg", "would overwrite the --buildings input");
#ifdef Q_OS_UNIX
        // Names that pass the extension check but are an input underneath.
        row("symlink to the DEM", saltriver, "@/dem-link.gpkg", "would overwrite the --dem input");
        // The system resolves sub-link/.. to in/, not to the workspace.
        row("through a symlinked folder", fromGpkg, "@/sub-link/../source.gpkg", "would overwrite the --buildings input");
#endif
    }

    void importOntoAnInputIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, output);
        QFETCH(QByteArray, problem);
        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        output = resolved(output, ws);
        QVERIFY2(QFileInfo(output).isFile(), qPrintable(output));
        verifyRefused(resolved(args, ws), ws, output, problem);
    }

    // --- Extensions --------------------------------------------------------------

    void wrongExtensionsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QByteArray>("expected");
        const QString o = QStringLiteral("-o");
        const QStringList import{QStringLiteral("import"), QStringLiteral("--dem"), QStringLiteral("@/in/dem.tif"),
                                 QStringLiteral("--buildings"), QStringLiteral("@/in/buildings.geojson"), o};
        const QStringList render{QStringLiteral("render"), QStringLiteral("@/town.gpkg"), QStringLiteral("--size"),
                                 QStringLiteral("64x64"), o};
        const QStringList generate{QStringLiteral("generate-town"), o};
        const auto row = [](const char *name, const QStringList &base, const char *output, const char *expected) {
            QTest::newRow(name) << base + QStringList{QLatin1String(output)} << QString::fromLatin1(output)
                                << QByteArray(expected);
        };
        row("import -o .png", import, "@/p.png", "the project file must end in .gpkg");
        row("import -o no extension", import, "@/project", "the project file must end in .gpkg");
        row("import -o .gpkg.bak", import, "@/p.gpkg.bak", "the project file must end in .gpkg");
        row("render -o .jpg", render, "@/view.jpg", "the picture must end in .png");
        row("render -o .gpkg", render, "@/view.gpkg", "the picture must end in .png");
        row("generate-town -o .png", generate, "@/town.png", "the project file must end in .gpkg");
        row("generate-town -o .geojson", generate, "@/town.geojson", "the project file must end in .gpkg");
    }

    void wrongExtensionsAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, output);
        QFETCH(QByteArray, expected);
        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        output = resolved(output, ws);
        QVERIFY(!QFile::exists(output));
        verifyRefused(resolved(args, ws), ws, output, expected);
    }

    void extensionsIgnoreCase_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("output");
        QTest::newRow("generate-town -o .GPKG")
            << QStringList{QStringLiteral("generate-town"), QStringLiteral("-o"), QStringLiteral("@/UPPER.GPKG")}
            << QStringLiteral("@/UPPER.GPKG");
        QTest::newRow("render -o .PNG") << QStringList{QStringLiteral("render"), QStringLiteral("@/town.gpkg"),
                                                       QStringLiteral("--size"), QStringLiteral("64x64"),
                                                       QStringLiteral("-o"), QStringLiteral("@/UPPER.PNG")}
                                        << QStringLiteral("@/UPPER.PNG");
    }

    void extensionsIgnoreCase()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, output);
        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        const Run r = run(resolved(args, ws));
        QVERIFY2(r.exitCode == 0, why(r).constData());
        QVERIFY(QFileInfo(resolved(output, ws)).size() > 0);
    }

    // --- simulate's folder ----------------------------------------------------------

    void simulateIntoAnExistingFileSaysSo()
    {
        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        const QString file = ws + QStringLiteral("/results.txt");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write("notes that must survive\n") > 0);
        f.close();
        const QStringList base{QStringLiteral("simulate"), ws + QStringLiteral("/town.gpkg"), QStringLiteral("--weather"),
                               ws + QStringLiteral("/in/weather.epw"), QStringLiteral("-o")};
        verifyRefused(base + QStringList{file}, ws, file, "is an existing file, not a folder");
        // Below a file: the message names the file in the way.
        const QString below = file + QStringLiteral("/run1");
        verifyRefused(base + QStringList{below}, ws, below, file.toUtf8() + " is a file, not a folder");
        const Run r = run(base + QStringList{file});
        QVERIFY2(!r.err.contains("writable"), r.err.constData());
    }

    void simulateOntoAnInputIsRefused()
    {
        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        const QString project = ws + QStringLiteral("/town.gpkg");
        // The results would land on the weather file (named like one of them) or on the project.
        const QString results = ws + QStringLiteral("/res");
        QVERIFY(QDir().mkpath(results));
        const QString weatherAsResult = results + QStringLiteral("/kpis.json");
        QVERIFY(QFile::copy(ws + QStringLiteral("/in/weather.epw"), weatherAsResult));
        verifyRefused({QStringLiteral("simulate"), project, QStringLiteral("--weather"), weatherAsResult,
                       QStringLiteral("-o"), results},
                      ws, results, "would overwrite the --weather input");
        verifyRefused({QStringLiteral("simulate"), project, QStringLiteral("--weather"), ws + QStringLiteral("/in/weather.epw"),
                       QStringLiteral("-o"), project},
                      ws, project, "would overwrite the PROJECT input");
    }

    void failedSimulateLeavesNoNewFolder_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("weather");
        QTest::newRow("truncated weather") << QStringLiteral("@/town.gpkg") << m_truncated;
        QTest::newRow("missing project") << QStringLiteral("@/no-such-town.gpkg") << QStringLiteral("@/in/weather.epw");
    }

    void failedSimulateLeavesNoNewFolder()
    {
        QFETCH(QString, project);
        QFETCH(QString, weather);
        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        // A folder of its own making goes, however deep; one that was there stays.
        QVERIFY(QDir().mkpath(ws + QStringLiteral("/existing")));
        const QMap<QString, QByteArray> before = snapshot(ws);
        for (const QString &out : {ws + QStringLiteral("/new/deeper/run"), ws + QStringLiteral("/existing")}) {
            const Run r = run({QStringLiteral("simulate"), resolved(project, ws), QStringLiteral("--weather"),
                               resolved(weather, ws), QStringLiteral("-o"), out});
            QVERIFY2(r.exitCode == 1, why(r).constData());
            const QMap<QString, QByteArray> after = snapshot(ws);
            QVERIFY2(before == after, qPrintable(out + QStringLiteral(": ") + describe(before, after)));
        }
    }

    // --- A save killed by a signal -----------------------------------------------------

    void killedSaveLeavesNoTempFile_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<QStringList>("args");
#ifdef Q_OS_UNIX
        const QStringList generate{QStringLiteral("generate-town"), QStringLiteral("--seed"), QStringLiteral("7")};
        const QStringList import{QStringLiteral("import"), QStringLiteral("--dem"), QStringLiteral("@/in/dem.tif"),
                                 QStringLiteral("--buildings"), QStringLiteral("@/in/buildings.geojson")};
        QTest::newRow("generate-town SIGTERM") << int(SIGTERM) << generate;
        QTest::newRow("import saltriver SIGTERM") << int(SIGTERM) << import;
        QTest::newRow("generate-town SIGINT") << int(SIGINT) << generate;
#endif
    }

    void killedSaveLeavesNoTempFile()
    {
#ifndef Q_OS_UNIX
        QSKIP("sends POSIX signals");
#else
        QFETCH(int, signal);
        QFETCH(QStringList, args);
        // A shell without job control starts background jobs with SIGINT ignored, and
        // the CLI rightly leaves an ignored signal alone: then there is nothing to test.
        struct sigaction inherited {};
        QVERIFY(sigaction(signal, nullptr, &inherited) == 0);
        if (inherited.sa_handler == SIG_IGN)
            QSKIP("the signal is ignored in this environment, as it will be in the child");

        const QString ws = makeWorkspace();
        QVERIFY(!ws.isEmpty());
        args = resolved(args, ws);
        const QDir folder(ws + QStringLiteral("/kill"));
        QVERIFY(folder.mkpath(QStringLiteral(".")));
        const QString target = folder.filePath(QStringLiteral("X.gpkg"));
        QVERIFY(QFile::copy(m_pristine, target));
        const QByteArray old = readFile(target);

        // The save may be quick: try until the signal lands while the temporary file exists.
        bool interrupted = false;
        for (int attempt = 0; attempt < 10 && !interrupted; ++attempt) {
            QProcess p;
            p.start(cli(), args + QStringList{QStringLiteral("-o"), target});
            QVERIFY(p.waitForStarted());
            QElapsedTimer clock;
            clock.start();
            bool sent = false;
            while (!p.waitForFinished(1) && clock.elapsed() < 240000) {
                if (!sent && !QDir(folder.path()).entryList({QStringLiteral(".X.gpkg.tmp-*")}, QDir::Files | QDir::Hidden).isEmpty()) {
                    QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
                    sent = true;
                }
            }
            QVERIFY2(p.state() == QProcess::NotRunning, "the child neither finished nor died");
            if (p.exitStatus() == QProcess::NormalExit) {
                // Finished before the signal arrived (or before we saw its file): try again.
                QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
                QVERIFY(QFile::remove(target) && QFile::copy(m_pristine, target));
                continue;
            }
            QCOMPARE(p.exitCode(), signal);  // Qt reports the signal that ended the child
            interrupted = true;
        }
        QVERIFY2(interrupted, "no attempt caught a save in progress");

        const QStringList left = QDir(folder.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
        // No .X.gpkg.tmp-*.gpkg, no -journal: only the old project.
        QVERIFY2(left == QStringList{QStringLiteral("X.gpkg")}, qPrintable(left.join(QStringLiteral(", "))));
        QVERIFY2(readFile(target) == old, "the old project changed");
#endif
    }
};

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_clioutputs.moc"
