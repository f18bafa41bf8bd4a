#include "planner/power/devicedraw.h"

namespace pp {

static bool drawsNothingByNature(const DeviceType &type)
{
    return type.role == Role::Cable || type.role == Role::Pdu || type.airflow == Airflow::Passive;
}

DeviceDraw deviceDraw(const DeviceType *type)
{
    DeviceDraw draw;
    if (!type)
        return draw;
    if (!type->typicalW.known() && !type->maxW.known()) {
        draw.known = drawsNothingByNature(*type);
        return draw;
    }
    draw.known = true;
    draw.typicalW = type->typicalW.valueOr(type->maxW.valueOr(0));
    draw.maxW = type->maxW.valueOr(draw.typicalW);
    return draw;
}

} // namespace pp
