#include "planner/io/planfastloader.h"

#include "catalog/io/jsonscanner.h"

#include <QHash>
#include <simdjson.h>

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
    case Kind::Site:
        if (field != kProfile)
            return false;
        m_plan.site.profile = text(value);
        return true;
    case Kind::Rack:
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
    case Kind::Device:
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
            if (value == "front" || value == "rear") {
                m_device.face = value == "front" ? Face::Front : Face::Rear;
                return true;
            }
            return false;
        case kHostname:
            m_device.hostname = text(value);
            return true;
        default:
            return false;
        }
    case Kind::Link:
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
    case Kind::Uplink:
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
    case Kind::Waiver:
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
    for (const Device &d : plan.devices) {
        if (!deviceIds.insert(d.id).second || (!d.rack.isEmpty() && !rackIds.count(d.rack)))
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

namespace od = simdjson::ondemand;

bool feedValue(od::value value, nlohmann::json_sax<Json> &sax);

bool feedObject(od::object object, nlohmann::json_sax<Json> &sax)
{
    if (!sax.start_object(static_cast<std::size_t>(-1)))
        return false;
    for (auto result : object) {
        od::field field;
        std::string_view key;
        if (std::move(result).get(field) || field.unescaped_key().get(key))
            return false;
        std::string name(key);
        if (!sax.key(name) || !feedValue(field.value(), sax))
            return false;
    }
    return sax.end_object();
}

bool feedArray(od::array array, nlohmann::json_sax<Json> &sax)
{
    if (!sax.start_array(static_cast<std::size_t>(-1)))
        return false;
    for (auto result : array) {
        od::value element;
        if (std::move(result).get(element) || !feedValue(element, sax))
            return false;
    }
    return sax.end_array();
}

bool feedNumber(od::value value, nlohmann::json_sax<Json> &sax)
{
    const bool minus = value.raw_json_token().substr(0, 1) == "-";
    od::number_type type;
    if (value.get_number_type().get(type))
        return false; // beyond 64 bits: nlohmann makes it a double, the tree loader decides
    if (type == od::number_type::floating_point_number) {
        double d = 0;
        return !value.get_double().get(d) && sax.number_float(d, std::string());
    }
    if (type == od::number_type::unsigned_integer) {
        std::uint64_t u = 0;
        return !value.get_uint64().get(u) && sax.number_unsigned(u);
    }
    std::int64_t i = 0;
    if (value.get_int64().get(i))
        return false;
    // nlohmann calls a number without a minus sign unsigned, and "-0" an integer.
    return minus ? sax.number_integer(i) : sax.number_unsigned(static_cast<std::uint64_t>(i));
}

bool feedValue(od::value value, nlohmann::json_sax<Json> &sax)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        return !value.get_object().get(object) && feedObject(object, sax);
    }
    case od::json_type::array: {
        od::array array;
        return !value.get_array().get(array) && feedArray(array, sax);
    }
    case od::json_type::string: {
        std::string_view text;
        if (value.get_string().get(text))
            return false;
        std::string copy(text);
        return sax.string(copy);
    }
    case od::json_type::number:
        return feedNumber(value, sax);
    case od::json_type::boolean: {
        bool b = false;
        return !value.get_bool().get(b) && sax.boolean(b);
    }
    case od::json_type::null: {
        bool isNull = false;
        return !value.is_null().get(isNull) && isNull && sax.null();
    }
    }
    return false;
}

// simdjson's on-demand parser, walked in document order into the same SAX events as nlohmann's.
bool feedSimdjson(const QByteArray &data, nlohmann::json_sax<Json> &sax)
{
    const simdjson::padded_string padded(data.constData(), static_cast<std::size_t>(data.size()));
    od::parser parser;
    od::document doc;
    od::object root;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(root))
        return false;
    return feedObject(root, sax); // simdjson 3.0's on-demand document cannot tell trailing bytes
}

// simdjson's DOM (both stages dispatched at run time to the CPU's SIMD kernels), walked into the
// same SAX events as nlohmann's.
bool feedElement(simdjson::dom::element element, nlohmann::json_sax<Json> &sax)
{
    using Type = simdjson::dom::element_type;
    switch (element.type()) {
    case Type::OBJECT:
        if (!sax.start_object(static_cast<std::size_t>(-1)))
            return false;
        for (const simdjson::dom::key_value_pair field : simdjson::dom::object(element)) {
            std::string name(field.key);
            if (!sax.key(name) || !feedElement(field.value, sax))
                return false;
        }
        return sax.end_object();
    case Type::ARRAY:
        if (!sax.start_array(static_cast<std::size_t>(-1)))
            return false;
        for (const simdjson::dom::element child : simdjson::dom::array(element))
            if (!feedElement(child, sax))
                return false;
        return sax.end_array();
    case Type::INT64: {
        // nlohmann calls a number without a minus sign unsigned.
        const std::int64_t i = std::int64_t(element);
        return i < 0 ? sax.number_integer(i) : sax.number_unsigned(static_cast<std::uint64_t>(i));
    }
    case Type::UINT64:
        return sax.number_unsigned(std::uint64_t(element));
    case Type::DOUBLE:
        return sax.number_float(double(element), std::string());
    case Type::STRING: {
        std::string text{std::string_view(element)};
        return sax.string(text);
    }
    case Type::BOOL:
        return sax.boolean(bool(element));
    case Type::NULL_VALUE:
        return sax.null();
    }
    return false;
}

bool feedSimdjsonDom(const QByteArray &data, nlohmann::json_sax<Json> &sax)
{
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(data.constData(), static_cast<std::size_t>(data.size())).get(root) ||
        root.type() != simdjson::dom::element_type::OBJECT)
        return false;
    return feedElement(root, sax);
}

enum class Feeder { Scanner, NlohmannSax, Simdjson, SimdjsonDom };

Feeder feeder()
{
    static const Feeder f = [] {
        const QByteArray name = qgetenv("POCPLAN_JSON_FEEDER");
        if (name == "sax")
            return Feeder::NlohmannSax;
        if (name == "simdjson")
            return Feeder::Simdjson;
        if (name == "simdjson-dom")
            return Feeder::SimdjsonDom;
        return Feeder::Scanner;
    }();
    return f;
}

} // namespace

std::optional<Plan> loadPlanFast(const QByteArray &data, const PlanLoadOptions &options)
{
    Plan plan;
    PlanSaxBuilder builder(plan);
    try {
        const char *begin = data.constData();
        bool ok = false;
        switch (feeder()) {
        case Feeder::Scanner:
            ok = scanJson(begin, begin + data.size(), builder);
            break;
        case Feeder::NlohmannSax:
            ok = Json::sax_parse(begin, begin + data.size(), &builder);
            break;
        case Feeder::Simdjson:
            ok = feedSimdjson(data, builder);
            break;
        case Feeder::SimdjsonDom:
            ok = feedSimdjsonDom(data, builder);
            break;
        }
        if (!ok || !builder.complete())
            return std::nullopt;
    } catch (const std::exception &) {
        return std::nullopt; // whatever nlohmann refuses, the tree loader explains
    }
    if (!referencesHold(plan, options))
        return std::nullopt;
    return plan;
}

} // namespace pp
