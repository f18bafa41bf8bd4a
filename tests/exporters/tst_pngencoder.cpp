#include "exporters/diagrams/fastdeflate.h"
#include "exporters/diagrams/pngencoder.h"

#include <QBuffer>
#include <QPainter>
#include <QtTest>
#include <vector>
#include <zlib.h>

using namespace pp;

// The hand-rolled PNG encoder must round-trip every pixel through Qt's own PNG reader.
class TestPngEncoder : public QObject {
    Q_OBJECT
private slots:
    void roundTripsEveryPixel_data();
    void roundTripsEveryPixel();
    void emptyImageGivesNothing();
    void rackFaceSizeImageRoundTripsAndCompresses();
    void deflateRoundTripsThroughZlib_data();
    void deflateRoundTripsThroughZlib();
    void adlerMatchesZlib();
};

namespace {

QByteArray bytesOf(const std::vector<unsigned char> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()), static_cast<qsizetype>(v.size()));
}

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
    // The fast compressor must not cost the customer file size: within 15 % of what Qt's own PNG
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

void TestPngEncoder::deflateRoundTripsThroughZlib_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("rowBytes");
    QTest::addColumn<double>("maxRatio"); // compressed size / input size must not exceed this
    quint32 seed = 99;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 24;
    };
    QTest::newRow("empty") << QByteArray() << 0 << 100.0;
    QTest::newRow("one byte") << QByteArray("x") << 0 << 100.0;
    QTest::newRow("a megabyte of zeros") << QByteArray(1 << 20, '\0') << 0 << 0.002;
    std::vector<unsigned char> noise(300000);
    for (unsigned char &b : noise)
        b = static_cast<unsigned char>(next());
    QTest::newRow("noise: stored blocks") << bytesOf(noise) << 0 << 1.001;
    std::vector<unsigned char> skewed;
    const char alphabet[] = "aaaabbbccd efgh 0123";
    for (int i = 0; i < 200000; ++i)
        skewed.push_back(static_cast<unsigned char>(alphabet[next() % 20]));
    QTest::newRow("skewed literals, several blocks") << bytesOf(skewed) << 0 << 0.7;
    // Rows that repeat the row above with a changed stretch: matches at the row distance.
    std::vector<unsigned char> rows;
    std::vector<unsigned char> row(1001);
    for (unsigned char &b : row)
        b = static_cast<unsigned char>(next());
    for (int y = 0; y < 300; ++y) {
        for (int k = 0; k < 5; ++k)
            row[next() % row.size()] = static_cast<unsigned char>(next());
        rows.insert(rows.end(), row.begin(), row.end());
    }
    QTest::newRow("rows repeating the row above") << bytesOf(rows) << 1001 << 0.1;
    std::vector<unsigned char> runs;
    for (int i = 0; i < 500000; ++i)
        runs.push_back((i / 700) % 3 ? 0 : static_cast<unsigned char>(next() % 4));
    QTest::newRow("runs and short literals") << bytesOf(runs) << 300 << 0.2;
    for (int n = 2; n < 40; n += 7) {
        std::vector<unsigned char> tiny(static_cast<std::size_t>(n));
        for (unsigned char &b : tiny)
            b = static_cast<unsigned char>(next() % 3);
        QTest::newRow(qPrintable(QStringLiteral("%1 bytes of three values").arg(n))) << bytesOf(tiny) << 5 << 100.0;
    }
}

void TestPngEncoder::deflateRoundTripsThroughZlib()
{
    QFETCH(QByteArray, data);
    QFETCH(int, rowBytes);
    QFETCH(double, maxRatio);
    const auto *in = reinterpret_cast<const unsigned char *>(data.constData());
    const QByteArray z =
        zlibCompressFast(in, static_cast<std::size_t>(data.size()), static_cast<std::size_t>(rowBytes));
    std::vector<unsigned char> back(static_cast<std::size_t>(data.size()) + 1);
    uLongf n = static_cast<uLongf>(back.size());
    QCOMPARE(uncompress(back.data(), &n, reinterpret_cast<const Bytef *>(z.constData()), static_cast<uLong>(z.size())),
             Z_OK);
    QCOMPARE(static_cast<qsizetype>(n), data.size());
    QCOMPARE(bytesOf(std::vector<unsigned char>(back.begin(), back.begin() + static_cast<std::ptrdiff_t>(n))), data);
    QVERIFY2(z.size() <= std::max<double>(16, data.size() * maxRatio) + 16,
             qPrintable(QStringLiteral("%1 → %2 bytes").arg(data.size()).arg(z.size())));
}

void TestPngEncoder::adlerMatchesZlib()
{
    // Zero words at every alignment, long runs of 0xff (the largest sums, across the 5552-byte
    // reductions) and lengths that are not multiples of eight.
    std::vector<unsigned char> data(3 * 5552 + 13, 0xff);
    quint32 seed = 7;
    for (std::size_t i = 0; i < 4000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        data[seed % data.size()] = 0;
    }
    std::fill(data.begin() + 9000, data.begin() + 12000, 0);
    for (std::size_t length :
         {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{5553}, data.size()}) {
        for (std::size_t offset : {std::size_t{0}, std::size_t{3}}) {
            if (offset + length > data.size())
                continue;
            const uLong expected = adler32(1, data.data() + offset, static_cast<uInt>(length));
            QCOMPARE(adler32Fast(1, data.data() + offset, length), static_cast<std::uint32_t>(expected));
        }
    }
    // Continuing from a previous value, as zlib allows.
    const uLong first = adler32(1, data.data(), 100);
    QCOMPARE(adler32Fast(static_cast<std::uint32_t>(first), data.data() + 100, 5000),
             static_cast<std::uint32_t>(adler32(first, data.data() + 100, 5000)));
}

QTEST_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
