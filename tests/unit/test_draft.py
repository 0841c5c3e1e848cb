"""The drafter (tui/draft): the TOML writer, the text rules, people and attribution, on the
seed article and on small articles written here; every draft passes the loader's check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import tomli

from tui.core.loader import check
from tui.draft import draft
from tui.draft import text as tx
from tui.draft.people import People, slug
from tui.draft.tomlout import dumps, string

from support import ROOT, SEED, SEED_SOURCE

ARTICLES = ROOT / "tests" / "data" / "articles"


def drafted(article: str, **kwargs):
    toml, made = draft(article, **kwargs)
    return tomli.loads(toml), made


def checked(tmp_path: Path, article: str, **kwargs) -> list:
    """Problems `briefing check` finds in the draft of `article`, its source beside it."""
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    toml, _made = draft(article, "article.txt", **kwargs)
    (tmp_path / "draft.toml").write_text(toml, encoding="utf-8")
    briefing, problems = check(tmp_path / "draft.toml")
    assert briefing is not None, problems
    return problems


# -- the TOML writer ---------------------------------------------------------------------------
@pytest.mark.parametrize("value", ['say "hi"', "back\\slash", "two\nlines", "tab\tand\x01ctl",
                                   "\x7fdel", "ünïcødé “curly”", ""])
def test_strings_round_trip_through_a_toml_parser(value):
    assert tomli.loads(f"v = {string(value)}")["v"] == value


def test_documents_round_trip():
    document = {"format": 1, "meeting": {"title": 'A "b"', "date": dt.date(2022, 8, 1)},
                "speakers": {"wang-yi": {"name": "Wang Yi", "aliases": ["Wang", "王毅"]}},
                "quotes": [{"speaker": "wang-yi", "text": "x", "paragraph": 3}],
                "outcomes": []}
    back = tomli.loads(dumps(document))
    assert back["meeting"] == document["meeting"]
    assert back["speakers"] == document["speakers"]
    assert back["quotes"] == document["quotes"]
    assert "outcomes" not in back  # an empty array of tables is left out


def test_slugs_are_bare_keys():
    assert slug("Sirojiddin Muhriddin") == "sirojiddin-muhriddin"
    assert slug("Ingrid Sølberg-Ås") == "ingrid-slberg-as"
    assert slug("王毅") == "speaker"


# -- text rules --------------------------------------------------------------------------------
def test_sentences_skip_abbreviations_and_quotations():
    text = ('Mr. Smith met U.S. officials on Aug. 3. "We agreed. It is done," he said. '
            "Then he left.")
    assert [s.text for s in tx.sentences(text)] == [
        "Mr. Smith met U.S. officials on Aug. 3.", '"We agreed. It is done," he said.',
        "Then he left."]
    for s in tx.sentences(text):
        assert text[s.start:s.end] == s.text


def test_paragraph_kinds():
    assert tx.is_caption("Wang Yi (Left) meets Rahmon, August 1, 2022. /Chinese Foreign Ministry")
    assert tx.is_caption("Photo: farmers on a road. (Photo: Reuters)")
    for line in ("Search Trends", "Share this article", "Related stories", "By Anna Roth",
                 "Copyright 2023 Press. All rights reserved."):
        assert tx.is_furniture(line), line
    assert tx.is_heading("Pioneers of BRI construction")
    assert not tx.is_heading("Wang said the ties are strong.")
    assert tx.turn("Lina Voss: Good afternoon.") == ("Lina Voss", 11)
    assert tx.turn("Question (Radio Tirana): When?")[0] == "Question (Radio Tirana)"


def test_dates_and_datelines():
    assert tx.dates("Updated 14:50, 02-Aug-2022") == [dt.date(2022, 8, 2)]
    assert tx.dates("in Dushanbe, August 1, 2022. and 3 March 2021") == [
        dt.date(2022, 8, 1), dt.date(2021, 3, 3)]
    assert tx.dateline("ASTANA, March 14 (Wire) -- Kazakh ...")[0] == "Astana"
    assert tx.dateline_day("ASTANA, March 14 (Wire) -- Kazakh ...", 2023) == dt.date(2023, 3, 14)


def test_titles_give_role_and_affiliation():
    people = People()
    people.read("Visiting Chinese State Councilor and Foreign Minister Wang Yi met Tajik "
                "President Emomali Rahmon, Chairman of the National Assembly of Tajikistan "
                "Rustam Emomali and Tajik Foreign Minister Sirojiddin Muhriddin.")
    found = {p.name: (p.role, p.affiliation) for p in people.persons}
    assert found == {
        "Wang Yi": ("State Councilor and Foreign Minister", "China"),
        "Emomali Rahmon": ("President", "Tajikistan"),
        "Rustam Emomali": ("Chairman of the National Assembly of Tajikistan", "Tajikistan"),
        "Sirojiddin Muhriddin": ("Foreign Minister", "Tajikistan"),
    }
    # A surname comes first; the given name of another person is the other possibility.
    person, others = people.by_short("Emomali")
    assert person.name == "Rustam Emomali" and [p.name for p in others] == ["Emomali Rahmon"]
    assert people.by_short("Wang")[0].name == "Wang Yi"  # a family name written first


# -- the seed ----------------------------------------------------------------------------------
def test_the_seed_draft_attributes_as_the_bundled_briefing():
    brief = tomli.loads(SEED.read_text(encoding="utf-8"))
    names = {sid: s["name"] for sid, s in brief["speakers"].items()}
    expected = {(q["paragraph"], names[q["speaker"]]) for q in brief["quotes"]}
    document, made = drafted(SEED_SOURCE.read_text(encoding="utf-8"))
    assert made.pairs() == expected
    assert document["meeting"]["date"] == dt.date(2022, 8, 1)  # the caption's, not 'Updated'
    assert document["meeting"]["place"] == "Dushanbe, Tajikistan"
    assert document["meeting"]["title"] == brief["meeting"]["title"]
    assert document["source"]["published"] == dt.date(2022, 8, 2)
    speakers = document["speakers"]
    assert set(speakers) == set(brief["speakers"])
    assert speakers["sirojiddin-muhriddin"]["role"] == "Foreign Minister"
    assert speakers["sirojiddin-muhriddin"]["affiliation"] == "Tajikistan"
    assert "Emomali" in speakers["rustam-emomali"]["aliases"]
    for paragraph in (19, 20):  # "Emomali" alone: the surname's holder, with a note
        notes = [q["note"] for q in document["quotes"] if q["paragraph"] == paragraph]
        assert any("could also be Emomali Rahmon" in note for note in notes)
    assert [o["paragraph"] for o in document["outcomes"]] == [29, 30]
    assert len(document["sessions"]) == 3
    for quote in document["quotes"]:
        assert quote["session"] in document["sessions"]
        assert quote["kind"] == "paraphrase"
    continued = [q for q in document["quotes"] if q["paragraph"] in (8, 10)]
    assert all("continuation from paragraph" in q["note"] for q in continued)
    to = [q["to"] for q in document["quotes"] if q["paragraph"] == 24]
    assert to == [["sirojiddin-muhriddin"]]  # "Wang told his Tajik counterpart"


def test_the_seed_draft_passes_the_check(tmp_path):
    assert checked(tmp_path, SEED_SOURCE.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("article", sorted(ARTICLES.rglob("*.txt")), ids=lambda p: p.stem)
def test_every_corpus_draft_passes_the_check(tmp_path, article):
    problems = checked(tmp_path, article.read_text(encoding="utf-8"))
    assert [p for p in problems if not p.warning] == []


# -- rules on small articles -------------------------------------------------------------------
HEAD = "Talks on trade\n\nParis, 3 May 2023\n\n"


def test_speech_verbs_in_every_position():
    document, made = drafted(HEAD + (
        "French Trade Minister Anne Morel met German Economy Minister Karl Brandt.\n\n"
        "Morel said exports to Germany would grow this year.\n\n"
        "The two economies are closely linked, Brandt noted.\n\n"
        '"We need a common answer to the tariffs," said Brandt, who chairs the council.\n\n'
        "According to Morel, a deal could be reached by June.\n\n"
        "Brandt: \"Nothing is decided yet.\"\n\n"
        "Both ministers are members of their parties' executive committees."))
    assert sorted(made.pairs()) == [(4, "Anne Morel"), (5, "Karl Brandt"), (6, "Karl Brandt"),
                                    (7, "Anne Morel"), (8, "Karl Brandt")]
    kinds = {q["paragraph"]: q["kind"] for q in document["quotes"]}
    assert kinds[6] == "direct" and kinds[4] == "paraphrase"
    assert document["speakers"]["anne-morel"]["role"] == "Trade Minister"
    assert document["speakers"]["anne-morel"]["affiliation"] == "France"
    assert (document["meeting"]["place"], document["meeting"]["date"]) == (
        "Paris", dt.date(2023, 5, 3))


def test_pronouns_follow_the_last_speaker_and_respect_she():
    _document, made = drafted(HEAD + (
        "Mayor Ingrid Solberg and councillor Tomas Brekke spoke after the vote.\n\n"
        "Solberg said the cap would protect tenants.\n\n"
        "She added that landlords had been consulted.\n\n"
        "Brekke warned that building would stop. He predicted higher rents."))
    assert sorted(made.pairs()) == [(4, "Ingrid Solberg"), (5, "Ingrid Solberg"),
                                    (6, "Tomas Brekke")]


def test_an_unclosed_quotation_continues_into_the_next_paragraph():
    document, made = drafted(HEAD + (
        'Councillor Amir Haddad defended the deal. "We listened to the builders," he said. '
        '"New buildings are exempt.\n\n"What we will not accept is rising rents."\n\n'
        "The vote takes place on Friday."))
    assert sorted(made.pairs()) == [(3, "Amir Haddad"), (4, "Amir Haddad")]
    fourth = [q for q in document["quotes"] if q["paragraph"] == 4]
    assert fourth[0]["kind"] == "direct" and "paragraph 3" in fourth[0]["note"]


def test_transcript_answers_are_statements_and_questions_are_not():
    _document, made = drafted(
        "Regular Press Conference of Spokesperson Lina Voss\n\nMay 9, 2023\n\n"
        "Lina Voss: Good afternoon. I have one announcement.\n\n"
        "It concerns the flood relief conference next week.\n\n"
        "Reuters: Minister Paul Ekberg said the package is blocked. Your comment?\n\n"
        "Lina Voss: Our position is clear.\n\n"
        "Q: Will the ambassador be recalled?\n\n"
        "Lina Voss: There is no such plan.")
    assert sorted(made.pairs()) == [(3, "Lina Voss"), (4, "Lina Voss"), (6, "Lina Voss"),
                                    (8, "Lina Voss")]


def test_furniture_captions_and_background_are_never_statements():
    document, made = drafted(HEAD + (
        "Minister Anne Morel (L) meets Karl Brandt in Paris, May 3, 2023. /Ministry photo\n\n"
        "Minister Anne Morel (L) meets Karl Brandt in Paris, May 3, 2023. /Ministry photo\n\n"
        "Anne Morel said trade would grow.\n\n"
        "In 2019 trade fell by a tenth.\n\n"
        "The two sides signed an agreement on rail freight.\n\n"
        "Share this article\n\nSearch Trends"))
    assert made.pairs() == {(5, "Anne Morel")}
    assert [o["paragraph"] for o in document["outcomes"]] == [7]
    assert document["meeting"]["date"] == dt.date(2023, 5, 3)  # the caption's


def test_narrative_around_a_quote_is_not_taken_for_it():
    document, made = drafted(HEAD + (
        'Commuters were relieved. "I was going to lose a day\'s pay," said Aisha Rahman.\n\n'
        "Minister Helen Marsh welcomed the news and thanked both sides for \"staying at the "
        "table\"."))
    texts = [q["text"] for q in document["quotes"]]
    assert texts == ["I was going to lose a day's pay.",
                     'Minister Helen Marsh welcomed the news and thanked both sides for '
                     '"staying at the table".']
    assert [q["kind"] for q in document["quotes"]] == ["direct", "paraphrase"]


def test_a_short_form_two_people_share_gets_a_note():
    document, _made = drafted(HEAD + (
        "President Kim Jae-won met Prime Minister Kim Sun-hee.\n\n"
        "Kim Jae-won said the talks were useful.\n\n"
        "Kim added that more meetings would follow."))
    quotes = {q["paragraph"]: q for q in document["quotes"]}
    assert quotes[5]["speaker"] == "kim-jae-won"
    assert "Kim Sun-hee" in quotes[5]["note"]


def test_no_date_found_is_said_and_today_used():
    document, made = drafted("Anne Morel said trade would grow.", today=dt.date(2024, 1, 2))
    assert document["meeting"]["date"] == dt.date(2024, 1, 2)
    assert made.notes and "no date found" in made.notes[0]
    document, made = drafted("Anne Morel said trade would grow.", date=dt.date(2020, 5, 6),
                             title="Trade")
    assert document["meeting"]["date"] == dt.date(2020, 5, 6)
    assert document["meeting"]["title"] == "Trade" and not made.notes


def test_hostile_text_stays_data(tmp_path):
    article = HEAD + 'Anne Morel said "[bold]x[/] \\ \x1b[31m" is the \x07 plan.'
    problems = checked(tmp_path, article)
    assert [p for p in problems if not p.warning] == []
    toml, _made = draft(article)
    assert "\x1b" not in toml and "\x07" not in toml


def test_interview_answers_joint_statements_and_appositive_names():
    _document, made = drafted(
        "An interview with central bank governor Marta Kowalczyk\n\nWarsaw, 12 April 2024\n\n"
        "Q: Is it time to cut rates?\n\nA: Not yet. Prices are still rising.\n\n"
        "Growth has slowed, but we can cope.\n\nKowalczyk's term ends in 2028.")
    assert sorted(made.pairs()) == [(4, "Marta Kowalczyk"), (5, "Marta Kowalczyk")]
    document, made = drafted(HEAD + (
        "The operator's chief executive, Daniel Price, was quoted as saying that the deal was "
        "affordable.\n\n"
        "Grace Okafor and Price said in a joint statement that the talks had been hard.\n\n"
        'Opposition spokesman Gareth Lloyd said ministers had failed. "They slept," he said.'
        '\n\n"It should never have come to this."'))
    assert sorted(made.pairs()) == [(3, "Daniel Price"), (5, "Gareth Lloyd"),
                                    (6, "Gareth Lloyd")]
    assert document["speakers"]["gareth-lloyd"]["role"] == "Opposition spokesman"
