"""One headless Chromium for every test that draws the HTML export.

Starting Chromium costs about 0.8 s of CPU; a tab costs a few hundredths. The tests drive one
browser per test module through its DevTools protocol on a pipe (``--remote-debugging-pipe``:
JSON messages, each ending in a NUL byte, read by Chromium on descriptor 3 and written on 4),
with the commands its own ``--screenshot`` and ``--print-to-pdf`` switches use.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
from pathlib import Path

ANSWER_WITHIN = 120  # seconds; only a broken browser takes that long


def find() -> str | None:
    """The Chromium on this machine, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _above_four(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 5)
    os.close(fd)
    return moved


class Browser:
    def __init__(self, executable: str, profile: Path) -> None:
        ours_to_chromium, self._write = os.pipe()
        self._read, chromium_to_ours = os.pipe()
        # above 4, so that putting one end on 3 or 4 cannot close the other
        ours_to_chromium, chromium_to_ours = _above_four(ours_to_chromium), _above_four(chromium_to_ours)
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--hide-scrollbars",
                 f"--user-data-dir={profile}", "--remote-debugging-pipe"]
        # bash (not sh: dash takes one-digit descriptors only) puts the pipe's ends on descriptors 3 and 4, then becomes Chromium
        self.process = subprocess.Popen(
            ["bash", "-c", f'exec "$0" "$@" 3<&{ours_to_chromium} 4>&{chromium_to_ours}',
             executable, *flags],
            pass_fds=(ours_to_chromium, chromium_to_ours),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(ours_to_chromium)
        os.close(chromium_to_ours)
        self._buffer = b""
        self._events: list[dict] = []
        self._next_id = 0

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command; its result (events that come meanwhile are kept for ``wait``)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self._next_id:
                assert "error" not in answer, (method, answer["error"])
                return answer["result"]
            self._events.append(answer)

    def wait(self, event: str, session: str) -> dict:
        """The first event named ``event`` from tab ``session``, waiting for it if need be."""
        while True:
            for found in self._events:
                if found.get("method") == event and found.get("sessionId") == session:
                    self._events.remove(found)
                    return found["params"]
            self._events.append(self._receive())

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], ANSWER_WITHIN)
            assert ready, f"Chromium did not answer in {ANSWER_WITHIN} s"
            chunk = os.read(self._read, 1 << 20)
            assert chunk, f"Chromium ended (exit code {self.process.poll()})"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url: str, width: int, height: int) -> "Tab":
        """A new tab of ``width`` x ``height`` CSS pixels with ``url`` loaded."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session)
        self.call("Page.enable", session=session)
        self.call("Page.navigate", {"url": url}, session)
        self.wait("Page.loadEventFired", session)
        return Tab(self, target, session)

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (AssertionError, OSError):  # already gone: the tests have said so
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)


class Tab:
    def __init__(self, browser: Browser, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session

    def screenshot(self) -> bytes:
        """The tab's viewport as PNG."""
        data = self.browser.call("Page.captureScreenshot", {"format": "png"}, self.session)["data"]
        return base64.b64decode(data)

    def pdf(self) -> bytes:
        """The page printed, without the browser's header and footer."""
        data = self.browser.call("Page.printToPDF", {"displayHeaderFooter": False},
                                 self.session)["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})

    def __enter__(self) -> "Tab":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
