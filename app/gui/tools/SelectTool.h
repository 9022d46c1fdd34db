// SPDX-License-Identifier: MIT
#pragma once

#include "EditTool.h"

#include <QRect>

namespace tt {

//! Click selects, Shift+click adds or removes, Shift+drag selects every
//! building and asset inside the box (zones when wholly inside); plain drags
//! orbit the camera as in navigation.
class SelectTool : public EditTool {
    Q_OBJECT
public:
    using EditTool::EditTool;

    QString name() const override { return tr("Select"); }
    QString hint() const override;
    bool cancel() override;
    void paintOverlay(QPainter &painter) override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;

    //! Entities inside a widget rectangle (by projected centroid; zones by every corner).
    QVector<EntityId> entitiesIn(const QRect &box) const;

private:
    QPoint m_pressPos;
    QRect m_box;
    bool m_boxing = false;
};

} // namespace tt
