"""Reading the output topics back and reconciling them with what was sent, by id."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import orjson
from kafka import KafkaConsumer, TopicPartition

from workers.kafka_config import kafka_python_kwargs
from workers.settings import Settings

# Lines printed by every reliability test; tests/integration/conftest.py repeats them in the terminal summary.
RECONCILE_LINES: list[str] = []


class Collector:
    """Reads topics from the beginning, keeping every record (key, decoded value) in order."""

    def __init__(self, s: Settings, topics: Iterable[str]) -> None:
        self.consumer = KafkaConsumer(group_id=None, enable_auto_commit=False,
                                      max_partition_fetch_bytes=s.topic_max_message_bytes,
                                      fetch_max_bytes=s.topic_max_message_bytes * 2, **kafka_python_kwargs(s))
        self.records: dict[str, list[tuple[bytes | None, dict[str, Any]]]] = {}
        tps: list[TopicPartition] = []
        for topic in topics:
            self.records[topic] = []
            deadline = time.monotonic() + 30
            partitions = self.consumer.partitions_for_topic(topic)
            while not partitions and time.monotonic() < deadline:
                time.sleep(0.2)
                partitions = self.consumer.partitions_for_topic(topic)
            assert partitions, f"topic {topic} not found"
            tps.extend(TopicPartition(topic, p) for p in sorted(partitions))
        self.tps = tps
        self.consumer.assign(tps)
        self.consumer.seek_to_beginning(*tps)

    def poll(self, timeout_ms: int = 300) -> None:
        for tp, batch in self.consumer.poll(timeout_ms=timeout_ms, max_records=5000).items():
            for message in batch:
                self.records[tp.topic].append((message.key, orjson.loads(message.value)))

    def until(self, condition: Callable[[Collector], bool], timeout: float, what: str = "") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.poll()
            if condition(self):
                return
        raise AssertionError(f"not reached within {timeout:.0f}s: {what} ({self.summary()})")

    def drain(self, timeout: float = 30.0) -> None:
        """Read up to the end offsets as of now."""
        end = self.consumer.end_offsets(self.tps)
        deadline = time.monotonic() + timeout
        while any(self.consumer.position(tp) < offset for tp, offset in end.items()):
            assert time.monotonic() < deadline, "could not read to the end offsets"
            self.poll()

    def ids(self, topic: str) -> list[str]:
        """Item ids on `topic`: the key on the enriched topic, `item_id` on the DLQ."""
        out = []
        for key, value in self.records[topic]:
            item_id = value.get("item_id") or (key.decode() if key else None)
            if item_id is not None:
                out.append(item_id)
        return out

    def distinct(self, *topics: str) -> set[str]:
        return {i for topic in topics for i in self.ids(topic)}

    def summary(self) -> str:
        return ", ".join(f"{t}: {len(r)}" for t, r in self.records.items())

    def close(self) -> None:
        self.consumer.close()


@dataclass
class Reconciliation:
    name: str
    sent: int
    enriched: int
    enriched_distinct: int
    dlq: int
    dlq_distinct: int
    missing: int
    unexpected: int
    in_both: int

    @property
    def duplicates(self) -> int:
        return (self.enriched - self.enriched_distinct) + (self.dlq - self.dlq_distinct)

    def line(self) -> str:
        return (f"RECONCILE {self.name}: sent={self.sent} enriched={self.enriched} "
                f"enriched_distinct={self.enriched_distinct} dlq={self.dlq} dlq_distinct={self.dlq_distinct} "
                f"missing={self.missing} duplicates={self.duplicates} unexpected={self.unexpected} "
                f"in_both={self.in_both}")


def reconcile(name: str, sent_ids: list[str], collector: Collector, s: Settings,
              record_property: Callable[[str, object], None] | None = None) -> Reconciliation:
    """Every sent id must be on the enriched topic or the DLQ; duplicates are counted, not hidden."""
    enriched_ids = collector.ids(s.topic_enriched)
    dlq_ids = collector.ids(s.topic_dlq)
    enriched_set, dlq_set, sent_set = set(enriched_ids), set(dlq_ids), set(sent_ids)
    assert len(sent_set) == len(sent_ids), "the test sent duplicate ids on purpose? count them separately"
    result = Reconciliation(
        name=name, sent=len(sent_ids), enriched=len(enriched_ids), enriched_distinct=len(enriched_set),
        dlq=len(dlq_ids), dlq_distinct=len(dlq_set), missing=len(sent_set - enriched_set - dlq_set),
        unexpected=len((enriched_set | dlq_set) - sent_set), in_both=len(enriched_set & dlq_set),
    )
    line = result.line()
    print("\n" + line)
    RECONCILE_LINES.append(line)
    if record_property is not None:
        record_property("reconcile", line)
    return result


def duplicate_counts(ids: list[str]) -> Counter[str]:
    return Counter({k: v for k, v in Counter(ids).items() if v > 1})
