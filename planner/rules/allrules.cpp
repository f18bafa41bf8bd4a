#include "planner/rules/addressrules.h"
#include "planner/rules/coolingrules.h"
#include "planner/rules/networkrules.h"
#include "planner/rules/powerrules.h"
#include "planner/rules/resiliencerules.h"
#include "planner/rules/rocerules.h"
#include "planner/rules/spacerules.h"
#include "planner/rules/weightrules.h"

namespace pp {

const std::vector<std::unique_ptr<Rule>> &allRules()
{
    static const std::vector<std::unique_ptr<Rule>> rules = [] {
        std::vector<std::unique_ptr<Rule>> list;
        list.push_back(std::make_unique<SpaceOverlapRule>());
        list.push_back(std::make_unique<SpaceOutsideRackRule>());
        list.push_back(std::make_unique<SpaceDepthRule>());
        list.push_back(std::make_unique<PowerSiteBudgetRule>());
        list.push_back(std::make_unique<PowerRackBudgetRule>());
        list.push_back(std::make_unique<PowerFeedCapacityRule>());
        list.push_back(std::make_unique<PowerFeedRedundancyRule>());
        list.push_back(std::make_unique<PowerOutletsRule>());
        list.push_back(std::make_unique<CoolingRackHeatRule>());
        list.push_back(std::make_unique<CoolingSiteHeatRule>());
        list.push_back(std::make_unique<CoolingAirDensityRule>());
        list.push_back(std::make_unique<CoolingAirflowMixRule>());
        list.push_back(std::make_unique<WeightRackStaticRule>());
        list.push_back(std::make_unique<NetworkPortCapacityRule>());
        list.push_back(std::make_unique<NetworkSpeedMismatchRule>());
        list.push_back(std::make_unique<NetworkCableFitRule>());
        list.push_back(std::make_unique<NetworkUplinkCountRule>());
        list.push_back(std::make_unique<NetworkUplinkSpeedRule>());
        list.push_back(std::make_unique<NetworkOversubscriptionRule>());
        list.push_back(std::make_unique<NetworkRoceRule>());
        list.push_back(std::make_unique<NetworkUnconnectedRule>());
        list.push_back(std::make_unique<NetworkDualHomingRule>());
        list.push_back(std::make_unique<NetworkRoceHopsRule>());
        list.push_back(std::make_unique<NetworkPfcHeadroomRule>());
        list.push_back(std::make_unique<NetworkAddressOverlapRule>());
        list.push_back(std::make_unique<NetworkAddressPoolRule>());
        list.push_back(std::make_unique<NetworkAddressSubnetRule>());
        list.push_back(std::make_unique<ResilienceMinCNodesRule>());
        list.push_back(std::make_unique<ResilienceMinDBoxRule>());
        list.push_back(std::make_unique<ResilienceSwitchPairRule>());
        list.push_back(std::make_unique<ResilienceDualPsuRule>());
        list.push_back(std::make_unique<ResilienceSinglePointRule>());
        return list;
    }();
    return rules;
}

const Rule *findRule(const QString &id)
{
    for (const auto &rule : allRules())
        if (rule->id() == id)
            return rule.get();
    return nullptr;
}

} // namespace pp
