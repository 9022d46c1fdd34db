// SPDX-License-Identifier: MIT
#include "PropertiesPanel.h"

#include "BuildingEditor.h"

#include "core/Document.h"
#include "edit/EntityEdit.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
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
      m_editor(new BuildingEditor(document, this)), m_switch(new QPushButton(this)), m_table(new QTableWidget(0, 2, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    layout->addWidget(m_editor);
    layout->addWidget(m_switch);
    m_switch->setObjectName(QStringLiteral("switchButton"));
    connect(m_switch, &QPushButton::clicked, this, [this] {
        const EntityBatch set = m_document->entities(m_selection);
        if (set.networkLinks.size() != 1)
            return;
        const NetworkLink &link = set.networkLinks.first();
        EntityBatch changed;
        const QString text = link.closed ? tr("Open link %1").arg(link.id) : tr("Close link %1").arg(link.id);
        Status s = entityedit::setLinkClosed(m_document->town(), link.id, !link.closed, &changed);
        if (s)
            s = m_document->modifyEntities(changed, text);
        if (!s)
            m_title->setText(s.message);
    });
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
    m_switch->setVisible(set.size() == 1 && set.networkLinks.size() == 1);
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
    if (set.size() == 1 && set.networkLinks.size() == 1) {
        const NetworkLink &l = set.networkLinks.first();
        const NetworkNode *from = m_document->town().networkNodes.find(l.from);
        const NetworkNode *to = m_document->town().networkNodes.find(l.to);
        const bool transformer = from && to && from->kv != to->kv;
        const bool cable = l.carrier == NetworkCarrier::Electricity;
        m_title->setText(tr("%1 %2 %3")
                             .arg(networkcarrier::label(l.carrier),
                                  transformer ? tr("transformer") : cable ? tr("cable") : tr("pipe pair"),
                                  l.sourceId.isEmpty() ? QString::number(l.id) : l.sourceId));
        m_switch->setText(l.closed ? (cable ? tr("Open switch") : tr("Close valve"))
                                   : (cable ? tr("Close switch") : tr("Open valve")));
        addRow(tr("Id"), QString::number(l.id));
        addRow(tr("Type"), l.type.isEmpty() ? tr("not given") : l.type);
        addRow(tr("State"), l.closed ? tr("in service") : cable ? tr("switch open") : tr("valve closed"));
        addRow(tr("Length"), metres(l.lengthM()));
        if (cable) {
            addRow(tr("Voltage"), transformer ? tr("%1 / %2 kV").arg(from->kv).arg(to->kv) : tr("%1 kV").arg(l.kv));
            addRow(tr("Impedance"), tr("%1 + j%2 Ω").arg(QLocale().toString(l.rOhm, 'g', 4), QLocale().toString(l.xOhm, 'g', 4)));
            addRow(tr("Ampacity"), l.ampacityA > 0.0 ? tr("%1 A").arg(QLocale().toString(l.ampacityA, 'f', 0)) : tr("not known"));
        } else {
            addRow(tr("Bore"), tr("%1 mm").arg(QLocale().toString(l.innerDiameterMm, 'f', 1)));
            addRow(tr("Supply / return"), tr("%1 / %2 °C").arg(l.supplyC).arg(l.returnC));
            addRow(tr("Heat loss"), tr("%1 W/(m·K) a pipe").arg(QLocale().toString(l.lossWPerMK, 'f', 3)));
        }
        if (l.circuits > 1)
            addRow(tr("Side by side"), QString::number(l.circuits));
        return;
    }
    if (set.size() == 1 && set.networkNodes.size() == 1) {
        const NetworkNode &n = set.networkNodes.first();
        m_title->setText(tr("%1 node %2").arg(networkcarrier::label(n.carrier),
                                              n.sourceId.isEmpty() ? QString::number(n.id) : n.sourceId));
        addRow(tr("Id"), QString::number(n.id));
        addRow(tr("Kind"), networknodekind::key(n.kind));
        if (n.carrier == NetworkCarrier::Electricity)
            addRow(tr("Voltage"), tr("%1 kV").arg(n.kv));
        if (n.building != kNoEntity)
            addRow(tr("Serves building"), QString::number(n.building));
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
    addRow(tr("Buildings"), QLocale().toString(set.buildings.size()));
    addRow(tr("Zones"), QLocale().toString(set.zones.size()));
    addRow(tr("Roads"), QLocale().toString(set.roads.size()));
    addRow(tr("Energy assets"), QLocale().toString(set.assets.size()));
    addRow(tr("Network nodes and links"), QLocale().toString(set.networkNodes.size() + set.networkLinks.size()));
    addRow(tr("Total footprint"), squareMetres(footprint));
    addRow(tr("Total floor area"), squareMetres(gfa));
}

} // namespace tt
