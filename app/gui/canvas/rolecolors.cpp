#include "rolecolors.h"

namespace pp::gui {

QColor roleColor(Role role)
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

} // namespace pp::gui
