#!/usr/bin/python3
"""The python3-websockets server of the swapped interop matrix (CloseCall as
the client) and of tests/server/tst_outgoingindependent.cpp; behaves as
README.md says. Usage: python_server.py (prints {"event":"listening",...}
first, then one report per connection as it ends)."""

import asyncio
import json
import sys
import time
from urllib.parse import parse_qs, urlsplit

import websockets
from websockets.legacy.server import WebSocketServerProtocol


def params(path):
    query = parse_qs(urlsplit(path).query)
    return {key: values[-1] for key, values in query.items()}


def emit(obj):
    print(json.dumps(obj), flush=True)


class CloseSpotter:
    """Finds the end of the client's Close frame in the bytes as they arrive
    (client frames: masked, well-formed), before the library reads them."""

    def __init__(self):
        self.buffer = b""
        self.seen = False

    def feed(self, data):
        """True when the Close frame's last byte is in `data`."""
        if self.seen:
            return False
        self.buffer += data
        while len(self.buffer) >= 2:
            opcode, length, pos = self.buffer[0] & 0x0F, self.buffer[1] & 0x7F, 2
            if length == 126:
                length, pos = int.from_bytes(self.buffer[2:4], "big"), 4
            elif length == 127:
                length, pos = int.from_bytes(self.buffer[2:10], "big"), 10
            pos += 4 if self.buffer[1] & 0x80 else 0
            if len(self.buffer) < pos + length:
                return False
            self.buffer = self.buffer[pos + length:]
            if opcode == 0x8:
                self.seen = True
                return True
        return False


class Protocol(WebSocketServerProtocol):
    """`late=K`: when the client's Close arrives, K text messages go out
    before the library has read that Close (it is still open for it), so they
    are on the wire after the client's Close and before the answer."""

    spotter = None
    late_sent = 0
    eof_t = None  # the client's FIN arrived
    own_eof_t = None  # the server sent its FIN
    reset_t = None  # the client reset TCP

    def connection_made(self, transport):
        super().connection_made(transport)
        write_eof = transport.write_eof

        def noted_write_eof():
            # `hold_fin=1`: never send a FIN (the client must close TCP after
            # waiting for it, RFC 6455 §7.1.1); the library then waits for the
            # client's FIN up to its close_timeout.
            if "hold_fin" in params(getattr(self, "path", "")):
                return
            if self.own_eof_t is None:
                self.own_eof_t = time.monotonic()
            write_eof()

        transport.write_eof = noted_write_eof

    def data_received(self, data):
        if self.state.name == "OPEN":
            late = int(params(self.path).get("late", 0))
            if late and self.spotter is None:
                self.spotter = CloseSpotter()
            if late and self.spotter.feed(data):
                for i in range(1, late + 1):
                    self.write_frame_sync(True, 0x1, f"late {i}".encode())
                self.late_sent = late
        super().data_received(data)

    def connection_lost(self, exc):
        # A reset from the client (no FIN from either side before it).
        if isinstance(exc, ConnectionResetError) and self.eof_t is None:
            self.reset_t = time.monotonic()
        super().connection_lost(exc)

    def eof_received(self):
        if self.eof_t is None:
            self.eof_t = time.monotonic()
        return super().eof_received()


async def handler(ws, _path=None):
    start = time.monotonic()

    def now():
        return round((time.monotonic() - start) * 1000, 1)

    p = params(ws.path)
    report = {"event": "closed", "server": "python-websockets",
              "version": websockets.__version__, "path": ws.path, "sent": 0,
              "received": [], "close_called_t": None, "errors": []}
    close_code = int(p["close"]) if "close" in p else None
    after = int(p.get("after", 0))
    every = int(p.get("every", 0))
    closing = None

    async def traffic():
        while ws.open and closing is None:
            await asyncio.sleep(every / 1000)
            if closing is not None:
                return
            try:
                await ws.send(f"s{report['sent'] + 1}")
                report["sent"] += 1
            except websockets.ConnectionClosed:
                return

    def start_close():
        nonlocal closing
        report["close_called_t"] = now()
        closing = asyncio.create_task(ws.close(close_code, p.get("reason", "")))

    sender = asyncio.create_task(traffic()) if every else None
    try:
        await ws.send("hello from python")
        if close_code is not None and after == 0:
            start_close()
        async for message in ws:
            text = message if isinstance(message, str) else "(binary)"
            report["received"].append({"t": now(), "data": text,
                                       "after_close_called": closing is not None})
            if close_code is not None and closing is None and len(report["received"]) >= after:
                start_close()
    except websockets.ConnectionClosed:
        pass
    except Exception as error:  # the report says what went wrong, whatever it was
        report["errors"].append(f"{type(error).__name__}: {error}")
    if sender:
        sender.cancel()
    if closing:
        await asyncio.gather(closing, return_exceptions=True)
    await ws.wait_closed()
    rcvd, sent = ws.close_rcvd, ws.close_sent
    report["close"] = {"t": now(), "code": ws.close_code, "reason": ws.close_reason,
                       "was_clean": rcvd is not None and sent is not None,
                       "close_received": None if rcvd is None else
                       {"code": rcvd.code, "reason": rcvd.reason},
                       "close_sent": None if sent is None else
                       {"code": sent.code, "reason": sent.reason},
                       "received_then_sent": ws.close_rcvd_then_sent}
    report["late_sent"] = ws.late_sent
    # Who closed TCP first: whose FIN went first (none: the server dropped it).
    if ws.reset_t is not None and (ws.own_eof_t is None or ws.reset_t < ws.own_eof_t):
        report["tcp_closed_first"] = "client (reset)"
    elif ws.own_eof_t is not None and (ws.eof_t is None or ws.own_eof_t <= ws.eof_t):
        report["tcp_closed_first"] = "server"
    elif ws.eof_t is not None:
        report["tcp_closed_first"] = "client"
    else:
        report["tcp_closed_first"] = None
    emit(report)


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0, create_protocol=Protocol) as server:
        emit({"event": "listening", "port": server.sockets[0].getsockname()[1],
              "server": "python-websockets", "version": websockets.__version__})
        await asyncio.Future()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
