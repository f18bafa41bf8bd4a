#include "scenebench.h"

#include "app/gui/window/checkrunner.h"
#include "app/gui/window/planeditor.h"
#include "rackscene.h"
#include "rackview.h"

#include <QApplication>

namespace pp::gui {

void benchBuildScene(const Plan &plan, const Catalog &catalog)
{
    PlanDocument document(catalog);
    document.reset(plan, QString());
    PlanEditor editor(document);
    RackScene scene(document, &editor);
    RackView view(&scene);
    view.resize(1600, 1000);
    view.fitAll();
}

struct SceneEditBench::Fixture {
    PlanDocument document;
    PlanEditor editor;
    RackScene scene;
    RackView view;
    CheckRunner checks;
    QString deviceId;
    int step = 1;

    Fixture(const Plan &plan, const Catalog &catalog)
        : document(catalog)
        , editor(document)
        , scene(document, &editor)
        , view(&scene)
        , checks(catalog)
    {
        document.reset(plan, QString());
        view.resize(1600, 1000);
        view.fitAll();
        // The topmost 1U device of the first rack with a free U above it moves up and down.
        for (const Device &d : document.plan().devices) {
            if (d.rack != document.plan().racks.front().id || d.u < 1)
                continue;
            const DeviceType *type = catalog.deviceType(d.type);
            if (type && type->uHeight == 1 &&
                ops::checkPlacement(document.plan(), catalog, d.type, {d.rack, d.u + 1, d.face}, {d.id}))
                deviceId = d.id;
        }
        scene.setFindings(checks.runNow(document.plan()));
        view.viewport()->grab();
    }
};

SceneEditBench::SceneEditBench(const Plan &plan, const Catalog &catalog)
    : m_fixture(std::make_unique<Fixture>(plan, catalog))
{ }

SceneEditBench::~SceneEditBench() = default;

void SceneEditBench::editOnce()
{
    Fixture &f = *m_fixture;
    if (f.deviceId.isEmpty())
        qFatal("scene-edit: no movable device in the first rack");
    if (!f.editor.nudgeDevices({f.deviceId}, f.step))
        qFatal("scene-edit: the move was refused");
    f.step = -f.step;
    f.scene.setFindings(f.checks.runNow(f.document.plan()));
    f.view.viewport()->grab(); // paints the visible canvas now
}

} // namespace pp::gui
