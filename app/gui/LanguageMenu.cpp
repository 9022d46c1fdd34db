// SPDX-License-Identifier: MIT
#include "LanguageMenu.h"

#include "AppLanguage.h"

#include <QActionGroup>
#include <QEvent>
#include <QSettings>

namespace tt {

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("&Language"), parent), m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    for (const QString &language : AppLanguage::available()) {
        QAction *a = addAction(AppLanguage::displayName(language), this, [language] {
            QSettings().setValue(kSettingsKey, language);
            AppLanguage::apply(language);
        });
        a->setObjectName(QStringLiteral("language:") + language);
        a->setCheckable(true);
        m_group->addAction(a);
    }
    checkCurrent();
}

void LanguageMenu::changeEvent(QEvent *event)
{
    // The language may also change from elsewhere (the command line, a test).
    if (event->type() == QEvent::LanguageChange)
        checkCurrent();
    QMenu::changeEvent(event);
}

void LanguageMenu::checkCurrent()
{
    const QString current = QStringLiteral("language:") + AppLanguage::current();
    for (QAction *a : m_group->actions())
        a->setChecked(a->objectName() == current);
}

} // namespace tt
