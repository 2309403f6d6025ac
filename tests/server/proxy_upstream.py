#!/usr/bin/python3
"""The real upstream server of tests/server/tst_proxy.cpp: python3-websockets
behind CloseCall's proxy mode. Prints {"event":"listening","port":N} first,
then one {"event":"closed",...} report per connection as it ends.

An application exchange: the server chooses subprotocol chat.v2 (or chat.v1)
among those offered, greets with a JSON hello naming the path, subprotocol
and request headers it got, then answers each message:
  "close CODE REASON"  it closes with that code and reason
  "stream"             it sends "s1", "s2", ... every 20 ms until its
                       Close goes out or the connection ends
  "flood N SIZE"       N binary messages of SIZE bytes, as fast as it can;
                       {"event":"stalled"} when nothing more could be sent
                       for a second (nobody reads), {"event":"flood_done"}
  "ping TEXT"          a Ping with TEXT
  anything else        "echo: " + the message
permessage-deflate is accepted when offered. Paths: /late?late=K: when the client's Close arrives, K messages "late 1".."late K"
go out before the library reads it (so they follow that Close on the wire);
/missing... is refused with 404 and a body; /silent... never answers
the upgrade."""

import asyncio
import http
import json
import sys

import websockets
from websockets.legacy.server import WebSocketServerProtocol


def emit(obj):
    print(json.dumps(obj), flush=True)


class CloseSpotter:
    """Finds the end of the client's Close frame in the bytes as they arrive."""

    def __init__(self):
        self.buffer = b""
        self.seen = False

    def feed(self, data):
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
    spotter = None

    def data_received(self, data):
        if self.state.name == "OPEN" and "late=" in getattr(self, "path", ""):
            late = int(self.path.split("late=")[1].split("&")[0])
            if self.spotter is None:
                self.spotter = CloseSpotter()
            if self.spotter.feed(data):
                for i in range(1, late + 1):
                    self.write_frame_sync(True, 0x1, f"late {i}".encode())
        super().data_received(data)
    def select_subprotocol(self, client_subprotocols, server_subprotocols):
        for choice in ("chat.v2", "chat.v1"):
            if choice in client_subprotocols:
                return choice
        return None


async def process_request(path, headers):
    if path.startswith("/missing"):
        return (http.HTTPStatus.NOT_FOUND, [("Content-Type", "text/plain")],
                b"no such room here\n")
    if path.startswith("/silent"):
        await asyncio.sleep(3600)
    return None


async def handler(ws, _path=None):
    report = {"event": "closed", "path": ws.path, "received": [], "pongs": 0}
    streaming = None

    async def stream():
        i = 0
        while True:
            await asyncio.sleep(0.02)
            i += 1
            try:
                await ws.send(f"s{i}")
            except websockets.ConnectionClosed:
                return

    try:
        await ws.send(json.dumps({"hello": ws.path, "subprotocol": ws.subprotocol,
                                  "headers": {k: v for k, v in ws.request_headers.raw_items()}}))
        async for message in ws:
            text = message if isinstance(message, str) else "(binary %d)" % len(message)
            report["received"].append(text)
            if text.startswith("close "):
                parts = text.split(" ", 2)
                if streaming:
                    streaming.cancel()
                await ws.close(int(parts[1]), parts[2] if len(parts) > 2 else "")
            elif text == "stream":
                streaming = asyncio.create_task(stream())
            elif text.startswith("flood "):
                _, count, size = text.split()
                payload = b"x" * int(size)
                progress = {"sent": 0}

                async def watch():
                    last, still = -1, 0
                    while True:
                        await asyncio.sleep(0.05)
                        buffered = ws.transport.get_write_buffer_size()
                        still = still + 1 if progress["sent"] == last and buffered > 0 else 0
                        last = progress["sent"]
                        if still == 20:
                            emit({"event": "stalled", "sent": last, "buffered": buffered})
                            return

                watcher = asyncio.create_task(watch())
                for _ in range(int(count)):
                    await ws.send(payload)
                    progress["sent"] += 1
                watcher.cancel()
                emit({"event": "flood_done", "sent": int(count)})
            elif text.startswith("ping "):
                waiter = await ws.ping(text[5:])
                await waiter
                report["pongs"] += 1
                await ws.send("pong came")
            else:
                await ws.send("echo: " + text)
    except websockets.ConnectionClosed:
        pass
    if streaming:
        streaming.cancel()
    await ws.wait_closed()
    rcvd = ws.close_rcvd
    report["code"] = ws.close_code
    report["reason"] = ws.close_reason
    report["close_received"] = None if rcvd is None else {"code": rcvd.code,
                                                          "reason": rcvd.reason}
    emit(report)


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0, create_protocol=Protocol,
                                process_request=process_request,
                                subprotocols=["chat.v2", "chat.v1"]) as server:
        emit({"event": "listening", "port": server.sockets[0].getsockname()[1]})
        await asyncio.Future()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
