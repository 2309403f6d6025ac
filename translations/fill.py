#!/usr/bin/python3
"""Fills translations/closecall_{de,sv}.ts and the English plural forms
(closecall_en.ts: "1 event", "2 events"; its other texts stay unfinished,
i.e. English) from the table below (the main
menus, buttons, panels and status line), after `ninja update_translations`
(or lupdate) has added new source texts. Entries not in the table stay
unfinished and show in English. Usage, from a configured build:
    ninja update_translations && translations/fill.py && ninja update_translations
(the second lupdate only restores its own XML layout)."""

import os
import xml.etree.ElementTree as ET

T = {
    # menus
    "&File": ("&Datei", "&Arkiv"),
    "&Server": ("&Server", "&Server"),
    "&Connection": ("&Verbindung", "A&nslutning"),
    "&View": ("&Ansicht", "&Visa"),
    "Se&ttings": ("&Einstellungen", "Instä&llningar"),
    "&Help": ("&Hilfe", "&Hjälp"),
    "&Start": ("&Starten", "&Starta"),
    "S&top": ("S&toppen", "S&toppa"),
    "&TLS…": ("&TLS…", "&TLS…"),
    "&Echo": ("&Echo", "&Eko"),
    "&Auto-acknowledge: on": ("&Automatisch bestätigen: an", "Kvittera &automatiskt: på"),
    "&Auto-acknowledge: off (manual)": ("&Automatisch bestätigen: aus (manuell)",
                                        "Kvittera &automatiskt: av (manuellt)"),
    "Manual acknowledge": ("Manuelle Bestätigung", "Manuell kvittering"),
    "Answer &Pings": ("&Pings beantworten", "Besvara &ping"),
    "&Export Log…": ("Protokoll &exportieren…", "&Exportera logg…"),
    "Export &Filtered Log…": ("&Gefiltertes Protokoll exportieren…", "Exportera &filtrerad logg…"),
    "Export &Connections (CSV)…": ("&Verbindungen exportieren (CSV)…",
                                   "Exportera &anslutningar (CSV)…"),
    "&Log to File…": ("In &Datei protokollieren…", "&Logga till fil…"),
    "&Quit": ("&Beenden", "&Avsluta"),
    "&Copy": ("&Kopieren", "&Kopiera"),
    "Send &Message…": ("&Nachricht senden…", "Skicka &meddelande…"),
    "Edit Close &Description": ("Close-&Beschreibung bearbeiten", "Redigera Close-&beskrivning"),
    "Select &All Connections": ("&Alle Verbindungen auswählen", "Markera &alla anslutningar"),
    "Clear &Ended": ("&Beendete entfernen", "Rensa &avslutade"),
    "Clear &Log": ("Protokoll &leeren", "Rensa &loggen"),
    "&Filter Log": ("Protokoll &filtern", "&Filtrera loggen"),
    "Filter C&onnections": ("&Verbindungen filtern", "Filtrera a&nslutningar"),
    "Log &Capacity…": ("Protokoll&kapazität…", "Logg&kapacitet…"),
    "&Reset Layout": ("Layout &zurücksetzen", "&Återställ layout"),
    "Follow Log &Tail": ("Protokollende &folgen", "&Följ loggens slut"),
    "&Language": ("&Sprache", "&Språk"),
    "System default": ("Systemstandard", "Systemets standard"),
    "&Keyboard Shortcuts": ("&Tastenkürzel", "&Kortkommandon"),
    "&About CloseCall": ("&Über CloseCall", "&Om CloseCall"),
    "About &Qt": ("Über &Qt", "Om &Qt"),
    "Show &Details": ("&Details anzeigen", "Visa &detaljer"),
    # connection actions
    "&Close": ("&Close", "&Close"),
    "Close &Output": ("Close &Output", "Close &Output"),
    "&Abort": ("&Abbruch (RST)", "&Avbryt (RST)"),
    "&Send": ("&Senden", "&Skicka"),
    "&Ping": ("&Ping", "&Ping"),
    "Select a connection in the table first.": ("Zuerst eine Verbindung in der Tabelle auswählen.",
                                                "Markera först en anslutning i tabellen."),
    "Connection %1 is already CloseSent.": ("Verbindung %1 ist bereits CloseSent.",
                                            "Anslutning %1 är redan CloseSent."),
    "Connection %1 has ended (%2).": ("Verbindung %1 ist beendet (%2).",
                                      "Anslutning %1 har avslutats (%2)."),
    "Connection %1 is still Connecting.": ("Verbindung %1 ist noch Connecting.",
                                           "Anslutning %1 är fortfarande Connecting."),
    "None of the selected connections can be closed.": (
        "Keine der ausgewählten Verbindungen kann geschlossen werden.",
        "Ingen av de markerade anslutningarna kan stängas."),
    "Acts on connection %1.": ("Wirkt auf Verbindung %1.", "Gäller anslutning %1."),
    "Select one or more connections in the table (Ctrl+A selects all).": (
        "Eine oder mehrere Verbindungen in der Tabelle auswählen (Strg+A wählt alle).",
        "Markera en eller flera anslutningar i tabellen (Ctrl+A markerar alla)."),
    # docks and panels
    "Close": ("Close", "Close"),
    "Details": ("Details", "Detaljer"),
    "Send": ("Senden", "Skicka"),
    "St&atus code:": ("St&atuscode:", "St&atuskod:"),
    "&Description:": ("&Beschreibung:", "&Beskrivning:"),
    "Time&outs: Close": ("Zeitlimits: Cl&ose", "Tidsgränser: Cl&ose"),
    "Close O&utput:": ("Close O&utput:", "Close O&utput:"),
    "Custom code…": ("Eigener Code…", "Egen kod…"),
    "%1 / %2 bytes": ("%1 / %2 Bytes", "%1 / %2 byte"),
    "never": ("nie", "aldrig"),
    " s": (" s", " s"),
    "Hide e&nded": ("Beendete aus&blenden", "Dölj a&vslutade"),
    "S&elected connections only": ("Nur ausg&ewählte Verbindungen", "Endast m&arkerade anslutningar"),
    "&Post-close only": ("Nur &nach Close", "Endast &efter Close"),
    "Follow": ("Folgen", "Följ"),
    "Events: all": ("Ereignisse: alle", "Händelser: alla"),
    "All events": ("Alle Ereignisse", "Alla händelser"),
    "The close handshake only": ("Nur der Close-Handshake", "Endast Close-handskakningen"),
    "&Message:": ("&Nachricht:", "&Meddelande:"),
    "Text": ("Text", "Text"),
    "Binary (hex)": ("Binär (hex)", "Binärt (hex)"),
    "P&ing payload:": ("P&ing-Nutzdaten:", "P&ing-data:"),
    "No events yet": ("Noch keine Ereignisse", "Inga händelser ännu"),
    "No event matches the filter": ("Kein Ereignis passt zum Filter", "Ingen händelse matchar filtret"),
    "No connection matches the filter": ("Keine Verbindung passt zum Filter",
                                         "Ingen anslutning matchar filtret"),
    "%L1 events": ("%L1 Ereignisse", "%L1 händelser"),
    "%L1 of %L2": ("%L1 von %L2", "%L1 av %L2"),
    # toolbar and status line
    "Server": ("Server", "Server"),
    "&Listen on ": ("&Lauschen auf ", "&Lyssna på "),
    "any": ("beliebig", "valfri"),
    "Stopped": ("Gestoppt", "Stoppad"),
    "Listening on %1": ("Lauscht auf %1", "Lyssnar på %1"),
    "Starting on %1…": ("Startet auf %1…", "Startar på %1…"),
    "Stopping: closing every connection…": ("Stoppt: alle Verbindungen werden geschlossen…",
                                            "Stoppar: stänger alla anslutningar…"),
    "Connections: %L1 open / %L2 total": ("Verbindungen: %L1 offen / %L2 gesamt",
                                          "Anslutningar: %L1 öppna / %L2 totalt"),
    "Msgs/s: %L1 in, %L2 out": ("Nachr./s: %L1 ein, %L2 aus", "Medd./s: %L1 in, %L2 ut"),
    "Log: %L1 events": ("Protokoll: %L1 Ereignisse", "Logg: %L1 händelser"),
    "%L1 dropped": ("%L1 verworfen", "%L1 borttagna"),
    "No connections yet: connect a client to %1": (
        "Noch keine Verbindungen: einen Client mit %1 verbinden",
        "Inga anslutningar ännu: anslut en klient till %1"),
    "The server is stopped": ("Der Server ist gestoppt", "Servern är stoppad"),
    "Press Start (Ctrl+R) to listen on %1": ("Starten (Strg+R) lauscht auf %1",
                                             "Tryck Starta (Ctrl+R) för att lyssna på %1"),
    "Starting…": ("Startet…", "Startar…"),
    # TLS dialog
    "TLS (wss://)": ("TLS (wss://)", "TLS (wss://)"),
    "&Certificate:": ("&Zertifikat:", "&Certifikat:"),
    "&Private key:": ("&Privater Schlüssel:", "&Privat nyckel:"),
    "Browse…": ("Durchsuchen…", "Bläddra…"),
    "Use plain ws://": ("Einfaches ws:// verwenden", "Använd vanlig ws://"),
    # the models' column headers and event names (app/monitor)
    "ID": ("ID", "ID"),
    "Remote": ("Gegenstelle", "Motpart"),
    "Path": ("Pfad", "Sökväg"),
    "Subprotocol": ("Subprotokoll", "Underprotokoll"),
    "State": ("Zustand", "Tillstånd"),
    "Opened": ("Geöffnet", "Öppnad"),
    "Duration": ("Dauer", "Varaktighet"),
    "Msgs in": ("Nachr. ein", "Medd. in"),
    "Msgs out": ("Nachr. aus", "Medd. ut"),
    "Bytes in": ("Bytes ein", "Byte in"),
    "Bytes out": ("Bytes aus", "Byte ut"),
    "Last activity": ("Letzte Aktivität", "Senaste aktivitet"),
    "Close sent": ("Close gesendet", "Close skickad"),
    "Close received": ("Close empfangen", "Close mottagen"),
    "Initiated by": ("Begonnen von", "Initierad av"),
    "Post-close rx": ("Nach Close empfangen", "Mottaget efter Close"),
    "Close handshake": ("Close-Handshake", "Close-handskakning"),
    "How it ended": ("Wie es endete", "Hur det slutade"),
    "Time": ("Zeit", "Tid"),
    "Conn": ("Verb.", "Ansl."),
    "Dir": ("Richtung", "Riktning"),
    "Event": ("Ereignis", "Händelse"),
    "Type": ("Typ", "Typ"),
    "Size": ("Größe", "Storlek"),
    "Message in": ("Nachricht ein", "Meddelande in"),
    "Message out": ("Nachricht aus", "Meddelande ut"),
    "in": ("ein", "in"),
    "out": ("aus", "ut"),
    "client": ("Client", "klient"),
    "server": ("Server", "server"),
    # files
    "Export log": ("Protokoll exportieren", "Exportera logg"),
    "Export filtered log": ("Gefiltertes Protokoll exportieren", "Exportera filtrerad logg"),
    "Export connections": ("Verbindungen exportieren", "Exportera anslutningar"),
    "Export failed": ("Export fehlgeschlagen", "Exporten misslyckades"),
    "Log to file": ("In Datei protokollieren", "Logga till fil"),
    "%1 already exists. Replace it?": ("%1 existiert bereits. Ersetzen?",
                                       "%1 finns redan. Ersätta den?"),
    "Keyboard shortcuts": ("Tastenkürzel", "Kortkommandon"),
    "Log capacity": ("Protokollkapazität", "Loggkapacitet"),
}

# Plural forms (singular, plural) for the %n texts: German, Swedish.
N = {
    "%Ln event(s)": (("%Ln Ereignis", "%Ln Ereignisse"), ("%Ln händelse", "%Ln händelser")),
    "Log: %Ln event(s)": (("Protokoll: %Ln Ereignis", "Protokoll: %Ln Ereignisse"),
                          ("Logg: %Ln händelse", "Logg: %Ln händelser")),
    "Events: %n kind(s)": (("Ereignisse: %n Art", "Ereignisse: %n Arten"),
                           ("Händelser: %n typ", "Händelser: %n typer")),
    "%n byte(s)": (("%n Byte", "%n Bytes"), ("%n byte", "%n byte")),
    "Copied %n row(s)": (("%n Zeile kopiert", "%n Zeilen kopiert"),
                         ("Kopierade %n rad", "Kopierade %n rader")),
    "Acts on %n connections: %1.": (("Wirkt auf %n Verbindung: %1.", "Wirkt auf %n Verbindungen: %1."),
                                    ("Gäller %n anslutning: %1.", "Gäller %n anslutningar: %1.")),
    "%1 and %n more": (("%1 und %n weitere", "%1 und %n weitere"),
                       ("%1 och %n till", "%1 och %n till")),
}

LANGS = {"de": 0, "sv": 1}
here = os.path.dirname(os.path.abspath(__file__))
for lang, col in LANGS.items():
    path = os.path.join(here, f"closecall_{lang}.ts")
    tree = ET.parse(path)
    done = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in N and translation is not None and message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for form in N[source][col]:
                ET.SubElement(translation, "numerusform").text = form
            translation.attrib.pop("type", None)
            done += 1
            continue
        if source in T and translation is not None and message.get("numerus") != "yes":
            translation.text = T[source][col]
            translation.attrib.pop("type", None)
            done += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "r+", encoding="utf-8") as f:
        text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>",
                                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        f.seek(0)
        f.write(text)
        f.truncate()
    print(f"{lang}: {done} translated")


def english(source):
    """The English singular and plural of a %n text."""
    special = {"Acts on %n connections: %1.": ("Acts on %n connection: %1.",
                                               "Acts on %n connections: %1.")}
    if source in special:
        return special[source]
    return source.replace("(s)", ""), source.replace("(s)", "s")


path = os.path.join(here, "closecall_en.ts")
tree = ET.parse(path)
done = 0
for message in tree.iter("message"):
    translation = message.find("translation")
    if message.get("numerus") != "yes" or translation is None:
        continue
    for child in list(translation):
        translation.remove(child)
    for form in english(message.findtext("source")):
        ET.SubElement(translation, "numerusform").text = form
    translation.attrib.pop("type", None)
    done += 1
tree.write(path, encoding="utf-8", xml_declaration=True)
with open(path, "r+", encoding="utf-8") as f:
    text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>",
                            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    f.seek(0)
    f.write(text)
    f.truncate()
print(f"en: {done} plural forms")
