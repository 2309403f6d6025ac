"""docs/interop.md from the interop matrix's results, and the RFC 6455 checks.

Each check is either required (every conforming client passes it; the short
matrix in ctest fails on it) or a finding (what RFC 6455 says a client should
report, where real clients are known to differ: the matrix shows who does)."""

import datetime

REQUIRED, FINDING = "required", "finding"


def fmt_code(code, reason):
    if code is None:
        return "no code"
    return f"{code} \"{reason}\"" if reason else str(code)


def client_words(report):
    if report is None:
        return "no report"
    close = report.get("close")
    parts = []
    if close:
        clean = close.get("was_clean")
        parts.append(fmt_code(close.get("code"), close.get("reason")) +
                     ("" if clean is None else (", clean" if clean else ", not clean")))
    else:
        parts.append("never reported a close")
    received = [m["data"] for m in report.get("received", [])]
    if received:
        parts.append("got " + ", ".join(received))
    called = [e for e in report.get("events", []) if e.get("what") == "close_called"]
    if called and close:
        parts.append(f"closed {close['t'] - called[0]['t']:.0f} ms after its close()")
    parts.append(f"sent {report.get('sent', 0)}")
    if report.get("send_refused"):
        parts.append(f"{report['send_refused']} sends skipped after the close began")
    for error in report.get("errors", [])[:2]:
        parts.append(f"error: {error['message']}")
    return "; ".join(parts)


def server_words(server, note=None):
    if server is None:
        return "—"
    parts = [note] if note else []
    if server["close_sent"]:
        s = server["close_sent"]
        parts.append(f"sent {fmt_code(s['code'], s['reason'])} ({s['mode']})")
    if server["close_received"]:
        r = server["close_received"]
        parts.append(f"received {fmt_code(r['code'], r['reason'])}")
    post = server["post_close"]
    if post["delivered"] or post["discarded"]:
        parts.append(f"post-close {post['delivered']} delivered / {post['discarded']} discarded")
    parts.append(f"{server['final']} ({server['how']}), initiated by {server['initiated_by']}, "
                 f"TCP closed by {server['tcp_closed_by']}")
    if server.get("close_handshake_us") is not None:
        parts.append(f"close handshake {server['close_handshake_us'] / 1000:.1f} ms")
    if server.get("ack_delay_us") is not None:
        parts.append(f"answered {server['ack_delay_us'] / 1000:.0f} ms after its Close")
    if server["pongs"]:
        parts.append("pong " + ", ".join(f"\"{p}\"" for p in server["pongs"]))
    return "; ".join(parts)


def checks(row):
    """(kind, passed, words) for one client and scenario."""
    scenario, report, server = row["scenario"], row.get("report"), row.get("server")
    if "failure" in row or report is None or server is None:
        return [(REQUIRED, False, f"the run did not complete: {row.get('failure', 'no report')}")]
    close = report.get("close") or {}
    code, reason, clean = close.get("code"), close.get("reason"), close.get("was_clean")
    out = []

    def check(kind, passed, words):
        out.append((kind, bool(passed), words))

    if scenario in ("close", "close_output", "ping"):
        sent = server["close_sent"] or {}
        check(REQUIRED, (code, reason) == (sent.get("code"), sent.get("reason")),
              "the client reports the code and reason of the server's Close (§7.1.5, §7.1.6)")
        check(REQUIRED, clean is not False, "the close is clean (§7.1.4)")
        check(REQUIRED, server["how"] == "handshake", "the client answers the Close (§5.5.1)")
        received = server["close_received"] or {}
        check(FINDING, received.get("code") == sent.get("code"),
              "the client's answer echoes the server's code (§5.5.1: \"typically\")")
        check(FINDING, server["tcp_closed_by"] == "server",
              "the server closes TCP first (§7.1.1)")
    if scenario == "close_output":
        got = [m["data"] for m in report.get("received", [])]
        check(REQUIRED, got[:3] == ["s1", "s2", "s3"],
              "the messages sent before the Close reach the application first (§6.2)")
    if scenario == "ping":
        check(REQUIRED, server["pongs"] == ["p-interop"],
              "a Pong with the Ping's payload (§5.5.3)")
    if scenario in ("client_first_manual", "client_first_auto"):
        check(FINDING, server["initiated_by"] == "client" and server["how"] == "handshake",
              "the client waits for the server's Close before it closes TCP (§7.1.1, §7.1.2)")
        answer = server["close_sent"] or {}
        check(FINDING, (code, reason) == (answer.get("code"), answer.get("reason")),
              "the client reports the code of the first Close it *received*, the server's "
              "answer (§7.1.5)")
        check(FINDING, server["tcp_closed_by"] == "server",
              "the client waits for the server to close TCP (§7.1.1)")
    if scenario == "abort":
        check(REQUIRED, code == 1006 and clean is not True,
              "1006, not clean: no Close frame arrived (§7.1.5, §7.4.1)")
    if scenario == "no_answer":
        check(FINDING, code == 1006 and clean is not True,
              "1006 when the server never answers (§7.1.5)")
    return out


def overview(rows, scenarios):
    """One line per client: the close code it reported in each scenario
    (how long it took to give up in no_answer), ✘ where a check failed."""
    present = [s for s in scenarios if any(r.get("scenario") == s for r in rows)]
    if not present:
        return []
    out = ["", "## At a glance", "",
           "The close code each client reported (✘: a check below did not hold).", "",
           "| client | " + " | ".join(present) + " |",
           "| --- |" + " --- |" * len(present)]
    for client in dict.fromkeys(r["client"] for r in rows if "scenario" in r):
        cells = []
        for scenario in present:
            row = next((r for r in rows if r["client"] == client
                        and r.get("scenario") == scenario), None)
            report = (row or {}).get("report") or {}
            close = report.get("close") or {}
            cell = str(close.get("code", "—"))
            if scenario == "no_answer" and close:
                called = [e for e in report.get("events", []) if e.get("what") == "close_called"]
                if called:
                    cell += f" after {(close['t'] - called[0]['t']) / 1000:.0f} s"
            if row and not all(passed for _, passed, _ in checks(row)):
                cell += " ✘"
            cells.append(cell)
        out.append(f"| {client} | " + " | ".join(cells) + " |")
    return out


def render_markdown(result, path):
    """Writes docs/interop.md when `path` is given; returns the required
    checks that failed, as sentences."""
    import interop_swapped_report  # it imports this module's words and kinds

    failures = []
    rows = result["rows"]
    lines = [
        "# Interop matrix: how real clients react when CloseCall closes on them",
        "",
        "Generated by `scripts/interop` (tests/interop/interop.py); do not edit by hand.",
        f"Measured {datetime.date.today().isoformat()} on loopback with "
        f"{result['closecall']} as the server; every client sends a text message",
        "every 20 ms while it is open (tests/interop/clients/README.md). Times are",
        "as measured on a busy 2-core machine: read them as orders of magnitude.",
        "",
        "✔ holds, ✘ does not. Unmarked checks are what RFC 6455 requires (a ✘ is a",
        "bug in the client); *findings* are what it recommends or calls typical,",
        "where real clients differ. \"Post-close\" counts are the client's messages",
        "CloseCall read after its Close went out (docs/headless.md, `post_close`).",
        "",
    ]
    swapped = result.get("swapped", [])
    if interop_swapped_report.measured(swapped):
        lines += ["Not measured yet: invalid frames from the server (CloseCall cannot send one",
                  "on purpose yet). The roles swapped (CloseCall as the client, real servers)",
                  "are [at the end](#roles-swapped-closecall-as-the-client).", ""]
    else:
        lines += ["Not measured yet: invalid frames from the server (CloseCall cannot send one",
                  "on purpose yet), and the matrix with the roles swapped (CloseCall as the",
                  "client), which needs CloseCall's client role.", ""]
    lines += [
        "## Clients",
        "",
        "| client | version |",
        "| --- | --- |",
    ]
    seen = {}
    for row in rows:
        if "skipped" in row:
            seen.setdefault(row["client"], f"not run: {row['skipped']}")
        elif row.get("report"):
            version = row["report"].get("version", "")
            if row["report"].get("user_agent"):
                version += f" ({row['report']['user_agent']})"
            seen.setdefault(row["client"], version)
    lines += [f"| {client} | {version} |" for client, version in seen.items()]
    lines += overview(rows, list(result["scenarios"]))
    for scenario, words in result["scenarios"].items():
        scenario_rows = [r for r in rows if r.get("scenario") == scenario]
        if not scenario_rows:
            continue
        lines += ["", f"## {scenario}: {words}", "",
                  "| client | the client reported | CloseCall logged | RFC 6455 |",
                  "| --- | --- | --- | --- |"]
        for row in scenario_rows:
            verdicts = []
            for kind, passed, words_ in checks(row):
                mark = "✔" if passed else "✘"
                verdicts.append(f"{mark} {words_}" + (" *(finding)*" if kind == FINDING else ""))
                if kind == REQUIRED and not passed:
                    failures.append(f"{row['client']} / {scenario}: {words_}")
            lines.append(f"| {row['client']} | {client_words(row.get('report'))} | "
                         f"{server_words(row.get('server'), row.get('note'))} | {'<br>'.join(verdicts)} |")
    lines += interop_swapped_report.render_swapped(swapped, result.get("swapped_scenarios", {}),
                                                   failures)
    if path:
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
    return failures
