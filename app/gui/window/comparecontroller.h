#pragma once

#include "planner/model/plandocument.h"

#include <QObject>

namespace pp::gui {

class ChangeOverlay;
class ChangesPanel;
class RackScene;

// A comparison of the open plan with another version of it (File > Compare with…): loads the
// other file, diffs it against the document (the other file as the old side) and shows the
// result on the canvas and in the changes panel; follows every edit until it is closed.
class CompareController : public QObject {
    Q_OBJECT
public:
    CompareController(PlanDocument &document, RackScene &scene, ChangesPanel &panel, QObject *parent = nullptr);

    // False with the reason (file, place, problem) when the other plan cannot be read.
    bool compareWith(const QString &fileName, QString *error);
    void stop();
    // Writes change-bom.csv and change-bom.md (parts to order and return, the change runbook) for
    // going from the other version to the open plan; false with the reason.
    bool exportChange(const QString &folder, QString *error) const;
    bool active() const { return !m_fileName.isEmpty(); }
    const ChangeOverlay &overlay() const { return *m_overlay; }

private:
    void update();

    PlanDocument &m_document;
    ChangesPanel &m_panel;
    ChangeOverlay *m_overlay;
    Plan m_other;
    QString m_fileName;
};

} // namespace pp::gui
