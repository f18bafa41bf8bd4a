#include "exporters/diagrams/rackdiagramdata.h"

#include <algorithm>

namespace pp {

QColor diagramRoleColor(Role role)
{
    switch (role) {
    case Role::CNode:
        return QColor(0x4e, 0x79, 0xa7);
    case Role::DBox:
        return QColor(0x59, 0xa1, 0x4f);
    case Role::Switch:
        return QColor(0xf2, 0x8e, 0x2b);
    case Role::Pdu:
        return QColor(0x9c, 0x75, 0x5f);
    case Role::Cable:
        return QColor(0xba, 0xb0, 0xac);
    case Role::Other:
        break;
    }
    return QColor(0x79, 0x70, 0x6e);
}

QColor diagramTextColor(const QColor &fill)
{
    const double luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return luminance > 0.55 ? QColor(0x1b, 0x1b, 0x1b) : QColor(Qt::white);
}

QString RackFaceDiagram::faceName() const
{
    return face == Face::Front ? QStringLiteral("front") : QStringLiteral("rear");
}

QString RackFaceDiagram::title() const
{
    const QString name =
        rackName.isEmpty() || rackName == rackId ? rackId : QStringLiteral("%1 (%2)").arg(rackName, rackId);
    return QStringLiteral("%1, %2").arg(name, faceName());
}

RackDiagramData buildRackDiagrams(const ExportContext &context)
{
    const ResolvedPlan &resolved = context.resolved();
    const Plan &plan = context.plan();
    RackDiagramData data;
    data.plan = plan.name;
    data.customer = plan.customer;
    data.site = context.site().name.isEmpty() ? context.site().id : context.site().name;
    data.draftMark = context.draftMark();
    const PlanSummary &summary = context.summary();
    data.faces.reserve(plan.racks.size() * 2);
    for (std::size_t r = 0; r < plan.racks.size(); ++r) {
        const Rack &rack = plan.racks[r];
        for (Face face : {Face::Front, Face::Rear}) {
            RackFaceDiagram f;
            f.rackId = rack.id;
            f.rackName = rack.name;
            f.face = face;
            f.heightU = rack.heightU;
            if (r < summary.racks.size()) {
                f.usedU = summary.racks[r].usedU;
                f.typicalW = summary.racks[r].typicalW;
                f.maxW = summary.racks[r].maxW;
                f.devicesWithUnknownPower = summary.racks[r].devicesWithUnknownPower;
            }
            for (int i : resolved.devicesInRack(static_cast<int>(r))) {
                const Device &d = plan.devices[static_cast<std::size_t>(i)];
                const DeviceType *type = resolved.typeOf(static_cast<std::size_t>(i));
                DiagramDevice dd;
                dd.id = d.id;
                dd.hostname = d.hostname.isEmpty() ? d.id : d.hostname;
                dd.typeId = d.type;
                dd.model = type ? type->model : d.type;
                dd.role = type ? type->role : Role::Other;
                dd.u = d.u;
                dd.heightU = type ? type->uHeight : 1;
                const bool zeroU = d.u <= 0 || dd.heightU <= 0;
                if (zeroU) {
                    if (d.face == face)
                        f.zeroU.push_back(dd);
                    continue;
                }
                if (d.face != face) {
                    if (!type || !type->fullDepth)
                        continue;
                    dd.throughDepth = true;
                }
                f.devices.push_back(dd);
            }
            std::stable_sort(f.devices.begin(), f.devices.end(), [](const DiagramDevice &a, const DiagramDevice &b) {
                return a.u + a.heightU > b.u + b.heightU;
            });
            data.faces.push_back(std::move(f));
        }
    }
    return data;
}

} // namespace pp
