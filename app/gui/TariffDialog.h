// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "energy/Tariff.h"

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace tt {

class Document;

//! Edits a copy of the project's tariff (Tariff::forTown): its name, the
//! energy price of each season and period, which period each hour of each
//! season is in, the demand charge, feed-in and fuel prices; imports a tariff
//! file instead or exports the edited one. OK checks the tariff as a file would
//! be checked (Tariff::fromJson; an error keeps the dialog open) and makes it
//! the project's edited tariff in one undo step. The sources of what was
//! changed keep their text and say "Edited in TownTwin." so a report never
//! passes an edited price off as the published one.
class TariffDialog : public QDialog {
    Q_OBJECT
public:
    //! Appended to the source of every edited value.
    static inline const QString kEditedNote = QStringLiteral(" Edited in TownTwin.");

    explicit TariffDialog(Document *document, QWidget *parent = nullptr);

    //! The tariff as the fields hold it, sources marked where edited; not checked.
    Tariff editedTariff() const;
    //! Reads a tariff file into the fields. A failure changes nothing, is returned
    //! and is shown in a message box (child of the dialog) naming the file.
    Status importFile(const QString &path);
    //! Checks the edited tariff and writes it as a tariff file (atomically: a
    //! failure leaves an existing file as it was); failures as for importFile.
    Status exportFile(const QString &path);

    //! Energy prices, CNY/kWh: a row per season, a column per period
    //! (Qt::UserRole of the header item: the period's name in the file).
    QTableWidget *pricesTable() const { return m_prices; }
    //! The period of each hour: a row per season, 24 columns; clicking a cell
    //! moves the hour to the season's next period. Qt::UserRole holds the period.
    QTableWidget *hoursTable() const { return m_hours; }

public slots:
    void accept() override;

private:
    //! Fills the fields from `t`, which becomes what edits are measured against.
    void showTariff(const Tariff &t);
    void showHour(int season, int hour, const QString &period);
    void cycleHour(int season, int hour);
    QColor periodColor(const QString &period) const;
    void showError(const QString &text, const QString &details);
    void chooseImport();
    void chooseExport();

    Document *m_document;
    Tariff m_project;  // the tariff in use when the dialog opened
    Tariff m_base;     // what the fields were filled from: m_project or an imported file
    QStringList m_periods;  // the price table's columns, dearest first

    QLineEdit *m_name;
    QLabel *m_basedOn;
    QTableWidget *m_prices;
    QTableWidget *m_hours;
    QDoubleSpinBox *m_demandCharge;
    QDoubleSpinBox *m_feedIn;
    QDoubleSpinBox *m_gas;
    QDoubleSpinBox *m_biomass;
};

} // namespace tt
