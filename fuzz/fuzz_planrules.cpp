// SPDX-License-Identifier: MIT
// libFuzzer harness for plan-check rule sets (PlanRules::parse), the bundled
// one and the copy a project may carry. An accepted rule set must hold what the
// parser promises, since PlanChecker relies on it without checking again.
#include "FuzzSupport.h"

#include "analysis/PlanRules.h"

#include <QSet>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tt::PlanRules rules;
    const tt::Status status = tt::PlanRules::parse(tt::fuzz::bytes(data, size), &rules);
    if (!status) {
        TT_FUZZ_CHECK(!status.message.isEmpty());
        return 0;
    }
    QSet<QString> ids;
    for (const tt::PlanRule &rule : rules.rules()) {
        TT_FUZZ_CHECK(!rule.id.isEmpty() && !rule.metric.isEmpty());
        TT_FUZZ_CHECK(!ids.contains(rule.id));
        ids.insert(rule.id);
        if (rule.kind == tt::PlanRule::Kind::Target)
            TT_FUZZ_CHECK(rule.tolerance >= 0.0 && rule.warnTolerance >= rule.tolerance);
        else
            TT_FUZZ_CHECK(rule.min <= rule.max && rule.warnMargin >= 0.0);
        TT_FUZZ_CHECK(!rule.targetText().isEmpty());  // what the KPI dock and `kpis` show
    }
    return 0;
}
