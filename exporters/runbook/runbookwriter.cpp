#include "exporters/runbook/runbookwriter.h"

#include "exporters/common/textescape.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace pp {

namespace {

QString markdownEscape(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            out += QLatin1Char(' '); // a line break in a name must not start a heading, list or table row
            continue;
        }
        if (QStringLiteral("\\`*_[]<>|#").contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// Inline text for Markdown: the resource's markup stays, plan values are escaped.
QString mdInline(const QString &text)
{
    QString out;
    for (const auto &[user, part] : runbookmarkup::segments(text))
        out += user ? markdownEscape(part) : part;
    return out;
}

// Inline text for HTML: **bold** and `code` from the resource become tags; everything is escaped.
QString htmlInline(const QString &text)
{
    QString out;
    bool bold = false;
    bool code = false;
    for (const auto &[user, part] : runbookmarkup::segments(text)) {
        if (user) {
            out += textescape::xml(part);
            continue;
        }
        // Text between the markers is escaped as one run: escaping each QChar alone would split an
        // emoji's surrogate pair, and XML escaping replaces a lone surrogate.
        QString run;
        const auto flush = [&] {
            out += textescape::xml(run);
            run.clear();
        };
        for (int i = 0; i < part.size(); ++i) {
            if (!code && part.mid(i, 2) == QLatin1String("**")) {
                flush();
                out += bold ? QStringLiteral("</b>") : QStringLiteral("<b>");
                bold = !bold;
                ++i;
            } else if (part[i] == QLatin1Char('`')) {
                flush();
                out += code ? QStringLiteral("</code>") : QStringLiteral("<code>");
                code = !code;
            } else {
                run += part[i];
            }
        }
        flush();
    }
    if (code)
        out += QStringLiteral("</code>");
    if (bold)
        out += QStringLiteral("</b>");
    return out;
}

QString mdCell(const QString &text)
{
    return textescape::markdownCell(text);
}

const char *kCssHead = "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1b1b1b; "
                       "max-width: 60em; margin: 2em auto; }\n"
                       "h1 { font-size: 18pt; margin-bottom: 0.2em; }\n"
                       "h2 { font-size: 14pt; border-bottom: 1px solid #5f6b7a; margin-top: 1.4em; }\n"
                       "h3 { font-size: 11.5pt; margin-top: 1em; }\n";
// For print, tables keep QTextDocument's separate-borders model: its collapsed-border model
// looks up each cell's neighbours and their formats for every edge it lays out and draws, which
// was 60 % of the runbook PDF (2.1 s of 3.6 s at 100 racks). The print tables get half-pixel
// borders instead (table and cells), so that two adjacent halves draw the same one-pixel lines.
const char *kTableRule = "table { border-collapse: collapse; margin: 0.6em 0; }\n";
const char *kPrintTableRule = "table { margin: 0.6em 0; }\n";
const char *kCssTail = "th { background: #dde4ee; text-align: left; }\n"
                       "th, td { border: 1px solid #8a96a3; padding: 2px 6px; font-size: 9pt; }\n"
                       "pre { background: #f4f6f8; border: 1px solid #cfd6dc; padding: 6px; font-size: 8.5pt; }\n"
                       "code { font-family: 'DejaVu Sans Mono', monospace; }\n"
                       ".note { background: #fff8e1; border-left: 4px solid #f2a900; padding: 4px 8px; }\n"
                       ".draft { background: #c62828; color: #ffffff; font-weight: bold; padding: 4px 8px; }\n"
                       ".meta { color: #5f6b7a; }\n"
                       ".tablenote { color: #5f6b7a; font-size: 9pt; }\n"
                       "ul.check { list-style: none; padding-left: 1.2em; }\n";

QString styleSheet(bool forPrint)
{
    return QString::fromLatin1(kCssHead) + QString::fromLatin1(forPrint ? kPrintTableRule : kTableRule) +
        QString::fromLatin1(kCssTail);
}

// A table of the runbook in HTML; cellAttrs go on every cell.
void htmlTable(QString &s, const RunbookTable &t, bool forPrint, const QString &cellAttrs)
{
    // For print, long tables go out in pieces with their header repeated: QTextDocument
    // walks a whole table for every page it draws, so one 6,000-row table made the PDF
    // quadratic in its length. Their borders are half a pixel wide: see kPrintTableRule.
    const std::size_t piece = forPrint ? 40 : std::max<std::size_t>(t.rows.size(), 1);
    for (std::size_t first = 0; first == 0 || first < t.rows.size(); first += piece) {
        if (forPrint)
            s += QStringLiteral("<table border=\"0.5\" cellspacing=\"0\" cellpadding=\"2\" "
                                "style=\"border-color: #8a96a3; border-style: solid;\">\n<thead><tr>");
        else
            s += QStringLiteral("<table>\n<thead><tr>");
        for (const QString &h : t.header) {
            // QTextDocument can give a column a fraction of a pixel less than its widest
            // cell and then breaks that word ("Measure|d", "Qt|y"): a one-word heading
            // keeps its word whole.
            const bool oneWord = forPrint && !h.contains(QLatin1Char(' '));
            s += QStringLiteral("<th%1%2>%3</th>")
                     .arg(oneWord ? QStringLiteral(" style=\"padding: 2px 5px; white-space: nowrap;\"") : cellAttrs,
                          forPrint ? QStringLiteral(" bgcolor=\"#dde4ee\"") : QString(), textescape::xml(h));
        }
        s += QStringLiteral("</tr></thead>\n<tbody>\n");
        for (std::size_t r = first; r < std::min(first + piece, t.rows.size()); ++r) {
            s += QStringLiteral("<tr>");
            for (const QString &c : t.rows[r])
                s += QStringLiteral("<td%1>%2</td>")
                         .arg(cellAttrs, c.isEmpty() && forPrint ? QStringLiteral("&nbsp;") : textescape::xml(c));
            s += QStringLiteral("</tr>\n");
        }
        s += QStringLiteral("</tbody></table>\n");
    }
    if (!t.note.isEmpty())
        s += QStringLiteral("<p class=\"tablenote\">%1</p>\n").arg(textescape::xml(t.note));
}

// The body of the HTML runbook; `forPrint` uses what QTextDocument renders well.
QString htmlBody(const RunbookDocument &doc, bool forPrint)
{
    QString s;
    if (!doc.draftMark.isEmpty() && !forPrint)
        s += QStringLiteral("<p class=\"draft\">%1</p>\n").arg(textescape::xml(doc.draftMark));
    s += QStringLiteral("<h1>%1</h1>\n").arg(textescape::xml(doc.title));
    s += QStringLiteral("<p class=\"meta\">Plan: <b>%1</b>").arg(textescape::xml(doc.plan));
    if (!doc.customer.isEmpty())
        s += QStringLiteral(" &#183; Customer: %1").arg(textescape::xml(doc.customer));
    s += QStringLiteral(" &#183; Site: %1 &#183; Track: %2</p>\n")
             .arg(textescape::xml(doc.site), textescape::xml(doc.track));
    const QString cellAttrs = forPrint ? QStringLiteral(" style=\"padding: 2px 5px;\"") : QString();
    for (const RunbookBlock &b : doc.blocks) {
        switch (b.kind) {
        case RunbookBlock::Kind::Heading: {
            const int level = std::clamp(b.level, 1, 4);
            s += QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(htmlInline(b.text));
            break;
        }
        case RunbookBlock::Kind::Paragraph:
            s += QStringLiteral("<p>%1</p>\n").arg(htmlInline(b.text));
            break;
        case RunbookBlock::Kind::Note:
            if (forPrint)
                s += QStringLiteral("<table width=\"100%\" border=\"0.5\" cellpadding=\"6\" cellspacing=\"0\" "
                                    "style=\"background-color: #fff8e1; border-color: #8a96a3; border-style: "
                                    "solid;\"><tr><td>%1</td></tr></table>\n")
                         .arg(htmlInline(b.text));
            else
                s += QStringLiteral("<p class=\"note\">%1</p>\n").arg(htmlInline(b.text));
            break;
        case RunbookBlock::Kind::Code:
            s += QStringLiteral("<pre>%1</pre>\n").arg(textescape::xml(runbookmarkup::plain(b.text)));
            break;
        case RunbookBlock::Kind::Bullets:
        case RunbookBlock::Kind::Checklist:
        case RunbookBlock::Kind::Numbered: {
            const bool numbered = b.kind == RunbookBlock::Kind::Numbered;
            const bool check = b.kind == RunbookBlock::Kind::Checklist;
            s += numbered ? QStringLiteral("<ol>\n")
                          : (check ? QStringLiteral("<ul class=\"check\">\n") : QStringLiteral("<ul>\n"));
            for (const QString &item : b.items)
                s += QStringLiteral("<li>%1%2</li>\n")
                         .arg(check ? QStringLiteral("&#9744; ") : QString(), htmlInline(item));
            s += numbered ? QStringLiteral("</ol>\n") : QStringLiteral("</ul>\n");
            break;
        }
        case RunbookBlock::Kind::Table:
            htmlTable(s, b.table, forPrint, cellAttrs);
            break;
        }
    }
    return s;
}

} // namespace

QByteArray RunbookWriter::markdown(const RunbookDocument &doc)
{
    QString s;
    if (!doc.draftMark.isEmpty())
        s += QStringLiteral("> **%1**\n\n").arg(doc.draftMark);
    s += QStringLiteral("# %1\n\n").arg(markdownEscape(doc.title));
    s += QStringLiteral("Plan: **%1**").arg(markdownEscape(doc.plan));
    if (!doc.customer.isEmpty())
        s += QStringLiteral(" · Customer: %1").arg(markdownEscape(doc.customer));
    s += QStringLiteral(" · Site: %1 · Track: %2\n\n").arg(markdownEscape(doc.site), markdownEscape(doc.track));
    for (const RunbookBlock &b : doc.blocks) {
        switch (b.kind) {
        case RunbookBlock::Kind::Heading:
            s += QString(QLatin1Char('#')).repeated(std::clamp(b.level, 1, 6)) + QLatin1Char(' ') + mdInline(b.text) +
                QStringLiteral("\n\n");
            break;
        case RunbookBlock::Kind::Paragraph:
            s += mdInline(b.text) + QStringLiteral("\n\n");
            break;
        case RunbookBlock::Kind::Note:
            s += QStringLiteral("> ") + mdInline(b.text) + QStringLiteral("\n\n");
            break;
        case RunbookBlock::Kind::Code:
            s += QStringLiteral("```\n") + runbookmarkup::plain(b.text) + QStringLiteral("\n```\n\n");
            break;
        case RunbookBlock::Kind::Bullets:
            for (const QString &item : b.items)
                s += QStringLiteral("- ") + mdInline(item) + QLatin1Char('\n');
            s += QLatin1Char('\n');
            break;
        case RunbookBlock::Kind::Checklist:
            for (const QString &item : b.items)
                s += QStringLiteral("- [ ] ") + mdInline(item) + QLatin1Char('\n');
            s += QLatin1Char('\n');
            break;
        case RunbookBlock::Kind::Numbered: {
            int n = 0;
            for (const QString &item : b.items)
                s += QStringLiteral("%1. ").arg(++n) + mdInline(item) + QLatin1Char('\n');
            s += QLatin1Char('\n');
            break;
        }
        case RunbookBlock::Kind::Table: {
            const RunbookTable &t = b.table;
            QStringList h;
            for (const QString &c : t.header)
                h << mdCell(c);
            s += QStringLiteral("| ") + h.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|") +
                QStringLiteral("---|").repeated(h.size()) + QLatin1Char('\n');
            for (const QStringList &row : t.rows) {
                QStringList cells;
                for (const QString &c : row)
                    cells << mdCell(c);
                s += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
            }
            if (!t.note.isEmpty())
                s += QLatin1Char('\n') + mdCell(t.note) + QLatin1Char('\n');
            s += QLatin1Char('\n');
            break;
        }
        }
    }
    if (!doc.draftMark.isEmpty())
        s += QStringLiteral("> **%1**\n").arg(doc.draftMark);
    return s.toUtf8();
}

QByteArray RunbookWriter::html(const RunbookDocument &doc)
{
    QString s =
        QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n<style>\n%2")
            .arg(textescape::xml(doc.title + QStringLiteral(" \u2014 ") + doc.plan), styleSheet(false));
    if (!doc.draftMark.isEmpty())
        s += QStringLiteral("@media print { .draft { position: fixed; top: 0; left: 0; right: 0; } }\n");
    s += QStringLiteral("</style>\n</head>\n<body>\n");
    s += htmlBody(doc, false);
    if (!doc.draftMark.isEmpty())
        s += QStringLiteral("<p class=\"draft\">%1</p>\n").arg(textescape::xml(doc.draftMark));
    s += QStringLiteral("</body>\n</html>\n");
    return s.toUtf8();
}

bool RunbookWriter::pdf(const RunbookDocument &doc, QPageSize::PageSizeId pageSize, QByteArray *out, QString *error,
                        int *pageCount)
{
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(pageSize));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    writer.setResolution(144);
    writer.setTitle(doc.title + QStringLiteral(" \u2014 ") + doc.plan);
    writer.setCreator(QStringLiteral("POC Planner"));

    QTextDocument text;
    // Lay out at the PDF's resolution, so that point sizes come out as points on paper.
    text.documentLayout()->setPaintDevice(&writer);
    text.setDocumentMargin(0);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    text.setDefaultFont(font);
    text.setDefaultStyleSheet(styleSheet(true));
    text.setHtml(QStringLiteral("<html><body>") + htmlBody(doc, true) + QStringLiteral("</body></html>"));
    // The margins are drawn by hand so that the header, the footer and the DRAFT band can sit in them.
    const double mmToPx = writer.resolution() / 25.4;
    const QRectF page(0, 0, writer.width(), writer.height());
    const QRectF bodyRect = page.adjusted(15 * mmToPx, 20 * mmToPx, -15 * mmToPx, -18 * mmToPx);
    const QSizeF body = bodyRect.size();
    // Lay the text out in page-sized pieces (QTextDocument paginates by its pageSize).
    text.setPageSize(body);
    const int pages = text.pageCount();
    if (pageCount)
        *pageCount = pages;

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("the PDF could not be started");
        return false;
    }
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(7.5);
    QFont draftFont(QStringLiteral("DejaVu Sans"));
    draftFont.setPointSizeF(9);
    draftFont.setBold(true);
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            writer.newPage();
        painter.save();
        painter.translate(bodyRect.left(), bodyRect.top() - p * body.height());
        const QRectF clip(0, p * body.height(), body.width(), body.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = clip;
        painter.setClipRect(clip);
        text.documentLayout()->draw(&painter, ctx);
        painter.restore();
        painter.setClipping(false);
        // Header and footer sit in the page margins (negative / beyond-body coordinates).
        painter.setFont(small);
        painter.setPen(QColor(0x5f, 0x6b, 0x7a));
        const QRectF header(bodyRect.left(), bodyRect.top() - 9 * mmToPx, body.width(), 6 * mmToPx);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, doc.title);
        painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, doc.plan);
        const QRectF footer(bodyRect.left(), bodyRect.bottom() + 5 * mmToPx, body.width(), 6 * mmToPx);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages));
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("POC Planner \u00b7 track: %1").arg(doc.track));
        if (!doc.draftMark.isEmpty()) {
            const QRectF band(bodyRect.left(), 5 * mmToPx, body.width(), 6 * mmToPx);
            painter.fillRect(band, QColor(0xc6, 0x28, 0x28));
            painter.setPen(Qt::white);
            painter.setFont(draftFont);
            painter.drawText(band, Qt::AlignCenter, doc.draftMark);
        }
    }
    painter.end();
    return true;
}

} // namespace pp
