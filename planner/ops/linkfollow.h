#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <functional>
#include <utility>
#include <vector>

namespace pp::ops {

// What keeping the links up to date changed, so that an undo puts them back exactly: links
// dropped (indices before the drop, ascending) and links rewritten (indices after the drop).
struct LinkUndo {
    std::vector<std::pair<int, Link>> removed;
    std::vector<std::pair<int, Uplink>> removedUplinks;
    std::vector<std::pair<int, Link>> changed; // the link as it was before
    bool empty() const { return removed.empty() && removedUplinks.empty() && changed.empty(); }
};

// Brings the selected links in line with the devices and racks as they are now: labels from the
// hostnames; for a derived link (not Link::manual) the length from the site's cable policy and
// the route, and a new cable when its cable no longer fits; a manual link is kept as it is and
// named in notes when its cable no longer fits. Appends what it changed to undo.
void followLinks(Plan &plan, const Catalog &catalog, const std::function<bool(const Link &)> &select, LinkUndo *undo,
                 QStringList *notes);

// Drops the links and uplinks on ports that the device's (new) type does not have, recording them.
void dropLinksOnMissingPorts(Plan &plan, const Catalog &catalog, const QString &deviceId, LinkUndo *undo,
                             QStringList *notes);

// Undoes what followLinks() and dropLinksOnMissingPorts() recorded.
void restoreLinks(Plan &plan, const LinkUndo &undo);

} // namespace pp::ops
