<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BehaviourChoices</name>
    <message>
        <source>Silent</source>
        <translation>Still</translation>
    </message>
    <message>
        <source>Echo what arrives</source>
        <translation>Ankommendes zurücksenden (Echo)</translation>
    </message>
    <message>
        <source>Text “msg 1”, “msg 2”, … every second</source>
        <translation>Text „msg 1“, „msg 2“, … jede Sekunde</translation>
    </message>
    <message>
        <source>Text every 100 ms</source>
        <translation>Text alle 100 ms</translation>
    </message>
    <message>
        <source>Binary, 1 KiB every second</source>
        <translation>Binär, 1 KiB jede Sekunde</translation>
    </message>
    <message>
        <source>Answer at once</source>
        <translation>Sofort beantworten</translation>
    </message>
    <message>
        <source>Answer after 1 s</source>
        <translation>Nach 1 s beantworten</translation>
    </message>
    <message>
        <source>Answer after 5 s</source>
        <translation>Nach 5 s beantworten</translation>
    </message>
    <message>
        <source>Send 3 more messages, then answer</source>
        <translation>Noch 3 Nachrichten senden, dann beantworten</translation>
    </message>
    <message>
        <source>Never answer (the server times out)</source>
        <translation>Nie beantworten (der Server läuft in eine Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>Reset TCP (RST)</source>
        <translation>TCP zurücksetzen (RST)</translation>
    </message>
    <message>
        <source>Close TCP without a Close (FIN)</source>
        <translation>TCP ohne Close schließen (FIN)</translation>
    </message>
    <message>
        <source>Never: wait for the server</source>
        <translation>Nie: auf den Server warten</translation>
    </message>
    <message>
        <source>Close after 2 s</source>
        <translation>Close nach 2 s</translation>
    </message>
    <message>
        <source>Close after 10 s</source>
        <translation>Close nach 10 s</translation>
    </message>
    <message>
        <source>Close Output after 2 s</source>
        <translation>Close Output nach 2 s</translation>
    </message>
    <message>
        <source>Close Output 1001 “going away” after 5 s</source>
        <translation>Close Output 1001 „going away“ nach 5 s</translation>
    </message>
</context>
<context>
    <name>ClientUrl</name>
    <message>
        <source>the URL is empty; give one like ws://127.0.0.1:9001/chat.</source>
        <translation>die URL ist leer; eine wie ws://127.0.0.1:9001/chat angeben.</translation>
    </message>
    <message>
        <source>%1 is not a WebSocket URL; it must start with ws:// or wss://.</source>
        <translation>%1 ist keine WebSocket-URL; sie muss mit ws:// oder wss:// beginnen.</translation>
    </message>
    <message>
        <source>%1 is not a valid URL: %2</source>
        <translation>%1 ist keine gültige URL: %2</translation>
    </message>
    <message>
        <source>%1 names no host; give one like ws://127.0.0.1:9001/.</source>
        <translation>%1 nennt keinen Host; einen wie ws://127.0.0.1:9001/ angeben.</translation>
    </message>
    <message>
        <source>%1 has user info before the host; a WebSocket URL has none (RFC 6455 §3): send credentials in an Authorization header.</source>
        <translation>%1 hat Benutzerangaben vor dem Host; eine WebSocket-URL hat keine (RFC 6455 §3): Zugangsdaten in einem Authorization-Header senden.</translation>
    </message>
    <message>
        <source>%1 has a fragment; a WebSocket URL must not (RFC 6455 §3): write &apos;#&apos; as %23.</source>
        <translation>%1 hat ein Fragment; eine WebSocket-URL darf keines haben (RFC 6455 §3): &apos;#&apos; als %23 schreiben.</translation>
    </message>
    <message>
        <source>%1 has port 0; give the server&apos;s port.</source>
        <translation>%1 hat Port 0; den Port des Servers angeben.</translation>
    </message>
</context>
<context>
    <name>CloseCodes</name>
    <message>
        <source>Empty (no status code)</source>
        <translation>Leer (kein Statuscode)</translation>
    </message>
    <message>
        <source>%1 (registered for libraries and frameworks)</source>
        <translation>%1 (für Bibliotheken und Frameworks registriert)</translation>
    </message>
    <message>
        <source>%1 (private use)</source>
        <translation>%1 (private Verwendung)</translation>
    </message>
    <message>
        <source>%1 (not used)</source>
        <translation>%1 (nicht verwendet)</translation>
    </message>
    <message>
        <source>%1 (out of range)</source>
        <translation>%1 (außerhalb des Bereichs)</translation>
    </message>
    <message>
        <source>%1 (reserved, not registered)</source>
        <translation>%1 (reserviert, nicht registriert)</translation>
    </message>
    <message>
        <source>No close code given. Type a number such as 1000 or 1001, a name such as GoingAway, or Empty for a Close with no status code.</source>
        <translation>Kein Close-Code angegeben. Eine Zahl wie 1000 oder 1001, einen Namen wie GoingAway oder „Empty“ für ein Close ohne Statuscode eingeben.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a close code number; codes are whole numbers from 0 to 65535 (usable: 1000-1003, 1007-1014, 3000-4999).</source>
        <translation>„%1“ ist keine Close-Code-Zahl; Codes sind ganze Zahlen von 0 bis 65535 (verwendbar: 1000-1003, 1007-1014, 3000-4999).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a close code. Type a number (e.g. 1001) or a registry name (e.g. Going Away, GoingAway, EndpointUnavailable, CloseCodeGoingAway), or Empty for a Close with no status code.</source>
        <translation>„%1“ ist kein Close-Code. Eine Zahl (z. B. 1001) oder einen Registernamen (z. B. Going Away, GoingAway, EndpointUnavailable, CloseCodeGoingAway) eingeben, oder „Empty“ für ein Close ohne Statuscode.</translation>
    </message>
    <message>
        <source>Close payload is 1 byte; a status code needs 2 (RFC 6455 §5.5.1).</source>
        <translation>Die Close-Nutzdaten sind 1 Byte; ein Statuscode braucht 2 (RFC 6455 §5.5.1).</translation>
    </message>
    <message>
        <source>Close code %1 may not be sent on the wire (RFC 6455 §7.4): %2.</source>
        <translation>Close-Code %1 darf nicht übertragen werden (RFC 6455 §7.4): %2.</translation>
    </message>
    <message>
        <source>Close payload is %1 bytes; a control frame carries at most 125 (RFC 6455 §5.5).</source>
        <translation>Die Close-Nutzdaten sind %1 Bytes; ein Kontroll-Frame trägt höchstens 125 (RFC 6455 §5.5).</translation>
    </message>
    <message>
        <source>Close reason is not valid UTF-8 (RFC 6455 §5.5.1).</source>
        <translation>Der Close-Grund ist kein gültiges UTF-8 (RFC 6455 §5.5.1).</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>&apos;%1&apos; is too large; the most is %2</source>
        <translation>„%1“ ist zu groß; höchstens %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too small; the least is %2</source>
        <translation>„%1“ ist zu klein; mindestens %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an origin; write scheme://host[:port] with no path, e.g. https://example.com</source>
        <translation>„%1“ ist kein Origin; schema://host[:port] ohne Pfad schreiben, z. B. https://example.com</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist</source>
        <translation>„%1“ existiert nicht</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a file</source>
        <translation>„%1“ ist keine Datei</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not readable</source>
        <translation>„%1“ ist nicht lesbar</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no closing &apos;]&apos;; write IPv6 as [::1]:9001</source>
        <translation>„%1“ hat keine schließende „]“; IPv6 als [::1]:9001 schreiben</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port; write HOST:PORT, e.g. [::1]:9001</source>
        <translation>„%1“ hat keinen Port; HOST:PORT schreiben, z. B. [::1]:9001</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv6 address</source>
        <translation>„%1“ ist keine IPv6-Adresse</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port; write HOST:PORT, e.g. 127.0.0.1:9001 (port 0 = any free port)</source>
        <translation>„%1“ hat keinen Port; HOST:PORT schreiben, z. B. 127.0.0.1:9001 (Port 0 = ein beliebiger freier Port)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write an IPv6 address in brackets, e.g. [%2]:%3</source>
        <translation>„%1“: eine IPv6-Adresse in eckigen Klammern schreiben, z. B. [%2]:%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host; write HOST:PORT, e.g. 127.0.0.1:9001</source>
        <translation>„%1“ hat keinen Host; HOST:PORT schreiben, z. B. 127.0.0.1:9001</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address; use e.g. 127.0.0.1, 0.0.0.0, localhost or [::1]</source>
        <translation>„%1“ ist keine IP-Adresse; z. B. 127.0.0.1, 0.0.0.0, localhost oder [::1] verwenden</translation>
    </message>
    <message>
        <source>port &apos;%1&apos; is not a number from 0 to 65535</source>
        <translation>Port „%1“ ist keine Zahl von 0 bis 65535</translation>
    </message>
    <message>
        <source>CloseCall: a WebSocket server console that closes connections the way a real server would. --headless: events on stdout as JSON Lines, commands on stdin.</source>
        <translation>CloseCall: eine Konsole für WebSocket-Server, die Verbindungen so schließt, wie es ein echter Server täte. --headless: Ereignisse als JSON Lines auf stdout, Befehle auf stdin.</translation>
    </message>
    <message>
        <source>Run without a window: JSON Lines events on stdout, commands on stdin.</source>
        <translation>Ohne Fenster laufen: Ereignisse als JSON Lines auf stdout, Befehle auf stdin.</translation>
    </message>
    <message>
        <source>Listen on HOST:PORT (default 127.0.0.1:9001; IPv6 as [::1]:9001; port 0 = any free port).</source>
        <translation>Auf HOST:PORT lauschen (Standard 127.0.0.1:9001; IPv6 als [::1]:9001; Port 0 = ein beliebiger freier Port).</translation>
    </message>
    <message>
        <source>PEM certificate (with --tls-key): serve wss://.</source>
        <translation>PEM-Zertifikat (mit --tls-key): wss:// anbieten.</translation>
    </message>
    <message>
        <source>PEM private key (with --tls-cert).</source>
        <translation>Privater PEM-Schlüssel (mit --tls-cert).</translation>
    </message>
    <message>
        <source>Echo each data message while Open.</source>
        <translation>Jede Datennachricht zurücksenden, solange Open.</translation>
    </message>
    <message>
        <source>Leave a peer&apos;s Close unanswered until a command answers it.</source>
        <translation>Das Close einer Gegenstelle unbeantwortet lassen, bis ein Befehl es beantwortet.</translation>
    </message>
    <message>
        <source>Do not answer Pings.</source>
        <translation>Pings nicht beantworten.</translation>
    </message>
    <message>
        <source>Offer a subprotocol (repeat, in preference order).</source>
        <translation>Ein Subprotokoll anbieten (wiederholbar, in Reihenfolge der Präferenz).</translation>
    </message>
    <message>
        <source>Accept this Origin only (repeat; none given = any origin).</source>
        <translation>Nur diesen Origin annehmen (wiederholbar; keiner angegeben = jeder Origin).</translation>
    </message>
    <message>
        <source>Refuse upgrades beyond N connections with 503 (default %1).</source>
        <translation>Upgrades über N Verbindungen hinaus mit 503 ablehnen (Standard %1).</translation>
    </message>
    <message>
        <source>Close with 1009 on a larger message (default %1).</source>
        <translation>Bei einer größeren Nachricht mit 1009 schließen (Standard %1).</translation>
    </message>
    <message>
        <source>Drop a client whose upgrade is not done in time (default %1).</source>
        <translation>Einen Client trennen, dessen Upgrade nicht rechtzeitig fertig ist (Standard %1).</translation>
    </message>
    <message>
        <source>close: abort when the peer&apos;s Close has not come (default %1).</source>
        <translation>close: abbrechen, wenn das Close der Gegenstelle nicht gekommen ist (Standard %1).</translation>
    </message>
    <message>
        <source>close_output: abort when the peer&apos;s Close has not come (default %1; 0 = never).</source>
        <translation>close_output: abbrechen, wenn das Close der Gegenstelle nicht gekommen ist (Standard %1; 0 = nie).</translation>
    </message>
    <message>
        <source>Write every event to FILE as it happens.</source>
        <translation>Jedes Ereignis sofort in DATEI schreiben.</translation>
    </message>
    <message>
        <source>jsonl, text or csv (default: from the file&apos;s suffix, else jsonl).</source>
        <translation>jsonl, text oder csv (Standard: nach der Dateiendung, sonst jsonl).</translation>
    </message>
    <message>
        <source>Leave message_in/out and ping/pong events out of stdout (for benchmarks); --log-file still gets them. Without --log-file the engine does not produce them at all, so export lacks them too.</source>
        <translation>message_in/out- und Ping/Pong-Ereignisse nicht auf stdout ausgeben (für Benchmarks); --log-file erhält sie trotzdem. Ohne --log-file erzeugt die Engine sie gar nicht, daher fehlen sie auch im Export.</translation>
    </message>
    <message>
        <source>%1: unknown option (see --help)</source>
        <translation>%1: unbekannte Option (siehe --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (options start with --; see --help)</source>
        <translation>unerwartetes Argument „%1“ (Optionen beginnen mit --; siehe --help)</translation>
    </message>
    <message>
        <source>given %1 times; give it once</source>
        <translation>%1-mal angegeben; nur einmal angeben</translation>
    </message>
    <message>
        <source>needs --tls-key (both or neither)</source>
        <translation>braucht --tls-key (beide oder keines)</translation>
    </message>
    <message>
        <source>needs --tls-cert (both or neither)</source>
        <translation>braucht --tls-cert (beide oder keines)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid subprotocol name (an HTTP token: letters, digits and !#$%&amp;&apos;*+-.^_`|~, no spaces or commas)</source>
        <translation>„%1“ ist kein gültiger Subprotokollname (ein HTTP-Token: Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~, keine Leerzeichen oder Kommas)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice</source>
        <translation>„%1“ ist doppelt angegeben</translation>
    </message>
    <message>
        <source>the file name is empty</source>
        <translation>der Dateiname ist leer</translation>
    </message>
    <message>
        <source>needs --log-file</source>
        <translation>braucht --log-file</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of jsonl, text, csv</source>
        <translation>„%1“ ist keines von jsonl, text, csv</translation>
    </message>
    <message>
        <source>HAR is one JSON document and cannot be written as events happen; use .jsonl, .log or .csv (or --log-format), and the export command for HAR</source>
        <translation>HAR ist ein einziges JSON-Dokument und kann nicht beim Eintreten der Ereignisse geschrieben werden; .jsonl, .log oder .csv (oder --log-format) verwenden und für HAR den export-Befehl</translation>
    </message>
    <message>
        <source>Bytes all connections together may hold of unfinished messages; the connection that would pass it is closed with 1009 (default %1).</source>
        <translation>Bytes, die alle Verbindungen zusammen von unfertigen Nachrichten halten dürfen; die Verbindung, die die Grenze überschreiten würde, wird mit 1009 geschlossen (Standard %1).</translation>
    </message>
    <message>
        <source>Close with 1008 a connection whose message is not finished in time (default %1; 0 = never).</source>
        <translation>Eine Verbindung, deren Nachricht nicht rechtzeitig fertig wird, mit 1008 schließen (Standard %1; 0 = nie).</translation>
    </message>
    <message>
        <source>Once listening, connect a handful of built-in misbehaving peers to the server itself, to have live connections to close.</source>
        <translation>Sobald der Server lauscht, eine Handvoll eingebauter, sich danebenbenehmender Gegenstellen mit ihm selbst verbinden, damit es offene Verbindungen zum Schließen gibt.</translation>
    </message>
    <message>
        <source>Accept permessage-deflate (RFC 7692) when a client offers it.</source>
        <translation>permessage-deflate (RFC 7692) annehmen, wenn ein Client es anbietet.</translation>
    </message>
    <message>
        <source>With --deflate: compress within a window of 2^N bytes, N 9 to 15 (default 15).</source>
        <translation>Mit --deflate: innerhalb eines Fensters von 2^N Bytes komprimieren, N 9 bis 15 (Standard 15).</translation>
    </message>
    <message>
        <source>With --deflate: ask a client that allows it to compress within 2^N bytes, N 8 to 15 (default 15).</source>
        <translation>Mit --deflate: einen Client, der es zulässt, bitten, innerhalb von 2^N Bytes zu komprimieren, N 8 bis 15 (Standard 15).</translation>
    </message>
    <message>
        <source>With --deflate: compress every message on its own (less memory, larger messages).</source>
        <translation>Mit --deflate: jede Nachricht für sich komprimieren (weniger Speicher, größere Nachrichten).</translation>
    </message>
    <message>
        <source>With --deflate: ask the client to compress every message on its own.</source>
        <translation>Mit --deflate: den Client bitten, jede Nachricht für sich zu komprimieren.</translation>
    </message>
    <message>
        <source>needs --deflate</source>
        <translation>braucht --deflate</translation>
    </message>
    <message>
        <source>Proxy mode: relay every client to this ws:// or wss:// server, both ways, and log both legs.</source>
        <translation>Proxy-Modus: jeden Client in beide Richtungen an diesen ws://- oder wss://-Server weiterleiten und beide Strecken protokollieren.</translation>
    </message>
    <message>
        <source>With --proxy-to: connect to the target&apos;s own path and query only (without it the client&apos;s path and query are appended).</source>
        <translation>Mit --proxy-to: nur mit dem eigenen Pfad und der eigenen Query des Ziels verbinden (ohne diese Option werden Pfad und Query des Clients angehängt).</translation>
    </message>
    <message>
        <source>With --proxy-to: hold every Close instead of passing it on; a command decides what the other side sees.</source>
        <translation>Mit --proxy-to: jedes Close zurückhalten, statt es weiterzugeben; ein Befehl entscheidet, was die andere Seite sieht.</translation>
    </message>
    <message>
        <source>With --proxy-to wss://: accept a server certificate that fails verification.</source>
        <translation>Mit --proxy-to wss://: ein Serverzertifikat annehmen, dessen Prüfung fehlschlägt.</translation>
    </message>
    <message>
        <source>the demo&apos;s peers connect to CloseCall&apos;s own server; it does not go with --proxy-to</source>
        <translation>die Gegenstellen der Demo verbinden sich mit dem eigenen Server von CloseCall; das passt nicht zu --proxy-to</translation>
    </message>
    <message>
        <source>the server behind --proxy-to answers, not CloseCall; it does not go with --proxy-to</source>
        <translation>es antwortet der Server hinter --proxy-to, nicht CloseCall; das passt nicht zu --proxy-to</translation>
    </message>
    <message>
        <source>in proxy mode a Close is relayed or held (see --proxy-hold-closes); it does not go with --proxy-to</source>
        <translation>im Proxy-Modus wird ein Close weitergeleitet oder zurückgehalten (siehe --proxy-hold-closes); das passt nicht zu --proxy-to</translation>
    </message>
    <message>
        <source>in proxy mode the client&apos;s offer goes to the server and the server chooses; it does not go with --proxy-to</source>
        <translation>im Proxy-Modus geht das Angebot des Clients an den Server, und der Server wählt; das passt nicht zu --proxy-to</translation>
    </message>
    <message>
        <source>needs --proxy-to</source>
        <translation>braucht --proxy-to</translation>
    </message>
</context>
<context>
    <name>CommandParser</name>
    <message>
        <source>write terms such as conn:3,4 event:message_in,closed state:CloseSent (all must hold)</source>
        <translation>Terme wie conn:3,4 event:message_in,closed state:CloseSent schreiben (alle müssen zutreffen)</translation>
    </message>
    <message>
        <source>filter term &apos;%1&apos; is not key:value; %2</source>
        <translation>Filterterm „%1“ ist nicht Schlüssel:Wert; %2</translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not a connection id</source>
        <translation>Filter: „%1“ ist keine Verbindungs-ID</translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not an event name (e.g. open, message_in, close_sent, closed)</source>
        <translation>Filter: „%1“ ist kein Ereignisname (z. B. open, message_in, close_sent, closed)</translation>
    </message>
    <message>
        <source>filter: &apos;%1&apos; is not a state (Connecting, Open, CloseSent, CloseReceived, Closed, Aborted)</source>
        <translation>Filter: „%1“ ist kein Zustand (Connecting, Open, CloseSent, CloseReceived, Closed, Aborted)</translation>
    </message>
    <message>
        <source>filter: unknown key &apos;%1&apos;; %2</source>
        <translation>Filter: unbekannter Schlüssel „%1“; %2</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>&apos;conn&apos; must be an id, a list of ids or &quot;all&quot;</source>
        <translation>„conn“ muss eine ID, eine Liste von IDs oder &quot;all&quot; sein</translation>
    </message>
    <message>
        <source>&apos;conn&apos; is missing: give an id, a list of ids or &quot;all&quot;</source>
        <translation>„conn“ fehlt: eine ID, eine Liste von IDs oder &quot;all&quot; angeben</translation>
    </message>
    <message>
        <source>connection id %1 is not valid; ids are whole numbers from 1</source>
        <translation>Verbindungs-ID %1 ist ungültig; IDs sind ganze Zahlen ab 1</translation>
    </message>
    <message>
        <source>&apos;conn&apos; is an empty list; give at least one id, or &quot;all&quot;</source>
        <translation>„conn“ ist eine leere Liste; mindestens eine ID oder &quot;all&quot; angeben</translation>
    </message>
    <message>
        <source>code %1 is not a close code number; codes are whole numbers from 0 to 65535 (usable: 1000-1003, 1007-1014, 3000-4999)</source>
        <translation>Code %1 ist keine Close-Code-Zahl; Codes sind ganze Zahlen von 0 bis 65535 (verwendbar: 1000-1003, 1007-1014, 3000-4999)</translation>
    </message>
    <message>
        <source>&apos;code&apos; must be a number, a registry name such as &quot;GoingAway&quot; or &quot;EndpointUnavailable&quot;, or null for an empty Close; got %1</source>
        <translation>„code“ muss eine Zahl, ein Registername wie &quot;GoingAway&quot; oder &quot;EndpointUnavailable&quot; oder null für ein leeres Close sein; erhalten: %1</translation>
    </message>
    <message>
        <source>code %1 cannot be sent: %2</source>
        <translation>Code %1 kann nicht gesendet werden: %2</translation>
    </message>
    <message>
        <source>&apos;reason&apos; must be a string; got %1</source>
        <translation>„reason“ muss eine Zeichenkette sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;timeout_ms&apos; must be a whole number of milliseconds from 0 to %1; got %2</source>
        <translation>„timeout_ms“ muss eine ganze Zahl von Millisekunden von 0 bis %1 sein; erhalten: %2</translation>
    </message>
    <message>
        <source>&apos;timeout_ms&apos; 0 (never) is only for close_output; close needs at least 1 ms (or use abort)</source>
        <translation>„timeout_ms“ 0 (nie) gibt es nur für close_output; close braucht mindestens 1 ms (oder abort verwenden)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a base64 string; got %2</source>
        <translation>„%1“ muss eine base64-Zeichenkette sein; erhalten: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid base64: </source>
        <translation>„%1“ ist kein gültiges base64: </translation>
    </message>
    <message>
        <source> (base64url is not accepted; use + and /)</source>
        <translation> (base64url wird nicht angenommen; + und / verwenden)</translation>
    </message>
    <message>
        <source>character &apos;%1&apos; at offset %2</source>
        <translation>Zeichen „%1“ an Position %2</translation>
    </message>
    <message>
        <source>its length or its &apos;=&apos; padding is wrong (%1 characters)</source>
        <translation>seine Länge oder sein „=“-Auffüllen ist falsch (%1 Zeichen)</translation>
    </message>
    <message>
        <source>give &apos;text&apos; or &apos;binary&apos;, not both</source>
        <translation>„text“ oder „binary“ angeben, nicht beides</translation>
    </message>
    <message>
        <source>send needs &apos;text&apos; (a string) or &apos;binary&apos; (base64)</source>
        <translation>send braucht „text“ (eine Zeichenkette) oder „binary“ (base64)</translation>
    </message>
    <message>
        <source>&apos;text&apos; must be a string; got %1</source>
        <translation>„text“ muss eine Zeichenkette sein; erhalten: %1</translation>
    </message>
    <message>
        <source>give &apos;payload&apos; or &apos;binary&apos;, not both</source>
        <translation>„payload“ oder „binary“ angeben, nicht beides</translation>
    </message>
    <message>
        <source>&apos;payload&apos; must be a string; got %1</source>
        <translation>„payload“ muss eine Zeichenkette sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false; got %2</source>
        <translation>„%1“ muss true oder false sein; erhalten: %2</translation>
    </message>
    <message>
        <source>export needs &apos;path&apos; (the file to write)</source>
        <translation>export braucht „path“ (die zu schreibende Datei)</translation>
    </message>
    <message>
        <source>&apos;path&apos; must be a non-empty string</source>
        <translation>„path“ muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>&apos;path&apos; contains a NUL character (\u0000 at position %1); file names cannot contain one</source>
        <translation>„path“ enthält ein NUL-Zeichen (\u0000 an Position %1); Dateinamen können keines enthalten</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be one of jsonl, text, csv, har; got %1</source>
        <translation>„format“ muss eines von jsonl, text, csv, har sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;filter&apos; must be a string; got %1</source>
        <translation>„filter“ muss eine Zeichenkette sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;id&apos; must be a string or a number; got %1</source>
        <translation>„id“ muss eine Zeichenkette oder eine Zahl sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;cmd&apos; must be a string; got %1</source>
        <translation>„cmd“ muss eine Zeichenkette sein; erhalten: %1</translation>
    </message>
    <message>
        <source>unknown cmd &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>unbekannter Befehl „%1“ (meinten Sie „%2“?)</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;: %2 takes none</source>
        <translation>unbekanntes Feld „%1“: %2 nimmt keine</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; for %2 (it takes %3)</source>
        <translation>unbekanntes Feld „%1“ für %2 (es nimmt %3)</translation>
    </message>
    <message>
        <source>bad JSON at offset %1: %2</source>
        <translation>fehlerhaftes JSON an Position %1: %2</translation>
    </message>
    <message>
        <source>a command must be a JSON object such as {&quot;cmd&quot;: &quot;list&quot;}; got %1</source>
        <translation>ein Befehl muss ein JSON-Objekt wie {&quot;cmd&quot;: &quot;list&quot;} sein; erhalten: %1</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>ein Skalar</translation>
    </message>
    <message>
        <source>timeline needs &apos;conn&apos; (the id of the connection to draw)</source>
        <translation>timeline braucht „conn“ (die ID der zu zeichnenden Verbindung)</translation>
    </message>
    <message>
        <source>&apos;conn&apos; must be one connection id (a whole number from 1); got %1</source>
        <translation>„conn“ muss eine Verbindungs-ID sein (eine ganze Zahl ab 1); erhalten: %1</translation>
    </message>
    <message>
        <source>timeline needs &apos;path&apos; (the file to write)</source>
        <translation>timeline braucht „path“ (die zu schreibende Datei)</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be svg or png; got %1</source>
        <translation>„format“ muss svg oder png sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an array of strings; got %2</source>
        <translation>„%1“ muss ein Array von Zeichenketten sein; erhalten: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; item %2 must be a non-empty string; got %3</source>
        <translation>„%1“ Element %2 muss eine nicht leere Zeichenkette sein; erhalten: %3</translation>
    </message>
    <message>
        <source>connect needs &apos;url&apos; (ws://host:port/path or wss://…)</source>
        <translation>connect braucht „url“ (ws://host:port/pfad oder wss://…)</translation>
    </message>
    <message>
        <source>&apos;url&apos; must be a non-empty string such as &quot;ws://127.0.0.1:8080/&quot;; got %1</source>
        <translation>„url“ muss eine nicht leere Zeichenkette wie „ws://127.0.0.1:8080/“ sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;count&apos; must be a whole number of connections from 1; got %1</source>
        <translation>„count“ muss eine ganze Zahl von Verbindungen ab 1 sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;behaviour&apos; must be a string such as &quot;traffic=text; on-close=delay&quot;; got %1</source>
        <translation>„behaviour“ muss eine Zeichenkette wie „traffic=text; on-close=delay“ sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;insecure&apos; must be true or false; got %1</source>
        <translation>„insecure“ muss true oder false sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;deflate&apos; must be true or false; got %1</source>
        <translation>„deflate“ muss true oder false sein; erhalten: %1</translation>
    </message>
    <message>
        <source>&apos;cmd&apos; is missing; commands are list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</source>
        <translation>„cmd“ fehlt; Befehle sind list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</translation>
    </message>
    <message>
        <source>unknown cmd &apos;%1&apos;; commands are list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</source>
        <translation>unbekannter Befehl „%1“; Befehle sind list, close, close_output, abort, send, ping, set, export, quit, timeline, connect</translation>
    </message>
    <message>
        <source>set needs at least one of echo, manual_ack, auto_pong (in proxy mode also hold_closes)</source>
        <translation>set braucht mindestens eines von echo, manual_ack, auto_pong (im Proxy-Modus auch hold_closes)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is for the whole server and does not apply to a proxy&apos;s legs; it does not go with &apos;%2&apos; (send it in a set of its own)</source>
        <translation>„%1“ gilt für den ganzen Server und nicht für die Strecken eines Proxys; es passt nicht zu „%2“ (in einem eigenen set senden)</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>protocol error, answered with %1: %2</source>
        <translation>Protokollfehler, beantwortet mit %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the end of the connection ignored</source>
        <translation>
            <numerusform>%n Byte nach dem Ende der Verbindung ignoriert</numerusform>
            <numerusform>%n Bytes nach dem Ende der Verbindung ignoriert</numerusform>
        </translation>
    </message>
    <message>
        <source>the client reset the connection before completing the upgrade</source>
        <translation>der Client hat die Verbindung vor Abschluss des Upgrades zurückgesetzt</translation>
    </message>
    <message>
        <source>the client closed the connection before completing the upgrade</source>
        <translation>der Client hat die Verbindung vor Abschluss des Upgrades geschlossen</translation>
    </message>
    <message>
        <source>the server is at its limit of %1 open connections</source>
        <translation>der Server hat seine Grenze von %1 offenen Verbindungen erreicht</translation>
    </message>
    <message>
        <source>no complete upgrade request within %1 ms</source>
        <translation>keine vollständige Upgrade-Anfrage innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>no 101 Switching Protocols within %1 ms</source>
        <translation>kein 101 Switching Protocols innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>unfinished messages would hold %1 bytes on all connections together, over the limit of %2 (--max-unfinished-bytes); this connection held %3 of them</source>
        <translation>unfertige Nachrichten würden auf allen Verbindungen zusammen %1 Bytes halten, über der Grenze von %2 (--max-unfinished-bytes); diese Verbindung hielt %3 davon</translation>
    </message>
    <message>
        <source>the server&apos;s limit for unfinished messages is reached</source>
        <translation>die Grenze des Servers für unfertige Nachrichten ist erreicht</translation>
    </message>
    <message>
        <source>a message was not finished within %1 ms (--message-timeout); %2 bytes of it were held</source>
        <translation>eine Nachricht wurde nicht innerhalb von %1 ms fertig (--message-timeout); %2 Bytes davon wurden gehalten</translation>
    </message>
    <message>
        <source>message not finished within %1 ms</source>
        <translation>Nachricht nicht innerhalb von %1 ms fertig</translation>
    </message>
    <message>
        <source>%1: closing (our Close is already out)</source>
        <translation>%1: wird geschlossen (unser Close ist bereits gesendet)</translation>
    </message>
    <message>
        <source>%1: closing with %2</source>
        <translation>%1: wird mit %2 geschlossen</translation>
    </message>
    <message>
        <source>the server did not finish the TLS handshake within %1 ms</source>
        <translation>der Server hat den TLS-Handshake nicht innerhalb von %1 ms abgeschlossen</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>conn %1: %2</source>
        <translation>Verb. %1: %2</translation>
    </message>
    <message>
        <source>TLS needs both a certificate (--tls-cert) and a key (--tls-key)</source>
        <translation>TLS braucht sowohl ein Zertifikat (--tls-cert) als auch einen Schlüssel (--tls-key)</translation>
    </message>
    <message>
        <source>TLS is not available: Qt found no TLS backend (OpenSSL)</source>
        <translation>TLS ist nicht verfügbar: Qt hat kein TLS-Backend (OpenSSL) gefunden</translation>
    </message>
    <message>
        <source>cannot read the TLS certificate %1: %2</source>
        <translation>das TLS-Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>cannot read the TLS key %1: %2</source>
        <translation>der TLS-Schlüssel %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA, EC or DSA, without a passphrase)</source>
        <translation>%1 enthält keinen privaten PEM-Schlüssel (RSA, EC oder DSA, ohne Passphrase)</translation>
    </message>
    <message>
        <source>cannot create the epoll set: %1</source>
        <translation>die epoll-Menge kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>port %1 on %2 is already in use</source>
        <translation>Port %1 auf %2 ist bereits belegt</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
    <message>
        <source>could not set up the socket of an accepted connection</source>
        <translation>der Socket einer angenommenen Verbindung konnte nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>the server is already stopping</source>
        <translation>der Server wird bereits gestoppt</translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation>der Server fährt herunter</translation>
    </message>
    <message>
        <source>count is %1; give 1 to %2 connections</source>
        <translation>die Anzahl ist %1; 1 bis %2 Verbindungen angeben</translation>
    </message>
    <message>
        <source>the header %1 is not &quot;Name: value&quot;</source>
        <translation>der Header %1 ist nicht „Name: Wert“</translation>
    </message>
    <message>
        <source>could not set up the socket of an outgoing connection</source>
        <translation>der Socket einer ausgehenden Verbindung konnte nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>the events are written more slowly than they come (%1 KiB of them wait for stdout, the log file or the window): reading from every peer and accepting connections pause until fewer than %2 KiB wait</source>
        <translation>die Ereignisse werden langsamer geschrieben, als sie kommen (%1 KiB davon warten auf stdout, die Protokolldatei oder das Fenster): das Lesen von allen Gegenstellen und das Annehmen von Verbindungen pausieren, bis weniger als %2 KiB warten</translation>
    </message>
    <message numerus="yes">
        <source>; %n pause(s) since the last such notice</source>
        <translation>
            <numerusform>; %n Pause seit dem letzten solchen Hinweis</numerusform>
            <numerusform>; %n Pausen seit dem letzten solchen Hinweis</numerusform>
        </translation>
    </message>
    <message>
        <source>wss:// needs TLS, and Qt found no TLS library (OpenSSL)</source>
        <translation>wss:// braucht TLS, und Qt hat keine TLS-Bibliothek (OpenSSL) gefunden</translation>
    </message>
    <message>
        <source>insecure applies to wss:// only</source>
        <translation>insecure gilt nur für wss://</translation>
    </message>
    <message>
        <source>hold_closes and a per-connection auto_pong apply in proxy mode only (--proxy-to)</source>
        <translation>hold_closes und ein auto_pong pro Verbindung gelten nur im Proxy-Modus (--proxy-to)</translation>
    </message>
    <message>
        <source>give auto_pong or hold_closes (or both) to set</source>
        <translation>set auto_pong oder hold_closes (oder beides) mitgeben</translation>
    </message>
    <message>
        <source>conn %1: not a leg of a proxy pair (it was opened with connect)</source>
        <translation>conn %1: keine Strecke eines Proxy-Paares (sie wurde mit connect geöffnet)</translation>
    </message>
</context>
<context>
    <name>EventJson</name>
    <message>
        <source>the object has no &quot;event&quot;</source>
        <translation>das Objekt hat kein „event“</translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;</source>
        <translation>unbekanntes Ereignis „%1“</translation>
    </message>
</context>
<context>
    <name>Handshake</name>
    <message>
        <source>header line %1 starts with whitespace (obsolete line folding, RFC 9112 §5.2); send each header on one line.</source>
        <translation>Header-Zeile %1 beginnt mit Leerraum (veraltete Zeilenfaltung, RFC 9112 §5.2); jeden Header in einer Zeile senden.</translation>
    </message>
    <message>
        <source>header line %1 has no &apos;:&apos; (%2); each header must be &quot;Name: value&quot;.</source>
        <translation>Header-Zeile %1 hat kein „:“ (%2); jeder Header muss „Name: Wert“ lauten.</translation>
    </message>
    <message>
        <source>header line %1 has an invalid name %2 (empty, or with spaces or separators before the &apos;:&apos;).</source>
        <translation>Header-Zeile %1 hat einen ungültigen Namen %2 (leer oder mit Leerzeichen oder Trennzeichen vor dem „:“).</translation>
    </message>
    <message>
        <source>header %1 contains a bare CR, LF or NUL; lines must end with CRLF.</source>
        <translation>Header %1 enthält ein einzelnes CR, LF oder NUL; Zeilen müssen mit CRLF enden.</translation>
    </message>
    <message>
        <source>the client started a TLS handshake on a plain ws:// port; connect with ws:// or start the server with --tls-cert and --tls-key.</source>
        <translation>der Client hat auf einem einfachen ws://-Port einen TLS-Handshake begonnen; mit ws:// verbinden oder den Server mit --tls-cert und --tls-key starten.</translation>
    </message>
    <message>
        <source>line %1 ends with a bare LF; HTTP lines end with CRLF.</source>
        <translation>Zeile %1 endet mit einem einzelnen LF; HTTP-Zeilen enden mit CRLF.</translation>
    </message>
    <message>
        <source>the request header block is over %1 bytes; send fewer or shorter headers (cookies are the usual culprit).</source>
        <translation>der Header-Block der Anfrage ist über %1 Bytes groß; weniger oder kürzere Header senden (meist sind Cookies schuld).</translation>
    </message>
    <message>
        <source>the request line %1 is not &quot;GET /path HTTP/1.1&quot;.</source>
        <translation>die Anfragezeile %1 ist nicht „GET /pfad HTTP/1.1“.</translation>
    </message>
    <message>
        <source>the request line ends with %1 where the HTTP version belongs; send HTTP/1.1.</source>
        <translation>die Anfragezeile endet mit %1, wo die HTTP-Version stehen sollte; HTTP/1.1 senden.</translation>
    </message>
    <message>
        <source>the request is %1; a WebSocket upgrade needs HTTP/1.1 (RFC 6455 §4.1).</source>
        <translation>die Anfrage ist %1; ein WebSocket-Upgrade braucht HTTP/1.1 (RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the method is %1; a WebSocket upgrade must be a GET (RFC 6455 §4.1).</source>
        <translation>die Methode ist %1; ein WebSocket-Upgrade muss ein GET sein (RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the upgrade request has a %1 header (%2); a WebSocket upgrade is a GET without a body.</source>
        <translation>die Upgrade-Anfrage hat einen %1-Header (%2); ein WebSocket-Upgrade ist ein GET ohne Body.</translation>
    </message>
    <message>
        <source>the request target %1 is not a path; send one like /chat.</source>
        <translation>das Anfrageziel %1 ist kein Pfad; einen wie /chat senden.</translation>
    </message>
    <message>
        <source>the Host header is missing (RFC 6455 §4.1 requires it).</source>
        <translation>der Host-Header fehlt (RFC 6455 §4.1 verlangt ihn).</translation>
    </message>
    <message>
        <source>the request has %1 Host headers; send exactly one.</source>
        <translation>die Anfrage hat %1 Host-Header; genau einen senden.</translation>
    </message>
    <message>
        <source>the Host header is empty; send the host and port.</source>
        <translation>der Host-Header ist leer; Host und Port senden.</translation>
    </message>
    <message>
        <source>the Upgrade header is missing; a WebSocket request sends &quot;Upgrade: websocket&quot;.</source>
        <translation>der Upgrade-Header fehlt; eine WebSocket-Anfrage sendet „Upgrade: websocket“.</translation>
    </message>
    <message>
        <source>Upgrade is %1; it must include websocket.</source>
        <translation>Upgrade ist %1; es muss websocket enthalten.</translation>
    </message>
    <message>
        <source>the Connection header is missing; a WebSocket request sends &quot;Connection: Upgrade&quot;.</source>
        <translation>der Connection-Header fehlt; eine WebSocket-Anfrage sendet „Connection: Upgrade“.</translation>
    </message>
    <message>
        <source>Connection is %1; it must include Upgrade.</source>
        <translation>Connection ist %1; es muss Upgrade enthalten.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Version is missing; only 13 is supported.</source>
        <translation>Sec-WebSocket-Version fehlt; nur 13 wird unterstützt.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Version is %1; only 13 is supported.</source>
        <translation>Sec-WebSocket-Version ist %1; nur 13 wird unterstützt.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key is missing; send 16 random bytes, base64-encoded.</source>
        <translation>Sec-WebSocket-Key fehlt; 16 zufällige Bytes base64-kodiert senden.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1); send 16 random bytes, base64-encoded (24 characters).</source>
        <translation>Sec-WebSocket-Key %1 sind keine 16 Bytes in base64 (RFC 6455 §4.1); 16 zufällige Bytes base64-kodiert senden (24 Zeichen).</translation>
    </message>
    <message>
        <source>the request has no Origin header and only these origins are allowed: %1.</source>
        <translation>die Anfrage hat keinen Origin-Header, und nur diese Origins sind erlaubt: %1.</translation>
    </message>
    <message>
        <source>Origin %1 is not allowed; allowed: %2.</source>
        <translation>Origin %1 ist nicht erlaubt; erlaubt: %2.</translation>
    </message>
    <message>
        <source>the response does not start with an HTTP status line: %1.</source>
        <translation>die Antwort beginnt nicht mit einer HTTP-Statuszeile: %1.</translation>
    </message>
    <message>
        <source>the 101 response is %1, not HTTP/1.1.</source>
        <translation>die 101-Antwort ist %1, nicht HTTP/1.1.</translation>
    </message>
    <message>
        <source>the response is malformed: %1</source>
        <translation>die Antwort ist fehlerhaft: %1</translation>
    </message>
    <message>
        <source>the server answered %1 instead of 101 Switching Protocols.</source>
        <translation>der Server antwortete %1 statt 101 Switching Protocols.</translation>
    </message>
    <message>
        <source>the 101 has Upgrade %1; it must be websocket.</source>
        <translation>die 101 hat Upgrade %1; es muss websocket sein.</translation>
    </message>
    <message>
        <source>the 101 has Connection %1; it must include Upgrade.</source>
        <translation>die 101 hat Connection %1; es muss Upgrade enthalten.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept is %1; expected %2 for our key.</source>
        <translation>Sec-WebSocket-Accept ist %1; für unseren Schlüssel erwartet: %2.</translation>
    </message>
    <message>
        <source>the server chose extensions (%1) that were not offered.</source>
        <translation>der Server hat Erweiterungen gewählt (%1), die nicht angeboten wurden.</translation>
    </message>
    <message>
        <source>the server chose subprotocol %1 but none was offered.</source>
        <translation>der Server hat das Subprotokoll %1 gewählt, obwohl keines angeboten wurde.</translation>
    </message>
    <message>
        <source>the server chose subprotocol %1, which is not one offered (%2).</source>
        <translation>der Server hat das Subprotokoll %1 gewählt, das nicht angeboten wurde (%2).</translation>
    </message>
    <message>
        <source>the host %1 is empty or not printable ASCII; give a host name (IDNA-encoded) or an address, with the port if it is not the scheme&apos;s.</source>
        <translation>der Host %1 ist leer oder kein druckbares ASCII; einen Hostnamen (IDNA-kodiert) oder eine Adresse angeben, mit dem Port, wenn es nicht der des Schemas ist.</translation>
    </message>
    <message>
        <source>the request target %1 must start with &apos;/&apos; and be printable ASCII without spaces (percent-encode the rest).</source>
        <translation>das Anfrageziel %1 muss mit &apos;/&apos; beginnen und druckbares ASCII ohne Leerzeichen sein (den Rest prozentkodieren).</translation>
    </message>
    <message>
        <source>the subprotocol %1 is not a token (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only, RFC 6455 §4.1).</source>
        <translation>das Subprotokoll %1 ist kein Token (nur Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~, RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the subprotocol %1 is offered twice.</source>
        <translation>das Subprotokoll %1 wird zweimal angeboten.</translation>
    </message>
    <message>
        <source>the Origin %1 contains CR, LF or another control character.</source>
        <translation>der Origin %1 enthält CR, LF oder ein anderes Steuerzeichen.</translation>
    </message>
    <message>
        <source>the Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1).</source>
        <translation>der Sec-WebSocket-Key %1 ist nicht 16 Bytes in Base64 (RFC 6455 §4.1).</translation>
    </message>
    <message>
        <source>the header name %1 is not a token (no spaces, colons, CR or LF).</source>
        <translation>der Header-Name %1 ist kein Token (keine Leerzeichen, Doppelpunkte, CR oder LF).</translation>
    </message>
    <message>
        <source>the value of header %1 contains CR, LF or another control character.</source>
        <translation>der Wert des Headers %1 enthält CR, LF oder ein anderes Steuerzeichen.</translation>
    </message>
    <message>
        <source>the header %1 is the handshake&apos;s own; it cannot be set as an extra header (subprotocols have their own option).</source>
        <translation>der Header %1 gehört zum Handshake selbst; er kann nicht als zusätzlicher Header gesetzt werden (Subprotokolle haben eine eigene Option).</translation>
    </message>
    <message>
        <source>Origin is given twice: as the origin and as an extra header.</source>
        <translation>Origin ist zweimal angegeben: als Origin und als zusätzlicher Header.</translation>
    </message>
    <message>
        <source>the response header limit must be positive.</source>
        <translation>die Grenze für den Antwort-Header muss positiv sein.</translation>
    </message>
    <message>
        <source>the response header is over %1 bytes.</source>
        <translation>der Antwort-Header ist über %1 Bytes groß.</translation>
    </message>
    <message>
        <source>the 101 has no Sec-WebSocket-Accept; expected %1 for our key.</source>
        <translation>die 101 hat kein Sec-WebSocket-Accept; erwartet war %1 für unseren Schlüssel.</translation>
    </message>
    <message>
        <source>the server chose several subprotocols (%1), not one offered (%2); a server chooses exactly one.</source>
        <translation>der Server wählte mehrere Subprotokolle (%1), nicht eines der angebotenen (%2); ein Server wählt genau eines.</translation>
    </message>
    <message>
        <source>the server closed the connection without answering the upgrade.</source>
        <translation>der Server hat die Verbindung geschlossen, ohne auf das Upgrade zu antworten.</translation>
    </message>
    <message>
        <source>the server closed the connection in the middle of its response (%1 bytes received).</source>
        <translation>der Server hat die Verbindung mitten in seiner Antwort geschlossen (%1 Bytes empfangen).</translation>
    </message>
    <message>
        <source>Its body is %1 bytes of binary.</source>
        <translation>Ihr Inhalt sind %1 Bytes Binärdaten.</translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>Sie lautete: %1</translation>
    </message>
    <message>
        <source>the 101&apos;s Sec-WebSocket-Extensions is malformed: %1</source>
        <translation>der Sec-WebSocket-Extensions-Header der 101-Antwort ist fehlerhaft: %1</translation>
    </message>
    <message>
        <source>the server chose extensions (%1); only permessage-deflate was offered.</source>
        <translation>der Server hat Erweiterungen gewählt (%1); angeboten wurde nur permessage-deflate.</translation>
    </message>
    <message>
        <source>the server&apos;s permessage-deflate answer cannot be accepted: %1</source>
        <translation>die permessage-deflate-Antwort des Servers kann nicht angenommen werden: %1</translation>
    </message>
    <message>
        <source>the Sec-WebSocket-Extensions header is malformed: %1</source>
        <translation>der Header Sec-WebSocket-Extensions ist fehlerhaft: %1</translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <source>cannot accept connections: %1; retrying in %2 s</source>
        <translation>kann keine Verbindungen annehmen: %1; neuer Versuch in %2 s</translation>
    </message>
</context>
<context>
    <name>PeerBehaviour</name>
    <message>
        <source>behaviour: &quot;%1&quot; is not key=value</source>
        <translation>behaviour: „%1“ ist nicht key=value</translation>
    </message>
    <message>
        <source>behaviour: &quot;%1&quot; has no key; keys are %2</source>
        <translation>behaviour: „%1“ hat keinen Schlüssel; Schlüssel sind %2</translation>
    </message>
    <message>
        <source>behaviour: unknown key &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation>behaviour: unbekannter Schlüssel „%1“; meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>behaviour: unknown key &quot;%1&quot;; keys are %2</source>
        <translation>behaviour: unbekannter Schlüssel „%1“; Schlüssel sind %2</translation>
    </message>
    <message>
        <source>behaviour: %1 is given twice</source>
        <translation>behaviour: %1 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>behaviour: %1=%2 is not a whole number; give %3 to %4</source>
        <translation>behaviour: %1=%2 ist keine ganze Zahl; %3 bis %4 angeben</translation>
    </message>
    <message>
        <source>behaviour: %1=%2 is out of range; give %3 to %4</source>
        <translation>behaviour: %1=%2 liegt außerhalb des Bereichs; %3 bis %4 angeben</translation>
    </message>
    <message>
        <source>behaviour: %1 applies only with %2</source>
        <translation>behaviour: %1 gilt nur mit %2</translation>
    </message>
    <message>
        <source>behaviour: traffic=%1 is not one of %2</source>
        <translation>behaviour: traffic=%1 ist keines von %2</translation>
    </message>
    <message>
        <source>behaviour: on-close=%1 is not one of %2</source>
        <translation>behaviour: on-close=%1 ist keines von %2</translation>
    </message>
    <message>
        <source>behaviour: close-mode=%1 is not one of close, close_output</source>
        <translation>behaviour: close-mode=%1 ist keines von close, close_output</translation>
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
        <translation>der Upstream-Server hat die Verbindung nicht rechtzeitig angenommen: %1</translation>
    </message>
    <message>
        <source>the upstream server could not be reached: %1</source>
        <translation>der Upstream-Server war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>the client&apos;s upgrade failed before the upstream server answered: %1</source>
        <translation>das Upgrade des Clients ist fehlgeschlagen, bevor der Upstream-Server geantwortet hat: %1</translation>
    </message>
    <message>
        <source>the upstream server refused the upgrade: %1</source>
        <translation>der Upstream-Server hat das Upgrade abgelehnt: %1</translation>
    </message>
    <message>
        <source>the upstream server did not complete the upgrade in time: %1</source>
        <translation>der Upstream-Server hat das Upgrade nicht rechtzeitig abgeschlossen: %1</translation>
    </message>
    <message>
        <source>the upstream server&apos;s upgrade failed: %1</source>
        <translation>das Upgrade zum Upstream-Server ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the client leg has ended</source>
        <translation>die Client-Strecke ist beendet</translation>
    </message>
    <message>
        <source>the server leg has ended</source>
        <translation>die Server-Strecke ist beendet</translation>
    </message>
    <message>
        <source>the client leg already sent its Close</source>
        <translation>die Client-Strecke hat ihr Close bereits gesendet</translation>
    </message>
    <message>
        <source>the server leg already sent its Close</source>
        <translation>die Server-Strecke hat ihr Close bereits gesendet</translation>
    </message>
    <message>
        <source>the client leg is not open yet</source>
        <translation>die Client-Strecke ist noch nicht offen</translation>
    </message>
    <message>
        <source>the server leg is not open yet</source>
        <translation>die Server-Strecke ist noch nicht offen</translation>
    </message>
    <message>
        <source>the client left before the upstream server answered</source>
        <translation>der Client ist gegangen, bevor der Upstream-Server geantwortet hat</translation>
    </message>
</context>
<context>
    <name>ProxyUpgrade</name>
    <message>
        <source>the upstream request cannot be made of the client&apos;s: %1</source>
        <translation>die Upstream-Anfrage lässt sich nicht aus der des Clients bilden: %1</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>%1 message of %2 bytes after the peer&apos;s Close: dropped</source>
        <translation>%1-Nachricht mit %2 Bytes nach dem Close der Gegenstelle: verworfen</translation>
    </message>
    <message>
        <source>%1 frame after the peer&apos;s Close: ignored</source>
        <translation>%1-Frame nach dem Close der Gegenstelle: ignoriert</translation>
    </message>
</context>
<context>
    <name>TlsTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the client closed the connection during the TLS handshake</source>
        <translation>der Client hat die Verbindung während des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1; connect with insecure to accept it</source>
        <translation>TLS-Handshake fehlgeschlagen: %1; mit insecure verbinden, um es zu akzeptieren</translation>
    </message>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation>der Server hat die Verbindung während des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>TLS handshake failed: the server&apos;s answer is not TLS; is it a ws:// server? (%1)</source>
        <translation>TLS-Handshake fehlgeschlagen: die Antwort des Servers ist kein TLS; ist es ein ws://-Server? (%1)</translation>
    </message>
    <message>
        <source>the certificate is self-signed</source>
        <translation>das Zertifikat ist selbstsigniert</translation>
    </message>
    <message>
        <source>the certificate&apos;s chain ends in a self-signed certificate this system does not trust</source>
        <translation>die Kette des Zertifikats endet in einem selbstsignierten Zertifikat, dem dieses System nicht vertraut</translation>
    </message>
    <message>
        <source>the certificate names no host, and %1 was asked for</source>
        <translation>das Zertifikat nennt keinen Host, angefragt wurde %1</translation>
    </message>
    <message>
        <source>the certificate is for %1, not %2</source>
        <translation>das Zertifikat gilt für %1, nicht für %2</translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation>das Zertifikat ist am %1 abgelaufen</translation>
    </message>
    <message>
        <source>the certificate is not valid before %1</source>
        <translation>das Zertifikat ist erst ab %1 gültig</translation>
    </message>
    <message>
        <source>the certificate is not signed by a certificate authority this system trusts</source>
        <translation>das Zertifikat ist von keiner Zertifizierungsstelle signiert, der dieses System vertraut</translation>
    </message>
    <message>
        <source>the certificate is revoked</source>
        <translation>das Zertifikat ist widerrufen</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>der Server hat kein Zertifikat gesendet</translation>
    </message>
</context>
<context>
    <name>closecall::control::Controller</name>
    <message>
        <source>timeline is not available here: use File &gt; Export Timeline…</source>
        <translation>timeline ist hier nicht verfügbar: Verwenden Sie Datei &gt; Zeitleiste exportieren…</translation>
    </message>
    <message>
        <source>timeline: png needs the window (File &gt; Export Timeline…); headless writes svg (&quot;format&quot;: &quot;svg&quot;)</source>
        <translation>timeline: png braucht das Fenster (Datei &gt; Zeitleiste exportieren…); ohne Fenster wird svg geschrieben (&quot;format&quot;: &quot;svg&quot;)</translation>
    </message>
    <message>
        <source>connection %1 has no events in the log</source>
        <translation>Verbindung %1 hat keine Ereignisse im Protokoll</translation>
    </message>
</context>
<context>
    <name>closecall::control::EngineSession</name>
    <message>
        <source>server stopping</source>
        <translation>Server wird gestoppt</translation>
    </message>
    <message>
        <source>the server is stopping</source>
        <translation>der Server wird gestoppt</translation>
    </message>
    <message>
        <source>the server is not running</source>
        <translation>der Server läuft nicht</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n event(s) not written to it</source>
        <translation>
            <numerusform>%1; %n Ereignis nicht hineingeschrieben</numerusform>
            <numerusform>%1; %n Ereignisse nicht hineingeschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::monitor</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: use jsonl, text, csv or har</source>
        <translation>%1: jsonl, text, csv oder har verwenden</translation>
    </message>
    <message>
        <source>cannot tell the format of %1 from its suffix: name the format (jsonl, text, csv or har) or use .jsonl, .log, .txt, .csv or .har</source>
        <translation>das Format von %1 ist an der Endung nicht zu erkennen: das Format nennen (jsonl, text, csv oder har) oder .jsonl, .log, .txt, .csv oder .har verwenden</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>ein FIFO (benannte Pipe)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>ein symbolischer Link</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>the folder %1 does not exist (%2)</source>
        <translation>der Ordner %1 existiert nicht (%2)</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 is on %2, a kernel interface, where files cannot be created</source>
        <translation>%1 liegt auf %2, einer Kernel-Schnittstelle, auf der keine Dateien angelegt werden können</translation>
    </message>
    <message>
        <source>cannot create files in the folder %1: %2</source>
        <translation>im Ordner %1 können keine Dateien angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot write: no file name given</source>
        <translation>kann nicht schreiben: kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>the path contains a NUL character, which no file name can hold</source>
        <translation>der Pfad enthält ein NUL-Zeichen, das kein Dateiname enthalten kann</translation>
    </message>
    <message>
        <source>it is a symbolic link to %1; CloseCall does not write through symbolic links (the file it points at would be replaced): give %1 itself if that is the file you mean</source>
        <translation>es ist ein symbolischer Link auf %1; CloseCall schreibt nicht durch symbolische Links (die Datei, auf die er zeigt, würde ersetzt): %1 selbst angeben, wenn diese Datei gemeint ist</translation>
    </message>
    <message>
        <source>it is %1, not a regular file; exports and log files are written only to regular files</source>
        <translation>es ist %1, keine reguläre Datei; Exporte und Protokolldateien werden nur in reguläre Dateien geschrieben</translation>
    </message>
    <message>
        <source>it is a kernel interface file on %1, not a regular file for data</source>
        <translation>es ist eine Kernel-Schnittstellendatei auf %1, keine reguläre Datei für Daten</translation>
    </message>
    <message>
        <source>the PNG could not be encoded</source>
        <translation>das PNG konnte nicht kodiert werden</translation>
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
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation>Subprotokoll</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Msgs in</source>
        <translation>Nachr. ein</translation>
    </message>
    <message>
        <source>Msgs out</source>
        <translation>Nachr. aus</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close gesendet</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close empfangen</translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation>Begonnen von</translation>
    </message>
    <message>
        <source>Post-close rx</source>
        <translation>Nach Close empfangen</translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation>Wie es endete</translation>
    </message>
    <message>
        <source>The peer&apos;s Close arrived and is not answered yet: Close or Close Output will acknowledge it.</source>
        <translation>Das Close der Gegenstelle ist angekommen und noch nicht beantwortet: Close oder Close Output bestätigt es.</translation>
    </message>
    <message>
        <source>%1
reason: %2
mode: %3</source>
        <translation>%1
Grund: %2
Modus: %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>%1
reason: %2</source>
        <translation>%1
Grund: %2</translation>
    </message>
    <message>
        <source>%1; final status %2; TCP closed by the %3</source>
        <translation>%1; Endstatus %2; TCP geschlossen vom %3</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User agent: %1</source>
        <translation>User-Agent: %1</translation>
    </message>
    <message>
        <source>Close handshake</source>
        <translation>Close-Handshake</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Ack delay</source>
        <translation>Antwortverzug</translation>
    </message>
    <message numerus="yes">
        <source>%n of them crossed our Close: they were already here when it went out, so the peer sent them before it could see it.</source>
        <translation>
            <numerusform>%n davon hat sich mit unserem Close gekreuzt: Sie war schon hier, als es hinausging, die Gegenstelle hat sie also gesendet, bevor sie es sehen konnte.</numerusform>
            <numerusform>%n davon haben sich mit unserem Close gekreuzt: Sie waren schon hier, als es hinausging, die Gegenstelle hat sie also gesendet, bevor sie es sehen konnte.</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer closed first; its Close waited this long for our answer (with manual acknowledge, the operator&apos;s time).</source>
        <translation>Die Gegenstelle hat zuerst geschlossen; ihr Close hat so lange auf unsere Antwort gewartet (bei manueller Bestätigung die Zeit des Bedieners).</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>Outgoing connection to %1</source>
        <translation>Ausgehende Verbindung zu %1</translation>
    </message>
    <message>
        <source>Messages travel compressed (permessage-deflate, RFC 7692): the log shows each message&apos;s size on the wire beside its size</source>
        <translation>Nachrichten werden komprimiert übertragen (permessage-deflate, RFC 7692): das Protokoll zeigt neben der Größe jeder Nachricht ihre Größe auf der Leitung</translation>
    </message>
    <message>
        <source>Outgoing: CloseCall connected to %1 and is the client</source>
        <translation>Ausgehend: CloseCall hat sich mit %1 verbunden und ist der Client</translation>
    </message>
    <message>
        <source>Incoming: a client connected to CloseCall&apos;s server</source>
        <translation>Eingehend: ein Client hat sich mit dem Server von CloseCall verbunden</translation>
    </message>
    <message>
        <source>On this outgoing connection CloseCall is the client.</source>
        <translation>Bei dieser ausgehenden Verbindung ist CloseCall der Client.</translation>
    </message>
    <message>
        <source>On this incoming connection CloseCall is the server.</source>
        <translation>Bei dieser eingehenden Verbindung ist CloseCall der Server.</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::DisplayText</name>
    <message>
        <source>Empty (no status code)</source>
        <translation>Leer (kein Statuscode)</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Lauscht</translation>
    </message>
    <message>
        <source>Handshake failed</source>
        <translation>Handshake fehlgeschlagen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Message in</source>
        <translation>Nachricht ein</translation>
    </message>
    <message>
        <source>Message out</source>
        <translation>Nachricht aus</translation>
    </message>
    <message>
        <source>Ping in</source>
        <translation>Ping ein</translation>
    </message>
    <message>
        <source>Pong in</source>
        <translation>Pong ein</translation>
    </message>
    <message>
        <source>Ping out</source>
        <translation>Ping aus</translation>
    </message>
    <message>
        <source>Pong out</source>
        <translation>Pong aus</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close gesendet</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close empfangen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>in</source>
        <comment>direction: from the peer</comment>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <comment>direction: to the peer</comment>
        <translation>aus</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
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
        <translation>bestätigt das Close der Gegenstelle</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>server shutdown</source>
        <translation>Server heruntergefahren</translation>
    </message>
    <message>
        <source>close handshake</source>
        <translation>Close-Handshake</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>%1 (delivered)</source>
        <translation>%1 (zugestellt)</translation>
    </message>
    <message>
        <source>%1 (discarded)</source>
        <translation>%1 (verworfen)</translation>
    </message>
    <message>
        <source>%1 (%2 delivered, %3 discarded)</source>
        <translation>%1 (%2 zugestellt, %3 verworfen)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>aborted by the operator</source>
        <translation>vom Bediener abgebrochen</translation>
    </message>
    <message>
        <source>client reset TCP</source>
        <translation>Client hat TCP zurückgesetzt</translation>
    </message>
    <message>
        <source>client closed TCP</source>
        <translation>Client hat TCP geschlossen</translation>
    </message>
    <message>
        <source>Not relayed</source>
        <translation>Nicht weitergeleitet</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogFileWriter</name>
    <message>
        <source>har is one document and cannot be written as events arrive: use jsonl, text or csv for a log file, and export har</source>
        <translation>har ist ein einziges Dokument und kann nicht beim Eintreffen der Ereignisse geschrieben werden: für eine Protokolldatei jsonl, text oder csv verwenden und har exportieren</translation>
    </message>
    <message numerus="yes">
        <source>the log file %1 is written again; %n event(s) were not written to it while writing failed</source>
        <translation>
            <numerusform>die Protokolldatei %1 wird wieder geschrieben; %n Ereignis wurde nicht hineingeschrieben, solange das Schreiben fehlschlug</numerusform>
            <numerusform>die Protokolldatei %1 wird wieder geschrieben; %n Ereignisse wurden nicht hineingeschrieben, solange das Schreiben fehlschlug</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n event(s) not written (later events are still tried)</source>
        <translation>
            <numerusform>%1; %n Ereignis nicht geschrieben (spätere werden weiter versucht)</numerusform>
            <numerusform>%1; %n Ereignisse nicht geschrieben (spätere werden weiter versucht)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogFilterProxy</name>
    <message>
        <source>post-close: %1</source>
        <translation>nach Close: %1</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Conn</source>
        <translation>Verb.</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>post-close: %1</source>
        <translation>nach Close: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>initiated by %1</source>
        <translation>begonnen von %1</translation>
    </message>
    <message>
        <source>close handshake %1 ms</source>
        <translation>Close-Handshake %1 ms</translation>
    </message>
    <message>
        <source>TCP closed by the client</source>
        <translation>TCP vom Client geschlossen</translation>
    </message>
    <message>
        <source>TCP closed by the server</source>
        <translation>TCP vom Server geschlossen</translation>
    </message>
    <message>
        <source>subprotocol %1</source>
        <translation>Subprotokoll %1</translation>
    </message>
    <message>
        <source>origin %1</source>
        <translation>Origin %1</translation>
    </message>
    <message>
        <source>user agent %1</source>
        <translation>User-Agent %1</translation>
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
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>command %1: %2</source>
        <translation>Befehl %1: %2</translation>
    </message>
    <message>
        <source>#%1  %2  (t = %3 s)</source>
        <translation>#%1  %2  (t = %3 s)</translation>
    </message>
    <message>
        <source>crossed our Close</source>
        <translation>mit unserem Close gekreuzt</translation>
    </message>
    <message>
        <source>we sent %1</source>
        <translation>wir sendeten %1</translation>
    </message>
    <message>
        <source>answered after %1 ms</source>
        <translation>nach %1 ms beantwortet</translation>
    </message>
    <message>
        <source>outgoing, to %1</source>
        <translation>ausgehend, zu %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>control frame</source>
        <translation>Steuer-Frame</translation>
    </message>
    <message>
        <source>%1 of %2 bytes not passed on: %3</source>
        <translation>%1 (%2 Bytes) nicht weitergegeben: %3</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Pair %1, client leg: the client&apos;s connection to CloseCall</source>
        <translation>Paar %1, Client-Strecke: die Verbindung des Clients zu CloseCall</translation>
    </message>
    <message>
        <source>Pair %1, server leg: CloseCall&apos;s connection to the target</source>
        <translation>Paar %1, Server-Strecke: die Verbindung von CloseCall zum Ziel</translation>
    </message>
</context>
<context>
    <name>closecall::monitor::PairTableModel</name>
    <message>
        <source>The client leg: the client&apos;s connection to CloseCall, where CloseCall acts as the server</source>
        <translation>Die Client-Strecke: die Verbindung des Clients zu CloseCall, auf der CloseCall der Server ist</translation>
    </message>
    <message>
        <source>The server leg: CloseCall&apos;s connection to the target, where CloseCall acts as the client</source>
        <translation>Die Server-Strecke: die Verbindung von CloseCall zum Ziel, auf der CloseCall der Client ist</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Client leg</source>
        <translation>Client-Strecke</translation>
    </message>
    <message>
        <source>Server leg</source>
        <translation>Server-Strecke</translation>
    </message>
    <message>
        <source>C→S msgs</source>
        <translation>Nachr. C→S</translation>
    </message>
    <message>
        <source>S→C msgs</source>
        <translation>Nachr. S→C</translation>
    </message>
    <message>
        <source>Close to client</source>
        <translation>Close an Client</translation>
    </message>
    <message>
        <source>Close from client</source>
        <translation>Close vom Client</translation>
    </message>
    <message>
        <source>Client leg initiated by</source>
        <translation>Client-Strecke begonnen von</translation>
    </message>
    <message>
        <source>Client post-close rx</source>
        <translation>Client: nach Close empfangen</translation>
    </message>
    <message>
        <source>Close to server</source>
        <translation>Close an Server</translation>
    </message>
    <message>
        <source>Close from server</source>
        <translation>Close vom Server</translation>
    </message>
    <message>
        <source>Server leg initiated by</source>
        <translation>Server-Strecke begonnen von</translation>
    </message>
    <message>
        <source>Server post-close rx</source>
        <translation>Server: nach Close empfangen</translation>
    </message>
    <message>
        <source>Not relayed</source>
        <translation>Nicht weitergeleitet</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Closes</translation>
    </message>
    <message>
        <source>Client leg ended</source>
        <translation>Client-Strecke beendet</translation>
    </message>
    <message>
        <source>Server leg ended</source>
        <translation>Server-Strecke beendet</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>CloseCall</source>
        <translation>CloseCall</translation>
    </message>
    <message>
        <source>held</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>relayed</source>
        <translation>weitergeleitet</translation>
    </message>
    <message>
        <source>Client leg: connection %1; server leg: connection %2</source>
        <translation>Client-Strecke: Verbindung %1; Server-Strecke: Verbindung %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>A Close arrived on this leg and is not answered yet (closes held): Close or Close Output on this leg answers it.</source>
        <translation>Auf dieser Strecke ist ein Close angekommen und noch nicht beantwortet (Closes zurückgehalten): Close oder Close Output auf dieser Strecke beantwortet es.</translation>
    </message>
    <message>
        <source>Frames that arrived on one leg and could not be passed on, because the other leg had already sent its Close or ended</source>
        <translation>Frames, die auf einer Strecke ankamen und nicht weitergegeben werden konnten, weil die andere Strecke ihr Close schon gesendet hatte oder beendet war</translation>
    </message>
    <message>
        <source>Closes held: a Close from either side is not passed on; you decide what the other side sees</source>
        <translation>Closes zurückgehalten: ein Close von einer der beiden Seiten wird nicht weitergegeben; Sie entscheiden, was die andere Seite sieht</translation>
    </message>
    <message>
        <source>Closes relayed: a Close from either side is passed on with the same code and reason</source>
        <translation>Closes weitergeleitet: ein Close von einer der beiden Seiten wird mit demselben Code und Grund weitergegeben</translation>
    </message>
    <message>
        <source>%1; final status %2</source>
        <translation>%1; Endstatus %2</translation>
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
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>time: %1</source>
        <translation>Zeit: %1</translation>
    </message>
    <message>
        <source>event #%1</source>
        <translation>Ereignis #%1</translation>
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
        <translation>nach unserem Close: %1 (nach dem Close Nr. %2)</translation>
    </message>
    <message>
        <source>TCP closed by: %1</source>
        <translation>TCP geschlossen von: %1</translation>
    </message>
    <message>
        <source>Close timeout: no Close from the client</source>
        <translation>Close-Zeitlimit: kein Close vom Client</translation>
    </message>
    <message>
        <source>TCP RST (after the timeout)</source>
        <translation>TCP RST (nach dem Zeitlimit)</translation>
    </message>
    <message>
        <source>TCP RST (Abort)</source>
        <translation>TCP RST (Abort)</translation>
    </message>
    <message>
        <source>TCP RST from the client</source>
        <translation>TCP RST vom Client</translation>
    </message>
    <message>
        <source>TCP FIN without a Close</source>
        <translation>TCP FIN ohne Close</translation>
    </message>
    <message>
        <source>TCP FIN (protocol error)</source>
        <translation>TCP FIN (Protokollfehler)</translation>
    </message>
    <message>
        <source>TCP FIN (the client closed first)</source>
        <translation>TCP FIN (der Client schloss zuerst)</translation>
    </message>
    <message>
        <source>TCP FIN</source>
        <translation>TCP FIN</translation>
    </message>
    <message>
        <source>close handshake %1 ms</source>
        <translation>Close-Handshake %1 ms</translation>
    </message>
    <message>
        <source>how: %1</source>
        <translation>wie: %1</translation>
    </message>
    <message>
        <source>code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>first Close from: %1</source>
        <translation>erstes Close von: %1</translation>
    </message>
    <message>
        <source>messages after our Close: %1</source>
        <translation>Nachrichten nach unserem Close: %1</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>Upgrade refused: %1 %2</source>
        <translation>Upgrade abgelehnt: %1 %2</translation>
    </message>
    <message>
        <source>Connection %1 · %2 · %3</source>
        <translation>Verbindung %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Upgrade: GET %1 → 101</source>
        <translation>Upgrade: GET %1 → 101</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
    <message>
        <source>subprotocol: %1</source>
        <translation>Subprotokoll: %1</translation>
    </message>
    <message>
        <source>origin: %1</source>
        <translation>Origin: %1</translation>
    </message>
    <message>
        <source>user agent: %1</source>
        <translation>User-Agent: %1</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Close %1</translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation>Modus: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>⋯ %1 more frames (%2 in, %3 out) ⋯</source>
        <translation>⋯ %1 weitere Frames (%2 ein, %3 aus) ⋯</translation>
    </message>
    <message>
        <source>after our Close: %1 delivered, %2 discarded</source>
        <translation>nach unserem Close: %1 zugestellt, %2 verworfen</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>CloseCall (server)</source>
        <translation>CloseCall (Server)</translation>
    </message>
    <message>
        <source>⋯ %1 idle ⋯</source>
        <translation>⋯ %1 Ruhe ⋯</translation>
    </message>
    <message>
        <source>nothing happened for %1 (%2 ms); compressed</source>
        <translation>%1 lang geschah nichts (%2 ms); verkürzt dargestellt</translation>
    </message>
    <message>
        <source>Close frame</source>
        <translation>Close-Frame</translation>
    </message>
    <message>
        <source>after our Close, delivered</source>
        <translation>nach unserem Close, zugestellt</translation>
    </message>
    <message>
        <source>after our Close, discarded</source>
        <translation>nach unserem Close, verworfen</translation>
    </message>
    <message>
        <source>reset, timeout, error</source>
        <translation>Reset, Zeitlimit, Fehler</translation>
    </message>
    <message>
        <source>Not relayed: %1</source>
        <translation>Nicht weitergeleitet: %1</translation>
    </message>
</context>
<context>
    <name>closecall::protocol</name>
    <message>
        <source>Sec-WebSocket-Extensions &quot;%1&quot; is malformed at character %2: %3</source>
        <translation>Sec-WebSocket-Extensions „%1“ ist bei Zeichen %2 fehlerhaft: %3</translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation>%1 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 nimmt keinen Wert</translation>
    </message>
    <message>
        <source>server_max_window_bits must be 8 to 15, not &quot;%1&quot;</source>
        <translation>server_max_window_bits muss 8 bis 15 sein, nicht „%1“</translation>
    </message>
    <message>
        <source>client_max_window_bits must be 8 to 15, not &quot;%1&quot;</source>
        <translation>client_max_window_bits muss 8 bis 15 sein, nicht „%1“</translation>
    </message>
    <message>
        <source>%1 is not a permessage-deflate parameter</source>
        <translation>%1 ist kein Parameter von permessage-deflate</translation>
    </message>
    <message>
        <source>an extension name was expected</source>
        <translation>ein Erweiterungsname wurde erwartet</translation>
    </message>
    <message>
        <source>a parameter name was expected</source>
        <translation>ein Parametername wurde erwartet</translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation>ein Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>a quoted value must be a token</source>
        <translation>ein Wert in Anführungszeichen muss ein Token sein</translation>
    </message>
    <message>
        <source>a value was expected</source>
        <translation>ein Wert wurde erwartet</translation>
    </message>
    <message>
        <source>a &apos;,&apos; or &apos;;&apos; was expected</source>
        <translation>ein „,“ oder „;“ wurde erwartet</translation>
    </message>
    <message>
        <source>the server chose extension %1, which was not offered</source>
        <translation>der Server hat die Erweiterung %1 gewählt, die nicht angeboten wurde</translation>
    </message>
    <message>
        <source>the server&apos;s permessage-deflate answer is not valid: %1</source>
        <translation>die permessage-deflate-Antwort des Servers ist ungültig: %1</translation>
    </message>
</context>
<context>
    <name>closecall::protocol::MessageInflater</name>
    <message>
        <source>the message inflates past %1 bytes</source>
        <translation>die Nachricht wird beim Entpacken größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the compressed data is not valid deflate: %1</source>
        <translation>die komprimierten Daten sind kein gültiges Deflate: %1</translation>
    </message>
</context>
<context>
    <name>closecall::protocol::RefusalText</name>
    <message>
        <source>send data</source>
        <translation>Daten senden</translation>
    </message>
    <message>
        <source>send a Ping</source>
        <translation>einen Ping senden</translation>
    </message>
    <message>
        <source>close</source>
        <translation>schließen</translation>
    </message>
    <message>
        <source>abort</source>
        <translation>abbrechen</translation>
    </message>
    <message>
        <source>1004 is reserved (RFC 6455 §7.4.1) and may not be sent. Pick another code, e.g. 1000 or 1001.</source>
        <translation>1004 ist reserviert (RFC 6455 §7.4.1) und darf nicht gesendet werden. Einen anderen Code wählen, z. B. 1000 oder 1001.</translation>
    </message>
    <message>
        <source>1005 (No Status Rcvd) may not be sent as a number (RFC 6455 §7.4.1); use Empty to send a Close frame with no status code.</source>
        <translation>1005 (No Status Rcvd) darf nicht als Zahl gesendet werden (RFC 6455 §7.4.1); „Leer“ verwenden, um einen Close-Frame ohne Statuscode zu senden.</translation>
    </message>
    <message>
        <source>1006 (Abnormal Closure) only reports a connection that ended without a Close frame and may not be sent (RFC 6455 §7.4.1); use Abort to end the connection without a Close.</source>
        <translation>1006 (Abnormal Closure) meldet nur eine Verbindung, die ohne Close-Frame endete, und darf nicht gesendet werden (RFC 6455 §7.4.1); Abbruch verwenden, um die Verbindung ohne Close zu beenden.</translation>
    </message>
    <message>
        <source>1015 (TLS handshake) only reports a failed TLS handshake and may not be sent (RFC 6455 §7.4.1). Pick another code, e.g. 1011.</source>
        <translation>1015 (TLS handshake) meldet nur einen fehlgeschlagenen TLS-Handshake und darf nicht gesendet werden (RFC 6455 §7.4.1). Einen anderen Code wählen, z. B. 1011.</translation>
    </message>
    <message>
        <source>%1 is not a usable close code: 0-999 are never used (RFC 6455 §7.4.2). Pick 1000-1003, 1007-1014 or 3000-4999.</source>
        <translation>%1 ist kein verwendbarer Close-Code: 0-999 werden nie verwendet (RFC 6455 §7.4.2). 1000-1003, 1007-1014 oder 3000-4999 wählen.</translation>
    </message>
    <message>
        <source>%1 is not registered with IANA (1016-2999 are reserved for future use) and may not be sent. Pick a registered code (1000-1014) or 3000-4999.</source>
        <translation>%1 ist bei der IANA nicht registriert (1016-2999 sind für künftige Verwendung reserviert) und darf nicht gesendet werden. Einen registrierten Code (1000-1014) oder 3000-4999 wählen.</translation>
    </message>
    <message>
        <source>%1 is out of range: close codes end at 4999 (RFC 6455 §7.4.2). Use 4000-4999 for a private code.</source>
        <translation>%1 liegt außerhalb des Bereichs: Close-Codes enden bei 4999 (RFC 6455 §7.4.2). Für einen privaten Code 4000-4999 verwenden.</translation>
    </message>
    <message>
        <source>cannot %1: the connection is still Connecting</source>
        <translation>kann nicht %1: die Verbindung ist noch Connecting</translation>
    </message>
    <message>
        <source>cannot %1: our Close is already sent (CloseSent)</source>
        <translation>kann nicht %1: unser Close ist bereits gesendet (CloseSent)</translation>
    </message>
    <message>
        <source>cannot %1: the connection is Closed</source>
        <translation>kann nicht %1: die Verbindung ist Closed</translation>
    </message>
    <message>
        <source>cannot %1: the connection was Aborted</source>
        <translation>kann nicht %1: die Verbindung wurde abgebrochen (Aborted)</translation>
    </message>
    <message>
        <source>cannot %1 in state %2</source>
        <translation>kann im Zustand %2 nicht %1</translation>
    </message>
    <message>
        <source>our Close is already sent (CloseSent); waiting for the peer&apos;s Close</source>
        <translation>unser Close ist bereits gesendet (CloseSent); warte auf das Close der Gegenstelle</translation>
    </message>
    <message>
        <source>cannot %1: the upgrade failed</source>
        <translation>kann nicht %1: das Upgrade ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>a text message must be valid UTF-8</source>
        <translation>eine Textnachricht muss gültiges UTF-8 sein</translation>
    </message>
    <message>
        <source>the text is not valid UTF-16 (a lone surrogate)</source>
        <translation>der Text ist kein gültiges UTF-16 (ein einzelnes Surrogat)</translation>
    </message>
    <message>
        <source>ping payload is %1 bytes; the limit is %2 (RFC 6455 §5.5)</source>
        <translation>die Ping-Nutzdaten sind %1 Bytes; die Grenze ist %2 (RFC 6455 §5.5)</translation>
    </message>
    <message>
        <source>An Empty close has no status code, so it cannot carry a description; clear the description or pick a code such as 1000.</source>
        <translation>Ein leeres Close hat keinen Statuscode und kann daher keine Beschreibung tragen; die Beschreibung leeren oder einen Code wie 1000 wählen.</translation>
    </message>
    <message>
        <source>reason is not valid text: it has an unpaired UTF-16 surrogate at character %1; remove it.</source>
        <translation>der Grund ist kein gültiger Text: Er hat ein ungepaartes UTF-16-Surrogat bei Zeichen %1; es entfernen.</translation>
    </message>
    <message>
        <source>reason is %1 bytes of UTF-8; the limit is %2. Shorten it (letters outside ASCII take 2 to 4 bytes each).</source>
        <translation>der Grund ist %1 Bytes UTF-8; die Grenze ist %2. Ihn kürzen (Zeichen außerhalb von ASCII brauchen je 2 bis 4 Bytes).</translation>
    </message>
    <message>
        <source>close mode must be close or close_output, not %1</source>
        <translation>der Close-Modus muss close oder close_output sein, nicht %1</translation>
    </message>
    <message>
        <source>illegal state transition %1 → %2 refused</source>
        <translation>unzulässiger Zustandswechsel %1 → %2 abgelehnt</translation>
    </message>
    <message>
        <source>no connection %1</source>
        <translation>keine Verbindung %1</translation>
    </message>
    <message>
        <source>the connection has ended (%1)</source>
        <translation>die Verbindung ist beendet (%1)</translation>
    </message>
    <message>
        <source>the connection has ended</source>
        <translation>die Verbindung ist beendet</translation>
    </message>
    <message>
        <source>no connection was named</source>
        <translation>keine Verbindung angegeben</translation>
    </message>
    <message>
        <source>the server is stopped</source>
        <translation>der Server ist gestoppt</translation>
    </message>
    <message>
        <source>Connection %1 is already CloseSent.</source>
        <translation>Verbindung %1 ist bereits CloseSent.</translation>
    </message>
    <message>
        <source>Connection %1 is still Connecting.</source>
        <translation>Verbindung %1 ist noch Connecting.</translation>
    </message>
    <message>
        <source>Connection %1 is CloseSent: nothing may follow our Close.</source>
        <translation>Verbindung %1 ist CloseSent: Auf unser Close darf nichts mehr folgen.</translation>
    </message>
    <message>
        <source>Connection %1 has ended (%2).</source>
        <translation>Verbindung %1 ist beendet (%2).</translation>
    </message>
    <message>
        <source>The description is %1 bytes of UTF-8; the limit is %2. Shorten it (letters outside ASCII take 2 to 4 bytes each).</source>
        <translation>Die Beschreibung ist %1 Bytes UTF-8; die Grenze ist %2. Sie kürzen (Zeichen außerhalb von ASCII brauchen je 2 bis 4 Bytes).</translation>
    </message>
    <message>
        <source>The description is not valid text: it has an unpaired UTF-16 surrogate at character %1; remove it.</source>
        <translation>Die Beschreibung ist kein gültiger Text: Sie hat ein ungepaartes UTF-16-Surrogat bei Zeichen %1; es entfernen.</translation>
    </message>
    <message>
        <source>the server is shutting down; %1 was not carried out</source>
        <translation>der Server fährt herunter; %1 wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 is the --log-file being written; export to another file</source>
        <translation>%1 ist die gerade geschriebene --log-file; in eine andere Datei exportieren</translation>
    </message>
    <message>
        <source>export is not available here: use File &gt; Export Log…</source>
        <translation>Export ist hier nicht verfügbar: Datei &gt; Protokoll exportieren… verwenden</translation>
    </message>
</context>
<context>
    <name>closecall::server::Connector</name>
    <message>
        <source>no connection to %1 port %2 within %3 ms</source>
        <translation>keine Verbindung zu %1 Port %2 innerhalb von %3 ms</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>%1 kann nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <source>the name has no address</source>
        <translation>der Name hat keine Adresse</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation>keine Verbindung zu %1 Port %2 möglich: %3</translation>
    </message>
</context>
<context>
    <name>closecall::ui</name>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>Msgs in (count)</source>
        <translation>Nachr. ein (Anzahl)</translation>
    </message>
    <message>
        <source>Msgs out (count)</source>
        <translation>Nachr. aus (Anzahl)</translation>
    </message>
    <message>
        <source>Bytes in (bytes)</source>
        <translation>Bytes ein (Bytes)</translation>
    </message>
    <message>
        <source>Bytes out (bytes)</source>
        <translation>Bytes aus (Bytes)</translation>
    </message>
    <message>
        <source>Close sent code</source>
        <translation>Code des gesendeten Close</translation>
    </message>
    <message>
        <source>Close received code</source>
        <translation>Code des empfangenen Close</translation>
    </message>
    <message>
        <source>Post-close delivered (count)</source>
        <translation>Nach Close zugestellt (Anzahl)</translation>
    </message>
    <message>
        <source>Post-close discarded (count)</source>
        <translation>Nach Close verworfen (Anzahl)</translation>
    </message>
    <message>
        <source>Close handshake (ms)</source>
        <translation>Close-Handshake (ms)</translation>
    </message>
    <message>
        <source>Ack delay (ms)</source>
        <translation>Antwortverzug (ms)</translation>
    </message>
    <message>
        <source>Post-close crossed (count)</source>
        <translation>Nach Close gekreuzt (Anzahl)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::CloseOutcomeWatcher</name>
    <message>
        <source>an empty Close</source>
        <translation>ein leeres Close</translation>
    </message>
    <message numerus="yes">
        <source>%n late message(s) delivered</source>
        <translation>
            <numerusform>%n späte Nachricht zugestellt</numerusform>
            <numerusform>%n späte Nachrichten zugestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late message(s) discarded</source>
        <translation>
            <numerusform>%n späte Nachricht verworfen</numerusform>
            <numerusform>%n späte Nachrichten verworfen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n more connection(s) ended.</source>
        <translation>
            <numerusform>%n weitere Verbindung beendet.</numerusform>
            <numerusform>%n weitere Verbindungen beendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n more connection(s) to end.</source>
        <translation>
            <numerusform>Warte auf das Ende von %n weiteren Verbindung.</numerusform>
            <numerusform>Warte auf das Ende von %n weiteren Verbindungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection %1 closed: the client closed first with %2, answered with %3</source>
        <translation>Verbindung %1 geschlossen: Der Client hat zuerst mit %2 geschlossen, beantwortet mit %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the client in %3</source>
        <translation>Verbindung %1 geschlossen: %2 vom Client beantwortet nach %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the client</source>
        <translation>Verbindung %1 geschlossen: %2 vom Client beantwortet</translation>
    </message>
    <message>
        <source>Connection %1 aborted: the client did not answer our Close in time</source>
        <translation>Verbindung %1 abgebrochen: Der Client hat unser Close nicht rechtzeitig beantwortet</translation>
    </message>
    <message>
        <source>Connection %1 aborted by you (TCP reset)</source>
        <translation>Verbindung %1 von Ihnen abgebrochen (TCP-Reset)</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client reset TCP instead of answering our Close</source>
        <translation>Verbindung %1 beendet: Der Client hat TCP zurückgesetzt, statt unser Close zu beantworten</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client reset TCP</source>
        <translation>Verbindung %1 beendet: Der Client hat TCP zurückgesetzt</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client closed TCP without answering our Close</source>
        <translation>Verbindung %1 beendet: Der Client hat TCP geschlossen, ohne unser Close zu beantworten</translation>
    </message>
    <message>
        <source>Connection %1 ended: the client closed TCP</source>
        <translation>Verbindung %1 beendet: Der Client hat TCP geschlossen</translation>
    </message>
    <message>
        <source>Connection %1 failed: protocol error</source>
        <translation>Verbindung %1 fehlgeschlagen: Protokollfehler</translation>
    </message>
    <message>
        <source>Connection %1 closed: the server closed first with %2, answered with %3</source>
        <translation>Verbindung %1 geschlossen: Der Server hat zuerst mit %2 geschlossen, beantwortet mit %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the server in %3</source>
        <translation>Verbindung %1 geschlossen: %2 vom Server beantwortet nach %3</translation>
    </message>
    <message>
        <source>Connection %1 closed: %2 answered by the server</source>
        <translation>Verbindung %1 geschlossen: %2 vom Server beantwortet</translation>
    </message>
    <message>
        <source>Connection %1 aborted: the server did not answer our Close in time</source>
        <translation>Verbindung %1 abgebrochen: Der Server hat unser Close nicht rechtzeitig beantwortet</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server reset TCP instead of answering our Close</source>
        <translation>Verbindung %1 beendet: Der Server hat TCP zurückgesetzt, statt unser Close zu beantworten</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server reset TCP</source>
        <translation>Verbindung %1 beendet: Der Server hat TCP zurückgesetzt</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server closed TCP without answering our Close</source>
        <translation>Verbindung %1 beendet: Der Server hat TCP geschlossen, ohne unser Close zu beantworten</translation>
    </message>
    <message>
        <source>Connection %1 ended: the server closed TCP</source>
        <translation>Verbindung %1 beendet: Der Server hat TCP geschlossen</translation>
    </message>
</context>
<context>
    <name>closecall::ui::ClosePanel</name>
    <message>
        <source>The status code of our Close frame: the number, the RFC name and the .NET WebSocketCloseStatus name</source>
        <translation>Der Statuscode unseres Close-Frames: die Zahl, der RFC-Name und der .NET-Name (WebSocketCloseStatus)</translation>
    </message>
    <message>
        <source>Optional, e.g. &quot;deploy in progress&quot;</source>
        <translation>Optional, z. B. „Deployment läuft“</translation>
    </message>
    <message>
        <source>The description travels as UTF-8 in the Close frame: at most %1 bytes (&quot;å&quot; is 2 bytes, &quot;€&quot; 3, an emoji 4)</source>
        <translation>Die Beschreibung steht als UTF-8 im Close-Frame: höchstens %1 Bytes („ä“ sind 2 Bytes, „€“ 3, ein Emoji 4)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Close Output keeps receiving for this long, then aborts the connection; &quot;never&quot; waits for as long as it takes</source>
        <translation>Close Output empfängt so lange weiter und bricht die Verbindung dann ab; „nie“ wartet, solange es dauert</translation>
    </message>
    <message>
        <source>Close O&amp;utput:</source>
        <translation>Close O&amp;utput:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>An empty Close carries no description</source>
        <translation>Ein leeres Close trägt keine Beschreibung</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 Bytes</translation>
    </message>
    <message>
        <source>%1 is normally sent by a client (RFC 6455 §7.4.1); a server may still send it.</source>
        <translation>%1 sendet normalerweise ein Client (RFC 6455 §7.4.1); ein Server darf ihn trotzdem senden.</translation>
    </message>
    <message>
        <source>St&amp;atus code:</source>
        <translation>St&amp;atuscode:</translation>
    </message>
    <message>
        <source>Time&amp;outs: Close</source>
        <translation>Zeitlimits: Cl&amp;ose</translation>
    </message>
    <message>
        <source>Custom code…</source>
        <translation>Eigener Code…</translation>
    </message>
    <message>
        <source>The code to send: 3000–3999 are registered for libraries and frameworks, 4000–4999 are for private use; a registered code such as 1001 may be typed too</source>
        <translation>Der zu sendende Code: 3000–3999 sind für Bibliotheken und Frameworks registriert, 4000–4999 für private Verwendung; ein registrierter Code wie 1001 kann auch eingegeben werden</translation>
    </message>
    <message>
        <source>Close waits this long for the peer&apos;s Close, then aborts the connection (Aborted — timed out)</source>
        <translation>Close wartet so lange auf das Close der Gegenstelle und bricht die Verbindung dann ab (Aborted – Zeitüberschreitung)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectDialog</name>
    <message>
        <source>Accept a certificate the system does not trust (self-signed)</source>
        <translation>Ein Zertifikat annehmen, dem das System nicht vertraut (selbstsigniert)</translation>
    </message>
    <message>
        <source>Offer compression (permessage-deflate)</source>
        <translation>Komprimierung anbieten (permessage-deflate)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>ws://host:port/path or wss://…</source>
        <translation>ws://host:port/pfad oder wss://…</translation>
    </message>
    <message>
        <source>The server to connect to; the list holds this server and the URLs used before</source>
        <translation>Der Server, mit dem verbunden wird; die Liste enthält diesen Server und die zuvor verwendeten URLs</translation>
    </message>
    <message>
        <source>How many identical connections to open</source>
        <translation>Wie viele gleiche Verbindungen geöffnet werden</translation>
    </message>
    <message>
        <source>none; e.g. chat, superchat</source>
        <translation>keine; z. B. chat, superchat</translation>
    </message>
    <message>
        <source>Offered in Sec-WebSocket-Protocol, in this order; separate them with commas</source>
        <translation>In Sec-WebSocket-Protocol in dieser Reihenfolge angeboten; durch Kommas trennen</translation>
    </message>
    <message>
        <source>One per line, e.g.
Origin: https://app.example
Authorization: Bearer …</source>
        <translation>Einer pro Zeile, z. B.
Origin: https://app.example
Authorization: Bearer …</translation>
    </message>
    <message>
        <source>a plain client</source>
        <translation>ein einfacher Client</translation>
    </message>
    <message>
        <source>The behaviour spec sent with the command: key=value pairs separated by semicolons. The menus above write it; type here for anything they do not offer (see the user guide).</source>
        <translation>Die mit dem Befehl gesendete Verhaltensangabe: key=value-Paare, durch Semikolons getrennt. Die Menüs oben schreiben sie; für alles, was sie nicht bieten, hier tippen (siehe Benutzerhandbuch).</translation>
    </message>
    <message>
        <source>wss:// only. The log says so for every connection that accepts such a certificate.</source>
        <translation>Nur wss://. Das Protokoll vermerkt es bei jeder Verbindung, die ein solches Zertifikat annimmt.</translation>
    </message>
    <message>
        <source>Offer permessage-deflate (RFC 7692) as browsers do; the log shows whether the server agreed</source>
        <translation>permessage-deflate (RFC 7692) anbieten, wie Browser es tun; das Protokoll zeigt, ob der Server zugestimmt hat</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>C&amp;ount:</source>
        <translation>A&amp;nzahl:</translation>
    </message>
    <message>
        <source>&amp;Subprotocols:</source>
        <translation>&amp;Subprotokolle:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>&amp;Traffic:</source>
        <translation>&amp;Datenverkehr:</translation>
    </message>
    <message>
        <source>When the server&apos;s &amp;Close arrives:</source>
        <translation>Wenn das &amp;Close des Servers ankommt:</translation>
    </message>
    <message>
        <source>Start the close &amp;itself:</source>
        <translation>Das Schließen se&amp;lbst beginnen:</translation>
    </message>
    <message>
        <source>S&amp;pec:</source>
        <translation>S&amp;pezifikation:</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
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
        <translation>&amp;Abbruch (RST)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;Ping</source>
        <translation>&amp;Ping</translation>
    </message>
    <message>
        <source>Send our Close and wait for the peer&apos;s Close; data the peer sends meanwhile is read and discarded (CloseAsync)</source>
        <translation>Unser Close senden und auf das Close der Gegenstelle warten; Daten, die sie inzwischen sendet, werden gelesen und verworfen (CloseAsync)</translation>
    </message>
    <message>
        <source>Send our Close and return at once; data the peer still sends is delivered (CloseOutputAsync)</source>
        <translation>Unser Close senden und sofort zurückkehren; Daten, die die Gegenstelle noch sendet, werden zugestellt (CloseOutputAsync)</translation>
    </message>
    <message>
        <source>Reset the TCP connection (an RST, not a FIN): state Aborted, 1006</source>
        <translation>Die TCP-Verbindung zurücksetzen (ein RST, kein FIN): Zustand Aborted, 1006</translation>
    </message>
    <message>
        <source>Send the send panel&apos;s message</source>
        <translation>Die Nachricht aus dem Sendebereich senden</translation>
    </message>
    <message>
        <source>Send a Ping with the send panel&apos;s payload</source>
        <translation>Einen Ping mit den Nutzdaten aus dem Sendebereich senden</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one or more connections in the table (Ctrl+A selects all).</source>
        <translation>Eine oder mehrere Verbindungen in der Tabelle auswählen (Strg+A wählt alle).</translation>
    </message>
    <message>
        <source>Acts on connection %1.</source>
        <translation>Wirkt auf Verbindung %1.</translation>
    </message>
    <message numerus="yes">
        <source>Acts on %n connections: %1.</source>
        <translation>
            <numerusform>Wirkt auf %n Verbindung: %1.</numerusform>
            <numerusform>Wirkt auf %n Verbindungen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected connections can be closed.</source>
        <translation>Keine der ausgewählten Verbindungen kann geschlossen werden.</translation>
    </message>
    <message>
        <source>None of the selected connections can be aborted.</source>
        <translation>Keine der ausgewählten Verbindungen kann abgebrochen werden.</translation>
    </message>
    <message>
        <source>None of the selected connections can be sent a message.</source>
        <translation>An keine der ausgewählten Verbindungen kann eine Nachricht gesendet werden.</translation>
    </message>
    <message>
        <source>None of the selected connections can be pinged.</source>
        <translation>Keine der ausgewählten Verbindungen kann angepingt werden.</translation>
    </message>
    <message>
        <source>Select a connection in the table first.</source>
        <translation>Zuerst eine Verbindung in der Tabelle auswählen.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>A selected connection is CloseReceived: this acknowledges the peer&apos;s Close with your code and description.</source>
        <translation>Eine ausgewählte Verbindung ist CloseReceived: Dies bestätigt das Close der Gegenstelle mit Ihrem Code und Ihrer Beschreibung.</translation>
    </message>
    <message numerus="yes">
        <source>Manual acknowledge: the peer closed first. Close or Close Output answers its Close with the code and description above and completes the handshake (%n connection(s): %1).</source>
        <translation>
            <numerusform>Manuelle Bestätigung: Die Gegenstelle hat zuerst geschlossen. Close oder Close Output beantwortet ihr Close mit dem Code und der Beschreibung oben und schließt den Handshake ab (%n Verbindung: %1).</numerusform>
            <numerusform>Manuelle Bestätigung: Die Gegenstelle hat zuerst geschlossen. Close oder Close Output beantwortet ihr Close mit dem Code und der Beschreibung oben und schließt den Handshake ab (%n Verbindungen: %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closecall::ui::ConnectionsPane</name>
    <message>
        <source>Filter connections: id, address, path, subprotocol, state…</source>
        <translation>Verbindungen filtern: ID, Adresse, Pfad, Subprotokoll, Zustand…</translation>
    </message>
    <message>
        <source>Hide the Closed and Aborted rows (Clear ended removes them)</source>
        <translation>Die Zeilen Closed und Aborted ausblenden („Beendete entfernen“ löscht sie)</translation>
    </message>
    <message>
        <source>No connection matches the filter</source>
        <translation>Keine Verbindung passt zum Filter</translation>
    </message>
    <message>
        <source>Ended connections are hidden (Hide ended)</source>
        <translation>Beendete Verbindungen sind ausgeblendet (Beendete ausblenden)</translation>
    </message>
    <message>
        <source>Hide e&amp;nded</source>
        <translation>Beendete aus&amp;blenden</translation>
    </message>
    <message>
        <source>Filter pairs: id, client address, target, path, state…</source>
        <translation>Paare filtern: ID, Client-Adresse, Ziel, Pfad, Zustand…</translation>
    </message>
</context>
<context>
    <name>closecall::ui::DetailsPanel</name>
    <message>
        <source>Select a connection to see its upgrade request, subprotocol and how it closed.</source>
        <translation>Eine Verbindung auswählen, um ihre Upgrade-Anfrage, ihr Subprotokoll und ihr Ende zu sehen.</translation>
    </message>
    <message>
        <source>Connection %1 — %2</source>
        <translation>Verbindung %1 – %2</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation>Subprotokoll</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>%L1 in (%2), %L3 out (%4)</source>
        <translation>%L1 ein (%2), %L3 aus (%4)</translation>
    </message>
    <message>
        <source>Pings</source>
        <translation>Pings</translation>
    </message>
    <message>
        <source>%L1 in, %L2 out</source>
        <translation>%L1 ein, %L2 aus</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%L1; latest: %2</source>
        <translation>%L1; zuletzt: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close gesendet</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close empfangen</translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation>Begonnen von</translation>
    </message>
    <message>
        <source>Post-close data</source>
        <translation>Daten nach Close</translation>
    </message>
    <message>
        <source>%L1 delivered, %L2 discarded</source>
        <translation>%L1 zugestellt, %L2 verworfen</translation>
    </message>
    <message>
        <source>Close handshake</source>
        <translation>Close-Handshake</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Final code</source>
        <translation>Endgültiger Code</translation>
    </message>
    <message>
        <source>TCP closed by</source>
        <translation>TCP geschlossen von</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>(%L1 crossed our Close on the wire)</source>
        <translation>(%L1 auf der Leitung mit unserem Close gekreuzt)</translation>
    </message>
    <message>
        <source>Ack delay</source>
        <translation>Antwortverzug</translation>
    </message>
    <message>
        <source>%1 ms: the peer&apos;s Close waited this long for our answer</source>
        <translation>%1 ms: so lange hat das Close der Gegenstelle auf unsere Antwort gewartet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>out: CloseCall connected to %1 (the client)</source>
        <translation>ausgehend: CloseCall hat sich mit %1 verbunden (der Client)</translation>
    </message>
    <message>
        <source>in: a client connected to CloseCall (the server)</source>
        <translation>eingehend: ein Client hat sich mit CloseCall verbunden (der Server)</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>%1 (CloseCall)</source>
        <translation>%1 (CloseCall)</translation>
    </message>
    <message>
        <source>%1 (the peer)</source>
        <translation>%1 (die Gegenstelle)</translation>
    </message>
    <message>
        <source>Response headers (the server&apos;s 101)</source>
        <translation>Antwort-Header (die 101 des Servers)</translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation>Noch keine Verbindung.</translation>
    </message>
    <message>
        <source>Client leg (CloseCall is the server)</source>
        <translation>Client-Strecke (CloseCall ist der Server)</translation>
    </message>
    <message>
        <source>Server leg (CloseCall is the client)</source>
        <translation>Server-Strecke (CloseCall ist der Client)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::EmptyStateTableView</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Original order</source>
        <translation>Ursprüngliche Reihenfolge</translation>
    </message>
</context>
<context>
    <name>closecall::ui::GuideDialog</name>
    <message>
        <source>CloseCall User Guide</source>
        <translation>CloseCall-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Handbuch</translation>
    </message>
</context>
<context>
    <name>closecall::ui::LegChoice</name>
    <message>
        <source>C&amp;lient Leg</source>
        <translation>Cl&amp;ient-Strecke</translation>
    </message>
    <message>
        <source>Ser&amp;ver Leg</source>
        <translation>Se&amp;rver-Strecke</translation>
    </message>
    <message>
        <source>Act on the client leg: the client&apos;s connection to CloseCall. There CloseCall acts as the server, so the client sees what its server would do.</source>
        <translation>Auf die Client-Strecke wirken: die Verbindung des Clients zu CloseCall. Dort ist CloseCall der Server, also sieht der Client, was sein Server täte.</translation>
    </message>
    <message>
        <source>Act on the server leg: CloseCall&apos;s connection to the target server. There CloseCall acts as the client, so the server sees what its client would do.</source>
        <translation>Auf die Server-Strecke wirken: die Verbindung von CloseCall zum Zielserver. Dort ist CloseCall der Client, also sieht der Server, was sein Client täte.</translation>
    </message>
    <message>
        <source>Act on:</source>
        <translation>Wirkt auf:</translation>
    </message>
</context>
<context>
    <name>closecall::ui::LogPane</name>
    <message>
        <source>Message in</source>
        <translation>Nachricht ein</translation>
    </message>
    <message>
        <source>Message out</source>
        <translation>Nachricht aus</translation>
    </message>
    <message>
        <source>Ping in</source>
        <translation>Ping ein</translation>
    </message>
    <message>
        <source>Pong in</source>
        <translation>Pong ein</translation>
    </message>
    <message>
        <source>Ping out</source>
        <translation>Ping aus</translation>
    </message>
    <message>
        <source>Pong out</source>
        <translation>Pong aus</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close gesendet</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close empfangen</translation>
    </message>
    <message>
        <source>State change</source>
        <translation>Zustandswechsel</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Handshake failed</source>
        <translation>Handshake fehlgeschlagen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Lauscht</translation>
    </message>
    <message>
        <source>S&amp;elected connections only</source>
        <translation>Nur ausg&amp;ewählte Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Post-close only</source>
        <translation>Nur &amp;nach Close</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Noch keine Ereignisse</translation>
    </message>
    <message>
        <source>Every frame and event of every connection appears here.</source>
        <translation>Jeder Frame und jedes Ereignis jeder Verbindung erscheint hier.</translation>
    </message>
    <message>
        <source>Filter the log: text, code, reason, event, state, address…</source>
        <translation>Protokoll filtern: Text, Code, Grund, Ereignis, Zustand, Adresse…</translation>
    </message>
    <message>
        <source>Show only some kinds of event</source>
        <translation>Nur bestimmte Ereignisarten anzeigen</translation>
    </message>
    <message>
        <source>Show only the events of the connections selected in the table</source>
        <translation>Nur die Ereignisse der in der Tabelle ausgewählten Verbindungen anzeigen</translation>
    </message>
    <message>
        <source>Show only data that arrived after our Close went out (delivered or discarded)</source>
        <translation>Nur Daten anzeigen, die nach dem Senden unseres Close ankamen (zugestellt oder verworfen)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep the newest event in sight (scrolling up pauses this; End or this button resumes)</source>
        <translation>Das neueste Ereignis im Blick behalten (Hochscrollen pausiert das; Ende oder diese Schaltfläche setzt fort)</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>The close handshake only</source>
        <translation>Nur der Close-Handshake</translation>
    </message>
    <message>
        <source>Events: all</source>
        <translation>Ereignisse: alle</translation>
    </message>
    <message numerus="yes">
        <source>Events: %n kind(s)</source>
        <translation>
            <numerusform>Ereignisse: %n Art</numerusform>
            <numerusform>Ereignisse: %n Arten</numerusform>
        </translation>
    </message>
    <message>
        <source>No event matches the filter</source>
        <translation>Kein Ereignis passt zum Filter</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 von %L2</translation>
    </message>
    <message>
        <source>Select Connection %1 in the Table</source>
        <translation>Verbindung %1 in der Tabelle auswählen</translation>
    </message>
    <message>
        <source>Show Only Connection %1</source>
        <translation>Nur Verbindung %1 anzeigen</translation>
    </message>
    <message>
        <source>Clear the Filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln Ereignis</numerusform>
            <numerusform>%Ln Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Command results (hidden unless chosen)</source>
        <translation>Befehlsergebnisse (ausgeblendet, außer wenn gewählt)</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>closecall::ui::MainWindow</name>
    <message>
        <source>Log to file stopped</source>
        <translation>Protokollieren in Datei gestoppt</translation>
    </message>
    <message>
        <source>Writing the log file failed, so logging to it has stopped.

%1

The log in the window is complete; export it to keep it.</source>
        <translation>Das Schreiben der Protokolldatei ist fehlgeschlagen, daher wurde das Protokollieren in sie gestoppt.

%1

Das Protokoll im Fenster ist vollständig; exportieren Sie es, um es zu behalten.</translation>
    </message>
    <message>
        <source>Log to file</source>
        <translation>In Datei protokollieren</translation>
    </message>
    <message>
        <source>--log-file: %1</source>
        <translation>--log-file: %1</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Listen for WebSocket clients on the address in the toolbar (Ctrl+R)</source>
        <translation>Auf der Adresse in der Werkzeugleiste auf WebSocket-Clients lauschen (Strg+R)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Close every connection with 1001 Going Away, then stop listening (Ctrl+Shift+R)</source>
        <translation>Jede Verbindung mit 1001 Going Away schließen, dann das Lauschen beenden (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>&amp;TLS…</source>
        <translation>&amp;TLS…</translation>
    </message>
    <message>
        <source>&amp;Echo</source>
        <translation>&amp;Echo</translation>
    </message>
    <message>
        <source>Echo each data message back while the connection is Open</source>
        <translation>Jede Datennachricht zurücksenden, solange die Verbindung Open ist</translation>
    </message>
    <message>
        <source>On: answer a peer&apos;s Close at once, echoing its code (what browsers do).
Off (manual acknowledge, as .NET): the connection stays CloseReceived until you Close or Close Output it.</source>
        <translation>An: das Close der Gegenstelle sofort beantworten, mit ihrem Code (wie Browser es tun).
Aus (manuelle Bestätigung, wie .NET): Die Verbindung bleibt CloseReceived, bis Sie sie mit Close oder Close Output schließen.</translation>
    </message>
    <message>
        <source>Answer &amp;Pings</source>
        <translation>&amp;Pings beantworten</translation>
    </message>
    <message>
        <source>Answer each Ping with a Pong; turn off to test a client&apos;s keep-alive timeout</source>
        <translation>Jeden Ping mit einem Pong beantworten; ausschalten, um das Keep-alive-Zeitlimit eines Clients zu testen</translation>
    </message>
    <message>
        <source>&amp;Export Log…</source>
        <translation>Protokoll &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Filtered Log…</source>
        <translation>&amp;Gefiltertes Protokoll exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Connections (CSV)…</source>
        <translation>&amp;Verbindungen exportieren (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Log to File…</source>
        <translation>In &amp;Datei protokollieren…</translation>
    </message>
    <message>
        <source>Append every event to a file as it happens (JSON Lines, text or CSV), full previews included</source>
        <translation>Jedes Ereignis sofort an eine Datei anhängen (JSON Lines, Text oder CSV), mit vollständigen Vorschauen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Send &amp;Message…</source>
        <translation>&amp;Nachricht senden…</translation>
    </message>
    <message>
        <source>Edit Close &amp;Description</source>
        <translation>Close-&amp;Beschreibung bearbeiten</translation>
    </message>
    <message>
        <source>Select &amp;All Connections</source>
        <translation>&amp;Alle Verbindungen auswählen</translation>
    </message>
    <message>
        <source>Clear &amp;Ended</source>
        <translation>&amp;Beendete entfernen</translation>
    </message>
    <message>
        <source>Remove the Closed and Aborted rows from the table</source>
        <translation>Die Zeilen Closed und Aborted aus der Tabelle entfernen</translation>
    </message>
    <message>
        <source>Clear &amp;Log</source>
        <translation>Protokoll &amp;leeren</translation>
    </message>
    <message>
        <source>Remove every event from the log pane (a log file being written keeps them)</source>
        <translation>Alle Ereignisse aus dem Protokollbereich entfernen (eine gerade geschriebene Protokolldatei behält sie)</translation>
    </message>
    <message>
        <source>&amp;Filter Log</source>
        <translation>Protokoll &amp;filtern</translation>
    </message>
    <message>
        <source>Filter C&amp;onnections</source>
        <translation>&amp;Verbindungen filtern</translation>
    </message>
    <message>
        <source>Log &amp;Capacity…</source>
        <translation>Protokoll&amp;kapazität…</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Follow Log &amp;Tail</source>
        <translation>Protokollende &amp;folgen</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The language changes when CloseCall starts again.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von CloseCall.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About CloseCall</source>
        <translation>&amp;Über CloseCall</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>&amp;Details anzeigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting on %1…</source>
        <translation>Startet auf %1…</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>Stopping: closing every connection…</source>
        <translation>Stoppt: alle Verbindungen werden geschlossen…</translation>
    </message>
    <message>
        <source>No connections yet: connect a client to %1</source>
        <translation>Noch keine Verbindungen: einen Client mit %1 verbinden</translation>
    </message>
    <message>
        <source>For example, in a browser&apos;s console: new WebSocket(&quot;%1&quot;)</source>
        <translation>Zum Beispiel in der Konsole eines Browsers: new WebSocket(&quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>The server is stopped</source>
        <translation>Der Server ist gestoppt</translation>
    </message>
    <message>
        <source>Press Start (Ctrl+R) to listen on %1</source>
        <translation>Starten (Strg+R) lauscht auf %1</translation>
    </message>
    <message>
        <source>The TLS change applies at the next Start.</source>
        <translation>Die TLS-Änderung gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Log capacity</source>
        <translation>Protokollkapazität</translation>
    </message>
    <message>
        <source>Events the log keeps (the oldest go when it is full; about 120 bytes each):</source>
        <translation>Ereignisse, die das Protokoll behält (wenn es voll ist, gehen die ältesten; je etwa 120 Bytes):</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About CloseCall</source>
        <translation>Über CloseCall</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CloseCall %1&lt;/h3&gt;&lt;p&gt;A console for WebSocket servers: see how your clients behave when a server closes on them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Close&lt;/b&gt; sends our Close and waits for the peer&apos;s (data meanwhile is discarded); &lt;b&gt;Close Output&lt;/b&gt; sends it and keeps delivering what the peer still sends; &lt;b&gt;Abort&lt;/b&gt; resets TCP.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CloseCall %1&lt;/h3&gt;&lt;p&gt;Eine Konsole für WebSocket-Server: Sehen Sie, wie sich Ihre Clients verhalten, wenn ein Server die Verbindung schließt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Close&lt;/b&gt; sendet unser Close und wartet auf das der Gegenstelle (Daten in der Zwischenzeit werden verworfen); &lt;b&gt;Close Output&lt;/b&gt; sendet es und stellt weiter zu, was die Gegenstelle noch sendet; &lt;b&gt;Abort&lt;/b&gt; setzt TCP zurück.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>connections %1</source>
        <translation>Verbindungen %1</translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation>Lauscht nicht: %1</translation>
    </message>
    <message>
        <source>Close %1 sent to %2</source>
        <translation>Close %1 an %2 gesendet</translation>
    </message>
    <message>
        <source>Close Output %1 sent to %2</source>
        <translation>Close Output %1 an %2 gesendet</translation>
    </message>
    <message>
        <source>Aborted %1 (TCP reset)</source>
        <translation>%1 abgebrochen (TCP-Reset)</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n byte(s) to %1</source>
        <translation>
            <numerusform>%n Byte an %1 gesendet</numerusform>
            <numerusform>%n Bytes an %1 gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Ping sent to %1</source>
        <translation>Ping an %1 gesendet</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>%n Zeile kopiert</numerusform>
            <numerusform>%n Zeilen kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Text log (*.log)</source>
        <translation>Textprotokoll (*.log)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>HTTP Archive (*.har)</source>
        <translation>HTTP-Archiv (*.har)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Export filtered log</source>
        <translation>Gefiltertes Protokoll exportieren</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The log was not exported.

%1

Nothing in the log was lost: choose another place and try again.</source>
        <translation>Das Protokoll wurde nicht exportiert.

%1

Nichts im Protokoll ging verloren: Wählen Sie einen anderen Ort und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>(the oldest %L1 events had already left the log)</source>
        <translation>(die ältesten %L1 Ereignisse hatten das Protokoll bereits verlassen)</translation>
    </message>
    <message>
        <source>Export connections</source>
        <translation>Verbindungen exportieren</translation>
    </message>
    <message>
        <source>The connections were not exported.

%1</source>
        <translation>Die Verbindungen wurden nicht exportiert.

%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n connection(s) to %1</source>
        <translation>
            <numerusform>%n Verbindung nach %1 exportiert</numerusform>
            <numerusform>%n Verbindungen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped logging to %1 (%L2 events written)</source>
        <translation>Protokollieren in %1 gestoppt (%L2 Ereignisse geschrieben)</translation>
    </message>
    <message>
        <source>Logging to the file could not start.

%1</source>
        <translation>Das Protokollieren in die Datei konnte nicht starten.

%1</translation>
    </message>
    <message>
        <source>Logging every event to %1</source>
        <translation>Jedes Ereignis wird in %1 protokolliert</translation>
    </message>
    <message>
        <source>Change the address or port in the toolbar and press Start (Ctrl+R)</source>
        <translation>Adresse oder Port in der Werkzeugleiste ändern und Starten drücken (Strg+R)</translation>
    </message>
    <message>
        <source>the listen address is not valid: %1</source>
        <translation>Die Lauschadresse ist ungültig: %1</translation>
    </message>
    <message>
        <source>&amp;Auto-acknowledge: on</source>
        <translation>&amp;Automatisch bestätigen: an</translation>
    </message>
    <message>
        <source>&amp;Auto-acknowledge: off (manual)</source>
        <translation>&amp;Automatisch bestätigen: aus (manuell)</translation>
    </message>
    <message>
        <source>Log to file stopped: %1</source>
        <translation>Protokollieren in Datei gestoppt: %1</translation>
    </message>
    <message>
        <source>Choose a certificate and key to serve wss:// (TLS) instead of ws://; the change applies at the next Start</source>
        <translation>Zertifikat und Schlüssel wählen, um wss:// (TLS) statt ws:// anzubieten; die Änderung gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Serving wss:// with %1 (applies at Start); click to change or turn off TLS</source>
        <translation>Bietet wss:// mit %1 an (gilt beim Start); klicken, um TLS zu ändern oder auszuschalten</translation>
    </message>
    <message>
        <source>Go to the &amp;Connections Table</source>
        <translation>Zur &amp;Verbindungstabelle</translation>
    </message>
    <message>
        <source>Go to the &amp;Log</source>
        <translation>Zum &amp;Protokoll</translation>
    </message>
    <message>
        <source>Go to the Cl&amp;ose Panel</source>
        <translation>Zum Cl&amp;ose-Bereich</translation>
    </message>
    <message>
        <source>Go to the S&amp;end Panel</source>
        <translation>Zum S&amp;endebereich</translation>
    </message>
    <message>
        <source>Go to the &amp;Details</source>
        <translation>Zu den &amp;Details</translation>
    </message>
    <message>
        <source>Moving between the panes</source>
        <translation>Zwischen den Bereichen wechseln</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>The next or previous control: the connections filter, Hide ended, Clear Ended, the table, then the log&apos;s controls</source>
        <translation>Das nächste oder vorige Element: der Verbindungsfilter, Beendete ausblenden, Beendete entfernen, die Tabelle, dann die Elemente des Protokolls</translation>
    </message>
    <message>
        <source>Every shortcut</source>
        <translation>Alle Tastenkürzel</translation>
    </message>
    <message>
        <source>%1 (in the log)</source>
        <translation>%1 (im Protokoll)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;br&gt;Released under the MIT License.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erstellt mit Qt %1, läuft mit Qt %2.&lt;br&gt;Veröffentlicht unter der MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Homepage: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Webseite: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Export &amp;Timeline…</source>
        <translation>&amp;Zeitleiste exportieren…</translation>
    </message>
    <message>
        <source>Save the selected connection&apos;s timeline as a picture (PNG or SVG)</source>
        <translation>Die Zeitleiste der gewählten Verbindung als Bild speichern (PNG oder SVG)</translation>
    </message>
    <message>
        <source>Event %1 is not in the log&apos;s view: the filter hides it, or the log no longer holds it</source>
        <translation>Ereignis %1 ist nicht in der Protokollansicht: Der Filter blendet es aus, oder das Protokoll enthält es nicht mehr</translation>
    </message>
    <message>
        <source>no connection with events is selected: select one in the table</source>
        <translation>keine Verbindung mit Ereignissen gewählt: Wählen Sie eine in der Tabelle</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>Zeitleiste exportieren</translation>
    </message>
    <message>
        <source>The timeline was not exported.

%1</source>
        <translation>Die Zeitleiste wurde nicht exportiert.

%1</translation>
    </message>
    <message>
        <source>Exported the timeline of connection %1 to %2</source>
        <translation>Zeitleiste der Verbindung %1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Accept &amp;Compression</source>
        <translation>&amp;Komprimierung annehmen</translation>
    </message>
    <message>
        <source>Accept permessage-deflate (RFC 7692) from clients that offer it, as browsers do; applies from the next start</source>
        <translation>permessage-deflate (RFC 7692) von Clients annehmen, die es anbieten, wie Browser es tun; gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Start &amp;Demo</source>
        <translation>&amp;Demo starten</translation>
    </message>
    <message>
        <source>Connect a handful of built-in peers to the running server, each misbehaving differently; close them to see what happens</source>
        <translation>Eine Handvoll eingebauter Gegenstellen mit dem laufenden Server verbinden, jede mit einem anderen Fehlverhalten; sie schließen, um zu sehen, was passiert</translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n peer(s) connecting</source>
        <translation>
            <numerusform>Demo: %n Gegenstelle verbindet sich</numerusform>
            <numerusform>Demo: %n Gegenstellen verbinden sich</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;nnect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Open outgoing connections: CloseCall as the client of a server (this one by default), with a chosen behaviour</source>
        <translation>Ausgehende Verbindungen öffnen: CloseCall als Client eines Servers (standardmäßig dieses), mit einem gewählten Verhalten</translation>
    </message>
    <message>
        <source>the server is not running. Outgoing connections run on its engine: start it first (Server ▸ Start).</source>
        <translation>der Server läuft nicht. Ausgehende Verbindungen laufen auf seiner Engine: ihn zuerst starten (Server ▸ Starten).</translation>
    </message>
    <message numerus="yes">
        <source>Connecting to %1 (%n connection(s))</source>
        <translation>
            <numerusform>Verbinde mit %1 (%n Verbindung)</numerusform>
            <numerusform>Verbinde mit %1 (%n Verbindungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Proxying %1 → %2</source>
        <translation>Proxy %1 → %2</translation>
    </message>
    <message>
        <source>No pairs yet: connect a client to %1</source>
        <translation>Noch keine Paare: einen Client mit %1 verbinden</translation>
    </message>
    <message>
        <source>CloseCall passes each client on to %1 and shows both legs here</source>
        <translation>CloseCall gibt jeden Client an %1 weiter und zeigt hier beide Strecken</translation>
    </message>
    <message>
        <source>the proxy target is not valid: %1</source>
        <translation>das Proxy-Ziel ist ungültig: %1</translation>
    </message>
    <message>
        <source>Proxy mode: every client that connects to the Listen on address is passed on to the target URL, and you can close either side. Off: CloseCall is the server itself. Applies at the next Start.</source>
        <translation>Proxy-Modus: jeder Client, der sich mit der Adresse unter „Lauschen auf“ verbindet, wird an die Ziel-URL weitergegeben, und Sie können jede der beiden Seiten schließen. Aus: CloseCall ist selbst der Server. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Proxy: &amp;Keep the Target&apos;s Path</source>
        <translation>Proxy: Pfad des Ziels &amp;beibehalten</translation>
    </message>
    <message>
        <source>Connect to the target&apos;s own path and query only; off: the client&apos;s path and query are appended to the target&apos;s</source>
        <translation>Nur mit dem eigenen Pfad und der eigenen Query des Ziels verbinden; aus: Pfad und Query des Clients werden an die des Ziels angehängt</translation>
    </message>
    <message>
        <source>Proxy: &amp;Hold Closes of New Pairs</source>
        <translation>Proxy: Closes neuer Paare zurück&amp;halten</translation>
    </message>
    <message>
        <source>Start every pair with its closes held: a Close from either side is not passed on, so you decide what the other side sees. Off: closes are relayed with the same code and reason</source>
        <translation>Jedes Paar mit zurückgehaltenen Closes beginnen: ein Close von einer der beiden Seiten wird nicht weitergegeben, also entscheiden Sie, was die andere Seite sieht. Aus: Closes werden mit demselben Code und Grund weitergeleitet</translation>
    </message>
    <message>
        <source>A wss:// target whose certificate fails verification is accepted (the server leg&apos;s details say so)</source>
        <translation>Ein wss://-Ziel, dessen Zertifikat die Prüfung nicht besteht, wird angenommen (die Details der Server-Strecke vermerken es)</translation>
    </message>
    <message>
        <source>&amp;Hold Closes of This Pair</source>
        <translation>Closes dieses Paares &amp;zurückhalten</translation>
    </message>
    <message>
        <source>On: a Close from either side of the selected pairs is not passed on; the leg waits in CloseReceived until you answer it. Off: closes are relayed</source>
        <translation>An: ein Close von einer der beiden Seiten der gewählten Paare wird nicht weitergegeben; die Strecke wartet in CloseReceived, bis Sie es beantworten. Aus: Closes werden weitergeleitet</translation>
    </message>
    <message>
        <source>On: CloseCall answers the Pings that arrive on the chosen leg itself. Off (the default): Pings are passed through to the other side</source>
        <translation>An: CloseCall beantwortet die Pings, die auf der gewählten Strecke ankommen, selbst. Aus (Standard): Pings werden zur anderen Seite durchgereicht</translation>
    </message>
    <message>
        <source>Answer Pings on the Server &amp;Leg</source>
        <translation>Pings auf der Server-S&amp;trecke beantworten</translation>
    </message>
    <message>
        <source>Answer Pings on the Client &amp;Leg</source>
        <translation>Pings auf der Client-S&amp;trecke beantworten</translation>
    </message>
    <message>
        <source>Closes held for pairs %1</source>
        <translation>Closes zurückgehalten für Paare %1</translation>
    </message>
    <message>
        <source>Closes relayed for pairs %1</source>
        <translation>Closes weitergeleitet für Paare %1</translation>
    </message>
    <message>
        <source>Pings answered on connections %1</source>
        <translation>Pings beantwortet auf Verbindungen %1</translation>
    </message>
    <message>
        <source>Pings passed through on connections %1</source>
        <translation>Pings durchgereicht auf Verbindungen %1</translation>
    </message>
    <message>
        <source>P&amp;roxy to</source>
        <translation>P&amp;roxy zu</translation>
    </message>
    <message>
        <source>Proxy: Accept Self-S&amp;igned Certificates</source>
        <translation>Proxy: Selbstsignierte &amp;Zertifikate annehmen</translation>
    </message>
    <message>
        <source>Answer Pings on This Le&amp;g</source>
        <translation>Pings auf dieser S&amp;trecke beantworten</translation>
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
        <translation>Binär (hex)</translation>
    </message>
    <message>
        <source>The message to send (Ctrl+Return sends)</source>
        <translation>Die zu sendende Nachricht (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Optional payload, at most 125 bytes</source>
        <translation>Optionale Nutzdaten, höchstens 125 Bytes</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>P&amp;ing payload:</source>
        <translation>P&amp;ing-Nutzdaten:</translation>
    </message>
    <message>
        <source>hex: a lone digit before position %1; write bytes as pairs like 0a</source>
        <translation>Hex: eine einzelne Ziffer vor Position %1; Bytes als Paare wie 0a schreiben</translation>
    </message>
    <message>
        <source>hex: &quot;%1&quot; at position %2 is not a hex digit (0-9, a-f)</source>
        <translation>Hex: „%1“ an Position %2 ist keine Hexziffer (0-9, a-f)</translation>
    </message>
    <message>
        <source>hex: an odd number of digits; write bytes as pairs like 0a</source>
        <translation>Hex: eine ungerade Anzahl Ziffern; Bytes als Paare wie 0a schreiben</translation>
    </message>
    <message>
        <source>Bytes as hex, e.g. 48 65 6c 6c 6f (Ctrl+Return sends)</source>
        <translation>Bytes als Hex, z. B. 48 65 6c 6c 6f (Strg+Eingabe sendet)</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
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
        <translation>&amp;Lauschen auf </translation>
    </message>
    <message>
        <source>The address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every IPv4 interface), ::1, or a host name</source>
        <translation>Die Adresse zum Lauschen: 127.0.0.1 (nur dieser Rechner), 0.0.0.0 (jede IPv4-Schnittstelle), ::1 oder ein Hostname</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>The TCP port; &quot;any&quot; (0) picks a free one</source>
        <translation>Der TCP-Port; „beliebig“ (0) wählt einen freien</translation>
    </message>
    <message>
        <source>Stop the server (Ctrl+Shift+R) to change where it listens</source>
        <translation>Den Server stoppen (Strg+Umschalt+R), um zu ändern, wo er lauscht</translation>
    </message>
    <message>
        <source>no target URL: type the ws:// or wss:// URL of the server to proxy to</source>
        <translation>keine Ziel-URL: die ws://- oder wss://-URL des Servers eingeben, an den weitergeleitet wird</translation>
    </message>
    <message>
        <source>Stop the server (Ctrl+Shift+R) to change the target</source>
        <translation>Den Server stoppen (Strg+Umschalt+R), um das Ziel zu ändern</translation>
    </message>
    <message>
        <source>The server every client is passed on to (ws:// or wss://); clients connect to the Listen on address</source>
        <translation>Der Server, an den jeder Client weitergegeben wird (ws:// oder wss://); Clients verbinden sich mit der Adresse unter „Lauschen auf“</translation>
    </message>
</context>
<context>
    <name>closecall::ui::StatusLine</name>
    <message>
        <source>Data messages a second over the last second, in (from the peers) and out</source>
        <translation>Datennachrichten pro Sekunde in der letzten Sekunde, ein (von den Gegenstellen) und aus</translation>
    </message>
    <message>
        <source>Events in the log; when it is full the oldest go (Settings ▸ Log capacity)</source>
        <translation>Ereignisse im Protokoll; wenn es voll ist, gehen die ältesten (Einstellungen ▸ Protokollkapazität)</translation>
    </message>
    <message>
        <source>Connections: %L1 open / %L2 total</source>
        <translation>Verbindungen: %L1 offen / %L2 gesamt</translation>
    </message>
    <message>
        <source>Msgs/s: %L1 in, %L2 out</source>
        <translation>Nachr./s: %L1 ein, %L2 aus</translation>
    </message>
    <message>
        <source>%L1 dropped</source>
        <translation>%L1 verworfen</translation>
    </message>
    <message>
        <source>Events in the log (capacity %L1); when it is full the oldest go and are counted as dropped (Settings ▸ Log capacity)</source>
        <translation>Ereignisse im Protokoll (Kapazität %L1); wenn es voll ist, gehen die ältesten und werden als verworfen gezählt (Einstellungen ▸ Protokollkapazität)</translation>
    </message>
    <message>
        <source>● Logging to %1</source>
        <translation>● Protokolliert in %1</translation>
    </message>
    <message numerus="yes">
        <source>Log: %Ln event(s)</source>
        <translation>
            <numerusform>Protokoll: %Ln Ereignis</numerusform>
            <numerusform>Protokoll: %Ln Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Manual acknowledge</source>
        <translation>Manuelle Bestätigung</translation>
    </message>
    <message>
        <source>A peer&apos;s Close waits in CloseReceived until you answer it with Close or Close Output (Server ▸ Auto-acknowledge turns this off)</source>
        <translation>Das Close einer Gegenstelle wartet in CloseReceived, bis Sie es mit Close oder Close Output beantworten (Server ▸ Automatisch bestätigen schaltet das ab)</translation>
    </message>
</context>
<context>
    <name>closecall::ui::TimelinePane</name>
    <message>
        <source>Select a connection to see its timeline: its upgrade, frames and closing handshake on a time axis.</source>
        <translation>Wählen Sie eine Verbindung, um ihre Zeitleiste zu sehen: Upgrade, Frames und Close-Handshake auf einer Zeitachse.</translation>
    </message>
    <message>
        <source>The log holds no events of connection %1.</source>
        <translation>Das Protokoll enthält keine Ereignisse der Verbindung %1.</translation>
    </message>
    <message>
        <source>Show in the &amp;Log</source>
        <translation>Im &amp;Protokoll zeigen</translation>
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
        <translation>PEM-Zertifikat, z. B. server.crt</translation>
    </message>
    <message>
        <source>PEM private key, e.g. server.key</source>
        <translation>Privater PEM-Schlüssel, z. B. server.key</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>With a certificate and its key the server serves wss:// instead of ws://. Leave both empty for plain ws://. The change applies at the next Start.</source>
        <translation>Mit einem Zertifikat und seinem Schlüssel bietet der Server wss:// statt ws:// an. Beide leer lassen für einfaches ws://. Die Änderung gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Choose the TLS certificate</source>
        <translation>TLS-Zertifikat wählen</translation>
    </message>
    <message>
        <source>&amp;Private key:</source>
        <translation>&amp;Privater Schlüssel:</translation>
    </message>
    <message>
        <source>Choose the TLS private key</source>
        <translation>Privaten TLS-Schlüssel wählen</translation>
    </message>
    <message>
        <source>Use plain ws://</source>
        <translation>Einfaches ws:// verwenden</translation>
    </message>
    <message>
        <source>A key without a certificate: choose the certificate too, or clear both.</source>
        <translation>Ein Schlüssel ohne Zertifikat: auch das Zertifikat wählen oder beide leeren.</translation>
    </message>
    <message>
        <source>A certificate without a key: choose the private key too, or clear both.</source>
        <translation>Ein Zertifikat ohne Schlüssel: auch den privaten Schlüssel wählen oder beide leeren.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation>%1 kann nicht gelesen werden (Berechtigungen).</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
</TS>
