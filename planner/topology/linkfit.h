#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"
#include "planner/topology/cablechooser.h"

#include <QHash>

namespace pp {

// What a link asks of its cable, worked out from its two ports and its route through the plan.
struct LinkNeed {
    bool known = false; // both ends name ports of catalog types; otherwise nothing below is set
    LinkClass linkClass = LinkClass::Node;
    double legSpeedGbps = 0;
    int legs = 1; // more than 1 on a breakout lane: the cable splits one port into legs
    bool inRack = true;
    double runM = 0; // the measured run (the longest leg for a breakout cable)
    QString media;   // the switch side's connector, preferred when choosing
};

// Whether a link's cable still fits its ports and route, and a fresh choice when it does not.
// Built once per plan state: it indexes devices and the legs of breakout cables.
class LinkFit {
public:
    LinkFit(const Plan &plan, const Catalog &catalog, const CablePolicy &policy);

    LinkNeed need(const Link &link) const;
    // Why the link's cable does not fit: no cable, unknown cable, wrong speed or leg count, too
    // short for its run, a kind the policy keeps inside a rack. Empty when it fits.
    QStringList problems(const Link &link, const LinkNeed &need) const;
    // For a derived link: keeps the cable when it still fits and re-derives its stock length from
    // the run (the shortest that covers it, as the auto-cabler picks), else chooses again. False (cable and length cleared) when no catalog cable fits.
    bool rederive(Link &link, const LinkNeed &need, QString *why) const;
    // The plan's links that are legs of the same breakout cable as this one (itself included).
    QList<int> legsOf(const Link &link) const;
    // The label printed on the cable, from the hostnames of its ends as they are now.
    QString label(const Link &link) const;

private:
    const Device *device(const QString &id) const;
    RunEnd runEnd(const Device &d) const;
    bool kindAllowed(const CableSpec &cable, const LinkNeed &need) const;

    const Plan &m_plan;
    const Catalog &m_catalog;
    const CablePolicy &m_policy;
    CableChooser m_chooser;
    QHash<QString, int> m_deviceIndex;
    QHash<QString, int> m_rackIndex;
    QHash<QString, QList<int>> m_legs; // "device:basePort" of a breakout end → links on its lanes
};

} // namespace pp
