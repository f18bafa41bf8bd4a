#include "catalog/model/siteprofile.h"

#include "catalog/model/sitenetworkplan.h"

#include <cmath>

namespace pp {

double SiteProfile::Feeds::capacityW() const
{
    const double phaseFactor = phases == 3 ? std::sqrt(3.0) : 1.0;
    return voltageV * amps * phaseFactor * deratePct / 100.0;
}

SiteProfile SiteProfile::fromJson(const Json &doc, const QString &path)
{
    using namespace pp::json;
    requireObject(doc, path);
    SiteProfile s;
    s.raw = doc;
    s.id = string(doc, "id", path);
    s.name = string(doc, "name", path, false, s.id);
    s.description = string(doc, "description", path, false);

    if (const Json *p = optionalObject(doc, "power", path)) {
        const QString pp = join(path, "power");
        s.power.budgetKW = number(*p, "budgetKW", pp, 0, 1e6, 0);
        s.power.rackLimitKW = number(*p, "rackLimitKW", pp, 0, 1e4, s.power.budgetKW);
        if (const Json *f = optionalObject(*p, "feeds", pp)) {
            const QString fp = join(pp, "feeds");
            s.power.feeds.voltageV = number(*f, "voltageV", fp, 1, 100000, 415);
            s.power.feeds.phases = integer(*f, "phases", fp, 1, 3, 3);
            if (s.power.feeds.phases == 2)
                throw FieldError(join(fp, "phases"), QStringLiteral("phases must be 1 or 3"));
            s.power.feeds.amps = number(*f, "amps", fp, 1, 10000, 32);
            s.power.feeds.deratePct = number(*f, "deratePct", fp, 1, 100, 80);
            s.power.feeds.redundancy = string(*f, "redundancy", fp, false, QStringLiteral("A+B"));
            if (s.power.feeds.redundancy != QLatin1String("A+B") && s.power.feeds.redundancy != QLatin1String("single"))
                throw FieldError(
                    join(fp, "redundancy"),
                    QStringLiteral("expected \"A+B\" or \"single\", found \"%1\"").arg(s.power.feeds.redundancy));
            s.power.feeds.feedsPerRack = integer(*f, "feedsPerRack", fp, 1, 8, 2);
        }
    }
    if (const Json *c = optionalObject(doc, "cooling", path)) {
        const QString cp = join(path, "cooling");
        s.cooling.type = string(*c, "type", cp, false, QStringLiteral("air"));
        if (s.cooling.type != QLatin1String("air") && s.cooling.type != QLatin1String("liquid"))
            throw FieldError(join(cp, "type"),
                             QStringLiteral("expected \"air\" or \"liquid\", found \"%1\"").arg(s.cooling.type));
        s.cooling.rackLimitKW = number(*c, "rackLimitKW", cp, 0, 1e4, 0);
        s.cooling.totalKW = number(*c, "totalKW", cp, 0, 1e6, 0);
        s.cooling.airDensityLimitKW = number(*c, "airDensityLimitKW", cp, 0, 1e4, 0);
        s.cooling.inletC = number(*c, "inletC", cp, -50, 80, 0);
    }
    if (const Json *r = optionalObject(doc, "rack", path)) {
        const QString rp = join(path, "rack");
        s.rack.heightU = integer(*r, "heightU", rp, 1, 100, 42);
        s.rack.widthMM = number(*r, "widthMM", rp, 100, 2000, 600);
        s.rack.depthMM = number(*r, "depthMM", rp, 100, 3000, 1200);
        s.rack.maxStaticKg = number(*r, "maxStaticKg", rp, 0, 20000, 0);
    }
    if (const Json *n = optionalObject(doc, "network", path)) {
        const QString np = join(path, "network");
        s.network.uplinkSpeedGbps = number(*n, "uplinkSpeedGbps", np, 0, 10000, 400);
        s.network.uplinksRequired = integer(*n, "uplinksRequired", np, 0, 10000, 2);
        s.network.roceRequired = boolean(*n, "roceRequired", np, true);
        s.network.pfc = boolean(*n, "pfc", np, true);
        s.network.ecn = boolean(*n, "ecn", np, true);
        s.network.vendorSwitching = boolean(*n, "vendorSwitching", np, true);
        s.network.vlanNotes = string(*n, "vlanNotes", np, false);
        // Read for its errors only: the planner takes the IP plan from raw (SiteNetworkPlan::ofSite).
        (void)SiteNetworkPlan::fromJson(*n, np);
    }
    return s;
}

Json SiteProfile::toJson() const
{
    Json j;
    j["id"] = json::toStd(id);
    j["name"] = json::toStd(name);
    if (!description.isEmpty())
        j["description"] = json::toStd(description);
    j["power"] = {{"budgetKW", power.budgetKW},
                  {"rackLimitKW", power.rackLimitKW},
                  {"feeds",
                   {{"voltageV", power.feeds.voltageV},
                    {"phases", power.feeds.phases},
                    {"amps", power.feeds.amps},
                    {"deratePct", power.feeds.deratePct},
                    {"redundancy", json::toStd(power.feeds.redundancy)},
                    {"feedsPerRack", power.feeds.feedsPerRack}}}};
    j["cooling"] = {{"type", json::toStd(cooling.type)},
                    {"rackLimitKW", cooling.rackLimitKW},
                    {"totalKW", cooling.totalKW},
                    {"airDensityLimitKW", cooling.airDensityLimitKW},
                    {"inletC", cooling.inletC}};
    j["rack"] = {{"heightU", rack.heightU},
                 {"widthMM", rack.widthMM},
                 {"depthMM", rack.depthMM},
                 {"maxStaticKg", rack.maxStaticKg}};
    j["network"] = {{"uplinkSpeedGbps", network.uplinkSpeedGbps},
                    {"uplinksRequired", network.uplinksRequired},
                    {"roceRequired", network.roceRequired},
                    {"pfc", network.pfc},
                    {"ecn", network.ecn},
                    {"vendorSwitching", network.vendorSwitching},
                    {"vlanNotes", json::toStd(network.vlanNotes)}};
    return j;
}

} // namespace pp
