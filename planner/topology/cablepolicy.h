#pragma once

#include "catalog/io/jsonfields.h"
#include "catalog/io/loaderror.h"

#include <QString>
#include <map>
#include <vector>

namespace pp {

// Which kind of run a link is, so that a policy can treat node links and ISLs differently.
enum class LinkClass { Node, Isl, Fabric, Mgmt };
QString linkClassId(LinkClass linkClass); // "node", "isl", "fabric", "mgmt"

// One allowed cable kind for a link class, tried in order: "dac", "aoc", "optics"
// (transceivers + fibre) or "copper", with the conditions under which it may be used.
struct CableChoice {
    QString kind;
    bool sameRackOnly = false;
    double maxLengthM = 0; // 0 = no limit beyond the cable's stock lengths
};

// How cables are chosen and measured: configurable per site or vendor, read from
// resources/cabling/*.json or a user file. Figures are planning defaults unless a source says more.
struct CablePolicy {
    QString id;
    QString name;
    QString description;
    QString originFile;

    double rackUnitMM = 44.45;
    double rackPitchMM = 600;    // centre to centre of neighbouring racks in a row
    double rowPitchMM = 2400;    // centre to centre of neighbouring rows
    double trayAboveRackM = 0.3; // from the rack top to the overhead tray
    double slackM = 0.5;
    int islLinks = 2;
    double oversubscription = 1.0; // leaf downlink bandwidth : uplink bandwidth
    std::map<LinkClass, std::vector<CableChoice>> classes;

    const std::vector<CableChoice> &choices(LinkClass linkClass) const;

    static CablePolicy fromJson(const Json &doc, const QString &path = QString()); // throws FieldError
    static bool loadFile(const QString &fileName, CablePolicy &policy, LoadError *error);
    static bool loadData(const QByteArray &data, const QString &fileName, CablePolicy &policy, LoadError *error);

    // The policies in resources/cabling, by id, in id order.
    static const std::vector<CablePolicy> &builtIns();
    static const CablePolicy *builtIn(const QString &id);
    static const CablePolicy &defaultPolicy();
};

// Which switch ports serve nodes, site uplinks and ISLs (1-based port numbers of the data group).
struct SwitchPortPlan {
    int ports = 0;
    int nodesFirst = 0, nodesLast = 0;
    int uplinksFirst = 0, uplinksLast = 0;
    int islFirst = 0, islLast = 0;
    int mtu = 9216;

    // The plan from resources/cabling/switch-port-plans.json for that port count, or the same
    // shape (4 ISL ports on top, 2 uplinks below) for other counts.
    static SwitchPortPlan forPortCount(int ports);
};

} // namespace pp
