// SPDX-License-Identifier: MIT
#pragma once

#include <QMenu>

class QActionGroup;

namespace tt {

//! View ▸ Language: one checkable entry per AppLanguage, each named in its own
//! language. Choosing one applies it at once and remembers it for the next start.
class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    //! The QSettings key of the chosen language (AppLanguage codes).
    static inline const QString kSettingsKey = QStringLiteral("language");

    explicit LanguageMenu(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void checkCurrent();

    QActionGroup *m_group;
};

} // namespace tt
