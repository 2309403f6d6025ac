// Fuzzes Session (app/protocol/session.h), server role, driven by a byte
// script: each operation is one byte (and its arguments) — receive raw bytes,
// receive a frame built from the script, Close / Close Output with some code
// and reason, send text or binary, ping, abort, transport closed, toggle
// automatic acknowledge / pong, change the message size limit.
//
// Checked after every event and operation (CLOSE-SEMANTICS.md):
//  - state changes only along the legal graph, each event carries the state
//    it happened in (R16), nothing after Ended, Ended exactly once when ended;
//  - operations are refused exactly when the rules say (R10, R11), and a
//    refusal writes nothing and changes nothing;
//  - every frame in output() is a well-formed server frame matching the
//    *Out / CloseSent events in order, and after our Close only Pongs follow;
//  - data after our Close is `discarded` (Close) or `delivered` (Close
//    Output) (R2, R3); nothing is delivered after the peer's Close (R13);
//    automatic acknowledge echoes the code (R5); auto-pong echoes the payload;
//  - while the script has only sent whole frames, the frames' expected
//    effect (message, ping, Close, or protocol error code: R12) is checked.

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

using namespace closecall::protocol;
using closecall::fuzz::Reader;
using Kind = SessionEvent::Kind;

namespace {

// CLOSECALL_FUZZ_TRACE=1 prints every operation and event (to read a reproducer).
const bool kTrace = qEnvironmentVariableIsSet("CLOSECALL_FUZZ_TRACE");

const char *kindName(Kind k)
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

bool isTerminal(State s)
{
    return s == State::Closed || s == State::Aborted;
}

// CLOSE-SEMANTICS.md "States".
bool legalTransition(State from, State to)
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

// ---- the script's vocabulary ---------------------------------------------

constexpr quint16 kCodes[] = {1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007,
                              1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015,
                              1016, 2999, 3000, 4999, 5000, 0,    999,  65535};

CloseCode pickCode(Reader &in)
{
    const quint8 b = in.byte();
    if (b % 8 == 7)
        return CloseCode(); // Empty
    if (b % 8 == 6)
        return CloseCode(in.u16());
    return CloseCode(kCodes[(b >> 3) % std::size(kCodes)]);
}

QString pickReason(Reader &in)
{
    using namespace Qt::StringLiterals;
    const quint8 b = in.byte();
    switch (b % 6) {
    case 0:
        return {};
    case 1:
        return u"bye"_s;
    case 2:
        return QString(41, QChar(0x20AC)); // "€" x 41 = 123 bytes: accepted (R10)
    case 3:
        return QString(41, QChar(0x20AC)) + u"x"_s; // 124 bytes: refused
    case 4:
        return QString(62, QChar(0xE5)); // "å" x 62 = 124 bytes: refused
    default:
        return QString::fromUtf8(in.bytes(b >> 3));
    }
}

// Expected effect of one whole frame from the peer, while the stream is clean.
struct FrameModel
{
    bool inMessage = false;
    quint64 messageBytes = 0;
    QByteArray message;
    Utf8Validator utf8;
    bool text = false;
};

struct Expected
{
    enum Type : quint8 { Nothing, Message, Ping, Pong, Close, Error } type = Nothing;
    QByteArray payload;
    CloseCode code;
    QList<quint16> errorCodes;
};

Expected modelFrame(FrameModel &m, quint8 op, bool fin, quint8 rsv, bool masked,
                    const QByteArray &payload, quint64 maxSize)
{
    Expected e;
    const bool control = (op & 0x8) != 0;
    const bool known = op <= 2 || (op >= 8 && op <= 10);
    const quint64 total = (op == 0 && m.inMessage ? m.messageBytes : 0) + quint64(payload.size());
    const bool tooBig = !control && total > maxSize;
    bool headerError = rsv != 0 || !masked || !known;
    if (known && control && (!fin || payload.size() > 125))
        headerError = true;
    if (op == 0 && !m.inMessage)
        headerError = true;
    if ((op == 1 || op == 2) && m.inMessage)
        headerError = true;
    if (headerError || tooBig) {
        e.type = Expected::Error;
        if (headerError)
            e.errorCodes.append(1002);
        if (tooBig)
            e.errorCodes.append(1009);
        return e;
    }
    if (control) {
        if (op == 0x9) {
            e.type = Expected::Ping;
            e.payload = payload;
        } else if (op == 0xA) {
            e.type = Expected::Pong;
            e.payload = payload;
        } else {
            const ReceivedClose rc = parseClosePayload(payload);
            if (rc.errorCode) {
                e.type = Expected::Error;
                e.errorCodes.append(rc.errorCode);
            } else {
                e.type = Expected::Close;
                e.code = rc.code;
            }
        }
        return e;
    }
    if (op != 0) {
        m.inMessage = true;
        m.text = op == 1;
        m.messageBytes = 0;
        m.message.clear();
        m.utf8.reset();
    }
    m.messageBytes += quint64(payload.size());
    m.message += payload;
    if (m.text && (m.utf8.feed(payload) >= 0 || (fin && !m.utf8.isComplete()))) {
        e.type = Expected::Error;
        e.errorCodes.append(1007);
        return e;
    }
    if (fin) {
        m.inMessage = false;
        e.type = Expected::Message;
        e.payload = m.message;
    }
    return e;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Reader in(data, size);
    Harness h;
    Session &s = h.session;

    h.beginOp();
    s.open();
    h.endOp();
    FUZZ_CHECK(s.state() == State::Open, "open() did not open");

    // While only whole frames built here have been received, the session's
    // parser is at a frame boundary and each frame's effect is predictable.
    bool clean = true;
    FrameModel model;
    quint64 maxSize = s.options().maxMessageSize;

    for (int ops = 0; ops < 256 && !in.atEnd(); ++ops) {
        const quint8 op = in.byte();
        h.beginOp();
        const State before = s.state();
        const bool liveBefore = !s.isEnded();
        if (kTrace)
            std::fprintf(stderr, "op %d (%d) in %s\n", op % 12, op, stateName(before).data());
        switch (op % 12) {
        case 0: { // raw bytes from the peer
            QByteArray bytes = in.bytes(in.byte());
            s.receive(bytes);
            clean = false;
            break;
        }
        case 1: { // one frame from the peer, built from the script
            static constexpr quint8 kOps[] = {0x1, 0x2, 0x0, 0x8, 0x9, 0xA, 0x3, 0xB};
            const quint8 hb = in.byte();
            const quint8 mb = in.byte();
            const quint8 opcode = kOps[hb & 7];
            const bool fin = (hb & 0x18) != 0x18;
            const quint8 rsv = (hb & 0xE0) == 0xE0 ? 0x40 : 0;
            const bool masked = (mb & 0x0F) != 0;
            QByteArray payload;
            if (opcode == 0x8 && (mb & 0x30) != 0) {
                const CloseCode c = pickCode(in);
                if (c) {
                    payload.append(char(*c >> 8));
                    payload.append(char(*c & 0xFF));
                    payload += (mb & 0x80) ? in.bytes(in.byte() % 8) : pickReason(in).toUtf8();
                }
            } else {
                const quint8 lb = in.byte();
                const qsizetype len = lb < 200 ? lb : (lb - 199) * 64;
                payload = in.bytes(size_t(len));
                payload.append(QByteArray(len - payload.size(), 'p'));
            }
            if (kTrace)
                std::fprintf(stderr, "  frame op=%x fin=%d rsv=%x masked=%d len=%lld\n", opcode,
                             fin, rsv, masked, qlonglong(payload.size()));
            QByteArray frame;
            closecall::fuzz::encodeFrame(frame, quint8((fin ? 0x80 : 0) | rsv | opcode), payload,
                                         masked, in.u32());
            if (mb & 0x40) { // across two reads (R14)
                const qsizetype cut = in.byte() % (frame.size() + 1);
                QByteArray a = frame.first(cut), b = frame.sliced(cut);
                s.receive(a);
                s.receive(b);
            } else {
                s.receive(frame);
            }
            if (clean && liveBefore && !h.closeReceivedSeen() && !h.protocolErrorSeen()) {
                const Expected e = modelFrame(model, opcode, fin, rsv, masked, payload, maxSize);
                const QList<Recorded> got = h.inEvents();
                bool ok = true;
                switch (e.type) {
                case Expected::Nothing:
                    ok = got.isEmpty();
                    break;
                case Expected::Message:
                    ok = got.size() == 1 && got[0].kind == Kind::MessageIn &&
                         got[0].payload == e.payload;
                    break;
                case Expected::Ping:
                case Expected::Pong:
                    ok = got.size() == 1 &&
                         got[0].kind == (e.type == Expected::Ping ? Kind::PingIn : Kind::PongIn) &&
                         got[0].payload == e.payload;
                    break;
                case Expected::Close:
                    ok = got.size() == 1 && got[0].kind == Kind::CloseReceived &&
                         got[0].code == e.code;
                    break;
                case Expected::Error:
                    ok = got.size() == 1 && got[0].kind == Kind::ProtocolError && got[0].code &&
                         e.errorCodes.contains(*got[0].code);
                    break;
                }
                if (!ok) {
                    std::fprintf(stderr,
                                 "frame op=%x fin=%d rsv=%x masked=%d len=%lld in %s; expected "
                                 "type %d code %lld, got %lld in-events:\n",
                                 opcode, fin, rsv, masked, qlonglong(payload.size()),
                                 stateName(before).data(), int(e.type),
                                 qlonglong(e.errorCodes.value(0)), qlonglong(got.size()));
                    for (const Recorded &r : got)
                        std::fprintf(stderr, "  %s code=%d len=%lld\n", kindName(r.kind),
                                     r.code ? int(*r.code) : -1, qlonglong(r.payload.size()));
                    FUZZ_CHECK(false, "a whole frame did not have its expected effect (R12)");
                }
                if (e.type == Expected::Error || e.type == Expected::Close)
                    clean = false; // the stream is over (error) or drained (peer's Close)
            }
            break;
        }
        case 2: { // Close / Close Output / Shutdown
            const CloseCode code = pickCode(in);
            const QString reason = pickReason(in);
            static constexpr CloseMode kModes[] = {CloseMode::Close, CloseMode::CloseOutput,
                                                   CloseMode::Shutdown};
            const CloseMode mode = kModes[in.byte() % 3];
            const bool valid = validateOutgoingClose(code, reason).isEmpty();
            const Refused why = s.close(code, reason, mode);
            if (valid && (before == State::Open || before == State::CloseReceived)) {
                h.checkAccepted(why, "close");
                FUZZ_CHECK(s.state() == (before == State::Open ? State::CloseSent : State::Closed),
                           "Close went to the wrong state (R1/R6)");
            } else {
                h.checkRefused(why, "close");
            }
            break;
        }
        case 3:
        case 4: { // data from us
            const QByteArray bytes = in.bytes(in.byte());
            const Refused why = (op % 12) == 3 ? s.sendText(QString::fromUtf8(bytes))
                                               : s.sendMessage(MessageType::Binary, bytes);
            if (before == State::Open || before == State::CloseReceived)
                h.checkAccepted(why, "send");
            else
                h.checkRefused(why, "send"); // R11: not after our Close
            break;
        }
        case 5: { // ping
            const QByteArray payload = in.bytes(in.byte() % 140);
            const Refused why = s.ping(payload);
            if (!liveBefore || payload.size() > 125)
                h.checkRefused(why, "ping");
            else if (before == State::Open)
                h.checkAccepted(why, "ping");
            else if (why)
                h.checkRefused(why, "ping");
            break;
        }
        case 6: { // abort / close timeout
            const HowEnded how = (in.byte() & 1) ? HowEnded::Timeout : HowEnded::Abort;
            const Refused why = s.abort(how);
            if (liveBefore) {
                h.checkAccepted(why, "abort");
                FUZZ_CHECK(s.state() == State::Aborted, "abort did not abort");
            } else {
                h.checkRefused(why, "abort");
            }
            break;
        }
        case 7: // TCP gone
            s.transportClosed(in.flag());
            FUZZ_CHECK(s.isEnded(), "transportClosed() left the session running");
            if (liveBefore)
                FUZZ_CHECK(s.state() == State::Aborted,
                           "TCP lost without Close must be Aborted (R9)");
            break;
        case 8:
            s.setAutoAcknowledge(in.flag());
            break;
        case 9:
            s.setAutoPong(in.flag());
            break;
        case 10: { // message size limit
            const quint8 b = in.byte();
            maxSize = b == 0 ? quint64(16) * 1024 * 1024 : quint64(b) * 4;
            s.setMaxMessageSize(maxSize);
            if (model.inMessage)
                clean = false; // whether the old or new limit applies mid-message is open
            break;
        }
        default:
            s.releaseMemory();
            break;
        }
        if (!liveBefore)
            FUZZ_CHECK(h.inEvents().isEmpty(), "frames read after the session ended");
        h.endOp();
    }
    return 0;
}
