#pragma once

#include "planner/network/addressplan.h"

#include <QByteArray>

namespace pp {

// The address plan as address-plan.csv (one row per value) and address-plan.json (values and
// problems), for the site's IPAM and the runbook.
class AddressPlanWriter {
public:
    static QByteArray csv(const AddressPlan &plan);
    static QByteArray json(const QString &planName, const AddressPlan &plan);
};

} // namespace pp
