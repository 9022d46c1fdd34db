// SPDX-License-Identifier: MIT
#include "TariffDialog.h"

#include "core/Document.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace tt {

namespace {

constexpr int kHoursPerDay = 24;
//! The editors' precision: a value the user did not change may carry more (it is kept as it was).
constexpr int kPriceDecimals = 4;
constexpr double kMaxPrice = 100.0;  // as Tariff accepts
//! Where the import and export dialogs open: the folder of the last tariff file.
const QString kTariffFolderKey = QStringLiteral("energy/tariffFolder");

//! A value counts as edited when it differs by more than its editor can show.
bool edited(double value, double original, int decimals)
{
    return std::abs(value - original) > 0.5 * std::pow(10.0, -decimals);
}

QString markEdited(const QString &source)
{
    if (source.endsWith(TariffDialog::kEditedNote))
        return source;
    return source.isEmpty() ? TariffDialog::kEditedNote.trimmed() : source + TariffDialog::kEditedNote;
}

//! The periods Chinese time-of-use tariffs name, in words and in an hour's cell.
struct KnownPeriod {
    const char *key;
    const char *label;
    const char *abbreviation;
};
const KnownPeriod kKnownPeriods[] = {
    {"critical_peak", QT_TRANSLATE_NOOP("tt::TariffDialog", "Critical peak"), QT_TRANSLATE_NOOP("tt::TariffDialog", "CP")},
    {"peak", QT_TRANSLATE_NOOP("tt::TariffDialog", "Peak"), QT_TRANSLATE_NOOP("tt::TariffDialog", "P")},
    {"flat", QT_TRANSLATE_NOOP("tt::TariffDialog", "Flat"), QT_TRANSLATE_NOOP("tt::TariffDialog", "F")},
    {"valley", QT_TRANSLATE_NOOP("tt::TariffDialog", "Valley"), QT_TRANSLATE_NOOP("tt::TariffDialog", "V")},
    {"deep_valley", QT_TRANSLATE_NOOP("tt::TariffDialog", "Deep valley"), QT_TRANSLATE_NOOP("tt::TariffDialog", "DV")},
};

const KnownPeriod *knownPeriod(const QString &period)
{
    for (const KnownPeriod &p : kKnownPeriods)
        if (period == QLatin1String(p.key))
            return &p;
    return nullptr;
}

//! "critical_peak" → "Critical peak"; a period of another name is spelled out from its key.
QString periodLabel(const QString &period)
{
    if (const KnownPeriod *known = knownPeriod(period))
        return QCoreApplication::translate("tt::TariffDialog", known->label);
    QString text = period;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

//! "critical_peak" → "CP": what fits in an hour's cell.
QString periodAbbreviation(const QString &period)
{
    if (const KnownPeriod *known = knownPeriod(period))
        return QCoreApplication::translate("tt::TariffDialog", known->abbreviation);
    QString out;
    for (const QString &part : period.split(QRegularExpression(QStringLiteral("[_\\s-]+")), Qt::SkipEmptyParts))
        out += part.at(0).toUpper();
    return out.left(3);
}

//! Light cells get dark text, dark cells light text.
QColor textOn(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

//! An editor and the field it sets, for the four prices outside the time-of-use table.
struct ScalarField {
    QDoubleSpinBox *box;
    double Tariff::*field;
    const char *key;  // as Tariff::sources holds it
};

std::array<ScalarField, 4> scalarFields(QDoubleSpinBox *demandCharge, QDoubleSpinBox *feedIn, QDoubleSpinBox *gas,
                                        QDoubleSpinBox *biomass)
{
    return {{
        {demandCharge, &Tariff::demandChargePerKwMonth, "demand_charge_per_kw_month"},
        {feedIn, &Tariff::feedInPerKwh, "feed_in_per_kwh"},
        {gas, &Tariff::gasPerKwh, "gas_per_kwh"},
        {biomass, &Tariff::biomassPerKwh, "biomass_per_kwh"},
    }};
}

//! Prices are edited with the file's precision, not QDoubleSpinBox's default two decimals.
class PriceDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *box = new QDoubleSpinBox(parent);
        box->setFrame(false);
        box->setDecimals(kPriceDecimals);
        box->setRange(-kMaxPrice, kMaxPrice);
        box->setSingleStep(0.01);
        box->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return box;
    }
};

QDoubleSpinBox *priceBox(const QString &objectName, double min, double max, int decimals, const QString &suffix,
                         QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(decimals > 2 ? 0.01 : 1.0);
    box->setSuffix(suffix);
    box->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return box;
}

//! A table as tall as its rows: the season tables have a handful of rows and must not scroll.
void fitHeight(QTableWidget *table)
{
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth();
    for (int r = 0; r < table->rowCount(); ++r)
        height += table->rowHeight(r);
    table->setFixedHeight(height);
}

} // namespace

TariffDialog::TariffDialog(Document *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_project(Tariff::forTown(document->town()))
    , m_name(new QLineEdit(this))
    , m_basedOn(new QLabel(this))
    , m_prices(new QTableWidget(this))
    , m_hours(new QTableWidget(this))
    , m_demandCharge(priceBox(QStringLiteral("demandCharge"), 0.0, 10000.0, 2, tr(" CNY/kW·month"), this))
    , m_feedIn(priceBox(QStringLiteral("feedIn"), -kMaxPrice, kMaxPrice, kPriceDecimals, tr(" CNY/kWh"), this))
    , m_gas(priceBox(QStringLiteral("gasPrice"), 0.0, kMaxPrice, kPriceDecimals, tr(" CNY/kWh"), this))
    , m_biomass(priceBox(QStringLiteral("biomassPrice"), 0.0, kMaxPrice, kPriceDecimals, tr(" CNY/kWh"), this))
{
    setObjectName(QStringLiteral("tariffDialog"));
    setWindowTitle(tr("Tariff"));
    auto *layout = new QVBoxLayout(this);

    auto *head = new QFormLayout;
    m_name->setObjectName(QStringLiteral("tariffName"));
    head->addRow(tr("Name"), m_name);
    m_basedOn->setWordWrap(true);
    m_basedOn->setTextInteractionFlags(Qt::TextSelectableByMouse);
    head->addRow(tr("Based on"), m_basedOn);
    layout->addLayout(head);

    layout->addWidget(new QLabel(tr("Energy prices (CNY/kWh, tax included) by season and period"), this));
    m_prices->setObjectName(QStringLiteral("tariffPrices"));
    m_prices->setItemDelegate(new PriceDelegate(m_prices));
    m_prices->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_prices->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_prices->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_prices);

    layout->addWidget(new QLabel(tr("Hours of the day: click an hour to move it to the season's next period"), this));
    m_hours->setObjectName(QStringLiteral("tariffHours"));
    m_hours->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A selection would cover the period colours the strip is about.
    m_hours->setSelectionMode(QAbstractItemView::NoSelection);
    m_hours->setFocusPolicy(Qt::NoFocus);
    m_hours->horizontalHeader()->setMinimumSectionSize(22);
    m_hours->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_hours->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_hours->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_hours->setColumnCount(kHoursPerDay);
    QStringList hourLabels;
    for (int h = 0; h < kHoursPerDay; ++h)
        hourLabels << QString::number(h);
    m_hours->setHorizontalHeaderLabels(hourLabels);
    connect(m_hours, &QTableWidget::cellClicked, this, &TariffDialog::cycleHour);
    layout->addWidget(m_hours);

    // Four short numbers: at their own width, not stretched across the dialog.
    auto *charges = new QFormLayout;
    charges->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    charges->addRow(tr("Demand charge"), m_demandCharge);
    charges->addRow(tr("Feed-in (export)"), m_feedIn);
    charges->addRow(tr("Gas"), m_gas);
    charges->addRow(tr("Biomass"), m_biomass);
    layout->addLayout(charges);
    layout->addStretch(1);

    // Import and export apart from OK and Cancel: they do not close the dialog.
    auto *bottom = new QHBoxLayout;
    auto *import = new QPushButton(tr("Import…"), this);
    import->setObjectName(QStringLiteral("importTariff"));
    import->setAutoDefault(false);
    import->setToolTip(tr("Replace the fields with a tariff file (format: resources/energy/tariffs/README.md)"));
    connect(import, &QPushButton::clicked, this, &TariffDialog::chooseImport);
    bottom->addWidget(import);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportTariff"));
    exportButton->setAutoDefault(false);
    exportButton->setToolTip(tr("Save the tariff as edited here as a tariff file"));
    connect(exportButton, &QPushButton::clicked, this, &TariffDialog::chooseExport);
    bottom->addWidget(exportButton);
    bottom->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &TariffDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TariffDialog::reject);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    showTariff(m_project);
    resize(std::max(sizeHint().width(), 820), sizeHint().height());
}

void TariffDialog::showTariff(const Tariff &t)
{
    m_base = t;
    m_name->setText(t.name);
    m_basedOn->setText(t.key.isEmpty() ? tr("%1, %2 (edited)").arg(t.region, t.date)
                                       : tr("%1, %2 (bundled tariff %3)").arg(t.region, t.date, t.key));
    QString about = t.source;
    if (!t.notes.isEmpty())
        about += QStringLiteral("\n\n") + t.notes;
    m_basedOn->setToolTip(about);

    // Columns: every period of any season, dearest first, so the table reads as the tariff is told.
    QMap<QString, double> dearest;
    for (const Tariff::Season &s : t.seasons)
        for (auto it = s.prices.constBegin(); it != s.prices.constEnd(); ++it)
            dearest[it.key()] = std::max(dearest.value(it.key(), -kMaxPrice), it.value());
    m_periods = dearest.keys();
    std::stable_sort(m_periods.begin(), m_periods.end(),
                     [&dearest](const QString &a, const QString &b) { return dearest[a] > dearest[b]; });

    m_prices->clear();
    m_prices->setRowCount(int(t.seasons.size()));
    m_prices->setColumnCount(int(m_periods.size()));
    for (int c = 0; c < m_periods.size(); ++c) {
        auto *header = new QTableWidgetItem(periodLabel(m_periods[c]));
        header->setData(Qt::UserRole, m_periods[c]);
        header->setToolTip(m_periods[c]);
        m_prices->setHorizontalHeaderItem(c, header);
    }
    m_hours->setRowCount(int(t.seasons.size()));
    const QLocale locale;
    for (int r = 0; r < t.seasons.size(); ++r) {
        const Tariff::Season &s = t.seasons[r];
        QStringList months;
        for (int m : s.months)
            months << locale.monthName(m, QLocale::ShortFormat);
        for (QTableWidget *table : {m_prices, m_hours}) {
            auto *header = new QTableWidgetItem(s.name);
            header->setToolTip(months.join(QStringLiteral(", ")));
            table->setVerticalHeaderItem(r, header);
        }
        for (int c = 0; c < m_periods.size(); ++c) {
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (s.prices.contains(m_periods[c])) {
                item->setData(Qt::EditRole, s.prices.value(m_periods[c]));
                // The colour of the hours strip below, lighter: the table is the strip's legend.
                const QColor color = periodColor(m_periods[c]);
                item->setBackground(QColor::fromRgbF(0.5 + 0.5 * color.redF(), 0.5 + 0.5 * color.greenF(),
                                                     0.5 + 0.5 * color.blueF()));
                item->setForeground(QColor(Qt::black));
            } else {
                // The season has no such period: nothing to price (hours cannot be moved into it).
                item->setFlags(Qt::ItemIsEnabled);
                item->setBackground(palette().color(QPalette::Window));
                item->setToolTip(tr("%1 has no %2 period").arg(s.name, periodLabel(m_periods[c]).toLower()));
            }
            m_prices->setItem(r, c, item);
        }
        for (int h = 0; h < kHoursPerDay; ++h)
            showHour(r, h, s.hours.value(h));
    }
    m_prices->resizeRowsToContents();
    m_hours->resizeRowsToContents();
    fitHeight(m_prices);
    fitHeight(m_hours);

    const std::array<ScalarField, 4> scalars = scalarFields(m_demandCharge, m_feedIn, m_gas, m_biomass);
    for (const ScalarField &s : scalars) {
        s.box->setValue(t.*s.field);
        s.box->setToolTip(t.sources.value(QLatin1String(s.key)));
    }
}

void TariffDialog::showHour(int season, int hour, const QString &period)
{
    QTableWidgetItem *item = m_hours->item(season, hour);
    if (!item) {
        item = new QTableWidgetItem;
        item->setTextAlignment(Qt::AlignCenter);
        item->setFlags(Qt::ItemIsEnabled);
        m_hours->setItem(season, hour, item);
    }
    const QColor color = periodColor(period);
    item->setData(Qt::UserRole, period);
    item->setText(periodAbbreviation(period));
    item->setBackground(color);
    item->setForeground(textOn(color));
    item->setToolTip(tr("%1:00–%2:00: %3").arg(hour, 2, 10, QLatin1Char('0')).arg(hour + 1, 2, 10, QLatin1Char('0'))
                         .arg(periodLabel(period)));
}

void TariffDialog::cycleHour(int season, int hour)
{
    if (season < 0 || season >= m_base.seasons.size())
        return;
    // The periods this season has a price for, in the price table's order.
    QStringList periods;
    for (int c = 0; c < m_periods.size(); ++c)
        if (m_prices->item(season, c) && (m_prices->item(season, c)->flags() & Qt::ItemIsEditable))
            periods << m_periods[c];
    if (periods.size() < 2)
        return;
    const QString current = m_hours->item(season, hour)->data(Qt::UserRole).toString();
    showHour(season, hour, periods.value((periods.indexOf(current) + 1) % periods.size()));
}

QColor TariffDialog::periodColor(const QString &period) const
{
    // The usual names get the usual colours: dear is red, cheap is blue.
    static const QHash<QString, QColor> known{
        {QStringLiteral("critical_peak"), QColor(0xb7, 0x1c, 0x1c)}, {QStringLiteral("peak"), QColor(0xef, 0x6c, 0x00)},
        {QStringLiteral("flat"), QColor(0xfb, 0xc0, 0x2d)},          {QStringLiteral("shoulder"), QColor(0xfb, 0xc0, 0x2d)},
        {QStringLiteral("valley"), QColor(0x1e, 0x88, 0xe5)},        {QStringLiteral("off_peak"), QColor(0x1e, 0x88, 0xe5)},
        {QStringLiteral("deep_valley"), QColor(0x0d, 0x47, 0xa1)},
    };
    if (known.contains(period))
        return known.value(period);
    // Others by rank, from red (dearest) to blue (cheapest).
    const int rank = std::max(0, int(m_periods.indexOf(period)));
    const double t = m_periods.size() > 1 ? double(rank) / double(m_periods.size() - 1) : 0.5;
    return QColor::fromHsvF(float(0.6 * t), 0.7f, 0.9f);
}

Tariff TariffDialog::editedTariff() const
{
    Tariff t = m_base;
    t.key.clear();  // no longer the bundled file, whatever it was based on
    t.name = m_name->text().trimmed();
    bool pricesEdited = false;
    for (int r = 0; r < t.seasons.size(); ++r) {
        Tariff::Season &s = t.seasons[r];
        for (int c = 0; c < m_periods.size(); ++c) {
            const QTableWidgetItem *item = m_prices->item(r, c);
            if (!item || !(item->flags() & Qt::ItemIsEditable))
                continue;
            const double value = item->data(Qt::EditRole).toDouble();
            if (edited(value, s.prices.value(m_periods[c]), kPriceDecimals)) {
                s.prices[m_periods[c]] = value;
                pricesEdited = true;
            }
        }
        for (int h = 0; h < kHoursPerDay; ++h) {
            const QString period = m_hours->item(r, h)->data(Qt::UserRole).toString();
            if (period != s.hours.value(h)) {
                s.hours[h] = period;
                pricesEdited = true;
            }
        }
    }
    if (pricesEdited)
        t.pricesSource = markEdited(t.pricesSource);

    const std::array<ScalarField, 4> scalars = scalarFields(m_demandCharge, m_feedIn, m_gas, m_biomass);
    for (const ScalarField &s : scalars) {
        if (!edited(s.box->value(), t.*s.field, s.box->decimals()))
            continue;
        t.*s.field = s.box->value();
        const QString key = QLatin1String(s.key);
        t.sources[key] = markEdited(t.sources.value(key));
    }
    return t;
}

Status TariffDialog::importFile(const QString &path)
{
    Tariff imported;
    const Status status = Tariff::loadFile(path, &imported);
    if (!status) {
        showError(tr("%1 cannot be imported as a tariff.").arg(QFileInfo(path).fileName()), status.message);
        return status;
    }
    showTariff(imported);
    return status;
}

Status TariffDialog::exportFile(const QString &path)
{
    const QString file = QFileInfo(path).fileName();
    const Tariff t = editedTariff();
    const QJsonObject json = t.toJson();
    Tariff check;
    // What cannot be imported again is not worth writing.
    Status status = Tariff::fromJson(json, tr("The edited tariff"), &check);
    if (status) {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0
            || !out.commit())
            status = Status::error(tr("%1: cannot write (%2)").arg(QDir::toNativeSeparators(path), out.errorString()));
    }
    if (!status)
        showError(tr("The tariff cannot be exported to %1.").arg(file), status.message);
    return status;
}

void TariffDialog::accept()
{
    const Tariff t = editedTariff();
    const QJsonObject json = t.toJson();
    Tariff check;
    if (const Status status = Tariff::fromJson(json, tr("The edited tariff"), &check); !status) {
        showError(tr("The tariff cannot be used as it is."), status.message);
        return;  // open, so the planner can fix it
    }
    // OK without an edit keeps the project as it was (a bundled tariff stays a reference, not a copy).
    if (json != m_project.toJson()) {
        QVariantMap settings = m_document->town().settings;
        settings.insert(Tariff::kSettingKey, json.toVariantMap());
        m_document->setSettings(settings, m_document->town().rulesJson, tr("Edit tariff"));
    }
    QDialog::accept();
}

void TariffDialog::showError(const QString &text, const QString &details)
{
    // Not exec(): the dialog stays responsive, and a test can read and close the box.
    auto *box = new QMessageBox(QMessageBox::Warning, windowTitle(), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("tariffError"));
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void TariffDialog::chooseImport()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a tariff"),
                                                      settings.value(kTariffFolderKey).toString(),
                                                      tr("Tariff files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kTariffFolderKey, QFileInfo(path).absolutePath());
    static_cast<void>(importFile(path));  // a failure is shown in a message box
}

void TariffDialog::chooseExport()
{
    QSettings settings;
    // A file name from the tariff's name, as the bundled files are named.
    QString name = m_name->text().trimmed().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    name = name.left(48);
    while (name.endsWith(QLatin1Char('_')))
        name.chop(1);
    const QString folder = settings.value(kTariffFolderKey).toString();
    const QString suggested = QDir(folder).filePath((name.isEmpty() ? QStringLiteral("tariff") : name)
                                                    + QStringLiteral(".json"));
    QString path = QFileDialog::getSaveFileName(this, tr("Export the tariff"), suggested,
                                                tr("Tariff files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    settings.setValue(kTariffFolderKey, QFileInfo(path).absolutePath());
    static_cast<void>(exportFile(path));  // a failure is shown in a message box
}

} // namespace tt
