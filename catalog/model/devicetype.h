#pragma once

#include "catalog/model/figure.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace pp {

enum class Role { CNode, DBox, Switch, Pdu, Cable, Other };
enum class PortPurpose { Data, Uplink, Isl, Mgmt, Bmc, Dpu };
enum class Airflow { Unknown, FrontToRear, RearToFront, Passive };

QString roleId(Role role); // "cnode", "dbox", ...
std::optional<Role> roleFromId(const QString &id);
QString roleDisplayName(Role role); // "C-node", "D-box", ...
QString purposeId(PortPurpose purpose);
std::optional<PortPurpose> purposeFromId(const QString &id);
QString airflowId(Airflow airflow);
std::optional<Airflow> airflowFromId(const QString &id);

// A run of identical ports: "swp{n}" × 64 at 800 Gbit/s, or an explicit list of names.
struct PortGroup {
    QString pattern;   // "{n}" is replaced by first, first+1, …
    QStringList names; // used instead of pattern when given
    int first = 1;
    int count = 1;
    double speedGbps = 0;
    QString media; // OSFP, QSFP-DD, QSFP112, QSFP28, RJ45
    PortPurpose purpose = PortPurpose::Data;
    bool roceCapable = false;
    QStringList breakouts; // "2x400", "4x200", … : how one port may be split
    int dpu = 0;           // for D-box DPU ports: which DPU (1-based), else 0
    QString source;        // where the port figures come from
    QString confidence;

    QString nameAt(int index) const; // index 0..count-1
};

// Splitting one port into lanes, e.g. "2x400" = 2 sub-ports of 400 Gbit/s.
struct Breakout {
    int lanes = 1;
    double laneSpeedGbps = 0;
    static std::optional<Breakout> parse(const QString &text);
};

// A port name resolved against a device type: which group, which port, and which breakout lane.
struct PortRef {
    const PortGroup *group = nullptr;
    int index = -1;   // port index within the group
    int lane = -1;    // -1 when the whole port is used; 0.. for "swp1s0"
    QString baseName; // the physical port name, "swp1" for "swp1s0"
    bool valid() const { return group != nullptr; }
};

struct PsuSpec {
    Figure count;
    QString connector; // device inlet: C14 or C20
    Figure ratingW;
};

struct PduOutletGroup {
    QString connector; // outlet: C13 or C19
    Figure count;
};

struct PduSpec {
    Figure voltageV;
    Figure phases;
    Figure amps;
    std::vector<PduOutletGroup> outlets;
};

// Throughput of a storage node at one read/write mix (readPct = 100 is pure read).
struct MixThroughput {
    int readPct = 100;
    Figure totalGBps;
};

struct StorageSpec {
    Figure driveCount;
    Figure driveSizeTB;
    Figure rawTB;
    Figure vendorUsableTB; // the vendor tool's per-box usable figure, for comparison only
    Figure dpuCount;
    QString dpuModel;
};

struct CableSpec {
    QString kind;         // dac, aoc, breakout-dac, breakout-aoc, transceiver, fibre, copper
    double speedGbps = 0; // per leg
    int legs = 1;         // 2 for a 400G→2×200G breakout
    QString media;
    std::vector<double> stockLengthsM;
    Figure maxLengthM;
    Figure powerWPerEnd;
};

// A serial console port, kept from NetBox imports so that the type can be pushed back unchanged.
struct ConsolePort {
    QString name;
    QString type; // NetBox type slug, e.g. rj-45
};

// A slot for a module (often a PSU in NetBox files): name and position.
struct ModuleBay {
    QString name;
    QString position;
};

// One kind of hardware in the catalog, with every figure's source.
struct DeviceType {
    QString id;
    QString vendor;
    QString model;
    QString partNumber;
    QString description;
    Role role = Role::Other;
    int uHeight = 1; // 0 for 0U PDUs and cables
    bool fullDepth = true;
    Figure depthMM;
    Airflow airflow = Airflow::Unknown;
    Figure weightKg;
    Figure typicalW;
    Figure maxW;
    PsuSpec psu;
    std::vector<PortGroup> ports;
    StorageSpec storage;
    std::vector<MixThroughput> throughput;
    Figure writeBurstGBps;
    PduSpec pdu;
    CableSpec cable;
    std::vector<ConsolePort> consolePorts;
    std::vector<ModuleBay> moduleBays;

    QString layer; // built-in, user, fetched: where this definition came from
    QString originFile;

    PortRef resolvePort(const QString &name) const;
    int portCount(PortPurpose purpose) const;
    bool isRackMounted() const { return role != Role::Cable && uHeight > 0; }
    QStringList allPortNames() const;
    // Nominal throughput at a read percentage, interpolated between catalog mix points.
    std::optional<double> throughputGBpsAt(double readPct) const;
};

} // namespace pp
