// SPDX-License-Identifier: MIT
#include "BuildingAttributes_p.h"

#include "AttributeJoin_p.h"
#include "FeatureNames_p.h"
#include "ImportOptions.h"
#include "TextValue.h"
#include "core/Plausibility.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
// Use shares may be rounded in the source: 0.33 + 0.33 + 0.33 is a whole building.
constexpr double kShareSumTolerance = 0.01;

QString formatted(double v)
{
    return QString::number(v, 'g', 6);
}
} // namespace

const char *const BuildingAttributes::kNames[AttrCount] = {
    nullptr, "building", "1ST_USE", "1ST_USE_R", "2ND_USE", "2ND_USE_R", "3RD_USE", "3RD_USE_R", "use",
    "height", "building:height", "height_ag", "building:levels", "levels", "floors_ag",
    "building:levels:underground", "floors_bg",
    "YEAR", "start_date", "building:year",
};

Status BuildingAttributes::init(OGRFeatureDefnH defn, const ImportOptions &options, const AttributeJoin *join)
{
    m_join = join;
    m_joinFile = join ? QFileInfo(options.joinPath).fileName() : QString();
    m_userUseField = options.useField.toUtf8();
    m_tagsField = OGR_FD_GetFieldIndex(defn, "other_tags");
    for (int a = 0; a < AttrCount; ++a)
        m_sources[a] = kNames[a] ? resolve(defn, kNames[a]) : Source{};
    if (!options.useField.isEmpty()) {
        m_sources[UserUse] = resolve(defn, options.useField.toUtf8());
        if (m_sources[UserUse].where == Where::None)
            return Status::error(QStringLiteral("%1: the use field '%2' is neither in the layer nor in the join table")
                                     .arg(options.buildingsPath, options.useField));
    }
    resolveIdsAndNames(defn, options);
    if (!options.nameField.isEmpty() && m_nameSources.empty())
        return Status::error(QStringLiteral("%1: the name field '%2' is neither in the layer nor in the join table")
                                 .arg(options.buildingsPath, options.nameField));
    m_joinKeyField = -1;
    if (join) {
        m_joinKeyField = OGR_FD_GetFieldIndex(defn, options.joinKey.toUtf8().constData());
        if (m_joinKeyField < 0)
            return Status::error(QStringLiteral("%1: the join key '%2' is not a field of the buildings layer")
                                     .arg(options.buildingsPath, options.joinKey));
    }
    return Status::success();
}

void BuildingAttributes::resolveIdsAndNames(OGRFeatureDefnH defn, const ImportOptions &options)
{
    m_idSources.clear();
    m_nameSources.clear();
    for (const QString &field : featurenames::idFields())
        if (const Source s = resolve(defn, field.toUtf8()); s.where != Where::None)
            m_idSources.push_back(s);
    // City Energy Analyst's `Name` (B1000, ...) is the building's id, not a label: only
    // in CEA layers (spelt `Name`, beside floors_ag/height_ag) and only without a real id field.
    int ceaName = -1;
    const int nameIndex = OGR_FD_GetFieldIndex(defn, "Name");
    const bool looksCea = OGR_FD_GetFieldIndex(defn, "floors_ag") >= 0 || OGR_FD_GetFieldIndex(defn, "height_ag") >= 0;
    if (m_idSources.empty() && nameIndex >= 0 && looksCea
        && qstrcmp(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, nameIndex)), "Name") == 0
        && options.nameField.isEmpty()) {
        ceaName = nameIndex;
        m_idSources.push_back(resolve(defn, "Name"));
    }
    for (const QString &field : featurenames::candidates(options.nameField)) {
        const Source s = resolve(defn, field.toUtf8());
        const bool taken = std::any_of(m_nameSources.begin(), m_nameSources.end(), [&s](const Source &n) {
            return n.where == s.where && n.index == s.index && n.tag == s.tag;
        });
        if (s.where == Where::None || taken || (s.where == Where::Layer && s.index == ceaName))
            continue;
        m_nameSources.push_back(s);
    }
}

BuildingAttributes::Source BuildingAttributes::resolve(OGRFeatureDefnH defn, const QByteArray &name) const
{
    Source s;
    const int index = OGR_FD_GetFieldIndex(defn, name.constData());
    if (index >= 0) {
        const OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, index));
        s.where = Where::Layer;
        s.index = index;
        s.numeric = type == OFTInteger || type == OFTInteger64 || type == OFTReal;
        return s;
    }
    if (m_join && m_join->fieldIndex(QString::fromUtf8(name)) >= 0) {
        s.where = Where::Join;
        s.index = m_join->fieldIndex(QString::fromUtf8(name));
        return s;
    }
    if (m_tagsField >= 0) {
        s.where = Where::Tags;
        s.tag = name;
    }
    return s;
}

void BuildingAttributes::parseTags()
{
    m_tagsParsed = true;
    m_tags.clear();
    if (!OGR_F_IsFieldSetAndNotNull(m_feature, m_tagsField))
        return;
    // hstore text as GDAL's OSM driver writes it: "key"=>"value","key2"=>"va\"lue"
    const char *p = OGR_F_GetFieldAsString(m_feature, m_tagsField);
    const auto quoted = [&p](std::string *out) {
        out->clear();
        while (*p && *p != '"')
            ++p;
        if (!*p)
            return false;
        ++p;
        while (*p && *p != '"') {
            if (*p == '\\' && p[1])
                ++p;
            out->push_back(*p++);
        }
        if (*p)
            ++p;
        return true;
    };
    std::string key, value;
    while (quoted(&key) && quoted(&value))
        m_tags.emplace_back(key, value);
}

const char *BuildingAttributes::text(const Source &s)
{
    switch (s.where) {
    case Where::None:
        return nullptr;
    case Where::Layer: {
        if (!OGR_F_IsFieldSetAndNotNull(m_feature, s.index))
            return nullptr;
        const char *v = OGR_F_GetFieldAsString(m_feature, s.index);
        return *v ? v : nullptr;
    }
    case Where::Join:
        return m_join->value(m_joinRow, s.index);
    case Where::Tags:
        if (!m_tagsParsed)
            parseTags();
        for (const auto &tag : m_tags)
            if (s.tag == tag.first.c_str())
                return tag.second.empty() ? nullptr : tag.second.c_str();
        return nullptr;
    }
    return nullptr;
}

bool BuildingAttributes::value(Attr a, Quantity quantity, double *v, QString *problem)
{
    const Source &s = m_sources[a];
    if (s.where == Where::Layer && s.numeric) {
        if (!OGR_F_IsFieldSetAndNotNull(m_feature, s.index))
            return false;
        *v = OGR_F_GetFieldAsDouble(m_feature, s.index);
        if (!std::isfinite(*v))
            *problem = QStringLiteral("not a number");
        return true;
    }
    const char *t = text(s);
    if (!t)
        return false;
    if (quantity == Quantity::Length) {
        switch (textvalue::toMetres(t, v)) {
        case textvalue::Length::Ok:
            break;
        case textvalue::Length::NoNumber:
            *problem = QStringLiteral("not a number");
            break;
        case textvalue::Length::UnknownUnit:
            *problem = QStringLiteral("in a unit TownTwin does not read (m, ft, 12'6\", ...)");
            break;
        }
    } else if (!textvalue::toNumber(t, v)) {
        *problem = QStringLiteral("not a number");
    }
    return true;
}

bool BuildingAttributes::firstPlausible(std::initializer_list<Attr> attrs, Quantity quantity, double *result,
                                        QStringList *rejected)
{
    for (Attr a : attrs) {
        double v = 0.0;
        QString problem;
        if (!value(a, quantity, &v, &problem))
            continue;
        if (problem.isEmpty())
            problem = quantity == Quantity::Length      ? plausibility::heightProblem(v)
                : quantity == Quantity::Basements       ? plausibility::basementLevelsProblem(v)
                                                        : plausibility::levelsProblem(v);
        if (problem.isEmpty()) {
            *result = v;
            return true;
        }
        rejected->append(QStringLiteral("%1 is %2").arg(quoted(a), problem));
    }
    return false;
}

QString BuildingAttributes::quoted(Attr a)
{
    const Source &s = m_sources[a];
    const QString name = QString::fromUtf8(a == UserUse ? m_userUseField.constData() : kNames[a]);
    const QString value = s.where == Where::Layer && s.numeric
        ? QString::fromUtf8(OGR_F_GetFieldAsString(m_feature, s.index))
        : QString::fromUtf8(text(s));
    switch (s.where) {
    case Where::Join:
        return QStringLiteral("%1 '%2' in %3").arg(name, value, m_joinFile);
    case Where::Tags:
        return QStringLiteral("tag %1 '%2'").arg(name, value);
    default:
        return QStringLiteral("%1 '%2'").arg(name, value);
    }
}

BuildingUse BuildingAttributes::useOf(const char *value)
{
    // Few distinct use values per layer: cache the mapping instead of building a QString per feature.
    const std::string key(value);
    const auto it = m_useCache.find(key);
    if (it != m_useCache.end())
        return it->second;
    const BuildingUse use = buildinguse::fromSourceValue(QString::fromUtf8(value));
    m_useCache.emplace(key, use);
    return use;
}

void BuildingAttributes::readUses(Building *b, Outcome *outcome)
{
    // A use named in the join table is the user's own vocabulary: one we do not know is
    // worth a word (OSM's many building=* values outside our list are not).
    const auto use = [&](Attr a, const char *v) {
        const BuildingUse u = useOf(v);
        if (m_sources[a].where == Where::Join && u == BuildingUse::Other
            && QString::fromUtf8(v).trimmed().compare(QLatin1String("other"), Qt::CaseInsensitive) != 0)
            outcome->problems.append(QStringLiteral("%1 is not a use TownTwin knows: counted as %2")
                                         .arg(quoted(a), buildinguse::key(BuildingUse::Other)));
        return u;
    };
    b->mix.clear();
    for (Attr a : {UserUse, OsmBuilding}) {
        if (const char *v = text(a)) {
            b->use = use(a, v);
            return;
        }
    }
    // CEA: up to three uses with floor-area shares; the main use is the largest share.
    const Attr uses[3][2] = {{Use1, Use1Share}, {Use2, Use2Share}, {Use3, Use3Share}};
    QVector<UseShare> mix;
    double total = 0.0;
    QStringList given;  // "1ST_USE_R 0.9" for a message when the shares do not add up
    for (const auto &pair : uses) {
        const char *v = text(pair[0]);
        if (!v || qstricmp(v, "NONE") == 0)
            continue;
        double share = 0.0;
        QString problem;
        if (!value(pair[1], Quantity::Share, &share, &problem)) {
            share = mix.isEmpty() ? 1.0 : 0.0;
        } else if (problem.isEmpty() && share < 0.0) {
            problem = QStringLiteral("negative");
        } else if (problem.isEmpty()) {
            given.append(QStringLiteral("%1 %2").arg(QString::fromLatin1(kNames[pair[1]]), formatted(share)));
        }
        if (!problem.isEmpty()) {
            outcome->problems.append(
                QStringLiteral("%1 is %2: the use %3 is left out").arg(quoted(pair[1]), problem, QString::fromUtf8(v)));
            continue;
        }
        if (!(share > 0.0))
            continue;
        const BuildingUse u = use(pair[0], v);
        const auto same = std::find_if(mix.begin(), mix.end(), [u](const UseShare &s) { return s.use == u; });
        if (same != mix.end())
            same->share += share;
        else
            mix.append(UseShare{u, share});
        total += share;
    }
    if (!mix.isEmpty()) {
        if (!given.isEmpty() && std::abs(total - 1.0) > kShareSumTolerance)
            outcome->problems.append(QStringLiteral("use shares sum to %1, not 1 (%2%3): each is divided by %1")
                                         .arg(formatted(total), given.join(QStringLiteral(" + ")),
                                              m_sources[Use1Share].where == Where::Join
                                                  ? QStringLiteral(" in %1").arg(m_joinFile)
                                                  : QString()));
        for (UseShare &s : mix)
            s.share /= total;
        b->use = std::max_element(mix.begin(), mix.end(), [](const UseShare &x, const UseShare &y) {
                     return x.share < y.share;
                 })->use;
        if (mix.size() > 1)
            b->mix = mix;
        return;
    }
    const char *generic = text(GenericUse);
    b->use = generic ? use(GenericUse, generic) : BuildingUse::Other;
}

void BuildingAttributes::readHeight(Building *b, Outcome *outcome)
{
    double height = 0.0, levels = 0.0;
    QStringList rejectedHeights, rejectedLevels;
    const bool hasHeight = firstPlausible({Height, BuildingHeight, HeightAg}, Quantity::Length, &height, &rejectedHeights);
    const bool hasLevels = firstPlausible({BuildingLevels, Levels, FloorsAg}, Quantity::Count, &levels, &rejectedLevels);
    b->heightM = height;
    b->levels = levels;
    double basements = 0.0;
    QStringList rejectedBasements;
    if (firstPlausible({LevelsUnderground, FloorsBg}, Quantity::Basements, &basements, &rejectedBasements))
        b->basementLevels = basements;
    else if (!rejectedBasements.isEmpty())
        outcome->problems.append(QStringLiteral("%1: no storeys below ground taken").arg(rejectedBasements.join(QStringLiteral("; "))));
    const bool rejected = !rejectedHeights.isEmpty() || !rejectedLevels.isEmpty();
    QString how;
    plausibility::settleHeight(b, hasHeight, hasLevels, rejected ? &how : nullptr);
    if (!rejected)
        return;
    if (how.isEmpty())  // both came from later fields
        how = QStringLiteral("used %1 m and %2 storeys from the other fields").arg(formatted(b->heightM), formatted(b->levels));
    outcome->problems.append(
        QStringLiteral("%1: %2").arg((rejectedHeights + rejectedLevels).join(QStringLiteral("; ")), how));
}

void BuildingAttributes::readYear(Building *b, Outcome *outcome)
{
    b->year = 0;
    QStringList rejected;
    for (Attr a : {Year, StartDate, BuildingYear}) {
        const Source &s = m_sources[a];
        double y = 0.0;
        QString problem;
        if (s.where == Where::Layer && s.numeric) {
            if (!value(a, Quantity::Count, &y, &problem))
                continue;
        } else {
            const char *t = text(a);
            if (!t)
                continue;
            y = textvalue::toYear(t);  // dates such as "1975-05-01" or "~1900"
            if (y == 0.0)
                problem = QStringLiteral("not a year");
        }
        if (problem.isEmpty())
            problem = plausibility::yearProblem(y);
        if (problem.isEmpty()) {
            b->year = int(y);
            break;
        }
        rejected.append(QStringLiteral("%1 is %2").arg(quoted(a), problem));
    }
    if (!rejected.isEmpty())
        outcome->problems.append(QStringLiteral("%1: %2")
                                     .arg(rejected.join(QStringLiteral("; ")),
                                          b->year ? QStringLiteral("used %1").arg(b->year)
                                                  : QStringLiteral("year of construction left unknown")));
}

BuildingAttributes::Outcome BuildingAttributes::read(OGRFeatureH feature, Building *b)
{
    Outcome outcome;
    m_feature = feature;
    m_tagsParsed = false;
    m_joinRow = -1;
    if (m_join) {
        m_joinRow = m_join->rowOf(OGR_F_GetFieldAsString(feature, m_joinKeyField));
        outcome.joinMissing = m_joinRow < 0;
        outcome.joinRow = m_joinRow;
    }

    readId(b, &outcome);
    b->name.clear();
    for (const Source &s : m_nameSources) {
        if (const char *name = text(s)) {
            b->name = QString::fromUtf8(name).trimmed();
            if (!b->name.isEmpty())
                break;
        }
    }
    readUses(b, &outcome);
    readHeight(b, &outcome);
    readYear(b, &outcome);
    return outcome;
}

void BuildingAttributes::readId(Building *b, Outcome *outcome)
{
    b->sourceId.clear();
    for (const Source &s : m_idSources) {
        if (s.where == Where::Layer && s.numeric) {
            // Formatting integer ids ourselves skips OGR's printf per feature.
            if (OGR_F_IsFieldSetAndNotNull(m_feature, s.index)) {
                b->sourceId = QString::number(OGR_F_GetFieldAsInteger64(m_feature, s.index));
                return;
            }
        } else if (const char *v = text(s)) {
            b->sourceId = QString::fromUtf8(v);
            return;
        }
    }
    b->sourceId = QString::number(OGR_F_GetFID(m_feature));
    outcome->idFromFid = true;
}

QByteArray BuildingAttributes::joinKeyOf(OGRFeatureH feature) const
{
    return m_joinKeyField < 0 ? QByteArray() : QByteArray(OGR_F_GetFieldAsString(feature, m_joinKeyField));
}

} // namespace tt
