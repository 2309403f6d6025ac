#!/usr/bin/python3
"""Proxy mode end to end (docs/headless.md "Proxy mode"): a real client and a
real server, each an independent library started here, talk through
`closecall --headless --proxy-to`, and the operator ends either leg.

Pairings: Node's ws client -> CloseCall -> python3-websockets server, and
python3-websockets client (tests/headless/peers/wspeer.py) -> CloseCall ->
Node's ws server. The servers (peers/app_server.*) insist on a subprotocol
and a first "hello", so a proxy that drops either fails here.

Usage: tst_proxy_exchange.py CLOSECALL [unittest options]
"""

import json
import os
import sys
import tempfile
import unittest

from proxyharness import (CloseCall, node_client, node_server, python_client,
                          python_server)

CLOSECALL = None


def header(headers, name):
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


class ProxyExchange(unittest.TestCase):
    def setUp(self):
        self.processes = []
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        for p in reversed(self.processes):
            if isinstance(p, CloseCall):
                p.quit()
            else:
                p.stop()
        self.tmp.cleanup()

    def start(self, process):
        self.processes.append(process)
        return process

    def proxy(self, server, path="/app", *options):
        return self.start(CloseCall(CLOSECALL, f"ws://127.0.0.1:{server.port}{path}", *options))

    def assert_leg_event(self, cc, name, conn, leg, pair, **fields):
        event = cc.wait_event(name, f"{name} on the {leg} leg #{conn} {fields}", conn=conn,
                              **fields)
        self.assertEqual(event.get("leg"), leg, event)
        self.assertEqual(event.get("pair"), pair, event)
        return event

    # -- the application exchange, and transparent closes -----------------

    def test_node_client_python_server(self):
        server = self.start(python_server())
        cc = self.proxy(server)
        client = self.start(node_client(cc.url + "/room?x=1"))

        opened = client.wait_for(lambda r: r.get("client") == "open", "open")
        self.assertEqual(opened["protocol"], "chat.v1")  # the server's choice, passed back
        # The client's path and query appended to the target's.
        client.wait_for(lambda r: r.get("data") == "welcome /app/room?x=1", "the welcome")
        seen = server.wait_for(lambda r: r.get("server") == "open", "open")
        self.assertEqual(seen["path"], "/app/room?x=1")
        self.assertEqual(seen["subprotocol"], "chat.v1")
        self.assertIn("127.0.0.1", header(seen["headers"], "X-Forwarded-For") or "", seen)
        self.assertEqual(header(seen["headers"], "Sec-WebSocket-Protocol"), "chat.v1")

        client.send({"send": "echo:through the proxy"})
        client.wait_for(lambda r: r.get("data") == "through the proxy", "the echo")

        c, s = cc.pair_legs()
        self.assertEqual(cc.wait_event("open", conn=s)["role"], "out")
        self.assertEqual(cc.wait_event("open", conn=c)["role"], "in")
        # Each message on the leg it arrived on, and again where it went.
        self.assert_leg_event(cc, "message_in", c, "client", c, preview="hello")
        self.assert_leg_event(cc, "message_out", s, "server", c, preview="hello")
        self.assert_leg_event(cc, "message_in", s, "server", c, preview="welcome /app/room?x=1")
        self.assert_leg_event(cc, "message_out", c, "client", c, preview="welcome /app/room?x=1")
        self.assert_leg_event(cc, "message_out", c, "client", c, preview="through the proxy")

        # The client closes: the server gets its code and reason unchanged,
        # and the client gets the server's answer.
        client.send({"close": 4002, "reason": "client leaving"})
        closed = server.wait_for(lambda r: r.get("server") == "closed", "closed")
        self.assertEqual((closed["code"], closed["reason"]), (4002, "client leaving"))
        end = client.wait_for(lambda r: r.get("client") == "close", "close")
        self.assertEqual((end["code"], end["reason"]), (4002, "client leaving"))
        self.assert_leg_event(cc, "close_received", c, "client", c, code=4002)
        sent = self.assert_leg_event(cc, "close_sent", s, "server", c, code=4002)
        self.assertEqual((sent["reason"], sent["mode"]), ("client leaving", "close"))
        for conn in (c, s):
            self.assertEqual(cc.wait_event("closed", conn=conn)["final"], "Closed")

        self.check_exports(cc, c, s)

    def check_exports(self, cc, c, s):
        """Every export names the legs (docs/headless.md "Exports")."""
        har = os.path.join(self.tmp.name, "pair.har")
        self.assertTrue(cc.command("export", path=har)["ok"])
        with open(har) as f:
            entries = json.load(f)["log"]["entries"]
        self.assertEqual(len(entries), 1, entries)  # one entry per pair
        entry = entries[0]
        self.assertEqual(entry["_closecall"]["conn"], c)
        self.assertEqual(entry["_closecall"]["server_leg"]["conn"], s)
        legs = [(m["_leg"], m["type"], m["data"]) for m in entry["_webSocketMessages"]]
        self.assertIn(("client", "send", "hello"), legs)
        self.assertIn(("server", "send", "hello"), legs)
        self.assertIn(("server", "receive", "welcome /app/room?x=1"), legs)
        self.assertIn(("client", "receive", "welcome /app/room?x=1"), legs)

        csv = os.path.join(self.tmp.name, "pair.csv")
        self.assertTrue(cc.command("export", path=csv)["ok"])
        with open(csv, newline="") as f:
            rows = [line.rstrip("\r\n").split(",") for line in f]
        self.assertEqual(rows[0][-2:], ["pair", "leg"])
        conn_at = rows[0].index("conn")
        for row in rows[1:]:
            if row[conn_at] in (str(c), str(s)):
                self.assertEqual(row[-2], str(c), row)
                self.assertEqual(row[-1], "client" if row[conn_at] == str(c) else "server", row)

        text = os.path.join(self.tmp.name, "pair.log")
        self.assertTrue(cc.command("export", path=text)["ok"])
        with open(text) as f:
            log = f.read()
        self.assertIn(f"#{c} client Open  message_in", log)
        self.assertIn(f"#{s} server Open  message_out", log)

    def test_python_client_node_server(self):
        server = self.start(node_server())
        cc = self.proxy(server, "/app", "--proxy-keep-target-path")
        client = self.start(python_client(cc.url + "/ignored?y=2"))
        opened = client.wait_for(lambda r: r.get("peer") == "open", "open")
        self.assertEqual(opened["subprotocol"], "chat.v1")
        client.send({"send": "hello"})
        # --proxy-keep-target-path: the target's own path only.
        client.wait_for(lambda r: r.get("data") == "welcome /app", "the welcome")
        client.send({"send": "echo:reverse"})
        client.wait_for(lambda r: r.get("data") == "reverse", "the echo")
        c, s = cc.pair_legs()

        # A Ping is passed on, not answered by the proxy: the Pong the
        # client gets is the server's (auto_pong is off on both legs).
        client.send({"ping": "are you there"})
        client.wait_for(lambda r: r.get("peer") == "pong" and r.get("data") == "are you there",
                        "the server's Pong")
        self.assert_leg_event(cc, "ping_in", c, "client", c, preview="are you there")
        self.assert_leg_event(cc, "ping_out", s, "server", c, preview="are you there")
        self.assert_leg_event(cc, "pong_in", s, "server", c, preview="are you there")
        self.assert_leg_event(cc, "pong_out", c, "client", c, preview="are you there")
        self.assertEqual(len(cc.events("pong_out", c)), 1)  # one Pong: the server's, relayed

        # The server closes: the client gets its code and reason unchanged.
        server.send({"close": 4003, "reason": "server says bye"})
        frame = client.wait_for(lambda r: r.get("peer") == "close_frame", "the server's Close")
        self.assertEqual((frame["code"], frame["reason"]), (4003, "server says bye"))
        end = client.wait_for(lambda r: r.get("peer") == "end", "end")
        self.assertEqual(end["close_code"], 4003)
        closed = server.wait_for(lambda r: r.get("server") == "closed", "closed")
        self.assertEqual(closed["code"], 4003)  # the client's answer, relayed back
        self.assert_leg_event(cc, "close_received", s, "server", c, code=4003)
        sent = self.assert_leg_event(cc, "close_sent", c, "client", c, code=4003)
        self.assertEqual(sent["reason"], "server says bye")

    # -- closes held: the operator decides ------------------------------

    def test_hold_closes_close_output_on_client_leg(self):
        """--proxy-hold-closes, Close Output on the client leg while the
        server keeps sending: what was relayed reaches the client, the
        client's late messages are delivered and relayed, the server's
        later ones are logged as not relayed."""
        server = self.start(node_server())
        cc = self.proxy(server, "/app", "--proxy-hold-closes")
        client = self.start(python_client(cc.url + "/", "--after-close-send", "2"))
        client.wait_for(lambda r: r.get("peer") == "open", "open")
        client.send({"send": "hello"})
        client.wait_for(lambda r: r.get("data") == "welcome /app/", "the welcome")
        client.send({"send": "ticks"})
        client.wait_for(lambda r: r.get("data") == "tick 3", "three ticks")
        c, s = cc.pair_legs()

        result = cc.command("close_output", conn=c, code=4000, reason="proxy says bye")
        self.assertTrue(result["ok"], result)
        frame = client.wait_for(lambda r: r.get("peer") == "close_frame", "our Close")
        self.assertEqual((frame["code"], frame["reason"]), (4000, "proxy says bye"))
        client.wait_for(lambda r: r.get("peer") == "end", "end")

        # The client's messages after our Close: flagged delivered, relayed.
        for i in (1, 2):
            late = self.assert_leg_event(cc, "message_in", c, "client", c,
                                         preview=f"after close {i}")
            self.assertEqual(late["post_close"], "delivered", late)
            server.wait_for(lambda r, i=i: r.get("data") == f"after close {i}",
                            f"after close {i} at the server")
        # The server keeps sending; what no longer can go to the client is
        # said so on the server leg.
        lost = self.assert_leg_event(cc, "not_relayed", s, "server", c)
        self.assertEqual(lost["type"], "text")
        self.assertTrue(lost["reason"], lost)
        # Every tick the client leg sent reached the client.
        sent = [e["preview"] for e in cc.events("message_out", c) if e["preview"].startswith("tick")]
        got = [r["data"] for r in client.all(lambda r: r.get("peer") == "message")]
        self.assertTrue(sent)
        for tick in sent:
            self.assertIn(tick, got)

        # Held: the server leg is still open, the server has seen no Close.
        self.assertEqual(cc.events("close_sent", s), [])
        listed = {row["id"]: row for row in cc.command("list")["data"]}
        self.assertEqual(listed[s]["state"], "Open")
        # Now the operator closes the server's side, with its own words.
        self.assertTrue(cc.command("close", conn=s, code=1000, reason="done")["ok"])
        closed = server.wait_for(lambda r: r.get("server") == "closed", "closed")
        self.assertEqual((closed["code"], closed["reason"]), (1000, "done"))

    def test_hold_closes_by_set(self):
        """`set` hold_closes for one pair: the client's Close waits; the
        operator answers each side with a different code."""
        server = self.start(python_server())
        cc = self.proxy(server)
        client = self.start(node_client(cc.url + "/"))
        client.wait_for(lambda r: str(r.get("data", "")).startswith("welcome"), "the welcome")
        c, s = cc.pair_legs()
        result = cc.command("set", conn=c, hold_closes=True)
        self.assertTrue(result["ok"], result)

        client.send({"close": 4005, "reason": "client bye"})
        self.assert_leg_event(cc, "close_received", c, "client", c, code=4005)
        cc.wait_event("state", conn=c, to="CloseReceived")
        # Not passed on: the server still talks to us.
        server.send({"send": "still here"})
        self.assert_leg_event(cc, "message_in", s, "server", c, preview="still here")
        self.assertEqual(cc.events("close_sent", s), [])

        self.assertTrue(cc.command("close", conn=c, code=4010, reason="held answer")["ok"])
        end = client.wait_for(lambda r: r.get("client") == "close", "close")
        self.assertEqual((end["code"], end["reason"]), (4010, "held answer"))
        self.assertTrue(cc.command("close_output", conn=s, code=1001, reason="proxy going")["ok"])
        closed = server.wait_for(lambda r: r.get("server") == "closed", "closed")
        self.assertEqual((closed["code"], closed["reason"]), (1001, "proxy going"))

    # -- aborts: the other side sees a connection lost without a Close ---

    def test_abort_server_leg(self):
        server = self.start(python_server())
        cc = self.proxy(server)
        client = self.start(node_client(cc.url + "/"))
        client.wait_for(lambda r: str(r.get("data", "")).startswith("welcome"), "the welcome")
        c, s = cc.pair_legs()
        self.assertTrue(cc.command("abort", conn=s)["ok"])
        closed = server.wait_for(lambda r: r.get("server") == "closed", "closed")
        self.assertEqual(closed["code"], 1006)
        end = client.wait_for(lambda r: r.get("client") == "close", "close")
        self.assertEqual(end["code"], 1006)
        self.assertEqual(cc.wait_event("closed", conn=c)["final"], "Aborted")

    def test_abort_client_leg(self):
        server = self.start(node_server())
        cc = self.proxy(server)
        client = self.start(python_client(cc.url + "/"))
        client.wait_for(lambda r: r.get("peer") == "open", "open")
        client.send({"send": "hello"})
        client.wait_for(lambda r: str(r.get("data", "")).startswith("welcome"), "the welcome")
        c, s = cc.pair_legs()
        self.assertTrue(cc.command("abort", conn=c)["ok"])
        end = client.wait_for(lambda r: r.get("peer") == "end", "end")
        self.assertEqual(end["close_code"], 1006)
        self.assertFalse(end["close_frame_received"])
        closed = server.wait_for(lambda r: r.get("server") == "closed", "closed")
        self.assertEqual(closed["code"], 1006)
        self.assertEqual(cc.wait_event("closed", conn=s)["final"], "Aborted")


if __name__ == "__main__":
    CLOSECALL = sys.argv.pop(1)
    unittest.main(verbosity=2)
