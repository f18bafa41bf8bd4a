#pragma once

#include "catalog/model/catalog.h"

#include <QList>
#include <optional>
#include <vector>

namespace pp {

// What an import produced: device types with their source entries, warnings, and the files refused.
struct NetBoxImport {
    std::vector<DeviceType> types;
    std::vector<SourceInfo> sources;
    QStringList warnings;    // "file:line:column: key: message"
    QList<LoadError> errors; // one per file that could not be used
};

// Reads NetBox device-type library YAML (device-types/<Manufacturer>/<Model>.yaml) into catalog
// device types. Unknown keys are warnings, not errors: real library files carry keys outside the schema.
class NetBoxImporter {
public:
    // Role given to every imported type; unset = guessed (power outlets: pdu, 16+ data interfaces: switch).
    void setRole(std::optional<Role> role) { m_role = role; }

    // A file, or every *.yaml / *.yml below a folder. False when any file was refused (see out.errors).
    bool importPath(const QString &fileOrDir, NetBoxImport &out) const;
    bool importFile(const QString &fileName, NetBoxImport &out) const;
    bool importData(const QByteArray &yaml, const QString &fileName, NetBoxImport &out) const;

    // NetBox spells one vendor two ways: Nvidia and Mellanox (names or slugs) are both "NVIDIA".
    static QString vendorName(const QString &manufacturer);
    // The catalog id of an imported type: vendor slug + model slug, e.g. "nvidia-sn5600".
    static QString catalogId(const QString &manufacturer, const QString &slug);

    struct InterfaceKind {
        bool known = false;
        double speedGbps = 0;
        QString media; // OSFP, QSFP-DD, RJ45, …
    };
    // Speed and media of a NetBox interface type slug: "800gbase-x-osfp" is 800 Gbit/s OSFP.
    static InterfaceKind interfaceKind(const QString &typeSlug);

private:
    std::optional<Role> m_role;
};

} // namespace pp
