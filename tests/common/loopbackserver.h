#pragma once

#include <QHostAddress>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

// One request as the loopback server parsed it; header names are lower case.
struct HttpRequest {
    QByteArray method;
    QByteArray target; // path and query
    QMap<QByteArray, QByteArray> headers;
    QByteArray body;
    QByteArray path() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
};

// What the server answers; Stall sends the head and a few bytes then goes silent, Truncate
// announces declaredLength bytes, sends fewer and closes the connection, Trickle sends the body
// trickleBytes at a time every trickleMs (never stalling, but slow), Chunked sends it with
// Transfer-Encoding: chunked and no Content-Length.
struct HttpResponse {
    enum class Mode { Normal, Stall, Truncate, Trickle, Chunked };
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Mode mode = Mode::Normal;
    qint64 declaredLength = -1;
    int trickleBytes = 8;
    int trickleMs = 50;
};

// A minimal HTTP/1.1 server on 127.0.0.1 (a free port) that runs in the test's own event loop,
// answers with a handler and records every request. Tests never reach beyond loopback.
class LoopbackServer : public QTcpServer {
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit LoopbackServer(Handler handler)
        : m_handler(std::move(handler))
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                serve(s);
        });
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    QList<HttpRequest> requests;

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            handle(socket, *buffer);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    void handle(QTcpSocket *socket, QByteArray &buffer)
    {
        for (;;) {
            const int end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            HttpRequest request;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const int length = request.headers.value("content-length", "0").toInt();
            if (buffer.size() < end + 4 + length)
                return;
            request.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            requests << request;
            if (!respond(socket, m_handler(request)))
                return;
        }
    }

    // Returns false when the connection is left stalled or closed.
    bool respond(QTcpSocket *socket, const HttpResponse &r)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + r.reason + "\r\n";
        const qint64 length = r.mode == HttpResponse::Mode::Truncate ? r.declaredLength : r.body.size();
        if (r.mode == HttpResponse::Mode::Chunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Content-Length: " + QByteArray::number(length) + "\r\n";
        for (const auto &[name, value] : r.headers)
            head += name + ": " + value + "\r\n";
        head += "\r\n";
        switch (r.mode) {
        case HttpResponse::Mode::Normal:
            socket->write(head + r.body);
            return true;
        case HttpResponse::Mode::Stall:
            socket->write(head + r.body.left(16));
            return false;
        case HttpResponse::Mode::Truncate:
            socket->write(head + r.body);
            socket->flush();
            socket->disconnectFromHost();
            return false;
        case HttpResponse::Mode::Trickle: {
            socket->write(head);
            auto *timer = new QTimer(socket); // dies with the socket when the client gives up
            auto sent = std::make_shared<qint64>(0);
            connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body = r.body, step = r.trickleBytes] {
                socket->write(body.mid(*sent, step));
                *sent += step;
                if (*sent >= body.size())
                    timer->stop();
            });
            timer->start(r.trickleMs);
            return false;
        }
        case HttpResponse::Mode::Chunked:
            for (qint64 at = 0; at < r.body.size(); at += 4096) {
                const QByteArray chunk = r.body.mid(at, 4096);
                head += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
            }
            socket->write(head + "0\r\n\r\n");
            return true;
        }
        return false;
    }

    Handler m_handler;
};
