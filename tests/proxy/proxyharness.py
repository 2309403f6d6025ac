"""What the proxy tests share: the processes they start (CloseCall in proxy
mode, the application servers and clients in peers/, wspeer.py of the
headless tests) and waiting for what they report.

Every process reports one JSON object a line on stdout; a reader thread
keeps them all, and a test waits until a report it expects is there. Waits
have generous caps (a busy CI machine is slow) and nothing is judged by how
long it took (docs: tests must not depend on timing).
"""

import json
import os
import queue
import signal
import socket
import subprocess
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")
WSPEER_PY = os.path.join(HERE, "..", "headless", "peers", "wspeer.py")
PYTHON = "/usr/bin/python3"  # Debian's, with python3-websockets
NODE_ENV = dict(os.environ, NODE_PATH="/usr/share/nodejs")  # Debian's node-ws

# How long to wait for something that must happen: long enough for a
# machine under load, never part of what is asserted.
WAIT = 60.0


class Process:
    """A child process whose stdout is JSON Lines, read on a thread."""

    def __init__(self, name, argv, env=None, stderr=subprocess.PIPE):
        self.name = name
        self.argv = argv
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr, env=env, bufsize=0)
        self.lines = []
        self._cond = threading.Condition()
        self._eof = False
        self._stderr = []
        threading.Thread(target=self._read, daemon=True).start()
        if stderr == subprocess.PIPE:
            threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read(self):
        for raw in self.proc.stdout:
            raw = raw.strip()
            if not raw:
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError:
                obj = {"unparsed": raw.decode(errors="replace")}
            with self._cond:
                self.lines.append(obj)
                self._cond.notify_all()
        with self._cond:
            self._eof = True
            self._cond.notify_all()

    def _read_stderr(self):
        for raw in self.proc.stderr:
            self._stderr.append(raw.decode(errors="replace").rstrip("\n"))

    def stderr(self):
        return list(self._stderr)

    def send(self, obj):
        self.proc.stdin.write((json.dumps(obj) + "\n").encode())
        self.proc.stdin.flush()

    def wait_for(self, predicate, what, timeout=WAIT):
        """The first report `predicate` accepts; fails the test with `what`
        and everything reported so far when none comes."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for obj in self.lines:
                    if predicate(obj):
                        return obj
                remaining = deadline - time.monotonic()
                if self._eof or remaining <= 0:
                    # One last look: the line may have come with the EOF.
                    for obj in self.lines:
                        if predicate(obj):
                            return obj
                    raise AssertionError(
                        f"{self.name}: no {what} ({'it exited' if self._eof else 'gave up'}); "
                        f"it reported:\n" + "\n".join(json.dumps(o) for o in self.lines[-60:]) +
                        ("\nstderr:\n" + "\n".join(self._stderr[-20:]) if self._stderr else ""))
                self._cond.wait(min(remaining, 1.0))

    def all(self, predicate):
        with self._cond:
            return [o for o in self.lines if predicate(o)]

    def wait_exit(self, timeout=WAIT):
        return self.proc.wait(timeout=timeout)

    def stop(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe:
                try:
                    pipe.close()
                except OSError:
                    pass


class CloseCall(Process):
    """`closecall --headless` in proxy mode, driven by its stdin commands."""

    def __init__(self, binary, target, *options):
        argv = [binary, "--headless", "--listen", "127.0.0.1:0", "--proxy-to", target,
                "--close-timeout", "30000", *options]
        super().__init__("closecall", argv)
        self._next_id = 0
        listening = self.wait_for(lambda e: e.get("event") == "listening", "listening event")
        self.port = listening["port"]
        self.url = f"ws://127.0.0.1:{self.port}"

    def command(self, cmd, **fields):
        """Runs a command; returns its result (asserting nothing)."""
        self._next_id += 1
        ident = f"t{self._next_id}"
        self.send({"id": ident, "cmd": cmd, **fields})
        return self.wait_for(lambda e: e.get("event") == "result" and e.get("id") == ident,
                             f"result of {cmd}")

    def events(self, name, conn=None):
        return self.all(lambda e: e.get("event") == name and (conn is None or e.get("conn") == conn))

    def wait_event(self, name, what=None, **fields):
        def matches(e):
            return e.get("event") == name and all(e.get(k) == v for k, v in fields.items())
        return self.wait_for(matches, what or f"{name} {fields}")

    def pair_legs(self):
        """(client leg conn, server leg conn) of the first pair whose both
        legs are open."""
        client = self.wait_event("open", "the client leg's open", leg="client")
        server = self.wait_event("open", "the server leg's open", leg="server",
                                 pair=client["pair"])
        return client["conn"], server["conn"]

    def quit(self):
        if self.proc.poll() is None:
            self.send({"cmd": "quit", "timeout_ms": 5000})
            try:
                self.proc.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                pass
        self.stop()


def python_server():
    server = Process("python server", [PYTHON, os.path.join(PEERS, "app_server.py")])
    server.port = server.wait_for(lambda r: r.get("server") == "listening", "listening")["port"]
    return server


def node_server():
    server = Process("node server", ["node", os.path.join(PEERS, "app_server.js")], env=NODE_ENV)
    server.port = server.wait_for(lambda r: r.get("server") == "listening", "listening")["port"]
    return server


def node_client(url, *args):
    return Process("node client", ["node", os.path.join(PEERS, "app_client.js"), url, *args],
                   env=NODE_ENV)


def python_client(url, *args):
    """wspeer.py (python3-websockets' sans-I/O client) offering chat.v1."""
    return Process("python client", [PYTHON, WSPEER_PY, url, "--subprotocol", "chat.v1",
                                     "--timeout", "300", *args])


def free_port_refusing():
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SilentServer:
    """Accepts TCP connections and never answers: an upstream that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self):
        self._stop = True
        self.sock.close()
        for conn in self.accepted:
            conn.close()
