// SPDX-License-Identifier: MIT
#include "ArchetypeSetBox.h"

#include "core/Document.h"
#include "energy/ArchetypeSets.h"

#include <QSignalBlocker>

namespace tt {

ArchetypeSetBox::ArchetypeSetBox(Document *document, QWidget *parent) : QComboBox(parent), m_document(document)
{
    setObjectName(QStringLiteral("archetypeSet"));
    // Set names are long: the dock must not widen for them.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    setToolTip(tr("The building archetypes (standards, schedules, envelopes) the demand is simulated with"));
    addItem(QString(), QString());  // "Automatic", named in refresh()
    for (const ArchetypeSets::Info &set : ArchetypeSets::bundled())
        addItem(set.name, set.key);
    connect(this, &QComboBox::activated, this, &ArchetypeSetBox::choose);
    connect(m_document, &Document::townReset, this, &ArchetypeSetBox::refresh);
    connect(m_document, &Document::settingsChanged, this, &ArchetypeSetBox::refresh);
    refresh();
}

void ArchetypeSetBox::refresh()
{
    // What "automatic" means here: the set of the site's region.
    Town automatic;
    automatic.site = m_document->town().site;
    const QString key = ArchetypeSets::forTown(automatic);
    setItemText(0, tr("Automatic: %1").arg(itemText(findData(key))));
    const QSignalBlocker blocker(this);
    const int chosen = findData(m_document->town().settings.value(ArchetypeSets::kSettingKey).toString());
    setCurrentIndex(chosen > 0 ? chosen : 0);
}

void ArchetypeSetBox::choose(int index)
{
    const QString key = itemData(index).toString();
    QVariantMap settings = m_document->town().settings;
    if (settings.value(ArchetypeSets::kSettingKey).toString() == key)
        return;
    if (key.isEmpty())
        settings.remove(ArchetypeSets::kSettingKey);
    else
        settings.insert(ArchetypeSets::kSettingKey, key);
    m_document->setSettings(settings, m_document->town().rulesJson,
                            key.isEmpty() ? tr("Buildings: automatic archetypes") : tr("Buildings: %1").arg(itemText(index)));
}

} // namespace tt
