// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

namespace tt {

struct Town;

//! What the town pays and is paid for energy: a time-of-use electricity tariff
//! (periods by hour of day, seasons by month), a demand charge on each month's
//! peak import, the feed-in price of exported local generation and the fuel
//! prices. Read from a tariff file (resources/energy/tariffs/<key>.json, format
//! in its README) or from the edited copy a project keeps in its settings.
struct Tariff {
    //! The prices of a group of months.
    struct Season {
        QString name;
        QVector<int> months;           //!< 1..12
        QMap<QString, double> prices;  //!< CNY/kWh by period name ("peak", "valley", ...)
        QStringList hours;             //!< the period of each hour of the day, 24 names
    };

    //! A project names its tariff under this key: "bundled:KEY", or holds a whole edited tariff (a map).
    static inline const QString kSettingKey = QStringLiteral("tariff");
    static inline const QString kBundledPrefix = QStringLiteral("bundled:");
    //! The town buys at one 10 kV connection, as a two-part commercial user.
    static inline const QString kDefault = QStringLiteral("shanghai_2025_commercial");
    //! Costs in technologies.json are in this currency; a tariff must be too.
    static inline const QString kCurrency = QStringLiteral("CNY");

    QString key;  //!< the bundled file's name without .json; empty for an edited tariff
    QString name, region, currency, date, source, notes;
    QString pricesSource;
    QVector<Season> seasons;
    double demandChargePerKwMonth = 0.0;
    double feedInPerKwh = 0.0;
    double gasPerKwh = 0.0;
    double biomassPerKwh = 0.0;
    //! Where the scalar prices come from, by their key ("feed_in_per_kwh", ...).
    QMap<QString, QString> sources;

    //! Parses a tariff; errors read "WHERE: seasons[1] (Sep): hours[5] ...".
    static Status fromJson(const QJsonObject &root, const QString &where, Tariff *out);
    //! Parses a tariff file's contents.
    static Status load(const QByteArray &json, const QString &fileName, Tariff *out);
    static Status loadFile(const QString &path, Tariff *out);
    //! A bundled tariff by key; errors name resources/energy/tariffs/<key>.json.
    static Status loadBundled(const QString &key, Tariff *out);
    //! The bundled tariffs' keys, sorted.
    static QStringList bundledKeys();
    //! The tariff as its file holds it (what fromJson reads back to an equal tariff).
    QJsonObject toJson() const;

    //! The project's tariff: the edited one its settings hold, else the bundled one they
    //! name, else kDefault. `why` says which; a setting that cannot be used is said in
    //! `warnings` and the default applies.
    static Tariff forTown(const Town &town, QString *why = nullptr, QStringList *warnings = nullptr);

    //! The season of a month 1..12 (every month has one in a parsed tariff).
    const Season &seasonOf(int month) const;
    //! Period name and price of hour h of a 365-day year.
    QString periodAt(int h) const;
    double priceAt(int h) const;
    //! priceAt for every hour of the year.
    std::vector<double> hourlyPrices() const;
};

} // namespace tt
