#pragma once

#include <QGraphicsView>

namespace pp::gui {

// The canvas view: wheel zooms under the pointer, the middle button (or Space + drag) pans,
// a left drag on empty space draws a rubber band; zoom is kept between 3% and 800%.
class RackView : public QGraphicsView {
    Q_OBJECT
public:
    explicit RackView(QGraphicsScene *scene, QWidget *parent = nullptr);

    void zoomBy(double factor);
    void fitAll();
    void resetZoom();
    void centreOn(const QRectF &sceneRect);
    double zoom() const { return transform().m11(); }

signals:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    bool m_panning = false;
    QPoint m_panFrom;
};

} // namespace pp::gui
