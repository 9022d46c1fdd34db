// SPDX-License-Identifier: MIT
#include "GdalSession_p.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace tt {

GdalSession::GdalSession()
{
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    // The handler stack is per thread, so imports on worker threads do not interfere.
    CPLPushErrorHandlerEx(&GdalSession::handler, this);
}

GdalSession::~GdalSession()
{
    CPLPopErrorHandler();
}

void CPL_STDCALL GdalSession::handler(CPLErr errorClass, CPLErrorNum, const char *message)
{
    // Warnings (e.g. the GeoTIFF datum notice) are expected with real data and are not failures.
    if (errorClass != CE_Failure && errorClass != CE_Fatal)
        return;
    auto *self = static_cast<GdalSession *>(CPLGetErrorHandlerUserData());
    if (self)
        self->m_lastError = QString::fromUtf8(message);
}

} // namespace tt
