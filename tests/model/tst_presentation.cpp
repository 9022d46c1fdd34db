// SPDX-License-Identifier: MIT
// Saved views and tours: their JSON as the project file stores it, the errors
// bad JSON gets (naming the view, tour or stop), and their undo steps, which
// leave the plan's results current.
#include "core/Document.h"
#include "present/Presentation.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace tt;

namespace {

SavedView view(const QString &name, double x)
{
    SavedView v;
    v.name = name;
    v.camera = {x, -250.5, 4.25, 1500.0, 215.0, 40.0};
    v.layers = QStringList{QStringLiteral("terrain"), QStringLiteral("zones"), QStringLiteral("networks")};
    v.colouring = QStringLiteral("net_balance");
    v.hour = 4114;
    return v;
}

Presentation sample()
{
    Presentation p;
    p.views << view(QStringLiteral("Site"), 0.0) << view(QStringLiteral("中心"), 120.0);
    p.tours << Tour{QStringLiteral("Overview"),
                    {TourStop{QStringLiteral("Site"), 0.0, 4.0, QStringLiteral("3 km² for 30,000 people")},
                     TourStop{QStringLiteral("中心"), 3.5, 6.5, QStringLiteral("The centre")}}};
    p.title = QStringLiteral("Green town");
    p.kpiCards = QStringList{QStringLiteral("residents"), QStringLiteral("co2")};
    return p;
}

QString errorOf(const QString &json)
{
    Presentation p = sample();
    const Status s = Presentation::fromJson(json, &p);
    return s ? QString() : s.message;
}

QString viewJson(const QString &extra)
{
    return QStringLiteral(R"({"views":[{"name":"A","camera":{"x":0,"y":0,"z":0,"distance":100,"heading":0,"pitch":45}%1}]})")
        .arg(extra);
}

} // namespace

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void jsonRoundTrips()
    {
        const Presentation p = sample();
        Presentation back;
        QVERIFY(Presentation::fromJson(p.toJson(), &back).ok);
        QVERIFY(back == p);
        QCOMPARE(back.views.at(1).camera.targetX, 120.0);
        QCOMPARE(back.tours.at(0).duration(), 14.0);
        // No text is no presentation, with the default cards.
        QVERIFY(Presentation::fromJson(QString(), &back).ok);
        QVERIFY(back == Presentation());
    }

    void badJsonIsNamed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << "{views:" << "not a JSON object";
        QTest::newRow("no name") << R"({"views":[{"camera":{}}]})" << "view 1 has no name";
        QTest::newRow("camera") << R"({"views":[{"name":"A","camera":{"x":"east"}}]})"
                                << "view 'A' camera: \"x\" must be a number";
        QTest::newRow("distance") << R"({"views":[{"name":"A","camera":{"x":0,"y":0,"z":0,"distance":0,"heading":0,"pitch":45}}]})"
                                  << "view 'A': the camera distance must be above 0";
        QTest::newRow("layer") << viewJson(R"(,"layers":["terrain","trees"])") << "view 'A': unknown layer 'trees'";
        QTest::newRow("colouring") << viewJson(R"(,"colouring":"age")") << "view 'A': unknown colouring 'age'";
        QTest::newRow("hour") << viewJson(R"(,"hour":8760)") << "view 'A': the hour must be a whole hour of the year";
        QTest::newRow("two views") << R"({"views":[{"name":"A","camera":{"x":0,"y":0,"z":0,"distance":1,"heading":0,"pitch":45}},{"name":"A","camera":{"x":0,"y":0,"z":0,"distance":1,"heading":0,"pitch":45}}]})"
                                   << "two views are named 'A'";
        QTest::newRow("missing view") << R"({"tours":[{"name":"T","stops":[{"view":"Nowhere"}]}]})"
                                      << "tour 'T', stop 1: there is no view 'Nowhere'";
        QTest::newRow("negative hold") << viewJson(QString()).chopped(1) + R"(,"tours":[{"name":"T","stops":[{"view":"A","hold_s":-1}]}]})"
                                       << "tour 'T', stop 1: flight 0-600 s and hold 0-3600 s";
    }

    void badJsonIsNamed()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        const QString message = errorOf(json);
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void freeNamesCountUp()
    {
        Presentation p;
        QCOMPARE(p.freeViewName(QStringLiteral("View")), QStringLiteral("View"));
        p.views << view(QStringLiteral("View"), 0) << view(QStringLiteral("View 2"), 0);
        QCOMPARE(p.freeViewName(QStringLiteral("View")), QStringLiteral("View 3"));
    }

    void editsAreUndoableAndLeaveResultsCurrent()
    {
        Document doc;
        const quint64 revision = doc.revision();
        QSignalSpy changed(&doc, &Document::presentationChanged);
        doc.setPresentation(sample(), QStringLiteral("Add views"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(doc.town().presentation.views.size(), 2);
        QVERIFY(doc.isModified());
        QCOMPARE(doc.revision(), revision);  // views are not plan content
        doc.setPresentation(sample(), QStringLiteral("Same again"));
        QCOMPARE(doc.undoStack()->count(), 1);  // no step for no change
        doc.undoStack()->undo();
        QVERIFY(doc.town().presentation == Presentation());
        doc.undoStack()->redo();
        QVERIFY(doc.town().presentation == sample());
        QCOMPARE(changed.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestPresentation)
#include "tst_presentation.moc"
