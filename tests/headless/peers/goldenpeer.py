#!/usr/bin/python3
"""A WebSocket client with fixed behaviour, for the golden headless test.

Everything it puts on the wire is fixed (the request line and headers, the
Sec-WebSocket-Key, the masking key), so the server's events about it are the
same on every run; and it does nothing by itself: every frame it sends, and
its Close reply, is a command from the test, given only once the test has
seen the server's previous event. That is what keeps the golden output
deterministic on a busy machine. Plain sockets and hand-written frames
(RFC 6455 §5.2): no WebSocket library, so no library version shows up in a
header.

Usage: goldenpeer.py PORT

Commands on stdin, one JSON object a line, carried out in order:
  {"open": "/path?query", "headers": [["Name", "value"], ...]}
                                upgrade; reports open (or response)
  {"request": "raw HTTP text"}  send these bytes as the request; reports response
  {"text": "..."}               a text message
  {"binary": "base64"}          a binary message
  {"ping": "..."} / {"pong": "..."}
  {"close": 1000, "reason": ""} our Close (code null: an empty Close)
  {"unmasked_text": "..."}      a text frame without a mask (a protocol error)

Reports on stdout, one JSON object a line, "peer" naming what happened:
  open (status, accept, protocol), response (status, for a refused upgrade),
  text, binary, ping, pong, close (code, reason), and finally eof or reset.
"""

import base64
import json
import os
import select
import socket
import struct
import sys

KEY = "dGhlIHNhbXBsZSBub25jZQ=="  # RFC 6455 §1.3's sample nonce
MASK = b"\x37\xfa\x21\x3d"  # RFC 6455 §5.7's sample masking key
TIMEOUT_S = 120  # a bound for a broken test; the test never waits on it


def report(kind, **fields):
    sys.stdout.write(json.dumps({"peer": kind, **fields}) + "\n")
    sys.stdout.flush()


def frame(opcode, payload, masked=True):
    head = bytes([0x80 | opcode])
    mask_bit = 0x80 if masked else 0
    if len(payload) < 126:
        head += bytes([mask_bit | len(payload)])
    elif len(payload) < 65536:
        head += bytes([mask_bit | 126]) + struct.pack("!H", len(payload))
    else:
        head += bytes([mask_bit | 127]) + struct.pack("!Q", len(payload))
    if not masked:
        return head + payload
    return head + MASK + bytes(b ^ MASK[i % 4] for i, b in enumerate(payload))


class Peer:
    def __init__(self, port):
        self.port = port
        self.sock = None
        self.inbuf = b""
        self.upgraded = False
        self.waiting_response = False

    def connect(self, request):
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=TIMEOUT_S)
        self.sock.sendall(request)
        self.waiting_response = True

    def run(self, command):
        if "open" in command:
            lines = [f"GET {command['open']} HTTP/1.1", "Host: closecall.test",
                     "Upgrade: websocket", "Connection: Upgrade",
                     f"Sec-WebSocket-Key: {KEY}", "Sec-WebSocket-Version: 13"]
            lines += [f"{name}: {value}" for name, value in command.get("headers", [])]
            self.connect(("\r\n".join(lines) + "\r\n\r\n").encode())
        elif "request" in command:
            self.connect(command["request"].encode())
        elif "text" in command:
            self.sock.sendall(frame(0x1, command["text"].encode()))
        elif "binary" in command:
            self.sock.sendall(frame(0x2, base64.b64decode(command["binary"])))
        elif "ping" in command:
            self.sock.sendall(frame(0x9, command["ping"].encode()))
        elif "pong" in command:
            self.sock.sendall(frame(0xA, command["pong"].encode()))
        elif "close" in command:
            payload = b""
            if command["close"] is not None:
                payload = struct.pack("!H", command["close"]) + command.get("reason", "").encode()
            self.sock.sendall(frame(0x8, payload))
        elif "unmasked_text" in command:
            self.sock.sendall(frame(0x1, command["unmasked_text"].encode(), masked=False))

    def parse_response(self):
        end = self.inbuf.find(b"\r\n\r\n")
        if end < 0:
            return
        head = self.inbuf[:end].decode("latin-1").split("\r\n")
        self.inbuf = self.inbuf[end + 4:]
        self.waiting_response = False
        status = int(head[0].split(" ")[1])
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if status == 101:
            self.upgraded = True
            report("open", status=status, accept=headers.get("sec-websocket-accept"),
                   protocol=headers.get("sec-websocket-protocol"))
        else:
            report("response", status=status)

    def parse_frames(self):
        while len(self.inbuf) >= 2:
            opcode = self.inbuf[0] & 0x0F
            length = self.inbuf[1] & 0x7F
            at = 2
            if length == 126:
                if len(self.inbuf) < 4:
                    return
                length = struct.unpack("!H", self.inbuf[2:4])[0]
                at = 4
            elif length == 127:
                if len(self.inbuf) < 10:
                    return
                length = struct.unpack("!Q", self.inbuf[2:10])[0]
                at = 10
            if len(self.inbuf) < at + length:
                return
            payload = self.inbuf[at:at + length]
            self.inbuf = self.inbuf[at + length:]
            if opcode == 0x1:
                report("text", data=payload.decode())
            elif opcode == 0x2:
                report("binary", data=base64.b64encode(payload).decode())
            elif opcode == 0x9:
                report("ping", data=payload.decode())
            elif opcode == 0xA:
                report("pong", data=payload.decode())
            elif opcode == 0x8:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
                report("close", code=code, reason=payload[2:].decode())
            else:
                report("frame", opcode=opcode)

    def receive(self):
        try:
            data = self.sock.recv(65536)
        except ConnectionResetError:
            report("reset")
            return False
        if not data:
            report("eof")
            return False
        self.inbuf += data
        if self.waiting_response:
            self.parse_response()
        if self.upgraded:
            self.parse_frames()
        return True


def main():
    peer = Peer(int(sys.argv[1]))
    pending = b""
    stdin_open = True
    while True:
        watch = ([sys.stdin] if stdin_open else []) + ([peer.sock] if peer.sock else [])
        if not watch:
            return
        readable, _, _ = select.select(watch, [], [], TIMEOUT_S)
        if not readable:
            report("timeout")
            sys.exit(3)
        if sys.stdin in readable:
            # os.read, not readline: a buffered reader would hide lines from select.
            chunk = os.read(sys.stdin.fileno(), 65536)
            stdin_open = bool(chunk)
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                if line.strip():
                    peer.run(json.loads(line))
        if peer.sock in readable and not peer.receive():
            peer.sock.close()
            return


if __name__ == "__main__":
    main()
