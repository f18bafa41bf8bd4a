// Fuzz target: the site-profile loader must reject any bytes with a LoadError, never crash or hang.
#include "catalog/model/catalog.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    pp::Catalog catalog;
    pp::LoadError error;
    if (!catalog.loadSiteData(bytes, QStringLiteral("fuzz-site.json"), pp::Catalog::kUserLayer, &error)) {
        if (error.reason.isEmpty())
            __builtin_trap();
        return 0;
    }
    for (const pp::SiteProfile *site : catalog.sites()) {
        (void)site->power.feeds.capacityW();
        (void)site->toJson().dump();
    }
    return 0;
}
