"""Decode and validate raw news items; build dead-letter records. Pure: no Kafka here.

Every message ends as either a `NewsItem` or a `Rejection` with a machine-readable reason;
nothing in here raises on bad input.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from jsonschema.exceptions import best_match

from workers.schemas import validator

PIPELINE_VERSION = "borderlines/0.1.0"
# A DLQ record must itself fit in a Kafka message: oversized originals keep only a prefix,
# their hash and their coordinates (the full bytes stay on the raw topic).
DLQ_MAX_ORIGINAL_BYTES = 65_536

_TAG = re.compile(r"<[^>]{0,2000}>")
_ENTITY = re.compile(r"&[#a-zA-Z0-9]{1,10};")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class NewsItem:
    """A validated input item; `fields` is the decoded object with a cleaned body."""

    item_id: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class Rejection:
    reason: str  # one of the enum in schemas/news.dlq.v1.json
    detail: str
    item_id: str | None = None


@dataclass(frozen=True)
class RawMessage:
    """Coordinates and bytes of one consumed message (what the DLQ must preserve)."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None
    key: bytes | None
    value: bytes | None


def decode_item(value: bytes | None, *, max_message_bytes: int) -> NewsItem | Rejection:
    """Turn raw message bytes into a NewsItem, or say exactly why not."""
    if value is None:
        return Rejection("not_an_object", "message value is null (tombstone)")
    if len(value) > max_message_bytes:
        return Rejection("too_large", f"message is {len(value)} bytes, limit {max_message_bytes}")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection("invalid_utf8", f"byte {exc.start}: {exc.reason}")
    try:
        # orjson rejects lone surrogates and NaN, and limits nesting depth (1024), so
        # deeply nested input is rejected here instead of exhausting the stack.
        doc = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return Rejection("invalid_json", str(exc)[:300])
    if not isinstance(doc, dict):
        return Rejection("not_an_object", f"top-level JSON is {type(doc).__name__}, expected object")
    return _validate(doc)


def _validate(doc: dict[str, Any]) -> NewsItem | Rejection:
    raw_id = doc.get("id")
    item_id = raw_id if isinstance(raw_id, str) and raw_id else None
    version = doc.get("schema_version", 1)
    if version != 1:
        return Rejection("unsupported_schema_version", f"schema_version {version!r} is not supported (1)", item_id)
    error = best_match(validator("news.raw.v1").iter_errors(doc))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        return Rejection("schema_invalid", f"{where}: {error.message}"[:500], item_id)
    assert item_id is not None  # the schema requires a non-empty string id
    body = clean_body(doc["body"])
    if not body.strip():
        return Rejection("empty_body", "body has no text once markup and whitespace are removed", item_id)
    return NewsItem(item_id, {**doc, "body": body})


def clean_body(body: str) -> str:
    """Drop control characters; strip HTML only when the body is markup (keeps offsets stable otherwise)."""
    body = _CONTROL.sub(" ", body)
    if "<" in body and _TAG.search(body):
        body = _ENTITY.sub(" ", _TAG.sub(" ", body))
    return body


def dead_letter(message: RawMessage, rejection: Rejection, *, now: datetime | None = None) -> dict[str, Any]:
    """The DLQ record for a message: reason, detail and the original bytes (base64)."""
    value = message.value
    kept = value[:DLQ_MAX_ORIGINAL_BYTES] if value is not None else None
    return {
        "schema_version": 1,
        "reason": rejection.reason,
        "detail": rejection.detail,
        "item_id": rejection.item_id,
        "original": {
            "topic": message.topic,
            "partition": message.partition,
            "offset": message.offset,
            "timestamp_ms": message.timestamp_ms,
            "key_b64": _b64(message.key),
            "value_b64": _b64(kept),
            "value_bytes": len(value) if value is not None else 0,
            "value_sha256": hashlib.sha256(value or b"").hexdigest(),
            "value_truncated": value is not None and len(value) > DLQ_MAX_ORIGINAL_BYTES,
        },
        "failed_at": (now or datetime.now(UTC)).isoformat(),
        "pipeline_version": PIPELINE_VERSION,
    }


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def dumps(record: Any) -> bytes:
    return orjson.dumps(record)
