#include "app/gui/canvas/changeoverlay.h"

#include "app/gui/canvas/rackitems.h"
#include "app/gui/canvas/rackscene.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

namespace pp::gui {

namespace {

constexpr double kMarksZ = 50; // above devices and ghosts' outlines, below drag ghosts

QColor colorFor(const QString &change)
{
    if (change == QLatin1String("added"))
        return QColor(0x1f, 0x9d, 0x3a);
    if (change == QLatin1String("moved"))
        return QColor(0x1f, 0x6f, 0xd0);
    return QColor(0xe0, 0x8a, 0x00); // renamed, retyped, id-changed, changed
}

// The strongest change of a device when it has several (moved and renamed: moved).
int rank(const QString &change)
{
    if (change == QLatin1String("added"))
        return 3;
    if (change == QLatin1String("moved"))
        return 2;
    return 1;
}

} // namespace

ChangeOverlay::ChangeOverlay(RackScene &scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_sceneAlive(&scene)
{
    // A rebuild deletes every item of the scene, ours included: forget them, then draw anew.
    connect(&m_scene, &RackScene::rebuilt, this, [this] {
        m_items.clear();
        refresh();
    });
}

ChangeOverlay::~ChangeOverlay()
{
    if (m_sceneAlive)
        clear();
}

void ChangeOverlay::show(const DiffReport &report, const Plan &oldPlan)
{
    m_report = report;
    m_oldPlan = oldPlan;
    m_active = true;
    refresh();
}

void ChangeOverlay::clear()
{
    m_active = false;
    refresh();
}

void ChangeOverlay::mark(const QRectF &rect, const QColor &color, Qt::PenStyle style, const QString &tag)
{
    auto *box = new QGraphicsRectItem(rect.adjusted(-2, -2, 2, 2));
    QPen pen(color, 3, style);
    box->setPen(pen);
    box->setBrush(style == Qt::SolidLine ? Qt::NoBrush : QBrush(QColor(color.red(), color.green(), color.blue(), 40)));
    box->setZValue(kMarksZ);
    box->setAcceptedMouseButtons(Qt::NoButton);
    m_scene.addItem(box);
    m_items.push_back(box);
    auto *label = new QGraphicsSimpleTextItem(tag);
    QFont font = label->font();
    font.setPointSizeF(7.5);
    font.setBold(true);
    label->setFont(font);
    label->setBrush(Qt::white);
    const QRectF textRect = label->boundingRect();
    auto *badge = new QGraphicsRectItem(QRectF(0, 0, textRect.width() + 6, textRect.height()));
    badge->setBrush(color);
    badge->setPen(Qt::NoPen);
    badge->setPos(rect.right() - textRect.width() - 8, rect.top() + 1);
    badge->setZValue(kMarksZ + 1);
    badge->setAcceptedMouseButtons(Qt::NoButton);
    label->setParentItem(badge);
    label->setPos(3, 0);
    m_scene.addItem(badge);
    m_items.push_back(badge);
}

void ChangeOverlay::refresh()
{
    if (!m_sceneAlive) {
        m_items.clear(); // deleted with the scene
        return;
    }
    for (QGraphicsItem *item : m_items) {
        m_scene.removeItem(item);
        delete item;
    }
    m_items.clear();
    if (!m_active)
        return;
    const Plan &plan = m_scene.document().plan();
    QHash<QString, DiffEntry> strongest;
    for (const DiffEntry &e : m_report.entries)
        if (e.kind == QLatin1String("device") && e.change != QLatin1String("removed") &&
            (!strongest.contains(e.key) || rank(e.change) > rank(strongest.value(e.key).change)))
            strongest.insert(e.key, e);
    for (auto it = strongest.cbegin(); it != strongest.cend(); ++it) {
        DeviceItem *item = m_scene.deviceItem(it.key());
        if (!item || !item->isVisible())
            continue;
        const QString tag =
            it->change == QLatin1String("moved") ? QStringLiteral("moved from %1").arg(it->before) : it->change;
        mark(item->sceneBoundingRect(), colorFor(it->change), Qt::SolidLine, tag);
    }
    // Removed devices: a dashed outline where they stood, when their rack is still drawn.
    for (const DiffEntry &e : m_report.entries) {
        if (e.kind != QLatin1String("device") || e.change != QLatin1String("removed"))
            continue;
        const Device *old = m_oldPlan.findDevice(e.key);
        const int rack = old ? plan.rackIndex(old->rack) : -1;
        const DeviceType *type = old ? m_scene.document().catalog().deviceType(old->type) : nullptr;
        if (rack < 0 || !type || type->uHeight <= 0 || old->u < 1 || old->face != m_scene.face())
            continue;
        mark(m_scene.slotRect(rack, old->u, type->uHeight), QColor(0xc6, 0x28, 0x28), Qt::DashLine,
             QStringLiteral("removed: %1").arg(e.hostname.isEmpty() ? e.key : e.hostname));
    }
}

} // namespace pp::gui
