// SPDX-License-Identifier: MIT
#pragma once

#include "ImportOptions.h"

#include <QDialog>

class QLineEdit;
class QDialogButtonBox;
class QFormLayout;

namespace tt {

//! Asks which files to import: DEM, buildings, zones, roads, an attribute
//! table to join, the use field and a CRS to assume for data without one.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(QWidget *parent = nullptr);

    ImportOptions options() const;
    void setOptions(const ImportOptions &options);

private:
    QLineEdit *addFileRow(QFormLayout *form, const QString &label, const QString &filter);
    void updateOkButton();

    QLineEdit *m_dem;
    QLineEdit *m_buildings;
    QLineEdit *m_context;
    QLineEdit *m_zones;
    QLineEdit *m_roads;
    QLineEdit *m_join;
    QLineEdit *m_joinKey;
    QLineEdit *m_nameField;
    QLineEdit *m_useField;
    QLineEdit *m_assumeCrs;
    QDialogButtonBox *m_buttons;
};

} // namespace tt
