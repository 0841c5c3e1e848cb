"""People in an article: full names with the titles and appositives around them, the short
forms that refer to them, and how a mention (a name, a surname, "he", "the minister")
resolves to one of them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

#: Nationality adjectives and the country they name.
DEMONYMS = {
    "afghan": "Afghanistan", "american": "United States", "u.s.": "United States",
    "us": "United States", "argentine": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan",
    "belarusian": "Belarus", "belgian": "Belgium", "brazilian": "Brazil", "british": "United Kingdom",
    "u.k.": "United Kingdom", "bulgarian": "Bulgaria", "canadian": "Canada", "chilean": "Chile",
    "chinese": "China", "colombian": "Colombia", "cuban": "Cuba", "czech": "Czech Republic",
    "danish": "Denmark", "dutch": "Netherlands", "egyptian": "Egypt", "emirati": "United Arab Emirates",
    "estonian": "Estonia", "ethiopian": "Ethiopia", "european": "European Union", "eu": "European Union",
    "finnish": "Finland", "french": "France", "georgian": "Georgia", "german": "Germany",
    "ghanaian": "Ghana", "greek": "Greece", "hungarian": "Hungary", "icelandic": "Iceland",
    "indian": "India", "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq",
    "irish": "Ireland", "israeli": "Israel", "italian": "Italy", "japanese": "Japan",
    "jordanian": "Jordan", "kazakh": "Kazakhstan", "kenyan": "Kenya", "korean": "Korea",
    "kyrgyz": "Kyrgyzstan", "latvian": "Latvia", "lebanese": "Lebanon", "lithuanian": "Lithuania",
    "malaysian": "Malaysia", "mexican": "Mexico", "moldovan": "Moldova", "mongolian": "Mongolia",
    "moroccan": "Morocco", "nigerian": "Nigeria", "norwegian": "Norway", "pakistani": "Pakistan",
    "palestinian": "Palestine", "peruvian": "Peru", "philippine": "Philippines",
    "filipino": "Philippines", "polish": "Poland", "portuguese": "Portugal", "qatari": "Qatar",
    "romanian": "Romania", "russian": "Russia", "saudi": "Saudi Arabia", "serbian": "Serbia",
    "singaporean": "Singapore", "slovak": "Slovakia", "slovenian": "Slovenia",
    "spanish": "Spain", "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria",
    "tajik": "Tajikistan", "thai": "Thailand", "turkish": "Turkey", "turkmen": "Turkmenistan",
    "ukrainian": "Ukraine", "uzbek": "Uzbekistan", "venezuelan": "Venezuela",
    "vietnamese": "Vietnam",
}
COUNTRIES = frozenset(DEMONYMS.values()) | {"Tajikistan", "China", "Russia", "America"}

#: Words that make a phrase a title or office.
TITLE_WORDS = frozenset("""
president vice prime minister ministers secretary chairman chairwoman chairperson chair
councilor councillor chancellor premier spokesperson spokesman spokeswoman spokespeople
ambassador envoy senator governor mayor director director-general secretary-general
deputy head chief leader speaker commissioner representative delegate king queen prince
emir sultan general admiral commander officer adviser advisor counsellor counselor
president-elect ceo founder executive analyst professor economist lawmaker legislator
mp member mayor-elect coordinator negotiator attorney judge justice official
""".split())
#: Words after which a capitalised word is not part of a name.
NOT_NAMES = frozenset("""
the a an in on at of for and or but to by with from as after before during since while
when where this that these those his her their its our my your it he she they we i you
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december
visiting meanwhile however also both according asked earlier later last next new
ministry assembly council party bank union nations initiative road workshop republic
kingdom states day university street agency news times post press committee parliament
government office house senate congress court forum summit center centre group company
corporation association federation organization organisation institute foundation fund
program programme project plan conference department embassy city province region state
airport station league club army navy force forces belt silk covid-19 covid
""".split())
#: Words a title in front of a name may hold besides title words ("Landlords' association
#: director Per Aune", "Housing councillor Amir Haddad").
TITLE_NOUNS = frozenset("""
of the and association union council party group committee federation opposition ministry
foreign defence defense finance housing agriculture interior trade justice health education
former deputy acting senior state national city regional local labour labor energy
environment transport economy culture tenants landlords farmers business industry
central bank police army union's workers
""".split())
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person"}

_NAME_WORD = r"[A-Z\u00c0-\u00de][\w'’\-]*(?:\.[A-Z])?"
_PARTICLE = r"(?:de|da|di|del|van|von|der|bin|al|el|la|le|ibn|dos|du)"
NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})*")


def fold(text: str) -> str:
    """Lower case without accents, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slug(name: str) -> str:
    """A TOML bare key for `name`: 'Sirojiddin Muhriddin' -> 'sirojiddin-muhriddin'."""
    ascii_ = fold(name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "speaker"


@dataclass
class Person:
    name: str
    role: str = ""
    affiliation: str = ""
    aliases: list[str] = field(default_factory=list)  # short forms the text used

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    def title_words(self) -> set[str]:
        return {w for w in re.split(r"[\s-]+", fold(self.role)) if w}


def _strip_title(words: list[str]) -> tuple[list[str], list[str], str]:
    """Split a run of capitalised words into (title words, name words, affiliation)."""
    affiliation = ""
    # Everything up to the last title word is title ("German Economy Minister Karl Brandt").
    last = max((i for i, w in enumerate(words[:-1]) if fold(w).strip(".,") in TITLE_WORDS),
               default=-1)
    title: list[str] = words[:last + 1]
    for word in title:
        low = fold(word).strip(".,")
        affiliation = affiliation or DEMONYMS.get(low, "") or (word if word in COUNTRIES else "")
    i = last + 1
    while i < len(words) - 1:
        low = fold(words[i]).strip(".,")
        if low in DEMONYMS:
            affiliation = affiliation or DEMONYMS[low]
        elif words[i] in COUNTRIES:
            affiliation = affiliation or words[i]
        elif low in TITLE_WORDS or low in NOT_NAMES or low in ("foreign", "state", "national",
                                                                 "defense", "defence", "finance",
                                                                 "trade", "interior", "opposition",
                                                                 "general", "former"):
            title.append(words[i])
        else:
            break
        i += 1
    return title, words[i:], affiliation


def name_candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each full personal name (two or more words) in `text`."""
    found = []
    for match in NAME_RUN.finditer(text):
        words = match.group().split()
        if len(words) < 2:
            continue
        _title, name, _aff = _strip_title(words)
        while name and fold(name[-1]) in NOT_NAMES:
            name = name[:-1]
        if not 2 <= len(name) <= 4 or any(fold(w) in NOT_NAMES or fold(w) in TITLE_WORDS
                                          or w in COUNTRIES or fold(w) in DEMONYMS for w in name):
            continue
        if any(not w[0].isupper() for w in (name[0], name[-1])) or any("-" in w[1:-1] and
                                                                       w.split("-")[1][:1].isupper()
                                                                       for w in name):
            continue
        if name[-1].endswith(("'", "’")):  # "Rail Workers' Union": a possessive, not a name
            continue
        start = match.start() + match.group().index(name[0])
        full = " ".join(name)
        found.append((start, start + len(full), full))
    return found


def title_before(text: str, start: int) -> tuple[str, str]:
    """(role, affiliation) from the title in front of a name at `start` ('Tajik Foreign
    Minister', 'Chairman of the National Assembly of Tajikistan', 'State Councilor and
    Foreign Minister')."""
    head = text[:start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("("), head.rfind("\u2014"),
              head.rfind(" -- "))
    chunk = head[cut + 1:].strip()
    words = chunk.split()
    kept: list[str] = []
    for index in range(len(words) - 1, -1, -1):  # walk back over title words, "of", "the"
        word = words[index]
        low = fold(word).strip(".,")
        if low in ("and", "&") and (index == 0 or fold(words[index - 1]).strip(".,")
                                    not in TITLE_WORDS):
            break  # "… Rustam Emomali and Tajik Foreign Minister": a list, not one title
        if word[:1].isupper() or low in TITLE_WORDS or low in TITLE_NOUNS:
            kept.insert(0, word)
        else:
            break
    while kept and fold(kept[0]) in ("the", "and", "of", "for", "visiting", "with", "meanwhile"):
        kept.pop(0)
    return _role_of(kept)


def _role_of(words: list[str]) -> tuple[str, str]:
    affiliation = ""
    role: list[str] = []
    for word in words:
        low = fold(word).strip(".,")
        if low in DEMONYMS and (not role or fold(role[-1]) not in ("of", "the")):
            affiliation = affiliation or DEMONYMS[low]
        else:
            role.append(word)
    text = " ".join(role)
    text = text[:1].upper() + text[1:]
    country = re.search(r"\bof\s+(?:the\s+)?([A-Z]\w*(?:\s+[A-Z]\w*)*)$", text)
    if country and country.group(1) in COUNTRIES:
        affiliation = affiliation or country.group(1)
    if not any(fold(w).strip(".,") in TITLE_WORDS for w in re.split(r"[\s-]+", text)):
        return "", affiliation
    return text.strip(" ,"), affiliation


_APPOSITIVE = re.compile(r"^,\s+((?:the|a|an)\s+)?([^,;.\"“”]{3,90}?)\s*(?=,|\.|;|$)")


def appositive_after(text: str, end: int) -> tuple[str, str]:
    """(role, affiliation) from ', the opposition's spokeswoman,' after a name at `end`."""
    match = _APPOSITIVE.match(text[end:])
    if match is None:
        return "", ""
    phrase = match.group(2)
    if re.match(r"(who|which|said|says|told|added|adding|noted|when|as|and)\b", phrase):
        return "", ""
    words = phrase.split()
    if not any(fold(w).strip(".,'’s") in TITLE_WORDS for w in words):
        return "", ""
    affiliation = ""
    party = re.search(r"\b(?:of|from|for|at)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)",
                      phrase)
    if party:
        affiliation = party.group(1)
        phrase = phrase[:party.start()].strip()
    possessive = re.match(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+(.+)", phrase)
    if possessive:
        affiliation, phrase = possessive.group(1), possessive.group(2)
    role, demonym = _role_of(phrase.split())
    if not role:
        role = phrase
    return role[:1].upper() + role[1:], affiliation or demonym


class People:
    """The people named in one article, in order of first mention."""

    def __init__(self) -> None:
        self.persons: list[Person] = []

    def add(self, name: str, role: str = "", affiliation: str = "") -> Person:
        person = self.find_full(name)
        if person is None:
            person = Person(name)
            self.persons.append(person)
        if role and not person.role:
            person.role = role
        if affiliation and not person.affiliation:
            person.affiliation = affiliation
        return person

    def find_full(self, name: str) -> Person | None:
        key = fold(name)
        return next((p for p in self.persons if fold(p.name) == key), None)

    def read(self, text: str) -> None:
        """Note every full name in `text` with its title or appositive."""
        for start, end, name in name_candidates(text):
            role, affiliation = title_before(text, start)
            if not role:
                role, affiliation2 = appositive_after(text, end)
                affiliation = affiliation or affiliation2
            self.add(name, role, affiliation)

    def by_short(self, word: str) -> tuple[Person | None, list[Person]]:
        """The person a one-word name refers to, and the others it could also mean. A
        surname (the last word) comes before a given name (the first word)."""
        key = fold(word)
        last = [p for p in self.persons if len(p.tokens) > 1 and fold(p.tokens[-1]) == key]
        first = [p for p in self.persons if len(p.tokens) > 1 and fold(p.tokens[0]) == key]
        if len(last) == 1:
            return last[0], first
        if len(last) > 1:
            return None, last + first
        if len(first) == 1:
            return first[0], []
        return None, first

    def by_role(self, words: str, before: Person | None = None) -> Person | None:
        """The person a description ('the minister', 'the Tajik president') refers to."""
        tokens = [fold(w) for w in words.split() if fold(w) not in ("the", "his", "her", "its")]
        country = next((DEMONYMS[t] for t in tokens if t in DEMONYMS), "")
        titles = [t for t in tokens if t not in DEMONYMS]
        if not titles:
            return None
        fits = [p for p in self.persons if all(t in p.title_words() for t in titles)
                and (not country or p.affiliation == country)]
        if before is not None and before in fits:
            return before
        return fits[0] if len(fits) == 1 else None
