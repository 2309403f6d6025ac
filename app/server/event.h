#pragma once

#include "protocol/closecodes.h"
#include "protocol/handshake.h"
#include "protocol/types.h"

#include <QtCore/QByteArray>
#include <QtCore/QLatin1StringView>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <variant>

// The typed event stream of docs/headless.md. The engine stamps and numbers
// every event on its own thread and publishes them in batches; the headless
// JSON Lines writer, the log export and the GUI models all read them.
//
// The schema is the table below (CLOSECALL_EVENT_KINDS): one row per event
// kind with its contract name, its direction and whether it carries a
// message payload, and one struct per kind in `events::`. Adding a kind is
// one struct and one row; every std::visit over an Event (see visit()) and
// every switch over EventType then fails to compile until it handles it.
namespace closecall::server {

// A preview is at most this many bytes of the payload (docs/headless.md).
inline constexpr qsizetype MaxPreviewBytes = 1024;

// Which way an event travelled: In = from the peer.
enum class Direction : quint8 { None, In, Out };

// Proxy mode: which leg of a pair an event belongs to (docs/headless.md
// "Proxy mode"). Client = the accepted connection (CloseCall is the
// server there), Server = the upstream one (CloseCall is the client).
enum class Leg : quint8 { None, Client, Server };

// Big, rare kinds are kept behind a shared pointer, so they do not set the
// size of every Event (a message_in is the common one). Immutable once made;
// copying an Event shares it.
template<typename T> class Shared
{
public:
    Shared(T value) // implicit: an Event is built from the plain struct
        : m_value(std::make_shared<const T>(std::move(value)))
    {}
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return m_value.get(); }

private:
    std::shared_ptr<const T> m_value;
};
// Small kinds are stored as they are.
template<typename T> using Inline = T;

// kind (the struct in events:: and the EventType), contract name, direction,
// carries a message payload (events::Payload), storage.
#define CLOSECALL_EVENT_KINDS(X)                                                                   \
    X(Listening, "listening", None, false, Inline)                                                 \
    X(HandshakeFailed, "handshake_failed", None, false, Shared)                                    \
    X(Open, "open", None, false, Shared)                                                           \
    X(MessageIn, "message_in", In, true, Inline)                                                   \
    X(MessageOut, "message_out", Out, true, Inline)                                                \
    X(PingIn, "ping_in", In, true, Inline)                                                         \
    X(PongIn, "pong_in", In, true, Inline)                                                         \
    X(PingOut, "ping_out", Out, true, Inline)                                                      \
    X(PongOut, "pong_out", Out, true, Inline)                                                      \
    X(CloseSent, "close_sent", Out, false, Inline)                                                 \
    X(CloseReceived, "close_received", In, false, Inline)                                          \
    X(StateChange, "state", None, false, Inline)                                                   \
    X(Closed, "closed", None, false, Shared)                                                       \
    X(Error, "error", None, false, Inline)                                                         \
    X(NotRelayed, "not_relayed", In, false, Inline)                                                \
    X(Result, "result", None, false, Shared)

// The per-kind fields (docs/headless.md "Events"). Every field has a default
// initializer, so a producer names only the leading fields it has.
namespace events {

struct Listening
{
    QString address = {};
    quint16 port = 0;
    bool tls = false;
};

struct HandshakeFailed
{
    QString remote = {}; // "ip:port"
    int httpStatus = 0;  // "status"
    QString reason = {};
    bool outgoing = false; // "role": "out" (we connected) or "in" (we accepted)
    QString url = {};      // outgoing only: where we connected
};

struct Open
{
    QString remote = {}; // "ip:port"
    QString path = {};
    QString query = {};
    QString subprotocol = {};
    QString origin = {};
    QString userAgent = {};
    protocol::HttpHeaders headers = {}; // the upgrade request's, as sent (outgoing: the 101's)
    bool outgoing = false;              // "role": "out" (we connected) or "in" (we accepted)
    QString url = {};                   // outgoing only: where we connected
    // Outgoing only: its peer behaviour as the canonical spec (empty for a
    // plain client; docs/headless.md "Peer behaviours").
    QString behaviour = {};
    // Outgoing wss:// with insecure: why the server's certificate failed
    // verification, accepted anyway ("the certificate is self-signed");
    // empty when it verified (docs/headless.md `tls_insecure`).
    QString tlsInsecure = {};
    // The extensions agreed in the upgrade, as the 101's
    // Sec-WebSocket-Extensions says them ("permessage-deflate; …"); empty:
    // none (docs/headless.md `extensions`).
    QString extensions = {};
};

// What every message and control-frame event carries.
struct Payload
{
    protocol::MessageType messageType = protocol::MessageType::Text;
    protocol::PostClose postClose = protocol::PostClose::None; // message_in only
    // In only: the frame's bytes were already on our side (the kernel's
    // receive buffer, or read and not yet parsed) when our Close was handed
    // to the socket, so the peer sent it before it could see our Close
    // (docs/headless.md "crossed"). Plain ws:// only; wss:// see there.
    bool crossed = false;
    qint64 size = 0;
    QByteArray preview = {}; // the first MaxPreviewBytes bytes, raw
    // Messages under permessage-deflate: the payload's bytes on the wire
    // when it travelled compressed (size is what it inflates to); -1 when
    // it travelled as it is.
    qint64 wireSize = -1;
};
struct MessageIn : Payload
{};
struct MessageOut : Payload
{};
struct PingIn : Payload
{};
struct PongIn : Payload
{};
struct PingOut : Payload
{};
struct PongOut : Payload
{};

struct CloseSent
{
    protocol::CloseCode code = {};
    protocol::CloseMode mode = protocol::CloseMode::Close;
    QString reason = {};
};

struct CloseReceived
{
    protocol::CloseCode code = {};
    QString reason = {};
};

// "state": the event's own state is the old one.
struct StateChange
{
    protocol::State from = protocol::State::Connecting;
    protocol::State to = protocol::State::Connecting;
};

// The event's own state is the final one. Shared: one per connection, and
// it carries both Close frames.
struct Closed
{
    protocol::CloseCode code = {}; // as the table shows it (1006 when no Close arrived)
    protocol::HowEnded how = protocol::HowEnded::Handshake;
    bool tcpClosedByClient = false;
    protocol::Initiator initiatedBy = protocol::Initiator::None;
    qint64 closeHandshakeUs = -1; // -1 = null
    QString reason = {};
    // Our Close frame, as close_sent had it: "sent_code" / "sent_reason",
    // both null when we sent none (closeSent false).
    bool closeSent = false;
    protocol::CloseCode sentCode = {};
    QString sentReason = {};
    // Reading the peer's Close to handing our answer to the socket, when the
    // peer closed first and we answered; -1 = null ("ack_delay_us").
    qint64 ackDelayUs = -1;
};

// Also for frames dropped after the end and for protocol errors (with
// conn and state; `code` is the one we answered with, `size` the bytes).
struct Error
{
    QString message = {};
    protocol::CloseCode code = {};
    qint64 size = 0;
};

// Proxy mode: a frame that arrived on this leg and could not be passed on
// to the other leg (it had sent its Close, or ended), so its peer never
// sees it. Published on the leg it arrived on, after its message_in.
struct NotRelayed
{
    // What it was: a data message (its type) or a Ping/Pong (`control`).
    protocol::MessageType messageType = protocol::MessageType::Text;
    bool control = false; // a Ping or Pong, not a data message
    qint64 size = 0;
    QString reason = {}; // "the server leg already sent its Close", ...
};

struct Result
{
    QByteArray id = {}; // the command's id as JSON text ("7", "\"a\""), empty = none
    bool ok = true;
    QString error = {};
    QByteArray data = {}; // JSON text of `data`, empty = none
};

} // namespace events

enum class EventType : quint8 {
#define CLOSECALL_EVENT_ENUM(kind, name, dir, payload, storage) kind,
    CLOSECALL_EVENT_KINDS(CLOSECALL_EVENT_ENUM)
#undef CLOSECALL_EVENT_ENUM
};

// One row of the schema.
struct EventKindInfo
{
    EventType type;
    QLatin1StringView name; // the contract name ("message_in", "state", ...)
    Direction direction;
    bool carriesPayload; // message_* / ping_* / pong_*: events::Payload
};

inline constexpr EventKindInfo EventKinds[] = {
#define CLOSECALL_EVENT_ROW(kind, name, dir, payload, storage)                                     \
    {EventType::kind, QLatin1StringView(name, sizeof(name) - 1), Direction::dir, payload},
    CLOSECALL_EVENT_KINDS(CLOSECALL_EVENT_ROW)
#undef CLOSECALL_EVENT_ROW
};
inline constexpr size_t EventKindCount = std::size(EventKinds);

constexpr const EventKindInfo &eventKind(EventType type)
{
    return EventKinds[size_t(type)];
}
// The contract name of an event type ("message_in", "state", ...).
constexpr QLatin1StringView eventTypeName(EventType type)
{
    return eventKind(type).name;
}
constexpr Direction directionOf(EventType type)
{
    return eventKind(type).direction;
}
constexpr bool carriesPayload(EventType type)
{
    return eventKind(type).carriesPayload;
}
// The type with that contract name, or nullopt.
std::optional<EventType> eventTypeFromName(QStringView name);

// The variant's alternatives, in EventType order (the leading `void` only
// lets every row start with a comma).
template<typename Void, typename... Stored> struct VariantOf
{
    using type = std::variant<Stored...>;
};
using EventPayload = VariantOf<void
#define CLOSECALL_EVENT_ALTERNATIVE(kind, name, dir, payload, storage) , storage<events::kind>
                                   CLOSECALL_EVENT_KINDS(CLOSECALL_EVENT_ALTERNATIVE)>::type;
#undef CLOSECALL_EVENT_ALTERNATIVE
static_assert(std::variant_size_v<EventPayload> == EventKindCount);

// The EventType of a kind struct: kindOf<events::Closed> == EventType::Closed.
template<typename Kind> struct KindOf;
#define CLOSECALL_EVENT_KINDOF(kind, name, dir, payload, storage)                                  \
    template<> struct KindOf<events::kind>                                                         \
    {                                                                                              \
        static constexpr EventType type = EventType::kind;                                         \
        using Stored = storage<events::kind>;                                                      \
    };
CLOSECALL_EVENT_KINDS(CLOSECALL_EVENT_KINDOF)
#undef CLOSECALL_EVENT_KINDOF
template<typename Kind> inline constexpr EventType kindOf = KindOf<Kind>::type;

template<typename T> const T &unshared(const T &value)
{
    return value;
}
template<typename T> const T &unshared(const Shared<T> &value)
{
    return *value;
}

struct Event
{
    quint64 seq = 0;   // 1, 2, 3, ... with no gaps
    qint64 tUs = 0;    // microseconds since the server started (monotonic)
    qint64 wallUs = 0; // microseconds since the Unix epoch, UTC ("time")
    quint32 conn = 0;  // 0 = not about a connection
    protocol::State state = protocol::State::Connecting;
    // Proxy mode: the leg `conn` is, and the pair's id (its client leg's
    // conn); None and 0 outside proxy mode.
    Leg leg = Leg::None;
    quint32 pair = 0;
    // Which kind and its fields. A default Event is an empty error.
    EventPayload payload = events::Error{};

    Event() = default;
    template<typename Kind, typename = decltype(KindOf<Kind>::type)>
    Event(Kind fields, quint32 conn = 0, protocol::State state = protocol::State::Connecting)
        : conn(conn)
        , state(state)
        , payload(std::in_place_index<size_t(kindOf<Kind>)>, std::move(fields))
    {}

    EventType type() const { return EventType(payload.index()); }
    bool is(EventType t) const { return payload.index() == size_t(t); }

    // The fields of kind `Kind`, or nullptr when the event is another kind.
    template<typename Kind> const Kind *get() const
    {
        const auto *stored = std::get_if<size_t(kindOf<Kind>)>(&payload);
        return stored ? &unshared(*stored) : nullptr;
    }
    // The same for a message or control-frame event of any direction.
    const events::Payload *messagePayload() const;
    // The fields of kind `Kind`; the event must be that kind.
    template<typename Kind> const Kind &as() const
    {
        const Kind *fields = get<Kind>();
        Q_ASSERT(fields);
        return *fields;
    }
};

// Calls `visitor` with the event's kind struct (events::Open, ...). With an
// overload set and no catch-all, a kind nobody handles is a compile error.
template<typename Visitor> decltype(auto) visit(Visitor &&visitor, const Event &event)
{
    return std::visit(
        [&](const auto &stored) -> decltype(auto) { return visitor(unshared(stored)); },
        event.payload);
}

// Overloaded{[](const events::Open &) {...}, [](const events::Closed &) {...}, ...}
template<typename... Fs> struct Overloaded : Fs...
{
    using Fs::operator()...;
};
template<typename... Fs> Overloaded(Fs...) -> Overloaded<Fs...>;

inline const events::Payload *Event::messagePayload() const
{
    // Not an overload set: a generic catch-all would be an exact match and
    // win over the conversion to the base.
    return visit(
        [](const auto &fields) -> const events::Payload * {
            if constexpr (std::is_base_of_v<events::Payload, std::decay_t<decltype(fields)>>)
                return &fields;
            else
                return nullptr;
        },
        *this);
}

using EventBatch = QList<Event>;

} // namespace closecall::server

Q_DECLARE_METATYPE(closecall::server::Event)
Q_DECLARE_METATYPE(closecall::server::EventBatch)
