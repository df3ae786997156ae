"""Pretty-print a topic, one readable line per record (kafka-python consumer)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import orjson
from kafka import KafkaConsumer

from workers.formatting import format_record
from workers.kafka_config import kafka_python_kwargs
from workers.settings import Settings


def consume(settings: Settings, topic: str, *, from_beginning: bool = True, idle_timeout: float | None = None,
            max_records: int | None = None) -> Iterator[Any]:
    """Yield decoded records from `topic`; stop after `idle_timeout` seconds without a record."""
    consumer = KafkaConsumer(
        topic,
        group_id=None,  # a tail never commits: it must not disturb real consumers
        client_id=f"borderlines-tail-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
        **kafka_python_kwargs(settings),
    )
    seen = 0
    last = time.monotonic()
    try:
        while max_records is None or seen < max_records:
            batch = consumer.poll(timeout_ms=500)
            for records in batch.values():
                for message in records:
                    seen += 1
                    last = time.monotonic()
                    yield _decode(message.value)
            if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                return
    finally:
        consumer.close()


def _decode(value: bytes | None) -> Any:
    try:
        return orjson.loads(value) if value is not None else None
    except orjson.JSONDecodeError:
        return value


def _raw_line(record: Any) -> str:
    if isinstance(record, bytes):  # not JSON: show it as text, never fail on it
        return record.decode("utf-8", errors="replace")
    return orjson.dumps(record).decode()


def tail(settings: Settings, topic: str, *, from_beginning: bool, idle_timeout: float | None,
         raw: bool, echo: Callable[[str], None]) -> int:
    count = 0
    for record in consume(settings, topic, from_beginning=from_beginning, idle_timeout=idle_timeout):
        echo(_raw_line(record) if raw else format_record(topic, record))
        count += 1
    return count
