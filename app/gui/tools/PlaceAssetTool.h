// SPDX-License-Identifier: MIT
#pragma once

#include "EditTool.h"

namespace tt {

//! Places the energy asset chosen in the options bar with a click: rooftop PV
//! on the clicked roof, everything else on the ground (a 1 ha field for
//! ground PV). Drags orbit as usual.
class PlaceAssetTool : public EditTool {
    Q_OBJECT
public:
    using EditTool::EditTool;

    QString name() const override { return tr("Place energy asset"); }
    QString hint() const override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;

    //! Places the chosen asset at a widget position; false (reason given) when refused.
    bool placeAt(const QPointF &pos);

private:
    QPoint m_pressPos;
    bool m_pressed = false;
};

} // namespace tt
