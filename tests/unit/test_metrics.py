from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from workers.metrics import WorkerMetrics


def _samples(text: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text.decode()):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def test_batches_are_counted_by_outcome_type_and_reason() -> None:
    metrics = WorkerMetrics()
    enriched = [{"item_id": "a", "events": [{"event_type": "DEPORTATION"}, {"event_type": "COURT_RULING"}]},
                {"item_id": "b", "events": [{"event_type": "DEPORTATION"}]}]
    dead = [{"reason": "invalid_json"}]
    metrics.observe_batch([("raw", 0, 10), ("raw", 0, 11), ("raw", 1, 5)], enriched, dead, 0.3)
    samples = _samples(metrics.render({}))
    assert samples[("borderlines_items_in_total", ())] == 3
    assert samples[("borderlines_items_enriched_total", ())] == 2
    assert samples[("borderlines_items_dead_lettered_total", (("reason", "invalid_json"),))] == 1
    assert samples[("borderlines_events_total", (("event_type", "DEPORTATION"),))] == 2
    assert samples[("borderlines_batch_seconds_count", ())] == 1
    assert samples[("borderlines_batch_seconds_bucket", (("le", "0.5"),))] == 1


def test_lag_is_highwater_minus_next_offset_per_partition() -> None:
    metrics = WorkerMetrics()
    metrics.observe_batch([("raw", 0, 10), ("raw", 1, 3)], [], [], 0.1)
    samples = _samples(metrics.render({("raw", 0): 25, ("raw", 1): 4, ("raw", 2): 9}))
    assert samples[("borderlines_consumer_lag", (("partition", "0"), ("topic", "raw")))] == 14
    assert samples[("borderlines_consumer_lag", (("partition", "1"), ("topic", "raw")))] == 0
    assert ("borderlines_consumer_lag", (("partition", "2"), ("topic", "raw"))) not in samples
