#include "refusal.h"

#include "closecodes.h"

namespace closecall::protocol {

QString RefusalText::operationText(Operation op)
{
    switch (op) {
    case Operation::Send:
        return tr("send data");
    case Operation::Ping:
        return tr("send a Ping");
    case Operation::Close:
        return tr("close");
    case Operation::Abort:
        return tr("abort");
    }
    return {};
}

namespace {

// Why a close code may not be sent [R10], in words a person can act on.
QString codeNotSendable(quint16 code)
{
    switch (code) {
    case closecode::Reserved1004:
        return RefusalText::tr("1004 is reserved (RFC 6455 §7.4.1) and may not be sent. Pick "
                               "another code, e.g. 1000 or 1001.");
    case closecode::NoStatusReceived:
        return RefusalText::tr("1005 (No Status Rcvd) may not be sent as a number (RFC 6455 "
                               "§7.4.1); use Empty to send a Close frame with no status code.");
    case closecode::Abnormal:
        return RefusalText::tr(
            "1006 (Abnormal Closure) only reports a connection that ended without a Close frame "
            "and may not be sent (RFC 6455 §7.4.1); use Abort to end the connection without a "
            "Close.");
    case closecode::TlsHandshake:
        return RefusalText::tr("1015 (TLS handshake) only reports a failed TLS handshake and may "
                               "not be sent (RFC 6455 §7.4.1). Pick another code, e.g. 1011.");
    default:
        break;
    }
    if (code < closecode::Normal)
        return RefusalText::tr("%1 is not a usable close code: 0-999 are never used (RFC 6455 "
                               "§7.4.2). Pick 1000-1003, 1007-1014 or 3000-4999.")
            .arg(code);
    if (code < 3000)
        return RefusalText::tr("%1 is not registered with IANA (1016-2999 are reserved for future "
                               "use) and may not be sent. Pick a registered code (1000-1014) or "
                               "3000-4999.")
            .arg(code);
    return RefusalText::tr("%1 is out of range: close codes end at 4999 (RFC 6455 §7.4.2). Use "
                           "4000-4999 for a private code.")
        .arg(code);
}

} // namespace

QString RefusalText::sentence(const Refused &why, const QString &subject)
{
    switch (why.refusal) {
    case Refusal::None:
        return {};
    case Refusal::NotInState:
        switch (why.state) {
        case State::Connecting:
            return tr("cannot %1: the connection is still Connecting")
                .arg(operationText(why.operation));
        case State::CloseSent:
            return tr("cannot %1: our Close is already sent (CloseSent)")
                .arg(operationText(why.operation));
        case State::Closed:
            return tr("cannot %1: the connection is Closed").arg(operationText(why.operation));
        case State::Aborted:
            return tr("cannot %1: the connection was Aborted").arg(operationText(why.operation));
        case State::Open:
        case State::CloseReceived:
            break;
        }
        return tr("cannot %1 in state %2").arg(operationText(why.operation), stateName(why.state));
    case Refusal::CloseAlreadySent:
        return tr("our Close is already sent (CloseSent); waiting for the peer's Close");
    case Refusal::NotUpgraded:
        return tr("cannot %1: the upgrade failed").arg(operationText(why.operation));
    case Refusal::TextNotUtf8:
        return tr("a text message must be valid UTF-8");
    case Refusal::TextLoneSurrogate:
        return tr("the text is not valid UTF-16 (a lone surrogate)");
    case Refusal::PingTooLarge:
        return tr("ping payload is %1 bytes; the limit is %2 (RFC 6455 §5.5)")
            .arg(why.size)
            .arg(125);
    case Refusal::EmptyCloseWithReason:
        return tr("An Empty close has no status code, so it cannot carry a description; "
                  "clear the description or pick a code such as 1000.");
    case Refusal::CodeNotSendable:
        return codeNotSendable(why.code);
    case Refusal::ReasonLoneSurrogate:
        return tr("reason is not valid text: it has an unpaired UTF-16 surrogate at "
                  "character %1; remove it.")
            .arg(why.size);
    case Refusal::ReasonTooLong:
        return tr("reason is %1 bytes of UTF-8; the limit is %2. Shorten it (letters "
                  "outside ASCII take 2 to 4 bytes each).")
            .arg(why.size)
            .arg(MaxCloseReasonBytes);
    case Refusal::CloseModeInvalid:
        return tr("close mode must be close or close_output, not %1").arg(closeModeName(why.mode));
    case Refusal::IllegalTransition:
        return tr("illegal state transition %1 → %2 refused")
            .arg(stateName(why.state), stateName(why.to));
    case Refusal::NoSuchConnection:
        return tr("no connection %1").arg(why.connection);
    case Refusal::ConnectionEnded:
        return why.stateKnown ? tr("the connection has ended (%1)").arg(stateName(why.state))
                              : tr("the connection has ended");
    case Refusal::NoConnectionNamed:
        return tr("no connection was named");
    case Refusal::ServerStopped:
        return tr("the server is stopped");
    case Refusal::ShuttingDown:
        return tr("the server is shutting down; %1 was not carried out").arg(subject);
    case Refusal::ExportOverLogFile:
        return tr("%1 is the --log-file being written; export to another file").arg(subject);
    case Refusal::ExportUnavailable:
        return tr("export is not available here: use File > Export Log…");
    }
    return {};
}

QString RefusalText::forConnection(quint32 id, const Refused &why)
{
    switch (why.refusal) {
    case Refusal::CloseAlreadySent:
        return tr("Connection %1 is already CloseSent.").arg(id);
    case Refusal::NotInState:
        switch (why.state) {
        case State::Connecting:
            return tr("Connection %1 is still Connecting.").arg(id);
        case State::CloseSent:
            return tr("Connection %1 is CloseSent: nothing may follow our Close.").arg(id);
        case State::Closed:
        case State::Aborted:
            return tr("Connection %1 has ended (%2).").arg(id).arg(stateName(why.state));
        case State::Open:
        case State::CloseReceived:
            break;
        }
        break;
    default:
        break;
    }
    return sentence(why);
}

QString RefusalText::forCloseInput(const Refused &why)
{
    switch (why.refusal) {
    case Refusal::ReasonTooLong:
        return tr("The description is %1 bytes of UTF-8; the limit is %2. Shorten it (letters "
                  "outside ASCII take 2 to 4 bytes each).")
            .arg(why.size)
            .arg(MaxCloseReasonBytes);
    case Refusal::ReasonLoneSurrogate:
        return tr("The description is not valid text: it has an unpaired UTF-16 surrogate at "
                  "character %1; remove it.")
            .arg(why.size);
    default:
        break;
    }
    return sentence(why);
}

} // namespace closecall::protocol
