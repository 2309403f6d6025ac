#!/usr/bin/python3
"""Runs lupdate over the sources the build translates (its lupdate project
file) into copies of translations/*.ts, then checks with translations/fill.py
that no entry is missing or unfinished in German and Swedish and that every
text in translations/texts/ is still in the code.
Usage: check-translations.py LUPDATE PROJECT_CMAKE GENERATOR SOURCE_DIR
(PROJECT_CMAKE is the build's ui/.lupdate/closecall_ui_project.cmake, which
CMake writes at configure time; GENERATOR is Qt's GenerateLUpdateProject.cmake,
which turns it into the JSON project lupdate reads, as `update_translations`
does.)
       check-translations.py --can-fail SOURCE_DIR
The second form gives fill.py .ts files with one unfinished entry and passes
only when it fails naming that entry, so the first cannot pass by checking
nothing."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

UNFINISHED = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{lang}">
<context>
    <name>Fixture</name>
    <message>
        <source>A text nobody translated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def fill_check(source_dir, ts_dir):
    return subprocess.run([sys.executable, os.path.join(source_dir, "translations", "fill.py"),
                           "--check", "--ts-dir", ts_dir], capture_output=True, text=True)


def can_fail(source_dir):
    with tempfile.TemporaryDirectory() as work:
        for lang in ("en", "de", "sv"):
            with open(os.path.join(work, f"closecall_{lang}.ts"), "w") as f:
                f.write(UNFINISHED.format(lang=lang))
        check = fill_check(source_dir, work)
        wanted = "no de text for 'A text nobody translated'"
        if check.returncode == 0 or wanted not in check.stderr:
            sys.exit(f"fill.py --check did not report the unfinished entry:\n{check.stderr}")
        print("fill.py --check reports an unfinished entry, as it must")


def complete(lupdate, project_cmake, generator, source_dir):
    with tempfile.TemporaryDirectory() as work:
        project = os.path.join(work, "project.json")
        made = subprocess.run(["cmake", f"-DIN_FILE={project_cmake}", f"-DOUT_FILE={project}",
                               "-P", generator], capture_output=True, text=True)
        if made.returncode != 0:
            sys.exit(f"cannot make the lupdate project:\n{made.stdout}{made.stderr}")
        copies = [shutil.copy(ts, work) for ts in sorted(
            glob.glob(os.path.join(source_dir, "translations", "closecall_*.ts")))]
        if len(copies) != 3:
            sys.exit(f"expected closecall_en/de/sv.ts in {source_dir}/translations, found {copies}")
        run = subprocess.run([lupdate, "-project", project, "-no-obsolete", "-locations", "none",
                              "-ts", *copies], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"lupdate failed ({run.returncode}):\n{run.stdout}{run.stderr}")
        print(run.stdout.strip())
        check = fill_check(source_dir, work)
        sys.stdout.write(check.stdout)
        sys.stderr.write(check.stderr)
        if check.returncode != 0:
            sys.exit("translations are incomplete: add the texts above to translations/texts/, "
                     "then run `ninja update_translations && translations/fill.py && "
                     "ninja update_translations`")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--can-fail"]:
        can_fail(sys.argv[2])
    else:
        complete(*sys.argv[1:5])
