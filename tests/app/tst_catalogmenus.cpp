#include "app/gui/catalog/catalogeditordialog.h"
#include "app/gui/catalog/catalogmenus.h"
#include "app/gui/catalog/catalogpalette.h"
#include "app/gui/catalog/catalogportstable.h"
#include "app/gui/catalog/netboxpushdialog.h"
#include "app/gui/window/mainwindow.h"

#include "catalog/io/cataloglocations.h"
#include "planner/templates/templates.h"

#include "tests/common/catalogfixtures.h"
#include "tests/common/fakenetbox.h"
#include "tests/common/screenshot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace pp;

// The catalog editor (validation, undo, duplicate, add with ports, the layer panel, save to the
// user layer), the File menu import of NetBox device types and catalog update from a loopback
// URL, and the NetBox push dialog against a loopback NetBox.
class TestCatalogMenus : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void editUndoRedoAndSave();
    void validationBlocksBadFigures();
    void duplicateIsUndoable();
    void addNewTypeWithPortsUndoAndSave();
    void portValidationNamesTheField();
    void portEditOfExistingTypeUndoes();
    void layerPanelShowsOverrideSourceAndConfidence();
    void fileMenuImportsNetBoxTypes();
    void updateFromUrlReloadsLiveCatalog();
    void updateFromUrlFailureKeepsCatalog_data();
    void updateFromUrlFailureKeepsCatalog();
    void pushDialogReports();
    void pushDialogTokenNeverSavedAndEnvFallback();

private:
    struct Notice {
        bool ok = false;
        QString title;
        QString text;
        int progressMaximum = -1; // of the fetch progress dialog when the result came
        int progressValue = -1;
    };
    void collectNotices(gui::MainWindow &window, gui::CatalogMenus &menus, QList<Notice> &notices);

    std::unique_ptr<QTemporaryDir> m_runDir; // QSettings picks its folder once per process
    std::unique_ptr<QTemporaryDir> m_dir;
    QString userFile() const { return m_dir->filePath(QStringLiteral("catalog/user-catalog.json")); }
};

static QTreeWidgetItem *paletteItem(gui::MainWindow &window, const QString &typeId)
{
    QTreeWidget *tree = window.palette().tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        for (int k = 0; k < tree->topLevelItem(i)->childCount(); ++k)
            if (tree->topLevelItem(i)->child(k)->data(0, Qt::UserRole).toString() == typeId)
                return tree->topLevelItem(i)->child(k);
    return nullptr;
}

void TestCatalogMenus::initTestCase()
{
    // Settings go to a folder of this run, never the user's; QSettings fixes its path at first use.
    m_runDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runDir->isValid());
    qputenv("XDG_CONFIG_HOME", m_runDir->filePath(QStringLiteral("config")).toUtf8());
    QVERIFY2(QSettings().fileName().startsWith(m_runDir->path()), qPrintable(QSettings().fileName()));
}

void TestCatalogMenus::collectNotices(gui::MainWindow &window, gui::CatalogMenus &menus, QList<Notice> &notices)
{
    menus.setNotifier([&window, &notices](bool ok, const QString &title, const QString &text) {
        Notice n{ok, title, text};
        if (const auto *progress = window.findChild<QProgressDialog *>(QStringLiteral("catalogFetchProgress"))) {
            n.progressMaximum = progress->maximum();
            n.progressValue = progress->value();
        }
        notices << n;
    });
}

void TestCatalogMenus::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings().clear();
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir->filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_dir->filePath(QStringLiteral("cache")).toUtf8());
}

void TestCatalogMenus::editUndoRedoAndSave()
{
    Catalog catalog = Catalog::builtIn();
    gui::CatalogEditorDialog dialog(catalog, userFile());
    QVERIFY(dialog.select(QStringLiteral("sw-sn2201")));
    dialog.field(QStringLiteral("typicalW"))->setText(QStringLiteral("98"));
    dialog.field(QStringLiteral("source"))->setText(QStringLiteral("LABSHEET"));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    QVERIFY(dialog.applyForm());
    QCOMPARE(dialog.pendingEdits().size(), std::size_t(1));
    QCOMPARE(dialog.current(QStringLiteral("sw-sn2201"))->typicalW.valueOr(0), 98.0);
    QCOMPARE(dialog.current(QStringLiteral("sw-sn2201"))->typicalW.source, QStringLiteral("LABSHEET"));
    QCOMPARE(dialog.current(QStringLiteral("sw-sn2201"))->typicalW.confidence, QStringLiteral("stated"));

    dialog.undoStack().undo();
    QVERIFY(dialog.pendingEdits().empty());
    QVERIFY(!dialog.current(QStringLiteral("sw-sn2201"))->typicalW.known());
    QCOMPARE(dialog.field(QStringLiteral("typicalW"))->text(), QString());
    dialog.undoStack().redo();
    QCOMPARE(dialog.current(QStringLiteral("sw-sn2201"))->typicalW.valueOr(0), 98.0);

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(pp::test::grabForScreenshot(dialog, QStringLiteral("catalog-editor.png")));

    QSignalSpy changed(&dialog, &gui::CatalogEditorDialog::catalogChanged);
    QString error;
    QVERIFY2(dialog.save(&error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QVERIFY(QFileInfo::exists(userFile()));
    const DeviceType *t = catalog.deviceType(QStringLiteral("sw-sn2201"));
    QCOMPARE(t->layer, Catalog::kUserLayer);
    QCOMPARE(t->typicalW.valueOr(0), 98.0);
    QCOMPARE(catalog.definitions(QStringLiteral("sw-sn2201")).size(), std::size_t(2));

    Catalog reloaded = Catalog::builtIn();
    LoadError loadError;
    QVERIFY2(reloaded.loadCatalogFile(userFile(), Catalog::kUserLayer, &loadError), qPrintable(loadError.toString()));
    QCOMPARE(reloaded.deviceType(QStringLiteral("sw-sn2201"))->typicalW.valueOr(0), 98.0);
    QVERIFY(reloaded.source(QStringLiteral("LABSHEET")));
}

void TestCatalogMenus::validationBlocksBadFigures()
{
    Catalog catalog = Catalog::builtIn();
    gui::CatalogEditorDialog dialog(catalog, userFile());
    QVERIFY(dialog.select(QStringLiteral("cnode-turin")));
    dialog.field(QStringLiteral("typicalW"))->setText(QStringLiteral("5000"));
    dialog.field(QStringLiteral("maxW"))->setText(QStringLiteral("1000"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("exceeds")));
    QVERIFY(!dialog.applyForm());
    dialog.field(QStringLiteral("maxW"))->setText(QStringLiteral("lots"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("maxW")));
    dialog.field(QStringLiteral("maxW"))->clear();
    dialog.field(QStringLiteral("typicalW"))->clear();
    dialog.field(QStringLiteral("model"))->clear();
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("Model")));
    QVERIFY(dialog.pendingEdits().empty());
}

void TestCatalogMenus::duplicateIsUndoable()
{
    Catalog catalog = Catalog::builtIn();
    gui::CatalogEditorDialog dialog(catalog, userFile());
    QVERIFY(dialog.select(QStringLiteral("sw-sn5600")));
    QVERIFY(dialog.duplicateSelected());
    QCOMPARE(dialog.selectedId(), QStringLiteral("sw-sn5600-copy"));
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600-copy"))->portCount(PortPurpose::Data),
             catalog.deviceType(QStringLiteral("sw-sn5600"))->portCount(PortPurpose::Data));
    // A pending new type may be renamed; an existing id may not be taken.
    dialog.field(QStringLiteral("id"))->setText(QStringLiteral("sw-sn5600"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("already exists")));
    dialog.field(QStringLiteral("id"))->setText(QStringLiteral("lab-spine"));
    QVERIFY(dialog.applyForm());
    QVERIFY(dialog.current(QStringLiteral("lab-spine")));
    QVERIFY(!dialog.current(QStringLiteral("sw-sn5600-copy")));
    dialog.undoStack().undo();
    QVERIFY(dialog.current(QStringLiteral("sw-sn5600-copy")));
    QVERIFY(!dialog.current(QStringLiteral("lab-spine")));
    dialog.undoStack().undo();
    QVERIFY(!dialog.current(QStringLiteral("sw-sn5600-copy")));
    QVERIFY(dialog.pendingEdits().empty());
}

void TestCatalogMenus::addNewTypeWithPortsUndoAndSave()
{
    Catalog catalog = Catalog::builtIn();
    gui::CatalogEditorDialog dialog(catalog, userFile());
    QVERIFY(dialog.addNew());
    QCOMPARE(dialog.selectedId(), QStringLiteral("new-device"));
    QVERIFY(!dialog.field(QStringLiteral("id"))->isReadOnly());
    QCOMPARE(dialog.portsTable()->table()->rowCount(), 0);
    QVERIFY(dialog.current(QStringLiteral("new-device"))->ports.empty());

    dialog.field(QStringLiteral("id"))->setText(QStringLiteral("lab-tor"));
    dialog.field(QStringLiteral("model"))->setText(QStringLiteral("Lab ToR"));
    auto *role = dialog.findChild<QComboBox *>(QStringLiteral("role"));
    QVERIFY(role);
    role->setCurrentIndex(role->findData(roleId(Role::Switch)));
    dialog.field(QStringLiteral("source"))->setText(QStringLiteral("LABSHEET"));
    gui::CatalogPortsTable &ports = *dialog.portsTable();
    using C = gui::CatalogPortsTable;
    const int data = ports.addRow();
    ports.setText(data, C::Name, QStringLiteral("swp"));
    ports.setText(data, C::Count, QStringLiteral("32"));
    ports.setText(data, C::Speed, QStringLiteral("400"));
    ports.setText(data, C::Media, QStringLiteral("OSFP"));
    ports.setRoce(data, true);
    const int mgmt = ports.addRow();
    ports.setText(mgmt, C::Name, QStringLiteral("mgmt0"));
    ports.setText(mgmt, C::Speed, QStringLiteral("1"));
    ports.setText(mgmt, C::Media, QStringLiteral("RJ45"));
    ports.setPurpose(mgmt, PortPurpose::Mgmt);
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    QVERIFY(dialog.applyForm());

    auto checkPorts = [](const DeviceType *t) {
        QVERIFY(t);
        QCOMPARE(t->role, Role::Switch);
        QCOMPARE(t->ports.size(), std::size_t(2));
        QCOMPARE(t->ports[0].pattern, QStringLiteral("swp{n}"));
        QCOMPARE(t->ports[0].count, 32);
        QCOMPARE(t->ports[0].speedGbps, 400.0);
        QCOMPARE(t->ports[0].media, QStringLiteral("OSFP"));
        QVERIFY(t->ports[0].roceCapable);
        QCOMPARE(t->ports[0].source, QStringLiteral("LABSHEET"));
        QCOMPARE(t->ports[1].names, QStringList{QStringLiteral("mgmt0")});
        QCOMPARE(t->ports[1].purpose, PortPurpose::Mgmt);
        QVERIFY(!t->ports[1].roceCapable);
        QCOMPARE(t->portCount(PortPurpose::Data), 32);
        QCOMPARE(t->portCount(PortPurpose::Mgmt), 1);
        // Cabling finds the ports by name.
        QVERIFY(t->resolvePort(QStringLiteral("swp32")).valid());
        QVERIFY(!t->resolvePort(QStringLiteral("swp33")).valid());
        QVERIFY(t->resolvePort(QStringLiteral("mgmt0")).valid());
    };
    checkPorts(dialog.current(QStringLiteral("lab-tor")));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!dialog.current(QStringLiteral("new-device")));

    // Undo takes back the whole edit (the rename and the ports), redo brings it again.
    dialog.undoStack().undo();
    QVERIFY(!dialog.current(QStringLiteral("lab-tor")));
    QVERIFY(dialog.current(QStringLiteral("new-device")));
    QVERIFY(dialog.current(QStringLiteral("new-device"))->ports.empty());
    QCOMPARE(dialog.selectedId(), QStringLiteral("new-device"));
    QCOMPARE(dialog.portsTable()->table()->rowCount(), 0);
    dialog.undoStack().redo();
    checkPorts(dialog.current(QStringLiteral("lab-tor")));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(dialog.portsTable()->table()->rowCount(), 2);
    QCOMPARE(dialog.portsTable()->table()->item(0, C::Name)->text(), QStringLiteral("swp{n}"));

    QString error;
    QVERIFY2(dialog.save(&error), qPrintable(error));
    checkPorts(catalog.deviceType(QStringLiteral("lab-tor")));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(catalog.deviceType(QStringLiteral("lab-tor"))->layer, Catalog::kUserLayer);
    Catalog reloaded = Catalog::builtIn();
    LoadError loadError;
    QVERIFY2(reloaded.loadCatalogFile(userFile(), Catalog::kUserLayer, &loadError), qPrintable(loadError.toString()));
    checkPorts(reloaded.deviceType(QStringLiteral("lab-tor")));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(reloaded.source(QStringLiteral("LABSHEET")));
}

void TestCatalogMenus::portValidationNamesTheField()
{
    Catalog catalog = Catalog::builtIn();
    gui::CatalogEditorDialog dialog(catalog, userFile());
    QVERIFY(dialog.addNew());
    using C = gui::CatalogPortsTable;
    gui::CatalogPortsTable &ports = *dialog.portsTable();
    const int row = ports.addRow();
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    const std::size_t undoBefore = static_cast<std::size_t>(dialog.undoStack().count());

    ports.setText(row, C::Count, QStringLiteral("0"));
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("Ports row 1, count")),
             qPrintable(dialog.validationMessage()));
    QVERIFY(!dialog.applyForm());
    ports.setText(row, C::Count, QStringLiteral("4"));
    ports.setText(row, C::Name, QStringLiteral("swp"));
    ports.setText(row, C::Speed, QStringLiteral("-5"));
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("Ports row 1, speedGbps")),
             qPrintable(dialog.validationMessage()));
    ports.setText(row, C::Speed, QStringLiteral("fast"));
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("speedGbps")), qPrintable(dialog.validationMessage()));
    QVERIFY(!dialog.applyForm());
    ports.setText(row, C::Speed, QStringLiteral("200"));
    ports.setText(row, C::Name, QString());
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("Ports row 1, name")),
             qPrintable(dialog.validationMessage()));
    ports.setText(row, C::Name, QStringLiteral("swp"));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));

    // Names are unique across groups: "swp2" is already the second port of row 1.
    const int second = ports.addRow();
    ports.setText(second, C::Name, QStringLiteral("swp2"));
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("Ports row 2, name: port \"swp2\" is also in row 1")),
             qPrintable(dialog.validationMessage()));
    QVERIFY(!dialog.applyForm());
    // A list of names sets the count; a repeated name in it is refused too.
    ports.setText(second, C::Name, QStringLiteral("bmc, ipmi, bmc"));
    QCOMPARE(ports.table()->item(second, C::Count)->text(), QStringLiteral("3"));
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("\"bmc\" appears twice")),
             qPrintable(dialog.validationMessage()));
    ports.setText(second, C::Name, QStringLiteral("bmc, ipmi"));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    QCOMPARE(static_cast<std::size_t>(dialog.undoStack().count()), undoBefore);
    QVERIFY(dialog.current(QStringLiteral("new-device"))->ports.empty());
    QVERIFY(dialog.applyForm());
    QCOMPARE(dialog.current(QStringLiteral("new-device"))->ports.size(), std::size_t(2));
    QCOMPARE(dialog.current(QStringLiteral("new-device"))->ports[1].names,
             (QStringList{QStringLiteral("bmc"), QStringLiteral("ipmi")}));
}

void TestCatalogMenus::portEditOfExistingTypeUndoes()
{
    Catalog catalog = Catalog::builtIn();
    const DeviceType *builtIn = catalog.deviceType(QStringLiteral("sw-sn5600"));
    QVERIFY(builtIn && !builtIn->ports.empty());
    const PortGroup before = builtIn->ports.front();
    gui::CatalogEditorDialog dialog(catalog, userFile());
    QVERIFY(dialog.select(QStringLiteral("sw-sn5600")));
    QCOMPARE(dialog.portsTable()->table()->rowCount(), static_cast<int>(builtIn->ports.size()));
    // Untouched rows come back exactly as loaded (first index, breakouts, source kept).
    QVERIFY(dialog.applyForm());
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().breakouts, before.breakouts);
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().source, before.source);
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().first, before.first);

    dialog.portsTable()->setText(0, gui::CatalogPortsTable::Speed, QStringLiteral("123"));
    dialog.portsTable()->setRoce(0, !before.roceCapable);
    QVERIFY(dialog.applyForm());
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().speedGbps, 123.0);
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().roceCapable, !before.roceCapable);
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().breakouts, before.breakouts);
    dialog.undoStack().undo();
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().speedGbps, before.speedGbps);
    QCOMPARE(dialog.current(QStringLiteral("sw-sn5600"))->ports.front().roceCapable, before.roceCapable);
    QCOMPARE(dialog.portsTable()->table()->item(0, gui::CatalogPortsTable::Speed)->text(),
             QString::number(before.speedGbps));
    QCOMPARE(catalog.deviceType(QStringLiteral("sw-sn5600"))->ports.front().speedGbps, before.speedGbps);
}

void TestCatalogMenus::layerPanelShowsOverrideSourceAndConfidence()
{
    const QString overrides = m_dir->filePath(QStringLiteral("overrides.json"));
    QFile f(overrides);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(labCatalog());
    f.close();
    Catalog catalog = Catalog::builtIn();
    QVERIFY(catalog.deviceType(QStringLiteral("sw-sn2201"))->typicalW.source != QStringLiteral("LAB"));
    LoadError loadError;
    QVERIFY2(catalog.loadCatalogFile(overrides, Catalog::kUserLayer, &loadError), qPrintable(loadError.toString()));
    gui::CatalogEditorDialog dialog(catalog, userFile());
    QVERIFY(dialog.select(QStringLiteral("sw-sn2201")));
    const QString html = dialog.layerInfo()->text();
    QVERIFY2(html.contains(QStringLiteral("layer <b>%1</b>").arg(Catalog::kUserLayer)), qPrintable(html));
    QVERIFY2(html.contains(overrides), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("overrides: %1").arg(Catalog::kBuiltInLayer)), qPrintable(html));
    // The typical-draw row names the figure, its value, its confidence and its source's title.
    const qsizetype row = html.indexOf(QStringLiteral("<tr><td>typical draw</td>"));
    QVERIFY2(row >= 0, qPrintable(html));
    const QString cells = html.mid(row, html.indexOf(QStringLiteral("</tr>"), row) - row);
    QVERIFY2(cells.contains(QStringLiteral("<td>140")), qPrintable(cells));
    QVERIFY2(cells.contains(QStringLiteral("<td>stated</td>")), qPrintable(cells));
    QVERIFY2(cells.contains(QStringLiteral("Lab inventory sheet")), qPrintable(cells));

    // A built-in type that nothing overrides says so.
    QVERIFY(dialog.select(QStringLiteral("sw-sn5600")));
    QVERIFY(dialog.layerInfo()->text().contains(QStringLiteral("layer <b>%1</b>").arg(Catalog::kBuiltInLayer)));
    QVERIFY(!dialog.layerInfo()->text().contains(QStringLiteral("overrides:")));
}

void TestCatalogMenus::fileMenuImportsNetBoxTypes()
{
    Catalog catalog = Catalog::builtIn();
    gui::MainWindow window(catalog);
    auto *menus = new gui::CatalogMenus(window, catalog);
    // The menu path: File ▸ Import ▸ NetBox device types, File ▸ Update catalog from URL.
    QMenu *file = window.menu(gui::MainWindow::Menu::File);
    QVERIFY(file);
    QCOMPARE(file->title().remove(QLatin1Char('&')), QStringLiteral("File"));
    QMenu *import = nullptr;
    QStringList fileActions;
    for (QAction *a : file->actions()) {
        fileActions << a->objectName();
        if (a->menu() && a->text().remove(QLatin1Char('&')) == QStringLiteral("Import"))
            import = a->menu();
    }
    QVERIFY(import);
    QAction *importNetBox = import->findChild<QAction *>(QStringLiteral("importNetBoxAction"));
    QVERIFY(importNetBox);
    QVERIFY(import->actions().contains(importNetBox));
    QVERIFY(importNetBox->text().contains(QStringLiteral("NetBox")));
    QVERIFY2(fileActions.contains(QStringLiteral("updateCatalogAction")),
             qPrintable(fileActions.join(QLatin1Char(' '))));
    QVERIFY(fileActions.contains(QStringLiteral("catalogEditorAction")));
    QVERIFY(fileActions.contains(QStringLiteral("netboxPushAction")));
    QVERIFY(!fileActions.contains(QStringLiteral("importNetBoxAction")));
    QVERIFY(window.menuBar()
                ->findChild<QAction *>(QStringLiteral("updateCatalogAction"))
                ->text()
                .remove(QLatin1Char('&'))
                .startsWith(QStringLiteral("Update catalog from URL")));
    bool ok = false;
    const QString message =
        menus->importNetBox({QStringLiteral(POCPLAN_SOURCE_DIR "/tests/netbox/data/sn5600.yaml")}, &ok);
    QVERIFY2(ok, qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("nvidia-sn5600")));
    QVERIFY(catalog.deviceType(QStringLiteral("nvidia-sn5600")));
    QCOMPARE(catalog.deviceType(QStringLiteral("nvidia-sn5600"))->layer, Catalog::kUserLayer);
    QVERIFY(QFileInfo::exists(catalogLocations::userImportFile()));
    const QString bad = m_dir->filePath(QStringLiteral("bad.yaml"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("model: [\n");
    f.close();
    const QString refused = menus->importNetBox({bad}, &ok);
    QVERIFY(!ok);
    QVERIFY(refused.contains(bad));
}

void TestCatalogMenus::updateFromUrlReloadsLiveCatalog()
{
    LoopbackServer server([](const HttpRequest &) {
        HttpResponse r;
        r.headers << qMakePair(QByteArray("ETag"), QByteArray("\"v1\""));
        r.body = labCatalog();
        return r;
    });
    QVERIFY(server.isListening());
    Catalog catalog = Catalog::builtIn();
    gui::MainWindow window(catalog);
    gui::CatalogMenus menus(window, catalog);
    QList<Notice> notices;
    collectNotices(window, menus, notices);
    QVERIFY(!catalog.deviceType(QStringLiteral("lab-leaf")));
    QVERIFY(!paletteItem(window, QStringLiteral("lab-leaf")));
    QVERIFY(paletteItem(window, QStringLiteral("sw-sn2201")));
    QSignalSpy planChanged(&window.document(), &PlanDocument::planChanged);

    menus.updateFromUrl(server.url(QStringLiteral("/catalog.json")), QString());
    QVERIFY(window.findChild<QProgressDialog *>(QStringLiteral("catalogFetchProgress")));
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 10000);
    const Notice n = notices.first();
    QVERIFY2(n.ok, qPrintable(n.text));
    QCOMPARE(n.title, QStringLiteral("Update catalog from URL"));
    QVERIFY2(!n.text.isEmpty(), "the user is told what happened");
    // The progress dialog followed the download to its end.
    QCOMPARE(n.progressMaximum, static_cast<int>(labCatalog().size()));
    QCOMPARE(n.progressValue, n.progressMaximum);
    QTRY_VERIFY(!window.findChild<QProgressDialog *>(QStringLiteral("catalogFetchProgress")));
    QCOMPARE(server.requests.size(), 1);

    // Live: the catalog, the palette and the plan's views see the new layer without a restart.
    const DeviceType *leaf = catalog.deviceType(QStringLiteral("lab-leaf"));
    QVERIFY(leaf);
    QCOMPARE(leaf->layer, Catalog::kFetchedLayer);
    QCOMPARE(catalog.deviceType(QStringLiteral("sw-sn2201"))->layer, Catalog::kFetchedLayer);
    QVERIFY(QFileInfo(leaf->originFile)
                .absolutePath()
                .startsWith(QFileInfo(catalogLocations::fetchedDir()).absoluteFilePath()));
    QVERIFY(planChanged.count() >= 1);
    QTreeWidgetItem *item = paletteItem(window, QStringLiteral("lab-leaf"));
    QVERIFY(item);
    QVERIFY2(item->text(0).contains(QStringLiteral("Lab leaf")), qPrintable(item->text(0)));
    QVERIFY(paletteItem(window, QStringLiteral("sw-sn2201")));
    QVERIFY(paletteItem(window, QStringLiteral("sw-sn2201"))->text(0).contains(QStringLiteral("lab-measured")));
}

void TestCatalogMenus::updateFromUrlFailureKeepsCatalog_data()
{
    QTest::addColumn<bool>("serverError");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("why");
    QTest::newRow("http-500") << true << QString() << QStringLiteral("HTTP 500");
    QTest::newRow("wrong-hash") << false << QString(64, QLatin1Char('a')) << QStringLiteral("SHA-256 mismatch");
}

void TestCatalogMenus::updateFromUrlFailureKeepsCatalog()
{
    QFETCH(bool, serverError);
    QFETCH(QString, pin);
    QFETCH(QString, why);
    QByteArray body = labCatalog();
    bool failing = false;
    LoopbackServer server([&](const HttpRequest &) {
        HttpResponse r;
        if (failing && serverError) {
            r.status = 500;
            r.reason = "Internal Server Error";
            r.body = "oops";
            return r;
        }
        r.body = body;
        return r;
    });
    QVERIFY(server.isListening());
    Catalog catalog = Catalog::builtIn();
    gui::MainWindow window(catalog);
    gui::CatalogMenus menus(window, catalog);
    QList<Notice> notices;
    collectNotices(window, menus, notices);
    const QUrl url = server.url(QStringLiteral("/catalog.json"));
    menus.updateFromUrl(url, QString());
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 10000);
    QVERIFY2(notices.first().ok, qPrintable(notices.first().text));
    QVERIFY(paletteItem(window, QStringLiteral("lab-leaf")));
    QCOMPARE(paletteItem(window, QStringLiteral("lab-leaf"))->text(0), QStringLiteral("Generic Lab leaf"));

    // The server now has a changed catalog, so that "kept" cannot pass for "unchanged" ...
    body.replace("Lab leaf", "Lab leaf v2");
    failing = true;
    menus.updateFromUrl(url, pin);
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 2, 10000);
    const Notice n = notices.last();
    QVERIFY(!n.ok);
    QCOMPARE(server.requests.size(), 2);
    // ... and the message says why, and that the last good catalog stays.
    QVERIFY2(n.text.contains(why), qPrintable(n.text));
    QVERIFY2(n.text.contains(QStringLiteral("keeping the last good catalog")), qPrintable(n.text));
    QCOMPARE(catalog.deviceType(QStringLiteral("lab-leaf"))->model, QStringLiteral("Lab leaf"));
    QCOMPARE(catalog.deviceType(QStringLiteral("lab-leaf"))->layer, Catalog::kFetchedLayer);
    QVERIFY(paletteItem(window, QStringLiteral("lab-leaf")));
    QCOMPARE(paletteItem(window, QStringLiteral("lab-leaf"))->text(0), QStringLiteral("Generic Lab leaf"));
    Catalog stored;
    QVERIFY(stored.loadFolder(catalogLocations::fetchedDir(), Catalog::kFetchedLayer, nullptr));
    QCOMPARE(stored.deviceType(QStringLiteral("lab-leaf"))->model, QStringLiteral("Lab leaf"));
}

void TestCatalogMenus::pushDialogReports()
{
    FakeNetBox netbox;
    LoopbackServer server([&](const HttpRequest &r) { return netbox.handle(r); });
    PlanDocument document(Catalog::builtIn());
    Plan plan;
    LoadError loadError;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, &loadError));
    document.reset(plan, QString());
    gui::NetBoxPushDialog dialog(document);
    dialog.urlEdit()->setText(server.url(QStringLiteral("/")).toString());
    dialog.tokenEdit()->setText(QStringLiteral("gui-token"));
    QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
    // Every value the bar shows during the push, in order.
    QList<int> shown;
    connect(dialog.progressBar(), &QProgressBar::valueChanged, &dialog, [&shown](int value) { shown << value; });
    NetBoxPushReport report = dialog.push();
    QCOMPARE(report.count(QStringLiteral("failed")), 0);
    QVERIFY(report.count(QStringLiteral("created")) > 0);
    const int maximum = dialog.progressBar()->maximum();
    QVERIFY(maximum > 2);
    QVERIFY2(!shown.isEmpty() && shown.last() == maximum, qPrintable(QStringLiteral("%1").arg(shown.size())));
    int between = 0;
    for (int i = 0; i < shown.size(); ++i) {
        if (i > 0)
            QVERIFY2(shown[i] > shown[i - 1],
                     qPrintable(QStringLiteral("value %1 after %2").arg(shown[i]).arg(shown[i - 1])));
        between += shown[i] > dialog.progressBar()->minimum() && shown[i] < maximum ? 1 : 0;
    }
    // One step of the bar per push step, not a jump to full at the end.
    QCOMPARE(between, maximum - 1);
    QVERIFY2(dialog.reportText().contains(QStringLiteral("updated 0, failed 0")), qPrintable(dialog.reportText()));
    QCOMPARE(server.requests.first().headers.value("authorization"), QByteArray("Token gui-token"));

    report = dialog.push();
    QCOMPARE(report.count(QStringLiteral("created")), 0);
    QVERIFY(dialog.reportText().contains(QStringLiteral("created 0, updated")));

    dialog.dryRunBox()->setChecked(true);
    dialog.push();
    QVERIFY(dialog.reportText().contains(QStringLiteral("POST ")));
    QVERIFY(!dialog.reportText().contains(QStringLiteral("gui-token")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(pp::test::grabForScreenshot(dialog, QStringLiteral("netbox-push.png")));
}

void TestCatalogMenus::pushDialogTokenNeverSavedAndEnvFallback()
{
    const QByteArray typed = "typed-secret-7f3a9c";
    const QByteArray fromEnv = "env-secret-41d2e8";
    FakeNetBox netbox;
    LoopbackServer server([&](const HttpRequest &r) { return netbox.handle(r); });
    PlanDocument document(Catalog::builtIn());
    Plan plan;
    LoadError loadError;
    QVERIFY(loadTemplate(QStringLiteral("poc-3c1d"), Catalog::builtIn(), plan, &loadError));
    document.reset(plan, QString());
    qunsetenv("POCPLAN_NETBOX_TOKEN");
    {
        gui::NetBoxPushDialog dialog(document);
        dialog.urlEdit()->setText(server.url(QStringLiteral("/")).toString());
        // No token anywhere: refused before anything is sent.
        dialog.push();
        QVERIFY2(dialog.reportText().contains(QStringLiteral("POCPLAN_NETBOX_TOKEN")), qPrintable(dialog.reportText()));
        QVERIFY(server.requests.isEmpty());
        dialog.tokenEdit()->setText(QString::fromLatin1(typed));
        QCOMPARE(dialog.push().count(QStringLiteral("failed")), 0);
        QCOMPARE(server.requests.last().headers.value("authorization"), "Token " + typed);
    }
    // The URL is remembered, the token is not: read the settings file itself.
    const QString settingsFile = QSettings().fileName();
    QVERIFY2(settingsFile.startsWith(m_runDir->path()), qPrintable(settingsFile));
    QFile f(settingsFile);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(settingsFile));
    const QByteArray settingsBytes = f.readAll();
    QVERIFY2(settingsBytes.contains(QByteArray::number(server.serverPort())), settingsBytes.constData());
    QVERIFY(!settingsBytes.contains(typed));
    for (const QString &key : QSettings().allKeys())
        QVERIFY2(!QSettings().value(key).toString().contains(QString::fromLatin1(typed)), qPrintable(key));
    for (const QString &root : {m_runDir->path(), m_dir->path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile any(it.next());
            QVERIFY(any.open(QIODevice::ReadOnly));
            QVERIFY2(!any.readAll().contains(typed), qPrintable(any.fileName()));
        }
    }

    // An empty field falls back to POCPLAN_NETBOX_TOKEN, and says so.
    qputenv("POCPLAN_NETBOX_TOKEN", fromEnv);
    gui::NetBoxPushDialog dialog(document);
    QCOMPARE(dialog.urlEdit()->text(), server.url(QStringLiteral("/")).toString());
    QVERIFY(dialog.tokenEdit()->text().isEmpty());
    QVERIFY(dialog.tokenEdit()->placeholderText().contains(QStringLiteral("POCPLAN_NETBOX_TOKEN")));
    const qsizetype before = server.requests.size();
    QCOMPARE(dialog.push().count(QStringLiteral("failed")), 0);
    qunsetenv("POCPLAN_NETBOX_TOKEN");
    QVERIFY(server.requests.size() > before);
    for (qsizetype i = before; i < server.requests.size(); ++i)
        QCOMPARE(server.requests[i].headers.value("authorization"), "Token " + fromEnv);
    QFile again(settingsFile);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QVERIFY(!again.readAll().contains(fromEnv));
}

QTEST_MAIN(TestCatalogMenus)
#include "tst_catalogmenus.moc"
