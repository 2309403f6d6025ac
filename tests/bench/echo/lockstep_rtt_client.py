#!/usr/bin/python3
"""Round-trip latency of an echo server, one message at a time.

run-proxy-bench drives this against Boost.Beast's echo server directly and
through `closecall --proxy-to`: one connection upgrades (RFC 6455 §1.3's
fixed key, the 101 checked), then sends a masked SIZE-byte text frame,
waits for its echo, and only then sends the next (lockstep: nothing queues,
so each round trip is the path's latency, not a backlog's). WARMUP round
trips are not counted; COUNT are. Prints one JSON line with the median, 90th
and 99th percentile in microseconds, and exits 0, or names what went wrong
and exits 1. The client's own cost (Python) is in both paths alike, so the
difference of the medians is what the proxy adds. Loopback only.
"""

import argparse
import json
import socket
import statistics
import struct
import sys
import time

KEY = "dGhlIHNhbXBsZSBub25jZQ=="
ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
MASK = bytes([0x37, 0xFA, 0x21, 0x3D])


def masked_text(payload):
    n = len(payload)
    head = (struct.pack("!BB", 0x81, 0x80 | n) if n < 126
            else struct.pack("!BBH", 0x81, 0x80 | 126, n))
    return head + MASK + bytes(b ^ MASK[i % 4] for i, b in enumerate(payload))


def read_exact(sock, n, buf):
    while len(buf) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        buf += chunk
    head, rest = buf[:n], buf[n:]
    return bytes(head), rest


def read_frame(sock, buf):
    head, buf = read_exact(sock, 2, buf)
    n = head[1] & 0x7F
    if n == 126:
        ext, buf = read_exact(sock, 2, buf)
        n = struct.unpack("!H", ext)[0]
    elif n == 127:
        ext, buf = read_exact(sock, 8, buf)
        n = struct.unpack("!Q", ext)[0]
    payload, buf = read_exact(sock, n, buf)
    return head[0] & 0x0F, payload, buf


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/")
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--warmup", type=int, default=2000)
    parser.add_argument("--label", default="")
    args = parser.parse_args()

    sock = socket.create_connection(("127.0.0.1", args.port), timeout=30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.sendall((f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\n"
                  f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {KEY}\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(4096)
        if not chunk:
            sys.exit(f"{args.label}: the server closed the connection during the upgrade")
        buf += chunk
    response, buf = buf.split(b"\r\n\r\n", 1)
    if not response.startswith(b"HTTP/1.1 101") or ACCEPT.encode() not in response:
        sys.exit(f"{args.label}: no valid 101: {response[:200]!r}")

    payload = b"r" * args.size
    frame = masked_text(payload)
    samples = []
    for i in range(args.warmup + args.count):
        start = time.perf_counter_ns()
        sock.sendall(frame)
        opcode, echoed, buf = read_frame(sock, buf)
        elapsed = time.perf_counter_ns() - start
        if opcode != 1 or echoed != payload:
            sys.exit(f"{args.label}: round trip {i} came back as opcode {opcode}, "
                     f"{len(echoed)} bytes")
        if i >= args.warmup:
            samples.append(elapsed / 1000.0)
    sock.sendall(b"\x88\x82" + MASK + bytes(b ^ MASK[i] for i, b in enumerate(b"\x03\xe8")))
    sock.close()
    samples.sort()
    print(json.dumps({"label": args.label, "count": len(samples),
                      "median_us": round(statistics.median(samples), 1),
                      "p90_us": round(samples[int(len(samples) * 0.9)], 1),
                      "p99_us": round(samples[int(len(samples) * 0.99)], 1)}))


if __name__ == "__main__":
    main()
