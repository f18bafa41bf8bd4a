#include "planner/templates/generatedplan.h"

namespace pp {

static void addLink(Plan &plan, const QString &a, const QString &b, const QString &cable, double lengthM)
{
    Link l;
    Endpoint::parse(a, l.a);
    Endpoint::parse(b, l.b);
    l.cable = cable;
    l.lengthM = lengthM;
    l.label = a + QStringLiteral("--") + b;
    plan.links.push_back(std::move(l));
}

Plan generatePlan(int rackCount)
{
    constexpr int kCNodes = 8;
    constexpr int kDBoxes = 7;
    Plan plan;
    plan.name = QStringLiteral("Generated plan, %1 racks").arg(rackCount);
    plan.site.profile = QStringLiteral("customer-lab-poc");
    plan.racks.reserve(static_cast<std::size_t>(rackCount));
    plan.devices.reserve(static_cast<std::size_t>(rackCount) * 20);
    plan.links.reserve(static_cast<std::size_t>(rackCount) * 50);
    const QStringList bothFeeds{QStringLiteral("A"), QStringLiteral("B")};
    for (int r = 0; r < rackCount; ++r) {
        const QString rack = QStringLiteral("R%1").arg(r + 1);
        plan.racks.push_back(
            Rack{rack, QStringLiteral("ROW%1-%2").arg(r / 20 + 1).arg(r % 20 + 1), 42, r / 20 + 1, r % 20 + 1});
        const auto add = [&](const QString &suffix, const QString &type, int u, QStringList feeds,
                             Face face = Face::Front) {
            const QString id = rack + QLatin1Char('-') + suffix;
            plan.devices.push_back(Device{id, type, rack, u, face, id.toLower(), std::move(feeds)});
            return id;
        };
        const QString mgmt = add(QStringLiteral("oob"), QStringLiteral("sw-sn2201"), 42, bothFeeds);
        const QString leafA = add(QStringLiteral("leafa"), QStringLiteral("sw-sn5400"), 40, bothFeeds);
        const QString leafB = add(QStringLiteral("leafb"), QStringLiteral("sw-sn5400"), 38, bothFeeds);
        add(QStringLiteral("pdua"), QStringLiteral("pdu-415v-32a-3ph"), 0, {}, Face::Rear);
        add(QStringLiteral("pdub"), QStringLiteral("pdu-415v-32a-3ph"), 0, {}, Face::Rear);
        int mgmtPort = 1;
        // 200 GbE node ports land on breakout lanes of the 400 GbE leaf ports: swp1s0, swp1s1, swp2s0, …
        int leafPort = 0;
        const auto lane = [](int n) { return QStringLiteral("swp%1s%2").arg(n / 2 + 1).arg(n % 2); };
        for (int i = 0; i < kCNodes; ++i) {
            const QString cn = add(QStringLiteral("cn%1").arg(i + 1), QStringLiteral("cnode-turin"), 20 + i, bothFeeds);
            addLink(plan, cn + QStringLiteral(":p1"), leafA + QLatin1Char(':') + lane(leafPort),
                    QStringLiteral("dac-400g-2x200g"), 1.5);
            addLink(plan, cn + QStringLiteral(":p2"), leafB + QLatin1Char(':') + lane(leafPort),
                    QStringLiteral("dac-400g-2x200g"), 1.5);
            addLink(plan, cn + QStringLiteral(":bmc"), mgmt + QStringLiteral(":swp%1").arg(mgmtPort++),
                    QStringLiteral("cat6-1g"), 2.0);
            ++leafPort;
        }
        for (int i = 0; i < kDBoxes; ++i) {
            const QString db =
                add(QStringLiteral("db%1").arg(i + 1), QStringLiteral("dbox-ceres-1350"), 2 + i * 2, bothFeeds);
            // 2.5 m: from U2 to the leaf at U40 the run is 2.19 m with the default policy's slack.
            for (int dpu = 1; dpu <= 2; ++dpu) {
                addLink(plan, db + QStringLiteral(":dpu%1-p1").arg(dpu), leafA + QLatin1Char(':') + lane(leafPort),
                        QStringLiteral("dac-400g-2x200g"), 2.5);
                addLink(plan, db + QStringLiteral(":dpu%1-p2").arg(dpu), leafB + QLatin1Char(':') + lane(leafPort),
                        QStringLiteral("dac-400g-2x200g"), 2.5);
                ++leafPort;
            }
            addLink(plan, db + QStringLiteral(":bmc1"), mgmt + QStringLiteral(":swp%1").arg(mgmtPort++),
                    QStringLiteral("cat6-1g"), 3.0);
        }
        addLink(plan, leafA + QStringLiteral(":swp63"), leafB + QStringLiteral(":swp63"), QStringLiteral("dac-400g"),
                1.0);
        addLink(plan, leafA + QStringLiteral(":swp64"), leafB + QStringLiteral(":swp64"), QStringLiteral("dac-400g"),
                1.0);
        plan.uplinks.push_back(Uplink{leafA, QStringLiteral("swp61"), 400});
        plan.uplinks.push_back(Uplink{leafB, QStringLiteral("swp61"), 400});
    }
    return plan;
}

} // namespace pp
