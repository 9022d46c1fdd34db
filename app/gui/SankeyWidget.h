// SPDX-License-Identifier: MIT
#pragma once

#include "energy/EnergySankey.h"

#include <QWidget>

namespace tt {

//! Draws an EnergySankey: nodes as bars in their columns, as tall as the energy through
//! them, links as bands between them as wide as the energy they carry, coloured by
//! what they carry. Backward links are not drawn (the diagram has none).
class SankeyWidget : public QWidget {
    Q_OBJECT
public:
    explicit SankeyWidget(QWidget *parent = nullptr);

    //! `title` names the period ("2026", "Tue 25 Jun"); MWh over a year, kWh over a day.
    void setDiagram(const EnergySankey &diagram, const QString &title, bool megawattHours);
    const EnergySankey &diagram() const { return m_diagram; }
    QSize sizeHint() const override { return {640, 420}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor colorOf(const EnergySankey::Node &node) const;

    EnergySankey m_diagram;
    QString m_title;
    bool m_megawattHours = true;
};

} // namespace tt
