#include "exporters/netcfg/addressplanwriter.h"

#include "catalog/io/jsonfields.h"
#include "exporters/common/textescape.h"

namespace pp {

QByteArray AddressPlanWriter::csv(const AddressPlan &plan)
{
    QString out = textescape::csvRecord({QStringLiteral("Hostname"), QStringLiteral("Device"), QStringLiteral("Kind"),
                                         QStringLiteral("Interface"), QStringLiteral("Value"), QStringLiteral("Pool")});
    for (const AddressAssignment &a : plan.assignments())
        out += textescape::csvRecord({a.hostname, a.device, a.kind, a.interface, a.value, a.pool});
    return out.toUtf8();
}

QByteArray AddressPlanWriter::json(const QString &planName, const AddressPlan &plan)
{
    Json doc;
    doc["format"] = "pocplanner-address-plan";
    doc["version"] = 1;
    doc["plan"] = json::toStd(planName);
    Json values = Json::array();
    for (const AddressAssignment &a : plan.assignments())
        values.push_back({{"hostname", json::toStd(a.hostname)},
                          {"device", json::toStd(a.device)},
                          {"kind", json::toStd(a.kind)},
                          {"interface", json::toStd(a.interface)},
                          {"value", json::toStd(a.value)},
                          {"pool", json::toStd(a.pool)}});
    doc["assignments"] = values;
    Json problems = Json::array();
    for (const AddressProblem &p : plan.problems())
        problems.push_back({{"pool", json::toStd(p.pool)}, {"message", json::toStd(p.message)}});
    doc["problems"] = problems;
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

} // namespace pp
