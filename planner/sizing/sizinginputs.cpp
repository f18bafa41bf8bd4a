#include "planner/sizing/sizinginputs.h"

#include "catalog/model/catalog.h"
#include "catalog/model/siteprofile.h"
#include "planner/sizing/sizingdata.h"

namespace pp {

SizingInputs SizingInputs::defaults(const SizingData &data)
{
    SizingInputs in;
    in.ckptBytesPerParam = data.bytesPerParam.valueOr(in.ckptBytesPerParam);
    in.readEfficiency = data.readEfficiency.valueOr(1.0);
    in.writeEfficiency = data.writeEfficiency.valueOr(1.0);
    in.linkEfficiency = data.clientLinkEfficiency.valueOr(1.0);
    in.wanEfficiency = in.linkEfficiency;
    in.datasetTB = data.datasetTB.valueOr(in.datasetTB);
    in.ckptParams = data.exampleParams.valueOr(0);
    in.ckptIntervalMin = data.exampleIntervalMin.valueOr(in.ckptIntervalMin);
    in.ckptStallPct = data.exampleStallPct.valueOr(in.ckptStallPct);
    return in;
}

SizingInputs SizingInputs::forDesign(const DesignPreset &preset, const SizingData &data, const Catalog &catalog)
{
    SizingInputs in = defaults(data);
    in.name = preset.name;
    const QString siteId = json::string(preset.inputs, "site", QStringLiteral("inputs"), false);
    if (const SiteProfile *site = catalog.site(siteId.isEmpty() ? in.site : siteId))
        in.applySite(*site);
    in.applyJson(preset.inputs, QStringLiteral("designs.%1.inputs").arg(preset.id));
    return in;
}

void SizingInputs::applySite(const SiteProfile &s)
{
    site = s.id;
    if (s.power.rackLimitKW > 0)
        rackKW = s.power.rackLimitKW;
    rackU = s.rack.heightU;
    feedCapacityKW = s.power.feeds.capacityW() / 1000.0;
    feedsRedundant = s.power.feeds.redundancy == QLatin1String("A+B");
    wanGbps = s.network.uplinkSpeedGbps * s.network.uplinksRequired;
}

void SizingInputs::applyJson(const Json &o, const QString &path)
{
    json::requireObject(o, path);
    name = json::string(o, "name", path, false, name);
    gpus = json::integer(o, "gpus", path, 0, 100000000, gpus);
    gpusPerNode = json::integer(o, "gpusPerNode", path, 1, 1024, gpusPerNode);
    profile = json::string(o, "profile", path, false, profile);
    customReadGBpsPerGpu = json::number(o, "customReadGBpsPerGpu", path, 0, 1e6, customReadGBpsPerGpu);
    customWriteGBpsPerGpu = json::number(o, "customWriteGBpsPerGpu", path, 0, 1e6, customWriteGBpsPerGpu);
    capacityPB = json::number(o, "capacityPB", path, 0, 1e7, capacityPB);
    ckptParams = json::number(o, "ckptParams", path, 0, 1e16, ckptParams);
    ckptBytesPerParam = json::number(o, "ckptBytesPerParam", path, 0.1, 1000, ckptBytesPerParam);
    ckptIntervalMin = json::number(o, "ckptIntervalMin", path, 0.01, 1e6, ckptIntervalMin);
    ckptStallPct = json::number(o, "ckptStallPct", path, 0.001, 100, ckptStallPct);
    if (const auto mix = json::optionalNumber(o, "mixReadPct", path, 0, 100))
        mixReadPct = mix;
    dataReduction = json::number(o, "dataReduction", path, 0.01, 1000, dataReduction);
    growthYears = json::number(o, "growthYears", path, 0, 100, growthYears);
    growthPctPerYear = json::number(o, "growthPctPerYear", path, -100, 1000, growthPctPerYear);
    readEfficiency = json::number(o, "readEfficiency", path, 0.01, 1, readEfficiency);
    writeEfficiency = json::number(o, "writeEfficiency", path, 0.01, 1, writeEfficiency);
    linkEfficiency = json::number(o, "linkEfficiency", path, 0.01, 1, linkEfficiency);
    reservePct = json::number(o, "reservePct", path, 0, 99, reservePct);
    cnodeType = json::string(o, "cnodeType", path, false, cnodeType);
    dboxType = json::string(o, "dboxType", path, false, dboxType);
    switchType = json::string(o, "switchType", path, false, switchType);
    mgmtSwitchType = json::string(o, "mgmtSwitchType", path, false, mgmtSwitchType);
    pduType = json::string(o, "pduType", path, false, pduType);
    site = json::string(o, "site", path, false, site);
    rackKW = json::number(o, "rackKW", path, 0.1, 10000, rackKW);
    rackU = json::integer(o, "rackU", path, 1, 100, rackU);
    siteMW = json::number(o, "siteMW", path, 0, 1e5, siteMW);
    fixedCnodes = json::integer(o, "fixedCnodes", path, 0, 100000, fixedCnodes);
    fixedDboxes = json::integer(o, "fixedDboxes", path, 0, 100000, fixedDboxes);
    datasetTB = json::number(o, "datasetTB", path, 0, 1e9, datasetTB);
    wanGbps = json::number(o, "wanGbps", path, 0.001, 1e9, wanGbps);
    wanEfficiency = json::number(o, "wanEfficiency", path, 0.01, 1, wanEfficiency);
}

Json SizingInputs::toJson() const
{
    Json o = Json::object();
    o["name"] = json::toStd(name);
    o["gpus"] = gpus;
    o["gpusPerNode"] = gpusPerNode;
    o["profile"] = json::toStd(profile);
    if (profile == QLatin1String("custom")) {
        o["customReadGBpsPerGpu"] = customReadGBpsPerGpu;
        o["customWriteGBpsPerGpu"] = customWriteGBpsPerGpu;
    }
    o["capacityPB"] = capacityPB;
    o["ckptParams"] = ckptParams;
    o["ckptBytesPerParam"] = ckptBytesPerParam;
    o["ckptIntervalMin"] = ckptIntervalMin;
    o["ckptStallPct"] = ckptStallPct;
    o["mixReadPct"] = mixReadPct ? Json(*mixReadPct) : Json(nullptr);
    o["dataReduction"] = dataReduction;
    o["growthYears"] = growthYears;
    o["growthPctPerYear"] = growthPctPerYear;
    o["readEfficiency"] = readEfficiency;
    o["writeEfficiency"] = writeEfficiency;
    o["linkEfficiency"] = linkEfficiency;
    o["reservePct"] = reservePct;
    o["cnodeType"] = json::toStd(cnodeType);
    o["dboxType"] = json::toStd(dboxType);
    o["switchType"] = json::toStd(switchType);
    o["mgmtSwitchType"] = json::toStd(mgmtSwitchType);
    o["pduType"] = json::toStd(pduType);
    o["site"] = json::toStd(site);
    o["rackKW"] = rackKW;
    o["rackU"] = rackU;
    o["feedCapacityKW"] = feedCapacityKW;
    o["siteMW"] = siteMW;
    o["fixedCnodes"] = fixedCnodes;
    o["fixedDboxes"] = fixedDboxes;
    o["datasetTB"] = datasetTB;
    o["wanGbps"] = wanGbps;
    o["wanEfficiency"] = wanEfficiency;
    return o;
}

} // namespace pp
