#include "exporters/runbook/runbookdata.h"

#include "catalog/io/jsonfields.h"
#include "exporters/cabling/cableplan.h"
#include "exporters/common/textescape.h"
#include "exporters/netcfg/postconfigchecks.h"
#include "planner/analysis/whatifengine.h"

#include <QFile>
#include <QRegularExpression>
#include <map>
#include <set>

namespace pp {

using textescape::number;

namespace runbookmarkup {

std::vector<std::pair<bool, QString>> segments(const QString &text)
{
    std::vector<std::pair<bool, QString>> out;
    QString current;
    bool user = false;
    for (const QChar c : text) {
        if (c == kUserBegin || c == kUserEnd) {
            if (!current.isEmpty())
                out.emplace_back(user, current);
            current.clear();
            user = c == kUserBegin;
            continue;
        }
        current += c;
    }
    if (!current.isEmpty())
        out.emplace_back(user, current);
    return out;
}

QString plain(const QString &text)
{
    QString out = text;
    out.remove(kUserBegin);
    out.remove(kUserEnd);
    return out;
}

} // namespace runbookmarkup

namespace {

// Row limits keep the runbook readable and fast for very large plans; the full lists are in
// the cable plan and the BOM.
constexpr int kMaxCablingRows = 250;
constexpr int kMaxStackRows = 600;
constexpr int kMaxAddressRows = 300;

QString thousands(double v)
{
    QString digits = QString::number(static_cast<qint64>(std::llround(v)));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0 && digits[i - 1].isDigit(); i -= 3)
        digits.insert(i, QLatin1Char(','));
    return digits;
}

QString figureText(const Json &node)
{
    if (!node.is_object() || !node.contains("value"))
        return QStringLiteral("unknown");
    const Json &v = node["value"];
    if (v.is_number())
        return number(v.get<double>(), 2);
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    return QStringLiteral("unknown");
}

std::optional<double> figureNumber(const Json &node)
{
    if (node.is_object() && node.contains("value") && node["value"].is_number())
        return node["value"].get<double>();
    return std::nullopt;
}

QString listOf(const QStringList &names, int max = 6)
{
    if (names.isEmpty())
        return QStringLiteral("none");
    if (names.size() <= max)
        return names.join(QStringLiteral(", "));
    return names.mid(0, max).join(QStringLiteral(", ")) + QStringLiteral(" and %1 more").arg(names.size() - max);
}

QString faceText(Face f)
{
    return f == Face::Front ? QStringLiteral("front") : QStringLiteral("rear");
}

// Values and tables computed from the plan for the placeholders of the text blocks.
class RunbookFacts {
public:
    RunbookFacts(const ExportContext &c, const Json &config)
        : m_c(c)
        , m_config(config)
    {
        computeValues();
        drillValues();
    }

    QMap<QString, QString> values;

    bool table(const QString &name, RunbookTable *t) const
    {
        if (name == QLatin1String("kit"))
            return kit(t), true;
        if (name == QLatin1String("feeds"))
            return feeds(t), true;
        if (name == QLatin1String("psu-connectors"))
            return psuConnectors(t), true;
        if (name == QLatin1String("uplinks"))
            return uplinks(t), true;
        if (name == QLatin1String("rack-and-stack"))
            return rackAndStack(t), true;
        if (name == QLatin1String("cabling"))
            return cabling(t), true;
        if (name == QLatin1String("acceptance"))
            return acceptance(t), true;
        if (name == QLatin1String("sign-off"))
            return signOff(t), true;
        if (name == QLatin1String("address-plan"))
            return addressPlan(t), true;
        if (name == QLatin1String("post-config-checks"))
            return postConfigChecks(t), true;
        return false;
    }

private:
    // What each failure drill should show, from the what-if engine on this plan: one switch, feed A,
    // one DPU and one C-node lost ("drillSwitch", "drillFeed", "drillDpu", "drillCnode", with the
    // domain each drill fails in "...Id").
    void drillValues()
    {
        const FailureModel model(m_c.resolved());
        const WhatIfEngine engine(model);
        const auto first = [&](FailureKind kind) {
            for (int d = 0; d < static_cast<int>(model.domains().size()); ++d)
                if (model.domain(d).kind == kind)
                    return d;
            return -1;
        };
        const std::pair<const char *, int> drills[] = {{"drillSwitch", first(FailureKind::LeafSwitch)},
                                                       {"drillFeed", model.domainIndex(QStringLiteral("feed:A"))},
                                                       {"drillDpu", first(FailureKind::Dpu)},
                                                       {"drillCnode", first(FailureKind::CNode)}};
        for (const auto &[name, d] : drills) {
            const QString key = QLatin1String(name);
            if (d < 0) {
                values[key + QStringLiteral("Id")] = QStringLiteral("none in the plan");
                values[key] = QStringLiteral("not applicable: the plan has no such part");
                continue;
            }
            values[key + QStringLiteral("Id")] = model.domain(d).id;
            values[key] = drillText(engine, engine.evaluate({d}));
        }
    }

    static QString drillText(const WhatIfEngine &engine, const WhatIfResult &r)
    {
        const WhatIfResult &intact = engine.intact();
        const auto share = [](double part, double whole) {
            return whole > 0 ? QStringLiteral(" (%1%)").arg(std::round(part / whole * 100.0), 0, 'f', 0) : QString();
        };
        QString text =
            QStringLiteral("read %1 GB/s of %2%3, write %4 GB/s of %5%6")
                .arg(number(r.readGBps, 1), number(intact.readGBps, 1), share(r.readGBps, intact.readGBps),
                     number(r.writeGBps, 1), number(intact.writeGBps, 1), share(r.writeGBps, intact.writeGBps));
        text += r.dataAvailable ? QStringLiteral("; data available") : QStringLiteral("; data UNAVAILABLE");
        if (!r.degradedDboxes.empty())
            text += QStringLiteral(", %1 D-box(es) on fewer DPU links").arg(r.degradedDboxes.size());
        text += r.disconnectedNodes.empty()
            ? QStringLiteral("; every node keeps a path to the clients")
            : QStringLiteral("; %1 node(s) cut off from the clients").arg(r.disconnectedNodes.size());
        double worstW = 0;
        std::optional<double> capacityW;
        for (int side = 0; side < 2; ++side)
            if (const FeedLoad *f = r.worstFeed(side); f && f->loadW >= worstW) {
                worstW = f->loadW;
                capacityW = f->capacityW;
            }
        text += QStringLiteral("; the most loaded surviving feed carries %1 kW").arg(number(worstW / 1000.0, 2));
        if (capacityW)
            text += QStringLiteral(" of %1 kW").arg(number(*capacityW / 1000.0, 2));
        return text;
    }

    void computeValues()
    {
        const Plan &plan = m_c.plan();
        const SiteProfile &site = m_c.site();
        const PlanSummary &s = m_c.summary();
        const ResolvedPlan &r = m_c.resolved();
        auto &v = values;
        v[QStringLiteral("plan")] = plan.name;
        v[QStringLiteral("customer")] = plan.customer.isEmpty() ? QStringLiteral("(not set)") : plan.customer;
        v[QStringLiteral("site")] = site.name.isEmpty() ? site.id : site.name;
        v[QStringLiteral("siteId")] = site.id;
        v[QStringLiteral("track")] = plan.track;
        v[QStringLiteral("racks")] = QString::number(plan.racks.size());
        v[QStringLiteral("devices")] = QString::number(plan.devices.size());
        v[QStringLiteral("cables")] = QString::number(plan.links.size());
        v[QStringLiteral("cnodes")] = QString::number(s.countsByRole.value(QStringLiteral("cnode")));
        v[QStringLiteral("dboxes")] = QString::number(s.countsByRole.value(QStringLiteral("dbox")));
        v[QStringLiteral("switches")] = QString::number(s.countsByRole.value(QStringLiteral("switch")));
        v[QStringLiteral("pdus")] = QString::number(s.countsByRole.value(QStringLiteral("pdu")));
        v[QStringLiteral("typicalKW")] = number(s.typicalW / 1000.0, 2);
        v[QStringLiteral("maxKW")] = number(s.maxW / 1000.0, 2);
        v[QStringLiteral("heatKW")] = number(s.typicalW / 1000.0, 2);
        v[QStringLiteral("heatBtu")] = thousands(s.heatBtuPerHour());
        v[QStringLiteral("rawTB")] = number(s.rawTB, 1);
        v[QStringLiteral("usableTB")] = number(s.usableTB, 1);
        int unknownWeight = 0;
        for (std::size_t i = 0; i < plan.devices.size(); ++i)
            if (r.typeOf(i) && !r.typeOf(i)->weightKg.known())
                ++unknownWeight;
        v[QStringLiteral("weightKg")] = number(s.weightKg, 1) + QStringLiteral(" kg") +
            (unknownWeight ? QStringLiteral(" (plus %1 device(s) of unknown weight)").arg(unknownWeight) : QString());
        int usedU = 0;
        for (const RackSummary &rs : s.racks)
            usedU += rs.usedU;
        v[QStringLiteral("usedU")] = QString::number(usedU);

        v[QStringLiteral("budgetKW")] = number(site.power.budgetKW, 1);
        v[QStringLiteral("rackLimitKW")] = number(site.power.rackLimitKW, 1);
        const SiteProfile::Feeds &f = site.power.feeds;
        v[QStringLiteral("feedsPerRack")] = QString::number(f.feedsPerRack);
        v[QStringLiteral("feedCount")] = QString::number(static_cast<int>(plan.racks.size()) * f.feedsPerRack);
        v[QStringLiteral("feedVoltage")] = number(f.voltageV, 0);
        v[QStringLiteral("feedPhases")] = QString::number(f.phases);
        v[QStringLiteral("feedAmps")] = number(f.amps, 0);
        v[QStringLiteral("feedDerate")] = number(f.deratePct, 0);
        v[QStringLiteral("feedCapacityKW")] = number(f.capacityW() / 1000.0, 2);
        v[QStringLiteral("redundancy")] = f.redundancy;
        v[QStringLiteral("coolingType")] = site.cooling.type;
        v[QStringLiteral("coolingRackKW")] = number(site.cooling.rackLimitKW, 1);
        v[QStringLiteral("coolingTotalKW")] = number(site.cooling.totalKW, 1);
        v[QStringLiteral("inletC")] =
            site.cooling.inletC > 0 ? number(site.cooling.inletC, 1) : QStringLiteral("unknown");
        v[QStringLiteral("rackHeightU")] = QString::number(site.rack.heightU);
        v[QStringLiteral("rackWidthMM")] = number(site.rack.widthMM, 0);
        v[QStringLiteral("rackDepthMM")] = number(site.rack.depthMM, 0);
        v[QStringLiteral("maxStaticKg")] =
            site.rack.maxStaticKg > 0 ? number(site.rack.maxStaticKg, 0) : QStringLiteral("unknown");

        double uplinkGbps = 0;
        for (const Uplink &u : plan.uplinks)
            uplinkGbps += u.speedGbps;
        v[QStringLiteral("uplinkCount")] = QString::number(plan.uplinks.size());
        v[QStringLiteral("uplinkSpeed")] = number(site.network.uplinkSpeedGbps, 0);
        v[QStringLiteral("uplinksRequired")] = QString::number(site.network.uplinksRequired);
        v[QStringLiteral("uplinkGBps")] = number(uplinkGbps / 8.0, 1);
        v[QStringLiteral("vlanNotes")] = site.network.vlanNotes.isEmpty()
            ? QStringLiteral("as the site's SDN rules assign")
            : site.network.vlanNotes;

        const Json &sw = m_config["switchSettings"];
        v[QStringLiteral("mtu")] = figureText(sw["mtu"]);
        v[QStringLiteral("pfcPriority")] = figureText(sw["pfcPriority"]);
        v[QStringLiteral("ecn")] = figureText(sw["ecn"]);
        v[QStringLiteral("dscpTrust")] = figureText(sw["dscpTrust"]);

        // Throughput: catalog per-C-node figures (100% read, 100% write) times the C-nodes.
        int cnodes = 0;
        double read = 0;
        double write = 0;
        bool readKnown = true;
        bool writeKnown = true;
        QStringList cnodeModels, dboxModels, dboxHosts, switchList;
        double dpus = 0;
        bool dpusKnown = true;
        int dataPorts = -1;
        for (std::size_t i = 0; i < plan.devices.size(); ++i) {
            const DeviceType *t = r.typeOf(i);
            if (!t)
                continue;
            const Device &d = plan.devices[i];
            const QString host = d.hostname.isEmpty() ? d.id : d.hostname;
            if (t->role == Role::CNode) {
                ++cnodes;
                const auto rd = t->throughputGBpsAt(100);
                const auto wr = t->throughputGBpsAt(0);
                readKnown = readKnown && rd.has_value();
                writeKnown = writeKnown && wr.has_value();
                read += rd.value_or(0);
                write += wr.value_or(0);
                if (!cnodeModels.contains(t->model))
                    cnodeModels << t->model;
                dataPorts = std::max(dataPorts, t->portCount(PortPurpose::Data));
            } else if (t->role == Role::DBox) {
                if (!dboxModels.contains(t->model))
                    dboxModels << t->model;
                dboxHosts << host;
                dpusKnown = dpusKnown && t->storage.dpuCount.known();
                dpus += t->storage.dpuCount.valueOr(0);
            } else if (t->role == Role::Switch) {
                switchList << QStringLiteral("%1 (%2)").arg(host, t->model);
                if (t->portCount(PortPurpose::Data) > 0 && isDataSwitch(d.id))
                    m_dataSwitches << host;
            }
        }
        v[QStringLiteral("cnodeModel")] =
            cnodeModels.isEmpty() ? QStringLiteral("none") : cnodeModels.join(QStringLiteral(", "));
        v[QStringLiteral("dboxModel")] =
            dboxModels.isEmpty() ? QStringLiteral("none") : dboxModels.join(QStringLiteral(", "));
        v[QStringLiteral("dboxHosts")] = listOf(dboxHosts);
        v[QStringLiteral("switchList")] = listOf(switchList);
        v[QStringLiteral("switchPair")] = listOf(m_dataSwitches);
        v[QStringLiteral("dpus")] = dpusKnown ? number(dpus, 0) : QStringLiteral("unknown");
        v[QStringLiteral("dataPorts")] = dataPorts >= 0 ? QString::number(dataPorts) : QStringLiteral("unknown");
        const double readEff = figureNumber(m_config["efficiency"]["read"]).value_or(1);
        const double writeLow = figureNumber(m_config["efficiency"]["writeLow"]).value_or(1);
        const double writeHigh = figureNumber(m_config["efficiency"]["writeHigh"]).value_or(1);
        v[QStringLiteral("readEff")] = number(readEff * 100, 0);
        v[QStringLiteral("writeEffLow")] = number(writeLow * 100, 0);
        v[QStringLiteral("writeEffHigh")] = number(writeHigh * 100, 0);
        const auto known = [&](bool k, double x, int decimals = 1) {
            return k && cnodes > 0 ? number(x, decimals) : QStringLiteral("unknown");
        };
        v[QStringLiteral("perCnodeReadGBps")] = known(readKnown, cnodes ? read / cnodes : 0);
        v[QStringLiteral("perCnodeWriteGBps")] = known(writeKnown, cnodes ? write / cnodes : 0);
        v[QStringLiteral("readGBps")] = known(readKnown, read);
        v[QStringLiteral("writeGBps")] = known(writeKnown, write);
        v[QStringLiteral("expectedReadGBps")] = known(readKnown, read * readEff);
        v[QStringLiteral("expectedWriteLowGBps")] = known(writeKnown, write * writeLow);
        v[QStringLiteral("expectedWriteHighGBps")] = known(writeKnown, write * writeHigh);
    }

    // A switch that carries C-node or D-box data links (the pair every node is dual-homed to).
    bool isDataSwitch(const QString &switchId) const
    {
        for (const Link &l : m_c.plan().links) {
            const Endpoint *other = l.a.device == switchId ? &l.b : (l.b.device == switchId ? &l.a : nullptr);
            if (!other)
                continue;
            const DeviceType *t = m_c.resolved().typeOf(other->device);
            if (!t || (t->role != Role::CNode && t->role != Role::DBox))
                continue;
            const PortRef ref = t->resolvePort(other->port);
            if (ref.valid() && (ref.group->purpose == PortPurpose::Data || ref.group->purpose == PortPurpose::Dpu))
                return true;
        }
        return false;
    }

    void kit(RunbookTable *t) const
    {
        t->header = {QStringLiteral("Role"),  QStringLiteral("Model"),          QStringLiteral("Part number"),
                     QStringLiteral("Qty"),   QStringLiteral("Unit typical W"), QStringLiteral("Unit max W"),
                     QStringLiteral("U each")};
        std::map<std::pair<int, QString>, int> counts;
        for (std::size_t i = 0; i < m_c.plan().devices.size(); ++i)
            if (const DeviceType *type = m_c.resolved().typeOf(i))
                counts[{static_cast<int>(type->role), type->id}] += 1;
        for (const auto &[key, n] : counts) {
            const DeviceType *type = m_c.catalog().deviceType(key.second);
            t->rows.push_back({roleDisplayName(type->role), type->model,
                               type->partNumber.isEmpty() ? QStringLiteral("\u2014") : type->partNumber,
                               QString::number(n), type->typicalW.display(QString()), type->maxW.display(QString()),
                               QString::number(type->uHeight)});
        }
    }

    void feeds(RunbookTable *t) const
    {
        const SiteProfile::Feeds &f = m_c.site().power.feeds;
        t->header = {QStringLiteral("Rack"),
                     QStringLiteral("Feed"),
                     QStringLiteral("Supply"),
                     QStringLiteral("Usable kW (derated)"),
                     QStringLiteral("Rack typical kW"),
                     QStringLiteral("Rack max kW")};
        const PlanSummary &s = m_c.summary();
        for (std::size_t r = 0; r < m_c.plan().racks.size(); ++r) {
            const Rack &rack = m_c.plan().racks[r];
            for (int i = 0; i < std::max(1, f.feedsPerRack); ++i)
                t->rows.push_back({rack.name.isEmpty() ? rack.id : rack.name,
                                   QString(QChar(QLatin1Char('A').unicode() + i)),
                                   QStringLiteral("%1 V %2-phase %3 A")
                                       .arg(number(f.voltageV, 0))
                                       .arg(f.phases)
                                       .arg(number(f.amps, 0)),
                                   number(f.capacityW() / 1000.0, 2), number(s.racks[r].typicalW / 1000.0, 2),
                                   number(s.racks[r].maxW / 1000.0, 2)});
        }
        limit(t, kMaxStackRows, QStringLiteral("the power feeds are all listed in netbox/power-feeds.csv"));
    }

    void psuConnectors(RunbookTable *t) const
    {
        t->header = {QStringLiteral("Device type"), QStringLiteral("Inlet"),     QStringLiteral("Devices"),
                     QStringLiteral("Power cords"), QStringLiteral("On feed A"), QStringLiteral("On feed B")};
        struct Count {
            int devices = 0;
            int cords = 0;
            int a = 0;
            int b = 0;
        };
        std::map<QString, Count> counts;
        for (std::size_t i = 0; i < m_c.plan().devices.size(); ++i) {
            const DeviceType *type = m_c.resolved().typeOf(i);
            if (!type || type->role == Role::Pdu || type->role == Role::Cable)
                continue;
            const Device &d = m_c.plan().devices[i];
            Count &c = counts[type->id];
            c.devices += 1;
            c.cords += static_cast<int>(d.psuFeeds.size());
            c.a += static_cast<int>(d.psuFeeds.count(QStringLiteral("A")));
            c.b += static_cast<int>(d.psuFeeds.count(QStringLiteral("B")));
        }
        for (const auto &[id, c] : counts) {
            const DeviceType *type = m_c.catalog().deviceType(id);
            t->rows.push_back(
                {type->model, type->psu.connector.isEmpty() ? QStringLiteral("unknown") : type->psu.connector,
                 QString::number(c.devices), QString::number(c.cords), QString::number(c.a), QString::number(c.b)});
        }
    }

    void uplinks(RunbookTable *t) const
    {
        t->header = {QStringLiteral("Switch"), QStringLiteral("Port"), QStringLiteral("Speed GbE")};
        for (const Uplink &u : m_c.plan().uplinks) {
            const Device *d = m_c.resolved().device(u.device);
            t->rows.push_back({d && !d->hostname.isEmpty() ? d->hostname : u.device, u.port, number(u.speedGbps, 0)});
        }
        limit(t, kMaxStackRows, QStringLiteral("see the plan file for the rest"));
    }

    void rackAndStack(RunbookTable *t) const
    {
        t->header = {QStringLiteral("Step"),     QStringLiteral("Rack"),  QStringLiteral("U"),
                     QStringLiteral("Hostname"), QStringLiteral("Model"), QStringLiteral("Height U"),
                     QStringLiteral("Face"),     QStringLiteral("Feeds")};
        const Plan &plan = m_c.plan();
        int step = 0;
        for (std::size_t r = 0; r < plan.racks.size(); ++r) {
            std::vector<int> order = m_c.resolved().devicesInRack(static_cast<int>(r));
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
                return plan.devices[static_cast<std::size_t>(a)].u < plan.devices[static_cast<std::size_t>(b)].u;
            });
            for (int i : order) {
                const Device &d = plan.devices[static_cast<std::size_t>(i)];
                const DeviceType *type = m_c.resolved().typeOf(static_cast<std::size_t>(i));
                t->rows.push_back(
                    {QString::number(++step), plan.racks[r].name.isEmpty() ? plan.racks[r].id : plan.racks[r].name,
                     d.u > 0 ? QString::number(d.u) : QStringLiteral("0U"), d.hostname.isEmpty() ? d.id : d.hostname,
                     type ? type->model : d.type, type ? QString::number(type->uHeight) : QStringLiteral("unknown"),
                     faceText(d.face),
                     d.psuFeeds.isEmpty() ? QStringLiteral("\u2014") : d.psuFeeds.join(QLatin1Char('+'))});
            }
        }
        limit(t, kMaxStackRows, QStringLiteral("every device is in the rack diagrams and netbox/devices.csv"));
    }

    void cabling(RunbookTable *t) const
    {
        t->header = {QStringLiteral("No"), QStringLiteral("Label"), QStringLiteral("From"),
                     QStringLiteral("To"), QStringLiteral("Cable"), QStringLiteral("Length m")};
        const CablePlanData plan = buildCablePlan(m_c);
        for (const CableRun &run : plan.runs) {
            const auto end = [](const CableEnd &e) {
                return QStringLiteral("%1 %2 (%3 U%4)")
                    .arg(e.hostname.isEmpty() ? e.device : e.hostname, e.port, e.rack)
                    .arg(e.u);
            };
            t->rows.push_back({QString::number(run.number), run.label, end(run.a), end(run.b), run.cableModel,
                               run.lengthM ? number(*run.lengthM, 2) : QStringLiteral("unknown")});
            if (static_cast<int>(t->rows.size()) > kMaxCablingRows)
                break;
        }
        if (static_cast<int>(plan.runs.size()) > kMaxCablingRows) {
            t->rows.resize(kMaxCablingRows);
            t->note = QStringLiteral("First %1 of %2 cables; the full list is in cables.csv.")
                          .arg(kMaxCablingRows)
                          .arg(thousands(static_cast<double>(plan.runs.size())));
        }
    }

    void acceptance(RunbookTable *t) const
    {
        const auto &v = values;
        t->header = {QStringLiteral("Test"), QStringLiteral("Expected"), QStringLiteral("Measured"),
                     QStringLiteral("Pass")};
        t->rows.push_back({QStringLiteral("Every link up at planned speed"),
                           QStringLiteral("%1 links").arg(v[QStringLiteral("cables")]), QString(), QString()});
        t->rows.push_back(
            {QStringLiteral("RoCE lossless: no drops under load, PFC counters move"),
             QStringLiteral("MTU %1, PFC prio %2").arg(v[QStringLiteral("mtu")], v[QStringLiteral("pfcPriority")]),
             QString(), QString()});
        t->rows.push_back({QStringLiteral("Aggregate read, 1 MB sequential"),
                           QStringLiteral("\u2265 %1 GB/s (nominal %2)")
                               .arg(v[QStringLiteral("expectedReadGBps")], v[QStringLiteral("readGBps")]),
                           QString(), QString()});
        t->rows.push_back({QStringLiteral("Aggregate write, 1 MB sequential"),
                           QStringLiteral("\u2265 %1\u2013%2 GB/s (nominal %3)")
                               .arg(v[QStringLiteral("expectedWriteLowGBps")],
                                    v[QStringLiteral("expectedWriteHighGBps")], v[QStringLiteral("writeGBps")]),
                           QString(), QString()});
        t->rows.push_back({QStringLiteral("Checkpoint write (sustained, synchronous)"),
                           QStringLiteral("\u2265 %1 GB/s sustained for the checkpoint size")
                               .arg(v[QStringLiteral("expectedWriteLowGBps")]),
                           QString(), QString()});
        t->rows.push_back({QStringLiteral("Clients outside the kit"),
                           QStringLiteral("up to %1 GB/s through %2 uplinks")
                               .arg(v[QStringLiteral("uplinkGBps")], v[QStringLiteral("uplinkCount")]),
                           QString(), QString()});
        t->rows.push_back({QStringLiteral("Usable capacity reported"),
                           QStringLiteral("%1 TB").arg(v[QStringLiteral("usableTB")]), QString(), QString()});
        t->rows.push_back({QStringLiteral("Power at the PDUs under load"),
                           QStringLiteral("\u2264 %1 kW (typical %2 kW)")
                               .arg(v[QStringLiteral("maxKW")], v[QStringLiteral("typicalKW")]),
                           QString(), QString()});
    }

    void addressPlan(RunbookTable *t) const
    {
        t->header = {QStringLiteral("Host"), QStringLiteral("Kind"), QStringLiteral("Interface"),
                     QStringLiteral("Value"), QStringLiteral("Pool")};
        const AddressPlan plan = AddressPlan::build(m_c.resolved());
        for (const AddressAssignment &a : plan.assignments())
            t->rows.push_back({a.hostname, a.kind, a.interface, a.value, a.pool});
        for (const AddressProblem &p : plan.problems())
            t->note += (t->note.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("Problem: ") + p.message +
                QLatin1Char('.');
        const QString problems = t->note;
        limit(t, kMaxAddressRows, QStringLiteral("the full plan is in address-plan.csv (pocplan switch-config)"));
        if (!problems.isEmpty() && t->note != problems)
            t->note = problems + QLatin1Char(' ') + t->note;
    }

    void postConfigChecks(RunbookTable *t) const
    {
        t->header = {QStringLiteral("Switch"), QStringLiteral("Check"), QStringLiteral("Command"),
                     QStringLiteral("Expected"), QStringLiteral("OK")};
        const AddressPlan addresses = AddressPlan::build(m_c.resolved());
        for (const SwitchDay0 &c : buildSwitchDay0(m_c.resolved(), addresses))
            for (const PostConfigCheck &k : pp::postConfigChecks(c))
                t->rows.push_back({k.hostname, k.what, k.command, k.expected, QString()});
        limit(t, kMaxAddressRows,
              QStringLiteral("every switch's checks are in post-config-checklist.md (pocplan switch-config)"));
    }

    void signOff(RunbookTable *t) const
    {
        t->header = {QStringLiteral("Step"), QStringLiteral("Name"), QStringLiteral("Organisation"),
                     QStringLiteral("Date"), QStringLiteral("Signature")};
        for (const QString &step :
             {QStringLiteral("Site readiness"), QStringLiteral("Hardware received / qualified"),
              QStringLiteral("Rack-and-stack and cabling"), QStringLiteral("Switch configuration"),
              QStringLiteral("Cluster install"), QStringLiteral("Acceptance tests"), QStringLiteral("Failure drills"),
              QStringLiteral("Kubernetes and monitoring"), QStringLiteral("POC accepted")})
            t->rows.push_back({step, QString(), QString(), QString(), QString()});
    }

    static void limit(RunbookTable *t, int max, const QString &where)
    {
        if (static_cast<int>(t->rows.size()) <= max)
            return;
        t->note = QStringLiteral("First %1 of %2 rows; %3.")
                      .arg(max)
                      .arg(thousands(static_cast<double>(t->rows.size())))
                      .arg(where);
        t->rows.resize(static_cast<std::size_t>(max));
    }

    const ExportContext &m_c;
    const Json &m_config;
    QStringList m_dataSwitches;
};

bool readResource(const QString &path, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: runbook text block missing").arg(path);
        return false;
    }
    *out = file.readAll();
    return true;
}

QString fill(const QString &line, const QMap<QString, QString> &values)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{([A-Za-z][A-Za-z0-9]*)\\}\\}"));
    QString out;
    qsizetype pos = 0;
    auto it = placeholder.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += line.mid(pos, m.capturedStart() - pos);
        const auto value = values.constFind(m.captured(1));
        if (value == values.cend())
            out += m.captured(0); // left visible so that a test or a reader spots the typo
        else
            out += runbookmarkup::kUserBegin + *value + runbookmarkup::kUserEnd;
        pos = m.capturedEnd();
    }
    out += line.mid(pos);
    return out;
}

// Parses the small Markdown subset of the text blocks into runbook blocks.
// A fenced code block from the line after the opening fence to the closing one; *i ends on the closing fence.
RunbookBlock codeBlock(const QStringList &lines, int *i, const QString &sectionId, const RunbookFacts &facts)
{
    RunbookBlock block;
    block.kind = RunbookBlock::Kind::Code;
    block.section = sectionId;
    QStringList code;
    for (++*i; *i < lines.size() && !lines[*i].trimmed().startsWith(QLatin1String("```")); ++*i)
        code << fill(lines[*i], facts.values);
    block.text = code.join(QLatin1Char('\n'));
    return block;
}

// A {{table:name}} line: the facts' table of that name, or a note that there is none.
RunbookBlock tableBlock(const QString &name, const QString &sectionId, const RunbookFacts &facts)
{
    RunbookBlock block;
    block.kind = RunbookBlock::Kind::Table;
    block.section = sectionId;
    if (!facts.table(name, &block.table))
        block.table.note = QStringLiteral("(no table named %1)").arg(name);
    return block;
}

// A "#"… heading line; its level is the number of '#'.
RunbookBlock headingBlock(const QString &line, const QString &sectionId, const RunbookFacts &facts)
{
    RunbookBlock block;
    int level = 0;
    while (level < line.size() && line[level] == QLatin1Char('#'))
        ++level;
    block.kind = RunbookBlock::Kind::Heading;
    block.level = level;
    block.section = sectionId;
    block.text = fill(line.mid(level).trimmed(), facts.values);
    return block;
}

void parseSection(const QString &sectionId, const QString &text, const RunbookFacts &facts,
                  std::vector<RunbookBlock> &out)
{
    static const QRegularExpression numbered(QStringLiteral("^\\d+\\.\\s+"));
    static const QRegularExpression tableRef(QStringLiteral("^\\{\\{table:([a-z-]+)\\}\\}$"));
    RunbookBlock current;
    bool open = false;
    const auto flush = [&] {
        if (open)
            out.push_back(current);
        open = false;
        current = RunbookBlock();
    };
    const auto start = [&](RunbookBlock::Kind kind) {
        if (!open || current.kind != kind) {
            flush();
            current.kind = kind;
            current.section = sectionId;
            open = true;
        }
    };
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString raw = lines[i];
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("```"))) {
            flush();
            out.push_back(codeBlock(lines, &i, sectionId, facts));
            continue;
        }
        if (line.isEmpty()) {
            flush();
            continue;
        }
        const QRegularExpressionMatch table = tableRef.match(line);
        if (table.hasMatch()) {
            flush();
            out.push_back(tableBlock(table.captured(1), sectionId, facts));
            continue;
        }
        if (line.startsWith(QLatin1Char('#'))) {
            flush();
            out.push_back(headingBlock(line, sectionId, facts));
            continue;
        }
        if (line.startsWith(QLatin1String("- [ ] "))) {
            start(RunbookBlock::Kind::Checklist);
            current.items << fill(line.mid(6), facts.values);
        } else if (line.startsWith(QLatin1String("- "))) {
            start(RunbookBlock::Kind::Bullets);
            current.items << fill(line.mid(2), facts.values);
        } else if (const QRegularExpressionMatch m = numbered.match(line); m.hasMatch()) {
            start(RunbookBlock::Kind::Numbered);
            current.items << fill(line.mid(m.capturedLength()), facts.values);
        } else if (line.startsWith(QLatin1String("> "))) {
            start(RunbookBlock::Kind::Note);
            current.text +=
                (current.text.isEmpty() ? QString() : QStringLiteral(" ")) + fill(line.mid(2), facts.values);
        } else if (open &&
                   (current.kind == RunbookBlock::Kind::Bullets || current.kind == RunbookBlock::Kind::Numbered ||
                    current.kind == RunbookBlock::Kind::Checklist) &&
                   raw.startsWith(QLatin1String("  "))) {
            current.items.last() += QLatin1Char(' ') + fill(line, facts.values); // continuation of a list item
        } else {
            start(RunbookBlock::Kind::Paragraph);
            current.text += (current.text.isEmpty() ? QString() : QStringLiteral(" ")) + fill(line, facts.values);
        }
    }
    flush();
}

} // namespace

bool buildRunbook(const ExportContext &context, RunbookDocument *doc, QString *error)
{
    return buildRunbook(context, context.plan().track, doc, error);
}

bool buildRunbook(const ExportContext &context, const QString &track, RunbookDocument *doc, QString *error)
{
    QByteArray bytes;
    if (!readResource(QStringLiteral(":/runbook/runbook.json"), &bytes, error))
        return false;
    const Json config = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (config.is_discarded() || !config.contains("tracks")) {
        if (error)
            *error = QStringLiteral(":/runbook/runbook.json: not a runbook description");
        return false;
    }
    const std::string trackKey = track.toStdString();
    if (!config["tracks"].contains(trackKey)) {
        if (error)
            *error = QStringLiteral(
                         "track \"%1\": no runbook for this track (known: lab, azure-dedicated, customer-hardware)")
                         .arg(track);
        return false;
    }
    const Json &trackConfig = config["tracks"][trackKey];
    const RunbookFacts facts(context, config);
    doc->title = QString::fromStdString(trackConfig.value("title", std::string("Install runbook")));
    doc->track = track;
    doc->plan = context.plan().name;
    doc->customer = context.plan().customer;
    doc->site = facts.values.value(QStringLiteral("site"));
    doc->draftMark = context.draftMark();
    doc->values = facts.values;
    doc->sections.clear();
    doc->blocks.clear();
    for (const Json &s : trackConfig["sections"]) {
        const QString id = QString::fromStdString(s.get<std::string>());
        if (!readResource(QStringLiteral(":/runbook/sections/%1.md").arg(id), &bytes, error))
            return false;
        doc->sections << id;
        parseSection(id, QString::fromUtf8(bytes), facts, doc->blocks);
    }
    return true;
}

} // namespace pp
