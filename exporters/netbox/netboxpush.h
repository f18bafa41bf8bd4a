#pragma once

#include "planner/model/resolvedplan.h"

#include <QByteArray>
#include <QTextStream>
#include <QUrl>
#include <functional>
#include <map>
#include <vector>

namespace pp {

// One REST call of a push. path is relative to the NetBox base URL ("api/dcim/sites/?name=x")
// or, for paging, the absolute "next" URL NetBox returned.
struct NetBoxRequest {
    QByteArray method; // GET, POST, PATCH
    QString path;
    Json body; // null for GET
};

struct NetBoxResponse {
    int status = 0; // HTTP status; 0 when no answer came
    Json body;
    QString error; // transport error or NetBox's complaint, for the report
    bool ok() const { return status >= 200 && status < 300; }
};

// How push requests reach NetBox; the pusher does not know whether they really leave.
class NetBoxTransport {
public:
    virtual ~NetBoxTransport() = default;
    virtual NetBoxResponse send(const NetBoxRequest &request) = 0;
};

// Sends requests to a NetBox server with token authentication (the token never appears in output).
class NetBoxHttpTransport : public NetBoxTransport {
public:
    NetBoxHttpTransport(QUrl baseUrl, QString token, int timeoutMs = 30000);
    NetBoxResponse send(const NetBoxRequest &request) override;
    QUrl urlFor(const QString &path) const;

private:
    QUrl m_base;
    QString m_token;
    int m_timeoutMs;
};

// Prints every request instead of sending it (--dry-run): NetBox is taken to be empty, and the
// ids in later requests are placeholders the dry run hands out.
class NetBoxDryRunTransport : public NetBoxTransport {
public:
    NetBoxDryRunTransport(QUrl baseUrl, QTextStream &out);
    NetBoxResponse send(const NetBoxRequest &request) override;

private:
    QUrl m_base;
    QTextStream &m_out;
    int m_nextId = 1;
};

// What a push did, object by object: created, updated or failed with NetBox's reason.
struct NetBoxPushReport {
    struct Entry {
        QString
            kind; // site, manufacturer, device-role, device-type, rack, device, power-panel, power-feed, interface, cable
        QString name;
        QString action; // created, updated, failed
        QString error;
    };
    std::vector<Entry> entries;
    int count(const QString &action) const;
    QString summary() const; // "created 12, updated 0, failed 0"
};

// Creates or updates the site, manufacturers, device roles and types, racks, devices, power
// panels and feeds, interfaces and cables of a plan in NetBox. Objects are matched by name,
// so a second push PATCHes what the first created instead of duplicating it. Manufacturers are
// matched by slug or name, case-insensitively, with Nvidia and Mellanox as one vendor (as the
// NetBox importer reads them), and an existing one is used as it is, never renamed.
class NetBoxPusher {
public:
    using Progress = std::function<void(int step, int steps, const QString &what)>;

    NetBoxPusher(const ResolvedPlan &plan, NetBoxTransport &transport);
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    NetBoxPushReport push();

    // NetBox slugs: lower case, [-a-z0-9_].
    static QString slug(const QString &text);
    // The key a manufacturer name or slug is matched by: "Nvidia", "NVIDIA", "mellanox" → "nvidia".
    static QString vendorKey(const QString &nameOrSlug);
    // A NetBox interface type slug for a port speed and media: 400 Gbit/s QSFP112 → 400gbase-x-qsfp112.
    static QString interfaceType(double speedGbps, const QString &media);

private:
    struct Wanted {
        Wanted(QString k, Json f, QString l = QString(), QStringList a = {})
            : key(std::move(k))
            , fields(std::move(f))
            , label(std::move(l))
            , aliases(std::move(a))
        { }
        QString key; // the name NetBox objects are matched by
        Json fields;
        QString label;       // for the report when the key holds ids; empty = the key
        QStringList aliases; // other keys an existing object may answer to (its slug)
    };
    // Lists an endpoint (following "next"), POSTs the missing objects in one bulk request and
    // PATCHes the existing ones in another; returns key → id of what now exists. keysOf gives
    // every key an existing object is matched by.
    std::map<QString, int> sync(const QString &kind, const QString &endpoint, const QString &query,
                                const std::function<QStringList(const Json &)> &keysOf,
                                const std::vector<Wanted> &wanted, bool patchExisting = true);
    std::vector<Json> list(const QString &endpoint, const QString &query, QString *error);
    void step(const QString &what);
    void fail(const QString &kind, const QString &name, const QString &why);

    // The steps of push(), in order; each syncs one kind of object and keeps its ids in the state.
    struct PushState;
    bool pushSite(PushState &state); // false: nothing else can be pushed
    void collectDevices(PushState &state);
    void pushManufacturers(PushState &state);
    void pushRoles(PushState &state);
    void pushDeviceTypes(PushState &state);
    void pushRacks(PushState &state);
    void pushDevices(PushState &state);
    void pushPower(PushState &state);
    void pushInterfaces(PushState &state);
    void pushCables(PushState &state);

    const ResolvedPlan &m_plan;
    NetBoxTransport &m_transport;
    Progress m_progress;
    NetBoxPushReport m_report;
    int m_step = 0;
};

} // namespace pp
