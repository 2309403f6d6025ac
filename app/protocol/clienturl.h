#pragma once

#include "handshake.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

// Where an outgoing connection goes: a ws:// or wss:// URL (RFC 6455 §3)
// read into what the driver connects to and what the handshake sends.
namespace closecall::protocol {

struct ClientTarget
{
    QString url;      // normalised, as shown in events and the table
    bool tls = false; // wss://
    QString host;     // to resolve: a name in ASCII (IDNA) or an address, no brackets
    quint16 port = 0; // 80 / 443 unless given
    // Host (with the port unless it is the scheme's, RFC 6455 §4.1 item 4)
    // and the request target (path and query, percent-encoded); the caller
    // adds subprotocols, Origin and extra headers.
    ClientHandshakeOptions handshake;
};

class ClientUrl final
{
    Q_DECLARE_TR_FUNCTIONS(ClientUrl)

public:
    // nullopt and a sentence naming what is wrong in `error`: not ws:// or
    // wss://, no host, a port out of range, user info (credentials go in an
    // Authorization header), or a fragment (RFC 6455 §3: "#" must be %23).
    // Spaces and non-ASCII in the path are percent-encoded, a Unicode host
    // name IDNA-encoded; an empty path is "/".
    static std::optional<ClientTarget> parse(const QString &url, QString *error);
};

} // namespace closecall::protocol
