// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cpl_error.h>

namespace tt {

//! Scope of GDAL use on this thread: registers the drivers once per process and
//! captures CPLError messages instead of letting GDAL print them, so failures
//! can be reported with GDAL's own words.
class GdalSession {
public:
    GdalSession();
    ~GdalSession();
    GdalSession(const GdalSession &) = delete;
    GdalSession &operator=(const GdalSession &) = delete;

    //! The most recent CE_Failure/CE_Fatal message since construction or clearError().
    QString lastError() const { return m_lastError; }
    void clearError() { m_lastError.clear(); }

private:
    static void CPL_STDCALL handler(CPLErr errorClass, CPLErrorNum errorNumber, const char *message);
    QString m_lastError;
};

} // namespace tt
