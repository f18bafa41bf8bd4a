#pragma once

#include "planner/model/plan.h"
#include "planner/sizing/comparison.h"

#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMainWindow;
class QSpinBox;
class QTableWidget;
class QCustomPlot;

namespace pp {
class Catalog;
struct SizingData;
} // namespace pp

namespace pp::gui {

// The "Sizing & Compare" tab: sizing inputs, every step of the method, the side-by-side table of
// designs with object-store and Lustre columns, three charts, and "Create plan from this design".
class SizingTab : public QWidget {
    Q_OBJECT
public:
    SizingTab(const Catalog &catalog, QWidget *parent = nullptr);

    // Loads a design preset (poc, ncp, density) into the inputs.
    void loadPreset(const QString &id);
    SizingInputs inputs() const;
    const SizingResult &current() const { return m_current; }
    const Comparison &comparison() const { return m_comparison; }
    // Adds the current inputs as a user design column.
    void addCurrentAsDesign();
    // Builds a plan from the current design; false with a message when it cannot.
    bool buildPlan(Plan &plan, QString *error) const;
    // Writes the comparison: .md, .csv or .pdf by suffix.
    bool exportComparison(const QString &fileName, QString *error) const;

    QTableWidget &comparisonTable() { return *m_table; }
    QTableWidget &stepsTable() { return *m_steps; }

signals:
    void planCreated(const pp::Plan &plan);

private:
    QWidget *createInputs();
    void connectInputs(QWidget *inputs);
    void setInputs(const SizingInputs &in);
    void recompute();
    void fillComparisonTable();
    void fillSteps();
    void plotThroughput();
    void plotCheckpoint();
    void plotCapacity();

    const Catalog &m_catalog;
    const SizingData &m_data;
    bool m_loading = false;
    SizingInputs m_base;
    SizingResult m_current;
    std::vector<SizingInputs> m_userDesigns;
    Comparison m_comparison;

    QComboBox *m_preset = nullptr;
    QSpinBox *m_gpus = nullptr;
    QSpinBox *m_gpusPerNode = nullptr;
    QComboBox *m_profile = nullptr;
    QDoubleSpinBox *m_readPerGpu = nullptr;
    QDoubleSpinBox *m_writePerGpu = nullptr;
    QDoubleSpinBox *m_capacityPB = nullptr;
    QDoubleSpinBox *m_paramsB = nullptr;
    QDoubleSpinBox *m_bytesPerParam = nullptr;
    QDoubleSpinBox *m_intervalMin = nullptr;
    QDoubleSpinBox *m_stallPct = nullptr;
    QCheckBox *m_useMix = nullptr;
    QDoubleSpinBox *m_mixReadPct = nullptr;
    QDoubleSpinBox *m_drr = nullptr;
    QDoubleSpinBox *m_growthYears = nullptr;
    QDoubleSpinBox *m_growthPct = nullptr;
    QDoubleSpinBox *m_readEff = nullptr;
    QDoubleSpinBox *m_writeEff = nullptr;
    QComboBox *m_cnode = nullptr;
    QComboBox *m_dbox = nullptr;
    QComboBox *m_switch = nullptr;
    QDoubleSpinBox *m_rackKW = nullptr;
    QSpinBox *m_rackU = nullptr;
    QDoubleSpinBox *m_siteMW = nullptr;
    QSpinBox *m_fixedCnodes = nullptr;
    QSpinBox *m_fixedDboxes = nullptr;
    QDoubleSpinBox *m_datasetTB = nullptr;
    QDoubleSpinBox *m_wanGbps = nullptr;

    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_steps = nullptr;
    QCustomPlot *m_throughputPlot = nullptr;
    QCustomPlot *m_checkpointPlot = nullptr;
    QCustomPlot *m_capacityPlot = nullptr;
};

// The hook for the main window: a "Sizing & Compare" dock tab and a View-menu action; a created
// plan goes to openPlan.
void installSizingTab(QMainWindow &window, const Catalog &catalog, std::function<void(Plan)> openPlan);

} // namespace pp::gui
