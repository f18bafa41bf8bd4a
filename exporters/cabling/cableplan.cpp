#include "exporters/cabling/cableplan.h"

#include "exporters/common/textescape.h"

namespace pp {

static CableEnd endOf(const ResolvedPlan &resolved, const Endpoint &e)
{
    CableEnd end;
    end.device = e.device;
    end.port = e.port;
    if (const Device *d = resolved.device(e.device)) {
        end.hostname = d->hostname;
        end.u = d->u;
        if (const Rack *r = resolved.plan().findRack(d->rack))
            end.rack = r->name.isEmpty() ? r->id : r->name;
    }
    return end;
}

CablePlanData buildCablePlan(const ExportContext &context)
{
    const ResolvedPlan &resolved = context.resolved();
    CablePlanData data;
    data.plan = context.plan().name;
    data.draftMark = context.draftMark();
    data.runs.reserve(context.plan().links.size());
    int n = 0;
    for (const Link &link : context.plan().links) {
        CableRun run;
        run.number = ++n;
        run.a = endOf(resolved, link.a);
        run.b = endOf(resolved, link.b);
        run.label = link.label.isEmpty() ? link.a.toString() + QStringLiteral("--") + link.b.toString() : link.label;
        run.cableId = link.cable;
        const DeviceType *type = context.catalog().deviceType(link.cable);
        run.cableModel = type ? type->model : QStringLiteral("unknown");
        if (link.lengthM > 0)
            run.lengthM = link.lengthM;
        data.runs.push_back(std::move(run));
    }
    return data;
}

QStringList CablePlanWriter::header()
{
    return {QStringLiteral("No"),         QStringLiteral("Label"),      QStringLiteral("A device"),
            QStringLiteral("A hostname"), QStringLiteral("A rack"),     QStringLiteral("A U"),
            QStringLiteral("A port"),     QStringLiteral("B device"),   QStringLiteral("B hostname"),
            QStringLiteral("B rack"),     QStringLiteral("B U"),        QStringLiteral("B port"),
            QStringLiteral("Cable"),      QStringLiteral("Cable type"), QStringLiteral("Length m")};
}

QStringList CablePlanWriter::cells(const CableRun &r)
{
    const auto uText = [](int u) { return u > 0 ? QString::number(u) : QStringLiteral("0U"); };
    return {QString::number(r.number),
            r.label,
            r.a.device,
            r.a.hostname,
            r.a.rack,
            uText(r.a.u),
            r.a.port,
            r.b.device,
            r.b.hostname,
            r.b.rack,
            uText(r.b.u),
            r.b.port,
            r.cableId,
            r.cableModel,
            r.lengthM ? textescape::number(*r.lengthM, 2) : QStringLiteral("unknown")};
}

QByteArray CablePlanWriter::csv(const CablePlanData &data)
{
    QString out = textescape::csvRecord(header());
    for (const CableRun &r : data.runs)
        out += textescape::csvRecord(cells(r));
    return out.toUtf8();
}

QByteArray CablePlanWriter::markdown(const CablePlanData &data)
{
    QString out = QStringLiteral("# Cable plan: %1\n\n").arg(textescape::markdownCell(data.plan));
    if (!data.draftMark.isEmpty())
        out += QStringLiteral("**%1**\n\n").arg(data.draftMark);
    out += QStringLiteral("%1 cables. Label both ends with the label shown.\n\n").arg(data.runs.size());
    const QStringList h = header();
    out += QStringLiteral("| ") + h.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|") +
        QStringLiteral("---|").repeated(h.size()) + QLatin1Char('\n');
    for (const CableRun &r : data.runs) {
        QStringList cells;
        for (const QString &c : CablePlanWriter::cells(r))
            cells << textescape::markdownCell(c);
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    return out.toUtf8();
}

} // namespace pp
