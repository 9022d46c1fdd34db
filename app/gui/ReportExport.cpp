// SPDX-License-Identifier: MIT
#include "ReportExport.h"

#include "EnergyRunner.h"

#include "core/Document.h"
#include "report/ReportWriter.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QProgressDialog>

#include <optional>

namespace tt::ReportExport {

namespace {

//! A Progress on the dialog over [from, to] of its bar; Cancel cancels.
Progress dialogProgress(QProgressDialog &dialog, const QString &label, int from, int to)
{
    return [&dialog, label, from, to](double fraction, const QString &) {
        dialog.setLabelText(label);
        dialog.setValue(from + int((to - from) * fraction));  // a modal dialog processes events here, Cancel too
        return !dialog.wasCanceled();
    };
}

//! A cancel says so in the planner's words; other failures keep their message.
Status failure(const Status &status)
{
    if (status.code != ErrorCode::Cancelled)
        return status;
    return Status::error(QApplication::translate("tt::ReportExport", "Report export cancelled; no file written."),
                         ErrorCode::Cancelled);
}

} // namespace

Status exportTo(QWidget *parent, const Document &document, const EnergyRunner &runner, const QString &path)
{
    const Town &town = document.town();
    QProgressDialog progress(QApplication::translate("tt::ReportExport", "Preparing the report…"),
                             QApplication::translate("tt::ReportExport", "Cancel"), 0, 100, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    ReportWriter report(town);

    const std::shared_ptr<const WeatherYear> weather = runner.weather();
    std::optional<SimulationResult> simulated;
    if (!weather) {
        report.setEnergyUnavailable(ReportWriter::noWeatherReason());
    } else {
        const QString weatherName =
            QStringLiteral("%1, %2").arg(weather->locationName, ProjectWeather::displayName(runner.weatherReference()));
        if (runner.hasResult() && runner.state() == EnergyRunner::State::UpToDate
            && runner.resultRevision() == document.revision()) {
            simulated = runner.result();
        } else {
            // The dock's result is of an older plan or still coming: this export's own run.
            simulated = EnergySimulator().run(
                town, *weather, runner.options(),
                dialogProgress(progress, QApplication::translate("tt::ReportExport", "Simulating the energy system…"), 0, 50));
            if (!simulated->status)
                return failure(simulated->status);
        }
        report.setEnergy(*simulated, weatherName);
    }
    QVector<ScenarioComparison> comparisons;
    if (Status compared = ScenarioComparison::againstOthers(
            town, ScenarioFigures::of(town, simulated ? &*simulated : nullptr), weather.get(), runner.options(),
            dialogProgress(progress, QApplication::translate("tt::ReportExport", "Simulating the other scenarios…"), 50, 70),
            &comparisons);
        !compared)
        return failure(compared);
    report.setScenarioComparisons(comparisons);

    progress.setLabelText(QApplication::translate("tt::ReportExport", "Drawing the title view…"));
    progress.setValue(70);
    QImage view;
    QString viewName;
    if (Status drawn = ReportWriter::renderTitleView(town, &view, &viewName); !drawn)
        return drawn;
    report.setTitleView(view, viewName);
    const Progress writing =
        dialogProgress(progress, QApplication::translate("tt::ReportExport", "Writing the report…"), 75, 100);
    if (Status written = report.write(path, writing); !written)
        return failure(written);
    return Status{true, QApplication::translate("tt::ReportExport", "Report of %n page(s) written to %1", nullptr,
                                                report.pageCount())
                            .arg(path)};
}

Status exportWithDialog(QWidget *parent, const Document &document, const EnergyRunner &runner)
{
    const QString base = document.filePath().isEmpty() ? QApplication::translate("tt::ReportExport", "report")
                                                       : QFileInfo(document.filePath()).completeBaseName();
    QString path = QFileDialog::getSaveFileName(parent, QApplication::translate("tt::ReportExport", "Export report"),
                                                base + QStringLiteral(".pdf"),
                                                QApplication::translate("tt::ReportExport", "PDF document (*.pdf)"));
    if (path.isEmpty())
        return Status::success();
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    return exportTo(parent, document, runner, path);
}

} // namespace tt::ReportExport
