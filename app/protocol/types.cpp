#include "types.h"

namespace closecall::protocol {

using namespace Qt::StringLiterals;

QLatin1StringView stateName(State s)
{
    switch (s) {
    case State::Connecting:
        return "Connecting"_L1;
    case State::Open:
        return "Open"_L1;
    case State::CloseSent:
        return "CloseSent"_L1;
    case State::CloseReceived:
        return "CloseReceived"_L1;
    case State::Closed:
        return "Closed"_L1;
    case State::Aborted:
        return "Aborted"_L1;
    }
    return {};
}

QLatin1StringView closeModeName(CloseMode m)
{
    switch (m) {
    case CloseMode::Close:
        return "close"_L1;
    case CloseMode::CloseOutput:
        return "close_output"_L1;
    case CloseMode::Ack:
        return "ack"_L1;
    case CloseMode::ProtocolError:
        return "protocol_error"_L1;
    case CloseMode::Shutdown:
        return "shutdown"_L1;
    }
    return {};
}

QLatin1StringView howEndedName(HowEnded h)
{
    switch (h) {
    case HowEnded::Handshake:
        return "handshake"_L1;
    case HowEnded::Timeout:
        return "timeout"_L1;
    case HowEnded::Abort:
        return "abort"_L1;
    case HowEnded::PeerReset:
        return "peer_reset"_L1;
    case HowEnded::PeerEof:
        return "peer_eof"_L1;
    case HowEnded::ProtocolError:
        return "protocol_error"_L1;
    }
    return {};
}

QLatin1StringView postCloseName(PostClose p)
{
    switch (p) {
    case PostClose::None:
        return {};
    case PostClose::Delivered:
        return "delivered"_L1;
    case PostClose::Discarded:
        return "discarded"_L1;
    }
    return {};
}

QLatin1StringView initiatorName(Initiator i)
{
    switch (i) {
    case Initiator::None:
        return "none"_L1;
    case Initiator::Server:
        return "server"_L1;
    case Initiator::Client:
        return "client"_L1;
    }
    return {};
}

QLatin1StringView messageTypeName(MessageType t)
{
    return t == MessageType::Text ? "text"_L1 : "binary"_L1;
}

QLatin1StringView opcodeName(Opcode op)
{
    switch (op) {
    case Opcode::Continuation:
        return "continuation"_L1;
    case Opcode::Text:
        return "text"_L1;
    case Opcode::Binary:
        return "binary"_L1;
    case Opcode::Close:
        return "close"_L1;
    case Opcode::Ping:
        return "ping"_L1;
    case Opcode::Pong:
        return "pong"_L1;
    }
    return "reserved"_L1;
}

} // namespace closecall::protocol
