// SPDX-License-Identifier: MIT
// The EPW conventions on the real Zug and Shanghai files, damaged one way per
// test: missing markers are filled and counted, a field missing everywhere is
// refused by name, impossible values and records out of order, twice or
// missing are refused with the file, the line and the field.
#include "EpwText.h"
#include "TestData.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"

#include <QTest>

#include <cmath>

using namespace tt;
using testdata::EpwText;

namespace {
const QString kZug = QStringLiteral("zug-cea/weather.epw");
//! The Shanghai year the program ships (resources/weather), as the app reads it.
QString shanghaiEpw()
{
    return ProjectWeather::resolve(ProjectWeather::kShanghai, QString());
}
// 0-based fields of the data record.
constexpr int kDryBulb = 6, kDewPoint = 7, kHumidity = 8, kGhi = 13, kDni = 14, kDhi = 15, kWind = 21;
} // namespace

class TestEpwConventions : public QObject {
    Q_OBJECT
private:
    EpwText m_zug, m_shanghai;

    //! Parses `epw` as `name`; the failure's message, or "" when it was read.
    static QString refusal(const EpwText &epw, const QString &name, WeatherYear *out = nullptr)
    {
        WeatherYear w;
        const Status s = EpwReader::parse(epw.bytes(), name, out ? out : &w);
        return s.ok ? QString() : s.message;
    }
    //! "name:LINE:" at the start of a message.
    static QString at(const QString &name, int line) { return QStringLiteral("%1:%2:").arg(name).arg(line); }

private slots:
    void initTestCase()
    {
        TT_REQUIRE_TEST_DATA(kZug);
        m_zug = EpwText::load(testdata::path(kZug));
        m_shanghai = EpwText::load(shanghaiEpw());
        QCOMPARE(m_zug.rows.size(), 8760);
        QCOMPARE(m_shanghai.rows.size(), 8760);
    }

    void realFilesNeedNothingFilled()
    {
        WeatherYear w;
        const Status s = EpwReader::read(shanghaiEpw(), &w);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(w.locationName, QStringLiteral("Shanghai-Hongqiao.Intl.AP"));
        QCOMPARE(w.latitudeDeg, 31.198);
        QCOMPARE(w.longitudeDeg, 121.336);
        QCOMPARE(w.filledValues(), 0);
        // Every series the model uses is listed, with its count.
        QCOMPARE(w.filledByField.keys(),
                 QStringList({"atmospheric_station_pressure", "dew_point_temperature", "diffuse_horizontal_radiation",
                              "direct_normal_radiation", "dry_bulb_temperature", "global_horizontal_radiation",
                              "wind_speed"}));
    }

    void humidityAndGroundTemperatures()
    {
        WeatherYear w;
        const Status s = EpwReader::read(shanghaiEpw(), &w);
        QVERIFY2(s.ok, qPrintable(s.message));
        QVERIFY(w.hasHumidity());
        QCOMPARE(w.elevationM, 3.0);
        // 1 January 01:00: dew point -5 °C at 101287 Pa. Vapour pressure 421.7 Pa (ASHRAE
        // Fundamentals table 3 gives 421.7 Pa over water at -5 °C): 0.621945 · 421.7 / (101287 - 421.7).
        QCOMPARE(w.dewPointC[0], -5.0);
        QVERIFY2(std::abs(w.humidityRatioGPerKg(0) - 2.600) < 0.01, qPrintable(QString::number(w.humidityRatioGPerKg(0))));
        // The indoor cap of GB 50736 comfort class II cooling: 26 °C and 60 % is about 12.6 g/kg at sea level.
        QVERIFY(std::abs(WeatherYear::humidityRatioAt(26.0, 0.60) - 12.6) < 0.1);
        // Shanghai summers are humid: July's mean outdoor humidity ratio is above that cap.
        double july = 0.0;
        for (int h = 181 * 24; h < 212 * 24; ++h)
            july += w.humidityRatioGPerKg(h) / (31 * 24);
        QVERIFY2(july > 17.0 && july < 24.0, qPrintable(QString::number(july)));

        // GROUND TEMPERATURES: 0.5, 2 and 4 m, monthly; the nearest depth is used.
        QCOMPARE(int(w.ground.size()), 3);
        QCOMPARE(w.ground[0].depthM, 0.5);
        QCOMPARE(w.ground[2].monthlyC[0], 16.33);
        const std::vector<double> at4m = w.groundTemperatureC(5.0);
        QCOMPARE(at4m[0], 16.33);             // January
        QCOMPARE(at4m[8759], 19.19);          // December
        QCOMPARE(at4m[181 * 24], 17.45);      // 1 July: the ground lags the air by months
        QCOMPARE(w.groundTemperatureC(0.0)[0], 10.84);
        // Without the header line: the year's mean air temperature at every depth.
        WeatherYear flat = WeatherYear::constant(12.5, 0, 0, 0, 1);
        QCOMPARE(flat.groundTemperatureC(2.0)[4000], 12.5);
        QVERIFY(!flat.hasHumidity());
        QCOMPARE(flat.humidityRatioGPerKg(0), 0.0);
    }

    // −9999 is no EPW marker for a temperature: a day of it is refused, not simulated.
    void minus9999DayIsImpossible()
    {
        EpwText epw = m_zug;
        const int firstRow = 20 * 24;  // 21 January
        for (int r = firstRow; r < firstRow + 24; ++r)
            epw.set(r, kDryBulb, "-9999");
        const QString message = refusal(epw, QStringLiteral("cold.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("cold.epw"), EpwText::lineOf(firstRow))), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("dry-bulb temperature (field 7) is -9999")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("impossible")), qPrintable(message));
    }

    void fieldMissingEverywhereIsNamed()
    {
        EpwText epw = m_zug;
        for (int r = 0; r < epw.rows.size(); ++r)
            epw.set(r, kDryBulb, "99.9");
        const QString message = refusal(epw, QStringLiteral("nodrybulb.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("nodrybulb.epw"), EpwText::lineOf(0))), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("dry-bulb temperature (field 7) is missing (99.9) in every record")),
                 qPrintable(message));

        // Humidity may be missing throughout: the file is read, without humidity (no latent loads).
        epw = m_zug;
        for (int r = 0; r < epw.rows.size(); ++r) {
            epw.set(r, kDewPoint, "99.9");
            epw.set(r, kHumidity, "999");
        }
        WeatherYear w;
        QCOMPARE(refusal(epw, QStringLiteral("nohumidity.epw"), &w), QString());
        QCOMPARE(w.filledValues(), 0);
        QVERIFY(!w.hasHumidity());
    }

    void someMissingAreInterpolatedAndCounted()
    {
        // 6 May in Shanghai: 22 °C at 07:00-08:00, 19 °C at 11:00-12:00; the sun rising from 241 to 665 Wh/m².
        EpwText epw = m_shanghai;
        QCOMPARE(epw.value(3007, kDryBulb), 22.0);
        QCOMPARE(epw.value(3011, kDryBulb), 19.0);
        QCOMPARE(epw.value(3008, kGhi), 241.0);
        QCOMPARE(epw.value(3011, kGhi), 665.0);
        for (int r : {3008, 3009, 3010})
            epw.set(r, kDryBulb, "99.9");
        epw.set(3009, kGhi, "9999");
        epw.set(3010, kGhi, "9999.0");
        WeatherYear w;
        QCOMPARE(refusal(epw, QStringLiteral("gaps.epw"), &w), QString());
        // By hand: 22 − 3/4, 22 − 6/4, 22 − 9/4; 241 + 424/3, 241 + 848/3.
        QCOMPARE(w.dryBulbC[3008], 21.25);
        QCOMPARE(w.dryBulbC[3009], 20.5);
        QCOMPARE(w.dryBulbC[3010], 19.75);
        QVERIFY(std::abs(w.ghi[3009] - 382.3333333) < 1e-6);
        QVERIFY(std::abs(w.ghi[3010] - 523.6666667) < 1e-6);
        QCOMPARE(w.filledByField.value(QStringLiteral("dry_bulb_temperature")), 3);
        QCOMPARE(w.filledByField.value(QStringLiteral("global_horizontal_radiation")), 2);
        QCOMPARE(w.filledByField.value(QStringLiteral("wind_speed")), 0);
        QCOMPARE(w.filledValues(), 5);
    }

    void disorderedRecordIsRefusedWithItsLine()
    {
        EpwText epw = m_zug;
        epw.rows.swapItemsAt(500, 501);  // 21 January hours 21 and 22
        const QString message = refusal(epw, QStringLiteral("swapped.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("swapped.epw"), EpwText::lineOf(501))), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("21 January hour 21 after 21 January hour 22")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("out of date order")), qPrintable(message));

        // A record moved to the end of the file.
        epw = m_zug;
        epw.rows.append(epw.rows.takeAt(1000));
        const QString moved = refusal(epw, QStringLiteral("moved.epw"));
        QVERIFY2(moved.startsWith(at(QStringLiteral("moved.epw"), EpwText::lineOf(8759))), qPrintable(moved));
        QVERIFY2(moved.contains(QLatin1String("out of date order")), qPrintable(moved));
    }

    void duplicatedOrMissingHourIsRefused()
    {
        EpwText epw = m_zug;
        epw.rows[600] = epw.rows[599];
        QString message = refusal(epw, QStringLiteral("twice.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("twice.epw"), EpwText::lineOf(600))), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("duplicated hour")) && message.contains(QLatin1String("line 608")),
                 qPrintable(message));

        epw = m_zug;
        epw.rows.removeAt(700);  // 30 January hour 5
        message = refusal(epw, QStringLiteral("gap.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("gap.epw"), EpwText::lineOf(700))), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("30 January hour 6 follows 30 January hour 4")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("1 hour is missing")), qPrintable(message));

        // A whole day gone, the first hour gone, the last hour gone.
        epw = m_zug;
        epw.rows.remove(24 * 40, 24);
        message = refusal(epw, QStringLiteral("day.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("day.epw"), EpwText::lineOf(24 * 40)))
                     && message.contains(QLatin1String("24 hours are missing")),
                 qPrintable(message));
        epw = m_zug;
        epw.rows.removeFirst();
        message = refusal(epw, QStringLiteral("late.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("late.epw"), EpwText::lineOf(0)))
                     && message.contains(QLatin1String("the first record is 1 January hour 2")),
                 qPrintable(message));
        epw = m_zug;
        epw.rows.removeLast();
        message = refusal(epw, QStringLiteral("early.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("early.epw"), EpwText::lineOf(8758)))
                     && message.contains(QLatin1String("8759 hourly records")),
                 qPrintable(message));

        // Sub-hourly files announce themselves in DATA PERIODS.
        epw = m_zug;
        epw.header[7].replace("DATA PERIODS,1,1,", "DATA PERIODS,1,4,");
        message = refusal(epw, QStringLiteral("quarter.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("quarter.epw"), 8)) && message.contains(QLatin1String("4 records per hour")),
                 qPrintable(message));
    }

    void irradianceAboveTheSolarConstantIsRefused()
    {
        EpwText epw = m_shanghai;
        epw.set(4500, kGhi, "1400");
        QString message = refusal(epw, QStringLiteral("bright.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("bright.epw"), EpwText::lineOf(4500)))
                     && message.contains(QLatin1String("global horizontal radiation (field 14) is 1400")),
                 qPrintable(message));

        epw = m_shanghai;
        epw.set(4501, kDni, "5000");
        message = refusal(epw, QStringLiteral("beam.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("beam.epw"), EpwText::lineOf(4501)))
                     && message.contains(QLatin1String("direct normal radiation (field 15) is 5000")),
                 qPrintable(message));

        // Negative irradiance is no marker either.
        epw = m_shanghai;
        epw.set(4502, kDhi, "-5");
        message = refusal(epw, QStringLiteral("dark.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("dark.epw"), EpwText::lineOf(4502)))
                     && message.contains(QLatin1String("diffuse horizontal radiation (field 16) is -5")),
                 qPrintable(message));

        // Up to the solar constant is weather.
        epw = m_shanghai;
        epw.set(4500, kGhi, "1367");
        QCOMPARE(refusal(epw, QStringLiteral("clear.epw")), QString());
    }

    void impossibleLocationIsRefused_data()
    {
        // Fuzz findings epw-1 and epw-2: NaN passed the old "abs(x) > 90" check, a time zone had none.
        QTest::addColumn<int>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("NaN latitude") << 6 << QByteArray("nan");
        QTest::newRow("latitude 91") << 6 << QByteArray("91");
        QTest::newRow("NaN longitude") << 7 << QByteArray("nan");
        QTest::newRow("infinite time zone") << 8 << QByteArray("inf");
        QTest::newRow("time zone 1e300") << 8 << QByteArray("1e300");
        QTest::newRow("time zone +15") << 8 << QByteArray("15");
    }

    void impossibleLocationIsRefused()
    {
        QFETCH(int, field);
        QFETCH(QByteArray, value);
        EpwText epw = m_zug;
        QList<QByteArray> location = epw.header[0].split(',');
        location[field] = value;
        epw.header[0] = location.join(',');
        const QString message = refusal(epw, QStringLiteral("place.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("place.epw"), 1)) && message.contains(QLatin1String("LOCATION"))
                     && message.contains(QString::fromLatin1(value)),
                 qPrintable(message));
    }

    void otherImpossibleValuesAreRefused_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("hot") << kDryBulb << QByteArray("61") << QStringLiteral("dry-bulb temperature (field 7) is 61");
        QTest::newRow("humid") << kHumidity << QByteArray("120") << QStringLiteral("relative humidity (field 9) is 120");
        QTest::newRow("storm") << kWind << QByteArray("80") << QStringLiteral("wind speed (field 22) is 80");
        QTest::newRow("backwards wind") << kWind << QByteArray("-1") << QStringLiteral("wind speed (field 22) is -1");
        QTest::newRow("text") << kWind << QByteArray("calm") << QStringLiteral("wind speed (field 22) is not a number");
    }

    void otherImpossibleValuesAreRefused()
    {
        QFETCH(int, field);
        QFETCH(QByteArray, value);
        QFETCH(QString, named);
        EpwText epw = m_zug;
        epw.set(5000, field, value);
        const QString message = refusal(epw, QStringLiteral("odd.epw"));
        QVERIFY2(message.startsWith(at(QStringLiteral("odd.epw"), EpwText::lineOf(5000))) && message.contains(named),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestEpwConventions)
#include "tst_epwconventions.moc"
