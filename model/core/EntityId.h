// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace tt {
//! Stable identity of an entity within a document; never reused, 0 means "none".
using EntityId = quint64;
constexpr EntityId kNoEntity = 0;
} // namespace tt
