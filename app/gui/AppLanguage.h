// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace tt {

//! The language of the GUI (and of anything else that calls tr(), such as the
//! PDF report): TownTwin's translations embedded under :/i18n, Qt's own where
//! installed, and the default QLocale that formats numbers and dates to match.
//! The CLI never calls it: its messages and machine formats stay English and C.
class AppLanguage {
public:
    //! The languages TownTwin is translated into: "en", "zh_CN".
    static QStringList available();
    //! Installs the translators of `language` (removing the previous ones) and makes
    //! its locale the default; widgets get a LanguageChange event. False, and
    //! nothing changes, for a language not in available(). Apply one before building
    //! windows: only texts translated after the first apply() follow a later switch.
    static bool apply(const QString &language);
    //! The language last applied; "en" before any.
    static QString current();
    //! "zh_CN" when the system's locale is Chinese, else "en".
    static QString systemDefault();
    //! The language's name in itself ("English", "简体中文"), for menus; empty when unknown.
    static QString displayName(const QString &language);
};

} // namespace tt
