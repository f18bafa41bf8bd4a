// Fuzz target: the plan loader must reject any bytes with a LoadError, never crash or hang.
#include "planner/planio.h"
#include "planner/plansummary.h"

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
