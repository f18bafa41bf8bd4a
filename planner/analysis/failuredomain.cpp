#include "planner/analysis/failuredomain.h"

namespace pp {

QString failureKindId(FailureKind kind)
{
    switch (kind) {
    case FailureKind::SiteFeed:
        return QStringLiteral("site-feed");
    case FailureKind::RackFeed:
        return QStringLiteral("rack-feed");
    case FailureKind::Pdu:
        return QStringLiteral("pdu");
    case FailureKind::LeafSwitch:
        return QStringLiteral("leaf");
    case FailureKind::SpineSwitch:
        return QStringLiteral("spine");
    case FailureKind::MgmtSwitch:
        return QStringLiteral("mgmt-switch");
    case FailureKind::LeafPair:
        return QStringLiteral("leaf-pair");
    case FailureKind::Rack:
        return QStringLiteral("rack");
    case FailureKind::CNode:
        return QStringLiteral("cnode");
    case FailureKind::DBox:
        return QStringLiteral("dbox");
    case FailureKind::Dpu:
        return QStringLiteral("dpu");
    case FailureKind::Uplink:
        return QStringLiteral("uplink");
    case FailureKind::Device:
        return QStringLiteral("device");
    case FailureKind::Group:
        return QStringLiteral("group");
    }
    return QString();
}

} // namespace pp
