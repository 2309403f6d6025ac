#!/usr/bin/python3
"""`closecall peer` as the echo benchmark's load generator (docs/headless.md
"closecall peer"), with the command line and JSON line of loadgen's echo
mode, so run-echo-bench can put the two side by side
(ECHO_BENCH_CLIENT=peer; tests/bench/README.md).

No flood key exists in the peer behaviour grammar; the load is made from
what does exist: CONNS connections with the behaviour `traffic=echo` (each
echoes every data message back) against an echo server, and INFLIGHT
messages of SIZE bytes seeded on every connection with the `send` command
on the peer's stdin. Each message then goes back and forth for ever, so
INFLIGHT are always in flight on each connection, as with loadgen. The
rate is the peer's own count of received messages (the `list` command's
msgs_in/bytes_in, taken WARMUP and WARMUP + DURATION seconds in, timed by
the engine's event times) over that interval. With --no-message-events
the peer makes no event a message.

Usage: peer_loadgen.py --closecall BIN --port PORT [--host 127.0.0.1]
           [--conns 100] [--size 64|16K|16M] [--type text|binary]
           [--inflight 8] [--duration 5] [--warmup 1] [--label NAME]
Prints one JSON line and exits 0, or names what went wrong (the JSON line's
errors/first_error) and exits 1. Loopback only.
"""

import argparse
import base64
import json
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone


def size_arg(text):
    units = {"K": 1024, "M": 1024 * 1024}
    if text[-1:].upper() in units:
        return int(text[:-1]) * units[text[-1:].upper()]
    return int(text)


def when(iso):
    return datetime.strptime(iso[:26], "%Y-%m-%dT%H:%M:%S.%f").replace(
        tzinfo=timezone.utc).timestamp()


class Peer:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.proc.stdout:
            try:
                obj = json.loads(raw)
            except ValueError:
                obj = {"bad_line": raw[:200].decode("utf-8", "replace")}
            with self.cond:
                self.lines.append(obj)
                self.cond.notify_all()
        with self.cond:
            self.lines.append({"eof": True})
            self.cond.notify_all()

    def send(self, obj):
        self.proc.stdin.write(json.dumps(obj).encode() + b"\n")
        self.proc.stdin.flush()

    def wait_for(self, match, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for line in self.lines:
                    if match(line):
                        return line
                    if line.get("eof"):
                        return None
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def count(self, match):
        with self.cond:
            return sum(1 for line in self.lines if match(line))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--closecall", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--mode", default="echo")
    ap.add_argument("--conns", type=int, default=100)
    ap.add_argument("--size", type=size_arg, default=64)
    ap.add_argument("--type", choices=["text", "binary"], default="text")
    ap.add_argument("--inflight", type=int, default=8)
    ap.add_argument("--duration", type=float, default=5)
    ap.add_argument("--warmup", type=float, default=1)
    ap.add_argument("--label", default="")
    ap.add_argument("--server-pid", type=int, default=0)  # accepted for loadgen's command line
    ap.add_argument("--verify", action="store_true")
    args = ap.parse_args()
    result = {"mode": "echo", "client": "closecall-peer", "label": args.label, "port": args.port,
              "conns": args.conns, "size": args.size, "type": args.type,
              "inflight": args.inflight, "errors": 0, "first_error": ""}
    if args.mode != "echo" or args.verify:
        why = "--verify" if args.verify else f"--mode {args.mode}"
        result.update(errors=1, first_error=f"closecall peer does not do {why}")
        print(json.dumps(result))
        return 1

    def fail(why):
        result.update(errors=result["errors"] + 1, first_error=result["first_error"] or why)

    peer = Peer([args.closecall, "peer", f"ws://{args.host}:{args.port}/", "--count",
                 str(args.conns), "--behaviour", "traffic=echo", "--no-message-events"])
    is_open = lambda o: o.get("event") == "open"
    connected = peer.wait_for(lambda o: o.get("event") == "result" and o.get("id") == "peer", 30)
    if not connected or not connected.get("ok"):
        fail(f"connect: {connected.get('error') if connected else 'no result'}")
    deadline = time.monotonic() + 30
    while peer.count(is_open) < args.conns and time.monotonic() < deadline \
            and not peer.count(lambda o: o.get("eof")):
        time.sleep(0.05)
    result["opened"] = peer.count(is_open)
    if result["opened"] < args.conns:
        fail(f"only {result['opened']} of {args.conns} connections opened")

    if not result["errors"]:
        payload = b"x" * args.size
        command = {"cmd": "send", "conn": "all"}
        if args.type == "text":
            command["text"] = payload.decode()
        else:
            command["binary"] = base64.b64encode(payload).decode()
        for _ in range(args.inflight):
            peer.send(command)
        samples = {}
        for name, pause in (("t0", args.warmup), ("t1", args.duration)):
            time.sleep(pause)
            peer.send({"id": name, "cmd": "list"})
            row = peer.wait_for(lambda o, n=name: o.get("event") == "result" and o.get("id") == n,
                                60)
            if not row or not row.get("ok"):
                fail(f"list {name}: no answer")
                break
            samples[name] = (when(row["time"]),
                             sum(r["msgs_in"] for r in row["data"] if r.get("role") == "out"),
                             sum(r["bytes_in"] for r in row["data"] if r.get("role") == "out"))
        if len(samples) == 2:
            seconds = samples["t1"][0] - samples["t0"][0]
            msgs = samples["t1"][1] - samples["t0"][1]
            nbytes = samples["t1"][2] - samples["t0"][2]
            result.update(seconds=round(seconds, 4), msgs=msgs, bytes=nbytes,
                          msgs_per_s=round(msgs / seconds, 1),
                          bytes_per_s=round(nbytes / seconds, 1))
        ended = peer.count(lambda o: o.get("event") == "closed")
        if ended:
            fail(f"{ended} connection(s) ended during the run")

    try:
        peer.send({"cmd": "quit"})
        peer.proc.stdin.close()
    except OSError:
        pass
    try:
        peer.proc.wait(30)
    except subprocess.TimeoutExpired:
        peer.proc.kill()
        fail("closecall peer did not exit after quit")
    if peer.proc.returncode not in (0, None):
        fail(f"closecall peer exited {peer.proc.returncode}: "
             f"{peer.proc.stderr.read().decode('utf-8', 'replace').strip()[:200]}")
    print(json.dumps(result))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
