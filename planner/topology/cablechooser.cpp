#include "planner/topology/cablechooser.h"

#include <QStringBuilder>
#include <algorithm>
#include <cmath>

namespace pp {

CableChooser::CableChooser(const Catalog &catalog, const CablePolicy &policy)
    : m_policy(policy)
    , m_cables(catalog.deviceTypes(Role::Cable))
{
    std::sort(m_cables.begin(), m_cables.end(), [](const DeviceType *a, const DeviceType *b) { return a->id < b->id; });
    for (const DeviceType *c : m_cables) {
        std::vector<double> lengths = c->cable.stockLengthsM;
        std::sort(lengths.begin(), lengths.end());
        m_stockM.push_back(std::move(lengths));
    }
}

static void place(const RunEnd &end, double rackPitchM, double rowPitchM, double &x, double &y)
{
    int row = end.rack ? end.rack->row : 0;
    int position = end.rack ? end.rack->position : 0;
    if (row == 0 && position == 0) {
        // No floor position given: assume the racks stand side by side in plan order.
        row = 1;
        position = end.rackIndex + 1;
    }
    x = position * rackPitchM;
    y = row * rowPitchM;
}

double CableChooser::runLengthM(const RunEnd &a, const RunEnd &b) const
{
    const double uM = m_policy.rackUnitMM / 1000.0;
    if (sameRack(a, b) || !a.rack || !b.rack)
        return std::abs(a.centreU - b.centreU) * uM + m_policy.slackM;
    double xa = 0, ya = 0, xb = 0, yb = 0;
    place(a, m_policy.rackPitchMM / 1000.0, m_policy.rowPitchMM / 1000.0, xa, ya);
    place(b, m_policy.rackPitchMM / 1000.0, m_policy.rowPitchMM / 1000.0, xb, yb);
    // Up to the overhead tray, along the rows, and down again.
    const double upA = std::max(0.0, a.rack->heightU - a.centreU) * uM + m_policy.trayAboveRackM;
    const double upB = std::max(0.0, b.rack->heightU - b.centreU) * uM + m_policy.trayAboveRackM;
    return upA + std::abs(xa - xb) + std::abs(ya - yb) + upB + m_policy.slackM;
}

bool CableChooser::kindMatches(const QString &choice, const QString &cableKind)
{
    if (choice == QLatin1String("dac"))
        return cableKind == QLatin1String("dac") || cableKind == QLatin1String("breakout-dac");
    if (choice == QLatin1String("aoc"))
        return cableKind == QLatin1String("aoc") || cableKind == QLatin1String("breakout-aoc");
    if (choice == QLatin1String("optics"))
        return cableKind == QLatin1String("fibre");
    return cableKind == choice;
}

static std::optional<double> stockLength(const std::vector<double> &lengths, double runM)
{
    if (lengths.empty())
        return std::ceil(runM * 2.0) / 2.0; // cut to order: round up to half a metre
    for (double l : lengths)
        if (l + 1e-9 >= runM)
            return l;
    return std::nullopt;
}

std::optional<double> CableChooser::stockLengthM(const CableSpec &cable, double runM)
{
    std::vector<double> lengths = cable.stockLengthsM;
    std::sort(lengths.begin(), lengths.end());
    return stockLength(lengths, runM);
}

std::optional<CableSelection> CableChooser::choose(LinkClass linkClass, double legSpeedGbps, int legs, bool inRack,
                                                   double runM, const QString &media, QString *why) const
{
    legs = std::max(legs, 1);
    QStringList tried;
    for (const CableChoice &choice : m_policy.choices(linkClass)) {
        if (choice.sameRackOnly && !inRack) {
            tried << choice.kind + QStringLiteral(" (same rack only)");
            continue;
        }
        if (choice.maxLengthM > 0 && runM > choice.maxLengthM + 1e-9) {
            tried << QStringLiteral("%1 (up to %2 m)").arg(choice.kind).arg(choice.maxLengthM);
            continue;
        }
        const DeviceType *best = nullptr;
        double bestLength = 0;
        for (std::size_t ci = 0; ci < m_cables.size(); ++ci) {
            const DeviceType *c = m_cables[ci];
            const CableSpec &spec = c->cable;
            if (!kindMatches(choice.kind, spec.kind) || spec.legs != legs ||
                std::abs(spec.speedGbps - legSpeedGbps) > 1e-6)
                continue;
            const auto length = stockLength(m_stockM[ci], runM);
            if (!length || (choice.maxLengthM > 0 && *length > choice.maxLengthM + 1e-9))
                continue;
            // Prefer a cable whose connector matches the port, then the shorter stock length.
            const bool mediaMatch = !media.isEmpty() && spec.media == media;
            const bool bestMedia = best && !media.isEmpty() && best->cable.media == media;
            if (!best || (mediaMatch && !bestMedia) || (mediaMatch == bestMedia && *length < bestLength)) {
                best = c;
                bestLength = *length;
            }
        }
        if (!best) {
            tried << QStringLiteral("%1 (no %2 cable of %3G%4 long enough)")
                         .arg(choice.kind, choice.kind)
                         .arg(legSpeedGbps)
                         .arg(legs > 1 ? QStringLiteral(" x%1 legs").arg(legs) : QString());
            continue;
        }
        CableSelection sel;
        sel.cableId = best->id;
        sel.lengthM = bestLength;
        sel.runM = runM;
        sel.kind = choice.kind;
        if (choice.kind == QLatin1String("optics")) {
            for (const DeviceType *c : m_cables)
                if (c->cable.kind == QLatin1String("transceiver") &&
                    std::abs(c->cable.speedGbps - legSpeedGbps) < 1e-6) {
                    sel.transceiverId = c->id;
                    break;
                }
        }
        return sel;
    }
    if (why)
        *why = QStringLiteral("no catalog cable for a %1 link of %2 Gbit/s%3 over %4 m (tried %5)")
                   .arg(linkClassId(linkClass))
                   .arg(legSpeedGbps)
                   .arg(legs > 1 ? QStringLiteral(" in %1 legs").arg(legs) : QString())
                   .arg(runM, 0, 'f', 1)
                   .arg(tried.isEmpty() ? QStringLiteral("nothing") : tried.join(QStringLiteral(", ")));
    return std::nullopt;
}

QString CableChooser::label(const Device &a, const QString &portA, const Device &b, const QString &portB)
{
    const QString ha = a.hostname.isEmpty() ? a.id : a.hostname;
    const QString hb = b.hostname.isEmpty() ? b.id : b.hostname;
    return ha % QLatin1Char(':') % portA % QLatin1String("--") % hb % QLatin1Char(':') % portB; // one allocation
}

LinkOptics opticsForCable(const Catalog &catalog, const QString &cableId)
{
    const DeviceType *cable = catalog.deviceType(cableId);
    if (!cable || cable->cable.kind != QLatin1String("fibre"))
        return {};
    std::vector<const DeviceType *> optics = catalog.deviceTypes(Role::Cable);
    std::sort(optics.begin(), optics.end(), [](const DeviceType *a, const DeviceType *b) { return a->id < b->id; });
    for (const DeviceType *t : optics)
        if (t->cable.kind == QLatin1String("transceiver") &&
            std::abs(t->cable.speedGbps - cable->cable.speedGbps) < 1e-6)
            return LinkOptics{t->id, 2};
    return {};
}

} // namespace pp
