#include "app/gui/catalogeditordialog.h"
#include "app/gui/catalogmenus.h"
#include "app/gui/mainwindow.h"
#include "app/gui/netboxpushdialog.h"

#include "catalog/cataloglocations.h"
#include "planner/templates.h"

#include "fakenetbox.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace pp;

// The catalog editor (validation, undo, duplicate, save to the user layer), the File menu
// import of NetBox device types, and the NetBox push dialog against a loopback NetBox.
class TestCatalogEcoGui : public QObject {
    Q_OBJECT
private slots:
    void init();
    void editUndoRedoAndSave();
    void validationBlocksBadFigures();
    void duplicateIsUndoable();
    void fileMenuImportsNetBoxTypes();
    void pushDialogReports();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString userFile() const { return m_dir->filePath(QStringLiteral("catalog/user-catalog.json")); }
};

void TestCatalogEcoGui::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir->filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_dir->filePath(QStringLiteral("cache")).toUtf8());
}

void TestCatalogEcoGui::editUndoRedoAndSave()
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
    dialog.grab().save(QDir::temp().filePath(QStringLiteral("pocplan-catalog-editor.png")));

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

void TestCatalogEcoGui::validationBlocksBadFigures()
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

void TestCatalogEcoGui::duplicateIsUndoable()
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

void TestCatalogEcoGui::fileMenuImportsNetBoxTypes()
{
    Catalog catalog = Catalog::builtIn();
    gui::MainWindow window(catalog);
    auto *menus = new gui::CatalogMenus(window, catalog);
    QVERIFY(window.menuBar()->findChild<QAction *>(QStringLiteral("importNetBoxAction")));
    QVERIFY(window.menuBar()->findChild<QAction *>(QStringLiteral("updateCatalogAction")));
    QVERIFY(window.menuBar()->findChild<QAction *>(QStringLiteral("netboxPushAction")));
    bool ok = false;
    const QString message = menus->importNetBox({QStringLiteral(POCPLAN_TEST_DATA "/sn5600.yaml")}, &ok);
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

void TestCatalogEcoGui::pushDialogReports()
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
    NetBoxPushReport report = dialog.push();
    QCOMPARE(report.count(QStringLiteral("failed")), 0);
    QVERIFY(report.count(QStringLiteral("created")) > 0);
    QCOMPARE(dialog.progressBar()->value(), dialog.progressBar()->maximum());
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
    dialog.grab().save(QDir::temp().filePath(QStringLiteral("pocplan-netbox-push.png")));
}

QTEST_MAIN(TestCatalogEcoGui)
#include "tst_catalogecogui.moc"
