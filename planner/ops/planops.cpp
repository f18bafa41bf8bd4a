#include "planner/ops/planops.h"

#include "planner/model/resolvedplan.h"
#include "planner/ops/devicenamer.h"

#include <algorithm>

namespace pp::ops {

namespace {

QString deviceName(const Device &d)
{
    return d.hostname.isEmpty() || d.hostname == d.id ? d.id : QStringLiteral("%1 (%2)").arg(d.hostname, d.id);
}

QString unitsText(int lo, int hi)
{
    return lo == hi ? QStringLiteral("U%1").arg(lo) : QStringLiteral("U%1–%2").arg(lo).arg(hi);
}

bool facesCollide(Face a, bool aFull, Face b, bool bFull)
{
    return a == b || aFull || bFull;
}

} // namespace

std::pair<int, int> occupiedUnits(const DeviceType &type, int u)
{
    if (!type.isRackMounted() || u < 1)
        return {0, -1};
    return {u, u + type.uHeight - 1};
}

OpResult checkPlacement(const Plan &plan, const Catalog &catalog, const QString &typeId, const Placement &where,
                        const QStringList &ignoreIds)
{
    const DeviceType *type = catalog.deviceType(typeId);
    if (!type)
        return OpResult::refused(QStringLiteral("unknown device type \"%1\"").arg(typeId));
    if (where.rack.isEmpty()) {
        if (where.u != 0)
            return OpResult::refused(QStringLiteral("a device outside any rack has no U position"));
        return OpResult::done();
    }
    const Rack *rack = plan.findRack(where.rack);
    if (!rack)
        return OpResult::refused(QStringLiteral("rack \"%1\" does not exist").arg(where.rack));
    if (!type->isRackMounted()) {
        if (where.u != 0)
            return OpResult::refused(QStringLiteral("%1 takes no rack units (0U); its U must be 0").arg(type->model));
        return OpResult::done();
    }
    if (type->uHeight > rack->heightU)
        return OpResult::refused(QStringLiteral("%1 is %2U, taller than rack %3 (%4U)")
                                     .arg(type->model)
                                     .arg(type->uHeight)
                                     .arg(rack->id)
                                     .arg(rack->heightU));
    const auto [lo, hi] = occupiedUnits(*type, where.u);
    if (where.u < 1 || hi > rack->heightU)
        return OpResult::refused(QStringLiteral("%1 (%2U) at U%3 would take %4, outside rack %5 (U1–%6)")
                                     .arg(type->model)
                                     .arg(type->uHeight)
                                     .arg(where.u)
                                     .arg(unitsText(where.u, where.u + type->uHeight - 1), rack->id)
                                     .arg(rack->heightU));
    for (const Device &other : plan.devices) {
        if (other.rack != where.rack || ignoreIds.contains(other.id))
            continue;
        const DeviceType *otherType = catalog.deviceType(other.type);
        if (!otherType)
            continue;
        const auto [olo, ohi] = occupiedUnits(*otherType, other.u);
        if (ohi < olo || ohi < lo || olo > hi)
            continue;
        if (!facesCollide(where.face, type->fullDepth, other.face, otherType->fullDepth))
            continue;
        return OpResult::refused(
            QStringLiteral("%1 at %2 would overlap %3 at %4 in rack %5")
                .arg(type->model, unitsText(lo, hi), deviceName(other), unitsText(olo, ohi), rack->id));
    }
    return OpResult::done();
}

int findFreeU(const Plan &plan, const Catalog &catalog, const QString &typeId, const QString &rackId, Face face,
              int preferU, const QStringList &ignoreIds)
{
    const Rack *rack = plan.findRack(rackId);
    const DeviceType *type = catalog.deviceType(typeId);
    if (!rack || !type || !type->isRackMounted())
        return 0;
    // One pass to mark taken units, then a scan outward from the preferred U.
    std::vector<char> taken(static_cast<std::size_t>(rack->heightU) + 2, 0);
    for (const Device &other : plan.devices) {
        if (other.rack != rackId || ignoreIds.contains(other.id))
            continue;
        const DeviceType *otherType = catalog.deviceType(other.type);
        if (!otherType || !facesCollide(face, type->fullDepth, other.face, otherType->fullDepth))
            continue;
        const auto [lo, hi] = occupiedUnits(*otherType, other.u);
        for (int u = std::max(lo, 1); u <= std::min(hi, rack->heightU); ++u)
            taken[static_cast<std::size_t>(u)] = 1;
    }
    const auto fits = [&](int u) {
        if (u < 1 || u + type->uHeight - 1 > rack->heightU)
            return false;
        for (int k = u; k < u + type->uHeight; ++k)
            if (taken[static_cast<std::size_t>(k)])
                return false;
        return true;
    };
    preferU = std::clamp(preferU, 1, rack->heightU);
    for (int u = preferU; u <= rack->heightU; ++u)
        if (fits(u))
            return u;
    for (int u = preferU - 1; u >= 1; --u)
        if (fits(u))
            return u;
    return 0;
}

static OpResult checkDeviceFields(const Plan &plan, const Catalog &catalog, const Device &device)
{
    if (device.id.trimmed().isEmpty() || device.id.contains(QLatin1Char(':')))
        return OpResult::refused(QStringLiteral("a device id must be non-empty and must not contain ':'"));
    if (!device.hostname.isEmpty())
        for (const Device &other : plan.devices)
            if (other.id != device.id && other.hostname == device.hostname)
                return OpResult::refused(
                    QStringLiteral("hostname \"%1\" is already used by %2; hostnames name the devices on cable "
                                   "labels, so each must be unique")
                        .arg(device.hostname, other.id));
    const DeviceType *type = catalog.deviceType(device.type);
    if (!type)
        return OpResult::refused(QStringLiteral("unknown device type \"%1\"").arg(device.type));
    for (const QString &feed : device.psuFeeds)
        if (feed != QLatin1String("A") && feed != QLatin1String("B"))
            return OpResult::refused(QStringLiteral("PSU feed \"%1\" must be A or B").arg(feed));
    if (type->psu.count.known() && device.psuFeeds.size() > static_cast<int>(*type->psu.count.value))
        return OpResult::refused(QStringLiteral("%1 has %2 PSUs, but %3 feeds are given")
                                     .arg(type->model)
                                     .arg(*type->psu.count.value)
                                     .arg(device.psuFeeds.size()));
    return checkPlacement(plan, catalog, device.type, Placement{device.rack, device.u, device.face}, {device.id});
}

OpResult addDevice(Plan &plan, const Catalog &catalog, const Device &device, int index)
{
    if (plan.findDevice(device.id))
        return OpResult::refused(QStringLiteral("device id \"%1\" is already used").arg(device.id));
    if (const OpResult r = checkDeviceFields(plan, catalog, device); !r)
        return r;
    const int size = static_cast<int>(plan.devices.size());
    const int at = index < 0 || index > size ? size : index;
    plan.devices.insert(plan.devices.begin() + at, device);
    return OpResult::done();
}

OpResult removeDevice(Plan &plan, const QString &id, RemovedDevice *removed)
{
    const int index = plan.deviceIndex(id);
    if (index < 0)
        return OpResult::refused(QStringLiteral("no device \"%1\"").arg(id));
    RemovedDevice out;
    out.index = index;
    out.device = plan.devices[static_cast<std::size_t>(index)];
    std::vector<Link> keptLinks;
    keptLinks.reserve(plan.links.size());
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        if (plan.links[i].a.device == id || plan.links[i].b.device == id)
            out.links.emplace_back(static_cast<int>(i), plan.links[i]);
        else
            keptLinks.push_back(plan.links[i]);
    }
    std::vector<Uplink> keptUplinks;
    for (std::size_t i = 0; i < plan.uplinks.size(); ++i) {
        if (plan.uplinks[i].device == id)
            out.uplinks.emplace_back(static_cast<int>(i), plan.uplinks[i]);
        else
            keptUplinks.push_back(plan.uplinks[i]);
    }
    plan.links = std::move(keptLinks);
    plan.uplinks = std::move(keptUplinks);
    plan.devices.erase(plan.devices.begin() + index);
    if (removed)
        *removed = std::move(out);
    return OpResult::done();
}

OpResult restoreDevice(Plan &plan, const RemovedDevice &removed)
{
    if (plan.findDevice(removed.device.id))
        return OpResult::refused(QStringLiteral("device id \"%1\" is already used").arg(removed.device.id));
    const int size = static_cast<int>(plan.devices.size());
    plan.devices.insert(plan.devices.begin() + std::clamp(removed.index, 0, size), removed.device);
    for (const auto &[i, link] : removed.links)
        plan.links.insert(plan.links.begin() + std::clamp(i, 0, static_cast<int>(plan.links.size())), link);
    for (const auto &[i, uplink] : removed.uplinks)
        plan.uplinks.insert(plan.uplinks.begin() + std::clamp(i, 0, static_cast<int>(plan.uplinks.size())), uplink);
    return OpResult::done();
}

OpResult moveDevice(Plan &plan, const Catalog &catalog, const QString &id, const Placement &to, LinkUndo *linkUndo)
{
    return moveDevices(plan, catalog, {{id, to}}, linkUndo);
}

OpResult checkMoves(const Plan &plan, const Catalog &catalog, const std::vector<std::pair<QString, Placement>> &moves)
{
    QStringList moving;
    std::vector<const Device *> devices;
    std::vector<const DeviceType *> types;
    for (const auto &m : moves) {
        const Device *d = plan.findDevice(m.first);
        if (!d)
            return OpResult::refused(QStringLiteral("no device \"%1\"").arg(m.first));
        moving << m.first;
        devices.push_back(d);
        types.push_back(catalog.deviceType(d->type));
    }
    for (std::size_t i = 0; i < moves.size(); ++i) {
        if (const OpResult r = checkPlacement(plan, catalog, devices[i]->type, moves[i].second, moving); !r)
            return OpResult::refused(QStringLiteral("%1: %2").arg(deviceName(*devices[i]), r.error));
    }
    // The moved devices against each other's targets.
    for (std::size_t i = 0; i < moves.size(); ++i) {
        for (std::size_t j = i + 1; j < moves.size(); ++j) {
            const Placement &a = moves[i].second;
            const Placement &b = moves[j].second;
            if (a.rack != b.rack || a.rack.isEmpty() || !types[i] || !types[j])
                continue;
            const auto [alo, ahi] = occupiedUnits(*types[i], a.u);
            const auto [blo, bhi] = occupiedUnits(*types[j], b.u);
            if (ahi < alo || bhi < blo || ahi < blo || bhi < alo)
                continue;
            if (!facesCollide(a.face, types[i]->fullDepth, b.face, types[j]->fullDepth))
                continue;
            return OpResult::refused(QStringLiteral("%1 would overlap %2 at %3 in rack %4")
                                         .arg(deviceName(*devices[i]), deviceName(*devices[j]),
                                              unitsText(std::max(alo, blo), std::min(ahi, bhi)), a.rack));
        }
    }
    return OpResult::done();
}

OpResult moveDevices(Plan &plan, const Catalog &catalog, const std::vector<std::pair<QString, Placement>> &moves,
                     LinkUndo *linkUndo)
{
    if (const OpResult r = checkMoves(plan, catalog, moves); !r)
        return r;
    std::unordered_set<QString> moved;
    for (const auto &[id, to] : moves) {
        Device *d = plan.findDevice(id);
        d->rack = to.rack;
        d->u = to.u;
        d->face = to.face;
        moved.insert(id);
    }
    OpResult result;
    followLinks(
        plan, catalog, [&](const Link &l) { return moved.count(l.a.device) || moved.count(l.b.device); }, linkUndo,
        &result.notes);
    return result;
}

OpResult setDevice(Plan &plan, const Catalog &catalog, const Device &updated, LinkUndo *linkUndo)
{
    Device *d = plan.findDevice(updated.id);
    if (!d)
        return OpResult::refused(QStringLiteral("no device \"%1\"").arg(updated.id));
    if (const OpResult r = checkDeviceFields(plan, catalog, updated); !r)
        return r;
    const bool retyped = d->type != updated.type;
    *d = updated;
    OpResult result;
    if (retyped)
        dropLinksOnMissingPorts(plan, catalog, updated.id, linkUndo, &result.notes);
    followLinks(
        plan, catalog, [&](const Link &l) { return l.a.device == updated.id || l.b.device == updated.id; }, linkUndo,
        &result.notes);
    return result;
}

OpResult planDuplicates(const Plan &plan, const Catalog &catalog, const QStringList &ids, std::vector<Device> *copies)
{
    Plan scratch = plan;
    DeviceNamer namer(plan);
    std::vector<Device> out;
    for (const QString &id : ids) {
        const Device *original = plan.findDevice(id);
        if (!original)
            return OpResult::refused(QStringLiteral("no device \"%1\"").arg(id));
        Device copy = *original;
        copy.id = namer.nextId(numberedPrefix(original->id));
        if (!original->hostname.isEmpty())
            copy.hostname = namer.hostnameAfter(original->hostname);
        const DeviceType *type = catalog.deviceType(copy.type);
        if (type && type->isRackMounted() && !copy.rack.isEmpty()) {
            std::vector<QString> racks{copy.rack};
            for (const Rack &r : scratch.racks)
                if (r.id != copy.rack)
                    racks.push_back(r.id);
            int u = 0;
            for (const QString &rack : racks) {
                u = findFreeU(scratch, catalog, copy.type, rack, copy.face,
                              rack == copy.rack ? original->u + type->uHeight : 1);
                if (u > 0) {
                    copy.rack = rack;
                    break;
                }
            }
            if (u == 0)
                return OpResult::refused(QStringLiteral("no free %1U slot for a copy of %2 in any rack")
                                             .arg(type->uHeight)
                                             .arg(deviceName(*original)));
            copy.u = u;
        }
        if (const OpResult r = addDevice(scratch, catalog, copy); !r)
            return r;
        out.push_back(copy);
    }
    if (copies)
        *copies = std::move(out);
    return OpResult::done();
}

OpResult addRack(Plan &plan, const Rack &rack, int index)
{
    if (rack.id.trimmed().isEmpty())
        return OpResult::refused(QStringLiteral("the rack id is empty"));
    if (plan.findRack(rack.id))
        return OpResult::refused(QStringLiteral("rack id \"%1\" is already used").arg(rack.id));
    if (rack.heightU < 1 || rack.heightU > 100)
        return OpResult::refused(QStringLiteral("a rack is 1 to 100 U high, not %1").arg(rack.heightU));
    const int size = static_cast<int>(plan.racks.size());
    plan.racks.insert(plan.racks.begin() + (index < 0 || index > size ? size : index), rack);
    return OpResult::done();
}

static void followAllLinks(Plan &plan, const Catalog &catalog, LinkUndo *linkUndo, QStringList *notes)
{
    followLinks(
        plan, catalog, [](const Link &) { return true; }, linkUndo, notes);
}

OpResult addRack(Plan &plan, const Catalog &catalog, const Rack &rack, int index, LinkUndo *linkUndo)
{
    OpResult result = addRack(plan, rack, index);
    if (result)
        followAllLinks(plan, catalog, linkUndo, &result.notes);
    return result;
}

OpResult removeRack(Plan &plan, const Catalog &catalog, const QString &id, RemovedRack *removed)
{
    RemovedRack out;
    OpResult result = removeRack(plan, id, &out);
    if (!result)
        return result;
    followAllLinks(plan, catalog, &out.links, &result.notes);
    if (removed)
        *removed = std::move(out);
    return result;
}

OpResult moveRack(Plan &plan, const Catalog &catalog, const QString &id, int newIndex, LinkUndo *linkUndo)
{
    OpResult result = moveRack(plan, id, newIndex);
    if (result)
        followAllLinks(plan, catalog, linkUndo, &result.notes);
    return result;
}

OpResult removeRack(Plan &plan, const QString &id, RemovedRack *removed)
{
    const int index = plan.rackIndex(id);
    if (index < 0)
        return OpResult::refused(QStringLiteral("no rack \"%1\"").arg(id));
    RemovedRack out;
    out.index = index;
    out.rack = plan.racks[static_cast<std::size_t>(index)];
    // Remove from the back so that each recorded index is the one to restore at, in reverse order.
    for (int i = static_cast<int>(plan.devices.size()) - 1; i >= 0; --i) {
        if (plan.devices[static_cast<std::size_t>(i)].rack != id)
            continue;
        RemovedDevice rd;
        removeDevice(plan, plan.devices[static_cast<std::size_t>(i)].id, &rd);
        out.devices.push_back(std::move(rd));
    }
    plan.racks.erase(plan.racks.begin() + index);
    if (removed)
        *removed = std::move(out);
    return OpResult::done();
}

OpResult restoreRack(Plan &plan, const RemovedRack &removed)
{
    if (plan.findRack(removed.rack.id))
        return OpResult::refused(QStringLiteral("rack id \"%1\" is already used").arg(removed.rack.id));
    const int size = static_cast<int>(plan.racks.size());
    restoreLinks(plan, removed.links);
    plan.racks.insert(plan.racks.begin() + std::clamp(removed.index, 0, size), removed.rack);
    for (auto it = removed.devices.rbegin(); it != removed.devices.rend(); ++it)
        if (const OpResult r = restoreDevice(plan, *it); !r)
            return r;
    return OpResult::done();
}

OpResult renameRack(Plan &plan, const QString &id, const QString &name)
{
    Rack *rack = plan.findRack(id);
    if (!rack)
        return OpResult::refused(QStringLiteral("no rack \"%1\"").arg(id));
    if (name.trimmed().isEmpty())
        return OpResult::refused(QStringLiteral("a rack name must not be empty"));
    rack->name = name.trimmed();
    return OpResult::done();
}

OpResult setRackHeight(Plan &plan, const Catalog &catalog, const QString &id, int heightU, LinkUndo *linkUndo)
{
    Rack *rack = plan.findRack(id);
    if (!rack)
        return OpResult::refused(QStringLiteral("no rack \"%1\"").arg(id));
    if (heightU < 1 || heightU > 100)
        return OpResult::refused(QStringLiteral("a rack is 1 to 100 U high, not %1").arg(heightU));
    for (const Device &d : plan.devices) {
        const DeviceType *type = d.rack == id ? catalog.deviceType(d.type) : nullptr;
        if (type && occupiedUnits(*type, d.u).second > heightU)
            return OpResult::refused(QStringLiteral("%1 sits at U%2–%3, above the new height of %4U")
                                         .arg(deviceName(d))
                                         .arg(d.u)
                                         .arg(occupiedUnits(*type, d.u).second)
                                         .arg(heightU));
    }
    rack->heightU = heightU;
    OpResult result;
    // The run to the overhead tray starts at the rack top, so the links leaving this rack change.
    followLinks(
        plan, catalog,
        [&](const Link &l) {
            const Device *a = plan.findDevice(l.a.device);
            const Device *b = plan.findDevice(l.b.device);
            return (a && a->rack == id) || (b && b->rack == id);
        },
        linkUndo, &result.notes);
    return result;
}

OpResult moveRack(Plan &plan, const QString &id, int newIndex)
{
    const int from = plan.rackIndex(id);
    if (from < 0)
        return OpResult::refused(QStringLiteral("no rack \"%1\"").arg(id));
    if (newIndex < 0 || newIndex >= static_cast<int>(plan.racks.size()))
        return OpResult::refused(QStringLiteral("rack position %1 is out of range").arg(newIndex + 1));
    Rack rack = plan.racks[static_cast<std::size_t>(from)];
    plan.racks.erase(plan.racks.begin() + from);
    plan.racks.insert(plan.racks.begin() + newIndex, rack);
    return OpResult::done();
}

OpResult addWaiver(Plan &plan, const Waiver &waiver, int index)
{
    if (waiver.rule.trimmed().isEmpty())
        return OpResult::refused(QStringLiteral("a waiver names a rule"));
    if (waiver.reason.trimmed().isEmpty())
        return OpResult::refused(QStringLiteral("a waiver needs a reason"));
    for (const Waiver &w : plan.waivers)
        if (w.rule == waiver.rule && w.subject == waiver.subject)
            return OpResult::refused(
                QStringLiteral("%1 is already waived for \"%2\"").arg(waiver.rule, waiver.subject));
    const int size = static_cast<int>(plan.waivers.size());
    plan.waivers.insert(plan.waivers.begin() + (index < 0 || index > size ? size : index), waiver);
    return OpResult::done();
}

OpResult removeWaiver(Plan &plan, const QString &rule, const QString &subject, Waiver *removed, int *index)
{
    for (std::size_t i = 0; i < plan.waivers.size(); ++i) {
        if (plan.waivers[i].rule != rule || plan.waivers[i].subject != subject)
            continue;
        if (removed)
            *removed = plan.waivers[i];
        if (index)
            *index = static_cast<int>(i);
        plan.waivers.erase(plan.waivers.begin() + static_cast<std::ptrdiff_t>(i));
        return OpResult::done();
    }
    return OpResult::refused(QStringLiteral("no waiver of %1 for \"%2\"").arg(rule, subject));
}

OpResult setSite(Plan &plan, const Catalog &catalog, const QString &profile, const Json &overrides)
{
    if (!overrides.is_object())
        return OpResult::refused(QStringLiteral("site overrides must be a JSON object"));
    Plan probe;
    probe.site.profile = profile;
    probe.site.overrides = overrides;
    SiteProfile site;
    QString error;
    if (!ResolvedPlan::resolveSite(probe, catalog, site, &error))
        return OpResult::refused(error);
    plan.site.profile = profile;
    plan.site.overrides = overrides;
    return OpResult::done();
}

Json mergePatchDiff(const Json &from, const Json &to)
{
    if (!from.is_object() || !to.is_object())
        return to;
    Json patch = Json::object();
    for (auto it = from.begin(); it != from.end(); ++it)
        if (!to.contains(it.key()))
            patch[it.key()] = nullptr;
    for (auto it = to.begin(); it != to.end(); ++it) {
        const auto old = from.find(it.key());
        if (old == from.end()) {
            patch[it.key()] = it.value();
        } else if (*old != it.value()) {
            if (old->is_object() && it.value().is_object())
                patch[it.key()] = mergePatchDiff(*old, it.value());
            else
                patch[it.key()] = it.value();
        }
    }
    return patch;
}

} // namespace pp::ops
