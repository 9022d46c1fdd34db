// SPDX-License-Identifier: MIT
#include "ImportJob.h"

#include "MessagePanel.h"

#include "TownImporter.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent>

#include <atomic>
#include <memory>

namespace tt {

ImportJob::ImportJob(QWidget *window, MessagePanel *messages) : QObject(window), m_window(window), m_messages(messages)
{
}

void ImportJob::start(const ImportOptions &options)
{
    auto *progress = new QProgressDialog(tr("Importing %1…").arg(QFileInfo(options.buildingsPath).fileName()),
                                         tr("Cancel"), 0, 1000, m_window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    auto fraction = std::make_shared<std::atomic<int>>(0);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
    auto *poll = new QTimer(progress);
    connect(poll, &QTimer::timeout, progress, [progress, fraction] { progress->setValue(*fraction); });
    poll->start(100);

    auto *watcher = new QFutureWatcher<ImportReport>(this);
    connect(watcher, &QFutureWatcher<ImportReport>::finished, this, [this, watcher, progress, options] {
        const ImportReport report = watcher->result();
        watcher->deleteLater();
        progress->deleteLater();
        if (report.status.code == ErrorCode::NoCrs || report.status.code == ErrorCode::ImpossibleCrs) {
            takeReport(report, options);
            bool ok = false;
            const QString crs = QInputDialog::getText(
                m_window, tr("Coordinate reference system"),
                tr("%1\n\nWhich CRS are these coordinates in? (e.g. EPSG:32651, or EPSG:3857 for Web Mercator)")
                    .arg(report.status.message),
                QLineEdit::Normal, options.assumeCrs, &ok);
            if (ok && !crs.trimmed().isEmpty()) {
                ImportOptions retry = options;
                retry.assumeCrs = crs.trimmed();
                start(retry);
                return;
            }
            emit finished(false);
            deleteLater();
            return;
        }
        const bool ok = takeReport(report, options);
        if (ok)
            emit imported(report.town, tr("Import %1").arg(QFileInfo(options.buildingsPath).fileName()));
        emit finished(ok);
        deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([options, cancelled, fraction] {
        return TownImporter().run(options, [cancelled, fraction](double f, const QString &) {
            *fraction = int(f * 1000);
            return !*cancelled;
        });
    }));
}

bool ImportJob::takeReport(const ImportReport &report, const ImportOptions &options)
{
    for (const ImportIssue &issue : report.skipped)
        m_messages->addMessage(MessagePanel::Level::Warning,
                               tr("Skipped %1 feature %2: %3").arg(issue.file, issue.feature, issue.reason));
    for (const ImportIssue &issue : report.warnings)
        m_messages->addMessage(MessagePanel::Level::Warning, tr("%1 feature %2: %3").arg(issue.file, issue.feature, issue.reason));
    for (const ImportIssue &issue : report.repaired)
        m_messages->addMessage(MessagePanel::Level::Info,
                               tr("Repaired %1 feature %2: %3").arg(issue.file, issue.feature, issue.reason));
    if (report.status.code == ErrorCode::NoCrs || report.status.code == ErrorCode::ImpossibleCrs) {
        m_messages->addMessage(MessagePanel::Level::Warning, report.status.message);
        return false;
    }
    if (!report.status) {
        m_messages->addMessage(MessagePanel::Level::Error, report.status.message);
        if (report.status.code != ErrorCode::Cancelled)
            QMessageBox::warning(m_window, tr("Import failed"), report.status.message);
        return false;
    }
    m_messages->addMessage(MessagePanel::Level::Info, tr("Project CRS %1: %2").arg(report.town.site.crsName, report.crsReason));
    m_messages->addMessage(MessagePanel::Level::Info,
                           tr("Imported %1 buildings, %2 zones, %3 roads from %4 (%5 heights guessed, %6 features skipped)")
                               .arg(report.town.buildings.size())
                               .arg(report.town.zones.size())
                               .arg(report.town.roads.size())
                               .arg(QFileInfo(options.buildingsPath).fileName())
                               .arg(report.heightsGuessed)
                               .arg(report.skipped.size()));
    return true;
}

} // namespace tt
