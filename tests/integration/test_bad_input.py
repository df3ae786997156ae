"""Hostile input on the real broker: every bad message lands on news.dlq.v1 with a clear reason and its
original bytes, the worker keeps going, and what can be cleaned (control characters, markup) is processed."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import orjson
import pytest

from tests.conftest import news_item
from tests.integration.conftest import produce
from tests.integration.reconcile import Collector, reconcile
from workers.codec import DLQ_MAX_ORIGINAL_BYTES
from workers.schemas import validator

pytestmark = [pytest.mark.reliability]


def _json(doc: Any) -> bytes:
    return orjson.dumps(doc)


# name -> (value, expected reason, expected item_id in the dead letter)
HOSTILE: dict[str, tuple[bytes | None, str, str | None]] = {
    "not-json": (b"this is not json {", "invalid_json", None),
    "invalid-utf8": (b'{"id": "bad-utf8", "body": "caf\xe9 au lait"}', "invalid_utf8", None),
    "lone-surrogate": (b'{"id": "surrogate", "body": "\\ud800 text"}', "invalid_json", None),
    "nan": (b'{"id": "nan", "body": "text", "score": NaN}', "invalid_json", None),
    "json-array": (b"[1, 2, 3]", "not_an_object", None),
    "json-string": (b'"just a string"', "not_an_object", None),
    "json-null": (b"null", "not_an_object", None),
    "tombstone": (None, "not_an_object", None),
    "missing-body": (_json({"id": "missing-body"}), "schema_invalid", "missing-body"),
    "empty-body": (_json({"id": "empty-body", "body": ""}), "schema_invalid", "empty-body"),
    "missing-id": (_json({"body": "Officials met in Madrid."}), "schema_invalid", None),
    "body-wrong-type": (_json({"id": "body-wrong-type", "body": 42}), "schema_invalid", "body-wrong-type"),
    "id-wrong-type": (_json({"id": 12345, "body": "Officials met in Madrid."}), "schema_invalid", None),
    "published-at-wrong-type": (_json({"id": "date-type", "body": "Officials met.", "published_at": 20240506}),
                                "schema_invalid", "date-type"),
    "schema-version-2": (_json({"id": "v2", "body": "Officials met.", "schema_version": 2}),
                         "unsupported_schema_version", "v2"),
    "five-megabytes": (_json({"id": "huge", "body": "migrants crossed the border. " * 180_000}), "too_large", None),
    "deeply-nested": (b"[" * 100_000 + b"]" * 100_000, "invalid_json", None),
    "nested-field": (b'{"id": "deep-field", "body": "text", "extra": ' + b"[" * 5000 + b"]" * 5000 + b"}",
                     "invalid_json", None),
    "html-only": (_json({"id": "html-only", "body": "<div><p></p><br/><img src='x.png'></div>"}),
                  "empty_body", "html-only"),
    "whitespace-only": (_json({"id": "whitespace-only", "body": " \n\t  \r\n "}), "empty_body", "whitespace-only"),
    "control-only": (_json({"id": "control-only", "body": "\x00\x01\x02\x1b\x7f"}), "empty_body", "control-only"),
}

CONTROL_BODY = "Officials\x00 from Mexico\x07 met in Madrid\x1b on Monday to discuss migration."


def test_hostile_messages_go_to_the_dlq_and_the_worker_keeps_going(settings, start_worker, record_property):
    s = settings
    good = {
        "control-chars": news_item("control-chars", CONTROL_BODY),
        "null-key": news_item("null-key", "The border patrol said agents detained 120 migrants near Tijuana."),
        "html-with-text": news_item("html-with-text", "<p>Officials from <b>Spain</b> and Morocco met in "
                                                      "Rabat on migration.</p>"),
        "duplicate": news_item("duplicate", "Spain and Morocco signed an agreement on the return of irregular "
                                            "migrants in Rabat on Tuesday."),
    }
    values: list[bytes | None] = []
    keys: list[bytes | None] = []
    for name, (value, _, _) in HOSTILE.items():
        values.append(value)
        keys.append(f"key-{name}".encode())
    for name, item in good.items():
        values.append(_json(item))
        keys.append(None if name == "null-key" else item["id"].encode())
    values.append(_json(good["duplicate"]))  # the same item a second time
    keys.append(b"duplicate")
    sentinel = news_item("sentinel-after-bad", "Farmers in Poland protested outside the parliament in Warsaw.")
    values.append(_json(sentinel))
    keys.append(b"sentinel-after-bad")

    start_worker(s)
    produce(s, values, keys)  # type: ignore[arg-type]
    collector = Collector(s, [s.topic_enriched, s.topic_dlq, s.topic_events])
    expected_enriched = [*good, "sentinel-after-bad"]
    collector.until(lambda c: len(c.records[s.topic_dlq]) >= len(HOSTILE)
                    and {"sentinel-after-bad", "duplicate", *good} <= set(c.ids(s.topic_enriched))
                    and c.ids(s.topic_enriched).count("duplicate") >= 2,
                    120, "every hostile message dead-lettered and every good one enriched")
    collector.drain()

    dead = [value for _, value in collector.records[s.topic_dlq]]
    assert len(dead) == len(HOSTILE)
    by_sha = {d["original"]["value_sha256"]: d for d in dead}
    for name, (value, reason, item_id) in HOSTILE.items():
        record = by_sha[hashlib.sha256(value or b"").hexdigest()]
        validator("news.dlq.v1").validate(record)
        assert record["reason"] == reason, (name, record["reason"], record["detail"])
        assert record["detail"], name
        assert record["item_id"] == item_id, name
        original = record["original"]
        assert base64.b64decode(original["key_b64"]) == f"key-{name}".encode()
        if value is None:
            assert original["value_b64"] is None and original["value_bytes"] == 0
            continue
        kept = base64.b64decode(original["value_b64"])
        assert original["value_bytes"] == len(value)
        if len(value) > DLQ_MAX_ORIGINAL_BYTES:
            assert original["value_truncated"] is True and kept == value[:DLQ_MAX_ORIGINAL_BYTES]
        else:
            assert original["value_truncated"] is False and kept == value, name
    huge = by_sha[hashlib.sha256(HOSTILE["five-megabytes"][0] or b"").hexdigest()]
    assert HOSTILE["five-megabytes"][0] is not None and len(HOSTILE["five-megabytes"][0]) > 5_000_000
    assert "limit 1048576" in huge["detail"]

    enriched: dict[str, list[dict[str, Any]]] = {}
    for key, value in collector.records[s.topic_enriched]:
        assert key == value["item_id"].encode()  # also for the item produced with a null key
        enriched.setdefault(value["item_id"], []).append(value)
    assert set(enriched) == set(expected_enriched)

    # control characters are replaced by spaces (same length): offsets still point into the body as sent
    control = enriched["control-chars"][0]
    mexico = next(e for e in control["entities"] if e["canonical"] == "Mexico")
    assert CONTROL_BODY[mexico["start"]:mexico["end"]] == "Mexico"
    assert not control["processing"]["warnings"]
    # markup is stripped from an HTML body before NLP
    assert any(e["canonical"] == "Spain" for e in enriched["html-with-text"][0]["entities"])

    # duplicate ids are processed twice, deduplicable by key: same content, same event ids
    first, second = enriched["duplicate"]

    def content(record: dict[str, Any]) -> dict[str, Any]:
        return {**record, "processing": {k: v for k, v in record["processing"].items() if k != "duration_ms"}}

    assert content(first) == content(second)
    assert first["events"], "the duplicate item was chosen to yield events"
    event_ids = [key for key, value in collector.records[s.topic_events] if value["source"]["item_id"] == "duplicate"]
    assert len(event_ids) == 2 * len(first["events"]) and len(set(event_ids)) == len(first["events"])
    print("\nduplicate id: processed twice, deduplicable by key (same enriched content and event ids)")

    # reconcile by id; hostile messages have no usable id, so each is named by the hash of its bytes
    ids_sent = [*(f"hostile:{n}" for n in HOSTILE), *expected_enriched]
    names = {hashlib.sha256(v or b"").hexdigest(): f"hostile:{n}" for n, (v, _, _) in HOSTILE.items()}
    collector.records[s.topic_dlq] = [(None, {**d, "item_id": names[d["original"]["value_sha256"]]}) for d in dead]
    result = reconcile("bad-input", ids_sent, collector, s, record_property)
    assert result.missing == 0 and result.unexpected == 0 and result.duplicates == 1  # the duplicate id
    collector.close()
