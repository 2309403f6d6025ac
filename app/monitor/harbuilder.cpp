#include "harbuilder.h"

#include "eventjson.h"

#include "protocol/handshake.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

#include <vector>

using namespace Qt::StringLiterals;

namespace closecall::monitor {

using namespace closecall::protocol;
using server::Event;

namespace {

QJsonObject nameValue(const QString &name, const QString &value)
{
    return QJsonObject{{"name"_L1, name}, {"value"_L1, value}};
}

QString harTime(qint64 wallUs)
{
    // Chrome writes milliseconds: "2026-11-26T10:44:22.123Z".
    QByteArray iso = isoTime(wallUs);
    iso.remove(iso.size() - 4, 3);
    return QString::fromLatin1(iso);
}

QString headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(value);
    }
    return {};
}

} // namespace

struct HarBuilder::Data
{
    struct Connection
    {
        QJsonObject entry; // empty until its (client leg's) open is in
        QJsonArray messages;
        QJsonObject serverLeg; // proxy mode: the server leg's open and closed
    };
    bool tls = false;
    QString listenAddress;
    QString listenAuthority; // "127.0.0.1:9001", when no Host header says better
    std::vector<Connection> connections;
    QHash<quint32, size_t> byConn;
    // Proxy mode: both legs of a pair share its entry. The server leg's
    // events usually come first (its 101 is in before the client's goes
    // out), so an entry starts with whichever leg is seen first.
    QHash<quint32, size_t> byPair;

    QJsonObject requestEntry(const Event &e, const server::events::Open &o) const;
    Connection *connectionOf(const Event &e, bool create);
};

QJsonObject HarBuilder::Data::requestEntry(const Event &e, const server::events::Open &o) const
{
    QString host = headerValue(o.headers, "host");
    if (host.isEmpty())
        host = listenAuthority.isEmpty() ? u"localhost"_s : listenAuthority;
    QString url = (tls ? u"wss://"_s : u"ws://"_s) + host +
                  QString::fromLatin1(QUrl::toPercentEncoding(o.path.isEmpty() ? u"/"_s : o.path,
                                                              "/:@!$&'()*+,;="));
    if (!o.query.isEmpty())
        url += u'?' + o.query;

    QJsonArray requestHeaders;
    for (const auto &[name, value] : o.headers)
        requestHeaders.append(nameValue(QString::fromUtf8(name), QString::fromUtf8(value)));
    QJsonArray queryString;
    for (const auto &[name, value] : QUrlQuery(o.query).queryItems(QUrl::FullyDecoded))
        queryString.append(nameValue(name, value));

    // The 101 as far as it is known: what RFC 6455 §4.2.2 makes it.
    QJsonArray responseHeaders{nameValue(u"Upgrade"_s, u"websocket"_s),
                               nameValue(u"Connection"_s, u"Upgrade"_s)};
    const QString key = headerValue(o.headers, "sec-websocket-key");
    if (!key.isEmpty())
        responseHeaders.append(nameValue(u"Sec-WebSocket-Accept"_s,
                                         QString::fromLatin1(computeAcceptKey(key.toLatin1()))));
    if (!o.subprotocol.isEmpty())
        responseHeaders.append(nameValue(u"Sec-WebSocket-Protocol"_s, o.subprotocol));

    QJsonObject closecall{{"conn"_L1, qint64(e.conn)}, {"remote"_L1, o.remote}};
    if (e.leg != server::Leg::None)
        closecall.insert("pair"_L1, qint64(e.pair));
    QJsonObject entry{
        {"startedDateTime"_L1, harTime(e.wallUs)},
        {"time"_L1, 0},
        {"request"_L1, QJsonObject{{"method"_L1, u"GET"_s},
                                   {"url"_L1, url},
                                   {"httpVersion"_L1, u"HTTP/1.1"_s},
                                   {"headers"_L1, requestHeaders},
                                   {"queryString"_L1, queryString},
                                   {"cookies"_L1, QJsonArray()},
                                   {"headersSize"_L1, -1},
                                   {"bodySize"_L1, 0}}},
        {"response"_L1,
         QJsonObject{{"status"_L1, 101},
                     {"statusText"_L1, u"Switching Protocols"_s},
                     {"httpVersion"_L1, u"HTTP/1.1"_s},
                     {"headers"_L1, responseHeaders},
                     {"cookies"_L1, QJsonArray()},
                     {"content"_L1, QJsonObject{{"size"_L1, 0}, {"mimeType"_L1, u"x-unknown"_s}}},
                     {"redirectURL"_L1, QString()},
                     {"headersSize"_L1, -1},
                     {"bodySize"_L1, 0}}},
        {"cache"_L1, QJsonObject()},
        {"timings"_L1, QJsonObject{{"send"_L1, 0}, {"wait"_L1, 0}, {"receive"_L1, 0}}},
        {"connection"_L1, QString::number(e.conn)},
        {"_resourceType"_L1, u"websocket"_s},
        {"_closecall"_L1, closecall},
    };
    if (!listenAddress.isEmpty())
        entry.insert("serverIPAddress"_L1, listenAddress);
    return entry;
}

HarBuilder::Data::Connection *HarBuilder::Data::connectionOf(const Event &e, bool create)
{
    const bool proxy = e.leg != server::Leg::None;
    QHash<quint32, size_t> &index = proxy ? byPair : byConn;
    const quint32 key = proxy ? e.pair : e.conn;
    if (const auto it = index.constFind(key); it != index.cend())
        return &connections[*it];
    if (!create)
        return nullptr; // its open is not in the log any more
    index.insert(key, connections.size());
    connections.push_back({});
    return &connections.back();
}

HarBuilder::HarBuilder()
    : d(std::make_unique<Data>())
{}
HarBuilder::~HarBuilder() = default;

void HarBuilder::add(const Event &e)
{
    const bool serverLeg = e.leg == server::Leg::Server;
    switch (e.type()) {
    case server::EventType::Listening: {
        const auto &l = e.as<server::events::Listening>();
        d->tls = l.tls;
        d->listenAddress = l.address;
        d->listenAuthority = (l.address.contains(u':') ? u'[' + l.address + u']' : l.address) +
                             u':' + QString::number(l.port);
        break;
    }
    case server::EventType::Open: {
        const auto &o = e.as<server::events::Open>();
        if (e.leg == server::Leg::None) {
            Data::Connection *c = d->connectionOf(e, true);
            *c = {d->requestEntry(e, o), {}, {}};
            break;
        }
        // Proxy mode: one entry per pair, its client leg's request; the
        // server leg is where that request went (docs/headless.md "Proxy mode").
        Data::Connection *c = d->connectionOf(e, true);
        if (serverLeg)
            c->serverLeg = QJsonObject{{"conn"_L1, qint64(e.conn)},
                                       {"url"_L1, o.url},
                                       {"remote"_L1, o.remote},
                                       {"subprotocol"_L1, o.subprotocol}};
        else
            c->entry = d->requestEntry(e, o);
        break;
    }
    case server::EventType::MessageIn:
    case server::EventType::MessageOut: {
        // A pair's leg is seen before its client leg's open only on the
        // server leg, whose open makes the entry.
        Data::Connection *c = d->connectionOf(e, false);
        if (!c)
            return;
        const server::events::Payload &m = *e.messagePayload();
        const bool text = m.messageType == MessageType::Text;
        // The client's view, as in a browser: on the server leg CloseCall
        // is the client, so what it sent there is a "send".
        const bool fromClient = e.is(server::EventType::MessageIn) != serverLeg;
        QJsonObject message{
            {"type"_L1, fromClient ? u"send"_s : u"receive"_s},
            {"time"_L1, double(e.wallUs) / 1e6},
            {"opcode"_L1, text ? 1 : 2},
            {"data"_L1, text ? previewText(e) : QString::fromLatin1(m.preview.toBase64())},
        };
        if (e.leg != server::Leg::None)
            message.insert("_leg"_L1, serverLeg ? u"server"_s : u"client"_s);
        c->messages.append(message);
        break;
    }
    case server::EventType::Closed: {
        Data::Connection *c = d->connectionOf(e, false);
        if (!c)
            return;
        const QJsonObject closed = QJsonDocument::fromJson(eventToJson(e)).object();
        if (serverLeg) {
            c->serverLeg.insert("closed"_L1, closed);
            break;
        }
        if (c->entry.isEmpty())
            break; // a client leg that never opened
        QJsonObject extra = c->entry.value("_closecall"_L1).toObject();
        extra.insert("closed"_L1, closed);
        c->entry.insert("_closecall"_L1, extra);
        break;
    }
    case server::EventType::HandshakeFailed:
    case server::EventType::PingIn:
    case server::EventType::PongIn:
    case server::EventType::PingOut:
    case server::EventType::PongOut:
    case server::EventType::CloseSent:
    case server::EventType::CloseReceived:
    case server::EventType::StateChange:
    case server::EventType::Error:
    case server::EventType::NotRelayed:
    case server::EventType::Result:
        break; // not in a HAR
    }
}

QJsonDocument HarBuilder::document() const
{
    QJsonArray entries;
    for (const Data::Connection &c : d->connections) {
        // A pair whose client leg never opened (its upgrade failed, or
        // its open is no longer in the log) has no request to show.
        if (c.entry.isEmpty())
            continue;
        QJsonObject entry = c.entry;
        if (!c.serverLeg.isEmpty()) {
            QJsonObject extra = entry.value("_closecall"_L1).toObject();
            extra.insert("server_leg"_L1, c.serverLeg);
            entry.insert("_closecall"_L1, extra);
        }
        entry.insert("_webSocketMessages"_L1, c.messages);
        entries.append(entry);
    }
    const QJsonObject log{
        {"version"_L1, u"1.2"_s},
        {"creator"_L1, QJsonObject{{"name"_L1, u"CloseCall"_s},
                                   {"version"_L1, QStringLiteral(CLOSECALL_VERSION)}}},
        {"pages"_L1, QJsonArray()},
        {"entries"_L1, entries},
    };
    return QJsonDocument(QJsonObject{{"log"_L1, log}});
}

QJsonDocument buildHar(const QList<Event> &events)
{
    HarBuilder har;
    for (const Event &e : events)
        har.add(e);
    return har.document();
}

} // namespace closecall::monitor
