#include "catalogpalette.h"

#include "app/gui/canvas/rackscene.h"
#include "app/gui/canvas/rolecolors.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pp::gui {

namespace {

// Drags carry the device-type id in our own MIME type, which the rack canvas accepts.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty() || items.front()->data(0, Qt::UserRole).toString().isEmpty())
            return nullptr;
        auto *mime = new QMimeData;
        const QString id = items.front()->data(0, Qt::UserRole).toString();
        mime->setData(QLatin1String(RackScene::kDeviceTypeMime), id.toUtf8());
        mime->setText(id);
        return mime;
    }
    QStringList mimeTypes() const override { return {QLatin1String(RackScene::kDeviceTypeMime)}; }
};

QIcon roleIcon(Role role)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(roleColor(role).darker(140));
    p.setBrush(roleColor(role));
    p.drawRoundedRect(QRectF(1, 3, 12, 8), 2, 2);
    return QIcon(pm);
}

QString powerText(const DeviceType &t)
{
    if (!t.typicalW.known() && !t.maxW.known())
        return QObject::tr("power unknown");
    return QObject::tr("%1 typ / %2 max")
        .arg(t.typicalW.display(QStringLiteral("W")), t.maxW.display(QStringLiteral("W")));
}

} // namespace

CatalogPalette::CatalogPalette(const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_search(new QLineEdit(this))
    , m_tree(new PaletteTree(this))
{
    m_search->setPlaceholderText(tr("Search types (model, vendor, part number)…"));
    m_search->setClearButtonEnabled(true);
    m_tree->setHeaderLabels({tr("Type"), tr("U")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setUniformRowHeights(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    populate();
    connect(m_search, &QLineEdit::textChanged, this, &CatalogPalette::setFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty())
            emit addRequested(id);
    });
    // Down from the search box goes to the list, so the palette works without a mouse.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_tree->setFocus();
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *group = m_tree->topLevelItem(i);
            for (int k = 0; k < group->childCount(); ++k)
                if (!group->child(k)->isHidden()) {
                    m_tree->setCurrentItem(group->child(k));
                    return;
                }
        }
    });
}

void CatalogPalette::populate()
{
    m_tree->clear();
    for (Role role : {Role::CNode, Role::DBox, Role::Switch, Role::Pdu, Role::Other}) {
        const auto types = m_catalog.deviceTypes(role);
        if (types.empty())
            continue;
        auto *group = new QTreeWidgetItem(m_tree, {roleDisplayName(role)});
        group->setIcon(0, roleIcon(role));
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const DeviceType *t : types) {
            auto *item =
                new QTreeWidgetItem(group,
                                    {QStringLiteral("%1 %2").arg(t->vendor, t->model),
                                     t->uHeight > 0 ? QStringLiteral("%1U").arg(t->uHeight) : QStringLiteral("0U")});
            item->setData(0, Qt::UserRole, t->id);
            item->setIcon(0, roleIcon(role));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            item->setToolTip(0,
                             QStringLiteral("<b>%1 %2</b> (%3)<br>%4<br>part %5<br>%6 · %7")
                                 .arg(t->vendor.toHtmlEscaped(), t->model.toHtmlEscaped(), t->id,
                                      t->description.toHtmlEscaped(),
                                      t->partNumber.isEmpty() ? tr("unknown") : t->partNumber.toHtmlEscaped(),
                                      powerText(*t), t->fullDepth ? tr("full depth") : tr("half depth")));
        }
        group->setExpanded(true);
    }
}

void CatalogPalette::setFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        int visible = 0;
        for (int k = 0; k < group->childCount(); ++k) {
            QTreeWidgetItem *item = group->child(k);
            const DeviceType *t = m_catalog.deviceType(item->data(0, Qt::UserRole).toString());
            const bool match = needle.isEmpty() ||
                (t &&
                 (t->id.contains(needle, Qt::CaseInsensitive) || t->model.contains(needle, Qt::CaseInsensitive) ||
                  t->vendor.contains(needle, Qt::CaseInsensitive) ||
                  t->partNumber.contains(needle, Qt::CaseInsensitive) ||
                  group->text(0).contains(needle, Qt::CaseInsensitive)));
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        group->setHidden(visible == 0);
    }
}

void CatalogPalette::refresh()
{
    const QString current = currentTypeId();
    populate();
    setFilter(m_search->text());
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int k = 0; k < group->childCount(); ++k)
            if (!current.isEmpty() && group->child(k)->data(0, Qt::UserRole).toString() == current)
                m_tree->setCurrentItem(group->child(k));
    }
}

QString CatalogPalette::currentTypeId() const
{
    return m_tree->currentItem() ? m_tree->currentItem()->data(0, Qt::UserRole).toString() : QString();
}

} // namespace pp::gui
