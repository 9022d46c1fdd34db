// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tt {

//! How a site whose meters publish other topics or payloads maps onto TownTwin's
//! contract: a JSON file of rules, tried in order before the standard topics.
//!
//!     {"rules": [{"topic": "plant/+/meter/+/power",   // MQTT filter: + one level, # the rest
//!                 "entity": "{2}",                   // literal, or the Nth wildcard's level
//!                 "quantity": "electricity_kw",      // literal key, or "{N}"
//!                 "value": "data.p",                 // dotted path in each payload object
//!                 "ts": "data.time",                 // dotted path; absent: the time it arrived
//!                 "ts_unit": "ms",                   // "s" (default; ISO strings always work) or "ms"
//!                 "scale": 0.001, "offset": 0}]}     // value × scale + offset
//!
//! A payload may be one object or an array of them.
class TelemetryMapping {
public:
    struct Rule {
        QString topic;
        QStringList levels;  //!< topic split at '/'
        QString entity, quantity;
        QStringList valuePath{QStringLiteral("value")};
        QStringList tsPath;  //!< empty: the time it arrived (meters that send none)
        bool tsInMilliseconds = false;
        double scale = 1.0;
        double offset = 0.0;

        //! True when `topicLevels` matches the filter; captures the wildcards' levels.
        bool matches(const QStringList &topicLevels, QStringList *captures) const;
        //! `entity` or `quantity` with "{N}" replaced by the Nth capture; empty when N is out of range.
        static QString expand(const QString &pattern, const QStringList &captures);
    };

    //! Reads a mapping file; errors name the file, the rule and the field.
    static Status load(const QString &path, TelemetryMapping *mapping);
    //! Parses the file's text; `source` names it in errors.
    static Status parse(const QByteArray &json, const QString &source, TelemetryMapping *mapping);

    const std::vector<Rule> &rules() const { return m_rules; }
    bool isEmpty() const { return m_rules.empty(); }

private:
    std::vector<Rule> m_rules;
};

} // namespace tt
