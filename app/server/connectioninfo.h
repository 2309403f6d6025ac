#pragma once

#include "connectionsummary.h"
#include "sockets.h" // for the users that name a peer address

#include "protocol/closecodes.h"
#include "protocol/types.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

namespace closecall::server {

// One row of the connections table, as `list` returns it: what the
// connection's events add up to. Kept by the connection while it lives and
// by the engine (a bounded history) after.
using ConnectionInfo = ConnectionSummary;

// "2024-05-01T12:00:00.123456Z" (docs/headless.md `time`).
QString isoTimeUs(qint64 wallUs);

// The JSON text of `list`'s data: an array of connection objects.
QByteArray connectionsToJson(const QList<const ConnectionInfo *> &rows);

} // namespace closecall::server
