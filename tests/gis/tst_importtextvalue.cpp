// SPDX-License-Identifier: MIT
// Attribute text as real building data carries it, parsed the way the importer reads heights, levels and years.
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
        QCOMPARE(textvalue::toYear(nullptr), 0);
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
