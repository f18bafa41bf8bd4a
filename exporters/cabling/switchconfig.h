#pragma once

#include "catalog/io/loaderror.h"
#include "planner/model/resolvedplan.h"

#include <QByteArray>
#include <QStringList>
#include <map>
#include <vector>

namespace pp {

struct SwitchConfigPort {
    QString port;
    QString description; // the far end and the cable label, from the cable plan
    double speedGbps = 0;
};

struct SwitchBreakout {
    QString port; // the physical port, "swp1"
    int lanes = 0;
    double laneSpeedGbps = 0;
};

// What one switch's configuration needs, gathered from the plan's links and uplinks.
struct SwitchConfigData {
    QString device;
    QString hostname;
    QString vendor;
    QString model;
    QString plan;
    bool roce = false; // a RoCE data switch on a site that requires RoCE
    std::vector<SwitchBreakout> breakouts;
    std::vector<SwitchConfigPort> nodePorts;
    std::vector<SwitchConfigPort> mgmtPorts; // management/BMC ports of other devices
    std::vector<SwitchConfigPort> oobPorts;  // the switch's own management interface (eth0)
    std::vector<SwitchConfigPort> fabricPorts;
    std::vector<SwitchConfigPort> uplinks;
    std::vector<SwitchConfigPort> islPorts;
    QString peer; // MLAG peer hostname
    int mlagPriority = 1000;
};

// One entry per switch in the plan that has at least one link or uplink, in plan order.
std::vector<SwitchConfigData> buildSwitchConfigs(const ResolvedPlan &plan);

// A vendor's configuration template from resources/switch-config/<id>.json: lines per section
// with {placeholders}, and the settings (MTU, VLANs, PFC priority) they refer to.
struct SwitchConfigTemplate {
    QString id;
    QString vendor;
    QString os;
    QString fileSuffix;
    std::map<QString, QString> settings;
    std::map<QString, QStringList> sections;

    static QStringList builtInIds();
    static bool loadBuiltIn(const QString &id, SwitchConfigTemplate &out, LoadError *error);
    static bool loadData(const QByteArray &data, const QString &fileName, SwitchConfigTemplate &out, LoadError *error);
    // The built-in template for a switch vendor ("NVIDIA" → nvue, "Arista" → eos), if any.
    static QString idForVendor(const QString &vendor);
};

QByteArray writeSwitchConfig(const SwitchConfigData &data, const SwitchConfigTemplate &tmpl);

} // namespace pp
