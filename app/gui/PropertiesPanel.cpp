// SPDX-License-Identifier: MIT
#include "PropertiesPanel.h"

#include "BuildingEditor.h"

#include "core/Document.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace tt {

namespace {
QString metres(double v)
{
    return QLocale().toString(v, 'f', 2) + QStringLiteral(" m");
}

QString squareMetres(double v)
{
    return QLocale().toString(v, 'f', 1) + QStringLiteral(" m²");
}

QString useMix(const Building &b)
{
    QStringList parts;
    for (const UseShare &s : b.useShares())
        parts << QStringLiteral("%1 %2%").arg(buildinguse::label(s.use)).arg(qRound(s.share * 100));
    return parts.join(QStringLiteral(", "));
}
} // namespace

PropertiesPanel::PropertiesPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_title(new QLabel(this)),
      m_editor(new BuildingEditor(document, this)), m_table(new QTableWidget(0, 2, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    layout->addWidget(m_editor);
    layout->addWidget(m_table, 1);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->hide();
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    const auto follow = [this](EntityKind, const QVector<EntityId> &) { refresh(); };
    connect(m_document, &Document::entitiesChanged, this, follow);
    connect(m_document, &Document::entitiesRemoved, this, follow);
    connect(m_document, &Document::entitiesAdded, this, follow);
    connect(m_document, &Document::townReset, this, [this] { setSelection({}); });
    refresh();
}

void PropertiesPanel::setSelection(const QVector<EntityId> &ids)
{
    m_selection = ids;
    refresh();
}

void PropertiesPanel::addRow(const QString &attribute, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(attribute));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
}

QString PropertiesPanel::valueOf(const QString &attribute) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == attribute)
            return m_table->item(row, 1)->text();
    return {};
}

void PropertiesPanel::refresh()
{
    m_table->setRowCount(0);
    const EntityBatch set = m_document->entities(m_selection);
    QVector<EntityId> buildingIds;
    for (const Building &b : set.buildings)
        buildingIds.append(b.id);
    m_editor->setBuildings(buildingIds);
    if (set.isEmpty()) {
        m_title->setText(tr("Nothing selected. Click a building in the 3D view; Shift+click adds to the selection."));
        return;
    }
    if (set.size() == 1 && set.buildings.size() == 1) {
        const Building &b = set.buildings.first();
        m_title->setText(tr("Building %1").arg(b.name.isEmpty() ? b.sourceId : b.name));
        addRow(tr("Id"), QString::number(b.id));
        addRow(tr("Source id"), b.sourceId);
        addRow(tr("Name"), b.name);
        addRow(tr("Use"), useMix(b));
        addRow(tr("Storeys"), QLocale().toString(b.levels, 'f', b.levels == std::floor(b.levels) ? 0 : 1));
        addRow(tr("Height"), metres(b.heightM) + (b.heightGuessed ? tr(" (guessed)") : tr(" (measured)")));
        addRow(tr("Ground elevation"), metres(b.groundM));
        addRow(tr("Footprint"), squareMetres(b.footprintArea()));
        addRow(tr("Gross floor area"), squareMetres(b.grossFloorArea()));
        if (b.basementLevels > 0.0)
            addRow(tr("Below ground"), tr("%1 storeys, %2")
                                           .arg(QLocale().toString(b.basementLevels, 'f',
                                                                   b.basementLevels == std::floor(b.basementLevels) ? 0 : 1),
                                                squareMetres(b.basementFloorArea())));
        addRow(tr("Year built"), b.year > 0 ? QString::number(b.year) : tr("unknown"));
        if (b.context)
            addRow(tr("Role"), tr("Surroundings: drawn for context, not counted or simulated"));
        return;
    }
    if (set.size() == 1 && set.zones.size() == 1) {
        const Zone &z = set.zones.first();
        m_title->setText(tr("Zone %1").arg(z.name.isEmpty() ? z.sourceId : z.name));
        addRow(tr("Id"), QString::number(z.id));
        addRow(tr("Class"), zoneclass::label(z.zoneClass));
        addRow(tr("Area"), QLocale().toString(z.areaM2() / 10000.0, 'f', 2) + QStringLiteral(" ha"));
        return;
    }
    if (set.size() == 1 && set.roads.size() == 1) {
        const Road &r = set.roads.first();
        m_title->setText(tr("Road %1").arg(r.name.isEmpty() ? r.sourceId : r.name));
        addRow(tr("Id"), QString::number(r.id));
        addRow(tr("Class"), r.roadClass);
        addRow(tr("Width"), metres(r.widthM));
        addRow(tr("Length"), metres(r.lengthM()));
        return;
    }
    if (set.size() == 1 && set.assets.size() == 1) {
        const EnergyAsset &a = set.assets.first();
        m_title->setText(tr("%1 %2").arg(energyassettype::label(a.type), a.name));
        addRow(tr("Id"), QString::number(a.id));
        for (auto it = a.parameters.constBegin(); it != a.parameters.constEnd(); ++it)
            addRow(it.key(), it.value().toString());
        return;
    }
    double footprint = 0.0, gfa = 0.0;
    for (const Building &b : set.buildings) {
        footprint += b.footprintArea();
        gfa += b.grossFloorArea();
    }
    m_title->setText(tr("%n entities selected", nullptr, set.size()));
    addRow(tr("Buildings"), QString::number(set.buildings.size()));
    addRow(tr("Zones"), QString::number(set.zones.size()));
    addRow(tr("Roads"), QString::number(set.roads.size()));
    addRow(tr("Energy assets"), QString::number(set.assets.size()));
    addRow(tr("Total footprint"), squareMetres(footprint));
    addRow(tr("Total floor area"), squareMetres(gfa));
}

} // namespace tt
