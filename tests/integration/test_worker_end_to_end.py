"""The worker on a real broker: enriched items, events and dead letters, validated against the schemas."""

from __future__ import annotations

import base64
from typing import Any

from tests.conftest import news_item
from tests.integration.conftest import consume, item_bytes, produce
from workers.schemas import validator


def _by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["item_id"]: r for r in records}


def test_valid_item_is_enriched_with_entities(settings, start_worker):
    start_worker(settings)
    item = news_item("it-entities", "Officials from Mexico and Guatemala met in Washington on Monday "
                                    "with Secretary of State Mike Pompeo to discuss migration.")
    produce(settings, [item_bytes(item)], [b"it-entities"])

    records = consume(settings, settings.topic_enriched, until=lambda rs: "it-entities" in _by_id(rs))
    record = _by_id(records)["it-entities"]
    validator("news.enriched.v1").validate({k: v for k, v in record.items() if not k.startswith("_")})
    assert record["_key"] == b"it-entities"
    canonicals = {e["canonical"] for e in record["entities"]}
    assert {"Mexico", "Guatemala"} <= canonicals
    assert any(e["label"] == "PERSON" for e in record["entities"])


def test_seed_article_yields_schema_valid_events(settings, start_worker, seed_item, seed_gold):
    start_worker(settings)
    produce(settings, [item_bytes(seed_item)], [seed_item["id"].encode()])

    gold_types = {e["type"] for e in seed_gold["gold"]["events"]}
    events = consume(settings, settings.topic_events,
                     until=lambda rs: gold_types <= {r["event_type"] for r in rs})
    for event in events:
        assert event["_key"] == event["event_id"].encode()
        validator("migration.policy-events.v1").validate({k: v for k, v in event.items() if not k.startswith("_")})
        assert event["source"]["item_id"] == seed_item["id"]
        body = seed_item["body"]
        assert body[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["sentence"]


def test_malformed_item_goes_to_dlq_and_next_item_is_processed(settings, start_worker):
    start_worker(settings)
    bad = b'{"id": "it-bad", "body": '
    wrong_type = item_bytes({"id": "it-wrong-type", "body": 42})
    good = item_bytes(news_item("it-after-bad", "The Border Patrol said agents detained 120 migrants."))
    produce(settings, [bad, wrong_type, good])

    dead = consume(settings, settings.topic_dlq, until=lambda rs: len(rs) >= 2)
    by_reason = {r["reason"]: r for r in dead}
    assert set(by_reason) == {"invalid_json", "schema_invalid"}
    assert base64.b64decode(by_reason["invalid_json"]["original"]["value_b64"]) == bad
    assert by_reason["schema_invalid"]["item_id"] == "it-wrong-type"
    assert "body" in by_reason["schema_invalid"]["detail"]
    for record in dead:
        validator("news.dlq.v1").validate({k: v for k, v in record.items() if not k.startswith("_")})

    enriched = consume(settings, settings.topic_enriched, until=lambda rs: "it-after-bad" in _by_id(rs))
    assert "it-bad" not in _by_id(enriched)
