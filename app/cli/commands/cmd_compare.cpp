#include "app/cli/commands.h"
#include "app/cli/sizingoptions.h"

#include "catalog/io/jsondocument.h"
#include "exporters/reports/comparisonwriter.h"
#include "planner/io/planio.h"
#include "planner/sizing/comparison.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"
#include "planner/sizing/sizingjson.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace pp::cli {

namespace {

// The options of `compare` besides the sizing options.
struct CompareOptions {
    const QCommandLineOption formatOpt{QStringLiteral("format"), QStringLiteral("md, csv, json or pdf (default md)."),
                                       QStringLiteral("fmt"), QStringLiteral("md")};
    const QCommandLineOption jsonOpt{QStringLiteral("json"), QStringLiteral("Same as --format json.")};
    const QCommandLineOption outOpt{QStringLiteral("output"),
                                    QStringLiteral("Write to this file instead of standard output (required for pdf)."),
                                    QStringLiteral("file")};
    const QCommandLineOption designsOpt{QStringLiteral("designs"),
                                        QStringLiteral("Comma-separated design presets (default poc,ncp,density)."),
                                        QStringLiteral("list"), QStringLiteral("poc,ncp,density")};
    const QCommandLineOption inputsOpt{
        QStringLiteral("inputs"),
        QStringLiteral("A user design: JSON file of sizing inputs (keys as in `size --json` inputs; \"design\" picks a "
                       "preset to start from). Repeatable."),
        QStringLiteral("file")};
    const QCommandLineOption referenceOpt{
        QStringLiteral("reference"),
        QStringLiteral(
            "Design whose capacity sizes the object-store and Lustre columns (default ncp, else the first)."),
        QStringLiteral("id")};
    const QCommandLineOption osRacksOpt{QStringLiteral("object-store-racks"),
                                        QStringLiteral("Your rack count for the object store (no public figure)."),
                                        QStringLiteral("n")};
    const QCommandLineOption osPowerOpt{
        QStringLiteral("object-store-kw"),
        QStringLiteral("Your power figure for the object store, kW (no public figure)."), QStringLiteral("kW")};
    const QCommandLineOption catalogOpt{QStringLiteral("catalog"), QStringLiteral("Extra catalog file or folder."),
                                        QStringLiteral("file")};
};

// The user's own object-store figures (no public source gives them); false: a bad number, said on stderr.
bool readUserFigures(CliContext &ctx, const QCommandLineParser &parser, const CompareOptions &o,
                     ObjectStoreUserFigures &user)
{
    for (const auto &[option, target] :
         {std::pair{&o.osRacksOpt, &user.racks}, std::pair{&o.osPowerOpt, &user.powerKW}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const double v = parser.value(*option).toDouble(&ok);
        if (!ok || v < 0) {
            ctx.err() << "error: --" << option->names().first() << ": \"" << parser.value(*option)
                      << "\" is not a non-negative number" << Qt::endl;
            return false;
        }
        *target = v;
    }
    return true;
}

// One user design from a JSON file of sizing inputs; false: unreadable or invalid, said on stderr.
bool readDesignFile(CliContext &ctx, const QString &file, SizingInputs &in)
{
    Json doc;
    LoadError error;
    if (!readJsonFile(file, doc, &error)) {
        ctx.err() << "error: " << error.toString() << Qt::endl;
        return false;
    }
    try {
        json::requireObject(doc, QString());
        if (!designInputs(ctx, json::string(doc, "design", QString(), false), in))
            return false;
        if (in.name == QLatin1String("Custom design"))
            in.name = QFileInfo(file).completeBaseName();
        in.applyJson(doc.contains("inputs") ? json::object(doc, "inputs", QString()) : doc,
                     doc.contains("inputs") ? QStringLiteral("inputs") : QString());
    } catch (const FieldError &e) {
        ctx.err() << "error: " << file << ": " << (e.path.isEmpty() ? QStringLiteral("(top level)") : e.path) << ": "
                  << e.reason << Qt::endl;
        return false;
    }
    return true;
}

// The presets of --designs, then the files of --inputs, each with the sizing options applied.
bool collectDesigns(CliContext &ctx, const QCommandLineParser &parser, const CompareOptions &o,
                    const SizingOptions &sizing, std::vector<SizingInputs> &inputs, QStringList &ids)
{
    for (const QString &id : parser.value(o.designsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        SizingInputs in;
        if (!designInputs(ctx, id.trimmed(), in) || !sizing.apply(parser, ctx, in))
            return false;
        inputs.push_back(in);
        ids << id.trimmed();
    }
    for (const QString &file : parser.values(o.inputsOpt)) {
        SizingInputs in;
        if (!readDesignFile(ctx, file, in) || !sizing.apply(parser, ctx, in))
            return false;
        inputs.push_back(in);
        ids << in.name;
    }
    return true;
}

// The design whose capacity sizes the object-store and Lustre columns; -1: --reference names none.
int referenceDesign(CliContext &ctx, const QCommandLineParser &parser, const CompareOptions &o, const QStringList &ids)
{
    const QString refId = parser.isSet(o.referenceOpt) ? parser.value(o.referenceOpt) : QStringLiteral("ncp");
    int reference = static_cast<int>(ids.indexOf(refId));
    if (reference < 0) {
        if (parser.isSet(o.referenceOpt)) {
            ctx.err() << "error: --reference: \"" << refId << "\" is not among the compared designs ("
                      << ids.join(QStringLiteral(", ")) << ")" << Qt::endl;
            return -1;
        }
        reference = 0;
    }
    return reference;
}

int writeComparison(CliContext &ctx, const QCommandLineParser &parser, const CompareOptions &o, const QString &format,
                    const Comparison &comparison)
{
    const ComparisonWriter writer(comparison);
    QByteArray bytes;
    if (format == QLatin1String("pdf")) {
        QString error;
        if (!writer.writePdf(parser.value(o.outOpt), &error)) {
            ctx.err() << "error: " << error << Qt::endl;
            return kExitPlanErrors;
        }
        return kExitOk;
    }
    if (format == QLatin1String("json"))
        bytes = QByteArray::fromStdString(comparisonToJson(comparison).dump(2)) + '\n';
    else if (format == QLatin1String("csv"))
        bytes = writer.csv();
    else
        bytes = writer.markdown();
    if (parser.isSet(o.outOpt)) {
        QString error;
        if (!writeFileAtomically(parser.value(o.outOpt), bytes, &error)) {
            ctx.err() << "error: " << error << Qt::endl;
            return kExitPlanErrors;
        }
    } else {
        ctx.out() << QString::fromUtf8(bytes) << Qt::flush;
    }
    return kExitOk;
}

} // namespace

int runCompare(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const CompareOptions o;
    parser.addOptions({o.formatOpt, o.jsonOpt, o.outOpt, o.designsOpt, o.inputsOpt, o.referenceOpt, o.osRacksOpt,
                       o.osPowerOpt, o.catalogOpt});
    const SizingOptions sizing;
    sizing.addTo(parser);
    if (const int rc =
            ctx.parse(parser, args,
                      QStringLiteral("Compare storage designs side by side with cloud object-store and Lustre columns, "
                                     "data movement and extrapolation. Sizing options apply to every design."));
        rc >= 0)
        return rc;
    const QString format = parser.isSet(o.jsonOpt) ? QStringLiteral("json") : parser.value(o.formatOpt);
    if (!QStringList{QStringLiteral("md"), QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("pdf")}
             .contains(format)) {
        ctx.err() << "error: --format: expected md, csv, json or pdf, found \"" << format << "\"" << Qt::endl;
        return kExitUsage;
    }
    if (format == QLatin1String("pdf") && !parser.isSet(o.outOpt)) {
        ctx.err() << "error: --format pdf needs --output FILE" << Qt::endl;
        return kExitUsage;
    }
    if (!ctx.loadCatalog(parser.values(o.catalogOpt)))
        return kExitUsage;
    ObjectStoreUserFigures user;
    if (!readUserFigures(ctx, parser, o, user))
        return kExitUsage;
    std::vector<SizingInputs> inputs;
    QStringList ids;
    if (!collectDesigns(ctx, parser, o, sizing, inputs, ids))
        return kExitUsage;
    if (inputs.empty()) {
        ctx.err() << "error: no designs to compare" << Qt::endl;
        return kExitUsage;
    }
    const SizingData &data = SizingData::builtIn();
    const SizingEngine engine(ctx.catalog(), data);
    std::vector<SizingResult> results;
    for (const SizingInputs &in : inputs) {
        results.push_back(engine.size(in));
        if (!results.back().ok()) {
            ctx.err() << "error: " << in.name << ": " << results.back().error << Qt::endl;
            return kExitPlanErrors;
        }
    }
    const int reference = referenceDesign(ctx, parser, o, ids);
    if (reference < 0)
        return kExitUsage;
    const Comparison comparison = buildComparison(std::move(results), reference, data, user);
    return writeComparison(ctx, parser, o, format, comparison);
}

} // namespace pp::cli
