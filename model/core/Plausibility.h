// SPDX-License-Identifier: MIT
#pragma once

#include "Building.h"

#include <QString>
#include <QVariant>

namespace tt::plausibility {

// The one place for what a value may be before TownTwin calls it a mistake:
// the importer (attributes of source data) and the project reader (a file
// edited elsewhere) apply the same limits, so a value one refuses the other
// refuses too. Beyond them a value is a unit mix-up, a placeholder (-9999,
// 0) or a typo, never a building.

//! Tallest building on Earth: Burj Khalifa, 828 m.
constexpr double kMaxHeightM = 830.0;
//! Lower than this is a kerb or a flat slab, not a building one can enter (sheds and kiosks are 2 m or more).
constexpr double kMinHeightM = 1.0;
//! Burj Khalifa has 163 storeys above ground; the editor offers up to 200.
constexpr double kMaxLevels = 200.0;
//! Years of construction: older ones are a typo; later ones leave room for plans.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2200;
//! Ground elevation: below the Dead Sea shore (-430 m) is a NoData code (-9999,
//! -32768) or one smeared by resampling; above Everest (8849 m) as well.
constexpr double kMinElevationM = -1000.0;
constexpr double kMaxElevationM = 9000.0;

//! Why a building height (m) is implausible: not a number, not above kMinHeightM,
//! taller than kMaxHeightM. Empty when it is plausible.
QString heightProblem(double heightM);
//! Why a number of storeys above ground is implausible (not above 0, more than kMaxLevels); empty when plausible.
QString levelsProblem(double levels);
//! The deepest basements there are have about a dozen storeys.
constexpr double kMaxBasementLevels = 15.0;
//! Why a number of storeys below ground is implausible (negative, more than kMaxBasementLevels); empty when plausible.
QString basementLevelsProblem(double levels);
//! Why a year of construction is implausible (outside kMinYear..kMaxYear); empty when plausible.
QString yearProblem(double year);
//! Why a ground elevation (m) is implausible; empty when plausible.
QString elevationProblem(double elevationM);

//! Height and storeys of b from what the data gave: both known are kept; one
//! known gives the other through the use's storey height; neither gives the
//! use's typical storeys (and marks the height guessed). What the importer and
//! the project reader fall back on when a value is missing or implausible.
//! *how, when given, says what it did for a message ("used 9 m and 3 storeys
//! (guessed, typical for its use, residential)"); it is left empty when both were known.
void settleHeight(Building *b, bool heightKnown, bool levelsKnown, QString *how = nullptr);

//! Why a road width (m) is implausible (not above 0, wider than kMaxRoadWidthM); empty when plausible.
QString roadWidthProblem(double widthM);
//! Wider than the widest avenues (Brasília's Eixo Monumental is about 250 m across).
constexpr double kMaxRoadWidthM = 300.0;

//! Why a town setting is implausible, e.g. "residential_m2_per_person" must be
//! 5..500 m² per resident; empty when it is plausible or not a setting with limits.
QString settingProblem(const QString &key, const QVariant &value);

} // namespace tt::plausibility
