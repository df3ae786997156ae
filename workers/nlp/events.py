"""Migration-policy event extraction from a parsed item body (contract: /design/events.md).

Pipeline per sentence: trigger rules (``triggers.py``) propose (type, trigger span); a migration-context
gate drops triggers in sentences that are not about migration; where no rule fired for the type a learned
sentence classifier names (``sentence_types.py``), the verb stating its cue becomes a trigger too; the
dependency parse around the trigger gives status (negation, modality, tense, aspect), actors, place and
date; mentions of one occurrence are then merged so an item yields one event per real-world occurrence.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from spacy.tokens import Doc, Span, Token

from workers.nlp.dates import GRANULARITY_RANK, find_date_expressions, resolve_date
from workers.nlp.doctext import doc_text
from workers.nlp.entities import country_of, geocode, is_country
from workers.nlp.gazetteer import lookup_officeholder
from workers.nlp.noise import boilerplate_ranges, in_ranges, is_boilerplate
from workers.nlp.relevance import is_migration_policy
from workers.nlp.sentence_types import NONE, cue_matches, type_classifier
from workers.nlp.triggers import MIGRATION_CONTEXT, RULES, TriggerRule, trigger_span
from workers.nlp.types import EVENT_TYPES, Actor, DateAnchor, Entity, Event, Location, Quantity, ResolvedDate

ActorLabel = Literal["PERSON", "ORG", "GPE", "NORP"]


def _words(text: str) -> frozenset[str]:
    """A word list written as running text: the lexicons below stay readable and diffable."""
    return frozenset(text.split())


_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset(
    {"in", "at", "to", "into", "near", "inside", "toward", "towards", "across", "outside"}
)

# Heads that make the act below them (xcomp/ccomp) hypothetical: "is considering a ban", "pressed Congress
# to pass", "called for funding".
_HYPO_HEADS = _words(
    """
    consider propose demand want seek urge press ask request suggest push call hope wish threaten
    weigh mull explore float study evaluate analyze analyse recommend aim try lobby argue insist advocate
    offer would could might may should
    """
)
# Heads that announce the act below them for the future: "plans to unveil", "vowed to declare", "agreed to sign".
_PLAN_HEADS = _words("plan schedule expect intend set prepare due go poise vow pledge promise agree commit aim")
_HOPE_FORMS = frozenset({"hope", "hopes", "hoped", "hoping"})  # the small model's lemma of "hopes" is "hop"


def _plan_word(head: Token, below: Token) -> bool:
    """`head` plans the act at `below`: "plans to deport", "hopes to open the centre in January" (not "hoped the
    accord would help": a wish about what others do)."""
    if head.lower_ in _HOPE_FORMS:
        return below.dep_ == "xcomp"
    return head.lemma_ in _PLAN_HEADS


_HYPO_AUX = frozenset({"could", "may", "might", "would", "should", "can", "must", "ca", "ought"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_SCHEDULE_AUX = frozenset({"should", "must"})  # with a coming date they tell a schedule ("should arrive Monday")
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
_NEG_HEADS = frozenset({"refuse", "decline", "fail", "reject", "deny"})
# Words before the trigger (same clause) that put the act in the realm of proposals.
_HYPO_CUES = re.compile(
    r"\b(?:propos(?:ed|al|als)|possible|possibly|potential(?:ly)?|considering|under\s+(?:discussion|"
    r"consideration|development|review)|in\s+the\s+works|calls?\s+for|calling\s+for|requested|requesting)\b",
    re.IGNORECASE,
)
# Verbs whose own act is only a request or a proposal: "will ask Congress for money" stays hypothetical.
_HYPO_VERBS = _words(
    """
    ask request call urge press demand propose consider seek want weigh suggest recommend develop
    mull explore lobby study evaluate analyze analyse
    """
)
_HABIT = r"every\s+(?:day|night|week|morning|evening)|almost\s+daily"  # "every night", "almost daily"
_ONGOING_CUES = re.compile(
    r"\b(?:already|still|continu\w+|in\s+place|remains?|under\s+way|underway|currently|ongoing|"
    rf"in\s+force|in\s+effect|maintains?|keeps?\s+\w+ing|{_HABIT}|routinely)\b",
    re.IGNORECASE,
)
# acts told as a habit or as going on: what happens every day is under way
_REPEATED = re.compile(
    rf"\b(?:{_HABIT}|each\s+(?:day|night|week)|continu(?:e|es|ing)\s+(?:to\s+)?\w+)\b",
    re.IGNORECASE,
)
_REPEATED_TYPES = frozenset({"DEPORTATION", "SMUGGLING_TRAFFICKING", "ENFORCEMENT_OPERATION", "HUMANITARIAN_INCIDENT"})
_FUTURE_IN = re.compile(
    r"\b(?:tomorrow|next\s+(?:week|month|year|\w+day)|later\s+this\s+(?:week|month|year))\b", re.IGNORECASE
)
_FUTURE_DATE = re.compile(r"^(?:tomorrow|next|upcoming|coming|later\s+this)\b", re.IGNORECASE)
_CARAVAN = re.compile(r"\bcaravans?\b", re.IGNORECASE)
_OPERATION_FRAME = re.compile(r"\bas\s+part\s+of\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?(?:crackdown|sweep|"
                              r"operation|roundup)\b", re.IGNORECASE)
# the nearest reference word before a date; "before dawn on Sunday", "after midnight on Friday" are a time of
# day, not a reference point
_REFERENCE_POINT = re.compile(
    r"\b(?:before|after|until|prior\s+to|ahead\s+of)\b(?!\s+(?:dawn|daybreak|sunrise|sunup|sunset|dusk|dark|"
    r"nightfall|midnight|noon|first\s+light)\b)(?:(?!\b(?:before|after|until)\b)[^,.;:]){0,45}$",
    re.IGNORECASE,
)


def _other_reference(text: str, start: int, trigger: int) -> bool:
    """Whether the date at `start` is a reference point ("before the deadline of Feb. 18") outside the
    trigger's own clause ("After the court ruled on Monday" keeps Monday: the trigger sits in between)."""
    window_start = max(0, start - 60)
    match = _REFERENCE_POINT.search(text[window_start:start])
    if match is None:
        return False
    return not (window_start + match.start() <= trigger < start)


_REFERENCE_PREPS = frozenset({"before", "after", "until", "till", "to", "of"})


def _own_time_phrase(date_token: Token) -> bool:
    """A date in its own phrase on a verb ("testifying before the committee on Tuesday"): the verb's time,
    whatever reference word stands earlier in the clause."""
    prep = date_token.head
    return (
        date_token.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ not in _REFERENCE_PREPS
        and prep.head.pos_ in ("VERB", "AUX")
    )


_ATTRIBUTIVE_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_NOUN_AFTER = re.compile(r"^[ \u00a0]+[\w-]")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|during|until|from|of|to|early|late|mid|before|after)[\s-]+$",
                        re.IGNORECASE)
_RANGE_START = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_COMPARED_DATE = re.compile(
    r"(?:\b(?:down|up|fell|rose|dropped|declined|increased|climbed|jumped)\s+(?:[\d.,]+\s*%?\s+|sharply\s+|"
    r"slightly\s+)?from|\bcompared\s+(?:with|to)|\bthe\s+same\s+(?:period|month|week)\s+(?:of|in))\b"
    r"(?:[^,.;:()]|(?<=\d)[,.](?=\d)){0,30}$"
    r"|\b(?:than|versus|vs\.?)\s+(?:(?:in|during|on|for|at)\s+)?$",
    re.IGNORECASE,
)

# Types whose triggers name a state more than an act: a present or progressive verb means "ongoing".
_STATE_TYPES = frozenset({"DETENTION", "MIGRANT_MOVEMENT", "POLICY_ANNOUNCEMENT", "BORDER_SECURITY"})
_CONDITION_TYPES = _STATE_TYPES | {"HUMANITARIAN_INCIDENT"}  # what can be a lasting condition
# When both fire in one sentence, the first type wins over the second: a threat to close the border is a
# PRESSURE_THREAT (events.md), "detained 75,000 last month" is a statistic, not a detention event, etc.
_OVER_CAPACITY = re.compile(r"\b(?:capacity|(?:designed|built|staffed|meant)\s+(?:and\s+\w+\s+)?for)\b", re.IGNORECASE)
_SUPPRESSES: tuple[tuple[str, str], ...] = (
    ("PRESSURE_THREAT", "BORDER_SECURITY"),
    ("ENFORCEMENT_STATISTIC", "DETENTION"),
    ("ENFORCEMENT_STATISTIC", "DEPORTATION"),
    ("ENFORCEMENT_STATISTIC", "ENFORCEMENT_OPERATION"),
    ("ENFORCEMENT_STATISTIC", "MIGRANT_MOVEMENT"),
    ("POLICY_ANNOUNCEMENT", "DEPORTATION"),
    ("LEGISLATION", "DEPORTATION"),
    ("LEGISLATION", "POLICY_ANNOUNCEMENT"),
    ("COURT_RULING", "POLICY_ANNOUNCEMENT"),
    ("COURT_RULING", "LEGISLATION"),
    ("AID_FUNDING", "BORDER_SECURITY"),
    ("SMUGGLING_TRAFFICKING", "ENFORCEMENT_OPERATION"),
    ("ENFORCEMENT_OPERATION", "DETENTION"),
    ("PROTECTION_GRANT", "POLICY_ANNOUNCEMENT"),
)

_UNITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^\s*(?:people|persons|individuals|migrants|immigrants|asylum|refugees|men|women|families|"
            r"children|kids|teens|boys|girls|minors|adults|aliens|members|dreamers|recipients|workers)",
            re.IGNORECASE,
        ),
        "people",
    ),
    (
        re.compile(r"^\s*(?:troops|soldiers|guardsmen|marines|personnel|agents|officers)", re.IGNORECASE),
        "troops",
    ),
    (
        re.compile(
            r"^\s*(?:apprehensions|arrests|encounters|detentions|removals|deportations|crossings|"
            r"claims|applications|cases)",
            re.IGNORECASE,
        ),
        "cases",
    ),
    (re.compile(r"^\s*(?:miles)", re.IGNORECASE), "miles"),
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUM_RX = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?", re.IGNORECASE)

PIPELINE_ID_LEN = 24
_DROP_LONE_MENTIONS = True
# Types where "it did not happen" is news (a deal that collapsed, a policy ruled out).
_NEGATABLE = _words(
    """
    AGREEMENT POLICY_ANNOUNCEMENT LEGISLATION COURT_RULING BORDER_SECURITY AID_FUNDING
    PROTECTION_GRANT OFFICIAL_MEETING OFFICIAL_VISIT
    """
)
_WINDOW = 2  # sentences either side that lend their migration context to a trigger sentence
_LOCAL = 2  # the same, for triggers common outside migration news (TriggerRule.needs_local_context)
_STORY_LOCAL = 4  # ... in an item whose story is migration


@dataclass
class _Candidate:
    event_type: str
    status: str
    confidence: float
    sent_index: int
    sentence: Span
    actors: list[Actor]
    countries: set[str]
    location: Location | None
    date: ResolvedDate | None
    quantities: list[Quantity]
    policies: list[str]
    trigger_start: int
    agent: bool = False  # a generic but real agent: "the administration", "authorities"
    site: bool = False  # the trigger's object is a facility or the border ("toured the detention center")
    victim: bool = True  # for harm verbs: the one harmed is a person ("the plan died" is no death)
    background: bool = False  # dated long before publication: context, not news
    local_context: bool = False  # the sentence itself speaks of migration
    speculative: bool = False
    mention: bool = False
    spread: bool = False  # the act is spread over a period ("met for months"): no single occurrence
    advocacy: bool = False  # the act is urged by campaigners ("advocates lobby states to pass laws")
    anaphoric: bool = False  # "the lawsuit", "this policy": an occurrence named before
    extra_sentences: list[int] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def extract_events(
    doc: Doc,
    entities: Sequence[Entity],
    item: Mapping[str, Any],
    anchor: datetime,
    anchor_kind: DateAnchor,
    *,
    learned: bool = False,
) -> list[Event]:
    """Events of one item body. `doc` is the parsed body; entity and evidence offsets are into it.
    `learned`: the sentence classifier may propose events the trigger rules did not find."""
    sentences = _sentences(doc)
    if not sentences:
        return []
    if anchor_kind == "ingest_time":
        anchor = _text_anchor(doc_text(doc), anchor)
    ents_by_sent = _entities_by_sentence(sentences, entities)
    context = [_has_context(s, ents) for s, ents in zip(sentences, ents_by_sent, strict=True)]
    title = item.get("title")
    headline = isinstance(title, str) and MIGRATION_CONTEXT.search(title) is not None
    if headline:
        context[0] = True  # the lead sentence tells the headline's story
    story = headline or _about_migration(context)
    if story:
        window = [True] * len(context)  # the whole item is the story's context
    else:
        window = [any(context[max(0, i - _WINDOW) : i + _WINDOW + 1]) for i in range(len(context))]
    # "local" context for the triggers common outside migration news: the sentence or two either side
    reach = _STORY_LOCAL if story else _LOCAL
    close = [any(context[max(0, i - reach) : i + reach + 1]) for i in range(len(context))]
    skip = _skipped_sentences(doc_text(doc), sentences)
    candidates: list[_Candidate] = []
    for index, sent in enumerate(sentences):
        if skip[index] or not window[index]:
            continue
        hits = _sentence_triggers(sent, ents_by_sent[index], local_context=close[index])
        built: dict[str, _Candidate] = {}
        for rule, start, mention in hits:
            cand = _build(doc, sent, index, rule, start, ents_by_sent[index], anchor, anchor_kind)
            if cand is not None:
                cand.mention = mention and not _act_participle(_trigger_token(doc, sent, start))
                built[rule.event_type] = cand
        if learned and close[index]:
            # also where a rule of the type fired but its reading failed the checks: the classifier's cue may
            # be the right verb ("the president received his counterparts ... in a meeting centered on ...":
            # "received", where the rule read the noun "meeting")
            for rule, start, _ in _learned_hits(sent, set(built)):
                cand = _build(doc, sent, index, rule, start, ents_by_sent[index], anchor, anchor_kind)
                if cand is not None:
                    built[rule.event_type] = cand
        for rule, _, _ in hits:
            if rule.frames_others and len(built) > 1 and rule.event_type in built:
                del built[rule.event_type]  # "announced that it would begin deporting": the deportation
        _retype_custody_death(built)
        _retype_days_count(built)
        # precedence among the events that survived their checks ("will deport 1,000" is no statistic,
        # so it must not hide the deportation)
        if "ENFORCEMENT_OPERATION" in built and _OPERATION_FRAME.search(sent.text):
            built.pop("ENFORCEMENT_STATISTIC", None)  # "199 were detained in June as part of a crackdown"
        if "DETENTION" in built and _OVER_CAPACITY.search(sent.text):
            # a detention site over its capacity is a detention condition, not a figure or a shelter crisis
            built.pop("ENFORCEMENT_STATISTIC", None)
            built.pop("HUMANITARIAN_INCIDENT", None)
        for winner, loser in _SUPPRESSES:
            if winner in built and loser in built:
                del built[loser]
        visit, meeting = built.get("OFFICIAL_VISIT"), built.get("OFFICIAL_MEETING")
        if visit is not None and meeting is not None and visit.status == meeting.status:
            del built["OFFICIAL_MEETING"]  # "will travel to Dover on Thursday to meet Border Force officers": one trip
        candidates.extend(sorted(built.values(), key=lambda c: c.trigger_start))
    _share_actor_countries(candidates)
    merged = _merge(candidates)
    _carry_previous_dates(merged, sentences, skip, anchor, anchor_kind)  # after merging: mentions keep theirs
    _inherit_planned_dates(merged)
    merged = _cap_per_type([c for c in merged if _publishable(c)])
    home = _dominant_country(entities)
    for cand in merged:
        if not cand.countries and home:
            cand.countries.add(home)  # the country the item is about, for events that name none
    return [_to_event(c, item) for c in merged]


_STORY_SHARE = 0.2  # share of sentences with a migration cue that makes migration the item's story


def _about_migration(context: Sequence[bool]) -> bool:
    """Whether migration cues run through the item (with a migration headline, the other sign that
    migration is its story): then a sentence far from any cue still tells that story ("1,047 people
    crossed in 23 boats on Monday", five sentences after the last mention of migrants)."""
    return sum(context) >= _STORY_SHARE * len(context)


_MONTH_YEAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    r"((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_MONTH_NUM = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}


_CUSTODY = re.compile(
    r"\b(?:custody|detention|jail|prison|(?:holding|segregation|isolation|solitary)\s+cell|"
    r"processing\s+(?:center|centre))\b",
    re.IGNORECASE,
)


def _retype_custody_death(built: dict[str, _Candidate]) -> None:
    """A death in custody is a DETENTION event (events.md lists "deaths in custody" there), not a
    humanitarian incident: "a man died Sunday after he was found unresponsive in a cell at the detention
    center"."""
    cand = built.get("HUMANITARIAN_INCIDENT")
    if cand is None:
        return
    sent = cand.sentence
    trigger = _trigger_token(sent.doc, sent, cand.trigger_start)
    if trigger.lemma_.lower() not in ("die", "death") or _CUSTODY.search(sent.text) is None:
        return
    cand.event_type = "DETENTION"  # the death is the act; it replaces a mention of the facility
    built["DETENTION"] = built.pop("HUMANITARIAN_INCIDENT")


# One day's removals or arrivals told with their number are the act ("On Sunday alone, 640 migrants landed on
# the island", "Iraq on Thursday repatriated another 150 families"): the team's gold and the dev gold code them
# so about 9 times in 10. A figure counts over a period or is told as data.
_BETWEEN = re.compile(r"\bbetween\b[^,;]{1,40}\band\b", re.IGNORECASE)
_DAYS_ACTS = (
    ("DEPORTATION", _words("deport repatriate expel remove")),
    ("MIGRANT_MOVEMENT", _words("arrive land cross reach disembark")),
)


def _retype_days_count(built: dict[str, _Candidate]) -> None:
    cand = built.get("ENFORCEMENT_STATISTIC")
    if cand is None or cand.date is None or cand.date["granularity"] != "day" or _running_count(cand.sentence.text):
        return
    sent = cand.sentence
    day = sent.text.find(cand.date["text"])
    if _BETWEEN.search(sent.text) or (day >= 0 and _release_date(sent.doc, sent, sent.start_char + day)):
        return  # "27,965 repatriated between October 2 and 25", "the minister said on Wednesday that 47,822 ..."
    verb = _governing_verb(_trigger_token(sent.doc, sent, cand.trigger_start))
    for act, verbs in _DAYS_ACTS:
        if verb.lemma_.lower() in verbs:
            del built["ENFORCEMENT_STATISTIC"]
            if act not in built:  # the rule's reading of the act, where it has one, has the better actors
                cand.event_type = act
                built[act] = cand
            return


def _text_anchor(text: str, fallback: datetime) -> datetime:
    """Without a publication date, relative dates resolve against the ingest time -- wrong for an archive
    item. The latest month and year the body states ("as of late December 2019") bounds when it was
    written much better: anchor at the end of that month (never after the ingest time)."""
    latest: tuple[int, int] | None = None
    for match in _MONTH_YEAR.finditer(text):
        month = _MONTH_NUM[match.group(1).lower()[:3]]
        year = int(match.group(2))
        if latest is None or (year, month) > latest:
            latest = (year, month)
    if latest is None or latest >= (fallback.year, fallback.month):
        return fallback
    year, month = latest
    nxt = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=fallback.tzinfo)
    return nxt - timedelta(days=1)


def _share_actor_countries(candidates: Sequence[_Candidate]) -> None:
    """A person introduced as "his Mexican counterpart, X" stays Mexican when later named alone."""
    known: dict[str, str] = {}
    for cand in candidates:
        for actor in cand.actors:
            if actor["country"] and actor["label"] == "PERSON":
                known.setdefault(actor["canonical"], actor["country"])
    for cand in candidates:
        for actor in cand.actors:
            if actor["country"] is None and actor["canonical"] in known:
                actor["country"] = known[actor["canonical"]]
                cand.countries.add(known[actor["canonical"]])


_MAX_PER_TYPE = 2


def _cap_per_type(events: list[_Candidate]) -> list[_Candidate]:
    """At most two events of one type per item, the most confident (earliest on ties): an explainer that
    cites ten figures is one story about enforcement numbers, not ten alerts."""
    by_type: dict[tuple[str, bool], list[_Candidate]] = {}
    for event in events:
        # what is announced for the future is news of its own, next to what already happened
        by_type.setdefault((event.event_type, event.status == "planned"), []).append(event)
    keep: set[int] = set()
    for group in by_type.values():
        ranked = sorted(group, key=lambda e: (-e.confidence, e.sent_index))
        keep.update(id(e) for e in ranked[:_MAX_PER_TYPE])
    return [e for e in events if id(e) in keep]


def _foreign_place(location: Location | None) -> bool:
    """A country or a place abroad as seen from the U.S.-centred feed: a trip there is diplomacy."""
    if location is None:
        return False
    return is_country(location["canonical"]) or (location["country"] not in (None, "USA"))


def _dominant_country(entities: Sequence[Entity]) -> str | None:
    counts: dict[str, int] = {}
    for ent in entities:
        country = ent.get("country")
        if country and ent["label"] in ("GPE", "NORP", "ORG"):
            counts[country] = counts.get(country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _official(actor: Actor) -> bool:
    """A body, a place, or a person with an office: a title in the text, the country it serves ("the president
    of Honduras, Luis Herrera"), or a well-known officeholder."""
    if actor["label"] != "PERSON" or actor.get("role") or actor.get("country"):
        return True
    return lookup_officeholder(actor["canonical"]) is not None


# Whoever meets a counterpart or is received by a head of state holds an office, named or not ("the Commissioner
# will meet his Zimbabwean counterparts in Beitbridge", "Ms Mahmood is due to meet her French counterpart")
_OFFICIALS_MEET = re.compile(r"\bcounterparts?\b|\bhead\s+of\s+(?:state|government)\b", re.IGNORECASE)


def _publishable(cand: _Candidate) -> bool:
    """Drop what an analyst could not act on: events nobody does, nowhere (opinion asides, generic
    statements), hypotheticals without a named proponent, and bare mentions never stated as acts."""
    if cand.status == "hypothetical" and cand.speculative:
        return False  # a modal or a condition only: commentary, even for a figure with a period
    if not (cand.actors or cand.countries or cand.location or cand.agent):
        # a figure with a period is specific enough on its own ("76,000 people in February")
        return cand.event_type == "ENFORCEMENT_STATISTIC" and bool(cand.quantities or cand.date)
    among_officials = cand.event_type == "OFFICIAL_MEETING" and _OFFICIALS_MEET.search(cand.sentence.text) is not None
    if cand.event_type in ("OFFICIAL_MEETING", "OFFICIAL_VISIT") and not (cand.actors or cand.agent or among_officials):
        return False  # officials meet and travel: "the family he met" is no official meeting
    if (
        cand.event_type == "OFFICIAL_MEETING"
        and not (cand.agent or among_officials)
        and not any(_official(a) for a in cand.actors)
    ):
        return False  # only people with no office or body: "the lawyer met Sebastian" is no official meeting
    if cand.event_type == "OFFICIAL_MEETING" and (
        cand.spread or not (cand.actors or cand.date or cand.location)
    ):
        return False  # "senators met privately for months to write the bill": a process, not one meeting
    if cand.event_type == "OFFICIAL_VISIT" and not (
        cand.site or (cand.local_context and cand.location) or _foreign_place(cand.location)
    ):
        return False  # a visit goes to a border, a facility or abroad, about migration
    if cand.event_type == "HUMANITARIAN_INCIDENT" and not cand.victim:
        return False
    if cand.background:
        return False
    if cand.status == "hypothetical" and (cand.speculative or (cand.advocacy and not cand.actors)):
        return False  # "advocates continue to lobby states to pass laws": a wish of unnamed campaigners
    if cand.status == "negated" and cand.event_type not in _NEGATABLE:
        return False  # "did not try to stop them" negates the stopping, never a crossing or a death
    return not (cand.mention and _DROP_LONE_MENTIONS)  # only mentions, never an act


# --------------------------------------------------------------------------------------------
# Sentences and triggers
# --------------------------------------------------------------------------------------------


def _sentences(doc: Doc) -> list[Span]:
    """spaCy sentences, split again at line breaks: the parser glues headings, captions and boilerplate
    lines to the next paragraph, and a line break always ends a statement in news bodies."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start : tok.i])
                start = tok.i + 1
            elif "\n" in tok.whitespace_ and tok.i + 1 < sent.end:
                out.append(doc[start : tok.i + 1])
                start = tok.i + 1
        if sent.end > start:
            out.append(doc[start : sent.end])
    return [s for s in out if s.text.strip()]


def _entities_by_sentence(sentences: Sequence[Span], entities: Sequence[Entity]) -> list[list[Entity]]:
    """Bucket entities into sentences in one linear pass (both are in text order)."""
    ordered = sorted(entities, key=lambda e: e["start"])
    out: list[list[Entity]] = [[] for _ in sentences]
    j = 0
    for i, sent in enumerate(sentences):
        while j < len(ordered) and ordered[j]["start"] < sent.start_char:
            j += 1
        k = j
        while k < len(ordered) and ordered[k]["start"] < sent.end_char:
            out[i].append(ordered[k])
            k += 1
    return out


def _has_context(sent: Span, ents: Sequence[Entity]) -> bool:
    if any(is_migration_policy(e) for e in ents):
        return True
    return MIGRATION_CONTEXT.search(sent.text) is not None


# Photo captions ("... April 1, 2018. REUTERS/Name", "(Name/Getty Images)") describe pictures, not news.
_CAPTION = re.compile(
    r"\b(?:REUTERS|AP|AFP|EFE|Getty\s+Images|Bloomberg|USA\s+TODAY)\s*/\s*[A-Z]|/\s*(?:Getty\s+Images|AP|AFP|"
    r"REUTERS|Reuters|EFE)\b|\(Photo:|^CLOSE\b|\bin\s+(?:this|a)\s+(?:(?:file|undated|handout)\s+)?"
    r"(?:photo|photograph|image|picture)\b",  # "Agents process migrants ... in this file photo."
)
_LINE = re.compile(r"[^\n]+")


def _all_caps_heading(text: str) -> bool:
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return len(words) >= 3 and all(w.isupper() for w in words)


_CONTENTS_LINE = re.compile(
    r"(?:also\s+)?in\s+(?:this|today['’]s|this\s+week['’]s)\s+(?:issue|edition|newsletter|briefing|digest)\s*:",
    re.IGNORECASE,
)


def _skipped_sentences(text: str, sentences: Sequence[Span]) -> list[bool]:
    """Sentences that cannot carry events: boilerplate, credit and caption lines, link lines."""
    ranges = boilerplate_ranges(text)
    captions = [(m.start(), m.end()) for m in _LINE.finditer(text) if _CAPTION.search(m.group())]
    out = []
    for sent in sentences:
        stripped = sent.text.strip()
        out.append(
            len(stripped) < 12
            or is_boilerplate(stripped)
            or stripped.lower().startswith(("more:", "related:", "read more", "watch:", "for more information"))
            or _all_caps_heading(stripped)  # "ADVOCATES ASK JUDGE TO STRIKE ASYLUM RULE": a newsletter's heading
            or _CONTENTS_LINE.match(stripped) is not None  # "In this issue: a raid in Kuala Lumpur; ...": the contents
            or stripped.lower().endswith(("read more", "read more.", "watch more"))  # link teasers
            or stripped.rstrip("\"'”’)").endswith("?")  # questions ask, they do not report
            # headings and captions have no verb; a verbless figure ("76,000 in May alone") is kept
            or not any(t.pos_ in ("VERB", "AUX") or t.like_num for t in sent)
            or in_ranges(sent.start_char, sent.end_char, ranges)
            or in_ranges(sent.start_char, sent.end_char, captions)
        )
    return out


def _sentence_triggers(
    sent: Span, ents: Sequence[Entity], *, local_context: bool
) -> list[tuple[TriggerRule, int, bool]]:
    """First trigger per type in the sentence (acts before mentions). A later rule of a type is a fallback:
    it stands in only when the earlier rules found no act of that type."""
    text = sent.text
    found: dict[str, tuple[TriggerRule, int, bool]] = {}
    for rule in RULES:
        prior = found.get(rule.event_type)
        if prior is not None and not prior[2]:
            continue
        if rule.needs_local_context and not local_context:
            continue
        if rule.requires is not None and rule.requires.search(text) is None:
            continue
        if rule.excludes is not None and rule.excludes.search(text) is not None:
            continue
        best: tuple[int, int, bool] | None = None
        for match in rule.pattern.finditer(text):
            span = trigger_span(match)
            if best is None or (best[2] and not span[2]):
                best = span
            if not span[2]:
                break  # the first act wins; mentions only stand in when there is no act
        if best is not None and (prior is None or not best[2]):
            found[rule.event_type] = (rule, sent.start_char + best[0], best[2])
    if "POLICY_ANNOUNCEMENT" not in found and local_context:  # the fallback obeys the rule's context need
        verb = _policy_verb(sent, ents)
        if verb is not None:
            found["POLICY_ANNOUNCEMENT"] = (_POLICY_RULE, verb.idx, False)
    return sorted(found.values(), key=lambda h: h[1])


# The learned classifier (sentence_types.py) proposes a type the rules did not find in a sentence with a
# migration cue at most one sentence away. Its candidate then goes through the same checks, status, actor,
# date and merging as a rule's; it starts less confident than any rule.
_LEARNED_GATE = 0.7
_LEARNED_WEIGHT = 0.45
_NEVER = re.compile(r"(?!)")
_LEARNED_RULES = {t: TriggerRule(t, _NEVER, _LEARNED_WEIGHT) for t in EVENT_TYPES}


def _learned_hits(sent: Span, found: set[str]) -> list[tuple[TriggerRule, int, bool]]:
    """The classifier's event for the sentence, unless `found` (the types the rules found here) has its type."""
    prediction = type_classifier().predict(sent.text)
    if prediction.label == NONE or prediction.probability < _LEARNED_GATE:
        return []
    if prediction.label in found:
        return []
    # the verb that states what the cue names: status and date are read from verbs ("DHS widened its
    # transfer plan": the act is "widened", not the "plan" the classifier weighed most). A cue under a verb of
    # talk is a conversation's topic ("where they discussed migration"); the next cue may name the act ("held
    # three hours of talks"), and where none does there is no act ("the ministers addressed smuggling")
    verbs = (_cue_verb(_trigger_token(sent.doc, sent, char)) for char in _cue_chars(sent, prediction.cues))
    verb = next((v for v in verbs if v.lemma_ not in _TOPIC_VERBS), None)
    if verb is None:
        return []
    figure = _first_count(sent) if prediction.label == "ENFORCEMENT_STATISTIC" else None
    if figure is not None:
        # a figure is read from its number ("prevented 12,000 attempts ..., figures show": the count, not
        # "show", the verb above the cue "figures")
        return [(_LEARNED_RULES[prediction.label], figure.idx, False)]
    return [(_LEARNED_RULES[prediction.label], verb.idx, False)]


_YEAR_NUMBER = re.compile(r"^(?:1[89]|20)\d{2}$")


def _first_count(sent: Span) -> Token | None:
    """The sentence's first number that counts something: not a year, a date, a time, a sum or a share."""
    for token in sent:
        if token.like_num and any(c.isdigit() for c in token.text) and not _YEAR_NUMBER.match(token.text):
            if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
                continue
            return token
    return None


def _main_predicate(sent: Span) -> Token:
    """The sentence's main verb; for "X said (that) Y will ...", what was said."""
    root = sent.root
    if root.lemma_ in _REPORTING:
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


_CUE_POS = frozenset({"VERB", "NOUN", "PROPN"})
_TOPIC_VERBS = _words("discuss address debate tackle raise review examine focus talk consider")


def _cue_verb(cue: Token) -> Token:
    """The verb of what the cue names: the participle that enacted a noun where it has one ("under the agreement,
    signed in Rabat on Monday, Spain will supply boats": signed, not supply), else the verb it depends on."""
    if cue.pos_ == "NOUN":
        for child in cue.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in _ENACTED:
                return child
    return _governing_verb(cue)


_ENACTED = _words("sign approve pass adopt reach conclude agree announce enact ratify")


def _cue_chars(sent: Span, cues: Sequence[str]) -> list[int]:
    """Where the classifier read the event, strongest first: its cues that are a verb or noun of the sentence
    ("rounded up", "bill"); else the strongest cue at all; else the sentence's root."""
    named: list[int] = []
    fallback: int | None = None
    for cue in cues:
        for token in sent:
            if cue_matches(cue, token.text):
                if token.pos_ in _CUE_POS:
                    named.append(token.idx)
                elif fallback is None:
                    fallback = token.idx
    return named or [sent.root.idx if fallback is None else fallback]


_POLICY_RULE = next(r for r in RULES if r.event_type == "POLICY_ANNOUNCEMENT")
_POLICY_VERBS = _words(
    """
    end rescind terminate announce launch unveil expand implement impose issue reinstate revive
    suspend introduce create establish scrap reverse cancel extend adopt phase restore halt repeal
    revoke sign broaden tighten
    """
)
_POLICY_HEADS = _words(
    """
    program programme policy rule regulation order ban protocol initiative memo directive
    proclamation guidance cap ceiling quota
    """
)


def _policy_verb(sent: Span, ents: Sequence[Entity]) -> Token | None:
    """Parse-based POLICY_ANNOUNCEMENT trigger for what word windows miss: a policy verb whose object is a
    named programme ("ended President Obama's DACA -- Deferred Action ... -- program")."""
    policies = [(e["start"], e["end"]) for e in ents if e["label"] == "POLICY"]
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_ not in _POLICY_VERBS:
            continue
        for obj in tok.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            if obj.lemma_.lower() in _POLICY_HEADS:
                return tok
            lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
            if any(lo <= a < hi for a, _ in policies):
                return tok
    return None


def _trigger_token(doc: Doc, sent: Span, char: int) -> Token:
    for token in sent:
        if token.idx <= char < token.idx + max(len(token.text), 1):
            return token
        if token.idx > char:
            return token
    return sent.root


def _governing_verb(token: Token) -> Token:
    """The verb a trigger word belongs to: itself if a verb, else the nearest verbal head."""
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head == current:
            break
        current = current.head
    return current


# --------------------------------------------------------------------------------------------
# Status
# --------------------------------------------------------------------------------------------


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is an (x|c)complement or clause of, nearest first."""
    out = [verb]
    current = verb
    for _ in range(5):
        if current.dep_ == "conj" and not _has_own_clause(current) and current.head != current:
            # "will travel ... and sign": spaCy hangs the shared auxiliary on the first conjunct only
            current = current.head
            out.append(current)
            continue
        if current.dep_ not in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "acl", "relcl"):
            break
        if current.head == current:
            break
        current = current.head
        out.append(current)
    return out


def _has_own_clause(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in verb.children)


def _is_negated(trigger: Token, verb: Token, chain: Sequence[Token]) -> bool:
    for tok in (trigger, verb):
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
    if trigger.lower_ == "no":
        return True
    for head in chain[1:]:
        if head.lemma_ in _NEG_HEADS:
            return True
        if head.lemma_ in ("try", "want", "plan") and any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def _aux_lemmas(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _status(event_type: str, trigger: Token, sent: Span) -> tuple[str, bool]:
    """(status, speculative) of the act a trigger names. `speculative` marks hypotheticals that rest only
    on a modal or a condition ("could sign", "if Trump acts"): commentary rather than a proposal."""
    verb = _governing_verb(trigger)
    chain = _chain(verb)
    negated = _is_negated(trigger, verb, chain)
    if event_type == "ENFORCEMENT_STATISTIC":
        # a figure reported is a fact of the past; "would cut 260,000" is a projection, not a figure
        projected = any(
            _aux_lemmas(head) & _HYPO_AUX and not _aux_lemmas(head) & _FUTURE_AUX for head in (verb, *chain[1:3])
        )
        if projected and not negated:
            return "hypothetical", True  # a projection: not published ("would have to admit 1 million a year")
        return ("negated" if negated else "occurred"), False
    if event_type == "PRESSURE_THREAT":
        # The threat itself happened; only an explicit "did not threaten" negates it.
        return ("negated" if negated and trigger.lemma_.startswith("threat") else "occurred"), False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for v in chain for c in v.children):
        return "hypothetical", True
    if any(_condition_clause(c) for v in chain[:3] for c in v.children) and not any(
        t.pos_ == "VERB" and t.lemma_ in _CONDITION_SPEAKERS for t in sent
    ):
        # "if Trump does act, it is going to attract a court challenge": the writer's conjecture; what someone
        # said they would do if ... ("said it would sue if the law passed") is read as said
        return "hypothetical", True
    if negated:
        return "negated", False
    if _requested(trigger, verb, chain, sent):
        return "hypothetical", False
    if _past_reason_clause(verb):
        return "occurred", False  # "would accept migrants after Washington agreed to conditions": its own past
    if _reduced_past_relative(verb) and event_type not in _CONDITION_TYPES:
        # "under the accord, signed in Rabat on Monday, Spain will supply boats"; but "children crowded into a
        # tent" is a state
        return "occurred", False
    if _foreseen(verb):
        return "planned", False  # "the arrival of three more flights is foreseen for Thursday"
    if _perfect_since(verb):
        return "ongoing", False  # "have been held since Wednesday": a state that began and goes on
    if verb.lemma_ == "be" and _aux_lemmas(verb) & _PERFECT_AUX and event_type in _CONDITION_TYPES:
        return "ongoing", False  # "the shelter has been over capacity": a condition up to now
    if event_type in _CONDITION_TYPES and verb.dep_ == "xcomp" and _perfect_since(verb.head):
        return "ongoing", False  # "have spent the past several nights sleeping on the sidewalks"
    if (
        event_type == "HUMANITARIAN_INCIDENT"
        and verb.tag_ in ("VBZ", "VBP")
        and verb.lemma_ in _CONDITION_VERBS
        and not _aux_lemmas(verb) & (_FUTURE_AUX | _HYPO_AUX)
        and _CROWDING.search(sent.text) is not None  # not "41 people are missing": a harm is an occurrence
    ):
        return "ongoing", False  # "we are at 140 percent of capacity", "the shelter houses 640"
    aux = _aux_lemmas(verb)
    if _timetable_present(verb, aux):
        return "planned", False  # "the rule expires on Thursday": the simple present of a timetable
    if event_type in _STATE_TYPES and verb.tag_ in ("VBZ", "VBP") and _has_own_clause(verb) and not aux:
        return "ongoing", False  # "the policy continues", whatever the main clause plans
    for head in chain[1:]:
        if head.dep_ == "conj" or verb.dep_ == "conj":
            aux |= _aux_lemmas(head)
        if _has_own_clause(head):
            break
    if aux & _FUTURE_AUX or any(_aux_lemmas(h) & _FUTURE_AUX for h in chain[1:3]):
        return "planned", False
    if any(_plan_word(h, below) and h != verb for below, h in itertools.pairwise(chain)) and not (
        event_type == "COURT_RULING" and any(h.lemma_ == "agree" for h in chain)
    ):
        return "planned", False  # but a court agreeing to decide a case is the court's act
    if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_ == "due" for c in verb.children):
        return "planned", False  # "the minister is due in Tunis on Friday for talks"
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head == verb and verb.lemma_ in _PLAN_HEADS and any(
        c.dep_ == "xcomp" for c in verb.children
    ):
        return "planned", False  # the act named as the subject of a plan: "a charter flight is expected to leave"
    if verb.tag_ == "VBN" and "being" in {c.lower_ for c in verb.children} and verb.lemma_ in _PREPARE:
        return "planned", False  # "legislation is being prepared"
    reported_past = any(h.lemma_ in _REPORTING and h.tag_ == "VBD" for h in chain[1:])
    if any(h.lemma_ in _SPECULATIVE_HEADS for h in chain[1:3]) or verb.head.lemma_ in _SPECULATIVE_HEADS:
        return "hypothetical", True
    if reported_past and ("would" in aux or any("would" in _aux_lemmas(h) for h in chain[1:3])):
        return "planned", False  # future in the past: "said he would sign the bill", "would begin deporting"
    if aux & _SCHEDULE_AUX and _FUTURE_IN.search(" ".join(t.text for t in verb.subtree)):
        return "planned", False  # "the minister should visit Pacaraima next week": a schedule, not a wish
    if aux & _HYPO_AUX:
        return "hypothetical", True
    if any(h.lemma_ in _HYPO_AUX or _aux_lemmas(h) & _HYPO_AUX for h in chain[1:3]) and not reported_past:
        return "hypothetical", True
    if _progressive(verb) and _FUTURE_IN.search(" ".join(t.text for t in verb.subtree)):
        return "planned", False  # "we are meeting tomorrow"
    if (trigger == verb or trigger.dep_ == "dobj") and verb.lemma_.lower() in _PREPARE | _PLAN_HEADS and (
        _progressive(verb) or (verb.tag_ in ("VBZ", "VBP") and (trigger != verb or verb.lemma_ == "plan"))
    ):
        return "planned", False  # "a committee is preparing bills", "she plans two bills": not there yet
    remaining = verb.lemma_ in ("remain", "stay") or (verb.dep_ == "xcomp" and verb.head.lemma_ in ("remain", "stay"))
    if event_type in _STATE_TYPES and remaining and not aux & (_FUTURE_AUX | _HYPO_AUX):
        return "ongoing", False  # "38 remained in ICE custody as of Wednesday", "families remained waiting"
    if _progressive(verb) or (event_type in _STATE_TYPES and (_present(verb) or _present_head(verb))):
        return "ongoing", False
    # a custody, a movement or a deployment that goes on may say so anywhere in the sentence ("was taken to the
    # centre, where he remains"); a policy announced stays an act though the policy "remains in force"
    clause = (
        sent.text[max(0, trigger.idx - sent.start_char - 40) : trigger.idx - sent.start_char + 60]
        if event_type == "POLICY_ANNOUNCEMENT"
        else sent.text
    )
    if event_type in _STATE_TYPES and _ONGOING_CUES.search(clause):
        return "ongoing", False
    if event_type in _REPEATED_TYPES and _REPEATED.search(sent.text):
        return "ongoing", False  # "every day, buses unload hundreds of deportees", "armed groups continue charging"
    if verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return _infinitive_status(verb)
    return "occurred", False


_WHETHER_VERBS = _words("ask investigate check see know wonder examine determine decide study assess consider verify")


def _condition_clause(clause: Token) -> bool:
    """An "if" or "unless" clause that the act hangs on; not "even if", which concedes (the act stands), nor
    "investigates if" or "asked if", where "if" is "whether"."""
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")]
    return bool(marks) and not any(
        m.i > 0 and (m.doc[m.i - 1].lower_ == "even" or m.doc[m.i - 1].lemma_ in _WHETHER_VERBS) for m in marks
    )


_INTENT_NOUNS = _words(
    "plan attempt effort proposal bid push call demand threat promise pledge idea option way"
)


_STATE_VERBS = _words("be become remain stay wait live camp sleep spend")
# a stretch of time up to now: "for days", "for three weeks", "the past several nights"
_DURATION = re.compile(
    r"\b(?:for\s+(?:(?:several|many|a\s+few|two|three|four|five|six|\d+)\s+)?(?:days|weeks|months|years|hours|nights)"
    r"|(?:the|these)\s+(?:past|last)\s+(?:(?:several|few|two|three|four|five|six|\d+)\s+)?(?:days|weeks|months|nights))\b",
    re.IGNORECASE,
)
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})  # the present perfect ("had" is the past perfect)


_CROWDING = re.compile(r"\b(?:capacity|full|overcrowd\w*|overwhelm\w*|sleeping|double|triple)\b", re.IGNORECASE)
_CONDITION_VERBS = _words("be have hold house host remain stay sleep live wait lodge work")


def _perfect_since(verb: Token) -> bool:
    """Present perfect with "since": "2,300 children have been separated since early May", "the centre has
    become a detention site since the deal came into force" -- what began then still holds."""
    if not _aux_lemmas(verb) & _PERFECT_AUX:
        return False
    state = "been" in _aux_lemmas(verb) or verb.lemma_ in _STATE_VERBS
    if not state:
        return False  # "has signed three orders since taking office": acts repeated, each of them done
    for child in verb.children:
        if child.lower_ == "since" and child.dep_ in ("prep", "mark"):
            return True
        if child.dep_ == "advcl" and any(g.lower_ == "since" and g.dep_ == "mark" for g in child.children):
            return True
    # "have been camped along the levee for days": a state that has lasted up to now
    own = [t for t in verb.subtree if t.dep_ not in ("ccomp", "advcl") or t == verb]
    return _DURATION.search(" ".join(t.text for t in own)) is not None


def _infinitive_status(verb: Token) -> tuple[str, bool]:
    """A bare "to impose" asserts nothing by itself: its status is its finite clause's ("will wait until
    next week to unveil an attempt to impose a ban" is planned), or a proposal's when it completes a
    noun of intent ("a plan to close the border")."""
    for anc in verb.ancestors:
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in _INTENT_NOUNS:
            return "hypothetical", False
        aux = _aux_lemmas(anc)
        if aux & _FUTURE_AUX:
            return "planned", False
        if aux & _HYPO_AUX:
            return "hypothetical", True
        if anc.tag_ in ("VBD", "VBZ", "VBP"):
            return "occurred", False
    return "occurred", False


_SPECULATIVE_HEADS = frozenset(
    {
        "ready",
        "likely",
        "unlikely",
        "poised",
        "able",
        "willing",
        "eager",
        "possible",
        "help",
        "need",
        "project",
        "forecast",
        "predict",
        "speculate",
        "imagine",
    }
)
_PREPARE = frozenset({"prepare", "draft", "write", "develop", "plan", "finalize", "craft"})


def _requested(trigger: Token, verb: Token, chain: Sequence[Token], sent: Span) -> bool:
    """Proposed, requested, demanded or under consideration -- by someone, not merely possible."""
    if verb.lemma_ in _HYPO_VERBS:
        return True
    if any(h.lemma_ == "appeal" and _appeal_for(h) for h in (verb, *chain[1:3])):
        return True  # "the UNHCR appealed for funding", "appealed to donors to give $4.5 million": a request
    # "his demand that Congress fund the wall", "a plan to close the border": up to the first finite clause
    for node in [trigger, *trigger.ancestors]:
        if node.pos_ == "NOUN" and node.lemma_.lower() in _INTENT_NOUNS | {"request"}:
            return True
        finite = node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if finite and node.dep_ not in ("ccomp", "acl", "relcl"):
            break
    for below, head in itertools.pairwise(chain):
        if head.lemma_ == "try" and head.tag_ in ("VBD", "VBN"):
            continue  # "tried to storm the fence": the attempt happened, it is no proposal
        if below.dep_ != "conj" and head.lemma_ in _HYPO_HEADS and head.lemma_ not in _HYPO_AUX:
            return True
    top = verb
    for head in chain[1:]:
        if head.pos_ not in ("VERB", "AUX"):
            break
        top = head
    left = max(min(top.left_edge.idx, trigger.idx), sent.start_char)
    before = doc_text(sent.doc)[left : trigger.idx]
    return _HYPO_CUES.search(before[-80:]) is not None


def _appeal_for(verb: Token) -> bool:
    """An appeal for something or to do something, not a court appeal ("appealed the ruling", "appealed to
    the Supreme Court")."""
    return any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ == "xcomp" for c in verb.children)


def _progressive(verb: Token) -> bool:
    """Progressive aspect, active ("is sending") or passive ("are being held")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBG":
        return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in verb.children)
    return verb.tag_ == "VBN" and "being" in aux and bool(aux & {"is", "are", "was", "were", "am"})


def _present_head(verb: Token) -> bool:
    """A participle hanging off a present-tense clause: "spends $775 a day for each teen housed at"."""
    return (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod") and _present(_governing_verb(verb.head))
    )


_TIMETABLE = re.compile(
    r"\b(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!s)|tomorrow|next\s+(?:week|month|"
    r"year|\w+day)|later\s+this\s+(?:week|month|year)|(?:on|from)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]*\.?\s+\d{1,2}\b)",
    re.IGNORECASE,
)


def _timetable_present(verb: Token, aux: set[str]) -> bool:
    """A simple present with a day or date of its own tells a schedule: "the order expires on May 11",
    "the caravan leaves tomorrow" (not "the policy remains in force", with no date)."""
    if verb.tag_ not in ("VBZ", "VBP") or aux or verb.lemma_ in ("be", "have") or verb.lemma_ in _REPORTING:
        return False
    return _TIMETABLE.search(" ".join(t.text for t in verb.subtree)) is not None


def _present(verb: Token) -> bool:
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in verb.children
    ):
        return True  # present passive: "children are held there", "the program is suspended"
    return (
        any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be"
            for c in verb.children
        )
        and verb.tag_ == "VBG"
    )


# --------------------------------------------------------------------------------------------
# Arguments: actors, place, date, quantities, policies
# --------------------------------------------------------------------------------------------


# A threat is made in words; harm is often known only from a witness ("We are at 140 percent of capacity").
_TOLD_FIRST_HAND = frozenset({"PRESSURE_THREAT", "HUMANITARIAN_INCIDENT"})
# A quotation long enough to be speech (not a scare-quoted name like "zero tolerance").
_QUOTED = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")
_SPEECH_WORDS = 6


def _in_spoken_quote(sent: Span, char: int) -> bool:
    """Whether the trigger at `char` sits inside a quoted statement of six words or more."""
    offset = char - sent.start_char
    return any(
        m.start() < offset < m.end() and len(m.group().split()) >= _SPEECH_WORDS for m in _QUOTED.finditer(sent.text)
    )


def _announced_act(trigger: Token) -> bool:
    """An act named as what was announced: "announced the sending of 300 more agents", "announced the
    deployment of troops". The announcement is the act's news, unlike "said during a meeting"."""
    return trigger.dep_ == "dobj" and trigger.head.lemma_ == "announce" and trigger.tag_ in ("NN", "VBG")


def _build(
    doc: Doc,
    sent: Span,
    index: int,
    rule: TriggerRule,
    char: int,
    ents: Sequence[Entity],
    anchor: datetime,
    anchor_kind: DateAnchor,
) -> _Candidate | None:
    trigger = _trigger_token(doc, sent, char)
    verb = _governing_verb(trigger)
    if (
        trigger.pos_ in ("NOUN", "PROPN")
        and verb.lemma_ in _REPORTING
        and trigger.dep_ not in ("nsubj", "nsubjpass")  # "a lawsuit filed in January claimed that ..."
        and not _announced_act(trigger)
    ):
        return None  # "X said during a meeting": the statement is the news, the meeting its setting
    if rule.event_type not in _TOLD_FIRST_HAND and _in_spoken_quote(sent, char):
        # '"The Legislature passed a law, the governor signed it," Whitlock said': a comment, not the report
        return None
    if _nominal_gerund(trigger):
        return None  # "the cost of building a wall", "building a wall would be hard": no act
    if _no_act_reading(trigger):
        return None  # "told NBC's Meet the Press", "was met with criticism", "visiting rights"
    if _since_clause(verb):
        return None  # "the highest figure since the EU-Turkey statement took effect": a reference point
    if _reported_finding(trigger):
        return None  # "a report finding that poor care contributed to deaths": the study's finding, not news
    if rule.event_type == "PROTECTION_GRANT" and _relative_clause(_conj_root(verb)):
        return None  # "the DACA program, which granted them work permits" describes, it does not report
    if rule.event_type == "BORDER_SECURITY" and trigger.dep_ in ("compound", "amod") and trigger.pos_ != "VERB":
        return None  # "a government-funding bill that lacks money for the wall"
    if rule.event_type == "AGREEMENT" and _agreed_to_talk(trigger):
        return None  # "the ministers agreed to meet again in April": a meeting planned, no accord
    if rule.event_type in ("OFFICIAL_VISIT", "OFFICIAL_MEETING") and _habitual_relative(verb):
        return None  # "according to United Nations staff who visit them": a habit, not a visit
    if rule.event_type == "PRESSURE_THREAT" and not _threat_ok(trigger):
        return None
    if rule.event_type == "DEPORTATION" and not _deportation_ok(trigger):
        return None
    if rule.event_type == "COURT_RULING" and _generic_courts(verb):
        return None
    if (
        rule.event_type == "OFFICIAL_MEETING"
        and trigger.pos_ in ("NOUN", "PROPN")
        and not _meeting_ok(trigger)
    ):
        return None
    status, speculative = _status(rule.event_type, trigger, sent)
    date_status = status
    own_past = _reduced_past_relative(verb) or _past_reason_clause(verb)
    if rule.pattern is _NEVER and status == "occurred" and not own_past:
        # a learned event's cue may sit in a clause under the sentence's main verb, whose modality scopes
        # over it ("the House will hold a vote Tuesday on an attempt to end the emergency"); its date is
        # still read from the cue's own clause. Not a clause with its own past ("the accord, signed Monday")
        main_status, main_speculative = _status(rule.event_type, _main_predicate(sent), sent)
        if main_status in ("planned", "hypothetical", "negated"):
            status, speculative = main_status, main_speculative
    if rule.event_type == "POLICY_ANNOUNCEMENT" and status == "planned" and _announced_policy(verb):
        status = date_status = "occurred"  # the announcement is the event: "said it would end the programme"
    clause = _clause_bounds(verb, sent)
    actors = _actors(doc, ents, [clause, *_chain_subjects(verb)], rule.event_type, sent)
    if not actors and rule.pattern is _NEVER:
        # the classifier read the event in a clause under the sentence's speaker ("the agency said more than
        # 2,100 people were staying at the centre"): who says so is the actor. Only for learned events: for the
        # rules' cues, any actor of the sentence measured +12 matched and +41 false events over 311 articles,
        # and the subject of a reporting verb +4 and +20
        actors = _actors(doc, ents, [(sent.start_char, sent.end_char)], rule.event_type, sent)
    location = _location(doc, ents, clause)
    countries = _countries(actors, location, ents)
    if date_status == "ongoing":
        date = _date(sent, verb, "occurred", anchor, anchor_kind, trigger, observed=True)
    else:
        date = _date(sent, verb, date_status, anchor, anchor_kind, trigger)
    if rule.event_type == "ENFORCEMENT_STATISTIC":
        period = _figure_period(sent.text, anchor, anchor_kind)
        date = period[1] if period else _date(sent, verb, "occurred", anchor, anchor_kind, trigger, counted=True)
    if rule.event_type == "MIGRANT_MOVEMENT" and not _mover_ok(trigger, verb):
        return None
    if rule.event_type == "ENFORCEMENT_STATISTIC" and not _stat_ok(trigger):
        return None
    confidence = rule.weight + (0.1 if actors else 0.0) + (0.05 if date else 0.0)
    if status == "hypothetical":
        confidence -= 0.1
    return _Candidate(
        event_type=rule.event_type,
        status=status,
        confidence=round(max(0.05, min(confidence, 0.95)), 3),
        sent_index=index,
        sentence=sent,
        actors=actors,
        countries=countries,
        location=location,
        date=date,
        quantities=_quantities(sent),
        policies=sorted({e["canonical"] for e in ents if e["label"] == "POLICY"}),
        trigger_start=char,
        speculative=speculative,
        agent=_generic_agent(verb),
        site=_has_site(verb) or (rule.event_type == "OFFICIAL_VISIT" and _inspection_trip(verb)),
        victim=_has_victim(trigger),
        background=rule.event_type != "ENFORCEMENT_STATISTIC" and _long_before(date, anchor),
        local_context=MIGRATION_CONTEXT.search(sent.text) is not None,
        advocacy=_advocacy_subject(verb),
        spread=_SPREAD.search(sent.text[clause[0] - sent.start_char : clause[1] - sent.start_char]) is not None,
        anaphoric=trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in trigger.children),
    )


_COURT_NOUNS = _words("court judge")


def _generic_courts(verb: Token) -> bool:
    """Courts in general, not one court's ruling: "courts have ruled the program can stay", "the courts
    will enjoin him as they have his predecessor" -- a bare plural (or "the courts") names no case."""
    clause = verb if _subjects(verb) else _conj_root(verb)
    for child in clause.children:
        if child.dep_ != "nsubj" or child.lemma_.lower() not in _COURT_NOUNS or child.tag_ != "NNS":
            continue
        modifiers = [c for c in child.children if c.dep_ in ("amod", "compound", "nummod", "poss", "prep")]
        determiners = [c.lower_ for c in child.children if c.dep_ == "det"]
        if modifiers:
            return False
        # "the courts blocked the ban" may point back to courts named earlier; "the courts will" does not
        return not determiners or (determiners == ["the"] and verb.tag_ != "VBD")
    return False


_TALK_ON = _words("meet reconvene talk continue keep maintain work discuss")


def _agreed_to_talk(trigger: Token) -> bool:
    return trigger.lemma_ == "agree" and any(c.dep_ == "xcomp" and c.lemma_ in _TALK_ON for c in trigger.children)


def _relative_clause(verb: Token) -> bool:
    """A clause that describes a noun: "the program, which granted them permits". Not a main verb the parser
    hung on a date ("The department on Wednesday extended TPS" read as a clause of "Wednesday")."""
    return verb.dep_ == "relcl" and verb.head.ent_type_ not in ("DATE", "TIME")


def _conj_root(verb: Token) -> Token:
    """The first of coordinated verbs: "which protected them and granted them permits" -> protected."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb


_ADVOCATES = _words("advocate activist campaigner group critic opponent supporter organization coalition")


def _advocacy_subject(verb: Token) -> bool:
    """Whether the subject of the trigger's clause chain is campaigners rather than an authority."""
    for head in _chain(verb):
        for child in head.children:
            if child.dep_ == "nsubj":
                return child.lemma_.lower() in _ADVOCATES
    return False


_FINDING_VERBS = _words("find show conclude reveal suggest estimate document")
_STUDY_NOUNS = _words("report study analysis survey review audit research paper")


def _reported_finding(trigger: Token) -> bool:
    """Whether the trigger sits in what a study found ("a report finding that ..."): background evidence."""
    for node in trigger.ancestors:
        if node.lemma_ in _FINDING_VERBS and node.dep_ == "acl" and node.head.lemma_.lower() in _STUDY_NOUNS:
            return True
    return False


_SPREAD = re.compile(
    r"\bfor\s+(?:several\s+|many\s+|two\s+|three\s+)?(?:months|weeks|years)\b|\b(?:repeatedly|regularly|"
    r"routinely)\b",
    re.IGNORECASE,
)
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})


_AGENT_NOUNS = _words(
    """
    administration government president authority official police agent court judge congress
    lawmaker ministry department agency minister secretary senate house prosecutor military troop
    guard patrol governor mayor legislature senator legislator congressman congresswoman committee
    """
)


_SITE_NOUNS = _words(
    """
    facility center centre camp border shelter prison jail port city base station crossing wall
    region area country state town village zone site hotspot settlement compound dock pier
    """
)
_VICTIM_NOUNS = _words(
    """
    migrant immigrant refugee seeker child kid people person man woman boy girl teen teenager family
    detainee toddler infant baby father mother protester member worker agent officer individual
    adult minor passenger
    """
)
_HARM_VERBS = frozenset({"die", "drown", "kill", "injure", "wound", "kidnap", "assault", "rape", "shoot"})


def _has_site(verb: Token) -> bool:
    return any(t.lemma_.lower() in _SITE_NOUNS for t in verb.subtree if t.pos_ == "NOUN")


_INSPECT_VERBS = _words("inspect assess tour oversee survey observe")


def _inspection_trip(verb: Token) -> bool:
    """A trip made to inspect something goes to a site, whatever the model made of the place's name ("is
    expected to travel to Gran Canaria to inspect the dock"), and so does a tour ("toured the CATEM")."""
    return verb.lemma_ in _INSPECT_VERBS or any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_ in _INSPECT_VERBS for c in verb.children
    )


def _has_victim(trigger: Token) -> bool:
    """For harm verbs, the one harmed is a person: "a girl died", "24 immigrants have died", "they died" --
    not "the plan died" (nor "a grandparent who died", which is no migrant)."""
    if trigger.lower_ == "shot" and trigger.pos_ != "VERB":
        return False  # "the gun shot that killed her": the weapon, not someone shot
    if trigger.lemma_ not in _HARM_VERBS:
        return True
    if _migrant_perpetrator(trigger):
        return False  # "killed by an undocumented immigrant": a crime story, not harm done to migrants
    clause = trigger
    while clause.dep_ == "conj" and not _subjects(clause):
        clause = clause.head  # "who was born elsewhere but died": the conjuncts share a subject
    subjects = _subjects(clause)
    objects = [c for c in trigger.children if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME")]
    if trigger.lemma_ not in ("die", "drown") and objects and not any(c.dep_ == "nsubjpass" for c in trigger.children):
        subjects = objects  # "gunmen killed 19 migrants": the harmed is the object of an active verb
    if not subjects:
        return True
    subj = subjects[0]
    if subj.lower_ in ("who", "that", "which") and clause.dep_ == "relcl":
        subj = clause.head  # the antecedent of the relative pronoun
    counted = any(
        c.dep_ == "nummod" and c.like_num and not (len(c.text) == 4 and c.text[:2] in ("19", "20"))
        for c in subj.children
    )
    return (
        subj.lemma_.lower() in _VICTIM_NOUNS
        or subj.ent_type_ in ("PERSON", "NORP", "CARDINAL")
        or subj.pos_ == "NUM"
        or subj.lower_ in ("they", "he", "she", "we")
        or counted
    )


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


_MIGRANT_WORDS = _words("immigrant migrant alien refugee seeker")


def _migrant_perpetrator(trigger: Token) -> bool:
    """Whether the harm is a crime story rather than harm done to migrants: the one who harms is a migrant
    (the active subject, "an immigrant who killed", or the passive agent, "Americans killed by undocumented
    immigrants"), or a gang harms people who are not said to be migrants ("girls killed by the gang MS-13";
    "migrants killed by a gang" stays an incident)."""
    if trigger.lemma_ in ("die", "drown"):
        return False  # whoever dies is the one harmed
    agents = [c for c in trigger.children if c.dep_ == "nsubj"]
    agents += [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    victims = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ in ("acl", "relcl"):
        victims.append(trigger.head)
    migrant_victim = any(v.lemma_.lower() in _MIGRANT_WORDS for v in victims)
    for agent in agents:
        if agent.lower_ in ("who", "that") and trigger.dep_ == "relcl":
            agent = trigger.head
        if agent.lemma_.lower() in _MIGRANT_WORDS:
            return True
        if not migrant_victim and any(t.lemma_.lower() in _GANG_WORDS for t in agent.subtree):
            return True
    return False


_GANG_WORDS = _words("gang ms-13 ms13 cartel mafia")


_THREAT_OBJECTS = frozenset(
    {"tariff", "sanction", "shutdown", "closure", "veto", "cut", "deportation", "raid", "penalty", "action"}
)


_MOVERS = _words(
    """
    caravan migrant immigrant refugee seeker family people thousand hundred group member they who
    that which child man woman minor it crowd
    foreigner national citizen person individual adult applicant arrival returnee deportee passenger
    """
)
_BACKGROUND_DAYS = 366


_HALTING = _words("stop halt prevent end ban cease suspend pause bar block avoid resume")


def _deportation_ok(trigger: Token) -> bool:
    """Removals that happened or are scheduled, not the idea of one: "a bill to deport children", "stop
    deporting young immigrants", "preventing agents from deporting", "data shared to deport people" name a
    policy, a debate or a purpose (policy and legislation rules cover those)."""
    if trigger.tag_ == "VBN" and _backstory_removal(trigger):
        return False
    raising = [trigger, trigger.head] if trigger.dep_ == "xcomp" else [trigger]  # "his body is expected to be returned"
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _REMAINS for h in raising for c in h.children):
        return False  # "his body will be returned to Honduras": a repatriation of remains, not a removal
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VB", "VBG"):
        return True
    first = _conj_root(trigger)  # "preventing agents from detaining and deporting": the first conjunct's place
    head = first.head
    if first.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        return False
    if head.lemma_.lower() in _HALTING or head.pos_ == "ADP":
        return False
    purpose = first.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children)
    return not purpose


_EARLIER = _words("previously already once ever before formerly")
_REMAINS = _words("body bodies remains corpse ashes")


def _backstory_removal(trigger: Token) -> bool:
    """A removal told as someone's history: "re-entering after having been deported", "those who had
    previously been deported" -- who a person is, not a removal the article reports."""
    aux = _aux_lemmas(trigger)
    if "having" in aux:
        return True
    return trigger.dep_ in ("relcl", "pcomp", "advcl") and any(
        c.dep_ == "advmod" and c.lower_ in _EARLIER for c in trigger.children
    )


_MOVING_GROUPS = _words("caravan boat dinghy vessel raft cayuco patera skiff")


def _mover_ok(trigger: Token, verb: Token) -> bool:
    """Migrants move: the verb's subject (or the noun a participle describes) is a group of people or the
    caravan -- not "the trade deal", not the reporter."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.lemma_.lower() in _MOVING_GROUPS:
        return True  # the caravan, or a boat carrying people ("a wooden boat carrying 67 people")
    if verb.dep_ == "relcl":
        # "thousands of migrants who broke through barricades" reports a movement; "young immigrants who
        # entered the country as children" describes who the immigrants are (and is not a group on the move)
        clause = " ".join(t.lower_ for t in verb.subtree)
        return _counted_group(verb.head) and _AS_CHILDREN.search(clause) is None
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _MOVERS:
        return True  # "5,000 migrants gathered in shelters"
    for head in (verb, verb.head if verb.dep_ in ("conj", "acomp", "xcomp", "advcl") else verb):
        # every subject counts: a dateline glued to the sentence can parse as a second one ("LAS PALMAS --
        # At least 1,100 people reached the islands")
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return any(_moving_subject(s, head) for s in subjects)
    return False


def _moving_subject(subject: Token, verb: Token) -> bool:
    """A subject that moves: a group of people, or a vehicle that carried people aboard."""
    words = {t.lemma_.lower() for t in subject.subtree}
    if subject.like_num or (subject.ent_type_ == "NORP" and subject.tag_ in ("NNPS", "NNS")):
        return True  # "the 11 were back on Italian soil", "some 2,000 Venezuelans crossed"
    return bool(words & _MOVERS) or (bool(words & _CARRIERS) and _people_aboard(verb))


_CARRIERS = _words("plane airplane aircraft flight bus boat ship vessel ferry train")
_ABOARD = re.compile(r"\b(?:on\s+board|aboard)\b", re.IGNORECASE)


def _people_aboard(verb: Token) -> bool:
    """A plane or a bus that left with people on board moves them: "departed from Boa Vista with 231
    Venezuelans on board"."""
    clause = " ".join(t.text for t in verb.subtree)
    return _ABOARD.search(clause) is not None and any(c.like_num for c in verb.subtree)


def _refugee_admission(verb: Token) -> bool:
    """Refugees admitted or resettled: a protection granted, whatever the number ("admitted 9,870 refugees")."""
    return verb.lemma_ in ("admit", "resettle") and any(t.lemma_.lower() == "refugee" for t in verb.subtree)


_STAT_VERBS = _words(
    """
    apprehend detain arrest deport remove cross encounter arrive enter catch stop return release
    apply claim seek request book hold admit be have reach record report expel turn repatriate
    process rise fall hit top surge increase drop decline jump double climb
    intercept rescue register lodge screen refer receive log take
    present leave depart
    count tally prevent thwart foil exceed surpass total number document
    reject refuse bring
    """
)
_LIMIT_BEFORE = re.compile(
    r"\b(?:no\s+more\s+than|a\s+maximum\s+of|at\s+most|(?:ceiling|cap|quota|limit|target)\s+(?:of|at|to))\s+"
    r"(?:about\s+|around\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_INTENT_HEADS = _words("intend plan aim propose expect want seek hope")
_STAT_NOUNS = _words(
    """
    apprehension arrest encounter crossing removal deportation claim application arrival entry
    detention overstay crosser number total tally figure case average
    attempt pushback interception landing expulsion return rescue departure rejection refusal disembarkation
    interdiction repatriation readmission
    """
)


_SHIELD_VERBS = _words("block halt stop prevent shield protect delay defer suspend avert spare")


def _stat_ok(trigger: Token) -> bool:
    """A figure is an enforcement statistic when it counts enforcement acts or what they act on: "detained
    75,000", "75,000 apprehensions", "76,000 people in February" (no verb) -- not "block the deportation of
    800,000 immigrants" (a policy's reach) or "a caravan of 7,000" (a movement)."""
    if _LIMIT_BEFORE.search(trigger.doc.text[max(0, trigger.idx - 25) : trigger.idx]):
        return False  # "admit no more than 18,000 refugees", "a ceiling of 30,000": a limit, not a count
    if _refugee_admission(_governing_verb(trigger)):
        return False  # "admitted 9,870 refugees in January": the protection granted, not an enforcement figure
    noun = trigger
    for _ in range(3):
        # a number climbs to what it counts, or to the verb it is the object of ("detained 75,000"); a verb
        # trigger ("arrivals fell to 3,914") is its own clause, not the reporting verb's above it
        if noun.pos_ in ("NOUN", "PROPN", "VERB") or noun.head == noun:
            break
        noun = noun.head
    if noun.lemma_.lower() in _STAT_NOUNS:
        return True
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        counted = noun.head.head  # "the number of migrants", "a caravan of", "the deportation of"
        if _governing_verb(counted).lemma_ in _SHIELD_VERBS:
            return False  # "took steps to block the potential deportation of 800,000": a policy's reach
        return counted.lemma_.lower() in _STAT_NOUNS
    verb = _governing_verb(noun)
    if verb.pos_ not in ("VERB", "AUX"):
        return True  # a fragment: "More than 76,000 people in February alone."
    if _aux_lemmas(verb) & _FUTURE_AUX:
        return False  # "will deport 1,000 migrants this week" is a planned act, not a figure
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _INTENT_HEADS:
        return False  # "intends to admit 18,000 refugees next year": a plan, not a figure
    if verb.lemma_ in _MOVE_VERBS:
        return _running_count(trigger.sent.text)
    return verb.lemma_ in _STAT_VERBS


# People moved in number: a movement on a day ("640 people landed on the island on Sunday"), a figure where the
# count runs over a period or is told as data ("9,000 people have landed since January, figures show")
_MOVE_VERBS = _words("land disembark transfer relocate transport resettle")
_DATA_WORDS = re.compile(r"\b(?:figures?|data|statistics|tally|in\s+total|altogether)\b", re.IGNORECASE)


def _running_count(text: str) -> bool:
    # "the highest daily figure so far this year" ranks the day's count; it does not make it a running one
    text = _RECORD_PHRASE.sub("", text)
    return any(p.search(text) for p in (_YEAR_TO_DATE, _SINCE_MONTH, _DATA_WORDS))


_RECORD_PHRASE = re.compile(
    r"\b(?:the\s+)?(?:highest|lowest|largest|biggest|record|busiest)\b[^,.;:()–—-]*", re.IGNORECASE
)


_AS_CHILDREN = re.compile(r"\bas (?:children|minors|kids|infants|teenagers|babies|toddlers)\b")
_QUANTIFIERS = frozenset({"thousand", "hundred", "dozen", "group", "caravan", "crowd", "wave", "busload"})


def _counted_group(noun: Token) -> bool:
    """A group of people with a size: "1,500 migrants", "thousands of migrants", "a group of 1,500 men"."""
    for node in [noun, *list(noun.ancestors)[:3]]:
        if node.lemma_.lower() in _QUANTIFIERS or any(c.dep_ == "nummod" for c in node.children):
            return True
    return False


def _long_before(date: ResolvedDate | None, anchor: datetime) -> bool:
    if date is None:
        return False
    year = int(date["resolved"][:4])
    month = int(date["resolved"][5:7]) if len(date["resolved"]) >= 7 else 12
    return (anchor.year - year) * 12 + anchor.month - month > _BACKGROUND_DAYS // 30


def _nominal_gerund(trigger: Token) -> bool:
    """A gerund used as a noun phrase names an idea, not an occurrence."""
    if (
        trigger.pos_ == "VERB"
        and trigger.dep_ == "xcomp"
        and trigger.head.pos_ == "ADJ"
        and trigger.head.lemma_.lower() not in _PLAN_HEADS  # "is due to meet" schedules an act
    ):
        return True  # "difficult to deport children", "important to build the wall"
    if (
        trigger.dep_ == "pcomp"
        and trigger.head.lower_ in ("of", "about")
        and trigger.head.head.pos_ == "NOUN"
    ):
        return True  # "fear of being deported"
    verb = trigger if trigger.tag_ == "VBG" else None
    if verb is None or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.dep_ in ("csubj", "nsubj", "nsubjpass"):
        return True
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.lower_ == "from":
        return True  # "prevented agents from deporting"
    return (
        verb.dep_ == "pcomp"
        and prep.lower_ in ("of", "about", "than", "for", "on", "to")
        and prep.head.pos_ in ("NOUN", "ADJ", "PROPN")
    )


_MEETING_KINDS = frozenset(
    {"bilateral", "multilateral", "trilateral", "bipartisan", "private", "ministerial"}
)
_MEETING_VERBS = frozenset(
    {
        "hold",
        "attend",
        "participate",
        "have",
        "begin",
        "host",
        "convene",
        "join",
        "schedule",
        "plan",
        "cancel",
        "postpone",
        "chair",
        "call",
        "convoke",
        "organize",
        "organise",
        # the meeting as the subject of its own course: "the meeting ... lasted two hours", "the summit
        # opened on Thursday", "the hearing focused on detention"; "sustained a meeting" in translations
        "last",
        "end",
        "conclude",
        "open",
        "focus",
        "sustain",
        "celebrate",
    }
)
_NOT_DIPLOMACY = frozenset({"council", "town", "hall", "board", "shareholder", "staff", "team", "school"})


# what a plan, a move or a decision is "met with": a reaction, not people who meet
_REACTIONS = _words(
    "criticism anger outrage skepticism scepticism resistance opposition protest protests praise applause "
    "silence derision dismay alarm concern concerns approval condemnation backlash"
)
_BACKGROUND_ADVERBS = _words("previously once formerly twice already")


def _no_act_reading(trigger: Token) -> bool:
    """The trigger's word in a sense that reports no act: a show's title ("Meet the Press"), a reaction a move
    "was met with", a modifier ("visiting rights"), a person's history ("a previously deported man")."""
    if trigger.ent_type_ == "WORK_OF_ART":
        return True
    if trigger.lemma_.lower() == "meet" and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.lemma_.lower() in _REACTIONS for g in c.children)
        for c in trigger.children
    ):
        return True
    if trigger.dep_ == "amod" and trigger.tag_ == "VBG" and trigger.lemma_.lower() == "visit":
        return True
    return (
        trigger.dep_ == "amod"
        and trigger.tag_ == "VBN"
        and any(c.dep_ == "advmod" and c.lower_ in _BACKGROUND_ADVERBS for c in trigger.children)
    )


def _meeting_ok(noun: Token) -> bool:
    """A meeting noun is an official meeting when it is held or attended, is with someone, or is of a
    diplomatic kind -- not "city council meetings these days" or the setting of a quote."""
    if any(c.lemma_.lower() in _NOT_DIPLOMACY for c in noun.children if c.dep_ in ("compound", "amod")):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "before") for c in noun.children):
        return True
    if any(c.lower_ in _MEETING_KINDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return True
    # the verb may be mis-tagged as a noun ("is due to chair a meeting"): its word still says it
    return _governing_verb(noun).lemma_ in _MEETING_VERBS or noun.head.lemma_ in _MEETING_VERBS


def _threat_ok(trigger: Token) -> bool:
    """A threat is made by someone and threatens an act: "Trump threatened to close the border", not "the
    actions threaten our democracy" or "a terrorist threat"."""
    if trigger.lemma_ != "threaten":
        return True
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and trigger.dep_ in ("conj", "relcl", "xcomp"):
        subjects = [trigger.head]
    agentive = any(
        s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or s.pos_ in ("PRON", "PROPN")
        or s.lemma_.lower() in _AGENT_NOUNS
        for s in subjects
    )
    act = any(
        c.dep_ in ("xcomp", "ccomp")
        or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))  # "threatened Friday to close"
        or (c.dep_ == "dobj" and c.lemma_.lower() in _THREAT_OBJECTS)
        for c in trigger.children
    )
    return agentive and act


_ANNOUNCING = _words("say announce state tell declare confirm")
_FUTURE_ANNOUNCING = _words("unveil introduce propose present announce sign issue release publish outline detail")


def _announced_policy(verb: Token) -> bool:
    """Whether a planned policy act is what a government said it would do, with no time of its own: "the
    ministry said the quota would be cut", "announced that it would hire 75 judges". Such a policy was
    announced, which is the event ("said it intends to admit no more than 18,000 refugees"); "said it will
    begin accepting applications on Feb. 18" stays planned, as does an announcement still to come ("said he
    plans to unveil a measure", "said the president would sign an order")."""
    chain = _chain(verb)
    reporting = next((h for h in chain[1:] if h.lemma_ in _ANNOUNCING), None)
    if reporting is None or reporting.tag_ != "VBD":
        return False
    if any(h.lemma_ in _FUTURE_ANNOUNCING for h in chain[: chain.index(reporting)]):
        return False  # the announcement itself is still to come: "said he plans to unveil a measure"
    if any(h.lemma_ in _PLAN_HEADS - {"intend"} for h in chain[1 : chain.index(reporting)]):
        return False  # a plan or an expectation, not a decision: "said she expected the agency to publish"
    own = " ".join(t.text for t in verb.subtree if not any(a.dep_ in ("relcl", "acl") for a in _up_to(t, verb)))
    own = _FISCAL_YEAR.sub("", own)  # "admit 18,000 in the coming fiscal year": the policy's reach, not its time
    return not (_FUTURE_WORDS.search(own) or find_date_expressions(own))


_FISCAL_YEAR = re.compile(
    r"\b(?:the\s+)?(?:(?:coming|next|new|upcoming)\s+)?fiscal\s+year(?:\s+\d{4})?\b", re.IGNORECASE
)


def _up_to(token: Token, top: Token) -> list[Token]:
    """The token and its heads below `top`."""
    out = []
    while token != top and token.head != token:
        out.append(token)
        token = token.head
    return out


_FUTURE_WORDS = re.compile(
    r"\b(?:next|coming|upcoming|tomorrow|soon|starting|beginning|effective|later\s+this|from\s+now|"
    r"in\s+the\s+(?:next|coming|following)|as\s+early\s+as|by\s+the\s+end)\b",
    re.IGNORECASE,
)


def _generic_agent(verb: Token) -> bool:
    """Whether the act has a subject that is an institution or office, even when not a named entity."""
    heads = [verb, *_chain(verb)[1:]]
    if heads[-1].pos_ in ("NOUN", "PROPN"):
        heads.append(_governing_verb(heads[-1]))  # "the president signed an order ending the practice"
    elif heads[-1].dep_ == "acomp":
        heads.append(heads[-1].head)  # "officials are due to meet in Quito"
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent") and any(
                t.lemma_.lower() in _AGENT_NOUNS for t in child.subtree
            ):
                return True
        if head.lemma_ in _REPORTING:
            break
    return False


def _clause_bounds(verb: Token, sent: Span) -> tuple[int, int]:
    """Character span of the trigger verb's clause (its subtree); the whole sentence for odd parses."""
    left, right = verb.left_edge, verb.right_edge
    if right.i - left.i < 3:
        return sent.start_char, sent.end_char
    return left.idx, right.idx + len(right.text)


_REPORTING = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "write", "tweet", "claim", "note"}
)
# who says, warns or pledges an act on a condition proposes it ("said it would sue if the law passed")
_CONDITION_SPEAKERS = _REPORTING | _words("warn pledge promise vow threaten")


def _chain_subjects(verb: Token) -> list[tuple[int, int]]:
    """Subjects of the verbs the trigger verb depends on ("Trump began meeting ...", "the court agreed to
    decide ..."), stopping at reporting verbs: whoever *said* it is a source, not an actor."""
    out: list[tuple[int, int]] = []
    chain = _chain(verb)
    for below, head in itertools.pairwise(chain):
        if head.lemma_ in _REPORTING:
            if _pronoun_subject(below) or (below.dep_ == "xcomp" and _pronoun_subject(below.head)):
                out.extend(_subject_spans(head))  # "the ministry said it would ...": the sayer acts
            break
        out.extend(_subject_spans(head))
    return out


_SELF_PRONOUNS = _words("it they we he she")


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SELF_PRONOUNS for c in verb.children)


def _subject_spans(verb: Token) -> list[tuple[int, int]]:
    return [
        (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
        for child in verb.children
        if child.dep_ in ("nsubj", "nsubjpass")
    ]


def _actors(
    doc: Doc, ents: Sequence[Entity], spans: Sequence[tuple[int, int]], event_type: str, sent: Span
) -> list[Actor]:
    out: list[Actor] = []
    seen: set[str] = set()
    for ent in ents:
        if ent["label"] not in _ACTOR_LABELS or not any(a <= ent["start"] < b for a, b in spans):
            continue
        span = doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
        if ent["label"] == "GPE" and span is not None and not _is_participant(span):
            continue  # "in Miami", "officials from Guatemala": where, not who
        if ent["label"] == "NORP":
            continue  # demonyms feed countries and the people they describe, not actors
        canonical = ent["canonical"]
        if canonical in seen:
            continue
        seen.add(canonical)
        country, role = (None, None)
        if span is not None and ent["label"] == "PERSON":
            country, role = _person_context(span)
        out.append(
            Actor(
                text=ent["text"],
                canonical=canonical,
                label=cast(ActorLabel, ent["label"]),
                country=country or ent.get("country"),
                role=role,
            )
        )
    if event_type == "MIGRANT_MOVEMENT" and _CARAVAN.search(sent.text) and "Migrant caravan" not in seen:
        out.append(
            Actor(text="caravan", canonical="Migrant caravan", label="ORG", country=None, role="migrants")
        )
    return out


def _is_participant(span: Span) -> bool:
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head != root:
        root = root.head
    if root.dep_ == "pobj":
        return root.head.lower_ in ("with", "between", "by", "among")
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "ROOT", "agent", "iobj")


def _is_place_object(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


_VISIT_VERBS = _words("visit tour")


def _is_visited_place(span: Span) -> bool:
    """The place a visit goes to, named as the verb's object: "will visit Lima and Tumbes next week"."""
    root = span.root
    return root.dep_ == "dobj" and root.head.lemma_ in _VISIT_VERBS


def _is_offshore_place(span: Span, canonical: str) -> bool:
    """Islands and coasts take "on" and "off": "held at the camp on Lesbos", "capsized off Libya". A country
    after "on" is a target ("pressure on Mexico", "tariffs on Guatemala"), not where something happened."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    return root.head.lower_ == "off" or (root.head.lower_ == "on" and not is_country(canonical))


def _person_context(span: Span) -> tuple[str | None, str | None]:
    """Country and role of a person from the words around the name: "his Mexican counterpart, X",
    "the president of Honduras, X", "US Secretary X"."""
    root = span.root
    pieces: list[str] = []
    title_tokens = [
        t
        for t in span.doc[max(span.start - 5, span.sent.start) : span.start]
        if t.dep_ == "compound" and t.head.i >= span.start
    ]
    if title_tokens:
        pieces.append(" ".join(t.text for t in title_tokens))
    if root.dep_ == "appos":
        head = root.head
        pieces.append(" ".join(t.text for t in head.subtree if not (span.start <= t.i < span.end)))
    # Parser-independent fallback: the title right before the name, "the president of Honduras, X".
    window = span.doc[max(span.start - 8, span.sent.start) : span.start].text
    left = _TITLE_CUT.split(window)[-1]
    if _ROLE_RX.search(left):
        pieces.append(left)
    for piece in pieces:
        country = country_of(piece)
        if country:
            return country, _role(piece)
    return None, _role(pieces[0]) if pieces else None


_ROLE_RX = re.compile(
    r"\b(?:secretary|minister|president|first\s+lady|counterpart|senator|sen\.|rep\.|representative|"
    r"governor|mayor|ambassador|judge|commissioner|director|chief|spokes(?:man|woman|person)|agent|leader|"
    r"official|attorney\s+general)\b",
    re.IGNORECASE,
)


_TITLE_CUT = re.compile(r"\b(?:with|and|by|met|meets|meet|told|said|says|to|from)\b|[;:()\u201c\u201d\"]")


def _role(text: str) -> str | None:
    match = _ROLE_RX.search(text)
    return match.group(0).lower() if match else None


def _location(doc: Doc, ents: Sequence[Entity], clause: tuple[int, int]) -> Location | None:
    best: Entity | None = None
    for ent in ents:
        if ent["label"] not in _PLACE_LABELS or not (clause[0] <= ent["start"] < clause[1]):
            continue
        span = doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
        if span is None or not (
            _is_place_object(span) or _is_offshore_place(span, ent["canonical"]) or _is_visited_place(span)
        ):
            continue
        if span.root.head.lower_ == "from":
            continue
        best = ent
        break
    if best is None:
        return None
    iso3, lat, lon = geocode(best["canonical"])
    return Location(
        text=best["text"], canonical=best["canonical"], country=best.get("country") or iso3, lat=lat, lon=lon
    )


def _countries(actors: Iterable[Actor], location: Location | None, ents: Sequence[Entity]) -> set[str]:
    out = {a["country"] for a in actors if a["country"]}
    if location and location["country"]:
        out.add(location["country"])
    for ent in ents:
        if ent["label"] in ("GPE", "NORP", "LOC") and ent.get("country"):
            if ent["label"] != "GPE" or is_country(ent["canonical"]) or ent["label"] == "NORP":
                out.add(cast(str, ent["country"]))
            else:
                out.add(cast(str, ent["country"]))
    return {c for c in out if c}


def _date(
    sent: Span,
    verb: Token,
    status: str,
    anchor: datetime,
    anchor_kind: DateAnchor,
    trigger: Token | None = None,
    *,
    observed: bool = False,
    counted: bool = False,
) -> ResolvedDate | None:
    """The date of the act at `verb`. With `observed`, the date a state was seen or reported at ("38 remained
    in custody as of Wednesday", "the agency said Wednesday it was holding 8,600"): only a date in the verb's
    own clause or one of the clauses it is reported in, never a bare year or a start point ("since 2016").
    With `counted` (a figure), the period counted wins over the day the figures came out ("56,400 apprehensions
    in July, according to figures released Tuesday")."""
    exprs = find_date_expressions(sent.text)
    if not exprs:
        return _live_entry_date(sent, status, anchor, anchor_kind)
    tense: Literal["past", "future", "present"] | None = (
        "future" if status == "planned" else ("past" if status in ("occurred", "negated") else None)
    )
    doc = sent.doc
    resolved: list[tuple[int, ResolvedDate]] = []
    for start, _end, text in exprs:
        if status != "planned" and _FUTURE_DATE.match(text):
            continue  # "tomorrow" in a sentence about what happened belongs to another clause
        if _RANGE_START.search(sent.text[max(0, start - 12) : start]):
            continue  # "between Nov. 21 and February": a period, not the date of one occurrence
        if _COMPARED_DATE.search(sent.text[max(0, start - 50) : start]):
            continue  # "131,900 in February, down from 140,600 in January": the baseline's date
        if _RECORD_SINCE.search(sent.text[max(0, start - 60) : start]):
            continue  # "the lowest monthly total since September 2020": a record's reference point
        if _ATTRIBUTIVE_YEAR.match(text) and _NOUN_AFTER.match(sent.text[_end:]) and not _YEAR_PREP.search(
            sent.text[max(0, start - 10) : start]
        ):
            continue  # "the original 2012 DACA guidelines": a name's year, not when this happened
        first = _trigger_token(doc, sent, sent.start_char + start)
        if not _own_time_phrase(first) and _other_reference(sent.text, start, verb.idx - sent.start_char):
            continue  # "approved 100,000 before the kick-off date of February 18": a reference point
        if (
            first.dep_ == "nmod"
            and first.head.pos_ == "NOUN"
            and first.head != trigger
            and not start <= first.head.idx - sent.start_char < _end  # "next week": the date's own noun
        ):
            continue  # "implemented the governor's Sept. 18 order": the order's date, not this act's
        head = _governing_verb(first)
        if not sent.start <= head.i < sent.end:
            head = verb  # the parse ran on across the sentence break ("... Texas will keep going." Earlier today, ...)
        if observed and not _observation_date(first, head, verb, sent.text[max(0, start - 12) : start]):
            continue
        if head != verb and _since_clause(head):
            continue  # "the first time they had met since the surge became a crisis this spring": a start point
        if status == "planned" and _past_statement(head) and head != verb:
            continue  # "officials said Monday that X will ...": Monday is when it was said
        if status in ("occurred", "negated") and head != verb and _aux_lemmas(head) & _FUTURE_AUX:
            continue  # "agreed to create a group, which will hold its first session in June": a later act's date
        res = resolve_date(text, anchor, tense=tense, anchor_kind=anchor_kind)
        if res is not None and status in ("occurred", "negated"):
            res = _in_the_past(res, text, anchor)
        if res is None or not _fits_status(res, status, anchor):
            continue
        resolved.append((sent.start_char + start, res))
    if counted:
        counted_dates = [entry for entry in resolved if not _release_date(doc, sent, entry[0])]
        resolved = counted_dates or resolved
    if not resolved:
        return _live_entry_date(sent, status, anchor, anchor_kind)
    if len(resolved) == 1:
        return resolved[0][1]
    ancestry = {t.i: depth for depth, t in enumerate([verb, *verb.ancestors])}

    def rank(entry: tuple[int, ResolvedDate]) -> tuple[int, int, int]:
        # the nearest clause first; within it the finest date ("on Wednesday night, the fourth such
        # interception this week" happened on Wednesday), then the nearest words
        tok = _trigger_token(doc, sent, entry[0])
        head = _governing_verb(tok)
        depth = ancestry.get(head.i, 99)
        if depth == 99 and _participle_of_object(head, verb):
            depth = 0  # "intercepted a boat carrying 67 people on Wednesday night": the parser's attachment
        return depth, GRANULARITY_RANK[entry[1]["granularity"]], abs(tok.i - verb.i)

    return min(resolved, key=rank)[1]


_RELEASE_VERBS = _REPORTING | _words("release publish show post issue present")


def _release_date(doc: Doc, sent: Span, char: int) -> bool:
    """A date on the verb that brought figures out ("figures released late Tuesday", "the ministry said on
    Monday"), not on what they count."""
    return _governing_verb(_trigger_token(doc, sent, char)).lemma_.lower() in _RELEASE_VERBS


_FORESEE_VERBS = _PLAN_HEADS | _words("foresee program programme slate envisage")
_PRESENT_PASSIVE = frozenset({"is", "are", "'s", "be"})  # "be": "will be"


def _foreseen(verb: Token) -> bool:
    """A plan verb in the present passive is the act's own timetable ("a flight is programmed for next week",
    "is foreseen", "is scheduled"): translated Spanish says so where English says "will". Not under a modal
    ("could be scheduled" stays hypothetical)."""
    passive = {c.lower_ for c in verb.children if c.dep_ == "auxpass"}
    planning = verb.lemma_.lower() in _FORESEE_VERBS or verb.lower_ == "slated"  # the lemmatizer gives "slat"
    return (
        planning
        and verb.tag_ == "VBN"
        and bool(passive & _PRESENT_PASSIVE)
        and not _aux_lemmas(verb) & _HYPO_AUX
    )


_COMPLETION_VERBS = _words("sign seal conclude ratify approve adopt pass issue publish enact")


def _act_participle(noun: Token) -> bool:
    """A named thing with a past participle that states its act is an act, not a mention ("the memorandum,
    signed Sunday at Carthage, foresees ..."; the parser may also make the participle the main verb)."""
    if any(c.dep_ == "acl" and _reduced_past_relative(c) for c in noun.children):
        return True
    head = noun.head
    return (
        noun.dep_ in ("nsubj", "nsubjpass")
        and head.lemma_ in _COMPLETION_VERBS
        and head.tag_ in ("VBD", "VBN")
        and not _aux_lemmas(head) & (_FUTURE_AUX | _HYPO_AUX)
    )


_OPENERS = _words("once if when unless until whenever")
# participles of plans and needs, not of done acts ("the wall, planned for next year", "the funds, required by law")
_UNDONE_PARTICIPLES = _FORESEE_VERBS | _PREPARE | _words("propose require need")


def _reduced_past_relative(verb: Token) -> bool:
    """A past participle on its own, after a noun or as a clause ("the accord, signed in Rabat", "the bill,
    passed last week") is a done act, whatever the clause around it plans; not a plan's participle ("the wall,
    planned for next year") nor one opened by "if" or "once" ("once approved, the law will ...")."""
    return (
        verb.dep_ in ("acl", "advcl")
        and (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "acl"))  # the tagger's "signed" varies
        and not _has_own_clause(verb)
        and not any(c.dep_ == "mark" or c.lower_ in _OPENERS for c in verb.children)  # "once" parses as advmod
        and verb.lemma_.lower() not in _UNDONE_PARTICIPLES
    )


def _past_reason_clause(verb: Token) -> bool:
    """A finite past-tense clause opened by "after" or "because" has its own time, whatever the clause it
    hangs on plans."""
    return (
        verb.tag_ == "VBD"
        and verb.dep_ == "advcl"
        and verb.head.dep_ != "relcl"  # "the bill, which would declare X after the court ruled": backstory
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ in ("after", "because") for c in verb.children)
    )


def _habitual_relative(verb: Token) -> bool:
    """A relative clause in the simple present describes who someone is: "staff who visit the centres"."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBP", "VBZ") and not _aux_lemmas(verb)


def _since_clause(head: Token) -> bool:
    """A clause opened by "since" tells when something else began, not when the act happened. Not across a
    paragraph break: a caption glued to the next paragraph ("... the highest since 2006" + "Congress approved
    ...") is no clause."""
    if head.dep_ != "advcl":
        return False
    text = doc_text(head.doc)
    return any(
        c.dep_ == "mark" and c.lower_ == "since" and "\n" not in text[min(c.idx, head.idx) : max(c.idx, head.idx)]
        for c in head.children
    )


def _participle_of_object(head: Token, verb: Token) -> bool:
    """A participle on the verb's own object ("intercepted a boat carrying people"), whose time phrases the
    small parser often hangs there instead of on the verb."""
    return head.dep_ == "acl" and head.tag_ in ("VBG", "VBN") and head.head.head == verb


# "by Monday" is not here: a state seen "by Monday" ("By Monday, 417 were being held") was seen on Monday
_START_POINT = re.compile(r"\b(?:since|after|before|until|till|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _observation_date(first: Token, head: Token, verb: Token, before: str) -> bool:
    """Whether a date can be when a state was observed: on the state's verb or a verb it is reported under,
    and not the start or end of a span ("held since Monday", "who landed after March 20"). A trigger in a
    relative clause tells the subject's past ("the caravan, which set off on October 12, is still weeks
    away"): its date is not when the state was seen."""
    if _START_POINT.search(before) or _ATTRIBUTIVE_YEAR.match(first.text) or verb.dep_ in ("relcl", "acl"):
        return False
    return head == verb or head in verb.ancestors


_YEAR_TO_DATE = re.compile(
    r"\b(?:so\s+far\s+this\s+year|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|in\s+the\s+first\s+"
    r"\w+\s+(?:months|weeks)\s+of\s+(?:the|this)\s+year|between\s+january\s+and\s+\w+|in\s+what\s+(?:goes|has\s+gone|"
    r"is\s+gone)\s+of\s+(?:the|this)\s+year)\b",
    re.IGNORECASE,
)
# a record's reference point, not the period counted nor the act's date: "the lowest monthly total since
# September 2020"
_RECORD = (
    r"\b(?:lowest|highest|fewest|most|least|largest|biggest|smallest|first\s+time|record|not\s+seen)\b[^.;:]{0,40}"
)
_RECORD_BEFORE = re.compile(_RECORD + "$", re.IGNORECASE)
_RECORD_SINCE = re.compile(_RECORD + r"\bsince\s+$", re.IGNORECASE)
_SINCE_MONTH = re.compile(
    r"\bsince\s+(?:the\s+past\s+)?(?:\d{1,2}\s+of\s+)?(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)




def _figure_period(text: str, anchor: datetime, anchor_kind: DateAnchor) -> tuple[str, ResolvedDate | None] | None:
    """The period a running figure covers, when it counts from a start to now: "so far this year",
    "since January" -> the year; "since October" in July spans two calendar years -> no date. None when
    the sentence gives no such period (then the figure's own date expression decides)."""
    text = _RECORD_PHRASE.sub("", text)  # "the highest daily total so far this year" ranks a day's count
    match = _YEAR_TO_DATE.search(text)
    if match is None:
        match = next((m for m in _SINCE_MONTH.finditer(text) if not _RECORD_BEFORE.search(text[: m.start()])), None)
        if match is None:
            return None
        if _MONTH_NUM[match.group("m")[:3].lower()] > anchor.month:
            return match.group(), None  # from a month of last year: the count spans two years
    year: ResolvedDate = {
        "text": match.group(),
        "resolved": f"{anchor.year:04d}",
        "granularity": "year",
        "anchor": anchor_kind,
    }
    return match.group(), year


# A live blog's entries open on the clock time ("16:12 - Kent Police have just confirmed ..."): what an entry reports
# as done or under way happened on the day the blog ran. Two such entries make the item a live blog.
_LIVE_STAMP = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[-–—:|]\s"
_LIVE_ENTRY = re.compile(r"\s*" + _LIVE_STAMP)
_LIVE_ENTRIES = re.compile(r"(?m)^\s*" + _LIVE_STAMP)


def _live_entry_date(sent: Span, status: str, anchor: datetime, anchor_kind: DateAnchor) -> ResolvedDate | None:
    """The blog's day for an act done or under way in a timestamped entry of a live blog, else None."""
    if status not in ("occurred", "ongoing") or anchor_kind != "published_at":
        return None
    stamp = _LIVE_ENTRY.match(sent.text)
    if stamp is None or len(_LIVE_ENTRIES.findall(doc_text(sent.doc), 0, 20_000)) < 2:
        return None
    return ResolvedDate(
        text=stamp.group().strip(" -–—:|"), resolved=anchor.strftime("%Y-%m-%d"), granularity="day", anchor=anchor_kind
    )


_NAMING_VERBS = _words("title entitle call name dub label")


def _past_statement(head: Token) -> bool:
    """A past verb that can carry its own date ("said Monday", "the bill passed by the legislature on
    Monday"), unlike a participle that only names a noun ("an event titled ... on Wednesday", where the
    parser hangs the date on the name)."""
    if head.tag_ == "VBN" and head.dep_ in ("acl", "amod") and head.lemma_.lower() in _NAMING_VERBS:
        return False
    return head.tag_ in ("VBD", "VBN")


_FULL_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")


def _in_the_past(date: ResolvedDate, text: str, anchor: datetime) -> ResolvedDate | None:
    """What happened lies before the anchor: a yearless month or day that resolved ahead of it ("a lawsuit
    filed in January", written in December) is last year's; a stated later year belongs to something else."""
    resolved = date["resolved"]
    if resolved <= anchor.strftime("%Y-%m-%d")[: len(resolved)]:
        return date
    if _FULL_YEAR.search(text) or date["granularity"] == "year":
        return None
    earlier = f"{int(resolved[:4]) - 1:04d}{resolved[4:]}"
    if earlier.endswith("-02-29"):
        return None
    return ResolvedDate(
        text=date["text"], resolved=earlier, granularity=date["granularity"], anchor=date["anchor"]
    )


def _fits_status(date: ResolvedDate, status: str, anchor: datetime) -> bool:
    """A planned event lies ahead: a date before the anchor belongs to something else in the sentence
    ("a plan that mimics the 2017 ban"); so does an old year for a proposal or a running programme."""
    resolved = date["resolved"]
    today = anchor.strftime("%Y-%m-%d")[: len(resolved)]
    if status == "planned":
        return resolved >= today
    if status in ("hypothetical", "ongoing") and date["granularity"] == "year":
        return resolved >= today
    return True


def _quantities(sent: Span) -> list[Quantity]:
    out: list[Quantity] = []
    for ent in sent.ents:
        if ent.label_ not in ("CARDINAL", "QUANTITY", "MONEY"):
            continue
        match = _NUM_RX.search(ent.text)
        if match is None:
            continue
        value = float(match.group(1).replace(",", ""))
        if match.group(2):
            value *= _SCALE[match.group(2).lower()]
        if ent.label_ == "CARDINAL" and value < 10:
            continue  # "three countries", "two parts": not figures an analyst tracks
        unit = "USD" if ent.label_ == "MONEY" else _unit(doc_text(sent.doc)[ent.end_char : ent.end_char + 40])
        if unit is None:
            continue
        out.append(Quantity(value=value, text=ent.text, unit=unit))
    return out


def _unit(after: str) -> str | None:
    after = re.sub(
        r"^\s*(?:\w+\s+){0,2}?(?=(?:people|migrants|immigrants|troops|individuals|children))", " ", after
    )
    for rx, unit in _UNITS:
        if rx.match(after):
            return unit
    return None


# --------------------------------------------------------------------------------------------
# Merge, inheritance, output
# --------------------------------------------------------------------------------------------


def _specificity(location: Location | None) -> int:
    if location is None:
        return 0
    return 1 if is_country(location["canonical"]) else 2


def _mergeable(a: _Candidate, b: _Candidate) -> bool:
    """Same type and status, compatible dates, and no sign of different participants."""
    if a.event_type != b.event_type or a.status != b.status:
        return False
    if a.date and b.date and a.date["resolved"][:7] != b.date["resolved"][:7]:
        return False
    people_a = {x["canonical"] for x in a.actors if x["label"] in ("PERSON", "ORG")}
    people_b = {x["canonical"] for x in b.actors if x["label"] in ("PERSON", "ORG")}
    return not (people_a and people_b and not people_a & people_b)


def _merge(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """One event per occurrence: same type and status and compatible dates -> one event (events.md)."""
    out: list[_Candidate] = []
    for cand in candidates:
        target = next((c for c in out if _mergeable(c, cand)), None)
        if target is None and (cand.mention or cand.anaphoric):
            target = next((c for c in out if c.event_type == cand.event_type), None)
        if target is None:
            out.append(cand)
            continue
        target.extra_sentences.append(cand.sent_index)
        target.mention = target.mention and cand.mention  # a group is an act once any member is
        seen = {a["canonical"] for a in target.actors}
        target.actors.extend(a for a in cand.actors if a["canonical"] not in seen)
        target.countries |= cand.countries
        target.policies = sorted(set(target.policies) | set(cand.policies))
        target.quantities.extend(q for q in cand.quantities if q not in target.quantities)
        if target.date is None and cand.date is not None:
            target.date = cand.date
        if _specificity(cand.location) > _specificity(target.location):
            target.location = cand.location
        target.confidence = round(min(0.95, max(target.confidence, cand.confidence) + 0.05), 3)
    return out


def _carry_previous_dates(
    candidates: Sequence[_Candidate],
    sentences: Sequence[Span],
    skip: Sequence[bool],
    anchor: datetime,
    anchor_kind: DateAnchor,
) -> None:
    """A reported act whose sentence names no date continues the sentence before it: "Officials met in
    Washington on Tuesday. Mexico deployed 6,000 troops to its southern border." Only a sentence with no
    date expression at all takes the previous sentence's last past date, and only a recent one (a date long
    past there would be background, not this act's)."""
    for cand in candidates:
        index = cand.sent_index
        if cand.status != "occurred" or cand.date is not None or index == 0 or skip[index - 1]:
            continue
        if find_date_expressions(cand.sentence.text):
            continue  # the sentence dates something; the rules chose not to give it to this act
        verb = _governing_verb(_trigger_token(cand.sentence.doc, cand.sentence, cand.trigger_start))
        if _aux_lemmas(verb) & _PERFECT_AUX:
            continue  # the present perfect takes no past date of its own ("has threatened to close it")
        previous = sentences[index - 1].text
        for start, _end, text in reversed(find_date_expressions(previous)):
            if _FUTURE_DATE.match(text) or _RANGE_START.search(previous[max(0, start - 12) : start]):
                continue
            resolved = resolve_date(text, anchor, tense="past", anchor_kind=anchor_kind)
            resolved = resolved and _in_the_past(resolved, text, anchor)
            if resolved and not _long_before(resolved, anchor):
                cand.date = resolved
                break


def _inherit_planned_dates(events: Sequence[_Candidate]) -> None:
    """A planned event without a date of its own inherits the date of a planned event stated shortly
    before it: "X will travel Wednesday ... X will also meet the president" is one trip."""
    dated = [e for e in events if e.status == "planned" and e.date is not None]
    for event in events:
        if event.status != "planned" or event.date is not None:
            continue
        last = event.extra_sentences[-1] if event.extra_sentences else event.sent_index
        # a dated event is "before" through any of its mentions: a trip told in the lead and again later
        told = [
            (max(i for i in (d.sent_index, *d.extra_sentences) if i < last), d) for d in dated if d.sent_index < last
        ]
        previous = [(i, d) for i, d in told if last - i <= 6]
        if previous:
            event.date = max(previous, key=lambda pair: pair[0])[1].date


def _event_id(item_id: str, event_type: str, start: int, end: int) -> str:
    digest = hashlib.sha1(f"{item_id}|{event_type}|{start}|{end}".encode()).hexdigest()
    return digest[:PIPELINE_ID_LEN]


def _to_event(cand: _Candidate, item: Mapping[str, Any]) -> Event:
    sent = cand.sentence
    text = sent.text
    lead = len(text) - len(text.lstrip())
    start = sent.start_char + lead
    end = sent.start_char + len(text.rstrip())
    item_id = str(item.get("id", ""))
    return Event(
        event_id=_event_id(item_id, cand.event_type, start, end),
        event_type=cand.event_type,
        status=cand.status,
        confidence=cand.confidence,
        actors=cand.actors,
        countries=sorted(cand.countries),
        location=cand.location,
        date=cand.date,
        quantities=cand.quantities,
        policies=cand.policies,
        evidence={"sentence": text.strip(), "start": start, "end": end},
        source={
            "item_id": item_id,
            "url": item.get("url"),
            "outlet": item.get("source"),
            "published_at": item.get("published_at"),
        },
    )
