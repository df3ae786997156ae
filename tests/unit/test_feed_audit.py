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


def _label(event_id: str, valid: bool, best_type: str | None = None, best_status: str | None = None) -> dict:
    return {"event_id": event_id, "item_id": "i", "event_type": "DEPORTATION", "status": "occurred",
            "valid": valid, "best_type": best_type, "best_status": best_status, "why": ""}


def test_the_fate_of_each_audited_event_is_counted(feed_audit: ModuleType) -> None:
    labels = [
        _label("a", True, "DEPORTATION", "occurred"),
        _label("b", True, "DEPORTATION", "planned"),
        _label("c", False),
        _label("d", False),
        _label("e", True, "DETENTION", "ongoing"),
    ]
    published = {
        "a": {"event_type": "DEPORTATION", "status": "occurred"},
        "b": {"event_type": "DETENTION", "status": "planned"},
        "c": {"event_type": "LEGISLATION", "status": "occurred"},
        "z": {"event_type": "AGREEMENT", "status": "occurred"},
    }
    counts = feed_audit.audit(labels, published)
    assert (counts["kept_valid"], counts["kept_invalid"]) == (2, 1)
    assert (counts["dropped_valid"], counts["dropped_invalid"]) == (1, 1)
    assert (counts["kept_valid_type_ok"], counts["kept_valid_status_ok"]) == (1, 2)
    assert counts["unjudged"] == 1
    assert "precision of the kept audited events: 0.667" in feed_audit.report(counts)


def test_the_shipped_audit_judges_each_event_once_and_copies_no_text(feed_audit: ModuleType) -> None:
    rows = [orjson.loads(line) for line in feed_audit.DEFAULT_LABELS.read_bytes().splitlines()]
    assert len({row["event_id"] for row in rows}) == len(rows) > 0
    for row in rows:
        assert set(row) == {"event_id", "item_id", "event_type", "status", "valid", "best_type", "best_status", "why"}
        assert (row["best_type"] is None) == (row["best_status"] is None) == (not row["valid"])
        assert len(row["why"].split()) <= 12  # a reason in the analyst's words, not the article's sentence
