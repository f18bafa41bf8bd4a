#pragma once

#include "exporters/common/exportcontext.h"

#include <QColor>
#include <vector>

namespace pp {

// Fill colour of a device role in every diagram (same palette as the GUI canvas).
QColor diagramRoleColor(Role role);
// Black or white, whichever reads better on the fill.
QColor diagramTextColor(const QColor &fill);

// One device as seen on one rack face.
struct DiagramDevice {
    QString id;
    QString hostname;
    QString model;
    QString typeId;
    Role role = Role::Other;
    int u = 0; // lowest unit; 0 for 0U items (drawn beside the rack)
    int heightU = 1;
    bool throughDepth = false; // mounted on the other face and full depth: seen from behind here
};

// One elevation: a rack seen from the front or the rear, with its title-block figures.
struct RackFaceDiagram {
    QString rackId;
    QString rackName;
    Face face = Face::Front;
    int heightU = 42;
    std::vector<DiagramDevice> devices; // rack-mounted, by U from the top down
    std::vector<DiagramDevice> zeroU;   // 0U items on this face (PDUs)
    int usedU = 0;
    double typicalW = 0;
    double maxW = 0;
    int devicesWithUnknownPower = 0;

    QString faceName() const; // "front" or "rear"
    QString title() const;    // "POC-A01 (R1), front"
};

// Everything the diagram writers draw: one face per page, racks in plan order, front then rear.
struct RackDiagramData {
    QString plan;
    QString customer;
    QString site;
    QString draftMark; // "DRAFT — N unresolved errors" or empty
    std::vector<RackFaceDiagram> faces;
};

RackDiagramData buildRackDiagrams(const ExportContext &context);

} // namespace pp
