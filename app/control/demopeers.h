#pragma once

#include "server/connectrequest.h"

#include <QtCore/QList>
#include <QtCore/QString>

// The built-in peers of `closecall --demo` and Help ▸ Start Demo
// (docs/headless.md "Demo"): a handful of outgoing connections to the
// server's own port, each with a different behaviour (docs/headless.md
// "Peer behaviours"), so a newcomer has live rows to close at once. The one
// list both front ends use.
namespace closecall::control {

class EngineSession;

struct DemoPeer
{
    QString name;      // also the request's path, /demo/<name>, and its result id
    QString behaviour; // the behaviour spec
};

// In the order they are opened.
QList<DemoPeer> demoPeers();

// The request that opens `peer` against the server at `serverUrl`
// ("ws://127.0.0.1:9001"): to /demo/<name>, so the server's rows say which
// peer is which.
server::ConnectRequest demoRequest(const DemoPeer &peer, const QString &serverUrl);

// The URL the peers connect to for a server listening at `listeningUrl`
// (EngineSession::url()): an "any address" host becomes loopback.
QString demoServerUrl(const QString &listeningUrl);

// Opens every demo peer against the session's own server (over wss:// when
// it serves TLS, accepting its certificate unchecked); each request's
// `result` has the id "demo-<name>". Does nothing unless the session is
// listening. Returns how many requests went out.
int startDemo(EngineSession &session);

} // namespace closecall::control
