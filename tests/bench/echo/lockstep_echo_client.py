#!/usr/bin/python3
"""A fixed, repeatable amount of echo work for instruction counting.

run-callgrind-compare drives this against a server running under
valgrind --tool=callgrind. Unlike loadgen (timed, a sliding window of
messages in flight), the work here does not depend on how fast either side
runs, so two servers can be compared by instructions per echoed message:

- CONNS connections upgrade with RFC 6455 §1.3's fixed key (the 101 and its
  Sec-WebSocket-Accept are checked);
- ROUNDS times, every connection writes BURST masked SIZE-byte text frames in
  ONE write (so the server reads them in one read, whatever the load), then
  reads until all BURST echoes are back and compares them byte for byte with
  the unmasked frames expected from a server (no extensions, no
  fragmentation);
- then every connection sends a Close 1000 and waits for the server's Close,
  so the server ends each connection the same way every run.

Prints one JSON line (messages echoed, seconds) and exits 0, or names what
went wrong and exits 1. Loopback only.
"""

import argparse
import base64
import hashlib
import json
import selectors
import socket
import struct
import sys
import time

KEY = "dGhlIHNhbXBsZSBub25jZQ=="
ACCEPT = base64.b64encode(
    hashlib.sha1((KEY + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()
).decode()
MASK = bytes([0x37, 0xFA, 0x21, 0x3D])


def masked_frame(opcode, payload):
    n = len(payload)
    if n < 126:
        head = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
    elif n < 65536:
        head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
    body = bytes(b ^ MASK[i % 4] for i, b in enumerate(payload))
    return head + MASK + body


def server_frame(opcode, payload):
    n = len(payload)
    if n < 126:
        head = struct.pack("!BB", 0x80 | opcode, n)
    elif n < 65536:
        head = struct.pack("!BBH", 0x80 | opcode, 126, n)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 127, n)
    return head + payload


def fail(what):
    print(json.dumps({"ok": False, "error": what}))
    sys.exit(1)


def read_until(sock, want, deadline):
    """Reads exactly `want` bytes (blocking, with a deadline)."""
    chunks = []
    got = 0
    while got < want:
        left = deadline - time.monotonic()
        if left <= 0:
            fail(f"timed out with {got} of {want} bytes")
        sock.settimeout(left)
        try:
            data = sock.recv(want - got)
        except socket.timeout:
            continue
        if not data:
            fail(f"server closed after {got} of {want} bytes")
        chunks.append(data)
        got += len(data)
    return b"".join(chunks)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--conns", type=int, default=100)
    p.add_argument("--rounds", type=int, default=100)
    p.add_argument("--burst", type=int, default=8)
    p.add_argument("--size", type=int, default=64)
    p.add_argument("--timeout", type=float, default=600, help="seconds for the whole run")
    p.add_argument(
        "--distinct",
        action="store_true",
        help="the messages of a burst differ from each other (by default all are the same)",
    )
    a = p.parse_args()
    if not a.host.startswith("127."):
        fail("--host must be a 127.x.x.x address")
    if a.conns < 1 or a.rounds < 0 or a.burst < 1 or not 0 <= a.size <= 65535:
        fail("--conns, --burst >= 1, --rounds >= 0, --size 0..65535")
    deadline = time.monotonic() + a.timeout

    payloads = [
        bytes(ord("a") + (i + (j if a.distinct else 0)) % 26 for i in range(a.size))
        for j in range(a.burst)
    ]
    burst = b"".join(masked_frame(0x1, payload) for payload in payloads)
    expected = b"".join(server_frame(0x1, payload) for payload in payloads)

    t0 = time.monotonic()
    socks = []
    request = (
        f"GET / HTTP/1.1\r\nHost: {a.host}:{a.port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {KEY}\r\nSec-WebSocket-Version: 13\r\n"
        "User-Agent: closecall-lockstep\r\n\r\n"
    ).encode()
    for i in range(a.conns):
        s = socket.create_connection((a.host, a.port), timeout=max(1, deadline - time.monotonic()))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.sendall(request)
        head = b""
        while b"\r\n\r\n" not in head:
            head += read_until(s, 1, deadline)
        lines = head.decode("latin-1").split("\r\n")
        if not lines[0].startswith("HTTP/1.1 101"):
            fail(f"connection {i}: {lines[0]!r}")
        accept = [l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("sec-websocket-accept:")]
        if accept != [ACCEPT]:
            fail(f"connection {i}: Sec-WebSocket-Accept {accept!r}")
        s.setblocking(False)
        socks.append(s)

    sel = selectors.DefaultSelector()
    for i, s in enumerate(socks):
        sel.register(s, selectors.EVENT_READ, i)
    want = len(expected)
    for r in range(a.rounds):
        received = [bytearray() for _ in socks]
        for s in socks:
            s.setblocking(True)
            s.sendall(burst)
            s.setblocking(False)
        pending = len(socks)
        while pending:
            left = deadline - time.monotonic()
            if left <= 0:
                fail(f"round {r}: timed out with {pending} connections still waiting")
            for key, _ in sel.select(timeout=min(left, 5)):
                i = key.data
                try:
                    data = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                if not data:
                    fail(f"round {r}: server closed connection {i}")
                before = len(received[i])
                received[i] += data
                if len(received[i]) > want:
                    fail(f"round {r}: connection {i} got more than {a.burst} echoes")
                if before < want <= len(received[i]):
                    if received[i] != expected:
                        fail(f"round {r}: connection {i} echoed other bytes than it was sent")
                    pending -= 1
    for s in socks:
        sel.unregister(s)

    close = masked_frame(0x8, struct.pack("!H", 1000))
    for s in socks:
        s.setblocking(True)
        s.sendall(close)
    for i, s in enumerate(socks):
        head = read_until(s, 2, deadline)
        if head[0] & 0x0F != 0x8:
            fail(f"connection {i}: expected the server's Close, got opcode {head[0] & 0x0F}")
        read_until(s, head[1] & 0x7F, deadline)
        s.close()
    print(
        json.dumps(
            {
                "ok": True,
                "conns": a.conns,
                "rounds": a.rounds,
                "burst": a.burst,
                "size": a.size,
                "messages": a.conns * a.rounds * a.burst,
                "seconds": round(time.monotonic() - t0, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
