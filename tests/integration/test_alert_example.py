"""examples/alert_consumer.py on the real broker: duplicates are alerted once, types filter."""

from __future__ import annotations

import subprocess
import sys

import orjson

from tests.integration.conftest import REPO, produce


def _event(event_id: str, event_type: str) -> bytes:
    return orjson.dumps({
        "event_id": event_id, "event_type": event_type, "status": "occurred", "confidence": 0.9,
        "actors": [{"canonical": "Department of Homeland Security"}], "date": {"resolved": "2019-02"},
        "evidence": {"sentence": f"sentence of {event_id}", "start": 0, "end": 10},
        "source": {"outlet": "test", "url": "https://example.test/x"},
    })


def test_alert_consumer_deduplicates_and_filters(settings):
    events = [_event("e1", "DEPORTATION"), _event("e2", "COURT_RULING"), _event("e1", "DEPORTATION"),
              _event("e3", "OFFICIAL_VISIT")]
    # keyed by event id, as the worker publishes them
    produce(settings, events, keys=[b"e1", b"e2", b"e1", b"e3"], topic=settings.topic_events)
    run = subprocess.run(
        [sys.executable, "examples/alert_consumer.py", "--bootstrap", settings.kafka_bootstrap,
         "--topic", settings.topic_events, "--group", settings.app_id + "-alerts",
         "--types", "DEPORTATION,COURT_RULING", "--max-idle-s", "4"],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    # the events sit on several partitions, so the alerts may come in either order
    lines = sorted(run.stdout.strip().splitlines())
    assert len(lines) == 2, lines
    assert lines[0].startswith("[COURT_RULING / occurred] 2019-02: Department of Homeland Security")
    assert "sentence of e2" in lines[0]
    assert lines[1].startswith("[DEPORTATION / occurred] 2019-02: Department of Homeland Security")
    assert "sentence of e1" in lines[1]
