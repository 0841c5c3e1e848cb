"""The cache of parsed briefings: exact or not used at all."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from tui.core.loader import check
from tui.store import cache, loading, stamps
from tui.store.loading import load_one

from support import DATA


@pytest.fixture
def briefing_file(tmp_path) -> Path:
    folder = tmp_path / "briefs"
    shutil.copytree(DATA / "good", folder)
    return folder / "nordic.toml"


def _open(path: Path):
    briefing, problems, store = load_one(path)
    if store is not None:
        store()
    return briefing, problems, store is None  # True when it came from the cache


def test_second_open_comes_from_the_cache_and_equals_the_parsed_briefing(briefing_file, cache_folder):
    first, problems, cached = _open(briefing_file)
    assert not cached and list(cache_folder.glob("*.bin"))
    second, problems2, cached = _open(briefing_file)
    assert cached
    fresh, _ = check(briefing_file)
    assert second.quotes == fresh.quotes
    assert second.speakers == fresh.speakers and second.topics == fresh.topics
    assert second.sessions == fresh.sessions and second.outcomes == fresh.outcomes
    assert second.meeting == fresh.meeting and second.source == fresh.source
    assert [str(p) for p in problems2] == [str(p) for p in problems]


def test_changed_content_with_same_size_and_mtime_is_not_served(briefing_file, cache_folder):
    _open(briefing_file)
    info = briefing_file.stat()
    text = briefing_file.read_text(encoding="utf-8")
    changed = text.replace("Reykjavík", "Reykjavíq", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    briefing_file.write_text(changed, encoding="utf-8")
    os.utime(briefing_file, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert briefing_file.stat().st_size == info.st_size
    briefing, _, cached = _open(briefing_file)
    assert not cached
    assert "Reykjavíq" in briefing.meeting.place


def test_changed_source_text_is_not_served(briefing_file, cache_folder):
    first, _, _ = _open(briefing_file)
    source = first.source.resolved_path
    source.write_text(source.read_text(encoding="utf-8") + "\n\nA new last paragraph.\n",
                      encoding="utf-8")
    second, _, cached = _open(briefing_file)
    assert not cached
    assert second.source.paragraphs[-1] == "A new last paragraph."


def test_other_version_of_the_reader_is_not_served(briefing_file, cache_folder, monkeypatch):
    _open(briefing_file)
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    assert cache.load(briefing_file.resolve(), cache_folder) is None


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "wrong-magic"])
def test_corrupt_entry_is_ignored_and_rebuilt(briefing_file, cache_folder, damage):
    _open(briefing_file)
    (entry,) = cache_folder.glob("*.bin")
    data = entry.read_bytes()
    entry.write_bytes({"empty": b"", "truncated": data[: len(data) // 2],
                       "garbage": os.urandom(len(data)),
                       "wrong-magic": b"x" + data[1:]}[damage])
    briefing, _, cached = _open(briefing_file)
    assert not cached and briefing is not None
    _, _, cached = _open(briefing_file)
    assert cached  # rebuilt


def test_entry_naming_other_code_is_refused_and_rebuilt(briefing_file, cache_folder, tmp_path):
    """An entry's body may name only the model's constructors, paths and dates: one that
    would call anything else (here os.system) is treated as corrupt."""
    _open(briefing_file)
    (entry,) = cache_folder.glob("*.bin")
    data = entry.read_bytes()
    start = len(cache.MAGIC) + 4
    body = start + int.from_bytes(data[len(cache.MAGIC):start], "big")
    witness = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {witness}",))

    entry.write_bytes(data[:body] + pickle.dumps(Evil()))
    briefing, _, cached = _open(briefing_file)
    assert not cached and briefing is not None and not witness.exists()
    _, _, cached = _open(briefing_file)
    assert cached  # rebuilt


def test_read_only_cache_folder_still_opens(briefing_file, cache_folder):
    if os.geteuid() == 0:
        # root writes anywhere: make the cache "folder" a file instead, which nobody can use
        cache_folder.parent.mkdir(exist_ok=True)
        cache_folder.write_text("not a folder")
    else:
        cache_folder.mkdir()
        cache_folder.chmod(0o500)
    briefing, problems, cached = _open(briefing_file)
    assert briefing is not None and not cached
    briefing, problems, cached = _open(briefing_file)
    assert briefing is not None and not cached


def test_entries_are_written_atomically(briefing_file, cache_folder, monkeypatch):
    """A writer that fails half-way leaves no entry and no temporary file behind."""
    def failing(briefing, problems):  # the header is written by then
        raise OSError("disk full")

    monkeypatch.setattr(cache, "_dumps", failing)
    _open(briefing_file)
    assert list(cache_folder.iterdir()) == []


def test_briefing_with_errors_is_never_cached(tmp_path, cache_folder):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[meeting]\ntitle = 'x'\n", encoding="utf-8")
    briefing, problems, store = load_one(bad)
    assert briefing is None and store is None
    assert not cache_folder.exists() or not list(cache_folder.glob("*.bin"))


async def test_reader_quit_before_its_first_paint_callback_still_writes_the_cache(
        briefing_file, cache_folder):
    """The CLI calls finish_caching after the app returns: the entries must be known by
    then even if the callback that writes them after the first paint never ran."""
    from tui.reader.app import make_app

    app = make_app([briefing_file])
    app._after_paint = lambda: None  # as if the user quit before it ran
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert not list(cache_folder.glob("*.bin"))
    app.finish_caching()
    assert load_one(briefing_file)[2] is None  # served from the cache now


# -- many briefings ----------------------------------------------------------------------------
@pytest.fixture
def library(tmp_path, cache_folder) -> list[Path]:
    """Five briefings with source texts."""
    from tui.bench.synth import write_library

    folder = write_library(tmp_path / "library", 5, 4)
    return sorted(folder.rglob("*.toml"))


def _open_all(files: list[Path]) -> tuple[list, str]:
    """Load `files` as the reader does and run its cache writes; say where they came from."""
    loaded = loading.load_files(files)
    stores = [item.store for item in loaded if item.store is not None]
    for store in stores:
        store()
    return loaded, "files parsed" if stores else "file entries"


def test_resolver_agrees_with_realpath(tmp_path, monkeypatch):
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    target = real / "sub" / "a.toml"
    target.write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)
    (real / "b.toml").symlink_to(target)
    (real / "sub" / "up").symlink_to(tmp_path)
    monkeypatch.chdir(real)
    resolve = loading.resolver()
    for path in [target, tmp_path / "linked" / "sub" / "a.toml", real / "b.toml",
                 Path("sub/a.toml"), real / "sub" / "up" / "real" / "sub" / "a.toml",
                 real / "sub" / ".." / "sub" / "a.toml", real / "sub" / "up" / ".." / "x.toml"]:
        assert resolve(path) == os.path.realpath(path), path


def test_files_from_the_cache_are_watched_with_the_stamps_they_were_read_with(library, cache_folder):
    from tui.store.watch import Library

    for _ in range(2):  # parsed, then from the entries
        loaded, origin = _open_all(library)
        library_ = Library.from_loaded(loaded)
        assert not library_.changed(), origin
        assert [f.stamps for f in library_.files] == [f.current_stamps() for f in library_.files]


@pytest.mark.parametrize("size", [0, 5000, (1 << 20) + 5])
def test_fingerprint_is_the_sha256_of_the_content_whatever_the_size(tmp_path, size):
    import hashlib

    data = os.urandom(size)
    path = tmp_path / "file"
    path.write_bytes(data)
    found = stamps.fingerprint(path)
    assert found[0] == size and found[3] == hashlib.sha256(data).hexdigest()


# -- entries that were tampered with, and texts that move while they are read -----------------
def _entry_with_body(cache_folder: Path, body: bytes) -> None:
    (entry,) = cache_folder.glob("*.bin")
    data = entry.read_bytes()
    start = len(cache.MAGIC) + 4
    entry.write_bytes(data[:start + int.from_bytes(data[len(cache.MAGIC):start], "big")] + body)


def test_an_entry_cannot_change_the_classes_it_names(briefing_file, cache_folder):
    """BUILD on a global (here PosixPath, with slot state) would set attributes on the
    class itself: the unpickler hands out wrappers, so the class is left alone."""
    _open(briefing_file)
    _entry_with_body(cache_folder, b"cpathlib\nPosixPath\n(N(dS'planted'\nI1\nstb.")
    briefing, _, cached = _open(briefing_file)
    assert not cached and briefing is not None
    assert not hasattr(Path, "planted") and not hasattr(type(Path()), "planted")


@pytest.mark.parametrize("body", [
    b"cdatetime\ntimedelta\n(I999999999999\ntR.",  # OverflowError
    b"cpathlib\nWindowsPath\n(S'x'\ntR.",  # not this platform's path class
    b"(" * 100_000,  # deep nesting
])
def test_an_entry_that_raises_anything_is_a_miss_not_a_crash(briefing_file, cache_folder, body):
    _open(briefing_file)
    _entry_with_body(cache_folder, body)
    briefing, _, cached = _open(briefing_file)
    assert not cached and briefing is not None


def test_a_source_text_edited_before_the_entry_is_written_is_not_served(briefing_file, cache_folder):
    briefing, problems, store = load_one(briefing_file)
    source = briefing.source.resolved_path
    source.write_text(source.read_text(encoding="utf-8") + "\n\nWritten meanwhile.\n", "utf-8")
    store()  # after the first paint, say
    again, _, _ = _open(briefing_file)
    assert again.source.paragraphs[-1] == "Written meanwhile."


def test_a_source_text_edited_while_the_briefing_is_checked_is_not_cached(
        briefing_file, cache_folder, monkeypatch):
    import tui.core.loader

    real = tui.core.loader.read_paragraphs
    calls = []

    def read_then_edit(path):
        paragraphs = real(path)
        if not calls:  # the loader's read; the text changes right after it
            path.write_text(path.read_text(encoding="utf-8") + "\n\nEdited.\n", "utf-8")
        calls.append(path)
        return paragraphs

    monkeypatch.setattr(tui.core.loader, "read_paragraphs", read_then_edit)
    briefing, _, store = load_one(briefing_file)
    assert briefing.source.paragraphs[-1] != "Edited." and store is None  # not cached
    monkeypatch.setattr(tui.core.loader, "read_paragraphs", real)
    again, _, _ = _open(briefing_file)
    assert again.source.paragraphs[-1] == "Edited."


def test_a_device_is_never_opened_for_a_fingerprint(tmp_path):
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    assert stamps.fingerprint(link) is None
    assert stamps.fingerprint(tmp_path) is None  # a folder


def test_an_unreadable_source_text_does_not_make_its_briefing_look_changed(
        briefing_file, cache_folder):
    from tui.store.watch import Library

    first, _, _ = _open(briefing_file)
    first.source.resolved_path.write_bytes(b"\xff\xfe not UTF-8")
    for _ in range(2):  # parsed, then from its entry
        loaded = loading.load_files([briefing_file])
        for item in loaded:
            if item.store:
                item.store()
        assert loaded[0].briefing.source.paragraphs is None
        assert not Library.from_loaded(loaded).changed()


# -- the header and stamps as named types; the layout key derived from the model -------------
def test_an_entry_header_holds_the_stamps_the_briefing_was_read_with(briefing_file, cache_folder):
    loaded = loading.open_file(briefing_file)
    loaded.store()
    (entry,) = cache_folder.glob("*.bin")
    header, body = cache._read(entry)
    assert isinstance(header, cache.Header) and body
    assert (header.layout, header.version) == (cache.LAYOUT, cache.__version__)
    kept = header.stamps
    assert isinstance(kept, stamps.Stamps) and isinstance(kept.briefing, stamps.Fingerprint)
    assert kept == loaded.stamps and kept.real == os.path.realpath(briefing_file)
    assert kept.source == str(loaded.briefing.source.resolved_path)
    assert kept.source_print == stamps.fingerprint(kept.source)
    assert cache.Header.from_plain(header.plain()) == header
    assert stamps.Stamps.from_plain(kept.plain()) == kept


def _with_extra_field(cls):
    from dataclasses import fields, make_dataclass

    extended = make_dataclass(cls.__name__, [(f.name, f.type) for f in fields(cls)]
                              + [("extra", "str")], frozen=True, slots=True)
    extended.__module__, extended.__qualname__ = cls.__module__, cls.__qualname__
    return extended


def test_the_layout_key_follows_the_models_classes_and_fields():
    key = cache.layout_key()
    assert key == cache.LAYOUT == cache.layout_key(cache.MODEL)
    for number, cls in enumerate(cache.MODEL):
        extended = cache.MODEL[:number] + (_with_extra_field(cls),) + cache.MODEL[number + 1:]
        assert cache.layout_key(extended) != key, cls
    assert cache.layout_key(cache.MODEL[:-1]) != key  # a class fewer
    assert cache.layout_key(header_format=cache.HEADER_FORMAT + 1) != key


def test_an_entry_written_under_another_layout_is_a_miss_and_rebuilt(
        briefing_file, cache_folder, monkeypatch):
    from tui.core.model import Quote

    other = cache.layout_key(tuple(_with_extra_field(c) if c is Quote else c for c in cache.MODEL))
    with monkeypatch.context() as patch:
        patch.setattr(cache, "LAYOUT", other)
        _, _, cached = _open(briefing_file)
        assert not cached
        _, _, cached = _open(briefing_file)
        assert cached  # served under that layout
    assert cache.load(briefing_file.resolve(), cache_folder) is None
    _, _, cached = _open(briefing_file)
    assert not cached
    _, _, cached = _open(briefing_file)
    assert cached  # rebuilt under this one
