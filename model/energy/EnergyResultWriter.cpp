// SPDX-License-Identifier: MIT
#include "EnergyResultWriter.h"

#include <QDate>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace tt {

namespace {
QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

Status save(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::error(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    file.write(data);
    if (!file.commit())
        return Status::error(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return Status::success();
}

QByteArray buildingsCsv(const SimulationResult &r)
{
    QByteArray out;
    QTextStream s(&out);
    s << "id,source_id,name,use,year,gfa_m2,basement_m2,electricity_mwh,heating_mwh,cooling_mwh,cooling_latent_mwh,"
         "cooling_it_mwh,dhw_mwh,pv_mwh,peak_electric_kw,peak_heating_kw,peak_cooling_kw\n";
    s.setRealNumberNotation(QTextStream::FixedNotation);
    for (int i = 0; i < r.buildings.size(); ++i) {
        const BuildingDemand &d = r.buildings[i];
        const Building &b = r.simulatedBuildings[i];
        s.setRealNumberPrecision(1);
        s << d.id << ',' << csvField(b.sourceId) << ',' << csvField(b.name) << ',' << buildinguse::key(b.use) << ','
          << b.year << ',' << d.gfaM2 << ',' << d.basementM2 << ',';
        s.setRealNumberPrecision(4);
        s << d.electricityKwh / 1000.0 << ',' << d.heatingKwh / 1000.0 << ',' << d.coolingKwh / 1000.0 << ','
          << d.coolingLatentKwh / 1000.0 << ',' << d.coolingItKwh / 1000.0 << ',' << d.dhwKwh / 1000.0 << ',' << r.system.pvKwhByBuilding.value(d.id, 0.0) / 1000.0 << ',';
        s.setRealNumberPrecision(2);
        s << d.peakElectricKw << ',' << d.peakHeatingKw << ',' << d.peakCoolingKw << '\n';
    }
    s.flush();
    return out;
}

QByteArray hourlyCsv(const SimulationResult &r, const WeatherYear &weather)
{
    QByteArray out;
    out.reserve(WeatherYear::kHours * kFlowCount * 10);
    QTextStream s(&out);
    s << "timestamp";
    for (int f = 0; f < kFlowCount; ++f)
        s << ',' << DispatchResult::flowKey(Flow(f));
    s << '\n';
    s.setRealNumberNotation(QTextStream::FixedNotation);
    s.setRealNumberPrecision(2);
    // Weather years have 365 days: month and day come from a non-leap year.
    const QDate nonLeap(2001, 1, 1);
    for (int h = 0; h < r.dispatch.hours(); ++h) {
        const QDate day = nonLeap.addDays(h / 24);
        s << QStringLiteral("%1-%2-%3T%4:00")
                 .arg(weather.year, 4, 10, QLatin1Char('0'))
                 .arg(day.month(), 2, 10, QLatin1Char('0'))
                 .arg(day.day(), 2, 10, QLatin1Char('0'))
                 .arg(h % 24, 2, 10, QLatin1Char('0'));
        for (int f = 0; f < kFlowCount; ++f)
            s << ',' << r.dispatch.flows[f][h];
        s << '\n';
    }
    s.flush();
    return out;
}

QByteArray networkCsv(const NetworkYearResult &n)
{
    QByteArray out;
    QTextStream s(&out);
    s << "hour,electric_losses_kw,min_voltage_pu,max_line_loading,heat_losses_kw,pumping_kw,cooling_gains_kw\n";
    s.setRealNumberNotation(QTextStream::FixedNotation);
    for (size_t h = 0; h < n.hours.size(); ++h) {
        const NetworkHour &x = n.hours[h];
        s << h << ',' << qSetRealNumberPrecision(3) << x.electricLossesKw << ',' << qSetRealNumberPrecision(5)
          << x.minVoltagePu << ',' << qSetRealNumberPrecision(4) << x.maxLineLoading << ',' << qSetRealNumberPrecision(3)
          << x.heatLossesKw << ',' << x.pumpingKw << ',' << x.coolingGainsKw << '\n';
    }
    s.flush();
    return out;
}

QJsonObject networksJson(const NetworkYearResult &n)
{
    const auto worst = [&n](int hour, double NetworkHour::*field) {
        return hour < 0 ? QJsonValue() : QJsonValue(n.hours[size_t(hour)].*field);
    };
    return {{"electric_losses_mwh", n.electricLossesKwh() / 1000.0},
            {"heat_losses_mwh", n.heatLossesKwh() / 1000.0},
            {"cooling_gains_mwh", n.coolingGainsKwh() / 1000.0},
            {"pumping_mwh", n.pumpingKwh() / 1000.0},
            {"min_voltage_pu", worst(n.minVoltageHour, &NetworkHour::minVoltagePu)},
            {"min_voltage_hour", n.minVoltageHour < 0 ? QJsonValue() : QJsonValue(n.minVoltageHour)},
            {"max_line_loading", worst(n.maxLoadingHour, &NetworkHour::maxLineLoading)},
            {"max_loading_hour", n.maxLoadingHour < 0 ? QJsonValue() : QJsonValue(n.maxLoadingHour)}};
}

// What the weather file brought: how much of it was filled in, and whether it is the site's climate at all.
QJsonObject weatherJson(const WeatherYear &weather, const Site &site, const QString &chosenBy)
{
    QJsonObject filled;
    for (auto it = weather.filledByField.cbegin(); it != weather.filledByField.cend(); ++it)
        filled.insert(it.key(), it.value());
    filled.insert(QStringLiteral("total"), weather.filledValues());
    const double km = weather.stationDistanceKm(site);
    QStringList location{weather.locationName, weather.region, weather.country};
    location.removeAll(QString());
    return {{"file", weather.source},
            {"chosen_by", chosenBy.isEmpty() ? QJsonValue() : QJsonValue(chosenBy)},
            {"location", location.join(QStringLiteral(", "))},
            {"source", weather.dataSource},
            {"latitude", weather.latitudeDeg},
            {"longitude", weather.longitudeDeg},
            {"station_distance_km", std::isnan(km) ? QJsonValue() : QJsonValue(std::round(km * 10.0) / 10.0)},
            {"filled_values", filled},
            {"warnings", QJsonArray::fromStringList(weather.siteWarnings(site))}};
}
} // namespace

Status EnergyResultWriter::write(const QString &dir, const SimulationResult &result, const WeatherYear &weather,
                                 const Site &site, const QString &weatherChosenBy)
{
    if (!result.status)
        return result.status;
    if (!QDir().mkpath(dir))
        return Status::error(QStringLiteral("%1: cannot create the output directory").arg(dir));
    const QDir d(dir);
    Status s = save(d.filePath(QStringLiteral("buildings_annual.csv")), buildingsCsv(result));
    if (s)
        s = save(d.filePath(QStringLiteral("town_hourly.csv")), hourlyCsv(result, weather));
    if (s && !result.networks.isEmpty())
        s = save(d.filePath(QStringLiteral("network_hourly.csv")), networkCsv(result.networks));
    if (s) {
        QJsonObject kpis = result.kpis.toJson();
        kpis.insert(QStringLiteral("weather"), weatherJson(weather, site, weatherChosenBy));
        kpis.insert(QStringLiteral("archetypes"), QJsonObject{{"set", result.archetypeSet},
                                                              {"name", result.archetypeSetName},
                                                              {"chosen_by", result.archetypeSetReason}});
        const Tariff &t = result.tariff;
        kpis.insert(QStringLiteral("tariff"),
                    QJsonObject{{"key", t.key.isEmpty() ? QJsonValue() : QJsonValue(t.key)},
                                {"name", t.name},
                                {"region", t.region},
                                {"date", t.date},
                                {"chosen_by", result.tariffReason},
                                {"demand_charge_per_kw_month", t.demandChargePerKwMonth},
                                {"feed_in_per_kwh", t.feedInPerKwh},
                                {"gas_per_kwh", t.gasPerKwh},
                                {"biomass_per_kwh", t.biomassPerKwh}});
        kpis.insert(QStringLiteral("economics"), result.economics.toJson());
        kpis.insert(QStringLiteral("networks"),
                    result.networks.isEmpty() ? QJsonValue() : QJsonValue(networksJson(result.networks)));
        s = save(d.filePath(QStringLiteral("kpis.json")), QJsonDocument(kpis).toJson());
    }
    return s;
}

} // namespace tt
