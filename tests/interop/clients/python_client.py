#!/usr/bin/python3
"""The python3-websockets client of the interop matrix; behaves as README.md
says and prints its report on stdout. Usage: python_client.py URL"""

import asyncio
import json
import sys
import time

import websockets

START = time.monotonic()


def now():
    return round((time.monotonic() - START) * 1000, 1)


async def main(url):
    report = {"client": "python-websockets", "version": websockets.__version__, "url": url,
              "sent": 0, "send_refused": 0, "received": [], "errors": [], "events": []}
    sending = True
    try:
        async with websockets.connect(url) as ws:
            report["events"].append({"t": now(), "what": "open"})

            async def sender():
                while sending:
                    await asyncio.sleep(0.02)
                    if not sending:
                        break
                    try:
                        await ws.send(f"c{report['sent'] + 1}")
                        report["sent"] += 1
                    except websockets.ConnectionClosed:
                        report["send_refused"] += 1
                        return

            task = asyncio.create_task(sender())
            try:
                async for message in ws:
                    text = message if isinstance(message, str) else "(binary)"
                    report["received"].append({"t": now(), "data": text})
                    if text.startswith("close-now:"):
                        _, code, reason = text.split(":", 2)
                        sending = False
                        report["events"].append({"t": now(), "what": "close_called",
                                                 "code": int(code), "reason": reason})
                        await ws.close(int(code), reason)
                    elif text == "stop-sending":
                        sending = False
            except websockets.ConnectionClosed:
                pass
            sending = False
            task.cancel()
            await ws.wait_closed()
            received = ws.close_rcvd
            report["close"] = {"t": now(), "code": ws.close_code, "reason": ws.close_reason,
                               "was_clean": received is not None and ws.close_sent is not None,
                               "close_received": None if received is None else
                               {"code": received.code, "reason": received.reason},
                               "close_sent": None if ws.close_sent is None else
                               {"code": ws.close_sent.code, "reason": ws.close_sent.reason},
                               "received_then_sent": ws.close_rcvd_then_sent}
    except Exception as error:  # the report says what went wrong, whatever it was
        report["errors"].append({"t": now(), "message": f"{type(error).__name__}: {error}"})
    print(json.dumps(report), flush=True)


asyncio.run(main(sys.argv[1]))
