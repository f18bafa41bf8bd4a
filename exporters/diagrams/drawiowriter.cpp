#include "exporters/diagrams/drawiowriter.h"

#include "exporters/common/textescape.h"

namespace pp {

using textescape::number;
using textescape::xml;

double DrawioWriter::deviceY(int rackHeightU, int lowestU, int heightU)
{
    return kMarginTop + (rackHeightU - (lowestU + heightU - 1)) * kUnitPx;
}

// draw.io cell ids must be unique in the file; plan ids are unique per kind, so prefix them and
// keep only characters that need no thought in an attribute.
static QString cellId(const QString &prefix, const QString &id, const QString &page, int *counter)
{
    QString safe;
    for (const QChar c : id.left(40))
        safe += (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) ? c : QLatin1Char('_');
    return QStringLiteral("%1-%2%3-%4").arg(page, prefix).arg(++*counter).arg(safe);
}

namespace {

// The opening of one page (front or rear elevations): its diagram, graph model and title cell.
void writePageHeader(QString &s, const RackDiagramData &data, const QString &page, const QString &pageName,
                     double pageWidth, double pageHeight)
{
    s += QStringLiteral("  <diagram id=\"page-%1\" name=\"%2\">\n").arg(page, pageName);
    s += QStringLiteral("    <mxGraphModel dx=\"800\" dy=\"800\" grid=\"1\" gridSize=\"10\" guides=\"1\" "
                        "tooltips=\"1\" connect=\"1\" arrows=\"1\" fold=\"1\" page=\"1\" pageScale=\"1\" "
                        "pageWidth=\"%1\" pageHeight=\"%2\" math=\"0\" shadow=\"0\">\n")
             .arg(number(pageWidth), number(pageHeight));
    s += QStringLiteral("      <root>\n        <mxCell id=\"0\"/>\n        <mxCell id=\"1\" parent=\"0\"/>\n");
    QString title = QStringLiteral("%1 \u2014 %2 \u2014 %3 elevation").arg(data.plan, data.site, page);
    if (!data.draftMark.isEmpty())
        title += QStringLiteral(" \u2014 ") + data.draftMark;
    s += QStringLiteral("        <mxCell id=\"%1-title\" value=\"%2\" "
                        "style=\"text;html=0;align=left;verticalAlign=top;fontSize=14;fontStyle=1;%3\" "
                        "vertex=\"1\" parent=\"1\">\n"
                        "          <mxGeometry x=\"40\" y=\"20\" width=\"%4\" height=\"30\" as=\"geometry\"/>\n    "
                        "    </mxCell>\n")
             .arg(page, xml(title), data.draftMark.isEmpty() ? QString() : QStringLiteral("fontColor=#C62828;"),
                  number(pageWidth - 80));
}

// One device as a child of its rack cabinet, at its U; nothing for a device outside the rack.
void writeDevice(QString &s, const DiagramDevice &d, const RackFaceDiagram &f, Face face, const QString &page,
                 const QString &rackCell, int *counter)
{
    if (d.u < 1 || d.u > f.heightU)
        return;
    const int heightU = std::min(d.heightU, f.heightU - d.u + 1);
    const QColor base = diagramRoleColor(d.role);
    const QColor shown = d.throughDepth
        ? QColor::fromRgbF(base.redF() * 0.45 + 0.55, base.greenF() * 0.45 + 0.55, base.blueF() * 0.45 + 0.55)
        : base;
    const QString uText =
        d.heightU > 1 ? QStringLiteral("U%1-%2").arg(d.u).arg(d.u + d.heightU - 1) : QStringLiteral("U%1").arg(d.u);
    const QString devLabel =
        QStringLiteral("%1 - %2 (%3)%4")
            .arg(d.hostname, d.model, uText, d.throughDepth ? QStringLiteral(", rear") : QString());
    s += QStringLiteral("        <object id=\"%1\" label=\"%2\" device_id=\"%3\" name=\"%4\" device_type=\"%5\" "
                        "model=\"%6\" role=\"%7\" position=\"%8\" u_height=\"%9\" face=\"%10\">\n")
             .arg(cellId(QStringLiteral("dev"), d.id, page, counter), xml(devLabel), xml(d.id), xml(d.hostname),
                  xml(d.typeId), xml(d.model), roleId(d.role))
             .arg(d.u)
             .arg(d.heightU)
             .arg(d.throughDepth ? (face == Face::Front ? QStringLiteral("rear") : QStringLiteral("front")) : page);
    s += QStringLiteral("          <mxCell "
                        "style=\"rounded=0;whiteSpace=wrap;html=0;fillColor=%1;fontColor=%2;strokeColor=#"
                        "333333;fontSize=9;%3\" vertex=\"1\" parent=\"%4\">\n")
             .arg(shown.name(), diagramTextColor(shown).name(),
                  d.throughDepth ? QStringLiteral("dashed=1;") : QString(), rackCell);
    s += QStringLiteral("            <mxGeometry x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                        "as=\"geometry\"/>\n          </mxCell>\n        </object>\n")
             .arg(number(DrawioWriter::kMarginLeft), number(DrawioWriter::deviceY(f.heightU, d.u, heightU), 1),
                  number(DrawioWriter::kCabinetWidth - DrawioWriter::kMarginLeft - DrawioWriter::kMarginRight),
                  number(heightU * DrawioWriter::kUnitPx, 1));
}

// 0U items sit beside the cabinet (they have no U), as ordinary shapes.
void writeZeroU(QString &s, const RackFaceDiagram &f, const QString &page, double x, double y, int *counter)
{
    double zx = x + DrawioWriter::kCabinetWidth + 6;
    for (const DiagramDevice &d : f.zeroU) {
        s += QStringLiteral("        <object id=\"%1\" label=\"%2\" device_id=\"%3\" name=\"%4\" device_type=\"%5\" "
                            "model=\"%6\" role=\"%7\" position=\"0\" u_height=\"0\" face=\"%8\">\n")
                 .arg(cellId(QStringLiteral("dev"), d.id, page, counter), xml(d.hostname), xml(d.id), xml(d.hostname),
                      xml(d.typeId), xml(d.model), roleId(d.role), page);
        s += QStringLiteral("          <mxCell "
                            "style=\"rounded=1;whiteSpace=wrap;html=0;horizontal=0;fillColor=%1;fontColor=%2;"
                            "strokeColor=#333333;fontSize=9;\" vertex=\"1\" parent=\"1\">\n")
                 .arg(diagramRoleColor(d.role).name(), diagramTextColor(diagramRoleColor(d.role)).name());
        s +=
            QStringLiteral("            <mxGeometry x=\"%1\" y=\"%2\" width=\"18\" height=\"%3\" "
                           "as=\"geometry\"/>\n          </mxCell>\n        </object>\n")
                .arg(number(zx, 1), number(y + DrawioWriter::kMarginTop), number(f.heightU * DrawioWriter::kUnitPx, 1));
        zx += 22;
    }
}

// One rack cabinet at x with its devices and, beside it, its 0U items.
void writeRack(QString &s, const RackDiagramData &data, const RackFaceDiagram &f, Face face, const QString &page,
               double x, int *counter)
{
    const QString rackCell = cellId(QStringLiteral("rack"), f.rackId, page, counter);
    const double y = 80;
    const double height = DrawioWriter::kMarginTop + f.heightU * DrawioWriter::kUnitPx + DrawioWriter::kMarginBottom;
    const QString label = QStringLiteral("%1 (%2U) \u2014 %3 kW typical, %4 kW max")
                              .arg(f.rackName.isEmpty() ? f.rackId : f.rackName)
                              .arg(f.heightU)
                              .arg(number(f.typicalW / 1000.0, 2), number(f.maxW / 1000.0, 2));
    s += QStringLiteral("        <object id=\"%1\" label=\"%2\" rack_id=\"%3\" rack_name=\"%4\" site=\"%5\" "
                        "face=\"%6\" u_height=\"%7\" typical_w=\"%8\" max_w=\"%9\">\n")
             .arg(rackCell, xml(label), xml(f.rackId), xml(f.rackName), xml(data.site), page)
             .arg(f.heightU)
             .arg(number(f.typicalW, 1), number(f.maxW, 1));
    s += QStringLiteral("          <mxCell "
                        "style=\"strokeColor=#666666;html=0;verticalLabelPosition=bottom;labelBackgroundColor=#"
                        "ffffff;verticalAlign=top;outlineConnect=0;shadow=0;dashed=0;shape=mxgraph.rackGeneral."
                        "rackCabinet3;rackUnitSize=%1;fillColor2=#f4f4f4;container=1;collapsible=0;childLayout="
                        "rack;allowGaps=1;marginLeft=%2;marginRight=%3;marginTop=%4;marginBottom=%5;textColor=#"
                        "666666;numDisp=ascend;\" vertex=\"1\" parent=\"1\">\n")
             .arg(number(DrawioWriter::kUnitPx, 1), number(DrawioWriter::kMarginLeft),
                  number(DrawioWriter::kMarginRight), number(DrawioWriter::kMarginTop),
                  number(DrawioWriter::kMarginBottom));
    s += QStringLiteral("            <mxGeometry x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                        "as=\"geometry\"/>\n          </mxCell>\n        </object>\n")
             .arg(number(x), number(y), number(DrawioWriter::kCabinetWidth), number(height, 1));
    for (const DiagramDevice &d : f.devices)
        writeDevice(s, d, f, face, page, rackCell, counter);
    writeZeroU(s, f, page, x, y, counter);
}

} // namespace

QByteArray DrawioWriter::write(const RackDiagramData &data)
{
    QString s;
    s += QStringLiteral("<mxfile host=\"pocplanner\" version=\"24.0.0\" type=\"device\">\n");
    for (Face face : {Face::Front, Face::Rear}) {
        const QString page = face == Face::Front ? QStringLiteral("front") : QStringLiteral("rear");
        const QString pageName = face == Face::Front ? QStringLiteral("Front") : QStringLiteral("Rear");
        int maxHeightU = 0;
        int rackCount = 0;
        for (const RackFaceDiagram &f : data.faces) {
            if (f.face != face)
                continue;
            maxHeightU = std::max(maxHeightU, f.heightU);
            ++rackCount;
        }
        const double pitch = kCabinetWidth + 60;
        const double pageWidth = std::max(827.0, 40 + rackCount * pitch);
        const double pageHeight = std::max(1169.0, 120 + kMarginTop + kMarginBottom + maxHeightU * kUnitPx + 120);
        writePageHeader(s, data, page, pageName, pageWidth, pageHeight);
        int column = 0;
        int counter = 0;
        for (const RackFaceDiagram &f : data.faces) {
            if (f.face != face)
                continue;
            writeRack(s, data, f, face, page, 40 + column * pitch, &counter);
            ++column;
        }
        s += QStringLiteral("      </root>\n    </mxGraphModel>\n  </diagram>\n");
    }
    s += QStringLiteral("</mxfile>\n");
    return s.toUtf8();
}

} // namespace pp
