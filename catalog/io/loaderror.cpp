#include "catalog/io/loaderror.h"

namespace pp {

QString LoadError::toString() const
{
    QString where = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0)
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    if (!path.isEmpty())
        where += QStringLiteral(": %1").arg(path);
    return where + QStringLiteral(": ") + reason;
}

void lineColumnAt(const std::string &text, std::size_t byteOffset, int &line, int &column)
{
    line = 1;
    column = 1;
    const std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
}

} // namespace pp
