#pragma once

#include "catalog/io/jsonfields.h"

#include "loopbackserver.h"

#include <QUrlQuery>
#include <algorithm>
#include <map>
#include <vector>

using pp::Json;

// A NetBox stand-in for tests: paged lists with "next" links, bulk create and bulk update per
// endpoint, ids handed out in order, filters ignored (the pusher filters by site itself, as it
// must for a shared NetBox). Like NetBox, it refuses a second site, manufacturer or device role
// whose name differs only in case or whose slug is taken.
class FakeNetBox {
public:
    // NetBox caps ?limit= at MAX_PAGE_SIZE (1000 by default); tests lower it to force paging.
    int maxPageSize = 1000;

    HttpResponse handle(const HttpRequest &request)
    {
        HttpResponse r;
        r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        const std::string endpoint = request.path().toStdString();
        std::vector<Json> &objects = m_objects[endpoint];
        if (request.method == "GET")
            return list(request, objects, r);
        const Json body = Json::parse(request.body.toStdString(), nullptr, false);
        if (!body.is_array())
            return bad(r, R"~({"detail": "expected a list"})~");
        Json out = Json::array();
        if (request.method == "POST") {
            for (const Json &o : body)
                if (const QByteArray clash = uniqueClash(endpoint, objects, o); !clash.isEmpty())
                    return bad(r, "[{\"" + clash + "\": [\"an object with this " + clash + " already exists.\"]}]");
            for (Json o : body) {
                o["id"] = ++m_lastId;
                objects.push_back(o);
                out.push_back(o);
            }
            r.status = 201;
            r.reason = "Created";
        } else if (request.method == "PATCH") {
            for (const Json &patch : body) {
                auto it =
                    std::find_if(objects.begin(), objects.end(), [&](const Json &o) { return o["id"] == patch["id"]; });
                if (it == objects.end())
                    return bad(r, R"~({"detail": "no such id"})~");
                it->merge_patch(patch);
                out.push_back(*it);
            }
        }
        r.body = QByteArray::fromStdString(out.dump());
        return r;
    }

    // An object that was in NetBox before the test (e.g. from the device-type library); returns its id.
    int add(const std::string &endpoint, Json object)
    {
        object["id"] = ++m_lastId;
        m_objects[endpoint].push_back(object);
        return m_lastId;
    }
    std::size_t count(const std::string &endpoint) { return m_objects[endpoint].size(); }
    const std::vector<Json> &objects(const std::string &endpoint) { return m_objects[endpoint]; }
    // For tests that change what NetBox holds behind the planner's back (drift).
    std::vector<Json> &mutableObjects(const std::string &endpoint) { return m_objects[endpoint]; }

private:
    static HttpResponse &bad(HttpResponse &r, const QByteArray &body)
    {
        r.status = 400;
        r.reason = "Bad Request";
        r.body = body;
        return r;
    }

    HttpResponse &list(const HttpRequest &request, const std::vector<Json> &objects, HttpResponse &r) const
    {
        const QUrl url(QStringLiteral("http://") + QString::fromLatin1(request.headers.value("host")) +
                       QString::fromLatin1(request.target));
        QUrlQuery query(url);
        const int limit = std::min(
            maxPageSize,
            query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt() : 50);
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        Json results = Json::array();
        for (std::size_t i = static_cast<std::size_t>(offset);
             i < objects.size() && results.size() < static_cast<std::size_t>(limit); ++i)
            results.push_back(objects[i]);
        Json next = nullptr;
        if (static_cast<std::size_t>(offset + limit) < objects.size()) {
            query.removeAllQueryItems(QStringLiteral("limit"));
            query.removeAllQueryItems(QStringLiteral("offset"));
            query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            query.addQueryItem(QStringLiteral("offset"), QString::number(offset + limit));
            QUrl nextUrl = url;
            nextUrl.setQuery(query);
            next = nextUrl.toString().toStdString();
        }
        r.body = QByteArray::fromStdString(
            Json{{"count", objects.size()}, {"next", next}, {"previous", nullptr}, {"results", results}}.dump());
        return r;
    }

    static QByteArray uniqueClash(const std::string &endpoint, const std::vector<Json> &objects, const Json &o)
    {
        if (endpoint != "/api/dcim/sites/" && endpoint != "/api/dcim/manufacturers/" &&
            endpoint != "/api/dcim/device-roles/")
            return {};
        auto lower = [](const Json &v) {
            return v.is_string() ? QString::fromStdString(v.get<std::string>()).toLower() : QString();
        };
        for (const Json &e : objects) {
            if (!lower(o.value("name", Json())).isEmpty() &&
                lower(e.value("name", Json())) == lower(o.value("name", Json())))
                return "name";
            if (!lower(o.value("slug", Json())).isEmpty() &&
                lower(e.value("slug", Json())) == lower(o.value("slug", Json())))
                return "slug";
        }
        return {};
    }

    std::map<std::string, std::vector<Json>> m_objects;
    int m_lastId = 100;
};
