#pragma once

#include "planner/model/plandocument.h"
#include "planner/power/dashboarddata.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QTimer;

namespace pp::gui {

// The dashboard tab: four QCustomPlot charts that follow the plan — power per rack against the
// rack limit, feed loads (normal, A lost, B lost) against feed capacity, heat per rack against
// cooling, and site totals against the budgets. Each chart saves as PNG or PDF.
class DashboardWidget : public QWidget {
    Q_OBJECT
public:
    enum Chart { RackPower, FeedLoad, RackHeat, SiteTotals, ChartCount };

    explicit DashboardWidget(PlanDocument &document, QWidget *parent = nullptr);

    void refresh();
    const DashboardData &data() const { return m_data; }
    QCustomPlot *plot(Chart chart) const { return m_plots[chart]; }
    // The bar values of one series of a chart, by its legend name (tests compare these with the model).
    std::vector<double> series(Chart chart, const QString &name) const;
    double limitLine(Chart chart) const;
    // Saves a chart; the format follows the extension (.png or .pdf).
    bool saveChart(Chart chart, const QString &fileName);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *makePanel(Chart chart, const QString &title);

    PlanDocument &m_document;
    DashboardData m_data;
    QCustomPlot *m_plots[ChartCount] = {};
    double m_limits[ChartCount] = {};
    QTimer *m_timer;
    bool m_dirty = true;
};

} // namespace pp::gui
