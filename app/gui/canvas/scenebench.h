#pragma once

#include "catalog/model/catalog.h"
#include "planner/model/plan.h"

#include <memory>

namespace pp::gui {

// Timed paths of the editor for pocplanner-bench (steps "scene" and "scene-edit"); they need a
// QApplication, which pocplanner-bench creates on the offscreen platform.

// Builds the canvas for a plan: document, scene items for every rack and device, a fitted view.
void benchBuildScene(const Plan &plan, const Catalog &catalog);

// One edit as the user makes it: an undoable move of one device, the re-check of the whole plan
// by the rule engine, the finding markers, and a repaint of the visible canvas.
class SceneEditBench {
public:
    SceneEditBench(const Plan &plan, const Catalog &catalog);
    ~SceneEditBench();
    void editOnce();

private:
    struct Fixture;
    std::unique_ptr<Fixture> m_fixture;
};

} // namespace pp::gui
