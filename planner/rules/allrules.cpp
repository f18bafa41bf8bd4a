#include "planner/rules/rule.h"

namespace pp {

const std::vector<std::unique_ptr<Rule>> &allRules()
{
    static const std::vector<std::unique_ptr<Rule>> rules = [] {
        std::vector<std::unique_ptr<Rule>> list;
        return list;
    }();
    return rules;
}

} // namespace pp
