#pragma once

#include "types.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

// "Cannot do that", as a value. The protocol core and the engine answer an
// operator's request they refuse with a Refused (what, in which state, and
// the detail that matters: which code, how many bytes); the words a person
// reads are made in one place, RefusalText, for the command results, the
// headless errors and the GUI's tooltips alike.
namespace closecall::protocol {

enum class Refusal : quint8 {
    None,                 // not refused
    NotInState,           // `operation` is not allowed in `state` (isAllowed)
    CloseAlreadySent,     // a second Close while CloseSent [R11]
    NotUpgraded,          // the upgrade failed: there is no session to act on
    TextNotUtf8,          // a Text message that is not valid UTF-8
    TextLoneSurrogate,    // text to send with an unpaired UTF-16 surrogate
    PingTooLarge,         // `size` = payload bytes, over 125 (RFC 6455 §5.5)
    EmptyCloseWithReason, // a Close without status code cannot carry a reason
    CodeNotSendable,      // `code` may not be sent [R10]
    ReasonLoneSurrogate,  // `size` = 1-based character position of the surrogate
    ReasonTooLong,        // `size` = the reason's UTF-8 bytes, over 123
    CloseModeInvalid,     // `mode` is neither Close nor Close Output
    IllegalTransition,    // `state` → `to` is not in the transition table
    NoSuchConnection,     // `connection` was never accepted
    ConnectionEnded,      // `connection` has ended (in `state`, when `stateKnown`)
    NoConnectionNamed,    // a command named no connection
    ServerStopped,        // the server is stopped
    // A front end's refusals of a command (app/control); what they name is
    // not a protocol value, so RefusalText takes it as `subject`.
    ShuttingDown,      // a command after quit or a signal; subject = the command's name
    ExportOverLogFile, // export onto the --log-file being written; subject = its path
    ExportUnavailable, // this front end keeps no event store (the GUI exports from its log)
};

// A refusal and its details; only the fields its kind names are meaningful.
// Converts to true when something was refused: `if (Refused why = s.ping())`.
struct Refused
{
    Refusal refusal = Refusal::None;
    Operation operation = Operation::Send;
    State state = State::Open;
    State to = State::Open;
    CloseMode mode = CloseMode::Close;
    bool stateKnown = true;
    quint16 code = 0;
    quint32 connection = 0;
    qint64 size = 0;

    constexpr bool ok() const { return refusal == Refusal::None; }
    constexpr explicit operator bool() const { return refusal != Refusal::None; }
    friend constexpr bool operator==(const Refused &, const Refused &) = default;

    static constexpr Refused of(Refusal r) { return Refused{r}; }
    static constexpr Refused inState(Refusal r, Operation op, State s)
    {
        Refused why{r};
        why.operation = op;
        why.state = s;
        return why;
    }
    static constexpr Refused withSize(Refusal r, qint64 size)
    {
        Refused why{r};
        why.size = size;
        return why;
    }
    static constexpr Refused withCode(Refusal r, quint16 code)
    {
        Refused why{r};
        why.code = code;
        return why;
    }
};

// The words for a refusal, translated (the translation files collect them
// from here). Every sentence a person reads about a refusal is made here.
class RefusalText final
{
    Q_DECLARE_TR_FUNCTIONS(closecall::protocol::RefusalText)

public:
    // The sentence a command result, a headless error or an input field's
    // tooltip shows: "cannot send data: our Close is already sent (CloseSent)".
    // Empty when nothing was refused. `subject` is what a front end's
    // refusal names that a Refused cannot hold: the command (ShuttingDown),
    // the file (ExportOverLogFile).
    static QString sentence(const Refused &why, const QString &subject = {});

    // The short form naming the connection, for a list of the connections
    // an action skips, as a sentence: "Connection 3 is already CloseSent.". For refusals
    // that do not depend on the connection, the sentence.
    static QString forConnection(quint32 id, const Refused &why);

    // The form the close panel shows under its input fields, where the
    // reason is called the description: "The description is 124 bytes of
    // UTF-8; …". Other refusals read as sentence().
    static QString forCloseInput(const Refused &why);

private:
    static QString operationText(Operation op);
};

} // namespace closecall::protocol
