// SPDX-License-Identifier: MIT
// Attribute text as real building data carries it, parsed the way the importer reads heights, levels and years.
// Heights follow OpenStreetMap's units (https://wiki.openstreetmap.org/wiki/Map_features/Units): issue 16, item 8.
#include "TextValue.h"

#include <QtTest>

using namespace tt;

class TestImportTextValue : public QObject {
    Q_OBJECT

private slots:
    void numbers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << QByteArray("4.1") << true << 4.1;
        QTest::newRow("unit") << QByteArray("12 m") << true << 12.0;
        QTest::newRow("unit glued") << QByteArray("12m") << true << 12.0;
        QTest::newRow("decimal comma") << QByteArray("12,5") << true << 12.5;
        QTest::newRow("fractional levels") << QByteArray("1.0") << true << 1.0;
        QTest::newRow("padded") << QByteArray("  7.25 ") << true << 7.25;
        QTest::newRow("list") << QByteArray("3;4") << true << 3.0;
        QTest::newRow("negative") << QByteArray("-2") << true << -2.0;
        QTest::newRow("exponent") << QByteArray("1.5e1") << true << 15.0;
        QTest::newRow("leading dot") << QByteArray(".5") << true << 0.5;
        QTest::newRow("empty") << QByteArray("") << false << 0.0;
        QTest::newRow("yes") << QByteArray("yes") << false << 0.0;
        QTest::newRow("nan") << QByteArray("nan") << false << 0.0;
        QTest::newRow("sign only") << QByteArray("-") << false << 0.0;
    }

    void numbers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(double, value);
        double parsed = -999.0;
        QCOMPARE(textvalue::toNumber(text.constData(), &parsed), ok);
        if (ok)
            QVERIFY2(std::abs(parsed - value) < 1e-12, qPrintable(QString::number(parsed, 'g', 17)));
        else
            QCOMPARE(parsed, -999.0);  // untouched on failure
    }

    void nullText()
    {
        double parsed = 1.0;
        QVERIFY(!textvalue::toNumber(nullptr, &parsed));
        QCOMPARE(textvalue::toMetres(nullptr, &parsed), textvalue::Length::NoNumber);
        QCOMPARE(textvalue::toYear(nullptr), 0);
    }

    void lengths_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("outcome");  // textvalue::Length
        QTest::addColumn<double>("metres");
        const int ok = int(textvalue::Length::Ok), none = int(textvalue::Length::NoNumber),
                  unknown = int(textvalue::Length::UnknownUnit);
        QTest::newRow("bare number is metres") << QByteArray("12.5") << ok << 12.5;
        QTest::newRow("m") << QByteArray("12 m") << ok << 12.0;
        QTest::newRow("m glued") << QByteArray("12m") << ok << 12.0;
        QTest::newRow("metres") << QByteArray("12 metres") << ok << 12.0;
        QTest::newRow("decimal comma") << QByteArray("12,5 m") << ok << 12.5;
        QTest::newRow("ft glued") << QByteArray("45ft") << ok << 45 * 0.3048;
        QTest::newRow("ft") << QByteArray("45 ft") << ok << 45 * 0.3048;
        QTest::newRow("feet") << QByteArray("45 Feet") << ok << 45 * 0.3048;
        QTest::newRow("feet and inches") << QByteArray("12'6\"") << ok << (12 * 12 + 6) * 0.0254;
        QTest::newRow("feet and inches spaced") << QByteArray("12' 6\"") << ok << (12 * 12 + 6) * 0.0254;
        QTest::newRow("feet mark") << QByteArray("45'") << ok << 45 * 0.3048;
        QTest::newRow("prime marks") << QByteArray("12\xE2\x80\xB2" "6\xE2\x80\xB3") << ok << (12 * 12 + 6) * 0.0254;
        QTest::newRow("inches") << QByteArray("6\"") << ok << 6 * 0.0254;
        QTest::newRow("km") << QByteArray("0.2 km") << ok << 200.0;
        QTest::newRow("mi") << QByteArray("1 mi") << ok << 1609.344;
        QTest::newRow("list") << QByteArray("12;14") << ok << 12.0;
        QTest::newRow("negative stays negative") << QByteArray("-12") << ok << -12.0;
        QTest::newRow("exponent") << QByteArray("1e9") << ok << 1e9;
        QTest::newRow("feet overflowing") << QByteArray("1e308'") << none << 0.0;  // fuzz finding textvalue-1
        QTest::newRow("km overflowing") << QByteArray("1e308 km") << none << 0.0;
        QTest::newRow("unknown unit") << QByteArray("45 furlongs") << unknown << 0.0;
        QTest::newRow("storeys are no length") << QByteArray("3 floors") << unknown << 0.0;
        QTest::newRow("feet then a bare number") << QByteArray("12'6") << unknown << 0.0;
        QTest::newRow("words") << QByteArray("tall") << none << 0.0;
        QTest::newRow("empty") << QByteArray("") << none << 0.0;
    }

    void lengths()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, outcome);
        QFETCH(double, metres);
        double parsed = -999.0;
        QCOMPARE(int(textvalue::toMetres(text.constData(), &parsed)), outcome);
        if (outcome == int(textvalue::Length::Ok))
            QVERIFY2(std::abs(parsed - metres) < 1e-9, qPrintable(QString::number(parsed, 'g', 17)));
        else
            QCOMPARE(parsed, -999.0);  // untouched on failure
    }

    void years_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("year");
        QTest::newRow("plain") << QByteArray("1975") << 1975;
        QTest::newRow("real") << QByteArray("1943.0") << 1943;
        QTest::newRow("date") << QByteArray("1975-05-01") << 1975;
        QTest::newRow("approximate") << QByteArray("~1900") << 1900;
        QTest::newRow("circa") << QByteArray("c. 1890") << 1890;
        QTest::newRow("too short") << QByteArray("75") << 0;
        QTest::newRow("too long") << QByteArray("197505") << 0;
        QTest::newRow("words") << QByteArray("old") << 0;
    }

    void years()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, year);
        QCOMPARE(textvalue::toYear(text.constData()), year);
    }
};

QTEST_GUILESS_MAIN(TestImportTextValue)
#include "tst_importtextvalue.moc"
