#pragma once

#include "catalog/model/devicetype.h"
#include "planner/model/plan.h"

#include <QString>
#include <unordered_map>
#include <unordered_set>

namespace pp::ops {

// The id and hostname prefixes a new device of a role gets ("cn" and "cnode-" for a C-node), so that
// the editor, the plan builder and the auto-cabler name devices alike.
struct DeviceNamePrefixes {
    QString id;
    QString hostname;
};
DeviceNamePrefixes namePrefixes(Role role);
// The prefixes for a device of a type that is not in the catalog.
DeviceNamePrefixes unknownTypeNamePrefixes();

// "cn12" → "cn", "R1-db3" → "R1-db"; "dev" when the name is all digits.
QString numberedPrefix(const QString &name);

// Hands out device ids and hostnames that no device of a plan uses, and remembers what it handed
// out, so that one namer serves a whole batch of new devices (a plan build, a cabling run, copies).
// Numbers count up from 1 per prefix, skipping those in use: the first hand-out for a prefix is the
// lowest free number, and a batch costs O(devices) rather than a scan of the plan per device.
class DeviceNamer {
public:
    explicit DeviceNamer(const Plan &plan);

    // prefix + the lowest number (from 1) that no device has as id.
    QString nextId(const QString &prefix);
    // prefix + the lowest number (from 1) that no device has as hostname.
    QString nextHostname(const QString &prefix);
    // wanted when no device has it as hostname, else the next free one after it (see hostnameAfter).
    QString uniqueHostname(const QString &wanted);
    // The first free hostname after this one in its numbering: "cnode-3" → "cnode-4" (or later when
    // taken), "web" → "web-2"; used for copies, which follow their original.
    QString hostnameAfter(const QString &hostname);

    bool idInUse(const QString &id) const { return m_ids.count(id) > 0; }
    bool hostnameInUse(const QString &hostname) const { return m_hostnames.count(hostname) > 0; }

private:
    static QString next(const QString &prefix, std::unordered_set<QString> &used,
                        std::unordered_map<QString, int> &cursor);

    std::unordered_set<QString> m_ids;
    std::unordered_set<QString> m_hostnames;
    std::unordered_map<QString, int> m_idCursor;
    std::unordered_map<QString, int> m_hostnameCursor;
};

} // namespace pp::ops
