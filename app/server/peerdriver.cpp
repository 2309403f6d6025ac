#include "peerdriver.h"

#include "connection.h"
#include "transport.h"

#include <QtCore/QtEndian>

#include <algorithm>
#include <utility>

namespace closecall::server {

using namespace protocol;

PeerDriver::PeerDriver(Connection &conn, PeerBehaviour behaviour)
    : m_conn(conn)
    , m_behaviour(std::move(behaviour))
{
    m_traffic.setInterval(m_behaviour.everyMs);
    // Ticks of 10 ms should be ticks of 10 ms, not of the coarse timer's 5 %.
    m_traffic.setTimerType(Qt::PreciseTimer);
    m_closeAfter.setSingleShot(true);
    m_closeAfter.setTimerType(Qt::PreciseTimer);
    m_reaction.setSingleShot(true);
    m_reaction.setTimerType(Qt::PreciseTimer);
    connect(&m_traffic, &QTimer::timeout, this, &PeerDriver::sendNext);
    connect(&m_closeAfter, &QTimer::timeout, this, &PeerDriver::closeItself);
    connect(&m_reaction, &QTimer::timeout, this, &PeerDriver::react);
}

PeerDriver::~PeerDriver() = default;

void PeerDriver::onOpen()
{
    if (m_behaviour.traffic == PeerBehaviour::Traffic::Text ||
        m_behaviour.traffic == PeerBehaviour::Traffic::Binary)
        m_traffic.start();
    if (m_behaviour.closeAfterMs)
        m_closeAfter.start(*m_behaviour.closeAfterMs);
}

void PeerDriver::onPeerClose(CloseCode code)
{
    m_peerCode = code;
    // The other side closed first: our own close is moot now (an answer
    // with another code would end the delay or the late sends early).
    m_closeAfter.stop();
    switch (m_behaviour.onClose) {
    case PeerBehaviour::OnClose::Answer: // the session answered already
    case PeerBehaviour::OnClose::Never:  // the other side's close timeout ends it
        return;
    case PeerBehaviour::OnClose::Delay:
        m_reaction.start(m_behaviour.delayMs);
        return;
    case PeerBehaviour::OnClose::Send:
    case PeerBehaviour::OnClose::Reset:
    case PeerBehaviour::OnClose::Fin:
        // At once, but out of the session's callback. The traffic stops
        // here: an overdue tick firing before the reaction (a busy machine)
        // would put one more "msg N" among exactly the `sends` late ones.
        m_traffic.stop();
        m_reaction.start(0);
        return;
    }
}

void PeerDriver::onCloseSent()
{
    stopAll();
}

void PeerDriver::onEnded()
{
    stopAll();
}

void PeerDriver::stopAll()
{
    m_traffic.stop();
    m_closeAfter.stop();
    m_reaction.stop();
}

void PeerDriver::sendNext()
{
    // A peer that does not read is not flooded: the tick is skipped while
    // the output waiting for it is over the back-pressure mark (the
    // numbering goes on, so the log shows nothing was lost).
    if (m_conn.pendingOutputBytes() > OutputHighWater)
        return;
    ++m_sent;
    Refused why;
    if (m_behaviour.traffic == PeerBehaviour::Traffic::Text) {
        why = m_conn.send(MessageType::Text, QByteArray("msg " + QByteArray::number(m_sent)));
    } else {
        // `size` bytes: the number (32-bit big-endian) first, so a log
        // preview tells them apart, then a fixed pattern.
        if (m_binary.isEmpty()) {
            m_binary.resize(m_behaviour.size);
            for (qsizetype i = 0; i < m_binary.size(); ++i)
                m_binary[i] = char(i & 0xff);
        }
        quint8 number[4];
        qToBigEndian(m_sent, number);
        std::copy_n(number, qMin<qsizetype>(4, m_binary.size()), m_binary.begin());
        why = m_conn.send(MessageType::Binary, m_binary);
    }
    if (why)
        m_traffic.stop(); // no longer Open or CloseReceived: nothing more to send
}

void PeerDriver::closeItself()
{
    (void)m_conn.close(m_behaviour.closeCode, m_behaviour.closeReason, m_behaviour.closeMode, -1);
}

void PeerDriver::react()
{
    if (m_conn.state() != State::CloseReceived)
        return; // answered or ended meanwhile (an operator's command)
    switch (m_behaviour.onClose) {
    case PeerBehaviour::OnClose::Answer:
    case PeerBehaviour::OnClose::Never:
        return;
    case PeerBehaviour::OnClose::Delay:
        answer();
        return;
    case PeerBehaviour::OnClose::Send:
        for (int i = 1; i <= m_behaviour.sends; ++i) {
            if (m_conn.send(MessageType::Text, QByteArray("late " + QByteArray::number(i))))
                return; // ended under us
        }
        answer();
        return;
    case PeerBehaviour::OnClose::Reset:
        (void)m_conn.abort(HowEnded::Abort);
        return;
    case PeerBehaviour::OnClose::Fin:
        (void)m_conn.closeWithoutClose();
        return;
    }
}

void PeerDriver::answer()
{
    // As the session's own acknowledge does: echo the code, no reason
    // (RFC 6455 §5.5.1), mode ack.
    if (m_conn.close(m_peerCode, {}, CloseMode::Ack, -1))
        (void)m_conn.close(closecode::Normal, {}, CloseMode::Ack, -1);
}

} // namespace closecall::server
