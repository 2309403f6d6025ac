#!/usr/bin/python3
"""Checks what CloseCall installs and what its Debian package holds.

Usage:
  check_package.py install BUILD SCRATCH --version V --appstream-id ID [--nox]
      `cmake --install BUILD --prefix /usr` into the empty folder SCRATCH/root
      (DESTDIR), then checks that tree as `tree` does.
  check_package.py tree ROOT --version V --appstream-id ID [--nox]
      checks the tree under ROOT (a DESTDIR or an extracted package): the
      binary without an RPATH, the man page (every option of the binary's
      --help, no groff warning), the docs, and with the GUI the translations
      embedded in the binary, the desktop entry, the AppStream metainfo (the
      newest release is V) and the icons.
  check_package.py deb BUILD SCRATCH --version V --appstream-id ID [--nox]
      `cpack -G DEB` of BUILD into SCRATCH, checks the package's fields
      (Depends lists the Qt 6 runtime libraries, and apt can satisfy it:
      `apt-get --simulate install`) and contents, extracts it
      with `dpkg -x` into SCRATCH/root, checks that tree, then starts the
      extracted binary with LD_LIBRARY_PATH unset and the scratch folder as
      its working directory: --version, the headless mode (its `listening`
      event, a real WebSocket upgrade, `quit`) and, with the GUI, the window
      on the offscreen platform.
Prints one line per problem and exits 1 when there is one.
"""

import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading

APPSTREAM_ID = None  # --appstream-id: cmake/Packaging.cmake's CLOSECALL_APPSTREAM_ID
PNG_SIZES = (48, 64, 128, 256)
# Caps on how long a started process may take: they end a hung run, they do
# not measure anything (a busy machine only gets closer to them).
RUN_CAP_S = 120

problems = []


def problem(text):
    problems.append(text)
    print(text, flush=True)


def need_file(root, rel, executable=False):
    path = os.path.join(root, rel)
    if not os.path.isfile(path):
        problem(f"missing: {rel}")
        return None
    if executable and not os.access(path, os.X_OK):
        problem(f"not executable: {rel}")
    return path


def clean_env(scratch):
    """The environment of an installed program: nothing from the build tree."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("LD_LIBRARY_PATH", "LD_PRELOAD", "QT_PLUGIN_PATH",
                        "QT_QPA_PLATFORM_PLUGIN_PATH", "CLOSECALL_SETTINGS")
           and not k.startswith("CLOSECALL_SCREENSHOT")}
    home = os.path.join(scratch, "home")
    os.makedirs(home, exist_ok=True)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_RUNTIME_DIR=home, LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    return env


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=RUN_CAP_S, **kwargs)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def help_options(binary):
    """The long options `closecall --help` lists (the man page's source)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = run([binary, "--help"], cwd=scratch, env=clean_env(scratch)).stdout
    return sorted(set(re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", out, re.MULTILINE)))


def check_binary(root):
    binary = need_file(root, "usr/bin/closecall", executable=True)
    if not binary:
        return None
    dynamic = run(["readelf", "--dynamic", binary]).stdout
    for tag in ("RPATH", "RUNPATH"):
        if f"({tag})" in dynamic:
            problem(f"usr/bin/closecall has an {tag}: "
                    + re.search(rf"\({tag}\).*", dynamic).group(0))
    return binary


def check_embedded_translations(binary):
    """Nothing installs the .qm files: ui/gui.cpp loads them from :/i18n, in the binary."""
    with open(binary, "rb") as f:
        data = f.read()
    for lang in ("de", "sv"):
        # rcc stores a resource's name in UTF-16.
        if f"closecall_{lang}.qm".encode("utf-16-be") not in data:
            problem(f"usr/bin/closecall has no embedded closecall_{lang}.qm, and none is installed")


def check_man_page(root, binary):
    page = need_file(root, "usr/share/man/man1/closecall.1.gz")
    if not page:
        return
    with gzip.open(page, "rt", encoding="utf-8") as f:
        text = f.read()
    if not text.startswith(".\\\"") or ".TH CLOSECALL 1" not in text.replace('"', ""):
        problem("closecall.1.gz: no .TH CLOSECALL 1 header")
    # The OPTIONS section, where help2man puts --help's list: a tagged
    # paragraph an option, its tag the line after .TP ("\fB\-h\fR,
    # \fB\-\-help\fR"); help2man escapes every '-' as '\-'.
    section = re.search(r"^\.SH OPTIONS\n(.*?)^\.SH ", text, re.MULTILINE | re.DOTALL)
    tags = re.findall(r"^\.TP\n(.*)$", section.group(1) if section else "", re.MULTILINE)
    described = {name for tag in tags
                 for name in re.findall(r"\\fB(--[\w-]+)\\fR", tag.replace("\\-", "-"))}
    options = help_options(binary) if binary else []
    if binary and len(options) < 10:
        problem(f"closecall --help lists only {options}")
    for option in options:
        if option not in described:
            problem(f"closecall.1.gz: OPTIONS does not describe {option} (from --help)")
    lint = run(["groff", "-t", "-ww", "-z", "-man", "-Tutf8"], input=text)
    if lint.returncode != 0 or lint.stderr.strip():
        problem(f"closecall.1.gz: groff warns: {lint.stderr.strip()}")


def check_desktop_entry(root):
    path = need_file(root, "usr/share/applications/closecall.desktop")
    if not path:
        return
    with open(path, encoding="utf-8") as f:
        entry = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
    expected = {"Exec": "closecall", "Icon": "closecall", "Type": "Application"}
    for key, value in expected.items():
        if entry.get(key) != value:
            problem(f"closecall.desktop: {key}={entry.get(key)}, expected {value}")
    for key in ("Name", "GenericName", "Comment"):
        for lang in ("", "[de]", "[sv]"):
            if not entry.get(key + lang):
                problem(f"closecall.desktop: no {key}{lang}")
    categories = entry.get("Categories", "").split(";")
    for category in ("Network", "Development"):
        if category not in categories:
            problem(f"closecall.desktop: Categories lacks {category}")
    if not entry.get("Keywords"):
        problem("closecall.desktop: no Keywords")


def check_metainfo(root, version):
    rel = f"usr/share/metainfo/{APPSTREAM_ID}.metainfo.xml"
    path = need_file(root, rel)
    if not path:
        return
    import xml.etree.ElementTree as ET
    component = ET.parse(path).getroot()
    if component.findtext("id") != APPSTREAM_ID:
        problem(f"{rel}: id is {component.findtext('id')}")
    if component.findtext("launchable") != "closecall.desktop":
        problem(f"{rel}: launchable is not closecall.desktop")
    releases = component.findall("releases/release")
    if not releases or releases[0].get("version") != version:
        newest = releases[0].get("version") if releases else None
        problem(f"{rel}: the newest release is {newest}, the project's version {version}: "
                "add its release notes")
    elif releases[0].find("description") is None:
        problem(f"{rel}: release {version} has no notes")
    image = component.findtext("screenshots/screenshot/image") or ""
    if not image.endswith("/docs/screenshot.png"):
        problem(f"{rel}: the screenshot is '{image}', not docs/screenshot.png")
    if component.find("content_rating") is None:
        problem(f"{rel}: no content_rating")
    if not component.findtext("url[@type='homepage']"):
        problem(f"{rel}: no homepage")
    if component.findtext("project_license") != "MIT":  # LICENSE
        problem(f"{rel}: project_license is {component.findtext('project_license')}, not MIT")
    categories = [c.text for c in component.findall("categories/category")]
    if categories != ["Network", "Development"]:
        problem(f"{rel}: categories are {categories}")


def check_icons(root):
    need_file(root, "usr/share/icons/hicolor/scalable/apps/closecall.svg")
    for size in PNG_SIZES:
        path = need_file(root, f"usr/share/icons/hicolor/{size}x{size}/apps/closecall.png")
        if path and png_size(path) != (size, size):
            problem(f"{size}x{size}/apps/closecall.png is {png_size(path)} pixels")


def check_tree(root, version, gui):
    binary = check_binary(root)
    check_man_page(root, binary)
    # The man page points there; docs/guide.md shows docs/screenshot.png beside it.
    for doc in ("docs/guide.md", "docs/screenshot.png", "docs/headless.md",
                "docs/close-semantics.md", "LICENSE"):
        name = "copyright" if doc == "LICENSE" else os.path.basename(doc)
        need_file(root, f"usr/share/doc/closecall/{name}")
    gui_paths = ("usr/share/applications", "usr/share/metainfo", "usr/share/icons")
    if gui:
        if binary:
            check_embedded_translations(binary)
        check_desktop_entry(root)
        check_metainfo(root, version)
        check_icons(root)
    else:
        for rel in gui_paths:
            if os.path.exists(os.path.join(root, rel)):
                problem(f"the headless-only build installs {rel}")


def fresh(folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    return folder


def install(build, scratch, version, gui):
    root = fresh(os.path.join(scratch, "root"))
    env = dict(os.environ, DESTDIR=root)
    result = run(["cmake", "--install", build, "--prefix", "/usr"], env=env)
    if result.returncode != 0:
        problem(f"cmake --install failed ({result.returncode}); was the build run first?\n"
                + result.stdout + result.stderr)
        return
    check_tree(root, version, gui)


def websocket_upgrade(port):
    """A real client's upgrade: the installed server answers 101 with the right accept."""
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", port), timeout=RUN_CAP_S) as s:
        s.sendall((f"GET /package-test HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                   "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = s.recv(4096)
            if not chunk:
                break
            response += chunk
    head = response.decode("latin-1")
    accept = base64.b64encode(hashlib.sha1(
        (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
    if not head.startswith("HTTP/1.1 101") or f"Sec-WebSocket-Accept: {accept}" not in head:
        problem(f"the installed server did not upgrade: {head!r}")


def run_headless(binary, scratch):
    proc = subprocess.Popen([binary, "--headless", "--listen", "127.0.0.1:0"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=scratch,
                            env=clean_env(scratch))
    watchdog = threading.Timer(RUN_CAP_S, proc.kill)
    watchdog.start()
    try:
        first = proc.stdout.readline()
        try:
            event = json.loads(first)
        except ValueError:
            event = {}
        if event.get("event") != "listening" or not event.get("port"):
            problem(f"headless: the first line is not a listening event: {first!r}")
        else:
            websocket_upgrade(event["port"])
        out, err = proc.communicate('{"cmd":"quit","id":1}\n')
    finally:
        watchdog.cancel()
    if proc.returncode != 0:
        problem(f"headless: exit {proc.returncode}; stderr: {err}")
    if '"event":"result","id":1,"ok":true' not in out:
        problem(f"headless: quit was not answered: {out!r}")


def run_gui(binary, scratch):
    """The window from the package, on the offscreen platform: it draws and saves a grab."""
    picture = os.path.join(scratch, "window.png")
    env = clean_env(scratch)
    env.update(QT_QPA_PLATFORM="offscreen", CLOSECALL_SCREENSHOT=picture,
               CLOSECALL_SCREENSHOT_SETTLE_MS="0",
               CLOSECALL_SETTINGS=os.path.join(scratch, "settings.ini"))
    result = run([binary, "--listen", "127.0.0.1:0"], cwd=scratch, env=env)
    if result.returncode != 0 or not os.path.isfile(picture) or not png_size(picture):
        problem(f"gui: exit {result.returncode}, no window grab; stderr: {result.stderr}")


def check_depends(deb, gui):
    fields = run(["dpkg-deb", "--field", deb, "Depends"]).stdout
    names = {d.split()[0] for d in fields.replace("|", ",").split(",") if d.strip()}
    required = {"libqt6core6", "libqt6network6"}
    if gui:
        required |= {"libqt6gui6", "libqt6widgets6", "libqt6svg6"}
    for name in sorted(required - names):
        problem(f"Depends lacks {name}: {fields.strip()}")
    if not gui:
        for name in sorted(names & {"libqt6gui6", "libqt6widgets6"}):
            problem(f"the headless-only package depends on {name}")
    if not re.search(r"libqt6core6 \(>= 6\.", fields):
        problem(f"Depends has no computed version for libqt6core6: {fields.strip()}")


def deb(build, scratch, version, gui):
    fresh(scratch)
    result = run(["cpack", "-G", "DEB", "--config", os.path.join(build, "CPackConfig.cmake"),
                  "-B", scratch])
    arch = run(["dpkg", "--print-architecture"]).stdout.strip()
    name = "closecall" if gui else "closecall-nox"
    package = os.path.join(scratch, f"{name}_{version}_{arch}.deb")
    if result.returncode != 0 or not os.path.isfile(package):
        problem(f"cpack did not make {os.path.basename(package)}:\n{result.stdout}{result.stderr}")
        return
    check_depends(package, gui)
    # apt resolves the package's Depends against this Debian without
    # installing anything: they name packages that exist, in versions it has.
    result = run(["apt-get", "--simulate", "--no-install-recommends", "install", package])
    if result.returncode != 0 or not re.search(rf"^Inst {name} ", result.stdout, re.MULTILINE) \
            or re.search(r"^Remv ", result.stdout, re.MULTILINE):
        problem(f"apt-get --simulate install of the package:\n{result.stdout}{result.stderr}")
    listing = run(["dpkg-deb", "--contents", package]).stdout
    if not re.search(r"^-rwxr-xr-x root/root .* \./usr/bin/closecall$", listing, re.MULTILINE):
        problem(f"the package has no root-owned executable ./usr/bin/closecall:\n{listing}")
    root = fresh(os.path.join(scratch, "root"))
    result = run(["dpkg", "-x", package, root])
    if result.returncode != 0:
        problem(f"dpkg -x failed: {result.stderr}")
        return
    check_tree(root, version, gui)
    binary = os.path.join(root, "usr/bin/closecall")
    if not os.path.isfile(binary):
        return
    result = run([binary, "--version"], cwd=scratch, env=clean_env(scratch))
    if result.returncode != 0 or result.stdout != f"closecall {version}\n":
        problem(f"--version: exit {result.returncode}, {result.stdout!r} {result.stderr!r}")
    run_headless(binary, scratch)
    if gui:
        run_gui(binary, scratch)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("install", "tree", "deb"))
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--version", required=True)
    parser.add_argument("--appstream-id", required=True)
    parser.add_argument("--nox", action="store_true", help="the headless-only build")
    args = parser.parse_args()
    global APPSTREAM_ID
    APPSTREAM_ID = args.appstream_id
    gui = not args.nox
    if args.mode == "tree":
        check_tree(os.path.abspath(args.paths[0]), args.version, gui)
    else:
        if len(args.paths) != 2:
            parser.error(f"{args.mode} takes BUILD and SCRATCH")
        build, scratch = (os.path.abspath(p) for p in args.paths)
        (install if args.mode == "install" else deb)(build, scratch, args.version, gui)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
