#pragma once

// Sample engine events for the monitor tests: one or more of every type,
// as a real run would produce them, and a field-by-field comparison.

#include "monitor/eventjson.h"
#include "server/event.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

namespace samples {

using namespace Qt::StringLiterals;
using closecall::server::Event;
using closecall::server::EventBatch;
using closecall::server::EventType;
namespace protocol = closecall::protocol;

// 2026-11-26T10:44:22.123456Z
inline constexpr qint64 BaseWallUs = 1795689862123456LL;

namespace events = closecall::server::events;

inline Event listening()
{
    return Event(events::Listening{u"127.0.0.1"_s, 9001, false});
}

inline Event handshakeFailed()
{
    return Event(events::HandshakeFailed{u"127.0.0.1:50200"_s, 403,
                                         u"Origin \"http://evil.test\" is not allowed"_s},
                 3, protocol::State::Aborted);
}

// An outgoing connection (CloseCall the client) that never got its 101.
inline Event outgoingHandshakeFailed()
{
    return Event(events::HandshakeFailed{QString(), 0, u"connection refused"_s, true,
                                         u"ws://127.0.0.1:1/x"_s},
                 4, protocol::State::Connecting);
}

// An outgoing connection's open: the headers are the server's 101's.
inline Event outgoingOpen(quint32 conn = 9)
{
    events::Open open;
    open.remote = u"127.0.0.1:9001"_s;
    open.path = u"/chat"_s;
    open.query = u"a=1"_s;
    open.headers = {{"Upgrade", "websocket"}, {"Connection", "Upgrade"}};
    open.outgoing = true;
    open.url = u"ws://127.0.0.1:9001/chat?a=1"_s;
    return Event(std::move(open), conn, protocol::State::Open);
}

inline Event openEvent(quint32 conn = 7)
{
    events::Open open;
    open.remote = u"127.0.0.1:50123"_s;
    open.path = u"/chat room"_s;
    open.query = u"room=1&name=a%20b"_s;
    open.subprotocol = u"chat"_s;
    open.origin = u"http://example.test"_s;
    open.userAgent = u"test-agent/1.0"_s;
    open.headers = {
        {"Host", "127.0.0.1:9001"},
        {"Upgrade", "websocket"},
        {"Connection", "Upgrade"},
        {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
        {"Sec-WebSocket-Version", "13"},
        {"X-Dup", "a"},
        {"x-dup", "b"},
    };
    return Event(std::move(open), conn, protocol::State::Open);
}

template<typename Kind>
Event payloadEvent(quint32 conn, protocol::State state, const QByteArray &payload,
                   protocol::MessageType mt, protocol::PostClose pc)
{
    Kind p;
    p.messageType = mt;
    p.size = payload.size();
    p.preview = payload.left(closecall::server::MaxPreviewBytes);
    p.postClose = pc;
    return Event(std::move(p), conn, state);
}

// A message_*, ping_* or pong_* event.
inline Event message(EventType type, quint32 conn, protocol::State state, QByteArray payload,
                     protocol::MessageType mt = protocol::MessageType::Text,
                     protocol::PostClose pc = protocol::PostClose::None)
{
    switch (type) {
    case EventType::MessageIn:
        return payloadEvent<events::MessageIn>(conn, state, payload, mt, pc);
    case EventType::MessageOut:
        return payloadEvent<events::MessageOut>(conn, state, payload, mt, pc);
    case EventType::PingIn:
        return payloadEvent<events::PingIn>(conn, state, payload, mt, pc);
    case EventType::PongIn:
        return payloadEvent<events::PongIn>(conn, state, payload, mt, pc);
    case EventType::PingOut:
        return payloadEvent<events::PingOut>(conn, state, payload, mt, pc);
    case EventType::PongOut:
        return payloadEvent<events::PongOut>(conn, state, payload, mt, pc);
    default:
        qFatal("samples::message: %s carries no payload",
               closecall::server::eventTypeName(type).data());
    }
}

inline Event closeSent(quint32 conn, protocol::CloseCode code, const QString &reason,
                       protocol::CloseMode mode)
{
    return Event(events::CloseSent{code, mode, reason}, conn, protocol::State::CloseSent);
}

inline Event closeReceived(quint32 conn, protocol::CloseCode code, const QString &reason)
{
    return Event(events::CloseReceived{code, reason}, conn, protocol::State::CloseSent);
}

inline Event stateChange(quint32 conn, protocol::State from, protocol::State to)
{
    return Event(events::StateChange{from, to}, conn, to);
}

inline Event closed(quint32 conn, protocol::State final, protocol::CloseCode code,
                    const QString &reason, protocol::HowEnded how, bool tcpByClient,
                    protocol::Initiator initiator, qint64 handshakeUs)
{
    return Event(events::Closed{code, how, tcpByClient, initiator, handshakeUs, reason}, conn,
                 final);
}

// `closed` with the Close we sent (sent_code, sent_reason) and, when the
// peer closed first, how long its Close waited (ack_delay_us; -1 = null).
inline Event closedAfterSending(Event e, protocol::CloseCode sentCode, const QString &sentReason,
                                qint64 ackDelayUs = -1)
{
    events::Closed fields = e.as<events::Closed>();
    fields.closeSent = true;
    fields.sentCode = sentCode;
    fields.sentReason = sentReason;
    fields.ackDelayUs = ackDelayUs;
    Event out(std::move(fields), e.conn, e.state);
    out.seq = e.seq;
    out.tUs = e.tUs;
    out.wallUs = e.wallUs;
    return out;
}

// The same message_*, ping_* or pong_* event, marked `crossed`.
inline Event crossed(Event e)
{
    closecall::server::visit(
        [&](const auto &fields) {
            using Kind = std::decay_t<decltype(fields)>;
            if constexpr (std::is_base_of_v<events::Payload, Kind>) {
                Kind copy = fields;
                copy.crossed = true;
                e.payload.template emplace<size_t(closecall::server::kindOf<Kind>)>(
                    std::move(copy));
            }
        },
        e);
    return e;
}

inline Event error(quint32 conn, const QString &message)
{
    return Event(events::Error{message}, conn, protocol::State::Open);
}

inline Event result(const QByteArray &id, bool ok, const QString &error, const QByteArray &data)
{
    return Event(events::Result{id, ok, error, data});
}

// Changes fields of an event in place: `change` takes the kind's struct
// (or events::Payload for any message); other kinds fail the test.
template<typename F> void edit(Event &e, F change)
{
    closecall::server::visit(
        [&](const auto &fields) {
            using Kind = std::decay_t<decltype(fields)>;
            if constexpr (std::is_invocable_v<F, Kind &>) {
                Kind copy = fields;
                change(copy);
                e.payload.template emplace<size_t(closecall::server::kindOf<Kind>)>(
                    std::move(copy));
            } else {
                QFAIL("samples::edit: the event is not of the kind the change expects");
            }
        },
        e);
}

// A run with two connections: 7 closed with close output (a post-close
// receive delivered), 8 closed with close (one discarded) that timed out.
inline EventBatch run()
{
    using protocol::MessageType;
    using protocol::PostClose;
    using protocol::State;
    EventBatch b{
        listening(),
        handshakeFailed(),
        openEvent(7),
        message(EventType::MessageIn, 7, State::Open, "hello"),
        message(EventType::MessageOut, 7, State::Open, "hello"),
        message(EventType::MessageIn, 7, State::Open, QByteArray("\x00\x01\x02\xff", 4),
                MessageType::Binary),
        message(EventType::PingIn, 7, State::Open, "ping"),
        message(EventType::PongOut, 7, State::Open, "ping"),
        message(EventType::PingOut, 7, State::Open, QByteArray("\xff\xfe", 2), MessageType::Binary),
        openEvent(8),
        closeSent(7, protocol::closecode::GoingAway, u"deploy"_s, protocol::CloseMode::CloseOutput),
        stateChange(7, State::Open, State::CloseSent),
        crossed(message(EventType::MessageIn, 7, State::CloseSent, "late", MessageType::Text,
                        PostClose::Delivered)),
        closeReceived(7, protocol::closecode::GoingAway, u"bye"_s),
        stateChange(7, State::CloseSent, State::Closed),
        closedAfterSending(closed(7, State::Closed, protocol::closecode::GoingAway, u"deploy"_s,
                                  protocol::HowEnded::PeerEof, false, protocol::Initiator::Server,
                                  1234),
                           protocol::closecode::GoingAway, u"deploy"_s),
        closeSent(8, std::nullopt, QString(), protocol::CloseMode::Close),
        stateChange(8, State::Open, State::CloseSent),
        message(EventType::MessageIn, 8, State::CloseSent, "hello", MessageType::Text,
                PostClose::Discarded),
        stateChange(8, State::CloseSent, State::Aborted),
        closedAfterSending(closed(8, State::Aborted, protocol::closecode::Abnormal, QString(),
                                  protocol::HowEnded::Timeout, false, protocol::Initiator::Server,
                                  -1),
                           std::nullopt, QString()),
        error(0, u"accept failed: too many open files"_s),
        result("3", true, QString(), R"({"n":1,"s":"x"})"),
        result(R"("a")", false, u"unknown connection 99"_s, QByteArray()),
    };
    for (qsizetype i = 0; i < b.size(); ++i) {
        b[i].seq = quint64(i + 1);
        b[i].tUs = 1000 * (i + 1);
        b[i].wallUs = BaseWallUs + 1000 * i;
    }
    return b;
}

// Proxy mode (docs/headless.md "Proxy mode"): the event as one leg of a pair.
inline Event onLeg(Event e, closecall::server::Leg leg, quint32 pair)
{
    e.leg = leg;
    e.pair = pair;
    return e;
}

// A proxied pair: client leg 3 (accepted), server leg 4 (its upstream
// connection). The server's 101 comes first; "hello" and "welcome" are
// relayed; the operator closes the client leg with close_output and the
// client's late message is still relayed; the server's "tick" after that
// is not relayed. A separate run: run()'s counts stay as they are.
inline EventBatch proxyRun()
{
    using closecall::server::Leg;
    using protocol::MessageType;
    using protocol::PostClose;
    using protocol::State;
    const auto client = [](Event e) {
        return onLeg(std::move(e), Leg::Client, 3);
    };
    const auto server = [](Event e) {
        return onLeg(std::move(e), Leg::Server, 3);
    };

    events::Open upstream;
    upstream.remote = u"127.0.0.1:8080"_s;
    upstream.path = u"/app/chat"_s;
    upstream.subprotocol = u"chat.v1"_s;
    upstream.headers = {{"Upgrade", "websocket"}, {"Connection", "Upgrade"}};
    upstream.outgoing = true;
    upstream.url = u"ws://127.0.0.1:8080/app/chat"_s;
    events::Open accepted;
    accepted.remote = u"127.0.0.1:50123"_s;
    accepted.path = u"/chat"_s;
    accepted.subprotocol = u"chat.v1"_s;
    accepted.headers = {
        {"Host", "127.0.0.1:9001"},      {"Upgrade", "websocket"},
        {"Connection", "Upgrade"},       {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
        {"Sec-WebSocket-Version", "13"}, {"Sec-WebSocket-Protocol", "chat.v1"}};

    EventBatch b{
        listening(),
        server(Event(std::move(upstream), 4, State::Open)),
        client(Event(std::move(accepted), 3, State::Open)),
        client(message(EventType::MessageIn, 3, State::Open, "hello")),
        server(message(EventType::MessageOut, 4, State::Open, "hello")),
        server(message(EventType::MessageIn, 4, State::Open, "welcome")),
        client(message(EventType::MessageOut, 3, State::Open, "welcome")),
        client(closeSent(3, protocol::closecode::GoingAway, u"deploy"_s,
                         protocol::CloseMode::CloseOutput)),
        client(message(EventType::MessageIn, 3, State::CloseSent, "late", MessageType::Text,
                       PostClose::Delivered)),
        server(message(EventType::MessageOut, 4, State::Open, "late")),
        server(message(EventType::MessageIn, 4, State::Open, "tick")),
        server(Event(events::NotRelayed{MessageType::Text, false, 4,
                                        u"the client leg already sent its Close"_s},
                     4, State::Open)),
        client(closeReceived(3, protocol::closecode::GoingAway, QString())),
        client(closedAfterSending(closed(3, State::Closed, protocol::closecode::GoingAway,
                                         QString(), protocol::HowEnded::Handshake, true,
                                         protocol::Initiator::Server, 900),
                                  protocol::closecode::GoingAway, u"deploy"_s)),
        server(closed(4, State::Aborted, protocol::closecode::Abnormal, QString(),
                      protocol::HowEnded::Abort, false, protocol::Initiator::None, -1)),
    };
    for (qsizetype i = 0; i < b.size(); ++i) {
        b[i].seq = quint64(i + 1);
        b[i].tUs = 1000 * (i + 1);
        b[i].wallUs = BaseWallUs + 1000 * i;
    }
    return b;
}

inline QJsonObject headersObject(const protocol::HttpHeaders &headers)
{
    QByteArray json;
    closecall::monitor::appendHeadersJson(json, headers);
    return QJsonDocument::fromJson(json).object();
}

// Field by field; the caller checks QTest::currentTestFailed().
inline void compare(const Event &a, const Event &b)
{
    QCOMPARE(a.seq, b.seq);
    QCOMPARE(a.tUs, b.tUs);
    QCOMPARE(a.wallUs, b.wallUs);
    QCOMPARE(a.type(), b.type());
    QCOMPARE(a.conn, b.conn);
    if (a.conn != 0)
        QCOMPARE(a.state, b.state);
    QCOMPARE(a.leg, b.leg);
    QCOMPARE(a.pair, b.pair);
    if (a.type() != b.type())
        return;
    switch (a.type()) {
    case EventType::Listening: {
        const auto &x = a.as<events::Listening>();
        const auto &y = b.as<events::Listening>();
        QCOMPARE(x.address, y.address);
        QCOMPARE(x.port, y.port);
        QCOMPARE(x.tls, y.tls);
        break;
    }
    case EventType::HandshakeFailed: {
        const auto &x = a.as<events::HandshakeFailed>();
        const auto &y = b.as<events::HandshakeFailed>();
        QCOMPARE(x.remote, y.remote);
        QCOMPARE(x.httpStatus, y.httpStatus);
        QCOMPARE(x.reason, y.reason);
        QCOMPARE(x.outgoing, y.outgoing);
        QCOMPARE(x.url, y.url);
        break;
    }
    case EventType::Open: {
        const auto &x = a.as<events::Open>();
        const auto &y = b.as<events::Open>();
        QCOMPARE(x.remote, y.remote);
        QCOMPARE(x.path, y.path);
        QCOMPARE(x.query, y.query);
        QCOMPARE(x.subprotocol, y.subprotocol);
        QCOMPARE(x.origin, y.origin);
        QCOMPARE(x.userAgent, y.userAgent);
        QCOMPARE(headersObject(x.headers), headersObject(y.headers));
        QCOMPARE(x.outgoing, y.outgoing);
        QCOMPARE(x.url, y.url);
        QCOMPARE(x.behaviour, y.behaviour);
        break;
    }
    case EventType::PingIn:
    case EventType::PongIn:
    case EventType::PingOut:
    case EventType::PongOut: {
        const auto &x = *a.messagePayload();
        const auto &y = *b.messagePayload();
        // A control payload has no type on the wire: what matters is how
        // the preview was shown (text, or base64 when not valid UTF-8).
        QCOMPARE(closecall::monitor::previewIsText(a), closecall::monitor::previewIsText(b));
        QCOMPARE(x.size, y.size);
        QCOMPARE(x.preview, y.preview);
        QCOMPARE(x.crossed, y.crossed);
        break;
    }
    case EventType::MessageIn:
    case EventType::MessageOut: {
        const auto &x = *a.messagePayload();
        const auto &y = *b.messagePayload();
        QCOMPARE(x.messageType, y.messageType);
        QCOMPARE(x.size, y.size);
        QCOMPARE(x.preview, y.preview);
        QCOMPARE(x.postClose, y.postClose);
        QCOMPARE(x.crossed, y.crossed);
        break;
    }
    case EventType::CloseSent: {
        const auto &x = a.as<events::CloseSent>();
        const auto &y = b.as<events::CloseSent>();
        QCOMPARE(x.mode, y.mode);
        QCOMPARE(x.code, y.code);
        QCOMPARE(x.reason, y.reason);
        break;
    }
    case EventType::CloseReceived: {
        const auto &x = a.as<events::CloseReceived>();
        const auto &y = b.as<events::CloseReceived>();
        QCOMPARE(x.code, y.code);
        QCOMPARE(x.reason, y.reason);
        break;
    }
    case EventType::StateChange: {
        const auto &x = a.as<events::StateChange>();
        const auto &y = b.as<events::StateChange>();
        QCOMPARE(x.from, y.from);
        QCOMPARE(x.to, y.to);
        break;
    }
    case EventType::Closed: {
        const auto &x = a.as<events::Closed>();
        const auto &y = b.as<events::Closed>();
        QCOMPARE(x.code, y.code);
        QCOMPARE(x.reason, y.reason);
        QCOMPARE(x.how, y.how);
        QCOMPARE(x.tcpClosedByClient, y.tcpClosedByClient);
        QCOMPARE(x.initiatedBy, y.initiatedBy);
        QCOMPARE(x.closeHandshakeUs, y.closeHandshakeUs);
        QCOMPARE(x.closeSent, y.closeSent);
        QCOMPARE(x.sentCode, y.sentCode);
        QCOMPARE(x.sentReason, y.sentReason);
        QCOMPARE(x.ackDelayUs, y.ackDelayUs);
        break;
    }
    case EventType::Error:
        QCOMPARE(a.as<events::Error>().message, b.as<events::Error>().message);
        break;
    case EventType::NotRelayed: {
        const auto &x = a.as<events::NotRelayed>();
        const auto &y = b.as<events::NotRelayed>();
        QCOMPARE(x.messageType, y.messageType);
        QCOMPARE(x.control, y.control);
        QCOMPARE(x.size, y.size);
        QCOMPARE(x.reason, y.reason);
        break;
    }
    case EventType::Result: {
        const auto &x = a.as<events::Result>();
        const auto &y = b.as<events::Result>();
        QCOMPARE(x.id, y.id);
        QCOMPARE(x.ok, y.ok);
        if (!x.ok)
            QCOMPARE(x.error, y.error);
        QCOMPARE(x.data, y.data);
        break;
    }
    }
}

} // namespace samples
