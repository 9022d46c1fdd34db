// SPDX-License-Identifier: MIT
#pragma once

#include "ImportOptions.h"
#include "ImportReport.h"

#include <QObject>

class QWidget;

namespace tt {

class MessagePanel;

//! One import of GIS data, run in the background: a cancellable progress dialog,
//! the importer's findings (skipped, repaired, warnings, the CRS chosen) in the
//! message panel, and when the data's CRS is missing or contradicted a question
//! for the CRS and a retry with the answer. Deletes itself when done.
class ImportJob : public QObject {
    Q_OBJECT
public:
    //! window: the parent of the dialogs.
    ImportJob(QWidget *window, MessagePanel *messages);

    void start(const ImportOptions &options);

signals:
    //! The import succeeded: the town to show, and the undo text for it.
    void imported(const tt::Town &town, const QString &text);
    //! The import ended: ok is false when it failed or was cancelled (the plan stays as it was).
    void finished(bool ok);

private:
    //! Shows the report; true when the town can be used.
    bool takeReport(const ImportReport &report, const ImportOptions &options);

    QWidget *m_window;
    MessagePanel *m_messages;
};

} // namespace tt
