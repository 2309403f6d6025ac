#!/usr/bin/python3
"""The real application server behind CloseCall's proxy in tests/proxy, on
Debian's python3-websockets (its asyncio server), so nothing of CloseCall is
on this side of the wire. Its application protocol is deliberately picky, as
real ones are, so a proxy that loses a header or a message shows:

- the upgrade must offer the subprotocol `chat.v1` (else HTTP 400
  "subprotocol chat.v1 required"); the path /missing... answers 404
  "no such app"
- the first message must be "hello" (else Close 4001 "say hello first");
  the answer is "welcome <path>" (the path as the server got it)
- then "echo:X" is answered with "X", "ticks" starts "tick 1", "tick 2", ...
  every 20 ms until the connection ends, and "close:CODE:REASON" closes

Usage: app_server.py  (listens on 127.0.0.1, any free port)

Commands on stdin, one JSON object a line, for the newest connection:
  {"send": "text"}  {"ticks": true}  {"close": 4000, "reason": "bye"}
  {"drop": true}    (close TCP without a Close)

Reports on stdout, one JSON object a line, "server" naming what happened:
  listening (port), open (path, subprotocol, headers), message (data),
  closed (code and reason of the client's Close as received, 1006 when none
  came; sent_code: ours, if we sent one).
"""

import asyncio
import http
import json
import sys
import threading

try:
    import websockets
    from websockets.exceptions import ConnectionClosed
except ImportError as exc:
    print(json.dumps({"server": "error", "message": f"python3-websockets missing: {exc}"}),
          flush=True)
    sys.exit(4)


def report(kind, **fields):
    sys.stdout.write(json.dumps({"server": kind, **fields}) + "\n")
    sys.stdout.flush()


class App:
    def __init__(self):
        self.newest = None
        self.tickers = {}

    # websockets 10 wants an http.HTTPStatus here (a bare int fails its
    # logging, and the connection closes with no answer at all).
    async def process_request(self, path, headers):
        if path.startswith("/missing"):
            return http.HTTPStatus.NOT_FOUND, [("Content-Type", "text/plain")], b"no such app\n"
        offered = ",".join(headers.get_all("Sec-WebSocket-Protocol"))
        if "chat.v1" not in [p.strip() for p in offered.split(",")]:
            return http.HTTPStatus.BAD_REQUEST, [("Content-Type", "text/plain")], b"subprotocol chat.v1 required\n"
        return None

    async def ticks(self, ws):
        n = 0
        try:
            while True:
                n += 1
                await ws.send(f"tick {n}")
                await asyncio.sleep(0.02)
        except ConnectionClosed:
            pass

    async def handler(self, ws, path=None):
        path = ws.path
        self.newest = ws
        report("open", path=path, subprotocol=ws.subprotocol,
               headers={k: v for k, v in ws.request_headers.raw_items()})
        greeted = False
        try:
            async for message in ws:
                report("message", data=message if isinstance(message, str) else "(binary)")
                if not greeted:
                    if message != "hello":
                        await ws.close(4001, "say hello first")
                        break
                    greeted = True
                    await ws.send(f"welcome {path}")
                elif isinstance(message, str) and message.startswith("echo:"):
                    await ws.send(message[5:])
                elif message == "ticks":
                    self.tickers[ws] = asyncio.ensure_future(self.ticks(ws))
                elif isinstance(message, str) and message.startswith("close:"):
                    _, code, reason = message.split(":", 2)
                    await ws.close(int(code), reason)
        except ConnectionClosed:
            pass
        await ws.wait_closed()
        ticker = self.tickers.pop(ws, None)
        if ticker:
            ticker.cancel()
        report("closed", code=ws.close_code, reason=ws.close_reason)

    async def command(self, command):
        ws = self.newest
        if ws is None:
            report("refused", error="no connection yet")
            return
        try:
            if "send" in command:
                await ws.send(command["send"])
            elif "ticks" in command:
                self.tickers[ws] = asyncio.ensure_future(self.ticks(ws))
            elif "close" in command:
                await ws.close(command["close"], command.get("reason", ""))
            elif "drop" in command:
                ws.transport.abort()
        except ConnectionClosed as exc:
            report("refused", error=str(exc))


def read_stdin(loop, app):
    for line in sys.stdin:
        if line.strip():
            asyncio.run_coroutine_threadsafe(app.command(json.loads(line)), loop)


async def main():
    app = App()
    loop = asyncio.get_running_loop()
    server = await websockets.serve(app.handler, "127.0.0.1", 0, subprotocols=["chat.v1"],
                                    process_request=app.process_request, max_size=None,
                                    ping_interval=None)
    port = server.sockets[0].getsockname()[1]
    report("listening", port=port)
    threading.Thread(target=read_stdin, args=(loop, app), daemon=True).start()
    await asyncio.Future()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
