// SPDX-License-Identifier: MIT
// EPW reading on the real Zug file, missing-value codes, leap years and broken
// files; the sun's path and the transposition onto tilted planes.
#include "EpwText.h"
#include "TestData.h"
#include "energy/EpwReader.h"
#include "energy/SolarYear.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace tt;

namespace {
const QString kZugEpw = testdata::path(QStringLiteral("zug-cea/weather.epw"));

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestEnergyWeather : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { TT_REQUIRE_TEST_DATA(QStringLiteral("zug-cea/weather.epw")); }

    void readsZugFile()
    {
        WeatherYear w;
        const Status s = EpwReader::read(kZugEpw, &w);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(int(w.dryBulbC.size()), 8760);
        QCOMPARE(w.latitudeDeg, 47.176);
        QCOMPARE(w.longitudeDeg, 8.513);
        QCOMPARE(w.utcOffsetHours, 1.0);

        // Independent parse: dry bulb is field 7 and GHI field 14 (1-based) of each record.
        const QList<QList<QByteArray>> rows = testdata::EpwText::load(kZugEpw).rows;
        QCOMPARE(rows.size(), 8760);
        double tSum = 0.0, ghiSum = 0.0;
        for (const auto &r : rows) {
            tSum += r[6].toDouble();
            ghiSum += r[13].toDouble();
        }
        double mySum = 0.0, myGhi = 0.0;
        for (int h = 0; h < 8760; ++h) {
            mySum += w.dryBulbC[h];
            myGhi += w.ghi[h];
        }
        QCOMPARE(w.filledValues(), 0);
        QVERIFY(std::abs(mySum / 8760 - tSum / 8760) < 1e-9);
        QVERIFY(std::abs(myGhi - ghiSum) < 1e-6);
        // Plausibility of the place: Swiss Plateau, ~9 °C mean, ~1100-1300 kWh/m² a.
        QVERIFY(tSum / 8760 > 6.0 && tSum / 8760 < 12.0);
        QVERIFY(ghiSum / 1000 > 1000 && ghiSum / 1000 < 1400);
    }

    void fillsMissingValues()
    {
        testdata::EpwText epw = testdata::EpwText::load(kZugEpw);
        // Hour 100: temperature missing between two known hours; 4000-4002 irradiance; 300 wind.
        const double t99 = epw.value(99, 6), t101 = epw.value(101, 6);
        epw.set(100, 6, "99.9");
        const double gBefore = epw.value(4000 - 1, 13), gAfter = epw.value(4002 + 1, 13);
        epw.set(4000, 13, "9999");
        epw.set(4001, 13, "9999");
        epw.set(4002, 13, "9999");
        const double w299 = epw.value(299, 21), w301 = epw.value(301, 21);
        epw.set(300, 21, "999");
        WeatherYear w;
        const Status s = EpwReader::parse(epw.bytes(), QStringLiteral("gaps.epw"), &w);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(w.filledValues(), 5);
        QVERIFY(std::abs(w.dryBulbC[100] - (t99 + t101) / 2) < 1e-9);
        QVERIFY(std::abs(w.ghi[4000] - (gBefore + (gAfter - gBefore) * 1.0 / 4.0)) < 1e-9);
        QVERIFY(std::abs(w.ghi[4002] - (gBefore + (gAfter - gBefore) * 3.0 / 4.0)) < 1e-9);
        QVERIFY(std::abs(w.windMs[300] - (w299 + w301) / 2) < 1e-9);
    }

    void dropsLeapDay()
    {
        testdata::EpwText epw = testdata::EpwText::load(kZugEpw);
        // Insert 24 hours of 29 February (with an odd temperature) after 28 February.
        const int firstMarch = (31 + 28) * 24;
        const double marchFirst = epw.value(firstMarch, 6);
        for (int h = 23; h >= 0; --h) {
            QList<QByteArray> r = epw.rows[firstMarch - 24 + h];
            r[2] = "29";
            r[6] = "-40";
            epw.rows.insert(firstMarch, r);
        }
        QCOMPARE(epw.rows.size(), 8784);
        WeatherYear w;
        const Status s = EpwReader::parse(epw.bytes(), QStringLiteral("leap.epw"), &w);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(int(w.dryBulbC.size()), 8760);
        QCOMPARE(w.dryBulbC[firstMarch], marchFirst);
        for (double t : w.dryBulbC)
            QVERIFY(t > -39.0);
    }

    void rejectsBrokenFiles()
    {
        const QByteArray text = readAll(kZugEpw);
        const QList<QByteArray> lines = text.split('\n');
        WeatherYear w;
        // Short: only 100 records.
        Status s = EpwReader::parse(lines.mid(0, 108).join('\n'), QStringLiteral("short.epw"), &w);
        QVERIFY(!s.ok);
        QVERIFY2(s.message.contains(QLatin1String("short.epw")) && s.message.contains(QLatin1String("100 hourly")),
                 qPrintable(s.message));
        // A garbled number on line 20 (the 12th record).
        QList<QByteArray> broken = lines;
        QList<QByteArray> f = broken[19].split(',');
        f[6] = "warm";
        broken[19] = f.join(',');
        s = EpwReader::parse(broken.join('\n'), QStringLiteral("garbled.epw"), &w);
        QVERIFY(!s.ok);
        QVERIFY2(s.message.startsWith(QLatin1String("garbled.epw:20:")), qPrintable(s.message));
        // Truncated record.
        broken = lines;
        broken[30] = broken[30].left(20);
        s = EpwReader::parse(broken.join('\n'), QStringLiteral("cut.epw"), &w);
        QVERIFY2(!s.ok && s.message.startsWith(QLatin1String("cut.epw:31:")), qPrintable(s.message));
        // Not an EPW at all, and a missing file.
        s = EpwReader::parse("hello\nworld\n", QStringLiteral("x.epw"), &w);
        QVERIFY(!s.ok && s.message.contains(QLatin1String("x.epw:1")));
        s = EpwReader::read(QStringLiteral("/nonexistent/zz.epw"), &w);
        QVERIFY(!s.ok && s.message.contains(QLatin1String("/nonexistent/zz.epw")));
    }

    void sunAtSolstices()
    {
        // Noon elevation at the solstices is 90° − latitude ± obliquity (23.44°), due south.
        WeatherYear w = WeatherYear::constant(10, 0, 0, 0, 0);
        w.latitudeDeg = 47.176;
        w.longitudeDeg = 8.513;
        w.utcOffsetHours = 1.0;
        w.year = 2009;
        const SolarYear sun(w);
        const auto noonPeak = [&](int dayOfYear, double *azimuth) {
            double best = -90.0;
            for (int h = (dayOfYear - 1) * 24; h < dayOfYear * 24; ++h)
                if (sun.sunElevationDeg(h) > best) {
                    best = sun.sunElevationDeg(h);
                    *azimuth = sun.sunAzimuthDeg(h);
                }
            return best;
        };
        double az = 0.0;
        // Hourly sampling at hh:30 misses true noon (~12:27 CET at 8.5° E) by minutes: < 0.1° of elevation.
        const double june = noonPeak(172, &az);
        QVERIFY2(std::abs(june - (90.0 - 47.176 + 23.44)) < 0.15, qPrintable(QString::number(june)));
        QVERIFY(std::abs(az - 180.0) < 3.0);
        const double december = noonPeak(355, &az);
        QVERIFY2(std::abs(december - (90.0 - 47.176 - 23.44)) < 0.15, qPrintable(QString::number(december)));
        // Midnight: the sun is below the horizon.
        QVERIFY(sun.sunElevationDeg(172 * 24) < 0.0);
    }

    void transpositionGeometry()
    {
        const double sunEl = 40.0, sunAz = 160.0, dni = 700.0, dhi = 120.0, i0 = 1361.0;
        const double cosZ = std::cos((90.0 - sunEl) * M_PI / 180.0);
        const double ghi = dni * cosZ + dhi;
        // Horizontal plane: POA = GHI.
        QVERIFY(std::abs(SolarYear::planeOfArray(ghi, dni, dhi, sunEl, sunAz, i0, 0.0, 180.0) - ghi) < 1e-9);
        // A plane facing the sun: the full beam, plus Hay-Davies diffuse and ground reflection by hand.
        const double tilt = 90.0 - sunEl, a = dni / i0, cosT = std::cos(tilt * M_PI / 180.0);
        const double expected = dni + dhi * (a * 1.0 / cosZ + (1 - a) * (1 + cosT) / 2) + ghi * 0.2 * (1 - cosT) / 2;
        QVERIFY(std::abs(SolarYear::planeOfArray(ghi, dni, dhi, sunEl, sunAz, i0, tilt, sunAz) - expected) < 1e-9);
        // A north wall with the sun in the south: no beam, isotropic sky half and ground half.
        const double north = SolarYear::planeOfArray(ghi, dni, dhi, sunEl, sunAz, i0, 90.0, 0.0);
        QVERIFY(std::abs(north - (dhi * (1 - a) * 0.5 + ghi * 0.2 * 0.5)) < 1e-9);
        // Night: only diffuse and reflected light (here none).
        QCOMPARE(SolarYear::planeOfArray(0, 0, 0, -10, 0, i0, 30, 180), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestEnergyWeather)
#include "tst_energy_weather.moc"
