#pragma once

#include <QString>

namespace pp {

// Why an input file could not be used: the file, the place in it, and the reason, for the user.
struct LoadError {
    QString file;
    int line = 0; // 1-based; 0 when the error is about content, not syntax
    int column = 0;
    QString path; // JSON path of the offending value, e.g. devices[3].rack
    QString reason;

    QString toString() const;
};

// Turns a byte offset of a parse error into 1-based line and column.
void lineColumnAt(const std::string &text, std::size_t byteOffset, int &line, int &column);

} // namespace pp
