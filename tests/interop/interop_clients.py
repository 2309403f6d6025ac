"""Starting the interop matrix's clients (tests/interop/clients/) and
collecting their reports: browsers send theirs to the report socket, the
library clients print theirs on stdout."""

import asyncio
import json
import os
import shutil
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT_DIR = os.path.join(HERE, "clients")
PAGE = os.path.join(CLIENT_DIR, "page.html")
FIREFOX_PREFS = """\
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.aboutwelcome.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
user_pref("app.update.enabled", false);
user_pref("dom.min_background_timeout_value", 4);
"""


def version_of(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return None


class Client:
    def __init__(self, kind, program, version_command):
        self.kind = kind  # "browser" or "process"
        self.program = program
        self.version_command = version_command
        self._version = None

    def missing(self, qt_client):
        program = qt_client if self.program == "@qt" else self.program
        if not program or not shutil.which(program):
            return f"{program or 'the Qt client'} is not installed"
        return None

    def version(self, qt_client):
        if self._version is None:
            command = [qt_client if c == "@qt" else c for c in self.version_command]
            self._version = version_of(command) or "unknown"
        return self._version


CLIENTS = {
    "chromium": Client("browser", "chromium", ["chromium", "--version"]),
    "firefox": Client("browser", "firefox-esr", ["firefox-esr", "--version"]),
    "node-ws": Client("process", "node", ["node", "-e", "console.log('ws ' + "
                      "require('/usr/share/nodejs/ws/package.json').version)"]),
    "python-websockets": Client("process", "/usr/bin/python3",
                                ["/usr/bin/python3", "-c", "import websockets; "
                                 "print('websockets', websockets.__version__)"]),
    "qt-qwebsocket": Client("process", "@qt", ["@qt", "--version"]),
}


class ClientRun:
    """One client, started for one scenario."""

    def __init__(self, name, url, report_server, qt_client, workdir):
        self.name = name
        self.url = url
        self.report_url, self.reports = report_server
        self.qt_client = qt_client
        self.workdir = workdir
        self.client = CLIENTS[name]
        self.proc = None
        self.profile = None

    def command(self):
        if self.client.kind == "browser":
            self.profile = tempfile.mkdtemp(prefix=f"{self.name}-", dir=self.workdir)
            page = f"file://{PAGE}#ws={self.url}&report={self.report_url}&name={self.name}"
            if self.name == "chromium":
                return ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--no-default-browser-check",
                        "--disable-background-timer-throttling",
                        f"--user-data-dir={self.profile}", page]
            with open(os.path.join(self.profile, "user.js"), "w") as prefs:
                prefs.write(FIREFOX_PREFS)
            return ["firefox-esr", "--headless", "--no-remote", "--profile", self.profile, page]
        if self.name == "node-ws":
            return ["node", os.path.join(CLIENT_DIR, "node_client.js"), self.url]
        if self.name == "python-websockets":
            return ["/usr/bin/python3", os.path.join(CLIENT_DIR, "python_client.py"), self.url]
        return [self.qt_client, self.url]

    async def start(self):
        env = dict(os.environ, NODE_PATH="/usr/share/nodejs", MOZ_CRASHREPORTER_DISABLE="1")
        self.proc = await asyncio.create_subprocess_exec(
            *self.command(), stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, env=env)

    async def report(self, timeout, quiet=False):
        """The client's report, with its version; None when none came."""
        deadline = time.monotonic() + timeout
        report = None
        if self.client.kind == "browser":
            while time.monotonic() < deadline and report is None:
                for candidate in self.reports.get(self.name, []):
                    if candidate.get("url") == self.url:
                        report = candidate
                        break
                else:
                    await asyncio.sleep(0.05)
        else:
            try:
                line = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
                report = json.loads(line) if line.strip() else None
            except (asyncio.TimeoutError, json.JSONDecodeError):
                report = None
        if report is None:
            if quiet:
                return None
            raise TimeoutError(f"{self.name} sent no report")
        report["version"] = self.client.version(self.qt_client)
        return report

    async def stop(self):
        if self.proc and self.proc.returncode is None:
            self.proc.terminate()
            try:
                await asyncio.wait_for(self.proc.wait(), 10)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)
