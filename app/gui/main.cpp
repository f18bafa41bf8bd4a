#include "app/gui/catalog/catalogmenus.h"
#include "app/gui/window/mainwindow.h"

#include "catalog/io/cataloglocations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pocplanner"));
    QApplication::setApplicationDisplayName(QStringLiteral("POC Planner"));
    QApplication::setOrganizationName(QStringLiteral("pocplanner"));
    QApplication::setApplicationVersion(QStringLiteral(POCPLAN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("POC Planner: design, check and export AI-storage POC kits."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("plan"),
                                 QStringLiteral("Plan file to open (default: the bundled 3C+1D POC kit)."));
    const QCommandLineOption screenshotOpt(
        QStringLiteral("screenshot"), QStringLiteral("Render the window to a PNG and quit."), QStringLiteral("file"));
    parser.addOption(screenshotOpt);
    // For users after a crash ("reopen what I was doing"), and what lets the crash-recovery test
    // restart the real executable without answering a dialog. Nothing else is automated.
    const QCommandLineOption restoreOpt(
        QStringLiteral("restore"),
        QStringLiteral("Restore the unsaved work of a session that did not close normally, without asking."));
    parser.addOption(restoreOpt);
    const QCommandLineOption compareOpt(
        QStringLiteral("compare"),
        QStringLiteral("Compare the plan with another version of it (as File > Compare with…)."),
        QStringLiteral("old-plan"));
    parser.addOption(compareOpt);
    const QCommandLineOption whatIfOpt(
        QStringLiteral("whatif"),
        QStringLiteral("Open in what-if mode with these failure domains failed (comma-separated ids, as "
                       "`pocplan whatif --list-domains` gives them)."),
        QStringLiteral("ids"));
    parser.addOption(whatIfOpt);
    parser.process(app);

    // Built-in < user files < fetched, as the CLI stacks them; the catalog menus may extend it.
    pp::Catalog catalog = pp::Catalog::builtIn();
    QStringList catalogWarnings;
    pp::catalogLocations::loadLayers(catalog, {}, &catalogWarnings, nullptr);
    for (const QString &w : catalogWarnings)
        qWarning("catalog: %s", qPrintable(w));
    pp::gui::MainWindow window(catalog);
    new pp::gui::CatalogMenus(window, catalog); // owned by the window
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        window.newFromTemplate(QStringLiteral("poc-3c1d"));
    else if (!window.openFile(files.first()))
        window.newFromTemplate(QStringLiteral("poc-3c1d"));
    window.show();
    if (parser.isSet(compareOpt))
        window.compareWith(parser.value(compareOpt));
    if (parser.isSet(whatIfOpt))
        window.showWhatIf(parser.value(whatIfOpt).split(QLatin1Char(','), Qt::SkipEmptyParts));
    if (!parser.isSet(screenshotOpt)) {
        const bool askFirst = !parser.isSet(restoreOpt);
        QTimer::singleShot(0, &window, [&window, askFirst] { window.offerRecovery(askFirst); });
    }
    if (parser.isSet(screenshotOpt)) {
        const QString out = parser.value(screenshotOpt);
        QTimer::singleShot(500, &window, [&window, out] {
            window.grab().save(out);
            QApplication::quit();
        });
    }
    return app.exec();
}
