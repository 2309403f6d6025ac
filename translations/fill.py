#!/usr/bin/python3
"""Fills translations/closecall_{de,sv}.ts from the texts in translations/texts/
and writes the English plural forms into closecall_en.ts ("1 event",
"2 events"; its other entries stay unfinished, i.e. English).

Each texts/*.txt file holds entries separated by blank lines:
    en: the source text exactly as in the code (\\n for a line break)
    de: the German text
    sv: the Swedish text
Texts with %n have their plural forms separated by " || " (one || many).
Lines starting with # are comments. The text after "en: " is taken as it is,
leading and trailing spaces included.

Usage, from a configured build (the second lupdate restores its XML layout):
    ninja update_translations && translations/fill.py && ninja update_translations
    translations/fill.py --check [--ts-dir DIR]
        exit 1 when an entry is unfinished or a text here no longer matches
        the code (tests/i18n runs it on .ts files freshly made by lupdate)
"""

import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("de", "sv")
PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")


def unescape(text):
    return text.replace("\\n", "\n")


def read_texts():
    """{source: {"de": [forms], "sv": [forms]}} from texts/*.txt."""
    texts, problems = {}, []
    for path in sorted(glob.glob(os.path.join(HERE, "texts", "*.txt"))):
        name = os.path.basename(path)
        entry, line_no = {}, 0
        lines = open(path, encoding="utf-8").read().split("\n") + [""]
        for line_no, line in enumerate(lines, 1):
            if line.startswith("#"):
                continue
            if not line.strip():
                if entry:
                    problems += add_entry(texts, entry, f"{name}:{line_no}")
                entry = {}
                continue
            key, sep, value = line.partition(": ")
            if not sep or key not in ("en",) + LANGS or key in entry:
                problems.append(f"{name}:{line_no}: expected en:, de: or sv: once each")
                continue
            entry[key] = unescape(value)
    return texts, problems


def add_entry(texts, entry, where):
    if set(entry) != {"en", *LANGS}:
        return [f"{where}: an entry needs en:, de: and sv:"]
    source = entry["en"]
    if source in texts:
        return [f"{where}: {source!r} is given twice"]
    problems = []
    forms = {lang: entry[lang].split(" || ") for lang in LANGS}
    wanted = sorted(set(PLACEHOLDER.findall(source)))
    for lang, lang_forms in forms.items():
        for form in lang_forms:
            got = sorted(set(PLACEHOLDER.findall(form)))
            # A singular form may spell "one" out instead of %n.
            if got != wanted and not (len(lang_forms) > 1 and got == [p for p in wanted if "n" not in p]):
                problems.append(f"{where}: {lang} {form!r} has {got}, the source {wanted}")
    texts[source] = forms
    return problems


def english_plurals(source):
    special = {"Acts on %n connections: %1.": ["Acts on %n connection: %1.",
                                               "Acts on %n connections: %1."]}
    return special.get(source, [source.replace("(s)", ""), source.replace("(s)", "s")])


def set_translation(message, forms):
    translation = message.find("translation")
    for child in list(translation):
        translation.remove(child)
    if message.get("numerus") == "yes":
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = forms[0]
    translation.attrib.pop("type", None)


def write_ts(tree, path):
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "r+", encoding="utf-8") as f:
        text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>",
                                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        f.seek(0)
        f.write(text)
        f.truncate()


def messages(tree):
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") not in ("obsolete", "vanished"):
            yield message


def main():
    args = sys.argv[1:]
    check = "--check" in args
    ts_dir = args[args.index("--ts-dir") + 1] if "--ts-dir" in args else HERE
    texts, problems = read_texts()
    used = set()
    for lang in LANGS:
        path = os.path.join(ts_dir, f"closecall_{lang}.ts")
        tree = ET.parse(path)
        missing = []
        for message in messages(tree):
            source = message.findtext("source")
            numerus = message.get("numerus") == "yes"
            forms = texts.get(source, {}).get(lang)
            if forms is None or len(forms) != (2 if numerus else 1):
                if message.find("translation").get("type") == "unfinished":
                    missing.append(source)
                continue
            used.add(source)
            if not check:
                set_translation(message, forms)
        problems += [f"closecall_{lang}.ts: no {lang} text for {s!r}" for s in missing]
        if not check:
            write_ts(tree, path)
    problems += [f"texts: {s!r} is not in the code any more" for s in texts if s not in used]

    path = os.path.join(ts_dir, "closecall_en.ts")
    tree = ET.parse(path)
    for message in messages(tree):
        if message.get("numerus") != "yes":
            continue
        if check:
            if message.find("translation").get("type") == "unfinished":
                problems.append(f"closecall_en.ts: no plural forms for {message.findtext('source')!r}")
        else:
            set_translation(message, english_plurals(message.findtext("source")))
    if not check:
        write_ts(tree, path)

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{len(used)} texts in {', '.join(LANGS)}; plural forms in en")


if __name__ == "__main__":
    main()
