#pragma once

#include "serverconfig.h"

#include "protocol/clienturl.h"
#include "protocol/handshake.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

namespace closecall::server {

// Proxy mode's upstream request (docs/headless.md "Proxy mode", "The
// upgrade"): the target URL, with the client's path and query appended
// unless keepTargetPath, and the client's headers passed on: Origin,
// the offered subprotocols, every other header except the hop-by-hop ones
// (and those the Connection header names) and the handshake's own;
// X-Forwarded-For gains the client's address; permessage-deflate is
// offered when the client offered it.
class ProxyUpgrade final
{
    Q_DECLARE_TR_FUNCTIONS(ProxyUpgrade)

public:
    // `clientAddress`: the client's IP address, without the port. nullopt
    // and a sentence in `error` when no valid request can be made of it.
    static std::optional<protocol::ClientTarget> build(const ProxyConfig &proxy,
                                                       const protocol::HandshakeRequest &request,
                                                       const QString &clientAddress,
                                                       QString *error);
    // "1.2.3.4:5" → "1.2.3.4", "[::1]:5" → "::1".
    static QString addressOf(const QString &remote);
};

} // namespace closecall::server
