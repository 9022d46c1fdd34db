// SPDX-License-Identifier: MIT
#include "Tariff.h"

#include "WeatherYear.h"
#include "core/BundledResources.h"
#include "core/Town.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
const QString kFolder = QStringLiteral("energy/tariffs/");
constexpr int kHoursPerDay = 24;
// Prices may be negative (paid to take power) but not absurd.
constexpr double kMaxPrice = 100.0;
constexpr double kMaxDemandCharge = 10000.0;

// The scalar prices: key, where they go, lowest allowed value.
struct Scalar {
    const char *key;
    double Tariff::*field;
    double min;
    double max;
};
const Scalar kScalars[] = {
    {"demand_charge_per_kw_month", &Tariff::demandChargePerKwMonth, 0.0, kMaxDemandCharge},
    {"feed_in_per_kwh", &Tariff::feedInPerKwh, -kMaxPrice, kMaxPrice},
    {"gas_per_kwh", &Tariff::gasPerKwh, 0.0, kMaxPrice},
    {"biomass_per_kwh", &Tariff::biomassPerKwh, 0.0, kMaxPrice},
};
const char *const kTexts[] = {"name", "region", "currency", "date", "source"};

QString describe(const QJsonValue &v)
{
    if (v.isString())
        return QStringLiteral("\"%1\"").arg(v.toString().left(40));
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray())
        return QStringLiteral("a list");
    if (v.isObject())
        return QStringLiteral("an object");
    return v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("null");
}

QString bundledPath(const QString &key)
{
    return QStringLiteral("resources/") + kFolder + key + QStringLiteral(".json");
}

//! Reads one tariff; every error names where it is.
class Reader {
public:
    Reader(const QString &where, Tariff *out)
        : m_where(where), m_out(out)
    {
    }
    Status read(const QJsonObject &root);

private:
    Status error(const QString &what) const { return Status::error(m_where + QStringLiteral(": ") + what); }
    Status readSeason(int index, const QJsonValue &value, bool monthTaken[12]);

    QString m_where;
    Tariff *m_out;
};

Status Reader::read(const QJsonObject &root)
{
    QStringList known{QStringLiteral("version"), QStringLiteral("notes"), QStringLiteral("energy_prices")};
    for (const char *t : kTexts)
        known << QLatin1String(t);
    for (const Scalar &s : kScalars)
        known << QLatin1String(s.key);
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!known.contains(it.key()))
            return error(QStringLiteral("unknown key '%1' (known: %2)").arg(it.key(), known.join(QStringLiteral(", "))));
    if (root.value(QLatin1String("version")) != QJsonValue(1))
        return error(QStringLiteral("version is %1, expected 1").arg(describe(root.value(QLatin1String("version")))));
    QString *texts[] = {&m_out->name, &m_out->region, &m_out->currency, &m_out->date, &m_out->source};
    for (size_t i = 0; i < std::size(kTexts); ++i) {
        const QJsonValue v = root.value(QLatin1String(kTexts[i]));
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return error(QStringLiteral("'%1' is %2, must be a text that is not empty")
                             .arg(QLatin1String(kTexts[i]), describe(v)));
        *texts[i] = v.toString();
    }
    if (m_out->currency != Tariff::kCurrency)
        return error(QStringLiteral("currency is '%1': TownTwin's technology costs are in %2, so the tariff must be too")
                         .arg(m_out->currency, Tariff::kCurrency));
    const QJsonValue notes = root.value(QLatin1String("notes"));
    if (!notes.isUndefined() && !notes.isString())
        return error(QStringLiteral("'notes' is %1, must be text").arg(describe(notes)));
    m_out->notes = notes.toString();

    for (const Scalar &s : kScalars) {
        const QString key = QLatin1String(s.key);
        const QJsonValue v = root.value(key);
        const QJsonObject o = v.toObject();
        const QJsonValue value = o.value(QLatin1String("value"));
        if (!v.isObject() || !value.isDouble() || !o.value(QLatin1String("source")).isString())
            return error(QStringLiteral("'%1' is %2, must be {\"value\": number, \"source\": text}").arg(key, describe(v)));
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != QLatin1String("value") && it.key() != QLatin1String("source"))
                return error(QStringLiteral("%1: unknown key '%2' (known: value, source)").arg(key, it.key()));
        const double d = value.toDouble();
        if (!(d >= s.min && d <= s.max))
            return error(QStringLiteral("%1 is %2, out of range: must be from %3 up to %4").arg(key).arg(d).arg(s.min).arg(s.max));
        m_out->*s.field = d;
        m_out->sources.insert(key, o.value(QLatin1String("source")).toString());
    }

    const QJsonValue prices = root.value(QLatin1String("energy_prices"));
    const QJsonObject p = prices.toObject();
    if (!prices.isObject() || !p.value(QLatin1String("source")).isString()
        || !p.value(QLatin1String("seasons")).isArray())
        return error(QStringLiteral("'energy_prices' is %1, must be {\"source\": text, \"seasons\": [...]}")
                         .arg(describe(prices)));
    for (auto it = p.begin(); it != p.end(); ++it)
        if (it.key() != QLatin1String("source") && it.key() != QLatin1String("seasons"))
            return error(QStringLiteral("energy_prices: unknown key '%1' (known: source, seasons)").arg(it.key()));
    m_out->pricesSource = p.value(QLatin1String("source")).toString();
    const QJsonArray seasons = p.value(QLatin1String("seasons")).toArray();
    bool monthTaken[12] = {};
    for (int i = 0; i < seasons.size(); ++i)
        if (const Status s = readSeason(i, seasons[i], monthTaken); !s)
            return s;
    QStringList missing;
    for (int m = 0; m < 12; ++m)
        if (!monthTaken[m])
            missing << QString::number(m + 1);
    if (!missing.isEmpty())
        return error(QStringLiteral("energy_prices: month %1 in no season; every month 1-12 needs one")
                         .arg(missing.join(QStringLiteral(", "))));
    return Status::success();
}

Status Reader::readSeason(int index, const QJsonValue &value, bool monthTaken[12])
{
    const QJsonObject o = value.toObject();
    QString where = QStringLiteral("energy_prices: seasons[%1]").arg(index);
    if (!value.isObject())
        return error(QStringLiteral("%1 is %2, must be an object").arg(where, describe(value)));
    Tariff::Season season;
    season.name = o.value(QLatin1String("name")).toString();
    if (season.name.trimmed().isEmpty())
        return error(QStringLiteral("%1: 'name' is %2, must be a text that is not empty")
                         .arg(where, describe(o.value(QLatin1String("name")))));
    where += QStringLiteral(" (%1)").arg(season.name);
    const QStringList keys{QStringLiteral("name"), QStringLiteral("months"), QStringLiteral("prices"),
                           QStringLiteral("hours")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!keys.contains(it.key()))
            return error(QStringLiteral("%1: unknown key '%2' (known: %3)")
                             .arg(where, it.key(), keys.join(QStringLiteral(", "))));

    const QJsonValue months = o.value(QLatin1String("months"));
    if (!months.isArray() || months.toArray().isEmpty())
        return error(QStringLiteral("%1: 'months' is %2, must be a list of months 1-12").arg(where, describe(months)));
    for (const QJsonValue &m : months.toArray()) {
        const double d = m.toDouble();
        if (!m.isDouble() || d != std::floor(d) || d < 1 || d > 12)
            return error(QStringLiteral("%1: month %2 is not a whole number from 1 to 12").arg(where, describe(m)));
        if (monthTaken[int(d) - 1])
            return error(QStringLiteral("%1: month %2 is in an earlier season too").arg(where).arg(int(d)));
        monthTaken[int(d) - 1] = true;
        season.months.append(int(d));
    }

    const QJsonValue prices = o.value(QLatin1String("prices"));
    if (!prices.isObject() || prices.toObject().isEmpty())
        return error(QStringLiteral("%1: 'prices' is %2, must be an object of CNY/kWh by period")
                         .arg(where, describe(prices)));
    const QJsonObject po = prices.toObject();
    for (auto it = po.begin(); it != po.end(); ++it) {
        const double d = it.value().toDouble();
        if (!it.value().isDouble() || !(std::abs(d) <= kMaxPrice))
            return error(QStringLiteral("%1: price of '%2' is %3, must be a number from -%4 up to %4")
                             .arg(where, it.key(), describe(it.value()))
                             .arg(kMaxPrice));
        season.prices.insert(it.key(), d);
    }

    const QJsonValue hours = o.value(QLatin1String("hours"));
    if (!hours.isArray() || hours.toArray().size() != kHoursPerDay)
        return error(QStringLiteral("%1: 'hours' is %2, must be a list of %3 period names (00:00-01:00 first)")
                         .arg(where, hours.isArray() ? QStringLiteral("a list of %1").arg(hours.toArray().size())
                                                     : describe(hours))
                         .arg(kHoursPerDay));
    const QJsonArray list = hours.toArray();
    for (int h = 0; h < kHoursPerDay; ++h) {
        const QString period = list[h].toString();
        if (!season.prices.contains(period))
            return error(QStringLiteral("%1: hours[%2] is %3, not a period with a price (known: %4)")
                             .arg(where)
                             .arg(h)
                             .arg(describe(list[h]), season.prices.keys().join(QStringLiteral(", "))));
        season.hours.append(period);
    }
    for (auto it = season.prices.constBegin(); it != season.prices.constEnd(); ++it)
        if (!season.hours.contains(it.key()))
            return error(QStringLiteral("%1: period '%2' has a price but no hour").arg(where, it.key()));
    m_out->seasons.append(season);
    return Status::success();
}
} // namespace

Status Tariff::fromJson(const QJsonObject &root, const QString &where, Tariff *out)
{
    Tariff parsed;
    const Status s = Reader(where, &parsed).read(root);
    if (s)
        *out = std::move(parsed);
    return s;
}

Status Tariff::load(const QByteArray &json, const QString &fileName, Tariff *out)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Status::error(QStringLiteral("%1: not JSON (%2 at byte %3)")
                                 .arg(fileName, parseError.errorString())
                                 .arg(parseError.offset));
    if (!document.isObject())
        return Status::error(QStringLiteral("%1: not a JSON object").arg(fileName));
    return fromJson(document.object(), fileName, out);
}

Status Tariff::loadFile(const QString &path, Tariff *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::error(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()),
                             ErrorCode::CannotOpen);
    return load(file.readAll(), path, out);
}

Status Tariff::loadBundled(const QString &key, Tariff *out)
{
    if (!bundledKeys().contains(key))
        return Status::error(QStringLiteral("%1: no such bundled tariff (bundled: %2)")
                                 .arg(bundledPath(key), bundledKeys().join(QStringLiteral(", "))),
                             ErrorCode::CannotOpen);
    Tariff t;
    const Status s = load(BundledResources::read(kFolder + key + QStringLiteral(".json")), bundledPath(key), &t);
    if (s) {
        t.key = key;
        *out = std::move(t);
    }
    return s;
}

QStringList Tariff::bundledKeys()
{
    BundledResources::ensureRegistered();
    QStringList keys;
    for (const QString &name : QDir(QStringLiteral(":/towntwin/") + kFolder)
                                   .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        keys << QFileInfo(name).completeBaseName();
    return keys;
}

QJsonObject Tariff::toJson() const
{
    QJsonArray seasonList;
    for (const Season &s : seasons) {
        QJsonObject prices;
        for (auto it = s.prices.constBegin(); it != s.prices.constEnd(); ++it)
            prices.insert(it.key(), it.value());
        QJsonArray months;
        for (int m : s.months)
            months.append(m);
        seasonList.append(QJsonObject{{"name", s.name},
                                      {"months", months},
                                      {"prices", prices},
                                      {"hours", QJsonArray::fromStringList(s.hours)}});
    }
    QJsonObject root{{"version", 1},
                     {"name", name},
                     {"region", region},
                     {"currency", currency},
                     {"date", date},
                     {"source", source},
                     {"energy_prices", QJsonObject{{"source", pricesSource}, {"seasons", seasonList}}}};
    if (!notes.isEmpty())
        root.insert("notes", notes);
    for (const Scalar &s : kScalars)
        root.insert(QLatin1String(s.key),
                    QJsonObject{{"value", this->*s.field}, {"source", sources.value(QLatin1String(s.key))}});
    return root;
}

Tariff Tariff::forTown(const Town &town, QString *why, QStringList *warnings)
{
    const QVariant setting = town.settings.value(kSettingKey);
    const auto fallBack = [&](const QString &problem) {
        if (warnings && !problem.isEmpty())
            warnings->append(problem + QStringLiteral("; the default tariff %1 applies").arg(kDefault));
        if (why)
            *why = problem.isEmpty() ? QStringLiteral("the default") : QStringLiteral("the default (the project's could not be used)");
        Tariff t;
        const Status s = loadBundled(kDefault, &t);
        // A broken bundled tariff is a build defect: tst_tariff parses every one.
        Q_ASSERT_X(s.ok, "Tariff::forTown", qPrintable(s.message));
        return t;
    };
    if (!setting.isValid())
        return fallBack(QString());
    if (setting.metaType().id() == QMetaType::QVariantMap) {
        Tariff t;
        const Status s = fromJson(QJsonObject::fromVariantMap(setting.toMap()),
                                  QStringLiteral("the project's edited tariff (setting '%1')").arg(kSettingKey), &t);
        if (!s)
            return fallBack(s.message);
        if (why)
            *why = QStringLiteral("the project's edited tariff");
        return t;
    }
    const QString reference = setting.toString();
    if (!reference.startsWith(kBundledPrefix))
        return fallBack(QStringLiteral("setting '%1' is '%2', neither \"%3KEY\" nor an edited tariff")
                            .arg(kSettingKey, reference, kBundledPrefix));
    Tariff t;
    if (const Status s = loadBundled(reference.mid(kBundledPrefix.size()), &t); !s)
        return fallBack(s.message);
    if (why)
        *why = QStringLiteral("the project's choice");
    return t;
}

const Tariff::Season &Tariff::seasonOf(int month) const
{
    for (const Season &s : seasons)
        if (s.months.contains(month))
            return s;
    static const Season none{QString(), {}, {{QString(), 0.0}}, QStringList(kHoursPerDay, QString())};
    return none;
}

QString Tariff::periodAt(int h) const
{
    return seasonOf(WeatherYear::monthOf(h) + 1).hours.value(WeatherYear::hourOfDay(h));
}

double Tariff::priceAt(int h) const
{
    const Season &s = seasonOf(WeatherYear::monthOf(h) + 1);
    return s.prices.value(s.hours.value(WeatherYear::hourOfDay(h)));
}

std::vector<double> Tariff::hourlyPrices() const
{
    std::vector<double> out(WeatherYear::kHours);
    for (int h = 0; h < WeatherYear::kHours; ++h)
        out[size_t(h)] = priceAt(h);
    return out;
}

} // namespace tt
