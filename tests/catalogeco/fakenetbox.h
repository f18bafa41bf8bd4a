#pragma once

#include "catalog/jsonfields.h"

#include "loopbackserver.h"

#include <algorithm>
#include <map>
#include <vector>

using pp::Json;

// A NetBox stand-in for tests: list, bulk create and bulk update per endpoint, ids handed out in
// order, filters ignored (the pusher filters by site itself, as it must for a shared NetBox).
class FakeNetBox {
public:
    HttpResponse handle(const HttpRequest &request)
    {
        HttpResponse r;
        r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        const std::string endpoint = request.path().toStdString();
        std::vector<Json> &objects = m_objects[endpoint];
        if (request.method == "GET") {
            Json results = Json::array();
            for (const Json &o : objects)
                results.push_back(o);
            r.body = QByteArray::fromStdString(Json{{"count", objects.size()}, {"next", nullptr}, {"previous", nullptr}, {"results", results}}.dump());
            return r;
        }
        const Json body = Json::parse(request.body.toStdString(), nullptr, false);
        if (!body.is_array()) {
            r.status = 400;
            r.reason = "Bad Request";
            r.body = R"~({"detail": "expected a list"})~";
            return r;
        }
        Json out = Json::array();
        if (request.method == "POST") {
            for (Json o : body) {
                o["id"] = ++m_lastId;
                objects.push_back(o);
                out.push_back(o);
            }
            r.status = 201;
            r.reason = "Created";
        } else if (request.method == "PATCH") {
            for (const Json &patch : body) {
                auto it = std::find_if(objects.begin(), objects.end(), [&](const Json &o) { return o["id"] == patch["id"]; });
                if (it == objects.end()) {
                    r.status = 400;
                    r.reason = "Bad Request";
                    r.body = R"~({"detail": "no such id"})~";
                    return r;
                }
                it->merge_patch(patch);
                out.push_back(*it);
            }
        }
        r.body = QByteArray::fromStdString(out.dump());
        return r;
    }
    std::size_t count(const std::string &endpoint) { return m_objects[endpoint].size(); }
    const std::vector<Json> &objects(const std::string &endpoint) { return m_objects[endpoint]; }

private:
    std::map<std::string, std::vector<Json>> m_objects;
    int m_lastId = 100;
};

