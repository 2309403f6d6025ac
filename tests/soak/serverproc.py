"""The headless server under soak: its process, its event stream, its commands.

Events are read from the server's stdout pipe by an asyncio protocol whose
reading can be paused: part of the time the pipe is read slowly (a pause
after every chunk) and now and then not at all for a few seconds, so the
server meets a consumer that falls behind (docs/headless.md: events are never
dropped; a slow reader holds the server back instead).
"""

import asyncio
import fcntl
import json
import os
import subprocess


class Ledger:
    """What the server said, per connection, checked as it arrives."""

    def __init__(self):
        self.total = 0
        self.last_seq = 0
        self.gaps = []            # (after, got) pairs
        self.listening = None     # the `listening` event
        self.conns = {}           # conn id -> ConnRecord while not settled
        self.opened = 0
        self.closed = 0
        self.closed_without_open = []
        self.handshake_failed = 0
        self.errors = []          # `error` events
        self.refused = []         # `result` with ok false, as (command, error)
        self.bad_lines = []
        self.post_close = {"delivered": 0, "discarded": 0}
        self.closed_hows = {}


class ConnRecord:
    __slots__ = ("conn", "peer_id", "msg_in", "delivered", "discarded", "msg_out",
                 "closed", "other_post_close")

    def __init__(self, conn, peer_id):
        self.conn = conn
        self.peer_id = peer_id
        self.msg_in = 0          # data messages with post_close null
        self.delivered = 0
        self.discarded = 0
        self.other_post_close = []
        self.msg_out = 0
        self.closed = None       # the `closed` event


class EventPipe(asyncio.Protocol):
    """Splits the stdout pipe into JSON lines; can read slowly or stall."""

    def __init__(self, on_line, on_eof):
        self.on_line = on_line
        self.on_eof = on_eof
        self.buffer = b""
        self.transport = None
        self.mode = "normal"     # normal | slow | stall
        self.slow_pause = 0.1
        self.resume_handle = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        lines = self.buffer.split(b"\n")
        self.buffer = lines.pop()
        for line in lines:
            if line:
                self.on_line(line)
        if self.mode == "slow" and self.resume_handle is None:
            # One chunk, then a pause: a consumer that keeps up only partly.
            self.transport.pause_reading()
            self.resume_handle = asyncio.get_running_loop().call_later(
                self.slow_pause, self._resume_after_pause)

    def _resume_after_pause(self):
        self.resume_handle = None
        if self.mode != "stall":
            self.transport.resume_reading()

    def set_mode(self, mode):
        self.mode = mode
        if mode == "stall":
            self.transport.pause_reading()
        elif self.resume_handle is None:
            self.transport.resume_reading()

    def eof_received(self):
        self.on_eof()

    def connection_lost(self, exc):
        self.on_eof()


class ServerProcess:
    def __init__(self, binary, close_timeout_ms, handshake_timeout_ms, echo=True):
        self.binary = binary
        self.close_timeout_ms = close_timeout_ms
        self.handshake_timeout_ms = handshake_timeout_ms
        self.echo = echo
        self.ledger = Ledger()
        self.proc = None
        self.pipe = None
        self.stdin = None
        self.stderr_path = None
        self.on_open = None        # callback(peer_id, conn)
        self.on_closed = None      # callback(ConnRecord)
        self.listening = None      # future: the port
        self.results = {}          # command id -> future of the result event
        self.next_command_id = 1
        self.eof = None

    async def start(self, stderr_path):
        loop = asyncio.get_running_loop()
        self.listening = loop.create_future()
        self.eof = loop.create_future()
        self.stderr_path = stderr_path
        args = [self.binary, "--headless", "--listen", "127.0.0.1:0",
                "--close-timeout", str(self.close_timeout_ms),
                "--handshake-timeout", str(self.handshake_timeout_ms)]
        if self.echo:
            args.append("--echo")
        self.stderr_file = open(stderr_path, "wb")
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr_file, close_fds=True)
        # A 16 KiB pipe (64 KiB by default): "slow" reads at most 16 KiB per
        # pause, ~160 KiB/s, below what the server produces under this load.
        fcntl.fcntl(self.proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, 16384)
        _, self.pipe = await loop.connect_read_pipe(
            lambda: EventPipe(self._line, self._eof), self.proc.stdout)
        self.stdin, _ = await loop.connect_write_pipe(asyncio.Protocol, self.proc.stdin)
        return await self.listening

    def _eof(self):
        if not self.eof.done():
            self.eof.set_result(True)
        if not self.listening.done():
            self.listening.set_exception(RuntimeError("the server ended before `listening`"))

    def command(self, cmd, **fields):
        """Sends one command; returns a future of its `result` event."""
        cid = f"c{self.next_command_id}"
        self.next_command_id += 1
        fut = asyncio.get_running_loop().create_future()
        self.results[cid] = (fut, cmd, fields.get("conn"))
        self.stdin.write((json.dumps({"id": cid, "cmd": cmd, **fields}) + "\n").encode())
        return fut

    # --- /proc figures ---------------------------------------------------
    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def fds(self):
        return os.listdir(f"/proc/{self.proc.pid}/fd")

    def fd_targets(self):
        out = {}
        for fd in self.fds():
            try:
                out[int(fd)] = os.readlink(f"/proc/{self.proc.pid}/fd/{fd}")
            except OSError:
                pass
        return out

    # --- the event stream --------------------------------------------------
    def _line(self, line):
        led = self.ledger
        try:
            ev = json.loads(line)
            seq = ev["seq"]
            kind = ev["event"]
        except (ValueError, KeyError, TypeError) as exc:
            led.bad_lines.append(f"{exc}: {line[:200]!r}")
            return
        led.total += 1
        if seq != led.last_seq + 1:
            led.gaps.append((led.last_seq, seq))
        led.last_seq = seq
        handler = getattr(self, "_ev_" + kind, None)
        if handler:
            handler(ev)

    def _record(self, ev):
        return self.ledger.conns.get(ev.get("conn"))

    def _ev_listening(self, ev):
        self.ledger.listening = ev
        if not self.listening.done():
            self.listening.set_result(ev["port"])

    def _ev_open(self, ev):
        led = self.ledger
        led.opened += 1
        query = ev.get("query") or ""
        peer_id = None
        for part in query.lstrip("?").split("&"):
            if part.startswith("p="):
                peer_id = int(part[2:])
        rec = ConnRecord(ev["conn"], peer_id)
        led.conns[rec.conn] = rec
        if self.on_open:
            self.on_open(peer_id, rec.conn)

    def _ev_message_in(self, ev):
        rec = self._record(ev)
        if rec is None:
            return
        post = ev.get("post_close")
        if post is None:
            rec.msg_in += 1
        elif post == "delivered":
            rec.delivered += 1
            self.ledger.post_close["delivered"] += 1
        elif post == "discarded":
            rec.discarded += 1
            self.ledger.post_close["discarded"] += 1
        else:
            rec.other_post_close.append(post)

    def _ev_message_out(self, ev):
        rec = self._record(ev)
        if rec is not None:
            rec.msg_out += 1

    def _ev_closed(self, ev):
        led = self.ledger
        rec = led.conns.pop(ev.get("conn"), None)
        if rec is None:
            led.closed_without_open.append(ev.get("conn"))
            return
        led.closed += 1
        rec.closed = ev
        key = f"{ev.get('final')}/{ev.get('how')}"
        led.closed_hows[key] = led.closed_hows.get(key, 0) + 1
        if self.on_closed:
            self.on_closed(rec)

    def _ev_handshake_failed(self, ev):
        self.ledger.handshake_failed += 1

    def _ev_error(self, ev):
        self.ledger.errors.append(ev.get("message"))

    def _ev_result(self, ev):
        entry = self.results.pop(ev.get("id"), None)
        if not ev.get("ok"):
            cmd = entry[1] if entry else "?"
            self.ledger.refused.append((cmd, ev.get("error")))
        if entry and not entry[0].done():
            entry[0].set_result(ev)

    async def quit(self, cap_s):
        """Sends `quit`; returns the exit status (None if it did not exit in cap_s)."""
        self.pipe.set_mode("normal")
        self.command("quit")
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(None, self.proc.wait), cap_s)
        except asyncio.TimeoutError:
            return None

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
