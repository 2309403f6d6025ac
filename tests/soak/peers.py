"""Soak peers: one raw-socket WebSocket client per connection, each ending
its connection in one of the ways CloseCall must log exactly
(docs/close-semantics.md: R1-R9).

A peer records what it did (messages sent while Open, messages sent after
the server's Close) and what it expects the server to log in `closed`; the
driver compares both with the server's events once both sides are done.
"""

import asyncio
import socket
import struct

import wsframes as ws

LONG_TIMEOUT_MS = 120_000   # a Close the peer will answer: never the timeout path


class PeerFailure(Exception):
    pass


# scenario -> (what `closed` must say: final, how, initiated_by, tcp_closed_by;
#              post-close messages the server must count as ...)
EXPECTED = {
    "server_close":         ("Closed", "handshake", "server", "server", None),
    "peer_close":           ("Closed", "handshake", "client", "server", None),
    "close_output_late":    ("Closed", "handshake", "server", "server", "delivered"),
    "close_discard_late":   ("Closed", "handshake", "server", "server", "discarded"),
    "abort":                ("Aborted", "abort", "none", "server", None),
    "peer_reset":           ("Aborted", "peer_reset", "none", "client", None),
    "peer_fin":             ("Aborted", "peer_eof", "none", "client", None),
    "close_timeout":        ("Aborted", "timeout", "server", "server", None),
    "close_output_timeout": ("Aborted", "timeout", "server", "server", None),
}
SCENARIOS = list(EXPECTED) + ["handshake_refused"]
# handshake_refused makes no connection: rarer, it only checks handshake_failed.
WEIGHTS = [1.0] * len(EXPECTED) + [0.3]

CLOSE_CODES = [1000, 1001, 1008, 1011, 1012, 3000, 4000, 4999, None]


class Peer:
    __slots__ = ("id", "scenario", "conn", "conn_future", "stage", "sent_open", "echoes",
                 "late_sent", "done", "saw", "rng")

    def __init__(self, peer_id, scenario, rng):
        self.id = peer_id
        self.scenario = scenario
        self.conn = None
        self.conn_future = None
        self.stage = "new"
        self.sent_open = 0       # data messages sent while Open
        self.echoes = 0          # echoes received back
        self.late_sent = 0       # data messages sent after the server's Close
        self.done = False
        self.saw = None          # how TCP ended for the peer: eof / reset
        self.rng = rng


class PeerContext:
    """What a peer needs from the driver."""

    def __init__(self, server, port, options):
        self.server = server
        self.port = port
        self.options = options


def random_payload(rng, big_fraction):
    if rng.random() < big_fraction:
        n = rng.randint(1024, 65536)
    else:
        n = rng.randint(0, 200)
    if rng.random() < 0.5:
        # ASCII and a few multi-byte characters, kept whole (valid UTF-8).
        text = "".join(rng.choice("abcdefghij é€") for _ in range(min(n, 400)))
        return ws.OP_TEXT, (text * (n // max(len(text), 1) + 1))[:n].encode()[:n]
    return ws.OP_BINARY, rng.randbytes(n)


def valid_text(payload):
    try:
        payload.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def make_message(rng, big_fraction):
    opcode, payload = random_payload(rng, big_fraction)
    if opcode == ws.OP_TEXT and not valid_text(payload):
        payload = payload.decode("utf-8", "ignore").encode()
    fragments = rng.choice([1, 1, 1, 2, 3])
    return opcode, payload, ws.encode_message(opcode, payload, fragments)


async def expect(msgs, peer, want_opcode, want_payload=None):
    """Reads the next message; Pongs are skipped only if want_opcode is Pong."""
    opcode, payload = await msgs.next()
    if opcode != want_opcode:
        raise PeerFailure(f"{peer.stage}: expected opcode {want_opcode:#x}, got {opcode:#x} "
                          f"({payload[:60]!r})")
    if want_payload is not None and payload != want_payload:
        raise PeerFailure(f"{peer.stage}: payload differs ({len(payload)} bytes, "
                          f"wanted {len(want_payload)})")
    return payload


async def read_to_end(reader):
    """Reads until TCP ends; returns 'eof' or 'reset'. Any data is an error."""
    try:
        data = await reader.read(65536)
        if data:
            raise PeerFailure(f"data after the end of the WebSocket: {data[:40]!r}")
        return "eof"
    except ConnectionResetError:
        return "reset"


async def exchange(peer, reader, writer, msgs, opts):
    """Open phase: messages echoed back, sometimes a Ping, with pauses."""
    rng = peer.rng
    for _ in range(rng.randint(1, opts.max_messages)):
        opcode, payload, wire = make_message(rng, opts.big_fraction)
        peer.stage = "exchange"
        writer.write(wire)
        peer.sent_open += 1
        if rng.random() < 0.2:
            ping = f"ping {peer.id}".encode()
            writer.write(ws.encode_frame(ws.OP_PING, ping))
            # The server answers in the order it read: the echo, then the Pong.
            await expect(msgs, peer, opcode, payload)
            await expect(msgs, peer, ws.OP_PONG, ping)
        else:
            await expect(msgs, peer, opcode, payload)
        peer.echoes += 1
        await asyncio.sleep(rng.random() * opts.dwell)


async def await_conn(peer):
    peer.stage = "waiting for the open event"
    peer.conn = await peer.conn_future
    return peer.conn


def close_args(rng, peer):
    code = rng.choice(CLOSE_CODES)
    if code is None:
        return {"code": None}, None, ""
    reason = rng.choice([f"soak {peer.id}", "", f"fin ✓ {peer.id}", "x" * 123])
    return {"code": code, "reason": reason}, code, reason


async def expect_close(msgs, peer, code, reason):
    peer.stage = "waiting for the server's Close"
    payload = await expect(msgs, peer, ws.OP_CLOSE)
    got_code, got_reason = ws.parse_close(payload)
    if (got_code, got_reason) != (code, reason):
        raise PeerFailure(f"server Close {got_code} {got_reason!r}, wanted {code} {reason!r}")
    return got_code


async def send_late(peer, writer, opts):
    for _ in range(peer.rng.randint(1, opts.max_late)):
        opcode, payload, wire = make_message(peer.rng, opts.big_fraction)
        writer.write(wire)
        peer.late_sent += 1


async def finish_handshake(peer, reader, writer, msgs, answer):
    """Answers the server's Close (with its code) and waits for TCP's end."""
    writer.write(ws.encode_close(answer, ""))
    peer.stage = "waiting for the server to close TCP"
    peer.saw = await read_to_end(reader)
    if peer.saw != "eof":
        raise PeerFailure(f"after the close handshake the server's TCP end was a {peer.saw}")


async def end_server_close(ctx, peer, reader, writer, msgs):
    conn = await await_conn(peer)
    fields, code, reason = close_args(peer.rng, peer)
    ctx.server.command("close", conn=conn, timeout_ms=LONG_TIMEOUT_MS, **fields)
    await expect_close(msgs, peer, code, reason)
    await finish_handshake(peer, reader, writer, msgs, code)


async def end_peer_close(ctx, peer, reader, writer, msgs):
    fields, code, reason = close_args(peer.rng, peer)
    writer.write(ws.encode_close(code, reason))
    # Auto-acknowledge echoes the code [R5]; an empty Close gets an empty one.
    peer.stage = "waiting for the Close echo"
    payload = await expect(msgs, peer, ws.OP_CLOSE)
    got_code, _ = ws.parse_close(payload)
    if got_code != code:
        raise PeerFailure(f"Close echo {got_code}, wanted {code}")
    peer.stage = "waiting for the server to close TCP"
    peer.saw = await read_to_end(reader)
    if peer.saw != "eof":
        raise PeerFailure(f"after the close handshake the server's TCP end was a {peer.saw}")


async def end_late(ctx, peer, reader, writer, msgs, command):
    conn = await await_conn(peer)
    fields, code, reason = close_args(peer.rng, peer)
    ctx.server.command(command, conn=conn, timeout_ms=LONG_TIMEOUT_MS, **fields)
    await expect_close(msgs, peer, code, reason)
    await send_late(peer, writer, ctx.options)
    await finish_handshake(peer, reader, writer, msgs, code)


async def end_close_output_late(ctx, peer, reader, writer, msgs):
    await end_late(ctx, peer, reader, writer, msgs, "close_output")


async def end_close_discard_late(ctx, peer, reader, writer, msgs):
    await end_late(ctx, peer, reader, writer, msgs, "close")


async def end_abort(ctx, peer, reader, writer, msgs):
    conn = await await_conn(peer)
    ctx.server.command("abort", conn=conn)
    peer.stage = "waiting for the server's RST"
    peer.saw = await read_to_end(reader)
    if peer.saw != "reset":   # [R8]: a reset, not an EOF
        raise PeerFailure(f"abort reached the peer as {peer.saw}, not a reset")


async def end_peer_reset(ctx, peer, reader, writer, msgs):
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()    # close(2) with linger 0: an RST
    peer.saw = "reset sent"


async def end_peer_fin(ctx, peer, reader, writer, msgs):
    if peer.rng.random() < 0.5:
        writer.write_eof()          # half-close, then wait for the server's end
        peer.stage = "waiting for the server's end after our FIN"
        peer.saw = await read_to_end(reader)
    else:
        writer.close()              # a plain close(2): FIN
        peer.saw = "fin sent"


async def end_timeout(ctx, peer, reader, writer, msgs, command, timeout_ms):
    conn = await await_conn(peer)
    fields, code, reason = close_args(peer.rng, peer)
    extra = {"timeout_ms": timeout_ms} if timeout_ms is not None else {}
    ctx.server.command(command, conn=conn, **fields, **extra)
    await expect_close(msgs, peer, code, reason)
    # Never answer: the server's timeout must end it [R4].
    peer.stage = "silent after the server's Close"
    peer.saw = await read_to_end(reader)


async def end_close_timeout(ctx, peer, reader, writer, msgs):
    # The server's --close-timeout (short in the soak) applies.
    await end_timeout(ctx, peer, reader, writer, msgs, "close", None)


async def end_close_output_timeout(ctx, peer, reader, writer, msgs):
    await end_timeout(ctx, peer, reader, writer, msgs, "close_output",
                      ctx.options.close_timeout_ms)


ENDINGS = {
    "server_close": end_server_close,
    "peer_close": end_peer_close,
    "close_output_late": end_close_output_late,
    "close_discard_late": end_close_discard_late,
    "abort": end_abort,
    "peer_reset": end_peer_reset,
    "peer_fin": end_peer_fin,
    "close_timeout": end_close_timeout,
    "close_output_timeout": end_close_output_timeout,
}


async def handshake_refused(ctx, peer):
    """A plain GET without Upgrade: the server must refuse it (handshake_failed)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", ctx.port)
    try:
        writer.write(f"GET /soak?p={peer.id} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        peer.stage = "waiting for the refusal"
        status, _ = await ws.read_handshake_response(reader)
        if not 400 <= status < 500:
            raise PeerFailure(f"a GET without Upgrade got HTTP {status}")
    finally:
        writer.transport.abort()


async def run(ctx, peer):
    """One connection from connect to its end; raises PeerFailure on a defect."""
    if peer.scenario == "handshake_refused":
        await handshake_refused(ctx, peer)
        return
    peer.stage = "connecting"
    reader, writer = await asyncio.open_connection("127.0.0.1", ctx.port, limit=1 << 20)
    try:
        key = ws.new_key()
        writer.write(ws.handshake_request("127.0.0.1", ctx.port, f"/soak?p={peer.id}", key))
        peer.stage = "handshake"
        status, headers = await ws.read_handshake_response(reader)
        if status != 101:
            raise PeerFailure(f"handshake answered {status}")
        if headers.get("sec-websocket-accept") != ws.expected_accept(key):
            raise PeerFailure("wrong Sec-WebSocket-Accept")
        msgs = ws.MessageReader(reader)
        await exchange(peer, reader, writer, msgs, ctx.options)
        await ENDINGS[peer.scenario](ctx, peer, reader, writer, msgs)
    except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError) as exc:
        raise PeerFailure(f"{peer.stage}: connection ended early ({type(exc).__name__})")
    except ws.ProtocolViolation as exc:
        raise PeerFailure(f"{peer.stage}: protocol violation: {exc}")
    finally:
        writer.transport.abort() if peer.scenario == "peer_reset" else writer.close()
