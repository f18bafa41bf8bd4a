// Fuzz target: the NetBox device-type YAML importer must refuse any bytes with a LoadError naming the
// reason, never crash or hang; what it imports must serialise.
#include "catalog/model/catalog.h"
#include "catalog/netbox/netboximporter.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    pp::NetBoxImporter importer;
    pp::NetBoxImport result;
    if (!importer.importData(bytes, QStringLiteral("fuzz.yaml"), result)) {
        if (result.errors.isEmpty())
            __builtin_trap();
        for (const pp::LoadError &error : result.errors)
            if (error.reason.isEmpty())
                __builtin_trap(); // every refusal must say why
        return 0;
    }
    for (const pp::DeviceType &type : result.types)
        (void)pp::deviceTypeToJson(type).dump();
    return 0;
}
