#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <QString>
#include <vector>

namespace pp {

// One LLDP neighbour entry as a switch reports it: on local port X it sees remote host Y, port Z.
struct NeighbourRow {
    QString localHost;
    QString localPort;
    QString remoteHost;
    QString remotePort;
    QString label; // the cable label from the plan (expected rows only)
};

// The neighbour table the plan expects, seen from every switch end of every link, sorted by
// switch hostname and port. Hostnames are the plan's hostnames (ids where a hostname is empty).
// exporters/lldpneighbourcsvwriter.h writes it as CSV.
std::vector<NeighbourRow> expectedNeighbours(const Plan &plan, const Catalog &catalog);

// Captured LLDP output of one switch: NVUE `nv show interface --view=lldp` or Arista EOS
// `show lldp neighbors`. The switch is named by a shell prompt in the text (user@host:~$, host#)
// or, failing that, by fallbackHost (the file name). False with a reason when nothing parses.
struct LldpCapture {
    QString host;
    QString format; // "nvue", "eos" or "sonic"
    std::vector<NeighbourRow> rows;
};
bool parseLldpCapture(const QString &text, const QString &fallbackHost, LldpCapture &out, QString *why);

// Where the cabling differs from the plan, for the switches that were captured.
struct CablingMismatch {
    enum class Kind { Miswired, Missing, Unexpected };
    Kind kind = Kind::Missing;
    QString localHost;
    QString localPort;
    QString expected; // "host:port" the plan wants there (empty for unexpected)
    QString found;    // "host:port" LLDP sees there (empty for missing)
    QString label;
};

struct CablingVerification {
    int matched = 0;
    std::vector<CablingMismatch> mismatches;
    QStringList swaps; // "leaf-a: swp1s0 and swp1s1 are swapped (…)"
    QStringList hostsChecked;
    QStringList unknownHosts; // captures whose switch the plan does not have
    bool clean() const { return mismatches.empty() && unknownHosts.isEmpty(); }
};

CablingVerification verifyCabling(const std::vector<NeighbourRow> &expected, const std::vector<LldpCapture> &captures);
QString cablingVerificationText(const CablingVerification &result);

} // namespace pp
