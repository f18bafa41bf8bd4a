#include "catalogmenus.h"

#include "app/gui/window/checkrunner.h"
#include "app/gui/window/mainwindow.h"
#include "catalogeditordialog.h"
#include "catalogpalette.h"
#include "netboxpushdialog.h"

#include "catalog/fetch/catalogfetcher.h"
#include "catalog/io/cataloglocations.h"
#include "catalog/io/usercatalogfile.h"
#include "catalog/netbox/netboximporter.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

namespace pp::gui {

CatalogMenus::CatalogMenus(MainWindow &window, Catalog &catalog)
    : QObject(&window)
    , m_window(window)
    , m_catalog(catalog)
{
    m_notify = [this](bool ok, const QString &title, const QString &text) {
        if (ok)
            QMessageBox::information(&m_window, title, text);
        else
            QMessageBox::warning(&m_window, title, text);
    };
    QMenu *file = fileMenu();
    QAction *before = nullptr;
    for (QAction *a : file->actions())
        if (a->text().remove(QLatin1Char('&')).startsWith(QLatin1String("Quit")))
            before = a;
    auto *importMenu = new QMenu(tr("&Import"), file);
    QAction *importNetBoxAction = importMenu->addAction(tr("&NetBox device types…"), this, [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(&m_window, tr("Import NetBox device types"), QString(),
                                          tr("NetBox device types (*.yaml *.yml);;All files (*)"));
        if (files.isEmpty())
            return;
        bool ok = false;
        const QString message = importNetBox(files, &ok);
        m_notify(ok, tr("Import NetBox device types"), message);
    });
    importNetBoxAction->setObjectName(QStringLiteral("importNetBoxAction"));
    file->insertMenu(before, importMenu);
    QAction *update = new QAction(tr("&Update catalog from URL…"), file);
    update->setObjectName(QStringLiteral("updateCatalogAction"));
    connect(update, &QAction::triggered, this, &CatalogMenus::askAndUpdateFromUrl);
    QAction *editor = new QAction(tr("&Catalog editor…"), file);
    editor->setObjectName(QStringLiteral("catalogEditorAction"));
    connect(editor, &QAction::triggered, this, &CatalogMenus::openEditor);
    QAction *push = new QAction(tr("Push to Net&Box…"), file);
    push->setObjectName(QStringLiteral("netboxPushAction"));
    connect(push, &QAction::triggered, this, &CatalogMenus::openPush);
    file->insertActions(before, {update, editor, push});
    file->insertSeparator(before);
}

QMenu *CatalogMenus::fileMenu() const
{
    for (QAction *a : m_window.menuBar()->actions())
        if (a->menu() && a->text().remove(QLatin1Char('&')) == QLatin1String("File"))
            return a->menu();
    return m_window.menuBar()->addMenu(tr("&File"));
}

void CatalogMenus::catalogChanged()
{
    // Background checks read a snapshot, never the live catalog this thread just changed; a check
    // already running finishes on the snapshot it started with.
    m_window.checks().setCatalog(std::make_shared<const Catalog>(m_catalog));
    // The plan is unchanged, but what its device types mean may have changed: redraw and recount,
    // and list the types now in the catalog.
    emit m_window.document().planChanged();
    m_window.palette().refresh();
}

QString CatalogMenus::importNetBox(const QStringList &files, bool *ok)
{
    NetBoxImporter importer;
    NetBoxImport result;
    bool good = true;
    for (const QString &f : files)
        good = importer.importPath(f, result) && good;
    QStringList lines;
    if (!good) {
        for (const LoadError &e : result.errors)
            lines << e.toString();
        *ok = false;
        return tr("Nothing was imported:\n%1").arg(lines.join(QLatin1Char('\n')));
    }
    UserCatalogFile file(catalogLocations::userImportFile());
    LoadError loadError;
    if (!file.load(&loadError)) {
        *ok = false;
        return tr("The user catalog is broken and was left as it is:\n%1").arg(loadError.toString());
    }
    for (const SourceInfo &s : result.sources)
        file.addSource(s);
    for (const DeviceType &t : result.types)
        file.upsert(t);
    QString error;
    if (!file.save(&error)) {
        *ok = false;
        return error;
    }
    // The saved file becomes part of the live user layer (with its sources).
    m_catalog.loadCatalogFile(file.fileName(), Catalog::kUserLayer, nullptr);
    catalogChanged();
    for (const DeviceType &t : result.types)
        lines << QStringLiteral("%1 (%2, %3U)").arg(t.id, roleId(t.role)).arg(t.uHeight);
    *ok = true;
    QString message = tr("Imported %1 device type(s) into %2:\n%3")
                          .arg(result.types.size())
                          .arg(file.fileName(), lines.join(QLatin1Char('\n')));
    if (!result.warnings.isEmpty())
        message += tr("\n\nWarnings:\n%1").arg(result.warnings.mid(0, 20).join(QLatin1Char('\n')));
    return message;
}

void CatalogMenus::askAndUpdateFromUrl()
{
    QSettings settings;
    bool ok = false;
    const QString url =
        QInputDialog::getText(&m_window, tr("Update catalog from URL"), tr("Catalog URL (http or https):"),
                              QLineEdit::Normal, settings.value(QStringLiteral("catalog/fetchUrl")).toString(), &ok)
            .trimmed();
    if (!ok || url.isEmpty())
        return;
    const QString sha = QInputDialog::getText(&m_window, tr("Update catalog from URL"),
                                              tr("SHA-256 pin (optional, hex):"), QLineEdit::Normal, QString(), &ok)
                            .trimmed();
    if (!ok)
        return;
    settings.setValue(QStringLiteral("catalog/fetchUrl"), url);
    updateFromUrl(QUrl(url), sha);
}

void CatalogMenus::updateFromUrl(const QUrl &url, const QString &sha256)
{
    FetchOptions options;
    options.storeDir = catalogLocations::fetchedDir();
    options.cacheDir = catalogLocations::fetchCacheDir();
    options.expectedSha256 = sha256.trimmed();
    auto *fetcher = new CatalogFetcher(options, this);
    auto *progress =
        new QProgressDialog(tr("Downloading %1…").arg(url.toDisplayString()), tr("Cancel"), 0, 0, &m_window);
    progress->setObjectName(QStringLiteral("catalogFetchProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoReset(false); // the bar stays full until the result is in
    connect(progress, &QProgressDialog::canceled, fetcher, &CatalogFetcher::abort);
    connect(fetcher, &CatalogFetcher::progress, progress, [progress](qint64 received, qint64 total) {
        progress->setMaximum(total > 0 ? static_cast<int>(total) : 0);
        progress->setValue(static_cast<int>(received));
    });
    connect(fetcher, &CatalogFetcher::finished, this, [this, fetcher, progress](const FetchResult &r) {
        progress->hide();
        progress->deleteLater();
        fetcher->deleteLater();
        if (r.status == FetchResult::Status::Updated) {
            m_catalog.loadCatalogFile(r.storedFile, Catalog::kFetchedLayer, nullptr);
            catalogChanged();
        }
        m_notify(r.ok(), tr("Update catalog from URL"), r.message);
    });
    fetcher->start(url);
}

void CatalogMenus::openEditor()
{
    CatalogEditorDialog dialog(m_catalog, catalogLocations::userImportFile(), &m_window);
    connect(&dialog, &CatalogEditorDialog::catalogChanged, this, &CatalogMenus::catalogChanged);
    dialog.exec();
}

void CatalogMenus::openPush()
{
    NetBoxPushDialog dialog(m_window.document(), &m_window);
    dialog.exec();
}

} // namespace pp::gui
