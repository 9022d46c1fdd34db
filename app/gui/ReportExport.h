// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

class QWidget;

namespace tt {

class Document;
class EnergyRunner;

//! File ▸ Export report…: the project's PDF report as ReportWriter writes it, in the
//! application's language, with a progress dialog whose Cancel stops it and leaves no
//! file. Reuses the Energy dock's simulated year when it is of the current plan, else
//! simulates the year with the dock's weather and dispatch.
namespace ReportExport {
//! Asks for the file, then writes it. On success the message says where the report
//! went; it is empty when the planner closed the dialog instead.
Status exportWithDialog(QWidget *parent, const Document &document, const EnergyRunner &runner);
//! Writes the report to `path` with a progress dialog over `parent`.
Status exportTo(QWidget *parent, const Document &document, const EnergyRunner &runner, const QString &path);
} // namespace ReportExport

} // namespace tt
