// SPDX-License-Identifier: MIT
// Display names in Chinese end to end: a WFS-style export with an id and a
// `name` field → towntwin-cli import → project file → `buildings --csv` → the
// Properties dock of the GUI.
#include "CliRun.h"
#include "GuiTestMain.h"

#include "ProjectFile.h"
#include "core/Document.h"
#include "gui/BuildingEditor.h"
#include "gui/PropertiesPanel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>

using namespace tt;

namespace {

// Two buildings and a zone in UTM 51N, named the way Chinese WFS services name them.
const char kExport[] = R"({"type":"FeatureCollection",
"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32651"}},
"features":[
{"type":"Feature","properties":{"id":"101","name":"人民医院","building":"hospital"},
 "geometry":{"type":"Polygon","coordinates":[[[330000,3450000],[330040,3450000],[330040,3450030],[330000,3450030],[330000,3450000]]]}},
{"type":"Feature","properties":{"id":"102","name":"阳光幼儿园, 东区","building":"school"},
 "geometry":{"type":"Polygon","coordinates":[[[330100,3450000],[330130,3450000],[330130,3450020],[330100,3450020],[330100,3450000]]]}}
]})";

} // namespace

class TestNames : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void chineseNamesSurviveEveryStep()
    {
        QVERIFY(m_dir.isValid());
        const QString source = m_dir.filePath(QStringLiteral("wfs-export.geojson"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kExport);
        file.close();

        const QString project = m_dir.filePath(QStringLiteral("names.gpkg"));
        const clitest::Run imported =
            clitest::run({QStringLiteral("import"), QStringLiteral("--buildings"), source, QStringLiteral("-o"), project});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QJsonObject summary = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(summary.value(QStringLiteral("buildings")).toInt(), 2);
        QVERIFY(summary.value(QStringLiteral("crs_reason")).toString().contains(QLatin1String("EPSG:32651")));

        const clitest::Run listed = clitest::run({QStringLiteral("buildings"), project, QStringLiteral("--csv")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QStringList lines = QString::fromUtf8(listed.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList header = lines.value(0).split(QLatin1Char(','));
        const int nameColumn = int(header.indexOf(QStringLiteral("name")));
        QVERIFY2(nameColumn > 0, qPrintable(lines.value(0)));
        QString hospitalRow, kindergartenRow;
        for (const QString &line : lines) {
            if (line.contains(QLatin1String(",101,")))
                hospitalRow = line;
            if (line.contains(QLatin1String(",102,")))
                kindergartenRow = line;
        }
        QCOMPARE(hospitalRow.split(QLatin1Char(',')).value(nameColumn), QStringLiteral("人民医院"));
        // A comma in a name is quoted, not a new column.
        QVERIFY2(kindergartenRow.contains(QStringLiteral("\"阳光幼儿园, 东区\"")), qPrintable(kindergartenRow));

        Town town;
        const Status loaded = ProjectFile::load(project, &town);
        QVERIFY2(loaded.ok, qPrintable(loaded.message));
        Document document;
        document.resetTown(town);
        EntityId hospital = kNoEntity;
        for (const Building &b : document.town().buildings)
            if (b.sourceId == QLatin1String("101"))
                hospital = b.id;
        QVERIFY(hospital != kNoEntity);
        PropertiesPanel panel(&document);
        panel.setSelection({hospital});
        QCOMPARE(panel.editor()->nameEdit()->text(), QStringLiteral("人民医院"));
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestNames)
#include "tst_names.moc"
