#include "event.h"

namespace closecall::server {

using namespace Qt::StringLiterals;

QLatin1StringView eventTypeName(EventType type)
{
    switch (type) {
    case EventType::Listening:
        return "listening"_L1;
    case EventType::HandshakeFailed:
        return "handshake_failed"_L1;
    case EventType::Open:
        return "open"_L1;
    case EventType::MessageIn:
        return "message_in"_L1;
    case EventType::MessageOut:
        return "message_out"_L1;
    case EventType::PingIn:
        return "ping_in"_L1;
    case EventType::PongIn:
        return "pong_in"_L1;
    case EventType::PingOut:
        return "ping_out"_L1;
    case EventType::PongOut:
        return "pong_out"_L1;
    case EventType::CloseSent:
        return "close_sent"_L1;
    case EventType::CloseReceived:
        return "close_received"_L1;
    case EventType::StateChange:
        return "state"_L1;
    case EventType::Closed:
        return "closed"_L1;
    case EventType::Error:
        return "error"_L1;
    case EventType::Result:
        return "result"_L1;
    }
    return {};
}

} // namespace closecall::server
