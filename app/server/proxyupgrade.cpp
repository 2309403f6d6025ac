#include "proxyupgrade.h"

#include "protocol/deflatenegotiation.h"

namespace closecall::server {

using namespace protocol;
using namespace Qt::StringLiterals;

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() &&
           QByteArray(a.data(), a.size()).compare(b, Qt::CaseInsensitive) == 0;
}

// Hop-by-hop (RFC 9110 §7.6.1) and the WebSocket handshake's own: the
// upstream request gets its own of these. Origin and the subprotocols are
// passed on through the handshake's options.
bool isPassedOn(QByteArrayView name, const QList<QByteArray> &connectionTokens)
{
    static constexpr QByteArrayView Dropped[] = {
        "Connection",       "Keep-Alive", "TE",     "Trailer",        "Transfer-Encoding",
        "Upgrade",          "Host",       "Origin", "Content-Length", "X-Forwarded-For",
        "Proxy-Connection",
    };
    for (QByteArrayView dropped : Dropped) {
        if (sameName(name, dropped))
            return false;
    }
    if (QByteArray(name.data(), name.size()).toLower().startsWith("proxy-") ||
        QByteArray(name.data(), name.size()).toLower().startsWith("sec-websocket-"))
        return false;
    for (const QByteArray &token : connectionTokens) {
        if (sameName(name, token))
            return false;
    }
    return true;
}

// The request-target's path and query as sent (percent-encoded); an
// absolute-form target ("ws://host/chat") gives its path.
QByteArray pathAndQuery(const QByteArray &target)
{
    if (const qsizetype scheme = target.indexOf("://"); scheme > 0 && !target.startsWith('/')) {
        const qsizetype slash = target.indexOf('/', scheme + 3);
        return slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    return target.isEmpty() ? QByteArray("/") : target;
}

bool offersDeflate(const HandshakeRequest &request)
{
    QList<QByteArray> values;
    for (const auto &[name, value] : request.headers) {
        if (sameName(name, "Sec-WebSocket-Extensions"))
            values.append(value);
    }
    if (values.isEmpty())
        return false;
    const auto offers = parseExtensions(values);
    if (!offers)
        return false;
    for (const ExtensionOffer &offer : *offers) {
        if (offer.name == "permessage-deflate")
            return true;
    }
    return false;
}

} // namespace

QString ProxyUpgrade::addressOf(const QString &remote)
{
    if (remote.startsWith(u'[')) {
        const qsizetype close = remote.indexOf(u']');
        return close < 0 ? remote : remote.mid(1, close - 1);
    }
    const qsizetype colon = remote.lastIndexOf(u':');
    return colon < 0 ? remote : remote.left(colon);
}

std::optional<ClientTarget> ProxyUpgrade::build(const ProxyConfig &proxy,
                                                const HandshakeRequest &request,
                                                const QString &clientAddress, QString *error)
{
    std::optional<ClientTarget> target = ClientUrl::parse(proxy.target, error);
    if (!target)
        return std::nullopt;
    ClientHandshakeOptions &options = target->handshake;
    if (!proxy.keepTargetPath) {
        // The target's path, then the client's: ws://up/base + /chat?a=1 →
        // /base/chat?a=1 (the target's own query first).
        const QByteArray own = options.target.toUtf8();
        const qsizetype ownQuestion = own.indexOf('?');
        QByteArray basePath = ownQuestion < 0 ? own : own.left(ownQuestion);
        const QByteArray baseQuery = ownQuestion < 0 ? QByteArray() : own.mid(ownQuestion + 1);
        const QByteArray client = pathAndQuery(request.target);
        const qsizetype question = client.indexOf('?');
        const QByteArray clientPath = question < 0 ? client : client.left(question);
        const QByteArray clientQuery = question < 0 ? QByteArray() : client.mid(question + 1);
        if (basePath.endsWith('/'))
            basePath.chop(1);
        QByteArray path = basePath + (clientPath.startsWith('/') ? clientPath : '/' + clientPath);
        QByteArray query = baseQuery;
        if (!clientQuery.isEmpty())
            query += (query.isEmpty() ? "" : "&") + clientQuery;
        options.target = QString::fromUtf8(query.isEmpty() ? path : path + '?' + query);
        const qsizetype hostEnd = target->url.indexOf(u'/', target->url.indexOf(u"://") + 3);
        target->url = (hostEnd < 0 ? target->url : target->url.left(hostEnd)) + options.target;
    }
    options.subprotocols = request.offeredSubprotocols;
    options.subprotocols.removeDuplicates();
    options.origin = request.origin;
    options.offerDeflate = offersDeflate(request);

    QList<QByteArray> connectionTokens;
    QByteArray forwardedFor;
    for (const auto &[name, value] : request.headers) {
        if (sameName(name, "Connection")) {
            for (const QByteArray &token : value.split(','))
                connectionTokens.append(token.trimmed());
        } else if (sameName(name, "X-Forwarded-For")) {
            forwardedFor += (forwardedFor.isEmpty() ? "" : ", ") + value.trimmed();
        }
    }
    for (const auto &[name, value] : request.headers) {
        if (isPassedOn(name, connectionTokens))
            options.extraHeaders.append({name, value});
    }
    forwardedFor += (forwardedFor.isEmpty() ? "" : ", ") + clientAddress.toUtf8();
    options.extraHeaders.append({"X-Forwarded-For", forwardedFor});

    if (const QString why = ClientHandshake::checkOptions(options); !why.isEmpty()) {
        *error = tr("the upstream request cannot be made of the client's: %1").arg(why);
        return std::nullopt;
    }
    return target;
}

} // namespace closecall::server
