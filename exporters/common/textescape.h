#pragma once

#include <QString>
#include <QStringList>

namespace pp {

// Escaping of user text (names, hostnames, labels) for every text format the exporters write.
namespace textescape {

// &, <, >, " and ' as entities: safe in HTML, SVG and XML text and attribute values. Code points
// XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, lone surrogates) become U+FFFD.
QString xml(const QString &text);
// Only the code points XML 1.0 forbids replaced by U+FFFD, no entities: for text handed to a writer
// that escapes markup itself but not those (libxlsxwriter).
QString xmlChars(const QString &text);
// A cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
// leading apostrophe, so "=cmd|..." stays text in Excel and LibreOffice. A cell that is one plain
// decimal number ("-5", "+0.25") is left as it is.
QString neutralizeFormula(const QString &text);
// One RFC 4180 field: neutralised, then quoted when it holds a comma, quote, CR or LF.
QString csvField(const QString &text);
// A CSV record of fields, ended by CRLF (RFC 4180).
QString csvRecord(const QStringList &fields);
// Markdown table cell: pipes, backslashes, HTML brackets and line breaks made inert.
QString markdownCell(const QString &text);
// A host name for a switch configuration (RFC 1123 label): letters, digits and '-', at most 63
// characters; any other character becomes '-'. Empty or all-punctuation text gives "host".
QString hostLabel(const QString &text);
// Text inside a switch CLI line (a quoted port description, a comment): printable ASCII without
// '"', '\\', '$' or '`' (a shell would act on them) and without line breaks; anything else becomes
// '_'. At most maxLength characters.
QString cliText(const QString &text, int maxLength = 200);
// Shortest decimal form with at most `decimals` digits: 1.5, 2, 0.25 (no exponent, no "-0").
QString number(double value, int decimals = 2);

} // namespace textescape
} // namespace pp
