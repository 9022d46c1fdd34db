// SPDX-License-Identifier: MIT
#include "GuiLauncher.h"

#include "AppLanguage.h"
#include "LanguageMenu.h"
#include "EnergyPanel.h"
#include "EnergyRunner.h"
#include "core/Document.h"
#include "tools/Selection.h"
#include "MainWindow.h"
#include "TimeBar.h"
#include "MessagePanel.h"
#include "PresentationMode.h"
#include "ProjectSession.h"
#include "ViewportWidget.h"

#include <QApplication>
#include <QDockWidget>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <QSettings>
#include <QSurfaceFormat>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <memory>

namespace tt::GuiLauncher {

namespace {

bool parseSize(const QString &text, QSize *size)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    *size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    return true;
}

//! Saves the window once the viewport has drawn a couple of frames after the
//! returned function is called (when the project has loaded, or failed to: the
//! first frame after a scene change can be partial) and the energy dock has
//! finished any simulation it started.
std::function<void()> scheduleScreenshot(MainWindow *window, const QString &file)
{
    auto *timeout = new QTimer(window);
    timeout->setSingleShot(true);
    auto framesDrawn = std::make_shared<bool>(false);
    auto done = std::make_shared<bool>(false);
    const auto tryCapture = [window, file, framesDrawn, done] {
        const EnergyRunner::State energy = window->energyRunner()->state();
        if (*done || !*framesDrawn || energy == EnergyRunner::State::Stale || energy == EnergyRunner::State::Computing)
            return;
        *done = true;
        QTimer::singleShot(0, window, [window, file] {
            const QImage image = window->grab().toImage();
            const bool ok = image.save(file);
            if (!ok)
                QTextStream(stderr) << "towntwin: cannot write screenshot " << file << "\n";
            QCoreApplication::exit(ok ? 0 : 1);
        });
    };
    const auto start = [window, framesDrawn, tryCapture] {
        const quint64 start = window->viewport()->frameCount();
        QObject::connect(window->viewport(), &ViewportWidget::frameDrawn, window,
                         [start, framesDrawn, tryCapture](quint64 frame) {
                             *framesDrawn = *framesDrawn || frame >= start + 2;
                             tryCapture();
                         });
        // Keep asking for frames: updates requested before the window is exposed
        // are dropped, and nothing else may repaint a still scene.
        auto *repaint = new QTimer(window);
        QObject::connect(repaint, &QTimer::timeout, window->viewport(), qOverload<>(&QWidget::update));
        repaint->start(100);
        window->viewport()->update();
    };
    QObject::connect(window->energyRunner(), &EnergyRunner::stateChanged, window, [window, tryCapture] {
        window->viewport()->update();  // the energy colours may have changed: draw them before the picture
        tryCapture();
    });
    timeout->start(120000);
    QObject::connect(timeout, &QTimer::timeout, window, [file] {
        QTextStream(stderr) << "towntwin: timed out waiting for the scene to draw; no screenshot " << file << "\n";
        QCoreApplication::exit(1);
    });
    return start;
}

} // namespace

void setSurfaceFormat()
{
    QSurfaceFormat format;
    format.setDepthBufferSize(24);
    // No multisampling here: the window's own surface would get it too and every frame's
    // composition would pay for it. The 3D view asks for it where a GPU makes it cheap.
    QSurfaceFormat::setDefaultFormat(format);
}

void nameApplication()
{
    QApplication::setApplicationName(QStringLiteral("TownTwin"));
    QApplication::setOrganizationName(QStringLiteral("TownTwin"));
    QApplication::setApplicationVersion(QStringLiteral(TOWNTWIN_VERSION));
}

int run(int argc, char **argv)
{
    setSurfaceFormat();
    QApplication app(argc, argv);
    nameApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("TownTwin: plan and operate green smart towns in 3D."));
    parser.addHelpOption();
    QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Print the version and exit."));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window once drawn, then exit."),
                                        QStringLiteral("FILE.png"));
    QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size for --screenshot."),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    QCommandLineOption weatherOption(QStringLiteral("weather"),
                                     QStringLiteral("Weather year for the energy dock; shows the energy dock."),
                                     QStringLiteral("FILE.epw"));
    QCommandLineOption energyTabOption(QStringLiteral("energy-tab"),
                                       QStringLiteral("Show the energy dock at this tab: \"Monthly balance\", "
                                                      "\"Building profile\", \"Energy flows\" or \"Economics\" (for screenshots)."),
                                       QStringLiteral("TAB"));
    QCommandLineOption hourOption(QStringLiteral("hour"),
                                  QStringLiteral("Show this hour of the simulated year (0-8759) on the time bar."),
                                  QStringLiteral("H"));
    QCommandLineOption connectOption(QStringLiteral("connect"),
                                     QStringLiteral("Watch the project's telemetry on this MQTT broker (its other "
                                                    "connection settings from the project)."),
                                     QStringLiteral("HOST:PORT"));
    QCommandLineOption waitOption(QStringLiteral("wait"),
                                  QStringLiteral("Seconds to let live data arrive before --screenshot."),
                                  QStringLiteral("SECONDS"), QStringLiteral("0"));
    QCommandLineOption selectOption(QStringLiteral("select"), QStringLiteral("Select these entities (ids, comma-separated)."),
                                    QStringLiteral("ID,..."));
    QCommandLineOption presentOption(QStringLiteral("present"),
                                     QStringLiteral("Start in presentation mode, full screen (a kiosk); Esc leaves."));
    QCommandLineOption tourOption(QStringLiteral("tour"), QStringLiteral("The tour to present (default: the first)."),
                                  QStringLiteral("NAME"));
    QCommandLineOption languageOption(QStringLiteral("lang"),
                                      QStringLiteral("Language of the window, en or zh_CN, for this run (default: the "
                                                     "one chosen in View > Language, else the system's)."),
                                      QStringLiteral("LANG"));
    parser.addOptions({versionOption, screenshotOption, sizeOption, weatherOption, energyTabOption, hourOption,
                       connectOption, waitOption, selectOption, presentOption, tourOption, languageOption});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project to open (.gpkg)."),
                                 QStringLiteral("[PROJECT]"));
    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "towntwin: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << "towntwin " << TOWNTWIN_VERSION << "\n";
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        QTextStream(stderr) << "towntwin: only one project can be opened\n";
        return 2;
    }
    QSize size(1600, 1000);
    if (!parseSize(parser.value(sizeOption), &size)) {
        QTextStream(stderr) << "towntwin: --size wants WIDTHxHEIGHT, e.g. 1600x1000, not '"
                            << parser.value(sizeOption) << "'\n";
        return 2;
    }

    if (parser.isSet(languageOption)) {
        if (!AppLanguage::apply(parser.value(languageOption))) {
            QTextStream(stderr) << "towntwin: --lang wants one of " << AppLanguage::available().join(QStringLiteral(", "))
                                << ", not '" << parser.value(languageOption) << "'\n";
            return 2;
        }
    } else if (!AppLanguage::apply(QSettings().value(LanguageMenu::kSettingsKey).toString())) {
        AppLanguage::apply(AppLanguage::systemDefault());  // never chosen (or no longer known)
    }

    MainWindow window;
    window.resize(size);
    const QString project = parser.positionalArguments().value(0);
    if (parser.isSet(weatherOption)) {
        // Into the project, so after it is open: opening it would put its own weather back.
        const auto useWeather = [&window, path = parser.value(weatherOption)] {
            const Status weather = window.energyPanel()->setWeatherFile(path);
            if (!weather) {
                // In the window too: a planner who started from a desktop entry never sees stderr.
                QTextStream(stderr) << "towntwin: " << weather.message << "\n";
                window.messages()->addMessage(MessagePanel::Level::Error, weather.message);
            }
            if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("energyDock")))
                dock->raise();
        };
        if (project.isEmpty())
            useWeather();
        else
            QObject::connect(&window, &MainWindow::projectLoadFinished, &window, useWeather,
                             Qt::SingleShotConnection);
    }
    if (parser.isSet(energyTabOption)) {
        if (!window.energyPanel()->showTab(parser.value(energyTabOption))) {
            QTextStream(stderr) << "towntwin: --energy-tab: no tab '" << parser.value(energyTabOption)
                                << "' (Monthly balance, Building profile, Energy flows, Economics)\n";
            return 2;
        }
        // Raised once the project is open, as for --weather.
        const auto raiseEnergy = [&window] {
            if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("energyDock")))
                dock->raise();
        };
        if (project.isEmpty())
            raiseEnergy();
        else
            QObject::connect(&window, &MainWindow::projectLoadFinished, &window, raiseEnergy, Qt::SingleShotConnection);
    }
    if (parser.isSet(hourOption)) {
        bool ok = false;
        const int hour = parser.value(hourOption).toInt(&ok);
        if (!ok || hour < 0 || hour >= TimeBar::kHours) {
            QTextStream(stderr) << "towntwin: --hour wants 0 to 8759, not '" << parser.value(hourOption) << "'\n";
            return 2;
        }
        window.timeBar()->setHour(hour);
    }
    if (parser.isSet(connectOption)) {
        const auto connectLive = [&window, broker = parser.value(connectOption)] {
            TelemetrySettings settings = TelemetrySettings::fromTown(window.document()->town());
            settings.broker = broker;
            if (Status s = window.startTelemetry(settings, QString(), window.defaultHistoryPath()); !s)
                QTextStream(stderr) << "towntwin: " << s.message << "\n";
        };
        if (project.isEmpty())
            QTimer::singleShot(0, &window, connectLive);
        else
            QObject::connect(&window, &MainWindow::projectLoadFinished, &window, connectLive, Qt::SingleShotConnection);
    }
    if (parser.isSet(selectOption)) {
        QVector<EntityId> ids;
        for (const QString &part : parser.value(selectOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            ids << part.trimmed().toULongLong(&ok);
            if (!ok) {
                QTextStream(stderr) << "towntwin: --select wants entity ids, not '" << part << "'\n";
                return 2;
            }
        }
        QObject::connect(&window, &MainWindow::projectLoadFinished, &window,
                         [&window, ids] { window.selection()->set(ids); }, Qt::SingleShotConnection);
    }
    if (parser.isSet(presentOption)) {
        const auto present = [&window, tour = parser.value(tourOption)] {
            const Presentation &p = window.document()->town().presentation;
            if (!tour.isEmpty() && !p.tour(tour)) {
                QStringList names;
                for (const Tour &t : p.tours)
                    names << t.name;
                QTextStream(stderr) << "towntwin: the project has no tour '" << tour << "' (its tours: "
                                    << (names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))
                                    << "); presenting " << (names.isEmpty() ? QStringLiteral("the view") : names.first()) << "\n";
                window.presentation()->enter(QString());
                return;
            }
            window.presentation()->enter(tour);
        };
        if (project.isEmpty())
            QTimer::singleShot(0, &window, present);
        else
            QObject::connect(&window, &MainWindow::projectLoadFinished, &window, present, Qt::SingleShotConnection);
    }
    bool waitOk = false;
    const double waitSeconds = parser.value(waitOption).toDouble(&waitOk);
    if (!waitOk || waitSeconds < 0.0) {
        QTextStream(stderr) << "towntwin: --wait wants seconds, not '" << parser.value(waitOption) << "'\n";
        return 2;
    }
    if (parser.isSet(screenshotOption)) {
        const std::function<void()> shoot = scheduleScreenshot(&window, parser.value(screenshotOption));
        const auto capture = [&window, shoot, waitSeconds] { QTimer::singleShot(int(waitSeconds * 1000.0), &window, shoot); };
        if (project.isEmpty())
            QTimer::singleShot(0, &window, capture);
        else
            QObject::connect(&window, &MainWindow::projectLoadFinished, &window, capture);
    }
    window.show();
    if (!project.isEmpty())
        QTimer::singleShot(0, &window, [&window, project] { window.session()->open(project); });
    return app.exec();
}

} // namespace tt::GuiLauncher
