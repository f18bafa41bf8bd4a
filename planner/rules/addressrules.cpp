#include "planner/rules/addressrules.h"

#include "planner/network/addressplan.h"
#include "planner/rules/rulesupport.h"

namespace pp {

namespace {

void report(const QString &rule, const CheckContext &ctx, AddressProblem::Kind kind, std::vector<Finding> &out)
{
    const AddressPlan plan = AddressPlan::build(ctx.resolved());
    for (const AddressProblem &p : plan.problems()) {
        if (p.kind != kind)
            continue;
        const QStringList subjects = p.subjects.isEmpty() ? QStringList{siteSubject(ctx)} : p.subjects;
        if (kind == AddressProblem::Kind::PoolTooSmall)
            out.push_back(makeFinding(rule, Severity::Error, p.message, subjects, p.needed, p.available,
                                      QStringLiteral("addresses")));
        else
            out.push_back(
                makeFinding(rule, Severity::Error, p.message, subjects, std::nullopt, std::nullopt, QString()));
    }
}

} // namespace

void NetworkAddressOverlapRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    report(id(), ctx, AddressProblem::Kind::Overlap, out);
}

void NetworkAddressPoolRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    report(id(), ctx, AddressProblem::Kind::PoolTooSmall, out);
}

void NetworkAddressSubnetRule::check(const CheckContext &ctx, std::vector<Finding> &out) const
{
    report(id(), ctx, AddressProblem::Kind::OutsideSubnet, out);
}

} // namespace pp
