#pragma once

#include <QtCore/QLatin1StringView>
#include <QtCore/QString>
#include <QtCore/QtGlobal>

// Plain vocabulary of the protocol core. No QObject, no I/O: these are the
// words every layer above uses, spelled once.
namespace closecall::protocol {

// Which end of the connection this code plays. The server role requires
// masked frames from the peer and sends unmasked ones (RFC 6455 §5.1).
enum class Role : quint8 { Server, Client };

// RFC 6455 §5.2 opcodes. Values outside this list are reserved.
enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

constexpr bool isControl(Opcode op)
{
    return (static_cast<quint8>(op) & 0x8) != 0;
}

enum class MessageType : quint8 { Text, Binary };

// The .NET WebSocketState names (docs/close-semantics.md "States").
enum class State : quint8 { Connecting, Open, CloseSent, CloseReceived, Closed, Aborted };

// How our Close frame came to be written (docs/headless.md close_sent.mode).
enum class CloseMode : quint8 {
    Close,       // CloseAsync: wait for the peer's Close, discard data meanwhile
    CloseOutput, // CloseOutputAsync: return at once, deliver data meanwhile
    Ack,         // answering the peer's Close automatically
    ProtocolError,
    Shutdown, // the server is stopping (behaves like Close)
};

// How a connection ended (docs/headless.md closed.how).
enum class HowEnded : quint8 { Handshake, Timeout, Abort, PeerReset, PeerEof, ProtocolError };

// Whether a data message arrived after our Close went out, and what became of it.
enum class PostClose : quint8 { None, Delivered, Discarded };

// What an operator may start on a connection (see isAllowed in session.h).
enum class Operation : quint8 { Send, Ping, Close, Abort };

// Who sent the first Close frame.
enum class Initiator : quint8 { None, Server, Client };

// Stable names used in the headless contract, logs and exports. Never translated.
QLatin1StringView stateName(State s);
QLatin1StringView closeModeName(CloseMode m);
QLatin1StringView howEndedName(HowEnded h);
QLatin1StringView postCloseName(PostClose p); // "" for None
QLatin1StringView initiatorName(Initiator i);
QLatin1StringView messageTypeName(MessageType t);
QLatin1StringView opcodeName(Opcode op);

} // namespace closecall::protocol
