#pragma once

#include "catalog/io/jsonfields.h"

#include <QString>

namespace pp {

// What a site offers: power, feeds, cooling, rack and network limits. Figures are the site's own.
struct SiteProfile {
    QString id;
    QString name;
    QString description;

    struct Feeds {
        double voltageV = 415;
        int phases = 3;
        double amps = 32;
        double deratePct = 80;
        QString redundancy = QStringLiteral("A+B"); // "A+B" or "single"
        int feedsPerRack = 2;
        // Usable watts of one feed: V × A (× √3 for three-phase) × derate.
        double capacityW() const;
    };
    struct Power {
        double budgetKW = 0;
        double rackLimitKW = 0;
        Feeds feeds;
    } power;

    struct Cooling {
        QString type = QStringLiteral("air"); // air or liquid
        double rackLimitKW = 0;
        double totalKW = 0;
        double airDensityLimitKW = 0; // above this per rack, plain air cooling is impractical
        double inletC = 0;
    } cooling;

    struct Rack {
        int heightU = 42;
        double widthMM = 600;
        double depthMM = 1200;
        double maxStaticKg = 0; // 0 = unknown
    } rack;

    struct Network {
        double uplinkSpeedGbps = 400;
        int uplinksRequired = 2;
        bool roceRequired = true;
        bool pfc = true;
        bool ecn = true;
        bool vendorSwitching = true;
        QString vlanNotes;
    } network;

    Json raw; // the profile as read, so that plan overrides can be merge-patched over it

    static SiteProfile fromJson(const Json &doc, const QString &path = QString());
    Json toJson() const;
};

} // namespace pp
