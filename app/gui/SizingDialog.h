// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "energy/CapacitySizer.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tt {

class Document;
class EnergyRunner;

//! Energy ▸ Optimise sizes…: runs CapacitySizer on the energy runner's current
//! simulated year in a worker thread (one LP over 8760 hours, about a minute on
//! a real town) with a busy bar, the elapsed time and Cancel; then shows the project's
//! system ("Current system", the sizing's reference) beside the optimum, the
//! solver's statistics and warnings. Apply writes the optimised sizes into the
//! plan's assets as one undo step (SizedAssets); Save writes sizing.json.
//! Closing the dialog while the sizing runs cancels it and waits for the worker.
class SizingDialog : public QDialog {
    Q_OBJECT
public:
    enum class State { Idle, Running, Cancelling, Done, Cancelled, Failed };
    Q_ENUM(State)

    //! The table's rows: the capacities, then money and KPIs.
    enum Row {
        RooftopPvRow, GroundPvRow, WindRow, BatteryKwhRow, BatteryKwRow, ChpRow, AbsorptionRow, HeatPumpRow,
        TankRow, BoilerRow, ChillerRow, AnnualisedCostRow, CapexRow, NpvRow, Co2Row, SelfSufficiencyRow,
        RenewableShareRow, RowCount
    };
    enum Column { CurrentColumn, OptimisedColumn, ColumnCount };

    SizingDialog(Document *document, EnergyRunner *runner, QWidget *parent = nullptr);
    //! Cancels a sizing in progress and waits for its worker.
    ~SizingDialog() override;

    State state() const { return m_state; }
    //! Whether the last sizing gave a result (the table shows it).
    bool hasResult() const { return m_hasResult; }
    //! The last sizing's result (QDialog::result() stays the dialog's exit code).
    const SizingResult &sizing() const { return m_result; }
    //! Wall-clock seconds of the last sizing run, from Start to its end.
    double lastRunSeconds() const { return m_lastRunSeconds; }
    //! Why Start is disabled, or what starting does; the progress line while running.
    QString noteText() const;
    QString statusText() const;
    QTableWidget *table() const { return m_table; }
    //! What the option widgets ask for.
    SizingOptions options() const;

    //! Starts sizing the current simulated year on a worker. False (and nothing
    //! starts) while one runs or without a current simulation result.
    bool start();
    //! Asks the running sizing to stop; state() becomes Cancelled when it has.
    void cancel();
    //! Writes the optimised sizes into the document's assets as one undo step
    //! ("Apply optimised sizes") and closes the dialog. Refused without a result
    //! or when the plan changed after the sizing started.
    Status apply();
    //! Writes sizing.json (the CLI's layout) with QSaveFile.
    Status saveJson(const QString &path) const;

signals:
    void stateChanged(tt::SizingDialog::State state);
    //! Apply changed the plan; `notes` say what SizedAssets rounded or laid out.
    void applied(const QStringList &notes);

public slots:
    //! Accept, reject and close all end here: a running sizing is cancelled and waited for.
    void done(int result) override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Input;

    void buildUi();
    void updateAvailability();
    void onProgress(double fraction, const QString &stage);
    void onFinished();
    void showResult();
    //! One sentence on what the optimum saves against the current system, by the objective.
    QString summary() const;
    void clearTable();
    //! Grows the dialog to what its contents now need.
    void fitToContents();
    void updateElapsed();
    void saveWithDialog();
    void applyFromButton();
    //! Cancels a running sizing and blocks until its worker has returned.
    void stopAndWait();
    void setState(State state);

    Document *m_document;
    EnergyRunner *m_runner;

    QComboBox *m_objective = nullptr;
    QCheckBox *m_capCheck = nullptr;
    QDoubleSpinBox *m_cap = nullptr;
    QCheckBox *m_budgetCheck = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_solver = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_close = nullptr;

    State m_state = State::Idle;
    std::atomic<bool> m_cancelRequested = false;
    QFutureWatcher<SizingResult> m_watcher;
    QElapsedTimer m_clock;
    QTimer m_tick;
    QString m_stage;
    //! What the running or last sizing was given (weather, default assets, tariff, revision).
    std::shared_ptr<const Input> m_input;
    SizingResult m_result;
    bool m_hasResult = false;
    double m_lastRunSeconds = 0.0;
    bool m_optionDefaultsSet = false;
};

} // namespace tt
