#pragma once

#include "protocol/closecodes.h"
#include "protocol/handshake.h"
#include "protocol/types.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>

// The typed event stream of docs/headless.md. The engine stamps and numbers every
// event on its own thread and publishes them in batches; the headless JSON
// Lines writer, the log export and the GUI models all read these structs.
namespace closecall::server {

enum class EventType : quint8 {
    Listening,
    HandshakeFailed,
    Open,
    MessageIn,
    MessageOut,
    PingIn,
    PongIn,
    PingOut,
    PongOut,
    CloseSent,
    CloseReceived,
    StateChange, // "state"
    Closed,
    Error,
    Result,
};

// The contract name of an event type ("message_in", "state", ...).
QLatin1StringView eventTypeName(EventType type);

// A preview is at most this many bytes of the payload (docs/headless.md).
inline constexpr qsizetype MaxPreviewBytes = 1024;

struct Event
{
    quint64 seq = 0;   // 1, 2, 3, ... with no gaps
    qint64 tUs = 0;    // microseconds since the server started (monotonic)
    qint64 wallUs = 0; // microseconds since the Unix epoch, UTC ("time")
    EventType type = EventType::Error;
    quint32 conn = 0; // 0 = not about a connection
    protocol::State state = protocol::State::Connecting;

    // message_in / message_out / ping / pong
    protocol::MessageType messageType = protocol::MessageType::Text;
    qint64 size = 0;
    QByteArray preview; // the first MaxPreviewBytes bytes of the payload, raw
    protocol::PostClose postClose = protocol::PostClose::None;

    // close_sent / close_received / closed
    protocol::CloseCode code;
    QString reason;
    protocol::CloseMode mode = protocol::CloseMode::Close;

    // state
    protocol::State from = protocol::State::Connecting;
    protocol::State to = protocol::State::Connecting;

    // closed
    protocol::HowEnded how = protocol::HowEnded::Handshake;
    bool tcpClosedByClient = false;
    protocol::Initiator initiatedBy = protocol::Initiator::None;
    qint64 closeHandshakeUs = -1; // -1 = null

    // open / handshake_failed / listening
    QString remote;  // "ip:port"
    QString address; // listening
    quint16 port = 0;
    bool tls = false;
    int httpStatus = 0; // handshake_failed "status"
    QString path;
    QString query;
    QString subprotocol;
    QString origin;
    QString userAgent;
    protocol::HttpHeaders headers;

    // error: message (also for frames dropped after the peer's Close and for
    // protocol errors, with conn and state); handshake_failed: reason is in `reason`
    QString message;

    // result
    QByteArray resultId; // the command's id as JSON text ("7", "\"a\""), empty = none
    bool ok = true;
    QByteArray resultData; // JSON text of `data`, empty = none
};

using EventBatch = QList<Event>;

} // namespace closecall::server

Q_DECLARE_METATYPE(closecall::server::Event)
Q_DECLARE_METATYPE(closecall::server::EventBatch)
