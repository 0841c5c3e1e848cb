"""The `briefing` command, run through its installed entry point as a user would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tui

from support import ROOT, UNSAFE
from support.entry_point import entry_point

DATA = Path("tests") / "data"  # relative to ROOT, as a user would type it
NORDIC = str(DATA / "good" / "nordic.toml")
FIVE = str(DATA / "bad" / "five-errors.toml")
HOSTILE = str(DATA / "hostile" / "controls.toml")

# What a terminal would act on: ESC, other C0 controls but newline and tab, DEL, C1, bidi.



BRIEFING = entry_point()


def run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    if env is None:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [BRIEFING, *args], cwd=cwd, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=120, stdin=subprocess.DEVNULL,
    )


def test_help():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: briefing")
    for word in ("briefing check", "briefing show", "--speaker", "--format", "--no-cache"):
        assert word in result.stdout


def test_help_usage_lines_are_aligned():
    """Every command starts under the first, and their descriptions in one column."""
    usage = run("--help").stdout.split("\n\n")[0].splitlines()
    commands = [line for line in usage if line[len("usage: "):].startswith("briefing ")]
    assert len(commands) >= 3
    assert {line.index("briefing") for line in commands} == {len("usage: ")}
    described = [line for line in commands if "  " in line.strip()]
    assert len({line.index(line.split("  ")[-1].strip()) for line in described}) == 1
    rest = [line for line in usage if line not in commands]
    assert rest and {len(line) - len(line.lstrip()) for line in rest} == {
        len("usage: briefing show ")}


@pytest.mark.parametrize("command", [["check"], ["show", "--format", "json"]])
def test_no_cache_is_accepted_by_every_command(command):
    result = run(*command, "--no-cache", NORDIC)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("command, option", [("check", "PATH"), ("show", "--speaker")])
def test_subcommand_help(command, option):
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: briefing {command}")
    assert option in result.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"briefing {tui.__version__}\n"


def test_python_m_tui_version():
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )
    assert result.returncode == 0
    assert result.stdout == f"briefing {tui.__version__}\n"


# -- check ----------------------------------------------------------------------------------


def test_check_seed_exits_0():
    result = run("check", "briefs/2022-08-01-china-tajikistan.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "1 file checked: 0 errors, 0 warnings\n"


def test_check_without_path_checks_the_bundled_briefings():
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ files? checked: 0 errors, 0 warnings\n", result.stdout)


def test_check_bad_fixture_exits_1_and_prints_each_problem_line():
    result = run("check", FIVE)
    assert result.returncode == 1
    text = (ROOT / FIVE).read_text(encoding="utf-8").split("\n")

    def at(needle: str) -> str:
        return f"{FIVE}:{next(n for n, t in enumerate(text, 1) if needle in t)}"

    empty_title, unknown_id = 'title = ""', '"wang-y"'
    assert result.stdout.splitlines() == [
        f"{at(empty_title)}: meeting.title: must not be empty",
        f"{at('name = 42')}: speakers.olafsson.name: must be a string, not an integer",
        f"{at(unknown_id)}: quotes[0].speaker: unknown speaker 'wang-y'; did you mean 'wang-yi'?",
        f"{at('paragraph = 99')}: quotes[1].paragraph: paragraph 99 is past the end "
        "of the source text (6 paragraphs)",
        f"{at('excerpt =')}: quotes[2].excerpt: excerpt 'words that are nowhere in "
        "paragraph two' not found in paragraph 2",
        "1 file checked: 5 errors, 0 warnings (1 file with errors)",
    ]


def test_check_warnings_only_exits_0():
    result = run("check", str(DATA / "warn" / "warnings.toml"))
    assert result.returncode == 0
    assert ": meeting.summery: warning: unknown key 'summery'; did you mean 'summary'?" in (
        result.stdout
    )
    assert result.stdout.endswith("1 file checked: 0 errors, 4 warnings\n")


def test_check_unknown_option_exits_2():
    result = run("check", "--no-such-option")
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-option" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", [[], ["check"], ["show"]])
def test_a_path_that_does_not_exist_is_a_usage_error(command):
    """A mistyped path is named on stderr with exit status 2, before anything is read (no
    empty reader, no "0 files checked: 1 error"), also beside a path that exists."""
    prog = " ".join(["briefing", *command])
    for paths in (["/nonexistent.toml"], [NORDIC, "no/such/folder"]):
        result = run(*command, *paths)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stdout == ""
        missing = paths[-1]
        assert result.stderr == f"{prog}: {missing}: no such file or folder\n"


def test_check_folder_recursively(tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    shutil.copy(ROOT / NORDIC, deep / "nordic.toml")
    shutil.copy(ROOT / DATA / "good" / "source.txt", deep / "source.txt")
    shutil.copy(ROOT / FIVE, tmp_path / "a" / "five.toml")
    (tmp_path / "good").mkdir()  # five.toml's source text is ../good/source.txt
    shutil.copy(ROOT / DATA / "good" / "source.txt", tmp_path / "good" / "source.txt")
    (tmp_path / "a" / "notes.txt").write_text("not a briefing")
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "2 files checked: 5 errors, 0 warnings (1 file with errors)"
    assert all(line.startswith(str(tmp_path / "a" / "five.toml") + ":") for line in lines[:-1])
    # The good one alone, by its folder.
    result = run("check", str(tmp_path / "a" / "b"))
    assert (result.returncode, result.stdout) == (0, "1 file checked: 0 errors, 0 warnings\n")


def test_check_folder_of_fixtures_reports_every_file():
    result = run("check", str(DATA))
    assert result.returncode == 1
    files = sorted((ROOT / DATA).rglob("*.toml"))
    assert result.stdout.splitlines()[-1].startswith(f"{len(files)} files checked: ")
    for name in ("five-errors.toml", "unknown-ids.toml", "typo-key.toml"):
        assert f"bad/{name}:" in result.stdout


def test_check_empty_folder_exits_1(tmp_path):
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path}: folder holds no *.toml briefing" in result.stdout


# -- show -----------------------------------------------------------------------------------


def _speakers_in_plain(output: str) -> list[str]:
    """The speaker lines of `show`'s plain layout (two spaces, then name, role)."""
    return [line.strip() for line in output.splitlines()
            if line.startswith("  ") and not line.startswith("    ")]


def test_show_speaker_without_accents_finds_accented_name():
    result = run("show", NORDIC, "--speaker", "olafsson")
    assert result.returncode == 0, result.stderr
    assert _speakers_in_plain(result.stdout) == ["Guðrún Ólafsson, Minister of Energy"] * 2
    assert result.stdout.rstrip().endswith("2 quotes")


def test_show_speaker_by_cjk_alias():
    result = run("show", NORDIC, "--speaker", "王丽")
    assert result.returncode == 0, result.stderr
    assert _speakers_in_plain(result.stdout) == ["Wang Li, Vice Minister"]
    assert result.stdout.rstrip().endswith("1 quote")


def test_show_filters_are_and_combined():
    both = run("show", NORDIC, "--speaker", "olafsson", "--topic", "fisheries")
    assert both.returncode == 0
    assert _speakers_in_plain(both.stdout) == ["Guðrún Ólafsson, Minister of Energy"]
    assert "A working group on renewable energy" in both.stdout
    assert "Geothermal heat" not in both.stdout
    none = run("show", NORDIC, "--speaker", "wang", "--topic", "fisheries")
    assert none.stdout.rstrip().endswith("0 quotes")
    searched = run("show", NORDIC, "--session", "plenary", "--search", '"nine homes"')
    assert _speakers_in_plain(searched.stdout) == ["Guðrún Ólafsson, Minister of Energy"]


QUOTE_KEYS = {"briefing", "meeting", "date", "index", "speaker", "kind", "text", "topics",
              "session", "to", "paragraph", "excerpt", "note"}


def test_show_json():
    result = run("show", NORDIC, "--format", "json")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert set(document) == {"version", "count", "quotes"}
    assert document["version"] == 1
    assert document["count"] == len(document["quotes"]) == 4
    first, last = document["quotes"][0], document["quotes"][-1]
    for quote in document["quotes"]:
        assert set(quote) == QUOTE_KEYS
        assert set(quote["speaker"]) == {"id", "name", "role", "affiliation"}
    assert first["briefing"] == NORDIC
    assert first["meeting"] == "Nordic–Chinese energy dialogue"
    assert first["date"] == "2023-03-11"
    assert first["index"] == 0
    assert first["speaker"]["name"] == "Guðrún Ólafsson"
    assert first["kind"] == "direct"
    assert first["topics"] == [{"id": "energy", "title": "Geothermal and solar energy"}]
    assert first["session"] == {"id": "plenary", "title": "Opening plenary"}
    assert first["to"] == [] and first["note"] is None
    assert first["paragraph"] == 2
    assert last["to"] == [{"id": "wang-li", "name": "Wang Li"}]
    assert last["note"].startswith("Reported speech")


def test_show_json_filtered_and_empty():
    one = json.loads(run("show", NORDIC, "--speaker", "王丽", "--format", "json").stdout)
    assert one["count"] == 1 and one["quotes"][0]["speaker"]["id"] == "wang-li"
    none = run("show", NORDIC, "--speaker", "wang", "--topic", "fisheries", "--format", "json")
    assert json.loads(none.stdout) == {"version": 1, "count": 0, "quotes": []}


SEED_BRIEF = "briefs/2022-08-01-china-tajikistan.toml"


@pytest.mark.parametrize("args, message", [
    (["--speaker", "muhridin"], "no speaker matches 'muhridin'; did you mean 'Muhriddin'?"),
    (["--speaker", "Sirojiddin Muhridin"],
     "no speaker matches 'Sirojiddin Muhridin'; did you mean 'Muhriddin'?"),
    (["--topic", "vacine"], "no topic matches 'vacine'; did you mean 'vaccine' or 'vaccines'?"),
    (["--session", "talkz"], "no session matches 'talkz'; did you mean 'Talks'?"),
    (["--speaker", "nobody"], "no speaker matches 'nobody'"),
    (["--speaker", "wang", "--topic", "fisheries"], "no topic matches 'fisheries'"),
])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_filter_naming_nothing_says_so_and_exits_1(args, message, fmt):
    result = run("show", SEED_BRIEF, *args, "--format", fmt)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"briefing show: {message}\n"


def test_show_search_finding_nothing_names_the_word_that_matches_nothing():
    result = run("show", SEED_BRIEF, "--search", "muhridin vaccines")
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith("0 quotes")
    assert result.stderr == (
        "briefing show: 'muhridin' matches no quote; did you mean 'Muhriddin'?\n")
    # Words that each match but not together: nothing to suggest.
    result = run("show", SEED_BRIEF, "--search", "muhriddin luban")
    assert (result.stdout.rstrip()[-8:], result.stderr) == ("0 quotes", "")


def test_show_search_excludes_and_reads_names_as_speakers():
    """`muhriddin vaccines` is what Muhriddin said, not Wang Yi's words in a session titled
    with his name; `-` removes."""
    def speakers(*args):
        out = json.loads(run("show", SEED_BRIEF, *args, "--format", "json").stdout)
        return {q["speaker"]["id"] for q in out["quotes"]}

    assert speakers("--search", "vaccines") == {"wang-yi", "sirojiddin-muhriddin"}
    assert speakers("--search", "muhriddin vaccines") == {"sirojiddin-muhriddin"}
    assert speakers("--search", "vaccines -muhriddin") == {"wang-yi"}


def test_show_markdown():
    result = run("show", NORDIC, "--speaker", "olafsson", "--format", "markdown")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Nordic–Chinese energy dialogue"
    assert "> Geothermal heat warms nine homes in ten here." in lines
    assert any(line.startswith("> \u2014 **Guðrún Ólafsson, Minister of Energy** · direct")
               for line in lines)
    assert lines[-1] == "2 quotes."


def test_show_with_errors_prints_problems_and_exits_1():
    result = run("show", FIVE)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "quotes[0].speaker: unknown speaker 'wang-y'" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_piped_output_has_no_escape_codes(fmt):
    env = dict(os.environ, TERM="xterm-256color", FORCE_COLOR="1", COLORTERM="truecolor")
    env.pop("NO_COLOR", None)
    for path in (HOSTILE, NORDIC, "briefs/2022-08-01-china-tajikistan.toml"):
        result = run("show", path, "--format", fmt, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout
        assert not UNSAFE.search(result.stdout), path
        assert not UNSAFE.search(result.stderr), path
    hostile = run("show", HOSTILE, "--format", fmt, env=env).stdout
    assert "Mallory ␛" in hostile and "title␇" in hostile  # shown, not acted on


def test_check_output_of_hostile_names_has_no_escape_codes(tmp_path):
    bad = tmp_path / "evil\x1b]0;pwned\x07.toml"
    bad.write_text('format = 1\n"\\u001b[2J" = 1\n', encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 1
    assert not UNSAFE.search(result.stdout)
    assert "evil␛]0;pwned␇.toml:" in result.stdout
    assert '"␛[2J": warning: unknown key' in result.stdout


def test_bundled_briefing_found_from_any_directory_without_path(tmp_path):
    env = {"HOME": str(tmp_path)}  # no PATH, no working directory near the project
    result = run("show", "--format", "json", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["count"] > 20
    assert Path(document["quotes"][0]["briefing"]).name == "2022-08-01-china-tajikistan.toml"
    check = run("check", cwd=tmp_path, env=env)
    assert check.returncode == 0, check.stdout


# -- briefing draft ----------------------------------------------------------------------------
def test_draft_writes_a_briefing_that_check_accepts(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text((ROOT / "seeds" / "2022-08-01-china-tajikistan.txt").read_text(
        encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "drafts" / "seed.toml"
    out.parent.mkdir()
    done = run("draft", str(article), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "quotes by 4 speakers" in done.stderr
    assert 'text = "../article.txt"' in out.read_text(encoding="utf-8")
    checked = run("check", str(out))
    assert checked.returncode == 0 and "0 errors, 0 warnings" in checked.stdout


def test_draft_never_writes_over_a_file(tmp_path):
    out = tmp_path / "x.toml"
    out.write_text("mine", encoding="utf-8")
    done = run("draft", "seeds/2022-08-01-china-tajikistan.txt", "-o", str(out))
    assert done.returncode == 1
    assert "already exists; not overwritten" in done.stderr
    assert out.read_text(encoding="utf-8") == "mine"


def test_draft_to_stdout_with_date_and_title_and_errors_in_one_line(tmp_path):
    done = run("draft", "seeds/2022-08-01-china-tajikistan.txt", "--date", "2022-08-03",
               "--title", 'Say "hi"')
    assert done.returncode == 0
    assert "date = 2022-08-03" in done.stdout and 'title = "Say \\"hi\\""' in done.stdout
    missing = run("draft", str(tmp_path / "none.txt"))
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    assert "none.txt" in missing.stderr and "Traceback" not in missing.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe bad")
    done = run("draft", str(bad))
    assert done.returncode == 1 and "not UTF-8" in done.stderr
    undated = tmp_path / "undated.txt"
    undated.write_text("Anne Morel said trade would grow.", encoding="utf-8")
    done = run("draft", str(undated))
    assert done.returncode == 0 and "no date found" in done.stderr
