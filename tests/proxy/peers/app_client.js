// The real application client in front of CloseCall's proxy in tests/proxy,
// on Node's `ws` (Debian's node-ws). It speaks the application protocol of
// app_server.py/.js: offers the subprotocol chat.v1 and sends "hello" as
// soon as it is open. Run with NODE_PATH=/usr/share/nodejs.
//
// Usage: node app_client.js URL [--no-hello]
// Commands on stdin, one JSON object a line: {"send": "text"},
//   {"close": 4000, "reason": "bye"}, {"terminate": true} (TCP gone, no Close)
// Reports on stdout ("client" naming what happened): open (protocol),
//   message (data), handshake_failed (status, body), close (code, reason:
//   the server's Close as ws reports it; 1006 when none came), error.
'use strict';
const readline = require('readline');
const WebSocket = require('ws');

const url = process.argv[2];
const hello = !process.argv.includes('--no-hello');
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');

const ws = new WebSocket(url, ['chat.v1']);
ws.on('open', () => {
    say({ client: 'open', protocol: ws.protocol });
    if (hello)
        ws.send('hello');
});
ws.on('unexpected-response', (req, res) => {
    let body = '';
    res.on('data', (chunk) => { body += chunk; });
    res.on('end', () => {
        say({ client: 'handshake_failed', status: res.statusCode, body });
        process.exit(0);
    });
});
ws.on('message', (data, isBinary) => say({ client: 'message', data: isBinary ? '(binary)' : data.toString() }));
ws.on('close', (code, reason) => {
    say({ client: 'close', code, reason: reason.toString() });
    process.exit(0);
});
ws.on('error', (err) => say({ client: 'error', message: String(err) }));

// Commands wait for the open: a test may write them early.
const pending = [];
ws.on('open', () => pending.splice(0).forEach(run));
readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (!line.trim())
        return;
    const command = JSON.parse(line);
    if (ws.readyState === WebSocket.CONNECTING)
        pending.push(command);
    else
        run(command);
});

function run(command) {
    if ('send' in command)
        ws.send(command.send);
    else if ('close' in command)
        ws.close(command.close, command.reason || '');
    else if ('terminate' in command)
        ws.terminate();
}
