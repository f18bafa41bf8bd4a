#include "exporters/pngencoder.h"

#include <QPainter>
#include <QtTest>

using namespace pp;

// The hand-rolled PNG encoder must round-trip every pixel through Qt's own PNG reader.
class TestPngEncoder : public QObject {
    Q_OBJECT
private slots:
    void roundTripsEveryPixel_data();
    void roundTripsEveryPixel();
    void emptyImageGivesNothing();
};

void TestPngEncoder::roundTripsEveryPixel_data()
{
    QTest::addColumn<QImage>("image");
    QImage drawing(317, 211, QImage::Format_RGB32); // odd sizes: no row padding assumptions
    drawing.fill(Qt::white);
    {
        QPainter p(&drawing);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0x2e, 0x7d, 0x32));
        p.drawEllipse(QRectF(10.5, 20.25, 200, 150));
        p.setPen(Qt::red);
        p.drawText(QRectF(0, 0, 317, 40), Qt::AlignCenter, QStringLiteral("R1 · front — 42U"));
    }
    QTest::newRow("antialiased drawing") << drawing;
    QImage noise(64, 48, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < noise.height(); ++y)
        for (int x = 0; x < noise.width(); ++x) {
            seed = seed * 1664525u + 1013904223u;
            noise.setPixel(x, y, 0xff000000u | (seed >> 8));
        }
    QTest::newRow("noise") << noise;
    QImage withAlpha(5, 3, QImage::Format_ARGB32);
    withAlpha.fill(QColor(10, 20, 30));
    QTest::newRow("other format") << withAlpha;
    QImage one(1, 1, QImage::Format_RGB32);
    one.fill(QColor(1, 2, 3));
    QTest::newRow("one pixel") << one;
}

void TestPngEncoder::roundTripsEveryPixel()
{
    QFETCH(QImage, image);
    const QByteArray png = encodePng(image);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QImage decoded;
    QVERIFY(decoded.loadFromData(png, "PNG"));
    QCOMPARE(decoded.size(), image.size());
    QCOMPARE(decoded.convertToFormat(QImage::Format_RGB32), image.convertToFormat(QImage::Format_RGB32));
}

void TestPngEncoder::emptyImageGivesNothing()
{
    QVERIFY(encodePng(QImage()).isEmpty());
}

QTEST_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
