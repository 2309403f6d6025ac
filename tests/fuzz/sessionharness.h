#pragma once

// The checking side of fuzz_session: a SessionSink that records every event
// of a server-role Session and checks the invariants listed at the top of
// fuzz_session.cpp after each one, and a client-role reader of the
// session's output (PeerSink). fuzz_session.cpp holds the byte-script
// interpreter that drives it.

#include "fuzzsupport.h"

#include "protocol/closecodes.h"
#include "protocol/frameparser.h"
#include "protocol/session.h"
#include "protocol/utf8validator.h"

#include <QtCore/QList>
#include <QtCore/QString>

#include <cstdint>
#include <cstdio>
#include <optional>

namespace closecall::fuzz {

using namespace closecall::protocol;
using Kind = SessionEvent::Kind;

// CLOSECALL_FUZZ_TRACE=1 prints every operation and event (to read a reproducer).
inline const bool kTrace = qEnvironmentVariableIsSet("CLOSECALL_FUZZ_TRACE");

inline const char *kindName(Kind k)
{
    switch (k) {
    case Kind::StateChanged:
        return "StateChanged";
    case Kind::MessageIn:
        return "MessageIn";
    case Kind::MessageOut:
        return "MessageOut";
    case Kind::PingIn:
        return "PingIn";
    case Kind::PongIn:
        return "PongIn";
    case Kind::PingOut:
        return "PingOut";
    case Kind::PongOut:
        return "PongOut";
    case Kind::CloseReceived:
        return "CloseReceived";
    case Kind::CloseSent:
        return "CloseSent";
    case Kind::ProtocolError:
        return "ProtocolError";
    case Kind::Violation:
        return "Violation";
    case Kind::Ended:
        return "Ended";
    }
    return "?";
}

inline bool isTerminal(State s)
{
    return s == State::Closed || s == State::Aborted;
}

// docs/close-semantics.md "States".
inline bool legalTransition(State from, State to)
{
    if (isTerminal(from))
        return false;
    if (to == State::Aborted)
        return true;
    switch (from) {
    case State::Connecting:
        return to == State::Open;
    case State::Open:
        return to == State::CloseSent || to == State::CloseReceived;
    case State::CloseSent:
        return to == State::Closed;
    case State::CloseReceived:
        return to == State::Closed;
    default:
        return false;
    }
}

// A copy of an event (its payload view dies with the callback).
struct Recorded
{
    Kind kind;
    State state;
    State to;
    MessageType messageType;
    PostClose postClose;
    CloseMode mode;
    HowEnded how;
    TransportAction transport;
    CloseCode code;
    QByteArray payload;
};

// What the peer would read from our output.
class PeerSink final : public FrameSink
{
public:
    struct Frame
    {
        Opcode opcode;
        QByteArray payload;
    };
    void onMessage(MessageType type, QByteArrayView payload, int frames) override
    {
        FUZZ_CHECK(frames == 1, "we sent a fragmented message");
        frames_.append(
            {type == MessageType::Text ? Opcode::Text : Opcode::Binary, payload.toByteArray()});
    }
    void onControl(Opcode opcode, QByteArrayView payload) override
    {
        frames_.append({opcode, payload.toByteArray()});
    }
    void onProtocolError(quint16 code, const QString &why) override
    {
        std::fprintf(stderr, "peer parser: %d %s\n", int(code), qPrintable(why));
        FUZZ_CHECK(false, "our output is not a valid stream of server frames");
    }
    QList<Frame> frames_;
};

class Harness final : public SessionSink
{
public:
    Harness()
        : session(Role::Server, *this)
        , m_peer(Role::Client, quint64(1) << 40)
    {}

    Session session;

    // ---- the sink: checks that need only the event stream -------------------
    void onSessionEvent(const SessionEvent &ev) override
    {
        if (m_ended) {
            std::fprintf(stderr, "event %s after Ended\n", kindName(ev.kind));
            FUZZ_CHECK(false, "an event after Ended");
        }
        if (ev.state != m_state) {
            std::fprintf(stderr, "event %s carries state %s, the session is in %s\n",
                         kindName(ev.kind), stateName(ev.state).data(), stateName(m_state).data());
            FUZZ_CHECK(false, "an event carries the wrong state (R16)");
        }
        if (kTrace)
            std::fprintf(stderr, "    event %s in %s: to=%s code=%d len=%lld post=%d mode=%d\n",
                         kindName(ev.kind), stateName(ev.state).data(), stateName(ev.to).data(),
                         ev.code ? int(*ev.code) : -1, qlonglong(ev.payload.size()),
                         int(ev.postClose), int(ev.mode));
        m_opEvents.append({ev.kind, ev.state, ev.to, ev.messageType, ev.postClose, ev.mode, ev.how,
                           ev.transport, ev.code, ev.payload.toByteArray()});

        switch (ev.kind) {
        case Kind::StateChanged:
            if (!legalTransition(m_state, ev.to)) {
                std::fprintf(stderr, "%s -> %s\n", stateName(m_state).data(),
                             stateName(ev.to).data());
                FUZZ_CHECK(false, "a state change off the legal graph");
            }
            m_state = ev.to;
            break;
        case Kind::MessageIn:
            FUZZ_CHECK(m_state == State::Open || m_state == State::CloseSent,
                       "a message delivered outside Open/CloseSent");
            FUZZ_CHECK(!m_closeReceived, "a message delivered after the peer's Close (R13)");
            FUZZ_CHECK(!m_protocolError, "a message read after a protocol error");
            if (!m_closeSent) {
                FUZZ_CHECK(ev.postClose == PostClose::None, "post-close flag before our Close");
            } else if (m_ourMode == CloseMode::CloseOutput) {
                FUZZ_CHECK(ev.postClose == PostClose::Delivered,
                           "Close Output: data after our Close must be `delivered` (R3)");
            } else {
                FUZZ_CHECK(ev.postClose == PostClose::Discarded,
                           "Close: data after our Close must be `discarded` (R2)");
            }
            break;
        case Kind::PingIn:
        case Kind::PongIn:
            FUZZ_CHECK(!m_closeReceived, "a control frame accepted after the peer's Close (R13)");
            FUZZ_CHECK(!m_protocolError, "a frame read after a protocol error");
            FUZZ_CHECK(ev.payload.size() <= 125, "");
            if (ev.kind == Kind::PingIn && session.options().autoPong &&
                (m_state == State::Open || m_state == State::CloseSent))
                m_expectedPongs.append(ev.payload.toByteArray());
            break;
        case Kind::CloseReceived:
            FUZZ_CHECK(!m_closeReceived, "a second CloseReceived");
            FUZZ_CHECK(!m_protocolError, "a Close read after a protocol error");
            FUZZ_CHECK(!ev.code || isValidReceivedCloseCode(*ev.code),
                       "a Close with an invalid code was accepted");
            m_closeReceived = true;
            m_receivedCode = ev.code;
            if (!m_closeSent && m_initiator == Initiator::None)
                m_initiator = Initiator::Client;
            if (m_state == State::Open && session.options().autoAcknowledge)
                m_expectedAck.emplace(ev.code); // an empty Close is answered with an empty one
            break;
        case Kind::CloseSent:
            FUZZ_CHECK(!m_closeSent, "a second Close sent");
            FUZZ_CHECK(m_state == State::Open || m_state == State::CloseReceived,
                       "a Close sent outside Open/CloseReceived");
            m_closeSent = true;
            m_ourMode = ev.mode;
            if (m_initiator == Initiator::None)
                m_initiator = Initiator::Server;
            break;
        case Kind::ProtocolError:
            FUZZ_CHECK(ev.code && (*ev.code == 1002 || *ev.code == 1007 || *ev.code == 1009),
                       "a protocol error answered with a code other than 1002/1007/1009");
            m_protocolError = true;
            break;
        case Kind::Ended:
            FUZZ_CHECK(isTerminal(ev.to), "Ended in a non-final state");
            FUZZ_CHECK(ev.to == m_state, "Ended without the state change to its final state");
            m_ended = true;
            ++m_endedCount;
            checkEnded(ev);
            break;
        case Kind::MessageOut:
        case Kind::PingOut:
        case Kind::PongOut:
        case Kind::Violation:
            break;
        }
    }

    void checkEnded(const SessionEvent &ev)
    {
        if (ev.to == State::Closed) {
            FUZZ_CHECK(m_closeSent && m_closeReceived, "Closed without both Close frames");
            FUZZ_CHECK(ev.how == HowEnded::Handshake, "Closed, but how is not `handshake`");
            // RFC 6455 §7.1.1: the server closes TCP first (R7).
            FUZZ_CHECK(ev.transport == TransportAction::CloseNow, "server did not close TCP first");
        } else {
            FUZZ_CHECK(ev.how != HowEnded::Handshake, "Aborted, but how is `handshake`");
        }
        switch (ev.how) {
        case HowEnded::Abort:
        case HowEnded::Timeout:
            FUZZ_CHECK(ev.to == State::Aborted, "");
            FUZZ_CHECK(ev.transport == TransportAction::Reset, "abort without a TCP reset (R8)");
            break;
        case HowEnded::PeerEof:
        case HowEnded::PeerReset:
            FUZZ_CHECK(ev.to == State::Aborted, "");
            FUZZ_CHECK(ev.transport == TransportAction::None, "the transport is already gone");
            break;
        default:
            break;
        }
        FUZZ_CHECK(ev.initiator == m_initiator, "Ended names the wrong initiator");
        FUZZ_CHECK(session.initiator() == m_initiator, "");
    }

    // ---- per-operation bookkeeping ------------------------------------------
    void beginOp()
    {
        m_opEvents.clear();
        m_expectedPongs.clear();
        m_expectedAck.reset();
        m_stateBefore = session.state();
        FUZZ_CHECK(m_stateBefore == m_state, "");
        FUZZ_CHECK(!session.hasOutput(), "");
    }

    // A refused operation: nothing written, nothing changed.
    void checkRefused(const Refused &why, const char *op)
    {
        if (!why) {
            std::fprintf(stderr, "%s accepted in %s\n", op, stateName(m_stateBefore).data());
            FUZZ_CHECK(false, "an operation was accepted that the rules refuse");
        }
        FUZZ_CHECK(!session.hasOutput(), "a refused operation wrote bytes");
        FUZZ_CHECK(session.state() == m_stateBefore, "a refused operation changed the state");
        FUZZ_CHECK(m_opEvents.isEmpty(), "a refused operation emitted events");
    }

    void checkAccepted(const Refused &why, const char *op)
    {
        if (why) {
            std::fprintf(stderr, "%s refused in %s: %s\n", op, stateName(m_stateBefore).data(),
                         qPrintable(RefusalText::sentence(why)));
            FUZZ_CHECK(false, "an operation was refused that the rules allow");
        }
    }

    void endOp()
    {
        FUZZ_CHECK(session.state() == m_state, "state() differs from the reported transitions");
        FUZZ_CHECK(session.isEnded() == m_ended, "isEnded() differs from the Ended event");
        FUZZ_CHECK(m_endedCount <= 1, "");
        FUZZ_CHECK(session.closeSent() == m_closeSent, "closeSent() differs from the events");
        FUZZ_CHECK(session.closeReceived() == m_closeReceived,
                   "closeReceived() differs from the events");
        if (m_closeSent)
            FUZZ_CHECK(session.closeMode() == m_ourMode, "");

        // Our output: parse it as the peer would and match it to the events.
        QByteArray out = session.output();
        session.output().clear();
        m_peerSink.frames_.clear();
        m_peer.feed(out.data(), out.size(), m_peerSink);
        qsizetype f = 0;
        for (const Recorded &r : m_opEvents) {
            std::optional<Opcode> want;
            switch (r.kind) {
            case Kind::MessageOut:
                want = r.messageType == MessageType::Text ? Opcode::Text : Opcode::Binary;
                break;
            case Kind::PingOut:
                want = Opcode::Ping;
                break;
            case Kind::PongOut:
                want = Opcode::Pong;
                break;
            case Kind::CloseSent:
                want = Opcode::Close;
                break;
            default:
                break;
            }
            if (!want)
                continue;
            FUZZ_CHECK(f < m_peerSink.frames_.size(),
                       "an *Out event without its frame in output()");
            const PeerSink::Frame &fr = m_peerSink.frames_[f++];
            FUZZ_CHECK(fr.opcode == *want, "output() frames are not in event order");
            if (*want == Opcode::Close) {
                const ReceivedClose rc = parseClosePayload(fr.payload);
                FUZZ_CHECK(rc.errorCode == 0, "we sent an invalid Close payload");
                FUZZ_CHECK(rc.code == r.code, "CloseSent's code differs from the frame");
            } else if (!r.payload.isEmpty() || *want != Opcode::Pong) {
                FUZZ_CHECK(fr.payload == r.payload,
                           "an *Out event's payload differs from the frame");
            }
            if (m_closeInOutput)
                FUZZ_CHECK(*want == Opcode::Pong || *want == Opcode::Ping,
                           "a frame other than Pong/Ping after our Close");
            if (*want == Opcode::Close)
                m_closeInOutput = true;
        }
        FUZZ_CHECK(f == m_peerSink.frames_.size(), "a frame in output() without its event");

        // Auto-pong: every Ping answered in order with the same payload.
        qsizetype p = 0;
        for (const Recorded &r : m_opEvents) {
            if (r.kind == Kind::PongOut && p < m_expectedPongs.size()) {
                FUZZ_CHECK(r.payload == m_expectedPongs[p], "a Pong that does not echo the Ping");
                ++p;
            }
        }
        FUZZ_CHECK(p == m_expectedPongs.size(), "a Ping was not answered with automatic pong");

        // Automatic acknowledge (R5): echo the code, or an empty Close.
        if (m_expectedAck) {
            bool acked = false;
            for (const Recorded &r : m_opEvents) {
                if (r.kind == Kind::CloseSent) {
                    FUZZ_CHECK(r.mode == CloseMode::Ack, "the automatic answer is not mode `ack`");
                    FUZZ_CHECK(r.code == *m_expectedAck,
                               "the automatic answer does not echo the code (R5)");
                    acked = true;
                }
            }
            FUZZ_CHECK(acked, "automatic acknowledge did not answer the peer's Close");
            FUZZ_CHECK(m_state == State::Closed, "automatic acknowledge did not end Closed");
        }

        // After a protocol error our Close goes out with its code, if it can.
        for (const Recorded &r : m_opEvents) {
            if (r.kind != Kind::ProtocolError)
                continue;
            bool sent = false;
            for (const Recorded &s : m_opEvents)
                sent |= s.kind == Kind::CloseSent && s.mode == CloseMode::ProtocolError &&
                        s.code == r.code;
            if (r.state == State::Open)
                FUZZ_CHECK(sent, "a protocol error in Open without our Close carrying its code");
        }
    }

    // The In-events of the last operation, for the frame-level expectations.
    QList<Recorded> inEvents() const
    {
        QList<Recorded> out;
        for (const Recorded &r : m_opEvents) {
            if (r.kind == Kind::MessageIn || r.kind == Kind::PingIn || r.kind == Kind::PongIn ||
                r.kind == Kind::CloseReceived || r.kind == Kind::ProtocolError)
                out.append(r);
        }
        return out;
    }

    State state() const { return m_state; }
    bool closeReceivedSeen() const { return m_closeReceived; }
    bool protocolErrorSeen() const { return m_protocolError; }
    bool ended() const { return m_ended; }

private:
    State m_state = State::Connecting;
    State m_stateBefore = State::Connecting;
    bool m_ended = false;
    int m_endedCount = 0;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    CloseCode m_receivedCode;
    bool m_protocolError = false;
    bool m_closeInOutput = false;
    CloseMode m_ourMode = CloseMode::Close;
    Initiator m_initiator = Initiator::None;
    QList<Recorded> m_opEvents;
    QList<QByteArray> m_expectedPongs;
    std::optional<CloseCode> m_expectedAck; // set: the automatic answer must carry this code
    FrameParser m_peer;
    PeerSink m_peerSink;
};

} // namespace closecall::fuzz
