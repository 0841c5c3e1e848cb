"""`briefing serve`: textual-serve runs the reader once per browser tab, and every route (the
page, the websocket, the static files, downloads) refuses a request without the token."""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
import shlex
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("briefing.web")

TEMPLATES = Path(__file__).parent / "templates"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
REFUSED = "briefing: this address needs the token that `briefing serve` printed\n"


def reader_command(paths: Sequence[str | Path]) -> str:
    """The shell command textual-serve runs per tab: this Python's `briefing PATH...`."""
    return shlex.join([sys.executable, "-m", "tui", *map(str, paths)])


def page_url(host: str, port: int, token: str) -> str:
    if host in ("", "0.0.0.0", "::"):
        host = socket.gethostname()
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/?token={token}"


class GuardedServer(Server):
    """textual-serve's server with a token on every route, and readers that stop with it."""

    def __init__(self, command: str, host: str = "127.0.0.1", port: int = 8000,
                 token: str | None = None):
        super().__init__(command, host=host, port=port, title="briefing",
                         templates_path=TEMPLATES)
        self.token = token or secrets.token_urlsafe(24)
        # A name of this server's own: another `serve` on this host keeps its own cookie.
        self.cookie = f"briefing-{secrets.token_hex(4)}"
        self.sockets: set[web.WebSocketResponse] = set()

    def allows(self, request: web.Request) -> bool:
        given = request.query.get("token") or request.cookies.get(self.cookie) or ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return False
        origin = request.headers.get("Origin")  # a page elsewhere may not drive the reader
        return origin is None or origin == f"{request.scheme}://{request.host}"

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()

        @web.middleware
        async def guard(request: web.Request, handler) -> web.StreamResponse:
            if not self.allows(request):
                raise web.HTTPForbidden(text=REFUSED)
            response = await handler(request)
            if "token" in request.query and not response.prepared:
                # The page's own requests (scripts, the websocket) carry it from here on.
                response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict")
            return response

        app.middlewares.append(guard)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: `serve` prints the address itself, once the port is bound."""

    async def on_shutdown(self, app: web.Application) -> None:
        for websocket in list(self.sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")

    @aiohttp_jinja2.template("reader.html")
    async def handle_index(self, request: web.Request) -> dict:
        # Addresses as the browser reached us, so that a forwarded port (ssh -L) works too.
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "static_url": "/static/",
            "websocket_url": f"ws://{request.host}/ws",
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        self.sockets.add(websocket)
        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (ValueError, TypeError, KeyError, AssertionError) as error:
            log.warning("closing a tab that sent a malformed message: %s", error)
        finally:
            self.sockets.discard(websocket)
            await service.stop()
            await websocket.close()
            await _reap(getattr(service, "_process", None))
        return websocket

    async def run(self, announce: Callable[[str], None]) -> None:
        """Serve until SIGINT or SIGTERM, then close every tab and stop its reader."""
        runner = web.AppRunner(await self._make_app(), handle_signals=False,
                               shutdown_timeout=10)
        await runner.setup()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(number, stop.set)
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            announce(page_url(self.host, runner.addresses[0][1], self.token))
            await stop.wait()
        finally:
            await runner.cleanup()


async def _reap(process: asyncio.subprocess.Process | None) -> None:
    """Wait for a tab's reader to end after it was told to quit; kill it if it does not."""
    if process is None:
        return
    try:
        await asyncio.wait_for(process.wait(), timeout=5)
    except TimeoutError:
        process.kill()
        await process.wait()


def serve(paths: Sequence[str | Path], host: str, port: int, out=sys.stdout) -> None:
    """Serve the reader over `paths` on host:port, printing the address with its token.
    OSError when the port cannot be had."""
    server = GuardedServer(reader_command(paths), host=host, port=port)

    def announce(url: str) -> None:
        if host not in LOCAL_HOSTS:
            print(f"briefing serve: warning: listening on {host}, not only this machine: "
                  "anyone who can reach the port and learns the address can read these "
                  "briefings, and the connection is not encrypted", file=sys.stderr)
        print(f"Reading in a browser at {url}", file=out)
        print("Press Ctrl+C to stop.", file=out, flush=True)

    asyncio.run(server.run(announce))
    print("Stopped.", file=out)
