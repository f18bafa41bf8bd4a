// Fuzz target: the catalog loader must reject any bytes with a LoadError, never crash or hang.
#include "catalog/model/catalog.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    pp::Catalog catalog;
    pp::LoadError error;
    if (!catalog.loadCatalogData(bytes, QStringLiteral("fuzz.json"), pp::Catalog::kUserLayer, &error)) {
        if (error.reason.isEmpty())
            __builtin_trap();
        return 0;
    }
    for (const pp::DeviceType *type : catalog.deviceTypes()) {
        (void)type->allPortNames();
        (void)type->resolvePort(QStringLiteral("swp1s1"));
        (void)type->throughputGBpsAt(50);
        (void)pp::deviceTypeToJson(*type).dump();
    }
    return 0;
}
