#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// RFC 4180 reading for the safe-output tests: records of fields, CRLF or LF; false when quoting is
// broken (a quote inside an unquoted field, text after a closing quote, an unclosed quote).
inline bool parseCsvText(const QString &text, QList<QStringList> *records)
{
    QStringList record;
    QString field;
    bool quoted = false, inQuotes = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                inQuotes = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty())
                return false;
            inQuotes = quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            quoted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record << field;
            *records << record;
            record.clear();
            field.clear();
            quoted = false;
        } else {
            if (quoted)
                return false; // text after a closing quote
            field += c;
        }
    }
    if (inQuotes)
        return false;
    if (!field.isEmpty() || !record.isEmpty())
        *records << (record << field);
    return true;
}

// A cell a spreadsheet would run: it starts with = + - @ (or tab/CR) and is not one plain decimal
// number ("-5", "+0.25" are read as numbers and run nothing).
inline bool cellRunsAsFormula(const QString &cell)
{
    static const QRegularExpression plainNumber(QStringLiteral("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)$"));
    if (cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()))
        return false;
    return !plainNumber.match(cell).hasMatch();
}
