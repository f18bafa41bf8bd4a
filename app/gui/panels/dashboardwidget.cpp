#include "dashboardwidget.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace pp::gui {

namespace {

const QColor kTypical(0x4e, 0x79, 0xa7);
const QColor kMax(0xa0, 0xcb, 0xe8);
const QColor kNormal(0x59, 0xa1, 0x4f);
const QColor kALost(0xf2, 0x8e, 0x2b);
const QColor kBLost(0xe1, 0x57, 0x59);
const QColor kHeat(0xed, 0xc9, 0x48);
const QColor kLimit(0xb0, 0x00, 0x20);

struct Series {
    QString name;
    const std::vector<double> *values;
    QColor color;
};

void setupAxes(QCustomPlot *plot, const QStringList &labels, const QString &yLabel)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    // Thin the labels out on big plans so that they stay readable.
    const int step = std::max(1, static_cast<int>(labels.size()) / 24);
    for (int i = 0; i < labels.size(); i += step)
        ticker->addTick(i + 1, labels.at(i));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(labels.size() > 6 ? 45 : 0);
    plot->xAxis->setSubTicks(false);
    plot->xAxis->setTickLength(0, 4);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setRange(0.4, labels.size() + 0.6);
    plot->yAxis->setLabel(yLabel);
    plot->yAxis->grid()->setSubGridVisible(false);
}

void drawLimit(QCustomPlot *plot, double limit, const QString &text, double x1 = -1, double x2 = -1)
{
    if (limit <= 0)
        return;
    QPen pen(kLimit, 2, Qt::DashLine);
    if (x1 < 0) {
        auto *line = new QCPItemStraightLine(plot);
        line->point1->setCoords(0, limit);
        line->point2->setCoords(1, limit);
        line->setPen(pen);
    } else {
        auto *line = new QCPItemLine(plot);
        line->start->setCoords(x1, limit);
        line->end->setCoords(x2, limit);
        line->setPen(pen);
    }
    auto *label = new QCPItemText(plot);
    label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    label->position->setType(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(x2 > 0 ? x2 : plot->xAxis->range().upper, limit);
    label->setText(text);
    label->setColor(kLimit);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    label->setPadding(QMargins(2, 0, 4, 2));
}

void fillBars(QCustomPlot *plot, const QStringList &labels, const std::vector<Series> &series, double limit,
              const QString &limitText, const QString &yLabel)
{
    plot->clearPlottables();
    plot->clearItems();
    qDeleteAll(plot->findChildren<QCPBarsGroup *>(QString(), Qt::FindDirectChildrenOnly));
    setupAxes(plot, labels, yLabel);
    auto *group = new QCPBarsGroup(plot);
    double top = limit;
    const double width = 0.8 / static_cast<double>(std::max<std::size_t>(1, series.size()));
    for (const Series &s : series) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(s.name);
        bars->setWidth(width);
        bars->setPen(QPen(s.color.darker(130)));
        bars->setBrush(s.color);
        bars->setBarsGroup(group);
        QVector<double> keys, values;
        for (std::size_t i = 0; i < s.values->size(); ++i) {
            keys << static_cast<double>(i + 1);
            values << (*s.values)[i];
            top = std::max(top, (*s.values)[i]);
        }
        bars->setData(keys, values, true);
    }
    plot->yAxis->setRange(0, top > 0 ? top * 1.18 : 1);
    drawLimit(plot, limit, limitText);
    plot->legend->setVisible(true);
    plot->replot();
}

} // namespace

DashboardWidget::DashboardWidget(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->setSpacing(10);
    grid->addWidget(makePanel(RackPower, tr("Power per rack (kW) against the rack limit")), 0, 0);
    grid->addWidget(makePanel(FeedLoad, tr("Feed load at max draw (kW): normal, feed A lost, feed B lost")), 0, 1);
    grid->addWidget(makePanel(RackHeat, tr("Heat per rack (kW) against rack cooling")), 1, 0);
    grid->addWidget(makePanel(SiteTotals, tr("Site totals (kW) against power budget and cooling")), 1, 1);
    m_timer->setSingleShot(true);
    m_timer->setInterval(120);
    connect(m_timer, &QTimer::timeout, this, &DashboardWidget::refresh);
    // Charts follow the plan; while the tab is hidden they refresh when it is shown.
    connect(&m_document, &PlanDocument::planChanged, this, [this] {
        m_dirty = true;
        if (isVisible())
            m_timer->start();
    });
}

QWidget *DashboardWidget::makePanel(Chart chart, const QString &title)
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), panel);
    head->addWidget(label, 1);
    for (const QString &ext : {QStringLiteral("png"), QStringLiteral("pdf")}) {
        auto *button = new QPushButton(tr("Save %1…").arg(ext.toUpper()), panel);
        button->setObjectName(QStringLiteral("save-%1-%2").arg(chart).arg(ext));
        connect(button, &QPushButton::clicked, this, [this, chart, ext] {
            const QString name = QFileDialog::getSaveFileName(
                this, tr("Save chart"), QStringLiteral("chart.%1").arg(ext),
                ext == QLatin1String("png") ? tr("PNG image (*.png)") : tr("PDF document (*.pdf)"));
            if (!name.isEmpty())
                saveChart(chart, name);
        });
        head->addWidget(button);
    }
    layout->addLayout(head);
    auto *plot = new QCustomPlot(panel);
    plot->setMinimumSize(320, 220);
    plot->legend->setFont(QFont(font().family(), 8));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeDrag(Qt::Horizontal);
    plot->axisRect()->setRangeZoom(Qt::Horizontal);
    layout->addWidget(plot, 1);
    m_plots[chart] = plot;
    return panel;
}

void DashboardWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void DashboardWidget::refresh()
{
    m_timer->stop();
    m_dirty = false;
    SiteProfile site;
    if (!ResolvedPlan::resolveSite(m_document.plan(), m_document.catalog(), site, nullptr))
        return;
    const ResolvedPlan resolved(m_document.plan(), m_document.catalog(), site);
    m_data = buildDashboardData(resolved);
    const DashboardData &d = m_data;

    m_limits[RackPower] = d.rackLimitKW;
    fillBars(m_plots[RackPower], d.racks,
             {{tr("typical"), &d.rackTypicalKW, kTypical}, {tr("max"), &d.rackMaxKW, kMax}}, d.rackLimitKW,
             tr("rack limit %1 kW").arg(d.rackLimitKW, 0, 'f', 1), tr("kW"));
    m_limits[FeedLoad] = d.feedCapacityKW;
    fillBars(m_plots[FeedLoad], d.feeds,
             {{tr("normal"), &d.feedNormalKW, kNormal},
              {tr("A lost"), &d.feedALostKW, kALost},
              {tr("B lost"), &d.feedBLostKW, kBLost}},
             d.feedCapacityKW, tr("feed capacity %1 kW (derated)").arg(d.feedCapacityKW, 0, 'f', 1), tr("kW"));
    m_limits[RackHeat] = d.rackCoolingKW;
    fillBars(m_plots[RackHeat], d.racks, {{tr("heat"), &d.rackHeatKW, kHeat}}, d.rackCoolingKW,
             tr("rack cooling %1 kW").arg(d.rackCoolingKW, 0, 'f', 1), tr("kW (1 kW = 3,412 BTU/h)"));

    // Site totals: three bars, each against its own limit.
    QCustomPlot *site3 = m_plots[SiteTotals];
    site3->clearPlottables();
    site3->clearItems();
    setupAxes(site3, {tr("power typical"), tr("power max"), tr("heat")}, tr("kW"));
    const std::vector<std::pair<QString, std::pair<double, QColor>>> totals{
        {tr("power typical"), {d.siteTypicalKW, kTypical}},
        {tr("power max"), {d.siteMaxKW, kMax}},
        {tr("heat"), {d.siteHeatKW, kHeat}}};
    double top = std::max(d.siteBudgetKW, d.siteCoolingKW);
    for (std::size_t i = 0; i < totals.size(); ++i) {
        auto *bars = new QCPBars(site3->xAxis, site3->yAxis);
        bars->setName(totals[i].first);
        bars->setWidth(0.6);
        bars->setPen(QPen(totals[i].second.second.darker(130)));
        bars->setBrush(totals[i].second.second);
        bars->addData(static_cast<double>(i + 1), totals[i].second.first);
        top = std::max(top, totals[i].second.first);
    }
    site3->yAxis->setRange(0, top > 0 ? top * 1.18 : 1);
    m_limits[SiteTotals] = d.siteBudgetKW;
    drawLimit(site3, d.siteBudgetKW, tr("budget %1 kW").arg(d.siteBudgetKW, 0, 'f', 1), 0.55, 2.45);
    drawLimit(site3, d.siteCoolingKW, tr("cooling %1 kW").arg(d.siteCoolingKW, 0, 'f', 1), 2.55, 3.45);
    site3->legend->setVisible(false);
    site3->replot();
}

std::vector<double> DashboardWidget::series(Chart chart, const QString &name) const
{
    std::vector<double> out;
    QCustomPlot *plot = m_plots[chart];
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(plot->plottable(i));
        if (!bars || bars->name() != name)
            continue;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            out.push_back(it->value);
    }
    return out;
}

double DashboardWidget::limitLine(Chart chart) const
{
    return m_limits[chart];
}

bool DashboardWidget::saveChart(Chart chart, const QString &fileName)
{
    QCustomPlot *plot = m_plots[chart];
    const int w = std::max(plot->width(), 900);
    const int h = std::max(plot->height(), 520);
    if (fileName.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return plot->savePdf(fileName, w, h);
    return plot->savePng(fileName, w, h);
}

} // namespace pp::gui
