"""Prometheus metrics of the worker, served on `/metrics` in the text exposition format.

Pure bookkeeping: the app calls `observe_batch` after each published batch and `render` on a scrape,
passing the partitions' high-water marks so consumer lag is computed at scrape time.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

CONTENT_TYPE = CONTENT_TYPE_LATEST
TopicPartition = tuple[str, int]


class WorkerMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.items_in = Counter("borderlines_items_in", "Input messages consumed", registry=self.registry)
        self.enriched = Counter("borderlines_items_enriched", "Enriched items published", registry=self.registry)
        self.dead_lettered = Counter("borderlines_items_dead_lettered", "Dead letters published, by reason",
                                     ["reason"], registry=self.registry)
        self.events_out = Counter("borderlines_events", "Migration-policy events published, by type",
                                  ["event_type"], registry=self.registry)
        self.batch_seconds = Histogram("borderlines_batch_seconds", "Time to process and publish one batch",
                                       buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120),
                                       registry=self.registry)
        self.lag = Gauge("borderlines_consumer_lag", "Messages behind the partition's high-water mark",
                         ["topic", "partition"], registry=self.registry)
        self._next_offsets: dict[TopicPartition, int] = {}

    def observe_batch(self, offsets: Iterable[tuple[str, int, int]], enriched: Sequence[Mapping[str, Any]],
                      dead_letters: Sequence[Mapping[str, Any]], seconds: float) -> None:
        """Count one published batch; `offsets` are the (topic, partition, offset) of its input messages."""
        count = 0
        for topic, partition, offset in offsets:
            count += 1
            key = (topic, partition)
            self._next_offsets[key] = max(self._next_offsets.get(key, 0), offset + 1)
        self.items_in.inc(count)
        self.enriched.inc(len(enriched))
        for reason, n in Tally(str(d.get("reason")) for d in dead_letters).items():
            self.dead_lettered.labels(reason=reason).inc(n)
        for event_type, n in Tally(e["event_type"] for r in enriched for e in r.get("events", [])).items():
            self.events_out.labels(event_type=event_type).inc(n)
        self.batch_seconds.observe(seconds)

    def render(self, highwaters: Mapping[TopicPartition, int | None]) -> bytes:
        """The exposition text; lag = high-water mark minus the next offset this worker will process."""
        self.lag.clear()
        for (topic, partition), highwater in highwaters.items():
            if highwater is None:
                continue
            done = self._next_offsets.get((topic, partition))
            if done is not None:
                self.lag.labels(topic=topic, partition=str(partition)).set(max(highwater - done, 0))
        return bytes(generate_latest(self.registry))
