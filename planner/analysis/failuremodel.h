#pragma once

#include "planner/analysis/failuredomain.h"
#include "planner/model/resolvedplan.h"

#include <QHash>
#include <memory>
#include <optional>

namespace pp {

class CheckContext;

// What a what-if analysis needs of a plan, derived once: per device its role, rack, PSU feeds and
// draw, the data-path links as a graph (management and BMC links carry no storage traffic), the
// site uplinks, the storage figures, the efficiencies of the sizing model, and every failure
// domain. Evaluating a failure then costs one pass over devices and links (see WhatIfEngine).
// The ResolvedPlan must outlive the model.
class FailureModel {
public:
    struct Node {
        Role role = Role::Other;
        int rack = -1;
        bool counted = false; // in a rack of the plan
        bool dataSwitch = false;
        bool spine = false;
        int pduFeed = -1;     // for a PDU: the feed it carries (0 = A, 1 = B), -1 when not known
        int psus[2] = {0, 0}; // PSUs on feed A and on feed B
        double maxW = 0;      // 0 when unknown: powerKnown says which
        bool powerKnown = false;
        std::optional<double> nominalReadGBps; // C-nodes: catalog figures at 100 % read / write
        std::optional<double> nominalWriteGBps;
        double rawTB = 0; // D-boxes
        int ssds = 0;
    };
    // A data-path link between two devices; dpuA/dpuB: the DPU number of a D-box end, else 0.
    struct Edge {
        int a = -1;
        int b = -1;
        int dpuA = 0;
        int dpuB = 0;
        double speedGbps = 0;
    };
    struct UplinkEnd {
        int device = -1;
        double speedGbps = 0;
    };

    explicit FailureModel(const ResolvedPlan &plan);
    explicit FailureModel(const CheckContext &ctx);
    ~FailureModel();

    const ResolvedPlan &resolved() const { return m_resolved; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    const std::vector<Edge> &edges() const { return m_edges; }
    const int *edgesBegin(int device) const { return m_adj.data() + m_adjOffsets[static_cast<std::size_t>(device)]; }
    const int *edgesEnd(int device) const { return m_adj.data() + m_adjOffsets[static_cast<std::size_t>(device) + 1]; }
    const std::vector<UplinkEnd> &uplinks() const { return m_uplinks; }
    int rackCount() const { return m_rackCount; }

    const std::vector<FailureDomain> &domains() const { return m_domains; }
    const FailureDomain &domain(int i) const { return m_domains[static_cast<std::size_t>(i)]; }
    int domainIndex(const QString &id) const { return m_domainIndex.value(id, -1); }
    // Adds a user-named domain "group:<name>" made of other domains (by id); -1 with a message when
    // a member is unknown or the name is taken.
    int addGroup(const QString &name, const QStringList &memberIds, QString *error);

    // Figures of the sizing model (resources/sizing defaults) and of the intact storage cluster.
    double linkEfficiency() const { return m_linkEfficiency; }
    double readEfficiency() const { return m_readEfficiency; }
    double writeEfficiency() const { return m_writeEfficiency; }
    int dboxCount() const { return m_dboxCount; }
    int clusterSsds() const { return m_clusterSsds; }
    double rawTB() const { return m_rawTB; }
    double ecEfficiency() const { return m_ecEfficiency; }
    int parityStrips() const { return m_parityStrips; }
    int stripeWidth() const { return m_stripeWidth; }
    // Strips of one stripe a D-box holds at most, with the strips spread evenly over the D-boxes.
    int stripsPerDbox() const { return m_stripsPerDbox; }
    // The fewest D-boxes like these (same SSDs per box) whose stripes survive the loss of a whole
    // D-box; 0 without D-boxes.
    int dboxesToSurviveOneLoss() const;
    std::optional<double> feedCapacityW() const { return m_feedCapacityW; }
    bool hasDataLinks() const { return !m_edges.empty(); }

private:
    void build(const CheckContext &ctx);
    void buildNodes(const CheckContext &ctx);
    void buildEdges(const CheckContext &ctx);
    void buildStorage();
    void buildDomains();
    void buildPowerDomains();
    std::vector<int> buildDeviceDomains();
    void buildLeafPairDomains(const std::vector<int> &leaves);
    void addDomain(FailureDomain domain);

    const ResolvedPlan &m_resolved;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<int> m_adjOffsets;
    std::vector<int> m_adj;
    std::vector<UplinkEnd> m_uplinks;
    std::vector<FailureDomain> m_domains;
    QHash<QString, int> m_domainIndex;
    int m_rackCount = 0;
    double m_linkEfficiency = 0;
    double m_readEfficiency = 0;
    double m_writeEfficiency = 0;
    int m_dboxCount = 0;
    int m_clusterSsds = 0;
    double m_rawTB = 0;
    double m_ecEfficiency = 0;
    int m_parityStrips = 0;
    int m_stripeWidth = 0;
    int m_stripsPerDbox = 0;
    std::optional<double> m_feedCapacityW;
};

} // namespace pp
