#pragma once

// Test helpers for the session: a sink that records every event (copying
// the payload views), a client-side frame builder, and a reader for the
// frames the session wrote.

#include "protocol/closecodes.h"
#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/refusal.h"
#include "protocol/session.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtTest/QTest>

#include <optional>

namespace closecall::protocol {
// QCOMPARE prints a refusal in its words ("none" when nothing was refused).
inline char *toString(const Refused &why)
{
    return QTest::toString(why ? RefusalText::sentence(why) : QStringLiteral("none"));
}
} // namespace closecall::protocol

namespace closecall::test {

using namespace protocol;

struct RecordedEvent
{
    SessionEvent::Kind kind;
    State state;
    State to;
    MessageType messageType;
    PostClose postClose;
    CloseMode mode;
    HowEnded how;
    Initiator initiator;
    TransportAction transport;
    CloseCode code;
    QByteArray payload;
    QString text;
    qint64 wireBytes = -1; // MessageIn/Out: compressed size on the wire, -1 = not compressed

    // Compact and comparable: what R14 compares across splits.
    QString summary() const
    {
        return QStringLiteral("%1/%2/%3/%4/%5/%6/%7/%8/%9/")
                   .arg(int(kind))
                   .arg(int(state))
                   .arg(int(to))
                   .arg(int(messageType))
                   .arg(int(postClose))
                   .arg(int(mode))
                   .arg(int(how))
                   .arg(int(initiator))
                   .arg(int(transport)) +
               (code ? QString::number(*code) : QStringLiteral("-")) + u'/' +
               QString::fromLatin1(payload.toHex()) + u'/' + text +
               (wireBytes >= 0 ? QStringLiteral("/wire=") + QString::number(wireBytes) : QString());
    }
};

class SessionRecorder final : public SessionSink
{
public:
    void onSessionEvent(const SessionEvent &e) override
    {
        events.append({e.kind, e.state, e.to, e.messageType, e.postClose, e.mode, e.how,
                       e.initiator, e.transport, e.code, e.payload.toByteArray(), e.text,
                       e.wireBytes});
    }

    QList<RecordedEvent> ofKind(SessionEvent::Kind kind) const
    {
        QList<RecordedEvent> out;
        for (const RecordedEvent &e : events)
            if (e.kind == kind)
                out.append(e);
        return out;
    }
    int count(SessionEvent::Kind kind) const { return int(ofKind(kind).size()); }
    QStringList summaries() const
    {
        QStringList out;
        for (const RecordedEvent &e : events)
            out.append(e.summary());
        return out;
    }

    QList<RecordedEvent> events;
};

// A frame as a client sends it: masked with a fixed key so tests are repeatable.
inline QByteArray clientFrame(Opcode op, QByteArrayView payload, bool fin = true)
{
    QByteArray out;
    framewriter::appendFrame(out, Role::Client, op, payload, fin, quint32(0x37fa213d));
    return out;
}

inline QByteArray clientText(const QString &text)
{
    return clientFrame(Opcode::Text, text.toUtf8());
}

inline QByteArray clientClose(CloseCode code, const QString &reason = {})
{
    return clientFrame(Opcode::Close, buildClosePayload(code, reason));
}

struct WrittenFrame
{
    Opcode opcode;
    QByteArray payload;
};

// Parses what a server-role session wrote, as its client peer would.
inline QList<WrittenFrame> framesWritten(QByteArray bytes)
{
    struct Sink final : FrameSink
    {
        QList<WrittenFrame> frames;
        QString error;
        void onMessage(MessageType t, QByteArrayView p, int) override
        {
            frames.append(
                {t == MessageType::Text ? Opcode::Text : Opcode::Binary, p.toByteArray()});
        }
        void onControl(Opcode op, QByteArrayView p) override
        {
            frames.append({op, p.toByteArray()});
        }
        void onProtocolError(quint16, const QString &why) override { error = why; }
    } sink;
    FrameParser parser(Role::Client);
    parser.feed(bytes.data(), bytes.size(), sink);
    Q_ASSERT_X(sink.error.isEmpty(), "framesWritten", qPrintable(sink.error));
    return sink.frames;
}

// A transport action by name, "-" for none (QCOMPARE prints strings).
inline QString actionName(std::optional<protocol::TransportAction> action)
{
    using protocol::TransportAction;
    if (!action)
        return QStringLiteral("-");
    switch (*action) {
    case TransportAction::None:
        return QStringLiteral("None");
    case TransportAction::CloseNow:
        return QStringLiteral("CloseNow");
    case TransportAction::AwaitPeerClose:
        return QStringLiteral("AwaitPeerClose");
    case TransportAction::Reset:
        return QStringLiteral("Reset");
    }
    return {};
}

} // namespace closecall::test
