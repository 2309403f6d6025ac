#include "eventjson.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonValue>

using namespace Qt::StringLiterals;

// The JSON Lines reader: a line written by appendEventJson back into an
// Event, through QJsonDocument (for tests and for loading logs, not for
// speed; the writer is eventjson.cpp).
namespace closecall::monitor {

using namespace closecall::protocol;
namespace events = server::events;

namespace {

template<typename Enum, typename NameFn>
Enum enumFromName(const QJsonValue &v, Enum last, NameFn name, Enum fallback)
{
    const QString text = v.toString();
    for (int i = 0; i <= int(last); ++i) {
        if (name(Enum(i)) == text)
            return Enum(i);
    }
    return fallback;
}

State stateFrom(const QJsonValue &v)
{
    return enumFromName(v, State::Aborted, stateName, State::Connecting);
}

CloseCode codeFrom(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return quint16(v.toInt());
}

// A JSON value back to the compact text the engine stores for id and data.
QByteArray rawJsonFrom(const QJsonValue &v)
{
    const QByteArray array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}

QByteArray previewFrom(const QJsonObject &o, bool text)
{
    const QString preview = o.value("preview"_L1).toString();
    return text ? preview.toUtf8() : QByteArray::fromBase64(preview.toLatin1());
}

template<typename Kind> Kind payloadFrom(const QJsonObject &o)
{
    Kind p;
    p.messageType =
        o.value("type"_L1).toString() == "binary"_L1 ? MessageType::Binary : MessageType::Text;
    p.size = o.value("size"_L1).toInteger();
    p.preview = previewFrom(o, p.messageType == MessageType::Text);
    p.postClose = enumFromName(o.value("post_close"_L1), PostClose::Discarded, postCloseName,
                               PostClose::None);
    p.crossed = o.value("crossed"_L1).toBool();
    p.wireSize = o.value("wire_size"_L1).toInteger(-1);
    return p;
}

// The kind's fields; the header (seq, times, conn, state) is the caller's.
Event eventFieldsFromJson(EventType type, const QJsonObject &o)
{
    const auto text = [&](QLatin1StringView key) {
        return o.value(key).toString();
    };
    switch (type) {
    case EventType::Listening:
        return events::Listening{text("address"_L1), quint16(o.value("port"_L1).toInt()),
                                 o.value("tls"_L1).toBool()};
    case EventType::HandshakeFailed:
        return events::HandshakeFailed{text("remote"_L1), o.value("status"_L1).toInt(),
                                       text("reason"_L1), text("role"_L1) == u"out",
                                       text("url"_L1)};
    case EventType::Open: {
        events::Open open{text("remote"_L1),      text("path"_L1),   text("query"_L1),
                          text("subprotocol"_L1), text("origin"_L1), text("user_agent"_L1)};
        const QJsonObject headers = o.value("headers"_L1).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            open.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
        open.outgoing = text("role"_L1) == u"out";
        open.url = text("url"_L1);
        open.tlsInsecure = text("tls_insecure"_L1);
        open.extensions = text("extensions"_L1);
        open.behaviour = text("behaviour"_L1);
        return open;
    }
    case EventType::MessageIn:
        return payloadFrom<events::MessageIn>(o);
    case EventType::MessageOut:
        return payloadFrom<events::MessageOut>(o);
    case EventType::PingIn:
        return payloadFrom<events::PingIn>(o);
    case EventType::PongIn:
        return payloadFrom<events::PongIn>(o);
    case EventType::PingOut:
        return payloadFrom<events::PingOut>(o);
    case EventType::PongOut:
        return payloadFrom<events::PongOut>(o);
    case EventType::CloseSent:
        return events::CloseSent{
            codeFrom(o.value("code"_L1)),
            enumFromName(o.value("mode"_L1), CloseMode::Shutdown, closeModeName, CloseMode::Close),
            text("reason"_L1)};
    case EventType::CloseReceived:
        return events::CloseReceived{codeFrom(o.value("code"_L1)), text("reason"_L1)};
    case EventType::StateChange:
        return events::StateChange{stateFrom(o.value("from"_L1)), stateFrom(o.value("to"_L1))};
    case EventType::Closed: {
        const auto micros = [&](QLatin1StringView key) {
            const QJsonValue v = o.value(key);
            return v.isDouble() ? v.toInteger() : qint64(-1);
        };
        events::Closed closed{codeFrom(o.value("code"_L1)),
                              enumFromName(o.value("how"_L1), HowEnded::ProtocolError, howEndedName,
                                           HowEnded::Handshake),
                              text("tcp_closed_by"_L1) == "client"_L1,
                              enumFromName(o.value("initiated_by"_L1), Initiator::Client,
                                           initiatorName, Initiator::None),
                              micros("close_handshake_us"_L1),
                              text("reason"_L1)};
        // A Close was sent when either field is there (an empty Close has
        // a null code and a "" reason); logs from before these fields have
        // neither.
        closed.closeSent =
            o.value("sent_reason"_L1).isString() || o.value("sent_code"_L1).isDouble();
        closed.sentCode = codeFrom(o.value("sent_code"_L1));
        closed.sentReason = text("sent_reason"_L1);
        closed.ackDelayUs = micros("ack_delay_us"_L1);
        return closed;
    }
    case EventType::Error:
        return events::Error{text("message"_L1)};
    case EventType::NotRelayed: {
        const QString type = text("type"_L1);
        return events::NotRelayed{type == "binary"_L1 ? MessageType::Binary : MessageType::Text,
                                  type == "control"_L1, o.value("size"_L1).toInteger(),
                                  text("reason"_L1)};
    }
    case EventType::Result:
        return events::Result{o.contains("id"_L1) ? rawJsonFrom(o.value("id"_L1)) : QByteArray(),
                              o.value("ok"_L1).toBool(), text("error"_L1),
                              o.contains("data"_L1) ? rawJsonFrom(o.value("data"_L1))
                                                    : QByteArray()};
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

std::optional<Event> eventFromJson(const QJsonObject &o, QString *error)
{
    const QString name = o.value("event"_L1).toString();
    const std::optional<EventType> type = eventTypeFromName(name);
    if (!type) {
        if (error) {
            *error =
                name.isEmpty()
                    ? QCoreApplication::translate("EventJson", "the object has no \"event\"")
                    : QCoreApplication::translate("EventJson", "unknown event \"%1\"").arg(name);
        }
        return std::nullopt;
    }

    Event e = eventFieldsFromJson(*type, o);
    e.seq = quint64(o.value("seq"_L1).toInteger());
    e.tUs = o.value("t_us"_L1).toInteger();
    e.wallUs = parseIsoTime(o.value("time"_L1).toString()).value_or(0);
    e.conn = quint32(o.value("conn"_L1).toInteger());
    if (e.conn != 0) {
        e.state = stateFrom(o.value("state"_L1));
        const QString leg = o.value("leg"_L1).toString();
        e.leg = leg == "client"_L1   ? server::Leg::Client
                : leg == "server"_L1 ? server::Leg::Server
                                     : server::Leg::None;
        if (e.leg != server::Leg::None)
            e.pair = quint32(o.value("pair"_L1).toInteger());
    } else if (e.is(EventType::Closed))
        e.state = stateFrom(o.value("final"_L1));
    return e;
}

} // namespace closecall::monitor
