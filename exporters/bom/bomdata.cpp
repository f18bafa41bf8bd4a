#include "exporters/bom/bomdata.h"

#include "planner/topology/autocabler.h"
#include "planner/topology/linkfit.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace pp {

QString bomSectionId(BomSection section)
{
    switch (section) {
    case BomSection::Equipment:
        return QStringLiteral("equipment");
    case BomSection::Cables:
        return QStringLiteral("cables");
    case BomSection::CablesToChoose:
        return QStringLiteral("cables-to-choose");
    case BomSection::Optics:
        return QStringLiteral("optics");
    case BomSection::Pdus:
        return QStringLiteral("pdus");
    }
    return QString();
}

QString bomSectionTitle(BomSection section)
{
    switch (section) {
    case BomSection::Equipment:
        return QStringLiteral("Equipment");
    case BomSection::Cables:
        return QStringLiteral("Cables");
    case BomSection::CablesToChoose:
        return QStringLiteral("Cables still to choose");
    case BomSection::Optics:
        return QStringLiteral("Optics");
    case BomSection::Pdus:
        return QStringLiteral("PDUs");
    }
    return QString();
}

// Rounded to 1/1000 so that sums of catalog figures print without binary noise (59.88, not 59.880000001).
static double tidy(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

static std::optional<double> times(const std::optional<double> &unit, int quantity)
{
    if (!unit)
        return std::nullopt;
    return tidy(*unit * quantity);
}

std::optional<double> BomLine::totalTypicalW() const
{
    return times(unitTypicalW, quantity);
}
std::optional<double> BomLine::totalMaxW() const
{
    return times(unitMaxW, quantity);
}
std::optional<double> BomLine::totalWeightKg() const
{
    return times(unitWeightKg, quantity);
}
std::optional<int> BomLine::totalU() const
{
    if (!uHeight)
        return std::nullopt;
    return *uHeight * quantity;
}

int BomData::quantityOf(const QString &typeId) const
{
    int n = 0;
    for (const BomLine &l : lines)
        if (l.typeId == typeId && l.section != BomSection::CablesToChoose) // those are not to be ordered as they are
            n += l.quantity;
    return n;
}

static int roleOrder(Role role)
{
    switch (role) {
    case Role::CNode:
        return 0;
    case Role::DBox:
        return 1;
    case Role::Switch:
        return 2;
    case Role::Other:
        return 3;
    case Role::Cable:
        return 4;
    case Role::Pdu:
        return 5;
    }
    return 6;
}

static BomLine lineFor(const DeviceType &type, BomSection section)
{
    BomLine line;
    line.section = section;
    line.typeId = type.id;
    line.vendor = type.vendor;
    line.model = type.model;
    line.partNumber = type.partNumber;
    line.description = type.description;
    line.role = roleId(type.role);
    line.unitTypicalW = type.typicalW.value;
    line.unitMaxW = type.maxW.value;
    line.unitWeightKg = type.weightKg.value;
    if (section == BomSection::Equipment || section == BomSection::Pdus)
        line.uHeight = type.uHeight;
    return line;
}

// The transceiver a fibre run or uplink of this speed needs: the first catalog optic of that speed.
static const DeviceType *transceiverFor(const Catalog &catalog, double speedGbps)
{
    for (const DeviceType *t : catalog.deviceTypes(Role::Cable))
        if (t->cable.kind == QLatin1String("transceiver") && t->cable.speedGbps == speedGbps)
            return t;
    return nullptr;
}

static bool needsTransceivers(const DeviceType &cable)
{
    // DACs and AOCs carry their own ends; plain fibre needs an optic in each port.
    return cable.cable.kind == QLatin1String("fibre");
}

namespace {

// One physical cable after merging breakout legs.
struct PhysicalCable {
    const DeviceType *type = nullptr;
    double lengthM = 0;
};

} // namespace

static std::vector<PhysicalCable> physicalCables(const ResolvedPlan &resolved, const std::vector<char> &toChoose)
{
    const Plan &plan = resolved.plan();
    std::vector<PhysicalCable> cables;
    // Breakout legs that share a head port: (cable type, device, physical port) → index in cables.
    QHash<QString, std::size_t> heads;
    // Breakout legs whose head port is not known: counted legs-at-a-time per (type, length).
    std::map<std::pair<QString, double>, int> headlessLegs;
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const Link &link = plan.links[i];
        const DeviceType *type = resolved.catalog().deviceType(link.cable);
        if (!type || toChoose[i])
            continue; // listed under cables still to choose
        const int legs = std::max(1, type->cable.legs);
        if (legs == 1) {
            cables.push_back({type, link.lengthM});
            continue;
        }
        QString headKey;
        for (const Endpoint *end : {&link.a, &link.b}) {
            const DeviceType *deviceType = resolved.typeOf(end->device);
            if (!deviceType)
                continue;
            const PortRef ref = deviceType->resolvePort(end->port);
            if (ref.valid() && ref.lane >= 0) {
                headKey = type->id + QLatin1Char('|') + end->device + QLatin1Char('|') + ref.baseName;
                break;
            }
        }
        if (headKey.isEmpty()) {
            headlessLegs[{type->id, link.lengthM}] += 1;
            continue;
        }
        const auto it = heads.constFind(headKey);
        if (it == heads.cend()) {
            heads.insert(headKey, cables.size());
            cables.push_back({type, link.lengthM});
        } else {
            // The physical cable is as long as its longest leg.
            PhysicalCable &c = cables[*it];
            c.lengthM = std::max(c.lengthM, link.lengthM);
        }
    }
    for (const auto &[key, legCount] : headlessLegs) {
        const DeviceType *type = resolved.catalog().deviceType(key.first);
        const int legs = std::max(1, type->cable.legs);
        for (int i = 0; i < (legCount + legs - 1) / legs; ++i)
            cables.push_back({type, key.second});
    }
    return cables;
}

namespace {

// What the cabling of a plan needs: cables by type and length, optics by type (with where they go).
struct CableCounts {
    std::map<std::pair<QString, double>, int> cableCounts;
    std::map<QString, int> opticCounts;
    std::map<QString, QStringList> opticNotes;
    int opticsMissing = 0; // transceivers no catalog type matches
};

// Devices, grouped by catalog type (one part number per type); PDUs in their own section.
void deviceLines(const ExportContext &context, std::vector<BomLine> &equipment, std::vector<BomLine> &pdus)
{
    const ResolvedPlan &resolved = context.resolved();
    const Plan &plan = context.plan();
    const Catalog &catalog = context.catalog();
    std::map<QString, int> deviceCounts;
    for (std::size_t i = 0; i < plan.devices.size(); ++i)
        if (resolved.typeOf(i))
            deviceCounts[plan.devices[i].type] += 1;
    for (const auto &[typeId, count] : deviceCounts) {
        const DeviceType *type = catalog.deviceType(typeId);
        const BomSection section = type->role == Role::Pdu ? BomSection::Pdus : BomSection::Equipment;
        BomLine line = lineFor(*type, section);
        line.quantity = count;
        (section == BomSection::Pdus ? pdus : equipment).push_back(std::move(line));
    }
    std::stable_sort(equipment.begin(), equipment.end(), [&](const BomLine &a, const BomLine &b) {
        const int ra = roleOrder(*roleFromId(a.role));
        const int rb = roleOrder(*roleFromId(b.role));
        return std::tie(ra, a.partNumber, a.typeId) < std::tie(rb, b.partNumber, b.typeId);
    });
}

// Links whose cable is missing, unknown or does not fit (what network.cable-fit reports): one line
// each, so that none is left out. toChoose marks them so that the cable count leaves them out.
std::vector<BomLine> unchosenLines(const ExportContext &context, std::vector<char> &toChoose)
{
    const Plan &plan = context.plan();
    toChoose.assign(plan.links.size(), 0);
    std::vector<BomLine> unchosen;
    const LinkFit fit(plan, context.catalog(), sitePolicy(context.site()));
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const Link &link = plan.links[i];
        const LinkNeed need = fit.need(link);
        const QStringList problems = fit.problems(link, need);
        if (problems.isEmpty())
            continue;
        toChoose[i] = 1;
        BomLine line;
        line.section = BomSection::CablesToChoose;
        line.typeId = link.cable;
        line.role = QStringLiteral("cable");
        line.description =
            link.label.isEmpty() ? link.a.toString() + QStringLiteral("--") + link.b.toString() : link.label;
        if (need.known)
            line.lengthM = tidy(need.runM); // the measured run, before rounding up to a stock length
        line.quantity = 1;
        line.note = problems.join(QStringLiteral("; "));
        unchosen.push_back(std::move(line));
    }
    return unchosen;
}

// Cables by type and length; optics where the cable kind needs them, and at the kit end of uplinks.
CableCounts countCables(const ExportContext &context, const std::vector<char> &toChoose)
{
    const Catalog &catalog = context.catalog();
    CableCounts counts;
    for (const PhysicalCable &c : physicalCables(context.resolved(), toChoose)) {
        counts.cableCounts[{c.type->id, c.lengthM}] += 1;
        if (needsTransceivers(*c.type)) {
            if (const DeviceType *optic = transceiverFor(catalog, c.type->cable.speedGbps)) {
                counts.opticCounts[optic->id] += 2;
                if (!counts.opticNotes[optic->id].contains(QStringLiteral("both ends of fibre runs")))
                    counts.opticNotes[optic->id] << QStringLiteral("both ends of fibre runs");
            } else {
                counts.opticsMissing += 2;
            }
        }
    }
    for (const Uplink &u : context.plan().uplinks) {
        if (const DeviceType *optic = transceiverFor(catalog, u.speedGbps)) {
            counts.opticCounts[optic->id] += 1;
            if (!counts.opticNotes[optic->id].contains(QStringLiteral("kit end of site uplinks")))
                counts.opticNotes[optic->id] << QStringLiteral("kit end of site uplinks");
        } else {
            counts.opticsMissing += 1;
        }
    }
    return counts;
}

// Cable lines by type and length (links with an unknown cable are under cables still to choose).
std::vector<BomLine> cableLines(const ExportContext &context, const CableCounts &counts)
{
    const Catalog &catalog = context.catalog();
    std::vector<BomLine> cables;
    for (const auto &[key, count] : counts.cableCounts) {
        BomLine line = lineFor(*catalog.deviceType(key.first), BomSection::Cables);
        if (key.second > 0)
            line.lengthM = key.second;
        line.quantity = count;
        if (line.role == QLatin1String("cable") && catalog.deviceType(key.first)->cable.legs > 1)
            line.note = QStringLiteral("breakout, %1 legs per cable").arg(catalog.deviceType(key.first)->cable.legs);
        cables.push_back(std::move(line));
    }
    return cables;
}

// Optic lines, and one line for the transceivers no catalog type matches.
std::vector<BomLine> opticLines(const Catalog &catalog, const CableCounts &counts)
{
    std::vector<BomLine> optics;
    for (const auto &[typeId, count] : counts.opticCounts) {
        const DeviceType *type = catalog.deviceType(typeId);
        BomLine line = lineFor(*type, BomSection::Optics);
        // A transceiver's catalog figure is its power per end (the module's maximum).
        if (type->cable.powerWPerEnd.known())
            line.unitMaxW = type->cable.powerWPerEnd.value;
        line.quantity = count;
        line.note = counts.opticNotes.at(typeId).join(QStringLiteral("; "));
        optics.push_back(std::move(line));
    }
    if (counts.opticsMissing > 0) {
        BomLine line;
        line.section = BomSection::Optics;
        line.typeId = QStringLiteral("unmatched-optics");
        line.description = QStringLiteral("transceivers with no catalog type of the needed speed");
        line.quantity = counts.opticsMissing;
        line.note = QStringLiteral("add a transceiver type to the catalog");
        optics.push_back(std::move(line));
    }
    return optics;
}

// Power, heat, weight, capacity and space of the whole plan.
void fillTotals(const ExportContext &context, BomData &bom)
{
    const ResolvedPlan &resolved = context.resolved();
    const Plan &plan = context.plan();
    const PlanSummary &s = context.summary();
    BomTotals &t = bom.totals;
    t.typicalW = tidy(s.typicalW);
    t.maxW = tidy(s.maxW);
    t.heatKW = tidy(s.typicalW / 1000.0);
    t.heatBtuPerHour = std::round(s.heatBtuPerHour());
    t.weightKg = tidy(s.weightKg);
    t.rawTB = tidy(s.rawTB);
    t.usableTB = tidy(s.usableTB);
    t.racks = static_cast<int>(plan.racks.size());
    t.devicesWithUnknownPower = s.devicesWithUnknownPower;
    for (std::size_t i = 0; i < plan.devices.size(); ++i) {
        const DeviceType *type = resolved.typeOf(i);
        if (!type)
            continue;
        t.rackUnits += type->uHeight;
        if (!type->weightKg.known())
            ++t.devicesWithUnknownWeight;
    }
    for (const BomLine &l : bom.lines)
        if (l.section == BomSection::Optics && l.totalMaxW())
            t.opticsMaxW += *l.totalMaxW();
    t.opticsMaxW = tidy(t.opticsMaxW);
}

} // namespace

BomData buildBom(const ExportContext &context)
{
    const Plan &plan = context.plan();
    BomData bom;
    bom.plan = plan.name;
    bom.customer = plan.customer;
    bom.site = context.site().name.isEmpty() ? context.site().id : context.site().name;
    bom.track = plan.track;

    std::vector<BomLine> equipment;
    std::vector<BomLine> pdus;
    deviceLines(context, equipment, pdus);
    std::vector<char> toChoose;
    std::vector<BomLine> unchosen = unchosenLines(context, toChoose);
    const CableCounts counts = countCables(context, toChoose);
    std::vector<BomLine> cables = cableLines(context, counts);
    std::vector<BomLine> optics = opticLines(context.catalog(), counts);
    for (auto *part : {&equipment, &cables, &unchosen, &optics, &pdus})
        for (BomLine &l : *part)
            bom.lines.push_back(std::move(l));
    fillTotals(context, bom);
    return bom;
}
} // namespace pp
