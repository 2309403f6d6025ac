#pragma once

// The two processes tst_headless drives: `closecall --headless` with the
// command side of docs/headless.md (Server), and the python3-websockets peer
// peers/wspeer.py on one connection (Peer). Needs CLOSECALL_BIN and
// WSPEER_PY from the build. In a deflate run (../server/deflaterun.h) the
// server gets --deflate and the peer offers permessage-deflate and must get
// it, so the same suite checks the close rules with compression on.
#include "../server/deflaterun.h"
#include "processes.h"

#include <QtCore/QJsonArray>

#include <memory>
#include <vector>

namespace closecall::test {

using namespace Qt::StringLiterals;

inline const QString Python = u"/usr/bin/python3"_s; // Debian's, with python3-websockets
inline constexpr int PeerTimeoutS = 15;

// `closecall --headless --listen 127.0.0.1:0` and the command side of docs/headless.md.
class Server final : public JsonLinesProcess
{
public:
    bool start(const QStringList &extra)
    {
        QStringList args = QStringList{u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s} + extra;
        if (deflateRun() && !args.contains(u"--deflate"_s))
            args << u"--deflate"_s;
        process().start(QStringLiteral(CLOSECALL_BIN), args);
        const auto listening = waitFor(eventIs(u"listening"_s));
        if (!listening)
            return false;
        m_port = listening->value("port"_L1).toInt();
        return m_port > 0;
    }
    int port() const { return m_port; }
    QString url(const QString &path) const
    {
        return u"ws://127.0.0.1:%1%2"_s.arg(m_port).arg(path);
    }

    // Sends a command (with an id of its own unless it has one) and returns its result.
    QJsonObject command(QJsonObject cmd)
    {
        if (!cmd.contains("id"_L1))
            cmd.insert("id"_L1, u"c%1"_s.arg(++m_ids));
        writeJson(cmd);
        return waitFor(resultFor(cmd.value("id"_L1))).value_or(QJsonObject{});
    }

    // The connection id of the peer that opened `path`.
    int connFor(const QString &path)
    {
        const auto open = waitFor([path](const QJsonObject &o) {
            return o.value("event"_L1).toString() == u"open" && o.value("path"_L1) == path;
        });
        return open ? open->value("conn"_L1).toInt() : -1;
    }

private:
    int m_port = 0;
    int m_ids = 0;
};

// wspeer.py on one connection.
class Peer final : public JsonLinesProcess
{
public:
    bool start(const QString &url, const QStringList &extra = {})
    {
        QStringList args = QStringList{QStringLiteral(WSPEER_PY), url, u"--timeout"_s,
                                       QString::number(PeerTimeoutS)} +
                           extra;
        if (deflateRun() && !args.contains(u"--deflate"_s))
            args << u"--deflate"_s;
        process().start(Python, args);
        const auto open = waitFor(peerIs(u"open"_s));
        // A deflate run that ends up without deflate tests nothing new.
        return open && (!deflateRun() || !open->value("extensions"_L1).toString().isEmpty());
    }
    void send(const QJsonObject &command) { writeJson(command); }
    std::optional<QJsonObject> closeFrame() { return waitFor(peerIs(u"close_frame"_s)); }
    std::optional<QJsonObject> end() { return waitFor(peerIs(u"end"_s), PeerTimeoutS * 1000); }
};

// Starts a server into `slot` (a test function's own, dropped by its
// cleanup) and says on the test log when it did not start.
inline Server &startServerInto(std::unique_ptr<Server> &slot, const QStringList &extra)
{
    slot = std::make_unique<Server>();
    if (!slot->start(extra))
        qWarning("closecall did not start: %s", slot->stderrText().constData());
    return *slot;
}

// Starts a peer on `path` of `server` and keeps it in `peers`.
inline Peer &startPeerInto(std::vector<std::unique_ptr<Peer>> &peers, const Server &server,
                           const QString &path, const QStringList &extra)
{
    peers.push_back(std::make_unique<Peer>());
    Peer &peer = *peers.back();
    if (!peer.start(server.url(path), extra))
        qWarning("peer did not open: %s", peer.stderrText().constData());
    return peer;
}

inline QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

} // namespace closecall::test
