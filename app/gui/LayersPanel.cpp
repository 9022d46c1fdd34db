// SPDX-License-Identifier: MIT
#include "LayersPanel.h"

#include "SceneController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTextDocument>
#include <QVBoxLayout>

namespace tt {

namespace {

QString swatch(const QColor &color)
{
    return QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;&nbsp;</span>").arg(color.name());
}

} // namespace

LayersPanel::LayersPanel(SceneController *scene, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
    , m_colorMode(new QComboBox(this))
    , m_terrainStyle(new QComboBox(this))
    , m_guessedHeights(new QCheckBox(tr("Hatch guessed heights"), this))
    , m_legend(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);

    auto *layersBox = new QGroupBox(tr("Layers"), this);
    auto *layersLayout = new QVBoxLayout(layersBox);
    const std::array<QString, kSceneLayerCount> names = {tr("Terrain"), tr("Land-use zones"), tr("Roads"),
                                                         tr("Buildings"), tr("Energy assets"), tr("Energy networks")};
    for (int i = 0; i < kSceneLayerCount; ++i) {
        const auto layer = SceneLayer(i);
        auto *box = new QCheckBox(names[size_t(i)], layersBox);
        box->setChecked(scene->isLayerVisible(layer));
        connect(box, &QCheckBox::toggled, this, [this, layer](bool on) { m_scene->setLayerVisible(layer, on); });
        layersLayout->addWidget(box);
        m_layerBoxes[size_t(i)] = box;
    }
    layout->addWidget(layersBox);

    auto *styleBox = new QGroupBox(tr("Style"), this);
    auto *form = new QFormLayout(styleBox);
    // Attribute colouring is offered by the views that supply the values (energy results).
    m_colorMode->addItem(tr("Use"), int(BuildingColorMode::ByUse));
    m_colorMode->addItem(tr("Height"), int(BuildingColorMode::ByHeight));
    m_colorMode->setCurrentIndex(m_colorMode->findData(int(scene->buildingColorMode())));
    connect(m_colorMode, &QComboBox::currentIndexChanged, this,
            [this] { m_scene->setBuildingColorMode(BuildingColorMode(m_colorMode->currentData().toInt())); });
    form->addRow(tr("Colour buildings by"), m_colorMode);

    m_terrainStyle->addItem(tr("Plain"), int(TerrainStyle::Plain));
    m_terrainStyle->addItem(tr("Hillshade"), int(TerrainStyle::Hillshade));
    m_terrainStyle->addItem(tr("Contours"), int(TerrainStyle::Contours));
    m_terrainStyle->setCurrentIndex(m_terrainStyle->findData(int(scene->terrainStyle())));
    connect(m_terrainStyle, &QComboBox::currentIndexChanged, this,
            [this] { m_scene->setTerrainStyle(TerrainStyle(m_terrainStyle->currentData().toInt())); });
    form->addRow(tr("Terrain"), m_terrainStyle);

    m_guessedHeights->setToolTip(tr("Buildings whose height came from a default rather than the data"));
    m_guessedHeights->setChecked(scene->highlightGuessedHeights());
    connect(m_guessedHeights, &QCheckBox::toggled, scene, &SceneController::setHighlightGuessedHeights);
    form->addRow(m_guessedHeights);

    // Sun position: shadows and shading of a planning day, in the site's standard time.
    auto *sun = new QDateTimeEdit(scene->sunTime(), styleBox);
    sun->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    sun->setCalendarPopup(true);
    sun->setToolTip(tr("Date and time of the sun lighting the scene (the site's standard time)"));
    connect(sun, &QDateTimeEdit::dateTimeChanged, scene, &SceneController::setSunTime);
    connect(scene, &SceneController::sunTimeChanged, sun, &QDateTimeEdit::setDateTime);
    form->addRow(tr("Sun"), sun);
    layout->addWidget(styleBox);

    auto *legendBox = new QGroupBox(tr("Legend"), this);
    auto *legendLayout = new QVBoxLayout(legendBox);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    legendLayout->addWidget(m_legend);
    layout->addWidget(legendBox);
    layout->addStretch(1);

    connect(scene, &SceneController::sceneChanged, this, &LayersPanel::refreshLegend);
    refreshLegend();
}

QString LayersPanel::legendText() const
{
    QTextDocument doc;
    doc.setHtml(m_legend->text());
    return doc.toPlainText().trimmed();
}

void LayersPanel::syncColorMode()
{
    // Another dock (energy) may have switched the colouring: show it, and offer
    // its values while they are what the buildings show.
    const int mode = int(m_scene->buildingColorMode());
    const int attribute = m_colorMode->findData(int(BuildingColorMode::ByAttribute));
    const QSignalBlocker block(m_colorMode);
    if (mode == int(BuildingColorMode::ByAttribute) && attribute < 0)
        m_colorMode->addItem(tr("Energy dock's values"), int(BuildingColorMode::ByAttribute));
    else if (mode != int(BuildingColorMode::ByAttribute) && attribute >= 0)
        m_colorMode->removeItem(attribute);
    m_colorMode->setCurrentIndex(m_colorMode->findData(mode));
}

void LayersPanel::refreshLegend()
{
    syncColorMode();
    QString html;
    const auto addLegend = [&html](const Legend &legend) {
        html += QStringLiteral("<b>%1</b><br>").arg(legend.title.toHtmlEscaped());
        if (legend.hasRamp) {
            QString ramp;
            for (const QColor &c : legend.rampColors)
                ramp += QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;</span>").arg(c.name());
            const QLocale locale;
            html += QStringLiteral("%1 %2 %3<br>")
                        .arg(locale.toString(legend.rampMin, 'f', 1), ramp, locale.toString(legend.rampMax, 'f', 1));
        }
        for (const Legend::Entry &entry : legend.entries)
            html += QStringLiteral("%1 %2<br>").arg(swatch(entry.color), entry.label.toHtmlEscaped());
    };
    if (m_scene->isLayerVisible(SceneLayer::Buildings))
        addLegend(m_scene->legend());
    const Legend zones = m_scene->zoneLegend();
    if (m_scene->isLayerVisible(SceneLayer::Zones) && !zones.entries.isEmpty()) {
        if (!html.isEmpty())
            html += QStringLiteral("<br>");
        addLegend(zones);
    }
    m_legend->setText(html);
}

} // namespace tt
