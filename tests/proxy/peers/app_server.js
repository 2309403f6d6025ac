// The real application server behind CloseCall's proxy in tests/proxy, on
// Node's `ws` (Debian's node-ws): the same picky application protocol as
// app_server.py (subprotocol chat.v1 required, 400 otherwise; /missing...
// answers 404; "hello" first, answered "welcome <path>"; "echo:X", "ticks",
// "close:CODE:REASON"), the same stdin commands and the same reports
// ("server": listening, open, message, closed), so a test can pair either
// with either client. Run with NODE_PATH=/usr/share/nodejs.
'use strict';
const http = require('http');
const readline = require('readline');
const { WebSocketServer } = require('ws');

const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
let newest = null;

const server = http.createServer((req, res) => { res.writeHead(426); res.end(); });
const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 0,
    handleProtocols: (protocols) => (protocols.has('chat.v1') ? 'chat.v1' : false),
});

server.on('upgrade', (req, socket, head) => {
    const refuse = (status, text) => {
        socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain\r\n` +
                   `Content-Length: ${text.length}\r\nConnection: close\r\n\r\n${text}`);
    };
    if (req.url.startsWith('/missing'))
        return refuse(404, 'no such app\n');
    const offered = (req.headers['sec-websocket-protocol'] || '').split(',').map((p) => p.trim());
    if (!offered.includes('chat.v1'))
        return refuse(400, 'subprotocol chat.v1 required\n');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

function startTicks(ws) {
    let n = 0;
    const timer = setInterval(() => {
        if (ws.readyState !== ws.OPEN)
            return clearInterval(timer);
        ws.send(`tick ${++n}`);
    }, 20);
    ws.on('close', () => clearInterval(timer));
}

wss.on('connection', (ws, req) => {
    newest = ws;
    say({ server: 'open', path: req.url, subprotocol: ws.protocol, headers: req.headers });
    let greeted = false;
    let sentCode = null;
    ws.on('message', (data, isBinary) => {
        const text = isBinary ? '(binary)' : data.toString();
        say({ server: 'message', data: text });
        if (!greeted) {
            if (text !== 'hello') {
                sentCode = 4001;
                return ws.close(4001, 'say hello first');
            }
            greeted = true;
            return ws.send(`welcome ${req.url}`);
        }
        if (text.startsWith('echo:'))
            ws.send(text.slice(5));
        else if (text === 'ticks')
            startTicks(ws);
        else if (text.startsWith('close:')) {
            const [, code, ...reason] = text.split(':');
            sentCode = Number(code);
            ws.close(Number(code), reason.join(':'));
        }
    });
    ws.on('close', (code, reason) => say({ server: 'closed', code, reason: reason.toString(), sent_code: sentCode }));
    ws.on('error', (err) => say({ server: 'error', message: String(err) }));
});

readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (!line.trim())
        return;
    const command = JSON.parse(line);
    if (!newest)
        return say({ server: 'refused', error: 'no connection yet' });
    if ('send' in command)
        newest.send(command.send);
    else if ('ticks' in command)
        startTicks(newest);
    else if ('close' in command)
        newest.close(command.close, command.reason || '');
    else if ('drop' in command)
        newest.terminate();
});

server.listen(0, '127.0.0.1', () => say({ server: 'listening', port: server.address().port }));
