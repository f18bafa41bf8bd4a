#include "planner/sizing/sizingengine.h"

#include "catalog/model/catalog.h"
#include "planner/model/erasurecoding.h"
#include "planner/model/plansummary.h"
#include "planner/power/devicedraw.h"
#include "planner/sizing/rackpacker.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/throughputmodel.h"

#include <algorithm>
#include <cmath>

namespace pp {

const SizingStep *SizingResult::step(const QString &name) const
{
    for (const SizingStep &s : steps)
        if (s.name == name)
            return &s;
    return nullptr;
}

SizingEngine::SizingEngine(const Catalog &catalog, const SizingData &data)
    : m_catalog(catalog)
    , m_data(data)
{ }

double SizingEngine::usablePBFor(int dboxes, double rawTBPerBox, int ssdsPerBox, double reservePct)
{
    return ErasureCoding::fromSizingData().usableTB(dboxes * rawTBPerBox, dboxes * ssdsPerBox, reservePct) / 1000.0;
}

namespace {

using PortSum = ThroughputModel::PortSum;

// Lanes a switch port gives at the node link speed: 4 for an 800G port split 4×200G.
int lanesAt(const DeviceType &sw, double nodeSpeedGbps)
{
    const PortSum data = ThroughputModel::portsOf(sw, PortPurpose::Data);
    if (std::abs(data.speedGbps - nodeSpeedGbps) < 1e-9)
        return 1;
    for (const PortGroup &g : sw.ports) {
        if (g.purpose != PortPurpose::Data)
            continue;
        for (const QString &b : g.breakouts)
            if (const auto br = Breakout::parse(b); br && std::abs(br->laneSpeedGbps - nodeSpeedGbps) < 1e-9)
                return br->lanes;
    }
    return 0;
}

// The planner's working range: a design of more C-nodes or D-boxes than this is many sites or pods,
// not one plan (the 400k-GPU build-out needs a few thousand of each). Counts are compared against
// it as doubles before any conversion to int, so no product of in-range inputs overflows or makes
// a later step loop for minutes.
constexpr double kMaxBoxesPerDesign = 100000;

// A count as a double, so that it can be compared with kMaxBoxesPerDesign before it becomes an int.
double ceilCount(double value, double per)
{
    if (!(value > 0) || !(per > 0))
        return 0;
    return std::ceil(value / per - 1e-9);
}

int ceilDiv(double value, double per)
{
    return static_cast<int>(std::min(ceilCount(value, per), kMaxBoxesPerDesign + 1));
}

int evenUp(int n)
{
    return n % 2 ? n + 1 : n;
}

class StepLog {
public:
    explicit StepLog(std::vector<SizingStep> &steps)
        : m_steps(steps)
    { }
    void add(const QString &name, std::optional<double> value, const QString &unit, const QString &why)
    {
        m_steps.push_back({name, value, unit, why});
    }

private:
    std::vector<SizingStep> &m_steps;
};

QString num(double v, int precision = 2)
{
    return QString::number(v, 'f', precision);
}

// One sizing run: the steps of DESIGN.md §Sizing as functions in their order, each reading what the
// earlier ones set (the shared figures are the fields below). A step returning false has set result.error.
struct SizingRun {
    SizingRun(const Catalog &catalog, const SizingData &data, const SizingInputs &inputs, SizingResult &out)
        : m_catalog(catalog)
        , m_data(data)
        , in(inputs)
        , result(out)
        , d(out.design)
        , log(out.steps)
    { }

    bool resolveTypes();
    bool gpuDemand();
    void checkpointDemand();
    bool cnodeThroughput();
    bool cnodeCount();
    bool dboxCount();
    bool chooseDboxes();
    bool withinRange(const QString &what, double count, const QString &setBy);
    void capacity();
    void throughput();
    void checkpointTime();
    bool switches();
    void rackPowerLimit();
    bool racks();
    QString unknownDrawNote() const;
    void mgmtSwitchPorts(int maxDevicesPerRack);
    void power();

    const Catalog &m_catalog;
    const SizingData &m_data;
    const SizingInputs &in;
    SizingResult &result;
    SizingDesign &d;
    StepLog log;
    const DeviceType *cnode = nullptr;
    const DeviceType *dbox = nullptr;
    const DeviceType *sw = nullptr;
    const DeviceType *mgmt = nullptr;
    double gpuReadGBps = 0;
    double gpuWriteGBps = 0;
    bool ckptSets = false; // the checkpoint, not the GPUs' steady write, sets the write demand
    double writeGBps = 0;
    double mixGBps = 0;
    double cnodeMixGBps = 0;
    PortSum cPorts;
    PortSum dPorts;
    double rawTBPerBox = 0;
    int ssdsPerBox = 0;
    double rackLimitKW = 0;
};

bool SizingRun::resolveTypes()
{
    cnode = m_catalog.deviceType(in.cnodeType);
    dbox = m_catalog.deviceType(in.dboxType);
    sw = m_catalog.deviceType(in.switchType);
    mgmt = in.mgmtSwitchType.isEmpty() ? nullptr : m_catalog.deviceType(in.mgmtSwitchType);
    if (!cnode || cnode->role != Role::CNode)
        result.error = QStringLiteral("C-node type '%1' is not a C-node in the catalog").arg(in.cnodeType);
    else if (!dbox || dbox->role != Role::DBox)
        result.error = QStringLiteral("D-box type '%1' is not a D-box in the catalog").arg(in.dboxType);
    else if (!sw || sw->role != Role::Switch)
        result.error = QStringLiteral("switch type '%1' is not a switch in the catalog").arg(in.switchType);
    else if (!in.mgmtSwitchType.isEmpty() && (!mgmt || mgmt->role != Role::Switch))
        result.error =
            QStringLiteral("management switch type '%1' is not a switch in the catalog").arg(in.mgmtSwitchType);
    return result.ok();
}

// 1. Demand from the GPUs.
bool SizingRun::gpuDemand()
{
    const SuperPodProfile *profile = m_data.profile(in.profile);
    const bool custom = in.profile == QLatin1String("custom");
    if (!profile && !custom) {
        result.error = QStringLiteral("unknown bandwidth profile '%1' (good, better, best or custom)").arg(in.profile);
        return false;
    }
    d.gpuNodes = in.gpus > 0 ? ceilDiv(in.gpus, in.gpusPerNode) : 0;
    log.add(QStringLiteral("GPU nodes"), d.gpuNodes, QStringLiteral("nodes"),
            QStringLiteral("%1 GPUs / %2 GPUs per node, rounded up").arg(in.gpus).arg(in.gpusPerNode));
    if (custom) {
        gpuReadGBps = in.gpus * in.customReadGBpsPerGpu;
        gpuWriteGBps = in.gpus * in.customWriteGBpsPerGpu;
        log.add(QStringLiteral("Required read (GPUs)"), gpuReadGBps / 1000.0, QStringLiteral("TB/s"),
                QStringLiteral("custom: %1 GPUs × %2 GB/s per GPU").arg(in.gpus).arg(in.customReadGBpsPerGpu));
        log.add(QStringLiteral("Required write (GPUs)"), gpuWriteGBps / 1000.0, QStringLiteral("TB/s"),
                QStringLiteral("custom: %1 GPUs × %2 GB/s per GPU").arg(in.gpus).arg(in.customWriteGBpsPerGpu));
    } else {
        const double units = static_cast<double>(d.gpuNodes) / profile->suNodes;
        gpuReadGBps = units * profile->suReadGBps.valueOr(0);
        gpuWriteGBps = units * profile->suWriteGBps.valueOr(0);
        log.add(QStringLiteral("Required read (GPUs)"), gpuReadGBps / 1000.0, QStringLiteral("TB/s"),
                QStringLiteral("%1 nodes / %2 per scalable unit = %3 SU × %4 GB/s (SuperPOD %5, %6)")
                    .arg(d.gpuNodes)
                    .arg(profile->suNodes)
                    .arg(num(units))
                    .arg(profile->suReadGBps.valueOr(0))
                    .arg(profile->name, profile->suReadGBps.source));
        log.add(QStringLiteral("Required write (GPUs)"), gpuWriteGBps / 1000.0, QStringLiteral("TB/s"),
                QStringLiteral("%1 SU × %2 GB/s (SuperPOD %3, %4)")
                    .arg(num(units))
                    .arg(profile->suWriteGBps.valueOr(0))
                    .arg(profile->name, profile->suWriteGBps.source));
        log.add(
            QStringLiteral("Client node peak read"), profile->nodeReadGBps.value, QStringLiteral("GB/s"),
            QStringLiteral(
                "what one GPU node's storage links must carry (%1 single-node figure); needs %2 Gbit/s of client links")
                .arg(profile->name)
                .arg(profile->nodeReadGBps.valueOr(0) * 8 / in.linkEfficiency, 0, 'f', 0));
    }
    return true;
}

// 2. Checkpoint demand: bytes / (stall fraction × interval).
void SizingRun::checkpointDemand()
{
    d.checkpointTB = in.ckptParams * in.ckptBytesPerParam / 1e12;
    double ckptGBps = 0;
    if (in.ckptParams > 0) {
        const double windowS = in.ckptStallPct / 100.0 * in.ckptIntervalMin * 60.0;
        ckptGBps = d.checkpointTB * 1000.0 / windowS;
        log.add(QStringLiteral("Checkpoint size"), d.checkpointTB, QStringLiteral("TB"),
                QStringLiteral("%1 parameters × %2 bytes per parameter")
                    .arg(in.ckptParams, 0, 'g', 4)
                    .arg(in.ckptBytesPerParam));
        log.add(QStringLiteral("Required write (checkpoint)"), ckptGBps / 1000.0, QStringLiteral("TB/s"),
                QStringLiteral("%1 TB within %2% of a %3 min interval = %4 s")
                    .arg(num(d.checkpointTB))
                    .arg(in.ckptStallPct)
                    .arg(in.ckptIntervalMin)
                    .arg(num(windowS, 1)));
    }
    ckptSets = ckptGBps > gpuWriteGBps;
    writeGBps = std::max(gpuWriteGBps, ckptGBps);
    d.requiredReadTBps = gpuReadGBps / 1000.0;
    d.requiredWriteTBps = writeGBps / 1000.0;
    log.add(QStringLiteral("Required write"), d.requiredWriteTBps, QStringLiteral("TB/s"),
            ckptSets ? QStringLiteral("the checkpoint needs more than the GPUs' steady write")
                     : QStringLiteral("the GPUs' steady write is at least the checkpoint's"));
}

// 3. What one C-node achieves: min(nominal, client links × efficiency) × achievable factor.
bool SizingRun::cnodeThroughput()
{
    cPorts = ThroughputModel::portsOf(*cnode, PortPurpose::Data);
    d.cnodeLinkGBps = ThroughputModel::linkGBps(cPorts.count, cPorts.speedGbps, in.linkEfficiency);
    log.add(QStringLiteral("C-node client links"), d.cnodeLinkGBps, QStringLiteral("GB/s"),
            QStringLiteral("%1 × %2 Gbit/s / 8 × link efficiency %3")
                .arg(cPorts.count)
                .arg(cPorts.speedGbps)
                .arg(in.linkEfficiency));
    const auto nominalRead = cnode->throughputGBpsAt(100);
    const auto nominalWrite = cnode->throughputGBpsAt(0);
    if (!nominalRead || !nominalWrite) {
        log.add(QStringLiteral("C-node nominal throughput"), std::nullopt, QStringLiteral("GB/s"),
                QStringLiteral("the catalog gives no read/write figures for %1").arg(cnode->id));
        result.error = QStringLiteral("C-node type '%1' has no throughput figures; sizing by bandwidth is impossible")
                           .arg(cnode->id);
        return false;
    }
    d.cnodeReadGBps = ThroughputModel::cnodeGBps(*nominalRead, d.cnodeLinkGBps, in.readEfficiency);
    d.cnodeWriteGBps = ThroughputModel::cnodeGBps(*nominalWrite, d.cnodeLinkGBps, in.writeEfficiency);
    log.add(QStringLiteral("C-node read"), d.cnodeReadGBps, QStringLiteral("GB/s"),
            QStringLiteral("min(nominal %1 at 100% read, links %2) × read efficiency %3")
                .arg(*nominalRead)
                .arg(num(d.cnodeLinkGBps))
                .arg(in.readEfficiency));
    log.add(QStringLiteral("C-node write"), d.cnodeWriteGBps, QStringLiteral("GB/s"),
            QStringLiteral("min(nominal %1 at 100% write, links %2) × write efficiency %3")
                .arg(*nominalWrite)
                .arg(num(d.cnodeLinkGBps))
                .arg(in.writeEfficiency));
    if (cnode->writeBurstGBps.known())
        log.add(QStringLiteral("C-node write burst (not used)"), cnode->writeBurstGBps.value, QStringLiteral("GB/s"),
                QStringLiteral("a short burst into the write buffer; checkpoints are sized on sustained write"));
    if (in.mixReadPct) {
        const double mix = *in.mixReadPct;
        const double share = mix / 100.0;
        cnodeMixGBps = std::min(*cnode->throughputGBpsAt(mix), d.cnodeLinkGBps) *
            (share * in.readEfficiency + (1 - share) * in.writeEfficiency);
        mixGBps = gpuReadGBps + gpuWriteGBps;
        log.add(QStringLiteral("C-node at workload mix"), cnodeMixGBps, QStringLiteral("GB/s"),
                QStringLiteral("catalog mix points interpolated at %1% read, weighted efficiency").arg(mix));
    }
    return true;
}

// False (with result.error) when a count is beyond the planner's working range.
bool SizingRun::withinRange(const QString &what, double count, const QString &setBy)
{
    if (std::isfinite(count) && count <= kMaxBoxesPerDesign)
        return true;
    result.inputsBeyondRange = true;
    result.error =
        QStringLiteral("the design needs %1 %2 for %3, more than the %4 one plan holds; split it into "
                       "sites or pods, or lower the inputs")
            .arg(std::isfinite(count) ? QString::number(count, 'g', 4) : QStringLiteral("infinitely many"), what, setBy)
            .arg(kMaxBoxesPerDesign, 0, 'f', 0);
    return false;
}

// 4. C-nodes: enough for read, write and the mix, at least 3.
bool SizingRun::cnodeCount()
{
    constexpr int kMinCnodes = 3;
    if (in.fixedCnodes > 0) {
        d.cnodes = in.fixedCnodes;
        d.cnodesSetBy = QStringLiteral("fixed");
        log.add(QStringLiteral("C-nodes"), d.cnodes, QStringLiteral("nodes"), QStringLiteral("fixed by the user"));
    } else {
        if (!withinRange(QStringLiteral("C-nodes"), ceilCount(gpuReadGBps, d.cnodeReadGBps), QStringLiteral("read")) ||
            !withinRange(QStringLiteral("C-nodes"), ceilCount(writeGBps, d.cnodeWriteGBps), QStringLiteral("write")) ||
            !withinRange(QStringLiteral("C-nodes"), ceilCount(mixGBps, cnodeMixGBps), QStringLiteral("the mix")))
            return false;
        const int forRead = ceilDiv(gpuReadGBps, d.cnodeReadGBps);
        const int forWrite = ceilDiv(writeGBps, d.cnodeWriteGBps);
        const int forMix = ceilDiv(mixGBps, cnodeMixGBps);
        log.add(QStringLiteral("C-nodes for read"), forRead, QStringLiteral("nodes"),
                QStringLiteral("%1 GB/s / %2 GB/s per C-node").arg(num(gpuReadGBps, 1)).arg(num(d.cnodeReadGBps)));
        log.add(QStringLiteral("C-nodes for write"), forWrite, QStringLiteral("nodes"),
                QStringLiteral("%1 GB/s / %2 GB/s per C-node").arg(num(writeGBps, 1)).arg(num(d.cnodeWriteGBps)));
        if (in.mixReadPct)
            log.add(QStringLiteral("C-nodes for mix"), forMix, QStringLiteral("nodes"),
                    QStringLiteral("%1 GB/s read + write at once / %2 GB/s per C-node")
                        .arg(num(mixGBps, 1))
                        .arg(num(cnodeMixGBps)));
        d.cnodes = kMinCnodes;
        d.cnodesSetBy = QStringLiteral("resilient minimum");
        if (forRead > d.cnodes) {
            d.cnodes = forRead;
            d.cnodesSetBy = QStringLiteral("read");
        }
        if (forWrite > d.cnodes) {
            d.cnodes = forWrite;
            d.cnodesSetBy = ckptSets ? QStringLiteral("checkpoint") : QStringLiteral("write");
        }
        if (forMix > d.cnodes) {
            d.cnodes = forMix;
            d.cnodesSetBy = QStringLiteral("mixed");
        }
        log.add(QStringLiteral("C-nodes"), d.cnodes, QStringLiteral("nodes"),
                QStringLiteral("set by %1 (at least %2 for resilience)").arg(d.cnodesSetBy).arg(kMinCnodes));
    }
    return true;
}

// 5. D-boxes: capacity (erasure coding by cluster SSDs), D-box links, at least 1.
bool SizingRun::dboxCount()
{
    rawTBPerBox = dbox->storage.rawTB.valueOr(0);
    ssdsPerBox = static_cast<int>(dbox->storage.driveCount.valueOr(0));
    const double growth = std::pow(1.0 + in.growthPctPerYear / 100.0, in.growthYears);
    d.requiredUsablePB = in.capacityPB * growth / in.dataReduction;
    log.add(QStringLiteral("Required usable"), d.requiredUsablePB, QStringLiteral("PB"),
            QStringLiteral("%1 PB × growth %2 (%3 years at %4%/year) / data reduction %5")
                .arg(in.capacityPB)
                .arg(num(growth, 3))
                .arg(in.growthYears)
                .arg(in.growthPctPerYear)
                .arg(in.dataReduction));
    dPorts = ThroughputModel::portsOf(*dbox, PortPurpose::Dpu);
    d.dboxLinkGBps = ThroughputModel::linkGBps(dPorts.count, dPorts.speedGbps, in.linkEfficiency);
    d.dboxThroughputGBps = std::nullopt; // no public source gives per-D-box throughput
    log.add(QStringLiteral("D-box throughput"), std::nullopt, QStringLiteral("GB/s"),
            QStringLiteral("no public source gives a per-D-box figure; only its DPU links bound it"));
    log.add(QStringLiteral("D-box DPU links"), d.dboxLinkGBps, QStringLiteral("GB/s"),
            QStringLiteral("%1 × %2 Gbit/s / 8 × link efficiency %3")
                .arg(dPorts.count)
                .arg(dPorts.speedGbps)
                .arg(in.linkEfficiency));
    if (in.fixedDboxes > 0) {
        d.dboxes = in.fixedDboxes;
        d.dboxesSetBy = QStringLiteral("fixed");
        log.add(QStringLiteral("D-boxes"), d.dboxes, QStringLiteral("boxes"), QStringLiteral("fixed by the user"));
    } else if (!chooseDboxes()) {
        return false;
    }
    if (m_data.cnodeDboxRatio.known())
        log.add(
            QStringLiteral("C-node : D-box ratio"), static_cast<double>(d.cnodes) / d.dboxes, QStringLiteral("ratio"),
            QStringLiteral("the vendor calls %1:1 ideal for most workloads (%2); here it follows from the constraints")
                .arg(*m_data.cnodeDboxRatio.value)
                .arg(m_data.cnodeDboxRatio.source));
    return true;
}

// The fewest D-boxes for the capacity and for reads and writes over their DPU links.
bool SizingRun::chooseDboxes()
{
    int forCapacity = 0;
    if (d.requiredUsablePB > 0 && rawTBPerBox > 0) {
        const ErasureCoding &ec = ErasureCoding::fromSizingData();
        const double bestEff = static_cast<double>(ec.maxDataStrips) / (ec.maxDataStrips + ec.parityStrips);
        if (!withinRange(QStringLiteral("D-boxes"),
                         ceilCount(d.requiredUsablePB * 1000.0, rawTBPerBox * bestEff * (1 - in.reservePct / 100.0)),
                         QStringLiteral("capacity")))
            return false;
        // A lower bound at the widest stripe, then up until the real stripe width suffices.
        forCapacity =
            std::max(1, ceilDiv(d.requiredUsablePB * 1000.0, rawTBPerBox * bestEff * (1 - in.reservePct / 100.0)));
        while (SizingEngine::usablePBFor(forCapacity, rawTBPerBox, ssdsPerBox, in.reservePct) + 1e-9 <
               d.requiredUsablePB)
            ++forCapacity;
    }
    // Reads leave the D-boxes over their DPU links; writes carry parity too (N+4 per N).
    const int forRead = ceilDiv(gpuReadGBps, d.dboxLinkGBps);
    if (!withinRange(QStringLiteral("D-boxes"), ceilCount(gpuReadGBps, d.dboxLinkGBps), QStringLiteral("read")) ||
        !withinRange(QStringLiteral("D-boxes"), ceilCount(writeGBps, d.dboxLinkGBps) * 2, QStringLiteral("write")))
        return false;
    // Writes carry parity to the D-boxes too: enough DPU links for write / EC efficiency.
    int forWrite = ceilDiv(writeGBps, d.dboxLinkGBps);
    while (forWrite > 0 &&
           forWrite * d.dboxLinkGBps * ErasureCoding::fromSizingData().efficiencyFor(forWrite * ssdsPerBox) + 1e-9 <
               writeGBps)
        ++forWrite;
    log.add(QStringLiteral("D-boxes for capacity"), forCapacity, QStringLiteral("boxes"),
            QStringLiteral("%1 PB usable at %2 TB raw and %3 SSDs per box, N+4 erasure coding by cluster SSDs")
                .arg(num(d.requiredUsablePB))
                .arg(rawTBPerBox)
                .arg(ssdsPerBox));
    log.add(QStringLiteral("D-boxes for read (DPU links)"), forRead, QStringLiteral("boxes"),
            QStringLiteral("%1 GB/s / %2 GB/s of DPU links per box").arg(num(gpuReadGBps, 1)).arg(num(d.dboxLinkGBps)));
    log.add(QStringLiteral("D-boxes for write (DPU links)"), forWrite, QStringLiteral("boxes"),
            QStringLiteral("%1 GB/s / (%2 GB/s of DPU links × erasure-code efficiency) per box")
                .arg(num(writeGBps, 1))
                .arg(num(d.dboxLinkGBps)));
    d.dboxes = 1;
    d.dboxesSetBy = QStringLiteral("resilient minimum");
    if (forCapacity > d.dboxes) {
        d.dboxes = forCapacity;
        d.dboxesSetBy = QStringLiteral("capacity");
    }
    if (forRead > d.dboxes) {
        d.dboxes = forRead;
        d.dboxesSetBy = QStringLiteral("read (D-box links)");
    }
    if (forWrite > d.dboxes) {
        d.dboxes = forWrite;
        d.dboxesSetBy = ckptSets ? QStringLiteral("checkpoint (D-box links)") : QStringLiteral("write (D-box links)");
    }
    log.add(QStringLiteral("D-boxes"), d.dboxes, QStringLiteral("boxes"),
            QStringLiteral("set by %1 (at least 1 with 2 DPUs for resilience)").arg(d.dboxesSetBy));
    return true;
}

// 6. Capacity delivered.
void SizingRun::capacity()
{
    const ErasureCoding &ec = ErasureCoding::fromSizingData();
    d.clusterSsds = d.dboxes * ssdsPerBox;
    d.dataStrips = ec.dataStripsFor(d.clusterSsds);
    d.ecEfficiency = ec.efficiencyFor(d.clusterSsds);
    d.rawPB = d.dboxes * rawTBPerBox / 1000.0;
    d.usablePB = SizingEngine::usablePBFor(d.dboxes, rawTBPerBox, ssdsPerBox, in.reservePct);
    d.effectivePB = d.usablePB * in.dataReduction;
    log.add(QStringLiteral("Raw capacity"), d.rawPB, QStringLiteral("PB"),
            QStringLiteral("%1 D-boxes × %2 TB").arg(d.dboxes).arg(rawTBPerBox));
    log.add(QStringLiteral("Erasure-code efficiency"), d.ecEfficiency, QStringLiteral("ratio"),
            QStringLiteral("%1 SSDs: stripes of %2+%3 (4 SSDs kept for rebuild)")
                .arg(d.clusterSsds)
                .arg(d.dataStrips)
                .arg(ec.parityStrips));
    log.add(QStringLiteral("Usable capacity"), d.usablePB, QStringLiteral("PB"),
            QStringLiteral("raw × %1 × (1 − reserve %2%)").arg(num(d.ecEfficiency, 4)).arg(in.reservePct));
    if (dbox->storage.vendorUsableTB.known())
        log.add(
            QStringLiteral("Usable by vendor tool (comparison)"),
            d.dboxes * *dbox->storage.vendorUsableTB.value / 1000.0, QStringLiteral("PB"),
            QStringLiteral("%1 TB usable per box in %2; the gap to erasure coding alone is not explained by any source")
                .arg(*dbox->storage.vendorUsableTB.value)
                .arg(dbox->storage.vendorUsableTB.source));
    log.add(QStringLiteral("Effective capacity"), d.effectivePB, QStringLiteral("PB"),
            QStringLiteral("usable × data reduction %1").arg(in.dataReduction));
}

// 7. Throughput delivered: C-nodes, bounded by the D-boxes' DPU links.
void SizingRun::throughput()
{
    const double cRead = d.cnodes * d.cnodeReadGBps;
    const double cWrite = d.cnodes * d.cnodeWriteGBps;
    const double dLinks = d.dboxes * d.dboxLinkGBps;
    const double dWrite = dLinks * d.ecEfficiency; // parity strips travel too
    const ThroughputModel::Cluster cluster = ThroughputModel::cluster(cRead, cWrite, dLinks, d.ecEfficiency);
    d.readTBps = cluster.readGBps / 1000.0;
    d.readLimitedBy = cluster.readLimitedBy;
    d.writeTBps = cluster.writeGBps / 1000.0;
    d.writeLimitedBy = cluster.writeLimitedBy;
    log.add(QStringLiteral("Read"), d.readTBps, QStringLiteral("TB/s"),
            QStringLiteral("min(C-nodes %1, D-box links %2) TB/s: limited by %3")
                .arg(num(cRead / 1000))
                .arg(num(dLinks / 1000))
                .arg(d.readLimitedBy));
    log.add(QStringLiteral("Write"), d.writeTBps, QStringLiteral("TB/s"),
            QStringLiteral("min(C-nodes %1, D-box links × EC %2) TB/s: limited by %3")
                .arg(num(cWrite / 1000))
                .arg(num(dWrite / 1000))
                .arg(d.writeLimitedBy));
    if (in.gpus > 0) {
        d.readGBpsPerGpu = d.readTBps * 1000.0 / in.gpus;
        d.writeGBpsPerGpu = d.writeTBps * 1000.0 / in.gpus;
        log.add(QStringLiteral("Read per GPU"), d.readGBpsPerGpu, QStringLiteral("GB/s"),
                QStringLiteral("read / %1 GPUs").arg(in.gpus));
        log.add(QStringLiteral("Write per GPU"), d.writeGBpsPerGpu, QStringLiteral("GB/s"),
                QStringLiteral("write / %1 GPUs").arg(in.gpus));
    }
    if (d.readTBps + 1e-12 < d.requiredReadTBps)
        result.warnings << QStringLiteral("read %1 TB/s is below the required %2 TB/s")
                               .arg(num(d.readTBps))
                               .arg(num(d.requiredReadTBps));
    if (d.writeTBps + 1e-12 < d.requiredWriteTBps)
        result.warnings << QStringLiteral("write %1 TB/s is below the required %2 TB/s")
                               .arg(num(d.writeTBps))
                               .arg(num(d.requiredWriteTBps));
    if (d.usablePB + 1e-9 < d.requiredUsablePB)
        result.warnings << QStringLiteral("usable %1 PB is below the required %2 PB")
                               .arg(num(d.usablePB))
                               .arg(num(d.requiredUsablePB));
}

// 8. Checkpoint time and stall.
void SizingRun::checkpointTime()
{
    if (in.ckptParams > 0 && d.writeTBps > 0) {
        d.checkpointWriteS = d.checkpointTB / d.writeTBps;
        d.stallPct = *d.checkpointWriteS / (in.ckptIntervalMin * 60.0) * 100.0;
        log.add(QStringLiteral("Checkpoint write time"), d.checkpointWriteS, QStringLiteral("s"),
                QStringLiteral("%1 TB / %2 TB/s").arg(num(d.checkpointTB)).arg(num(d.writeTBps)));
        log.add(
            QStringLiteral("Checkpoint stall"), d.stallPct, QStringLiteral("%"),
            QStringLiteral("write time / %1 min interval (allowed %2%)").arg(in.ckptIntervalMin).arg(in.ckptStallPct));
    }
}

// 9. Switches from port counts.
bool SizingRun::switches()
{
    const PortSum swPorts = ThroughputModel::portsOf(*sw, PortPurpose::Data);
    const SizingPortPlan *portPlan = m_data.portPlan(swPorts.count);
    const int lanes = lanesAt(*sw, cPorts.speedGbps);
    if (!portPlan || lanes == 0) {
        result.error = !portPlan
            ? QStringLiteral("no port plan for a %1-port switch in resources/sizing").arg(swPorts.count)
            : QStringLiteral("switch '%1' cannot break out to %2 Gbit/s node links").arg(sw->id).arg(cPorts.speedGbps);
        return false;
    }
    const int nodeLinks = d.cnodes * cPorts.count + d.dboxes * dPorts.count;
    const int nodePortsPerSwitch = static_cast<int>(portPlan->nodePorts.valueOr(0));
    const int linksPerSwitch = nodePortsPerSwitch * lanes;
    d.leafSwitches = std::max(2, 2 * ceilDiv(nodeLinks, 2.0 * linksPerSwitch));
    log.add(QStringLiteral("Node links"), nodeLinks, QStringLiteral("links"),
            QStringLiteral("%1 C-nodes × %2 + %3 D-boxes × %4 DPU ports, half to each switch of a pair")
                .arg(d.cnodes)
                .arg(cPorts.count)
                .arg(d.dboxes)
                .arg(dPorts.count));
    log.add(QStringLiteral("Leaf switches"), d.leafSwitches, QStringLiteral("switches"),
            QStringLiteral("%1 node ports × %2 lanes of %3 Gbit/s per %4 (port plan %5), in pairs")
                .arg(nodePortsPerSwitch)
                .arg(lanes)
                .arg(cPorts.speedGbps)
                .arg(sw->id, portPlan->nodePorts.source));
    const int isl = static_cast<int>(portPlan->islPorts.valueOr(0));
    d.spineSwitches = d.leafSwitches > 2 ? std::max(2, evenUp(ceilDiv(d.leafSwitches * isl, swPorts.count))) : 0;
    if (d.spineSwitches)
        log.add(QStringLiteral("Spine switches"), d.spineSwitches, QStringLiteral("switches"),
                QStringLiteral("more than one leaf pair: %1 leaves × %2 ISL ports / %3 ports, in pairs; spine "
                               "oversubscription is not modelled")
                    .arg(d.leafSwitches)
                    .arg(isl)
                    .arg(swPorts.count));
    d.uplinks = d.leafSwitches * static_cast<int>(portPlan->uplinkPorts.valueOr(0));
    log.add(
        QStringLiteral("Uplinks"), d.uplinks, QStringLiteral("ports"),
        QStringLiteral("%1 per leaf switch (port plan) to the client fabric").arg(portPlan->uplinkPorts.valueOr(0)));
    return true;
}

// The rack power limit: the site's, or one feed's when A+B feeds must each carry the whole rack.
void SizingRun::rackPowerLimit()
{
    rackLimitKW = in.rackKW;
    QString rackWhy = QStringLiteral("the site's rack limit");
    if (in.feedCapacityKW > 0 && in.feedsRedundant && in.feedCapacityKW < rackLimitKW) {
        rackLimitKW = in.feedCapacityKW;
        rackWhy =
            QStringLiteral("one feed (%1 kW after derating) must carry the whole rack when the other is lost (A+B)")
                .arg(num(in.feedCapacityKW, 1));
    }
    d.rackPowerLimitKW = rackLimitKW;
    log.add(QStringLiteral("Rack power limit"), rackLimitKW, QStringLiteral("kW"),
            rackWhy + QStringLiteral(", against max draw"));
}

// 10. Racks within U and power; one management switch and an A and a B PDU per rack.
bool SizingRun::racks()
{
    rackPowerLimit();
    RackPackRequest pack;
    pack.cnodes = d.cnodes;
    pack.dboxes = d.dboxes;
    pack.leafSwitches = d.leafSwitches;
    pack.spineSwitches = d.spineSwitches;
    pack.cnode = cnode;
    pack.dbox = dbox;
    pack.dataSwitch = sw;
    pack.mgmtSwitch = mgmt;
    pack.rackU = in.rackU;
    pack.rackLimitW = rackLimitKW * 1000.0;
    d.rackLoads = packRacks(pack);
    if (d.rackLoads.empty()) {
        result.error = QStringLiteral("a single device does not fit an empty %1U rack of %2 kW")
                           .arg(in.rackU)
                           .arg(num(rackLimitKW, 1));
        return false;
    }
    d.racks = static_cast<int>(d.rackLoads.size());
    d.mgmtSwitches = mgmt ? d.racks : 0;
    d.pdus = d.racks * pack.pdusPerRack;
    d.switches = d.leafSwitches + d.spineSwitches + d.mgmtSwitches;
    int maxDevicesPerRack = 0;
    for (const RackLoad &r : d.rackLoads)
        maxDevicesPerRack = std::max(maxDevicesPerRack, r.cnodes + r.dboxes + r.leafSwitches + r.spineSwitches);
    const QString unknownNote = unknownDrawNote();
    log.add(QStringLiteral("Racks"), d.racks, QStringLiteral("racks"),
            QStringLiteral("%1U racks filled within %2 kW max draw each; set by %3%4")
                .arg(in.rackU)
                .arg(num(rackLimitKW, 1))
                .arg(d.racks == 1 ? QStringLiteral("everything fitting one rack")
                         : d.rackLoads.front().usedU + std::min(cnode->uHeight, dbox->uHeight) > in.rackU
                         ? QStringLiteral("rack units")
                         : QStringLiteral("power per rack"),
                     unknownNote));
    if (mgmt)
        mgmtSwitchPorts(maxDevicesPerRack);
    log.add(QStringLiteral("Switches"), d.switches, QStringLiteral("switches"),
            QStringLiteral("%1 leaf + %2 spine + %3 management")
                .arg(d.leafSwitches)
                .arg(d.spineSwitches)
                .arg(d.mgmtSwitches));
    return true;
}

// A type without a draw figure is packed at 0 W: say so, since its racks may then exceed the limit.
QString SizingRun::unknownDrawNote() const
{
    int packedUnknown = 0;
    for (const RackLoad &r : d.rackLoads)
        packedUnknown += r.unknownPowerDevices;
    QStringList unknownTypes;
    for (const DeviceType *t : {cnode, dbox, d.leafSwitches + d.spineSwitches > 0 ? sw : nullptr, mgmt})
        if (t && !packingWKnown(t) && !unknownTypes.contains(t->id))
            unknownTypes << t->id;
    return packedUnknown == 0
        ? QString()
        : QStringLiteral("; %1 device(s) with unknown draw (%2) packed at 0 W, so a rack may exceed its limit")
              .arg(packedUnknown)
              .arg(unknownTypes.join(QStringLiteral(", ")));
}

// One management switch per rack: do its runs of management ports reach every device of the fullest rack?
void SizingRun::mgmtSwitchPorts(int maxDevicesPerRack)
{
    // The runs of management ports ("swp{n}" × 48), not the switch's own eth0.
    int mgmtPorts = 0;
    for (const PortGroup &g : mgmt->ports)
        if (g.purpose == PortPurpose::Mgmt && g.names.isEmpty() && g.pattern.contains(QStringLiteral("{n}")))
            mgmtPorts += g.count;
    log.add(QStringLiteral("Management switches"), d.mgmtSwitches, QStringLiteral("switches"),
            QStringLiteral("one %1 per rack: up to %2 BMC/management ports per rack of %3")
                .arg(mgmt->id)
                .arg(maxDevicesPerRack)
                .arg(mgmtPorts));
    if (maxDevicesPerRack > mgmtPorts)
        result.warnings << QStringLiteral("a rack holds %1 devices but its management switch has %2 ports")
                               .arg(maxDevicesPerRack)
                               .arg(mgmtPorts);
}

// 11. Power and heat from typical and max draw.
void SizingRun::power()
{
    double typicalW = 0;
    double maxW = 0;
    const auto addPower = [&](const DeviceType *type, int count) {
        if (!type || count == 0)
            return;
        const DeviceDraw draw = deviceDraw(type);
        if (!draw.known)
            d.devicesWithUnknownPower += count;
        typicalW += count * draw.typicalW;
        maxW += count * draw.maxW;
    };
    addPower(cnode, d.cnodes);
    addPower(dbox, d.dboxes);
    addPower(sw, d.leafSwitches + d.spineSwitches);
    addPower(mgmt, d.mgmtSwitches);
    d.typicalKW = typicalW / 1000.0;
    d.maxKW = maxW / 1000.0;
    d.heatBtuPerHour = typicalW * kBtuPerHourPerWatt;
    log.add(QStringLiteral("Power typical"), d.typicalKW, QStringLiteral("kW"),
            d.devicesWithUnknownPower ? QStringLiteral("sum of typical draw; %1 devices with unknown power not counted")
                                            .arg(d.devicesWithUnknownPower)
                                      : QStringLiteral("sum of typical draw"));
    log.add(QStringLiteral("Power max"), d.maxKW, QStringLiteral("kW"), QStringLiteral("sum of max draw"));
    log.add(QStringLiteral("Heat"), d.heatBtuPerHour, QStringLiteral("BTU/h"),
            QStringLiteral("typical W × %1").arg(kBtuPerHourPerWatt));
    if (in.siteMW > 0 && d.maxKW > in.siteMW * 1000.0)
        result.warnings
            << QStringLiteral("max draw %1 kW exceeds the site's %2 MW").arg(num(d.maxKW, 1)).arg(in.siteMW);
}

} // namespace

SizingResult SizingEngine::size(const SizingInputs &in) const
{
    SizingResult result;
    result.inputs = in;
    SizingRun run(m_catalog, m_data, in, result);
    if (!run.resolveTypes() || !run.gpuDemand())
        return result;
    run.checkpointDemand();
    if (!run.cnodeThroughput())
        return result;
    if (!run.cnodeCount() || !run.dboxCount())
        return result;
    run.capacity();
    run.throughput();
    run.checkpointTime();
    if (!run.switches() || !run.racks())
        return result;
    run.power();
    return result;
}

} // namespace pp
