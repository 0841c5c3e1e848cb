"""A program in a pseudo-terminal of a given size, its output kept as bytes: the bench's and
the byte-level tests' way of running the reader as a terminal does."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

#: A state folder that cannot be made: a measured reader neither restores nor keeps a theme,
#: a search history or a last quote, so every run starts as the first did.
NO_STATE = os.path.join(os.devnull, "briefing-state")

COLUMNS, LINES = 160, 40
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]")


class Terminal:
    """A program running in a pseudo-terminal, with its screen output as plain text."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path,
                 size: tuple[int, int] = (COLUMNS, LINES)):
        master, slave = pty.openpty()
        columns, lines = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.text = b""

    def wait_for(self, marker: str, timeout: float = 120.0, since: int = 0) -> float:
        """Seconds from now until `marker` shows in the output written after offset
        `since`; raises TimeoutError."""
        start = time.perf_counter()
        wanted = marker.encode()
        while True:
            if wanted in ANSI.sub(b"", self.text[since:]):
                return time.perf_counter() - start
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(marker)
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    self.text += os.read(self.master, 1 << 16)
                except OSError:
                    raise TimeoutError(marker) from None

    def settle(self, quiet: float = 0.25, limit: float = 5.0) -> int:
        """Read until nothing has come for `quiet` seconds (or `limit` has passed); the
        number of bytes read."""
        before = len(self.text)
        end = time.perf_counter() + limit
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(quiet, left))
            if not ready:
                break
            try:
                self.text += os.read(self.master, 1 << 16)
            except OSError:
                break
        return len(self.text) - before

    def pump(self, seconds: float) -> None:
        """Read the output for `seconds` (a program whose output is not read stalls)."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.text += os.read(self.master, 1 << 16)
                except OSError:
                    return

    def type(self, keys: str) -> int:
        offset = len(self.text)
        os.write(self.master, keys.encode())
        return offset

    def peak_rss_mb(self) -> float:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def close(self, timeout: float = 60) -> None:
        """Quit with Ctrl+Q (Textual's quit key, from any focus; the bare app has no `q`),
        reading the output meanwhile: a program whose output is not read blocks on its
        next write and never gets to exit (or to write its cache)."""
        try:
            os.write(self.master, b"\x11")
        except OSError:
            pass
        end = time.perf_counter() + timeout
        while self.process.poll() is None and time.perf_counter() < end:
            self.pump(0.05)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
