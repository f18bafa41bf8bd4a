#include "exporters/netbox/netboxcsvwriter.h"

#include "exporters/common/textescape.h"

namespace pp {

using textescape::csvRecord;
using textescape::number;

static QString siteName(const ExportContext &c)
{
    return c.site().name.isEmpty() ? c.site().id : c.site().name;
}

static QString rackName(const Rack &r)
{
    return r.name.isEmpty() ? r.id : r.name;
}

static QString deviceName(const Device &d)
{
    return d.hostname.isEmpty() ? d.id : d.hostname;
}

static QString netboxRole(Role role)
{
    switch (role) {
    case Role::CNode:
        return QStringLiteral("Storage C-node");
    case Role::DBox:
        return QStringLiteral("Storage D-box");
    case Role::Switch:
        return QStringLiteral("Switch");
    case Role::Pdu:
        return QStringLiteral("PDU");
    case Role::Cable:
        return QStringLiteral("Cable");
    case Role::Other:
        break;
    }
    return QStringLiteral("Other");
}

static QString netboxAirflow(Airflow a)
{
    switch (a) {
    case Airflow::FrontToRear:
        return QStringLiteral("front-to-rear");
    case Airflow::RearToFront:
        return QStringLiteral("rear-to-front");
    case Airflow::Passive:
        return QStringLiteral("passive");
    case Airflow::Unknown:
        break;
    }
    return QString();
}

QString NetboxCsvWriter::netboxCableType(const QString &kind)
{
    if (kind == QLatin1String("dac") || kind == QLatin1String("breakout-dac"))
        return QStringLiteral("dac-passive");
    if (kind == QLatin1String("aoc") || kind == QLatin1String("breakout-aoc"))
        return QStringLiteral("aoc");
    if (kind == QLatin1String("fibre"))
        return QStringLiteral("mmf-om4");
    if (kind == QLatin1String("copper"))
        return QStringLiteral("cat6");
    return QString();
}

QByteArray NetboxCsvWriter::racks(const ExportContext &c)
{
    QString out =
        csvRecord({QStringLiteral("site"), QStringLiteral("location"), QStringLiteral("name"), QStringLiteral("status"),
                   QStringLiteral("role"), QStringLiteral("form_factor"), QStringLiteral("width"),
                   QStringLiteral("u_height"), QStringLiteral("airflow"), QStringLiteral("max_weight"),
                   QStringLiteral("weight_unit"), QStringLiteral("facility_id"), QStringLiteral("description")});
    const SiteProfile &site = c.site();
    for (const Rack &r : c.plan().racks) {
        out += csvRecord({siteName(c), QString(), rackName(r), QStringLiteral("planned"), QStringLiteral("AI-Storage"),
                          QStringLiteral("4-post-cabinet"), QStringLiteral("19"), QString::number(r.heightU),
                          QStringLiteral("front-to-rear"),
                          site.rack.maxStaticKg > 0 ? number(site.rack.maxStaticKg, 1) : QString(),
                          site.rack.maxStaticKg > 0 ? QStringLiteral("kg") : QString(), r.id, c.plan().name});
    }
    return out.toUtf8();
}

QByteArray NetboxCsvWriter::devices(const ExportContext &c)
{
    QString out = csvRecord({QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("manufacturer"),
                             QStringLiteral("device_type"), QStringLiteral("status"), QStringLiteral("site"),
                             QStringLiteral("location"), QStringLiteral("rack"), QStringLiteral("position"),
                             QStringLiteral("face"), QStringLiteral("airflow"), QStringLiteral("description")});
    const Plan &plan = c.plan();
    for (std::size_t i = 0; i < plan.devices.size(); ++i) {
        const Device &d = plan.devices[i];
        const DeviceType *type = c.resolved().typeOf(i);
        if (!type || type->role == Role::Cable)
            continue;
        const Rack *rack = plan.findRack(d.rack);
        const bool mounted = rack && d.u > 0 && type->uHeight > 0;
        out += csvRecord(
            {deviceName(d), netboxRole(type->role), type->vendor, type->model, QStringLiteral("planned"), siteName(c),
             QString(), rack ? rackName(*rack) : QString(), mounted ? QString::number(d.u) : QString(),
             mounted ? (d.face == Face::Front ? QStringLiteral("front") : QStringLiteral("rear")) : QString(),
             netboxAirflow(type->airflow), d.id});
    }
    return out.toUtf8();
}

QByteArray NetboxCsvWriter::cables(const ExportContext &c)
{
    QString out = csvRecord(
        {QStringLiteral("side_a_site"), QStringLiteral("side_a_device"), QStringLiteral("side_a_type"),
         QStringLiteral("side_a_name"), QStringLiteral("side_b_site"), QStringLiteral("side_b_device"),
         QStringLiteral("side_b_type"), QStringLiteral("side_b_name"), QStringLiteral("type"), QStringLiteral("status"),
         QStringLiteral("label"), QStringLiteral("length"), QStringLiteral("length_unit")});
    const QString site = siteName(c);
    for (const Link &l : c.plan().links) {
        const Device *a = c.resolved().device(l.a.device);
        const Device *b = c.resolved().device(l.b.device);
        const DeviceType *cable = c.catalog().deviceType(l.cable);
        out += csvRecord({site, a ? deviceName(*a) : l.a.device, QStringLiteral("dcim.interface"), l.a.port, site,
                          b ? deviceName(*b) : l.b.device, QStringLiteral("dcim.interface"), l.b.port,
                          cable ? netboxCableType(cable->cable.kind) : QString(), QStringLiteral("planned"), l.label,
                          l.lengthM > 0 ? number(l.lengthM, 2) : QString(),
                          l.lengthM > 0 ? QStringLiteral("m") : QString()});
    }
    return out.toUtf8();
}

QByteArray NetboxCsvWriter::powerFeeds(const ExportContext &c)
{
    QString out =
        csvRecord({QStringLiteral("site"), QStringLiteral("power_panel"), QStringLiteral("rack"),
                   QStringLiteral("name"), QStringLiteral("status"), QStringLiteral("type"), QStringLiteral("supply"),
                   QStringLiteral("phase"), QStringLiteral("voltage"), QStringLiteral("amperage"),
                   QStringLiteral("max_utilization"), QStringLiteral("description")});
    const SiteProfile::Feeds &f = c.site().power.feeds;
    const bool redundant = f.redundancy == QLatin1String("A+B");
    const int perRack = std::max(1, f.feedsPerRack);
    for (const Rack &r : c.plan().racks) {
        for (int i = 0; i < perRack; ++i) {
            const QChar letter = QChar(QLatin1Char('A').unicode() + i);
            // NetBox marks the second feed of an A+B pair "redundant"; the panel names are placeholders for the site's own.
            out += csvRecord({siteName(c), QStringLiteral("PP-%1").arg(letter), rackName(r),
                              QStringLiteral("%1-Feed%2").arg(rackName(r)).arg(letter), QStringLiteral("planned"),
                              redundant && i % 2 == 1 ? QStringLiteral("redundant") : QStringLiteral("primary"),
                              QStringLiteral("ac"),
                              f.phases == 3 ? QStringLiteral("three-phase") : QStringLiteral("single-phase"),
                              number(f.voltageV, 0), number(f.amps, 0), number(f.deratePct, 0),
                              QStringLiteral("usable %1 kW after derating").arg(number(f.capacityW() / 1000.0, 2))});
        }
    }
    return out.toUtf8();
}

std::vector<NetboxCsvWriter::File> NetboxCsvWriter::write(const ExportContext &c)
{
    return {{QStringLiteral("racks.csv"), racks(c)},
            {QStringLiteral("devices.csv"), devices(c)},
            {QStringLiteral("power-feeds.csv"), powerFeeds(c)},
            {QStringLiteral("cables.csv"), cables(c)}};
}

} // namespace pp
