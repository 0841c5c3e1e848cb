"""`briefing serve`: the token guards every route, each websocket streams a reader of its own
that answers typed keys, and Ctrl+C stops the server and its readers. The server runs in
pytest behind aiohttp's test client; the readers are real `briefing` processes."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sys
import time

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from tui.cli import main
from tui.web.server import GuardedServer, page_url, reader_command

from support import SEED
from support.serving import start_serve, stop

TOKEN = "open-sesame"
TITLE = "China, Tajikistan vow to deepen cooperation"
HELP = "search as you type"
TIMEOUT = 40.0  # seconds for a reader to start and paint on a busy machine
ESCAPES = re.compile(r"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


@pytest.fixture
async def client(cache_folder):
    server = GuardedServer(reader_command([SEED]), token=TOKEN)
    # unsafe: the test server is at 127.0.0.1, and a jar keeps no cookie of a bare IP else
    jar = aiohttp.CookieJar(unsafe=True)
    async with TestClient(TestServer(await server._make_app()), cookie_jar=jar) as client:
        yield client


class Screen:
    """What a reader's websocket has painted so far, as text without escape sequences."""

    def __init__(self, websocket):
        self.websocket = websocket
        self.text = ""

    async def shows(self, needle: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while needle not in self.text:
            try:
                message = await self.websocket.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                # AssertionError, not pytest.fail: a BaseException would hang asyncio.run
                raise AssertionError(f"{needle!r} not painted; so far: {self.text[-400:]!r}") from None
            assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
            data = message.data
            if isinstance(data, bytes):
                self.text += ESCAPES.sub("", data.decode("utf-8", "replace"))

    async def closes(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not self.websocket.closed:
            try:
                message = await self.websocket.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                raise AssertionError("the websocket stayed open") from None
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                return

    async def type(self, keys: str) -> None:
        await self.websocket.send_json(["stdin", keys])


@pytest.mark.parametrize("path", ["/", "/ws", "/static/js/textual.js", "/static/", "/download/x"])
@pytest.mark.parametrize("token", [None, "", "open-sesamE", "open-sesame-", "ünïcode"])
async def test_every_route_refuses_a_request_without_the_token(client, path, token):
    query = {} if token is None else {"token": token}
    response = await client.get(path, params=query)
    assert response.status == 403
    assert "needs the token" in await response.text()
    assert not response.cookies


async def test_the_websocket_handshake_is_refused_without_the_token(client):
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect("/ws")
    assert refused.value.status == 403


async def test_the_page_with_the_token_sets_a_cookie_that_opens_the_rest(client):
    page = await client.get("/", params={"token": TOKEN})
    assert page.status == 200
    html = await page.text()
    assert 'data-session-websocket-url="ws://' in html
    assert "googleapis" not in html and "https://" not in html  # nothing from elsewhere
    (cookie,) = page.cookies.values()
    assert cookie.value == TOKEN and cookie["httponly"] and cookie["samesite"] == "Strict"
    script = await client.get("/static/js/textual.js")  # the cookie, no token in the URL
    assert script.status == 200


async def test_a_page_elsewhere_may_not_open_the_websocket(client):
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect(f"/ws?token={TOKEN}", origin="http://evil.example")
    assert refused.value.status == 403


async def test_the_websocket_streams_a_reader_that_answers_keys(client):
    async with client.ws_connect(f"/ws?token={TOKEN}&width=110&height=32") as websocket:
        screen = Screen(websocket)
        await screen.shows(TITLE)
        await screen.type("?")
        await screen.shows(HELP)
        await screen.type("\x1b")  # Esc closes the help; alone, not as the start of Alt+q
        await asyncio.sleep(0.5)
        await screen.type("q")
        await screen.closes()


async def test_each_tab_gets_a_reader_of_its_own(client):
    url = f"/ws?token={TOKEN}&width=110&height=32"
    async with client.ws_connect(url) as first, client.ws_connect(url) as second:
        one, two = Screen(first), Screen(second)
        await asyncio.gather(one.shows(TITLE), two.shows(TITLE))
        await one.type("q")
        await one.closes()
        await two.type("?")  # the second reader still runs after the first has quit
        await two.shows(HELP)


def test_serve_without_the_web_extra_says_how_to_install_it(monkeypatch, capsys):
    for name in [n for n in sys.modules if n.split(".")[0] == "textual_serve"] + ["textual_serve"]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "tui.web.server", raising=False)
    assert main(["serve", str(SEED)]) == 2
    assert capsys.readouterr().err == (
        "briefing serve: needs the web extra: pip install 'briefing[web]'\n"
    )


def test_a_port_in_use_is_one_line(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefing serve: cannot listen on 127.0.0.1:{port}: ")
    assert err.count("\n") == 1


def test_a_missing_path_is_a_usage_error(capsys, tmp_path):
    assert main(["serve", str(tmp_path / "nowhere.toml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_the_printed_address_names_the_host_and_the_token():
    assert page_url("127.0.0.1", 8123, "abc") == "http://127.0.0.1:8123/?token=abc"
    assert page_url("::1", 8123, "abc") == "http://[::1]:8123/?token=abc"
    assert page_url("0.0.0.0", 8123, "abc") == f"http://{socket.gethostname()}:8123/?token=abc"


def test_the_reader_command_quotes_every_path(tmp_path):
    odd = tmp_path / "a b; echo $HOME 'x'.toml"
    assert reader_command([odd]).endswith(" -m tui " + "'" + str(odd).replace("'", "'\"'\"'") + "'")


# -- the installed command -------------------------------------------------------------------

def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    parent = int(stat.read().rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the readers")
def test_ctrl_c_stops_the_server_and_its_readers(tmp_path):
    process, url = start_serve(tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:") and "?token=" in url
        origin, _, token = url.partition("/?token=")
        ws_url = f"{origin.replace('http://', 'ws://')}/ws?token={token}&width=110&height=32"

        async def read_then_interrupt() -> set[int]:
            async with aiohttp.ClientSession() as session:
                refused = await session.get(origin + "/")
                assert refused.status == 403
                async with session.ws_connect(ws_url) as websocket:
                    screen = Screen(websocket)
                    await screen.shows(TITLE)
                    readers = _descendants(process.pid)
                    assert readers, "no reader process"
                    process.send_signal(signal.SIGINT)
                    await screen.closes()
                    return readers

        readers = asyncio.run(read_then_interrupt())
        assert process.wait(timeout=TIMEOUT) == 0
        assert "Stopped." in process.stdout.read()
        deadline = time.monotonic() + 10
        while any(map(_alive, readers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, readers)), "a reader outlived the server"
    finally:
        stop(process)


def test_another_host_needs_the_option_and_warns(tmp_path):
    process, url = start_serve(tmp_path, "--host", "127.0.0.2")
    try:
        assert url.startswith("http://127.0.0.2:")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=TIMEOUT) == 0
        warning = process.stderr.read()
        assert warning.startswith("briefing serve: warning: listening on 127.0.0.2")
        assert warning.count("\n") == 1
    finally:
        stop(process)
