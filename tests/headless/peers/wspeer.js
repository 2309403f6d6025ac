// A WebSocket client on Node's `ws` (Debian's node-ws), the second
// independent peer library of the headless tests. It connects, sends the
// messages given on the command line, and reports on stdout, one JSON
// object a line, what it sees: {"peer":"open"}, {"peer":"message",...},
// {"peer":"close","code":N,"reason":"..."}. Bounded: exits after 15 s.
// With WSPEER_DEFLATE=1 in the environment it offers permessage-deflate
// (ws's perMessageDeflate, threshold 0: every message compressed) and its
// open line names the extensions the server agreed to.
'use strict';
const WebSocket = require('ws');

const [url, ...messages] = process.argv.slice(2);
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const timer = setTimeout(() => { say({ peer: 'timeout' }); process.exit(3); }, 15000);

const deflate = process.env.WSPEER_DEFLATE === '1';
const ws = new WebSocket(url, deflate ? { perMessageDeflate: { threshold: 0 } } : {});
ws.on('open', () => {
    say({ peer: 'open', extensions: ws.extensions });
    for (const m of messages)
        ws.send(m);
});
ws.on('message', (data, isBinary) => say({ peer: 'message', binary: isBinary, data: data.toString() }));
ws.on('close', (code, reason) => {
    say({ peer: 'close', code, reason: reason.toString() });
    clearTimeout(timer);
    process.exit(0);
});
ws.on('error', (err) => { say({ peer: 'error', message: String(err) }); process.exit(2); });
