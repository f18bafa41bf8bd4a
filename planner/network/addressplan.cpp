#include "planner/network/addressplan.h"

#include "catalog/model/ipv4subnet.h"
#include "catalog/model/sitenetworkplan.h"

#include <QRegularExpression>
#include <algorithm>
#include <map>
#include <set>

namespace pp {

namespace {

// First addresses of the management subnet kept for the gateway and the site's services (.1–.15).
constexpr int kMgmtReserved = 16;

// A range of a pool that one kind of device takes its addresses from, slot by slot.
struct Block {
    QString pool;
    std::uint32_t first = 0;
    int size = 0;
    int prefix = 32;
    std::vector<bool> used;
    Block(QString p, std::uint32_t f, int s, int pre)
        : pool(std::move(p))
        , first(f)
        , size(std::max(s, 0))
        , prefix(pre)
        , used(static_cast<std::size_t>(size), false)
    { }
};

struct Request {
    QString device;
    QString hostname;
    QString kind;
    QString interface;
    int slot = -1; // the slot its hostname's number asks for (0-based), -1 for none
};

// The slot a hostname's number asks for in a block: leaf-1 → 0.
int wantedSlot(int ordinal)
{
    return ordinal >= 1 ? ordinal - 1 : -1;
}

// Splits `count` addresses after `start` into parts by weight (in sixteenths).
std::vector<std::pair<std::uint32_t, int>> split(std::uint32_t start, long long count, const std::vector<int> &weights)
{
    std::vector<std::pair<std::uint32_t, int>> out;
    int total = 0;
    for (int w : weights)
        total += w;
    std::uint32_t at = start;
    for (int w : weights) {
        const int n = static_cast<int>(std::max<long long>(0, count * w / total));
        out.push_back({at, n});
        at += static_cast<std::uint32_t>(n);
    }
    return out;
}

QString macFor(int pair)
{
    return QStringLiteral("44:38:39:ff:%1:%2")
        .arg((pair >> 8) & 255, 2, 16, QLatin1Char('0'))
        .arg(pair & 255, 2, 16, QLatin1Char('0'));
}

} // namespace

// Fills an AddressPlan from the plan and its site's IP plan.
class AddressPlanBuilder {
public:
    AddressPlanBuilder(const ResolvedPlan &r, AddressPlan &out)
        : m_r(r)
        , m_ip(SiteNetworkPlan::ofSite(r.site()))
        , m_out(out)
    { }

    void run()
    {
        m_out.m_switches = fabricSwitches(m_r);
        checkPools();
        management();
        const std::map<QString, int> leafSlots = loopbacks();
        mlag(leafSlots);
        svis(leafSlots);
        asns(leafSlots);
        pointToPoint();
        duplicates();
    }

private:
    static QString key(const Request &q) { return q.device + QLatin1Char('|') + q.interface; }

    // Gives each request a slot of the block: its hostname's number when that slot is free, else the
    // first free slot in hostname order. Returns device id → slot (-1 when the block is full).
    std::map<QString, int> allocate(Block &b, std::vector<Request> requests, const std::set<std::uint32_t> &taken)
    {
        for (int i = 0; i < b.size; ++i)
            if (taken.count(b.first + static_cast<std::uint32_t>(i)))
                b.used[static_cast<std::size_t>(i)] = true;
        std::sort(requests.begin(), requests.end(), [](const Request &x, const Request &y) {
            return x.hostname < y.hostname || (x.hostname == y.hostname && x.device < y.device);
        });
        std::map<QString, int> slotOf;
        std::vector<const Request *> later;
        for (const Request &q : requests) {
            if (q.slot >= 0 && q.slot < b.size && !b.used[static_cast<std::size_t>(q.slot)]) {
                b.used[static_cast<std::size_t>(q.slot)] = true;
                slotOf[key(q)] = q.slot;
            } else {
                later.push_back(&q);
            }
        }
        int next = 0, missing = 0;
        for (const Request *q : later) {
            while (next < b.size && b.used[static_cast<std::size_t>(next)])
                ++next;
            if (next >= b.size) {
                slotOf[key(*q)] = -1;
                ++missing;
                continue;
            }
            b.used[static_cast<std::size_t>(next)] = true;
            slotOf[key(*q)] = next;
        }
        if (missing)
            m_out.m_problems.push_back(
                {AddressProblem::Kind::PoolTooSmall, b.pool, QStringList{},
                 QStringLiteral("%1: %2 addresses needed, %3 available").arg(b.pool).arg(requests.size()).arg(b.size),
                 static_cast<double>(requests.size()), static_cast<double>(b.size)});
        std::map<QString, int> byDevice;
        for (const Request &q : requests) {
            const int slot = slotOf[key(q)];
            byDevice[q.device] = slot;
            if (slot >= 0)
                m_out.add({q.device, q.hostname, q.kind, q.interface,
                           Ipv4Subnet::addressText(b.first + static_cast<std::uint32_t>(slot)) + QLatin1Char('/') +
                               QString::number(b.prefix),
                           b.pool});
        }
        return byDevice;
    }

    void checkPools()
    {
        std::vector<std::pair<QString, Ipv4Subnet>> pools;
        const auto addPool = [&](const QString &name, const QString &text) {
            if (const auto s = Ipv4Subnet::parse(text))
                pools.push_back({QStringLiteral("%1 %2").arg(name, s->toString()), *s});
        };
        addPool(QStringLiteral("mgmt"), m_ip.mgmtSubnet);
        for (const DataVlan &v : m_ip.dataVlans)
            addPool(QStringLiteral("vlan%1").arg(v.id), v.subnet);
        addPool(QStringLiteral("loopback"), m_ip.loopbackPool);
        addPool(QStringLiteral("p2p"), m_ip.p2pPool);
        for (std::size_t i = 0; i < pools.size(); ++i)
            for (std::size_t j = i + 1; j < pools.size(); ++j)
                if (pools[i].second.overlaps(pools[j].second))
                    m_out.m_problems.push_back(
                        {AddressProblem::Kind::Overlap,
                         pools[i].first,
                         {pools[i].first, pools[j].first},
                         QStringLiteral("pools %1 and %2 overlap").arg(pools[i].first, pools[j].first)});
    }

    void outside(const QString &pool, const Ipv4Subnet &subnet, const QString &what, const QString &address,
                 const QString &subject)
    {
        const auto a = Ipv4Subnet::parseAddress(address);
        if (a && !subnet.contains(*a))
            m_out.m_problems.push_back({AddressProblem::Kind::OutsideSubnet,
                                        pool,
                                        {subject},
                                        QStringLiteral("%1 %2 is outside %3").arg(what, address, subnet.toString())});
    }

    void management()
    {
        const auto subnet = Ipv4Subnet::parse(m_ip.mgmtSubnet);
        if (!subnet)
            return;
        const QString pool = QStringLiteral("mgmt ") + subnet->toString();
        const QString prefix = QLatin1Char('/') + QString::number(subnet->prefixLength());
        m_out.m_mgmtGateway =
            m_ip.mgmtGateway.isEmpty() ? Ipv4Subnet::addressText(subnet->network() + 1) : m_ip.mgmtGateway;
        outside(pool, *subnet, QStringLiteral("the management gateway"), m_out.m_mgmtGateway, QStringLiteral("site"));
        m_out.add({QString(), QStringLiteral("site"), QStringLiteral("gateway"), QString(),
                   m_out.m_mgmtGateway + prefix, pool});
        std::set<std::uint32_t> taken;
        if (const auto g = Ipv4Subnet::parseAddress(m_out.m_mgmtGateway))
            taken.insert(*g);
        // Fixed addresses the site gives its (the customer's) switches come first.
        QHash<QString, QString> fixed;
        for (const FabricSwitch &s : m_out.m_switches) {
            const auto c = m_ip.switches.find(s.hostname);
            if (c == m_ip.switches.end() || c->second.mgmtAddress.isEmpty())
                continue;
            fixed.insert(s.id, c->second.mgmtAddress);
            outside(pool, *subnet, s.hostname + QStringLiteral(" management address"), c->second.mgmtAddress, s.id);
            if (const auto a = Ipv4Subnet::parseAddress(c->second.mgmtAddress))
                taken.insert(*a);
        }
        // Blocks after the reserved addresses: switches (by tier) 2, C-nodes 4, D-boxes 2, PDUs 1,
        // other 1, BMCs 6 sixteenths.
        const long long usable = static_cast<long long>(subnet->size()) - kMgmtReserved - 1;
        const auto parts = split(subnet->network() + kMgmtReserved, usable, {2, 4, 2, 1, 1, 6});
        const auto tiers = split(parts[0].first, parts[0].second, {1, 1, 1, 1});
        std::vector<Block> blocks;
        const QStringList names = {
            QStringLiteral("mgmt switches"), QStringLiteral("leaves"),  QStringLiteral("spines"),
            QStringLiteral("super-spines"),  QStringLiteral("C-nodes"), QStringLiteral("D-boxes"),
            QStringLiteral("PDUs"),          QStringLiteral("other"),   QStringLiteral("BMCs")};
        for (int i = 0; i < 4; ++i)
            blocks.emplace_back(pool + QStringLiteral(" (") + names[i] + QLatin1Char(')'),
                                tiers[static_cast<std::size_t>(i)].first, tiers[static_cast<std::size_t>(i)].second,
                                subnet->prefixLength());
        for (int i = 1; i < 6; ++i)
            blocks.emplace_back(pool + QStringLiteral(" (") + names[i + 3] + QLatin1Char(')'),
                                parts[static_cast<std::size_t>(i)].first, parts[static_cast<std::size_t>(i)].second,
                                subnet->prefixLength());
        std::vector<std::vector<Request>> requests(blocks.size());
        QHash<QString, SwitchTier> tierOf;
        for (const FabricSwitch &s : m_out.m_switches)
            tierOf.insert(s.id, s.tier);
        const Plan &plan = m_r.plan();
        for (std::size_t i = 0; i < plan.devices.size(); ++i) {
            const DeviceType *t = m_r.typeOf(i);
            if (!t)
                continue;
            const Device &d = plan.devices[i];
            const QString host = deviceHostname(d);
            const int ordinal = hostnameOrdinal(host);
            QString mgmtPort;
            QStringList bmcPorts;
            for (const PortGroup &g : t->ports) {
                if (g.purpose == PortPurpose::Mgmt && mgmtPort.isEmpty() && (g.count == 1 || t->role != Role::Switch))
                    mgmtPort = g.nameAt(0);
                if (g.purpose == PortPurpose::Bmc)
                    for (int k = 0; k < g.count; ++k)
                        bmcPorts << g.nameAt(k);
            }
            if (!mgmtPort.isEmpty() && !fixed.contains(d.id)) {
                std::size_t block = 7;
                if (t->role == Role::Switch)
                    block = static_cast<std::size_t>(tierOf.value(d.id, SwitchTier::Leaf));
                else if (t->role == Role::CNode)
                    block = 4;
                else if (t->role == Role::DBox)
                    block = 5;
                else if (t->role == Role::Pdu)
                    block = 6;
                requests[block].push_back({d.id, host, QStringLiteral("mgmt"), mgmtPort, wantedSlot(ordinal)});
            } else if (fixed.contains(d.id)) {
                m_out.add({d.id, host, QStringLiteral("mgmt"), mgmtPort, fixed.value(d.id) + prefix,
                           pool + QStringLiteral(" (site)")});
            }
            // C-nodes take the first half of the BMC block, everything else the second; a device with
            // several BMCs takes that many slots per number.
            const int offset = t->role == Role::CNode ? 0 : blocks[8].size / 2;
            for (int k = 0; k < bmcPorts.size(); ++k) {
                const int slot = wantedSlot(ordinal);
                requests[8].push_back({d.id, host, QStringLiteral("bmc"), bmcPorts[k],
                                       slot >= 0 ? offset + slot * static_cast<int>(bmcPorts.size()) + k : -1});
            }
        }
        for (std::size_t b = 0; b < blocks.size(); ++b)
            if (!requests[b].empty())
                allocate(blocks[b], requests[b], taken);
    }

    // Loopbacks of the routed switches: leaves in the first half of the pool, spines and
    // super-spines a quarter each. Returns the leaves' slotOf, which key their SVIs, ASNs and MACs.
    std::map<QString, int> loopbacks()
    {
        std::vector<Request> leaves, spines, supers;
        for (const FabricSwitch &s : m_out.m_switches) {
            const Request q{s.id, s.hostname, QStringLiteral("loopback"), QStringLiteral("lo"), wantedSlot(s.ordinal)};
            if (s.tier == SwitchTier::Leaf)
                leaves.push_back(q);
            else if (s.tier == SwitchTier::Spine)
                spines.push_back(q);
            else if (s.tier == SwitchTier::SuperSpine)
                supers.push_back(q);
        }
        const auto subnet = Ipv4Subnet::parse(m_ip.loopbackPool);
        if (!subnet)
            return {};
        const QString pool = QStringLiteral("loopback ") + subnet->toString();
        const auto parts = split(subnet->network() + 1, static_cast<long long>(subnet->size()) - 2, {2, 1, 1});
        Block lb(pool + QStringLiteral(" (leaves)"), parts[0].first, parts[0].second, 32);
        Block sb(pool + QStringLiteral(" (spines)"), parts[1].first, parts[1].second, 32);
        Block xb(pool + QStringLiteral(" (super-spines)"), parts[2].first, parts[2].second, 32);
        std::map<QString, int> slotOf;
        if (!leaves.empty())
            slotOf = allocate(lb, leaves, {});
        if (!spines.empty())
            allocate(sb, spines, {});
        if (!supers.empty())
            allocate(xb, supers, {});
        return slotOf;
    }

    const FabricSwitch *find(const QString &id) const
    {
        for (const FabricSwitch &s : m_out.m_switches)
            if (s.id == id)
                return &s;
        return nullptr;
    }

    // One system MAC per MLAG pair, from the lower leaf slot of the pair: unique within the plan.
    void mlag(const std::map<QString, int> &leafSlots)
    {
        for (const FabricSwitch &s : m_out.m_switches) {
            if (s.peer.isEmpty() || s.tier != SwitchTier::Leaf)
                continue;
            const auto a = leafSlots.find(s.id), b = leafSlots.find(s.peer);
            if (a == leafSlots.end() || b == leafSlots.end() || a->second < 0 || b->second < 0)
                continue;
            const int pair = std::min(a->second, b->second) + 1;
            m_out.add({s.id, s.hostname, QStringLiteral("mlag-mac"), QStringLiteral("peerlink"), macFor(pair),
                       QStringLiteral("44:38:39:ff:00:00/16 (MLAG system MACs)")});
        }
    }

    // Per data VLAN: the gateway (VRR/VARP virtual address) on .1 and each leaf's own SVI from .2.
    void svis(const std::map<QString, int> &leafSlots)
    {
        for (const DataVlan &v : m_ip.dataVlans) {
            const auto subnet = Ipv4Subnet::parse(v.subnet);
            if (!subnet || leafSlots.empty())
                continue;
            const QString pool = QStringLiteral("vlan%1 ").arg(v.id) + subnet->toString();
            const QString prefix = QLatin1Char('/') + QString::number(subnet->prefixLength());
            const QString vlanIf = QStringLiteral("vlan%1").arg(v.id);
            m_out.m_vrr.insert(v.id, Ipv4Subnet::addressText(subnet->network() + 1) + prefix);
            m_out.add({QString(), v.name, QStringLiteral("vrr"), vlanIf, m_out.m_vrr.value(v.id), pool});
            std::vector<Request> leaves;
            for (const FabricSwitch &s : m_out.m_switches)
                if (s.tier == SwitchTier::Leaf) {
                    const auto slot = leafSlots.find(s.id);
                    leaves.push_back(
                        {s.id, s.hostname, QStringLiteral("svi"), vlanIf, slot == leafSlots.end() ? -1 : slot->second});
                }
            Block b(pool, subnet->network() + 2,
                    static_cast<int>(std::min<std::uint64_t>(subnet->size(), 1u << 20)) - 3, subnet->prefixLength());
            allocate(b, leaves, {});
        }
    }

    // Private ASNs where the plan has a routed fabric (spines): super-spines share the first,
    // spines the second, each leaf its own from the third on.
    void asns(const std::map<QString, int> &leafSlots)
    {
        bool routed = false;
        for (const FabricSwitch &s : m_out.m_switches)
            routed = routed || s.tier == SwitchTier::Spine || s.tier == SwitchTier::SuperSpine;
        if (!routed)
            return;
        const QString pool = QStringLiteral("ASN %1-%2").arg(m_ip.asnFirst).arg(m_ip.asnLast);
        const long long leafRange = m_ip.asnLast - m_ip.asnFirst - 1;
        int tooMany = 0, leaves = 0;
        for (const FabricSwitch &s : m_out.m_switches) {
            long long asn = -1;
            if (s.tier == SwitchTier::SuperSpine)
                asn = m_ip.asnFirst;
            else if (s.tier == SwitchTier::Spine)
                asn = m_ip.asnFirst + 1;
            else if (s.tier == SwitchTier::Leaf) {
                ++leaves;
                const auto slot = leafSlots.find(s.id);
                if (slot != leafSlots.end() && slot->second >= 0 && slot->second < leafRange)
                    asn = m_ip.asnFirst + 2 + slot->second;
                else
                    ++tooMany;
            }
            if (asn >= 0 && asn <= m_ip.asnLast)
                m_out.add({s.id, s.hostname, QStringLiteral("asn"), QStringLiteral("bgp"), QString::number(asn), pool});
        }
        if (tooMany)
            m_out.m_problems.push_back({AddressProblem::Kind::PoolTooSmall,
                                        pool,
                                        {},
                                        QStringLiteral("%1: %2 ASNs needed, %3 available")
                                            .arg(pool)
                                            .arg(leaves + 2)
                                            .arg(m_ip.asnLast - m_ip.asnFirst + 1),
                                        static_cast<double>(leaves + 2),
                                        static_cast<double>(m_ip.asnLast - m_ip.asnFirst + 1)});
    }

    // A /31 per leaf-spine (and spine-super-spine) link, the lower tier on the even address, in
    // order of the lower end's hostname and port.
    void pointToPoint()
    {
        QHash<QString, const FabricSwitch *> byId;
        for (const FabricSwitch &s : m_out.m_switches)
            byId.insert(s.id, &s);
        struct P2p {
            QString key;
            const FabricSwitch *low;
            QString lowPort;
            const FabricSwitch *high;
            QString highPort;
        };
        std::vector<P2p> links;
        for (const Link &l : m_r.plan().links) {
            const FabricSwitch *a = byId.value(l.a.device), *b = byId.value(l.b.device);
            if (!a || !b || a->tier == b->tier || a->tier == SwitchTier::Mgmt || b->tier == SwitchTier::Mgmt)
                continue;
            const bool aLow = static_cast<int>(a->tier) < static_cast<int>(b->tier);
            P2p p{QString(), aLow ? a : b, aLow ? l.a.port : l.b.port, aLow ? b : a, aLow ? l.b.port : l.a.port};
            p.key = p.low->hostname + QLatin1Char(':') + p.lowPort.rightJustified(12, QLatin1Char('0'));
            links.push_back(p);
        }
        if (links.empty())
            return;
        std::sort(links.begin(), links.end(), [](const P2p &x, const P2p &y) { return x.key < y.key; });
        const auto subnet = Ipv4Subnet::parse(m_ip.p2pPool);
        if (!subnet)
            return;
        const QString pool = QStringLiteral("p2p ") + subnet->toString();
        const std::uint64_t capacity = subnet->size() / 2;
        if (links.size() > capacity)
            m_out.m_problems.push_back(
                {AddressProblem::Kind::PoolTooSmall,
                 pool,
                 {},
                 QStringLiteral("%1: %2 /31 links needed, %3 available").arg(pool).arg(links.size()).arg(capacity),
                 static_cast<double>(links.size()),
                 static_cast<double>(capacity)});
        for (std::size_t i = 0; i < links.size() && i < capacity; ++i) {
            const std::uint32_t base = subnet->network() + static_cast<std::uint32_t>(2 * i);
            m_out.add({links[i].low->id, links[i].low->hostname, QStringLiteral("p2p"), links[i].lowPort,
                       Ipv4Subnet::addressText(base) + QStringLiteral("/31"), pool});
            m_out.add({links[i].high->id, links[i].high->hostname, QStringLiteral("p2p"), links[i].highPort,
                       Ipv4Subnet::addressText(base + 1) + QStringLiteral("/31"), pool});
        }
    }

    // The same address given twice (two fixed addresses, or a fixed one on the gateway).
    void duplicates()
    {
        QHash<QString, QStringList> holders;
        for (const AddressAssignment &a : m_out.m_assignments)
            if (a.kind != QLatin1String("asn") && a.kind != QLatin1String("mlag-mac"))
                holders[addressWithoutPrefix(a.value)] << (a.device.isEmpty() ? a.hostname : a.device);
        QStringList keys = holders.keys();
        keys.sort();
        for (const QString &address : keys)
            if (holders.value(address).size() > 1)
                m_out.m_problems.push_back({AddressProblem::Kind::Overlap, address, holders.value(address),
                                            QStringLiteral("%1 is given to %2")
                                                .arg(address, holders.value(address).join(QStringLiteral(", ")))});
    }

    const ResolvedPlan &m_r;
    const SiteNetworkPlan m_ip;
    AddressPlan &m_out;
};

AddressPlan AddressPlan::build(const ResolvedPlan &plan)
{
    AddressPlan out;
    AddressPlanBuilder(plan, out).run();
    // Hostnames in natural order (cnode-2 before cnode-10), so the list reads as the racks do.
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    const auto natural = [](const QString &name) {
        QString key;
        qsizetype last = 0;
        auto it = digits.globalMatch(name);
        while (it.hasNext()) {
            const auto m = it.next();
            key += name.mid(last, m.capturedStart() - last) + m.captured(0).rightJustified(10, QLatin1Char('0'));
            last = m.capturedEnd();
        }
        return key + name.mid(last);
    };
    std::vector<std::pair<QString, AddressAssignment>> keyed;
    keyed.reserve(out.m_assignments.size());
    for (AddressAssignment &a : out.m_assignments)
        keyed.emplace_back(natural(a.hostname), std::move(a));
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    out.m_assignments.clear();
    for (auto &k : keyed)
        out.m_assignments.push_back(std::move(k.second));
    out.m_index.clear();
    for (std::size_t i = 0; i < out.m_assignments.size(); ++i) {
        const AddressAssignment &a = out.m_assignments[i];
        out.m_index.insert(a.device + QLatin1Char('|') + a.kind + QLatin1Char('|') + a.interface, i);
        if (!out.m_index.contains(a.device + QLatin1Char('|') + a.kind + QLatin1Char('|')))
            out.m_index.insert(a.device + QLatin1Char('|') + a.kind + QLatin1Char('|'), i);
    }
    return out;
}

void AddressPlan::add(const AddressAssignment &a)
{
    m_assignments.push_back(a);
}

QString AddressPlan::value(const QString &device, const QString &kind, const QString &interface) const
{
    const auto it = m_index.find(device + QLatin1Char('|') + kind + QLatin1Char('|') + interface);
    return it == m_index.end() ? QString() : m_assignments[*it].value;
}

QString AddressPlan::mlagPeerAddress(bool lowerOfPair)
{
    return lowerOfPair ? QStringLiteral("169.254.1.0/31") : QStringLiteral("169.254.1.1/31");
}

QString addressWithoutPrefix(const QString &address)
{
    const qsizetype slash = address.indexOf(QLatin1Char('/'));
    return slash < 0 ? address : address.left(slash);
}

} // namespace pp
