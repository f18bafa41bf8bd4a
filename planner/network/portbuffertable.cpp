#include "planner/network/portbuffertable.h"

#include "catalog/io/jsonfields.h"

#include <QFile>

namespace pp {

bool PortBufferTable::load(const QByteArray &data, PortBufferTable &out, QString *error)
{
    try {
        const Json doc = Json::parse(data.constData(), data.constData() + data.size());
        using namespace pp::json;
        requireObject(doc, QString());
        if (string(doc, "format", QString()) != QLatin1String("pocplanner-switch-buffers"))
            throw FieldError(QStringLiteral("format"), QStringLiteral("expected \"pocplanner-switch-buffers\""));
        const Json &switches = object(doc, "switches", QString());
        for (auto it = switches.begin(); it != switches.end(); ++it) {
            const QString path = join(QStringLiteral("switches"), it.key().c_str());
            requireObject(*it, path);
            Figure f;
            f.value = optionalNumber(*it, "value", path, 0, 1e7);
            f.source = string(*it, "source", path, false);
            f.confidence = string(*it, "confidence", path, false);
            f.note = string(*it, "note", path, false);
            out.m_buffers.insert(fromStd(it.key()), f);
        }
    } catch (const FieldError &e) {
        if (error)
            *error = e.path + QStringLiteral(": ") + e.reason;
        return false;
    } catch (const Json::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

const PortBufferTable &PortBufferTable::builtIn()
{
    static const PortBufferTable table = [] {
        PortBufferTable t;
        QFile f(QStringLiteral(":/rules/switch-buffers.json"));
        QString error;
        if (!f.open(QIODevice::ReadOnly) || !load(f.readAll(), t, &error))
            qFatal("built-in switch-buffers.json: %s", qPrintable(error)); // ships with the binary
        return t;
    }();
    return table;
}

} // namespace pp
