#include "planner/sizing/sizingjson.h"

#include "planner/sizing/sizingdata.h"

namespace pp {

Json optionalJson(const std::optional<double> &value)
{
    return value ? Json(*value) : Json(nullptr);
}

static Json movementJson(const DataMovement &m)
{
    return Json{{"design", json::toStd(m.design)},
                {"datasetTB", m.datasetTB},
                {"prestageGbps", m.prestageGbps},
                {"prestageS", m.prestageS},
                {"prestageLimitedBy", json::toStd(m.prestageLimitedBy)},
                {"checkpointTB", m.checkpointTB},
                {"copyBackGbps", m.copyBackGbps},
                {"copyBackS", optionalJson(m.copyBackS)},
                {"copyBackLimitedBy", json::toStd(m.copyBackLimitedBy)},
                {"checkpointIntervalS", m.intervalS},
                {"copyBackKeepsUp", m.copyBackKeepsUp}};
}

static Json extrapolationJson(const Extrapolation &e)
{
    return Json{
        {"design", json::toStd(e.design)},
        {"target", json::toStd(e.target)},
        {"pods", e.pods},
        {"cnodes", e.cnodes},
        {"dboxes", e.dboxes},
        {"racks", e.racks},
        {"usablePB", e.usablePB},
        {"readTBps", e.readTBps},
        {"writeTBps", e.writeTBps},
        {"typicalKW", e.typicalKW},
        {"maxKW", e.maxKW},
        {"siteMinMW", e.siteMinMW},
        {"siteMaxMW", e.siteMaxMW},
        {"storagePowerSharePct", {{"ofLargerSite", e.powerShareMinPct}, {"ofSmallerSite", e.powerShareMaxPct}}}};
}

Json sizingResultToJson(const SizingResult &r, const SizingData &data)
{
    const SizingDesign &d = r.design;
    Json steps = Json::array();
    for (const SizingStep &s : r.steps)
        steps.push_back({{"name", json::toStd(s.name)},
                         {"value", optionalJson(s.value)},
                         {"unit", json::toStd(s.unit)},
                         {"why", json::toStd(s.why)}});
    Json warnings = Json::array();
    for (const QString &w : r.warnings)
        warnings.push_back(json::toStd(w));
    Json design = {{"cnodes", d.cnodes},
                   {"dboxes", d.dboxes},
                   {"switches", d.switches},
                   {"racks", d.racks},
                   {"rawPB", d.rawPB},
                   {"usablePB", d.usablePB},
                   {"readTBps", d.readTBps},
                   {"writeTBps", d.writeTBps},
                   {"checkpointWriteS", optionalJson(d.checkpointWriteS)},
                   {"stallPct", optionalJson(d.stallPct)},
                   {"typicalKW", d.typicalKW},
                   {"maxKW", d.maxKW},
                   {"heatBtuPerHour", d.heatBtuPerHour},
                   {"leafSwitches", d.leafSwitches},
                   {"spineSwitches", d.spineSwitches},
                   {"mgmtSwitches", d.mgmtSwitches},
                   {"uplinks", d.uplinks},
                   {"pdus", d.pdus},
                   {"gpuNodes", d.gpuNodes},
                   {"cnodesSetBy", json::toStd(d.cnodesSetBy)},
                   {"dboxesSetBy", json::toStd(d.dboxesSetBy)},
                   {"effectivePB", d.effectivePB},
                   {"requiredUsablePB", d.requiredUsablePB},
                   {"clusterSsds", d.clusterSsds},
                   {"ecDataStrips", d.dataStrips},
                   {"ecEfficiency", d.ecEfficiency},
                   {"requiredReadTBps", d.requiredReadTBps},
                   {"requiredWriteTBps", d.requiredWriteTBps},
                   {"readLimitedBy", json::toStd(d.readLimitedBy)},
                   {"writeLimitedBy", json::toStd(d.writeLimitedBy)},
                   {"readGBpsPerGpu", optionalJson(d.readGBpsPerGpu)},
                   {"writeGBpsPerGpu", optionalJson(d.writeGBpsPerGpu)},
                   {"dboxThroughputGBps", optionalJson(d.dboxThroughputGBps)},
                   {"checkpointTB", d.checkpointTB},
                   {"rackPowerLimitKW", d.rackPowerLimitKW},
                   {"devicesWithUnknownPower", d.devicesWithUnknownPower}};
    Json extrapolations = Json::array();
    for (const Extrapolation &e : extrapolationsFor(r, data))
        extrapolations.push_back(extrapolationJson(e));
    Json out = {{"format", "pocplanner-sizing"},
                {"version", 1},
                {"inputs", r.inputs.toJson()},
                {"design", design},
                {"steps", steps},
                {"warnings", warnings}};
    if (!r.ok())
        out["error"] = json::toStd(r.error);
    out["dataMovement"] = movementJson(dataMovementFor(r, data));
    out["extrapolation"] = extrapolations;
    return out;
}

Json comparisonToJson(const Comparison &c)
{
    Json rows = Json::array();
    for (const ComparisonRow &row : Comparison::rows())
        rows.push_back(
            {{"key", json::toStd(row.key)}, {"label", json::toStd(row.label)}, {"unit", json::toStd(row.unit)}});
    Json columns = Json::array();
    for (const ComparisonColumn &col : c.columns) {
        Json values = Json::object();
        for (const ComparisonRow &row : Comparison::rows())
            if (col.applies(row.key)) // a missing key is not applicable; null is unknown
                values[json::toStd(row.key)] = optionalJson(col.value(row.key));
        columns.push_back({{"id", json::toStd(col.id)},
                           {"name", json::toStd(col.name)},
                           {"kind", json::toStd(col.kind)},
                           {"values", values},
                           {"note", json::toStd(col.note)}});
    }
    Json movement = Json::array();
    for (const DataMovement &m : c.movement)
        movement.push_back(movementJson(m));
    Json extrapolations = Json::array();
    for (const Extrapolation &e : c.extrapolations)
        extrapolations.push_back(extrapolationJson(e));
    return Json{{"format", "pocplanner-comparison"},
                {"version", 1},
                {"reference",
                 c.designs.empty() ? std::string()
                                   : json::toStd(c.designs[static_cast<std::size_t>(c.referenceIndex)].inputs.name)},
                {"rows", rows},
                {"columns", columns},
                {"dataMovement", movement},
                {"extrapolation", extrapolations}};
}

} // namespace pp
