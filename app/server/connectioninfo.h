#pragma once

#include "sockets.h"

#include "protocol/closecodes.h"
#include "protocol/types.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

namespace closecall::server {

// One row of the connections table, as `list` returns it. Kept by the
// connection while it lives and by the engine (a bounded history) after.
struct ConnectionInfo
{
    quint32 id = 0;
    protocol::State state = protocol::State::Connecting;
    sockets::PeerAddress remote;
    QString path;
    QString query;
    QString subprotocol;
    qint64 openedWallUs = 0; // 0 = never opened
    quint64 msgsIn = 0;
    quint64 msgsOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 postCloseDelivered = 0;
    quint64 postCloseDiscarded = 0;
    bool closeSent = false;
    bool closeReceived = false;
    bool ended = false;
    protocol::Initiator initiatedBy = protocol::Initiator::None;
    protocol::HowEnded how = protocol::HowEnded::Handshake;
    protocol::CloseCode sentCode;
    protocol::CloseCode receivedCode;
    QString sentReason;
    QString receivedReason;
};

// "2024-05-01T12:00:00.123456Z" (docs/headless.md `time`).
QString isoTimeUs(qint64 wallUs);

// The JSON text of `list`'s data: an array of connection objects.
QByteArray connectionsToJson(const QList<const ConnectionInfo *> &rows);

} // namespace closecall::server
