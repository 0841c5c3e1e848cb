"""The model: plain immutable data, no UI import, and the paragraph rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.model import (
    Briefing,
    Meeting,
    Outcome,
    Quote,
    Session,
    Source,
    Speaker,
    Topic,
    split_paragraphs,
    when_key,
    when_text,
)

from support import ROOT


def test_model_and_non_ui_modules_do_not_import_textual():
    code = (
        "import sys, tui.core.model, tui.core.loader, tui.core.search, tui.core.catalog, tui.output.export; "
        "bad = sorted(m for m in sys.modules if m.startswith('textual')); "
        "assert not bad, bad"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def _instances():
    speaker = Speaker("a", "Anna", aliases=("Ann",))
    topic = Topic("t", "Topic")
    session = Session("s", "Session", (speaker,))
    quote = Quote(0, speaker, "Hello.", topics=(topic,), session=session, paragraph=1)
    meeting = Meeting("Talks", dt.date(2023, 1, 1))
    source = Source(paragraphs=("One.",))
    outcome = Outcome("Agreed.", (topic,), session, 1)
    briefing = Briefing(Path("x.toml"), meeting, source, (speaker,), (topic,), (session,),
                        (quote,), (outcome,))
    return [speaker, topic, session, quote, meeting, source, outcome, briefing]


@pytest.mark.parametrize("instance", _instances(), ids=lambda i: type(i).__name__)
def test_dataclasses_are_frozen(instance):
    first = dataclasses.fields(instance)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(instance, first, getattr(instance, first))


def test_briefing_lookup_by_id():
    briefing = _instances()[-1]
    assert briefing.speaker("a").name == "Anna"
    assert briefing.topic("t").title == "Topic"
    assert briefing.session("s").title == "Session"
    assert briefing.speaker("nobody") is None


def test_source_paragraph_numbers_from_one():
    source = Source(paragraphs=("One.", "Two."))
    assert source.paragraph(1) == "One."
    assert source.paragraph(2) == "Two."
    assert source.paragraph(0) is None
    assert source.paragraph(3) is None
    assert source.paragraph(None) is None
    assert Source().paragraph(1) is None


def test_split_paragraphs_on_blank_lines():
    assert split_paragraphs("One\ntwo\n\nThree\n") == ("One\ntwo", "Three")


def test_split_paragraphs_whitespace_only_lines_are_blank():
    text = "One\n   \nTwo\n\t\nThree\n \t \nFour"
    assert split_paragraphs(text) == ("One", "Two", "Three", "Four")


def test_split_paragraphs_several_blank_lines_are_one_break():
    text = "\n\n\nOne\n\n\n\n\nTwo\n\n\n"
    assert split_paragraphs(text) == ("One", "Two")


def test_split_paragraphs_strips_trailing_spaces_keeps_leading():
    assert split_paragraphs("  One   \n  two\t\n") == ("  One\n  two",)


def test_split_paragraphs_crlf_and_empty():
    assert split_paragraphs("One\r\n\r\nTwo\r\n") == ("One", "Two")
    assert split_paragraphs("") == ()
    assert split_paragraphs("\n \n\t\n") == ()


def test_when_text_and_key():
    date = dt.date(2022, 8, 1)
    local = dt.datetime(2022, 8, 1, 9, 30)
    offset = dt.datetime(2022, 8, 2, 14, 50, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert when_text(None) == ""
    assert when_text(date) == "2022-08-01"
    assert when_text(local) == "2022-08-01 09:30"
    assert when_text(offset) == "2022-08-02 14:50 +0800"
    assert sorted([offset, local, date, None], key=when_key) == [None, date, local, offset]


def test_meeting_when_spans_days():
    meeting = Meeting("T", dt.date(2023, 3, 11), dt.date(2023, 3, 12))
    assert meeting.when == "2023-03-11 – 2023-03-12"
    assert Meeting("T", dt.date(2023, 3, 11)).when == "2023-03-11"


def test_new_quote_is_a_frozen_quote_equal_to_one_built_the_usual_way():
    from tui.core.model import new_quote

    speaker = Speaker("w", "Wang Yi")
    values = (3, speaker, "We agree.", "direct", (), None, (speaker,), 4, "agree", "n")
    quick, usual = new_quote(*values), Quote(*values)
    assert type(quick) is Quote and quick == usual and hash(quick) == hash(usual)
    assert repr(quick) == repr(usual) and quick.direct
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.text = "changed"
    assert new_quote(0, speaker, "x") == Quote(0, speaker, "x")  # defaults as Quote's
    assert dataclasses.replace(quick, text="y").text == "y"


def test_a_speakers_position_names_the_affiliation_once():
    from tui.core.model import Speaker

    def position(role, affiliation):
        return Speaker("x", "X", role=role, affiliation=affiliation).position

    assert position("Foreign Minister of Tajikistan", "Tajikistan") == \
        "Foreign Minister of Tajikistan"
    assert position("State Councilor and Foreign Minister", "China") == \
        "State Councilor and Foreign Minister, China"
    assert position("President of TAJIKISTAN", "Tajikistan") == "President of TAJIKISTAN"
    assert position("", "Tajikistan") == "Tajikistan"
    assert position("Minister", "") == "Minister"
    assert position("", "") == ""
