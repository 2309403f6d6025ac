#!/usr/bin/python3
"""An independent WebSocket server for tst_peer: Debian's python3-websockets
(its asyncio server), so nothing of CloseCall is on this side of the wire.

Usage: closingserver.py CODE REASON

Listens on 127.0.0.1 on a free port and prints {"port": N}. Each connection:
waits for the client's first data message, then closes with CODE and the
reason "REASON: <the message>" and prints {"closed": CODE, "got": message,
"client_code": the code of the client's Close answer}. Runs until killed.
"""

import asyncio
import json
import sys

try:
    import websockets
except ImportError:  # a broken test environment must fail, not pass
    print(json.dumps({"error": "python3-websockets is missing"}), flush=True)
    sys.exit(3)


def report(obj):
    print(json.dumps(obj), flush=True)


async def main(code, reason):
    async def handler(ws, path=None):
        message = await ws.recv()
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        await ws.close(code, f"{reason}: {message}")
        report({"closed": code, "got": message, "client_code": ws.close_rcvd.code
                if ws.close_rcvd else None})

    async with websockets.serve(handler, "127.0.0.1", 0) as server:
        report({"port": server.sockets[0].getsockname()[1]})
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
