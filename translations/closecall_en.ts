<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BehaviourChoices</name>
    <message>
        <source>Silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Echo what arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text “msg 1”, “msg 2”, … every second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text every 100 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary, 1 KiB every second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer after 1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer after 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send 3 more messages, then answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never answer (the server times out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset TCP (RST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close TCP without a Close (FIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never: wait for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close after 2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close after 10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Output after 2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Output 1001 “going away” after 5 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientUrl</name>
    <message>
        <source>the URL is empty; give one like ws://127.0.0.1:9001/chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a WebSocket URL; it must start with ws:// or wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid URL: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names no host; give one like ws://127.0.0.1:9001/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has user info before the host; a WebSocket URL has none (RFC 6455 §3): send credentials in an Authorization header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a fragment; a WebSocket URL must not (RFC 6455 §3): write &apos;#&apos; as %23.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has port 0; give the server&apos;s port.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseCodes</name>
    <message>
        <source>Empty (no status code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (registered for libraries and frameworks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (private use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (out of range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (reserved, not registered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No close code given. Type a number such as 1000 or 1001, a name such as GoingAway, or Empty for a Close with no status code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a close code number; codes are whole numbers from 0 to 65535 (usable: 1000-1003, 1007-1014, 3000-4999).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a close code. Type a number (e.g. 1001) or a registry name (e.g. Going Away, GoingAway, EndpointUnavailable, CloseCodeGoingAway), or Empty for a Close with no status code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close payload is 1 byte; a status code needs 2 (RFC 6455 §5.5.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close code %1 may not be sent on the wire (RFC 6455 §7.4): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close payload is %1 bytes; a control frame carries at most 125 (RFC 6455 §5.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close reason is not valid UTF-8 (RFC 6455 §5.5.1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>&apos;%1&apos; is too large; the most is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too small; the least is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an origin; write scheme://host[:port] with no path, e.g. https://example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no closing &apos;]&apos;; write IPv6 as [::1]:9001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port; write HOST:PORT, e.g. [::1]:9001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port; write HOST:PORT, e.g. 127.0.0.1:9001 (port 0 = any free port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write an IPv6 address in brackets, e.g. [%2]:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host; write HOST:PORT, e.g. 127.0.0.1:9001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address; use e.g. 127.0.0.1, 0.0.0.0, localhost or [::1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port &apos;%1&apos; is not a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloseCall: a WebSocket server console that closes connections the way a real server would. --headless: events on stdout as JSON Lines, commands on stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window: JSON Lines events on stdout, commands on stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on HOST:PORT (default 127.0.0.1:9001; IPv6 as [::1]:9001; port 0 = any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificate (with --tls-key): serve wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private key (with --tls-cert).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Echo each data message while Open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave a peer&apos;s Close unanswered until a command answers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not answer Pings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer a subprotocol (repeat, in preference order).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept this Origin only (repeat; none given = any origin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse upgrades beyond N connections with 503 (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close with 1009 on a larger message (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a client whose upgrade is not done in time (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close: abort when the peer&apos;s Close has not come (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close_output: abort when the peer&apos;s Close has not come (default %1; 0 = never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every event to FILE as it happens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jsonl, text or csv (default: from the file&apos;s suffix, else jsonl).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave message_in/out and ping/pong events out of stdout (for benchmarks); --log-file still gets them. Without --log-file the engine does not produce them at all, so export lacks them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown option (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (options start with --; see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given %1 times; give it once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs --tls-key (both or neither)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs --tls-cert (both or neither)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid subprotocol name (an HTTP token: letters, digits and !#$%&amp;&apos;*+-.^_`|~, no spaces or commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs --log-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of jsonl, text, csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAR is one JSON document and cannot be written as events happen; use .jsonl, .log or .csv (or --log-format), and the export command for HAR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes all connections together may hold of unfinished messages; the connection that would pass it is closed with 1009 (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close with 1008 a connection whose message is not finished in time (default %1; 0 = never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once listening, connect a handful of built-in misbehaving peers to the server itself, to have live connections to close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept permessage-deflate (RFC 7692) when a client offers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --deflate: compress within a window of 2^N bytes, N 9 to 15 (default 15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --deflate: ask a client that allows it to compress within 2^N bytes, N 8 to 15 (default 15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --deflate: compress every message on its own (less memory, larger messages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --deflate: ask the client to compress every message on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs --deflate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy mode: relay every client to this ws:// or wss:// server, both ways, and log both legs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --proxy-to: connect to the target&apos;s own path and query only (without it the client&apos;s path and query are appended).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --proxy-to: hold every Close instead of passing it on; a command decides what the other side sees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --proxy-to wss://: accept a server certificate that fails verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo&apos;s peers connect to CloseCall&apos;s own server; it does not go with --proxy-to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server behind --proxy-to answers, not CloseCall; it does not go with --proxy-to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in proxy mode a Close is relayed or held (see --proxy-hold-closes); it does not go with --proxy-to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in proxy mode the client&apos;s offer goes to the server and the server chooses; it does not go with --proxy-to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs --proxy-to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandParser</name>
    <message>
        <source>write terms such as conn:3,4 event:message_in,closed state:CloseSent (all must hold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter term &apos;%1&apos; is not key:value; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not a connection id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not an event name (e.g. open, message_in, close_sent, closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not a state (Connecting, Open, CloseSent, CloseReceived, Closed, Aborted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter: unknown key &apos;%1&apos;; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;conn&apos; must be an id, a list of ids or &quot;all&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;conn&apos; is missing: give an id, a list of ids or &quot;all&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection id %1 is not valid; ids are whole numbers from 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;conn&apos; is an empty list; give at least one id, or &quot;all&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code %1 is not a close code number; codes are whole numbers from 0 to 65535 (usable: 1000-1003, 1007-1014, 3000-4999)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;code&apos; must be a number, a registry name such as &quot;GoingAway&quot; or &quot;EndpointUnavailable&quot;, or null for an empty Close; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code %1 cannot be sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;reason&apos; must be a string; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;timeout_ms&apos; must be a whole number of milliseconds from 0 to %1; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;timeout_ms&apos; 0 (never) is only for close_output; close needs at least 1 ms (or use abort)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a base64 string; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid base64: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (base64url is not accepted; use + and /)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>character &apos;%1&apos; at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its length or its &apos;=&apos; padding is wrong (%1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give &apos;text&apos; or &apos;binary&apos;, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send needs &apos;text&apos; (a string) or &apos;binary&apos; (base64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;text&apos; must be a string; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give &apos;payload&apos; or &apos;binary&apos;, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;payload&apos; must be a string; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs &apos;path&apos; (the file to write)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;path&apos; must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;path&apos; contains a NUL character (\u0000 at position %1); file names cannot contain one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;format&apos; must be one of jsonl, text, csv, har; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;filter&apos; must be a string; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;id&apos; must be a string or a number; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;cmd&apos; must be a string; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown cmd &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;: %2 takes none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; for %2 (it takes %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a command must be a JSON object such as {&quot;cmd&quot;: &quot;list&quot;}; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline needs &apos;conn&apos; (the id of the connection to draw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;conn&apos; must be one connection id (a whole number from 1); got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline needs &apos;path&apos; (the file to write)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;format&apos; must be svg or png; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an array of strings; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; item %2 must be a non-empty string; got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect needs &apos;url&apos; (ws://host:port/path or wss://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;url&apos; must be a non-empty string such as &quot;ws://127.0.0.1:8080/&quot;; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;count&apos; must be a whole number of connections from 1; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;behaviour&apos; must be a string such as &quot;traffic=text; on-close=delay&quot;; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;insecure&apos; must be true or false; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;deflate&apos; must be true or false; got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;cmd&apos; is missing; commands are list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown cmd &apos;%1&apos;; commands are list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set needs at least one of echo, manual_ack, auto_pong (in proxy mode also hold_closes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is for the whole server and does not apply to a proxy&apos;s legs; it does not go with &apos;%2&apos; (send it in a set of its own)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>protocol error, answered with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the end of the connection ignored</source>
        <translation>
            <numerusform>%n byte after the end of the connection ignored</numerusform>
            <numerusform>%n bytes after the end of the connection ignored</numerusform>
        </translation>
    </message>
    <message>
        <source>the client reset the connection before completing the upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client closed the connection before completing the upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is at its limit of %1 open connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no complete upgrade request within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no 101 Switching Protocols within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfinished messages would hold %1 bytes on all connections together, over the limit of %2 (--max-unfinished-bytes); this connection held %3 of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s limit for unfinished messages is reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message was not finished within %1 ms (--message-timeout); %2 bytes of it were held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message not finished within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: closing (our Close is already out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: closing with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not finish the TLS handshake within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>conn %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS needs both a certificate (--tls-cert) and a key (--tls-key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is not available: Qt found no TLS backend (OpenSSL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the TLS certificate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the TLS key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA, EC or DSA, without a passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the epoll set: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 on %2 is already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not set up the socket of an accepted connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is already stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count is %1; give 1 to %2 connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header %1 is not &quot;Name: value&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not set up the socket of an outgoing connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the events are written more slowly than they come (%1 KiB of them wait for stdout, the log file or the window): reading from every peer and accepting connections pause until fewer than %2 KiB wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n pause(s) since the last such notice</source>
        <translation>
            <numerusform>; %n pause since the last such notice</numerusform>
            <numerusform>; %n pauses since the last such notice</numerusform>
        </translation>
    </message>
    <message>
        <source>wss:// needs TLS, and Qt found no TLS library (OpenSSL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insecure applies to wss:// only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold_closes and a per-connection auto_pong apply in proxy mode only (--proxy-to)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give auto_pong or hold_closes (or both) to set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conn %1: not a leg of a proxy pair (it was opened with connect)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventJson</name>
    <message>
        <source>the object has no &quot;event&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Handshake</name>
    <message>
        <source>header line %1 starts with whitespace (obsolete line folding, RFC 9112 §5.2); send each header on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header line %1 has no &apos;:&apos; (%2); each header must be &quot;Name: value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header line %1 has an invalid name %2 (empty, or with spaces or separators before the &apos;:&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1 contains a bare CR, LF or NUL; lines must end with CRLF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client started a TLS handshake on a plain ws:// port; connect with ws:// or start the server with --tls-cert and --tls-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 ends with a bare LF; HTTP lines end with CRLF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request header block is over %1 bytes; send fewer or shorter headers (cookies are the usual culprit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request line %1 is not &quot;GET /path HTTP/1.1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request line ends with %1 where the HTTP version belongs; send HTTP/1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request is %1; a WebSocket upgrade needs HTTP/1.1 (RFC 6455 §4.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the method is %1; a WebSocket upgrade must be a GET (RFC 6455 §4.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upgrade request has a %1 header (%2); a WebSocket upgrade is a GET without a body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request target %1 is not a path; send one like /chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Host header is missing (RFC 6455 §4.1 requires it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request has %1 Host headers; send exactly one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Host header is empty; send the host and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Upgrade header is missing; a WebSocket request sends &quot;Upgrade: websocket&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade is %1; it must include websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Connection header is missing; a WebSocket request sends &quot;Connection: Upgrade&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection is %1; it must include Upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec-WebSocket-Version is missing; only 13 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec-WebSocket-Version is %1; only 13 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key is missing; send 16 random bytes, base64-encoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1); send 16 random bytes, base64-encoded (24 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request has no Origin header and only these origins are allowed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin %1 is not allowed; allowed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response does not start with an HTTP status line: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 101 response is %1, not HTTP/1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response is malformed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1 instead of 101 Switching Protocols.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 101 has Upgrade %1; it must be websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 101 has Connection %1; it must include Upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept is %1; expected %2 for our key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server chose extensions (%1) that were not offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server chose subprotocol %1 but none was offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server chose subprotocol %1, which is not one offered (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host %1 is empty or not printable ASCII; give a host name (IDNA-encoded) or an address, with the port if it is not the scheme&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request target %1 must start with &apos;/&apos; and be printable ASCII without spaces (percent-encode the rest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subprotocol %1 is not a token (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only, RFC 6455 §4.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subprotocol %1 is offered twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Origin %1 contains CR, LF or another control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header name %1 is not a token (no spaces, colons, CR or LF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of header %1 contains CR, LF or another control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header %1 is the handshake&apos;s own; it cannot be set as an extra header (subprotocols have their own option).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin is given twice: as the origin and as an extra header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response header limit must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response header is over %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 101 has no Sec-WebSocket-Accept; expected %1 for our key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server chose several subprotocols (%1), not one offered (%2); a server chooses exactly one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection without answering the upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection in the middle of its response (%1 bytes received).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its body is %1 bytes of binary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 101&apos;s Sec-WebSocket-Extensions is malformed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server chose extensions (%1); only permessage-deflate was offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s permessage-deflate answer cannot be accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Sec-WebSocket-Extensions header is malformed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <source>cannot accept connections: %1; retrying in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeerBehaviour</name>
    <message>
        <source>behaviour: &quot;%1&quot; is not key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: &quot;%1&quot; has no key; keys are %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: unknown key &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: unknown key &quot;%1&quot;; keys are %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: %1 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: %1=%2 is not a whole number; give %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: %1=%2 is out of range; give %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: %1 applies only with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: traffic=%1 is not one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: on-close=%1 is not one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: close-mode=%1 is not one of close, close_output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: close-code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: close-code=%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour: close-reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProxyPair</name>
    <message>
        <source>the upstream server did not accept the connection in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream server could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client&apos;s upgrade failed before the upstream server answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream server refused the upgrade: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream server did not complete the upgrade in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream server&apos;s upgrade failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client leg has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server leg has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client leg already sent its Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server leg already sent its Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client leg is not open yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server leg is not open yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client left before the upstream server answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProxyUpgrade</name>
    <message>
        <source>the upstream request cannot be made of the client&apos;s: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>%1 message of %2 bytes after the peer&apos;s Close: dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frame after the peer&apos;s Close: ignored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TlsTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client closed the connection during the TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: %1; connect with insecure to accept it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the server&apos;s answer is not TLS; is it a ws:// server? (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is self-signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate&apos;s chain ends in a self-signed certificate this system does not trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate names no host, and %1 was asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is for %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is not valid before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is not signed by a certificate authority this system trusts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::control::Controller</name>
    <message>
        <source>timeline is not available here: use File &gt; Export Timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline: png needs the window (File &gt; Export Timeline…); headless writes svg (&quot;format&quot;: &quot;svg&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection %1 has no events in the log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::control::EngineSession</name>
    <message>
        <source>server stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1; %n event(s) not written to it</source>
        <translation>
            <numerusform>%1; %n event not written to it</numerusform>
            <numerusform>%1; %n events not written to it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::monitor</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: use jsonl, text, csv or har</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell the format of %1 from its suffix: name the format (jsonl, text, csv or har) or use .jsonl, .log, .txt, .csv or .har</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a character device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on %2, a kernel interface, where files cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create files in the folder %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write: no file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path contains a NUL character, which no file name can hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a symbolic link to %1; CloseCall does not write through symbolic links (the file it points at would be replaced): give %1 itself if that is the file you mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is %1, not a regular file; exports and log files are written only to regular files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a kernel interface file on %1, not a regular file for data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PNG could not be encoded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::monitor::ConnectionTableModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Msgs in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Msgs out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-close rx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peer&apos;s Close arrived and is not answered yet: Close or Close Output will acknowledge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
reason: %2
mode: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; final status %2; TCP closed by the %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ack delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them crossed our Close: they were already here when it went out, so the peer sent them before it could see it.</source>
        <translation>
            <numerusform>%n of them crossed our Close: they were already here when it went out, so the peer sent them before it could see it.</numerusform>
            <numerusform>%n of them crossed our Close: they were already here when it went out, so the peer sent them before it could see it.</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer closed first; its Close waited this long for our answer (with manual acknowledge, the operator&apos;s time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages travel compressed (permessage-deflate, RFC 7692): the log shows each message&apos;s size on the wire beside its size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing: CloseCall connected to %1 and is the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming: a client connected to CloseCall&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this outgoing connection CloseCall is the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this incoming connection CloseCall is the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::monitor::DisplayText</name>
    <message>
        <source>Empty (no status code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pong in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pong out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <comment>direction: from the peer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <comment>direction: to the peer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledging the peer&apos;s Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (delivered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (discarded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 delivered, %3 discarded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aborted by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client reset TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client closed TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not relayed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogFileWriter</name>
    <message>
        <source>har is one document and cannot be written as events arrive: use jsonl, text or csv for a log file, and export har</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the log file %1 is written again; %n event(s) were not written to it while writing failed</source>
        <translation>
            <numerusform>the log file %1 is written again; %n event were not written to it while writing failed</numerusform>
            <numerusform>the log file %1 is written again; %n events were not written to it while writing failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n event(s) not written (later events are still tried)</source>
        <translation>
            <numerusform>%1; %n event not written (later events are still tried)</numerusform>
            <numerusform>%1; %n events not written (later events are still tried)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogFilterProxy</name>
    <message>
        <source>post-close: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post-close: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initiated by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close handshake %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP closed by the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP closed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subprotocol %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>origin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1  %2  (t = %3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crossed our Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>we sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing, to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 bytes not passed on: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair %1, client leg: the client&apos;s connection to CloseCall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair %1, server leg: CloseCall&apos;s connection to the target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::monitor::PairTableModel</name>
    <message>
        <source>The client leg: the client&apos;s connection to CloseCall, where CloseCall acts as the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server leg: CloseCall&apos;s connection to the target, where CloseCall acts as the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C→S msgs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S→C msgs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close to client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close from client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client leg initiated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client post-close rx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close from server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server leg initiated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server post-close rx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not relayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client leg ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server leg ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloseCall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client leg: connection %1; server leg: connection %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Close arrived on this leg and is not answered yet (closes held): Close or Close Output on this leg answers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames that arrived on one leg and could not be passed on, because the other leg had already sent its Close or ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes held: a Close from either side is not passed on; you decide what the other side sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes relayed: a Close from either side is passed on with the same code and reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; final status %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::monitor::TimelineText</name>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pong %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after our Close: %1 (post-close #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP closed by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close timeout: no Close from the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP RST (after the timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP RST (Abort)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP RST from the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP FIN without a Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP FIN (protocol error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP FIN (the client closed first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP FIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close handshake %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first Close from: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages after our Close: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade refused: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade: GET %1 → 101</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subprotocol: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>origin: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⋯ %1 more frames (%2 in, %3 out) ⋯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after our Close: %1 delivered, %2 discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloseCall (server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⋯ %1 idle ⋯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing happened for %1 (%2 ms); compressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after our Close, delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after our Close, discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset, timeout, error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not relayed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::protocol</name>
    <message>
        <source>Sec-WebSocket-Extensions &quot;%1&quot; is malformed at character %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server_max_window_bits must be 8 to 15, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client_max_window_bits must be 8 to 15, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a permessage-deflate parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an extension name was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a parameter name was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted value must be a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;,&apos; or &apos;;&apos; was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server chose extension %1, which was not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s permessage-deflate answer is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::protocol::MessageInflater</name>
    <message>
        <source>the message inflates past %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the compressed data is not valid deflate: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::protocol::RefusalText</name>
    <message>
        <source>send data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send a Ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1004 is reserved (RFC 6455 §7.4.1) and may not be sent. Pick another code, e.g. 1000 or 1001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1005 (No Status Rcvd) may not be sent as a number (RFC 6455 §7.4.1); use Empty to send a Close frame with no status code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1006 (Abnormal Closure) only reports a connection that ended without a Close frame and may not be sent (RFC 6455 §7.4.1); use Abort to end the connection without a Close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1015 (TLS handshake) only reports a failed TLS handshake and may not be sent (RFC 6455 §7.4.1). Pick another code, e.g. 1011.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable close code: 0-999 are never used (RFC 6455 §7.4.2). Pick 1000-1003, 1007-1014 or 3000-4999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not registered with IANA (1016-2999 are reserved for future use) and may not be sent. Pick a registered code (1000-1014) or 3000-4999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range: close codes end at 4999 (RFC 6455 §7.4.2). Use 4000-4999 for a private code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the connection is still Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: our Close is already sent (CloseSent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the connection is Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the connection was Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1 in state %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>our Close is already sent (CloseSent); waiting for the peer&apos;s Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the upgrade failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text message must be valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not valid UTF-16 (a lone surrogate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ping payload is %1 bytes; the limit is %2 (RFC 6455 §5.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Empty close has no status code, so it cannot carry a description; clear the description or pick a code such as 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason is not valid text: it has an unpaired UTF-16 surrogate at character %1; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason is %1 bytes of UTF-8; the limit is %2. Shorten it (letters outside ASCII take 2 to 4 bytes each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close mode must be close or close_output, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>illegal state transition %1 → %2 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection has ended (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection was named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 is already CloseSent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 is still Connecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 is CloseSent: nothing may follow our Close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 has ended (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is %1 bytes of UTF-8; the limit is %2. Shorten it (letters outside ASCII take 2 to 4 bytes each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is not valid text: it has an unpaired UTF-16 surrogate at character %1; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is shutting down; %1 was not carried out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the --log-file being written; export to another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export is not available here: use File &gt; Export Log…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::server::Connector</name>
    <message>
        <source>no connection to %1 port %2 within %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name has no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui</name>
    <message>
        <source>Duration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Msgs in (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Msgs out (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes in (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes out (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close sent code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close received code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-close delivered (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-close discarded (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close handshake (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ack delay (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-close crossed (count)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::CloseOutcomeWatcher</name>
    <message>
        <source>an empty Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n late message(s) delivered</source>
        <translation>
            <numerusform>%n late message delivered</numerusform>
            <numerusform>%n late messages delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late message(s) discarded</source>
        <translation>
            <numerusform>%n late message discarded</numerusform>
            <numerusform>%n late messages discarded</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more connection(s) ended.</source>
        <translation>
            <numerusform>%n more connection ended.</numerusform>
            <numerusform>%n more connections ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n more connection(s) to end.</source>
        <translation>
            <numerusform>Waiting for %n more connection to end.</numerusform>
            <numerusform>Waiting for %n more connections to end.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection %1 closed: the client closed first with %2, answered with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the client in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 aborted: the client did not answer our Close in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 aborted by you (TCP reset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the client reset TCP instead of answering our Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the client reset TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the client closed TCP without answering our Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the client closed TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 failed: protocol error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 closed: the server closed first with %2, answered with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the server in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 aborted: the server did not answer our Close in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the server reset TCP instead of answering our Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the server reset TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the server closed TCP without answering our Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 ended: the server closed TCP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::ClosePanel</name>
    <message>
        <source>The status code of our Close frame: the number, the RFC name and the .NET WebSocketCloseStatus name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, e.g. &quot;deploy in progress&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description travels as UTF-8 in the Close frame: at most %1 bytes (&quot;å&quot; is 2 bytes, &quot;€&quot; 3, an emoji 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Output keeps receiving for this long, then aborts the connection; &quot;never&quot; waits for as long as it takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close O&amp;utput:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;atus code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time&amp;outs: Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty Close carries no description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is normally sent by a client (RFC 6455 §7.4.1); a server may still send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code to send: 3000–3999 are registered for libraries and frameworks, 4000–4999 are for private use; a registered code such as 1001 may be typed too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close waits this long for the peer&apos;s Close, then aborts the connection (Aborted — timed out)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectDialog</name>
    <message>
        <source>Accept a certificate the system does not trust (self-signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer compression (permessage-deflate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ws://host:port/path or wss://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server to connect to; the list holds this server and the URLs used before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many identical connections to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none; e.g. chat, superchat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered in Sec-WebSocket-Protocol, in this order; separate them with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, e.g.
Origin: https://app.example
Authorization: Bearer …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a plain client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The behaviour spec sent with the command: key=value pairs separated by semicolons. The menus above write it; type here for anything they do not offer (see the user guide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wss:// only. The log says so for every connection that accepts such a certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer permessage-deflate (RFC 7692) as browsers do; the log shows whether the server agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subprotocols:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Traffic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the server&apos;s &amp;Close arrives:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the close &amp;itself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;pec:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectionActions</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acts on %n connections: %1.</source>
        <translation>
            <numerusform>Acts on %n connection: %1.</numerusform>
            <numerusform>Acts on %n connections: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close &amp;Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send our Close and wait for the peer&apos;s Close; data the peer sends meanwhile is read and discarded (CloseAsync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send our Close and return at once; data the peer still sends is delivered (CloseOutputAsync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the TCP connection (an RST, not a FIN): state Aborted, 1006</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the send panel&apos;s message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a Ping with the send panel&apos;s payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more connections in the table (Ctrl+A selects all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acts on connection %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the selected connections can be closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the selected connections can be aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the selected connections can be sent a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the selected connections can be pinged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a connection in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A selected connection is CloseReceived: this acknowledges the peer&apos;s Close with your code and description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Manual acknowledge: the peer closed first. Close or Close Output answers its Close with the code and description above and completes the handshake (%n connection(s): %1).</source>
        <translation>
            <numerusform>Manual acknowledge: the peer closed first. Close or Close Output answers its Close with the code and description above and completes the handshake (%n connection: %1).</numerusform>
            <numerusform>Manual acknowledge: the peer closed first. Close or Close Output answers its Close with the code and description above and completes the handshake (%n connections: %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectionsPane</name>
    <message>
        <source>Hide e&amp;nded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter connections: id, address, path, subprotocol, state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the Closed and Aborted rows (Clear ended removes them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection matches the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended connections are hidden (Hide ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter pairs: id, client address, target, path, state…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::DetailsPanel</name>
    <message>
        <source>Select a connection to see its upgrade request, subprotocol and how it closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 in (%2), %L3 out (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 in, %L2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1; latest: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-close data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 delivered, %L2 discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP closed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%L1 crossed our Close on the wire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ack delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms: the peer&apos;s Close waited this long for our answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: CloseCall connected to %1 (the client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: a client connected to CloseCall (the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (CloseCall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the peer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response headers (the server&apos;s 101)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client leg (CloseCall is the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server leg (CloseCall is the client)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::EmptyStateTableView</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::GuideDialog</name>
    <message>
        <source>CloseCall User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::LegChoice</name>
    <message>
        <source>C&amp;lient Leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver Leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act on the client leg: the client&apos;s connection to CloseCall. There CloseCall acts as the server, so the client sees what its server would do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act on the server leg: CloseCall&apos;s connection to the target server. There CloseCall acts as the client, so the server sees what its client would do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act on:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::LogPane</name>
    <message numerus="yes">
        <source>Events: %n kind(s)</source>
        <translation>
            <numerusform>Events: %n kind</numerusform>
            <numerusform>Events: %n kinds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message>
        <source>Message in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pong in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pong out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;elected connections only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Post-close only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every frame and event of every connection appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the log: text, code, reason, event, state, address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only some kinds of event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the events of the connections selected in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only data that arrived after our Close went out (delivered or discarded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest event in sight (scrolling up pauses this; End or this button resumes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select Connection %1 in the Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Only Connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The close handshake only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event matches the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command results (hidden unless chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::MainWindow</name>
    <message numerus="yes">
        <source>Sent %n byte(s) to %1</source>
        <translation>
            <numerusform>Sent %n byte to %1</numerusform>
            <numerusform>Sent %n bytes to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>Copied %n row</numerusform>
            <numerusform>Copied %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>Exported %n event to %1</numerusform>
            <numerusform>Exported %n events to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n connection(s) to %1</source>
        <translation>
            <numerusform>Exported %n connection to %1</numerusform>
            <numerusform>Exported %n connections to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Log to file stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the log file failed, so logging to it has stopped.

%1

The log in the window is complete; export it to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log to file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen for WebSocket clients on the address in the toolbar (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close every connection with 1001 Going Away, then stop listening (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Echo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Echo each data message back while the connection is Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: answer a peer&apos;s Close at once, echoing its code (what browsers do).
Off (manual acknowledge, as .NET): the connection stays CloseReceived until you Close or Close Output it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer &amp;Pings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer each Ping with a Pong; turn off to test a client&apos;s keep-alive timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Filtered Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Connections (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log to File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append every event to a file as it happens (JSON Lines, text or CSV), full previews included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Close &amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the Closed and Aborted rows from the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every event from the log pane (a log file being written keeps them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter C&amp;onnections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;Capacity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow Log &amp;Tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when CloseCall starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CloseCall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: closing every connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections yet: connect a client to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example, in a browser&apos;s console: new WebSocket(&quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the address or port in the toolbar and press Start (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Start (Ctrl+R) to listen on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS change applies at the next Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events the log keeps (the oldest go when it is full; about 120 bytes each):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CloseCall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;CloseCall %1&lt;/h3&gt;&lt;p&gt;A console for WebSocket servers: see how your clients behave when a server closes on them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Close&lt;/b&gt; sends our Close and waits for the peer&apos;s (data meanwhile is discarded); &lt;b&gt;Close Output&lt;/b&gt; sends it and keeps delivering what the peer still sends; &lt;b&gt;Abort&lt;/b&gt; resets TCP.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connections %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the listen address is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close %1 sent to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Output %1 sent to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted %1 (TCP reset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping sent to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text log (*.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP Archive (*.har)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export filtered log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log was not exported.

%1

Nothing in the log was lost: choose another place and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the oldest %L1 events had already left the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections were not exported.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped logging to %1 (%L2 events written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging to the file could not start.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging every event to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-acknowledge: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-acknowledge: off (manual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log to file stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificate and key to serve wss:// (TLS) instead of ws://; the change applies at the next Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving wss:// with %1 (applies at Start); click to change or turn off TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Connections Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the Cl&amp;ose Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the S&amp;end Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving between the panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next or previous control: the connections filter, Hide ended, Clear Ended, the table, then the log&apos;s controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;br&gt;Released under the MIT License.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Homepage: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected connection&apos;s timeline as a picture (PNG or SVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1 is not in the log&apos;s view: the filter hides it, or the log no longer holds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection with events is selected: select one in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline was not exported.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the timeline of connection %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept &amp;Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept permessage-deflate (RFC 7692) from clients that offer it, as browsers do; applies from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a handful of built-in peers to the running server, each misbehaving differently; close them to see what happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n peer(s) connecting</source>
        <translation>
            <numerusform>Demo: %n peer connecting</numerusform>
            <numerusform>Demo: %n peers connecting</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;nnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open outgoing connections: CloseCall as the client of a server (this one by default), with a chosen behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is not running. Outgoing connections run on its engine: start it first (Server ▸ Start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connecting to %1 (%n connection(s))</source>
        <translation>
            <numerusform>Connecting to %1 (%n connection)</numerusform>
            <numerusform>Connecting to %1 (%n connections)</numerusform>
        </translation>
    </message>
    <message>
        <source>Proxying %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pairs yet: connect a client to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloseCall passes each client on to %1 and shows both legs here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy target is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy mode: every client that connects to the Listen on address is passed on to the target URL, and you can close either side. Off: CloseCall is the server itself. Applies at the next Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: &amp;Keep the Target&apos;s Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the target&apos;s own path and query only; off: the client&apos;s path and query are appended to the target&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: &amp;Hold Closes of New Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every pair with its closes held: a Close from either side is not passed on, so you decide what the other side sees. Off: closes are relayed with the same code and reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wss:// target whose certificate fails verification is accepted (the server leg&apos;s details say so)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hold Closes of This Pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: a Close from either side of the selected pairs is not passed on; the leg waits in CloseReceived until you answer it. Off: closes are relayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: CloseCall answers the Pings that arrive on the chosen leg itself. Off (the default): Pings are passed through to the other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer Pings on the Server &amp;Leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer Pings on the Client &amp;Leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes held for pairs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes relayed for pairs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pings answered on connections %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pings passed through on connections %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;roxy to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: Accept Self-S&amp;igned Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer Pings on This Le&amp;g</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::SendPanel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message to send (Ctrl+Return sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional payload, at most 125 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ing payload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hex: a lone digit before position %1; write bytes as pairs like 0a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hex: &quot;%1&quot; at position %2 is not a hex digit (0-9, a-f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hex: an odd number of digits; write bytes as pairs like 0a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes as hex, e.g. 48 65 6c 6c 6f (Ctrl+Return sends)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::ServerToolBar</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen on </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every IPv4 interface), ::1, or a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TCP port; &quot;any&quot; (0) picks a free one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the server (Ctrl+Shift+R) to change where it listens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target URL: type the ws:// or wss:// URL of the server to proxy to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the server (Ctrl+Shift+R) to change the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server every client is passed on to (ws:// or wss://); clients connect to the Listen on address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::StatusLine</name>
    <message numerus="yes">
        <source>Log: %Ln event(s)</source>
        <translation>
            <numerusform>Log: %Ln event</numerusform>
            <numerusform>Log: %Ln events</numerusform>
        </translation>
    </message>
    <message>
        <source>Data messages a second over the last second, in (from the peers) and out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in the log; when it is full the oldest go (Settings ▸ Log capacity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections: %L1 open / %L2 total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Msgs/s: %L1 in, %L2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in the log (capacity %L1); when it is full the oldest go and are counted as dropped (Settings ▸ Log capacity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Logging to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A peer&apos;s Close waits in CloseReceived until you answer it with Close or Close Output (Server ▸ Auto-acknowledge turns this off)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::TimelinePane</name>
    <message>
        <source>Select a connection to see its timeline: its upgrade, frames and closing handshake on a time axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log holds no events of connection %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closecall::ui::TlsDialog</name>
    <message>
        <source>TLS (wss://)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificate, e.g. server.crt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private key, e.g. server.key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a certificate and its key the server serves wss:// instead of ws://. Leave both empty for plain ws://. The change applies at the next Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the TLS certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Private key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the TLS private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use plain ws://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key without a certificate: choose the certificate too, or clear both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate without a key: choose the private key too, or clear both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
