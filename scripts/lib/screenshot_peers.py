#!/usr/bin/python3
"""WebSocket clients for scripts/screenshot: a few connections that end up
in different states, so the picture shows what CloseCall is for.

Raw sockets (no library): a library client answers the server's Close at
once, and connection 2 must keep sending after it (post-close data).

Usage: screenshot_peers.py PORT [SECONDS]
  1 /chat?room=lobby  chats, then stays Open
  2 /feed             answers the server's Close Output with two late messages, then its Close
  3 /upload           sends one message after the server's Close and never answers it (CloseSent)
  4 /chat?room=ops    closes first (1000 "bye"): waits in CloseReceived under --manual-ack
  5 /metrics          sends, then resets TCP (Aborted)
  6 /chat?room=lobby  pings, stays Open
"""

import base64
import os
import socket
import struct
import sys
import threading
import time

HOST = "127.0.0.1"


class Peer:
    def __init__(self, port, path, subprotocol="chat.v2", agent="ScreenshotPeer/1.0"):
        self.sock = socket.create_connection((HOST, port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Sec-WebSocket-Protocol: {subprotocol}\r\nOrigin: https://app.example.com\r\n"
            f"User-Agent: {agent}\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("handshake refused")
            response += chunk
        if not response.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(response.split(b"\r\n")[0].decode())
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def frame(self, opcode, payload):
        mask = os.urandom(4)
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def text(self, s):
        self.frame(0x1, s.encode())

    def ping(self, s):
        self.frame(0x9, s.encode())

    def close(self, code=None, reason=""):
        self.frame(0x8, b"" if code is None else struct.pack("!H", code) + reason.encode())

    def next_frame(self, timeout=30):
        """(opcode, payload) of the server's next frame, or None."""
        self.sock.settimeout(timeout)
        while True:
            if len(self.buffer) >= 2:
                b0, b1 = self.buffer[0], self.buffer[1]
                n, at = b1 & 0x7F, 2
                if n == 126 and len(self.buffer) >= 4:
                    n, at = struct.unpack("!H", self.buffer[2:4])[0], 4
                elif n == 127 and len(self.buffer) >= 10:
                    n, at = struct.unpack("!Q", self.buffer[2:10])[0], 10
                if n < 126 or at > 2:
                    if len(self.buffer) >= at + n:
                        payload = self.buffer[at:at + n]
                        self.buffer = self.buffer[at + n:]
                        return b0 & 0x0F, payload
            try:
                chunk = self.sock.recv(65536)
            except (socket.timeout, OSError):
                return None
            if not chunk:
                return None
            self.buffer += chunk

    def wait_close(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            f = self.next_frame(deadline - time.time())
            if f is None:
                return None
            if f[0] == 0x8:
                return f
        return None

    def reset(self):
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


def drain(peer, seconds):
    """Reads (and drops) what the server sends, e.g. echoes."""
    end = time.time() + seconds
    while time.time() < end:
        if peer.next_frame(max(0.05, end - time.time())) is None:
            time.sleep(0.05)


def main():
    port = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 40
    peers = []
    # What each sends before the server acts: the server closes 2 and 3 as
    # soon as all six are open.
    first = {
        "/feed": lambda p: p.text('{"subscribe":"prices"}'),
        "/upload": lambda p: p.frame(0x2, bytes(range(48))),
    }
    for path, agent in [
        ("/chat?room=lobby", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"),
        ("/feed", "okhttp/4.12.0"),
        ("/upload", "device-sdk/2.3.1"),
        ("/chat?room=ops", "Mozilla/5.0 (Macintosh) Safari/17.5"),
        ("/metrics", "collector/0.9"),
        ("/chat?room=lobby", "python-websockets/12.0"),
    ]:
        for attempt in range(100):
            try:
                peers.append(Peer(port, path, agent=agent))
                if path in first:
                    first[path](peers[-1])
                break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit(f"screenshot_peers: cannot connect to {HOST}:{port}")
        time.sleep(0.15)  # ids follow this order
    p1, p2, p3, p4, p5, p6 = peers

    def lobby():
        for text in ["hello", "anyone here?", '{"type":"typing","user":"ana"}']:
            p1.text(text)
            time.sleep(0.2)
        drain(p1, seconds)

    def feed():
        if p2.wait_close(seconds):  # the server's Close Output
            time.sleep(0.3)
            p2.text('{"price":101.5,"late":true}')
            time.sleep(0.2)
            p2.text('{"price":101.7,"late":true}')
            time.sleep(0.2)
            p2.close(1001, "ok, going")
        drain(p2, 2)

    def upload():
        if p3.wait_close(seconds):  # the server's Close: send on, never answer
            time.sleep(0.5)
            p3.text("chunk 17/20")
        drain(p3, seconds)

    def ops():
        p4.text("deploying v2.4.1 now")
        time.sleep(0.3)
        p4.close(1000, "bye")
        drain(p4, seconds)

    def metrics():
        for i in range(3):
            p5.text(f"cpu={40 + i}%")
            time.sleep(0.1)
        time.sleep(0.3)
        p5.reset()

    def pinger():
        p6.ping("keep-alive 1")
        time.sleep(0.3)
        p6.text("hi from the second lobby client")
        drain(p6, seconds)

    threads = [threading.Thread(target=f, daemon=True)
               for f in (lobby, feed, upload, ops, metrics, pinger)]
    for t in threads:
        t.start()
    time.sleep(seconds)


if __name__ == "__main__":
    main()
