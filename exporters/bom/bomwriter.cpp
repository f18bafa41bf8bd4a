#include "exporters/bom/bomwriter.h"

#include "catalog/io/jsonfields.h"
#include "exporters/common/textescape.h"

namespace pp {

using textescape::number;

static const QString kUnknown = QStringLiteral("unknown");

static QString figure(const std::optional<double> &v, int decimals = 2)
{
    return v ? number(*v, decimals) : kUnknown;
}

QStringList BomWriter::csvHeader()
{
    return {QStringLiteral("Section"),
            QStringLiteral("Vendor"),
            QStringLiteral("Model"),
            QStringLiteral("Part number"),
            QStringLiteral("Description"),
            QStringLiteral("Length m"),
            QStringLiteral("Qty"),
            QStringLiteral("Unit typical W"),
            QStringLiteral("Unit max W"),
            QStringLiteral("Total typical W"),
            QStringLiteral("Total max W"),
            QStringLiteral("Unit U"),
            QStringLiteral("Total U"),
            QStringLiteral("Unit weight kg"),
            QStringLiteral("Total weight kg"),
            QStringLiteral("Catalog id"),
            QStringLiteral("Note")};
}

QStringList BomWriter::cells(const BomLine &l)
{
    const bool isCable = l.section == BomSection::Cables || l.section == BomSection::CablesToChoose;
    return {bomSectionTitle(l.section),
            l.vendor,
            l.model,
            l.partNumber,
            l.description,
            isCable ? figure(l.lengthM) : QString(),
            QString::number(l.quantity),
            figure(l.unitTypicalW),
            figure(l.unitMaxW),
            figure(l.totalTypicalW()),
            figure(l.totalMaxW()),
            l.uHeight ? QString::number(*l.uHeight) : QString(),
            l.totalU() ? QString::number(*l.totalU()) : QString(),
            figure(l.unitWeightKg),
            figure(l.totalWeightKg()),
            l.typeId,
            l.note};
}

QByteArray BomWriter::csv(const BomData &bom)
{
    QString out = textescape::csvRecord(csvHeader());
    for (const BomLine &l : bom.lines)
        out += textescape::csvRecord(cells(l));
    return out.toUtf8();
}

static Json optionalJson(const std::optional<double> &v)
{
    return v ? Json(*v) : Json(nullptr);
}

QByteArray BomWriter::json(const BomData &bom)
{
    Json lines = Json::array();
    for (const BomLine &l : bom.lines) {
        lines.push_back(Json{{"section", bomSectionId(l.section).toStdString()},
                             {"catalogId", l.typeId.toStdString()},
                             {"vendor", l.vendor.toStdString()},
                             {"model", l.model.toStdString()},
                             {"partNumber", l.partNumber.toStdString()},
                             {"description", l.description.toStdString()},
                             {"role", l.role.toStdString()},
                             {"lengthM", optionalJson(l.lengthM)},
                             {"quantity", l.quantity},
                             {"unitTypicalW", optionalJson(l.unitTypicalW)},
                             {"unitMaxW", optionalJson(l.unitMaxW)},
                             {"totalTypicalW", optionalJson(l.totalTypicalW())},
                             {"totalMaxW", optionalJson(l.totalMaxW())},
                             {"uHeight", l.uHeight ? Json(*l.uHeight) : Json(nullptr)},
                             {"totalU", l.totalU() ? Json(*l.totalU()) : Json(nullptr)},
                             {"unitWeightKg", optionalJson(l.unitWeightKg)},
                             {"totalWeightKg", optionalJson(l.totalWeightKg())},
                             {"note", l.note.toStdString()}});
    }
    const BomTotals &t = bom.totals;
    const Json doc{{"format", "pocplanner-bom"},
                   {"version", 1},
                   {"plan", bom.plan.toStdString()},
                   {"customer", bom.customer.toStdString()},
                   {"site", bom.site.toStdString()},
                   {"track", bom.track.toStdString()},
                   {"totals",
                    {{"typicalW", t.typicalW},
                     {"maxW", t.maxW},
                     {"heatKW", t.heatKW},
                     {"heatBtuPerHour", t.heatBtuPerHour},
                     {"rackUnits", t.rackUnits},
                     {"weightKg", t.weightKg},
                     {"rawTB", t.rawTB},
                     {"usableTB", t.usableTB},
                     {"racks", t.racks},
                     {"devicesWithUnknownPower", t.devicesWithUnknownPower},
                     {"devicesWithUnknownWeight", t.devicesWithUnknownWeight},
                     {"opticsMaxW", t.opticsMaxW}}},
                   {"lines", lines}};
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

static QString mdRow(const QStringList &cells)
{
    QStringList escaped;
    for (const QString &c : cells)
        escaped << textescape::markdownCell(c);
    return QLatin1String("| ") + escaped.join(QLatin1String(" | ")) + QLatin1String(" |\n");
}

QByteArray BomWriter::markdown(const BomData &bom)
{
    const BomTotals &t = bom.totals;
    QString out;
    out += QStringLiteral("# Bill of materials: %1\n\n").arg(textescape::markdownCell(bom.plan));
    if (!bom.customer.isEmpty())
        out += QStringLiteral("Customer: %1  \n").arg(textescape::markdownCell(bom.customer));
    out += QStringLiteral("Site: %1  \nTrack: %2\n\n")
               .arg(textescape::markdownCell(bom.site), textescape::markdownCell(bom.track));
    out += QStringLiteral("## Totals\n\n| Figure | Value |\n|---|---|\n");
    QString powerNote = t.devicesWithUnknownPower
        ? QStringLiteral(" (%1 devices with unknown power not counted)").arg(t.devicesWithUnknownPower)
        : QString();
    out += mdRow({QStringLiteral("Racks"), QString::number(t.racks)});
    out +=
        mdRow({QStringLiteral("Power, typical"), number(t.typicalW / 1000.0, 2) + QStringLiteral(" kW") + powerNote});
    out += mdRow({QStringLiteral("Power, max"), number(t.maxW / 1000.0, 2) + QStringLiteral(" kW") + powerNote});
    out +=
        mdRow({QStringLiteral("Heat"),
               number(t.heatKW, 2) + QStringLiteral(" kW, ") + number(t.heatBtuPerHour, 0) + QStringLiteral(" BTU/h")});
    out += mdRow({QStringLiteral("Optics, max"), number(t.opticsMaxW, 1) + QStringLiteral(" W")});
    out += mdRow({QStringLiteral("Rack units"), QString::number(t.rackUnits) + QStringLiteral(" U")});
    out += mdRow(
        {QStringLiteral("Weight"),
         number(t.weightKg, 1) + QStringLiteral(" kg") +
             (t.devicesWithUnknownWeight
                  ? QStringLiteral(" (%1 devices with unknown weight not counted)").arg(t.devicesWithUnknownWeight)
                  : QString())});
    out += mdRow({QStringLiteral("Capacity, raw"), number(t.rawTB, 1) + QStringLiteral(" TB")});
    out += mdRow({QStringLiteral("Capacity, usable"), number(t.usableTB, 1) + QStringLiteral(" TB")});
    for (BomSection section : {BomSection::Equipment, BomSection::Cables, BomSection::CablesToChoose,
                               BomSection::Optics, BomSection::Pdus}) {
        bool any = false;
        for (const BomLine &l : bom.lines)
            any = any || l.section == section;
        if (!any)
            continue;
        out += QStringLiteral("\n## %1\n\n").arg(bomSectionTitle(section));
        const QStringList header = csvHeader().mid(1);
        out += mdRow(header);
        out += QStringLiteral("|") + QStringLiteral("---|").repeated(header.size()) + QLatin1Char('\n');
        for (const BomLine &l : bom.lines)
            if (l.section == section)
                out += mdRow(cells(l).mid(1));
    }
    return out.toUtf8();
}

} // namespace pp
