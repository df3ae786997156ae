"""The ok/err split of a batch, with a stand-in enricher (pure code: no spaCy, no Kafka)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson

from workers.codec import RawMessage
from workers.pipeline import process_batch

NOW = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def _msg(offset: int, value: bytes) -> RawMessage:
    return RawMessage("news.raw.v1", 0, offset, None, None, value)


def _item(item_id: str, body: str = "text") -> bytes:
    return orjson.dumps({"id": item_id, "body": body})


class RecordingEnricher:
    """Returns a minimal record per item; raises for bodies containing 'POISON'."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, items: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
        self.calls.append([i["id"] for i in items])
        if any("POISON" in i["body"] for i in items):
            raise ValueError("cannot parse this")
        return [{"item_id": i["id"], "events": [{"event_id": i["id"] + "-e"}]} for i in items]


def test_every_message_ends_in_exactly_one_list() -> None:
    enrich = RecordingEnricher()
    messages = [_msg(0, _item("a")), _msg(1, b"nope"), _msg(2, _item("b")), _msg(3, b"{}")]
    result = process_batch(messages, enrich, max_message_bytes=10_000, now=NOW)
    assert [r["item_id"] for r in result.enriched] == ["a", "b"]
    assert [(d["original"]["offset"], d["reason"]) for d in result.dead_letters] == [
        (1, "invalid_json"), (3, "schema_invalid")]
    assert enrich.calls == [["a", "b"]]  # one batched call on the fast path
    assert [e["event_id"] for e in result.events] == ["a-e", "b-e"]


def test_poison_item_is_isolated_and_rest_of_batch_published() -> None:
    enrich = RecordingEnricher()
    messages = [_msg(0, _item("a")), _msg(1, _item("p", "POISON here")), _msg(2, _item("c"))]
    result = process_batch(messages, enrich, max_message_bytes=10_000, now=NOW)
    assert [r["item_id"] for r in result.enriched] == ["a", "c"]
    assert len(result.dead_letters) == 1
    dead = result.dead_letters[0]
    assert (dead["reason"], dead["item_id"], dead["original"]["offset"]) == ("enrichment_failed", "p", 1)
    assert "ValueError" in dead["detail"]
    assert enrich.calls == [["a", "p", "c"], ["a"], ["p"], ["c"]]


def test_enricher_returning_wrong_count_is_treated_as_failure() -> None:
    def short(items: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
        return [{"item_id": items[0]["id"], "events": []}] if len(items) == 1 else []

    result = process_batch([_msg(0, _item("a")), _msg(1, _item("b"))], short, max_message_bytes=10_000, now=NOW)
    assert [r["item_id"] for r in result.enriched] == ["a", "b"]
    assert result.dead_letters == []


def test_oversized_message_never_reaches_the_enricher() -> None:
    enrich = RecordingEnricher()
    result = process_batch([_msg(0, _item("big", "x" * 5000))], enrich, max_message_bytes=1024, now=NOW)
    assert result.enriched == []
    assert result.dead_letters[0]["reason"] == "too_large"
    assert enrich.calls == []


def test_record_that_cannot_be_published_is_dead_lettered_not_retried_forever() -> None:
    """An enriched record that cannot be serialised, or is too big for the output topic, would fail on every
    publish attempt and stall the partition: it is isolated like any enrichment failure."""

    def enrich(items: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for i in items:
            record: dict[str, Any] = {"item_id": i["id"], "events": []}
            if i["body"] == "unserialisable":
                record["value"] = object()
            if i["body"] == "huge":
                record["blob"] = "x" * 5000
            out.append(record)
        return out

    messages = [_msg(0, _item("a")), _msg(1, _item("b", "unserialisable")), _msg(2, _item("c", "huge"))]
    result = process_batch(messages, enrich, max_message_bytes=10_000, max_record_bytes=2000, now=NOW)
    assert [r["item_id"] for r in result.enriched] == ["a"]
    assert {d["item_id"]: d["reason"] for d in result.dead_letters} == {"b": "enrichment_failed",
                                                                        "c": "enrichment_failed"}
    assert "over the 2000-byte limit" in next(d for d in result.dead_letters if d["item_id"] == "c")["detail"]
