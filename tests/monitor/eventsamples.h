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

inline Event make(EventType type, quint32 conn = 0, protocol::State state = protocol::State::Open)
{
    Event e;
    e.type = type;
    e.conn = conn;
    e.state = state;
    return e;
}

inline Event listening()
{
    Event e = make(EventType::Listening);
    e.address = u"127.0.0.1"_s;
    e.port = 9001;
    e.tls = false;
    return e;
}

inline Event handshakeFailed()
{
    Event e = make(EventType::HandshakeFailed, 3, protocol::State::Aborted);
    e.remote = u"127.0.0.1:50200"_s;
    e.httpStatus = 403;
    e.reason = u"Origin \"http://evil.test\" is not allowed"_s;
    return e;
}

inline Event openEvent(quint32 conn = 7)
{
    Event e = make(EventType::Open, conn);
    e.remote = u"127.0.0.1:50123"_s;
    e.path = u"/chat room"_s;
    e.query = u"room=1&name=a%20b"_s;
    e.subprotocol = u"chat"_s;
    e.origin = u"http://example.test"_s;
    e.userAgent = u"test-agent/1.0"_s;
    e.headers = {
        {"Host", "127.0.0.1:9001"},
        {"Upgrade", "websocket"},
        {"Connection", "Upgrade"},
        {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
        {"Sec-WebSocket-Version", "13"},
        {"X-Dup", "a"},
        {"x-dup", "b"},
    };
    return e;
}

inline Event message(EventType type, quint32 conn, protocol::State state, QByteArray payload,
                     protocol::MessageType mt = protocol::MessageType::Text,
                     protocol::PostClose pc = protocol::PostClose::None)
{
    Event e = make(type, conn, state);
    e.messageType = mt;
    e.size = payload.size();
    e.preview = payload.left(closecall::server::MaxPreviewBytes);
    e.postClose = pc;
    return e;
}

inline Event closeSent(quint32 conn, protocol::CloseCode code, const QString &reason,
                       protocol::CloseMode mode)
{
    Event e = make(EventType::CloseSent, conn, protocol::State::CloseSent);
    e.code = code;
    e.reason = reason;
    e.mode = mode;
    return e;
}

inline Event closeReceived(quint32 conn, protocol::CloseCode code, const QString &reason)
{
    Event e = make(EventType::CloseReceived, conn, protocol::State::CloseSent);
    e.code = code;
    e.reason = reason;
    return e;
}

inline Event stateChange(quint32 conn, protocol::State from, protocol::State to)
{
    Event e = make(EventType::StateChange, conn, to);
    e.from = from;
    e.to = to;
    return e;
}

inline Event closed(quint32 conn, protocol::State final, protocol::CloseCode code,
                    const QString &reason, protocol::HowEnded how, bool tcpByClient,
                    protocol::Initiator initiator, qint64 handshakeUs)
{
    Event e = make(EventType::Closed, conn, final);
    e.code = code;
    e.reason = reason;
    e.how = how;
    e.tcpClosedByClient = tcpByClient;
    e.initiatedBy = initiator;
    e.closeHandshakeUs = handshakeUs;
    return e;
}

inline Event error(quint32 conn, const QString &message)
{
    Event e = make(EventType::Error, conn, protocol::State::Open);
    e.message = message;
    return e;
}

inline Event result(const QByteArray &id, bool ok, const QString &error, const QByteArray &data)
{
    Event e = make(EventType::Result);
    e.resultId = id;
    e.ok = ok;
    e.message = error;
    e.resultData = data;
    return e;
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
        message(EventType::MessageIn, 7, State::CloseSent, "late", MessageType::Text,
                PostClose::Delivered),
        closeReceived(7, protocol::closecode::GoingAway, u"bye"_s),
        stateChange(7, State::CloseSent, State::Closed),
        closed(7, State::Closed, protocol::closecode::GoingAway, u"deploy"_s,
               protocol::HowEnded::PeerEof, false, protocol::Initiator::Server, 1234),
        closeSent(8, std::nullopt, QString(), protocol::CloseMode::Close),
        stateChange(8, State::Open, State::CloseSent),
        message(EventType::MessageIn, 8, State::CloseSent, "hello", MessageType::Text,
                PostClose::Discarded),
        stateChange(8, State::CloseSent, State::Aborted),
        closed(8, State::Aborted, protocol::closecode::Abnormal, QString(),
               protocol::HowEnded::Timeout, false, protocol::Initiator::Server, -1),
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
    QCOMPARE(a.type, b.type);
    QCOMPARE(a.conn, b.conn);
    if (a.conn != 0)
        QCOMPARE(a.state, b.state);
    switch (a.type) {
    case EventType::Listening:
        QCOMPARE(a.address, b.address);
        QCOMPARE(a.port, b.port);
        QCOMPARE(a.tls, b.tls);
        break;
    case EventType::HandshakeFailed:
        QCOMPARE(a.remote, b.remote);
        QCOMPARE(a.httpStatus, b.httpStatus);
        QCOMPARE(a.reason, b.reason);
        break;
    case EventType::Open:
        QCOMPARE(a.remote, b.remote);
        QCOMPARE(a.path, b.path);
        QCOMPARE(a.query, b.query);
        QCOMPARE(a.subprotocol, b.subprotocol);
        QCOMPARE(a.origin, b.origin);
        QCOMPARE(a.userAgent, b.userAgent);
        QCOMPARE(headersObject(a.headers), headersObject(b.headers));
        break;
    case EventType::PingIn:
    case EventType::PongIn:
    case EventType::PingOut:
    case EventType::PongOut:
        // A control payload has no type on the wire: what matters is how
        // the preview was shown (text, or base64 when not valid UTF-8).
        QCOMPARE(closecall::monitor::previewIsText(a), closecall::monitor::previewIsText(b));
        QCOMPARE(a.size, b.size);
        QCOMPARE(a.preview, b.preview);
        break;
    case EventType::MessageIn:
    case EventType::MessageOut:
        QCOMPARE(a.messageType, b.messageType);
        QCOMPARE(a.size, b.size);
        QCOMPARE(a.preview, b.preview);
        QCOMPARE(a.postClose, b.postClose);
        break;
    case EventType::CloseSent:
        QCOMPARE(a.mode, b.mode);
        Q_FALLTHROUGH();
    case EventType::CloseReceived:
        QCOMPARE(a.code, b.code);
        QCOMPARE(a.reason, b.reason);
        break;
    case EventType::StateChange:
        QCOMPARE(a.from, b.from);
        QCOMPARE(a.to, b.to);
        break;
    case EventType::Closed:
        QCOMPARE(a.code, b.code);
        QCOMPARE(a.reason, b.reason);
        QCOMPARE(a.how, b.how);
        QCOMPARE(a.tcpClosedByClient, b.tcpClosedByClient);
        QCOMPARE(a.initiatedBy, b.initiatedBy);
        QCOMPARE(a.closeHandshakeUs, b.closeHandshakeUs);
        break;
    case EventType::Error:
        QCOMPARE(a.message, b.message);
        break;
    case EventType::Result:
        QCOMPARE(a.resultId, b.resultId);
        QCOMPARE(a.ok, b.ok);
        if (!a.ok)
            QCOMPARE(a.message, b.message);
        QCOMPARE(a.resultData, b.resultData);
        break;
    }
}

} // namespace samples
