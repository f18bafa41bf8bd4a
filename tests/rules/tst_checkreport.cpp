#include "rulefixture.h"

#include "exporters/reports/checkreportwriter.h"
#include "planner/analysis/whatifreport.h"

#include "tests/common/golden.h"

using namespace pp;
using namespace rulefixture;

// The check report: JSON keys exactly as DESIGN.md Contracts documents them, golden files for the
// JSON and text formats, and the severity filter.
class TestCheckReport : public QObject {
    Q_OBJECT
private slots:
    void jsonHasTheDocumentedKeys();
    void goldenJson();
    void goldenText();
    void severityFilter();
    void outputIsDeterministic();
    void resilienceSection();

private:
    static CheckReport sampleReport();
    static void compareGolden(const QByteArray &actual, const QString &name);
};

// The template with a tight budget (an error, waived), a missing uplink (an error) and its usual findings.
CheckReport TestCheckReport::sampleReport()
{
    Plan plan = templatePlan();
    plan.site.overrides = Json::parse(R"({"power": {"budgetKW": 3}})");
    plan.uplinks.pop_back();
    plan.waivers.push_back({QStringLiteral("power.site-budget"), QStringLiteral("customer-lab-poc"),
                            QStringLiteral("lab adds a third feed")});
    return check(plan);
}

void TestCheckReport::compareGolden(const QByteArray &actual, const QString &name)
{
    PP_COMPARE_GOLDEN(actual, QStringLiteral(POCPLAN_TEST_DATA "/") + name);
}

void TestCheckReport::jsonHasTheDocumentedKeys()
{
    const Json doc = Json::parse(CheckReportWriter::json(sampleReport()).toStdString());
    std::vector<std::string> top;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        top.push_back(it.key());
    QCOMPARE(top, (std::vector<std::string>{"format", "version", "plan", "site", "summary", "findings"}));
    QCOMPARE(doc["format"].get<std::string>(), std::string("pocplanner-check"));
    QCOMPARE(doc["version"].get<int>(), 1);
    QCOMPARE(doc["plan"].get<std::string>(), std::string("Minimal resilient POC kit (3 C-nodes + 1 D-box)"));
    QCOMPARE(doc["site"].get<std::string>(), std::string("customer-lab-poc"));
    std::vector<std::string> summary;
    for (auto it = doc["summary"].begin(); it != doc["summary"].end(); ++it) {
        summary.push_back(it.key());
        QVERIFY(it.value().is_number_integer());
    }
    QCOMPARE(summary, (std::vector<std::string>{"errors", "warnings", "infos", "waived"}));
    QCOMPARE(doc["summary"]["errors"].get<int>(), 1);
    QCOMPARE(doc["summary"]["waived"].get<int>(), 1);
    QVERIFY(doc["findings"].is_array() && !doc["findings"].empty());
    const std::vector<std::string> documented{"rule",  "severity", "message", "subjects", "measured",
                                              "limit", "unit",     "waived",  "reason"};
    bool sawWaived = false;
    for (const Json &f : doc["findings"]) {
        for (const std::string &key : documented)
            QVERIFY2(f.contains(key), key.c_str());
        QVERIFY(f["rule"].is_string());
        const std::string severity = f["severity"].get<std::string>();
        QVERIFY(severity == "error" || severity == "warning" || severity == "info");
        QVERIFY(f["subjects"].is_array());
        for (const Json &s : f["subjects"])
            QVERIFY(s.is_string());
        QVERIFY(f["measured"].is_number() || f["measured"].is_null());
        QVERIFY(f["limit"].is_number() || f["limit"].is_null());
        QVERIFY(f["unit"].is_string());
        QVERIFY(f["waived"].is_boolean());
        QVERIFY(f["reason"].is_string());
        if (f["waived"].get<bool>()) {
            sawWaived = true;
            QCOMPARE(f["rule"].get<std::string>(), std::string("power.site-budget"));
            QCOMPARE(f["severity"].get<std::string>(), std::string("info"));
            QCOMPARE(f["originalSeverity"].get<std::string>(), std::string("error"));
            QCOMPARE(f["reason"].get<std::string>(), std::string("lab adds a third feed"));
            QCOMPARE(f["measured"].get<double>(), 3.51);
            QCOMPARE(f["limit"].get<double>(), 3.0);
            QCOMPARE(f["unit"].get<std::string>(), std::string("kW"));
        }
    }
    QVERIFY(sawWaived);
}

void TestCheckReport::goldenJson()
{
    compareGolden(CheckReportWriter::json(sampleReport()), QStringLiteral("sample.check.json"));
    compareGolden(CheckReportWriter::json(check(templatePlan())), QStringLiteral("poc-3c1d.check.json"));
}

void TestCheckReport::goldenText()
{
    compareGolden(CheckReportWriter::text(sampleReport()), QStringLiteral("sample.check.txt"));
    compareGolden(CheckReportWriter::text(check(templatePlan())), QStringLiteral("poc-3c1d.check.txt"));
}

void TestCheckReport::severityFilter()
{
    const CheckReport report = sampleReport();
    const auto rules = [](const QByteArray &json) {
        QStringList out;
        const Json doc = Json::parse(json.toStdString());
        for (const Json &f : doc["findings"])
            out << QString::fromStdString(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>());
        return out;
    };
    // Errors only: the unwaived error, and the waived one (a waived error is shown, not hidden).
    QCOMPARE(rules(CheckReportWriter::json(report, SeverityFilter::Errors)),
             QStringList({QStringLiteral("power.site-budget info"), QStringLiteral("network.uplink-count error")}));
    // With sw2's uplink gone, sw1 and its uplink join the D-box as single points of failure.
    QCOMPARE(rules(CheckReportWriter::json(report, SeverityFilter::Warnings)),
             QStringList({QStringLiteral("power.site-budget info"), QStringLiteral("network.uplink-count error"),
                          QStringLiteral("network.oversubscription warning"),
                          QStringLiteral("resilience.single-point-of-failure warning"),
                          QStringLiteral("resilience.single-point-of-failure warning"),
                          QStringLiteral("resilience.single-point-of-failure warning")}));
    // 8 + the unknown fabric and port-buffer infos + the 3 single points of failure
    QCOMPARE(rules(CheckReportWriter::json(report, SeverityFilter::All)).size(), 13);
    // The summary counts the whole run whatever the filter.
    const Json doc = Json::parse(CheckReportWriter::json(report, SeverityFilter::Errors).toStdString());
    QVERIFY(doc["summary"]["infos"].get<int>() > 0);
    QVERIFY(CheckReportWriter::text(report, SeverityFilter::Errors)
                .contains("** Report includes: errors, waived errors **"));
}

void TestCheckReport::outputIsDeterministic()
{
    QCOMPARE(CheckReportWriter::json(sampleReport()), CheckReportWriter::json(sampleReport()));
    QCOMPARE(CheckReportWriter::text(sampleReport()), CheckReportWriter::text(sampleReport()));
}

// With the N-1 sweep, the report ends with the resilience section: the SPOFs and the worst rows.
void TestCheckReport::resilienceSection()
{
    const Plan plan = templatePlan();
    SiteProfile site;
    QVERIFY(ResolvedPlan::resolveSite(plan, Catalog::builtIn(), site, nullptr));
    const ResolvedPlan resolved(plan, Catalog::builtIn(), site);
    const FailureModel model(resolved);
    const WhatIfEngine engine(model);
    const WhatIfReport n1 = WhatIfReport::build(engine, WhatIfReport::Mode::SweepN1, engine.sweepN1());
    const CheckReport report = check(plan);
    const QString text = QString::fromUtf8(CheckReportWriter::text(report, SeverityFilter::All, &n1));
    QVERIFY2(text.contains(QLatin1String("** Resilience (N-1): 17 failure domains, 1 single point of failure **")),
             qPrintable(text));
    QVERIFY(text.contains(QLatin1String("single point of failure db1")));
    QVERIFY(text.contains(QLatin1String("most harmful 10 of 17")));
    QVERIFY(text.indexOf(QLatin1String("Resilience")) < text.indexOf(QLatin1String("** End of Report **")));
    compareGolden(text.toUtf8(), QStringLiteral("poc-3c1d.check-resilience.txt"));
    const Json doc = Json::parse(CheckReportWriter::json(report, SeverityFilter::All, &n1).toStdString());
    QCOMPARE(doc["resilience"]["singlePointsOfFailure"], Json::array({"db1"}));
    QCOMPARE(doc["resilience"]["results"].size(), std::size_t(17));
    // Without the sweep the report is as before: no section.
    QVERIFY(!QString::fromUtf8(CheckReportWriter::text(report)).contains(QLatin1String("Resilience")));
}

QTEST_GUILESS_MAIN(TestCheckReport)
#include "tst_checkreport.moc"
