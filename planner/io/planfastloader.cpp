#include "planner/io/planfastloader.h"

#include <QHash>

#include <cmath>
#include <string_view>
#include <unordered_set>

namespace pp {

namespace {

// What the token stream is inside of. Each object kind has its own key table; a key's index in it
// is the field id and its bit in Level::seen.
enum class Kind {
    Root,
    Site,
    RackList,
    Rack,
    DeviceList,
    Device,
    FeedList,
    LinkList,
    Link,
    UplinkList,
    Uplink,
    WaiverList,
    Waiver
};

enum RootKey { kFormat, kVersion, kName, kCustomer, kTrack, kSite, kRacks, kDevices, kLinks, kUplinks, kWaivers };
enum SiteKey { kProfile, kOverrides };
enum RackKey { kRackId, kRackName, kHeightU, kRow, kPosition };
enum DeviceKey { kDeviceId, kType, kRack, kU, kFace, kHostname, kPsuFeeds };
enum LinkKey { kA, kB, kCable, kLengthM, kLabel, kManual };
enum UplinkKey { kUplinkDevice, kPort, kSpeedGbps };
enum WaiverKey { kRule, kSubject, kReason };

struct KeyTable {
    const std::string_view *names;
    int count;
};

constexpr std::string_view kRootKeys[] = {"format", "version", "name",  "customer", "track",  "site",
                                          "racks",  "devices", "links", "uplinks",  "waivers"};
constexpr std::string_view kSiteKeys[] = {"profile", "overrides"};
constexpr std::string_view kRackKeys[] = {"id", "name", "heightU", "row", "position"};
constexpr std::string_view kDeviceKeys[] = {"id", "type", "rack", "u", "face", "hostname", "psuFeeds"};
constexpr std::string_view kLinkKeys[] = {"a", "b", "cable", "lengthM", "label", "manual"};
constexpr std::string_view kUplinkKeys[] = {"device", "port", "speedGbps"};
constexpr std::string_view kWaiverKeys[] = {"rule", "subject", "reason"};

template<std::size_t N> constexpr KeyTable table(const std::string_view (&names)[N])
{
    return {names, static_cast<int>(N)};
}

KeyTable keysOf(Kind kind)
{
    switch (kind) {
    case Kind::Root:
        return table(kRootKeys);
    case Kind::Site:
        return table(kSiteKeys);
    case Kind::Rack:
        return table(kRackKeys);
    case Kind::Device:
        return table(kDeviceKeys);
    case Kind::Link:
        return table(kLinkKeys);
    case Kind::Uplink:
        return table(kUplinkKeys);
    case Kind::Waiver:
        return table(kWaiverKeys);
    default:
        return {nullptr, 0};
    }
}

constexpr unsigned bit(int field)
{
    return 1u << field;
}

bool within(double v, double min, double max)
{
    return std::isfinite(v) && v >= min && v <= max;
}

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

// Device types, rack and device ids, port names and cable types repeat across thousands of
// records: one shared QString per distinct text saves an allocation per field and keeps a large
// plan's memory and teardown small.
class StringPool {
public:
    QString get(const char *data, std::size_t size)
    {
        const QByteArray probe = QByteArray::fromRawData(data, static_cast<qsizetype>(size));
        const auto it = m_strings.constFind(probe);
        if (it != m_strings.cend())
            return *it;
        const QString value = QString::fromUtf8(data, static_cast<qsizetype>(size));
        m_strings.insert(QByteArray(data, static_cast<qsizetype>(size)), value);
        return value;
    }
    QString get(const std::string &s) { return get(s.data(), s.size()); }

private:
    QHash<QByteArray, QString> m_strings;
};

// Receives the tokens and fills the plan. Every handler returns false — which stops the parse —
// as soon as the input is anything but a plan it can take exactly as the tree loader would.
class PlanSaxBuilder final : public nlohmann::json_sax<Json> {
public:
    explicit PlanSaxBuilder(Plan &plan)
        : m_plan(plan)
    {
        m_plan.track = QStringLiteral("lab");
    }

    bool complete() const { return m_complete; }

    bool null() override { return inOverrides() ? addToOverrides(Json()) : false; }
    bool boolean(bool value) override
    {
        if (inOverrides())
            return addToOverrides(Json(value));
        if (!at(Kind::Link, kManual))
            return false;
        m_link.manual = value;
        return true;
    }
    bool number_integer(number_integer_t value) override
    {
        if (inOverrides())
            return addToOverrides(Json(value));
        return wholeNumber(static_cast<double>(value));
    }
    bool number_unsigned(number_unsigned_t value) override
    {
        if (inOverrides())
            return addToOverrides(Json(value));
        return wholeNumber(static_cast<double>(value));
    }
    bool number_float(number_float_t value, const string_t &) override
    {
        if (inOverrides())
            return addToOverrides(Json(value));
        return realNumber(value);
    }
    bool string(string_t &value) override
    {
        if (inOverrides())
            return addToOverrides(Json(std::move(value)));
        return stringValue(value);
    }
    bool binary(binary_t &) override { return false; }
    bool start_object(std::size_t) override;
    bool key(string_t &name) override;
    bool end_object() override;
    bool start_array(std::size_t) override;
    bool end_array() override;
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }

private:
    struct Level {
        Kind kind;
        unsigned seen = 0;
        int field = -1; // the key whose value comes next
    };

    bool inOverrides() const { return !m_overrides.empty(); }
    bool addToOverrides(Json &&value);
    Json *addContainerToOverrides(Json &&container);

    // True when the next value belongs to this field of this kind of object; consumes the key.
    bool at(Kind kind, int field)
    {
        if (m_levels.empty() || m_levels.back().kind != kind || m_levels.back().field != field)
            return false;
        m_levels.back().field = -1;
        return true;
    }
    int takeField(Kind kind)
    {
        if (m_levels.empty() || m_levels.back().kind != kind)
            return -1;
        const int field = m_levels.back().field;
        m_levels.back().field = -1;
        return field;
    }
    bool has(int field) const { return m_levels.back().seen & bit(field); }

    bool wholeNumber(double value);
    bool realNumber(double value);
    bool stringValue(const std::string &value);
    // One per kind of object: the string value of `field` (a key index of that kind).
    bool rootString(int field, const std::string &value);
    bool rackString(int field, const std::string &value);
    bool deviceString(int field, const std::string &value);
    bool linkString(int field, const std::string &value);
    bool uplinkString(int field, const std::string &value);
    bool waiverString(int field, const std::string &value);
    bool endElement();
    bool endpoint(const std::string &value, Endpoint &out);

    Plan &m_plan;
    std::vector<Level> m_levels;
    std::vector<Json *> m_overrides; // open containers while inside site.overrides
    std::string m_overridesKey;
    bool m_complete = false;
    StringPool m_pool;

    Rack m_rack;
    Device m_device;
    Link m_link;
    Uplink m_uplink;
    Waiver m_waiver;
};

bool PlanSaxBuilder::addToOverrides(Json &&value)
{
    Json &container = *m_overrides.back();
    if (container.is_object())
        container[m_overridesKey] = std::move(value); // a repeated key: the last value wins, as in the tree
    else
        container.push_back(std::move(value));
    return true;
}

Json *PlanSaxBuilder::addContainerToOverrides(Json &&container)
{
    Json &parent = *m_overrides.back();
    if (parent.is_object()) {
        Json &slot = parent[m_overridesKey];
        slot = std::move(container);
        return &slot;
    }
    parent.push_back(std::move(container));
    return &parent.back();
}

bool PlanSaxBuilder::start_object(std::size_t)
{
    if (inOverrides()) {
        m_overrides.push_back(addContainerToOverrides(Json::object()));
        return true;
    }
    if (m_levels.empty()) {
        if (m_complete)
            return false;
        m_levels.push_back({Kind::Root});
        return true;
    }
    if (at(Kind::Root, kSite)) {
        m_levels.push_back({Kind::Site});
        return true;
    }
    if (at(Kind::Site, kOverrides)) {
        m_plan.site.overrides = Json::object();
        m_overrides.push_back(&m_plan.site.overrides);
        return true;
    }
    switch (m_levels.back().kind) {
    case Kind::RackList:
        m_rack = Rack();
        m_levels.push_back({Kind::Rack});
        return true;
    case Kind::DeviceList:
        m_device = Device();
        m_levels.push_back({Kind::Device});
        return true;
    case Kind::LinkList:
        m_link = Link();
        m_levels.push_back({Kind::Link});
        return true;
    case Kind::UplinkList:
        m_uplink = Uplink();
        m_levels.push_back({Kind::Uplink});
        return true;
    case Kind::WaiverList:
        m_waiver = Waiver();
        m_levels.push_back({Kind::Waiver});
        return true;
    default:
        return false;
    }
}

bool PlanSaxBuilder::key(string_t &name)
{
    if (inOverrides()) {
        m_overridesKey = std::move(name);
        return true;
    }
    Level &level = m_levels.back();
    const KeyTable keys = keysOf(level.kind);
    for (int i = 0; i < keys.count; ++i) {
        if (name == keys.names[i]) {
            if (level.seen & bit(i))
                return false; // a repeated key: the tree keeps the last, we let it report
            level.seen |= bit(i);
            level.field = i;
            return true;
        }
    }
    return false; // an unknown key: the tree loader warns about it
}

bool PlanSaxBuilder::end_object()
{
    if (inOverrides()) {
        m_overrides.pop_back();
        return true;
    }
    if (m_levels.empty() || m_levels.back().field != -1)
        return false;
    switch (m_levels.back().kind) {
    case Kind::Root:
        if (!has(kFormat) || !has(kVersion) || !has(kSite))
            return false;
        m_levels.pop_back();
        m_complete = true;
        return true;
    case Kind::Site:
        if (!has(kProfile))
            return false;
        m_levels.pop_back();
        return true;
    default:
        return endElement();
    }
}

bool PlanSaxBuilder::endElement()
{
    switch (m_levels.back().kind) {
    case Kind::Rack:
        if (!has(kRackId))
            return false;
        if (!has(kRackName))
            m_rack.name = m_rack.id;
        m_plan.racks.push_back(std::move(m_rack));
        break;
    case Kind::Device:
        if (!has(kDeviceId) || !has(kType))
            return false;
        m_plan.devices.push_back(std::move(m_device));
        break;
    case Kind::Link:
        if (!has(kA) || !has(kB))
            return false;
        m_plan.links.push_back(std::move(m_link));
        break;
    case Kind::Uplink:
        if (!has(kUplinkDevice) || !has(kPort) || !has(kSpeedGbps))
            return false;
        m_plan.uplinks.push_back(std::move(m_uplink));
        break;
    case Kind::Waiver:
        if (!has(kRule) || !has(kReason))
            return false;
        m_plan.waivers.push_back(std::move(m_waiver));
        break;
    default:
        return false;
    }
    m_levels.pop_back();
    return true;
}

bool PlanSaxBuilder::start_array(std::size_t)
{
    if (inOverrides()) {
        m_overrides.push_back(addContainerToOverrides(Json::array()));
        return true;
    }
    if (at(Kind::Device, kPsuFeeds)) {
        m_levels.push_back({Kind::FeedList});
        return true;
    }
    static const std::pair<int, Kind> lists[] = {{kRacks, Kind::RackList},
                                                 {kDevices, Kind::DeviceList},
                                                 {kLinks, Kind::LinkList},
                                                 {kUplinks, Kind::UplinkList},
                                                 {kWaivers, Kind::WaiverList}};
    const int field = takeField(Kind::Root);
    for (const auto &[key, kind] : lists) {
        if (field == key) {
            m_levels.push_back({kind});
            return true;
        }
    }
    return false;
}

bool PlanSaxBuilder::end_array()
{
    if (inOverrides()) {
        m_overrides.pop_back();
        return true;
    }
    switch (m_levels.back().kind) {
    case Kind::FeedList:
    case Kind::RackList:
    case Kind::DeviceList:
    case Kind::LinkList:
    case Kind::UplinkList:
    case Kind::WaiverList:
        m_levels.pop_back();
        return true;
    default:
        return false;
    }
}

bool PlanSaxBuilder::wholeNumber(double value)
{
    if (m_levels.empty())
        return false;
    const Kind kind = m_levels.back().kind;
    if (kind == Kind::Link || kind == Kind::Uplink)
        return realNumber(value); // lengthM and speedGbps take any number
    const int field = takeField(kind);
    const auto whole = [&](int min, int max, int &out) {
        if (value < min || value > max)
            return false;
        out = static_cast<int>(value);
        return true;
    };
    if (kind == Kind::Root && field == kVersion) {
        int version = 0;
        return whole(0, 1000000, version) &&
            version == Plan::kFormatVersion; // older versions migrate in the tree loader
    }
    if (kind == Kind::Rack) {
        switch (field) {
        case kHeightU:
            return whole(1, 100, m_rack.heightU);
        case kRow:
            return whole(0, 10000, m_rack.row);
        case kPosition:
            return whole(0, 10000, m_rack.position);
        default:
            return false;
        }
    }
    if (kind == Kind::Device && field == kU)
        return whole(0, 100, m_device.u);
    return false;
}

bool PlanSaxBuilder::realNumber(double value)
{
    if (at(Kind::Link, kLengthM) && within(value, 0, 10000)) {
        m_link.lengthM = value;
        return true;
    }
    if (at(Kind::Uplink, kSpeedGbps) && within(value, 0, 100000)) {
        m_uplink.speedGbps = value;
        return true;
    }
    return false;
}

// Endpoint::parse on the UTF-8 text: the first ':' splits device and port, neither may be empty.
bool PlanSaxBuilder::endpoint(const std::string &value, Endpoint &out)
{
    const std::size_t colon = value.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == value.size())
        return false;
    out.device = m_pool.get(value.data(), colon);
    out.port = m_pool.get(value.data() + colon + 1, value.size() - colon - 1);
    return true;
}

bool PlanSaxBuilder::stringValue(const std::string &value)
{
    if (m_levels.empty())
        return false;
    const Kind kind = m_levels.back().kind;
    if (kind == Kind::FeedList) {
        if (value != "A" && value != "B")
            return false;
        m_device.psuFeeds << m_pool.get(value);
        return true;
    }
    const int field = takeField(kind);
    switch (kind) {
    case Kind::Root:
        return rootString(field, value);
    case Kind::Site:
        if (field != kProfile)
            return false;
        m_plan.site.profile = text(value);
        return true;
    case Kind::Rack:
        return rackString(field, value);
    case Kind::Device:
        return deviceString(field, value);
    case Kind::Link:
        return linkString(field, value);
    case Kind::Uplink:
        return uplinkString(field, value);
    case Kind::Waiver:
        return waiverString(field, value);
    default:
        return false;
    }
}

bool PlanSaxBuilder::rootString(int field, const std::string &value)
{
    switch (field) {
    case kFormat:
        return value == "pocplanner-plan";
    case kName:
        m_plan.name = text(value);
        return true;
    case kCustomer:
        m_plan.customer = text(value);
        return true;
    case kTrack:
        m_plan.track = text(value);
        return true;
    default:
        return false;
    }
}

bool PlanSaxBuilder::rackString(int field, const std::string &value)
{
    switch (field) {
    case kRackId:
        m_rack.id = m_pool.get(value);
        return !m_rack.id.trimmed().isEmpty();
    case kRackName:
        m_rack.name = text(value);
        return true;
    default:
        return false;
    }
}

bool PlanSaxBuilder::deviceString(int field, const std::string &value)
{
    switch (field) {
    case kDeviceId:
        m_device.id = m_pool.get(value);
        return !m_device.id.trimmed().isEmpty() && !m_device.id.contains(QLatin1Char(':'));
    case kType:
        m_device.type = m_pool.get(value);
        return true;
    case kRack:
        m_device.rack = m_pool.get(value);
        return true;
    case kFace:
        if (value != "front" && value != "rear")
            return false;
        m_device.face = value == "front" ? Face::Front : Face::Rear;
        return true;
    case kHostname:
        m_device.hostname = text(value);
        return true;
    default:
        return false;
    }
}

bool PlanSaxBuilder::linkString(int field, const std::string &value)
{
    switch (field) {
    case kA:
        return endpoint(value, m_link.a);
    case kB:
        return endpoint(value, m_link.b);
    case kCable:
        m_link.cable = m_pool.get(value);
        return true;
    case kLabel:
        m_link.label = text(value);
        return true;
    default:
        return false;
    }
}

bool PlanSaxBuilder::uplinkString(int field, const std::string &value)
{
    switch (field) {
    case kUplinkDevice:
        m_uplink.device = m_pool.get(value);
        return true;
    case kPort:
        m_uplink.port = m_pool.get(value);
        return true;
    default:
        return false;
    }
}

bool PlanSaxBuilder::waiverString(int field, const std::string &value)
{
    switch (field) {
    case kRule:
        m_waiver.rule = text(value);
        return true;
    case kSubject:
        m_waiver.subject = text(value);
        return true;
    case kReason:
        m_waiver.reason = text(value);
        return !m_waiver.reason.trimmed().isEmpty();
    default:
        return false;
    }
}

// The checks across the whole plan that the tree loader makes while it reads.
bool referencesHold(const Plan &plan, const PlanLoadOptions &options)
{
    if (!knownTracks().contains(plan.track))
        return false;
    const Catalog *catalog = options.catalog;
    if (catalog && !catalog->site(plan.site.profile))
        return false;
    std::unordered_set<QString> rackIds;
    rackIds.reserve(plan.racks.size());
    for (const Rack &r : plan.racks)
        if (!rackIds.insert(r.id).second)
            return false;
    std::unordered_set<QString> deviceIds;
    deviceIds.reserve(plan.devices.size());
    std::unordered_set<QString> hostnames; // a duplicate is refused; the tree loader names it
    hostnames.reserve(plan.devices.size());
    for (const Device &d : plan.devices) {
        if (!deviceIds.insert(d.id).second || (!d.rack.isEmpty() && !rackIds.count(d.rack)))
            return false;
        if (!d.hostname.isEmpty() && !hostnames.insert(d.hostname).second)
            return false;
        if (catalog) {
            const DeviceType *type = catalog->deviceType(d.type);
            if (!type || (!d.rack.isEmpty() && type->uHeight > 0 && d.u < 1))
                return false;
        }
    }
    for (const Link &l : plan.links) {
        if (!deviceIds.count(l.a.device) || !deviceIds.count(l.b.device))
            return false;
        if (catalog && !l.cable.isEmpty()) {
            const DeviceType *cable = catalog->deviceType(l.cable);
            if (!cable || cable->role != Role::Cable)
                return false;
        }
    }
    for (const Uplink &u : plan.uplinks)
        if (!deviceIds.count(u.device))
            return false;
    return true;
}

} // namespace

std::optional<Plan> loadPlanFast(const QByteArray &data, const PlanLoadOptions &options)
{
    Plan plan;
    PlanSaxBuilder builder(plan);
    try {
        const char *begin = data.constData();
        if (!Json::sax_parse(begin, begin + data.size(), &builder) || !builder.complete())
            return std::nullopt;
    } catch (const std::exception &) {
        return std::nullopt; // whatever nlohmann refuses, the tree loader explains
    }
    if (!referencesHold(plan, options))
        return std::nullopt;
    return plan;
}

} // namespace pp
