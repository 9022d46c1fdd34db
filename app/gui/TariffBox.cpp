// SPDX-License-Identifier: MIT
#include "TariffBox.h"

#include "TariffDialog.h"
#include "core/Document.h"
#include "energy/Tariff.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QSignalBlocker>
#include <QToolButton>

namespace tt {

namespace {

//! What a planner checks before trusting a tariff: where and when it applies,
//! and the two prices that are not in the time-of-use table.
QString describe(const Tariff &t)
{
    const QLocale locale;
    return TariffBox::tr("%1\nRegion: %2\nDate: %3\nDemand charge: %4 CNY/kW·month\nFeed-in: %5 CNY/kWh")
        .arg(t.name, t.region, t.date, locale.toString(t.demandChargePerKwMonth, 'g', 6),
             locale.toString(t.feedInPerKwh, 'g', 6));
}

} // namespace

TariffBox::TariffBox(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_combo(new QComboBox(this)), m_edit(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo->setObjectName(QStringLiteral("tariff"));
    // Tariff names are long ("Shanghai general industrial & commercial, ..."): the dock must not widen for them.
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(20);
    for (const QString &key : Tariff::bundledKeys()) {
        Tariff t;
        // A broken bundled tariff is a build defect (tst_tariff); leave it out rather than offer it.
        if (!Tariff::loadBundled(key, &t))
            continue;
        m_combo->addItem(t.name, key);
        m_combo->setItemData(m_combo->count() - 1, describe(t), Qt::ToolTipRole);
    }
    layout->addWidget(m_combo, 1);

    m_edit->setObjectName(QStringLiteral("editTariff"));
    m_edit->setText(tr("Edit…"));
    m_edit->setToolTip(tr("Edit the prices, time-of-use hours, demand charge and feed-in of the tariff in use, "
                          "or import one from a file; the project keeps the edited copy"));
    connect(m_edit, &QToolButton::clicked, this, [this] { openEditor(); });
    layout->addWidget(m_edit);

    connect(m_combo, &QComboBox::activated, this, &TariffBox::choose);
    connect(m_document, &Document::townReset, this, &TariffBox::refresh);
    connect(m_document, &Document::settingsChanged, this, &TariffBox::refresh);
    refresh();
}

TariffDialog *TariffBox::openEditor()
{
    auto *dialog = new TariffDialog(m_document, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void TariffBox::refresh()
{
    const QSignalBlocker blocker(m_combo);
    // The project's own tariff is the item after the bundled ones (data: no key), when it has one.
    const int own = m_combo->findData(QString());
    if (own >= 0)
        m_combo->removeItem(own);

    const Town &town = m_document->town();
    QString why;
    QStringList warnings;
    const Tariff current = Tariff::forTown(town, &why, &warnings);
    const QVariant setting = town.settings.value(Tariff::kSettingKey);
    const bool edited = setting.metaType().id() == QMetaType::QVariantMap;
    const QString reference = setting.toString();
    const int bundled = edited || !reference.startsWith(Tariff::kBundledPrefix)
                            ? -1
                            : m_combo->findData(reference.mid(Tariff::kBundledPrefix.size()));
    QString tip = describe(current) + QStringLiteral("\n\n") + tr("In use: %1").arg(why);
    if (!warnings.isEmpty())
        tip += QLatin1Char('\n') + warnings.join(QLatin1Char('\n'));

    if (!setting.isValid()) {
        m_combo->setCurrentIndex(m_combo->findData(Tariff::kDefault));
    } else if (bundled >= 0) {
        m_combo->setCurrentIndex(bundled);
    } else {
        // An edited tariff, or one the project names that cannot be used (the default applies:
        // the warning in the tooltip says why). Either way it is not one of the bundled items.
        const QString text = !warnings.isEmpty() ? (edited ? tr("Edited tariff (unusable, default applies)")
                                                           : tr("%1 (unusable, default applies)").arg(reference))
                                                 : tr("Edited: %1").arg(current.name);
        m_combo->addItem(text, QString());
        m_combo->setItemData(m_combo->count() - 1, tip, Qt::ToolTipRole);
        m_combo->setCurrentIndex(m_combo->count() - 1);
    }
    m_combo->setToolTip(tip);
}

void TariffBox::choose(int index)
{
    const QString key = m_combo->itemData(index).toString();
    if (key.isEmpty())
        return;  // the project's own tariff, already in use
    QVariantMap settings = m_document->town().settings;
    const QVariantMap before = settings;
    // The default is no setting, so a project that never chose follows the bundled default.
    if (key == Tariff::kDefault)
        settings.remove(Tariff::kSettingKey);
    else
        settings.insert(Tariff::kSettingKey, Tariff::kBundledPrefix + key);
    if (settings == before)
        return;
    m_document->setSettings(settings, m_document->town().rulesJson, tr("Tariff: %1").arg(m_combo->itemText(index)));
}

} // namespace tt
