#include "exporters/diagrams/pngencoder.h"

#include <QBuffer>
#include <QPainter>
#include <QtTest>

using namespace pp;

// The PNG encoder (fixed filter, libdeflate) must round-trip every pixel through Qt's own PNG reader.
class TestPngEncoder : public QObject {
    Q_OBJECT
private slots:
    void roundTripsEveryPixel_data();
    void roundTripsEveryPixel();
    void emptyImageGivesNothing();
    void rackFaceSizeImageRoundTripsAndCompresses();
};

namespace {

// A drawing like a PNG rack face at 2x: flat fills, hairlines, antialiased text.
QImage rackLikeDrawing()
{
    QImage image(940, 1860, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(2, 2);
    p.fillRect(QRectF(70, 150, 318, 672), QColor(0xec, 0xef, 0xf1));
    for (int u = 0; u < 42; ++u) {
        p.fillRect(QRectF(70, 150 + u * 16 - 0.25, 318, 0.5), QColor(0xcf, 0xd6, 0xdc));
        p.setPen(QColor(0x5f, 0x6b, 0x7a));
        p.drawText(QPointF(40, 161.5 + u * 16), QString::number(42 - u));
        if (u % 3 == 0) {
            p.setPen(QPen(QColor(0x22, 0x26, 0x2a), 0.6));
            p.setBrush(QColor::fromHsv((u * 37) % 360, 120, 220));
            p.drawRoundedRect(QRectF(71, 150.5 + u * 16, 316, 31), 1.5, 1.5);
            p.setPen(Qt::black);
            p.drawText(QPointF(80, 170 + u * 16),
                       QStringLiteral("cnode-r%1-%2 \u00b7 model X%3").arg(u).arg(u * 7).arg(u * 13));
        }
    }
    return image;
}

} // namespace

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

void TestPngEncoder::rackFaceSizeImageRoundTripsAndCompresses()
{
    const QImage image = rackLikeDrawing();
    const QByteArray png = encodePng(image);
    QImage decoded;
    QVERIFY(decoded.loadFromData(png, "PNG"));
    QCOMPARE(decoded.convertToFormat(QImage::Format_RGB32), image);
    // The fixed filter and fast level must not cost the customer file size: within 15 % of what Qt's own PNG
    // writer (libpng and zlib, every filter tried) makes of the same image at its fastest setting.
    QByteArray reference;
    {
        QBuffer buffer(&reference);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG", 80)); // Qt maps quality 80 to zlib level 1
    }
    QVERIFY2(png.size() <= reference.size() * 115 / 100,
             qPrintable(QStringLiteral("%1 bytes, Qt's writer %2").arg(png.size()).arg(reference.size())));
}

QTEST_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
