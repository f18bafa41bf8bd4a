#include "exporters/diagrams/rackdiagramwriter.h"

#include "exporters/common/textescape.h"
#include "exporters/diagrams/pngencoder.h"
#include "planner/model/plansummary.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <cmath>
#include <vector>

namespace pp {

using textescape::number;
using textescape::xml;

namespace {

// Layout of one elevation, in SVG user units (px).
constexpr double kMargin = 20;
constexpr double kUnitPx = 16;
constexpr double kTitleHeight = 104;
constexpr double kRackLeft = 64; // room for the U numbers
constexpr double kRackWidth = 330;
constexpr double kRailPx = 6;
constexpr double kZeroUWidth = 22;
constexpr double kLegendHeight = 64;
constexpr double kCharWidth = 0.55; // average advance of DejaVu Sans per font pixel

QString truncated(const QString &text, double widthPx, double fontPx)
{
    const int maxChars = std::max(3, static_cast<int>(widthPx / (fontPx * kCharWidth)));
    if (text.size() <= maxChars)
        return text;
    qsizetype keep = maxChars - 1;
    if (text.at(keep - 1).isHighSurrogate())
        --keep; // never cut an emoji's surrogate pair in two
    return text.left(keep) + QChar(0x2026);
}

QString hex(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

double rackTop()
{
    return kMargin + kTitleHeight + 34; // room for the DRAFT band between title block and rack
}

QString thousands(double v)
{
    // 9861 → "9,861": grouping by hand keeps the output independent of the locale.
    QString digits = QString::number(static_cast<qint64>(std::llround(v)));
    const bool negative = digits.startsWith(QLatin1Char('-'));
    if (negative)
        digits.remove(0, 1);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return negative ? QLatin1Char('-') + digits : digits;
}

} // namespace

QSizeF RackDiagramWriter::svgSize(const RackFaceDiagram &face)
{
    const double zeroU = face.zeroU.empty() ? 0 : 14 + static_cast<double>(face.zeroU.size()) * (kZeroUWidth + 4);
    const double width = std::max(kRackLeft + kRackWidth + zeroU + kMargin, 470.0);
    const double height = rackTop() + face.heightU * kUnitPx + 2 * kRailPx + 24 + kLegendHeight;
    return {width, height};
}

namespace {

// Where svg() draws: the picture's size and the rack's place in it, in SVG user units.
struct SvgFrame {
    SvgFrame(const RackFaceDiagram &face, QSizeF size)
        : w(size.width())
        , h(size.height())
        , rackH(face.heightU * kUnitPx)
        , tbW(w - 2 * kMargin)
    { }
    double w;
    double h;
    double top = rackTop();
    double rackH;
    double innerLeft = kRackLeft + kRailPx;
    double innerWidth = kRackWidth - 2 * kRailPx;
    double tbW;               // title block width
    double tx = kMargin + 10; // left edge of the title block's text
};

// The title block: the face's title, plan, site, power and space lines.
void svgTitleBlock(QString &s, const RackDiagramData &data, const RackFaceDiagram &face, const SvgFrame &f)
{
    s += QStringLiteral("<g class=\"title-block\">\n");
    s += QStringLiteral("<rect x=\"%1\" y=\"%1\" width=\"%2\" height=\"%3\" fill=\"#f4f6f8\" stroke=\"#5f6b7a\" "
                        "stroke-width=\"1\"/>\n")
             .arg(number(kMargin), number(f.tbW), number(kTitleHeight));
    const double fontTitle = 15;
    const double fontText = 10.5;
    const double textWidth = f.tbW - 20;
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" font-weight=\"bold\" fill=\"#1b1b1b\">%4</text>\n")
             .arg(number(f.tx), number(kMargin + 22), number(fontTitle),
                  xml(truncated(face.title(), textWidth, fontTitle)));
    const QString planLine = QStringLiteral("Plan: %1").arg(data.plan) +
        (data.customer.isEmpty() ? QString() : QStringLiteral(" \u00b7 Customer: %1").arg(data.customer));
    const QString powerLine = QStringLiteral("Power: %1 kW typical, %2 kW max \u00b7 Heat: %1 kW, %3 BTU/h")
                                  .arg(number(face.typicalW / 1000.0, 2), number(face.maxW / 1000.0, 2),
                                       thousands(face.typicalW * kBtuPerHourPerWatt));
    QString spaceLine = QStringLiteral("Space: %1 of %2 U used").arg(face.usedU).arg(face.heightU);
    if (face.devicesWithUnknownPower > 0)
        spaceLine +=
            QStringLiteral(" \u00b7 %1 device(s) with unknown power not counted").arg(face.devicesWithUnknownPower);
    const QStringList lines{planLine, QStringLiteral("Site: %1").arg(data.site), powerLine, spaceLine};
    for (int i = 0; i < lines.size(); ++i)
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" fill=\"#1b1b1b\">%4</text>\n")
                 .arg(number(f.tx), number(kMargin + 42 + i * 15), number(fontText),
                      xml(truncated(lines[i], textWidth, fontText)));
    s += QStringLiteral("</g>\n");
}

// Rack frame, rails and U numbers (1 at the bottom).
void svgRackFrame(QString &s, const RackFaceDiagram &face, const SvgFrame &f)
{
    s += QStringLiteral("<g class=\"rack\" data-rack=\"%1\" data-face=\"%2\" data-height-u=\"%3\">\n")
             .arg(xml(face.rackId), face.faceName())
             .arg(face.heightU);
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#3a3f44\" stroke=\"#22262a\" "
                        "stroke-width=\"1\"/>\n")
             .arg(number(kRackLeft), number(f.top - kRailPx), number(kRackWidth), number(f.rackH + 2 * kRailPx));
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#eceff1\"/>\n")
             .arg(number(f.innerLeft), number(f.top), number(f.innerWidth), number(f.rackH));
    for (int u = 1; u <= face.heightU; ++u) {
        const double y = f.top + (face.heightU - u) * kUnitPx;
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"9\" text-anchor=\"end\" fill=\"#5f6b7a\">%3</text>\n")
                 .arg(number(kRackLeft - 6), number(y + 11.5))
                 .arg(u);
        if (u < face.heightU)
            s += QStringLiteral(
                     "<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#cfd6dc\" stroke-width=\"0.5\"/>\n")
                     .arg(number(f.innerLeft), number(y), number(f.innerLeft + f.innerWidth));
    }
    s += QStringLiteral("</g>\n");
}

// One device as a group of its own; nothing for a device outside the rack (the space rules report it).
void svgDevice(QString &s, const DiagramDevice &d, const RackFaceDiagram &face, const SvgFrame &f)
{
    const int topU = std::min(face.heightU, d.u + d.heightU - 1);
    const int bottomU = std::max(1, d.u);
    if (bottomU > face.heightU)
        return; // outside the rack: the space rules report it; nothing to draw
    const double y = f.top + (face.heightU - topU) * kUnitPx + 0.5;
    const double dh = (topU - bottomU + 1) * kUnitPx - 1;
    QColor fill = diagramRoleColor(d.role);
    if (d.throughDepth)
        fill = QColor::fromRgbF(fill.redF() * 0.45 + 0.55, fill.greenF() * 0.45 + 0.55, fill.blueF() * 0.45 + 0.55);
    const QColor ink = diagramTextColor(fill);
    const QString uText = d.heightU > 1 ? QStringLiteral("U%1\u2013%2").arg(d.u).arg(d.u + d.heightU - 1)
                                        : QStringLiteral("U%1").arg(d.u);
    s += QStringLiteral(
             "<g class=\"device\" data-device=\"%1\" data-u=\"%2\" data-height-u=\"%3\" data-role=\"%4\"%5>\n")
             .arg(xml(d.id))
             .arg(d.u)
             .arg(d.heightU)
             .arg(roleId(d.role), d.throughDepth ? QStringLiteral(" data-seen-from=\"behind\"") : QString());
    s += QStringLiteral("<title>%1</title>\n")
             .arg(xml(QStringLiteral("%1 \u2014 %2 (%3)").arg(d.hostname, d.model, uText)));
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"1.5\" fill=\"%5\" "
                        "stroke=\"#22262a\" stroke-width=\"0.6\"%6/>\n")
             .arg(number(f.innerLeft + 1), number(y), number(f.innerWidth - 2), number(dh), hex(fill),
                  d.throughDepth ? QStringLiteral(" stroke-dasharray=\"3,2\"") : QString());
    const double labelWidth = f.innerWidth - 60;
    const QString rear = d.throughDepth ? QStringLiteral(" (rear)") : QString();
    if (d.heightU >= 2) {
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" font-weight=\"bold\" fill=\"%3\">%4</text>\n")
                 .arg(number(f.innerLeft + 6), number(y + dh / 2 - 2), hex(ink),
                      xml(truncated(d.hostname + rear, labelWidth, 11)));
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"9.5\" fill=\"%3\">%4</text>\n")
                 .arg(number(f.innerLeft + 6), number(y + dh / 2 + 10), hex(ink),
                      xml(truncated(d.model, labelWidth, 9.5)));
    } else {
        // One line: the hostname in bold, the model in the space that is left.
        const QString host = truncated(d.hostname + rear, labelWidth * 0.6, 9.5 * 1.08);
        const double modelWidth = labelWidth - (host.size() + 1) * 9.5 * kCharWidth * 1.08;
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"9.5\" fill=\"%3\"><tspan "
                            "font-weight=\"bold\">%4</tspan> %5</text>\n")
                 .arg(number(f.innerLeft + 6), number(y + 11), hex(ink), xml(host),
                      xml(truncated(d.model, modelWidth, 9.5)));
    }
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"8.5\" text-anchor=\"end\" fill=\"%3\">%4</text>\n")
             .arg(number(f.innerLeft + f.innerWidth - 6), number(y + std::min(dh / 2 + 4, 11.0)), hex(ink), uText);
    s += QStringLiteral("</g>\n");
}

// 0U items (PDUs) beside the rack, full height.
void svgZeroU(QString &s, const RackFaceDiagram &face, const SvgFrame &f)
{
    double zx = kRackLeft + kRackWidth + 14;
    for (const DiagramDevice &d : face.zeroU) {
        const QColor fill = diagramRoleColor(d.role);
        const double cx = zx + kZeroUWidth / 2;
        const double cy = f.top + f.rackH / 2;
        s += QStringLiteral(
                 "<g class=\"device zero-u\" data-device=\"%1\" data-u=\"0\" data-height-u=\"0\" data-role=\"%2\">\n")
                 .arg(xml(d.id), roleId(d.role));
        s += QStringLiteral("<title>%1</title>\n")
                 .arg(xml(QStringLiteral("%1 \u2014 %2 (0U)").arg(d.hostname, d.model)));
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"2\" fill=\"%5\" "
                            "stroke=\"#22262a\" stroke-width=\"0.6\"/>\n")
                 .arg(number(zx), number(f.top), number(kZeroUWidth), number(f.rackH), hex(fill));
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" text-anchor=\"middle\" fill=\"%3\" "
                            "transform=\"rotate(-90 %1 %2)\">%4</text>\n")
                 .arg(number(cx), number(cy + 3.5), hex(diagramTextColor(fill)),
                      xml(truncated(d.hostname + QStringLiteral(" \u00b7 ") + d.model, f.rackH - 10, 10)));
        s += QStringLiteral("</g>\n");
        zx += kZeroUWidth + 4;
    }
}

// The role colours, and what a pale, dashed device means.
void svgLegend(QString &s, const SvgFrame &f)
{
    const double ly = f.top + f.rackH + kRailPx + 26;
    s += QStringLiteral("<g class=\"legend\">\n");
    double lx = kMargin;
    for (Role role : {Role::CNode, Role::DBox, Role::Switch, Role::Pdu, Role::Other}) {
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"12\" height=\"12\" fill=\"%3\" stroke=\"#22262a\" "
                            "stroke-width=\"0.6\"/>\n")
                 .arg(number(lx), number(ly), hex(diagramRoleColor(role)));
        const QString name = roleDisplayName(role);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" fill=\"#1b1b1b\">%3</text>\n")
                 .arg(number(lx + 16), number(ly + 10), xml(name));
        lx += 16 + name.size() * 10 * kCharWidth + 16;
    }
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"9\" fill=\"#5f6b7a\">Pale, dashed: a full-depth device "
                        "mounted on the other face, seen from behind.</text>\n")
             .arg(number(kMargin), number(ly + 28));
    s += QStringLiteral("</g>\n");
}

// The DRAFT band under the title block and the watermark across the rack.
void svgDraft(QString &s, const RackDiagramData &data, const SvgFrame &f)
{
    s += QStringLiteral("<g class=\"draft\">\n");
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"16\" fill=\"#c62828\"/>\n")
             .arg(number(kMargin), number(kMargin + kTitleHeight + 4), number(f.tbW));
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">%3</text>\n")
             .arg(number(f.tx), number(kMargin + kTitleHeight + 16), xml(data.draftMark));
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"64\" font-weight=\"bold\" text-anchor=\"middle\" "
                        "fill=\"#c62828\" fill-opacity=\"0.18\" transform=\"rotate(-60 %1 %2)\">DRAFT</text>\n")
             .arg(number(kRackLeft + kRackWidth / 2), number(f.top + f.rackH / 2));
    s += QStringLiteral("</g>\n");
}

} // namespace

QByteArray RackDiagramWriter::svg(const RackDiagramData &data, const RackFaceDiagram &face)
{
    const SvgFrame f(face, svgSize(face));
    const double w = f.w;
    const double h = f.h;
    QString s;
    s.reserve(8192 + static_cast<int>(face.devices.size()) * 600);
    s += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\" width=\"%1\" "
                        "height=\"%2\" viewBox=\"0 0 %1 %2\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n")
             .arg(number(w), number(h));
    s += QStringLiteral("<title>%1</title>\n").arg(xml(face.title()));
    s += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n")
             .arg(number(w), number(h));
    svgTitleBlock(s, data, face, f);
    svgRackFrame(s, face, f);
    for (const DiagramDevice &d : face.devices)
        svgDevice(s, d, face, f);
    svgZeroU(s, face, f);
    svgLegend(s, f);
    if (!data.draftMark.isEmpty())
        svgDraft(s, data, f);
    s += QStringLiteral("</svg>\n");
    return s.toUtf8();
}

namespace {

// Paints one elevation with QPainter in SVG user units, the same drawing as svg() (which a
// QSvgRenderer could replay, but it turns text into outlines in PDFs: large and slow).
class FacePainter {
public:
    FacePainter(QPainter &p, const RackDiagramData &data, const RackFaceDiagram &face)
        : m_p(p)
        , m_data(data)
        , m_face(face)
    {
        // Font sizes are given in user units; convert to points for the device under the painter.
        m_pointsPerUnit = 72.0 / p.device()->logicalDpiY();
    }

    void paint()
    {
        const QSizeF size = RackDiagramWriter::svgSize(m_face);
        const double w = size.width();
        const double top = rackTop();
        const double rackH = m_face.heightU * kUnitPx;
        const double innerLeft = kRackLeft + kRailPx;
        const double innerWidth = kRackWidth - 2 * kRailPx;
        m_p.fillRect(QRectF(0, 0, w, size.height()), Qt::white);

        // Title block.
        const double tbW = w - 2 * kMargin;
        m_p.setPen(QPen(QColor(0x5f, 0x6b, 0x7a), 1));
        m_p.setBrush(QColor(0xf4, 0xf6, 0xf8));
        m_p.drawRect(QRectF(kMargin, kMargin, tbW, kTitleHeight));
        const double tx = kMargin + 10;
        const double textWidth = tbW - 20;
        text(tx, kMargin + 22, 15, true, QColor(0x1b, 0x1b, 0x1b), truncated(m_face.title(), textWidth, 15));
        const QString planLine = QStringLiteral("Plan: %1").arg(m_data.plan) +
            (m_data.customer.isEmpty() ? QString() : QStringLiteral(" \u00b7 Customer: %1").arg(m_data.customer));
        const QString powerLine = QStringLiteral("Power: %1 kW typical, %2 kW max \u00b7 Heat: %1 kW, %3 BTU/h")
                                      .arg(number(m_face.typicalW / 1000.0, 2), number(m_face.maxW / 1000.0, 2),
                                           thousands(m_face.typicalW * kBtuPerHourPerWatt));
        QString spaceLine = QStringLiteral("Space: %1 of %2 U used").arg(m_face.usedU).arg(m_face.heightU);
        if (m_face.devicesWithUnknownPower > 0)
            spaceLine += QStringLiteral(" \u00b7 %1 device(s) with unknown power not counted")
                             .arg(m_face.devicesWithUnknownPower);
        const QStringList lines{planLine, QStringLiteral("Site: %1").arg(m_data.site), powerLine, spaceLine};
        for (int i = 0; i < lines.size(); ++i)
            text(tx, kMargin + 42 + i * 15, 10.5, false, QColor(0x1b, 0x1b, 0x1b),
                 truncated(lines[i], textWidth, 10.5));

        // Rack frame and U numbers.
        m_p.setPen(QPen(QColor(0x22, 0x26, 0x2a), 1));
        m_p.setBrush(QColor(0x3a, 0x3f, 0x44));
        m_p.drawRect(QRectF(kRackLeft, top - kRailPx, kRackWidth, rackH + 2 * kRailPx));
        m_p.fillRect(QRectF(innerLeft, top, innerWidth, rackH), QColor(0xec, 0xef, 0xf1));
        // The U lines are 0.5-unit lines with square caps, filled as the rectangles they cover: the
        // same pixels (within one level), without the pen stroker, which took ten times as long.
        for (int u = 1; u < m_face.heightU; ++u) {
            const double y = top + (m_face.heightU - u) * kUnitPx;
            m_p.fillRect(QRectF(innerLeft - 0.25, y - 0.25, innerWidth + 0.5, 0.5), QColor(0xcf, 0xd6, 0xdc));
        }
        for (int u = 1; u <= m_face.heightU; ++u)
            text(kRackLeft - 6, top + (m_face.heightU - u) * kUnitPx + 11.5, 9, false, QColor(0x5f, 0x6b, 0x7a),
                 QString::number(u), Qt::AlignRight);

        for (const DiagramDevice &d : m_face.devices) {
            const int topU = std::min(m_face.heightU, d.u + d.heightU - 1);
            const int bottomU = std::max(1, d.u);
            if (bottomU > m_face.heightU)
                continue;
            const double y = top + (m_face.heightU - topU) * kUnitPx + 0.5;
            const double dh = (topU - bottomU + 1) * kUnitPx - 1;
            QColor fill = diagramRoleColor(d.role);
            if (d.throughDepth)
                fill = QColor::fromRgbF(fill.redF() * 0.45 + 0.55, fill.greenF() * 0.45 + 0.55,
                                        fill.blueF() * 0.45 + 0.55);
            const QColor ink = diagramTextColor(fill);
            const QRectF box(innerLeft + 1, y, innerWidth - 2, dh);
            if (d.throughDepth) {
                m_p.setPen(Qt::NoPen);
                m_p.setBrush(fill);
                m_p.drawRoundedRect(box, 1.5, 1.5);
                dashedOutline(box, 1.5);
            } else {
                m_p.setPen(QPen(QColor(0x22, 0x26, 0x2a), 0.6));
                m_p.setBrush(fill);
                m_p.drawRoundedRect(box, 1.5, 1.5);
            }
            const double labelWidth = innerWidth - 60;
            const QString rear = d.throughDepth ? QStringLiteral(" (rear)") : QString();
            const QString uText = d.heightU > 1 ? QStringLiteral("U%1\u2013%2").arg(d.u).arg(d.u + d.heightU - 1)
                                                : QStringLiteral("U%1").arg(d.u);
            if (d.heightU >= 2) {
                text(innerLeft + 6, y + dh / 2 - 2, 11, true, ink, truncated(d.hostname + rear, labelWidth, 11));
                text(innerLeft + 6, y + dh / 2 + 10, 9.5, false, ink, truncated(d.model, labelWidth, 9.5));
            } else {
                const QString host = truncated(d.hostname + rear, labelWidth * 0.6, 9.5 * 1.08);
                const double modelWidth = labelWidth - (host.size() + 1) * 9.5 * kCharWidth * 1.08;
                const double hostEnd = text(innerLeft + 6, y + 11, 9.5, true, ink, host, Qt::AlignLeft, true);
                text(hostEnd + 9.5 * 0.3, y + 11, 9.5, false, ink, truncated(d.model, modelWidth, 9.5));
            }
            text(innerLeft + innerWidth - 6, y + std::min(dh / 2 + 4, 11.0), 8.5, false, ink, uText, Qt::AlignRight);
        }

        double zx = kRackLeft + kRackWidth + 14;
        for (const DiagramDevice &d : m_face.zeroU) {
            const QColor fill = diagramRoleColor(d.role);
            m_p.setPen(QPen(QColor(0x22, 0x26, 0x2a), 0.6));
            m_p.setBrush(fill);
            m_p.drawRoundedRect(QRectF(zx, top, kZeroUWidth, rackH), 2, 2);
            m_p.save();
            m_p.translate(zx + kZeroUWidth / 2 + 3.5, top + rackH / 2);
            m_p.rotate(-90);
            text(0, 0, 10, false, diagramTextColor(fill),
                 truncated(d.hostname + QStringLiteral(" \u00b7 ") + d.model, rackH - 10, 10), Qt::AlignHCenter);
            m_p.restore();
            zx += kZeroUWidth + 4;
        }

        const double ly = top + rackH + kRailPx + 26;
        double lx = kMargin;
        for (Role role : {Role::CNode, Role::DBox, Role::Switch, Role::Pdu, Role::Other}) {
            m_p.setPen(QPen(QColor(0x22, 0x26, 0x2a), 0.6));
            m_p.setBrush(diagramRoleColor(role));
            m_p.drawRect(QRectF(lx, ly, 12, 12));
            const QString name = roleDisplayName(role);
            text(lx + 16, ly + 10, 10, false, QColor(0x1b, 0x1b, 0x1b), name);
            lx += 16 + name.size() * 10 * kCharWidth + 16;
        }
        text(kMargin, ly + 28, 9, false, QColor(0x5f, 0x6b, 0x7a),
             QStringLiteral("Pale, dashed: a full-depth device mounted on the other face, seen from behind."));

        if (!m_data.draftMark.isEmpty()) {
            m_p.fillRect(QRectF(kMargin, kMargin + kTitleHeight + 4, tbW, 16), QColor(0xc6, 0x28, 0x28));
            text(tx, kMargin + kTitleHeight + 16, 11, true, Qt::white, m_data.draftMark);
            m_p.save();
            m_p.translate(kRackLeft + kRackWidth / 2, top + rackH / 2);
            m_p.rotate(-60);
            QColor wash(0xc6, 0x28, 0x28);
            wash.setAlphaF(0.18);
            text(0, 0, 64, true, wash, QStringLiteral("DRAFT"), Qt::AlignHCenter);
            m_p.restore();
        }
    }

private:
    struct Font {
        double sizePx;
        bool bold;
        QFont font;
        QFontMetricsF metrics;
    };

    // One QFont and its metrics per size and weight, not one per string drawn.
    const Font &font(double sizePx, bool bold)
    {
        for (const Font &f : m_fonts)
            if (f.sizePx == sizePx && f.bold == bold)
                return f;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(sizePx * m_pointsPerUnit);
        font.setBold(bold);
        m_fonts.push_back({sizePx, bold, font, QFontMetricsF(font, m_p.device())});
        return m_fonts.back();
    }

    // Draws text with its baseline at y; returns the x where it ends.
    double text(double x, double y, double sizePx, bool bold, const QColor &color, const QString &s,
                Qt::Alignment align = Qt::AlignLeft, bool wantEnd = false)
    {
        const Font &f = font(sizePx, bold);
        m_p.setFont(f.font);
        m_p.setPen(color);
        // Measuring shapes the text a second time: only when the position or the caller needs it.
        const bool measure = wantEnd || (align & (Qt::AlignRight | Qt::AlignHCenter));
        const double width = measure ? f.metrics.horizontalAdvance(s) : 0;
        if (align & Qt::AlignRight)
            x -= width;
        else if (align & Qt::AlignHCenter)
            x -= width / 2;
        m_p.drawText(QPointF(x, y), s);
        return x + width;
    }

    // A pale device's dashed 0.6-unit outline. The dash stroker takes 0.4 ms per outline (a
    // fifth of a face), and every rack repeats the same few outlines: on an image, where the
    // outline lands on the same sub-pixel phase, the rasterized outline is kept per thread and
    // composited, which gives the same pixels (within rounding) as stroking it again.
    void dashedOutline(const QRectF &box, double radius)
    {
        QPen pen(QColor(0x22, 0x26, 0x2a), 0.6);
        pen.setStyle(Qt::DashLine);
        const QTransform t = m_p.transform();
        const bool onImage = m_p.device()->devType() == QInternal::Image && t.type() <= QTransform::TxScale &&
            t.m11() > 0 && t.m22() > 0;
        if (!onImage || !m_p.testRenderHint(QPainter::Antialiasing)) {
            m_p.setPen(pen);
            m_p.setBrush(Qt::NoBrush);
            m_p.drawRoundedRect(box, radius, radius);
            return;
        }
        const QRectF device = t.mapRect(box);
        const QPointF origin(std::floor(device.x()), std::floor(device.y()));
        constexpr int kMarginPx = 4; // the outline's half width and square dash caps stay inside
        const OutlineKey key{t.m11(),      t.m22(), device.x() - origin.x(), device.y() - origin.y(), box.width(),
                             box.height(), radius};
        thread_local std::vector<std::pair<OutlineKey, QImage>> cache;
        const QImage *image = nullptr;
        for (const auto &[k, img] : cache)
            if (k == key)
                image = &img;
        if (!image) {
            if (cache.size() >= 32)
                cache.clear();
            QImage img(static_cast<int>(std::ceil(device.width())) + 2 * kMarginPx,
                       static_cast<int>(std::ceil(device.height())) + 2 * kMarginPx,
                       QImage::Format_ARGB32_Premultiplied);
            img.fill(Qt::transparent);
            QPainter p(&img);
            p.setRenderHints(m_p.renderHints());
            p.setTransform(
                QTransform(t.m11(), 0, 0, t.m22(), t.dx() - origin.x() + kMarginPx, t.dy() - origin.y() + kMarginPx));
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(box, radius, radius);
            p.end();
            cache.emplace_back(key, img);
            image = &cache.back().second;
        }
        m_p.save();
        m_p.resetTransform();
        m_p.drawImage(origin - QPointF(kMarginPx, kMarginPx), *image);
        m_p.restore();
    }

    struct OutlineKey {
        double scaleX, scaleY, phaseX, phaseY, width, height, radius;
        bool operator==(const OutlineKey &o) const
        {
            return scaleX == o.scaleX && scaleY == o.scaleY && phaseX == o.phaseX && phaseY == o.phaseY &&
                width == o.width && height == o.height && radius == o.radius;
        }
    };

    QPainter &m_p;
    const RackDiagramData &m_data;
    const RackFaceDiagram &m_face;
    double m_pointsPerUnit = 1;
    std::vector<Font> m_fonts;
};

} // namespace

void RackDiagramWriter::paint(QPainter &painter, const RackDiagramData &data, const RackFaceDiagram &face)
{
    FacePainter(painter, data, face).paint();
}

bool RackDiagramWriter::png(const RackDiagramData &data, const RackFaceDiagram &face, QByteArray *out, QString *error,
                            double scale)
{
    const QSizeF size = svgSize(face) * scale;
    // One image per thread, reused while the size stays: a fresh 7 MB image for every face cost
    // more in page faults than its fill.
    thread_local QImage image;
    if (image.size() != size.toSize())
        image = QImage(size.toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        paint(painter, data, face);
    }
    *out = encodePng(image);
    if (out->isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: PNG encoding failed").arg(face.title());
        return false;
    }
    return true;
}

bool RackDiagramWriter::pdf(const RackDiagramData &data, QPageSize::PageSizeId pageSize, QByteArray *out,
                            QString *error)
{
    if (data.faces.empty()) {
        if (error)
            *error = QStringLiteral("the plan has no racks to draw");
        return false;
    }
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(pageSize));
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Rack diagrams: %1").arg(data.plan));
    writer.setCreator(QStringLiteral("POC Planner"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("the PDF could not be started");
        return false;
    }
    for (std::size_t i = 0; i < data.faces.size(); ++i) {
        if (i > 0)
            writer.newPage();
        const RackFaceDiagram &face = data.faces[i];
        const QSizeF natural = svgSize(face);
        const double k = std::min(writer.width() / natural.width(), writer.height() / natural.height());
        painter.save();
        painter.translate((writer.width() - natural.width() * k) / 2, 0);
        painter.scale(k, k);
        paint(painter, data, face);
        painter.restore();
    }
    painter.end();
    return true;
}

} // namespace pp
