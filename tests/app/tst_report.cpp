// SPDX-License-Identifier: MIT
// The PDF report of the bundled sample town, read back with poppler's pdftotext and
// pdffonts (scripts/setup-deps.sh): its pages and sections, the figures it states, a
// Chinese report set in a CJK font, an older file untouched by a failed or cancelled
// write, the GUI's export and the CLI's verb with its usage errors.
#include "CliRun.h"

#include "ProjectFile.h"
#include "core/Document.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"
#include "gui/AppLanguage.h"
#include "gui/EnergyRunner.h"
#include "gui/KpiFormat.h"
#include "gui/ReportExport.h"
#include "report/ReportWriter.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tt;

namespace {

const QString kSample = QStringLiteral(TOWNTWIN_BINARY_DIR "/resources/sample-town.gpkg");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

//! Output of a poppler tool on the file; empty when it failed.
QString poppler(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

//! The PDF's text. Compatibility-normalised: Qt's PDF maps a CJK glyph to the first
//! character of its font that shows it, e.g. 月 to the Kangxi radical ⽉.
QString pdfText(const QString &path)
{
    return poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")})
        .normalized(QString::NormalizationForm_KC);
}

//! Page objects of the PDF, counted in the file itself.
int pageObjects(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Town m_town;
    WeatherYear m_weather;
    SimulationResult m_result;
    QImage m_view;
    QString m_viewName;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    ReportWriter writer() const
    {
        ReportWriter report(m_town);
        report.setEnergy(m_result, QStringLiteral("Shanghai-Hongqiao"));
        report.setTitleView(m_view, m_viewName);
        return report;
    }

private slots:
    void initTestCase()
    {
        for (const QString &tool : {QStringLiteral("pdftotext"), QStringLiteral("pdffonts")})
            QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                     "poppler-utils is missing: run scripts/setup-deps.sh");
        QVERIFY2(ProjectFile::load(kSample, &m_town).ok, qPrintable(kSample));
        const ProjectWeather::Choice choice = ProjectWeather::choose(m_town, kSample);
        QVERIFY(EpwReader::read(choice.path, &m_weather).ok);
        m_result = EnergySimulator().run(m_town, m_weather, SimulationOptions{});
        QVERIFY2(m_result.status.ok, qPrintable(m_result.status.message));
        const Status drawn = ReportWriter::renderTitleView(m_town, &m_view, &m_viewName);
        QVERIFY2(drawn.ok, qPrintable(drawn.message));
        // The sample town's presentation starts with its whole site.
        QCOMPARE(m_viewName, QStringLiteral("Whole site"));
        QCOMPARE(m_view.size(), ReportWriter::kTitleViewSize);
        AppLanguage::apply(QStringLiteral("en"));
    }

    void anEnglishReportHasItsSectionsFiguresAndPages()
    {
        const QString file = path(QStringLiteral("en.pdf"));
        ReportWriter report = writer();
        const Status s = report.write(file);
        QVERIFY2(s.ok, qPrintable(s.message));
        const QByteArray pdf = readAll(file);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(report.pageCount() >= 5);
        QCOMPARE(pageObjects(pdf), report.pageCount());

        QStringList titles;
        int lastPage = 1;
        for (const ReportDocument::Section &section : report.sections()) {
            titles << section.title;
            QVERIFY2(section.page > lastPage, qPrintable(section.title));  // each starts a page of its own
            lastPage = section.page;
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("Land use"), QStringLiteral("Plan check"),
                                      QStringLiteral("Capacity and service reach"), QStringLiteral("Energy system")}));

        const QString text = pdfText(file);
        QVERIFY(text.contains(QStringLiteral("Lianhu Green Smart Town")));
        QVERIFY(text.contains(QStringLiteral("View: Whole site")));
        for (const QString &title : titles)
            QVERIFY2(text.count(title) >= 2, qPrintable(title));  // in the contents and as the section's title
        for (const char *expected : {"Land use by zone class", "Failed rules", "All rules", "Service reach",
                                     "Monthly electricity balance", "Economics", "Net present cost"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(report.pageCount())));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(report.pageCount())));
        // The figures are the simulation's, formatted as the Energy dock shows them.
        QVERIFY(text.contains(KpiFormat::percent(m_result.kpis.selfSufficiency)));
        QVERIFY(text.contains(KpiFormat::percent(m_result.kpis.co2Saving)));
        // English needs no CJK font.
        QVERIFY(!poppler(QStringLiteral("pdffonts"), {file}).contains(QStringLiteral("CJK")));
    }

    void aChineseReportIsSetInACjkFont()
    {
        QVERIFY(AppLanguage::apply(QStringLiteral("zh_CN")));
        const QString file = path(QStringLiteral("zh.pdf"));
        ReportWriter report = writer();
        QVERIFY(report.fontFamilies().contains(QStringLiteral("Noto Sans CJK SC")));
        const Status s = report.write(file);
        AppLanguage::apply(QStringLiteral("en"));
        QVERIFY2(s.ok, qPrintable(s.message));
        const QString fonts = poppler(QStringLiteral("pdffonts"), {file});
        QVERIFY2(fonts.contains(QStringLiteral("NotoSansCJK")), qPrintable(fonts));
        // Chinese month names on the chart and the date: real characters, not boxes; figures stay copyable.
        const QString text = pdfText(file);
        QVERIFY2(text.contains(QStringLiteral("12月")), qPrintable(text.left(400)));
        QVERIFY(text.contains(KpiFormat::percent(m_result.kpis.selfSufficiency)));
        QVERIFY(text.contains(QStringLiteral("Lianhu Green Smart Town")));
    }

    void withoutWeatherTheEnergySectionSaysWhy()
    {
        const QString file = path(QStringLiteral("noweather.pdf"));
        ReportWriter report(m_town);
        report.setEnergyUnavailable(ReportWriter::noWeatherReason());
        QVERIFY(report.write(file).ok);
        const QString text = pdfText(file);
        QVERIFY(text.contains(QStringLiteral("Not simulated")));
        QVERIFY(!text.contains(QStringLiteral("Monthly electricity balance")));
        QCOMPARE(report.sections().size(), 4);
    }

    void theScenariosAreComparedWhenThereAreSome()
    {
        // "Taller homes": the sample town with every home two storeys higher.
        Town town = m_town;
        Scenario base;
        base.name = QStringLiteral("Base");
        Scenario taller = town.planAsScenario(QStringLiteral("Taller homes"));
        for (Building b : town.buildings)
            if (b.use == BuildingUse::Residential && !b.context) {
                b.levels += 2;
                b.heightM += 6.0;
                taller.buildings.put(b);
            }
        town.scenarios << base << taller;
        QVector<ScenarioComparison> comparisons;
        const Status compared = ScenarioComparison::againstOthers(town, ScenarioFigures::of(town, &m_result), &m_weather,
                                                                  SimulationOptions{}, {}, &comparisons);
        QVERIFY2(compared.ok, qPrintable(compared.message));
        QCOMPARE(comparisons.size(), 1);
        QVERIFY(comparisons[0].b().energy.has_value());

        ReportWriter report(town);
        report.setEnergy(m_result, QStringLiteral("Shanghai-Hongqiao"));
        report.setTitleView(m_view, m_viewName);
        report.setScenarioComparisons(comparisons);
        const QString file = path(QStringLiteral("scenarios.pdf"));
        QVERIFY(report.write(file).ok);
        QCOMPARE(report.sections().size(), 5);
        QCOMPARE(report.sections().last().title, QStringLiteral("Scenarios compared"));
        const QString text = pdfText(file);
        QVERIFY(text.contains(QStringLiteral("Base and Taller homes")));
        QVERIFY(text.contains(QStringLiteral("Difference")));
        // More homes: the residents' difference is positive and as the model computes it.
        for (const ComparisonRow &row : comparisons[0].rows())
            if (row.key == QLatin1String("residents"))
                QVERIFY2(text.contains(KpiFormat::comparisonDifference(row.difference())),
                         qPrintable(KpiFormat::comparisonDifference(row.difference())));
        QVERIFY(text.contains(QStringLiteral("Self-sufficiency (%)")));
    }

    void aFailedOrCancelledWriteLeavesTheOlderFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("old.pdf"));
        QVERIFY(writer().write(file).ok);
        const QByteArray before = readAll(file);

        double reached = 0.0;
        const Status cancelled = writer().write(file, [&reached](double fraction, const QString &) {
            reached = fraction;
            return fraction < 0.6;  // into the second pass, the one that writes the file
        });
        QVERIFY(!cancelled.ok);
        QCOMPARE(cancelled.code, ErrorCode::Cancelled);
        QVERIFY(reached > 0.4);
        QCOMPARE(readAll(file), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("old.pdf")});

        const QString folder = dir.filePath(QStringLiteral("folder.pdf"));
        QVERIFY(QDir().mkdir(folder));
        const Status onFolder = writer().write(folder);
        QVERIFY(!onFolder.ok);
        QVERIFY2(onFolder.message.contains(folder) && onFolder.message.contains(QStringLiteral("folder")),
                 qPrintable(onFolder.message));
        QVERIFY(QFileInfo(folder).isDir());
        QVERIFY(QDir(folder).isEmpty());

        const QString nowhere = dir.filePath(QStringLiteral("missing/r.pdf"));
        const Status noFolder = writer().write(nowhere);
        QVERIFY(!noFolder.ok);
        QVERIFY2(noFolder.message.startsWith(nowhere), qPrintable(noFolder.message));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("old.pdf")});
    }

    void theGuiExportWritesTheReport()
    {
        Document document;
        document.resetTown(m_town);
        EnergyRunner runner(&document);
        const QString file = path(QStringLiteral("gui.pdf"));
        // Whether or not the dock's run has finished, the export has a simulated year.
        const Status s = ReportExport::exportTo(nullptr, document, runner, file);
        QVERIFY2(s.ok, qPrintable(s.message));
        QVERIFY2(s.message.contains(file), qPrintable(s.message));
        QVERIFY(pdfText(file).contains(KpiFormat::percent(m_result.kpis.selfSufficiency)));
    }

    void theCliWritesAReportAndRefusesMistakes()
    {
        const QString file = path(QStringLiteral("cli.pdf"));
        const clitest::Run r =
            clitest::run({QStringLiteral("report"), kSample, QStringLiteral("-o"), file, QStringLiteral("--lang"),
                          QStringLiteral("zh_CN")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("report: \\d+ pages \\(.*\\) in zh_CN -> ")).match(QString::fromUtf8(r.err)).hasMatch(),
                 r.err.constData());
        QVERIFY(readAll(file).startsWith("%PDF-"));
        QVERIFY(poppler(QStringLiteral("pdffonts"), {file}).contains(QStringLiteral("NotoSansCJK")));
        const QByteArray before = readAll(file);

        for (const auto &[args, message] :
             {std::pair{QStringList{kSample}, QByteArray("-o FILE.pdf is required")},
              std::pair{QStringList{kSample, QStringLiteral("-o"), file, QStringLiteral("--lang"), QStringLiteral("fr")},
                        QByteArray("--lang wants en or zh_CN, not 'fr'")},
              std::pair{QStringList{kSample, QStringLiteral("-o"), path(QStringLiteral("r.png"))}, QByteArray(".pdf")},
              std::pair{QStringList{}, QByteArray("PROJECT")}}) {
            const clitest::Run bad = clitest::run(QStringList{QStringLiteral("report")} + args);
            QCOMPARE(bad.exitCode, 2);
            QVERIFY2(bad.err.contains(message), bad.err.constData());
        }
        // A project that cannot be read is named, and the older report stays as it was.
        const QString missing = path(QStringLiteral("nope.gpkg"));
        const clitest::Run bad = clitest::run({QStringLiteral("report"), missing, QStringLiteral("-o"), file});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(missing.toUtf8()), bad.err.constData());
        QCOMPARE(readAll(file), before);
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestReport test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_report.moc"
