// SPDX-License-Identifier: MIT
#include "FeederReader.h"

#include "FeatureGeometry_p.h"
#include "FeederGeometry_p.h"
#include "GdalSession_p.h"
#include "TextValue.h"
#include "VectorLayerReader_p.h"

#include <QFileInfo>

#include <ogr_geometry.h>

#include <cmath>

#include <functional>
#include <memory>

namespace tt {

namespace {
struct FeatureDeleter {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using Feature = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;

//! The fields of one layer by name, and readers that name the file, feature and field.
class Fields {
public:
    Fields(const VectorLayerReader &layer, const QString &path)
        : m_layer(layer)
        , m_file(QFileInfo(path).fileName())
    {
    }

    //! Finds every required field; false with `error` naming the first missing one.
    bool require(const QStringList &names, Status *error)
    {
        for (const QString &name : names) {
            const int i = m_layer.fieldIndex({name});
            if (i < 0) {
                *error = Status::error(QStringLiteral("%1: no field '%2' (it has %3)")
                                           .arg(m_file, name, fieldNames().join(QStringLiteral(", "))));
                return false;
            }
            m_index.insert(name, i);
        }
        return true;
    }
    void optional(const QString &name) { m_index.insert(name, m_layer.fieldIndex({name})); }

    QString text(OGRFeatureH f, const QString &name) const
    {
        const int i = m_index.value(name, -1);
        return i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? QString::fromUtf8(OGR_F_GetFieldAsString(f, i)).trimmed()
                                                           : QString();
    }
    //! The number in `name`; `fallback` if the field is optional and empty.
    bool number(OGRFeatureH f, const QString &feature, const QString &name, double *value, Status *error,
                const double *fallback = nullptr) const
    {
        const int i = m_index.value(name, -1);
        if ((i < 0 || !OGR_F_IsFieldSetAndNotNull(f, i)) && fallback) {
            *value = *fallback;
            return true;
        }
        if (i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) && textvalue::toNumber(OGR_F_GetFieldAsString(f, i), value))
            return true;
        *error = Status::error(QStringLiteral("%1, feature %2: field '%3' is '%4', not a number")
                                   .arg(m_file, feature, name, text(f, name)));
        return false;
    }
    //! How a feature is named in messages: its id, else its position.
    QString name(OGRFeatureH f) const
    {
        const QString id = text(f, QStringLiteral("id"));
        return id.isEmpty() ? QStringLiteral("#%1").arg(OGR_F_GetFID(f)) : QStringLiteral("'%1'").arg(id);
    }
    const QString &file() const { return m_file; }

private:
    QStringList fieldNames() const
    {
        QStringList names;
        for (int i = 0; i < OGR_FD_GetFieldCount(m_layer.definition()); ++i)
            names << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(m_layer.definition(), i)));
        return names;
    }
    const VectorLayerReader &m_layer;
    QString m_file;
    QHash<QString, int> m_index;
};

// Opens the layer of `kind` in `path`, checks that it has the `required` fields and hands
// every feature to `read`; *crs gets what the layer declares.
Status forEachFeature(const QString &path, VectorLayerReader::Kind kind, const QStringList &required,
                      const QStringList &optional, const std::function<Status(OGRFeatureH, const Fields &)> &read,
                      crs::SrsPtr *crs)
{
    VectorLayerReader layer;
    if (Status s = layer.open(path, QString(), kind); !s)
        return s;
    if (const OGRSpatialReference *declared = layer.spatialRef(); declared && !declared->IsEmpty())
        *crs = crs::traditional(*declared);
    Fields fields(layer, path);
    Status error;
    if (!fields.require(required, &error))
        return error;
    for (const QString &name : optional)
        fields.optional(name);
    OGR_L_ResetReading(layer.layer());
    while (Feature f{OGR_L_GetNextFeature(layer.layer())})
        if (Status s = read(f.get(), fields); !s)
            return s;
    return Status::success();
}

OGRGeometry *geometryOf(OGRFeatureH f)
{
    return OGRGeometry::FromHandle(OGR_F_GetGeometryRef(f));
}

Status readLines(const QString &path, std::vector<ElectricLink> *links, FeederGeometry *geometry)
{
    const QStringList required = {"id", "from", "to", "r_ohm", "x_ohm", "status", "kv"};
    const auto read = [links, geometry](OGRFeatureH f, const Fields &fields) {
        const double unknown = 0.0;
        ElectricLink l;
        Status error;
        const QString name = fields.name(f);
        l.id = fields.text(f, QStringLiteral("id"));
        l.from = fields.text(f, QStringLiteral("from"));
        l.to = fields.text(f, QStringLiteral("to"));
        if (l.id.isEmpty() || l.from.isEmpty() || l.to.isEmpty())
            return Status::error(QStringLiteral("%1, feature %2: 'id', 'from' and 'to' must all be given")
                                     .arg(fields.file(), name));
        if (!fields.number(f, name, QStringLiteral("r_ohm"), &l.rOhm, &error)
            || !fields.number(f, name, QStringLiteral("x_ohm"), &l.xOhm, &error)
            || !fields.number(f, name, QStringLiteral("kv"), &l.kv, &error)
            || !fields.number(f, name, QStringLiteral("ampacity_a"), &l.ampacityA, &error, &unknown))
            return error;
        const QString status = fields.text(f, QStringLiteral("status")).toLower();
        if (status != QLatin1String("open") && status != QLatin1String("closed"))
            return Status::error(QStringLiteral("%1, feature %2: status '%3' is neither 'open' nor 'closed'")
                                     .arg(fields.file(), name, status));
        l.closed = status == QLatin1String("closed");
        links->push_back(l);
        // Parts of a multi-line are laid end to end: a route drawn in pieces.
        QVector<Vec2> route;
        for (const QVector<Vec2> &part : featuregeometry::lines(geometryOf(f)).parts)
            route += part;
        geometry->linkRoutes.append(route);
        return Status::success();
    };
    return forEachFeature(path, VectorLayerReader::Kind::Lines, required, {"ampacity_a"}, read, &geometry->linesCrs);
}

Status readNodes(const QString &path, std::vector<ElectricNode> *nodes, FeederGeometry *geometry)
{
    const QStringList required = {"id", "p_kw", "q_kvar", "kind", "kv"};
    const auto read = [nodes, geometry](OGRFeatureH f, const Fields &fields) {
        ElectricNode n;
        Status error;
        const QString name = fields.name(f);
        n.id = fields.text(f, QStringLiteral("id"));
        if (n.id.isEmpty())
            return Status::error(QStringLiteral("%1, feature %2: no 'id'").arg(fields.file(), name));
        if (!fields.number(f, name, QStringLiteral("p_kw"), &n.pKw, &error)
            || !fields.number(f, name, QStringLiteral("q_kvar"), &n.qKvar, &error)
            || !fields.number(f, name, QStringLiteral("kv"), &n.kv, &error))
            return error;
        const QString kind = fields.text(f, QStringLiteral("kind")).toLower();
        if (kind != QLatin1String("source") && kind != QLatin1String("load"))
            return Status::error(QStringLiteral("%1, feature %2: kind '%3' is neither 'source' nor 'load'")
                                     .arg(fields.file(), name, kind));
        n.kind = kind == QLatin1String("source") ? ElectricNode::Kind::Source : ElectricNode::Kind::Load;
        nodes->push_back(n);
        Vec2 at{NAN, NAN};
        featuregeometry::firstVertex(geometryOf(f), &at);
        geometry->nodePositions.append(at);
        return Status::success();
    };
    return forEachFeature(path, VectorLayerReader::Kind::Points, required, {}, read, &geometry->nodesCrs);
}
} // namespace

Status FeederReader::read(const QString &linesPath, const QString &nodesPath, ElectricNetwork *network)
{
    FeederGeometry ignored;
    return read(linesPath, nodesPath, network, &ignored);
}

Status FeederReader::read(const QString &linesPath, const QString &nodesPath, ElectricNetwork *network,
                          FeederGeometry *geometry)
{
    GdalSession session;
    ElectricNetwork n;
    FeederGeometry g;
    if (Status s = readNodes(nodesPath, &n.nodes, &g); !s)
        return s;
    if (Status s = readLines(linesPath, &n.links, &g); !s)
        return s;
    if (Status s = n.validate(); !s)
        return Status::error(QStringLiteral("%1 and %2: %3")
                                 .arg(QFileInfo(linesPath).fileName(), QFileInfo(nodesPath).fileName(), s.message));
    *network = std::move(n);
    *geometry = std::move(g);
    return Status::success();
}

} // namespace tt
