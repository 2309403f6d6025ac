// The Node `ws` client of the interop matrix (Debian's node-ws); behaves as
// README.md says and prints its report on stdout.
// Usage: NODE_PATH=/usr/share/nodejs node node_client.js URL
"use strict";
const WebSocket = require("ws");

const start = process.hrtime.bigint();
const now = () => Number((process.hrtime.bigint() - start) / 10000n) / 100;
const report = {
  client: "node-ws", version: require("ws/package.json").version, node: process.version,
  url: process.argv[2], sent: 0, send_refused: 0, received: [], errors: [], events: [],
};
let timer;
const ws = new WebSocket(process.argv[2]);
ws.on("open", () => {
  report.events.push({t: now(), what: "open"});
  timer = setInterval(() => {
    if (ws.readyState !== WebSocket.OPEN) {
      report.send_refused++;
      return;
    }
    ws.send("c" + (report.sent + 1), (err) => {
      if (err) report.errors.push({t: now(), message: "send: " + err.message});
    });
    report.sent++;
  }, 20);
});
ws.on("message", (data, isBinary) => {
  const text = isBinary ? "(binary)" : data.toString();
  report.received.push({t: now(), data: text, ready_state: ws.readyState});
  if (text.startsWith("close-now:")) {
    const [, code, reason] = text.split(":");
    report.events.push({t: now(), what: "close_called", code: Number(code), reason});
    ws.close(Number(code), reason);
  } else if (text === "stop-sending") {
    clearInterval(timer);
  }
});
ws.on("ping", (data) => report.events.push({t: now(), what: "ping", data: data.toString()}));
ws.on("error", (err) => report.errors.push({t: now(), message: err.message}));
ws.on("close", (code, reason) => {
  clearInterval(timer);
  // ws reports 1005 for a Close without a code and 1006 when none arrived.
  report.close = {t: now(), code, reason: reason.toString(), was_clean: code !== 1006,
                  buffered_amount: ws.bufferedAmount};
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(0);
});
