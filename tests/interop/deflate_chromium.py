#!/usr/bin/python3
"""A real Chromium page against `closecall --headless --deflate` (RFC 7692).

Chromium offers `permessage-deflate; client_max_window_bits` on every
connection. The page (clients/deflate_page.html, started headless as the
interop matrix starts it: no browser driver) connects, and this checks:

- the `open` event names permessage-deflate, and the page's
  `WebSocket.extensions` is the same agreement;
- the page's compressible first message arrives inflated, with
  `wire_size` < `size`;
- our replies (16 KiB of compressible text, and a short one) go out
  compressed and reach the page intact;
- Close Output while the page floods compressed messages: the ones read
  after our Close are inflated, flagged `post_close: "delivered"` and counted
  in `list` (docs/close-semantics.md [R3]), numbered without a gap, each
  whole; the page sees our code and reason, cleanly.

Usage: deflate_chromium.py --closecall BIN
Exits 0 when every check holds, 1 naming the first that did not, 77 when
Chromium is not installed (ctest: skipped)."""

import argparse
import asyncio
import os
import shutil
import sys
import tempfile

import interop
import interop_clients
from interop_clients import CLIENT_DIR, CLIENTS, ClientRun

PAGE = os.path.join(CLIENT_DIR, "deflate_page.html")
FILLER = "compress me please, I repeat myself; " * 60  # as the page's
REPLY = ("a reply that compresses well: 0123456789abcdef " * 400)[:16 * 1024]
FLOOD_SEEN = 20  # page messages seen before our Close Output
TIMEOUT = 60.0  # a cap for a busy machine, not a measurement


class DeflatePageRun(ClientRun):
    """Chromium as the interop matrix starts it, on the deflate page."""

    def command(self):
        command = super().command()
        command[-1] = command[-1].replace(f"file://{interop_clients.PAGE}", f"file://{PAGE}")
        return command


class Failed(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failed(what)


async def scenario(server, run, path):
    opened = await server.wait(lambda e: e["event"] == "open" and e.get("path") == path,
                               timeout=TIMEOUT)
    conn = opened["conn"]
    offer = opened.get("headers", {}).get("Sec-WebSocket-Extensions", "")
    check(offer.startswith("permessage-deflate"), f"Chromium offered {offer!r}")
    agreed = opened.get("extensions", "")
    check(agreed.startswith("permessage-deflate"),
          f"open: permessage-deflate not negotiated with Chromium (extensions {agreed!r})")

    first = await server.wait(lambda e: e["event"] == "message_in" and e.get("conn") == conn,
                              timeout=TIMEOUT)
    expected_first = "first " + FILLER
    check(first["size"] == len(expected_first),
          f"the page's first message is {first['size']} bytes, not {len(expected_first)}")
    check(expected_first.startswith(first["preview"]), "the first message's preview is not "
          "the inflated text")
    check(0 < first.get("wire_size", 0) < first["size"],
          f"the first message did not arrive compressed (wire_size {first.get('wire_size')}, "
          f"size {first['size']})")

    mark = len(server.events)
    await server.command("send", conn=conn, text=REPLY)
    await server.command("send", conn=conn, text="short")
    out = await server.wait(lambda e: e["event"] == "message_out" and e.get("conn") == conn,
                            timeout=TIMEOUT, start=mark)
    check(out["size"] == len(REPLY) and 0 < out.get("wire_size", 0) < out["size"],
          f"our 16 KiB reply did not go out compressed: {out}")

    # The flood: Close Output once the page's messages are streaming in.
    mark = len(server.events)
    await server.command("send", conn=conn, text="flood")
    await server.wait(lambda e: e["event"] == "message_in" and e.get("conn") == conn
                      and e.get("preview", "").startswith(f"late {FLOOD_SEEN} "),
                      timeout=TIMEOUT, start=mark)
    await server.command("close_output", conn=conn, code=4000, reason="late ok")
    closed = await server.wait(lambda e: e["event"] == "closed" and e.get("conn") == conn,
                               timeout=TIMEOUT)
    rows = (await server.command("list"))["data"]
    page = await run.report(timeout=TIMEOUT)
    return conn, agreed, closed, rows, page


def verify(server, conn, agreed, closed, rows, page):
    check(page.get("extensions") == agreed,
          f"the page's WebSocket.extensions {page.get('extensions')!r} is not {agreed!r}")
    check(not page["errors"], f"the page reported errors: {page['errors']}")
    received = page["received"]
    check(received[:3] == [REPLY, "short", "flood"],
          "our compressed replies did not reach the page intact: "
          f"{[len(r) for r in received[:3]]} characters, expected {[len(REPLY), 5, 5]}")
    close = page.get("close") or {}
    check(close.get("code") == 4000 and close.get("reason") == "late ok",
          f"the page saw {close}, not 4000 \"late ok\"")
    # Chromium calls a close clean only when everything the page queued went
    # out; the flood leaves messages queued behind our Close (they never go:
    # the browser answers a Close at once), so here it says not clean.
    check(close.get("was_clean") == (close.get("buffered_amount") == 0),
          f"was_clean {close.get('was_clean')} with {close.get('buffered_amount')} bytes queued")

    events = server.of(conn)
    sent = [e for e in events if e["event"] == "close_sent"]
    check(len(sent) == 1 and sent[0]["mode"] == "close_output",
          f"close_sent: {sent}")
    late_numbers = []
    before = after = 0
    for event in events:
        if event["event"] != "message_in" or not event["preview"].startswith("late "):
            continue
        number = int(event["preview"].split(" ", 2)[1])
        late_numbers.append(number)
        check(event["size"] == len(f"late {number} ") + len(FILLER),
              f"flood message {number} is {event['size']} bytes: not whole")
        check(0 < event.get("wire_size", 0) < event["size"],
              f"flood message {number} did not arrive compressed")
        if event["seq"] < sent[0]["seq"]:
            check(event.get("post_close") is None,
                  f"message {number} before our Close is flagged")
            before += 1
        else:
            check(event.get("post_close") == "delivered",
                  f"message {number} after our Close Output is {event.get('post_close')!r}, "
                  "not delivered [R3]")
            after += 1
    check(late_numbers == list(range(1, len(late_numbers) + 1)),
          "the page's messages are not numbered 1..n without a gap")
    check(after >= 1, "no compressed message arrived after our Close Output "
          f"({before} before it)")
    row = next(r for r in rows if r["id"] == conn)
    check(row["extensions"] == agreed, f"list shows extensions {row['extensions']!r}")
    check(row["post_close"] == {"delivered": after, "discarded": 0},
          f"list counts {row['post_close']}, the events {after} delivered")
    check(closed["final"] == "Closed" and closed["how"] == "handshake",
          f"closed: {closed}")
    return before, after


async def main(args):
    if CLIENTS["chromium"].missing(None):
        print("chromium is not installed: skipped", file=sys.stderr)
        return 77
    reports = {}
    reporter = await interop.report_server(reports)
    report_url = f"ws://127.0.0.1:{reporter.sockets[0].getsockname()[1]}/"
    server = interop.Server(args.closecall, ["--deflate"])
    await server.start()
    workdir = tempfile.mkdtemp(prefix="closecall-deflate-page-")
    path = "/deflate/chromium"
    run = DeflatePageRun("chromium", f"ws://127.0.0.1:{server.port}{path}",
                         (report_url, reports), None, workdir)
    try:
        await run.start()
        result = await scenario(server, run, path)
        before, after = verify(server, *result)
        print(f"ok: {result[1]}; {after} compressed message(s) delivered after our Close "
              f"Output, {before} before it; {len(result[4]['received'])} received by the page")
        return 0
    except (Failed, TimeoutError) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        return 1
    finally:
        await run.stop()
        await server.stop()
        reporter.close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--closecall", required=True)
    sys.exit(asyncio.run(main(parser.parse_args())))
