#!/usr/bin/python3
"""Proxy mode when the upstream cannot be had (docs/headless.md "Proxy mode",
"The upgrade"): the client's upgrade fails with the server's own status
(404 stays 404, 400 stays 400) or with 502 (refused, unresolvable) or 504
(no answer within --handshake-timeout), and the log says why. And a bad
--proxy-to exits 2 with one stderr line naming the option.

Usage: tst_proxy_failures.py CLOSECALL [unittest options]
"""

import os
import subprocess
import sys
import unittest

from proxyharness import (PYTHON, WSPEER_PY, CloseCall, Process, SilentServer,
                          free_port_refusing, node_client, python_client, python_server)

CLOSECALL = None


class ProxyFailures(unittest.TestCase):
    def setUp(self):
        self.processes = []
        self.silent = None

    def tearDown(self):
        for p in reversed(self.processes):
            if isinstance(p, CloseCall):
                p.quit()
            else:
                p.stop()
        if self.silent:
            self.silent.close()

    def start(self, process):
        self.processes.append(process)
        return process

    def failed_upgrade(self, target, *options):
        """Proxies to `target`, connects a python client; returns what the
        client saw and CloseCall's handshake_failed events."""
        cc = self.start(CloseCall(CLOSECALL, target, *options))
        client = self.start(python_client(cc.url + "/x"))
        seen = client.wait_for(lambda r: r.get("peer") == "handshake_failed", "handshake_failed")
        failed = cc.wait_event("handshake_failed", "the log's handshake_failed")
        return cc, seen, failed

    def assert_logged(self, cc, status, *words):
        """Both legs' handshake_failed say why (docs/headless.md "The
        upgrade"); the client leg's names the status the client got."""
        client_side = cc.wait_event("handshake_failed", "the client leg's handshake_failed",
                                    role="in")
        server_side = cc.wait_event("handshake_failed", "the server leg's handshake_failed",
                                    role="out")
        self.assertEqual(client_side["status"], status, client_side)
        self.assertEqual((client_side.get("leg"), server_side.get("leg")), ("client", "server"))
        self.assertEqual(server_side.get("pair"), client_side.get("pair"), server_side)
        reasons = (client_side["reason"] + " " + server_side["reason"]).lower()
        for word in words:
            self.assertIn(word, reasons, (client_side, server_side))

    def test_refused_port_is_502(self):
        port = free_port_refusing()
        cc, seen, _ = self.failed_upgrade(f"ws://127.0.0.1:{port}/app")
        self.assertEqual(seen["status"], 502, seen)
        self.assert_logged(cc, 502, "refused")
        # Proxy mode says where it relays, once, on stderr.
        notices = [line for line in cc.stderr() if "proxying" in line]
        self.assertEqual(notices, [f"closecall: proxying {cc.url} to ws://127.0.0.1:{port}/app"])

    def test_unresolvable_host_is_502(self):
        cc, seen, _ = self.failed_upgrade("ws://no-such-host.closecall-test.invalid:9/")
        self.assertEqual(seen["status"], 502, seen)
        self.assert_logged(cc, 502, "no-such-host.closecall-test.invalid")

    def test_server_404_stays_404(self):
        server = self.start(python_server())
        cc = self.start(CloseCall(CLOSECALL, f"ws://127.0.0.1:{server.port}/missing"))
        client = self.start(node_client(cc.url + "/page"))
        seen = client.wait_for(lambda r: r.get("client") == "handshake_failed", "handshake_failed")
        self.assertEqual(seen["status"], 404, seen)
        self.assertIn("no such app", seen["body"])  # the server's own body
        cc.wait_event("handshake_failed", "the log's handshake_failed")
        self.assert_logged(cc, 404, "404")

    def test_server_400_without_subprotocol(self):
        """The client offers no subprotocol; the server insists: its 400
        comes back as it is."""
        server = self.start(python_server())
        cc = self.start(CloseCall(CLOSECALL, f"ws://127.0.0.1:{server.port}/"))
        client = self.start(Process("python client", [PYTHON, WSPEER_PY, cc.url + "/",
                                                      "--timeout", "300"]))
        seen = client.wait_for(lambda r: r.get("peer") == "handshake_failed", "handshake_failed")
        self.assertEqual(seen["status"], 400, seen)
        cc.wait_event("handshake_failed", "the log's handshake_failed")
        self.assert_logged(cc, 400, "400")

    def test_silent_server_is_504(self):
        # The client's own upgrade timer stops once its request is complete
        # (the proxy then waits for the upstream); 5 s leaves a loaded
        # machine time to get that far, and the upstream's timer ends it.
        self.silent = SilentServer()
        cc, seen, _ = self.failed_upgrade(f"ws://127.0.0.1:{self.silent.port}/",
                                          "--handshake-timeout", "5000")
        self.assertEqual(seen["status"], 504, seen)
        self.assert_logged(cc, 504)
        self.assertTrue(self.silent.accepted)  # it did get the connection

    def test_bad_proxy_to_exits_2(self):
        for args, value in ((["--proxy-to", "http://127.0.0.1:1/"], "http://127.0.0.1:1/"),
                            (["--proxy-to", "nonsense"], "nonsense"),
                            (["--proxy-to"], None),
                            (["--proxy-hold-closes"], None)):
            with self.subTest(args=args):
                run = subprocess.run([CLOSECALL, "--headless", "--listen", "127.0.0.1:0", *args],
                                     stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                     timeout=60)
                self.assertEqual(run.returncode, 2, run)
                self.assertEqual(run.stdout, "")
                lines = run.stderr.splitlines()
                self.assertEqual(len(lines), 1, run.stderr)
                self.assertIn("--proxy-", lines[0])
                if value:
                    self.assertIn(value, lines[0])


if __name__ == "__main__":
    CLOSECALL = sys.argv.pop(1)
    unittest.main(verbosity=2)
