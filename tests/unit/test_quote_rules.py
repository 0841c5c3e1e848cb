"""Property tests of the [[quotes]] rules: generated briefings whose quotes hold valid,
wrong and missing values are checked, and what the loader says of each quote is compared
with what the format spec says of it (written out here from the spec's table, apart from
the loader's code)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.loader import check
from tui.core.model import Quote
from tui.core.sanitize import clean

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

PARAGRAPHS = (
    "Geothermal heat warms\nnine homes in ten, she said.",
    "The two   sides agreed\tto set up a working group.",
    "Trade went up.",
)
SPEAKERS = ("anna", "wang")
TOPICS = ("energy", "trade")
SESSIONS = ("plenary",)
KNOWN_KEYS = ("speaker", "text", "kind", "topics", "session", "to", "paragraph", "excerpt",
              "note")

HEAD = """\
format = 1

[meeting]
title = "Talks"
date = 2023-05-04

[source]
text = "source.txt"

[speakers.anna]
name = "Anna"

[speakers.wang]
name = "Wang Li"

[topics.energy]
title = "Energy"

[topics.trade]
title = "Trade"

[sessions.plenary]
title = "Plenary"
"""


def toml(value) -> str:
    """`value` as a TOML value (strings escaped so that any text survives)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = "".join(
            "\\\\" if c == "\\" else '\\"' if c == '"'
            else f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else c
            for c in value)
        return f'"{escaped}"'
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{k} = {toml(v)}" for k, v in value.items()) + "}"


# Values of every TOML type a quote's key may wrongly hold.
OTHER = st.one_of(
    st.integers(-3, 5), st.booleans(), st.floats(allow_nan=False, allow_infinity=False),
    st.dates(), st.lists(st.integers(0, 3), max_size=2),
    st.fixed_dictionaries({"a": st.integers(0, 3)}),
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
ID_TEXT = st.one_of(st.sampled_from(("anna", "wang", "energy", "trade", "plenary", "ana", "")),
                    TEXT)
WORDS = st.sampled_from([
    "Geothermal heat warms", "heat  warms\nnine", "two sides agreed to", "Trade went up.",
    "sides\tagreed", "nothing of the kind", "Geothermal\rheat", "", "  ",
])

FIELD_VALUES = {
    "speaker": st.one_of(ID_TEXT, OTHER),
    "text": st.one_of(TEXT, st.sampled_from(["", " \n", "Hello."]), OTHER),
    "kind": st.one_of(st.sampled_from(["direct", "paraphrase", "Direct", ""]), OTHER,
                      st.lists(st.just("direct"), min_size=1, max_size=1)),
    "topics": st.one_of(st.lists(st.one_of(ID_TEXT, OTHER), max_size=3), OTHER, ID_TEXT),
    "session": st.one_of(ID_TEXT, OTHER),
    "to": st.one_of(st.lists(st.one_of(ID_TEXT, OTHER), max_size=3), OTHER, ID_TEXT),
    "paragraph": st.one_of(st.sampled_from([0, len(PARAGRAPHS), len(PARAGRAPHS) + 1]),
                           st.integers(-1, 5), OTHER),
    "excerpt": st.one_of(WORDS, TEXT, OTHER),
    "note": st.one_of(TEXT, OTHER),
}


VALID = {
    "speaker": st.sampled_from(SPEAKERS),
    "text": st.one_of(st.just("Hello."), TEXT.filter(str.strip)),
    "kind": st.sampled_from(["direct", "paraphrase"]),
    "topics": st.lists(st.sampled_from(TOPICS), max_size=3),
    "session": st.sampled_from(SESSIONS),
    "to": st.lists(st.sampled_from(SPEAKERS), max_size=2),
    "paragraph": st.integers(1, len(PARAGRAPHS)),
    "excerpt": WORDS,
    "note": TEXT,
}


@st.composite
def quote_entries(draw) -> dict:
    """A [[quotes]] table: valid, then with a few of its keys left out, given a value of any
    kind, or unknown."""
    entry = {key: draw(values) for key, values in VALID.items()
             if key in ("speaker", "text") or draw(st.booleans())}
    for key in draw(st.lists(st.sampled_from(KNOWN_KEYS), min_size=draw(st.integers(0, 1)),
                             max_size=3)):
        if draw(st.integers(0, 3)) == 0:
            entry.pop(key, None)
        else:
            entry[key] = draw(FIELD_VALUES[key])
    if draw(st.integers(0, 9)) == 0:
        entry[draw(st.sampled_from(["speker", "txt", "weight"]))] = draw(OTHER)
    return entry


def fold(text: str) -> str:
    return " ".join(text.split())


def spec(index: int, entry: dict, briefing_ids: dict):
    """What the spec says of a quote: (key paths of its errors, of its warnings, the quote it
    makes when it has no error, given the model objects by id)."""
    where = f"quotes[{index}]"
    errors, warnings = [], []
    for key in entry:
        if key not in KNOWN_KEYS:
            warnings.append(f"{where}.{key}")

    def ref_ok(value, known) -> bool:
        return isinstance(value, str) and value in known

    if "speaker" not in entry:
        errors.append(where)
    elif not ref_ok(entry["speaker"], SPEAKERS):
        errors.append(f"{where}.speaker")
    if "text" not in entry:
        errors.append(where)
    elif not isinstance(entry["text"], str) or not entry["text"].strip():
        errors.append(f"{where}.text")
    if entry.get("kind", "paraphrase") not in ("direct", "paraphrase"):
        errors.append(f"{where}.kind")
    if "session" in entry and not ref_ok(entry["session"], SESSIONS):
        errors.append(f"{where}.session")
    paragraph = entry.get("paragraph")
    good_paragraph = (type(paragraph) is int and 1 <= paragraph <= len(PARAGRAPHS))
    if paragraph is not None and not good_paragraph:
        errors.append(f"{where}.paragraph")
    excerpt = entry.get("excerpt", "")
    if not isinstance(excerpt, str):
        errors.append(f"{where}.excerpt")
    elif excerpt and good_paragraph and fold(clean(excerpt)) not in fold(PARAGRAPHS[paragraph - 1]):
        errors.append(f"{where}.excerpt")
    for key, known in (("topics", TOPICS), ("to", SPEAKERS)):
        if key not in entry:
            continue
        if not isinstance(entry[key], list):
            errors.append(f"{where}.{key}")
        else:
            errors += [f"{where}.{key}[{i}]" for i, v in enumerate(entry[key])
                       if not ref_ok(v, known)]
    if not isinstance(entry.get("note", ""), str):
        errors.append(f"{where}.note")
    if errors:
        return errors, warnings, None
    quote = Quote(
        index=index,
        speaker=briefing_ids[entry["speaker"]],
        text=clean(entry["text"]),
        kind=entry.get("kind", "paraphrase"),
        topics=tuple(briefing_ids[t] for t in entry.get("topics", [])),
        session=briefing_ids[entry["session"]] if "session" in entry else None,
        to=tuple(briefing_ids[s] for s in entry.get("to", [])),
        paragraph=paragraph,
        excerpt=clean(excerpt),
        note=clean(entry.get("note", "")),
    )
    return errors, warnings, quote


def write(tmp_path, entries: list[dict]):
    (tmp_path / "source.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    text = HEAD + "".join(
        "\n[[quotes]]\n" + "".join(f"{k} = {toml(v)}\n" for k, v in entry.items())
        for entry in entries)
    path = tmp_path / "q.toml"
    path.write_text(text, encoding="utf-8")
    return path


@SETTINGS
@given(st.lists(quote_entries(), min_size=1, max_size=4))
def test_each_quote_is_judged_as_the_spec_says(tmp_path, entries):
    briefing, problems = check(write(tmp_path, entries))
    on_quotes = [p for p in problems if p.key.startswith("quotes")]
    # The same model objects the loader made, to build the quotes the spec expects.
    from tui.core.model import Session, Speaker, Topic
    ids = {"anna": Speaker("anna", "Anna"), "wang": Speaker("wang", "Wang Li"),
           "energy": Topic("energy", "Energy"), "trade": Topic("trade", "Trade"),
           "plenary": Session("plenary", "Plenary")}
    expected = [spec(i, entry, ids) for i, entry in enumerate(entries)]
    want_errors = sorted(path for errors, _, _ in expected for path in errors)
    want_warnings = sorted(path for _, warnings, _ in expected for path in warnings)
    assert sorted(p.key for p in on_quotes if not p.warning) == want_errors, problems
    assert sorted(p.key for p in on_quotes if p.warning) == want_warnings, problems
    others = [p for p in problems if not p.key.startswith("quotes")]
    assert all(p.warning and p.message.startswith("no quote uses") for p in others), others
    if want_errors:
        assert briefing is None
    else:
        assert briefing is not None
        assert list(briefing.quotes) == [quote for _, _, quote in expected]


@SETTINGS
@given(quote_entries())
def test_a_quote_is_judged_alike_alone_and_among_valid_ones(tmp_path, entry):
    """Its problems do not depend on the quotes around it (the loader keeps state across
    quotes: shared topic tuples, folded paragraphs)."""
    valid = {"speaker": "anna", "text": "Hi.", "topics": ["energy", "trade"], "paragraph": 1,
             "excerpt": "Geothermal heat warms"}
    _, alone = check(write(tmp_path, [entry]))
    _, among = check(write(tmp_path, [valid, entry, valid]))

    def of_quote(problems, index):
        return sorted((p.key.replace(f"quotes[{index}]", "Q"), p.message, p.warning)
                      for p in problems if p.key.startswith(f"quotes[{index}]"))

    assert of_quote(alone, 0) == of_quote(among, 1)
    assert of_quote(among, 0) == of_quote(among, 2) == []


def test_quotes_with_the_same_topics_share_one_tuple(tmp_path):
    """The catalog folds and counts each distinct topics tuple once."""
    same = {"speaker": "anna", "text": "Hi.", "topics": ["energy", "trade"]}
    briefing, _ = check(write(tmp_path, [same, {**same, "text": "Yes."}, {**same, "topics": []}]))
    first, second, third = briefing.quotes
    assert first.topics is second.topics and first.topics == (briefing.topics[0],
                                                              briefing.topics[1])
    assert third.topics == ()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_the_string_rule_cleans_as_clean_does(text):
    from tui.core.rules import string

    class Report:
        def error(self, where, message):
            raise AssertionError(message)

        warn = error

    assert string(text, ("quotes", 0), "note", Report()) == clean(text)
