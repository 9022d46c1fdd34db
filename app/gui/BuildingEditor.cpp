// SPDX-License-Identifier: MIT
#include "BuildingEditor.h"

#include "core/Document.h"
#include "core/Plausibility.h"
#include "edit/EntityEdit.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

namespace tt {

namespace {
//! Spin boxes show "mixed" at their minimum, one step below any real value.
constexpr double kMixed = -1.0;

template <typename T, typename Get>
bool allSame(const QVector<const Building *> &buildings, Get get, T *value)
{
    *value = get(*buildings.first());
    for (const Building *b : buildings)
        if (get(*b) != *value)
            return false;
    return true;
}
} // namespace

BuildingEditor::BuildingEditor(Document *document, QWidget *parent)
    : QGroupBox(parent), m_document(document), m_name(new QLineEdit(this)), m_use(new QComboBox(this)),
      m_levels(new QDoubleSpinBox(this)), m_height(new QDoubleSpinBox(this)), m_year(new QSpinBox(this))
{
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Use"), m_use);
    form->addRow(tr("Storeys"), m_levels);
    form->addRow(tr("Height"), m_height);
    form->addRow(tr("Year built"), m_year);
    for (int u = 0; u < kBuildingUseCount; ++u)
        m_use->addItem(buildinguse::label(BuildingUse(u)), u);
    m_levels->setRange(kMixed, plausibility::kMaxLevels);
    m_levels->setDecimals(1);
    m_levels->setSpecialValueText(tr("mixed"));
    m_height->setRange(kMixed, plausibility::kMaxHeightM);
    m_height->setDecimals(1);
    m_height->setSuffix(tr(" m"));
    m_height->setSpecialValueText(tr("mixed"));
    m_year->setRange(0, plausibility::kMaxYear);  // 0 is the model's "unknown"; refresh() names it
    for (QAbstractSpinBox *box : {static_cast<QAbstractSpinBox *>(m_levels), static_cast<QAbstractSpinBox *>(m_height),
                                  static_cast<QAbstractSpinBox *>(m_year)})
        box->setKeyboardTracking(false);  // one command per value typed, not per keystroke

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_name->text().trimmed();
        apply(tr("Rename building"), [name](Building &b) { b.name = name; });
    });
    connect(m_use, &QComboBox::activated, this, [this] {
        if (m_use->currentData().isNull())
            return;
        const auto use = BuildingUse(m_use->currentData().toInt());
        apply(tr("Set use to %1").arg(buildinguse::label(use)), [use](Building &b) {
            b.use = use;
            b.mix.clear();  // the planner's choice replaces the source's mix
        });
    });
    connect(m_levels, &QDoubleSpinBox::valueChanged, this, [this](double levels) {
        if (levels <= kMixed)
            return;
        // Storeys set the height too, at the use's storey height: the two must agree.
        apply(tr("Set storeys to %1").arg(levels), [levels](Building &b) { entityedit::setStoreys(&b, levels); });
    });
    connect(m_height, &QDoubleSpinBox::valueChanged, this, [this](double height) {
        if (height <= kMixed)
            return;
        apply(tr("Set height to %1 m").arg(height), [height](Building &b) {
            b.heightM = height;
            b.heightGuessed = false;
        });
    });
    connect(m_year, &QSpinBox::valueChanged, this, [this](int year) {
        if (year == 0 && m_yearMixed)
            return;
        apply(tr("Set year built to %1").arg(year), [year](Building &b) { b.year = year; });
    });
    setBuildings({});
}

void BuildingEditor::setBuildings(const QVector<EntityId> &ids)
{
    m_ids = ids;
    refresh();
}

void BuildingEditor::refresh()
{
    QVector<const Building *> buildings;
    for (const EntityId id : std::as_const(m_ids))
        if (const Building *b = m_document->town().buildings.find(id))
            buildings.append(b);
    setVisible(!buildings.isEmpty());
    if (buildings.isEmpty())
        return;
    setTitle(tr("Edit %n building(s)", nullptr, int(buildings.size())));
    const QSignalBlocker b1(m_name), b2(m_use), b3(m_levels), b4(m_height), b5(m_year);
    m_name->setEnabled(buildings.size() == 1);
    m_name->setText(buildings.size() == 1 ? buildings.first()->name : QString());

    const int mixedIndex = m_use->findData(QVariant());
    if (mixedIndex >= 0)
        m_use->removeItem(mixedIndex);
    BuildingUse use;
    if (allSame(buildings, [](const Building &b) { return b.use; }, &use)) {
        m_use->setCurrentIndex(m_use->findData(int(use)));
    } else {
        m_use->insertItem(0, tr("(mixed)"), QVariant());
        m_use->setCurrentIndex(0);
    }
    double levels, height;
    int year;
    m_levels->setValue(allSame(buildings, [](const Building &b) { return b.levels; }, &levels) ? levels : kMixed);
    m_height->setValue(allSame(buildings, [](const Building &b) { return b.heightM; }, &height) ? height : kMixed);
    m_yearMixed = !allSame(buildings, [](const Building &b) { return b.year; }, &year);
    m_year->setSpecialValueText(m_yearMixed ? tr("mixed") : tr("unknown"));
    m_year->setValue(m_yearMixed ? 0 : year);
}

void BuildingEditor::apply(const QString &text, const std::function<void(Building &)> &change)
{
    EntityBatch after;
    for (const EntityId id : std::as_const(m_ids)) {
        if (const Building *b = m_document->town().buildings.find(id)) {
            Building edited = *b;
            change(edited);
            if (edited != *b)
                after.buildings.append(edited);
        }
    }
    if (const Status applied = m_document->modifyEntities(after, text); !applied)
        emit editRefused(applied.message);
}

} // namespace tt
