// Fuzz target: the plan loader must reject any bytes with a LoadError, never crash or hang, and its
// fast path must agree with the tree loader.
#include "planner/io/planfastloader.h"
#include "planner/io/planio.h"
#include "planner/model/plansummary.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    pp::Plan plan;
    pp::LoadError error;
    pp::PlanLoadOptions options;
    options.catalog = &pp::Catalog::builtIn();
    QStringList warnings;
    options.warnings = &warnings;
    // The token-stream loader may only accept what the tree loader accepts, as the same plan.
    if (const std::optional<pp::Plan> fast = pp::loadPlanFast(bytes, options)) {
        try {
            const pp::Json tree = pp::Json::parse(bytes.constData(), bytes.constData() + bytes.size());
            if (pp::planToBytes(pp::planFromJson(tree, options)) != pp::planToBytes(*fast))
                __builtin_trap();
        } catch (const std::exception &) {
            __builtin_trap();
        }
    }
    if (!pp::loadPlanData(bytes, QStringLiteral("fuzz.pocplan.json"), plan, &error, options)) {
        if (error.reason.isEmpty())
            __builtin_trap(); // every refusal must say why
        return 0;
    }
    // A plan that loads must also resolve, summarise and save without trouble.
    pp::SiteProfile site;
    if (pp::ResolvedPlan::resolveSite(plan, pp::Catalog::builtIn(), site, nullptr)) {
        const pp::ResolvedPlan resolved(plan, pp::Catalog::builtIn(), site);
        (void)pp::summarize(resolved);
    }
    pp::Plan again;
    if (!pp::loadPlanData(pp::planToBytes(plan), QStringLiteral("resaved"), again, &error, options))
        __builtin_trap(); // what we write we must read back
    return 0;
}
