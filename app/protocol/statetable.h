#pragma once

#include "refusal.h"
#include "types.h"

#include <span>

// The connection states' two tables (docs/close-semantics.md "States"),
// each in one place: which transitions are legal, and which operations an
// operator may start in which state. The session moves only through
// StateMachine, which refuses (and says so) a transition not in the table;
// the GUI asks the same table to enable its buttons.
namespace closecall::protocol {

struct Transition
{
    State from;
    State to;
};

// Every legal transition, one row each. Any state but Closed and Aborted may
// go to Aborted; nothing leaves Closed or Aborted.
std::span<const Transition> legalTransitions();
bool isLegalTransition(State from, State to);

// What an operator may start: data, Ping and Close in Open and CloseReceived
// (there Close acknowledges the peer's); Abort until the session has ended.
bool isAllowed(Operation op, State state);

// isAllowed as a refusal: none when allowed; a second Close in CloseSent is
// CloseAlreadySent [R11]; anything else NotInState.
Refused refusalFor(Operation op, State state);

// A state that changes only along the table. moveTo() refuses an illegal
// transition and leaves the state as it was: the caller reports the refusal.
class StateMachine final
{
public:
    explicit constexpr StateMachine(State initial = State::Connecting)
        : m_state(initial)
    {}

    constexpr State state() const { return m_state; }
    [[nodiscard]] Refused moveTo(State to);

private:
    State m_state;
};

} // namespace closecall::protocol
