#!/usr/bin/python3
"""Runs lupdate over the sources the build translates (its lupdate project
file) into copies of translations/*.ts, then checks with translations/fill.py
that no entry is missing or unfinished in German and Swedish and that every
text in translations/texts/ is still in the code.
Usage: check-translations.py LUPDATE PROJECT_JSON SOURCE_DIR"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

lupdate, project, source_dir = sys.argv[1:4]
with tempfile.TemporaryDirectory() as work:
    copies = []
    for ts in sorted(glob.glob(os.path.join(source_dir, "translations", "closecall_*.ts"))):
        copies.append(shutil.copy(ts, work))
    if len(copies) != 3:
        sys.exit(f"expected closecall_en/de/sv.ts in {source_dir}/translations, found {copies}")
    run = subprocess.run([lupdate, "-project", project, "-no-obsolete", "-locations", "none",
                          "-ts", *copies], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"lupdate failed ({run.returncode}):\n{run.stdout}{run.stderr}")
    print(run.stdout.strip())
    check = subprocess.run([sys.executable, os.path.join(source_dir, "translations", "fill.py"),
                            "--check", "--ts-dir", work])
    if check.returncode != 0:
        sys.exit("translations are incomplete: add the texts above to translations/texts/, "
                 "then run `ninja update_translations && translations/fill.py && "
                 "ninja update_translations`")
