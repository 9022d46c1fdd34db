// SPDX-License-Identifier: MIT
#include "ImportDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tt {

namespace {
const char *kRasterFilter = QT_TRANSLATE_NOOP(
    "tt::ImportDialog", "Elevation rasters (*.tif *.tiff *.asc *.img *.gpkg *.vrt *.dem *.hgt *.nc);;All files (*)");
const char *kVectorFilter = QT_TRANSLATE_NOOP(
    "tt::ImportDialog", "Vector data (*.geojson *.json *.shp *.gpkg *.osm *.pbf *.csv *.kml *.gml *.fgb *.sqlite);;All files (*)");
const char *kTableFilter =
    QT_TRANSLATE_NOOP("tt::ImportDialog", "Tables (*.dbf *.csv *.xlsx *.ods *.gpkg *.sqlite);;All files (*)");
} // namespace

ImportDialog::ImportDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Import GIS data"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_buildings = addFileRow(form, tr("Buildings (required):"), tr(kVectorFilter));
    m_dem = addFileRow(form, tr("Terrain (DEM):"), tr(kRasterFilter));
    m_context = addFileRow(form, tr("Surroundings (context):"), tr(kVectorFilter));
    m_zones = addFileRow(form, tr("Land-use zones:"), tr(kVectorFilter));
    m_roads = addFileRow(form, tr("Roads:"), tr(kVectorFilter));
    m_join = addFileRow(form, tr("Join attribute table:"), tr(kTableFilter));
    m_joinKey = new QLineEdit;
    m_joinKey->setPlaceholderText(tr("key field in both, e.g. Name"));
    form->addRow(tr("Join key:"), m_joinKey);
    m_useField = new QLineEdit;
    m_useField->setPlaceholderText(tr("automatic (building, 1ST_USE, use, ...)"));
    form->addRow(tr("Use field:"), m_useField);
    m_nameField = new QLineEdit;
    m_nameField->setPlaceholderText(tr("automatic (name, name:zh, 名称, name:en, ...)"));
    form->addRow(tr("Name field:"), m_nameField);
    m_assumeCrs = new QLineEdit;
    m_assumeCrs->setPlaceholderText(tr("for data without a CRS or with a wrong one, e.g. EPSG:3857"));
    form->addRow(tr("Assume CRS:"), m_assumeCrs);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_buildings, &QLineEdit::textChanged, this, &ImportDialog::updateOkButton);
    connect(m_join, &QLineEdit::textChanged, this, &ImportDialog::updateOkButton);
    connect(m_joinKey, &QLineEdit::textChanged, this, &ImportDialog::updateOkButton);
    updateOkButton();
    resize(640, sizeHint().height());
}

QLineEdit *ImportDialog::addFileRow(QFormLayout *form, const QString &label, const QString &filter)
{
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit;
    auto *browse = new QPushButton(tr("Browse…"));
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
        const QString file = QFileDialog::getOpenFileName(this, label, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    return edit;
}

void ImportDialog::updateOkButton()
{
    const bool joinComplete = m_join->text().isEmpty() == m_joinKey->text().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_buildings->text().trimmed().isEmpty() && joinComplete);
}

ImportOptions ImportDialog::options() const
{
    ImportOptions o;
    o.buildingsPath = m_buildings->text().trimmed();
    o.demPath = m_dem->text().trimmed();
    o.zonesPath = m_zones->text().trimmed();
    o.contextPath = m_context->text().trimmed();
    o.roadsPath = m_roads->text().trimmed();
    o.joinPath = m_join->text().trimmed();
    o.joinKey = m_joinKey->text().trimmed();
    o.useField = m_useField->text().trimmed();
    o.nameField = m_nameField->text().trimmed();
    o.assumeCrs = m_assumeCrs->text().trimmed();
    return o;
}

void ImportDialog::setOptions(const ImportOptions &o)
{
    m_buildings->setText(o.buildingsPath);
    m_dem->setText(o.demPath);
    m_zones->setText(o.zonesPath);
    m_context->setText(o.contextPath);
    m_roads->setText(o.roadsPath);
    m_join->setText(o.joinPath);
    m_joinKey->setText(o.joinKey);
    m_useField->setText(o.useField);
    m_nameField->setText(o.nameField);
    m_assumeCrs->setText(o.assumeCrs);
}

} // namespace tt
