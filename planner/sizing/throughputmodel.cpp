#include "planner/sizing/throughputmodel.h"

#include <algorithm>

namespace pp {

ThroughputModel::PortSum ThroughputModel::portsOf(const DeviceType &type, PortPurpose purpose)
{
    PortSum sum;
    for (const PortGroup &g : type.ports) {
        if (g.purpose != purpose)
            continue;
        sum.count += g.names.isEmpty() ? g.count : static_cast<int>(g.names.size());
        if (sum.speedGbps == 0)
            sum.speedGbps = g.speedGbps;
    }
    return sum;
}

double ThroughputModel::linkGBps(int links, double speedGbps, double linkEfficiency)
{
    return links * speedGbps / 8.0 * linkEfficiency;
}

double ThroughputModel::cnodeGBps(double nominalGBps, double linkGBps, double efficiency)
{
    return std::min(nominalGBps, linkGBps) * efficiency;
}

ThroughputModel::Cluster ThroughputModel::cluster(double cnodesReadGBps, double cnodesWriteGBps, double dboxLinksGBps,
                                                  double ecEfficiency)
{
    Cluster c;
    const double dWrite = dboxLinksGBps * ecEfficiency; // parity strips travel too
    c.readGBps = std::min(cnodesReadGBps, dboxLinksGBps);
    c.readLimitedBy = cnodesReadGBps <= dboxLinksGBps ? QStringLiteral("C-nodes") : QStringLiteral("D-box links");
    c.writeGBps = std::min(cnodesWriteGBps, dWrite);
    c.writeLimitedBy = cnodesWriteGBps <= dWrite ? QStringLiteral("C-nodes") : QStringLiteral("D-box links");
    return c;
}

} // namespace pp
