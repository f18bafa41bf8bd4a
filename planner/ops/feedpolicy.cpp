#include "planner/ops/feedpolicy.h"

namespace pp::ops {

QStringList defaultPsuFeeds(const DeviceType &type)
{
    const int psus = static_cast<int>(type.psu.count.valueOr(type.role == Role::Pdu ? 0 : 2));
    QStringList feeds;
    for (int i = 0; i < psus; ++i)
        feeds << (i % 2 == 0 ? QStringLiteral("A") : QStringLiteral("B"));
    return feeds;
}

} // namespace pp::ops
