#include "planner/sizing/comparison.h"

#include "planner/sizing/sizingdata.h"

#include <cmath>

namespace pp {

const std::vector<ComparisonRow> &Comparison::rows()
{
    static const std::vector<ComparisonRow> list{
        {QStringLiteral("gpus"), QStringLiteral("GPUs"), QString(), 0},
        {QStringLiteral("cnodes"), QStringLiteral("C-nodes"), QString(), 0},
        {QStringLiteral("dboxes"), QStringLiteral("D-boxes"), QString(), 0},
        {QStringLiteral("switches"), QStringLiteral("Switches"), QString(), 0},
        {QStringLiteral("racks"), QStringLiteral("Racks"), QString(), 0},
        {QStringLiteral("rawPB"), QStringLiteral("Raw"), QStringLiteral("PB"), 1},
        {QStringLiteral("usablePB"), QStringLiteral("Usable"), QStringLiteral("PB"), 1},
        {QStringLiteral("filesystems"), QStringLiteral("File systems"), QString(), 0},
        {QStringLiteral("readTBps"), QStringLiteral("Read"), QStringLiteral("TB/s"), 2},
        {QStringLiteral("writeTBps"), QStringLiteral("Write"), QStringLiteral("TB/s"), 2},
        {QStringLiteral("readGBpsPerGpu"), QStringLiteral("Read per GPU"), QStringLiteral("GB/s"), 3},
        {QStringLiteral("writeGBpsPerGpu"), QStringLiteral("Write per GPU"), QStringLiteral("GB/s"), 3},
        {QStringLiteral("checkpointWriteS"), QStringLiteral("Checkpoint write"), QStringLiteral("s"), 0},
        {QStringLiteral("stallPct"), QStringLiteral("Checkpoint stall"), QStringLiteral("%"), 1},
        {QStringLiteral("typicalKW"), QStringLiteral("Power typical"), QStringLiteral("kW"), 1},
        {QStringLiteral("maxKW"), QStringLiteral("Power max"), QStringLiteral("kW"), 1},
    };
    return list;
}

ComparisonColumn columnFor(const SizingResult &r)
{
    const SizingDesign &d = r.design;
    ComparisonColumn c;
    c.id = r.inputs.name;
    c.name = r.inputs.name;
    c.kind = QStringLiteral("design");
    if (r.inputs.gpus > 0)
        c.values[QStringLiteral("gpus")] = r.inputs.gpus;
    c.values[QStringLiteral("cnodes")] = d.cnodes;
    c.values[QStringLiteral("dboxes")] = d.dboxes;
    c.values[QStringLiteral("switches")] = d.switches;
    c.values[QStringLiteral("racks")] = d.racks;
    c.values[QStringLiteral("rawPB")] = d.rawPB;
    c.values[QStringLiteral("usablePB")] = d.usablePB;
    c.values[QStringLiteral("filesystems")] = 1;
    c.values[QStringLiteral("readTBps")] = d.readTBps;
    c.values[QStringLiteral("writeTBps")] = d.writeTBps;
    if (r.inputs.gpus > 0) {
        c.values[QStringLiteral("readGBpsPerGpu")] = d.readGBpsPerGpu;
        c.values[QStringLiteral("writeGBpsPerGpu")] = d.writeGBpsPerGpu;
    }
    if (d.checkpointTB > 0) {
        c.values[QStringLiteral("checkpointWriteS")] = d.checkpointWriteS;
        c.values[QStringLiteral("stallPct")] = d.stallPct;
    }
    c.values[QStringLiteral("typicalKW")] = d.typicalKW;
    c.values[QStringLiteral("maxKW")] = d.maxKW;
    c.note = QStringLiteral("C-nodes set by %1, D-boxes by %2").arg(d.cnodesSetBy, d.dboxesSetBy);
    return c;
}

static void fillCheckpoint(ComparisonColumn &c, double checkpointTB, double writeTBps, double intervalS)
{
    if (checkpointTB <= 0 || writeTBps <= 0)
        return;
    const double seconds = checkpointTB / writeTBps;
    c.values[QStringLiteral("checkpointWriteS")] = seconds;
    if (intervalS > 0)
        c.values[QStringLiteral("stallPct")] = seconds / intervalS * 100.0;
}

ComparisonColumn objectStoreColumn(const SizingData &data, double usablePB, double checkpointTB,
                                   const ObjectStoreUserFigures &user, double intervalS)
{
    ComparisonColumn c;
    c.id = QStringLiteral("object-store");
    c.name = QStringLiteral("Cloud object store");
    c.kind = QStringLiteral("object-store");
    c.values[QStringLiteral("usablePB")] = usablePB;
    if (data.objectStoreTbitPer100PB.known()) {
        const double tbps = *data.objectStoreTbitPer100PB.value * usablePB / 100.0 / 8.0;
        c.values[QStringLiteral("readTBps")] = tbps;
        c.values[QStringLiteral("writeTBps")] = tbps;
        fillCheckpoint(c, checkpointTB, tbps, intervalS);
    } else {
        c.values[QStringLiteral("readTBps")] = std::nullopt;
        c.values[QStringLiteral("writeTBps")] = std::nullopt;
    }
    c.values[QStringLiteral("racks")] = user.racks ? user.racks : data.objectStoreRacks.value;
    c.values[QStringLiteral("typicalKW")] = user.powerKW ? user.powerKW : data.objectStorePowerKW.value;
    c.values[QStringLiteral("maxKW")] = std::nullopt;
    c.note = QStringLiteral("%1 Tbit/s per 100 PB, read = write (%2); racks and power are user figures")
                 .arg(data.objectStoreTbitPer100PB.valueOr(0))
                 .arg(data.objectStoreTbitPer100PB.source);
    return c;
}

std::vector<ComparisonColumn> lustreColumns(const SizingData &data, double usablePB, double checkpointTB,
                                            double intervalS)
{
    std::vector<ComparisonColumn> columns;
    const double tib = usablePB * 1e15 / std::pow(2.0, 40);
    for (const LustreTier &t : data.lustreTiers) {
        ComparisonColumn c;
        c.id = t.id;
        c.name = t.name;
        c.kind = QStringLiteral("lustre");
        if (!t.maxTiB.known() || !t.mbpsPerTiB.known())
            continue;
        const int filesystems = std::max(1, static_cast<int>(std::ceil(tib / *t.maxTiB.value - 1e-9)));
        // Each file system is provisioned in whole increments.
        const double perFs = tib / filesystems;
        const double inc = t.incrementTiB.valueOr(1);
        const double provisionedTiB = filesystems * std::max(t.minTiB.valueOr(0), std::ceil(perFs / inc - 1e-9) * inc);
        const double tbps = provisionedTiB * *t.mbpsPerTiB.value / 1e6;
        c.values[QStringLiteral("usablePB")] = provisionedTiB * std::pow(2.0, 40) / 1e15;
        c.values[QStringLiteral("filesystems")] = filesystems;
        c.values[QStringLiteral("readTBps")] = tbps;
        c.values[QStringLiteral("writeTBps")] = tbps;
        fillCheckpoint(c, checkpointTB, tbps, intervalS);
        c.values[QStringLiteral("racks")] = std::nullopt;
        c.values[QStringLiteral("typicalKW")] = std::nullopt;
        c.values[QStringLiteral("maxKW")] = std::nullopt;
        c.note =
            QStringLiteral(
                "%1 MB/s per TiB; file systems of %2–%3 TiB (%4); provisioned throughput, read and write not separated")
                .arg(*t.mbpsPerTiB.value)
                .arg(t.minTiB.valueOr(0))
                .arg(*t.maxTiB.value)
                .arg(t.mbpsPerTiB.source);
        if (data.lustreOnRequestMaxPB.known())
            c.note += QStringLiteral("; %1 file systems if %2 PB ones are granted on request")
                          .arg(static_cast<int>(std::ceil(usablePB / *data.lustreOnRequestMaxPB.value - 1e-9)))
                          .arg(*data.lustreOnRequestMaxPB.value);
        columns.push_back(c);
    }
    return columns;
}

DataMovement dataMovementFor(const SizingResult &r, const SizingData &data)
{
    DataMovement m;
    m.design = r.inputs.name;
    const double wan = r.inputs.wanGbps * r.inputs.wanEfficiency;
    m.datasetTB = r.inputs.datasetTB;
    m.prestageGbps = wan;
    m.prestageLimitedBy = QStringLiteral("WAN link");
    if (data.accountEgressGbps.known() && *data.accountEgressGbps.value < wan) {
        m.prestageGbps = *data.accountEgressGbps.value;
        m.prestageLimitedBy = QStringLiteral("object-store account egress (default, raisable)");
    }
    m.prestageS = m.datasetTB * 8000.0 / m.prestageGbps;
    m.checkpointTB = r.design.checkpointTB;
    m.copyBackGbps = wan;
    m.copyBackLimitedBy = QStringLiteral("WAN link");
    if (data.accountIngressGbps.known() && *data.accountIngressGbps.value < wan) {
        m.copyBackGbps = *data.accountIngressGbps.value;
        m.copyBackLimitedBy = QStringLiteral("object-store account ingress (default, raisable)");
    }
    m.intervalS = r.inputs.ckptIntervalMin * 60.0;
    if (m.checkpointTB > 0) {
        m.copyBackS = m.checkpointTB * 8000.0 / m.copyBackGbps;
        m.copyBackKeepsUp = *m.copyBackS <= m.intervalS;
    }
    return m;
}

Extrapolation extrapolate(const SizingResult &pod, const QString &target, int pods, const SizingData &data)
{
    const SizingDesign &d = pod.design;
    Extrapolation e;
    e.design = pod.inputs.name;
    e.target = target;
    e.pods = pods;
    e.cnodes = pods * d.cnodes;
    e.dboxes = pods * d.dboxes;
    e.racks = pods * d.racks;
    e.usablePB = pods * d.usablePB;
    e.readTBps = pods * d.readTBps;
    e.writeTBps = pods * d.writeTBps;
    e.typicalKW = pods * d.typicalKW;
    e.maxKW = pods * d.maxKW;
    e.siteMinMW = data.siteMinMW.valueOr(0);
    e.siteMaxMW = data.siteMaxMW.valueOr(0);
    if (e.siteMaxMW > 0)
        e.powerShareMinPct = e.maxKW / (e.siteMaxMW * 1000.0) * 100.0;
    if (e.siteMinMW > 0)
        e.powerShareMaxPct = e.maxKW / (e.siteMinMW * 1000.0) * 100.0;
    return e;
}

std::vector<Extrapolation> extrapolationsFor(const SizingResult &pod, const SizingData &data)
{
    std::vector<Extrapolation> out;
    const SizingDesign &d = pod.design;
    if (data.targetUsablePB.known() && d.usablePB > 0) {
        const double pb = *data.targetUsablePB.value;
        out.push_back(extrapolate(pod, QStringLiteral("%1 PB usable").arg(pb),
                                  static_cast<int>(std::ceil(pb / d.usablePB - 1e-9)), data));
    }
    if (data.targetGpus.known() && pod.inputs.gpus > 0) {
        const double gpus = *data.targetGpus.value;
        out.push_back(extrapolate(pod, QStringLiteral("%1 GPUs").arg(gpus, 0, 'f', 0),
                                  static_cast<int>(std::ceil(gpus / pod.inputs.gpus - 1e-9)), data));
    }
    return out;
}

Comparison buildComparison(std::vector<SizingResult> designs, int referenceIndex, const SizingData &data,
                           const ObjectStoreUserFigures &user)
{
    Comparison c;
    c.designs = std::move(designs);
    c.referenceIndex = c.designs.empty() ? 0 : std::clamp(referenceIndex, 0, static_cast<int>(c.designs.size()) - 1);
    for (const SizingResult &r : c.designs) {
        c.columns.push_back(columnFor(r));
        c.movement.push_back(dataMovementFor(r, data));
    }
    if (!c.designs.empty()) {
        const SizingResult &ref = c.designs[static_cast<std::size_t>(c.referenceIndex)];
        const double intervalS = ref.inputs.ckptIntervalMin * 60.0;
        c.columns.push_back(objectStoreColumn(data, ref.design.usablePB, ref.design.checkpointTB, user, intervalS));
        for (ComparisonColumn &col : lustreColumns(data, ref.design.usablePB, ref.design.checkpointTB, intervalS))
            c.columns.push_back(std::move(col));
        c.extrapolations = extrapolationsFor(ref, data);
    }
    return c;
}

} // namespace pp
