#!/usr/bin/python3
"""Python `websockets` (Debian's python3-websockets) echo server with
compression on, at the library's defaults (permessage-deflate is on by
default: 12-bit windows, memLevel 5, context takeover), for
tests/bench/run-deflate-bench. Prints {"port": N} once listening.
Usage: websockets_echo_server.py [PORT]"""

import asyncio
import json
import sys

import websockets


async def echo(ws, _path=None):
    async for message in ws:
        await ws.send(message)


async def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    async with websockets.serve(echo, "127.0.0.1", port, compression="deflate",
                                max_size=64 * 1024 * 1024) as server:
        print(json.dumps({"port": server.sockets[0].getsockname()[1]}), flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
