// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace tt {

//! Headline figures as cards in a grid: a big value over a small caption,
//! looked up by a stable key. The KPI and energy docks show their figures so.
class KpiCardGrid : public QWidget {
    Q_OBJECT
public:
    explicit KpiCardGrid(QWidget *parent = nullptr);

    void addCard(const QString &key, const QString &caption, int row, int column);
    //! Sets a card's value and the tooltip that explains it.
    void setCard(const QString &key, const QString &text, const QString &tip = {});
    //! The value shown, empty for an unknown key.
    QString cardText(const QString &key) const;
    //! The caption under the value (in the language now shown), empty for an unknown key.
    QString cardCaption(const QString &key) const;
    //! The cards' keys in the order they were added.
    const QStringList &keys() const { return m_keys; }

private:
    QGridLayout *m_grid;
    QHash<QString, QLabel *> m_values;
    QHash<QString, QLabel *> m_captions;
    QStringList m_keys;
};

} // namespace tt
