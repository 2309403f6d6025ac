// Fuzzes Session (app/protocol/session.h), server role, driven by a byte
// script: each operation is one byte (and its arguments) — receive raw bytes,
// receive a frame built from the script, Close / Close Output with some code
// and reason, send text or binary, ping, abort, transport closed, toggle
// automatic acknowledge / pong, change the message size limit.
//
// Checked after every event and operation (docs/close-semantics.md):
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

#include "sessionharness.h"

using namespace closecall::protocol;
using namespace closecall::fuzz;
using closecall::fuzz::Reader;
using Kind = SessionEvent::Kind;

namespace {

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
