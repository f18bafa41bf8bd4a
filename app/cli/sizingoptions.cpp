#include "sizingoptions.h"

#include "planner/sizing/sizingdata.h"

#include <cmath>

namespace pp::cli {

namespace {
QCommandLineOption opt(const char *name, const char *help, const char *value = nullptr)
{
    return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help), QString::fromLatin1(value))
                 : QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help));
}

// Reads option values into sizing inputs, checking ranges; after the first bad value it reads no more
// and ok() is false (the error is on stderr).
class OptionReader {
public:
    OptionReader(const QCommandLineParser &parser, CliContext &ctx)
        : m_parser(parser)
        , m_ctx(ctx)
    { }
    bool ok() const { return m_ok; }

    void number(const char *name, double min, double max, double &target)
    {
        const QString key = QString::fromLatin1(name);
        if (!m_ok || !m_parser.isSet(key))
            return;
        bool good = false;
        const double v = m_parser.value(key).toDouble(&good);
        if (!good || !std::isfinite(v) || v < min || v > max) {
            m_ctx.err() << "error: --" << key << ": \"" << m_parser.value(key) << "\" is not a number from " << min
                        << " to " << max << Qt::endl;
            m_ok = false;
            return;
        }
        target = v;
    }
    void integer(const char *name, int min, int max, int &target)
    {
        double v = target;
        number(name, min, max, v);
        if (m_ok && m_parser.isSet(QString::fromLatin1(name))) {
            if (v != std::floor(v)) {
                m_ctx.err() << "error: --" << name << ": expected a whole number" << Qt::endl;
                m_ok = false;
                return;
            }
            target = static_cast<int>(v);
        }
    }
    void text(const char *name, QString &target)
    {
        if (m_parser.isSet(QString::fromLatin1(name)))
            target = m_parser.value(QString::fromLatin1(name));
    }

private:
    const QCommandLineParser &m_parser;
    CliContext &m_ctx;
    bool m_ok = true;
};
} // namespace

SizingOptions::SizingOptions()
{
    m_options = {
        opt("gpus", "GPU count.", "n"),
        opt("gpus-per-node", "GPUs per node (default 8).", "n"),
        opt("profile", "Bandwidth profile: good, better, best (DGX SuperPOD H100 storage tiers) or custom.", "name"),
        opt("read-per-gpu", "Custom read GB/s per GPU (with --profile custom).", "GBps"),
        opt("write-per-gpu", "Custom write GB/s per GPU (with --profile custom).", "GBps"),
        opt("capacity-pb", "Usable capacity wanted, PB (decimal).", "PB"),
        opt("ckpt-params", "Model parameters per checkpoint, e.g. 1.8e12 (0 = no checkpoint).", "n"),
        opt("ckpt-bytes-per-param", "Checkpoint bytes per parameter (default 14).", "bytes"),
        opt("ckpt-interval-min", "Minutes between checkpoints (default 30).", "min"),
        opt("ckpt-stall-pct", "Share of training time a synchronous checkpoint may stall, % (default 5).", "pct"),
        opt("mix-read-pct", "Concurrent read share of GPU traffic, % (catalog mix points interpolated).", "pct"),
        opt("drr", "Data-reduction ratio (default 1.0).", "ratio"),
        opt("growth-years", "Years of growth in the capacity projection.", "years"),
        opt("growth-pct", "Capacity growth per year, %.", "pct"),
        opt("read-eff", "Achievable/nominal read factor (default 1.0 = nominal).", "factor"),
        opt("write-eff", "Achievable/nominal write factor (default 1.0 = nominal).", "factor"),
        opt("observed-eff", "Use the efficiencies the customer observed elsewhere (~0.9 read, ~0.55 write)."),
        opt("link-eff", "Payload share of client link line rate (default 0.96).", "factor"),
        opt("reserve-pct", "Capacity kept free beyond erasure coding, %.", "pct"),
        opt("cnode", "C-node type id (default cnode-turin).", "id"),
        opt("dbox", "D-box type id (default dbox-ceres-1350).", "id"),
        opt("switch", "Data switch type id (default sw-sn5600).", "id"),
        opt("site", "Site profile id for rack and feed limits (default customer-lab-poc).", "id"),
        opt("rack-kw", "Rack power limit, kW.", "kW"),
        opt("rack-u", "Rack height, U.", "U"),
        opt("site-mw", "Site power limit, MW (warns when exceeded).", "MW"),
        opt("cnodes", "Fix the C-node count (counts → figures).", "n"),
        opt("dboxes", "Fix the D-box count (counts → figures).", "n"),
        opt("dataset-tb", "Dataset to pre-stage from the object store, TB.", "TB"),
        opt("wan-gbps", "WAN link to the object store, Gbit/s.", "Gbps"),
    };
}

void SizingOptions::addTo(QCommandLineParser &parser) const
{
    for (const QCommandLineOption &o : m_options)
        parser.addOption(o);
}

bool SizingOptions::anySet(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption &o : m_options)
        if (parser.isSet(o))
            return true;
    return false;
}

bool SizingOptions::apply(const QCommandLineParser &parser, CliContext &ctx, SizingInputs &in) const
{
    const SizingData &data = SizingData::builtIn();
    OptionReader r(parser, ctx);
    if (parser.isSet(QStringLiteral("site"))) {
        const QString id = parser.value(QStringLiteral("site"));
        const SiteProfile *site = ctx.catalog().site(id);
        if (!site) {
            ctx.err() << "error: --site: unknown site profile \"" << id << "\"" << Qt::endl;
            return false;
        }
        in.applySite(*site);
    }
    r.integer("gpus", 1, 100000000, in.gpus); // 0 GPUs: leave --gpus out to size by capacity alone
    r.integer("gpus-per-node", 1, 1024, in.gpusPerNode);
    r.text("profile", in.profile);
    if (parser.isSet(QStringLiteral("profile")) && in.profile != QLatin1String("custom") && !data.profile(in.profile)) {
        ctx.err() << "error: --profile: expected good, better, best or custom, found \"" << in.profile << "\""
                  << Qt::endl;
        return false;
    }
    r.number("read-per-gpu", 0, 1e6, in.customReadGBpsPerGpu);
    r.number("write-per-gpu", 0, 1e6, in.customWriteGBpsPerGpu);
    r.number("capacity-pb", 0, 1e7, in.capacityPB);
    r.number("ckpt-params", 0, 1e16, in.ckptParams);
    r.number("ckpt-bytes-per-param", 0.1, 1000, in.ckptBytesPerParam);
    r.number("ckpt-interval-min", 0.01, 1e6, in.ckptIntervalMin);
    r.number("ckpt-stall-pct", 0.001, 100, in.ckptStallPct);
    if (parser.isSet(QStringLiteral("mix-read-pct"))) {
        double mix = 0;
        r.number("mix-read-pct", 0, 100, mix);
        in.mixReadPct = mix;
    }
    r.number("drr", 0.01, 1000, in.dataReduction);
    r.number("growth-years", 0, 100, in.growthYears);
    r.number("growth-pct", -100, 1000, in.growthPctPerYear);
    if (parser.isSet(QStringLiteral("observed-eff"))) {
        in.readEfficiency = data.observedReadEfficiency.valueOr(in.readEfficiency);
        in.writeEfficiency = data.observedWriteEfficiency.valueOr(in.writeEfficiency);
    }
    r.number("read-eff", 0.01, 1, in.readEfficiency);
    r.number("write-eff", 0.01, 1, in.writeEfficiency);
    r.number("link-eff", 0.01, 1, in.linkEfficiency);
    r.number("reserve-pct", 0, 99, in.reservePct);
    r.text("cnode", in.cnodeType);
    r.text("dbox", in.dboxType);
    r.text("switch", in.switchType);
    r.number("rack-kw", 0.1, 10000, in.rackKW);
    r.integer("rack-u", 1, 100, in.rackU);
    r.number("site-mw", 0, 1e5, in.siteMW);
    r.integer("cnodes", 0, 100000, in.fixedCnodes);
    r.integer("dboxes", 0, 100000, in.fixedDboxes);
    r.number("dataset-tb", 0, 1e9, in.datasetTB);
    r.number("wan-gbps", 0.001, 1e9, in.wanGbps);
    return r.ok();
}

bool designInputs(CliContext &ctx, const QString &design, SizingInputs &inputs)
{
    const SizingData &data = SizingData::builtIn();
    if (design.isEmpty()) {
        inputs = SizingInputs::defaults(data);
        inputs.name = QStringLiteral("Custom design");
        if (const SiteProfile *site = ctx.catalog().site(inputs.site))
            inputs.applySite(*site);
        return true;
    }
    const DesignPreset *preset = data.design(design);
    if (!preset) {
        QStringList ids;
        for (const DesignPreset &d : data.designs)
            ids << d.id;
        ctx.err() << "error: --design: unknown design \"" << design
                  << "\"; available: " << ids.join(QStringLiteral(", ")) << Qt::endl;
        return false;
    }
    inputs = SizingInputs::forDesign(*preset, data, ctx.catalog());
    return true;
}

} // namespace pp::cli
