#include "exporters/reports/planinfowriter.h"

#include <QTextStream>

namespace pp {

PlanInfoData buildPlanInfo(const ResolvedPlan &resolved)
{
    const SiteProfile &site = resolved.site();
    return PlanInfoData{resolved.plan().name, site.id, site.name, site.power.budgetKW, summarize(resolved)};
}

QByteArray PlanInfoWriter::json(const PlanInfoData &info)
{
    const PlanSummary &s = info.summary;
    Json counts = Json::object();
    for (auto it = s.countsByRole.cbegin(); it != s.countsByRole.cend(); ++it)
        counts[it.key().toStdString()] = it.value();
    Json racks = Json::array();
    for (const RackSummary &r : s.racks)
        racks.push_back({{"id", r.id.toStdString()},
                         {"name", r.name.toStdString()},
                         {"heightU", r.heightU},
                         {"usedU", r.usedU},
                         {"typicalW", r.typicalW},
                         {"maxW", r.maxW},
                         {"weightKg", r.weightKg}});
    const Json doc{
        {"plan", info.planName.toStdString()},
        {"site", {{"id", info.siteId.toStdString()}, {"budgetKW", info.siteBudgetKW}}},
        {"counts", counts},
        {"power", {{"typicalW", s.typicalW}, {"maxW", s.maxW}, {"devicesWithUnknownPower", s.devicesWithUnknownPower}}},
        {"heat",
         {{"btuPerHour", s.heatBtuPerHour()}, {"kW", s.typicalW / 1000.0}, {"maxBtuPerHour", s.maxHeatBtuPerHour()}}},
        {"capacity", {{"rawTB", s.rawTB}, {"usableTB", s.usableTB}, {"clusterSsds", s.clusterSsds}}},
        {"weightKg", s.weightKg},
        {"racks", racks}};
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

QByteArray PlanInfoWriter::text(const PlanInfoData &info)
{
    const PlanSummary &s = info.summary;
    QString buffer;
    QTextStream out(&buffer);
    out << "Plan:      " << info.planName << "\n";
    out << "Site:      " << info.siteName << " (" << info.siteId << "), budget " << info.siteBudgetKW << " kW\n";
    out << "Devices:   ";
    QStringList parts;
    for (auto it = s.countsByRole.cbegin(); it != s.countsByRole.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    out << parts.join(QStringLiteral(", ")) << "\n";
    out << QStringLiteral("Power:     %1 kW typical, %2 kW max")
               .arg(s.typicalW / 1000.0, 0, 'f', 2)
               .arg(s.maxW / 1000.0, 0, 'f', 2);
    if (s.devicesWithUnknownPower)
        out << " (" << s.devicesWithUnknownPower << " devices with unknown power not counted)";
    out << "\n";
    out << QStringLiteral("Heat:      %1 kW, %2 BTU/h typical\n")
               .arg(s.typicalW / 1000.0, 0, 'f', 2)
               .arg(s.heatBtuPerHour(), 0, 'f', 0);
    out << QStringLiteral("Capacity:  %1 TB raw, %2 TB usable (%3 SSDs)\n")
               .arg(s.rawTB, 0, 'f', 1)
               .arg(s.usableTB, 0, 'f', 1)
               .arg(s.clusterSsds);
    out << QStringLiteral("Weight:    %1 kg\n").arg(s.weightKg, 0, 'f', 1);
    out << "Racks:\n";
    for (const RackSummary &r : s.racks)
        out << QStringLiteral("  %1 %2: %3/%4 U, %5 kW typical, %6 kW max\n")
                   .arg(r.id, r.name)
                   .arg(r.usedU)
                   .arg(r.heightU)
                   .arg(r.typicalW / 1000.0, 0, 'f', 2)
                   .arg(r.maxW / 1000.0, 0, 'f', 2);
    out.flush();
    return buffer.toUtf8();
}

} // namespace pp
