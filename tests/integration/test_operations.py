"""The worker's operational surface on a real broker: /metrics (Prometheus text) and JSON logs."""

from __future__ import annotations

import time
import urllib.request
from dataclasses import replace

import orjson
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import news_item
from tests.integration.conftest import consume, item_bytes, produce


def _metrics(port: int) -> tuple[str, dict[tuple[str, tuple[tuple[str, str], ...]], float]]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        content_type = response.headers["Content-Type"]
        text = response.read().decode()
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return content_type, samples


def test_metrics_and_json_logs_follow_the_items(settings, start_worker):
    settings = replace(settings, log_format="json")
    worker = start_worker(settings)
    good = news_item("ops-good", "Border Patrol agents detained 300 migrants near El Paso on Tuesday, "
                                 "Customs and Border Protection said.")
    produce(settings, [item_bytes(good), b"not json at all"], [b"ops-good", b"ops-bad"])
    consume(settings, settings.topic_enriched, until=lambda rs: any(r["item_id"] == "ops-good" for r in rs))
    consume(settings, settings.topic_dlq, until=lambda rs: len(rs) >= 1)

    deadline = time.monotonic() + 30
    while True:
        content_type, samples = _metrics(worker.web_port)
        if samples.get(("borderlines_items_in_total", ())) == 2 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert content_type.startswith("text/plain")
    assert samples[("borderlines_items_in_total", ())] == 2
    assert samples[("borderlines_items_enriched_total", ())] == 1
    assert samples[("borderlines_items_dead_lettered_total", (("reason", "invalid_json"),))] == 1
    assert samples[("borderlines_batch_seconds_count", ())] >= 1
    lags = [v for (name, _), v in samples.items() if name == "borderlines_consumer_lag"]
    assert lags and all(v == 0 for v in lags)

    lines = [orjson.loads(line) for line in worker.log().splitlines() if line.startswith("{")]
    batch_lines = [doc for doc in lines if doc["message"].startswith("batch done")]
    assert batch_lines, worker.log()[-2000:]
    assert any("ops-good" in doc["item_ids"] for doc in batch_lines)
    assert any(d["reason"] == "invalid_json" for doc in batch_lines for d in doc["dead_letters"])
    # where each batch's time went: NLP thread, then publishing to the broker
    assert all(doc["process_s"] >= 0 and doc["publish_s"] >= 0 for doc in batch_lines)
    assert any("warmed up" in doc["message"] for doc in lines)
