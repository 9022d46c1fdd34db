// SPDX-License-Identifier: MIT
#include "AppLanguage.h"

#include "RecordingTranslator.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>

#include <memory>
#include <vector>

static void registerTranslations()
{
    Q_INIT_RESOURCE(towntwin_translations);
}

namespace tt {

namespace {

const QString kEnglish = QStringLiteral("en");
const QString kChinese = QStringLiteral("zh_CN");

QString &currentLanguage()
{
    static QString language = kEnglish;
    return language;
}

//! Installed once, for the application's lifetime (a child of it).
RecordingTranslator *recorder()
{
    static QPointer<RecordingTranslator> translator;
    if (!translator) {
        translator = new RecordingTranslator(QCoreApplication::instance());
        QCoreApplication::installTranslator(translator);
    }
    return translator;
}

QLocale localeOf(const QString &language)
{
    if (language == kChinese)
        return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    // An English-speaking system keeps its own conventions (a British planner's dates);
    // any other system (C included) gets English ones, not its own under English words.
    const QLocale system = QLocale::system();
    return system.language() == QLocale::English ? system : QLocale(QLocale::English, QLocale::UnitedStates);
}

//! Qt's translations of its own dialogs (buttons, file dialogs): beside Qt, or in a
//! "translations" folder beside the program as windeployqt lays them out.
std::unique_ptr<QTranslator> qtTranslator(const QLocale &locale)
{
    auto translator = std::make_unique<QTranslator>();
    const QStringList folders = {QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                                 QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("translations"))};
    for (const QString &folder : folders)
        if (translator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), folder))
            return translator;
    return nullptr;
}

} // namespace

QStringList AppLanguage::available()
{
    return {kEnglish, kChinese};
}

bool AppLanguage::apply(const QString &language)
{
    if (!available().contains(language) || !QCoreApplication::instance())
        return false;
    std::vector<std::unique_ptr<QTranslator>> translators;
    if (language != kEnglish) {
        registerTranslations();
        auto ours = std::make_unique<QTranslator>();
        if (!ours->load(QStringLiteral(":/i18n/towntwin_%1.qm").arg(language)))
            return false;
        translators.push_back(std::move(ours));
        if (auto qt = qtTranslator(localeOf(language)))
            translators.push_back(std::move(qt));
    }
    recorder()->setTranslators(std::move(translators));
    QLocale::setDefault(localeOf(language));
    currentLanguage() = language;
    // What installTranslator() sends: every window then gets a LanguageChange.
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    return true;
}

QString AppLanguage::current()
{
    return currentLanguage();
}

QString AppLanguage::systemDefault()
{
    return QLocale::system().language() == QLocale::Chinese ? kChinese : kEnglish;
}

QString AppLanguage::displayName(const QString &language)
{
    if (language == kEnglish)
        return QStringLiteral("English");
    if (language == kChinese)
        return QStringLiteral("简体中文");
    return {};
}

} // namespace tt
