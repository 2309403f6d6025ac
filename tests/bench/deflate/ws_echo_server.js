// Node `ws` (Debian's node-ws) echo server with permessage-deflate on, at
// ws's own defaults (zlib level 6, 15-bit windows, context takeover, and
// messages under 1 KiB sent uncompressed: `threshold`), for
// tests/bench/run-deflate-bench. Prints {"port": N} once listening.
// Usage: NODE_PATH=/usr/share/nodejs node ws_echo_server.js [PORT]
"use strict";
const WebSocket = require("ws");

const server = new WebSocket.Server({
  host: "127.0.0.1",
  port: Number(process.argv[2] || 0),
  perMessageDeflate: true,
  maxPayload: 64 * 1024 * 1024,
});
server.on("listening", () => {
  process.stdout.write(JSON.stringify({port: server.address().port}) + "\n");
});
server.on("connection", (ws) => {
  ws.on("message", (data, isBinary) => ws.send(data, {binary: isBinary}));
  ws.on("error", () => {});
});
