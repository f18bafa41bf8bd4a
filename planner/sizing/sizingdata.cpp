#include "planner/sizing/sizingdata.h"

#include "catalog/io/jsondocument.h"

namespace pp {

static Figure readFigure(const Json &parent, const char *key, const QString &path)
{
    const QString here = json::join(path, key);
    const Json &o = json::object(parent, key, path);
    Figure f;
    f.value = json::optionalNumber(o, "value", here, -1e18, 1e18);
    f.source = json::string(o, "source", here, false);
    f.confidence = json::string(o, "confidence", here, false);
    f.note = json::string(o, "note", here, false);
    return f;
}

static std::vector<SuperPodProfile> readProfiles(const Json &doc, const QString &root)
{
    std::vector<SuperPodProfile> out;
    const Json &profiles = json::array(doc, "superpodProfiles", root, true);
    for (std::size_t i = 0; i < profiles.size(); ++i) {
        const QString p = json::join(QStringLiteral("superpodProfiles"), i);
        const Json &o = profiles[i];
        SuperPodProfile sp;
        sp.id = json::string(o, "id", p);
        sp.name = json::string(o, "name", p);
        sp.suNodes = json::integer(o, "suNodes", p, 1, 100000);
        sp.suReadGBps = readFigure(o, "suReadGBps", p);
        sp.suWriteGBps = readFigure(o, "suWriteGBps", p);
        sp.nodeReadGBps = readFigure(o, "nodeReadGBps", p);
        sp.nodeWriteGBps = readFigure(o, "nodeWriteGBps", p);
        out.push_back(sp);
    }
    return out;
}

static std::vector<SizingPortPlan> readPortPlans(const Json &doc, const QString &root)
{
    std::vector<SizingPortPlan> out;
    const Json &plans = json::array(doc, "switchPortPlans", root, true);
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const QString p = json::join(QStringLiteral("switchPortPlans"), i);
        SizingPortPlan sp;
        sp.switchPorts = json::integer(plans[i], "switchPorts", p, 1, 10000);
        sp.nodePorts = readFigure(plans[i], "nodePorts", p);
        sp.uplinkPorts = readFigure(plans[i], "uplinkPorts", p);
        sp.islPorts = readFigure(plans[i], "islPorts", p);
        out.push_back(sp);
    }
    return out;
}

static std::vector<LustreTier> readLustreTiers(const Json &lustre)
{
    std::vector<LustreTier> out;
    const Json &tiers = json::array(lustre, "tiers", QStringLiteral("lustre"), true);
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const QString p = json::join(QStringLiteral("lustre.tiers"), i);
        LustreTier t;
        t.id = json::string(tiers[i], "id", p);
        t.name = json::string(tiers[i], "name", p);
        t.mbpsPerTiB = readFigure(tiers[i], "mbpsPerTiB", p);
        t.minTiB = readFigure(tiers[i], "minTiB", p);
        t.maxTiB = readFigure(tiers[i], "maxTiB", p);
        t.incrementTiB = readFigure(tiers[i], "incrementTiB", p);
        out.push_back(t);
    }
    return out;
}

static std::vector<DesignPreset> readDesigns(const Json &doc, const QString &root)
{
    std::vector<DesignPreset> out;
    const Json &designs = json::array(doc, "designs", root, true);
    for (std::size_t i = 0; i < designs.size(); ++i) {
        const QString p = json::join(QStringLiteral("designs"), i);
        DesignPreset dp;
        dp.id = json::string(designs[i], "id", p);
        dp.name = json::string(designs[i], "name", p);
        dp.note = json::string(designs[i], "note", p, false);
        dp.inputs = json::object(designs[i], "inputs", p);
        dp.quoted = json::object(designs[i], "quoted", p);
        out.push_back(dp);
    }
    return out;
}

SizingData SizingData::fromJson(const Json &doc)
{
    SizingData d;
    const QString root;
    const Json &sources = json::object(doc, "sources", root);
    for (auto it = sources.begin(); it != sources.end(); ++it)
        d.sourceTitles[json::fromStd(it.key())] =
            json::string(it.value(), "title", json::join(QStringLiteral("sources"), it.key().c_str()), false);
    const Json &ckpt = json::object(doc, "checkpoint", root);
    const QString cp = QStringLiteral("checkpoint");
    d.bytesPerParam = readFigure(ckpt, "bytesPerParam", cp);
    d.exampleParams = readFigure(ckpt, "exampleParams", cp);
    d.exampleIntervalMin = readFigure(ckpt, "exampleIntervalMin", cp);
    d.exampleStallPct = readFigure(ckpt, "exampleStallPct", cp);

    d.profiles = readProfiles(doc, root);

    const Json &eff = json::object(doc, "efficiency", root);
    const QString ep = QStringLiteral("efficiency");
    d.readEfficiency = readFigure(eff, "read", ep);
    d.writeEfficiency = readFigure(eff, "write", ep);
    d.observedReadEfficiency = readFigure(eff, "observedRead", ep);
    d.observedWriteEfficiency = readFigure(eff, "observedWrite", ep);
    d.clientLinkEfficiency = readFigure(eff, "clientLink", ep);

    d.portPlans = readPortPlans(doc, root);

    const Json &os = json::object(doc, "objectStore", root);
    const QString op = QStringLiteral("objectStore");
    d.objectStoreTbitPer100PB = readFigure(os, "throughputTbitPer100PB", op);
    d.objectStoreRacks = readFigure(os, "racks", op);
    d.objectStorePowerKW = readFigure(os, "powerKW", op);
    d.accountIngressGbps = readFigure(os, "accountIngressGbps", op);
    d.accountEgressGbps = readFigure(os, "accountEgressGbps", op);

    const Json &lustre = json::object(doc, "lustre", root);
    d.lustreTiers = readLustreTiers(lustre);
    d.lustreOnRequestMaxPB = readFigure(lustre, "onRequestMaxPB", QStringLiteral("lustre"));
    d.cnodeDboxRatio = readFigure(doc, "cnodeDboxRatio", root);
    d.datasetTB = readFigure(json::object(doc, "dataMovement", root), "datasetTB", QStringLiteral("dataMovement"));
    const Json &site = json::object(doc, "site", root);
    d.targetGpus = readFigure(site, "targetGpus", QStringLiteral("site"));
    d.siteMinMW = readFigure(site, "siteMinMW", QStringLiteral("site"));
    d.siteMaxMW = readFigure(site, "siteMaxMW", QStringLiteral("site"));
    d.targetUsablePB = readFigure(site, "targetUsablePB", QStringLiteral("site"));

    d.designs = readDesigns(doc, root);
    return d;
}

const SizingData &SizingData::builtIn()
{
    static const SizingData data = [] {
        const QString file = QStringLiteral(":/sizing/sizing.json");
        Json doc;
        LoadError error;
        if (!readJsonFile(file, doc, &error))
            qFatal("%s", qPrintable(error.toString()));
        try {
            return fromJson(doc);
        } catch (const FieldError &e) {
            qFatal("%s: %s: %s", qPrintable(file), qPrintable(e.path), qPrintable(e.reason));
        }
        return SizingData();
    }();
    return data;
}

const SuperPodProfile *SizingData::profile(const QString &id) const
{
    for (const SuperPodProfile &p : profiles)
        if (p.id == id)
            return &p;
    return nullptr;
}

const DesignPreset *SizingData::design(const QString &id) const
{
    for (const DesignPreset &d : designs)
        if (d.id == id)
            return &d;
    return nullptr;
}

const SizingPortPlan *SizingData::portPlan(int switchPorts) const
{
    for (const SizingPortPlan &p : portPlans)
        if (p.switchPorts == switchPorts)
            return &p;
    return nullptr;
}

} // namespace pp
