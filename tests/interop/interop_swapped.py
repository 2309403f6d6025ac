"""The interop matrix with the roles swapped: CloseCall's client role (the
`connect` command, docs/headless.md) against independent servers
(tests/interop/servers/: python3-websockets, Node ws, Qt QWebSocketServer),
each told by the query string what to do (servers/README.md). What the server
reported and what CloseCall logged for its out row are kept side by side."""

import asyncio
import json
import os
import shutil
import sys
import time
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER_DIR = os.path.join(HERE, "servers")
EVENT_TIMEOUT = 60.0  # a cap for a busy machine, not a measurement


class IndependentServer:
    """One server process; its stdout: `listening`, then a report per
    connection as it ends."""

    def __init__(self, name, command, env=None):
        self.name = name
        self.command = command
        self.env = env
        self.lines = []
        self.changed = asyncio.Event()

    async def start(self):
        self.proc = await asyncio.create_subprocess_exec(
            *self.command, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL, env=self.env, limit=1 << 24)
        self.reader = asyncio.create_task(self.read())
        listening = await self.wait(lambda o: o.get("event") == "listening", timeout=30)
        self.port = listening["port"]
        self.version = listening.get("version", "unknown")

    async def read(self):
        async for line in self.proc.stdout:
            try:
                self.lines.append(json.loads(line))
            except json.JSONDecodeError:
                continue
            self.changed.set()

    async def wait(self, predicate, timeout=EVENT_TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            for line in self.lines:
                if predicate(line):
                    return line
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.proc.returncode is not None:
                raise TimeoutError(f"{self.name} sent no matching line")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    async def stop(self):
        if self.proc.returncode is None:
            self.proc.terminate()
            try:
                await asyncio.wait_for(self.proc.wait(), 10)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        self.reader.cancel()


def servers(qt_server):
    node_env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    return {
        "python-websockets": (["/usr/bin/python3", os.path.join(SERVER_DIR, "python_server.py")],
                              None, "/usr/bin/python3"),
        "node-ws": (["node", os.path.join(SERVER_DIR, "node_server.js")], node_env, "node"),
        "qt-qwebsocketserver": ([qt_server or "interop_qt_server"], None, qt_server),
    }


async def wait_message(server, conn, text):
    await server.wait(lambda e: e.get("conn") == conn and e["event"] == "message_in"
                      and e.get("preview") == text)


# Each scenario: the server's query, our client's behaviour (None: a plain
# client), what the operator does once open, and the words for docs/interop.md.
async def nothing(server, conn):
    return None


async def client_close(server, conn):
    await wait_message(server, conn, "s5")
    await server.command("close", conn=conn, code=4100, reason="client bye")


async def client_close_output(server, conn):
    await wait_message(server, conn, "s5")
    await server.command("close_output", conn=conn, code=4100, reason="client bye")


async def client_abort(server, conn):
    await wait_message(server, conn, "s5")
    await server.command("abort", conn=conn)


SERVER_CLOSE = "close=4001&reason=" + quote("server bye")
SCENARIOS = {
    "server_close": (SERVER_CLOSE, None, nothing,
                     "the server greets, then closes with 4001 \"server bye\"; CloseCall "
                     "answers at once"),
    "server_close_late": (SERVER_CLOSE + "&after=5", "traffic=text;every=20;on-close=send;sends=3",
                          nothing, "CloseCall sends every 20 ms; after 5 messages the server "
                          "closes (4001); CloseCall sends 3 more (\"late 1\"…), then answers: "
                          "does the server deliver them after its own Close?"),
    "server_close_delay": (SERVER_CLOSE, "on-close=delay;delay=1500", nothing,
                           "the server closes (4001); CloseCall answers 1.5 s later: does the "
                           "server wait for our Close?"),
    "client_close": ("every=20", None, client_close,
                     "the server sends every 20 ms; CloseCall closes (Close 4100 \"client "
                     "bye\", waiting for the answer)"),
    "client_close_output": ("every=20", None, client_close_output,
                            "the server sends every 20 ms; CloseCall's Close Output 4100 "
                            "\"client bye\" (its late messages delivered)"),
    "client_abort": ("every=20", None, client_abort,
                     "the server sends every 20 ms; CloseCall aborts (a TCP reset)"),
    "server_close_never": (SERVER_CLOSE, "on-close=never", nothing,
                           "the server closes (4001) and CloseCall never answers: how long "
                           "until the server gives up?"),
}
SHORT_SCENARIOS = ["client_close"]
SLOW_SCENARIOS = {"server_close_never": 75.0}  # seconds a server may take


async def run_one(server, peer, scenario):
    query, behaviour, action, _ = SCENARIOS[scenario]
    path = f"/swapped/{scenario}?{query}"
    row = {"server": peer.name, "scenario": scenario, "behaviour": behaviour}
    mark = len(server.events)
    fields = {"url": f"ws://127.0.0.1:{peer.port}{path}"}
    if behaviour:
        fields["behaviour"] = behaviour
    result = await server.command("connect", must=False, **fields)
    if not result["ok"]:
        row["not_run"] = f"connect refused: {result.get('error')}"
        return row
    conn = result["data"]["connections"][0]
    limit = SLOW_SCENARIOS.get(scenario, EVENT_TIMEOUT)
    try:
        await server.wait(lambda e: e.get("conn") == conn and e["event"] in
                          ("open", "handshake_failed"), start=mark)
        row.update(await action(server, conn) or {})
        is_closed = lambda e: e["event"] == "closed" and e.get("conn") == conn  # noqa: E731
        try:
            closed = await server.wait(is_closed, timeout=limit, start=mark)
        except TimeoutError:
            if scenario not in SLOW_SCENARIOS:
                raise
            # The server never gave up: that is the finding; end it here.
            row["waited_s"] = limit
            await server.command("abort", must=False, conn=conn)
            closed = await server.wait(is_closed, start=mark)
        row["closecall"] = summarize(server.of(conn), closed)
        row["report"] = await peer.wait(lambda o: o.get("event") == "closed"
                                        and o.get("path", "").startswith(f"/swapped/{scenario}"),
                                        timeout=limit)
    except Exception as error:
        row["failure"] = f"{type(error).__name__}: {error}"
    return row


def summarize(events, closed):
    """What CloseCall logged for its out row, as the matrix shows it."""
    sent = [e for e in events if e["event"] == "close_sent"]
    received = [e for e in events if e["event"] == "close_received"]
    post = [e.get("post_close") for e in events if e["event"] == "message_in"]
    first_close = min([e["t_us"] for e in sent + received], default=None)
    return {
        "close_sent": {"code": sent[0]["code"], "reason": sent[0]["reason"],
                       "mode": sent[0]["mode"]} if sent else None,
        "close_received": {"code": received[0]["code"], "reason": received[0]["reason"]}
        if received else None,
        "post_close": {"delivered": post.count("delivered"), "discarded": post.count("discarded")},
        "messages_out": sum(1 for e in events if e["event"] == "message_out"),
        "how": closed["how"], "final": closed["final"],
        "initiated_by": closed["initiated_by"], "tcp_closed_by": closed["tcp_closed_by"],
        "close_handshake_us": closed.get("close_handshake_us"),
        "ack_delay_us": closed.get("ack_delay_us"),
        # From the first Close frame (either side's) to the end of the row.
        "close_to_end_us": closed["t_us"] - first_close if first_close is not None else None,
    }


async def run_swapped(server, names, scenarios, qt_server):
    """Rows for every server × scenario; a server that is not installed
    gets one row saying so."""
    rows = []
    table = servers(qt_server)
    for name in names:
        command, env, program = table[name]
        if not program or not shutil.which(program):
            rows.append({"server": name, "skipped": f"{program or 'the Qt server'} is not "
                         "installed"})
            continue
        peer = IndependentServer(name, command, env)
        try:
            await peer.start()
        except Exception as error:
            rows.append({"server": name, "skipped": f"did not start: {error}"})
            await peer.stop()
            continue
        try:
            for scenario in scenarios:
                row = await run_one(server, peer, scenario)
                row["version"] = peer.version
                rows.append(row)
                print(f"{name} {scenario}: {row.get('failure', row.get('not_run', 'ok'))}",
                      flush=True, file=sys.stderr)
        finally:
            await peer.stop()
    return rows
