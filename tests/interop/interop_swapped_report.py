"""docs/interop.md's swapped section (CloseCall as the client) and its RFC
6455 checks: required (every conforming server passes it; the short matrix in
ctest fails on it) or a finding (where real servers are known to differ)."""

from interop_report import FINDING, REQUIRED, fmt_code

SERVER_CODE, SERVER_REASON = 4001, "server bye"
CLIENT_CODE, CLIENT_REASON = 4100, "client bye"


def ms(us):
    return f"{us / 1000:.1f} ms" if us is not None else "—"


def server_words(report):
    if report is None:
        return "no report"
    close = report.get("close") or {}
    parts = [fmt_code(close.get("code"), close.get("reason")) +
             {True: ", clean", False: ", not clean"}.get(close.get("was_clean"), "")]
    after = [m["data"] for m in report.get("received", []) if m.get("after_close_called")]
    if report.get("close_called_t") is not None:
        parts.append("after its close(): got " + (", ".join(after) if after else "nothing"))
        if close.get("t") is not None:
            parts.append(f"closed {close['t'] - report['close_called_t']:.0f} ms after its close()")
    parts.append(f"got {len(report.get('received', []))}, sent {report.get('sent', 0)}")
    if report.get("tcp_closed_first"):
        parts.append(f"its view: TCP closed first by {report['tcp_closed_first']}")
    for error in report.get("errors", [])[:2]:
        parts.append(f"error: {error}")
    return "; ".join(parts)


def closecall_words(row):
    c = row.get("closecall")
    if c is None:
        return "—"
    parts = []
    if row.get("behaviour"):
        parts.append(f"behaviour `{row['behaviour']}`")
    if c["close_sent"]:
        s = c["close_sent"]
        parts.append(f"sent {fmt_code(s['code'], s['reason'])} ({s['mode']})")
    if c["close_received"]:
        r = c["close_received"]
        parts.append(f"received {fmt_code(r['code'], r['reason'])}")
    post = c["post_close"]
    if post["delivered"] or post["discarded"]:
        parts.append(f"post-close {post['delivered']} delivered / {post['discarded']} discarded")
    parts.append(f"{c['final']} ({c['how']}), initiated by {c['initiated_by']}, "
                 f"tcp_closed_by {c['tcp_closed_by']}")
    if c.get("close_handshake_us") is not None:
        parts.append(f"close handshake {ms(c['close_handshake_us'])}")
    if c.get("ack_delay_us") is not None:
        parts.append(f"answered {ms(c['ack_delay_us'])} after its Close")
    if c.get("close_to_end_us") is not None:
        parts.append(f"first Close to the end {ms(c['close_to_end_us'])}")
    return "; ".join(parts)


def checks(row):
    """(kind, passed, words) for one server and scenario; passed None is an
    observation (no rule either way)."""
    scenario, report, c = row["scenario"], row.get("report"), row.get("closecall")
    if "failure" in row or report is None or c is None:
        return [(REQUIRED, False, f"the run did not complete: {row.get('failure', 'no report')}")]
    close = report.get("close") or {}
    out = []

    def check(kind, passed, words):
        out.append((kind, passed if passed is None else bool(passed), words))

    tcp_first = report.get("tcp_closed_first") or c["tcp_closed_by"]
    view = (report.get("tcp_closed_first") or "").split(" ")[0]  # "client (reset)" too
    if view in ("server", "client"):
        check(FINDING, view == c["tcp_closed_by"],
              "CloseCall's `tcp_closed_by` agrees with the server's view "
              "(docs/headless.md, Outgoing connections)")
    if scenario.startswith("server_close"):
        got = c["close_received"] or {}
        check(REQUIRED, (got.get("code"), got.get("reason")) == (SERVER_CODE, SERVER_REASON),
              "CloseCall reads the server's code and reason (§7.1.5, §7.1.6)")
    if scenario in ("server_close", "server_close_late"):
        check(REQUIRED, c["how"] == "handshake", "the close handshake completes (§7.1.2)")
        check(FINDING, close.get("code") == SERVER_CODE,
              "the server reports our answer, which echoes its code (§5.5.1, §7.1.5)")
        check(FINDING, tcp_first == "server", "the server closes TCP first (§7.1.1)")
    if scenario == "server_close_late":
        after = [m["data"] for m in report.get("received", []) if m.get("after_close_called")]
        late = [m for m in after if m.startswith("late ")]
        check(None, None, f"the server's application got {len(late)} of our 3 late messages "
              "after its own Close (§1.4 asks only the side that *received* a Close to "
              "discard)")
    if scenario == "server_close_delay":
        check(FINDING, c["how"] == "handshake",
              "the server waits for our answer (1.5 s) before it closes TCP (§7.1.1)")
    if scenario == "server_close_never":
        if row.get("waited_s"):
            check(None, None, f"the server had not given up after {row['waited_s']:.0f} s "
                  "(CloseCall aborted)")
        else:
            check(None, None, f"the server gave up after {ms(c.get('close_to_end_us'))} "
                  f"({c['how']})")
    if scenario in ("client_close", "client_close_output"):
        check(REQUIRED, (close.get("code"), close.get("reason")) == (CLIENT_CODE, CLIENT_REASON),
              "the server reports our code and reason (§7.1.5, §7.1.6)")
        check(REQUIRED, c["how"] == "handshake" and c["close_received"] is not None,
              "the server answers our Close (§5.5.1)")
        got = c["close_received"] or {}
        check(FINDING, got.get("code") == CLIENT_CODE,
              "the server's answer echoes our code (§5.5.1: \"typically\")")
        check(FINDING, tcp_first == "server", "the server closes TCP first (§7.1.1)")
    if scenario == "client_close_output":
        post = c["post_close"]
        check(None, None, f"{post['delivered']} of the server's messages delivered after our "
              "Close Output (sent before its answer)")
    if scenario == "client_abort":
        check(REQUIRED, close.get("code") == 1006 and close.get("was_clean") is not True,
              "the server reports 1006, not clean: no Close frame arrived (§7.1.5, §7.4.1)")
    return out


def glance(rows):
    """One line per server answering the swapped matrix's questions."""
    def row_of(server, scenario):
        return next((r for r in rows if r.get("server") == server and r.get("scenario") == scenario
                     and "closecall" in r and "report" in r), None)

    out = ["", "## Swapped, at a glance", "",
           "| server | our 3 late messages after its own Close | waits for our Close (1.5 s "
           "late) | gives up on a client that never answers | our Close 4100 as it reports it "
           "| TCP closed first (its view / CloseCall's) | close handshake (our Close to its "
           "answer) |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for server in dict.fromkeys(r["server"] for r in rows if "scenario" in r):
        cells = []
        late = row_of(server, "server_close_late")
        if late:
            got = [m["data"] for m in late["report"].get("received", [])
                   if m.get("after_close_called") and m["data"].startswith("late ")]
            cells.append(f"{len(got)} of 3 delivered")
        else:
            cells.append("—")
        delay = row_of(server, "server_close_delay")
        if delay:
            c = delay["closecall"]
            cells.append("yes" if c["how"] == "handshake" else
                         f"no: TCP closed after {ms(c['close_to_end_us'])} ({c['how']})")
        else:
            cells.append("—")
        never = row_of(server, "server_close_never")
        if never and never.get("waited_s"):
            cells.append(f"not within {never['waited_s']:.0f} s")
        elif never:
            cells.append(f"{ms(never['closecall']['close_to_end_us'])} "
                         f"({never['closecall']['how']})")
        else:
            cells.append("—")
        close = row_of(server, "client_close")
        if close:
            got = close["report"].get("close") or {}
            view = close["report"].get("tcp_closed_first") or "not known"
            cells += [fmt_code(got.get("code"), got.get("reason")),
                      f"{view} / {close['closecall']['tcp_closed_by']}",
                      ms(close["closecall"].get("close_handshake_us"))]
        else:
            cells += ["—"] * 3
        out.append(f"| {server} | " + " | ".join(cells) + " |")
    return out


def verdict(kind, passed, words):
    if passed is None:
        return f"· {words}"
    return f"{'✔' if passed else '✘'} {words}" + (" *(finding)*" if kind == FINDING else "")


def render_swapped(rows, scenarios, failures):
    """The section's lines; the required checks that failed are appended to
    `failures` as sentences."""
    if not rows:
        return []
    lines = ["", "# Roles swapped: CloseCall as the client", "",
             "CloseCall's client role (the `connect` command, docs/headless.md) against "
             "independent servers",
             "(tests/interop/servers/, README.md there), each told by the URL's query what to "
             "do.",
             "\"Its view\" is who the server saw closing TCP first (its own FIN or the client's);",
             "CloseCall's `tcp_closed_by` is what its out row logged.", "",
             "| server | version |", "| --- | --- |"]
    seen = {}
    for row in rows:
        seen.setdefault(row["server"], f"not run: {row['skipped']}" if "skipped" in row
                        else row.get("version", ""))
    lines += [f"| {server} | {version} |" for server, version in seen.items()]
    lines += glance(rows)
    for scenario, words in scenarios.items():
        scenario_rows = [r for r in rows if r.get("scenario") == scenario]
        if not scenario_rows:
            continue
        lines += ["", f"## swapped {scenario}: {words}", "",
                  "| server | the server reported | CloseCall logged (out row) | RFC 6455 |",
                  "| --- | --- | --- | --- |"]
        for row in scenario_rows:
            if "not_run" in row:
                lines.append(f"| {row['server']} | not measured: {row['not_run']} | — | — |")
                continue
            cells = []
            for kind, passed, words_ in checks(row):
                cells.append(verdict(kind, passed, words_))
                if kind == REQUIRED and passed is False:
                    failures.append(f"{row['server']} / swapped {scenario}: {words_}")
            lines.append(f"| {row['server']} | {server_words(row.get('report'))} | "
                         f"{closecall_words(row)} | {'<br>'.join(cells)} |")
    return lines


def measured(rows):
    return any("closecall" in r for r in rows)
