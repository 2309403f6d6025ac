#!/usr/bin/python3
"""The interop matrix: how real WebSocket clients react when CloseCall, the
server, closes on them (docs/interop.md is this script's output).

CloseCall runs headless; each client (tests/interop/clients/, all behaving the
same way) connects to a path naming the client and the scenario, and each
scenario drives the server with headless commands while the client keeps
sending every 20 ms. What the client reported and what CloseCall logged are
kept side by side, with a verdict against RFC 6455.

The same with the roles swapped (tests/interop/interop_swapped.py): CloseCall's
client role against independent servers (tests/interop/servers/).

Usage:
  interop.py --closecall BIN [--qt-client BIN] [--qt-server BIN] [--clients a,b|none]
             [--scenarios x,y] [--servers a,b|none] [--swapped-scenarios x,y]
             [--short] [--json FILE] [--clients-from FILE] [--markdown FILE]
             [--expect-rfc]
--expect-rfc exits 1 when a check that every conforming client (or server)
passes fails (the ctest label `interop` runs a short matrix that way)."""

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import websockets

import interop_swapped
from interop_clients import CLIENTS, ClientRun
from interop_report import render_markdown

HERE = os.path.dirname(os.path.abspath(__file__))
EVENT_TIMEOUT = 60.0  # a cap for a busy machine, not a measurement


class Server:
    """closecall --headless, driven through stdin and read from stdout."""

    def __init__(self, binary, options=()):
        self.binary = binary
        self.options = list(options)  # more command-line options (--deflate)
        self.events = []
        self.changed = asyncio.Event()
        self.next_id = 0

    async def start(self):
        self.proc = await asyncio.create_subprocess_exec(
            self.binary, "--headless", "--listen", "127.0.0.1:0", *self.options,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL, limit=1 << 24)
        self.reader = asyncio.create_task(self.read())
        listening = await self.wait(lambda e: e["event"] == "listening")
        self.port = listening["port"]

    async def read(self):
        async for line in self.proc.stdout:
            self.events.append(json.loads(line))
            self.changed.set()

    async def wait(self, predicate, timeout=EVENT_TIMEOUT, start=0):
        """The first event from index `start` on that matches."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events[start:]:
                if predicate(event):
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no matching event from CloseCall")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    async def command(self, cmd, must=True, **fields):
        """The command's result; a refusal raises unless `must` is False."""
        self.next_id += 1
        ident = f"i{self.next_id}"
        line = json.dumps({"cmd": cmd, "id": ident, **fields}) + "\n"
        self.proc.stdin.write(line.encode())
        await self.proc.stdin.drain()
        result = await self.wait(lambda e: e["event"] == "result" and e.get("id") == ident)
        if must and not result["ok"]:
            raise RuntimeError(f"{cmd} refused: {result.get('error')}")
        return result

    def of(self, conn, name=None):
        return [e for e in self.events
                if e.get("conn") == conn and (name is None or e["event"] == name)]

    async def stop(self):
        try:
            await self.command("quit", timeout_ms=2000)
        except Exception:
            pass
        try:
            await asyncio.wait_for(self.proc.wait(), 10)
        except asyncio.TimeoutError:
            self.proc.kill()


async def traffic(server, conn, count=5):
    """Waits until the client has sent `count` messages (its timer runs)."""
    await server.wait(lambda e: e.get("conn") == conn and e["event"] == "message_in"
                      and e.get("preview") == f"c{count}")


# Each scenario: (what the operator does, as a coroutine on the server and
# the client's connection) plus the words docs/interop.md uses for it.
async def close(server, conn):
    await traffic(server, conn)
    await server.command("send", conn=conn, text="mark")
    await server.command("close", conn=conn, code=1001, reason="going away")


async def close_output(server, conn):
    await traffic(server, conn)
    for text in ("s1", "s2", "s3"):
        await server.command("send", conn=conn, text=text)
    await server.command("close_output", conn=conn, code=4000, reason="late ok")


async def client_first_manual(server, conn):
    await traffic(server, conn)
    await server.command("set", manual_ack=True)
    try:
        mark = len(server.events)
        await server.command("send", conn=conn, text="close-now:4100:client bye")
        await server.wait(lambda e: e.get("conn") == conn and e["event"] == "close_received",
                          start=mark)
        await asyncio.sleep(0.3)  # the operator takes a moment, as a person would
        # Refused when the client did not wait for the answer (it ended TCP).
        answer = await server.command("close", must=False, conn=conn, code=4003,
                                      reason="server says")
        if not answer["ok"]:
            return {"note": f"the answer could not be sent: {answer['error']}"}
    finally:
        await server.command("set", manual_ack=False)


async def client_first_auto(server, conn):
    await traffic(server, conn)
    await server.command("send", conn=conn, text="close-now:4100:client bye")


async def abort(server, conn):
    await traffic(server, conn)
    await server.command("abort", conn=conn)


async def no_answer(server, conn):
    await traffic(server, conn)
    await server.command("set", manual_ack=True)
    try:
        mark = len(server.events)
        await server.command("send", conn=conn, text="close-now:4101:answer me")
        await server.wait(lambda e: e.get("conn") == conn and e["event"] == "close_received",
                          start=mark)
    finally:
        # Connections in CloseReceived stay there: only this one is waiting.
        await server.command("set", manual_ack=False)


async def ping(server, conn):
    await traffic(server, conn)
    await server.command("ping", conn=conn, payload="p-interop")
    await server.wait(lambda e: e.get("conn") == conn and e["event"] == "pong_in")
    await server.command("close", conn=conn, code=1000, reason="done")


SCENARIOS = {
    "close": (close, "Close 1001 \"going away\" while the client sends every 20 ms"),
    "close_output": (close_output, "three messages, then Close Output 4000 \"late ok\""),
    "client_first_manual": (client_first_manual, "the client closes first (4100); manual "
                            "acknowledge answers 0.3 s later with another code (4003)"),
    "client_first_auto": (client_first_auto, "the client closes first (4100); CloseCall "
                          "answers at once, echoing the code"),
    "abort": (abort, "Abort: a TCP reset, no Close frame"),
    "ping": (ping, "a Ping \"p-interop\": does the client answer with the same payload?"),
    "no_answer": (no_answer, "the client closes first (4101) and CloseCall never answers: "
                  "how long until the client gives up?"),
}
SHORT_SCENARIOS = ["close", "close_output", "client_first_manual", "abort", "ping"]
SLOW_SCENARIOS = {"no_answer": 75.0}  # seconds a client may take


async def run_one(server, client, scenario, report_server, qt_client, workdir):
    path = f"/interop/{client}/{scenario}"
    url = f"ws://127.0.0.1:{server.port}{path}"
    mark = len(server.events)
    run = ClientRun(client, url, report_server, qt_client, workdir)
    await run.start()
    row = {"client": client, "scenario": scenario}
    try:
        opened = await server.wait(lambda e: e["event"] == "open" and e.get("path") == path,
                                   start=mark)
        conn = opened["conn"]
        action, _ = SCENARIOS[scenario]
        row.update(await action(server, conn) or {})
        limit = SLOW_SCENARIOS.get(scenario, EVENT_TIMEOUT)
        closed = await server.wait(lambda e: e["event"] == "closed" and e.get("conn") == conn,
                                   timeout=limit, start=mark)
        row["report"] = await run.report(timeout=limit)
        row["server"] = summarize(server.of(conn), closed)
    except Exception as error:
        row["failure"] = f"{type(error).__name__}: {error}"
        row.setdefault("report", await run.report(timeout=2.0, quiet=True))
    finally:
        await run.stop()
    return row


def summarize(events, closed):
    """What CloseCall logged for one connection, as the matrix shows it."""
    sent = [e for e in events if e["event"] == "close_sent"]
    received = [e for e in events if e["event"] == "close_received"]
    post = [e.get("post_close") for e in events if e["event"] == "message_in"]
    pongs = [e.get("preview") for e in events if e["event"] == "pong_in"]
    t_recv = received[0]["t_us"] if received else None
    t_sent = sent[0]["t_us"] if sent else None
    return {
        "close_sent": {"code": sent[0]["code"], "reason": sent[0]["reason"],
                       "mode": sent[0]["mode"]} if sent else None,
        "close_received": {"code": received[0]["code"], "reason": received[0]["reason"]}
        if received else None,
        "post_close": {"delivered": post.count("delivered"), "discarded": post.count("discarded")},
        "how": closed["how"], "final": closed["final"],
        "initiated_by": closed["initiated_by"], "tcp_closed_by": closed["tcp_closed_by"],
        "close_handshake_us": closed.get("close_handshake_us"),
        "ack_delay_us": (t_sent - t_recv) if t_sent is not None and t_recv is not None
        and t_recv < t_sent else None,
        "pongs": pongs,
        "messages_in": len(post),
    }


async def report_server(reports):
    async def handler(ws, _path=None):
        async for message in ws:
            data = json.loads(message)
            reports.setdefault(data.get("client"), []).append(data)

    return await websockets.serve(handler, "127.0.0.1", 0)


async def main(args):
    clients = names(args.clients, CLIENTS)
    scenarios = args.scenarios.split(",") if args.scenarios else list(SCENARIOS)
    peers = names(args.servers, interop_swapped.servers(None))
    swapped = args.swapped_scenarios.split(",") if args.swapped_scenarios \
        else list(interop_swapped.SCENARIOS)
    unknown = [c for c in clients if c not in CLIENTS] + \
        [s for s in scenarios if s not in SCENARIOS] + \
        [p for p in peers if p not in interop_swapped.servers(None)] + \
        [s for s in swapped if s not in interop_swapped.SCENARIOS]
    if unknown:
        sys.exit(f"unknown client or scenario: {', '.join(unknown)}")
    reports = {}
    reporter = await report_server(reports)
    report_url = f"ws://127.0.0.1:{reporter.sockets[0].getsockname()[1]}/"
    server = Server(args.closecall)
    await server.start()
    rows = []
    workdir = tempfile.mkdtemp(prefix="closecall-interop-")
    try:
        for client in clients:
            missing = CLIENTS[client].missing(args.qt_client)
            if missing:
                rows.append({"client": client, "skipped": missing})
                print(f"{client}: skipped ({missing})", file=sys.stderr)
                continue
            for scenario in scenarios:
                row = await run_one(server, client, scenario, (report_url, reports),
                                    args.qt_client, workdir)
                rows.append(row)
                print(f"{client} {scenario}: {row.get('failure', 'ok')}", file=sys.stderr)
        swapped_rows = await interop_swapped.run_swapped(server, peers, swapped, args.qt_server)
    finally:
        await server.stop()
        reporter.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return {"closecall": closecall_version(args.closecall), "rows": rows,
            "scenarios": {name: words for name, (_, words) in SCENARIOS.items()},
            "swapped": swapped_rows,
            "swapped_scenarios": {name: s[-1] for name, s in interop_swapped.SCENARIOS.items()}}


def names(argument, known):
    """A comma-separated list, "none" for none, all of `known` when absent."""
    if argument == "none":
        return []
    return argument.split(",") if argument else list(known)


def closecall_version(binary):
    out = subprocess.run([binary, "--version"], capture_output=True, text=True)
    return out.stdout.strip()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--closecall", required=True)
    parser.add_argument("--qt-client")
    parser.add_argument("--qt-server")
    parser.add_argument("--clients")
    parser.add_argument("--scenarios")
    parser.add_argument("--servers", help="the swapped matrix's servers (none: skip it)")
    parser.add_argument("--swapped-scenarios")
    parser.add_argument("--clients-from", help="take the client matrix from an earlier --json")
    parser.add_argument("--short", action="store_true", help="the main scenarios only")
    parser.add_argument("--json")
    parser.add_argument("--markdown")
    parser.add_argument("--expect-rfc", action="store_true")
    args = parser.parse_args()
    if args.short and not args.scenarios:
        args.scenarios = ",".join(SHORT_SCENARIOS)
    if args.short and not args.swapped_scenarios:
        args.swapped_scenarios = ",".join(interop_swapped.SHORT_SCENARIOS)
    result = asyncio.run(main(args))
    if args.clients_from:
        # The client matrix as an earlier run measured it (its JSON), with
        # this run's swapped matrix: one half rerun without the other.
        with open(args.clients_from) as f:
            earlier = json.load(f)
        result["rows"], result["scenarios"] = earlier["rows"], earlier["scenarios"]
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
    failures = render_markdown(result, args.markdown)
    for failure in failures:
        print(f"RFC 6455: {failure}", file=sys.stderr)
    if args.expect_rfc and failures:
        sys.exit(1)
