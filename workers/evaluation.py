"""Score the enrichment against gold annotations (`borderlines eval GOLD.jsonl`).

The scoring rules follow the "Gold annotations" section of the events contract:

* relevance: precision/recall/F1 of ``relevance.migration`` against ``gold.migration_relevant``;
* event types: precision/recall/F1 over (item, type) pairs;
* events: a predicted event matches a gold event of the same type when they share an actor,
  a country or the evidence sentence; matching is one-to-one (greedy on match strength), then
  status and date accuracy are measured on the matched pairs;
* entities: per document and label, sets of canonical names (PERSON, ORG, GPE, LOC).

Everything here is pure: the enrichment is injected as a callable (``run_eval``), so this module
imports neither the NLP pipeline nor Kafka. spaCy is only imported, lazily, for the bare-model
entity baseline.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENTITY_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC")

# The bar the enrichment must clear on unseen gold; keys are the names used by meets_bar().
THRESHOLDS: dict[str, float] = {
    "event_f1": 0.70,
    "event_type_f1": 0.80,
    "relevance_f1": 0.95,
    "status_accuracy": 0.85,
    "date_accuracy": 0.80,
    "entity_f1": 0.85,
}

# Below this share of gold-evidence tokens found in the predicted sentence, evidence does not overlap.
TOKEN_OVERLAP_MIN = 0.5

# Function words carry no evidence: without dropping them two unrelated sentences overlap easily.
_STOPWORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "her", "his",
        "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "they", "this", "to", "was",
        "were", "which", "will", "with",
    }
)  # fmt: skip
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_WS_RE = re.compile(r"\s+")


# --------------------------------------------------------------------------- small score records


@dataclass
class PRF:
    """Counts for precision/recall/F1. Empty predictions have vacuous precision 1.0 (nothing wrong
    was said) and empty gold vacuous recall 1.0, so a document with no gold and no prediction
    scores F1 1.0 while an empty prediction against non-empty gold scores recall 0 and F1 0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def prf_of_sets(gold: set[Any], pred: set[Any]) -> PRF:
    return PRF(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """None when there is nothing to measure (no matched pairs)."""
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if value is None else round(value, 4),
        }


@dataclass
class EntityScores:
    overall: PRF = field(default_factory=PRF)
    by_label: dict[str, PRF] = field(default_factory=lambda: {label: PRF() for label in ENTITY_LABELS})
    per_document: dict[str, PRF] = field(default_factory=dict)
    # (item_id, label, name) for the verbose listing.
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_label": {label: prf.to_dict() for label, prf in self.by_label.items()},
        }


@dataclass
class EventRecord:
    """A compact, printable view of one gold or predicted event (for error listings)."""

    item_id: str
    event_type: str
    status: str | None
    date: str | None
    actors: list[str]
    countries: list[str]
    evidence: str
    # the date as the record gives it; `date` differs only for a relative date of an undated item (see
    # _scored_date)
    date_as_resolved: str | None = None

    def describe(self) -> str:
        actors = ", ".join(self.actors) or "-"
        countries = ",".join(self.countries) or "-"
        return (
            f"{self.event_type} [{self.status}] date={self.date} actors=({actors}) "
            f"countries={countries} :: {_clip(self.evidence, 110)}"
        )


@dataclass
class MatchedPair:
    gold: EventRecord
    pred: EventRecord
    evidence_overlap: bool
    actor_overlap: int
    country_overlap: int

    @property
    def status_ok(self) -> bool:
        return self.gold.status == self.pred.status

    @property
    def date_ok(self) -> bool:
        return self.gold.date == self.pred.date

    @property
    def date_as_resolved_ok(self) -> bool:
        return self.gold.date == self.pred.date_as_resolved


@dataclass
class DocumentResult:
    item_id: str
    has_prediction: bool
    gold_relevant: bool
    pred_relevant: bool | None
    gold_events: int
    pred_events: int
    matched: int
    event_types: PRF
    events: PRF
    entities: PRF

    def to_dict(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "has_prediction": self.has_prediction,
            "gold_relevant": self.gold_relevant,
            "pred_relevant": self.pred_relevant,
            "gold_events": self.gold_events,
            "pred_events": self.pred_events,
            "matched": self.matched,
            "event_type_f1": round(self.event_types.f1, 4),
            "event_f1": round(self.events.f1, 4),
            "entity_f1": round(self.entities.f1, 4),
        }


@dataclass
class EvalReport:
    n_items: int = 0
    relevance: PRF = field(default_factory=PRF)
    event_types: PRF = field(default_factory=PRF)
    events: PRF = field(default_factory=PRF)
    events_by_type: dict[str, PRF] = field(default_factory=dict)
    status: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    date_gold_nonnull: Accuracy = field(default_factory=Accuracy)
    date_as_resolved: Accuracy = field(default_factory=Accuracy)
    entities: EntityScores = field(default_factory=EntityScores)
    bare_entities: EntityScores | None = None
    bare_model: str | None = None
    documents: list[DocumentResult] = field(default_factory=list)
    matched_pairs: list[MatchedPair] = field(default_factory=list)
    false_positives: list[EventRecord] = field(default_factory=list)
    false_negatives: list[EventRecord] = field(default_factory=list)
    missing_predictions: list[str] = field(default_factory=list)
    enrich_seconds: float | None = None

    def metric_values(self) -> dict[str, float | None]:
        return {
            "event_f1": self.events.f1,
            "event_type_f1": self.event_types.f1,
            "relevance_f1": self.relevance.f1,
            "status_accuracy": self.status.value,
            "date_accuracy": self.date.value,
            "entity_f1": self.entities.overall.f1,
        }

    def meets_bar(self) -> dict[str, bool]:
        """Pass/fail per threshold. An accuracy with no matched pairs cannot pass."""
        values = self.metric_values()
        return {
            name: values[name] is not None and values[name] >= bar  # type: ignore[operator]
            for name, bar in THRESHOLDS.items()
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_items": self.n_items,
            "relevance": self.relevance.to_dict(),
            "event_types": self.event_types.to_dict(),
            "events": self.events.to_dict(),
            "events_by_type": {t: prf.to_dict() for t, prf in sorted(self.events_by_type.items())},
            "status_accuracy": self.status.to_dict(),
            "date_accuracy": self.date.to_dict(),
            "date_accuracy_gold_nonnull": self.date_gold_nonnull.to_dict(),
            "date_accuracy_as_resolved": self.date_as_resolved.to_dict(),
            "entities": self.entities.to_dict(),
            "bare_entities": None if self.bare_entities is None else self.bare_entities.to_dict(),
            "bare_model": self.bare_model,
            "meets_bar": self.meets_bar(),
            "thresholds": dict(THRESHOLDS),
            "documents": [doc.to_dict() for doc in self.documents],
            "false_positives": [vars(e) for e in self.false_positives],
            "false_negatives": [vars(e) for e in self.false_negatives],
            "missing_predictions": list(self.missing_predictions),
            "enrich_seconds": self.enrich_seconds,
        }

    def format_text(self, verbose: bool = False) -> str:
        return "\n".join(_format_report(self, verbose))


# --------------------------------------------------------------------------- loading


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold items from a JSON-lines file, a single JSON object file, or a JSON array file."""
    text = Path(path).read_text(encoding="utf-8")
    items: list[Any]
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        # Not one JSON document: JSON lines (blank lines tolerated).
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        items = whole if isinstance(whole, list) else [whole]
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or "id" not in item or "gold" not in item:
            raise ValueError(f"{path}: record {number} is not a gold item (needs 'id' and 'gold')")
    return items


def gold_to_input(item: Mapping[str, Any]) -> dict[str, Any]:
    """The input item the worker would see: the gold item without its annotations."""
    return {key: value for key, value in item.items() if key not in ("gold", "notes")}


# --------------------------------------------------------------------------- normalisation helpers


# Dotted abbreviations of the names the contract canonicalises ("U.S." -> "United States"): one spelling of the
# same name, like its case. Acronyms ("UNHCR", "DHS") are not expanded: that needs a knowledge base, and the
# scorer uses none.
_ABBREVIATIONS = (
    (re.compile(r"(?<![\w.])u\.s\.(?:a\.)?(?![\w.])"), "united states"),
    (re.compile(r"(?<![\w.])u\.k\.(?![\w.])"), "united kingdom"),
    (re.compile(r"(?<![\w.])u\.n\.(?![\w.])"), "united nations"),
)


def norm_name(name: str) -> str:
    """Case-insensitive, whitespace-normalised, dotted abbreviations spelt out; accents are kept on purpose."""
    folded = _WS_RE.sub(" ", name).strip().casefold()
    for pattern, full in _ABBREVIATIONS:
        folded = pattern.sub(full, folded)
    return folded


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.casefold())


def _clip(text: str, width: int) -> str:
    text = _WS_RE.sub(" ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def _contains_words(longer: list[str], shorter: list[str]) -> bool:
    """True when `shorter` is a contiguous word run of `longer` ("Nielsen" in "Kirstjen Nielsen").
    Word-level rather than character-level so that "US" does not match "Business"."""
    n = len(shorter)
    if n == 0 or n > len(longer):
        return False
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def names_match(a: str, b: str) -> bool:
    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    ta, tb = _tokens(na), _tokens(nb)
    return _contains_words(ta, tb) or _contains_words(tb, ta)


# --------------------------------------------------------------------------- event views


def _gold_event_record(item_id: str, event: Mapping[str, Any]) -> EventRecord:
    return EventRecord(
        item_id=item_id,
        event_type=str(event.get("type", "")),
        status=event.get("status"),
        date=event.get("date"),
        actors=[str(a) for a in event.get("actors") or []],
        countries=sorted({str(c).upper() for c in event.get("countries") or []}),
        evidence=str(event.get("evidence") or ""),
        date_as_resolved=event.get("date"),
    )


def _actor_name(actor: Any) -> str:
    if isinstance(actor, Mapping):
        return str(actor.get("canonical") or actor.get("text") or "")
    return str(actor)


# A year written out makes a date the text's own, whatever the anchor ("on May 2, 2019", "in 2017").
_YEAR_WRITTEN = re.compile(r"\b(?:1[6-9]|20)\d{2}\b")


def _scored_date(date: Any) -> str | None:
    """The date compared with gold. An item without `published_at` has its relative dates ("on Tuesday",
    "last month") resolved against the ingest time, as the contract asks, and the record says so (anchor
    "ingest_time"). That date is the worker's estimate, not one the text gives; annotators leave it null, and
    so does the scorer. `date_accuracy_as_resolved` keeps it as resolved."""
    if not isinstance(date, Mapping):
        return None if date is None else str(date)
    resolved = date.get("resolved")
    if date.get("anchor") == "ingest_time" and not _YEAR_WRITTEN.search(str(date.get("text") or "")):
        return None
    return None if resolved is None else str(resolved)


def _pred_event_record(item_id: str, event: Mapping[str, Any]) -> EventRecord:
    date = event.get("date")
    resolved = date.get("resolved") if isinstance(date, Mapping) else date
    evidence = event.get("evidence")
    sentence = evidence.get("sentence", "") if isinstance(evidence, Mapping) else str(evidence or "")
    return EventRecord(
        item_id=item_id,
        event_type=str(event.get("event_type") or event.get("type") or ""),
        status=event.get("status"),
        date=_scored_date(date),
        actors=[name for name in (_actor_name(a) for a in event.get("actors") or []) if name],
        countries=sorted({str(c).upper() for c in event.get("countries") or []}),
        evidence=str(sentence or ""),
        date_as_resolved=resolved,
    )


def _pred_span(body: str, event: Mapping[str, Any]) -> tuple[int, int] | None:
    """Character span of the predicted evidence in the body: its offsets when they are sane,
    else wherever the sentence occurs."""
    evidence = event.get("evidence")
    if not isinstance(evidence, Mapping):
        return None
    start, end = evidence.get("start"), evidence.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
        return start, end
    sentence = str(evidence.get("sentence") or "")
    at = body.find(sentence) if sentence else -1
    return (at, at + len(sentence)) if at >= 0 else None


def token_overlap(gold_text: str, pred_text: str) -> float:
    """Share of the gold evidence's content words that occur in the predicted sentence."""
    gold = {t for t in _tokens(gold_text) if t not in _STOPWORDS}
    if not gold:
        return 0.0
    pred = set(_tokens(pred_text))
    return len(gold & pred) / len(gold)


def evidence_overlaps(
    body: str, gold_evidence: str, pred_event: Mapping[str, Any], pred_sentence: str
) -> bool:
    if not gold_evidence:
        return False
    at = body.find(gold_evidence)
    if at >= 0:
        span = _pred_span(body, pred_event)
        if span is not None:
            return span[0] < at + len(gold_evidence) and at < span[1]
    # Gold evidence not quoted verbatim (or the prediction cannot be located): compare words.
    return token_overlap(gold_evidence, pred_sentence) >= TOKEN_OVERLAP_MIN


def _actor_overlap(gold_actors: Sequence[str], pred_actors: Sequence[str]) -> int:
    """Number of gold actors matched by some predicted actor."""
    return sum(1 for g in gold_actors if any(names_match(g, p) for p in pred_actors))


def match_events(
    item_id: str,
    body: str,
    gold_events: Sequence[Mapping[str, Any]],
    pred_events: Sequence[Mapping[str, Any]],
) -> tuple[list[MatchedPair], list[EventRecord], list[EventRecord]]:
    """One-to-one greedy matching of one document's events.

    Candidate pairs have the same type and share evidence, an actor or a country; they are taken
    strongest first (evidence overlap, then number of shared actors, then shared countries), ties
    in document order, and each event is used at most once.
    Returns (matched pairs, unmatched gold, unmatched predictions).
    """
    golds = [_gold_event_record(item_id, e) for e in gold_events]
    preds = [_pred_event_record(item_id, e) for e in pred_events]
    candidates: list[tuple[tuple[int, int, int], int, int]] = []
    for gi, gold in enumerate(golds):
        for pi, (pred, pred_raw) in enumerate(zip(preds, pred_events, strict=True)):
            if gold.event_type != pred.event_type:
                continue
            ev = int(evidence_overlaps(body, gold.evidence, pred_raw, pred.evidence))
            actors = _actor_overlap(gold.actors, pred.actors)
            countries = len(set(gold.countries) & set(pred.countries))
            if ev or actors or countries:
                candidates.append(((ev, actors, countries), gi, pi))
    # Stable sort: among equal strengths the earlier gold, then the earlier prediction, wins.
    candidates.sort(key=lambda c: (-c[0][0], -c[0][1], -c[0][2], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    chosen: list[tuple[int, MatchedPair]] = []
    for (ev, actors, countries), gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        chosen.append((gi, MatchedPair(golds[gi], preds[pi], bool(ev), actors, countries)))
    pairs = [pair for _, pair in sorted(chosen, key=lambda c: c[0])]
    missed = [g for i, g in enumerate(golds) if i not in used_gold]
    spurious = [p for i, p in enumerate(preds) if i not in used_pred]
    return pairs, missed, spurious


# --------------------------------------------------------------------------- entities


def _gold_entity_sets(gold: Mapping[str, Any]) -> dict[str, set[str]]:
    entities = gold.get("entities") or {}
    return {
        label: {norm_name(n) for n in entities.get(label) or [] if norm_name(n)} for label in ENTITY_LABELS
    }


def _pred_entity_sets(prediction: Mapping[str, Any] | None) -> dict[str, set[str]]:
    sets: dict[str, set[str]] = {label: set() for label in ENTITY_LABELS}
    for entity in (prediction or {}).get("entities") or []:
        label = entity.get("label")
        if label not in sets:
            continue  # other labels (DATE, NORP, POLICY, ...) are not scored
        name = norm_name(str(entity.get("canonical") or entity.get("text") or ""))
        if name:
            sets[label].add(name)
    return sets


def _score_entities_into(
    scores: EntityScores, item_id: str, gold: Mapping[str, Any], prediction: Mapping[str, Any] | None
) -> PRF:
    gold_sets, pred_sets = _gold_entity_sets(gold), _pred_entity_sets(prediction)
    doc = PRF()
    for label in ENTITY_LABELS:
        g, p = gold_sets[label], pred_sets[label]
        label_prf = prf_of_sets(g, p)
        scores.by_label[label].add(label_prf)
        doc.add(label_prf)
        scores.false_negatives.extend((item_id, label, name) for name in sorted(g - p))
        scores.false_positives.extend((item_id, label, name) for name in sorted(p - g))
    scores.overall.add(doc)
    scores.per_document[item_id] = doc
    return doc


def _index_predictions(predictions: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {str(p.get("item_id")): p for p in predictions}


def score_entities(
    gold_items: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]
) -> EntityScores:
    """Entity scores only: predictions need nothing but `item_id` and `entities`."""
    by_id = _index_predictions(predictions)
    scores = EntityScores()
    for item in gold_items:
        item_id = str(item["id"])
        _score_entities_into(scores, item_id, item.get("gold") or {}, by_id.get(item_id))
    return scores


# --------------------------------------------------------------------------- full scoring


def _types(events: Iterable[EventRecord]) -> set[str]:
    return {e.event_type for e in events}


def score(gold_items: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]) -> EvalReport:
    """Score enriched items against gold items (matched on prediction `item_id` == gold `id`).

    A gold item without a prediction counts as an empty prediction (not relevant, no events, no
    entities) and is listed in `missing_predictions`; predictions without gold are ignored.
    """
    by_id = _index_predictions(predictions)
    report = EvalReport(n_items=len(gold_items))
    for item in gold_items:
        item_id = str(item["id"])
        gold = item.get("gold") or {}
        prediction = by_id.get(item_id)
        if prediction is None:
            report.missing_predictions.append(item_id)
        report.documents.append(_score_document(report, item, gold, prediction))
    return report


def _score_document(
    report: EvalReport, item: Mapping[str, Any], gold: Mapping[str, Any], prediction: Mapping[str, Any] | None
) -> DocumentResult:
    item_id = str(item["id"])
    body = str(item.get("body") or "")
    gold_events = list(gold.get("events") or [])
    pred = prediction or {}
    pred_events = list(pred.get("events") or [])

    gold_relevant = bool(gold.get("migration_relevant", bool(gold_events)))
    relevance = pred.get("relevance")
    pred_relevant = bool(relevance.get("migration")) if isinstance(relevance, Mapping) else None
    report.relevance.add(
        prf_of_sets({item_id} if gold_relevant else set(), {item_id} if pred_relevant else set())
    )

    pairs, missed, spurious = match_events(item_id, body, gold_events, pred_events)
    gold_records = [p.gold for p in pairs] + missed
    pred_records = [p.pred for p in pairs] + spurious
    type_prf = prf_of_sets(_types(gold_records), _types(pred_records))
    report.event_types.add(type_prf)

    event_prf = PRF(tp=len(pairs), fp=len(spurious), fn=len(missed))
    report.events.add(event_prf)
    for pair in pairs:
        report.events_by_type.setdefault(pair.gold.event_type, PRF()).tp += 1
        report.status.add(pair.status_ok)
        report.date.add(pair.date_ok)
        if pair.gold.date is not None:
            report.date_gold_nonnull.add(pair.date_ok)
        report.date_as_resolved.add(pair.date_as_resolved_ok)
    for rec in missed:
        report.events_by_type.setdefault(rec.event_type, PRF()).fn += 1
    for rec in spurious:
        report.events_by_type.setdefault(rec.event_type, PRF()).fp += 1
    report.matched_pairs.extend(pairs)
    report.false_negatives.extend(missed)
    report.false_positives.extend(spurious)

    entity_prf = _score_entities_into(report.entities, item_id, gold, prediction)
    return DocumentResult(
        item_id=item_id,
        has_prediction=prediction is not None,
        gold_relevant=gold_relevant,
        pred_relevant=pred_relevant,
        gold_events=len(gold_events),
        pred_events=len(pred_events),
        matched=len(pairs),
        event_types=type_prf,
        events=event_prf,
        entities=entity_prf,
    )


# --------------------------------------------------------------------------- bare spaCy baseline


def bare_spacy_entities(items: Sequence[Mapping[str, Any]], model: str) -> list[dict[str, Any]]:
    """Entities of the bare spaCy model on each item's body (canonical = the entity text), so the
    report can show what our canonicalisation adds over the raw model."""
    import spacy  # lazy: scoring itself must not need spaCy

    nlp = spacy.load(model)
    bodies = [str(item.get("body") or "") for item in items]
    predictions: list[dict[str, Any]] = []
    for item, doc in zip(items, nlp.pipe(bodies), strict=True):
        entities = [
            {
                "text": ent.text,
                "label": ent.label_,
                "start": ent.start_char,
                "end": ent.end_char,
                "canonical": ent.text,
                "country": None,
            }
            for ent in doc.ents
        ]
        predictions.append({"item_id": str(item["id"]), "entities": entities})
    return predictions


# --------------------------------------------------------------------------- driver


def run_eval(
    gold_path: str | Path,
    enrich: Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
    *,
    bare_model: str | None = None,
) -> EvalReport:
    """Enrich the gold items with the injected `enrich` (e.g. ``Enricher(...).enrich_batch``),
    score them, and optionally score the bare spaCy model's entities alongside."""
    gold_items = load_gold(gold_path)
    inputs = [gold_to_input(item) for item in gold_items]
    started = time.perf_counter()
    predictions = enrich(inputs)
    elapsed = time.perf_counter() - started
    report = score(gold_items, predictions)
    report.enrich_seconds = elapsed
    if bare_model:
        report.bare_model = bare_model
        report.bare_entities = score_entities(gold_items, bare_spacy_entities(inputs, bare_model))
    return report


# --------------------------------------------------------------------------- text report


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def _prf_row(name: str, prf: PRF, bar_key: str | None, passes: Mapping[str, bool]) -> str:
    row = (
        f"  {name:<22} P {_fmt(prf.precision)}  R {_fmt(prf.recall)}  F1 {_fmt(prf.f1)}"
        f"   (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
    )
    if bar_key:
        row += f"   bar F1 >= {THRESHOLDS[bar_key]:.2f} {'PASS' if passes[bar_key] else 'FAIL'}"
    return row


def _acc_row(name: str, acc: Accuracy, bar_key: str | None, passes: Mapping[str, bool]) -> str:
    row = f"  {name:<22} {_fmt(acc.value)}   ({acc.correct}/{acc.total} matched pairs)"
    if bar_key:
        row += f"   bar >= {THRESHOLDS[bar_key]:.2f} {'PASS' if passes[bar_key] else 'FAIL'}"
    return row


def _format_report(report: EvalReport, verbose: bool) -> list[str]:
    passes = report.meets_bar()
    lines = [f"Evaluation on {report.n_items} gold items"]
    if report.enrich_seconds is not None:
        lines[0] += f" (enrichment took {report.enrich_seconds:.2f}s)"
    if report.missing_predictions:
        lines.append(
            f"  WARNING: no prediction for {len(report.missing_predictions)} items: "
            + ", ".join(report.missing_predictions)
        )
    lines += [
        "",
        "Headline (micro-averaged)",
        _prf_row("relevance", report.relevance, "relevance_f1", passes),
        _prf_row("event types", report.event_types, "event_type_f1", passes),
        _prf_row("events", report.events, "event_f1", passes),
        _acc_row("status accuracy", report.status, "status_accuracy", passes),
        _acc_row("date accuracy", report.date, "date_accuracy", passes),
        _acc_row("date acc (gold dated)", report.date_gold_nonnull, None, passes),
        _acc_row("date acc (ingest-time dates kept)", report.date_as_resolved, None, passes),
        _prf_row("entities", report.entities.overall, "entity_f1", passes),
        "",
        f"Bar: {'PASS' if all(passes.values()) else 'FAIL'} "
        f"({sum(passes.values())}/{len(passes)} thresholds met)",
        "",
        "Entities by label" + (f" (ours vs bare {report.bare_model})" if report.bare_entities else ""),
    ]
    for label in ENTITY_LABELS:
        lines.append(_prf_row(label, report.entities.by_label[label], None, passes))
        if report.bare_entities is not None:
            lines.append(_prf_row(f"  bare {label}", report.bare_entities.by_label[label], None, passes))
    if report.bare_entities is not None:
        lines.append(_prf_row("  bare overall", report.bare_entities.overall, None, passes))
    lines += ["", "Events by type"]
    for event_type, prf in sorted(report.events_by_type.items()):
        lines.append(_prf_row(event_type, prf, None, passes))
    lines += ["", "Per document", _doc_header()]
    lines += [_doc_row(doc) for doc in report.documents]
    if verbose:
        lines += _verbose_sections(report)
    return lines


def _doc_header() -> str:
    return (
        f"  {'id':<28} {'rel g/p':<8} {'gold':>4} {'pred':>4} {'match':>5} "
        f"{'typeF1':>6} {'evF1':>5} {'entF1':>5}"
    )


def _doc_row(doc: DocumentResult) -> str:
    pred_rel = "-" if doc.pred_relevant is None else ("T" if doc.pred_relevant else "F")
    rel = f"{'T' if doc.gold_relevant else 'F'}/{pred_rel}"
    return (
        f"  {_clip(doc.item_id, 28):<28} {rel:<8} {doc.gold_events:>4} {doc.pred_events:>4} {doc.matched:>5} "
        f"{doc.event_types.f1:>6.2f} {doc.events.f1:>5.2f} {doc.entities.f1:>5.2f}"
    )


def _verbose_sections(report: EvalReport) -> list[str]:
    lines = ["", f"False negatives (gold events not found): {len(report.false_negatives)}"]
    lines += [f"  {e.item_id}: {e.describe()}" for e in report.false_negatives]
    lines += ["", f"False positives (predicted events not in gold): {len(report.false_positives)}"]
    lines += [f"  {e.item_id}: {e.describe()}" for e in report.false_positives]
    wrong = [p for p in report.matched_pairs if not (p.status_ok and p.date_ok)]
    lines += ["", f"Matched pairs with a wrong status or date: {len(wrong)}"]
    for pair in wrong:
        # Upper-case marks the wrong field so the eye finds it in a long listing.
        status = "STATUS" if not pair.status_ok else "status"
        date = "DATE" if not pair.date_ok else "date"
        lines.append(
            f"  {pair.gold.item_id}: {pair.gold.event_type} {status} gold={pair.gold.status} "
            f"pred={pair.pred.status}; {date} gold={pair.gold.date} pred={pair.pred.date} "
            f":: {_clip(pair.gold.evidence, 80)}"
        )
    lines += ["", "Entity errors (fn = missed gold, fp = spurious)"]
    lines += [f"  fn {i} {label:<6} {name}" for i, label, name in report.entities.false_negatives]
    lines += [f"  fp {i} {label:<6} {name}" for i, label, name in report.entities.false_positives]
    return lines
