// SPDX-License-Identifier: MIT
// The Simplified Chinese GUI: the translation in the repository is complete and keeps
// every placeholder, accelerator and HTML tag; View ▸ Language switches the open main
// window at once (menus, dock titles, KPI cards, the time bar's date) and back, and is
// remembered; numbers and dates follow the language's locale; and this machine has a
// font that draws Chinese, so nothing shows as boxes.
#include "GuiTestMain.h"
#include "SampleTownWindow.h"

#include "ProjectFile.h"
#include "generate/TownGenerator.h"
#include "gui/AppLanguage.h"
#include "gui/EnergyPanel.h"
#include "gui/KpiCardGrid.h"
#include "gui/MainWindow.h"
#include "gui/ProjectSession.h"
#include "gui/TimeBar.h"
#include "gui/ZoningKpiPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QLabel>
#include <QMenuBar>
#include <QRawFont>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTextLayout>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

using namespace tt;

namespace {

const QString kTsFile = QStringLiteral(TOWNTWIN_SOURCE_DIR "/resources/translations/towntwin_zh_CN.ts");

struct TsMessage {
    QString context;
    QString source;
    QStringList translations;  // one, or the numerus forms
    QString type;              // "unfinished", "vanished", "obsolete" or empty
};

QVector<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QVector<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    QString text;
                    while (!xml.atEnd()
                           && !(xml.readNext() == QXmlStreamReader::EndElement && xml.name() == QLatin1String("translation"))) {
                        if (xml.isCharacters())
                            text += xml.text();
                        else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                            m.translations << xml.readElementText();
                    }
                    if (m.translations.isEmpty())
                        m.translations << text;
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

//! %1 … %99, %L1 and %n, sorted: the arguments a translation must keep.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(L?\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

QStringList htmlTags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("</?(?:h\\d|p|b|i|br|ul|li|a)\\b[^>]*>"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    return found;
}

//! "&File" and "Pass&word" have an accelerator; "&&" and operations and maintenance ("O&M",
//! shown where & is no accelerator) do not.
bool hasAccelerator(QString text)
{
    text.remove(QStringLiteral("&&")).remove(QStringLiteral("O&M"));
    static const QRegularExpression re(QStringLiteral("&[^\\s]"));
    return re.match(text).hasMatch();
}

QString fileMenuTitle(QMenuBar *bar)
{
    return bar->actions().isEmpty() ? QString() : bar->actions().first()->text();
}

QString dockTitle(const MainWindow &w, const char *name)
{
    const auto *dock = w.findChild<QDockWidget *>(QLatin1String(name));
    return dock ? dock->windowTitle() : QString();
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QAction *languageAction(const QString &language) const
    {
        return m_window->findChild<QAction *>(QStringLiteral("language:") + language);
    }

private slots:
    void initTestCase()
    {
        // As GuiLauncher does: the language is applied before the window is built.
        QVERIFY(AppLanguage::apply(QStringLiteral("en")));
        QVERIFY(guitest::openSampleTown(m_dir.path(), &m_window));
    }

    void translationFileIsComplete()
    {
        QString error;
        const QVector<TsMessage> messages = readTs(kTsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(kTsFile + QStringLiteral(": ") + error));
        // Not an empty file that passes trivially: the GUI has some 800 strings.
        QVERIFY2(messages.size() > 700, qPrintable(QString::number(messages.size())));
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = m.context + QStringLiteral(" \"") + m.source + QStringLiteral("\": ");
            if (!m.type.isEmpty()) {
                problems << where + m.type;
                continue;
            }
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                    problems << where + QStringLiteral("empty translation");
                else if (placeholders(t) != placeholders(m.source))
                    problems << where + QStringLiteral("placeholders %1 became %2")
                                            .arg(placeholders(m.source).join(QLatin1Char(' ')),
                                                 placeholders(t).join(QLatin1Char(' ')));
                else if (hasAccelerator(m.source) != hasAccelerator(t))
                    problems << where + QStringLiteral("accelerator lost or added in \"%1\"").arg(t);
                else if (htmlTags(t) != htmlTags(m.source))
                    problems << where + QStringLiteral("HTML tags differ in \"%1\"").arg(t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void languages()
    {
        QCOMPARE(AppLanguage::available(), (QStringList{QStringLiteral("en"), QStringLiteral("zh_CN")}));
        QCOMPARE(AppLanguage::displayName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(AppLanguage::displayName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
        QVERIFY(AppLanguage::available().contains(AppLanguage::systemDefault()));
        const QString before = AppLanguage::current();
        QVERIFY(!AppLanguage::apply(QStringLiteral("fr")));
        QCOMPARE(AppLanguage::current(), before);
    }

    void switchesTheOpenWindowAndBack()
    {
        QMenuBar *bar = m_window->menuBar();
        QCOMPARE(fileMenuTitle(bar), QStringLiteral("&File"));
        const QString englishResidents = m_window->zoningKpiPanel()->cardText(QStringLiteral("residents"));
        QVERIFY(!englishResidents.isEmpty());
        const QString englishLabel = m_window->timeBar()->findChild<QLabel *>()->text();

        // As a planner does it: View ▸ Language ▸ 简体中文.
        QAction *chinese = languageAction(QStringLiteral("zh_CN"));
        QVERIFY(chinese);
        chinese->trigger();
        QCOMPARE(AppLanguage::current(), QStringLiteral("zh_CN"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));
        QTRY_VERIFY(fileMenuTitle(bar).contains(QStringLiteral("文件")));
        QCOMPARE(fileMenuTitle(bar), QStringLiteral("文件(&F)"));
        QVERIFY(chinese->isChecked());
        QVERIFY(!languageAction(QStringLiteral("en"))->isChecked());
        QCOMPARE(dockTitle(*m_window, "energyDock"), QStringLiteral("能源"));
        QCOMPARE(dockTitle(*m_window, "kpiDock"), QStringLiteral("指标与规划校核"));
        const KpiCardGrid *zoning = m_window->zoningKpiPanel()->cards();
        QCOMPARE(zoning->cardCaption(QStringLiteral("site")), QStringLiteral("场地"));
        QCOMPARE(m_window->energyPanel()->cards()->cardCaption(QStringLiteral("self_sufficiency")),
                 QStringLiteral("自给率"));
        QVERIFY2(m_window->zoningKpiPanel()->cardText(QStringLiteral("site")).endsWith(QStringLiteral(" 平方公里")),
                 qPrintable(m_window->zoningKpiPanel()->cardText(QStringLiteral("site"))));
        // The time bar's date in Chinese order and words.
        const QString chineseLabel = m_window->timeBar()->findChild<QLabel *>()->text();
        QVERIFY2(chineseLabel.contains(QStringLiteral("年")) && chineseLabel.contains(QStringLiteral("月")),
                 qPrintable(englishLabel + QStringLiteral(" became ") + chineseLabel));
        // The English tab names still pick the energy dock's tabs (the command line's --energy-tab).
        QVERIFY(m_window->energyPanel()->showTab(QStringLiteral("Monthly balance")));

        QVERIFY(AppLanguage::apply(QStringLiteral("en")));
        QTRY_COMPARE(fileMenuTitle(bar), QStringLiteral("&File"));
        QVERIFY(languageAction(QStringLiteral("en"))->isChecked());
        QCOMPARE(dockTitle(*m_window, "energyDock"), QStringLiteral("Energy"));
        QCOMPARE(zoning->cardCaption(QStringLiteral("site")), QStringLiteral("Site"));
        QVERIFY(m_window->zoningKpiPanel()->cardText(QStringLiteral("site")).endsWith(QStringLiteral(" km²")));
        QCOMPARE(m_window->zoningKpiPanel()->cardText(QStringLiteral("residents")), englishResidents);
    }

    void numbersFollowTheLocale()
    {
        QVERIFY(AppLanguage::apply(QStringLiteral("zh_CN")));
        QTRY_VERIFY(fileMenuTitle(m_window->menuBar()).contains(QStringLiteral("文件")));
        const QLocale chinese(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        const QString residents = m_window->zoningKpiPanel()->cardText(QStringLiteral("residents"));
        bool ok = false;
        const int count = chinese.toInt(residents, &ok);
        QVERIFY2(ok && count > 1000, qPrintable(residents));
        QCOMPARE(residents, chinese.toString(count));
        QVERIFY2(residents.contains(chinese.groupSeparator()), qPrintable(residents));
        // And a locale with other separators shows through the same cards.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(m_window.get(), &change);
        QCOMPARE(m_window->zoningKpiPanel()->cardText(QStringLiteral("residents")),
                 QLocale(QLocale::German).toString(count));
        QVERIFY(m_window->zoningKpiPanel()->cardText(QStringLiteral("site")).contains(QLatin1Char(',')));
        QVERIFY(AppLanguage::apply(QStringLiteral("en")));
    }

    void chineseGlyphsExist()
    {
        const QString hint = QStringLiteral("no font draws Chinese: install fonts-noto-cjk");
        QVERIFY2(!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty(), qPrintable(hint));
        // What the GUI (and the presentation overlay, and the video) draws "文件" with:
        // the application font, through Qt's fallback, must reach real glyphs.
        QTextLayout layout(QStringLiteral("文件"), QApplication::font());
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        const QList<QGlyphRun> runs = layout.glyphRuns();
        QVERIFY2(!runs.isEmpty(), qPrintable(hint));
        for (const QGlyphRun &run : runs) {
            QVERIFY2(run.rawFont().supportsCharacter(QChar(0x6587)), qPrintable(hint + QStringLiteral(" (drawn with ")
                                                                                + run.rawFont().familyName() + ')'));
            for (const quint32 glyph : run.glyphIndexes())
                QVERIFY2(glyph != 0, qPrintable(hint));
        }
    }

    void cleanupTestCase() { m_window.reset(); }
};

TOWNTWIN_GUI_TEST_MAIN(TestTranslation)
#include "tst_translation.moc"
