#include "clienturl.h"

#include <QtCore/QUrl>

namespace closecall::protocol {

using namespace Qt::StringLiterals;

std::optional<ClientTarget> ClientUrl::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    // Tolerant: "ws://host/a b" is what a person types; QUrl encodes it.
    const QUrl url(trimmed, QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (trimmed.isEmpty()) {
        *error = tr("the URL is empty; give one like ws://127.0.0.1:9001/chat.");
        return std::nullopt;
    }
    if (scheme != u"ws" && scheme != u"wss") {
        *error = tr("%1 is not a WebSocket URL; it must start with ws:// or wss://.").arg(trimmed);
        return std::nullopt;
    }
    if (!url.isValid()) {
        *error = tr("%1 is not a valid URL: %2").arg(trimmed, url.errorString());
        return std::nullopt;
    }
    const QString host = url.host(QUrl::EncodeUnicode);
    if (host.isEmpty()) {
        *error = tr("%1 names no host; give one like ws://127.0.0.1:9001/.").arg(trimmed);
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty()) {
        *error = tr("%1 has user info before the host; a WebSocket URL has none (RFC 6455 §3): "
                    "send credentials in an Authorization header.")
                     .arg(trimmed);
        return std::nullopt;
    }
    if (url.hasFragment()) {
        *error = tr("%1 has a fragment; a WebSocket URL must not (RFC 6455 §3): write '#' as %23.")
                     .arg(trimmed);
        return std::nullopt;
    }

    ClientTarget target;
    target.tls = scheme == u"wss";
    target.host = host;
    const quint16 defaultPort = target.tls ? 443 : 80;
    target.port = url.port() > 0 ? quint16(url.port()) : defaultPort;
    if (url.port() == 0) {
        *error = tr("%1 has port 0; give the server's port.").arg(trimmed);
        return std::nullopt;
    }
    // RFC 6455 §4.1 item 4: Host is the host, and the port when it is not
    // the scheme's default; an IPv6 address goes in brackets.
    const QString hostForHeader = host.contains(u':') ? u'[' + host + u']' : host;
    target.handshake.host = target.port == defaultPort
                                ? hostForHeader
                                : hostForHeader + u':' + QString::number(target.port);
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = u"/"_s;
    target.handshake.target = url.hasQuery() ? path + u'?' + url.query(QUrl::FullyEncoded) : path;
    target.url = scheme + u"://"_s + target.handshake.host + target.handshake.target;
    return target;
}

} // namespace closecall::protocol
