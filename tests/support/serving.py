"""Start the installed `briefing serve` on a free port, and the PNG decoding the browser test
reads its screenshot with (zlib only: no imaging library)."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import zlib
from pathlib import Path

from support import SEED
from support.entry_point import entry_point


def start_serve(folder: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """`briefing serve --port 0 ARGS SEED` in `folder`, with the address it printed."""
    env = dict(os.environ, BRIEFING_CACHE_DIR=str(folder / "cache"), PYTHONUNBUFFERED="1")
    process = subprocess.Popen([entry_point(), "serve", "--port", "0", *args, str(SEED)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=folder)
    line = process.stdout.readline()
    match = re.search(r"(http://\S+)", line)
    if not match:
        process.kill()
        raise AssertionError(f"no address printed: {line!r} {process.stderr.read()!r}")
    return process, match.group(1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


def png_pixels(data: bytes) -> list[tuple[int, ...]]:
    """Every pixel of an 8-bit RGB or RGBA PNG, as (r, g, b[, a]) tuples, row by row."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and not interlace, header
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    previous = bytearray(stride)
    pixels = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0), (abs(guess - up), 1), (abs(guess - corner), 2))
                line[i] = (line[i] + (left, up, corner)[near[1]]) & 0xFF
        pixels.extend(tuple(line[i:i + size]) for i in range(0, stride, size))
        previous = line
    return pixels
