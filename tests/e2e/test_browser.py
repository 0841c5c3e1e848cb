"""`briefing serve` in a real browser: headless Chromium loads the page with the token and
shows the reader. Chromium is driven over its DevTools websocket (aiohttp comes with the web
extra), so the test waits in real time for the reader to paint, then takes a screenshot."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
import pytest

from support.serving import png_pixels, start_serve, stop

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TIMEOUT = 40.0
#: The reader's header bar (its background in the theme the reader starts with), the
#: colour the websocket stream paints the title row with.
HEADER = (51, 66, 78)

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed: the browser test needs it (.ci/run "
    "installs Debian's chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1200,800", "--remote-debugging-port=0"]


class DevTools:
    """One page of the browser, driven by DevTools protocol commands."""

    def __init__(self, websocket):
        self.websocket = websocket
        self.number = 0

    async def call(self, method: str, **params):
        self.number += 1
        await self.websocket.send_json({"id": self.number, "method": method, "params": params})
        while True:
            message = json.loads((await self.websocket.receive(timeout=TIMEOUT)).data)
            if message.get("id") == self.number:
                assert "error" not in message, message
                return message["result"]

    async def evaluate(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


def _devtools_port(browser: subprocess.Popen) -> int:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        line = browser.stderr.readline()
        if found := re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line):
            return int(found.group(1))
        if not line and browser.poll() is not None:
            break
    raise AssertionError("chromium did not open its DevTools port")


async def _screenshot(port: int, url: str) -> tuple[bytes, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json()
        page = next(t for t in targets if t["type"] == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            tools = DevTools(ws)
            await tools.call("Page.navigate", url=url)
            deadline = time.monotonic() + TIMEOUT
            # textual.js marks the body once the reader's first bytes arrive.
            while not await tools.evaluate("document.body.classList.contains('-first-byte')"):
                assert time.monotonic() < deadline, "the reader never painted in the browser"
                await asyncio.sleep(0.25)
            await asyncio.sleep(2.0)  # the first frames; the fade-in takes 0.3 s
            classes = await tools.evaluate("document.body.className")
            shot = await tools.call("Page.captureScreenshot", format="png")
            return base64.b64decode(shot["data"]), classes


@needs_chromium
def test_the_browser_shows_the_reader(tmp_path):
    server, url = start_serve(tmp_path)
    profile = tempfile.mkdtemp(prefix="briefing-chromium-")
    browser = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        png, classes = asyncio.run(_screenshot(_devtools_port(browser), url))
        Path(tmp_path / "reader.png").write_bytes(png)
        assert "-closed" not in classes, "the websocket closed: the token was refused?"
        colours = Counter(pixel[:3] for pixel in png_pixels(png))
        # A blank page has a colour or two; the reader has panes, borders and text, and a
        # header bar in its own colour across the top.
        assert len(colours) > 20, colours.most_common(5)
        assert colours[HEADER] > 1200 * 10, colours.most_common(5)
    finally:
        browser.kill()
        browser.wait()
        stop(server)
        shutil.rmtree(profile, ignore_errors=True)
