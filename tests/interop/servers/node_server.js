// The Node `ws` server (Debian's node-ws) of the swapped interop matrix
// (CloseCall as the client) and of tests/server/tst_outgoingindependent.cpp;
// behaves as README.md says.
// Usage: NODE_PATH=/usr/share/nodejs node node_server.js
"use strict";
const WebSocket = require("ws");
const version = require("ws/package.json").version;

const emit = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");

// Finds the end of the client's Close frame in the bytes as they arrive
// (client frames: masked, well-formed), before ws reads them.
class CloseSpotter {
  constructor() {
    this.buffer = Buffer.alloc(0);
    this.seen = false;
  }
  // True when the Close frame's last byte is in `chunk`.
  feed(chunk) {
    if (this.seen) return false;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 2) {
      const opcode = this.buffer[0] & 0x0f;
      let length = this.buffer[1] & 0x7f;
      let pos = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return false;
        length = this.buffer.readUInt16BE(2);
        pos = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return false;
        length = Number(this.buffer.readBigUInt64BE(2));
        pos = 10;
      }
      pos += this.buffer[1] & 0x80 ? 4 : 0;
      if (this.buffer.length < pos + length) return false;
      this.buffer = this.buffer.subarray(pos + length);
      if (opcode === 0x8) {
        this.seen = true;
        return true;
      }
    }
    return false;
  }
}

const server = new WebSocket.Server({host: "127.0.0.1", port: 0}, () => {
  emit({event: "listening", port: server.address().port, server: "node-ws", version});
});

server.on("connection", (ws, req) => {
  const start = process.hrtime.bigint();
  const now = () => Number((process.hrtime.bigint() - start) / 100000n) / 10;
  const p = Object.fromEntries(new URL(req.url, "ws://x").searchParams);
  const report = {event: "closed", server: "node-ws", version, node: process.version,
                  path: req.url, sent: 0, received: [], close_called_t: null, errors: [],
                  late_sent: 0};
  const socket = req.socket;
  let ownEofT = null;
  let peerEofT = null;
  // Who closed TCP first: whose FIN went first.
  const end = socket.end.bind(socket);
  socket.end = (...args) => {
    if (ownEofT === null) ownEofT = now();
    return end(...args);
  };
  socket.on("end", () => {
    if (peerEofT === null) peerEofT = now();
  });
  let resetT = null; // the client reset TCP
  socket.on("error", (err) => {
    if (err.code === "ECONNRESET" && peerEofT === null && resetT === null) resetT = now();
  });

  // `late=K`: when the client's Close arrives, K text messages go out
  // before ws reads that Close (its listener runs after this one), so they
  // are on the wire after the client's Close and before the answer.
  const late = Number(p.late || 0);
  if (late) {
    const spotter = new CloseSpotter();
    socket.prependListener("data", (chunk) => {
      if (!spotter.feed(chunk) || ws.readyState !== WebSocket.OPEN) return;
      for (let i = 1; i <= late; i++) ws.send("late " + i);
      report.late_sent = late;
    });
  }

  const closeCode = p.close !== undefined ? Number(p.close) : null;
  const after = Number(p.after || 0);
  const startClose = () => {
    report.close_called_t = now();
    clearInterval(timer);
    ws.close(closeCode, p.reason || "");
  };
  const every = Number(p.every || 0);
  const timer = every ? setInterval(() => {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send("s" + (report.sent + 1));
    report.sent++;
  }, every) : null;

  ws.on("message", (data, isBinary) => {
    report.received.push({t: now(), data: isBinary ? "(binary)" : data.toString(),
                          after_close_called: report.close_called_t !== null});
    if (closeCode !== null && report.close_called_t === null && report.received.length >= after)
      startClose();
  });
  ws.on("error", (err) => report.errors.push(err.message));
  ws.on("close", (code, reason) => {
    clearInterval(timer);
    // ws reports the client's Close (1005 without a code, 1006 when none came).
    report.close = {t: now(), code, reason: reason.toString(), was_clean: code !== 1006};
    // The report waits for TCP to end so it can say who closed it first.
    const done = () => {
      if (resetT !== null && (ownEofT === null || resetT < ownEofT))
        report.tcp_closed_first = "client (reset)";
      else if (ownEofT !== null && (peerEofT === null || ownEofT <= peerEofT))
        report.tcp_closed_first = "server";
      else
        report.tcp_closed_first = peerEofT !== null ? "client" : null;
      emit(report);
    };
    if (socket.destroyed) done();
    else socket.once("close", done);
  });

  ws.send("hello from node");
  if (closeCode !== null && after === 0) startClose();
});
