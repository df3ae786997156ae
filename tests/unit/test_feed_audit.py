"""The feed audit's arithmetic (bench/feed_audit.py) and the shipped audit file's shape: no model, no feed."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import orjson
import pytest

from tests.conftest import load_script

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "feed_audit.py"


@pytest.fixture(scope="module")
def feed_audit() -> ModuleType:
    return load_script(_SCRIPT, "borderlines_feed_audit")


def _label(start: int, valid: bool, best_type: str | None = None, best_status: str | None = None) -> dict:
    return {"event_id": f"e{start}", "item_id": "i", "start": start, "end": start + 10, "event_type": "DEPORTATION",
            "status": "occurred", "valid": valid, "best_type": best_type, "best_status": best_status, "why": ""}


def _event(event_type: str, status: str) -> dict:
    return {"event_type": event_type, "status": status}


def test_the_fate_of_each_audited_event_is_counted(feed_audit: ModuleType) -> None:
    labels = [
        _label(0, True, "DEPORTATION", "occurred"),
        _label(20, True, "DEPORTATION", "planned"),
        _label(40, False),
        _label(60, False),
        _label(80, True, "DETENTION", "ongoing"),
    ]
    # found by item and evidence span, whatever type the event has now
    published = {
        ("i", 0, 10): [_event("DEPORTATION", "occurred")],
        ("i", 20, 30): [_event("DETENTION", "planned")],
        ("i", 40, 50): [_event("LEGISLATION", "occurred")],
        ("i", 100, 110): [_event("AGREEMENT", "occurred")],
    }
    counts = feed_audit.audit(labels, published)
    assert (counts["kept_valid"], counts["kept_invalid"]) == (2, 1)
    assert (counts["dropped_valid"], counts["dropped_invalid"]) == (1, 1)
    assert (counts["kept_valid_type_ok"], counts["kept_valid_status_ok"]) == (1, 2)
    assert counts["unjudged"] == 1
    assert "precision of the kept audited events: 0.667" in feed_audit.report(counts)


def test_one_sentences_events_meet_their_own_judgements(feed_audit: ModuleType) -> None:
    valid, invalid = _label(0, True, "DEPORTATION", "occurred"), {**_label(0, False), "event_type": "DETENTION"}
    published = {("i", 0, 10): [_event("DETENTION", "occurred"), _event("DEPORTATION", "occurred")]}
    pairs = feed_audit.pair([valid, invalid], published)
    assert [(label["event_type"], event["event_type"]) for label, event in pairs] == [
        ("DEPORTATION", "DEPORTATION"),
        ("DETENTION", "DETENTION"),
    ]


def test_the_shipped_audit_judges_each_event_once_and_copies_no_text(feed_audit: ModuleType) -> None:
    rows = [orjson.loads(line) for line in feed_audit.DEFAULT_LABELS.read_bytes().splitlines()]
    assert len({(row["item_id"], row["start"], row["end"], row["event_type"]) for row in rows}) == len(rows) > 0
    for row in rows:
        assert set(row) == {"event_id", "item_id", "start", "end", "event_type", "status", "valid", "best_type",
                            "best_status", "why"}
        assert 0 <= row["start"] < row["end"]
        assert (row["best_type"] is None) == (row["best_status"] is None) == (not row["valid"])
        assert len(row["why"].split()) <= 12  # a reason in the analyst's words, not the article's sentence
