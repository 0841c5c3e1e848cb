"""Who said what: each sentence of the body is matched against speech-verb patterns (`X said
…`, `…, X said`, `…, said X`, `according to X`, transcript turns), and its speaker is found
by name, surname, pronoun or description. What the two sides agreed is an outcome."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import text as tx
from .people import (
    COUNTRIES,
    DEMONYMS,
    NAME_RUN,
    NOT_NAMES,
    TITLE_NOUNS,
    TITLE_WORDS,
    People,
    Person,
    _strip_title,
    fold,
    name_candidates,
)

_VERB_WORDS = (
    r"said|says|noted|notes|added|adds|told|tells|stressed|stresses|emphasi[sz]ed|emphasi[sz]es"
    r"|underlined|underscored|pointed out|expressed(?:\s+(?:the|his|her)\s+hope|\s+hope"
    r"|\s+(?:his|her)?\s*(?:appreciation|gratitude|confidence|concern|support|regret))?"
    r"|thanked|called for|called on|urged|warned|argued|insisted|claimed|explained|asserted"
    r"|declared|announced|stated|remarked|observed|recalled|reiterated|affirmed|acknowledged"
    r"|conceded|admitted|suggested|proposed|praised|welcomed|hoped|voiced|vowed|pledged"
    r"|promised|denied|rejected|critici[sz]ed|replied|responded|answered|wrote|hailed|lauded"
    r"|confirmed|predicted|accused|maintained|contended|countered|cautioned|complained"
    r"|lamented|commented|continued|believes|expects|hopes|described|called"
)
VERB = re.compile(rf"\b(?:(?:was |is )?quoted as saying|{_VERB_WORDS})\b(?!\s+by\b)")
#: Verbs whose statement is the act itself ("X thanked China for ..."): the excerpt keeps them.
ACTS = ("thanked", "praised", "welcomed", "called for", "called on", "urged", "criticized",
        "criticised", "denied", "rejected", "hailed", "lauded", "accused", "vowed", "pledged",
        "promised", "proposed", "expressed", "called", "described")
_ADVERBS = re.compile(r"(?:\s+(?:also|further|then|later|again|repeatedly|firmly|once again"
                      r"|separately|previously|earlier|too|however|meanwhile|has|had|have|also))+$")
_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+((?:[\w-]+\s+){0,3}?(?:" + "|".join(sorted(TITLE_WORDS))
    + r"|counterpart|diplomat|host|guest|visitor))$")
_PRONOUN = re.compile(r"\b([Hh]e|[Ss]he)$")
_NAME_END = re.compile(rf"({NAME_RUN.pattern})$")
_PARTIES = re.compile(
    r"\b(?:the two sides|both sides|the sides|the two countries|both countries|the two leaders"
    r"|both leaders|the two (?:foreign )?ministers|the parties|the two delegations"
    r"|the two presidents|the two governments)\b", re.IGNORECASE)
_OUTCOME_VERBS = re.compile(
    r"\b(?:signed|agreed|adopted|issued|reached|exchanged views|attended|witnessed|launched"
    r"|inaugurated|decided|endorsed|approved|established|were signed|was signed)\b")
_QUESTION = re.compile(r"^(q|question|reporter|journalist|moderator|host|audience|voice)\b"
                       r"|\(|\b(reuters|afp|ap|bloomberg|xinhua|cnn|bbc|tass|news|times|post)\b",
                       re.IGNORECASE)
_MARKERS = re.compile(r"\b(will|would|should|must|is willing|are willing|is ready|stands ready"
                      r"|hopes?|is committed|are committed|has always|have always|needs? to"
                      r"|is necessary)\b")
_BACKGROUND = re.compile(r"^(in \d{4}|last (year|month|week)|earlier|the (meeting|visit|talks|"
                         r"summit|trip)|since \d{4}|according to (data|figures|statistics))",
                         re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:who|whose|a|an|the|[a-z]+ing|asked|speaking|(?:[A-Z][\w'’-]*\s+)*"
                    r"(?:" + "|".join(sorted(TITLE_WORDS)) + r"))\b[^,\"“”]*,$")
_FEMALE = re.compile(r"\b(she|her|spokeswoman|chairwoman|Mrs|Ms)\b")


@dataclass
class Statement:
    paragraph: int  # numbered from 1
    person: Person
    kind: str
    start: int  # offsets of the excerpt in the paragraph
    end: int
    note: str = ""
    to: list[Person] = field(default_factory=list)


@dataclass
class Found:
    """The attribution of one sentence."""

    person: Person
    spans: list[tuple[int, int]]  # content, as offsets in the paragraph
    note: str = ""
    to: list[Person] = field(default_factory=list)
    act: bool = False


class Attributor:
    def __init__(self, people: People) -> None:
        self.people = people
        self.current: Person | None = None  # the last speaker named
        self.female: set[int] = set()
        self.male: set[int] = set()

    # -- mentions ----------------------------------------------------------------------------
    def _resolve_name(self, run: str) -> tuple[Person | None, str]:
        words = run.split()
        _title, name, _aff = _strip_title(words) if len(words) > 1 else ([], words, "")
        if not name or any(fold(w) in NOT_NAMES or fold(w) in TITLE_WORDS for w in name):
            return None, ""
        if len(name) >= 2:
            person = self.people.find_full(" ".join(name))
            if person is None:
                return self.people.add(" ".join(name)), ""
            return person, ""
        word = name[0]
        if word in tx.OPEN_QUOTES or fold(word) in ("it", "this"):
            return None, ""
        person, others = self.people.by_short(word)
        note = ""
        if person is None and others:
            recent = self.current if self.current in others else None
            if recent is None:
                return None, ""
            person = recent
            note = (f"'{word}' could be {' or '.join(p.name for p in others)}; taken as "
                    f"{person.name}, the speaker before; check.")
        elif person is not None and others:
            note = (f"'{word}' is taken as {person.name} (a surname); it could also be "
                    f"{', '.join(p.name for p in others)}.")
        if person is not None and word not in person.aliases and word != person.name:
            person.aliases.append(word)
        return person, note

    def _pronoun(self, word: str) -> tuple[Person | None, str]:
        female = fold(word) == "she"
        person = self.current
        if person is None:
            return None, ""
        if (female and id(person) in self.male) or (not female and id(person) in self.female):
            return None, ""
        (self.female if female else self.male).add(id(person))
        return person, ""

    def subject_before(self, text: str, pos: int) -> tuple[Person | None, int, str]:
        """The speaker named just before `pos` (the verb), the mention's start, a note."""
        head = text[:pos].rstrip()
        adverbs = _ADVERBS.search(head)
        if adverbs:
            head = head[:adverbs.start()]
        aside = _ASIDE.search(head)
        if aside and not _in_quotes(head, aside.start()):  # "Solberg, who …, said"
            head = head[:aside.start()]
        if head.endswith(","):  # "The operator's chief executive, Daniel Price, was quoted"
            inner = head[:-1].rstrip()
            named = _NAME_END.search(inner)
            prefix = inner[:named.start()].rstrip() if named else ""
            if named and prefix.endswith(",") and not _without_title(prefix[:-1]):
                person, note = self._resolve_name(named.group(1))
                if person is not None:
                    return person, 0, note
        if match := _PRONOUN.search(head):
            person, note = self._pronoun(match.group(1))
            return person, match.start(), note
        if match := _DESCRIPTION.search(head):
            person = self.people.by_role(match.group(1), self.current)
            if person is None and "counterpart" in match.group(1):
                person = self._counterpart(match.group(1))
            return person, match.start(), ""
        if match := _NAME_END.search(head):
            person, note = self._resolve_name(match.group(1))
            if person is None:  # a country or organisation, not a person
                return None, -1, ""
            if re.search(rf"(?:{NAME_RUN.pattern}|\b(?:he|she))(?:,)?\s+and$",
                         head[:match.start()].rstrip()):
                return None, match.start(), ""  # "Morel and Brandt said": a joint statement
            return person, match.start(), note
        return None, -1, ""

    def subject_after(self, text: str, pos: int) -> tuple[Person | None, int, str]:
        """For '…, said X': the speaker named right after the verb ending at `pos`."""
        rest = text[pos:]
        if match := re.match(r"\s+(?:the|his|her)\s+((?:[\w-]+\s+){0,3}?(?:"
                             + "|".join(sorted(TITLE_WORDS)) + r"))\b", rest):
            return self.people.by_role(match.group(1), self.current), pos + match.end(), ""
        if match := re.match(rf"\s+({NAME_RUN.pattern})", rest):
            person, note = self._resolve_name(match.group(1))
            return person, pos + match.end(), note
        return None, -1, ""

    def _counterpart(self, words: str) -> Person | None:
        country = next((c for w in words.split() if (c := _demonym(w))), "")
        if not country or self.current is None:
            return None
        mine = self.current.title_words()
        fits = [p for p in self.people.persons if p.affiliation == country
                and p is not self.current and p.title_words() & mine - {"and", "of", "the"}]
        return fits[0] if len(fits) == 1 else None

    def addressees(self, text: str, speaker: Person) -> list[Person]:
        out: list[Person] = []
        for match in re.finditer(r"\b(?:told|meeting with|talks with|met with|meets with)\s+"
                                 r"((?:his|her|the)\s+[\w\s-]{1,40}?(?:counterpart|president|"
                                 r"minister|chairman|premier)|" + NAME_RUN.pattern + ")", text):
            phrase = match.group(1)
            if re.match(r"(his|her|the)\s", phrase):
                person = (self._counterpart(phrase) if "counterpart" in phrase
                          else self.people.by_role(phrase))
            else:
                person, _note = self._resolve_name(phrase)
            if person is not None and person is not speaker and person not in out:
                out.append(person)
        return out

    def note_subject(self, text: str) -> None:
        """A sentence that opens with a named person ("Housing councillor Amir Haddad, …,
        defended …") makes them the one "he" or "she" refers to next."""
        for start, _end, name in name_candidates(text[:120]):
            if not _without_title(text[:start].rstrip()):
                person = self.people.find_full(name)
                if person is not None:
                    self.current = person
            break

    # -- sentences ---------------------------------------------------------------------------
    def sentence(self, para: str, s: tx.Sentence, quoted: list[tuple[int, int]]) -> Found | None:
        """The attribution of sentence `s` of paragraph `para`, or None."""
        text = s.text
        inside = [(a - s.start, b - s.start) for a, b in quoted if a >= s.start and b <= s.end]

        def in_quote(pos: int) -> bool:
            return any(a <= pos < b for a, b in inside)

        according = re.search(r"\baccording to\b", text, re.IGNORECASE)
        if according and not in_quote(according.start()):
            person, end, note = self.subject_after(text, according.end())
            if person is not None:
                if according.start() < 3:
                    comma = text.find(",", end)
                    spans = [(comma + 1, len(text))] if comma > 0 else []
                else:
                    spans = [(0, according.start())]
                return self._found(para, s, person, spans, note, inside)
        colon = re.match(rf"({NAME_RUN.pattern})\s*:\s*(?=[\"“])", text)
        if colon:  # 'Brandt: "Nothing is decided yet."'
            person, note = self._resolve_name(colon.group(1))
            if person is not None:
                return self._found(para, s, person, [(colon.end(), len(text))], note, inside)
        for verb in VERB.finditer(text):
            if in_quote(verb.start()):
                continue
            person, start, note = self.subject_before(text, verb.start())
            if start >= 0 and person is None:
                return None  # a speaker named but not known: better left out
            if person is not None:
                lead = _without_title(text[:start].rstrip())
                which = re.search(r",\s*(?:which|what)$", lead)
                if which:  # "…, which Saidov described as a priority"
                    return self._found(para, s, person, [(0, which.start())], note, inside)
                if not lead or lead.endswith(",") and not lead.rstrip(",").endswith(('"', "”")) \
                        and start < 0.5 * len(text) and _clause_intro(lead):
                    spans = [self._after_verb(text, verb.end())]
                    if verb.group().startswith(ACTS):
                        spans = [(start, spans[0][1])]
                        return self._found(para, s, person, spans, note, inside, act=True)
                elif lead.endswith((",", '"', "”", "’")) or lead.endswith(":"):
                    spans = [(0, len(lead))]
                    tail = re.match(r"[^,]*,\s*adding(?:\s+that)?\s+", text[verb.end():])
                    if tail:
                        spans.append((verb.end() + tail.end(), len(text)))
                else:
                    continue
                return self._found(para, s, person, spans, note, inside)
            before = text[:verb.start()].rstrip()
            if before.endswith((",", '"', "”")):
                person, end, note = self.subject_after(text, verb.end())
                if person is not None:
                    return self._found(para, s, person, [(0, len(before))], note, inside)
        return None

    def _after_verb(self, text: str, pos: int) -> tuple[int, int]:
        rest = text[pos:]
        that = re.match(r"[^,\"“]{0,60}?\bthat\s+", rest)
        if that:
            return pos + that.end(), len(text)
        lead = re.match(r"\s*(?:(?:on|in|at|during|after|before|while|late|to)\b[^,\"“]*,)?[\s,:]*",
                        rest)
        return pos + (lead.end() if lead else 0), len(text)

    def _found(self, para, s, person, spans, note, inside, act=False) -> Found | None:
        spans = [_trim(s.text, a, b) for a, b in spans]
        spans = [(a + s.start, b + s.start) for a, b in spans if b - a >= 8]
        quoted = [(a + s.start, b + s.start) for a, b in inside if b - a >= 8]
        if not spans and not quoted:
            return None
        self.current = person
        if _FEMALE.search(s.text):
            self.female.add(id(person))
        # The quoted words are the statement when they are most of it; a few quoted words
        # inside a reported act ("thanked both sides for 'staying at the table'") are not.
        quoted_length = sum(b - a for a, b in quoted)
        if quoted and (not spans or quoted_length >= 0.5 * sum(b - a for a, b in spans)):
            spans = quoted
        return Found(person, spans, note, self.addressees(s.text, person), act)


def _in_quotes(text: str, pos: int) -> bool:
    return any(a <= pos < b for a, b in tx.quotations(text))


def _without_title(lead: str) -> str:
    """`lead` without the title words at its end: what stands before the whole mention."""
    words = lead.split(" ")
    while words and words[-1]:
        word = words[-1]
        low = re.sub(r"['’]s?$", "", fold(word))
        if not (low in TITLE_NOUNS or low in TITLE_WORDS or low != fold(word)
                or word[:1].isupper() and not word.endswith(",")):
            break
        words.pop()
    return " ".join(words).rstrip()


def _demonym(word: str) -> str:
    return DEMONYMS.get(fold(word), "")


def _clause_intro(lead: str) -> bool:
    """'During his meeting with Emomali,' or 'On Monday,': an introductory clause."""
    return bool(re.match(r"(during|at|in|on|after|before|speaking|asked|when|while|meanwhile|"
                         r"however|later|earlier|separately|for (his|her) part|"
                         r"in (his|her) (speech|remarks))\b", lead, re.IGNORECASE))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space, commas and quotation marks around it."""
    while start < end and text[start] in " \t\n,:;\"“”'‘’«»—–-":
        start += 1
    while end > start and text[end - 1] in " \t\n,:;\"“”«»—–-":
        end -= 1
    return start, end


def is_party_statement(sentence: str) -> bool:
    """'The two sides signed …', 'Both sides exchanged views …': an outcome."""
    return bool(_PARTIES.search(sentence) and _OUTCOME_VERBS.search(sentence))


def takes_position(sentence: str) -> bool:
    """Does a sentence state a position (a modal, 'has always', first person) rather than
    narrate? Only such sentences are taken as continuing a speaker's remarks."""
    return bool(_MARKERS.search(sentence) or re.search(r"\b(I|we|our|us)\b", sentence))


def looks_continued(paragraph: str) -> bool:
    """Could this unattributed paragraph continue the remarks before it? Only a position
    stated by a party (a country, 'the two sides') with a modal or 'has always'."""
    first = paragraph.lstrip()
    if _BACKGROUND.match(first) or '"' in paragraph or "“" in paragraph:
        return False
    if not _MARKERS.search(paragraph):
        return False
    subject = re.match(r"([A-Z][\w-]*)", first)
    return bool(subject and (subject.group(1) in COUNTRIES or subject.group(1).endswith("ing")
                             or _PARTIES.match(first)))


def question_label(label: str) -> bool:
    return bool(_QUESTION.search(label))
