#pragma once

#include "catalog/io/jsonfields.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace pp {

enum class Face { Front, Rear };

struct Rack {
    QString id;
    QString name;
    int heightU = 42;
    int row = 0; // floor position: row and slot in the row, for cable lengths
    int position = 0;
};

struct Device {
    QString id;
    QString type; // catalog device-type id
    QString rack; // rack id; empty for loose items (cables, spares)
    int u = 0;    // lowest rack unit occupied, 1 = bottom; 0 for 0U items
    Face face = Face::Front;
    QString hostname;
    QStringList psuFeeds; // one entry per PSU: "A" or "B"
};

// A port on a device, written "device:port".
struct Endpoint {
    QString device;
    QString port;
    QString toString() const { return device + QLatin1Char(':') + port; }
    static bool parse(const QString &text, Endpoint &out);
    bool operator==(const Endpoint &o) const { return device == o.device && port == o.port; }
};

struct Link {
    Endpoint a;
    Endpoint b;
    QString cable;      // catalog cable id
    double lengthM = 0; // 0 = not yet chosen
    QString label;
    bool manual = false; // made by hand; the auto-cabler keeps it
};

struct Uplink {
    QString device;
    QString port;
    double speedGbps = 0;
};

// An accepted exception to a rule for one subject, with the reason (like an EDA exclusion).
struct Waiver {
    QString rule;
    QString subject;
    QString reason;
};

struct SiteRef {
    QString profile;
    Json overrides = Json::object(); // JSON merge patch (RFC 7396) over the profile
};

// A deployment design: the site, the racks with their devices, the cabling, and accepted waivers.
struct Plan {
    static constexpr int kFormatVersion = 1;

    QString name;
    QString customer;
    QString track = QStringLiteral("lab"); // lab, azure-dedicated, customer-hardware
    SiteRef site;
    std::vector<Rack> racks;
    std::vector<Device> devices;
    std::vector<Link> links;
    std::vector<Uplink> uplinks;
    std::vector<Waiver> waivers;

    const Rack *findRack(const QString &id) const;
    Rack *findRack(const QString &id);
    const Device *findDevice(const QString &id) const;
    Device *findDevice(const QString &id);
    int deviceIndex(const QString &id) const;
    int rackIndex(const QString &id) const;
    // A fresh id with the given prefix that no device (or rack) uses yet: "cn4".
    QString unusedDeviceId(const QString &prefix) const;
    QString unusedRackId() const;
};

QStringList knownTracks();

} // namespace pp
