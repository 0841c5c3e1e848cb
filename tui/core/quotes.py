"""The rules of a `[[quotes]]` entry, read in one pass that builds the quote.

There is one reading for every briefing, large or small, valid or not: a quote that breaks
no rule costs little more than building it, and one that breaks some has each broken rule
reported with its key path, by the same code that would have accepted it.
"""

from __future__ import annotations

from .model import Quote, new_quote
from .rules import Report, paragraph, ref, refs, string, type_name, unknown_keys
from .sanitize import clean, one_line

#: The keys of a [[quotes]] entry, in the order of the format's table.
KEYS = ("speaker", "text", "kind", "topics", "session", "to", "paragraph", "excerpt", "note")
KINDS = ("direct", "paraphrase")

_KEYS = frozenset(KEYS)


class QuoteRules:
    """Reads the [[quotes]] of one briefing against its speakers, topics, sessions (id →
    model object) and source paragraphs (None when it has no source text)."""

    def __init__(self, speakers: dict, topics: dict, sessions: dict,
                 paragraphs: tuple[str, ...] | None):
        self.speakers, self.topics, self.sessions = speakers, topics, sessions
        self.paragraphs = paragraphs
        self.folded: dict[int, str] = {}  # paragraph number → its text on one line
        self.topic_sets: dict[tuple, tuple] = {}  # for `refs(shared=)`

    def read(self, index: int, entry: dict, report: Report) -> Quote | None:
        """The quote of `entry`, the `index`th [[quotes]]; every rule it breaks is told to
        `report`. None when it names no known speaker: such a quote cannot be shown."""
        where = ("quotes", index)
        if not entry.keys() <= _KEYS:
            unknown_keys(entry, where, KEYS, report)
        get = entry.get
        speaker = ref(get("speaker"), where, "speaker", "speaker", self.speakers, report, True)
        text = string(get("text"), where, "text", report, True)
        # The other keys may be left out, and then break no rule: no call for them.
        kind = get("kind", "paraphrase")
        if kind not in KINDS:  # a tuple: an unhashable kind (an array) is merely wrong
            shown = f"'{clean(kind)}'" if isinstance(kind, str) else type_name(kind)
            report.error(where + ("kind",), f'must be "direct" or "paraphrase", not {shown}')
            kind = "paraphrase"
        session = number = None
        excerpt = note = ""
        topics = to = ()
        if (value := get("session")) is not None:
            session = ref(value, where, "session", "session", self.sessions, report)
        if (value := get("paragraph")) is not None:
            number = paragraph(value, where, self.paragraphs, report)
        if (value := get("excerpt")) is not None:
            excerpt = string(value, where, "excerpt", report)
            if excerpt and number is not None and self.paragraphs is not None:
                body = self.folded.get(number)
                if body is None:
                    body = self.folded[number] = one_line(self.paragraphs[number - 1])
                if one_line(excerpt) not in body:  # white space compared loosely
                    short = excerpt if len(excerpt) <= 60 else excerpt[:57] + "..."
                    report.error(where + ("excerpt",),
                                 f"excerpt '{short}' not found in paragraph {number}")
        if (value := get("topics")) is not None:
            topics = refs(value, where, "topics", "topic", self.topics, report, self.topic_sets)
        if (value := get("to")) is not None:
            to = refs(value, where, "to", "speaker", self.speakers, report)
        if (value := get("note")) is not None:
            note = string(value, where, "note", report)
        if speaker is None:
            return None
        return new_quote(index, speaker, text, kind, topics, session, to, number, excerpt, note)
