"""The processing steps between source and sinks, as pure functions (bytewax-style ok/err split).

    decode -> validate -> enrich (batched) -> ok: enriched items + events
                                           -> err: dead-letter records

Used by the Kafka worker and by the offline `borderlines enrich`; no Kafka imports here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from workers.codec import NewsItem, RawMessage, Rejection, dead_letter, decode_item, dumps

log = logging.getLogger(__name__)

EnrichFn = Callable[[list[dict[str, Any]], datetime], list[dict[str, Any]]]


@dataclass
class BatchResult:
    enriched: list[dict[str, Any]] = field(default_factory=list)
    dead_letters: list[dict[str, Any]] = field(default_factory=list)

    @property
    def events(self) -> list[dict[str, Any]]:
        return [event for record in self.enriched for event in record["events"]]


def process_batch(
    messages: Sequence[RawMessage],
    enrich: EnrichFn,
    *,
    max_message_bytes: int,
    max_record_bytes: int | None = None,
    now: datetime | None = None,
) -> BatchResult:
    """Decode, validate and enrich a batch; every message ends in exactly one of the two lists.

    An enriched record that cannot be serialised, or is over `max_record_bytes` once serialised, counts
    as an enrichment failure of its item (DLQ): publishing it would fail on every retry and stall the
    partition."""
    ingest_time = now or datetime.now(UTC)
    result = BatchResult()
    valid: list[tuple[RawMessage, NewsItem]] = []
    for message in messages:
        decoded = decode_item(message.value, max_message_bytes=max_message_bytes)
        if isinstance(decoded, Rejection):
            result.dead_letters.append(dead_letter(message, decoded, now=ingest_time))
        else:
            valid.append((message, decoded))
    if valid:
        _enrich_isolating_poison(valid, enrich, ingest_time, result, max_record_bytes)
    return result


def _enrich_isolating_poison(
    valid: list[tuple[RawMessage, NewsItem]], enrich: EnrichFn, ingest_time: datetime, result: BatchResult,
    max_record_bytes: int | None,
) -> None:
    """Enrich the whole batch at once (fast path); if it fails, retry item by item so one
    poisonous item goes to the DLQ and the rest of its batch is still published."""
    try:
        records = enrich([item.fields for _, item in valid], ingest_time)
        result.enriched.extend(_checked(records, len(valid), max_record_bytes))
        return
    except Exception:
        log.warning("batch enrichment failed; retrying %d items one by one", len(valid), exc_info=True)
    for message, item in valid:
        try:
            result.enriched.extend(_checked(enrich([item.fields], ingest_time), 1, max_record_bytes))
        except Exception as exc:
            log.error("enrichment failed for item %s: %s", item.item_id, type(exc).__name__)
            detail = f"{type(exc).__name__}: {exc}"[:500]
            rejection = Rejection("enrichment_failed", detail, item.item_id)
            result.dead_letters.append(dead_letter(message, rejection, now=ingest_time))


def _checked(records: list[dict[str, Any]], expected: int, max_record_bytes: int | None) -> list[dict[str, Any]]:
    if len(records) != expected:
        raise RuntimeError(f"enricher returned {len(records)} records for {expected} items")
    for record in records:
        size = len(dumps(record))  # raises on what cannot be serialised
        if max_record_bytes is not None and size > max_record_bytes:
            raise ValueError(f"enriched record is {size} bytes, over the {max_record_bytes}-byte limit")
    return records
