// WebSocket load generator for the echo benchmark (tests/bench/README.md).
//
// Raw POSIX sockets and one single-threaded epoll loop; no WebSocket
// library, no Qt, no code shared with any server under test. The client
// side of RFC 6455 it needs is small enough to write here:
//  - the upgrade request uses the fixed Sec-WebSocket-Key of RFC 6455 §1.3,
//    so the expected Sec-WebSocket-Accept is a constant and no SHA-1 is needed;
//  - every frame we send is masked (RFC 6455 §5.3) with one fixed non-zero
//    key, so a message is built and masked once and then only copied (the
//    server still unmasks every byte, as with any client);
//  - received frames are parsed header by header and their payloads skipped
//    (or compared with what we sent, with --verify) straight out of one shared
//    read buffer: a connection owns no buffer of its own once it is open.
//
// Modes (one JSON line on stdout per run):
//  echo    N connections, each keeping K messages of S bytes in flight; counts
//          echoed messages and payload bytes received during D seconds after a
//          warm-up.
//  accept  C connections at a time: connect, upgrade, close, again; counts
//          completed handshakes (a validated 101) per second. Close is a Close
//          frame, then an RST once the server's Close arrives (--close frame,
//          default) or an RST straight after the 101 (--close rst). Every
//          socket has SO_LINGER 0, so no close leaves TIME_WAIT behind and the
//          ephemeral ports of loopback are not exhausted.
//  idle    opens N connections (at most C handshakes at a time), prints a
//          {"phase":"holding"} line, holds them until SIGTERM/SIGINT or --hold
//          seconds, then prints its result. The runner reads the server's RSS
//          while they are held.
//
// Loopback only: the target address must be in 127.0.0.0/8. Every loop is
// bounded in time (deadlines) and in count (iteration caps).

#include "loadgen.h"

int main(int argc, char **argv)
{
    loadgen::LoadGen gen(loadgen::parseOptions(argc, argv));
    return gen.run();
}
