// SPDX-License-Identifier: MIT
#pragma once

#include "ReportDocument.h"

#include "analysis/KpiReport.h"
#include "analysis/ScenarioComparison.h"
#include "core/Progress.h"
#include "core/Status.h"
#include "core/Town.h"
#include "energy/EnergySimulator.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>

#include <optional>

class QIODevice;

namespace tt {

//! The project report as a PDF (issue 15): a title page with a rendered view and the
//! contents, then one section per subject: land use, the plan check, capacity and
//! service reach, the energy system, and the scenarios compared when there are. In the application's language (tr(), QLocale()):
//! Chinese is written in a CJK font, never as boxes. The file is replaced only when the
//! whole report is written: a failure or a cancel leaves an older file as it was and
//! no partial file. `towntwin-cli report` and File ▸ Export report… both write it.
class ReportWriter {
    Q_DECLARE_TR_FUNCTIONS(tt::ReportWriter)
public:
    //! The title page's picture, in pixels: about 300 dpi across the text width.
    static constexpr QSize kTitleViewSize{2000, 1150};

    //! Computes the zoning KPIs and the plan check of `town`.
    explicit ReportWriter(const Town &town);

    //! The energy section shows this simulated year; `weather` names its weather file.
    void setEnergy(const SimulationResult &result, const QString &weather);
    //! The energy section says why there is no simulation instead (e.g. no weather file).
    void setEnergyUnavailable(const QString &reason);
    //! Why there is no energy section when the site has no weather file, in the report's language.
    static QString noWeatherReason();
    //! The active scenario against each other one (ScenarioComparison::againstOthers): a
    //! section of their differences, left out when empty.
    void setScenarioComparisons(const QVector<ScenarioComparison> &comparisons);
    //! The title page's picture and the name of the view it shows.
    void setTitleView(const QImage &image, const QString &viewName);

    //! Writes the PDF. Errors name the file; a cancel through `progress` is ErrorCode::Cancelled.
    Status write(const QString &path, const Progress &progress = {});

    //! What the last write() wrote: its sections with their pages, and its page count.
    const QVector<ReportDocument::Section> &sections() const { return m_sections; }
    int pageCount() const { return m_pages; }
    //! The fonts the report is set in: a Latin one, then a CJK one for Chinese text; empty
    //! when the language (or the project's names) need a CJK font and none is installed.
    QStringList fontFamilies() const;

    //! Draws the presentation's first saved view, else the home view, at kTitleViewSize.
    //! Needs OpenGL (a QGuiApplication, e.g. under Xvfb).
    static Status renderTitleView(const Town &town, QImage *image, QString *viewName);

private:
    //! Lays the whole report out on `device`, `pages` long (0 when not known yet);
    //! false when `progress` cancelled.
    bool layOut(QIODevice *device, int pages, const Progress &progress);
    QString title() const;

    // One method per section, in the report's order.
    void writeTitlePage(ReportDocument &doc) const;
    void writeLandUse(ReportDocument &doc) const;
    void writePlanCheck(ReportDocument &doc) const;
    void writeCapacity(ReportDocument &doc) const;
    void writeEnergy(ReportDocument &doc) const;
    void writeScenarioComparison(ReportDocument &doc) const;

    Town m_town;
    KpiReport m_kpis;
    std::optional<SimulationResult> m_energy;
    QString m_weather;
    QString m_energyUnavailable;
    QVector<ScenarioComparison> m_comparisons;
    QImage m_view;
    QString m_viewName;
    QVector<ReportDocument::Section> m_sections;
    int m_pages = 0;
};

} // namespace tt
