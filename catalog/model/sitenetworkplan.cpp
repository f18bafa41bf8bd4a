#include "catalog/model/sitenetworkplan.h"

#include "catalog/model/ipv4subnet.h"
#include "catalog/model/siteprofile.h"

namespace pp {

namespace {

QString subnetField(const Json &parent, const char *key, const QString &path, const QString &fallback)
{
    const QString text = json::string(parent, key, path, false, fallback);
    if (!text.isEmpty() && !Ipv4Subnet::parse(text))
        throw FieldError(json::join(path, key),
                         QStringLiteral("expected an IPv4 subnet such as \"10.0.0.0/24\", found \"%1\"").arg(text));
    return text;
}

QStringList addressList(const Json &parent, const char *key, const QString &path)
{
    const QStringList list = json::stringList(parent, key, path);
    for (const QString &a : list)
        if (!Ipv4Subnet::parseAddress(a))
            throw FieldError(json::join(path, key), QStringLiteral("expected IPv4 addresses, found \"%1\"").arg(a));
    return list;
}

QString dialectField(const Json &parent, const QString &path)
{
    const QString d = json::string(parent, "dialect", path, false);
    if (!d.isEmpty() && !SiteNetworkPlan::dialects().contains(d))
        throw FieldError(json::join(path, "dialect"),
                         QStringLiteral("expected one of %1, found \"%2\"")
                             .arg(SiteNetworkPlan::dialects().join(QStringLiteral(", ")), d));
    return d;
}

QString trustField(const Json &parent, const QString &path, const QString &fallback)
{
    const QString t = json::string(parent, "trust", path, false, fallback);
    if (!t.isEmpty() && t != QLatin1String("dscp") && t != QLatin1String("pcp"))
        throw FieldError(json::join(path, "trust"),
                         QStringLiteral("expected \"dscp\" or \"pcp\", found \"%1\"").arg(t));
    return t;
}

} // namespace

QStringList SiteNetworkPlan::dialects()
{
    return {QStringLiteral("nvue"), QStringLiteral("eos"), QStringLiteral("sonic")};
}

SiteNetworkPlan SiteNetworkPlan::ofSite(const SiteProfile &site)
{
    const auto it = site.raw.is_object() ? site.raw.find("network") : site.raw.end();
    if (!site.raw.is_object() || it == site.raw.end() || !it->is_object())
        return SiteNetworkPlan{};
    try {
        return fromJson(*it, QStringLiteral("network"));
    } catch (const FieldError &) {
        return SiteNetworkPlan{}; // the loader already refused such a site; an edited one falls back
    }
}

RoceSettings RoceSettings::fromJson(const Json &doc, const QString &path, const RoceSettings &fallback)
{
    using namespace pp::json;
    RoceSettings r;
    r.mtu = integer(doc, "mtu", path, 576, 16000, fallback.mtu);
    r.pfcPriority = integer(doc, "pfcPriority", path, 0, 7, fallback.pfcPriority);
    r.ecn = boolean(doc, "ecn", path, fallback.ecn);
    r.trust = trustField(doc, path, fallback.trust);
    r.ecnMinKB = integer(doc, "ecnMinKB", path, 1, 1000000, fallback.ecnMinKB);
    r.ecnMaxKB = integer(doc, "ecnMaxKB", path, 1, 1000000, fallback.ecnMaxKB);
    r.ecnProbabilityPct = integer(doc, "ecnProbabilityPct", path, 1, 100, fallback.ecnProbabilityPct);
    r.pfcWatchdog = boolean(doc, "pfcWatchdog", path, fallback.pfcWatchdog);
    if (r.ecnMaxKB < r.ecnMinKB)
        throw FieldError(join(path, "ecnMaxKB"), QStringLiteral("ecnMaxKB is below ecnMinKB"));
    return r;
}

Json RoceSettings::toJson() const
{
    return {{"mtu", mtu},
            {"pfcPriority", pfcPriority},
            {"ecn", ecn},
            {"trust", json::toStd(trust)},
            {"ecnMinKB", ecnMinKB},
            {"ecnMaxKB", ecnMaxKB},
            {"ecnProbabilityPct", ecnProbabilityPct},
            {"pfcWatchdog", pfcWatchdog}};
}

SiteNetworkPlan SiteNetworkPlan::fromJson(const Json &network, const QString &np)
{
    using namespace pp::json;
    SiteNetworkPlan s;
    if (const Json *ip = optionalObject(network, "ipPlan", np)) {
        const QString ipp = join(np, "ipPlan");
        s.mgmtSubnet = subnetField(*ip, "mgmtSubnet", ipp, s.mgmtSubnet);
        s.mgmtGateway = string(*ip, "mgmtGateway", ipp, false);
        if (!s.mgmtGateway.isEmpty() && !Ipv4Subnet::parseAddress(s.mgmtGateway))
            throw FieldError(join(ipp, "mgmtGateway"), QStringLiteral("expected an IPv4 address"));
        s.mgmtVlan = integer(*ip, "mgmtVlan", ipp, 1, 4094, 10);
        const Json &vlans = array(*ip, "dataVlans", ipp);
        if (ip->contains("dataVlans"))
            s.dataVlans.clear();
        for (std::size_t i = 0; i < vlans.size(); ++i) {
            const QString vp = join(join(ipp, "dataVlans"), i);
            requireObject(vlans[i], vp);
            DataVlan v;
            v.id = integer(vlans[i], "id", vp, 1, 4094);
            v.name = string(vlans[i], "name", vp, false, QStringLiteral("storage"));
            v.subnet = subnetField(vlans[i], "subnet", vp, QString());
            s.dataVlans.push_back(v);
        }
        s.loopbackPool = subnetField(*ip, "loopbackPool", ipp, s.loopbackPool);
        s.p2pPool = subnetField(*ip, "p2pPool", ipp, s.p2pPool);
        if (const Json *asn = optionalObject(*ip, "asnRange", ipp)) {
            const QString ap = join(ipp, "asnRange");
            s.asnFirst = static_cast<long long>(number(*asn, "first", ap, 1, 4294967294.0));
            s.asnLast = static_cast<long long>(number(*asn, "last", ap, 1, 4294967294.0));
            if (s.asnLast < s.asnFirst)
                throw FieldError(join(ap, "last"), QStringLiteral("the last ASN is below the first"));
        }
        if (ip->contains("ntpServers"))
            s.ntpServers = addressList(*ip, "ntpServers", ipp);
        if (ip->contains("dnsServers"))
            s.dnsServers = addressList(*ip, "dnsServers", ipp);
        if (ip->contains("syslogServers"))
            s.syslogServers = addressList(*ip, "syslogServers", ipp);
    }
    s.dialect = dialectField(network, np);
    if (const Json *r = optionalObject(network, "roce", np))
        s.roce = RoceSettings::fromJson(*r, join(np, "roce"), RoceSettings{});
    if (const Json *f = optionalObject(network, "fabric", np))
        s.fabric = RoceSettings::fromJson(*f, join(np, "fabric"), s.roce);
    if (const Json *sw = optionalObject(network, "switches", np)) {
        const QString sp = join(np, "switches");
        for (auto it = sw->begin(); it != sw->end(); ++it) {
            const QString host = fromStd(it.key());
            const QString hp = join(sp, it.key().c_str());
            requireObject(*it, hp);
            SwitchChoice c;
            c.dialect = dialectField(*it, hp);
            c.mgmtAddress = string(*it, "mgmtAddress", hp, false);
            if (!c.mgmtAddress.isEmpty() && !Ipv4Subnet::parseAddress(c.mgmtAddress))
                throw FieldError(join(hp, "mgmtAddress"), QStringLiteral("expected an IPv4 address"));
            if (it->contains("mtu"))
                c.mtu = integer(*it, "mtu", hp, 576, 16000);
            if (it->contains("pfcPriority"))
                c.pfcPriority = integer(*it, "pfcPriority", hp, 0, 7);
            if (it->contains("ecn"))
                c.ecn = boolean(*it, "ecn", hp, true);
            c.trust = trustField(*it, hp, QString());
            s.switches[host] = c;
        }
    }
    return s;
}

void SiteNetworkPlan::toJson(Json &n) const
{
    Json ip = Json::object();
    ip["mgmtSubnet"] = json::toStd(mgmtSubnet);
    if (!mgmtGateway.isEmpty())
        ip["mgmtGateway"] = json::toStd(mgmtGateway);
    ip["mgmtVlan"] = mgmtVlan;
    Json vlans = Json::array();
    for (const DataVlan &v : dataVlans)
        vlans.push_back({{"id", v.id}, {"name", json::toStd(v.name)}, {"subnet", json::toStd(v.subnet)}});
    ip["dataVlans"] = vlans;
    ip["loopbackPool"] = json::toStd(loopbackPool);
    ip["p2pPool"] = json::toStd(p2pPool);
    ip["asnRange"] = {{"first", asnFirst}, {"last", asnLast}};
    const auto list = [](const QStringList &l) {
        Json a = Json::array();
        for (const QString &s : l)
            a.push_back(json::toStd(s));
        return a;
    };
    ip["ntpServers"] = list(ntpServers);
    ip["dnsServers"] = list(dnsServers);
    ip["syslogServers"] = list(syslogServers);
    n["ipPlan"] = ip;
    if (!dialect.isEmpty())
        n["dialect"] = json::toStd(dialect);
    n["roce"] = roce.toJson();
    if (fabric)
        n["fabric"] = fabric->toJson();
    if (!switches.empty()) {
        Json sw = Json::object();
        for (const auto &[host, c] : switches) {
            Json o = Json::object();
            if (!c.dialect.isEmpty())
                o["dialect"] = json::toStd(c.dialect);
            if (!c.mgmtAddress.isEmpty())
                o["mgmtAddress"] = json::toStd(c.mgmtAddress);
            if (c.mtu)
                o["mtu"] = *c.mtu;
            if (c.pfcPriority)
                o["pfcPriority"] = *c.pfcPriority;
            if (c.ecn)
                o["ecn"] = *c.ecn;
            if (!c.trust.isEmpty())
                o["trust"] = json::toStd(c.trust);
            sw[json::toStd(host)] = o;
        }
        n["switches"] = sw;
    }
}

} // namespace pp
