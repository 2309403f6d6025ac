#include "statetable.h"

#include <algorithm>

namespace closecall::protocol {

namespace {

constexpr Transition Transitions[] = {
    {State::Connecting, State::Open},       // the upgrade is done
    {State::Connecting, State::Aborted},    // the transport failed first
    {State::Open, State::CloseSent},        // we sent the first Close
    {State::Open, State::CloseReceived},    // the peer sent the first Close
    {State::Open, State::Aborted},          // abort, reset, EOF, protocol error [R8][R9]
    {State::CloseSent, State::Closed},      // the peer answered our Close [R1]
    {State::CloseSent, State::Aborted},     // close timeout, reset, EOF [R4]
    {State::CloseReceived, State::Closed},  // we answered the peer's Close [R5][R6]
    {State::CloseReceived, State::Aborted}, // abort, reset, EOF
};

} // namespace

std::span<const Transition> legalTransitions()
{
    return Transitions;
}

bool isLegalTransition(State from, State to)
{
    const auto rows = legalTransitions();
    return std::any_of(rows.begin(), rows.end(),
                       [=](const Transition &t) { return t.from == from && t.to == to; });
}

bool isAllowed(Operation op, State state)
{
    if (op == Operation::Abort)
        return state != State::Closed && state != State::Aborted;
    return state == State::Open || state == State::CloseReceived;
}

Refused refusalFor(Operation op, State state)
{
    if (isAllowed(op, state))
        return {};
    if (op == Operation::Close && state == State::CloseSent)
        return Refused::inState(Refusal::CloseAlreadySent, op, state);
    return Refused::inState(Refusal::NotInState, op, state);
}

Refused StateMachine::moveTo(State to)
{
    if (!isLegalTransition(m_state, to)) {
        Refused why = Refused::of(Refusal::IllegalTransition);
        why.state = m_state;
        why.to = to;
        return why;
    }
    m_state = to;
    return {};
}

} // namespace closecall::protocol
