#include "planner/diff/planmerge.h"

#include "planner/diff/planobjects.h"
#include "planner/io/planio.h"
#include "planner/ops/planops.h"

#include <QHash>
#include <QSet>

namespace pp {

using namespace plandiff;
using json::fromStd;
using json::toStd;
using Value = std::optional<Json>;

QString MergeConflict::toString() const
{
    if (!message.isEmpty())
        return QStringLiteral("%1: %2: %3").arg(object, field, message);
    return QStringLiteral("%1: %2: base %3, ours %4, theirs %5").arg(object, field, base, ours, theirs);
}

namespace {

QString text(const Value &v)
{
    return v ? fromStd(v->dump()) : QStringLiteral("(absent)");
}

// The value a three-way merge keeps, or false when both sides changed it differently.
bool merge3(const Value &base, const Value &ours, const Value &theirs, Value *out)
{
    if (ours == theirs || theirs == base) {
        *out = ours;
        return true;
    }
    if (ours == base) {
        *out = theirs;
        return true;
    }
    return false;
}

Value field(const Value &item, const std::string &key)
{
    if (!item)
        return std::nullopt;
    const auto it = item->find(key);
    return it == item->end() ? Value() : Value(*it);
}

// One object on three sides, field by field; nullopt when the merged object is gone.
Value mergeObject(const QString &name, const Value &base, const Value &ours, const Value &theirs,
                  std::vector<MergeConflict> &conflicts)
{
    Value merged;
    if (merge3(base, ours, theirs, &merged))
        return merged;
    if (!ours || !theirs) {
        // Removed on one side, changed on the other.
        conflicts.push_back({name, QStringLiteral("(object)"), text(base), text(ours), text(theirs), QString()});
        return ours;
    }
    // Present on both sides with different contents: the fields in the order ours saves them.
    Json out = Json::object();
    std::vector<std::string> keys;
    for (const Value *side : {&ours, &theirs, &base})
        if (*side)
            for (auto it = (*side)->begin(); it != (*side)->end(); ++it)
                if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
                    keys.push_back(it.key());
    for (const std::string &k : keys) {
        Value v;
        if (!merge3(field(base, k), field(ours, k), field(theirs, k), &v)) {
            conflicts.push_back(
                {name, fromStd(k), text(field(base, k)), text(field(ours, k)), text(field(theirs, k)), QString()});
            v = field(ours, k);
        }
        if (v)
            out[k] = *v;
    }
    return out;
}

QHash<QString, Json> byKey(Collection c, const Json &list, QStringList *order = nullptr)
{
    QHash<QString, Json> map;
    for (const Json &item : list) {
        const QString key = objectKey(c, item);
        map.insert(key, item);
        if (order)
            *order << key;
    }
    return map;
}

Json mergeCollection(Collection c, const Json &base, const Json &ours, const Json &theirs,
                     std::vector<MergeConflict> &conflicts)
{
    QStringList ourOrder;
    QStringList theirOrder;
    const QHash<QString, Json> b = byKey(c, base);
    const QHash<QString, Json> o = byKey(c, ours, &ourOrder);
    const QHash<QString, Json> t = byKey(c, theirs, &theirOrder);
    // Ours' order, then what only theirs added, each after the object it follows in theirs.
    QStringList order = ourOrder;
    for (int i = 0; i < theirOrder.size(); ++i) {
        const QString &key = theirOrder.at(i);
        if (order.contains(key))
            continue;
        const int after = i > 0 ? order.indexOf(theirOrder.at(i - 1)) : -1;
        order.insert(after + 1, key);
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        if (!order.contains(it.key()))
            order << it.key();
    Json out = Json::array();
    const auto get = [](const QHash<QString, Json> &map, const QString &key) {
        const auto it = map.find(key);
        return it == map.end() ? Value() : Value(*it);
    };
    for (const QString &key : order) {
        const Value merged =
            mergeObject(objectKind(c) + QLatin1Char(' ') + key, get(b, key), get(o, key), get(t, key), conflicts);
        if (merged)
            out.push_back(*merged);
    }
    return out;
}

Json mergeOverrides(const Json &base, const Json &ours, const Json &theirs, std::vector<MergeConflict> &conflicts)
{
    using Leaves = std::vector<std::pair<std::string, Json>>;
    Leaves lb;
    Leaves lo;
    Leaves lt;
    flattenOverrides(base, std::string(), lb);
    flattenOverrides(ours, std::string(), lo);
    flattenOverrides(theirs, std::string(), lt);
    const auto get = [](const Leaves &leaves, const std::string &key) {
        for (const auto &[k, v] : leaves)
            if (k == key)
                return Value(v);
        return Value();
    };
    std::vector<std::string> keys;
    for (const Leaves *side : {&lb, &lo, &lt})
        for (const auto &[k, v] : *side)
            if (std::find(keys.begin(), keys.end(), k) == keys.end())
                keys.push_back(k);
    Json out = ours;
    std::vector<std::pair<std::string, Value>> fromTheirs;
    for (const std::string &k : keys) {
        const Value vb = get(lb, k);
        const Value vo = get(lo, k);
        const Value vt = get(lt, k);
        Value v;
        if (!merge3(vb, vo, vt, &v))
            conflicts.push_back(
                {QStringLiteral("site overrides"), fromStd(k), text(vb), text(vo), text(vt), QString()});
        else if (v != vo)
            fromTheirs.emplace_back(k, v);
    }
    for (const bool removals : {true, false})
        for (const auto &[k, v] : fromTheirs)
            if (!v == removals)
                setOverride(out, k, v ? &*v : nullptr);
    return out;
}

// What only the whole merged plan shows: two devices in one slot, one port on two links.
void checkMerged(const Plan &plan, const Catalog &catalog, std::vector<MergeConflict> &conflicts)
{
    for (const Device &d : plan.devices) {
        if (d.rack.isEmpty() || !catalog.deviceType(d.type))
            continue;
        const ops::OpResult r = ops::checkPlacement(plan, catalog, d.type, {d.rack, d.u, d.face}, {d.id});
        if (!r)
            conflicts.push_back({QStringLiteral("device ") + d.id, QStringLiteral("u"), QString(), QString(), QString(),
                                 QStringLiteral("after merging: ") + r.error});
    }
    QHash<QString, QString> ports;
    for (const Link &l : plan.links)
        for (const Endpoint &e : {l.a, l.b}) {
            const QString other = (e == l.a ? l.b : l.a).toString();
            if (ports.contains(e.toString()))
                conflicts.push_back({QStringLiteral("port ") + e.toString(), QStringLiteral("link"), QString(),
                                     QString(), QString(),
                                     QStringLiteral("after merging it is cabled to both %1 and %2")
                                         .arg(ports.value(e.toString()), other)});
            else
                ports.insert(e.toString(), other);
        }
}

} // namespace

MergeResult mergePlans(const Plan &base, const Plan &ours, const Plan &theirs, const Catalog *catalog)
{
    MergeResult result;
    const Json b = planToJson(base);
    const Json o = planToJson(ours);
    const Json t = planToJson(theirs);
    Json doc = o;
    for (const char *f : kHeaderFields) {
        Value v;
        if (!merge3(headerValue(b, f), headerValue(o, f), headerValue(t, f), &v))
            result.conflicts.push_back({QStringLiteral("plan"), QString::fromLatin1(f), text(headerValue(b, f)),
                                        text(headerValue(o, f)), text(headerValue(t, f)), QString()});
        else
            setHeaderValue(doc, f, v.value_or(Json()));
    }
    doc["site"]["overrides"] =
        mergeOverrides(b["site"]["overrides"], o["site"]["overrides"], t["site"]["overrides"], result.conflicts);
    for (Collection c : kCollections)
        doc[collectionKey(c)] =
            mergeCollection(c, b[collectionKey(c)], o[collectionKey(c)], t[collectionKey(c)], result.conflicts);
    if (!result.conflicts.empty())
        return result;
    try {
        result.plan = planFromJson(doc, PlanLoadOptions{catalog, nullptr});
    } catch (const FieldError &e) {
        result.conflicts.push_back({QStringLiteral("merged plan"), e.path, QString(), QString(), QString(), e.reason});
        return result;
    }
    if (catalog)
        checkMerged(result.plan, *catalog, result.conflicts);
    return result;
}

} // namespace pp
