#include "exporters/bom/bomdelta.h"

#include "exporters/common/textescape.h"

#include <QTextStream>
#include <map>

namespace pp {

QString BomDeltaLine::action() const
{
    if (section == BomSection::CablesToChoose)
        return change() > 0 ? QStringLiteral("choose") : QStringLiteral("chosen");
    return change() > 0 ? QStringLiteral("order") : QStringLiteral("return");
}

QString BomDeltaLine::partText() const
{
    if (section == BomSection::CablesToChoose)
        return QStringLiteral("%1 (now %2)")
            .arg(bomSectionTitle(section), typeId.isEmpty() ? QStringLiteral("no cable") : typeId);
    return vendor + QLatin1Char(' ') + model;
}

namespace {

QString lineKey(const BomLine &l)
{
    return QStringLiteral("%1|%2|%3")
        .arg(static_cast<int>(l.section))
        .arg(l.typeId, l.lengthM ? textescape::number(*l.lengthM) : QString());
}

const DeviceType *typeOfEntry(const ExportContext &before, const ExportContext &after, const DiffEntry &e)
{
    if (const Device *d = after.plan().findDevice(e.key))
        return after.catalog().deviceType(d->type);
    if (const Device *d = before.plan().findDevice(e.key))
        return before.catalog().deviceType(d->type);
    return nullptr;
}

// Which failure drills (runbook section "Failure drills") a change invalidates, and why.
QStringList drillsFor(const ExportContext &before, const ExportContext &after, const DiffReport &report)
{
    bool switches = false;
    bool power = false;
    bool dboxes = false;
    bool cnodes = false;
    bool wan = false;
    for (const DiffEntry &e : report.entries) {
        if (e.kind == QLatin1String("uplink"))
            wan = true;
        if (e.kind == QLatin1String("link")) {
            for (const QString &end : e.key.split(QStringLiteral(" <-> "))) {
                const QString device = end.section(QLatin1Char(':'), 0, 0);
                const DiffEntry probe{QStringLiteral("device"), device, {}, {}, {}, {}};
                if (const DeviceType *t = typeOfEntry(before, after, probe)) {
                    switches = switches || t->role == Role::Switch;
                    dboxes = dboxes || t->role == Role::DBox;
                    cnodes = cnodes || t->role == Role::CNode;
                }
            }
        }
        if (e.kind != QLatin1String("device"))
            continue;
        const DeviceType *t = typeOfEntry(before, after, e);
        if (!t)
            continue;
        power = power || e.change != QLatin1String("renamed");
        switches = switches || t->role == Role::Switch;
        dboxes = dboxes || t->role == Role::DBox;
        cnodes = cnodes || t->role == Role::CNode;
    }
    QStringList drills;
    if (switches)
        drills << QStringLiteral("Lose a switch: switches or their cabling changed");
    if (power)
        drills << QStringLiteral("Lose a power feed: the devices on the feeds changed");
    if (dboxes)
        drills << QStringLiteral("Lose a D-box path: D-boxes or their DPU cabling changed");
    if (cnodes)
        drills << QStringLiteral("Lose a C-node: C-nodes or their cabling changed");
    if (wan)
        drills << QStringLiteral("Lose the WAN: the site uplinks changed");
    return drills;
}

QString lengthText(const std::optional<double> &m)
{
    return m ? textescape::number(*m) + QStringLiteral(" m") : QString();
}

} // namespace

BomDelta buildBomDelta(const ExportContext &before, const ExportContext &after, const DiffReport &report,
                       const QString &sinceName)
{
    BomDelta d;
    d.plan = after.plan().name;
    d.since = sinceName;
    const BomData a = buildBom(before);
    const BomData b = buildBom(after);
    std::vector<QString> order;
    std::map<QString, BomDeltaLine> lines;
    for (const auto &[bom, isAfter] : {std::pair{&a, false}, std::pair{&b, true}})
        for (const BomLine &l : bom->lines) {
            const QString key = lineKey(l);
            auto it = lines.find(key);
            if (it == lines.end()) {
                order.push_back(key);
                it = lines.emplace(key, BomDeltaLine{l.section, l.typeId, l.vendor, l.model, l.partNumber, l.lengthM})
                         .first;
            }
            (isAfter ? it->second.after : it->second.before) += l.quantity;
        }
    for (const QString &key : order)
        if (lines[key].change() != 0)
            d.lines.push_back(lines[key]);
    std::stable_sort(d.lines.begin(), d.lines.end(),
                     [](const BomDeltaLine &x, const BomDeltaLine &y) { return x.section < y.section; });
    for (const QString &change :
         {QStringLiteral("removed"), QStringLiteral("re-cabled"), QStringLiteral("added"), QStringLiteral("changed")})
        for (const DiffEntry &e : report.entries)
            if (e.kind == QLatin1String("link") && e.change == change)
                d.cabling.push_back(e);
    for (const DiffEntry &e : report.entries) {
        if (e.kind != QLatin1String("device"))
            continue;
        if (e.change == QLatin1String("added"))
            d.ship.push_back(e);
        else if (e.change == QLatin1String("removed"))
            d.retire.push_back(e);
        else if (e.change == QLatin1String("moved"))
            d.move.push_back(e);
    }
    d.drills = drillsFor(before, after, report);
    return d;
}

QByteArray BomDeltaWriter::csv(const BomDelta &delta)
{
    using textescape::csvRecord;
    QString out = csvRecord({QStringLiteral("action"), QStringLiteral("section"), QStringLiteral("type"),
                             QStringLiteral("vendor"), QStringLiteral("model"), QStringLiteral("part number"),
                             QStringLiteral("length m"), QStringLiteral("quantity"), QStringLiteral("before"),
                             QStringLiteral("after")});
    for (const BomDeltaLine &l : delta.lines)
        out += csvRecord({l.action(), bomSectionId(l.section), l.typeId, l.vendor, l.model, l.partNumber,
                          l.lengthM ? textescape::number(*l.lengthM) : QString(), QString::number(std::abs(l.change())),
                          QString::number(l.before), QString::number(l.after)});
    return out.toUtf8();
}

QByteArray BomDeltaWriter::markdown(const BomDelta &delta)
{
    using textescape::markdownCell;
    QString buffer;
    QTextStream out(&buffer);
    out << "# Change: " << markdownCell(delta.plan) << "\n\nSince " << markdownCell(delta.since) << ".\n";
    out << "\n## Parts to order and return\n\n";
    if (delta.lines.empty())
        out << "No part changes quantity.\n";
    else
        out << "| action | quantity | part | part number | length | before | after |\n|---|---|---|---|---|---|---|\n";
    for (const BomDeltaLine &l : delta.lines)
        out << "| " << l.action() << " | " << std::abs(l.change()) << " | " << markdownCell(l.partText()) << " | "
            << markdownCell(l.partNumber) << " | " << lengthText(l.lengthM) << " | " << l.before << " | " << l.after
            << " |\n";
    const auto deviceList = [&out](const char *title, const char *none, const std::vector<DiffEntry> &list,
                                   bool fromTo) {
        out << "\n## " << title << "\n\n";
        if (list.empty())
            out << none << "\n";
        for (const DiffEntry &e : list) {
            out << "- [ ] " << markdownCell(e.hostname.isEmpty() ? e.key : e.hostname) << " (" << markdownCell(e.key)
                << "): ";
            if (fromTo)
                out << markdownCell(e.before) << " → " << markdownCell(e.after);
            else
                out << markdownCell(e.after.isEmpty() ? e.before : e.after);
            out << "\n";
        }
    };
    out << "\n# Change runbook\n";
    deviceList("1. Ship, rack and stack the new devices", "No device is added.", delta.ship, false);
    deviceList("2. Move devices", "No device moves.", delta.move, true);
    deviceList("3. Unrack and return the removed devices", "No device is removed.", delta.retire, false);
    out << "\n## 4. Re-cabling\n\n";
    if (delta.cabling.empty())
        out << "No cable changes.\n";
    for (const DiffEntry &e : delta.cabling) {
        out << "- [ ] ";
        if (e.change == QLatin1String("removed"))
            out << "Pull the cable " << markdownCell(e.key) << " (" << markdownCell(e.before) << ")";
        else if (e.change == QLatin1String("re-cabled"))
            out << "Move the cable at " << markdownCell(e.key) << " from " << markdownCell(e.before) << " to "
                << markdownCell(e.after);
        else if (e.change == QLatin1String("added"))
            out << "Lay a new cable " << markdownCell(e.key) << " (" << markdownCell(e.after) << ")";
        else
            out << "Change the cable " << markdownCell(e.key) << ": " << markdownCell(e.before) << " → "
                << markdownCell(e.after);
        out << "\n";
    }
    out << "\n## 5. Drills to repeat\n\n";
    if (delta.drills.isEmpty())
        out << "None: the change touches no device, cable or uplink.\n";
    for (const QString &d : delta.drills)
        out << "- [ ] " << markdownCell(d) << "\n";
    out.flush();
    return buffer.toUtf8();
}

} // namespace pp
