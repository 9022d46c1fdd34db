// SPDX-License-Identifier: MIT
#include "ToolOptionsBar.h"

#include "edit/AssetTemplate.h"
#include "tools/ToolContext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>

namespace tt {

ToolOptionsBar::ToolOptionsBar(ToolOptions *options, QWidget *parent) : QToolBar(tr("Tool options"), parent)
{
    setObjectName(QStringLiteral("toolOptionsToolBar"));
    auto *use = new QComboBox(this);
    for (int u = 0; u < kBuildingUseCount; ++u)
        use->addItem(buildinguse::label(BuildingUse(u)), u);
    use->setCurrentIndex(use->findData(int(options->use)));
    connect(use, &QComboBox::currentIndexChanged, this,
            [options, use] { options->use = BuildingUse(use->currentData().toInt()); });
    auto *levels = new QDoubleSpinBox(this);
    levels->setRange(1, 100);
    levels->setDecimals(0);
    levels->setValue(options->levels);
    levels->setSuffix(tr(" storeys"));
    connect(levels, &QDoubleSpinBox::valueChanged, this, [options](double v) { options->levels = v; });
    auto *zoneClass = new QComboBox(this);
    for (int c = 0; c < kZoneClassCount; ++c)
        zoneClass->addItem(zoneclass::label(ZoneClass(c)), c);
    zoneClass->setCurrentIndex(zoneClass->findData(int(options->zoneClass)));
    connect(zoneClass, &QComboBox::currentIndexChanged, this,
            [options, zoneClass] { options->zoneClass = ZoneClass(zoneClass->currentData().toInt()); });
    auto *asset = new QComboBox(this);
    for (const EnergyAssetType type : AssetTemplate::placeableTypes())
        asset->addItem(energyassettype::label(type), int(type));
    connect(asset, &QComboBox::currentIndexChanged, this, [this, options, asset] {
        options->assetType = EnergyAssetType(asset->currentData().toInt());
        emit toolHintChanged();
    });
    auto *network = new QComboBox(this);
    for (int c = 0; c < kNetworkCarrierCount; ++c)
        network->addItem(networkcarrier::label(NetworkCarrier(c)), c);
    network->setToolTip(tr("The network Draw network link works on"));
    connect(network, &QComboBox::currentIndexChanged, this, [this, options, network] {
        options->network = NetworkCarrier(network->currentData().toInt());
        emit toolHintChanged();
    });
    auto *snap = new QCheckBox(tr("Snap"), this);
    snap->setToolTip(tr("Moves snap to the grid and to neighbouring corners and walls; rotations to 15° steps and road directions"));
    connect(snap, &QCheckBox::toggled, this, [options](bool on) { options->snap = on; });
    auto *grid = new QDoubleSpinBox(this);
    grid->setRange(0.5, 100);
    grid->setDecimals(1);
    grid->setValue(options->gridM);
    grid->setSuffix(tr(" m grid"));
    connect(grid, &QDoubleSpinBox::valueChanged, this, [options](double v) { options->gridM = v; });
    addWidget(new QLabel(tr(" New building: "), this));
    addWidget(use);
    addWidget(levels);
    addWidget(new QLabel(tr("  Zone: "), this));
    addWidget(zoneClass);
    addWidget(new QLabel(tr("  Asset: "), this));
    addWidget(asset);
    addWidget(new QLabel(tr("  Network: "), this));
    addWidget(network);
    addSeparator();
    addWidget(snap);
    addWidget(grid);
}

} // namespace tt
