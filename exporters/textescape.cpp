#include "exporters/textescape.h"

#include <cmath>

namespace pp::textescape {

QString xml(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&#39;"); break;
        default:
            // Control characters are not allowed in XML 1.0; keep tab, CR and LF only.
            if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
                out += QChar(0xFFFD);
            else
                out += c;
        }
    }
    return out;
}

QString neutralizeFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') || first == QLatin1Char('@')
        || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + text;
    return text;
}

QString csvField(const QString &text)
{
    const QString safe = neutralizeFormula(text);
    if (safe.contains(QLatin1Char(',')) || safe.contains(QLatin1Char('"')) || safe.contains(QLatin1Char('\n'))
        || safe.contains(QLatin1Char('\r'))) {
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
        case '|': out += QLatin1String("\\|"); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '&': out += QLatin1String("&amp;"); break;
        case '\n':
        case '\r': out += QLatin1Char(' '); break;
        default: out += c;
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
