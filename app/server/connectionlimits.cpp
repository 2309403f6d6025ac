// Connection's limits on unfinished messages (docs/headless.md "Limits on
// unfinished messages"): a peer that starts a message and never finishes it
// must not pin memory for ever. Two limits, both run here in the driver (the
// protocol core only says how many bytes it holds, and decides nothing about
// time):
// - a budget for all connections together (--max-unfinished-bytes): the
//   connection whose read takes the total over it is closed with 1009;
// - a time limit for finishing a message (--message-timeout): closed with 1008.
// Either way the connection ends as on a protocol error (Session::
// failConnection): its unfinished message can never complete, so reading on
// would only hold more.

#include "connection.h"

#include "engineimpl.h"

namespace closecall::server {

using namespace protocol;

void Connection::trackUnfinished()
{
    if (m_link != Link::Up)
        return;
    const qint64 held = m_ws.session().heldBytes();
    const qint64 grew = held - m_heldBytes;
    m_engine.addUnfinishedBytes(grew);
    m_heldBytes = held;
    const ServerConfig &cfg = m_engine.config();
    const qint64 total = m_engine.unfinishedBytes();
    // Checked after the read that grew it: the total passes the budget by at
    // most what one read takes in (the engine's 256 KiB read buffer) before
    // the connection that did it is closed and its bytes are dropped. Only
    // growth is refused: a connection whose bytes shrank is not to blame.
    if (grew > 0 && !m_ws.isEnded() && total > cfg.maxUnfinishedBytes) {
        // 1009 Message Too Big (RFC 6455 §7.4.1): the message is too big
        // for the server to hold now; the code and the way of closing of
        // --max-message-size, so a client handles both alike (1008 is for
        // when no more specific code fits).
        failForLimit(closecode::MessageTooBig,
                     tr("unfinished messages would hold %1 bytes on all connections together, "
                        "over the limit of %2 (--max-unfinished-bytes); this connection held %3 "
                        "of them")
                         .arg(total)
                         .arg(cfg.maxUnfinishedBytes)
                         .arg(held),
                     tr("the server's limit for unfinished messages is reached"));
        return;
    }
    updateMessageTimer();
}

void Connection::updateMessageTimer()
{
    const int limitMs = m_engine.config().messageTimeoutMs;
    if (limitMs <= 0 || m_link != Link::Up || m_ws.isEnded())
        return;
    if (m_heldBytes == 0) {
        if (m_timer == Timer::Message)
            cancelTimer();
        return;
    }
    // The close timer keeps its slot: once our Close is out, its timeout
    // bounds the time instead (and the budget the bytes).
    if (m_timer != Timer::None && m_timer != Timer::Message)
        return;
    // A message completed since the timer started: the bytes held now are
    // the next message's (a pipelined stream of large messages never holds
    // zero between reads), and its own time starts.
    const quint64 completed = m_ws.session().messagesReceived();
    if (m_timer == Timer::Message && completed == m_timedMessage)
        return;
    m_timedMessage = completed;
    setTimer(Timer::Message, limitMs);
}

void Connection::onMessageTimeout()
{
    if (m_link != Link::Up || m_ws.isEnded() || m_heldBytes == 0)
        return;
    const int limitMs = m_engine.config().messageTimeoutMs;
    // 1008 Policy Violation (RFC 6455 §7.4.1): the message is not too big;
    // the peer broke the server's rule of finishing it in time.
    failForLimit(closecode::PolicyViolation,
                 tr("a message was not finished within %1 ms (--message-timeout); %2 bytes of it "
                    "were held")
                     .arg(limitMs)
                     .arg(m_heldBytes),
                 tr("message not finished within %1 ms").arg(limitMs));
}

void Connection::failForLimit(quint16 code, const QString &why, const QString &reason)
{
    const QString what = m_ws.session().closeSent()
                             ? tr("%1: closing (our Close is already out)").arg(why)
                             : tr("%1: closing with %2").arg(why).arg(code);
    publish(makeEvent(m_ws.state(), events::Error{what, code, m_heldBytes}));
    // As on a protocol error: our Close (unless one is out), nothing more
    // parsed, TCP closed once the Close is flushed; what the peer still
    // sends is read and dropped while the socket lingers. The bytes held
    // are dropped at once, so the budget is free again.
    m_ws.failConnection(code, reason);
    releaseUnfinished();
    pump();
}

void Connection::releaseUnfinished()
{
    m_engine.addUnfinishedBytes(-std::exchange(m_heldBytes, 0));
}

} // namespace closecall::server
