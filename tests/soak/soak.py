#!/usr/bin/python3
"""Soak run of `closecall --headless`: many connections for a long time.

For --duration seconds, --connections peers at once connect over loopback,
exchange echoed messages and end their connection in every way CloseCall
logs (see peers.py), each replaced by a new one when it ends. The server's
stdout is read normally, slowly, or not at all in turns. Every
--report-every seconds a line gives the server's RSS, open fds, events and
seq gaps. It fails (exit 1, the reasons listed) when

  - a seq gap appears, or a line of stdout is not a JSON event;
  - an `open` lacks its `closed` once every peer has finished;
  - a connection's `closed` (final, how, initiated_by, tcp_closed_by) or its
    message counts (data messages while Open, echoes, post-close messages
    logged `delivered`/`discarded`) differ from what its peer did;
  - a peer sees something RFC 6455 or docs/close-semantics.md forbids;
  - the server's fds are not back to their baseline after the last connection;
  - RSS keeps growing after warm-up (the rule is printed at the start);
  - a command is refused, an `error` event appears, or `quit` does not exit 0.

Talks only to 127.0.0.1; bounded in count (--connections) and time
(--duration, then at most --stuck-after + --drain-cap to finish).
"""

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import peers as P  # noqa: E402
from serverproc import ServerProcess  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--closecall", required=True, help="the closecall binary")
    p.add_argument("--duration", type=float, default=600, help="seconds of load (600)")
    p.add_argument("--connections", type=int, default=1000,
                   help="peers connected at once (1000, sized for 2 cores)")
    p.add_argument("--max-messages", type=int, default=4, help="echoed messages a peer sends")
    p.add_argument("--max-late", type=int, default=4, help="messages sent after a Close")
    p.add_argument("--dwell", type=float, default=1.0,
                   help="at most this many seconds between a peer's messages (1.0)")
    p.add_argument("--big-fraction", type=float, default=0.02,
                   help="share of messages of 1-64 KiB (the rest 0-200 bytes)")
    p.add_argument("--close-timeout-ms", type=int, default=300,
                   help="the server's --close-timeout, and close_output's timeout_ms")
    p.add_argument("--handshake-timeout-ms", type=int, default=120_000,
                   help="the server's --handshake-timeout: long, because a starved soak "
                        "driver may write its request late; its timeout is not under test")
    p.add_argument("--stall-every", type=float, default=30,
                   help="each period: stdout read normally, then slowly, then not at all")
    p.add_argument("--slow-seconds", type=float, default=6)
    p.add_argument("--stall-seconds", type=float, default=3)
    p.add_argument("--report-every", type=float, default=10)
    p.add_argument("--warmup", type=float, default=None,
                   help="seconds before RSS growth counts (max(120, duration/3))")
    p.add_argument("--warmup-events", type=int, default=300_000,
                   help="warm-up also lasts until the server has logged this many events "
                        "(300000: its event store keeps the newest 64 MiB of events, some "
                        "100,000-300,000, and grows until full)")
    p.add_argument("--growth-limit-mib", type=float, default=16)
    p.add_argument("--growth-limit-pct", type=float, default=10)
    p.add_argument("--stuck-after", type=float, default=120,
                   help="a peer not finished after this many seconds is a failure")
    p.add_argument("--drain-cap", type=float, default=60,
                   help="seconds to wait for the last `closed` events and fds")
    p.add_argument("--seed", type=int, default=None)
    args = p.parse_args()
    if args.warmup is None:
        args.warmup = max(120.0, args.duration / 3)
    if args.connections < 1 or args.duration <= 0:
        p.error("--connections and --duration must be positive")
    return args


def mib(kib):
    return kib / 1024.0


class Soak:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed if args.seed is not None else random.randrange(1 << 30)
        self.rng = random.Random(self.seed)
        self.failures = []
        self.peers = {}          # peer id -> Peer, until settled
        self.closed_first = {}   # peer id -> ConnRecord whose peer is still running
        self.next_peer = 1
        self.started = {s: 0 for s in P.SCENARIOS}
        self.finished = 0
        self.failed_peers = 0
        self.late_sent = {"delivered": 0, "discarded": 0}
        self.refused_peers = 0
        self.samples = []        # (t, rss KiB, fds, events)
        self.stopping = False
        self.server = None

    def fail(self, reason):
        if len(self.failures) < 1000:
            self.failures.append(reason)
        if len(self.failures) <= 20:
            print(f"FAIL: {reason}", flush=True)

    # --- pairing peers with the server's records ---------------------------
    def on_open(self, peer_id, conn):
        peer = self.peers.get(peer_id)
        if peer is None:
            self.fail(f"`open` of conn {conn} names no running peer (query p={peer_id})")
            return
        if peer.conn_future.done():
            self.fail(f"peer {peer_id} got a second `open` (conn {conn})")
            return
        peer.conn_future.set_result(conn)

    def on_closed(self, rec):
        peer = self.peers.get(rec.peer_id)
        if peer is None:
            self.fail(f"`closed` of conn {rec.conn} for unknown peer {rec.peer_id}")
        elif peer.done:
            self.settle(peer, rec)
        else:
            self.closed_first[peer.id] = rec

    def peer_done(self, peer, failed):
        peer.done = True
        self.finished += 1
        if failed:
            self.failed_peers += 1
        if peer.scenario == "handshake_refused":
            self.refused_peers += 1
            del self.peers[peer.id]
            return
        rec = self.closed_first.pop(peer.id, None)
        if rec is not None:
            self.settle(peer, rec)
        # else the `closed` event is still to come (slow stdout): on_closed settles.

    def settle(self, peer, rec):
        del self.peers[peer.id]
        if peer.saw == "failed":
            return      # its failure is reported already
        want = P.EXPECTED[peer.scenario]
        ev = rec.closed
        got = (ev.get("final"), ev.get("how"), ev.get("initiated_by"), ev.get("tcp_closed_by"))
        where = f"conn {rec.conn} (peer {peer.id}, {peer.scenario})"
        if got != want[:4]:
            self.fail(f"{where}: closed final/how/initiated_by/tcp_closed_by = {got}, "
                      f"expected {want[:4]}")
        if rec.msg_in != peer.sent_open:
            self.fail(f"{where}: {rec.msg_in} message_in while Open, peer sent {peer.sent_open}")
        if rec.msg_out != peer.echoes:
            self.fail(f"{where}: {rec.msg_out} message_out, peer received {peer.echoes} echoes")
        late_as = want[4]
        if late_as:
            self.late_sent[late_as] += peer.late_sent
        logged = {"delivered": rec.delivered, "discarded": rec.discarded}
        for kind, count in logged.items():
            expected = peer.late_sent if kind == late_as else 0
            if count != expected:
                self.fail(f"{where}: {count} post-close `{kind}` logged, peer sent "
                          f"{expected} after the server's Close")
        if rec.other_post_close:
            self.fail(f"{where}: unknown post_close values {rec.other_post_close[:3]}")

    # --- load -------------------------------------------------------------
    async def slot(self, ctx, index):
        await asyncio.sleep(index * min(2.0, self.args.duration / 10) / self.args.connections)
        loop = asyncio.get_running_loop()
        while not self.stopping:
            scenario = self.rng.choices(P.SCENARIOS, P.WEIGHTS)[0]
            peer = P.Peer(self.next_peer, scenario, random.Random(self.rng.random()))
            self.next_peer += 1
            peer.conn_future = loop.create_future()
            self.peers[peer.id] = peer
            self.started[scenario] += 1
            failed = True
            try:
                await asyncio.wait_for(P.run(ctx, peer), self.args.stuck_after)
                failed = False
            except P.PeerFailure as exc:
                self.fail(f"peer {peer.id} ({scenario}, conn {peer.conn}): {exc}")
            except asyncio.TimeoutError:
                self.fail(f"peer {peer.id} ({scenario}, conn {peer.conn}) not finished after "
                          f"{self.args.stuck_after:.0f} s, at: {peer.stage}")
            except OSError as exc:
                self.fail(f"peer {peer.id} ({scenario}) at {peer.stage}: {exc}")
            except Exception as exc:  # a defect of the soak itself: say it, go on
                self.fail(f"peer {peer.id} ({scenario}) at {peer.stage}: soak error {exc!r}")
            if failed:
                peer.saw = "failed"
            self.peer_done(peer, failed)

    def reader_mode(self, t):
        a = self.args
        phase = t % a.stall_every
        if phase >= a.stall_every - a.stall_seconds:
            return "stall"
        if phase >= a.stall_every - a.stall_seconds - a.slow_seconds:
            return "slow"
        return "normal"

    def sample(self, t0, label=None):
        led = self.server.ledger
        t = time.monotonic() - t0
        rss, fds = self.server.rss_kib(), len(self.server.fds())
        prev = self.samples[-1] if self.samples else (0.0, 0, 0, 0)
        rate = (led.total - prev[3]) / max(t - prev[0], 1e-6)
        if label is None:
            self.samples.append((t, rss, fds, led.total))
        print(f"{label or f't={t:5.0f}s'} rss={mib(rss):7.1f} MiB fds={fds:5d} "
              f"conns(server)={len(led.conns):5d} events={led.total:9d} (+{rate:6.0f}/s) "
              f"gaps={len(led.gaps)} peers started={self.next_peer - 1} "
              f"finished={self.finished} failed={self.failed_peers} "
              f"stdout={self.server.pipe.mode}", flush=True)

    async def monitor(self, t0):
        next_report = self.args.report_every
        while not self.stopping:
            await asyncio.sleep(0.25)
            t = time.monotonic() - t0
            mode = self.reader_mode(t)
            if mode != self.server.pipe.mode:
                self.server.pipe.set_mode(mode)
            if t >= next_report:
                next_report += self.args.report_every
                self.sample(t0)

    # --- the run ----------------------------------------------------------
    async def probe(self, ctx):
        """One connection opened and closed before the baseline is taken:
        whatever the server opens lazily for its first connection is in it."""
        loop = asyncio.get_running_loop()
        peer = P.Peer(0, "peer_close", random.Random(0))
        peer.conn_future = loop.create_future()
        self.peers[0] = peer
        await asyncio.wait_for(P.run(ctx, peer), self.args.stuck_after)
        self.peer_done(peer, False)
        self.finished -= 1
        await self.wait_until(lambda: not self.server.ledger.conns and 0 not in self.peers,
                              self.args.drain_cap)

    async def wait_until(self, predicate, cap):
        end = time.monotonic() + cap
        while not predicate():
            if time.monotonic() > end:
                return False
            await asyncio.sleep(0.1)
        return True

    def warmup_end(self):
        """Warm-up ends at --warmup seconds or when --warmup-events were logged,
        whichever is later (None: not reached)."""
        for t, _, _, events in self.samples:
            if t >= self.args.warmup and events >= self.args.warmup_events:
                return t
        return None

    def print_rule(self):
        a = self.args
        print(f"RSS rule: samples every {a.report_every:.0f} s; those after warm-up (at least "
              f"{a.warmup:.0f} s and {a.warmup_events} events) are split in thirds; the run fails if the median of the last "
              f"third exceeds the median of the first third by more than "
              f"max({a.growth_limit_mib:.0f} MiB, {a.growth_limit_pct:.0f}%). Fewer than 6 "
              f"samples after warm-up: RSS is reported, growth not judged.", flush=True)

    def judge_rss(self):
        a = self.args
        end = self.warmup_end()
        after = [rss for t, rss, _, _ in self.samples if end is not None and t >= end]
        if len(after) < 6:
            reached = f"ended at {end:.0f} s" if end is not None else "not reached"
            print(f"RSS growth not judged: {len(after)} samples after warm-up ({reached}; "
                  f"6 needed); RSS went "
                  + " ".join(f"{mib(r):.0f}" for _, r, _, _ in self.samples) + " MiB")
            return
        k = len(after) // 3
        first, last = statistics.median(after[:k]), statistics.median(after[-k:])
        limit = max(a.growth_limit_mib * 1024, first * a.growth_limit_pct / 100)
        verdict = "grows" if last - first > limit else "flat"
        print(f"RSS after warm-up (ended at {end:.0f} s, {len(after)} samples): median of first third {mib(first):.1f} MiB, of last third "
              f"{mib(last):.1f} MiB, growth {mib(last - first):+.1f} MiB (limit "
              f"{mib(limit):.1f} MiB): {verdict}")
        if verdict == "grows":
            self.fail(f"RSS keeps growing after warm-up: {mib(first):.1f} -> {mib(last):.1f} MiB")

    async def run(self):
        a = self.args
        print(f"soak: {a.connections} peers at once for {a.duration:.0f} s against "
              f"{a.closecall}, seed {self.seed}", flush=True)
        self.print_rule()
        self.server = ServerProcess(a.closecall, a.close_timeout_ms, a.handshake_timeout_ms)
        self.server.on_open = self.on_open
        self.server.on_closed = self.on_closed
        stderr_path = tempfile.mktemp(prefix="closecall-soak-", suffix=".stderr")
        port = await self.server.start(stderr_path)
        ctx = P.PeerContext(self.server, port, a)
        ctx.options.close_timeout_ms = a.close_timeout_ms
        try:
            before = self.server.fd_targets()
            await self.probe(ctx)
            # The baseline: the fds before any connection, plus what the first
            # connection made the server open for good (not its socket, which
            # may still be closing when the probe settles).
            baseline = dict(before)
            baseline.update({fd: target for fd, target in self.server.fd_targets().items()
                             if not target.startswith("socket:")})
            print(f"listening on 127.0.0.1:{port}; baseline after one probe connection: "
                  f"{len(baseline)} fds, rss {mib(self.server.rss_kib()):.1f} MiB", flush=True)
            t0 = time.monotonic()
            slots = [asyncio.create_task(self.slot(ctx, i)) for i in range(a.connections)]
            mon = asyncio.create_task(self.monitor(t0))
            await asyncio.sleep(a.duration)
            self.stopping = True
            await mon
            self.server.pipe.set_mode("normal")
            print(f"load stopped at {time.monotonic() - t0:.0f} s; waiting for the running "
                  f"peers", flush=True)
            await asyncio.gather(*slots)
            await self.finish(t0, baseline)
        except (P.PeerFailure, OSError, asyncio.TimeoutError) as exc:
            self.fail(f"the soak could not run: {exc!r}")
        finally:
            status = await self.server.quit(30)
            if status is None:
                self.fail("`quit` did not end the server within 30 s")
                self.server.kill()
            elif status != 0:
                self.fail(f"the server exited with status {status} after `quit`")
            self.report_stderr(stderr_path)
        return self.verdict()

    async def finish(self, t0, baseline):
        led = self.server.ledger
        a = self.args
        drained = await self.wait_until(lambda: not led.conns and not self.peers, a.drain_cap)
        if not drained:
            for conn, rec in list(led.conns.items())[:10]:
                peer = self.peers.get(rec.peer_id)
                self.fail(f"conn {conn} (peer {rec.peer_id}, "
                          f"{peer.scenario if peer else '?'}): `open` without `closed`")
            if len(led.conns) > 10:
                self.fail(f"... {len(led.conns)} connections in all without `closed`")
            with_open = {rec.peer_id for rec in led.conns.values()}
            pending = [p for p in self.peers.values() if p.id not in with_open]
            for peer in pending[:5]:
                self.fail(f"peer {peer.id} ({peer.scenario}): its connection never showed "
                          f"`open` and `closed` (conn {peer.conn})")
        back = await self.wait_until(lambda: len(self.server.fds()) <= len(baseline),
                                     a.drain_cap)
        self.sample(t0, label="after drain")
        if not back:
            now = self.server.fd_targets()
            extra = {fd: target for fd, target in now.items() if baseline.get(fd) != target}
            kinds = {}
            for target in extra.values():
                kind = target.split(":")[0]
                kinds[kind] = kinds.get(kind, 0) + 1
            self.fail(f"fd leak: {len(now)} fds after every connection ended, baseline "
                      f"{len(baseline)}; extra by kind {kinds}, e.g. "
                      f"{sorted(extra.items())[:5]}")
        self.check_ledger()
        self.summary(t0)
        self.judge_rss()

    def check_ledger(self):
        led = self.server.ledger
        for after, got in led.gaps[:10]:
            self.fail(f"seq gap: {got} followed {after}")
        for line in led.bad_lines[:5]:
            self.fail(f"stdout line is not an event: {line}")
        for conn in led.closed_without_open[:5]:
            self.fail(f"`closed` of conn {conn} without its `open`")
        for message in led.errors[:5]:
            self.fail(f"error event: {message}")
        for cmd, error in led.refused[:5]:
            self.fail(f"command {cmd} refused: {error}")
        if led.handshake_failed != self.refused_peers:
            self.fail(f"{led.handshake_failed} handshake_failed events, "
                      f"{self.refused_peers} peers sent a request without Upgrade")
        for kind in ("delivered", "discarded"):
            if led.post_close[kind] != self.late_sent[kind]:
                self.fail(f"post-close `{kind}`: server logged {led.post_close[kind]}, peers "
                          f"sent {self.late_sent[kind]}")

    def summary(self, t0):
        led = self.server.ledger
        elapsed = time.monotonic() - t0
        print(f"connections: {self.next_peer - 1} peers in {elapsed:.0f} s "
              f"({(self.next_peer - 1) / elapsed:.0f}/s); by scenario "
              + ", ".join(f"{k} {v}" for k, v in self.started.items()))
        print(f"server: {led.opened} open, {led.closed} closed ("
              + ", ".join(f"{k} {v}" for k, v in sorted(led.closed_hows.items()))
              + f"), {led.handshake_failed} handshake_failed")
        print(f"post-close messages: delivered {led.post_close['delivered']} logged / "
              f"{self.late_sent['delivered']} sent; discarded {led.post_close['discarded']} "
              f"logged / {self.late_sent['discarded']} sent")
        print(f"events: {led.total} ({led.total / elapsed:.0f}/s), last seq {led.last_seq}, "
              f"seq gaps {len(led.gaps)}")
        if self.samples:
            rss = [r for _, r, _, _ in self.samples]
            print(f"RSS over the run (MiB, every {self.args.report_every:.0f} s): "
                  + " ".join(f"{mib(r):.0f}" for r in rss) + f"; max {mib(max(rss)):.1f}")

    def report_stderr(self, path):
        try:
            with open(path, "rb") as f:
                text = f.read().decode(errors="replace")
            os.unlink(path)
        except OSError:
            return
        if text.strip():
            lines = text.strip().splitlines()
            print(f"server stderr ({len(lines)} lines):\n  " + "\n  ".join(lines[:20]))

    def verdict(self):
        if self.failures:
            print(f"SOAK FAILED: {len(self.failures)} problem(s):")
            for reason in self.failures[:40]:
                print(f"  - {reason}")
            return 1
        print("SOAK PASSED")
        return 0


def main():
    args = parse_args()
    try:
        return asyncio.run(Soak(args).run())
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
