"""Quotes as text: citations that never put reported speech in quotation marks, and Markdown
that renders as the briefing's text, never as a link, HTML, a list or a heading."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.core.model import Row
from tui.core.sanitize import one_line
from tui.output import export
from tui.output.export import citation, markdown, md, plain_lines

COMMONMARK = MarkdownIt("commonmark")


def _row(briefing, index, **changes):
    quote = dataclasses.replace(briefing.quotes[index], **changes)
    return Row(briefing, quote)


def test_citation_quotes_the_speakers_own_words(nordic):
    assert citation(Row(nordic, nordic.quotes[0])) == (
        "\u201cGeothermal heat warms nine homes in ten here.\u201d \u2014 Guðrún Ólafsson, "
        "Minister of Energy, Reykjavík, Iceland, 2023-03-11 (Nordic Wire), paragraph 2")


def test_citation_of_reported_speech_has_no_quotation_marks(nordic, seed):
    assert citation(Row(nordic, nordic.quotes[1])) == (
        "Wang Li, Vice Minister (paraphrase, not a direct quote): China wants to learn from "
        "Iceland's geothermal experience and to share its solar technology. \u2014 Reykjavík, "
        "Iceland, 2023-03-11 (Nordic Wire), paragraph 3")
    for quote in seed.quotes:
        text = citation(Row(seed, quote))
        assert quote.direct == text.startswith("\u201c"), quote.index
        if not quote.direct:
            assert "\u201c" not in text and "(paraphrase, not a direct quote): " in text


def test_citation_without_role_paragraph_or_outlet(nordic):
    speaker = dataclasses.replace(nordic.quotes[1].speaker, role="")
    row = _row(nordic, 1, speaker=speaker, paragraph=None)
    bare = Row(dataclasses.replace(nordic, source=dataclasses.replace(nordic.source, outlet="")),
               row.quote)
    assert citation(bare) == (
        "Wang Li (paraphrase, not a direct quote): China wants to learn from Iceland's "
        "geothermal experience and to share its solar technology. \u2014 Reykjavík, Iceland, "
        "2023-03-11")


def test_plain_text_quotes_own_words_only(nordic):
    lines = list(plain_lines([Row(nordic, q) for q in nordic.quotes]))
    assert "    \u201cGeothermal heat warms nine homes in ten here.\u201d" in lines
    assert "    China wants to learn from Iceland's geothermal experience and to share its " \
           "solar technology." in lines
    assert "    paraphrase, not a direct quote · session: Opening plenary · topics: " \
           "Geothermal and solar energy · paragraph 3" in lines


def test_markdown_typesets_only_own_words_as_quotations(nordic):
    text = markdown([Row(nordic, q) for q in nordic.quotes], "Quotes (search: energy)")
    rendered = COMMONMARK.render(text)
    assert rendered.startswith("<h1>Quotes (search: energy)</h1>")
    quoted = re.findall(r"<blockquote>(.*?)</blockquote>", rendered, re.S)
    assert len(quoted) == sum(q.direct for q in nordic.quotes) == 1
    assert "Geothermal heat warms" in quoted[0]
    assert ("<p><strong>Wang Li, Vice Minister</strong> (paraphrase, not a direct quote): "
            "China wants to learn") in rendered


@pytest.mark.parametrize("text, source", [
    ("Quotes (search: vaccine)", "Quotes (search: vaccine)"),
    ("[x](http://e.org)", "\\[x\\](http://e.org)"),
    ("<b>hi</b> <http://e.org>", "\\<b\\>hi\\</b\\> \\<http://e.org\\>"),
    ("*a* _b_ `c` ~d~ e|f \\", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ e\\|f \\\\"),
    ("- item", "\\- item"),
    ("+ item", "\\+ item"),
    ("1. one", "1\\. one"),
    ("2022) two", "2022\\) two"),
    ("# title", "\\# title"),
    ("ends with ##", "ends with \\#\\#"),
    ("c# and f#m", "c# and f#m"),
    ("AT&amp;T & co", "AT\\&amp;T & co"),
    ("!wow (yes)", "!wow (yes)"),
])
def test_md_escapes_only_what_markdown_would_read(text, source):
    assert md(text) == source


TRICKY = st.text(alphabet=st.sampled_from(list("ab1 .)#+-=*_`~|\\[]()<>!&;:/\n")), max_size=30)


@given(TRICKY)
def test_md_renders_as_the_text_itself(text):
    """In a heading, a paragraph or a block quotation, the escaped text renders as exactly
    the text, with no link, image, HTML, list, heading or emphasis of its own."""
    wanted = one_line(text)
    for template, tag in (("# {}", "h1"), ("{}", "p"), ("> {}", "p"), ("**x** (y): {}", "p")):
        rendered = COMMONMARK.render(template.format(md(text)))
        if not wanted:
            continue
        assert re.fullmatch(rf"(<blockquote>\n)?<{tag}>.*</{tag}>\n(</blockquote>\n)?", rendered,
                            re.S), rendered
        inner = re.sub(r"^(<blockquote>\n)?<\w+>|</\w+>\n(</blockquote>\n)?$", "", rendered)
        if template.startswith("**"):
            inner = inner.removeprefix("<strong>x</strong> (y): ")
        assert "<" not in inner.replace("&lt;", "")
        assert html.unescape(inner) == wanted


def test_json_carries_the_kind(nordic):
    quotes = export.quote_json(Row(nordic, nordic.quotes[1]))
    assert quotes["kind"] == "paraphrase"
