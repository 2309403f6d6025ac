<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>BehaviourChoices</name>
    <message>
        <source>Silent</source>
        <translation>Tyst</translation>
    </message>
    <message>
        <source>Echo what arrives</source>
        <translation>Eka det som kommer</translation>
    </message>
    <message>
        <source>Text “msg 1”, “msg 2”, … every second</source>
        <translation>Text ”msg 1”, ”msg 2”, … varje sekund</translation>
    </message>
    <message>
        <source>Text every 100 ms</source>
        <translation>Text var 100:e ms</translation>
    </message>
    <message>
        <source>Binary, 1 KiB every second</source>
        <translation>Binärt, 1 KiB varje sekund</translation>
    </message>
    <message>
        <source>Answer at once</source>
        <translation>Svara direkt</translation>
    </message>
    <message>
        <source>Answer after 1 s</source>
        <translation>Svara efter 1 s</translation>
    </message>
    <message>
        <source>Answer after 5 s</source>
        <translation>Svara efter 5 s</translation>
    </message>
    <message>
        <source>Send 3 more messages, then answer</source>
        <translation>Skicka 3 meddelanden till, svara sedan</translation>
    </message>
    <message>
        <source>Never answer (the server times out)</source>
        <translation>Svara aldrig (servern når sin tidsgräns)</translation>
    </message>
    <message>
        <source>Reset TCP (RST)</source>
        <translation>Återställ TCP (RST)</translation>
    </message>
    <message>
        <source>Close TCP without a Close (FIN)</source>
        <translation>Stäng TCP utan Close (FIN)</translation>
    </message>
    <message>
        <source>Never: wait for the server</source>
        <translation>Aldrig: vänta på servern</translation>
    </message>
    <message>
        <source>Close after 2 s</source>
        <translation>Close efter 2 s</translation>
    </message>
    <message>
        <source>Close after 10 s</source>
        <translation>Close efter 10 s</translation>
    </message>
    <message>
        <source>Close Output after 2 s</source>
        <translation>Close Output efter 2 s</translation>
    </message>
    <message>
        <source>Close Output 1001 “going away” after 5 s</source>
        <translation>Close Output 1001 ”going away” efter 5 s</translation>
    </message>
</context>
<context>
    <name>ClientUrl</name>
    <message>
        <source>the URL is empty; give one like ws://127.0.0.1:9001/chat.</source>
        <translation>URL:en är tom; ange en som ws://127.0.0.1:9001/chat.</translation>
    </message>
    <message>
        <source>%1 is not a WebSocket URL; it must start with ws:// or wss://.</source>
        <translation>%1 är ingen WebSocket-URL; den måste börja med ws:// eller wss://.</translation>
    </message>
    <message>
        <source>%1 is not a valid URL: %2</source>
        <translation>%1 är ingen giltig URL: %2</translation>
    </message>
    <message>
        <source>%1 names no host; give one like ws://127.0.0.1:9001/.</source>
        <translation>%1 anger ingen värd; ange en som ws://127.0.0.1:9001/.</translation>
    </message>
    <message>
        <source>%1 has user info before the host; a WebSocket URL has none (RFC 6455 §3): send credentials in an Authorization header.</source>
        <translation>%1 har användarinformation före värden; en WebSocket-URL har ingen (RFC 6455 §3): skicka inloggningsuppgifter i en Authorization-rubrik.</translation>
    </message>
    <message>
        <source>%1 has a fragment; a WebSocket URL must not (RFC 6455 §3): write &apos;#&apos; as %23.</source>
        <translation>%1 har ett fragment; en WebSocket-URL får inte ha det (RFC 6455 §3): skriv &apos;#&apos; som %23.</translation>
    </message>
    <message>
        <source>%1 has port 0; give the server&apos;s port.</source>
        <translation>%1 har port 0; ange serverns port.</translation>
    </message>
</context>
<context>
    <name>CloseCodes</name>
    <message>
        <source>Empty (no status code)</source>
        <translation>Tom (ingen statuskod)</translation>
    </message>
    <message>
        <source>%1 (registered for libraries and frameworks)</source>
        <translation>%1 (registrerad för bibliotek och ramverk)</translation>
    </message>
    <message>
        <source>%1 (private use)</source>
        <translation>%1 (privat bruk)</translation>
    </message>
    <message>
        <source>%1 (not used)</source>
        <translation>%1 (används inte)</translation>
    </message>
    <message>
        <source>%1 (out of range)</source>
        <translation>%1 (utanför intervallet)</translation>
    </message>
    <message>
        <source>%1 (reserved, not registered)</source>
        <translation>%1 (reserverad, inte registrerad)</translation>
    </message>
    <message>
        <source>No close code given. Type a number such as 1000 or 1001, a name such as GoingAway, or Empty for a Close with no status code.</source>
        <translation>Ingen stängningskod angiven. Skriv ett nummer som 1000 eller 1001, ett namn som GoingAway, eller Empty för en Close utan statuskod.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a close code number; codes are whole numbers from 0 to 65535 (usable: 1000-1003, 1007-1014, 3000-4999).</source>
        <translation>”%1” är inget stängningskodnummer; koder är heltal från 0 till 65535 (användbara: 1000-1003, 1007-1014, 3000-4999).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a close code. Type a number (e.g. 1001) or a registry name (e.g. Going Away, GoingAway, EndpointUnavailable, CloseCodeGoingAway), or Empty for a Close with no status code.</source>
        <translation>”%1” är ingen stängningskod. Skriv ett nummer (t.ex. 1001) eller ett registernamn (t.ex. Going Away, GoingAway, EndpointUnavailable, CloseCodeGoingAway), eller Empty för en Close utan statuskod.</translation>
    </message>
    <message>
        <source>Close payload is 1 byte; a status code needs 2 (RFC 6455 §5.5.1).</source>
        <translation>Close-datat är 1 byte; en statuskod behöver 2 (RFC 6455 §5.5.1).</translation>
    </message>
    <message>
        <source>Close code %1 may not be sent on the wire (RFC 6455 §7.4): %2.</source>
        <translation>Stängningskod %1 får inte skickas på tråden (RFC 6455 §7.4): %2.</translation>
    </message>
    <message>
        <source>Close payload is %1 bytes; a control frame carries at most 125 (RFC 6455 §5.5).</source>
        <translation>Close-datat är %1 byte; en kontrollram rymmer högst 125 (RFC 6455 §5.5).</translation>
    </message>
    <message>
        <source>Close reason is not valid UTF-8 (RFC 6455 §5.5.1).</source>
        <translation>Close-orsaken är inte giltig UTF-8 (RFC 6455 §5.5.1).</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>&apos;%1&apos; is too large; the most is %2</source>
        <translation>”%1” är för stort; högst %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>”%1” är inget tal</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too small; the least is %2</source>
        <translation>”%1” är för litet; minst %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an origin; write scheme://host[:port] with no path, e.g. https://example.com</source>
        <translation>”%1” är inget ursprung; skriv schema://värd[:port] utan sökväg, t.ex. https://example.com</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist</source>
        <translation>”%1” finns inte</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a file</source>
        <translation>”%1” är ingen fil</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not readable</source>
        <translation>”%1” är inte läsbar</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no closing &apos;]&apos;; write IPv6 as [::1]:9001</source>
        <translation>”%1” saknar avslutande ”]”; skriv IPv6 som [::1]:9001</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port; write HOST:PORT, e.g. [::1]:9001</source>
        <translation>”%1” saknar port; skriv VÄRD:PORT, t.ex. [::1]:9001</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv6 address</source>
        <translation>”%1” är ingen IPv6-adress</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port; write HOST:PORT, e.g. 127.0.0.1:9001 (port 0 = any free port)</source>
        <translation>”%1” saknar port; skriv VÄRD:PORT, t.ex. 127.0.0.1:9001 (port 0 = valfri ledig port)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write an IPv6 address in brackets, e.g. [%2]:%3</source>
        <translation>”%1”: skriv en IPv6-adress inom hakparentes, t.ex. [%2]:%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host; write HOST:PORT, e.g. 127.0.0.1:9001</source>
        <translation>”%1” saknar värd; skriv VÄRD:PORT, t.ex. 127.0.0.1:9001</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address; use e.g. 127.0.0.1, 0.0.0.0, localhost or [::1]</source>
        <translation>”%1” är ingen IP-adress; använd t.ex. 127.0.0.1, 0.0.0.0, localhost eller [::1]</translation>
    </message>
    <message>
        <source>port &apos;%1&apos; is not a number from 0 to 65535</source>
        <translation>porten ”%1” är inget tal från 0 till 65535</translation>
    </message>
    <message>
        <source>CloseCall: a WebSocket server console that closes connections the way a real server would. --headless: events on stdout as JSON Lines, commands on stdin.</source>
        <translation>CloseCall: en konsol för WebSocket-servrar som stänger anslutningar som en riktig server skulle göra. --headless: händelser som JSON Lines på stdout, kommandon på stdin.</translation>
    </message>
    <message>
        <source>Run without a window: JSON Lines events on stdout, commands on stdin.</source>
        <translation>Kör utan fönster: händelser som JSON Lines på stdout, kommandon på stdin.</translation>
    </message>
    <message>
        <source>Listen on HOST:PORT (default 127.0.0.1:9001; IPv6 as [::1]:9001; port 0 = any free port).</source>
        <translation>Lyssna på VÄRD:PORT (standard 127.0.0.1:9001; IPv6 som [::1]:9001; port 0 = valfri ledig port).</translation>
    </message>
    <message>
        <source>PEM certificate (with --tls-key): serve wss://.</source>
        <translation>PEM-certifikat (med --tls-key): erbjud wss://.</translation>
    </message>
    <message>
        <source>PEM private key (with --tls-cert).</source>
        <translation>Privat PEM-nyckel (med --tls-cert).</translation>
    </message>
    <message>
        <source>Echo each data message while Open.</source>
        <translation>Skicka tillbaka varje datameddelande medan Open.</translation>
    </message>
    <message>
        <source>Leave a peer&apos;s Close unanswered until a command answers it.</source>
        <translation>Lämna en motparts Close obesvarad tills ett kommando besvarar den.</translation>
    </message>
    <message>
        <source>Do not answer Pings.</source>
        <translation>Besvara inte pingar.</translation>
    </message>
    <message>
        <source>Offer a subprotocol (repeat, in preference order).</source>
        <translation>Erbjud ett underprotokoll (upprepa, i prioritetsordning).</translation>
    </message>
    <message>
        <source>Accept this Origin only (repeat; none given = any origin).</source>
        <translation>Acceptera endast detta ursprung (upprepa; inget angivet = alla ursprung).</translation>
    </message>
    <message>
        <source>Refuse upgrades beyond N connections with 503 (default %1).</source>
        <translation>Neka uppgraderingar utöver N anslutningar med 503 (standard %1).</translation>
    </message>
    <message>
        <source>Close with 1009 on a larger message (default %1).</source>
        <translation>Stäng med 1009 vid ett större meddelande (standard %1).</translation>
    </message>
    <message>
        <source>Drop a client whose upgrade is not done in time (default %1).</source>
        <translation>Koppla bort en klient vars uppgradering inte blir klar i tid (standard %1).</translation>
    </message>
    <message>
        <source>close: abort when the peer&apos;s Close has not come (default %1).</source>
        <translation>close: avbryt när motpartens Close inte har kommit (standard %1).</translation>
    </message>
    <message>
        <source>close_output: abort when the peer&apos;s Close has not come (default %1; 0 = never).</source>
        <translation>close_output: avbryt när motpartens Close inte har kommit (standard %1; 0 = aldrig).</translation>
    </message>
    <message>
        <source>Write every event to FILE as it happens.</source>
        <translation>Skriv varje händelse till FIL när den sker.</translation>
    </message>
    <message>
        <source>jsonl, text or csv (default: from the file&apos;s suffix, else jsonl).</source>
        <translation>jsonl, text eller csv (standard: enligt filändelsen, annars jsonl).</translation>
    </message>
    <message>
        <source>Leave message_in/out and ping/pong events out of stdout (for benchmarks); --log-file still gets them. Without --log-file the engine does not produce them at all, so export lacks them too.</source>
        <translation>Utelämna message_in/out- och ping/pong-händelser från stdout (för prestandamätningar); --log-file får dem ändå. Utan --log-file skapar motorn dem inte alls, så även exporten saknar dem.</translation>
    </message>
    <message>
        <source>%1: unknown option (see --help)</source>
        <translation>%1: okänt alternativ (se --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (options start with --; see --help)</source>
        <translation>oväntat argument ”%1” (alternativ börjar med --; se --help)</translation>
    </message>
    <message>
        <source>given %1 times; give it once</source>
        <translation>angivet %1 gånger; ange det en gång</translation>
    </message>
    <message>
        <source>needs --tls-key (both or neither)</source>
        <translation>kräver --tls-key (båda eller ingen)</translation>
    </message>
    <message>
        <source>needs --tls-cert (both or neither)</source>
        <translation>kräver --tls-cert (båda eller ingen)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid subprotocol name (an HTTP token: letters, digits and !#$%&amp;&apos;*+-.^_`|~, no spaces or commas)</source>
        <translation>”%1” är inget giltigt underprotokollnamn (en HTTP-token: bokstäver, siffror och !#$%&amp;&apos;*+-.^_`|~, inga mellanslag eller kommatecken)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice</source>
        <translation>”%1” är angivet två gånger</translation>
    </message>
    <message>
        <source>the file name is empty</source>
        <translation>filnamnet är tomt</translation>
    </message>
    <message>
        <source>needs --log-file</source>
        <translation>kräver --log-file</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of jsonl, text, csv</source>
        <translation>”%1” är inte något av jsonl, text, csv</translation>
    </message>
    <message>
        <source>HAR is one JSON document and cannot be written as events happen; use .jsonl, .log or .csv (or --log-format), and the export command for HAR</source>
        <translation>HAR är ett enda JSON-dokument och kan inte skrivas medan händelserna sker; använd .jsonl, .log eller .csv (eller --log-format), och export-kommandot för HAR</translation>
    </message>
    <message>
        <source>Bytes all connections together may hold of unfinished messages; the connection that would pass it is closed with 1009 (default %1).</source>
        <translation>Byte som alla anslutningar tillsammans får hålla av ofärdiga meddelanden; anslutningen som skulle passera gränsen stängs med 1009 (standard %1).</translation>
    </message>
    <message>
        <source>Close with 1008 a connection whose message is not finished in time (default %1; 0 = never).</source>
        <translation>Stäng med 1008 en anslutning vars meddelande inte blir färdigt i tid (standard %1; 0 = aldrig).</translation>
    </message>
    <message>
        <source>Once listening, connect a handful of built-in misbehaving peers to the server itself, to have live connections to close.</source>
        <translation>När servern lyssnar, anslut en handfull inbyggda motparter som beter sig illa till servern själv, så att det finns levande anslutningar att stänga.</translation>
    </message>
    <message>
        <source>Accept permessage-deflate (RFC 7692) when a client offers it.</source>
        <translation>Acceptera permessage-deflate (RFC 7692) när en klient erbjuder det.</translation>
    </message>
    <message>
        <source>With --deflate: compress within a window of 2^N bytes, N 9 to 15 (default 15).</source>
        <translation>Med --deflate: komprimera inom ett fönster på 2^N byte, N 9 till 15 (standard 15).</translation>
    </message>
    <message>
        <source>With --deflate: ask a client that allows it to compress within 2^N bytes, N 8 to 15 (default 15).</source>
        <translation>Med --deflate: be en klient som tillåter det att komprimera inom 2^N byte, N 8 till 15 (standard 15).</translation>
    </message>
    <message>
        <source>With --deflate: compress every message on its own (less memory, larger messages).</source>
        <translation>Med --deflate: komprimera varje meddelande för sig (mindre minne, större meddelanden).</translation>
    </message>
    <message>
        <source>With --deflate: ask the client to compress every message on its own.</source>
        <translation>Med --deflate: be klienten komprimera varje meddelande för sig.</translation>
    </message>
    <message>
        <source>needs --deflate</source>
        <translation>kräver --deflate</translation>
    </message>
    <message>
        <source>Proxy mode: relay every client to this ws:// or wss:// server, both ways, and log both legs.</source>
        <translation>Proxyläge: vidarebefordra varje klient till denna ws://- eller wss://-server, åt båda hållen, och logga båda sträckorna.</translation>
    </message>
    <message>
        <source>With --proxy-to: connect to the target&apos;s own path and query only (without it the client&apos;s path and query are appended).</source>
        <translation>Med --proxy-to: anslut bara till målets egen sökväg och fråga (utan det läggs klientens sökväg och fråga till).</translation>
    </message>
    <message>
        <source>With --proxy-to: hold every Close instead of passing it on; a command decides what the other side sees.</source>
        <translation>Med --proxy-to: håll kvar varje Close i stället för att skicka den vidare; ett kommando avgör vad den andra sidan ser.</translation>
    </message>
    <message>
        <source>With --proxy-to wss://: accept a server certificate that fails verification.</source>
        <translation>Med --proxy-to wss://: godta ett servercertifikat som inte klarar verifieringen.</translation>
    </message>
    <message>
        <source>the demo&apos;s peers connect to CloseCall&apos;s own server; it does not go with --proxy-to</source>
        <translation>demons motparter ansluter till CloseCalls egen server; det går inte ihop med --proxy-to</translation>
    </message>
    <message>
        <source>the server behind --proxy-to answers, not CloseCall; it does not go with --proxy-to</source>
        <translation>servern bakom --proxy-to svarar, inte CloseCall; det går inte ihop med --proxy-to</translation>
    </message>
    <message>
        <source>in proxy mode a Close is relayed or held (see --proxy-hold-closes); it does not go with --proxy-to</source>
        <translation>i proxyläge vidarebefordras en Close eller hålls kvar (se --proxy-hold-closes); det går inte ihop med --proxy-to</translation>
    </message>
    <message>
        <source>in proxy mode the client&apos;s offer goes to the server and the server chooses; it does not go with --proxy-to</source>
        <translation>i proxyläge går klientens erbjudande till servern och servern väljer; det går inte ihop med --proxy-to</translation>
    </message>
    <message>
        <source>needs --proxy-to</source>
        <translation>kräver --proxy-to</translation>
    </message>
</context>
<context>
    <name>CommandParser</name>
    <message>
        <source>write terms such as conn:3,4 event:message_in,closed state:CloseSent (all must hold)</source>
        <translation>skriv villkor som conn:3,4 event:message_in,closed state:CloseSent (alla måste gälla)</translation>
    </message>
    <message>
        <source>filter term &apos;%1&apos; is not key:value; %2</source>
        <translation>filtervillkoret ”%1” är inte nyckel:värde; %2</translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not a connection id</source>
        <translation>filter: ”%1” är inget anslutnings-id</translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not an event name (e.g. open, message_in, close_sent, closed)</source>
        <translation>filter: ”%1” är inget händelsenamn (t.ex. open, message_in, close_sent, closed)</translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not a state (Connecting, Open, CloseSent, CloseReceived, Closed, Aborted)</source>
        <translation>filter: ”%1” är inget tillstånd (Connecting, Open, CloseSent, CloseReceived, Closed, Aborted)</translation>
    </message>
    <message>
        <source>filter: unknown key &apos;%1&apos;; %2</source>
        <translation>filter: okänd nyckel ”%1”; %2</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ett booleskt värde</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>ett tal</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>en sträng</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>en vektor</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ett objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ingenting</translation>
    </message>
    <message>
        <source>&apos;conn&apos; must be an id, a list of ids or &quot;all&quot;</source>
        <translation>”conn” måste vara ett id, en lista med id:n eller &quot;all&quot;</translation>
    </message>
    <message>
        <source>&apos;conn&apos; is missing: give an id, a list of ids or &quot;all&quot;</source>
        <translation>”conn” saknas: ange ett id, en lista med id:n eller &quot;all&quot;</translation>
    </message>
    <message>
        <source>connection id %1 is not valid; ids are whole numbers from 1</source>
        <translation>anslutnings-id %1 är ogiltigt; id:n är heltal från 1</translation>
    </message>
    <message>
        <source>&apos;conn&apos; is an empty list; give at least one id, or &quot;all&quot;</source>
        <translation>”conn” är en tom lista; ange minst ett id, eller &quot;all&quot;</translation>
    </message>
    <message>
        <source>code %1 is not a close code number; codes are whole numbers from 0 to 65535 (usable: 1000-1003, 1007-1014, 3000-4999)</source>
        <translation>koden %1 är inget stängningskodnummer; koder är heltal från 0 till 65535 (användbara: 1000-1003, 1007-1014, 3000-4999)</translation>
    </message>
    <message>
        <source>&apos;code&apos; must be a number, a registry name such as &quot;GoingAway&quot; or &quot;EndpointUnavailable&quot;, or null for an empty Close; got %1</source>
        <translation>”code” måste vara ett tal, ett registernamn som &quot;GoingAway&quot; eller &quot;EndpointUnavailable&quot;, eller null för en tom Close; fick %1</translation>
    </message>
    <message>
        <source>code %1 cannot be sent: %2</source>
        <translation>koden %1 kan inte skickas: %2</translation>
    </message>
    <message>
        <source>&apos;reason&apos; must be a string; got %1</source>
        <translation>”reason” måste vara en sträng; fick %1</translation>
    </message>
    <message>
        <source>&apos;timeout_ms&apos; must be a whole number of milliseconds from 0 to %1; got %2</source>
        <translation>”timeout_ms” måste vara ett heltal millisekunder från 0 till %1; fick %2</translation>
    </message>
    <message>
        <source>&apos;timeout_ms&apos; 0 (never) is only for close_output; close needs at least 1 ms (or use abort)</source>
        <translation>”timeout_ms” 0 (aldrig) gäller bara close_output; close kräver minst 1 ms (eller använd abort)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a base64 string; got %2</source>
        <translation>”%1” måste vara en base64-sträng; fick %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid base64: </source>
        <translation>”%1” är inte giltig base64: </translation>
    </message>
    <message>
        <source> (base64url is not accepted; use + and /)</source>
        <translation> (base64url accepteras inte; använd + och /)</translation>
    </message>
    <message>
        <source>character &apos;%1&apos; at offset %2</source>
        <translation>tecknet ”%1” vid position %2</translation>
    </message>
    <message>
        <source>its length or its &apos;=&apos; padding is wrong (%1 characters)</source>
        <translation>dess längd eller dess ”=”-utfyllnad är fel (%1 tecken)</translation>
    </message>
    <message>
        <source>give &apos;text&apos; or &apos;binary&apos;, not both</source>
        <translation>ange ”text” eller ”binary”, inte båda</translation>
    </message>
    <message>
        <source>send needs &apos;text&apos; (a string) or &apos;binary&apos; (base64)</source>
        <translation>send kräver ”text” (en sträng) eller ”binary” (base64)</translation>
    </message>
    <message>
        <source>&apos;text&apos; must be a string; got %1</source>
        <translation>”text” måste vara en sträng; fick %1</translation>
    </message>
    <message>
        <source>give &apos;payload&apos; or &apos;binary&apos;, not both</source>
        <translation>ange ”payload” eller ”binary”, inte båda</translation>
    </message>
    <message>
        <source>&apos;payload&apos; must be a string; got %1</source>
        <translation>”payload” måste vara en sträng; fick %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false; got %2</source>
        <translation>”%1” måste vara true eller false; fick %2</translation>
    </message>
    <message>
        <source>export needs &apos;path&apos; (the file to write)</source>
        <translation>export kräver ”path” (filen som ska skrivas)</translation>
    </message>
    <message>
        <source>&apos;path&apos; must be a non-empty string</source>
        <translation>”path” måste vara en icke-tom sträng</translation>
    </message>
    <message>
        <source>&apos;path&apos; contains a NUL character (\u0000 at position %1); file names cannot contain one</source>
        <translation>”path” innehåller ett NUL-tecken (\u0000 på position %1); filnamn kan inte innehålla något</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be one of jsonl, text, csv, har; got %1</source>
        <translation>”format” måste vara ett av jsonl, text, csv, har; fick %1</translation>
    </message>
    <message>
        <source>&apos;filter&apos; must be a string; got %1</source>
        <translation>”filter” måste vara en sträng; fick %1</translation>
    </message>
    <message>
        <source>&apos;id&apos; must be a string or a number; got %1</source>
        <translation>”id” måste vara en sträng eller ett tal; fick %1</translation>
    </message>
    <message>
        <source>&apos;cmd&apos; must be a string; got %1</source>
        <translation>”cmd” måste vara en sträng; fick %1</translation>
    </message>
    <message>
        <source>unknown cmd &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>okänt kommando ”%1” (menade du ”%2”?)</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;: %2 takes none</source>
        <translation>okänt fält ”%1”: %2 tar inga</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; for %2 (it takes %3)</source>
        <translation>okänt fält ”%1” för %2 (det tar %3)</translation>
    </message>
    <message>
        <source>bad JSON at offset %1: %2</source>
        <translation>felaktig JSON vid position %1: %2</translation>
    </message>
    <message>
        <source>a command must be a JSON object such as {&quot;cmd&quot;: &quot;list&quot;}; got %1</source>
        <translation>ett kommando måste vara ett JSON-objekt som {&quot;cmd&quot;: &quot;list&quot;}; fick %1</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>en skalär</translation>
    </message>
    <message>
        <source>timeline needs &apos;conn&apos; (the id of the connection to draw)</source>
        <translation>timeline behöver ”conn” (id för anslutningen som ska ritas)</translation>
    </message>
    <message>
        <source>&apos;conn&apos; must be one connection id (a whole number from 1); got %1</source>
        <translation>”conn” måste vara ett anslutnings-id (ett heltal från 1); fick %1</translation>
    </message>
    <message>
        <source>timeline needs &apos;path&apos; (the file to write)</source>
        <translation>timeline behöver ”path” (filen som ska skrivas)</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be svg or png; got %1</source>
        <translation>”format” måste vara svg eller png; fick %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an array of strings; got %2</source>
        <translation>”%1” måste vara en vektor av strängar; fick %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; item %2 must be a non-empty string; got %3</source>
        <translation>”%1” element %2 måste vara en icke-tom sträng; fick %3</translation>
    </message>
    <message>
        <source>connect needs &apos;url&apos; (ws://host:port/path or wss://…)</source>
        <translation>connect kräver ”url” (ws://värd:port/sökväg eller wss://…)</translation>
    </message>
    <message>
        <source>&apos;url&apos; must be a non-empty string such as &quot;ws://127.0.0.1:8080/&quot;; got %1</source>
        <translation>”url” måste vara en icke-tom sträng som ”ws://127.0.0.1:8080/”; fick %1</translation>
    </message>
    <message>
        <source>&apos;count&apos; must be a whole number of connections from 1; got %1</source>
        <translation>”count” måste vara ett helt antal anslutningar från 1; fick %1</translation>
    </message>
    <message>
        <source>&apos;behaviour&apos; must be a string such as &quot;traffic=text; on-close=delay&quot;; got %1</source>
        <translation>”behaviour” måste vara en sträng som ”traffic=text; on-close=delay”; fick %1</translation>
    </message>
    <message>
        <source>&apos;insecure&apos; must be true or false; got %1</source>
        <translation>”insecure” måste vara true eller false; fick %1</translation>
    </message>
    <message>
        <source>&apos;deflate&apos; must be true or false; got %1</source>
        <translation>”deflate” måste vara true eller false; fick %1</translation>
    </message>
    <message>
        <source>&apos;cmd&apos; is missing; commands are list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</source>
        <translation>”cmd” saknas; kommandona är list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</translation>
    </message>
    <message>
        <source>unknown cmd &apos;%1&apos;; commands are list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</source>
        <translation>okänt kommando ”%1”; kommandona är list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</translation>
    </message>
    <message>
        <source>set needs at least one of echo, manual_ack, auto_pong (in proxy mode also hold_closes)</source>
        <translation>set kräver minst ett av echo, manual_ack, auto_pong (i proxyläge även hold_closes)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is for the whole server and does not apply to a proxy&apos;s legs; it does not go with &apos;%2&apos; (send it in a set of its own)</source>
        <translation>”%1” gäller hela servern och inte en proxys sträckor; det går inte ihop med ”%2” (skicka det i en egen set)</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>protocol error, answered with %1: %2</source>
        <translation>protokollfel, besvarat med %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the end of the connection ignored</source>
        <translation>
            <numerusform>%n byte efter anslutningens slut ignorerad</numerusform>
            <numerusform>%n byte efter anslutningens slut ignorerade</numerusform>
        </translation>
    </message>
    <message>
        <source>the client reset the connection before completing the upgrade</source>
        <translation>klienten återställde anslutningen innan uppgraderingen var klar</translation>
    </message>
    <message>
        <source>the client closed the connection before completing the upgrade</source>
        <translation>klienten stängde anslutningen innan uppgraderingen var klar</translation>
    </message>
    <message>
        <source>the server is at its limit of %1 open connections</source>
        <translation>servern har nått sin gräns på %1 öppna anslutningar</translation>
    </message>
    <message>
        <source>no complete upgrade request within %1 ms</source>
        <translation>ingen fullständig uppgraderingsbegäran inom %1 ms</translation>
    </message>
    <message>
        <source>no 101 Switching Protocols within %1 ms</source>
        <translation>inget 101 Switching Protocols inom %1 ms</translation>
    </message>
    <message>
        <source>unfinished messages would hold %1 bytes on all connections together, over the limit of %2 (--max-unfinished-bytes); this connection held %3 of them</source>
        <translation>ofärdiga meddelanden skulle hålla %1 byte på alla anslutningar tillsammans, över gränsen %2 (--max-unfinished-bytes); den här anslutningen höll %3 av dem</translation>
    </message>
    <message>
        <source>the server&apos;s limit for unfinished messages is reached</source>
        <translation>serverns gräns för ofärdiga meddelanden är nådd</translation>
    </message>
    <message>
        <source>a message was not finished within %1 ms (--message-timeout); %2 bytes of it were held</source>
        <translation>ett meddelande blev inte färdigt inom %1 ms (--message-timeout); %2 byte av det hölls</translation>
    </message>
    <message>
        <source>message not finished within %1 ms</source>
        <translation>meddelandet blev inte färdigt inom %1 ms</translation>
    </message>
    <message>
        <source>%1: closing (our Close is already out)</source>
        <translation>%1: stänger (vår Close är redan skickad)</translation>
    </message>
    <message>
        <source>%1: closing with %2</source>
        <translation>%1: stänger med %2</translation>
    </message>
    <message>
        <source>the server did not finish the TLS handshake within %1 ms</source>
        <translation>servern slutförde inte TLS-handskakningen inom %1 ms</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>conn %1: %2</source>
        <translation>ansl. %1: %2</translation>
    </message>
    <message>
        <source>TLS needs both a certificate (--tls-cert) and a key (--tls-key)</source>
        <translation>TLS kräver både ett certifikat (--tls-cert) och en nyckel (--tls-key)</translation>
    </message>
    <message>
        <source>TLS is not available: Qt found no TLS backend (OpenSSL)</source>
        <translation>TLS är inte tillgängligt: Qt hittade ingen TLS-motor (OpenSSL)</translation>
    </message>
    <message>
        <source>cannot read the TLS certificate %1: %2</source>
        <translation>kan inte läsa TLS-certifikatet %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 innehåller inget PEM-certifikat</translation>
    </message>
    <message>
        <source>cannot read the TLS key %1: %2</source>
        <translation>kan inte läsa TLS-nyckeln %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA, EC or DSA, without a passphrase)</source>
        <translation>%1 innehåller ingen privat PEM-nyckel (RSA, EC eller DSA, utan lösenfras)</translation>
    </message>
    <message>
        <source>cannot create the epoll set: %1</source>
        <translation>kan inte skapa epoll-mängden: %1</translation>
    </message>
    <message>
        <source>port %1 on %2 is already in use</source>
        <translation>port %1 på %2 används redan</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>kan inte lyssna på %1 port %2: %3</translation>
    </message>
    <message>
        <source>could not set up the socket of an accepted connection</source>
        <translation>kunde inte konfigurera socketen för en accepterad anslutning</translation>
    </message>
    <message>
        <source>the server is already stopping</source>
        <translation>servern håller redan på att stoppas</translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation>servern stängs av</translation>
    </message>
    <message>
        <source>count is %1; give 1 to %2 connections</source>
        <translation>antalet är %1; ange 1 till %2 anslutningar</translation>
    </message>
    <message>
        <source>the header %1 is not &quot;Name: value&quot;</source>
        <translation>rubriken %1 är inte ”Namn: värde”</translation>
    </message>
    <message>
        <source>could not set up the socket of an outgoing connection</source>
        <translation>socketen för en utgående anslutning kunde inte sättas upp</translation>
    </message>
    <message>
        <source>the events are written more slowly than they come (%1 KiB of them wait for stdout, the log file or the window): reading from every peer and accepting connections pause until fewer than %2 KiB wait</source>
        <translation>händelserna skrivs långsammare än de kommer (%1 KiB av dem väntar på stdout, loggfilen eller fönstret): läsningen från alla motparter och mottagandet av anslutningar pausar tills färre än %2 KiB väntar</translation>
    </message>
    <message numerus="yes">
        <source>; %n pause(s) since the last such notice</source>
        <translation>
            <numerusform>; %n paus sedan det senaste sådana meddelandet</numerusform>
            <numerusform>; %n pauser sedan det senaste sådana meddelandet</numerusform>
        </translation>
    </message>
    <message>
        <source>wss:// needs TLS, and Qt found no TLS library (OpenSSL)</source>
        <translation>wss:// kräver TLS, och Qt hittade inget TLS-bibliotek (OpenSSL)</translation>
    </message>
    <message>
        <source>insecure applies to wss:// only</source>
        <translation>insecure gäller bara wss://</translation>
    </message>
    <message>
        <source>hold_closes and a per-connection auto_pong apply in proxy mode only (--proxy-to)</source>
        <translation>hold_closes och en auto_pong per anslutning gäller bara i proxyläge (--proxy-to)</translation>
    </message>
    <message>
        <source>give auto_pong or hold_closes (or both) to set</source>
        <translation>ge set auto_pong eller hold_closes (eller båda)</translation>
    </message>
    <message>
        <source>conn %1: not a leg of a proxy pair (it was opened with connect)</source>
        <translation>conn %1: inte en sträcka i ett proxypar (den öppnades med connect)</translation>
    </message>
</context>
<context>
    <name>EventJson</name>
    <message>
        <source>the object has no &quot;event&quot;</source>
        <translation>objektet har inget ”event”</translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;</source>
        <translation>okänd händelse ”%1”</translation>
    </message>
</context>
<context>
    <name>Handshake</name>
    <message>
        <source>header line %1 starts with whitespace (obsolete line folding, RFC 9112 §5.2); send each header on one line.</source>
        <translation>rubrikrad %1 börjar med blanktecken (föråldrad radvikning, RFC 9112 §5.2); skicka varje rubrik på en rad.</translation>
    </message>
    <message>
        <source>header line %1 has no &apos;:&apos; (%2); each header must be &quot;Name: value&quot;.</source>
        <translation>rubrikrad %1 saknar ”:” (%2); varje rubrik måste vara ”Namn: värde”.</translation>
    </message>
    <message>
        <source>header line %1 has an invalid name %2 (empty, or with spaces or separators before the &apos;:&apos;).</source>
        <translation>rubrikrad %1 har ett ogiltigt namn %2 (tomt, eller med mellanslag eller avgränsare före ”:”).</translation>
    </message>
    <message>
        <source>header %1 contains a bare CR, LF or NUL; lines must end with CRLF.</source>
        <translation>rubriken %1 innehåller ett ensamt CR, LF eller NUL; rader måste sluta med CRLF.</translation>
    </message>
    <message>
        <source>the client started a TLS handshake on a plain ws:// port; connect with ws:// or start the server with --tls-cert and --tls-key.</source>
        <translation>klienten började en TLS-handskakning på en vanlig ws://-port; anslut med ws:// eller starta servern med --tls-cert och --tls-key.</translation>
    </message>
    <message>
        <source>line %1 ends with a bare LF; HTTP lines end with CRLF.</source>
        <translation>rad %1 slutar med ett ensamt LF; HTTP-rader slutar med CRLF.</translation>
    </message>
    <message>
        <source>the request header block is over %1 bytes; send fewer or shorter headers (cookies are the usual culprit).</source>
        <translation>begärans rubrikblock är över %1 byte; skicka färre eller kortare rubriker (kakor är den vanliga boven).</translation>
    </message>
    <message>
        <source>the request line %1 is not &quot;GET /path HTTP/1.1&quot;.</source>
        <translation>begäransraden %1 är inte ”GET /sökväg HTTP/1.1”.</translation>
    </message>
    <message>
        <source>the request line ends with %1 where the HTTP version belongs; send HTTP/1.1.</source>
        <translation>begäransraden slutar med %1 där HTTP-versionen ska stå; skicka HTTP/1.1.</translation>
    </message>
    <message>
        <source>the request is %1; a WebSocket upgrade needs HTTP/1.1 (RFC 6455 §4.1).</source>
        <translation>begäran är %1; en WebSocket-uppgradering kräver HTTP/1.1 (RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the method is %1; a WebSocket upgrade must be a GET (RFC 6455 §4.1).</source>
        <translation>metoden är %1; en WebSocket-uppgradering måste vara en GET (RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the upgrade request has a %1 header (%2); a WebSocket upgrade is a GET without a body.</source>
        <translation>uppgraderingsbegäran har en %1-rubrik (%2); en WebSocket-uppgradering är en GET utan kropp.</translation>
    </message>
    <message>
        <source>the request target %1 is not a path; send one like /chat.</source>
        <translation>begärans mål %1 är ingen sökväg; skicka en som /chat.</translation>
    </message>
    <message>
        <source>the Host header is missing (RFC 6455 §4.1 requires it).</source>
        <translation>Host-rubriken saknas (RFC 6455 §4.1 kräver den).</translation>
    </message>
    <message>
        <source>the request has %1 Host headers; send exactly one.</source>
        <translation>begäran har %1 Host-rubriker; skicka exakt en.</translation>
    </message>
    <message>
        <source>the Host header is empty; send the host and port.</source>
        <translation>Host-rubriken är tom; skicka värd och port.</translation>
    </message>
    <message>
        <source>the Upgrade header is missing; a WebSocket request sends &quot;Upgrade: websocket&quot;.</source>
        <translation>Upgrade-rubriken saknas; en WebSocket-begäran skickar ”Upgrade: websocket”.</translation>
    </message>
    <message>
        <source>Upgrade is %1; it must include websocket.</source>
        <translation>Upgrade är %1; den måste innehålla websocket.</translation>
    </message>
    <message>
        <source>the Connection header is missing; a WebSocket request sends &quot;Connection: Upgrade&quot;.</source>
        <translation>Connection-rubriken saknas; en WebSocket-begäran skickar ”Connection: Upgrade”.</translation>
    </message>
    <message>
        <source>Connection is %1; it must include Upgrade.</source>
        <translation>Connection är %1; den måste innehålla Upgrade.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Version is missing; only 13 is supported.</source>
        <translation>Sec-WebSocket-Version saknas; endast 13 stöds.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Version is %1; only 13 is supported.</source>
        <translation>Sec-WebSocket-Version är %1; endast 13 stöds.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key is missing; send 16 random bytes, base64-encoded.</source>
        <translation>Sec-WebSocket-Key saknas; skicka 16 slumpmässiga byte, base64-kodade.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1); send 16 random bytes, base64-encoded (24 characters).</source>
        <translation>Sec-WebSocket-Key %1 är inte 16 byte i base64 (RFC 6455 §4.1); skicka 16 slumpmässiga byte, base64-kodade (24 tecken).</translation>
    </message>
    <message>
        <source>the request has no Origin header and only these origins are allowed: %1.</source>
        <translation>begäran har ingen Origin-rubrik och endast dessa ursprung är tillåtna: %1.</translation>
    </message>
    <message>
        <source>Origin %1 is not allowed; allowed: %2.</source>
        <translation>Origin %1 är inte tillåtet; tillåtna: %2.</translation>
    </message>
    <message>
        <source>the response does not start with an HTTP status line: %1.</source>
        <translation>svaret börjar inte med en HTTP-statusrad: %1.</translation>
    </message>
    <message>
        <source>the 101 response is %1, not HTTP/1.1.</source>
        <translation>101-svaret är %1, inte HTTP/1.1.</translation>
    </message>
    <message>
        <source>the response is malformed: %1</source>
        <translation>svaret är felformat: %1</translation>
    </message>
    <message>
        <source>the server answered %1 instead of 101 Switching Protocols.</source>
        <translation>servern svarade %1 i stället för 101 Switching Protocols.</translation>
    </message>
    <message>
        <source>the 101 has Upgrade %1; it must be websocket.</source>
        <translation>101-svaret har Upgrade %1; det måste vara websocket.</translation>
    </message>
    <message>
        <source>the 101 has Connection %1; it must include Upgrade.</source>
        <translation>101-svaret har Connection %1; det måste innehålla Upgrade.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept is %1; expected %2 for our key.</source>
        <translation>Sec-WebSocket-Accept är %1; förväntat för vår nyckel: %2.</translation>
    </message>
    <message>
        <source>the server chose extensions (%1) that were not offered.</source>
        <translation>servern valde tillägg (%1) som inte erbjöds.</translation>
    </message>
    <message>
        <source>the server chose subprotocol %1 but none was offered.</source>
        <translation>servern valde underprotokollet %1 men inget erbjöds.</translation>
    </message>
    <message>
        <source>the server chose subprotocol %1, which is not one offered (%2).</source>
        <translation>servern valde underprotokollet %1, som inte är ett av de erbjudna (%2).</translation>
    </message>
    <message>
        <source>the host %1 is empty or not printable ASCII; give a host name (IDNA-encoded) or an address, with the port if it is not the scheme&apos;s.</source>
        <translation>värden %1 är tom eller inte utskrivbar ASCII; ange ett värdnamn (IDNA-kodat) eller en adress, med porten om den inte är schemats.</translation>
    </message>
    <message>
        <source>the request target %1 must start with &apos;/&apos; and be printable ASCII without spaces (percent-encode the rest).</source>
        <translation>begärans mål %1 måste börja med &apos;/&apos; och vara utskrivbar ASCII utan mellanslag (procentkoda resten).</translation>
    </message>
    <message>
        <source>the subprotocol %1 is not a token (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only, RFC 6455 §4.1).</source>
        <translation>underprotokollet %1 är ingen token (endast bokstäver, siffror och !#$%&amp;&apos;*+-.^_`|~, RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the subprotocol %1 is offered twice.</source>
        <translation>underprotokollet %1 erbjuds två gånger.</translation>
    </message>
    <message>
        <source>the Origin %1 contains CR, LF or another control character.</source>
        <translation>Origin %1 innehåller CR, LF eller ett annat styrtecken.</translation>
    </message>
    <message>
        <source>the Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1).</source>
        <translation>Sec-WebSocket-Key %1 är inte 16 byte i base64 (RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the header name %1 is not a token (no spaces, colons, CR or LF).</source>
        <translation>rubriknamnet %1 är ingen token (inga mellanslag, kolon, CR eller LF).</translation>
    </message>
    <message>
        <source>the value of header %1 contains CR, LF or another control character.</source>
        <translation>värdet för rubriken %1 innehåller CR, LF eller ett annat styrtecken.</translation>
    </message>
    <message>
        <source>the header %1 is the handshake&apos;s own; it cannot be set as an extra header (subprotocols have their own option).</source>
        <translation>rubriken %1 hör till handskakningen själv; den kan inte anges som extra rubrik (underprotokoll har ett eget alternativ).</translation>
    </message>
    <message>
        <source>Origin is given twice: as the origin and as an extra header.</source>
        <translation>Origin anges två gånger: som ursprung och som extra rubrik.</translation>
    </message>
    <message>
        <source>the response header limit must be positive.</source>
        <translation>gränsen för svarsrubriken måste vara positiv.</translation>
    </message>
    <message>
        <source>the response header is over %1 bytes.</source>
        <translation>svarsrubriken är över %1 byte.</translation>
    </message>
    <message>
        <source>the 101 has no Sec-WebSocket-Accept; expected %1 for our key.</source>
        <translation>101-svaret har ingen Sec-WebSocket-Accept; %1 förväntades för vår nyckel.</translation>
    </message>
    <message>
        <source>the server chose several subprotocols (%1), not one offered (%2); a server chooses exactly one.</source>
        <translation>servern valde flera underprotokoll (%1), inte ett av de erbjudna (%2); en server väljer exakt ett.</translation>
    </message>
    <message>
        <source>the server closed the connection without answering the upgrade.</source>
        <translation>servern stängde anslutningen utan att svara på uppgraderingen.</translation>
    </message>
    <message>
        <source>the server closed the connection in the middle of its response (%1 bytes received).</source>
        <translation>servern stängde anslutningen mitt i sitt svar (%1 byte mottagna).</translation>
    </message>
    <message>
        <source>Its body is %1 bytes of binary.</source>
        <translation>Dess innehåll är %1 byte binärdata.</translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>Det stod: %1</translation>
    </message>
    <message>
        <source>the 101&apos;s Sec-WebSocket-Extensions is malformed: %1</source>
        <translation>101-svarets Sec-WebSocket-Extensions är felformat: %1</translation>
    </message>
    <message>
        <source>the server chose extensions (%1); only permessage-deflate was offered.</source>
        <translation>servern valde tillägg (%1); bara permessage-deflate erbjöds.</translation>
    </message>
    <message>
        <source>the server&apos;s permessage-deflate answer cannot be accepted: %1</source>
        <translation>serverns permessage-deflate-svar kan inte godtas: %1</translation>
    </message>
    <message>
        <source>the Sec-WebSocket-Extensions header is malformed: %1</source>
        <translation>rubriken Sec-WebSocket-Extensions är felformad: %1</translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <source>cannot accept connections: %1; retrying in %2 s</source>
        <translation>kan inte ta emot anslutningar: %1; försöker igen om %2 s</translation>
    </message>
</context>
<context>
    <name>PeerBehaviour</name>
    <message>
        <source>behaviour: &quot;%1&quot; is not key=value</source>
        <translation>behaviour: ”%1” är inte key=value</translation>
    </message>
    <message>
        <source>behaviour: &quot;%1&quot; has no key; keys are %2</source>
        <translation>behaviour: ”%1” saknar nyckel; nycklarna är %2</translation>
    </message>
    <message>
        <source>behaviour: unknown key &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation>behaviour: okänd nyckel ”%1”; menade du ”%2”?</translation>
    </message>
    <message>
        <source>behaviour: unknown key &quot;%1&quot;; keys are %2</source>
        <translation>behaviour: okänd nyckel ”%1”; nycklarna är %2</translation>
    </message>
    <message>
        <source>behaviour: %1 is given twice</source>
        <translation>behaviour: %1 är angivet två gånger</translation>
    </message>
    <message>
        <source>behaviour: %1=%2 is not a whole number; give %3 to %4</source>
        <translation>behaviour: %1=%2 är inget heltal; ange %3 till %4</translation>
    </message>
    <message>
        <source>behaviour: %1=%2 is out of range; give %3 to %4</source>
        <translation>behaviour: %1=%2 ligger utanför intervallet; ange %3 till %4</translation>
    </message>
    <message>
        <source>behaviour: %1 applies only with %2</source>
        <translation>behaviour: %1 gäller bara med %2</translation>
    </message>
    <message>
        <source>behaviour: traffic=%1 is not one of %2</source>
        <translation>behaviour: traffic=%1 är inte något av %2</translation>
    </message>
    <message>
        <source>behaviour: on-close=%1 is not one of %2</source>
        <translation>behaviour: on-close=%1 är inte något av %2</translation>
    </message>
    <message>
        <source>behaviour: close-mode=%1 is not one of close, close_output</source>
        <translation>behaviour: close-mode=%1 är inte något av close, close_output</translation>
    </message>
    <message>
        <source>behaviour: close-code: %1</source>
        <translation>behaviour: close-code: %1</translation>
    </message>
    <message>
        <source>behaviour: close-code=%1: %2</source>
        <translation>behaviour: close-code=%1: %2</translation>
    </message>
    <message>
        <source>behaviour: close-reason: %1</source>
        <translation>behaviour: close-reason: %1</translation>
    </message>
</context>
<context>
    <name>ProxyPair</name>
    <message>
        <source>the upstream server did not accept the connection in time: %1</source>
        <translation>uppströmsservern tog inte emot anslutningen i tid: %1</translation>
    </message>
    <message>
        <source>the upstream server could not be reached: %1</source>
        <translation>uppströmsservern gick inte att nå: %1</translation>
    </message>
    <message>
        <source>the client&apos;s upgrade failed before the upstream server answered: %1</source>
        <translation>klientens uppgradering misslyckades innan uppströmsservern svarade: %1</translation>
    </message>
    <message>
        <source>the upstream server refused the upgrade: %1</source>
        <translation>uppströmsservern nekade uppgraderingen: %1</translation>
    </message>
    <message>
        <source>the upstream server did not complete the upgrade in time: %1</source>
        <translation>uppströmsservern slutförde inte uppgraderingen i tid: %1</translation>
    </message>
    <message>
        <source>the upstream server&apos;s upgrade failed: %1</source>
        <translation>uppgraderingen mot uppströmsservern misslyckades: %1</translation>
    </message>
    <message>
        <source>the client leg has ended</source>
        <translation>klientsträckan har avslutats</translation>
    </message>
    <message>
        <source>the server leg has ended</source>
        <translation>serversträckan har avslutats</translation>
    </message>
    <message>
        <source>the client leg already sent its Close</source>
        <translation>klientsträckan har redan skickat sin Close</translation>
    </message>
    <message>
        <source>the server leg already sent its Close</source>
        <translation>serversträckan har redan skickat sin Close</translation>
    </message>
    <message>
        <source>the client leg is not open yet</source>
        <translation>klientsträckan är inte öppen än</translation>
    </message>
    <message>
        <source>the server leg is not open yet</source>
        <translation>serversträckan är inte öppen än</translation>
    </message>
    <message>
        <source>the client left before the upstream server answered</source>
        <translation>klienten försvann innan uppströmsservern svarade</translation>
    </message>
</context>
<context>
    <name>ProxyUpgrade</name>
    <message>
        <source>the upstream request cannot be made of the client&apos;s: %1</source>
        <translation>uppströmsbegäran kan inte byggas av klientens: %1</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>%1 message of %2 bytes after the peer&apos;s Close: dropped</source>
        <translation>%1-meddelande på %2 byte efter motpartens Close: kastat</translation>
    </message>
    <message>
        <source>%1 frame after the peer&apos;s Close: ignored</source>
        <translation>%1-ram efter motpartens Close: ignorerad</translation>
    </message>
</context>
<context>
    <name>TlsTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-handskakningen misslyckades: %1</translation>
    </message>
    <message>
        <source>the client closed the connection during the TLS handshake</source>
        <translation>klienten stängde anslutningen under TLS-handskakningen</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1; connect with insecure to accept it</source>
        <translation>TLS-handskakningen misslyckades: %1; anslut med insecure för att godta det</translation>
    </message>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation>servern stängde anslutningen under TLS-handskakningen</translation>
    </message>
    <message>
        <source>TLS handshake failed: the server&apos;s answer is not TLS; is it a ws:// server? (%1)</source>
        <translation>TLS-handskakningen misslyckades: serverns svar är inte TLS; är det en ws://-server? (%1)</translation>
    </message>
    <message>
        <source>the certificate is self-signed</source>
        <translation>certifikatet är självsignerat</translation>
    </message>
    <message>
        <source>the certificate&apos;s chain ends in a self-signed certificate this system does not trust</source>
        <translation>certifikatets kedja slutar i ett självsignerat certifikat som detta system inte litar på</translation>
    </message>
    <message>
        <source>the certificate names no host, and %1 was asked for</source>
        <translation>certifikatet namnger ingen värd, och %1 efterfrågades</translation>
    </message>
    <message>
        <source>the certificate is for %1, not %2</source>
        <translation>certifikatet gäller %1, inte %2</translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation>certifikatet gick ut %1</translation>
    </message>
    <message>
        <source>the certificate is not valid before %1</source>
        <translation>certifikatet är inte giltigt före %1</translation>
    </message>
    <message>
        <source>the certificate is not signed by a certificate authority this system trusts</source>
        <translation>certifikatet är inte signerat av någon certifikatutfärdare som detta system litar på</translation>
    </message>
    <message>
        <source>the certificate is revoked</source>
        <translation>certifikatet är återkallat</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>servern skickade inget certifikat</translation>
    </message>
</context>
<context>
    <name>closecall::control::Controller</name>
    <message>
        <source>timeline is not available here: use File &gt; Export Timeline…</source>
        <translation>timeline är inte tillgängligt här: använd Arkiv &gt; Exportera tidslinje…</translation>
    </message>
    <message>
        <source>timeline: png needs the window (File &gt; Export Timeline…); headless writes svg (&quot;format&quot;: &quot;svg&quot;)</source>
        <translation>timeline: png kräver fönstret (Arkiv &gt; Exportera tidslinje…); utan fönster skrivs svg (&quot;format&quot;: &quot;svg&quot;)</translation>
    </message>
    <message>
        <source>connection %1 has no events in the log</source>
        <translation>anslutning %1 har inga händelser i loggen</translation>
    </message>
</context>
<context>
    <name>closecall::control::EngineSession</name>
    <message>
        <source>server stopping</source>
        <translation>servern stoppas</translation>
    </message>
    <message>
        <source>the server is stopping</source>
        <translation>servern håller på att stoppas</translation>
    </message>
    <message>
        <source>the server is not running</source>
        <translation>servern körs inte</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n event(s) not written to it</source>
        <translation>
            <numerusform>%1; %n händelse skrevs inte dit</numerusform>
            <numerusform>%1; %n händelser skrevs inte dit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::monitor</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>%1: use jsonl, text, csv or har</source>
        <translation>%1: använd jsonl, text, csv eller har</translation>
    </message>
    <message>
        <source>cannot tell the format of %1 from its suffix: name the format (jsonl, text, csv or har) or use .jsonl, .log, .txt, .csv or .har</source>
        <translation>kan inte avgöra formatet för %1 av filändelsen: ange formatet (jsonl, text, csv eller har) eller använd .jsonl, .log, .txt, .csv eller .har</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>en FIFO (namngiven rörledning)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>en teckenenhet</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>en blockenhet</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>en mapp</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>en socket</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>en symbolisk länk</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>inte en vanlig fil</translation>
    </message>
    <message>
        <source>the folder %1 does not exist (%2)</source>
        <translation>mappen %1 finns inte (%2)</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 är ingen mapp</translation>
    </message>
    <message>
        <source>%1 is on %2, a kernel interface, where files cannot be created</source>
        <translation>%1 ligger på %2, ett kärngränssnitt där filer inte kan skapas</translation>
    </message>
    <message>
        <source>cannot create files in the folder %1: %2</source>
        <translation>kan inte skapa filer i mappen %1: %2</translation>
    </message>
    <message>
        <source>cannot write: no file name given</source>
        <translation>kan inte skriva: inget filnamn angivet</translation>
    </message>
    <message>
        <source>the path contains a NUL character, which no file name can hold</source>
        <translation>sökvägen innehåller ett NUL-tecken, som inget filnamn kan innehålla</translation>
    </message>
    <message>
        <source>it is a symbolic link to %1; CloseCall does not write through symbolic links (the file it points at would be replaced): give %1 itself if that is the file you mean</source>
        <translation>det är en symbolisk länk till %1; CloseCall skriver inte genom symboliska länkar (filen den pekar på skulle ersättas): ange %1 själv om det är den filen du menar</translation>
    </message>
    <message>
        <source>it is %1, not a regular file; exports and log files are written only to regular files</source>
        <translation>det är %1, inte en vanlig fil; exporter och loggfiler skrivs bara till vanliga filer</translation>
    </message>
    <message>
        <source>it is a kernel interface file on %1, not a regular file for data</source>
        <translation>det är en kärngränssnittsfil på %1, inte en vanlig fil för data</translation>
    </message>
    <message>
        <source>the PNG could not be encoded</source>
        <translation>PNG-bilden kunde inte kodas</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::ConnectionTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Motpart</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Sökväg</translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation>Underprotokoll</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnad</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varaktighet</translation>
    </message>
    <message>
        <source>Msgs in</source>
        <translation>Medd. in</translation>
    </message>
    <message>
        <source>Msgs out</source>
        <translation>Medd. ut</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Byte in</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Byte ut</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Senaste aktivitet</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close skickad</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close mottagen</translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation>Initierad av</translation>
    </message>
    <message>
        <source>Post-close rx</source>
        <translation>Mottaget efter Close</translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation>Hur det slutade</translation>
    </message>
    <message>
        <source>The peer&apos;s Close arrived and is not answered yet: Close or Close Output will acknowledge it.</source>
        <translation>Motpartens Close har kommit och är inte besvarad än: Close eller Close Output kvitterar den.</translation>
    </message>
    <message>
        <source>%1
reason: %2
mode: %3</source>
        <translation>%1
orsak: %2
läge: %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>%1
reason: %2</source>
        <translation>%1
orsak: %2</translation>
    </message>
    <message>
        <source>%1; final status %2; TCP closed by the %3</source>
        <translation>%1; slutstatus %2; TCP stängd av %3</translation>
    </message>
    <message>
        <source>client</source>
        <translation>klient</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>User agent: %1</source>
        <translation>Användaragent: %1</translation>
    </message>
    <message>
        <source>Close handshake</source>
        <translation>Close-handskakning</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Ack delay</source>
        <translation>Svarsfördröjning</translation>
    </message>
    <message numerus="yes">
        <source>%n of them crossed our Close: they were already here when it went out, so the peer sent them before it could see it.</source>
        <translation>
            <numerusform>%n av dem korsade vår Close: det fanns redan här när den skickades, så motparten skickade det innan den kunde se den.</numerusform>
            <numerusform>%n av dem korsade vår Close: de fanns redan här när den skickades, så motparten skickade dem innan den kunde se den.</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer closed first; its Close waited this long for our answer (with manual acknowledge, the operator&apos;s time).</source>
        <translation>Motparten stängde först; dess Close väntade så här länge på vårt svar (med manuell kvittering operatörens tid).</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Tillägg</translation>
    </message>
    <message>
        <source>out</source>
        <translation>ut</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>Outgoing connection to %1</source>
        <translation>Utgående anslutning till %1</translation>
    </message>
    <message>
        <source>Messages travel compressed (permessage-deflate, RFC 7692): the log shows each message&apos;s size on the wire beside its size</source>
        <translation>Meddelanden färdas komprimerade (permessage-deflate, RFC 7692): loggen visar varje meddelandes storlek på tråden bredvid dess storlek</translation>
    </message>
    <message>
        <source>Outgoing: CloseCall connected to %1 and is the client</source>
        <translation>Utgående: CloseCall anslöt till %1 och är klienten</translation>
    </message>
    <message>
        <source>Incoming: a client connected to CloseCall&apos;s server</source>
        <translation>Inkommande: en klient anslöt till CloseCalls server</translation>
    </message>
    <message>
        <source>On this outgoing connection CloseCall is the client.</source>
        <translation>På den här utgående anslutningen är CloseCall klienten.</translation>
    </message>
    <message>
        <source>On this incoming connection CloseCall is the server.</source>
        <translation>På den här inkommande anslutningen är CloseCall servern.</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::DisplayText</name>
    <message>
        <source>Empty (no status code)</source>
        <translation>Tom (ingen statuskod)</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Lyssnar</translation>
    </message>
    <message>
        <source>Handshake failed</source>
        <translation>Handskakningen misslyckades</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Message in</source>
        <translation>Meddelande in</translation>
    </message>
    <message>
        <source>Message out</source>
        <translation>Meddelande ut</translation>
    </message>
    <message>
        <source>Ping in</source>
        <translation>Ping in</translation>
    </message>
    <message>
        <source>Pong in</source>
        <translation>Pong in</translation>
    </message>
    <message>
        <source>Ping out</source>
        <translation>Ping ut</translation>
    </message>
    <message>
        <source>Pong out</source>
        <translation>Pong ut</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close skickad</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close mottagen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>in</source>
        <comment>direction: from the peer</comment>
        <translation>in</translation>
    </message>
    <message>
        <source>out</source>
        <comment>direction: to the peer</comment>
        <translation>ut</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binärt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close Output</source>
        <translation>Close Output</translation>
    </message>
    <message>
        <source>acknowledging the peer&apos;s Close</source>
        <translation>kvitterar motpartens Close</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>protokollfel</translation>
    </message>
    <message>
        <source>server shutdown</source>
        <translation>serveravstängning</translation>
    </message>
    <message>
        <source>close handshake</source>
        <translation>Close-handskakning</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>client</source>
        <translation>klient</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>levererat</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>kastat</translation>
    </message>
    <message>
        <source>%1 (delivered)</source>
        <translation>%1 (levererat)</translation>
    </message>
    <message>
        <source>%1 (discarded)</source>
        <translation>%1 (kastat)</translation>
    </message>
    <message>
        <source>%1 (%2 delivered, %3 discarded)</source>
        <translation>%1 (%2 levererade, %3 kastade)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>tidsgränsen nådd</translation>
    </message>
    <message>
        <source>aborted by the operator</source>
        <translation>avbruten av operatören</translation>
    </message>
    <message>
        <source>client reset TCP</source>
        <translation>klienten återställde TCP</translation>
    </message>
    <message>
        <source>client closed TCP</source>
        <translation>klienten stängde TCP</translation>
    </message>
    <message>
        <source>Not relayed</source>
        <translation>Inte vidarebefordrat</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogFileWriter</name>
    <message>
        <source>har is one document and cannot be written as events arrive: use jsonl, text or csv for a log file, and export har</source>
        <translation>har är ett enda dokument och kan inte skrivas medan händelserna kommer: använd jsonl, text eller csv för en loggfil och exportera har</translation>
    </message>
    <message numerus="yes">
        <source>the log file %1 is written again; %n event(s) were not written to it while writing failed</source>
        <translation>
            <numerusform>loggfilen %1 skrivs igen; %n händelse skrevs inte dit medan skrivningen misslyckades</numerusform>
            <numerusform>loggfilen %1 skrivs igen; %n händelser skrevs inte dit medan skrivningen misslyckades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n event(s) not written (later events are still tried)</source>
        <translation>
            <numerusform>%1; %n händelse skrevs inte (senare händelser försöks fortfarande)</numerusform>
            <numerusform>%1; %n händelser skrevs inte (senare händelser försöks fortfarande)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogFilterProxy</name>
    <message>
        <source>post-close: %1</source>
        <translation>efter Close: %1</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Conn</source>
        <translation>Ansl.</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>post-close: %1</source>
        <translation>efter Close: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>initiated by %1</source>
        <translation>initierad av %1</translation>
    </message>
    <message>
        <source>close handshake %1 ms</source>
        <translation>Close-handskakning %1 ms</translation>
    </message>
    <message>
        <source>TCP closed by the client</source>
        <translation>TCP stängd av klienten</translation>
    </message>
    <message>
        <source>TCP closed by the server</source>
        <translation>TCP stängd av servern</translation>
    </message>
    <message>
        <source>subprotocol %1</source>
        <translation>underprotokoll %1</translation>
    </message>
    <message>
        <source>origin %1</source>
        <translation>origin %1</translation>
    </message>
    <message>
        <source>user agent %1</source>
        <translation>användaragent %1</translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation>%1: HTTP %2 %3</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>misslyckades: %1</translation>
    </message>
    <message>
        <source>command %1: %2</source>
        <translation>kommando %1: %2</translation>
    </message>
    <message>
        <source>#%1  %2  (t = %3 s)</source>
        <translation>#%1  %2  (t = %3 s)</translation>
    </message>
    <message>
        <source>crossed our Close</source>
        <translation>korsade vår Close</translation>
    </message>
    <message>
        <source>we sent %1</source>
        <translation>vi skickade %1</translation>
    </message>
    <message>
        <source>answered after %1 ms</source>
        <translation>besvarad efter %1 ms</translation>
    </message>
    <message>
        <source>outgoing, to %1</source>
        <translation>utgående, till %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Sträcka</translation>
    </message>
    <message>
        <source>control frame</source>
        <translation>kontrollram</translation>
    </message>
    <message>
        <source>%1 of %2 bytes not passed on: %3</source>
        <translation>%1 (%2 byte) skickades inte vidare: %3</translation>
    </message>
    <message>
        <source>client</source>
        <translation>klient</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Pair %1, client leg: the client&apos;s connection to CloseCall</source>
        <translation>Par %1, klientsträckan: klientens anslutning till CloseCall</translation>
    </message>
    <message>
        <source>Pair %1, server leg: CloseCall&apos;s connection to the target</source>
        <translation>Par %1, serversträckan: CloseCalls anslutning till målet</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::PairTableModel</name>
    <message>
        <source>The client leg: the client&apos;s connection to CloseCall, where CloseCall acts as the server</source>
        <translation>Klientsträckan: klientens anslutning till CloseCall, där CloseCall agerar server</translation>
    </message>
    <message>
        <source>The server leg: CloseCall&apos;s connection to the target, where CloseCall acts as the client</source>
        <translation>Serversträckan: CloseCalls anslutning till målet, där CloseCall agerar klient</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Sökväg</translation>
    </message>
    <message>
        <source>Client leg</source>
        <translation>Klientsträcka</translation>
    </message>
    <message>
        <source>Server leg</source>
        <translation>Serversträcka</translation>
    </message>
    <message>
        <source>C→S msgs</source>
        <translation>Medd. K→S</translation>
    </message>
    <message>
        <source>S→C msgs</source>
        <translation>Medd. S→K</translation>
    </message>
    <message>
        <source>Close to client</source>
        <translation>Close till klient</translation>
    </message>
    <message>
        <source>Close from client</source>
        <translation>Close från klient</translation>
    </message>
    <message>
        <source>Client leg initiated by</source>
        <translation>Klientsträcka initierad av</translation>
    </message>
    <message>
        <source>Client post-close rx</source>
        <translation>Klient: mottaget efter Close</translation>
    </message>
    <message>
        <source>Close to server</source>
        <translation>Close till server</translation>
    </message>
    <message>
        <source>Close from server</source>
        <translation>Close från server</translation>
    </message>
    <message>
        <source>Server leg initiated by</source>
        <translation>Serversträcka initierad av</translation>
    </message>
    <message>
        <source>Server post-close rx</source>
        <translation>Server: mottaget efter Close</translation>
    </message>
    <message>
        <source>Not relayed</source>
        <translation>Inte vidarebefordrat</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Client leg ended</source>
        <translation>Klientsträcka avslutad</translation>
    </message>
    <message>
        <source>Server leg ended</source>
        <translation>Serversträcka avslutad</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnad</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varaktighet</translation>
    </message>
    <message>
        <source>CloseCall</source>
        <translation>CloseCall</translation>
    </message>
    <message>
        <source>held</source>
        <translation>hålls kvar</translation>
    </message>
    <message>
        <source>relayed</source>
        <translation>vidarebefordras</translation>
    </message>
    <message>
        <source>Client leg: connection %1; server leg: connection %2</source>
        <translation>Klientsträcka: anslutning %1; serversträcka: anslutning %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>A Close arrived on this leg and is not answered yet (closes held): Close or Close Output on this leg answers it.</source>
        <translation>En Close har kommit på den här sträckan och är inte besvarad än (Close hålls kvar): Close eller Close Output på den här sträckan besvarar den.</translation>
    </message>
    <message>
        <source>Frames that arrived on one leg and could not be passed on, because the other leg had already sent its Close or ended</source>
        <translation>Ramar som kom på en sträcka och inte kunde skickas vidare, eftersom den andra sträckan redan hade skickat sin Close eller avslutats</translation>
    </message>
    <message>
        <source>Closes held: a Close from either side is not passed on; you decide what the other side sees</source>
        <translation>Close hålls kvar: en Close från någon av sidorna skickas inte vidare; du avgör vad den andra sidan ser</translation>
    </message>
    <message>
        <source>Closes relayed: a Close from either side is passed on with the same code and reason</source>
        <translation>Close vidarebefordras: en Close från någon av sidorna skickas vidare med samma kod och orsak</translation>
    </message>
    <message>
        <source>%1; final status %2</source>
        <translation>%1; slutstatus %2</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::TimelineText</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>tillstånd: %1</translation>
    </message>
    <message>
        <source>time: %1</source>
        <translation>tid: %1</translation>
    </message>
    <message>
        <source>event #%1</source>
        <translation>händelse #%1</translation>
    </message>
    <message>
        <source>#%1 %2 · %3</source>
        <translation>#%1 %2 · %3</translation>
    </message>
    <message>
        <source>Ping %1</source>
        <translation>Ping %1</translation>
    </message>
    <message>
        <source>Pong %1</source>
        <translation>Pong %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>after our Close: %1 (post-close #%2)</source>
        <translation>efter vår Close: %1 (efter Close nr %2)</translation>
    </message>
    <message>
        <source>TCP closed by: %1</source>
        <translation>TCP stängd av: %1</translation>
    </message>
    <message>
        <source>Close timeout: no Close from the client</source>
        <translation>Close-tidsgräns: ingen Close från klienten</translation>
    </message>
    <message>
        <source>TCP RST (after the timeout)</source>
        <translation>TCP RST (efter tidsgränsen)</translation>
    </message>
    <message>
        <source>TCP RST (Abort)</source>
        <translation>TCP RST (Abort)</translation>
    </message>
    <message>
        <source>TCP RST from the client</source>
        <translation>TCP RST från klienten</translation>
    </message>
    <message>
        <source>TCP FIN without a Close</source>
        <translation>TCP FIN utan Close</translation>
    </message>
    <message>
        <source>TCP FIN (protocol error)</source>
        <translation>TCP FIN (protokollfel)</translation>
    </message>
    <message>
        <source>TCP FIN (the client closed first)</source>
        <translation>TCP FIN (klienten stängde först)</translation>
    </message>
    <message>
        <source>TCP FIN</source>
        <translation>TCP FIN</translation>
    </message>
    <message>
        <source>close handshake %1 ms</source>
        <translation>Close-handskakning %1 ms</translation>
    </message>
    <message>
        <source>how: %1</source>
        <translation>hur: %1</translation>
    </message>
    <message>
        <source>code: %1</source>
        <translation>kod: %1</translation>
    </message>
    <message>
        <source>first Close from: %1</source>
        <translation>första Close från: %1</translation>
    </message>
    <message>
        <source>messages after our Close: %1</source>
        <translation>meddelanden efter vår Close: %1</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Klient %1</translation>
    </message>
    <message>
        <source>Upgrade refused: %1 %2</source>
        <translation>Uppgradering nekad: %1 %2</translation>
    </message>
    <message>
        <source>Connection %1 · %2 · %3</source>
        <translation>Anslutning %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Upgrade: GET %1 → 101</source>
        <translation>Uppgradering: GET %1 → 101</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>path: %1</source>
        <translation>sökväg: %1</translation>
    </message>
    <message>
        <source>subprotocol: %1</source>
        <translation>underprotokoll: %1</translation>
    </message>
    <message>
        <source>origin: %1</source>
        <translation>origin: %1</translation>
    </message>
    <message>
        <source>user agent: %1</source>
        <translation>user agent: %1</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Close %1</translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation>läge: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fel: %1</translation>
    </message>
    <message>
        <source>⋯ %1 more frames (%2 in, %3 out) ⋯</source>
        <translation>⋯ %1 ramar till (%2 in, %3 ut) ⋯</translation>
    </message>
    <message>
        <source>after our Close: %1 delivered, %2 discarded</source>
        <translation>efter vår Close: %1 levererade, %2 kastade</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Anslutning %1</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>CloseCall (server)</source>
        <translation>CloseCall (server)</translation>
    </message>
    <message>
        <source>⋯ %1 idle ⋯</source>
        <translation>⋯ %1 tyst ⋯</translation>
    </message>
    <message>
        <source>nothing happened for %1 (%2 ms); compressed</source>
        <translation>ingenting hände på %1 (%2 ms); komprimerat</translation>
    </message>
    <message>
        <source>Close frame</source>
        <translation>Close-ram</translation>
    </message>
    <message>
        <source>after our Close, delivered</source>
        <translation>efter vår Close, levererat</translation>
    </message>
    <message>
        <source>after our Close, discarded</source>
        <translation>efter vår Close, kastat</translation>
    </message>
    <message>
        <source>reset, timeout, error</source>
        <translation>återställning, tidsgräns, fel</translation>
    </message>
    <message>
        <source>Not relayed: %1</source>
        <translation>Inte vidarebefordrat: %1</translation>
    </message>
</context>
<context>
    <name>closecall::protocol</name>
    <message>
        <source>Sec-WebSocket-Extensions &quot;%1&quot; is malformed at character %2: %3</source>
        <translation>Sec-WebSocket-Extensions ”%1” är felformat vid tecken %2: %3</translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation>%1 är angivet två gånger</translation>
    </message>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 tar inget värde</translation>
    </message>
    <message>
        <source>server_max_window_bits must be 8 to 15, not &quot;%1&quot;</source>
        <translation>server_max_window_bits måste vara 8 till 15, inte ”%1”</translation>
    </message>
    <message>
        <source>client_max_window_bits must be 8 to 15, not &quot;%1&quot;</source>
        <translation>client_max_window_bits måste vara 8 till 15, inte ”%1”</translation>
    </message>
    <message>
        <source>%1 is not a permessage-deflate parameter</source>
        <translation>%1 är ingen parameter för permessage-deflate</translation>
    </message>
    <message>
        <source>an extension name was expected</source>
        <translation>ett tilläggsnamn förväntades</translation>
    </message>
    <message>
        <source>a parameter name was expected</source>
        <translation>ett parameternamn förväntades</translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation>ett citattecken stängs inte</translation>
    </message>
    <message>
        <source>a quoted value must be a token</source>
        <translation>ett citerat värde måste vara en token</translation>
    </message>
    <message>
        <source>a value was expected</source>
        <translation>ett värde förväntades</translation>
    </message>
    <message>
        <source>a &apos;,&apos; or &apos;;&apos; was expected</source>
        <translation>ett ”,” eller ”;” förväntades</translation>
    </message>
    <message>
        <source>the server chose extension %1, which was not offered</source>
        <translation>servern valde tillägget %1, som inte erbjöds</translation>
    </message>
    <message>
        <source>the server&apos;s permessage-deflate answer is not valid: %1</source>
        <translation>serverns permessage-deflate-svar är ogiltigt: %1</translation>
    </message>
</context>
<context>
    <name>closecall::protocol::MessageInflater</name>
    <message>
        <source>the message inflates past %1 bytes</source>
        <translation>meddelandet blir större än %1 byte när det packas upp</translation>
    </message>
    <message>
        <source>the compressed data is not valid deflate: %1</source>
        <translation>de komprimerade data är inte giltig deflate: %1</translation>
    </message>
</context>
<context>
    <name>closecall::protocol::RefusalText</name>
    <message>
        <source>send data</source>
        <translation>skicka data</translation>
    </message>
    <message>
        <source>send a Ping</source>
        <translation>skicka en ping</translation>
    </message>
    <message>
        <source>close</source>
        <translation>stänga</translation>
    </message>
    <message>
        <source>abort</source>
        <translation>avbryta</translation>
    </message>
    <message>
        <source>1004 is reserved (RFC 6455 §7.4.1) and may not be sent. Pick another code, e.g. 1000 or 1001.</source>
        <translation>1004 är reserverad (RFC 6455 §7.4.1) och får inte skickas. Välj en annan kod, t.ex. 1000 eller 1001.</translation>
    </message>
    <message>
        <source>1005 (No Status Rcvd) may not be sent as a number (RFC 6455 §7.4.1); use Empty to send a Close frame with no status code.</source>
        <translation>1005 (No Status Rcvd) får inte skickas som nummer (RFC 6455 §7.4.1); använd Tom för att skicka en Close-ram utan statuskod.</translation>
    </message>
    <message>
        <source>1006 (Abnormal Closure) only reports a connection that ended without a Close frame and may not be sent (RFC 6455 §7.4.1); use Abort to end the connection without a Close.</source>
        <translation>1006 (Abnormal Closure) rapporterar bara en anslutning som slutade utan Close-ram och får inte skickas (RFC 6455 §7.4.1); använd Avbryt för att avsluta anslutningen utan Close.</translation>
    </message>
    <message>
        <source>1015 (TLS handshake) only reports a failed TLS handshake and may not be sent (RFC 6455 §7.4.1). Pick another code, e.g. 1011.</source>
        <translation>1015 (TLS handshake) rapporterar bara en misslyckad TLS-handskakning och får inte skickas (RFC 6455 §7.4.1). Välj en annan kod, t.ex. 1011.</translation>
    </message>
    <message>
        <source>%1 is not a usable close code: 0-999 are never used (RFC 6455 §7.4.2). Pick 1000-1003, 1007-1014 or 3000-4999.</source>
        <translation>%1 är ingen användbar stängningskod: 0-999 används aldrig (RFC 6455 §7.4.2). Välj 1000-1003, 1007-1014 eller 3000-4999.</translation>
    </message>
    <message>
        <source>%1 is not registered with IANA (1016-2999 are reserved for future use) and may not be sent. Pick a registered code (1000-1014) or 3000-4999.</source>
        <translation>%1 är inte registrerad hos IANA (1016-2999 är reserverade för framtida bruk) och får inte skickas. Välj en registrerad kod (1000-1014) eller 3000-4999.</translation>
    </message>
    <message>
        <source>%1 is out of range: close codes end at 4999 (RFC 6455 §7.4.2). Use 4000-4999 for a private code.</source>
        <translation>%1 ligger utanför intervallet: stängningskoder slutar vid 4999 (RFC 6455 §7.4.2). Använd 4000-4999 för en privat kod.</translation>
    </message>
    <message>
        <source>cannot %1: the connection is still Connecting</source>
        <translation>kan inte %1: anslutningen är fortfarande Connecting</translation>
    </message>
    <message>
        <source>cannot %1: our Close is already sent (CloseSent)</source>
        <translation>kan inte %1: vår Close är redan skickad (CloseSent)</translation>
    </message>
    <message>
        <source>cannot %1: the connection is Closed</source>
        <translation>kan inte %1: anslutningen är Closed</translation>
    </message>
    <message>
        <source>cannot %1: the connection was Aborted</source>
        <translation>kan inte %1: anslutningen avbröts (Aborted)</translation>
    </message>
    <message>
        <source>cannot %1 in state %2</source>
        <translation>kan inte %1 i tillståndet %2</translation>
    </message>
    <message>
        <source>our Close is already sent (CloseSent); waiting for the peer&apos;s Close</source>
        <translation>vår Close är redan skickad (CloseSent); väntar på motpartens Close</translation>
    </message>
    <message>
        <source>cannot %1: the upgrade failed</source>
        <translation>kan inte %1: uppgraderingen misslyckades</translation>
    </message>
    <message>
        <source>a text message must be valid UTF-8</source>
        <translation>ett textmeddelande måste vara giltig UTF-8</translation>
    </message>
    <message>
        <source>the text is not valid UTF-16 (a lone surrogate)</source>
        <translation>texten är inte giltig UTF-16 (ett ensamt surrogat)</translation>
    </message>
    <message>
        <source>ping payload is %1 bytes; the limit is %2 (RFC 6455 §5.5)</source>
        <translation>ping-datat är %1 byte; gränsen är %2 (RFC 6455 §5.5)</translation>
    </message>
    <message>
        <source>An Empty close has no status code, so it cannot carry a description; clear the description or pick a code such as 1000.</source>
        <translation>En tom Close har ingen statuskod och kan därför inte ha någon beskrivning; rensa beskrivningen eller välj en kod som 1000.</translation>
    </message>
    <message>
        <source>reason is not valid text: it has an unpaired UTF-16 surrogate at character %1; remove it.</source>
        <translation>orsaken är ingen giltig text: den har ett oparat UTF-16-surrogat vid tecken %1; ta bort det.</translation>
    </message>
    <message>
        <source>reason is %1 bytes of UTF-8; the limit is %2. Shorten it (letters outside ASCII take 2 to 4 bytes each).</source>
        <translation>orsaken är %1 byte UTF-8; gränsen är %2. Korta den (tecken utanför ASCII tar 2 till 4 byte vardera).</translation>
    </message>
    <message>
        <source>close mode must be close or close_output, not %1</source>
        <translation>stängningsläget måste vara close eller close_output, inte %1</translation>
    </message>
    <message>
        <source>illegal state transition %1 → %2 refused</source>
        <translation>otillåten tillståndsövergång %1 → %2 nekad</translation>
    </message>
    <message>
        <source>no connection %1</source>
        <translation>ingen anslutning %1</translation>
    </message>
    <message>
        <source>the connection has ended (%1)</source>
        <translation>anslutningen har avslutats (%1)</translation>
    </message>
    <message>
        <source>the connection has ended</source>
        <translation>anslutningen har avslutats</translation>
    </message>
    <message>
        <source>no connection was named</source>
        <translation>ingen anslutning angavs</translation>
    </message>
    <message>
        <source>the server is stopped</source>
        <translation>servern är stoppad</translation>
    </message>
    <message>
        <source>Connection %1 is already CloseSent.</source>
        <translation>Anslutning %1 är redan CloseSent.</translation>
    </message>
    <message>
        <source>Connection %1 is still Connecting.</source>
        <translation>Anslutning %1 är fortfarande Connecting.</translation>
    </message>
    <message>
        <source>Connection %1 is CloseSent: nothing may follow our Close.</source>
        <translation>Anslutning %1 är CloseSent: ingenting får följa efter vår Close.</translation>
    </message>
    <message>
        <source>Connection %1 has ended (%2).</source>
        <translation>Anslutning %1 har avslutats (%2).</translation>
    </message>
    <message>
        <source>The description is %1 bytes of UTF-8; the limit is %2. Shorten it (letters outside ASCII take 2 to 4 bytes each).</source>
        <translation>Beskrivningen är %1 byte UTF-8; gränsen är %2. Korta den (tecken utanför ASCII tar 2 till 4 byte vardera).</translation>
    </message>
    <message>
        <source>The description is not valid text: it has an unpaired UTF-16 surrogate at character %1; remove it.</source>
        <translation>Beskrivningen är ingen giltig text: den har ett oparat UTF-16-surrogat vid tecken %1; ta bort det.</translation>
    </message>
    <message>
        <source>the server is shutting down; %1 was not carried out</source>
        <translation>servern stängs av; %1 utfördes inte</translation>
    </message>
    <message>
        <source>%1 is the --log-file being written; export to another file</source>
        <translation>%1 är den --log-file som skrivs; exportera till en annan fil</translation>
    </message>
    <message>
        <source>export is not available here: use File &gt; Export Log…</source>
        <translation>export är inte tillgänglig här: använd Arkiv &gt; Exportera logg…</translation>
    </message>
</context>
<context>
    <name>closecall::server::Connector</name>
    <message>
        <source>no connection to %1 port %2 within %3 ms</source>
        <translation>ingen anslutning till %1 port %2 inom %3 ms</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>kan inte slå upp %1: %2</translation>
    </message>
    <message>
        <source>the name has no address</source>
        <translation>namnet har ingen adress</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation>kan inte ansluta till %1 port %2: %3</translation>
    </message>
</context>
<context>
    <name>closecall::ui</name>
    <message>
        <source>Duration (ms)</source>
        <translation>Varaktighet (ms)</translation>
    </message>
    <message>
        <source>Msgs in (count)</source>
        <translation>Medd. in (antal)</translation>
    </message>
    <message>
        <source>Msgs out (count)</source>
        <translation>Medd. ut (antal)</translation>
    </message>
    <message>
        <source>Bytes in (bytes)</source>
        <translation>Byte in (byte)</translation>
    </message>
    <message>
        <source>Bytes out (bytes)</source>
        <translation>Byte ut (byte)</translation>
    </message>
    <message>
        <source>Close sent code</source>
        <translation>Kod i skickad Close</translation>
    </message>
    <message>
        <source>Close received code</source>
        <translation>Kod i mottagen Close</translation>
    </message>
    <message>
        <source>Post-close delivered (count)</source>
        <translation>Levererade efter Close (antal)</translation>
    </message>
    <message>
        <source>Post-close discarded (count)</source>
        <translation>Kastade efter Close (antal)</translation>
    </message>
    <message>
        <source>Close handshake (ms)</source>
        <translation>Close-handskakning (ms)</translation>
    </message>
    <message>
        <source>Ack delay (ms)</source>
        <translation>Svarsfördröjning (ms)</translation>
    </message>
    <message>
        <source>Post-close crossed (count)</source>
        <translation>Korsade efter Close (antal)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::CloseOutcomeWatcher</name>
    <message>
        <source>an empty Close</source>
        <translation>en tom Close</translation>
    </message>
    <message numerus="yes">
        <source>%n late message(s) delivered</source>
        <translation>
            <numerusform>%n sent meddelande levererat</numerusform>
            <numerusform>%n sena meddelanden levererade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late message(s) discarded</source>
        <translation>
            <numerusform>%n sent meddelande kastat</numerusform>
            <numerusform>%n sena meddelanden kastade</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n more connection(s) ended.</source>
        <translation>
            <numerusform>%n anslutning till avslutad.</numerusform>
            <numerusform>%n anslutningar till avslutade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n more connection(s) to end.</source>
        <translation>
            <numerusform>Väntar på att %n anslutning till ska avslutas.</numerusform>
            <numerusform>Väntar på att %n anslutningar till ska avslutas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection %1 closed: the client closed first with %2, answered with %3</source>
        <translation>Anslutning %1 stängd: klienten stängde först med %2, besvarades med %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the client in %3</source>
        <translation>Anslutning %1 stängd: %2 besvarades av klienten efter %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the client</source>
        <translation>Anslutning %1 stängd: %2 besvarades av klienten</translation>
    </message>
    <message>
        <source>Connection %1 aborted: the client did not answer our Close in time</source>
        <translation>Anslutning %1 avbruten: klienten besvarade inte vår Close i tid</translation>
    </message>
    <message>
        <source>Connection %1 aborted by you (TCP reset)</source>
        <translation>Anslutning %1 avbröts av dig (TCP-återställning)</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client reset TCP instead of answering our Close</source>
        <translation>Anslutning %1 avslutad: klienten återställde TCP i stället för att besvara vår Close</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client reset TCP</source>
        <translation>Anslutning %1 avslutad: klienten återställde TCP</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client closed TCP without answering our Close</source>
        <translation>Anslutning %1 avslutad: klienten stängde TCP utan att besvara vår Close</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client closed TCP</source>
        <translation>Anslutning %1 avslutad: klienten stängde TCP</translation>
    </message>
    <message>
        <source>Connection %1 failed: protocol error</source>
        <translation>Anslutning %1 misslyckades: protokollfel</translation>
    </message>
    <message>
        <source>Connection %1 closed: the server closed first with %2, answered with %3</source>
        <translation>Anslutning %1 stängd: servern stängde först med %2, besvarades med %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the server in %3</source>
        <translation>Anslutning %1 stängd: %2 besvarades av servern efter %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the server</source>
        <translation>Anslutning %1 stängd: %2 besvarades av servern</translation>
    </message>
    <message>
        <source>Connection %1 aborted: the server did not answer our Close in time</source>
        <translation>Anslutning %1 avbruten: servern besvarade inte vår Close i tid</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server reset TCP instead of answering our Close</source>
        <translation>Anslutning %1 avslutad: servern återställde TCP i stället för att besvara vår Close</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server reset TCP</source>
        <translation>Anslutning %1 avslutad: servern återställde TCP</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server closed TCP without answering our Close</source>
        <translation>Anslutning %1 avslutad: servern stängde TCP utan att besvara vår Close</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server closed TCP</source>
        <translation>Anslutning %1 avslutad: servern stängde TCP</translation>
    </message>
</context>
<context>
    <name>closecall::ui::ClosePanel</name>
    <message>
        <source>The status code of our Close frame: the number, the RFC name and the .NET WebSocketCloseStatus name</source>
        <translation>Statuskoden i vår Close-ram: numret, RFC-namnet och .NET-namnet (WebSocketCloseStatus)</translation>
    </message>
    <message>
        <source>Optional, e.g. &quot;deploy in progress&quot;</source>
        <translation>Valfritt, t.ex. ”driftsättning pågår”</translation>
    </message>
    <message>
        <source>The description travels as UTF-8 in the Close frame: at most %1 bytes (&quot;å&quot; is 2 bytes, &quot;€&quot; 3, an emoji 4)</source>
        <translation>Beskrivningen skickas som UTF-8 i Close-ramen: högst %1 byte (”å” är 2 byte, ”€” 3, en emoji 4)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Close Output keeps receiving for this long, then aborts the connection; &quot;never&quot; waits for as long as it takes</source>
        <translation>Close Output fortsätter ta emot så här länge och avbryter sedan anslutningen; ”aldrig” väntar så länge det tar</translation>
    </message>
    <message>
        <source>Close O&amp;utput:</source>
        <translation>Close O&amp;utput:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <source>An empty Close carries no description</source>
        <translation>En tom Close har ingen beskrivning</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 byte</translation>
    </message>
    <message>
        <source>%1 is normally sent by a client (RFC 6455 §7.4.1); a server may still send it.</source>
        <translation>%1 skickas normalt av en klient (RFC 6455 §7.4.1); en server får ändå skicka den.</translation>
    </message>
    <message>
        <source>St&amp;atus code:</source>
        <translation>St&amp;atuskod:</translation>
    </message>
    <message>
        <source>Time&amp;outs: Close</source>
        <translation>Tidsgränser: Cl&amp;ose</translation>
    </message>
    <message>
        <source>Custom code…</source>
        <translation>Egen kod…</translation>
    </message>
    <message>
        <source>The code to send: 3000–3999 are registered for libraries and frameworks, 4000–4999 are for private use; a registered code such as 1001 may be typed too</source>
        <translation>Koden som skickas: 3000–3999 är registrerade för bibliotek och ramverk, 4000–4999 är för privat bruk; en registrerad kod som 1001 kan också skrivas</translation>
    </message>
    <message>
        <source>Close waits this long for the peer&apos;s Close, then aborts the connection (Aborted — timed out)</source>
        <translation>Close väntar så här länge på motpartens Close och avbryter sedan anslutningen (Aborted – tidsgränsen nådd)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectDialog</name>
    <message>
        <source>Accept a certificate the system does not trust (self-signed)</source>
        <translation>Godta ett certifikat som systemet inte litar på (självsignerat)</translation>
    </message>
    <message>
        <source>Offer compression (permessage-deflate)</source>
        <translation>Erbjud komprimering (permessage-deflate)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>ws://host:port/path or wss://…</source>
        <translation>ws://värd:port/sökväg eller wss://…</translation>
    </message>
    <message>
        <source>The server to connect to; the list holds this server and the URLs used before</source>
        <translation>Servern att ansluta till; listan innehåller den här servern och tidigare använda URL:er</translation>
    </message>
    <message>
        <source>How many identical connections to open</source>
        <translation>Hur många identiska anslutningar som ska öppnas</translation>
    </message>
    <message>
        <source>none; e.g. chat, superchat</source>
        <translation>inga; t.ex. chat, superchat</translation>
    </message>
    <message>
        <source>Offered in Sec-WebSocket-Protocol, in this order; separate them with commas</source>
        <translation>Erbjuds i Sec-WebSocket-Protocol i denna ordning; skilj dem åt med kommatecken</translation>
    </message>
    <message>
        <source>One per line, e.g.
Origin: https://app.example
Authorization: Bearer …</source>
        <translation>En per rad, t.ex.
Origin: https://app.example
Authorization: Bearer …</translation>
    </message>
    <message>
        <source>a plain client</source>
        <translation>en vanlig klient</translation>
    </message>
    <message>
        <source>The behaviour spec sent with the command: key=value pairs separated by semicolons. The menus above write it; type here for anything they do not offer (see the user guide).</source>
        <translation>Beteendespecifikationen som skickas med kommandot: key=value-par åtskilda med semikolon. Menyerna ovan skriver den; skriv här för allt de inte erbjuder (se användarhandboken).</translation>
    </message>
    <message>
        <source>wss:// only. The log says so for every connection that accepts such a certificate.</source>
        <translation>Bara wss://. Loggen anger det för varje anslutning som godtar ett sådant certifikat.</translation>
    </message>
    <message>
        <source>Offer permessage-deflate (RFC 7692) as browsers do; the log shows whether the server agreed</source>
        <translation>Erbjud permessage-deflate (RFC 7692) som webbläsare gör; loggen visar om servern gick med på det</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>C&amp;ount:</source>
        <translation>Ant&amp;al:</translation>
    </message>
    <message>
        <source>&amp;Subprotocols:</source>
        <translation>Under&amp;protokoll:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Rubriker:</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Beteende</translation>
    </message>
    <message>
        <source>&amp;Traffic:</source>
        <translation>&amp;Trafik:</translation>
    </message>
    <message>
        <source>When the server&apos;s &amp;Close arrives:</source>
        <translation>När serverns &amp;Close kommer:</translation>
    </message>
    <message>
        <source>Start the close &amp;itself:</source>
        <translation>Börja stängningen &amp;själv:</translation>
    </message>
    <message>
        <source>S&amp;pec:</source>
        <translation>Spec&amp;ifikation:</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>A&amp;nslut</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Inte ansluten: %1</translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectionActions</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Close &amp;Output</source>
        <translation>Close &amp;Output</translation>
    </message>
    <message>
        <source>&amp;Abort</source>
        <translation>&amp;Avbryt (RST)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Skicka</translation>
    </message>
    <message>
        <source>&amp;Ping</source>
        <translation>&amp;Ping</translation>
    </message>
    <message>
        <source>Send our Close and wait for the peer&apos;s Close; data the peer sends meanwhile is read and discarded (CloseAsync)</source>
        <translation>Skicka vår Close och vänta på motpartens Close; data som motparten skickar under tiden läses och kastas (CloseAsync)</translation>
    </message>
    <message>
        <source>Send our Close and return at once; data the peer still sends is delivered (CloseOutputAsync)</source>
        <translation>Skicka vår Close och återvänd direkt; data som motparten fortfarande skickar levereras (CloseOutputAsync)</translation>
    </message>
    <message>
        <source>Reset the TCP connection (an RST, not a FIN): state Aborted, 1006</source>
        <translation>Återställ TCP-anslutningen (en RST, inte en FIN): tillstånd Aborted, 1006</translation>
    </message>
    <message>
        <source>Send the send panel&apos;s message</source>
        <translation>Skicka meddelandet i sändpanelen</translation>
    </message>
    <message>
        <source>Send a Ping with the send panel&apos;s payload</source>
        <translation>Skicka en ping med datat i sändpanelen</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 och %n till</numerusform>
            <numerusform>%1 och %n till</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one or more connections in the table (Ctrl+A selects all).</source>
        <translation>Markera en eller flera anslutningar i tabellen (Ctrl+A markerar alla).</translation>
    </message>
    <message>
        <source>Acts on connection %1.</source>
        <translation>Gäller anslutning %1.</translation>
    </message>
    <message numerus="yes">
        <source>Acts on %n connections: %1.</source>
        <translation>
            <numerusform>Gäller %n anslutning: %1.</numerusform>
            <numerusform>Gäller %n anslutningar: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected connections can be closed.</source>
        <translation>Ingen av de markerade anslutningarna kan stängas.</translation>
    </message>
    <message>
        <source>None of the selected connections can be aborted.</source>
        <translation>Ingen av de markerade anslutningarna kan avbrytas.</translation>
    </message>
    <message>
        <source>None of the selected connections can be sent a message.</source>
        <translation>Ingen av de markerade anslutningarna kan ta emot ett meddelande.</translation>
    </message>
    <message>
        <source>None of the selected connections can be pinged.</source>
        <translation>Ingen av de markerade anslutningarna kan pingas.</translation>
    </message>
    <message>
        <source>Select a connection in the table first.</source>
        <translation>Markera först en anslutning i tabellen.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Överhoppade: %1</translation>
    </message>
    <message>
        <source>A selected connection is CloseReceived: this acknowledges the peer&apos;s Close with your code and description.</source>
        <translation>En markerad anslutning är CloseReceived: detta kvitterar motpartens Close med din kod och beskrivning.</translation>
    </message>
    <message numerus="yes">
        <source>Manual acknowledge: the peer closed first. Close or Close Output answers its Close with the code and description above and completes the handshake (%n connection(s): %1).</source>
        <translation>
            <numerusform>Manuell kvittering: motparten stängde först. Close eller Close Output besvarar dess Close med koden och beskrivningen ovan och slutför handskakningen (%n anslutning: %1).</numerusform>
            <numerusform>Manuell kvittering: motparten stängde först. Close eller Close Output besvarar dess Close med koden och beskrivningen ovan och slutför handskakningen (%n anslutningar: %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectionsPane</name>
    <message>
        <source>Filter connections: id, address, path, subprotocol, state…</source>
        <translation>Filtrera anslutningar: id, adress, sökväg, underprotokoll, tillstånd…</translation>
    </message>
    <message>
        <source>Hide the Closed and Aborted rows (Clear ended removes them)</source>
        <translation>Dölj raderna Closed och Aborted (Rensa avslutade tar bort dem)</translation>
    </message>
    <message>
        <source>No connection matches the filter</source>
        <translation>Ingen anslutning matchar filtret</translation>
    </message>
    <message>
        <source>Ended connections are hidden (Hide ended)</source>
        <translation>Avslutade anslutningar är dolda (Dölj avslutade)</translation>
    </message>
    <message>
        <source>Hide e&amp;nded</source>
        <translation>Dölj a&amp;vslutade</translation>
    </message>
    <message>
        <source>Filter pairs: id, client address, target, path, state…</source>
        <translation>Filtrera par: id, klientadress, mål, sökväg, tillstånd…</translation>
    </message>
</context>
<context>
    <name>closecall::ui::DetailsPanel</name>
    <message>
        <source>Select a connection to see its upgrade request, subprotocol and how it closed.</source>
        <translation>Markera en anslutning för att se dess uppgraderingsbegäran, underprotokoll och hur den stängdes.</translation>
    </message>
    <message>
        <source>Connection %1 — %2</source>
        <translation>Anslutning %1 – %2</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Motpart</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Begäran</translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation>Underprotokoll</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Användaragent</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnad</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meddelanden</translation>
    </message>
    <message>
        <source>%L1 in (%2), %L3 out (%4)</source>
        <translation>%L1 in (%2), %L3 ut (%4)</translation>
    </message>
    <message>
        <source>Pings</source>
        <translation>Pingar</translation>
    </message>
    <message>
        <source>%L1 in, %L2 out</source>
        <translation>%L1 in, %L2 ut</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>%L1; latest: %2</source>
        <translation>%L1; senaste: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close skickad</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close mottagen</translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation>Initierad av</translation>
    </message>
    <message>
        <source>Post-close data</source>
        <translation>Data efter Close</translation>
    </message>
    <message>
        <source>%L1 delivered, %L2 discarded</source>
        <translation>%L1 levererade, %L2 kastade</translation>
    </message>
    <message>
        <source>Close handshake</source>
        <translation>Close-handskakning</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Final code</source>
        <translation>Slutlig kod</translation>
    </message>
    <message>
        <source>TCP closed by</source>
        <translation>TCP stängd av</translation>
    </message>
    <message>
        <source>client</source>
        <translation>klient</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Begärans rubriker</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>(%L1 crossed our Close on the wire)</source>
        <translation>(%L1 korsade vår Close på tråden)</translation>
    </message>
    <message>
        <source>Ack delay</source>
        <translation>Svarsfördröjning</translation>
    </message>
    <message>
        <source>%1 ms: the peer&apos;s Close waited this long for our answer</source>
        <translation>%1 ms: så länge väntade motpartens Close på vårt svar</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>out: CloseCall connected to %1 (the client)</source>
        <translation>ut: CloseCall anslöt till %1 (klienten)</translation>
    </message>
    <message>
        <source>in: a client connected to CloseCall (the server)</source>
        <translation>in: en klient anslöt till CloseCall (servern)</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Tillägg</translation>
    </message>
    <message>
        <source>%1 (CloseCall)</source>
        <translation>%1 (CloseCall)</translation>
    </message>
    <message>
        <source>%1 (the peer)</source>
        <translation>%1 (motparten)</translation>
    </message>
    <message>
        <source>Response headers (the server&apos;s 101)</source>
        <translation>Svarets rubriker (serverns 101)</translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation>Ingen anslutning ännu.</translation>
    </message>
    <message>
        <source>Client leg (CloseCall is the server)</source>
        <translation>Klientsträcka (CloseCall är servern)</translation>
    </message>
    <message>
        <source>Server leg (CloseCall is the client)</source>
        <translation>Serversträcka (CloseCall är klienten)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::EmptyStateTableView</name>
    <message>
        <source>Columns</source>
        <translation>Kolumner</translation>
    </message>
    <message>
        <source>Original order</source>
        <translation>Ursprunglig ordning</translation>
    </message>
</context>
<context>
    <name>closecall::ui::GuideDialog</name>
    <message>
        <source>CloseCall User Guide</source>
        <translation>Användarhandbok för CloseCall</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Bakåt</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Handbok</translation>
    </message>
</context>
<context>
    <name>closecall::ui::LegChoice</name>
    <message>
        <source>C&amp;lient Leg</source>
        <translation>K&amp;lientsträckan</translation>
    </message>
    <message>
        <source>Ser&amp;ver Leg</source>
        <translation>Ser&amp;versträckan</translation>
    </message>
    <message>
        <source>Act on the client leg: the client&apos;s connection to CloseCall. There CloseCall acts as the server, so the client sees what its server would do.</source>
        <translation>Agera på klientsträckan: klientens anslutning till CloseCall. Där agerar CloseCall server, så klienten ser vad dess server skulle göra.</translation>
    </message>
    <message>
        <source>Act on the server leg: CloseCall&apos;s connection to the target server. There CloseCall acts as the client, so the server sees what its client would do.</source>
        <translation>Agera på serversträckan: CloseCalls anslutning till målservern. Där agerar CloseCall klient, så servern ser vad dess klient skulle göra.</translation>
    </message>
    <message>
        <source>Act on:</source>
        <translation>Agera på:</translation>
    </message>
</context>
<context>
    <name>closecall::ui::LogPane</name>
    <message>
        <source>Message in</source>
        <translation>Meddelande in</translation>
    </message>
    <message>
        <source>Message out</source>
        <translation>Meddelande ut</translation>
    </message>
    <message>
        <source>Ping in</source>
        <translation>Ping in</translation>
    </message>
    <message>
        <source>Pong in</source>
        <translation>Pong in</translation>
    </message>
    <message>
        <source>Ping out</source>
        <translation>Ping ut</translation>
    </message>
    <message>
        <source>Pong out</source>
        <translation>Pong ut</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close skickad</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close mottagen</translation>
    </message>
    <message>
        <source>State change</source>
        <translation>Tillståndsändring</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Handshake failed</source>
        <translation>Handskakningen misslyckades</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Lyssnar</translation>
    </message>
    <message>
        <source>S&amp;elected connections only</source>
        <translation>Endast m&amp;arkerade anslutningar</translation>
    </message>
    <message>
        <source>&amp;Post-close only</source>
        <translation>Endast &amp;efter Close</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Inga händelser ännu</translation>
    </message>
    <message>
        <source>Every frame and event of every connection appears here.</source>
        <translation>Varje ram och händelse för varje anslutning visas här.</translation>
    </message>
    <message>
        <source>Filter the log: text, code, reason, event, state, address…</source>
        <translation>Filtrera loggen: text, kod, orsak, händelse, tillstånd, adress…</translation>
    </message>
    <message>
        <source>Show only some kinds of event</source>
        <translation>Visa bara vissa händelsetyper</translation>
    </message>
    <message>
        <source>Show only the events of the connections selected in the table</source>
        <translation>Visa bara händelserna för anslutningarna som är markerade i tabellen</translation>
    </message>
    <message>
        <source>Show only data that arrived after our Close went out (delivered or discarded)</source>
        <translation>Visa bara data som kom efter att vår Close skickats (levererade eller kastade)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Följ</translation>
    </message>
    <message>
        <source>Keep the newest event in sight (scrolling up pauses this; End or this button resumes)</source>
        <translation>Håll den senaste händelsen synlig (att rulla uppåt pausar detta; End eller den här knappen återupptar)</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alla händelser</translation>
    </message>
    <message>
        <source>The close handshake only</source>
        <translation>Endast Close-handskakningen</translation>
    </message>
    <message>
        <source>Events: all</source>
        <translation>Händelser: alla</translation>
    </message>
    <message numerus="yes">
        <source>Events: %n kind(s)</source>
        <translation>
            <numerusform>Händelser: %n typ</numerusform>
            <numerusform>Händelser: %n typer</numerusform>
        </translation>
    </message>
    <message>
        <source>No event matches the filter</source>
        <translation>Ingen händelse matchar filtret</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 av %L2</translation>
    </message>
    <message>
        <source>Select Connection %1 in the Table</source>
        <translation>Markera anslutning %1 i tabellen</translation>
    </message>
    <message>
        <source>Show Only Connection %1</source>
        <translation>Visa endast anslutning %1</translation>
    </message>
    <message>
        <source>Clear the Filter</source>
        <translation>Rensa filtret</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln händelse</numerusform>
            <numerusform>%Ln händelser</numerusform>
        </translation>
    </message>
    <message>
        <source>Command results (hidden unless chosen)</source>
        <translation>Kommandoresultat (dolda om de inte väljs)</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
</context>
<context>
    <name>closecall::ui::MainWindow</name>
    <message>
        <source>Log to file stopped</source>
        <translation>Loggning till fil stoppad</translation>
    </message>
    <message>
        <source>Writing the log file failed, so logging to it has stopped.

%1

The log in the window is complete; export it to keep it.</source>
        <translation>Det gick inte att skriva loggfilen, så loggningen till den har stoppats.

%1

Loggen i fönstret är fullständig; exportera den för att behålla den.</translation>
    </message>
    <message>
        <source>Log to file</source>
        <translation>Logga till fil</translation>
    </message>
    <message>
        <source>--log-file: %1</source>
        <translation>--log-file: %1</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starta</translation>
    </message>
    <message>
        <source>Listen for WebSocket clients on the address in the toolbar (Ctrl+R)</source>
        <translation>Lyssna efter WebSocket-klienter på adressen i verktygsfältet (Ctrl+R)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppa</translation>
    </message>
    <message>
        <source>Close every connection with 1001 Going Away, then stop listening (Ctrl+Shift+R)</source>
        <translation>Stäng varje anslutning med 1001 Going Away och sluta sedan lyssna (Ctrl+Skift+R)</translation>
    </message>
    <message>
        <source>&amp;TLS…</source>
        <translation>&amp;TLS…</translation>
    </message>
    <message>
        <source>&amp;Echo</source>
        <translation>&amp;Eko</translation>
    </message>
    <message>
        <source>Echo each data message back while the connection is Open</source>
        <translation>Skicka tillbaka varje datameddelande medan anslutningen är Open</translation>
    </message>
    <message>
        <source>On: answer a peer&apos;s Close at once, echoing its code (what browsers do).
Off (manual acknowledge, as .NET): the connection stays CloseReceived until you Close or Close Output it.</source>
        <translation>På: besvara motpartens Close direkt med samma kod (som webbläsare gör).
Av (manuell kvittering, som .NET): anslutningen stannar i CloseReceived tills du stänger den med Close eller Close Output.</translation>
    </message>
    <message>
        <source>Answer &amp;Pings</source>
        <translation>Besvara &amp;ping</translation>
    </message>
    <message>
        <source>Answer each Ping with a Pong; turn off to test a client&apos;s keep-alive timeout</source>
        <translation>Besvara varje ping med en pong; stäng av för att testa en klients keep-alive-tidsgräns</translation>
    </message>
    <message>
        <source>&amp;Export Log…</source>
        <translation>&amp;Exportera logg…</translation>
    </message>
    <message>
        <source>Export &amp;Filtered Log…</source>
        <translation>Exportera &amp;filtrerad logg…</translation>
    </message>
    <message>
        <source>Export &amp;Connections (CSV)…</source>
        <translation>Exportera &amp;anslutningar (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Log to File…</source>
        <translation>&amp;Logga till fil…</translation>
    </message>
    <message>
        <source>Append every event to a file as it happens (JSON Lines, text or CSV), full previews included</source>
        <translation>Lägg till varje händelse i en fil när den sker (JSON Lines, text eller CSV), med fullständiga förhandsvisningar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Kopiera de markerade raderna som tabbseparerad text</translation>
    </message>
    <message>
        <source>Send &amp;Message…</source>
        <translation>Skicka &amp;meddelande…</translation>
    </message>
    <message>
        <source>Edit Close &amp;Description</source>
        <translation>Redigera Close-&amp;beskrivning</translation>
    </message>
    <message>
        <source>Select &amp;All Connections</source>
        <translation>Markera &amp;alla anslutningar</translation>
    </message>
    <message>
        <source>Clear &amp;Ended</source>
        <translation>Rensa &amp;avslutade</translation>
    </message>
    <message>
        <source>Remove the Closed and Aborted rows from the table</source>
        <translation>Ta bort raderna Closed och Aborted från tabellen</translation>
    </message>
    <message>
        <source>Clear &amp;Log</source>
        <translation>Rensa &amp;loggen</translation>
    </message>
    <message>
        <source>Remove every event from the log pane (a log file being written keeps them)</source>
        <translation>Ta bort alla händelser från loggpanelen (en loggfil som skrivs behåller dem)</translation>
    </message>
    <message>
        <source>&amp;Filter Log</source>
        <translation>&amp;Filtrera loggen</translation>
    </message>
    <message>
        <source>Filter C&amp;onnections</source>
        <translation>Filtrera a&amp;nslutningar</translation>
    </message>
    <message>
        <source>Log &amp;Capacity…</source>
        <translation>Logg&amp;kapacitet…</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Återställ layout</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>A&amp;nslutning</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Follow Log &amp;Tail</source>
        <translation>&amp;Följ loggens slut</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Instä&amp;llningar</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemets standard</translation>
    </message>
    <message>
        <source>The language changes when CloseCall starts again.</source>
        <translation>Språket ändras när CloseCall startas igen.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>&amp;About CloseCall</source>
        <translation>&amp;Om CloseCall</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>Visa &amp;detaljer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stoppad</translation>
    </message>
    <message>
        <source>Starting on %1…</source>
        <translation>Startar på %1…</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lyssnar på %1</translation>
    </message>
    <message>
        <source>Stopping: closing every connection…</source>
        <translation>Stoppar: stänger alla anslutningar…</translation>
    </message>
    <message>
        <source>No connections yet: connect a client to %1</source>
        <translation>Inga anslutningar ännu: anslut en klient till %1</translation>
    </message>
    <message>
        <source>For example, in a browser&apos;s console: new WebSocket(&quot;%1&quot;)</source>
        <translation>Till exempel i en webbläsares konsol: new WebSocket(&quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startar…</translation>
    </message>
    <message>
        <source>The server is stopped</source>
        <translation>Servern är stoppad</translation>
    </message>
    <message>
        <source>Press Start (Ctrl+R) to listen on %1</source>
        <translation>Tryck Starta (Ctrl+R) för att lyssna på %1</translation>
    </message>
    <message>
        <source>The TLS change applies at the next Start.</source>
        <translation>TLS-ändringen gäller från nästa start.</translation>
    </message>
    <message>
        <source>Log capacity</source>
        <translation>Loggkapacitet</translation>
    </message>
    <message>
        <source>Events the log keeps (the oldest go when it is full; about 120 bytes each):</source>
        <translation>Händelser som loggen behåller (de äldsta försvinner när den är full; cirka 120 byte var):</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>About CloseCall</source>
        <translation>Om CloseCall</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CloseCall %1&lt;/h3&gt;&lt;p&gt;A console for WebSocket servers: see how your clients behave when a server closes on them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Close&lt;/b&gt; sends our Close and waits for the peer&apos;s (data meanwhile is discarded); &lt;b&gt;Close Output&lt;/b&gt; sends it and keeps delivering what the peer still sends; &lt;b&gt;Abort&lt;/b&gt; resets TCP.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CloseCall %1&lt;/h3&gt;&lt;p&gt;En konsol för WebSocket-servrar: se hur dina klienter beter sig när en server stänger anslutningen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Close&lt;/b&gt; skickar vår Close och väntar på motpartens (data under tiden kastas); &lt;b&gt;Close Output&lt;/b&gt; skickar den och fortsätter leverera det motparten fortfarande skickar; &lt;b&gt;Abort&lt;/b&gt; återställer TCP.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>anslutning %1</translation>
    </message>
    <message>
        <source>connections %1</source>
        <translation>anslutningar %1</translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation>Lyssnar inte: %1</translation>
    </message>
    <message>
        <source>Close %1 sent to %2</source>
        <translation>Close %1 skickad till %2</translation>
    </message>
    <message>
        <source>Close Output %1 sent to %2</source>
        <translation>Close Output %1 skickad till %2</translation>
    </message>
    <message>
        <source>Aborted %1 (TCP reset)</source>
        <translation>Avbröt %1 (TCP-återställning)</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n byte(s) to %1</source>
        <translation>
            <numerusform>Skickade %n byte till %1</numerusform>
            <numerusform>Skickade %n byte till %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Ping sent to %1</source>
        <translation>Ping skickad till %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Nekades: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>Kopierade %n rad</numerusform>
            <numerusform>Kopierade %n rader</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Text log (*.log)</source>
        <translation>Textlogg (*.log)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>HTTP Archive (*.har)</source>
        <translation>HTTP-arkiv (*.har)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 finns redan. Ersätta den?</translation>
    </message>
    <message>
        <source>Export filtered log</source>
        <translation>Exportera filtrerad logg</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Exportera logg</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>The log was not exported.

%1

Nothing in the log was lost: choose another place and try again.</source>
        <translation>Loggen exporterades inte.

%1

Inget i loggen gick förlorat: välj en annan plats och försök igen.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>Exporterade %n händelse till %1</numerusform>
            <numerusform>Exporterade %n händelser till %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(the oldest %L1 events had already left the log)</source>
        <translation>(de äldsta %L1 händelserna hade redan lämnat loggen)</translation>
    </message>
    <message>
        <source>Export connections</source>
        <translation>Exportera anslutningar</translation>
    </message>
    <message>
        <source>The connections were not exported.

%1</source>
        <translation>Anslutningarna exporterades inte.

%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n connection(s) to %1</source>
        <translation>
            <numerusform>Exporterade %n anslutning till %1</numerusform>
            <numerusform>Exporterade %n anslutningar till %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped logging to %1 (%L2 events written)</source>
        <translation>Slutade logga till %1 (%L2 händelser skrivna)</translation>
    </message>
    <message>
        <source>Logging to the file could not start.

%1</source>
        <translation>Loggningen till filen kunde inte starta.

%1</translation>
    </message>
    <message>
        <source>Logging every event to %1</source>
        <translation>Loggar varje händelse till %1</translation>
    </message>
    <message>
        <source>Change the address or port in the toolbar and press Start (Ctrl+R)</source>
        <translation>Ändra adressen eller porten i verktygsfältet och tryck på Starta (Ctrl+R)</translation>
    </message>
    <message>
        <source>the listen address is not valid: %1</source>
        <translation>lyssningsadressen är ogiltig: %1</translation>
    </message>
    <message>
        <source>&amp;Auto-acknowledge: on</source>
        <translation>Kvittera &amp;automatiskt: på</translation>
    </message>
    <message>
        <source>&amp;Auto-acknowledge: off (manual)</source>
        <translation>Kvittera &amp;automatiskt: av (manuellt)</translation>
    </message>
    <message>
        <source>Log to file stopped: %1</source>
        <translation>Loggning till fil stoppad: %1</translation>
    </message>
    <message>
        <source>Choose a certificate and key to serve wss:// (TLS) instead of ws://; the change applies at the next Start</source>
        <translation>Välj ett certifikat och en nyckel för att erbjuda wss:// (TLS) i stället för ws://; ändringen gäller från nästa start</translation>
    </message>
    <message>
        <source>Serving wss:// with %1 (applies at Start); click to change or turn off TLS</source>
        <translation>Erbjuder wss:// med %1 (gäller vid start); klicka för att ändra eller stänga av TLS</translation>
    </message>
    <message>
        <source>Go to the &amp;Connections Table</source>
        <translation>Gå till &amp;anslutningstabellen</translation>
    </message>
    <message>
        <source>Go to the &amp;Log</source>
        <translation>Gå till &amp;loggen</translation>
    </message>
    <message>
        <source>Go to the Cl&amp;ose Panel</source>
        <translation>Gå till Cl&amp;ose-panelen</translation>
    </message>
    <message>
        <source>Go to the S&amp;end Panel</source>
        <translation>Gå till sä&amp;ndpanelen</translation>
    </message>
    <message>
        <source>Go to the &amp;Details</source>
        <translation>Gå till &amp;detaljerna</translation>
    </message>
    <message>
        <source>Moving between the panes</source>
        <translation>Flytta mellan panelerna</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tabb, Skift+Tabb</translation>
    </message>
    <message>
        <source>The next or previous control: the connections filter, Hide ended, Clear Ended, the table, then the log&apos;s controls</source>
        <translation>Nästa eller föregående kontroll: anslutningsfiltret, Dölj avslutade, Rensa avslutade, tabellen och sedan loggens kontroller</translation>
    </message>
    <message>
        <source>Every shortcut</source>
        <translation>Alla kortkommandon</translation>
    </message>
    <message>
        <source>%1 (in the log)</source>
        <translation>%1 (i loggen)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Användarhandbok</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;br&gt;Released under the MIT License.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Byggd med Qt %1, körs med Qt %2.&lt;br&gt;Publicerad under MIT-licensen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Homepage: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Webbplats: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Export &amp;Timeline…</source>
        <translation>Exportera &amp;tidslinje…</translation>
    </message>
    <message>
        <source>Save the selected connection&apos;s timeline as a picture (PNG or SVG)</source>
        <translation>Spara den valda anslutningens tidslinje som bild (PNG eller SVG)</translation>
    </message>
    <message>
        <source>Event %1 is not in the log&apos;s view: the filter hides it, or the log no longer holds it</source>
        <translation>Händelse %1 syns inte i loggen: filtret döljer den, eller så finns den inte längre i loggen</translation>
    </message>
    <message>
        <source>no connection with events is selected: select one in the table</source>
        <translation>ingen anslutning med händelser är vald: välj en i tabellen</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-bild (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-bild (*.svg)</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>Exportera tidslinje</translation>
    </message>
    <message>
        <source>The timeline was not exported.

%1</source>
        <translation>Tidslinjen exporterades inte.

%1</translation>
    </message>
    <message>
        <source>Exported the timeline of connection %1 to %2</source>
        <translation>Tidslinjen för anslutning %1 exporterades till %2</translation>
    </message>
    <message>
        <source>Accept &amp;Compression</source>
        <translation>Acceptera &amp;komprimering</translation>
    </message>
    <message>
        <source>Accept permessage-deflate (RFC 7692) from clients that offer it, as browsers do; applies from the next start</source>
        <translation>Acceptera permessage-deflate (RFC 7692) från klienter som erbjuder det, som webbläsare gör; gäller från nästa start</translation>
    </message>
    <message>
        <source>Start &amp;Demo</source>
        <translation>Starta &amp;demo</translation>
    </message>
    <message>
        <source>Connect a handful of built-in peers to the running server, each misbehaving differently; close them to see what happens</source>
        <translation>Anslut en handfull inbyggda motparter till den körande servern, som var och en beter sig illa på sitt sätt; stäng dem för att se vad som händer</translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n peer(s) connecting</source>
        <translation>
            <numerusform>Demo: %n motpart ansluter</numerusform>
            <numerusform>Demo: %n motparter ansluter</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;nnect…</source>
        <translation>A&amp;nslut…</translation>
    </message>
    <message>
        <source>Open outgoing connections: CloseCall as the client of a server (this one by default), with a chosen behaviour</source>
        <translation>Öppna utgående anslutningar: CloseCall som klient till en server (den här som standard), med ett valt beteende</translation>
    </message>
    <message>
        <source>the server is not running. Outgoing connections run on its engine: start it first (Server ▸ Start).</source>
        <translation>servern körs inte. Utgående anslutningar körs på dess motor: starta den först (Server ▸ Starta).</translation>
    </message>
    <message numerus="yes">
        <source>Connecting to %1 (%n connection(s))</source>
        <translation>
            <numerusform>Ansluter till %1 (%n anslutning)</numerusform>
            <numerusform>Ansluter till %1 (%n anslutningar)</numerusform>
        </translation>
    </message>
    <message>
        <source>Proxying %1 → %2</source>
        <translation>Proxar %1 → %2</translation>
    </message>
    <message>
        <source>No pairs yet: connect a client to %1</source>
        <translation>Inga par ännu: anslut en klient till %1</translation>
    </message>
    <message>
        <source>CloseCall passes each client on to %1 and shows both legs here</source>
        <translation>CloseCall skickar vidare varje klient till %1 och visar båda sträckorna här</translation>
    </message>
    <message>
        <source>the proxy target is not valid: %1</source>
        <translation>proxymålet är ogiltigt: %1</translation>
    </message>
    <message>
        <source>Proxy mode: every client that connects to the Listen on address is passed on to the target URL, and you can close either side. Off: CloseCall is the server itself. Applies at the next Start.</source>
        <translation>Proxyläge: varje klient som ansluter till adressen i ”Lyssna på” skickas vidare till mål-URL:en, och du kan stänga vilken sida som helst. Av: CloseCall är själv servern. Gäller från nästa start.</translation>
    </message>
    <message>
        <source>Proxy: &amp;Keep the Target&apos;s Path</source>
        <translation>Proxy: &amp;Behåll målets sökväg</translation>
    </message>
    <message>
        <source>Connect to the target&apos;s own path and query only; off: the client&apos;s path and query are appended to the target&apos;s</source>
        <translation>Anslut bara till målets egen sökväg och fråga; av: klientens sökväg och fråga läggs till målets</translation>
    </message>
    <message>
        <source>Proxy: &amp;Hold Closes of New Pairs</source>
        <translation>Proxy: &amp;Håll kvar Close för nya par</translation>
    </message>
    <message>
        <source>Start every pair with its closes held: a Close from either side is not passed on, so you decide what the other side sees. Off: closes are relayed with the same code and reason</source>
        <translation>Starta varje par med Close kvarhållna: en Close från någon av sidorna skickas inte vidare, så du avgör vad den andra sidan ser. Av: Close vidarebefordras med samma kod och orsak</translation>
    </message>
    <message>
        <source>A wss:// target whose certificate fails verification is accepted (the server leg&apos;s details say so)</source>
        <translation>Ett wss://-mål vars certifikat inte klarar verifieringen godtas (serversträckans detaljer anger det)</translation>
    </message>
    <message>
        <source>&amp;Hold Closes of This Pair</source>
        <translation>&amp;Håll kvar Close för detta par</translation>
    </message>
    <message>
        <source>On: a Close from either side of the selected pairs is not passed on; the leg waits in CloseReceived until you answer it. Off: closes are relayed</source>
        <translation>På: en Close från någon av sidorna i de valda paren skickas inte vidare; sträckan väntar i CloseReceived tills du besvarar den. Av: Close vidarebefordras</translation>
    </message>
    <message>
        <source>On: CloseCall answers the Pings that arrive on the chosen leg itself. Off (the default): Pings are passed through to the other side</source>
        <translation>På: CloseCall besvarar själv de pingar som kommer på den valda sträckan. Av (standard): pingar släpps igenom till den andra sidan</translation>
    </message>
    <message>
        <source>Answer Pings on the Server &amp;Leg</source>
        <translation>Besvara ping på servers&amp;träckan</translation>
    </message>
    <message>
        <source>Answer Pings on the Client &amp;Leg</source>
        <translation>Besvara ping på klients&amp;träckan</translation>
    </message>
    <message>
        <source>Closes held for pairs %1</source>
        <translation>Close hålls kvar för par %1</translation>
    </message>
    <message>
        <source>Closes relayed for pairs %1</source>
        <translation>Close vidarebefordras för par %1</translation>
    </message>
    <message>
        <source>Pings answered on connections %1</source>
        <translation>Ping besvaras på anslutningar %1</translation>
    </message>
    <message>
        <source>Pings passed through on connections %1</source>
        <translation>Ping släpps igenom på anslutningar %1</translation>
    </message>
    <message>
        <source>P&amp;roxy to</source>
        <translation>P&amp;roxy till</translation>
    </message>
    <message>
        <source>Proxy: Accept Self-S&amp;igned Certificates</source>
        <translation>Proxy: &amp;Godta självsignerade certifikat</translation>
    </message>
    <message>
        <source>Answer Pings on This Le&amp;g</source>
        <translation>Besvara ping på den här s&amp;träckan</translation>
    </message>
</context>
<context>
    <name>closecall::ui::SendPanel</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation>Binärt (hex)</translation>
    </message>
    <message>
        <source>The message to send (Ctrl+Return sends)</source>
        <translation>Meddelandet som ska skickas (Ctrl+Retur skickar)</translation>
    </message>
    <message>
        <source>Optional payload, at most 125 bytes</source>
        <translation>Valfritt data, högst 125 byte</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Meddelande:</translation>
    </message>
    <message>
        <source>P&amp;ing payload:</source>
        <translation>P&amp;ing-data:</translation>
    </message>
    <message>
        <source>hex: a lone digit before position %1; write bytes as pairs like 0a</source>
        <translation>hex: en ensam siffra före position %1; skriv byte som par, t.ex. 0a</translation>
    </message>
    <message>
        <source>hex: &quot;%1&quot; at position %2 is not a hex digit (0-9, a-f)</source>
        <translation>hex: ”%1” på position %2 är ingen hexsiffra (0-9, a-f)</translation>
    </message>
    <message>
        <source>hex: an odd number of digits; write bytes as pairs like 0a</source>
        <translation>hex: ett udda antal siffror; skriv byte som par, t.ex. 0a</translation>
    </message>
    <message>
        <source>Bytes as hex, e.g. 48 65 6c 6c 6f (Ctrl+Return sends)</source>
        <translation>Byte som hex, t.ex. 48 65 6c 6c 6f (Ctrl+Retur skickar)</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n byte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::ui::ServerToolBar</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Listen on </source>
        <translation>&amp;Lyssna på </translation>
    </message>
    <message>
        <source>The address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every IPv4 interface), ::1, or a host name</source>
        <translation>Adressen att lyssna på: 127.0.0.1 (endast den här datorn), 0.0.0.0 (alla IPv4-gränssnitt), ::1 eller ett värdnamn</translation>
    </message>
    <message>
        <source>any</source>
        <translation>valfri</translation>
    </message>
    <message>
        <source>The TCP port; &quot;any&quot; (0) picks a free one</source>
        <translation>TCP-porten; ”valfri” (0) väljer en ledig</translation>
    </message>
    <message>
        <source>Stop the server (Ctrl+Shift+R) to change where it listens</source>
        <translation>Stoppa servern (Ctrl+Skift+R) för att ändra var den lyssnar</translation>
    </message>
    <message>
        <source>no target URL: type the ws:// or wss:// URL of the server to proxy to</source>
        <translation>ingen mål-URL: skriv ws://- eller wss://-URL:en för servern att vidarebefordra till</translation>
    </message>
    <message>
        <source>Stop the server (Ctrl+Shift+R) to change the target</source>
        <translation>Stoppa servern (Ctrl+Skift+R) för att ändra målet</translation>
    </message>
    <message>
        <source>The server every client is passed on to (ws:// or wss://); clients connect to the Listen on address</source>
        <translation>Servern som varje klient skickas vidare till (ws:// eller wss://); klienterna ansluter till adressen i ”Lyssna på”</translation>
    </message>
</context>
<context>
    <name>closecall::ui::StatusLine</name>
    <message>
        <source>Data messages a second over the last second, in (from the peers) and out</source>
        <translation>Datameddelanden per sekund under den senaste sekunden, in (från motparterna) och ut</translation>
    </message>
    <message>
        <source>Events in the log; when it is full the oldest go (Settings ▸ Log capacity)</source>
        <translation>Händelser i loggen; när den är full försvinner de äldsta (Inställningar ▸ Loggkapacitet)</translation>
    </message>
    <message>
        <source>Connections: %L1 open / %L2 total</source>
        <translation>Anslutningar: %L1 öppna / %L2 totalt</translation>
    </message>
    <message>
        <source>Msgs/s: %L1 in, %L2 out</source>
        <translation>Medd./s: %L1 in, %L2 ut</translation>
    </message>
    <message>
        <source>%L1 dropped</source>
        <translation>%L1 borttagna</translation>
    </message>
    <message>
        <source>Events in the log (capacity %L1); when it is full the oldest go and are counted as dropped (Settings ▸ Log capacity)</source>
        <translation>Händelser i loggen (kapacitet %L1); när den är full försvinner de äldsta och räknas som borttagna (Inställningar ▸ Loggkapacitet)</translation>
    </message>
    <message>
        <source>● Logging to %1</source>
        <translation>● Loggar till %1</translation>
    </message>
    <message numerus="yes">
        <source>Log: %Ln event(s)</source>
        <translation>
            <numerusform>Logg: %Ln händelse</numerusform>
            <numerusform>Logg: %Ln händelser</numerusform>
        </translation>
    </message>
    <message>
        <source>Manual acknowledge</source>
        <translation>Manuell kvittering</translation>
    </message>
    <message>
        <source>A peer&apos;s Close waits in CloseReceived until you answer it with Close or Close Output (Server ▸ Auto-acknowledge turns this off)</source>
        <translation>En motparts Close väntar i CloseReceived tills du besvarar den med Close eller Close Output (Server ▸ Kvittera automatiskt stänger av detta)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::TimelinePane</name>
    <message>
        <source>Select a connection to see its timeline: its upgrade, frames and closing handshake on a time axis.</source>
        <translation>Välj en anslutning för att se dess tidslinje: uppgradering, ramar och Close-handskakning på en tidsaxel.</translation>
    </message>
    <message>
        <source>The log holds no events of connection %1.</source>
        <translation>Loggen innehåller inga händelser för anslutning %1.</translation>
    </message>
    <message>
        <source>Show in the &amp;Log</source>
        <translation>Visa i &amp;loggen</translation>
    </message>
</context>
<context>
    <name>closecall::ui::TlsDialog</name>
    <message>
        <source>TLS (wss://)</source>
        <translation>TLS (wss://)</translation>
    </message>
    <message>
        <source>PEM certificate, e.g. server.crt</source>
        <translation>PEM-certifikat, t.ex. server.crt</translation>
    </message>
    <message>
        <source>PEM private key, e.g. server.key</source>
        <translation>Privat PEM-nyckel, t.ex. server.key</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>With a certificate and its key the server serves wss:// instead of ws://. Leave both empty for plain ws://. The change applies at the next Start.</source>
        <translation>Med ett certifikat och dess nyckel erbjuder servern wss:// i stället för ws://. Lämna båda tomma för vanlig ws://. Ändringen gäller från nästa start.</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Certifikat:</translation>
    </message>
    <message>
        <source>Choose the TLS certificate</source>
        <translation>Välj TLS-certifikatet</translation>
    </message>
    <message>
        <source>&amp;Private key:</source>
        <translation>&amp;Privat nyckel:</translation>
    </message>
    <message>
        <source>Choose the TLS private key</source>
        <translation>Välj den privata TLS-nyckeln</translation>
    </message>
    <message>
        <source>Use plain ws://</source>
        <translation>Använd vanlig ws://</translation>
    </message>
    <message>
        <source>A key without a certificate: choose the certificate too, or clear both.</source>
        <translation>En nyckel utan certifikat: välj även certifikatet, eller rensa båda.</translation>
    </message>
    <message>
        <source>A certificate without a key: choose the private key too, or clear both.</source>
        <translation>Ett certifikat utan nyckel: välj även den privata nyckeln, eller rensa båda.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 finns inte.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation>%1 kan inte läsas (behörigheter).</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation>PEM-filer (*.pem *.crt *.cer *.key)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
</context>
</TS>
