"""Synthetic briefings of any size, for the benchmark and the scale tests."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "cooperation trade security energy relations partnership development investment "
    "infrastructure vaccine workshop sovereignty agriculture transport logistics digital "
    "economy culture exchange tourism education health climate water finance industry "
    "innovation technology agreement summit dialogue stability region border customs "
    "railway pipeline solar hydropower training youth media science research"
).split()
NAMES = (
    "Ana Björk Chen Dmitri Élodie Farid Guðrún Hiroshi Ingrid José Kwame Lúcia Mehmet "
    "Nadia Ólafur Priya Quang Rosa Søren Tomasz Ümit Valeria Wang Xóchitl Yusuf Zoë"
).split()


def write_library(folder: Path, briefings: int, quotes: int) -> Path:
    """`briefings` files of `quotes` quotes each, a day apart, sharing speaker ids."""
    import datetime as dt

    start = dt.date(2015, 1, 1)
    for number in range(briefings):
        sub = folder / f"{number // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        write_briefing(sub / f"b{number:05d}.toml", quotes, speakers=min(20, quotes), topics=min(10, quotes),
                       seed=number, date=(start + dt.timedelta(days=number)).isoformat())
    return folder


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write_briefing(path: Path, quotes: int, speakers: int | None = None,
                   topics: int | None = None, seed: int = 1, date: str = "2024-03-01") -> Path:
    """Write a valid briefing with `quotes` quotes (and a source text beside it)."""
    rng = random.Random(seed)
    speakers = speakers or max(2, min(5000, quotes // 20))
    topics = topics or max(2, min(500, quotes // 200))
    paragraphs = max(1, min(quotes, 2000))
    source_lines = [_sentence(rng, 25) for _ in range(paragraphs)]
    source = path.with_suffix(".txt")
    source.write_text("\n\n".join(source_lines) + "\n", encoding="utf-8")
    out = [
        "format = 1", "",
        "[meeting]",
        f'title = "Synthetic summit with {quotes} quotes"',
        f"date = {date}",
        'place = "Reykjavík, Ísland"',
        'summary = "A generated briefing for measuring the reader."',
        'tags = ["synthetic", "benchmark"]', "",
        "[source]", 'outlet = "Generated"', f'text = "{source.name}"', "",
    ]
    for s in range(speakers):
        first, last = NAMES[s % len(NAMES)], NAMES[(s * 7 + 3) % len(NAMES)]
        out += [f"[speakers.s{s}]", f'name = "{first} {last}sson {s}"',
                f'role = "Delegate {s % 40}"', f'affiliation = "Country {s % 120}"',
                f'aliases = ["{last} {s}"]', ""]
    for t in range(topics):
        a, b = WORDS[t % len(WORDS)], WORDS[(t * 3 + 1) % len(WORDS)]
        out += [f"[topics.t{t}]", f'title = "{a.title()} and {b} {t}"',
                f'keywords = ["{a}", "{b} {t}"]', ""]
    sessions = max(1, min(200, quotes // 500))
    for k in range(sessions):
        out += [f"[sessions.k{k}]", f'title = "Session {k} on {WORDS[k % len(WORDS)]}"',
                f'participants = ["s{k % speakers}"]', ""]
    for q in range(quotes):
        s = q % speakers if q < speakers else rng.randrange(speakers)
        t = q % topics if q < topics else rng.randrange(topics)
        p = rng.randrange(paragraphs)
        excerpt = " ".join(source_lines[p].split()[2:6])
        out += [
            "[[quotes]]",
            f'speaker = "s{s}"',
            f'text = "{_sentence(rng, rng.randint(12, 40))}"',
            f'kind = "{"direct" if q % 3 == 0 else "paraphrase"}"',
            f'topics = ["t{t}", "t{(t + 1) % topics}"]',
            f'session = "k{q % sessions}"',
            f"paragraph = {p + 1}",
            f'excerpt = "{excerpt}"',
            "",
        ]
    path.write_text("\n".join(out), encoding="utf-8")
    return path
