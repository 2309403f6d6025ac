#include "connectionsummary.h"

#include <concepts>

namespace closecall::server {

using namespace protocol;

void ConnectionSummary::apply(const Event &ev)
{
    id = ev.conn;
    lastActivityTUs = ev.tUs;
    lastActivityWallUs = ev.wallUs;
    // Every event carries the state it happened in; a `state` event is
    // stamped with the old one and names the new one in `to`.
    state = ev.state;
    if (ev.leg != Leg::None) {
        leg = ev.leg;
        pair = ev.pair;
    }

    // No catch-all: a new event kind does not compile until it is decided
    // here what it adds to a connection.
    visit(Overloaded{
              [&](const events::Listening &) {},
              [&](const events::Result &) {},
              [&](const events::HandshakeFailed &f) {
                  remote = f.remote;
                  outgoing = f.outgoing;
                  url = f.url;
              },
              [&](const events::Open &o) {
                  state = State::Open;
                  remote = o.remote;
                  outgoing = o.outgoing;
                  url = o.url;
                  path = o.path;
                  query = o.query;
                  subprotocol = o.subprotocol;
                  extensions = o.extensions;
                  openedTUs = ev.tUs;
                  openedWallUs = ev.wallUs;
              },
              // message_* / ping_* / pong_*: count() has one overload a kind.
              [&](const std::derived_from<events::Payload> auto &p) { count(p); },
              [&](const events::CloseSent &c) {
                  closeSent = true;
                  sentCode = c.code;
                  sentReason = c.reason;
                  sentMode = c.mode;
                  closeSentTUs = ev.tUs;
                  if (initiatedBy == Initiator::None)
                      initiatedBy = closeReceived ? peerRole() : ourRole();
              },
              [&](const events::CloseReceived &c) {
                  closeReceived = true;
                  receivedCode = c.code;
                  receivedReason = c.reason;
                  closeReceivedTUs = ev.tUs;
                  if (initiatedBy == Initiator::None)
                      initiatedBy = closeSent ? ourRole() : peerRole();
                  // [R16] only when ours went first; `closed` brings the
                  // engine's own figure.
                  if (closeSent && closeHandshakeUs < 0)
                      closeHandshakeUs = ev.tUs - closeSentTUs;
              },
              [&](const events::StateChange &s) { state = s.to; },
              [&](const events::Closed &c) {
                  ended = true;
                  endedTUs = ev.tUs;
                  how = c.how;
                  finalCode = c.code;
                  finalReason = c.reason;
                  tcpClosedByClient = c.tcpClosedByClient;
                  if (c.initiatedBy != Initiator::None)
                      initiatedBy = c.initiatedBy;
                  if (c.closeHandshakeUs >= 0)
                      closeHandshakeUs = c.closeHandshakeUs;
                  ackDelayUs = c.ackDelayUs;
                  // The Close we sent, also when its close_sent is not in
                  // this fold (a log loaded from a file, a filtered feed).
                  if (c.closeSent) {
                      closeSent = true;
                      sentCode = c.sentCode;
                      sentReason = c.sentReason;
                  }
              },
              [&](const events::Error &e) {
                  ++errors;
                  lastError = e.message;
              },
              [&](const events::NotRelayed &) { ++notRelayed; },
          },
          ev);
}

} // namespace closecall::server
