"""The Enricher facade: raw news items in, enriched items (entities, relevance, events) out.

The stream worker calls `enrich_batch`; it raises on a bad item rather than hiding it, so the worker can
retry the batch item by item and isolate the poison item.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, cast

from spacy.language import Language
from spacy.tokens import Doc

from workers.nlp import defaults
from workers.nlp.dates import anchor_from
from workers.nlp.doctext import remember_text
from workers.nlp.entities import extract_entities
from workers.nlp.events import extract_events
from workers.nlp.model import build_nlp
from workers.nlp.noise import blank_inline_junk
from workers.nlp.relevance import THRESHOLD, lexical_score, score_relevance, text_evidence
from workers.nlp.sentence_types import type_classifier
from workers.nlp.types import EnrichedItem, Event, Processing

PIPELINE_VERSION = "borderlines-nlp/1.11.0"  # 1.11: classifier trained on six more team sets; places read as things
# Events are extracted only where the body-level relevance reaches this share of the threshold; the final
# relevance (which also counts events) then decides whether they are kept.
_EVENT_GATE = 0.75
# Pre-filter: an item whose lexical score (words only, no parse) is below this gets the light path: NER
# and the gazetteer, no tagger/parser/lemmatizer, no event extraction. If the light path's relevance still
# reaches the event gate (named migration programmes add evidence), the item is parsed fully after all,
# so the pre-filter cannot hide an event. The gate is the event gate itself: an item in between (words
# alone below it) got a full parse that nothing used. On the 3,000 dev-feed items, 204 items lay between
# the old gate (0.2) and this one: 195 stay light, the 9 whose entities lift them over are re-parsed, and
# their relevance and events are the full pipeline's (docs/PERFORMANCE.md).
PREFILTER_GATE = THRESHOLD * _EVENT_GATE
# Items enriched outside a spaCy memory zone at start-up, to warm the tokenizer cache (see _memory_zone).
TOKENIZER_WARMUP_ITEMS = 500
# Components the light path skips; the statistical NER of the en_core_web_* pipelines has its own tok2vec.
_HEAVY_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer")

# A short item we wrote, enriched at start-up (see Enricher.warm_up).
WARMUP_ITEM = Path(__file__).parent / "data" / "warmup.json"

_PARAGRAPH_END = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]?\s")


def truncate_body(body: str, limit: int) -> str:
    """Cut `body` to at most `limit` characters, at the last paragraph break (else sentence end) that
    keeps at least half of the allowed text, so the parser never sees half a sentence."""
    if len(body) <= limit:
        return body
    head = body[:limit]
    floor = limit // 2
    cut = max((m.start() for m in _PARAGRAPH_END.finditer(head)), default=-1)
    if cut < floor:
        cut = max((m.end() for m in _SENTENCE_END.finditer(head)), default=-1)
    if cut < floor:
        cut = limit
    return body[:cut].rstrip()


def parse_groups(index: list[int], lengths: list[int], max_items: int, max_chars: int) -> list[list[int]]:
    """Cut `index` (in order) into groups of at most `max_items` items and, unless one item alone is
    longer, at most `max_chars` characters. The parser's working memory grows with the tokens in flight,
    so a character budget bounds the peak RSS where a count of items cannot: 32 short wire items and 32
    long features differ tenfold."""
    groups: list[list[int]] = []
    current: list[int] = []
    chars = 0
    for i, length in zip(index, lengths, strict=True):
        if current and (len(current) >= max_items or chars + length > max_chars):
            groups.append(current)
            current, chars = [], 0
        current.append(i)
        chars += length
    if current:
        groups.append(current)
    return groups


class _Prepared(NamedTuple):
    """An item ready to parse: the text to parse (the body cut to the limit, inline junk blanked), that
    body as received (the evidence quotes it), the title, warnings so far, and the words-only relevance
    evidence, computed once for both the pre-filter and the final judgement."""

    item: Mapping[str, Any]
    body: str
    title: str | None
    warnings: list[str]
    evidence: dict[str, float]
    received: str


def _quote_received(events: list[Event], prepared: _Prepared) -> None:
    """Evidence quotes the body as received: its offsets hold for the parsed text too (blanking keeps the
    length), but a reader checking `body[start:end]` must find the sentence there, junk and all."""
    if prepared.received is prepared.body:
        return
    for event in events:
        evidence = event["evidence"]
        evidence["sentence"] = prepared.received[evidence["start"] : evidence["end"]]


class Enricher:
    """Loads the spaCy pipeline once; enriches items in batches with `nlp.pipe` for throughput."""

    def __init__(
        self, model: str = defaults.MODEL, max_body_chars: int = defaults.MAX_BODY_CHARS,
        batch_size: int = defaults.BATCH_SIZE, prefilter: bool = False, parse_chars: int = defaults.PARSE_MAX_CHARS,
        warmup_items: int = TOKENIZER_WARMUP_ITEMS, matmul: str = defaults.MATMUL,
        learned_events: bool = defaults.LEARNED_EVENTS,
    ) -> None:
        self.model = model
        self.max_body_chars = max_body_chars
        self.batch_size = batch_size
        self.parse_chars = parse_chars
        self._warmup_left = warmup_items
        self.prefilter = prefilter
        self.learned_events = learned_events
        self.nlp: Language = build_nlp(model, matmul)
        self._light_disabled = [name for name in self.nlp.pipe_names if name in _HEAVY_COMPONENTS]

    def warm_up(self) -> EnrichedItem:
        """Enrich a built-in item once, before any real one: the first call builds lazy tables (cities,
        countries, officeholders), fills the tokenizer cache and pays spaCy's first-call costs, which made
        a worker's first batch about 2.4 s slower (measured), and trains the learned sentence classifier
        (about 1.7 s) when learned events are on. Returns the warm-up record."""
        if self.learned_events:
            type_classifier()
        item = json.loads(WARMUP_ITEM.read_text(encoding="utf-8"))
        return self.enrich_one(item, datetime.now(UTC))

    def enrich_one(self, item: Mapping[str, Any], ingest_time: datetime | None = None) -> EnrichedItem:
        return self.enrich_batch([item], ingest_time)[0]

    def enrich_batch(
        self, items: Sequence[Mapping[str, Any]], ingest_time: datetime | None = None
    ) -> list[EnrichedItem]:
        """One enriched item per input, same order. Raises on an item that cannot be processed.

        Runs in a spaCy memory zone: the strings and lexemes a batch adds to the shared vocab are evicted
        when it ends, so a worker that runs for weeks does not grow (no Doc outlives the batch)."""
        now = ingest_time or datetime.now(UTC)
        prepared = [self._prepare(item) for item in items]
        light = [self.prefilter and self._cannot_be_relevant(p) for p in prepared]
        out: list[EnrichedItem | None] = [None] * len(prepared)
        with self._memory_zone(len(prepared)):
            for index, docs, share in self._parse([p.body for p in prepared], light):
                for i, doc in zip(index, docs, strict=True):
                    out[i] = self._enrich_parsed(prepared[i], doc, now, share, light[i])
        missing = [i for i, enriched in enumerate(out) if enriched is None]
        if missing:  # never drop an item silently: the worker must publish or dead-letter each one
            raise RuntimeError(f"items at {missing} were not enriched")
        return cast(list[EnrichedItem], out)

    def _memory_zone(self, items: int) -> AbstractContextManager[object]:
        """spaCy's memory zone, except for the first `warmup_items` items: inside a zone the tokenizer
        does not fill its cache, which made tokenizing 3-4x slower on a cold cache (measured); a few
        hundred real items outside a zone warm it to within a few percent of the no-zone speed."""
        if self._warmup_left > 0:
            self._warmup_left -= items
            return nullcontext()
        return self.nlp.memory_zone()

    def _enrich_parsed(
        self, prepared: _Prepared, doc: Doc, now: datetime, share: float, is_light: bool
    ) -> EnrichedItem:
        item_started = time.perf_counter()
        enriched = self._enrich_doc(prepared, doc, now, light=is_light)
        if enriched is None:  # the light path found more than the words promised: parse fully
            full = remember_text(self.nlp(prepared.body), prepared.body)
            enriched = self._enrich_doc(prepared, full, now, light=False)
        assert enriched is not None
        elapsed = share + time.perf_counter() - item_started
        enriched["processing"]["duration_ms"] = round(elapsed * 1000.0, 3)
        return enriched

    def _cannot_be_relevant(self, prepared: _Prepared) -> bool:
        return lexical_score(prepared.body, topic_evidence=prepared.evidence) < PREFILTER_GATE

    def _parse(self, bodies: list[str], light: list[bool]) -> Iterator[tuple[list[int], list[Doc], float]]:
        """Full parses, then light (NER-only) parses, in `parse_groups` that go through `nlp.pipe`
        together: yields (indexes into `bodies`, their docs, the per-item share of the group's time).
        The caller enriches a group before the next is parsed, so only one group's docs are alive.
        Per-item time is shared evenly: nlp.pipe works in minibatches, so it is not observable per item."""
        for want_light in (False, True):
            index = [i for i, is_light in enumerate(light) if is_light == want_light]
            disable = self._light_disabled if want_light else []
            for group in parse_groups(index, [len(bodies[i]) for i in index], self.batch_size, self.parse_chars):
                started = time.perf_counter()
                texts = [bodies[i] for i in group]
                docs = list(self.nlp.pipe(texts, batch_size=len(group), disable=disable))
                docs = [remember_text(doc, text) for doc, text in zip(docs, texts, strict=True)]
                yield group, docs, (time.perf_counter() - started) / len(group)

    # ----------------------------------------------------------------------------------------

    def _prepare(self, item: Mapping[str, Any]) -> _Prepared:
        body = item.get("body")
        if body is None:
            body = ""
        if not isinstance(body, str):
            raise TypeError(f"item {item.get('id')!r}: body must be a string, got {type(body).__name__}")
        warnings: list[str] = []
        if len(body) > self.max_body_chars:
            warnings.append(f"body_truncated:{len(body)}")
            body = truncate_body(body, self.max_body_chars)
        title = item.get("title")
        title_text = title if isinstance(title, str) else None
        clean = blank_inline_junk(body)
        return _Prepared(item, clean, title_text, warnings, text_evidence(clean, title_text), body)

    def _enrich_doc(self, prepared: _Prepared, doc: Doc, now: datetime, *, light: bool) -> EnrichedItem | None:
        """The enriched item; None when `light` and the item turns out to need the full parse."""
        item, title_text = prepared.item, prepared.title
        warnings = list(prepared.warnings)  # a copy: a light attempt's warnings must not carry into the re-parse
        if "id" not in item:
            raise KeyError("item has no 'id'")
        published_at = item.get("published_at")
        anchor, anchor_kind = anchor_from(published_at if isinstance(published_at, str) else None, now)
        if anchor_kind == "ingest_time":
            warnings.append("published_at_missing:ingest_time_used")
        source = item.get("source")
        entities = extract_entities(doc, outlet=source if isinstance(source, str) else None)
        events: list[Event] = []
        relevance = score_relevance(doc, entities, [], title=title_text, topic_evidence=prepared.evidence)
        if light and relevance["score"] >= THRESHOLD * _EVENT_GATE:
            return None
        if relevance["score"] >= THRESHOLD * _EVENT_GATE:
            events = extract_events(doc, entities, item, anchor, anchor_kind, learned=self.learned_events)
            _quote_received(events, prepared)
            relevance = score_relevance(doc, entities, events, title=title_text, topic_evidence=prepared.evidence)
            if not relevance["migration"]:
                events = []  # events only for items judged migration-relevant (events.md)
        language = item.get("language")
        return EnrichedItem(
            item_id=str(item["id"]),
            url=item.get("url"),
            source=item.get("source"),
            title=title_text,
            published_at=published_at if isinstance(published_at, str) else None,
            language=language if isinstance(language, str) and language else "en",
            relevance=relevance,
            entities=entities,
            events=events,
            processing=Processing(
                pipeline_version=PIPELINE_VERSION, model=self.model, duration_ms=0.0, warnings=list(warnings),
                prefiltered=light,
            ),
        )
