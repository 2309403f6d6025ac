#!/usr/bin/python3
"""Server RSS under a hostile wss:// peer that never reads (not a test).

Starts the headless binary on wss:// (a certificate made here with the
openssl CLI), connects one TLS client that upgrades and then floods the
server without ever reading what comes back, and prints the server's RSS
every second for --seconds (default 15):

  echo   --echo on; 64 KiB binary messages (their echoes pile up)
  ping   125-byte Pings (their Pongs pile up)

The server's stdout (events) goes to /dev/null, so the event stream itself
does not hold it back. Usage:

  tests/soak/tls_hostile_rss.py --closecall build/dev/app/closecall --peer echo
  tests/soak/tls_hostile_rss.py --closecall build/dev/app/closecall --peer ping
"""

import argparse
import base64
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def frame(opcode, payload):
    """A masked client frame (mask key 0: the payload goes as it is)."""
    n = len(payload)
    head = bytes([0x80 | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + n.to_bytes(2, "big")
    else:
        head += bytes([0x80 | 127]) + n.to_bytes(8, "big")
    return head + b"\0\0\0\0" + payload


def make_cert(folder):
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
                    "/CN=localhost", "-days", "1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--closecall", required=True)
    ap.add_argument("--peer", choices=["echo", "ping"], required=True)
    ap.add_argument("--seconds", type=float, default=15.0)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        cert, key = make_cert(folder)
        cmd = [args.closecall, "--headless", "--listen", "127.0.0.1:0",
               "--tls-cert", cert, "--tls-key", key]
        if args.peer == "echo":
            cmd.append("--echo")
        server = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        first = server.stdout.readline().decode()
        port = int(first.split('"port":')[1].split(",")[0].split("}")[0])
        # The rest of the event stream is read and thrown away at once.
        threading.Thread(target=lambda: [None for _ in iter(
            lambda: server.stdout.read(1 << 16), b"")], daemon=True).start()

        ctx = ssl.create_default_context(cafile=cert)
        raw = socket.create_connection(("127.0.0.1", port))
        tls = ctx.wrap_socket(raw, server_hostname="127.0.0.1")
        key_b64 = base64.b64encode(os.urandom(16)).decode()
        tls.sendall((f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                     f"Connection: Upgrade\r\nSec-WebSocket-Key: {key_b64}\r\n"
                     f"Sec-WebSocket-Version: 13\r\n\r\n").encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += tls.recv(4096)
        if b" 101 " not in answer.split(b"\r\n")[0]:
            sys.exit(f"upgrade refused: {answer!r}")

        if args.peer == "echo":
            batch = frame(0x2, b"x" * 65536) * 16
        else:
            batch = frame(0x9, b"p" * 125) * 8192
        sent = [0]
        stop = threading.Event()

        def flood():
            # Blocking sends: when the server stops reading, this blocks.
            try:
                while not stop.is_set():
                    tls.sendall(batch)
                    sent[0] += len(batch)
            except OSError:
                pass

        before = rss_mib(server.pid)
        threading.Thread(target=flood, daemon=True).start()
        start = time.monotonic()
        peak = before
        print(f"peer={args.peer} server RSS before: {before:.1f} MiB")
        while time.monotonic() - start < args.seconds:
            time.sleep(1.0)
            now = rss_mib(server.pid)
            peak = max(peak, now)
            print(f"  t={time.monotonic() - start:4.1f}s RSS {now:8.1f} MiB  "
                  f"client sent {sent[0] / 1048576:8.1f} MiB", flush=True)
        after = rss_mib(server.pid)
        print(f"peer={args.peer} RSS before {before:.1f} MiB, after {args.seconds:.0f} s "
              f"{after:.1f} MiB, peak {peak:.1f} MiB, client sent {sent[0] / 1048576:.1f} MiB")
        stop.set()
        raw.close()
        server.kill()
        server.wait()


if __name__ == "__main__":
    main()
