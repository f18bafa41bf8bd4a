#include "exporters/common/textescape.h"

#include <cmath>

namespace pp::textescape {

// Appends the code point at text[i] to out, or U+FFFD where XML 1.0 does not allow it, and returns
// the index of its last UTF-16 unit. XML 1.0 allows tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and
// U+10000-U+10FFFF (a valid surrogate pair). Anything else (other C0 controls, U+FFFE, U+FFFF, a
// surrogate without its partner, e.g. from a name cut short) makes the whole file unreadable.
static qsizetype appendXmlChar(QString &out, const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        out += c;
        out += text.at(i + 1);
        return i + 1;
    }
    const bool forbidden =
        (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r')) ||
        c.isSurrogate() || c.unicode() == 0xFFFE || c.unicode() == 0xFFFF;
    out += forbidden ? QChar(QChar::ReplacementCharacter) : c;
    return i;
}

QString xml(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        switch (text.at(i).unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            i = appendXmlChar(out, text, i);
        }
    }
    return out;
}

QString xmlChars(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i)
        i = appendXmlChar(out, text, i);
    return out;
}

// True for one plain decimal number and nothing else: an optional sign, ASCII digits, at most one
// point ("-5", "+3", "-0.25", ".5").
static bool isPlainNumber(const QString &text)
{
    qsizetype i = 0;
    if (i < text.size() && (text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+')))
        ++i;
    bool digits = false, point = false;
    for (; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        if (u >= '0' && u <= '9')
            digits = true;
        else if (u == '.' && !point)
            point = true;
        else
            return false;
    }
    return digits;
}

QString neutralizeFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    const bool formulaStart = first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r');
    // A cell that is entirely one number ("-5", "+3", "-0.25") cannot run anything: a spreadsheet
    // reads it as that number. It stays unmarked so that numeric columns stay numbers (sortable,
    // summable). Anything more ("-2-3", "-1+cmd", "=1") can be a formula and gets the apostrophe.
    if (formulaStart && !isPlainNumber(text))
        return QLatin1Char('\'') + text;
    return text;
}

QString csvField(const QString &text)
{
    const QString safe = neutralizeFormula(text);
    if (safe.contains(QLatin1Char(',')) || safe.contains(QLatin1Char('"')) || safe.contains(QLatin1Char('\n')) ||
        safe.contains(QLatin1Char('\r'))) {
        QString quoted = safe;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    return safe;
}

QString csvRecord(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped << csvField(f);
    return escaped.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QString markdownCell(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '|':
            out += QLatin1String("\\|");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '\n':
        case '\r':
            out += QLatin1Char(' ');
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString hostLabel(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (out.size() == 63)
            break;
        const char16_t u = c.unicode();
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
        out += keep ? c : QLatin1Char('-');
    }
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("host") : out;
}

QString cliText(const QString &text, int maxLength)
{
    QString out;
    for (const QChar c : text) {
        if (out.size() == maxLength)
            break;
        const char16_t u = c.unicode();
        const bool keep = u >= 0x20 && u < 0x7F && u != '"' && u != '\\' && u != '$' && u != '`';
        out += keep ? c : QLatin1Char('_');
    }
    return out;
}

QString number(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // no "-0"
    QString s = QString::number(rounded, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

} // namespace pp::textescape
