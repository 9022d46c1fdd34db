// SPDX-License-Identifier: MIT
#pragma once

#include "core/Building.h"
#include "core/Status.h"

#include <QByteArray>
#include <QStringList>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <ogr_api.h>

namespace tt {

class AttributeJoin;
struct ImportOptions;

//! Turns the attributes of a building feature into Building fields (source id,
//! display name, use and use mix, levels, height, year). Field positions are resolved once per
//! layer; each attribute comes from the layer, else the join table, else the
//! OSM `other_tags` hstore, so per feature only cheap indexed reads remain.
class BuildingAttributes {
public:
    //! Fails when the join key, --use-field or --name-field is not a field of the layer.
    //! options.joinPath names the join table in messages.
    Status init(OGRFeatureDefnH defn, const ImportOptions &options, const AttributeJoin *join);

    //! What read() found out about a feature besides its attributes.
    struct Outcome {
        bool joinMissing = false;  //!< a join is configured but the table has no row for this feature's key
        bool idFromFid = false;    //!< no id field had a value: sourceId is the FID
        int joinRow = -1;          //!< the join table's row for this feature, -1 when none
        //! Values that were present but left out or replaced, each naming the field, the
        //! raw value, why, and what the building got instead. Empty for clean features.
        QStringList problems;
    };

    //! Fills every attribute field of building from feature.
    Outcome read(OGRFeatureH feature, Building *building);
    //! The feature's join key as text (for messages).
    QByteArray joinKeyOf(OGRFeatureH feature) const;

private:
    enum Attr {
        UserUse, OsmBuilding, Use1, Use1Share, Use2, Use2Share, Use3, Use3Share, GenericUse,
        Height, BuildingHeight, HeightAg, BuildingLevels, Levels, FloorsAg, LevelsUnderground, FloorsBg,
        Year, StartDate, BuildingYear,
        AttrCount
    };
    enum class Where { None, Layer, Join, Tags };
    struct Source {
        Where where = Where::None;
        int index = -1;
        bool numeric = false;
        QByteArray tag;
    };

    //! What a value measures, which decides how its text is read and which limits apply.
    enum class Quantity { Length, Count, Basements, Share };

    Source resolve(OGRFeatureDefnH defn, const QByteArray &name) const;
    void resolveIdsAndNames(OGRFeatureDefnH defn, const ImportOptions &options);
    const char *text(const Source &s);
    const char *text(Attr a) { return text(m_sources[a]); }
    //! Reads attribute a; false when absent. *problem says why a present value cannot be read.
    bool value(Attr a, Quantity quantity, double *value, QString *problem);
    //! The first of attrs with a plausible value; each present but implausible one is added to *rejected.
    bool firstPlausible(std::initializer_list<Attr> attrs, Quantity quantity, double *value, QStringList *rejected);
    //! Attribute a and its raw value as messages name them: "height '45 xyz'",
    //! "YEAR '3000' in typology.dbf", "tag height '1e9'".
    QString quoted(Attr a);
    void readId(Building *building, Outcome *outcome);
    BuildingUse useOf(const char *value);
    void readUses(Building *building, Outcome *outcome);
    void readHeight(Building *building, Outcome *outcome);
    void readYear(Building *building, Outcome *outcome);
    void parseTags();

    static const char *const kNames[AttrCount];  // field (or tag) names, nullptr for UserUse
    Source m_sources[AttrCount];
    QByteArray m_userUseField;  // --use-field
    std::vector<Source> m_idSources;    // tried in order; the first with a value is the source id
    std::vector<Source> m_nameSources;  // tried in order; the first with a value is the display name
    const AttributeJoin *m_join = nullptr;
    QString m_joinFile;  // file name of the join table, for messages
    int m_joinKeyField = -1;
    int m_tagsField = -1;

    // Per-feature state.
    OGRFeatureH m_feature = nullptr;
    int m_joinRow = -1;
    bool m_tagsParsed = false;
    std::vector<std::pair<std::string, std::string>> m_tags;
    std::unordered_map<std::string, BuildingUse> m_useCache;
};

} // namespace tt
