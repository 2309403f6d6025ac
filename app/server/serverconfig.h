#pragma once

#include "protocol/deflatenegotiation.h"

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>

namespace closecall::server {

// Proxy mode (docs/headless.md "Proxy mode"): every accepted client gets
// one upstream connection to `target`, and frames are relayed both ways.
struct ProxyConfig
{
    QString target;              // ws:// or wss:// URL; empty = not a proxy
    bool keepTargetPath = false; // true: the client's path and query are not appended
    bool holdCloses = false;     // new pairs start with closes held, not relayed
    bool insecure = false;       // wss:// upstream: accept a certificate that fails verification
    bool isOn() const { return !target.isEmpty(); }
};

// Everything the engine needs to start; the command line (docs/headless.md) and
// the GUI's settings both fill one of these.
struct ServerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); // loopback unless named
    quint16 port = 9001;                                          // 0 = any free port
    // Off for `closecall peer` (docs/headless.md): the engine opens only
    // outgoing connections, binds no port and publishes no `listening`.
    bool listen = true;
    QString tlsCertFile; // PEM; both set = wss://
    QString tlsKeyFile;

    bool echo = false;      // echo each data message while Open
    bool manualAck = false; // leave a peer's Close unanswered until a command answers it
    bool autoPong = true;   // answer Pings

    QStringList subprotocols;   // in preference order
    QStringList allowedOrigins; // empty = any
    // permessage-deflate for accepted connections (RFC 7692; off by default,
    // as servers usually have it).
    protocol::DeflateServerConfig deflate;
    ProxyConfig proxy;

    int maxConnections = 10000;
    qint64 maxMessageSize = 16 * 1024 * 1024;
    // Bytes all connections together may hold of messages not yet complete
    // (docs/headless.md "Limits"): 16 largest messages at once, a small
    // fraction of any machine's memory; 10,000 peers could otherwise pin
    // 10,000 x 16 MiB.
    qint64 maxUnfinishedBytes = 256 * 1024 * 1024;
    // A message must be complete this long after its first bytes arrived;
    // 0 = never.
    int messageTimeoutMs = 60000;
    qsizetype maxHeaderBytes = 16 * 1024;
    int handshakeTimeoutMs = 10000;
    int closeTimeoutMs = 5000;
    int closeOutputTimeoutMs = 30000; // 0 = never

    // Per-message events (message_in/out, ping/pong) are published unless
    // this is off: benchmarks of the bare engine turn it off; lifecycle
    // events (open, close_*, state, closed, errors) are always published.
    bool messageEvents = true;

    // The most memory the events published and not yet written may hold
    // before the engine stops reading from peers (docs/headless.md "When
    // the reader falls behind"). 0 = no limit: the front end does not say
    // what it wrote (Engine::batchWritten); EngineSession always sets one.
    qint64 maxEventBacklogBytes = 0;

    bool useTls() const { return !tlsCertFile.isEmpty() || !tlsKeyFile.isEmpty(); }
};

} // namespace closecall::server
