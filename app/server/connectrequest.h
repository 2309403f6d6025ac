#pragma once

#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace closecall::server {

// One `connect` command (docs/headless.md): what the engine needs to open
// outgoing connections in the client role. The front ends (stdin, the GUI's
// Connect… dialog, `closecall peer`, the demo) fill one; the engine checks
// every field and answers a bad one in the command's result.
struct ConnectRequest
{
    QString url;              // ws:// or wss://
    int count = 1;            // how many identical connections
    QStringList subprotocols; // offered in this order
    QStringList headers;      // extra request headers, "Name: value" each
    // How each connection behaves once open (docs/headless.md "Peer
    // behaviours"); empty = a plain client that answers a Close at once.
    QString behaviour;
    // wss:// only: accept a certificate the system CAs do not vouch for
    // (self-signed); the log says so for every connection that does.
    bool insecure = false;
    // Offer permessage-deflate (RFC 7692); the server may accept it.
    bool deflate = false;
};

} // namespace closecall::server

Q_DECLARE_METATYPE(closecall::server::ConnectRequest)
