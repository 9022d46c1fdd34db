// SPDX-License-Identifier: MIT
#pragma once
// Waiting in GUI tests for the energy runner to catch up with the document.
#include "core/Document.h"
#include "gui/EnergyRunner.h"

#include <QElapsedTimer>
#include <QtTest>

namespace tt::guitest {

//! Whether `runner` has simulated `document`'s current revision within `timeoutMs`
//! (events are processed meanwhile).
inline bool waitUntilSimulated(const EnergyRunner &runner, const Document &document, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (runner.state() == EnergyRunner::State::UpToDate && runner.resultRevision() == document.revision())
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace tt::guitest
