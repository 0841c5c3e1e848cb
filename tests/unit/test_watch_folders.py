"""New briefings in the folders a reader has open: tui/store/watch.py's `Library.refreshed`
and `folders_moved`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tui.store import watch
from tui.store.loading import load_files
from tui.store.paths import expand
from tui.store.watch import Library

from support import DATA

NORDIC_DIR = DATA / "good"


def _age(folder: Path) -> None:
    """Every folder under `folder` last changed an hour ago: no longer racy."""
    for root, _dirs, _names in os.walk(folder):
        os.utime(root, (os.stat(root).st_atime, os.stat(root).st_mtime - 3600))


def added(library: Library) -> tuple[Library, list]:
    """The library after one look, and the files it added."""
    fresh, outcomes = library.refreshed()
    assert all(outcome == "new" for _entry, outcome in outcomes)
    return fresh, [entry for entry, _outcome in outcomes]


@pytest.fixture
def opened(tmp_path, cache_folder):
    folder = tmp_path / "lib"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(NORDIC_DIR / "nordic.toml", folder / "a.toml")
    shutil.copy(NORDIC_DIR / "source.txt", folder / "source.txt")
    shutil.copy(NORDIC_DIR / "source.txt", folder / "sub" / "source.txt")
    files, missing = expand([str(folder)])
    library = Library.from_loaded(load_files(files))
    library.folders = [folder]
    assert library.folders_moved()  # never walked
    assert added(library) == (library, [])  # the first look walks, and finds nothing new
    _age(folder)
    assert added(library) == (library, [])  # walked again (the folders were racy)
    assert not library.folders_moved()  # and now settled
    return library, folder


def _walks(monkeypatch) -> list[Path]:
    seen: list[Path] = []
    real = watch.walk

    def counting(folder):
        seen.append(folder)
        return real(folder)

    monkeypatch.setattr(watch, "walk", counting)
    return seen


def test_nothing_changed_is_a_stat_of_each_folder(opened, monkeypatch):
    library, _folder = opened
    walks = _walks(monkeypatch)
    assert added(library) == (library, []) and added(library) == (library, [])
    assert walks == []


def test_a_file_copied_in_appears_once(opened):
    library, folder = opened
    shutil.copy(folder / "a.toml", folder / "b.toml")
    assert library.folders_moved()
    fresh, (entry,) = added(library)
    assert entry.path == folder / "b.toml" and entry.briefing is not None
    assert [f.path.name for f in fresh.files] == ["a.toml", "b.toml"]
    assert [f.path.name for f in library.files] == ["a.toml"]  # the old one left as it was
    assert added(fresh) == (fresh, [])  # racy for a while: walked again, but nothing new


def test_a_file_in_a_subfolder_and_in_a_new_subfolder_appear(opened):
    library, folder = opened
    shutil.copy(folder / "a.toml", folder / "sub" / "c.toml")
    library, new = added(library)
    assert [e.path for e in new] == [folder / "sub" / "c.toml"]
    (folder / "new" / "deeper").mkdir(parents=True)
    shutil.copy(folder / "a.toml", folder / "new" / "deeper" / "d.toml")
    shutil.copy(folder / "source.txt", folder / "new" / "deeper" / "source.txt")
    library, new = added(library)
    assert [e.path for e in new] == [folder / "new" / "deeper" / "d.toml"]


def test_only_toml_files_and_broken_ones_with_their_error(opened):
    library, folder = opened
    (folder / "notes.txt").write_text("not a briefing")
    (folder / "bad.toml").write_text("format = = 1\n")
    library, (entry,) = added(library)
    assert entry.path.name == "bad.toml" and entry.briefing is None
    assert "invalid TOML" in library.errors()[str(entry.path)]


def test_a_removed_file_is_marked_gone(opened):
    library, folder = opened
    (folder / "a.toml").unlink()
    fresh, outcomes = library.refreshed()
    assert [(entry.path.name, outcome) for entry, outcome in outcomes] == [("a.toml", "gone")]
    assert fresh.gone() == {str(folder / "a.toml")}


def test_no_folders_no_walk(tmp_path, monkeypatch):
    walks = _walks(monkeypatch)
    library = Library()
    assert not library.folders_moved() and library.refreshed() == (library, []) and walks == []
