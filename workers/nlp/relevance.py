"""Is an item about migration? A cheap lexical judgement with high recall.

`could_be_migration` is a regex pre-check over raw text (no parse) that lets the worker skip the expensive
steps for items that cannot be relevant; `score_relevance` is the full judgement over the parsed body, its
entities and events. The threshold was calibrated on the dev feed (topic "immigration" = relevant).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from workers.nlp.doctext import doc_text
from workers.nlp.lexicon import SEA_CROSSINGS, VEHICLE_CARAVAN
from workers.nlp.types import Entity, Event, Relevance

# Any of these may mean migration; the pre-check must never say "no" where the full judgement says "yes",
# so it is the union of every term the scorer counts.
_PRECHECK = re.compile(
    r"migra|immigra|asylum|refugee|deport|caravan|border|undocumented|illegal\s+alien|dreamer|daca\b|"
    r"\btps\b|\bice\b|customs\s+and\s+border|homeland\s+security|smuggl|visa|sanctuary|"
    r"\bwall\b|citizenship|naturaliz|green\s+card|travel\s+ban|frontera|migrante|remain\s+in\s+mexico|"
    r"safe\s+third|protected\s+status|deferred\s+action|dream\s+act|public\s+charge|coyote|traffick|"
    r"newcomer|\bdhs\b|\bcbp\b|uscis|protection\s+protocols|muslim\s+ban|tent\s+city|port\s+of\s+entry|"
    r"ports\s+of\s+entry|international\s+protection|e-verify|push-?backs|readmission|expel|expuls|displace|"
    r"idps|refoulement|exiles|detention|h-2|guest|foreign\s+worker|work\s+visa|fled|flee|repatriat|buoy|"
    r"concertina|(?:illegal|irregular|unauthori[sz]ed)\s+(?:border|cross|entr|arriv)|temporary\s+(?:statute\s+of\s+)?"
    r"protection|returne|voluntar|international\s+student|overseas\s+student|student\s+visa|remittance|"
    r"foreign\s+labo|foreign\s+trainee|workers?\s+visa|technical\s+intern|"
    + SEA_CROSSINGS,
)  # lower-case terms, searched in lower-cased text: 4x faster than re.IGNORECASE on long bodies (measured)

# not the holiday kind ("a caravan park", "caravanning") nor a convoy of vehicles; lower case, searched case-folded
# and in lower-cased text
_CARAVAN = r"\bcaravans?\b(?!\s+(?:parks?|sites?|holidays?|clubs?))" + VEHICLE_CARAVAN

# "deport", "deportees", not the Spanish sports words of club names and sections ("Deportes Cordillera",
# "Deportivo Táchira", "deportistas") that translated sports pages keep
_DEPORT = r"deport(?!es\b|iv|ist)\w*"

# Topic -> (pattern, weight). Weights say how strongly one mention points at a migration story.
_TOPICS: dict[str, tuple[re.Pattern[str], float]] = {
    "migration": (
        re.compile(
            r"\b(?:immigra\w*|migra(?:nt|nts|tion|tory)|migraci[oó]n|migratori[oa]s?|migranti|emigra\w*|undocumented|"
            r"illegal\s+aliens?|"
            r"illegal\s+immigrants?|unauthorized\s+immigrants?|migrantes?|chain\s+migration|green\s+cards?|"
            r"naturaliz\w+|newcomers|e-verify|push-?backs|readmission|h-2[ab]|guest[\s-]workers?|"
            r"temporary\s+foreign\s+workers?|work\s+visas?)\b",
            re.IGNORECASE,
        ),
        1.0,
    ),
    "asylum": (
        re.compile(
            r"\b(?:asylum(?:[\s-]seekers?)?|refugees?|tps|temporary\s+protected\s+status|international\s+protection|"
            r"temporary\s+(?:statute\s+of\s+)?protection|"
            r"safe\s+third\s+country|remain\s+in\s+mexico|migrant\s+protection\s+protocols)\b",
            re.IGNORECASE,
        ),
        1.0,
    ),
    "border": (
        re.compile(
            r"\b(?:border\s+(?:patrol|wall|security|crossings?|agents?|crisis|apprehensions|controls?|checks?|guards?)|"
            r"southern\s+border|u\.?s\.?-mexico\s+border|ports?\s+of\s+entry|cbp|"
            r"customs\s+and\s+border\s+protection|border\s+wall|border\s+(?:barriers?|fences?|buoys|initiative|"
            r"enforcement|surge)|secur\w*\s+(?:the|our|its|their)\s+(?:southern\s+)?border|buoy\s+barriers?|"
            r"floating\s+barriers?|concertina\s+wire|(?:illegal|irregular|unauthori[sz]ed)\s+(?:border\s+)?"
            r"(?:crossings?|entr(?:y|ies)|arrivals?))\b",
            re.IGNORECASE,
        ),
        1.0,
    ),
    "deportation": (
        re.compile(
            rf"\b(?:{_DEPORT}|removal\s+(?:flights?|proceedings|orders?)|ice\s+(?:agents|"
            r"officers|raids?|detention)|immigration\s+and\s+customs\s+enforcement|"
            r"sanctuary\s+(?:cities|city|state|policies|policy))\b",
            re.IGNORECASE,
        ),
        1.0,
    ),
    "detention": (
        re.compile(
            r"\b(?:detention\s+(?:cent(?:er|re)s?|facilit\w+|camps?)|tent\s+city|family\s+"
            r"separations?|separated\s+(?:families|children))\b",
            re.IGNORECASE,
        ),
        1.0,
    ),
    "caravan": (re.compile(_CARAVAN, re.IGNORECASE), 1.0),
    "daca": (re.compile(r"\b(?:daca|dreamers?|dream\s+act|deferred\s+action)\b", re.IGNORECASE), 1.0),
    # expelling people is removal ("the collective expulsion of aliens"), but diplomats, pupils and party
    # members are expelled too: weak on its own
    "expulsion": (re.compile(r"\b(?:expel\w*|expulsions?)\b", re.IGNORECASE), 0.4),
    # people forced from home, also inside their country (camps, returns); floods and wars displace too
    "displacement": (
        re.compile(
            r"\b(?:(?:internally\s+)?displaced\s+(?:persons|people|families|civilians)|displacement\s+camps?|idps|"
            r"non-refoulement|refoulement|exiles|(?:fled|flee|fleeing)\s+(?:across|into|over)|repatriat\w+)\b",
            re.IGNORECASE,
        ),
        0.5,
    ),
    # returns home with a grant ("voluntary returns of Syrians"): how migration ends, seldom another story
    "return": (
        re.compile(
            r"\b(?:voluntar(?:y|ily)\s+returns?|returned\s+voluntarily|assisted\s+returns?|returnees)\b", re.IGNORECASE
        ),
        1.0,
    ),
    # students from abroad and the money migrants send home: migration policy ("a cap on student visas", "a tax
    # on remittances"), and also education and finance news, so weak on their own
    "mobility": (
        re.compile(
            r"\b(?:international\s+students?|overseas\s+students?|student\s+visas?|remittances?)\b", re.IGNORECASE
        ),
        0.4,
    ),
    # labour migration by its own words ("a law to scrap the foreign trainee programme", "caps on skilled worker
    # visas"); foreign workers are also a trade or tax story's, so weak on their own
    "labour": (
        re.compile(
            r"\b(?:foreign\s+(?:workers?|labou?r|trainees?)|(?:skilled|seasonal)[\s-]workers?\s+visas?|"
            r"technical\s+intern\w*)\b",
            re.IGNORECASE,
        ),
        0.5,
    ),
    "smuggling": (re.compile(r"\b(?:smuggl\w+|coyotes|human\s+trafficking)\b", re.IGNORECASE), 0.6),
    "sea-crossings": (re.compile(rf"\b(?:{SEA_CROSSINGS})\b", re.IGNORECASE), 0.8),
    # the agencies that run migration enforcement; acronyms case-sensitive ("ice" is also just ice)
    "agencies": (
        re.compile(
            r"\b(?:[Hh]omeland\s+[Ss]ecurity|DHS|ICE|CBP|USCIS|Citizenship\s+and\s+Immigration\s+"
            r"Services)\b"
        ),
        0.6,
    ),
    # "the wall" is the border wall in political news, and any wall elsewhere: weak on its own
    "wall": (re.compile(r"\b(?:the|a|his|trump's|trump’s)\s+wall\b", re.IGNORECASE), 0.3),
    # not the payment card ("Visa gift cards", "a Visa debit card")
    "travel-ban": (
        re.compile(
            r"\b(?:travel\s+ban|muslim\s+ban|visas?\b(?!\s+(?:gift\s+)?(?:cards?|debit|credit|payments?)))\b",
            re.IGNORECASE,
        ),
        0.5,
    ),
}


def _case_folded(topics: dict[str, tuple[re.Pattern[str], float]]) -> dict[str, tuple[re.Pattern[str], float, bool]]:
    """Each IGNORECASE pattern recompiled without the flag, to run on lower-cased text (several times
    faster in Python's re); case-sensitive ones (acronyms) stay as they are. -> pattern, weight, folded."""
    folded = {}
    for topic, (pattern, weight) in topics.items():
        if pattern.flags & re.IGNORECASE:
            assert pattern.pattern == pattern.pattern.lower(), topic  # a folded pattern must be lower-case
            folded[topic] = (re.compile(pattern.pattern), weight, True)
        else:
            folded[topic] = (pattern, weight, False)
    return folded


_TOPIC_SEARCH = _case_folded(_TOPICS)

# Score = 1 - exp(-evidence / _SCALE): saturates as evidence accumulates. Relevant when >= THRESHOLD.
_SCALE = 4.0
THRESHOLD = 0.6
_TITLE_WEIGHT = 3.0
_EVENT_WEIGHT = 0.5
_POLICY_WEIGHT = 1.0
_SATURATION_PER_TOPIC = 8.0
_LONG_TOKENS = 600.0
_SHORT_TOKENS = 300.0  # one word repeated endlessly is not a story on its own


def could_be_migration(text: str) -> bool:
    """Cheap pre-check over raw text: False only when no migration term occurs at all."""
    return _PRECHECK.search(text.lower()) is not None


def is_migration_policy(entity: Entity) -> bool:
    """POLICY entities name programmes of every field ("ObamaCare" too): only migration ones count."""
    return entity["label"] == "POLICY" and (
        could_be_migration(entity["canonical"]) or could_be_migration(entity["text"])
    )


def _evidence(text: str, weight: float, per_topic: dict[str, float]) -> None:
    lowered = text.lower()
    for topic, (pattern, topic_weight, folded) in _TOPIC_SEARCH.items():
        hits = len(pattern.findall(lowered if folded else text))
        if hits:
            per_topic[topic] = per_topic.get(topic, 0.0) + hits * topic_weight * weight


def score_relevance(
    doc: Doc,
    entities: Sequence[Entity],
    events: Sequence[Event],
    title: str | None = None,
    topic_evidence: Mapping[str, float] | None = None,
) -> Relevance:
    """Migration relevance of a parsed body (plus its title, which counts more per mention).

    `topic_evidence` is `text_evidence(body, title)` when the caller has it (the enricher does)."""
    per_topic = topic_evidence if topic_evidence is not None else text_evidence(doc_text(doc), title)
    policies = sum(1 for e in entities if is_migration_policy(e))
    evidence = sum(min(v, _SATURATION_PER_TOPIC) for v in per_topic.values())
    evidence += _POLICY_WEIGHT * min(policies, 4) + _EVENT_WEIGHT * min(len(events), 4)
    score = _score(evidence, max(len(doc), 1))
    topics = sorted(per_topic, key=lambda t: -per_topic[t])
    return Relevance(migration=score >= THRESHOLD, score=round(score, 3), topics=topics[:5])


def lexical_score(
    text: str, title: str | None = None, topic_evidence: Mapping[str, float] | None = None
) -> float:
    """The relevance score from the words alone: no parse, no entities, no events.

    The pre-filter: items whose lexical score stays below `PREFILTER_GATE` cannot reach the event gate
    unless named migration programmes add evidence, which the light path still checks (see Enricher).
    `topic_evidence` is `text_evidence(text, title)` when the caller has it already."""
    per_topic = topic_evidence if topic_evidence is not None else text_evidence(text, title)
    evidence = sum(min(v, _SATURATION_PER_TOPIC) for v in per_topic.values())
    # spaCy makes ~1.2 tokens per whitespace word in news prose (punctuation splits off)
    return _score(evidence, max(int(len(text.split()) * 1.2), 1))


# "Asylum" is also the old word for a psychiatric hospital ("plans to turn the former Craigmoor asylum into
# homes"). Where the item speaks of patients or lunacy and never of seeking or claiming asylum, the word is
# the building, and counts for nothing.
_HOSPITAL_SENSE = re.compile(r"\b(?:patients|psychiatric|lunatic|insane|mental\s+(?:hospital|illness|health))\b")
_PROTECTION_SENSE = re.compile(
    r"\basylum[\s-]+(?:seek\w*|claims?|applica\w+|requests?|system|cases?|officers?|hearings?|process\w*|"
    r"rules?|laws?|polic\w+|backlog|cent(?:er|re)s?|hotels?|shelters?|housing|accommodation|interviews?|"
    r"decisions?|status|protection)|\b(?:seek\w*|claim\w*|grant\w*|den\w+|for|of|political|right\s+to)\s+asylum\b"
)


def text_evidence(text: str, title: str | None) -> dict[str, float]:
    """Per-topic weight of the migration terms in `text` and `title`: the words-only part of relevance,
    the same for the pre-filter and the full judgement, so the enricher computes it once per item."""
    per_topic: dict[str, float] = {}
    if could_be_migration(text) or (title and could_be_migration(title)):
        _evidence(text, 1.0, per_topic)
        if title:
            _evidence(title, _TITLE_WEIGHT, per_topic)
    if not per_topic.keys() & {"migration", "asylum", "caravan"}:
        return per_topic
    lowered, lowered_title = text.lower(), (title or "").lower()
    if "migration" in per_topic and _wildlife_migration(lowered):
        _discount(per_topic, "migration", _ANIMAL_MIGRATION_WORD, lowered, lowered_title)
    if "asylum" in per_topic and _hospital_asylum(lowered):
        _discount(per_topic, "asylum", _BARE_ASYLUM, lowered, lowered_title)
    both = lowered + " " + lowered_title
    people = len(_MIGRANT_PEOPLE.findall(both))
    if "migration" in per_topic and people < len(_SYSTEMS_SENSE.findall(both)):
        # a bank's systems migration, told more often than any migrant or deportation is named (a customer
        # "deported from my own account" is a figure of speech)
        _discount(per_topic, "migration", _ANIMAL_MIGRATION_WORD, lowered, lowered_title)
    if people == 0:
        # no migrant, immigrant, asylum seeker or deportation anywhere: the other senses of the ambiguous words
        if "caravan" in per_topic:
            # a caravan of lowriders, of supporters
            _discount(per_topic, "caravan", _CARAVAN_WORD, lowered, lowered_title)
        if "asylum" in per_topic and len(_DISASTER_SENSE.findall(lowered)) >= _DISASTER_MENTIONS:
            # "refugees in our own village": a flood
            _discount(per_topic, "asylum", _REFUGEE_WORD, lowered, lowered_title)
    return per_topic


# Words that name people who migrate or the acts against them. A story about a migrant caravan or flood "refugees"
# tells itself apart by whether any of them occurs; a data migration, by whether they outnumber its mentions.
_MIGRANTS = rf"(?:im|e)?migrants?|immigra\w+|{_DEPORT}|undocumented"
_MIGRANT_PEOPLE = re.compile(
    rf"\b(?:{_MIGRANTS}|asylum[\s-]+seek\w+|seek\w*\s+asylum|border\s+patrol|smuggl\w+)\b"
)
# "a botched systems migration", "the migration of accounts to the new platform": moving data, not people
_SYSTEMS_SENSE = re.compile(
    r"\b(?:(?:systems?|data|it|software|platform|server|cloud|database|account|core\s+banking)\s+migrations?|"
    r"migrations?\s+(?:of|to)\s+(?:the\s+|its\s+|their\s+)?(?:new\s+|customer\s+|member\s+|client\s+)?(?:systems?|"
    r"data|accounts|platforms?|servers?|cloud|software|databases?))\b"
)
# not "a flood of refugees", "a wave of migrants": the metaphors of migration news; and a disaster is the story
# only when it is told more than in passing ("waves that flooded the deck" is a sinking at sea)
_DISASTER_MENTIONS = 3
_DISASTER_SENSE = re.compile(
    r"\b(?:flood\w*|storms?|hurricanes?|cyclones?|typhoons?|wildfires?|earthquakes?|tornado\w*|evacuat\w+)\b"
    r"(?!\s+of\b)"
)
_CARAVAN_WORD = re.compile(_CARAVAN)
_REFUGEE_WORD = re.compile(r"\brefugees?\b")


# Birds, butterflies and whales migrate too ("the godwits' migration from Alaska"). Where the item speaks of
# wildlife and never of migrants or immigrants, "migration" and "migratory" count for nothing.
_WILDLIFE = re.compile(
    r"\b(?:birds?|flocks?|butterfl\w+|monarchs|whales?|salmon|geese|godwits?|shorebirds?|waders?|wildlife|"
    r"species|wildebeest|caribou|bats)\b"
)
_PEOPLE_MOVING = re.compile(rf"\b(?:{_MIGRANTS}|asylum|refugees?)\b")
_ANIMAL_MIGRATION_WORD = re.compile(r"\bmigra(?:tion|tory|tions)\b")


def _wildlife_migration(lowered: str) -> bool:
    return _WILDLIFE.search(lowered) is not None and _PEOPLE_MOVING.search(lowered) is None


def _hospital_asylum(lowered: str) -> bool:
    return _HOSPITAL_SENSE.search(lowered) is not None and _PROTECTION_SENSE.search(lowered) is None


_BARE_ASYLUM = re.compile(r"\basylum\b(?![\s-]+seekers?)")  # what "asylum" alone added to the asylum topic


def _discount(
    per_topic: dict[str, float], topic: str, word: re.Pattern[str], lowered: str, lowered_title: str
) -> None:
    """Take back what the words of another sense added to `topic` (body and title, both lower-cased); other
    terms of the topic ("refugees", "TPS") keep their weight."""
    per_topic[topic] -= len(word.findall(lowered)) + _TITLE_WEIGHT * len(word.findall(lowered_title))
    if per_topic[topic] <= 0:
        del per_topic[topic]


def _score(evidence: float, words: int) -> float:
    # Long articles mention anything once in passing: normalise by length beyond ~600 tokens. Briefs
    # (a wire alert, a one-paragraph item) say everything in a few words: scale their evidence up.
    evidence /= max(1.0, math.sqrt(words / _LONG_TOKENS))
    evidence *= max(1.0, math.sqrt(_SHORT_TOKENS / max(words, 20)))
    return 1.0 - math.exp(-evidence / _SCALE)
