#include "sizingtab.h"

#include "catalog/model/catalog.h"
#include "exporters/reports/comparisonwriter.h"
#include "planner/io/planio.h"
#include "planner/sizing/planbuilder.h"
#include "planner/sizing/sizingdata.h"
#include "planner/sizing/sizingengine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace pp::gui {

static QDoubleSpinBox *doubleBox(double min, double max, int decimals, const QString &suffix, double step = 1)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    if (!suffix.isEmpty())
        box->setSuffix(QLatin1Char(' ') + suffix);
    return box;
}

static QSpinBox *intBox(int min, int max, const QString &suffix = QString())
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    if (!suffix.isEmpty())
        box->setSuffix(QLatin1Char(' ') + suffix);
    return box;
}

static void fillTypes(QComboBox *combo, const Catalog &catalog, Role role)
{
    for (const DeviceType *t : catalog.deviceTypes(role))
        if (role != Role::Switch || t->portCount(PortPurpose::Data) > 0)
            combo->addItem(QStringLiteral("%1 — %2").arg(t->id, t->model), t->id);
}

static void selectData(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

SizingTab::SizingTab(const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_data(SizingData::builtIn())
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *scroll = new QScrollArea;
    scroll->setWidget(createInputs());
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(330);
    split->addWidget(scroll);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_summary);
    auto *tabs = new QTabWidget;
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    tabs->addTab(m_table, tr("Designs side by side"));
    m_steps = new QTableWidget(0, 4);
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Value"), tr("Unit"), tr("Why")});
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->verticalHeader()->hide();
    m_steps->setAlternatingRowColors(true);
    tabs->addTab(m_steps, tr("Method, step by step"));
    m_throughputPlot = new QCustomPlot;
    tabs->addTab(m_throughputPlot, tr("Throughput vs C-nodes"));
    m_checkpointPlot = new QCustomPlot;
    tabs->addTab(m_checkpointPlot, tr("Checkpoint time vs model size"));
    m_capacityPlot = new QCustomPlot;
    tabs->addTab(m_capacityPlot, tr("Capacity and power vs racks"));
    rightLayout->addWidget(tabs, 1);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add as design"));
    auto *clear = new QPushButton(tr("Clear user designs"));
    auto *create = new QPushButton(tr("Create plan from this design"));
    auto *exportButton = new QPushButton(tr("Export comparison…"));
    buttons->addWidget(add);
    buttons->addWidget(clear);
    buttons->addStretch();
    buttons->addWidget(exportButton);
    buttons->addWidget(create);
    rightLayout->addLayout(buttons);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(add, &QPushButton::clicked, this, &SizingTab::addCurrentAsDesign);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_userDesigns.clear();
        recompute();
    });
    connect(create, &QPushButton::clicked, this, [this] {
        Plan plan;
        QString error;
        if (!buildPlan(plan, &error)) {
            QMessageBox::warning(this, tr("Create plan"), error);
            return;
        }
        emit planCreated(plan);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString name =
            QFileDialog::getSaveFileName(this, tr("Export comparison"), QStringLiteral("comparison.md"),
                                         tr("Markdown (*.md);;CSV (*.csv);;PDF (*.pdf)"));
        QString error;
        if (!name.isEmpty() && !exportComparison(name, &error))
            QMessageBox::warning(this, tr("Export comparison"), error);
    });
    loadPreset(QStringLiteral("ncp"));
}

QWidget *SizingTab::createInputs()
{
    auto *w = new QWidget;
    auto *form = new QFormLayout(w);
    m_preset = new QComboBox;
    m_preset->addItem(tr("Custom"), QString());
    for (const DesignPreset &d : m_data.designs)
        m_preset->addItem(d.name, d.id);
    form->addRow(tr("Start from"), m_preset);
    m_gpus = intBox(0, 10000000);
    m_gpus->setSingleStep(1024);
    form->addRow(tr("GPUs"), m_gpus);
    m_gpusPerNode = intBox(1, 1024);
    form->addRow(tr("GPUs per node"), m_gpusPerNode);
    m_profile = new QComboBox;
    for (const SuperPodProfile &p : m_data.profiles)
        m_profile->addItem(
            tr("%1 (SU %2/%3 GB/s)").arg(p.name).arg(p.suReadGBps.valueOr(0)).arg(p.suWriteGBps.valueOr(0)), p.id);
    m_profile->addItem(tr("Custom per GPU"), QStringLiteral("custom"));
    form->addRow(tr("Bandwidth"), m_profile);
    m_readPerGpu = doubleBox(0, 1000, 3, QStringLiteral("GB/s/GPU"), 0.1);
    form->addRow(tr("Custom read"), m_readPerGpu);
    m_writePerGpu = doubleBox(0, 1000, 3, QStringLiteral("GB/s/GPU"), 0.1);
    form->addRow(tr("Custom write"), m_writePerGpu);
    m_capacityPB = doubleBox(0, 1e6, 1, QStringLiteral("PB"), 10);
    form->addRow(tr("Usable capacity"), m_capacityPB);
    m_paramsB = doubleBox(0, 1e7, 0, QStringLiteral("billion"), 100);
    form->addRow(tr("Checkpoint params"), m_paramsB);
    m_bytesPerParam = doubleBox(0.1, 100, 1, QStringLiteral("B/param"));
    form->addRow(tr("Bytes per param"), m_bytesPerParam);
    m_intervalMin = doubleBox(0.1, 10000, 1, QStringLiteral("min"), 5);
    form->addRow(tr("Checkpoint interval"), m_intervalMin);
    m_stallPct = doubleBox(0.01, 100, 2, QStringLiteral("%"));
    form->addRow(tr("Allowed stall"), m_stallPct);
    m_useMix = new QCheckBox(tr("Concurrent read/write mix"));
    form->addRow(m_useMix);
    m_mixReadPct = doubleBox(0, 100, 0, QStringLiteral("% read"), 10);
    form->addRow(tr("Mix"), m_mixReadPct);
    m_drr = doubleBox(0.01, 100, 2, QStringLiteral("×"), 0.1);
    form->addRow(tr("Data reduction"), m_drr);
    m_growthYears = doubleBox(0, 50, 1, QStringLiteral("years"));
    form->addRow(tr("Growth"), m_growthYears);
    m_growthPct = doubleBox(-50, 500, 1, QStringLiteral("%/year"), 5);
    form->addRow(tr("Growth rate"), m_growthPct);
    m_readEff = doubleBox(0.01, 1, 2, QString(), 0.05);
    form->addRow(tr("Read efficiency"), m_readEff);
    m_writeEff = doubleBox(0.01, 1, 2, QString(), 0.05);
    form->addRow(tr("Write efficiency"), m_writeEff);
    m_cnode = new QComboBox;
    fillTypes(m_cnode, m_catalog, Role::CNode);
    form->addRow(tr("C-node"), m_cnode);
    m_dbox = new QComboBox;
    fillTypes(m_dbox, m_catalog, Role::DBox);
    form->addRow(tr("D-box"), m_dbox);
    m_switch = new QComboBox;
    fillTypes(m_switch, m_catalog, Role::Switch);
    form->addRow(tr("Data switch"), m_switch);
    m_rackKW = doubleBox(0.1, 1000, 1, QStringLiteral("kW"));
    form->addRow(tr("Rack limit"), m_rackKW);
    m_rackU = intBox(1, 60, QStringLiteral("U"));
    form->addRow(tr("Rack height"), m_rackU);
    m_siteMW = doubleBox(0, 10000, 1, QStringLiteral("MW"));
    form->addRow(tr("Site limit (0 = none)"), m_siteMW);
    m_fixedCnodes = intBox(0, 100000);
    form->addRow(tr("Fixed C-nodes (0 = size)"), m_fixedCnodes);
    m_fixedDboxes = intBox(0, 100000);
    form->addRow(tr("Fixed D-boxes (0 = size)"), m_fixedDboxes);
    m_datasetTB = doubleBox(0, 1e7, 1, QStringLiteral("TB"), 10);
    form->addRow(tr("Dataset to pre-stage"), m_datasetTB);
    m_wanGbps = doubleBox(0.1, 1e6, 0, QStringLiteral("Gbit/s"), 100);
    form->addRow(tr("WAN link"), m_wanGbps);
    connectInputs(w);
    return w;
}

// A new preset loads its inputs; any other change sizes again (not while a preset is being loaded).
void SizingTab::connectInputs(QWidget *inputs)
{
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            loadPreset(m_preset->currentData().toString());
    });
    const auto changed = [this] {
        if (!m_loading)
            recompute();
    };
    for (QSpinBox *b : inputs->findChildren<QSpinBox *>())
        connect(b, &QSpinBox::valueChanged, this, changed);
    for (QDoubleSpinBox *b : inputs->findChildren<QDoubleSpinBox *>())
        connect(b, &QDoubleSpinBox::valueChanged, this, changed);
    for (QComboBox *c : {m_profile, m_cnode, m_dbox, m_switch})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    connect(m_useMix, &QCheckBox::toggled, this, changed);
}

void SizingTab::loadPreset(const QString &id)
{
    SizingInputs in = SizingInputs::defaults(m_data);
    in.name = tr("Custom design");
    if (const SiteProfile *site = m_catalog.site(in.site))
        in.applySite(*site);
    if (const DesignPreset *preset = m_data.design(id))
        in = SizingInputs::forDesign(*preset, m_data, m_catalog);
    m_base = in;
    setInputs(in);
    m_loading = true;
    selectData(m_preset, m_data.design(id) ? id : QString());
    m_loading = false;
    recompute();
}

void SizingTab::setInputs(const SizingInputs &in)
{
    m_loading = true;
    m_gpus->setValue(in.gpus);
    m_gpusPerNode->setValue(in.gpusPerNode);
    selectData(m_profile, in.profile);
    m_readPerGpu->setValue(in.customReadGBpsPerGpu);
    m_writePerGpu->setValue(in.customWriteGBpsPerGpu);
    m_capacityPB->setValue(in.capacityPB);
    m_paramsB->setValue(in.ckptParams / 1e9);
    m_bytesPerParam->setValue(in.ckptBytesPerParam);
    m_intervalMin->setValue(in.ckptIntervalMin);
    m_stallPct->setValue(in.ckptStallPct);
    m_useMix->setChecked(in.mixReadPct.has_value());
    m_mixReadPct->setValue(in.mixReadPct.value_or(80));
    m_drr->setValue(in.dataReduction);
    m_growthYears->setValue(in.growthYears);
    m_growthPct->setValue(in.growthPctPerYear);
    m_readEff->setValue(in.readEfficiency);
    m_writeEff->setValue(in.writeEfficiency);
    selectData(m_cnode, in.cnodeType);
    selectData(m_dbox, in.dboxType);
    selectData(m_switch, in.switchType);
    m_rackKW->setValue(in.rackKW);
    m_rackU->setValue(in.rackU);
    m_siteMW->setValue(in.siteMW);
    m_fixedCnodes->setValue(in.fixedCnodes);
    m_fixedDboxes->setValue(in.fixedDboxes);
    m_datasetTB->setValue(in.datasetTB);
    m_wanGbps->setValue(in.wanGbps);
    m_loading = false;
}

SizingInputs SizingTab::inputs() const
{
    SizingInputs in = m_base;
    in.gpus = m_gpus->value();
    in.gpusPerNode = m_gpusPerNode->value();
    in.profile = m_profile->currentData().toString();
    in.customReadGBpsPerGpu = m_readPerGpu->value();
    in.customWriteGBpsPerGpu = m_writePerGpu->value();
    in.capacityPB = m_capacityPB->value();
    in.ckptParams = m_paramsB->value() * 1e9;
    in.ckptBytesPerParam = m_bytesPerParam->value();
    in.ckptIntervalMin = m_intervalMin->value();
    in.ckptStallPct = m_stallPct->value();
    in.mixReadPct = m_useMix->isChecked() ? std::optional<double>(m_mixReadPct->value()) : std::nullopt;
    in.dataReduction = m_drr->value();
    in.growthYears = m_growthYears->value();
    in.growthPctPerYear = m_growthPct->value();
    in.readEfficiency = m_readEff->value();
    in.writeEfficiency = m_writeEff->value();
    in.cnodeType = m_cnode->currentData().toString();
    in.dboxType = m_dbox->currentData().toString();
    in.switchType = m_switch->currentData().toString();
    in.rackKW = m_rackKW->value();
    in.rackU = m_rackU->value();
    in.siteMW = m_siteMW->value();
    in.fixedCnodes = m_fixedCnodes->value();
    in.fixedDboxes = m_fixedDboxes->value();
    in.datasetTB = m_datasetTB->value();
    in.wanGbps = m_wanGbps->value();
    return in;
}

void SizingTab::addCurrentAsDesign()
{
    SizingInputs in = inputs();
    in.name = tr("User design %1").arg(m_userDesigns.size() + 1);
    m_userDesigns.push_back(in);
    recompute();
}

void SizingTab::recompute()
{
    const SizingEngine engine(m_catalog, m_data);
    m_current = engine.size(inputs());
    if (m_current.inputs.name.isEmpty())
        m_current.inputs.name = tr("Current design");
    std::vector<SizingResult> results;
    int reference = 0;
    for (const DesignPreset &p : m_data.designs) {
        if (p.id == QLatin1String("ncp"))
            reference = static_cast<int>(results.size());
        results.push_back(engine.size(SizingInputs::forDesign(p, m_data, m_catalog)));
    }
    for (const SizingInputs &in : m_userDesigns)
        results.push_back(engine.size(in));
    SizingResult shown = m_current;
    shown.inputs.name = tr("%1 (editing)").arg(m_current.inputs.name);
    if (m_current.ok())
        results.push_back(shown);
    std::vector<SizingResult> ok;
    for (SizingResult &r : results)
        if (r.ok())
            ok.push_back(std::move(r));
    m_comparison = buildComparison(std::move(ok), reference, m_data);

    if (!m_current.ok()) {
        m_summary->setText(tr("<b>Cannot size:</b> %1").arg(m_current.error.toHtmlEscaped()));
    } else {
        const SizingDesign &d = m_current.design;
        QString text = tr("<b>%1 C-nodes</b> (set by %2), <b>%3 D-boxes</b> (set by %4), %5 switches, %6 racks · "
                          "%7 PB usable of %8 PB raw · read %9 TB/s, write %10 TB/s · %11 kW typical, %12 kW max")
                           .arg(d.cnodes)
                           .arg(d.cnodesSetBy)
                           .arg(d.dboxes)
                           .arg(d.dboxesSetBy)
                           .arg(d.switches)
                           .arg(d.racks)
                           .arg(d.usablePB, 0, 'f', 1)
                           .arg(d.rawPB, 0, 'f', 1)
                           .arg(d.readTBps, 0, 'f', 2)
                           .arg(d.writeTBps, 0, 'f', 2)
                           .arg(d.typicalKW, 0, 'f', 1)
                           .arg(d.maxKW, 0, 'f', 1);
        if (d.checkpointWriteS)
            text += tr(" · checkpoint %1 TB in %2 s (stall %3%)")
                        .arg(d.checkpointTB, 0, 'f', 1)
                        .arg(*d.checkpointWriteS, 0, 'f', 0)
                        .arg(*d.stallPct, 0, 'f', 2);
        for (const QString &w : m_current.warnings)
            text += QStringLiteral("<br><span style='color:#b00'>⚠ %1</span>").arg(w.toHtmlEscaped());
        m_summary->setText(text);
    }
    fillComparisonTable();
    fillSteps();
    plotThroughput();
    plotCheckpoint();
    plotCapacity();
}

void SizingTab::fillComparisonTable()
{
    const auto &rows = Comparison::rows();
    m_table->clear();
    m_table->setRowCount(static_cast<int>(rows.size()) + 1);
    m_table->setColumnCount(static_cast<int>(m_comparison.columns.size()));
    QStringList headers;
    for (const ComparisonColumn &c : m_comparison.columns)
        headers << c.name;
    m_table->setHorizontalHeaderLabels(headers);
    QStringList rowLabels;
    for (const ComparisonRow &r : rows)
        rowLabels << (r.unit.isEmpty() ? r.label : QStringLiteral("%1 (%2)").arg(r.label, r.unit));
    rowLabels << tr("Note");
    m_table->setVerticalHeaderLabels(rowLabels);
    for (int c = 0; c < static_cast<int>(m_comparison.columns.size()); ++c) {
        const ComparisonColumn &col = m_comparison.columns[static_cast<std::size_t>(c)];
        for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
            const ComparisonRow &row = rows[static_cast<std::size_t>(r)];
            const auto v = col.value(row.key);
            auto *item = new QTableWidgetItem(ComparisonWriter::cell(col, row));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!v)
                item->setForeground(QColor(0x99, 0x99, 0x99));
            if (col.kind != QLatin1String("design"))
                item->setBackground(QColor(0xF4, 0xF6, 0xF9));
            m_table->setItem(r, c, item);
        }
        auto *note = new QTableWidgetItem(col.note);
        note->setToolTip(col.note);
        m_table->setItem(static_cast<int>(rows.size()), c, note);
    }
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 170));
}

void SizingTab::fillSteps()
{
    m_steps->setRowCount(static_cast<int>(m_current.steps.size()));
    for (int i = 0; i < static_cast<int>(m_current.steps.size()); ++i) {
        const SizingStep &s = m_current.steps[static_cast<std::size_t>(i)];
        m_steps->setItem(i, 0, new QTableWidgetItem(s.name));
        auto *value =
            new QTableWidgetItem(ComparisonWriter::cell(s.value, std::abs(s.value.value_or(0)) >= 100 ? 0 : 3));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!s.value)
            value->setForeground(QColor(0xB0, 0x00, 0x00));
        m_steps->setItem(i, 1, value);
        m_steps->setItem(i, 2, new QTableWidgetItem(s.unit));
        m_steps->setItem(i, 3, new QTableWidgetItem(s.why));
    }
    m_steps->resizeColumnsToContents();
}

static void styleGraph(QCPGraph *g, const QColor &color, Qt::PenStyle style = Qt::SolidLine, double width = 2)
{
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    g->setPen(pen);
}

static void finishPlot(QCustomPlot *plot, const QString &x, const QString &y)
{
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->rescaleAxes();
    plot->yAxis->setRangeLower(0);
    plot->xAxis->setRangeLower(0);
    plot->yAxis->scaleRange(1.1, plot->yAxis->range().center());
    plot->yAxis->setRangeLower(0);
    plot->replot();
}

void SizingTab::plotThroughput()
{
    QCustomPlot *plot = m_throughputPlot;
    plot->clearGraphs();
    if (!m_current.ok())
        return plot->replot();
    const SizingDesign &d = m_current.design;
    const int maxC = std::max(12, d.cnodes * 2);
    QVector<double> x, read, write, net, dlimit, dwrite;
    for (int n = 3; n <= maxC; n += std::max(1, maxC / 200)) {
        x << n;
        read << n * d.cnodeReadGBps / 1000;
        write << n * d.cnodeWriteGBps / 1000;
        net << n * d.cnodeLinkGBps / 1000;
        dlimit << d.dboxes * d.dboxLinkGBps / 1000;
        dwrite << d.dboxes * d.dboxLinkGBps * d.ecEfficiency / 1000;
    }
    const auto add = [&](const QVector<double> &y, const QString &name, const QColor &color, Qt::PenStyle style) {
        QCPGraph *g = plot->addGraph();
        g->setData(x, y);
        g->setName(name);
        styleGraph(g, color, style);
    };
    add(read, tr("Read from C-nodes"), QColor(0x1f, 0x77, 0xb4), Qt::SolidLine);
    add(write, tr("Write from C-nodes"), QColor(0xd6, 0x27, 0x28), Qt::SolidLine);
    add(net, tr("C-node client links (network limit)"), QColor(0x7f, 0x7f, 0x7f), Qt::DotLine);
    add(dlimit, tr("D-box DPU links, %1 D-boxes (read limit)").arg(d.dboxes), QColor(0x2c, 0xa0, 0x2c), Qt::DashLine);
    add(dwrite, tr("D-box links × EC (write limit)"), QColor(0xff, 0x7f, 0x0e), Qt::DashLine);
    QCPGraph *marker = plot->addGraph();
    marker->setData({static_cast<double>(d.cnodes), static_cast<double>(d.cnodes)},
                    {0, std::max(d.readTBps, d.writeTBps) * 1.05});
    marker->setName(tr("This design: %1 C-nodes").arg(d.cnodes));
    styleGraph(marker, Qt::black, Qt::DashDotLine, 1);
    finishPlot(plot, tr("C-nodes"), tr("TB/s"));
}

void SizingTab::plotCheckpoint()
{
    QCustomPlot *plot = m_checkpointPlot;
    plot->clearGraphs();
    const QList<QColor> colors{QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                               QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                               QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22)};
    const double bpp = m_current.inputs.ckptBytesPerParam;
    int i = 0;
    for (const ComparisonColumn &col : m_comparison.columns) {
        const auto w = col.value(QStringLiteral("writeTBps"));
        if (!w || *w <= 0)
            continue;
        QVector<double> x, y;
        for (double p = 0.1; p <= 5.0001; p += 0.1) {
            x << p;
            y << p * 1e12 * bpp / 1e12 / *w;
        }
        QCPGraph *g = plot->addGraph();
        g->setData(x, y);
        g->setName(col.name);
        styleGraph(g, colors.at(i++ % colors.size()),
                   col.kind == QLatin1String("design") ? Qt::SolidLine : Qt::DashLine);
    }
    // The allowed stall window of the current inputs, for reference.
    const double windowS = m_current.inputs.ckptStallPct / 100 * m_current.inputs.ckptIntervalMin * 60;
    QCPGraph *allowed = plot->addGraph();
    allowed->setData({0.1, 5.0}, {windowS, windowS});
    allowed->setName(tr("Allowed stall window (%1 s)").arg(windowS, 0, 'f', 0));
    styleGraph(allowed, Qt::black, Qt::DotLine, 1);
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot->xAxis->setLabel(tr("Model size (trillion parameters, %1 B/param)").arg(bpp));
    plot->yAxis->setLabel(tr("Checkpoint write time (s, log)"));
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->rescaleAxes();
    plot->replot();
}

void SizingTab::plotCapacity()
{
    QCustomPlot *plot = m_capacityPlot;
    plot->clearGraphs();
    if (!m_current.ok())
        return plot->replot();
    // Grow the current design's D-boxes and watch racks, usable PB and power.
    const SizingEngine engine(m_catalog, m_data);
    SizingInputs in = m_current.inputs;
    in.fixedCnodes = m_current.design.cnodes;
    QVector<double> racks, usable, power;
    const int maxD = std::max(4, m_current.design.dboxes * 2);
    for (int n = 1; n <= maxD; n += std::max(1, maxD / 60)) {
        in.fixedDboxes = n;
        const SizingResult r = engine.size(in);
        if (!r.ok())
            continue;
        racks << r.design.racks;
        usable << r.design.usablePB;
        power << r.design.maxKW;
    }
    plot->yAxis2->setVisible(true);
    QCPGraph *cap = plot->addGraph(plot->xAxis, plot->yAxis);
    cap->setData(racks, usable, true);
    cap->setName(tr("Usable PB (%1 C-nodes, more D-boxes)").arg(m_current.design.cnodes));
    styleGraph(cap, QColor(0x1f, 0x77, 0xb4));
    cap->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    QCPGraph *kw = plot->addGraph(plot->xAxis, plot->yAxis2);
    kw->setData(racks, power, true);
    kw->setName(tr("Max power kW (right axis)"));
    styleGraph(kw, QColor(0xd6, 0x27, 0x28));
    kw->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 4));
    plot->yAxis2->setLabel(tr("kW"));
    kw->rescaleAxes();
    plot->yAxis2->setRangeLower(0);
    finishPlot(plot, tr("Racks"), tr("Usable PB"));
}

bool SizingTab::buildPlan(Plan &plan, QString *error) const
{
    PlanBuildOptions options;
    return PlanBuilder(m_catalog).build(m_current, options, plan, error);
}

bool SizingTab::exportComparison(const QString &fileName, QString *error) const
{
    const ComparisonWriter writer(m_comparison);
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return writer.writePdf(fileName, error);
    return writeFileAtomically(fileName, suffix == QLatin1String("csv") ? writer.csv() : writer.markdown(), error);
}

void installSizingTab(QMainWindow &window, const Catalog &catalog, std::function<void(Plan)> openPlan)
{
    auto *dock = new QDockWidget(QObject::tr("Sizing && Compare"), &window);
    dock->setObjectName(QStringLiteral("sizingDock"));
    auto *tab = new SizingTab(catalog, dock);
    tab->setObjectName(QStringLiteral("sizingTab"));
    dock->setWidget(tab);
    dock->setAllowedAreas(Qt::AllDockWidgetAreas);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    QObject::connect(tab, &SizingTab::planCreated, &window, [openPlan](const Plan &plan) { openPlan(plan); });
    QMenu *menu = nullptr;
    for (QAction *a : window.menuBar()->actions())
        if (a->menu() && a->text().remove(QLatin1Char('&')) == QLatin1String("View"))
            menu = a->menu();
    if (!menu)
        menu = window.menuBar()->addMenu(QObject::tr("&View"));
    QAction *toggle = dock->toggleViewAction();
    toggle->setText(QObject::tr("&Sizing && Compare"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    menu->addAction(toggle);
}

} // namespace pp::gui
