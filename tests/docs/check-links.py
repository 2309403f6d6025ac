#!/usr/bin/python3
"""Fails on a documentation reference that leads nowhere.

Two kinds of reference are checked, in the repository (or the tree given):

- every Markdown link and image in a *.md file, inline `[text](target)` or
  a reference definition `[label]: target`: a relative target must be an
  existing file or folder, and a `#fragment` must be a heading (or an
  explicit `<a id="...">`) of the file it points into. Web links are not
  fetched. A *.md path named in the prose (outside fenced code) must exist
  too, found as the citations below are.
- every `*.md` path cited in the sources under app/, ui/, tests/ and
  scripts/ (comments, mostly: "see docs/<subject> dot md"): it must exist
  relative to the repository root, or to the citing file's folder or one of
  its parents. A bare name of a file that is nowhere there, or a path into a
  folder outside the repository, fails.
- a comment in those sources that cites an issue number ("issue 4", "issue
  #5"): issues are history; a comment cites a rule ([R3]) or docs/ instead.

Usage: check-links.py [ROOT]          check ROOT (default: the repository)
       check-links.py --expect-failures FILE ROOT
                                      succeed only if checking ROOT fails
                                      with exactly the problems in FILE (one
                                      a line): how the checker's own test
                                      proves it can fail.
Prints one line per problem, "path:line: what", and exits 1 when there is one.
"""

import os
import re
import sys

SKIP_DIRS = {".git", "build", "node_modules", "corpus", "regressions", "__pycache__"}
SOURCE_ROOTS = ("app", "ui", "tests", "scripts")
SOURCE_SUFFIXES = (".cpp", ".h", ".py", ".js", ".sh", ".cmake", ".txt", ".in", ".qml")
# The checker's own fixture is broken on purpose; it is checked on its own.
FIXTURE = os.path.join("tests", "docs", "fixture")

INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
CITED_MD = re.compile(r"(?<![\w./-])((?:\.\.?/)*[\w.-]+(?:/[\w.-]+)*\.md)\b")
URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
ISSUE = re.compile(r"\bissues?\s+#?\d+", re.IGNORECASE)
COMMENT_START = re.compile(r"//|/\*|^\s*\*|^\s*#")
EXPLICIT_ANCHOR = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"", re.IGNORECASE)


def walk(root, top):
    for folder, dirs, files in os.walk(os.path.join(root, top)):
        rel = os.path.relpath(folder, root)
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("build")
                         and os.path.normpath(os.path.join(rel, d)) != FIXTURE)
        for name in sorted(files):
            yield os.path.normpath(os.path.join(rel, name))


def is_source(rel):
    name = os.path.basename(rel)
    return name.endswith(SOURCE_SUFFIXES) or "." not in name


def slug(heading):
    """The anchor GitHub (and most renderers) give a heading."""
    text = re.sub(r"[`*_]|<[^>]+>", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path, cache={}):
    if path not in cache:
        found = set()
        counts = {}
        fenced = False
        with open(path, encoding="utf-8") as f:
            for line in f:
                if FENCE.match(line):
                    fenced = not fenced
                    continue
                if fenced:
                    continue
                found.update(EXPLICIT_ANCHOR.findall(line))
                m = HEADING.match(line)
                if m:
                    base = slug(m.group(1))
                    n = counts.get(base, 0)
                    counts[base] = n + 1
                    found.add(base if n == 0 else f"{base}-{n}")
        cache[path] = found
    return cache[path]


def check_markdown(root, rel, problems):
    here = os.path.dirname(os.path.join(root, rel))
    fenced = False
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if fenced:
                continue
            code_free = re.sub(r"`[^`]*`", "", line)
            targets = INLINE_LINK.findall(code_free)
            m = REFERENCE_DEF.match(code_free)
            if m:
                targets.append(m.group(1))
            for target in targets:
                if re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
                    continue  # https:, mailto:, ...: not fetched
                path, _, fragment = target.partition("#")
                full = os.path.normpath(os.path.join(here, path)) if path else os.path.join(root, rel)
                if not os.path.exists(full):
                    problems.append(f"{rel}:{number}: link to {target}: no such file")
                elif fragment and full.endswith(".md") and fragment not in anchors(full):
                    problems.append(f"{rel}:{number}: link to {target}: no heading "
                                    f"#{fragment} in {os.path.relpath(full, root)}")
            prose = URL.sub("", REFERENCE_DEF.sub("", INLINE_LINK.sub("", line)))
            for cited in CITED_MD.findall(prose):
                if not cited_exists(root, rel, cited):
                    problems.append(f"{rel}:{number}: names {cited}: not in the repository")


def cited_exists(root, rel, cited):
    """A cited path, from the repository root or the citing file's folder or a parent."""
    folder = os.path.dirname(rel)
    candidates = [cited]
    while True:
        candidates.append(os.path.join(folder, cited))
        if not folder:
            break
        folder = os.path.dirname(folder)
    return any(os.path.isfile(os.path.normpath(os.path.join(root, c))) for c in candidates)


def check_citations(root, rel, problems):
    try:
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            lines = f.readlines()
    except UnicodeDecodeError:
        return  # not text
    for number, line in enumerate(lines, 1):
        for issue in ISSUE.finditer(line):
            if COMMENT_START.search(line[:issue.start()]):
                problems.append(f"{rel}:{number}: cites {issue.group(0)}: cite a rule or docs/ instead")
        for cited in CITED_MD.findall(URL.sub("", line)):
            if not cited_exists(root, rel, cited):
                problems.append(f"{rel}:{number}: cites {cited}: not in the repository")


def check(root):
    problems = []
    for rel in walk(root, "."):
        if rel.endswith(".md"):
            check_markdown(root, rel, problems)
    for top in SOURCE_ROOTS:
        if not os.path.isdir(os.path.join(root, top)):
            continue
        for rel in walk(root, top):
            if is_source(rel):
                check_citations(root, rel, problems)
    return problems


def main():
    args = sys.argv[1:]
    if args and args[0] == "--expect-failures":
        with open(args[1], encoding="utf-8") as f:
            expected = [line.rstrip("\n") for line in f if line.strip()]
        problems = check(args[2])
        if problems == expected:
            print(f"the checker found exactly the {len(expected)} planted problems")
            return 0
        print("the checker did not find exactly the planted problems")
        print("expected:\n  " + "\n  ".join(expected))
        print("found:\n  " + "\n  ".join(problems))
        return 1
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    problems = check(os.path.normpath(root))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} broken reference(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
