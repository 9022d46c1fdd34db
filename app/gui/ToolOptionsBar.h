// SPDX-License-Identifier: MIT
#pragma once

#include <QToolBar>

namespace tt {

struct ToolOptions;

//! The tool options bar: what new buildings (use, storeys), zones (class) and
//! assets (type) get, and snapping (on/off, grid step). Writes the choices into
//! the ToolOptions the tools read when they act.
class ToolOptionsBar : public QToolBar {
    Q_OBJECT
public:
    ToolOptionsBar(ToolOptions *options, QWidget *parent = nullptr);

signals:
    //! The asset type or the network changed: the place-asset and draw-link tools name them in their hints.
    void toolHintChanged();
};

} // namespace tt
