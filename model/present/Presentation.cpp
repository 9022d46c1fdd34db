// SPDX-License-Identifier: MIT
#include "Presentation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace tt {

namespace {

const QStringList kColourings{QStringLiteral("use"),         QStringLiteral("height"),
                              QStringLiteral("annual_demand"), QStringLiteral("peak_electric"),
                              QStringLiteral("pv_yield"),    QStringLiteral("net_balance"),
                              QStringLiteral("load_at_hour")};

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

//! A finite number at `key` of `o`; `what` names the object in the error.
Status readNumber(const QJsonObject &o, const char *key, const QString &what, double *out, bool required = true)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() && !required)
        return Status::success();
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return Status::error(QStringLiteral("%1: \"%2\" must be a number").arg(what, QLatin1String(key)));
    *out = v.toDouble();
    return Status::success();
}

Status readView(const QJsonObject &o, int index, SavedView *view)
{
    view->name = o.value(QLatin1String("name")).toString().trimmed();
    if (view->name.isEmpty())
        return Status::error(QStringLiteral("view %1 has no name").arg(index + 1));
    const QString what = QStringLiteral("view '%1'").arg(view->name);
    const QJsonObject c = o.value(QLatin1String("camera")).toObject();
    ViewCamera &cam = view->camera;
    for (const auto &[key, field] : {std::pair{"x", &cam.targetX}, std::pair{"y", &cam.targetY}, std::pair{"z", &cam.targetZ},
                                     std::pair{"distance", &cam.distance}, std::pair{"heading", &cam.headingDeg},
                                     std::pair{"pitch", &cam.pitchDeg}})
        if (Status s = readNumber(c, key, what + QStringLiteral(" camera"), field); !s)
            return s;
    if (!(cam.distance > 0.0))
        return Status::error(QStringLiteral("%1: the camera distance must be above 0").arg(what));
    if (cam.pitchDeg < -89.0 || cam.pitchDeg > 90.0)
        return Status::error(QStringLiteral("%1: the camera pitch must be -89 to 90 degrees").arg(what));
    view->layers.clear();
    for (const QJsonValue &l : o.value(QLatin1String("layers")).toArray()) {
        if (!viewLayerKeys().contains(l.toString()))
            return Status::error(QStringLiteral("%1: unknown layer '%2' (known: %3)")
                                     .arg(what, l.toString(), viewLayerKeys().join(QStringLiteral(", "))));
        view->layers << l.toString();
    }
    view->colouring = o.value(QLatin1String("colouring")).toString(QStringLiteral("use"));
    if (!kColourings.contains(view->colouring))
        return Status::error(QStringLiteral("%1: unknown colouring '%2' (known: %3)")
                                 .arg(what, view->colouring, kColourings.join(QStringLiteral(", "))));
    double hour = 0.0;
    if (Status s = readNumber(o, "hour", what, &hour, false); !s)
        return s;
    if (hour < 0.0 || hour > 8759.0 || hour != std::floor(hour))
        return Status::error(QStringLiteral("%1: the hour must be a whole hour of the year, 0 to 8759").arg(what));
    view->hour = int(hour);
    view->scenario = o.value(QLatin1String("scenario")).toString();
    return Status::success();
}

Status readTour(const QJsonObject &o, int index, const Presentation &p, Tour *tour)
{
    tour->name = o.value(QLatin1String("name")).toString().trimmed();
    if (tour->name.isEmpty())
        return Status::error(QStringLiteral("tour %1 has no name").arg(index + 1));
    const QJsonArray stops = o.value(QLatin1String("stops")).toArray();
    for (int i = 0; i < stops.size(); ++i) {
        const QJsonObject s = stops[i].toObject();
        const QString what = QStringLiteral("tour '%1', stop %2").arg(tour->name).arg(i + 1);
        TourStop stop;
        stop.view = s.value(QLatin1String("view")).toString();
        if (!p.view(stop.view))
            return Status::error(QStringLiteral("%1: there is no view '%2'").arg(what, stop.view));
        if (Status st = readNumber(s, "flight_s", what, &stop.flightSeconds, false); !st)
            return st;
        if (Status st = readNumber(s, "hold_s", what, &stop.holdSeconds, false); !st)
            return st;
        if (stop.flightSeconds < 0.0 || stop.holdSeconds < 0.0 || stop.flightSeconds > 600.0 || stop.holdSeconds > 3600.0)
            return Status::error(QStringLiteral("%1: flight 0-600 s and hold 0-3600 s").arg(what));
        stop.caption = s.value(QLatin1String("caption")).toString();
        tour->stops << stop;
    }
    return Status::success();
}

} // namespace

const SavedView *Presentation::view(const QString &name) const
{
    for (const SavedView &v : views)
        if (v.name == name)
            return &v;
    return nullptr;
}

const Tour *Presentation::tour(const QString &name) const
{
    for (const Tour &t : tours)
        if (t.name == name)
            return &t;
    return nullptr;
}

QString Presentation::freeViewName(const QString &base) const
{
    QString name = base;
    for (int n = 2; view(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

QString Presentation::toJson() const
{
    QJsonArray viewArray;
    for (const SavedView &v : views) {
        const ViewCamera &c = v.camera;
        QJsonObject o{{"name", v.name},
                      {"camera", QJsonObject{{"x", c.targetX},
                                             {"y", c.targetY},
                                             {"z", c.targetZ},
                                             {"distance", c.distance},
                                             {"heading", c.headingDeg},
                                             {"pitch", c.pitchDeg}}},
                      {"layers", toArray(v.layers)},
                      {"colouring", v.colouring},
                      {"hour", v.hour}};
        if (!v.scenario.isEmpty())
            o.insert(QLatin1String("scenario"), v.scenario);
        viewArray.append(o);
    }
    QJsonArray tourArray;
    for (const Tour &t : tours) {
        QJsonArray stops;
        for (const TourStop &s : t.stops)
            stops.append(QJsonObject{
                {"view", s.view}, {"flight_s", s.flightSeconds}, {"hold_s", s.holdSeconds}, {"caption", s.caption}});
        tourArray.append(QJsonObject{{"name", t.name}, {"stops", stops}});
    }
    const QJsonObject root{
        {"views", viewArray}, {"tours", tourArray}, {"title", title}, {"kpi_cards", toArray(kpiCards)}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

Status Presentation::fromJson(const QString &text, Presentation *out)
{
    *out = Presentation();
    if (text.trimmed().isEmpty())
        return Status::success();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!doc.isObject())
        return Status::error(QStringLiteral("presentation: not a JSON object (%1 at offset %2)")
                                 .arg(error.errorString())
                                 .arg(error.offset));
    const QJsonObject root = doc.object();
    Presentation p;
    const QJsonArray views = root.value(QLatin1String("views")).toArray();
    for (int i = 0; i < views.size(); ++i) {
        SavedView v;
        if (Status s = readView(views[i].toObject(), i, &v); !s)
            return Status::error(QStringLiteral("presentation: %1").arg(s.message));
        if (p.view(v.name))
            return Status::error(QStringLiteral("presentation: two views are named '%1'").arg(v.name));
        p.views << v;
    }
    const QJsonArray tours = root.value(QLatin1String("tours")).toArray();
    for (int i = 0; i < tours.size(); ++i) {
        Tour t;
        if (Status s = readTour(tours[i].toObject(), i, p, &t); !s)
            return Status::error(QStringLiteral("presentation: %1").arg(s.message));
        if (p.tour(t.name))
            return Status::error(QStringLiteral("presentation: two tours are named '%1'").arg(t.name));
        p.tours << t;
    }
    p.title = root.value(QLatin1String("title")).toString();
    if (root.contains(QLatin1String("kpi_cards"))) {
        p.kpiCards.clear();
        for (const QJsonValue &k : root.value(QLatin1String("kpi_cards")).toArray())
            p.kpiCards << k.toString();
    }
    *out = p;
    return Status::success();
}

} // namespace tt
