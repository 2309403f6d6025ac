#!/usr/bin/python3
"""An independent WebSocket client for the headless tests.

The protocol (handshake, framing, masking, Close parsing) is Debian's
python3-websockets, in its sans-I/O form (websockets.client.ClientConnection),
so nothing of CloseCall is on this side of the wire. Driving the sans-I/O
object over a plain socket lets this peer do one thing no high-level client
does: when the server's Close arrives, send a few more data frames before the
Close reply the library queued (docs/close-semantics.md: post-close data).

Usage: wspeer.py URL [--after-close-send N] [--subprotocol NAME] [--origin O]
                     [--header NAME:VALUE] [--timeout S] [--deflate]
                     [--deflate-offer PARAMS]

--deflate offers permessage-deflate as the library's own client does by
default (client_max_window_bits); the frames sent after the server's Close
are then compressed too, through the negotiated extension.
--deflate-offer offers permessage-deflate with the RFC 7692 §7.1 parameters
given, `;`-separated (`server_max_window_bits=9;client_no_context_takeover`;
`client_max_window_bits` alone offers it without a value); the library
compresses within what the server answers.

Commands on stdin, one JSON object a line:
  {"send": "text"}            a text message
  {"send_binary": "base64"}   a binary message
  {"ping": "payload"}         a Ping
  {"close": 1000, "reason": "bye"}   our Close (code null = empty Close)
  {"drop": true}              close the TCP connection without a Close

Reports on stdout, one JSON object a line, "peer" naming what happened:
  open, handshake_failed, message, ping, pong, close_frame (the server's
  Close: code, reason, empty), sent_after_close, and finally end (close_code,
  close_reason, close_frame_received, reset, eof).
"""

import argparse
import base64
import json
import os
import select
import socket
import sys
import time

try:
    from websockets.client import ClientConnection
    from websockets.exceptions import InvalidState
    from websockets.extensions.permessage_deflate import (ClientPerMessageDeflateFactory,
                                                          enable_client_permessage_deflate)
    from websockets.frames import Close, Frame, Opcode
    from websockets.http11 import Response
    from websockets.uri import parse_uri
except ImportError as exc:  # the test turns this into a clear failure
    print(json.dumps({"peer": "error", "message": f"python3-websockets missing: {exc}"}),
          flush=True)
    sys.exit(4)


def report(kind, **fields):
    fields = {"peer": kind, **fields}
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def run_command(conn, command):
    if "send" in command:
        conn.send_text(command["send"].encode())
    elif "send_binary" in command:
        conn.send_binary(base64.b64decode(command["send_binary"]))
    elif "ping" in command:
        conn.send_ping(command["ping"].encode())
    elif "close" in command:
        conn.send_close(command["close"], command.get("reason", ""))


def offer_parameters(text):
    """--deflate-offer's `a=1;b` as ClientPerMessageDeflateFactory's arguments."""
    kwargs = {"client_max_window_bits": None}
    for item in filter(None, (part.strip() for part in text.split(";"))):
        name, _, value = item.partition("=")
        if name in ("server_no_context_takeover", "client_no_context_takeover"):
            kwargs[name] = True
        elif name == "server_max_window_bits":
            kwargs[name] = int(value)
        elif name == "client_max_window_bits":
            kwargs[name] = int(value) if value else True
        else:
            sys.exit(f"wspeer.py: --deflate-offer: unknown parameter {name!r}")
    return kwargs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--after-close-send", type=int, default=0)
    parser.add_argument("--subprotocol", action="append")
    parser.add_argument("--origin")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--deflate", action="store_true")
    parser.add_argument("--deflate-offer")
    args = parser.parse_args()

    uri = parse_uri(args.url)
    extensions = enable_client_permessage_deflate(None) if args.deflate else None
    if args.deflate_offer is not None:
        extensions = [ClientPerMessageDeflateFactory(**offer_parameters(args.deflate_offer))]
    conn = ClientConnection(uri, origin=args.origin, subprotocols=args.subprotocol,
                            extensions=extensions, max_size=None)
    sock = socket.create_connection((uri.host, uri.port), timeout=args.timeout)
    sock.setblocking(True)
    request = conn.connect()
    for header in args.header:
        name, _, value = header.partition(":")
        request.headers[name.strip()] = value.strip()
    conn.send_request(request)

    state = {"close_frame": None, "reset": False, "eof": False}

    def flush_writes():
        for data in conn.data_to_send():
            if data:
                sock.sendall(data)
            else:  # SEND_EOF: half-close, as the library asks
                try:
                    sock.shutdown(socket.SHUT_WR)
                except OSError:
                    pass

    flush_writes()
    stdin_open = True
    pending_stdin = b""
    opened = False
    deadline = time.monotonic() + args.timeout
    done = False
    while not done:
        # Commands wait for the handshake; the test may write them early.
        while opened and b"\n" in pending_stdin:
            line, pending_stdin = pending_stdin.split(b"\n", 1)
            if line.strip():
                command = json.loads(line)
                try:
                    run_command(conn, command)
                except InvalidState as exc:
                    report("refused", error=str(exc))
                if "drop" in command:
                    sock.close()
                    report("end", dropped=True)
                    return
                flush_writes()

        remaining = deadline - time.monotonic()
        if remaining <= 0:
            report("timeout")
            sys.exit(3)
        watch = [sock] + ([sys.stdin] if stdin_open else [])
        readable, _, _ = select.select(watch, [], [], remaining)

        if sys.stdin in readable:
            # os.read, not readline: a buffered reader would hide lines from select.
            chunk = os.read(sys.stdin.fileno(), 65536)
            if not chunk:
                stdin_open = False
            pending_stdin += chunk
        if sock not in readable:
            continue
        try:
            data = sock.recv(65536)
        except ConnectionResetError:
            state["reset"] = True
            data = b""
        if data:
            conn.receive_data(data)
        else:
            state["eof"] = not state["reset"]
            conn.receive_eof()
            done = True

        for event in conn.events_received():
            if isinstance(event, Response):
                if conn.handshake_exc is not None:
                    report("handshake_failed", status=event.status_code,
                           error=str(conn.handshake_exc))
                    sys.exit(2)
                opened = True
                report("open", status=event.status_code,
                       subprotocol=conn.subprotocol,
                       extensions=event.headers.get("Sec-WebSocket-Extensions", ""))
            elif isinstance(event, Frame):
                if event.opcode is Opcode.TEXT:
                    report("message", type="text", data=event.data.decode())
                elif event.opcode is Opcode.BINARY:
                    report("message", type="binary",
                           data=base64.b64encode(event.data).decode())
                elif event.opcode is Opcode.PING:
                    report("ping", data=event.data.decode(errors="replace"))
                elif event.opcode is Opcode.PONG:
                    report("pong", data=event.data.decode(errors="replace"))
                elif event.opcode is Opcode.CLOSE:
                    close = Close.parse(event.data)
                    state["close_frame"] = close
                    report("close_frame", code=close.code, reason=close.reason,
                           empty=len(event.data) == 0)
                    if args.after_close_send and conn.close_rcvd_then_sent:
                        # The library queued its Close reply; our data goes first.
                        for i in range(1, args.after_close_send + 1):
                            frame = Frame(Opcode.TEXT, f"after close {i}".encode())
                            sock.sendall(frame.serialize(mask=True,
                                                         extensions=conn.extensions))
                        report("sent_after_close", count=args.after_close_send)
        try:
            flush_writes()
        except (BrokenPipeError, ConnectionResetError):
            state["reset"] = True

    close = state["close_frame"]
    report("end",
           close_code=close.code if close else 1006,
           close_reason=close.reason if close else "",
           close_frame_received=close is not None,
           reset=state["reset"], eof=state["eof"])
    sock.close()


if __name__ == "__main__":
    main()
