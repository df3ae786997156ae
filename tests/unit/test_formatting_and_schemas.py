from __future__ import annotations

import orjson
import pytest
from jsonschema import Draft202012Validator

from workers.formatting import event_line, format_record
from workers.schemas import SCHEMA_DIR, SCHEMA_FILES, validator


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    doc = orjson.loads((SCHEMA_DIR / SCHEMA_FILES[name]).read_bytes())
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(doc)


def _event(**overrides: object) -> dict[str, object]:
    event = {
        "event_id": "abc123def456", "event_type": "OFFICIAL_MEETING", "status": "occurred", "confidence": 0.8,
        "actors": [{"text": "Nielsen", "canonical": "Kirstjen Nielsen", "label": "PERSON", "country": "USA",
                    "role": None}],
        "countries": ["MEX", "USA"],
        "location": {"text": "Miami", "canonical": "Miami", "country": "USA", "lat": 25.77, "lon": -80.19},
        "date": {"text": "Tuesday", "resolved": "2019-03-26", "granularity": "day", "anchor": "published_at"},
        "quantities": [], "policies": [],
        "evidence": {"sentence": "Nielsen met her counterpart.", "start": 0, "end": 28},
        "source": {"item_id": "i", "url": None, "outlet": None, "published_at": None},
    }
    event.update(overrides)
    return event


def test_event_schema_accepts_a_full_event_and_rejects_bad_fields() -> None:
    events = validator("migration.policy-events.v1")
    events.validate(_event())
    assert not events.is_valid(_event(status="maybe"))
    assert not events.is_valid(_event(countries=["us"]))
    assert not events.is_valid(_event(date={"text": "x", "resolved": "March", "granularity": "month"}))


def test_enriched_schema_references_the_event_schema() -> None:
    record = {"item_id": "i", "url": None, "source": None, "title": None, "published_at": None, "language": "en",
              "relevance": {"migration": True, "score": 0.9, "topics": ["migration"]},
              "entities": [], "events": [_event()],
              "processing": {"pipeline_version": "x", "model": "m", "duration_ms": 1.0, "warnings": []}}
    enriched = validator("news.enriched.v1")
    enriched.validate(record)
    record["events"] = [_event(status="maybe")]
    assert not enriched.is_valid(record)


def test_event_line_is_one_readable_line() -> None:
    line = event_line(_event())
    assert "\n" not in line
    for part in ("OFFICIAL_MEETING", "occurred", "2019-03-26", "Kirstjen Nielsen", "Miami", "Nielsen met"):
        assert part in line


def test_format_record_picks_the_shape() -> None:
    assert format_record("t", {"reason": "invalid_json", "original": {}, "detail": "d"}).startswith("DLQ invalid_json")
    assert "MIGRATION" in format_record("t", {"item_id": "i", "relevance": {"migration": True, "score": 1.0}})
    assert format_record("t", b"raw") == "b'raw'"
