// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QWidget;

namespace tt {

//! Puts a window into a newly applied language at once. Most widgets are given their
//! texts once, in their constructors; on the window's LanguageChange this looks every
//! static text under it (menus, actions, dock and tab titles, labels, buttons, combo
//! items, table headers, chart titles, tooltips) up in the RecordingTranslator and
//! translates it again. Texts built from data and arguments are not static: their
//! owners rebuild them on `retranslated`.
class LiveRetranslator : public QObject {
    Q_OBJECT
public:
    explicit LiveRetranslator(QWidget *window);

    //! Translates every static text under `root` (root included) into the current language.
    static void retranslate(QWidget *root);

signals:
    //! The static texts are in the new language: rebuild the others.
    void retranslated();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace tt
