#include "planner/diff/plandiff.h"

#include "planner/io/planio.h"

#include <QHash>
#include <QSet>

namespace pp {

using namespace plandiff;
using json::fromStd;
using json::toStd;

const FieldChange *ObjectChange::field(const QString &name) const
{
    for (const FieldChange &f : fields)
        if (f.field == name)
            return &f;
    return nullptr;
}

bool PlanDiff::empty() const
{
    if (!header.empty() || !overrides.empty())
        return false;
    for (Collection c : kCollections)
        if (!collection(c).empty())
            return false;
    return true;
}

CollectionDiff &PlanDiff::collection(Collection c)
{
    return const_cast<CollectionDiff &>(static_cast<const PlanDiff *>(this)->collection(c));
}

const CollectionDiff &PlanDiff::collection(Collection c) const
{
    switch (c) {
    case Collection::Racks:
        return racks;
    case Collection::Devices:
        return devices;
    case Collection::Links:
        return links;
    case Collection::Uplinks:
        return uplinks;
    case Collection::Waivers:
        break;
    }
    return waivers;
}

namespace {

std::optional<Json> fieldOf(const Json &item, const std::string &key)
{
    const auto it = item.find(key);
    return it == item.end() ? std::nullopt : std::optional<Json>(*it);
}

// The fields that differ, in the order the new object saves them, then the ones only the old has.
std::vector<FieldChange> fieldChanges(const Json &from, const Json &to)
{
    std::vector<FieldChange> out;
    for (auto it = to.begin(); it != to.end(); ++it) {
        const std::optional<Json> old = fieldOf(from, it.key());
        if (!old || *old != it.value())
            out.push_back({fromStd(it.key()), old, it.value()});
    }
    for (auto it = from.begin(); it != from.end(); ++it)
        if (!to.contains(it.key()))
            out.push_back({fromStd(it.key()), it.value(), std::nullopt});
    return out;
}

// Pairs old and new items: by key, then (devices only) the ones left by their unique hostname.
// The key an old item would have with the devices' new ids (a device matched by hostname under a
// new id keeps its links and uplinks).
QString renamedKey(Collection c, const Json &item, const QHash<QString, QString> &newIds)
{
    if (newIds.isEmpty() || (c != Collection::Links && c != Collection::Uplinks))
        return objectKey(c, item);
    Json copy = item;
    const auto remap = [&newIds](Json &value, bool endpoint) {
        if (!value.is_string())
            return;
        QString text = fromStd(value.get<std::string>());
        const QString device = endpoint ? text.section(QLatin1Char(':'), 0, 0) : text;
        if (newIds.contains(device))
            text = newIds.value(device) + text.mid(device.size());
        value = toStd(text);
    };
    if (c == Collection::Links) {
        remap(copy["a"], true);
        remap(copy["b"], true);
    } else {
        remap(copy["device"], false);
    }
    return objectKey(c, copy);
}

std::vector<std::pair<int, int>> matchItems(Collection c, const Json &before, const Json &after,
                                            const QHash<QString, QString> &newIds)
{
    std::vector<std::pair<int, int>> pairs;
    QHash<QString, int> afterByKey;
    for (int j = 0; j < static_cast<int>(after.size()); ++j)
        afterByKey.insert(objectKey(c, after[static_cast<std::size_t>(j)]), j);
    std::vector<bool> oldMatched(before.size(), false);
    std::vector<bool> newMatched(after.size(), false);
    for (int i = 0; i < static_cast<int>(before.size()); ++i) {
        const int j = afterByKey.value(renamedKey(c, before[static_cast<std::size_t>(i)], newIds), -1);
        if (j >= 0 && !newMatched[static_cast<std::size_t>(j)]) {
            pairs.emplace_back(i, j);
            oldMatched[static_cast<std::size_t>(i)] = newMatched[static_cast<std::size_t>(j)] = true;
        }
    }
    if (c != Collection::Devices)
        return pairs;
    const auto hostnames = [](const Json &list, const std::vector<bool> &matched) {
        QHash<QString, int> byName;
        QSet<QString> twice;
        for (int i = 0; i < static_cast<int>(list.size()); ++i) {
            if (matched[static_cast<std::size_t>(i)])
                continue;
            const QString name = fromStd(list[static_cast<std::size_t>(i)].value("hostname", std::string()));
            if (name.isEmpty())
                continue;
            if (byName.contains(name))
                twice.insert(name);
            byName.insert(name, i);
        }
        for (const QString &name : twice)
            byName.remove(name);
        return byName;
    };
    const QHash<QString, int> oldNames = hostnames(before, oldMatched);
    const QHash<QString, int> newNames = hostnames(after, newMatched);
    for (int i = 0; i < static_cast<int>(before.size()); ++i) {
        if (oldMatched[static_cast<std::size_t>(i)])
            continue;
        const QString name = fromStd(before[static_cast<std::size_t>(i)].value("hostname", std::string()));
        if (oldNames.value(name, -1) == i && newNames.contains(name))
            pairs.emplace_back(i, newNames.value(name));
    }
    return pairs;
}

CollectionDiff diffCollection(Collection c, const Json &before, const Json &after,
                              const QHash<QString, QString> &newIds = {})
{
    CollectionDiff d;
    const std::vector<std::pair<int, int>> pairs = matchItems(c, before, after, newIds);
    std::vector<int> newOf(before.size(), -1);
    std::vector<bool> newMatched(after.size(), false);
    for (const auto &[i, j] : pairs) {
        newOf[static_cast<std::size_t>(i)] = j;
        newMatched[static_cast<std::size_t>(j)] = true;
    }
    QStringList natural;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const int j = newOf[i];
        if (j < 0) {
            d.removed.push_back(before[i]);
            continue;
        }
        const Json &to = after[static_cast<std::size_t>(j)];
        natural << objectKey(c, to);
        std::vector<FieldChange> fields = fieldChanges(before[i], to);
        if (!fields.empty())
            d.changed.push_back({objectKey(c, before[i]), objectKey(c, to), std::move(fields)});
    }
    QStringList order;
    for (std::size_t j = 0; j < after.size(); ++j) {
        order << objectKey(c, after[j]);
        if (!newMatched[j]) {
            d.added.push_back(after[j]);
            natural << order.last();
        }
    }
    if (order != natural)
        d.order = order;
    return d;
}

std::vector<FieldChange> diffOverrides(const Json &before, const Json &after)
{
    std::vector<std::pair<std::string, Json>> from;
    std::vector<std::pair<std::string, Json>> to;
    flattenOverrides(before, std::string(), from);
    flattenOverrides(after, std::string(), to);
    const auto find = [](const std::vector<std::pair<std::string, Json>> &list, const std::string &key) {
        for (const auto &[k, v] : list)
            if (k == key)
                return std::optional<Json>(v);
        return std::optional<Json>();
    };
    std::vector<FieldChange> out;
    for (const auto &[key, value] : from)
        if (!find(to, key))
            out.push_back({fromStd(key), value, std::nullopt});
    for (const auto &[key, value] : to) {
        const std::optional<Json> old = find(from, key);
        if (!old || *old != value)
            out.push_back({fromStd(key), old, value});
    }
    return out;
}

QString describe(const std::optional<Json> &value)
{
    return value ? fromStd(value->dump()) : QStringLiteral("(absent)");
}

int indexOfKey(Collection c, const Json &list, const QString &key)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        if (objectKey(c, list[i]) == key)
            return static_cast<int>(i);
    return -1;
}

// Applies one list's changes to the saved list; false with the reason when it does not fit.
bool applyCollection(Collection c, Json &list, const CollectionDiff &d, QString *error)
{
    const QString kind = objectKind(c);
    for (const Json &item : d.removed) {
        const QString key = objectKey(c, item);
        const int i = indexOfKey(c, list, key);
        if (i < 0 || list[static_cast<std::size_t>(i)] != item) {
            *error =
                QStringLiteral("%1 %2 to remove is %3").arg(kind, key, i < 0 ? "missing" : "not as the diff has it");
            return false;
        }
        list.erase(static_cast<std::size_t>(i));
    }
    for (const ObjectChange &change : d.changed) {
        const int i = indexOfKey(c, list, change.key);
        if (i < 0) {
            *error = QStringLiteral("%1 %2 to change is missing").arg(kind, change.key);
            return false;
        }
        Json &item = list[static_cast<std::size_t>(i)];
        for (const FieldChange &f : change.fields) {
            const std::optional<Json> now = fieldOf(item, toStd(f.field));
            if (now != f.from) {
                *error = QStringLiteral("%1 %2: %3 is %4, the diff expects %5")
                             .arg(kind, change.key, f.field, describe(now), describe(f.from));
                return false;
            }
        }
        for (const FieldChange &f : change.fields) {
            if (f.to)
                item[toStd(f.field)] = *f.to;
            else
                item.erase(toStd(f.field));
        }
    }
    for (const Json &item : d.added) {
        const QString key = objectKey(c, item);
        if (indexOfKey(c, list, key) >= 0) {
            *error = QStringLiteral("%1 %2 to add is already there").arg(kind, key);
            return false;
        }
        list.push_back(item);
    }
    if (d.order.isEmpty())
        return true;
    Json ordered = Json::array();
    for (const QString &key : d.order) {
        const int i = indexOfKey(c, list, key);
        if (i < 0) {
            *error = QStringLiteral("%1 %2 in the new order is missing").arg(kind, key);
            return false;
        }
        ordered.push_back(list[static_cast<std::size_t>(i)]);
    }
    if (ordered.size() != list.size()) {
        *error = QStringLiteral("the %1 list holds items the diff does not order").arg(kind);
        return false;
    }
    list = std::move(ordered);
    return true;
}

Json changeToJson(const FieldChange &f)
{
    Json j{{"field", toStd(f.field)}};
    if (f.from)
        j["from"] = *f.from;
    if (f.to)
        j["to"] = *f.to;
    return j;
}

FieldChange changeFromJson(const Json &j, const QString &path)
{
    json::requireObject(j, path);
    FieldChange f;
    f.field = json::string(j, "field", path);
    if (j.contains("from"))
        f.from = j["from"];
    if (j.contains("to"))
        f.to = j["to"];
    return f;
}

std::vector<FieldChange> changesFromJson(const Json &parent, const char *key, const QString &path)
{
    std::vector<FieldChange> out;
    const Json &list = json::array(parent, key, path);
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(changeFromJson(list[i], json::join(json::join(path, key), i)));
    return out;
}

Json changesToJson(const std::vector<FieldChange> &changes)
{
    Json list = Json::array();
    for (const FieldChange &f : changes)
        list.push_back(changeToJson(f));
    return list;
}

} // namespace

PlanDiff diffPlans(const Plan &before, const Plan &after)
{
    const Json a = planToJson(before);
    const Json b = planToJson(after);
    PlanDiff d;
    for (const char *field : kHeaderFields) {
        const Json from = headerValue(a, field);
        const Json to = headerValue(b, field);
        if (from != to)
            d.header.push_back({QString::fromLatin1(field), from, to});
    }
    d.overrides = diffOverrides(a["site"]["overrides"], b["site"]["overrides"]);
    QHash<QString, QString> newIds; // devices matched by hostname under a new id
    for (Collection c : kCollections) {
        d.collection(c) = diffCollection(c, a[collectionKey(c)], b[collectionKey(c)], newIds);
        if (c == Collection::Devices)
            for (const ObjectChange &o : d.devices.changed)
                if (o.key != o.newKey)
                    newIds.insert(o.key, o.newKey);
    }
    return d;
}

bool applyPlanDiff(Plan &plan, const PlanDiff &diff, QString *error)
{
    Json doc = planToJson(plan);
    for (const FieldChange &f : diff.header) {
        const std::string field = toStd(f.field);
        const Json now = headerValue(doc, field.c_str());
        if (now != f.from.value_or(Json())) {
            *error = QStringLiteral("%1 is %2, the diff expects %3").arg(f.field, describe(now), describe(f.from));
            return false;
        }
        setHeaderValue(doc, field.c_str(), f.to.value_or(Json()));
    }
    Json &overrides = doc["site"]["overrides"];
    for (const FieldChange &f : diff.overrides) {
        const Json::json_pointer ptr(toStd(f.field));
        const std::optional<Json> now = overrides.contains(ptr) ? std::optional<Json>(overrides.at(ptr)) : std::nullopt;
        if (now != f.from) {
            *error = QStringLiteral("site override %1 is %2, the diff expects %3")
                         .arg(f.field, describe(now), describe(f.from));
            return false;
        }
    }
    // Removals first, so that a leaf that becomes an object (or the reverse) is rebuilt cleanly.
    for (const bool removals : {true, false})
        for (const FieldChange &f : diff.overrides)
            if (!f.to == removals)
                setOverride(overrides, toStd(f.field), f.to ? &*f.to : nullptr);
    for (Collection c : kCollections)
        if (!applyCollection(c, doc[collectionKey(c)], diff.collection(c), error))
            return false;
    try {
        plan = planFromJson(doc, PlanLoadOptions{});
    } catch (const FieldError &e) {
        *error = QStringLiteral("the patched plan is not valid: %1: %2").arg(e.path, e.reason);
        return false;
    }
    return true;
}

Json planDiffToJson(const PlanDiff &diff)
{
    Json doc{{"format", "pocplanner-plan-diff"}, {"version", 1}};
    doc["header"] = changesToJson(diff.header);
    doc["overrides"] = changesToJson(diff.overrides);
    for (Collection c : kCollections) {
        const CollectionDiff &d = diff.collection(c);
        Json j = Json::object();
        j["removed"] = Json(d.removed);
        j["added"] = Json(d.added);
        Json changed = Json::array();
        for (const ObjectChange &o : d.changed)
            changed.push_back(
                {{"key", toStd(o.key)}, {"newKey", toStd(o.newKey)}, {"fields", changesToJson(o.fields)}});
        j["changed"] = std::move(changed);
        Json order = Json::array();
        for (const QString &k : d.order)
            order.push_back(toStd(k));
        j["order"] = std::move(order);
        doc[collectionKey(c)] = std::move(j);
    }
    return doc;
}

PlanDiff planDiffFromJson(const Json &doc)
{
    json::requireObject(doc, QString());
    if (json::string(doc, "format", QString()) != QLatin1String("pocplanner-plan-diff"))
        throw FieldError(QStringLiteral("format"), QStringLiteral("expected \"pocplanner-plan-diff\""));
    PlanDiff diff;
    diff.header = changesFromJson(doc, "header", QString());
    diff.overrides = changesFromJson(doc, "overrides", QString());
    for (Collection c : kCollections) {
        const QString path = QString::fromLatin1(collectionKey(c));
        const Json &j = json::object(doc, collectionKey(c), QString());
        CollectionDiff &d = diff.collection(c);
        for (const Json &item : json::array(j, "removed", path))
            d.removed.push_back(item);
        for (const Json &item : json::array(j, "added", path))
            d.added.push_back(item);
        const Json &changed = json::array(j, "changed", path);
        for (std::size_t i = 0; i < changed.size(); ++i) {
            const QString p = json::join(json::join(path, "changed"), i);
            json::requireObject(changed[i], p);
            d.changed.push_back({json::string(changed[i], "key", p), json::string(changed[i], "newKey", p),
                                 changesFromJson(changed[i], "fields", p)});
        }
        d.order = json::stringList(j, "order", path);
    }
    return diff;
}

} // namespace pp
