#!/usr/bin/python3
"""A real browser through proxy mode: Debian's chromium, headless, loads
peers/proxy_page.html, whose WebSocket goes to `closecall --headless
--proxy-to` and on to a python3-websockets server (peers/app_server.py).
The page reports what it saw to a report socket served here (no browser
driver), as the interop matrix's page does (tests/interop/clients/).

Usage: tst_proxy_browser.py CLOSECALL [unittest options]
"""

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

import websockets

from proxyharness import PEERS, WAIT, CloseCall, python_server

CLOSECALL = None
PAGE = os.path.join(PEERS, "proxy_page.html")


class ReportServer:
    """A python3-websockets server on its own thread that keeps every text
    a page sends it."""

    def __init__(self):
        self.reports = []
        self.arrived = threading.Event()
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait()

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)

        async def handler(ws, path=None):
            async for message in ws:
                self.reports.append(json.loads(message))
                self.arrived.set()

        self.server = self.loop.run_until_complete(
            websockets.serve(handler, "127.0.0.1", 0, max_size=None))
        self.url = f"ws://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/"
        ready.set()
        self.loop.run_forever()

    def close(self):
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)


@unittest.skipUnless(shutil.which("chromium"), "chromium is not installed")
class ProxyBrowser(unittest.TestCase):
    def test_chromium_through_the_proxy(self):
        server = python_server()
        cc = CloseCall(CLOSECALL, f"ws://127.0.0.1:{server.port}/app")
        reports = ReportServer()
        profile = tempfile.mkdtemp(prefix="chromium-")
        page = f"file://{PAGE}#ws={cc.url}/browser&report={reports.url}"
        browser = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-background-timer-throttling",
             f"--user-data-dir={profile}", page],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self.assertTrue(reports.arrived.wait(WAIT * 2), "the page sent no report")
            report = reports.reports[0]
            self.assertEqual(report["errors"], [], report)
            self.assertEqual(report["protocol"], "chat.v1", report)
            self.assertEqual(report["received"], ["welcome /app/browser", "from the browser"],
                             report)
            # The browser's Close reached the server unchanged, and the
            # server's answer came back to the browser.
            closed = server.wait_for(lambda r: r.get("server") == "closed", "closed")
            self.assertEqual((closed["code"], closed["reason"]), (4004, "browser done"))
            self.assertEqual(report["close"]["code"], 4004, report)
            self.assertTrue(report["close"]["was_clean"], report)

            # The log: the browser's request on the client leg, both legs paired.
            client = cc.wait_event("open", "the client leg's open", leg="client")
            self.assertIn("Chrome", client["user_agent"])
            self.assertEqual(client["path"], "/browser")
            upstream = server.wait_for(lambda r: r.get("server") == "open", "open")
            ua = {k.lower(): v for k, v in upstream["headers"].items()}.get("user-agent", "")
            self.assertIn("Chrome", ua)  # passed on to the server
            cc.wait_event("close_received", conn=client["conn"], code=4004)
            cc.wait_event("closed", conn=client["conn"], final="Closed")
        finally:
            browser.terminate()
            try:
                browser.wait(timeout=15)
            except subprocess.TimeoutExpired:
                browser.kill()
                browser.wait()
            shutil.rmtree(profile, ignore_errors=True)
            reports.close()
            cc.quit()
            server.stop()


if __name__ == "__main__":
    CLOSECALL = sys.argv.pop(1)
    unittest.main(verbosity=2)
