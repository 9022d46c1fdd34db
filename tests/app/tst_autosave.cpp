// SPDX-License-Identifier: MIT
// Autosave and crash recovery as a user meets them: a session that dies after
// an autosave is offered for recovery next time and recovers the edited plan
// without touching the project file; a session that ends cleanly leaves
// nothing to recover; an autosave that cannot be written says where and
// leaves the plan alone.
//
// The crashing session is this executable run again as a child process
// (TT_AUTOSAVE_CHILD=crash|saved|reverted), which ends with _exit(3): no
// destructors, no clean shutdown.
#include "GuiTestMain.h"
#include "gui/AutosaveManager.h"
#include "gui/MainWindow.h"
#include "gui/ProjectSession.h"
#include "gui/MessagePanel.h"

#include "ProjectFile.h"
#include "core/Document.h"
#include "generate/TownGenerator.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cstdio>
#include <unistd.h>

using namespace tt;

namespace {

constexpr int kCrashExitCode = 3;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

//! The child session. Prints the id of the building it removed; exit codes >= 10 say which step failed.
int runChild(const QString &mode, const QString &project)
{
    MainWindow window;
    if (!window.session()->open(project))
        return 10;
    Document *doc = window.document();
    const EntityId removed = doc->town().buildings[0].id;
    if (!doc->removeEntities({removed}, QStringLiteral("Remove a building")).ok)
        return 13;
    if (!doc->isModified())
        return 11;
    if (const Status saved = window.autosave()->saveNow(); !saved) {
        std::fprintf(stderr, "%s\n", qPrintable(saved.message));
        return 12;
    }
    std::printf("%llu\n", static_cast<unsigned long long>(removed));
    std::fflush(stdout);
    if (mode == QLatin1String("crash"))
        _exit(kCrashExitCode);  // a crash: no destructors, no closeEvent, no session cleanup
    if (mode == QLatin1String("saved")) {
        if (!window.session()->save())
            return 13;
    } else if (mode == QLatin1String("reverted")) {
        doc->undoStack()->undo();
        if (doc->isModified())
            return 14;
    } else {
        return 15;
    }
    window.show();
    QCoreApplication::processEvents();
    if (!window.close())
        return 16;
    return 0;
}

} // namespace

class TestAutosave : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pristine;  //!< the generated project, never opened: the reference for byte comparisons
    int m_buildings = 0;
    int m_case = 0;

    //! A fresh copy of the project in its own folder (autosaves go beside the project).
    QString freshProject()
    {
        const QString dir = m_dir.filePath(QStringLiteral("case%1").arg(++m_case));
        if (!QDir().mkpath(dir))
            return {};
        const QString project = dir + QStringLiteral("/lianhu-town.gpkg");
        return QFile::copy(m_pristine, project) ? project : QString();
    }

    struct ChildRun {
        bool finished = false;
        QProcess::ExitStatus status = QProcess::CrashExit;
        int exitCode = -1;
        EntityId removed = kNoEntity;
        QByteArray err;
    };

    ChildRun runChildSession(const QString &mode, const QString &project)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TT_AUTOSAVE_CHILD"), mode);
        env.insert(QStringLiteral("TT_AUTOSAVE_PROJECT"), project);
        p.setProcessEnvironment(env);
        p.start(QCoreApplication::applicationFilePath(), {});
        ChildRun run;
        run.finished = p.waitForFinished(180000);
        run.status = p.exitStatus();
        run.exitCode = p.exitCode();
        run.removed = p.readAllStandardOutput().trimmed().toULongLong();
        run.err = p.readAllStandardError();
        return run;
    }

    //! Runs a crashing child session on a fresh project copy; returns the project path.
    QString crashedSession(EntityId *removed)
    {
        const QString project = freshProject();
        if (project.isEmpty())
            return {};
        QElapsedTimer timer;
        timer.start();
        const ChildRun run = runChildSession(QStringLiteral("crash"), project);
        qInfo("crashing child session took %lld ms", timer.elapsed());
        if (!run.finished || run.status != QProcess::NormalExit || run.exitCode != kCrashExitCode) {
            qWarning("child: finished %d, status %d, exit %d, stderr: %s", run.finished, int(run.status), run.exitCode,
                     run.err.constData());
            return {};
        }
        *removed = run.removed;
        return project;
    }

    void checkRecovered(MainWindow &window, const QString &project, EntityId removed)
    {
        const Document *doc = window.document();
        QCOMPARE(doc->town().buildings.size(), m_buildings - 1);
        QVERIFY(!doc->town().buildings.contains(removed));
        QVERIFY(doc->isModified());
        QVERIFY2(window.windowTitle().contains(QLatin1Char('*')), qPrintable(window.windowTitle()));
        QCOMPARE(doc->filePath(), QFileInfo(project).absoluteFilePath());
        QVERIFY(!window.messages()->isAsking());
        QVERIFY2(window.messages()->messageText(0).contains(QStringLiteral("Recovered")),
                 qPrintable(window.messages()->messageText(0)));
        // The recovery is one undoable step on top of the file's state.
        QCOMPARE(doc->undoStack()->count(), 1);
        // Recovering does not write the project: the file is still the one the crashed session opened.
        QVERIFY2(readAll(project) == readAll(m_pristine), "recovery modified the project file on disk");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Town town = TownGenerator::generate(1);
        m_buildings = town.buildings.size();
        QVERIFY(m_buildings > 100);
        m_pristine = m_dir.filePath(QStringLiteral("pristine.gpkg"));
        const Status saved = ProjectFile::save(town, m_pristine);
        QVERIFY2(saved.ok, qPrintable(saved.message));
    }

    void crashIsOfferedForRecoveryAndRecovers()
    {
        EntityId removed = kNoEntity;
        const QString project = crashedSession(&removed);
        QVERIFY2(!project.isEmpty(), "the crashing child session failed");
        QVERIFY(removed != kNoEntity);

        const QString autosave = AutosaveManager::recoverableAutosave(project);
        QVERIFY2(!autosave.isEmpty(), "nothing to recover after a crash");
        QCOMPARE(autosave, AutosaveManager::autosavePathFor(project));
        QVERIFY(AutosaveManager::recoverableAutosave(QString()).isEmpty());  // no stray untitled recovery
        Town autosaved;
        const Status loaded = ProjectFile::load(autosave, &autosaved);
        QVERIFY2(loaded.ok, qPrintable(loaded.message));
        QCOMPARE(autosaved.buildings.size(), m_buildings - 1);
        QVERIFY(readAll(project) == readAll(m_pristine));

        MainWindow window;
        QVERIFY(!window.messages()->isAsking());
        QVERIFY(window.session()->open(project));
        QCOMPARE(window.document()->town().buildings.size(), m_buildings);  // the file, until the user answers
        QVERIFY(!window.document()->isModified());
        QVERIFY2(window.messages()->isAsking(), "no recovery offered after a crash");
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.messages()->answer(QStringLiteral("Recover")));
        checkRecovered(window, project, removed);
    }

    void recoveryAfterUserReadsTheQuestion()
    {
        // Same crash, but the user takes a few seconds to read the question before answering.
        EntityId removed = kNoEntity;
        const QString project = crashedSession(&removed);
        QVERIFY2(!project.isEmpty(), "the crashing child session failed");

        MainWindow window;
        QVERIFY(window.session()->open(project));
        QVERIFY(window.messages()->isAsking());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(3000);
        QVERIFY(window.messages()->isAsking());
        // What "Recover" will load must still be the crashed session's work.
        Town offered;
        const Status loaded = ProjectFile::load(AutosaveManager::autosavePathFor(project), &offered);
        QVERIFY2(loaded.ok, qPrintable(loaded.message));
        QVERIFY2(offered.buildings.size() == m_buildings - 1,
                 qPrintable(QStringLiteral("while the recovery question was open the autosave was overwritten: it now "
                                           "holds %1 buildings (the file's %2), not the crashed session's %3")
                                .arg(offered.buildings.size())
                                .arg(m_buildings)
                                .arg(m_buildings - 1)));
        QVERIFY(window.messages()->answer(QStringLiteral("Recover")));
        checkRecovered(window, project, removed);
    }

    void discardRemovesTheAutosave()
    {
        EntityId removed = kNoEntity;
        const QString project = crashedSession(&removed);
        QVERIFY2(!project.isEmpty(), "the crashing child session failed");
        const QString autosave = AutosaveManager::recoverableAutosave(project);
        QVERIFY(!autosave.isEmpty());

        MainWindow window;
        QVERIFY(window.session()->open(project));
        QVERIFY(window.messages()->isAsking());
        QVERIFY(window.messages()->answer(QStringLiteral("Discard")));
        QVERIFY(!window.messages()->isAsking());
        QCOMPARE(window.document()->town().buildings.size(), m_buildings);
        QVERIFY(!window.document()->isModified());
        QVERIFY(!QFile::exists(autosave));
        QVERIFY(AutosaveManager::recoverableAutosave(project).isEmpty());
        QVERIFY(readAll(project) == readAll(m_pristine));
    }

    void cleanExitLeavesNothingToRecover_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("buildingsOnDisk");
        QTest::newRow("saved, then closed") << QStringLiteral("saved") << -1;
        QTest::newRow("undone to the file's state, then closed") << QStringLiteral("reverted") << 0;
    }

    void cleanExitLeavesNothingToRecover()
    {
        QFETCH(QString, mode);
        QFETCH(int, buildingsOnDisk);
        const QString project = freshProject();
        QVERIFY(!project.isEmpty());
        const ChildRun run = runChildSession(mode, project);
        QVERIFY(run.finished);
        QCOMPARE(run.status, QProcess::NormalExit);
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(QString::fromLocal8Bit(run.err))));
        QVERIFY(run.removed != kNoEntity);

        QVERIFY(AutosaveManager::recoverableAutosave(project).isEmpty());
        Town onDisk;
        const Status loaded = ProjectFile::load(project, &onDisk);
        QVERIFY2(loaded.ok, qPrintable(loaded.message));
        QCOMPARE(onDisk.buildings.size(), m_buildings + buildingsOnDisk);

        MainWindow window;
        QVERIFY(window.session()->open(project));
        QVERIFY2(!window.messages()->isAsking(), "recovery offered after a clean exit");
        QCOMPARE(window.document()->town().buildings.size(), m_buildings + buildingsOnDisk);
    }

    void failingAutosaveNamesThePathAndKeepsThePlan()
    {
        const QString project = freshProject();
        QVERIFY(!project.isEmpty());
        MainWindow window;
        QVERIFY(window.session()->open(project));
        Document *doc = window.document();
        AutosaveManager *autosave = window.autosave();
        const QString path = autosave->autosavePath();
        QCOMPARE(path, AutosaveManager::autosavePathFor(project));

        // A good autosave first, then an edit whose autosave cannot be written.
        QVERIFY(doc->removeEntities({doc->town().buildings[0].id}, QStringLiteral("Remove a building")).ok);
        const Status good = autosave->saveNow();
        QVERIFY2(good.ok, qPrintable(good.message));
        const QByteArray goodAutosave = readAll(path);
        QVERIFY(!goodAutosave.isEmpty());
        QVERIFY(doc->removeEntities({doc->town().buildings[0].id}, QStringLiteral("Remove another building")).ok);
        const Town before = doc->town();
        const int undoCount = doc->undoStack()->count();
        const int messages = window.messages()->messageCount();

        QSignalSpy failed(autosave, &AutosaveManager::autosaveFailed);
        QSignalSpy saved(autosave, &AutosaveManager::autosaved);
        // The write fails part-way (after the terrain): the previous autosave must survive.
        ProjectFile::setFailAfterLayerForTesting(QStringLiteral("terrain"));
        const Status broken = autosave->saveNow();
        ProjectFile::setFailAfterLayerForTesting(QString());
        QVERIFY(!broken.ok);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(saved.count(), 0);
        const QString message = failed.first().first().toString();
        QCOMPARE(broken.message, message);
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY(doc->town() == before);
        QCOMPARE(doc->town().buildings.size(), m_buildings - 2);
        QVERIFY(doc->isModified());
        QCOMPARE(doc->undoStack()->count(), undoCount);
        QCOMPARE(window.messages()->messageCount(), messages + 1);
        QVERIFY2(window.messages()->messageText(0).contains(path), qPrintable(window.messages()->messageText(0)));
        QVERIFY2(readAll(path) == goodAutosave, "a failed autosave damaged the previous autosave");
        const QStringList leftovers = QFileInfo(project).dir().entryList({QStringLiteral("*.tmp-*")},
                                                                        QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
        QVERIFY(readAll(project) == readAll(m_pristine));

        // The autosave path cannot be written at all (a folder is in the way), also from the timer.
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkpath(path));
        failed.clear();
        QVERIFY(!autosave->saveNow().ok);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains(path), qPrintable(failed.first().first().toString()));
        autosave->setInterval(200);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 2, 10000);
        QVERIFY2(failed.last().first().toString().contains(path), qPrintable(failed.last().first().toString()));
        QVERIFY(doc->town() == before);
        QVERIFY(doc->isModified());
        QCOMPARE(doc->undoStack()->count(), undoCount);
        // The user can still save the plan itself.
        QVERIFY(window.session()->save());
        Town onDisk;
        QVERIFY(ProjectFile::load(project, &onDisk).ok);
        QCOMPARE(onDisk.buildings.size(), m_buildings - 2);
        QVERIFY(!doc->isModified());
    }
};

int main(int argc, char **argv)
{
    const QString childMode = qEnvironmentVariable("TT_AUTOSAVE_CHILD");
    if (!childMode.isEmpty()) {
        // The child inherits the parent's scratch XDG folders through the environment.
        tt::GuiLauncher::setSurfaceFormat();
        QApplication app(argc, argv);
        tt::GuiLauncher::nameApplication();
        return runChild(childMode, qEnvironmentVariable("TT_AUTOSAVE_PROJECT"));
    }
    QTemporaryDir home;
    if (!tt::guitest::isolateUserFolders(home))
        return 1;
    tt::GuiLauncher::setSurfaceFormat();
    QApplication app(argc, argv);
    tt::GuiLauncher::nameApplication();
    TestAutosave test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosave.moc"
