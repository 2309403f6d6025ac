#include "demopeers.h"

#include "command.h"
#include "enginesession.h"

#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>

using namespace Qt::StringLiterals;

namespace closecall::control {

QList<DemoPeer> demoPeers()
{
    // Each shows one thing to try (README.md "Try this"); text traffic is
    // numbered, so the log shows which messages were in flight at a Close.
    return {
        // Talks all the time, answers a Close at once.
        {u"chatty"_s, u"traffic=text;every=500"_s},
        // Answers a Close only after 2 s, talking meanwhile: close it with
        // Close Output and its late messages are delivered.
        {u"slow-answer"_s, u"traffic=text;every=500;on-close=delay;delay=2000"_s},
        // Sends 3 more messages after the Close, then answers.
        {u"late-3"_s, u"traffic=text;every=1000;on-close=send;sends=3"_s},
        // Never answers a Close: the close timeout aborts it.
        {u"never-answers"_s, u"traffic=text;every=2000;on-close=never"_s},
        // Answers a Close with a TCP reset.
        {u"resets"_s, u"traffic=text;every=2000;on-close=reset"_s},
        // Binary messages of 2 KiB.
        {u"binary"_s, u"traffic=binary;size=2048;every=700"_s},
        // Closes itself with Close Output after 20 s: the server's side of
        // a peer that closes first.
        {u"closes-itself"_s, u"traffic=text;every=1000;close-after=20000;close-mode=close_output;"
                             "close-reason=demo peer done"_s},
    };
}

server::ConnectRequest demoRequest(const DemoPeer &peer, const QString &serverUrl)
{
    server::ConnectRequest request;
    request.url = serverUrl + u"/demo/"_s + peer.name;
    request.behaviour = peer.behaviour;
    return request;
}

QString demoServerUrl(const QString &listeningUrl)
{
    // A server on every address is reached on loopback: the peers are
    // local, and ws://0.0.0.0 is not an address to connect to everywhere.
    QUrl url(listeningUrl);
    const QHostAddress host(url.host());
    if (host == QHostAddress(QHostAddress::AnyIPv4))
        url.setHost(u"127.0.0.1"_s);
    else if (host == QHostAddress(QHostAddress::AnyIPv6))
        url.setHost(u"::1"_s);
    return url.toString(QUrl::FullyEncoded);
}

int startDemo(EngineSession &session)
{
    if (session.status() != EngineSession::Status::Listening)
        return 0;
    const QString serverUrl = demoServerUrl(session.url());
    const QList<DemoPeer> peers = demoPeers();
    for (const DemoPeer &peer : peers) {
        server::ConnectRequest request = demoRequest(peer, serverUrl);
        // wss://: the certificate is the server's own, most often
        // self-signed; the log says for every connection that it was
        // accepted unchecked.
        request.insecure = serverUrl.startsWith(u"wss://"_s);
        // A `connect` command like a script's, with an id of its own, so
        // its `result` says which peer it opened.
        Command command;
        command.kind = CommandKind::Connect;
        command.id = "\"demo-" + peer.name.toUtf8() + '"';
        command.connect = request;
        session.executeAsWritten(command);
    }
    return int(peers.size());
}

} // namespace closecall::control
