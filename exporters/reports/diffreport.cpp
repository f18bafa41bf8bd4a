#include "exporters/reports/diffreport.h"

#include "exporters/common/textescape.h"

namespace pp {

using json::fromStd;

int DiffReport::count(const QString &kind, const QString &change) const
{
    int n = 0;
    for (const DiffEntry &e : entries)
        n += e.kind == kind && e.change == change ? 1 : 0;
    return n;
}

namespace {

QString valueText(const std::optional<Json> &value)
{
    if (!value)
        return QStringLiteral("(none)");
    if (value->is_string())
        return fromStd(value->get<std::string>());
    if (value->is_number())
        return textescape::number(value->get<double>(), 3);
    return fromStd(value->dump());
}

QString str(const Json &item, const char *key)
{
    const auto it = item.find(key);
    if (it == item.end())
        return QString();
    return it->is_string() ? fromStd(it->get<std::string>()) : valueText(*it);
}

QString placeText(const QString &rack, const QString &u, const QString &face)
{
    if (rack.isEmpty())
        return QStringLiteral("loose (no rack)");
    return QStringLiteral("%1 U%2 %3").arg(rack, u, face);
}

QString devicePlace(const Json &d)
{
    return placeText(str(d, "rack"), str(d, "u"), str(d, "face"));
}

QString deviceText(const Json &d)
{
    return QStringLiteral("%1 in %2").arg(str(d, "type"), devicePlace(d));
}

QString fieldsText(const std::vector<FieldChange> &fields, bool after)
{
    QStringList parts;
    for (const FieldChange &f : fields)
        parts << QStringLiteral("%1 %2").arg(f.field, valueText(after ? f.to : f.from));
    return parts.join(QStringLiteral(", "));
}

QString placeOf(const Plan &plan, const QString &id)
{
    const Device *d = plan.findDevice(id);
    if (!d)
        return QString();
    return placeText(d->rack, QString::number(d->u),
                     d->face == Face::Front ? QStringLiteral("front") : QStringLiteral("rear"));
}

// Moves are read from the plans, since the diff holds only the placement fields that changed.
void addDevices(const Plan &before, const Plan &after, const PlanDiff &diff, std::vector<DiffEntry> &out)
{
    const CollectionDiff &d = diff.devices;
    for (const Json &item : d.added)
        out.push_back({QStringLiteral("device"), str(item, "id"), str(item, "hostname"), QStringLiteral("added"),
                       QString(), deviceText(item)});
    for (const Json &item : d.removed)
        out.push_back({QStringLiteral("device"), str(item, "id"), str(item, "hostname"), QStringLiteral("removed"),
                       deviceText(item), QString()});
    for (const ObjectChange &c : d.changed) {
        const FieldChange *host = c.field(QStringLiteral("hostname"));
        // The hostname the device has in the new plan; when unchanged it is not in the change.
        const Device *device = after.findDevice(c.newKey);
        const QString hostname = device ? device->hostname : QString();
        const auto entry = [&](const char *change, const QString &before, const QString &after) {
            out.push_back({QStringLiteral("device"), c.newKey, hostname, QString::fromLatin1(change), before, after});
        };
        if (c.field(QStringLiteral("id")))
            entry("id-changed", c.key, c.newKey);
        if (c.field(QStringLiteral("rack")) || c.field(QStringLiteral("u")) || c.field(QStringLiteral("face")))
            entry("moved", placeOf(before, c.key), placeOf(after, c.newKey));
        if (const FieldChange *f = c.field(QStringLiteral("type")))
            entry("retyped", valueText(f->from), valueText(f->to));
        if (host)
            entry("renamed", valueText(host->from), valueText(host->to));
        if (const FieldChange *f = c.field(QStringLiteral("psuFeeds")))
            entry("changed", QStringLiteral("psuFeeds ") + valueText(f->from),
                  QStringLiteral("psuFeeds ") + valueText(f->to));
    }
}

void addLinks(const PlanDiff &diff, std::vector<DiffEntry> &out)
{
    const CollectionDiff &d = diff.links;
    std::vector<bool> addedUsed(d.added.size(), false);
    std::vector<bool> removedUsed(d.removed.size(), false);
    // A removed and an added link that share one end: that port was re-cabled.
    for (std::size_t i = 0; i < d.removed.size(); ++i) {
        const QStringList oldEnds{str(d.removed[i], "a"), str(d.removed[i], "b")};
        for (std::size_t j = 0; j < d.added.size() && !removedUsed[i]; ++j) {
            if (addedUsed[j])
                continue;
            const QStringList newEnds{str(d.added[j], "a"), str(d.added[j], "b")};
            for (int x = 0; x < 2 && !removedUsed[i]; ++x)
                for (int y = 0; y < 2 && !removedUsed[i]; ++y)
                    if (oldEnds[x] == newEnds[y]) {
                        out.push_back({QStringLiteral("link"), oldEnds[x], QString(), QStringLiteral("re-cabled"),
                                       oldEnds[1 - x], newEnds[1 - y]});
                        removedUsed[i] = addedUsed[j] = true;
                    }
        }
    }
    const auto linkText = [](const Json &l) {
        return QStringLiteral("%1 (%2 m)")
            .arg(str(l, "cable").isEmpty() ? QStringLiteral("no cable") : str(l, "cable"), str(l, "lengthM"));
    };
    for (std::size_t j = 0; j < d.added.size(); ++j)
        if (!addedUsed[j])
            out.push_back({QStringLiteral("link"), plandiff::objectKey(plandiff::Collection::Links, d.added[j]),
                           QString(), QStringLiteral("added"), QString(), linkText(d.added[j])});
    for (std::size_t i = 0; i < d.removed.size(); ++i)
        if (!removedUsed[i])
            out.push_back({QStringLiteral("link"), plandiff::objectKey(plandiff::Collection::Links, d.removed[i]),
                           QString(), QStringLiteral("removed"), linkText(d.removed[i]), QString()});
    for (const ObjectChange &c : d.changed) {
        // Ends that changed only because a device got a new id are not a cabling change.
        std::vector<FieldChange> fields;
        for (const FieldChange &f : c.fields)
            if (f.field != QLatin1String("a") && f.field != QLatin1String("b"))
                fields.push_back(f);
        if (!fields.empty())
            out.push_back({QStringLiteral("link"), c.newKey, QString(), QStringLiteral("changed"),
                           fieldsText(fields, false), fieldsText(fields, true)});
    }
}

void addSimple(const PlanDiff &diff, plandiff::Collection c, std::vector<DiffEntry> &out)
{
    const CollectionDiff &d = diff.collection(c);
    const QString kind = plandiff::objectKind(c);
    const auto text = [c](const Json &item) {
        switch (c) {
        case plandiff::Collection::Racks:
            return QStringLiteral("%1, %2U").arg(str(item, "name"), str(item, "heightU"));
        case plandiff::Collection::Uplinks:
            return QStringLiteral("%1 Gbit/s").arg(str(item, "speedGbps"));
        case plandiff::Collection::Waivers:
            return str(item, "reason");
        default:
            return QString();
        }
    };
    for (const Json &item : d.added)
        out.push_back({kind, plandiff::objectKey(c, item), QString(), QStringLiteral("added"), QString(), text(item)});
    for (const Json &item : d.removed)
        out.push_back(
            {kind, plandiff::objectKey(c, item), QString(), QStringLiteral("removed"), text(item), QString()});
    for (const ObjectChange &o : d.changed)
        out.push_back({kind, o.newKey, QString(), QStringLiteral("changed"), fieldsText(o.fields, false),
                       fieldsText(o.fields, true)});
}

} // namespace

DiffReport buildDiffReport(const Plan &before, const Plan &after, const PlanDiff &diff, const QString &oldName,
                           const QString &newName)
{
    DiffReport r;
    r.oldName = oldName;
    r.newName = newName;
    for (const FieldChange &f : diff.header)
        r.entries.push_back({QStringLiteral("site"), f.field, QString(), QStringLiteral("changed"), valueText(f.from),
                             valueText(f.to)});
    for (const FieldChange &f : diff.overrides)
        r.entries.push_back(
            {QStringLiteral("site"), QStringLiteral("overrides") + f.field, QString(),
             f.from ? (f.to ? QStringLiteral("changed") : QStringLiteral("removed")) : QStringLiteral("added"),
             f.from ? valueText(f.from) : QString(), f.to ? valueText(f.to) : QString()});
    addSimple(diff, plandiff::Collection::Racks, r.entries);
    addDevices(before, after, diff, r.entries);
    addLinks(diff, r.entries);
    addSimple(diff, plandiff::Collection::Uplinks, r.entries);
    addSimple(diff, plandiff::Collection::Waivers, r.entries);
    return r;
}

} // namespace pp
