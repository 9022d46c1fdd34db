// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "present/SavedView.h"
#include "present/Tour.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace tt {

//! What a project keeps for showing it: saved views, tours through them, and the
//! presentation's title and KPI cards.
struct Presentation {
    QVector<SavedView> views;
    QVector<Tour> tours;
    //! Shown over the view in presentation mode; empty: the project's name.
    QString title;
    //! KPI cards shown in presentation mode, by key (site, residents, self_sufficiency, ...).
    QStringList kpiCards{QStringLiteral("residents"), QStringLiteral("built_up"), QStringLiteral("self_sufficiency"),
                         QStringLiteral("co2")};

    const SavedView *view(const QString &name) const;
    const Tour *tour(const QString &name) const;
    //! A name not yet taken by a view: `base`, or `base 2`, `base 3`, ...
    QString freeViewName(const QString &base) const;

    //! JSON text as stored in the project file.
    QString toJson() const;
    //! Reads what toJson wrote. Errors name the view, tour or stop and the problem; a
    //! stop naming a view that does not exist is an error. Empty text is no presentation.
    static Status fromJson(const QString &text, Presentation *out);

    bool operator==(const Presentation &o) const
    {
        return views == o.views && tours == o.tours && title == o.title && kpiCards == o.kpiCards;
    }
};

} // namespace tt
